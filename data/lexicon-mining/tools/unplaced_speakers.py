"""Rank the speakers the extractor could not place, for a reviewer who knows the news.

    python -m analysis analyze path/to/corpus --out /tmp/run        # the extractor's tables
    python data/lexicon-mining/tools/unplaced_speakers.py path/to/corpus /tmp/run \
        --out data/lexicon-mining/my-corpus/speaker_candidates.csv

A source the lexicons do not know is a third party (`other`, codebook note 37), yet hand
coders place a named person by who he is: Carter Page and Stormy Daniels are American,
Khabib Nurmagomedov Russian. This tool lists the source spans of the attributions whose
source is a person with no actor id and side `other` or `unknown`, one row per span text,
ranked by the number of articles in which it speaks, with how often articles that name it
also name the US or Russia at least twice (``share_us_ru_articles``) and how often its
first word stands anywhere in the corpus (a common noun such as وزارة has a low
``speaker_share``). Most rows are noun heads and common words; a reviewer reads the rest
against `count_alias.py`-style counts and adds persons with a clear side to actors.csv
(data/lexicon-mining/README.md, "Unplaced speakers").

Articles of the locked test split (``data/annotations/splits.csv``) and their exact copies
are left out. The table holds span texts (names and heads), counts and the place of one
example (article, part, offsets), never article text.
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from analysis.corpus.files import atomic_path
from analysis.corpus.io import read_articles
from analysis.validation.evaluation import read_splits

#: Heads of noun phrases that are no names (the first word of a description).
HEADS = frozenset("رئيس أحد متحدث وزير مدير نائب قائد عضو مسؤول محامي كبير زعيم خبير مراسل أستاذ ممثل رجل ضابط "
                  "محافظ مدرب نجم رئيسة متحدثة وزيرة مديرة".split())
_ARABIC_RE = re.compile(r"[\u0621-\u064A ]+")
_WORD_RE = re.compile(r"[\u0621-\u064A]+")
COLUMNS = ["candidate", "articles", "acts", "share_us_ru_articles", "first_word_doc_freq", "speaker_share",
           "example_article", "example_part", "example_start", "example_end"]


def _key(title: str, body: str) -> str:
    return hashlib.sha1((title + "\x00" + body).encode("utf-8")).hexdigest()


def unplaced_speakers(articles: pd.DataFrame, attributions: pd.DataFrame, mentions: pd.DataFrame,
                      exclude: set[str] = frozenset(), min_articles: int = 2) -> pd.DataFrame:
    """The ranked table described in the module docstring (see there)."""
    articles = articles[~articles["article_id"].isin(exclude)]
    texts = {a: (t or "", b or "") for a, t, b in zip(articles["article_id"], articles["title"], articles["body"])}
    rows = attributions[attributions["article_id"].isin(texts.keys())]
    rows = rows[rows["source_side"].isin(["other", "unknown"]) & (rows["source_type"] == "person")
                & rows["source_actor_id"].isna() & rows["source_start"].notna()]
    sides = mentions[mentions["side"].isin(["us", "russia"])].groupby("article_id").size()
    count, seen, example = Counter(), defaultdict(set), {}
    for r in rows.itertuples(index=False):
        text = texts[r.article_id][0 if r.source_part == "title" else 1]
        span = text[int(r.source_start):int(r.source_end)].strip()
        words = span.split()
        if not words or len(words) > 3 or words[0].startswith("ال") or words[0] in HEADS:
            continue
        if not _ARABIC_RE.fullmatch(span):
            continue
        count[span] += 1
        seen[span].add(r.article_id)
        example.setdefault(span, (r.article_id, r.source_part, int(r.source_start), int(r.source_end)))
    kept = [s for s in count if len(seen[s]) >= min_articles]
    firsts = {s.split()[0] for s in kept}
    doc_freq = Counter()
    for title, body in texts.values():
        doc_freq.update(firsts & set(_WORD_RE.findall(title + " " + body)))
    out = []
    for s in kept:
        n = len(seen[s])
        df = doc_freq[s.split()[0]]
        out.append([s, n, count[s], round(sum(sides.get(a, 0) >= 2 for a in seen[s]) / n, 2), df,
                    round(n / max(df, 1), 3), *example[s]])
    table = pd.DataFrame(out, columns=COLUMNS)
    return table.sort_values(["articles", "candidate"], ascending=[False, True]).reset_index(drop=True)


def locked_articles(articles: pd.DataFrame, splits: Path | None = None) -> set[str]:
    """The test split's articles and every article whose title and body equal one of theirs."""
    split = read_splits(splits)
    test = set(split.loc[split["split"] == "test", "article_id"])
    keys = {a: _key(t or "", b or "") for a, t, b in zip(articles["article_id"], articles["title"], articles["body"])}
    locked = {keys[a] for a in test if a in keys}
    return {a for a, k in keys.items() if k in locked}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="the corpus the tables were made from (any format read_articles reads)")
    parser.add_argument("tables", help="the output folder of `python -m analysis analyze`")
    parser.add_argument("--out", required=True, help="CSV to write")
    parser.add_argument("--min-articles", type=int, default=2)
    args = parser.parse_args()
    articles = read_articles(args.corpus)
    tables = Path(args.tables)
    attributions = pd.read_parquet(tables / "attributions.parquet")
    mentions = pd.read_parquet(tables / "mentions.parquet", columns=["article_id", "side"])
    table = unplaced_speakers(articles, attributions, mentions, locked_articles(articles), args.min_articles)
    with atomic_path(Path(args.out)) as tmp:
        table.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
    print(f"{len(table)} unplaced speakers in at least {args.min_articles} articles -> {args.out}")


if __name__ == "__main__":
    main()
