"""The paper figures and tables, drawn from a study's derived data (no corpus needed).

:func:`build_paper_tables` computes every interval table from the derived rows
(:mod:`analysis.measures.comparisons`); :func:`draw_paper_figures` draws them
(:mod:`analysis.figures.comparisons`); :func:`save_paper_figures` writes each figure as
PDF, PNG and SVG with the CSV of exactly what it draws and a note (``<name>.note.csv``)
with the extractor's measured precision and recall for that quantity
(:mod:`analysis.study.notes`), plus the tables of pairwise group differences and of the
further groupings. :func:`save_example_figures` draws the one-article figures of the
shipped example (``example-*``). ``python -m analysis figures`` calls both.

Examples
--------
>>> from analysis.study import load_study
>>> from analysis.corpus import paths
>>> study = load_study(paths.ROOT / "studies" / "ant-2018.toml")
>>> tables = build_paper_tables(read_derived(study.derived_dir), study)   # doctest: +SKIP
>>> sorted(tables)   # doctest: +SKIP
['coverage-by-month', 'cue-profile', 'direct-and-anonymous', ...]
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.corpus import paths
from analysis.figures import comparisons as figures
from analysis.figures.saving import save_figure
from analysis.measures import comparisons as measures
from analysis.study.derived import Derived, csv_text, read_derived
from analysis.study.notes import figure_note, latest_test_scoring
from analysis.study.spec import PAPER_FIGURES, Study

__all__ = ["EXAMPLE_FIGURES", "build_paper_tables", "draw_paper_figures", "save_example_figures",
           "save_paper_figures"]

#: The one-article figures of the shipped example, drawn by :func:`save_example_figures`.
EXAMPLE_FIGURES = ("example-share-of-voice", "example-cue-categories", "example-source-types",
                   "example-stance-between-sides", "example-top-sources")


def _compared(derived: Derived, by: str) -> pd.DataFrame:
    articles = derived.selected()
    return articles.assign(**{by: articles[by].astype("string")})


def _rows(frame: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    ids = set(articles["article_id"])
    return frame[frame["article_id"].isin(ids)]


def build_paper_tables(derived: Derived, study: Study) -> dict[str, pd.DataFrame]:
    """Every table behind the figures and the further tables, keyed by file stem.

    Keys: the figure names of the study, ``<compare>-differences`` (pairwise group
    differences) and ``measures-by-<grouping>`` for each grouping of ``study.tables``.
    """
    settings = {"draws": study.draws, "seed": study.seed, "level": study.level}
    by = study.compare
    articles = _compared(derived, by)
    attributions = _rows(derived.attributions, articles)
    stance = _rows(derived.stance, articles)
    out: dict[str, pd.DataFrame] = {}
    wanted = set(study.figures)
    if "share-of-voice" in wanted:
        out["share-of-voice"] = pd.concat([
            measures.build_voice_table(articles, attributions, by=by, **settings),
            measures.build_voice_table(articles, attributions, by=by, weight="quoted_words", **settings),
        ], ignore_index=True)
    if "direct-and-anonymous" in wanted:
        out["direct-and-anonymous"] = pd.concat([
            measures.build_source_share_table(articles, attributions, what="direct", by=by, **settings),
            measures.build_source_share_table(articles, attributions, what="anonymous", by=by, **settings),
        ], ignore_index=True)
    if "cue-profile" in wanted:
        out["cue-profile"] = measures.build_cue_profile_table(articles, attributions, by=by, **settings)
    if "stance-between-sides" in wanted:
        out["stance-between-sides"] = measures.build_stance_rate_table(articles, stance, by=by, **settings)
    if "coverage-by-month" in wanted:
        coverage_by = by if by != "month" else "outlet"
        distinct = derived.distinct()
        out["coverage-by-month"] = measures.build_coverage_table(
            distinct.assign(relevant=distinct["selected"]), by=coverage_by,
            periods=list(study.periods) if study.periods else None, **settings)
    if articles[by].nunique() > 1:
        out[f"{by}-differences"] = measures.build_differences_table(articles, attributions, by=by, **settings)
    for grouping in study.tables:
        if grouping == by:
            continue
        grouped = _compared(derived, grouping)
        pieces = [measures.build_voice_table(grouped, attributions, by=grouping, **settings),
                  measures.build_source_share_table(grouped, attributions, what="direct", by=grouping,
                                                    **settings),
                  measures.build_source_share_table(grouped, attributions, what="anonymous", by=grouping,
                                                    **settings)]
        out[f"measures-by-{grouping}"] = pd.concat(pieces, ignore_index=True)
    return out


def _periods(table: pd.DataFrame, study: Study) -> list[str]:
    if study.periods:
        return list(study.periods)
    return sorted(p for p in table["category"].unique() if p and p != "other")


def draw_paper_figures(tables: dict[str, pd.DataFrame], study: Study) -> dict[str, object]:
    """The Figure of every paper figure of ``tables`` (see :func:`build_paper_tables`)."""
    common = {"labels": study.labels, "draws": study.draws}
    drawn = {}
    for name in study.figures:
        table = tables.get(name)
        if table is None:
            continue
        if name == "share-of-voice":
            fig = figures.figure_share_of_voice(table[table["measure"] == "voice_attributions"],
                                                table[table["measure"] == "voice_quoted_words"], **common)
        elif name == "direct-and-anonymous":
            fig = figures.figure_source_shares(table[table["measure"] == "direct_share"],
                                               table[table["measure"] == "anonymous_share"], **common)
        elif name == "cue-profile":
            fig = figures.figure_cue_profile(table, **common)
        elif name == "stance-between-sides":
            fig = figures.figure_stance(table, **common)
        else:
            fig = figures.figure_coverage(table, periods=_periods(table, study), **common)
        drawn[name] = fig
    return drawn


def save_paper_figures(study: Study, out_dir: str | Path | None = None,
                       derived_dir: str | Path | None = None) -> list[Path]:
    """Draw the paper figures of ``study`` from its derived data and write them.

    Parameters
    ----------
    study : Study
    out_dir : path, optional
        Default: the study's figures folder.
    derived_dir : path, optional
        Default: the study's derived folder.

    Returns
    -------
    list of Path
        Every file written: per figure ``.pdf``, ``.png``, ``.svg``, ``.csv`` and
        ``.note.csv``; the difference and grouping tables as ``.csv``.
    """
    out = Path(out_dir) if out_dir is not None else Path(study.figures_dir)
    derived = read_derived(derived_dir if derived_dir is not None else study.derived_dir)
    tables = build_paper_tables(derived, study)
    written: list[Path] = []
    scoring = latest_test_scoring()
    from analysis.corpus.files import write_text_atomic

    for name, fig in draw_paper_figures(tables, study).items():
        written += save_figure(fig, name, tables[name], out).values()
        written.append(write_text_atomic(out / f"{name}.note.csv", csv_text(figure_note(name, scoring))))
    for name, table in tables.items():
        if name not in PAPER_FIGURES:
            written.append(write_text_atomic(out / f"{name}.csv", csv_text(table)))
    return sorted(written)


def save_example_figures(out_dir: str | Path = paths.FIGURES_DIR, labels: str = "both") -> list[Path]:
    """The one-article figures of the shipped example article (``example-*``)."""
    from analysis.figures import plots, tables
    from analysis.pipeline.batch import analyze

    result = analyze(paths.EXAMPLE_ARTICLE, progress=False)
    attributions = result.attributions.sort_values(["article_id", "attribution_id"]).reset_index(drop=True)
    stance = result.stance.sort_values(["article_id", "sent_id", "evidence_start", "holder", "kind"]
                                       ).reset_index(drop=True)
    drawn = {
        "example-share-of-voice": (plots.plot_share_of_voice(attributions, labels=labels),
                                   tables.build_share_of_voice_table(attributions)),
        "example-cue-categories": (plots.plot_cue_categories(attributions, labels=labels),
                                   tables.build_cue_category_table(attributions)),
        "example-source-types": (plots.plot_source_types(attributions, labels=labels),
                                 tables.build_source_type_table(attributions)),
        "example-stance-between-sides": (plots.plot_stance(stance, labels=labels),
                                         tables.build_stance_table(stance)),
        "example-top-sources": (plots.plot_top_sources(attributions, labels=labels),
                                tables.build_top_sources_table(attributions)),
    }
    written: list[Path] = []
    for name, (ax, data) in drawn.items():
        written += save_figure(ax.figure, name, data, out_dir).values()
    return sorted(written)
