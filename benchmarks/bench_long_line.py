"""Reading time of one very long line: it must grow linearly with the line's length.

Writes JSON Lines files holding a single article whose body is one line of Arabic text
(the example article's body repeated) of each size, reads each with
:func:`analysis.corpus.readers.read_articles` and prints the seconds and the seconds per
MB. A reader that re-copies the pending text for every chunk it reads is quadratic: its
seconds per MB grow with the size (the reader before issue 12 took 92 s for a 400 MB
line). Exit status 1 when the seconds per MB of the largest size exceed twice those of
the smallest.

    python benchmarks/bench_long_line.py                 # 25, 50, 100 and 200 MB
    python benchmarks/bench_long_line.py --sizes 50 400  # sizes in MB

The files are written to a temporary folder and removed afterwards.

Measured on the project machine (2 cores, shared; 4 December 2026):

=========  ====================  =====================
line       before (str concat)   after (join once)
=========  ====================  =====================
25 MB      0.95 s (38 ms/MB)     0.26 s (10 ms/MB)
50 MB      2.24 s (45 ms/MB)     0.57 s (11 ms/MB)
100 MB     9.75 s (97 ms/MB)     0.99 s (10 ms/MB)
=========  ====================  =====================
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from analysis.corpus import paths
from analysis.corpus.readers import read_articles


def write_line(path: Path, megabytes: int) -> int:
    """One JSON Lines article whose body is about ``megabytes`` MB of one line; its size."""
    title, body = paths.EXAMPLE_ARTICLE.read_text(encoding="utf-8").split("\n", 1)
    unit = " ".join(line.strip() for line in body.split("\n") if line.strip()) + " "
    repeat = megabytes * 1_000_000 // len(unit.encode()) + 1
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"id": "long", "title": ' + json.dumps(title, ensure_ascii=False)
                 + ', "text": "')
        for _ in range(repeat):
            fh.write(unit.replace('"', '\\"'))
        fh.write('"}\n')
    return path.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 200],
                        help="line sizes in MB (default 25 50 100 200)")
    args = parser.parse_args()
    per_mb = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sorted(args.sizes):
            path = Path(tmp) / f"line-{size}.jsonl"
            written = write_line(path, size)
            started = time.perf_counter()
            df = read_articles(path)
            seconds = time.perf_counter() - started
            assert len(df) == 1 and len(df.loc[0, "body"]) > size * 400_000
            per_mb.append(seconds / (written / 1e6))
            print(f"{written / 1e6:7.1f} MB: {seconds:6.2f} s ({per_mb[-1] * 1000:.1f} ms/MB)")
            path.unlink()
    linear = per_mb[-1] <= 2 * per_mb[0]
    print("linear" if linear else "NOT linear: the time per MB grows with the line's length")
    return 0 if linear else 1


if __name__ == "__main__":
    raise SystemExit(main())
