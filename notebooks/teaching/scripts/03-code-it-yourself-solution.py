# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (framing suite)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Teaching 03 · Code three sentences yourself, then compare with the machine — Solution
#
# **Session goal.** Every number in this suite comes from coding decisions. Here you make
# them yourself: you code three sentences of the example article on two variables, with
# the same coder sheet a research team would use, and then measure how far you agree with
# the automatic coding (percentage agreement and Krippendorff's alpha).
#
# The variables, from the codebook:
#
# - `speaker_side` — the side of the *first* speaker quoted in the sentence: `russia`,
#   `us`, `un`, … or `unknown`;
# - `cue_category` — what that speaker's reporting verb connotes: `neutral` (قال said),
#   `explanatory` (أوضح explained), `hedged` (لمّح hinted), `denial` (نفى denied),
#   `accusation` (اتهم accused, حمّل المسؤولية held responsible), …
#
# This is the solution notebook; the exercise without answers is [03-code-it-yourself-exercise](03-code-it-yourself-exercise.ipynb).

# %% [markdown] tags=["handout-ar"]
# <div dir="rtl" lang="ar">
#
# # تمرين 03 · رمّز ثلاث جمل بنفسك، ثم قارن بالآلة
#
# **هدف الجلسة.** كل رقم في هذه المجموعة ناتج عن قرارات ترميز. هنا تتخذها بنفسك: ترمّز ثلاث جمل من المقال المثال على متغيرين، بورقة الترميز نفسها التي يستعملها فريق بحثي، ثم تقيس مدى اتفاقك مع الترميز الآلي (نسبة الاتفاق ومعامل ألفا لكريبندورف).
#
# المتغيران: `speaker_side` طرف المتحدث الأول في الجملة؛ و`cue_category` ما يوحي به فعل القول الذي يقدّمه (محايد «قال»، تفسيري «أوضح»، متحفّظ «لمّح»، نفي «نفى»، اتهام «اتهم»، «حمّل المسؤولية»…).
#
# ## الخطوة 1 · الجمل الثلاث
#
# اقرأ الجمل s3 وs8 وs11.
#
# ## الخطوة 2 · ورقة الترميز
#
# صدّر ورقة ترميز فيها صف لكل جملة وعمود فارغ لكل متغير.
#
# ## الخطوة 3 · ترميزك
#
# املأ قيمة واحدة لكل جملة ولكل متغير من القيم المسموح بها.
#
# ## الخطوة 4 · ترميز الآلة
#
# ترميز الآلة لجملة هو أول إسناد فيها، كمرمّز ثانٍ.
#
# ## الخطوة 5 · الاتفاق
#
# احسب نسبة الاتفاق ومعامل ألفا لكل متغير.
#
# ## الخطوة 6 · النقاش
#
# حيث تختلف مع الآلة، من المصيب بحسب دليل الترميز؟ في s11 فعلا قول (نفي الخارجية الأمريكية واقتباس المتحدث كيربي): أيهما رمّزت، وهل تحسم قاعدة «المتحدث الأول» الأمر؟
#
# </div>

# %%
import tempfile
from pathlib import Path

import pandas as pd

import analysis
from analysis import paths, schema, teaching
from analysis.validation.sheets import sentence_units

result = analysis.analyze(paths.EXAMPLE_ARTICLE, progress=False)
VARIABLES = {"speaker_side": list(schema.SIDES), "cue_category": list(schema.CUE_CATEGORIES)}

teaching.explain_errors()  # a misspelt name gets a hint, not a long error

# %% [markdown]
# ## Step 1 · The three sentences
#
# <div dir="rtl">
#
# - s3: وأوضح لافروف: "لقد احتاج أصدقاؤنا إلى 5 ساعات للتنسيق مع واشنطن…"
# - s8: وحمّل مصدر في الوفد الروسي إلى جنيف واشنطن مسؤولية إطالة المحادثات…
# - s11: من جهتها نفت وزارة الخارجية الأمريكية حدوث توقف في المحادثات…
#
# </div>
#
# *(s3: "Lavrov explained: 'Our friends needed five hours to coordinate with Washington…'";
# s8: "A source in the Russian delegation to Geneva held Washington responsible for
# prolonging the talks…"; s11: "For its part, the US State Department denied that the
# talks had stalled…")*

# %%
units = sentence_units(result.sentences)
units = units[units["unit_id"].str.rsplit("/", n=1).str[1].isin(["s3", "s8", "s11"])].reset_index(drop=True)
units[["unit_id", "part", "text"]].style.format(escape="html").set_table_attributes('dir="rtl"').hide(axis="index")

# %% [markdown]
# ## Step 2 · Export a coder sheet
#
# `export_coder_sheet` writes a sheet with one row per unit and an empty column per
# variable (as CSV here; `.xlsx` gives drop-down lists and right-to-left text for
# spreadsheet software). In class you would open it in a spreadsheet; here you fill it
# from Python.

# %%
work = Path(tempfile.mkdtemp(prefix="coding-"))
sheet_path = analysis.export_coder_sheet(units, work / "my-codes.csv", VARIABLES, coder="me")
pd.read_csv(sheet_path, dtype="string").drop(columns=["text"])

# %% [markdown]
# ## Step 3 · Your codes
#
# Fill in one value per sentence and variable, from the allowed values above.

# %%
my_codes = {
    "s3": {"speaker_side": "russia", "cue_category": "explanatory"},
    "s8": {"speaker_side": "russia", "cue_category": "accusation"},
    "s11": {"speaker_side": "us", "cue_category": "denial"},
}

# %%
sheet = pd.read_csv(sheet_path, dtype="string", keep_default_na=False)
for key, codes in my_codes.items():
    row = sheet["unit_id"].str.endswith("/" + key)
    for variable in VARIABLES:
        sheet.loc[row, variable] = (codes or {}).get(variable) or ""
sheet.to_csv(sheet_path, index=False, encoding="utf-8-sig")
mine = analysis.read_coder_sheet(sheet_path)  # checks every value against the allowed ones
mine[["unit_id", *VARIABLES]]

# %% [markdown]
# ## Step 4 · The machine's codes, as a second coder
#
# The machine's value for a sentence is its first attribution there (by position of the
# cue).

# %%
first = (result.attributions.sort_values(["sent_id", "cue_start"])
         .drop_duplicates("sent_id").set_index("sent_id"))
machine = units[["unit_id"]].copy()
sent_ids = machine["unit_id"].str.rsplit("/s", n=1).str[1].astype(int)
machine["speaker_side"] = sent_ids.map(first["source_side"]).astype("string").to_numpy()
machine["cue_category"] = sent_ids.map(first["cue_category"]).astype("string").to_numpy()
machine["coder"] = "machine"
machine

# %% [markdown]
# ## Step 5 · Agreement
#
# With two coders and three units, alpha is fragile (one disagreement moves it a lot);
# the point is the procedure. Blank codes are missing values and are left out.

# %%
agreement = analysis.agreement_table([mine, machine], list(VARIABLES))
agreement[["variable", "n_units", "percent_agreement", "alpha", "reliability", "note"]]

# %% [markdown]
# ## Step 6 · Discuss
#
# Where you disagree with the machine, who is right according to the codebook? Look at
# s11: it holds two speech acts (the State Department's denial and its spokesman Kirby's
# direct quotation). Which one did you code, and does the "first speaker" rule settle it?

# %% [markdown] tags=["answer-03-step6"]
# **Model answer**
#
# With the codes above there is full agreement. s11 is the instructive case: the first act is
# the ministry's denial (نفت, category denial, side us); Kirby's قال comes later in the
# sentence. The "first speaker" rule settles it only if both coders read "first" the same way
# (by position of the cue), which is why a codebook spells such rules out.

# %% [markdown]
# ## Recap
#
# - `export_coder_sheet` / `read_coder_sheet` give every coder the same units and the
#   same allowed values, and catch typing errors.
# - `agreement_table` reports percentage agreement, Krippendorff's alpha and the codebook's
#   verdict per variable.
