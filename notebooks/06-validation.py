# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
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
from analysis.validation.scoring import match_spans

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
 .head(15).style.set_table_attributes('dir="rtl"').hide(axis="index"))

# %% [markdown]
# ## 2 · Agreement between two coders
#
# The second coder's files have the same format as the gold. First, the articles both
# coders coded:

# %%
second_dir = paths.ANNOTATIONS_DIR / "second_coder"
second_all = load_gold(second_dir)
first_all = load_gold(paths.ANNOTATIONS_DIR / "gold")
shared = sorted(set(second_all.article_ids) & set(first_all.article_ids))
if paths.ant_corpus() is None:
    shared = [a for a in shared if a == paths.EXAMPLE_ARTICLE.stem]
first = load_gold(paths.ANNOTATIONS_DIR / "gold", article_ids=shared)
second = load_gold(second_dir, article_ids=shared)
articles = read_gold_articles(first)
print(f"{len(shared)} articles coded by both coders:", *shared, sep="\n  ")

# %% [markdown]
# ### Matching units
#
# Coders do not only label units, they also decide *where* a unit is. Units of the two
# coders are paired with the codebook's span rule — the same article and part, cues (or
# stance evidence) overlapping or in the same sentence, each unit paired at most once —
# but **without** requiring the same side, so that a disagreement about the side shows up
# as a disagreement instead of as two unmatched units. A unit only one coder found stays
# in the data with one value (it lowers no coefficient but is counted below).

# %%
sentences = pd.DataFrame(
    [{"article_id": a, **s._asdict()} for a, t, b in articles[["article_id", "title", "body"]].itertuples(index=False)
     for s in analysis.split_article(t, b)]
)


def sentence_of(article_id: str, part: str, start: int) -> int:
    """sent_id of the sentence holding ``start`` (title → the title sentence)."""
    rows = sentences[(sentences["article_id"] == article_id)
                     & ((sentences["part"] == "title") == (part == "title"))]
    hit = rows[(rows["start"] <= start) & (start < rows["end"])]
    return int(hit["sent_id"].iloc[0]) if len(hit) else -1


def paired_units(a: pd.DataFrame, b: pd.DataFrame, start: str, end: str, variables: list[str]) -> pd.DataFrame:
    """Long table (unit_id, coder, variables...) of both coders' units, matched by span."""
    rows = []
    for (article_id, part), group_a in a.groupby(["article_id", "part"], sort=True):
        group_b = b[(b["article_id"] == article_id) & (b["part"] == part)]
        spans_a = [(int(s), int(e), sentence_of(article_id, part, int(s))) for s, e in zip(group_a[start], group_a[end])]
        spans_b = [(int(s), int(e), sentence_of(article_id, part, int(s))) for s, e in zip(group_b[start], group_b[end])]
        pairs = {i: j for i, j, _, _ in match_spans(spans_a, spans_b)}
        for i, rec in enumerate(group_a.to_dict("records")):
            rows.append({"unit_id": f"{article_id}/{part}/a:{rec['gold_id']}", "coder": "first",
                         **{v: rec[v] for v in variables}})
            if i in pairs:
                rows[-1]["unit_id"] = f"{article_id}/{part}/pair{i}"
                other = group_b.iloc[pairs[i]]
                rows.append({"unit_id": rows[-1]["unit_id"], "coder": "second", **{v: other[v] for v in variables}})
        matched_b = set(pairs.values())
        for j, rec in enumerate(group_b.to_dict("records")):
            if j not in matched_b:
                rows.append({"unit_id": f"{article_id}/{part}/b:{rec['gold_id']}", "coder": "second",
                             **{v: rec[v] for v in variables}})
    unmatched_b = b[~b["article_id"].isin(a["article_id"])]
    for rec in unmatched_b.to_dict("records"):
        rows.append({"unit_id": f"{rec['article_id']}/{rec['part']}/b:{rec['gold_id']}", "coder": "second",
                     **{v: rec[v] for v in variables}})
    return pd.DataFrame(rows)


attribution_variables = ["source_side", "cue_category", "mode", "source_type"]
attribution_units = paired_units(first.attributions, second.attributions, "cue_start", "cue_end",
                                 attribution_variables)
stance_variables = ["holder_side", "target_side", "kind", "polarity"]
stance_units = paired_units(first.stance, second.stance, "evidence_start", "evidence_end", stance_variables)


def unitizing(units: pd.DataFrame) -> pd.Series:
    coders = units.groupby("unit_id")["coder"].agg(lambda c: "both" if len(c) == 2 else c.iloc[0] + " only")
    return coders.value_counts().reindex(["both", "first only", "second only"], fill_value=0)


pd.DataFrame({"attributions": unitizing(attribution_units), "stance units": unitizing(stance_units)})

# %% [markdown]
# ### Krippendorff's alpha per variable
#
# `agreement_table` takes one table per coder (unit id, coder, values) and reports, per
# variable, the units coded by both, the share on which they agree, Krippendorff's alpha
# (nominal), Cohen's kappa and the codebook's verdict.

# %%
def per_coder(units: pd.DataFrame) -> list[pd.DataFrame]:
    return [units[units["coder"] == c].reset_index(drop=True) for c in ("first", "second")]


agreement = pd.concat([
    analysis.agreement_table(per_coder(attribution_units), attribution_variables).assign(table="attributions"),
    analysis.agreement_table(per_coder(stance_units), stance_variables).assign(table="stance"),
], ignore_index=True)
agreement[["table", "variable", "n_units", "percent_agreement", "alpha", "kappa", "reliability"]].round(3)

# %% [markdown]
# Where the coders disagree, unit by unit (paired attributions and stance units, every
# variable):

# %%
def disagreeing(units: pd.DataFrame, variables: list[str]) -> pd.DataFrame:
    paired = units[units.groupby("unit_id")["coder"].transform("size") == 2]
    out = []
    for variable in variables:
        wide = paired.pivot(index="unit_id", columns="coder", values=variable).astype("string")
        differ = wide[wide["first"].fillna("") != wide["second"].fillna("")]
        out.append(differ.reset_index().assign(variable=variable))
    return pd.concat(out, ignore_index=True)[["variable", "unit_id", "first", "second"]]


pd.concat([disagreeing(attribution_units, attribution_variables),
           disagreeing(stance_units, stance_variables)], ignore_index=True)

# %% [markdown]
# ## Recap
#
# - `analysis.score_against_gold()` gives precision, recall and F1 per side, label
#   accuracy, and every error with its offsets.
# - Attributions are found far more reliably than stance units; read stance figures with
#   that in mind, and look at the error list before interpreting a small difference.
# - Agreement between coders is computed on units paired by span, per variable, with
#   Krippendorff's alpha; units only one coder found are counted separately. Five articles
#   are a small sample: report the number of units with every alpha.
#
# ## Where next
#
# - [07-classifier](07-classifier.ipynb): a learned alternative for stance sentences.
# - [teaching/03-code-it-yourself-exercise](teaching/03-code-it-yourself-exercise.ipynb):
#   code sentences yourself and compare with the machine.
