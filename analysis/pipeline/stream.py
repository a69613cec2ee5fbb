"""Stream a corpus through the stages into partitioned Parquet, with bounded memory.

:func:`analyze_to` reads the corpus in chunks (:func:`analysis.corpus.readers.iter_articles`),
sends each chunk to a worker process, and the worker writes one Parquet file per table
for it (:mod:`analysis.pipeline.dataset` describes the folder). Memory is bounded by the
chunk size and the number of workers, not by the corpus: the main process holds at most
two chunks per worker, and no table is ever gathered whole.

The output folder is always consistent. Everything is written into a staging folder
beside ``out_dir``; when the run is complete the staging folder, with its manifest
(``info.json``: row counts, input SHA-256, package and lexicon versions, skipped
records), takes the place of ``out_dir`` in one step (:func:`~analysis.pipeline.dataset.replace_folder`).
A run that fails, is interrupted (Ctrl-C) or is killed leaves ``out_dir`` as it was.

Faults are named. An exception in a stage names the article and the stage; an article
that runs longer than ``time_limit`` seconds, or whose worker process dies, is named too
(the worker is replaced). With ``errors="skip"`` such an article is left out of every
table and listed under ``skipped`` in the manifest instead of ending the run.

Examples
--------
>>> from analysis import analyze_to, paths
>>> ds = analyze_to(paths.EXAMPLE_ARTICLE, "out/example", progress=False)   # doctest: +SKIP
>>> ds.table("attributions", columns=["source_actor_id", "cue", "mode"])    # doctest: +SKIP
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from multiprocessing import get_context
from multiprocessing.connection import wait
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from analysis.coding.lexicons import pinned
from analysis.corpus import paths, schema
from analysis.corpus.files import write_text_atomic
from analysis.pipeline.batch import READ_REPORT, STAGES, TABLES, _check_stages, analyze_article, article_ids
from analysis.pipeline.dataset import (
    FORMAT, MANIFEST, ResultDataset, articles_table, check_replaceable, records_table, replace_folder,
    staging_folder, to_pandas,
)

__all__ = ["ArticleError", "CSV_MAX_ARTICLES", "DEFAULT_CHUNK_SIZE", "DEFAULT_TIME_LIMIT", "analyze_to",
           "lexicon_versions"]

#: Articles per chunk (one Parquet file per table per chunk) unless ``chunk_size`` says otherwise.
DEFAULT_CHUNK_SIZE = 1000
#: Seconds one article may take before it is reported (and, with ``errors="skip"``, skipped).
DEFAULT_TIME_LIMIT = 120.0
#: With ``formats="auto"``, CSV copies are written up to this many articles.
CSV_MAX_ARTICLES = 100_000
#: Parquet compression of the tables.
COMPRESSION = "zstd"

_RECORD_TABLES = ("sentences", "mentions", "attributions", "stance")
_STEPS = ("idle", "segment", *STAGES, "writing")  # what a worker is doing (shared with the main process)
_IDLE, _WRITING = 0, len(_STEPS) - 1


class ArticleError(RuntimeError):
    """An article failed in a worker: an exception in a stage, a time-out, or a crash.

    Attributes
    ----------
    article_id, stage, reason : str
    worker_traceback : str
        The worker's traceback for an exception ("" for a time-out or a crash).
    """

    def __init__(self, article_id: str, stage: str, reason: str, worker_traceback: str = ""):
        self.article_id, self.stage, self.reason, self.worker_traceback = article_id, stage, reason, worker_traceback
        super().__init__(f"article {article_id!r} failed in {stage}: {reason}; pass errors='skip' "
                         "(--errors skip) to leave it out and list it in the manifest")

    def __reduce__(self):
        return ArticleError, (self.article_id, self.stage, self.reason, self.worker_traceback)


def lexicon_versions() -> dict[str, dict[str, str]]:
    """Version line and SHA-256 (first 16 hex digits) of every shipped lexicon file."""
    out = {}
    for path in sorted(paths.LEXICON_DIR.glob("*.csv")):
        data = path.read_bytes()
        version = ""
        for line in data.decode("utf-8", "replace").splitlines()[:20]:
            text = line.strip().lstrip("#").strip()
            if text.lower().startswith("version"):
                version = text.split(":", 1)[-1].strip()
                break
        out[path.stem] = {"version": version, "sha256": hashlib.sha256(data).hexdigest()[:16]}
    return out


# --------------------------------------------------------------------------- the worker side
@dataclass
class _Task:
    chunk: int
    articles: pd.DataFrame
    exclude: dict[str, dict] = field(default_factory=dict)  # article_id -> skip record (faults seen)


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when its parent dies (no orphans after a kill -9)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _worker(conn, slot, stages: tuple[str, ...], errors: str, staging: str | None, fault=None) -> None:
    """A worker process: analyse the chunks it is sent, write their files, report back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C and ends us
    _die_with_parent()
    try:  # load the lexicons now, so that the time limit counts articles only
        analyze_article("warm-up", "قال لافروف", "وأكد أن موسكو سترد.", stages)
    except Exception:
        pass  # a broken lexicon is reported with the first article
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            conn.send(("done", _run_chunk(task, slot, stages, errors, staging and Path(staging), fault)))
        except ArticleError as exc:
            conn.send(("failed", exc))
        except Exception:  # writing failed (disk full ...): not an article's fault
            conn.send(("error", traceback.format_exc()))
        finally:
            slot[1], slot[2] = _IDLE, 0.0


#: Environment variable for tests: ``<article_id>:<stage>:<raise|crash|hang>`` makes that
#: article fail in that stage in a worker (an exception, the process dying, or no end).
FAULT_ENV = "ANALYSIS_TEST_FAULT"


def _test_fault() -> tuple[str, str, str] | None:
    value = os.environ.get(FAULT_ENV)
    if not value:
        return None
    article, stage, kind = value.rsplit(":", 2)
    return article, stage, kind


def _inject(mark, fault: tuple[str, str, str], stage: str) -> None:
    mark(stage)
    if stage != fault[1]:
        return
    if fault[2] == "crash":
        os.kill(os.getpid(), signal.SIGKILL)
    if fault[2] == "hang":
        while True:
            time.sleep(1)
    raise RuntimeError(f"injected fault ({FAULT_ENV})")


def _run_chunk(task: _Task, slot, stages: tuple[str, ...], errors: str, staging: Path | None,
               fault=None) -> dict:
    """Analyse one chunk; write its files into ``staging`` (or, without one, return the
    record tables as Arrow tables)."""
    cpu_started = time.process_time()
    df = task.articles
    ids = df["article_id"].tolist()
    titles = df["title"].fillna("").astype(str).tolist()
    bodies = df["body"].fillna("").astype(str).tolist()
    merged: dict[str, list[dict]] = {name: [] for name in _RECORD_TABLES}
    skipped: list[dict] = []
    codes = {name: i for i, name in enumerate(_STEPS)}

    def mark(stage: str) -> None:
        slot[1] = codes[stage]

    clock = time.monotonic
    with pinned():  # one version of every lexicon for the whole chunk
        for i, (article_id, title, body) in enumerate(zip(ids, titles, bodies)):
            if article_id in task.exclude:
                continue
            slot[0], slot[2] = i, clock()
            try:
                if fault is not None and article_id == fault[0]:
                    recs = analyze_article(article_id, title, body, stages, on_stage=partial(_inject, mark, fault))
                else:
                    recs = analyze_article(article_id, title, body, stages, on_stage=mark)
            except Exception as exc:
                stage = _STEPS[int(slot[1])]
                reason = f"{type(exc).__name__}: {exc}"
                if errors == "raise":
                    raise ArticleError(article_id, stage, reason, traceback.format_exc()) from None
                skipped.append({"article_id": article_id, "stage": stage, "reason": reason})
                continue
            for name in _RECORD_TABLES:
                merged[name].extend(recs[name])
    slot[1], slot[2] = _WRITING, 0.0
    skipped = list(task.exclude.values()) + skipped
    if skipped:
        dropped = {s["article_id"] for s in skipped}
        df = df[~df["article_id"].isin(dropped)]
    tables = {name: records_table(merged[name], name) for name in _RECORD_TABLES}
    if staging is None:
        return {"chunk": task.chunk, "tables": tables, "skipped": skipped, "articles": len(ids),
                "cpu_seconds": time.process_time() - cpu_started}
    tables = {"articles": articles_table(df), **tables}
    files = {}
    for name, table in tables.items():
        rel = f"{name}.parquet/part-{task.chunk:06d}.parquet"
        pq.write_table(table, staging / rel, compression=COMPRESSION)
        files[name] = {"path": rel, "rows": table.num_rows, "bytes": (staging / rel).stat().st_size}
    return {"chunk": task.chunk, "files": files, "skipped": skipped, "articles": len(ids),
            "cpu_seconds": time.process_time() - cpu_started}


# --------------------------------------------------------------------------- the main side
class _Worker:
    def __init__(self, ctx, stages, errors, staging, fault):
        self.slot = ctx.RawArray("d", 3)  # article index in the chunk, step, started (monotonic)
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, self.slot, stages, errors,
                                                         str(staging) if staging else None, fault),
                                   daemon=True)
        self.process.start()
        child.close()
        self.task: _Task | None = None

    def current(self) -> tuple[str, str]:
        """(article id, step) the worker is at."""
        task = self.task
        index = int(self.slot[0])
        article = task.articles["article_id"].iloc[index] if task is not None and index < len(task.articles) else "?"
        return str(article), _STEPS[int(self.slot[1])]

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class _Pool:
    """Worker processes that each hold at most one chunk; faults are caught per worker."""

    def __init__(self, n: int, stages, errors: str, staging: Path | None, time_limit: float | None):
        self.ctx = get_context("forkserver" if os.name == "posix" else "spawn")
        if self.ctx.get_start_method() == "forkserver":
            self.ctx.set_forkserver_preload(["analysis.pipeline.stream", "analysis.coding.stance"])
        self.args = (stages, errors, staging, _test_fault())
        self.time_limit = time_limit
        self.workers = [_Worker(self.ctx, *self.args) for _ in range(n)]

    def idle(self) -> list[_Worker]:
        return [w for w in self.workers if w.task is None]

    def busy(self) -> list[_Worker]:
        return [w for w in self.workers if w.task is not None]

    def submit(self, worker: _Worker, task: _Task) -> None:
        worker.task = task
        try:
            worker.conn.send(task)
        except OSError:
            pass  # the worker is gone; poll() reports it

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self.workers[self.workers.index(worker)] = _Worker(self.ctx, *self.args)

    def poll(self, timeout: float) -> list[tuple]:
        """Events: ("done", task, result), ("failed", task, ArticleError), ("fault", task, skip record),
        ("error", task, traceback text)."""
        busy = self.busy()
        if not busy:
            return []
        handles = {}
        for w in busy:
            handles[w.conn] = w
            handles[w.process.sentinel] = w
        ready = wait(list(handles), timeout)
        events, seen = [], set()
        for handle in ready:
            w = handles[handle]
            if id(w) in seen:
                continue
            seen.add(id(w))
            task = w.task
            if w.conn.poll():
                try:
                    kind, payload = w.conn.recv()
                except (EOFError, OSError):
                    kind = None
                if kind is not None:
                    w.task = None
                    events.append((kind, task, payload))
                    continue
            if not w.process.is_alive():
                w.process.join(1)
                article, step = w.current()
                code = w.process.exitcode
                if not w.slot[2]:  # it died before it began an article: no article to blame
                    events.append(("error", task, f"the worker process died before it began an article "
                                                  f"(exit code {code}); in a script, start the run under "
                                                  "`if __name__ == '__main__':`"))
                else:
                    events.append(("fault", task, {"article_id": article, "stage": step,
                                                   "reason": f"the worker process died (exit code {code})"}))
                self._replace(w)
        now = time.monotonic()
        for w in self.busy():
            started = w.slot[2]
            if self.time_limit and started and now - started > self.time_limit and id(w) not in seen:
                article, step = w.current()
                task = w.task
                events.append(("fault", task, {"article_id": article, "stage": step,
                                               "reason": f"took more than {self.time_limit:g} s (time limit)"}))
                self._replace(w)
        return events

    def close(self, kill: bool = False) -> None:
        if kill:  # Ctrl-C or a failure: end every worker at once, so their reaping overlaps
            for w in self.workers:
                if w.process.is_alive():
                    w.process.kill()
        for w in self.workers:
            if kill or w.task is not None:
                w.kill()
                continue
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in self.workers:
            w.process.join(5)
            if w.process.is_alive():
                w.kill()


def _count_articles(source, fmt: str | None) -> int | None:
    """Articles to expect, for the progress bar's ETA: the lines of a JSON Lines file, or the
    files of a folder of .txt/.html articles (None when that cannot be told quickly)."""
    path = Path(source)
    name = path.name.lower()
    if path.is_dir():
        files = [p for p in path.rglob("*") if p.is_file()
                 and not any(x.startswith(".") for x in p.relative_to(path).parts)]
        kinds = {p.suffix.lower() for p in files}
        if kinds & {".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".json", ".parquet", ".pq", ".gz"}:
            return None  # files of many rows each
        return sum(p.suffix.lower() in (".txt", ".html", ".htm") for p in files)
    if not path.is_file() or fmt not in (None, "jsonl") or not name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        return None
    opener = gzip.open if name.endswith(".gz") else open
    count = 0
    with opener(path, "rb") as fh:
        while block := fh.read(1 << 22):
            count += block.count(b"\n")
    return count


def _chunks(source, chunk_size: int, read_kwargs: dict) -> Iterator[pd.DataFrame]:
    if isinstance(source, pd.DataFrame):
        if read_kwargs.get("columns"):  # mapped as analyze() and read_articles() map them
            from analysis.pipeline.batch import _mapped_columns

            source = _mapped_columns(source, read_kwargs["columns"])
        schema.check_columns(source, ["article_id", "title", "body"], "articles")
        articles = source.assign(article_id=article_ids(source["article_id"]))
        for start in range(0, len(articles), chunk_size):
            chunk = articles.iloc[start:start + chunk_size].reset_index(drop=True)
            chunk.attrs = dict(source.attrs) if start == 0 else {}
            yield chunk
        return
    from analysis.corpus.readers import iter_articles

    yield from iter_articles(source, chunksize=chunk_size, **read_kwargs)


def analyze_to(
    source,
    out_dir: str | os.PathLike,
    *,
    stages: Iterable[str] = STAGES,
    n_jobs: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    formats: str | Iterable[str] = "auto",
    errors: str = "raise",
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    progress: bool = True,
    **read_kwargs,
) -> ResultDataset:
    """Analyse a corpus chunk by chunk into a folder of Parquet datasets; memory stays bounded.

    Parameters
    ----------
    source : path or DataFrame
        What :func:`analysis.corpus.readers.iter_articles` reads, or an ``articles`` table.
    out_dir : path
        The output folder. It is replaced whole when the run completes (a folder that holds
        files but no manifest is refused); until then it stays as it was.
    stages : iterable of str
        A prefix of :data:`~analysis.pipeline.batch.STAGES`.
    n_jobs : int
        Worker processes (``-1``: one per core). The main process reads; workers analyse and
        write. Tables are the same for any value, and the same as :func:`~analysis.pipeline.batch.analyze`'s.
    chunk_size : int
        Articles per chunk: one Parquet file per table per chunk.
    formats : "auto", or a list of "parquet" and "csv"
        Parquet datasets are always written; CSV copies of the tables too when asked, or,
        with ``"auto"``, when the corpus has at most :data:`CSV_MAX_ARTICLES` articles.
    errors : {"raise", "skip"}
        ``"skip"`` skips bad input records (as :func:`~analysis.corpus.readers.read_articles`)
        and articles that fail in a stage, run out of time or crash their worker; each is
        listed under ``skipped`` in the manifest.
    time_limit : float or None
        Seconds an article may take (``None``: no limit).
    progress : bool
        One progress bar for the run (articles, articles/s, ETA when the size is known).
    **read_kwargs
        ``format=``, ``columns=``, ``outlet=``, ``encoding=``, ``limit=`` for the reader.

    Returns
    -------
    ResultDataset
        The folder, opened lazily (:func:`~analysis.pipeline.dataset.open_result`).

    Raises
    ------
    ArticleError
        An article failed and ``errors="raise"``: names the article, the stage and the reason.
    OutputFolderError
        ``out_dir`` holds files that no analysis wrote.
    """
    started = time.perf_counter()
    stages = _check_stages(stages)
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be >= 1, not {chunk_size}")
    formats = _check_formats(formats)
    n_jobs = (os.cpu_count() or 1) if n_jobs == -1 else max(1, int(n_jobs))
    out = Path(out_dir)
    check_replaceable(out)
    if not isinstance(source, pd.DataFrame):
        read_kwargs["errors"] = errors
    chunks = _chunks(source, chunk_size, read_kwargs)  # arguments are checked here

    staging = staging_folder(out)
    pool = bar = csv_copies = None
    try:
        for name in TABLES:
            (staging / f"{name}.parquet").mkdir()
        bar = _progress_bar(source, read_kwargs, progress)
        pool = _Pool(n_jobs, stages, errors, staging, time_limit)
        csv_copies = _CsvCopies(staging, formats)
        run = _run(pool, chunks, bar, errors, csv_copies)
        pool.close()
        pool = None
        csv_copies.finish(run["files"], run["articles"])
        manifest = _manifest(source, stages, n_jobs, chunk_size, run, started, staging)
        write_text_atomic(staging / MANIFEST,
                          json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        replace_folder(staging, out)
    except BaseException:
        if pool is not None:
            pool.close(kill=True)
        if csv_copies is not None:
            csv_copies.close()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if bar is not None:
            bar.close()
    return ResultDataset(out)


def _check_formats(formats) -> tuple[str, ...] | str:
    if formats == "auto":
        return "auto"
    formats = (formats,) if isinstance(formats, str) else tuple(formats)
    bad = [f for f in formats if f not in ("csv", "parquet")]
    if bad:
        raise ValueError(f"unknown format(s) {bad}; use 'parquet', 'csv' or 'auto'")
    return formats


def _progress_bar(source, read_kwargs: dict, progress: bool):
    if not progress:
        return None
    from tqdm.auto import tqdm

    bar = tqdm(unit="article", desc="analysing", unit_scale=False, dynamic_ncols=True)
    if isinstance(source, pd.DataFrame):
        bar.total = len(source)
        bar.refresh()
    else:
        def count() -> None:
            try:
                n = _count_articles(source, read_kwargs.get("format"))
            except OSError:
                return
            if n is not None:
                limit = read_kwargs.get("limit")
                bar.total = min(n, limit) if limit is not None else n
        threading.Thread(target=count, daemon=True).start()
    return bar


def _run(pool: _Pool, chunks: Iterator[pd.DataFrame], bar, errors: str,
         csv_copies: _CsvCopies | None = None) -> dict:
    """Feed chunks to the workers (at most one waiting per worker) and gather the results.

    While the workers analyse, the main process writes the CSV copies of the chunks that
    are done, in chunk order (``csv_copies``), so that they cost no time at the end."""
    ready: deque[_Task] = deque()
    retry: deque[_Task] = deque()
    results: dict[int, dict] = {}
    reports = {key: [] for key in READ_REPORT}
    sources: dict[str, str] = {}
    read_seconds = 0.0
    exhausted = False
    number = 0
    while True:
        # read ahead: one chunk waiting per worker, so no worker waits for the reader
        while not exhausted and len(ready) < len(pool.workers):
            t0 = time.perf_counter()
            chunk = next(chunks, None)
            read_seconds += time.perf_counter() - t0
            if chunk is None:
                exhausted = True
                break
            for key in READ_REPORT:
                reports[key].extend(chunk.attrs.get(key, []))
            if "source_path" in chunk.columns and "sha256" in chunk.columns and len(chunk):
                pairs = chunk[["source_path", "sha256"]].drop_duplicates()
                sources.update(zip(pairs["source_path"].astype(str), pairs["sha256"].astype(str)))
            if len(chunk) or number == 0:
                ready.append(_Task(number, chunk))
                number += 1
        for worker in pool.idle():
            queue = retry if retry else ready
            if not queue:
                break
            pool.submit(worker, queue.popleft())
        if exhausted and not ready and not retry and not pool.busy():
            break
        for kind, task, payload in pool.poll(0.2):
            if kind == "done":
                results[task.chunk] = payload
                if csv_copies is not None:
                    csv_copies.add(task.chunk, payload)
                if bar is not None:
                    bar.update(payload["articles"])
            elif kind == "failed":
                raise payload
            elif kind == "error":
                raise RuntimeError(f"a worker failed on chunk {task.chunk}: {payload}")
            else:  # a time-out or a crash: the article is known, the chunk is done again without it
                if errors == "raise":
                    raise ArticleError(payload["article_id"], payload["stage"], payload["reason"])
                task.exclude[payload["article_id"]] = payload
                retry.append(task)
    ordered = [results[k] for k in sorted(results)]
    run = {"ordered": ordered, "reports": reports, "sources": sources,
           "skipped_articles": [s for r in ordered for s in r["skipped"]],
           "articles_read": sum(r["articles"] for r in ordered), "read_seconds": read_seconds,
           "worker_cpu_seconds": sum(r["cpu_seconds"] for r in ordered)}
    if all("files" in r for r in ordered):
        run["files"] = {name: [r["files"][name] for r in ordered] for name in TABLES}
        run["articles"] = sum(f["rows"] for f in run["files"]["articles"])
    return run


def analyze_in_pool(articles: pd.DataFrame, stages: tuple[str, ...], n_jobs: int, chunk_size: int,
                    bar=None) -> dict[str, pd.DataFrame]:
    """The record tables of ``articles`` (ids already text), analysed by ``n_jobs`` workers
    and kept in memory: :func:`analysis.pipeline.batch.analyze` with several processes.

    Faults are named as in :func:`analyze_to` (errors raise; no time limit), and Ctrl-C
    ends the workers at once.
    """
    columns = articles[["article_id", "title", "body"]]
    chunks = (columns.iloc[i:i + chunk_size].reset_index(drop=True) for i in range(0, len(columns), chunk_size))
    pool = _Pool(n_jobs, stages, "raise", None, None)
    try:
        run = _run(pool, chunks, bar, "raise")
    except BaseException:
        pool.close(kill=True)
        raise
    pool.close()
    import pyarrow as pa

    return {name: to_pandas(pa.concat_tables([r["tables"][name] for r in run["ordered"]]))
            for name in _RECORD_TABLES}


class _CsvCopies:
    """CSV copies of the tables, appended chunk by chunk (in chunk order) from the Parquet
    files as the workers finish them.

    With ``formats="auto"`` the copies are written while the run has at most
    ``CSV_MAX_ARTICLES`` articles and dropped as soon as it has more. The bytes equal one
    ``to_csv`` of the whole table: the header once, then the rows of each chunk.
    """

    def __init__(self, staging: Path, formats):
        self.staging = staging
        self.auto = formats == "auto"
        self.active = self.auto or "csv" in formats
        self.pending: dict[int, dict] = {}
        self.next_chunk = 0
        self.articles = 0
        self.handles: dict[str, object] = {}

    def add(self, chunk: int, payload: dict) -> None:
        if not self.active or "files" not in payload:
            return
        self.pending[chunk] = payload["files"]
        while self.active and self.next_chunk in self.pending:
            files = self.pending.pop(self.next_chunk)
            self.articles += files["articles"]["rows"]
            if self.auto and self.articles > CSV_MAX_ARTICLES:
                self._drop()
                return
            for name, entry in files.items():
                handle = self.handles.get(name)
                header = handle is None
                if header:
                    handle = self.handles[name] = open(self.staging / f"{name}.csv", "w",
                                                       encoding="utf-8", newline="")
                frame = to_pandas(pq.read_table(self.staging / entry["path"]))
                frame.to_csv(handle, index=False, header=header, lineterminator="\n")
            self.next_chunk += 1

    def _drop(self) -> None:
        self.active = False
        self.close()
        for name in TABLES:
            (self.staging / f"{name}.csv").unlink(missing_ok=True)

    def close(self) -> None:
        for handle in self.handles.values():
            handle.close()
        self.handles = {}

    def finish(self, files: dict[str, list[dict]], n_articles: int) -> None:
        """Close the copies and list them in ``files`` (the manifest's file lists)."""
        if self.auto and n_articles > CSV_MAX_ARTICLES:
            self._drop()
        if not self.active:
            return
        assert not self.pending and self.next_chunk == len(files["articles"]), "CSV copies incomplete"
        self.close()
        for name, entries in files.items():
            target = self.staging / f"{name}.csv"
            if not entries:
                with open(target, "w", encoding="utf-8", newline="") as handle:
                    schema.empty_table(TABLES[name]).to_csv(handle, index=False, lineterminator="\n")
            entries.append({"path": target.name, "rows": sum(e["rows"] for e in entries),
                            "bytes": target.stat().st_size})


def _input_digest(source, sources: dict[str, str]) -> tuple[str, str]:
    """(description, SHA-256) of the input: a file's own hash; for several files, the hash of
    their sorted (path, hash) lines; for a DataFrame, a hash of its columns and values."""
    if isinstance(source, pd.DataFrame):
        digest = hashlib.sha256()
        for column in source.columns:
            digest.update(str(column).encode() + b"\0")
            digest.update(pd.util.hash_pandas_object(source[column].astype(str), index=False).to_numpy().tobytes())
        return "<DataFrame>", digest.hexdigest()
    if len(sources) == 1:
        return str(source), next(iter(sources.values()))
    digest = hashlib.sha256()
    for path in sorted(sources):
        digest.update(f"{path}\t{sources[path]}\n".encode())
    return str(source), digest.hexdigest()


def _manifest(source, stages, n_jobs: int, chunk_size: int, run: dict, started: float, staging: Path) -> dict:
    from analysis import __version__

    name, digest = _input_digest(source, run["sources"])
    tables = {}
    for table, entries in run["files"].items():
        tables[table] = {"rows": sum(e["rows"] for e in entries if e["path"].endswith(".parquet")),
                         "files": entries}
    reports = run["reports"]
    return {
        "format": FORMAT,
        "analysis_version": __version__,
        "lexicons": lexicon_versions(),
        "input": name,
        "input_sha256": digest,
        "input_files": len(run["sources"]),
        "stages": list(stages),
        "n_jobs": n_jobs,
        "chunk_size": chunk_size,
        "chunks": sum(e["path"].endswith(".parquet") for e in run["files"]["articles"]),
        "articles": run["articles"],
        "articles_read": run["articles_read"],
        "read_seconds": round(run["read_seconds"], 3),
        # CPU time the workers spent on the chunks (analysing and writing); with the wall time
        # it tells how much of the machine the run had
        "worker_cpu_seconds": round(run["worker_cpu_seconds"], 3),
        "seconds": round(time.perf_counter() - started, 3),
        "tables": tables,
        **{key: list(reports.get(key, [])) for key in READ_REPORT if key != "skipped"},
        "skipped": list(reports.get("skipped", [])) + run["skipped_articles"],
    }
