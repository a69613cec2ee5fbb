"""A million articles through the command line: time, throughput, peak memory, output size.

Builds a corpus of ``--articles`` (default 10⁶) articles by **replicating the ANT corpus**
(31,485 articles, so 32 copies) with fresh ids (``<id>~r07``) and a copy mark at the end
of each title (``" [r07]"``, so that the reader does not report 968,515 repeated texts),
writes it as JSON Lines to a temporary folder (with a README saying it is replicated,
never committed, removed afterwards), then runs

    python -m analysis analyze <corpus> --out <tmp>/out --jobs 2 --quiet

and samples the memory of the whole process tree (main process, workers, fork server)
every 0.2 s. Reports seconds, articles/s, MB/s (of the JSON Lines input and of the
UTF-8 text), peak RSS (the sum over the tree, and the largest process) and the size of
the output folder, and writes a JSON record to ``benchmarks/results/``.

    python benchmarks/bench_million.py                        # 10⁶ articles, 2 processes
    python benchmarks/bench_million.py --articles 100000 --jobs 1

The replicated corpus repeats ANT's articles: the numbers measure speed and memory only,
never anything about the news.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

import psutil

from analysis import __version__
from analysis.corpus import paths


def build_corpus(source: Path, target: Path, n: int) -> tuple[int, int]:
    """Write ``n`` replicated articles to ``target``; returns (bytes written, UTF-8 text bytes)."""
    with gzip.open(source, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    written = text = 0
    with open(target, "w", encoding="utf-8") as out:
        copy = 0
        while written < n:
            mark = f"r{copy:02d}"
            for rec in records:
                if written >= n:
                    break
                new = dict(rec, article_id=f"{rec['article_id']}~{mark}", title=f"{rec.get('title') or ''} [{mark}]")
                out.write(json.dumps(new, ensure_ascii=False) + "\n")
                text += len(new["title"].encode()) + len((new.get("body") or new.get("text") or "").encode())
                written += 1
            copy += 1
    return target.stat().st_size, text


def _tree_rss(proc: psutil.Process) -> tuple[int, int]:
    """(sum, largest) RSS of a process and its descendants, in bytes."""
    total = largest = 0
    try:
        members = [proc] + proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0, 0
    for p in members:
        try:
            rss = p.memory_info().rss
        except psutil.NoSuchProcess:
            continue
        total += rss
        largest = max(largest, rss)
    return total, largest


def run_cli(corpus: Path, out: Path, jobs: int, chunk_size: int) -> dict:
    cmd = [sys.executable, "-m", "analysis", "analyze", str(corpus), "--out", str(out), "--jobs", str(jobs),
           "--chunk-size", str(chunk_size), "--quiet"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = {"sum": 0, "largest": 0}
    ps = psutil.Process(proc.pid)

    def sample() -> None:
        while proc.poll() is None:
            total, largest = _tree_rss(ps)
            peak["sum"], peak["largest"] = max(peak["sum"], total), max(peak["largest"], largest)
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"the CLI failed ({proc.returncode}):\n{stderr[-3000:]}")
    return {"command": " ".join(cmd[1:]), "seconds": round(seconds, 1), "stdout": stdout.strip().splitlines(),
            "peak_rss_mb": {"tree_sum": round(peak["sum"] / 2**20), "largest_process": round(peak["largest"] / 2**20)}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--chunk-size", type=int, default=1000)
    parser.add_argument("--tmp", default=None, help="folder for the corpus and the output (default: a new temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--results", default=str(Path(__file__).with_name("results")))
    args = parser.parse_args()

    source = paths.ant_corpus()
    if source is None:
        print("ANT corpus not found: put ../shared/corpora/ant beside the project", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="replicated-ant-", dir=args.tmp))
    try:
        (tmp / "README.txt").write_text(
            f"REPLICATED corpus: the ANT corpus ({source}) copied until {args.articles:,} articles, each copy "
            "with fresh ids (<id>~rNN) and a copy mark at the end of its title. For benchmarks of speed and "
            "memory only; never commit it, never count anything in it.\n", encoding="utf-8")
        corpus = tmp / f"replicated-ant-{args.articles}.jsonl"
        t0 = time.perf_counter()
        size, text = build_corpus(source, corpus, args.articles)
        print(f"built {corpus} ({size / 1e6:,.0f} MB, {text / 1e6:,.0f} MB of text) in "
              f"{time.perf_counter() - t0:.0f} s", flush=True)
        out = tmp / "out"
        load_before = os.getloadavg()
        run = run_cli(corpus, out, args.jobs, args.chunk_size)
        load_after = os.getloadavg()
        output_bytes = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        info = json.loads((out / "info.json").read_text(encoding="utf-8"))
        secs = run["seconds"]
        record = {
            "corpus": f"ANT replicated to {args.articles:,} articles (fresh ids; not real data)",
            "date": date.today().isoformat(), "analysis_version": __version__,
            "python": platform.python_version(), "cpus": os.cpu_count(), "jobs": args.jobs,
            "chunk_size": args.chunk_size, "articles": info["articles"],
            "input_mb": round(size / 1e6, 1), "text_mb": round(text / 1e6, 1),
            **run,
            "articles_per_second": round(info["articles"] / secs, 1),
            "articles_per_second_per_process": round(info["articles"] / secs / args.jobs, 1),
            "input_mb_per_second": round(size / 1e6 / secs, 2), "text_mb_per_second": round(text / 1e6 / secs, 2),
            "output_mb": round(output_bytes / 1e6, 1),
            "rows": {name: table["rows"] for name, table in info["tables"].items()},
            "files": sum(len(t["files"]) for t in info["tables"].values()),
            # the machine is shared: its 1-minute load average before and after the run
            "load_average_before_after": [round(load_before[0], 1), round(load_after[0], 1)],
        }
        print(json.dumps(record, indent=2, ensure_ascii=False))
        results = Path(args.results)
        results.mkdir(parents=True, exist_ok=True)
        name = results / f"million-{args.articles}-jobs{args.jobs}.json"
        name.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {name}")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
