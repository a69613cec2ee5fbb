# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (framing suite)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Teaching 01 · Reporting verbs and what they connote — Solution
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
# This is the solution notebook; the exercise without answers is [01-reporting-verbs-exercise](01-reporting-verbs-exercise.ipynb).

# %% [markdown] tags=["handout-ar"]
# <div dir="rtl" lang="ar">
#
# # تمرين 01 · أفعال القول وما توحي به
#
# **هدف الجلسة.** نادراً ما يكتفي الصحفيون بفعل «قال». الفعل الذي يقدّم كلام شخص ما يوجّه القارئ: «لمّح» يجعل التصريح مبدئياً، و«زعم» يشكّك فيه، و«نفى» يضع المتحدث في موقع الدفاع. في هذا التمرين تستخرج أفعال القول في المقال المثال، وتصنّفها بحسب ما توحي به، وتقارن بين الطرفين الروسي والأمريكي.
#
# ## المهمة 1 · قائمة أفعال القول
#
# كوّن جدولاً `verbs` من خمسة أعمدة: المتحدث `source_actor_id`، وطرفه `source_side`، والفعل كما ورد `cue`، وأصله المعجمي `cue_lemma`، وفئته `cue_category`.
#
# ## المهمة 2 · عدّ الفئات لكل طرف
#
# كوّن جدولاً تقاطعياً `by_side`: صف لكل فئة، وعمود لكل طرف.
#
# ## المهمة 3 · الأفعال في سياقها
#
# ابحث عن كل استعمال للفعل «لمّح» في جدول الكلمة في سياقها (بالشدّة أو بدونها).
#
# ## المهمة 4 · التفسير
#
# 1. يقدّم العنوان لافروف بفعل «لمّح» لا «قال». ماذا يفعل هذا الاختيار بتصريحه؟
# 2. يُقدَّم الطرف الأمريكي مرتين: بأي فئتين؟ وفي أي موقع يضعه ذلك مقارنةً بالطرف الروسي؟
#
# </div>

# %%
import pandas as pd

import analysis
from analysis import paths, teaching

result = analysis.analyze(paths.EXAMPLE_ARTICLE, progress=False)
attributions = result.attributions
print(f"{len(attributions)} attributions found in the example article")

teaching.explain_errors()  # a misspelt name gets a hint, not a long error

# %% [markdown]
# ## Task 1 · List the reporting verbs
#
# `attributions` has one row per reported speech act. Make a table `verbs` with the
# columns `source_actor_id` (who speaks), `source_side`, `cue` (the verb as printed),
# `cue_lemma` (its dictionary form) and `cue_category` (what it connotes).
#
# *Hint:* select columns with `attributions[["col1", "col2"]]`.

# %%
verbs = attributions[["source_actor_id", "source_side", "cue", "cue_lemma", "cue_category"]]

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
by_side = pd.crosstab(attributions["cue_category"], attributions["source_side"])

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
term = "لمح"

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
# Write your answers in the cell below: double-click it, type (Arabic or English),
# then Shift+Enter.

# %% [markdown] tags=["answer-01-task4"]
# **Model answer**
#
# 1. لمّح marks the statement as tentative, an intimation rather than an announcement: the
#    outlet does not commit Lavrov to a firm claim, and the reader takes it as a possibility
#    (a delay of the talks), not a decision.
# 2. Once neutral (قال, Kirby) and once denial (نفت, the State Department). The US side
#    speaks in reaction — rejecting a claim that the talks had stalled — while the Russian
#    side sets the agenda with hints, explanations, hopes and an accusation.

# %% [markdown]
# ## Recap
#
# - The `cue_category` column turns reporting verbs into comparable categories.
# - Counting attributions alone hides *how* each side is introduced; the categories show
#   it.
