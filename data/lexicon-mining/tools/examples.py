"""Print examples in context for the top candidates of a mined table, for a human reviewer.

    python data/lexicon-mining/tools/examples.py data/lexicon-mining/ant-2018/cue_candidates.csv \
        --top 300 --per 4 --not-in-lexicon > /tmp/cue_examples.txt

For each candidate it prints up to ``--per`` sentences of the corpus (article id, part,
offsets, the original text around the word, the word between ⟦ ⟧). Articles of the locked
test split (``data/annotations/splits.csv``) are never shown. The text is printed to the
terminal only; it is not written into the repository.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

import pandas as pd

from analysis.coding.mining import tokens
from analysis.corpus.files import iter_jsonl
from analysis.corpus.paths import ANNOTATIONS_DIR, ant_corpus

CONTEXT = 70


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("candidates")
    parser.add_argument("--top", type=int, default=300)
    parser.add_argument("--per", type=int, default=4)
    parser.add_argument("--not-in-lexicon", action="store_true")
    parser.add_argument("--corpus", default=None)
    args = parser.parse_args()
    table = pd.read_csv(args.candidates, dtype={"candidate": str}, keep_default_na=False)
    if args.not_in_lexicon:
        table = table[table["in_lexicon"].astype(str) != "True"]
    wanted = list(table["candidate"].head(args.top))
    phrases = {tuple(w.split()): w for w in wanted}
    longest = max(len(p) for p in phrases)
    with open(ANNOTATIONS_DIR / "splits.csv", encoding="utf-8") as handle:
        locked = {r["article_id"] for r in csv.DictReader(handle) if r["split"] == "test"}
    found = defaultdict(list)
    for _, record in iter_jsonl(args.corpus or ant_corpus()):
        if record["article_id"] in locked:
            continue
        for part in ("title", "body"):
            text = record[part] or ""
            for sentence in tokens(part, text):
                words = [t.text for t in sentence]
                for i in range(len(words)):
                    for n in range(1, min(longest, len(words) - i) + 1):
                        key = tuple(words[i:i + n])
                        if key in phrases and len(found[phrases[key]]) < args.per:
                            start, end = sentence[i].start, sentence[i + n - 1].end
                            context = (text[max(0, start - CONTEXT):start] + "⟦" + text[start:end] + "⟧"
                                       + text[end:end + CONTEXT]).replace("\n", " ⏎ ")
                            found[phrases[key]].append(f"  {record['article_id']} {part} {start}-{end}: {context}")
        if all(len(found[w]) >= args.per for w in wanted):
            break
    for rank, word in enumerate(wanted, start=1):
        row = table[table["candidate"] == word].iloc[0]
        counts = ", ".join(f"{c}={row[c]}" for c in table.columns
                           if c not in ("candidate",) and not c.startswith("example_"))
        print(f"#{rank} {word}  ({counts})")
        print("\n".join(found[word]) or "  (no example outside the test split)")


if __name__ == "__main__":
    main()
