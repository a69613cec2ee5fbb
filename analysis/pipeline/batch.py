"""Run every stage over a corpus and keep the tables together.

``analyze()`` is the one call most users need: it reads a corpus (any format
:func:`analysis.corpus.readers.read_articles` understands, or an ``articles`` DataFrame), and runs
normalisation, segmentation, mentions, attributions and stance per article, on one core
or on all of them. Articles are independent, so the same per-article function serves a
single article, a local process pool and a Dask cluster (:func:`analyze_partition`).

Examples
--------
>>> from analysis import analyze, paths
>>> result = analyze(paths.EXAMPLE_ARTICLE, progress=False)   # doctest: +SKIP
>>> result.attributions[["source_actor_id", "cue", "mode"]].head(3)   # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.coding.lexicons import pinned
from analysis.corpus import schema
from analysis.corpus.files import write_text_atomic
from analysis.text.segment import make_doc

__all__ = ["Result", "analyze", "analyze_article", "analyze_partition", "article_ids", "STAGES", "TABLES"]

#: Extraction stages after segmentation, in order; each needs the ones before it.
STAGES = ("mentions", "attributions", "stance", "stance_model")
#: Tables a Result holds, with their column contracts.
TABLES = {
    "articles": schema.ARTICLES,
    "sentences": schema.SENTENCES,
    "mentions": schema.MENTIONS,
    "attributions": schema.ATTRIBUTIONS,
    "stance": schema.STANCE,
}
_RECORD_TABLES = ("sentences", "mentions", "attributions", "stance")


def analyze_article(article_id: str, title: str, body: str, stages: Iterable[str] = STAGES,
                    on_stage: Callable[[str], None] | None = None) -> dict[str, list[dict]]:
    """Run the stages on one article and return plain records per table.

    Parameters
    ----------
    article_id, title, body : str
        The article; offsets in the records index ``title`` (part ``title``) or ``body``.
    stages : iterable of str
        A prefix of :data:`STAGES`; segmentation always runs.
    on_stage : callable, optional
        Called with ``"segment"`` and then each stage's name as it starts (the streaming
        workers record it, so that a fault or a time-out names the stage).

    Returns
    -------
    dict
        ``{"sentences": [...], "mentions": [...], "attributions": [...], "stance": [...]}``,
        each a list of dicts with the columns of :mod:`analysis.corpus.schema`.

    Examples
    --------
    >>> recs = analyze_article("x", "لافروف: لن نقبل", "", stages=())
    >>> recs["sentences"][0]["part"], recs["sentences"][0]["text"]
    ('title', 'لافروف: لن نقبل')
    """
    stages = _check_stages(stages)
    with pinned():  # one version of every lexicon for all stages
        return _analyze_article(article_id, title, body, stages, on_stage or _no_mark)


def _analyze_article(article_id: str, title: str, body: str, stages: tuple[str, ...],
                     mark: Callable[[str], None]) -> dict[str, list[dict]]:
    mark("segment")
    doc = make_doc(article_id, title, body)
    out: dict[str, list[dict]] = {name: [] for name in _RECORD_TABLES}
    out["sentences"] = [
        {"article_id": article_id, "sent_id": s.sent_id, "part": s.part, "start": s.start,
         "end": s.end, "text": s.text}
        for s in doc.sentences
    ]
    if "mentions" in stages:
        mark("mentions")
        from analysis.coding.actors import find_mentions

        out["mentions"] = find_mentions(doc)
    if "attributions" in stages:
        mark("attributions")
        from analysis.coding.attribution import find_attributions

        out["attributions"] = find_attributions(doc, out["mentions"])
    if "stance" in stages:
        mark("stance")
        from analysis.coding.stance import find_stance

        out["stance"] = find_stance(doc, out["mentions"], out["attributions"])
    if "stance_model" in stages:
        mark("stance_model")
        from analysis.coding.stance_model import model_units

        out["stance"] += model_units(doc, out["mentions"], out["attributions"], out["stance"])
    return out


def _no_mark(stage: str) -> None:
    pass


def _check_stages(stages: Iterable[str]) -> tuple[str, ...]:
    stages = tuple(stages)
    unknown = [s for s in stages if s not in STAGES]
    if unknown:
        raise ValueError(f"unknown stage(s) {unknown}; choose from {list(STAGES)}")
    if stages != STAGES[: len(stages)]:
        raise ValueError(f"stages must be a prefix of {list(STAGES)} (each needs the ones before); got {list(stages)}")
    return stages


#: What a read reports in ``articles.attrs``; copied into :attr:`Result.info` (info.json).
READ_REPORT = ("skipped", "ignored_files", "title_only", "duplicate_texts", "cp1256_lines")


def article_ids(ids: pd.Series) -> pd.Series:
    """``article_id`` as text (``string`` dtype), as every table holds it.

    Integers are written out, so the number 1 and the text "1" are the same id; ids
    must then be unique. Missing, empty and non-integer numeric ids are refused.

    Raises
    ------
    ValueError
        Naming the offending rows (positions from 0) and ids.

    Examples
    --------
    >>> article_ids(pd.Series([7, "a7"])).tolist()
    ['7', 'a7']
    >>> article_ids(pd.Series([1, "1"]))
    Traceback (most recent call last):
    ...
    ValueError: duplicate article_id values: '1' (rows 0, 1); ids are compared as text, so the number 1 and the text '1' are one id: make them unique
    """
    values: list[str] = []
    bad: list[str] = []
    for pos, value in enumerate(ids.tolist()):
        if isinstance(value, str) and value.strip():
            values.append(value)
        elif isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_):
            values.append(str(int(value)))
        else:
            bad.append(f"row {pos}: {value!r}")
            values.append("")
    if bad:
        raise ValueError(f"article_id must be non-empty text or an integer; {len(bad)} row(s) are "
                         f"not: {', '.join(bad[:5])}")
    text = pd.Series(pd.array(values, dtype="string"), index=ids.index, name=ids.name)
    repeated = text[text.duplicated(keep=False)]
    if len(repeated):
        positions: dict[str, list[int]] = {}
        for pos, value in zip(np.flatnonzero(text.duplicated(keep=False).to_numpy()), repeated):
            positions.setdefault(value, []).append(int(pos))
        shown = "; ".join(f"{v!r} (rows {', '.join(map(str, p))})" for v, p in list(positions.items())[:5])
        more = f"; and {len(positions) - 5} more" if len(positions) > 5 else ""
        raise ValueError(f"duplicate article_id values: {shown}{more}; ids are compared as text, so the "
                         "number 1 and the text '1' are one id: make them unique")
    return text


def _records_to_frame(records: list[dict], columns: list[str]) -> pd.DataFrame:
    if not records:
        return schema.empty_table(columns)
    frame = pd.DataFrame.from_records(records)
    extra = [c for c in frame.columns if c not in columns and not c.startswith("norm_")]
    frame = frame[[c for c in columns if c in frame.columns] + extra]
    return schema.coerce_table(frame, columns)


def _work(args: tuple) -> dict[str, list[dict]]:
    rows, stages = args
    merged: dict[str, list[dict]] = {name: [] for name in _RECORD_TABLES}
    with pinned():
        for article_id, title, body in rows:
            recs = analyze_article(article_id, title, body, stages)
            for name in _RECORD_TABLES:
                merged[name].extend(recs[name])
    return merged


def _batches(articles: pd.DataFrame, size: int) -> Iterator[list[tuple[str, str, str]]]:
    ids = articles["article_id"].astype(str).tolist()
    titles = articles["title"].fillna("").astype(str).tolist()
    bodies = articles["body"].fillna("").astype(str).tolist()
    for i in range(0, len(ids), size):
        yield list(zip(ids[i:i + size], titles[i:i + size], bodies[i:i + size]))


def analyze_partition(articles: pd.DataFrame, stages: Iterable[str] = STAGES) -> dict[str, pd.DataFrame]:
    """Analyse a DataFrame of articles in this process; returns a table per name.

    This is the unit of work for a Dask cluster, e.g. with ``dask.bag.from_sequence`` of
    article partitions mapped through this function and the tables concatenated.
    """
    stages = _check_stages(stages)
    articles = articles.assign(article_id=article_ids(articles["article_id"]))
    merged = _work((next(_batches(articles, max(len(articles), 1)), []), stages))
    return {name: _records_to_frame(merged[name], TABLES[name]) for name in _RECORD_TABLES}


@dataclass
class Result:
    """Every table of an analysis, with the settings that produced it.

    Attributes
    ----------
    articles, sentences, mentions, attributions, stance : DataFrame
        The tidy tables of DESIGN.md; offsets index the original title/body strings.
    info : dict
        Provenance: package version, stages, input, timing.
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame = field(default_factory=lambda: schema.empty_table(schema.MENTIONS))
    attributions: pd.DataFrame = field(default_factory=lambda: schema.empty_table(schema.ATTRIBUTIONS))
    stance: pd.DataFrame = field(default_factory=lambda: schema.empty_table(schema.STANCE))
    info: dict = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in flow order."""
        return {name: getattr(self, name) for name in TABLES}

    def features(self, by: str = "article_id") -> pd.DataFrame:
        """Per-side framing features (article × side, or ``by="outlet"``); see analysis.measures.features."""
        from analysis.measures.features import build_features

        return build_features(self, by=by)

    def article(self, article_id: str | int) -> "Result":
        """The tables restricted to one article (ids are text: ``7`` finds ``"7"``)."""
        article_id = str(article_id)
        keep = {name: t[t["article_id"] == article_id].reset_index(drop=True) for name, t in self.tables().items()}
        if keep["articles"].empty:
            raise KeyError(f"no article with article_id {article_id!r}")
        return Result(**keep, info=dict(self.info))

    def summary(self) -> str:
        """A short human-readable summary of what was found."""
        lines = [f"{len(self.articles):,} articles, {len(self.sentences):,} sentences, "
                 f"{len(self.mentions):,} actor mentions, {len(self.attributions):,} attributions, "
                 f"{len(self.stance):,} stance units"]
        if len(self.attributions):
            by_side = self.attributions["source_side"].value_counts()
            lines.append("attributions by source side: " + ", ".join(f"{k} {v}" for k, v in by_side.items()))
        if "seconds" in self.info:
            secs = self.info["seconds"]
            rate = len(self.articles) / secs if secs else float("inf")
            lines.append(f"took {secs:.1f} s ({rate:,.0f} articles/s on {self.info.get('n_jobs', 1)} process(es))")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return "Result(" + ", ".join(f"{n}={len(t)} rows" for n, t in self.tables().items()) + ")"

    def save(self, out_dir: str | os.PathLike, formats: Iterable[str] = ("csv", "parquet")) -> list[Path]:
        """Write every table as ``<name>.csv`` and/or ``<name>.parquet`` plus ``info.json``.

        ``info.json`` is the manifest: provenance (:attr:`info`), what the read skipped or
        noticed (``skipped`` rows and files with the reason, ``ignored_files``,
        ``title_only``, ``duplicate_texts``, ``cp1256_lines``; see
        :func:`analysis.corpus.readers.read_articles`), and every file with its row count
        and size (``tables``), so that :meth:`load` can tell a complete folder. The folder
        is written beside ``out_dir`` and put in its place when complete
        (:func:`analysis.pipeline.dataset.replace_folder`): no file of an earlier save stays
        beside the new ones, and a folder that holds other files is refused.
        """
        from analysis.corpus.tables import save_table
        from analysis.pipeline.dataset import FLAT_FORMAT, MANIFEST, check_replaceable, replace_folder, staging_folder

        formats = tuple(formats)
        for fmt in formats:
            if fmt not in ("csv", "parquet"):
                raise ValueError(f"unknown format {fmt!r}; use 'csv' or 'parquet'")
        out = Path(out_dir)
        check_replaceable(out)
        staging = staging_folder(out)
        try:
            written, tables = [], {}
            for name, table in self.tables().items():
                entries = []
                for fmt in formats:
                    path = save_table(table, staging / f"{name}.{fmt}")
                    entries.append({"path": path.name, "rows": len(table), "bytes": path.stat().st_size})
                    written.append(out / path.name)
                tables[name] = {"rows": len(table), "files": entries}
            info = {**self.info, "format": FLAT_FORMAT, "tables": tables}
            write_text_atomic(staging / MANIFEST, json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
            replace_folder(staging, out)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        written.append(out / MANIFEST)
        return written

    @classmethod
    def load(cls, out_dir: str | os.PathLike) -> "Result":
        """Read a folder written by :meth:`save` or :func:`~analysis.pipeline.stream.analyze_to`
        (Parquet preferred, CSV otherwise) into memory.

        For a large corpus open it lazily instead: :func:`~analysis.pipeline.dataset.open_result`.

        Raises
        ------
        analysis.pipeline.dataset.OutputFolderError
            When the folder's files do not match its manifest (``info.json``).
        """
        from analysis.corpus.tables import load_table
        from analysis.pipeline.dataset import FORMAT, ResultDataset, check_manifest

        src = Path(out_dir)
        info = check_manifest(src)
        if info.get("format") == FORMAT:
            return ResultDataset(src).to_result()
        tables = {}
        for name in TABLES:
            for ext in ("parquet", "csv"):
                path = src / f"{name}.{ext}"
                if path.is_file():
                    tables[name] = load_table(path)
                    break
            else:
                if name in ("articles", "sentences"):
                    raise FileNotFoundError(f"{src}: no {name}.parquet or {name}.csv; is this a folder written by Result.save()?")
                tables[name] = schema.empty_table(TABLES[name])
        info = {k: v for k, v in info.items() if k not in ("format", "tables")}
        return cls(**tables, info=info)


def _mapped_columns(frame: pd.DataFrame, columns) -> pd.DataFrame:
    """An articles DataFrame with its columns mapped to fields as ``read_articles`` maps a
    file's (``columns={"body": "text"}``; ``id`` is short for ``article_id``; ``None``: empty).

    Examples
    --------
    >>> df = pd.DataFrame({"id": [1], "headline": ["h"], "text": ["t"]})
    >>> _mapped_columns(df, {"article_id": "id", "title": "headline", "body": "text"})[["article_id", "title", "body"]].values.tolist()
    [[1, 'h', 't']]
    """
    from analysis.corpus.readers import COLUMN_KEYS

    out = frame.copy()
    for key, column in columns.items():
        if key not in COLUMN_KEYS:
            raise ValueError(f"columns= has unknown field {key!r}; use fields {sorted(COLUMN_KEYS)}")
        field = COLUMN_KEYS[key]
        if column is None:
            out[field] = "" if field != "article_id" else range(1, len(out) + 1)
        elif column not in frame.columns:
            raise ValueError(f"columns={{{key!r}: {column!r}}} names a column that is not in the "
                             f"DataFrame; its columns are {list(frame.columns)}")
        else:
            out[field] = frame[column]
    if "title" not in out.columns and "body" in out.columns:
        out["title"] = ""
    return out


def analyze(
    source,
    *,
    stages: Iterable[str] = STAGES,
    n_jobs: int = 1,
    batch_size: int = 200,
    progress: bool = True,
    **read_kwargs,
) -> Result:
    """Analyse a corpus into the tidy tables.

    Parameters
    ----------
    source : path or DataFrame
        A file or folder :func:`analysis.corpus.readers.read_articles` reads, or an ``articles`` table.
    stages : iterable of str
        A prefix of :data:`STAGES` (default: all of them).
    n_jobs : int
        Processes to use; ``-1`` for all cores. Results are identical for any value.
    batch_size : int
        Articles per task sent to a worker process.
    progress : bool
        Show a progress bar (tqdm) for multi-article input.
    **read_kwargs
        Passed to :func:`analysis.corpus.readers.read_articles` (``columns=``, ``outlet=``, ``encoding=``,
        ``errors=``, ``limit=`` …). For a DataFrame, ``columns=`` maps its columns the same way
        (``{"body": "text", "title": "headline"}``; a field mapped to ``None`` is left empty).

    Returns
    -------
    Result
    """
    started = time.perf_counter()
    stages = _check_stages(stages)
    if isinstance(source, pd.DataFrame):
        if read_kwargs.get("columns"):
            source = _mapped_columns(source, read_kwargs["columns"])
        schema.check_columns(source, ["article_id", "title", "body"], "articles")
        articles = source.assign(article_id=article_ids(source["article_id"]))
        articles.attrs = dict(source.attrs)
        input_name = "<DataFrame>"
    else:
        from analysis.corpus.readers import read_articles

        articles = read_articles(source, **read_kwargs)
        input_name = str(source)
    n_jobs = os.cpu_count() or 1 if n_jobs == -1 else max(1, int(n_jobs))
    read_seconds = time.perf_counter() - started

    bar = None
    if progress and len(articles) > 1:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(articles), unit="article", desc="analysing")
    try:
        if n_jobs == 1 or len(articles) <= batch_size:
            merged: dict[str, list[dict]] = {name: [] for name in _RECORD_TABLES}
            for rows in _batches(articles, batch_size):
                part = _work((rows, stages))
                for name in _RECORD_TABLES:
                    merged[name].extend(part[name])
                if bar is not None:
                    bar.update(len(rows))
            tables = {name: _records_to_frame(merged[name], TABLES[name]) for name in _RECORD_TABLES}
        else:
            # the streaming workers, in memory: a failing article is named, Ctrl-C stops at once
            from analysis.pipeline.stream import analyze_in_pool

            tables = analyze_in_pool(articles, stages, n_jobs, batch_size, bar)
    finally:
        if bar is not None:
            bar.close()

    from analysis import __version__

    info = {
        "analysis_version": __version__,
        "input": input_name,
        "stages": list(stages),
        "n_jobs": n_jobs,
        "articles": len(articles),
        "read_seconds": round(read_seconds, 3),
        "seconds": round(time.perf_counter() - started, 3),
        **{key: list(articles.attrs.get(key, [])) for key in READ_REPORT},
    }
    return Result(articles=articles.reset_index(drop=True), **tables, info=info)
