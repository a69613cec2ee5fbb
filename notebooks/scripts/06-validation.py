# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (framing suite)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 06 · Validation: how far can the numbers be trusted?
#
# Two questions, two procedures (CODEBOOK §6):
#
# 1. **Validity of the automatic coding.** Hand-coded *gold* annotations
#    (`data/annotations/gold/`) are compared with what the extractor finds, with
#    precision (how many of the extractor's findings are right), recall (how many of the
#    gold units it finds) and F1 (their harmonic mean), overall and per side.
# 2. **Reliability of the codebook.** A second coder coded some of the same articles
#    independently (`data/annotations/second_coder/`). Krippendorff's alpha per variable
#    says whether two trained people apply the codebook the same way (≥ 0.80 reliable,
#    0.667–0.80 tentative). If humans do not agree, no machine can be "right".
#
# Most gold articles come from the ANT corpus; without it (`../shared/corpora/ant`, or
# `FRAMING_ANT`) only the example article is scored and compared.

# %%
import pandas as pd

import analysis
from analysis import paths, schema
from analysis.validation.gold import load_gold, read_gold_articles

# %% [markdown]
# ## 1 · The extractor against the gold
#
# `score_against_gold` loads the gold, checks that its offsets still fit the article
# texts (by checksum), analyses the same articles and scores them. An attribution counts
# as found when the prediction is in the same article and part, has the same source side,
# and its cue overlaps the gold cue or lies in the same sentence.

# %%
report = analysis.score_against_gold()
print(f"gold articles scored: {len(report.gold.article_ids)}"
      + ("" if paths.ant_corpus() else " (ANT corpus absent: the example only)"))
report.summary().round(3)

# %% [markdown]
# Attributions, per side: `tp` found, `fp` found but not in the gold, `fn` missed.

# %%
report.attributions.detection.round(3)

# %% [markdown]
# On the attributions found, how often do the labels agree with the gold?

# %%
report.attributions.labels.round(3)

# %% [markdown]
# Stance units are harder: a unit must agree on holder side, target side and polarity.

# %%
report.stance.detection.round(3)

# %% [markdown]
# ### The errors, with their words
#
# Every false positive, false negative and label disagreement is listed with its offsets.
# Adding the words makes the list readable: this is where to look before trusting a
# difference between sides.

# %%
texts = report.result.articles.set_index("article_id")[["title", "body"]]


def words(article_id: str, part: str, start, end) -> str:
    if pd.isna(start):
        return ""
    text = texts.loc[article_id, "title" if part == "title" else "body"]
    return text[int(start):int(end)]


errors = report.attributions.errors.copy()
errors["gold_words"] = [words(a, p, s, e) for a, p, s, e in
                        zip(errors["article_id"], errors["part"], errors["gold_start"], errors["gold_end"])]
errors["pred_words"] = [words(a, p, s, e) for a, p, s, e in
                        zip(errors["article_id"], errors["part"], errors["pred_start"], errors["pred_end"])]
errors["error"].value_counts()

# %%
(errors[["error", "article_id", "side", "field", "gold_label", "pred_label", "gold_words", "pred_words"]]
 .head(15).style.format(escape="html").set_table_attributes('dir="rtl"').hide(axis="index"))

# %% [markdown]
# ## 2 · Agreement between two coders
#
# The second coder's files (`data/annotations/second_coder/`) have the same format as the
# gold. Coders do not only label units, they also decide *where* a unit is, so
# `coder_agreement` pairs the two codings' units with the codebook's span rule — the same
# article and part, cues (or stance evidence) overlapping or in the same sentence, each
# unit paired at most once — but **without** requiring the same side, so that a
# disagreement about the side shows up as a disagreement instead of as two unmatched units.

# %%
from analysis.validation.coders import coder_agreement

second_dir = paths.ANNOTATIONS_DIR / "second_coder"
both_coded = None if paths.ant_corpus() else [paths.EXAMPLE_ARTICLE.stem]
agreement = coder_agreement(paths.ANNOTATIONS_DIR / "gold", second_dir, both_coded)
print(f"{len(agreement.article_ids)} articles coded by both coders")
agreement.unitizing

# %% [markdown]
# ### Krippendorff's alpha per variable
#
# Per variable: the units coded by both, the share on which they agree, Krippendorff's
# alpha (nominal), Cohen's kappa and the codebook's verdict.

# %%
agreement.alpha[["table", "variable", "n_units", "percent_agreement", "alpha", "kappa", "reliability"]].round(3)

# %% [markdown]
# ### The human ceiling
#
# The same comparison in the extractor's terms: the second coding scored against the first
# as if it were an extractor. An automatic coding cannot be expected to agree with the gold
# much better than a second trained coder does.

# %%
agreement.ceiling().round(3)

# %% [markdown]
# Where the coders disagree on a paired unit, variable by variable:

# %%
from analysis.validation.coders import ATTRIBUTION_VARIABLES, STANCE_VARIABLES, pair_units

gold_first = load_gold(paths.ANNOTATIONS_DIR / "gold", article_ids=agreement.article_ids)
gold_second = load_gold(second_dir, article_ids=agreement.article_ids)
both_sentences = pd.DataFrame(
    [{"article_id": a, **s._asdict()} for a, t, b in read_gold_articles(gold_first)[["article_id", "title", "body"]]
     .itertuples(index=False) for s in analysis.split_article(t, b)]
)


def disagreeing(kind: str, variables: list[str]) -> pd.DataFrame:
    units = pair_units(getattr(gold_first, kind), getattr(gold_second, kind), both_sentences, kind, variables)
    paired = units[units.groupby("unit_id")["coder"].transform("size") == 2]
    out = []
    for variable in variables:
        wide = paired.pivot(index="unit_id", columns="coder", values=variable).astype("string")
        differ = wide[wide["first"].fillna("") != wide["second"].fillna("")]
        out.append(differ.reset_index().assign(table=kind, variable=variable))
    return pd.concat(out, ignore_index=True)[["table", "variable", "unit_id", "first", "second"]]


pd.concat([disagreeing("attributions", ATTRIBUTION_VARIABLES),
           disagreeing("stance", STANCE_VARIABLES)], ignore_index=True)

# %% [markdown]
# ## Recap
#
# - `analysis.score_against_gold()` gives precision, recall and F1 per side, label
#   accuracy, and every error with its offsets.
# - Attributions are found far more reliably than stance units; read stance figures with
#   that in mind, and look at the error list before interpreting a small difference.
# - Agreement between coders is computed on units paired by span, per variable, with
#   Krippendorff's alpha; units only one coder found are counted separately. Report the
#   number of units with every alpha, and the human ceiling next to the extractor's scores.
#
# ## Where next
#
# - [07-classifier](07-classifier.ipynb): a learned alternative for stance sentences.
# - [teaching/03-code-it-yourself-exercise](teaching/03-code-it-yourself-exercise.ipynb):
#   code sentences yourself and compare with the machine.
