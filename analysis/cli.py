"""Command line: ``python -m analysis {analyze,figures,notebooks,score} ...``.

Examples
--------
::

    python -m analysis analyze data/raw --out out/example
    python -m analysis analyze ../shared/corpora/ant/ant-v2.1.jsonl.gz --out out/ant --jobs -1
    python -m analysis figures --out figures
    python -m analysis score
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from analysis.corpus import paths

#: The notebooks that build the figures in figures/, in order, with their parameters.
PAPER_NOTEBOOKS = ("00-start-here.ipynb", "05-comparing-sides.ipynb")


def _parse_columns(items: list[str] | None) -> dict[str, str] | None:
    if not items:
        return None
    mapping = {}
    for item in items:
        if "=" not in item:
            raise SystemExit(f"--column expects FIELD=COLUMN (e.g. body=text), got {item!r}")
        key, value = item.split("=", 1)
        mapping[key.strip()] = value.strip()
    return mapping


def cmd_analyze(args: argparse.Namespace) -> int:
    from analysis.pipeline.batch import analyze

    started = time.perf_counter()
    result = analyze(
        args.input,
        stages=args.stages,
        n_jobs=args.jobs,
        progress=not args.quiet,
        columns=_parse_columns(args.column),
        outlet=args.outlet,
        encoding=args.encoding,
        errors=args.errors,
        limit=args.limit,
    )
    written = result.save(args.out, formats=args.format)
    total = time.perf_counter() - started
    skipped = result.articles.attrs.get("skipped", [])
    print(result.summary())
    if skipped:
        print(f"skipped {len(skipped)} bad row(s)/file(s); see the warnings above")
    print(f"read {result.info['read_seconds']:.1f} s; wrote {len(written)} files to {args.out}; "
          f"total {total:.1f} s ({len(result.articles) / total:,.0f} articles/s)")
    return 0


def _execute_notebook(nb_path: Path, out_path: Path, parameters: dict, cwd: Path, timeout: int) -> None:
    import papermill

    out_path.parent.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(
        str(nb_path), str(out_path), parameters=parameters, cwd=str(cwd), kernel_name="python3",
        progress_bar=False, request_save_on_cell_execute=False, execution_timeout=timeout,
    )


def cmd_figures(args: argparse.Namespace) -> int:
    out = Path(args.out).resolve()
    params = {"figures_dir": str(out)}
    if args.corpus:
        params["corpus"] = str(Path(args.corpus).resolve())
    run_dir = paths.ROOT / "out" / "notebooks"
    for name in PAPER_NOTEBOOKS:
        nb = paths.NOTEBOOKS_DIR / name
        started = time.perf_counter()
        print(f"executing {name} ...", flush=True)
        _execute_notebook(nb, run_dir / name, params, paths.NOTEBOOKS_DIR, args.timeout)
        print(f"  done in {time.perf_counter() - started:.1f} s", flush=True)
    files = sorted(p.name for p in out.glob("*") if p.is_file())
    print(f"{len(files)} files in {out}")
    return 0


def cmd_notebooks(args: argparse.Namespace) -> int:
    run_dir = Path(args.out).resolve()
    targets = sorted(paths.NOTEBOOKS_DIR.glob("*.ipynb")) + sorted((paths.NOTEBOOKS_DIR / "teaching").glob("*.ipynb"))
    if args.name:
        targets = [t for t in targets
                   if any(n in str(t.relative_to(paths.NOTEBOOKS_DIR)) for n in args.name)]
    params = {"figures_dir": str(run_dir / "figures")}
    for nb in targets:
        started = time.perf_counter()
        print(f"executing {nb.relative_to(paths.NOTEBOOKS_DIR)} ...", flush=True)
        _execute_notebook(nb, run_dir / nb.relative_to(paths.NOTEBOOKS_DIR), params, nb.parent, args.timeout)
        print(f"  done in {time.perf_counter() - started:.1f} s", flush=True)
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from analysis.validation.evaluation import score_against_gold

    report = score_against_gold(gold_dir=args.gold, n_jobs=1)
    print(report)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="analyse a corpus into tables (CSV and Parquet)")
    p.add_argument("input", help="a .txt/.html file or folder, or a .csv/.tsv/.jsonl(.gz)/.json/.parquet file")
    p.add_argument("--out", required=True, help="output folder for the tables")
    p.add_argument("--format", nargs="+", default=["csv", "parquet"], choices=["csv", "parquet"])
    p.add_argument("--jobs", type=int, default=1, help="worker processes (-1: all cores)")
    p.add_argument("--stages", nargs="*", default=["mentions", "attributions", "stance"],
                   help="stages after segmentation (a prefix of: mentions attributions stance)")
    p.add_argument("--column", action="append", metavar="FIELD=COLUMN",
                   help="map a table field to an input column, e.g. --column body=text (repeatable)")
    p.add_argument("--outlet", help="outlet name when the input has none")
    p.add_argument("--encoding", help="force an input encoding, e.g. cp1256")
    p.add_argument("--errors", choices=["raise", "skip"], default="raise",
                   help="skip bad rows/files (each is reported) instead of stopping")
    p.add_argument("--limit", type=int, help="read at most this many articles")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("figures", help="rebuild the figures by executing the paper notebooks")
    p.add_argument("--out", default=str(paths.FIGURES_DIR), help="figures folder (default: figures/)")
    p.add_argument("--corpus", help="corpus to draw the corpus figures from (default: data/raw)")
    p.add_argument("--timeout", type=int, default=900, help="seconds per notebook cell")
    p.set_defaults(func=cmd_figures)

    p = sub.add_parser("notebooks", help="execute every notebook headless (as the tests do)")
    p.add_argument("--out", default=str(paths.ROOT / "out" / "notebooks"))
    p.add_argument("--name", nargs="*",
                   help="only notebooks whose path under notebooks/ contains one of these (e.g. teaching/ or 05-)")
    p.add_argument("--timeout", type=int, default=900)
    p.set_defaults(func=cmd_notebooks)

    p = sub.add_parser("score", help="score the extractor against the hand-made gold annotations")
    p.add_argument("--gold", default=str(paths.ANNOTATIONS_DIR / "gold"))
    p.set_defaults(func=cmd_score)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
