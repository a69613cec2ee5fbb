"""Stance units (docs/codebook.md §4): who evaluates which side, how, and with which words.

A stance unit is found from an evaluative cue of the stance lexicon
(``analysis/lexicons/stance.csv``) in one sentence. Three questions are then answered
from the sentence's mentions and attributions:

* **holder** - the source of the attribution whose content holds the cue, or whose
  reporting cue *is* the stance cue (نفت، حمّل، انتقد …); else, for narrated actions, the
  acting side (the subject of a verb, the parties of a cooperation; an action whose actor
  is not found gives no unit); else ``author`` for the writer's own evaluative wording
  (``holder_side`` is then empty).
* **target side** - the nearest mention of another side in the attribution's content,
  then in the sentence (a topic after حول/بشأن is no target; "الغرب" is ``us``); for a
  denial with no target in the sentence, the side of the latest earlier attribution
  by another side (the author of the claim it rejects). No target, no unit.
* **evidence** - the shortest span that carries the evaluation: the cue, its required
  word (حمل … مسؤولية) and a target that follows within a few words; a denial by a
  reporting verb includes the rejected content.

One unit is kept per sentence × holder × target side × kind. A cooperation unit is
dropped when the same holder blames or criticises the same target in that sentence
(the cooperation is then not framed positively). The decisions behind the rules are in
``docs/stance-notes.md``.

Examples
--------
>>> from analysis.text.segment import make_doc
>>> doc = make_doc("c1", "", "انتقد لافروف واشنطن بشدة.")   # constructed
>>> mentions = [
...     {"article_id": "c1", "start": 6, "end": 12, "actor_id": "lavrov", "side": "russia"},
...     {"article_id": "c1", "start": 13, "end": 19, "actor_id": "us", "side": "us"},
... ]
>>> [(u["holder"], u["target_side"], u["kind"]) for u in find_stance(doc, mentions, [])]
[('lavrov', 'us', 'criticism')]
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import accumulate, compress
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis.text import charmaps
from analysis.text.clitics import ARTICLE, CONJUNCTIONS, LOOKUP_SUFFIXES, PREPOSITIONS, strip_conjunction, strip_prefix
from analysis.corpus import schema
from analysis.coding.lexicons import Column, LexiconError, LexiconSchema, load_cached, load_lexicon
from analysis.coding.offsets import string_of
from analysis.text.normalize import normalize
from analysis.corpus.paths import LEXICON_DIR
from analysis.text.segment import Doc, Sentence, make_doc

__all__ = [
    "STANCE_LEXICON",
    "STANCE_SCHEMA",
    "StanceCue",
    "StanceLexicon",
    "build_stance_table",
    "find_stance",
    "load_stance_lexicon",
]

#: The shipped stance lexicon.
STANCE_LEXICON = LEXICON_DIR / "stance.csv"

ROLES = ("cue", "blocker", "target_alias", "topic_marker", "place_marker", "partner_marker",
         "negator", "negation_breaker", "relative_marker", "between_marker", "victim_marker", "flip_negator",
         "claim_marker", "name")
MARKER_ROLES = ("topic_marker", "place_marker", "partner_marker", "negator", "negation_breaker", "relative_marker",
                "between_marker", "victim_marker", "flip_negator", "claim_marker")
#: Sentences of this part are not coded (site teasers, "اقرأ أيضا" lines: docs/codebook.md §2).
SKIPPED_PARTS = frozenset({"boilerplate"})
FORM_TYPES = ("verb", "act_noun", "evaluation", "noun", "phrase", "name", "marker")
#: ``denial_sentence``: the cue counts only in a sentence that also holds a denial;
#: ``negated``: only right after a negator (لم يجدوا أي دليل، دون أدلة);
#: ``indefinite``: only without the article ("اتفاق حول التنسيق" frames cooperation, "الاتفاق
#: النووي" names a known deal).
CONTEXTS = ("denial_sentence", "negated", "indefinite", "joint")
#: ``agent``: the target is the doer of the act the cue names (التدخل الروسي، روسيا مسؤولة عن).
#: ``claimant``: the cue rejects a claim (نفى، لا دليل): its target is the side that made the
#: claim; a side the rejected words charge is the accused, not the target (stance notes, round 10).
TARGET_RULES = ("agent", "object", "on", "claimant")

#: Columns of ``stance.csv``; see the "Stance cues" section of ``lexicons/README.md``.
STANCE_SCHEMA = LexiconSchema(
    name="stance",
    columns=(
        Column("form"),
        Column("role", choices=ROLES),
        Column("kind", required=False, choices=schema.STANCE_KINDS),
        Column("polarity", required=False, choices=schema.POLARITIES),
        Column("form_type", choices=FORM_TYPES),
        Column("requires", required=False),
        Column("max_gap", required=False, pattern=r"[1-9][0-9]?"),
        Column("context", required=False, choices=CONTEXTS),
        Column("target", required=False, choices=TARGET_RULES),
        Column("side", required=False, pattern=r"[a-z][a-z0-9_]*"),
        Column("gloss"),
    ),
    unique=("form", "role", "kind"),
)

# Words a target may follow the cue by and still be part of the evidence.
EVIDENCE_WINDOW = 10
# Words around a cooperation cue in which its parties are looked for.
PARTY_WINDOW = 8
# Words after a cue in which a blocker (a terrorist group) cancels it.
BLOCKER_WINDOW = 3
# Words after / before a verb in which its subject is looked for (narrated stance).
SUBJECT_AFTER, SUBJECT_BEFORE = 3, 2
# Words before a cue in which a negator negates it (لم ينتقد، عدم وجود تنسيق، لم يجدوا أي دليل).
NEGATION_WINDOW = 4
#: A cue in a sentence longer than this many words sees only the parties within this many
#: words of it (no ANT sentence is that long; an unpunctuated text of pages can be).
LONG_SENTENCE_WORDS = 300
# Words between the doer of an act and an agent cue (روسيا لم تتدخل، التدخل الروسي).
AGENT_BEFORE, AGENT_AFTER = 2, 1
# Words from the start of the words a denial rejects in which a side is the one they charge.
ACCUSED_WORDS = 5
#: Prepositions after which a side in denied words is a place or a victim, not the accused.
_FROM = normalize("من")
_PLACE_PREPOSITIONS = frozenset(normalize(w) for w in ("في", "على", "ضد", "إلى", "عن", "لدى", "داخل"))
#: Pronoun endings of the first denied word that make the act the holder's own (تورطها،
#: مسؤوليته), read on the original word: the normaliser writes ة as ه.
_OWN_ACT_SUFFIXES = ("ه", "ها", "هم", "هما")
NO_TARGET_SIDES = frozenset({"", "unknown"})
NEGATIVE_KINDS = frozenset({"blame", "criticism", "threat", "denial"})
# Distinct tokens whose lexicon entries are remembered before the memo is emptied: more
# than the whole ANT corpus has (213,000 normalised words), so a long run analyses each
# word once instead of emptying the memo and starting again. Measured: ANT's vocabulary
# takes about 75 MB in the three word memos of a process, so about 350 MB at the limit.
_SURFACE_CACHE_SIZE = 1_000_000
# Private key of a unit record until deduplication: the unit comes from an accusation noun.
_ACCUSATION = "_accusation"
#: Reporting cues (lemmas of cues.csv) that deny a claim; رفض rejects an offer or a demand.
_CLAIM_DENIAL_LEMMAS = frozenset({"نفى", "دحض", "كذّب"})

_TOKEN_RE = re.compile(r"\w+")
# A word of the original text: a letter, then letters, marks and inner controls, ending on a
# letter or mark (normalisation deletes the marks and controls, so the words are the same).
_MARKS = charmaps.DIACRITICS_CLASS[1:-2]
_ORIG_TOKEN_RE = re.compile(rf"\w(?:[\w{_MARKS}{charmaps.CONTROLS_CLASS[1:-2]}]*[\w{_MARKS}])?")
_SKIP_MARKS_RE = re.compile(rf"[{_MARKS}{charmaps.CONTROLS_CLASS[1:-2]}]*")
# A character the normaliser deletes (a mark, a control or the tatweel).
_DELETED_RE = re.compile(rf"[{_MARKS}{charmaps.CONTROLS_CLASS[1:-2]}{charmaps.TATWEEL}]")
# The same words as separators and words in turn (one regex pass, no match object per word).
_ORIG_TOKEN_SPLIT_RE = re.compile(f"({_ORIG_TOKEN_RE.pattern})")
_WORD_CACHE: dict[str, str] = {}
# Punctuation that ends the clause of a narrated cooperation (its parties stand in one clause).
#: A dateline at the start of the body: a place and a news agency in brackets, then a dash
#: ("دبي، الإمارات العربية المتحدة (CNN)--", "موسكو (رويترز) -"). 2,923 of 3,499 CNN articles
#: of the ANT corpus open with one; the countries it names are no parties of any stance.
_DATELINE_RE = re.compile(r"[^\n.،:]{0,40}(?:،[^\n.،:]{0,40})?\((?:CNN|سي إن إن|رويترز|أ ف ب|فرانس برس|د ب أ)\)\s*[-–—]+")
#: A "read more" line: the headline of another article after للمزيد: / اقرأ أيضا: (boilerplate,
#: docs/codebook.md §2; about 430 such lines in ANT, 318 of them France 24's للمزيد:).
_READ_MORE_RE = re.compile(r"\s*(?:للمزيد|[اإأ]قرأ (?:أيضا|أيضاً|المزيد|كذلك)|(?:شاهد|طالع) أيضاً?)\s*[:.…]")
_CLAUSE_BREAK_RE = re.compile(r"[،,؛;:.]")


@dataclass(frozen=True)
class StanceCue:
    """One row of the stance lexicon, with its normalised form split into words."""

    form: str
    words: tuple[str, ...]
    role: str
    kind: str
    polarity: str
    form_type: str
    requires: str
    max_gap: int
    context: str
    target: str
    side: str
    gloss: str
    line: int


@dataclass
class StanceLexicon:
    """The validated stance lexicon, indexed by the first normalised word of each form."""

    version: str
    path: Path
    entries: list[StanceCue]
    by_first: dict[str, list[StanceCue]] = field(default_factory=dict)

    _surface: dict[str, tuple[StanceCue, ...]] = field(default_factory=dict, repr=False)
    _markers: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _seen: set[str] = field(default_factory=set, repr=False)
    _cue_words: set[str] = field(default_factory=set, repr=False)
    _cue_rests: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, repr=False)
    _targeting_seen: set[str] = field(default_factory=set, repr=False)
    _targeting: set[str] = field(default_factory=set, repr=False)
    # (number of first words it was built from, the test) of may_start_entry
    _pieces: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            self.by_first.setdefault(entry.words[0], []).append(entry)
        for group in self.by_first.values():
            group.sort(key=lambda e: -len(e.words))
        for role in MARKER_ROLES:
            self._markers[role] = frozenset(e.words[0] for e in self.entries if e.role == role)

    def markers(self, role: str) -> frozenset[str]:
        """First words of the entries of a marker ``role`` (``topic_marker`` …)."""
        return self._markers[role]

    def first_word_entries(self, token: str) -> tuple[StanceCue, ...]:
        """Entries whose first word a normalised token can be (with its clitics).

        Memoised per token: a corpus repeats its words, so each surface form is
        analysed once.

        Examples
        --------
        >>> [e.kind for e in load_stance_lexicon().first_word_entries("وانتقد")]
        ['criticism']
        """
        found = self._surface.get(token)
        if found is None:
            if len(self._surface) > _SURFACE_CACHE_SIZE:
                self._surface.clear()
            found = self._surface[token] = _entries_for_token(token, self)
        return found

    def may_start_entry(self, token: str) -> bool:
        """False when ``token`` cannot be the first word of any entry (most new words).

        Every word :func:`_entries_for_token` looks up is, but for an article ال before it
        and a ه (a ت of the token) at its end, a piece of the token with only clitic letters
        before it and a pronoun suffix (perhaps after a ت or ه) after it: it strips clitics
        and suffixes, adds or strips ال, and turns a final ت into ه. So a token that holds no
        first word of the lexicon, so trimmed, in such a place has no entry (one
        Aho-Corasick pass instead of every candidate stem and lookup; most new words are
        ruled out, the rest are analysed as before).
        """
        found = self._pieces
        if found is None or found[0] != len(self.by_first):
            found = self._pieces = (len(self.by_first), _piece_test(self.by_first))
        return found[1](token)

    def entries_of_tokens(self, tokens: Sequence[str]) -> list[tuple[StanceCue, ...]]:
        """:meth:`first_word_entries` of each token, in order (memo lookups inlined)."""
        out = list(map(self._surface.get, tokens))
        if None in out:
            out = [self.first_word_entries(tok) if e is None else e for e, tok in zip(out, tokens)]
        return out

    def has_cue(self, token: str) -> bool:
        """Whether a normalised token can start a ``cue`` entry."""
        return any(e.role == "cue" for e in self.first_word_entries(token))

    def cue_tokens(self, text: str) -> set[str]:
        """The words of a normalised text that can start a ``cue`` entry.

        Examples
        --------
        >>> sorted(load_stance_lexicon().cue_tokens("وانتقد لافروف السياسة الأمريكية"))
        ['وانتقد']
        """
        return self.cue_words_in(set(_TOKEN_RE.findall(text)))

    def cue_words_in(self, words: set[str]) -> set[str]:
        """The members of a set of normalised words that can start a ``cue`` entry."""
        unseen = words - self._seen
        if unseen:
            if len(self._seen) > _SURFACE_CACHE_SIZE:
                self._seen.clear()
                self._cue_words.clear()
                self._cue_rests.clear()
            self._seen |= unseen
            self._cue_words |= {w for w in unseen if self.has_cue(w)}
        return words & self._cue_words

    def cue_words_of(self, words: set[str]) -> set[str]:
        """:meth:`cue_words_in` without building the set of unseen words when every word
        has been seen before (the common case: one probe of the memo per word). Pass a
        set: a part's words repeat, and each distinct word is then looked up once."""
        if not self._seen.issuperset(words):
            return self.cue_words_in(set(words))
        return self._cue_words.intersection(words)

    def may_target_without_party(self, words: set[str]) -> bool:
        """Whether one of a set of normalised words can start a ``target_alias`` entry (a
        side named by the lexicon) or a ``denial`` cue (whose target may be the side of an
        earlier sentence): in a sentence without a mention, only these can give a unit."""
        unseen = words - self._targeting_seen
        if unseen:
            if len(self._targeting_seen) > _SURFACE_CACHE_SIZE:
                self._targeting_seen.clear()
                self._targeting.clear()
            self._targeting_seen |= unseen
            self._targeting |= {w for w in unseen if any(
                e.role == "target_alias" or (e.role == "cue" and e.kind == "denial")
                for e in self.first_word_entries(w))}
        return not self._targeting.isdisjoint(words)

    def cue_possible(self, token: str, sentence_words: set[str]) -> bool:
        """Whether a ``cue`` entry that ``token`` starts can match in a sentence of these
        words: a one-word cue always can; a phrase only if its other words are there too
        (لا, ما and غير start cue phrases and one ANT sentence in six has one of them; the
        phrases themselves are rare)."""
        rests = self._cue_rests.get(token)
        if rests is None:
            rests = self._cue_rests[token] = tuple(
                e.words[1:] for e in self.first_word_entries(token) if e.role == "cue")
        return any(all(w in sentence_words for w in rest) for rest in rests)

    def to_frame(self) -> pd.DataFrame:
        """The entries as a DataFrame (strings, plus ``max_gap`` and ``line``)."""
        return pd.DataFrame([e.__dict__ for e in self.entries]).drop(columns="words")


def _check_row(lex, index: int, row: dict[str, str]) -> None:
    role = row["role"]
    if role == "cue":
        for col in ("kind", "polarity"):
            if not row[col]:
                raise lex.error(index, col, f"a cue needs a {col}; fill it in")
        negative = row["kind"] in NEGATIVE_KINDS
        if negative != (row["polarity"] == "negative"):
            raise lex.error(index, "polarity",
                            f"kind {row['kind']!r} cannot have polarity {row['polarity']!r}; fix one of them")
        if row["form_type"] in ("name", "marker"):
            raise lex.error(index, "form_type", "a cue is a verb, act_noun, evaluation, noun or phrase")
    else:
        for col in ("kind", "polarity", "requires", "context", "target"):
            if row[col]:
                raise lex.error(index, col, f"only cue rows take a {col}; empty it for role {role!r}")
    if role == "target_alias" and not row["side"]:
        raise lex.error(index, "side", "a target_alias needs the side it names")
    if role != "target_alias" and row["side"]:
        raise lex.error(index, "side", "only target_alias rows take a side; empty it")
    if bool(row["requires"]) != bool(row["max_gap"]):
        raise lex.error(index, "max_gap", "requires and max_gap go together; fill both or neither")
    if not normalize(row["form"]).split():
        raise lex.error(index, "form", "the form is empty after normalisation")


def load_stance_lexicon(path: str | Path | None = None) -> StanceLexicon:
    """Load and validate a stance lexicon (default: the shipped ``stance.csv``).

    Parameters
    ----------
    path : str or Path, optional
        A CSV with the columns of :data:`STANCE_SCHEMA`.

    Returns
    -------
    StanceLexicon
        Built once per version of the file (:func:`analysis.coding.lexicons.load_cached`):
        load again after editing it and the edit is in.

    Raises
    ------
    analysis.coding.lexicons.LexiconError
        Naming the file, line and column of the first bad row (an unknown kind,
        polarity, role or form type; a cue without kind; a blocker with a polarity …).

    Examples
    --------
    >>> lex = load_stance_lexicon()
    >>> [e.kind for e in lex.by_first["انتقد"]]
    ['criticism']
    """
    return load_cached(_build_stance_lexicon, path or STANCE_LEXICON)


def _build_stance_lexicon(path: str | Path) -> StanceLexicon:
    lex = load_lexicon(path, STANCE_SCHEMA)
    entries = []
    for i, row in enumerate(lex.rows):
        _check_row(lex, i, row)
        entries.append(StanceCue(
            form=row["form"], words=tuple(normalize(row["form"]).split()), role=row["role"],
            kind=row["kind"], polarity=row["polarity"], form_type=row["form_type"],
            requires="|".join(_stem(normalize(w)) for w in row["requires"].split("|")) if row["requires"] else "",
            max_gap=int(row["max_gap"] or 0), context=row["context"], target=row["target"], side=row["side"],
            gloss=row["gloss"], line=lex.lines[i],
        ))
    return StanceLexicon(version=lex.version, path=Path(path), entries=entries)


# --------------------------------------------------------------------------- matching
def _stem(word: str) -> str:
    """Strip the article from a normalised lexicon noun (المسؤولية → مسؤوليه)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _verb_candidates(tok: str) -> set[str]:
    bases = {tok, strip_conjunction(tok)}
    out = set(bases)
    for base in bases:
        for suf in LOOKUP_SUFFIXES:
            if base.endswith(suf) and len(base) - len(suf) >= 3:
                out.add(base[: -len(suf)])
    return out


def _noun_candidates(tok: str) -> set[str]:
    """Stems a noun token may have after proclitics (و ف ب ك ل ال) and a pronoun suffix."""
    out = {tok}
    stack = [tok]
    while stack:
        word = stack.pop()
        nexts = []
        if word[:1] in CONJUNCTIONS:
            nexts.append(word[1:])
        if word[:1] in PREPOSITIONS:
            nexts.append(word[1:])
        if word.startswith("ال"):
            nexts.append(word[2:])
        if word.startswith("لل"):
            nexts.append(word[2:])
        for n in nexts:
            if len(n) >= 2 and n not in out:
                out.add(n)
                stack.append(n)
    for word in list(out):
        for suf in LOOKUP_SUFFIXES:
            if word.endswith(suf) and len(word) - len(suf) >= 3:
                stem = word[: -len(suf)]
                out.add(stem)
                if stem.endswith("ت"):
                    out.add(stem[:-1] + "ه")  # a ta marbuta before a suffix is written ت: إدانته → إدانة
    return out


def _name_candidates(tok: str) -> set[str]:
    """Forms of a name that keeps its article: والغرب، بالغرب، للغرب → الغرب."""
    out = {tok}
    if tok[:1] in CONJUNCTIONS:
        out.add(tok[1:])
    for word in list(out):
        if word[:1] in PREPOSITIONS and word[1:].startswith("ال"):
            out.add(word[1:])
        if word.startswith("لل"):
            out.add("ا" + word[1:])
    return out


def _first_word_matches(entry: StanceCue, cands: dict[str, set[str]]) -> bool:
    first = entry.words[0]
    if entry.form_type == "verb":
        return first in cands["verb"]
    if entry.form_type in ("act_noun", "evaluation", "noun"):
        return _stem(first) in cands["noun"] or first in cands["noun"]
    if entry.form_type == "name":
        return first in cands["name"]
    if entry.form_type == "phrase":
        return first in cands["phrase"]
    return first == cands["bare"]


class _Token(NamedTuple):
    """A word of a sentence (a named tuple: built once per word, so it must be cheap)."""

    text: str
    start: int  # original offsets
    end: int
    conj_end: int  # original offset after a leading و/ف (== start when there is none)


#: ``_Token(*fields)`` without the Python-level ``__new__`` of a named tuple (one per word).
_new_token = partial(tuple.__new__, _Token)


class _Hit(NamedTuple):
    entry: StanceCue
    first: int  # token indices, inclusive
    last: int


def _tokenize(doc: Doc, sent: Sentence, norm_span: tuple[int, int] | None = None) -> list[_Token]:
    """The words of a sentence with their original offsets and normalised text.

    Words are found in the original string (letters with their marks and inner controls),
    so no offset has to be mapped back; each distinct word is normalised once. One split
    of the sentence gives separators and words in turn, and the running sum of their
    lengths every offset.

    With ``norm_span``, the sentence's ``(start, end)`` in the normalised text, a sentence
    that holds nothing the normaliser deletes or NFKC changes takes its words from the
    normalised text's word index instead (see :func:`_normalized_tokens`).
    """
    if norm_span is not None and (tokens := _normalized_tokens(doc, sent, norm_span)) is not None:
        return tokens
    text = doc.source(sent.part)
    pieces = _ORIG_TOKEN_SPLIT_RE.split(text[sent.start:sent.end])
    offsets = list(accumulate(map(len, pieces), initial=sent.start))
    starts, ends = offsets[1:-1:2], offsets[2::2]
    originals = pieces[1::2]
    words = list(map(_WORD_CACHE.get, originals))
    if None in words:
        words = [_normalized_word(o) if w is None else w for w, o in zip(words, originals)]
    conj_ends = starts.copy()  # after a leading و/ف (the start when there is none)
    flags = list(map(_CONJ_WORDS.get, words))
    if None in flags:
        flags = [_conj_word(w) if f is None else f for f, w in zip(flags, words)]
    for k in compress(range(len(words)), flags):
        conj_ends[k] = _SKIP_MARKS_RE.match(text, starts[k] + 1, ends[k]).end()
    return list(map(_new_token, zip(words, starts, ends, conj_ends)))


def _normalized_tokens(doc: Doc, sent: Sentence, norm_span: tuple[int, int]) -> list[_Token] | None:
    """:func:`_tokenize` of a sentence from the cached words of the normalised text, or None.

    When the original sentence holds no mark, control or tatweel and is in NFKC, only the
    one-to-one folds touched it: its normalised span is as long as it, each original word
    (``\\w+``, as it holds no mark or control) is a word of the normalised text at the same
    offset minus one shift, and that word is the original one normalised. None when
    that does not hold or a bound cuts a word: the caller then splits the original.
    """
    lo, hi = norm_span
    start, end = sent.start, sent.end
    if hi - lo != end - start:
        return None
    text = doc.source(sent.part)
    if _DELETED_RE.search(text, start, end) is not None:
        return None
    # NFKC changes nothing in the sentence, nor across its bounds (a combining character
    # after it would compose with its last letter)
    piece = text[max(0, start - 1):end + 1]
    if not (piece.isascii() or (unicodedata.is_normalized("NFKC", piece)
                                and not unicodedata.combining(text[start:start + 1] or " ")
                                and not unicodedata.combining(text[end:end + 1] or " "))):
        return None
    norm = doc.normalized(sent.part)
    span = norm.word_range(lo, hi)
    if span is None:
        return None
    i, j = span
    words, starts, ends = norm.words
    words = words[i:j]
    shift = start - lo
    if shift:
        starts = [p + shift for p in starts[i:j]]
        ends = [p + shift for p in ends[i:j]]
    else:
        starts, ends = starts[i:j], ends[i:j]
    flags = list(map(_CONJ_WORDS.get, words))
    if None in flags:
        flags = [_conj_word(w) if f is None else f for f, w in zip(flags, words)]
    conj_ends = starts.copy()  # after a leading و/ف: one letter, as no mark follows it
    for k in compress(range(len(words)), flags):
        conj_ends[k] = starts[k] + 1
    return list(map(_new_token, zip(words, starts, ends, conj_ends)))


# normalised word -> whether it opens with a conjunction و/ف (and is longer than three letters)
_CONJ_WORDS: dict[str, bool] = {}


def _conj_word(word: str) -> bool:
    if len(_CONJ_WORDS) > _SURFACE_CACHE_SIZE:
        _CONJ_WORDS.clear()
    found = _CONJ_WORDS[word] = word[:1] in CONJUNCTIONS and len(word) > 3
    return found


def _normalized_word(word: str) -> str:
    found = _WORD_CACHE.get(word)
    if found is None:
        if len(_WORD_CACHE) > _SURFACE_CACHE_SIZE:
            _WORD_CACHE.clear()
        found = _WORD_CACHE[word] = normalize(word)
    return found


def _entry_piece(first: str) -> str:
    """What of a lexicon first word any token it can be must hold (see
    :meth:`StanceLexicon.may_start_entry`): the word without an article and a final ه."""
    piece = first[2:] if first.startswith("ال") else first
    return piece[:-1] if piece.endswith("ه") else piece


#: Letters the clitics stripped before a looked-up word are made of (و ف ب ك ل, ال, لل).
_HEAD_LETTERS = "".join(sorted(set("".join(CONJUNCTIONS + PREPOSITIONS) + ARTICLE)))
#: Letters of what is stripped after it: a pronoun suffix, and the ت of a ta marbuta (or a ه).
_TAIL_LETTERS = "".join(sorted(set("".join(LOOKUP_SUFFIXES)) | {"ت", "ه"}))
#: At most this many letters follow the piece: the longest suffix and a ت/ه before it.
_TAIL_MAX = max(map(len, LOOKUP_SUFFIXES)) + 1


def _piece_test(by_first: dict[str, list[StanceCue]]):
    """``token -> bool``: whether the token holds the piece of some first word with only
    clitic letters before it and at most a suffix (and a ت or ه) after it."""
    pieces = {_entry_piece(first) for first in by_first}
    if not pieces:
        return lambda token: False
    if "" in pieces:
        return lambda token: True
    import ahocorasick

    auto = ahocorasick.Automaton()
    for piece in pieces:
        auto.add_word(piece, len(piece))
    auto.make_automaton()

    def test(token: str) -> bool:
        n = len(token)
        for last, size in auto.iter(token):
            if (n - last - 1 <= _TAIL_MAX and not token[last + 1:].strip(_TAIL_LETTERS)
                    and not token[:last + 1 - size].strip(_HEAD_LETTERS)):
                return True
        return False

    return test


def _entries_for_token(tok: str, lexicon: StanceLexicon) -> tuple[StanceCue, ...]:
    """The entries whose first word ``tok`` can be, longest form first."""
    if not lexicon.may_start_entry(tok):
        return ()
    verb, noun, name = _verb_candidates(tok), _noun_candidates(tok), _name_candidates(tok)
    phrase = {tok} | ({tok[1:]} if tok[:1] in CONJUNCTIONS else set())
    cands = {"verb": verb, "noun": noun, "name": name, "phrase": phrase, "bare": tok}
    keys = {tok} | verb | noun | name | {_stem(w) for w in noun} | {"ال" + w for w in noun}
    found: dict[int, StanceCue] = {}
    for key in sorted(keys):
        for entry in lexicon.by_first.get(key, ()):
            if id(entry) not in found and _first_word_matches(entry, cands):
                found[id(entry)] = entry
    return tuple(sorted(found.values(), key=lambda e: (-len(e.words), e.line)))


def _match_lexicon(tokens: Sequence[_Token], lexicon: StanceLexicon) -> list[_Hit]:
    hits: list[_Hit] = []
    n = len(tokens)
    found = lexicon.entries_of_tokens([tok[0] for tok in tokens])
    for i, entries in compress(enumerate(found), found):  # most words start no entry
        for entry in entries:
            rest = entry.words[1:]
            if rest and (i + len(rest) >= n
                         or any(tokens[i + 1 + k].text != w for k, w in enumerate(rest))):
                continue
            hits.append(_Hit(entry, i, i + len(rest)))
    # a longer phrase hides the shorter cues inside it
    hits.sort(key=lambda h: (h.first, -(h.last - h.first)))
    kept: list[_Hit] = []
    longest = max((h.last - h.first for h in hits), default=0)
    for hit in hits:
        # only a hit that starts at most ``longest`` words earlier can hold this one
        if any(k.entry.role == hit.entry.role and k.first <= hit.first and hit.last <= k.last
               and (k.first, k.last) != (hit.first, hit.last)
               for k in _recent(kept, hit.first - longest)):
            continue
        kept.append(hit)
    # a cue word inside a name (مجلس التعاون الخليجي، منظمة شنغهاي للتعاون) is no cue
    named = {i for h in kept if h.entry.role == "name" for i in range(h.first, h.last + 1)}
    if named:
        kept = [h for h in kept if h.entry.role != "cue" or not named.intersection(range(h.first, h.last + 1))]
    return kept


def _specific_readings(cues: list[_Hit]) -> list[_Hit]:
    """Drop a plain reading of a cue word when a reading of the same words whose required
    word was found stands beside it: استعداد is cooperation (readiness for talks) unless a
    word of a strike follows (استعداد البنتاغون لتقديم خيارات بشأن ضربات جوية: a threat).
    ``cues`` hold only hits whose required word, if any, was found."""
    if len(cues) < 2:
        return cues
    specific = {(h.first, h.last) for h in cues if h.entry.requires}
    if not specific:
        return cues
    return [h for h in cues if h.entry.requires or h.entry.context or (h.first, h.last) not in specific]


def _recent(kept: list[_Hit], first: int) -> Iterable[_Hit]:
    """The kept hits that start at ``first`` or later (``kept`` is in order of start)."""
    for k in reversed(kept):
        if k.first < first:
            return
        yield k


def _find_required(tokens: Sequence[_Token], hit: _Hit) -> int | None:
    entry = hit.entry
    wanted = entry.requires.split("|")  # alternatives: عقوبات … بسبب|لدوره|ردا
    for j in range(hit.last + 1, min(len(tokens), hit.last + 1 + entry.max_gap)):
        word = tokens[j].text
        cands = _NOUN_STEMS.get(word)
        if cands is None:
            if len(_NOUN_STEMS) > _SURFACE_CACHE_SIZE:
                _NOUN_STEMS.clear()
            cands = _NOUN_STEMS[word] = frozenset(_noun_candidates(word))
        if any(w in cands for w in wanted):
            return j
    return None


# normalised token -> its :func:`_noun_candidates` (the words after a cue are looked up for
# every cue with a required word, and twice: when the cues are listed and for the unit)
_NOUN_STEMS: dict[str, frozenset[str]] = {}


# --------------------------------------------------------------------------- context
class _Party(NamedTuple):
    """A mention (or a target alias) that can hold or receive stance."""

    actor_id: str
    side: str
    start: int
    end: int
    via: str = ""


#: ``_Party(*fields)`` (all five given) without the Python-level ``__new__``.
_new_party = partial(tuple.__new__, _Party)


def _overlaps(a0: int, a1: int, b0, b1) -> bool:
    return b0 is not None and b1 is not None and a0 < b1 and b0 < a1


def _value(record: dict, key: str, default=None):
    value = record.get(key, default)
    if type(value) in (str, int, bool):
        return value  # the common case: no missing-value marker to test for
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return default
    return value


def _token_index_at(tokens: Sequence[_Token], pos: int) -> int:
    """Index of the first token that ends after ``pos`` (``len(tokens)`` if none).

    Token ends ascend, so this is a binary search: the stance rules ask it for every
    party of every cue, and a linear scan made a long sentence cost cubic time.
    """
    return bisect_right(tokens, pos, key=_token_end)


def _token_end(tok: _Token) -> int:
    return tok.end


def _marked_by(tokens: Sequence[_Token], party: _Party, words: set[str]) -> bool:
    i = _token_index_at(tokens, party.start)
    if i < len(tokens) and tokens[i].start < party.start:
        return False  # the marker is attached as a clitic; not a separate word
    return i > 0 and tokens[i - 1].text in words


@dataclass
class _Context:
    """Everything about one sentence that the holder and target rules need."""

    sent: Sentence
    tokens: list[_Token]
    parties: list[_Party]
    attributions: list[dict]
    earlier: list[dict]  # attributions before this sentence, in text order
    topic_words: set[str]
    place_words: set[str]
    partner_words: set[str]
    blocked_starts: set[int]  # original start offsets of words that belong to a blocker
    negators: frozenset[str] = frozenset()
    negation_breakers: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    between_words: frozenset[str] = frozenset()
    victim_words: frozenset[str] = frozenset()
    flip_words: frozenset[str] = frozenset()
    # (target side, holder side, sentence number) of the negative units found so far, in text order
    accusers: list[tuple[str, str, int]] = field(default_factory=list)
    claim_words: frozenset[str] = frozenset()  # nouns of a claim (اتهامات، مزاعم): a side after one made it
    # token starts (ascending) and the starts of relative pronouns, for binary searches
    starts: list[int] = field(init=False, repr=False)
    relative_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.starts = [t.start for t in self.tokens]
        self.relative_starts = [t.start for t in self.tokens if t.text in self.relatives]

    def near(self, hit: _Hit) -> _Context:
        """The context a cue sees: in a sentence of more than :data:`LONG_SENTENCE_WORDS`
        words, only the parties, and the attributions whose cue or content starts, within
        that many words of the cue (so a sentence that runs on for pages costs time in
        proportion to its length, not its square)."""
        if len(self.tokens) <= LONG_SENTENCE_WORDS:
            return self
        if not hasattr(self, "_party_starts"):
            self._party_starts = [p.start for p in self.parties]
            at = sorted((int(_value(a, key)), i) for i, a in enumerate(self.attributions)
                        for key in ("cue_start", "content_start") if _value(a, key) is not None)
            self._att_starts = ([pos for pos, _ in at], [i for _, i in at])
        lo = self.tokens[max(0, hit.first - LONG_SENTENCE_WORDS)].start
        hi = self.tokens[min(len(self.tokens) - 1, hit.last + LONG_SENTENCE_WORDS)].end
        near = copy(self)
        near.parties = self.parties[bisect_left(self._party_starts, lo):bisect_left(self._party_starts, hi)]
        positions, indices = self._att_starts
        chosen = sorted(set(indices[bisect_left(positions, lo):bisect_left(positions, hi)]))
        near.attributions = [self.attributions[i] for i in chosen]
        return near


def _word_distance(ctx: _Context, a: int, b: int) -> int:
    """Number of words between original offsets ``a`` and ``b`` (any order).

    Counted by binary search in the token starts (called for every party of every cue:
    a scan over the sentence's words made a 64k-character sentence take minutes).
    """
    lo, hi = min(a, b), max(a, b)
    if lo >= hi:
        return 0
    return bisect_left(ctx.starts, hi) - bisect_left(ctx.starts, lo)


def _holder_from_attributions(ctx: _Context, start: int, end: int) -> dict | None:
    """The attribution whose cue is this cue, else the innermost one whose content holds it."""
    for att in ctx.attributions:
        if _overlaps(start, end, _value(att, "cue_start"), _value(att, "cue_end")):
            return att
    holding = [att for att in ctx.attributions
               if _value(att, "content_start") is not None
               and int(att["content_start"]) <= start and end <= int(att["content_end"])]
    if holding:
        return min(holding, key=lambda a: int(a["content_end"]) - int(a["content_start"]))
    return None


def _subject(ctx: _Context, hit_start: int, hit_end: int) -> _Party | None:
    """The acting side of a narrated verb: a mention right before it (headline order
    "بوتين ينتقد واشنطن"), else the first one just after it (ونفت واشنطن), else one shortly before."""
    before = [p for p in ctx.parties if p.end <= hit_start and _word_distance(ctx, p.end, hit_start) < SUBJECT_BEFORE]
    if before and _word_distance(ctx, before[-1].end, hit_start) == 0:
        return before[-1]
    after = [p for p in ctx.parties if p.start >= hit_end and _word_distance(ctx, hit_end, p.start) < SUBJECT_AFTER]
    if after:
        return min(after, key=lambda p: p.start)
    return max(before, key=lambda p: p.end) if before else None


#: Pronoun suffixes of a possessed verbal noun as printed (قلقهما، مخاوفها، اتهاماته), where a
#: ta marbuta is still ة and so never read as the pronoun ه.
_POSSESSIVE_SUFFIXES = ("هما", "هم", "ها", "ه", "نا")
#: Words before a possessed act noun in which its possessor is looked for ("ميركل وترامب
#: يعربان عن قلقهما": the subject of the verb of expressing, two or three words back).
POSSESSOR_BEFORE = 4


def _possessed(doc: Doc, ctx: _Context, hit: _Hit) -> bool:
    """Whether a one-word act noun carries a possessive pronoun as printed (قلقهما، اتهاماته).

    Its agent is the possessor, named before it; a side after it is what it is about
    ("قلقهما إزاء تصريحات بوتين"), never its subject."""
    if hit.first != hit.last:
        return False
    tok = ctx.tokens[hit.first]
    word = _SKIP_MARKS_RE.sub("", doc.source(ctx.sent.part)[tok.start:tok.end])
    return any(word.endswith(suf) and len(word) - len(suf) >= 3 for suf in _POSSESSIVE_SUFFIXES)


def _possessor(doc: Doc, ctx: _Context, start: int) -> _Party | None:
    """The side a possessed act noun belongs to: the nearest mention before it within
    :data:`POSSESSOR_BEFORE` words of the same clause (no comma or colon between)."""
    text = doc.source(ctx.sent.part)
    before = [p for p in ctx.parties if p.end <= start and p.side not in NO_TARGET_SIDES
              and _word_distance(ctx, p.end, start) <= POSSESSOR_BEFORE
              and not _CLAUSE_BREAK_RE.search(text, p.end, start)]
    return max(before, key=lambda p: p.end) if before else None


def _joined_nisba(ctx: _Context, p: _Party) -> bool:
    """A nisba party written on و right after another mention (وإيرانيون، والبريطانية)."""
    if p.via != "adjective" and p.via != "title":
        return False
    i = _token_index_at(ctx.tokens, p.start)
    return i < len(ctx.tokens) and ctx.tokens[i].text[:1] == "و" and ctx.tokens[i].start < p.start


def _target_candidates(ctx: _Context, holder_side: str, exclude: list[tuple[int, int]]) -> list[_Party]:
    out = []
    exclude = list(exclude)
    for p in sorted(ctx.parties, key=lambda q: q.start):
        if any(_overlaps(p.start, p.end, a, b) or (0 < p.start - b <= 2 and _joined_nisba(ctx, p)) for a, b in exclude):
            # the holder, and a nisba joined to the holder's by و (ساسة أكراد عراقيون وإيرانيون:
            # the Iranian politicians hold the stance too, they are not its target)
            exclude.append((p.start, p.end))
            continue
        if p.side in NO_TARGET_SIDES or (holder_side and p.side == holder_side):
            if holder_side and p.side == holder_side and any(0 < p.start - b <= 1 for _, b in exclude):
                exclude.append((p.start, p.end))  # أكراد عراقيون: the holder's phrase goes on
            continue
        if _marked_by(ctx.tokens, p, ctx.topic_words):
            continue
        out.append(p)
    return out


def _nearest(cands: list[_Party], start: int, end: int) -> _Party | None:
    if not cands:
        return None
    return min(cands, key=lambda p: (p.start < end, abs(p.start - end) if p.start >= end else start - p.end))


def _anaphoric_sides(ctx: _Context, holder_side: str, allies: tuple[str, ...] = (),
                     accused: frozenset[str] = frozenset()) -> list[str]:
    """The sides a denial without a named target rejects: the sides that accused the
    holder's side, or a side the denied words charge (``accused``), in the latest earlier
    sentence that holds such a charge (the claimants: "ونفت موسكو تلك الاتهامات" after a
    sentence in which Washington and Paris accuse Moscow rejects both), else the latest
    other side that spoke that is not charged.

    A claimant of the holder's own side counts only against another side: Trump denying a
    collusion with Moscow that US agencies charged rejects a US claim (docs/stance-notes.md, round 10)."""
    charged = accused | {holder_side}
    found: list[str] = []
    charge_sentence = None
    for target_side, accuser, sentence in reversed(ctx.accusers):
        if charge_sentence is not None and sentence != charge_sentence:
            break
        if target_side in charged and accuser not in NO_TARGET_SIDES and accuser != target_side \
                and accuser not in allies and (accuser != holder_side or target_side != holder_side) \
                and accuser not in found:
            found.append(accuser)
            charge_sentence = sentence
    if found:
        return found
    latest = _latest_speaker_side(ctx, holder_side, allies + tuple(sorted(accused)))
    return [latest] if latest is not None else []


def _latest_speaker_side(ctx: _Context, holder_side: str, allies: tuple[str, ...] = ()) -> str | None:
    for att in reversed(ctx.earlier):
        side = _value(att, "source_side", "") or ""
        if side not in NO_TARGET_SIDES and side != holder_side and side not in allies:
            return side
    return None


def _split_claimants(doc: Doc, ctx: _Context, holder: _Holder, cands: list[_Party],
                     end: int) -> tuple[list[_Party], frozenset[str]]:
    """For a cue that rejects a claim (``target=claimant``): the candidates that may be its
    target, and the sides of the accused.

    A side named at the head of the rejected words (within :data:`ACCUSED_WORDS` words of
    where they start: the holder's content, else the cue's end) is charged by them (نفى
    ترامب مزاعم ضلوع روسيا، نفت روسيا أن تكون الحكومة السورية قد استخدمت …), unless a claim
    noun comes right before it: then it made the claim (نفى خبر "سي إن إن"، الاتهامات
    البريطانية، اتهامات لندن), as do the sides joined to it by و. A side further on, or after a preposition, is a place or a
    victim of the denied act (تدخل الإمارات في الانتخابات الأمريكية), and so is every side
    when the denied act is the holder's own (its first word carries a pronoun: نفت روسيا
    تورطها …، نافيا انتقاده ماي). An accused side
    is no target anywhere in the sentence ("نددت بالتدخل الروسي … إلا أن ترمب نفى أي تواطؤ مع
    موسكو": the Russian interference is what the claim charges).
    """
    in_scope = holder.scope is not None and holder.scope[1] > end
    lo = max(end, holder.scope[0]) if in_scope else end
    hi = holder.scope[1] if in_scope else ctx.sent.end
    first = _token_index_at(ctx.tokens, lo)
    if first < len(ctx.tokens):
        head = ctx.tokens[first]
        if _own_act(doc.source(ctx.sent.part)[head.start:head.end]):
            return cands, frozenset()  # the holder's own act: the sides it names are its objects
    # a claimant, and the sides joined to it by و (الاتهامات البريطانية والأمريكية)
    claimants = {p for p in cands if _marked_by(ctx.tokens, p, ctx.claim_words)}
    # the source of an act reported in the rejected words made the claim (نفى الكرملين
    # تحذيرات أميركية وبريطانية: the warnings' two sources)
    speakers = [span for att in ctx.attributions
                if (cue := _value(att, "cue_start")) is not None and lo <= int(cue) < hi
                and (span := _source_span(att)) is not None]
    claimants.update(p for p in cands if any(_overlaps(p.start, p.end, a, b) for a, b in speakers))
    claimants.update(q for p in list(claimants) for q in _coordinated(ctx, p, cands) + _juxtaposed(ctx, p, cands))
    charged: set[str] = set()
    for p in cands:
        if not (lo <= p.start < hi) or _word_distance(ctx, lo, p.start) >= ACCUSED_WORDS or p in claimants:
            continue
        between = ctx.tokens[first:_token_index_at(ctx.tokens, p.start)]
        if [t.text for t in between] == [_FROM]:
            continue  # "لم تر أي دليل من لندن": the evidence's source makes the claim
        if not any(t.text in _PLACE_PREPOSITIONS for t in between):
            charged.add(p.side)
    return [p for p in cands if p.side not in charged], frozenset(charged)


def _own_act(word: str) -> bool:
    """Whether a word of the original text ends in a possessive pronoun (تورطها، مسؤوليته)."""
    bare = "".join(c for c in word if not unicodedata.combining(c)).rstrip("\u0640")
    return len(bare) > 3 and bare.endswith(_OWN_ACT_SUFFIXES)


# --------------------------------------------------------------------------- units
def _unit(doc: Doc, ctx: _Context, holder: str, holder_side: str, target_side: str,
          entry: StanceCue, ev_start: int, ev_end: int, cue: str) -> dict:
    return {
        "article_id": doc.article_id, "sent_id": ctx.sent.sent_id, "part": ctx.sent.part,
        "holder": holder, "holder_side": holder_side, "target_side": target_side,
        "polarity": entry.polarity, "kind": entry.kind,
        "evidence_start": ev_start, "evidence_end": ev_end, "cue": cue,
        _ACCUSATION: entry.kind == "blame" and entry.form_type == "act_noun" and entry.target != "agent",
    }


def _modifies_cue(ctx: _Context, party: _Party, cue_end: int) -> bool:
    """A nisba adjective is a party only right after the cue (التعاون الروسي الأمريكي)."""
    between = [p for p in ctx.parties if cue_end <= p.start < party.start]
    return party.start >= cue_end and _word_distance(ctx, cue_end, party.start) <= len(between)


def _cooperation_units(doc: Doc, ctx: _Context, hit: _Hit, start: int, end: int, cue: str) -> list[dict]:
    """Narrated cooperation: every party near the cue towards every other party."""
    near = [p for p in ctx.parties if p.side not in NO_TARGET_SIDES
            and _word_distance(ctx, p.start if p.start >= end else p.end, end if p.start >= end else start) <= PARTY_WINDOW
            and not _marked_by(ctx.tokens, p, ctx.topic_words | ctx.place_words)
            and not _overlaps(p.start, p.end, start, end)
            and not _after_relative(ctx, end, p)
            and (p.via != "adjective" or _modifies_cue(ctx, p, end))
            and not _CLAUSE_BREAK_RE.search(doc.source(ctx.sent.part), min(p.end, end), max(p.start, start))]
    between = _between_parties(ctx, hit, near)
    if between:
        near = between
    units = []
    sides = {p.side for p in near}
    if len(sides) < 2:
        return units
    for holder in near:
        if _marked_by(ctx.tokens, holder, ctx.partner_words):
            continue  # "مع واشنطن": the partner receives, it does not act
        for target in near:
            if target.side == holder.side:
                continue
            ev_start = min(start, holder.start, target.start)
            ev_end = max(end, holder.end, target.end)
            units.append(_unit(doc, ctx, holder.actor_id, holder.side, target.side, hit.entry, ev_start, ev_end, cue))
    return units


def _between_parties(ctx: _Context, hit: _Hit, near: list[_Party]) -> list[_Party]:
    """The parties of "… بين X و Y" right after the cue (التعاون بين تركيا وروسيا): only they
    cooperate, not the other sides of the clause."""
    tokens = ctx.tokens
    for i in range(hit.last + 1, min(len(tokens), hit.last + 3)):
        if tokens[i].text in ctx.between_words:
            first = [p for p in near if p.start >= tokens[i].end and _word_distance(ctx, tokens[i].end, p.start) == 0]
            if not first:
                return []
            head = min(first, key=lambda p: p.start)
            return [head] + _coordinated(ctx, head, near)
    return []


def _is_negated(ctx: _Context, hit: _Hit) -> bool:
    """Whether a negator stands shortly before the cue (لم ينتقد، عدم وجود تنسيق).

    "لا يزال" (still) and "لا سيما" (especially) negate nothing.
    """
    tokens = ctx.tokens
    for i in range(max(0, hit.first - NEGATION_WINDOW), hit.first):
        word = tokens[i].text
        if word not in ctx.negators and not (word[:1] in CONJUNCTIONS and word[1:] in ctx.negators):
            continue
        follower = tokens[i + 1].text
        if follower in ctx.negation_breakers:
            continue
        return True
    return False


def _is_definite(token: str) -> bool:
    """Whether a normalised noun carries the article (الاتفاق، بالاتفاق، والاتفاق، للاتفاق).

    Examples
    --------
    >>> _is_definite("بالاتفاق"), _is_definite("لاتفاق"), _is_definite("للاتفاق")
    (True, False, True)
    """
    token = strip_conjunction(token)
    if token.startswith("لل"):
        return True
    if token[:1] in PREPOSITIONS and token[1:3] == "ال":
        token = token[1:]
    return token.startswith("ال")


_QUOTES = "\"«“”'"


def _names_known_deal(doc: Doc, ctx: _Context, hit: _Hit) -> bool:
    """Whether an indefinite cue is the head of a deal's name: a year (اتفاق 2015) or a
    quoted name (اتفاق "خفض التصعيد") right after it names a known deal, as the article
    does (الاتفاق النووي); it frames no cooperation."""
    k = hit.last + 1
    if k >= len(ctx.tokens):
        return False
    nxt = ctx.tokens[k]
    if nxt.text.isdigit():
        return True
    gap = doc.source(ctx.sent.part)[ctx.tokens[hit.last].end:nxt.start]
    # an opening quote (after a space), not the closing one of a quoted cue ("أسوأ اتفاق")
    return gap[:1].isspace() and any(q in gap for q in _QUOTES)


#: Words of leaving or breaking a deal (انسحاب أميركا من اتفاق إيران، مزق اتفاقا، خرقا لاتفاق):
#: the deal they govern is no cooperation of the one who leaves it (docs/stance-notes.md, deals left).
_LEAVING_WORDS = frozenset(normalize(w) for w in (
    "انسحاب", "الانسحاب", "انسحابها", "انسحابه", "انسحابهم", "انسحب",
    "انسحبت", "ينسحب", "تنسحب", "ستنسحب", "سينسحب", "انسحبا", "انسحبوا", "الخروج", "خروج",
    "خروجها", "خروجه", "مزق", "مزقت", "يمزق", "تمزيق", "خرق", "خرقا", "انتهاك", "انتهاكا",
    "إلغاء", "ألغى", "ألغت", "نقض", "تنصل", "التنصل"))


#: What a leaving word may carry in front: a conjunction and the preposition ب or ل of a
#: verbal noun (وهدد بإلغاء اتفاق، سعيا لتمزيق اتفاق، تهدد بالانسحاب، للانسحاب: ل + ال with
#: the alef dropped), nothing else glued on.
_LEAVING_PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "لل", "ولل"})


def _deal_left(ctx: _Context, hit: _Hit) -> bool:
    """Whether an indefinite deal is the object of leaving or breaking it: a leaving word
    within three words before it (انسحاب أميركا من اتفاق، تهدد بالانسحاب من اتفاق، مزق
    اتفاقا، خرقا لاتفاق). It names the deal; no one cooperates in it here."""
    tokens = ctx.tokens
    return any(stem in _LEAVING_WORDS
               for i in range(max(0, hit.first - DEAL_LEAVING_WORDS), hit.first)
               for stem in strip_prefix(tokens[i].text, _LEAVING_PREFIXES))


#: Words before an indefinite deal within which a leaving word makes it no cooperation.
DEAL_LEAVING_WORDS = 3


def _agent(ctx: _Context, start: int, end: int) -> _Party | None:
    """The doer of an act: the mention right after the cue (التدخل الروسي، تدخل موسكو),
    else one shortly before it (روسيا لم تتدخل، روسيا مسؤولة عن)."""
    after = [p for p in ctx.parties if p.start >= end and _word_distance(ctx, end, p.start) < AGENT_AFTER]
    if after:
        return min(after, key=lambda p: p.start)
    before = [p for p in ctx.parties if p.end <= start and _word_distance(ctx, p.end, start) <= AGENT_BEFORE]
    return max(before, key=lambda p: p.end) if before else None


def _after_relative(ctx: _Context, end: int, party: _Party) -> bool:
    """Whether a relative pronoun stands between the cue and a later party
    ("اتفاق … يقوض الحلف الذي تقوده الولايات المتحدة": the US is no party of the deal)."""
    if party.start < end:
        return False
    i = bisect_left(ctx.relative_starts, end)
    return i < len(ctx.relative_starts) and ctx.relative_starts[i] < party.start


def _partner_is_no_side(ctx: _Context, hit: _Hit) -> bool:
    """A cooperation cue followed by مع whose object is no side (تتعاون مع التحقيقات)."""
    tokens = ctx.tokens
    for i in range(hit.last + 1, min(len(tokens) - 1, hit.last + 3)):
        if tokens[i].text in ctx.partner_words:
            nxt = tokens[i + 1]
            return not any(p.start <= nxt.start < p.end or nxt.start <= p.start < nxt.end for p in ctx.parties)
    return False


def _coordinated(ctx: _Context, target: _Party, cands: list[_Party]) -> list[_Party]:
    """Targets joined to ``target`` by و (تتهم موسكو ودمشق): each is a target of its own."""
    out, last = [], target
    for p in sorted(cands, key=lambda c: c.start):
        if p.start <= last.start or p.side == last.side:
            continue
        i = _token_index_at(ctx.tokens, p.start)
        if i < len(ctx.tokens) and ctx.tokens[i].text[:1] == "و" and ctx.tokens[i].start < p.start \
                and _word_distance(ctx, last.end, ctx.tokens[i].start) == 0:  # و is a clitic before the mention, not its letter
            out.append(p)
            last = p
    return out


def _juxtaposed(ctx: _Context, party: _Party, cands: list[_Party]) -> list[_Party]:
    """Nisbas side by side after a claim noun's nisba (اتهامات بريطانية أميركية): each made
    the claim. Only for claimants: elsewhere two nisbas side by side are often one compound
    adjective (قرار أمريكي روسي، الاتفاق الروسي التركي) that names no two parties."""
    out, last = [], party
    for p in sorted(cands, key=lambda c: c.start):
        if p.start > last.start and p.side != last.side and last.via == "adjective" and p.via == "adjective" \
                and _word_distance(ctx, last.end, p.start) == 0:
            out.append(p)
            last = p
    return out


def _genitive_threatener(ctx: _Context, hit: _Hit, start: int, end: int, att: dict | None) -> _Party | None:
    """The side right after a threat noun is the one who threatens ("تهديدات ترامب",
    "تهديدات مسؤولين روس"), unless the noun is the reporting cue itself."""
    if hit.entry.kind != "threat" or hit.entry.form_type != "act_noun":
        return None
    if att is not None and _overlaps(start, end, _value(att, "cue_start"), _value(att, "cue_end")):
        return None
    after = [p for p in ctx.parties if p.start >= end and p.side not in NO_TARGET_SIDES
             and _word_distance(ctx, end, p.start) == 0]
    return min(after, key=lambda p: p.start) if after else None


#: Words of a reply (ردت على اتهام لندن): the side after the accusation noun is then its author.
_REPLY_WORDS = frozenset({"رد", "ردا", "ردت", "يرد", "ترد", "ردود", "وردت", "ورد", "وردا"})


def _accused_genitive(doc: Doc, ctx: _Context, hit: _Hit, start: int, end: int) -> list[_Party]:
    """The side right after a verbal noun whose lexicon row has ``target=object`` is its
    object, the accused ("اتهام موسكو بالتدخل" = Moscow is accused; "لمعاقبة بكين";
    "إدانة إيران"), unless a second side follows it ("اتهام لندن لموسكو": the first
    accuses the second), the noun carries the article or a pronoun (الاتهام، اتهامها), or
    it answers a reply ("ترد على اتهام لندن"). Returns the accused and the sides
    co-ordinated with it (empty when the rule does not apply)."""
    entry, tokens = hit.entry, ctx.tokens
    if entry.target != "object" or hit.first != hit.last:
        return []
    word = tokens[hit.first].text
    if not word.endswith(entry.words[0]) or _is_definite(word):
        return []
    if any(t.text in _REPLY_WORDS for t in tokens[max(0, hit.first - 3):hit.first]):
        return []
    after = [p for p in ctx.parties if p.start >= end and _word_distance(ctx, end, p.start) == 0]
    if not after:
        return []
    gen = min(after, key=lambda p: p.start)
    if gen.side in NO_TARGET_SIDES or gen.via == "adjective":
        return []
    nxt = _token_index_at(tokens, gen.end - 1) + 1  # the word after the genitive
    if nxt < len(tokens) and any(p.side not in NO_TARGET_SIDES and p.side != gen.side
                                 and tokens[nxt].start <= p.start < tokens[nxt].end for p in ctx.parties):
        return []  # اتهام لندن لموسكو: the genitive accuses the next side
    if _charged_later(doc, ctx, gen):
        return []  # اتهام الولايات المتحدة 12 ضابط استخبارات روسيا بقرصنة: the genitive accuses
    return [gen] + _coordinated(ctx, gen, [p for p in ctx.parties if p.side not in NO_TARGET_SIDES])


#: Words after the genitive of an accusation noun in which another side, right before the
#: charge (a word opening with بـ), is the accused and the genitive the accuser.
CHARGED_WORDS = 4


def _charged_later(doc: Doc, ctx: _Context, gen: _Party) -> bool:
    """Whether a side other than the genitive's stands within :data:`CHARGED_WORDS` words
    after it, right before a charge opening with بـ (بقرصنة، بالتدخل): then that side is the
    accused and the genitive the accuser (codebook §4: accuser and accused)."""
    tokens, text = ctx.tokens, doc.source(ctx.sent.part)
    for p in ctx.parties:
        if p.side in NO_TARGET_SIDES or p.side == gen.side or p.start < gen.end \
                or _word_distance(ctx, gen.end, p.start) > CHARGED_WORDS:
            continue
        after = _token_index_at(tokens, p.end - 1) + 1
        if after < len(tokens) and tokens[after].text.startswith("ب") and len(tokens[after].text) > 3 \
                and not _CLAUSE_BREAK_RE.search(text, gen.end, p.start):
            return True
    return False


def _accusation_units(doc: Doc, ctx: _Context, hit: _Hit, accused: list[_Party], att: dict | None,
                      start: int, end: int, ev_end: int, cue: str) -> list[dict] | None:
    """Units of an accusation noun whose genitive is the accused: the holder is the
    attribution's source, else a side right before the noun (دفع بكين إلى اتهام واشنطن);
    with neither, no unit (an accusation whose accuser is not found is no evaluation by the
    writer: stance notes round 12). None when the holder is on the accused's side ("اتهام
    روسيا ليس له أساس" said by Moscow rejects the charge: the ordinary rules code that)."""
    if att is not None:
        holder = _attribution_holder(att, start, end)
    else:
        text = doc.source(ctx.sent.part)
        before = [p for p in ctx.parties if p.end <= start and p.side not in NO_TARGET_SIDES and p.via != "adjective"
                  and _word_distance(ctx, p.end, start) < SUBJECT_BEFORE
                  and not _CLAUSE_BREAK_RE.search(text, p.end, start)]
        if not before:
            return []
        subj = max(before, key=lambda p: p.end)
        holder = _Holder(subj.actor_id, subj.side, ((start, end),))
    if any(t.side == holder.side for t in accused):
        return None
    ev_end = max(ev_end, accused[-1].end)
    return [_unit(doc, ctx, holder.actor_id, holder.side, t.side, hit.entry, start, ev_end, cue) for t in accused]


def _joint_subjects(ctx: _Context, start: int, end: int) -> list[_Party]:
    """The co-ordinated subject of a cooperation verb when it joins several sides
    ("اتفق بوتين ونظيره الفرنسي ماكرون", "بوتين وماكرون اتفقا"); empty otherwise."""
    subj = _subject(ctx, start, end)
    if subj is None or subj.side in NO_TARGET_SIDES:
        return []
    named = [p for p in ctx.parties if p.side not in NO_TARGET_SIDES]
    group = [subj] + _coordinated(ctx, subj, named)
    if subj.end <= start:  # SVO: walk back over "X و" before the subject
        first = subj
        while True:
            i = _token_index_at(ctx.tokens, first.start)
            tok = ctx.tokens[i] if i < len(ctx.tokens) else None
            if tok is None or tok.text[:1] != "و" or tok.start >= first.start:
                break
            prev = [p for p in named if p.end <= tok.start and _word_distance(ctx, p.end, tok.start) == 0]
            if not prev:
                break
            first = max(prev, key=lambda p: p.end)
            group.insert(0, first)
    if len({p.side for p in group}) < 2:
        return []
    return group


def _has_partner(ctx: _Context, hit: _Hit) -> bool:
    """Whether مع and a side follow the cue within three words (اتفقت روسيا مع تركيا)."""
    tokens = ctx.tokens
    for i in range(hit.last + 1, min(len(tokens) - 1, hit.last + 4)):
        if tokens[i].text in ctx.partner_words:
            nxt = tokens[i + 1]
            return any(p.side not in NO_TARGET_SIDES and (p.start <= nxt.start < p.end or nxt.start <= p.start < nxt.end)
                       for p in ctx.parties)
    return False


def _mutual_units(doc: Doc, ctx: _Context, hit: _Hit, group: list[_Party], start: int, ev_end: int,
                  cue: str) -> list[dict]:
    """Each side of a joint subject towards each other side (co-holders of an agreement
    are each other's targets, not a third side's)."""
    ev_start = min([start] + [p.start for p in group])
    ev_end = max([ev_end] + [p.end for p in group])
    return [_unit(doc, ctx, h.actor_id, h.side, t.side, hit.entry, ev_start, ev_end, cue)
            for h in group for t in group if t.side != h.side]


@dataclass(frozen=True)
class _Holder:
    actor_id: str
    side: str
    exclude: tuple[tuple[int, int], ...]
    scope: tuple[int, int] | None = None
    attribution: dict | None = None
    allies: tuple[str, ...] = ()  # sides of sources that share the cue (no anaphoric target)


def _source_span(att: dict) -> tuple[int, int] | None:
    """The source mention's span when it lies in the string of the attribution's sentence.

    A source named in the title can speak in a body sentence (``source_part``): its title
    offsets say nothing about the words of the body.
    """
    start, end = _value(att, "source_start"), _value(att, "source_end")
    if start is None or end is None:
        return None
    if string_of(_value(att, "source_part", _value(att, "part"))) != string_of(_value(att, "part")):
        return None
    return int(start), int(end)


def _attribution_holder(att: dict, start: int, end: int) -> _Holder:
    src = _source_span(att)
    exclude = [(start, end)] + ([src] if src is not None else [])
    scope = (int(att["content_start"]), int(att["content_end"])) if _value(att, "content_start") is not None else None
    return _Holder(str(att.get("source_actor_id") or "unknown"), str(_value(att, "source_side", "") or ""),
                   tuple(exclude), scope, att)


def _co_sources(ctx: _Context, att: dict) -> list[dict]:
    """The other sources of the same reporting cue ("تنفي سوريا وروسيا": two attributions, one cue).

    They speak together: neither is the other's target.
    """
    cue_start = _value(att, "cue_start")
    if cue_start is None:
        return []
    return [a for a in ctx.attributions if a is not att and _value(a, "cue_start") == cue_start
            and _value(a, "source_start") is not None]


def _joint_holder(att: dict, group: list[dict], start: int, end: int) -> _Holder:
    """The holder of one of several sources of one cue: the others' spans and sides are no targets."""
    own = _attribution_holder(att, start, end)
    spans = tuple(span for a in group if a is not att and (span := _source_span(a)) is not None)
    allies = tuple(str(_value(a, "source_side", "") or "") for a in group)
    return replace(own, exclude=own.exclude + spans, allies=allies)


def _denial_end(ctx: _Context, entry: StanceCue, att: dict, start: int, end: int, ev_end: int) -> int:
    """A denial by a reporting verb includes the rejected content (when it ends in the sentence)."""
    if entry.kind == "denial" and _overlaps(start, end, _value(att, "cue_start"), _value(att, "cue_end")) \
            and _value(att, "content_start") is not None and int(att["content_end"]) <= ctx.sent.end:
        return max(ev_end, int(att["content_end"]))
    return ev_end


def _agent_units(doc: Doc, ctx: _Context, hit: _Hit, holder: _Holder, start: int, end: int, ev_end: int,
                 cue: str) -> list[dict]:
    """An act whose doer is the target (docs/codebook.md §4 blame: "روسيا مسؤولة عن تسميم").

    Said by another side it is blame (or criticism) of the doer; negated by the doer's own
    side ("روسيا لم تتدخل قط") it rejects the charge: a denial of the side that makes it.
    """
    agent = _agent(ctx, start, end)
    if agent is None or agent.side in NO_TARGET_SIDES or not holder.side:
        return []
    ev_start, ev_end = min(start, agent.start), max(ev_end, agent.end)
    if not _is_negated(ctx, hit):
        if agent.side == holder.side:
            return []
        return [_unit(doc, ctx, holder.actor_id, holder.side, agent.side, hit.entry, ev_start, ev_end, cue)]
    if agent.side != holder.side:
        return []
    others = _target_candidates(ctx, holder.side, list(holder.exclude) + [(agent.start, agent.end)])
    target = _nearest(others, start, end)
    target_sides = [target.side] if target is not None else _anaphoric_sides(ctx, holder.side)
    denial = replace(hit.entry, kind="denial", polarity="negative")
    return [_unit(doc, ctx, holder.actor_id, holder.side, t, denial, ev_start, ev_end, cue) for t in target_sides]


#: Words after a ``target=on`` cue in which على opens its target (عقوبات اقتصادية جديدة على إيران).
ON_WINDOW = 4
_ON = normalize("على")


def _sanction_units(doc: Doc, ctx: _Context, hit: _Hit, att: dict | None, start: int, end: int,
                    ev_end: int, cue: str) -> list[dict] | None:
    """Units of a ``target=on`` cue (sanctions): the side after على is the target
    ("عقوبات على إيران"), a nisba right after the noun its holder when the act is narrated
    ("تواجه إيران عقوبات أميركية بسبب": us -> iran, not iran -> us); said in an attribution,
    the source holds it. None when no side follows على (the ordinary rules apply); no unit
    when holder and target are one side (a side's reply to sanctions on itself) or when no
    imposing side is found (round 12: an action with no actor is not the writer's)."""
    tokens = ctx.tokens
    target = None
    for i in range(hit.last + 1, min(len(tokens) - 1, hit.last + 1 + ON_WINDOW)):
        if tokens[i].text == _ON:
            nxt = tokens[i + 1]
            found = [p for p in ctx.parties if p.side not in NO_TARGET_SIDES and p.start < nxt.end and nxt.start < p.end]
            target = min(found, key=lambda p: p.start) if found else None
            break
    limit = target.start if target is not None else ctx.sent.end
    adjective = [p for p in ctx.parties if p.via == "adjective" and p.side not in NO_TARGET_SIDES
                 and end <= p.start < limit and _word_distance(ctx, end, p.start) <= 1]
    if target is None:
        if att is None and adjective:  # "تواجه إيران عقوبات أميركية بسبب …": the nisba sanctions
            holder = _Holder(adjective[0].actor_id, adjective[0].side, ((start, end), (adjective[0].start, adjective[0].end)))
            return _units_from_holder(doc, ctx, hit, holder, start, end, ev_end, cue)
        return None
    if att is not None:
        holder = _attribution_holder(att, start, end)
    elif adjective:
        holder = _Holder(adjective[0].actor_id, adjective[0].side, ((start, end),))
    else:
        subj = _subject(ctx, start, end)
        if subj is None or subj is target:
            return []  # sanctions imposed by nobody named: an action with no actor found (round 12)
        holder = _Holder(subj.actor_id, subj.side, ((start, end),))
    targets = [target] + _coordinated(ctx, target, [p for p in ctx.parties if p.side not in NO_TARGET_SIDES])
    return [_unit(doc, ctx, holder.actor_id, holder.side, t.side, hit.entry, start, max(ev_end, t.end), cue)
            for t in targets if t.side != holder.side]


def _blocked(ctx: _Context, hit: _Hit) -> bool:
    """Whether a blocker (داعش، التعليق …) stands within a few words after the cue, not
    counting a subject mention right after it ("رفضت وزارة الدفاع الأمريكية التعليق")."""
    tokens, k = ctx.tokens, hit.last + 1
    subject = next((p for p in ctx.parties if k < len(tokens) and p.start <= tokens[k].conj_end < p.end), None)
    if subject is not None:
        while k < len(tokens) and tokens[k].start < subject.end:
            k += 1
    return any(t.start in ctx.blocked_starts for t in tokens[k:k + BLOCKER_WINDOW]) \
        or any(t.start in ctx.blocked_starts for t in tokens[hit.last + 1:hit.last + 1 + BLOCKER_WINDOW])


def _units_for_hit(doc: Doc, ctx: _Context, hit: _Hit) -> list[dict]:
    entry, tokens = hit.entry, ctx.tokens
    first = tokens[hit.first]
    start, end = first.start, tokens[hit.last].end
    if first.text[:1] in CONJUNCTIONS and not entry.words[0].startswith(first.text[:1]):
        start = first.conj_end  # the conjunction is not part of the evidence
    cue = doc.source(ctx.sent.part)[start:end]
    ev_end = end
    if entry.requires:
        j = _find_required(tokens, hit)
        if j is None:
            return []
        ev_end = tokens[j].end
    if _blocked(ctx, hit):
        return []
    if entry.kind == "cooperation" and _partner_is_no_side(ctx, hit):
        return []
    if entry.context == "indefinite" and (_is_definite(first.text) or _names_known_deal(doc, ctx, hit)
                                          or _deal_left(ctx, hit)):
        return []

    if entry.kind == "cooperation" and entry.form_type == "verb":
        joint = _joint_subjects(ctx, start, end)
        if joint:
            return [] if _is_negated(ctx, hit) else _mutual_units(doc, ctx, hit, joint, start, ev_end, cue)
        if entry.context == "joint" and not _has_partner(ctx, hit):
            return []  # اتفق alone: agreeing with a view, or a third side nearby is no partner
    att = _holder_from_attributions(ctx, start, end)
    if att is not None and entry.kind == "blame" and entry.form_type != "verb" \
            and _value(att, "cue_lemma") in _CLAIM_DENIAL_LEMMAS \
            and not _overlaps(start, end, _value(att, "cue_start"), _value(att, "cue_end")):
        return []  # a charge in the words a source denies is not the source's charge (نفى مزاعم ضلوع روسيا)
    threatener = _genitive_threatener(ctx, hit, start, end, att)
    if threatener is not None:
        att = None
    accused = _accused_genitive(doc, ctx, hit, start, end)
    if accused and not (att is not None and _overlaps(start, end, _value(att, "cue_start"), _value(att, "cue_end"))) \
            and not _is_negated(ctx, hit):
        units = _accusation_units(doc, ctx, hit, accused, att, start, end, ev_end, cue)
        if units is not None:
            return units
    if entry.target == "agent":
        if att is None:
            return []  # a narrated act names no evaluation by anyone
        return _agent_units(doc, ctx, hit, _attribution_holder(att, start, end), start, end, ev_end, cue)
    negated = _is_negated(ctx, hit)
    if negated and entry.polarity == "positive" and entry.context != "negated" \
            and any(tokens[i].text in ctx.flip_words for i in range(max(0, hit.first - NEGATION_WINDOW), hit.first)):
        # negation flips a positive evaluation (ليست حليفتنا، لا نثق في واشنطن: criticism)
        entry = replace(entry, kind="criticism", polarity="negative")
        hit = hit._replace(entry=entry)
    elif (entry.context == "negated") != negated:
        return []  # لم ينتقد، عدم وجود تنسيق: nothing is evaluated; "الأدلة" alone rejects nothing
    if entry.target == "on" and not negated:
        units = _sanction_units(doc, ctx, hit, att, start, end, ev_end, cue)
        if units is not None:
            return units
    if att is not None:
        co_sources = _co_sources(ctx, att)
        if co_sources:
            return [u for a in [att] + co_sources
                    for u in _units_from_holder(doc, ctx, hit, _joint_holder(a, [att] + co_sources, start, end),
                                                start, end, _denial_end(ctx, entry, a, start, end, ev_end), cue)]
        holder = _attribution_holder(att, start, end)
        if entry.kind == "denial" and _overlaps(start, end, _value(att, "cue_start"), _value(att, "cue_end")) \
                and holder.scope is not None and holder.scope[1] <= ctx.sent.end:
            ev_end = max(ev_end, holder.scope[1])
    elif threatener is not None:
        holder = _Holder(threatener.actor_id, threatener.side, ((start, end), (threatener.start, threatener.end)))
    elif entry.kind == "cooperation" and entry.form_type != "verb":
        return _cooperation_units(doc, ctx, hit, start, end, cue)
    elif entry.form_type in ("verb", "act_noun"):
        possessed = entry.form_type == "act_noun" and _possessed(doc, ctx, hit)
        subj = _possessor(doc, ctx, start) if possessed else _subject(ctx, start, end)
        if subj is None:
            if entry.kind == "cooperation":
                return _cooperation_units(doc, ctx, hit, start, end, cue)
            # "انتقاداتهم": someone's act; and an act whose actor is not found is no
            # evaluation by the writer either (round 12)
            return []
        else:
            co_holders = _coordinated(ctx, subj, ctx.parties)
            return [u for h in [subj] + co_holders
                    for u in _units_from_holder(doc, ctx, hit, _Holder(
                        h.actor_id, h.side, tuple((p.start, p.end) for p in [subj] + co_holders) + ((start, end),)),
                        start, end, ev_end, cue)]
    else:
        holder = _Holder("author", "", ((start, end),))
    return _units_from_holder(doc, ctx, hit, holder, start, end, ev_end, cue)


def _units_from_holder(doc: Doc, ctx: _Context, hit: _Hit, holder: _Holder, start: int, end: int,
                       ev_end: int, cue: str) -> list[dict]:
    """The units of a cue once its holder is known: one per target (the nearest, and those
    co-ordinated with it); a denial without a target in the sentence rejects the claim of
    the latest other side that spoke before."""
    entry = hit.entry

    cands = _target_candidates(ctx, holder.side, list(holder.exclude))
    accused: frozenset[str] = frozenset()
    if entry.target == "claimant":
        cands, accused = _split_claimants(doc, ctx, holder, cands, end)
    if entry.kind == "cooperation":
        cands = [p for p in cands if not _after_relative(ctx, end, p)
                 and not _marked_by(ctx.tokens, p, ctx.place_words)]
    if entry.kind != "threat":
        # "ضد سوريا" after an evaluated act names its victim, not the side evaluated
        cands = [p for p in cands if not _marked_by(ctx.tokens, p, ctx.victim_words)]
    same_side: list[dict] = []
    if entry.form_type == "verb" and entry.kind in _SAME_SIDE_KINDS and entry.target not in ("claimant", "object") \
            and not entry.words[0].lstrip("وف").startswith(_ATTACK_VERBS) \
            and (own := _same_side_object(doc.source(ctx.sent.part), ctx, holder, start, end)) is not None:
        # انتقدت … نيكي هيلي البيت الأبيض: the verb's object is an actor of the holder's own side;
        # the other sides are still found below (انتقد ترامب الكونغرس وروسيا: Russia too)
        t_end = max(ev_end, own.end) if _word_distance(ctx, end, own.start) < EVIDENCE_WINDOW else ev_end
        same_side.append(_unit(doc, ctx, holder.actor_id, holder.side, own.side, entry, start, t_end, cue))
    target = None
    att = holder.attribution
    if att is not None and entry.kind != "denial" and entry.form_type == "verb" \
            and _overlaps(start, end, _value(att, "cue_start"), _value(att, "cue_end")):
        # the reporting verb's own object ("هاجم ترامب روسيا وإيران والرئيس السوري") comes before its content
        limit = int(att["content_start"]) if _value(att, "content_start") is not None else ctx.sent.end
        target = _nearest([p for p in cands if end <= p.start and p.end <= limit
                           and _word_distance(ctx, end, p.start) < EVIDENCE_WINDOW], start, end)
    if target is None and holder.scope is not None:
        target = _nearest([p for p in cands if holder.scope[0] <= p.start and p.end <= holder.scope[1]], start, end)
    if target is None:
        target = _nearest(cands, start, end)
    if target is None:
        target_sides = _anaphoric_sides(ctx, holder.side, holder.allies, accused) if entry.kind == "denial" else []
        return same_side + [_unit(doc, ctx, holder.actor_id, holder.side, t, entry, start, ev_end, cue)
                            for t in target_sides]
    units = []
    extra = _juxtaposed(ctx, target, cands) if entry.target == "claimant" else []
    for t in [target] + _coordinated(ctx, target, cands) + extra:
        t_end = ev_end
        if t.start >= end and _word_distance(ctx, end, t.start) < EVIDENCE_WINDOW:
            t_end = max(ev_end, t.end)
        units.append(_unit(doc, ctx, holder.actor_id, holder.side, t.side, entry, start, t_end, cue))
    return same_side + units


#: Kinds whose verb may take an actor of the holder's own side as its object (codebook §4: a
#: side can evaluate itself): criticism, blame and praise.
_SAME_SIDE_KINDS = frozenset({"criticism", "blame", "praise"})
#: Words before a party that make it no direct object of the verb before it (normalised).
_OBJECT_PREPOSITIONS = frozenset(normalize(w) for w in (
    "في", "من", "على", "عن", "إلى", "مع", "ضد", "حول", "بشأن", "لدى", "عند", "تجاه", "نحو", "بين", "أمام"))


#: Verbs of attack: هاجم is criticism of a person or body and a military attack on a country
#: (ألمانيا تهاجم بولندا in a match report), so it gives no same-side unit. Normalised.
_ATTACK_VERBS = tuple(normalize(w) for w in ("هاجم", "يهاجم", "تهاجم"))


def _same_side_object(text: str, ctx: _Context, holder: _Holder, start: int, end: int) -> _Party | None:
    """The direct object of an evaluating verb when it is another actor of the holder's side.

    "انتقدت سفيرة الولايات المتحدة … نيكي هيلي البيت الأبيض" (ANT BB-internationalNews-352,
    dev round 29): the first party after the verb, past the holder when the holder is its
    subject after it, with no word, comma, preposition or attached لـ before it and not a
    nisba, is what the verb evaluates (an object with an attached بـ, as after أشاد، ندّد، رحّب,
    is not reached: the words before it must be empty, and its clitic is not). The
    holder's own mention must be the verb's subject right before or after it (a holder found
    elsewhere leaves the subject after the verb to be read as the object), and the verb must
    not carry an object pronoun (يتهمهم) nor be a verbal noun (إدانة، عن شكر …): the review of
    stance round 14. It is a same-side target when it is of the holder's side and is
    not the holder (a different actor, not the holder's own mention).
    """
    if holder.side in NO_TARGET_SIDES or holder.actor_id in ("", "author"):
        return None
    i = _token_index_at(ctx.tokens, start)
    if i >= len(ctx.tokens) or ctx.tokens[i].end > end or text[start:end].rstrip().endswith("ة"):
        return None  # يتهمهم (the verb carries its object), إدانة (a verbal noun)
    if i > 0 and (ctx.tokens[i - 1].text in _OBJECT_PREPOSITIONS or (ctx.tokens[i].start < start and
                  text[ctx.tokens[i].start:start].lstrip("وف")[:1] in ("ب", "ل"))):
        return None  # عن شكر الولايات المتحدة: a verbal noun after a preposition
    spans = [(a, b) for a, b in holder.exclude if (a, b) != (start, end)]
    after = [b for a, b in spans if a >= end and _word_distance(ctx, end, a) == 0]
    before = [a for a, b in spans if b <= start and _word_distance(ctx, b, start) == 0]
    if not after and not before:
        return None  # the holder's own mention must be the verb's subject, right before or after it
    pos = max(after) if after else end  # VSO: past the holder right after the verb
    for p in ctx.parties:
        if p.start < pos or any(_overlaps(p.start, p.end, a, b) for a, b in holder.exclude):
            continue
        if _word_distance(ctx, pos, p.start) > 0 or text[pos:p.start].strip():
            return None  # a word, or a comma (an apposition to the holder), before it
        if p.via == "adjective":
            return None  # حركة حماس الفلسطينية، الكونغرس الأميركي: the holder's own nisba
        i = _token_index_at(ctx.tokens, p.start)
        if i < len(ctx.tokens) and ctx.tokens[i].start < p.start and \
                text[ctx.tokens[i].start:p.start].lstrip("وف")[:1] == "ل":
            return None  # لترامب: governed, not the object
        if i > 0 and ctx.tokens[i - 1].text in _OBJECT_PREPOSITIONS:
            return None
        if p.side != holder.side or not p.actor_id or p.actor_id == holder.actor_id:
            return None
        return p
    return None


class _Located(NamedTuple):
    """A record of an earlier stage with its part (None when unknown) and one offset."""

    title: bool | None
    pos: int | None


#: ``_Located(*fields)`` without the Python-level ``__new__`` (one per mention and attribution).
_new_located = partial(tuple.__new__, _Located)


def _locate(record: dict, key: str) -> _Located:
    part = _value(record, "part")
    pos = _value(record, key)
    return _new_located((None if part is None else part == "title", None if pos is None else int(pos)))


def _article_parties(mentions: Iterable[dict]) -> list[tuple[_Located, _Party]]:
    """Every mention of the article as a party, with where it lies.

    The fields are read as :func:`_value` reads them; it is called only for a value that is
    not a plain string or int (a missing-value marker to test for)."""
    out = []
    for m in mentions:
        get = m.get
        part, start, actor, side, via = get("part"), get("start"), get("actor_id"), get("side"), get("via", "")
        if type(part) is not str:
            part = _value(m, "part")
        pos = start if type(start) is int else _value(m, "start")
        if type(actor) is not str:
            actor = _value(m, "actor_id")
        if type(side) is not str:
            side = _value(m, "side")
        side_or_empty = side if type(side) is str else _value(m, "side", "")
        if type(via) is not str:
            via = _value(m, "via", "")
        out.append((_new_located((None if part is None else part == "title", None if pos is None else int(pos))),
                    _new_party((str(actor or side), str(side_or_empty or ""),
                                int(m["start"]), int(m["end"]), str(via or "")))))
    return out


def _with_aliases(out: list[_Party], tokens: list[_Token], alias_hits: list[_Hit]) -> list[_Party]:
    """The parties of a sentence (in text order) with its target aliases that no mention covers."""
    if not alias_hits:
        return sorted(out, key=_party_start)
    out = list(out)
    for hit in alias_hits:
        start, end = tokens[hit.first].start, tokens[hit.last].end
        if not any(_overlaps(start, end, p.start, p.end) for p in out):
            out.append(_Party(hit.entry.side, hit.entry.side, start, end))
    return sorted(out, key=_party_start)


def _party_start(p: _Party) -> int:
    return p.start


def _is_complement(tokens: Sequence[_Token], previous: _Hit, hit: _Hit, chained: bool) -> bool:
    """An act or evaluation noun a few words after a blame cue is its charge (اتهم … بعرقلة،
    متهمة إياها بـ"انتهاك …"), and so is every further noun of the same list
    ("بمواصلة … التشهير والإهانات … والتهديدات")."""
    if hit.entry.form_type not in ("act_noun", "evaluation") or hit.first - previous.last > EVIDENCE_WINDOW:
        return False
    if chained:
        return True
    word = tokens[hit.first].text
    if (word.startswith("ب") and not hit.entry.words[0].startswith("ب")) \
            or (hit.first > 0 and tokens[hit.first - 1].text == "ب"):
        return hit.entry.form_type == "act_noun" or previous.entry.kind == "blame"
    # the charge of an accusation opens with بـ before the first cue word (بممارسة الابتزاز)
    return previous.entry.kind == "blame" and previous.entry.form_type in ("verb", "act_noun") \
        and any(t.text.startswith("ب") and len(t.text) > 3 for t in tokens[previous.last + 1:hit.first])


def _dedupe(units: list[dict]) -> list[dict]:
    """One unit per sentence × holder × target side × kind (the first evidence is kept).

    A cooperation unit goes when the same holder blames or criticises the same target in
    the sentence (the cooperation is not framed positively); an accusation noun goes when
    the same holder denies towards the same target (the accusations are the ones rejected:
    "يلقون اتهامات دون أي دليل").
    """
    kept: dict[tuple, dict] = {}
    for u in units:
        key = (u["part"] == "title", u["sent_id"], u["holder"], u["target_side"], u["kind"])
        if key not in kept:
            kept[key] = u
    by_kind: dict[str, set[tuple]] = {}
    for k in kept:
        by_kind.setdefault(k[4], set()).add(k[:4])
    negative = by_kind.get("blame", set()) | by_kind.get("criticism", set())
    denied = by_kind.get("denial", set())
    out = []
    for k, u in kept.items():
        accusation = u.pop(_ACCUSATION)
        if u["kind"] == "cooperation" and k[:4] in negative:
            continue
        if accusation and k[:4] in denied:
            continue
        out.append(u)
    return out


class _Article:
    """The mentions and attributions of one article as the sentences of :func:`find_stance`
    use them: built at its first sentence with a cue (about a quarter of the ANT articles
    have none, and skip the work)."""

    def __init__(self, doc: Doc, mentions: Sequence[dict], attributions: Sequence[dict]) -> None:
        aid = doc.article_id
        mentions = [m for m in mentions if _same_article(m, aid)]
        keyed = [(_attribution_order(a), a) for a in attributions if _same_article(a, aid)]
        keyed.sort(key=_first)  # stable: attributions with one key keep their order
        self.atts = atts = [a for _, a in keyed]
        self.att_keys = [key for key, _ in keyed]
        self.att_locs = [(a, _locate(a, "cue_start"), _locate(a, "content_start")) for a in atts]
        parties = _article_parties(mentions)
        dateline = _DATELINE_RE.match(doc.source("body"))
        if dateline:  # "دبي، الإمارات العربية المتحدة (CNN)--": the place of filing is no party
            parties = [(loc, p) for loc, p in parties if loc.title is True or p.start >= dateline.end()]
        # title or not -> (offsets, parties) of the parties that can lie in a sentence of that
        # part, by offset (a stable sort: parties at one offset keep their order)
        self._by_part: dict[bool, tuple[list[int], list[_Party]]] = {}
        for in_title in (True, False):
            found = sorted(((loc.pos, p) for loc, p in parties
                            if loc.pos is not None and (loc.title is None or loc.title == in_title)), key=_first)
            self._by_part[in_title] = ([pos for pos, _ in found], [p for _, p in found])

    def has_parties(self, sent: Sentence) -> bool:
        """Whether a mention lies in the sentence."""
        positions, _ = self._by_part[sent.part == "title"]
        i = bisect_left(positions, sent.start)
        return i < len(positions) and positions[i] < sent.end

    def parties_in(self, sent: Sentence, tokens: list[_Token], alias_hits: list[_Hit]) -> list[_Party]:
        """The parties of a sentence: the mentions that start in it (found by binary search
        in the parties by offset) and its target aliases, in text order."""
        positions, parties = self._by_part[sent.part == "title"]
        out = parties[bisect_left(positions, sent.start):bisect_left(positions, sent.end)]
        return _with_aliases(out, tokens, alias_hits)


def _first(pair: tuple) -> int:
    return pair[0]


def _same_article(record: dict, article_id: str) -> bool:
    """``_value(record, "article_id", article_id) == article_id``, without the call when the
    id is a plain string."""
    value = record.get("article_id", article_id)
    if type(value) is str:
        return value == article_id
    return _value(record, "article_id", article_id) == article_id


def _attribution_order(att: dict) -> tuple[bool, int]:
    """Text order of attributions: the title first, then the other parts by cue offset."""
    return (_value(att, "part") != "title", int(_value(att, "cue_start", 0) or 0))


def find_stance(doc: Doc, mentions: Sequence[dict], attributions: Sequence[dict],
                lexicon: StanceLexicon | None = None) -> list[dict]:
    """Find the stance units of one article (docs/codebook.md §4).

    Parameters
    ----------
    doc : Doc
        The article (:func:`analysis.text.segment.make_doc`).
    mentions : sequence of dict
        Its actor mentions (``start``, ``end``, ``actor_id``, ``side``; ``part`` when known).
    attributions : sequence of dict
        Its attributions (columns of :data:`analysis.corpus.schema.ATTRIBUTIONS`).
    lexicon : StanceLexicon, optional
        Defaults to the shipped ``stance.csv``.

    Returns
    -------
    list of dict
        One record per unit with the columns of :data:`analysis.corpus.schema.STANCE`;
        ``evidence_start``/``evidence_end`` index the original title (part ``title``) or body.

    Examples
    --------
    >>> doc = make_doc("c2", "", "رحبت موسكو بالمبادرة الأمريكية.")   # constructed
    >>> ms = [{"start": 5, "end": 10, "actor_id": "russia", "side": "russia"},
    ...       {"start": 22, "end": 31, "actor_id": "us", "side": "us"}]
    >>> [(u["holder"], u["target_side"], u["kind"], u["cue"]) for u in find_stance(doc, ms, [])]
    [('russia', 'us', 'praise', 'رحبت')]
    """
    lexicon = lexicon or load_stance_lexicon()
    units: list[dict] = []
    accusers: list[tuple[str, str, int]] = []
    part_cues: dict[bool, set[str]] = {}  # title or not -> the words of the part that can start a cue
    article = None  # the article's parties and attributions, read at its first sentence with a cue
    for n_sentence, (sent, (lo, hi)) in enumerate(zip(doc.sentences, doc.sentence_norm_spans())):
        if sent.part in SKIPPED_PARTS:
            continue  # boilerplate is not coded
        norm = doc.normalized(sent.part)
        span = norm.word_range(lo, hi)
        if span is None:  # a bound cuts a word: look the cut words up
            sent_words = set(norm.words_in(lo, hi))
            starters = lexicon.cue_words_in(sent_words)
        else:
            in_title = sent.part == "title"
            cues_here = part_cues.get(in_title)
            if cues_here is None:
                cues_here = part_cues[in_title] = lexicon.cue_words_of(set(norm.words.words))
            sent_list = norm.words.words[span[0]:span[1]]
            if cues_here.isdisjoint(sent_list):
                continue  # most sentences evaluate nobody: skip them before tokenising
            sent_words = set(sent_list)
            starters = sent_words & cues_here
        if not any(lexicon.cue_possible(w, sent_words) for w in starters):
            continue  # a cue phrase whose other words are missing
        if _READ_MORE_RE.match(doc.source(sent.part), sent.start):
            continue  # nor is a "read more" link to another article
        if article is None:
            article = _Article(doc, mentions, attributions)
        if not article.has_parties(sent) and not lexicon.may_target_without_party(sent_words):
            # no side is named here: the only unit a sentence without a party can give is
            # a denial of an earlier speaker's side (and a target alias would be a party);
            # its words are those its tokens normalise to, as for the cue test above
            continue
        atts, att_keys, att_locs = article.atts, article.att_keys, article.att_locs
        tokens = _tokenize(doc, sent, (lo, hi))
        hits = _match_lexicon(tokens, lexicon)
        # the attributions whose cue or content starts in the sentence (same part family:
        # title or the rest), tested inline: every attribution of the article is tested
        # for every sentence with a cue
        in_title, s0, s1 = sent.part == "title", sent.start, sent.end
        in_sent = [a for a, (ct, cp), (nt, np) in att_locs
                   if (cp is not None and (ct is None or ct == in_title) and s0 <= cp < s1)
                   or (np is not None and (nt is None or nt == in_title) and s0 <= np < s1)]
        earlier = atts[:bisect_left(att_keys, (sent.part != "title", sent.start))]
        aliases = [h for h in hits if h.entry.role == "target_alias"]
        blocked = {tokens[i].start for h in hits if h.entry.role == "blocker" for i in range(h.first, h.last + 1)}
        ctx = _Context(sent, tokens, article.parties_in(sent, tokens, aliases), in_sent, earlier,
                       lexicon.markers("topic_marker"), lexicon.markers("place_marker"),
                       lexicon.markers("partner_marker"), blocked, lexicon.markers("negator"),
                       lexicon.markers("negation_breaker"), lexicon.markers("relative_marker"),
                       lexicon.markers("between_marker"), lexicon.markers("victim_marker"),
                       lexicon.markers("flip_negator"), accusers, lexicon.markers("claim_marker"))
        has_denial = any(h.entry.role == "cue" and h.entry.kind == "denial" and not h.entry.context for h in hits) \
            or any(_value(a, "cue_category") == "denial" for a in in_sent)
        # a cue whose required word is missing is no cue ("رجلين يحملان الجنسية الروسية"): it
        # must not take the next act noun as its charge ("مشتبه بضلوعهما")
        cues = [h for h in hits if h.entry.role == "cue"
                and (not h.entry.requires or _find_required(tokens, h) is not None)]
        cues = _specific_readings(cues)
        chained = False
        for k, hit in enumerate(cues):
            if hit.entry.context == "denial_sentence" and not has_denial:
                continue
            chained = bool(k) and _is_complement(tokens, cues[k - 1], hit, chained)
            if chained:
                continue
            found = _units_for_hit(doc, ctx.near(hit), hit)
            units.extend(found)
            # a charge earlier in the sentence is there for a denial after it to reject
            accusers.extend((u["target_side"], u["holder_side"], n_sentence) for u in found
                            if u["polarity"] == "negative" and u["kind"] != "denial")
    return _dedupe(units)


def build_stance_table(articles: pd.DataFrame, mentions: pd.DataFrame, attributions: pd.DataFrame,
                       lexicon: StanceLexicon | None = None) -> pd.DataFrame:
    """Stance units of many articles as one table (columns of :data:`analysis.corpus.schema.STANCE`).

    Parameters
    ----------
    articles : DataFrame
        ``article_id``, ``title``, ``body``.
    mentions, attributions : DataFrame
        The tables of the earlier stages (may be empty).

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["c3"], "title": [""], "body": ["هدد بوتين واشنطن."]})  # constructed
    >>> ms = pd.DataFrame({"article_id": ["c3", "c3"], "start": [4, 10], "end": [9, 15],
    ...                    "actor_id": ["putin", "us"], "side": ["russia", "us"]})
    >>> build_stance_table(arts, ms, schema.empty_table(schema.ATTRIBUTIONS))[["holder", "kind"]].values.tolist()
    [['putin', 'threat']]
    """
    schema.check_columns(articles, ["article_id", "title", "body"], "articles")
    m_by = {k: g.to_dict("records") for k, g in mentions.groupby("article_id")} if len(mentions) else {}
    a_by = {k: g.to_dict("records") for k, g in attributions.groupby("article_id")} if len(attributions) else {}
    records: list[dict] = []
    for aid, title, body in zip(articles["article_id"], articles["title"].fillna(""), articles["body"].fillna("")):
        doc = make_doc(str(aid), str(title), str(body))
        records.extend(find_stance(doc, m_by.get(aid, []), a_by.get(aid, []), lexicon))
    if not records:
        return schema.empty_table(schema.STANCE)
    return schema.coerce_table(pd.DataFrame.from_records(records, columns=schema.STANCE), schema.STANCE)
