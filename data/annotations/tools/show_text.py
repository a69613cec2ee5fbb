"""Print a gold article with character offsets, or find where a string occurs in it.

A coder's aid only: it reads the text from the corpus and prints it; it detects nothing.

    python data/annotations/tools/show_text.py ARTICLE_ID            # numbered text
    python data/annotations/tools/show_text.py ARTICLE_ID --find "قال"  # every offset of a string

Offsets index the original ``title`` or ``body`` string, end exclusive (CODEBOOK §6).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def corpus_path() -> Path:
    env = os.environ.get("FRAMING_ANT")
    return Path(env) if env else ROOT.parent / "shared" / "corpora" / "ant" / "ant-v2.1.jsonl.gz"


def read_article(article_id: str) -> dict:
    example = ROOT / "data" / "raw" / f"{article_id}.txt"
    if example.is_file():
        title, _, body = example.read_bytes().decode("utf-8").partition("\n")
        return {"article_id": article_id, "title": title, "body": body}
    with gzip.open(corpus_path(), "rt", encoding="utf-8") as handle:
        for line in handle:
            if article_id in line:
                record = json.loads(line)
                if record["article_id"] == article_id:
                    return record
    raise SystemExit(f"{article_id}: not in {corpus_path()} nor in data/raw")


def show(record: dict, width: int) -> None:
    for part in ("title", "body"):
        text = record[part]
        print(f"=== {part} ({len(text)} characters)")
        for start in range(0, len(text), width):
            chunk = text[start:start + width].replace("\n", "⏎")
            print(f"{start:6d} | {chunk}")


def find(record: dict, needle: str) -> None:
    for part in ("title", "body"):
        text, at = record[part], record[part].find(needle)
        while at != -1:
            context = text[max(0, at - 25):at + len(needle) + 25].replace("\n", "⏎")
            print(f"{part} {at}-{at + len(needle)} | {context}")
            at = text.find(needle, at + 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article_id")
    parser.add_argument("--find", help="print every (part, start, end) of this string")
    parser.add_argument("--width", type=int, default=60, help="characters per printed line")
    args = parser.parse_args()
    record = read_article(args.article_id)
    if args.find:
        find(record, args.find)
    else:
        show(record, args.width)


if __name__ == "__main__":
    main()
