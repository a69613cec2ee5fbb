"""Publication figures of who speaks, how, and with what stance, with shaped Arabic.

Every ``plot_*`` function takes the tidy tables of :mod:`analysis.corpus.schema` (one
article or a whole corpus), draws on ``ax`` (a new single-column figure when ``ax`` is
None) and returns the Axes; nothing here writes a file. Each plot draws exactly the
numbers of its ``build_*_table`` twin in :mod:`analysis.figures.tables`, which
:func:`analysis.figures.saving.save_figure` stores next to the figure as CSV.

Labels come in Arabic (``labels="ar"``), English (``"en"``) or both (``"both"``), named
by :mod:`analysis.figures.glossary`. Every string goes through
:func:`analysis.figures.labels.arabic_label` at the moment it is handed to matplotlib,
never before.

Examples
--------
>>> import pandas as pd
>>> from analysis.corpus.schema import ATTRIBUTIONS
>>> attributions = pd.DataFrame(
...     [{"source_side": "russia", "content_words": 12}, {"source_side": "us", "content_words": 4}]
... ).reindex(columns=ATTRIBUTIONS)
>>> ax = plot_share_of_voice(attributions, labels="en")
>>> [t.get_text() for t in ax.get_yticklabels()]
['Attributions', 'Quoted words']
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Literal

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from analysis.corpus import schema
from analysis.figures.fonts import COLUMN_WIDTH, DOUBLE_COLUMN_WIDTH, FONT_FAMILIES, style_context
from analysis.figures.glossary import (
    CATEGORY_COLORS,
    CATEGORY_HATCHES,
    CATEGORY_RAMP,
    NEUTRAL_INK,
    SIDE_COLORS,
    CUE_NAMES,
    LabelLanguage,
    check_labels,
    combine_labels,
    join_labels,
    label_for,
    pair_label,
    side_color,
)
from analysis.figures.labels import arabic_label
from analysis.figures.tables import (
    build_cue_category_table,
    build_outlet_side_table,
    build_share_of_voice_table,
    build_source_type_table,
    build_stance_table,
    build_strip_table,
    build_top_sources_table,
    ordered_sides,
    sentence_keys,
)

__all__ = [
    "plot_article_strip",
    "plot_cue_categories",
    "plot_outlet_sides",
    "plot_share_of_voice",
    "plot_source_types",
    "plot_stance",
    "plot_top_sources",
]

_NEGATIVE_KINDS = ("blame", "criticism", "threat", "denial")
_POSITIVE_KINDS = ("praise", "cooperation")


# -- drawing helpers ----------------------------------------------------------------------
def _show(text: str) -> str:
    """The one place where a label meets matplotlib."""
    return arabic_label(str(text))


def _font(text_artist) -> None:
    text_artist.set_fontfamily(FONT_FAMILIES)


def _finish(ax: Axes) -> Axes:
    """Force the house font on every text of the Axes, even on a foreign Axes."""
    for artist in [ax.title, ax.xaxis.label, ax.yaxis.label,
                   *ax.get_xticklabels(), *ax.get_yticklabels(), *ax.texts]:
        _font(artist)
    legend = ax.get_legend()
    if legend is not None:
        for artist in [*legend.get_texts(), legend.get_title()]:
            _font(artist)
    return ax


def _styled(plot):
    """Run a plot function inside the house style (font registered, sizes, fonttypes)."""

    @functools.wraps(plot)
    def wrapper(*args, **kwargs):
        with style_context():
            return plot(*args, **kwargs)

    return wrapper


def _legend_below(ax: Axes, ncols: int) -> None:
    """A legend centred under the x-axis label, however many lines that label has."""
    ax.figure.draw_without_rendering()
    inverse = ax.transAxes.inverted()
    boxes = [ax.xaxis.label.get_window_extent(), *(t.get_window_extent()
                                                  for t in ax.get_xticklabels() if t.get_text())]
    lowest = min(inverse.transform((0, box.y0))[1] for box in boxes if box.height > 0) \
        if any(box.height > 0 for box in boxes) else 0.0
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, lowest - 0.04), ncols=ncols)


def _new_axes(ax: Axes | None, width: float = COLUMN_WIDTH, height: float = 2.4) -> Axes:
    if ax is not None:
        return ax
    with style_context():
        fig = Figure(figsize=(width, height))
        return fig.add_subplot()


# -- share of voice ---------------------------------------------------------------------
def _stacked_bars(ax: Axes, table: pd.DataFrame, row_col: str, part_col: str,
                  rows: list[str], parts: list[str], colors: dict[str, str],
                  row_labels: dict[str, str], part_labels: dict[str, str]) -> None:
    """Horizontal 100 % bars, one per row, annotated with the count of every segment."""
    for y, row in enumerate(rows):
        left = 0.0
        sub = table[table[row_col] == row].set_index(part_col)
        for part in parts:
            if part not in sub.index:
                continue
            share, count = float(sub.at[part, "share"]), int(sub.at[part, "count"])
            label = _show(part_labels[part]) if y == 0 else None
            hatch = CATEGORY_HATCHES.get(part) if part not in SIDE_COLORS else None
            ax.barh(y, share, left=left, color=colors[part], label=label, height=0.6,
                    edgecolor="white", linewidth=0.5, hatch=hatch, hatchcolor=NEUTRAL_INK)
            if count:
                ax.text(left + share / 2, y, f"{count:,}", ha="center", va="center",
                        fontsize=6, color=_ink(colors[part]))
            left += share
    ax.set_yticks(range(len(rows)), [_show(row_labels[r]) for r in rows])
    ax.set_xlim(0, 100)
    ax.invert_yaxis()


@_styled
def plot_share_of_voice(
    attributions: pd.DataFrame,
    *,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
) -> Axes:
    """Share of voice by side: attributions and quoted words as 100 % bars.

    Each segment carries its raw count so that thin data stays visible.

    Parameters
    ----------
    attributions : DataFrame
        The attributions table (needs ``source_side`` and ``content_words``).
    sides : sequence of str
        Sides kept apart; the rest is grouped as ``other``.
    ax : Axes, optional
        Where to draw; a new single-column figure by default.
    labels : {"ar", "en", "both"}

    Returns
    -------
    Axes
    """
    check_labels(labels)
    table = build_share_of_voice_table(attributions, sides)
    ax = _new_axes(ax, height=1.6)
    side_order = list(dict.fromkeys(table["side"]))
    _stacked_bars(
        ax, table, "measure", "side", ["attributions", "quoted_words"], side_order,
        {s: side_color(s, i) for i, s in enumerate(side_order)},
        {m: label_for("text", m, labels) for m in ("attributions", "quoted_words")},
        {s: label_for("side", s, labels) for s in side_order},
    )
    ax.set_xlabel(_show(label_for("text", "share", labels)))
    ax.set_title(_show(label_for("text", "share_of_voice", labels)))
    _legend_below(ax, ncols=len(side_order))
    return _finish(ax)


# -- cue categories -----------------------------------------------------------------------
def _grouped_bars(ax: Axes, table: pd.DataFrame, row_col: str, rows: list[str],
                  groups: list[str], value: str, labels: LabelLanguage) -> None:
    """Horizontal bars: one row per category, one bar per side, count at the bar end."""
    height = 0.8 / max(len(groups), 1)
    for i, side in enumerate(groups):
        sub = table[table["side"] == side].set_index(row_col)
        values = [float(sub.at[r, value]) if r in sub.index else 0.0 for r in rows]
        counts = [int(sub.at[r, "count"]) if r in sub.index else 0 for r in rows]
        ys = np.arange(len(rows)) + (i - (len(groups) - 1) / 2) * height
        ax.barh(ys, values, height=height, color=side_color(side, i),
                label=_show(label_for("side", side, labels)))
        for y, v, n in zip(ys, values, counts):
            if n:
                ax.text(v, y, f" {n}", va="center", ha="left", fontsize=5.5)
    ax.invert_yaxis()


@_styled
def plot_cue_categories(
    attributions: pd.DataFrame,
    *,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    show_cues: bool = False,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
) -> Axes:
    """Reporting-cue categories by side (share of each side's attributions).

    Bars show percentages; the number at the end of each bar is the count.

    Parameters
    ----------
    attributions : DataFrame
        Needs ``source_side``, ``cue_category`` (and ``cue_lemma`` for ``show_cues``).
    show_cues : bool
        Append the most frequent Arabic cue words to each category name.
    sides, ax, labels
        As in :func:`plot_share_of_voice`.

    Returns
    -------
    Axes
    """
    check_labels(labels)
    table = build_cue_category_table(attributions, sides)
    categories = list(dict.fromkeys(table["cue_category"]))
    groups = list(dict.fromkeys(table["side"]))
    ax = _new_axes(ax, height=0.4 + 0.28 * max(len(categories), 2))
    _grouped_bars(ax, table, "cue_category", categories, groups, "share", labels)
    names = []
    for category in categories:
        cues = []
        if show_cues:
            cues = list(dict.fromkeys(
                c for cell in table.loc[table["cue_category"] == category, "cues"]
                for c in str(cell).split("، ") if c))
        names.append(_show(_category_with_cues(category, cues, labels)))
    ax.set_yticks(range(len(categories)), names)
    ax.set_xlabel(_show(label_for("text", "share", labels)))
    ax.set_title(_show(label_for("text", "cue_categories", labels)))
    _legend_below(ax, ncols=len(groups))
    return _finish(ax)


def _category_with_cues(category: str, cues: Sequence[str], labels: LabelLanguage) -> str:
    """"محايد: قال، ذكر، نقطتا العنوان": the category, then its cues in Arabic (a cue
    that is no word, such as the headline colon, by its name; in English for
    ``labels="en"``)."""
    name_ar = label_for("cue_category", category, "ar")
    name_en = label_for("cue_category", category, "en")
    if not cues:
        return combine_labels(name_ar, name_en, labels)
    shown = [label_for("cue", c, "en" if labels == "en" else "ar") if c in CUE_NAMES else c
             for c in cues]
    return f"{combine_labels(name_ar, name_en, labels)}: {'، '.join(shown)}"


# -- source types ---------------------------------------------------------------------------
@_styled
def plot_source_types(
    attributions: pd.DataFrame,
    *,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
) -> Axes:
    """Who speaks for each side: person, institution, anonymous, media or document.

    One 100 % bar per side, segments by source type, each annotated with its count.

    Returns
    -------
    Axes
    """
    check_labels(labels)
    table = build_source_type_table(attributions, sides)
    side_order = list(dict.fromkeys(table["side"]))
    types = list(dict.fromkeys(table["source_type"]))
    ax = _new_axes(ax, height=0.9 + 0.3 * len(side_order))
    _stacked_bars(
        ax, table, "side", "source_type", side_order, types,
        {t: CATEGORY_COLORS.get(t, CATEGORY_RAMP[2]) for t in types},
        {s: label_for("side", s, labels) for s in side_order},
        {t: label_for("source_type", t, labels) for t in types},
    )
    ax.set_xlabel(_show(label_for("text", "share", labels)))
    ax.set_title(_show(label_for("text", "source_types", labels)))
    _legend_below(ax, ncols=3)
    return _finish(ax)


# -- top sources -------------------------------------------------------------------------
@_styled
def plot_top_sources(
    attributions: pd.DataFrame,
    *,
    n: int = 8,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
) -> Axes:
    """The most frequently attributed sources, coloured by side, named from the lexicon.

    Returns
    -------
    Axes
    """
    check_labels(labels)
    table = build_top_sources_table(attributions, n, sides)
    ax = _new_axes(ax, height=0.5 + 0.25 * max(len(table), 2))
    ys = np.arange(len(table))
    colors = [side_color(s) for s in table["side"]]
    ax.barh(ys, table["count"], color=colors, height=0.7)
    for y, count, words in zip(ys, table["count"], table["quoted_words"]):
        ax.text(count, y, f" {count} ({words})", va="center", fontsize=5.5)
    ax.set_yticks(ys, [_show(label_for("actor", a, labels)) for a in table["source_actor_id"]])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.invert_yaxis()
    ax.set_xlabel(_show(label_for("text", "attributions", labels)))
    ax.set_title(_show(label_for("text", "top_sources", labels)))
    return _finish(ax)


# -- stance -------------------------------------------------------------------------------
@_styled
def plot_stance(
    stance: pd.DataFrame,
    *,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
) -> Axes:
    """Who evaluates whom: diverging stacked bars per holder → target pair.

    Negative kinds (blame, criticism, threat, denial) extend to the left of zero,
    positive ones (praise, cooperation) to the right; each segment shows its count.

    Returns
    -------
    Axes
    """
    check_labels(labels)
    table = build_stance_table(stance, sides)
    pairs = list(dict.fromkeys(zip(table["holder_side"], table["target_side"])))
    ax = _new_axes(ax, height=0.9 + 0.3 * max(len(pairs), 2))
    seen: set[str] = set()
    for y, (holder, target) in enumerate(pairs):
        sub = table[(table["holder_side"] == holder) & (table["target_side"] == target)]
        left_neg, left_pos = 0.0, 0.0
        for kind in [*_NEGATIVE_KINDS, *_POSITIVE_KINDS]:
            for polarity, count in sub.loc[sub["kind"] == kind, ["polarity", "count"]].itertuples(
                    index=False):
                width = -count if polarity == "negative" else count
                start = left_neg if width < 0 else left_pos
                label = _show(label_for("stance_kind", kind, labels)) if kind not in seen else None
                seen.add(kind)
                color = CATEGORY_COLORS.get(kind, CATEGORY_RAMP[2])
                ax.barh(y, width, left=start, color=color, hatch=CATEGORY_HATCHES.get(kind),
                        hatchcolor=NEUTRAL_INK, height=0.6, edgecolor="white", linewidth=0.5,
                        label=label)
                ax.text(start + width / 2, y, f"{count:,}", ha="center", va="center",
                        fontsize=6, color=_ink(color))
                if width < 0:
                    left_neg += width
                else:
                    left_pos += width
    ax.axvline(0, color="black", linewidth=0.6)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{abs(value):g}"))
    ax.set_yticks(range(len(pairs)), [_show(pair_label(h, t, labels)) for h, t in pairs])
    ax.invert_yaxis()
    ax.set_xlabel(_show(label_for("text", "stance_count", labels)))
    ax.set_title(_show(label_for("text", "stance", labels)))
    if seen:
        _legend_below(ax, ncols=3)
    return _finish(ax)


# -- article strip ------------------------------------------------------------------------
@_styled
def plot_article_strip(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    attributions: pd.DataFrame,
    stance: pd.DataFrame,
    *,
    article_id: str | None = None,
    bins: int | None = None,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
) -> Axes:
    """The article sentence by sentence: who is mentioned, who speaks, who evaluates.

    Three tracks per side. Marker area grows with the count, the largest marker fills
    80 % of the room a sentence has on a track (so no two marks touch, however crowded a
    sentence), and a count above one is written in its marker; a filled square marks a
    sentence where the side is quoted directly, an open one indirect speech; stance
    triangles point down (negative) or up (positive). With Arabic labels the x axis runs
    right to left, as the article is read.

    Parameters
    ----------
    sentences, mentions, attributions, stance : DataFrame
        The pipeline tables (any number of articles).
    article_id : str, optional
        Restrict to one article.
    bins : int, optional
        Pool several articles into this many slices of relative position.

    Returns
    -------
    Axes
    """
    check_labels(labels)
    if article_id is not None:
        tables = [t[t["article_id"] == article_id] for t in (sentences, mentions,
                                                              attributions, stance)]
        if tables[0].empty:
            raise ValueError(f"article_id {article_id!r} is not in the sentences table")
        sentences, mentions, attributions, stance = tables
    table = build_strip_table(sentences, mentions, attributions, stance, sides=sides, bins=bins)
    side_order = ordered_sides(set(table["side"]) | set(sides), sides)
    tracks = ["mentioned", "speaks", "holds_stance"]
    rows = [(side, track) for side in side_order for track in tracks]
    ax = _new_axes(ax, width=DOUBLE_COLUMN_WIDTH, height=0.5 + 0.22 * len(rows))
    names = [join_labels([("side", s), ("text", t)], labels) for s, t in rows]
    ax.set_yticks(range(len(rows)), [_show(n) for n in names])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    n_x = bins if bins is not None else int(sentence_keys(sentences)["n_sentences"].max())
    ax.set_xlim(0.5, n_x + 0.5)
    step = max(1, n_x // 20)
    ax.set_xticks(range(1, n_x + 1, step))
    if labels == "ar":
        ax.invert_xaxis()
    ax.set_xlabel(_show(label_for("text", "sentence" if bins is None else "position", labels)))
    largest = _marker_room(ax, len(rows), n_x)
    most = max(float(table["count"].max()) if len(table) else 1.0, 1.0)
    for y, (side, track) in enumerate(rows):
        sub = table[(table["side"] == side) & (table["track"] == track)]
        _strip_marks(ax, sub, y, track, side_color(side), largest, most)
    ax.set_title(_show(label_for("text", "strip", labels)))
    ax.grid(axis="x", linewidth=0.3, alpha=0.5)
    return _finish(ax)


#: Largest strip marker as a share of the room one sentence has on one track.
_MARKER_FILL = 0.8
#: Smallest strip marker as a share of the largest, so that a count of one stays visible.
_MARKER_FLOOR = 0.35
#: Markers at least this wide (points) hold their count; smaller ones have it beside them.
_COUNT_INSIDE_PT = 8.0


def _marker_room(ax: Axes, n_rows: int, n_x: int) -> float:
    """Diameter (points) of the largest strip marker: it never reaches a neighbour."""
    ax.figure.draw_without_rendering()
    box = ax.get_window_extent()
    points = 72.0 / ax.figure.dpi
    return _MARKER_FILL * min(box.height / max(n_rows, 1), box.width / max(n_x, 1)) * points


def _ink(color: str) -> str:
    """Black or white, whichever reads on ``color``."""
    r, g, b = mpl.colors.to_rgb(color)
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.6 else "white"


def _strip_marks(ax: Axes, sub: pd.DataFrame, y: int, track: str, color: str,
                 largest: float, most: float) -> None:
    """One track of the strip: a marker per sentence, area by count, counts written.

    A count above one is written inside its marker, or beside it when the marker is too
    small to hold it; triangles hold it in their wide half.
    """
    for x, count, direct, negative, positive in sub[
            ["x", "count", "direct", "negative", "positive"]].itertuples(index=False):
        diameter = largest * max(_MARKER_FLOOR, (count / most) ** 0.5)
        filled, marker, shift = True, "o", 0.0
        if track == "speaks":
            filled, marker = direct > 0, "s"
        elif track == "holds_stance":
            marker, shift = ("v", 0.18) if negative >= positive else ("^", -0.18)
        face = color if filled else "none"
        ax.scatter([x], [y], s=diameter ** 2, marker=marker, facecolors=face,
                   edgecolors=color, linewidths=0.8)
        if count < 2:
            continue
        if diameter >= _COUNT_INSIDE_PT:
            ax.annotate(str(count), (x, y), xytext=(0, shift * diameter), textcoords="offset points",
                        ha="center", va="center", fontsize=5,
                        color=_ink(color) if filled else color)
        else:
            ax.annotate(str(count), (x, y), xytext=(diameter / 2 + 1, 0),
                        textcoords="offset points", ha="left", va="center", fontsize=5)


# -- outlets × sides -----------------------------------------------------------------------
@_styled
def plot_outlet_sides(
    articles: pd.DataFrame,
    table: pd.DataFrame,
    *,
    measure: Literal["mentions", "attributions", "quoted_words"] = "attributions",
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    min_total: int = 20,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
) -> Axes:
    """Outlet × side heatmap of within-outlet shares, every cell showing its count.

    Rows whose total is below ``min_total`` are hatched: their shares rest on thin data.

    Returns
    -------
    Axes
    """
    check_labels(labels)
    long = build_outlet_side_table(articles, table, measure=measure, sides=sides)
    outlets = sorted(dict.fromkeys(long["outlet"]))
    side_order = list(dict.fromkeys(long["side"]))
    shares = long.pivot(index="outlet", columns="side", values="share").reindex(
        index=outlets, columns=side_order).fillna(0.0)
    counts = long.pivot(index="outlet", columns="side", values="count").reindex(
        index=outlets, columns=side_order).fillna(0).astype(int)
    totals = counts.sum(axis=1)
    ax = _new_axes(ax, height=0.7 + 0.3 * max(len(outlets), 2))
    image = ax.imshow(shares.to_numpy(float), cmap="Greys", vmin=0, vmax=100, aspect="auto")
    for i, outlet in enumerate(outlets):
        thin = totals[outlet] < min_total
        for j, side in enumerate(side_order):
            share = shares.at[outlet, side]
            ax.text(j, i, f"{share:.0f}%\n(n={counts.at[outlet, side]})", ha="center",
                    va="center", fontsize=5.5, color="white" if share > 55 else "black")
            if thin:
                ax.add_patch(mpl.patches.Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False,
                                                   hatch="////", edgecolor="#999999",
                                                   linewidth=0))
    ax.set_xticks(range(len(side_order)),
                  [_show(label_for("side", s, labels, wrap=True)) for s in side_order])
    ax.set_yticks(range(len(outlets)), [_show(f"{o} (n={totals[o]})") for o in outlets])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title(_show(join_labels([("text", "outlets"), ("text", measure)], labels, wrap=True)))
    colorbar = ax.figure.colorbar(image, ax=ax, shrink=0.8)
    colorbar.set_label(_show(label_for("text", "share", labels, wrap=True)))
    _finish(ax)
    _font(colorbar.ax.yaxis.label)
    _fit_xticklabels(ax)
    return ax


def _overlap(texts: Sequence) -> bool:
    """Whether any two of the drawn ``texts`` touch (1 pixel of air required)."""
    boxes = [t.get_window_extent() for t in texts if t.get_visible() and t.get_text()]
    boxes = [b.expanded(1.0, 1.0).padded(0.5) for b in boxes]
    return any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def _fit_xticklabels(ax: Axes, rotations: Sequence[float] = (30.0, 45.0, 90.0)) -> None:
    """Tilt the x tick labels, as little as will do, when they do not fit side by side.

    A tilted label hangs from its tick by its right end, where an Arabic label begins.
    """
    ax.figure.draw_without_rendering()
    labels = ax.get_xticklabels()
    if not _overlap(labels):
        return
    for rotation in rotations:
        for label in labels:
            label.set_rotation(rotation)
            label.set_horizontalalignment("right" if rotation < 90 else "center")
            label.set_rotation_mode("anchor" if rotation < 90 else "default")
        ax.figure.draw_without_rendering()
        if not _overlap(labels):
            return
