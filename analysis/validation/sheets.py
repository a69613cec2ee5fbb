"""Coder sheets: units to human coders as CSV or XLSX, their codes back, and agreement.

:func:`export_coder_sheet` writes one row per unit (a sentence or an attribution) with
empty columns for the variables to code; :func:`read_coder_sheet` checks a filled sheet
cell by cell; :func:`agreement_table` gives Krippendorff's alpha per variable.

Article text is data, never a formula: XLSX cells are written as text cells, and the CSV
(meant to be opened in Excel, hence its byte-order mark) prefixes a cell that starts with
``= + - @``, a tab or a carriage return with an apostrophe, which :func:`read_coder_sheet`
removes again, so every cell reads back exactly as it was written.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from itertools import zip_longest
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.corpus import schema
from analysis.corpus.files import atomic_path, write_text_atomic
from analysis.validation.agreement import cohen_kappa, krippendorff_alpha, reliability_level
from analysis.validation.gold import ProblemsError

SHEET_KEY_COLUMNS = ("unit_id", "article_id", "part", "start", "end")
SHEET_TRAILING_COLUMNS = ("coder", "notes")
_CHOICES_SHEET = "choices"
_UNITS_SHEET = "units"


#: First characters that make a spreadsheet program read a cell as a formula (OWASP's list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: Excel's own mark for "this cell is text": not shown, not part of the value.
TEXT_MARK = "'"


def excel_safe(value: str) -> str:
    """A CSV cell that Excel shows as the text ``value``, never runs as a formula.

    A cell starting with one of :data:`FORMULA_TRIGGERS` (or with the text mark itself,
    so that the mark can always be removed again) gets :data:`TEXT_MARK` in front;
    :func:`excel_unsafe` reverses it.

    Examples
    --------
    >>> excel_safe('=HYPERLINK("http://x")'), excel_safe("قال لافروف")
    ('\'=HYPERLINK("http://x")', 'قال لافروف')
    """
    if value.startswith(FORMULA_TRIGGERS) or value.startswith(TEXT_MARK):
        return TEXT_MARK + value
    return value


def excel_unsafe(value: str) -> str:
    """Undo :func:`excel_safe`: drop the text mark that it put in front.

    Examples
    --------
    >>> excel_unsafe(excel_safe("-1")), excel_unsafe(excel_safe("'quoted"))
    ('-1', "'quoted")
    """
    if value.startswith(TEXT_MARK) and (value[1:].startswith(FORMULA_TRIGGERS) or value[1:].startswith(TEXT_MARK)):
        return value[1:]
    return value


class SheetError(ProblemsError):
    """A coder sheet with problems; ``problems`` holds one line per problem."""

    def __init__(self, path: Path, problems: list[str]):
        self.path = path
        super().__init__(
            f"coder sheet {path}", problems,
            "Correct the cells named above (row 1 is the header) and read the sheet again.",
        )


def sentence_units(sentences: pd.DataFrame) -> pd.DataFrame:
    """Coding units from a sentences table: one unit per sentence.

    Examples
    --------
    >>> s = pd.DataFrame({"article_id": ["x"], "sent_id": [0], "part": ["title"],
    ...                   "start": [0], "end": [3], "text": ["abc"]})
    >>> sentence_units(s)["unit_id"].tolist()
    ['x/s0']
    """
    schema.check_columns(sentences, schema.SENTENCES, "sentences")
    units = sentences[["article_id", "part", "start", "end", "text"]].copy()
    units.insert(0, "unit_id", sentences["article_id"].astype(str) + "/s" + sentences["sent_id"].astype(str))
    return units.reset_index(drop=True)


def attribution_units(attributions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Coding units from an attributions table: the cue span with its sentence as text.

    Raises
    ------
    ValueError
        An attribution whose sentence is not in the sentences table.
    """
    schema.check_columns(attributions, ["article_id", "attribution_id", "sent_id", "part",
                                        "cue", "cue_start", "cue_end", "source_side"], "attributions")
    schema.check_columns(sentences, schema.SENTENCES, "sentences")
    texts = {(str(a), int(s)): t for a, s, t in zip(sentences["article_id"], sentences["sent_id"], sentences["text"])}
    keys = list(zip(attributions["article_id"].astype(str), attributions["sent_id"].astype(int)))
    lost = [k for k in keys if k not in texts]
    if lost:
        raise ValueError(f"attributions point at sentences missing from the sentences table: {lost[:10]}")
    return pd.DataFrame({
        "unit_id": [f"{a}/a{i}" for a, i in zip(attributions["article_id"], attributions["attribution_id"])],
        "article_id": attributions["article_id"].astype(str).to_numpy(),
        "part": attributions["part"].to_numpy(),
        "start": attributions["cue_start"].to_numpy(),
        "end": attributions["cue_end"].to_numpy(),
        "cue": attributions["cue"].to_numpy(),
        "source_side": attributions["source_side"].to_numpy(),
        "text": [texts[k] for k in keys],
    })


def _sheet_columns(units: pd.DataFrame, variables: Mapping[str, Sequence[str]], text_column: str) -> list[str]:
    keys = [c for c in SHEET_KEY_COLUMNS if c in units.columns]
    context = [c for c in units.columns if c not in keys and c != text_column and c not in variables
               and c not in SHEET_TRAILING_COLUMNS]
    return keys + context + [text_column, *variables, *SHEET_TRAILING_COLUMNS]


def _variables_sidecar(path: Path) -> Path:
    return path.with_name(path.stem + ".variables.json")


def export_coder_sheet(
    units: pd.DataFrame,
    path: str | Path,
    variables: Mapping[str, Sequence[str]],
    coder: str = "",
    *,
    text_column: str = "text",
    right_to_left: bool = True,
) -> Path:
    """Write a coder sheet: one row per unit, empty columns for the variables to code.

    Parameters
    ----------
    units : pandas.DataFrame
        Units with ``unit_id``, ``article_id`` and the text column (see
        :func:`sentence_units`, :func:`attribution_units`); other columns are kept as
        context before the text.
    path : str or Path
        ``.csv`` or ``.xlsx``. A CSV gets a ``<stem>.variables.json`` sidecar with the
        allowed values; an XLSX keeps them in a hidden ``choices`` sheet and offers them
        as drop-down lists.
    variables : mapping of str to sequence of str
        Variable name -> allowed values, e.g. ``{"mode": schema.MODES}``.
    coder : str
        Coder name written in the ``coder`` column.
    text_column : str
        The column with the (Arabic) text to code; right-aligned, right-to-left in XLSX.
    right_to_left : bool, default True
        XLSX only: show the whole sheet right to left (columns run from the right).

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> export_coder_sheet(sentence_units(sentences), "a.xlsx",
    ...                    {"stance": ["negative", "positive", "none"]}, coder="A")  # doctest: +SKIP
    """
    path = Path(path)
    schema.check_columns(units, ["unit_id", "article_id", text_column], "units")
    dup = units["unit_id"][units["unit_id"].duplicated()].tolist()
    if dup:
        raise ValueError(f"units have repeated unit_id values {dup[:10]}; each unit needs its own id")
    clash = [v for v in variables if v in SHEET_KEY_COLUMNS or v in SHEET_TRAILING_COLUMNS or v == text_column]
    if clash:
        raise ValueError(f"variable names {clash} clash with fixed sheet columns")
    columns = _sheet_columns(units, variables, text_column)
    sheet = units.reindex(columns=columns).astype(object)
    for name in variables:
        sheet[name] = ""
    sheet["coder"], sheet["notes"] = coder, ""
    sheet = sheet.where(sheet.notna(), "")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        safe = sheet.map(lambda v: excel_safe(v) if isinstance(v, str) else v)
        with atomic_path(path) as tmp:
            safe.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\n")
        sidecar = {"variables": {k: list(v) for k, v in variables.items()}, "coder": coder,
                   "text_column": text_column}
        write_text_atomic(_variables_sidecar(path), json.dumps(sidecar, ensure_ascii=False, indent=1))
    elif suffix == ".xlsx":
        _write_xlsx(sheet, path, variables, text_column, right_to_left)
    else:
        raise ValueError(f"{path}: coder sheets are .csv or .xlsx, not {path.suffix!r}")
    return path


def _write_xlsx(sheet: pd.DataFrame, path: Path, variables: Mapping[str, Sequence[str]],
                text_column: str, right_to_left: bool) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    ws = book.active
    ws.title = _UNITS_SHEET
    choices = book.create_sheet(_CHOICES_SHEET)
    choices.sheet_state = "hidden"
    columns = list(sheet.columns)
    ws.append(columns)
    for record in sheet.itertuples(index=False):
        ws.append([v if isinstance(v, str) else (int(v) if isinstance(v, (int, np.integer)) else str(v))
                   for v in record])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text as text: openpyxl would store "=…" as a formula
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    ws.sheet_view.rightToLeft = right_to_left
    last = ws.max_row
    text_letter = get_column_letter(columns.index(text_column) + 1)
    ws.column_dimensions[text_letter].width = 80
    rtl = Alignment(horizontal="right", vertical="top", wrap_text=True, readingOrder=2)
    for (cell,) in ws.iter_rows(min_row=2, min_col=columns.index(text_column) + 1,
                                max_col=columns.index(text_column) + 1):
        cell.alignment = rtl
    for k, (name, allowed) in enumerate(variables.items(), start=1):
        letter = get_column_letter(k)
        choices.cell(row=1, column=k, value=name)
        for r, value in enumerate(allowed, start=2):
            choices.cell(row=r, column=k, value=str(value))
        rule = DataValidation(
            type="list", formula1=f"{_CHOICES_SHEET}!${letter}$2:${letter}${len(allowed) + 1}",
            allow_blank=True, showErrorMessage=True, errorTitle=f"{name}: unknown value",
            error=f"Choose one of: {', '.join(map(str, allowed))}"[:255],
        )
        col_letter = get_column_letter(columns.index(name) + 1)
        rule.add(f"{col_letter}2:{col_letter}{max(last, 2)}")
        ws.add_data_validation(rule)
        ws.column_dimensions[col_letter].width = max(12, len(name) + 2)
    with atomic_path(path) as tmp:
        book.save(tmp)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]], dict | None]:
    """Header, (row number, cells) and the stored variables of a CSV or XLSX sheet."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = []
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            line = reader.line_num
            for fields in reader:
                rows.append((line + 1, [excel_unsafe(cell) for cell in fields]))
                line = reader.line_num
        sidecar = _variables_sidecar(path)
        stored = json.loads(sidecar.read_text(encoding="utf-8"))["variables"] if sidecar.is_file() else None
        return [h.strip() for h in header], rows, stored
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        ws = book[_UNITS_SHEET] if _UNITS_SHEET in book.sheetnames else book.worksheets[0]
        values = list(ws.iter_rows(values_only=True))
        header = [_cell_text(v).strip() for v in values[0]] if values else []
        rows = [(n, [_cell_text(v) for v in row]) for n, row in enumerate(values[1:], start=2)]
        stored = None
        if _CHOICES_SHEET in book.sheetnames:
            stored = {}
            choice_rows = list(book[_CHOICES_SHEET].iter_rows(values_only=True))
            for col in zip_longest(*choice_rows):
                if col and col[0] is not None:
                    stored[str(col[0])] = [_cell_text(v).strip() for v in col[1:] if v is not None]
        book.close()
        return header, rows, stored
    raise ValueError(f"{path}: coder sheets are .csv or .xlsx, not {path.suffix!r}")


def read_coder_sheet(
    path: str | Path, variables: Mapping[str, Sequence[str]] | None = None
) -> pd.DataFrame:
    """Read a filled coder sheet and check every cell.

    Parameters
    ----------
    path : str or Path
        A sheet written by :func:`export_coder_sheet` and filled by a coder.
    variables : mapping, optional
        Variable -> allowed values. Defaults to the values stored with the sheet (the
        XLSX ``choices`` sheet or the CSV's ``.variables.json`` sidecar).

    Returns
    -------
    pandas.DataFrame
        The sheet with string columns, empty cells as ``<NA>`` (not coded) and
        ``start``/``end`` as ``Int64``. An empty ``coder`` column is filled with the
        file's stem.

    Raises
    ------
    SheetError
        Missing columns, empty or repeated unit ids, unknown labels or several coder
        names, all listed with file, row and column.

    Examples
    --------
    >>> read_coder_sheet("coder_a.xlsx")["mode"].value_counts()   # doctest: +SKIP
    """
    path = Path(path)
    header, rows, stored = _read_rows(path)
    if variables is None:
        if stored is None:
            raise ValueError(
                f"{path}: the allowed values are not stored with this sheet (no "
                f"{_variables_sidecar(path).name}); pass variables="
            )
        variables = stored
    problems = []
    required = ["unit_id", "article_id", *variables, "coder"]
    missing = [c for c in required if c not in header]
    if missing:
        raise SheetError(path, [f"{path.name}: row 1 (header): missing columns {missing}"])
    records, seen = [], {}
    for number, cells in rows:
        if not any(cells):
            continue
        cells = (cells + [""] * len(header))[: len(header)]
        record = dict(zip(header, cells))
        for name in ("unit_id", "coder", *variables):  # codes typed by a coder; text stays exact
            record[name] = record[name].strip()
        where = f"{path.name}: row {number}"
        unit = record["unit_id"]
        if not unit:
            problems.append(f"{where}, column unit_id: empty; every row needs its unit id")
        elif unit in seen:
            problems.append(f"{where}, column unit_id: {unit!r} repeats row {seen[unit]}")
        seen.setdefault(unit, number)
        for name, allowed in variables.items():
            value = record[name]
            if value and value not in [str(a) for a in allowed]:
                problems.append(f"{where}, column {name}: unknown label {value!r}; allowed: {list(allowed)}")
        records.append(record)
    coders = sorted({r["coder"] for r in records if r["coder"]})
    if len(coders) > 1:
        problems.append(f"{path.name}: column coder: one sheet holds one coder, found {coders}")
    if problems:
        raise SheetError(path, problems)
    frame = pd.DataFrame(records, columns=header).replace("", pd.NA).astype("string")
    frame["coder"] = coders[0] if coders else path.stem
    for col in ("start", "end"):
        if col in frame.columns:
            frame[col] = pd.to_numeric(frame[col]).astype("Int64")
    return frame


# ---------------------------------------------------------------------- agreement


def _share(part: int, whole: int) -> float:
    return float(part / whole) if whole else float("nan")


def _load_sheets(sheets: Sequence[str | Path | pd.DataFrame], variables: Iterable[str]) -> list[pd.DataFrame]:
    frames = [read_coder_sheet(s) if not isinstance(s, pd.DataFrame) else s for s in sheets]
    if len(frames) < 2:
        raise ValueError(f"agreement needs at least two coder sheets, got {len(frames)}")
    for k, frame in enumerate(frames):
        schema.check_columns(frame, ["unit_id", "coder", *variables], f"coder sheet {k}")
    names = [str(f["coder"].iloc[0]) if len(f) else f"sheet{k}" for k, f in enumerate(frames)]
    if len(set(names)) != len(names):
        raise ValueError(f"coder sheets must come from different coders; coder names are {names}")
    return frames


def _long_codes(frames: list[pd.DataFrame], variable: str) -> pd.DataFrame:
    parts = [f[["unit_id", "coder", variable]].rename(columns={"unit_id": "unit", variable: "value"})
             for f in frames]
    long = pd.concat(parts, ignore_index=True)
    long["value"] = long["value"].astype(object).where(long["value"].notna(), None)
    return long


def agreement_table(
    sheets: Sequence[str | Path | pd.DataFrame],
    variables: Mapping[str, Sequence[str]] | Sequence[str],
    *,
    levels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Inter-coder agreement per variable.

    Parameters
    ----------
    sheets : sequence of path or DataFrame
        Filled coder sheets (paths are read with :func:`read_coder_sheet`), one per coder.
    variables : mapping or sequence of str
        The variables to compare.
    levels : mapping, optional
        Variable -> level of measurement for alpha (default ``nominal``).

    Returns
    -------
    pandas.DataFrame
        One row per variable: ``variable``, ``measurement``, ``n_coders``, ``n_units``
        (units coded by two or more coders), ``percent_agreement`` (share of those units
        on which all coders agree), ``alpha``, ``kappa`` (two coders only, else NaN),
        ``reliability`` (reliable >= 0.80, tentative >= 0.667, unreliable, or
        ``undefined``) and ``note``, which says why a coefficient is undefined (NaN).

    Examples
    --------
    >>> agreement_table(["coder_a.xlsx", "coder_b.xlsx"], ["mode"])   # doctest: +SKIP
    """
    names = list(variables)
    frames = _load_sheets(sheets, names)
    levels = dict(levels or {})
    rows = []
    for name in names:
        long = _long_codes(frames, name)
        coded = long.dropna(subset=["value"])
        per_unit = coded.groupby("unit")["value"].agg(list)
        pairable = per_unit[per_unit.map(len) >= 2]
        note, alpha, kappa = "", float("nan"), float("nan")
        try:
            alpha = krippendorff_alpha(long, levels.get(name, "nominal"))
        except ValueError as err:
            note = f"alpha: {err}"
        if len(frames) == 2:
            wide = long.pivot(index="unit", columns="coder", values="value")
            try:
                kappa = cohen_kappa(wide.iloc[:, 0].tolist(), wide.iloc[:, 1].tolist())
            except ValueError as err:
                note = (note + "; " if note else "") + f"kappa: {err}"
        rows.append({
            "variable": name,
            "measurement": levels.get(name, "nominal"),
            "n_coders": len(frames),
            "n_units": len(pairable),
            "percent_agreement": _share(sum(len(set(v)) == 1 for v in pairable), len(pairable)),
            "alpha": alpha,
            "kappa": kappa,
            "reliability": reliability_level(alpha),
            "note": note,
        })
    return pd.DataFrame(rows)


def disagreements(sheets: Sequence[str | Path | pd.DataFrame], variable: str) -> pd.DataFrame:
    """Units on which coders gave different values for one variable.

    Returns
    -------
    pandas.DataFrame
        ``unit_id``, ``article_id``, ``text`` (when the sheets have them) and one column
        per coder with that coder's value; units coded by only one coder are left out.

    Examples
    --------
    >>> disagreements(["coder_a.csv", "coder_b.csv"], "mode")   # doctest: +SKIP
    """
    frames = _load_sheets(sheets, [variable])
    long = _long_codes(frames, variable)
    wide = long.pivot(index="unit", columns="coder", values="value")
    coder_names = [str(f["coder"].iloc[0]) for f in frames if len(f)]
    wide = wide[coder_names]
    distinct = wide.apply(lambda r: len({v for v in r if v is not None and not pd.isna(v)}), axis=1)
    order = pd.unique(pd.concat([f["unit_id"] for f in frames]).astype(str))
    keep = [u for u in order if u in distinct.index and distinct[u] >= 2]
    context_cols = [c for c in ("article_id", "text") if all(c in f.columns for f in frames)]
    context = pd.concat([f[["unit_id", *context_cols]] for f in frames]).drop_duplicates("unit_id")
    out = context.set_index("unit_id").reindex(keep)
    out = out.join(wide.loc[keep].astype("string"))
    out.columns.name = None
    return out.rename_axis("unit_id").reset_index()
