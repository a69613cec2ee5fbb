"""Intervals for group × side measures: an article-level (cluster) bootstrap, seeded.

The unit of sampling in a news corpus is the article: the attributions and stance units of
one article are not independent (one story, one writer, one set of speakers). Every
interval here therefore resamples *articles* with replacement, inside each group (outlet,
month, section …), and recomputes the measure from the resampled articles. A measure is a
ratio of sums over articles:

* a **share** (e.g. the US side's share of all quoted words in an outlet):
  sum of the side's numerator / sum of the denominator, over the group's articles;
* a **rate** (e.g. attributions of the Russian side per article): sum / number of articles;
* a **net** value (e.g. positive − negative stance units received per article) is a rate
  of a signed numerator.

:func:`bootstrap_table` gives each group × side its estimate, a percentile interval and
the counts behind it, and marks thin cells; :func:`pairwise_differences` gives every pair
of groups the difference of their estimates per side with an interval from the same
draws (groups are sampled independently, so the draws of a difference are differences of
draws). Draws are seeded per group from the seed and the group's name, so adding a group
does not change the intervals of the others, and a rerun changes no digit.

References: Efron & Tibshirani (1993), *An Introduction to the Bootstrap*, ch. 13 (percentile
intervals); Field & Welsh (2007), "Bootstrapping clustered data", *JRSS B* 69(3) (resampling
whole clusters).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

import numpy as np
import pandas as pd

__all__ = ["BootstrapSpec", "bootstrap_table", "pairwise_differences", "DEFAULT_DRAWS"]

#: Bootstrap draws per group: enough for stable 95 % percentile limits (± about 0.005 on a share).
DEFAULT_DRAWS = 2000
#: Fewer articles than this in a group × side cell: the interval is shown but marked thin.
MIN_ARTICLES = 20
#: A share whose denominator sums to fewer units than this is marked thin.
MIN_UNITS = 30

OUTPUT_COLUMNS = [
    "group", "side", "estimate", "ci_low", "ci_high", "n_articles", "numerator", "denominator",
    "thin", "why_thin",
]
DIFFERENCE_COLUMNS = [
    "group_a", "group_b", "side", "difference", "ci_low", "ci_high", "excludes_zero", "thin",
]


@dataclass(frozen=True)
class BootstrapSpec:
    """What is resampled and how the measure is formed.

    Attributes
    ----------
    numerator : str
        Column summed over articles.
    denominator : str or None
        Column summed over articles for a share; ``None`` for a rate per article.
    draws : int
        Bootstrap draws per group.
    level : float
        Coverage of the interval (0.95 gives the 2.5th and 97.5th percentiles).
    seed : int
        Seed of every draw; the same seed gives the same digits.
    """

    numerator: str
    denominator: str | None = None
    draws: int = DEFAULT_DRAWS
    level: float = 0.95
    seed: int = 2018

    def __post_init__(self):
        if not 0 < self.level < 1:
            raise ValueError(f"level must lie between 0 and 1, got {self.level}")
        if self.draws < 100:
            raise ValueError(f"draws={self.draws} is too few for percentile limits; use at least 100")


def _rng(seed: int, group: str) -> np.random.Generator:
    """A generator that depends on the seed and the group's name only."""
    return np.random.default_rng([seed, zlib.crc32(str(group).encode("utf-8"))])


def _draw_weights(n_articles: int, spec: BootstrapSpec, group: str) -> np.ndarray:
    """How often each article is drawn in each of ``spec.draws`` resamples (draws × articles).

    The draws depend on the number of articles, the seed and the group's name only, so
    the measures of one group share them: they are drawn once and kept (read-only, as
    floats ready for the matrix products) for the next measure.
    """
    return _cached_weights(int(n_articles), spec.draws, spec.seed, str(group))


def article_weights(n_articles: int, draws: int, seed: int, group: str = "") -> np.ndarray:
    """How often each of ``n_articles`` articles is drawn in each of ``draws`` resamples
    (a read-only draws × articles array; the same arguments give the same draws).

    The article bootstrap of this module and of the gold scores
    (:func:`analysis.validation.scoring.bootstrap_scores`) both resample with it.
    """
    return _cached_weights(int(n_articles), int(draws), int(seed), str(group))


@lru_cache(maxsize=32)
def _cached_weights(n_articles: int, draws: int, seed: int, group: str) -> np.ndarray:
    rng = _rng(seed, group)
    weights = rng.multinomial(n_articles, np.full(n_articles, 1.0 / n_articles), size=draws).astype(float)
    weights.flags.writeable = False
    return weights


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def _cells(frame: pd.DataFrame, spec: BootstrapSpec, group_col: str, side_col: str,
           article_col: str, sides: list[str]):
    """Per group: article ids, and per side the numerator and denominator per article."""
    needed = [group_col, side_col, article_col, spec.numerator] + ([spec.denominator] if spec.denominator else [])
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise KeyError(f"the table has no column(s) {missing}; it has {list(frame.columns)}")
    if frame[[group_col, article_col]].isna().any().any():
        raise ValueError(f"rows without {group_col} or {article_col}; fill or drop them first")
    per_article = frame.groupby(article_col)[group_col].nunique()
    if (per_article > 1).any():
        raise ValueError(
            f"articles {per_article[per_article > 1].index[:5].tolist()} belong to several groups; "
            "each article must be in one group (the bootstrap resamples articles within groups)"
        )
    for group, rows in frame.groupby(group_col, sort=True):
        articles = pd.Index(sorted(rows[article_col].astype(str).unique()))
        keyed = rows.assign(**{article_col: rows[article_col].astype(str)})
        table = {}
        for side in sides:
            side_rows = keyed[keyed[side_col] == side].groupby(article_col)
            num = side_rows[spec.numerator].sum().reindex(articles, fill_value=0).to_numpy(float)
            if spec.denominator:
                den = side_rows[spec.denominator].sum().reindex(articles, fill_value=0).to_numpy(float)
            else:
                den = np.ones(len(articles))
            table[side] = (num, den)
        yield str(group), articles, table


def percentile_limits(draws: np.ndarray, level: float) -> tuple[float, float]:
    """The percentile interval of ``level`` coverage over the finite draws (NaN, NaN if none)."""
    finite = draws[np.isfinite(draws)]
    if len(finite) == 0:
        return float("nan"), float("nan")
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(finite, [tail, 100 - tail])
    return float(low), float(high)


def _bootstrap(frame, spec, group, side, article, sides):
    rows, draws = [], {}
    for name, articles, table in _cells(frame, spec, group, side, article, sides):
        weights = _draw_weights(len(articles), spec, name)
        # One matrix product for every side at once (the sums are of whole numbers, so
        # exactly the values of one product per side, at a fraction of the time).
        drawn_num = weights @ np.column_stack([table[s][0] for s in sides])
        drawn_den = weights @ np.column_stack([table[s][1] for s in sides])
        for column, side_name in enumerate(sides):
            num, den = table[side_name]
            estimate = float(_ratio(np.array(num.sum()), np.array(den.sum())))
            sample = _ratio(drawn_num[:, column], drawn_den[:, column])
            draws[(name, side_name)] = sample
            low, high = percentile_limits(sample, spec.level)
            n_articles = int((num != 0).sum()) if spec.denominator is None else int((den != 0).sum())
            why = []
            if n_articles < MIN_ARTICLES:
                why.append(f"fewer than {MIN_ARTICLES} articles")
            if spec.denominator and den.sum() < MIN_UNITS:
                why.append(f"fewer than {MIN_UNITS} units in the denominator")
            rows.append({
                "group": name, "side": side_name, "estimate": estimate, "ci_low": low, "ci_high": high,
                "n_articles": n_articles, "numerator": float(num.sum()),
                "denominator": float(den.sum()) if spec.denominator else float(len(articles)),
                "thin": bool(why), "why_thin": "; ".join(why),
            })
    return pd.DataFrame(rows, columns=OUTPUT_COLUMNS), draws


def bootstrap_table(
    frame: pd.DataFrame,
    spec: BootstrapSpec,
    *,
    group: str = "outlet",
    side: str = "side",
    article: str = "article_id",
    sides: list[str] | None = None,
) -> pd.DataFrame:
    """Estimate and interval of a measure for every group × side.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per article × side (the article × side feature table with a group
        column, for instance); several rows of one article and side are summed.
    spec : BootstrapSpec
        Numerator, denominator, draws, level, seed.
    group, side, article : str
        Column names of the group, the side and the article id (the cluster).
    sides : list of str, optional
        Sides to report, in order (default: every side in the table, sorted).

    Returns
    -------
    pandas.DataFrame
        Columns ``group, side, estimate, ci_low, ci_high, n_articles`` (articles of
        the group where the side has a non-zero denominator, or a non-zero numerator
        for a rate), ``numerator, denominator`` (the sums behind the estimate),
        ``thin`` and ``why_thin`` (a cell with too few articles or units).

    Examples
    --------
    A constructed table: two outlets, the US side's share of quoted words.

    >>> rows = [("A", f"a{i}", "us", 10, 20) for i in range(30)] + \\
    ...        [("B", f"b{i}", "us", 5, 20) for i in range(30)]
    >>> frame = pd.DataFrame(rows, columns=["outlet", "article_id", "side", "words", "all_words"])
    >>> table = bootstrap_table(frame, BootstrapSpec("words", "all_words"))
    >>> table[["group", "estimate", "ci_low", "ci_high", "thin"]].round(2).values.tolist()
    [['A', 0.5, 0.5, 0.5, False], ['B', 0.25, 0.25, 0.25, False]]
    """
    sides = sides or sorted(frame[side].dropna().astype(str).unique())
    table, _ = _bootstrap(frame, spec, group, side, article, sides)
    return table


def pairwise_differences(
    frame: pd.DataFrame,
    spec: BootstrapSpec,
    *,
    group: str = "outlet",
    side: str = "side",
    article: str = "article_id",
    sides: list[str] | None = None,
) -> pd.DataFrame:
    """Difference of the estimates of every pair of groups, per side, with an interval.

    ``difference = estimate(group_a) − estimate(group_b)`` for each pair in sorted order;
    the interval is the percentile interval of the differences of the two groups'
    bootstrap draws. ``excludes_zero`` says whether the interval lies wholly on one side
    of 0; ``thin`` whether either cell is thin. With many pairs, some intervals will
    exclude 0 by chance: read them as descriptive, or adjust the level.
    """
    sides = sides or sorted(frame[side].dropna().astype(str).unique())
    table, draws = _bootstrap(frame, spec, group, side, article, sides)
    thin = {(r.group, r.side): r.thin for r in table.itertuples()}
    estimate = {(r.group, r.side): r.estimate for r in table.itertuples()}
    rows = []
    for a, b in combinations(sorted(table["group"].unique()), 2):
        for side_name in sides:
            diff_draws = draws[(a, side_name)] - draws[(b, side_name)]
            low, high = percentile_limits(diff_draws, spec.level)
            rows.append({
                "group_a": a, "group_b": b, "side": side_name,
                "difference": estimate[(a, side_name)] - estimate[(b, side_name)],
                "ci_low": low, "ci_high": high,
                "excludes_zero": bool(low > 0 or high < 0),
                "thin": bool(thin[(a, side_name)] or thin[(b, side_name)]),
            })
    return pd.DataFrame(rows, columns=DIFFERENCE_COLUMNS)
