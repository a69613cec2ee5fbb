"""Build the documentation site: execute the notebooks (cached), stage the pages, run Sphinx.

``make docs`` runs this script. Three steps, all offline:

1. **Execute** every numbered notebook and every teaching notebook headless with papermill,
   with ``figures_dir`` pointed into the cache (so the repository's ``figures/`` is never
   written). An executed copy is kept under ``<cache>/<key>.ipynb``, where the key hashes
   the notebook, its parameters and every input it can read (the ``analysis`` package, its
   lexicons, ``data/``, the lock file and the ANT corpus file, if present). A rebuild with
   nothing changed executes nothing.
2. **Stage** a Sphinx source folder ``<out>/src``: the pages in ``docs/`` (``*.md`` and
   ``api/``), the lexicon and annotation READMEs, and the executed notebooks.
3. **Build** HTML with Sphinx (configuration ``docs/conf.py``: myst-nb reads the executed
   notebooks without running them again, numpydoc the docstrings) with warnings as errors.
   The warnings go to ``<out>/warnings.log``; ``<out>/build-info.json`` records the input
   fingerprint, the timings and the warning count, so a test can tell whether the build is
   fresh.

Usage::

    .venv/bin/python docs/build.py                     # into out/docs/html
    .venv/bin/python docs/build.py --out /tmp/site --cache out/docs/executed
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

DOCS_DIR = Path(__file__).resolve().parent
ROOT = DOCS_DIR.parent
NOTEBOOKS_DIR = ROOT / "notebooks"
DEFAULT_OUT = ROOT / "out" / "docs"

#: Pages copied from elsewhere in the repository: source -> page name in the site.
EXTRA_PAGES = {
    ROOT / "analysis" / "lexicons" / "README.md": "lexicons.md",
    ROOT / "data" / "annotations" / "README.md": "annotations.md",
}

#: Parameters each notebook gets besides figures_dir. 08 runs on a sample of ANT, as in
#: the tests, to keep the build short; the page says which sample it shows.
EXTRA_PARAMETERS = {"08-corpus-at-scale.ipynb": {"sample": 2000}}

#: Notebooks that take longest (training, a corpus sample, the paper figures): started first.
SLOW_FIRST = ("07-", "08-", "05-", "06-")

#: Inputs a notebook's outputs can depend on (besides the notebook itself).
_INPUT_DIRS = ("analysis", "data")
_INPUT_FILES = ("requirements/lock.txt", "pyproject.toml")
_SKIP_PARTS = {"__pycache__", ".ipynb_checkpoints"}


class NotebookError(RuntimeError):
    """One or more notebooks raised while executing for the site."""

    def __init__(self, names: list[str]):
        super().__init__(f"{len(names)} notebook(s) failed: {', '.join(sorted(names))} "
                         "(the cells' tracebacks are printed above)")
        self.names = names


def find_notebooks() -> list[Path]:
    """The notebooks of the site, relative to ``notebooks/``: numbered ones, then teaching."""
    numbered = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
    teaching = sorted((NOTEBOOKS_DIR / "teaching").glob("[0-9][0-9]-*.ipynb"))
    return [p.relative_to(NOTEBOOKS_DIR) for p in numbered + teaching]


def _hash_files(files) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path).encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _input_files() -> list[Path]:
    files = [ROOT / f for f in _INPUT_FILES if (ROOT / f).is_file()]
    for folder in _INPUT_DIRS:
        files += [p for p in (ROOT / folder).rglob("*")
                  if p.is_file() and not _SKIP_PARTS & set(p.parts) and p.suffix != ".pyc"]
    return files


def _ant_stamp() -> str:
    """Which ANT file the notebooks would read (path, size, mtime), or ``none``."""
    from analysis.corpus import paths

    ant = paths.ant_corpus()
    if ant is None:
        return "none"
    stat = ant.stat()
    return f"{ant.name}:{stat.st_size}:{int(stat.st_mtime)}"


def inputs_fingerprint() -> str:
    """One hash of everything an executed notebook can depend on, except the notebook."""
    return hashlib.sha256(f"{_hash_files(_input_files())}|{_ant_stamp()}".encode()).hexdigest()


def notebook_key(rel: Path, fingerprint: str) -> str:
    """The cache key of one notebook: its bytes, its parameters and the inputs fingerprint."""
    digest = hashlib.sha256()
    digest.update(str(rel).encode())
    digest.update((NOTEBOOKS_DIR / rel).read_bytes())
    digest.update(json.dumps(EXTRA_PARAMETERS.get(rel.name, {}), sort_keys=True).encode())
    digest.update(fingerprint.encode())
    return digest.hexdigest()[:32]


def site_fingerprint() -> str:
    """Hash of every input of the whole site: notebooks, pages, configuration, package."""
    files = [DOCS_DIR / "conf.py", DOCS_DIR / "build.py", *EXTRA_PAGES]
    files += [p for p in DOCS_DIR.glob("*.md")]
    files += [p for p in (DOCS_DIR / "api").rglob("*") if p.is_file()]
    files += [NOTEBOOKS_DIR / rel for rel in find_notebooks()]
    return hashlib.sha256(f"{_hash_files(files)}|{inputs_fingerprint()}".encode()).hexdigest()


def _has_parameters(notebook: Path) -> bool:
    """Whether the notebook has a cell tagged ``parameters`` (papermill injects after it)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return any("parameters" in c.get("metadata", {}).get("tags", ()) for c in cells)


def _execute(args: tuple[str, str, str, str]) -> tuple[str, float]:
    """Execute one notebook with papermill, in its own process; raise with its error text."""
    rel, target, figures_dir, parameters = args
    source = NOTEBOOKS_DIR / rel
    started = time.perf_counter()
    tmp = Path(target).with_suffix(".running.ipynb")
    params = {"figures_dir": figures_dir, **json.loads(parameters)} if _has_parameters(source) else {}
    cmd = [sys.executable, "-m", "papermill", str(source), str(tmp), "--cwd", str(source.parent),
           "-k", "python3", "--no-progress-bar", "--no-request-save-on-cell-execute",
           "--execution-timeout", "900"]
    if params:
        cmd += ["-y", json.dumps(params)]  # JSON is YAML
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(run.stderr.strip() or run.stdout.strip())
    os.replace(tmp, target)
    return rel, time.perf_counter() - started


def execute_notebooks(cache: Path, jobs: int = 2) -> dict[Path, Path]:
    """Executed copies of every notebook, from the cache or run now. Returns rel -> file."""
    cache.mkdir(parents=True, exist_ok=True)
    figures_dir = cache / "figures"
    figures_dir.mkdir(exist_ok=True)
    fingerprint = inputs_fingerprint()
    executed, todo = {}, []
    for rel in find_notebooks():
        target = cache / f"{notebook_key(rel, fingerprint)}.ipynb"
        executed[rel] = target
        if not target.is_file():
            todo.append((str(rel), str(target), str(figures_dir),
                         json.dumps(EXTRA_PARAMETERS.get(rel.name, {}))))
    print(f"notebooks: {len(executed) - len(todo)} from the cache, {len(todo)} to execute", flush=True)
    if todo:
        # the slow ones first, so that the workers finish together
        todo.sort(key=lambda t: (not t[0].startswith(SLOW_FIRST), t[0]))
        failed = []
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:  # each runs a process
            futures = {pool.submit(_execute, item): item[0] for item in todo}
            for future in as_completed(futures):
                try:
                    rel, seconds = future.result()
                except Exception as exc:  # report every failing notebook, then stop
                    failed.append(futures[future])
                    print(f"  FAILED {futures[future]}:\n{str(exc)[-3000:]}", flush=True)
                else:
                    print(f"  executed {rel} in {seconds:.1f} s", flush=True)
        if failed:
            raise NotebookError(failed)
    keep = {p.name for p in executed.values()}
    for stale in cache.glob("*.ipynb"):
        if stale.name not in keep:
            stale.unlink()
    return executed


def stage_sources(src: Path, executed: dict[Path, Path]) -> None:
    """Assemble the Sphinx source folder ``src`` (emptied first)."""
    if src.exists():
        shutil.rmtree(src)
    src.mkdir(parents=True)
    for page in DOCS_DIR.glob("*.md"):
        shutil.copy2(page, src / page.name)
    shutil.copytree(DOCS_DIR / "api", src / "api",
                    ignore=shutil.ignore_patterns("generated", "__pycache__"))
    if (DOCS_DIR / "_static").is_dir():
        shutil.copytree(DOCS_DIR / "_static", src / "_static")
    for source, name in EXTRA_PAGES.items():
        shutil.copy2(source, src / name)
    for rel, path in executed.items():
        target = src / "notebooks" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    teaching = sorted(rel for rel in executed if rel.parent.name == "teaching")
    if teaching:
        (src / "notebooks" / "teaching" / "index.md").write_text(TEACHING_INDEX, encoding="utf-8")
    for rel in executed:
        _link_folders_to_index(src / "notebooks" / rel)


#: The page a link to ``teaching/`` opens in the site (in JupyterLab it opens the folder).
TEACHING_INDEX = """# Teaching notebooks

Exercise/solution pairs for a media-studies class, executed as shipped: the exercises with
their blanks empty, the solutions with them filled in. The teacher's guide is
[Teaching with the notebook suite](../../teaching.md).

```{toctree}
:maxdepth: 1
:glob:

*
```
"""

_FOLDER_LINK = re.compile(r"\]\(([A-Za-z0-9_.\-/]+)/\)")


def _link_folders_to_index(notebook: Path) -> None:
    """Point Markdown links to a folder (``[teaching/](teaching/)``) at its index page."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    changed = False
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]

        def repl(m: re.Match) -> str:
            index = notebook.parent / m.group(1) / "index.md"
            return f"]({m.group(1)}/index.md)" if index.is_file() else m.group(0)

        new = _FOLDER_LINK.sub(repl, text)
        if new != text:
            cell["source"], changed = new, True
    if changed:
        notebook.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def run_sphinx(src: Path, html: Path, warnings_log: Path, jobs: int = 1) -> int:
    """sphinx-build with warnings as errors (all of them collected in ``warnings_log``)."""
    for stale in (html, html.parent / "doctrees"):  # always a full build: -W sees every page
        if stale.exists():
            shutil.rmtree(stale)
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-q",
           "-w", str(warnings_log), "-c", str(DOCS_DIR), "-d", str(html.parent / "doctrees"),
           "-j", str(jobs), str(src), str(html)]
    return subprocess.run(cmd, cwd=ROOT).returncode


def build(out: Path = DEFAULT_OUT, cache: Path | None = None, jobs: int = 2) -> dict:
    """Build the site into ``out/html``; returns what ``build-info.json`` records."""
    out = out.resolve()
    cache = (cache or out / "executed").resolve()
    out.mkdir(parents=True, exist_ok=True)
    fingerprint = site_fingerprint()
    started = time.perf_counter()
    executed = execute_notebooks(cache, jobs=jobs)
    executed_s = time.perf_counter() - started
    stage_sources(out / "src", executed)
    warnings_log = out / "warnings.log"
    warnings_log.unlink(missing_ok=True)
    sphinx_started = time.perf_counter()
    returncode = run_sphinx(out / "src", out / "html", warnings_log, jobs=jobs)
    log = warnings_log.read_text(encoding="utf-8") if warnings_log.is_file() else ""
    info = {
        "fingerprint": fingerprint,
        "returncode": returncode,
        "warnings": sum(1 for line in log.splitlines() if "WARNING" in line or "ERROR" in line),
        "notebooks": len(executed),
        "execute_seconds": round(executed_s, 1),
        "sphinx_seconds": round(time.perf_counter() - sphinx_started, 1),
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    (out / "build-info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="build folder (html/ goes inside)")
    parser.add_argument("--cache", default=None, help="executed notebooks (default: OUT/executed)")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks executed at once, and Sphinx processes")
    args = parser.parse_args(argv)
    try:
        info = build(Path(args.out), Path(args.cache) if args.cache else None, jobs=args.jobs)
    except NotebookError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    html = Path(args.out).resolve() / "html" / "index.html"
    print(f"{info['notebooks']} notebooks ({info['execute_seconds']} s executing), "
          f"Sphinx {info['sphinx_seconds']} s, total {info['total_seconds']} s")
    if info["returncode"] != 0:
        print(f"the build failed with {info['warnings']} warning(s): see "
              f"{Path(args.out) / 'warnings.log'}", file=sys.stderr)
        return 1
    print(f"site: {html}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
