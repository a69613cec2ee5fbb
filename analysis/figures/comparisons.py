"""The paper figures: groups (outlets) compared, every estimate with its interval.

Each ``plot_*`` here draws one table of :mod:`analysis.measures.comparisons` (estimate,
``ci_low``, ``ci_high``, ``thin``) on one Axes and returns it; each ``figure_*`` puts the
panels of one paper figure together with one legend and returns the Figure. Nothing is
computed here but positions: the numbers drawn are exactly the rows of the table, which
:func:`analysis.figures.saving.save_figure` writes next to the figure.

Marks mean one thing each, in every figure: a side is drawn in its colour
(:data:`~analysis.figures.glossary.SIDE_COLORS`); a stance kind by its marker shape on the
brown ramp that no side uses; an open mark is a thin cell, and the legend says why
(fewer than :data:`~analysis.measures.stats.MIN_ARTICLES` articles, or fewer than
:data:`~analysis.measures.stats.MIN_UNITS` units in a share's denominator). Counts carry
thousands separators. Every label goes through
:func:`analysis.figures.labels.arabic_label`, at the moment it is handed to matplotlib.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame({
...     "measure": "voice_attributions", "group": ["X", "X"], "side": ["russia", "us"],
...     "category": "", "estimate": [40.0, 60.0], "ci_low": [30.0, 50.0],
...     "ci_high": [50.0, 70.0], "unit": "%", "n_articles": [25, 25], "numerator": [4.0, 6.0],
...     "denominator": [10.0, 10.0], "thin": [False, True], "why_thin": ["", "fewer than 30 units"]})
>>> ax = plot_group_intervals(table, sides=["russia", "us"], labels="en")
>>> [t.get_text() for t in ax.get_yticklabels()]
['X\\n(n=25)']
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import FixedLocator, FuncFormatter

from analysis.corpus import schema
from analysis.figures.fonts import DOUBLE_COLUMN_WIDTH, FONT_FAMILIES, style_context
from analysis.figures.glossary import (
    CATEGORY_COLORS,
    CATEGORY_RAMP,
    GROUP_MARKERS,
    NEUTRAL_INK,
    STANCE_MARKERS,
    LabelLanguage,
    check_labels,
    combine_labels,
    label_for,
    month_label,
    side_color,
)
from analysis.figures.plots import _finish, _show, _styled

__all__ = [
    "figure_coverage",
    "figure_cue_profile",
    "figure_share_of_voice",
    "figure_source_shares",
    "figure_stance",
    "group_order",
    "plot_coverage",
    "plot_coverage_counts",
    "plot_cue_profile",
    "plot_group_intervals",
    "plot_stance_rates",
    "text_overlaps",
]

#: Marker size (points) of an estimate.
MARK_SIZE = 4.2
#: Width of a group's row taken up by its dodged marks (1 = the whole row).
DODGE = 0.72
#: Ticks of the square-root axis of the cue profile (percent).
SQRT_TICKS = (0, 1, 5, 10, 25, 50, 75)


# -- helpers ----------------------------------------------------------------------------
def group_order(groups: Sequence[str], pooled: str = "all") -> list[str]:
    """Groups sorted by name, the pooled group last.

    Examples
    --------
    >>> group_order(["b", "all", "a"])
    ['a', 'b', 'all']
    """
    names = sorted({str(g) for g in groups} - {pooled})
    return names + ([pooled] if pooled in set(map(str, groups)) else [])


def _offsets(n: int) -> np.ndarray:
    return np.linspace(-DODGE / 2, DODGE / 2, n) if n > 1 else np.zeros(1)


def _group_label(group: str, n: int | None, labels: LabelLanguage) -> str:
    arabic, english = label_for("outlet", group, "ar"), label_for("outlet", group, "en")
    if arabic == english:  # a name the glossary does not know (a user's outlet): once
        return group if n is None else f"{group} (n={n:,})"
    if n is not None:
        arabic, english = f"{arabic} ({n:,} مقالا)", f"{english} (n={n:,})"
    if labels == "both":
        return f"{label_for('outlet', group, 'ar')}\n{english}"
    return arabic if labels == "ar" else english


#: Opacity of the mark of a thin cell (its interval is dotted).
THIN_ALPHA = 0.35


def _mark(ax: Axes, x: float, y: float, low: float, high: float, *, color: str, thin: bool,
          marker: str = "o", filled: bool = True, horizontal: bool = True,
          edge: str | None = None) -> None:
    """One estimate: its interval as a line, the estimate as a marker.

    A thin cell keeps its colour and shape but is faded, with a dotted interval; an
    open marker (``filled=False``) is a property of the thing drawn (a positive stance
    kind), never of the data's thinness.
    """
    if not np.isfinite(x):
        return
    alpha = THIN_ALPHA if thin else 1.0
    if np.isfinite(low) and np.isfinite(high):
        xs, ys = ([low, high], [y, y]) if horizontal else ([x, x], [low, high])
        ax.plot(xs, ys, color=color, linewidth=1.1, linestyle=":" if thin else "-",
                solid_capstyle="butt", dash_capstyle="butt", alpha=alpha, zorder=2)
    px, py = (y, x) if not horizontal else (x, y)
    if filled:
        face, outline, width = color, (edge or NEUTRAL_INK), 0.5
    else:
        face, outline, width = "white", (edge or color), 1.1
    ax.plot([px], [py], marker=marker, markersize=MARK_SIZE, markerfacecolor=face,
            markeredgecolor=outline, markeredgewidth=width, linestyle="none", alpha=alpha,
            zorder=3)


def _side_handle(side: str, labels: LabelLanguage, index: int = 0) -> tuple[Line2D, str]:
    color = side_color(side, index)
    handle = Line2D([0, 1], [0, 0], color=color, linewidth=1.1, marker="o",
                    markersize=MARK_SIZE, markerfacecolor=color, markeredgecolor=NEUTRAL_INK,
                    markeredgewidth=0.5)
    return handle, label_for("side", side, labels)


def _interval_handle(labels: LabelLanguage, draws: int | None) -> tuple[Line2D, str]:
    handle = Line2D([0, 1], [0, 0], color=NEUTRAL_INK, linewidth=1.1)
    arabic, english = (label_for("text", "interval", "ar"), label_for("text", "interval", "en"))
    if draws:
        arabic, english = f"{arabic}، {draws:,} سحبة", f"{english}, {draws:,} draws"
    return handle, combine_labels(arabic, english, labels, wrap=True)


def _thin_handle(tables: Sequence[pd.DataFrame], labels: LabelLanguage) -> tuple[Line2D, str] | None:
    """The legend entry of the open mark, saying why the cells it marks are thin."""
    reasons = sorted({r for t in tables for cell in t.loc[t["thin"].astype(bool), "why_thin"]
                      for r in str(cell).split("; ") if r})
    if not reasons:
        return None
    handle = Line2D([0, 1], [0, 0], color=NEUTRAL_INK, linewidth=1.1, linestyle=":", marker="o",
                    markersize=MARK_SIZE, markerfacecolor=CATEGORY_RAMP[3],
                    markeredgecolor=NEUTRAL_INK, markeredgewidth=0.5, alpha=THIN_ALPHA)
    arabic_reasons = [_ARABIC_REASONS.get(r, r) for r in reasons]
    arabic = f"{label_for('text', 'thin', 'ar')} ({' أو '.join(arabic_reasons)})"
    english = f"{label_for('text', 'thin', 'en')} ({' or '.join(reasons)})"
    return handle, combine_labels(arabic, english, labels, wrap=True)


def _arabic_reasons() -> dict[str, str]:
    from analysis.measures.stats import MIN_ARTICLES, MIN_UNITS

    return {f"fewer than {MIN_ARTICLES} articles": f"أقل من {MIN_ARTICLES} مقالا",
            f"fewer than {MIN_UNITS} units in the denominator": f"أقل من {MIN_UNITS} وحدة في المقام"}


_ARABIC_REASONS = _arabic_reasons()


def _legend(fig: Figure, entries: Sequence[tuple[Line2D, str] | None], ncols: int) -> None:
    entries = [e for e in entries if e is not None]
    legend = fig.legend([h for h, _ in entries], [_show(t) for _, t in entries],
                        loc="outside lower center", ncols=min(ncols, len(entries)),
                        handlelength=1.6, columnspacing=1.4)
    for text in legend.get_texts():
        text.set_fontfamily(FONT_FAMILIES)


def _title(fig: Figure, key: str, labels: LabelLanguage) -> None:
    fig.suptitle(_show(label_for("text", key, labels)), fontfamily=FONT_FAMILIES)


def _frozen(fig: Figure) -> Figure:
    """Lay the figure out once and keep that layout: every later draw (each saved format,
    the overlap check) reuses the positions instead of solving the layout again."""
    with style_context():
        fig.draw_without_rendering()
    fig.set_layout_engine("none")
    return fig


def _new_figure(width: float, height: float) -> Figure:
    with style_context():
        return Figure(figsize=(width, height), layout="constrained")


def _percent_axis(ax: Axes, axis: str = "x") -> None:
    formatter = FuncFormatter(lambda v, _: f"{v:,.0f}")
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(formatter)


def _upper(values: pd.Series, default: float = 1.0) -> float:
    """The largest finite value, or ``default`` when there is none (an empty table)."""
    finite = pd.to_numeric(values, errors="coerce").to_numpy(float)
    finite = finite[np.isfinite(finite)]
    return float(max(finite.max(), default)) if len(finite) else default


def _only(table: pd.DataFrame, **where: str) -> pd.DataFrame:
    mask = pd.Series(True, index=table.index)
    for column, value in where.items():
        mask &= table[column].astype(str) == value
    return table[mask]


# -- groups × sides ---------------------------------------------------------------------
@_styled
def plot_group_intervals(
    table: pd.DataFrame,
    *,
    sides: Sequence[str],
    groups: Sequence[str] | None = None,
    xlabel: str | None = None,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
    show_groups: bool = True,
) -> Axes:
    """Estimates with intervals: one row per group, the sides dodged within it.

    Parameters
    ----------
    table : DataFrame
        One measure of :mod:`analysis.measures.comparisons` (``group``, ``side``,
        ``estimate``, ``ci_low``, ``ci_high``, ``n_articles``, ``thin``).
    sides : sequence of str
        Sides to draw, top to bottom within a group, each in its colour.
    groups : sequence of str, optional
        Rows, top to bottom (default :func:`group_order`); the pooled group ``all`` is
        set apart by a line.
    xlabel : str, optional
        A ``text`` key of the glossary for the x axis.
    show_groups : bool
        Write the group names (with their number of articles) as tick labels.

    Returns
    -------
    Axes
    """
    check_labels(labels)
    groups = list(groups) if groups is not None else group_order(table["group"])
    if ax is None:
        ax = _new_figure(DOUBLE_COLUMN_WIDTH / 2, 0.6 + 0.42 * len(groups)).add_subplot()
    offsets = _offsets(len(sides))
    for y, group in enumerate(groups):
        rows = table[table["group"].astype(str) == group].set_index("side")
        for offset, side in zip(offsets, sides):
            if side not in rows.index:
                continue
            row = rows.loc[side]
            _mark(ax, float(row["estimate"]), y + offset, float(row["ci_low"]), float(row["ci_high"]),
                  color=side_color(side), thin=bool(row["thin"]))
    n_of = _articles_per_group(table)
    ax.set_yticks(range(len(groups)), [_show(_group_label(g, n_of.get(g), labels)) for g in groups])
    ax.tick_params(axis="y", labelleft=show_groups)
    ax.set_ylim(len(groups) - 0.5, -0.5)
    if "all" in groups and len(groups) > 1:
        ax.axhline(groups.index("all") - 0.5, color=NEUTRAL_INK, linewidth=0.4)
    ax.set_xlim(left=0)
    _percent_axis(ax)
    ax.grid(axis="x", linewidth=0.3, alpha=0.5)
    if xlabel:
        ax.set_xlabel(_show(label_for("text", xlabel, labels)))
    ax.tick_params(axis="y", length=0)
    return _finish(ax)


def _articles_per_group(table: pd.DataFrame) -> dict[str, int]:
    """Articles of each group (``n_group``; the largest ``n_articles`` when it is absent)."""
    key = "n_group" if "n_group" in table.columns else "n_articles"
    return {str(g): int(v) for g, v in table.groupby("group")[key].max().items()}


@_styled
def figure_share_of_voice(attributions: pd.DataFrame, words: pd.DataFrame, *,
                          labels: LabelLanguage = "ar", draws: int | None = None) -> Figure:
    """Share of voice by group × side: of attributions (left) and of quoted words (right)."""
    sides = [s for s in ("russia", "us", "other", "unknown") if s in set(attributions["side"])]
    groups = group_order(attributions["group"])
    fig = _new_figure(DOUBLE_COLUMN_WIDTH, 1.3 + 0.5 * len(groups))
    left, right = fig.subplots(1, 2, sharey=True)
    plot_group_intervals(attributions, sides=sides, groups=groups, ax=left, labels=labels,
                         xlabel="voice_attributions")
    plot_group_intervals(words, sides=sides, groups=groups, ax=right, labels=labels,
                         xlabel="voice_quoted_words", show_groups=False)
    _title(fig, "voice_title", labels)
    _legend(fig, [*(_side_handle(s, labels) for s in sides),
                  _interval_handle(labels, draws),
                  _thin_handle([attributions, words], labels)], ncols=3)
    return _frozen(fig)


@_styled
def figure_source_shares(direct: pd.DataFrame, anonymous: pd.DataFrame, *,
                         labels: LabelLanguage = "ar", draws: int | None = None) -> Figure:
    """Direct-quote share (left) and anonymous-source share (right) of each side's attributions."""
    sides = [s for s in ("russia", "us") if s in set(direct["side"])]
    groups = group_order(direct["group"])
    fig = _new_figure(DOUBLE_COLUMN_WIDTH, 1.4 + 0.45 * len(groups))
    left, right = fig.subplots(1, 2, sharey=True)
    plot_group_intervals(direct, sides=sides, groups=groups, ax=left, labels=labels,
                         xlabel="direct_share")
    plot_group_intervals(anonymous, sides=sides, groups=groups, ax=right, labels=labels,
                         xlabel="anonymous_share", show_groups=False)
    _title(fig, "sources_title", labels)
    _legend(fig, [*(_side_handle(s, labels) for s in sides),
                  _interval_handle(labels, draws),
                  _thin_handle([direct, anonymous], labels)], ncols=4)
    return _frozen(fig)


# -- cue profile --------------------------------------------------------------------------
def _sqrt_axis(ax: Axes, high: float) -> None:
    ax.set_xscale("function", functions=(lambda v: np.sqrt(np.clip(v, 0, None)), np.square))
    ticks = [t for t in SQRT_TICKS if t <= high] or [0]
    ax.set_xlim(0, max(high, 1.0))
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_minor_locator(FixedLocator([]))
    _percent_axis(ax)


@_styled
def plot_cue_profile(
    table: pd.DataFrame,
    *,
    group: str,
    sides: Sequence[str] = ("russia", "us"),
    categories: Sequence[str] | None = None,
    xmax: float | None = None,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
    show_categories: bool = True,
) -> Axes:
    """Cue categories of each side in one group: share of the side's attributions.

    The x axis is on a square-root scale, so that the large neutral category and the
    small charged ones (accusation, denial, warning …) can be read on one axis.
    """
    check_labels(labels)
    rows = _only(table, group=group)
    categories = list(categories) if categories is not None else [
        c for c in schema.CUE_CATEGORIES if c in set(rows["category"])]
    if ax is None:
        ax = _new_figure(DOUBLE_COLUMN_WIDTH / 3, 0.8 + 0.2 * len(categories)).add_subplot()
    offsets = _offsets(len(sides)) * 0.8
    cells = rows.set_index(["side", "category"])
    for y, category in enumerate(categories):
        for offset, side in zip(offsets, sides):
            if (side, category) not in cells.index:
                continue
            row = cells.loc[(side, category)]
            _mark(ax, float(row["estimate"]), y + offset, float(row["ci_low"]), float(row["ci_high"]),
                  color=side_color(side), thin=bool(row["thin"]))
    high = xmax if xmax is not None else _upper(rows["ci_high"])
    _sqrt_axis(ax, high)
    ax.set_yticks(range(len(categories)), [_show(label_for("cue_category", c, labels)) for c in categories])
    ax.tick_params(axis="y", labelleft=show_categories)
    ax.set_ylim(len(categories) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", linewidth=0.3, alpha=0.5)
    n = rows.loc[rows["side"].isin(sides)].groupby("side")["denominator"].max()
    language = "en" if labels == "en" else "ar"
    counts = " · ".join(f"{label_for('side', s, language)} {int(n[s]):,}" for s in sides if s in n.index)
    ax.set_title(_show(f"{label_for('outlet', group, labels)}\n{counts}"), fontsize=7)
    return _finish(ax)


@_styled
def figure_cue_profile(table: pd.DataFrame, *, labels: LabelLanguage = "ar",
                       columns: int = 3, draws: int | None = None) -> Figure:
    """The cue-category profile of the Russian and the US side, one panel per group."""
    groups = group_order(table["group"])
    sides = [s for s in ("russia", "us") if s in set(table["side"])]
    categories = [c for c in schema.CUE_CATEGORIES if c in set(table["category"])]
    n_rows = -(-len(groups) // columns)
    fig = _new_figure(DOUBLE_COLUMN_WIDTH, 0.9 + n_rows * (0.55 + 0.19 * len(categories)))
    axes = np.atleast_2d(fig.subplots(n_rows, columns, sharey=True, sharex=True))
    xmax = _upper(table["ci_high"])
    for index, ax in enumerate(axes.flat):
        if index >= len(groups):
            ax.set_visible(False)
            continue
        plot_cue_profile(table, group=groups[index], sides=sides, categories=categories, xmax=xmax,
                         ax=ax, labels=labels, show_categories=index % columns == 0)
        if index + columns >= len(groups):
            ax.tick_params(axis="x", labelbottom=True)
    _bottom_label(axes, len(groups), columns, label_for("text", "cue_share", labels))
    _title(fig, "cue_profile_title", labels)
    _legend(fig, [*(_side_handle(s, labels) for s in sides), _interval_handle(labels, draws),
                  _thin_handle([table], labels)], ncols=4)
    return _frozen(fig)


# -- stance ---------------------------------------------------------------------------------
def _pair_text(pair: str, labels: LabelLanguage) -> str:
    holder, _, target = pair.partition(">")
    arabic = f"{label_for('side', holder, 'ar')} ← {label_for('side', target, 'ar')}"
    english = f"{label_for('side', holder, 'en')} → {label_for('side', target, 'en')}"
    return combine_labels(arabic, english, labels, wrap=True)


@_styled
def plot_stance_rates(
    table: pd.DataFrame,
    *,
    group: str,
    pairs: Sequence[str] | None = None,
    kinds: Sequence[str] = schema.STANCE_KINDS,
    xmax: float | None = None,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
    show_pairs: bool = True,
) -> Axes:
    """Stance units per 100 articles in one group: rows are holder → target pairs, the
    kinds dodged within a row, each kind by its marker (filled negative, open positive)."""
    check_labels(labels)
    rows = _only(table, group=group)
    pairs = list(pairs) if pairs is not None else list(dict.fromkeys(rows["side"]))
    if ax is None:
        ax = _new_figure(DOUBLE_COLUMN_WIDTH / 3, 0.8 + 0.4 * len(pairs)).add_subplot()
    offsets = _offsets(len(kinds)) * 1.05
    cells = rows.set_index(["side", "category"])
    for y, pair in enumerate(pairs):
        for offset, kind in zip(offsets, kinds):
            if (pair, kind) not in cells.index:
                continue
            row = cells.loc[(pair, kind)]
            marker, filled = STANCE_MARKERS[kind]
            color = CATEGORY_COLORS[kind]
            _mark(ax, float(row["estimate"]), y + offset, float(row["ci_low"]), float(row["ci_high"]),
                  color=color if filled else CATEGORY_RAMP[3], thin=bool(row["thin"]), marker=marker,
                  filled=filled, edge=NEUTRAL_INK)
    ax.set_yticks(range(len(pairs)), [_show(_pair_text(p, labels)) for p in pairs])
    ax.tick_params(axis="y", labelleft=show_pairs)
    for y in range(len(pairs) - 1):
        ax.axhline(y + 0.5, color=CATEGORY_RAMP[1], linewidth=0.4)
    ax.set_ylim(len(pairs) - 0.5, -0.5)
    ax.set_xlim(0, xmax if xmax is not None else None)
    _percent_axis(ax)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", linewidth=0.3, alpha=0.5)
    n = int(rows["denominator"].max()) if len(rows) else 0
    ax.set_title(_show(f"{label_for('outlet', group, labels)}\n(n={n:,})"), fontsize=7)
    return _finish(ax)


def _bottom_label(axes: np.ndarray, n_panels: int, columns: int, text: str) -> None:
    """One x label for a grid of panels, under the middle panel of the last row."""
    last_row = (n_panels - 1) // columns
    in_row = n_panels - last_row * columns
    ax = axes.flat[last_row * columns + (in_row - 1) // 2]
    ax.set_xlabel(_show(text))
    ax.xaxis.label.set_fontfamily(FONT_FAMILIES)


def _kind_handle(kind: str, labels: LabelLanguage) -> tuple[Line2D, str]:
    marker, filled = STANCE_MARKERS[kind]
    face = CATEGORY_COLORS[kind] if filled else "white"
    handle = Line2D([0], [0], marker=marker, markersize=MARK_SIZE + 0.6, markerfacecolor=face,
                    markeredgecolor=NEUTRAL_INK, markeredgewidth=0.5 if filled else 1.1,
                    linestyle="none")
    return handle, label_for("stance_kind", kind, labels)


@_styled
def figure_stance(table: pd.DataFrame, *, labels: LabelLanguage = "ar", columns: int = 3, draws: int | None = None) -> Figure:
    """Stance between the sides: units per 100 articles by pair and kind, one panel per group.

    A thin cell here is a kind that fewer than the minimum number of articles of the group
    hold at all; its open mark and the open mark of a positive kind differ in their
    outline (thick and dark for thin cells).
    """
    groups = group_order(table["group"])
    pairs = list(dict.fromkeys(table["side"]))
    kinds = [k for k in schema.STANCE_KINDS if k in set(table["category"])]
    n_rows = -(-len(groups) // columns)
    fig = _new_figure(DOUBLE_COLUMN_WIDTH, 1.2 + n_rows * (0.55 + 0.42 * len(pairs)))
    axes = np.atleast_2d(fig.subplots(n_rows, columns, sharey=True, sharex=True))
    xmax = _upper(table["ci_high"]) * 1.03
    for index, ax in enumerate(axes.flat):
        if index >= len(groups):
            ax.set_visible(False)
            continue
        plot_stance_rates(table, group=groups[index], pairs=pairs, kinds=kinds, xmax=xmax, ax=ax,
                          labels=labels, show_pairs=index % columns == 0)
        if index + columns >= len(groups):
            ax.tick_params(axis="x", labelbottom=True)
    _bottom_label(axes, len(groups), columns, label_for("text", "stance_rate", labels))
    _title(fig, "stance_title", labels)
    _legend(fig, [*(_kind_handle(k, labels) for k in kinds), _interval_handle(labels, draws),
                  _thin_handle([table], labels)], ncols=4)
    return _frozen(fig)


# -- coverage ----------------------------------------------------------------------------
@_styled
def plot_coverage_counts(table: pd.DataFrame, *, periods: Sequence[str], ax: Axes | None = None,
                         labels: LabelLanguage = "ar", group: str = "all") -> Axes:
    """Selected articles per period (of ``group``; every group summed when it is absent)."""
    check_labels(labels)
    rows = _only(table, group=group) if group in set(table["group"]) else table
    counts = rows.groupby("category")["numerator"].sum().reindex(list(periods), fill_value=0)
    if ax is None:
        ax = _new_figure(DOUBLE_COLUMN_WIDTH, 1.4).add_subplot()
    xs = np.arange(len(periods))
    ax.bar(xs, counts.to_numpy(float), width=0.6, color=CATEGORY_RAMP[2], edgecolor=NEUTRAL_INK,
           linewidth=0.4)
    for x, value in zip(xs, counts.to_numpy(float)):
        ax.text(x, value, f"{int(value):,}", ha="center", va="bottom", fontsize=6)
    ax.set_xticks(xs, ["" for _ in periods])
    ax.set_xlim(-0.5, max(len(periods), 1) - 0.5)
    ax.set_ylim(0, _upper(counts) * 1.22)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_title(_show(label_for("text", "coverage_count", labels)), fontsize=7)
    return _finish(ax)


@_styled
def plot_coverage(table: pd.DataFrame, *, periods: Sequence[str], groups: Sequence[str] | None = None,
                  ax: Axes | None = None, labels: LabelLanguage = "ar") -> Axes:
    """Share of each group's articles of a period that the study selected, with intervals;
    groups are dodged within a period and told apart by their marker."""
    check_labels(labels)
    groups = list(groups) if groups is not None else [g for g in group_order(table["group"]) if g != "all"]
    if ax is None:
        ax = _new_figure(DOUBLE_COLUMN_WIDTH, 2.4).add_subplot()
    offsets = _offsets(len(groups)) * 0.9
    for offset, (index, group) in zip(offsets, enumerate(groups)):
        cells = _only(table, group=group).set_index("category")
        for x, period in enumerate(periods):
            if period not in cells.index:
                continue
            row = cells.loc[period]
            _mark(ax, float(row["estimate"]), x + offset, float(row["ci_low"]), float(row["ci_high"]),
                  color=CATEGORY_RAMP[3 + index % 3], thin=bool(row["thin"]),
                  marker=GROUP_MARKERS[index % len(GROUP_MARKERS)], horizontal=False)
    ax.set_xticks(range(len(periods)), [_show(month_label(p, labels, wrap=True)) for p in periods])
    ax.set_xlim(-0.5, max(len(periods), 1) - 0.5)
    if not periods:
        ax.text(0.5, 0.5, _show(label_for("text", "no_dates", labels)), transform=ax.transAxes,
                ha="center", va="center")
    ax.set_ylim(bottom=0)
    _percent_axis(ax, "y")
    ax.grid(axis="y", linewidth=0.3, alpha=0.5)
    ax.set_ylabel(_show(label_for("text", "coverage_share", labels, wrap=True)))
    return _finish(ax)


def _group_handle(index: int, group: str, n: int, labels: LabelLanguage) -> tuple[Line2D, str]:
    color = CATEGORY_RAMP[3 + index % 3]
    handle = Line2D([0, 0], [0, 1], color=color, linewidth=1.1, marker=GROUP_MARKERS[index % len(GROUP_MARKERS)],
                    markersize=MARK_SIZE, markerfacecolor=color, markeredgecolor=NEUTRAL_INK,
                    markeredgewidth=0.5)
    arabic, english = label_for("outlet", group, "ar"), label_for("outlet", group, "en")
    if arabic == english:  # a name the glossary does not know (a user's outlet): once
        return handle, f"{group} (n={n:,})"
    arabic, english = f"{arabic} ({n:,} مقالا مختارا)", f"{english} ({n:,} selected)"
    return handle, combine_labels(arabic, english, labels, wrap=True)


@_styled
def figure_coverage(table: pd.DataFrame, *, periods: Sequence[str], labels: LabelLanguage = "ar", draws: int | None = None) -> Figure:
    """Coverage month by month: selected articles (top) and their share of each group's
    articles of the month, with intervals (bottom)."""
    groups = [g for g in group_order(table["group"]) if g != "all"]
    fig = _new_figure(DOUBLE_COLUMN_WIDTH, 4.2)
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(1, 2))
    plot_coverage_counts(table, periods=periods, ax=top, labels=labels)
    plot_coverage(table, periods=periods, groups=groups, ax=bottom, labels=labels)
    selected = table[table["category"].isin(periods)].groupby("group")["numerator"].sum()
    _title(fig, "coverage_title", labels)
    _legend(fig, [*(_group_handle(i, g, int(selected.get(g, 0)), labels) for i, g in enumerate(groups)),
                  _interval_handle(labels, draws), _thin_handle([table], labels)], ncols=3)
    return _frozen(fig)


# -- checks --------------------------------------------------------------------------------
def text_overlaps(fig: Figure, pad: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of visible, non-empty texts of ``fig`` whose drawn boxes intersect.

    Every text artist counts: tick labels, axis labels, titles, annotations, legend
    entries. ``pad`` pixels of air are required around each box.

    Examples
    --------
    >>> fig = Figure()
    >>> ax = fig.add_subplot()
    >>> _ = ax.text(0.5, 0.5, "one"), ax.text(0.5, 0.5, "two")
    >>> text_overlaps(fig)
    [('one', 'two')]
    """
    with style_context():
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        canvas = fig.canvas if hasattr(fig.canvas, "get_renderer") else FigureCanvasAgg(fig)
        renderer = canvas.get_renderer()
        fig.draw(renderer)
        found_texts = fig.findobj(Text)
        hidden = _undrawn_tick_labels(fig)
        texts = [t for t in dict.fromkeys(found_texts)  # an artist can be reached twice
                 if t.get_visible() and str(t.get_text()).strip() and _shown(t) and id(t) not in hidden]
        boxes = [(t.get_text(), t.get_window_extent(renderer).padded(pad)) for t in texts]
    found = []
    for i, (text_a, box_a) in enumerate(boxes):
        for text_b, box_b in boxes[i + 1:]:
            if box_a.width > 0 and box_b.width > 0 and box_a.overlaps(box_b):
                found.append((text_a, text_b))
    return found


def _undrawn_tick_labels(fig: Figure) -> set[int]:
    """Ids of tick labels matplotlib does not draw: their tick lies outside the view
    limits, or the axis hides that side's labels."""
    hidden: set[int] = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            span = (high - low) * 1e-9
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                loc = tick.get_loc()
                if loc is None or not low - span <= loc <= high + span:
                    hidden.update((id(tick.label1), id(tick.label2)))
                for label in (tick.label1, tick.label2):
                    if not label.get_visible():
                        hidden.add(id(label))
    return hidden


def _shown(artist) -> bool:
    """False for texts of invisible Axes or of a hidden parent (e.g. an unused panel)."""
    axes = getattr(artist, "axes", None)
    return axes is None or axes.get_visible()
