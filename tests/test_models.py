"""Tests for analysis.models: the transformers' scikit-learn contract, FramingFeatures on the
example article, and the stance classifier cross-validated on hand-labelled ANT sentences."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.pipeline import make_pipeline
from sklearn.utils import estimator_checks

from analysis.models import (
    STANCE_SENTENCES, ArabicNormalizer, FramingFeatures, evaluate_classifier, load_stance_sentences,
    make_stance_classifier,
)


# parametrize_with_checks yields only a skip for estimators whose input tag is ``string``
# (scikit-learn cannot generate text or article tables), so the checks that do apply - the
# API contract of parameters, cloning, tags and repr - are run one by one here. The
# data-driven checks (numeric 2-d arrays, NaN, sparse input, dtype preservation ...) do not
# apply: these estimators take texts or an articles table.
API_CHECKS = [
    estimator_checks.check_no_attributes_set_in_init,
    estimator_checks.check_parameters_default_constructible,
    estimator_checks.check_get_params_invariance,
    estimator_checks.check_set_params,
    estimator_checks.check_estimator_cloneable,
    estimator_checks.check_estimator_repr,
    estimator_checks.check_valid_tag_types,
    estimator_checks.check_estimator_tags_renamed,
    estimator_checks.check_mixin_order,
    estimator_checks.check_do_not_raise_errors_in_init_or_set_params,
]


@pytest.mark.parametrize("estimator", [ArabicNormalizer(), FramingFeatures()], ids=lambda e: type(e).__name__)
@pytest.mark.parametrize("check", API_CHECKS, ids=lambda c: c.__name__)
def test_sklearn_api_contract(estimator, check):
    check(type(estimator).__name__, estimator)


# --------------------------------------------------------------------------- ArabicNormalizer


def test_normalizer_is_stateless_and_normalises():
    texts = pd.Series(["وأكّد لافروف", "الولايات المتحدة الأميركية"])
    norm = ArabicNormalizer()
    assert norm.transform(texts) == ["واكد لافروف", "الولايات المتحده الاميركيه"]
    assert norm.fit(texts).transform(["بوتــين"]) == ["بوتين"]
    assert list(norm.get_feature_names_out()) == ["text"]


def test_normalizer_rejects_bad_input():
    with pytest.raises(TypeError, match="single string"):
        ArabicNormalizer().transform("نص")
    with pytest.raises(ValueError, match="position 1 is missing"):
        ArabicNormalizer().transform(["نص", None])


def test_normalizer_before_a_vectoriser_keeps_vowelled_words():
    from sklearn.feature_extraction.text import CountVectorizer

    # constructed: a fully vowelled and a bare spelling of the same word
    pipe = make_pipeline(ArabicNormalizer(), CountVectorizer())
    pipe.fit(["حَمَّلَ واشنطن", "حمل واشنطن"])
    assert sorted(pipe[-1].vocabulary_) == ["حمل", "واشنطن"]


# --------------------------------------------------------------------------- FramingFeatures


@pytest.fixture(scope="module")
def example_articles(example_title_body):
    title, body = example_title_body
    return pd.DataFrame({"article_id": ["2016-09-09-lavrov-kerry-geneva"], "title": [title], "body": [body],
                         "outlet": ["example"]})


def test_framing_features_on_the_example(example_articles):
    ff = FramingFeatures(features=["attributions", "share_of_voice", "blame_received", "direct_share"])
    out = ff.fit(example_articles).transform(example_articles)
    names = list(ff.get_feature_names_out())
    assert names == ["russia_attributions", "russia_share_of_voice", "russia_blame_received", "russia_direct_share",
                     "us_attributions", "us_share_of_voice", "us_blame_received", "us_direct_share"]
    row = dict(zip(names, out[0]))
    assert row["russia_attributions"] == 8 and row["us_attributions"] == 2
    assert row["russia_share_of_voice"] == pytest.approx(8 / 13)
    assert row["us_blame_received"] == 4 and row["us_direct_share"] == pytest.approx(0.5)
    assert list(ff.feature_names_in_) == ["article_id", "title", "body", "outlet"]


def test_framing_features_set_output_pandas(example_articles):
    two = pd.concat([example_articles, example_articles.assign(article_id="empty", title="عنوان", body="")],
                    ignore_index=True)
    ff = FramingFeatures(sides=("us",), features=["mentions", "direct_share"]).set_output(transform="pandas")
    out = ff.fit_transform(two)
    assert isinstance(out, pd.DataFrame)
    assert list(out.columns) == ["us_mentions", "us_direct_share"]
    assert out["us_mentions"].tolist() == [16.0, 0.0]
    assert out["us_direct_share"].tolist() == [0.5, 0.0]  # undefined share filled with fill_value
    keep_nan = FramingFeatures(sides=("us",), features=["direct_share"], fill_value=np.nan)
    assert np.isnan(keep_nan.fit_transform(two)[1, 0])


def test_framing_features_bad_input(example_articles):
    with pytest.raises(ValueError, match=r"missing columns \['body'\]"):
        FramingFeatures().fit(example_articles.drop(columns="body"))
    with pytest.raises(ValueError, match="unknown feature"):
        FramingFeatures(features=["loudness"]).fit(example_articles)
    with pytest.raises(TypeError, match="DataFrame of articles"):
        FramingFeatures().fit(np.zeros((2, 3)))


# --------------------------------------------------------------------------- classifier


def test_classifier_recipe():
    clf = make_stance_classifier(random_state=3)
    assert [name for name, _ in clf.steps] == ["normalize", "tfidf", "logreg"]
    assert clf.named_steps["tfidf"].analyzer == "char_wb" and clf.named_steps["tfidf"].ngram_range == (2, 5)
    assert clf.named_steps["logreg"].random_state == 3


def test_annotation_file_holds_no_text():
    header = STANCE_SENTENCES.read_text(encoding="utf-8").splitlines()[0]
    assert header == "article_id,part,start,end,label,pool"
    assert len(STANCE_SENTENCES.read_text(encoding="utf-8").splitlines()) - 1 >= 150


@pytest.fixture(scope="module")
def stance_sentences(ant_path):
    return load_stance_sentences(corpus=ant_path)


def test_load_stance_sentences(stance_sentences):
    assert len(stance_sentences) == 188
    assert stance_sentences["label"].value_counts().to_dict() == {"negative": 94, "none": 71, "positive": 23}
    # every labelled span is a whole sentence of the corpus that names Russia or the US
    assert stance_sentences["text"].str.contains("روس|موسكو|بوتين|بوتن|الكرملين|أمريك|أميرك|واشنطن|الولايات المتحدة|ترامب|ترمب|البيت الأبيض|البنتاغون|بومبيو|تيلرسون").all()


def test_classifier_beats_the_majority_baseline(stance_sentences):
    scores = evaluate_classifier(stance_sentences["text"], stance_sentences["label"], n_splits=5, random_state=0)
    assert scores["label"].tolist() == ["negative", "none", "positive", "macro avg"]
    macro = scores.set_index("label").loc["macro avg"]
    assert macro["support"] == 188
    assert macro["f1"] > macro["baseline_f1"] + 0.15
    assert macro["f1"] == pytest.approx(0.470, abs=0.005)  # fixed folds and seed: a regression guard


def test_bad_annotation_row_is_named(tmp_path, ant_path):
    bad = tmp_path / "s.csv"
    bad.write_text("article_id,part,start,end,label,pool\nx,body,0,10,angry,random\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2, column 'label': 'angry'"):
        load_stance_sentences(bad, corpus=ant_path)
