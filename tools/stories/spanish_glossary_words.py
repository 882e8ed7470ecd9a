#!/usr/bin/env python3
"""Lists the Spanish content words of the replaced system's headlines, most frequent first, with their counts.

The Spanish glossary of story matching (src/NewsPerspectives/Stories/spanish-english-news.tsv) was chosen from this
list (count >= 3), leaving out proper names, function words and words without a clear English news equivalent, and
translated by hand. Headlines of the held-out validation posts (and any headline also found in them) are not counted,
so the glossary owes nothing to them.

usage (from the repository root): python3 tools/stories/spanish_glossary_words.py [--seed ../shared/data/seed-digests]
       [--validation ../shared/data/labels/validation-labels.json] [--min 3]
"""
import argparse, collections, json, os, re, unicodedata

LINE = re.compile(r'^\d+\. (?:\[[a-z]{2}-[A-Z]{2}\] )?\[(?P<title>.*)\]\(https?://[^)\s]+\) - .* \(\d{1,2}/\d{1,2}/\d{4}\)\s*$')
MARKERS = set('el la los las un una de del y que en por para con se su al es lo como mas tras sobre'.split())


def fold(word):
    return ''.join(c for c in unicodedata.normalize('NFD', word.lower()) if unicodedata.category(c) != 'Mn')


def titles(path):
    text = open(path, encoding='utf-8').read()
    if '## Sources' not in text:
        return []
    return [m['title'] for m in map(LINE.match, text.split('## Sources', 1)[1].splitlines()) if m]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', default='../shared/data/seed-digests')
    ap.add_argument('--validation', default='../shared/data/labels/validation-labels.json')
    ap.add_argument('--min', type=int, default=3)
    a = ap.parse_args()
    held_out = set(json.load(open(a.validation))['sample'])
    posts = {}
    for topic in sorted(os.listdir(a.seed)):
        folder = os.path.join(a.seed, topic)
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith('.md'):
                    posts[f'{topic}/{name[:-3]}'] = titles(os.path.join(folder, name))
    excluded = {t for key, ts in posts.items() if key in held_out for t in ts}
    seen, counts = set(), collections.Counter()
    for key, ts in posts.items():
        for t in ts:
            if key in held_out or t in excluded or t in seen:
                continue
            seen.add(t)
            words = [fold(w) for w in re.findall(r'\w+', t)]
            if sum(w in MARKERS for w in words) >= 2:
                counts.update({w for w in words if len(w) > 2 and not w.isdigit()})
    for word, n in counts.most_common():
        if n >= a.min:
            print(f'{word}\t{n}')


if __name__ == '__main__':
    main()
