# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Teaching 01 · Reporting verbs and what they connote — Exercise
#
# **Session goal.** Journalists rarely write only "said". The verb that introduces someone's
# words tells the reader how to take them: لمّح "hinted" makes a statement tentative, زعم
# "claimed" casts doubt on it, نفى "denied" puts the speaker on the defensive. In this
# exercise you find every reporting verb of the example article, sort them by what they
# connote, and compare the Russian and the US side.
#
# **How to work.** Run each cell with Shift+Enter. Where you see `= None  # your turn`,
# replace `None` with your answer and run the cell again; the check cell below it tells
# you whether the answer works. Nothing breaks if you leave a blank.
#
# The solutions are in [01-reporting-verbs-solution](01-reporting-verbs-solution.ipynb): try first.

# %%
import pandas as pd

import analysis
from analysis import paths

result = analysis.analyze(paths.EXAMPLE_ARTICLE, progress=False)
attributions = result.attributions
print(f"{len(attributions)} attributions found in the example article")

# %% [markdown]
# ## Task 1 · List the reporting verbs
#
# `attributions` has one row per reported speech act. Make a table `verbs` with the
# columns `source_actor_id` (who speaks), `source_side`, `cue` (the verb as printed),
# `cue_lemma` (its dictionary form) and `cue_category` (what it connotes).
#
# *Hint:* select columns with `attributions[["col1", "col2"]]`.

# %%
verbs = None  # your turn: select five columns of `attributions`

# %%
if verbs is None:
    print("Task 1 not answered yet.")
else:
    missing = {"source_actor_id", "source_side", "cue", "cue_lemma", "cue_category"} - set(verbs.columns)
    print("Missing columns:", sorted(missing) if missing else "none — well done")
    display(verbs.style.format(escape="html").set_table_attributes('dir="rtl"').hide(axis="index"))

# %% [markdown]
# ## Task 2 · Count the categories per side
#
# Make a cross-table `by_side` with one row per `cue_category` and one column per
# `source_side`.
#
# *Hint:* `pd.crosstab(rows, columns)`.

# %%
by_side = None  # your turn: pd.crosstab of cue_category by source_side

# %%
if by_side is None:
    print("Task 2 not answered yet.")
else:
    display(by_side)
    if "us" in by_side.columns:
        print("Categories used for the US side:", ", ".join(by_side.index[by_side["us"] > 0]))

# %% [markdown]
# ## Task 3 · Read the verbs in context
#
# Look up every use of the hedged verb لمّح ("hinted") with a keyword-in-context table.
# Set `term` to the verb (spelling with or without the shadda ّ works: the search is
# normalised).

# %%
term = None  # your turn: the verb to look up, as an Arabic string

# %%
if term is None:
    print("Task 3 not answered yet.")
else:
    display(analysis.kwic(result, term, width=40))

# %% [markdown]
# ## Task 4 · Interpret
#
# 1. The headline introduces Lavrov with لمّح ("hinted") rather than قال ("said"). What
#    does that choice do to his statement?
# 2. The US side is introduced twice. With which categories? What position does this put
#    the US side in, compared with the Russian side?
#
# Write your answers in the cell below (as text in the string).

# %%
interpretation = None  # your turn: replace None with your answer as a string, """like this"""

# %% [markdown]
# ## Recap
#
# - The `cue_category` column turns reporting verbs into comparable categories.
# - Counting attributions alone hides *how* each side is introduced; the categories show
#   it.
