# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (framing suite)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 08 · A corpus at scale: five outlets compared
#
# The ANT corpus (Chouigui, Ben Khiroun & Elayeb 2017; version 2.1) holds about 31,000
# articles of 2018 from five Arabic news outlets: Al Arabiya, BBC Arabic, CNN Arabic,
# France 24 Arabic and Sky News Arabia. This notebook selects the articles that concern
# both Russia and the United States, analyses them, and compares the outlets: whom they let
# speak, how directly, through which kind of source, and who is blamed.
#
# The corpus is not shipped with the project (its licence does not allow it). Point
# `corpus` at your copy, or set the `FRAMING_ANT` environment variable; without it this
# notebook says so and stops early, without error.

# %%
# %matplotlib inline
import re
from pathlib import Path

import pandas as pd

import analysis
from analysis import paths
from analysis.figures import plots, tables

# %% [markdown]
# ## Parameters
#
# - `corpus`: path of the corpus (`None` = `analysis.corpus.paths.ant_corpus()`);
# - `sample`: analyse a random sample of this many relevant articles (`None` = all of
#   them; the tests use 300);
# - `n_jobs`: processes (`-1` = all cores);
# - `figures_dir`: unused here (the paper figures come from 05), kept for the command line.

# %% tags=["parameters"]
corpus = None
sample = None
n_jobs = 1
figures_dir = str(paths.FIGURES_DIR)

# %%
corpus_path = Path(corpus) if corpus else paths.ant_corpus()
available = corpus_path is not None and corpus_path.is_file()
if available:
    print(f"Corpus: {corpus_path}")
else:
    where = corpus_path or "../shared/corpora/ant/ant-v2.1.jsonl.gz (or $FRAMING_ANT)"
    print(f"No corpus found at {where}. Set the `corpus` parameter or FRAMING_ANT to a copy of "
          "the ANT corpus to run this notebook; every cell below does nothing without it.")

# %% [markdown]
# ## 1 · Selecting the relevant articles
#
# A quick pre-filter keeps the articles whose title or body names at least one Russian and
# at least one US term (a handful of common forms: روسيا Russia, موسكو Moscow, الكرملين
# the Kremlin, بوتين Putin, لافروف Lavrov, الروسي Russian; واشنطن Washington, الولايات
# المتحدة the United States, أمريكا America, الأمريكي American, ترامب Trump). The full
# actor lexicon then decides, mention by mention, who is actually there.

# %%
RUSSIA_TERMS = re.compile("روسيا|موسكو|الكرملين|بوتين|لافروف|الروسي")
US_TERMS = re.compile("واشنطن|الولايات المتحدة|أمريكا|الأمريكي|ترامب")

if available:
    articles = analysis.read_articles(corpus_path)
    text = articles["title"].fillna("") + "\n" + articles["body"].fillna("")
    relevant = articles[text.str.contains(RUSSIA_TERMS) & text.str.contains(US_TERMS)]
    if sample is not None and sample < len(relevant):
        relevant = relevant.sample(n=sample, random_state=0)
    relevant = relevant.sort_values("article_id").reset_index(drop=True)
    print(f"{len(articles):,} articles; {len(relevant):,} selected")
    display(relevant["outlet"].value_counts().rename("articles").to_frame())

# %% [markdown]
# ## 2 · Analysis

# %%
if available:
    result = analysis.analyze(relevant[["article_id", "outlet", "title", "body"]], n_jobs=n_jobs, progress=False)
    print(result.summary())

# %% [markdown]
# Read the side counts before anything else: on news at this scale many attributions have
# the side `unknown` (a source the extractor could not tie to a side, such as an unnamed
# official or a pronoun it could not resolve), and third parties (Turkey, France, Syria,
# Iran …) speak too. The comparisons below are between the Russian and the US side, with
# everyone else grouped as "other".
#
# ## 3 · Whom each outlet lets speak
#
# Within each outlet, the share of attributions going to the Russian side, the US side and
# everyone else; the count in each cell.

# %%
if available:
    attributions = result.attributions.sort_values(["article_id", "attribution_id"])
    outlets = result.articles.sort_values("article_id")
    ax = plots.plot_outlet_sides(outlets, attributions, measure="attributions", labels="both")
    display(ax.figure)

# %% [markdown]
# ## 4 · The framing features, outlet by outlet
#
# For the Russian and the US side in each outlet: share of voice, share of direct
# quotation, share of anonymous sources, and blame received. Shares are in percent.

# %%
if available:
    features = result.features(by="outlet")
    focus = features[features["side"].isin(["russia", "us"])]
    shares = ["share_of_voice", "direct_share", "anonymous_share"]
    in_percent = focus.assign(**{c: (focus[c] * 100).round(1) for c in shares})
    table = in_percent.pivot(index="outlet", columns="side", values=[*shares, "blame_received"])
    display(table.sort_index())

# %% [markdown]
# ## 5 · How each side is introduced, per outlet
#
# The cue categories of each side's attributions, in percent of that side's attributions in
# the outlet. Categories used for less than 2 % overall are left out.

# %%
if available:
    sided = attributions.assign(side=tables.group_sides(attributions["source_side"]))
    sided = sided.merge(outlets[["article_id", "outlet"]], on="article_id")
    sided = sided[sided["side"].isin(["russia", "us"])]
    counts = pd.crosstab([sided["outlet"], sided["side"]], sided["cue_category"], normalize="index") * 100
    common = counts.columns[counts.mean() >= 2]
    display(counts[common].round(1))

# %% [markdown]
# ## 6 · Check a number
#
# Before reporting a difference, read the sentences behind it. The anonymous sources of the
# US side in the outlet that uses them most:

# %%
if available:
    us_rows = focus[focus["side"] == "us"].dropna(subset=["anonymous_share"])
    if len(us_rows):
        outlet = us_rows.sort_values(["anonymous_share", "outlet"], ascending=[False, True])["outlet"].iloc[0]
        rows = sided[(sided["outlet"] == outlet) & (sided["side"] == "us") & (sided["source_type"] == "anonymous")]
        print(f"{outlet}: {len(rows)} anonymous US-side attributions; the first five:")
        bodies = result.articles.set_index("article_id")
        for rec in rows.head(5).to_dict("records"):
            text = bodies.loc[rec["article_id"], "title" if rec["part"] == "title" else "body"]
            print(f"  [{rec['article_id']}] {text[int(rec['cue_start']):int(rec['content_end'])][:160]}")

# %% [markdown]
# ## Recap
#
# - The same pipeline runs on one article and on thousands (`n_jobs=-1` uses every core).
# - Outlets can be compared on every feature of `docs/features.md`; each number can be
#   traced back to its sentences.
# - Sampling (`sample=`) is for trying things out; report results on the full selection.
#
# ## Where next
#
# - [05-comparing-sides](05-comparing-sides.ipynb) with `corpus` set to the corpus and
#   `grouping="outlet"` draws the paper figures for it.
# - [06-validation](06-validation.ipynb): the extractor's accuracy on ANT gold articles.
