"""Agreement of two hand codings (analysis.validation.coders)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus import paths
from analysis.validation.coders import coder_agreement, pair_units

# Constructed: one article, two body sentences ([0, 40) and [40, 90)).
SENTENCES = pd.DataFrame({"article_id": ["a", "a"], "part": ["body", "body"], "sent_id": [1, 2],
                          "start": [0, 40], "end": [40, 90]})


def _attr(rows):
    return pd.DataFrame(rows, columns=["article_id", "gold_id", "part", "cue_start", "cue_end",
                                       "source_side", "cue_category", "mode", "source_type"])


def test_pair_units_pairs_by_span_not_by_label():
    first = _attr([("a", "a1", "body", 0, 3, "russia", "neutral", "indirect", "person"),
                   ("a", "a2", "body", 45, 50, "us", "denial", "direct", "institution")])
    second = _attr([("a", "b1", "body", 1, 4, "us", "neutral", "indirect", "person"),     # same span, other side
                    ("a", "b2", "body", 80, 84, "other", "neutral", "direct", "person")])  # same sentence as a2
    units = pair_units(first, second, SENTENCES, "attributions", ["source_side"])
    assert units.values.tolist() == [
        ["a/body/pair:a1", "first", "russia"], ["a/body/pair:a1", "second", "us"],
        ["a/body/pair:a2", "first", "us"], ["a/body/pair:a2", "second", "other"],
    ]


def test_unpaired_units_keep_one_row_each():
    first = _attr([("a", "a1", "body", 0, 3, "russia", "neutral", "indirect", "person")])
    second = _attr([("a", "b1", "body", 50, 53, "russia", "neutral", "indirect", "person")])
    units = pair_units(first, second, SENTENCES, "attributions", ["source_side"])
    assert units["unit_id"].tolist() == ["a/body/first:a1", "a/body/second:b1"]


@pytest.mark.corpus
def test_round_two_second_coding_gives_the_human_ceiling(ant_path):
    from analysis.validation.evaluation import read_splits

    splits = read_splits()
    round_two = splits.loc[splits["round"] == "2", "article_id"].tolist()
    agreement = coder_agreement(paths.ANNOTATIONS_DIR / "gold", paths.ANNOTATIONS_DIR / "second_coder", round_two)
    assert len(agreement.article_ids) == 16
    assert agreement.unitizing.loc["both"].tolist() == [157, 101]
    ceiling = agreement.ceiling().set_index("task")["f1"].round(3)
    assert ceiling.to_dict() == {"attributions": 0.909, "stance": 0.813}
    alpha = agreement.alpha.set_index(["table", "variable"])["alpha"].round(3)
    assert alpha[("attributions", "source_side")] == 0.923 and alpha[("stance", "kind")] == 0.934


@pytest.mark.corpus
def test_second_coding_of_rounds_15_to_18_gives_the_current_human_ceiling(ant_path):
    # nine dev articles of rounds 15-18 coded again on 2026-12-06 by five coders blind to the
    # first coding, under the codebook as it now stands (data/annotations/README.md)
    ids = ["AL-sport-2088-20180622", "BB-internationalNews-49-20180222", "BB-internationalNews-886-20180727",
           "CN-internationalNews-727-20181018", "CN-middleEast-144-20180302", "FR-internationalNews-1204-20180512",
           "FR-internationalNews-403-20180313", "SK-internationalNews-1401-20180506", "SK-middleEast-1031-20180414"]
    agreement = coder_agreement(paths.ANNOTATIONS_DIR / "gold", paths.ANNOTATIONS_DIR / "second_coder", ids)
    assert agreement.article_ids == ids
    assert agreement.unitizing.loc["both"].tolist() == [103, 103]
    assert agreement.unitizing.loc["second only"].tolist() == [1, 14]
    ceiling = agreement.ceiling().set_index("task")["f1"].round(3)
    assert ceiling.to_dict() == {"attributions": 0.981, "stance": 0.910}
    alpha = agreement.alpha.set_index(["table", "variable"])["alpha"].round(3)
    assert alpha[("stance", "kind")] == 0.859 and alpha[("stance", "holder_side")] == 0.914


def test_no_shared_article_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="no article in common"):
        coder_agreement(paths.ANNOTATIONS_DIR / "gold", paths.ANNOTATIONS_DIR / "second_coder", ["nope"])
