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


def test_no_shared_article_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="no article in common"):
        coder_agreement(paths.ANNOTATIONS_DIR / "gold", paths.ANNOTATIONS_DIR / "second_coder", ["nope"])
