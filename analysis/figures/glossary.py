"""What the figures call things: colours, the built-in glossary and lexicon names.

Tables keep plain keys (``russia``, ``denial``, ``ru_foreign_ministry``); this module
turns them into display names in Arabic (``labels="ar"``), English (``"en"``) or both
(``"both"``, Arabic with the English gloss in brackets), and gives every side and
category its colour. Names stay in logical order here: :mod:`analysis.figures.plots`
passes each one through :func:`analysis.figures.labels.arabic_label` at the moment it is
handed to matplotlib, never before.

Examples
--------
>>> label_for("side", "russia", "both")
'روسيا (Russia)'
>>> actor_name("lavrov")
('سيرغي لافروف', 'Sergey Lavrov')
>>> SIDE_COLORS["us"]
'#0072B2'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal

import pandas as pd

from analysis.corpus.paths import LEXICON_DIR
from analysis.figures.labels import has_arabic

__all__ = [
    "CATEGORY_COLORS",
    "CATEGORY_HATCHES",
    "CATEGORY_RAMP",
    "CUE_NAMES",
    "ENGLISH_OFFICE_NAMES",
    "GLOSSARY",
    "GROUP_MARKERS",
    "NEUTRAL_INK",
    "SIDE_COLORS",
    "STANCE_MARKERS",
    "LabelLanguage",
    "actor_name",
    "drawable_labels",
    "label_for",
    "lexicon_glosses",
    "month_label",
    "readable_id",
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

#: A brown ramp for everything that is not a side (source types, stance kinds, outlets,
#: counts): no tone of it can be read as a side's colour (tests/test_plotting.py checks the
#: colour distance to every side), so a side keeps one colour across all figures.
CATEGORY_RAMP = ("#F2E3C6", "#DCC7A1", "#B8956A", "#8C6A43", "#5C4429", "#33251A")
#: The ink of marks that belong to no side (outlines, count bars, reference lines).
NEUTRAL_INK = CATEGORY_RAMP[5]

#: Colours of the parts of a stacked bar that are not sides (source types, stance kinds).
CATEGORY_COLORS: dict[str, str] = {
    "person": CATEGORY_RAMP[3], "institution": CATEGORY_RAMP[2], "anonymous": CATEGORY_RAMP[5],
    "media": CATEGORY_RAMP[1], "document": CATEGORY_RAMP[4],
    "blame": CATEGORY_RAMP[5], "criticism": CATEGORY_RAMP[4], "threat": CATEGORY_RAMP[3],
    "denial": CATEGORY_RAMP[2], "praise": CATEGORY_RAMP[1], "cooperation": CATEGORY_RAMP[0],
}
#: Hatches that tell the light tones apart in print (and in grey scale).
CATEGORY_HATCHES: dict[str, str] = {
    "media": "....", "document": "////", "praise": "....", "cooperation": "////", "denial": "xxx",
}
#: Marker of each stance kind in the interval figures: filled for the negative kinds,
#: open for the positive ones (the shape, not a colour, carries the kind).
STANCE_MARKERS: dict[str, tuple[str, bool]] = {
    "blame": ("v", True), "criticism": ("<", True), "threat": ("s", True), "denial": ("D", True),
    "praise": ("^", False), "cooperation": ("o", False),
}
#: Markers of groups (outlets) when several share one panel.
GROUP_MARKERS = ("o", "s", "D", "^", "v", "P", "X", "<", ">")

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
    "outlet": {
        "Al Arabiya": ("العربية", "Al Arabiya"),
        "BBC Arabic": ("بي بي سي عربي", "BBC Arabic"),
        "CNN Arabic": ("سي إن إن عربي", "CNN Arabic"),
        "France 24 Arabic": ("فرانس 24 عربي", "France 24 Arabic"),
        "Sky News Arabia": ("سكاي نيوز عربية", "Sky News Arabia"),
        "all": ("كل الوسائل", "All outlets"),
        "unknown": ("وسيلة غير معروفة", "Unknown outlet"),
    },
    "month_name": {
        "01": ("يناير", "Jan"), "02": ("فبراير", "Feb"), "03": ("مارس", "Mar"),
        "04": ("أبريل", "Apr"), "05": ("مايو", "May"), "06": ("يونيو", "Jun"),
        "07": ("يوليو", "Jul"), "08": ("أغسطس", "Aug"), "09": ("سبتمبر", "Sep"),
        "10": ("أكتوبر", "Oct"), "11": ("نوفمبر", "Nov"), "12": ("ديسمبر", "Dec"),
    },
    "text": {
        "voice_attributions": ("حصة الطرف من الإسنادات (%)", "Share of attributions (%)"),
        "voice_quoted_words": ("حصة الطرف من الكلمات المنقولة (%)", "Share of quoted words (%)"),
        "voice_title": ("من يتكلم في كل وسيلة؟", "Who speaks, outlet by outlet"),
        "direct_share": ("اقتباس مباشر من إسنادات الطرف (%)", "Direct quotes, % of the side's attributions"),
        "anonymous_share": ("مصادر مجهولة من إسنادات الطرف (%)", "Anonymous sources, % of the side's attributions"),
        "sources_title": ("كيف يُنقل كلام كل طرف", "How each side is quoted"),
        "cue_share": ("من إسنادات الطرف (%، مقياس الجذر التربيعي)",
                      "% of the side's attributions (square-root scale)"),
        "cue_profile_title": ("أفعال القول لكل طرف حسب الوسيلة", "Reporting cues of each side, by outlet"),
        "stance_rate": ("مواقف لكل 100 مقال", "Stance units per 100 articles"),
        "stance_title": ("المواقف بين الأطراف حسب الوسيلة", "Stance between the sides, by outlet"),
        "coverage_count": ("عدد المقالات المختارة", "Selected articles"),
        "coverage_share": ("من مقالات الوسيلة في الشهر (%)", "% of the outlet's articles that month"),
        "coverage_title": ("التغطية شهرا بشهر", "Coverage month by month"),
        "no_dates": ("لا تاريخ لأي مقال", "No article has a date"),
        "interval": ("فترة ثقة 95% (إعادة معاينة المقالات)", "95% interval (article bootstrap)"),
        "thin": ("علامة باهتة وخط منقط: خلية ضعيفة", "Faded mark, dotted interval: thin cell"),
        "articles": ("مقالات", "articles"),
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

# Candidate column names in the lexicon CSVs (their schemas are owned by the lexicon
# module; these lists only say where to look for Arabic forms and English glosses).
_ARABIC_COLUMNS = ("alias", "cue", "lemma", "cue_lemma", "form", "name_ar")
_GLOSS_COLUMNS = ("name_en", "gloss_en", "gloss", "english")
_LABEL_LEXICONS = ("actors.csv", "media.csv", "cues.csv")


def side_color(side: str, index: int = 0) -> str:
    """The colour of ``side``; a side without one takes the ``index``-th spare colour.

    Examples
    --------
    >>> side_color("russia"), side_color("egypt", 1)
    ('#D55E00', '#56B4E9')
    """
    return SIDE_COLORS.get(side, _EXTRA_COLORS[index % len(_EXTRA_COLORS)])


# -- labels ---------------------------------------------------------------------------
def check_labels(labels: str) -> None:
    """Refuse a label language other than ``"ar"``, ``"en"`` or ``"both"``."""
    if labels not in ("ar", "en", "both"):
        raise ValueError(f"labels must be 'ar', 'en' or 'both', got {labels!r}")


def combine_labels(arabic: str, english: str, labels: LabelLanguage, *, wrap: bool = False) -> str:
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


def join_labels(kind_keys: Sequence[tuple[str, str]], labels: LabelLanguage, *, sep: str = ": ",
                wrap: bool = False) -> str:
    """Several glossary names joined in each language first, then combined once.

    ``[("side", "russia"), ("text", "mentioned")]`` gives "روسيا: ذكر (Russia: mentioned)"
    rather than "روسيا (Russia): ذكر (mentioned)".
    """
    arabic = sep.join(label_for(kind, key, "ar") for kind, key in kind_keys)
    english = sep.join(label_for(kind, key, "en") for kind, key in kind_keys)
    return combine_labels(arabic, english, labels, wrap=wrap)


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
    check_labels(labels)
    key = str(key)
    if kind in GLOSSARY:
        arabic, english = GLOSSARY[kind].get(key, (key, key))
    elif kind == "actor":
        arabic, english = actor_name(key)
    elif kind == "cue":
        arabic, english = CUE_NAMES.get(key) or lexicon_glosses()["cue"].get(key, (key, key))
    else:
        raise ValueError(f"unknown label kind {kind!r}; use one of {[*GLOSSARY, 'actor', 'cue']}")
    return combine_labels(arabic, english, labels, wrap=wrap)


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
    # a country the nisba file has no adjective for is its own prefix (سفير إثيوبيا →
    # ethiopia_ambassador): the title with the country in brackets, grammatical for any title
    placed = {r["country_id"] for r in _lexicon_rows(lexicon_dir, "nisba.csv", ("country_id",))}
    for row in _lexicon_rows(lexicon_dir, "actors.csv", ("actor_id", "alias", "actor_type", "gloss")):
        country = row["actor_id"]
        if row["actor_type"] != "country" or country in placed or not has_arabic(row["alias"]):
            continue
        arabic_country, english_country = actors.get(country, (row["alias"], row["gloss"]))
        for office, (title, office_en) in plain.items():
            actors.setdefault(f"{country}_{office}", (
                f"{title} ({arabic_country})",
                _capitalised(f"{office_en} ({short_gloss(english_country)})")))
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
    found[pair_label("russia", "us", "ar")] = None
    found[pair_label("us", "russia", "ar")] = None
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


def month_label(period: str, labels: LabelLanguage = "ar", *, wrap: bool = False) -> str:
    """Display name of a ``YYYY-MM`` period; any other text comes back unchanged.

    Examples
    --------
    >>> month_label("2018-04", "both", wrap=True)
    'أبريل 2018\\nApr 2018'
    >>> month_label("other", "en")
    'other'
    """
    match = re.fullmatch(r"(\d{4})-(\d{2})", str(period))
    if match is None or match.group(2) not in GLOSSARY["month_name"]:
        return str(period)
    arabic, english = GLOSSARY["month_name"][match.group(2)]
    return combine_labels(f"{arabic} {match.group(1)}", f"{english} {match.group(1)}", labels,
                          wrap=wrap)


def pair_label(holder: str, target: str, labels: LabelLanguage) -> str:
    """"holder → target" written so that the arrow points from holder to target."""
    if labels == "en":
        return f"{label_for('side', holder, 'en')} → {label_for('side', target, 'en')}"
    arabic = f"{label_for('side', holder, 'ar')} ← {label_for('side', target, 'ar')}"
    if labels == "ar":
        return arabic
    return f"{arabic} ({label_for('side', holder, 'en')} → {label_for('side', target, 'en')})"

