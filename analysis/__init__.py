"""Attribution and framing of Russia and the United States in Arabic news.

``import analysis`` gives the stage functions, :func:`analyze`, plotting and evidence-view
helpers, validation helpers and scikit-learn compatible transformers. Submodules load on
first use, so importing the package (for example in worker processes) stays cheap.

Examples
--------
>>> import analysis
>>> analysis.normalize_with_map("أكّد").text
'اكد'
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    # data
    "read_articles": "corpus.readers", "iter_articles": "corpus.readers",
    "save_table": "corpus.tables", "load_table": "corpus.tables",
    "CorpusReadError": "corpus.errors", "CorpusReadWarning": "corpus.errors",
    "normalize_with_map": "text.normalize",
    "split_article": "text.segment", "make_doc": "text.segment",
    "load_lexicon": "coding.lexicons", "LexiconError": "coding.lexicons",
    # stages
    "find_mentions": "coding.actors", "build_mentions_table": "coding.actors", "load_actor_lexicon": "coding.actors",
    "mentions_at": "coding.actors",
    "find_attributions": "coding.attribution", "build_attributions_table": "coding.attribution",
    "find_stance": "coding.stance", "build_stance_table": "coding.stance", "load_stance_lexicon": "coding.stance",
    "load_cue_lexicon": "coding.attribution",
    "build_features": "measures.features", "evidence_for": "measures.features",
    # orchestration
    "analyze": "pipeline", "analyze_article": "pipeline", "analyze_partition": "pipeline",
    "analyze_to": "pipeline", "open_result": "pipeline", "ResultDataset": "pipeline",
    "ArticleError": "pipeline", "OutputFolderError": "pipeline", "analyze_dask": "pipeline.cluster",
    "Result": "pipeline",
    # faces
    "fetch_corpus": "corpus.fetch", "FetchError": "corpus.fetch", "parse_date": "corpus.dates",
    "arabic_label": "figures.labels", "save_figure": "figures.saving",
    "plot_share_of_voice": "figures.plots", "plot_cue_categories": "figures.plots",
    "plot_source_types": "figures.plots", "plot_top_sources": "figures.plots", "plot_stance": "figures.plots",
    "plot_article_strip": "figures.plots", "plot_outlet_sides": "figures.plots",
    "show_article": "views.evidence", "kwic": "views.kwic",
    "load_gold": "validation.gold", "read_gold_articles": "validation.gold",
    "score_attributions": "validation.scoring", "score_stance": "validation.scoring", "restrict_to_gold": "validation.scoring",
    "export_coder_sheet": "validation.sheets", "read_coder_sheet": "validation.sheets",
    "agreement_table": "validation.sheets", "disagreements": "validation.sheets",
    "krippendorff_alpha": "validation.agreement", "cohen_kappa": "validation.agreement",
    "score_against_gold": "validation.evaluation",
    "load_study": "study", "run_study": "study", "StudyError": "study",
    "build_quotes_table": "study.exports", "save_quotes": "study.exports",
    "ArabicNormalizer": "models", "FramingFeatures": "models",
    "make_stance_classifier": "models", "evaluate_classifier": "models",
    "load_stance_sentences": "models",
}

# Short names for the modules a notebook reaches for most (``from analysis import paths``).
_SUBMODULES = {
    "paths": "corpus.paths", "schema": "corpus.schema", "normalize": "text.normalize",
    "segment": "text.segment", "labels": "figures.labels", "pipeline": "pipeline",
    "dask": "pipeline.cluster",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        if name in _SUBMODULES:
            return importlib.import_module(f"analysis.{_SUBMODULES[name]}")
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"analysis.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
