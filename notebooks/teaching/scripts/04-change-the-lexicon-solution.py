# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (framing suite)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Teaching 04 · Change the lexicon, watch the figure move — Solution
#
# **Session goal.** The categories behind every figure come from a word list, the *cue
# lexicon* (`analysis/lexicons/cues.csv`): each reporting verb with the category the
# project's codebook gives it. Those are decisions, and other researchers could decide
# otherwise. In this exercise you copy the lexicon, change one decision, rerun the
# analysis and see how much the figure moves.
#
# The shipped lexicon is never edited: you work on a copy in a temporary folder.
#
# This is the solution notebook; the exercise without answers is [04-change-the-lexicon-exercise](04-change-the-lexicon-exercise.ipynb).

# %% [markdown] tags=["handout-ar"]
# <div dir="rtl" lang="ar">
#
# # تمرين 04 · غيّر المعجم، وشاهد الرسم يتحرك
#
# **هدف الجلسة.** الفئات وراء كل رسم بياني تأتي من قائمة كلمات، هي معجم أفعال القول: كل فعل مع الفئة التي يعطيها له دليل الترميز. هذه قرارات، وقد يقرّر باحثون آخرون غيرها. في هذا التمرين تنسخ المعجم، وتغيّر قراراً واحداً، وتعيد التحليل، وترى كم يتحرك الرسم. لا يُعدَّل المعجم الأصلي أبداً: تعمل على نسخة.
#
# ## الخطوة 1 · انسخ المعجم
#
# انسخ مجلد المعجم إلى مجلد مؤقت، واعرض صفوف فعل واحد.
#
# ## الخطوة 2 · اتخذ قراراً مختلفاً
#
# قد يرى أحدهم أن «لمّح» في تقرير وكالة مجرد بديل أسلوبي لـ«قال»، فيُعدّ محايداً لا متحفّظاً. اختر فعلاً من الجدول والفئة الجديدة له.
#
# ## الخطوة 3 · أعد مرحلة الإسناد بمعجمك
#
# ## الخطوة 4 · شاهد الرسم يتحرك
#
# قارن الرسمين: المعجم الأصلي ومعجمك.
#
# ## الخطوة 5 · النقاش
#
# كم تغيّر ملف الطرف الروسي؟ هل تصمد خلاصة مثل «يُقدَّم الطرف الروسي بتحفّظ أكبر من الطرف الأمريكي» أمام تغييرك؟ وماذا يعني ذلك لذكر إصدار المعجم مع كل نتيجة؟
#
# </div>

# %%
# %matplotlib inline
import shutil
import tempfile
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

import analysis
from analysis import paths, teaching
from analysis.coding.attribution import build_attributions_table, load_cue_lexicon, save_recategorised_cues
from analysis.figures.plots import plot_cue_categories
from analysis.figures.tables import build_cue_category_table

teaching.explain_errors()  # a misspelt name gets a hint, not a long error

# %% [markdown]
# The attributions of the example with the shipped lexicon:

# %%
result = analysis.analyze(paths.EXAMPLE_ARTICLE, progress=False)
before = result.attributions
before[["source_actor_id", "source_side", "cue", "cue_lemma", "cue_category"]]

# %% [markdown]
# ## Step 1 · Copy the lexicon
#
# Copy the whole lexicon folder to a temporary folder and look at the rows of one lemma.

# %%
lexicon_copy = Path(tempfile.mkdtemp(prefix="lexicon-")) / "lexicons"
shutil.copytree(paths.LEXICON_DIR, lexicon_copy)
cues_path = lexicon_copy / "cues.csv"
cues = pd.read_csv(cues_path, comment="#", dtype="string")
cues[cues["lemma"] == "لمّح"][["lemma", "form", "category", "gloss"]]

# %% [markdown]
# ## Step 2 · Make one decision differently
#
# Someone might argue that لمّح ("hinted") in a wire report is just a stylistic variant of
# قال ("said") and should count as `neutral`, not `hedged`. Choose a lemma from the table
# above (copy it exactly, e.g. `"لمّح"`) and the category you want to give it, from:
#
# `neutral`, `explanatory`, `assertive`, `opinion`, `hedged`, `affect`, `distancing`,
# `denial`, `accusation`, `condemnation`, `warning`, `directive`, `commissive`.

# %%
lemma_to_change = "لمّح"
new_category = "neutral"

# %% [markdown]
# The next cell writes the copy again from the shipped lexicon, with every form of the
# chosen lemma in the new category, and marks its version `+edited`. While your answer
# is blank the copy stays as shipped. Change your answer and run the cells from here
# again: the new decision replaces the earlier one.

# %%
changed = save_recategorised_cues(cues_path, lemma_to_change, new_category)
if changed:
    print(f"{changed} rows of {lemma_to_change} now {new_category}")
else:
    print("Step 2 not answered yet: the copy is as shipped.")

# %% [markdown]
# ## Step 3 · Rerun the attribution stage with your lexicon
#
# `load_cue_lexicon` reads the edited file (again after every edit) and checks it: a
# misspelt category stops here with a message naming the line. `build_attributions_table`
# runs the stage with it.

# %%
my_cues = load_cue_lexicon(cues_path)
after = build_attributions_table(result.articles, result.mentions, cues=my_cues)
changed = before[["cue", "cue_category"]].compare(after[["cue", "cue_category"]], result_names=("before", "after")) if len(after) == len(before) else None
changed if changed is not None else after[["cue", "cue_category"]]

# %% [markdown]
# ## Step 4 · Watch the figure move

# %%
fig = Figure(figsize=(10, 3.2), layout="constrained")
left, right = fig.subplots(1, 2)
plot_cue_categories(before, ax=left, labels="en")
plot_cue_categories(after, ax=right, labels="en")
left.set_title("Shipped lexicon")
right.set_title("Your lexicon")
fig

# %%
compare = build_cue_category_table(before)[["cue_category", "side", "share"]].merge(
    build_cue_category_table(after)[["cue_category", "side", "share"]],
    on=["cue_category", "side"], how="outer", suffixes=("_before", "_after")).fillna(0)
compare[compare["share_before"] != compare["share_after"]]

# %% [markdown]
# ## Step 5 · Discuss
#
# How much did the Russian side's profile change? Would a paper's conclusion ("the
# Russian side is introduced more tentatively than the US side") survive your change? What
# does this say about reporting the lexicon version with every result?

# %% [markdown] tags=["answer-04-step5"]
# **Model answer**
#
# Recoding لمّح as neutral moves both of Lavrov's hedged attributions into neutral: the
# Russian side's hedged share drops from 25 % to 0 and its neutral share rises to 62.5 %. A
# claim about tentative framing of the Russian side rests entirely on this one decision, so
# the lexicon version (and any change to it) must be reported with the figures.

# %% [markdown]
# ## Recap
#
# - Lexicons are data: copy, edit, validate, rerun.
# - One coding decision can move a figure; report lexicon versions and test how robust a
#   finding is to the decisions it depends on.
