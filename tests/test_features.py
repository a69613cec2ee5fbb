"""Tests for analysis.measures.features on a small constructed Result with hand-computed values,
on the example article, and on bad input."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis.corpus import schema
from analysis.measures.features import FEATURE_COLUMNS, SIDES, build_features, evidence_for, side_group


def _table(columns, rows):
    frame = pd.DataFrame(rows, columns=columns) if rows else schema.empty_table(columns)
    return schema.coerce_table(frame, columns)


@pytest.fixture()
def small():
    """Constructed: two articles of outlet A, one of outlet B (no rows at all)."""
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "b1"], "outlet": ["A", "A", "B"],
        "title": ["بوتين يتهم واشنطن", "عنوان", "عنوان"],
        "body": ["قال لافروف: \"لن نقبل\". وقال مصدر إن واشنطن تماطل.", "رحب كيري بالتعاون مع موسكو.", "لا شيء."],
    })
    m_cols = schema.MENTIONS
    mentions = _table(m_cols, [
        ["a1", 0, "title", 1, 0, 5, "بوتين", "putin", "russia", "person", "name"],
        ["a1", 0, "title", 2, 11, 17, "واشنطن", "us", "us", "country", "metonym"],
        ["a1", 1, "lead", 3, 4, 10, "لافروف", "lavrov", "russia", "person", "name"],
        ["a1", 2, "lead", 4, 32, 38, "واشنطن", "us", "us", "country", "metonym"],
        ["a2", 1, "lead", 1, 4, 8, "كيري", "kerry", "us", "person", "name"],
        ["a2", 1, "lead", 2, 21, 26, "موسكو", "russia", "russia", "country", "metonym"],
        ["a2", 1, "lead", 3, 0, 0, "x", "un", "un", "institution", "name"],
    ])
    a_cols = schema.ATTRIBUTIONS
    attributions = _table(a_cols, [
        # article_id, attribution_id, sent_id, part, source_actor_id, source_side, source_type,
        # source_part, source_start, source_end, cue, cue_lemma, cue_category, cue_start, cue_end, mode,
        # content_start, content_end, content_words, via, in_heading
        ["a1", 1, 1, "lead", "lavrov", "russia", "person", "lead", 4, 10, "قال", "قال", "neutral", 0, 3, "direct",
         13, 20, 2, "", False],
        ["a1", 2, 2, "lead", "anonymous_source", "unknown", "anonymous", "lead", 28, 31, "قال", "قال", "neutral",
         23, 26, "indirect", 35, 49, 2, "", False],
        ["a1", 3, 0, "title", "putin", "russia", "person", "title", 0, 5, "يتهم", "اتهم", "accusation", 6, 10,
         "indirect", 11, 17, 1, "", True],
        ["a2", 1, 1, "lead", "kerry", "us", "person", "lead", 4, 8, "رحب", "رحب", "affect", 0, 3, "indirect",
         9, 27, 3, "", False],
    ])
    s_cols = schema.STANCE
    stance = _table(s_cols, [
        ["a1", 0, "title", "putin", "russia", "us", "negative", "blame", 6, 17, "يتهم"],
        ["a1", 2, "lead", "author", "", "us", "negative", "criticism", 39, 44, "تماطل"],
        ["a2", 1, "lead", "kerry", "us", "russia", "positive", "praise", 0, 8, "رحب"],
        ["a2", 1, "lead", "kerry", "us", "russia", "positive", "cooperation", 9, 26, "بالتعاون"],
    ])
    return SimpleNamespace(articles=articles, mentions=mentions, attributions=attributions, stance=stance)


def _row(feats, key, side):
    by = feats.columns[0]
    return feats[(feats[by] == key) & (feats["side"] == side)].iloc[0]


def test_shape_and_columns(small):
    feats = build_features(small)
    assert list(feats.columns) == ["article_id", "side"] + FEATURE_COLUMNS
    assert feats[["article_id", "side"]].values.tolist() == [[a, s] for a in ("a1", "a2", "b1") for s in SIDES]


def test_hand_computed_article_a1(small):
    feats = build_features(small)
    ru, us, other = (_row(feats, "a1", s) for s in SIDES)
    assert (ru["mentions"], ru["mentions_title"], ru["mentions_lead"], ru["prominent_mentions"]) == (2, 1, 1, 2)
    assert (us["mentions"], other["mentions"]) == (2, 0)
    # attributions: russia 2 (lavrov, putin), other 1 (unknown source); quoted words 3 vs 2
    assert (ru["attributions"], us["attributions"], other["attributions"]) == (2, 0, 1)
    assert ru["quoted_words"] == 3 and other["quoted_words"] == 2
    assert ru["share_of_voice"] == pytest.approx(2 / 3)
    assert ru["share_of_quoted_words"] == pytest.approx(3 / 5)
    assert us["share_of_voice"] == 0
    assert ru["direct_share"] == pytest.approx(0.5)
    assert math.isnan(us["direct_share"])  # no attributions: undefined, not 0
    assert other["anonymous_share"] == 1 and ru["anonymous_share"] == 0
    assert ru["cue_share_accusation"] == pytest.approx(0.5) and ru["cue_share_neutral"] == pytest.approx(0.5)
    assert (ru["source_person"], other["source_anonymous"]) == (2, 1)
    assert (ru["blame_given"], us["blame_received"], us["blame_given"]) == (1, 1, 0)
    assert us["negative_received"] == 2 and us["net_stance_received"] == -2
    assert ru["net_stance_given"] == -1


def test_hand_computed_article_a2(small):
    feats = build_features(small)
    ru, us, other = (_row(feats, "a2", s) for s in SIDES)
    assert (us["positive_given"], us["net_stance_given"], ru["net_stance_received"]) == (2, 2, 2)
    assert ru["positive_received"] == 2 and ru["blame_received"] == 0
    assert other["mentions"] == 1 and us["cue_share_affect"] == 1


def test_side_with_nothing_has_zero_rows(small):
    feats = build_features(small)
    rows = feats[feats["article_id"] == "b1"]
    assert len(rows) == 3
    assert rows["mentions"].tolist() == [0, 0, 0] and rows["blame_received"].tolist() == [0, 0, 0]
    assert rows["direct_share"].isna().all()


def test_by_outlet(small):
    feats = build_features(small, by="outlet")
    assert feats["outlet"].tolist() == ["A"] * 3 + ["B"] * 3
    us = _row(feats, "A", "us")
    assert (us["mentions"], us["attributions"], us["net_stance_received"], us["net_stance_given"]) == (3, 1, -2, 2)
    assert _row(feats, "A", "russia")["share_of_voice"] == pytest.approx(2 / 4)


def test_empty_tables_give_zero_rows_with_the_right_columns():
    res = SimpleNamespace(articles=pd.DataFrame({"article_id": ["e1"]}),
                          mentions=schema.empty_table(schema.MENTIONS),
                          attributions=schema.empty_table(schema.ATTRIBUTIONS),
                          stance=schema.empty_table(schema.STANCE))
    feats = build_features(res)
    assert list(feats.columns) == ["article_id", "side"] + FEATURE_COLUMNS
    assert feats["attributions"].tolist() == [0, 0, 0]
    res.articles = res.articles.iloc[0:0]
    assert build_features(res).empty and list(build_features(res).columns)[:2] == ["article_id", "side"]


def test_bad_input_is_named(small):
    small.stance = pd.concat([small.stance, _table(schema.STANCE, [
        ["zz", 0, "body", "author", "", "us", "negative", "criticism", 0, 1, "x"]])])
    with pytest.raises(ValueError, match=r"stance table has rows for article_id \['zz'\]"):
        build_features(small)
    with pytest.raises(ValueError, match="by must be one of"):
        build_features(small, by="published")
    small.mentions = small.mentions.drop(columns="part")
    with pytest.raises(ValueError, match=r"mentions table is missing columns \['part'\]"):
        build_features(small)


def test_evidence_for_traces_a_value(small):
    ev = evidence_for(small, "a1", "us", "blame_received")
    assert ev[["holder", "evidence_start", "evidence_end"]].values.tolist() == [["putin", 6, 17]]
    assert ev["evidence_text"].tolist() == ["يتهم واشنطن"]
    share = evidence_for(small, "a1", "russia", "direct_share")
    assert share["in_numerator"].tolist() == [True, False]
    assert share["in_numerator"].mean() == build_features(small).iloc[0]["direct_share"]
    voice = evidence_for(small, "a1", "russia", "share_of_voice")
    assert len(voice) == 3 and voice["in_numerator"].sum() == 2
    with pytest.raises(KeyError, match="unknown feature"):
        evidence_for(small, "a1", "us", "loudness")


def test_evidence_text_of_an_attribution_whose_source_is_in_the_title(small):
    # constructed: Putin (title 0-5) speaks again in the body without being named (pro-drop);
    # the evidence is the body's cue and content, not body[0:...] from the title's offsets
    small.attributions = pd.concat([small.attributions, _table(schema.ATTRIBUTIONS, [
        ["a1", 4, 2, "lead", "putin", "russia", "person", "title", 0, 5, "قال", "قال", "neutral",
         24, 27, "indirect", 37, 48, 2, "", False]])], ignore_index=True)
    ev = evidence_for(small, "a1", "russia", "attributions").set_index("attribution_id")
    assert ev.loc[4, "evidence_text"] == "قال مصدر إن واشنطن تماطل"


def test_side_group():
    assert [side_group(s) for s in ("russia", "us", "syria_government", "unknown", "", None)] == \
        ["russia", "us", "other", "other", "", ""]


def test_example_article_features():
    from analysis import paths
    from analysis.pipeline.batch import analyze

    result = analyze(paths.EXAMPLE_ARTICLE, progress=False)
    feats = build_features(result).set_index("side")
    # the four blame units of the example all go from the Russian side to Washington
    assert (feats.loc["russia", "blame_given"], feats.loc["us", "blame_received"]) == (4, 4)
    assert feats.loc["russia", "blame_received"] == 0
    # one US denial attribution (نفت) of two US attributions
    assert feats.loc["us", "cue_share_denial"] == pytest.approx(0.5)
    ev = evidence_for(result, result.articles["article_id"][0], "us", "blame_received")
    assert "بسبب موقف واشنطن" in ev["evidence_text"].tolist()
