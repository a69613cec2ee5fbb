"""scikit-learn components: an Arabic normaliser, per-side framing features, and a
baseline sentence-stance classifier with its cross-validated evaluation.

* :class:`ArabicNormalizer` - a stateless transformer that applies
  :func:`analysis.text.normalize.normalize` to each text, so that a vectoriser after it sees
  one spelling per word (and no diacritics, which ``\\w`` would not match).
* :class:`FramingFeatures` - articles (``article_id``, ``title``, ``body``) in, one row
  per article with per-side columns (``russia_share_of_voice``, ``us_direct_share`` …) out.
* :func:`make_stance_classifier` / :func:`evaluate_classifier` - a character n-gram
  logistic regression and its stratified k-fold precision/recall/F1 per class.
* :func:`load_stance_sentences` - the hand-labelled sentences of
  ``data/annotations/stance_sentences.csv`` with their text read from the ANT corpus.

Examples
--------
>>> clf = make_stance_classifier()
>>> [name for name, _ in clf.steps]
['normalize', 'tfidf', 'logreg']
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.utils.validation import check_is_fitted

from analysis.corpus.files import find_records
from analysis.text.normalize import normalize
from analysis.corpus.paths import ANNOTATIONS_DIR, ant_corpus

__all__ = [
    "ArabicNormalizer",
    "FramingFeatures",
    "STANCE_SENTENCES",
    "STANCE_LABELS",
    "evaluate_classifier",
    "load_stance_sentences",
    "make_stance_classifier",
]

#: The hand-labelled sentences (offsets and labels only; the text stays in the corpus).
STANCE_SENTENCES = ANNOTATIONS_DIR / "stance_sentences.csv"
#: Labels of :data:`STANCE_SENTENCES` (see docs/stance-notes.md for the coding rules).
STANCE_LABELS = ("negative", "positive", "none")


def _as_texts(X) -> list[str]:
    """Texts from a Series, a one-column DataFrame, an array or any iterable of strings."""
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise ValueError(f"expected one column of texts, got a DataFrame with columns {list(X.columns)}")
        X = X.iloc[:, 0]
    if isinstance(X, str):
        raise TypeError("expected an iterable of texts, got a single string; wrap it in a list")
    values = np.asarray(X, dtype=object)
    if values.ndim == 2 and values.shape[1] == 1:
        values = values[:, 0]
    if values.ndim != 1:
        raise ValueError(f"expected a 1-d iterable of texts, got shape {values.shape}")
    out = []
    for i, value in enumerate(values):
        if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
            raise ValueError(f"text at position {i} is missing; fill it (e.g. with '') before transforming")
        if not isinstance(value, str):
            raise TypeError(f"text at position {i} is {type(value).__name__}, not str")
        out.append(value)
    return out


class ArabicNormalizer(TransformerMixin, BaseEstimator):
    """Apply :func:`analysis.text.normalize.normalize` to every text (stateless).

    Use it before a vectoriser in a :class:`~sklearn.pipeline.Pipeline`; it has no
    parameters and learns nothing.

    Examples
    --------
    >>> ArabicNormalizer().fit_transform(["وأكّد لافروف"])
    ['واكد لافروف']
    """

    def fit(self, X, y=None):
        """Check the input and return self (nothing is learned)."""
        _as_texts(X)
        self.n_features_in_ = 1
        return self

    def transform(self, X) -> list[str]:
        """The normalised texts, as a list in input order."""
        return [normalize(text) for text in _as_texts(X)]

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """One output column, ``text``."""
        return np.asarray(["text"], dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = False
        return tags


class FramingFeatures(TransformerMixin, BaseEstimator):
    """Per-side framing features of articles, one row per article (wide form).

    Runs :func:`analysis.pipeline.batch.analyze_partition` on the articles and
    :func:`analysis.measures.features.build_features`, then spreads the sides into columns
    named ``<side>_<feature>`` (``russia_share_of_voice``, ``us_direct_share`` …).

    Parameters
    ----------
    sides : tuple of str, default ("russia", "us")
        Which sides to output (any of ``russia``, ``us``, ``other``).
    features : list of str or None, default None
        Which features (columns of :data:`analysis.measures.features.FEATURE_COLUMNS`); None for all.
    fill_value : float, default 0.0
        Replaces undefined shares (a side with no attributions), so estimators after
        this one get no NaN. Use ``np.nan`` to keep them.

    Attributes
    ----------
    feature_names_in_ : ndarray
        The input columns seen in :meth:`fit`.
    n_features_in_ : int
    feature_names_out_ : ndarray
        The output columns, fixed at fit time.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a"], "title": ["بوتين يتهم واشنطن"], "body": [""]})  # constructed
    >>> ff = FramingFeatures(features=["mentions", "blame_given"]).fit(arts)
    >>> ff.transform(arts).tolist()   # doctest: +SKIP
    [[1.0, 1.0, 1.0, 0.0]]
    """

    def __init__(self, sides=("russia", "us"), features=None, fill_value=0.0):
        self.sides = sides
        self.features = features
        self.fill_value = fill_value

    def _columns(self) -> list[str]:
        from analysis.measures.features import FEATURE_COLUMNS, SIDES

        unknown_sides = [s for s in self.sides if s not in SIDES]
        if unknown_sides:
            raise ValueError(f"unknown side(s) {unknown_sides}; choose from {list(SIDES)}")
        feats = list(FEATURE_COLUMNS if self.features is None else self.features)
        unknown = [f for f in feats if f not in FEATURE_COLUMNS]
        if unknown:
            raise ValueError(f"unknown feature(s) {unknown}; choose from analysis.measures.features.FEATURE_COLUMNS")
        return [f"{side}_{feat}" for side in self.sides for feat in feats]

    def fit(self, X: pd.DataFrame, y=None):
        """Check the articles table and fix the output columns."""
        self._check(X)
        self.feature_names_in_ = np.asarray([str(c) for c in X.columns], dtype=object)
        self.n_features_in_ = len(self.feature_names_in_)
        self.feature_names_out_ = np.asarray(self._columns(), dtype=object)
        return self

    @staticmethod
    def _check(X) -> None:
        if not isinstance(X, pd.DataFrame):
            raise TypeError("FramingFeatures takes a DataFrame of articles with article_id, title and body")
        missing = [c for c in ("article_id", "title", "body") if c not in X.columns]
        if missing:
            raise ValueError(f"articles DataFrame is missing columns {missing}; it needs article_id, title, body")

    def transform(self, X: pd.DataFrame) -> np.ndarray:
        """One row per article (in input order), columns :meth:`get_feature_names_out`."""
        from types import SimpleNamespace

        from analysis.measures.features import build_features
        from analysis.pipeline.batch import analyze_partition

        check_is_fitted(self, "feature_names_out_")
        self._check(X)
        articles = X.reset_index(drop=True).copy()
        articles["article_id"] = articles["article_id"].astype(str)
        if articles["article_id"].duplicated().any():
            raise ValueError("article_id values must be unique")
        tables = analyze_partition(articles)
        long = build_features(SimpleNamespace(articles=articles, **tables))
        wide = long.pivot(index="article_id", columns="side")
        wide.columns = [f"{side}_{feat}" for feat, side in wide.columns]
        out = wide.reindex(articles["article_id"])[list(self.feature_names_out_)]
        values = out.astype("float64").to_numpy()
        if self.fill_value is not None and not (isinstance(self.fill_value, float) and np.isnan(self.fill_value)):
            values = np.where(np.isnan(values), self.fill_value, values)
        return values

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """The output column names (``<side>_<feature>``)."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags


def make_stance_classifier(random_state: int | None = 0, C: float = 10.0) -> Pipeline:
    """A sentence-stance baseline: normalise → char_wb 2–5-gram TF-IDF → logistic regression.

    Parameters
    ----------
    random_state : int or None
        Passed to :class:`~sklearn.linear_model.LogisticRegression`.
    C : float
        Inverse regularisation strength.

    Examples
    --------
    >>> clf = make_stance_classifier()
    >>> clf.named_steps["tfidf"].ngram_range
    (2, 5)
    """
    return Pipeline([
        ("normalize", ArabicNormalizer()),
        ("tfidf", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
        ("logreg", LogisticRegression(C=C, class_weight="balanced", max_iter=2000, random_state=random_state)),
    ])


def evaluate_classifier(texts: Iterable[str], labels: Iterable[str], n_splits: int = 5,
                        random_state: int = 0) -> pd.DataFrame:
    """Stratified k-fold precision, recall and F1 per class, with a majority baseline.

    Parameters
    ----------
    texts, labels : iterables of str
        Sentences and their labels (same length).
    n_splits : int
        Folds of :class:`~sklearn.model_selection.StratifiedKFold` (shuffled).
    random_state : int
        Seeds the folds and the classifier.

    Returns
    -------
    DataFrame
        One row per class plus ``macro avg``, with columns ``label``, ``precision``,
        ``recall``, ``f1``, ``support`` (pooled over the folds' held-out predictions)
        and ``baseline_f1`` (always predicting the most frequent class of the training fold).

    Examples
    --------
    >>> texts = ["روسيا تنتقد واشنطن", "واشنطن تنتقد موسكو", "ترحيب بالتعاون", "تعاون مثمر"] * 3
    >>> labels = ["negative", "negative", "positive", "positive"] * 3
    >>> evaluate_classifier(texts, labels, n_splits=3).set_index("label").loc["macro avg", "f1"]  # doctest: +SKIP
    1.0
    """
    texts, labels = list(texts), np.asarray(list(labels), dtype=object)
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    classes = sorted(set(labels))
    folds = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=random_state)
    predicted = np.empty(len(labels), dtype=object)
    baseline = np.empty(len(labels), dtype=object)
    text_arr = np.asarray(texts, dtype=object)
    for train, test in folds.split(text_arr, labels):
        model = make_stance_classifier(random_state=random_state).fit(list(text_arr[train]), labels[train])
        predicted[test] = model.predict(list(text_arr[test]))
        values, counts = np.unique(labels[train], return_counts=True)
        baseline[test] = values[np.argmax(counts)]
    p, r, f, s = precision_recall_fscore_support(labels, predicted, labels=classes, zero_division=0)
    _, _, bf, _ = precision_recall_fscore_support(labels, baseline, labels=classes, zero_division=0)
    table = pd.DataFrame({"label": classes, "precision": p, "recall": r, "f1": f, "support": s, "baseline_f1": bf})
    macro = pd.DataFrame({"label": ["macro avg"], "precision": [p.mean()], "recall": [r.mean()], "f1": [f.mean()],
                          "support": [int(s.sum())], "baseline_f1": [bf.mean()]})
    out = pd.concat([table, macro], ignore_index=True)
    out["label"] = out["label"].astype("string")
    return out


def load_stance_sentences(path: str | Path = STANCE_SENTENCES, corpus: str | Path | None = None) -> pd.DataFrame:
    """The hand-labelled sentences with their text read from the ANT corpus.

    Parameters
    ----------
    path : str or Path
        The annotation CSV (``article_id, part, start, end, label, pool``).
    corpus : str or Path, optional
        The ANT JSON Lines file; default :func:`analysis.corpus.paths.ant_corpus`.

    Returns
    -------
    DataFrame
        The CSV's columns plus ``text`` (the sentence as printed in the corpus).

    Raises
    ------
    FileNotFoundError
        When the corpus is absent (tests skip on this).
    ValueError
        For a malformed row (naming file, line and column) or an article missing from
        the corpus.

    Examples
    --------
    >>> sents = load_stance_sentences()   # doctest: +SKIP
    >>> sents["label"].value_counts().to_dict()   # doctest: +SKIP
    {'negative': 94, 'none': 71, 'positive': 23}
    """
    path = Path(path)
    rows = _read_annotation_rows(path)
    corpus = Path(corpus) if corpus is not None else ant_corpus()
    if corpus is None or not Path(corpus).is_file():
        raise FileNotFoundError("ANT corpus not found: put ../shared/corpora/ant/ant-v2.1.jsonl.gz beside the "
                                "project or set FRAMING_ANT to your copy")
    wanted = {r["article_id"] for r in rows}
    articles = {aid: (rec["title"], rec["body"]) for aid, rec in find_records(corpus, wanted).items()}
    missing = sorted(wanted - set(articles))
    if missing:
        raise ValueError(f"{path}: articles {missing[:5]} are not in the corpus {corpus}; "
                         "is it ANT v2.1?")
    texts = []
    for r in rows:
        title, body = articles[r["article_id"]]
        source = title if r["part"] == "title" else body
        if r["end"] > len(source):
            raise ValueError(f"{path}, line {r['line']}, column 'end': {r['end']} is past the end of the "
                             f"{r['part']} of {r['article_id']} ({len(source)} characters)")
        texts.append(source[r["start"]:r["end"]])
    frame = pd.DataFrame(rows).drop(columns="line")
    frame["text"] = pd.array(texts, dtype="string")
    for col in ("article_id", "part", "label", "pool"):
        frame[col] = frame[col].astype("string")
    return frame


def _read_annotation_rows(path: Path) -> list[dict]:
    expected = ["article_id", "part", "start", "end", "label", "pool"]
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header != expected:
            raise ValueError(f"{path}, line 1: header {header} should be {expected}")
        rows = []
        for line_no, fields in enumerate(reader, start=2):
            if len(fields) != len(expected):
                raise ValueError(f"{path}, line {line_no}: {len(fields)} fields, expected {len(expected)}")
            row = dict(zip(expected, fields))
            for col in ("start", "end"):
                if not row[col].isdigit():
                    raise ValueError(f"{path}, line {line_no}, column '{col}': {row[col]!r} is not an offset")
                row[col] = int(row[col])
            if row["start"] >= row["end"]:
                raise ValueError(f"{path}, line {line_no}, column 'end': the span is empty")
            if row["label"] not in STANCE_LABELS:
                raise ValueError(f"{path}, line {line_no}, column 'label': {row['label']!r} is not one of "
                                 f"{', '.join(STANCE_LABELS)}")
            if row["part"] not in ("title", "heading", "lead", "body"):
                raise ValueError(f"{path}, line {line_no}, column 'part': {row['part']!r} is not a part")
            row["line"] = line_no
            rows.append(row)
    return rows
