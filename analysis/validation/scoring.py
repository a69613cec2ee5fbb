"""Scoring the automatic coding against gold (docs/codebook.md §6).

Scoring follows the codebook's matching rule. A predicted attribution matches a gold one
when both are in the same article and part (title or body; the predicted parts
``heading``, ``lead`` and ``body`` all index the body string and count as ``body``),
share the source side, and their cue spans overlap or lie in the same sentence. A stance
unit matches when holder side, target side and polarity agree and the evidence spans
overlap or lie in the same sentence. Every gold row matches at most one prediction and
vice versa; the matching is a deterministic maximum matching that prefers overlapping
spans over same-sentence pairs and then the nearest spans.

Coder sheets for human coders and their agreement are in :mod:`analysis.validation.sheets`.
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from analysis.corpus import schema
from analysis.measures.stats import article_weights, percentile_limits
from analysis.validation.gold import Gold

SCORED_SIDES = ("russia", "us", "other")
ATTRIBUTION_LABEL_FIELDS = ("cue_category", "mode", "source_type", "in_heading")
STANCE_LABEL_FIELDS = ("kind",)
ERROR_COLUMNS = [
    "error", "article_id", "part", "side", "field", "gold_id", "pred_index",
    "gold_start", "gold_end", "pred_start", "pred_end", "gold_label", "pred_label",
]
MATCH_COLUMNS = [
    "article_id", "part", "gold_id", "pred_index", "basis", "distance",
]
RULE_WITH_SENTENCES = "cue/evidence spans overlap or lie in the same sentence"
RULE_OVERLAP_ONLY = "cue/evidence spans overlap (no sentences table given: same-sentence pairs not matched)"


# ----------------------------------------------------------------------- preparing


def _string_part(part: Any) -> str:
    """The string a part's offsets index: ``title`` or ``body``."""
    return "title" if part == "title" else "body"


def _gold_frame(gold: Gold | pd.DataFrame, kind: str) -> tuple[pd.DataFrame, list[str]]:
    if isinstance(gold, Gold):
        table = gold.attributions if kind == "attributions" else gold.stance
        return table, gold.article_ids
    return gold, sorted(gold["article_id"].astype(str).unique().tolist())


def restrict_to_gold(pred: pd.DataFrame, gold: Gold | pd.DataFrame | Iterable[str]) -> pd.DataFrame:
    """Keep only predictions for articles that have gold annotations.

    Parameters
    ----------
    pred : pandas.DataFrame
        Any table with an ``article_id`` column.
    gold : Gold, pandas.DataFrame or iterable of str
        A :class:`~analysis.validation.gold.Gold` (its annotated articles, including those with no
        units), a gold table (its article ids) or the ids themselves.

    Examples
    --------
    >>> pred = pd.DataFrame({"article_id": ["a", "b", "a"]})
    >>> restrict_to_gold(pred, ["a"]).index.tolist()
    [0, 2]
    """
    if isinstance(gold, Gold):
        ids = set(gold.article_ids)
    elif isinstance(gold, pd.DataFrame):
        ids = set(gold["article_id"].astype(str))
    else:
        ids = {str(i) for i in gold}
    return pred[pred["article_id"].astype(str).isin(ids)]


def _check_parts(pred: pd.DataFrame, table: str) -> None:
    bad = sorted(set(pred["part"].astype(str)) - set(schema.PARTS))
    if bad:
        raise ValueError(f"{table}: unknown part values {bad}; allowed: {list(schema.PARTS)}")


def _check_spans(frame: pd.DataFrame, start: str, end: str, table: str, id_col: str | None) -> None:
    missing = frame[start].isna() | frame[end].isna()
    if missing.any():
        rows = frame.index[missing].tolist() if id_col is None else frame.loc[missing, id_col].tolist()
        raise ValueError(
            f"{table}: {int(missing.sum())} rows have no {start}/{end} and cannot be matched "
            f"(rows {rows[:10]}); fill the offsets or drop those rows explicitly"
        )


class _SentenceIndex:
    """Find the sentence that contains an offset, per article and text string."""

    def __init__(self, sentences: pd.DataFrame):
        schema.check_columns(sentences, ["article_id", "sent_id", "part", "start", "end"], "sentences")
        self._spans: dict[tuple[str, str], tuple[list[int], list[int], list[Any]]] = {}
        frame = sentences.assign(_string=sentences["part"].map(_string_part))
        for (article, string), grp in frame.groupby(["article_id", "_string"], sort=False):
            grp = grp.sort_values("start")
            self._spans[(str(article), string)] = (
                [int(s) for s in grp["start"]], [int(e) for e in grp["end"]], grp["sent_id"].tolist()
            )

    def sentence_of(self, article: str, string: str, offset: int) -> Any:
        """The sent_id whose span contains ``offset``, or None."""
        starts, ends, ids = self._spans.get((article, string), ([], [], []))
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < ends[i]:
            return ids[i]
        return None


# ------------------------------------------------------------------------ matching


def _pair_cost(g: tuple[int, int, Any], p: tuple[int, int, Any]) -> tuple[int, int] | None:
    """(tier, distance) of a candidate pair: tier 0 overlap, 1 same sentence; None if no edge."""
    (gs, ge, gsent), (ps, pe, psent) = g, p
    distance = abs(gs - ps) + abs(ge - pe)
    if max(gs, ps) < min(ge, pe):
        return 0, distance
    if gsent is not None and gsent == psent:
        return 1, distance
    return None


def match_spans(gold_spans: Sequence[tuple], pred_spans: Sequence[tuple]) -> list[tuple[int, int, int, int]]:
    """Deterministic maximum one-to-one matching of gold and predicted spans.

    Among all matchings with the most pairs, it keeps the one with the most overlapping
    pairs, then the smallest total distance (``|start difference| + |end difference|``).

    Parameters
    ----------
    gold_spans, pred_spans : sequence of (start, end, sentence)
        Spans of one group (same article, part and matching labels); ``sentence`` is a
        sentence id or None when unknown.

    Returns
    -------
    list of (gold position, pred position, tier, distance)
        ``tier`` is 0 for overlapping spans and 1 for same-sentence spans.

    Examples
    --------
    >>> match_spans([(0, 4, 1), (10, 14, 1)], [(11, 13, 1), (20, 24, 1)])
    [(0, 1, 1, 40), (1, 0, 0, 2)]
    """
    if not gold_spans or not pred_spans:
        return []
    edges = {
        (i, j): edge
        for i, g in enumerate(gold_spans)
        for j, p in enumerate(pred_spans)
        if (edge := _pair_cost(g, p)) is not None
    }
    if not edges:
        return []
    k = min(len(gold_spans), len(pred_spans))
    max_distance = max(d for _, d in edges.values()) + 1
    tier_weight = k * max_distance + 1  # one more overlap outweighs any total distance
    no_edge = k * (tier_weight + max_distance) + 1  # one more pair outweighs everything
    cost = np.full((len(gold_spans), len(pred_spans)), float(no_edge))
    for (i, j), (tier, distance) in edges.items():
        cost[i, j] = tier * tier_weight + distance
    rows, cols = linear_sum_assignment(cost)
    return [
        (int(i), int(j), *edges[(i, j)]) for i, j in zip(rows, cols) if (i, j) in edges
    ]


# ------------------------------------------------------------------------- scores


def _ratio(num: float, den: float) -> float:
    return float(num / den) if den else float("nan")


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = _ratio(2 * tp, 2 * tp + fp + fn)
    return {"precision": precision, "recall": recall, "f1": f1}


@dataclass
class Scores:
    """Result of scoring predictions against gold annotations.

    Attributes
    ----------
    task : str
        ``"attributions"`` or ``"stance"``.
    detection : pandas.DataFrame
        One row per group (``all``, ``russia``, ``us``, ``other``) with tp, fp, fn,
        precision, recall and f1. Undefined ratios (no predictions, no gold) are NaN.
    labels : pandas.DataFrame
        One row per label field with the number of matched pairs, agreements and accuracy.
    matches : pandas.DataFrame
        The matched pairs (gold_id, pred_index, basis ``overlap``/``same_sentence``).
    errors : pandas.DataFrame
        Every false positive, false negative and label disagreement (:data:`ERROR_COLUMNS`).
    matching_rule : str
        The rule applied (overlap only when no sentences table was given).
    """

    task: str
    detection: pd.DataFrame
    labels: pd.DataFrame
    matches: pd.DataFrame
    errors: pd.DataFrame
    matching_rule: str
    n_articles: int = 0
    side_basis: str = field(default="source_side")

    def _overall(self, measure: str) -> float:
        return float(self.detection.loc[self.detection["group"] == "all", measure].iloc[0])

    @property
    def precision(self) -> float:
        """Overall precision."""
        return self._overall("precision")

    @property
    def recall(self) -> float:
        """Overall recall."""
        return self._overall("recall")

    @property
    def f1(self) -> float:
        """Overall F1."""
        return self._overall("f1")

    @property
    def table(self) -> pd.DataFrame:
        """All numbers as a tidy table: measure, group, value, n.

        ``n`` is the support: gold units for recall, predictions for precision, both for
        F1 (tp + fp + fn), matched pairs for label accuracy.
        """
        rows = []
        for rec in self.detection.to_dict("records"):
            support = {
                "precision": rec["tp"] + rec["fp"],
                "recall": rec["tp"] + rec["fn"],
                "f1": rec["tp"] + rec["fp"] + rec["fn"],
            }
            for measure, n in support.items():
                rows.append({"measure": measure, "group": rec["group"], "value": rec[measure], "n": n})
        for rec in self.labels.to_dict("records"):
            rows.append({"measure": "accuracy", "group": rec["field"], "value": rec["accuracy"],
                         "n": rec["n_pairs"]})
        table = pd.DataFrame(rows, columns=["measure", "group", "value", "n"])
        return table.astype({"measure": "string", "group": "string", "value": "float64", "n": "int64"})

    def __repr__(self) -> str:
        def fmt(x: float) -> str:
            return "n/a" if np.isnan(x) else f"{x:.3f}"

        lines = [f"Scores({self.task}, {self.n_articles} gold article(s); matching: {self.matching_rule})"]
        lines.append(f"  {'group':<14}{'tp':>5}{'fp':>5}{'fn':>5}  {'P':>6} {'R':>6} {'F1':>6}")
        for rec in self.detection.to_dict("records"):
            lines.append(
                f"  {rec['group']:<14}{rec['tp']:>5}{rec['fp']:>5}{rec['fn']:>5}  "
                f"{fmt(rec['precision']):>6} {fmt(rec['recall']):>6} {fmt(rec['f1']):>6}"
            )
        for rec in self.labels.to_dict("records"):
            lines.append(
                f"  accuracy of {rec['field']:<13}{fmt(rec['accuracy'])} "
                f"({rec['n_agree']}/{rec['n_pairs']} matched pairs)"
            )
        lines.append(f"  {len(self.errors)} error rows (see .errors)")
        return "\n".join(lines)


def _side_group(side: Any) -> str:
    return side if side in schema.SIDES_OF_INTEREST else "other"


def _label(value: Any) -> str:
    """Comparable string form of a label (booleans as true/false, missing as '')."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    return str(value).strip().lower() if str(value).lower() in ("true", "false") else str(value)


@dataclass
class _Task:
    name: str
    start: str
    end: str
    keys: tuple[str, ...]
    side: str
    label_fields: tuple[str, ...]
    detection_field: str


_ATTRIBUTION_TASK = _Task(
    "attributions", "cue_start", "cue_end", ("source_side",), "source_side",
    ATTRIBUTION_LABEL_FIELDS, "source_side",
)
_STANCE_TASK = _Task(
    "stance", "evidence_start", "evidence_end", ("holder_side", "target_side", "polarity"),
    "target_side", STANCE_LABEL_FIELDS, "holder_side->target_side polarity",
)


def _holder_side(value: Any) -> str:
    """Canonical holder side: the author's narration has none; '' and 'author' agree."""
    label = _label(value)
    return "author" if label in ("", "author") else label


def _prepare(frame: pd.DataFrame, task: _Task, *, is_gold: bool, sentences: _SentenceIndex | None) -> pd.DataFrame:
    table = "gold " + task.name if is_gold else "predicted " + task.name
    needed = ["article_id", "part", task.start, task.end, *task.keys, *task.label_fields]
    if is_gold:
        needed.append("gold_id")
    schema.check_columns(frame, needed, table)
    if not is_gold:
        _check_parts(frame, table)
    _check_spans(frame, task.start, task.end, table, "gold_id" if is_gold else None)
    out = pd.DataFrame({
        "article_id": frame["article_id"].astype(str).to_numpy(),
        "part": frame["part"].map(_string_part).to_numpy(),
        "start": frame[task.start].astype("int64").to_numpy(),
        "end": frame[task.end].astype("int64").to_numpy(),
        "row": frame["gold_id"].astype(str).to_numpy() if is_gold else frame.index.to_numpy(),
    })
    for key in task.keys:
        values = frame[key].map(_holder_side if key == "holder_side" else _label)
        out[key] = values.to_numpy()
    for name in task.label_fields:
        out["label_" + name] = frame[name].map(_label).to_numpy()
    if sentences is None:
        out["sentence"] = None
    else:
        out["sentence"] = [
            sentences.sentence_of(a, p, s) for a, p, s in zip(out["article_id"], out["part"], out["start"])
        ]
    return out.sort_values(["article_id", "part", "start", "end", "row"], kind="stable").reset_index(drop=True)


def _detection_label(row: pd.Series, task: _Task) -> str:
    if task.name == "stance":
        return f"{row['holder_side']}->{row['target_side']} {row['polarity']}"
    return str(row["source_side"])


def _score(pred: pd.DataFrame, gold: Gold | pd.DataFrame, sentences: pd.DataFrame | None,
           restrict: bool, task: _Task) -> Scores:
    gold_table, article_ids = _gold_frame(gold, task.name)
    if restrict:
        pred = restrict_to_gold(pred, article_ids)
    if sentences is None:
        warnings.warn(
            f"score_{task.name}: no sentences table given, so spans match by overlap only; "
            "pass sentences= to apply the codebook's same-sentence rule",
            UserWarning, stacklevel=3,
        )
        index, rule = None, RULE_OVERLAP_ONLY
    else:
        index, rule = _SentenceIndex(sentences), RULE_WITH_SENTENCES
    g = _prepare(gold_table, task, is_gold=True, sentences=index)
    p = _prepare(pred, task, is_gold=False, sentences=index)
    group_cols = ["article_id", "part", *task.keys]
    pairs = []
    p_groups = {key: grp for key, grp in p.groupby(group_cols, sort=True)}
    for key, g_grp in g.groupby(group_cols, sort=True):
        p_grp = p_groups.get(key)
        if p_grp is None:
            continue
        g_spans = list(zip(g_grp["start"], g_grp["end"], g_grp["sentence"]))
        p_spans = list(zip(p_grp["start"], p_grp["end"], p_grp["sentence"]))
        for i, j, tier, distance in match_spans(g_spans, p_spans):
            pairs.append((g_grp.index[i], p_grp.index[j], tier, distance))
    return _build_scores(g, p, pairs, task, rule, len(article_ids))


def _error_row(kind: str, task: _Task, g: pd.Series | None, p: pd.Series | None,
               field_name: str, gold_label: str, pred_label: str) -> dict:
    ref = g if g is not None else p
    return {
        "error": kind, "article_id": ref["article_id"], "part": ref["part"],
        "side": ref[task.side], "field": field_name,
        "gold_id": None if g is None else g["row"], "pred_index": None if p is None else p["row"],
        "gold_start": None if g is None else g["start"], "gold_end": None if g is None else g["end"],
        "pred_start": None if p is None else p["start"], "pred_end": None if p is None else p["end"],
        "gold_label": gold_label, "pred_label": pred_label,
    }


def _id_column(values: pd.Series) -> pd.Series:
    """Prediction index labels as Int64 when they are integers, else as strings."""
    present = values.dropna()
    if all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in present):
        return values.astype("Int64")
    return values.astype("string")


def _build_scores(g: pd.DataFrame, p: pd.DataFrame, pairs: list, task: _Task, rule: str,
                  n_articles: int) -> Scores:
    matched_g = {i for i, _, _, _ in pairs}
    matched_p = {j for _, j, _, _ in pairs}
    errors, match_rows = [], []
    for i in g.index.difference(list(matched_g)):
        row = g.loc[i]
        errors.append(_error_row("false_negative", task, row, None, task.detection_field,
                                 _detection_label(row, task), ""))
    for j in p.index.difference(list(matched_p)):
        row = p.loc[j]
        errors.append(_error_row("false_positive", task, None, row, task.detection_field,
                                 "", _detection_label(row, task)))
    agree = {name: 0 for name in task.label_fields}
    for i, j, tier, distance in sorted(pairs):
        grow, prow = g.loc[i], p.loc[j]
        match_rows.append({
            "article_id": grow["article_id"], "part": grow["part"], "gold_id": grow["row"],
            "pred_index": prow["row"], "basis": "overlap" if tier == 0 else "same_sentence",
            "distance": distance,
        })
        for name in task.label_fields:
            gl, pl = grow["label_" + name], prow["label_" + name]
            if gl == pl:
                agree[name] += 1
            else:
                errors.append(_error_row("label_disagreement", task, grow, prow, name, gl, pl))
    detection = []
    for group in ("all", *SCORED_SIDES):
        in_g = g[task.side].map(_side_group) == group if group != "all" else pd.Series(True, index=g.index)
        in_p = p[task.side].map(_side_group) == group if group != "all" else pd.Series(True, index=p.index)
        tp = sum(1 for i, _, _, _ in pairs if in_g[i])
        fp = int(in_p.sum()) - sum(1 for _, j, _, _ in pairs if in_p[j])
        fn = int(in_g.sum()) - tp
        detection.append({"group": group, "tp": tp, "fp": fp, "fn": fn, **_prf(tp, fp, fn)})
    labels = [
        {"field": name, "n_pairs": len(pairs), "n_agree": agree[name],
         "accuracy": _ratio(agree[name], len(pairs))}
        for name in task.label_fields
    ]
    error_frame = pd.DataFrame(errors, columns=ERROR_COLUMNS, dtype=object)
    if not error_frame.empty:
        error_frame["_pos"] = error_frame["gold_start"].fillna(error_frame["pred_start"])
        error_frame["_title_first"] = error_frame["part"] != "title"
        error_frame = error_frame.sort_values(
            ["article_id", "_title_first", "_pos", "error", "field"], kind="stable"
        )
        error_frame = error_frame.drop(columns=["_pos", "_title_first"]).reset_index(drop=True)
    for col in ("gold_start", "gold_end", "pred_start", "pred_end"):
        error_frame[col] = error_frame[col].astype("Int64")
    error_frame["pred_index"] = _id_column(error_frame["pred_index"])
    for col in ("error", "article_id", "part", "side", "field", "gold_id", "gold_label", "pred_label"):
        error_frame[col] = error_frame[col].astype("string")
    matches = pd.DataFrame(match_rows, columns=MATCH_COLUMNS, dtype=object)
    matches["distance"] = matches["distance"].astype("int64")
    matches["pred_index"] = _id_column(matches["pred_index"])
    return Scores(
        task=task.name,
        detection=pd.DataFrame(detection),
        labels=pd.DataFrame(labels, columns=["field", "n_pairs", "n_agree", "accuracy"]),
        matches=matches,
        errors=error_frame,
        matching_rule=rule,
        n_articles=n_articles,
        side_basis=task.side,
    )


def score_attributions(
    pred: pd.DataFrame,
    gold: Gold | pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    *,
    restrict: bool = True,
) -> Scores:
    """Precision, recall and F1 of predicted attributions against gold (docs/codebook.md §6).

    Parameters
    ----------
    pred : pandas.DataFrame
        Predicted attributions (``schema.ATTRIBUTIONS``; at least article_id, part,
        source_side, cue_start, cue_end, cue_category, mode, source_type, in_heading).
    gold : Gold or pandas.DataFrame
        Gold annotations (:func:`analysis.validation.gold.load_gold`) or their attributions table.
    sentences : pandas.DataFrame, optional
        Sentences table (``schema.SENTENCES``) for the same-sentence rule. Without it
        spans match by overlap only, and a ``UserWarning`` says so.
    restrict : bool, default True
        Score only articles that have gold annotations (:func:`restrict_to_gold`).

    Returns
    -------
    Scores
        Detection scores overall and per source side (russia, us, other = every other
        side), accuracy of cue_category, mode, source_type and in_heading on matched
        pairs, and the error listing.

    Examples
    --------
    >>> scores = score_attributions(pred, load_gold(), sentences)   # doctest: +SKIP
    >>> scores.table.query("measure == 'f1'")                        # doctest: +SKIP
    """
    return _score(pred, gold, sentences, restrict, _ATTRIBUTION_TASK)


def score_stance(
    pred: pd.DataFrame,
    gold: Gold | pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    *,
    restrict: bool = True,
) -> Scores:
    """Precision, recall and F1 of predicted stance units against gold (docs/codebook.md §6).

    A unit matches when holder side, target side and polarity agree and the evidence
    spans overlap or lie in the same sentence. The holder ``author`` has no side: an
    empty ``holder_side`` and ``"author"`` are the same. Per-side scores group units by
    **target side** (russia, us, other); accuracy is reported for ``kind``.

    Parameters
    ----------
    pred : pandas.DataFrame
        Predicted stance units (``schema.STANCE``).
    gold : Gold or pandas.DataFrame
        Gold annotations or their stance table.
    sentences : pandas.DataFrame, optional
        Sentences table for the same-sentence rule (overlap only without it).
    restrict : bool, default True
        Score only articles that have gold annotations.

    Returns
    -------
    Scores

    Examples
    --------
    >>> score_stance(pred_stance, load_gold(), sentences).f1        # doctest: +SKIP
    """
    return _score(pred, gold, sentences, restrict, _STANCE_TASK)


# --------------------------------------------------------------------- content spans

_WORD_RE = re.compile(r"\w+")
CONTENT_COLUMNS = ["article_id", "gold_id", "pred_index", "gold_words", "pred_words", "shared_words",
                   "precision", "recall", "f1"]


def _word_spans(text: str, start: Any, end: Any) -> set[tuple[int, int]]:
    """Character spans of the words inside text[start:end] (empty when there is no span)."""
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return set()
    start, end = int(start), int(end)
    return {(start + m.start(), start + m.end()) for m in _WORD_RE.finditer(text[start:end])}


def score_content(scores: Scores, pred: pd.DataFrame, gold: Gold | pd.DataFrame,
                  articles: pd.DataFrame) -> pd.DataFrame:
    """Word-overlap precision, recall and F1 of the content span of every matched attribution.

    Quoted words and share of voice by words count the words of the content span, so a
    matched attribution with the wrong span still distorts them. For each matched pair the
    words (``\\w+`` runs) inside the gold and the predicted content spans are compared by
    position in the same string: ``f1 = 2 · shared / (gold words + predicted words)``. A
    pair where neither has content is left out; where one has none, its F1 is 0.

    Parameters
    ----------
    scores : Scores
        The result of :func:`score_attributions` (its ``matches``).
    pred, gold
        The predicted attributions and the gold (as given to :func:`score_attributions`).
    articles : pandas.DataFrame
        ``article_id``, ``title``, ``body`` of the scored articles.

    Returns
    -------
    pandas.DataFrame
        One row per pair (:data:`CONTENT_COLUMNS`). ``.attrs["micro_f1"]`` holds the F1
        over all words of all pairs, ``.attrs["mean_f1"]`` the mean of the pairs' F1.
    """
    gold_table, _ = _gold_frame(gold, "attributions")
    gold_rows = gold_table.assign(gold_id=gold_table["gold_id"].astype(str)).set_index(["article_id", "gold_id"])
    texts = articles.set_index("article_id")[["title", "body"]]
    rows = []
    for match in scores.matches.itertuples(index=False):
        g = gold_rows.loc[(match.article_id, str(match.gold_id))]
        p = pred.loc[match.pred_index]
        text = texts.loc[match.article_id, "title" if match.part == "title" else "body"]
        gold_words = _word_spans(text, g["content_start"], g["content_end"])
        pred_words = _word_spans(text, p.get("content_start"), p.get("content_end"))
        if not gold_words and not pred_words:
            continue
        shared = len(gold_words & pred_words)
        rows.append({
            "article_id": match.article_id, "gold_id": str(match.gold_id), "pred_index": match.pred_index,
            "gold_words": len(gold_words), "pred_words": len(pred_words), "shared_words": shared,
            **_prf(shared, len(pred_words) - shared, len(gold_words) - shared),
        })
    table = pd.DataFrame(rows, columns=CONTENT_COLUMNS)
    for column in ("precision", "recall", "f1"):
        table[column] = table[column].fillna(0.0)
    shared, n_gold, n_pred = table["shared_words"].sum(), table["gold_words"].sum(), table["pred_words"].sum()
    table.attrs["micro_f1"] = _ratio(2 * shared, n_gold + n_pred)
    table.attrs["mean_f1"] = float(table["f1"].mean()) if len(table) else float("nan")
    return table


def recall_by(scores: Scores, gold: Gold | pd.DataFrame, column: str) -> pd.DataFrame:
    """Gold units, found units and recall per value of a gold column (e.g. stance ``kind``).

    Examples
    --------
    >>> recall_by(report.stance, report.gold, "kind")   # doctest: +SKIP
    """
    gold_table, _ = _gold_frame(gold, scores.task)
    found = set(zip(scores.matches["article_id"], scores.matches["gold_id"].astype(str)))
    is_found = [(a, str(g)) in found for a, g in zip(gold_table["article_id"], gold_table["gold_id"])]
    table = (gold_table.assign(found=is_found).groupby(column, sort=True)["found"]
             .agg(gold="size", found="sum").reset_index())
    table["recall"] = [_ratio(f, n) for f, n in zip(table["found"], table["gold"])]
    return table


def article_counts(scores: Scores, article_ids: Iterable[str]) -> pd.DataFrame:
    """True positives, false positives and false negatives of each article (all sides).

    Every article of ``article_ids`` gets a row, also one with no gold and no prediction
    (its zeros matter when articles are resampled). The columns sum to the ``all`` row of
    ``scores.detection``.
    """
    ids = [str(a) for a in article_ids]
    table = pd.DataFrame(0, index=pd.Index(ids, name="article_id"), columns=["tp", "fp", "fn"])
    tp = scores.matches["article_id"].astype(str).value_counts()
    kinds = scores.errors["error"].astype(str)
    fp = scores.errors.loc[kinds == "false_positive", "article_id"].astype(str).value_counts()
    fn = scores.errors.loc[kinds == "false_negative", "article_id"].astype(str).value_counts()
    for column, counts in (("tp", tp), ("fp", fp), ("fn", fn)):
        unknown = sorted(set(counts.index) - set(ids))
        if unknown:
            raise ValueError(f"scores hold articles not in article_ids: {unknown[:5]}")
        table.loc[counts.index, column] = counts.to_numpy()
    return table.reset_index()


def bootstrap_scores(scores: Scores, article_ids: Iterable[str], *, draws: int = 2000,
                     level: float = 0.95, seed: int = 20261204) -> dict[str, float]:
    """Precision, recall and F1 with percentile intervals from resampling whole articles.

    Articles, not units, are resampled: units of one article share its topic, its writer
    and its coder, so they are not independent. With 30 articles the interval of F1 is
    ±0.06–0.14 on this project's gold; two scores whose intervals overlap widely are not shown to differ.

    Returns
    -------
    dict
        ``precision``, ``recall``, ``f1`` (the point values, as in ``scores.detection``),
        ``<measure>_low`` and ``<measure>_high`` for each, ``articles`` and ``draws``.

    Examples
    --------
    >>> b = bootstrap_scores(report.attributions, report.gold.article_ids)  # doctest: +SKIP
    >>> round(b["f1_low"], 3), round(b["f1_high"], 3)                       # doctest: +SKIP
    """
    if not 0 < level < 1:
        raise ValueError(f"level={level}: give a coverage between 0 and 1, e.g. 0.95")
    counts = article_counts(scores, article_ids)
    n = len(counts)
    if n == 0:
        raise ValueError("no articles to resample")
    values = counts[["tp", "fp", "fn"]].to_numpy(dtype=float)
    tp, fp, fn = (article_weights(n, draws, seed, scores.task) @ values).T
    with np.errstate(invalid="ignore", divide="ignore"):
        measures = {"precision": tp / (tp + fp), "recall": tp / (tp + fn), "f1": 2 * tp / (2 * tp + fp + fn)}
    total = values.sum(axis=0)
    out: dict[str, float] = {**_prf(*(int(v) for v in total)), "articles": n, "draws": draws}
    for name, sample in measures.items():
        out[f"{name}_low"], out[f"{name}_high"] = percentile_limits(sample, level)
    return out
