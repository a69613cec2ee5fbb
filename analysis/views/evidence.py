"""The evidence view: an article as right-to-left HTML with every finding highlighted.

:func:`show_article` turns one article and the rows the pipeline found in it into HTML
that Jupyter renders right to left: speakers, reporting cues, quoted or paraphrased
content, other actor mentions and stance evidence are wrapped in ``<span>`` elements
coloured by side, with the category, mode and source in a ``title`` tooltip.
:func:`kwic` lists a term in context as a right-to-left table.

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
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from analysis.text.normalize import normalize, normalize_with_map
from analysis.figures.plotting import GLOSSARY, SIDE_COLORS

__all__ = ["ArticleView", "Span", "blank_runs", "kwic", "show_article"]

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
    """Rendered evidence view; Jupyter shows it through :meth:`_repr_html_`."""

    article_id: str
    html: str
    spans: list[Span] = field(default_factory=list)

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


# -- getting the tables ---------------------------------------------------------------
def _get_tables(result, overrides: dict[str, pd.DataFrame | None]) -> dict[str, pd.DataFrame]:
    """Tables from a pipeline result, a bare articles DataFrame, or keyword arguments."""
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
             lengths: dict[str, int]) -> tuple[str, int, int] | None:
    """Checked (part, start, end) of one row; None when the row has no span at all."""
    start, end = record.get(start_col), record.get(end_col)
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return None
    part = "title" if _value(record, "part", "body") == "title" else "body"
    start, end = int(start), int(end)
    if not 0 <= start <= end <= lengths[part]:
        raise ValueError(
            f"{table} row {row} (article {record.get('article_id')!r}): {start_col}/{end_col} "
            f"= {start}/{end} lie outside the {part} string of length {lengths[part]}; the "
            "table was built from different text. Rebuild it from this article.")
    return part, start, end


def _spans_for(tables: dict[str, pd.DataFrame], article_id: str,
               lengths: dict[str, int]) -> list[Span]:
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
        where = _offsets(rec, "source_start", "source_end", "attributions", i, lengths)
        if where:
            source_spans.add(where)
            spans.append(Span(*where, "speaker", side, f"speaker side-{side}",
                              f"speaker · {common}"))
        where = _offsets(rec, "cue_start", "cue_end", "attributions", i, lengths)
        if where:
            spans.append(Span(*where, "cue", side, f"cue side-{side} cat-{category}",
                              f"cue: {_value(rec, 'cue')} · category: {category} · "
                              f"mode: {mode} · {common}"))
        where = _offsets(rec, "content_start", "content_end", "attributions", i, lengths)
        if where:
            spans.append(Span(*where, "content", side, f"content side-{side} mode-{mode}",
                              f"content · mode: {mode} · category: {category} · "
                              f"words: {_value(rec, 'content_words', '?')} · {common}"))
    for i, rec in rows("mentions"):
        where = _offsets(rec, "start", "end", "mentions", i, lengths)
        if where is None:
            raise ValueError(f"mentions row {i} (article {article_id!r}) has no start/end")
        side = _value(rec, "side", "unknown")
        if where in source_spans:
            continue  # already drawn as the speaker of an attribution
        spans.append(Span(*where, "mention", side, f"mention side-{side}",
                          f"mention: {_value(rec, 'actor_id', '?')} · side: {_side_name(side)}"
                          f" · via: {_value(rec, 'via', '?')}"))
    for i, rec in rows("stance"):
        where = _offsets(rec, "evidence_start", "evidence_end", "stance", i, lengths)
        if where:
            kind = _value(rec, "kind", "?")
            holder = _value(rec, "holder_side", "unknown")
            spans.append(Span(*where, "stance", holder, f"stance kind-{kind} side-{holder}",
                              f"stance: {kind} ({_value(rec, 'polarity', '?')}) · holder: "
                              f"{_value(rec, 'holder', '?')} ({_side_name(holder)}) → target: "
                              f"{_side_name(_value(rec, 'target_side', '?'))}"))
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
        ``.html`` (a ``<div dir="rtl" lang="ar">``) and the highlighted ``.spans``;
        Jupyter displays it directly.

    Raises
    ------
    KeyError
        If the article is not in the articles table.
    ValueError
        If a row's offsets fall outside the article's strings.

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
    found = _get_tables(result, tables)
    if "articles" not in found:
        raise ValueError("show_article needs the articles table (title and body strings)")
    title, body = _article_strings(found["articles"], article_id)
    spans = _spans_for(found, article_id, {"title": len(title), "body": len(body)})
    by_part = {part: [s for s in spans if s.part == part] for part in ("title", "body")}
    page = (
        f'<div class="framing-article" dir="rtl" lang="ar" '
        f'data-article-id="{html.escape(article_id)}" '
        'style="text-align:right;line-height:1.9;font-family:\'IBM Plex Sans Arabic\','
        'Tahoma,sans-serif">'
        f"{_legend()}"
        f'<h3 class="title" dir="rtl">{_render_text(title, by_part["title"])}</h3>'
        f'<div class="body" dir="rtl" style="white-space:pre-wrap">'
        f'{_render_text(body, by_part["body"])}</div></div>'
    )
    return ArticleView(article_id=article_id, html=page, spans=spans)


# -- keyword in context ----------------------------------------------------------------------
def kwic(result, term: str, width: int = 40, *, articles: pd.DataFrame | None = None):
    """Keyword in context over every article title and body, as a right-to-left table.

    The term and the text are compared after :func:`analysis.text.normalize.normalize`
    (alef, ya, ta marbuta, diacritics, tatweel folded); the columns show the original
    text. In the right-to-left table ``before`` sits to the right of the keyword and
    ``after`` to its left, as an Arabic reader expects.

    Parameters
    ----------
    result : object, dict or DataFrame
        Anything :func:`show_article` accepts, or the articles DataFrame.
    term : str
        Word or phrase to find.
    width : int
        Characters of context on each side.

    Returns
    -------
    pandas.io.formats.style.Styler
        Its ``.data`` has ``article_id``, ``part``, ``start``, ``end`` (offsets into the
        original string), ``before``, ``keyword``, ``after``.

    Examples
    --------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"article_id": ["a"], "title": ["t"], "body": ["قال لافروف إن"]})
    >>> kwic(articles, "لافروف", width=4).data[["before", "keyword", "after"]].values.tolist()
    [['قال ', 'لافروف', ' إن']]
    """
    if not isinstance(term, str) or not normalize(term).strip():
        raise ValueError(f"kwic needs a non-empty search term, got {term!r}")
    if width < 0:
        raise ValueError(f"width must be >= 0, got {width}")
    found = _get_tables(result, {"articles": articles})
    if "articles" not in found:
        raise ValueError("kwic needs the articles table (title and body strings)")
    needle = normalize(term).strip()
    rows = []
    frame = found["articles"]
    for record in frame[["article_id", "title", "body"]].to_dict("records"):
        for part in ("title", "body"):
            original = "" if pd.isna(record[part]) else str(record[part])
            mapped = normalize_with_map(original)
            position = mapped.text.find(needle)
            while position != -1:
                start, end = mapped.to_original(position, position + len(needle))
                rows.append({
                    "article_id": record["article_id"], "part": part, "start": start, "end": end,
                    "before": original[max(0, start - width):start].replace("\n", " "),
                    "keyword": original[start:end],
                    "after": original[end:end + width].replace("\n", " "),
                })
                position = mapped.text.find(needle, position + max(len(needle), 1))
    columns = ["article_id", "part", "start", "end", "before", "keyword", "after"]
    table = pd.DataFrame(rows, columns=columns).astype(
        {"article_id": "string", "part": "string", "before": "string", "keyword": "string",
         "after": "string", "start": "int64", "end": "int64"})
    return (
        table.style.set_table_attributes('dir="rtl" class="framing-kwic"')
        .set_properties(subset=["before"], **{"text-align": "left"})
        .set_properties(subset=["after"], **{"text-align": "right"})
        .set_properties(subset=["keyword"], **{"font-weight": "bold", "text-align": "center"})
        .hide(axis="index")
    )
