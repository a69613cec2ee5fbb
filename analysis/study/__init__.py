"""Stage 10, studies: a study file (TOML) names a corpus, the relevance filter, the
grouping, the bootstrap and the figures (``spec``); ``run`` executes it into derived data
without article text (``derived``), from which ``paper`` draws the paper figures with
notes on the extractor's measured accuracy (``notes``); ``exports`` writes the quotes
sheet for researchers."""

from analysis.study.run import StudyRun, run_study
from analysis.study.spec import PAPER_FIGURES, Study, StudyError, load_study

__all__ = ["PAPER_FIGURES", "Study", "StudyError", "StudyRun", "load_study", "run_study"]
