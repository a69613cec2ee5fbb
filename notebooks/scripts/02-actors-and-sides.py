# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (framing suite)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02 · Actors and sides: who is mentioned?
#
# The first thing a framing analysis counts is *presence*: which actors the article
# names, and which side each belongs to. An actor can be named in five ways, and the suite
# records which one it recognised (the `via` column):
#
# | via | what it is | example in the article |
# |---|---|---|
# | `name` | a personal or country name | لافروف (Lavrov), روسيا (Russia) |
# | `title` | an office or description, often with the name | وزير الخارجية الروسي سيرغي لافروف (the Russian foreign minister Sergey Lavrov) |
# | `metonym` | a place standing for a government | واشنطن (Washington = the US government), موسكو (Moscow) |
# | `adjective` | a *nisba* adjective of nationality | الروسي (Russian), الأمريكي (American) |
# | `pronoun-carry` | a later reference that carries an earlier actor on | المصدر ("the source", meaning the Russian source above) |
#
# Each actor has a **side** from the codebook: `russia`, `us`, or another party (`un`,
# `syria_government`, …); `unknown` when the text does not say.

# %%
# %matplotlib inline
import pandas as pd

import analysis
from analysis import paths
from analysis.coding.actors import find_mentions, load_actor_lexicon
from analysis.figures.plots import plot_article_strip

# %%
article_id = paths.EXAMPLE_ARTICLE.stem
result = analysis.analyze(paths.EXAMPLE_ARTICLE, progress=False)
mentions = result.mentions
print(f"{len(mentions)} actor mentions in the example article")

# %% [markdown]
# ## 1 · The mentions table
#
# One row per mention: where it is (`part`, `start`, `end` into the original string), the
# words as printed (`surface`), the actor, its side and type, and how it was recognised.

# %%
columns = ["sent_id", "part", "surface", "actor_id", "side", "actor_type", "via"]
mentions[columns].head(12).style.format(escape="html").set_table_attributes('dir="rtl"').hide(axis="index")

# %% [markdown]
# ## 2 · Presence by side
#
# Counting mentions per side, and per way of naming, already says something about the
# article: the US side is mentioned about as often as the Russian side, but largely as
# واشنطن ("Washington") — a place standing for a government — rather than through named
# officials.

# %%
presence = pd.crosstab(mentions["side"], mentions["via"], margins=True, margins_name="total")
presence

# %% [markdown]
# ## 3 · Names are matched whole, with their clitics
#
# Arabic attaches conjunctions and prepositions to the next word: و "and", ف "so",
# ب "with/by", ل "to/for", ك "like". The matcher allows these prefixes in front of a name
# but never cuts into the name itself (a stemmer would turn لافروف into افروف and
# لواشنطن into شنط). A **constructed** sentence shows it:
#
# <div dir="rtl">
# وأكد بوتين أن رسالة موسكو لواشنطن واضحة، وقال الكرملين إن الروس لن يتراجعوا.
# </div>
#
# *(Constructed: "Putin stressed that Moscow's message to Washington is clear, and the
# Kremlin said the Russians will not back down.")*

# %%
doc = analysis.make_doc(
    "constructed", "", "وأكد بوتين أن رسالة موسكو لواشنطن واضحة، وقال الكرملين إن الروس لن يتراجعوا."
)
pd.DataFrame(find_mentions(doc))[["start", "end", "surface", "actor_id", "side", "via"]]

# %% [markdown]
# The preposition ل of لواشنطن ("to Washington") is recognised and left out of the span:
# the mention covers واشنطن only, and the actor is the US government (a metonym).

# %% [markdown]
# ## 4 · Where the sides come from: the lexicons
#
# Actors, titles, nisba adjectives, news media and anonymous-source patterns are listed in
# CSV files inside the package (`analysis/lexicons/`), each with a version. Every alias is
# normalised with `analysis.text.normalize.normalize` when loaded, so the lexicon can be written
# with ordinary spelling.

# %%
lexicon = load_actor_lexicon()
lexicon.versions

# %% [markdown]
# The aliases of a few actors of the example article:

# %%
actors = lexicon.actors.to_frame()
wanted = ["lavrov", "kerry", "kirby", "us", "russia", "kremlin"]
(actors[actors["actor_id"].isin(wanted)][["actor_id", "alias", "side", "actor_type", "via"]]
 .sort_values(["actor_id", "alias"])
 .style.format(escape="html").set_table_attributes('dir="rtl"').hide(axis="index"))

# %% [markdown]
# To study another conflict, or to add an actor the lexicon misses, copy the folder,
# edit the CSV files and pass the folder to `load_actor_lexicon(path)` and then to
# `find_mentions(doc, lexicon)` (the teaching exercise *04-change-the-lexicon* does this
# for reporting verbs).
#
# ## 5 · The article sentence by sentence
#
# Where in the article each side appears matters: the headline and the lead are read by
# everyone, the last paragraphs by few. The strip shows, sentence by sentence, who is
# mentioned, who speaks and who evaluates.

# %%
ax = plot_article_strip(result.sentences, result.mentions, result.attributions, result.stance,
                        article_id=article_id, labels="both")
ax.figure

# %% [markdown]
# Sentences are numbered from 1 (the title) on the horizontal axis; marker size grows with
# the number of rows. Russia and the US are both present from the title on, and Russia
# speaks from the first sentence. The US side is talked *about* for most of the article
# (واشنطن in Lavrov's quotation and in the Russian source's words) and speaks only in
# sentence 12, where the State Department denies the Russian claims.

# %% [markdown]
# ## Recap
#
# - `result.mentions` lists every actor mention with its side and the way it was named
#   (`name`, `title`, `metonym`, `adjective`, `pronoun-carry`).
# - Names are matched whole, with attached conjunctions and prepositions; nothing is
#   stemmed.
# - The actors and their sides are data (CSV lexicons) that you can read, extend and
#   version.
#
# ## Where next
#
# - [03-who-speaks](03-who-speaks.ipynb): which of these actors are quoted, and how.
# - [01-corpus](01-corpus.ipynb): normalisation, used by the lexicon loader.
