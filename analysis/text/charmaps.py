"""Character tables for :mod:`analysis.text.normalize`: data, kept apart from the logic.

Code points are written as escapes so that the tables survive any editor.
"""

from __future__ import annotations

TATWEEL = "\u0640"

#: Harakat, tanwin, shadda, sukun, superscript alef, Quranic annotation marks and the
#: small honorific signs (U+0610–U+061A). Written as a regex character class + run.
DIACRITICS_CLASS = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]+"

#: Invisible format controls: zero-width space/joiners, LRM/RLM, ALM, bidi embeddings,
#: overrides and isolates, word joiner and invisible operators, soft hyphen, BOM.
CONTROLS_CLASS = "[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+"

#: Letters that compose with a following combining madda or hamza under NFKC.
COMPOSING_BASES = "\u0627\u0648\u064a\u06c1\u06d2\u06d5"

ALEF_VARIANTS = {
    "\u0623": "\u0627",  # أ alef with hamza above
    "\u0625": "\u0627",  # إ alef with hamza below
    "\u0622": "\u0627",  # آ alef with madda
    "\u0671": "\u0627",  # ٱ alef wasla
    "\u0672": "\u0627",  # ٲ alef with wavy hamza above
    "\u0673": "\u0627",  # ٳ alef with wavy hamza below
}

ALEF_MAQSURA = {"\u0649": "\u064a"}  # ى → ي

TA_MARBUTA = {"\u0629": "\u0647"}  # ة → ه

HAMZA_CARRIERS = {"\u0624": "\u0648", "\u0626": "\u064a"}  # ؤ → و, ئ → ي

PERSIAN_LETTERS = {
    "\u06a9": "\u0643",  # ک keheh → ك
    "\u06cc": "\u064a",  # ی farsi yeh → ي
    "\u06c1": "\u0647",  # ہ heh goal → ه
    "\u06d5": "\u0647",  # ە ae → ه
}

DIGITS = {chr(0x0660 + i): str(i) for i in range(10)}  # Arabic-Indic ٠–٩
DIGITS.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Persian ۰–۹

#: Quotation mark variants folded by fold_quotes (not part of the default normaliser).
QUOTES = {
    "\u00ab": '"', "\u00bb": '"',  # « »
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',  # “ ” „ ‟
    "\u2033": '"', "\u301d": '"', "\u301e": '"', "\uff02": '"',  # ″ 〝 〞 ＂
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",  # ‘ ’ ‚ ‛
    "\u2039": "'", "\u203a": "'",  # ‹ ›
}

_WORD_MARKS = frozenset(
    [TATWEEL, "\u0670"]
    + [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)


def is_word_mark(ch: str) -> bool:
    """True for characters that belong to the preceding letter (diacritics, tatweel)."""
    return ch in _WORD_MARKS
