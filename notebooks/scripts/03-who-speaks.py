# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (framing suite)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 03 · Who speaks, and how
#
# Being mentioned is not the same as being heard. An **attribution** (CODEBOOK §2) is a
# reported speech act with three parts:
#
# - the **source**: who is said to have spoken (a person, an institution, an anonymous
#   source, a news medium or a document), and the side it belongs to;
# - the **cue**: the reporting verb or phrase that introduces the words — قال "said",
#   أكد "stressed", زعم "claimed", نفى "denied" — and its **category**, i.e. what the verb
#   connotes about the source and its words;
# - the **content**: what was said, quoted **directly** (in quotation marks, the source's
#   own words), **indirectly** (paraphrased, usually after إن/أن "that"), or **mixed**.
#
# Two more things matter to a media scholar: whether the source is **anonymous**
# (مصدر "a source"), and **via** which news agency the words reached the outlet
# (نقلت وكالة إنترفاكس عن … "Interfax quoted …").

# %%
# %matplotlib inline
import pandas as pd

import analysis
from analysis import paths
from analysis.figures.plots import plot_cue_categories
from analysis.figures.tables import build_cue_category_table

# %%
article_id = paths.EXAMPLE_ARTICLE.stem
result = analysis.analyze(paths.EXAMPLE_ARTICLE, progress=False)
attributions = result.attributions
body = result.articles.loc[0, "body"]
title = result.articles.loc[0, "title"]
print(f"{len(attributions)} attributions in the example article")

# %% [markdown]
# ## 1 · The attributions of the example article

# %%
columns = ["sent_id", "part", "source_actor_id", "source_side", "source_type", "cue", "cue_lemma",
           "cue_category", "mode", "content_words", "via", "in_heading"]
attributions[columns].style.format(escape="html").set_table_attributes('dir="rtl"').hide(axis="index")

# %% [markdown]
# ## 2 · Reporting verbs and what they connote
#
# The cue lexicon (`analysis/lexicons/cues.csv`) lists every form of each reporting verb
# with its category and an English gloss. The categories follow CODEBOOK §3: `neutral`
# verbs report without comment, `assertive` ones present the words as firm, `hedged` ones
# as tentative, `distancing` ones cast doubt on them, `denial` puts the source on the
# defensive, `accusation` and `condemnation` make it an attacker, and so on. Two lemmas per
# category:

# %%
cue_lexicon = pd.read_csv(paths.LEXICON_DIR / "cues.csv", comment="#", dtype="string")
examples = (cue_lexicon.drop_duplicates("lemma")
            .groupby("category", sort=True).head(2)[["category", "lemma", "gloss"]]
            .sort_values(["category", "lemma"]))
examples.style.format(escape="html").set_table_attributes('dir="rtl"').hide(axis="index")

# %% [markdown]
# In the example, the cues per side and category:

# %%
pd.crosstab(attributions["cue_category"], attributions["source_side"])

# %% [markdown]
# The Russian side is introduced with a wider range of verbs — hedged لمّح ("hinted"),
# affect أعرب عن ("expressed"), explanatory أوضح ("explained"), accusation حمّل المسؤولية
# ("held responsible") — while the US side is introduced once with a *denial* (نفت) and once
# with the neutral قال. The figure shows the same as shares of each side's attributions:

# %%
ax = plot_cue_categories(attributions, labels="both")
ax.figure

# %%
build_cue_category_table(attributions)

# %% [markdown]
# ## 3 · Direct and indirect speech
#
# A direct quotation gives the source its own words; an indirect one lets the journalist
# paraphrase. Compare Lavrov's direct quotation with the US State Department's indirect
# denial (the content span of each, as printed in the article):

# %%
def content_of(row: pd.Series) -> str:
    text = title if row["part"] == "title" else body
    return text[int(row["content_start"]):int(row["content_end"])]


pairs = [("lavrov", "direct"), ("us_foreign_ministry", "indirect")]
for source, mode in pairs:
    row = attributions[(attributions["source_actor_id"] == source) & (attributions["mode"] == mode)].iloc[0]
    print(f"{source} · {row['cue']} ({row['cue_category']}) · {mode}:\n  {content_of(row)}\n")

# %% [markdown]
# *(Gloss — Lavrov, direct, أوضح "explained": "Our friends needed 5 hours to coordinate
# with Washington … I apologise for the delay, but there was nothing we could do in this
# situation." The State Department, indirect, نفت "denied": "that there had been a halt in
# the talks" — four words of paraphrase, against Lavrov's thirty-three of his own.)*

# %%
pd.crosstab(attributions["source_side"], attributions["mode"], margins=True, margins_name="total")

# %% [markdown]
# ## 4 · Anonymous sources and agencies
#
# Four of the Russian side's eight attributions come from an unnamed *source in the Russian
# delegation* (مصدر في الوفد الروسي). One of them names the channel: the Russian agency
# Interfax (`via`). An anonymous source can blame without being accountable, which is why
# the codebook records it separately.

# %%
anonymous = attributions[attributions["source_type"] == "anonymous"]
for _, row in anonymous.iterrows():
    via = row["via"] if isinstance(row["via"], str) else "—"
    print(f"[{row['part']} {row['sent_id']}] {row['cue']} ({row['cue_category']}, {row['mode']}, via {via}):")
    print(f"  {content_of(row)}\n")

# %% [markdown]
# The per-side features summarise this: `anonymous_share` is the share of a side's
# attributions that come from anonymous sources (see `docs/features.md`).

# %%
features = result.features()
features[["side", "attributions", "share_of_voice", "direct_share", "anonymous_share"]]

# %% [markdown]
# ## 5 · Every use of a verb, in context
#
# To check how the extractor treats a verb across the text, list it in context. Here
# قال ("said"), normalised so that every spelling is found:

# %%
analysis.kwic(result, "قال", width=35)

# %% [markdown]
# ## Recap
#
# - `result.attributions` has one row per reported speech act: source and side, cue and
#   category, mode, content span, agency, and whether it is in a heading.
# - Categories carry the connotation of the reporting verb; compare them across sides
#   rather than counting attributions alone.
# - In the example the Russian side speaks more, in more varied terms, and half of its
#   voice is an anonymous delegation source; the US side answers with a denial.
#
# ## Where next
#
# - [04-stance](04-stance.ipynb): who blames, denies or praises whom.
# - [teaching/01-reporting-verbs-exercise](teaching/01-reporting-verbs-exercise.ipynb):
#   the same questions as a class exercise.
