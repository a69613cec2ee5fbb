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
# This notebook draws the paper's figures: five Arabic news outlets compared on how they
# let the Russian and the US side speak, how they introduce them and who evaluates whom,
# every number with a 95 % interval. It needs **no corpus**: it reads the derived data
# that the study wrote into `data/derived/ant-2018` (offsets, sides, cues and categories of
# every attribution and stance unit of the 2,400-odd ANT articles in which both sides act,
# and no article text). The same figures come from the command line:
#
# ```bash
# make figures                                      # data/derived → figures/ (seconds)
# .venv/bin/python -m analysis study studies/ant-2018.toml    # rerun the study (needs ANT)
# .venv/bin/python -m analysis figures --corpus my.csv --out my-figures   # your own corpus
# ```
#
# | file | question |
# |---|---|
# | `share-of-voice` | Which side speaks, by attributions and by quoted words, outlet by outlet? |
# | `direct-and-anonymous` | Is a side quoted in its own words, or through anonymous sources? |
# | `cue-profile` | With which kinds of reporting verbs is each side introduced? |
# | `stance-between-sides` | Who blames, criticises, threatens, denies, praises, cooperates with whom? |
# | `coverage-by-month` | When did the outlets write about both sides? |
# | `outlet-differences.csv` | Every pair of outlets compared, with an interval |
# | `measures-by-month.csv`, `measures-by-section.csv` | The same measures by month and section |
#
# Each figure is written as PDF, PNG and SVG, next to a CSV of exactly the numbers drawn
# (with the number of articles and the interval of every estimate) and a note
# (`*.note.csv`) with the extractor's measured precision and recall for what it draws.
# The one-article figures of the example (`example-*`) are drawn too. A rerun changes no
# byte.

# %%
# %matplotlib inline
import tempfile
from dataclasses import replace
from pathlib import Path

import pandas as pd
from IPython.display import Image, display

from analysis import paths
from analysis.study import load_study, run_study
from analysis.study.derived import DERIVED_FILES, read_derived
from analysis.study.paper import save_example_figures, save_paper_figures

# %% [markdown]
# ## Parameters
#
# - `corpus`: `None` draws the paper figures from the committed derived data; a path to
#   your own corpus (CSV, XLSX, JSON Lines, a folder of .txt files …) runs the same study
#   on it first, as `python -m analysis figures --corpus` does;
# - `grouping`: what the figures compare: `"outlet"`, `"month"` or `"section"`;
# - `figures_dir`: where to write;
# - `labels`: `"both"` (Arabic with English gloss), `"ar"` or `"en"`;
# - `fresh_study`: with the ANT corpus present, rerun the whole study first (about a
#   minute on two cores) and check that it reproduces `data/derived/ant-2018` byte for byte;
# - `n_jobs`: processes for an analysis (`-1` = all cores).

# %% tags=["parameters"]
corpus = None
grouping = "outlet"
figures_dir = str(paths.FIGURES_DIR)
labels = "both"
fresh_study = False
n_jobs = 2

# %% [markdown]
# ## The study and its derived data
#
# The study file says everything the numbers depend on: the corpus, which articles count,
# the grouping, the bootstrap. Its derived data come with a manifest: the corpus file and
# its SHA-256, how many articles were read and kept, and the versions of the package and
# of every lexicon.

# %%
study = load_study(paths.ROOT / "studies" / "ant-2018.toml")
if corpus is not None:  # your own corpus: the same study, written beside the figures
    study = replace(study, name=Path(corpus).stem, corpus_fetch=None, corpus_path=Path(corpus).resolve(),
                    section_column=None, periods=None, tables=("month",),
                    derived_dir=Path(figures_dir) / "derived", figures_dir=Path(figures_dir))
    run_study(study, jobs=n_jobs, figures=False)
elif fresh_study and paths.ant_corpus() is not None:
    rerun = replace(study, derived_dir=Path(tempfile.mkdtemp()) / "derived")
    run = run_study(rerun, jobs=n_jobs, figures=False)
    print(run.summary())
    same = [name for name in (*DERIVED_FILES, "manifest.json")
            if (rerun.derived_dir / name).read_bytes() == (study.derived_dir / name).read_bytes()]
    print(f"reproduced byte for byte: {len(same)} of {len(DERIVED_FILES) + 1} files")
study = replace(study, compare=grouping, labels=labels)
derived = read_derived(study.derived_dir)
manifest = derived.manifest
print(f"derived data: {study.derived_dir.relative_to(paths.ROOT) if study.derived_dir.is_relative_to(paths.ROOT) else study.derived_dir}")
print(f"corpus: {manifest['corpus']['name']} ({manifest['corpus']['articles']:,} articles, "
      f"sha256 {manifest['corpus']['sha256'][:12]}…)")
selection = manifest["selection"]
print(f"{selection['read']:,} read, {selection['duplicates']:,} repeats left out, "
      f"{selection['selected']:,} studied: {selection['rule']}")

# %% [markdown]
# ## Drawing and saving
#
# Every table is computed from the derived rows (article-level bootstrap, seeded), every
# figure drawn from its table, and both saved.

# %%
written = save_paper_figures(study, out_dir=figures_dir)
written += save_example_figures(figures_dir, labels=labels)
out = Path(figures_dir)
# the numbers drawn, as saved next to each figure
tables = {name: pd.read_csv(out / f"{name}.csv", keep_default_na=False, na_values=[""]) for name in study.figures}


def interval(table: pd.DataFrame, rows: str, columns: str = "side") -> pd.DataFrame:
    """Estimates as 'value [low–high]', thin cells marked with *."""
    text = table.apply(lambda r: f"{r.estimate:.1f} [{r.ci_low:.1f}–{r.ci_high:.1f}]" + ("*" if r.thin else ""),
                       axis=1)
    return table.assign(value=text).pivot_table(index=rows, columns=columns, values="value", aggfunc="first")


# %% [markdown]
# ## 1 · Who speaks
#
# Each side's share of all attributions in an outlet (left) and of all quoted words
# (right). Sources the extractor could not tie to a side are `unknown`, shown on their own
# and never folded into the third parties (`other`: the UN, Iran, Turkey, France …).

# %%
display(Image(out / "share-of-voice.png", width=900))
voice = tables["share-of-voice"]
interval(voice[voice["measure"] == "voice_attributions"], "group")

# %% [markdown]
# ## 2 · In their own words, or anonymously?
#
# The share of each side's attributions that quote it directly (the whole content in
# quotation marks), and the share that come from an anonymous source.

# %%
display(Image(out / "direct-and-anonymous.png", width=900))
interval(tables["direct-and-anonymous"], ["measure", "group"])

# %% [markdown]
# ## 3 · How each side is introduced
#
# The reporting verbs of each side's attributions, by category (neutral قال, assertive
# أكد, denial نفى, accusation اتهم …), in percent of that side's attributions. The axis is
# on a square-root scale so that the small, charged categories can be read beside the
# large neutral one.

# %%
display(Image(out / "cue-profile.png", width=900))
cues = tables["cue-profile"]
interval(cues[cues["category"].isin(["denial", "accusation", "warning"])], ["category", "group"])

# %% [markdown]
# ## 4 · Who evaluates whom
#
# Stance units per 100 articles, by holder → target and kind. The writer of the article
# (`author`) is a holder of its own. Faded marks are thin cells: fewer than 20 articles of
# the outlet hold such a unit at all.

# %%
display(Image(out / "stance-between-sides.png", width=900))
stance = tables["stance-between-sides"]
interval(stance[stance["category"] == "blame"], "side", "group")

# %% [markdown]
# ## 5 · When
#
# How many articles the study kept each month, and what share of each outlet's articles
# that month they are.

# %%
display(Image(out / "coverage-by-month.png", width=900))

# %% [markdown]
# ## 6 · Which differences hold up
#
# Every pair of groups compared, with the interval of the difference (percentage points)
# from the same bootstrap draws. With this many pairs some intervals exclude zero by
# chance: read them as a description, not as tests.

# %%
differences = pd.read_csv(out / f"{grouping}-differences.csv")
held = differences[differences["excludes_zero"]]
print(f"{len(held)} of {len(differences)} differences have an interval that excludes 0")
held.head(12)

# %% [markdown]
# ## What was written

# %%
for path in sorted({Path(p).name for p in written}):
    print(path)

# %% [markdown]
# ## Recap
#
# - The paper figures come from derived data without article text, so anyone can rebuild
#   them from a fresh clone: `make figures`.
# - Every estimate carries an interval from resampling whole articles, and the CSV next to
#   each figure lists it with the number of articles behind it.
# - Each figure's note says how well the extractor does on the locked test split for what
#   the figure draws — and what has not been measured.
#
# ## Where next
#
# - [06-validation](06-validation.ipynb): how far to trust these numbers.
# - [08-corpus-at-scale](08-corpus-at-scale.ipynb): the whole study, from fetching the
#   corpus to a reading of the differences between outlets.
