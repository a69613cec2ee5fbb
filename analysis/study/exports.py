"""Exports for researchers: every quote with its source, side, cue, category, mode and text.

:func:`build_quotes_table` lists the attributions of an analysis with the words quoted
(sliced from the original title or body by the row's offsets) and the source's display
name; :func:`save_quotes` writes it as ``quotes.csv`` (UTF-8 with a byte-order mark, so
that Excel opens the Arabic correctly; a cell that Excel would run as a formula starts
with an apostrophe, see :func:`analysis.validation.sheets.excel_safe`) and ``quotes.xlsx``
(every text cell stored as text, right-to-left sheet).

Examples
--------
>>> from analysis.pipeline.batch import analyze
>>> from analysis.corpus import paths
>>> quotes = build_quotes_table(analyze(paths.EXAMPLE_ARTICLE, progress=False))
>>> quotes.loc[0, ["source", "side", "cue_category", "mode"]].tolist()
['سيرغي لافروف', 'russia', 'hedged', 'indirect']
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.coding.offsets import string_of
from analysis.corpus.files import atomic_path, write_text_atomic
from analysis.figures.glossary import label_for
from analysis.validation.sheets import excel_safe

__all__ = ["QUOTE_COLUMNS", "build_quotes_table", "save_quotes"]

QUOTE_COLUMNS = ["article_id", "outlet", "published", "attribution_id", "source", "source_actor_id", "side",
                 "source_type", "cue", "cue_category", "mode", "part", "content_start", "content_end",
                 "content_words", "content"]


def build_quotes_table(result) -> pd.DataFrame:
    """One row per attribution: who, which side, introduced how, and the words quoted.

    Parameters
    ----------
    result : analysis.pipeline.batch.Result
        Needs ``articles`` (with ``title`` and ``body``) and ``attributions``.

    Returns
    -------
    DataFrame
        :data:`QUOTE_COLUMNS`, sorted by article and attribution; ``content`` is the
        original text between ``content_start`` and ``content_end`` of the part's string
        (empty when the offsets are missing).
    """
    articles = result.articles.set_index(result.articles["article_id"].astype(str))
    rows = result.attributions.sort_values(["article_id", "attribution_id"]).reset_index(drop=True)
    texts, sources = [], []
    for rec in rows.to_dict("records"):
        article = articles.loc[str(rec["article_id"])]
        whole = article[string_of(rec["part"])] if rec["part"] is not pd.NA else ""
        start, end = rec["content_start"], rec["content_end"]
        ok = not (pd.isna(start) or pd.isna(end)) and isinstance(whole, str)
        texts.append(whole[int(start):int(end)] if ok else "")
        actor = rec["source_actor_id"]
        sources.append(label_for("actor", actor, "ar") if isinstance(actor, str) and actor else "")
    meta = articles[[c for c in ("outlet", "published") if c in articles.columns]]
    out = rows.assign(source=sources, content=texts, side=rows["source_side"])
    out = out.join(meta, on="article_id")
    for column in QUOTE_COLUMNS:
        if column not in out.columns:
            out[column] = ""
    return out[QUOTE_COLUMNS].reset_index(drop=True)


def save_quotes(quotes: pd.DataFrame, out_dir: str | Path, name: str = "quotes") -> list[Path]:
    """Write ``<name>.csv`` (UTF-8 with BOM, formula-safe) and ``<name>.xlsx`` (text cells)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    text_columns = [c for c in quotes.columns
                    if quotes[c].dtype == object or pd.api.types.is_string_dtype(quotes[c].dtype)]
    safe = quotes.copy()
    for column in text_columns:
        safe[column] = safe[column].fillna("").astype(str).map(excel_safe)
    csv_path = out / f"{name}.csv"
    write_text_atomic(csv_path, "\ufeff" + safe.to_csv(index=False, lineterminator="\n"))

    book = Workbook()
    sheet = book.active
    sheet.title = name
    sheet.sheet_view.rightToLeft = True
    sheet.append(list(quotes.columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in quotes.itertuples(index=False):
        row = [None if pd.isna(v) else (v.item() if hasattr(v, "item") else v) for v in values]
        sheet.append(row)
    for column_index, column in enumerate(quotes.columns, start=1):
        if column in text_columns:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column_index, max_col=column_index):
                if cell.value is not None:
                    cell.value = str(cell.value)
                    cell.data_type = "s"  # text as text: openpyxl would store "=…" as a formula
    sheet.freeze_panes = "A2"
    xlsx_path = out / f"{name}.xlsx"
    with atomic_path(xlsx_path) as tmp:
        book.save(tmp)
    return [csv_path, xlsx_path]
