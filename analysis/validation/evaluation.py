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
from analysis.validation.scoring import (Scores, bootstrap_scores, recall_by, score_attributions, score_content,
                                         score_stance)

__all__ = ["GoldReport", "read_splits", "score_against_gold", "scored_ids"]


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

    def content(self) -> pd.DataFrame:
        """Word-overlap F1 of the content span of every matched attribution (see
        :func:`~analysis.validation.scoring.score_content`); ``.attrs`` has the totals."""
        return score_content(self.attributions, self.result.attributions, self.gold, self.result.articles)

    def intervals(self, draws: int = 2000, level: float = 0.95, seed: int = 20261204) -> pd.DataFrame:
        """Precision, recall and F1 of both tasks with bootstrap intervals over articles
        (:func:`~analysis.validation.scoring.bootstrap_scores`): one row per task."""
        rows = []
        for task, scores in (("attributions", self.attributions), ("stance", self.stance)):
            b = bootstrap_scores(scores, self.gold.article_ids, draws=draws, level=level, seed=seed)
            rows.append({"task": task, **b})
        return pd.DataFrame(rows)

    def stance_by_kind(self) -> pd.DataFrame:
        """Gold stance units found, per kind (blame, criticism, threat, …)."""
        return recall_by(self.stance, self.gold, "kind")

    def by_outlet(self) -> pd.DataFrame:
        """Precision, recall and F1 of both tasks per outlet of the gold articles."""
        outlets = dict(zip(self.gold.meta["article_id"], self.gold.meta["outlet"]))
        rows = []
        for outlet in sorted(set(outlets.values())):
            ids = [a for a, o in outlets.items() if o == outlet]
            gold = self.gold.subset(ids)
            for task, scorer, pred in (("attributions", score_attributions, self.result.attributions),
                                       ("stance", score_stance, self.result.stance)):
                scores = scorer(pred, gold, self.result.sentences)
                rows.append({"outlet": outlet, "task": task, "articles": len(ids),
                             "precision": scores.precision, "recall": scores.recall, "f1": scores.f1})
        return pd.DataFrame(rows)

    def __repr__(self) -> str:
        return (f"Gold: {len(self.gold.article_ids)} articles\n\n"
                f"ATTRIBUTIONS\n{self.attributions!r}\n\nSTANCE\n{self.stance!r}")


SPLIT_FOLDERS = {"dev": "gold", "test": "test"}


def read_splits(path: str | Path | None = None) -> pd.DataFrame:
    """The split table: one row per gold article with ``split`` (dev/test), ``round`` and
    ``duplicate_of``.

    ``data/annotations/splits.csv`` records, for every hand-coded article, which split
    it belongs to and in which coding round it was added (``data/annotations/README.md``).
    ``duplicate_of`` names another gold article with the same text (ANT files some stories
    twice, under two ids): a test article whose text is also in dev, or the later of two
    copies in one split. Such an article is left out of scores and training
    (:func:`scored_ids`); empty for all others (and added empty to an older table without it).
    """
    source = Path(path) if path else paths.ANNOTATIONS_DIR / "splits.csv"
    table = pd.read_csv(source, dtype=str, keep_default_na=False)
    bad = sorted(set(table["split"]) - set(SPLIT_FOLDERS))
    if bad:
        raise ValueError(f"{source}: unknown split values {bad}; use {sorted(SPLIT_FOLDERS)}")
    if "duplicate_of" not in table.columns:
        table["duplicate_of"] = ""
    unknown = sorted(set(table["duplicate_of"]) - set(table["article_id"]) - {""})
    if unknown:
        raise ValueError(f"{source}: duplicate_of names articles that are not in the table: {unknown}")
    return table


def scored_ids(table: pd.DataFrame, split: str | None = None, rounds: tuple[str, ...] | None = None,
               duplicates: bool = False) -> set[str]:
    """Ids of the split table's articles in ``split`` and ``rounds`` (None: any).

    Articles with a ``duplicate_of`` are left out unless ``duplicates``: a text coded twice
    counts once, and a test article whose text is in dev is not unseen news.

    Examples
    --------
    >>> t = pd.DataFrame({"article_id": ["a", "b", "c"], "split": ["dev", "test", "test"],
    ...                   "round": ["1", "2", "2"], "duplicate_of": ["", "", "a"]})
    >>> sorted(scored_ids(t, split="test")), sorted(scored_ids(t, split="test", duplicates=True))
    (['b'], ['b', 'c'])
    """
    chosen = table
    if split is not None:
        chosen = chosen[chosen["split"] == split]
    if rounds is not None:
        chosen = chosen[chosen["round"].astype(str).isin(rounds)]
    if not duplicates and "duplicate_of" in chosen.columns:
        chosen = chosen[chosen["duplicate_of"] == ""]
    return set(chosen["article_id"].astype(str))


def score_against_gold(
    gold_dir: str | Path | None = None,
    *,
    split: str | None = None,
    rounds: tuple[str, ...] | None = None,
    sources: tuple[str, ...] = ("example", "ant-v2.1"),
    n_jobs: int = 1,
    duplicates: bool = False,
) -> GoldReport:
    """Load the gold, analyse its articles and score attributions and stance.

    Parameters
    ----------
    gold_dir : path, optional
        Folder of gold files (default: the folder of ``split``, else ``data/annotations/gold``).
    split : {"dev", "test"}, optional
        Score one split of ``data/annotations/splits.csv``: ``dev`` (``gold/``, where rules
        may be written looking at the errors) or ``test`` (``test/``, locked: score it only
        as totals, once per round of rule changes, and record the scoring in
        ``data/annotations/README.md``).
    rounds : tuple of str, optional
        Only articles of these coding rounds (``("1",)`` is the 17-article development
        gold the rules were first written on).
    sources : tuple of str
        Which gold articles to use: the shipped ``example`` and/or ``ant-v2.1`` articles
        (those need the ANT corpus; without it only the example is scored).
    n_jobs : int
        Processes for the analysis.
    duplicates : bool
        Also score the articles marked ``duplicate_of`` in the split table (by default they
        are left out of any gold folder: :func:`scored_ids`).
    """
    if split is not None and split not in SPLIT_FOLDERS:
        raise ValueError(f"split={split!r}: use one of {sorted(SPLIT_FOLDERS)}")
    if gold_dir:
        folder = Path(gold_dir)
    else:
        folder = paths.ANNOTATIONS_DIR / SPLIT_FOLDERS[split or "dev"]
    usable = set(sources) if paths.ant_corpus() is not None else set(sources) & {"example"}
    gold = load_gold(folder)
    keep = [a for a, s in zip(gold.meta["article_id"], gold.meta["source"]) if s in usable]
    if split is not None or rounds is not None:
        chosen = scored_ids(read_splits(), split, rounds, duplicates)
        keep = [a for a in keep if a in chosen]
    elif not duplicates:  # any gold folder: a text coded twice counts once
        table = read_splits()
        repeated = set(table.loc[table["duplicate_of"] != "", "article_id"])
        keep = [a for a in keep if a not in repeated]
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
