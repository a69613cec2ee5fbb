# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (framing suite)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Teaching 02 · Who is blamed, and by whom? — Solution
#
# **Session goal.** News frames a conflict partly through responsibility: who is made
# responsible for a bad outcome, and who does the blaming. The suite codes *stance units*
# (CODEBOOK §4): a holder (who evaluates), a target side (who is evaluated), a polarity and
# a kind (`blame`, `criticism`, `threat`, `denial`, `praise`, `cooperation`). In this
# exercise you find the blame in the example article and read its evidence.
#
# **How to work.** Replace each `None  # your turn` with your answer and run the cell; the
# check below it reacts.
#
# This is the solution notebook; the exercise without answers is [02-blame-exercise](02-blame-exercise.ipynb).

# %% [markdown] tags=["handout-ar"]
# <div dir="rtl" lang="ar">
#
# # تمرين 02 · من يُلام، ومن يلوم؟
#
# **هدف الجلسة.** تؤطّر الأخبار النزاع جزئياً عبر المسؤولية: من يُحمَّل مسؤولية نتيجة سيئة، ومن يوجّه اللوم. يرمّز المشروع «وحدات الموقف»: صاحب الموقف، والطرف المستهدف، والاتجاه، والنوع (لوم، انتقاد، تهديد، نفي، مديح، تعاون). في هذا التمرين تجد اللوم في المقال المثال وتقرأ الكلمات التي تحمله.
#
# ## المهمة 1 · أبقِ على اللوم وحده
#
# كوّن `blame`: صفوف جدول `stance` التي نوعها `"blame"`.
#
# ## المهمة 2 · من يلوم من؟
#
# جدول تقاطعي لطرف صاحب الموقف (صفوف) والطرف المستهدف (أعمدة) في وحدات اللوم.
#
# ## المهمة 3 · اقرأ الدليل
#
# اطبع الكلمات التي تحمل كل وحدة لوم، ثم أجب: أي وحدة لوم لا تحتوي على فعل اتهام إطلاقاً؟ اكتب رقم جملتها.
#
# ## المهمة 4 · التفسير
#
# نصف اللوم يأتي من «مصدر في الوفد الروسي» لم يُذكر اسمه. ماذا يغيّر إغفال الاسم بالنسبة إلى القارئ، وبالنسبة إلى الوسيلة الإعلامية؟
#
# </div>

# %%
import pandas as pd

import analysis
from analysis import paths, teaching

result = analysis.analyze(paths.EXAMPLE_ARTICLE, progress=False)
stance = result.stance
article = result.articles.iloc[0]
stance[["sent_id", "holder", "holder_side", "target_side", "polarity", "kind", "cue"]]

teaching.explain_errors()  # a misspelt name gets a hint, not a long error

# %% [markdown]
# ## Task 1 · Keep only the blame
#
# Make `blame`, the rows of `stance` whose `kind` is `"blame"`.
#
# *Hint:* `stance[stance["kind"] == "..."]`.

# %%
blame = stance[stance["kind"] == "blame"]

# %%
if blame is None:
    print("Task 1 not answered yet.")
else:
    print(f"{len(blame)} blame units")
    display(blame[["sent_id", "holder", "holder_side", "target_side", "cue"]])

# %% [markdown]
# ## Task 2 · Who blames whom?
#
# Make `who_blames_whom`: a cross-table of `holder_side` (rows) by `target_side`
# (columns) over the blame units.

# %%
who_blames_whom = pd.crosstab(blame["holder_side"], blame["target_side"]) if blame is not None else None

# %%
if who_blames_whom is None:
    print("Task 2 not answered yet.")
else:
    display(who_blames_whom)

# %% [markdown]
# ## Task 3 · Read the evidence
#
# Each unit points at the words that carry it (`evidence_start`, `evidence_end` into the
# article body, or the title when `part` is `title`). Print the evidence of every blame
# unit, then answer: **which blame unit contains no verb of accusation at all?** Set
# `no_accusation_sent_id` to its `sent_id`.

# %%
if blame is not None:
    for rec in blame.to_dict("records"):
        text = article["title"] if rec["part"] == "title" else article["body"]
        print(f"sent_id {rec['sent_id']} · {rec['holder']}: {text[int(rec['evidence_start']):int(rec['evidence_end'])]}")

# %%
no_accusation_sent_id = 3

# %%
if no_accusation_sent_id is None:
    print("Task 3 not answered yet.")
elif no_accusation_sent_id == 3:
    print("Yes: «لقد احتاج أصدقاؤنا إلى 5 ساعات للتنسيق مع واشنطن» ('our friends needed five hours "
          "to coordinate with Washington') blames Washington for the delay by description alone.")
else:
    print("Not that one — look for the sentence where the delay is simply described.")

# %% [markdown]
# ## Task 4 · Interpret
#
# Half of the blame comes from an anonymous *source in the Russian delegation*. What does
# anonymity change for the reader, and for the outlet? Write your answer in the cell
# below (double-click it to type).

# %% [markdown] tags=["answer-02-task4"]
# **Model answer**
#
# An anonymous source can make a charge (Washington is responsible for the long talks)
# without anyone answering for it; the outlet relays the blame while keeping it at a distance
# from the minister. The reader cannot weigh the source's position or interest, so the charge
# stands without the usual check of who says it.

# %% [markdown]
# ## Recap
#
# - `result.stance` holds who evaluates whom, how, and with which words.
# - Blame need not be spelled out with اتهم ("accused"): descriptions can carry it.
