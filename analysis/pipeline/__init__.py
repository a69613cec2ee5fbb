"""Stage 5, running the stages: :func:`analyze` over a corpus and the :class:`Result` it returns."""

from analysis.pipeline.batch import Result, analyze, analyze_article, analyze_partition

__all__ = ["Result", "analyze", "analyze_article", "analyze_partition"]
