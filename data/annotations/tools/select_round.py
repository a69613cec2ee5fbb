"""Choose a round of gold articles from ANT v2.1 and assign them to the dev or test split.

Run from the repository root (needs only the standard library and the corpus):

    python data/annotations/tools/select_round.py                 # round 2, as it was made
    python data/annotations/tools/select_round.py --round 3 --per-cell 3 --test-per-cell 0 \
        --max-international 1 --seed 20261205                     # round 3 (dev only)

It appends ``data/annotations/splits.csv`` rows for the new articles and prints the strata. The choice uses plain keyword lists written for this script, never the
extractor of this project, so that the sample does not favour what the rules already find.

Design (see ``data/annotations/README.md``):

* eligible: title + body name a Russian and a US keyword, the body has 400–4,000
  characters (so that one coder can read it whole), and the article is not in round 1;
* strata: outlet (5) × centrality (``lead``: both sides named in the title or the first
  400 characters of the body; ``passing``: otherwise) → 10 cells, 6 articles each;
* inside a cell, at most 3 of the 6 from ``internationalNews`` when other sections have
  eligible articles, so that Middle East, economy, sport, culture and technology appear;
* split: in every cell 3 articles go to ``test`` and 3 to ``dev``, by a seeded shuffle.

Round 3 used the same eligibility and strata (articles of earlier rounds excluded), 3 articles
per cell, at most one of them from ``internationalNews``, all to ``dev``.

ANT holds some texts twice under two ids (a story filed in two sections). From round 13 on,
an article whose body (whitespace collapsed) is that of an article already in
``splits.csv``, or of one picked before it in the same round, is passed over and the next
one in the shuffled order is taken. Rounds 1–12 were drawn without that check; pass
``--keep-duplicates`` to draw them again exactly. From round 27 on, an edited copy is passed
over too: a body that shares ``NEAR_COPY_JACCARD`` of its five-word shingles with a coded one
(round 26 drew FR-middleEast-228, FR-internationalNews-604 of round 14 with a few letters
changed); pass ``--exact-copies-only`` to draw rounds 13–26 again exactly.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import random
import re
from collections import defaultdict
from pathlib import Path

SEED = 20261204
PER_CELL = 6
TEST_PER_CELL = 3
MAX_INTERNATIONAL = 3
MIN_BODY, MAX_BODY = 400, 4000
LEAD_CHARS = 400

RUSSIA = re.compile(r"روسي|روسيا|موسكو|الكرملين|بوتين|بوتن|لافروف|زاخاروفا|بيسكوف|نيبينزيا|شويغو|الروس\b")
US = re.compile(
    r"أمريك|أميرك|امريك|اميرك|الولايات المتحدة|واشنطن|البيت الأبيض|البنتاغون|البنتاجون|ترامب|ترمب"
    r"|بومبيو|تيلرسون|ماتيس|هيلي|بولتون|بنس\b"
)

ROOT = Path(__file__).resolve().parents[3]
SPLITS = Path(__file__).resolve().parents[1] / "splits.csv"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "ant" / "ant-v2.1.jsonl.gz"


def both_sides(text: str) -> bool:
    return bool(RUSSIA.search(text)) and bool(US.search(text))


def text_key(body: str) -> str:
    """sha256 of the body with whitespace collapsed: two ids with this key are one text."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


#: Two bodies sharing this share of their five-word shingles (Jaccard) are one text edited
#: (a hamza or a و added, quotation marks changed: FR-middleEast-228 and
#: FR-internationalNews-604 share 0.956); the closest distinct gold articles share 0.51.
NEAR_COPY_JACCARD = 0.8
_MARKS = re.compile("[\u064b-\u0652\u0640]")


def shingles(body: str) -> frozenset[tuple[str, ...]]:
    """The five-word shingles of a body, with marks, tatweel and alef/ya/ta marbuta variants folded."""
    text = _MARKS.sub("", body)
    text = re.sub("[أإآ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    words = re.findall(r"\w+", text)
    return frozenset(tuple(words[i:i + 5]) for i in range(max(1, len(words) - 4)))


class NearCopies:
    """An index of coded bodies that answers whether a new body is a near copy of one of them."""

    def __init__(self) -> None:
        self._index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self._sizes: list[int] = []
        self._names: list[str] = []

    def add(self, name: str, body: str) -> None:
        grams = shingles(body)
        for gram in grams:
            self._index[gram].append(len(self._sizes))
        self._sizes.append(len(grams))
        self._names.append(name)

    def copy_of(self, body: str) -> str | None:
        """The name of a body added before that shares ``NEAR_COPY_JACCARD`` of its shingles."""
        grams = shingles(body)
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            for i in self._index.get(gram, ()):
                shared[i] += 1
        for i, n in sorted(shared.items()):
            if n / (len(grams) + self._sizes[i] - n) >= NEAR_COPY_JACCARD:
                return self._names[i]
        return None


def main(corpus: Path, round_: str = "2", seed: int = SEED, per_cell: int = PER_CELL,
         test_per_cell: int = TEST_PER_CELL, max_international: int = MAX_INTERNATIONAL,
         keep_duplicates: bool = False, exact_copies_only: bool = False) -> None:
    existing = {}
    with SPLITS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            existing[row["article_id"]] = row
    cells: dict[tuple[str, str], list[dict]] = defaultdict(list)
    coded: set[str] = set()  # text keys of the articles already in splits.csv
    near = NearCopies()  # and their shingles, for edited copies
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            body, title = record["body"], record["title"]
            if record["article_id"] in existing:
                coded.add(text_key(body))
                near.add(record["article_id"], body)
                continue
            if not MIN_BODY <= len(body) <= MAX_BODY:
                continue
            if not both_sides(title + "\n" + body):
                continue
            centrality = "lead" if both_sides(title + "\n" + body[:LEAD_CHARS]) else "passing"
            cells[(record["outlet"], centrality)].append(record)
    rng = random.Random(seed)
    chosen = []
    for key in sorted(cells):
        pool = sorted(cells[key], key=lambda r: r["article_id"])
        rng.shuffle(pool)
        picked, international = [], 0
        others = any(r["category"] != "internationalNews" for r in pool)
        for record in pool:
            if not keep_duplicates:
                key_ = text_key(record["body"])
                if key_ in coded:
                    continue  # the same text under another id is coded already
                if not exact_copies_only and near.copy_of(record["body"]) is not None:
                    continue  # an edited copy of a coded text (from round 27 on)
            if record["category"] == "internationalNews":
                if others and international >= max_international:
                    continue
                international += 1
            picked.append(record)
            if not keep_duplicates:
                coded.add(key_)
                near.add(record["article_id"], record["body"])
            if len(picked) == per_cell:
                break
        order = list(range(len(picked)))
        rng.shuffle(order)
        for rank, index in enumerate(order):
            record = picked[index]
            chosen.append({
                "article_id": record["article_id"], "outlet": record["outlet"],
                "category": record["category"], "centrality": key[1],
                "split": "test" if rank < test_per_cell else "dev", "round": round_,
            })
        print(f"{key[0]:18} {key[1]:8} eligible {len(pool):4}  chosen {len(picked)}")
    rows = list(existing.values()) + sorted(chosen, key=lambda r: r["article_id"])
    tmp = SPLITS.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(SPLITS)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--round", dest="round_", default="2")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--per-cell", type=int, default=PER_CELL)
    parser.add_argument("--test-per-cell", type=int, default=TEST_PER_CELL)
    parser.add_argument("--max-international", type=int, default=MAX_INTERNATIONAL)
    parser.add_argument("--keep-duplicates", action="store_true",
                        help="do not pass over texts already coded under another id (rounds 1-12)")
    parser.add_argument("--exact-copies-only", action="store_true",
                        help="pass over exact copies only, not edited ones (rounds 13-26)")
    args = parser.parse_args()
    main(args.corpus, args.round_, args.seed, args.per_cell, args.test_per_cell, args.max_international,
         args.keep_duplicates, args.exact_copies_only)
