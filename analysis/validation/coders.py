"""Agreement between two hand codings of the same articles: the human ceiling.

Two coders rarely mark a unit at exactly the same characters, and they may disagree on
*whether* there is a unit at all. :func:`pair_units` therefore pairs the units of two
codings with the codebook's span rule (same article and part; cues, or stance evidence,
overlapping or in the same sentence; each unit paired at most once) but *without*
requiring the same labels, so that a disagreement about a side shows up as a disagreement
and not as two unmatched units. :func:`coder_agreement` reports:

* **unitizing**: units both coders found, and units only one of them found;
* **Krippendorff's alpha per variable** (nominal) on the paired units;
* **the human ceiling** in the extractor's own terms: the second coding scored against the
  first with :func:`~analysis.validation.scoring.score_attributions` and
  :func:`~analysis.validation.scoring.score_stance`, i.e. the precision, recall and F1 an
  extractor would get if it coded exactly like the second coder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.text.segment import split_article
from analysis.validation.gold import load_gold, read_gold_articles
from analysis.validation.scoring import Scores, match_spans, score_attributions, score_stance
from analysis.validation.sheets import agreement_table

__all__ = ["ATTRIBUTION_VARIABLES", "STANCE_VARIABLES", "CoderAgreement", "coder_agreement", "pair_units"]

ATTRIBUTION_VARIABLES = ["source_side", "cue_category", "mode", "source_type"]
STANCE_VARIABLES = ["holder_side", "target_side", "kind", "polarity"]
_SPANS = {"attributions": ("cue_start", "cue_end"), "stance": ("evidence_start", "evidence_end")}


def _sentences(articles: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame([
        {"article_id": a, **s._asdict()}
        for a, t, b in articles[["article_id", "title", "body"]].itertuples(index=False)
        for s in split_article(t, b)
    ])


def _sentence_finder(sentences: pd.DataFrame):
    index: dict[tuple[str, bool], list[tuple[int, int, int]]] = {}
    for rec in sentences.itertuples(index=False):
        index.setdefault((rec.article_id, rec.part == "title"), []).append((rec.start, rec.end, rec.sent_id))

    def sentence_of(article_id: str, part: str, start: int) -> int:
        for s, e, sent_id in index.get((article_id, part == "title"), []):
            if s <= start < e:
                return int(sent_id)
        return -1

    return sentence_of


def pair_units(first: pd.DataFrame, second: pd.DataFrame, sentences: pd.DataFrame, kind: str,
               variables: list[str]) -> pd.DataFrame:
    """Long table (``unit_id``, ``coder``, variables …) of both codings' units, paired by span.

    Parameters
    ----------
    first, second : pandas.DataFrame
        The ``attributions`` or ``stance`` tables of two gold codings.
    sentences : pandas.DataFrame
        Sentences of the articles (``article_id, part, sent_id, start, end``).
    kind : {"attributions", "stance"}
    variables : list of str
        Columns carried into the table.

    Returns
    -------
    pandas.DataFrame
        One row per unit and coder; a paired unit has one ``unit_id`` and two rows
        (``first`` and ``second``), an unpaired unit one row.
    """
    start, end = _SPANS[kind]
    sentence_of = _sentence_finder(sentences)
    rows = []
    keys = sorted(set(map(tuple, first[["article_id", "part"]].to_numpy()))
                  | set(map(tuple, second[["article_id", "part"]].to_numpy())))
    for article_id, part in keys:
        group_a = first[(first["article_id"] == article_id) & (first["part"] == part)]
        group_b = second[(second["article_id"] == article_id) & (second["part"] == part)]
        spans_a = [(int(s), int(e), sentence_of(article_id, part, int(s))) for s, e in zip(group_a[start], group_a[end])]
        spans_b = [(int(s), int(e), sentence_of(article_id, part, int(s))) for s, e in zip(group_b[start], group_b[end])]
        pairs = {i: j for i, j, _, _ in match_spans(spans_a, spans_b)}
        records_b = group_b.to_dict("records")
        for i, rec in enumerate(group_a.to_dict("records")):
            if i in pairs:
                unit = f"{article_id}/{part}/pair:{rec['gold_id']}"
                rows.append({"unit_id": unit, "coder": "first", **{v: rec[v] for v in variables}})
                rows.append({"unit_id": unit, "coder": "second", **{v: records_b[pairs[i]][v] for v in variables}})
            else:
                rows.append({"unit_id": f"{article_id}/{part}/first:{rec['gold_id']}", "coder": "first",
                             **{v: rec[v] for v in variables}})
        paired_b = set(pairs.values())
        for j, rec in enumerate(records_b):
            if j not in paired_b:
                rows.append({"unit_id": f"{article_id}/{part}/second:{rec['gold_id']}", "coder": "second",
                             **{v: rec[v] for v in variables}})
    return pd.DataFrame(rows, columns=["unit_id", "coder", *variables])


@dataclass
class CoderAgreement:
    """Agreement of two codings of the same articles (see the module docstring)."""

    article_ids: list[str]
    unitizing: pd.DataFrame
    alpha: pd.DataFrame
    attributions: Scores
    stance: Scores

    def ceiling(self) -> pd.DataFrame:
        """The second coding scored against the first: one row per task (P, R, F1)."""
        return pd.DataFrame([
            {"task": task, "articles": len(self.article_ids), "precision": s.precision,
             "recall": s.recall, "f1": s.f1}
            for task, s in (("attributions", self.attributions), ("stance", self.stance))
        ])


def _unitizing(units: pd.DataFrame) -> pd.Series:
    sizes = units.groupby("unit_id")["coder"].agg(lambda c: "both" if len(c) == 2 else f"{c.iloc[0]} only")
    return sizes.value_counts().reindex(["both", "first only", "second only"], fill_value=0)


def coder_agreement(first_dir: str | Path, second_dir: str | Path,
                    article_ids: list[str] | None = None) -> CoderAgreement:
    """Unitizing, alpha per variable and the human ceiling for the articles both coded.

    Parameters
    ----------
    first_dir, second_dir : path
        Gold folders of the two codings (e.g. ``data/annotations/gold`` and
        ``data/annotations/second_coder``).
    article_ids : list of str, optional
        Restrict to these articles (default: every article both folders hold).
    """
    shared = sorted(set(load_gold(first_dir).article_ids) & set(load_gold(second_dir).article_ids))
    if article_ids is not None:
        shared = [a for a in shared if a in set(article_ids)]
    if not shared:
        raise ValueError(f"{first_dir} and {second_dir} have no article in common")
    first = load_gold(first_dir, article_ids=shared)
    articles = read_gold_articles(first)
    first = load_gold(first_dir, articles, article_ids=shared)
    second = load_gold(second_dir, articles, article_ids=shared)
    sentences = _sentences(articles)
    units = {
        "attributions": pair_units(first.attributions, second.attributions, sentences, "attributions",
                                   ATTRIBUTION_VARIABLES),
        "stance": pair_units(first.stance, second.stance, sentences, "stance", STANCE_VARIABLES),
    }
    unitizing = pd.DataFrame({kind: _unitizing(u) for kind, u in units.items()})
    alpha = pd.concat([
        agreement_table([u[u["coder"] == c].reset_index(drop=True) for c in ("first", "second")],
                        variables).assign(table=kind)
        for (kind, u), variables in zip(units.items(), (ATTRIBUTION_VARIABLES, STANCE_VARIABLES))
    ], ignore_index=True)
    return CoderAgreement(
        article_ids=shared,
        unitizing=unitizing,
        alpha=alpha,
        attributions=score_attributions(second.attributions, first, sentences),
        stance=score_stance(second.stance, first, sentences),
    )
