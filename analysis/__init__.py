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
    "read_articles": "io", "iter_articles": "io", "save_table": "io", "load_table": "io",
    "CorpusReadError": "io", "CorpusReadWarning": "io",
    "normalize_with_map": "normalize",
    "split_article": "segment", "make_doc": "segment",
    "load_lexicon": "lexicons", "LexiconError": "lexicons",
    # stages
    "find_mentions": "actors", "build_mentions_table": "actors", "load_actor_lexicon": "actors",
    "mentions_at": "actors",
    "find_attributions": "attribution", "build_attributions_table": "attribution",
    "find_stance": "stance", "build_stance_table": "stance", "load_stance_lexicon": "stance",
    "load_cue_lexicon": "attribution",
    "build_features": "features", "evidence_for": "features",
    # orchestration
    "analyze": "pipeline", "analyze_article": "pipeline", "analyze_partition": "pipeline",
    "Result": "pipeline",
    # faces
    "arabic_label": "labels", "save_figure": "plotting",
    "plot_share_of_voice": "plotting", "plot_cue_categories": "plotting",
    "plot_source_types": "plotting", "plot_top_sources": "plotting", "plot_stance": "plotting",
    "plot_article_strip": "plotting", "plot_outlet_sides": "plotting",
    "show_article": "display", "kwic": "display",
    "load_gold": "gold", "read_gold_articles": "gold",
    "score_attributions": "validate", "score_stance": "validate", "restrict_to_gold": "validate",
    "export_coder_sheet": "validate", "read_coder_sheet": "validate",
    "agreement_table": "validate", "disagreements": "validate",
    "krippendorff_alpha": "agreement", "cohen_kappa": "agreement",
    "score_against_gold": "evaluation",
    "ArabicNormalizer": "models", "FramingFeatures": "models",
    "make_stance_classifier": "models", "evaluate_classifier": "models",
    "load_stance_sentences": "models",
}

_SUBMODULES = {"paths", "schema", "normalize", "segment", "pipeline", "labels", "plotting", "display"}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        if name in _SUBMODULES:
            return importlib.import_module(f"analysis.{name}")
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"analysis.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
