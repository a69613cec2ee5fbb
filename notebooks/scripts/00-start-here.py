# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (framing suite)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 00 · Start here: one article, end to end
#
# This notebook takes one real Arabic news article and shows, in five steps, what the
# suite measures: **who is mentioned, who gets to speak, how their words are introduced,
# and who is blamed or praised**, for the Russian and the US side of the story.
#
# The article (9 September 2016; the outlet is not named in the text) reports the Geneva
# talks on Syria between the Russian foreign minister Sergey Lavrov (سيرغي لافروف) and the
# US secretary of state John Kerry (جون كيري), with statements by Lavrov, the UN envoy
# Staffan de Mistura, an unnamed source in the Russian delegation and the US State
# Department spokesperson John Kirby.
#
# <div dir="rtl">
# يعرض هذا الدفتر مقالا إخباريا واحدا من البداية إلى النهاية: من يُذكر، ومن يتكلم، وبأي فعل
# يُنقل كلامه، ومن يُحمَّل المسؤولية أو يُمدح.
# </div>
#
# *(The Arabic above says the same thing: "This notebook shows one news article from
# beginning to end: who is mentioned, who speaks, with which verb their words are
# relayed, and who is blamed or praised.")*
#
# You need no programming to follow it: run each cell in order (Shift+Enter) and read the
# text above it.

# %% [markdown]
# ## Setup
#
# `analysis` is the project's helper library; `paths` knows where the example article and
# the figures folder are.

# %%
# %matplotlib inline
import pandas as pd

import analysis
from analysis import paths
from analysis.figures.glossary import GLOSSARY, lexicon_glosses
from analysis.figures.plots import plot_share_of_voice
from analysis.figures.tables import build_share_of_voice_table

# %% [markdown]
# The next cell holds the notebook's only setting (a *parameter*): where the figure is
# written. `python -m analysis figures` and the tests replace it.

# %% tags=["parameters"]
figures_dir = str(paths.FIGURES_DIR)

# %% [markdown]
# ## 1 · Read and analyse the article
#
# `analyze` reads the file (first line = title, the rest = body) and runs every stage:
# sentence splitting, actor mentions, attributions (reported speech) and stance.

# %%
article_id = paths.EXAMPLE_ARTICLE.stem
result = analysis.analyze(paths.EXAMPLE_ARTICLE, progress=False)
print(result.summary())

# %% [markdown]
# ## 2 · The article, highlighted
#
# Colours mark the side: **Russia** in vermillion, **the United States** in blue, the UN
# in green, others in grey. Bold underlined words are speakers, a darker background is the
# reporting verb (*cue*), a light background is what they said (*content*), a dotted line
# is any other mention of an actor, a wavy line is stance evidence. Hover over a
# highlighted word to see its coding.

# %%
analysis.show_article(result, article_id)

# %% [markdown]
# ## 3 · Who speaks, and how
#
# One row per *attribution* (a reported speech act, CODEBOOK §2):
#
# - **source** — who is quoted (Arabic name from the lexicon, English gloss beside it);
# - **side** — which side the source belongs to;
# - **cue** — the reporting verb as printed, and its **category** (what it connotes:
#   `neutral` قال "said", `hedged` لمّح "hinted", `accusation` حمّل المسؤولية "held
#   responsible", `denial` نفى "denied" …);
# - **mode** — `direct` (a quotation in the source's own words), `indirect` (paraphrase) or
#   `mixed`;
# - **via** — the news agency through which the words reached the outlet, if named.
#
# The table reads right to left, like the article.

# %%
glosses = lexicon_glosses()


def source_name(actor_id: str) -> str:
    """Arabic name and short English gloss of an actor, or its id in words when it has none."""
    fallback = actor_id.replace("_", " ")
    arabic, english = glosses["actor"].get(actor_id, (fallback, fallback))
    return arabic if arabic == english else f"{arabic} ({english.split(',')[0]})"


who_speaks = pd.DataFrame({
    "source": result.attributions["source_actor_id"].map(source_name),
    "side": result.attributions["source_side"].map(lambda s: GLOSSARY["side"].get(s, (s, s))[1]),
    "cue": result.attributions["cue"],
    "category": result.attributions["cue_category"],
    "mode": result.attributions["mode"],
    "via": result.attributions["via"].fillna("—"),
    "part": result.attributions["part"],
})
who_speaks.style.format(escape="html").set_table_attributes('dir="rtl"').hide(axis="index")

# %% [markdown]
# The Russian side speaks most often (Lavrov himself and an anonymous Russian diplomatic
# source), the US side twice: once through a *denial* (نفت "denied") and once in Kirby's
# own words. Note the first row: the headline introduces Lavrov with لمّح ("hinted"), a
# *hedged* verb, not with the neutral قال ("said"). The two rows whose cue is a colon are
# sub-headings of the form «دي ميستورا: …» ("De Mistura: …"), where the colon does the
# work of a reporting verb.

# %% [markdown]
# ## 4 · One figure: share of voice by side
#
# How much of the reported speech belongs to each side, counted two ways: by attributions
# (how many times a side is quoted) and by quoted words (how much room its words get).
# Parties other than Russia and the US are grouped as "other".

# %%
voice = build_share_of_voice_table(result.attributions)
voice

# %%
ax = plot_share_of_voice(result.attributions, labels="both")
fig = ax.figure
fig

# %% [markdown]
# Labels are bilingual: Arabic first, the English gloss in brackets. Save the figure:

# %%
written = analysis.save_figure(fig, "example-share-of-voice", voice, out_dir=figures_dir)
sorted(path.name for path in written.values())

# %% [markdown]
# `save_figure` wrote the figure as PDF, PNG and SVG, and next to it the CSV of exactly the
# numbers drawn (the table above), so a reader of the paper can check them.

# %% [markdown]
# ## Recap
#
# - One call, `analysis.analyze(path)`, turns an article into tables: `result.mentions`,
#   `result.attributions`, `result.stance`.
# - Every row points back at the words it came from (`show_article` highlights them).
# - In this article Russia holds most of the voice; the US side appears mostly through a
#   denial.
#
# ## Where next
#
# - [01-corpus](01-corpus.ipynb): load your own articles; what normalisation does.
# - [02-actors-and-sides](02-actors-and-sides.ipynb): how actors and sides are recognised.
# - [03-who-speaks](03-who-speaks.ipynb): reporting verbs, anonymous sources, agencies.
# - [04-stance](04-stance.ipynb): blame, denial, praise and cooperation between the sides.
# - [05-comparing-sides](05-comparing-sides.ipynb): the paper figures.
# - [teaching/](teaching/): exercises for a class.
