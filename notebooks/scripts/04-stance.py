# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (framing suite)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 · Stance: who blames, denies, threatens or praises whom
#
# Framing is also about evaluation. A **stance unit** (CODEBOOK §4) records that a
# *holder* evaluates a *target side* in one sentence:
#
# | field | meaning |
# |---|---|
# | holder, holder_side | who evaluates (an actor, or `author` for the writer's own wording) |
# | target_side | the side evaluated |
# | polarity | `negative` or `positive` |
# | kind | `blame` (responsibility for a bad outcome), `criticism`, `threat`, `denial` (rejecting the target's claim), `praise`, `cooperation` (hope, partnership, agreement) |
# | evidence | the words that carry it (`evidence_start`/`evidence_end` into the original text) |
#
# Only what the sentence expresses is coded, never what a reader might infer.
#
# Most units come from the stance lexicon and rules, and name their `cue` word. A learned
# pass (stage `stance_model`, trained on the dev gold) adds units in sentences the rules left
# empty: those have an empty `cue`, the whole sentence as evidence and a default `kind`
# (`criticism` or `praise`); filter them with `stance[stance.cue != ""]` to keep rule units
# only (docs/stance-notes.md, round 7). The example article has none.

# %%
# %matplotlib inline
import pandas as pd

import analysis
from analysis import paths
from analysis.figures.plots import plot_stance
from analysis.figures.tables import build_stance_table

# %%
article_id = paths.EXAMPLE_ARTICLE.stem
result = analysis.analyze(paths.EXAMPLE_ARTICLE, progress=False)
stance = result.stance
print(f"{len(stance)} stance units in the example article")

# %% [markdown]
# ## 1 · The stance units of the example, with their evidence

# %%
def evidence_text(row: pd.Series) -> str:
    article = result.articles.iloc[0]
    text = article["title"] if row["part"] == "title" else article["body"]
    return text[int(row["evidence_start"]):int(row["evidence_end"])]


shown = stance.assign(evidence=stance.apply(evidence_text, axis=1))
(shown[["sent_id", "holder", "holder_side", "target_side", "polarity", "kind", "evidence"]]
 .style.format(escape="html").set_table_attributes('dir="rtl"').hide(axis="index"))

# %% [markdown]
# Read the second row with the codebook's own example: Lavrov's direct quotation
# «لقد احتاج أصدقاؤنا إلى 5 ساعات للتنسيق مع واشنطن» ("our friends needed five hours to
# coordinate with Washington") is `blame`: it makes the US side responsible for the delay,
# without a word of accusation.

# %% [markdown]
# ## 2 · Who evaluates whom
#
# A cross-table of holder side and target side, by kind:

# %%
pd.crosstab([stance["holder_side"], stance["target_side"]], stance["kind"])

# %% [markdown]
# The figure draws the same as diverging bars: negative kinds to the left, positive ones to
# the right, one bar per holder → target pair.

# %%
ax = plot_stance(stance, labels="both")
ax.figure

# %%
build_stance_table(stance)

# %% [markdown]
# In this article blame runs one way: four units of Russian blame on the US (Lavrov and the
# anonymous delegation source), none the other way. The US side answers with two denials;
# both sides share the closing paragraphs' language of cooperation.
#
# ## 3 · From a number back to the sentences
#
# Every feature value can be traced to the rows it counts. The US side's `blame_received`:

# %%
features = result.features()
features[["side", "blame_given", "blame_received", "positive_given", "negative_given",
          "net_stance_given", "net_stance_received"]]

# %%
evidence = analysis.evidence_for(result, article_id, "us", "blame_received")
(evidence[["sent_id", "holder", "kind", "cue", "evidence_text"]]
 .style.format(escape="html").set_table_attributes('dir="rtl"').hide(axis="index"))

# %% [markdown]
# ## 4 · The other kinds, on constructed sentences
#
# The example has no threat, criticism or praise. Four **constructed** sentences (written
# for this notebook, not real news) show them:
#
# <div dir="rtl">
#
# 1. وهدد وزير الخارجية الأمريكي جون كيري روسيا بفرض عقوبات جديدة.
# 2. وأشاد الرئيس الروسي فلاديمير بوتين بموقف الرئيس الأمريكي دونالد ترامب.
# 3. وانتقدت وزارة الخارجية الروسية واشنطن بشدة.
# 4. واتهم لافروف الولايات المتحدة بعرقلة المحادثات.
#
# </div>
#
# *(1. "The US secretary of state John Kerry threatened Russia with new sanctions."
# 2. "The Russian president Vladimir Putin praised the position of the US president Donald
# Trump." 3. "The Russian foreign ministry sharply criticised Washington." 4. "Lavrov
# accused the United States of obstructing the talks.")*

# %%
constructed = pd.DataFrame({
    "article_id": ["threat", "praise", "criticism", "blame"],
    "title": [""] * 4,
    "body": [
        "وهدد وزير الخارجية الأمريكي جون كيري روسيا بفرض عقوبات جديدة.",
        "وأشاد الرئيس الروسي فلاديمير بوتين بموقف الرئيس الأمريكي دونالد ترامب.",
        "وانتقدت وزارة الخارجية الروسية واشنطن بشدة.",
        "واتهم لافروف الولايات المتحدة بعرقلة المحادثات.",
    ],
})
constructed_result = analysis.analyze(constructed, progress=False)
constructed_result.stance[["article_id", "holder", "holder_side", "target_side", "polarity", "kind", "cue"]]

# %% [markdown]
# ## Recap
#
# - `result.stance` holds one row per holder × target × kind in a sentence, with the
#   evidence span.
# - Blame can be carried by a plain description (five hours to coordinate with Washington),
#   not only by verbs such as اتهم ("accused").
# - `evidence_for(result, article_id, side, feature)` returns the rows behind any feature
#   value.
#
# ## Where next
#
# - [05-comparing-sides](05-comparing-sides.ipynb): all measures side by side, as paper
#   figures.
# - [teaching/02-blame-exercise](teaching/02-blame-exercise.ipynb): who is blamed and by
#   whom, as a class exercise.
