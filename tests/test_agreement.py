"""Tests of analysis.validation.agreement against published and hand-computed values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

from analysis.validation.agreement import (
    coincidence_matrix,
    cohen_kappa,
    krippendorff_alpha,
    reliability_level,
)

NA = np.nan

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# four observers, twelve units, values 1-5, with missing values.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, NA, NA, NA],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NA, 3],
    [NA, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NA],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NA],
]

# Same paper, section A: binary data, two observers, ten units, published alpha 0.095.
KRIPPENDORFF_BINARY = [
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
]


@pytest.mark.parametrize(
    ("level", "published"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_alpha_matches_published_example(level, published):
    assert krippendorff_alpha(KRIPPENDORFF_2011, level) == pytest.approx(published, abs=5e-4)


def test_alpha_published_nominal_exact_fraction():
    # Hand check of the paper's nominal computation: 1 - (n-1) * D_o / sum(n_c n_k), n = 40.
    assert krippendorff_alpha(KRIPPENDORFF_2011, "nominal") == pytest.approx(0.7434210526)


def test_alpha_binary_two_coders_published():
    assert krippendorff_alpha(KRIPPENDORFF_BINARY) == pytest.approx(0.095, abs=5e-4)


def test_alpha_long_table_equals_matrix():
    rows = [
        {"unit": u, "coder": f"c{c}", "value": v}
        for c, coder_values in enumerate(KRIPPENDORFF_2011)
        for u, v in enumerate(coder_values)
        if not np.isnan(v)
    ]
    long = pd.DataFrame(rows)
    assert krippendorff_alpha(long, "interval") == pytest.approx(0.8491071428571)


def test_alpha_with_string_labels_and_empty_cells():
    # constructed: 2 coders, "" is missing; units (a,a) (a,a) (b,b) (b,a) and one lone value
    data = [["a", "a", "b", "b", "c"], ["a", "a", "b", "a", ""]]
    # o_aa = 4, o_bb = 2, o_ab = o_ba = 1, n = 8: alpha = 1 - 7 * 2 / (2 * 5 * 3) = 8/15
    assert krippendorff_alpha(data) == pytest.approx(8 / 15)


def test_alpha_ordinal_with_explicit_order():
    data = [["low", "mid", "high", "high"], ["low", "mid", "mid", "high"]]
    numeric = [[1, 2, 3, 3], [1, 2, 2, 3]]
    with_order = krippendorff_alpha(data, "ordinal", order=["low", "mid", "high"])
    assert with_order == pytest.approx(krippendorff_alpha(numeric, "ordinal"))
    # alphabetical order (high < low < mid) would be a different (wrong) scale
    assert krippendorff_alpha(data, "ordinal") != pytest.approx(with_order)


def test_coincidence_matrix_weights_by_coders_per_unit():
    o = coincidence_matrix([["a", "a", "b"], ["b"]], ["a", "b"])
    # three values: pairs (a,a) x2, (a,b) x2, (b,a) x2, each weighted 1/(3-1)
    np.testing.assert_allclose(o, [[1.0, 1.0], [1.0, 0.0]])


def test_alpha_perfect_agreement_is_one():
    assert krippendorff_alpha([["x", "y", "x"], ["x", "y", "x"]]) == 1.0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([["a", "a", "b"]], "at least two coders"),
        ([["a", NA, NA], [NA, "b", NA]], "no unit was coded by two"),
        ([["a", "a", "a"], ["a", "a", NA]], "all 4 pairable values are 'a'"),
    ],
)
def test_alpha_degenerate_data_raises_clear_error(data, message):
    with pytest.raises(ValueError, match=message):
        krippendorff_alpha(data)


def test_alpha_rejects_unknown_level_and_duplicate_long_rows():
    with pytest.raises(ValueError, match="level must be one of"):
        krippendorff_alpha(KRIPPENDORFF_2011, "cardinal")
    long = pd.DataFrame({"unit": [1, 1, 1], "coder": ["a", "a", "b"], "value": [1, 2, 1]})
    with pytest.raises(ValueError, match="repeat a \\(unit, coder\\) pair"):
        krippendorff_alpha(long)


def test_alpha_interval_rejects_labels():
    with pytest.raises(ValueError, match="interval alpha needs numeric values"):
        krippendorff_alpha([["a", "b"], ["a", "b"]], "interval")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (["a", "a", "b", "b"], ["a", "a", "b", "a"]),
        (list("aabbcabcca"), list("abbbcacccb")),
        ([0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]),
    ],
)
def test_kappa_equals_sklearn(first, second):
    assert cohen_kappa(first, second) == pytest.approx(cohen_kappa_score(first, second))


def test_kappa_hand_computed_and_missing_pairs_dropped():
    # p_o = 3/4, p_e = (2*3 + 2*1) / 16 = 1/2, kappa = 0.5; the fifth unit has a gap
    assert cohen_kappa(["a", "a", "b", "b", None], ["a", "a", "b", "a", "b"]) == 0.5


def test_kappa_degenerate_raises():
    with pytest.raises(ValueError, match="every unit the label 'x'"):
        cohen_kappa(["x", "x"], ["x", "x"])
    with pytest.raises(ValueError, match="aligned labels; got 2 and 3"):
        cohen_kappa(["x", "y"], ["x", "y", "x"])
    with pytest.raises(ValueError, match="no unit was coded by both"):
        cohen_kappa(["x", None], [None, "y"])


@pytest.mark.parametrize(
    ("alpha", "level"),
    [(0.80, "reliable"), (0.7999, "tentative"), (0.667, "tentative"), (0.6669, "unreliable"),
     (-0.2, "unreliable"), (float("nan"), "undefined")],
)
def test_reliability_level_thresholds(alpha, level):
    assert reliability_level(alpha) == level
