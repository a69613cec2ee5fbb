"""Publication figures of who speaks, how, and with what stance, with shaped Arabic.

Every ``plot_*`` function takes the tidy tables of :mod:`analysis.corpus.schema` (one article or
a whole corpus), draws on ``ax`` (a new single-column figure when ``ax`` is None) and
returns the Axes; nothing here writes a file except :func:`save_figure`. Each plot has a
``build_*_table`` twin returning exactly the numbers it draws, which is what
:func:`save_figure` stores next to the figure as CSV.

Labels come in Arabic (``labels="ar"``), English (``"en"``) or both (``"both"``, Arabic
with the English gloss in brackets). Every string goes through
:func:`analysis.figures.labels.arabic_label` at the moment it is handed to matplotlib, never
before: the tables keep the plain keys (``russia``, ``denial``, ...).

Examples
--------
>>> import pandas as pd
>>> from analysis.corpus.schema import ATTRIBUTIONS
>>> attributions = pd.DataFrame(
...     [{"source_side": "russia", "content_words": 12}, {"source_side": "us", "content_words": 4}]
... ).reindex(columns=ATTRIBUTIONS)
>>> build_share_of_voice_table(attributions)[["measure", "side", "count"]].to_dict("records")[:2]
[{'measure': 'attributions', 'side': 'russia', 'count': 1}, {'measure': 'attributions', 'side': 'us', 'count': 1}]
>>> ax = plot_share_of_voice(attributions, labels="en")
>>> [t.get_text() for t in ax.get_yticklabels()]
['Attributions', 'Quoted words']
"""

from __future__ import annotations

import functools
import io
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from analysis.corpus import schema
from analysis.figures.fonts import COLUMN_WIDTH, DOUBLE_COLUMN_WIDTH, FONT_FAMILIES, style_context
from analysis.figures.labels import arabic_label, has_arabic
from analysis.corpus.paths import FIGURES_DIR, LEXICON_DIR

__all__ = [
    "CATEGORY_COLORS",
    "GLOSSARY",
    "SIDE_COLORS",
    "build_cue_category_table",
    "build_outlet_side_table",
    "build_share_of_voice_table",
    "build_source_type_table",
    "build_stance_table",
    "build_strip_table",
    "build_top_sources_table",
    "CUE_NAMES",
    "actor_name",
    "drawable_labels",
    "group_sides",
    "label_for",
    "lexicon_glosses",
    "plot_article_strip",
    "plot_cue_categories",
    "plot_outlet_sides",
    "plot_share_of_voice",
    "plot_source_types",
    "plot_stance",
    "plot_top_sources",
    "readable_id",
    "save_figure",
    "short_gloss",
]

LabelLanguage = Literal["ar", "en", "both"]


# -- data: colours and the built-in glossary ------------------------------------------
# Okabe & Ito's colour-blind-safe palette; each side keeps its colour in every figure.
SIDE_COLORS: dict[str, str] = {
    "russia": "#D55E00",  # vermillion
    "us": "#0072B2",  # blue
    "other": "#999999",  # grey
    "un": "#009E73",  # bluish green
    "unknown": "#CCCCCC",  # light grey
    "author": "#000000",
    "syria_government": "#CC79A7",
    "syria_opposition": "#E69F00",
    "iran": "#56B4E9",
    "turkey": "#F0E442",
}
_EXTRA_COLORS = ("#E69F00", "#56B4E9", "#CC79A7", "#F0E442", "#009E73", "#000000")

#: Colours of the parts of a stacked bar that are not sides (source types, stance kinds).
CATEGORY_COLORS: dict[str, str] = {
    "person": "#0072B2", "institution": "#56B4E9", "anonymous": "#000000",
    "media": "#E69F00", "document": "#CC79A7",
    "blame": "#D55E00", "criticism": "#E69F00", "threat": "#000000", "denial": "#CC79A7",
    "praise": "#009E73", "cooperation": "#56B4E9",
}

#: (Arabic, English) display names of the keys used in the tables and on the axes.
GLOSSARY: dict[str, dict[str, tuple[str, str]]] = {
    "side": {
        "russia": ("روسيا", "Russia"),
        "us": ("الولايات المتحدة", "United States"),
        "other": ("أطراف أخرى", "Other"),
        "unknown": ("غير معروف", "Unknown"),
        "author": ("الكاتب", "Author"),
        "un": ("الأمم المتحدة", "United Nations"),
        "syria_government": ("الحكومة السورية", "Syrian government"),
        "syria_opposition": ("المعارضة السورية", "Syrian opposition"),
        "iran": ("إيران", "Iran"),
        "turkey": ("تركيا", "Turkey"),
        "saudi_arabia": ("السعودية", "Saudi Arabia"),
        "qatar": ("قطر", "Qatar"),
        "eu": ("الاتحاد الأوروبي", "European Union"),
        "uk": ("بريطانيا", "United Kingdom"),
        "france": ("فرنسا", "France"),
        "israel": ("إسرائيل", "Israel"),
        "ukraine": ("أوكرانيا", "Ukraine"),
    },
    "cue_category": {
        "neutral": ("محايد", "neutral"),
        "explanatory": ("توضيحي", "explanatory"),
        "assertive": ("تأكيدي", "assertive"),
        "opinion": ("رأي", "opinion"),
        "hedged": ("تلميح", "hedged"),
        "affect": ("تعبير عن شعور", "affect"),
        "distancing": ("تشكيك", "distancing"),
        "denial": ("نفي", "denial"),
        "accusation": ("اتهام", "accusation"),
        "condemnation": ("إدانة", "condemnation"),
        "warning": ("تحذير", "warning"),
        "directive": ("دعوة ومطالبة", "directive"),
        "commissive": ("تعهد واعتراف", "commissive"),
    },
    "source_type": {
        "person": ("شخص", "person"),
        "institution": ("مؤسسة", "institution"),
        "anonymous": ("مصدر مجهول", "anonymous"),
        "media": ("وسيلة إعلام", "media"),
        "document": ("وثيقة", "document"),
    },
    "mode": {
        "direct": ("مباشر", "direct"),
        "indirect": ("غير مباشر", "indirect"),
        "mixed": ("مختلط", "mixed"),
    },
    "stance_kind": {
        "blame": ("تحميل المسؤولية", "blame"),
        "criticism": ("انتقاد", "criticism"),
        "threat": ("تهديد", "threat"),
        "denial": ("نفي", "denial"),
        "praise": ("إشادة", "praise"),
        "cooperation": ("تعاون", "cooperation"),
    },
    "polarity": {
        "negative": ("سلبي", "negative"),
        "positive": ("إيجابي", "positive"),
    },
    "text": {
        "attributions": ("الإسنادات", "Attributions"),
        "quoted_words": ("الكلمات المنقولة", "Quoted words"),
        "mentions": ("الإشارات", "Mentions"),
        "share": ("النسبة المئوية", "Share (%)"),
        "count": ("العدد", "Count"),
        "share_of_voice": ("من يتكلم؟", "Who speaks?"),
        "cue_categories": ("أفعال القول حسب الطرف", "Reporting cues by side"),
        "source_types": ("أنواع المصادر حسب الطرف", "Source types by side"),
        "stance": ("المواقف بين الأطراف", "Stance between sides"),
        "stance_count": ("عدد المواقف (سلبي يسارا، إيجابي يمينا)",
                         "Stance units (negative left, positive right)"),
        "strip": ("مسار المقال جملة بجملة", "The article sentence by sentence"),
        "sentence": ("رقم الجملة", "Sentence"),
        "position": ("الموضع في المقال (من البداية إلى النهاية)",
                     "Position in the article (start to end)"),
        "mentioned": ("ذكر", "mentioned"),
        "speaks": ("كلام", "speaks"),
        "holds_stance": ("موقف", "stance"),
        "outlets": ("الأطراف حسب الوسيلة", "Sides by outlet"),
        "top_sources": ("أكثر المصادر كلاما", "Most frequent sources"),
        "side": ("الطرف", "Side"),
        "outlet": ("الوسيلة", "Outlet"),
    },
}

_NEGATIVE_KINDS = ("blame", "criticism", "threat", "denial")
_POSITIVE_KINDS = ("praise", "cooperation")

# Candidate column names in the lexicon CSVs (their schemas are owned by the lexicon
# module; these lists only say where to look for Arabic forms and English glosses).
_ARABIC_COLUMNS = ("alias", "cue", "lemma", "cue_lemma", "form", "name_ar")
_GLOSS_COLUMNS = ("name_en", "gloss_en", "gloss", "english")
_LABEL_LEXICONS = ("actors.csv", "media.csv", "cues.csv")


# -- labels ---------------------------------------------------------------------------
def _check_labels(labels: str) -> None:
    if labels not in ("ar", "en", "both"):
        raise ValueError(f"labels must be 'ar', 'en' or 'both', got {labels!r}")


def _combine(arabic: str, english: str, labels: LabelLanguage, *, wrap: bool = False) -> str:
    """One display string from an Arabic name and its English gloss.

    ``labels="both"`` puts the gloss in brackets after the Arabic, or on a second line
    without brackets when ``wrap`` is true or either part holds a bracket of its own
    (brackets inside brackets read badly, all the more in a right-to-left line).
    """
    if labels == "ar" or english == arabic:
        return arabic if labels != "en" else english
    if labels == "en":
        return english
    if wrap or "(" in english or "(" in arabic or not english[-1:].isalnum():
        # A gloss ending in punctuation ("Who speaks?") would see it drift to the far end
        # of the right-to-left line; a LEFT-TO-RIGHT MARK would fix the order but shifts
        # the closing bracket onto the last letter in matplotlib 3.11's PDF output
        # (measured on the cue-category figure), so such a gloss goes on its own line.
        return f"{arabic}\n{english}"
    return f"{arabic} ({english})"


def _join(kind_keys: Sequence[tuple[str, str]], labels: LabelLanguage, *, sep: str = ": ",
          wrap: bool = False) -> str:
    """Several glossary names joined in each language first, then combined once.

    ``[("side", "russia"), ("text", "mentioned")]`` gives "روسيا: ذكر (Russia: mentioned)"
    rather than "روسيا (Russia): ذكر (mentioned)".
    """
    arabic = sep.join(label_for(kind, key, "ar") for kind, key in kind_keys)
    english = sep.join(label_for(kind, key, "en") for kind, key in kind_keys)
    return _combine(arabic, english, labels, wrap=wrap)


def label_for(kind: str, key: str, labels: LabelLanguage = "ar", *, wrap: bool = False) -> str:
    """Display name of a table key, in logical order (not yet passed to arabic_label).

    Parameters
    ----------
    kind : str
        A section of :data:`GLOSSARY` (``side``, ``cue_category``, ``source_type``,
        ``mode``, ``stance_kind``, ``polarity``, ``text``), ``actor`` (any id the
        extraction produces, see :func:`actor_name`) or ``cue`` (a cue as printed).
    key : str
        The value as stored in the tables.
    labels : {"ar", "en", "both"}
        Arabic, English, or Arabic with the English gloss in brackets.
    wrap : bool
        With ``labels="both"``, put the English gloss on a second line instead.

    Returns
    -------
    str
        Unknown glossary keys come back as they are, so nothing disappears from a
        figure; unknown actor ids come back in words (:func:`readable_id`).

    Examples
    --------
    >>> label_for("side", "us", "both")
    'الولايات المتحدة (United States)'
    >>> label_for("side", "us", "both", wrap=True)
    'الولايات المتحدة\\nUnited States'
    >>> label_for("cue_category", "denial", "en")
    'denial'
    >>> label_for("actor", "ru_foreign_ministry", "ar")
    'وزارة الخارجية الروسية'
    >>> label_for("cue", ":", "both")
    'نقطتا العنوان (headline colon)'
    """
    _check_labels(labels)
    key = str(key)
    if kind in GLOSSARY:
        arabic, english = GLOSSARY[kind].get(key, (key, key))
    elif kind == "actor":
        arabic, english = actor_name(key)
    elif kind == "cue":
        arabic, english = CUE_NAMES.get(key) or lexicon_glosses()["cue"].get(key, (key, key))
    else:
        raise ValueError(f"unknown label kind {kind!r}; use one of {[*GLOSSARY, 'actor', 'cue']}")
    return _combine(arabic, english, labels, wrap=wrap)


def _read_lexicon_csv(path: Path) -> pd.DataFrame:
    """Read a lexicon CSV, skipping its leading ``#`` comment lines."""
    with path.open(encoding="utf-8") as handle:
        skip = 0
        for line in handle:
            if not line.startswith("#"):
                break
            skip += 1
    try:
        return pd.read_csv(path, skiprows=skip, dtype="string", keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise ValueError(f"Cannot read lexicon {path}: {err}. Fix the file's CSV syntax.") from err


def _first_column(frame: pd.DataFrame, candidates: Sequence[str]) -> str | None:
    return next((c for c in candidates if c in frame.columns), None)


def _lexicon_rows(lexicon_dir: Path, name: str, columns: Sequence[str]) -> list[dict[str, str]]:
    """Rows of one lexicon as dicts of stripped strings; [] when the file is absent."""
    path = Path(lexicon_dir) / name
    if not path.is_file():
        return []
    frame = _read_lexicon_csv(path)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"Lexicon {path} lacks the columns {missing} that figure labels are "
                         f"built from (found {list(frame.columns)}); fix its header line.")
    return [{c: (row[c] or "").strip() for c in columns}
            for row in frame[list(columns)].to_dict("records")]


# -- English glosses for figures ------------------------------------------------------------
_REMARK = re.compile(r"\s*\([^()]*\)")  # a bracketed remark: "(side other)", "(feminine)"
_ARTICLE = re.compile(r"^(?:the|a|an|his|her|its) ", re.IGNORECASE)


def short_gloss(gloss: str) -> str:
    """A lexicon gloss cut down to a figure label.

    Bracketed remarks go, then everything after the first " / " alternative and after
    the first comma (a person's role, an outlet's description: the Arabic already names
    them, and a tick label has no room for them).

    Examples
    --------
    >>> short_gloss("the Kremlin (Russian presidency)")
    'the Kremlin'
    >>> short_gloss("Sergey Lavrov, Foreign Minister")
    'Sergey Lavrov'
    >>> short_gloss("the justice minister / attorney general")
    'the justice minister'
    """
    text = _REMARK.sub("", gloss)
    text = text.split(" / ")[0].split(",")[0]
    return " ".join(text.split()).strip(" ;") or gloss.strip()


def _bare(gloss: str) -> str:
    """A gloss without its leading article or possessive: "the foreign minister" → "foreign minister"."""
    return _ARTICLE.sub("", short_gloss(gloss))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def readable_id(actor_id: str, lexicon_dir: Path = LEXICON_DIR) -> str:
    """The last-resort label of an id with no name anywhere: its words, a country code
    of the office ids (``nisba.csv`` prefixes) in capitals.

    Examples
    --------
    >>> readable_id("us_foreign_ministry")
    'US foreign ministry'
    >>> readable_id("ru_trade_office")
    'RU trade office'
    >>> readable_id("no_such_actor")
    'No such actor'
    """
    words = [w for w in str(actor_id).split("_") if w]
    if words and words[0] in _office_prefixes(lexicon_dir):
        words[0] = words[0].upper()
    return _capitalised(" ".join(words)) or str(actor_id)


@lru_cache(maxsize=4)
def _office_prefixes(lexicon_dir: Path = LEXICON_DIR) -> frozenset[str]:
    return frozenset(r["prefix"] for r in _lexicon_rows(lexicon_dir, "nisba.csv", ("prefix",)))


# -- Arabic and English names of every actor id -----------------------------------------------
#: Conventional English names of offices whose literal gloss misleads an English reader
#: (the grammar builds ``us_foreign_ministry`` from وزارة الخارجية + الأمريكية).
ENGLISH_OFFICE_NAMES: dict[str, str] = {
    "us_foreign_ministry": "US State Department",
    "us_foreign_minister": "US Secretary of State",
    "us_defense_ministry": "US Department of Defense",
    "us_defense_minister": "US Secretary of Defense",
    "us_justice_ministry": "US Justice Department",
    "us_justice_minister": "US Attorney General",
    "us_treasury_ministry": "US Treasury",
    "us_finance_ministry": "US Treasury",
    "us_interior_ministry": "US Department of the Interior",
    "uk_foreign_ministry": "UK Foreign Office",
}

#: Display names of cues that are not words. The headline colon («لافروف: …») does the
#: work of a reporting verb (CODEBOOK); a bare ":" in a figure reads as punctuation.
CUE_NAMES: dict[str, tuple[str, str]] = {
    ":": ("نقطتا العنوان", "headline colon"),
}

_FEMININE_ENDINGS = ("ة", "ات")  # a head noun in -a or a plural in -at takes the feminine
_DEFINITE = "ال"


def _is_feminine(title: str) -> bool:
    return title.split()[0].endswith(_FEMININE_ENDINGS)


def _office_names(titles: list[dict[str, str]]) -> tuple[dict, dict]:
    """Per office: (Arabic title, English gloss) of its first definite title, and of its
    first ``of`` title (المتحدث باسم)."""
    plain: dict[str, tuple[str, str]] = {}
    of_form: dict[str, tuple[str, str]] = {}
    for row in titles:
        office, title, form = row["office"], row["title"], row["form"]
        if not office or not title:
            continue
        if form == "of":
            of_form.setdefault(office, (title, office.replace("_", " ")))
        elif form in ("office", "counterpart"):
            definite = title.split()[-1].startswith(_DEFINITE) or form == "counterpart"
            if definite and office not in plain:
                plain[office] = (title, _bare(row["gloss"]) or office.replace("_", " "))
    return plain, of_form


def _nisba_names(nisba: list[dict[str, str]]) -> dict[str, tuple[str, str, str]]:
    """Per office-id prefix: definite masculine and feminine adjective, English gloss."""
    forms: dict[str, dict[str, str]] = {}
    for row in nisba:
        adjective, prefix = row["adjective"], row["prefix"]
        entry = forms.setdefault(prefix, {"gloss": row["gloss"]})
        if not adjective.startswith(_DEFINITE) or adjective.endswith(("ان", "ين", "ون")):
            continue
        gender = "f" if adjective.endswith("ة") else "m"
        entry.setdefault(gender, adjective)
    return {prefix: (f["m"], f.get("f", f["m"]), f["gloss"])
            for prefix, f in forms.items() if "m" in f}


def _with_nisba(title: str, office_en: str, nisba: tuple[str, str, str]) -> tuple[str, str]:
    """"وزارة الخارجية" + روسي → "وزارة الخارجية الروسية"; English "Russian foreign ministry"."""
    masculine, feminine, gloss = nisba
    arabic = f"{title} {feminine if _is_feminine(title) else masculine}"
    alternatives = [a.strip() for a in _REMARK.sub("", gloss).split(" / ")]
    of_phrase = next((a for a in alternatives if a.startswith("of ")), None)
    english = f"{office_en} {of_phrase}" if of_phrase else f"{alternatives[0]} {office_en}"
    return arabic, _capitalised(english)


def _anonymous_names(rows: list[dict[str, str]], unidentified: str) -> dict:
    """Per anonymous id: its first head, with "مجهول" when the head is singular."""
    out: dict[str, tuple[str, str]] = {}
    for row in rows:
        actor_id = row["actor_id"]
        if not actor_id or row["kind"] == "qualifier" or actor_id in out:
            continue
        singular = re.match(r"^an? ", row["gloss"]) is not None
        english = _bare(row["gloss"])
        if singular and unidentified:
            out[actor_id] = (f"{row['pattern']} {unidentified}", f"anonymous {english}")
        else:
            out[actor_id] = (row["pattern"], f"unnamed {english}")
    return out


@lru_cache(maxsize=4)
def lexicon_glosses(lexicon_dir: Path = LEXICON_DIR) -> dict[str, dict[str, tuple[str, str]]]:
    """Arabic display names and English glosses of every actor id and of the cues.

    Actors cover every id the extraction can produce:

    * named actors and media (``actors.csv``, ``media.csv``): the first alias and the
      gloss;
    * anonymous sources (``anonymous.csv``): the first head, with the "unidentified"
      qualifier when singular (``anonymous_source`` → "مصدر مجهول");
    * office ids ``<prefix>_<office>`` (``titles.csv`` × ``nisba.csv``): the definite
      title with the adjective agreeing in gender (``ru_foreign_ministry`` →
      "وزارة الخارجية الروسية", "Russian foreign ministry");
    * ``<id>_<office>`` for titles of the form "of" (``kremlin_spokesperson`` →
      "المتحدث باسم الكرملين", "Spokesperson of the Kremlin"), for every id above;
    * the side values ``author``, ``unknown`` and ``other``.

    Cues are keyed by their Arabic form (plus :data:`CUE_NAMES`). Lexicon files that
    are not there give no entries.

    Parameters
    ----------
    lexicon_dir : Path
        Folder holding the lexicon CSV files.

    Returns
    -------
    dict
        ``{"actor": {actor_id: (arabic, english)}, "cue": {cue: (arabic, english)}}``;
        English glosses are the lexicon's full text (see :func:`short_gloss`).

    Examples
    --------
    >>> glosses = lexicon_glosses()["actor"]
    >>> glosses["anonymous_source"]
    ('مصدر مجهول', 'anonymous source')
    >>> glosses["ru_foreign_minister"]
    ('وزير الخارجية الروسي', 'Russian foreign minister')
    >>> glosses["us_foreign_ministry_spokesperson"][0]
    'المتحدث باسم وزارة الخارجية الأمريكية'
    """
    actors: dict[str, tuple[str, str]] = {}
    for name in ("actors.csv", "media.csv"):
        for row in _lexicon_rows(lexicon_dir, name, ("actor_id", "alias", "gloss")):
            if row["actor_id"] and has_arabic(row["alias"]) and row["actor_id"] not in actors:
                actors[row["actor_id"]] = (row["alias"], row["gloss"] or row["alias"])
    named = set(actors)
    anonymous = _lexicon_rows(lexicon_dir, "anonymous.csv", ("pattern", "kind", "actor_id", "gloss"))
    unidentified = next((r["pattern"] for r in anonymous
                         if r["kind"] == "qualifier" and r["gloss"] == "unidentified"), "")
    actors.update({k: v for k, v in _anonymous_names(anonymous, unidentified).items()
                   if k not in actors})
    plain, of_form = _office_names(
        _lexicon_rows(lexicon_dir, "titles.csv", ("title", "office", "form", "gloss")))
    nisba = _nisba_names(
        _lexicon_rows(lexicon_dir, "nisba.csv", ("adjective", "prefix", "gloss")))
    for prefix, adjectives in nisba.items():
        for office, (title, office_en) in plain.items():
            actors.setdefault(f"{prefix}_{office}", _with_nisba(title, office_en, adjectives))
    for side in ("author", "unknown", "other"):
        actors.setdefault(side, GLOSSARY["side"][side])
    of_names: dict[str, tuple[str, str]] = {}
    for inner, (arabic, english) in actors.items():
        if not has_arabic(arabic):
            continue
        inner_en = short_gloss(english)
        if not _ARTICLE.match(inner_en) and "_" in inner and inner not in GLOSSARY["side"]:
            inner_en = f"the {inner_en}"  # a derived office: "the Russian foreign ministry"
        for office, (title, office_en) in of_form.items():
            of_names[f"{inner}_{office}"] = (f"{title} {arabic}",
                                             _capitalised(f"{office_en} of {inner_en}"))
    for key, value in of_names.items():
        # "المتحدث باسم الأمم المتحدة" reads better than the nisba "المتحدث الأممي" for
        # un_spokesperson, an id both rules can build; a named actor's id always wins.
        if key not in named:
            actors[key] = value

    cues: dict[str, tuple[str, str]] = dict(CUE_NAMES)
    path = Path(lexicon_dir) / "cues.csv"
    if path.is_file():
        frame = _read_lexicon_csv(path)
        arabic_col = _first_column(frame, _ARABIC_COLUMNS)
        gloss_col = _first_column(frame, _GLOSS_COLUMNS)
        if arabic_col is not None:
            for row in frame.to_dict("records"):
                arabic = (row[arabic_col] or "").strip()
                english = (row.get(gloss_col) or "").strip() if gloss_col else ""
                if arabic and arabic not in cues:
                    cues[arabic] = (arabic, english or arabic)
    return {"actor": actors, "cue": cues}


def actor_name(actor_id: str, lexicon_dir: Path = LEXICON_DIR) -> tuple[str, str]:
    """(Arabic, English) figure label of an actor id; never the raw snake_case id.

    The English is the lexicon gloss cut short (:func:`short_gloss`: a person's name
    without the role, an institution without its description). An id that no lexicon explains gets :func:`readable_id` in both
    languages.

    Examples
    --------
    >>> actor_name("lavrov")
    ('سيرغي لافروف', 'Sergey Lavrov')
    >>> actor_name("kremlin_spokesperson")
    ('المتحدث باسم الكرملين', 'Spokesperson of the Kremlin')
    >>> actor_name("ru_trade_office")
    ('RU trade office', 'RU trade office')
    >>> actor_name("us_foreign_ministry")
    ('وزارة الخارجية الأمريكية', 'US State Department')
    """
    found = lexicon_glosses(lexicon_dir)["actor"].get(str(actor_id))
    if found is None:
        words = ENGLISH_OFFICE_NAMES.get(str(actor_id)) or readable_id(actor_id, lexicon_dir)
        return words, words
    arabic, english = found
    return arabic, ENGLISH_OFFICE_NAMES.get(str(actor_id), short_gloss(english))


def drawable_labels(lexicon_dir: Path = LEXICON_DIR) -> list[str]:
    """Every Arabic label the figures can draw: built-in names plus lexicon forms.

    Includes the derived actor names (offices with their nisba, spokespersons,
    anonymous sources) and the cue names, so that the rendering tests check them and a
    lexicon added later is checked automatically.

    Examples
    --------
    >>> labels = drawable_labels()
    >>> "روسيا" in labels and "المتحدث باسم الكرملين" in labels
    True
    """
    found: dict[str, None] = {}
    for section in GLOSSARY.values():
        for arabic, _ in section.values():
            found[arabic] = None
    found[_pair_label("russia", "us", "ar")] = None
    found[_pair_label("us", "russia", "ar")] = None
    glosses = lexicon_glosses(lexicon_dir)
    for table in (glosses["actor"], glosses["cue"]):
        for arabic, _ in table.values():
            if has_arabic(arabic):
                found[arabic.strip()] = None
    for name in _LABEL_LEXICONS:
        path = Path(lexicon_dir) / name
        if not path.is_file():
            continue
        frame = _read_lexicon_csv(path)
        for column in _ARABIC_COLUMNS:
            if column in frame.columns:
                for value in frame[column]:
                    if value and has_arabic(value):
                        found[value.strip()] = None
    return list(found)


def _show(text: str) -> str:
    """The one place where a label meets matplotlib."""
    return arabic_label(str(text))


def _font(text_artist) -> None:
    text_artist.set_fontfamily(FONT_FAMILIES)


def _finish(ax: Axes) -> Axes:
    """Force the house font on every text of the Axes, even on a foreign Axes."""
    for artist in [ax.title, ax.xaxis.label, ax.yaxis.label,
                   *ax.get_xticklabels(), *ax.get_yticklabels(), *ax.texts]:
        _font(artist)
    legend = ax.get_legend()
    if legend is not None:
        for artist in [*legend.get_texts(), legend.get_title()]:
            _font(artist)
    return ax


def _styled(plot):
    """Run a plot function inside the house style (font registered, sizes, fonttypes)."""

    @functools.wraps(plot)
    def wrapper(*args, **kwargs):
        with style_context():
            return plot(*args, **kwargs)

    return wrapper


def _legend_below(ax: Axes, ncols: int) -> None:
    """A legend centred under the x-axis label, however many lines that label has."""
    ax.figure.draw_without_rendering()
    inverse = ax.transAxes.inverted()
    boxes = [ax.xaxis.label.get_window_extent(), *(t.get_window_extent()
                                                  for t in ax.get_xticklabels() if t.get_text())]
    lowest = min(inverse.transform((0, box.y0))[1] for box in boxes if box.height > 0) \
        if any(box.height > 0 for box in boxes) else 0.0
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, lowest - 0.04), ncols=ncols)


def _new_axes(ax: Axes | None, width: float = COLUMN_WIDTH, height: float = 2.4) -> Axes:
    if ax is not None:
        return ax
    with style_context():
        fig = Figure(figsize=(width, height))
        return fig.add_subplot()


# -- tidy helpers ---------------------------------------------------------------------
def group_sides(values: pd.Series, sides: Sequence[str] = schema.SIDES_OF_INTEREST) -> pd.Series:
    """Keep the sides asked for and put every other side (and missing ones) in ``other``.

    Examples
    --------
    >>> group_sides(pd.Series(["russia", "un", None])).tolist()
    ['russia', 'other', 'other']
    """
    keep = set(sides)
    text = values.astype("string")
    return text.where(text.isin(keep), "other").fillna("other").astype("string")


def _side_order(present: Iterable[str], sides: Sequence[str]) -> list[str]:
    present = set(present)
    order = [s for s in sides if s in present]
    return order + (["other"] if "other" in present and "other" not in sides else [])


def _side_color(side: str, index: int = 0) -> str:
    return SIDE_COLORS.get(side, _EXTRA_COLORS[index % len(_EXTRA_COLORS)])


def _require(frame: pd.DataFrame, columns: Sequence[str], table: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{table} must be a pandas DataFrame, got {type(frame).__name__}")
    schema.check_columns(frame, list(columns), table)


def _words(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce").fillna(0).astype("int64")


# -- share of voice ---------------------------------------------------------------------
def build_share_of_voice_table(
    attributions: pd.DataFrame, sides: Sequence[str] = schema.SIDES_OF_INTEREST
) -> pd.DataFrame:
    """Attributions and quoted words (sum of ``content_words``) per side, with shares.

    Returns
    -------
    DataFrame
        Columns ``measure`` (attributions / quoted_words), ``side``, ``count``,
        ``share`` (percent within the measure).
    """
    _require(attributions, ["source_side", "content_words"], "attributions")
    frame = pd.DataFrame({
        "side": group_sides(attributions["source_side"], sides),
        "words": _words(attributions["content_words"]),
    })
    order = _side_order(frame["side"], sides) or list(sides)
    rows = []
    for measure, values in (("attributions", frame.groupby("side").size()),
                            ("quoted_words", frame.groupby("side")["words"].sum())):
        values = values.reindex(order, fill_value=0)
        total = values.sum()
        for side, count in values.items():
            share = 100.0 * count / total if total else 0.0
            rows.append({"measure": measure, "side": side, "count": int(count),
                         "share": round(share, 2)})
    return pd.DataFrame(rows).astype({"measure": "string", "side": "string"})


def _stacked_bars(ax: Axes, table: pd.DataFrame, row_col: str, part_col: str,
                  rows: list[str], parts: list[str], colors: dict[str, str],
                  row_labels: dict[str, str], part_labels: dict[str, str]) -> None:
    """Horizontal 100 % bars, one per row, annotated with the count of every segment."""
    for y, row in enumerate(rows):
        left = 0.0
        sub = table[table[row_col] == row].set_index(part_col)
        for part in parts:
            if part not in sub.index:
                continue
            share, count = float(sub.at[part, "share"]), int(sub.at[part, "count"])
            label = _show(part_labels[part]) if y == 0 else None
            ax.barh(y, share, left=left, color=colors[part], label=label, height=0.6,
                    edgecolor="white", linewidth=0.5)
            if count:
                dark = colors[part].upper() in ("#000000", "#0072B2", "#D55E00")
                ax.text(left + share / 2, y, str(count), ha="center", va="center",
                        fontsize=6, color="white" if dark else "black")
            left += share
    ax.set_yticks(range(len(rows)), [_show(row_labels[r]) for r in rows])
    ax.set_xlim(0, 100)
    ax.invert_yaxis()


@_styled
def plot_share_of_voice(
    attributions: pd.DataFrame,
    *,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
) -> Axes:
    """Share of voice by side: attributions and quoted words as 100 % bars.

    Each segment carries its raw count so that thin data stays visible.

    Parameters
    ----------
    attributions : DataFrame
        The attributions table (needs ``source_side`` and ``content_words``).
    sides : sequence of str
        Sides kept apart; the rest is grouped as ``other``.
    ax : Axes, optional
        Where to draw; a new single-column figure by default.
    labels : {"ar", "en", "both"}

    Returns
    -------
    Axes
    """
    _check_labels(labels)
    table = build_share_of_voice_table(attributions, sides)
    ax = _new_axes(ax, height=1.6)
    side_order = list(dict.fromkeys(table["side"]))
    _stacked_bars(
        ax, table, "measure", "side", ["attributions", "quoted_words"], side_order,
        {s: _side_color(s, i) for i, s in enumerate(side_order)},
        {m: label_for("text", m, labels) for m in ("attributions", "quoted_words")},
        {s: label_for("side", s, labels) for s in side_order},
    )
    ax.set_xlabel(_show(label_for("text", "share", labels)))
    ax.set_title(_show(label_for("text", "share_of_voice", labels)))
    _legend_below(ax, ncols=len(side_order))
    return _finish(ax)


# -- cue categories -----------------------------------------------------------------------
def build_cue_category_table(
    attributions: pd.DataFrame,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    top_cues: int = 3,
) -> pd.DataFrame:
    """Attributions per cue category and side, with the share within each side.

    Returns
    -------
    DataFrame
        ``cue_category``, ``side``, ``count``, ``share`` (percent of the side's
        attributions) and ``cues`` (the side's most frequent cue lemmas in that category,
        joined by the Arabic comma, most frequent first).
    """
    _require(attributions, ["source_side", "cue_category"], "attributions")
    cue_col = "cue_lemma" if "cue_lemma" in attributions.columns else "cue"
    frame = pd.DataFrame({
        "side": group_sides(attributions["source_side"], sides),
        "cue_category": attributions["cue_category"].astype("string").fillna("unknown"),
        "cue": attributions[cue_col].astype("string") if cue_col in attributions.columns
        else pd.Series(pd.NA, index=attributions.index, dtype="string"),
    })
    known = [c for c in schema.CUE_CATEGORIES if c in set(frame["cue_category"])]
    extra = sorted(set(frame["cue_category"]) - set(schema.CUE_CATEGORIES))
    rows = []
    for side in _side_order(frame["side"], sides):
        of_side = frame[frame["side"] == side]
        for category in known + extra:
            hits = of_side[of_side["cue_category"] == category]
            counts = hits["cue"].dropna().value_counts()
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top_cues]
            rows.append({
                "cue_category": category, "side": side, "count": len(hits),
                "share": round(100.0 * len(hits) / len(of_side), 2) if len(of_side) else 0.0,
                "cues": "، ".join(cue for cue, _ in ranked),
            })
    columns = ["cue_category", "side", "count", "share", "cues"]
    return pd.DataFrame(rows, columns=columns).astype(
        {"cue_category": "string", "side": "string", "cues": "string"})


def _grouped_bars(ax: Axes, table: pd.DataFrame, row_col: str, rows: list[str],
                  groups: list[str], value: str, labels: LabelLanguage) -> None:
    """Horizontal bars: one row per category, one bar per side, count at the bar end."""
    height = 0.8 / max(len(groups), 1)
    for i, side in enumerate(groups):
        sub = table[table["side"] == side].set_index(row_col)
        values = [float(sub.at[r, value]) if r in sub.index else 0.0 for r in rows]
        counts = [int(sub.at[r, "count"]) if r in sub.index else 0 for r in rows]
        ys = np.arange(len(rows)) + (i - (len(groups) - 1) / 2) * height
        ax.barh(ys, values, height=height, color=_side_color(side, i),
                label=_show(label_for("side", side, labels)))
        for y, v, n in zip(ys, values, counts):
            if n:
                ax.text(v, y, f" {n}", va="center", ha="left", fontsize=5.5)
    ax.invert_yaxis()


@_styled
def plot_cue_categories(
    attributions: pd.DataFrame,
    *,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    show_cues: bool = False,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
) -> Axes:
    """Reporting-cue categories by side (share of each side's attributions).

    Bars show percentages; the number at the end of each bar is the count.

    Parameters
    ----------
    attributions : DataFrame
        Needs ``source_side``, ``cue_category`` (and ``cue_lemma`` for ``show_cues``).
    show_cues : bool
        Append the most frequent Arabic cue words to each category name.
    sides, ax, labels
        As in :func:`plot_share_of_voice`.

    Returns
    -------
    Axes
    """
    _check_labels(labels)
    table = build_cue_category_table(attributions, sides)
    categories = list(dict.fromkeys(table["cue_category"]))
    groups = list(dict.fromkeys(table["side"]))
    ax = _new_axes(ax, height=0.4 + 0.28 * max(len(categories), 2))
    _grouped_bars(ax, table, "cue_category", categories, groups, "share", labels)
    names = []
    for category in categories:
        cues = []
        if show_cues:
            cues = list(dict.fromkeys(
                c for cell in table.loc[table["cue_category"] == category, "cues"]
                for c in str(cell).split("، ") if c))
        names.append(_show(_category_with_cues(category, cues, labels)))
    ax.set_yticks(range(len(categories)), names)
    ax.set_xlabel(_show(label_for("text", "share", labels)))
    ax.set_title(_show(label_for("text", "cue_categories", labels)))
    _legend_below(ax, ncols=len(groups))
    return _finish(ax)


def _category_with_cues(category: str, cues: Sequence[str], labels: LabelLanguage) -> str:
    """"محايد: قال، ذكر، نقطتا العنوان": the category, then its cues in Arabic (a cue
    that is no word, such as the headline colon, by its name; in English for
    ``labels="en"``)."""
    name_ar = label_for("cue_category", category, "ar")
    name_en = label_for("cue_category", category, "en")
    if not cues:
        return _combine(name_ar, name_en, labels)
    shown = [label_for("cue", c, "en" if labels == "en" else "ar") if c in CUE_NAMES else c
             for c in cues]
    return f"{_combine(name_ar, name_en, labels)}: {'، '.join(shown)}"


# -- source types ---------------------------------------------------------------------------
def build_source_type_table(
    attributions: pd.DataFrame, sides: Sequence[str] = schema.SIDES_OF_INTEREST
) -> pd.DataFrame:
    """Attributions per side and source type, with the share within each side.

    Returns
    -------
    DataFrame
        ``side``, ``source_type``, ``count``, ``share``.
    """
    _require(attributions, ["source_side", "source_type"], "attributions")
    frame = pd.DataFrame({
        "side": group_sides(attributions["source_side"], sides),
        "source_type": attributions["source_type"].astype("string").fillna("unknown"),
    })
    types = [t for t in schema.SOURCE_TYPES if t in set(frame["source_type"])]
    types += sorted(set(frame["source_type"]) - set(schema.SOURCE_TYPES))
    rows = []
    for side in _side_order(frame["side"], sides):
        of_side = frame[frame["side"] == side]
        for source_type in types:
            count = int((of_side["source_type"] == source_type).sum())
            rows.append({"side": side, "source_type": source_type, "count": count,
                         "share": round(100.0 * count / len(of_side), 2)})
    return pd.DataFrame(rows, columns=["side", "source_type", "count", "share"]).astype(
        {"side": "string", "source_type": "string"})


@_styled
def plot_source_types(
    attributions: pd.DataFrame,
    *,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
) -> Axes:
    """Who speaks for each side: person, institution, anonymous, media or document.

    One 100 % bar per side, segments by source type, each annotated with its count.

    Returns
    -------
    Axes
    """
    _check_labels(labels)
    table = build_source_type_table(attributions, sides)
    side_order = list(dict.fromkeys(table["side"]))
    types = list(dict.fromkeys(table["source_type"]))
    ax = _new_axes(ax, height=0.9 + 0.3 * len(side_order))
    _stacked_bars(
        ax, table, "side", "source_type", side_order, types,
        {t: CATEGORY_COLORS.get(t, "#BBBBBB") for t in types},
        {s: label_for("side", s, labels) for s in side_order},
        {t: label_for("source_type", t, labels) for t in types},
    )
    ax.set_xlabel(_show(label_for("text", "share", labels)))
    ax.set_title(_show(label_for("text", "source_types", labels)))
    _legend_below(ax, ncols=3)
    return _finish(ax)


# -- top sources -------------------------------------------------------------------------
def build_top_sources_table(
    attributions: pd.DataFrame, n: int = 8, sides: Sequence[str] = schema.SIDES_OF_INTEREST
) -> pd.DataFrame:
    """The ``n`` sources quoted most often, with their side and quoted words.

    Returns
    -------
    DataFrame
        ``source_actor_id``, ``side``, ``count``, ``quoted_words``; most frequent first,
        ties broken by actor id.
    """
    _require(attributions, ["source_actor_id", "source_side", "content_words"], "attributions")
    frame = pd.DataFrame({
        "source_actor_id": attributions["source_actor_id"].astype("string").fillna("unknown"),
        "side": group_sides(attributions["source_side"], sides),
        "words": _words(attributions["content_words"]),
    })
    grouped = frame.groupby(["source_actor_id", "side"], as_index=False).agg(
        count=("words", "size"), quoted_words=("words", "sum"))
    grouped = grouped.sort_values(["count", "source_actor_id"], ascending=[False, True])
    return grouped.head(n).reset_index(drop=True)


@_styled
def plot_top_sources(
    attributions: pd.DataFrame,
    *,
    n: int = 8,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
) -> Axes:
    """The most frequently attributed sources, coloured by side, named from the lexicon.

    Returns
    -------
    Axes
    """
    _check_labels(labels)
    table = build_top_sources_table(attributions, n, sides)
    ax = _new_axes(ax, height=0.5 + 0.25 * max(len(table), 2))
    ys = np.arange(len(table))
    colors = [_side_color(s) for s in table["side"]]
    ax.barh(ys, table["count"], color=colors, height=0.7)
    for y, count, words in zip(ys, table["count"], table["quoted_words"]):
        ax.text(count, y, f" {count} ({words})", va="center", fontsize=5.5)
    ax.set_yticks(ys, [_show(label_for("actor", a, labels)) for a in table["source_actor_id"]])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.invert_yaxis()
    ax.set_xlabel(_show(label_for("text", "attributions", labels)))
    ax.set_title(_show(label_for("text", "top_sources", labels)))
    return _finish(ax)


# -- stance -------------------------------------------------------------------------------
def _pair_label(holder: str, target: str, labels: LabelLanguage) -> str:
    """"holder → target" written so that the arrow points from holder to target."""
    if labels == "en":
        return f"{label_for('side', holder, 'en')} → {label_for('side', target, 'en')}"
    arabic = f"{label_for('side', holder, 'ar')} ← {label_for('side', target, 'ar')}"
    if labels == "ar":
        return arabic
    return f"{arabic} ({label_for('side', holder, 'en')} → {label_for('side', target, 'en')})"


def build_stance_table(
    stance: pd.DataFrame, sides: Sequence[str] = schema.SIDES_OF_INTEREST
) -> pd.DataFrame:
    """Stance units per holder side → target side and kind (negative kinds counted < 0).

    ``author`` stays a holder of its own. Rows are sorted by holder, target, kind.

    Returns
    -------
    DataFrame
        ``holder_side``, ``target_side``, ``kind``, ``polarity``, ``count`` and
        ``signed_count`` (negative for negative polarity).
    """
    _require(stance, ["holder_side", "target_side", "kind", "polarity"], "stance")
    holder = stance["holder_side"].astype("string")
    frame = pd.DataFrame({
        "holder_side": group_sides(holder, [*sides, "author"]),
        "target_side": group_sides(stance["target_side"], sides),
        "kind": stance["kind"].astype("string"),
        "polarity": stance["polarity"].astype("string"),
    })
    table = frame.groupby(["holder_side", "target_side", "kind", "polarity"],
                          as_index=False).size().rename(columns={"size": "count"})
    side_rank = {s: i for i, s in enumerate([*sides, "author", "other"])}
    kind_rank = {k: i for i, k in enumerate(schema.STANCE_KINDS)}
    table = table.assign(
        _h=table["holder_side"].map(side_rank).fillna(99),
        _t=table["target_side"].map(side_rank).fillna(99),
        _k=table["kind"].map(kind_rank).fillna(99),
    ).sort_values(["_h", "_t", "_k", "kind"]).drop(columns=["_h", "_t", "_k"])
    table = table.reset_index(drop=True)
    table["count"] = table["count"].astype("int64")
    table["signed_count"] = np.where(table["polarity"] == "negative", -table["count"],
                                     table["count"])
    return table


@_styled
def plot_stance(
    stance: pd.DataFrame,
    *,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
) -> Axes:
    """Who evaluates whom: diverging stacked bars per holder → target pair.

    Negative kinds (blame, criticism, threat, denial) extend to the left of zero,
    positive ones (praise, cooperation) to the right; each segment shows its count.

    Returns
    -------
    Axes
    """
    _check_labels(labels)
    table = build_stance_table(stance, sides)
    pairs = list(dict.fromkeys(zip(table["holder_side"], table["target_side"])))
    ax = _new_axes(ax, height=0.9 + 0.3 * max(len(pairs), 2))
    seen: set[str] = set()
    for y, (holder, target) in enumerate(pairs):
        sub = table[(table["holder_side"] == holder) & (table["target_side"] == target)]
        left_neg, left_pos = 0.0, 0.0
        for kind in [*_NEGATIVE_KINDS, *_POSITIVE_KINDS]:
            for polarity, count in sub.loc[sub["kind"] == kind, ["polarity", "count"]].itertuples(
                    index=False):
                width = -count if polarity == "negative" else count
                start = left_neg if width < 0 else left_pos
                label = _show(label_for("stance_kind", kind, labels)) if kind not in seen else None
                seen.add(kind)
                ax.barh(y, width, left=start, color=CATEGORY_COLORS.get(kind, "#BBBBBB"),
                        height=0.6, edgecolor="white", linewidth=0.5, label=label)
                dark = kind in ("blame", "threat")
                ax.text(start + width / 2, y, str(count), ha="center", va="center",
                        fontsize=6, color="white" if dark else "black")
                if width < 0:
                    left_neg += width
                else:
                    left_pos += width
    ax.axvline(0, color="black", linewidth=0.6)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{abs(value):g}"))
    ax.set_yticks(range(len(pairs)), [_show(_pair_label(h, t, labels)) for h, t in pairs])
    ax.invert_yaxis()
    ax.set_xlabel(_show(label_for("text", "stance_count", labels)))
    ax.set_title(_show(label_for("text", "stance", labels)))
    if seen:
        _legend_below(ax, ncols=3)
    return _finish(ax)


# -- article strip ------------------------------------------------------------------------
def _sentence_keys(sentences: pd.DataFrame) -> pd.DataFrame:
    """Order of sentences within each article (title first, then body by offset)."""
    frame = sentences[["article_id", "sent_id", "part", "start"]].copy()
    frame["is_title"] = frame["part"].astype("string") != "title"
    frame = frame.sort_values(["article_id", "is_title", "start", "sent_id"])
    frame["position"] = frame.groupby("article_id").cumcount()
    frame["n_sentences"] = frame.groupby("article_id")["sent_id"].transform("size")
    return frame[["article_id", "sent_id", "position", "n_sentences"]]


def build_strip_table(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    attributions: pd.DataFrame,
    stance: pd.DataFrame,
    *,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    bins: int | None = None,
) -> pd.DataFrame:
    """Per sentence (or per position bin) and side: mentions, attributions, stance.

    Parameters
    ----------
    bins : int, optional
        ``None`` for one article (x = sentence number, starting at 1 with the title);
        an integer to pool a corpus into that many equal slices of relative position.

    Returns
    -------
    DataFrame
        ``x``, ``side``, ``track`` (mentioned / speaks / holds_stance), ``count``,
        ``direct`` (attributions in direct or mixed mode), ``negative``, ``positive``.
    """
    _require(sentences, ["article_id", "sent_id", "part", "start"], "sentences")
    _require(mentions, ["article_id", "sent_id", "side"], "mentions")
    _require(attributions, ["article_id", "sent_id", "source_side", "mode"], "attributions")
    _require(stance, ["article_id", "sent_id", "holder_side", "polarity"], "stance")
    keys = _sentence_keys(sentences)
    if bins is None and keys["article_id"].nunique() > 1:
        raise ValueError(
            "build_strip_table got several articles with bins=None: pass article_id to "
            "plot_article_strip for one article, or bins=10 to pool a corpus by position.")

    def located(frame: pd.DataFrame, side_col: str, track: str) -> pd.DataFrame:
        merged = frame.merge(keys, on=["article_id", "sent_id"], how="left")
        lost = merged["position"].isna()
        if lost.any():
            bad = merged.loc[lost, ["article_id", "sent_id"]].iloc[0].to_dict()
            raise ValueError(f"{track}: {int(lost.sum())} rows point at a sentence missing "
                             f"from the sentences table, first {bad}; pass matching tables.")
        if bins is None:
            x = merged["position"].astype("int64") + 1
        else:
            rel = merged["position"].astype(float) / merged["n_sentences"].astype(float)
            x = np.minimum((rel * bins).astype("int64"), bins - 1) + 1
        out = pd.DataFrame({"x": np.asarray(x, dtype="int64"),
                            "side": group_sides(merged[side_col], sides).to_numpy(),
                            "track": track})
        out["direct"] = (merged["mode"].isin(["direct", "mixed"]).to_numpy()
                         if "mode" in merged else False)
        out["negative"] = (merged["polarity"].eq("negative").to_numpy()
                           if "polarity" in merged else False)
        out["positive"] = (merged["polarity"].eq("positive").to_numpy()
                           if "polarity" in merged else False)
        return out

    parts = [located(mentions, "side", "mentioned"),
             located(attributions, "source_side", "speaks"),
             located(stance[stance["holder_side"].astype("string") != "author"],
                     "holder_side", "holds_stance")]
    frame = pd.concat(parts, ignore_index=True)
    table = frame.groupby(["x", "side", "track"], as_index=False).agg(
        count=("direct", "size"), direct=("direct", "sum"),
        negative=("negative", "sum"), positive=("positive", "sum"))
    for col in ("count", "direct", "negative", "positive"):
        table[col] = table[col].fillna(0).astype("int64")
    table = table.astype({"side": "string", "track": "string"})
    return table.sort_values(["x", "side", "track"]).reset_index(drop=True)


@_styled
def plot_article_strip(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    attributions: pd.DataFrame,
    stance: pd.DataFrame,
    *,
    article_id: str | None = None,
    bins: int | None = None,
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
) -> Axes:
    """The article sentence by sentence: who is mentioned, who speaks, who evaluates.

    Three tracks per side. Marker area grows with the count, the largest marker fills
    80 % of the room a sentence has on a track (so no two marks touch, however crowded a
    sentence), and a count above one is written in its marker; a filled square marks a
    sentence where the side is quoted directly, an open one indirect speech; stance
    triangles point down (negative) or up (positive). With Arabic labels the x axis runs
    right to left, as the article is read.

    Parameters
    ----------
    sentences, mentions, attributions, stance : DataFrame
        The pipeline tables (any number of articles).
    article_id : str, optional
        Restrict to one article.
    bins : int, optional
        Pool several articles into this many slices of relative position.

    Returns
    -------
    Axes
    """
    _check_labels(labels)
    if article_id is not None:
        tables = [t[t["article_id"] == article_id] for t in (sentences, mentions,
                                                              attributions, stance)]
        if tables[0].empty:
            raise ValueError(f"article_id {article_id!r} is not in the sentences table")
        sentences, mentions, attributions, stance = tables
    table = build_strip_table(sentences, mentions, attributions, stance, sides=sides, bins=bins)
    side_order = _side_order(set(table["side"]) | set(sides), sides)
    tracks = ["mentioned", "speaks", "holds_stance"]
    rows = [(side, track) for side in side_order for track in tracks]
    ax = _new_axes(ax, width=DOUBLE_COLUMN_WIDTH, height=0.5 + 0.22 * len(rows))
    names = [_join([("side", s), ("text", t)], labels) for s, t in rows]
    ax.set_yticks(range(len(rows)), [_show(n) for n in names])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    n_x = bins if bins is not None else int(_sentence_keys(sentences)["n_sentences"].max())
    ax.set_xlim(0.5, n_x + 0.5)
    step = max(1, n_x // 20)
    ax.set_xticks(range(1, n_x + 1, step))
    if labels == "ar":
        ax.invert_xaxis()
    ax.set_xlabel(_show(label_for("text", "sentence" if bins is None else "position", labels)))
    largest = _marker_room(ax, len(rows), n_x)
    most = max(float(table["count"].max()) if len(table) else 1.0, 1.0)
    for y, (side, track) in enumerate(rows):
        sub = table[(table["side"] == side) & (table["track"] == track)]
        _strip_marks(ax, sub, y, track, _side_color(side), largest, most)
    ax.set_title(_show(label_for("text", "strip", labels)))
    ax.grid(axis="x", linewidth=0.3, alpha=0.5)
    return _finish(ax)


#: Largest strip marker as a share of the room one sentence has on one track.
_MARKER_FILL = 0.8
#: Smallest strip marker as a share of the largest, so that a count of one stays visible.
_MARKER_FLOOR = 0.35
#: Markers at least this wide (points) hold their count; smaller ones have it beside them.
_COUNT_INSIDE_PT = 8.0


def _marker_room(ax: Axes, n_rows: int, n_x: int) -> float:
    """Diameter (points) of the largest strip marker: it never reaches a neighbour."""
    ax.figure.draw_without_rendering()
    box = ax.get_window_extent()
    points = 72.0 / ax.figure.dpi
    return _MARKER_FILL * min(box.height / max(n_rows, 1), box.width / max(n_x, 1)) * points


def _ink(color: str) -> str:
    """Black or white, whichever reads on ``color``."""
    r, g, b = mpl.colors.to_rgb(color)
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.6 else "white"


def _strip_marks(ax: Axes, sub: pd.DataFrame, y: int, track: str, color: str,
                 largest: float, most: float) -> None:
    """One track of the strip: a marker per sentence, area by count, counts written.

    A count above one is written inside its marker, or beside it when the marker is too
    small to hold it; triangles hold it in their wide half.
    """
    for x, count, direct, negative, positive in sub[
            ["x", "count", "direct", "negative", "positive"]].itertuples(index=False):
        diameter = largest * max(_MARKER_FLOOR, (count / most) ** 0.5)
        filled, marker, shift = True, "o", 0.0
        if track == "speaks":
            filled, marker = direct > 0, "s"
        elif track == "holds_stance":
            marker, shift = ("v", 0.18) if negative >= positive else ("^", -0.18)
        face = color if filled else "none"
        ax.scatter([x], [y], s=diameter ** 2, marker=marker, facecolors=face,
                   edgecolors=color, linewidths=0.8)
        if count < 2:
            continue
        if diameter >= _COUNT_INSIDE_PT:
            ax.annotate(str(count), (x, y), xytext=(0, shift * diameter), textcoords="offset points",
                        ha="center", va="center", fontsize=5,
                        color=_ink(color) if filled else color)
        else:
            ax.annotate(str(count), (x, y), xytext=(diameter / 2 + 1, 0),
                        textcoords="offset points", ha="left", va="center", fontsize=5)


# -- outlets × sides -----------------------------------------------------------------------
def build_outlet_side_table(
    articles: pd.DataFrame,
    table: pd.DataFrame,
    *,
    measure: Literal["mentions", "attributions", "quoted_words"] = "attributions",
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
) -> pd.DataFrame:
    """Counts and within-outlet shares of each side, per outlet.

    Parameters
    ----------
    articles : DataFrame
        Needs ``article_id`` and ``outlet``.
    table : DataFrame
        The mentions table (``side``) or the attributions table (``source_side``).
    measure : {"mentions", "attributions", "quoted_words"}
        What to count: rows of ``table`` or the sum of ``content_words``.

    Returns
    -------
    DataFrame
        ``outlet``, ``side``, ``count``, ``outlet_total``, ``share`` (percent).
    """
    _require(articles, ["article_id", "outlet"], "articles")
    side_col = "side" if measure == "mentions" else "source_side"
    needed = ["article_id", side_col] + (["content_words"] if measure == "quoted_words" else [])
    _require(table, needed, "mentions" if measure == "mentions" else "attributions")
    if measure not in ("mentions", "attributions", "quoted_words"):
        raise ValueError(f"measure must be mentions, attributions or quoted_words, got {measure!r}")
    merged = table.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    missing = merged["outlet"].isna()
    if missing.any():
        first = merged.loc[missing, "article_id"].iloc[0]
        raise ValueError(f"{int(missing.sum())} rows belong to articles without an outlet in the "
                         f"articles table (first: {first!r}); add them to articles.")
    weight = _words(merged["content_words"]) if measure == "quoted_words" else 1
    frame = pd.DataFrame({"outlet": merged["outlet"].astype("string"),
                          "side": group_sides(merged[side_col], sides), "w": weight})
    counts = frame.groupby(["outlet", "side"])["w"].sum().unstack(fill_value=0)
    counts = counts.reindex(columns=_side_order(counts.columns, sides), fill_value=0)
    long = counts.stack().rename("count").reset_index()
    long["outlet_total"] = long.groupby("outlet")["count"].transform("sum")
    long["share"] = (100.0 * long["count"] / long["outlet_total"].where(long["outlet_total"] > 0)
                     ).fillna(0.0).round(2)
    long["count"] = long["count"].astype("int64")
    long["outlet_total"] = long["outlet_total"].astype("int64")
    return long.astype({"outlet": "string", "side": "string"})


@_styled
def plot_outlet_sides(
    articles: pd.DataFrame,
    table: pd.DataFrame,
    *,
    measure: Literal["mentions", "attributions", "quoted_words"] = "attributions",
    sides: Sequence[str] = schema.SIDES_OF_INTEREST,
    min_total: int = 20,
    ax: Axes | None = None,
    labels: LabelLanguage = "ar",
) -> Axes:
    """Outlet × side heatmap of within-outlet shares, every cell showing its count.

    Rows whose total is below ``min_total`` are hatched: their shares rest on thin data.

    Returns
    -------
    Axes
    """
    _check_labels(labels)
    long = build_outlet_side_table(articles, table, measure=measure, sides=sides)
    outlets = sorted(dict.fromkeys(long["outlet"]))
    side_order = list(dict.fromkeys(long["side"]))
    shares = long.pivot(index="outlet", columns="side", values="share").reindex(
        index=outlets, columns=side_order).fillna(0.0)
    counts = long.pivot(index="outlet", columns="side", values="count").reindex(
        index=outlets, columns=side_order).fillna(0).astype(int)
    totals = counts.sum(axis=1)
    ax = _new_axes(ax, height=0.7 + 0.3 * max(len(outlets), 2))
    image = ax.imshow(shares.to_numpy(float), cmap="Greys", vmin=0, vmax=100, aspect="auto")
    for i, outlet in enumerate(outlets):
        thin = totals[outlet] < min_total
        for j, side in enumerate(side_order):
            share = shares.at[outlet, side]
            ax.text(j, i, f"{share:.0f}%\n(n={counts.at[outlet, side]})", ha="center",
                    va="center", fontsize=5.5, color="white" if share > 55 else "black")
            if thin:
                ax.add_patch(mpl.patches.Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False,
                                                   hatch="////", edgecolor="#999999",
                                                   linewidth=0))
    ax.set_xticks(range(len(side_order)),
                  [_show(label_for("side", s, labels, wrap=True)) for s in side_order])
    ax.set_yticks(range(len(outlets)), [_show(f"{o} (n={totals[o]})") for o in outlets])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title(_show(_join([("text", "outlets"), ("text", measure)], labels, wrap=True)))
    colorbar = ax.figure.colorbar(image, ax=ax, shrink=0.8)
    colorbar.set_label(_show(label_for("text", "share", labels, wrap=True)))
    _finish(ax)
    _font(colorbar.ax.yaxis.label)
    _fit_xticklabels(ax)
    return ax


def _overlap(texts: Sequence) -> bool:
    """Whether any two of the drawn ``texts`` touch (1 pixel of air required)."""
    boxes = [t.get_window_extent() for t in texts if t.get_visible() and t.get_text()]
    boxes = [b.expanded(1.0, 1.0).padded(0.5) for b in boxes]
    return any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def _fit_xticklabels(ax: Axes, rotations: Sequence[float] = (30.0, 45.0, 90.0)) -> None:
    """Tilt the x tick labels, as little as will do, when they do not fit side by side.

    A tilted label hangs from its tick by its right end, where an Arabic label begins.
    """
    ax.figure.draw_without_rendering()
    labels = ax.get_xticklabels()
    if not _overlap(labels):
        return
    for rotation in rotations:
        for label in labels:
            label.set_rotation(rotation)
            label.set_horizontalalignment("right" if rotation < 90 else "center")
            label.set_rotation_mode("anchor" if rotation < 90 else "default")
        ax.figure.draw_without_rendering()
        if not _overlap(labels):
            return


# -- saving -------------------------------------------------------------------------------
#: Fixed metadata per format, so that a rerun changes no byte (whatever SOURCE_DATE_EPOCH).
SAVE_METADATA: dict[str, dict[str, str | None]] = {
    "pdf": {"Creator": "analysis framing figures", "Producer": None,
            "CreationDate": None, "ModDate": None},
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": "analysis framing figures"},
}
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def _write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to a temporary file beside ``path``, then rename it into place."""
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_figure(
    fig: Figure, name: str, data: pd.DataFrame, out_dir: str | Path = FIGURES_DIR
) -> dict[str, Path]:
    """Write ``name``.pdf, .png, .svg and the .csv of exactly what the figure draws.

    Every file is written to a temporary file in ``out_dir`` and renamed into place, so a
    crash never leaves half a figure. Metadata are fixed (no creation date, fixed
    creator, fixed SVG hash salt), so the same figure gives the same bytes on every run.

    Parameters
    ----------
    fig : Figure
        The figure (``ax.figure`` of any ``plot_*`` result).
    name : str
        File stem: letters, digits, ``_``, ``-`` and ``.``; no folders.
    data : DataFrame
        The numbers drawn, usually the matching ``build_*_table`` result.
    out_dir : path
        Target folder, created when missing.

    Returns
    -------
    dict
        ``{"pdf": Path, "png": Path, "svg": Path, "csv": Path}``

    Examples
    --------
    >>> import pandas as pd, tempfile
    >>> attributions = pd.DataFrame({"source_side": ["us"], "content_words": [3]})
    >>> ax = plot_share_of_voice(attributions)
    >>> paths = save_figure(ax.figure, "sov", build_share_of_voice_table(attributions),
    ...                     tempfile.mkdtemp())
    >>> sorted(paths)
    ['csv', 'pdf', 'png', 'svg']
    """
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise ValueError(f"figure name {name!r} must be a plain file stem such as "
                         "'share_of_voice' (letters, digits, _ - .), without folders")
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"save_figure needs the drawn numbers as a DataFrame, got "
                        f"{type(data).__name__}; pass the matching build_*_table result")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    with style_context():
        for fmt, metadata in SAVE_METADATA.items():
            buffer = io.BytesIO()
            fig.savefig(buffer, format=fmt, metadata=metadata)
            paths[fmt] = out / f"{name}.{fmt}"
            _write_atomic(paths[fmt], buffer.getvalue())
    csv = data.to_csv(index=False, lineterminator="\n")
    paths["csv"] = out / f"{name}.csv"
    _write_atomic(paths["csv"], csv.encode("utf-8"))
    return paths
