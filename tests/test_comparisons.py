"""Group × side tables with intervals (analysis.measures.comparisons) and the relevance
filter (analysis.measures.relevance). The tables here are constructed, each number worked
out by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.measures import comparisons as c
from analysis.measures.relevance import RelevanceFilter, count_side_mentions


# -- relevance ---------------------------------------------------------------------------
MENTIONS = pd.DataFrame({
    "article_id": ["both", "both", "adj", "adj", "one", "two-ru", "two-ru", "two-ru"],
    "side": ["russia", "us", "russia", "us", "russia", "russia", "russia", "us"],
    # "adj": "طائرة أمريكية" is an adjective on a thing, not the US as an actor
    "via": ["name", "metonym", "title", "adjective", "name", "name", "pronoun-carry", "title"],
})


def test_relevance_needs_every_side_as_an_actor():
    table = count_side_mentions(MENTIONS, ["both", "adj", "one", "two-ru", "none"])
    assert table["relevant"].tolist() == [True, False, False, True, False]
    assert table["russia_mentions"].tolist() == [1, 1, 1, 2, 0]
    assert table["us_mentions"].tolist() == [1, 0, 0, 1, 0]


def test_relevance_thresholds_and_sides_are_parameters():
    two = count_side_mentions(MENTIONS, ["both", "two-ru"], RelevanceFilter(min_mentions=2))
    assert two["relevant"].tolist() == [False, False]
    russia_only = count_side_mentions(MENTIONS, ["both", "two-ru"],
                                      RelevanceFilter(("russia",), min_mentions=2))
    assert russia_only["relevant"].tolist() == [False, True]
    with_adjectives = count_side_mentions(MENTIONS, ["adj"], RelevanceFilter(via=("title", "adjective")))
    assert with_adjectives["relevant"].tolist() == [True]
    with pytest.raises(ValueError, match="min_mentions"):
        RelevanceFilter(min_mentions=0)


# -- tables --------------------------------------------------------------------------------
def _articles(spec: dict[str, int]) -> pd.DataFrame:
    rows = [(f"{outlet}{i}", outlet) for outlet, n in spec.items() for i in range(n)]
    return pd.DataFrame(rows, columns=["article_id", "outlet"])


def test_voice_shares_keep_unknown_apart_and_add_up():
    articles = _articles({"A": 30, "B": 30})
    rows = []
    for i in range(30):  # A: 2 russia, 1 us, 1 unknown per article; B: 1 us, 1 iran
        rows += [(f"A{i}", "russia", 3), (f"A{i}", "russia", 3), (f"A{i}", "us", 6), (f"A{i}", "unknown", 0)]
        rows += [(f"B{i}", "us", 1), (f"B{i}", "iran", 1)]
    attributions = pd.DataFrame(rows, columns=["article_id", "source_side", "content_words"])
    table = c.build_voice_table(articles, attributions, draws=200)
    got = table.set_index(["group", "side"])["estimate"]
    assert got[("A", "russia")] == 50.0 and got[("A", "us")] == 25.0 and got[("A", "unknown")] == 25.0
    assert got[("A", "other")] == 0.0 and got[("B", "other")] == 50.0  # Iran is a third party
    assert got[("all", "us")] == pytest.approx(100 * 60 / 180, abs=1e-4)
    assert table.groupby("group")["estimate"].sum().round(6).tolist() == [100.0, 100.0, 100.0]
    # every article is alike here, so resampling articles changes nothing
    a = table[table["group"] == "A"]
    assert (a["ci_low"] == a["estimate"]).all() and (a["ci_high"] == a["estimate"]).all()
    assert table["n_group"].tolist() == [30] * 8 + [60] * 4
    words = c.build_voice_table(articles, attributions, weight="quoted_words", draws=200)
    assert words.set_index(["group", "side"]).loc[("A", "russia"), "estimate"] == 50.0  # 6 of 12 words


def test_a_group_with_few_articles_is_thin_and_says_why():
    articles = _articles({"A": 25, "B": 5})
    attributions = pd.DataFrame({"article_id": [f"A{i}" for i in range(25)] + ["B0"],
                                 "source_side": ["us"] * 25 + ["russia"]})
    table = c.build_voice_table(articles, attributions, draws=200, pooled=False).set_index(["group", "side"])
    assert table.loc[("B", "russia"), "thin"]
    assert "fewer than 20 articles" in table.loc[("B", "russia"), "why_thin"]
    assert "fewer than 30 units" in table.loc[("A", "us"), "why_thin"]  # 25 attributions only


def test_intervals_resample_articles_and_are_seeded():
    rng = np.random.default_rng(1)
    articles = _articles({"A": 60})
    sides = rng.choice(["russia", "us"], size=600, p=[0.3, 0.7])
    attributions = pd.DataFrame({"article_id": [f"A{i % 60}" for i in range(600)], "source_side": sides})
    first = c.build_voice_table(articles, attributions, draws=500, seed=7)
    again = c.build_voice_table(articles, attributions, draws=500, seed=7)
    other = c.build_voice_table(articles, attributions, draws=500, seed=8)
    pd.testing.assert_frame_equal(first, again)
    us = first.set_index("side").loc["us"]
    assert us["ci_low"] < us["estimate"] < us["ci_high"]
    assert not first["ci_low"].equals(other["ci_low"])


def test_direct_and_anonymous_shares_are_of_the_sides_own_attributions():
    articles = _articles({"A": 2})
    attributions = pd.DataFrame({
        "article_id": ["A0", "A0", "A0", "A1"], "source_side": ["us", "us", "russia", "us"],
        "mode": ["direct", "indirect", "mixed", "direct"],
        "source_type": ["anonymous", "person", "person", "person"]})
    direct = c.build_source_share_table(articles, attributions, what="direct", draws=200).set_index("side")
    assert direct.loc["us", "estimate"] == pytest.approx(200 / 3, abs=1e-4) and direct.loc["russia", "estimate"] == 0.0
    mixed = c.build_source_share_table(articles, attributions, what="direct_or_mixed", draws=200)
    assert mixed.set_index("side").loc["russia", "estimate"] == 100.0
    anonymous = c.build_source_share_table(articles, attributions, what="anonymous", draws=200).set_index("side")
    assert anonymous.loc["us", "estimate"] == pytest.approx(100 / 3, abs=1e-4)
    assert anonymous.loc["us", "denominator"] == 3


def test_cue_profile_rows_add_up_per_side():
    articles = _articles({"A": 3})
    attributions = pd.DataFrame({
        "article_id": ["A0", "A1", "A2", "A2"], "source_side": ["russia"] * 3 + ["us"],
        "cue_category": ["denial", "neutral", "neutral", "accusation"]})
    table = c.build_cue_profile_table(articles, attributions, draws=200)
    russia = table[table["side"] == "russia"].set_index("category")["estimate"]
    assert russia["neutral"] == pytest.approx(200 / 3, abs=1e-4) and russia["denial"] == pytest.approx(100 / 3, abs=1e-4)
    assert russia.sum() == pytest.approx(100.0, abs=1e-4)
    assert table[(table["side"] == "us") & (table["category"] == "accusation")]["estimate"].item() == 100.0


def test_stance_rates_count_every_article_and_keep_the_writer_apart():
    articles = _articles({"A": 4})
    stance = pd.DataFrame({
        "article_id": ["A0", "A0", "A1", "A2"],
        "holder": ["pompeo", "author", "lavrov", "anonymous_source"],
        "holder_side": ["us", "", "russia", ""],
        "target_side": ["russia", "russia", "us", "us"],
        "kind": ["blame", "criticism", "denial", "threat"]})
    table = c.build_stance_rate_table(articles, stance, draws=200).set_index(["side", "category"])
    assert table.loc[("us>russia", "blame"), "estimate"] == 25.0   # 1 unit in 4 articles, per 100
    assert table.loc[("author>russia", "criticism"), "estimate"] == 25.0
    assert table.loc[("unknown>us", "threat"), "estimate"] == 25.0  # no side: unknown, not the writer
    assert table.loc[("russia>us", "praise"), "estimate"] == 0.0
    assert table.loc[("us>russia", "blame"), "denominator"] == 4


def test_coverage_is_the_share_of_the_months_articles_with_exact_binomial_draws():
    articles = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(50)],
        "outlet": ["X"] * 40 + ["Y"] * 10,
        "month": ["2018-03"] * 20 + ["2018-04"] * 20 + ["2018-03"] * 9 + [""],
        "relevant": [True] * 5 + [False] * 15 + [True] * 10 + [False] * 10 + [True] * 10,
    })
    table = c.build_coverage_table(articles, periods=["2018-03", "2018-04"], draws=500)
    cells = table.set_index(["group", "category"])
    assert cells.loc[("X", "2018-03"), "estimate"] == 25.0
    assert cells.loc[("X", "2018-04"), ["numerator", "denominator"]].tolist() == [10.0, 20.0]
    assert cells.loc[("Y", "other"), "denominator"] == 1  # the undated article
    assert cells.loc[("Y", "2018-03"), "thin"]
    low, high = cells.loc[("X", "2018-03"), ["ci_low", "ci_high"]]
    assert 5 <= low < 25 < high <= 50
    assert cells.loc[("all", "2018-03"), "estimate"] == pytest.approx(100 * 14 / 29, abs=1e-4)


def test_differences_between_groups_have_intervals():
    articles = _articles({"A": 40, "B": 40})
    rows = [(f"A{i}", "us") for i in range(40)] + [(f"B{i}", s) for i in range(40) for s in ("us", "russia")]
    attributions = pd.DataFrame(rows, columns=["article_id", "source_side"]).assign(
        mode="indirect", source_type="person", content_words=1)
    diff = c.build_differences_table(articles, attributions, draws=200)
    voice = diff[(diff["measure"] == "voice_attributions") & (diff["side"] == "us")].iloc[0]
    assert (voice["group_a"], voice["group_b"], voice["difference"]) == ("A", "B", 50.0)
    assert voice["excludes_zero"]
    assert set(diff["measure"]) == {"voice_attributions", "voice_quoted_words", "direct_share", "anonymous_share"}


def test_rows_of_articles_outside_the_table_are_an_error():
    with pytest.raises(ValueError, match="not in the articles table"):
        c.build_voice_table(_articles({"A": 1}), pd.DataFrame({"article_id": ["Z"], "source_side": ["us"]}))
