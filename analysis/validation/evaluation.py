"""Score the automatic coding against the hand-made gold annotations in one call.

Used by ``python -m analysis score``, notebook 06 and ``docs/evaluation.md``.

Examples
--------
>>> report = score_against_gold()                  # doctest: +SKIP
>>> report.attributions.detection                  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.corpus import paths
from analysis.validation.gold import Gold, load_gold, read_gold_articles
from analysis.pipeline.batch import Result, analyze
from analysis.validation.scoring import Scores, score_attributions, score_stance

__all__ = ["GoldReport", "score_against_gold"]


@dataclass
class GoldReport:
    """Scores of one run against the gold, with everything needed to inspect errors."""

    gold: Gold
    result: Result
    attributions: Scores
    stance: Scores

    def summary(self) -> pd.DataFrame:
        """One row per task: articles, gold rows, predictions, precision, recall, F1."""
        rows = []
        for task, scores, gold_rows in (
            ("attributions", self.attributions, self.gold.attributions),
            ("stance", self.stance, self.gold.stance),
        ):
            rows.append({
                "task": task, "articles": len(self.gold.article_ids), "gold": len(gold_rows),
                "precision": scores.precision, "recall": scores.recall, "f1": scores.f1,
            })
        return pd.DataFrame(rows)

    def __repr__(self) -> str:
        return (f"Gold: {len(self.gold.article_ids)} articles\n\n"
                f"ATTRIBUTIONS\n{self.attributions!r}\n\nSTANCE\n{self.stance!r}")


def score_against_gold(
    gold_dir: str | Path | None = None,
    *,
    sources: tuple[str, ...] = ("example", "ant-v2.1"),
    n_jobs: int = 1,
) -> GoldReport:
    """Load the gold, analyse its articles and score attributions and stance.

    Parameters
    ----------
    gold_dir : path, optional
        Folder of gold files (default ``data/annotations/gold``).
    sources : tuple of str
        Which gold articles to use: the shipped ``example`` and/or ``ant-v2.1`` articles
        (those need the ANT corpus; without it only the example is scored).
    n_jobs : int
        Processes for the analysis.
    """
    folder = Path(gold_dir) if gold_dir else paths.ANNOTATIONS_DIR / "gold"
    usable = set(sources) if paths.ant_corpus() is not None else set(sources) & {"example"}
    gold = load_gold(folder)
    keep = [a for a, s in zip(gold.meta["article_id"], gold.meta["source"]) if s in usable]
    gold = load_gold(folder, article_ids=keep)
    articles = read_gold_articles(gold)
    # load again against the texts: offsets in range, hashes equal to the corpus copy
    gold = load_gold(folder, articles=articles, article_ids=keep)
    result = analyze(articles, n_jobs=n_jobs, progress=False)
    return GoldReport(
        gold=gold,
        result=result,
        attributions=score_attributions(result.attributions, gold, result.sentences),
        stance=score_stance(result.stance, gold, result.sentences),
    )
