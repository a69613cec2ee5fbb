"""Arabic orthographic normalisation for matching, with a map back to the original text.

Each rule is a small ``str -> str`` function because each one throws information away
(a hamza, a diacritic, the distinction between ه and ة); callers choose which to apply.
:func:`normalize` composes the default set used for matching. Matching always runs on
normalised text, but every span found there is mapped back to exact offsets in the
original string with :func:`normalize_with_map`, so that evidence can be shown as the
article printed it.

Character tables live in :mod:`analysis.text.charmaps`; this module holds the logic.

Examples
--------
>>> normalize("وأكّد لافروف إنّ موسكو لن تردّ")
'واكد لافروف ان موسكو لن ترد'
>>> nt = normalize_with_map("قال بوتــين")
>>> nt.text
'قال بوتين'
>>> nt.to_original(4, 9)
(4, 11)
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import NamedTuple

from analysis.text import charmaps

__all__ = [
    "nfkc", "remove_tatweel", "remove_diacritics", "remove_controls", "fold_alef",
    "fold_alef_maqsura", "fold_ta_marbuta", "fold_hamza_carriers", "fold_persian_letters",
    "fold_digits", "fold_quotes", "space_acronym_dots", "acronym_dot", "normalize",
    "normalize_with_map", "NormalizedText", "DEFAULT_RULES", "WordIndex",
]


# --------------------------------------------------------------------------- rules
def _replacer(table: dict[str, str]):
    """A fast 1:1 replacer. Chained ``str.replace`` beats ``str.translate`` on Arabic."""
    pairs = tuple(table.items())

    def apply(text: str) -> str:
        for old, new in pairs:
            if old in text:
                text = text.replace(old, new)
        return text

    return apply


_DIACRITICS_RE = re.compile(charmaps.DIACRITICS_CLASS)
_CONTROLS_RE = re.compile(charmaps.CONTROLS_CLASS)

_fold_alef = _replacer(charmaps.ALEF_VARIANTS)
_fold_maqsura = _replacer(charmaps.ALEF_MAQSURA)
_fold_ta = _replacer(charmaps.TA_MARBUTA)
_fold_hamza = _replacer(charmaps.HAMZA_CARRIERS)
_fold_persian = _replacer(charmaps.PERSIAN_LETTERS)
_fold_digits = _replacer(charmaps.DIGITS)
_fold_quotes = _replacer(charmaps.QUOTES)


def nfkc(text: str) -> str:
    """Unicode NFKC: presentation forms (ﻻ, ﺍ …) and compatibility characters to letters."""
    return unicodedata.normalize("NFKC", text)


def remove_tatweel(text: str) -> str:
    """Delete the tatweel (kashida) U+0640 used to stretch words: بوتــين → بوتين."""
    return text.replace(charmaps.TATWEEL, "") if charmaps.TATWEEL in text else text


def remove_diacritics(text: str) -> str:
    """Delete harakat, tanwin, shadda, sukun, dagger alef and Quranic marks: حمّل → حمل."""
    return _DIACRITICS_RE.sub("", text)


def remove_controls(text: str) -> str:
    """Delete bidi marks, embeddings, isolates, zero-width characters and the BOM."""
    return _CONTROLS_RE.sub("", text)


def fold_alef(text: str) -> str:
    """Fold hamzated and madda alef forms to bare alef: أ إ آ ٱ → ا."""
    return _fold_alef(text)


def fold_alef_maqsura(text: str) -> str:
    """Fold alef maqsura to ya: ى → ي (على and علي become one form)."""
    return _fold_maqsura(text)


def fold_ta_marbuta(text: str) -> str:
    """Fold ta marbuta to ha: ة → ه (الروسية and الروسيه become one form)."""
    return _fold_ta(text)


def fold_hamza_carriers(text: str) -> str:
    """Fold hamza on waw and ya to the bare letters: ؤ → و, ئ → ي (not in the default)."""
    return _fold_hamza(text)


def fold_persian_letters(text: str) -> str:
    """Fold Persian/Urdu look-alikes common in web Arabic: ک → ك, ی → ي, ہ → ه."""
    return _fold_persian(text)


def fold_digits(text: str) -> str:
    """Fold Arabic-Indic and Persian digits to ASCII digits: ٢٠١٨ → 2018."""
    return _fold_digits(text)


def fold_quotes(text: str) -> str:
    """Fold every double-quote variant (« » “ ” „ ″ …) to ``"`` and single ones to ``'``.

    Not in the default: the direction of « and » helps to pair quotations.
    """
    return _fold_quotes(text)


#: How Arabic spells the Latin letters of an acronym (إف.بي.آي = FBI, سي.إن.إن = CNN,
#: إن.تي.في = NTV), in normalised form. Single Arabic letters join only single letters
#: (د.ب.أ = dpa, ت.غ), so "2014 م.في اليوم التالي" still ends a sentence; a web address
#: (بيت.كوم) is recognised by its كوم.
ACRONYM_LETTER_NAMES = frozenset({
    "ايه", "اي", "بي", "سي", "دي", "اف", "جي", "اتش", "ايتش", "جيه", "جاي", "كيه", "كي", "كاي",
    "ال", "ام", "ان", "او", "كيو", "ار", "اس", "تي", "يو", "في", "دبليو", "اكس", "واي", "زد",
    "زي",
})
#: Characters of an Arabic word as printed: letters (with the extended ones that
#: fold_persian_letters folds, ی ڤ ک), marks, tatweel, and the invisible controls that
#: remove_controls deletes. The splitter reads the original text and the normaliser the
#: folded one; scanning all of them keeps the two readings of a stop the same.
_ACRONYM_CHAR_RE = re.compile(
    "[\u0621-\u064a\u0671-\u06d3" + charmaps.TATWEEL + charmaps.DIACRITICS_CLASS[1:-2]
    + charmaps.CONTROLS_CLASS[1:-2] + "]")
#: A full stop with a word character of :data:`_ACRONYM_CHAR_RE` right after it: only such
#: a stop can join an acronym (:func:`acronym_dot` needs a letter after it), so the others
#: (most stops end a sentence before a space) are passed over by the regex, not in Python.
_ACRONYM_DOT_RE = re.compile(r"\.(?=" + _ACRONYM_CHAR_RE.pattern + ")")
#: Characters at most scanned on each side of a stop (a web name of up to 15 letters
#: with marks); an acronym part, once normalised, has at most five letters (دبليو).
_ACRONYM_SCAN_MAX = 20
#: Letters at most in the name before ".كوم" (a web address).
_WEB_NAME_MAX = 15


def acronym_dot(text: str, i: int) -> bool:
    """Whether the full stop at ``text[i]`` joins two parts of a dotted acronym
    (إف.بي.آي، د.ب.أ، بيت.كوم) rather than ending a sentence: the word right before it
    and the word right after it (up to the next character that is no Arabic letter, mark
    or tatweel) are both a Latin letter's name, or both a single Arabic letter, or the
    word after it is كوم.

    >>> text = "وقال مكتب إف.بي.آي إن التحقيق انتهى.وأضاف"
    >>> [acronym_dot(text, i) for i, ch in enumerate(text) if ch == "."]
    [True, True, False]
    """
    if text[i] != "." or i == 0 or i + 1 >= len(text):
        return False
    b = i + 1
    while b < len(text) and b - i <= _ACRONYM_SCAN_MAX and _ACRONYM_CHAR_RE.match(text, b):
        b += 1
    if b == i + 1 or (b < len(text) and text[b].isalnum()):
        return False  # no letters after it, or a longer word
    a = i
    while a > 0 and i - a < _ACRONYM_SCAN_MAX and _ACRONYM_CHAR_RE.match(text, a - 1):
        a -= 1
    if a == i or (a > 0 and text[a - 1].isalnum()):
        return False
    before, after = normalize(text[a:i]), normalize(text[i + 1:b])
    if not before or not after:
        return False  # marks or controls only
    if after == "كوم":
        return len(before) <= _WEB_NAME_MAX  # أمازون.كوم
    if len(before) == 1 or len(after) == 1:
        return len(before) == len(after) == 1  # د.ب.أ, but not "2014 م.في"
    return before in ACRONYM_LETTER_NAMES and after in ACRONYM_LETTER_NAMES


def space_acronym_dots(text: str) -> str:
    """Replace the full stops inside dotted acronyms by spaces, one for one, so that
    إن.بي.سي matches the lexicon's إن بي سي (see :func:`acronym_dot`).

    >>> space_acronym_dots("قالت قناة إن.بي.سي.")
    'قالت قناة إن بي سي.'
    """
    dots = [i for i in map(re.Match.start, _ACRONYM_DOT_RE.finditer(text))
            if i and _ACRONYM_CHAR_RE.match(text, i - 1) and acronym_dot(text, i)]
    if not dots:
        return text
    chars = list(text)
    for i in dots:
        chars[i] = " "
    return "".join(chars)


#: The default rules for matching, in order. NFKC comes first (it can create letters
#: the later rules fold); the one-to-one folds come last.
DEFAULT_RULES = (
    nfkc, remove_tatweel, remove_diacritics, remove_controls, fold_persian_letters,
    fold_alef, fold_alef_maqsura, fold_ta_marbuta, fold_digits, space_acronym_dots,
)

# Rules that replace one character by one character: they never move an offset.
_ONE_TO_ONE = {
    fold_alef, fold_alef_maqsura, fold_ta_marbuta, fold_hamza_carriers, fold_persian_letters,
    fold_digits, fold_quotes, space_acronym_dots,
}
# Rules that only delete characters matched by a pattern.
_DELETIONS = {
    remove_tatweel: re.compile(charmaps.TATWEEL + "+"),
    remove_diacritics: _DIACRITICS_RE,
    remove_controls: _CONTROLS_RE,
}


# What the default rules after NFKC can change: the characters they delete or fold. A text
# that NFKC leaves alone and that holds none of them is its own normal form.
_DEFAULT_CHANGES_RE = re.compile(
    "[" + charmaps.TATWEEL + charmaps.DIACRITICS_CLASS[1:-2] + charmaps.CONTROLS_CLASS[1:-2]
    + "".join(re.escape(ch) for table in (charmaps.PERSIAN_LETTERS, charmaps.ALEF_VARIANTS,
                                          charmaps.ALEF_MAQSURA, charmaps.TA_MARBUTA, charmaps.DIGITS)
              for ch in table) + ".]"
)
assert DEFAULT_RULES == (nfkc, remove_tatweel, remove_diacritics, remove_controls, fold_persian_letters,
                         fold_alef, fold_alef_maqsura, fold_ta_marbuta, fold_digits, space_acronym_dots), \
    "DEFAULT_RULES changed: update _DEFAULT_CHANGES_RE, the characters they change"


def normalize(text: str, rules=DEFAULT_RULES) -> str:
    """Apply ``rules`` in order; the default folds what Arabic spelling varies on.

    Parameters
    ----------
    text : str
        Any Unicode string.
    rules : sequence of callables
        ``str -> str`` functions of this module (or your own one-to-one rules).

    Examples
    --------
    >>> normalize("الولايات المتحدة الأميركية")
    'الولايات المتحده الاميركيه'
    """
    if rules is DEFAULT_RULES and _DEFAULT_CHANGES_RE.search(text) is None and unicodedata.is_normalized("NFKC", text):
        return text  # nothing to fold or delete (most words of a text, normalised one by one)
    for rule in rules:
        text = rule(text)
    return text


# --------------------------------------------------------------- offset-mapped form
@dataclass
class _Step:
    """How one length-changing rule moved positions.

    ``anchors`` are pairs (output position, input position) sorted by output position:
    from an anchor on, output and input advance together one to one, up to the next
    anchor. Anchors come in pairs: an even one opens a replaced cluster (every output
    character inside it maps to the cluster's first input character), the odd one after
    it closes the cluster.
    """

    out_pos: list[int]
    in_pos: list[int]
    in_len: int

    def to_input(self, i: int) -> int:
        k = bisect_right(self.out_pos, i) - 1
        if k < 0:
            return i
        if not k & 1:
            return self.in_pos[k]  # inside a replaced cluster: all of it maps to its start
        return min(self.in_pos[k] + (i - self.out_pos[k]), self.in_len)

    def to_output(self, j: int) -> int:
        """First output position whose input position is >= j (inverse, for boundaries)."""
        in_pos = self.in_pos
        k = bisect_right(in_pos, j) - 1
        if k < 0:
            return j
        out_pos = self.out_pos
        # how many output positions follow anchor k one to one before the next anchor
        gap = out_pos[k + 1] - out_pos[k] if k + 1 < len(out_pos) else 1 << 62
        return out_pos[k] + max(0, min(j - in_pos[k], gap))


def _apply_with_anchors(text: str, pattern: re.Pattern, replace) -> tuple[str, _Step | None]:
    """Replace every match of ``pattern`` by ``replace(match_text)``, recording anchors."""
    out: list[str] = []
    out_pos: list[int] = []
    in_pos: list[int] = []
    last = 0
    length = 0
    for m in pattern.finditer(text):
        a, b = m.span()
        new = replace(m.group())
        if new == m.group():
            continue
        out.append(text[last:a])
        length += a - last
        out_pos.append(length)
        in_pos.append(a)
        out.append(new)
        length += len(new)
        out_pos.append(length)
        in_pos.append(b)
        last = b
    if not out_pos:
        return text, None
    out.append(text[last:])
    return "".join(out), _Step(out_pos, in_pos, len(text))


@lru_cache(maxsize=2)
def _nfkc_pattern(compose: bool = True) -> re.Pattern:
    """Characters NFKC changes, plus Arabic letter + combining hamza/madda sequences.

    With ``compose=False`` the pattern leaves out the letter + combining hamza/madda
    branch, which can only match where U+0653–U+0655 occur; it finds the same spans in
    text without those marks, and much faster (no attempt at every alef).
    Built on first use (worker processes re-import modules; import stays cheap).
    """
    changed = []
    for cp in range(0x20, 0x30000):
        ch = chr(cp)
        if unicodedata.normalize("NFKC", ch) != ch:
            changed.append(cp)
    ranges = []
    start = prev = changed[0]
    for cp in changed[1:]:
        if cp == prev + 1:
            prev = cp
            continue
        ranges.append((start, prev))
        start = prev = cp
    ranges.append((start, prev))
    cls = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    # A letter followed by combining madda/hamza (other marks may stand between) composes
    # under NFKC (ا + ٔ → أ, و + َ + ٔ → ؤ + َ).
    marks = "\u064b-\u065f\u0670"
    changed_cluster = f"[{cls}][\u0300-\u036f{marks}]*"
    if not compose:
        return re.compile(changed_cluster)
    return re.compile(f"[{charmaps.COMPOSING_BASES}][{marks}]*[\u0653-\u0655][{marks}]*|{changed_cluster}")


#: The code points :func:`_nfkc_pattern` considers (its class covers the changed ones among them).
_NFKC_SCAN_RANGE = range(0x20, 0x30000)


def _nfkc_changes(ch: str) -> bool:
    """Whether ``ch`` is in the class of :func:`_nfkc_pattern`: NFKC changes it."""
    return ord(ch) in _NFKC_SCAN_RANGE and unicodedata.normalize("NFKC", ch) != ch


@lru_cache(maxsize=256)
def _nfkc_text_pattern(changed: frozenset[str], compose: bool) -> re.Pattern | None:
    """:func:`_nfkc_pattern` with its class cut down to ``changed``, the characters of one
    text that NFKC changes (None when nothing can match).

    It finds the same spans in that text: a character of the text is in the full class
    exactly when it is in ``changed``. The full class has thousands of ranges, many above
    U+FFFF, and a scan with it cost about 0.1 µs a character; the texts that need it are
    mostly those with a no-break space (U+00A0), about one in twenty on ANT.
    """
    marks = "\u064b-\u065f\u0670"
    branches = []
    if compose:
        branches.append(f"[{charmaps.COMPOSING_BASES}][{marks}]*[\u0653-\u0655][{marks}]*")
    if changed:
        cls = "".join(re.escape(ch) for ch in sorted(changed))
        branches.append(f"[{cls}][\u0300-\u036f{marks}]*")
    return re.compile("|".join(branches)) if branches else None


def _stable_class(blocks: tuple[tuple[int, int], ...]) -> str:
    """A regex class body of the code points of ``blocks`` (inclusive) that NFKC leaves as they are."""
    return "".join(re.escape(chr(cp)) for a, b in blocks for cp in range(a, b + 1)
                   if unicodedata.normalize("NFKC", chr(cp)) == chr(cp))


#: A character outside the printable ASCII letters and the Arabic block that NFKC leaves
#: alone (U+0675–U+0678 are not): only such characters can be in the class of
#: :func:`_nfkc_pattern`, so a text's changed characters are looked for among them.
_NFKC_CANDIDATE_RE = re.compile(f"[^\t\n\r{_stable_class(((0x20, 0x7E), (0x0600, 0x06FF)))}]")


def _nfkc_step(text: str) -> tuple[str, _Step | None]:
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text, None
    compose = "\u0653" in text or "\u0654" in text or "\u0655" in text
    changed = frozenset(filter(_nfkc_changes, set(_NFKC_CANDIDATE_RE.findall(text))))
    pattern = _nfkc_text_pattern(changed, compose)
    if pattern is None:
        return text, None  # nothing _nfkc_pattern(compose) would match in this text
    return _apply_with_anchors(text, pattern, lambda s: unicodedata.normalize("NFKC", s))


#: A word of the normalised text, as the extraction stages count words.
_WORD_RE = re.compile(r"\w+")
_WORD_SPLIT_RE = re.compile(r"(\w+)")


class WordIndex(NamedTuple):
    """The words (``\\w+`` runs) of a string with their offsets, in text order."""

    words: list[str]
    starts: list[int]
    ends: list[int]


def word_index(text: str) -> WordIndex:
    """Every ``\\w+`` word of ``text`` with its start and end, in one regex pass.

    Splitting on a captured pattern gives separators and words in turn; the running sum
    of their lengths gives every offset without a match object per word.

    Examples
    --------
    >>> word_index("قال: لن نقبل")
    WordIndex(words=['قال', 'لن', 'نقبل'], starts=[0, 5, 8], ends=[3, 7, 12])
    """
    pieces = _WORD_SPLIT_RE.split(text)
    offsets = list(accumulate(map(len, pieces)))
    return WordIndex(pieces[1::2], offsets[0:-1:2], offsets[1::2])


@dataclass
class NormalizedText:
    """A normalised string that remembers where each of its characters came from.

    Attributes
    ----------
    text : str
        The normalised text, used for matching.
    original : str
        The string as read; offsets reported to users index this string.
    """

    text: str
    original: str
    _steps: list[_Step] = field(default_factory=list, repr=False)

    @cached_property
    def words(self) -> WordIndex:
        """The ``\\w+`` words of :attr:`text` with their offsets (computed once, shared by
        the stages that count or look up words)."""
        return word_index(self.text)

    def words_in(self, start: int, end: int) -> list[str]:
        """The words of ``text[start:end]``, as ``re.findall(r"\\w+", text, start, end)``
        gives them (a word cut by a bound is cut there too).

        Examples
        --------
        >>> normalize_with_map("قال لافروف إن").words_in(2, 10)
        ['ل', 'لافروف']
        """
        found = self.word_range(start, end)
        if found is None:
            return _WORD_RE.findall(self.text, start, end)  # a bound cuts a word
        return self.words.words[found[0]:found[1]]

    def word_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Indices ``[i, j)`` in :attr:`words` of the words of ``text[start:end]``, or None
        when ``start`` or ``end`` falls inside a word.

        Examples
        --------
        >>> nt = normalize_with_map("قال لافروف إن")
        >>> nt.word_range(4, 13), nt.word_range(5, 13)
        ((1, 3), None)
        """
        _, starts, ends = self.words
        i = bisect_right(ends, start)
        j = bisect_left(starts, end)
        if i < j and (starts[i] < start or ends[j - 1] > end):
            return None
        return i, j

    @property
    def identity(self) -> bool:
        """True when no rule changed any offset (the common case)."""
        return not self._steps

    def _orig_pos(self, i: int) -> int:
        for step in reversed(self._steps):
            i = step.to_input(i)
        return i

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``[start, end)`` of :attr:`text` to a span of :attr:`original`.

        The span grows to cover characters deleted inside it and directly after its last
        character (a trailing shadda or tatweel belongs to the word), never beyond the
        next kept character.

        Examples
        --------
        >>> nt = normalize_with_map("حمّل واشنطن")
        >>> nt.to_original(0, 3)
        (0, 4)
        """
        n = len(self.text)
        if not 0 <= start <= end <= n:
            raise IndexError(f"span ({start}, {end}) outside normalised text of length {n}")
        steps = self._steps
        if not steps:
            return start, end
        # one rule moved offsets in most texts: map through it without the loop of _orig_pos
        orig_pos = steps[0].to_input if len(steps) == 1 else self._orig_pos
        o_start = orig_pos(start)
        if end == start:
            return o_start, o_start
        # Trailing deleted characters belong to the span only when they are marks or
        # tatweel attached to the word, not spaces or controls before the next one; with
        # none deleted after the last character (the common case) there is nothing to trim.
        lo = orig_pos(end - 1) + 1
        hi = orig_pos(end) if end < n else len(self.original)
        o_end = _trim_trailing_controls(self.original, lo, hi) if lo < hi else lo
        return o_start, max(o_end, o_start + 1)

    def to_normalized(self, pos: int) -> int:
        """Map an offset of :attr:`original` to the corresponding offset of :attr:`text`.

        Used to find sentence boundaries (known in the original) in the normalised text.
        """
        if not 0 <= pos <= len(self.original):
            raise IndexError(f"offset {pos} outside original text of length {len(self.original)}")
        steps = self._steps
        if not steps:
            return pos
        for step in steps:
            pos = step.to_output(pos)
        return min(pos, len(self.text))


def _trim_trailing_controls(original: str, lo: int, hi: int) -> int:
    """Keep deleted marks after a word (up to ``hi``) but drop controls that follow them."""
    j = lo
    while j < hi and charmaps.is_word_mark(original[j]):
        j += 1
    return j


def normalize_with_map(text: str, rules=DEFAULT_RULES) -> NormalizedText:
    """Normalise ``text`` and keep a map from the result back to ``text``.

    Rules must be functions of this module (or one-to-one ``str -> str`` functions you
    declare with :func:`register_one_to_one`); the output text equals
    ``normalize(text, rules)`` except that NFKC is applied per character cluster.

    Examples
    --------
    >>> nt = normalize_with_map("ولافروف: «لن نقبل»")
    >>> nt.text == "ولافروف: «لن نقبل»"
    True
    >>> nt = normalize_with_map("أكّد")
    >>> nt.text, nt.to_original(0, 3)
    ('اكد', (0, 4))
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize_with_map expects str, got {type(text).__name__}")
    steps: list[_Step] = []
    current = text
    for rule in _merge_deletions(tuple(rules)):
        if rule is nfkc:
            current, step = _nfkc_step(current)
        elif isinstance(rule, re.Pattern):
            current, step = _delete_with_anchors(current, rule)
        elif rule in _ONE_TO_ONE:
            current = rule(current)
            continue
        else:
            new = rule(current)
            if len(new) != len(current):
                raise ValueError(
                    f"rule {getattr(rule, '__name__', rule)!r} changes the text length; only "
                    "one-to-one rules or the deletion/NFKC rules of analysis.text.normalize can be "
                    "used with normalize_with_map"
                )
            current = new
            continue
        if step is not None:
            steps.append(step)
    return NormalizedText(current, text, steps)


def _delete_with_anchors(text: str, pattern: re.Pattern) -> tuple[str, _Step | None]:
    """Delete every match of ``pattern``; the anchors :func:`_apply_with_anchors` would record.

    Each deleted run ``[a, b)`` opens and closes an empty cluster at its output position
    (``a`` minus what was deleted before it).
    """
    out_pos: list[int] = []
    in_pos: list[int] = []
    kept: list[str] = []
    last = removed = 0
    for m in pattern.finditer(text):
        a, b = m.span()
        kept.append(text[last:a])
        out_pos += (a - removed, a - removed)
        in_pos += (a, b)
        removed += b - a
        last = b
    if not out_pos:
        return text, None
    kept.append(text[last:])
    return "".join(kept), _Step(out_pos, in_pos, len(text))


@lru_cache(maxsize=32)
def _merge_deletions(rules: tuple) -> tuple:
    """``rules`` with each run of consecutive deletion rules replaced by one pattern.

    Deleting characters of class A and then of class B keeps exactly the characters a
    single deletion of A ∪ B keeps, and maps every offset the same way (an output
    position maps to the original index of the character it holds; an original offset
    to the number of kept characters before it), so one pass replaces several.
    """
    out: list = []
    run: list[re.Pattern] = []
    for rule in rules + (None,):
        if rule in _DELETIONS:
            run.append(_DELETIONS[rule])
            continue
        if run:
            out.append(run[0] if len(run) == 1 else _union_pattern(run))
            run = []
        if rule is not None:
            out.append(rule)
    return tuple(out)


def _union_pattern(patterns: list[re.Pattern]) -> re.Pattern:
    """One pattern matching a run of anything the single-character-run ``patterns`` match."""
    members = []
    for p in patterns:
        body = p.pattern
        if body.startswith("[") and body.endswith("]+"):
            members.append(body[1:-2])
        elif len(body) == 2 and body.endswith("+"):
            members.append(re.escape(body[0]))
        else:  # not a plain character class: fall back to an alternation
            return re.compile("(?:" + "|".join(f"(?:{q.pattern})" for q in patterns) + ")+")
    return re.compile("[" + "".join(members) + "]+")


def register_one_to_one(rule) -> None:
    """Declare a user rule that replaces characters one for one (offsets unchanged)."""
    _ONE_TO_ONE.add(rule)
