"""CPU seconds per extraction stage on the first ANT articles, for comparing two versions.

Prints one JSON line: ``time.process_time()`` per stage (normalise+segment, mentions,
attributions, stance) over the first ``--limit`` articles, their sum for the issue's
target stages, and ``analyze()`` of the target stages on them (one process, including
building the tables). Meant to be run alternately
against two checkouts to compare versions on a noisy machine:

    for i in 1 2 3; do
        PYTHONPATH=/tmp/old python benchmarks/stage_times.py
        PYTHONPATH=.        python benchmarks/stage_times.py
    done

Use the median of each column; single runs vary by ±20 % on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings

from analysis import paths
from analysis.io import read_articles


def stage_cpu(rows: list[tuple[str, str, str]]) -> dict[str, float]:
    """CPU seconds per stage over ``rows`` of (article_id, title, body)."""
    from analysis.actors import find_mentions
    from analysis.attribution import find_attributions
    from analysis.segment import make_doc
    from analysis.stance import find_stance

    clock = time.process_time
    times = dict.fromkeys(("segment", "mentions", "attributions", "stance"), 0.0)
    for aid, title, body in rows:
        t0 = clock()
        doc = make_doc(aid, title, body)
        t1 = clock()
        mentions = find_mentions(doc)
        t2 = clock()
        attributions = find_attributions(doc, mentions)
        t3 = clock()
        find_stance(doc, mentions, attributions)
        t4 = clock()
        times["segment"] += t1 - t0
        times["mentions"] += t2 - t1
        times["attributions"] += t3 - t2
        times["stance"] += t4 - t3
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--no-analyze", action="store_true", help="time the stages only")
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = read_articles(paths.ant_corpus(), limit=args.limit)
    rows = list(zip(articles["article_id"], articles["title"], articles["body"]))
    stage_cpu(rows[:50])  # warm up lazily built lexicons and patterns
    times = stage_cpu(rows)
    times["target"] = times["segment"] + times["mentions"] + times["attributions"]
    if not args.no_analyze:
        from analysis.pipeline import analyze

        t0 = time.process_time()
        analyze(articles, stages=("mentions", "attributions"), n_jobs=1, progress=False)
        times["analyze_target"] = time.process_time() - t0
    print(json.dumps({k: round(v, 3) for k, v in times.items()}), flush=True)


if __name__ == "__main__":
    main()
