"""Column contracts of the tidy tables (see docs/architecture.md). One place, used by every stage.

Offsets (``start``, ``end``, end exclusive) always index the *original* string named by
``part``: ``title`` means the article's title string; every other part (``heading``,
``lead``, ``body``) means its body string, exactly as read.

Each offset pair has its part: ``part`` for a row's own spans (sentence, mention, cue,
content, evidence) and ``source_part`` for ``source_start``/``source_end`` of an
attribution, because a source named in the title can speak through a verb in the body
(title "قال لافروف إن موسكو سترد", body "وأكد أن الرد سيكون حازما"). See
``docs/architecture.md`` and :mod:`analysis.coding.offsets`.
"""

from __future__ import annotations

import pandas as pd

ARTICLES = ["article_id", "outlet", "published", "title", "body", "url", "source_path", "sha256"]
SENTENCES = ["article_id", "sent_id", "part", "start", "end", "text"]
MENTIONS = [
    "article_id", "sent_id", "part", "mention_id", "start", "end", "surface",
    "actor_id", "side", "actor_type", "via",
]
ATTRIBUTIONS = [
    "article_id", "attribution_id", "sent_id", "part", "source_actor_id", "source_side",
    "source_type", "source_part", "source_start", "source_end", "cue", "cue_lemma", "cue_category",
    "cue_start", "cue_end", "mode", "content_start", "content_end", "content_words",
    "via", "in_heading",
]
STANCE = [
    "article_id", "sent_id", "part", "holder", "holder_side", "target_side", "polarity",
    "kind", "evidence_start", "evidence_end", "cue",
]

PARTS = ("title", "heading", "lead", "body")
#: Side ids of docs/codebook.md §1. ``other`` collects groups the codebook does not single out
#: (NATO, the G7, China, ...); ``unknown`` is for sources whose side the text hides.
SIDES = (
    "russia", "us", "un", "syria_government", "syria_opposition", "iran", "turkey",
    "saudi_arabia", "eu", "uk", "france", "israel", "ukraine", "qatar", "other", "unknown",
)
SIDES_OF_INTEREST = ("russia", "us")
MODES = ("direct", "indirect", "mixed")
SOURCE_TYPES = ("person", "institution", "anonymous", "media", "document")
CUE_CATEGORIES = (
    "neutral", "explanatory", "assertive", "opinion", "hedged", "affect", "distancing",
    "denial", "accusation", "condemnation", "warning", "directive", "commissive",
)
STANCE_KINDS = ("blame", "criticism", "threat", "denial", "praise", "cooperation")
POLARITIES = ("negative", "positive")

#: Columns holding offsets, ids and counts (nullable Int64 in every table).
INT_COLUMNS = _INT_COLS = {
    "sent_id", "start", "end", "mention_id", "attribution_id", "source_start", "source_end",
    "cue_start", "cue_end", "content_start", "content_end", "content_words",
    "evidence_start", "evidence_end",
}


def empty_table(columns: list[str]) -> pd.DataFrame:
    """An empty DataFrame with the given columns and stable dtypes."""
    data = {}
    for col in columns:
        if col in _INT_COLS:
            data[col] = pd.Series([], dtype="Int64")
        elif col == "in_heading":
            data[col] = pd.Series([], dtype="bool")
        else:
            data[col] = pd.Series([], dtype="string")
    return pd.DataFrame(data)


def check_columns(df: pd.DataFrame, columns: list[str], table: str) -> None:
    """Raise ValueError naming the table and the missing columns."""
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{table} table is missing columns {missing}; expected {columns}")


def coerce_table(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Give the contract's columns their stable dtypes (Int64 offsets, bool flags, strings).

    Extra columns are kept as they are, after the contract's columns.
    """
    df = df.copy()
    for col in columns:
        if col not in df.columns:
            continue
        if col in _INT_COLS:
            df[col] = pd.array(df[col], dtype="Int64")
        elif col == "in_heading":
            df[col] = df[col].astype("bool")
        else:
            df[col] = df[col].astype("string")
    return df
