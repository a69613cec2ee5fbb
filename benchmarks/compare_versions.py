"""Compare the CPU time per stage of two versions of ``analysis`` in one process.

On a shared machine, separate runs of two versions see different loads; here both
versions run in the same process, alternating (old, new, new, old, …), on the same
articles, and each stage's ``time.process_time()`` is summed per run. The report gives
the median per stage and the median of the per-pair ratios.

The old version is a git revision of this repository, unpacked to a temporary folder as
the package ``analysis_old`` (its ``analysis`` imports rewritten); the new one is the
working tree.

    python benchmarks/compare_versions.py HEAD            # working tree vs the last commit
    python benchmarks/compare_versions.py HEAD~3 --runs 6 --limit 2000
"""

from __future__ import annotations

import argparse
import importlib
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import warnings
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("segment", "mentions", "attributions", "stance")
_IMPORT_RE = re.compile(r"(?m)^(\s*)(from|import) analysis\b")


def unpack_revision(rev: str, dest: Path) -> str:
    """Unpack ``analysis/`` of ``rev`` under ``dest`` as the package ``analysis_old``."""
    data = subprocess.run(["git", "archive", rev, "analysis"], cwd=ROOT, check=True,
                          capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(dest, filter="data")
    pkg = dest / "analysis_old"
    (dest / "analysis").rename(pkg)
    for path in pkg.rglob("*.py"):
        path.write_text(_IMPORT_RE.sub(r"\1\2 analysis_old", path.read_text(encoding="utf-8")),
                        encoding="utf-8")
    return "analysis_old"


def stage_functions(package: str) -> tuple:
    """``make_doc``, ``find_mentions``, ``find_attributions``, ``find_stance`` of a package."""
    seg = importlib.import_module(f"{package}.segment")
    act = importlib.import_module(f"{package}.actors")
    att = importlib.import_module(f"{package}.attribution")
    sta = importlib.import_module(f"{package}.stance")
    return seg.make_doc, act.find_mentions, att.find_attributions, sta.find_stance


def stage_cpu(funcs: tuple, rows: list[tuple[str, str, str]]) -> dict[str, float]:
    """CPU seconds per stage over ``rows`` of (article_id, title, body)."""
    make_doc, find_mentions, find_attributions, find_stance = funcs
    clock = time.process_time
    times = dict.fromkeys(STAGES, 0.0)
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
    times["target"] = times["segment"] + times["mentions"] + times["attributions"]
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="git revision of the old version (e.g. HEAD)")
    parser.add_argument("--runs", type=int, default=4, help="runs per version (default 4)")
    parser.add_argument("--limit", type=int, default=2000, help="first N ANT articles (default 2000)")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from analysis import paths
    from analysis.io import read_articles

    corpus = paths.ant_corpus()
    if corpus is None:
        print("ANT corpus not found: put ../shared/corpora/ant beside the project", file=sys.stderr)
        return 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = read_articles(corpus, limit=args.limit)
    rows = list(zip(articles["article_id"], articles["title"], articles["body"]))
    with tempfile.TemporaryDirectory() as tmp:
        sys.path.insert(0, tmp)
        versions = {"old": stage_functions(unpack_revision(args.rev, Path(tmp))),
                    "new": stage_functions("analysis")}
        for funcs in versions.values():
            stage_cpu(funcs, rows[:100])  # warm up lexicons and caches
        results: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
        for i in range(args.runs):
            for tag in (("old", "new") if i % 2 == 0 else ("new", "old")):
                results[tag].append(stage_cpu(versions[tag], rows))
    print(f"{args.rev} (old) vs working tree (new), {len(rows):,} articles, {args.runs} runs each")
    for key in (*STAGES, "target"):
        old = [r[key] for r in results["old"]]
        new = [r[key] for r in results["new"]]
        ratio = statistics.median(b / a for a, b in zip(old, new))
        print(f"{key:13s} old {statistics.median(old):7.3f} s  new {statistics.median(new):7.3f} s"
              f"  ({(statistics.median(new) / statistics.median(old) - 1) * 100:+.0f} %,"
              f" paired {(ratio - 1) * 100:+.0f} %)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
