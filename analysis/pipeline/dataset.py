"""The output folder of an analysis: Parquet datasets, a manifest, and a lazy reader.

A folder written by :func:`analysis.pipeline.stream.analyze_to` (and by the command line)
holds one partitioned Parquet dataset per table, one file per chunk of articles, and a
manifest, ``info.json``::

    out/
      info.json                          the manifest (see below)
      articles.parquet/part-000000.parquet
      articles.parquet/part-000001.parquet
      sentences.parquet/part-000000.parquet
      ...
      articles.csv ...                   CSV copies, for small corpora (written from the dataset)

``pandas.read_parquet("out/mentions.parquet")`` reads a whole table; :func:`open_result`
reads lazily: one table, some columns, a filter, or chunk by chunk.

The manifest records what the folder holds and where it came from: ``format``
(:data:`FORMAT`), the row count of every table and of every file, the byte size of every
file, the input and its SHA-256, the package and lexicon versions, the stages, and what
was skipped (bad records of the input, articles that failed or ran out of time). A folder
is only ever replaced whole (:func:`replace_folder`), so its files and manifest belong to
one run; :func:`check_manifest` refuses a folder whose files do not match its manifest.

Examples
--------
>>> ds = open_result("out/ant")                                        # doctest: +SKIP
>>> ds.table("attributions", columns=["article_id", "source_side"])    # doctest: +SKIP
>>> ds.features(by="outlet")                                          # doctest: +SKIP
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import json
import math
import os
import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from analysis.corpus import schema

__all__ = [
    "FORMAT", "MANIFEST", "OutputFolderError", "ResultDataset", "arrow_schema", "check_manifest",
    "open_result", "records_table", "replace_folder", "to_pandas",
]

#: ``format`` of a folder of partitioned Parquet datasets (one file per chunk per table).
FORMAT = "analysis-tables/2"
#: ``format`` of a folder written by :meth:`analysis.pipeline.batch.Result.save` (one file per table).
FLAT_FORMAT = "analysis-tables/1"
#: The manifest's file name (it also carries the run's provenance, as ``Result.info``).
MANIFEST = "info.json"

_TABLE_COLUMNS = {
    "articles": schema.ARTICLES, "sentences": schema.SENTENCES, "mentions": schema.MENTIONS,
    "attributions": schema.ATTRIBUTIONS, "stance": schema.STANCE,
}
TABLE_NAMES = tuple(_TABLE_COLUMNS)


class OutputFolderError(ValueError):
    """An output folder that cannot be used: its files do not match its manifest, or it
    holds files that no analysis wrote (and so will not be replaced)."""


# --------------------------------------------------------------------------- Arrow <-> pandas
def arrow_type(column: str) -> pa.DataType:
    """The Arrow type of a schema column: int64 offsets and ids, bool flags, text."""
    if column in schema.INT_COLUMNS:
        return pa.int64()
    if column == "in_heading":
        return pa.bool_()
    return pa.string()


def arrow_schema(name: str) -> pa.Schema:
    """The Arrow schema of a record table (``sentences``, ``mentions``, ...)."""
    return pa.schema([(c, arrow_type(c)) for c in _TABLE_COLUMNS[name]])


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _column(values: list, kind: pa.DataType) -> pa.Array:
    """Values of one column as Arrow, as :func:`analysis.corpus.schema.coerce_table` would type them."""
    if kind == pa.bool_():
        return pa.array([bool(v) if not _missing(v) else False for v in values], type=kind)
    try:
        return pa.array(values, type=kind)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        if kind == pa.int64():
            return pa.array([None if _missing(v) else int(v) for v in values], type=kind)
        return pa.array([None if _missing(v) else str(v) for v in values], type=kind)


def records_table(records: Sequence[dict], name: str) -> pa.Table:
    """Records of one table (dicts, as the stages return them) as an Arrow table.

    The columns are the table's schema columns, typed like ``analyze()`` types them.

    Examples
    --------
    >>> records_table([{"article_id": "a", "sent_id": 0, "part": "title", "start": 0,
    ...                 "end": 3, "text": "نعم"}], "sentences").num_rows
    1
    """
    fields = arrow_schema(name)
    try:  # the common case, built in C++: plain str, int, bool and None values
        table = pa.Table.from_arrays(_record_columns(records, fields.names), schema=fields)
        if all(table.column(f.name).null_count == 0 for f in fields if f.type == pa.bool_()):
            return table
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        pass
    return pa.table([_column([r.get(f.name) for r in records], f.type) for f in fields], schema=fields)


def _record_columns(records: Sequence[dict], names: list[str]) -> list[list]:
    """The values of each column, as ``pa.Table.from_pylist`` gathers them (None where a
    record lacks the column), taken with ``itemgetter`` when every record has them all."""
    try:
        return [list(map(itemgetter(name), records)) for name in names]
    except KeyError:
        return [[r[name] if name in r else None for r in records] for name in names]


def articles_table(articles: pd.DataFrame) -> pa.Table:
    """The articles table as Arrow: schema columns as text, then the input's own columns."""
    table = pa.Table.from_pandas(articles, preserve_index=False)
    for i, field in enumerate(table.schema):
        if field.name in schema.ARTICLES and field.type != pa.string():
            table = table.set_column(i, pa.field(field.name, pa.string()), table.column(i).cast(pa.string()))
    return table


def _pandas_type(kind: pa.DataType):
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return pd.StringDtype()
    if pa.types.is_integer(kind):
        return pd.Int64Dtype()
    return None


def to_pandas(table: pa.Table) -> pd.DataFrame:
    """An Arrow table as pandas with the dtypes of ``analyze()``: ``string``, ``Int64``, ``bool``."""
    frame = table.to_pandas(types_mapper=_pandas_type)
    for column in frame.columns:
        if column == "in_heading":
            frame[column] = frame[column].astype("bool")
    return frame


# --------------------------------------------------------------------------- the manifest
def read_manifest(folder: str | os.PathLike) -> dict:
    """The manifest of an output folder (``{}`` when it has none)."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def manifest_files(manifest: dict) -> dict[str, dict]:
    """Every file the manifest lists: relative path -> ``{"rows", "bytes"}``."""
    files = {}
    for table in manifest.get("tables", {}).values():
        for entry in table.get("files", []):
            files[entry["path"]] = entry
    return files


def check_manifest(folder: str | os.PathLike) -> dict:
    """Check that an output folder's files are exactly the ones its manifest lists.

    Every listed file must exist with its recorded size (and, for Parquet, its recorded
    row count), and a table's dataset folder must hold no other part file (a file left by
    another run). Returns the manifest.

    Raises
    ------
    OutputFolderError
        Naming the first file that is missing, has another size or row count, or is not
        listed.
    """
    src = Path(folder)
    manifest = read_manifest(src)
    if "tables" not in manifest:
        return manifest  # written before manifests listed files: nothing to check against
    listed = manifest_files(manifest)
    for rel, entry in listed.items():
        path = src / rel
        if not path.is_file():
            raise OutputFolderError(f"{src}: {rel} is listed in {MANIFEST} but missing; the folder is "
                                    "incomplete: analyse the corpus again")
        size = path.stat().st_size
        if size != entry["bytes"]:
            raise OutputFolderError(f"{src}: {rel} has {size:,} bytes, {MANIFEST} says {entry['bytes']:,}; "
                                    "the file was changed after the run: analyse the corpus again")
        if rel.endswith(".parquet") and "/" in rel:
            rows = pq.ParquetFile(path).metadata.num_rows
            if rows != entry["rows"]:
                raise OutputFolderError(f"{src}: {rel} has {rows:,} rows, {MANIFEST} says {entry['rows']:,}")
    for name in manifest["tables"]:
        part_dir = src / f"{name}.parquet"
        if part_dir.is_dir():
            for path in sorted(part_dir.iterdir()):
                rel = f"{name}.parquet/{path.name}"
                if rel not in listed:
                    raise OutputFolderError(f"{src}: {rel} is not listed in {MANIFEST} (a file of another "
                                            "run?); analyse the corpus again into a new folder")
    return manifest


# --------------------------------------------------------------------------- replacing a folder
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False if unsupported."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP if hasattr(errno, "ENOTSUP") else errno.EINVAL):
        return False
    raise OSError(err, os.strerror(err), str(a))


def check_replaceable(out: Path) -> None:
    """Refuse an ``out`` folder that holds files no analysis wrote (it would be replaced whole)."""
    if not out.exists():
        return
    if not out.is_dir():
        raise OutputFolderError(f"{out} is a file; give a folder for the tables")
    if any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise OutputFolderError(f"{out} holds files but no {MANIFEST}, so no analysis wrote it; the output "
                                "folder is replaced whole on every run: choose a new or empty folder")


def staging_folder(out: Path) -> Path:
    """A fresh staging folder beside ``out`` (same file system, so it can be swapped in);
    staging folders of runs whose process is gone are removed first."""
    out.parent.mkdir(parents=True, exist_ok=True)
    prefix = f".{out.name}.staging-"
    for old in out.parent.glob(prefix + "*"):
        pid = old.name[len(prefix):].split("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            _remove_stale(old)
    staging = out.parent / f"{prefix}{os.getpid()}-{os.urandom(4).hex()}"
    staging.mkdir()
    return staging


#: How long a stale staging folder is retried while a dying worker may still write into it.
STALE_REMOVAL_SECONDS = 5.0


def _remove_stale(folder: Path) -> None:
    """Remove the staging folder of a run whose process is gone.

    The workers of a killed run are children of the forkserver, not of the run's process:
    they die when the forkserver notices its parent is gone, a moment later, and one may
    still be writing a chunk file while the folder is removed (a file created after
    ``rmtree`` listed its directory keeps the directory alive). Removal is retried until
    the folder is gone; a file written after that fails, as its directory no longer exists.
    """
    deadline = time.monotonic() + STALE_REMOVAL_SECONDS
    while True:
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists() or time.monotonic() > deadline:
            return
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def replace_folder(staging: Path, out: Path) -> None:
    """Put the complete ``staging`` folder in the place of ``out``.

    With an existing ``out`` the two are exchanged in one atomic step where the system
    allows it (Linux), else ``out`` is first moved aside; either way a process killed at
    any moment leaves ``out`` as the old complete folder or the new one (or, on systems
    without an atomic exchange, no folder). The old folder is then removed.
    """
    if not out.exists():
        os.rename(staging, out)
        return
    check_replaceable(out)
    if _exchange(staging, out):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the old output
        return
    aside = out.parent / f".{out.name}.old-{os.getpid()}-{os.urandom(4).hex()}"
    os.rename(out, aside)
    os.rename(staging, out)
    shutil.rmtree(aside, ignore_errors=True)


# --------------------------------------------------------------------------- the lazy reader
class ResultDataset:
    """An output folder read lazily: tables, columns, filters and chunks on demand.

    Open one with :func:`open_result`. The manifest is checked when the folder is
    opened. ``ds.articles`` (and the other table names) load a whole table, as
    :class:`~analysis.pipeline.batch.Result` holds it; for a large corpus ask for columns
    (``ds.table("mentions", columns=[...])``) or go chunk by chunk (:meth:`chunks`).

    Attributes
    ----------
    path : Path
    info : dict
        The manifest (provenance, row counts, files, skipped records).
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        if not (self.path / MANIFEST).is_file():
            raise FileNotFoundError(f"{self.path}: no {MANIFEST}; is this a folder written by analyze_to() "
                                    "or `python -m analysis analyze`?")
        self.info = check_manifest(self.path)
        if self.info.get("format") != FORMAT:
            raise OutputFolderError(f"{self.path}: format {self.info.get('format')!r}, not {FORMAT!r} "
                                    "(partitioned Parquet); read it with Result.load()")
        self._cache: dict[str, pd.DataFrame] = {}

    def __repr__(self) -> str:
        rows = ", ".join(f"{n}={t['rows']:,} rows" for n, t in self.info["tables"].items())
        return f"ResultDataset({str(self.path)!r}: {rows})"

    def files(self, name: str) -> list[Path]:
        """The Parquet files of a table, in chunk order."""
        entries = self.info["tables"][name]["files"]
        return [self.path / e["path"] for e in entries if e["path"].endswith(".parquet")]

    def dataset(self, name: str) -> pads.Dataset:
        """The table as a :class:`pyarrow.dataset.Dataset` (files in chunk order)."""
        files = [str(p) for p in self.files(name)]
        schemas = [pq.read_schema(p) for p in files[:1]] if name != "articles" else \
            [pq.read_schema(p) for p in files]
        unified = pa.unify_schemas(schemas, promote_options="permissive") if schemas else arrow_schema(name)
        return pads.dataset(files, schema=unified, format="parquet")

    def table(self, name: str, columns: Sequence[str] | None = None, filter=None) -> pd.DataFrame:
        """One table (or some of its columns, or the rows a filter keeps) as a DataFrame.

        Parameters
        ----------
        name : str
            ``articles``, ``sentences``, ``mentions``, ``attributions`` or ``stance``.
        columns : list of str, optional
        filter : pyarrow.dataset.Expression, optional
            e.g. ``pyarrow.dataset.field("source_side") == "russia"``.
        """
        if name not in TABLE_NAMES:
            raise KeyError(f"no table {name!r}; choose one of {list(TABLE_NAMES)}")
        data = self.dataset(name).to_table(columns=list(columns) if columns is not None else None, filter=filter)
        return to_pandas(data)

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in TABLE_NAMES:
            if name not in self._cache:
                self._cache[name] = self.table(name)
            return self._cache[name]
        raise AttributeError(name)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table, loaded whole."""
        return {name: getattr(self, name) for name in TABLE_NAMES}

    def to_result(self):
        """The whole folder as a :class:`~analysis.pipeline.batch.Result` (in memory)."""
        from analysis.pipeline.batch import Result

        return Result(**self.tables(), info=dict(self.info))

    def chunks(self, names: Iterable[str] = TABLE_NAMES,
               columns: dict[str, Sequence[str]] | None = None) -> Iterator[dict[str, pd.DataFrame]]:
        """The tables chunk by chunk: ``{name: DataFrame}`` for the articles of one chunk.

        Every row of an article is in the same chunk as the article, so anything computed
        per article is exact per chunk.
        """
        names = list(names)
        columns = columns or {}
        counts = {len(self.files(n)) for n in names}
        if len(counts) != 1:
            raise OutputFolderError(f"{self.path}: the tables have different numbers of chunk files")
        for i in range(counts.pop()):
            out = {}
            for name in names:
                wanted = columns.get(name)
                data = pq.read_table(self.files(name)[i], columns=list(wanted) if wanted else None)
                out[name] = to_pandas(data)
            yield out

    def article(self, article_id: str | int):
        """The tables of one article as a :class:`~analysis.pipeline.batch.Result`."""
        from analysis.pipeline.batch import Result

        article_id = str(article_id)
        keep = {name: self.table(name, filter=pads.field("article_id") == article_id) for name in TABLE_NAMES}
        if keep["articles"].empty:
            raise KeyError(f"no article with article_id {article_id!r}")
        return Result(**keep, info=dict(self.info))

    def features(self, by: str = "article_id") -> pd.DataFrame:
        """Per-side framing features (:func:`analysis.measures.features.build_features`),
        computed chunk by chunk: memory is bounded by a chunk, not the corpus."""
        from analysis.measures.features import FEATURE_INPUT_COLUMNS, combine_feature_sums, feature_sums

        columns = {name: cols for name, cols in FEATURE_INPUT_COLUMNS.items()}
        columns["articles"] = ["article_id"] + ([by] if by != "article_id" else [])
        parts, sums = [], []
        for chunk in self.chunks(["articles", "mentions", "attributions", "stance"], columns):
            frames = _Tables(chunk)
            if by == "article_id":
                from analysis.measures.features import build_features

                parts.append(build_features(frames, by=by))
            else:
                sums.append(feature_sums(frames, by=by))
        if by == "article_id":
            if not parts:
                from analysis.measures.features import build_features

                return build_features(_Tables({n: schema.empty_table(_TABLE_COLUMNS[n]) for n in TABLE_NAMES}))
            return pd.concat(parts, ignore_index=True)
        return combine_feature_sums(sums, by=by)

    def summary(self) -> str:
        """Row counts and timing, as :meth:`Result.summary` gives them."""
        t = {name: self.info["tables"][name]["rows"] for name in TABLE_NAMES}
        lines = [f"{t['articles']:,} articles, {t['sentences']:,} sentences, {t['mentions']:,} actor mentions, "
                 f"{t['attributions']:,} attributions, {t['stance']:,} stance units"]
        if self.info.get("seconds"):
            secs = self.info["seconds"]
            lines.append(f"took {secs:.1f} s ({self.info['articles_read'] / secs:,.0f} articles/s on "
                         f"{self.info.get('n_jobs', 1)} process(es))")
        return "\n".join(lines)


class _Tables:
    """Tables as attributes (what build_features reads)."""

    def __init__(self, tables: dict[str, pd.DataFrame]):
        self.__dict__.update(tables)


def open_result(path: str | os.PathLike) -> ResultDataset:
    """Open an output folder of :func:`~analysis.pipeline.stream.analyze_to` lazily.

    Raises
    ------
    OutputFolderError
        When the folder's files do not match its manifest.

    Examples
    --------
    >>> ds = open_result("out/ant")                       # doctest: +SKIP
    >>> ds.table("stance", columns=["holder_side", "target_side", "kind"])   # doctest: +SKIP
    """
    return ResultDataset(path)
