"""The offset rule, checked: every (part, start, end) triple indexes the string ``part`` names.

Every row of the tidy tables that points at text carries character offsets into the
*original* title or body (``docs/architecture.md``, "The tables and the offset rule"):
``part`` ``title`` means the title string; every other value (``heading``, ``lead``,
``body``) means the body string, exactly as read. Where a table also records the text,
the text equals the slice. :data:`SPANS` lists every span of every table with the column
that names its part; :func:`offset_problems` finds every row that breaks the rule and
:func:`check_offsets` raises on the first ones.

Examples
--------
>>> import pandas as pd
>>> articles = pd.DataFrame({"article_id": ["x"], "title": ["لافروف: لا"], "body": [""]})
>>> sentences = pd.DataFrame({"article_id": ["x"], "part": ["title"], "start": [0],
...                           "end": [6], "text": ["لافروف"]})
>>> offset_problems(articles, {"sentences": sentences}).empty
True
>>> bad = sentences.assign(part="body")
>>> offset_problems(articles, {"sentences": bad})["problem"].tolist()
['end 6 is past the end of the body string (length 0)']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from analysis.corpus.schema import PARTS

__all__ = ["SPANS", "Span", "check_offsets", "offset_problems", "string_of"]


@dataclass(frozen=True)
class Span:
    """One offset pair of a table: the column naming its part, its start and end, and the
    column holding its text.

    ``text_rule`` says how the text column relates to the slice: ``"equal"`` (the text is
    the slice) or ``"inside"`` (the text is a part of it: a stance unit's cue lies inside
    its evidence, which may also cover the target or the rejected claim).
    """

    table: str
    name: str
    part: str
    start: str
    end: str
    text: str | None = None
    text_rule: str = "equal"
    optional: bool = False  # the span may be missing (both offsets empty)


#: Every span of every table (``analysis/corpus/schema.py``).
SPANS = (
    Span("sentences", "sentence", "part", "start", "end", "text"),
    Span("mentions", "mention", "part", "start", "end", "surface"),
    Span("attributions", "cue", "part", "cue_start", "cue_end", "cue"),
    Span("attributions", "source", "source_part", "source_start", "source_end", optional=True),
    Span("attributions", "content", "part", "content_start", "content_end"),
    Span("stance", "evidence", "part", "evidence_start", "evidence_end", "cue", text_rule="inside"),
)

_PROBLEM_COLUMNS = ["table", "row", "article_id", "span", "part", "start", "end", "problem"]


def string_of(part) -> str:
    """The string a part's offsets index: ``"title"`` for the title, ``"body"`` for the rest.

    Examples
    --------
    >>> [string_of(p) for p in ("title", "heading", "lead", "body")]
    ['title', 'body', 'body', 'body']
    """
    return "title" if part == "title" else "body"


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _span_problems(span: Span, frame: pd.DataFrame, strings: dict[str, tuple[str, str]]) -> list[dict]:
    """The problems of one span over a whole table (vectorised, then row by row where needed)."""
    wanted = [c for c in ("article_id", span.part, span.start, span.end) if c not in frame.columns]
    if wanted:
        raise ValueError(f"{span.table} table has no column(s) {wanted}; it cannot be checked")
    ids = frame["article_id"].astype(str).tolist()
    parts = frame[span.part].astype(object).where(frame[span.part].notna(), None).tolist()
    starts = pd.array(frame[span.start], dtype="Int64")
    ends = pd.array(frame[span.end], dtype="Int64")
    texts = frame[span.text].tolist() if span.text is not None and span.text in frame.columns else None
    no_start, no_end = starts.isna(), ends.isna()
    starts_list = starts.to_numpy(dtype=object, na_value=None).tolist()
    ends_list = ends.to_numpy(dtype=object, na_value=None).tolist()
    out = []
    for i, (article, part, start, end) in enumerate(zip(ids, parts, starts_list, ends_list)):
        pair = strings.get(article)
        if pair is None:
            problem = f"article {article!r} is not in the articles table"
        elif no_start[i] and no_end[i]:
            if span.optional and part is None:
                continue
            problem = (f"{span.part} is {part!r} but the span has no offsets" if span.optional
                       else "the offsets are missing")
        elif no_start[i] or no_end[i]:
            problem = f"only one offset is set ({span.start}={start}, {span.end}={end})"
        elif part not in PARTS:
            problem = f"{span.part} {part!r} is not one of {', '.join(PARTS)}"
        else:
            string = pair[0] if part == "title" else pair[1]
            if not 0 <= start <= end:
                problem = f"start {start} and end {end} are not 0 <= start <= end"
            elif end > len(string):
                problem = f"end {end} is past the end of the {string_of(part)} string (length {len(string)})"
            elif texts is None:
                continue
            else:
                recorded, sliced = texts[i], string[start:end]
                if recorded == sliced or (span.text_rule == "inside" and isinstance(recorded, str)
                                          and recorded in sliced):
                    continue
                if _missing(recorded):
                    problem = f"{span.text} is missing"
                elif span.text_rule == "inside":
                    problem = f"{span.text} {recorded!r} is not inside the slice {sliced!r}"
                else:
                    problem = f"{span.text} {recorded!r} is not the slice {sliced!r}"
        out.append({"table": span.table, "row": frame.index[i], "article_id": article, "span": span.name,
                    "part": part, "start": start, "end": end, "problem": problem})
    return out


def offset_problems(articles: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Every span that breaks the offset rule, one row per span and problem.

    Parameters
    ----------
    articles : DataFrame
        ``article_id``, ``title`` and ``body``, exactly as the tables were built from.
    tables : mapping of str to DataFrame
        Any of ``sentences``, ``mentions``, ``attributions`` and ``stance``
        (e.g. ``result.tables()`` of :func:`analysis.analyze`); other names are ignored.

    Returns
    -------
    DataFrame
        Columns ``table``, ``row`` (the table's index), ``article_id``, ``span``
        (``sentence``, ``mention``, ``cue``, ``source``, ``content``, ``evidence``),
        ``part``, ``start``, ``end`` and ``problem``; empty when every offset is true.
    """
    strings = {
        str(article): ("" if _missing(title) else str(title), "" if _missing(body) else str(body))
        for article, title, body in zip(articles["article_id"], articles["title"], articles["body"])
    }
    out: list[dict] = []
    for span in SPANS:
        frame = tables.get(span.table)
        if frame is not None and not frame.empty:
            out.extend(_span_problems(span, frame, strings))
    return pd.DataFrame(out, columns=_PROBLEM_COLUMNS)


def check_offsets(articles: pd.DataFrame, tables: Mapping[str, pd.DataFrame], show: int = 5) -> None:
    """Raise ``AssertionError`` listing the first ``show`` spans that break the offset rule.

    Examples
    --------
    >>> from analysis import analyze                                     # doctest: +SKIP
    >>> result = analyze(paths.EXAMPLE_ARTICLE, progress=False)          # doctest: +SKIP
    >>> check_offsets(result.articles, result.tables())                  # doctest: +SKIP
    """
    problems = offset_problems(articles, tables)
    if problems.empty:
        return
    counts = problems.groupby(["table", "span"]).size()
    summary = ", ".join(f"{t}.{s}: {n}" for (t, s), n in counts.items())
    lines = [f"{len(problems)} span(s) break the offset rule ({summary}); the first:"]
    for rec in problems.head(show).to_dict("records"):
        lines.append(f"  {rec['table']} row {rec['row']} (article {rec['article_id']!r}, {rec['span']}"
                     f" {rec['part']} {rec['start']}:{rec['end']}): {rec['problem']}")
    raise AssertionError("\n".join(lines))
