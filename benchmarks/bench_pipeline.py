"""Throughput and memory of the extraction pipeline on the ANT corpus (or any corpus).

Reports, for reading, and for normalising + segmenting + mentions + attributions (+ stance)
together: articles per second and MB of text per second on one core and on all cores, the
time per stage on a sample, and peak memory. Writes a JSON record next to this file.

    python benchmarks/bench_pipeline.py                      # whole ANT corpus
    python benchmarks/bench_pipeline.py --limit 5000         # a quicker look
    python benchmarks/bench_pipeline.py --corpus my.jsonl.gz

Speed is measured here, never in timed tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

import pandas as pd

from analysis import __version__
from analysis.corpus import paths
from analysis.corpus.io import read_articles
from analysis.pipeline.batch import STAGES, analyze


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its finished children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def stage_profile(articles: pd.DataFrame, n: int = 2000) -> dict[str, float]:
    """CPU seconds per stage over the first ``n`` articles, one core."""
    from compare_versions import article_cpu, stage_functions  # beside this script

    funcs = stage_functions("analysis")
    times = [0.0, 0.0, 0.0, 0.0]
    rows = list(zip(articles["article_id"][:n], articles["title"][:n], articles["body"][:n]))
    for row in rows:
        article_cpu(funcs, row, times)
    names = ("normalise+segment", "mentions", "attributions", "stance")
    return {name: round(t, 3) for name, t in zip(names, times)} | {"articles": len(rows)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=None, help="corpus path (default: the ANT corpus in ../shared)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--stages", nargs="*", default=list(STAGES[:2]),
                        help="stages to time (default: mentions attributions, the issue's target)")
    parser.add_argument("--out", default=str(Path(__file__).with_name("results")))
    args = parser.parse_args()

    corpus = Path(args.corpus) if args.corpus else paths.ant_corpus()
    if corpus is None:
        print("ANT corpus not found: put ../shared/corpora/ant beside the project or pass --corpus", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    articles = read_articles(corpus, limit=args.limit)
    read_s = time.perf_counter() - t0
    chars = int(articles["title"].str.len().sum() + articles["body"].str.len().sum())
    mb = (articles["title"].str.encode("utf-8").str.len().sum() + articles["body"].str.encode("utf-8").str.len().sum()) / 1e6
    n = len(articles)
    print(f"read {n:,} articles ({mb:,.1f} MB UTF-8, {chars:,} characters) in {read_s:.1f} s "
          f"({n / read_s:,.0f} articles/s)", flush=True)

    record = {
        "analysis_version": __version__, "python": platform.python_version(), "machine": platform.machine(),
        "cpus": os.cpu_count(), "corpus": str(corpus), "articles": n, "megabytes": round(float(mb), 2),
        "read_seconds": round(read_s, 2), "stages": args.stages, "runs": [],
    }
    for jobs in sorted({1, os.cpu_count() or 1}):
        t0 = time.perf_counter()
        result = analyze(articles, stages=args.stages, n_jobs=jobs, progress=False)
        secs = time.perf_counter() - t0
        run = {
            "n_jobs": jobs, "seconds": round(secs, 2),
            "articles_per_second": round(n / secs, 1),
            "articles_per_second_per_core": round(n / secs / jobs, 1),
            "megabytes_per_second": round(float(mb) / secs, 2),
            "sentences": len(result.sentences), "mentions": len(result.mentions),
            "attributions": len(result.attributions), "stance": len(result.stance),
        }
        record["runs"].append(run)
        print(f"{jobs} process(es): {secs:.1f} s, {n / secs:,.0f} articles/s "
              f"({n / secs / jobs:,.0f} per core), {float(mb) / secs:.2f} MB/s; "
              f"{len(result.mentions):,} mentions, {len(result.attributions):,} attributions", flush=True)
        del result

    record["stage_seconds_first_2000"] = stage_profile(articles)
    print("seconds per stage on the first 2,000 articles:", record["stage_seconds_first_2000"])
    own, children = peak_rss_mb()
    record["peak_rss_mb"] = {"main": round(own, 1), "largest_worker": round(children, 1)}
    print(f"peak memory: main process {own:,.0f} MB, largest worker {children:,.0f} MB")

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    name = f"pipeline-{'ant' if args.corpus is None else Path(corpus).stem}-{n}.json"
    (out / name).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
