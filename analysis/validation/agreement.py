"""Inter-coder agreement: Krippendorff's alpha and Cohen's kappa (docs/codebook.md §6).

Alpha is computed from its coincidence-matrix definition (Krippendorff, *Computing
Krippendorff's Alpha-Reliability*, 2011), so it accepts any number of coders, missing
values and the nominal, ordinal, interval and ratio metrics. Kappa is the two-coder
chance-corrected agreement of Cohen (1960).

Degenerate data never yields a silent NaN; these functions raise ``ValueError`` with a
message that says what is wrong:

* fewer than two coders;
* no unit coded by at least two coders (nothing to compare);
* every pairable value is the same category (expected disagreement is zero, so alpha and
  kappa are 0/0 and undefined).

:func:`reliability_level` turns a coefficient into the codebook's verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

LEVELS_OF_MEASUREMENT = ("nominal", "ordinal", "interval", "ratio")

#: Thresholds of docs/codebook.md §6: alpha >= 0.80 is reliable, 0.667 <= alpha < 0.80 tentative.
RELIABLE_THRESHOLD = 0.80
TENTATIVE_THRESHOLD = 0.667


def _is_missing(value: Any) -> bool:
    """True for None, NaN, pandas NA and empty or blank strings."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _units_from_matrix(data: Any) -> tuple[list[list[Any]], int]:
    """Split a coders x units matrix into one list of present values per unit."""
    frame = pd.DataFrame(data) if not isinstance(data, pd.DataFrame) else data
    if frame.ndim != 2 or frame.shape[0] == 0:
        raise ValueError("reliability data must be a non-empty coders x units matrix")
    units = []
    for col in frame.columns:
        values = [v for v in frame[col].tolist() if not _is_missing(v)]
        units.append(values)
    return units, frame.shape[0]


def _units_from_long(data: pd.DataFrame, unit: str, coder: str, value: str) -> tuple[list[list[Any]], int]:
    """Group a long (unit, coder, value) table into one list of values per unit."""
    missing = [c for c in (unit, coder, value) if c not in data.columns]
    if missing:
        raise ValueError(
            f"long reliability table is missing columns {missing}; expected {unit!r}, "
            f"{coder!r} and {value!r} (or pass unit=, coder=, value=)"
        )
    dup = data.duplicated(subset=[unit, coder], keep=False)
    if dup.any():
        first = data.loc[dup, [unit, coder]].iloc[0].tolist()
        raise ValueError(
            f"long reliability table has {int(dup.sum())} rows that repeat a (unit, coder) "
            f"pair, e.g. {first}; each coder may give each unit one value"
        )
    present = data[~data[value].map(_is_missing)]
    units = [grp[value].tolist() for _, grp in present.groupby(unit, sort=True)]
    return units, int(data[coder].nunique())


def _category_order(values: list[Any], order: Sequence[Any] | None, level: str) -> list[Any]:
    """The sorted category list; ``order`` fixes it for ordinal labels."""
    distinct = list(dict.fromkeys(values))
    if order is not None:
        unknown = [v for v in distinct if v not in list(order)]
        if unknown:
            raise ValueError(f"values {unknown} are not in the given order {list(order)}")
        return [v for v in order if v in set(distinct)]
    if level in ("interval", "ratio"):
        try:
            return sorted(distinct, key=float)
        except (TypeError, ValueError) as err:
            raise ValueError(f"{level} alpha needs numeric values: {err}") from err
    try:
        return sorted(distinct)
    except TypeError:
        return sorted(distinct, key=repr)


def coincidence_matrix(units: list[list[Any]], categories: list[Any]) -> np.ndarray:
    """Krippendorff's coincidence matrix of pairable values.

    Each unit coded by ``m >= 2`` coders adds every ordered pair of its values with
    weight ``1 / (m - 1)``; units with fewer values are not pairable and add nothing.

    Parameters
    ----------
    units : list of list
        The values each unit received (missing values already removed).
    categories : list
        The distinct values, in matrix order.

    Returns
    -------
    numpy.ndarray
        Square matrix ``o[c, k]``; its total is the number of pairable values.

    Examples
    --------
    >>> coincidence_matrix([["a", "a"], ["a", "b"]], ["a", "b"])
    array([[2., 1.],
           [1., 0.]])
    """
    index = {c: i for i, c in enumerate(categories)}
    o = np.zeros((len(categories), len(categories)))
    for values in units:
        m = len(values)
        if m < 2:
            continue
        counts = np.zeros(len(categories))
        for v in values:
            counts[index[v]] += 1
        pairs = np.outer(counts, counts) - np.diag(counts)
        o += pairs / (m - 1)
    return o


def _delta_squared(categories: list[Any], n_c: np.ndarray, level: str) -> np.ndarray:
    """Squared difference function of the chosen metric."""
    k = len(categories)
    if level == "nominal":
        return 1.0 - np.eye(k)
    if level == "ordinal":
        cumulative = np.cumsum(n_c)
        delta = np.zeros((k, k))
        for i in range(k):
            for j in range(k):
                lo, hi = min(i, j), max(i, j)
                between = cumulative[hi] - (cumulative[lo - 1] if lo > 0 else 0.0)
                delta[i, j] = (between - (n_c[i] + n_c[j]) / 2.0) ** 2
        return delta
    values = np.array([float(c) for c in categories])
    diff = values[:, None] - values[None, :]
    if level == "interval":
        return diff**2
    total = values[:, None] + values[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(total == 0, 0.0, diff / np.where(total == 0, 1.0, total))
    return ratio**2


def krippendorff_alpha(
    data: Any,
    level: str = "nominal",
    *,
    order: Sequence[Any] | None = None,
    unit: str = "unit",
    coder: str = "coder",
    value: str = "value",
) -> float:
    """Krippendorff's alpha for reliability data with missing values.

    Parameters
    ----------
    data : array-like or pandas.DataFrame
        Either a coders x units matrix (rows are coders, columns units; ``None``, NaN,
        ``pd.NA`` and empty strings are missing), or a long DataFrame with one row per
        (unit, coder) holding columns ``unit``, ``coder`` and ``value``. A DataFrame is
        read as long when it has those three columns, otherwise as a matrix.
    level : {"nominal", "ordinal", "interval", "ratio"}
        Level of measurement (the metric of differences).
    order : sequence, optional
        Category order for ordinal labels that do not sort naturally.
    unit, coder, value : str
        Column names of the long format.

    Returns
    -------
    float
        ``1 - D_o / D_e``; 1 is perfect agreement, 0 chance level.

    Raises
    ------
    ValueError
        Unknown level, fewer than two coders, no unit coded by two coders, or only one
        category among the pairable values (alpha is undefined there).

    Examples
    --------
    >>> krippendorff_alpha([["a", "a", "b", "b"], ["a", "a", "b", "a"]])
    0.5333333333333333
    """
    if level not in LEVELS_OF_MEASUREMENT:
        raise ValueError(f"level must be one of {LEVELS_OF_MEASUREMENT}, not {level!r}")
    is_long = isinstance(data, pd.DataFrame) and {unit, coder, value} <= set(data.columns)
    units, n_coders = _units_from_long(data, unit, coder, value) if is_long else _units_from_matrix(data)
    if n_coders < 2:
        raise ValueError(f"alpha needs at least two coders; the data has {n_coders}")
    pairable = [u for u in units if len(u) >= 2]
    if not pairable:
        raise ValueError("alpha is undefined: no unit was coded by two or more coders")
    categories = _category_order([v for u in pairable for v in u], order, level)
    o = coincidence_matrix(pairable, categories)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    delta = _delta_squared(categories, n_c, level)
    expected = (np.outer(n_c, n_c) * delta).sum()
    if len(categories) < 2 or expected == 0:
        raise ValueError(
            f"alpha is undefined: all {int(n)} pairable values are {categories[0]!r}, so "
            "there is no variation to measure agreement against"
        )
    observed = (o * delta).sum()
    return float(1.0 - (n - 1) * observed / expected)


def cohen_kappa(first: Sequence[Any], second: Sequence[Any]) -> float:
    """Cohen's kappa between two coders on the same units.

    Units that either coder left empty are ignored.

    Parameters
    ----------
    first, second : sequence
        The two coders' labels, aligned by unit.

    Returns
    -------
    float
        ``(p_o - p_e) / (1 - p_e)``.

    Raises
    ------
    ValueError
        Different lengths, no unit coded by both, or both coders used one and the same
        single category (chance agreement is 1, kappa is undefined).

    Examples
    --------
    >>> cohen_kappa(["a", "a", "b", "b"], ["a", "a", "b", "a"])
    0.5
    """
    a, b = list(first), list(second)
    if len(a) != len(b):
        raise ValueError(f"kappa needs aligned labels; got {len(a)} and {len(b)} values")
    pairs = [(x, y) for x, y in zip(a, b) if not _is_missing(x) and not _is_missing(y)]
    if not pairs:
        raise ValueError("kappa is undefined: no unit was coded by both coders")
    labels = sorted({v for p in pairs for v in p}, key=repr)
    index = {c: i for i, c in enumerate(labels)}
    table = np.zeros((len(labels), len(labels)))
    for x, y in pairs:
        table[index[x], index[y]] += 1
    n = table.sum()
    p_o = np.trace(table) / n
    p_e = float((table.sum(axis=1) * table.sum(axis=0)).sum() / n**2)
    if p_e == 1.0:
        raise ValueError(
            f"kappa is undefined: both coders gave every unit the label {labels[0]!r}"
        )
    return float((p_o - p_e) / (1.0 - p_e))


def reliability_level(alpha: float) -> str:
    """The codebook's verdict on an agreement coefficient.

    Examples
    --------
    >>> reliability_level(0.81), reliability_level(0.7), reliability_level(0.5)
    ('reliable', 'tentative', 'unreliable')
    """
    if alpha is None or np.isnan(alpha):
        return "undefined"
    if alpha >= RELIABLE_THRESHOLD:
        return "reliable"
    if alpha >= TENTATIVE_THRESHOLD:
        return "tentative"
    return "unreliable"
