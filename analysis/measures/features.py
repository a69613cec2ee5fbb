"""Per-side framing features: article × side and outlet × side tables (docs/features.md).

Every feature is declared once in :data:`FEATURES` as *which rows of which table* it
counts (and, for a share, out of which rows). :func:`build_features` aggregates those
declarations into a tidy table (one row per group × side, sides ``russia``, ``us`` and
``other``) and :func:`evidence_for` returns the very rows behind one value, with their
offsets and text, so that every number can be traced to the sentences it came from.

Sides: ``russia`` and ``us`` as coded; every other side (third parties, ``unknown``) is
``other``. The writer (stance holder ``author``) is no side: units it holds count for
"received" features only. Counts of a side with nothing are 0; a share whose
denominator is 0 is NaN (undefined, not zero). The columns are documented in
``docs/features.md``.

Examples
--------
>>> from analysis.pipeline.batch import analyze
>>> from analysis import paths
>>> result = analyze(paths.EXAMPLE_ARTICLE, progress=False)   # doctest: +SKIP
>>> feats = build_features(result)   # doctest: +SKIP
>>> feats.set_index("side").loc["us", "blame_received"]   # doctest: +SKIP
4
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.coding.offsets import string_of
from analysis.corpus import schema

__all__ = ["FEATURES", "FEATURE_COLUMNS", "FEATURE_INPUT_COLUMNS", "SIDES", "FeatureSpec", "build_features",
           "combine_feature_sums", "evidence_for", "feature_sums", "side_group"]

#: The sides of the feature tables, in row order.
SIDES = ("russia", "us", "other")
GROUP_KEYS = ("article_id", "outlet")

Mask = Callable[[pd.DataFrame], pd.Series]


@dataclass(frozen=True)
class FeatureSpec:
    """How one feature is computed.

    Attributes
    ----------
    name : str
        Column name.
    table : str
        ``mentions``, ``attributions`` or ``stance``.
    side_column : str
        The column whose side (grouped by :func:`side_group`) the row belongs to.
    value : str
        ``count`` (rows), ``sum:<column>`` (a column's sum), ``share`` (numerator rows of
        the side / denominator rows of the side), ``voice`` (numerator rows of the side /
        numerator rows of every side in the group), ``net`` (positive − negative rows).
    where : callable, optional
        Row filter of the numerator (``DataFrame -> bool Series``).
    description : str
        One line for ``docs/features.md``.
    """

    name: str
    table: str
    side_column: str
    value: str = "count"
    where: Mask | None = None
    description: str = ""


def _eq(column: str, value: str) -> Mask:
    return lambda df: df[column].astype("string").fillna("") == value


def _isin(column: str, values: tuple[str, ...]) -> Mask:
    return lambda df: df[column].astype("string").fillna("").isin(values)


def _specs() -> list[FeatureSpec]:
    specs = [
        FeatureSpec("mentions", "mentions", "side", description="actor mentions of the side"),
        FeatureSpec("mentions_title", "mentions", "side", where=_eq("part", "title"),
                    description="mentions in the title"),
        FeatureSpec("mentions_lead", "mentions", "side", where=_eq("part", "lead"),
                    description="mentions in the lead (first body paragraph)"),
        FeatureSpec("prominent_mentions", "mentions", "side", where=_isin("part", ("title", "lead")),
                    description="mentions in the title or the lead (prominence)"),
        FeatureSpec("attributions", "attributions", "source_side",
                    description="attributions whose source is of the side"),
        FeatureSpec("quoted_words", "attributions", "source_side", value="sum:content_words",
                    description="words of the side's attributed content (sum of content_words)"),
        FeatureSpec("share_of_voice", "attributions", "source_side", value="voice",
                    description="the side's attributions / attributions of all sides in the group"),
        FeatureSpec("share_of_quoted_words", "attributions", "source_side", value="voice:content_words",
                    description="the side's quoted words / quoted words of all sides in the group"),
        FeatureSpec("direct_share", "attributions", "source_side", value="share", where=_eq("mode", "direct"),
                    description="direct attributions / the side's attributions"),
        FeatureSpec("mixed_share", "attributions", "source_side", value="share", where=_eq("mode", "mixed"),
                    description="mixed attributions / the side's attributions"),
        FeatureSpec("anonymous_share", "attributions", "source_side", value="share",
                    where=_eq("source_type", "anonymous"),
                    description="attributions to anonymous sources / the side's attributions"),
    ]
    specs += [
        FeatureSpec(f"cue_share_{cat}", "attributions", "source_side", value="share", where=_eq("cue_category", cat),
                    description=f"attributions with a `{cat}` cue / the side's attributions")
        for cat in schema.CUE_CATEGORIES
    ]
    specs += [
        FeatureSpec(f"source_{kind}", "attributions", "source_side", where=_eq("source_type", kind),
                    description=f"attributions whose source type is `{kind}`")
        for kind in schema.SOURCE_TYPES
    ]
    specs += [
        FeatureSpec("blame_given", "stance", "holder_side", where=_eq("kind", "blame"),
                    description="blame units the side holds"),
        FeatureSpec("blame_received", "stance", "target_side", where=_eq("kind", "blame"),
                    description="blame units that target the side (any holder, the author included)"),
        FeatureSpec("positive_given", "stance", "holder_side", where=_eq("polarity", "positive"),
                    description="positive units the side holds"),
        FeatureSpec("negative_given", "stance", "holder_side", where=_eq("polarity", "negative"),
                    description="negative units the side holds"),
        FeatureSpec("positive_received", "stance", "target_side", where=_eq("polarity", "positive"),
                    description="positive units that target the side"),
        FeatureSpec("negative_received", "stance", "target_side", where=_eq("polarity", "negative"),
                    description="negative units that target the side"),
        FeatureSpec("net_stance_given", "stance", "holder_side", value="net",
                    description="positive − negative units the side holds"),
        FeatureSpec("net_stance_received", "stance", "target_side", value="net",
                    description="positive − negative units that target the side"),
    ]
    return specs


#: Every feature, in column order.
FEATURES: dict[str, FeatureSpec] = {spec.name: spec for spec in _specs()}
FEATURE_COLUMNS = list(FEATURES)
_TABLE_COLUMNS = {"mentions": schema.MENTIONS, "attributions": schema.ATTRIBUTIONS, "stance": schema.STANCE}


def side_group(side) -> str:
    """Map a coded side to a feature side: ``russia``, ``us`` or ``other`` ("" for none).

    Examples
    --------
    >>> [side_group(s) for s in ("russia", "un", "unknown", "")]
    ['russia', 'other', 'other', '']
    """
    if side is None or side is pd.NA or (isinstance(side, float) and np.isnan(side)) or side == "":
        return ""
    return side if side in ("russia", "us") else "other"


def _groups(articles: pd.DataFrame, by: str) -> pd.Series:
    """``article_id -> group`` for every article."""
    if by not in GROUP_KEYS:
        raise ValueError(f"by must be one of {GROUP_KEYS}, got {by!r}")
    schema.check_columns(articles, ["article_id"] + ([by] if by != "article_id" else []), "articles")
    ids = articles["article_id"].astype("string")
    groups = ids if by == "article_id" else articles[by].astype("string").fillna("")
    return pd.Series(groups.to_numpy(), index=ids.to_numpy())


def _prepared(result, name: str, groups: pd.Series) -> pd.DataFrame:
    table = getattr(result, name, None)
    if table is None:
        table = schema.empty_table(_TABLE_COLUMNS[name])
    schema.check_columns(table, _NEEDED[name], name)
    ids = table["article_id"].astype("string")
    unknown = sorted(set(ids.dropna()) - set(groups.index))
    if unknown:
        raise ValueError(f"{name} table has rows for article_id {unknown[:5]} that are not in the articles "
                         "table; pass the articles they come from (or drop those rows yourself)")
    out = table.copy()
    out["group"] = ids.map(groups).astype("string").to_numpy()
    return out


_NEEDED = {
    "mentions": ["article_id", "side", "part"],
    "attributions": ["article_id", "source_side", "source_type", "cue_category", "mode", "content_words"],
    "stance": ["article_id", "holder_side", "target_side", "polarity", "kind"],
}


def _numerator(df: pd.DataFrame, spec: FeatureSpec) -> pd.Series:
    if spec.where is None:
        return pd.Series(True, index=df.index)
    return spec.where(df).astype(bool)


def _sums(df: pd.DataFrame, spec: FeatureSpec) -> pd.DataFrame:
    """Numerator and denominator sums of one feature per (group, side) present in ``df``."""
    side = df[spec.side_column].map(side_group) if len(df) else pd.Series([], dtype="string")
    frame = pd.DataFrame({"group": df["group"].to_numpy(), "side": np.asarray(side, dtype=object)})
    frame = frame[frame["side"] != ""]
    sub = df.loc[frame.index]
    num = _numerator(sub, spec)
    value = spec.value
    if value.startswith("sum:") or value.startswith("voice:"):
        column = value.split(":", 1)[1]
        weights = pd.to_numeric(sub[column], errors="coerce").fillna(0).astype(float)
    else:
        weights = pd.Series(1.0, index=sub.index)
    frame = frame.assign(num=(weights * num).to_numpy(), den=weights.to_numpy())
    if value == "net":
        pol = sub["polarity"].astype("string").fillna("")
        frame["num"] = np.where(pol == "positive", 1, np.where(pol == "negative", -1, 0))
    return frame.groupby(["group", "side"])[["num", "den"]].sum()


def _value(sums: pd.DataFrame, spec: FeatureSpec) -> pd.Series:
    """One feature for every (group, side) from its sums (already on the output keys)."""
    value = spec.value
    if value in ("count", "net") or value.startswith("sum:"):
        return sums["num"]
    if value == "share":
        return sums["num"] / sums["den"].replace(0, np.nan)
    totals = sums["num"].groupby(level="group").transform("sum")
    return sums["num"] / totals.replace(0, np.nan)


#: The columns of each table that the features read (what a chunked reader needs to load).
FEATURE_INPUT_COLUMNS = {name: list(columns) for name, columns in _NEEDED.items()}


def feature_sums(result, by: str = "article_id") -> tuple[list[str], dict[str, pd.DataFrame]]:
    """The additive part of :func:`build_features`: numerator and denominator sums.

    Sums of several parts of a corpus (chunks of articles) add up to the sums of the
    whole; :func:`combine_feature_sums` turns them into the features. Returns the groups
    in order of first appearance and, per feature, a ``num``/``den`` frame indexed by
    (group, side).
    """
    groups = _groups(result.articles, by)
    order = list(dict.fromkeys(groups.tolist()))
    tables = {name: _prepared(result, name, groups) for name in _TABLE_COLUMNS}
    return order, {spec.name: _sums(tables[spec.table], spec) for spec in FEATURES.values()}


def combine_feature_sums(parts: list[tuple[list[str], dict[str, pd.DataFrame]]], by: str = "article_id") -> pd.DataFrame:
    """The features of the sums of :func:`feature_sums` over several parts of a corpus.

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> from analysis import schema
    >>> def part(aid, outlet, side):
    ...     return SimpleNamespace(articles=pd.DataFrame({"article_id": [aid], "outlet": [outlet]}),
    ...         mentions=pd.DataFrame({"article_id": [aid], "side": [side], "part": ["body"]}),
    ...         attributions=schema.empty_table(schema.ATTRIBUTIONS), stance=schema.empty_table(schema.STANCE))
    >>> sums = [feature_sums(part("a1", "X", "us"), "outlet"), feature_sums(part("a2", "X", "us"), "outlet")]
    >>> combine_feature_sums(sums, "outlet")[["outlet", "side", "mentions"]].values.tolist()
    [['X', 'russia', 0], ['X', 'us', 2], ['X', 'other', 0]]
    """
    order = list(dict.fromkeys(g for groups, _ in parts for g in groups))
    keys = pd.MultiIndex.from_product([order, list(SIDES)], names=["group", "side"])
    columns = {}
    for spec in FEATURES.values():
        frames = [sums[spec.name] for _, sums in parts]
        total = frames[0] if len(frames) == 1 else pd.concat(frames).groupby(level=["group", "side"]).sum()
        values = _value(total.reindex(keys, fill_value=0), spec)
        if spec.value in ("count", "net") or spec.value.startswith("sum:"):
            columns[spec.name] = pd.array(values.round().astype("int64").to_numpy(), dtype="Int64")
        else:
            columns[spec.name] = values.to_numpy(dtype="float64")
    out = pd.DataFrame({by: pd.array(keys.get_level_values("group"), dtype="string"),
                        "side": pd.array(keys.get_level_values("side"), dtype="string"), **columns})
    return out.reset_index(drop=True)


def build_features(result, by: str = "article_id") -> pd.DataFrame:
    """Per-side framing features in long form: one row per group × side.

    Parameters
    ----------
    result : analysis.pipeline.batch.Result or any object with the same table attributes
        ``articles`` (``article_id``, and ``outlet`` for ``by="outlet"``), ``mentions``,
        ``attributions`` and ``stance``.
    by : {"article_id", "outlet"}
        The grouping.

    Returns
    -------
    DataFrame
        Columns ``[by, "side"] + FEATURE_COLUMNS``; three rows (``russia``, ``us``,
        ``other``) per group, in the order of the articles table. Counts are ``Int64``,
        shares ``float64`` (NaN when the denominator is 0: undefined, not zero).

    Raises
    ------
    ValueError
        For an unknown ``by``, a table without its key columns, or rows whose
        ``article_id`` is not in the articles table.

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> from analysis import schema
    >>> res = SimpleNamespace(
    ...     articles=pd.DataFrame({"article_id": ["a1"]}),
    ...     mentions=pd.DataFrame({"article_id": ["a1", "a1"], "side": ["us", "un"], "part": ["title", "body"]}),
    ...     attributions=schema.empty_table(schema.ATTRIBUTIONS),
    ...     stance=schema.empty_table(schema.STANCE))
    >>> build_features(res)[["side", "mentions", "mentions_title", "direct_share"]].values.tolist()
    [['russia', 0, 0, nan], ['us', 1, 1, nan], ['other', 1, 0, nan]]
    """
    return combine_feature_sums([feature_sums(result, by)], by)


def evidence_for(result, article_id: str, side: str, feature: str) -> pd.DataFrame:
    """The rows behind one feature value of one article and side.

    Parameters
    ----------
    result : Result
        As for :func:`build_features`.
    article_id : str
    side : {"russia", "us", "other"}
    feature : str
        A column of :data:`FEATURE_COLUMNS`.

    Returns
    -------
    DataFrame
        The rows of the feature's table (mentions, attributions or stance) that enter the
        value, with their offsets, plus ``in_numerator`` (for shares: whether the row
        counts above the line; the value is the numerator rows / all rows returned, or
        their ``content_words``) and ``evidence_text`` (the text the row's offsets point at,
        when the articles table has ``title`` and ``body``).

    Examples
    --------
    >>> ev = evidence_for(result, "2016-09-09-lavrov-kerry-geneva", "us", "blame_received")  # doctest: +SKIP
    >>> ev[["holder", "evidence_text"]].head(1)   # doctest: +SKIP
    """
    if feature not in FEATURES:
        raise KeyError(f"unknown feature {feature!r}; choose one of {FEATURE_COLUMNS}")
    if side not in SIDES:
        raise ValueError(f"side must be one of {SIDES}, got {side!r}")
    spec = FEATURES[feature]
    groups = _groups(result.articles, "article_id")
    if article_id not in groups.index:
        raise KeyError(f"no article with article_id {article_id!r}")
    table = _prepared(result, spec.table, groups)
    table = table[table["article_id"].astype("string") == article_id].drop(columns="group")
    sides = table[spec.side_column].map(side_group) if len(table) else pd.Series([], dtype=object)
    numerator = _numerator(table, spec) if len(table) else pd.Series([], dtype=bool)
    if spec.value.startswith("voice"):
        keep = sides != ""
        table, numerator = table[keep], (sides == side)[keep]
    else:
        keep = sides == side
        if spec.value not in ("share", "net"):
            keep = keep & numerator
        table, numerator = table[keep], numerator[keep]
    out = table.assign(in_numerator=numerator.to_numpy(dtype=bool)).reset_index(drop=True)
    out["evidence_text"] = _texts(result.articles, out, spec.table)
    return out


_SPAN_COLUMNS = {"mentions": ("start", "end"), "attributions": ("cue_start", "content_end"),
                 "stance": ("evidence_start", "evidence_end")}


def _texts(articles: pd.DataFrame, rows: pd.DataFrame, table: str) -> pd.Series:
    if not {"title", "body"} <= set(articles.columns) or rows.empty:
        return pd.Series([pd.NA] * len(rows), dtype="string")
    lookup = articles.set_index(articles["article_id"].astype("string"))
    lo_col, hi_col = _SPAN_COLUMNS[table]
    texts = []
    for rec in rows.to_dict("records"):
        art = lookup.loc[str(rec["article_id"])]
        source = str(art["title"] if rec.get("part") == "title" else art["body"])
        lo, hi = rec.get(lo_col), rec.get(hi_col)
        if table == "attributions":
            spans = [("cue_start", "cue_end"), ("content_start", "content_end")]
            source_part = rec.get("source_part", rec.get("part"))
            if not pd.isna(source_part) and string_of(source_part) == string_of(rec.get("part")):
                spans.append(("source_start", "source_end"))  # a source in the title is not in the body
            cands = [v for v in (rec.get(a) for a, _ in spans) if not pd.isna(v)]
            ends = [v for v in (rec.get(b) for _, b in spans) if not pd.isna(v)]
            lo, hi = (min(cands), max(ends)) if cands and ends else (None, None)
        texts.append(source[int(lo):int(hi)] if lo is not None and not pd.isna(lo) else pd.NA)
    return pd.Series(texts, dtype="string")
