# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (framing suite)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 08 · The full study: five outlets compared
#
# The ANT corpus (Chouigui, Ben Khiroun & Elayeb 2017; version 2.1) holds about 31,500
# articles of 2018 from five Arabic news outlets: Al Arabiya, BBC Arabic, CNN Arabic,
# France 24 Arabic and Sky News Arabia. This notebook walks through the study of the
# paper, `studies/ant-2018.toml`, step by step:
#
# 1. **fetch** the corpus at a pinned commit and verify every file;
# 2. **filter**: keep the articles in which Russia and the United States are both
#    *actors*, as the actor lexicon recognises them — not every article with a keyword;
# 3. **analyse** the kept articles: mentions, attributions, stance;
# 4. **compare** the outlets, every estimate with an interval;
# 5. **read** the differences, with what the extractor can and cannot support.
#
# The corpus is not shipped with the project. Without it this notebook says how to get it
# and stops early, without error; the comparisons of the paper can still be drawn from the
# committed derived data (notebook 05).

# %%
# %matplotlib inline
import re
from pathlib import Path

import pandas as pd
from IPython.display import Image, display

import analysis
from analysis import paths
from analysis.corpus.fetch import ANT
from analysis.study import load_study
from analysis.study.derived import read_derived
from analysis.study.notes import latest_test_scoring
from analysis.study.paper import build_paper_tables
from analysis.study.run import read_study_corpus, select_articles

# %% [markdown]
# ## Parameters
#
# - `corpus`: path of the corpus (`None` = wherever `python -m analysis fetch ant` put it,
#   or `FRAMING_ANT`, or `../shared/corpora/ant`);
# - `sample`: run steps 2–3 on a random sample of this many articles of the corpus
#   (`None` = all of them, about a minute on two cores; the tests use 3,000);
# - `n_jobs`: processes (`-1` = all cores);
# - `figures_dir`: unused here (the paper figures come from 05), kept for the command line.

# %% tags=["parameters"]
corpus = None
sample = None
n_jobs = 2
figures_dir = str(paths.FIGURES_DIR)

# %% [markdown]
# ## 1 · Fetch
#
# `python -m analysis fetch ant` downloads the archive of commit `f117ce44` of the corpus
# repository (with pooch: cached, retried), checks each of its 31,526 files against the
# SHA-256 list shipped with the package, converts the articles into one JSON Lines file
# and prints the citation. Offline, `--archive FILE` takes an archive downloaded elsewhere.

# %%
corpus_path = Path(corpus) if corpus else paths.ant_corpus()
available = corpus_path is not None and corpus_path.is_file()
if available:
    print(f"Corpus: {corpus_path}")
else:
    where = corpus_path or "../shared/corpora/ant/ant-v2.1.jsonl.gz (or $FRAMING_ANT)"
    print(f"No corpus found at {where}. Run `python -m analysis fetch ant` (or set FRAMING_ANT to a "
          "copy of the converted corpus) to run this notebook; every cell below does nothing without it.")
print(f"Please cite: {ANT.citation}")

# %% [markdown]
# ## 2 · Filter: actors, not keywords
#
# The study keeps an article when each side has at least one **actor mention** in it: a
# name (لافروف), an office with its country (وزير الخارجية الأمريكي), a metonym (واشنطن,
# الكرملين), or a pronoun carrying one of these. A nisba adjective on a thing — "طائرة
# روسية", a Russian plane — names no actor and does not count. Articles whose title and
# body repeat an earlier article (ANT files some stories in two sections) are left out.
#
# For comparison, the keyword test that an earlier version of this notebook used:

# %%
RUSSIA_WORDS = re.compile("روسيا|موسكو|الكرملين|بوتين|لافروف|الروسي")
US_WORDS = re.compile("واشنطن|الولايات المتحدة|أمريكا|الأمريكي|ترامب")

study = load_study(paths.ROOT / "studies" / "ant-2018.toml")
if available:
    articles = read_study_corpus(study, corpus_path)
    if sample is not None and sample < len(articles):
        articles = articles.sample(n=sample, random_state=2018).sort_values("article_id").reset_index(drop=True)
    verdict = select_articles(articles, study, n_jobs=n_jobs)
    text = articles["title"].fillna("") + "\n" + articles["body"].fillna("")
    keywords = (text.str.contains(RUSSIA_WORDS) & text.str.contains(US_WORDS)).to_numpy()
    selected = verdict["selected"].to_numpy()
    print(f"{len(articles):,} articles read; {int((articles['duplicate_of'] != '').sum()):,} repeat an earlier one")
    print(f"{int(selected.sum()):,} selected: both sides are actors")
    print(f"{int(keywords.sum()):,} would pass the keyword test; "
          f"{int((keywords & ~selected).sum()):,} of them are not selected, "
          f"{int((selected & ~keywords).sum()):,} selected articles fail it")

# %% [markdown]
# Read a few articles the keywords would have kept and the lexicon did not, to see why:
# usually one side appears only as an adjective or a place, or the article is a repeat.

# %%
if available:
    dropped = articles.loc[keywords & ~selected, ["article_id", "outlet", "title"]].head(5)
    counts = verdict.set_index("article_id")[["russia_mentions", "us_mentions"]]
    display(dropped.join(counts, on="article_id"))

# %% [markdown]
# ## 3 · Analyse
#
# Every stage on the selected articles, on `n_jobs` processes (the output does not depend
# on their number).

# %%
if available:
    chosen = articles[selected]
    result = analysis.analyze(chosen[["article_id", "outlet", "published", "title", "body"]],
                              n_jobs=n_jobs, progress=False)
    print(result.summary())

# %% [markdown]
# The study writes what it needs of these tables — offsets, sides, cues, categories, no
# text — to `data/derived/ant-2018` with a manifest; `python -m analysis study
# studies/ant-2018.toml` does steps 1–3 and that in one command, and the tests check that a
# rerun gives the committed files byte for byte. The comparisons below read those files,
# so they are the full study's even when steps 2–3 ran on a sample.

# %%
derived = read_derived(study.derived_dir)
if available and sample is None:
    same = (len(result.attributions) == derived.manifest["files"]["attributions.csv"]["rows"]
            and len(result.stance) == derived.manifest["files"]["stance.csv"]["rows"])
    print(f"this run and the committed derived data agree on every count: {same}")
print(f"derived data: {derived.manifest['selection']['selected']:,} articles, "
      f"{derived.manifest['files']['attributions.csv']['rows']:,} attributions, "
      f"{derived.manifest['files']['stance.csv']['rows']:,} stance units")

# %% [markdown]
# ## 4 · Compare
#
# Every estimate below is an outlet's value with a 95 % interval from resampling whole
# articles of that outlet (2,000 draws, seeded); `*` marks a thin cell (fewer than 20
# articles, or fewer than 30 attributions in a share).

# %%
tables = build_paper_tables(derived, study)


def interval(table: pd.DataFrame, rows, columns="side") -> pd.DataFrame:
    text = table.apply(lambda r: f"{r.estimate:.1f} [{r.ci_low:.1f}–{r.ci_high:.1f}]" + ("*" if r.thin else ""),
                       axis=1)
    return table.assign(value=text).pivot_table(index=rows, columns=columns, values="value", aggfunc="first")


voice = tables["share-of-voice"]
interval(voice[voice["measure"] == "voice_attributions"], "group")[["russia", "us", "other", "unknown"]]

# %% [markdown]
# Share of attributions, in percent of all attributions of the outlet's selected articles.
# Then how each side is quoted, and with which verbs:

# %%
interval(tables["direct-and-anonymous"], ["measure", "group"])

# %%
cues = tables["cue-profile"]
interval(cues[cues["category"].isin(["neutral", "denial", "accusation", "warning"])], ["category", "group"])

# %% [markdown]
# Stance units per 100 articles: blame between the two sides, and from the writer.

# %%
stance = tables["stance-between-sides"]
blame = stance[stance["category"].isin(["blame", "criticism"])
               & stance["side"].isin(["russia>us", "us>russia", "author>russia", "author>us"])]
interval(blame, ["side", "category"], "group")

# %% [markdown]
# Which outlet differences have an interval that excludes zero (in percentage points)?

# %%
differences = tables["outlet-differences"]
held = differences[differences["excludes_zero"] & (differences["measure"] == "voice_attributions")]
held[["group_a", "group_b", "side", "difference", "ci_low", "ci_high"]].round(1)

# %% [markdown]
# The figures of 05, from the same tables:

# %%
for name in ("share-of-voice", "cue-profile"):
    display(Image(paths.FIGURES_DIR / f"{name}.png", width=900))

# %% [markdown]
# ## 5 · A reading, and its limits
#
# The numbers this reading rests on are printed by the cell below, from the derived data
# as they are now.

# %%
pooled = voice[(voice["group"] == "all") & (voice["measure"] == "voice_attributions")].set_index("side")
by_outlet = voice[(voice["group"] != "all") & (voice["measure"] == "voice_attributions")].pivot(
    index="group", columns="side", values="estimate")
denial = cues[(cues["group"] == "all") & (cues["category"] == "denial")].set_index("side")
anonymous = tables["direct-and-anonymous"]
anonymous = anonymous[(anonymous["group"] == "all") & (anonymous["measure"] == "anonymous_share")].set_index("side")
flows = stance[(stance["group"] == "all") & (stance["category"] == "blame")].set_index("side")
print(f"all outlets: the US side has {pooled.loc['us', 'estimate']:.1f} % of the attributions, the Russian side "
      f"{pooled.loc['russia', 'estimate']:.1f} %; third parties {pooled.loc['other', 'estimate']:.1f} %, "
      f"unknown sources {pooled.loc['unknown', 'estimate']:.1f} %")
print(f"Russian share highest in {by_outlet['russia'].idxmax()} ({by_outlet['russia'].max():.1f} %), lowest in "
      f"{by_outlet['russia'].idxmin()} ({by_outlet['russia'].min():.1f} %)")
print(f"US share highest in {by_outlet['us'].idxmax()} ({by_outlet['us'].max():.1f} %), lowest in "
      f"{by_outlet['us'].idxmin()} ({by_outlet['us'].min():.1f} %)")
print(f"third parties highest in {by_outlet['other'].idxmax()} ({by_outlet['other'].max():.1f} %)")
print(f"denial verbs: {denial.loc['russia', 'estimate']:.1f} % of the Russian side's attributions, "
      f"{denial.loc['us', 'estimate']:.1f} % of the US side's")
print(f"anonymous sources: {anonymous.loc['us', 'estimate']:.1f} % of the US side's attributions, "
      f"{anonymous.loc['russia', 'estimate']:.1f} % of the Russian side's")
print(f"blame per 100 articles: US → Russia {flows.loc['us>russia', 'estimate']:.1f}, "
      f"Russia → US {flows.loc['russia>us', 'estimate']:.1f}")
scoring = latest_test_scoring()
print(f"extractor on the locked test split (scoring #{scoring['scoring']}, code {scoring['commit']}): "
      f"attributions precision {scoring['attributions_precision']:.2f}, recall {scoring['attributions_recall']:.2f} "
      f"(Russian side {scoring['recall_russia']:.2f}, US side {scoring['recall_us']:.2f}); "
      f"stance precision {scoring['stance_precision']:.2f}, recall {scoring['stance_recall']:.2f}")

# %% [markdown]
# **What differs between the outlets.** In the articles where both act, every outlet but
# Al Arabiya gives the US side more of the reported speech than the Russian side; Al
# Arabiya is the only one where the two are level, and it gives the Russian side about
# twice the share that BBC Arabic, CNN Arabic and France 24 Arabic give it — those
# differences have intervals well away from zero. Sky News Arabia gives the US side the
# largest share. France 24 Arabic stands out the other way: almost half of its attributions
# go to third parties (European governments, the UN, Syria, Iran …), so both sides speak
# less there. How the sides are introduced differs more by side than by outlet: the
# Russian side's words come with a denial verb (نفى) about twice as often as the US side's,
# in four of the five outlets, and the US side speaks more often through anonymous
# sources (officials who asked not to be named), mostly in CNN Arabic and Sky News Arabia.
# Direct quotation is about equally common for both sides; CNN Arabic quotes both directly
# more than the others. Blame runs mostly from the US side to the Russian one.
#
# **What this cannot say.**
#
# - The extractor is imperfect, and not equally so for both sides. On the locked test
#   split (last line above; also in `figures/*.note.csv`) it finds a little over half of
#   the attributions, with a precision around 0.6, and more of the Russian side's than of
#   the US side's. A share of voice can move by several points from that alone, and the US
#   share is if anything understated; differences *between outlets* are safer than
#   levels, as long as the errors do not differ by outlet (not measured).
# - Stance is found rarely (recall about 0.1): the stance figures show a small, probably
#   unrepresentative part of the evaluations, and most per-outlet stance cells are thin.
#   Cue categories, direct quotation and anonymity have not been measured on the test
#   split at all.
# - About a quarter of the attributions have an unknown side (a pronoun or unnamed source
#   the extractor could not resolve); they are reported apart, not spread over the sides.
# - "Both sides are actors" is decided by the lexicon: about 300 selected articles are from
#   the sport section (the 2018 World Cup in Russia), where Russia is often a host more than
#   a party. `measures-by-section.csv` gives every measure by section for this reason.
# - The outlets differ in what they cover (sections, months, the share of Syria stories),
#   so a difference in voice may come from the agenda rather than from the framing of the
#   same story. The intervals cover the sampling of articles, not these choices; with 80
#   pairwise comparisons, a few intervals exclude zero by chance.

# %% [markdown]
# ## Recap
#
# - One study file, one command (`python -m analysis study studies/ant-2018.toml`) runs
#   fetch, filter, analysis and writes the derived data; `make figures` draws the paper
#   figures from them without the corpus.
# - The filter is the actor lexicon, not a list of keywords.
# - Each comparison has an interval from resampling articles; each figure a note on how
#   far the extractor can be trusted for it.
#
# ## Where next
#
# - [05-comparing-sides](05-comparing-sides.ipynb) draws the paper figures (and those of
#   your own corpus).
# - [06-validation](06-validation.ipynb): the extractor's accuracy on gold articles.
