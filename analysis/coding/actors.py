"""Find mentions of actors and sides in an article (docs/codebook.md §1, mentions table).

A mention is a span of the original title or body that refers to an actor: a name
(لافروف), a metonym (واشنطن، الكرملين), a title with a nisba adjective or a country
(وزير الخارجية الروسي، وزير خارجية روسيا), a news outlet (تاس), an anonymous source
(مصدر في الوفد الروسي) or a nisba adjective alone on a non-actor noun (طائرة روسية).

How it works, per article:

1. One Aho–Corasick automaton (built lazily and cached per lexicon) holds every
   normalised lexicon form, also with the clitic prefixes و ف ب ل ك (and the لل
   contraction of ل + ال) attached. Matches that do not start and end on a token
   boundary are discarded, so روسيا never matches inside another word and موسكو does
   not match inside موسكوفي.
2. Overlapping matches are resolved longest first into a sequence of *atoms*.
3. A small left-to-right grammar combines adjacent atoms: title + nisba/country
   (+ bridge words such as الخاص إلى سوريا) + name is one mention of the named person;
   ``المتحدث باسم`` + institution is that institution's spokesperson; an anonymous head
   takes qualifiers and an affiliation; a lone title resolves to the one person of that
   office the article has named so far, or stays an office id.

Offsets (``start``, ``end``) index the original string of the mention's ``part``;
``norm_start``/``norm_end`` index its normalised form (see :mod:`analysis.text.normalize`).

Examples
--------
>>> from analysis.text.segment import make_doc
>>> doc = make_doc("x", "", "قال وزير الخارجية الروسي سيرغي لافروف إن ...")
>>> [(m["surface"], m["actor_id"], m["via"]) for m in find_mentions(doc)]
[('وزير الخارجية الروسي سيرغي لافروف', 'lavrov', 'title')]
"""

from __future__ import annotations

import bisect
import re
from itertools import compress
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import NamedTuple

import ahocorasick
import pandas as pd

from analysis.coding.lexicons import (
    ACTORS, ANONYMOUS, MEDIA, NISBA, TITLES, Lexicon, LexiconError, load_cached, load_lexicon,
)
from analysis.text.clitics import CONJUNCTIONS, PREPOSITIONS
from analysis.text.normalize import normalize
from analysis.corpus.paths import LEXICON_DIR
from analysis.corpus.schema import MENTIONS, check_columns, empty_table
from analysis.text.segment import Doc, Sentence, make_doc

__all__ = [
    "ActorLexicon",
    "build_mentions_table",
    "find_anonymous_sources",
    "find_mentions",
    "load_actor_lexicon",
    "mentions_at",
]

LEXICON_FILES = {
    "actors": ("actors.csv", ACTORS),
    "titles": ("titles.csv", TITLES),
    "nisba": ("nisba.csv", NISBA),
    "media": ("media.csv", MEDIA),
    "anonymous": ("anonymous.csv", ANONYMOUS),
}

#: Words allowed between an office and the name that completes it
#: (المبعوث الأممي الخاص إلى سوريا ستيفان دي ميستورا). Normalised when used.
BRIDGE_WORDS = (
    "الخاص", "الخاصة", "السابق", "السابقة", "الجديد", "الجديدة", "الحالي", "الحالية",
    "الدائم", "الدائمة", "الأسبق", "المكلف", "بالملف", "بالوكالة", "لدى", "إلى", "في",
    "لشؤون", "الشرق", "الأوسط", "الرسمي", "الرسمية",
)
#: Prepositions that introduce an anonymous source's affiliation (مصدر في الوفد الروسي).
AFFILIATION_WORDS = ("في", "من", "داخل", "لدى", "مقرب من", "مقربة من")
#: Clitics that can introduce an affiliation on their own (مصدر بالخارجية الروسية).
AFFILIATION_CLITICS = ("ب", "ل")
MAX_BRIDGE_TOKENS = 6
#: Definite genitive words an indefinite title may govern before the nisba that places it
#: (وزير الشباب والرياضة المغربي: two words, joined by و).
CONSTRUCT_GENITIVE_WORDS = 3

_SPACE_GAP = re.compile(r"[ \t\u00a0]+")
# Between an office and its name: spaces, or an appositive comma, then an optional
# hashtag sign (وزير الخارجية الروسي، سيرغي #لافروف).
_APPOSITION_GAP = re.compile(r"(?:[ \t\u00a0]*[،,][ \t\u00a0]*|[ \t\u00a0]+)#?")
_NAME_GAP = re.compile(r"[ \t\u00a0]+#?")
_HASHTAG_GAP = re.compile(r"[ \t\u00a0]+#")
_TOKEN = re.compile(r"\S+")
#: The first word of a lexicon key (:attr:`ActorLexicon.word_keys`).
_KEY_WORD_RE = re.compile(r"\w+")
# One definite genitive word after an indefinite title, with the space before it.
# after a correspondent title: spaces, an outlet head noun, an opening quotation mark
_OUTLET_GAP = re.compile(
    r"[ \t\u00a0]*(?P<head>(?:ل)?(?:" + "|".join(normalize(w) for w in ("قناة", "قناتي", "وكالة", "صحيفة", "شبكة", "موقع"))
    + r")[ \t\u00a0]+)?(?P<quote>[\"«“][ \t\u00a0]*)?")
# "العربية" in quotation marks (or after قناة) is the channel Al Arabiya, not the adjective
_QUOTED_ARABIYA = re.compile(r"(?P<name>" + normalize("العربية") + r")(?:[\"»”]|(?![\u0621-\u064a]))")
# مراسل + one to four genitive words + في + the outlet
_CORRESPONDENT_BEAT = re.compile(r"(?:[ \t\u00a0]+[\u0621-\u064a]+){1,4}?[ \t\u00a0]+في[ \t\u00a0]+")
_GENITIVE_WORD = re.compile(r"[ \t\u00a0]+و?ال[\u0621-\u064a]+")


# --- lexicon --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One normalised lexicon form and what it means (internal matching unit)."""

    kind: str  # actor | media | nisba | party | title | anon_head | anon_qualifier
    form: str
    actor_id: str = ""
    side: str = ""
    actor_type: str = ""
    via: str = ""
    office: str = ""
    title_form: str = ""
    bare: bool = False
    prefix: str = ""
    qualified: bool = False
    default_side: str = ""  # titles: the side the corpus gives the office when nothing places it

    @property
    def definite(self) -> bool:
        """Whether the form carries the article ال (definite titles never take a country)."""
        return self.form.startswith("ال")


@dataclass
class ActorLexicon:
    """The five actor lexicons, validated, plus the matching automaton built from them.

    Create it with :func:`load_actor_lexicon`. The automaton is built on first use and
    cached on the object, so importing this module costs nothing.
    """

    actors: Lexicon
    titles: Lexicon
    nisba: Lexicon
    media: Lexicon
    anonymous: Lexicon
    versions: dict[str, str] = field(default_factory=dict)

    @cached_property
    def entries(self) -> list[Entry]:
        """Every lexicon form as an :class:`Entry` (normalised with ``normalize``)."""
        out: list[Entry] = []
        for row in self.actors.rows:
            out.append(Entry(
                "actor", normalize(row["alias"]), row["actor_id"], row["side"],
                row["actor_type"], row["via"], row["office"],
            ))
        for row in self.media.rows:
            out.append(Entry(
                "media", normalize(row["alias"]), row["actor_id"], row["side"], "media", "name",
            ))
        for row in self.nisba.rows:
            # a party adjective places only a person title (السيناتور الجمهوري); on its own
            # it is no mention (الحرس الجمهوري، الحزب الديمقراطي الكردستاني)
            out.append(Entry(
                "nisba" if row["places"] == "any" else "party", normalize(row["adjective"]),
                row["country_id"], row["side"], "country", "adjective", prefix=row["prefix"],
            ))
        for row in self.titles.rows:
            out.append(Entry(
                "title", normalize(row["title"]), actor_type=row["actor_type"], via="title",
                office=row["office"], title_form=row["form"], bare=row["bare"] == "yes",
                default_side=row["default_side"],
            ))
        for row in self.anonymous.rows:
            kind = "anon_qualifier" if row["kind"] == "qualifier" else "anon_head"
            out.append(Entry(
                kind, normalize(row["pattern"]), row["actor_id"], "unknown", "anonymous",
                "title", qualified=row["kind"] == "qualified_head",
            ))
        return out

    @cached_property
    def country_prefix(self) -> dict[str, str]:
        """Country actor id → the short prefix of its office ids (russia → ru)."""
        return {row["country_id"]: row["prefix"] for row in self.nisba.rows if row["places"] == "any"}

    @cached_property
    def automaton(self) -> ahocorasick.Automaton:
        """Aho–Corasick automaton over all forms with clitic-prefixed variants.

        Each key maps to ``(key_length, prefix_length, entries)``: the entries the key
        can be with the shortest clitic prefix it allows (longer readings never win).
        """
        table: dict[str, list[tuple[int, Entry]]] = {}
        for entry in self.entries:
            for key, plen in _clitic_variants(entry.form, entry.kind):
                table.setdefault(key, []).append((plen, entry))
                if entry.kind == "actor" and " " in key:
                    # hashtags join the words of a name: #تيريزا_ماي، #دونالد_ترمب
                    table.setdefault(key.replace(" ", "_"), []).append((plen, entry))
        auto = ahocorasick.Automaton()
        for key, values in table.items():
            plen = min(p for p, _ in values)
            auto.add_word(key, (len(key), plen, tuple(e for p, e in values if p == plen)))
        auto.make_automaton()
        return auto

    @cached_property
    def word_keys(self) -> dict[str, tuple] | None:
        """The keys of :attr:`automaton` without an underscore, by their first word:
        ``word -> (value of the key that is this word or None, {second word: ((key, value),
        ...)} of the longer keys that start with it)``.

        When every key starts with a letter or digit (else None), in a text without "_"
        (where the ``\\w+`` words are the runs of ``str.isalnum`` characters) a match on
        token boundaries starts at a word, and that word is the key's first word.
        """
        single: dict[str, tuple] = {}
        multi: dict[str, dict[str, list]] = {}
        for key, value in self.automaton.items():
            if "_" in key:
                continue  # a hashtag form: a text with "_" is scanned with the automaton
            runs = _KEY_WORD_RE.findall(key)
            if not runs or not key.startswith(runs[0]):
                return None  # a key that starts with a mark or a space: use the automaton
            if len(runs) == 1 and len(runs[0]) == len(key):
                single[key] = value
            else:  # by its second word ("" for a key of one word and a mark: none here)
                multi.setdefault(runs[0], {}).setdefault(runs[1] if len(runs) > 1 else "", []).append((key, value))
        return {w: (single.get(w), {second: tuple(keys) for second, keys in multi.get(w, {}).items()})
                for w in single.keys() | multi.keys()}

    @cached_property
    def entry_kinds(self) -> dict[int, tuple[tuple, frozenset[str]]]:
        """A memo of the parser: id of an entries tuple -> (the tuple, the kinds of its entries)."""
        return {}

    @cached_property
    def accusative_nisba(self) -> dict[str, str]:
        """Country names that are also the indefinite accusative of a nisba, → its side.

        ``روسيا`` is Russia, and also "Russian" after an accusative head (لكن مسؤولا روسيا
        قال); nisba.csv cannot list such forms, so the anonymous grammar reads a country
        right after an accusative head (مسؤولا، دبلوماسيا) as the adjective.
        """
        countries = {e.form for e in self.entries if e.kind == "actor" and e.actor_type == "country"}
        out: dict[str, str] = {}
        for e in self.entries:
            if e.kind == "nisba" and not e.definite and e.form.endswith("ي"):
                acc = e.form + "ا"
                if acc in countries:
                    out[acc] = e.side
        return out

    @cached_property
    def title_forms(self) -> frozenset[str]:
        """Normalised title forms (الرئيس، وزير …): a name alias that opens with one is titled."""
        return frozenset(e.form for e in self.entries if e.kind == "title")

    @cached_property
    def title_defaults(self) -> dict[str, tuple[str, str]]:
        """Normalised title -> (office, side) for the offices that ``titles.csv`` gives a
        ``default_side``: the side the corpus gives the office when nothing places it
        (السيناتور: 99 of the 101 placed senators of ANT 2018 are American)."""
        return {e.form: (e.office, e.default_side) for e in self.entries if e.kind == "title" and e.default_side}

    @cached_property
    def nisba_forms(self) -> frozenset[str]:
        """Normalised nisba adjectives (الروسي، السعودية …); some are also country names."""
        return frozenset(normalize(row["adjective"]) for row in self.nisba.rows if row["places"] == "any")

    @cached_property
    def party_forms(self) -> frozenset[str]:
        """Normalised party adjectives (الجمهوري، الديمقراطية …): they place a person title only."""
        return frozenset(normalize(row["adjective"]) for row in self.nisba.rows if row["places"] == "title")

    @cached_property
    def nisba_sides(self) -> dict[str, str]:
        """Normalised nisba adjective -> its side (الفرنسيون → france)."""
        return {normalize(row["adjective"]): row["side"] for row in self.nisba.rows if row["places"] == "any"}

    @cached_property
    def nisba_countries(self) -> dict[str, str]:
        """Normalised nisba adjective -> the id of its country (البريطانية → uk)."""
        return {normalize(row["adjective"]): row["country_id"] for row in self.nisba.rows if row["places"] == "any"}

    @cached_property
    def _outlet_sides(self) -> dict[str, str]:
        return {row["actor_id"]: row["side"] for row in self.media.rows}

    def outlet_side(self, actor_id: str) -> str | None:
        """The side of a media outlet of the lexicon (al_arabiya → saudi_arabia), or None."""
        return self._outlet_sides.get(actor_id)

    @cached_property
    def anonymous_heads(self) -> dict[str, str]:
        """Normalised anonymous-source heads (مصدر، مسؤول …) -> their actor id."""
        return {normalize(row["pattern"]): row["actor_id"] for row in self.anonymous.rows
                if row["kind"] in ("head", "qualified_head") and row["actor_id"]}

    @cached_property
    def bridge_words(self) -> frozenset[str]:
        """Normalised :data:`BRIDGE_WORDS`."""
        return frozenset(normalize(w) for w in BRIDGE_WORDS)

    @cached_property
    def affiliation_gap(self) -> re.Pattern:
        """Regex for the gap between an anonymous head and its affiliation."""
        words = "|".join(re.escape(normalize(w)) for w in AFFILIATION_WORDS)
        return re.compile(rf"[ \t\u00a0]+(?:(?:{words})[ \t\u00a0]+)?")

    def __len__(self) -> int:
        return len({row["actor_id"] for row in self.actors.rows})


def _clitic_variants(form: str, kind: str) -> list[tuple[str, int]]:
    """Keys under which ``form`` is matched, with the length of the clitic prefix.

    Examples
    --------
    >>> ("للولايات المتحده", 0) in _clitic_variants("الولايات المتحده", "actor")
    True
    """
    if not form or not ("\u0600" <= form[0] <= "\u06ff"):
        return [(form, 0)]
    if kind in ("nisba", "party", "anon_qualifier"):
        return [(form, 0)]
    out = []
    for conj in ("", *CONJUNCTIONS):  # names take proclitics, never suffixes (analysis.text.clitics)
        for prep in ("", *PREPOSITIONS):
            out.append((conj + prep + form, len(conj + prep)))
        if form.startswith("ال"):
            # ل + ال contracts to لل: the surface keeps the whole token.
            out.append((conj + "لل" + form[2:], len(conj)))
    return out


def load_actor_lexicon(path: str | Path | None = None) -> ActorLexicon:
    """Load and cross-check the actor lexicons from a folder.

    Parameters
    ----------
    path : str or Path, optional
        A folder with ``actors.csv``, ``titles.csv``, ``nisba.csv``, ``media.csv`` and
        ``anonymous.csv`` (the package's own lexicons when omitted). Copy the package
        folder and edit the files to use your own.

    Returns
    -------
    ActorLexicon
        Built once per version of the five files (:func:`analysis.coding.lexicons.load_cached`):
        load again after editing a file and the edit is in.

    Raises
    ------
    LexiconError
        When a file is missing or malformed, when one actor id has two sides or types,
        or when two aliases of different actors normalise to the same form. The message
        names the file, line and column.

    Examples
    --------
    >>> lex = load_actor_lexicon()
    >>> len(lex) >= 200, sorted(lex.versions)
    (True, ['actors', 'anonymous', 'media', 'nisba', 'titles'])
    """
    files = _DEFAULT_FILES if path is None else [Path(path) / name for name, _ in LEXICON_FILES.values()]
    return load_cached(_build_actor_lexicon, *files)


_DEFAULT_FILES = [LEXICON_DIR / name for name, _ in LEXICON_FILES.values()]


def _build_actor_lexicon(*files: Path) -> ActorLexicon:
    parts = {
        name: load_lexicon(file, schema)
        for (name, (_, schema)), file in zip(LEXICON_FILES.items(), files)
    }
    _check_consistent(parts["actors"], ("side", "actor_type"), normalize_key="alias")
    _check_consistent(parts["media"], ("side",), normalize_key="alias")
    return ActorLexicon(**parts, versions={k: v.version for k, v in parts.items()})


def _check_consistent(lex: Lexicon, columns: tuple[str, ...], normalize_key: str) -> None:
    """One actor id has one value per column; aliases of different ids do not collide."""
    first: dict[str, int] = {}
    forms: dict[str, int] = {}
    for i, row in enumerate(lex.rows):
        j = first.setdefault(row["actor_id"], i)
        for col in columns:
            if lex.rows[j][col] != row[col]:
                raise lex.error(
                    i, col,
                    f"actor {row['actor_id']!r} has {col} {row[col]!r} here but "
                    f"{lex.rows[j][col]!r} on line {lex.lines[j]}; use one value",
                )
        form = normalize(row[normalize_key])
        k = forms.setdefault(form, i)
        if lex.rows[k]["actor_id"] != row["actor_id"]:
            raise lex.error(
                i, normalize_key,
                f"{row[normalize_key]!r} normalises to the same form as line {lex.lines[k]} "
                f"({lex.rows[k]['actor_id']}); keep one of them",
            )


# --- atoms ------------------------------------------------------------------------------


class _Atom(NamedTuple):
    start: int  # start of the token, clitics included
    core: int  # start after the clitics
    end: int
    entries: tuple[Entry, ...]
    clitic: str

    def first(self, *kinds: str) -> Entry | None:
        for e in self.entries:
            if e.kind in kinds:
                return e
        return None


#: ``_Atom(*fields)`` without the Python-level ``__new__`` of a named tuple (one per match).
_new_atom = partial(tuple.__new__, _Atom)


def _find_atoms(text: str, lexicon: ActorLexicon, words=None) -> list[_Atom]:
    """Lexicon matches on token boundaries, overlaps resolved longest first.

    ``words`` is the :class:`analysis.text.normalize.WordIndex` of ``text`` when known: in
    a text without "_" the matches are then looked up word by word
    (:attr:`ActorLexicon.word_keys`), the same matches as the automaton finds on token
    boundaries, without a Python step for each of its matches inside a word.
    """
    n = len(text)
    if words is not None and "_" not in text and (by_word := lexicon.word_keys) is not None:
        texts, starts, ends = words
        found = list(map(by_word.get, texts))
        last_word = len(texts) - 1
        single = []  # (start, plen, end, entries) of the keys that are one whole word, in order
        longer_matches = []  # candidates of the longer keys
        for k in compress(range(len(texts)), found):
            value, longer = found[k]
            start = starts[k]
            if value is not None:
                klen, plen, entries = value
                single.append((start, plen, ends[k], entries))
            if not longer:
                continue
            # a longer key's second word is the next word of the text (a match ends on a
            # token boundary, and only spaces or marks stand between its words)
            for key, (klen, plen, entries) in (longer.get(texts[k + 1], ()) if k < last_word else ()) + longer.get("", ()):
                end = start + klen
                if text.startswith(key, start) and not (end < n and text[end].isalnum()):
                    longer_matches.append((-klen, start, end, plen, entries))
        # One-word matches never overlap one another, and a longer match that overlaps one
        # holds all of its word and is longer (it starts at a word and ends on a token
        # boundary): longest first, the longer matches are decided among themselves, and a
        # one-word match is kept unless an accepted longer match holds its first letter.
        accepted = single
        if longer_matches:
            accepted, taken = _longest_first(longer_matches, n)
            accepted += [m for m in single if not taken[m[0]]]
            accepted.sort()  # by start: accepted spans do not overlap, so no two share one
    else:
        candidates = []
        for last, (klen, plen, entries) in lexicon.automaton.iter(text):
            start = last - klen + 1
            end = last + 1
            if start > 0 and text[start - 1].isalnum():
                continue
            if end < n and text[end].isalnum():
                continue
            candidates.append((start - end, start, end, plen, entries))
        if not candidates:
            return []
        accepted = _longest_first(candidates, n)[0]
        accepted.sort()  # by start: accepted spans do not overlap, so no two share one
    return [_new_atom((start, start + plen, end, entries, text[start:start + plen]))
            for start, plen, end, entries in accepted]


def _longest_first(candidates: list[tuple], n: int) -> tuple[list[tuple], bytearray]:
    """The ``(-length, start, end, plen, entries)`` candidates that no longer (then earlier)
    one overlaps, as ``(start, plen, end, entries)`` in the order they were accepted, and
    the mask of the ``n`` positions they cover."""
    # longer first, then earlier: no two candidates share both (one span is one key), so
    # the tuples sort so without a key function
    candidates.sort()
    taken = bytearray(n)
    accepted = []
    for _, start, end, plen, entries in candidates:
        if taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        accepted.append((start, plen, end, entries))
    return accepted, taken


# --- grammar ----------------------------------------------------------------------------


@dataclass
class _Mention:
    norm_start: int
    norm_end: int
    actor_id: str
    side: str
    actor_type: str
    via: str


@dataclass
class _Context:
    """What the article has said so far (for resolving titles and anaphors)."""

    persons: list[tuple[str, str, str]] = field(default_factory=list)  # id, side, office
    bindings: dict[str, str] = field(default_factory=dict)  # office id → person id
    last_institution: _Mention | None = None
    last_anonymous: dict[str, str] = field(default_factory=dict)  # actor id → side
    person_info: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → side, type

    def add(self, m: _Mention, office: str = "") -> None:
        if m.actor_type == "person" and m.via != "adjective":
            if m.actor_id not in self.person_info:
                self.persons.append((m.actor_id, m.side, office))
            self.person_info[m.actor_id] = (m.side, m.actor_type)
        elif m.actor_type in ("institution", "country") and m.via != "adjective":
            self.last_institution = m
        elif m.actor_type == "anonymous":
            self.last_anonymous[m.actor_id] = m.side


def _office_matches(person_office: str, office: str) -> bool:
    if not person_office:
        return False
    if person_office == office:
        return True
    if person_office.startswith(("deputy_", "vice_")) and not office.startswith(("deputy_", "vice_")):
        return False
    return person_office.endswith("_" + office)


class _Parser:
    """Left-to-right combination of atoms into mentions for one string."""

    def __init__(self, text: str, atoms: list[_Atom], lexicon: ActorLexicon, ctx: _Context):
        self.text = text
        self.atoms = atoms
        self.lex = lexicon
        #: id of an atom's entries tuple (an automaton value) -> (the tuple, its kinds)
        self.kinds = lexicon.entry_kinds
        self.ctx = ctx
        self.by_start = {a.start: i for i, a in enumerate(atoms)}
        self.out: list[_Mention] = []

    # helpers ---------------------------------------------------------------------

    def _adjacent(self, i: int, j: int) -> bool:
        """Atom j follows atom i after spaces only (no clitic, no line break)."""
        if j >= len(self.atoms):
            return False
        a, b = self.atoms[i], self.atoms[j]
        return b.core == b.start and _SPACE_GAP.fullmatch(self.text, a.end, b.start) is not None

    def _emit(self, m: _Mention, office: str = "") -> None:
        self.out.append(m)
        self.ctx.add(m, office)

    def _side_of(self, i: int, definite_title: bool, person: bool = False) -> tuple[str, str, str] | None:
        """(side, country id, prefix) from a nisba atom, a country atom after an
        indefinite title (وزير خارجية روسيا), or a party adjective after a person title
        that agrees with it in definiteness (السيناتور الجمهوري، سيناتور جمهوري; never
        رئيس الجمهورية, "the president of the republic")."""
        atom = self.atoms[i]
        nis = atom.first("nisba")
        if nis is not None:
            return nis.side, nis.actor_id, nis.prefix
        party = atom.first("party") if person and atom.clitic == "" else None
        if party is not None and party.definite == definite_title:
            return party.side, party.actor_id, party.prefix
        if not definite_title:
            act = atom.first("actor")
            if act is not None and act.actor_type == "country":
                return act.side, act.actor_id, self.lex.country_prefix.get(act.actor_id, act.actor_id)
        return None

    def _is_person(self, j: int) -> bool:
        act = self.atoms[j].first("actor")
        return act is not None and act.actor_type == "person" and self.atoms[j].clitic == ""

    def _find_name(self, i: int) -> int | None:
        """Index of a person-name atom after atom ``i``, across bridge words, or None."""
        pos = self.atoms[i].end
        steps = 0
        prev_prep = False
        while steps < MAX_BRIDGE_TOKENS:
            gap = (_APPOSITION_GAP if steps == 0 else _NAME_GAP).match(self.text, pos)
            if gap is None:
                return None
            pos = gap.end()
            j = self.by_start.get(pos)
            if j is not None:
                if self._is_person(j):
                    return j
                if prev_prep or self.atoms[j].clitic:
                    pos = self.atoms[j].end
                    prev_prep = False
                    steps += 1
                    continue
                return None
            tok = _TOKEN.match(self.text, pos)
            if tok is None:
                return None
            if tok.group() not in self.lex.bridge_words:
                # A first name before a hashtagged surname: سيرغي #لافروف.
                tag = _HASHTAG_GAP.match(self.text, tok.end())
                j = self.by_start.get(tag.end()) if tag else None
                if j is not None and self._is_person(j):
                    return j
                return None
            prev_prep = tok.group() in ("لدي", "الي", "في")
            pos = tok.end()
            steps += 1
        return None

    def _resolve_person(self, side: str | None, office: str, counterpart: bool) -> str | None:
        """The one person of this side and office named so far, or None."""
        found = []
        for pid, pside, poffice in self.ctx.persons:
            if side is not None and pside != side:
                continue
            if not counterpart and not _office_matches(poffice, office):
                continue
            if pid not in found:
                found.append(pid)
        return found[0] if len(found) == 1 else None

    # rules -----------------------------------------------------------------------

    def parse(self) -> list[_Mention]:
        i = 0
        while i < len(self.atoms):
            i = self._parse_at(i)
        return self.out

    def _parse_at(self, i: int) -> int:
        # each handler returns None at once when the atom has no entry of its kinds: call
        # only those it has (the kinds of an entries tuple are remembered by the lexicon)
        entries = self.atoms[i].entries
        found = self.kinds.get(id(entries))
        if found is None or found[0] is not entries:
            found = self.kinds[id(entries)] = (entries, frozenset(e.kind for e in entries))
        kinds = found[1]
        if "title" in kinds and (nxt := self._title(i)) is not None:
            return nxt
        if "anon_head" in kinds and (nxt := self._anonymous(i)) is not None:
            return nxt
        if ("actor" in kinds or "media" in kinds) and (nxt := self._actor(i)) is not None:
            return nxt
        if "nisba" in kinds and (nxt := self._nisba(i)) is not None:
            return nxt
        return i + 1

    def _person_after(self, i: int, start: int, office_id: str | None, office: str,
                      side: str | None = None) -> int | None:
        """Emit title+name as one person mention when a name follows atom ``i``.

        A name alias that opens with its own title (الرئيس الأسد) and is of another side
        than the title's nisba is the object, not the name: وصف الرئيس الأمريكي الرئيس
        الأسد بـ"الحيوان" has two people.
        """
        j = self._find_name(i)
        if j is None:
            return None
        act = self.atoms[j].first("actor")
        if side is not None and act.side != side and act.form.split(" ", 1)[0] in self.lex.title_forms:
            return None
        m = _Mention(start, self.atoms[j].end, act.actor_id, act.side, "person", "title")
        if office_id:
            self.ctx.bindings[office_id] = act.actor_id
        self._emit(m, act.office or office)
        return j + 1

    def _title(self, i: int) -> int | None:
        atom = self.atoms[i]
        title = atom.first("title")
        if title is None:
            return None
        start = atom.core
        if title.office == "correspondent":
            nxt = self._correspondent(i, start)
            if nxt is not None:
                return nxt
        if title.title_form == "of":
            return self._title_of(i, title)
        if title.title_form == "pronoun":
            return self._title_pronoun(i, title)
        side = None
        j = i + 1
        if self._adjacent(i, j):
            side = self._side_of(j, title.definite, title.actor_type == "person")
        if side is None and not title.definite:
            j, side = self._construct_nisba(i, title)
        if side is None:
            # Title directly followed by a name: الرئيس بوتين، نظيره جون كيري.
            # (إدارة ترمب is not Trump: only person titles merge with a name.)
            if title.actor_type == "person":
                nxt = self._person_after(i, start, None, title.office)
                if nxt is not None:
                    return nxt
            if title.bare and title.actor_type == "person":
                pid = self._resolve_person(None, title.office, False)
                if pid is not None:
                    pside, ptype = self.ctx.person_info[pid]
                    self._emit(_Mention(start, atom.end, pid, pside, ptype, "title"), title.office)
                    return i + 1
            return None
        side_id, country_id, prefix = side
        if title.office == "national":
            office_id = country_id
        else:
            office_id = f"{prefix}_{title.office}"
        if title.actor_type == "person":
            nxt = self._person_after(j, start, office_id, title.office, side_id)
            if nxt is not None:
                return nxt
        end = self.atoms[j].end
        actor_id, actor_type = office_id, title.actor_type
        if title.actor_type == "person":
            pid = self.ctx.bindings.get(office_id) or self._resolve_person(
                side_id, title.office, title.title_form == "counterpart")
            if pid is not None:
                actor_id = pid
        self._emit(_Mention(start, end, actor_id, side_id, actor_type, "title"), title.office)
        return j + 1

    def _correspondent(self, i: int, start: int) -> int | None:
        """مراسل/مراسلة + an outlet: the correspondent speaks for the outlet (codebook §2,
        an outlet takes its country's side; note 54).

        The outlet may follow with لـ (مراسل لرويترز), in quotation marks (مراسل "سكاي نيوز
        عربية"), after قناة/وكالة/صحيفة/شبكة/موقع (مراسلة قناة "العربية"), or a few words
        on after في (مراسل الشؤون الدبلوماسية في بي بي سي). A nisba is left to the title
        rules (مراسل روسي: None, and the caller goes on), as is a correspondent with no
        outlet.
        """
        gap = _OUTLET_GAP.match(self.text, self.atoms[i].end)
        pos = gap.end()
        j = self.by_start.get(pos)
        if j is None:
            arabiya = _QUOTED_ARABIYA.match(self.text, pos) if gap.group("quote") or gap.group("head") else None
            if arabiya is None or self.lex.outlet_side("al_arabiya") is None:
                return self._correspondent_in(i, start)
            self._emit(_Mention(start, arabiya.end("name"), "al_arabiya_correspondent",
                                self.lex.outlet_side("al_arabiya"), "person", "title"), "correspondent")
            return i + 1
        atom = self.atoms[j]
        media = atom.first("media")
        if media is None or (atom.clitic and (gap.group("head") or atom.clitic != "ل")):
            if atom.first("nisba") is not None:
                return None
            return self._correspondent_in(i, start)
        self._emit(_Mention(start, atom.end, f"{media.actor_id}_correspondent", media.side, "person", "title"),
                   "correspondent")
        return j + 1

    def _correspondent_in(self, i: int, start: int) -> int | None:
        """مراسل الشؤون الدبلوماسية في بي بي سي: an outlet after في within a few words."""
        found = _CORRESPONDENT_BEAT.match(self.text, self.atoms[i].end)
        if found is None:
            return None
        j = self.by_start.get(found.end())
        media = self.atoms[j].first("media") if j is not None else None
        if media is None:
            return None
        self._emit(_Mention(start, self.atoms[j].end, f"{media.actor_id}_correspondent", media.side,
                            "person", "title"), "correspondent")
        return j + 1

    def _construct_nisba(self, i: int, title: Entry) -> tuple[int, tuple[str, str, str] | None]:
        """A nisba that agrees with an indefinite title across its genitive words.

        وزير الشباب والرياضة المغربي is a Moroccan minister: the construct title governs up
        to CONSTRUCT_GENITIVE_WORDS definite words that no lexicon knows, and the nisba after
        them agrees with the title in gender (وزيرة … الكندية). A feminine nisba after a
        masculine title describes the genitive noun instead and places nothing.
        """
        pos = self.atoms[i].end
        for _ in range(CONSTRUCT_GENITIVE_WORDS):
            word = _GENITIVE_WORD.match(self.text, pos)
            if word is None:
                break
            if self.by_start.get(word.end() - len(word.group().lstrip())) is not None:
                break  # a word the lexicon knows (الخارجية الكندية) is parsed on its own
            pos = word.end()
            gap = _SPACE_GAP.match(self.text, pos)
            if gap is None:
                break
            j = self.by_start.get(gap.end())
            if j is None:
                continue
            nis = self.atoms[j].first("nisba")
            if nis is None or self.atoms[j].clitic or self.atoms[j].core != self.atoms[j].start:
                break
            if nis.form.endswith("ه") != title.form.endswith("ه"):
                break
            return j, (nis.side, nis.actor_id, nis.prefix)
        return i + 1, None

    def _institution_at(self, j: int) -> tuple[_Mention, int] | None:
        """A (non-person) mention starting at atom j without emitting it."""
        if j >= len(self.atoms):
            return None
        atom = self.atoms[j]
        title = atom.first("title")
        if title is not None and title.title_form == "office" and self._adjacent(j, j + 1):
            side = self._side_of(j + 1, title.definite)
            if side is not None:
                side_id, country_id, prefix = side
                oid = country_id if title.office == "national" else f"{prefix}_{title.office}"
                end = self.atoms[j + 1].end
                return _Mention(atom.core, end, oid, side_id, title.actor_type, "title"), j + 2
        act = atom.first("actor", "media")
        if act is not None and act.actor_type != "person":
            return _Mention(atom.core, atom.end, act.actor_id, act.side, act.actor_type, act.via), j + 1
        return None

    def _title_of(self, i: int, title: Entry) -> int | None:
        """المتحدث باسم + institution (+ name)."""
        if not self._adjacent(i, i + 1):
            return None
        found = self._institution_at(i + 1)
        if found is None:
            return None
        inst, nxt = found
        office_id = f"{inst.actor_id}_{title.office}"
        start = self.atoms[i].core
        done = self._person_after(nxt - 1, start, office_id, title.office)
        if done is not None:
            return done
        actor_id = self.ctx.bindings.get(office_id, office_id)
        self._emit(_Mention(start, inst.norm_end, actor_id, inst.side, "person", "title"), title.office)
        return nxt

    def _title_pronoun(self, i: int, title: Entry) -> int | None:
        """المتحدث باسمها (+ name): the institution is the last one named."""
        start = self.atoms[i].core
        inst = self.ctx.last_institution
        office_id = f"{inst.actor_id}_{title.office}" if inst is not None else None
        done = self._person_after(i, start, office_id, title.office)
        if done is not None:
            return done
        if inst is None:
            return None
        actor_id = self.ctx.bindings.get(office_id, office_id)
        self._emit(_Mention(start, self.atoms[i].end, actor_id, inst.side, "person", "pronoun-carry"))
        return i + 1

    def _anonymous(self, i: int) -> int | None:
        atom = self.atoms[i]
        head = atom.first("anon_head")
        if head is None:
            return None
        side = None
        qualified = False
        end = atom.end
        j = i + 1
        while j < len(self.atoms) and j - i <= 5:
            prev = self.atoms[j - 1]
            nxt = self.atoms[j]
            if self._adjacent(j - 1, j):
                if nxt.first("anon_qualifier", "anon_head"):  # مصدر دبلوماسي، مصدر مسؤول
                    qualified, end, j = True, nxt.end, j + 1
                    continue
                nis = nxt.first("nisba")
                if nis is not None and side is None:
                    side, end, j = nis.side, nxt.end, j + 1
                    continue
                if side is None and not nxt.clitic and prev.first("anon_head", "anon_qualifier") \
                        and prev.first("anon_head", "anon_qualifier").form.endswith("ا"):
                    act = nxt.first("actor")
                    acc_side = self.lex.accusative_nisba.get(act.form) if act is not None else None
                    if acc_side is not None:  # مسؤولا روسيا: the accusative nisba, not Russia
                        side, end, j = acc_side, nxt.end, j + 1
                        continue
            gap = self.lex.affiliation_gap.fullmatch(self.text, prev.end, nxt.start)
            if gap is not None and side is None:
                has_prep = gap.group().strip() != "" or nxt.clitic in AFFILIATION_CLITICS
                if has_prep:
                    found = self._institution_at(j)
                    if found is not None and not (found[0].actor_type == "media" and nxt.clitic == "ل"):
                        # مصادر لرويترز: the outlet the sources told, not the one they sit in
                        # (docs/codebook.md §2: the medium, the codebook's ``via``), gives no side
                        inst, j2 = found
                        side, end, j = inst.side, inst.norm_end, j2
                        continue
            break
        if side is None and not qualified:
            if head.qualified and not head.definite:
                return None
            if head.definite:
                if head.actor_id not in self.ctx.last_anonymous:
                    if head.qualified:
                        return None
                else:
                    carried = self.ctx.last_anonymous[head.actor_id]
                    self._emit(_Mention(atom.core, end, head.actor_id, carried, "anonymous",
                                        "pronoun-carry" if carried != "unknown" else "title"))
                    return j
        self._emit(_Mention(atom.core, end, head.actor_id, side or "unknown", "anonymous", "title"))
        return j

    def _actor(self, i: int) -> int | None:
        atom = self.atoms[i]
        act = atom.first("actor", "media")
        if act is None:
            return None
        self._emit(_Mention(atom.core, atom.end, act.actor_id, act.side, act.actor_type, act.via),
                   act.office)
        return i + 1

    def _nisba(self, i: int) -> int | None:
        atom = self.atoms[i]
        nis = atom.first("nisba")
        if nis is None:
            return None
        self._emit(_Mention(atom.core, atom.end, nis.actor_id, nis.side, "country", "adjective"))
        return i + 1


# --- surnames ---------------------------------------------------------------------------

_NAME_TOKENS = re.compile(r"[^\s_#،,]+")


def _elliptic_nisbas(text: str, words, found: list[_Mention], lex: ActorLexicon) -> list[_Mention]:
    """A second nisba joined by و to a mention's own names a second side with the same head:
    "تحذيرات أميركية وبريطانية" mentions the UK as well as the US, "مسؤولون بريطانيون
    وفرنسيون" two groups of officials, "المسؤولين الروس والسوريين" Russian and Syrian ones
    (codebook §1: an adjective on a thing still mentions its side). The second is an
    adjective mention of its country, except after an anonymous head, whose id it shares;
    a third is read in turn (codebook note 87). The و is not part of the mention. Not when
    the nisba begins the next mention (والفرنسي إيمانويل ماكرون), when it repeats the side
    before it, or when the mention before does not end in a nisba."""
    if not found:
        return found
    texts, starts, ends = words
    sides, countries = lex.nisba_sides, lex.nisba_countries
    begun = {m.norm_start for m in found}
    out: list[_Mention] = []
    for n, m in enumerate(found):
        out.append(m)
        nxt = found[n + 1] if n + 1 < len(found) else None
        while (extra := _next_elliptic(text, starts, ends, texts, m, nxt, begun, sides, countries)) is not None:
            out.append(extra)  # الضربات الأميركية والبريطانية والفرنسية: each in turn
            m = extra
    return out


def _next_elliptic(text: str, starts, ends, texts, m: _Mention, nxt: _Mention | None, begun: set[int],
                   sides: dict[str, str], countries: dict[str, str]) -> _Mention | None:
    """The nisba joined by و right after mention ``m`` as a mention of its own, or None."""
    if text[m.norm_end:m.norm_end + 2] != " و":
        return None  # the cheap test first: no و-word right after the mention
    last = text[m.norm_start:m.norm_end].rsplit(" ", 1)[-1]
    if last not in sides:
        return None
    k = bisect.bisect_left(starts, m.norm_end)
    if k >= len(starts) or text[m.norm_end:starts[k]].strip():
        return None
    word = texts[k]
    side = sides.get(word[1:]) if word[:1] == "و" else None
    if side is None or side == m.side or starts[k] + 1 in begun or starts[k] in begun:
        return None
    if nxt is not None and nxt.norm_start < ends[k] + 2 and k + 1 < len(starts) and nxt.norm_start <= starts[k + 1]:
        return None  # والفرنسي إيمانويل ماكرون: the nisba of the next mention
    if m.actor_type == "anonymous":  # the head's id says no side: a second group of officials
        return _Mention(starts[k] + 1, ends[k], m.actor_id, side, m.actor_type, m.via)
    # القوات السورية والروسية: the second nisba names its country, not the first's army
    return _Mention(starts[k] + 1, ends[k], countries[word[1:]], side, "country", "adjective")


def _carry_surnames(text: str, norm, found: list[_Mention], lex: ActorLexicon,
                    surnames: dict[str, tuple[_Mention, str]]) -> list[_Mention]:
    """After a full name, its surname alone names the same person for the rest of the article.

    The lexicon lists some surnames only in full because alone they are also common
    words (تيريزا ماي، كريستوفر راي). Once the article has named the person in full,
    a later standalone surname (with و/ف/ب/ل) spelt exactly as in that full name, hamza
    included, refers to them: "وقالت ماي" after "تيريزا ماي"; "رأي" (opinion) never
    matches "راي" because the original spellings differ.

    ``surnames`` maps a normalised surname to the mention that introduced it and its
    original spelling; it is shared across the parts of one article (title first).
    """
    pending = dict(surnames)
    starts: dict[str, int] = {key: 0 for key in pending}
    for m in found:
        if m.actor_type != "person" or m.via not in ("name", "title"):
            continue
        tokens = _NAME_TOKENS.findall(text[m.norm_start:m.norm_end])
        if len(tokens) < 2 or len(tokens[-1]) < 3 or tokens[-1] in pending:
            continue
        if lex.automaton.exists(tokens[-1]):
            continue  # the surname is an alias of its own (لافروف)
        a, b = norm.to_original(m.norm_end - len(tokens[-1]), m.norm_end)
        pending[tokens[-1]] = surnames[tokens[-1]] = (m, norm.original[a:b])
        starts[tokens[-1]] = m.norm_end
    # a surname that does not occur in the text cannot match: leave it out of the pattern
    # (the others keep their order), and most texts need no pattern at all
    present = [word for word in pending if word in text]
    if not present:
        return found
    taken = [(m.norm_start, m.norm_end) for m in found]
    out = list(found)
    for hit in _surname_hits(text, tuple(present)):
        word = hit.group(1)
        s, e = hit.span(1)
        if s < starts[word] or any(a < e and s < b for a, b in taken):
            continue
        a, b = norm.to_original(s, e)
        intro, spelling = pending[word]
        if norm.original[a:b] != spelling:
            continue
        out.append(_Mention(s, e, intro.actor_id, intro.side, intro.actor_type, "name"))
    out.sort(key=lambda m: m.norm_start)
    return out


@lru_cache(maxsize=256)
def _surname_pattern(surnames: tuple[str, ...]) -> re.Pattern:
    """A standalone surname of ``surnames`` (first listed wins) with و/ف and ب/ل before it."""
    return re.compile(r"(?<![\w#])[وف]?[بل]?(" + "|".join(map(re.escape, surnames)) + r")(?!\w)")


#: Letters at most before a surname in a match of :func:`_surname_pattern` (و/ف, then ب/ل).
_SURNAME_CLITICS = 2


def _surname_hits(text: str, surnames: tuple[str, ...]) -> list[re.Match]:
    """The matches of ``_surname_pattern(surnames).finditer(text)``, tried only where a
    surname occurs.

    A match starts at most :data:`_SURNAME_CLITICS` characters before an occurrence of one
    of ``surnames``; trying the pattern at those starts in order, and skipping the starts
    inside an earlier match as the scan does, finds the same matches without trying the
    pattern (its lookbehind and optional letters) at every character of the text: such a
    scan of an ANT body took about 65 µs, the few tries at a surname's occurrences take
    a few.

    Examples
    --------
    >>> [m.span(1) for m in _surname_hits("قالت ماي وأكدت لماي", ("ماي",))]
    [(5, 8), (16, 19)]
    """
    pattern = _surname_pattern(surnames)
    starts: set[int] = set()
    for word in surnames:
        at = text.find(word)
        while at >= 0:
            starts.update(range(max(0, at - _SURNAME_CLITICS), at + 1))
            at = text.find(word, at + 1)
    hits = []
    reach = 0  # where the last match ended: the scan resumes there
    for start in sorted(starts):
        if start < reach:
            continue
        hit = pattern.match(text, start)
        if hit is not None:
            hits.append(hit)
            reach = hit.end()
    return hits


# --- public API -------------------------------------------------------------------------


def _sentence_locator(sentences: list[Sentence]):
    by_part: dict[bool, tuple[list[int], list[Sentence]]] = {}
    for is_title in (True, False):
        sents = sorted((s for s in sentences if (s.part == "title") == is_title),
                       key=lambda s: s.start)
        by_part[is_title] = ([s.start for s in sents], sents)

    def locate(is_title: bool, pos: int) -> Sentence | None:
        starts, sents = by_part[is_title]
        k = bisect.bisect_right(starts, pos) - 1
        if k < 0:
            return sents[0] if sents else None
        return sents[k]

    return locate


def find_mentions(doc: Doc, lexicon: ActorLexicon | None = None) -> list[dict]:
    """All actor mentions of one article, title first, in text order.

    Parameters
    ----------
    doc : analysis.text.segment.Doc
        The article (see :func:`analysis.text.segment.make_doc`).
    lexicon : ActorLexicon, optional
        Defaults to the package lexicons (loaded once, on first use).

    Returns
    -------
    list of dict
        One dict per mention with the columns of ``analysis.corpus.schema.MENTIONS`` plus
        ``norm_start`` and ``norm_end`` (offsets into the normalised string of the part,
        for later stages; :func:`build_mentions_table` drops them).
        ``surface == original[start:end]`` always holds.

    Examples
    --------
    >>> from analysis.text.segment import make_doc
    >>> doc = make_doc("x", "", "ناقش التعاون الروسي الأمريكي مع واشنطن")
    >>> [(m["actor_id"], m["via"]) for m in find_mentions(doc)]
    [('russia', 'adjective'), ('us', 'adjective'), ('us', 'metonym')]
    """
    lex = lexicon if lexicon is not None else load_actor_lexicon()
    ctx = _Context()
    surnames: dict[str, tuple[_Mention, str]] = {}
    locate = _sentence_locator(doc.sentences)
    records: list[dict] = []
    for is_title in (True, False):
        norm = doc.norm_title if is_title else doc.norm_body
        original = doc.title if is_title else doc.body
        text = norm.text
        if not text:
            continue
        atoms = _find_atoms(text, lex, norm.words)
        found = _Parser(text, atoms, lex, ctx).parse() if atoms else []
        found = _carry_surnames(text, norm, found, lex, surnames)
        found = _elliptic_nisbas(text, norm.words, found, lex)
        for m in found:
            start, end = norm.to_original(m.norm_start, m.norm_end)
            sent = locate(is_title, start)
            if sent is None or not sent.start <= start < sent.end:
                continue  # in boilerplate (teasers, links, site lines): not coded (codebook note 115)
            records.append({
                "article_id": doc.article_id,
                "sent_id": sent.sent_id,
                "part": sent.part,
                "mention_id": len(records),
                "start": start,
                "end": end,
                "surface": original[start:end],
                "actor_id": m.actor_id,
                "side": m.side,
                "actor_type": m.actor_type,
                "via": m.via,
                "norm_start": m.norm_start,
                "norm_end": m.norm_end,
            })
    return records


def find_anonymous_sources(doc: Doc, lexicon: ActorLexicon | None = None) -> list[dict]:
    """Only the anonymous-source mentions of one article (``actor_type == "anonymous"``).

    Examples
    --------
    >>> from analysis.text.segment import make_doc
    >>> doc = make_doc("x", "", "قال مسؤول أمريكي رفض الكشف عن اسمه إن ...")
    >>> [(m["actor_id"], m["side"]) for m in find_anonymous_sources(doc)]
    [('anonymous_official', 'us')]
    """
    return [m for m in find_mentions(doc, lexicon) if m["actor_type"] == "anonymous"]


def mentions_at(mentions: list[dict], part: str, norm_pos: int) -> list[dict]:
    """Mentions of the same string as ``part`` whose normalised span covers ``norm_pos``.

    ``part`` ``"title"`` means the title; any other part means the body (the strings that
    ``norm_start``/``norm_end`` index).

    Examples
    --------
    >>> from analysis.text.segment import make_doc
    >>> doc = make_doc("x", "", "ونفت واشنطن ذلك")
    >>> [m["actor_id"] for m in mentions_at(find_mentions(doc), "body", 6)]
    ['us']
    """
    want_title = part == "title"
    return [
        m for m in mentions
        if (m["part"] == "title") == want_title and m["norm_start"] <= norm_pos < m["norm_end"]
    ]


def _docs_from_frames(articles: pd.DataFrame, sentences: pd.DataFrame | None):
    check_columns(articles, ["article_id", "title", "body"], "articles")
    by_article = None
    if sentences is not None:
        check_columns(sentences, ["article_id", "sent_id", "part", "start", "end", "text"],
                      "sentences")
        by_article = {
            str(k): [Sentence(int(r.sent_id), str(r.part), int(r.start), int(r.end), str(r.text))
                     for r in g.itertuples(index=False)]
            for k, g in sentences.groupby("article_id", sort=False)
        }
    for row, (aid, title, body) in enumerate(
        zip(articles["article_id"], articles["title"], articles["body"])
    ):
        if pd.isna(aid):
            raise ValueError(f"articles table, row {row}: article_id is missing; give every article an id")
        title = "" if pd.isna(title) else str(title)
        body = "" if pd.isna(body) else str(body)
        doc = make_doc(str(aid), title, body)
        if by_article is not None:
            doc.sentences = by_article.get(str(aid), doc.sentences)
        yield doc


def build_mentions_table(
    articles_df: pd.DataFrame,
    sentences_df: pd.DataFrame | None = None,
    lexicon: ActorLexicon | None = None,
) -> pd.DataFrame:
    """The mentions table of a set of articles (columns ``analysis.corpus.schema.MENTIONS``).

    Parameters
    ----------
    articles_df : DataFrame
        At least ``article_id``, ``title``, ``body``.
    sentences_df : DataFrame, optional
        The sentences table; when omitted the articles are segmented here.
    lexicon : ActorLexicon, optional
        Defaults to the package lexicons.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "title": ["لافروف: لا"], "body": [""]})
    >>> build_mentions_table(arts)[["actor_id", "part", "via"]].values.tolist()
    [['lavrov', 'title', 'name']]
    """
    lex = lexicon if lexicon is not None else load_actor_lexicon()
    records = []
    for doc in _docs_from_frames(articles_df, sentences_df):
        records.extend(find_mentions(doc, lex))
    empty = empty_table(MENTIONS)
    if not records:
        return empty
    frame = pd.DataFrame.from_records(records, columns=MENTIONS)
    return frame.astype(empty.dtypes.to_dict())
