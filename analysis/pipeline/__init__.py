"""Stage 5, running the stages: :func:`analyze` over a corpus in memory and the :class:`Result`
it returns; :func:`analyze_to`, streaming a corpus of any size into partitioned Parquet, and
:func:`open_result`, its lazy reader; :func:`analyze_dask` on a Dask cluster."""

from analysis.pipeline.batch import Result, analyze, analyze_article, analyze_partition
from analysis.pipeline.dataset import OutputFolderError, ResultDataset, open_result
from analysis.pipeline.stream import ArticleError, analyze_to

__all__ = ["ArticleError", "OutputFolderError", "Result", "ResultDataset", "analyze", "analyze_article",
           "analyze_partition", "analyze_to", "open_result"]
