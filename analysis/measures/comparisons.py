"""Group × side comparisons with intervals: the numbers behind the paper figures.

Each ``build_*_table`` here turns the attribution and stance rows of a set of articles
into one tidy table per measure, every row a group (an outlet, a month, a section, or
``all`` for the articles pooled) × side cell with its estimate, a 95 % percentile
interval from an article-level (cluster) bootstrap (:mod:`analysis.measures.stats`), the
counts behind it and whether the cell is thin. The figures only draw these tables.

Sides in the voice tables are ``russia``, ``us``, ``other`` (every third party the
codebook names: the UN, Iran, Turkey, ...) and ``unknown`` (a source whose side the
extractor could not tell), so that unknown sources are always reported on their own and
never folded into "other". Estimates are in the display unit (``unit`` column): percent
for shares, units per 100 articles for stance.

Examples
--------
Three constructed articles of one outlet; the US side speaks in two of them.

>>> import pandas as pd
>>> articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X"] * 3})
>>> attributions = pd.DataFrame({"article_id": ["a", "a", "b", "c"],
...                              "source_side": ["us", "russia", "us", "unknown"],
...                              "content_words": [10, 5, 5, 2]})
>>> table = build_voice_table(articles, attributions, draws=200)
>>> table.query("group == 'X'")[["side", "estimate", "numerator", "denominator"]].values.tolist()
[['russia', 25.0, 1.0, 4.0], ['us', 50.0, 2.0, 4.0], ['other', 0.0, 0.0, 4.0], ['unknown', 25.0, 1.0, 4.0]]
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.corpus import schema
from analysis.measures.stats import MIN_ARTICLES, BootstrapSpec, bootstrap_table, pairwise_differences

__all__ = [
    "ALL",
    "Intervals",
    "STANCE_PAIRS",
    "VOICE_SIDES",
    "build_coverage_table",
    "build_cue_profile_table",
    "build_differences_table",
    "build_source_share_table",
    "build_stance_rate_table",
    "build_voice_table",
    "voice_side",
]

#: Group name of the articles of every group pooled.
ALL = "all"
#: Sides of the voice tables, in order: unknown stays apart from the third parties.
VOICE_SIDES = ("russia", "us", "other", "unknown")
#: (holder, target) pairs of the stance tables: the two sides evaluating each other, and
#: third parties, holders of unknown side and the writer (``author``: the outlet's own
#: voice) evaluating each side.
STANCE_PAIRS = (("russia", "us"), ("us", "russia"), ("other", "russia"), ("other", "us"),
                ("unknown", "russia"), ("unknown", "us"), ("author", "russia"), ("author", "us"))
TABLE_COLUMNS = ["measure", "group", "side", "category", "estimate", "ci_low", "ci_high", "unit",
                 "n_group", "n_articles", "numerator", "denominator", "thin", "why_thin"]


@dataclass(frozen=True)
class Intervals:
    """Bootstrap settings shared by every table of a study (see :class:`BootstrapSpec`)."""

    draws: int = 2000
    seed: int = 2018
    level: float = 0.95

    def spec(self, denominator: str | None) -> BootstrapSpec:
        return BootstrapSpec("num", denominator, draws=self.draws, level=self.level, seed=self.seed)


def voice_side(side) -> str:
    """``russia``, ``us``, ``unknown`` or ``other`` (any other coded side; missing → unknown).

    Examples
    --------
    >>> [voice_side(s) for s in ("russia", "un", "unknown", None, "author")]
    ['russia', 'other', 'unknown', 'unknown', 'author']
    """
    if side is None or side is pd.NA or (isinstance(side, float) and np.isnan(side)) or side == "":
        return "unknown"
    return side if side in ("russia", "us", "unknown", "author") else "other"


def _article_groups(articles: pd.DataFrame, by: str) -> pd.Series:
    schema.check_columns(articles, ["article_id", by], "articles")
    ids = articles["article_id"].astype("string")
    if ids.duplicated().any():
        raise ValueError(f"articles has repeated article_id values: {ids[ids.duplicated()].head(3).tolist()}")
    groups = articles[by].astype("string").fillna("").replace("", "unknown")
    return pd.Series(groups.to_numpy(), index=ids.to_numpy(), name="group")


def _grid(groups: pd.Series, keys: Sequence[str], rows: pd.DataFrame) -> pd.DataFrame:
    """Every article × key with the summed ``num`` and ``den`` of ``rows`` (zeros where none).

    ``rows`` has ``article_id``, ``key``, ``num`` and ``den``; rows of articles outside
    ``groups`` are an error (they would vanish silently).
    """
    rows = rows.assign(article_id=rows["article_id"].astype("string"))
    outside = sorted(set(rows["article_id"].dropna()) - set(groups.index))
    if outside:
        raise ValueError(f"{len(outside)} article(s) have rows but are not in the articles table, "
                         f"e.g. {outside[:3]}; pass the articles the rows come from")
    sums = rows.groupby(["article_id", "key"])[["num", "den"]].sum()
    index = pd.MultiIndex.from_product([groups.index, list(keys)], names=["article_id", "key"])
    full = sums.reindex(index, fill_value=0).reset_index()
    full["group"] = groups.reindex(full["article_id"]).to_numpy(dtype=object)
    # plain Python strings: the bootstrap groups and compares them many times
    full["article_id"] = full["article_id"].to_numpy(dtype=object)
    return full.rename(columns={"key": "side"}).astype({"side": object})


def _bootstrap(grid: pd.DataFrame, keys: Sequence[str], intervals: Intervals, share: bool,
               pooled: bool) -> pd.DataFrame:
    spec = intervals.spec("den" if share else None)
    tables = [bootstrap_table(grid, spec, group="group", side="side", sides=list(keys))]
    sizes = grid.groupby("group")["article_id"].nunique()
    if pooled and grid["group"].nunique() > 1:
        tables.append(bootstrap_table(grid.assign(group=ALL), spec, group="group", side="side",
                                      sides=list(keys)))
        sizes[ALL] = grid["article_id"].nunique()
    out = pd.concat(tables, ignore_index=True)
    out["n_group"] = out["group"].map(sizes).astype("int64")
    return out


def _finish(table: pd.DataFrame, measure: str, unit: str, scale: float,
            split: bool = False) -> pd.DataFrame:
    out = table.copy()
    for column in ("estimate", "ci_low", "ci_high"):
        out[column] = (out[column] * scale).round(4)
    if split:
        out[["side", "category"]] = out["side"].str.split("|", n=1, expand=True)
    else:
        out["category"] = ""
    out["measure"] = measure
    out["unit"] = unit
    return out[TABLE_COLUMNS].reset_index(drop=True)


def _attribution_rows(attributions: pd.DataFrame) -> pd.DataFrame:
    schema.check_columns(attributions, ["article_id", "source_side"], "attributions")
    return attributions.assign(side=attributions["source_side"].map(voice_side).astype(object))


def build_voice_table(articles: pd.DataFrame, attributions: pd.DataFrame, *, by: str = "outlet",
                      weight: str = "attributions", pooled: bool = True, draws: int = 2000,
                      seed: int = 2018, level: float = 0.95) -> pd.DataFrame:
    """Share of voice: each side's share of all attributions (or quoted words), per group.

    Parameters
    ----------
    articles : DataFrame
        The articles compared (``article_id`` and the ``by`` column); an article with no
        attribution counts for the article totals only.
    attributions : DataFrame
        ``article_id``, ``source_side`` (and ``content_words`` for quoted words).
    by : str
        The grouping column of ``articles``.
    weight : {"attributions", "quoted_words"}
        Count attributions, or sum their ``content_words``.
    pooled : bool
        Add the group ``all`` (every article of every group).
    draws, seed, level
        Bootstrap settings.

    Returns
    -------
    DataFrame
        :data:`TABLE_COLUMNS`; ``measure`` is ``voice_<weight>``, sides :data:`VOICE_SIDES`,
        ``estimate`` in percent; the four sides of a group add up to 100.
    """
    if weight not in ("attributions", "quoted_words"):
        raise ValueError(f"weight must be 'attributions' or 'quoted_words', got {weight!r}")
    groups = _article_groups(articles, by)
    rows = _attribution_rows(attributions)
    if weight == "quoted_words":
        schema.check_columns(attributions, ["content_words"], "attributions")
        w = pd.to_numeric(rows["content_words"], errors="coerce").fillna(0).astype(float)
    else:
        w = pd.Series(1.0, index=rows.index)
    per = pd.DataFrame({"article_id": rows["article_id"], "key": rows["side"], "num": w.to_numpy(),
                        "den": 0.0})
    grid = _grid(groups, VOICE_SIDES, per)
    totals = grid.groupby("article_id")["num"].transform("sum")
    grid["den"] = totals  # every side of an article shares the article's total
    table = _bootstrap(grid, VOICE_SIDES, Intervals(draws, seed, level), share=True, pooled=pooled)
    return _finish(table, f"voice_{weight}", "%", 100.0)


def build_source_share_table(articles: pd.DataFrame, attributions: pd.DataFrame, *, what: str,
                             by: str = "outlet", sides: Sequence[str] = ("russia", "us"),
                             pooled: bool = True, draws: int = 2000, seed: int = 2018,
                             level: float = 0.95) -> pd.DataFrame:
    """Share of a side's own attributions that are direct quotes, or from anonymous sources.

    Parameters
    ----------
    what : {"direct", "direct_or_mixed", "anonymous"}
        ``direct``: ``mode == "direct"`` (the whole content in quotation marks);
        ``direct_or_mixed``: also partly quoted content; ``anonymous``:
        ``source_type == "anonymous"``.

    Returns
    -------
    DataFrame
        :data:`TABLE_COLUMNS`, ``measure`` ``<what>_share``, ``estimate`` in percent of the
        side's attributions in the group.
    """
    tests = {
        "direct": ("mode", ("direct",)),
        "direct_or_mixed": ("mode", ("direct", "mixed")),
        "anonymous": ("source_type", ("anonymous",)),
    }
    if what not in tests:
        raise ValueError(f"what must be one of {sorted(tests)}, got {what!r}")
    column, values = tests[what]
    schema.check_columns(attributions, [column], "attributions")
    groups = _article_groups(articles, by)
    rows = _attribution_rows(attributions)
    hit = rows[column].astype("string").fillna("").isin(values).to_numpy(dtype=float)
    per = pd.DataFrame({"article_id": rows["article_id"], "key": rows["side"], "num": hit, "den": 1.0})
    grid = _grid(groups, list(sides), per[per["key"].isin(sides)])
    table = _bootstrap(grid, sides, Intervals(draws, seed, level), share=True, pooled=pooled)
    return _finish(table, f"{what}_share", "%", 100.0)


def build_cue_profile_table(articles: pd.DataFrame, attributions: pd.DataFrame, *,
                            by: str = "outlet", sides: Sequence[str] = ("russia", "us"),
                            categories: Sequence[str] = schema.CUE_CATEGORIES,
                            pooled: bool = True, draws: int = 2000, seed: int = 2018,
                            level: float = 0.95) -> pd.DataFrame:
    """Cue-category profile: the share of a side's attributions introduced by each category.

    Returns
    -------
    DataFrame
        :data:`TABLE_COLUMNS` with ``category`` the cue category; ``estimate`` in percent
        of the side's attributions in the group (the categories of a side add up to 100
        when every attribution has a known category).
    """
    schema.check_columns(attributions, ["cue_category"], "attributions")
    groups = _article_groups(articles, by)
    rows = _attribution_rows(attributions)
    rows = rows[rows["side"].isin(sides)]
    category = rows["cue_category"].astype("string").fillna("")
    keys = [f"{s}|{c}" for s in sides for c in categories]
    parts = [pd.DataFrame({"article_id": rows["article_id"], "key": rows["side"] + "|" + c,
                           "num": (category == c).to_numpy(dtype=float), "den": 1.0})
             for c in categories]
    per = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["article_id", "key", "num", "den"])
    grid = _grid(groups, keys, per)
    table = _bootstrap(grid, keys, Intervals(draws, seed, level), share=True, pooled=pooled)
    return _finish(table, "cue_profile", "%", 100.0, split=True)


def build_stance_rate_table(articles: pd.DataFrame, stance: pd.DataFrame, *, by: str = "outlet",
                            pairs: Sequence[tuple[str, str]] = STANCE_PAIRS,
                            kinds: Sequence[str] = schema.STANCE_KINDS, pooled: bool = True,
                            draws: int = 2000, seed: int = 2018, level: float = 0.95) -> pd.DataFrame:
    """Stance units per 100 articles, by holder → target pair and kind.

    Holders and targets are grouped by :func:`voice_side` (so ``unknown`` holders stay
    apart); a unit the writer holds (``holder == "author"``) has the holder ``author``.
    The rate counts every article of the group, those without stance included.

    Returns
    -------
    DataFrame
        :data:`TABLE_COLUMNS` with ``side`` the pair written ``holder>target`` and
        ``category`` the stance kind; ``estimate`` in units per 100 articles;
        ``n_articles`` the articles with at least one such unit.
    """
    schema.check_columns(stance, ["article_id", "holder_side", "target_side", "kind"], "stance")
    groups = _article_groups(articles, by)
    holder = stance["holder_side"].map(voice_side).astype(str)
    if "holder" in stance.columns:
        holder = holder.where(stance["holder"].astype("string").fillna("") != "author", "author")
    target = stance["target_side"].map(voice_side).astype(str)
    key = holder + ">" + target + "|" + stance["kind"].astype("string").fillna("").astype(str)
    keys = [f"{h}>{t}|{k}" for h, t in pairs for k in kinds]
    per = pd.DataFrame({"article_id": stance["article_id"], "key": key.to_numpy(), "num": 1.0, "den": 0.0})
    grid = _grid(groups, keys, per[per["key"].isin(keys)])
    table = _bootstrap(grid, keys, Intervals(draws, seed, level), share=False, pooled=pooled)
    return _finish(table, "stance_rate", "per 100 articles", 100.0, split=True)


def build_coverage_table(articles: pd.DataFrame, *, by: str = "outlet", period: str = "month",
                         relevant: str = "relevant", periods: Sequence[str] | None = None,
                         pooled: bool = True, draws: int = 2000, seed: int = 2018,
                         level: float = 0.95) -> pd.DataFrame:
    """Coverage over time: the share of a group's articles of each period that are relevant.

    Each article is one 0/1 outcome here (relevant or not), so the article bootstrap of a
    cell's share has a known distribution, Binomial(n, k/n)/n: the draws are taken from it
    directly (seeded per cell like :mod:`analysis.measures.stats`), which gives the same
    percentile interval as resampling the articles one by one, for a corpus of any size.

    Parameters
    ----------
    articles : DataFrame
        Every article read (relevant or not): ``article_id``, ``by``, ``period`` (e.g.
        ``2018-04``; empty for an undated article) and the boolean ``relevant``.
    periods : sequence of str, optional
        The periods to report, in order (default: every non-empty period, sorted).
        Articles of any other period, or undated, are reported as period ``other``.

    Returns
    -------
    DataFrame
        :data:`TABLE_COLUMNS` with ``category`` the period and ``side`` empty; ``estimate``
        in percent of the group's articles of that period; ``numerator`` the relevant
        articles (the coverage count), ``denominator`` all articles of the period,
        ``n_articles`` the same as the denominator, ``n_group`` every article of the group.
    """
    schema.check_columns(articles, ["article_id", by, period, relevant], "articles")
    groups = _article_groups(articles, by)
    when = articles[period].astype("string").fillna("")
    if periods is None:
        periods = sorted(p for p in when.unique() if p)
    keys = [*periods, "other"]
    frame = pd.DataFrame({"group": groups.to_numpy(),
                          "period": when.where(when.isin(periods), "other").to_numpy(),
                          "hit": articles[relevant].astype(bool).to_numpy()})
    names = sorted(frame["group"].unique())
    if pooled and len(names) > 1:
        frame = pd.concat([frame, frame.assign(group=ALL)], ignore_index=True)
        names.append(ALL)
    counts = frame.groupby(["group", "period"])["hit"].agg(["size", "sum"])
    sizes = frame.groupby("group").size()
    tail = (1 - level) / 2 * 100
    rows = []
    for name in names:
        for key in keys:
            n, k = (int(v) for v in counts.loc[(name, key)]) if (name, key) in counts.index else (0, 0)
            if n:
                rng = np.random.default_rng([seed, zlib.crc32(f"{name}|{key}".encode("utf-8"))])
                low, high = np.percentile(rng.binomial(n, k / n, size=draws) / n, [tail, 100 - tail])
                estimate = k / n
            else:
                estimate = low = high = float("nan")
            why = f"fewer than {MIN_ARTICLES} articles" if n < MIN_ARTICLES else ""
            rows.append({"group": name, "side": key, "n_group": int(sizes[name]),
                         "estimate": estimate, "ci_low": float(low),
                         "ci_high": float(high), "n_articles": n, "numerator": float(k),
                         "denominator": float(n), "thin": bool(why), "why_thin": why})
    out = _finish(pd.DataFrame(rows), "coverage", "%", 100.0)
    out["category"], out["side"] = out["side"], ""
    return out


def build_differences_table(articles: pd.DataFrame, attributions: pd.DataFrame, *,
                            by: str = "outlet", sides: Sequence[str] = ("russia", "us"),
                            draws: int = 2000, seed: int = 2018, level: float = 0.95) -> pd.DataFrame:
    """Every pair of groups compared on the main attribution measures, with intervals.

    Measures: share of voice (attributions and quoted words), direct-quote share and
    anonymous-source share, for each of ``sides``. ``difference`` = group_a − group_b in
    percentage points; the interval comes from the same seeded draws as the tables.

    Returns
    -------
    DataFrame
        ``measure, group_a, group_b, side, difference, ci_low, ci_high, excludes_zero,
        thin``. With many pairs some intervals exclude 0 by chance: read them as
        descriptive.
    """
    groups = _article_groups(articles, by)
    rows = _attribution_rows(attributions)
    intervals = Intervals(draws, seed, level)
    frames = []
    words = pd.to_numeric(rows.get("content_words", 0), errors="coerce")
    for measure, num, den_all, keys in (
        ("voice_attributions", np.ones(len(rows)), True, VOICE_SIDES),
        ("voice_quoted_words", np.nan_to_num(np.asarray(words, dtype=float)) if "content_words" in rows
         else np.zeros(len(rows)), True, VOICE_SIDES),
        ("direct_share", rows["mode"].astype("string").eq("direct").fillna(False).to_numpy(dtype=float)
         if "mode" in rows else np.zeros(len(rows)), False, sides),
        ("anonymous_share", rows["source_type"].astype("string").eq("anonymous").fillna(False)
         .to_numpy(dtype=float) if "source_type" in rows else np.zeros(len(rows)), False, sides),
    ):
        per = pd.DataFrame({"article_id": rows["article_id"], "key": rows["side"], "num": num, "den": 1.0})
        if not den_all:
            per = per[per["key"].isin(keys)]
        grid = _grid(groups, list(keys), per)
        if den_all:
            grid["den"] = grid.groupby("article_id")["num"].transform("sum")
        diff = pairwise_differences(grid, intervals.spec("den"), group="group", side="side",
                                    sides=list(keys))
        diff = diff[diff["side"].isin(sides)]
        for column in ("difference", "ci_low", "ci_high"):
            diff[column] = (diff[column] * 100).round(4)
        frames.append(diff.assign(measure=measure))
    out = pd.concat(frames, ignore_index=True)
    return out[["measure", "group_a", "group_b", "side", "difference", "ci_low", "ci_high",
                "excludes_zero", "thin"]]
