"""Running a study: read the corpus, keep the articles in which the sides act, analyse
them, write the derived data, draw the figures.

:func:`run_study` does every step of a :class:`~analysis.study.spec.Study`:

1. read the corpus (a fetched corpus such as ANT, or a file or folder);
2. find the actor mentions of every article (the mentions stage alone, which is fast) and
   keep the articles in which every side of the filter is an actor
   (:class:`analysis.measures.relevance.RelevanceFilter`), leaving out repeats of an
   earlier article's title and body;
3. run every stage on the kept articles, on ``jobs`` processes;
4. write the derived data (:mod:`analysis.study.derived`);
5. read it back and draw the figures from it (:mod:`analysis.study.paper`), so that the
   figures of a study run and of ``make figures`` are the same bytes.
"""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.corpus import paths
from analysis.measures.relevance import RelevanceFilter, count_side_mentions
from analysis.study.derived import file_sha256, write_derived
from analysis.study.spec import Study, StudyError

__all__ = ["StudyRun", "read_study_corpus", "run_study", "select_articles"]

_MONTH = re.compile(r"^(\d{4}-\d{2})")


@dataclass
class StudyRun:
    """What a run did: counts, the files written and the time each step took."""

    study: Study
    counts: dict = field(default_factory=dict)
    derived: list[Path] = field(default_factory=list)
    figures: list[Path] = field(default_factory=list)
    seconds: dict = field(default_factory=dict)
    result: object = None  # the analysis of the studied articles (with their text)

    def summary(self) -> str:
        c = self.counts
        lines = [
            f"{c.get('read', 0):,} articles read; {c.get('duplicates', 0):,} repeat an earlier one; "
            f"{c.get('relevant', 0):,} relevant; {c.get('selected', 0):,} studied",
            f"{c.get('attributions', 0):,} attributions, {c.get('stance', 0):,} stance units",
            f"derived data: {len(self.derived)} files in {self.study.derived_dir}",
        ]
        if self.figures:
            lines.append(f"figures: {len(self.figures)} files in {self.study.figures_dir}")
        lines.append("time: " + ", ".join(f"{k} {v:.1f} s" for k, v in self.seconds.items()))
        return "\n".join(lines)


def corpus_location(study: Study) -> Path:
    """The corpus file or folder of a study; for a fetched corpus, where it was converted.

    Raises
    ------
    StudyError
        When a fetched corpus is not there yet, saying which command fetches it.
    """
    if study.corpus_path is not None:
        if not study.corpus_path.exists():
            raise StudyError(f"corpus {study.corpus_path}: no such file or folder")
        return study.corpus_path
    from analysis.corpus.fetch import CORPORA

    if study.corpus_fetch not in CORPORA:
        raise StudyError(f"corpus fetch = {study.corpus_fetch!r} is not a corpus this suite can fetch; "
                         f"known: {sorted(CORPORA)}; or give path = \"...\"")
    found = paths.ant_corpus() if study.corpus_fetch == "ant" else None
    if found is None:
        raise StudyError(f"the {study.corpus_fetch.upper()} corpus is not here yet: run "
                         f"`python -m analysis fetch {study.corpus_fetch}` (or set FRAMING_ANT to a copy)")
    return found


def corpus_about(study: Study, location: Path, n_articles: int) -> dict:
    """The corpus part of the manifest: no absolute path, nothing machine-specific."""
    about = {"file": location.name, "sha256": file_sha256(location), "articles": n_articles}
    if study.corpus_fetch is not None:
        from analysis.corpus.fetch import CORPORA

        spec = CORPORA[study.corpus_fetch]
        about = {"name": spec.version, "fetch": spec.name, "repository": spec.repository,
                 "commit": spec.commit, **about, "citation": spec.citation}
    else:
        about = {"name": location.stem, **about}
    return about


def read_study_corpus(study: Study, location: Path | None = None) -> pd.DataFrame:
    """The corpus as an articles table with ``section``, ``month`` and ``duplicate_of``."""
    from analysis.corpus.readers import read_articles

    location = location or corpus_location(study)
    articles = read_articles(location, format=study.input_format, columns=study.columns or None,
                             outlet=study.outlet, encoding=study.encoding)
    repeats = {d["article_id"]: d["same_text_as"] for d in articles.attrs.get("duplicate_texts", [])}
    out = articles.copy()
    if study.section_column:
        if study.section_column not in out.columns:
            raise StudyError(f"corpus section = {study.section_column!r} names no column of the corpus; "
                             f"its columns are {list(out.columns)}")
        out["section"] = out[study.section_column].astype("string").fillna("")
    else:
        out["section"] = ""
    published = out["published"].astype("string").fillna("")
    out["month"] = published.str.extract(_MONTH, expand=False).fillna("").astype("string")
    repeats = repeats if study.drop_duplicate_texts else {}
    out["duplicate_of"] = pd.array([repeats.get(i, "") for i in out["article_id"].astype(str)], dtype="string")
    out.attrs = dict(articles.attrs)
    return out


def select_articles(articles: pd.DataFrame, study: Study, *, n_jobs: int = 1,
                    progress: bool = False) -> pd.DataFrame:
    """Mention counts per filter side and the filter's verdict for every article.

    Returns
    -------
    DataFrame
        ``article_id``, ``<side>_mentions``, ``relevant`` and ``selected`` (relevant and
        not a repeat), in the order of ``articles``. With the filter disabled every
        article is relevant.
    """
    from analysis.pipeline.batch import analyze

    rule = RelevanceFilter(study.sides, study.via, study.min_mentions)
    distinct = articles[articles["duplicate_of"] == ""]
    if study.filter_enabled:
        found = analyze(distinct[["article_id", "title", "body"]], stages=("mentions",), n_jobs=n_jobs,
                        progress=progress)
        counts = count_side_mentions(found.mentions, articles["article_id"], rule)
    else:
        counts = count_side_mentions(pd.DataFrame(columns=["article_id", "side", "via"]),
                                     articles["article_id"], rule)
        counts["relevant"] = True
    counts["selected"] = counts["relevant"] & (articles["duplicate_of"].to_numpy() == "")
    return counts


def run_study(study: Study, *, jobs: int | None = None, figures: bool = True, progress: bool = False,
              log: Callable[[str], None] | None = None) -> StudyRun:
    """Run every step of a study (see the module docstring); return what was done.

    Parameters
    ----------
    study : Study
        From :func:`analysis.study.load_study` (or built in code).
    jobs : int, optional
        Processes for the analysis (default: the study's ``output.jobs``); the output does
        not depend on it.
    figures : bool
        Also draw the figures from the derived data.
    progress : bool
        Progress bars while analysing.
    log : callable, optional
        Receives one line per step (``print`` on the command line).
    """
    from analysis.pipeline.batch import analyze

    say = log or (lambda line: None)
    n_jobs = jobs if jobs is not None else study.jobs
    run = StudyRun(study)
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        run.seconds[step] = now - clock
        clock = now

    location = corpus_location(study)
    say(f"reading {location} ...")
    articles = read_study_corpus(study, location)
    run.counts.update(read=len(articles), duplicates=int((articles["duplicate_of"] != "").sum()))
    lap("read")
    say(f"{len(articles):,} articles; finding the actors of {', '.join(study.sides)} ...")
    verdict = select_articles(articles, study, n_jobs=n_jobs, progress=progress)
    run.counts.update(relevant=int(verdict["relevant"].sum()), selected=int(verdict["selected"].sum()))
    lap("filter")
    chosen = articles[verdict["selected"].to_numpy()]
    say(f"{len(chosen):,} articles selected; analysing ...")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the read already reported what it noticed
        result = analyze(chosen[["article_id", "outlet", "published", "title", "body"]], n_jobs=n_jobs,
                         progress=progress)
    run.counts.update(attributions=len(result.attributions), stance=len(result.stance))
    run.result = result
    lap("analyse")

    side_columns = [f"{side}_mentions" for side in study.sides]
    table = pd.DataFrame({
        "article_id": articles["article_id"].astype("string").to_numpy(),
        "outlet": articles["outlet"].astype("string").fillna("").to_numpy(),
        "section": articles["section"].to_numpy(),
        "published": articles["published"].astype("string").fillna("").to_numpy(),
        "month": articles["month"].to_numpy(),
        "duplicate_of": articles["duplicate_of"].to_numpy(),
    })
    repeat = articles["duplicate_of"].to_numpy() != ""
    for column in side_columns:  # a repeat is not examined: its counts stay empty
        table[column] = verdict[column].mask(repeat).to_numpy()
    table["relevant"] = verdict["relevant"].to_numpy()
    table["selected"] = verdict["selected"].to_numpy()
    features = result.features(by="article_id")
    about = {
        "study": study.settings(),
        "corpus": corpus_about(study, location, len(articles)),
        "selection": {
            "rule": RelevanceFilter(study.sides, study.via, study.min_mentions).describe()
            if study.filter_enabled else "every article",
            "read": len(articles), "duplicates": run.counts["duplicates"],
            "relevant": run.counts["relevant"], "selected": run.counts["selected"],
        },
    }
    write_derived(study.derived_dir, {"articles": table, "features": features,
                                      "attributions": result.attributions, "stance": result.stance}, about)
    run.derived = sorted(p for p in Path(study.derived_dir).iterdir() if p.is_file())
    lap("write")
    if figures:
        from analysis.study.paper import save_paper_figures

        say(f"drawing the figures into {study.figures_dir} ...")
        run.figures = save_paper_figures(study)
        lap("figures")
    return run
