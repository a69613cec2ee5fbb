# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (framing suite)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 05 · Comparing the sides: the paper figures
#
# This notebook draws every figure of `figures/` except the example's own
# (`example-share-of-voice`, drawn by 00). It is meant to be run headless:
#
# ```bash
# .venv/bin/python -m analysis figures                      # data/raw → figures/
# .venv/bin/python -m analysis figures --corpus my.csv --out my-figures
# ```
#
# Each figure is written as PDF, PNG and SVG, next to a CSV of exactly the numbers it
# draws. The output is **deterministic**: a rerun on the same corpus changes no byte
# (tables are sorted before plotting and `save_figure` fixes the file metadata).
#
# | file | question |
# |---|---|
# | `share-of-voice` | Which side gets to speak, by attributions and by quoted words? |
# | `cue-categories` | With which kinds of reporting verbs is each side introduced? |
# | `source-types` | Who speaks for each side: persons, institutions, anonymous sources, media? |
# | `stance-between-sides` | Who blames, denies, praises whom? |
# | `top-sources` | Which individual sources are quoted most? |
# | `sides-by-<grouping>` | How do outlets (or articles) differ in whom they let speak? |
# | `features-by-<grouping>.csv` | All per-side features per outlet (or article), for tables in the paper |

# %%
# %matplotlib inline
from pathlib import Path

import pandas as pd

import analysis
from analysis import paths
from analysis.figures import plots, tables

# %% [markdown]
# ## Parameters
#
# - `corpus`: a file or folder `analysis.read_articles` reads (default: the example in
#   `data/raw`);
# - `grouping`: the column to compare groups by, `"outlet"` or `"article_id"`;
# - `figures_dir`: where to write;
# - `labels`: `"both"` (Arabic with English gloss), `"ar"` or `"en"`;
# - `min_total`: groups with fewer attributions than this are hatched in the group figure;
# - `n_jobs`: processes for the analysis (`-1` = all cores).

# %% tags=["parameters"]
corpus = str(paths.RAW_DIR)
grouping = "outlet"
figures_dir = str(paths.FIGURES_DIR)
labels = "both"
min_total = 20
n_jobs = 1

# %%
if grouping not in ("outlet", "article_id"):
    raise ValueError(f"grouping must be 'outlet' or 'article_id', got {grouping!r}")
result = analysis.analyze(corpus, n_jobs=n_jobs, progress=False)
print(result.summary().splitlines()[0])

# %% [markdown]
# Sort every table by its key columns, so that figures and CSV files do not depend on
# the order in which worker processes returned their articles.

# %%
attributions = result.attributions.sort_values(["article_id", "attribution_id"]).reset_index(drop=True)
stance = result.stance.sort_values(["article_id", "sent_id", "evidence_start", "holder", "kind"]).reset_index(drop=True)
mentions = result.mentions.sort_values(["article_id", "mention_id"]).reset_index(drop=True)
articles = result.articles.sort_values("article_id").reset_index(drop=True)
written = {}


def save(ax, name: str, data: pd.DataFrame) -> None:
    """Save the figure of ``ax`` with the table of what it draws; remember the files."""
    files = analysis.save_figure(ax.figure, name, data, out_dir=figures_dir)
    written[name] = sorted(path.name for path in files.values())


# %% [markdown]
# ## 1 · Share of voice
#
# Attributions per side, and quoted words (the sum of the content words of a side's
# attributions) per side, as shares of all reported speech.

# %%
ax = plots.plot_share_of_voice(attributions, labels=labels)
save(ax, "share-of-voice", tables.build_share_of_voice_table(attributions))
ax.figure

# %% [markdown]
# ## 2 · Reporting-cue categories
#
# The share of each side's attributions introduced by each category of reporting verb
# (neutral, hedged, denial, accusation …). The CSV also lists the most frequent cues.

# %%
ax = plots.plot_cue_categories(attributions, labels=labels)
save(ax, "cue-categories", tables.build_cue_category_table(attributions))
ax.figure

# %% [markdown]
# ## 3 · Source types
#
# Who speaks for each side: named persons, institutions, anonymous sources, media,
# documents.

# %%
ax = plots.plot_source_types(attributions, labels=labels)
save(ax, "source-types", tables.build_source_type_table(attributions))
ax.figure

# %% [markdown]
# ## 4 · Stance between the sides
#
# Stance units per holder side → target side, negative kinds to the left and positive to
# the right.

# %%
ax = plots.plot_stance(stance, labels=labels)
save(ax, "stance-between-sides", tables.build_stance_table(stance))
ax.figure

# %% [markdown]
# ## 5 · The most quoted sources

# %%
ax = plots.plot_top_sources(attributions, labels=labels)
save(ax, "top-sources", tables.build_top_sources_table(attributions))
ax.figure

# %% [markdown]
# ## 6 · Groups compared
#
# Within each group (outlet, or article), the share of attributions that go to each side;
# every cell shows its count. Groups with fewer than `min_total` attributions are hatched.

# %%
grouped = articles.assign(outlet=articles[grouping].astype("string"))
ax = plots.plot_outlet_sides(grouped, attributions, measure="attributions", min_total=min_total, labels=labels)
save(ax, f"sides-by-{grouping.replace('_', '-')}",
     tables.build_outlet_side_table(grouped, attributions, measure="attributions")
     .rename(columns={"outlet": grouping}))
ax.figure

# %% [markdown]
# ## 7 · The feature table
#
# All per-side framing features (`docs/features.md`) for each group, sorted, with floats
# rounded to six decimals so that the CSV is stable across platforms.

# %%
features = (result.features(by=grouping)
            .sort_values([grouping, "side"]).reset_index(drop=True))
features_path = Path(figures_dir) / f"features-by-{grouping.replace('_', '-')}.csv"
features.round(6).to_csv(features_path, index=False, lineterminator="\n")
features.head(6)

# %% [markdown]
# ## What was written

# %%
for name, files in sorted(written.items()):
    print(f"{name}: {', '.join(files)}")
print(f"features: {features_path.name}")

# %% [markdown]
# ## Recap
#
# - Six figures and one feature table, each figure with the CSV of its numbers.
# - Change `corpus` and `grouping` to draw the same figures for your own data:
#   `python -m analysis figures --corpus my_corpus.csv`, or run this notebook with
#   papermill (`-p corpus my_corpus.csv -p grouping outlet`).
#
# ## Where next
#
# - [06-validation](06-validation.ipynb): how far to trust these numbers.
# - [08-corpus-at-scale](08-corpus-at-scale.ipynb): outlets compared on the ANT corpus.
