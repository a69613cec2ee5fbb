"""Check hand-coded gold files: labels, offsets in range, text hashes equal to the corpus.

    python data/annotations/tools/check_gold.py FOLDER [ARTICLE_ID ...]

Prints one line per article with its counts, or every problem with file, line and column.
It only validates what a coder wrote; it runs no extraction.
"""

from __future__ import annotations

import sys

from analysis import load_gold, read_gold_articles


def main(folder: str, ids: list[str]) -> None:
    gold = load_gold(folder, article_ids=ids or None)
    articles = read_gold_articles(gold)
    gold = load_gold(folder, articles, article_ids=ids or None)
    for article_id in gold.meta["article_id"]:
        n_attr = int((gold.attributions["article_id"] == article_id).sum())
        n_stance = int((gold.stance["article_id"] == article_id).sum())
        print(f"{article_id}: ok, {n_attr} attributions, {n_stance} stance units")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
