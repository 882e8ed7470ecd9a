#!/usr/bin/env python3
"""Build offline snapshot feeds in Google News search-RSS shape from seed digest posts.

Input : <seed>/topics.json and <seed>/<topic>/<yyyy-MM-dd>.md (Hugo posts from
        jspagnuolo/news-summarizer, MIT, commit 1bebebe).
Output: <out>/feeds/<topic>/<side-id>.xml  (one RSS 2.0 file per topic side)
        <out>/seed-topics.json             (byte-identical copy of topics.json)

Deterministic: running twice yields identical bytes.
"""
import argparse, datetime as dt, hashlib, html, json, re, shutil, sys
import xml.etree.ElementTree as ET
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote_plus
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[2]
FIRST_DAY, LAST_DAY = dt.date(2026, 1, 8), dt.date(2026, 1, 12)
BUILD_TIME = dt.datetime(2026, 1, 12, 4, 0, 0, tzinfo=dt.timezone.utc)  # seed run time
SAME_DAY_SECONDS = 4 * 3600  # same-day items were published before the 04:00 UTC run

# Outlet display name -> homepage. Only well-known, real homepages; unknown -> news.google.com.
OUTLETS = {
    "China Daily": "https://www.chinadaily.com.cn",
    "Global Edition": "https://global.chinadaily.com.cn",  # seed titles end " - China Daily"
    "Global Times": "https://www.globaltimes.cn",
    "South China Morning Post": "https://www.scmp.com",
    "Xinhua": "https://english.news.cn",
    "新华网": "https://www.xinhuanet.com",
    "CGTN": "https://www.cgtn.com",
    "The Japan Times": "https://www.japantimes.co.jp",
    "Nikkei Asia": "https://asia.nikkei.com",
    "Kyodo News": "https://english.kyodonews.net",
    "Japan Wire by KYODO NEWS": "https://english.kyodonews.net",
    "The Asahi Shimbun": "https://www.asahi.com",
    "The Mainichi": "https://mainichi.jp",
    "Focus Taiwan": "https://focustaiwan.tw",
    "Taipei Times": "https://www.taipeitimes.com",
    "Taiwan News": "https://www.taiwannews.com.tw",
    "Dawn": "https://www.dawn.com",
    "The Express Tribune": "https://tribune.com.pk",
    "The Nation (Pakistan )": "https://www.nation.com.pk",
    "Pakistan Today": "https://www.pakistantoday.com.pk",
    "Business Recorder": "https://www.brecorder.com",
    "Arab News PK": "https://www.arabnews.pk",
    "The Times of India": "https://timesofindia.indiatimes.com",
    "Times of India": "https://timesofindia.indiatimes.com",
    "Hindustan Times": "https://www.hindustantimes.com",
    "The Indian Express": "https://indianexpress.com",
    "India Today": "https://www.indiatoday.in",
    "The Economic Times": "https://economictimes.indiatimes.com",
    "Reuters": "https://www.reuters.com",
    "The New York Times": "https://www.nytimes.com",
    "The Washington Post": "https://www.washingtonpost.com",
    "Bloomberg.com": "https://www.bloomberg.com",
    "Financial Times": "https://www.ft.com",
    "AP News": "https://apnews.com",
    "BBC": "https://www.bbc.com",
    "CNN en Español": "https://cnnespanol.cnn.com",
    "EL PAÍS": "https://elpais.com",
    "Infobae": "https://www.infobae.com",
    "Al Jazeera": "https://www.aljazeera.com",
    "NPR": "https://www.npr.org",
    "CBS News": "https://www.cbsnews.com",
    "NBC News": "https://www.nbcnews.com",
    "Forbes": "https://www.forbes.com",
    "Los Angeles Times": "https://www.latimes.com",
    "France 24": "https://www.france24.com",
    "The Straits Times": "https://www.straitstimes.com",
    "The Korea Times": "https://www.koreatimes.co.kr",
    "Daily Times": "https://dailytimes.com.pk", "Profit by Pakistan": "https://profit.pakistantoday.com.pk",
    "Eurasia Review": "https://www.eurasiareview.com", "Modern Diplomacy": "https://moderndiplomacy.eu",
    "MSN": "https://www.msn.com", "Moneycontrol": "https://www.moneycontrol.com",
    "Sky News": "https://news.sky.com", "Fox Business": "https://www.foxbusiness.com",
    "Univision": "https://www.univision.com", "Telemundo": "https://www.telemundo.com",
    "Venezuelanalysis": "https://venezuelanalysis.com", "CGTN en Español": "https://espanol.cgtn.com",
    "Deccan Herald": "https://www.deccanherald.com", "Asia Times": "https://asiatimes.com",
    "Washington Times": "https://www.washingtontimes.com", "CBC": "https://www.cbc.ca",
    "Institute for the Study of War": "https://www.understandingwar.org",
}
DOMAIN_RE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$", re.I)
SOURCE_RE = re.compile(
    r"^(\d+)\.\s+(?:\[([a-z]{2,3}-[A-Za-z]{2,3})\]\s+)?\[(.*)\]\((https://news\.google\.com/[^)\s]+)\)"
    r" - (.+?) \((\d{1,2})/(\d{1,2})/(\d{4})\)\s*$")
PERSP_RE = re.compile(r"-\s*id:\s*\"?([\w-]+)\"?\s*\n\s*name:.*\n\s*count:\s*(\d+)")
HEADER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><rss version="2.0" '
          'xmlns:media="http://search.yahoo.com/mrss/"><channel><generator>NFE/5.0</generator>'
          '<title>{title}</title><link>{link}</link><language>{lang}</language>'
          '<webMaster>news-webmaster@google.com</webMaster><copyright>Copyright © 2026 Google. '
          'All rights reserved. This XML feed is made available solely for the purpose of rendering '
          'Google News results within a personal feed reader for personal, non-commercial use. Any '
          'other use of the feed is expressly prohibited. By accessing this feed or using these results '
          'in any manner whatsoever, you agree to be bound by the foregoing restrictions.</copyright>'
          '<lastBuildDate>{built}</lastBuildDate><image><title>Google News</title><url>https://lh3.'
          'googleusercontent.com/-DR60l-K8vnyi99NZovm9HlXyZwQ85GMDxiwJWzoasZYCUrPuUM_P_4Rb7ei03j-0nRs0c4F'
          '=w256</url><link>https://news.google.com/</link><height>256</height><width>256</width></image>'
          '<description>Google News</description>\n')
notes = []  # parsing oddities, printed at the end


def rfc1123(t):
    return format_datetime(t, usegmt=True)


def attr(v):
    return escape(v, {'"': "&quot;"})


def outlet_url(name):
    if name in OUTLETS:
        return OUTLETS[name]
    if DOMAIN_RE.match(name):
        return "https://" + name.lower()
    return "https://news.google.com"


def parse_post(path):
    text = path.read_text(encoding="utf-8")
    fm = text.split("---", 2)[1]
    persp = [(i, int(c)) for i, c in PERSP_RE.findall(fm)]
    body = text.split("\n## Sources", 1)[1]
    lines = [l for l in body.splitlines() if re.match(r"^\d+\.\s", l)]
    items = []
    for l in lines:
        m = SOURCE_RE.match(l)
        if not m:
            sys.exit(f"unparsable source line in {path}: {l[:120]}")
        n, lang, title, link, outlet, mo, d, y = m.groups()
        if lang is None:
            notes.append(f"{path.parent.name}/{path.name} #{n}: no [lang] tag")
        if "](" in title or "[" in title or "]" in title:
            notes.append(f"{path.parent.name}/{path.name} #{n}: brackets in title: {title[:70]}")
        items.append(dict(lang=lang, title=title, link=link, outlet=outlet,
                          date=dt.date(int(y), int(mo), int(d))))
    if sum(c for _, c in persp) != len(items):
        sys.exit(f"{path}: perspective counts {persp} != {len(items)} source lines")
    sides, k = {}, 0
    for pid, c in persp:
        sides[pid] = items[k:k + c]
        k += c
    return sides


def pub_time(link, item_date, post_date):
    h = int.from_bytes(hashlib.sha256(link.encode("utf-8")).digest()[:8], "big")
    span = SAME_DAY_SECONDS if item_date == post_date else 86400
    if item_date > post_date:
        notes.append(f"item dated after its post ({item_date} > {post_date}): {link[:80]}")
    sec = h % span
    minute, second = divmod(sec, 60)
    return dt.datetime.combine(item_date, dt.time(minute // 60, minute % 60, second),
                               tzinfo=dt.timezone.utc)


def item_xml(it):
    guid = it["link"].split("/articles/", 1)[1].split("?", 1)[0]
    desc = (f'<a href="{html.escape(it["link"])}" target="_blank">{html.escape(it["title"], False)}'
            f'</a>&nbsp;&nbsp;<font color="#6f6f6f">{html.escape(it["outlet"], False)}</font>')
    return (f'<item><title>{escape(it["title"] + " - " + it["outlet"])}</title>'
            f'<link>{escape(it["link"])}</link><guid isPermaLink="false">{escape(guid)}</guid>'
            f'<pubDate>{rfc1123(it["pub"])}</pubDate><description>{escape(desc)}</description>'
            f'<source url="{attr(outlet_url(it["outlet"]))}">{escape(it["outlet"])}</source></item>\n')


def build(seed, out):
    topics = json.loads((seed / "topics.json").read_text(encoding="utf-8"))["topics"]
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(seed / "topics.json", out / "seed-topics.json")
    days = [LAST_DAY - dt.timedelta(days=i) for i in range((LAST_DAY - FIRST_DAY).days + 1)]
    expected = {}  # (topic, side) -> set of links, for validation
    for t in topics:
        side_ids = [p["id"] for p in t["perspectives"]]
        feeds = {f["perspective"]: f for f in t["rssFeeds"]}
        merged = {s: {} for s in side_ids}  # side -> link -> item (first = newest post)
        for day in days:  # newest post first
            path = seed / t["id"] / f"{day.isoformat()}.md"
            if not path.exists():
                notes.append(f"missing post {path}")
                continue
            sides = parse_post(path)
            if list(sides) != side_ids:
                notes.append(f"{t['id']}/{day}: front-matter sides {list(sides)} != topics.json {side_ids}")
            for sid, items in sides.items():
                feed = feeds[sid]
                want = f"{feed['language']}-{feed['region']}"
                for it in items:
                    if it["lang"] and it["lang"] != want:
                        notes.append(f"{t['id']}/{day} {sid}: lang tag {it['lang']} != feed {want}")
                    expected.setdefault((t["id"], sid), set()).add(it["link"])
                    if it["link"] not in merged[sid]:
                        merged[sid][it["link"]] = dict(it, pub=pub_time(it["link"], it["date"], day))
        seen = {}
        for sid in side_ids:
            for link in merged[sid]:
                if link in seen:
                    notes.append(f"{t['id']}: link in both '{seen[link]}' and '{sid}' feeds: {link[:80]}")
                seen[link] = sid
            feed = feeds[sid]
            lang, region = feed["language"], feed["region"]
            hl = f"{lang}-{region}"
            link = (f"https://news.google.com/search?q={quote_plus(feed['query'])}"
                    f"&hl={hl}&gl={region}&ceid={region}:{lang}")
            items = sorted(merged[sid].values(), key=lambda i: i["link"])
            items.sort(key=lambda i: i["pub"], reverse=True)
            doc = HEADER.format(title=escape(f'"{feed["query"]}" - Google News'), link=escape(link),
                                lang=hl, built=rfc1123(BUILD_TIME))
            doc += "".join(item_xml(i) for i in items) + "</channel></rss>\n"
            path = out / "feeds" / t["id"] / f"{sid}.xml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(doc.encode("utf-8"))
            print(f"{t['id']:15} {sid:11} {len(items):3} items -> {path.relative_to(out)}")
    return expected


def validate(out, expected):
    ok = True
    for (topic, sid), links in sorted(expected.items()):
        path = out / "feeds" / topic / f"{sid}.xml"
        root = ET.parse(path).getroot()
        got = [i.findtext("link") for i in root.iter("item")]
        dates = [i.findtext("pubDate") for i in root.iter("item")]
        good = len(got) == len(set(got)) == len(links) and set(got) == links and all(dates)
        ok &= good
        print(f"validate {topic}/{sid}: {len(got)} items, {len(links)} distinct links -> "
              f"{'OK' if good else 'MISMATCH'}")
    return ok


def check_china_japan(seed, out):
    sides = parse_post(seed / "china-japan" / f"{LAST_DAY.isoformat()}.md")
    n = bad = 0
    for sid, items in sides.items():
        root = ET.parse(out / "feeds" / "china-japan" / f"{sid}.xml").getroot()
        links = {i.findtext("link") for i in root.iter("item")}
        for it in items:
            n += 1
            bad += it["link"] not in links
    print(f"china-japan {LAST_DAY}: {n - bad}/{n} links present in the right side feed")
    return bad == 0 and n == 20


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=Path, default=REPO / "../shared/data/seed-digests")
    ap.add_argument("--out", type=Path, default=REPO / "samples/NewsPerspectives.Cli/snapshot")
    a = ap.parse_args()
    expected = build(a.seed, a.out)
    ok = validate(a.out, expected)
    ok &= check_china_japan(a.seed, a.out)
    for n in dict.fromkeys(notes):  # dedupe, keep order
        print("note:", n)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
