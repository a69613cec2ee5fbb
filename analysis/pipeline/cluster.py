"""The stages on a Dask cluster: ``analysis.dask.analyze_dask(ddf)``.

Articles are independent, so a Dask DataFrame of articles is analysed partition by
partition with :meth:`dask.dataframe.DataFrame.map_partitions`, running the very
function a local worker runs (:func:`analysis.pipeline.batch.analyze_partition`); the
``meta`` of every result comes from :mod:`analysis.corpus.schema`, so Dask never calls the
stages on fake data to guess it. Dask is an optional extra: ``pip install -e .[dask]``.

On a cluster (the three lines)::

    from dask.distributed import Client; import dask.dataframe as dd; import analysis
    client = Client("tcp://scheduler:8786")
    analysis.dask.analyze_dask(dd.read_parquet("s3://bucket/articles/"), "/shared/out/tables")

``out_dir`` must be a folder every worker can write to (a shared file system); it gets
the same layout and manifest as :func:`analysis.pipeline.stream.analyze_to` (one Parquet
file per partition per table) and is swapped in only when every partition is written.

Examples
--------
>>> import dask.dataframe as dd                                            # doctest: +SKIP
>>> ddf = dd.read_json("corpus-*.jsonl", lines=True, blocksize=None)      # doctest: +SKIP
>>> tables = analyze_dask(ddf)                # lazy: {name: dask DataFrame}   # doctest: +SKIP
>>> tables["attributions"].source_side.value_counts().compute()          # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from analysis.corpus import schema
from analysis.corpus.files import write_text_atomic
from analysis.pipeline.batch import STAGES, TABLES, _check_stages, analyze_partition, article_ids
from analysis.pipeline.dataset import (
    FORMAT, MANIFEST, ResultDataset, articles_table, check_replaceable, records_table, replace_folder,
    staging_folder,
)

__all__ = ["analyze_dask", "read_dask", "table_meta"]

_RECORD_TABLES = ("sentences", "mentions", "attributions", "stance")
_FILES_META = {"table": "string", "path": "string", "rows": "int64", "bytes": "int64"}


def _require_dask():
    try:
        import dask.dataframe as dd
    except ImportError as exc:  # pragma: no cover - the extra is installed in CI
        raise ImportError("the Dask functions need the optional extra: pip install -e '.[dask]'") from exc
    return dd


def table_meta(name: str) -> pd.DataFrame:
    """The empty table Dask uses as ``meta`` for ``name`` (from :mod:`analysis.corpus.schema`)."""
    return schema.empty_table(TABLES[name])


def _article_columns(columns: Iterable[str]) -> dict[str, str]:
    """Input column -> ``article_id``/``title``/``body``, by the reader's header aliases."""
    from analysis.corpus.readers import FIELD_ALIASES

    present = {c.strip().casefold(): c for c in columns}
    mapping = {}
    for field in ("article_id", "title", "body"):
        for alias in FIELD_ALIASES[field]:
            if alias in present and present[alias] not in mapping:
                mapping[present[alias]] = field
                break
    missing = {"article_id", "body"} - set(mapping.values())
    if missing:
        raise ValueError(f"no column for {sorted(missing)} among {list(columns)}; rename the columns "
                         "(article_id, title, body) before calling analyze_dask")
    return mapping


def read_dask(path: str, *, blocksize: str | None = "64MB"):
    """A Dask DataFrame of articles from Parquet (``.parquet`` file or folder) or JSON Lines.

    Columns are renamed to ``article_id``, ``title``, ``body`` by the reader's header names
    (:data:`analysis.corpus.readers.FIELD_ALIASES`); gzipped JSON Lines are one partition
    per file (gzip cannot be split).
    """
    dd = _require_dask()
    text = str(path)
    if text.endswith((".parquet", ".pq")) or (os.path.isdir(text) and any(Path(text).glob("*.parquet"))):
        ddf = dd.read_parquet(text)
    else:
        ddf = dd.read_json(text, lines=True, blocksize=None if text.endswith(".gz") else blocksize,
                           dtype=False)
    return ddf.rename(columns=_article_columns(ddf.columns))


def _prepare(part: pd.DataFrame) -> pd.DataFrame:
    part = part.rename(columns=_article_columns(part.columns)) if "article_id" not in part.columns else part
    if "title" not in part.columns:
        part = part.assign(title="")
    return part.assign(article_id=article_ids(part["article_id"]))


def _partition_table(part: pd.DataFrame, name: str, stages: tuple[str, ...]) -> pd.DataFrame:
    return analyze_partition(_prepare(part), stages)[name]


def _write_partition(part: pd.DataFrame, staging: str, stages: tuple[str, ...],
                     partition_info: dict | None = None) -> pd.DataFrame:
    """Analyse one partition and write its five Parquet files; a row per file written."""
    number = partition_info["number"] if partition_info else 0
    part = _prepare(part)
    tables = {"articles": articles_table(part.reset_index(drop=True))}
    frames = analyze_partition(part, stages)
    tables.update({name: records_table(frames[name].to_dict("records"), name) for name in _RECORD_TABLES})
    rows = []
    for name, table in tables.items():
        rel = f"{name}.parquet/part-{number:06d}.parquet"
        pq.write_table(table, Path(staging) / rel, compression="zstd")
        rows.append({"table": name, "path": rel, "rows": table.num_rows,
                     "bytes": (Path(staging) / rel).stat().st_size})
    return pd.DataFrame(rows).astype(_FILES_META)


def analyze_dask(ddf, out_dir: str | os.PathLike | None = None, *, stages: Iterable[str] = STAGES):
    """Analyse a Dask DataFrame of articles, partition by partition.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame or str
        Articles (``article_id``, ``title``, ``body``, or columns the readers recognise),
        or a path for :func:`read_dask` (Parquet or JSON Lines).
    out_dir : path, optional
        Write the tables here as partitioned Parquet (one file per partition per table,
        with a manifest) and return the folder opened lazily. Without it, return the
        tables as lazy Dask DataFrames.
    stages : iterable of str
        A prefix of :data:`~analysis.pipeline.batch.STAGES`.

    Returns
    -------
    dict of dask DataFrames, or ResultDataset
        ``{"sentences": ..., "mentions": ..., "attributions": ..., "stance": ...}``, each
        ``ddf.map_partitions(..., meta=<the schema's empty table>)``: every table computed
        runs the stages on its partitions (compute them from ``out_dir`` when you need
        several); or the written folder (:class:`~analysis.pipeline.dataset.ResultDataset`).
    """
    dd = _require_dask()
    stages = _check_stages(stages)
    if isinstance(ddf, str | os.PathLike):
        ddf = read_dask(str(ddf))
    if out_dir is None:
        return {name: ddf.map_partitions(_partition_table, name, stages, meta=table_meta(name))
                for name in _RECORD_TABLES}
    del dd
    started = time.perf_counter()
    out = Path(out_dir)
    check_replaceable(out)
    staging = staging_folder(out)
    try:
        for name in TABLES:
            (staging / f"{name}.parquet").mkdir()
        meta = pd.DataFrame({c: pd.Series([], dtype=t) for c, t in _FILES_META.items()})
        written = ddf.map_partitions(_write_partition, str(staging), stages, meta=meta).compute()
        manifest = _manifest(written, stages, ddf.npartitions, started)
        write_text_atomic(staging / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        replace_folder(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ResultDataset(out)


def _manifest(written: pd.DataFrame, stages, partitions: int, started: float) -> dict:
    from analysis import __version__
    from analysis.pipeline.stream import lexicon_versions

    tables = {}
    for name in TABLES:
        rows = written[written["table"] == name].sort_values("path")
        files = [{"path": str(r.path), "rows": int(r.rows), "bytes": int(r.bytes)} for r in rows.itertuples()]
        tables[name] = {"rows": sum(f["rows"] for f in files), "files": files}
    return {
        "format": FORMAT, "analysis_version": __version__, "lexicons": lexicon_versions(),
        "input": "<dask DataFrame>", "engine": "dask", "stages": list(stages), "chunks": partitions,
        "articles": tables["articles"]["rows"], "articles_read": tables["articles"]["rows"],
        "seconds": round(time.perf_counter() - started, 3), "tables": tables, "skipped": [],
    }
