"""Throughput and memory of the whole pipeline (stance included) on the ANT corpus.

Runs the command line's path, :func:`analysis.pipeline.stream.analyze_to` (read in chunks,
analyse and write Parquet in worker processes), on one and on two worker processes,
**interleaved** (1, 2, 2, 1, 1, 2 for ``--repeat 3``) so that both see the same load on a
shared machine, and reports for each run:

- articles/s of wall time (what a user waits for),
- articles per CPU-second of the workers (``worker_cpu_seconds`` of the manifest): the
  speed of one core, much less sensitive to other processes than the wall time,
- the speed-up of two processes over one (the median of the paired ratios),
- the CPU seconds per stage on a sample (one core), and peak memory.

    python benchmarks/bench_pipeline.py                      # whole ANT corpus, 3 repeats
    python benchmarks/bench_pipeline.py --limit 5000 --repeat 2

Writes ``benchmarks/results/pipeline-<corpus>-<n>.json``. Speed is measured here, never in
timed tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import psutil

from analysis import __version__
from analysis.corpus import paths
from analysis.corpus.io import read_articles
from analysis.pipeline.batch import STAGES
from analysis.pipeline.stream import analyze_to


def stage_profile(articles, n: int = 2000) -> dict[str, float]:
    """CPU seconds per stage over the first ``n`` articles, one core."""
    from compare_versions import article_cpu, stage_functions  # beside this script

    funcs = stage_functions("analysis")
    rows = list(zip(articles["article_id"][:n], articles["title"][:n], articles["body"][:n]))
    for row in rows[:200]:
        article_cpu(funcs, row, [0.0] * 5)  # warm the lexicons and word caches
    times = [0.0] * 5
    for row in rows:
        article_cpu(funcs, row, times)
    names = ("normalise+segment", "mentions", "attributions", "stance", "stance_model")
    return {name: round(t, 3) for name, t in zip(names, times)} | {"articles": len(rows)}


def pipeline_overhead(articles, n: int = 2000, size: int = 250) -> dict[str, float]:
    """CPU time of the streaming worker's whole job on a chunk (stages, Arrow tables, Parquet
    files) over the stages alone, chunk by chunk in one process, alternating which goes
    first, so both see the same load: the cost of streaming over the analysis itself."""
    from analysis.pipeline import stream
    from analysis.pipeline.batch import analyze_article

    head = articles.iloc[:n][["article_id", "title", "body"]]
    chunks = [head.iloc[i:i + size].reset_index(drop=True) for i in range(0, len(head), size)]
    slot = [0.0, 0.0, 0.0]
    ratios, alone, whole = [], 0.0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("articles", "sentences", "mentions", "attributions", "stance"):
            (Path(tmp) / f"{name}.parquet").mkdir()

        def stages_only(chunk) -> float:
            t0 = time.process_time()
            for row in zip(chunk["article_id"], chunk["title"], chunk["body"]):
                analyze_article(*row)
            return time.process_time() - t0

        def streamed(k, chunk) -> float:
            t0 = time.process_time()
            stream._run_chunk(stream._Task(k, chunk), slot, STAGES, "raise", Path(tmp))
            return time.process_time() - t0

        stages_only(chunks[0])  # warm the lexicons
        for k, chunk in enumerate(chunks):
            if k % 2:
                b, a = streamed(k, chunk), stages_only(chunk)
            else:
                a, b = stages_only(chunk), streamed(k, chunk)
            alone, whole = alone + a, whole + b
            ratios.append(b / a)
    return {"articles": len(head), "stages_cpu_seconds": round(alone, 2), "streamed_cpu_seconds": round(whole, 2),
            "ratio_median": round(statistics.median(ratios), 3), "ratio_min": round(min(ratios), 3),
            "ratio_max": round(max(ratios), 3)}


def one_run(corpus: Path, jobs: int, limit: int | None, chunk_size: int, stages: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        load = os.getloadavg()[0]
        t0 = time.perf_counter()
        ds = analyze_to(corpus, Path(tmp) / "out", n_jobs=jobs, limit=limit, chunk_size=chunk_size,
                        stages=stages, progress=False)
        secs = time.perf_counter() - t0
        info = ds.info
    n = info["articles"]
    return {"n_jobs": jobs, "seconds": round(secs, 2), "articles_per_second": round(n / secs, 1),
            "articles_per_second_per_process": round(n / secs / jobs, 1),
            "worker_cpu_seconds": info["worker_cpu_seconds"],
            "articles_per_cpu_second": round(n / info["worker_cpu_seconds"], 1),
            "rows": {k: v["rows"] for k, v in info["tables"].items()}, "load_average": round(load, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=None, help="corpus path (default: the ANT corpus in ../shared)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3, help="pairs of runs (1 and 2 processes), interleaved")
    parser.add_argument("--chunk-size", type=int, default=1000)
    parser.add_argument("--stages", nargs="*", default=list(STAGES), help="default: all, stance included")
    parser.add_argument("--out", default=str(Path(__file__).with_name("results")))
    parser.add_argument("--only-profile", action="store_true", help="skip the runs: overhead and stage profile only")
    args = parser.parse_args()

    corpus = Path(args.corpus) if args.corpus else paths.ant_corpus()
    if corpus is None:
        print("ANT corpus not found: put ../shared/corpora/ant beside the project or pass --corpus", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = read_articles(corpus, limit=args.limit)
    read_s = time.perf_counter() - t0
    n = len(articles)
    mb = float(articles["title"].str.encode("utf-8").str.len().sum()
               + articles["body"].str.encode("utf-8").str.len().sum()) / 1e6
    print(f"read {n:,} articles ({mb:,.1f} MB of text) in {read_s:.1f} s", flush=True)

    record = {
        "analysis_version": __version__, "python": platform.python_version(), "machine": platform.machine(),
        "cpus": os.cpu_count(), "corpus": str(corpus), "articles": n, "megabytes": round(mb, 2),
        "read_seconds": round(read_s, 2), "stages": args.stages, "chunk_size": args.chunk_size,
        "path": "analyze_to (the command line's streaming path)", "runs": [],
    }
    order = []
    for i in range(0 if args.only_profile else args.repeat):
        order += [1, 2] if i % 2 == 0 else [2, 1]
    for jobs in order:
        run = one_run(corpus, jobs, args.limit, args.chunk_size, args.stages)
        run["megabytes_per_second"] = round(mb / run["seconds"], 2)
        record["runs"].append(run)
        print(f"{jobs} process(es): {run['seconds']:.1f} s, {run['articles_per_second']:,.0f} articles/s, "
              f"{run['articles_per_cpu_second']:,.0f} articles per worker CPU-second, "
              f"{run['megabytes_per_second']:.2f} MB/s (load {run['load_average']})", flush=True)

    def values(jobs: int, key: str) -> list[float]:
        return [r[key] for r in record["runs"] if r["n_jobs"] == jobs]

    pairs = list(zip(values(1, "seconds"), values(2, "seconds"))) or [(1.0, 1.0)]
    summary = {}
    for jobs in (1, 2):
        for key in ("articles_per_second", "articles_per_cpu_second"):
            v = values(jobs, key) or [0.0]
            summary[f"{key}_{jobs}"] = {"median": statistics.median(v), "min": min(v), "max": max(v)}
    summary["speedup_2_over_1"] = {"median": round(statistics.median(a / b for a, b in pairs), 2),
                                   "min": round(min(a / b for a, b in pairs), 2),
                                   "max": round(max(a / b for a, b in pairs), 2)}
    record["summary"] = summary
    print(json.dumps(summary, indent=1))

    record["streaming_overhead_first_2000"] = pipeline_overhead(articles)
    print("streaming (stages + Arrow + Parquet) over the stages alone, CPU:", record["streaming_overhead_first_2000"])
    record["stage_seconds_first_2000"] = stage_profile(articles)
    print("CPU seconds per stage on the first 2,000 articles:", record["stage_seconds_first_2000"])
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    record["peak_rss_mb"] = {"main": round(own, 1),
                             "note": "main holds the articles table for the stage profile; workers are "
                                     "measured by bench_million.py"}
    record["load_average_end"] = round(psutil.getloadavg()[0], 1)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    name = f"pipeline-{'ant' if args.corpus is None else Path(corpus).stem}-{n}.json"
    (out / name).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
