"""Reading and writing corpora: the public entry points, gathered in one module.

The work is done in the modules this one re-exports, one job each:

- :mod:`analysis.corpus.readers`: :func:`read_articles` and :func:`iter_articles` turn a
  file or folder (txt, html, csv, tsv, jsonl, json, parquet, gzipped or not) into the
  ``articles`` table; the formats, column detection, values and the error contract are
  described there;
- :mod:`analysis.corpus.encodings`: detecting and decoding encodings line by line
  (:func:`detect_encoding`, :func:`decode_bytes`);
- :mod:`analysis.corpus.sources`: opening raw files, hashing, streaming decoded lines;
- :mod:`analysis.corpus.html`: one article from one HTML page;
- :mod:`analysis.corpus.errors`: :class:`CorpusReadError` and :class:`CorpusReadWarning`;
- :mod:`analysis.corpus.tables`: :func:`save_table` and :func:`load_table`.

Examples
--------
>>> from analysis.corpus import io, paths
>>> io.read_articles(paths.EXAMPLE_ARTICLE).loc[0, "article_id"]
'2016-09-09-lavrov-kerry-geneva'
"""

from __future__ import annotations

from analysis.corpus.encodings import PER_LINE, decode_bytes, detect_encoding
from analysis.corpus.errors import CorpusNotFoundError, CorpusReadError, CorpusReadWarning
from analysis.corpus.readers import (
    FIELD_ALIASES,
    FORMATS,
    SUFFIX_FORMATS,
    iter_articles,
    read_articles,
)
from analysis.corpus.tables import SCHEMA_DTYPES, load_table, save_table

__all__ = [
    "CorpusNotFoundError",
    "CorpusReadError",
    "CorpusReadWarning",
    "FIELD_ALIASES",
    "FORMATS",
    "PER_LINE",
    "SCHEMA_DTYPES",
    "SUFFIX_FORMATS",
    "decode_bytes",
    "detect_encoding",
    "iter_articles",
    "load_table",
    "read_articles",
    "save_table",
]
