"""Figure notes: how far the extractor can be trusted for the quantity a figure draws.

The numbers come from the locked test split of the gold annotations, as recorded in
``data/annotations/README.md`` under "Test scorings" (30 articles of round 2, scored once
per round of rule changes; see that README). :func:`read_test_scorings` reads that table;
:func:`figure_note` turns its latest row into the note saved beside each figure
(``<figure>.note.csv``): one row per measured quantity, and a row saying so for every
part of the figure that the locked split has not measured.

Examples
--------
>>> first = read_test_scorings()[0]          # the baseline, recorded once and for all
>>> first["scoring"], first["attributions_f1"], first["stance_recall"]
('1', 0.573, 0.113)
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.corpus import paths

__all__ = ["NOTE_COLUMNS", "figure_note", "latest_test_scoring", "read_test_scorings"]

NOTE_COLUMNS = ["figure", "quantity", "metric", "value", "scope", "source"]
README = paths.ANNOTATIONS_DIR / "README.md"

#: Column headers of the "Test scorings" table -> the keys they fill (one or several values).
_HEADERS = {
    "#": ("scoring",),
    "date": ("date",),
    "code (commit)": ("commit",),
    "attributions P / R / F1": ("attributions_precision", "attributions_recall", "attributions_f1"),
    "recall russia / us": ("recall_russia", "recall_us"),
    "stance P / R / F1": ("stance_precision", "stance_recall", "stance_f1"),
}


#: From this test scoring on, the two test articles whose text ANT also files under the id of
#: a dev article are left out (``duplicate_of`` in ``data/annotations/splits.csv``).
FIRST_DEDUPLICATED_SCORING = 19


def read_test_scorings(readme: str | Path = README) -> list[dict]:
    """Every row of the "Test scorings" table, oldest first.

    Raises
    ------
    ValueError
        When the README has no such table or a row cannot be read; the message names the
        file, so that a changed table format is noticed rather than silently skipped.
    """
    text = Path(readme).read_text(encoding="utf-8")
    match = re.search(r"^#+\s*Test scorings\s*$(.*?)(?=^#+\s|\Z)", text, re.M | re.S)
    if match is None:
        raise ValueError(f"{readme}: no 'Test scorings' section")
    lines = [line.strip() for line in match.group(1).splitlines() if line.strip().startswith("|")]
    if len(lines) < 3:
        raise ValueError(f"{readme}: the 'Test scorings' table has no rows")
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    rows = []
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        row: dict = {"split": "test"}
        for name, cell in zip(header, cells):
            keys = _HEADERS.get(name)
            if keys is None:
                continue
            values = [v.strip() for v in cell.split("/")] if len(keys) > 1 else [cell]
            if len(values) != len(keys):
                raise ValueError(f"{readme}: 'Test scorings' cell {cell!r} under {name!r} has "
                                 f"{len(values)} value(s), expected {len(keys)}")
            for key, value in zip(keys, values):
                row[key] = float(value) if key not in ("scoring", "date", "commit") else value
        missing = [k for keys in _HEADERS.values() for k in keys if k not in row]
        if missing:
            raise ValueError(f"{readme}: 'Test scorings' row {line!r} lacks {missing}")
        rows.append(row)
    for row in rows:  # "Content spans at scoring 2 (word-overlap F1 ...): 0.882."
        found = re.search(rf"Content spans at scoring {re.escape(row['scoring'])}\s*\(([^)]*)\):\s*([0-9.]*[0-9])",
                          match.group(1))
        if found:
            row["content_f1"] = float(found.group(2))
            row["content_f1_basis"] = found.group(1)
    return rows


def latest_test_scoring(readme: str | Path = README) -> dict:
    """The most recent row of "Test scorings" (see :func:`read_test_scorings`)."""
    return read_test_scorings(readme)[-1]


#: Per figure: (quantity, metric, key of the scoring or None when not measured, scope).
_NOTES: dict[str, list[tuple[str, str, str | None, str]]] = {
    "attributions": [
        ("attributions (same source side, cue in the same sentence)", "precision", "attributions_precision", "all sides"),
        ("attributions (same source side, cue in the same sentence)", "recall", "attributions_recall", "all sides"),
        ("attributions (same source side, cue in the same sentence)", "F1", "attributions_f1", "all sides"),
        ("attributions of the side found", "recall", "recall_russia", "russia"),
        ("attributions of the side found", "recall", "recall_us", "us"),
    ],
    "share-of-voice": [
        ("quoted words (extent of the content span)", "F1 (word overlap, matched attributions)", "content_f1", "all sides"),
        ("side of unknown sources", "not measured: unknown is what the extractor could not resolve", None, "unknown"),
    ],
    "direct-and-anonymous": [
        ("mode (direct, indirect, mixed)", "not measured on the locked test split", None, ""),
        ("source type (anonymous)", "not measured on the locked test split", None, ""),
    ],
    "cue-profile": [
        ("cue category", "not measured on the locked test split", None, ""),
    ],
    "stance-between-sides": [
        ("stance units (same holder side, target side and polarity)", "precision", "stance_precision", "all sides"),
        ("stance units (same holder side, target side and polarity)", "recall", "stance_recall", "all sides"),
        ("stance units (same holder side, target side and polarity)", "F1", "stance_f1", "all sides"),
        ("stance kind", "not measured on the locked test split", None, ""),
    ],
    "coverage-by-month": [
        ("actor mentions deciding the filter", "not measured: there is no gold mentions table", None, "russia, us"),
    ],
}


def figure_note(figure: str, scoring: dict | None = None) -> pd.DataFrame:
    """The note of one figure: the extractor's measured precision and recall for what it draws.

    Parameters
    ----------
    figure : str
        A name of :data:`analysis.study.spec.PAPER_FIGURES`.
    scoring : dict, optional
        A row of :func:`read_test_scorings` (default: the latest).

    Returns
    -------
    DataFrame
        :data:`NOTE_COLUMNS`; ``value`` empty where nothing was measured; ``source`` names
        the scoring (number, date, commit) and the split.

    Examples
    --------
    >>> note = figure_note("stance-between-sides", read_test_scorings()[0])
    >>> note.loc[note["metric"] == "recall", "value"].tolist()
    [0.113]
    """
    if figure not in _NOTES:
        raise KeyError(f"no note for figure {figure!r}; known: {sorted(_NOTES)}")
    scoring = scoring or latest_test_scoring()
    articles = ("30 round-2 articles" if int(scoring["scoring"]) < FIRST_DEDUPLICATED_SCORING
                else "28 round-2 articles whose text is not also in dev")
    source = (f"data/annotations/README.md, Test scorings #{scoring['scoring']} ({scoring['date']}, "
              f"code {scoring['commit']}): the locked test split ({articles}), scored once per "
              "round of rule changes; the rules may have changed since that commit")
    entries = ([] if figure in ("stance-between-sides", "coverage-by-month") else _NOTES["attributions"])
    rows = []
    for quantity, metric, key, scope in [*entries, *_NOTES[figure]]:
        if key is not None and key not in scoring:  # not recorded for this scoring
            metric, key, scope = "not measured on the locked test split", None, ""
        rows.append({"figure": figure, "quantity": quantity, "metric": metric,
                     "value": scoring[key] if key else None, "scope": scope, "source": source})
    return pd.DataFrame(rows, columns=NOTE_COLUMNS)
