# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (framing suite)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 07 · A learned classifier for stance sentences
#
# The stance stage (notebook 04) works mainly from a lexicon and rules: precise, explainable,
# but it misses much (notebook 06 measured its recall); the pipeline's own learned pass
# (`analysis.coding.stance_model`) fills some of the gaps pair by pair. A common complement is a
# classifier *learned* from labelled examples. This notebook shows the scikit-learn
# recipe shipped in `analysis.models`:
#
# 1. `ArabicNormalizer` — the project's normaliser as a scikit-learn transformer (the
#    default tokeniser of scikit-learn drops vowelled Arabic words, because combining
#    marks are not `\w`; normalising first avoids that);
# 2. a TF-IDF of character 2–5-grams within words (robust to clitics and spelling);
# 3. a logistic regression predicting `negative`, `positive` or `none` per sentence;
#
# evaluated with stratified 5-fold cross-validation against a majority-class baseline.
#
# The labelled sentences (`data/annotations/stance_sentences.csv`) store only offsets into
# the ANT corpus, whose text cannot be shipped. Without the corpus the notebook shows the
# recipe and skips training.

# %%
import pandas as pd

import analysis
from analysis import models, paths

# %% tags=["parameters"]
figures_dir = str(paths.FIGURES_DIR)  # not used: this notebook writes no figure
n_splits = 5

# %% [markdown]
# ## 1 · The recipe

# %%
classifier = analysis.make_stance_classifier(random_state=0)
classifier

# %% [markdown]
# The first step on its own: vowel marks, hamza forms and ta marbuta are folded before the
# vectoriser sees the text (وأكّد "and he stressed" becomes واكد).

# %%
analysis.ArabicNormalizer().fit_transform(["وأكّد لافروف أنّ الحوار مستمر"])

# %% [markdown]
# ## 2 · The labelled sentences

# %%
labelled = None
try:
    labelled = models.load_stance_sentences()
except FileNotFoundError as err:
    print(f"Training skipped: the ANT corpus is not available ({err}).\n"
          "Set FRAMING_ANT to your copy of ant-v2.1.jsonl.gz and run the notebook again.")

if labelled is not None:
    print(f"{len(labelled)} labelled sentences")
    display(labelled["label"].value_counts().rename("sentences").to_frame())

# %% [markdown]
# Three of them, one per label (the text as printed in the corpus):

# %%
if labelled is not None:
    examples = labelled.sort_values(["label", "article_id", "start"]).groupby("label").head(1)
    display(examples[["label", "article_id", "text"]].style.format(escape="html").set_table_attributes('dir="rtl"').hide(axis="index"))

# %% [markdown]
# ## 3 · Cross-validated evaluation
#
# Each sentence is predicted by a model that did not see it in training; precision,
# recall and F1 are pooled over the folds. `baseline_f1` is what always predicting the
# most frequent class achieves: the classifier is only useful where it beats it.

# %%
if labelled is not None:
    scores = analysis.evaluate_classifier(labelled["text"], labelled["label"], n_splits=n_splits, random_state=0)
    display(scores.round(3))

# %% [markdown]
# Read the table per class: a class with few labelled sentences (here `positive`) is
# the one the classifier learns worst, and the macro average weighs every class equally.
#
# ## 4 · Using the trained model
#
# Fit on every labelled sentence, then predict the sentences of the example article. The
# classifier sees sentences, not holders and targets: it can flag evaluative sentences
# for a coder to look at, but it does not say *who* evaluates *whom* — that is what the
# rule-based stance stage adds.

# %%
if labelled is not None:
    classifier.fit(labelled["text"], labelled["label"])
    example = analysis.analyze(paths.EXAMPLE_ARTICLE, stages=(), progress=False)
    predicted = example.sentences[["sent_id", "part", "text"]].assign(
        predicted=classifier.predict(example.sentences["text"]))
    display(predicted.style.format(escape="html").set_table_attributes('dir="rtl"').hide(axis="index"))

# %% [markdown]
# ## Recap
#
# - `make_stance_classifier()` is an ordinary scikit-learn `Pipeline`: it can be
#   cross-validated, tuned with `GridSearchCV` and saved with `joblib`.
# - With under two hundred labelled sentences, treat its scores as a baseline; more
#   labelled data (coded with the sheets of notebook 06) is the way to improve it.
#
# ## Where next
#
# - [06-validation](06-validation.ipynb): the rule-based stages against the gold.
# - [08-corpus-at-scale](08-corpus-at-scale.ipynb): the corpus the sentences come from.
