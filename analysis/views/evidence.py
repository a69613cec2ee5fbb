"""The evidence view: an article as right-to-left HTML with every finding highlighted.

:func:`show_article` turns one article and the rows the pipeline found in it into HTML
that Jupyter renders right to left: speakers, reporting cues, quoted or paraphrased
content, other actor mentions and stance evidence are wrapped in ``<span>`` elements
coloured by side, with the category, mode and source in a ``title`` tooltip. A row whose
offsets do not fit the article is listed above the text instead of highlighted.

Text bound for HTML keeps its logical order: browsers shape and order Arabic by
themselves, so :func:`analysis.figures.labels.arabic_label` is never applied here. Every piece of
article text and every value from the tables is HTML-escaped.

Examples
--------
>>> import pandas as pd
>>> articles = pd.DataFrame({"article_id": ["a"], "title": ["عنوان"], "body": ["قال لافروف"]})
>>> mentions = pd.DataFrame({"article_id": ["a"], "part": ["body"], "start": [4], "end": [10],
...                          "actor_id": ["lavrov"], "side": ["russia"], "via": ["name"]})
>>> view = show_article(articles, "a", mentions=mentions)
>>> 'class="mention side-russia"' in view.html
True
"""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from analysis.figures.glossary import GLOSSARY, NEUTRAL_INK, SIDE_COLORS

__all__ = ["ArticleView", "Span", "blank_runs", "show_article"]

_TABLES = ("articles", "sentences", "mentions", "attributions", "stance")
# Paint order: later kinds sit inside earlier ones when spans nest.
_KIND_RANK = {"content": 0, "stance": 1, "mention": 2, "speaker": 3, "cue": 4}
_DEFAULT_COLOR = "#999999"
# Blank lines, for display only: whitespace before the first and after the last visible
# character, and inside the text any whitespace run with two or more line breaks.
_LEADING_BLANK = re.compile(r"\s+")
_TRAILING_BLANK = re.compile(r"\s+\Z")
_INNER_BLANK = re.compile(r"[^\S\n]*\n(?:[^\S\n]*\n)+[^\S\n]*")


@dataclass(frozen=True)
class Span:
    """One highlighted stretch of an article string.

    Attributes
    ----------
    part : str
        ``title`` (offsets into the title) or ``body`` (offsets into the body).
    start, end : int
        Character offsets, end exclusive.
    kind : str
        ``speaker``, ``cue``, ``content``, ``mention`` or ``stance``.
    side : str
        Side used for the colour.
    classes : str
        CSS classes of the element.
    title : str
        Tooltip text.
    """

    part: str
    start: int
    end: int
    kind: str
    side: str
    classes: str
    title: str


@dataclass
class ArticleView:
    """Rendered evidence view; Jupyter shows it through :meth:`_repr_html_`.

    Attributes
    ----------
    article_id : str
        The article shown.
    html : str
        The whole view, a ``<div dir="rtl" lang="ar">``.
    spans : list of Span
        The highlighted stretches.
    problems : list of str
        One message per table row that could not be highlighted (offsets outside the
        string they index, or no offsets at all); also listed at the top of the view.
    """

    article_id: str
    html: str
    spans: list[Span] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


# -- getting the tables ---------------------------------------------------------------
def collect_tables(result, overrides: dict[str, pd.DataFrame | None]) -> dict[str, pd.DataFrame]:
    """Tables from a pipeline result, a bare articles DataFrame, or keyword arguments.

    Parameters
    ----------
    result : object, dict or DataFrame
        A pipeline result (tables as attributes), a dict of tables, the articles
        DataFrame, or None.
    overrides : dict
        Tables passed by keyword; those that are not None replace what ``result`` holds.

    Returns
    -------
    dict
        Table name -> DataFrame, for the names of the pipeline tables found.
    """
    tables: dict[str, pd.DataFrame] = {}
    if isinstance(result, pd.DataFrame):
        tables["articles"] = result
    elif isinstance(result, dict):
        tables.update({k: v for k, v in result.items() if k in _TABLES})
    elif result is not None:
        for name in _TABLES:
            value = getattr(result, name, None)
            if value is not None:
                tables[name] = value
    tables.update({k: v for k, v in overrides.items() if v is not None})
    for name, value in tables.items():
        if not isinstance(value, pd.DataFrame):
            raise TypeError(f"table {name!r} must be a pandas DataFrame, got {type(value).__name__}")
    return tables


def _article_strings(articles: pd.DataFrame, article_id: str) -> tuple[str, str]:
    for column in ("article_id", "title", "body"):
        if column not in articles.columns:
            raise ValueError(f"articles table has no {column!r} column; expected article_id, "
                             "title and body (the pipeline's articles table)")
    rows = articles[articles["article_id"] == article_id]
    if rows.empty:
        known = ", ".join(map(repr, articles["article_id"].head(5)))
        raise KeyError(f"article_id {article_id!r} is not in the articles table (first ids: {known})")
    row = rows.iloc[0]
    title = "" if pd.isna(row["title"]) else str(row["title"])
    body = "" if pd.isna(row["body"]) else str(row["body"])
    return title, body


# -- spans from tables -------------------------------------------------------------------
def _value(record: dict, key: str, default: str = "") -> str:
    value = record.get(key, default)
    return default if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _side_name(side: str) -> str:
    arabic, english = GLOSSARY["side"].get(side, (side, side))
    return f"{arabic} / {english}" if arabic != english else side


def _offsets(record: dict, start_col: str, end_col: str, table: str, row: int,
             lengths: dict[str, int], problems: list[str], *,
             part_col: str = "part") -> tuple[str, int, int] | None:
    """Checked (part, start, end) of one row.

    None when the row has no span at all, and None with a message added to ``problems``
    when the offsets lie outside the string that ``part_col`` names.
    """
    start, end = record.get(start_col), record.get(end_col)
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return None
    part = "title" if _value(record, part_col, "body") == "title" else "body"
    start, end = int(start), int(end)
    if not 0 <= start <= end <= lengths[part]:
        problems.append(
            f"{table} row {row} (article {record.get('article_id')!r}): {start_col}/{end_col} "
            f"= {start}/{end} lie outside the {part} string of length {lengths[part]} "
            f"({part_col} = {_value(record, part_col, 'body')!r}); the table was built from "
            "different text. Rebuild it from this article.")
        return None
    return part, start, end


def _spans_for(tables: dict[str, pd.DataFrame], article_id: str, lengths: dict[str, int],
               problems: list[str]) -> list[Span]:
    """Every highlighted stretch of one article; rows that do not fit go to ``problems``.

    The source of an attribution indexes the string its ``source_part`` names when the
    table has that column (a source in the title, its cue in the body), else ``part``.
    """
    spans: list[Span] = []
    source_spans: set[tuple[str, int, int]] = set()

    def rows(name: str) -> Iterable[tuple[int, dict]]:
        frame = tables.get(name)
        if frame is None or frame.empty:
            return []
        if "article_id" not in frame.columns:
            raise ValueError(f"{name} table has no article_id column")
        picked = frame[frame["article_id"] == article_id]
        return ((int(i), rec) for i, rec in zip(picked.index, picked.to_dict("records")))

    for i, rec in rows("attributions"):
        side = _value(rec, "source_side", "unknown")
        source = _value(rec, "source_actor_id", "?")
        category = _value(rec, "cue_category", "?")
        mode = _value(rec, "mode", "?")
        common = f"side: {_side_name(side)} · source: {source} ({_value(rec, 'source_type', '?')})"
        source_part = "source_part" if _value(rec, "source_part") else "part"
        where = _offsets(rec, "source_start", "source_end", "attributions", i, lengths, problems,
                         part_col=source_part)
        if where:
            source_spans.add(where)
            spans.append(Span(*where, "speaker", side, f"speaker side-{side}",
                              f"speaker · {common}"))
        where = _offsets(rec, "cue_start", "cue_end", "attributions", i, lengths, problems)
        if where:
            spans.append(Span(*where, "cue", side, f"cue side-{side} cat-{category}",
                              f"cue: {_value(rec, 'cue')} · category: {category} · "
                              f"mode: {mode} · {common}"))
        where = _offsets(rec, "content_start", "content_end", "attributions", i, lengths,
                         problems)
        if where:
            spans.append(Span(*where, "content", side, f"content side-{side} mode-{mode}",
                              f"content · mode: {mode} · category: {category} · "
                              f"words: {_value(rec, 'content_words', '?')} · {common}"))
    for i, rec in rows("mentions"):
        if pd.isna(rec.get("start")) or pd.isna(rec.get("end")):
            problems.append(f"mentions row {i} (article {article_id!r}) has no start/end")
            continue
        where = _offsets(rec, "start", "end", "mentions", i, lengths, problems)
        if where is None:
            continue
        side = _value(rec, "side", "unknown")
        if where in source_spans:
            continue  # already drawn as the speaker of an attribution
        spans.append(Span(*where, "mention", side, f"mention side-{side}",
                          f"mention: {_value(rec, 'actor_id', '?')} · side: {_side_name(side)}"
                          f" · via: {_value(rec, 'via', '?')}"))
    for i, rec in rows("stance"):
        where = _offsets(rec, "evidence_start", "evidence_end", "stance", i, lengths, problems)
        if where:
            kind = _value(rec, "kind", "?")
            holder = _value(rec, "holder_side", "unknown")
            # a unit of the learned pass has no cue word: say so, its kind is only a default
            learned = " · learned pass (no cue word)" if _value(rec, "cue", "") == "" else ""
            spans.append(Span(*where, "stance", holder, f"stance kind-{kind} side-{holder}",
                              f"stance: {kind} ({_value(rec, 'polarity', '?')}) · holder: "
                              f"{_value(rec, 'holder', '?')} ({_side_name(holder)}) → target: "
                              f"{_side_name(_value(rec, 'target_side', '?'))}{learned}"))
    return spans


# -- HTML ----------------------------------------------------------------------------------
def _style(span: Span) -> str:
    color = SIDE_COLORS.get(span.side, _DEFAULT_COLOR)
    if span.kind == "speaker":
        return f"font-weight:bold;border-bottom:2px solid {color}"
    if span.kind == "cue":
        return f"background:{color}55;border-radius:2px"
    if span.kind == "content":
        return f"background:{color}1f"
    if span.kind == "stance":
        return f"text-decoration:underline wavy {color}"
    return f"border-bottom:1px dotted {color}"


def _open_tag(span: Span) -> str:
    return (f'<span class="{html.escape(span.classes)}" title="{html.escape(span.title)}" '
            f'data-start="{span.start}" data-end="{span.end}" style="{_style(span)}">')


def blank_runs(text: str) -> list[tuple[int, int, str]]:
    """Stretches of blank lines to show differently, as ``(start, end, shown_as)``.

    Leading and trailing whitespace is not shown at all (``""``); inside the text, a run
    of whitespace holding two or more line breaks (blank lines, also lines holding only
    spaces or no-break spaces) is shown as one paragraph break (``"\\n\\n"``). Single
    line breaks stay. Offsets index ``text``; the text itself is not changed.

    Parameters
    ----------
    text : str
        An article title or body.

    Returns
    -------
    list of tuple
        Non-overlapping runs in text order.

    Examples
    --------
    >>> blank_runs("\\n\\xa0\\n\\nقال\\n \\n\\nإن\\n")
    [(0, 4, ''), (7, 11, '\\n\\n'), (13, 14, '')]
    """
    runs = []
    lead = _LEADING_BLANK.match(text)
    lead_end = lead.end() if lead else 0
    if lead_end:
        runs.append((0, lead_end, ""))
    trail = _TRAILING_BLANK.search(text, lead_end)
    trail_start = trail.start() if trail and trail.start() < len(text) else len(text)
    for found in _INNER_BLANK.finditer(text, lead_end, trail_start):
        runs.append((found.start(), found.end(), "\n\n"))
    if trail_start < len(text):
        runs.append((trail_start, len(text), ""))
    return runs


def _shown(text: str, left: int, right: int, runs: list[tuple[int, int, str]]) -> str:
    """``text[left:right]`` as displayed: blank runs replaced, at their first character."""
    out, position = [], left
    for start, end, shown_as in runs:
        if end <= left or start >= right:
            continue
        out.append(text[position:max(start, position)])
        if start >= left:
            out.append(shown_as)
        position = min(end, right)
    out.append(text[position:right])
    return "".join(out)


def _render_text(text: str, spans: list[Span]) -> str:
    """Escape ``text`` and wrap each elementary segment in all spans covering it.

    Splitting at every boundary keeps the HTML well nested even when spans cross: a
    segment covered by a cue inside a content span becomes
    ``<span content><span cue>…</span></span>``. Blank lines are tidied for display only
    (:func:`blank_runs`); spans keep their offsets into ``text``.
    """
    runs = blank_runs(text)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [s for s in spans if s.start <= left and right <= s.end and s.start < s.end]
        covering.sort(key=lambda s: (-(s.end - s.start), _KIND_RANK[s.kind]))
        segment = html.escape(_shown(text, left, right, runs))
        pieces.append("".join(_open_tag(s) for s in covering) + segment
                      + "</span>" * len(covering))
    return "".join(pieces)


def _legend() -> str:
    items = []
    for side in ("russia", "us", "other", "unknown"):
        arabic = GLOSSARY["side"][side][0]
        color = SIDE_COLORS[side]
        items.append(f'<span class="legend side-{side}" style="background:{color}55;'
                     f'padding:0 4px;margin-inline-end:6px">{html.escape(arabic)}</span>')
    kinds = ("<b>متكلم</b> · <span style='background:#99999955'>فعل القول</span> · "
             "<span style='background:#9999991f'>المضمون</span> · "
             "<span style='border-bottom:1px dotted #999'>ذكر</span> · "
             "<span style='text-decoration:underline wavy #999'>موقف</span>")
    return f'<div class="legend" style="font-size:85%;margin-bottom:6px">{"".join(items)} {kinds}</div>'


def _problem_list(problems: list[str]) -> str:
    """The rows left unhighlighted, listed above the article (nothing when there are none)."""
    if not problems:
        return ""
    items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
    return (f'<div class="problems" dir="ltr" lang="en" style="text-align:left;font-size:85%;'
            f'color:{NEUTRAL_INK}">{len(problems)} row(s) not highlighted:<ul>{items}</ul></div>')


def show_article(result, article_id: str, **tables: pd.DataFrame | None) -> ArticleView:
    """Render one article right to left with its speakers, cues, content and stance.

    Parameters
    ----------
    result : object, dict or DataFrame
        The pipeline result (attributes ``articles``, ``sentences``, ``mentions``,
        ``attributions``, ``stance``), a dict of those tables, or the articles DataFrame
        itself (then pass the other tables as keywords).
    article_id : str
        The article to show.
    **tables : DataFrame
        ``mentions=``, ``attributions=``, ``stance=`` (and ``articles=``) override or
        complete what ``result`` holds.

    Returns
    -------
    ArticleView
        ``.html`` (a ``<div dir="rtl" lang="ar">``), the highlighted ``.spans`` and the
        ``.problems``; Jupyter displays it directly.

    Raises
    ------
    KeyError
        If the article is not in the articles table.

    Warns
    -----
    UserWarning
        When a row's offsets fall outside the string they index (or a mention has none):
        the row is not highlighted, the view lists it above the text and in ``.problems``.

    Examples
    --------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"article_id": ["a"], "title": ["<b>"], "body": [""]})
    >>> "&lt;b&gt;" in show_article(articles, "a").html
    True
    """
    unknown = set(tables) - set(_TABLES)
    if unknown:
        raise TypeError(f"show_article got unknown tables {sorted(unknown)}; use {list(_TABLES)}")
    found = collect_tables(result, tables)
    if "articles" not in found:
        raise ValueError("show_article needs the articles table (title and body strings)")
    title, body = _article_strings(found["articles"], article_id)
    problems: list[str] = []
    spans = _spans_for(found, article_id, {"title": len(title), "body": len(body)}, problems)
    if problems:
        warnings.warn(f"show_article: {len(problems)} row(s) of article {article_id!r} are not "
                      f"highlighted; first: {problems[0]} (all in the view's .problems)",
                      UserWarning, stacklevel=2)
    by_part = {part: [s for s in spans if s.part == part] for part in ("title", "body")}
    page = (
        f'<div class="framing-article" dir="rtl" lang="ar" '
        f'data-article-id="{html.escape(article_id)}" '
        'style="text-align:right;line-height:1.9;font-family:\'IBM Plex Sans Arabic\','
        'Tahoma,sans-serif">'
        f"{_legend()}{_problem_list(problems)}"
        f'<h3 class="title" dir="rtl">{_render_text(title, by_part["title"])}</h3>'
        f'<div class="body" dir="rtl" style="white-space:pre-wrap">'
        f'{_render_text(body, by_part["body"])}</div></div>'
    )
    return ArticleView(article_id=article_id, html=page, spans=spans, problems=problems)
