"""Compare the CPU time per stage of two versions of ``analysis`` in one process.

On a shared machine, separate runs of two versions see different loads (±20 % from one
second to the next); here both versions run in the same process and alternate article by
article (old then new, new then old, …), so both see the same load. Each stage's
``time.process_time()`` is summed per version over a pass through the articles; the
report gives the median over passes and the median of the per-pass ratios.

The old version is a git revision of this repository, unpacked to a temporary folder as
the package ``analysis_old`` (its ``analysis`` imports rewritten); the new one is the
working tree.

    python benchmarks/compare_versions.py HEAD            # working tree vs the last commit
    python benchmarks/compare_versions.py HEAD~3 --runs 5 --limit 1000
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
STAGES = ("segment", "mentions", "attributions", "stance", "stance_model")
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
    """``make_doc``, ``find_mentions``, ``find_attributions``, ``find_stance`` and the
    learned stance pass's ``model_units`` of a package (None before the package had one)."""
    seg = importlib.import_module(f"{package}.text.segment")
    act = importlib.import_module(f"{package}.coding.actors")
    att = importlib.import_module(f"{package}.coding.attribution")
    sta = importlib.import_module(f"{package}.coding.stance")
    try:
        model_units = importlib.import_module(f"{package}.coding.stance_model").model_units
    except ModuleNotFoundError:
        model_units = None
    return seg.make_doc, act.find_mentions, att.find_attributions, sta.find_stance, model_units


def article_cpu(funcs: tuple, row: tuple[str, str, str], times: list[float]) -> None:
    """Add the CPU seconds of each stage on one article to ``times`` (in STAGES order)."""
    make_doc, find_mentions, find_attributions, find_stance, model_units = funcs
    clock = time.process_time
    t0 = clock()
    doc = make_doc(*row)
    t1 = clock()
    mentions = find_mentions(doc)
    t2 = clock()
    attributions = find_attributions(doc, mentions)
    t3 = clock()
    units = find_stance(doc, mentions, attributions)
    t4 = clock()
    if model_units is not None:
        model_units(doc, mentions, attributions, units)
    t5 = clock()
    times[0] += t1 - t0
    times[1] += t2 - t1
    times[2] += t3 - t2
    times[3] += t4 - t3
    times[4] += (t5 - t4) if model_units is not None else 0.0


def interleaved_pass(old: tuple, new: tuple, rows: list[tuple[str, str, str]]) -> dict[str, dict[str, float]]:
    """One pass over ``rows``, each article run by both versions in alternating order."""
    times = {"old": [0.0] * len(STAGES), "new": [0.0] * len(STAGES)}
    for i, row in enumerate(rows):
        for tag in (("old", "new") if i % 2 == 0 else ("new", "old")):
            article_cpu(old if tag == "old" else new, row, times[tag])
    out = {}
    for tag, values in times.items():
        out[tag] = dict(zip(STAGES, values))
        out[tag]["total"] = sum(values)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="git revision of the old version (e.g. HEAD)")
    parser.add_argument("--runs", type=int, default=3, help="timed passes (default 3)")
    parser.add_argument("--limit", type=int, default=2000, help="first N ANT articles (default 2000)")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from analysis import paths
    from analysis.corpus.io import read_articles

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
        old = stage_functions(unpack_revision(args.rev, Path(tmp)))
        new = stage_functions("analysis")
        interleaved_pass(old, new, rows)  # warm up lexicons and word caches
        results: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
        for _ in range(args.runs):
            for tag, times in interleaved_pass(old, new, rows).items():
                results[tag].append(times)
    print(f"{args.rev} (old) vs working tree (new), {len(rows):,} articles, {args.runs} passes")
    for key in (*STAGES, "total"):
        old = [r[key] for r in results["old"]]
        new = [r[key] for r in results["new"]]
        if min(old) <= 0:  # a stage the old version does not have
            print(f"{key:13s} old       - s  new {statistics.median(new):7.3f} s")
            continue
        ratio = statistics.median(b / a for a, b in zip(old, new))
        print(f"{key:13s} old {statistics.median(old):7.3f} s  new {statistics.median(new):7.3f} s"
              f"  ({(statistics.median(new) / statistics.median(old) - 1) * 100:+.0f} %,"
              f" per pass {(ratio - 1) * 100:+.0f} %)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
