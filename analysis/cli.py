"""Command line: ``python -m analysis {analyze,figures,notebooks,handouts,score} ...``.

Examples
--------
::

    python -m analysis analyze data/raw --out out/example
    python -m analysis analyze ../shared/corpora/ant/ant-v2.1.jsonl.gz --out out/ant --jobs -1
    python -m analysis figures --out figures
    python -m analysis fetch ant
    python -m analysis study studies/ant-2018.toml
    python -m analysis figures --corpus my-articles.xlsx --column body=text --out out/mine
    python -m analysis handouts --out out/handouts
    python -m analysis score
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

from analysis.corpus import paths

#: Input formats (as :data:`analysis.corpus.readers.FORMATS`; listed here so that
#: ``--help`` does not import the readers).
FORMATS = ("txt", "html", "csv", "tsv", "jsonl", "json", "parquet", "xlsx")

#: The notebooks that build the figures in figures/, in order, with their parameters.
PAPER_NOTEBOOKS = ("00-start-here.ipynb", "05-comparing-sides.ipynb")


class UsageError(Exception):
    """A command line that cannot be run as given (a bad flag value, a missing path).

    Printed as one line, like :class:`~analysis.corpus.errors.CorpusReadError`; any
    other exception is a bug and shows its traceback.
    """


def _parse_columns(items: list[str] | None) -> dict[str, str | None] | None:
    """``--column body=text --column article_id=`` → ``{"body": "text", "article_id": None}``."""
    from analysis.corpus.readers import COLUMN_KEYS

    if not items:
        return None
    mapping: dict[str, str | None] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or key.strip() not in COLUMN_KEYS:
            raise UsageError(
                f"--column expects FIELD=COLUMN with FIELD one of {sorted(COLUMN_KEYS)} "
                f"(e.g. --column body=text; --column article_id= to number the rows), got {item!r}"
            )
        mapping[key.strip()] = value.strip() or None
    return mapping


def _check_out_dir(out: Path) -> None:
    """Refuse an ``--out`` that is a file, lies in data/raw, or cannot be created."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is an existing file; give a folder for the tables")
    try:
        out.resolve().relative_to(paths.RAW_DIR.resolve())
    except ValueError:
        pass
    else:
        raise UsageError(f"--out {out} is inside data/raw, which holds the immutable input; "
                         "write the tables elsewhere")
    existing = out
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"--out {out}: {existing} is a file, so the folder cannot be created")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(f"--out {out}: no permission to write in {existing}")


def _check_analyze_args(args: argparse.Namespace) -> None:
    from analysis.pipeline.batch import STAGES

    if tuple(args.stages) != STAGES[: len(args.stages)]:
        raise UsageError(f"--stages must be a prefix of {' '.join(STAGES)} (each needs the ones "
                         f"before it); got {' '.join(args.stages) or 'nothing'}")
    if args.limit is not None and args.limit < 0:
        raise UsageError(f"--limit must be 0 or more, not {args.limit}")
    if args.jobs == 0 or args.jobs < -1:
        raise UsageError(f"--jobs must be a number of processes (1, 2, ...) or -1 for all cores, "
                         f"not {args.jobs}")
    if args.chunk_size < 1:
        raise UsageError(f"--chunk-size must be 1 or more, not {args.chunk_size}")
    if args.time_limit < 0:
        raise UsageError(f"--time-limit must be 0 (no limit) or more seconds, not {args.time_limit:g}")
    _check_out_dir(Path(args.out))


def _show_corpus_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Print a reader's warning as one line (``warning: ...``); others as Python would."""
    from analysis.corpus.errors import CorpusReadWarning

    if issubclass(category, CorpusReadWarning):
        print(f"warning: {message}", file=sys.stderr if file is None else file)
    else:
        _python_showwarning(message, category, filename, lineno, file, line)


_python_showwarning = warnings.showwarning


def _stop_on_sigterm(signum, frame) -> None:
    raise KeyboardInterrupt  # a terminated run cleans up as an interrupted one does


def cmd_analyze(args: argparse.Namespace) -> int:
    """Stream the corpus through the stages into ``--out`` (partitioned Parquet, and CSV
    for small corpora), replacing the folder only when the run is complete."""
    import signal

    from analysis.pipeline.dataset import OutputFolderError
    from analysis.pipeline.stream import ArticleError, analyze_to

    _check_analyze_args(args)
    columns = _parse_columns(args.column)
    started = time.perf_counter()
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_corpus_warning
            result = analyze_to(
                args.input,
                args.out,
                stages=args.stages,
                n_jobs=args.jobs,
                chunk_size=args.chunk_size,
                formats="auto" if args.format is None else args.format,
                errors=args.errors,
                time_limit=args.time_limit or None,
                progress=not args.quiet,
                format=args.input_format,
                columns=columns,
                outlet=args.outlet,
                encoding=args.encoding,
                limit=args.limit,
            )
    except KeyboardInterrupt:
        print(f"interrupted: {args.out} is left as it was", file=sys.stderr)
        return 130
    except ArticleError as exc:
        if exc.worker_traceback:
            print(exc.worker_traceback, file=sys.stderr, end="")
        raise UsageError(str(exc).replace("errors='skip' (--errors skip)", "--errors skip")) from None
    except OutputFolderError as exc:
        raise UsageError(f"--out {args.out}: {exc}") from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    total = time.perf_counter() - started
    info = result.info
    print(result.summary())
    manifest = Path(args.out) / "info.json"
    for key, what in (("skipped", "bad row(s)/file(s)/article(s) skipped"),
                      ("duplicate_texts", "article(s) repeat an earlier title and body"),
                      ("cp1256_lines", "file(s) with lines decoded as Windows-1256")):
        if info.get(key):
            print(f"{len(info[key])} {what}: listed under {key!r} in {manifest}")
    files = sum(len(t["files"]) for t in info["tables"].values())
    print(f"read {info['read_seconds']:.1f} s; wrote {files} files to {args.out}; "
          f"total {total:.1f} s ({info['articles_read'] / total:,.0f} articles/s)")
    return 0


def _execute_notebook(nb_path: Path, out_path: Path, parameters: dict, cwd: Path, timeout: int) -> None:
    import papermill

    out_path.parent.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(
        str(nb_path), str(out_path), parameters=parameters, cwd=str(cwd), kernel_name="python3",
        progress_bar=False, request_save_on_cell_execute=False, execution_timeout=timeout,
    )


def _in_figures_dir(out: Path) -> bool:
    try:
        out.resolve().relative_to(paths.FIGURES_DIR.resolve())
    except ValueError:
        return False
    return True


def _corpus_study(args: argparse.Namespace, out: Path):
    """The study that ``figures --corpus`` runs, built from the flags."""
    import re

    from analysis.study.spec import GROUPINGS, PAPER_FIGURES, Study

    corpus = Path(args.corpus)
    name = re.sub(r"[^a-z0-9_.-]+", "-", corpus.name.lower().split(".")[0]).strip("-.") or "corpus"
    tables = tuple(g for g in GROUPINGS if g != args.group_by and (g != "section" or args.section_column))
    if args.group_by == "section" and not args.section_column:
        raise UsageError("--group-by section needs --section-column COLUMN (the input column holding the section)")
    return Study(
        name=name, title=f"{corpus.name}", corpus_path=corpus.resolve(),
        columns=_parse_columns(args.column) or {}, section_column=args.section_column,
        input_format=args.input_format, encoding=args.encoding, outlet=args.outlet,
        sides=tuple(args.sides), min_mentions=args.min_mentions, filter_enabled=not args.no_filter,
        compare=args.group_by, tables=tables, draws=args.draws, seed=args.seed, labels=args.labels,
        figures=PAPER_FIGURES, derived_dir=out / "derived", figures_dir=out, jobs=args.jobs,
    )


def cmd_figures(args: argparse.Namespace) -> int:
    """The paper figures from the committed derived data (and the example's), or, with
    ``--corpus``, the same figure set for one's own corpus in ``--out`` (never figures/)."""
    started = time.perf_counter()
    if args.corpus:
        return _figures_for_corpus(args, started)
    from analysis.study.paper import save_example_figures, save_paper_figures
    from analysis.study.spec import load_study

    out = Path(args.out) if args.out else paths.FIGURES_DIR
    _check_out_dir(out)
    study = load_study(args.study)
    written = save_paper_figures(study, out_dir=out)
    written += save_example_figures(out, labels=study.labels)
    derived = Path(study.derived_dir)
    if derived.is_relative_to(Path.cwd()):
        derived = derived.relative_to(Path.cwd())
    print(f"{len(written)} files in {out} from {derived} in {time.perf_counter() - started:.1f} s")
    return 0


def _figures_for_corpus(args: argparse.Namespace, started: float) -> int:
    from analysis.study.exports import build_quotes_table, save_quotes
    from analysis.study.run import run_study

    corpus = Path(args.corpus)
    if not corpus.exists():
        raise UsageError(f"--corpus {args.corpus}: no such file or folder")
    if args.jobs == 0 or args.jobs < -1:
        raise UsageError(f"--jobs must be a number of processes (1, 2, ...) or -1 for all cores, not {args.jobs}")
    if args.draws < 100:
        raise UsageError(f"--draws must be at least 100, not {args.draws}")
    default = paths.ROOT / "out" / "figures"
    study = _corpus_study(args, Path(args.out) if args.out else default)
    out = Path(args.out) if args.out else default / study.name
    if _in_figures_dir(out):
        raise UsageError(f"--out {out} would overwrite the paper's figures in {paths.FIGURES_DIR}; "
                         "give another folder, e.g. --out out/my-figures")
    _check_out_dir(out)
    study = _corpus_study(args, out)
    with warnings.catch_warnings():
        warnings.showwarning = _show_corpus_warning
        run = run_study(study, progress=not args.quiet, log=print)
    quotes = save_quotes(build_quotes_table(run.result), out)
    print(run.summary())
    print(f"quotes: {', '.join(str(p) for p in quotes)}")
    print(f"total {time.perf_counter() - started:.1f} s")
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    from analysis.corpus.fetch import CORPORA, fetch_corpus

    spec = CORPORA[args.name]
    if args.retries < 0:
        raise UsageError(f"--retries must be 0 or more, not {args.retries}")
    if args.quiet:
        import logging

        import pooch

        pooch.get_logger().setLevel(logging.ERROR)
    path = fetch_corpus(spec, cache=args.cache, archive=args.archive, url=args.url,
                        manifest=args.manifest, retries=args.retries, progress=not args.quiet)
    print(f"{spec.version}: {path}")
    if args.cache is not None and paths.ant_corpus() != path:
        print(f"(outside the default cache: set FRAMING_ANT={path} so that the suite finds it)")
    print(f"Please cite: {spec.citation}")
    return 0


def cmd_study(args: argparse.Namespace) -> int:
    from analysis.study.run import run_study
    from analysis.study.spec import load_study

    if args.jobs is not None and (args.jobs == 0 or args.jobs < -1):
        raise UsageError(f"--jobs must be a number of processes (1, 2, ...) or -1 for all cores, not {args.jobs}")
    study = load_study(args.file)
    if args.out:
        _check_out_dir(Path(args.out))
        study = study.with_output(args.out)
    with warnings.catch_warnings():
        warnings.showwarning = _show_corpus_warning
        run = run_study(study, jobs=args.jobs, figures=not args.no_figures, progress=not args.quiet,
                        log=print)
    print(run.summary())
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
    from analysis.validation.evaluation import read_splits, score_against_gold

    from analysis.validation.gold import ProblemsError

    if not Path(args.gold).is_dir():
        raise UsageError(f"--gold {args.gold}: no such folder")
    try:
        report = score_against_gold(gold_dir=args.gold, n_jobs=1)
    except ProblemsError as exc:  # bad gold files: the list of problems is the message
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report)
    repeated = [a for a in read_splits().query("duplicate_of != ''")["article_id"]
                if (Path(args.gold) / f"{a}.meta.json").exists()]
    if repeated:
        print(f"\nleft out: {len(repeated)} article(s) whose text is also another gold article's "
              f"({', '.join(repeated)}; duplicate_of in data/annotations/splits.csv)")
    print("\n95 % intervals, resampling whole articles (2,000 draws):")
    for row in report.intervals().itertuples():
        print(f"  {row.task:13} P {row.precision:.3f} [{row.precision_low:.3f}, {row.precision_high:.3f}]"
              f"  R {row.recall:.3f} [{row.recall_low:.3f}, {row.recall_high:.3f}]"
              f"  F1 {row.f1:.3f} [{row.f1_low:.3f}, {row.f1_high:.3f}]  ({row.articles} articles)")
    return 0


def cmd_handouts(args: argparse.Namespace) -> int:
    from analysis.teaching import save_handouts

    for path in save_handouts(args.out):
        print(path)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="analyse a corpus into tables (Parquet, and CSV for small corpora)")
    p.add_argument("input", help="a .txt/.html file or folder, or a .csv/.tsv/.jsonl(.gz)/.json/.parquet file")
    p.add_argument("--out", required=True,
                   help="output folder for the tables; replaced whole when the run completes")
    p.add_argument("--format", nargs="+", default=None, choices=["csv", "parquet"],
                   help="Parquet datasets (<table>.parquet/part-*.parquet) are always written; CSV "
                        "copies too with 'csv' (default: for corpora of at most 100,000 articles)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (-1: all cores)")
    p.add_argument("--chunk-size", type=int, default=1000,
                   help="articles per chunk: one Parquet file per table per chunk (default 1000)")
    p.add_argument("--time-limit", type=float, default=120.0,
                   help="seconds one article may take before it is reported (0: no limit; default 120)")
    p.add_argument("--stages", nargs="*", default=["mentions", "attributions", "stance", "stance_model"],
                   help="stages after segmentation (a prefix of: mentions attributions stance stance_model; "
                        "stance_model adds the learned stance units to the rules' ones)")
    p.add_argument("--input-format", choices=FORMATS,
                   help="format of the input files (default: from each file's suffix)")
    p.add_argument("--column", action="append", metavar="FIELD=COLUMN",
                   help="map a table field to an input column, e.g. --column body=text; "
                        "--column article_id= numbers the rows (repeatable)")
    p.add_argument("--outlet", help="outlet name when the input has none")
    p.add_argument("--encoding",
                   help="force an input encoding, e.g. cp1256; 'per-line' decodes each line as "
                        "UTF-8 or else Windows-1256 and lists the Windows-1256 lines")
    p.add_argument("--errors", choices=["raise", "skip"], default="raise",
                   help="skip bad rows/files and articles that fail, run out of time or crash "
                        "their worker (each is reported and listed in info.json) instead of stopping")
    p.add_argument("--limit", type=int, help="read at most this many articles")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("figures", help="draw the paper figures from data/derived (seconds, no corpus), "
                                       "or the same figures for your own corpus with --corpus")
    p.add_argument("--out", help="figures folder (default: figures/; with --corpus: out/figures/<name>, "
                                 "never figures/)")
    p.add_argument("--study", default=str(paths.ROOT / "studies" / "ant-2018.toml"),
                   help="study whose derived data the paper figures are drawn from")
    p.add_argument("--corpus", help="your own corpus: a .csv/.tsv/.xlsx/.jsonl/.json/.parquet file or a "
                                    "folder of .txt/.html articles")
    p.add_argument("--column", action="append", metavar="FIELD=COLUMN",
                   help="map a field to a column of your file, e.g. --column body=text (repeatable)")
    p.add_argument("--input-format", choices=FORMATS, help="format of the input files (default: from the suffix)")
    p.add_argument("--encoding", help="force an input encoding, e.g. cp1256")
    p.add_argument("--outlet", help="outlet name when the input has none")
    p.add_argument("--group-by", choices=["outlet", "month", "section"], default="outlet",
                   help="the groups the figures compare (default: outlet)")
    p.add_argument("--section-column", help="the input column holding each article's section")
    p.add_argument("--sides", nargs="+", default=["russia", "us"],
                   help="relevance filter: keep articles in which each of these sides is an actor")
    p.add_argument("--min-mentions", type=int, default=1, help="actor mentions each side needs (default 1)")
    p.add_argument("--no-filter", action="store_true", help="study every article")
    p.add_argument("--labels", choices=["ar", "en", "both"], default="both")
    p.add_argument("--draws", type=int, default=2000, help="bootstrap draws (default 2000)")
    p.add_argument("--seed", type=int, default=2018, help="bootstrap seed (default 2018)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (-1: all cores)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_figures)

    p = sub.add_parser("fetch", help="download, verify and convert a public corpus (ANT v2.1); "
                                     "prints the citation")
    p.add_argument("name", choices=["ant"], help="the corpus")
    p.add_argument("--archive", help="use this downloaded archive of the pinned commit (offline)")
    p.add_argument("--cache", help="folder for the archive and the converted corpus "
                                   "(default: $FRAMING_CACHE or the user cache folder)")
    p.add_argument("--url", help="download from this mirror instead of GitHub")
    p.add_argument("--manifest", help="verify against this per-file manifest (path, size, sha256 TSV) "
                                      "instead of the one shipped for the pinned commit")
    p.add_argument("--retries", type=int, default=3, help="further attempts after a failed download")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_fetch)

    p = sub.add_parser("study", help="run a study file: filter, analyse, write derived data and figures")
    p.add_argument("file", help="the study (TOML), e.g. studies/ant-2018.toml")
    p.add_argument("--out", help="write derived/ and figures/ into this folder instead of the "
                                 "study's own output folders")
    p.add_argument("--jobs", type=int, help="worker processes (default: the study's output.jobs)")
    p.add_argument("--no-figures", action="store_true", help="write the derived data only")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_study)

    p = sub.add_parser("notebooks", help="execute every notebook headless (as the tests do)")
    p.add_argument("--out", default=str(paths.ROOT / "out" / "notebooks"))
    p.add_argument("--name", nargs="*",
                   help="only notebooks whose path under notebooks/ contains one of these (e.g. teaching/ or 05-)")
    p.add_argument("--timeout", type=int, default=900)
    p.set_defaults(func=cmd_notebooks)

    p = sub.add_parser("handouts", help="write a printable A4 handout (English and Arabic) per teaching exercise")
    p.add_argument("--out", default=str(paths.ROOT / "out" / "handouts"), help="folder for the HTML pages")
    p.set_defaults(func=cmd_handouts)

    p = sub.add_parser("score", help="score the extractor against the hand-made gold annotations")
    p.add_argument("--gold", default=str(paths.ANNOTATIONS_DIR / "gold"))
    p.set_defaults(func=cmd_score)
    return parser


def _user_errors() -> tuple[type[Exception], ...]:
    """The exception types that mean bad input or flags (one line), not a bug (traceback)."""
    from analysis.corpus.errors import CorpusReadError
    from analysis.corpus.fetch import FetchError
    from analysis.study.spec import StudyError

    return (UsageError, CorpusReadError, FetchError, StudyError)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; user errors print one line and return 2.

    Only the project's own user-error types (:class:`UsageError`,
    :class:`~analysis.corpus.errors.CorpusReadError`) are caught; any other exception,
    a ``ValueError`` from a bug included, propagates with its traceback.
    """
    from analysis.corpus.errors import option_style

    args = build_parser().parse_args(argv)
    try:
        with option_style("cli"):
            return args.func(args)
    except _user_errors() as exc:
        print("error: " + " ".join(str(exc).splitlines()), file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
