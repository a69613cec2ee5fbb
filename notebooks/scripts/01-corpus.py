# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (framing suite)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 01 · Your corpus: loading articles, normalising text, keeping the original
#
# Before anything can be counted, articles have to be read into one table, and Arabic
# spelling variation has to be smoothed out so that the same word is found however it is
# written. This notebook shows:
#
# 1. how to load the example article, a folder of files, and a spreadsheet (CSV);
# 2. what each normalisation rule does, with before/after examples;
# 3. why the suite never throws the original text away, and how a match in normalised text
#    is mapped back to the exact characters of the article.

# %%
import tempfile
from pathlib import Path

import pandas as pd

import analysis
from analysis import normalize as norm
from analysis import paths

# %% [markdown]
# ## 1 · Loading articles
#
# ### The example article
#
# `read_articles` accepts a file or a folder and always returns the same *articles* table:
# one row per article with an id, outlet, date, title, body, URL, the file it came from,
# and a checksum of its text. A `.txt` file holds the title on its first line and the body
# after it.

# %%
articles = analysis.read_articles(paths.EXAMPLE_ARTICLE)
articles.drop(columns=["title", "body"]).T

# %% [markdown]
# The title and body are kept exactly as in the file, including blank lines and spaces at
# the start of the body: every character offset in the later tables counts from these
# strings.

# %%
title, body = articles.loc[0, "title"], articles.loc[0, "body"]
print(f"title: {len(title)} characters; body: {len(body)} characters")
print(repr(body[:60]))

# %% [markdown]
# ### A folder of files
#
# Point `read_articles` at a folder and it reads every `.txt` (and `.html`) file in it,
# sorted by name. Here we build a folder with the example article and one short
# **constructed** article (written for this notebook, not real news).
#
# <div dir="rtl">
# مثال مصنوع: «قال الرئيس الروسي فلاديمير بوتين إن موسكو مستعدة للحوار.»
# </div>
#
# *(Constructed: "The Russian president Vladimir Putin said that Moscow is ready for
# dialogue.")*

# %%
folder = Path(tempfile.mkdtemp(prefix="framing-corpus-"))
(folder / paths.EXAMPLE_ARTICLE.name).write_bytes(paths.EXAMPLE_ARTICLE.read_bytes())
(folder / "constructed-putin.txt").write_text(
    "بوتين: موسكو مستعدة للحوار\n"
    "قال الرئيس الروسي فلاديمير بوتين إن موسكو مستعدة للحوار.\n",
    encoding="utf-8",
)
from_folder = analysis.read_articles(folder)
from_folder[["article_id", "outlet", "title"]]

# %% [markdown]
# ### A spreadsheet (CSV)
#
# Corpora often come as a table with one article per row. Column names such as `id`,
# `title`, `body`, `outlet`, `date` and `url` are recognised by themselves; other names are
# mapped with `columns={field: column}`. This CSV is **constructed** for the notebook: its
# columns are called `headline`, `text` and `source`.

# %%
constructed = pd.DataFrame({
    "id": ["c1", "c2"],
    "headline": ["بوتين: لن نقبل الشروط", "واشنطن تنفي"],
    "text": [
        "قال الرئيس الروسي فلاديمير بوتين إن موسكو لن تقبل الشروط الأمريكية.",
        "نفت وزارة الخارجية الأمريكية أن تكون قد فرضت شروطا على موسكو.",
    ],
    "source": ["constructed", "constructed"],
})
csv_path = folder / "constructed.csv"
constructed.to_csv(csv_path, index=False)
from_csv = analysis.read_articles(csv_path, columns={"title": "headline", "body": "text", "outlet": "source"})
from_csv[["article_id", "outlet", "title", "body"]]

# %% [markdown]
# *(Constructed rows: c1 "Putin: we will not accept the conditions" / "The Russian
# president Vladimir Putin said that Moscow will not accept the American conditions";
# c2 "Washington denies" / "The US State Department denied that it had imposed conditions
# on Moscow.")*
#
# ### When a file cannot be read
#
# Bad input stops with a message that names the file (and row) and says what to do. Here
# the mapping names a column the CSV does not have:

# %%
try:
    analysis.read_articles(csv_path, columns={"body": "article_text"})
except ValueError as err:
    print(type(err).__name__, "→", err)

# %% [markdown]
# ## 2 · What normalisation does
#
# Arabic news spells the same word in several ways: with or without the hamza on alef
# (إمكانية / امكانية), with ى or ي at the end, with ة or ه, with vowel marks (لمّح) or
# without, with Arabic-Indic digits (٢٠١٦) or Latin ones. Matching names and reporting
# verbs must not depend on these choices, so text is **normalised** before matching.
# Each rule is one small function; the default pipeline applies them in this order:

# %%
[rule.__name__ for rule in norm.DEFAULT_RULES]

# %% [markdown]
# One example per rule. Words marked *example* come from the example article; the others
# are **constructed** to show a character the article does not contain.

# %%
rule_examples = [
    (norm.nfkc, "ﻻ ﺭﻭﺳﻴﺎ", "constructed: presentation forms (لا روسيا)"),
    (norm.remove_tatweel, "بوتــين", "constructed: stretched Putin"),
    (norm.remove_diacritics, "لمّح", "example: 'hinted', with shadda"),
    (norm.remove_controls, "\u200fلافروف\u200e", "constructed: Lavrov between direction marks"),
    (norm.fold_persian_letters, "کیری", "constructed: Kerry typed with Persian letters"),
    (norm.fold_alef, "إمكانية", "example: 'possibility' (also spelled امكانية)"),
    (norm.fold_alef_maqsura, "إلى", "example: 'to' (also spelled الى)"),
    (norm.fold_ta_marbuta, "الروسية", "constructed: 'Russian' (feminine)"),
    (norm.fold_digits, "٩ سبتمبر ٢٠١٦", "constructed: a date in Arabic-Indic digits"),
    (norm.fold_quotes, "«اتفاق»", "constructed: not in the default; quotation marks"),
]
rules_table = pd.DataFrame(
    [{"rule": rule.__name__, "before": before, "after": rule(before),
      "code points before → after": f"{len(before)} → {len(rule(before))}", "note": note}
     for rule, before, note in rule_examples]
)
rules_table.style.format(escape="html").set_table_attributes('dir="rtl"').hide(axis="index")

# %% [markdown]
# Each rule loses information (after `fold_ta_marbuta`, الروسية "Russian" and a
# misspelling الروسيه are the same), which is why matching happens on normalised text and
# display always on the original. `fold_quotes` is **not** in the default: the attribution
# stage needs to tell « » from " ".
#
# `normalize` applies the whole default pipeline at once:

# %%
print(norm.normalize("إمكانيّة تأجيل المحادثات إلى الأسبوع المقبل"))

# %% [markdown]
# ### Why it matters on the example article
#
# The article writes "possibility" both as إمكانية and as امكانية. A keyword-in-context
# search normalises the term and the text, so one query finds both spellings, and shows
# each as printed:

# %%
analysis.kwic(articles, "إمكانية", width=30)

# %% [markdown]
# ## 3 · Keeping the original: mapping a span back
#
# Normalisation changes the length of the text (a removed shadda is one character fewer),
# so positions in the normalised text are not positions in the article. Every stage
# therefore works on a `NormalizedText`, which remembers where each normalised character
# came from. Find the verb لمح ("hinted") in the normalised body, then map it back:

# %%
mapped = analysis.normalize_with_map(body)
position = mapped.text.find("لمح")
start, end = mapped.to_original(position, position + len("لمح"))
print(f"normalised body: {len(mapped.text)} characters; original body: {len(mapped.original)}")
print(f"in the normalised text at {position}–{position + 3}: {mapped.text[position:position + 3]!r}")
print(f"in the original body at {start}–{end}: {body[start:end]!r}")

# %% [markdown]
# The original span keeps the shadda (لمّح, four code points), so highlighting it in
# `show_article` or quoting it in a paper shows the article's own spelling. Every offset in
# the output tables (`start`/`end`, `cue_start`/`cue_end`, `content_start`/…) indexes the
# original `title` or `body` string in this way; the `part` column says which.
#
# ### Sentences keep offsets too
#
# The segmenter splits the article into the title, sub-headings, the lead (first
# paragraph) and body sentences. Each sentence's text is exactly the slice of the original
# string between its offsets:

# %%
sentences = analysis.split_article(title, body)
sentence_table = pd.DataFrame(sentences)
sentence_table["text"] = sentence_table["text"].str.slice(0, 60)
sentence_table.style.format(escape="html").set_table_attributes('dir="rtl"').hide(axis="index")

# %%
all(
    (title if s.part == "title" else body)[s.start:s.end] == s.text
    for s in sentences
)

# %% [markdown]
# ## Recap
#
# - `analysis.read_articles(path)` reads `.txt`/`.html` files, folders, CSV/TSV, JSON Lines
#   and Parquet into one articles table; `columns=` maps your column names.
# - Normalisation folds spelling variants (hamza on alef, ى/ي, ة/ه, vowel marks, tatweel,
#   digits, invisible controls) for **matching only**.
# - Offsets always point into the original text, so every finding can be shown as printed.
#
# ## Where next
#
# - [02-actors-and-sides](02-actors-and-sides.ipynb): who is mentioned, and for which side.
# - [00-start-here](00-start-here.ipynb) if you skipped it.
