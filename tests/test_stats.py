"""Article-level bootstrap intervals (analysis.measures.stats) on constructed tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.measures.stats import BootstrapSpec, bootstrap_table, pairwise_differences

SHARE = BootstrapSpec("words", "all_words", draws=2000, seed=7)


def _frame(rows):
    return pd.DataFrame(rows, columns=["outlet", "article_id", "side", "words", "all_words"])


def test_two_articles_give_the_exact_percentile_interval():
    # Resampling two articles: the share is 0, 0.5 or 1 with probability 1/4, 1/2, 1/4.
    frame = _frame([("A", "a1", "us", 1, 1), ("A", "a2", "us", 0, 1)])
    row = bootstrap_table(frame, SHARE).iloc[0]
    assert (row.estimate, row.ci_low, row.ci_high) == (0.5, 0.0, 1.0)
    assert (row.n_articles, row.numerator, row.denominator) == (2, 1.0, 2.0)
    assert row.thin and row.why_thin == "fewer than 20 articles; fewer than 30 units in the denominator"


def test_rate_per_article_counts_every_article_of_the_group():
    frame = _frame([("A", "a1", "us", 3, 0), ("A", "a2", "russia", 1, 0), ("A", "a3", "us", 0, 0)])
    table = bootstrap_table(frame, BootstrapSpec("words", None, seed=1)).set_index("side")
    assert table.loc["us", "estimate"] == 1.0 and table.loc["us", "denominator"] == 3.0
    assert table.loc["russia", "estimate"] == pytest.approx(1 / 3)
    assert table.loc["us", "n_articles"] == 1  # articles where the side has a non-zero count


def _clustered(rng, n_articles, true_share, spread):
    """Articles of 5–40 units whose own share scatters around ``true_share``."""
    sizes = rng.integers(5, 41, n_articles)
    own = np.clip(rng.normal(true_share, spread, n_articles), 0, 1)
    hits = rng.binomial(sizes, own)
    return _frame([("A", f"a{i}", "us", h, s) for i, (h, s) in enumerate(zip(hits, sizes))])


def test_intervals_cover_the_true_share_about_95_percent_of_the_time():
    rng = np.random.default_rng(12345)
    covered = 0
    for trial in range(200):
        frame = _clustered(rng, 60, 0.3, 0.15)
        row = bootstrap_table(frame, BootstrapSpec("words", "all_words", draws=1000, seed=trial)).iloc[0]
        # the population share: size-weighted mean of the article shares, i.e. 0.3 in expectation
        covered += row.ci_low <= 0.3 <= row.ci_high
    assert 180 <= covered <= 198  # 95 % of 200 is 190; binomial sd about 3


def test_cluster_interval_is_wider_than_a_naive_unit_interval_on_clustered_data():
    frame = _clustered(np.random.default_rng(3), 80, 0.4, 0.25)
    row = bootstrap_table(frame, SHARE).iloc[0]
    p, n = row.estimate, row.denominator
    naive = 2 * 1.96 * np.sqrt(p * (1 - p) / n)
    assert (row.ci_high - row.ci_low) > 1.5 * naive


def test_reruns_agree_and_a_new_group_leaves_the_others_unchanged():
    frame = _clustered(np.random.default_rng(5), 40, 0.5, 0.1)
    first = bootstrap_table(frame, SHARE)
    other = _clustered(np.random.default_rng(6), 40, 0.2, 0.1).assign(
        outlet="B", article_id=lambda d: "b" + d["article_id"])
    both = bootstrap_table(pd.concat([frame, other]), SHARE)
    pd.testing.assert_frame_equal(first, bootstrap_table(frame, SHARE))
    pd.testing.assert_frame_equal(first, both[both["group"] == "A"].reset_index(drop=True))


def test_pairwise_differences_use_the_same_draws():
    rows = [("A", f"a{i}", "us", 10, 20) for i in range(30)] + [("B", f"b{i}", "us", 5, 20) for i in range(30)]
    diff = pairwise_differences(_frame(rows), SHARE).iloc[0]
    assert (diff.group_a, diff.group_b, diff.side) == ("A", "B", "us")
    assert (diff.difference, diff.ci_low, diff.ci_high) == (0.25, 0.25, 0.25)
    assert diff.excludes_zero and not diff.thin


def test_a_difference_whose_interval_holds_zero_is_not_called_one():
    rng = np.random.default_rng(8)
    a = _clustered(rng, 50, 0.3, 0.15)
    b = _clustered(rng, 50, 0.3, 0.15).assign(outlet="B", article_id=lambda d: "b" + d["article_id"])
    diff = pairwise_differences(pd.concat([a, b]), SHARE).iloc[0]
    assert diff.ci_low < 0 < diff.ci_high and not diff.excludes_zero


def test_bad_tables_are_refused_with_the_reason():
    frame = _frame([("A", "a1", "us", 1, 1), ("B", "a1", "us", 0, 1)])
    with pytest.raises(ValueError, match=r"\['a1'\] belong to several groups"):
        bootstrap_table(frame, SHARE)
    with pytest.raises(KeyError, match="no column"):
        bootstrap_table(frame.drop(columns="words"), SHARE)
    with pytest.raises(ValueError, match="at least 100"):
        BootstrapSpec("words", draws=10)
