#!/usr/bin/env python3
"""Builds the outlet knowledge shipped with the library:
  src/NewsPerspectives/Outlets/default-outlets.yaml        the outlet registry (canonical names, aliases, domains, countries)
  src/NewsPerspectives/Outlets/outlet-domain-countries.txt domains known by country only, for outlets the registry does not know

Sources of the registry, in order of precedence:
  1. tools/outlets/curated.txt: hand-written entries (name, country, ownership, domains, aliases): the outlets the
     replaced system cited most and the major outlets of the countries its topics cover and of other countries in
     the news, written from general knowledge.
  2. benchmarks/NewsPerspectives.Benchmarks/Data/labels/dev-labels.json: the canonical outlet and country a person
     gave to each outlet of the 25 labelled development posts (joined with those posts' source lines).
The seed posts' other outlet strings are not added: outlets the registry does not know are resolved at run time by
the registry's rules (variants, domains, country-code domains, country names; see OutletRegistry.Resolve), so they
are measured as unseen outlets. No outlet of the validation labels is ever added.

The domain list comes from shared/data/outlets/mbfc.csv (idiap/News-Media-Reliability, Apache-2.0): only its domain
and country columns are used, normalised to ISO 3166-1 codes; never its bias or credibility ratings. Domains the
registry already covers are left out.

Usage: python3 tools/outlets/build_default_registry.py [DATA_DIR] [--no-labels OUT.yaml]
  DATA_DIR is the shared data folder (default /work/shared/data; it holds outlets/mbfc.csv).
  --no-labels writes a registry built without step 2 to OUT.yaml instead (and leaves the domain list alone): put
  it in place of default-outlets.yaml and rebuild to measure outlets the registry did not learn from the labels
  (docs/quality.md gives the commands).
"""
import csv
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARGS = sys.argv[1:]
NO_LABELS = "--no-labels" in ARGS
OUTLETS_DIR = os.path.join(ROOT, "src", "NewsPerspectives", "Outlets")
OUT = ARGS[ARGS.index("--no-labels") + 1] if NO_LABELS else os.path.join(OUTLETS_DIR, "default-outlets.yaml")
DOMAINS_OUT = os.path.join(OUTLETS_DIR, "outlet-domain-countries.txt")
ARGS = [a for a in ARGS if a != "--no-labels" and a != OUT]
DATA = ARGS[0] if ARGS else "/work/shared/data"
LABELS = os.path.join(ROOT, "benchmarks", "NewsPerspectives.Benchmarks", "Data", "labels")
SOURCE_LINE = re.compile(r"^(\d+)\. (?:\[([a-z]{2}-[A-Z]{2})\] )?\[(.*)\]\((https?://[^)\s]+)\) - (.*) \((\d{1,2})/(\d{1,2})/(\d{4})\)$")

MBFC_COUNTRIES = {
    "usa": "US", "united states": "US", "usa|": "US", "canada": "CA", "united kingdom": "GB", "australia": "AU", "india": "IN",
    "france": "FR", "germany": "DE", "russia": "RU", "israel": "IL", "switzerland": "CH", "netherlands": "NL",
    "japan": "JP", "ireland": "IE", "south africa": "ZA", "italy": "IT", "china": "CN", "sweden": "SE",
    "ukraine": "UA", "philippines": "PH", "united arab emirates": "AE", "belgium": "BE", "beligium": "BE", "turkey": "TR",
    "romania": "RO", "cyprus": "CY", "south korea": "KR", "indonesia": "ID", "pakistan": "PK", "egypt": "EG",
    "spain": "ES", "malaysia": "MY", "hong kong": "HK", "finland": "FI", "taiwan": "TW", "kenya": "KE",
    "argentina": "AR", "greece": "GR", "saudi arabia": "SA", "singapore": "SG", "austria": "AT", "bulgaria": "BG",
    "poland": "PL", "macedonia": "MK", "iran": "IR", "serbia": "RS", "new zealand": "NZ", "slovenia": "SI",
    "jordan": "JO", "iceland": "IS", "czech republic": "CZ", "thailand": "TH", "nigeria": "NG", "denmark": "DK",
    "norway": "NO", "ecuador": "EC", "lebanon": "LB", "iraq": "IQ", "bangladesh": "BD", "north korea": "KP",
    "mexico": "MX", "tunisia": "TN", "estonia": "EE", "lithuania": "LT", "belarus": "BY", "latvia": "LV",
    "cambodia": "KH", "sri lanka": "LK", "qatar": "QA", "columbia": "CO", "croatia": "HR", "andorra": "AD",
    "costa rica": "CR", "morocco": "MA", "cameroon": "CM", "armenia": "AM", "cuba": "CU", "syria": "SY",
    "zimbabwe": "ZW", "uruguay": "UY", "hungary": "HU", "portugal": "PT", "guam": "GU",
    "puerto rico/usa": "PR", "latvia|": "LV",
}

def name_key(name):
    """Mirror of OutletRegistry.NormalizeName in C#."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", name))
    out, space = [], False
    for c in text:
        if unicodedata.category(c) == "Mn":
            continue
        if c.isspace() or c in "\u200b\u00a0":
            space = len(out) > 0
            continue
        if space:
            out.append(" ")
            space = False
        out.append("'" if c in "\u2019\u2018\u02bc" else c.lower())
    key = unicodedata.normalize("NFC", "".join(out)).replace("( ", "(").replace(" )", ")")
    return key.strip(" -–—|·:,;.")


def loose_key(name):
    return re.sub(r"[\W_]+", "", name_key(name))


def host_of(text):
    text = text.strip().lower().rstrip("/")
    if " " in text or "." not in text or not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", text):
        return None
    return text[4:] if text.startswith("www.") else text


def clean(name):
    return re.sub(r"\s+", " ", name).strip(" -–—|·:,;")


class Registry:
    def __init__(self):
        self.entries, self.by_name, self.by_domain, self.by_loose = [], {}, {}, {}

    def add(self, name, country=None, ownership=None, domains=(), aliases=(), note=None):
        e = {"name": name, "country": country, "ownership": ownership, "domains": [], "aliases": [], "note": note}
        self.entries.append(e)
        self.by_name[name_key(name)] = e
        self.by_loose.setdefault(loose_key(name), e)
        for d in domains:
            self.add_domain(e, d)
        for a in aliases:
            self.add_alias(e, a)
        return e

    def add_alias(self, e, alias):
        k = name_key(alias)
        if not k or k in self.by_name:
            return
        e["aliases"].append(alias)
        self.by_name[k] = e
        self.by_loose.setdefault(loose_key(alias), e)

    def add_domain(self, e, domain):
        h = host_of(domain)
        if h and h not in self.by_domain:
            e["domains"].append(h)
            self.by_domain[h] = e

    def find(self, name, parts=True):
        """Mirror of OutletRegistry.Resolve(name) in C#: name, host name, then each part of a name with a tagline."""
        if (e := self.by_name.get(name_key(name))) is not None:
            return e
        h = host_of(name)
        while h and h.count(".") >= 1:
            if h in self.by_domain:
                return self.by_domain[h]
            h = h.split(".", 1)[1] if h.count(".") >= 2 else None
        split = [p.strip() for p in re.split(r" \| | – | — | - ", name) if p.strip()]
        if parts and len(split) > 1:
            for part in (split[0], split[-1]):
                if (e := self.find(part, False)) is not None:
                    return e
        return None


def main():
    reg = Registry()
    for line in open(os.path.join(ROOT, "tools", "outlets", "curated.txt"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        name, country, ownership, domains, aliases = (line.split("|", 4) + [""] * 5)[:5]
        if name_key(name) in reg.by_name:
            print(f"CHECK: curated '{name}' is already a name or alias of '{reg.by_name[name_key(name)]['name']}'; skipped", file=sys.stderr)
            continue
        # Aliases are separated by ';' (a '|' may be part of a name, e.g. "Página|12").
        reg.add(name, country or None, ownership or None, [d for d in domains.split(",") if d], [a for a in aliases.split(";") if a])

    # Labelled posts: the person's canonical outlet and country for each outlet string.
    labels = json.load(open(os.path.join(LABELS, "dev-labels.json"), encoding="utf-8"))
    problems = []
    for key in ([] if NO_LABELS else labels["sample"]):
        topic, date = key.split("/")
        text = open(os.path.join(LABELS, "posts", topic, date + ".md"), encoding="utf-8").read()
        for line in text[text.find("## Sources"):].split("\n"):
            if not (m := SOURCE_LINE.match(line)):
                continue
            label = labels["items"][f"{key}#{m.group(1)}"]
            written, canon, country = m.group(5), label["outlet"], label["country"]
            e = reg.by_name.get(name_key(canon)) or reg.find(written)
            if e is None:
                e = reg.add(canon, country)
            if e["name"] != canon:
                problems.append(f"label canonical '{canon}' for '{written}' but registry says '{e['name']}'")
            if e["country"] != country:
                problems.append(f"label country {country} for '{canon}' but registry says {e['country']}")
            if reg.find(written) is None:
                reg.add_alias(e, written)
                if host_of(written):
                    reg.add_domain(e, written)

    # Domains known by country only: mbfc.csv's domain and country columns, for domains the registry does not cover.
    mbfc = {}
    for row in csv.DictReader(open(os.path.join(DATA, "outlets", "mbfc.csv"), encoding="utf-8")):
        country = MBFC_COUNTRIES.get(re.sub(r"\s*\(.*", "", row["country"]).strip().lower())
        host = host_of(row["source"])
        if country and host and reg.find(host) is None:
            mbfc.setdefault(host, country)

    for p in sorted(set(problems)):
        print("CHECK:", p, file=sys.stderr)
    print(f"{len(reg.entries)} registry entries ({'without' if NO_LABELS else 'with'} the dev labels); "
          f"{len(mbfc)} domains known by country only", file=sys.stderr)

    def q(s):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# The default outlet registry of NewsPerspectives, generated by tools/outlets/build_default_registry.py\n"
                "# (edit tools/outlets/curated.txt and re-run it rather than editing this file).\n"
                "# Hand-curated outlets (tools/outlets/curated.txt) and the outlets of the 25 labelled development posts\n"
                "# (dev-labels.json). Outlets it does not know are resolved by OutletRegistry's rules at run time.\n"
                "outlets:\n")
        for e in reg.entries:
            f.write(f"  - name: {q(e['name'])}\n")
            if e["aliases"]:
                f.write(f"    aliases: [{', '.join(q(a) for a in e['aliases'])}]\n")
            if e["domains"]:
                f.write(f"    domains: [{', '.join(q(d) for d in e['domains'])}]\n")
            if e["country"]:
                f.write(f"    country: {e['country']}" + (f"  # {e['note']}" if e["note"] else "") + "\n")
            if e["ownership"]:
                f.write(f"    ownership: {e['ownership']}\n")
    if not NO_LABELS:
        with open(DOMAINS_OUT, "w", encoding="utf-8", newline="\n") as f:
            f.write("# Domains known by country only (domain|ISO 3166-1 alpha-2), generated by tools/outlets/build_default_registry.py\n"
                    "# from the domain and country columns of mbfc.csv (idiap/News-Media-Reliability, Apache-2.0; no ratings).\n"
                    "# Used for the country of outlets the registry does not know; domains the registry covers are left out.\n")
            for host in sorted(mbfc):
                f.write(f"{host}|{mbfc[host]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
