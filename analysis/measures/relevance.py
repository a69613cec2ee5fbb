"""Which articles a study is about: those in which the sides are *actors*, by the lexicon.

A study of how outlets frame Russia and the United States should read the articles in
which both act, not every article that happens to contain "روسيا". The decision is made
from the mentions table (:mod:`analysis.coding.actors`, i.e. the actor lexicon with its
names, offices, metonyms and anonymous sources), never from a keyword regex: a mention
counts when it was recognised through one of ``via`` (by default a name, a title or
office, a metonym such as واشنطن or الكرملين, or a pronoun carrying an earlier actor).
A nisba adjective on a thing (طائرة روسية, "a Russian plane", ``via="adjective"``) names
no actor and does not count.

Examples
--------
>>> import pandas as pd
>>> mentions = pd.DataFrame({
...     "article_id": ["a", "a", "b", "b", "c"],
...     "side": ["russia", "us", "russia", "us", "russia"],
...     "via": ["name", "metonym", "name", "adjective", "title"]})
>>> count_side_mentions(mentions, ["a", "b", "c"])["relevant"].tolist()
[True, False, False]
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

__all__ = ["ACTOR_VIAS", "RelevanceFilter", "count_side_mentions"]

#: Ways a mention is recognised that name an actor (everything but a bare adjective).
ACTOR_VIAS = ("name", "title", "metonym", "pronoun-carry")


class RelevanceFilter:
    """Articles in which every one of ``sides`` has at least ``min_mentions`` actor mentions.

    Parameters
    ----------
    sides : sequence of str
        Side ids of the mentions table (default ``("russia", "us")``).
    via : sequence of str
        The ``via`` values that count as naming an actor (default :data:`ACTOR_VIAS`).
    min_mentions : int
        Actor mentions each side needs in one article (title and body together).
    """

    def __init__(self, sides: Sequence[str] = ("russia", "us"), via: Sequence[str] = ACTOR_VIAS,
                 min_mentions: int = 1):
        if not sides:
            raise ValueError("a relevance filter needs at least one side")
        if min_mentions < 1:
            raise ValueError(f"min_mentions must be 1 or more, not {min_mentions}")
        self.sides = tuple(sides)
        self.via = tuple(via)
        self.min_mentions = int(min_mentions)

    def __repr__(self) -> str:
        return (f"RelevanceFilter(sides={list(self.sides)}, via={list(self.via)}, "
                f"min_mentions={self.min_mentions})")

    def describe(self) -> str:
        """One sentence for a manifest or a figure note."""
        return (f"articles with at least {self.min_mentions} actor mention(s) of each of "
                f"{', '.join(self.sides)} (mentions via {', '.join(self.via)}; the actor lexicon "
                "decides)")


def count_side_mentions(mentions: pd.DataFrame, article_ids: Sequence[str],
                        rule: RelevanceFilter | None = None) -> pd.DataFrame:
    """Actor mentions of each side per article, and whether the article passes ``rule``.

    Parameters
    ----------
    mentions : DataFrame
        The mentions table (``article_id``, ``side``, ``via``).
    article_ids : sequence of str
        Every article considered; an article without mentions gets zeros.
    rule : RelevanceFilter, optional
        Default: Russia and the US, one actor mention each.

    Returns
    -------
    DataFrame
        ``article_id``, one ``<side>_mentions`` column per side of the rule (Int64), and
        ``relevant`` (bool), in the order of ``article_ids``.
    """
    rule = rule or RelevanceFilter()
    missing = [c for c in ("article_id", "side", "via") if c not in mentions.columns]
    if missing:
        raise ValueError(f"mentions table is missing columns {missing}")
    ids = pd.Index(pd.array(list(article_ids), dtype="string"), name="article_id")
    actors = mentions[mentions["via"].astype("string").isin(rule.via)
                      & mentions["side"].astype("string").isin(rule.sides)]
    counts = (actors.assign(article_id=actors["article_id"].astype("string"),
                            side=actors["side"].astype("string"))
              .groupby(["article_id", "side"]).size().unstack(fill_value=0)
              .reindex(index=ids, columns=list(rule.sides), fill_value=0))
    out = pd.DataFrame({"article_id": ids.to_numpy()})
    for side in rule.sides:
        out[f"{side}_mentions"] = pd.array(counts[side].to_numpy(), dtype="Int64")
    out["relevant"] = (counts >= rule.min_mentions).all(axis=1).to_numpy()
    return out
