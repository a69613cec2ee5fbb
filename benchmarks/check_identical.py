"""Check that a change to the pipeline leaves every output table byte for byte the same.

Runs :func:`analysis.pipeline.batch.analyze` (all stages, one process) over a fixed,
deterministic sample of the ANT corpus (every ``--step``-th article, 6,297 with the
default of 5) plus the example article of ``data/raw``, and either saves the five tables
as Parquet (``--save``, the reference) or compares them with the saved reference using
:func:`pandas.testing.assert_frame_equal` (dtypes, index and values, exact).

    python benchmarks/check_identical.py --save      # before a change: write the reference
    python benchmarks/check_identical.py             # after it: compare (exit 1 on any difference)

The ANT text stays under ``--out`` (default ``/tmp/check_identical``), never in the repository.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import pandas as pd
from pandas.testing import assert_frame_equal

from analysis.corpus import paths
from analysis.corpus.io import read_articles
from analysis.pipeline.batch import TABLES, analyze


def sample_articles(step: int) -> pd.DataFrame:
    """Every ``step``-th ANT article (in corpus order) followed by the example article.

    Examples
    --------
    >>> len(sample_articles(5))   # doctest: +SKIP
    6298
    """
    corpus = paths.ant_corpus()
    if corpus is None:
        raise SystemExit("ANT corpus not found: put ../shared/corpora/ant beside the project")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the corpus's two title-only articles are known
        ant = read_articles(corpus)
    sample = ant.iloc[::step]
    example = read_articles(paths.EXAMPLE_ARTICLE)
    columns = ["article_id", "title", "body"]
    return pd.concat([sample[columns], example[columns]], ignore_index=True)


def run(articles: pd.DataFrame) -> tuple[dict[str, pd.DataFrame], float]:
    """All stages on one process; the tables and the CPU seconds ``analyze`` took."""
    t0 = time.process_time()
    result = analyze(articles, n_jobs=1, progress=False)
    cpu = time.process_time() - t0
    tables = result.tables()
    tables["articles"] = tables["articles"][["article_id", "title", "body"]]
    return tables, cpu


def compare(tables: dict[str, pd.DataFrame], ref_dir: Path) -> list[str]:
    """Names of tables that differ from the reference, with the first difference printed."""
    bad = []
    for name, table in tables.items():
        ref = pd.read_parquet(ref_dir / f"{name}.parquet")
        try:
            assert_frame_equal(table, ref, check_exact=True)
        except AssertionError as err:
            print(f"{name}: DIFFERENT\n{err}", file=sys.stderr)
            bad.append(name)
        else:
            print(f"{name}: identical ({len(table):,} rows)")
    return bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", action="store_true", help="write the reference instead of comparing")
    parser.add_argument("--step", type=int, default=5, help="take every STEP-th ANT article (default 5)")
    parser.add_argument("--out", default="/tmp/check_identical", help="reference folder (outside the repo)")
    args = parser.parse_args()

    ref_dir = Path(args.out) / f"step{args.step}"
    articles = sample_articles(args.step)
    tables, cpu = run(articles)
    print(f"{len(articles):,} articles, analyze() {cpu:.2f} CPU s ({len(articles) / cpu:,.0f} articles/s)")
    if args.save:
        ref_dir.mkdir(parents=True, exist_ok=True)
        for name, table in tables.items():
            table.to_parquet(ref_dir / f"{name}.parquet")
        print(f"reference written to {ref_dir}: " + ", ".join(f"{n} {len(t):,}" for n, t in tables.items()))
        return 0
    if not (ref_dir / "articles.parquet").is_file():
        print(f"no reference in {ref_dir}: run with --save first (before the change)", file=sys.stderr)
        return 2
    bad = compare(tables, ref_dir)
    assert set(tables) == set(TABLES)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
