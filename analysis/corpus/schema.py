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

import difflib
from collections.abc import Iterable

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


def closest_names(name: object, choices: Iterable[object], n: int = 3) -> list[str]:
    """The names in ``choices`` closest in spelling to ``name`` (at most ``n``), best first.

    Used for messages about a misspelt column, actor id or category. Case and the
    ``-``/``_``/space difference are ignored when comparing.

    Examples
    --------
    >>> closest_names("sorce_side", ["source_side", "source_actor_id", "cue"])
    ['source_side', 'source_actor_id']
    >>> closest_names("lavrof", ["lavrov", "kerry", "kirby"])
    ['lavrov']
    """
    def key(value: object) -> str:
        return str(value).casefold().replace("-", "_").replace(" ", "_")

    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(key(choice), str(choice))
    return [by_key[k] for k in difflib.get_close_matches(key(name), list(by_key), n=n, cutoff=0.6)]


def did_you_mean(name: object, choices: Iterable[object]) -> str:
    """``" (did you mean 'x' or 'y'?)"`` for the closest names, or ``""``.

    Examples
    --------
    >>> did_you_mean("kind_", ["kind", "polarity"])
    " (did you mean 'kind'?)"
    """
    close = closest_names(name, choices)
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""


class MissingColumnError(KeyError, ValueError):
    """A table lacks columns a function needs; the message suggests the closest names.

    A ``KeyError`` (as pandas raises for an unknown column) and a ``ValueError`` (as the
    stage functions always have), so existing ``except`` clauses keep working.
    """

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0]) if self.args else ""


def check_columns(df: pd.DataFrame, columns: list[str], table: str) -> None:
    """Raise :class:`MissingColumnError` naming the table, the missing columns and the closest names.

    Examples
    --------
    >>> check_columns(pd.DataFrame(columns=["source_side"]), ["sorce_side"], "attributions")
    Traceback (most recent call last):
    ...
    analysis.corpus.schema.MissingColumnError: attributions table is missing columns ['sorce_side']; expected ['sorce_side']; 'sorce_side' (did you mean 'source_side'?)
    """
    missing = [c for c in columns if c not in df.columns]
    if missing:
        hints = "; ".join(f"{c!r}{did_you_mean(c, df.columns)}" for c in missing if did_you_mean(c, df.columns))
        raise MissingColumnError(
            f"{table} table is missing columns {missing}; expected {columns}" + (f"; {hints}" if hints else ""))


def require_columns(frame: pd.DataFrame, names: Iterable[str], what: str = "table") -> None:
    """Check that ``frame`` has the columns ``names``; a misspelt one gets the closest names.

    Parameters
    ----------
    frame : DataFrame
    names : iterable of str
        The columns needed.
    what : str
        How the message calls the table (``"attributions"``).

    Raises
    ------
    MissingColumnError
        Naming each missing column, the closest existing names and every column.

    Examples
    --------
    >>> frame = pd.DataFrame(columns=["source_side", "cue_category"])
    >>> require_columns(frame, ["source_side", "cue_categroy"], "attributions")
    Traceback (most recent call last):
    ...
    analysis.corpus.schema.MissingColumnError: attributions has no column 'cue_categroy' (did you mean 'cue_category'?). Its columns: source_side, cue_category
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [name for name in names if name not in frame.columns]
    if missing:
        parts = [f"no column {name!r}{did_you_mean(name, frame.columns)}" for name in missing]
        raise MissingColumnError(
            f"{what} has {', '.join(parts)}. Its columns: {', '.join(map(str, frame.columns))}")


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
