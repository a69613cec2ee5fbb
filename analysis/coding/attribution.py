"""Attributions: who is credited with which words, through which cue (docs/codebook.md §2 and §3).

An attribution links a **source** (an actor mention, an anonymous source, a medium, a
document, or nobody for a passive verb) to a **cue** (reporting verb, participle,
verbal noun, attribution marker, or the colon of a headline "لافروف: …") and to the
**content** it reports, with a **mode** (``direct``, ``indirect``, ``mixed``).

Matching runs on the normalised text of each part (:mod:`analysis.text.normalize`); every
offset in the output indexes the *original* title or body string named by ``part``.
The word lists are data: ``lexicons/cues.csv`` (reporting cues with category and
gloss), ``lexicons/markers.csv`` (بحسب، نقلا عن، في بيان …) and
``lexicons/attribution_words.csv`` (complementizers, relative pronouns, prepositions,
nouns that introduce quoted names). The decisions taken where the codebook is silent
are written down in ``docs/codebook-notes.md``.

Spans
-----
* ``cue_start``/``cue_end`` cover the cue **without** a leading و/ف clitic (and without
  ب/ل/ال on a verbal noun): ``body[cue_start:cue_end] == "أوضح"`` for "وأوضح".
* ``content_start``/``content_end`` cover the text inside the marks for ``direct``
  content, and the clause after the complementizer (or the verb's object) otherwise.

Examples
--------
>>> from analysis.text.segment import make_doc
>>> doc = make_doc("x", "", "قال لافروف إن المحادثات مستمرة.")
>>> mention = {"article_id": "x", "sent_id": 0, "part": "lead", "start": 4, "end": 10,
...            "surface": "لافروف", "actor_id": "lavrov", "side": "russia",
...            "actor_type": "person", "via": "name"}
>>> [(a["cue"], a["source_actor_id"], a["mode"]) for a in find_attributions(doc, [mention])]
[('قال', 'lavrov', 'indirect')]
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import pandas as pd

from analysis.coding.lexicons import Column, LexiconError, LexiconSchema, load_cached, load_lexicon
from analysis.text.clitics import (
    COMPLEMENTIZER_SUFFIXES, CONJUNCTIONS, NOUN_PREFIXES, OBJECT_SUFFIXES, PREFIX_LETTERS, VERB_PREFIXES,
    strip_conjunction, strip_prefix,
)
from analysis.text.normalize import normalize
from analysis.corpus.paths import LEXICON_DIR
from analysis.corpus.schema import ATTRIBUTIONS, CUE_CATEGORIES, empty_table

__all__ = [
    "CUES", "MARKERS", "ATTRIBUTION_WORDS", "FORM_TYPES", "CueEntry", "CueLexicon",
    "CueMatch", "Quote", "load_cue_lexicon", "save_recategorised_cues", "find_cues", "find_quotes",
    "find_attributions", "build_attributions_table",
]

CUES_PATH = LEXICON_DIR / "cues.csv"
MARKERS_PATH = LEXICON_DIR / "markers.csv"
WORDS_PATH = LEXICON_DIR / "attribution_words.csv"

#: Grammatical slot of a cue form; decides how its source is found.
FORM_TYPES = (
    "past", "past_fem", "past_dual", "past_plural", "imperfect", "imperfect_fem",
    "imperfect_dual", "imperfect_plural", "participle", "noun", "passive",
)
_VERB_TYPES = frozenset(t for t in FORM_TYPES if t.startswith(("past", "imperfect")))

CUES = LexiconSchema(
    name="cues",
    columns=(
        Column("lemma"),
        Column("form"),
        Column("form_type", choices=FORM_TYPES),
        Column("category", choices=CUE_CATEGORIES),
        Column("gloss"),
        Column("voice", choices=("active", "passive", "ambiguous")),
        Column("requires", required=False),
        Column("max_gap", required=False, pattern=r"[1-9][0-9]?"),
    ),
    unique=("form",),
)
MARKERS = LexiconSchema(
    name="markers",
    columns=(
        Column("form"),
        Column("kind", choices=("marker", "framing")),
        Column("category", choices=CUE_CATEGORIES),
        Column("gloss"),
    ),
    unique=("form",),
)
ATTRIBUTION_WORDS = LexiconSchema(
    name="attribution_words",
    columns=(
        Column("word"),
        Column("role", choices=(
            "complementizer", "relative", "coordinator", "preposition", "quote_name",
            "document", "trim", "adverb", "anaphor", "head", "name",
        )),
        Column("gloss"),
    ),
    unique=("word", "role"),
)

# Clitics (analysis.text.clitics): a cue verb takes VERB_PREFIXES, a cue noun NOUN_PREFIXES,
# checked on the normalised text. A match glued to a letter no prefix ends in, or to a
# letter no object suffix starts with (they all start with ه), is inside a longer word.
assert all(suffix[:1] == "ه" for suffix in OBJECT_SUFFIXES if suffix)
_DAMMA = "\u064f"
#: The accusative tanween (ـً): a word written with it is no subject (_accusative).
_TANWEEN_FATH = "\u064b"

_WORD_RE = re.compile(r"\w+")
_QUOTE_CHARS_RE = re.compile("[«»“”„‟\"'‘’]")
_ARABIC_CHAR_RE = re.compile("[\u0600-\u06ff]")
#: A leading preposition whose object is the addressee, not the content: طلبت روسيا من مجلس
#: الأمن عقد جلسة → عقد جلسة (the actors named right after it are passed over too, and a fixed
#: phrase such as من جديد).
_ADDRESSEE_PREPOSITIONS = frozenset({"من", "منه", "منها", "منهم", "منهما", "منك", "منكم", "مني", "منا"})
#: The addressee as a pronoun (طلب منه، طلبت مني): a verb's subject may still follow it (طلبت
#: منه الحكومة الاستقالة), so it is skipped like a resumptive pronoun.
_ADDRESSEE_PRONOUNS = _ADDRESSEE_PREPOSITIONS - {"من"}
#: Words after من that make a fixed phrase, not an addressee (من جديد، من قبل، من أجل، من جهته).
_NOT_ADDRESSEES = frozenset(normalize(w) for w in (
    "جديد", "قبل", "أجل", "جهته", "جهتها", "جهتهم", "جانبه", "جانبها", "جانبهم"))
_LEADING_PREPOSITIONS = frozenset({"الي", "عن", "علي"}) | _ADDRESSEE_PREPOSITIONS
_SPEECH_REQUIREMENTS = frozenset({"ان", "بان", "قائلا"})
_RELATIVE_MA = frozenset({"ما", "مما", "عما", "حسبما", "بما", "لما", "كلما"})
#: "Any" before a noun (أي طلب، لأي طلب).
_ANY_WORDS = frozenset({"اي", "لاي", "باي"})
#: Particles that deny that an act took place (لم) or will (لن), with a leading و or ف.
_ACT_NEGATORS = frozenset({"لم", "ولم", "فلم", "لن", "ولن", "فلن"})
#: Before ما, these make "ما + verb" a clause about what precedes (وهو ما نفته موسكو), an act.
_RESUMING_MA = frozenset({"وهو", "وهي", "هو", "هي", "وهذا", "وهذه", "وذلك"})
_SPEAKER_TYPES = {
    "person": "person", "institution": "institution", "country": "institution",
    "group": "institution", "media": "media", "anonymous": "anonymous",
    "document": "document",
}
_NO_WORDS: frozenset[str] = frozenset()
_SUBJECT_STOP_RE = re.compile('[:«»“”„"]')
#: A dateline at the start of the body: a place, then an agency in Latin letters in brackets
#: and a dash ("موسكو، روسيا (CNN) --"); its mentions are never the source of an act.
_DATELINE_RE = re.compile(r"\s*[^\W\d][^()\n.:،,]{0,30}[،,][^()\n.:]{0,40}?\(\s*[A-Za-z][A-Za-z .]{1,20}\)\s*[-–—]+")
DATELINE_MAX_CHARS = 120

# Word windows: how many words (of the normalised text) each rule looks across, where the
# codebook gives no number (docs/codebook.md §2; decisions in docs/codebook-notes.md).
#: A headline "Name: …": at most this many words between the sentence start and the colon,
HEADING_MAX_WORDS = 6
#: of which at most this many lie outside the source mentions (وزير الخارجية الروسي: …).
HEADING_EXTRA_WORDS = 2
#: VSO: a head noun may precede the mention that completes the subject by up to this many
#: words (وكالات الاستخبارات الأمريكية); further on, the mention is no longer its subject.
SUBJECT_HEAD_WORDS = 3
#: SVO: words of a preposition phrase between the subject and its verb (سفير روسيا في لبنان قال).
SUBJECT_PHRASE_WORDS = 3
#: Words between a head noun and the mention its preposition governs (مصدر في الخارجية).
GOVERNED_GAP_WORDS = 1
#: Words between two items of a "كل من" list that no mention covers (جيش الإسلام، ومنظمة الخوذ البيضاء).
EACH_OF_GAP_WORDS = 4
#: How many words back a group of states (الدول الثلاث، البلدان) looks for the list that names
#: them (codebook note 84).
GROUP_ANTECEDENT_WORDS = 150
#: SVO: words of a name set off by commas between the subject and its verb (المبعوث الأمريكي، كينيث وورد، قال).
APPOSITION_WORDS = 3
#: Words of a subject between بيّن and its complementizer (وبين السديري بأن …).
HOMOGRAPH_SUBJECT_WORDS = 3
#: Words between an anonymous source and the group that places it (مصدر في الوفد الروسي).
AFFILIATION_GAP_WORDS = 1
#: Plain nouns between an anonymous head's preposition and the nisba or name that places
#: it (مسؤول كبير في شركة شحن نفط صينية).
AFFILIATION_NOUN_WORDS = 3
#: Words between a document's owner phrase and the mention of its owner (بيان صادر عن
#: مكتب حاكم الإقليم التركي).
DOCUMENT_OWNER_WORDS = 4
#: A name the lexicons do not know has at most this many words (جان بول بالوميروس).
NAME_WORDS = 3
#: Words a title's description may span, from the title to the person's name, when it
#: names the office's domain with في (زعيم الأقلية الديمقراطية في مجلس الشيوخ تشاك شومر).
TITLE_DOMAIN_WORDS = 8
#: Head words between an unknown name and the title that places it (أحد مستشاري الرئيس …).
NAME_APPOSITION_HEAD_WORDS = 2
#: Words after the head of a name's description in which the body that places the name
#: may stand (ريك فرانكونا، محلل الشؤون العسكرية في شبكة CNN; codebook note 64).
DESCRIPTION_WORDS = 8
#: A nisba places the described name or office up to this many words after the
#: description's head, when no preposition, field noun or firm stands between: it ends the
#: genitive phrase of the body he belongs to (المحلل السياسي الروسي، رئيس منظمة الطاقة الذرية
#: الإيرانية; codebook notes 64 and 67). Two words until note 67.
DESCRIPTION_NISBA_WORDS = 8
#: Definite adjectives between a person's noun and the name after it (الكولونيل المتقاعد، ريك فرانكونا).
TITLED_NAME_WORDS = 2
#: Words between a person's nisba and the comma before his name (المحلل العسكري الأمريكي لدى
#: شبكة CNN، المقدم ريك فرانكونا; codebook note 88).
NISBA_APPOSITION_WORDS = 4
#: Words a description may go on for after the body that places it, before the comma that
#: sets off the name it describes (المسؤول السابق في وزارة الدفاع الأميركية والباحث في
#: معهد واشنطن للشرق الأدنى، ديفيد شانكير; codebook note 103).
DESCRIPTION_TAIL_WORDS = 6
#: Words after the verb that opens a sentence in which its subject may stand, for the
#: pro-drop verbs of an article where nobody has spoken yet (المرشح ديفيد شانكير; note 103).
EARLIER_SUBJECT_WORDS = 3
#: Pro-drop: the subject of a sentence is a mention among its first words (this many before it).
SENTENCE_SUBJECT_WORDS = 2
#: Scare quotes: a definite word of at most this many words quoted after a definite noun
#: (المعارضة "المعتدلة") labels, it quotes nobody.
SCARE_QUOTE_WORDS = 2
#: A framing phrase (في مقابلة مع شبكة …) within this many words after the subject frames
#: the content that follows instead of ending it.
FRAMING_AFTER_SUBJECT_WORDS = 2
#: A medium named within this many words after a framing phrase is the channel (``via``).
MEDIA_AFTER_FRAMING_WORDS = 3
#: A relay (نقلت وكالة تاس عن لافروف): the quoted person within this many words after عن.
RELAY_WORDS = 3
#: ... or this many more when a comma closes a description of the medium before عن
#: (ونقلت صحيفة الوطن الموالية للحكومة السورية، عن مصادر عسكرية قولها).
RELAY_DESCRIPTION_WORDS = 4
#: A marker (بحسب لافروف): its source within this many words after it;
MARKER_SOURCE_WORDS = 1
#: Words of the noun phrase a marker credits when it names nobody the lexicons know (note 50).
MARKER_PHRASE_WORDS = 5
#: Words of a medium's name between its head noun and the verb (صحيفة "كوريا تايمز" الكورية الجنوبية تقول).
MEDIA_NAME_WORDS = 5
#: a marker after at least this many words of its clause follows its content (…، بحسب رويترز).
MARKER_AFTER_CONTENT_WORDS = 2
#: A verb followed by a participle (قال مؤكدا) is one act when the verb has at most this
#: many words of content of its own.
VERB_OWN_CONTENT_WORDS = 2
#: ... or when the words between them are an adjunct that opens with a preposition and has
#: at most this many words (وغرد ترامب في حسابه بموقع التواصل الاجتماعي تويتر قائلا: six
#: words, as in the dev gold; they cover the account, the interview and the press conference).
ADJUNCT_GAP_WORDS = 6
#: How far a verb whose object takes بـ (وصف … بـ، أقرّ بـ) may look for the complementizer
#: بأن when its object is a long noun phrase: "ووصف عضو اللجنة التنفيذية لمنظمة التحرير، أحمد
#: مجدلاني، الطرح الأميركي بأنه …" (codebook note 60). Another cue ends the search.
DESCRIBED_AS_WORDS = 14
#: A leading preposition (أعرب عن أمله) is dropped from the content within this many words
#: of its start (pro-drop: أعرب الوزير عن أمله).
LEADING_PREPOSITION_WORDS = 2


# ----------------------------------------------------------------------------- lexicon
@dataclass(frozen=True, slots=True)
class CueEntry:
    """One normalised cue form with what the rules need to know about it."""

    form: str
    lemma: str
    form_type: str
    kind: str  # verb, participle, noun, passive, marker, framing
    category: str
    gloss: str
    voice: str = "active"
    requires: tuple[str, ...] = ()
    max_gap: int = 0
    attached: bool = False  # form ends in a clitic that glues to the next word (وفقا لـ)
    lead: frozenset[str] = frozenset()  # prepositions dropped from the start of the content


@dataclass
class CueLexicon:
    """The cue, marker and function-word lexicons, normalised, with a lazy automaton.

    Build it with :func:`load_cue_lexicon`; the Aho–Corasick automaton is built on first
    use and cached on the object (never at import time).
    """

    entries: dict[str, CueEntry]
    words: dict[str, frozenset[str]]
    versions: dict[str, str]
    _automaton: object = field(default=None, repr=False)

    @property
    def phrases(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Multi-word adverbials (في وقت سابق) by their first word."""
        if "_phrases" not in self.__dict__:
            table: dict[str, list[tuple[str, ...]]] = {}
            for item in self.words.get("adverb_phrase", ()):
                words = tuple(item.split())
                table.setdefault(words[0], []).append(words)
            self.__dict__["_phrases"] = {k: tuple(sorted(v, key=len, reverse=True))
                                         for k, v in table.items()}
        return self.__dict__["_phrases"]

    @property
    def complementizer_re(self) -> tuple[re.Pattern, int]:
        """A pattern for whole words that may be a complementizer (optionally after و/ف),
        and the length of the longest such word."""
        if "_complementizer_re" not in self.__dict__:
            forms = sorted(self.words.get("complementizer_any", ()), key=len, reverse=True)
            body = "|".join(map(re.escape, forms)) or "(?!)"
            pattern = re.compile(rf"(?<!\w)[وف]?(?:{body})(?!\w)")
            self.__dict__["_complementizer_re"] = pattern, 1 + max(map(len, forms), default=0)
        return self.__dict__["_complementizer_re"]

    @property
    def resumptive(self) -> frozenset[str]:
        """Prepositions with an attached pronoun (فيه، عنها، له): never a subject."""
        return self.words.get("resumptive", frozenset())

    @property
    def automaton(self):
        """The pyahocorasick automaton over every normalised form (built once)."""
        if self._automaton is None:
            import ahocorasick

            auto = ahocorasick.Automaton()
            for form, entry in self.entries.items():
                auto.add_word(form, entry)
            auto.make_automaton()
            self._automaton = auto
        return self._automaton

    def summary(self) -> pd.DataFrame:
        """Lemmas and forms per category (markers included), for the README and reports.

        Examples
        --------
        >>> int(load_cue_lexicon().summary().loc["denial", "lemmas"])
        6
        """
        frame = pd.DataFrame(
            [(e.category, e.lemma, e.form) for e in self.entries.values()],
            columns=["category", "lemma", "form"],
        )
        out = frame.groupby("category").agg(lemmas=("lemma", "nunique"), forms=("form", "size"))
        return out.reindex(list(CUE_CATEGORIES)).fillna(0).astype(int)


def _cue_kind(form_type: str) -> str:
    if form_type in _VERB_TYPES:
        return "verb"
    return form_type


def _parse_requires(lex, i: int, row: dict[str, str]) -> tuple[tuple[str, ...], int]:
    req = row["requires"]
    gap = row["max_gap"]
    if bool(req) != bool(gap):
        raise lex.error(i, "max_gap", "requires and max_gap go together; fill in both or neither")
    if not req:
        return (), 0
    items = []
    for item in req.split("|"):
        star = item.endswith("*")
        norm = normalize(item.rstrip("*"))
        if not norm:
            raise lex.error(i, "requires", f"empty alternative in {req!r}; remove the extra '|'")
        items.append(norm + ("*" if star else ""))
    return tuple(items), int(gap)


def _add_entry(entries: dict, lines: dict, lex, i: int, entry: CueEntry) -> None:
    if not entry.form:
        raise lex.error(i, "form", "normalises to an empty string; write the form in letters")
    if entry.form in entries:
        raise lex.error(
            i, "form",
            f"{entry.form!r} is already defined by {lines[entry.form]} once normalised;"
            " remove one of the rows",
        )
    entries[entry.form] = entry
    lines[entry.form] = f"{lex.path.name} line {lex.lines[i]}"


def _build_cue_lexicon(cues: str | Path, markers: str | Path, words: str | Path) -> CueLexicon:
    entries: dict[str, CueEntry] = {}
    lines: dict[str, str] = {}
    cue_lex = load_lexicon(cues, CUES)
    for i, row in enumerate(cue_lex.rows):
        requires, gap = _parse_requires(cue_lex, i, row)
        voice = row["voice"]
        if row["form_type"] == "passive" and voice != "passive":
            raise cue_lex.error(i, "voice", "a passive form must have voice 'passive'")
        _add_entry(entries, lines, cue_lex, i, CueEntry(
            form=normalize(row["form"]), lemma=row["lemma"], form_type=row["form_type"],
            kind=_cue_kind(row["form_type"]), category=row["category"], gloss=row["gloss"],
            voice=voice, requires=requires, max_gap=gap,
            lead=frozenset(w for w in _LEADING_PREPOSITIONS
                           if w in requires or w in normalize(row["lemma"]).split()),
        ))
    marker_lex = load_lexicon(markers, MARKERS)
    for i, row in enumerate(marker_lex.rows):
        attached = row["form"].endswith("ـ")
        _add_entry(entries, lines, marker_lex, i, CueEntry(
            form=normalize(row["form"]), lemma=row["form"], form_type=row["kind"],
            kind=row["kind"], category=row["category"], gloss=row["gloss"], attached=attached,
        ))
    word_lex = load_lexicon(words, ATTRIBUTION_WORDS)
    roles: dict[str, set[str]] = {}
    for row in word_lex.rows:
        roles.setdefault(row["role"], set()).add(normalize(row["word"]))
    bases = roles.get("complementizer", set())
    roles["complementizer_bare"] = {b for b in bases}
    roles["complementizer_any"] = {b + suf for b in bases for suf in ("", *COMPLEMENTIZER_SUFFIXES)}
    roles["adverb_phrase"] = {w for w in roles.get("adverb", set()) if " " in w}
    roles["adverb"] = {w for w in roles.get("adverb", set()) if " " not in w}
    roles["resumptive"] = {  # فيه، عنها، لهم: a preposition with a third-person pronoun
        p + suf for p in roles.get("preposition", set()) | {"ب", "ل"} if " " not in p
        for suf in OBJECT_SUFFIXES if suf
    }
    versions = {"cues": cue_lex.version, "markers": marker_lex.version,
                "attribution_words": word_lex.version}
    return CueLexicon(entries, {k: frozenset(v) for k, v in roles.items()}, versions)


def load_cue_lexicon(
    path: str | Path | None = None,
    markers_path: str | Path | None = None,
    words_path: str | Path | None = None,
) -> CueLexicon:
    """Load, validate and normalise the reporting-cue lexicons.

    Parameters
    ----------
    path : str or Path, optional
        A cue CSV with the columns of :data:`CUES` (default: the packaged ``cues.csv``).
    markers_path, words_path : str or Path, optional
        Marker and function-word CSVs (default: the packaged ones).

    Returns
    -------
    CueLexicon
        Built once per version of the three files (:func:`analysis.coding.lexicons.load_cached`):
        load again after editing a file and the edit is in.

    Raises
    ------
    analysis.coding.lexicons.LexiconError
        Naming the file, line and column of a malformed row, or of a form that collides
        with another once normalised.

    Examples
    --------
    >>> lex = load_cue_lexicon()
    >>> lex.entries["اكد"].category, lex.entries["مؤكدا"].kind
    ('assertive', 'participle')
    """
    return load_cached(_build_cue_lexicon, path or CUES_PATH, markers_path or MARKERS_PATH,
                       words_path or WORDS_PATH)


def save_recategorised_cues(
    path: str | Path, lemma: str | None, category: str | None, *, source: str | Path | None = None,
) -> int:
    """Write a copy of the cue lexicon in which every form of one lemma has another category.

    The copy is always made from ``source`` (the shipped ``cues.csv`` by default), so
    running this again with another answer replaces the earlier change instead of adding
    to it. Its comment lines are kept, with ``+edited`` after the version, so that results
    computed with the copy do not pass for results of the shipped lexicon.

    Parameters
    ----------
    path : str or Path
        Where to write the copy (for instance ``cues.csv`` in a copy of the lexicon folder).
    lemma : str or None
        A lemma of the ``lemma`` column, matched after normalisation (لمّح or لمح); None
        writes an unchanged copy.
    category : str or None
        One of :data:`analysis.corpus.schema.CUE_CATEGORIES`.
    source : str or Path, optional
        The lexicon to copy (default: the shipped ``cues.csv``).

    Returns
    -------
    int
        The number of forms whose category changed (0 for an unchanged copy).

    Raises
    ------
    ValueError
        For a category that is not a cue category or a lemma the lexicon does not have.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> copy = pathlib.Path(tempfile.mkdtemp()) / "cues.csv"
    >>> save_recategorised_cues(copy, "لمّح", "neutral")
    6
    >>> {e.category for e in load_cue_lexicon(copy).entries.values() if e.lemma == "لمّح"}
    {'neutral'}
    """
    from analysis.corpus.files import atomic_path

    source = Path(source or CUES_PATH)
    lines = source.read_text(encoding="utf-8-sig").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    rows = list(csv.DictReader(line for line in lines if line.strip() and not line.startswith("#")))
    changed = 0
    if lemma is not None or category is not None:
        if category not in CUE_CATEGORIES:
            raise ValueError(f"category {category!r} is not a cue category; choose one of {', '.join(CUE_CATEGORIES)}")
        wanted = normalize(str(lemma))
        for row in rows:
            if normalize(row["lemma"]) == wanted:
                changed += row["category"] != category
                row["category"] = category
        if not any(normalize(row["lemma"]) == wanted for row in rows):
            near = sorted({row["lemma"] for row in rows if wanted and normalize(row["lemma"])[:2] == wanted[:2]})
            raise ValueError(f"{source.name} has no lemma {lemma!r}; lemmas that begin alike: {', '.join(near) or 'none'}")
        comments = [_VERSION_LINE_RE.sub(r"\1+edited", line, count=1) for line in comments]
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as out:
        out.writelines(line + "\n" for line in comments)
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return changed


_VERSION_LINE_RE = re.compile(r"^(#\s*version\s*:\s*\S+?)(?:\+edited)?\s*$", re.IGNORECASE)


# ------------------------------------------------------------------------------ cues
class CueMatch(tuple):
    """A cue found in normalised text: ``(start, end, entry, prefix)``.

    ``start``/``end`` exclude the clitic ``prefix`` (و، ف، ب، ال …).
    """

    __slots__ = ()

    def __new__(cls, start: int, end: int, entry: CueEntry, prefix: str):
        return tuple.__new__(cls, (start, end, entry, prefix))

    # itemgetter properties run in C, without a Python frame per access
    start = property(itemgetter(0))
    end = property(itemgetter(1))
    entry = property(itemgetter(2))
    prefix = property(itemgetter(3))


def _word_start(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    return i


def _word_end(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i].isalnum():
        i += 1
    return i


def _accept(text: str, start: int, end: int, entry: CueEntry) -> str | None:
    """The clitic prefix when the match stands on word boundaries, else None."""
    ws = _word_start(text, start)
    prefix = text[ws:start]
    allowed = NOUN_PREFIXES if entry.kind == "noun" else VERB_PREFIXES
    if prefix not in allowed:
        return None
    if entry.attached:
        return prefix
    suffix = text[end:_word_end(text, end)]
    if suffix and not (entry.kind in ("verb", "participle") and suffix in OBJECT_SUFFIXES):
        return None
    return prefix


def find_cues(text: str, lexicon: CueLexicon | None = None) -> list[CueMatch]:
    """Find reporting cues, markers and framing phrases in normalised text.

    Matches stand on word boundaries (a و/ف clitic may precede a verb; ب/ل/ال a noun);
    overlapping matches keep the earliest, then the longest (لم يستبعد beats يستبعد).
    Lexical constraints (``requires``) are checked later, in context.

    Parameters
    ----------
    text : str
        Text already passed through :func:`analysis.text.normalize.normalize`.
    lexicon : CueLexicon, optional
        Default: :func:`load_cue_lexicon`.

    Examples
    --------
    >>> [(m.entry.lemma, m.prefix) for m in find_cues(normalize("وأكد لافروف"))]
    [('أكّد', 'و')]
    """
    lexicon = lexicon or load_cue_lexicon()
    found = []
    n = len(text)
    for last, entry in lexicon.automaton.iter(text):
        start = last + 1 - len(entry.form)
        before = text[start - 1] if start else " "
        after = text[last + 1] if last + 1 < n else " "
        glued_before = before.isalnum()
        glued_after = not entry.attached and after.isalnum()
        if not glued_before and not glued_after:
            prefix = ""  # a whole word: the common case, no clitic and no suffix to check
        elif (glued_before and before not in PREFIX_LETTERS) or (glued_after and after != "ه"):
            continue  # inside a longer word: no clitic ends in that letter, no suffix starts so
        else:
            prefix = _accept(text, start, last + 1, entry)
            if prefix is None:
                continue
        found.append((start - len(prefix), -(last + 1), start, entry, prefix))
    found.sort(key=lambda t: (t[0], t[1]))
    out: list[CueMatch] = []
    reach = -1
    for outer, neg_end, start, entry, prefix in found:
        if outer < reach:
            continue
        out.append(CueMatch(start, -neg_end, entry, prefix))
        reach = -neg_end
    return out


# ---------------------------------------------------------------------------- quotes
@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: marks at ``start`` and ``end - 1``; the words in ``[inner_start, inner_end)``.

    ``closed`` is False for an opening mark never closed on its line; the quotation then
    runs to the end of the line.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True


_FAMILY = {"«": "guil", "»": "guil", "“": "curly", "”": "curly", "„": "curly",
           "‟": "curly", '"': "ascii", "'": "single", "‘": "single", "’": "single"}


def find_quotes(text: str) -> list[Quote]:
    """Pair quotation marks of every style; never crash on unbalanced marks.

    « » (either direction), “ ” „ ‟, ASCII ``"`` and single marks ``' ‘ ’`` are paired
    within their own family, so marks of one style may nest inside another. An ASCII
    apostrophe between two letters (O'Brien) is not a mark. A mark left open at the end
    of a line yields a quotation to the end of that line (``closed=False``).

    Returns the outermost quotations, sorted by start.

    Examples
    --------
    >>> [(q.inner_start, q.inner_end) for q in find_quotes('قال: «لن نقبل» و"أبدا"')]
    [(6, 13), (17, 21)]
    >>> find_quotes('قال: "بلا نهاية')[0].closed
    False
    """
    spans: list[Quote] = []
    open_at: dict[str, int] = {}
    line_end = text.find("\n")
    if line_end < 0:
        line_end = len(text)
    for m in _QUOTE_CHARS_RE.finditer(text):
        i = m.start()
        while i > line_end:  # new line: close what is left open
            for pos in sorted(open_at.values()):
                spans.append(Quote(pos, line_end, pos + 1, line_end, False))
            open_at.clear()
            nxt = text.find("\n", line_end + 1)
            line_end = len(text) if nxt < 0 else nxt
        ch = m.group()
        if ch == "'" and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            continue
        family = _FAMILY[ch]
        if family in open_at:
            pos = open_at.pop(family)
            if family == "guil" and text[pos] == ch:  # «…« : treat the second as a new open
                spans.append(Quote(pos, i, pos + 1, i, False))
                open_at[family] = i
                continue
            spans.append(Quote(pos, i + 1, pos + 1, i, True))
        else:
            open_at[family] = i
    for pos in sorted(open_at.values()):
        spans.append(Quote(pos, line_end, pos + 1, line_end, False))
    spans.sort(key=lambda q: (q.start, -q.end))
    outer: list[Quote] = []
    for q in spans:
        if outer and q.start < outer[-1].end:
            continue
        outer.append(q)
    return outer


# --------------------------------------------------------------------- per-part context
#: Markers that take a clause with ما (بحسب ما أعلنت الوزارة), and their joined spellings
#: (حسبما، وفقما), normalised.
_MARKER_MA_BASES = frozenset(normalize(w) for w in ("بحسب", "حسب", "وفق", "وفقا ل", "طبقا ل", "تبعا ل"))
_MARKER_MA_JOINED = frozenset(normalize(w) for w in ("حسبما", "بحسبما", "وفقما", "وفقا لما", "طبقا لما", "تبعا لما"))
_MA = normalize("ما")
#: Characters looked at before a verb for ما or a joined marker (the longest, وفقا لما, and spaces).
_MARKER_MA_REACH = 16
#: Characters between ما and the verb it may introduce (a space or two).
_MA_GAP = 4


def _marker_clauses(text: str, cues: list[CueMatch]) -> list[CueMatch]:
    """Join a marker, ما and a reporting verb into one marker (codebook note 77).

    "حسب ما أعلنت وزارة العدل"، "وفقما ذكرت الوكالة": the verb after ما is no act of its own
    (relative ما) and the marker names its source after the verb. The marker lexicon lists
    some of these phrases whole (بحسب ما نقلت); every other verb of the cue lexicon now
    joins its marker the same way. ``cues`` are in text order and do not overlap.
    """
    out: list[CueMatch] = []
    for c in cues:
        outer = c.start - len(c.prefix)
        # every form that joins ends in ما right before the verb (ما، حسبما، وفقا لما …)
        if (c.prefix or text.find(_MA, max(0, outer - _MA_GAP), outer) < 0 or c.entry.kind not in ("verb", "passive")
                or not c.entry.form_type.startswith(("past", "imperfect"))):
            out.append(c)
            continue
        # the few characters before the verb (not the whole text before it: a long text
        # would cost its length for every verb)
        base = max(0, outer - _MARKER_MA_REACH)
        window = text[base:outer].rstrip(" ")  # spaces only: a line break ends the sentence
        end = base + len(window)  # where the word before the verb ends
        prev = out[-1] if out else None
        joined = next((j for j in _MARKER_MA_JOINED if window.endswith(j) and _word_from(text, end - len(j))), None)
        if (prev is not None and prev.entry.kind == "marker" and prev.entry.form in _MARKER_MA_BASES
                and window.endswith(_MA) and text[prev.end:end - len(_MA)].strip(" ") == ""):
            out[-1] = CueMatch(prev.start, c.end, replace(prev.entry, form=text[prev.start:c.end], attached=False,
                                                           lemma=f"{prev.entry.lemma} ما {c.entry.lemma}"), prev.prefix)
        elif joined is not None and (prev is None or prev.end <= end - len(joined)):
            start = end - len(joined)
            prefix = text[start - 1] if start > 0 and text[start - 1] in "وف" else ""  # وحسبما
            entry = CueEntry(text[start:c.end], f"{joined} {c.entry.lemma}", "marker", "marker", "neutral",
                             "as stated by")
            out.append(CueMatch(start, c.end, entry, prefix))
        else:
            out.append(c)
    return out


def _word_from(text: str, start: int) -> bool:
    """Whether a word starts at ``start`` (after a space, or after و/ف that start a word)."""
    if start == 0 or not text[start - 1].isalnum():
        return True
    return text[start - 1] in "وف" and (start == 1 or not text[start - 2].isalnum())


class _Roles(dict):
    """Function words by role; a role with no words is an empty set (plain ``[]`` lookups)."""

    def __missing__(self, role: str) -> frozenset[str]:
        return _NO_WORDS


class _Part:
    """Normalised text of one part (title or body) with its words, cues, quotes, mentions."""

    def __init__(self, name: str, original: str, norm, mentions: list[dict], lexicon: CueLexicon):
        self.name = name
        self.original = original
        self.has_damma = _DAMMA in original
        self.has_tanween = _TANWEEN_FATH in original
        self.norm = norm
        self.text = text = norm.text
        self.media_index = None  # built by _last_medium when first asked
        self.word_counts: Counter[str] | None = None  # built by _word_counts when first asked
        self.lex = lexicon
        self.roles = _Roles(lexicon.words)
        self.comp_any = lexicon.words.get("complementizer_any", frozenset())
        self.comp_bare = lexicon.words.get("complementizer_bare", frozenset())
        self.complementizer_re = lexicon.complementizer_re
        self.word_texts, self.word_starts, self.word_ends = norm.words  # shared with the other stages
        self.cues = _marker_clauses(text, [c for c in (find_cues(text, lexicon) if text else [])
                                           if self._real_suffix(c)])
        self.cue_outer = [c.start - len(c.prefix) for c in self.cues]
        #: cue ends, in order: the cues do not overlap, so their starts and ends both ascend
        self.cue_ends = [c.end for c in self.cues]
        self.all_quotes = find_quotes(text)
        self.quotes = []
        #: position of every quotation mark -> whether it may stop a subject: speech and scare
        #: quotes do, the quotes of a name (وكالة "رويترز"، "National Interest") do not
        self.quote_marks = {}
        for q in self.all_quotes:
            kind = self._quote_kind(q)
            if kind == "speech":
                self.quotes.append(q)
            self.quote_marks[q.start] = self.quote_marks[q.end - 1] = kind != "name"
        self.all_quote_starts = [q.start for q in self.all_quotes]
        # the quotations do not overlap and are sorted, so are their inner spans: binary
        # searches find the one a position is in
        self.all_inner_starts = [q.inner_start for q in self.all_quotes]
        self.quote_starts = [q.start for q in self.quotes]
        self.quote_inner_starts = [q.inner_start for q in self.quotes]
        self.mentions = _outer_mentions(mentions, norm)
        self.mention_starts = [m["_ns"] for m in self.mentions]
        #: unknown names the article has placed, shared by its parts (_register_names)
        self.names: dict[str, _Source] = {}
        #: the definite family names among ``names`` (الحسين), which a later bare use may repeat
        self.definite_names: set[str] = set()
        #: the actor lexicon (nisba adjectives, titles, anonymous heads), set per article
        self.actors = None
        self.headings: list[tuple[int, int]] = []  # sub-headings (the segmenter's), normalised spans
        #: what :func:`_reported` has read of the current sentence's reported words
        self.reported_scan: list | None = None
        #: :func:`_first_marker`'s answers by start: (read up to, the first marker or None)
        self.first_markers: dict[int, tuple] = {}

    def _real_suffix(self, cue: CueMatch) -> bool:
        """Reject a verb whose "object suffix" ه was a ta marbuta: إضافة is not أضاف+ه."""
        if cue.end < len(self.text) and self.text[cue.end] == "ه":
            a = self.norm.to_original(cue.end, cue.end + 1)[0]
            return self.original[a:a + 1] != "ة"
        return True

    def cue_overlaps(self, a: int, b: int) -> bool:
        """Whether a cue overlaps ``[a, b)`` (``any(c.start < b and c.end > a for c in
        self.cues)``): the first cue ending after ``a`` is the only one to test."""
        i = bisect_right(self.cue_ends, a)
        return i < len(self.cues) and self.cues[i].start < b

    def cues_overlapping(self, a: int, b: int) -> list[CueMatch]:
        """The cues that overlap ``[a, b)``, in order: from the first one ending after ``a``
        up to the first one starting at ``b`` or later (the cues do not overlap each other)."""
        out = []
        for c in self.cues[bisect_right(self.cue_ends, a):]:
            if c.start >= b:
                break
            out.append(c)
        return out

    # words ------------------------------------------------------------------------
    def word_at(self, k: int) -> str:
        return self.word_texts[k]

    def next_word_index(self, pos: int) -> int:
        return bisect_left(self.word_starts, pos)

    def prev_word(self, pos: int) -> tuple[int, int, str] | None:
        k = bisect_right(self.word_ends, pos) - 1
        if k < 0:
            return None
        return self.word_starts[k], self.word_ends[k], self.word_texts[k]

    def count_words(self, a: int, b: int) -> int:
        return max(0, bisect_left(self.word_starts, b) - bisect_left(self.word_starts, a))

    def count_overlapping_words(self, a: int, b: int) -> int:
        """Words of ``text[a:b]``, cut ones included (``len(_WORD_RE.findall(text[a:b]))``)."""
        if b <= a:
            return 0
        return bisect_left(self.word_starts, b) - bisect_right(self.word_ends, a)

    def words(self, role: str) -> frozenset[str]:
        """The normalised words of a role of ``attribution_words.csv`` (empty if none)."""
        return self.roles[role]

    # quotes -----------------------------------------------------------------------
    def _quote_kind(self, q: Quote) -> str:
        """``name`` (no Arabic letter: "President Wilson"; after a noun that names things:
        وكالة "رويترز"), ``scare`` (scare quotes on an adjective: المعارضة "المعتدلة") or ``speech``."""
        if _ARABIC_CHAR_RE.search(self.text, q.inner_start, q.inner_end) is None:
            return "name"
        prev = self.prev_word(q.start)
        if prev is None:
            return "speech"
        ps, pe, word = prev
        if self.text[pe:q.start].strip() not in ("", "ب", "ل"):
            return "speech"
        if _names_things(word, self.roles["quote_name"]):
            return "name"
        inner_words = self.norm.words_in(q.inner_start, q.inner_end)
        if (len(inner_words) <= SCARE_QUOTE_WORDS and inner_words and inner_words[0].startswith("ال")
                and strip_conjunction(word).startswith("ال")):
            return "scare"
        return "speech"

    def quote_starting(self, pos: int, limit: int) -> Quote | None:
        """The speech quotation whose opening mark is the first non-space at ``pos``."""
        i = pos
        while i < limit and self.text[i].isspace():
            i += 1
        for q in self.quotes:
            if q.start == i:
                return q
            if q.start > i:
                break
        return None

    def quotes_in(self, a: int, b: int) -> list[Quote]:
        """The speech quotations that start in ``[a, b)``, in order."""
        starts = self.quote_starts
        return self.quotes[bisect_left(starts, a):bisect_left(starts, b)]

    def in_quote(self, pos: int) -> Quote | None:
        """The speech quotation whose words hold ``pos`` (they do not overlap)."""
        k = bisect_right(self.quote_inner_starts, pos) - 1
        if k >= 0 and pos < self.quotes[k].inner_end:
            return self.quotes[k]
        return None

    def in_any_quote(self, pos: int) -> bool:
        """Whether the words of a quotation (of any kind) hold ``pos``."""
        k = bisect_right(self.all_inner_starts, pos) - 1
        return k >= 0 and pos < self.all_quotes[k].inner_end


@lru_cache(maxsize=1 << 16)
def _names_things(word: str, names: frozenset[str]) -> bool:
    """Whether ``word``, without a clitic prefix, is a noun that names things (وكالة، منظمة:
    role ``quote_name``); memoised, as words before quotation marks repeat."""
    return any(bare in names for bare in strip_prefix(word, min_stem=3))


def _outer_mentions(mentions: list[dict], norm) -> list[dict]:
    """Mentions of one part with normalised offsets, nested ones dropped, sorted."""
    rows = []
    for m in mentions:
        ns = m.get("norm_start")
        ne = m.get("norm_end")
        if not (type(ns) is int and type(ne) is int) and (
                ns is None or ne is None or pd.isna(ns) or pd.isna(ne)):
            ns, ne = norm.to_normalized(int(m["start"])), norm.to_normalized(int(m["end"]))
        row = dict(m)
        row["_ns"], row["_ne"] = int(ns), int(ne)
        rows.append(row)
    rows.sort(key=lambda r: (r["_ns"], -r["_ne"]))
    out: list[dict] = []
    for r in rows:
        if out and r["_ns"] < out[-1]["_ne"]:
            continue
        out.append(r)
    return out


# --------------------------------------------------------------------------- sources
@dataclass
class _Source:
    actor_id: str | None
    side: str
    source_type: str
    mention: dict | None = None  # None for passives, pro-drop keeps the original mention

    @classmethod
    def from_mention(cls, m: dict) -> "_Source":
        actor_type = str(m.get("actor_type") or "")
        side = m.get("side")
        if type(side) is not str:
            side = "unknown" if side is None or pd.isna(side) or not side else str(side)
        elif not side:
            side = "unknown"
        return cls(m.get("actor_id"), side, _SPEAKER_TYPES.get(actor_type, "institution"), m)


_UNKNOWN = _Source(None, "unknown", "anonymous", None)


def _is_object(part: _Part, m: dict, verb_end: int = -1) -> bool:
    """A mention governed by a preposition or an attached ب/ل/ك is not a subject.

    ``verb_end`` is the end of the verb whose subject is sought: that verb is no
    preposition even when it is spelled like one (عبّر الرئيس الفرنسي عن …, not عبر "via").
    """
    ns = m["_ns"]
    ws = _word_start(part.text, ns)
    prefix = part.text[ws:ns]
    if prefix not in ("", "و", "ف"):
        return True
    prev = part.prev_word(ws)
    if prev is not None and part.text[prev[1]:ws].strip() == "":
        if prev[1] == verb_end:
            return False
        return prev[2] in part.roles["preposition"] or strip_conjunction(prev[2]) in part.roles["preposition"]
    return False


#: Words that may stand between و and the second of two joint subjects: an ally or partner
#: with its pronoun (سوريا وحليفتها روسيا), or the head noun of a medium (رويترز وصحيفة "وول
#: ستريت جورنال"); normalised, without the و.
_JOINING_HEADS = re.compile(
    r"(?:حليف|شريك|جار)(?:ه|ها|هم|هما|ت|ته|تها|تهم|تهما)|صحيف[هت]|وكال[هت]|شبك[هت]|قنا[هت]|موقع|مجل[هت]")


_NAME_QUOTES_RE = re.compile(r'["«»“”]')


def _joined_gap(part: _Part, gap: str, cur: dict) -> bool:
    """Whether ``gap`` (the text between two mentions) joins them as joint subjects.

    A bare و (موسكو ودمشق), or و on a word that only introduces the second mention: an
    ally (وحليفتها روسيا), a medium's head noun (وصحيفة "وول ستريت جورنال") or a nisba
    adjective of a second office (الرئيسان الأمريكي دونالد ترامب والفرنسي إيمانويل ماكرون).
    """
    stripped = gap.strip()
    if stripped == "و" or (gap.isspace() and part.text[cur["_ns"] - 1:cur["_ns"]] == "و"):
        return True
    words = _NAME_QUOTES_RE.sub(" ", gap).split()
    if len(words) != 1 or words[0][:1] != "و" or gap.lstrip('"»”')[:1] not in (" ", "\u00a0"):
        return False
    word = words[0][1:]
    return bool(_JOINING_HEADS.fullmatch(word)) or (
        word in part.actors.nisba_sides and cur.get("actor_type") == "person")


def _joined(part: _Part, first: int, limit: int) -> list[dict]:
    """The mention at index ``first`` plus mentions joined to it by و (joint subjects)."""
    out = [part.mentions[first]]
    k = first + 1
    while k < len(part.mentions):
        prev, cur = out[-1], part.mentions[k]
        if cur["_ns"] >= limit:
            break
        gap = part.text[prev["_ne"]:cur["_ns"]]
        if _joined_gap(part, gap, cur):
            out.append(cur)
            k += 1
            continue
        if gap.strip() == "" and gap and cur.get("actor_id") == prev.get("actor_id"):
            k += 1  # apposition of the same actor
            continue
        break
    return out


def _anonymous_affiliation(part: _Part, idx: int, src: _Source, limit: int | None = None) -> _Source:
    """مصدر في الوفد الروسي: an anonymous head takes the side of the group it sits in, named
    before ``limit`` (the addressee of طلب … من X is not that group: :func:`_addressee_start`)."""
    if src.source_type != "anonymous" or src.side != "unknown":
        return src
    limit = len(part.text) if limit is None else limit
    if idx + 1 >= len(part.mentions) or part.mentions[idx + 1]["_ns"] >= limit:
        placed = _affiliation_phrase(part, _word_index_at(part, part.mentions[idx]["_ne"] - 1), limit)
        return src if placed is None else _Source(src.actor_id, placed, "anonymous", src.mention)
    m, nxt = part.mentions[idx], part.mentions[idx + 1]
    gap = part.text[m["_ne"]:nxt["_ns"]].split()
    if nxt.get("actor_type") == "media" and not (len(gap) == 1 and gap[0] in ("في", "من", "داخل", "لدي")):
        # أبلغت مصادر رويترز، توقع محللون في استطلاع لرويترز: the outlet they spoke to is the
        # medium (docs/codebook.md §2, the codebook's via), not their side; a source in or from
        # an outlet (مصدر في رويترز) is its
        gap = ["-"]
    if len(gap) <= AFFILIATION_GAP_WORDS and (not gap or gap[0] in ("في", "من", "داخل", "لدي", "ب")):
        side = nxt.get("side")
        if side and not pd.isna(side) and side != "unknown":
            return _Source(src.actor_id, str(side), "anonymous", src.mention)
    placed = _affiliation_phrase(part, _word_index_at(part, m["_ne"] - 1), limit)
    if placed is not None:
        return _Source(src.actor_id, placed, "anonymous", src.mention)
    return src


def _mention_at_word(part: _Part, k: int) -> int | None:
    """Index of the mention that begins in word ``k`` (after its clitics), or None."""
    ws, we = part.word_starts[k], part.word_ends[k]
    j = bisect_left(part.mention_starts, ws)
    if j < len(part.mentions) and part.mentions[j]["_ns"] < we:
        return j
    return None


def _skip_adverbials(part: _Part, k: int, limit: int) -> int:
    """First word index at or after ``k`` that is not an adverbial or a resumptive pronoun.

    Adverbials (اليوم، مساء الجمعة، أيضا، في وقت سابق) and a preposition carrying a
    resumptive pronoun (فيه، عنها، له) may stand between a verb and its subject.
    """
    adverbs = part.roles["adverb"]
    phrases = part.lex.phrases
    n = len(part.word_starts)
    while k < n and part.word_starts[k] < limit:
        word = part.word_texts[k]
        if word in adverbs or word in part.lex.resumptive or word in _ADDRESSEE_PRONOUNS:
            k += 1
            continue
        if (k + 1 < n and word.startswith("ال") and part.word_texts[k + 1] in _TIME_ADJECTIVES
                and not part.text[part.word_ends[k]:part.word_starts[k + 1]].strip()):
            k += 2  # الشهر الماضي، العام المقبل: a time phrase, not the subject
            continue
        for phrase in phrases.get(word, ()):
            if tuple(part.word_texts[j] for j in range(k + 1, min(n, k + len(phrase)))) == phrase[1:]:
                k += len(phrase)
                break
        else:
            return k
    return k


#: Adjectives that make a definite noun before them a time phrase (الشهر الماضي، العام المقبل).
_TIME_ADJECTIVES = frozenset(normalize(w) for w in (
    "الماضي", "الماضية", "المقبل", "المقبلة", "الفائت", "الفائتة", "المنصرم", "المنصرمة", "القادم", "القادمة",
))


def _blocks_subject(part: _Part, word: str) -> bool:
    """Whether a word right after a verb shows that no subject follows (docs/codebook.md §2).

    A subject is never governed by a preposition: a bare preposition (في، على) or a word
    with an attached ب/ل/ك (باستضافة، لبطولة) opens an object or adjunct, unless the letter
    belongs to a noun that can head a subject (بعثة، لجنة، كبير: role ``head``).
    """
    bare = strip_conjunction(word)
    if word in part.roles["preposition"] or bare in part.roles["preposition"]:
        return True
    if word[:1] in ("ب", "ل", "ك") and len(word) > 3 and word not in part.roles["head"]:
        return True  # the word itself, not و-stripped: وكالات begins with a root و
    return False


def _stops_subject(part: _Part, a: int, b: int) -> bool:
    """A colon or a quotation mark of speech in ``text[a:b]``: the subject cannot lie beyond it.

    Quotation marks around a name after a noun that names things (وكالة "رويترز"،
    منظمة "سيتزن لاب") are not speech (note 8) and do not stop the subject.
    """
    m = _SUBJECT_STOP_RE.search(part.text, a, b)
    while m is not None:
        i = m.start()
        if m.group() == ":" or part.quote_marks.get(i, True):
            return True
        m = _SUBJECT_STOP_RE.search(part.text, i + 1, b)
    return False


def _definite_head_object(part: _Part, head: int, m: dict) -> bool:
    """A definite noun right after the verb is not the head of a construct (وزارة التجارة):

    a country or institution *name* after it (not a nisba adjective that agrees with it,
    not a person named in apposition) begins the verb's object: "وانتقدت السفارة الولايات
    المتحدة" has the embassy as subject and the United States as object.
    """
    word = part.word_texts[head]
    if not word.startswith("ال") or word in part.roles["document"] or head + 1 != _word_index_at(part, m["_ns"]):
        return False
    return (m.get("via") in ("name", "metonym") and m.get("actor_type") in ("country", "institution")
            and part.text[m["_ns"]:m["_ne"]] not in part.actors.nisba_forms)  # المخرجة السعودية: an adjective


def _name_quote(part: _Part, m: dict) -> Quote | None:
    """The non-speech quotation (a name: وكالة "رويترز") that a mention lies in, if any."""
    i = bisect_right(part.all_quote_starts, m["_ns"]) - 1
    if i < 0:
        return None
    q = part.all_quotes[i]
    if q.inner_start <= m["_ns"] < q.inner_end and not part.quote_marks[q.start]:
        return q  # a name
    return None


def _word_index_at(part: _Part, pos: int) -> int:
    return bisect_right(part.word_starts, pos) - 1


def _title_name(part: _Part, j: int) -> int:
    """A nisba adjective followed at once by a person's name (المرشد الإيراني علي خامنئي): the name."""
    m = part.mentions[j]
    if m.get("via") != "adjective" or j + 1 >= len(part.mentions):
        return j
    nxt = part.mentions[j + 1]
    if nxt.get("actor_type") == "person" and part.text[m["_ne"]:nxt["_ns"]].strip(" ،,") == "" and not _is_object(part, nxt):
        return j + 1
    return j


#: Nouns that, in construct with a person (مستشار ترمب، مكتب الرئيس التركي، إدارة ترمب), name
#: someone or something else of that person's side: the source is not the person (issue 9).
_RELATED_PERSON = frozenset(normalize(w) for w in (
    "مستشار", "مستشارة", "مستشارو", "مستشاري", "مساعد", "مساعدة", "مساعدو", "مساعدي", "محامي",
    "محامية", "محامو", "محاميي", "نجل", "ابن", "ابنة", "زوجة", "زوج", "شقيق", "شقيقة", "صهر", "حارس",
))
_RELATED_BODY = frozenset(normalize(w) for w in (
    "مكتب", "إدارة", "حكومة", "حملة", "فريق", "ديوان", "نظام", "قوات", "حزب", "عائلة", "أسرة",
))


def _related_to(part: _Part, head: int, m: dict) -> _Source | None:
    """مستشار ترمب: the adviser (a person of Trump's side), not Trump; مكتب الرئيس التركي: an institution."""
    if m.get("actor_type") != "person" or _word_index_at(part, m["_ns"]) != head + 1:
        return None
    word = part.word_texts[head]
    kind = "person" if word in _RELATED_PERSON else "institution" if word in _RELATED_BODY else None
    if kind is None:
        return None
    side = _Source.from_mention(m).side
    return _Source(None, side, kind, m)


def _each_of(part: _Part, pos: int, limit: int) -> tuple[list[_Source], int] | None:
    """كل من X و Y: every listed actor is a subject (docs/codebook.md §2, joint subjects).

    The list items are separated by و or a comma; an item may carry a few words no mention
    covers (جيش الإسلام، ومنظمة الخوذ البيضاء). The list ends at the first mention that is
    too far from the previous item or not introduced by a separator.
    """
    j = bisect_left(part.mention_starts, pos)
    group: list[dict] = []
    last = pos
    while j < len(part.mentions) and part.mentions[j]["_ns"] < limit:
        m = part.mentions[j]
        gap = part.text[last:_word_start(part.text, m["_ns"])]
        words = _WORD_RE.findall(gap)
        governed = part.text[_word_start(part.text, m["_ns"]):m["_ns"]] not in ("", "و") if not group and not words \
            else _is_object(part, m)  # the first item follows من itself
        if (governed or len(words) > EACH_OF_GAP_WORDS or _stops_subject(part, last, m["_ns"])
                or any(w in part.comp_any for w in words)):
            break
        if group and not ("،" in gap or "," in gap or part.text[_word_start(part.text, m["_ns"])] == "و"
                          or any(w.startswith("و") for w in words)):
            break
        group.append(m)
        last = m["_ne"]
        j += 1
    if not group:
        return None
    return [_Source.from_mention(g) for g in group], group[-1]["_ne"]


#: Nouns for a group of states as a subject, and how many the noun itself says (None: any).
#: الدول and العواصم take a feminine verb; البلدان (a dual or a plural) a masculine one. The
#: oblique duals (الدولتين، البلدين) are objects and are not listed.
_GROUP_NOUNS = {normalize(w): n for w, n in (("الدول", None), ("البلدان", None), ("العواصم", None),
                                               ("الدولتان", 2))}
_MASCULINE_GROUP_NOUNS = frozenset({normalize("البلدان")})
#: Numerals after a group noun (الدول الثلاث، البلدان الأربعة); any other word with ال after
#: the noun qualifies it (الدول الغربية، الدول الأعضاء، الدول الثماني …) and the rule stands aside.
_GROUP_NUMERALS = {normalize(w): n for w, n in (
    ("الثلاث", 3), ("الثلاثة", 3), ("الأربع", 4), ("الأربعة", 4), ("الخمس", 5), ("الخمسة", 5),
    ("الست", 6), ("الستة", 6), ("السبع", 7), ("السبعة", 7), ("الثماني", 8), ("الثمانية", 8),
    ("التسع", 9), ("التسعة", 9), ("العشر", 10), ("العشرة", 10))}
_GROUP_DEMONSTRATIVES = frozenset(normalize(w) for w in ("هذه", "تلك"))
#: Words that go on qualifying a group noun (الدول التي …، الدول في أوروبا، الدول من بينها …).
_GROUP_QUALIFIERS = frozenset(normalize(w) for w in ("التي", "الذين", "اللتين", "اللتان", "في", "من"))


def _group_of_states(part: _Part, k: int, limit: int, masculine: bool = False) -> tuple[list[_Source], int] | None:
    """الدول الثلاث، البلدان، هذه الدول: a definite group of states as a subject speaks for the
    states named last as a list before it, each a source (codebook note 84; the dev coders code
    one row per member). The list is the nearest run of two or more countries or capitals
    joined by و in the same part (:func:`_joined_back`, also after a preposition: كل من
    السعودية والإمارات), within :data:`GROUP_ANTECEDENT_WORDS` words; a numeral or a dual must
    match its length. The record's source offsets point at the group phrase.

    The rule stands aside (None, and the caller reads the phrase as before) when a mention
    starts at the noun (الدول الغربية is the West), when another word qualifies the noun
    (الدول الأوروبية، الدول الأعضاء، الدول التي …), when the numeral is not one it knows, and
    after a masculine singular verb unless the noun is البلدان (ودعا الدول الثلاث: an object).
    """
    n = len(part.word_starts)
    first = k
    if part.word_texts[k] in _GROUP_DEMONSTRATIVES and k + 1 < n and part.word_starts[k + 1] < limit:
        k += 1
    noun = part.word_texts[k]
    if noun not in _GROUP_NOUNS or (masculine and noun not in _MASCULINE_GROUP_NOUNS):
        return None
    if _mention_at_word(part, k) is not None:
        return None
    count, last = _GROUP_NOUNS[noun], k
    if k + 1 < n and part.word_starts[k + 1] < limit and not part.text[part.word_ends[k]:part.word_starts[k + 1]].strip():
        after = part.word_texts[k + 1]
        if after in _GROUP_NUMERALS:
            count, last = _GROUP_NUMERALS[after], k + 1
        elif after.startswith("ال") or after in _GROUP_QUALIFIERS or (
                (idx := _mention_at_word(part, k + 1)) is not None and part.mentions[idx].get("via") == "adjective"):
            return None  # a qualified group: not the list named before (a country after it is the object)
    here = part.word_starts[first]
    floor = part.word_starts[max(0, first - GROUP_ANTECEDENT_WORDS)]
    i = bisect_left(part.mention_starts, here) - 1
    while i >= 0 and part.mentions[i]["_ns"] >= floor:
        run = _joined_back(part, i, floor, governed=True)  # the list that ends at mention i
        group = [part.mentions[g] for g in run]
        if (len(group) >= 2 and (count is None or len(group) == count)
                and all(_country_name(g) for g in group)):
            return [_name_source(part, first, last - first + 1, _Source.from_mention(g)) for g in group], \
                part.word_ends[last]
        i = run[0] - 1
    return None


#: Nouns for two or more persons or parties as a subject, and how many the noun itself says
#: (None: two or more): الزعيمان، الطرفان، الاثنان، كلاهما; الزعماء، القادة (codebook note 125).
_PARTY_GROUP_NOUNS = {normalize(w): n for w, n in (
    ("الزعيمان", 2), ("القائدان", 2), ("الرئيسان", 2), ("الطرفان", 2), ("الجانبان", 2),
    ("الاثنان", 2), ("كلاهما", 2), ("المسؤولان", 2), ("الوزيران", 2),
    ("الزعماء", None), ("القادة", None), ("الرؤساء", None))}
#: The nouns of that table that name persons (leaders, ministers): the list they speak for
#: names persons too (the independent review of note 125: "وعبر القادة" after a heading that
#: listed the states NATO is concerned about).
_PERSON_GROUP_NOUNS = frozenset(normalize(w) for w in (
    "الزعيمان", "القائدان", "الرئيسان", "المسؤولان", "الوزيران", "الزعماء", "القادة", "الرؤساء"))
_BETWEEN = normalize("بين")
#: كلا before an oblique dual (كلا الزعيمين، كلا البلدين): both of the two named last.
_BOTH = normalize("كلا")
_BOTH_DUALS = frozenset(normalize(w) for w in (
    "الزعيمين", "القائدين", "الرئيسين", "الطرفين", "الجانبين", "البلدين", "الدولتين", "الوزيرين"))
#: Heads of a group of states' persons or governments (زعماء هذه الدول، قادة الدول الثلاث،
#: وزراء خارجية الدول الأربع): they speak for the states, one row each (note 125).
_STATE_GROUP_HEADS = frozenset(normalize(w) for w in (
    "زعماء", "قادة", "رؤساء", "وزراء", "حكومات", "ممثلو", "ممثلي", "سفراء"))


def _heading_line(part: _Part, pos: int) -> bool:
    """Whether ``pos`` stands in a sub-heading of the part, as the segmenter read it."""
    return any(start <= pos < end for start, end in part.headings)


def _group_of_parties(part: _Part, k: int, limit: int) -> tuple[list[_Source], int] | None:
    """الزعيمان، الطرفان، الاثنان، كلا الزعيمين، الزعماء; زعماء هذه الدول: a definite group of
    persons or parties as a subject speaks for the actors named last as a list before it,
    each a source with its own side (codebook note 125, after note 84's group of states:
    the coders code one row per member). The list is the nearest run of two or more placed
    mentions joined by و (:func:`_joined_back`), within :data:`GROUP_ANTECEDENT_WORDS`
    words; a dual needs a list of two. The list is one of subjects: one that a preposition
    governs is skipped whole, except the two parties after بين (بين أنقرة وواشنطن … الجانبان);
    leaders (الزعيمان، القادة …) speak for persons, or for states a clause names, not for states a
    sub-heading lists (the two reviews of note 125). A mention at the noun, or a word with ال
    qualifying it, leaves the phrase to the other readings (الزعماء الأوروبيون)."""
    n = len(part.word_starts)
    first = k
    word = part.word_texts[k]
    if word in _STATE_GROUP_HEADS and k + 1 < n and part.word_starts[k + 1] < limit:
        nxt = k + 2 if (part.word_texts[k] == normalize("وزراء") and k + 2 < n
                         and part.word_texts[k + 1] == normalize("خارجية")) else k + 1
        if nxt < n and part.word_starts[nxt] < limit and (
                grouped := _group_of_states(part, nxt, limit)) is not None:
            sources, end = grouped
            last = bisect_left(part.word_ends, end)
            return [_name_source(part, first, last - first + 1,
                                 _Source(src.actor_id, src.side, "person", src.mention)) for src in sources], end
        return None
    if word == _BOTH and k + 1 < n and part.word_texts[k + 1] in _BOTH_DUALS:
        count, last = 2, k + 1
    elif word in _PARTY_GROUP_NOUNS:
        count, last = _PARTY_GROUP_NOUNS[word], k
    else:
        return None
    if _mention_at_word(part, last) is not None:
        return None
    if (last + 1 < n and part.word_starts[last + 1] < limit
            and not part.text[part.word_ends[last]:part.word_starts[last + 1]].strip()
            and (part.word_texts[last + 1].startswith("ال") or _mention_at_word(part, last + 1) is not None)):
        return None  # الزعماء الأوروبيون، القادة العسكريون: a qualified group, not the list
    persons = word in _PERSON_GROUP_NOUNS or word == _BOTH
    here = part.word_starts[first]
    floor = part.word_starts[max(0, first - GROUP_ANTECEDENT_WORDS)]
    i = bisect_left(part.mention_starts, here) - 1
    while i >= 0 and part.mentions[i]["_ns"] >= floor:
        run = _joined_back(part, i, floor)  # a list of subjects: no item governed or an object
        full = _joined_back(part, i, floor, governed=True)
        if len(full) > len(run):
            # the list reaches back to a governed item: the whole list after بين is the two
            # parties (بين أنقرة وواشنطن … الجانبان); after another preposition it is no
            # subject, and it is not cut short either (the second review of note 125)
            prev = part.prev_word(part.mentions[full[0]]["_ns"])
            opener = part.mentions[full[0]]
            clitic = part.text[_word_start(part.text, opener["_ns"]):opener["_ns"]]
            if (prev is not None and not clitic and strip_conjunction(prev[2]) == _BETWEEN
                    and not persons):
                run = full
            else:
                i = full[0] - 1
                continue
        # leaders speak for a list of persons, or of states that a clause names, not for
        # states a heading lists (إيران وكوريا الشمالية وروسيا مصدر قلق للناتو … وعبر القادة)
        states_ok = not persons or not _heading_line(part, part.mentions[run[0]]["_ns"])
        group = [part.mentions[g] for g in run
                 if part.mentions[g].get("side") not in (None, "", "unknown")
                 and (part.mentions[g].get("actor_type") == "person" or (states_ok and _country_name(part.mentions[g])))]
        if len(run) >= 2 and len(group) == len(run) and (count is None or len(group) == count):
            return [_name_source(part, first, last - first + 1, _Source.from_mention(g)) for g in group], \
                part.word_ends[last]
        i = run[0] - 1
    return None


def _subject_after(part: _Part, pos: int, limit: int,
                   masculine: bool = False) -> tuple[list[_Source], int] | None:
    """VSO: the subject noun phrase that starts right after the verb (and its adverbials).

    The phrase is a mention, a surname the article introduced (ووصف سوروس إدارة ترامب:
    Soros, not the mention after him; codebook note 59), or a head noun followed within a
    few words by a mention (وزارة التجارة الصينية، وكالات الاستخبارات الأمريكية). A preposition, an attached
    ب/ل/ك, a complementizer, a colon or a quotation mark before any mention means the
    verb has no overt subject here (كذلك أشاد باستضافة روسيا … → pro-drop). A preposition
    phrase naming a medium (وقال لوكالة رويترز مسؤول …) is skipped. After a ``masculine``
    singular verb a country right after it is the object, not the subject (اتهم روسيا،
    دعا واشنطن إلى: a country takes a feminine verb, اتهمت روسيا).
    """
    n = len(part.word_starts)
    k = _skip_adverbials(part, part.next_word_index(pos), limit)
    if k + 1 < n and part.word_texts[k] == "كل" and part.word_texts[k + 1] == "من" and part.word_starts[k + 1] < limit:
        return _each_of(part, part.word_ends[k + 1], limit)  # وتنفي كل من سوريا وروسيا …
    if k < n and part.word_starts[k] < limit and not _stops_subject(part, pos, part.word_starts[k]) \
            and (grouped := _group_of_states(part, k, limit, masculine)) is not None:
        return grouped  # وقالت الدول الثلاث: the states listed before (note 84)
    if k < n and part.word_starts[k] < limit and not _stops_subject(part, pos, part.word_starts[k]) \
            and (grouped := _group_of_parties(part, k, limit)) is not None:
        return grouped  # ونفى الاثنان، وحث زعماء هذه الدول: the actors listed before (note 125)
    head = None
    while k < n and part.word_starts[k] < limit:
        if _stops_subject(part, pos, part.word_starts[k]):
            if head is None and (quoted := _quoted_outlet(part, pos, k)) is not None:
                return [_Source.from_mention(quoted)], quoted["_ne"] + 1  # وذكرت "وول ستريت جورنال" أن … (note 121)
            return None  # a colon or an opening quotation mark before the subject
        j = _mention_at_word(part, k)
        if j is not None and (nq := _name_quote(part, part.mentions[j])) is not None:
            # a mention inside a name (وكالة "رويترز"، حركة "بريطانيا المفتوحة", a British
            # group) places the subject, but after لوكالة "…" the name is governed
            prev = part.prev_word(nq.start)
            if prev is not None and (_blocks_subject(part, prev[2]) or prev[2] in part.roles["preposition"]):
                return None
        if j is not None:
            m = part.mentions[j]
            if masculine and head is None and _country_name(m):
                return None  # وطالب روسيا بـ …: the country is the addressee; the subject is dropped
            if not _is_object(part, m, pos):
                if head is not None and _definite_head_object(part, head, m):
                    return None  # وانتقدت السفارة الولايات المتحدة: the name is the object
                if (head is not None and _Source.from_mention(m).side in ("other", "unknown")
                        and m.get("actor_type") != "person"
                        and (after := part.next_word_index(m["_ne"])) < n and part.word_texts[after] == "في"
                        and (described := _title_domain_name(part, head, after, limit)) is not None):
                    return described  # مدير قسم أمريكا الشمالية في وزارة الخارجية الروسية …: a region names the department
                j = _title_name(part, j)
                if head is not None and (related := _related_to(part, head, part.mentions[j])) is not None:
                    return [related], part.mentions[j]["_ne"]
                group = _joined(part, j, limit)
                sources = [_Source.from_mention(g) for g in group]
                sources[0] = _anonymous_affiliation(part, j, sources[0], limit)
                return sources, group[-1]["_ne"]
            if head is None and m.get("actor_type") == "media":
                k = _skip_adverbials(part, part.next_word_index(m["_ne"]), limit)
                continue
            return None
        word = part.word_texts[k]
        if head is None and (named := _known_name(part, k)) is not None:
            nxt = _mention_at_word(part, k + 1) if k + 1 < n and part.word_starts[k + 1] < limit \
                and not part.text[part.word_ends[k]:part.word_starts[k + 1]].strip() else None
            if nxt is None:
                return [named], part.word_ends[k]  # ووصف سوروس إدارة ترامب: the name, not the object after it
            if part.word_texts[k + 1][:1] == "و":
                group = _joined(part, nxt, limit)  # أعلن آرون ووزير الإعلام السعودي: joint subjects
                return [named] + [_Source.from_mention(g) for g in group], group[-1]["_ne"]
            # أمير قطر: the word heads a phrase that a mention completes (read on below)
        if head is None and word[:1] == "ل" and word[1:] in part.roles["quote_name"]:
            j = _mention_at_word(part, k + 1) if k + 1 < n else None
            if j is not None and part.mentions[j].get("actor_type") == "media":
                k = _skip_adverbials(part, part.next_word_index(part.mentions[j]["_ne"]), limit)
                continue  # وقال لوكالة رويترز مسؤول …
        if _complementizer_at(part, k) or (head is None and _blocks_subject(part, word)):
            return None
        if head is None and _accusative(part, k):
            return None  # الأمر الذي اعتبره خرقاً لقرارات الأمم المتحدة: a word in the accusative is no subject
        if head is not None and (word in part.roles["preposition"] or k - head >= SUBJECT_HEAD_WORDS):
            # زعيم الأقلية الديمقراطية في مجلس الشيوخ تشاك شومر: a title's description
            return _title_domain_name(part, head, k, limit)
        head = k if head is None else head
        k += 1
    return None


def _quoted_outlet(part: _Part, pos: int, k: int) -> dict | None:
    """The outlet whose name alone stands in quotation marks right after the verb (وذكرت
    "وول ستريت جورنال" أن …، وتقول "التايمز" إن …; codebook note 121): the verb's subject,
    although a quotation mark otherwise opens the verb's words."""
    j = _mention_at_word(part, k)
    if j is None:
        return None
    m = part.mentions[j]
    if m.get("actor_type") != "media" or not _quotes_only(part, m):
        return None
    return m if not part.text[pos:m["_ns"]].strip()[:-1] else None  # only the mark before it


def _quotes_only(part: _Part, m: dict) -> bool:
    """The mention is the whole of a closed quotation ("وول ستريت جورنال")."""
    i = bisect_right(part.all_quote_starts, m["_ns"]) - 1
    if i < 0:
        return False
    q = part.all_quotes[i]
    return q.closed and q.inner_start == m["_ns"] and q.inner_end == m["_ne"]


def _accusative(part: _Part, k: int) -> bool:
    """Word ``k`` is written with the accusative tanween (خرقاً، خرقًا), so it is an object or
    a circumstantial, never the subject of the verb before it (codebook note 49); or it is
    the unvowelled accusative of a derived participle (وأضاف مبتسما، وقال مخاطبا الصحفيين:
    a circumstantial, note 58)."""
    if _participle_accusative(part.word_texts[k]):
        return True
    if not part.has_tanween:
        return False  # no tanween anywhere in the part (most articles): no offset to map
    a, b = part.norm.to_original(part.word_starts[k], part.word_ends[k])
    return _TANWEEN_FATH in part.original[a:b]


#: The indefinite accusative of a participle of a derived verb (forms III–X: مُبتسِمًا، مُخاطِبًا،
#: مُتحدِّثًا، مُستدرِكًا) as it stands, unvowelled, right after a verb: مُ, a consonant (a long
#: vowel there spells a name: ماريا، ميلانيا، موخيكا), three or four letters and the alif of
#: the accusative. Five-letter words are left alone: names (ملالا) and duals in construct
#: (أعلن مجلسا المصارعة "the two councils of") share the shape of مُذكِّرًا.
_PARTICIPLE_ACCUSATIVE_RE = re.compile(r"م[بتثجحخدذرزسشصضطظعغفقكلمنهء][^\W\d_]{3,4}ا")


def _participle_accusative(word: str) -> bool:
    """``word`` (normalised) is a derived participle in the indefinite accusative; a final
    نا or ها is a possessive (مراسلنا، محاميها, nominative nouns), not the accusative."""
    return _PARTICIPLE_ACCUSATIVE_RE.fullmatch(word) is not None and not word.endswith(("نا", "ها"))


def _title_domain_name(part: _Part, head: int, k: int, limit: int) -> tuple[list[_Source], int] | None:
    """A title, its description (one في phrase at most), then a person's name: the name.

    ``head`` is the first word of the subject phrase and ``k`` the word where the plain
    phrase ended (a preposition, or the phrase grew too long). Only a title head opens such
    a description, only a named person (not a country or institution) closes it, and not
    right after a preposition; a second preposition (في مؤتمر صحفي مع لافروف), a
    complementizer, a colon or a quotation mark first means there was no such description.
    """
    if strip_conjunction(part.word_texts[head]) not in _DESCRIBED_TITLES and \
            strip_conjunction(part.word_texts[head]) not in part.actors.title_forms:
        return None
    n = len(part.word_starts)
    prepositions = 0
    domain_end = -1
    domain_side = None
    for jj in range(k, min(n, head + TITLE_DOMAIN_WORDS + 1)):
        if part.word_starts[jj] >= limit or _stops_subject(part, part.word_ends[jj - 1], part.word_starts[jj]):
            return None
        if part.word_starts[jj] < domain_end:
            continue
        idx = _mention_at_word(part, jj)
        word = part.word_texts[jj]
        if not prepositions and word == "في":
            prepositions += 1  # في مجلس الشيوخ
            continue
        if (not prepositions and word[:1] == "ب" and idx is not None
                and part.mentions[idx].get("actor_type") != "person"):
            prepositions += 1  # بمجلس الشيوخ: the domain itself, ب attached
            domain_end = part.mentions[idx]["_ne"]
            domain_side = _Source.from_mention(part.mentions[idx]).side
            continue
        if idx is not None:
            m = part.mentions[idx]
            before = part.word_texts[jj - 1]
            if not prepositions and m.get("via") == "adjective" and before not in part.roles["preposition"]:
                # رئيس منظمة الطاقة الذرية الإيرانية علي أكبر صالحي: a nisba that ends the
                # title's genitive phrase names the body the title heads, its domain
                domain_end = m["_ne"]
                domain_side = _Source.from_mention(m).side
                continue
            if m.get("actor_type") != "person" and prepositions:
                domain_end = m["_ne"]  # the domain itself: في مجلس الشيوخ الأمريكي
                # a capital names where the body is (مستشفى … بباريس), not the body; a building
                # that stands for its office (البيت الأبيض، الكرملين، البنتاغون) is the body
                domain_side = (None if m.get("via") == "metonym" and m.get("actor_type") == "country"
                               else _Source.from_mention(m).side)
                continue
            if (m.get("actor_type") != "person" or m.get("via") != "name" or _is_object(part, m)
                    or before in part.roles["preposition"]):
                return None
            return [_Source.from_mention(m)], m["_ne"]
        if domain_side not in (None, "unknown", "other") and jj > 0 and part.word_ends[jj - 1] <= domain_end \
                and (run := _closed_name_run(part, jj, limit)) >= 2:
            # مدير قسم أمريكا الشمالية في وزارة الخارجية الروسية غيورغي بوريسينكو: a name the
            # lexicon lacks, right after the domain, is a person of the domain's side; later
            # bare uses of it (وأشار بوريسينكو) are the same speaker (codebook note 47)
            named = _Source(None, domain_side, "person", None)
            for w in range(jj, jj + run):
                if len(bare := strip_conjunction(part.word_texts[w])) >= 3:
                    part.names.setdefault(bare, named)
            return [_name_source(part, jj, run, named)], part.word_ends[jj + run - 1]
        if (word in part.roles["preposition"] or _complementizer_at(part, jj)
                or _blocks_subject(part, word) or word[:1] in ("ب", "ل")):
            return None
    return None


def _closed_name_run(part: _Part, k: int, limit: int) -> int:
    """:func:`_name_run`, where the word after the run may still end the name when a comma
    or a full stop closes it: غيورغي بوريسينكو، (a ب that begins the last word of a name
    is no preposition when nothing follows it)."""
    run = _name_run(part, k, limit)
    j = k + run
    if (run and run < NAME_WORDS and j < len(part.word_starts) and part.word_starts[j] < limit
            and not part.text[part.word_ends[j - 1]:part.word_starts[j]].strip() and _name_like(part, j)
            and part.text[part.word_ends[j]:part.word_ends[j] + 1] in ("،", ",", ".")):
        run += 1
    return run


#: Heads of a speaker's description that the title list lacks (it lists offices that
#: combine with a nisba): زعيم الأغلبية الجمهورية في مجلس النواب بول راين.
_DESCRIBED_TITLES = frozenset(normalize(w) for w in (
    "زعيم", "زعيمة", "عضو", "عضوة", "رئيسة", "مدير", "مديرة", "نائب", "نائبة", "مساعد", "مساعدة",
))


def _relative_subject(part: _Part, cue: CueMatch, floor: int) -> list[_Source] | str | None:
    """كيربي الذي قال: the antecedent of a relative pronoun right before the verb.

    Returns the antecedent's source; ``"resumptive"`` when the verb or the word after it
    carries a pronoun that refers back to the antecedent (الأنباء التي تداولتها وسائل إعلام،
    تصريحاته التي قال فيها): the antecedent is then the object and the subject is sought
    after the verb; ``"none"`` when the antecedent is not an actor; None without a relative.
    """
    # واشنطن، التي كانت قد رأت أن …: كان and قد stand between the pronoun and the verb
    outer, prev, _ = _relative_auxiliaries(part, cue, floor)
    if (cue.prefix or prev is None or prev[1] <= floor
            or part.text[prev[1]:outer].strip() != "" or prev[2] not in part.roles["relative"]):
        return None
    word_end = _word_end(part.text, cue.end)
    k = part.next_word_index(word_end)
    if word_end > cue.end or (k < len(part.word_starts) and part.word_texts[k] in part.lex.resumptive):
        return "resumptive"
    j = bisect_left(part.mention_starts, prev[0]) - 1
    if prev[2] == _FEMININE_RELATIVE and cue.entry.form_type in _MASCULINE_FORMS:
        # سوريا التي هدد بتوجيه ضربات إليها: a masculine verb does not agree with التي, so the
        # antecedent is its object and its subject is elsewhere (codebook note 116); but a
        # person named right before التي owns the antecedent and speaks of it (مذكرات كومي
        # التي يقول إنه …، رؤية ولي العهد التي يقول إنها …: the review of note 116)
        m = part.mentions[j] if j >= 0 else None
        if not (m is not None and m["_ns"] >= floor and m.get("actor_type") == "person"
                and m.get("via") != "adjective" and part.text[m["_ne"]:prev[0]].strip(" ،,#") == ""):
            return "mismatch"
        return "mismatch_owner"  # the owner speaks only when no subject follows the verb
    if j < 0:
        return "none"
    m = part.mentions[j]
    if m["_ns"] < floor or part.text[m["_ne"]:prev[0]].strip(" ،,#") != "":
        return "none"
    if m.get("via") == "adjective":
        return "resumptive"  # هيئة أبحاث الإنترنت الروسية التي قال مولر إنها …: no speaker
    group = _joined_back(part, j, floor)
    return [_anonymous_affiliation(part, group[0], _Source.from_mention(part.mentions[g])) if g == group[0]
            else _Source.from_mention(part.mentions[g]) for g in group]


def _tested_subject(part: _Part, pos: int, limit: int) -> _Source | None:
    """:func:`_unresolved_subject` read only to test whether the verb has a subject: the
    names the reading would remember are forgotten again (a reading only tested leaves no
    name behind)."""
    names = set(part.names)
    src = _unresolved_subject(part, pos, limit)
    for added in set(part.names) - names:
        del part.names[added]
    return src


def _unnamed_relative_subject(part: _Part, word_end: int, end: int) -> _Source | None:
    """After a relative pronoun whose head cannot speak (في الوقت الذي، الأمر الذي), the
    anonymous subject right after the verb that no mention begins: a quantifier and the group
    it counts (كثير من المسؤولين الأمريكيين: the group's side), people at large (الكثيرون)
    or an unplaced speaker's noun (محللون). Nothing else is read as a subject here."""
    own = _tested_subject(part, word_end, end)
    if own is None:
        return None
    if own.source_type == "anonymous":
        return own if own.mention is not None else _anonymous_at(part, word_end, end, own)
    if _people_word(part, word_end, end):
        return _Source(None, "unknown", "anonymous", own.mention)
    return None


def _relative_speaker_after(part: _Part, word_end: int, end: int) -> _Source | None:
    """A subject after a relative clause's verb that no mention names, read as after any verb
    (:func:`_unresolved_subject`: الموصل التي أعلن العبادي تحريرها، التي أقر الجيش البورمي …,
    which already leaves out a thing with a possessive pronoun, أبدى إعجابه، اعتناقها: note
    132), except the words of :data:`_NOT_RELATIVE_SUBJECTS` (كشف النقاب، الآن), which are the
    verb's object or an adverb (the two reviews of codebook note 116)."""
    names = set(part.names)
    src = _unresolved_subject(part, word_end, end)
    k = _skip_adverbials(part, part.next_word_index(word_end), end)
    word = strip_conjunction(part.word_texts[k]) if k < len(part.word_texts) else ""
    keep = src is not None and src.source_type != "anaphor" and word not in _NOT_RELATIVE_SUBJECTS
    if not keep:
        for added in set(part.names) - names:
            del part.names[added]  # a reading not taken leaves no name behind
        return None
    if src.mention is None:
        src = _anonymous_at(part, word_end, end, src)
    return src


#: Words after a relative clause's verb that are its object or an adverb, not its subject.
_NOT_RELATIVE_SUBJECTS = frozenset(normalize(w) for w in ("الآن", "النقاب", "نفسه", "نفسها", "فوز"))
#: Possessive pronouns on a noun right after a verb (إعجابه، اعتناقها، تفاصيلها), longest
#: first. Normalised text writes ة as ه, so a final ه is a pronoun only where the original
#: letter is ه (:func:`_possessed_thing`).
_OBJECT_SUFFIXES = ("هما", "هم", "هن", "ها", "ه")


def _relative_owner(part: _Part, cue: CueMatch, floor: int) -> list[_Source]:
    """The person named right before التي (:func:`_relative_subject`'s "mismatch_owner")."""
    _, prev, _ = _relative_auxiliaries(part, cue, floor)
    j = bisect_left(part.mention_starts, prev[0]) - 1
    group = _joined_back(part, j, floor)
    return [_Source.from_mention(part.mentions[g]) for g in group]


#: Words for people at large that may be a belief verb's subject (يعتقد الكثيرون، يرى الناس).
_PEOPLE_WORDS = frozenset(normalize(w) for w in ("الناس", "البعض", "الكثير", "الكثيرون", "كثيرون", "كثيرين"))


def _people_word(part: _Part, word_end: int, end: int) -> bool:
    """The word after the verb names people: a word of :data:`_PEOPLE_WORDS` or a definite
    sound masculine plural (المحللون، المراقبين), not any noun (التي توقع أقصى العقوبة)."""
    k = _skip_adverbials(part, part.next_word_index(word_end), end)
    if k >= len(part.word_starts) or part.word_starts[k] >= end:
        return False
    word = strip_conjunction(part.word_texts[k])
    return word in _PEOPLE_WORDS or (word.startswith("ال") and word.endswith(("ون", "ين")) and len(word) > 6)


#: Nouns of a body's members (its employees, citizens, people) before such a pronoun.
_MEMBER_NOUNS = frozenset(normalize(w) for w in (
    "موظفو", "موظفي", "أفراد", "سكان", "مواطنو", "مواطني", "أعضاء", "قادة", "شعب", "جنود", "عمال"))
#: Possessive suffixes that refer back to a feminine or plural antecedent (قائدها، مسؤولوهم).
_ANTECEDENT_SUFFIXES = ("ها", "هم")


def _antecedents_people(part: _Part, cue: CueMatch, word_end: int, end: int, floor: int) -> _Source | None:
    """The subject right after a relative clause's verb is a person's noun with a pronoun
    that refers back to the antecedent (الولايات المتحدة، التي قال قائدها …؛ الشركة التي يطالب
    موظفوها …): that person speaks, of the antecedent's side when the antecedent is a mention
    (the review of codebook note 116)."""
    k = _skip_adverbials(part, part.next_word_index(word_end), end)
    if k >= len(part.word_starts) or part.word_starts[k] >= end:
        return None
    word = part.word_texts[k]
    stem = next((word[:-2] for suffix in _ANTECEDENT_SUFFIXES if word.endswith(suffix)), None)
    if stem is None or len(stem) < 3:
        return None
    bare = ("ال" + stem) if not stem.startswith("ال") else stem
    # قائد(ها)، مسؤولو(ها) → مسؤولون، رئيست(ها) → رئيسه (normalised ة)
    forms = (stem, bare, stem[:-1] + "ون" if stem.endswith("و") else stem, stem[:-1] + "ه" if stem.endswith("ت") else stem)
    if not any(f in _PERSON_NOUN_FORMS or f in part.actors.title_forms or _anonymous_head(part, f) is not None
               or f in _PROFESSION_NOUNS or f in _MEMBER_NOUNS for f in forms):
        return None
    _, rel, _ = _relative_auxiliaries(part, cue, floor)
    side = "unknown"
    if rel is not None and (j := bisect_left(part.mention_starts, rel[0]) - 1) >= 0:
        m = part.mentions[j]
        if m["_ns"] >= floor and part.text[m["_ne"]:rel[0]].strip(" ،,#") == "":
            side = m.get("side") or "unknown"
    return _name_source(part, k, 1, _Source(None, side, "person", None))


def _antecedent_owner(part: _Part, cue: CueMatch, floor: int) -> list[_Source] | None:
    """The actor whose words the antecedent names: تصريحات ترامب التي قال فيها → Trump.

    Only when a noun of speech or a document stands before the actor (تصريحات، بيان، كلمة …):
    in "ألمانيا التي اتهمها بأنها رهينة" the actor is the antecedent itself, the verb's
    object, and the speaker is the sentence's subject (codebook note 76).
    """
    _, prev, _ = _relative_auxiliaries(part, cue, floor)  # the relative pronoun
    j = bisect_left(part.mention_starts, prev[0]) - 1
    if j < 0:
        return None
    m = part.mentions[j]
    if m["_ns"] < floor or part.text[m["_ne"]:prev[0]].strip(" ،,") != "" or m.get("via") == "adjective":
        return None
    head, gap_end = part.prev_word(m["_ns"]), m["_ns"]
    if (head is not None and head[2] in _BY_NOUNS and part.text[head[1]:gap_end].strip() == ""
            and (by := part.prev_word(head[0])) is not None and by[2] == "من"):
        head, gap_end = part.prev_word(by[0]), by[0]  # تصريحات من جانب بولتون التي قال فيها …
    if head is None or part.text[head[1]:gap_end].strip() != "" or not (
            part.cue_overlaps(head[0], head[1]) or strip_conjunction(head[2]) in part.roles["document"]
            or _bare_definite(strip_conjunction(head[2])) in part.roles["document"]):
        return None
    return [_Source.from_mention(m)]


#: The feminine singular relative pronoun (also of non-human plurals), normalised.
_FEMININE_RELATIVE = normalize("التي")
#: "من جانب"، "من قبل" between a noun of speech and its owner.
_BY_NOUNS = frozenset(("جانب", "قبل"))
#: كان in the past, which may stand between a relative pronoun and its verb (التي كانت تطالب):
#: the clause then recalls an earlier stance (codebook note 76).
_PAST_AUXILIARIES = frozenset(normalize(w) for w in ("كان", "كانت", "كانوا", "كانا", "كانتا"))
#: Words between a relative pronoun and its verb: كان in the past and قد (الذي كان قد قال).
_RELATIVE_AUXILIARIES = _PAST_AUXILIARIES | {normalize("قد")}


def _relative_auxiliaries(part: _Part, cue: CueMatch, floor: int) -> tuple[int, tuple | None, bool]:
    """Where the words before a verb start past at most two of :data:`_RELATIVE_AUXILIARIES`,
    the word before that point, and whether a past كان was among them."""
    outer = cue.start - len(cue.prefix)
    prev = part.prev_word(outer)
    past = False
    for _ in range(2):
        if (cue.prefix or prev is None or prev[1] <= floor or prev[2] not in _RELATIVE_AUXILIARIES
                or part.text[prev[1]:outer].strip() != ""):
            break
        past = past or prev[2] in _PAST_AUXILIARIES
        outer = prev[0]
        prev = part.prev_word(outer)
    return outer, prev, past


def _adjectival_clause(part: _Part, cue: CueMatch, floor: int) -> bool:
    """Whether an imperfect verb describes the noun right before it (نعت جملة).

    "واشنطن لديها معلومات موثوقة تؤكد ذلك"، "أغلب الأدلة تشير إلى": an imperfect verb
    with no و/ف straight after a noun that is no actor mention, particle or adverb
    has that noun as its subject, and a noun that is not a document does not speak.
    """
    if cue.prefix or not cue.entry.form_type.startswith("imperfect"):
        return False
    prev = part.prev_word(cue.start)
    if prev is None or prev[1] <= floor or part.text[prev[1]:cue.start].strip():
        return False
    word = prev[2]
    if not word.isalpha() or len(word) < 3 or word in part.roles["document"]:
        return False
    for role in ("preposition", "complementizer_any", "relative", "coordinator", "adverb",
                 "anaphor", "trim"):
        if word in part.words(role) or strip_conjunction(word) in part.words(role):
            return False
    if word in _PARTICLES or word in _RELATIVE_MA or word in _AUXILIARIES or word in _ASPECTUAL:
        return False
    j = bisect_right(part.mention_starts, prev[0]) - 1
    return not (j >= 0 and part.mentions[j]["_ne"] >= prev[1])


#: Passive verbs whose grammatical subject (the person asked) is the next speaker.
_ASKING = frozenset({"سأل"})
#: Verbs of continuing or starting (ومضى يقول، وعاد ليؤكد): the imperfect after them is theirs.
_ASPECTUAL = frozenset(normalize(w) for w in (
    "مضى", "ومضى", "راح", "وراح", "عاد", "وعاد", "بدأ", "وبدأ", "أخذ", "وأخذ", "ظل", "وظل",
    "استمر", "واستمر", "واصل", "وواصل", "تابع", "وتابع",
))
#: Particles that may stand right before a verb without being its subject.
_PARTICLES = frozenset(normalize(w) for w in (
    "لا", "لم", "لن", "ما", "قد", "لقد", "سوف", "إذ", "إذا", "لو", "أو", "ثم", "بل", "حين",
    "حتى", "كي", "لكي", "عندما", "بينما", "فيما", "حيث", "كما", "وكما", "ولا", "ولم", "ولن",
    "فلا", "فلم", "وقد", "فقد", "إنه", "أنه", "لأن", "كيف", "هل", "متى", "أين", "لماذا",
    "ماذا", "الذي", "التي", "ربما", "طالما",
))


_AUXILIARIES = frozenset({"قد", "لقد", "كان", "كانت", "كانوا", "كانا", "يكون", "تكون"})


def _before_auxiliaries(part: _Part, cue: CueMatch, floor: int) -> tuple[int, tuple | None]:
    """Where the words before a verb start, past the auxiliaries قد/كان right before it
    (وكان الجيش الروسي قد قال), and the word before that point (``prev_word``)."""
    anchor = cue.start - len(cue.prefix)
    prev = part.prev_word(anchor)
    while (prev is not None and prev[1] > floor and prev[2] in _AUXILIARIES
           and part.text[prev[1]:anchor].strip() == ""):
        anchor = prev[0]
        prev = part.prev_word(anchor)
    return anchor, prev


def _subject_before(part: _Part, cue: CueMatch, floor: int) -> list[_Source] | None:
    """SVO: a mention right before the verb (لافروف قال، واشنطن تتهم …).

    Only the auxiliaries قد/كان may stand between (وكان الجيش الروسي قد قال). A verb
    with و opens a new clause, so the mention before it is not its subject; ف after
    a topic is accepted (أما مندوب الكويت فأعلن). A preposition phrase after the
    subject is skipped (وكان سفير روسيا في لبنان قد قال).
    """
    if cue.prefix == "و":
        return None
    anchor, prev = _before_auxiliaries(part, cue, floor)
    k = bisect_left(part.mention_starts, anchor) - 1
    if k < 0:
        return None
    m = part.mentions[k]
    gap = part.text[m["_ne"]:anchor].split()
    if _apposition_gap(gap):
        gap = []  # المبعوث الأمريكي، كينيث وورد، قال: a name in apposition between commas
    elif gap in (["،"], [","]) and anchor < cue.start - len(cue.prefix) and _after_kana(part, m["_ns"]):
        gap = []  # وكان لافروف، قد قال: كان … قد frames the subject, a comma may follow it
    elif gap in (["،"], [","]) and k > 0 and part.mentions[k - 1]["_ne"] <= m["_ns"] and part.text[
            part.mentions[k - 1]["_ne"]:m["_ns"]].strip() in ("،", ",") and m.get("actor_type") == "person":
        # TITLE، NAME، قال (مفوضة التجارة الأوروبية، سيسليا مالستروم، قالت): the listed name;
        # NAME، TITLE، قال (هيذر نويرت، المتحدثة باسم الخارجية، قالت): the name before the title
        before = part.mentions[k - 1]
        if before.get("actor_type") == "person" and before.get("via") == "name":
            k, m = k - 1, before  # the first name (ديميتري بيسكوف، الناطق باسم الرئيس الروسي، فلاديمير بوتين، طالب)
        elif m.get("via") != "name":
            return None
        gap = []
    if m["_ns"] < floor or any(not w.isalnum() for w in gap):
        return None
    if gap and (len(gap) > SUBJECT_PHRASE_WORDS or gap[0] not in part.roles["preposition"]):
        return None  # only a preposition phrase may follow the subject: سفير روسيا في لبنان قال
    while _is_object(part, m) and k > 0:
        head = part.mentions[k - 1]
        gap = part.text[head["_ne"]:_word_start(part.text, m["_ns"])].split()
        if head["_ns"] < floor or len(gap) > GOVERNED_GAP_WORDS or (gap and gap[0] not in part.roles["preposition"]):
            return None
        k, m = k - 1, head
    if _is_object(part, m) or _governed_genitive(part, m, floor):
        return None
    group = _joined_back(part, k, floor)
    sources = [_anonymous_affiliation(part, g, _Source.from_mention(part.mentions[g])) if g == group[0]
               else _Source.from_mention(part.mentions[g]) for g in group]
    return sources


#: Words that open a topic which is no speaker (أما فيما يتعلق بـ، أما بالنسبة لـ، أما وجهة
#: النظر), normalised.
_NOT_TOPICS = frozenset(normalize(w) for w in ("فيما", "بالنسبة", "وجهة", "عن", "في", "على", "بشأن", "حول"))
#: The topic particle (أما X فقال, codebook note 114), normalised.
_TOPIC_PARTICLES = frozenset(normalize(w) for w in ("أما", "وأما"))
#: Words a topic may hold between أما and its ف.
TOPIC_WORDS = 8
#: ف with قد, before a verb whose topic comes first (أما X فقد قال).
_TOPIC_AUXILIARIES = frozenset(normalize(w) for w in ("فقد", "فلقد", "فكان", "فكانت"))


def _topic_subject(part: _Part, cue: CueMatch, word_end: int, end: int, floor: int,
                   latest: list[_Source]) -> list[_Source] | None:
    """أما X فقال …: the topic set up by أما is the subject of the verb after ف when the
    verb has no subject of its own (codebook note 114): أما السيد ديردل فقال، أما والدته
    باتي ماليت فغردت، أما سوروكين، فيرى. The topic is read like a subject after a verb: a
    mention or a title with a name (:func:`_subject_after`: أما المدعي العام الفرنسي، فرانسوا
    مولان، فقد قال), else a speaker the lexicon does not know (:func:`_unresolved_subject`),
    taken when it is a name or opens with a title or a person's noun, or is a definite body
    before a verb of speech (أما البوليساريو، فتطالب); not before a belief verb (أما المعدل
    السنوي فتوقعت: the speaker is the one before, and the rate no speaker). A topic that opens with a preposition
    (أما في سويسرا فأبلغت) is no speaker; a verb with a subject after it (فقد كشفت التحقيقات)
    keeps it; the topic has at most ``TOPIC_WORDS`` words inside the sentence."""
    anchor = cue.start - len(cue.prefix)
    if cue.prefix != "ف":
        if cue.prefix:
            return None
        prev = part.prev_word(anchor)
        if prev is None or prev[2] not in _TOPIC_AUXILIARIES or part.text[prev[1]:anchor].strip():
            return None
        anchor = prev[0]
    last = bisect_left(part.word_starts, anchor) - 1
    if last < 1 or part.text[part.word_ends[last]:anchor].strip(" ،,"):
        return None
    for opener in range(last - 1, max(-1, last - TOPIC_WORDS - 1), -1):
        if part.word_starts[opener] < floor:
            return None
        if part.word_texts[opener] in _TOPIC_PARTICLES:
            break
        if any(ch in ".:؟!؛" for ch in part.text[part.word_ends[opener]:part.word_starts[opener + 1]]):
            return None
    else:
        return None
    if any(ch in ".:؟!؛\"«»“”" for ch in part.text[part.word_ends[opener]:part.word_starts[opener + 1]]):
        return None
    if _tested_subject(part, word_end, end) is not None:
        return None  # فقد كشفت التحقيقات: the verb's own subject
    topic_end = part.word_ends[last]
    if (found := _subject_after(part, part.word_ends[opener], topic_end + 1)) is not None:
        sources, _ = found
        if sources and sources[0].mention is not None and sources[0].side != "unknown":
            return sources
    first = part.word_texts[opener + 1]
    if first in _NOT_TOPICS or strip_conjunction(first) in _NOT_TOPICS:
        return None  # أما فيما يتعلق بسوريا فأوضح، أما وجهة النظر العملية فتشير: no speaker
    src = _unresolved_subject(part, part.word_ends[opener], topic_end + 1)
    if (src is not None and src.source_type == "institution" and src.actor_id is None
            and (same := _definite_anaphor(part, part.word_ends[opener], topic_end + 1, list(latest))) is not None):
        return same  # أما السفارة، فقد اعتبرت: the embassy named before (the review of note 114)
    if src is None or src.source_type == "anaphor" or not (
            src.source_type in ("person", "anonymous") and (not first.startswith("ال") or first in _HONORIFICS)
            or _counted_person(part, opener + 1, topic_end + 1)
            or (src.source_type == "institution" and cue.entry.voice == "active")):
        return None
    return [src]


def _governed_genitive(part: _Part, m: dict, floor: int) -> bool:
    """The mention is the genitive of a noun that a preposition governs, so it is no subject
    of the verb after it: "أما عن دور روسيا قال هولاند"، "وفي الملف السوري قال …"، "بعد لقاء بوتين
    قال ترامب" (ANT FR-middleEast-108-20180305, dev round 29: Russia took Hollande's act). Only
    one noun may stand between the preposition and the mention, with nothing but a space
    around it; a mention governed by the preposition itself is :func:`_is_object`'s. A nisba
    on an indefinite noun is no such genitive: "على تقارير أمريكية تتهم" is a clause that
    describes the noun, whose subject the reports are."""
    ws = _word_start(part.text, m["_ns"])
    if ws != m["_ns"]:
        return False  # وإسرائيل تنفي: a clitic opens a clause of its own
    noun = part.prev_word(ws)
    if noun is None or noun[0] < floor or part.text[noun[1]:ws].strip():
        return False
    k = _word_index_at(part, noun[0])
    bare = strip_conjunction(noun[2])
    if (_mention_at_word(part, k) is not None or _complementizer_at(part, k) is not None
            or any(bare in part.roles[r] for r in ("preposition", "relative", "coordinator"))):
        return False  # إلى أن ترامب قال: أن opens a clause whose subject the mention is
    if _words_noun(part, k) or bare in _GENITIVE_OPENERS:
        return False  # على لسان وزير الطاقة السعودي أعلن فيه، كون الأوروبيين يرون: the speaker's words
    if m.get("via") == "adjective" and not bare.startswith("ال"):
        return False  # على تقارير أمريكية تتهم: the verb describes the indefinite noun, its subject
    prep = part.prev_word(noun[0])
    if prep is None or prep[0] < floor or part.text[prep[1]:noun[0]].strip():
        return False
    if strip_conjunction(prep[2]) == "من" and (before := part.prev_word(prep[0])) is not None and (
            not before[2].isalpha() or strip_conjunction(before[2]) in _QUANTIFIERS
            or _words_noun(part, _word_index_at(part, before[0]))):
        return False  # 70% من مساعدي ترمب يطالبون، عدد من …: the partitive من counts the subject
    return prep[2] in part.roles["preposition"] or strip_conjunction(prep[2]) in part.roles["preposition"]


def _words_noun(part: _Part, k: int) -> bool:
    """Word ``k`` is a noun of someone's words, whose genitive names the speaker of a verb in
    the clause after it (على لسان وزير الطاقة السعودي أعلن فيه، تصريحات للرئيس التركي طلب فيها): a
    reporting noun of the cue lexicon (تصريحات، قول، اتهامات …), a document noun (بيان، تقرير …)
    or one of ``_SPEECH_NOUNS``, which the lexicons do not list."""
    word = strip_conjunction(part.word_texts[k])
    return (part.cue_overlaps(part.word_starts[k], part.word_ends[k]) or word in _SPEECH_NOUNS
            or word in part.roles["document"] or _bare_definite(word) in part.roles["document"])


#: Nouns of speech that neither the cue lexicon nor the document role lists; normalised.
_SPEECH_NOUNS = frozenset(normalize(w) for w in (
    "لسان", "كلمة", "خطاب", "مقابلة", "حديث", "رسالة", "تغريدة", "تغريدات", "مؤتمر", "بيانات", "رواية",
    "أقوال", "كلام"))
#: Words after which the noun's genitive is the subject of the clause (كون الأوروبيين يرون).
_GENITIVE_OPENERS = frozenset(normalize(w) for w in ("كون", "لكون", "بكون"))


def _unresolved_subject_before(part: _Part, cue: CueMatch, floor: int, inside: bool = False) -> list[_Source] | None:
    """SVO with a subject the actor lexicon does not know, right after a complementizer,
    لكن or كان (codebook note 94): "وذكرت الصحيفة أن مسؤولين أمريكيين يعتقدون أن …"، "لكن خبراء
    يقولون إن …"، "وأكد أن عددا من الدبلوماسيين يخشون …".

    The words between the opener and the verb (past قد/كان/لا), at most
    ``PREVERBAL_SUBJECT_WORDS`` of them with nothing but spaces between and none that looks
    like a verb (a cue, a past plural in وا, a past feminine in ت, an imperfect in ي: "نشطاء
    تداولوا منشورات تدعو" is no subject of تدعو), are read like a subject after the verb
    (:func:`_unresolved_subject`). Only a speaker is taken: an anonymous head (مسؤولون، خبراء،
    مصادر, placed by an affiliation when one follows) or a placed person
    whose first word is a title or a person's noun or a name the article introduced. A bare
    noun (أن هذه الخطوة تؤكد، أن الاحتجاجات في روسيا تؤكد) is no speaker here, and a verb
    with و opens its own clause. Inside quoted words (``inside``) or a clause after أن/إن
    that is not a contrast, the verb must introduce content of its own (أن/إن, a colon or a
    quotation within ``PREVERBAL_CONTENT_WORDS`` words), since there many cue verbs report
    no speech (إن عباس يستبعد فلسطينيين، فإن محكمة في لندن دانت فتاة). The source's mention is marked ``contrast`` after
    لكن/إلا أن/بيد أن (it does not take the side of the anonymous source it is set against,
    note 17) and ``subordinate`` after a complementizer that is not such a contrast (an
    anonymous speaker inside a reported clause is not the one a later وأضاف continues).
    """
    if cue.prefix:
        return None  # وأكد / فأعلن: a new clause, its subject comes after it
    anchor, _ = _before_auxiliaries(part, cue, floor)
    last = bisect_left(part.word_starts, anchor) - 1  # the subject's last word
    if last >= 0 and part.word_texts[last] == "لا":
        anchor = part.word_starts[last]  # لكن خبراء لا يعتقدون: the negation is the verb's
        last -= 1
    if last < 1 or part.word_ends[last] < floor or part.text[part.word_ends[last]:anchor].strip():
        return None
    for opener in range(last - 1, max(-1, last - PREVERBAL_SUBJECT_WORDS - 1), -1):
        if part.word_starts[opener] < floor or part.text[part.word_ends[opener]:part.word_starts[opener + 1]].strip():
            return None  # a comma or a quotation mark inside the words before the verb
        comp = _complementizer_at(part, opener)
        if comp is not None:
            if comp[1] != part.word_ends[opener]:
                return None  # أنه، لكنه: the pronoun is the subject of what follows
            break
        if strip_conjunction(part.word_texts[opener]) in _OPENERS:
            break
        if part.word_texts[opener] in _PRONOUN_COORDINATORS:
            return None
    else:
        return None
    if any(_verb_like(part, j, first=j == opener + 1) for j in range(opener + 1, last + 1)):
        return None  # نشطاء تداولوا منشورات تدعو: تدعو describes the leaflets
    before = part.prev_word(part.word_starts[opener])
    contrast = strip_conjunction(part.word_texts[opener]) in _CONTRASTIVE or (
        comp is not None and before is not None and strip_conjunction(before[2]) in _CONTRASTIVE_BEFORE_THAT)
    subordinate = comp is not None and not contrast
    if inside or subordinate:
        k = part.next_word_index(cue.end)
        stop = part.word_ends[min(len(part.word_ends) - 1, k + PREVERBAL_CONTENT_WORDS - 1)] if k < len(part.word_ends) else cue.end
        if _first_marker(part, cue.end, stop) is None:
            return None  # إن عباس يستبعد فلسطينيين: inside reported words, a verb with no content
    names = set(part.names)
    src = _unresolved_subject(part, part.word_ends[opener], anchor)
    accepted = src is not None and (src.source_type == "anonymous" or (
        src.mention is not None and src.side not in ("other", "unknown")
        and (_counted_person(part, opener + 1, anchor) or strip_conjunction(part.word_texts[opener + 1]) in names)))
    if not accepted:
        for added in set(part.names) - names:
            del part.names[added]  # a reading not taken leaves no name behind
        return None
    if src.mention is None:  # the head with its adjectives and affiliation: no verb stands among them
        src = _Source(src.actor_id, src.side, "anonymous", _name_source(part, opener + 1, last - opener, src).mention)
    if contrast:
        src.mention["contrast"] = True
    elif subordinate:
        src.mention["subordinate"] = True
    return [src]


def _counted_person(part: _Part, j: int, limit: int) -> bool:
    """Whether word ``j`` is a title or a person's noun, or a quantifier counting one
    (غالبية حلفاء ترامب، عدد من المسؤولين)."""
    if strip_conjunction(part.word_texts[j]) in _QUANTIFIERS and (counted := _counted_noun(part, j, limit)) is not None:
        j = counted[0]
    word = part.word_texts[j]
    return _description_head(part, j) or word in _APPOSED_PERSON_NOUNS or strip_conjunction(word) in _GROUP_PERSON_NOUNS


#: Plural nouns of people who may speak together before their verb (غالبية حلفاء ترامب
#: الجمهوريين دافعوا …, note 94), with and without ال, in the nominative and oblique.
_GROUP_PERSON_NOUNS = frozenset(normalize(p + w) for p in ("", "ال") for w in (
    "حلفاء", "أنصار", "مؤيدو", "مؤيدي", "معارضو", "معارضي", "أعضاء", "نواب", "قادة", "زعماء",
    "مسؤولو", "مسؤولي", "منتقدو", "منتقدي", "محامو", "محامي", "مستشارو", "مستشاري", "ممثلو", "ممثلي",
    "قضاة", "محققون", "محققين", "محققو", "محققي", "مدعون", "مدعين",
))


def _verb_like(part: _Part, j: int, first: bool = False) -> bool:
    """Whether word ``j`` looks like a verb, so that it cannot be inside a subject before a
    verb (note 94): a cue, a past plural in وا (تداولوا، عثروا), or, after the subject's
    first word and outside an actor mention, an imperfect in ي (شخص آخر يستطيع …; a first
    word in ي is as often a name: يوسف، يفغيني)."""
    c = bisect_left(part.cue_outer, part.word_starts[j])
    if c < len(part.cue_outer) and part.cue_outer[c] < part.word_ends[j]:
        return True
    word = strip_conjunction(part.word_texts[j])
    if len(word) < 4:
        return False
    if word.endswith("وا"):
        return True
    if first or not word.startswith("ي"):
        return False
    m = bisect_right(part.mention_starts, part.word_starts[j]) - 1
    return not (m >= 0 and part.mentions[m]["_ne"] >= part.word_ends[j])


#: Words before an SVO verb whose subject the actor lexicon does not know (note 94).
PREVERBAL_SUBJECT_WORDS = 4
#: Words after such a verb inside reported words within which its content must open (note 94).
PREVERBAL_CONTENT_WORDS = 5
#: Words after which a subject may stand before its verb: لكن (لكن خبراء يقولون …) and كان
#: (وكان مسؤول محلي قال …، وكانت مصادر قد ذكرت …), with و or ف before them.
_OPENERS = frozenset(normalize(w) for w in ("لكن", "لكنّ", "كان", "كانت"))
#: Openers that set the subject against what was said before (لكن خبراء آخرين يقولون …),
#: and the words before أن that do (إلا أن، بيد أن، غير أن).
_CONTRASTIVE = frozenset(normalize(w) for w in ("لكن", "لكنّ"))
_CONTRASTIVE_BEFORE_THAT = frozenset(normalize(w) for w in ("إلا", "بيد", "غير"))


def _in_fronted_phrase(part: _Part, src: _Source) -> bool:
    """Whether a source is only a nisba inside a fronted prepositional phrase (وعن الاستفزازات
    الإسرائيلية ذكر …، وفي اجتماع مع مسؤولين صناعيين أميركيين تعهد …): its clause opens with a
    preposition (after a stop, a comma or a line break) at most ``FRONTED_PHRASE_WORDS`` words
    before the adjective, with no complementizer between (أعضاء في الكونغرس الأمريكي وجهوا،
    والسبب في ذلك أن الإيرانيين كانوا: no fronted phrase)."""
    m = src.mention
    if m is None or m.get("via") != "adjective":
        return False
    h = part.next_word_index(m["_ns"]) - 1  # the word before the adjective's own word
    if h >= 0 and part.word_ends[h] > m["_ns"]:
        h -= 1
    for _ in range(FRONTED_PHRASE_WORDS):
        if h < 0 or _complementizer_at(part, h):
            return False
        gap = part.text[part.word_ends[h - 1]:part.word_starts[h]] if h > 0 else ""
        if h == 0 or gap.strip() or "\n" in gap:
            return strip_conjunction(part.word_texts[h], min_stem=2) in part.roles["preposition"]
        h -= 1
    return False


def _after_kana(part: _Part, pos: int) -> bool:
    """Whether the word right before ``pos`` is كان (وكان، فكانت …)."""
    prev = part.prev_word(pos)
    return (prev is not None and part.text[prev[1]:pos].strip() == ""
            and strip_conjunction(prev[2]) in ("كان", "كانت", "كانوا", "كانا"))


def _apposition_gap(gap: list[str]) -> bool:
    """Words between a subject and its verb that are a name set off by commas (، كينيث وورد،)."""
    if not gap[1:] or gap[0] != "،" or not gap[-1].endswith("،"):
        return False
    inner = gap[1:-1] + [gap[-1][:-1]] if gap[-1] != "،" else gap[1:-1]
    inner = [w for w in inner if w]
    return 0 < len(inner) <= APPOSITION_WORDS and all(w.isalpha() for w in inner)


def _document_before(part: _Part, cue: CueMatch, floor: int, last: list[_Source]) -> list[_Source] | None:
    """SVO with a document noun as subject: وكانت تقارير أشارت إلى …، التقرير يشير إلى أن …

    An indefinite document is nobody's in particular (side ``unknown``); a definite one is
    read by :func:`_definite_document` (the same noun named earlier with its owner, note 82;
    else the last source's, note 29).
    """
    if cue.prefix == "و":
        return None
    anchor, prev = _before_auxiliaries(part, cue, floor)
    if prev is None or prev[1] <= floor or part.text[prev[1]:anchor].strip():
        return None
    word = strip_conjunction(prev[2])
    if word not in part.roles["document"]:
        return None
    if not word.startswith("ال"):
        return [_Source(None, "unknown", "document", None)]  # بعد تقارير ذكرت أن …
    before = part.prev_word(prev[0])
    if before is not None and not part.text[before[1]:prev[0]].strip() and before[2] in part.roles["preposition"]:
        return None  # المتخصصين في الشبكة قالوا: a definite object of a preposition is no subject
    return _definite_document(part, word, prev[0], last)


#: Heads of a writer the lexicons cannot name (الكاتبة تقول …, in press reviews).
_WRITER_HEADS = frozenset(normalize(w) for w in ("الكاتب", "الكاتبة", "الكاتبه", "الصحفي", "الصحفية", "المحلل",
                                                  "المحللة"))


def _medium_before(part: _Part, cue: CueMatch, floor: int) -> list[_Source] | None:
    """SVO with a newspaper or writer the lexicons do not know (note 51): صحيفة لوريون لوجور
    أشارت إلى …، صحيفة "كوريا تايمز" الكورية الجنوبية تقول إن …، الكاتبة تقول …

    The clause opens with a medium's head noun (صحيفة، وكالة، موقع …) or a writer's
    (الكاتبة), followed by at most ``MEDIA_NAME_WORDS`` words of its name (letters, quotes,
    a nisba) and then the verb. A nisba or mention in the name gives the side, else it is a
    third party (``other``); the source stays out of the pro-drop chain (note 39).
    """
    anchor, prev = _before_auxiliaries(part, cue, floor)
    if prev is None:
        return None
    k = _word_index_at(part, prev[0])
    for h in range(k, max(-1, k - MEDIA_NAME_WORDS - 1), -1):
        if part.word_starts[h] < floor:
            return None
        word = part.word_texts[h]
        if word in _MEDIA_HEADS or word in _WRITER_HEADS:
            break
        if (not word.isalpha() or word in part.roles["preposition"] or word in _NOT_NAME
                or _complementizer_at(part, h) or part.cue_overlaps(part.word_starts[h], part.word_ends[h])):
            return None
    else:
        return None
    before = part.text[floor:part.word_starts[h]].strip(' "«»“”')
    if before and before[-1] not in ".،,:؛;!؟?\n":
        return None  # the head must open the clause
    if any(part.text[part.word_ends[j]:part.word_starts[j + 1]].strip(' "«»“”') for j in range(h, k)):
        return None  # punctuation inside: not one name
    a, b = part.word_starts[h], part.word_ends[k]
    side, actor = "other", None
    j = bisect_left(part.mention_starts, a)
    while j < len(part.mentions) and part.mentions[j]["_ne"] <= b:
        placed = _Source.from_mention(part.mentions[j])
        if placed.side != "unknown":
            side = placed.side
            actor = placed.actor_id if part.mentions[j].get("via") != "adjective" else None
            break
        j += 1
    kind = "person" if part.word_texts[h] in _WRITER_HEADS else "media"
    src = _Source(actor, side, kind, None)
    return [_Source(actor, side, kind, _phrase_mention(part, a, b, src))]


def _joined_back(part: _Part, last: int, floor: int, governed: bool = False) -> list[int]:
    """Indices of the mentions joined by و that end with mention ``last`` (موسكو ودمشق تطالبان).

    A subject list stops at an item governed by a preposition; with ``governed`` it does not
    (a list that names states for a later group: كل من السعودية والإمارات، note 84)."""
    out = [last]
    k = last
    while k > 0:
        prev, cur = part.mentions[k - 1], part.mentions[k]
        gap = part.text[prev["_ne"]:cur["_ns"]]
        if prev["_ns"] < floor or (prev.get("via") == "adjective" and not (
                cur.get("via") == "adjective" and gap.strip() == "و")):
            break  # an adjective ends a list, unless a second nisba joins it (الرئيسين الروسي والصيني)
        if not _joined_gap(part, gap, cur) or (not governed and _is_object(part, prev)):
            break
        out.insert(0, k - 1)
        k -= 1
    return out


#: Words that never belong to a person's name after a title (وزير الدفاع البريطاني يوم الأحد):
#: function words and time nouns the role lists of attribution_words.csv do not hold.
_NOT_NAME = frozenset(normalize(w) for w in (
    "يوم", "أمس", "اليوم", "مساء", "صباح", "ليلة", "قد", "لقد", "لم", "لن", "لا", "ما", "كان",
    "كانت", "هو", "هي", "هم", "إن", "أن", "عن", "على", "في", "من", "إلى", "مع", "بعد", "قبل",
    "خلال", "عبر", "حيث", "بين", "ضد", "منذ", "حول", "نحو", "لدى", "عند", "غير", "كل", "بعض",
    "هذا", "هذه", "ذلك", "تلك", "أو", "ثم", "حتى", "أي", "أيضا", "الذي", "التي", "الذين", "بأن",
    "وأن", "وإن", "فإن", "لأن", "إنه", "أنه", "إنها", "أنها", "سابقا", "مجددا", "أمام", "أحد",
    "إحدى",
))
_ARABIC_WORD_RE = re.compile(r"[\u0621-\u064a]{2,}")


def _name_like(part: _Part, k: int, definite: bool = False) -> bool:
    """Word ``k`` may be part of a person's name the lexicons do not know (غافين ويليامسون).

    Arabic letters only, not definite (unless ``definite``: a family name such as الحسين
    after the first word of a name), not a function, time, role or nisba word, and no cue,
    complementizer or actor mention begins in it.
    """
    word = part.word_texts[k]
    if (word.startswith("ال") and not (definite and len(word) > 4 and word not in _PERSON_NOUN_FORMS
                                        and word not in part.actors.title_forms
                                        and word not in _NOT_FAMILY_NAMES)) \
            or word in _NOT_NAME or not _ARABIC_WORD_RE.fullmatch(word):
        return False
    ws, we = part.word_starts[k], part.word_ends[k]
    c = bisect_left(part.cue_outer, ws)
    if c < len(part.cue_outer) and part.cue_outer[c] < we:
        return False
    if _mention_at_word(part, k) is not None:
        return False
    stop = _not_name_words(part)
    bare = strip_conjunction(word)
    if word in stop or bare in stop or word in part.actors.nisba_forms or bare in part.actors.nisba_forms:
        return False
    return not _complementizer_at(part, k)


#: Definite words that follow a name without being part of it: the adjectives of an office
#: and time words the cue lexicon's adverb role does not list (جون سميث السابق، … الليلة;
#: اليوم، الماضي and the weekdays are adverbs there, never name words); a family name with
#: ال is otherwise accepted.
_NOT_FAMILY_NAMES = frozenset(normalize(w) for w in (
    "السابق", "السابقة", "الحالي", "الحالية", "الجديد", "الجديدة", "المنتخب", "المنتخبة",
    "المستقيل", "المستقيلة", "المقال", "المقالة", "الأسبق", "الراحل", "الراحلة", "الأول",
    "الثاني", "الأخير", "الليلة", "الأمس", "الشهر", "العام", "المقبل", "المقبلة", "الجاري",
    "الجارية", "الصباح", "المساء"))


_NOT_NAME_ROLES = ("preposition", "adverb", "anaphor", "relative", "coordinator", "complementizer", "document")


def _not_name_words(part: _Part) -> frozenset[str]:
    """Function words of the cue lexicon's roles and its resumptives: never part of a name
    (built on first use and kept on the lexicon object, so an edited and reloaded lexicon
    gets its own)."""
    words = part.lex.__dict__.get("_not_name_words")
    if words is None:
        words = frozenset().union(*(part.roles[r] for r in _NOT_NAME_ROLES), part.lex.resumptive)
        part.lex.__dict__["_not_name_words"] = words
    return words


def _name_run(part: _Part, k: int, limit: int, most: int = NAME_WORDS, definite: bool = False) -> int:
    """How many name-like words (at most ``most``) follow one another from word ``k``, with
    only spaces between them (with ``definite``, words after the first may be definite)."""
    n = 0
    while (n < most and k + n < len(part.word_starts) and part.word_starts[k + n] < limit
           and (n == 0 or (not part.text[part.word_ends[k + n - 1]:part.word_starts[k + n]].strip()
                           and not _description_head(part, k + n)  # جاكوب باركر نائب الرئيس
                           and (n < 2 or part.word_texts[k + n] not in _OUTLET_WORDS)  # جيمس ماتيو محطة سي إن بي سي
                           and (not _blocks_subject(part, part.word_texts[k + n])
                                or _clitic_like_surname(part, k + n, limit))))
           and _name_like(part, k + n, definite and n > 0)):
        n += 1  # a later word with ب/ل/ك (كولومب لإذاعة) opens an object, not more name
    return n


#: Words with ب/ل/ك that are a preposition on a common noun or adverb, not a surname.
_NOT_SURNAMES = frozenset(normalize(w) for w in (
    "باسم", "باسمه", "باسمها", "باسمهم", "بنفسه", "بنفسها", "بدوره", "بدورها", "بجرأة", "بشدة",
    "بقوة", "بوضوح", "بصراحة", "بحسب", "بعد", "بين", "لدى", "كذلك", "كما", "لكن", "لأن", "لذلك",
    # nouns whose first letter is their own, read on the ANT sample as recurring names (note 107)
    "بتهمة", "بيانات", "لجوء",
))


def _clitic_like_surname(part: _Part, j: int, limit: int) -> bool:
    """A later word of a name that begins with ب/ل/ك as a name may (كارتر بيج، ريتشارد بلومنتال،
    كايتلان كولينز; codebook note 89) when the name ends right after it: a comma or stop, the
    part's end, a preposition, a complementizer or a reporting word follows. Before another
    name-like word it is a preposition with its object (كولومب لإذاعة فرانس إنفو); with the
    article (للصحفيين، بالقرار) or on an actor the lexicons know (لرويترز) it is one always."""
    word = part.word_texts[j]
    rest = word[1:]
    if (word[:1] not in ("ب", "ل", "ك") or rest[:2] in ("ال", "لل") or word.startswith("لل")
            or word in _NOT_SURNAMES or rest in _MEDIA_HEADS or rest in part.roles["document"]
            or rest in part.roles["head"] or rest in _PERSON_NOUN_FORMS or rest in _NOT_NAME
            or _mention_at_word(part, j) is not None):
        return False  # لموقع، لصحيفة، باسمه، بنفسها: a preposition on a noun
    nxt = j + 1
    if nxt >= len(part.word_starts) or part.word_starts[nxt] >= limit:
        return True
    if part.text[part.word_ends[j]:part.word_starts[nxt]].strip() in ("،", ",", "."):
        return True  # بلومنتال، من ولاية …
    after = part.word_texts[nxt]
    return (after in part.roles["preposition"] or _complementizer_at(part, nxt) is not None
            or part.cue_overlaps(part.word_starts[nxt], part.word_ends[nxt])
            or _description_head(part, nxt))  # بيتر كلارك مدير …، بيتر كلاسن الخبير


def _title_only(part: _Part, m: dict) -> bool:
    """The mention is a placed title without a name (وزير الدفاع البريطاني), so a name may
    follow it; after a name (ترمب قراره) the next word is the object, not more name."""
    words = _WORD_RE.findall(part.text, m["_ns"], m["_ne"])
    return bool(words) and (words[-1] in part.actors.nisba_forms or words[-1] in part.actors.title_forms
                            or words[-1] in part.actors.party_forms)


def _register_names(part: _Part, names: dict[str, "_Source"]) -> None:
    """Remember the people the article introduces with a placed title and an unknown name.

    وزير الدفاع البريطاني غافين ويليامسون: the title places him (uk) and the name follows
    it, so a later وأضاف ويليامسون is the same speaker of the same side, not an unplaced
    third party (codebook §1: an actor keeps the side the article gave him). The surname
    (the last word of the name) is remembered for the rest of the article, title first.
    """
    for m in part.mentions:
        if m.get("actor_type") != "person":
            if m.get("actor_type") == "institution" and m.get("via") not in ("adjective", "metonym"):
                _register_member(part, m, names)
            continue
        src = _Source.from_mention(m)
        if src.side in ("unknown", "other") or m.get("via") == "name":
            continue
        prev = part.prev_word(m["_ns"])
        if prev is not None and strip_conjunction(prev[2]) in _RELATED_PERSON:
            src = _Source(None, src.side, "person", None)  # مساعد وزير الخارجية الأمريكي ويس ميتشل
        surname = None
        k = part.next_word_index(m["_ne"])
        if (_title_only(part, m) and k < len(part.word_starts)
                and part.text[m["_ne"]:part.word_starts[k]].strip(" ،,") == ""):
            n = _name_run(part, k, len(part.text))  # title, name: وزير الدفاع البريطاني غافين ويليامسون
            if n:
                surname = part.word_texts[k + n - 1]
        if surname is None and prev is not None and part.text[prev[1]:m["_ns"]].strip() in ("،", ","):
            # name, title: غافين ويليامسون، وزير الدفاع البريطاني; سارا ساندرز، المتحدثة باسم البيت الأبيض
            k = _word_index_at(part, prev[0])
            if _name_like(part, k):
                surname = part.word_texts[k]
        if surname is not None and len(strip_conjunction(surname)) >= 3:
            names.setdefault(strip_conjunction(surname), src)
    _register_described_names(part, names)
    _register_nisba_appositions(part, names)
    _register_names_after_descriptions(part, names)
    _register_titled_anaphors(part, names)


#: Indefinite party adjectives that place a person's noun right before them on the US side
#: (نائب جمهوري، سيناتور ديمقراطي). Only the masculine singular: جمهورية is mostly "republic"
#: (رئيس جمهورية مصر) and the plurals also name other countries' parties.
_US_PARTY_INDEFINITE = frozenset(normalize(w) for w in ("جمهوري", "ديمقراطي", "ديموقراطي"))


def _indefinite_person_heads(part: _Part) -> dict[str, str | None]:
    """Definite forms of the person nouns that an indefinite description places earlier in
    the part: قال جنرال روسي → {"الجنرال": "russia"}; قال نائب جمهوري → {"النائب": "us"}.

    The noun stands right before a placing nisba (or a US party adjective) with nothing but
    spaces between, and its definite form is a person's title or profession noun. A noun
    placed on two different sides maps to None (which of them a later title means is unsure).
    """
    texts, starts, ends = part.word_texts, part.word_starts, part.word_ends
    heads: dict[str, str | None] = {}

    def add(j: int, side: str) -> None:
        word = strip_conjunction(texts[j])
        definite = "ال" + word
        if word.startswith("ال") or definite not in _APPOSED_PERSON_NOUNS:
            return
        heads[definite] = side if heads.get(definite, side) == side else None

    for m in part.mentions:
        side = m.get("side")
        if m.get("via") != "adjective" or not isinstance(side, str) or side in ("", "unknown", "other"):
            continue
        k = _word_index_at(part, m["_ns"])
        if k >= 1 and not part.text[ends[k - 1]:m["_ns"]].strip() and starts[k] == m["_ns"]:
            add(k - 1, side)
    if not _US_PARTY_INDEFINITE.isdisjoint(texts):
        for k in range(1, len(texts)):
            if texts[k] in _US_PARTY_INDEFINITE and not part.text[ends[k - 1]:starts[k]].strip():
                add(k - 1, "us")
    return heads


def _register_titled_anaphors(part: _Part, names: dict[str, "_Source"]) -> None:
    """Remember a name that a definite title introduces after the same noun placed the
    person indefinitely (codebook note 122): قال نائب جمهوري إن … وذكر النائب، توم روني …
    ودعا روني; قال جنرال روسي … وأضاف الجنرال فلاديمير شامانوف … وأضاف شامانوف. News
    leads describe a speaker before they name him; the definite noun refers back to the
    described person, so the name after it (right after, or after a comma) takes that side.
    Only a name of two or three words that no mention covers; a noun placed on two sides
    places nothing."""
    if _DEFINITE_PERSON_NOUN_FORMS.isdisjoint(part.word_texts):
        return  # no definite person's noun that could refer back (most parts)
    heads = _indefinite_person_heads(part)
    if not heads:
        return
    texts, starts, ends = part.word_texts, part.word_starts, part.word_ends
    n = len(texts)
    for j in range(n - 1):
        side = heads.get(strip_conjunction(texts[j]))
        if side is None or _mention_at_word(part, j) is not None:
            continue
        k = j + 1
        if part.text[ends[j]:starts[k]].strip() not in ("", "،", ","):
            continue
        run = _name_run(part, k, len(part.text))
        if run < 2 or texts[k].startswith("ال") or any(
                _mention_at_word(part, i) is not None for i in range(k, k + run)):
            continue
        surname = strip_conjunction(texts[k + run - 1])
        if len(surname) >= 3 and surname not in _title_words(part):
            names.setdefault(surname, _Source(None, side, "person", None))


#: Punctuation that ends the phrase between a person's nisba and the comma before his name.
_APPOSITION_BREAK_RE = re.compile(r'[.:!?؟"«»“”()\n]')
#: Nouns of a profession that a nisba and then a name may follow (الملاكم الأميركي، فلويد
#: مايويذر), beside the description heads and person titles.
_PROFESSION_NOUNS = frozenset(normalize(w) for w in (
    "الملاكم", "اللاعب", "اللاعبة", "المدرب", "المغني", "المغنية", "الكاتب", "الكاتبة", "الروائي",
    "الفنان", "الفنانة", "الناشط", "الناشطة", "المخرج", "النجم", "النجمة", "البطل", "البطلة",
    "الجنرال", "الأدميرال", "السيناتور", "السناتور", "النائب", "النائبة", "القاضي", "القاضية",
    "المهاجم", "المدافع", "الحارس", "الدولي",
))


def _register_nisba_appositions(part: _Part, names: dict[str, "_Source"]) -> None:
    """Remember a name set off by commas after a person's noun and its nisba (codebook note
    88): الملاكم الأميركي، فلويد مايويذر، …; المحلل العسكري الأمريكي لدى شبكة CNN، المقدم ريك
    فرانكونا، … — a later وكتب مايويذر or وأضاف فرانكونا is that person of that side. The
    noun stands at most two words before the nisba; up to ``NISBA_APPOSITION_WORDS`` words
    (a phrase of place or employer) may follow the nisba before the comma; then at most
    ``TITLED_NAME_WORDS`` definite words (a rank: المقدم) and a name of two or three words."""
    texts, starts, ends = part.word_texts, part.word_starts, part.word_ends
    n = len(texts)
    for m in part.mentions:
        side = m.get("side")
        if m.get("via") != "adjective" or not isinstance(side, str) or side in ("", "unknown"):
            continue
        k = _word_index_at(part, m["_ns"])
        head = next((j for j in range(k - 1, max(-1, k - 3), -1)
                     if texts[j] in _APPOSED_PERSON_NOUNS or strip_conjunction(texts[j]) in _APPOSED_PERSON_NOUNS), None)
        if head is None or _APPOSITION_BREAK_RE.search(part.text, ends[head], starts[k]) or "،" in part.text[ends[head]:starts[k]] or any(
                _mention_at_word(part, j) is not None for j in range(head, k)):
            continue  # a person's noun right before, with only its adjectives between
        j = part.next_word_index(m["_ne"])
        if (j < n and not part.text[m["_ne"]:starts[j]].strip() and not texts[j].startswith("ال")
                and _mention_at_word(part, j) is None and (run := _name_run(part, j, len(part.text))) == 2
                and all(_mention_at_word(part, i) is None for i in range(j, j + run))):
            # المهاجم الصربي ألكسندر بيزتش: the name right after the nisba (codebook note 106);
            # two words only: a third name-like word may be the verb's object (المدرب الفرنسي
            # أرسين فينغر خطته), and a name of three is left to the comma reading below
            surname = strip_conjunction(texts[j + run - 1])
            if len(surname) >= 3 and surname not in _title_words(part):
                names.setdefault(surname, _Source(None, side, "person", None))
            continue
        if side == "other":
            continue  # a third country's nisba places only a name right after it (note 102)
        stop = ends[min(n - 1, k + NISBA_APPOSITION_WORDS + 1)]
        comma = part.text.find("،", m["_ne"], stop)
        if comma < 0 or _APPOSITION_BREAK_RE.search(part.text, m["_ne"], comma) or part.cue_overlaps(m["_ne"], comma):
            continue  # no comma soon after, or a stop, colon, quotation or reporting word first
        j = first = part.next_word_index(comma + 1)
        if any(_complementizer_at(part, i) is not None for i in range(k + 1, j)):
            continue
        while (j < n and j - first < TITLED_NAME_WORDS and texts[j] in _APPOSED_PERSON_NOUNS
               and _mention_at_word(part, j) is None
               and (j == first or not part.text[ends[j - 1]:starts[j]].strip())):
            j += 1  # المقدم ريك فرانكونا: a rank before the name
        if j >= n or (j > first and part.text[ends[j - 1]:starts[j]].strip()):
            continue
        run = _name_run(part, j, len(part.text))
        if run < 2 or texts[j].startswith("ال") or j + run >= n or part.text[
                ends[j + run - 1]:starts[j + run]].strip() not in ("،", ","):
            continue  # the apposition closes with a comma after the name (…، فلويد مايويذر، …)
        surname = strip_conjunction(texts[j + run - 1])
        if len(surname) >= 3 and surname not in _title_words(part):
            names.setdefault(surname, _Source(None, side, "person", None))


def _register_names_after_descriptions(part: _Part, names: dict[str, "_Source"]) -> None:
    """Remember an unknown name that a placing description comes before (codebook note
    103): رشح ترمب المسؤول السابق في وزارة الدفاع الأميركية والباحث في معهد واشنطن للشرق
    الأدنى، ديفيد شانكير … وتحدث شانكير. The head is a definite person's noun no mention
    starts at; :func:`_description_side` places it; after the placing body the name follows
    at once, or after at most ``DESCRIPTION_TAIL_WORDS`` more words of description and a
    comma, with no stop, colon, quotation, reporting word, complementizer, relative pronoun
    or other mention between. The name is of two or three words and not definite."""
    texts, starts, ends = part.word_texts, part.word_starts, part.word_ends
    n = len(texts)
    if _PERSON_NOUN_FORMS.isdisjoint(texts):
        return
    for j in [j for j, w in enumerate(texts) if w in _PERSON_NOUN_FORMS and w.startswith("ال")]:
        if _mention_at_word(part, j) is not None:
            continue  # a title the lexicon knows: _register_names reads it
        placed = _description_side(part, j, len(part.text))
        if placed is None:
            continue
        k = part.next_word_index(placed[1])
        if k >= n:
            continue
        gap = part.text[placed[1]:starts[k]].strip()
        if gap not in ("", "،", ","):
            continue
        if gap == "":
            comma = part.text.find("،", placed[1], ends[min(n - 1, k + DESCRIPTION_TAIL_WORDS)])
            if comma >= 0 and _mention_at_word(part, k) is None and not _name_run(part, k, len(part.text)) >= 2:
                tail_end = comma
                tail = range(k, min(n, k + DESCRIPTION_TAIL_WORDS + 1))
                if (_APPOSITION_BREAK_RE.search(part.text, placed[1], tail_end)
                        or part.cue_overlaps(placed[1], tail_end)
                        or any(starts[i] < tail_end and (
                            _complementizer_at(part, i) is not None or texts[i] in _RELATIVE_PRONOUNS
                            or ((idx := _mention_at_word(part, i)) is not None
                                and part.mentions[idx].get("actor_type") == "person")) for i in tail)):
                    continue
                k = part.next_word_index(comma + 1)
        if k >= n or texts[k].startswith("ال") or _mention_at_word(part, k) is not None:
            continue
        run = _name_run(part, k, len(part.text))
        if run < 2 or any(_mention_at_word(part, i) is not None for i in range(k, k + run)):
            continue
        surname = strip_conjunction(texts[k + run - 1])
        if len(surname) >= 3 and surname not in _title_words(part):
            names.setdefault(surname, _Source(None, placed[0], "person", None))


def _register_member(part: _Part, m: dict, names: dict[str, "_Source"]) -> None:
    """عضو البرلمان الروسي ليونيد سلوتسكي: a person's noun, a placed body and a name of two
    or three words: the surname is remembered with the body's side (codebook note 64)."""
    side = m.get("side")
    if not isinstance(side, str) or side in ("", "unknown", "other"):
        return
    prev = part.prev_word(m["_ns"])
    # the head as _register_described_names reads it: bare or after و/ف (ووزير، فرئيس),
    # never cut by strip_conjunction (which takes the root و of وزير for a clitic)
    if prev is None or part.text[prev[1]:m["_ns"]].strip() or prev[2] not in _PERSON_NOUN_FORMS:
        return
    k = part.next_word_index(m["_ne"])
    if k >= len(part.word_starts) or part.text[m["_ne"]:part.word_starts[k]].strip(" ،,"):
        return
    run = _name_run(part, k, len(part.text))
    if run >= 2:
        surname = strip_conjunction(part.word_texts[k + run - 1])
        if len(surname) >= 3 and surname not in _title_words(part):
            names.setdefault(surname, _Source(None, side, "person", None))


def _register_described_names(part: _Part, names: dict[str, "_Source"]) -> None:
    """Remember unknown names that a description places wherever they stand (codebook
    note 64): رمضان قاديروف، رئيس الشيشان … وقال قاديروف. The name has two or three words
    right before the description's head, and the surname is remembered with the side."""
    texts = part.word_texts
    if _PERSON_NOUN_FORMS.isdisjoint(texts):
        return
    # a person's noun: رئيس، محلل، مساعد (not الجيش in قيادة الجيش الفرنسي)
    for j in [j for j, w in enumerate(texts) if w in _PERSON_NOUN_FORMS and j >= 2]:
        # the name ends right before the head, or before وهو/وهي (سالم سلمان، وهو مدير …)
        e = j - 2 if (texts[j - 1] in _APPOSITION_PRONOUNS and j >= 3
                      and not part.text[part.word_ends[j - 1]:part.word_starts[j]].strip()) else j - 1
        surname = strip_conjunction(texts[e])
        if (len(surname) < 3 or surname in names or surname in _title_words(part)
                or part.text[part.word_ends[e]:part.word_starts[e + 1]].strip(" ،,")
                or part.text[part.word_ends[e - 1]:part.word_starts[e]].strip()
                or not (_name_like(part, e) and _name_like(part, e - 1))):
            continue  # a name of at least two words right before the head
        if texts[j] in _NO_THIRD_PARTY_HEADS and not part.text[part.word_ends[e]:part.word_starts[e + 1]].strip():
            continue  # يخوض عدد كبير من النساء: كبير, الفريق, واحد head a description only after a comma
        placed = _description_side(part, j, len(part.text))
        if placed is not None:
            names[surname] = _Source(None, placed[0], "person", None)
        elif (_description_head(part, j) and texts[j] not in _NO_THIRD_PARTY_HEADS
              and _third_party_description(part, j)):
            # أوليفر بيرهوف، مدير المنتخب الألماني … وقال بيرهوف: a person of a third country is
            # a third party (note 37), and the surname is his for the rest of the article
            names.setdefault(surname, _Source(None, "other", "person", None))


#: Words a third country's nisba may stand after a description head (مدير المنتخب الألماني
#: لكرة القدم): fewer than a listed side's, since the review of note 102 found the nisba
#: further on to be a body's or a place's (مراسل لدى …، خبير في شركة …).
THIRD_PARTY_NISBA_WORDS = 4
#: Words that end a description before its nisba (لدى، من، على، إلى): what follows is where
#: or for whom, not whose the person is. Normalised.
_THIRD_PARTY_STOPS = frozenset(normalize(w) for w in ("لدى", "من", "على", "إلى", "الى"))
#: Description heads that are common words far more often than descriptions (الفريق "the
#: team", كبير "large", واحد "one"): their names are not remembered as third-party persons
#: (the review of note 102: "زار عدد كبير" registered عدد). Normalised.
_NO_THIRD_PARTY_HEADS = frozenset(normalize(w) for w in ("الفريق", "كبير", "كبيرة", "واحد", "واحدة"))


def _third_party_description(part: _Part, j: int) -> bool:
    """Whether the description that opens at word ``j`` places its person on a third side: a
    nisba of side ``other`` within ``THIRD_PARTY_NISBA_WORDS`` words, before any comma,
    reporting word or one of ``_THIRD_PARTY_STOPS`` (مدير المنتخب الألماني; مدرب نادي ليفربول
    الإنجليزي is `uk`'s and is placed by :func:`_description_side`)."""
    n = len(part.word_starts)
    for jj in range(j + 1, min(n, j + THIRD_PARTY_NISBA_WORDS + 1)):
        if part.text[part.word_ends[jj - 1]:part.word_starts[jj]].strip() or part.cue_overlaps(
                part.word_starts[jj], part.word_ends[jj]) or part.word_texts[jj] in _THIRD_PARTY_STOPS:
            return False
        idx = _mention_at_word(part, jj)
        if idx is not None:
            m = part.mentions[idx]
            return m.get("via") == "adjective" and m.get("side") == "other"
    return False


def _name_source(part: _Part, k: int, n: int, src: _Source) -> _Source:
    """``src`` spoken of by the name in words ``k`` to ``k + n - 1``: the record's source
    offsets point at the name where it stands, not at the title that placed it."""
    a, b = part.norm.to_original(part.word_starts[k], part.word_ends[k + n - 1])
    kind = "person" if src.source_type == "person" else "institution"
    mention = {"part": "title" if part.name == "title" else "body", "start": a, "end": b,
               "actor_id": src.actor_id, "side": src.side, "actor_type": kind,
               "_ns": part.word_starts[k], "_ne": part.word_ends[k + n - 1],
               "_speaker": part.text[part.word_starts[k]:part.word_ends[k + n - 1]]}
    return _Source(src.actor_id, src.side, src.source_type, mention)


#: The pronouns that open an appositive clause describing the name before them
#: (مايكل كاربنتر، وهو نائب مساعد سابق لوزير الدفاع الأمريكي; codebook note 68).
_APPOSITION_PRONOUNS = frozenset({"وهو", "وهي"})


def _after_apposition_pronoun(part: _Part, j: int, limit: int) -> int:
    """Word ``j``, or the word after it when ``j`` is وهو/وهي followed, after a space, by a
    head of a description: where a description of the name before ``j`` begins."""
    if (part.word_texts[j] in _APPOSITION_PRONOUNS and j + 1 < len(part.word_starts)
            and part.word_starts[j + 1] < limit
            and not part.text[part.word_ends[j]:part.word_starts[j + 1]].strip()
            and _description_head(part, j + 1)):
        return j + 1
    return j


def _described_subject(part: _Part, k: int, limit: int) -> _Source | None:
    """An unknown name followed by a title that places it (ويس ميتشل مساعد وزير الخارجية
    الأمريكي، كارتر بيج، المستشار السابق في حملة ترمب): the side of the title, remembered
    for the name's later bare uses."""
    n = _name_run(part, k, limit)
    if not n:
        return None
    # a description head is not more name (روبرت دريسكول محامي بوتينا)
    n = next((i for i in range(1, n) if _description_head(part, k + i)), n)
    if (n == NAME_WORDS and (n4 := _name_run(part, k, limit, NAME_WORDS + 1)) > n
            and k + n4 < len(part.word_starts) and _description_head(part, k + n4)):
        n = n4  # a name of four words before its description
    if n <= NAME_WORDS:
        # زيد بن رعد الحسين، المفوض السامي …; أبو بكر الحسن، المتحدث باسم …: a family name
        # with ال ends the name when a comma and a description follow it
        nd = _name_run(part, k, limit, NAME_WORDS + 1, definite=True)
        nd = next((i for i in range(1, nd) if _description_head(part, k + i)), nd)
        if (nd > n and k + nd < len(part.word_starts)
                and part.text[part.word_ends[k + nd - 1]:part.word_starts[k + nd]].strip() in ("،", ",")
                and _description_head(part, k + nd)):
            n = nd
            part.definite_names.add(strip_conjunction(part.word_texts[k + n - 1]))
    j = k + n
    if j >= len(part.word_starts) or part.word_starts[j] >= limit:
        return None
    if part.text[part.word_ends[j - 1]:part.word_starts[j]].strip(" ،,"):
        return None
    j = _after_apposition_pronoun(part, j, limit)  # مايكل كاربنتر، وهو نائب مساعد سابق …
    for jj in range(j, j + NAME_APPOSITION_HEAD_WORDS + 1):  # the title, or heads before it
        if jj >= len(part.word_starts) or part.word_starts[jj] >= limit:
            return None
        idx = _mention_at_word(part, jj)
        if idx is not None:
            m = part.mentions[idx]
            src = _Source.from_mention(m)
            if (m.get("actor_type") != "person" or src.side in ("unknown", "other")
                    or _is_object(part, m)):
                return None
            named = _Source(None, src.side, "person", None)
            for w in range(k, k + n):
                word = strip_conjunction(part.word_texts[w])
                if len(word) >= 3:
                    part.names.setdefault(word, named)
            return _name_source(part, k, n, named)
        if part.text[part.word_ends[jj - 1]:part.word_starts[jj]].strip(" ،,") or not (
                strip_conjunction(part.word_texts[jj]) in _APPOSITION_HEADS
                or part.word_texts[jj] in part.actors.title_forms):
            break
    if n < 2:
        return None
    placed = _description_side(part, j, limit)
    if placed is None and part.word_texts[j] == "من":
        placed = _from_body_side(part, j, limit)  # ترافيس تيغارت، من الوكالة الأمريكية لمكافحة المنشطات
    if placed is None:
        return None
    named = _Source(None, placed[0], "person", None)
    surname = strip_conjunction(part.word_texts[k + n - 1])
    if len(surname) >= 3 and surname not in _title_words(part):
        part.names.setdefault(surname, named)
    src = _name_source(part, k, n, named)
    src.mention["_de"] = placed[1]  # where the description's placing actor ends
    return src


def _description_side(part: _Part, j: int, limit: int) -> tuple[str, int] | None:
    """The side of the body a name's description names, and where that body's mention ends
    (codebook note 64).

    ريك فرانكونا، محلل الشؤون العسكرية في شبكة CNN; مايك ريلي رئيس لجنة الحكام في
    أنجلترا; زيد بن رعد الحسين، المفوض السامي للأمم المتحدة: word ``j`` (right after the
    name) is a head from :data:`_DESCRIPTION_HEADS` or the title lexicon, and within
    ``DESCRIPTION_WORDS`` words after it, with nothing but spaces between them and no
    complementizer, cue or relative pronoun, stands an actor of a placed side: an
    institution, country, outlet or office (a named person only after مستشار/محامي …).
    A nisba counts when it ends the head's genitive phrase (المحلل السياسي الروسي، رئيس منظمة
    الطاقة الذرية الإيرانية; note 67): after a preposition it places a body, not the person
    (أستاذ في الجامعة الأميركية في بيروت), and after a firm or a field it is theirs.
    A capital or country after في/بـ is where he works, not whom (محلل في واشنطن); a
    country further on than right after the head is part of a body's name (قوات سوريا
    الديموقراطية) unless لـ governs it (المفوض السامي للأمم المتحدة); an
    outlet after لـ whom he told (المتحدث العسكري لرويترز، لوكالة فرانس برس), and a nisba after الشؤون/قسم
    his field (محررة الشؤون الأوروبية).
    """
    n = len(part.word_starts)
    if j >= n or part.word_starts[j] >= limit or not _description_head(part, j):
        return None
    head = strip_conjunction(part.word_texts[j])
    after_preposition = domain = False
    for jj in range(j, min(n, j + DESCRIPTION_WORDS + 1)):
        if part.word_starts[jj] >= limit or _description_ends(part, j, jj):
            return None
        word = part.word_texts[jj]
        idx = _mention_at_word(part, jj)
        if idx is not None:
            m = part.mentions[idx]
            side = m.get("side")
            via = m.get("via")
            placed = isinstance(side, str) and side not in ("", "unknown", "other")
            clitic = part.text[part.word_starts[jj]:m["_ns"]]
            if via == "adjective":
                if placed and not after_preposition and jj - j <= DESCRIPTION_NISBA_WORDS and not domain:
                    return side, m["_ne"]
            elif m.get("actor_type") == "media" and (clitic.endswith("ل") or (
                    jj > j and part.word_texts[jj - 1][:1] == "ل" and len(part.word_texts[jj - 1]) > 3)):
                return None  # المتحدث العسكري لرويترز: whom he told, not where he works
            elif m.get("actor_type") == "person" and via == "name":
                prev = strip_conjunction(part.word_texts[jj - 1]) if jj > j else head
                # مستشار ترامب; مستشار حملة ترامب، محامي فريق ترامب (note 89): his side
                return (side, m["_ne"]) if placed and (prev in _RELATED_PERSON or prev in _RELATED_BODY) else None
            elif (via == "metonym" or m.get("actor_type") == "country") and (
                    (jj > j and part.word_texts[jj - 1] == "في") or clitic.endswith("ب")):
                pass  # محلل في واشنطن، رئيسة بعثة الصليب الأحمر في سوريا: a place
            elif m.get("actor_type") == "country" and jj > j + 1 and not clitic.endswith("ل"):
                pass  # مسؤول مكتب العلاقات العامة في قوات سوريا الديموقراطية: inside a name
            else:
                return (side, m["_ne"]) if placed else None
        if word in _DOMAIN_NOUNS or (jj > j and strip_conjunction(word) in _FIRMS):
            # محررة الشؤون الأوروبية: a field of work, not a nationality; رئيس شركة غازبروم
            # الروسية: a firm's nationality, and a firm is a third party (notes 32 and 37)
            domain = True
        if word in part.roles["preposition"] or (word[:1] in ("ب", "ل") and jj > j and idx is None):
            after_preposition = True
        elif idx is not None and word[:1] in ("ب", "ل"):
            after_preposition = True
    return None


def _description_ends(part: _Part, head: int, jj: int) -> bool:
    """Whether a name's description that opens at word ``head`` ends before word ``jj``: a
    comma, quotation mark, colon or bracket, a relative pronoun or complementizer after the
    head, or a reporting word (:func:`_description_side`, :func:`_from_body_side`)."""
    if jj > head and (part.text[part.word_ends[jj - 1]:part.word_starts[jj]].strip()
                      or part.word_texts[jj] in _RELATIVE_PRONOUNS or _complementizer_at(part, jj)):
        return True
    c = bisect_left(part.cue_outer, part.word_starts[jj])
    return c < len(part.cue_outer) and part.cue_outer[c] < part.word_ends[jj]


def _from_body_side(part: _Part, j: int, limit: int) -> tuple[str, int] | None:
    """The side of the body a name is "from" (codebook note 93): ترافيس تيغارت، من الوكالة
    الأمريكية لمكافحة المنشطات; برونو دالز من وزارة المالية الفرنسية.

    Word ``j`` is من; within ``DESCRIPTION_WORDS`` words after it, with nothing but spaces
    between and no complementizer, cue or relative pronoun, the first mention places the
    name when it is an institution, office or outlet of a placed side, or a nisba that ends
    the genitive phrase opened right after من (not after a further preposition, a firm or a
    field). A country or capital is where he comes from (من واشنطن، من روسيا), not whose he is.
    """
    n = len(part.word_starts)
    if j + 1 >= n or not (_mention_at_word(part, j + 1) is not None
                          or _bare_definite(part.word_texts[j + 1]) in _ORGANISATION_HEADS):
        return None  # حذرت منظمات من إجبار …، ساخرة من عالم …: the verb's or adjective's من
    for jj in range(j + 1, min(n, j + DESCRIPTION_WORDS + 1)):
        if part.word_starts[jj] >= limit or _description_ends(part, j, jj):
            return None
        word = part.word_texts[jj]
        idx = _mention_at_word(part, jj)
        if idx is not None:
            m = part.mentions[idx]
            side = m.get("side")
            if not (isinstance(side, str) and side not in ("", "unknown", "other")):
                return None
            if m.get("via") == "adjective":
                return side, m["_ne"]  # من المعهد الفرنسي: the nisba ends the phrase opened after من
            if m.get("via") == "metonym" or m.get("actor_type") in ("country", "person"):
                return None  # from a place, or a person's man: not his body
            return side, m["_ne"]
        if (word in part.roles["preposition"] or word in _DOMAIN_NOUNS or strip_conjunction(word) in _FIRMS
                or (word[:1] in ("ب", "ل") and jj > j + 1)):
            return None  # a further preposition, a field or a firm: the nisba is not his
    return None


def _description_head(part: _Part, j: int) -> bool:
    """Word ``j`` may head a name's description: a title, an apposition head or one of
    :data:`_DESCRIPTION_HEADS`."""
    word = part.word_texts[j]
    return word in _PERSON_NOUN_FORMS or word in part.actors.title_forms


#: Nouns that head a description of a person after his name (ريك فرانكونا، محلل …),
#: beside the title lexicon; counted after unknown names on 4,500 ANT articles.
_DESCRIPTION_HEADS = frozenset(normalize(w) for w in (
    "رئيس", "رئيسة", "مدير", "مديرة", "المدير", "المديرة", "عضو", "عضوة", "مسؤول", "مسؤولة",
    "المسؤول", "المسؤولة", "كبير", "كبيرة", "خبير", "خبيرة", "الخبير", "الخبيرة", "محلل",
    "محللة", "المحلل", "المحللة", "باحث", "باحثة", "الباحث", "الباحثة", "أستاذ", "أستاذة",
    "الأستاذ", "الأستاذة", "مؤسس", "المؤسس", "الأمين", "أمين", "المفوض", "المفوضة", "مفوض",
    "صحفي", "صحفية", "الصحفي", "الصحفية", "صحافي", "صحافية", "الصحافي", "الصحافية", "المراسل",
    "المراسلة", "مستشار", "المستشار", "مساعد", "محامي", "المحامي", "محامية", "المحامية",
    "ممثل", "ممثلة", "الممثل", "الممثلة", "مندوب", "عميد", "العميد", "اللواء", "العقيد",
    "الكولونيل", "المقدم", "الرائد", "الفريق", "نائبة", "ضابط", "الضابط",
    "المتحدث", "المتحدثة", "متحدث", "متحدثة", "الناطق", "الناطقة", "وزير", "وزيرة", "سفير",
    "قائد", "زعيم", "محرر", "محررة", "المحرر", "كاتب", "الكاتب", "كاتبة", "الكاتبة",
    # the same offices in the other gender, definite or not, and the deputies, envoys,
    # judges, prosecutors and governors of a body (وكيل وزارة الخارجية الأمريكية توماس شانون)
    "وكيل", "وكيلة", "الوكيل", "مبعوث", "مبعوثة", "المبعوث", "المبعوثة", "مندوبة", "المندوب",
    "المندوبة", "سفيرة", "السفير", "السفيرة", "قاضي", "قاضية", "القاضي", "القاضية", "المدعي",
    "محافظ", "المحافظ", "زعيمة", "قائدة", "مستشارة", "المستشارة", "مساعدة", "المساعد",
))
_DOMAIN_NOUNS = frozenset(normalize(w) for w in (
    "الشؤون", "شؤون", "للشؤون", "لشؤون", "بالشؤون", "قسم", "ملف", "مكتب", "العلاقات", "علاقات",
    "للعلاقات", "الدراسات", "دراسات", "للدراسات",
))
#: Definite titles of persons that may stand before a name the lexicons do not know.
_PERSON_TITLES = frozenset(normalize(w) for w in (
    "السيناتور", "السناتور", "السيناتورة", "السناتورة", "النائب", "النائبة", "القاضي", "القاضية",
    "الجنرال", "السفير", "السفيرة", "المبعوث", "المندوب", "الوزير", "الوزيرة", "المراسل",
))
_RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"})


#: Words that head an appositive description before the title or person it names
#: (أحد مستشاري الرئيس الأمريكي، مساعد وزير الخارجية): the description places the name.
_APPOSITION_HEADS = _RELATED_PERSON | frozenset(normalize(w) for w in (
    "أحد", "إحدى", "مؤيدي", "مستشاري", "مساعدي", "أنصار", "عضو", "نائب", "مسؤول", "المسؤول",
))
_DEMONSTRATIVES = frozenset(normalize(w) for w in (
    "ذلك", "هذا", "هذه", "تلك", "هؤلاء", "أولئك", "هذين", "هاتين", "ذلكم",
))
#: The nouns of persons that head a description, with و or ف before them.
_PERSON_NOUN_FORMS = frozenset(
    {c + w for c in ("", "و", "ف") for w in _DESCRIPTION_HEADS | _APPOSITION_HEADS})
#: Every noun a nisba and an apposed name may follow (note 88; built once).
_APPOSED_PERSON_NOUNS = _PERSON_NOUN_FORMS | _PERSON_TITLES | _PROFESSION_NOUNS
#: The definite person's nouns, bare or after و/ف, that a name may follow (built once).
_DEFINITE_PERSON_NOUN_FORMS = frozenset(
    c + w for c in ("", "و", "ف") for w in _APPOSED_PERSON_NOUNS if w.startswith("ال"))


#: Nouns of persons and bodies that may speak with a possessive pronoun on them, besides
#: the offices, relations and bodies the rules already list (:data:`_APPOSED_PERSON_NOUNS`,
#: :data:`_RELATED_BODY`): وقالت والدته، وقال أعضاؤه، وأعلن ناديه.
_POSSESSED_SPEAKERS = frozenset(normalize(w) for w in (
    "والد", "والدة", "والدا", "والدي", "أب", "أم", "أخ", "أخت", "أشقاء", "ابنا", "أبناء", "نجلة",
    "نجلا", "صديق", "صديقة", "صديقات", "أصدقاء", "شريك", "شريكة", "أقارب", "مناصرو", "مؤيدو",
    "مسؤولو", "أعضاء", "قادة", "زملاء", "زميل", "زميلة", "رفاق", "خصوم", "منتقدو", "معارضو",
    "حلفاء", "ممثلو", "مدرب", "جيش", "وزارة", "شركة", "جماعة", "مجلس", "برلمان", "سلطات", "شرطة",
    "رجال", "موظفو", "لاعبو", "جماهير", "سكان", "مواطنو", "شعب", "خارجية", "دفاع", "نادي",
    "منتخب", "اتحاد", "صحيفة", "وكالة", "قناة", "موقع", "مصدر", "مصادر", "مراسل", "مراسلة",
    "طبيب", "طبيبة", "أطباء",
))


def _possessed_thing(part: _Part, k: int) -> bool:
    """Word ``k`` is a noun with a possessive pronoun that names no person or body that could
    speak (خجله، اعتزاله، اهتمامه، فرحتها، ذكرهما; but زوجته، محاميه، أنصاره، مساعدوه،
    حكومتها): after a verb it is the verb's object, not an unknown speaker (codebook note 132).
    A final ه is a pronoun only where the original text writes ه, not ة (فاطمة، حمزة), and
    not after ي or in الله or before a second name word, where names end so too (رأيه is
    therefore still read as a name: a known limit)."""
    word = strip_conjunction(part.word_texts[k])
    if word.startswith("ال") or word in _DEMONSTRATIVES or _known_name(part, k) is not None:
        return False  # هذه المنظمة: a demonstrative, not a noun with a pronoun
    suffix = next((s for s in _OBJECT_SUFFIXES if word.endswith(s) and len(word) - len(s) >= 3), None)
    if suffix is None:
        return False
    stem = word[:-len(suffix)]
    if suffix == "ه":
        end = part.norm.to_original(part.word_ends[k] - 1, part.word_ends[k])[1]
        if part.original[end - 1:end] != "ه":
            return False  # ة: a feminine noun or name, no pronoun
        if not stem.endswith("ت") and (stem.endswith(("ي", "الل"))
                                       or _name_run(part, k, len(part.text)) > 1):
            return False  # بيونسيه، جوزيه مورينيو، نصرالله: names end so too
    # زوجته، حكومتها: the ة of the noun is written ت before the pronoun
    stems = {stem, stem[:-1] + "ه"} if stem.endswith("ت") else {stem}
    if stem.endswith(("ؤ", "ئ")):
        stems.add(stem[:-1] + "ء")  # أعضاؤه، أعضائه: the hamza of أعضاء on its seat
    return not any(s in _POSSESSED_SPEAKERS or s in _APPOSED_PERSON_NOUNS or s in _RELATED_BODY
                   or s in part.actors.title_forms for s in stems)


def _unresolved_subject(part: _Part, pos: int, limit: int, masculine: bool = False) -> _Source | None:
    """A subject the actor lexicon does not know (وذكر وزير النقل أحمد أرسلان أنه …).

    The word right after the verb decides: a preposition, complementizer, adverb,
    participle, colon or quotation mark means no subject (pro-drop), and so does a thing with
    a possessive pronoun (أبدى خجله: note 132); any other word is an unresolved subject:
    type ``person`` unless it is definite (الشرطة → institution),
    side ``other`` (docs/codebook-notes.md, note 37: the lexicon knows the Russian and US
    speakers, so a named speaker it does not know is most often a third party). A first
    name and a surname are remembered: the surname alone is that speaker later (note 59).
    """
    k = _skip_adverbials(part, part.next_word_index(pos), limit)
    if k >= len(part.word_starts) or part.word_starts[k] >= limit:
        return None
    if part.text[pos:part.word_starts[k]].strip(" ،,"):
        return None  # colon or quotation mark first
    if k > part.next_word_index(pos) and part.text[pos:part.word_starts[k]].strip():
        return None  # قال، الأربعاء، … : punctuation after the adverbial, no subject
    word = part.word_texts[k]
    bare = strip_conjunction(word)
    if word == _ALI and (ali := _ali_name(part, k, limit)) is not None:
        return ali  # وقال علي القرة داغي: the name Ali, not the preposition على (codebook note 113)
    if word in part.lex.resumptive:
        return None  # قال فيها: …
    if bare in _RELATIVE_MA:
        return None  # ووصفت ما حصل بـ …، قال ما معناه: what was said, the object (codebook note 108)
    if bare in _DEMONSTRATIVES and not (
            k + 1 < len(part.word_starts) and part.word_texts[k + 1].startswith("ال")):
        return None  # نفت ذلك: the object, the subject dropped (but وقالت هذه المصادر)
    if masculine and (j := _mention_at_word(part, k)) is not None and _country_name(part.mentions[j]):
        return None  # وطالب روسيا بـ …: the country is the object (see _subject_after)
    if word in part.roles["anaphor"]:
        return _Source(None, "unknown", "anaphor", None)  # resolved by the caller
    if word[:1] in ("ب", "ل") and (named := _known_name(part, k)) is not None:
        return named  # وقال بيرهوف, after أوليفر بيرهوف: a surname the article introduced (note 92)
    if (word in part.roles["preposition"] or bare in part.roles["preposition"]
            or word in part.roles["adverb"] or (word[:1] in ("ب", "ل") and word not in part.roles["name"]
                                                and not _recurring_clitic_name(part, k, limit)
                                                and not _described_clitic_name(part, k, limit))
            or word.isdigit()
            or _complementizer_at(part, k) or word.startswith(("قائل", "مضيف", "مشير"))
            or _accusative(part, k)):
        return None
    named = _known_name(part, k)
    if named is not None:  # وأضاف ويليامسون, after وزير الدفاع البريطاني غافين ويليامسون
        return named
    if (described := _described_subject(part, k, limit)) is not None:
        return described
    anonymous = _anonymous_head(part, word)
    if word == "احد" and k + 1 < len(part.word_starts) and part.word_starts[k + 1] < limit:
        anonymous = _anonymous_head(part, part.word_texts[k + 1])  # أحد المسؤولين
        k += anonymous is not None
    if anonymous is None and bare in _QUANTIFIERS and (counted := _counted_noun(part, k, limit)) is not None:
        j, counted_word = counted
        # عدد من المسؤولين، العديد من الخبراء: the officials and experts speak, unnamed;
        # العديد من الدراسات، بعض التقارير: documents of nobody in particular
        anonymous = _anonymous_head(part, counted_word) or (
            _anonymous_head(part, counted_word[2:]) if counted_word.startswith("ال") else None)
        if anonymous is not None:
            if (idx := _mention_at_word(part, j)) is not None and part.mentions[idx]["_ne"] <= limit and (
                    part.mentions[idx].get("side") not in (None, "", "unknown", "other")):
                # عدد من المسؤولين الأمريكيين: the counted noun is a placed mention (note 94's review)
                m = part.mentions[idx]
                n = bisect_left(part.word_starts, m["_ne"]) - k
                return _name_source(part, k, n, _Source(m.get("actor_id") or anonymous, m["side"], "anonymous", None))
            return _anonymous_unlisted(part, j, anonymous, limit)
        if counted_word in part.roles["document"] or _bare_definite(counted_word) in part.roles["document"]:
            return _name_source(part, k, j - k + 1, _Source(None, "unknown", "document", None))
    if anonymous is not None:
        return _anonymous_unlisted(part, k, anonymous, limit)
    if word.startswith("ال") and (titled := _titled_name(part, k, limit)) is not None:
        return titled
    if (bare in _HONORIFICS and k + 1 < len(part.word_starts) and part.word_starts[k + 1] < limit
            and not part.text[part.word_ends[k]:part.word_starts[k + 1]].strip()
            and (run := _name_run(part, k + 1, limit)) > 0):
        # وقال السيد ديردل: the honorific and the name, a person (codebook note 114); an
        # indefinite accusative ends the name (ورفضت السيدة تشكوس طلبا)
        run = next((j for j in range(1, run) if _accusative(part, k + 1 + j)), run)
        src = _name_source(part, k, run + 1, _Source(None, "other", "person", None))
        src.mention["unplaced"] = True
        _remember_surname(part, k + run)
        return src
    if (not bare.startswith("ال") and "ال" + bare in _APPOSED_PERSON_NOUNS
            and k + 1 < len(part.word_starts) and part.word_starts[k + 1] < limit
            and part.word_texts[k + 1] in _US_PARTY_INDEFINITE
            and not part.text[part.word_ends[k]:part.word_starts[k + 1]].strip()):
        return _name_source(part, k, 2, _Source(None, "us", "person", None))  # قال نائب جمهوري (note 122)
    if _possessed_thing(part, k):
        return None  # وأبدى خجله، أعلن اعتزاله: a thing with a possessive pronoun is the object (note 132)
    kind = "institution" if word.startswith("ال") else "person"
    if word in _PERSON_NOUN_FORMS and (described := _description_side(part, k, limit)) is not None:
        # وقال رئيس منظمة الطاقة الذرية الإيرانية إن …: an unnamed office placed by the body
        # its description names (codebook note 67)
        return _name_source(part, k, 1, _Source(None, described[0], "person", None))
    placed = _affiliation_phrase(part, k, limit, definite_rank=word in _APPOSED_PERSON_NOUNS or _description_head(part, k))
    if placed is not None and placed != "other":
        # صحفية في بي بي سي، باحث في وزارة الدفاع الروسية: placed by the body it works in
        return _name_source(part, k, 1, _Source(None, placed, kind, None))
    if (default := _office_default_side(part, bare)) is not None:
        return _name_source(part, k, 1, _Source(None, default, "person", None))  # وقال السيناتور إن …
    # The record's source offsets point at the speaker as written (its name, or the head
    # noun). It is marked unplaced and does not become the latest speaker for later
    # pro-drop verbs while a placed one exists (codebook note 39): letting it in raised dev F1 a little (0.680 ->
    # 0.683, on `other` sources) but lowered recall of the Russian and US sources (0.789 ->
    # 0.770, 0.691 -> 0.661), which the figures count; a pro-drop verb after an unplaced
    # speaker usually goes on with a placed one when the article has one.
    run = max(1, _name_run(part, k, limit)) if kind == "person" else 1
    src = _name_source(part, k, run, _Source(None, "other", kind, None))
    src.mention["unplaced"] = True
    if run >= 2:
        _remember_surname(part, k + run - 1)  # جورج سوروس: سوروس alone names him later on (note 59)
    return src


def _remember_surname(part: _Part, j: int) -> None:
    """Word ``j`` ends an unplaced person's name: alone, later in the part, it names that
    speaker, still unplaced (codebook note 59), unless it is short or a title word."""
    surname = strip_conjunction(part.word_texts[j])
    if len(surname) >= 3 and surname not in _title_words(part):
        part.names.setdefault(surname, _Source(None, "other", "person", None))


#: Honorifics before a name (السيد ديردل، السيدة ماي، ويقول السيد روس لادوا), normalised.
_HONORIFICS = frozenset(normalize(w) for w in ("السيد", "السيدة", "الآنسة", "المستر", "مستر"))
#: علي, which normalisation also makes of the preposition على.
_ALI = normalize("علي")


def _ali_name(part: _Part, k: int, limit: int) -> _Source | None:
    """Word ``k`` is the first name Ali, written with ي (the preposition على ends in ى), and a
    name-like word follows: the name, an unplaced speaker (codebook note 113). After a
    reporting verb this reading held in all 64 ANT uses outside the test split."""
    a, b = part.norm.to_original(part.word_starts[k], part.word_ends[k])
    if "ى" in part.original[a:b] or k + 1 >= len(part.word_starts) or part.word_starts[k + 1] >= limit:
        return None
    if part.text[part.word_ends[k]:part.word_starts[k + 1]].strip() or not _name_like(part, k + 1, definite=True):
        return None
    run = 1 + max(1, _name_run(part, k + 1, limit, NAME_WORDS - 1, definite=True))
    j = k + run
    if (j < len(part.word_starts) and part.word_starts[j] < limit
            and part.text[part.word_ends[j - 1]:part.word_starts[j]].strip() in ("", "،", ",")
            and (placed := _description_side(part, j, limit)) is not None):
        # علي رضا ميريوسفي، المتحدث باسم بعثة إيران: placed by the description after the name
        return _name_source(part, k, run, _Source(None, placed[0], "person", None))
    src = _name_source(part, k, run, _Source(None, "other", "person", None))
    src.mention["unplaced"] = True
    return src


def _recurring_clitic_name(part: _Part, k: int, limit: int) -> bool:
    """Whether word ``k``, which begins with ب or ل, is a name the lexicons do not know
    rather than a preposition on a noun (codebook note 107): ويقول بيزتش، 26 عاما، إن …. It
    comes back whole at least twice in the part and never without its first letter (يزتش)
    or with the article after it (:func:`_recurs_whole`), it is name-like and no mention,
    adverb or word of :data:`_NOT_SURNAMES`, and a comma, colon, quotation mark or
    complementizer follows it here (وقال بناهي "…"; a noun before a quoted name, تشير بردية
    "إيبرس", passes too: a known limit)."""
    word = part.word_texts[k]
    rest = word[1:]
    if (word in _NOT_SURNAMES or word in part.roles["adverb"] or rest in part.roles["document"]
            or rest in _PERSON_NOUN_FORMS or _mention_at_word(part, k) is not None
            or not _name_like(part, k) or not _recurs_whole(part, k)):
        return False
    j = k + 1
    if j >= len(part.word_starts) or part.word_starts[j] >= limit:
        return False
    gap = part.text[part.word_ends[k]:part.word_starts[j]].strip()
    return gap[:1] in ("،", ",", ":", '"', "«", "“") or (gap == "" and _complementizer_at(part, j) is not None)


def _described_clitic_name(part: _Part, k: int, limit: int) -> bool:
    """Whether word ``k``, which begins with ب or ل, opens a name of at least two words that
    a comma and a description follow (codebook note 117): "قال ليون بانيتا، وزير الدفاع
    الأمريكي الأسبق، إن …" is Panetta, not ل + يون. A preposition phrase has no such shape
    (لوزير الخارجية: the article on the second word ends the run)."""
    word = part.word_texts[k]
    if (word in _NOT_SURNAMES or word in part.roles["adverb"] or word[1:] in _PERSON_NOUN_FORMS
            or word[1:] in part.roles["document"]):
        return False
    n = _name_run(part, k, limit)
    n = next((i for i in range(1, n) if _description_head(part, k + i)), n)
    j = k + n
    if n < 2 or j >= len(part.word_starts) or part.word_starts[j] >= limit:
        return False
    return (part.text[part.word_ends[j - 1]:part.word_starts[j]].strip() in ("،", ",")
            and _description_head(part, j))


def _recurs_whole(part: _Part, j: int) -> bool:
    """Word ``j`` comes back whole at least twice in the part and never without its first
    letter or with the article after it (بيزتش … ويقول بيزتش: a name, not ب + يزتش)."""
    word = part.word_texts[j]
    rest = word[1:]
    if len(word) < 4 or word.startswith("لل") or rest.startswith("ال"):
        return False
    counts = _word_counts(part)
    return counts[word] >= 2 and not counts[rest] and not counts["ال" + rest]


def _word_counts(part: _Part) -> Counter[str]:
    """How often each word stands in the part, counted once per part when first asked."""
    if part.word_counts is None:
        part.word_counts = Counter(part.word_texts)
    return part.word_counts


#: Words of quantity before the noun they count (عدد من، العديد من، بعض، معظم …).
_QUANTIFIERS = frozenset(normalize(w) for w in (
    "عدد", "عددا", "العديد", "بعض", "كثير", "الكثير", "معظم", "غالبية", "أغلب", "عشرات", "مئات"))


def _counted_noun(part: _Part, k: int, limit: int) -> tuple[int, str] | None:
    """The noun a quantifier at word ``k`` counts, after من or in construct (عدد من
    المسؤولين، بعض التقارير): its word index and normalised text."""
    j = k + 1
    n = len(part.word_starts)
    if j < n and part.word_starts[j] < limit and part.word_texts[j] == "من":
        j += 1
    if j >= n or part.word_starts[j] >= limit or part.text[part.word_ends[j - 1]:part.word_starts[j]].strip():
        return None
    return j, part.word_texts[j]


def _office_default_side(part: _Part, word: str) -> str | None:
    """The side the corpus gives an office that nothing in the sentence places
    (``titles.csv`` ``default_side``: السيناتور → us), in a part whose mentions are mostly
    of that side (a story about Australia or Uruguay has senators of its own), unless the
    part places a holder of the same office on another side (السيناتور الأسترالي … وأضاف
    السناتور)."""
    found = part.actors.title_defaults.get(word)
    if found is None:
        return None
    office, side = found
    own = sum(m["side"] == side for m in part.mentions)
    if own <= sum(m["side"] not in (side, "unknown") for m in part.mentions):
        return None
    for m in part.mentions:
        if m.get("via") != "title" or m["side"] == side:
            continue
        space = part.text.find(" ", m["_ns"])
        head = strip_conjunction(part.text[m["_ns"]:space if space >= 0 else len(part.text)])
        if part.actors.title_defaults.get(head, ("",))[0] == office:
            return None
    return side


def _titled_name(part: _Part, k: int, limit: int) -> _Source | None:
    """A definite person's noun the lexicons cannot place, then a name (codebook note 64):
    وقالت المراسلة كايتلان كولينز; وقال الكولونيل المتقاعد، ريك فرانكونا، محلل الشؤون
    العسكرية بشبكة CNN. The speaker is the name: a person the article introduced, else
    placed by the description after it, else unplaced; not the noun before it."""
    word = strip_conjunction(part.word_texts[k])
    if not (word in _DESCRIPTION_HEADS or word in _APPOSITION_HEADS or word in _PERSON_TITLES):
        return None  # a person's noun, not الشرطة or الحكومة
    n = len(part.word_starts)
    j = k + 1
    if j < n and f"{word} {part.word_texts[j]}" in part.actors.title_forms:
        return None  # الناطقة باسم صناعة السياحة: a title whose body the lexicons lack
    while (j < n and j - k <= TITLED_NAME_WORDS and part.word_starts[j] < limit
           and (part.word_texts[j].startswith("ال") or part.word_texts[j] == "اول")
           and _mention_at_word(part, j) is None
           and not part.text[part.word_ends[j - 1]:part.word_starts[j]].strip()):
        j += 1  # المتقاعد، السابق، الفريق أول: adjectives of the noun
    if j >= n or part.word_starts[j] >= limit or part.text[part.word_ends[j - 1]:part.word_starts[j]].strip(" ،,"):
        return None
    run = _name_run(part, j, limit)
    run = next((i for i in range(1, run) if _description_head(part, j + i)), run)
    first = part.word_texts[j]
    if run < 2 or (first[:1] in ("ب", "ل") and (first[1:2] == "ل" or first[1:] in _FIRMS)) or (
            strip_conjunction(first) in _DESCRIPTION_HEADS):
        return None  # المؤسس المشارك لشركة مايكروسوفت: a firm, not a first name
    if (run < NAME_WORDS and part.word_texts[j + run - 1] in ("عبد", "ابو", "بن") and j + run < n
            and part.word_starts[j + run] < limit and part.word_texts[j + run].startswith("ال")
            and not part.text[part.word_ends[j + run - 1]:part.word_starts[j + run]].strip()):
        run += 1  # المحلل مهدي عبد الهادي
    if (named := _known_name(part, j + run - 1)) is not None and named.side != "other":
        return _name_source(part, j, run, named)
    after = j + run
    placed = None
    if after < n and part.word_starts[after] < limit and not part.text[
            part.word_ends[after - 1]:part.word_starts[after]].strip(" ،,"):
        placed = _description_side(part, after, limit)
    default = None if placed else _office_default_side(part, word)
    side = placed[0] if placed else default or "other"
    src = _name_source(part, j, run, _Source(None, side, "person", None))
    surname = strip_conjunction(part.word_texts[j + run - 1])
    if len(surname) >= 3 and surname not in _title_words(part):
        part.names.setdefault(surname, _Source(None, side, "person", None))
    if placed is not None:
        src.mention["_de"] = placed[1]
    elif default is None:
        src.mention["unplaced"] = True
    return src


def _title_words(part: _Part) -> frozenset[str]:
    """Every word of the title lexicon (رئيس، وزير، سفير …): never a surname to remember
    (built on first use and kept on the lexicon object, like :func:`_not_name_words`)."""
    words = part.actors.__dict__.get("_title_words")
    if words is None:
        words = frozenset(w for form in part.actors.title_forms for w in form.split())
        part.actors.__dict__["_title_words"] = words
    return words


def _known_name(part: _Part, k: int) -> _Source | None:
    """Word ``k`` is the surname of a person the article introduced (by a placed title, or
    unplaced with a first name and surname): that person, its offsets at the word, an
    unplaced one still marked unplaced (codebook notes 38, 39 and 59)."""
    word = strip_conjunction(part.word_texts[k])
    named = part.names.get(word)
    if named is None or not _name_like(part, k, definite=word in part.definite_names):
        return None  # a family name introduced with ال (الحسين) may come back bare
    src = _name_source(part, k, 1, named)
    if named.actor_id is None and named.side == "other":
        src.mention["unplaced"] = True
    return src


def _head_words(m: dict) -> set[str]:
    heads = m.get("_heads")
    if heads is None:  # computed once per mention of the article
        surface = normalize(str(m.get("surface") or ""))
        heads = m["_heads"] = {w[2:] if w.startswith("ال") else w for w in _WORD_RE.findall(surface)}
    return heads


def _repeated_title(part: _Part, pos: int, limit: int) -> _Source | None:
    """A construct title after the verb that repeats the start of one earlier institution's
    name without its nisba (codebook note 57): وقالت وزارة العدل … after وزارة العدل
    الأمريكية, وحذرت هيئة المسح الجيولوجي … after هيئة المسح الجيولوجي الأمريكية. Two
    earlier bodies that begin so (وزارة الخارجية الروسية and the US one) leave it
    unresolved. Only in the subject place of a verb: a genitive (قرار المحكمة) is left alone."""
    k = _skip_adverbials(part, part.next_word_index(pos), limit)
    if k + 1 >= len(part.word_starts) or part.word_starts[k + 1] >= limit:
        return None
    first, second = part.word_texts[k], part.word_texts[k + 1]
    if first.startswith("ال") or not second.startswith("ال") or \
            part.text[part.word_ends[k]:part.word_starts[k + 1]].strip():
        return None
    found: dict[tuple[str, str], _Source] = {}
    for j in range(bisect_left(part.mention_starts, part.word_starts[k])):
        m = part.mentions[j]
        if m.get("actor_type") != "institution" or not m.get("actor_id"):
            continue
        words = _WORD_RE.findall(normalize(str(m.get("surface") or "")))
        if len(words) > 2 and words[0].endswith(first) and words[1] == second:
            src = _Source.from_mention(m)
            if src.side != "unknown":
                found[(src.actor_id, src.side)] = src
    if len(found) != 1:
        return None
    return _name_source(part, k, 2, next(iter(found.values())))


def _definite_anaphor(part: _Part, pos: int, limit: int, last: list[_Source]) -> list[_Source] | None:
    """A bare definite noun after the verb that repeats the head of an earlier name refers
    back to it: السفارة after السفارة الروسية, الوكالة after وكالة تاس; the latest source
    first, else the latest placed mention before the verb (وقالت الإدارة … after إدارة
    ترمب, in an earlier sentence that quoted nobody)."""
    inside = bisect_right(part.word_starts, pos) - 1
    if inside >= 0 and part.word_starts[inside] < pos < part.word_ends[inside] and part.text[pos] == "ل":
        # ووفقا للوزارة: وفقا لـ took the first ل of للوزارة (لـ + الوزارة), the rest is the noun
        k, word = inside, "ال" + part.text[pos + 1:part.word_ends[inside]]
    else:
        k = _skip_adverbials(part, part.next_word_index(pos), limit)
        if k >= len(part.word_starts) or part.word_starts[k] >= limit:
            return None  # no word before the limit (a marker closing the text: … بحسب أمس)
        word = part.word_texts[k]
    if not word.startswith("ال") or len(word) < 5:
        return None
    if last and last[0].mention is not None and word[2:] in _head_words(last[0].mention):
        return list(last)
    head = word[2:]
    # a noun with its own definite qualifier (اللجنة الأولمبية الدولية) is no bare anaphor of a
    # nisba-placed body (the review of note 123)
    bare_noun = not (k + 1 < len(part.word_starts) and part.word_starts[k + 1] < limit
                     and not part.text[part.word_ends[k]:part.word_starts[k + 1]].strip()
                     and part.word_texts[k + 1].startswith("ال")
                     and part.word_texts[k + 1].endswith(("ي", "يه")))  # not اللاعبة الحاصلة
    for j in range(bisect_left(part.mention_starts, pos) - 1, -1, -1):
        m = part.mentions[j]
        src = _Source.from_mention(m)
        if src.side in ("unknown", "other"):
            continue
        if m.get("actor_type") != "person" and head in _head_words(m):
            return [_name_source(part, k, 1, src)]  # وقالت الحكومة … after الحكومة السورية
        if m.get("via") == "adjective" and bare_noun and _nisba_placed_head(part, m, head):
            # وقال المركز … after مركز المصالحة الروسي, وأعلنت الشركة … after الشركة الروسية
            # (codebook note 123): the noun whose phrase the nisba closed
            kind = "person" if "ال" + head in _APPOSED_PERSON_NOUNS else "institution"
            return [_name_source(part, k, 1, _Source(None, src.side, kind, None))]
        prev = part.prev_word(m["_ns"])
        if (m.get("actor_type") == "person" and prev is not None and head in _RELATED_BODY
                and strip_conjunction(prev[2]) == head):
            return [_name_source(part, k, 1, _Source(None, src.side, "institution", None))]  # after إدارة ترمب
    return None


#: How many words a nisba may stand after the noun it places in a body's name (مركز المصالحة
#: الروسي: two).
NISBA_HEAD_WORDS = 3


#: Heads of bodies that a nisba does not place on a side when a bare definite noun refers
#: back to them: firms, networks, organisations and studies are third parties whatever
#: their country (codebook notes 32 and 37; الشركة الأمريكية، الشبكة السورية لحقوق الإنسان).
_THIRD_PARTY_BODY_HEADS = frozenset(normalize(w) for w in (
    "شركة", "مجموعة", "شبكة", "منظمة", "دراسة", "جمعية", "مؤسسة",
    # academies, federations, clubs, institutes and universities (the review of note 123:
    # the Oscars academy, the Saudi football federation, a Russian club)
    "أكاديمية", "اتحاد", "نادي", "معهد", "جامعة",
))


def _nisba_placed_head(part: _Part, m: dict, head: str) -> bool:
    """Whether the nisba mention ``m`` closes a phrase headed by the noun ``head`` (without
    its article): مركز المصالحة الروسي and الشركة الروسية for head مركز/شركة. The noun
    stands at most ``NISBA_HEAD_WORDS`` words before the nisba with only spaces and no other
    mention between, and the nisba agrees with it in gender (مركز … الروسي, not مركز
    الدراسات الروسية, where the nisba is the genitive's) and in definiteness (الشركة الروسية،
    باحثون أميركيون; an indefinite head in construct takes a definite nisba). Between an
    indefinite head and the nisba stand only definite genitives, between a definite head and
    the nisba only relational adjectives (المركز الوطني الأميركي, not الفصائل الطلب الروسي);
    روس and a nisba after a place noun (مدينة روسي) close no body's name (the two reviews of
    codebook note 123)."""
    if head in _THIRD_PARTY_BODY_HEADS:
        return False
    k = _word_index_at(part, m["_ns"])
    texts, starts, ends = part.word_texts, part.word_starts, part.word_ends
    if k < 1 or starts[k] != m["_ns"]:
        return False
    nisba = texts[k]
    if nisba in _NISBA_NAME_HOMOGRAPHS or (k >= 1 and strip_conjunction(texts[k - 1]) in _PLACE_NOUNS):
        return False  # روس زافونت (Dr Ross), مدينة روسي (the city of Ruse)
    nisba_definite = nisba.startswith("ال")
    for j in range(k - 1, max(-1, k - 1 - NISBA_HEAD_WORDS), -1):
        if part.text[ends[j]:starts[j + 1]].strip() or _mention_at_word(part, j) is not None:
            return False
        word = strip_conjunction(texts[j])
        definite = word.startswith("ال")
        bare = word[2:] if definite else word
        if bare == head:
            # the nisba agrees with its noun in definiteness: الشركة الروسية، باحثون أميركيون; an
            # indefinite head in construct takes a definite one (مركز المصالحة الروسي); only
            # adjectives stand between a definite head and the nisba (المركز الوطني الأميركي)
            if definite != nisba_definite and not (not definite and nisba_definite and j < k - 1):
                return False
            if definite and any(not texts[i].endswith(("ي", "يه")) for i in range(j + 1, k)):
                return False  # الفصائل الطلب الروسي: a noun between, the nisba is its own
            return head.endswith(("ة", "ه")) == nisba.endswith(("ة", "ه"))  # normalised ة is ه
        if not definite or word in part.roles["preposition"] or _complementizer_at(part, j):
            return False  # only definite genitives or adjectives between the head and the nisba
    return False


#: Nisba forms that are also a name (روس: the Russians, and Ross in روس زافونت).
_NISBA_NAME_HOMOGRAPHS = frozenset(normalize(w) for w in ("روس",))
#: Nouns of places before a nisba that is the place's name (مدينة روسي: Ruse, Bulgaria).
_PLACE_NOUNS = frozenset(normalize(w) for w in ("مدينة", "بلدة", "قرية", "ولاية", "مقاطعة", "إقليم"))


def _anonymous_head(part: _Part, word: str) -> str | None:
    """The anonymous actor a subject word names, duals included (مسؤولان، المسؤولان → official)."""
    heads = part.actors.anonymous_heads
    found = heads.get(word)
    if found is None and word.endswith(("ان", "ين")):
        found = heads.get(word[:-2])
    return found


def _anonymous_at(part: _Part, word_end: int, end: int, src: _Source) -> _Source:
    """``src``, an anonymous subject right after the verb that ends at ``word_end``, with its
    words as its span (codebook note 111): the head, or a quantifier with the noun it counts
    (معظم المحللين، عدد من الخبراء), and the adjectives and affiliation that place it."""
    k = _skip_adverbials(part, part.next_word_index(word_end), end)
    head = k
    if strip_conjunction(part.word_texts[k]) in _QUANTIFIERS and (counted := _counted_noun(part, k, end)) is not None:
        head = counted[0]
    last = head
    # and what places it: a nisba or rank adjective (مسؤولون أمنيون، المسؤول الإيراني) or an
    # affiliation (مسؤول في وزارة الخزانة الأمريكية)
    n = len(part.word_starts)
    while (last + 1 < n and part.word_starts[last + 1] < end
           and not part.text[part.word_ends[last]:part.word_starts[last + 1]].strip()):
        word = part.word_texts[last + 1]
        if word in _RANK_ADJECTIVES or (word.endswith(("ون", "ين")) and word[:-2] in _RANK_ADJECTIVES):
            last += 1  # مسؤولون أمنيون، مسؤولين عسكريين
            continue
        idx = _mention_at_word(part, last + 1)
        if (idx is None or part.mentions[idx].get("via") != "adjective"
                or part.mentions[idx]["_ns"] != part.word_starts[last + 1]):
            break
        last = _word_index_at(part, part.mentions[idx]["_ne"] - 1)
    if (found := _affiliation(part, last, end)) is not None:
        last = max(last, found[1])
    return _Source(src.actor_id, src.side, "anonymous", _name_source(part, k, last - k + 1, src).mention)


def _anonymous_unlisted(part: _Part, k: int, actor: str, limit: int) -> _Source:
    """An anonymous subject the actor lexicon did not place (مسؤولان بالإدارة الأمريكية، المسؤول).

    An affiliation right after it (ب/في/من + a mention) gives its side; otherwise it is left
    to the nearest placed anonymous source (note 17).
    """
    n = len(part.word_starts)
    start = k
    k += 1
    if k < n and part.word_starts[k] < limit and part.word_texts[k] in ("في", "من", "داخل", "لدي"):
        k += 1
    if k < n and part.word_starts[k] < limit and (j := _mention_at_word(part, k)) is not None:
        m = part.mentions[j]
        prefix = part.text[part.word_starts[k]:m["_ns"]]
        side = m.get("side")
        if (prefix in ("ب", "") and (m.get("via") != "adjective" or (prefix == "" and k == start + 1))
                and not (prefix == "" and m.get("actor_type") == "media")  # أبلغ المسؤول رويترز: the one told
                and isinstance(side, str) and side
                and side != "unknown" and part.text[part.word_ends[k - 1]:part.word_starts[k]].strip(" #") == ""):
            # مسؤولان بالبيت الأبيض; a nisba right after the head agrees with it: المسؤولين الإيرانيين
            return _Source(actor, side, "anonymous", None)
    if (placed := _affiliation_phrase(part, start, limit)) is not None:
        return _Source(actor, placed, "anonymous", None)
    return _Source(actor, "unknown", "anonymous", None)


#: Adjectives of an anonymous head before its affiliation (مسؤول كبير في …), normalised.
_RANK_ADJECTIVES = frozenset(normalize(w) for w in (
    "كبير", "كبار", "رفيع", "بارز", "بارزين", "سابق", "سابقون", "سابقين", "آخر", "آخرون", "مطلع", "مطلعون",
    "مطلعين", "أمني", "عسكري", "حكومي", "دبلوماسي", "رسمي",
    # a definite head's adjectives agree with it (المسؤول السابق في وزارة الدفاع الأميركية)
    "الكبير", "الرفيع", "البارز", "السابق", "السابقة", "السابقون", "السابقين", "الأمني", "العسكري",
    "الحكومي", "الدبلوماسي", "الرسمي",
))


#: Nouns of a firm: an anonymous source in one is a third party (مسؤول في شركة روسية).
_FIRMS = frozenset(normalize(w) for w in (
    "شركة", "الشركة", "شركات", "مجموعة", "بنك", "مصرف", "مصنع", "مؤسسة",
))


#: How many definite words may name a person's field between his head noun and the
#: preposition of his affiliation (مدير الاتصالات بالبيت الأبيض; codebook note 126).
AFFILIATION_FIELD_WORDS = 2


def _affiliation_phrase(part: _Part, k: int, limit: int, definite_rank: bool = True) -> str | None:
    """The side of the body an anonymous head belongs to, named a few nouns after في/من/بـ
    (:func:`_affiliation`)."""
    found = _affiliation(part, k, limit, definite_rank)
    return found[0] if found is not None else None


def _affiliation(part: _Part, k: int, limit: int, definite_rank: bool = True) -> tuple[str, int] | None:
    """The side of the body an anonymous head belongs to, named a few nouns after في/من/بـ,
    and the index of the phrase's last word.

    مسؤول كبير في شركة شحن صينية، مصدر عسكري في قيادة التحالف الأمريكي: after the head
    (word ``k``) and at most one rank adjective, a preposition, then at most
    ``AFFILIATION_NOUN_WORDS`` plain nouns and a mention of a placed side (a nisba
    adjective or a name). Anything else between (a verb, a cue, a second preposition, a
    comma) means no affiliation. A definite rank adjective (المسؤول السابق في …) is skipped
    only with ``definite_rank``: after a head of persons, not after المسجد الكبير في باريس
    (review of note 103).
    """
    n = len(part.word_starts)
    j = k + 1
    if j < n and part.word_starts[j] < limit and part.word_texts[j] in _RANK_ADJECTIVES and (
            definite_rank or not part.word_texts[j].startswith("ال")):
        j += 1  # a definite adjective only on a head of persons (not المسجد الكبير في باريس)
    if j >= n or part.word_starts[j] >= limit:
        return None
    if definite_rank:
        # مدير الاتصالات بالبيت الأبيض، مسؤول الملف السوري في الخارجية الأمريكية: the head's
        # field, one or two definite words no mention covers, before the preposition (note 126)
        field = j
        while (field < n and field - j < AFFILIATION_FIELD_WORDS and part.word_starts[field] < limit
               and part.word_texts[field].startswith("ال") and _mention_at_word(part, field) is None
               and not part.text[part.word_ends[field - 1]:part.word_starts[field]].strip()
               and part.word_texts[field] not in part.roles["preposition"]):
            field += 1
        if field > j and field < n and part.word_starts[field] < limit and (
                part.word_texts[field] in ("في", "لدي") or (part.word_texts[field][:3] == "بال" and len(part.word_texts[field]) > 4)) \
                and not part.text[part.word_ends[field - 1]:part.word_starts[field]].strip():
            j = field
    word = part.word_texts[j]
    if word in ("في", "من", "داخل", "لدي"):
        j += 1
    elif not (word[:1] == "ب" and len(word) > 3):
        return None
    for jj in range(j, min(n, j + AFFILIATION_NOUN_WORDS + 1)):
        if part.word_starts[jj] >= limit or part.text[part.word_ends[jj - 1]:part.word_starts[jj]].strip():
            return None
        idx = _mention_at_word(part, jj)
        if idx is not None:
            side = part.mentions[idx].get("side")
            if jj == j and part.mentions[idx].get("via") == "adjective":
                return None
            if not (isinstance(side, str) and side and side != "unknown"):
                return None
            if part.mentions[idx].get("actor_type") == "media" and part.text[
                    part.word_starts[jj]:part.mentions[idx]["_ns"]].endswith("ل"):
                return None  # محللون في استطلاع لرويترز: the outlet is the medium (via), not the body
            # a firm is a third party whatever its country (codebook notes 32 and 37)
            last = _word_index_at(part, part.mentions[idx]["_ne"] - 1)
            return ("other" if jj > j and strip_conjunction(part.word_texts[j]) in _FIRMS else side), last
        w = part.word_texts[jj]
        if (w in part.roles["preposition"] or _complementizer_at(part, jj) or _blocks_subject(part, w)
                or (jj > j and w[:1] in ("ب", "ل"))):
            return None
        c = bisect_left(part.cue_outer, part.word_starts[jj])
        if c < len(part.cue_outer) and part.cue_outer[c] < part.word_ends[jj]:
            return None
    return None


_ISSUED = frozenset({"صادر", "الصادر", "صادره", "الصادره", "صدر", "صدرت"})


def _document_after(part: _Part, pos: int, last: list[_Source]) -> tuple[list[_Source], int] | None:
    """وقال البيان إن …: a document source right after the cue.

    A definite document (البيان) with no owner named after it is read by
    :func:`_definite_document` (note 82, else the last source's); an indefinite one (تقارير)
    is nobody's in particular: side ``unknown``.
    """
    k = part.next_word_index(pos)
    if k >= len(part.word_starts) or part.text[pos:part.word_starts[k]].strip():
        return None
    word = part.word_texts[k]
    if word not in part.roles["document"]:
        return None
    return _document_at(part, k, word, last)


def _document_at(part: _Part, k: int, word: str, last: list[_Source]) -> tuple[list[_Source], int] | None:
    """Whose the document noun ``word`` at word ``k`` is (:func:`_document_after`); ``word``
    may be the rest of a marker's own word (وفقا لبيان صادر عن …: بيان)."""
    end = part.word_ends[k]
    j = _owning_mention(part, k)
    if j is None:  # بيان صادر عن الخارجية الأميركية
        j = bisect_left(part.mention_starts, end)
        gap = part.text[end:part.mentions[j]["_ns"]].split() if j < len(part.mentions) else []
        if not (len(gap) == 2 and gap[0] in _ISSUED and gap[1] in ("عن", "من")):
            j = None
    if j is not None:
        owner = _Source.from_mention(part.mentions[j])
        return [_Source(owner.actor_id, owner.side, "document", owner.mention)], part.mentions[j]["_ne"]
    if (k + 3 < len(part.word_starts) and part.word_texts[k + 1] in _ISSUED and part.word_texts[k + 2] in ("عن", "من")
            and part.text[end:part.word_starts[k + 3]].split() == part.word_texts[k + 1:k + 3]
            and (same := _definite_anaphor(part, part.word_ends[k + 2], part.word_ends[k + 3], last)) is not None):
        # بيان صدر عن الوزارة, after الخارجية الروسية: the ministry named before (codebook note 116)
        owner = same[0]
        return [_Source(owner.actor_id, owner.side, "document", owner.mention)], part.word_ends[k + 3]
    if (owned := _document_owner(part, k)) is not None:
        return owned
    if not word.startswith("ال"):
        return [_Source(None, "unknown", "document", None)], end  # وأشارت تقارير إلى …
    found = _definite_document(part, word, part.word_starts[k], last)
    return (found, end) if found is not None else None


def _definite_document(part: _Part, word: str, pos: int, last: list[_Source]) -> list[_Source] | None:
    """Whose a definite document or outlet noun with no owner after it is (البيان، الصحيفة),
    as the subject of a cue at ``pos``; None when it is no source.

    An outlet noun refers back to the outlet named last (codebook note 63), unless an outlet
    spoke last (صحيفة "يني الشفق" التركية … وقالت الصحيفة: that one). A document noun refers
    back to the same noun named earlier in the part with its owner (تقرير منظمة العفو …
    وأضاف التقرير; note 82); failing that, it is the last source's (note 29).
    """
    if word in _MEDIUM_ANAPHORS and not (last and last[0].source_type == "media"):
        medium = _last_medium(part, pos)
        if medium is not None:
            return [medium]
        if word != _THE_NEWSPAPER:
            return None  # no outlet named before: an unplaced definite subject, as before
        if last and (paper := _unlisted_paper(part, pos, last[0])) is not None:
            return [paper]  # الصحيفة after "صحيفة إلفاتو كوتيديانو أشارت …" (codebook note 120)
    elif word not in _MEDIUM_ANAPHORS and (owned := _earlier_owned_document(part, word, pos)) is not None:
        return [owned]
    side = last[0].side if last else "unknown"
    actor = last[0].actor_id if last else None
    return [_Source(actor, side, "document", None)]


def _owning_mention(part: _Part, k: int) -> int | None:
    """Index of the mention that owns the document noun at word ``k`` by standing right after
    it (تقرير منظمة العفو، البيان الروسي), else None.

    After an indefinite noun any mention is its genitive owner; after a definite one only a
    nisba is (a name there is the verb's object: اتهم التقرير روسيا, note 82). A line break
    ends the phrase (a headline that ends in تقرير).
    """
    end = part.word_ends[k]
    j = bisect_left(part.mention_starts, end)
    if j >= len(part.mentions):
        return None
    gap = part.text[end:part.mentions[j]["_ns"]]
    if gap.strip() or "\n" in gap:
        return None
    word = strip_conjunction(part.word_texts[k])
    return j if not word.startswith("ال") or part.mentions[j].get("via") == "adjective" else None


#: How many words before a nisba the preposition that opens its fronted phrase may stand.
FRONTED_PHRASE_WORDS = 8

#: How many words back a definite document looks for the same noun named with its owner.
DOCUMENT_ANTECEDENT_WORDS = 400


def _earlier_owned_document(part: _Part, word: str, pos: int) -> _Source | None:
    """The owner of the nearest earlier use of the same document noun, when that use names a
    placed owner (بيان الخارجية الروسية، تقرير صادر عن منظمة العفو، تقرير الصحيفة), as a source
    without a span; None when the nearest use names none (note 82).

    The nearest use decides: one whose owner phrase names nobody the lexicons know (تقرير لمركز
    دراسات محلي), an indefinite accusative (نشرت الوزارة تقريرا) or a use framing an act (قالت
    موسكو في بيان) gives None, and the caller falls back to the last source (note 29). A
    mention counts as the owner right after an indefinite noun (تقرير منظمة العفو) or when it
    is a nisba (البيان الروسي); after a definite noun a name is the verb's object (اتهم التقرير
    روسيا), and a line break ends the phrase (a headline ending in التقرير).
    """
    noun = _bare_definite(word)
    k = part.next_word_index(pos) - 1
    floor = max(-1, k - DOCUMENT_ANTECEDENT_WORDS)
    while k > floor:
        w = strip_conjunction(part.word_texts[k])
        if w in part.roles["document"] and _bare_definite(w) == noun:
            if (j := _owning_mention(part, k)) is not None:
                owner = _Source.from_mention(part.mentions[j])  # تقرير منظمة العفو
                return _Source(owner.actor_id, owner.side, "document", None)
            if k > 0 and strip_conjunction(part.word_texts[k - 1]) in _FRAMING_PREPOSITIONS:
                return None  # وقالت الدول الأربع في بيان …: that speaker's (the fallback)
            owned = _document_owner(part, k)
            if owned is not None:
                source = owned[0][0]
                return _Source(source.actor_id, source.side, "document", None) if source.actor_id else None
            if not w.startswith("ال"):
                return None  # an indefinite use with no owner phrase: nobody to carry back
        elif _bare_definite(w) == noun + "ا" and (noun + "ا") not in part.roles["document"]:
            return None  # نشرت الوزارة تقريرا: the subject's, which the fallback gives
        k -= 1
    return None


#: A document after these frames an act (قال في بيان، أكدت في تقريرها): it is the speaker's.
_FRAMING_PREPOSITIONS = frozenset(normalize(w) for w in ("في", "عبر", "خلال"))


#: A definite outlet noun that refers back to the outlet named last (وأضافت القناة،
#: وقالت الجريدة). Normalised.
_MEDIUM_ANAPHORS = frozenset(normalize(w) for w in (
    "الصحيفة", "الجريدة", "المجلة", "القناة", "الشبكة", "الإذاعة"))
_THE_NEWSPAPER = normalize("الصحيفة")


#: Indefinite outlet nouns that open the name of an outlet the lexicons may not list
#: (صحيفة لوباريزيان); unlike ``_MEDIA_HEADS``, without the definite anaphors themselves.
_OUTLET_NAME_HEADS = frozenset(normalize(w) for w in ("صحيفة", "جريدة", "مجلة", "قناة", "شبكة", "إذاعة"))
#: An outlet's head nouns, which open the outlet and end a person's name before them (the
#: review of codebook note 119: وقال لوكا مودريتش صحيفة ماركا …).
_OUTLET_WORDS = _OUTLET_NAME_HEADS | frozenset(normalize(w) for w in ("محطة", "وكالة", "موقع"))


def _last_medium(part: _Part, pos: int) -> _Source | None:
    """The last outlet mentioned before ``pos`` in this part, as a source without a span.

    None when an outlet the lexicons do not know (صحيفة لوباريزيان) is named after it: the
    definite noun may mean that one. Answered by bisection over the part's outlet mentions and
    outlet-name heads, indexed once per part (a text citing one outlet hundreds of times does
    not walk back each time).
    """
    index = part.media_index
    if index is None:
        media = [i for i, m in enumerate(part.mentions) if m.get("actor_type") == "media"]
        heads = [part.word_starts[k] for k, w in enumerate(part.word_texts)
                 if strip_conjunction(w) in _OUTLET_NAME_HEADS]
        index = part.media_index = ([part.mentions[i]["_ns"] for i in media], media, heads)
    starts, media, heads = index
    j = bisect_left(starts, pos) - 1
    if j < 0:
        return None
    m = part.mentions[media[j]]
    k = part.next_word_index(m["_ne"])
    after = part.word_starts[k] if k < len(part.word_starts) else len(part.text)
    if bisect_left(heads, pos) > bisect_left(heads, after):
        return None  # an outlet noun the lexicons do not know stands between
    src = _Source.from_mention(m)
    return _Source(src.actor_id, src.side, "media", None)


#: Characters after an outlet's head noun within which a nisba places it (صحيفة اعتماد الإيرانية).
UNLISTED_PAPER_CHARS = 60


def _unlisted_paper(part: _Part, pos: int, last: _Source) -> _Source | None:
    """The paper the lexicons do not know that a head noun named after the last source
    (…، وقال الجيش الروسي … صحيفة إلفاتو كوتيديانو أشارت …، ووصفت الصحيفة …): an unplaced
    speaker does not become the last source (note 39), so الصحيفة would otherwise take the
    side of the speaker before it. Its side is a nisba right after the name (صحيفة اعتماد
    الإيرانية → iran), else `other` (note 37). None when no such head stands after the last
    source's words."""
    index = part.media_index  # built by _last_medium, which _definite_document asks first
    if index is None or last.mention is None:
        return None
    heads = index[2]
    h = bisect_left(heads, pos) - 1
    if h < 0 or heads[h] <= last.mention["_ne"]:
        return None
    start = heads[h]
    side = "other"
    for j in range(bisect_left(part.mention_starts, start), len(part.mentions)):
        m = part.mentions[j]
        if m["_ns"] >= min(pos, start + UNLISTED_PAPER_CHARS):
            break
        if m.get("via") == "adjective" and isinstance(m.get("side"), str) and m["side"] not in ("", "unknown"):
            side = m["side"]
            break
    return _Source(None, side, "media", None)


def _document_owner(part: _Part, k: int) -> tuple[list[_Source], int] | None:
    """The owner named a few words after a document (word ``k``), when no mention follows at once.

    بيان صادر عن مكتب حاكم الإقليم، بيان للمركز الإعلامي الأمني، بيان المحكمة: an owner
    phrase opens with صادر عن/من, with لـ, or (after an indefinite document) with a
    definite genitive. A mention within ``DOCUMENT_OWNER_WORDS`` words of the phrase is the
    owner; an owner the lexicons do not know is a third party (codebook note 37).
    """
    n = len(part.word_starts)
    j = k + 1
    between = part.text[part.word_ends[k]:part.word_starts[j]] if j < n else ""
    if j >= n or between.strip() or "\n" in between:
        return None  # a line break ends the phrase too (a headline that ends in تقرير)
    word = part.word_texts[j]
    indefinite = not strip_conjunction(part.word_texts[k]).startswith("ال")
    adjective = (indefinite and word in _DOCUMENT_INDEFINITE_ADJECTIVES and j + 1 < n
                 and not part.text[part.word_ends[j]:part.word_starts[j + 1]].strip()
                 and "\n" not in part.text[part.word_ends[j]:part.word_starts[j + 1]])
    if adjective:
        j += 1  # تقرير حديث لمؤسسة …: one adjective before the owner phrase
        word = part.word_texts[j]
    if word in _ISSUING_VERBS:
        return _issuer(part, j + 1)  # تقرير أصدرته وزارة …، استطلاع أجرته رويترز
    if indefinite and word[:1] == "ل" and word[1:] in _ORGANISATION_HEADS:
        return _issuer(part, j, heads_only=True)  # تقرير لمؤسسة "زينيث أوبتيميديا"
    if indefinite and word in ("من", "في"):
        # بيان من المفوضية الأوروبية، تقرير في صحيفة واشنطن بوست; not a place (تقرير في جنيف)
        found = _issuer(part, j + 1)
        placed = found[0][0].mention if found is not None else None
        if word == "في" and placed is not None and (
                placed.get("via") == "metonym" or placed.get("actor_type") == "country"):
            return None
        return found
    if word in _ISSUED and j + 1 < n and part.word_texts[j + 1] in ("عن", "من"):
        j += 2
        if j >= n:
            return None  # the text ends at صادر عن
    elif not (word[:2] == "لل" or (word[:1] == "ل" and _mention_at_word(part, j) is not None)
              or (word.startswith("ال") and not adjective and not part.word_texts[k].startswith("ال")
                  and word not in _DOCUMENT_ADJECTIVES and word not in part.roles["preposition"]
                  and not _complementizer_at(part, j))):
        return None
    owner_word = part.word_texts[j]  # after صادر عن, the word after it
    if owner_word.startswith("لل"):
        owner_word = "ال" + owner_word[2:]  # للصحيفة
    if owner_word in _MEDIUM_ANAPHORS and (medium := _last_medium(part, part.word_starts[k])) is not None:
        # تقرير الصحيفة، تقرير صادر عن الصحيفة: the report of the outlet named last (note 82)
        return [_Source(medium.actor_id, medium.side, "document", None)], part.word_ends[j]
    for jj in range(j, min(n, j + DOCUMENT_OWNER_WORDS)):
        if jj > j and part.text[part.word_ends[jj - 1]:part.word_starts[jj]].strip():
            break
        if (idx := _mention_at_word(part, jj)) is not None:
            return [_owner_source(part, j, part.mentions[idx])], part.mentions[idx]["_ne"]
        if _complementizer_at(part, jj) or part.word_texts[jj] in part.roles["preposition"]:
            break
    return [_Source(None, "other", "document", None)], part.word_ends[j]


def _issuer(part: _Part, j: int, heads_only: bool = False) -> tuple[list[_Source], int] | None:
    """The owner named by the phrase that opens at word ``j`` after an issuing verb (تقرير
    أصدره المركز الوطني الأمريكي، بيان أصدرته "ستراتيجي أند") or after لـ + an
    organisation's head (word ``j`` itself: تقرير لمؤسسة "زينيث").

    A mention within ``DOCUMENT_OWNER_WORDS`` words is the owner. With none, an owner that
    opens with an organisation's or outlet's head or with a quotation mark is one the
    lexicons do not know, a third party (codebook note 37); anything else (a time phrase,
    a preposition: بيان أصدره صباح الثلاثاء، بيان نشره على موقعه) names no owner (None).
    """
    n = len(part.word_starts)
    if j >= n or "\n" in part.text[part.word_ends[j - 1]:part.word_starts[j]]:
        return None
    for jj in range(j, min(n, j + DOCUMENT_OWNER_WORDS)):
        if jj > j and part.text[part.word_ends[jj - 1]:part.word_starts[jj]].strip(' "«»“”'):
            break
        if (idx := _mention_at_word(part, jj)) is not None:
            if jj > j and part.word_texts[jj][:1] in ("ب", "ل"):
                break  # الصحفيون المرافقون لبومبيو: a complement of the owner, not the owner
            owner = _owner_source(part, j, part.mentions[idx], heads_only)
            if owner.side == "unknown":
                break  # وزارة الداخلية, a title no nisba places: read by its head below
            return [owner], part.mentions[idx]["_ne"]
        if _complementizer_at(part, jj) or part.word_texts[jj] in part.roles["preposition"]:
            break
    head = part.word_texts[j][1:] if heads_only else part.word_texts[j]
    if head not in _ORGANISATION_HEADS:
        head = strip_conjunction(head)  # وشركة; not وزارة, whose و is its own
    quoted = part.text[part.word_ends[j - 1]:part.word_starts[j]].strip() in ('"', "«", "“")
    if head in _ORGANISATION_HEADS or (not heads_only and quoted):
        return [_Source(None, "other", "document", None)], part.word_ends[j]
    return None


def _owner_source(part: _Part, j: int, m: dict, clitic: bool = False) -> _Source:
    """The document source owned by mention ``m`` of the owner phrase opening at word ``j``;
    a nisba on a firm or association (للجمعية الطبية السورية الأميركية، شركة سايفر تريس
    الأميركية) is the body's nationality, and the body a third party (notes 32 and 37)."""
    owner = _Source.from_mention(m)
    head = strip_conjunction(part.word_texts[j])
    if head.startswith("لل"):
        head = "ال" + head[2:]  # للجمعية
    elif clitic:
        head = head[1:]  # لمؤسسة
    if m.get("via") == "adjective" and _bare_definite(head) in _NONGOVERNMENT_HEADS:
        return _Source(None, "other", "document", None)
    return _Source(owner.actor_id, owner.side, "document", owner.mention)


#: Heads of firms and associations: a nisba on them is no government's (normalised, no ال).
_NONGOVERNMENT_HEADS = frozenset(w.removeprefix("ال") for w in _FIRMS) | {normalize("جمعية")}

#: Relative verbs of issuing after a document, with the pronoun that refers back to it
#: (تقرير أصدرته، بيان نشره، استطلاع أجرته، وثيقة أعدها), normalised.
_ISSUING_VERBS = frozenset(normalize(w) for w in (
    "أصدره", "أصدرته", "أصدرها", "أعده", "أعدته", "أعدها", "نشره", "نشرته", "نشرها", "أجراه", "أجرته", "أجراها",
    "وزعه", "وزعته", "وزعها"))

#: Indefinite adjectives between a document and its owner phrase (تقرير حديث لمؤسسة …).
_DOCUMENT_INDEFINITE_ADJECTIVES = frozenset(normalize(w) for w in (
    "حديث", "جديد", "سابق", "سري", "رسمي", "مشترك", "مفصل", "سنوي", "شهري", "أسبوعي", "أولي", "مطول", "منفصل", "خاص",
    "بحثي"))

#: Heads of an organisation's or outlet's name: an owner the lexicons do not know (note 90),
#: and the body a person is "from" (من المعهد الفرنسي، من وزارة المالية; note 93).
_ORGANISATION_HEADS = frozenset(normalize(w) for w in (
    "مؤسسة", "شركة", "مركز", "معهد", "منظمة", "جمعية", "هيئة", "مجموعة", "بنك", "مصرف", "جامعة", "كلية",
    "صندوق", "صحيفة", "وكالة", "موقع", "مجلة", "قناة", "شبكة", "إذاعة", "مكتب", "مرصد", "مجلس", "لجنة",
    "اتحاد", "وزارة", "رئاسة", "حزب", "حركة", "جهاز", "إدارة", "مفوضية", "بعثة", "سفارة", "قنصلية",
))


#: Adjectives after a document noun that are not its owner (بيان الرسمي is rare, but
#: البيان الختامي/المشترك are common after a definite document).
_DOCUMENT_ADJECTIVES = frozenset(normalize(w) for w in ("الرسمي", "الختامي", "المشترك", "الصحفي", "الصادر"))


# --------------------------------------------------------------------------- content
def _complementizer_at(part: _Part, k: int) -> tuple[int, int] | None:
    """If word k is أن/إن/بأن (optionally with a pronoun), the content start it implies."""
    word = part.word_texts[k]
    if word not in part.comp_any:
        word = strip_conjunction(word, min_stem=2)  # وأن، فإن
        if word not in part.comp_any:
            return None
    start = part.word_ends[k] if word in part.comp_bare else part.word_starts[k]
    return part.word_starts[k], start


def _first_marker(part: _Part, a: int, b: int) -> tuple[str, int, int] | None:
    """The first colon, opening quotation mark or complementizer in ``[a, b)``.

    Asked again from the same ``a`` (the words before several markers of one sentence all
    start at its beginning), the answer comes from what was read before: the first marker
    found from ``a`` on, or how far nothing was found; only the rest up to ``b`` is read.
    """
    if b - a < _FIRST_MARKER_MEMO_CHARS:
        return _first_marker_in(part, a, b)  # a short range: read it, nothing to remember
    memo = part.first_markers.get(a)
    if memo is not None:
        read_to, found = memo
        if found is not None:
            return found if found[1] < b else None
        if b <= read_to:
            return None
        found = _first_marker_in(part, read_to, b)
    else:
        found = _first_marker_in(part, a, b)
    part.first_markers[a] = (max(a, b), found)
    return found


#: Ranges shorter than this are read afresh by :func:`_first_marker`; longer ones use (and
#: add to) what was read before from the same start.
_FIRST_MARKER_MEMO_CHARS = 400


def _first_marker_in(part: _Part, a: int, b: int) -> tuple[str, int, int] | None:
    """:func:`_first_marker` read from ``a`` to ``b``."""
    text = part.text
    best: tuple[str, int, int] | None = None
    colon = text.find(":", a, b)
    while colon >= 0 and 0 < colon < len(text) - 1 and text[colon - 1].isdigit() and text[colon + 1].isdigit():
        colon = text.find(":", colon + 1, b)
    if colon >= 0:
        best = ("colon", colon, colon + 1)
    # the first speech quotation that starts at or after a (they are sorted by start),
    # if it starts before b and before the colon
    k = bisect_left(part.quote_starts, a)
    if k < len(part.quotes):
        q = part.quotes[k]
        if not (q.start >= b or (best and q.start >= best[1])):
            best = ("quote", q.start, q.start)
    limit = min(b, best[1]) if best else b
    # Only whole words spelt like a complementizer (with و/ف) can be one: jump to them.
    # A candidate starting before ``limit`` ends (and is seen to end) before ``stop``.
    pattern, longest = part.complementizer_re
    stop = min(len(text), limit + longest + 1)
    for candidate in pattern.finditer(text, a, stop):
        if candidate.start() >= limit:
            break
        comp = _complementizer_at(part, part.next_word_index(candidate.start()))
        if comp and not part.in_any_quote(comp[0]):
            return ("complementizer", comp[0], comp[1])
    return best


def _trim(part: _Part, a: int, b: int) -> tuple[int, int]:
    text = part.text
    while a < b and (text[a].isspace() or text[a] in "،,:؛"):
        a += 1
    while True:
        while b > a and (text[b - 1].isspace() or text[b - 1] in "،,:؛;.!?؟…-"):
            b -= 1
        prev = part.prev_word(b)
        if prev and prev[1] == b and prev[0] >= a and prev[2] in part.roles["trim"]:
            b = prev[0]
            continue
        return a, b


def _after_addressee(part: _Part, a: int, b: int) -> int:
    """Where the content begins after من at ``a``: past the actors named there (joined by و:
    طلبت فرنسا من روسيا وإيران الضغط …) or a fixed phrase (من جديد), else at ``a``."""
    k = part.next_word_index(a)
    if k < len(part.word_starts) and part.word_starts[k] < b and part.word_texts[k] in _NOT_ADDRESSEES:
        return part.word_ends[k]  # طلب ترامب من جديد تمويل الجدار
    m = bisect_left(part.mention_starts, a)
    if m < len(part.mentions) and part.mention_starts[m] == a and part.mentions[m]["_ne"] < b:
        return _joined(part, m, b)[-1]["_ne"]
    return a


def _content(part: _Part, after: int, end: int, lead: frozenset[str] = frozenset()) -> tuple[str, int, int]:
    """Mode and content span of an act whose content starts after ``after``, up to ``end``."""
    k = part.next_word_index(after)
    j = _past_parentheticals(part, k, after, end, lambda i: _complementizer_at(part, i) is not None)
    if j != k:
        after = part.word_starts[j]  # قال X، مدير …، إن: not the apposition (note 133)
    marker = _first_marker(part, after, end)
    start = after
    if marker is not None:
        kind, mstart, mend = marker
        if kind == "colon":
            q = part.quote_starting(mend, end)
            if q is not None:
                return "direct", q.inner_start, q.inner_end
            a, b = _trim(part, mend, end)
            return "direct", a, b
        if kind == "quote" and part.text[after:mstart].strip(" ،,") == "":
            q = part.quote_starting(mstart, end)
            return "direct", q.inner_start, q.inner_end
        if kind == "complementizer":
            start = mend
    a, b = _trim(part, start, end)
    if marker is None or marker[0] != "complementizer":
        k = part.next_word_index(a)
        if lead:
            k = _past_parentheticals(part, k, start, b, lambda j: part.word_texts[j] in lead)
        for j in range(k, k + LEADING_PREPOSITION_WORDS):  # أعرب عن أمله → أمله; أعرب الوزير عن أمله → أمله
            if j < len(part.word_starts) and part.word_starts[j] < b and part.word_texts[j] in lead:
                a, b = _trim(part, part.word_ends[j], b)
                if part.word_texts[j] == "من":
                    a, b = _trim(part, _after_addressee(part, a, b), b)
                break
    inside = part.quotes_in(a, b + 1)
    if not inside:
        return "indirect", a, b
    first = inside[0]
    rest = part.text[first.end:b].strip(" .،,؛")
    if len(inside) == 1 and part.text[a:first.start].strip() == "" and not rest:
        return "direct", first.inner_start, first.inner_end
    return "mixed", a, b


# ------------------------------------------------------------------------------ acts
@dataclass
class _Act:
    """One attribution being built (normalised offsets of one part)."""

    cue: CueMatch
    sources: list[_Source]
    after: int  # where the content may begin
    end: int  # where the content must end
    category: str
    cue_start: int
    cue_end: int
    lemma: str
    via: str | None = None
    mode: str = "indirect"
    content: tuple[int, int] = (0, 0)
    inner: bool = False  # inside the reported words of another act (it is not the latest speaker)
    place_label: bool = False  # "سوريا: …": a country's name, perhaps only the story's place (note 69)
    antecedent: bool = True  # whether its source becomes the latest speaker (pro-drop)
    explicit: bool = False  # its subject is named next to the verb (the verb's gender is its gender)


def _requires_ok(part: _Part, cue: CueMatch, limit: int) -> bool:
    entry = cue.entry
    if not entry.requires:
        return True
    if _resumed_clause(part, cue) and entry.lemma not in _OWN_COMPLEMENT_LEMMAS:
        return True  # وهو ما ترفضه الرباط: the clause ما resumes is what is rejected (codebook note 118)
    k = part.next_word_index(cue.end)
    if entry.lemma in _OWN_COMPLEMENT_LEMMAS and _reaction_noun(part, cue, k):
        return False  # رد الفعل، أن يكون رد المجتمع الدولي: the noun "response" (codebook note 124)
    stop = min(len(part.word_starts), k + entry.max_gap + 1)
    if _speech_requirement(entry.requires):
        window_end = min(limit, part.word_ends[min(stop, len(part.word_ends)) - 1] if stop > k else limit)
        nxt = bisect_right(part.cue_outer, cue.end)
        if nxt < len(part.cues) and part.cue_outer[nxt] < window_end:
            window_end = part.cue_outer[nxt]  # the colon of another verb is not this one's
        quotes = [q for q in part.quotes_in(cue.end, window_end) if not _governed(part, q.start)]
        if ":" in part.text[cue.end:window_end] or quotes:
            return True  # a speech verb that introduces a quotation: وتابع: "…"
    own = part.text[cue.start:cue.end]
    exact, stems = _requirement_forms(entry.requires, entry.lemma != _RELAY)
    if entry.max_gap > 0 and (_SUBJECT_SKIPPING.issuperset(entry.requires) or entry.lemma == _DESCRIBE):
        first = k + _subject_words(part, k, limit)  # the window starts after the subject
        if _ADDRESSEE_PREPOSITIONS.issuperset(entry.requires):
            first = _skip_adverbials(part, first, limit)  # وطلبت روسيا يوم الثلاثاء من مجلس الأمن
        stop = min(len(part.word_starts), first + entry.max_gap + 1)
    for j in range(k, stop):
        if part.word_starts[j] >= limit:
            break
        word = part.word_texts[j]
        if word != own and _matches(word, exact, stems):
            return True
    if "ب" in stems and entry.max_gap > 1:  # هدّد بـ، استشهد بـ take بـ at once
        if _described_as(part, cue, k, limit):
            return True
    return entry.max_gap > 1 and any(
        _matches(part.word_texts[j], exact, stems) and not part.in_any_quote(part.word_starts[j])
        for j in _after_parentheticals(part, k, stop, limit))


def _matches(word: str, exact: frozenset[str], stems: tuple[str, ...]) -> bool:
    return any(cand in exact or (stems and cand.startswith(stems)) for cand in (word, strip_conjunction(word)))


#: Longest stretch set off by commas (an apposition or an adverbial) that a requirement
#: window passes over without counting its words (codebook note 133).
PARENTHETICAL_WORDS = 20
#: Words of a subject a content search passes before such a stretch (a name of up to three
#: words the lexicons do not know: أعرب أوليفر بيرهوف، …، عن).
SUBJECT_BEFORE_COMMA_WORDS = 4
#: At most this many such stretches in a row (أعرب X، مدير …، يوم الخميس، عن).
PARENTHETICAL_CHAIN = 3
_COMMAS = ("،", ",")


def _after_parentheticals(part: _Part, k: int, stop: int, limit: int) -> list[int]:
    """Words right after a comma-delimited stretch (or a chain of them) that opens in the
    window ``k``..``stop``: where a complement stands after an apposition or an adverbial
    set off by commas (رأى المحلل آدم ماونت، كبير الباحثين في مركز …، أن؛ أعرب أوليفر
    بيرهوف، مدير المنتخب، يوم الخميس، عن أسفه; codebook note 133). Each stretch closes
    within :data:`PARENTHETICAL_WORDS` words, before ``limit`` and the next cue."""
    for j in range(k + 1, min(stop, len(part.word_starts))):
        if part.word_starts[j] < limit and _comma_between(part, j - 1, j):
            return [close + 1 for _, close in _comma_stretches(part, j, limit)]
    return []


def _past_parentheticals(part: _Part, k: int, start: int, end: int, opens: Callable[[int], bool]) -> int:
    """Word ``k``, or the word that opens the content (``opens``: a preposition the verb
    takes, a complementizer) right after the comma-delimited stretches that open at ``k`` or
    after a subject of up to :data:`SUBJECT_BEFORE_COMMA_WORDS` words there (أعرب أوليفر بيرهوف،
    مدير المنتخب، يوم الخميس، عن أسفه → عن; كشفت مينغ غرايس، زوجة …، أنها → أنها;
    codebook note 133). Never across a colon or a quotation mark."""
    n = len(part.word_starts)
    j = k
    while j < n and j < k + SUBJECT_BEFORE_COMMA_WORDS and part.word_starts[j] < end:
        before = part.text[start:part.word_starts[j]] if j == k else part.text[part.word_ends[j - 1]:part.word_starts[j]]
        if any(c in before for c in _COMMAS):
            break
        j += 1
    else:
        return k
    for first, close in _comma_stretches(part, j, end):
        if any(opens(m) for m in range(first, close + 1)):
            return k  # the content opens inside the stretch (قال X، الاثنين إن …)
        if opens(close + 1):
            if ":" in part.text[start:part.word_starts[close + 1]] or part.in_any_quote(part.word_starts[close + 1]):
                return k
            return close + 1
    return k


def _comma_stretches(part: _Part, j: int, limit: int) -> Iterator[tuple[int, int]]:
    """First and last word of each comma-delimited stretch in a row from word ``j``, up to
    :data:`PARENTHETICAL_CHAIN` of them (، مدير المنتخب، يوم الخميس، عن …)."""
    for _ in range(PARENTHETICAL_CHAIN):
        close = _closing_comma(part, j, limit)
        if close is None or close + 1 >= len(part.word_starts):
            return
        yield j, close
        if not _comma_between(part, close, close + 1):
            return
        j = close + 1


def _comma_between(part: _Part, a: int, b: int) -> bool:
    gap = part.text[part.word_ends[a]:part.word_starts[b]]
    return any(c in gap for c in _COMMAS)


def _closing_comma(part: _Part, j: int, limit: int) -> int | None:
    """Last word of a comma-delimited stretch that opens at word ``j`` (the word before the
    second comma), or None when no comma closes it in time."""
    n = len(part.word_starts)
    nxt = bisect_right(part.cue_outer, part.word_starts[j] - 1)
    stop_at = part.cue_outer[nxt] if nxt < len(part.cue_outer) else limit
    for m in range(j, min(n - 1, j + PARENTHETICAL_WORDS)):
        if part.word_ends[m] > min(limit, stop_at) or part.word_starts[m + 1] >= limit:
            return None
        if _comma_between(part, m, m + 1):
            return m
    return None


#: The noun فعل after ردّ (رد فعل، رد الفعل، رد فعلها: "reaction"), normalised.
_REACTION_WORDS = frozenset(normalize(w) for w in (
    "فعل", "الفعل", "فعله", "فعلها", "فعلهم", "فعلهما", "فعلنا", "فعلا", "الأفعال", "أفعال"))
#: Words right before ردّ that make it the noun "response": a verb of being or of judging
#: whose subject or object it is (سيكون رد المجتمع الدولي، اعتبرت رد موسكو), or a noun or
#: preposition that governs it (ضرورة رد، في رد).
_BEFORE_REACTION_NOUN = frozenset(normalize(w) for w in (
    "يكون", "تكون", "سيكون", "ستكون", "كان", "كانت", "اعتبر", "اعتبرت", "اعتبروا", "وصف", "وصفت",
    "ضرورة", "انتظار", "بانتظار", "في", "على", "من", "عن", "إلى", "حول", "بشأن", "مع", "لكن"))


def _reaction_noun(part: _Part, cue: CueMatch, k: int) -> bool:
    """ردّ read as the noun "response" (§2: ردّ is speech only with a speech complement):
    رد فعل/الفعل ("reaction") and a bare رد right after a verb of being or judging, or a noun
    or preposition that governs it (أن يكون رد المجتمع الدولي "حازما"، اعتبرت رد الفعل الروسي
    "غير مبرر"). A quotation after the noun is the reaction's description, not words it
    introduces."""
    if k < len(part.word_texts) and not part.text[cue.end:part.word_starts[k]].strip() and (
            part.word_texts[k] in _REACTION_WORDS):
        return True
    if cue.prefix or part.text[cue.start:cue.end] != "رد" or _word_end(part.text, cue.end) > cue.end:
        return False  # وردت، فرد، ترد، ردت: a verb form
    prev = part.prev_word(cue.start)
    return prev is not None and not part.text[prev[1]:cue.start].strip() and prev[2] in _BEFORE_REACTION_NOUN


#: Verbs that keep their own speech complement after resuming ما: ردّ is speech only with one
#: (§2; وهو ما ردت عليه تركيا بفرض تعرفة is a response, not an act).
_OWN_COMPLEMENT_LEMMAS = frozenset({"ردّ", "رد"})


def _resumed_clause(part: _Part, cue: CueMatch) -> bool:
    """The verb stands right after a ما that resumes the clause before it (وهو ما، وهذا ما)
    and carries the pronoun that refers to it, so that clause is its content (§2, relative
    ما; codebook note 118)."""
    if cue.prefix:
        return False
    prev = part.prev_word(cue.start)
    if prev is None or prev[2] != "ما" or part.text[prev[1]:cue.start].strip():
        return False
    before = part.prev_word(prev[0])
    if before is None or before[2] not in _RESUMING_MA or part.text[before[1]:prev[0]].strip():
        return False
    # ما is the verb's object, resumed by a pronoun on it or after it (ترفضه، عبر عنه); without
    # one ما is its subject and the verb no act (وهو ما يلقي بظلال من الشك)
    word_end = _word_end(part.text, cue.end)
    k = part.next_word_index(word_end)
    return word_end > cue.end or (k < len(part.word_starts) and part.word_texts[k] in part.lex.resumptive)


#: Requirements after which a verb's window starts after its subject: particles (عن، إلى،
#: على، من with its pronoun forms: طلبت وزارة الخارجية الروسية من المنظمة) and
#: complementizers; not بـ (أقر مجلس النواب قانونا بـ …), except for وصف.
_SUBJECT_SKIPPING = frozenset(normalize(w) for w in (
    "عن", "إلى", "الى", "الي", "على", "علي", "أن", "ان", "إن", "بأن", "بان",
    "من", "منه", "منها", "منهم", "منهما", "منك", "منكم", "مني", "منا"))
_DESCRIBE = "وصف"


def _subject_words(part: _Part, k: int, limit: int) -> int:
    """Words of the actor mentions that open the clause at word ``k`` (or one word later, or
    two title words later): وصف الرئيس الأمريكي، دونالد ترامب، X بـ …، شددت وزيرة خارجية
    الاتحاد الأوروبي فيديريكا موغيريني في بروكسل على …: the verb's window starts after its
    subject."""
    n = len(part.word_starts)
    titles = _title_words(part)
    for first in (k, k + 1, k + 2):
        if first >= n or part.word_starts[first] >= limit:
            return 0
        if first == k + 2 and (strip_conjunction(part.word_texts[k]).startswith("ال") or not all(
                w in titles or strip_conjunction(w) in titles for w in part.word_texts[k:first])):
            # two words before the mention only as a title in construct (وزيرة خارجية الاتحاد
            # الأوروبي), whose head has no ال (القوات الجوية after عبر "via" is no subject)
            return 0
        m = bisect_left(part.mention_starts, part.word_starts[first])
        if m < len(part.mentions) and part.mentions[m]["_ns"] < part.word_ends[first]:
            break
    else:
        return 0
    j = first
    while m < len(part.mentions):
        ment = part.mentions[m]
        if ment["_ns"] >= part.word_ends[j] or ment["_ns"] >= limit:
            break
        j = part.next_word_index(ment["_ne"])  # the word after the mention
        m += 1
        # a comma, و or a second name joined on: والمستشارة الألمانية أنغيلا ميركل
        if j < n and m < len(part.mentions) and part.mentions[m]["_ns"] < part.word_ends[j] and (
                part.text[ment["_ne"]:part.mentions[m]["_ns"]].strip(" ،,و") == ""):
            continue
        break
    return max(0, j - k)


#: The complementizer بأن with its pronouns, and على أن(ه): what a verb of describing
#: (وصف X بأنه، وصف X على أنه) takes after its object.
_DESCRIBED_AS = frozenset(normalize(w) for w in (
    "بأن", "بأنه", "بأنها", "بأنهم", "بأنهما", "بأنهن"))
_THAT_FORMS = frozenset(normalize(w) for w in ("أن", "أنه", "أنها", "أنهم", "أنهما", "أنهن"))


def _described_as(part: _Part, cue: CueMatch, k: int, limit: int) -> bool:
    """Whether بأن (or على أن) follows a بـ-verb's long object within ``DESCRIBED_AS_WORDS``.

    Only for verbs whose ``requires`` allows an object before بـ (``max_gap`` above 1:
    وصف، أقرّ، تذرّع); هدّد بـ takes بـ at once, and "عمل يهدد أمن إسرائيل على أنه" is no act.

    The search stops at the next cue (its بأن is its own) and at the end of the clause
    (``limit``).
    """
    stop = min(len(part.word_starts), k + DESCRIBED_AS_WORDS + 1)
    nxt = bisect_right(part.cue_outer, cue.end)
    if nxt < len(part.cues):
        limit = min(limit, part.cue_outer[nxt])
    previous = ""
    for j in range(k, stop):
        if part.word_starts[j] >= limit:
            break
        word = part.word_texts[j]
        if word in _DESCRIBED_AS or (previous == "علي" and word in _THAT_FORMS):
            return True
        previous = word
    return False


@lru_cache(maxsize=None)
def _speech_requirement(requires: tuple[str, ...]) -> bool:
    """Whether a cue's requirements are those of a speech verb (أن، بأن، قائلا)."""
    return not _SPEECH_REQUIREMENTS.isdisjoint(requires)


@lru_cache(maxsize=None)
def _requirement_forms(requires: tuple[str, ...], pronouns: bool = False) -> tuple[frozenset[str], tuple[str, ...]]:
    """Exact words and ``prefix*`` stems of a ``requires`` list, for fast membership tests.

    A required complementizer (أن، إن، بأن) also stands with its pronoun (وأقرت فيسبوك أنها
    …، وتدعي بريطانيا أنه …; codebook note 98): with ``pronouns`` those forms are added to
    the exact words. The caller leaves them out for نقل, whose wide window would reach into
    other clauses (نقل الصور من الكاميرا، كما أنهم …)."""
    exact = {r for r in requires if not r.endswith("*")}
    if pronouns:
        exact |= {c + p for c in exact & _REQUIRED_COMPLEMENTIZERS for p in _PRONOUN_SUFFIXES}
    stems = tuple(r[:-1] for r in requires if r.endswith("*"))
    return frozenset(exact), stems


#: The relay verb (نقلت وكالة تاس عن لافروف قوله): its requirement window is wide.
_RELAY = "نقل"
#: Complementizers a cue may require (normalised: أن and إن are one form), and the pronoun
#: suffixes they take (أنه، أنها، بأنهم …).
_REQUIRED_COMPLEMENTIZERS = frozenset(normalize(w) for w in ("أن", "إن", "بأن"))
_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "ني", "نا", "ك", "كم")


def _governed(part: _Part, pos: int) -> bool:
    """Whether the word right before ``pos`` is a preposition (ردّ على "…" quotes no speech)."""
    prev = part.prev_word(pos)
    return (prev is not None and part.text[prev[1]:pos].strip() == ""
            and prev[2] in part.roles["preposition"])


#: The lemma of "claim" (يدّعي), whose imperfect the normaliser spells like يُدعى "is called".
_CLAIM = "ادّعى"


def _spelled_with_alif_maqsura(part: _Part, cue: CueMatch) -> bool:
    """Whether the cue's word ends in ى as printed (يدعى), which normalisation makes ي."""
    a, b = part.norm.to_original(cue.start, cue.end)
    return part.original[a:b].rstrip(_HARAKAT).endswith("ى")


#: The short-vowel marks (fathatan … sukun) that may follow a word's last letter.
_HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0653))


def _licensed(part: _Part, cue: CueMatch, ns: int, cues: list[CueMatch]) -> bool:
    """Context checks beyond the lexicon.

    * A verb right after لم or لن reports no act: ولم يوضح البيان عدد القتلى، ترامب لم يطلب
      منه (codebook note 83); a present negated by لا states a view and stays one (لا تستبعد
      موسكو أن …).
    * A verb right after ما is a relative clause ("على ما ورد"، "ما قاله لافروف"), not an act,
      unless ما resumes the preceding clause (وهو ما نفته موسكو).
    * A verb right after a preposition is a noun (من بينهم، بعد رد), and a cue inside an
      actor mention is part of a name (كريستوفر راي is not رأى).
    * A participle is a cue only after a comma or و, or after another cue of its sentence
      (otherwise it is an adjective: "مليار متوقعة"), or in the masculine indefinite
      accusative (مشيرا، مضيفا، مؤكدا), the circumstantial form a noun it describes
      would not take: "اتخاذ قرار خلال ساعات مشيرا إلى أن".
    """
    outer = cue.start - len(cue.prefix)
    prev = part.prev_word(outer)
    kind = cue.entry.kind
    if cue.entry.lemma == _CLAIM and cue.entry.form_type.startswith("imperfect") and _spelled_with_alif_maqsura(part, cue):
        return False  # ويدعى جاغو "and he is called Jago": يُدعى, not يدّعي "claims" (note 98)
    if (kind in ("verb", "passive") and not cue.prefix and prev is not None and prev[2] in _ACT_NEGATORS
            and part.text[prev[1]:outer].strip() == ""):
        return False  # ولم يوضح البيان، لن يطلب: an act that did not (will not) take place (note 83)
    if (kind == "verb" and prev is not None and cue.entry.requires
            and _ADDRESSEE_PREPOSITIONS.issuperset(cue.entry.requires)
            and (prev[2].isdigit() or strip_conjunction(prev[2]) in _DEMONSTRATIVES
                 or strip_conjunction(prev[2]) in _ANY_WORDS)):
        return False  # أكثر من 200 طلب من المستثمرين، هذا طلب من شأنه، لأي طلب: the noun "request"
    if kind == "verb" and prev is not None and prev[1] > ns and prev[2] in _RELATIVE_MA:
        before = part.prev_word(prev[0])
        if not (prev[2] == "ما" and before is not None and before[2] in _RESUMING_MA):
            return False
    if (kind == "verb" and not cue.prefix and prev is not None and prev[1] > ns
            and part.text[prev[1]:outer].strip() == "" and prev[2] in part.roles["preposition"]):
        return False
    if kind in ("verb", "participle"):
        j = bisect_right(part.mention_starts, cue.start) - 1
        if j >= 0 and part.mentions[j]["_ne"] >= cue.end:
            return False
    if part.text[cue.start:cue.end] in _PREPOSITION_HOMOGRAPHS and not _preposition_homograph_is_verb(part, cue, ns):
        return False
    if kind == "participle":
        if cue.prefix == "و" or prev is None or prev[1] <= ns:
            return True
        if any(ch in "،,؛" for ch in part.text[prev[1]:outer]):
            return True
        if _circumstantial(part, cue):
            return True
        return any(c.start < cue.start and c.entry.kind in ("verb", "passive") for c in cues)
    return True


def _circumstantial(part: _Part, cue: CueMatch) -> bool:
    """The participle is written as a whole word in the masculine indefinite accusative
    (مشيرا، مشيراً، قائلا) and its reported words open right after it: a circumstantial
    (حال) of the clause, not an adjective or a noun (قرار مؤكد، مدعيا خاصا، متهما بالقتل).

    What may follow it: a complementizer or particle of speech (إن، أن، إلى، عن، على), the
    object pronoun إيا- (متهما إياهم بـ), a colon or an opening quotation mark, also after a
    comma (قائلا، "…"). Not after a copula (كان متوقعا أن، ما زال متوقعا أن) or a number
    (أحد عشر متهما، 75 متهما).
    """
    outer = cue.start - len(cue.prefix)
    k = part.next_word_index(outer)
    if k == 0 or k >= len(part.word_starts) or part.word_starts[k] != outer or part.word_ends[k] != cue.end:
        return False  # the cue is not the whole word (a suffix follows it)
    word = part.word_texts[k]
    if not (word.endswith("ا") and len(word) >= 5):
        return False
    found = _OPENS_WORDS_RE.match(part.text, cue.end)
    if found is None:
        return False  # a predicate or a noun: وكان التحرك متوقعا منذ أسابيع، مدعيا خاصا
    prev = part.word_texts[k - 1]
    return not (strip_conjunction(prev) in _COPULAS or prev in _NUMBER_WORDS or not prev.isalpha()
                or part.text[part.word_ends[k - 1]:part.word_starts[k]].strip())


#: What opens the reported words right after a circumstantial participle: optional spaces
#: and a comma before a colon or quotation mark, or spaces before a complementizer,
#: particle or the pronoun إيا- (normalised spellings: إ/أ/آ are ا).
_OPENS_WORDS_RE = re.compile(
    r"\s*[،,]?\s*[:\"«“”(]"
    r"|\s+(?:ان|انه|انها|انهم|بان|بانه|بانها|الى|الي|عن|على|علي|ايا(?:ه|ها|هم|هما|هن))(?![^\W\d_])")

#: Verbs after which an accusative participle is their predicate, not a circumstantial.
_COPULAS = _PAST_AUXILIARIES | frozenset(normalize(w) for w in (
    "يكون", "تكون", "يكن", "تكن", "سيكون", "ستكون", "بات", "باتت",
    "أصبح", "أصبحت", "أضحى", "أضحت", "صار", "صارت", "ليس", "ليست", "ظل", "ظلت", "يظل", "تظل",
    "بقي", "بقيت", "يبقى", "تبقى", "زال", "زالت", "مازال", "مازالت", "لايزال", "لاتزال",
    "مايزال", "يزال", "تزال", "بدا", "بدت", "يبدو", "تبدو"))
#: Numbers written as words before a counted noun (أحد عشر متهما، عشرين متهما).
_NUMBER_WORDS = frozenset(normalize(w) for w in (
    "عشر", "عشرة", "عشرون", "عشرين", "ثلاثون", "ثلاثين", "أربعون", "أربعين", "خمسون", "خمسين",
    "ستون", "ستين", "سبعون", "سبعين", "ثمانون", "ثمانين", "تسعون", "تسعين", "مئة", "مائة",
    "ألف", "آلاف", "مليون", "ملايين"))


#: Cue forms that, unvowelled, are first of all a preposition: بين "between" / بيّن "showed".
_PREPOSITION_HOMOGRAPHS = frozenset({"بين"})


def _preposition_homograph_is_verb(part: _Part, cue: CueMatch, ns: int) -> bool:
    """بيّن is the verb only when printed with its shadda, or when it opens a clause (after و/ف,
    a comma or the sentence start) and a complementizer follows within a short subject
    (وبين السديري بأن …). Otherwise it is بين "between" (الصراع بين "ناصرة" و"هارون")."""
    a, b = part.norm.to_original(cue.start, cue.end)
    if "\u0651" in part.original[a:b]:
        return True
    outer = cue.start - len(cue.prefix)
    prev = part.prev_word(outer)
    if not (cue.prefix or prev is None or prev[1] <= ns or any(ch in "،,؛:" for ch in part.text[prev[1]:outer])):
        return False
    k = part.next_word_index(cue.end)
    for j in range(k, min(len(part.word_starts), k + HOMOGRAPH_SUBJECT_WORDS + 1)):
        if _complementizer_at(part, j):
            return True
        if part.word_texts[j] in part.roles["preposition"]:
            return False
    return False


def _starts_act(part: _Part, cue: CueMatch, sent_start: int) -> bool:
    """Whether a cue begins a new act (ending the previous content) rather than nesting."""
    if cue.prefix in CONJUNCTIONS or cue.entry.kind in ("participle", "marker"):
        return True
    outer = cue.start - len(cue.prefix)
    prev = part.prev_word(outer)
    if prev is None or prev[1] <= sent_start:
        return True
    if any(ch in "،,؛;" for ch in part.text[prev[1]:outer]):
        return True
    return prev[2] in part.roles["coordinator"] or prev[2] in part.roles["relative"]


def _reported(part: _Part, acts: list["_Act"], pos: int) -> bool:
    """A verb at ``pos`` stands in the reported words of an earlier act of its sentence: a
    complementizer or a colon lies between that act's cue and it (قال الجنرال إن النظام
    السوري وعد …). ``pos`` is where the verb's word starts (its clitics included)."""
    # the earliest act's gap holds every later act's, so it alone decides, but for the rest
    # of a word a later cue ends inside (يقول|ان: the reference reading took "ان" for a
    # complementizer); the gap is read once per sentence, in pieces as the verbs come (a
    # long sentence with many acts would otherwise read it again for every act and verb)
    if len(acts) < _FEW_ACTS:  # a short sentence: reading every gap is cheaper than keeping track
        return any(a.cue_end <= pos and _reports(part, part.text[a.cue_end:pos]) for a in acts)
    scan = part.reported_scan
    if scan is None or scan[0] is not acts:
        # this sentence's acts (kept, so that the list compared is this one), how many were
        # looked at, the earliest cue end, read up to, a complementizer or colon seen, and
        # the cue ends whose word's rest reads as a complementizer
        scan = [acts, 0, None, None, False, []]
        part.reported_scan = scan
    text = part.text
    for a in acts[scan[1]:]:
        end = a.cue_end
        if scan[2] is None or end < scan[2]:
            scan[2], scan[3], scan[4] = end, end, False  # a longer gap: read it anew
        rest = _WORD_RE.match(text, end)
        if rest and (rest[0] in part.comp_any or strip_conjunction(rest[0]) in part.comp_any):
            scan[5].append(end)
    scan[1] = len(acts)
    if scan[2] is None or scan[2] > pos:
        return False  # no act ends before pos
    if any(end < pos for end in scan[5]):
        return True
    if scan[3] > pos:
        scan[3], scan[4] = scan[2], False  # asked about an earlier verb: read again
    if not scan[4] and scan[3] < pos:
        scan[4] = _reports(part, text[scan[3]:pos])
        scan[3] = pos
    return scan[4]


#: Below this many acts in a sentence :func:`_reported` reads each gap afresh.
_FEW_ACTS = 8


def _reports(part: _Part, gap: str) -> bool:
    """Whether ``gap`` holds a colon or a complementizer (reported words begin in it)."""
    return ":" in gap or any(w in part.comp_any or strip_conjunction(w) in part.comp_any
                             for w in _WORD_RE.findall(gap))


def _nested(part: _Part, cue: CueMatch, sent_start: int) -> bool:
    """Whether a verb opens the reported clause of an earlier act (قال إنه … وإنه يقر).

    Such a verb with no subject of its own is the speaker talking about himself, not a
    new act; with an explicit subject it is a nested attribution (قال لافروف إن بوتين أكد).
    """
    if cue.entry.kind != "verb" or cue.prefix:
        return False
    prev = part.prev_word(cue.start)
    if prev is None or prev[1] <= sent_start or part.text[prev[1]:cue.start].strip():
        return False
    return prev[2] in part.comp_any or strip_conjunction(prev[2]) in part.comp_any


#: "But he/she/they" right before a verb: the attached pronoun is the verb's subject, so
#: the mention after the verb is its object (codebook note 62). Normalised.
_PRONOUN_COORDINATORS = frozenset(normalize(w) for w in (
    "لكنه", "لكنها", "لكنهم", "لكنهما", "ولكنه", "ولكنها", "ولكنهم", "ولكنهما"))
#: كما أنه/أنها …: the complementizer carries the subject of the verb after it (codebook note
#: 112: كما أنها أبلغت السفير الهولندي: the named noun after the verb is its object).
_AS_WELL_PRONOUNS = frozenset(normalize(w) for w in ("أنه", "أنها", "أنهم", "أنهما"))
_AS_WELL = frozenset(normalize(w) for w in ("كما", "وكما"))


def _pronoun_subject(part: _Part, outer: int) -> str | bool:
    """Whether the word right before a verb (at ``outer``) is لكنه, لكنها … ("coordinator")
    or كما أنه/أنها ("as_well"); False otherwise."""
    prev = part.prev_word(outer)
    if prev is None or part.text[prev[1]:outer].strip() != "":
        return False
    if prev[2] in _AS_WELL_PRONOUNS:
        before = part.prev_word(prev[0])
        return "as_well" if (before is not None and part.text[before[1]:prev[0]].strip() == ""
                             and before[2] in _AS_WELL) else False
    return "coordinator" if prev[2] in _PRONOUN_COORDINATORS else False


def _act_start(part: _Part, cue: CueMatch) -> int:
    """Where a new act begins: at its cue, or at the لكنه/الذي that introduces it."""
    outer = cue.start - len(cue.prefix)
    prev = part.prev_word(outer)
    if prev is not None and part.text[prev[1]:outer].strip() == "" and (
            prev[2] in part.roles["coordinator"] or prev[2] in part.roles["relative"]):
        return prev[0]
    return outer


def _is_passive(part: _Part, cue: CueMatch) -> bool:
    entry = cue.entry
    if entry.kind == "passive":
        return True
    if entry.kind != "verb" or not entry.form_type.startswith("past") or not part.has_damma:
        return False
    a, b = part.norm.to_original(cue.start, cue.end)
    return _DAMMA in part.original[a:b][:4]  # اتُّهم، زُعم: a damma early in a past verb


def _media_after(part: _Part, pos: int, words: int = MEDIA_AFTER_FRAMING_WORDS) -> str | None:
    k = bisect_left(part.mention_starts, pos)
    if k < len(part.mentions):
        m = part.mentions[k]
        if m.get("actor_type") == "media" and part.count_words(pos, m["_ns"]) <= words:
            return m.get("actor_id")
    return None


class _Article:
    """State carried across the sentences of one article (pro-drop, anonymous sides)."""

    def __init__(self) -> None:
        self.last: list[_Source] = []
        # the latest unplaced speaker (codebook note 39): not in the pro-drop chain, but
        # the one a pro-drop verb continues when no placed speaker has spoken yet
        self.unplaced: list[_Source] = []
        # the placed speakers before ``last``, latest last (codebook note 110)
        self.earlier: list[list[_Source]] = []
        # speaker -> the genders verbs next to its name gave it ("f", "m"; note 110)
        self.genders: dict[str, set[str]] = {}
        self.unplaced_since = False  # the latest unplaced speaker spoke after the latest placed one

    def previous(self, entry: CueEntry | None = None) -> list[_Source]:
        """The speaker a pro-drop verb continues: the latest placed one, else the latest unplaced.

        A feminine singular verb does not continue a group of men named by a sound masculine
        plural (مسؤولون أمريكيون … إلا أن الشركة أضافت … وتابعت), nor a speaker whose verbs
        were of the other gender (وقالت كولينز … وقال ترامب … وأضافت): it goes back to the
        latest earlier speaker it may agree with (codebook note 110)."""
        gender = _VERB_GENDER.get(entry.form_type) if entry is not None else None
        if (entry is not None and entry.form_type in _FEMININE_SINGULAR_FORMS and self.last
                and all(_masculine_plural(src) for src in self.last)):
            for sources in self._before_last():
                if (sources and not any(_masculine_plural(src) for src in sources)
                        and self.gender_of(sources[0]) in (None, gender)):
                    return list(sources)
        if gender is not None and len(self.last) == 1 and self.gender_of(self.last[0]) not in (None, gender):
            for sources in self._before_last():
                known = self.gender_of(sources[0]) if len(sources) == 1 else None
                if known == gender:
                    return list(sources)
        return list(self.last or self.unplaced)

    def _before_last(self) -> list[list[_Source]]:
        """The speakers before the latest placed one, latest first: the latest unplaced one
        first when it spoke after that speaker, else last, after the placed ones; an unplaced
        speaker only when it is a person's name of two words or more (not a stray word read
        as a name)."""
        placed = list(reversed(self.earlier[-EARLIER_SPEAKERS:]))
        if not (len(self.unplaced) == 1 and self.unplaced[0].source_type == "person"
                and len((_speaker_key(self.unplaced[0]) or "").split()) >= 2):
            return placed
        return [self.unplaced, *placed] if self.unplaced_since else [*placed, self.unplaced]

    def note_gender(self, src: _Source, entry: CueEntry) -> None:
        """Remember the gender a verb gave a subject named next to it (both, if it varies)."""
        gender = _VERB_GENDER.get(entry.form_type)
        key = _speaker_key(src)
        if gender is not None and key is not None:
            self.genders.setdefault(key, set()).add(gender)

    def gender_of(self, src: _Source) -> str | None:
        found = self.genders.get(_speaker_key(src), ())
        return next(iter(found)) if len(found) == 1 else None

    def speak(self, sources: list[_Source]) -> None:
        """``sources`` are now the latest placed speaker."""
        if self.last and self.last is not sources:
            self.earlier.append(self.last)
            del self.earlier[:-EARLIER_SPEAKERS]
        self.last = sources
        self.unplaced_since = False

    def speak_unplaced(self, sources: list[_Source]) -> None:
        """``sources`` are now the latest unplaced speaker (after the latest placed one)."""
        self.unplaced = sources
        self.unplaced_since = True


#: How many earlier speakers a pro-drop verb may go back past a speaker it cannot agree with.
EARLIER_SPEAKERS = 3
_FEMININE_SINGULAR_FORMS = frozenset({"past_fem", "imperfect_fem"})
#: The gender a singular verb form gives its subject.
_VERB_GENDER = {"past_fem": "f", "imperfect_fem": "f", "past": "m", "imperfect": "m"}


def _source_words(src: _Source) -> str | None:
    """The words (normalised) that name a source: its mention's, or those of the span the
    extractor built for it."""
    if src.mention is None:
        return None
    return src.mention.get("_speaker") or normalize(str(src.mention.get("surface") or "")) or None


def _speaker_key(src: _Source) -> str | None:
    """Who a source is, for remembering its gender: its actor id, else its words; an
    anonymous head by its words and side (مسؤول and مسؤولون share the id anonymous_official)."""
    words = _source_words(src)
    if src.actor_id and not (src.source_type == "anonymous" and words):
        return str(src.actor_id)
    if src.source_type == "anonymous" and words:
        return f"{words}|{src.side}"
    return words


def _masculine_plural(src: _Source) -> bool:
    """An anonymous speaker named by a sound masculine plural (مسؤولون، دبلوماسيين، المحققون)."""
    if src.source_type != "anonymous":
        return False
    words = (_source_words(src) or "").split()
    head = strip_conjunction(words[0]) if words else ""
    # sound masculine plurals and duals (مسؤولون، مسؤولين، مسؤولان)
    return len(head) > 4 and head.endswith(("ون", "ين", "ان"))


def _sentence_acts(part: _Part, ns: int, ne: int, in_heading: bool, state: _Article) -> list[_Act]:
    lo, hi = bisect_left(part.cue_outer, ns), bisect_left(part.cue_outer, ne)
    cues = [c for c in part.cues[lo:hi] if c.end <= ne]
    acts: list[_Act] = []
    if not cues and not (in_heading and ":" in part.text[ns:ne]):
        return acts
    if in_heading:
        colon = _heading_colon(part, ns, ne, cues)
        if colon is not None:
            acts.append(colon)
    cues = [c for c in cues if _requires_ok(part, c, ne) and _licensed(part, c, ns, cues)]
    framing = [c for c in cues if c.entry.kind in ("marker", "framing")]
    # a verb inside quotation marks is the quoted words' own (مع "منظمة تروج لحق امتلاك
    # السلاح" حسب ما أعلنت وزارة العدل، وبحسب صحيفة هآرتس "…"): it does not silence a marker
    # as a verb of the sentence does (note 131)
    has_verb = any(c.entry.kind in ("verb", "participle", "passive") and not part.in_any_quote(c.start)
                   for c in cues)
    via = None
    for f in framing:
        via = via or _media_after(part, f.end)
    # nouns inside a framing phrase (في تصريح صحفي) are the framing, not a new act
    spans = [(f.start, f.end) for f in framing]
    cues = [c for c in cues if not (c.entry.kind == "noun" and any(a <= c.start < b for a, b in spans))]
    breakers = [_act_start(part, c) for c in cues
                if c.entry.kind != "noun" and _starts_act(part, c, ns)]
    framing_starts = {f.start - len(f.prefix) for f in framing}
    breakers = sorted(set(breakers) | framing_starts)
    for cue in cues:
        kind = cue.entry.kind
        if kind == "framing" or (kind == "marker" and has_verb):
            continue
        outer = cue.start - len(cue.prefix)
        end = _next_breaker(breakers, outer, ne)
        if kind == "noun" and acts and acts[-1].lemma == "نقل" and part.count_words(acts[-1].after, cue.start) <= RELAY_WORDS:
            # نقلت وكالة تاس عن لافروف قوله / تأكيده: the noun is the relayed act itself
            if cue.entry.category != "neutral":
                acts[-1].category = cue.entry.category
            continue
        if kind == "noun" and acts and _saying_of_last_act(part, acts[-1], cue):
            _place_relayed(part, acts[-1], cue)
            if acts[-1].cue.entry.kind == "marker":  # the words start after قوله, end with its clause
                acts[-1].after = max(acts[-1].after, cue.end)
                acts[-1].end = max(acts[-1].end, _next_breaker(breakers, cue.start - len(cue.prefix), ne))
            continue  # وأضاف شويغو قوله: "…"، نقلت الوكالة عن مسؤول، …، قوله إن: one act (note 130)
        act = _resolve(part, cue, outer, end, ns, acts, state, _nested(part, cue, ns))
        if act is None:
            continue
        while end in framing_starts and end < ne and part.count_words(act.after, end) <= FRAMING_AFTER_SUBJECT_WORDS:
            # وتساءل بوتين في مقابلة مع شبكة …: a framing phrase right after the subject
            # frames the content that follows; only after the content does it end it.
            end = _next_breaker(breakers, end, ne)
            act.end = end
        if via and act.via is None and act.sources and act.sources[0].source_type != "media":
            act.via = via
        quoted = part.in_quote(outer) is not None
        act.inner = quoted or _nested(part, cue, ns) or _reported(part, acts, outer)
        acts.append(act)
        if (act.explicit and not quoted and len(act.sources) == 1 and act.lemma != _RELAY
                and (act.sources[0].mention or {}).get("via") != "adjective"):
            # a relay's verb agrees with the relaying agency, a nisba with some other noun
            state.note_gender(act.sources[0], cue.entry)
        first = act.sources[0] if act.sources and act.antecedent else None
        if not quoted and first is not None and (first.actor_id is not None or (
                first.mention is not None and not first.mention.get("unplaced"))):
            # مستشار ترمب (no actor id of its own) is still the latest speaker; a speaker
            # inside quoted words (قال بومبيو: "يدافع لافروف عن …") is not: the next وأضاف
            # continues the outer speaker. One in indirect reported words is (ذكرت الصحيفة أن
            # ترامب قال … وأضاف): on 4,000 ANT articles, skipping those too sent 13 US and 46
            # third-party pro-drop acts to unknown, most of them wrongly.
            state.speak(act.sources)
        elif not quoted and first is not None and first.mention is not None:
            state.speak_unplaced(act.sources)
    return acts


def _place_relayed(part: _Part, relay: _Act, cue: CueMatch) -> None:
    """A relay whose quoted person is unplaced (a bare title: "نقلت عن الميجر جنرال يوري
    يفتوشينكو رئيس مركز المصالحة الروسي قوله") takes the person or the side that the words
    between its عن and قوله name (note 130): a listed person there (عن رئيس حزب العمال،
    جيرمي كوربين، قوله) is the source; else a nisba or a name of a side places the title."""
    if relay.lemma != _RELAY or len(relay.sources) != 1:
        return
    src = relay.sources[0]
    if src.mention is None or src.actor_id is not None or src.side not in ("other", "unknown"):
        return
    start = src.mention["_ns"]
    lo, hi = bisect_left(part.mention_starts, start), bisect_left(part.mention_starts, cue.start)
    found = [m for m in part.mentions[lo:hi] if m["_ne"] <= cue.start and m is not src.mention]
    placed = [m for m in found if _Source.from_mention(m).side not in ("other", "unknown")]
    # a listed person after the title's own words is the titled person named (رئيس حزب العمال
    # المعارض، جيرمي كوربين; مديرة صندوق النقد الدولي كريستين لاغارد); one right after the
    # title is its genitive (مستشار ترامب) and only places it
    persons = [m for m in found if m.get("actor_type") == "person" and m.get("actor_id")
               and part.text[src.mention["_ne"]:m["_ns"]].strip()]
    if persons:
        relay.sources = [_Source.from_mention(persons[0])]
    elif placed:
        relay.sources = [_Source(None, _Source.from_mention(placed[0]).side, src.source_type, src.mention)]


def _cue_entries_between(part: _Part, a: int, b: int) -> list[CueEntry]:
    """The lexicon entries of the cues that lie inside ``(a, b)``."""
    return [c.entry for c in part.cues_overlapping(a, b) if c.end <= b and c.start > a]


#: لسان in على لسان (on the tongue of): words relayed from the person named after it.
_TONGUE = normalize("لسان")
_TONGUE_ON = normalize("بلسان")
#: The marker "in the words of" (markers.csv), as its act records its lemma.
_ON_THE_TONGUE = "على لسان"
#: Words between a verb and the noun قوله that repeats its act (وأضاف المصدر قوله: …; note 130).
SAYING_NOUN_WORDS = 14
#: Marks that close the verb's clause before a later قوله: a quotation mark, a colon, a stop
#: (a complementizer is looked for word by word).
_SAYING_BREAK_RE = re.compile(r'[.:!?؟"«»“”\n]')


def _saying_of_last_act(part: _Part, last: _Act, cue: CueMatch) -> bool:
    """The noun قوله/قولها/قولهم after a verb of the same clause repeats that verb's act
    (codebook note 130): "وأضاف المصدر قوله: …"، "مضيفا قوله"، and after a relay's long
    description "نقلت وكالة فرانس برس عن مسؤول أمريكي، لم يكشف عن هويته، قوله إن …": the
    words are the verb's; the noun opens them, it is no second act (the acts of the sentence
    so far end with that verb's). Not when a quotation, colon, stop or complementizer stands
    between (قال إن … وهو ما يؤكد قوله); not after a verb whose words are relayed from someone
    named between (أضافت الخارجية مقتطفا على لسان الأمير قوله); not after a relay with no عن
    (نقلت الوكالة قوله), with a second relay between, or with no speaker (a passive relay).
    After the marker على لسان and its source the noun opens the words the marker credits
    (note 131: نقل البيان على لسان نيكي هايلي … قولها: …)."""
    if cue.entry.lemma != "قول" or cue.entry.form == "قول" or cue.prefix:
        return False
    between = part.text[last.cue_end:cue.start]
    if (last.cue_end > cue.start or _SAYING_BREAK_RE.search(between)
            or part.count_words(last.cue_end, cue.start) > SAYING_NOUN_WORDS):
        return False
    if last.cue.entry.kind == "marker":
        # نقلت الوكالة على لسان المالكي قوله: …: the marker names whose words the noun opens
        return last.lemma == _ON_THE_TONGUE and any(src.mention is not None for src in last.sources)
    if last.cue.entry.kind not in ("verb", "participle"):
        return False
    first, k = part.next_word_index(last.cue_end), part.next_word_index(cue.start)
    if any(_complementizer_at(part, j) for j in range(first, k)):
        return False
    words = part.word_texts[first:k]
    relayed = "عن" in words or _TONGUE in words or any(strip_conjunction(w) == _TONGUE_ON for w in words)
    if last.lemma != _RELAY:
        # أضافت الخارجية مقتطفا على لسان الأمير قوله: the words are relayed, not the verb's
        return not relayed
    # a relay names the one it quotes after عن (نقلت الوكالة قوله: the pronoun's owner
    # speaks), with no second relay between (نقلت وكالة فارس نقلا عن كمالوندي قوله), and
    # it must have a speaker: after a passive relay with none (نُقل عن بيسكوف قوله) the noun speaks
    if not relayed or part.cue_overlaps(last.cue_end + 1, cue.start - 1) and any(
            c.lemma == _RELAY or c.kind == "marker" for c in _cue_entries_between(part, last.cue_end, cue.start)):
        return False
    return any(src.mention is not None for src in last.sources)


def _addressee_start(part: _Part, entry: CueEntry, pos: int, end: int) -> int:
    """Where the subject of a verb that requires an addressee (طلب … من X) must end: at its من.
    "وطلب جنبلاط من روسيا المساعدة": Russia is asked, it does not place Jumblatt (as "X من Y"
    would). Any other verb, or no bare من before ``end``: ``end``."""
    if not entry.requires or not _ADDRESSEE_PREPOSITIONS.issuperset(entry.requires):
        return end
    k = part.next_word_index(pos)
    while k < len(part.word_starts) and part.word_starts[k] < end:
        if part.word_texts[k] == "من" and not (k > 0 and strip_conjunction(part.word_texts[k - 1]) in _QUANTIFIERS):
            return part.word_starts[k]  # not the من of عدد من، العديد من (the subject goes on)
        k += 1
    return end


def _next_breaker(breakers: list[int], pos: int, ne: int) -> int:
    """The first of the sorted ``breakers`` after ``pos``, or the sentence end ``ne``."""
    j = bisect_right(breakers, pos)
    return min(breakers[j], ne) if j < len(breakers) else ne


def _resolve(part: _Part, cue: CueMatch, outer: int, end: int, ns: int,
             acts: list[_Act], state: _Article, nested: bool = False) -> _Act | None:
    entry = cue.entry
    word_end = _word_end(part.text, cue.end)
    if _resumed_clause(part, cue) and (k := part.next_word_index(word_end)) < len(part.word_starts) \
            and part.word_texts[k] in part.lex.resumptive and part.word_starts[k] < end:
        word_end = part.word_ends[k]  # وهو ما شدد عليه صندوق النقد: the subject after عليه (note 118's review)
    quoted = part.in_quote(outer) is not None
    act = _Act(cue, [], word_end, end, entry.category, cue.start, cue.end, entry.lemma)
    if entry.kind == "marker":
        return _marker_act(part, act, ns, state)
    if entry.kind == "noun":
        return _noun_act(part, act, state)
    if entry.lemma in _IN_DOCUMENT:
        # وجاء في البيان أن …: an act only when a document follows; the document is the
        # source (its owner's side, or the last source's for a bare definite one)
        doc = _document_after(part, word_end, state.last)
        if doc is None:
            return None  # جاء في إطار …، جاء في وقت …: no act
        act.sources, act.after = doc
        return act
    if _is_passive(part, cue):
        act.sources = [_UNKNOWN]
        if entry.lemma in _ASKING and (asked := _subject_after(part, word_end, end)) is not None:
            state.last = asked[0]  # سُئل ترامب … فأجاب: the one asked answers next
        return act
    if entry.kind == "participle":
        if quoted:
            return None
        speakers = [a for a in acts if a.antecedent]  # not a reporting noun's agent (رفض … مزاعم X بـ … قائلا)
        if speakers:  # مضيفا after قال الجنرال إن النظام وعد …: the outer speaker, not the nested one
            act.sources = list(next((a for a in reversed(speakers) if not a.inner), speakers[-1]).sources)
        else:
            act.sources = _sentence_subject(part, ns, outer) or state.previous()
        return act if act.sources else _unknown_source(act)
    if (entry.lemma in _WHAT_THEY_CALLED and not quoted and (speakers := [a for a in acts if a.antecedent])
            and _no_subject_after_describing(part, word_end, end)):
        # وأصر على أن روسيا ستواصل دعم الجيش السوري … لدحر ما وصفه "بالتهديد الإرهابي": the
        # words are the sentence's speaker's, not a mention's in his clause (codebook note 109)
        act.sources = list(next((a for a in reversed(speakers) if not a.inner), speakers[-1]).sources)
        return act
    relative = _relative_subject(part, cue, ns)
    before = None if relative is not None else _subject_before(part, cue, ns)
    rejected: list[int] = []  # starts of phrases after the verb read as its object (note 105)
    found = None
    if (isinstance(relative, list) or relative in ("none", "mismatch", "mismatch_owner")) and _passive_reading(
            part, cue, word_end, end, after_relative=True):
        return None  # الإنفاق العسكري الذي يعتبر أولوية: "which is considered", no act
    if isinstance(relative, list):
        act.sources = relative
        if _relative_auxiliaries(part, cue, ns)[2]:
            # واشنطن التي كانت تطالب بإطلاق سراحه: a stance recalled as background, not the
            # speaker the next وأضافت continues
            act.antecedent = False
    elif relative == "none":
        found = _subject_after(part, word_end, end)  # مركز … الذي خلصت المخابرات إلى أنه …
        if found is not None and _addressed_medium(part, entry, word_end, found[0][0], first=True):
            found = None  # بحسب محاميه، الذي أخبر CNN بأن …: CNN is the one told (note 119)
        if found is not None and _object_reading(part, entry, cue, word_end, found[0][0], end, rejected):
            # الهجوم الذي اتهمت دمشق بتنفيذه: Damascus is accused, by no one named; but
            # كريستين بلازي فورد، التي اتهمت كافانو بـ: the named head accuses (note 109)
            found = None
            head = _relative_head_name(part, cue, ns)
            if head is not None:
                act.sources = [head]
                return act
        if found is not None:
            act.sources, act.after = found
            act.explicit = True
        elif (own := _unnamed_relative_subject(part, word_end, end)) is not None:
            act.sources = [own]  # في الوقت الذي يرى كثير من المسؤولين الأمريكيين أن …
            act.explicit = True
        else:
            act.sources = [_Source(None, "unknown", "institution", None)]
    elif relative in ("mismatch", "mismatch_owner"):
        found = _subject_after(part, word_end, end)
        if found is not None and not _object_reading(part, entry, cue, word_end, found[0][0], end, rejected):
            act.sources, act.after = found  # الحكومة الصينية التي يقول الممثل التجاري الأميركي إنها …
            act.explicit = True
        elif (own := _antecedents_people(part, cue, word_end, end, ns)) is not None:
            act.sources = [own]  # الولايات المتحدة، التي قال قائدها …: its commander speaks
            act.explicit = True
        elif entry.voice != "ambiguous" and (own := _relative_speaker_after(part, word_end, end)) is not None:
            act.sources = [own]  # الموصل التي أعلن العبادي تحريرها، التي أقر الجيش البورمي …
            act.explicit = True
        elif relative == "mismatch_owner" and entry.voice != "ambiguous":
            act.sources = _relative_owner(part, cue, ns)  # مذكرات كومي التي يقول إنه …
        elif entry.voice == "ambiguous":
            own = _tested_subject(part, word_end, end)
            if own is None or own.source_type == "anaphor" or not (
                    own.source_type == "anonymous" or _people_word(part, word_end, end)):
                return None  # التي يُعتقد أنها: the writer's hedging (§2); التي توقع أقصى العقوبة
            # الحملات التي يعتقد الكثيرون أن …: people in general, an anonymous source
            act.sources = [_anonymous_at(part, word_end, end, own) if own.mention is None
                           else _Source(None, "unknown", "anonymous", own.mention)]
            act.explicit = True
        else:
            # سوريا التي هدد بتوجيه ضربات إليها: the sentence's subject, else the last speaker
            act.sources = (_sentence_subject(part, ns, outer) or state.previous(entry)
                           or _earlier_verb_subject(part, ns, outer))
            if not act.sources:
                return _unknown_source(act)
    elif (before is not None and not cue.prefix and relative is None and len(before) == 1
          and before[0].mention is not None and before[0].mention.get("via") == "adjective"
          and (medium := _medium_before(part, cue, ns)) is not None):
        act.sources = medium  # صحيفة "كوريا تايمز" الكورية الجنوبية تقول: the paper, not its nisba
    elif before is not None and not cue.prefix and not (
            all(_in_fronted_phrase(part, b) for b in before) and _subject_after(part, word_end, end) is not None):
        act.sources = before  # SVO: واشنطن تتهم موسكو (a fronted phrase's nisba yields to a subject after, note 91)
        act.explicit = True
    elif relative is None and (pronoun := _pronoun_subject(part, outer)) and (
            pronoun != "as_well" or _subject_after(part, word_end, end) is not None):
        # كما أنها أبلغت السفير: only where a noun after the verb would be read as its
        # subject (review of note 112: elsewhere the verb had no act and should not gain one)
        # لكنه وصف النظام الأمريكي بالضعف: the pronoun is the subject, the mention the object
        act.sources = _sentence_subject(part, ns, outer) or state.previous()
        if not act.sources:
            return _unknown_source(act)
    elif (found := _subject_after(part, word_end, _addressee_start(part, entry, word_end, end),
                                  entry.form_type in _MASCULINE_FORMS)) is not None and _agrees(entry, found[0]) and not (
            _object_first(part, entry, cue, word_end, found[0][0].mention["_ns"] if found[0][0].mention else word_end,
                          found[0][0].mention["_ne"] if found[0][0].mention else found[1], end, rejected)
            or _considered_as(part, cue, word_end, end, found[1])
            or _second_object(part, cue, word_end, found[0][0])
            or _addressed_medium(part, entry, word_end, found[0][0])):
        act.sources, act.after = found
        act.explicit = True
        m = found[0][0].mention
        if m is not None and _quoted_outlet(part, word_end, _word_index_at(part, m["_ns"])) is m:
            act.antecedent = False  # وذكرت "يونهاب" …: out of the pro-drop chain, like an outlet before its verb (note 51)
    elif before is not None:
        act.sources = before
        act.explicit = True
    elif relative is None and (preverbal := _unresolved_subject_before(part, cue, ns, quoted or nested)) is not None:
        act.sources = preverbal  # أن مسؤولين أمريكيين يعتقدون أن …، لكن خبراء يقولون … (note 94)
        if preverbal[0].source_type == "anonymous" and preverbal[0].mention.get("subordinate"):
            act.antecedent = False  # وقال المرصد إن مصادر موثوقة قالت … وأضاف: the Observatory
    elif relative is None and (topic := _topic_subject(part, cue, word_end, end, ns, state.last)) is not None:
        act.sources = topic  # أما السيد ديردل فقال …: the topic is the speaker (codebook note 114)
        act.explicit = True
    elif relative is None and (doc := _document_before(part, cue, ns, state.last)) is not None:
        act.sources = doc  # وكانت تقارير أشارت إلى …
    elif relative is None and cue.prefix != "و" and (medium := _medium_before(part, cue, ns)) is not None:
        act.sources = medium  # صحيفة "كوريا تايمز" الكورية الجنوبية تقول إن …
    elif relative == "resumptive" and (owner := _antecedent_owner(part, cue, ns)) is not None:
        act.sources = owner  # تصريحات ترامب التي قال فيها …
    elif _adjectival_clause(part, cue, ns):
        return None  # معلومات موثوقة تؤكد ذلك: the verb describes a noun that is no speaker
    elif (doc := _document_after(part, word_end, state.last)) is not None:
        act.sources, act.after = doc
    elif quoted or nested or entry.voice == "ambiguous" or _passive_reading(part, cue, word_end, end):
        # first person inside a quotation; the speaker on himself inside his own reported
        # clause (قال إنه … وإنه يقر); يعتقد/يتوقع without a subject. A subject after the verb
        # that names a speaker is still its subject (note 97): ويتوقع المحللون أن …، أوضح أن
        # "أبوالغيط كان قد انتقد …"
        named = _named_subject_after(part, entry, word_end, end, state)
        if named is None or not _agrees(entry, named[0]) or _object_reading(
                part, entry, cue, word_end, named[0][0], end, rejected):
            return None
        act.sources, act.after = named
        act.explicit = True
        if act.sources[0].source_type == "anonymous":
            act.antecedent = False  # ويرى بعض خبراء الاقتصاد أن …: not the speaker a later قائلا continues
    elif (unresolved := _unresolved_subject(part, word_end, _addressee_start(part, entry, word_end, end),
                                            entry.form_type in _MASCULINE_FORMS)) is not None and _agrees(
            entry, [unresolved]) and not (_object_reading(part, entry, cue, word_end, unresolved, end, rejected)
                                          or _second_object(part, cue, word_end, unresolved)):
        if unresolved.mention is None and unresolved.source_type == "anonymous":
            # مسؤولون، المسؤول: the record points at the head word (codebook note 111)
            unresolved = _anonymous_at(part, word_end, end, unresolved)
        act.sources = [unresolved]
        act.explicit = True
        if unresolved.source_type == "institution" and unresolved.actor_id is None and (
                same := _definite_anaphor(part, word_end, end, state.last)) is not None:
            act.sources = same  # وأكدت السفارة الروسية … وانتقدت السفارة
        elif unresolved.actor_id is None and (again := _repeated_title(part, word_end, end)) is not None:
            act.sources = [again]  # وقالت وزارة العدل …, after وزارة العدل الأمريكية
        if unresolved.source_type == "anaphor":
            people = [s for s in state.last if s.source_type == "person"]
            act.sources = people or [_Source(None, "unknown", "person", None)]
    else:
        # pro-drop: the subject of the verb it is joined to (التي نفتها الرياض ووصفتها, note 96),
        # else of this sentence (ترامب يتراجع … ويقر), else the last source
        act.sources = (_joined_verb_subject(part, cue, outer, acts) or _sentence_subject(part, ns, outer)
                       or state.previous(entry) or _earlier_verb_subject(part, ns, outer))
        if not act.sources:
            return _unknown_source(act)
    if entry.lemma == "نقل":
        _relay(part, act, end)
    return act


#: Verbs whose object comes before a complement with بـ (وصف X بأنه، اتهم X بالتدخل): a
#: noun phrase after the verb and right before such a complement is the object, and the
#: subject is dropped (codebook note 105), unless the object is a pronoun on the verb
#: (يتهمه مدعون بالكذب: the noun is the subject). Lemmas as the cue lexicon writes them.
_OBJECT_THEN_BA = frozenset({"وصف", "اتّهم"})
#: Verbs with a second object the cue lexicon requires (حمّل X المسؤولية): the noun phrase
#: right before that required word is the first object (codebook note 105).
_OBJECT_THEN_REQUIRED = frozenset({"حمّل المسؤولية"})
#: Words after the required word in which "لـ + the one held responsible" may stand
#: (حمّل المتحدث المسؤولية الكاملة عن التصعيد لواشنطن; codebook note 105).
RESPONSIBLE_PARTY_WORDS = 5


def _object_before_complement(part: _Part, entry: CueEntry, pos: int, limit: int) -> bool:
    """Whether the noun phrase that ends at ``pos`` is the object of the verb ``entry``, as
    the word right after it opens the verb's second complement (codebook note 105)."""
    if entry.lemma in _OBJECT_THEN_BA:
        return _ba_complement_after(part, pos, limit)
    if entry.lemma in _OBJECT_THEN_REQUIRED:
        k = part.next_word_index(pos)
        if k >= len(part.word_starts) or part.word_starts[k] >= limit or part.text[pos:part.word_starts[k]].strip():
            return False
        exact, stems = _requirement_forms(entry.requires)
        word = part.word_texts[k]
        if not (word in exact or word.startswith(stems)):
            return False
        # حمّل المتحدث الروسي المسؤولية لواشنطن: the one held responsible follows with لـ, so
        # the phrase before المسؤولية is the subject
        for j in range(k + 1, min(len(part.word_starts), k + 1 + RESPONSIBLE_PARTY_WORDS)):
            if part.word_starts[j] >= limit or _CLAUSE_STOP_RE.search(part.text, part.word_ends[j - 1], part.word_starts[j]):
                break
            w = part.word_texts[j]
            if w[:1] == "ل" and (w.startswith("لل") or _mention_at_word(part, j) is not None):
                return False
        return True
    return False


def _agrees(entry: CueEntry, sources: list[_Source]) -> bool:
    """Whether a subject found after the verb may be its subject: any subject after a
    singular form; after a plural or dual form only an anonymous plural head (ويقولون
    دبلوماسيون إن …: non-standard agreement), never a name or a country (codebook note 104)."""
    return entry.form_type not in _AGREEING_FORMS or all(src.source_type == "anonymous" for src in sources)


def _object_first(part: _Part, entry: CueEntry, cue: CueMatch, word_end: int, start: int, pos: int, limit: int,
                  rejected: list[int]) -> bool:
    """:func:`_object_before_complement` for the phrase after the verb from ``start`` to
    ``pos`` (not when the verb carries an object pronoun); a rejected phrase's start is
    recorded in ``rejected``, so that no later reading of a phrase that starts there takes
    its first word as the subject (ووصف نيويورك تايمز بأنها …: not "نيويورك"; review of note
    105), while a reading that starts elsewhere still may (ووصف ميشال قرار ترمب بالخطير: the
    phrase ending in ترمب is the object, "ميشال قرار" the subject)."""
    if word_end != cue.end or not _object_before_complement(part, entry, pos, limit):
        return False
    rejected.append(start)
    return True


def _object_reading(part: _Part, entry: CueEntry, cue: CueMatch, word_end: int, src: _Source, limit: int,
                   rejected: list[int]) -> bool:
    """Whether a subject found after the verb is to be read as its object instead: its phrase
    starts where a phrase was already rejected, or :func:`_object_first` rejects it now."""
    m = src.mention
    return m is not None and (m["_ns"] in rejected or _object_first(
        part, entry, cue, word_end, m["_ns"], m["_ne"], limit, rejected))


#: Words after "يعتبر + a name" that make it the passive "is considered" (ويعتبر صلاح أول
#: لاعب عربي …، ويعتبر محرز أحد أعمدة النادي; review of note 106). Normalised.
_CONSIDERED_AS = frozenset(normalize(w) for w in ("أحد", "إحدى", "أول", "من", "ضمن", "بمثابة"))


def _considered_as(part: _Part, cue: CueMatch, word_end: int, limit: int, end_of_subject: int) -> bool:
    """Whether an imperfect of اعتبر with a name after it reads "… is considered one of":
    the word after the name is one of :data:`_CONSIDERED_AS` and no complementizer follows
    (:func:`_passive_reading`)."""
    if cue.entry.lemma not in _PASSIVE_READING or not _passive_reading(part, cue, word_end, limit):
        return False
    k = part.next_word_index(end_of_subject)
    return (k < len(part.word_starts) and part.word_starts[k] < limit
            and not part.text[end_of_subject:part.word_starts[k]].strip() and part.word_texts[k] in _CONSIDERED_AS)


#: Lemmas of "what he called" (ما وصفه بـ، ما سمّاه): with no subject after the verb, the
#: words quoted are the sentence's speaker's.
_WHAT_THEY_CALLED = frozenset({"ما وصفه بـ", "ما سمّاه"})


def _relative_head_name(part: _Part, cue: CueMatch, floor: int) -> _Source | None:
    """The person the article named right before الذي/التي (a comma between allowed), when
    the relative clause's verb has its object after it: كريستين بلازي فورد، التي اتهمت كافانو."""
    _, rel, _ = _relative_auxiliaries(part, cue, floor)
    if rel is None:
        return None
    before = part.prev_word(rel[0])
    if before is None or before[1] <= floor or part.text[before[1]:rel[0]].strip(" ،,"):
        return None
    k = bisect_left(part.word_starts, before[0])
    for j in range(k, max(-1, k - NAME_WORDS), -1):  # the surname, or an earlier word of the name
        if part.word_starts[j] <= floor or (j < k and not _name_like(part, j)):
            break
        if (named := _known_name(part, j)) is not None:
            return named
    return None


def _no_subject_after_describing(part: _Part, word_end: int, limit: int) -> bool:
    """Whether what follows a "what he called" verb is the name it gave (a بـ word, a
    quotation) rather than a subject (ما وصفته المفوضية "…"، ما أسمته الميليشيا بـ …)."""
    k = part.next_word_index(word_end)
    if k >= len(part.word_starts) or part.word_starts[k] >= limit:
        return True
    if part.text[word_end:part.word_starts[k]].strip():
        return True  # a quotation mark or a colon first
    word = part.word_texts[k]
    # بالقرصنة، بـ"…": the name given; not بلدها/بلاده (a subject: ما تصفه بلدها بـ) or a mention
    return (word[:1] == "ب" and not word.startswith(("بلد", "بلاد"))
            and _mention_at_word(part, k) is None)


#: Verbs whose first object is the one told (أبلغ المسؤول رويترز أن …، أخبر المتحدث CNN بأن …).
_TELLING_LEMMAS = frozenset({"أبلغ", "أخبر"})


def _addressed_medium(part: _Part, entry: CueEntry, word_end: int, src: _Source, first: bool = False) -> bool:
    """Whether the outlet found as the subject of a verb of telling is the one told: it
    stands after another word, with no preposition on it ("وأبلغ المسؤول رويترز أن …"، "الذي
    أخبر CNN بأن …" after its antecedent; codebook note 119). The subject is then the head
    before it, or the speaker before (the outlet goes to nobody: it is the medium)."""
    m = src.mention
    if entry.lemma not in _TELLING_LEMMAS or m is None or m.get("actor_type") != "media":
        return False
    if _word_start(part.text, m["_ns"]) != m["_ns"]:
        return False  # لرويترز: a preposition on it
    k = part.next_word_index(word_end)
    if first:  # in a relative clause the subject is the antecedent: the outlet right after the verb is told
        return k < len(part.word_starts) and part.word_starts[k] <= m["_ns"]
    return k < len(part.word_starts) and part.word_starts[k] < m["_ns"]


#: Verbs that take two objects, "consider X (to be) Y": with the first object a pronoun on
#: the verb, an indefinite noun right after it is the second (اعتبرتها ردا مناسبا).
_TWO_OBJECT_LEMMAS = frozenset({"اعتبر"})


def _second_object(part: _Part, cue: CueMatch, word_end: int, src: _Source) -> bool:
    """Whether the unplaced name found after a verb of :data:`_TWO_OBJECT_LEMMAS` that
    carries an object pronoun is its second object: one word, no ال, ending in the ا of the
    indefinite accusative (ردا، انتهاكا، تهديدا). "ورحبت تركيا بالضربات واعتبرتها ردا مناسبا":
    Turkey considers them a fitting response; ردا is no speaker (codebook note 109)."""
    m = src.mention
    if (cue.entry.lemma not in _TWO_OBJECT_LEMMAS or word_end <= cue.end or m is None
            or src.actor_id is not None or src.side not in ("other", "unknown")):
        return False
    words = _WORD_RE.findall(part.text[m["_ns"]:m["_ne"]])  # the part's text is normalised
    return len(words) == 1 and words[0].endswith("ا") and not words[0].startswith("ال")


def _ba_complement_after(part: _Part, pos: int, limit: int) -> bool:
    """Whether the word right after ``pos`` (spaces only between) opens a بـ complement: it
    begins with ب, is longer than three letters and is no mention (بوتين is a name), and it
    begins with بأن/بال or occurs once in the part (a name such as برانسون comes back)."""
    k = part.next_word_index(pos)
    if k >= len(part.word_starts) or part.word_starts[k] >= limit or part.text[pos:part.word_starts[k]].strip():
        return False
    word = part.word_texts[k]
    if word[:1] != "ب" or len(word) <= 3 or _mention_at_word(part, k) is not None:
        return False
    # بأنه، بالتدخل: a complement; a word with ب that comes back whole is a name the lexicons
    # do not know (تتهم تركيا برانسون بدعم …: Brunson, named again and again)
    if word.startswith(("بان", "بال")):
        return True
    return _word_counts(part)[word] == 1


def _earlier_verb_subject(part: _Part, ns: int, outer: int) -> list[_Source] | None:
    """The subject of the verb that opens the sentence, for a pro-drop verb of an article
    where nobody has spoken yet (codebook note 103): يوم الخميس حضر شانكير إلى جلسة استماع
    … وتحدث عن آرائه. After the sentence's adverbials (يوم الخميس), its first word is a verb
    (no mention, preposition, cue or complementizer) and within ``EARLIER_SUBJECT_WORDS``
    words after it, with only spaces and a person's noun or a first name between (المرشح
    ديفيد شانكير), stands a person of a placed side: a mention or a name the article
    introduced, with no clitic preposition. Anything else (a genitive: بيد أن أداء ترامب;
    an object) is no subject the later verbs share."""
    n = len(part.word_starts)
    k0 = _skip_adverbials(part, part.next_word_index(ns), outer)
    if k0 >= n or part.word_ends[k0] > outer:
        return None
    verb = part.word_texts[k0]
    if (_mention_at_word(part, k0) is not None or _blocks_subject(part, verb) or verb.startswith("ال")
            or _complementizer_at(part, k0) is not None
            or part.cue_overlaps(part.word_starts[k0], part.word_ends[k0])):
        return None
    plain = False  # a word that is no person's noun stands before the subject (a first name)
    for k in range(k0 + 1, min(n, k0 + EARLIER_SUBJECT_WORDS + 1)):
        if part.word_ends[k] > outer or part.text[part.word_ends[k - 1]:part.word_starts[k]].strip():
            return None
        idx = _mention_at_word(part, k)
        if idx is not None:
            m = part.mentions[idx]
            if (not plain and m.get("actor_type") == "person" and m.get("via") != "adjective"
                    and not _is_object(part, m) and m.get("side") not in (None, "", "unknown", "other")
                    and not _person_between(part, m["_ne"], outer)):
                return [_Source.from_mention(m)]
            return None  # وروت خطيبة خاشقجي: a listed person after a plain noun is its genitive
        known = _known_name(part, k)
        if known is not None:
            ok = (known.side not in ("unknown", "other") and len(strip_conjunction(part.word_texts[k])) >= 4
                  and not _person_between(part, part.word_ends[k], outer))
            return [known] if ok else None
        if not _description_head(part, k):
            if _name_run(part, k, outer) < 2:
                return None  # only a person's noun or a first name before the subject (المرشح ديفيد)
            plain = True
    return None


def _person_between(part: _Part, start: int, end: int) -> bool:
    """Whether a person (a listed mention not on a preposition, or a name the article
    introduced) stands between ``start`` and ``end``: a nearer subject (بعد أن أصبح محمد بن
    سلمان ولياً للعهد ووعد …; review of note 103)."""
    j = bisect_left(part.mention_starts, start)
    while j < len(part.mentions) and part.mentions[j]["_ns"] < end:
        m = part.mentions[j]
        if m.get("actor_type") == "person" and m.get("via") != "adjective" and not _is_object(part, m):
            return True
        j += 1
    k = part.next_word_index(start)
    while k < len(part.word_starts) and part.word_ends[k] <= end:
        if _mention_at_word(part, k) is None and strip_conjunction(part.word_texts[k]) in part.names:
            return True
        k += 1
    return False


def _joined_verb_subject(part: _Part, cue: CueMatch, outer: int, acts: list[_Act]) -> list[_Source] | None:
    """The subject of a reporting verb this و-verb is joined to (codebook note 96).

    وهي الاتهامات التي نفتها الرياض ووصفتها بأنها "أكاذيب": the second verb follows the first
    verb's subject (or the first verb itself) with nothing but a space between, so the two
    share that subject, even when the first stands in a relative clause or inside another
    act's reported words and so is neither the sentence's subject nor the latest speaker.
    """
    if cue.prefix != "و" or not acts:
        return None
    prev = acts[-1]
    if not prev.sources or prev.after >= outer or part.text[prev.after:outer].strip():
        return None
    if any(s.actor_id is None and s.side == "unknown" for s in prev.sources):
        return None  # a passive or a speaker nobody names: nothing to share
    return list(prev.sources)


def _named_subject_after(part: _Part, entry: CueEntry, word_end: int, end: int,
                         state: _Article) -> tuple[list[_Source], int] | None:
    """A subject after the verb that names a speaker, for a verb that has none otherwise
    (inside quoted or reported words, or a belief verb that may be passive; note 97).

    Read as any subject after a verb (:func:`_unresolved_subject`), it counts only when it
    is an anonymous speaker (محللون، مسؤولون، معظم الخبراء), a placed person whose first
    word is a title or a person's noun (المفوض الأعلى لحقوق الإنسان) or a name the article
    introduced (كلوب), or a definite institution the article named before with its side
    (وأكدت السفارة الروسية … وتوقعت السفارة). A bare noun (ويعتقد الكثير، ويتوقع المحللون: the
    definite plural is no anonymous head of the lexicon) or
    a pronoun-like title (الرئيس) is not enough there: the verb may be first person, a
    passive, or the outer speaker's own.
    """
    found = _unresolved_subject(part, word_end, _addressee_start(part, entry, word_end, end),
                                entry.form_type in _MASCULINE_FORMS)
    if found is not None and found.mention is None and found.source_type == "anonymous":
        found = _anonymous_at(part, word_end, end, found)  # ويتوقع محللون: the head's span
    if found is None or found.mention is None or found.source_type == "anaphor":
        return None
    if found.source_type == "institution" and found.actor_id is None:
        same = _definite_anaphor(part, word_end, end, state.last)
        if same is None:
            return None
        return same, found.mention["_ne"]
    if found.source_type == "anonymous":
        return [found], found.mention["_ne"]
    k = part.next_word_index(found.mention["_ns"])
    if found.side in ("other", "unknown") or not (
            _description_head(part, k) or strip_conjunction(part.word_texts[k]) in part.names):
        return None  # ترى تغييرات في السلوك الإيراني: a placed object, not a speaker
    return [found], found.mention["_ne"]


#: Cue form types of a masculine singular verb (قال، يقول): a country cannot be their subject.
_MASCULINE_FORMS = frozenset({"past", "imperfect"})
#: Verb forms that agree with a plural or dual subject (قالوا، يقولون، أكدا، يؤكدان): a verb
#: before its subject is singular in Arabic, so the noun after such a form is its object
#: (خبراء آخرون أبدوا دهشتهم، وكان المسؤولون المغاربة اقترحوا على …), and its subject stands
#: before it or is the pronoun (codebook note 104); only an anonymous plural head after it
#: is still read as its subject (:func:`_agrees`, the review of note 104).
_AGREEING_FORMS = frozenset({"past_plural", "imperfect_plural", "past_dual", "imperfect_dual"})


def _country_name(m: dict) -> bool:
    """A country or its capital by name (روسيا، الولايات المتحدة، موسكو), which takes a
    feminine verb; a people named by its nisba (الفلسطينيون، الفرنسيون) takes a masculine one
    in verb-first order (ويقول الفلسطينيون) and is not meant."""
    if m.get("actor_type") != "country" or m.get("via") not in ("name", "metonym"):
        return False
    surface = normalize(str(m.get("surface") or ""))
    return not any(surface == c or surface.endswith(" " + c) or surface[1:] == c for c in _MASCULINE_COUNTRIES)


#: Country names that take a masculine verb (وأكد الأردن، ويقول العراق), normalised.
_MASCULINE_COUNTRIES = frozenset(normalize(w) for w in (
    "الأردن", "العراق", "المغرب", "اليمن", "السودان", "لبنان", "الصومال", "المكسيك",
    "السنغال", "الكونغو", "الغابون", "الكاميرون", "البرازيل", "البيرو", "بيرو", "الإكوادور",
    "الأوروغواي", "الباراغواي", "الفاتيكان", "الجبل الأسود",
))


#: Cue lemmas whose source is the document named after them (وجاء في البيان، وورد في التقرير).
_IN_DOCUMENT = frozenset({"جاء في", "ورد في"})


#: Verbs whose unvowelled imperfect is as often the passive (يُعتبر "is considered") as the
#: active "he considers": without a subject the lexicon knows, they are an act only when a
#: complementizer follows (ويعتبر أن …), like the belief verbs of note 19.
_PASSIVE_READING = frozenset({"اعتبر"})
_PASSIVE_FORMS_AFTER_RELATIVE = ("imperfect", "imperfect_fem", "past", "past_fem")
#: After a relative pronoun the active اعتبر has its complementizer within this many words
#: (الذي اعتبرت المخابرات الأمريكية أنه …); one further on belongs to another clause.
RELATIVE_PASSIVE_WORDS = 5


def _passive_reading(part: _Part, cue: CueMatch, word_end: int, end: int, *,
                     after_relative: bool = False) -> bool:
    """تعتبر العقوبات الجديدة الإجراء الأشد: a passive "is considered", not an act.

    Right after a relative pronoun the unvowelled past is as often the passive too (تصريحاته
    التي اعتبرت شديدة الليونة "which were considered"; codebook note 56): there a verb with
    no object suffix (الذي اعتبره خرقا is active) and no complementizer after it is no act.
    """
    entry = cue.entry
    forms = _PASSIVE_FORMS_AFTER_RELATIVE if after_relative else ("imperfect", "imperfect_fem")
    if entry.lemma not in _PASSIVE_READING or entry.form_type not in forms:
        return False
    if after_relative and word_end > cue.end:
        return False  # an object suffix: التي تعتبرها الحكومة التركية …
    k = part.next_word_index(word_end)
    last = k + RELATIVE_PASSIVE_WORDS if after_relative else len(part.word_starts)
    if after_relative:
        # a quotation in the window is the evaluation the speaker makes: الذي يعتبر اليورو
        # "سجنا ألمانيا"، التي اعتبرت تنظيم قطر للمونديال "أكبر فضيحة"
        stop = part.word_starts[last] if last < len(part.word_starts) else end
        q = bisect_left(part.all_quote_starts, word_end)
        if q < len(part.all_quote_starts) and part.all_quote_starts[q] < min(stop, end):
            return False
    while k < min(last, len(part.word_starts)) and part.word_starts[k] < end:
        if _complementizer_at(part, k):
            return False
        k += 1
    return True


def _sentence_subject(part: _Part, ns: int, outer: int) -> list[_Source] | None:
    """The subject of a sentence's main verb, for a participle with no act before it.

    وتراجع ترامب عن تصريحاته، قائلا …: the participle shares the subject of تراجع. The
    subject is the first mention among the first three words of the sentence that is
    not governed by a preposition and is not a bare adjective. A sentence that opens with a
    participle has none: the mentions after it are the participle's objects (ANT
    FR-middleEast-108-20180305, dev round 29: "محملا كذلك بريطانيا والولايات المتحدة
    المسؤولية حيث قال" is Hollande's, who spoke in the paragraph before).
    """
    k = bisect_left(part.mention_starts, ns)
    if k >= len(part.mentions):
        return None
    m = part.mentions[k]
    if (m["_ns"] >= outer or part.count_words(ns, m["_ns"]) > SENTENCE_SUBJECT_WORDS or _is_object(part, m)
            or m.get("via") == "adjective"):
        return None
    c = bisect_left(part.cue_outer, ns)
    if (c < len(part.cues) and part.cue_outer[c] < m["_ns"] and part.cues[c].entry.kind == "participle"
            and not part.text[ns:part.cue_outer[c]].strip(' "«“-–')
            and _first_marker(part, part.cues[c].end, m["_ns"]) is None):
        return None  # محملا كذلك بريطانيا … حيث قال: the participle's objects (not after مضيفا: …)
    return [_Source.from_mention(g) for g in _joined(part, k, outer)]


def _unknown_source(act: _Act) -> _Act:
    act.sources = [_UNKNOWN]
    return act


def _relay(part: _Part, act: _Act, end: int) -> None:
    """نقلت وكالة تاس عن لافروف قوله: the quoted person is the source, the agency the via.

    When no actor the lexicon knows stands right after عن (نقلت الوكالة عن ياكوفينكو قوله),
    the quoted speaker is still the source, unplaced: an anonymous head (عن مسؤول) or a person.
    """
    k = first = part.next_word_index(act.after)
    while (k < len(part.word_starts) and part.word_starts[k] < end and part.word_texts[k] != "عن"
           and k - first < RELAY_WORDS + RELAY_DESCRIPTION_WORDS):
        k += 1  # نقلت وكالة تسنيم للأنباء، الاثنين، عن …
    if k >= len(part.word_starts) or part.word_starts[k] >= end or part.word_texts[k] != "عن" or (
            k > first and _complementizer_at(part, first)):
        return
    medium = act.sources[0] if act.sources else None
    head = part.text[medium.mention["_ns"]:medium.mention["_ne"]].split()[:1] if medium and medium.mention else []
    is_medium = medium is not None and medium.mention is not None and (
        medium.source_type == "media" or bool(head and strip_conjunction(head[0]) in part.roles["quote_name"]))
    if k - first > RELAY_WORDS and not _relay_after_description(part, k, is_medium, end):
        return
    via = medium.actor_id if is_medium else None
    j = bisect_left(part.mention_starts, part.word_ends[k])
    if j < len(part.mentions) and part.count_words(part.word_ends[k], part.mentions[j]["_ns"]) <= RELAY_WORDS:
        act.sources = [_Source.from_mention(part.mentions[j])]
        act.after = part.mentions[j]["_ne"]
    elif k + 1 < len(part.word_starts) and part.word_starts[k + 1] < end and (
            unplaced := _unresolved_subject(part, part.word_ends[k], end)) is not None and unplaced.source_type != "anaphor":
        act.sources = [unplaced]
        # past the description that placed the speaker, so that قوله after it is this act
        act.after = unplaced.mention.get("_de", part.word_ends[k + 1]) if unplaced.mention else part.word_ends[k + 1]
    else:
        return
    if via is not None:
        act.via = via


def _relay_after_description(part: _Part, k: int, is_medium: bool, end: int) -> bool:
    """عن (word ``k``) past a description of the relaying medium still opens the relayed
    source: a comma closes the description, the relayer is a medium (``is_medium``: an
    outlet, or a mention headed by صحيفة/وكالة/قناة …, as for the relay's ``via``), and what follows عن
    can speak (an actor mention, an anonymous head or a name): ونقلت صحيفة الوطن الموالية
    للحكومة السورية، عن مصادر عسكرية. Not عن طريق/قرب/كثب/بعد, and not a topic after a
    person's message (ونقل المبعوث رسالة من ترامب، عن قلق واشنطن)."""
    if part.text[part.word_ends[k - 1]:part.word_starts[k]].strip() not in ("،", ","):
        return False
    if not is_medium:
        return False  # ونقل المبعوث رسالة …، عن: a person's message, not a medium's report
    j = k + 1
    if j >= len(part.word_starts) or part.word_starts[j] >= end or part.word_texts[j] in _NOT_RELAYED:
        return False
    return (_mention_at_word(part, j) is not None or _anonymous_head(part, part.word_texts[j]) is not None
            or _name_like(part, j))


#: Words after عن that make an adverbial phrase, not a relayed source (عن طريق، عن قرب).
_NOT_RELAYED = frozenset(normalize(w) for w in ("طريق", "قرب", "كثب", "بعد"))


def _marker_act(part: _Part, act: _Act, ns: int, state: "_Article") -> _Act | None:
    """بحسب لافروف، فإن …: a marker with no reporting verb in its clause.

    The source is a mention right after it, else a document (بحسب بيان صدر …، بحسب التقرير)
    or a definite noun that names an earlier source again (بحسب الوكالة نفسها، وبحسب
    السفارة).
    """
    # وفقا لـ ends inside its word: a name may start in that word, after its ل (وفقا لوزارة
    # الخزانة) or with it (وفقا للوفد الأمريكي)
    anchor = act.cue.end if act.cue.entry.attached else act.after
    first = _word_start(part.text, anchor) if act.cue.entry.attached else anchor
    k = bisect_left(part.mention_starts, first)
    gap = part.text[act.after:part.mentions[k]["_ns"]].split() if k < len(part.mentions) else []
    words = part.text[act.cue_start:act.after].split()[1:] + gap[:1]
    if any(_rule_word(w) for w in words):
        return None  # وفقا للقانون الدولي: a rule, not a source
    if k < len(part.mentions) and part.count_words(first, part.mentions[k]["_ns"]) <= MARKER_SOURCE_WORDS:
        m = part.mentions[k]
        # بحسب مصادر المعارضة السورية: an anonymous source takes the side of its group
        act.sources, source_end = [_anonymous_affiliation(part, k, _Source.from_mention(m))], m["_ne"]
    elif (doc := _document_after(part, act.after, state.last)) is not None:
        act.sources, source_end = doc
    elif act.cue.entry.attached and (doc := _attached_document(part, act, state.last)) is not None:
        act.sources, source_end = doc  # وفقا لبيان صادر عن الرئاسة المصرية (note 91)
    elif ((act.cue.entry.attached or part.next_word_index(act.after) < len(part.word_starts))
          and (same := _definite_anaphor(part, anchor, act.end, state.last)) is not None):
        # after وفقا لـ the noun is the rest of the marker's own word (للوزارة)
        act.sources, source_end = same, (act.after if act.cue.entry.attached
                                         else part.word_ends[part.next_word_index(act.after)])
    elif (phrase := _marker_phrase(part, act.after, act.end, state.last)) is not None:
        act.sources, source_end = phrase
    else:
        return None
    if act.sources and act.sources[0].source_type == "document":
        # بحسب تقرير نشرته صحيفة الغارديان: a document a marker cites is no speaker whom a later
        # pro-drop verb continues (review of note 90)
        act.antecedent = False
    outer = act.cue_start - len(act.cue.prefix)
    if part.text[ns:outer].strip(" ،,") and part.count_words(ns, outer) >= MARKER_AFTER_CONTENT_WORDS:
        act.after, act.end = ns, outer  # "…، بحسب وكالة رويترز"
    else:
        act.after = source_end
    return act


#: After a marker, the speaker's own words (بحسب تعبيره، وفق قوله): the last source.
_OWN_WORDS = frozenset(normalize(w) for w in (
    "تعبيره", "تعبيرها", "تعبيرهم", "تعبيرهما", "قوله", "قولها", "قولهم", "قولهما", "وصفه", "وصفها", "زعمه", "زعمها",
    "اعتقاده", "اعتقادها", "اعتقادهم", "رأيه", "رأيها", "رأيهم",
))
#: After a marker, rules, plans and measures: "according to" them is no attribution
#: (وفقا للقانون، بحسب التوقيت المحلي، حسب الخطة).
_NOT_SOURCES = frozenset(normalize(w) for w in (
    "قانون", "القانون", "قوانين", "القوانين", "قواعد", "القواعد", "أحكام", "الأحكام", "معايير", "المعايير",
    "نظام", "النظام", "أنظمة", "الأنظمة", "الدستور", "دستور", "شروط", "الشروط", "خطة", "الخطة", "جدول", "الجدول",
    "التوقيت", "توقيت", "اتفاق", "الاتفاق", "اتفاقية", "الاتفاقية", "برنامج", "البرنامج", "مبدأ", "مبادئ", "آلية",
    "الحاجة", "الظروف", "الطلب", "العادة", "الأصول", "المعتاد", "نوع", "حجم", "درجة", "قيمة", "سعر", "أسعار",
    "تصنيف", "التصنيف", "ترتيب", "الترتيب", "المادة", "مادة", "البند", "بند", "قرار", "القرار", "صيغة", "الصيغة",
))
#: Figures and studies a marker credits (بحسب أرقام، وفقا لتقديرات): documents, not people.
_FIGURES = frozenset(normalize(w) for w in (
    "أرقام", "الأرقام", "بيانات", "البيانات", "إحصاءات", "الإحصاءات", "إحصائيات", "الإحصائيات", "تقديرات",
    "التقديرات", "نتائج", "النتائج", "دراسة", "الدراسة", "دراسات", "الدراسات", "استطلاع", "الاستطلاع",
    "معلومات", "المعلومات", "حصيلة", "الحصيلة", "وثائق", "الوثائق", "سجلات", "السجلات",
))
#: Heads of a medium's name (صحيفة "صن" البريطانية).
_MEDIA_HEADS = frozenset(normalize(w) for w in (
    "صحيفة", "الصحيفة", "وكالة", "الوكالة", "موقع", "الموقع", "شبكة", "الشبكة", "قناة", "القناة", "مجلة", "المجلة",
    "تلفزيون", "التلفزيون", "إذاعة", "الإذاعة",
))


def _attached_document(part: _Part, act: _Act, last: list[_Source]) -> tuple[list[_Source], int] | None:
    """An indefinite document that is the rest of an attached marker's word (وفقا لبيان، وفقا
    لتقرير), read with its owner phrase as after a verb (:func:`_document_at`)."""
    k = part.next_word_index(act.cue.end) - 1
    if k < 0 or not part.word_starts[k] < act.cue.end < part.word_ends[k]:
        return None
    rest = part.text[act.cue.end:part.word_ends[k]]
    if rest.startswith("ال") or rest not in part.roles["document"]:
        return None
    found = _document_at(part, k, rest, last)
    if found is not None and found[0][0].side == "unknown":
        # no owner phrase the document rules read (وفقا لبيان صادرعن المتحدث …): a placed
        # mention in the words after it, as after any marker, comes first
        phrase = _marker_phrase(part, act.after, act.end, last)
        if phrase is not None and phrase[0][0].side != "unknown":
            return phrase
    return found


def _marker_phrase(part: _Part, pos: int, end: int, last: list[_Source]) -> tuple[list[_Source], int] | None:
    """The source of a marker that names nobody the lexicons know (note 50).

    بحسب مراقبين، وفقا لبيانات الجمارك، بحسب الموقع الرسمي للمنظمة، بحسب إدارة معلومات
    الطاقة الأمريكية: the noun phrase after the marker (up to ``MARKER_PHRASE_WORDS``
    words, no punctuation, preposition, complementizer or cue inside) is the source. A
    mention inside the phrase (a nisba adjective too) gives its side; otherwise an
    indefinite phrase is nobody's in particular (``unknown``, anonymous or a document)
    and a definite one a third party (``other``, codebook note 37), as is an outlet's head
    with a name in quotation marks, or the side of a nisba right after the name (حسب مجلة
    "بيزنس إنسايدر"، موقع "ديلي صباح" التركي; note 91). The speaker's own
    words (بحسب تعبيره) are the last source's; rules and plans (وفقا للقانون) are no source.
    """
    n = len(part.word_starts)
    k = part.next_word_index(pos)
    if k >= n or part.word_starts[k] >= end or part.text[pos:part.word_starts[k]].strip(' "«»“”'):
        return None
    bare = part.word_texts[k]
    if bare in _OWN_WORDS:
        return (list(last), part.word_ends[k]) if last else None
    if (_rule_word(bare) or not bare.isalpha() or len(bare) < 3
            or bare in part.roles["preposition"] or bare in _NOT_NAME or _complementizer_at(part, k)):
        return None
    stop = k
    while (stop + 1 < n and stop + 1 - k < MARKER_PHRASE_WORDS and part.word_starts[stop + 1] < end
           and not part.text[part.word_ends[stop]:part.word_starts[stop + 1]].strip(' "«»“”')
           and part.word_texts[stop + 1] not in part.roles["preposition"] and not _complementizer_at(part, stop + 1)
           and part.word_texts[stop + 1].isalpha() and part.word_texts[stop + 1] not in _NOT_NAME
           and not _blocks_subject(part, part.word_texts[stop + 1])):  # بحياة، للمنظمة
        stop += 1
    a, b = part.word_starts[k], part.word_ends[stop]
    j = bisect_left(part.mention_starts, a)
    while j < len(part.mentions) and part.mentions[j]["_ns"] < b:
        m = part.mentions[j]
        src = _Source.from_mention(m)
        if src.side not in ("unknown",):
            kind = "media" if bare in _MEDIA_HEADS else src.source_type if m.get("via") != "adjective" else "institution"
            return [_Source(src.actor_id if m.get("via") != "adjective" else None, src.side, kind,
                            _phrase_mention(part, a, max(b, m["_ne"]), src))], max(b, m["_ne"])
        j += 1
    if part.cue_overlaps(a, b):
        return None  # a reporting word inside: not a plain noun phrase
    definite = bare.startswith("ال")
    kind = "document" if bare in part.roles["document"] or bare in _FIGURES else "media" if bare in _MEDIA_HEADS else (
        "institution" if definite else "anonymous")
    # an outlet named after its head (حسب مجلة "بيزنس إنسايدر") is one the lexicons do not know: a
    # third party, as before a verb (note 51), unless a nisba follows the name; a bare head
    # (بحسب موقع) stays nobody's
    head_end = part.word_ends[k]
    side = "other" if definite else "unknown"
    if kind == "media" and (q := re.match(r'\s*["«“]([^"«»“”\n]{1,40})["»”]', part.text[head_end:end])):
        side, b = "other", max(b, head_end + q.end(1))  # the name inside the marks
        close = head_end + q.end()
        j = bisect_left(part.mention_starts, close)
        if (j < len(part.mentions) and part.mentions[j].get("via") == "adjective"
                and not part.text[close:part.mentions[j]["_ns"]].strip(" ،,")
                and part.mentions[j].get("side") not in (None, "", "unknown")):
            side, b = part.mentions[j]["side"], part.mentions[j]["_ne"]  # موقع "ديلي صباح" التركي
    src = _Source(None, side, kind, None)
    return [_Source(None, src.side, kind, _phrase_mention(part, a, b, src))], b


def _rule_word(word: str) -> bool:
    """Whether ``word`` (maybe with the لـ of وفقا لـ, in part or whole) names a rule or plan."""
    forms = {word}
    if word.startswith("لل"):
        forms |= {"ال" + word[2:], word[1:]}
    elif word.startswith("ل"):
        forms |= {word[1:], "ال" + word[1:]}
    return not _NOT_SOURCES.isdisjoint(forms)


def _phrase_mention(part: _Part, a: int, b: int, src: _Source) -> dict:
    """A mention-like record for the words ``a:b`` of ``part`` (normalised offsets)."""
    start, end = part.norm.to_original(a, b)
    # a phrase the lexicons do not place stays out of the pro-drop chain (note 39)
    return {"start": start, "end": end, "part": part.name, "_ns": a, "_ne": b, "actor_id": src.actor_id,
            "side": src.side, "actor_type": src.source_type, "unplaced": src.side in ("unknown", "other")}


def _noun_act(part: _Part, act: _Act, state: _Article) -> _Act | None:
    """اتهامات واشنطن بأن …: a reporting noun counts with both a source and content."""
    cue = act.cue
    pos = act.after
    form = cue.entry.form
    lam = False
    # normalised, ة is ه: دعوة is no دعوته (a noun with a possessive pronoun)
    possessive = (form.endswith(("ه", "ها", "هم")) and form[:-1] not in ("توجي",)
                  and not _as_written(part, cue.start, cue.end).endswith("ة"))
    k = bisect_left(part.mention_starts, pos)
    if cue.prefix.endswith("ال"):
        if k < len(part.mentions) and part.text[pos:part.mentions[k]["_ns"]].strip() == "":
            m = part.mentions[k]
            if m.get("via") == "adjective" or not str(m.get("actor_type")) in ("person",):
                act.sources, pos = [_Source.from_mention(m)], m["_ne"]
        if not act.sources:
            return None
    elif k < len(part.mentions) and part.text[pos:part.mentions[k]["_ns"]].strip() == "":
        agents = _joined(part, k, act.end)  # قول السعودية وروسيا إنهما …: one act per agent
        act.sources, pos = [_Source.from_mention(m) for m in agents], agents[-1]["_ne"]
        lam = act.lemma in _LAM_CONTENT_NOUNS  # دعوة قطر للحوار، إدانة كندا لقمع …
    elif possessive and state.last:
        act.sources = list(state.last)
    else:
        return None
    if part.quote_starting(pos, act.end) is not None or part.text[pos:act.end].lstrip().startswith(":"):
        act.after = pos
        return act
    j = part.next_word_index(pos)
    if j < len(part.word_starts) and part.word_starts[j] < act.end:
        word = part.word_texts[j]
        if lam and word.startswith("ل") and act.lemma in _PATIENT_GENITIVE_NOUNS and _OWN_ACT_RE.search(
                _as_written(part, part.word_starts[j], part.word_ends[j])):
            # إدانة روسيا لاستخدامها الغاز: Russia is condemned for its own act (review); the
            # original letters decide, since normalised ة is ه (إدانة كندا لسياسة الرياض stays)
            return None
        if _complementizer_at(part, j) or word == "عن" or ((possessive or lam) and word.startswith("ل")):
            act.after = pos
            return act
        if not possessive and part.text[pos:part.word_starts[j]].strip() == "،" and not _after_verb_cue(part, cue) \
                and _comma_adverbial_then_that(part, j, act.end):
            act.after = pos  # إعلان موسكو، قبل نحو شهرين، أنها ستبدأ …: a time set off by commas (note 129)
            return act
        if not possessive and part.text[pos:part.word_starts[j]].strip() in ("", "،") and _ba_content(part, act, j):
            act.after = pos
            act.antecedent = False
            return act
        if (opener := _NOUN_CONTENT_OPENERS.get(act.lemma)) is not None and not possessive and (
                content := _noun_content_start(part, j, opener, act.end, _nisba_agent(part, act))) is not None:
            act.after = content  # دعوة روسيا إلى …، تحذير المندوب من أن …، إعلان ترامب انسحاب …
            act.antecedent = False
            if opener == "" and _PASSIVE_AGENT_RE.search(part.text, content, _clause_end(part, content, act.end)):
                return None  # إعلان كوريا الشمالية دولة راعية للإرهاب من قبل …: the one declared
            if opener == "" or _complementizer_at(part, _word_index_at(part, content) + 1) is None:
                # the object or the preposition's phrase ends at the clause's end, not at a
                # complementizer or quotation of another speaker further on (review of note 85)
                act.end = _clause_end(part, content, act.end)
                act.content_fixed_end = True
            return act
    return None


#: Words before a reporting noun within which a verb cue, its clause still open, makes the
#: noun its subject or adverbial (note 129).
VERB_BEFORE_NOUN_WORDS = 8


def _after_verb_cue(part: _Part, cue: CueMatch) -> bool:
    """A verb cue stands within :data:`VERB_BEFORE_NOUN_WORDS` words before the noun ``cue``,
    with no complementizer, colon or quotation mark between: the noun is in that verb's
    clause, its subject or adverbial (قال الادعاء البلجيكي، الأربعاء، إنه: the prosecution;
    قال X، من مكتب الادعاء البلجيكي، الأربعاء، إن; وأضاف المقداد في تصريحاته، الأربعاء، أن …),
    and the complementizer is the verb's."""
    k = part.next_word_index(cue.start - len(cue.prefix))
    if k == 0:
        return False
    first = max(0, k - VERB_BEFORE_NOUN_WORDS)
    a, b = part.word_starts[first], part.word_ends[k - 1]
    verbs = [c for c in part.cues_overlapping(a, b) if c.entry.kind != "noun"]
    if not verbs:
        return False
    after = verbs[-1].end
    j = part.next_word_index(after)
    # a bare complementizer (أن، إن، بأن) closes the verb's clause; not و/ف + ان, which is
    # also a name's word (أريك فان دير)
    return not (any(part.word_texts[w] in part.comp_any for w in range(j, k))
                or any(ch in part.text[after:part.word_starts[k]] for ch in ':"«»“”'))


def _comma_adverbial_then_that(part: _Part, j: int, end: int) -> bool:
    """Word ``j`` opens a short phrase closed by a comma (an adverbial or an apposition,
    up to :data:`COMMA_PHRASE_WORDS` words, with no cue, actor mention or stop in it), and a
    complementizer follows the comma (، قبل نحو شهرين، أنها …)."""
    n = len(part.word_starts)
    for k in range(j + 1, min(n, j + COMMA_PHRASE_WORDS + 1)):
        if part.word_starts[k] >= end:
            return False
        gap = part.text[part.word_ends[k - 1]:part.word_starts[k]].strip()
        if gap == "،":
            return (_complementizer_at(part, k) is not None
                    and not part.cue_overlaps(part.word_starts[j], part.word_ends[k - 1])
                    and _mention_at_word(part, j) is None
                    and bisect_left(part.mention_starts, part.word_starts[j]) == bisect_left(
                        part.mention_starts, part.word_ends[k - 1]))
        if gap:
            return False
    return False


#: Words of a phrase set off by commas between a reporting noun's agent and its أن (note 129).
COMMA_PHRASE_WORDS = 5


def _as_written(part: _Part, a: int, b: int) -> str:
    """The original text of the normalised span ``[a, b)`` (normalised, ة is ه)."""
    start, end = part.norm.to_original(a, b)
    return part.original[start:end]


#: The passive agent "من قبل": the object of a noun with it was acted on, not declared.
_PASSIVE_AGENT_RE = re.compile(r"من قبل")
#: A possessive pronoun at the end of a لـ-phrase (لاستخدامها، لدوره): the genitive's own act.
_OWN_ACT_RE = re.compile(r"(?:ه|ها|هم|هما)$")


def _clause_end(part: _Part, start: int, end: int) -> int:
    """Where the clause that opens at ``start`` ends: the first comma, stop, colon or
    quotation mark, or the start of the next reporting cue, before ``end``."""
    stop = _CLAUSE_STOP_RE.search(part.text, start, end)
    limit = stop.start() if stop else end
    c = bisect_right(part.cue_outer, start)
    if c < len(part.cue_outer) and part.cue_outer[c] < limit:
        limit = part.cue_outer[c]
    return limit


_CLAUSE_STOP_RE = re.compile(r'[،,.:;!?؟"«»“”\n]')


#: Reporting nouns whose لـ-phrase after a named agent is what they call for or condemn
#: (دعوة قطر للحوار، إدانة كندا لقمع النشطاء), not an addressee (تصريح لافروف لوكالة …).
_LAM_CONTENT_NOUNS = frozenset({"دعا", "ناشد", "أدان", "استنكر"})
#: Reporting nouns whose content opens with a preposition of their own after the agent
#: (codebook §2, reporting nouns; note 85): دعوة موسكو إلى الحوار، تحذير واشنطن من أن …، and
#: إعلان, whose content is its object (إعلان ترامب انسحاب بلاده). An addressee may stand before
#: the preposition (دعوة روسيا كل من الأردن والولايات المتحدة إلى لقاء، تحذيرات ماي للأسد من).
_NOUN_CONTENT_OPENERS = {
    "دعا": normalize("إلى"), "ناشد": normalize("إلى"), "حذّر": "من", "أعلن": "",
}
#: Words that end a reporting noun's phrase instead of opening an object content (إعلان
#: ترامب الأخير، إعلان واشنطن يوم الجمعة): adjectives of order and time, function words.
_NOT_NOUN_OBJECT = frozenset(normalize(w) for w in (
    "الأخير", "الأخيرة", "الأول", "الأولى", "الجديد", "الجديدة", "السابق", "السابقة", "المفاجئ",
    "المفاجئة", "الرسمي", "الرسمية", "الصادر", "الصادرة", "هذا", "هذه", "ذلك", "تلك", "الذي",
    "التي", "الذين", "يوم", "أمس", "اليوم", "مساء", "صباح", "أيضا", "نفسه", "نفسها",
    "عشية", "غداة", "إثر", "قبيل", "بعيد", "مباشرة", "الموقع", "الموقعة",
))


#: Objects of إعلان that begin with و (elsewhere the conjunction): وقف إطلاق النار.
_WAW_OBJECTS = frozenset({"وقف", "وضع"})


def _noun_content_start(part: _Part, j: int, opener: str, end: int, nisba: bool = False) -> int | None:
    """Where the content of a reporting noun opens when word ``j``, after the noun and its
    agent, begins it (None when it does not).

    ``opener`` is its preposition (إلى، من), which may follow an addressee (a mention list,
    or كل من before one, or a لـ-phrase naming one); ``nisba``: the agent is a nisba
    adjective (دعوة سورية إلى …), sure to be the agent; "" is an object: the next word
    of the same clause, not a preposition, function, time or order word, verb cue or
    actor mention (إعلان روسيا تسليم سوريا المنظومة).
    """
    gap = part.text[part.word_ends[j - 1] if j else 0:part.word_starts[j]].strip()
    if gap == "،":  # إعلان ترامب، الشهر الماضي، انسحاب …: an adverbial set off by commas
        k = _skip_adverbials(part, j, end)
        if k == j or k >= len(part.word_starts) or part.text[part.word_ends[k - 1]:part.word_starts[k]].strip() != "،":
            return None
        j = k
    elif gap:
        return None  # a stop or a quotation mark between the agent and the word
    word = part.word_texts[j]
    if opener == "":
        if ((word[:1] not in ("و", "ل", "ب", "ك", "ف") or word in _WAW_OBJECTS) and len(word) >= 4
                and not (word.endswith("ا") and not word.endswith(("ها", "هما", "نا")))  # تأكيدا: an adverb
                and word not in _NOT_NOUN_OBJECT and word not in _NOT_NAME
                and word not in part.roles["adverb"] and _mention_at_word(part, j) is None
                and _complementizer_at(part, j) is None
                and not part.cue_overlaps(part.word_starts[j], part.word_ends[j])):
            return part.word_starts[j]
        return None
    n = len(part.word_starts)
    k = j
    if word in ("كل", "كلا") and k + 1 < n and part.word_texts[k + 1] == "من":
        k += 2
    if k < n and part.word_texts[k] != opener and (m := _mention_at_word(part, k)) is not None:
        k = part.next_word_index(_joined(part, m, end)[-1]["_ne"])
    if not (k < n and part.word_starts[k] < end and part.word_texts[k] == opener and k - j <= NOUN_ADDRESSEE_WORDS):
        return None
    if k == j and not nisba and (opener != "من" or _complementizer_at(part, k + 1) is None):
        # تحذير الفلسطينيين من الاقتراب، دعوة البابا إلى زيارة: a genitive right before the
        # preposition may be the one warned or invited; the agent is sure only as a nisba
        # (دعوة سورية إلى هدنة), before an addressee, or when من opens a clause (من أن)
        return None
    return part.word_starts[j]


#: Reporting nouns whose genitive is the one acted on, not the actor: اتهام دمشق بتنفيذ هجوم
#: (Damascus is accused), تحذير طهران (Tehran is warned). After them a بـ-phrase is content
#: only when the actor is a nisba adjective (الاتهامات الأمريكية بضلوع …) or the one acted
#: on follows with لـ (اتهام لندن لموسكو بتسميم …).
_PATIENT_GENITIVE_NOUNS = frozenset(("اتّهم", "انتقد", "أدان", "ندّد", "استنكر", "حمّل المسؤولية",
                                     "وجّه اتهامات", "حذّر", "ناشد"))
#: Words with بـ that do not open a reporting noun's content: time, manner and circumstance
#: (بعيد إعلان، بالتزامن مع، بشكل مفاجئ، بمثابة تحذير), pronouns and complementizers.
_NOT_BA_CONTENT = frozenset(normalize(w) for w in (
    "بعد", "بين", "بسبب", "بينما", "بدون", "بلا", "بما", "بها", "به", "بهم", "بل", "بكل", "بعض",
    "بنفسه", "بذلك", "بهذا", "بهذه", "بان", "بأن", "بأنه", "بأنها", "بعيد", "بعدما", "بالتزامن",
    "بشكل", "بصورة", "بمناسبة", "برئاسة", "بحضور", "بمشاركة", "بالتوازي", "بالرغم", "بفعل",
    "بحسب", "بدوره", "بدورها", "بالتالي", "بالفعل", "بالإضافة", "بالنسبة", "باعتبار", "بمثابة",
    "بالتأكيد", "بقوله", "بقولها", "بابا"))
#: A full stop, question or exclamation mark or a line break: the end of a sentence.
_SENTENCE_STOP_RE = re.compile(r"[.!?؟\n]")
#: Words between a reporting noun's agent and its content's preposition: an addressee
#: (دعوة روسيا كل من الأردن والولايات المتحدة إلى لقاء; note 85).
NOUN_ADDRESSEE_WORDS = 6
#: Words (besides the verb's subject) between a verb of describing and a reporting noun
#: that is its object, whose بـ is then the verb's (وصف ظريف تصريحات نتانياهو بالسيرك).
DESCRIBED_NOUN_WORDS = 3


def _nisba_agent(part: _Part, act: _Act) -> bool:
    """Whether a reporting noun's agent is a nisba adjective agreeing with it: indefinite
    after an indefinite noun (تحذير روسي، اتهامات أمريكية), definite after a definite one
    (الاتهامات الأمريكية). A definite nisba after an indefinite noun is a genitive people
    (تحذير الفلسطينيين من الاقتراب: the Palestinians are warned)."""
    m = act.sources[0].mention if act.sources else None
    if not m or m.get("via") != "adjective":
        return False
    definite = act.cue.prefix.endswith(("ال", "لل"))  # للاتهامات: لـ + ال
    return definite == part.text[m["_ns"]:m["_ne"]].startswith("ال")


def _ba_content(part: _Part, act: _Act, j: int) -> bool:
    """Whether word ``j``, after a reporting noun and its agent, opens the act's content with
    بـ: تهديدات ترامب بإطلاق صواريخ، ادعاءات بريطانيا بتورط روسيا، تصريحات روسية بإسقاط …
    (codebook note 74). Not a time or manner phrase (بعيد، بشكل), not an actor after بـ
    (تهديدات إيرانية بالرياض: the target), not the بـ of a verb of describing before the
    noun, and after a noun whose genitive is acted on (:data:`_PATIENT_GENITIVE_NOUNS`) only
    with a nisba agent or the one acted on after لـ.
    """
    outer = act.cue.start - len(act.cue.prefix)
    before = bisect_right(part.cue_ends, outer) - 1
    if before >= 0 and part.cues[before].entry.lemma == _DESCRIBE:
        verb_end = part.cues[before].end
        subject = _subject_words(part, part.next_word_index(verb_end), outer)
        if (part.count_words(verb_end, outer) - subject <= DESCRIBED_NOUN_WORDS
                and not _SENTENCE_STOP_RE.search(part.text, verb_end, outer)):
            return False
    word = part.word_texts[j]
    if act.lemma in _PATIENT_GENITIVE_NOUNS:
        if word.startswith("ل"):  # اتهامات بريطانية لروسيا بمحاولة …
            m = bisect_left(part.mention_starts, part.word_starts[j])
            if not (m < len(part.mentions) and part.mentions[m]["_ns"] < part.word_ends[j]):
                return False
            j = part.next_word_index(part.mentions[m]["_ne"])
            if j >= len(part.word_texts) or part.word_starts[j] >= act.end:
                return False
            word = part.word_texts[j]
        elif not _nisba_agent(part, act):
            return False  # اتهام دمشق بتنفيذ هجوم: the genitive is the accused
    if not (word.startswith("ب") and len(word) >= 3 and word not in _NOT_BA_CONTENT):  # بشن، بضم
        return False
    m = bisect_left(part.mention_starts, part.word_starts[j])
    return not (m < len(part.mentions) and part.mentions[m]["_ns"] < part.word_ends[j])


def _heading_colon(part: _Part, ns: int, ne: int, cues: list[CueMatch]) -> _Act | None:
    """"دي ميستورا: …" in a title or sub-heading; label colons ("للمزيد:", "مونديال روسيا:") are
    not acts, and a country's bare name ("العراق: …") is marked ``place_label`` for
    :func:`_drop_place_labels` (codebook note 69)."""
    colon = part.text.find(":", ns, ne)
    if colon < 0 or part.count_words(ns, colon) > HEADING_MAX_WORDS:
        return None
    if any(c.start < colon and c.entry.kind in ("verb", "participle", "passive") for c in cues):
        return None
    k = bisect_left(part.mention_starts, ns)
    inside = [m for m in part.mentions[k:] if m["_ne"] <= colon]
    if not inside:
        return None
    covered = sum(part.count_words(m["_ns"], m["_ne"]) for m in inside)
    if part.count_words(ns, colon) - covered > HEADING_EXTRA_WORDS:
        return None
    head = part.next_word_index(ns)
    if head < len(part.word_starts) and part.word_starts[head] < inside[0]["_ns"] and (
            _bare_definite(strip_conjunction(part.word_texts[head])) in _LABEL_HEADS):
        return None  # مونديال روسيا: …, قمة ترامب-كيم: …: an event named after actors labels the story
    first = part.mentions.index(inside[0])
    group = _joined(part, first, colon)
    sources = [_Source.from_mention(g) for g in group]
    act = _Act(CueMatch(colon, colon + 1, _COLON, ""), sources, colon + 1, ne, "neutral",
               colon, colon + 1, ":")
    # سوريا: انطلاق عملية إجلاء …: a country's name may only say where the story is; the
    # act stands if its words are speech or the body gives that side a voice (note 69)
    # nothing before the colon but the names and the و between them (a separate و is a
    # word; a و written onto the next name starts a word that the name's mention, which
    # begins after it, does not count)
    act.place_label = (part.count_words(ns, colon) == covered + len(group) - 1
                       and all(m.get("actor_type") == "country" and m.get("via") == "name" for m in group)
                       and not _speech_after_colon(part, colon + 1, ne))
    q = part.quote_starting(colon + 1, ne)
    if q is not None:
        act.mode, act.content = "direct", (q.inner_start, q.inner_end)
    else:
        act.mode, act.content = "direct", _trim(part, colon + 1, ne)
    act.content_fixed = True
    return act


_COLON = CueEntry(":", ":", "colon", "colon", "neutral", "headline colon")

#: Words after a heading's colon in which a country's own speech shows itself (codebook note 69).
COLON_SPEECH_WORDS = 4
_FIRST_PERSON_WORDS = frozenset(normalize(w) for w in (
    "نحن", "إننا", "أننا", "لدينا", "علينا", "لنا", "عندنا", "بلادنا"))
#: Particles before a verb whose ن is then the first person plural (لن نفرق، لا نقبل).
_VERB_PARTICLES = frozenset(normalize(w) for w in ("لن", "لم", "لا", "سوف", "قد", "لسنا"))
_OBLIGATION_WORDS = frozenset(normalize(w) for w in ("يجب", "ينبغي", "لابد"))
_ALA = normalize("على")
_LAN = normalize("لن")
#: Nouns and particles that begin as a first-person (ن، سن) or future (ست، سي) verb does.
_NOT_VERB_FORMS = frozenset(normalize(w) for w in (
    "نحو", "نسبة", "نتائج", "نتيجة", "نظام", "نائب", "نجم", "نفط", "نمو", "نهاية", "نقل", "نشر",
    "نص", "نساء", "نشطاء", "نجوم", "نادي", "ناقلة", "نواب", "نزوح", "نقص", "نصف", "نداء", "نقاط",
    "نهائي", "نوع", "ندوة", "نظرة", "نقطة", "نيران", "نيويورك", "نيجيريا", "نيبال", "نتنياهو",
    "نقابة", "نموذج", "نزاع", "نفوذ", "نهر", "نسخة", "نبأ", "نجاح", "نشاط", "نظر",
    "سنة", "سنوات", "سنوي", "سنغافورة", "ستة", "ستين", "ستون", "سيارة", "سيارات", "سياسة",
    "سياسي", "سياسية", "سيطرة", "سيناء", "سيول", "سيدة", "سيد", "سيناريو", "ستاد", "سيرة",
    "سيادة", "سيئة", "سيف", "ستراتيجية", "سياحة", "سياحي",
))
#: Words ending in نا that are not a first-person suffix.
_NOT_FIRST_PERSON = frozenset(normalize(w) for w in (
    "فيينا", "غانا", "كورونا", "أثينا", "برشلونة", "مادونا", "لينا", "دونا", "أحيانا", "هناك"))


def _first_person_or_future(word: str) -> bool:
    """An imperfect verb of the first person plural or the future (نؤيد، نلتزم، سنضرب،
    ستجلب، سيلعب), as far as its letters tell: ن، سن، ست or سي, then three to five letters
    with no article or feminine ending (two to five after ن), and not one of the nouns that
    begin so."""
    if word in _NOT_VERB_FORMS or word[-1:] in ("ه", "ة") or word.endswith("ات"):
        return False
    if word[:2] in ("سن", "ست", "سي"):
        return 5 <= len(word) <= 7
    return word[:1] == "ن" and 3 <= len(word) <= 6


def _speech_after_colon(part: _Part, start: int, end: int) -> bool:
    """Whether the words after a heading's colon are the speaker's own, not a story's
    headline: a quotation mark first; a first-person word or لن anywhere (نحن، رصدنا، أرضنا); in
    the first ``COLON_SPEECH_WORDS`` words a first-person or future verb (نؤيد، سنضرب، لن
    نفرق، ستجلب), an obligation (يجب، على واشنطن …), or a plural participle as the
    predicate of an unsaid "we" (مستعدون للقاء، ملتزمون بمواصلة)."""
    rest = part.text[start:end].lstrip()
    if rest[:1] in _FAMILY:
        return True
    k = part.next_word_index(start)
    for j in range(k, len(part.word_starts)):
        if part.word_starts[j] >= end:
            break
        bare = strip_conjunction(part.word_texts[j])
        if bare in _FIRST_PERSON_WORDS or bare == _LAN or (
                len(bare) > 3 and bare.endswith("نا") and bare not in _NOT_FIRST_PERSON
                and _mention_at_word(part, j) is None):
            return True  # نحن، رصدنا، علاقاتنا، على أرضنا
    last = min(len(part.word_starts), k + COLON_SPEECH_WORDS)
    for j in range(k, last):
        if part.word_starts[j] >= end:
            break
        word = part.word_texts[j]
        bare = strip_conjunction(word)
        if word in _OBLIGATION_WORDS:
            return True
        if _first_person_or_future(bare) and _mention_at_word(part, j) is None:
            return True  # نؤيد، نلتزم، سنضرب، ستجلب، سيلعب
        if j > k and bare[:1] == "ن" and part.word_texts[j - 1] in _VERB_PARTICLES:
            return True  # لن نفرق، لا نقبل
        if j == k and word == _ALA and j + 1 < last and _mention_at_word(part, j + 1) is not None:
            return True  # على واشنطن معالجة …
        if (j == k and len(word) > 4 and word.endswith("ون") and not word.startswith("ال")
                and j + 1 < len(part.word_starts) and part.word_starts[j + 1] < end
                and part.word_texts[j + 1][:1] in ("ل", "ب")):
            return True  # مستعدون للقاء، ملتزمون بمواصلة
    return False

#: A title "Name: …" whose name the lexicons do not know: at most this many words before
#: the colon (after a trailing "لـCNN"), the last of them a word of a body speaker's name.
TITLE_NAME_WORDS = 3
#: Words after a body source's mention that still belong to its name (a title, then the
#: name: وزير الخارجية المغربي ناصر بوريطة).
TITLE_NAME_AFTER_WORDS = 3


def _title_speaker_from_body(parts: dict, records: list[dict], ns: int, ne: int) -> _Act | None:
    """The headline colon of a speaker the lexicons do not know, named by the body.

    "كلوب: الحظ خدم ليفربول …", "جعجع: هناك ترتيب روسي أميركي …", "فرانكونا لـCNN: …":
    the title names the speaker by a surname that no lexicon lists, so ``_heading_colon``
    finds no mention before the colon. When the body has a person speaking whose name
    (the source mention and the few words after it) contains that surname, the title's
    words are that speaker's, with the side the body gives him (codebook note 61). A
    label ("فيديو: …", "مونديال روسيا: …", "غزة: …") names nobody who speaks in the body
    and stays no act.
    """
    title, body = parts["title"], parts["body"]
    colon = title.text.find(":", ns, ne)
    if colon < 0:
        return None
    k = title.next_word_index(ns)
    words = [j for j in range(k, len(title.word_starts)) if title.word_ends[j] <= colon]
    if len(words) >= 2 and title.word_texts[words[-1]].startswith("ل") and (
            _medium_at(title, words[-1]) or not _ARABIC_WORD_RE.search(title.word_texts[words[-1]][1:])):
        words = words[:-1]  # "فرانكونا لـCNN:", "الرميحي للعربية:": to whom he spoke
    if not 1 <= len(words) <= TITLE_NAME_WORDS:
        return None
    if _bare_definite(strip_conjunction(title.word_texts[words[0]])) in _LABEL_HEADS:
        return None  # "محاكمة هارفي واينستين: …" labels the story of a man who speaks in it
    surname = strip_conjunction(title.word_texts[words[-1]])
    if len(surname) < 3 or surname in title.roles["preposition"]:
        return None
    for r in records:
        if r["source_type"] != "person" or r["source_part"] == "title" or r["source_start"] is None:
            continue
        a = body.norm.to_normalized(int(r["source_start"]))
        b = body.norm.to_normalized(int(r["source_end"]))
        first, last = body.next_word_index(a), body.next_word_index(b)
        stop = min(len(body.word_starts), last + TITLE_NAME_AFTER_WORDS)
        if surname not in {strip_conjunction(body.word_texts[j]) for j in range(first, stop)}:
            continue
        start, end = title.norm.to_original(title.word_starts[words[0]], title.word_ends[words[-1]])
        mention = {"part": "title", "start": start, "end": end, "actor_id": r["source_actor_id"],
                   "side": r["source_side"], "actor_type": "person",
                   "_ns": title.word_starts[words[0]], "_ne": title.word_ends[words[-1]]}
        src = _Source(r["source_actor_id"], r["source_side"], "person", mention)
        act = _Act(CueMatch(colon, colon + 1, _COLON, ""), [src], colon + 1, ne, "neutral",
                   colon, colon + 1, ":")
        q = title.quote_starting(colon + 1, ne)
        act.mode = "direct"
        act.content = (q.inner_start, q.inner_end) if q is not None else _trim(title, colon + 1, ne)
        act.content_fixed = True
        return act
    return None


def _medium_at(part: _Part, j: int) -> bool:
    """Whether word ``j`` carries the mention of an outlet (لـ"سكاي نيوز عربية"، للعربية)."""
    idx = _mention_at_word(part, j)
    return idx is not None and part.mentions[idx].get("actor_type") == "media"


#: Event and topic nouns that head a label before a headline colon (the codebook's "قمة
#: هلسنكي: …"): with an actor in the genitive (مونديال روسيا، قمة ترامب-كيم، الحرب في سوريا)
#: the heading still names no speaker. Normalised, without ال.
_LABEL_HEADS = frozenset(normalize(w) for w in (
    "مونديال", "كأس", "قمة", "بطولة", "أزمة", "انتخابات", "حرب", "ملف", "محادثات", "مباحثات",
    "مفاوضات", "اتفاق", "صفقة", "زيارة", "عقوبات", "مؤتمر", "منتدى", "معركة", "هجوم", "تحقيق",
    "قضية", "فضيحة", "أولمبياد", "دوري", "مباراة", "انتخاب", "استفتاء", "محاكمة", "حرائق",
    "نووي", "زلزال", "احتجاجات", "خروج",  # النووي الإيراني، زلزال إندونيسيا، خروج بريطانيا (note 69)
))


def _bare_definite(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _quoted_apart(part: _Part, verb: _Act, participle: _Act) -> bool:
    """The verb stands in a quotation that closes before the participle: it is a word of
    the quoted speaker's, and the participle continues the one who quoted (وقالت ساندرز إن
    "الرئيس يحمّل الأسد مسؤولية الهجوم"، مضيفة أن …)."""
    quote = part.in_quote(verb.cue.start)
    return quote is not None and quote is not part.in_quote(participle.cue.start)


def _merge_participles(part: _Part, acts: list[_Act]) -> list[_Act]:
    """A verb and a participle are one act when the verb has no content of its own."""
    if len(acts) < 2:
        return acts
    out: list[_Act] = []
    for act in acts:
        prev = out[-1] if out else None
        if (prev is not None and act.cue.entry.kind == "participle"
                and prev.cue.entry.kind == "verb" and prev.end == act.cue_start - len(act.cue.prefix)
                and not _quoted_apart(part, prev, act)
                and (part.count_words(prev.after, prev.end) <= VERB_OWN_CONTENT_WORDS
                     or (act.cue.entry.lemma == "قال" and _adjunct_gap(part, prev.after, prev.end)
                         and _opens_words(part, act)))
                and _first_marker(part, prev.after, prev.end) is None):
            marker = _first_marker(part, act.after, act.end)
            gap = part.text[act.after:marker[1]].split() if marker is not None else []
            direct = marker is not None and all(w in _LEADING_PREPOSITIONS for w in gap)
            if marker is not None and marker[0] == "complementizer" and not direct:
                prev.after, prev.end = marker[1], act.end  # قال … منتقدا ترامب إن …: two acts
                act.end = marker[1]
                act.content_fixed_end = True
                out.append(act)
                continue
            if act.category == "neutral":  # علّق قائلا: keep the more specific verb
                # its words start after the participle, not at the adjunct or at قائلا itself
                # (وأضاف قائلا "…" is direct: the participle is the cue's, not the words')
                prev.after = act.after
                prev.end = act.end
                continue
            act.sources = prev.sources
            act.via = act.via or prev.via
            out[-1] = act
            continue
        out.append(act)
    return out


def _adjunct_gap(part: _Part, a: int, b: int) -> bool:
    """``text[a:b]``, between a verb's subject and a participle, is an adjunct of place,
    time or medium: it opens with a preposition and holds at most ``ADJUNCT_GAP_WORDS``
    words (وغرد ترامب في حسابه بموقع تويتر قائلا …، وأضاف الوزير، خلال حديثه في مؤتمر
    صحفي، قائلا …): the verb has no words of its own and قائلا carries them (codebook
    note 73). Only قائلا: another participle (موضحا، معتبرا) after an adjunct often follows
    an object of the verb (أكد المكتب في بيان مقتل العميد، موضحا …: two acts)."""
    words = part.text[a:b].replace("،", " ").replace(",", " ").split()
    if not 0 < len(words) <= ADJUNCT_GAP_WORDS:
        return False
    if words[0] == "علي":  # على تويتر، على حسابه: a medium; علّق على الجهود: a complement
        return len(words) > 1 and words[1].strip('"«»') in _MEDIUM_WORDS
    return words[0] in _ADJUNCT_PREPOSITIONS


#: Prepositions that open an adjunct of medium, place or time, never a verb's complement
#: (unlike عن in أعلن عن or على in علّق على).
_ADJUNCT_PREPOSITIONS = frozenset(normalize(w) for w in ("في", "عبر", "خلال", "أمام", "أثناء"))
#: Words after على that make it a medium (غرد على تويتر، كتب على حسابه).
_MEDIUM_WORDS = frozenset(normalize(w) for w in (
    "تويتر", "حسابه", "حسابها", "حسابهم", "صفحته", "صفحتها", "موقع", "فيسبوك", "إنستغرام", "انستغرام",
))


def _opens_words(part: _Part, act: _Act) -> bool:
    """The participle's words begin right after it, with a colon, quotation mark or
    complementizer (قائلا: …، قائلا إن …), not with an object of its own (مؤكدا خبرا نشر …:
    then verb and participle are two acts)."""
    marker = _first_marker(part, act.after, act.end)
    return marker is not None and not part.text[act.after:marker[1]].strip(" ،,")


def _finish(part: _Part, act: _Act) -> None:
    if getattr(act, "content_fixed", False):
        return
    if getattr(act, "content_fixed_end", False):
        a, b = _trim(part, act.after, act.end)
        inside = part.quotes_in(a, b)
        act.mode, act.content = ("mixed" if inside else "indirect"), (a, b)
        return
    act.mode, s, e = _content(part, act.after, act.end, act.cue.entry.lead)
    requires = act.cue.entry.requires
    # the content of طلب … من X starts after the addressee (``lead``), not at a later من
    if act.mode == "indirect" and requires and not _speech_requirement(requires) \
            and not _ADDRESSEE_PREPOSITIONS.issuperset(requires):
        s = _object_start(part, requires, s, e)
    act.content = (s, e)


def _object_start(part: _Part, requires: tuple[str, ...], start: int, end: int) -> int:
    """Where the object of a verb with a required word begins (حمّل X مسؤولية Y).

    The content is "X مسؤولية Y": a phrase between the subject and the accused, such as
    the source's own "إلى جنيف" in "حمّل مصدر في الوفد الروسي إلى جنيف واشنطن مسؤولية …",
    is not part of it. The accused is the mention right before the required word; without
    one the content starts at the required word (حمّل المسؤولية لواشنطن).
    """
    exact, stems = _requirement_forms(requires)
    k = part.next_word_index(start)
    while k < len(part.word_starts) and part.word_starts[k] < end:
        word = part.word_texts[k]
        bare = strip_conjunction(word)
        if word in exact or bare in exact or (stems and (word.startswith(stems) or bare.startswith(stems))):
            required_at = part.word_starts[k]
            i = bisect_right(part.mention_starts, required_at) - 1
            if i >= 0 and part.mentions[i]["_ne"] <= required_at and \
                    part.text[part.mentions[i]["_ne"]:required_at].strip() == "" and part.mentions[i]["_ns"] >= start:
                return part.mentions[i]["_ns"]
            return required_at
        k += 1
    return start


def _resolve_anonymous(records: list[dict], order: list[tuple[int, int]]) -> None:
    """An unaffiliated anonymous source takes the side of the nearest affiliated one.

    The nearest *preceding* anonymous source with a known side wins (المصدر refers back);
    without one, the first following (a headline "مصدر: …" announces the source that the
    body then places).
    """
    known = [(i, r) for i, r in enumerate(records)
             if r["source_type"] == "anonymous" and r["source_side"] != "unknown"
             and r["source_actor_id"] is not None]
    for i, r in enumerate(records):
        if (r["source_type"] != "anonymous" or r["source_side"] != "unknown" or r["source_actor_id"] is None
                or r.get("_contrast", False)):
            continue  # لكن خبراء آخرين يقولون: set against the source before, not of its side (note 94)
        same = [(j, k) for j, k in known if k["source_actor_id"] == r["source_actor_id"]] or known
        before = [k for j, k in same if order[j] < order[i]]
        after = [k for j, k in same if order[j] > order[i]]
        pick = before[-1] if before else (after[0] if after else None)
        if pick is not None:
            r["source_side"] = pick["source_side"]


def find_attributions(doc, mentions: Sequence[dict], cues: CueLexicon | None = None) -> list[dict]:
    """Find every attribution of one article (docs/codebook.md §2), with original offsets.

    Parameters
    ----------
    doc : analysis.text.segment.Doc
        The article, as built by :func:`analysis.text.segment.make_doc`.
    mentions : sequence of dict
        Actor mentions of this article (:func:`analysis.coding.actors.find_mentions`): ``part``,
        ``start``, ``end`` (original offsets), ``actor_id``, ``side``, ``actor_type`` and,
        when available, ``norm_start``/``norm_end``.
    cues : CueLexicon, optional
        Default: :func:`load_cue_lexicon`.

    Returns
    -------
    list of dict
        One dict per attribution and source, with the columns of
        :data:`analysis.corpus.schema.ATTRIBUTIONS`, in reading order.

    Examples
    --------
    >>> from analysis.text.segment import make_doc
    >>> doc = make_doc("x", "", "ونفت موسكو أن تكون طائراتها قصفت المدينة.")
    >>> m = {"part": "lead", "start": 5, "end": 10, "actor_id": "russia",
    ...      "side": "russia", "actor_type": "country"}
    >>> [(a["cue"], a["cue_category"], a["source_type"]) for a in find_attributions(doc, [m])]
    [('نفت', 'denial', 'institution')]
    """
    lexicon = cues or load_cue_lexicon()
    title_m = [m for m in mentions if m.get("part") == "title"]
    body_m = [m for m in mentions if m.get("part") != "title"]
    dateline = _DATELINE_RE.match(doc.body[:DATELINE_MAX_CHARS])
    if dateline is not None:  # "دبي، الإمارات العربية المتحدة (CNN)--": places, never a speaker
        body_m = [m for m in body_m if int(m["start"]) >= dateline.end()]
    parts = {
        "title": _Part("title", doc.title, doc.norm_title, title_m, lexicon),
        "body": _Part("body", doc.body, doc.norm_body, body_m, lexicon),
    }
    from analysis.coding.actors import load_actor_lexicon

    actors = load_actor_lexicon()  # once per article: an edited lexicon is read again
    for part in parts.values():
        part.actors = actors
    spans = doc.sentence_norm_spans()
    parts["body"].headings = [span for sent, span in zip(doc.sentences, spans) if sent.part == "heading"]
    names: dict[str, _Source] = {}
    for part in parts.values():  # title first: a name it places holds in the body
        part.names = names
        _register_names(part, names)
    state = _Article()
    records: list[dict] = []
    order: list[tuple[int, int]] = []
    silent_title = None  # a title "Name: …" whose name the lexicons do not know
    labels: list[int] = []  # records of heading colons after a country's name (note 69)
    for sent, (ns, ne) in zip(doc.sentences, spans):
        part = parts["title" if sent.part == "title" else "body"]
        in_heading = sent.part in ("title", "heading")
        if bisect_left(part.cue_outer, ns) == bisect_left(part.cue_outer, ne) and not (
                in_heading and ":" in part.text[ns:ne]):
            continue  # no cue starts in the sentence, no headline colon: no act (most sentences)
        acts = _merge_participles(part, _sentence_acts(part, ns, ne, in_heading, state))
        if not acts and sent.part == "title" and silent_title is None:
            silent_title = (sent, ns, ne)
        for act in acts:
            _finish(part, act)
            for src in act.sources:
                if act.place_label:
                    labels.append(len(records))
                records.append(_record(doc, part, sent, act, src, in_heading))
                order.append((sent.sent_id, act.cue_start))
    if labels:
        records, order = _drop_place_labels(records, order, labels)
    if silent_title is not None and records:
        sent, ns, ne = silent_title
        act = _title_speaker_from_body(parts, records, ns, ne)
        if act is not None:
            records.insert(0, _record(doc, parts["title"], sent, act, act.sources[0], True))
            order.insert(0, (sent.sent_id, act.cue_start))
    _resolve_anonymous(records, order)
    for i, r in enumerate(records):
        r.pop("_contrast", None)
        r["attribution_id"] = i
    return records


def _drop_place_labels(records: list[dict], order: list, labels: list[int]) -> tuple[list[dict], list]:
    """Drop the heading colons after a country's name (``labels``, indices into ``records``)
    unless the body gives the country a voice: "سوريا: انطلاق عملية إجلاء …" names where the
    story is, while after "روسيا: عواقب وخيمة لأميركا …" the body quotes the Russian general
    staff. A side of its own (russia, us, uk, france …) is voiced by any of its speakers; a
    third party (side ``other``) only by the country itself (وأعلنت السعودية …), since every
    third party shares that side (codebook note 69)."""
    drop = set(labels)
    body = [r for i, r in enumerate(records) if i not in drop and r["part"] != "title"]
    actors = {r["source_actor_id"] for r in body if r["source_actor_id"] is not None}
    sides = {r["source_side"] for r in body if r["source_side"] not in ("other", "unknown")}
    keep = [i for i in range(len(records)) if i not in drop or records[i]["source_actor_id"] in actors
            or records[i]["source_side"] in sides]
    return [records[i] for i in keep], [order[i] for i in keep]


def _homograph_speaker(part: _Part, src: _Source) -> _Source:
    """A speaker that is a bare nisba which is also a surname (وأعلن روس القرار، إلا أن روس
    أكد) is the person of that name, not the Russians (codebook note 128): the person the
    article named in full with it (ويلبر روس), else an unnamed person of unknown side. The
    Russians as a speaker come with the article (الروس) or a head noun (مسؤولون روس)."""
    m = src.mention
    if m is None or m.get("via") != "adjective" or "_ns" not in m:
        return src
    word = strip_conjunction(part.text[m["_ns"]:m["_ne"]])
    if word not in _NISBA_NAME_HOMOGRAPHS:
        return src
    prev = part.prev_word(m["_ns"])
    if prev is not None and not part.text[prev[1]:m["_ns"]].strip() and not (
            part.cue_overlaps(prev[0], prev[1]) or prev[2] in _HONORIFICS
            or _complementizer_at(part, part.next_word_index(prev[0]))):
        return src  # ضباط روس: the adjective of a head noun, the Russians
    for other in reversed(part.mentions):
        if other["_ne"] <= m["_ns"] and other.get("actor_type") == "person" and \
                part.text[other["_ns"]:other["_ne"]].split()[-1:] == [word]:
            return _Source(other.get("actor_id"), _Source.from_mention(other).side, "person", m)
    named = part.names.get(word)
    if named is not None:
        return _Source(named.actor_id, named.side, "person", m)
    return _Source(None, "unknown", "person", m)


def _record(doc, part: _Part, sent, act: _Act, src: _Source, in_heading: bool) -> dict:
    cs, ce = part.norm.to_original(act.cue_start, act.cue_end)
    a, b = act.content
    if b > a:
        os_, oe = part.norm.to_original(a, b)
    else:
        os_ = oe = part.norm.to_original(a, a)[0] if a < len(part.text) else len(part.original)
    src = _homograph_speaker(part, src)
    m = src.mention
    record = {
        "article_id": doc.article_id,
        "attribution_id": 0,
        "sent_id": sent.sent_id,
        "part": sent.part,
        "source_actor_id": src.actor_id,
        "source_side": src.side,
        "source_type": src.source_type,
        # the source mention's own part: a source carried over from the title (pro-drop)
        # speaks in a body sentence, and its offsets index the title
        "source_part": str(m.get("part") or "body") if m is not None else None,
        "source_start": int(m["start"]) if m is not None else None,
        "source_end": int(m["end"]) if m is not None else None,
        "cue": part.original[cs:ce],
        "cue_lemma": act.lemma,
        "cue_category": act.category,
        "cue_start": cs,
        "cue_end": ce,
        "mode": act.mode,
        "content_start": os_,
        "content_end": oe,
        "content_words": part.count_overlapping_words(a, b),
        "via": act.via,
        "in_heading": in_heading,
    }
    if m is not None and m.get("contrast"):
        record["_contrast"] = True  # read by _resolve_anonymous, then dropped
    return record


def build_attributions_table(
    articles: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    cues: CueLexicon | None = None,
) -> pd.DataFrame:
    """Attributions of every article of a table (convenience; the pipeline runs per article).

    Parameters
    ----------
    articles : DataFrame
        With ``article_id``, ``title`` and ``body``.
    mentions : DataFrame, optional
        The mentions table; when None, mentions are found with
        :func:`analysis.coding.actors.find_mentions`.
    cues : CueLexicon, optional

    Returns
    -------
    DataFrame
        Columns :data:`analysis.corpus.schema.ATTRIBUTIONS`, typed as ``empty_table`` types them.

    Examples
    --------
    >>> import pandas as pd
    >>> build_attributions_table(pd.DataFrame(columns=["article_id", "title", "body"])).shape
    (0, 21)
    """
    from analysis.text.segment import make_doc

    missing = [c for c in ("article_id", "title", "body") if c not in articles.columns]
    if missing:
        raise ValueError(f"articles table is missing columns {missing}; it needs article_id, title, body")
    by_article: dict[str, list[dict]] = {}
    if mentions is not None:
        for row in mentions.to_dict("records"):
            by_article.setdefault(str(row["article_id"]), []).append(row)
    rows: list[dict] = []
    for i, art in enumerate(articles[["article_id", "title", "body"]].itertuples(index=False)):
        if pd.isna(art.article_id):
            raise ValueError(f"articles table, row {i}: article_id is missing; give every article an id")
        title = "" if pd.isna(art.title) else str(art.title)
        body = "" if pd.isna(art.body) else str(art.body)
        doc = make_doc(str(art.article_id), title, body)
        if mentions is None:
            from analysis.coding.actors import find_mentions

            found = find_mentions(doc)
        else:
            found = by_article.get(str(art.article_id), [])
        rows.extend(find_attributions(doc, found, cues))
    return _to_frame(rows)


def _to_frame(rows: Iterable[dict]) -> pd.DataFrame:
    template = empty_table(ATTRIBUTIONS)
    frame = pd.DataFrame(list(rows), columns=ATTRIBUTIONS)
    if frame.empty:
        return template
    return frame.astype(template.dtypes.to_dict())
