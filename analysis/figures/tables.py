"""The numbers each figure draws, as tidy tables.

Every ``plot_*`` function of :mod:`analysis.figures.plots` draws one ``build_*_table``
result of this module, and :func:`analysis.figures.saving.save_figure` stores that table
next to the figure as CSV, so the numbers behind a figure can be checked and diffed. The
tables keep the plain keys of the pipeline tables (``russia``, ``denial``, ...); sides
not asked for are pooled as ``other``.

Examples
--------
>>> import pandas as pd
>>> from analysis.corpus.schema import ATTRIBUTIONS
>>> attributions = pd.DataFrame(
...     [{"source_side": "russia", "content_words": 12}, {"source_side": "us", "content_words": 4}]
... ).reindex(columns=ATTRIBUTIONS)
>>> build_share_of_voice_table(attributions)[["measure", "side", "count"]].to_dict("records")[:2]
[{'measure': 'attributions', 'side': 'russia', 'count': 1}, {'measure': 'attributions', 'side': 'us', 'count': 1}]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from analysis.corpus import schema

__all__ = [
    "build_cue_category_table",
    "build_outlet_side_table",
    "build_share_of_voice_table",
    "build_source_type_table",
    "build_stance_table",
    "build_strip_table",
    "build_top_sources_table",
    "group_sides",
]


# -- tidy helpers ---------------------------------------------------------------------
def group_sides(values: pd.Series, sides: Sequence[str] = schema.SIDES_OF_INTEREST) -> pd.Series:
    """Keep the sides asked for and put every other side (and missing ones) in ``other``.

    Examples
    --------
    >>> group_sides(pd.Series(["russia", "un", None])).tolist()
    ['russia', 'other', 'other']
    """
    keep = set(sides)
    text = values.astype("string")
    return text.where(text.isin(keep), "other").fillna("other").astype("string")


def ordered_sides(present: Iterable[str], sides: Sequence[str]) -> list[str]:
    """The ``sides`` found in ``present``, in the order asked for, then ``other``.

    Examples
    --------
    >>> ordered_sides({"other", "us", "russia"}, ["russia", "us"])
    ['russia', 'us', 'other']
    """
    present = set(present)
    order = [s for s in sides if s in present]
    return order + (["other"] if "other" in present and "other" not in sides else [])


def _require(frame: pd.DataFrame, columns: Sequence[str], table: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{table} must be a pandas DataFrame, got {type(frame).__name__}")
    schema.check_columns(frame, list(columns), table)


def _words(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce").fillna(0).astype("int64")


# -- share of voice ---------------------------------------------------------------------
def build_share_of_voice_table(
    attributions: pd.DataFrame, sides: Sequence[str] = schema.SIDES_OF_INTEREST
) -> pd.DataFrame:
    """Attributions and quoted words (sum of ``content_words``) per side, with shares.

    Returns
    -------
    DataFrame
        Columns ``measure`` (attributions / quoted_words), ``side``, ``count``,
        ``share`` (percent within the measure).
    """
    _require(attributions, ["source_side", "content_words"], "attributions")
    frame = pd.DataFrame({
        "side": group_sides(attributions["source_side"], sides),
        "words": _words(attributions["content_words"]),
    })
    order = ordered_sides(frame["side"], sides) or list(sides)
    rows = []
    for measure, values in (("attributions", frame.groupby("side").size()),
                            ("quoted_words", frame.groupby("side")["words"].sum())):
        values = values.reindex(order, fill_value=0)
        total = values.sum()
        for side, count in values.items():
            share = 100.0 * count / total if total else 0.0
            rows.append({"measure": measure, "side": side, "count": int(count),
                         "share": round(share, 2)})
    return pd.DataFrame(rows).astype({"measure": "string", "side": "string"})


# -- cue categories -----------------------------------------------------------------------
def build_cue_category_table(
    attributions: pd.DataFrame,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    top_cues: int = 3,
) -> pd.DataFrame:
    """Attributions per cue category and side, with the share within each side.

    Returns
    -------
    DataFrame
        ``cue_category``, ``side``, ``count``, ``share`` (percent of the side's
        attributions) and ``cues`` (the side's most frequent cue lemmas in that category,
        joined by the Arabic comma, most frequent first).
    """
    _require(attributions, ["source_side", "cue_category"], "attributions")
    cue_col = "cue_lemma" if "cue_lemma" in attributions.columns else "cue"
    frame = pd.DataFrame({
        "side": group_sides(attributions["source_side"], sides),
        "cue_category": attributions["cue_category"].astype("string").fillna("unknown"),
        "cue": attributions[cue_col].astype("string") if cue_col in attributions.columns
        else pd.Series(pd.NA, index=attributions.index, dtype="string"),
    })
    known = [c for c in schema.CUE_CATEGORIES if c in set(frame["cue_category"])]
    extra = sorted(set(frame["cue_category"]) - set(schema.CUE_CATEGORIES))
    rows = []
    for side in ordered_sides(frame["side"], sides):
        of_side = frame[frame["side"] == side]
        for category in known + extra:
            hits = of_side[of_side["cue_category"] == category]
            counts = hits["cue"].dropna().value_counts()
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top_cues]
            rows.append({
                "cue_category": category, "side": side, "count": len(hits),
                "share": round(100.0 * len(hits) / len(of_side), 2) if len(of_side) else 0.0,
                "cues": "، ".join(cue for cue, _ in ranked),
            })
    columns = ["cue_category", "side", "count", "share", "cues"]
    return pd.DataFrame(rows, columns=columns).astype(
        {"cue_category": "string", "side": "string", "cues": "string"})


# -- source types ---------------------------------------------------------------------------
def build_source_type_table(
    attributions: pd.DataFrame, sides: Sequence[str] = schema.SIDES_OF_INTEREST
) -> pd.DataFrame:
    """Attributions per side and source type, with the share within each side.

    Returns
    -------
    DataFrame
        ``side``, ``source_type``, ``count``, ``share``.
    """
    _require(attributions, ["source_side", "source_type"], "attributions")
    frame = pd.DataFrame({
        "side": group_sides(attributions["source_side"], sides),
        "source_type": attributions["source_type"].astype("string").fillna("unknown"),
    })
    types = [t for t in schema.SOURCE_TYPES if t in set(frame["source_type"])]
    types += sorted(set(frame["source_type"]) - set(schema.SOURCE_TYPES))
    rows = []
    for side in ordered_sides(frame["side"], sides):
        of_side = frame[frame["side"] == side]
        for source_type in types:
            count = int((of_side["source_type"] == source_type).sum())
            rows.append({"side": side, "source_type": source_type, "count": count,
                         "share": round(100.0 * count / len(of_side), 2)})
    return pd.DataFrame(rows, columns=["side", "source_type", "count", "share"]).astype(
        {"side": "string", "source_type": "string"})


# -- top sources -------------------------------------------------------------------------
def build_top_sources_table(
    attributions: pd.DataFrame, n: int = 8, sides: Sequence[str] = schema.SIDES_OF_INTEREST
) -> pd.DataFrame:
    """The ``n`` sources quoted most often, with their side and quoted words.

    Returns
    -------
    DataFrame
        ``source_actor_id``, ``side``, ``count``, ``quoted_words``; most frequent first,
        ties broken by actor id.
    """
    _require(attributions, ["source_actor_id", "source_side", "content_words"], "attributions")
    frame = pd.DataFrame({
        "source_actor_id": attributions["source_actor_id"].astype("string").fillna("unknown"),
        "side": group_sides(attributions["source_side"], sides),
        "words": _words(attributions["content_words"]),
    })
    grouped = frame.groupby(["source_actor_id", "side"], as_index=False).agg(
        count=("words", "size"), quoted_words=("words", "sum"))
    grouped = grouped.sort_values(["count", "source_actor_id"], ascending=[False, True])
    return grouped.head(n).reset_index(drop=True)


# -- stance -------------------------------------------------------------------------------
def build_stance_table(
    stance: pd.DataFrame, sides: Sequence[str] = schema.SIDES_OF_INTEREST
) -> pd.DataFrame:
    """Stance units per holder side → target side and kind (negative kinds counted < 0).

    ``author`` stays a holder of its own. Rows are sorted by holder, target, kind.

    Returns
    -------
    DataFrame
        ``holder_side``, ``target_side``, ``kind``, ``polarity``, ``count`` and
        ``signed_count`` (negative for negative polarity).
    """
    _require(stance, ["holder_side", "target_side", "kind", "polarity"], "stance")
    holder = stance["holder_side"].astype("string")
    frame = pd.DataFrame({
        "holder_side": group_sides(holder, [*sides, "author"]),
        "target_side": group_sides(stance["target_side"], sides),
        "kind": stance["kind"].astype("string"),
        "polarity": stance["polarity"].astype("string"),
    })
    table = frame.groupby(["holder_side", "target_side", "kind", "polarity"],
                          as_index=False).size().rename(columns={"size": "count"})
    side_rank = {s: i for i, s in enumerate([*sides, "author", "other"])}
    kind_rank = {k: i for i, k in enumerate(schema.STANCE_KINDS)}
    table = table.assign(
        _h=table["holder_side"].map(side_rank).fillna(99),
        _t=table["target_side"].map(side_rank).fillna(99),
        _k=table["kind"].map(kind_rank).fillna(99),
    ).sort_values(["_h", "_t", "_k", "kind"]).drop(columns=["_h", "_t", "_k"])
    table = table.reset_index(drop=True)
    table["count"] = table["count"].astype("int64")
    table["signed_count"] = np.where(table["polarity"] == "negative", -table["count"],
                                     table["count"])
    return table


# -- article strip ------------------------------------------------------------------------
def sentence_keys(sentences: pd.DataFrame) -> pd.DataFrame:
    """Order of sentences within each article (title first, then body by offset)."""
    frame = sentences[["article_id", "sent_id", "part", "start"]].copy()
    frame["is_title"] = frame["part"].astype("string") != "title"
    frame = frame.sort_values(["article_id", "is_title", "start", "sent_id"])
    frame["position"] = frame.groupby("article_id").cumcount()
    frame["n_sentences"] = frame.groupby("article_id")["sent_id"].transform("size")
    return frame[["article_id", "sent_id", "position", "n_sentences"]]


def build_strip_table(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    attributions: pd.DataFrame,
    stance: pd.DataFrame,
    *,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    bins: int | None = None,
) -> pd.DataFrame:
    """Per sentence (or per position bin) and side: mentions, attributions, stance.

    Parameters
    ----------
    bins : int, optional
        ``None`` for one article (x = sentence number, starting at 1 with the title);
        an integer to pool a corpus into that many equal slices of relative position.

    Returns
    -------
    DataFrame
        ``x``, ``side``, ``track`` (mentioned / speaks / holds_stance), ``count``,
        ``direct`` (attributions in direct or mixed mode), ``negative``, ``positive``.
    """
    _require(sentences, ["article_id", "sent_id", "part", "start"], "sentences")
    _require(mentions, ["article_id", "sent_id", "side"], "mentions")
    _require(attributions, ["article_id", "sent_id", "source_side", "mode"], "attributions")
    _require(stance, ["article_id", "sent_id", "holder_side", "polarity"], "stance")
    keys = sentence_keys(sentences)
    if bins is None and keys["article_id"].nunique() > 1:
        raise ValueError(
            "build_strip_table got several articles with bins=None: pass article_id to "
            "plot_article_strip for one article, or bins=10 to pool a corpus by position.")

    def located(frame: pd.DataFrame, side_col: str, track: str) -> pd.DataFrame:
        merged = frame.merge(keys, on=["article_id", "sent_id"], how="left")
        lost = merged["position"].isna()
        if lost.any():
            bad = merged.loc[lost, ["article_id", "sent_id"]].iloc[0].to_dict()
            raise ValueError(f"{track}: {int(lost.sum())} rows point at a sentence missing "
                             f"from the sentences table, first {bad}; pass matching tables.")
        if bins is None:
            x = merged["position"].astype("int64") + 1
        else:
            rel = merged["position"].astype(float) / merged["n_sentences"].astype(float)
            x = np.minimum((rel * bins).astype("int64"), bins - 1) + 1
        out = pd.DataFrame({"x": np.asarray(x, dtype="int64"),
                            "side": group_sides(merged[side_col], sides).to_numpy(),
                            "track": track})
        out["direct"] = (merged["mode"].isin(["direct", "mixed"]).to_numpy()
                         if "mode" in merged else False)
        out["negative"] = (merged["polarity"].eq("negative").to_numpy()
                           if "polarity" in merged else False)
        out["positive"] = (merged["polarity"].eq("positive").to_numpy()
                           if "polarity" in merged else False)
        return out

    parts = [located(mentions, "side", "mentioned"),
             located(attributions, "source_side", "speaks"),
             located(stance[stance["holder_side"].astype("string") != "author"],
                     "holder_side", "holds_stance")]
    frame = pd.concat(parts, ignore_index=True)
    table = frame.groupby(["x", "side", "track"], as_index=False).agg(
        count=("direct", "size"), direct=("direct", "sum"),
        negative=("negative", "sum"), positive=("positive", "sum"))
    for col in ("count", "direct", "negative", "positive"):
        table[col] = table[col].fillna(0).astype("int64")
    table = table.astype({"side": "string", "track": "string"})
    return table.sort_values(["x", "side", "track"]).reset_index(drop=True)


# -- outlets × sides -----------------------------------------------------------------------
def build_outlet_side_table(
    articles: pd.DataFrame,
    table: pd.DataFrame,
    *,
    measure: Literal["mentions", "attributions", "quoted_words"] = "attributions",
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
) -> pd.DataFrame:
    """Counts and within-outlet shares of each side, per outlet.

    Parameters
    ----------
    articles : DataFrame
        Needs ``article_id`` and ``outlet``.
    table : DataFrame
        The mentions table (``side``) or the attributions table (``source_side``).
    measure : {"mentions", "attributions", "quoted_words"}
        What to count: rows of ``table`` or the sum of ``content_words``.

    Returns
    -------
    DataFrame
        ``outlet``, ``side``, ``count``, ``outlet_total``, ``share`` (percent).
    """
    _require(articles, ["article_id", "outlet"], "articles")
    side_col = "side" if measure == "mentions" else "source_side"
    needed = ["article_id", side_col] + (["content_words"] if measure == "quoted_words" else [])
    _require(table, needed, "mentions" if measure == "mentions" else "attributions")
    if measure not in ("mentions", "attributions", "quoted_words"):
        raise ValueError(f"measure must be mentions, attributions or quoted_words, got {measure!r}")
    merged = table.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    missing = merged["outlet"].isna()
    if missing.any():
        first = merged.loc[missing, "article_id"].iloc[0]
        raise ValueError(f"{int(missing.sum())} rows belong to articles without an outlet in the "
                         f"articles table (first: {first!r}); add them to articles.")
    weight = _words(merged["content_words"]) if measure == "quoted_words" else 1
    frame = pd.DataFrame({"outlet": merged["outlet"].astype("string"),
                          "side": group_sides(merged[side_col], sides), "w": weight})
    counts = frame.groupby(["outlet", "side"])["w"].sum().unstack(fill_value=0)
    counts = counts.reindex(columns=ordered_sides(counts.columns, sides), fill_value=0)
    long = counts.stack().rename("count").reset_index()
    long["outlet_total"] = long.groupby("outlet")["count"].transform("sum")
    long["share"] = (100.0 * long["count"] / long["outlet_total"].where(long["outlet_total"] > 0)
                     ).fillna(0.0).round(2)
    long["count"] = long["count"].astype("int64")
    long["outlet_total"] = long["outlet_total"].astype("int64")
    return long.astype({"outlet": "string", "side": "string"})
