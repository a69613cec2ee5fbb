"""Save and load the tidy tables (CSV or Parquet), keeping the schema's dtypes.

:func:`save_table` writes atomically (:func:`analysis.corpus.files.atomic_path`) and
refuses ``data/raw``; :func:`load_table` restores the dtypes of
:mod:`analysis.corpus.schema` (``Int64`` offsets, ``bool`` flags, ``string`` text, and
``article_id`` always text).
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.corpus import paths
from analysis.corpus import schema
from analysis.corpus.errors import CorpusReadError
from analysis.corpus.files import atomic_path

__all__ = ["SCHEMA_DTYPES", "load_table", "save_table"]

_KNOWN_COLUMNS = list(dict.fromkeys(
    schema.ARTICLES + schema.SENTENCES + schema.MENTIONS + schema.ATTRIBUTIONS + schema.STANCE
))
#: dtype of every column named in analysis.corpus.schema (Int64, bool or string).
SCHEMA_DTYPES: dict[str, Any] = schema.empty_table(_KNOWN_COLUMNS).dtypes.to_dict()


def _table_format(path: Path, fmt: str | None) -> str:
    if fmt is None:
        lower = path.name.lower()
        if lower.endswith((".parquet", ".pq")):
            return "parquet"
        if lower.endswith((".csv", ".csv.gz")):
            return "csv"
        raise ValueError(f"{path}: cannot tell the table format; use a .csv or .parquet "
                         "name or pass format='csv'/'parquet'")
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"format={fmt!r}: tables are saved as 'csv' or 'parquet'")
    return fmt


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def save_table(
    df: pd.DataFrame, path: str | os.PathLike[str], *, format: str | None = None  # noqa: A002
) -> Path:
    """Write a table atomically to CSV (UTF-8, no index) or Parquet (pyarrow).

    The table is written to a temporary file in the same folder, then moved over
    ``path`` (:func:`analysis.corpus.files.atomic_path`), so readers never see half a
    file. Parent folders are created. Writing inside ``data/raw`` is refused. The same
    table gives the same bytes on every run (``.csv.gz`` included).

    Parameters
    ----------
    df : pandas.DataFrame
        The table (its index is not written).
    path : str or path-like
        Target ``.csv``/``.csv.gz`` or ``.parquet``/``.pq`` file.
    format : {"csv", "parquet"}, optional
        Overrides the suffix.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "articles.parquet"
    >>> save_table(schema.empty_table(schema.ARTICLES), out).name
    'articles.parquet'
    """
    target = Path(path)
    fmt = _table_format(target, format)
    if _inside(target, paths.RAW_DIR):
        raise ValueError(f"{target}: data/raw holds the immutable input; save tables elsewhere")
    with atomic_path(target) as tmp:
        if fmt == "parquet":
            df.to_parquet(tmp, engine="pyarrow", index=False)
        elif target.name.lower().endswith(".gz"):
            # the gzip header names the target and no time, so a rerun writes the same bytes
            with open(tmp, "wb") as raw, gzip.GzipFile(target.name, "wb", fileobj=raw,
                                                       mtime=0) as packed:
                df.to_csv(packed, index=False, encoding="utf-8", lineterminator="\n")
        else:
            df.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
    return target


#: Columns whose empty value is ``""`` (the articles table's convention); in every other
#: text column an empty CSV cell means a missing value (``pd.NA``).
_EMPTY_IS_TEXT = frozenset(schema.ARTICLES)


def _restore_csv_column(values: pd.Series, name: str, file: str) -> pd.Series:
    """Turn a column read as text back into the schema dtype (or an inferred one)."""
    dtype = SCHEMA_DTYPES.get(name)
    empty = values == ""
    if dtype is not None and str(dtype) == "Int64":
        numbers = pd.to_numeric(values.mask(empty), errors="coerce")
        bad = numbers.isna() & ~empty
        if bad.any() or (numbers.dropna() % 1 != 0).any():
            row = int(bad.idxmax()) + 1 if bad.any() else None
            raise CorpusReadError(f"column {name!r} should hold integers", file=file, row=row)
        return numbers.astype("Int64")
    if dtype is not None and str(dtype) == "bool":
        bad = ~values.isin(["True", "False"])
        if bad.any():
            raise CorpusReadError(f"column {name!r} should hold True/False",
                                  file=file, row=int(bad.idxmax()) + 1)
        return values == "True"
    if dtype is None and not empty.all():
        if values.isin(["True", "False"]).all():
            return values == "True"
        numbers = pd.to_numeric(values.mask(empty), errors="coerce")
        if (numbers.isna() == empty).all():
            if not empty.any() and (numbers % 1 == 0).all():
                return numbers.astype("int64")
            return numbers.astype("float64")
    text = values.astype("string")
    return text if name in _EMPTY_IS_TEXT else text.mask(empty)


def load_table(
    path: str | os.PathLike[str], *, format: str | None = None  # noqa: A002
) -> pd.DataFrame:
    """Load a table written by :func:`save_table`, restoring the schema dtypes.

    Columns named in :mod:`analysis.corpus.schema` get their dtype back (``Int64`` offsets and
    ids, ``bool`` for ``in_heading``, ``string`` otherwise). From CSV, other columns are
    inferred (True/False → bool, numbers → int64/float64, the rest string). CSV cannot
    tell an empty string from a missing value: an empty cell is read as ``""`` in the
    columns of the articles table (whose readers use ``""`` for "none") and as
    ``pd.NA`` in every other text column. Parquet keeps every dtype and value as written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "sentences.csv"
    >>> _ = save_table(schema.empty_table(schema.SENTENCES), out)
    >>> str(load_table(out)["start"].dtype)
    'Int64'
    """
    source = Path(path)
    fmt = _table_format(source, format)
    if fmt == "parquet":
        df = pd.read_parquet(source, engine="pyarrow")
        for col in df.columns:
            if col in SCHEMA_DTYPES and df[col].dtype != SCHEMA_DTYPES[col]:
                df[col] = df[col].astype(SCHEMA_DTYPES[col])
        return df
    raw = pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8")
    return pd.DataFrame(
        {col: _restore_csv_column(raw[col], col, str(source)) for col in raw.columns},
        index=raw.index,
    )
