"""The one rule for putting Arabic text into a matplotlib figure.

matplotlib 3.11 and later lay out complex scripts themselves (libraqm and HarfBuzz), so
a label must reach them in *logical* order, exactly as typed. Older releases draw one
glyph per character from left to right; there the label has to be shaped into
presentation forms and reordered into *visual* order first. :func:`arabic_label` makes
that decision once, by testing the capability rather than the version string, and is
meant for display strings only (tick labels, legends, titles, annotations). Data keys,
CSV output and anything bound for HTML, pandas or Markdown keep the logical text:
browsers shape by themselves.

See ``docs/arabic-labels.md`` for the rule, the font and how the tests prove a label right.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import matplotlib.ft2font

__all__ = [
    "RLM",
    "RESHAPER_CONFIG",
    "arabic_label",
    "has_arabic",
    "matplotlib_shapes_text",
]

#: RIGHT-TO-LEFT MARK: makes the paragraph direction RTL for a label whose first
#: strong character would otherwise be Latin.
RLM = "\u200f"

# -- character tables -------------------------------------------------------------------
# Arabic script blocks in logical (unshaped) form.
_ARABIC_LETTERS = re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u089f\u08a0-\u08ff]")
# Presentation forms A and B: text that someone already shaped for an old renderer.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
# Explicit embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Bidi classes that decide the paragraph direction, or count as "starts with a digit".
_LEADING_LTR_CLASSES = frozenset({"L", "EN"})
_LEADING_RTL_CLASSES = frozenset({"R", "AL"})

# LEFT-TO-RIGHT MARK and RIGHT-TO-LEFT MARK, removed after reordering on old matplotlib.
_DIRECTION_MARKS = {0x200E: None, 0x200F: None}

#: Configuration of the legacy reshaper (matplotlib without libraqm).
#:
#: ``delete_harakat`` is False on purpose: the reshaper's default drops every mark,
#: including the shadda, so that the cue حمّل would be drawn as حمل ("carried" rather
#: than "held responsible"). ``shift_harakat_position`` is True: reversing the string puts
#: each mark *before* its base letter, and an old renderer draws a zero-width mark over
#: the glyph to its left, so the mark has to move one place to sit on the letter it
#: belongs to (measured by the raster check on matplotlib 3.10.9). Word ligatures such as
#: the Allah ligature (U+FDF2) are switched off: they change the spelling of names
#: that merely contain the sequence; lam-alef stays on, it is obligatory in Arabic.
RESHAPER_CONFIG: dict[str, object] = {
    "language": "Arabic",
    "delete_harakat": False,
    "shift_harakat_position": True,
    "delete_tatweel": False,
    "support_ligatures": True,
    "ARABIC LIGATURE ALLAH": False,
}


def has_arabic(text: str) -> bool:
    """Whether ``text`` holds at least one Arabic-script character.

    Parameters
    ----------
    text : str
        Any string.

    Returns
    -------
    bool

    Examples
    --------
    >>> has_arabic("لافروف (Lavrov)"), has_arabic("Lavrov")
    (True, False)
    """
    return bool(_ARABIC_LETTERS.search(text)) or bool(_PRESENTATION_FORMS.search(text))


def matplotlib_shapes_text() -> bool:
    """Whether the installed matplotlib shapes and orders complex scripts itself.

    Tests the capability (a libraqm build of ``ft2font``), not the version string.

    Examples
    --------
    >>> isinstance(matplotlib_shapes_text(), bool)
    True
    """
    return hasattr(matplotlib.ft2font, "__libraqm_version__")


def _check_logical(text: str) -> None:
    """Refuse text that was already shaped or reordered for display elsewhere."""
    found = _PRESENTATION_FORMS.search(text)
    if found:
        raise ValueError(
            f"arabic_label got presentation-form character U+{ord(found.group()):04X} "
            f"at position {found.start()} of {text!r}: the text was already shaped for "
            "display elsewhere and its logical order cannot be recovered reliably. Pass the "
            "original logical string (for analysis, unicodedata.normalize('NFKC', s) "
            "turns presentation forms back into letters)."
        )
    found = _BIDI_CONTROLS.search(text)
    if found:
        raise ValueError(
            f"arabic_label got bidi control U+{ord(found.group()):04X} "
            f"({unicodedata.name(found.group())}) at position {found.start()} of {text!r}: "
            "embedding, override and isolate controls mean the text was prepared for "
            "display elsewhere. Remove them and pass the plain logical string."
        )


def _starts_left_to_right(text: str) -> bool:
    """Whether the first character that decides direction is a Latin letter or a digit."""
    for char in text:
        bidi_class = unicodedata.bidirectional(char)
        if bidi_class in _LEADING_LTR_CLASSES:
            return True
        if bidi_class in _LEADING_RTL_CLASSES:
            return False
    return False


def _escape_dollars(text: str) -> str:
    r"""Escape ``$`` so that mathtext, which never shapes, is not triggered."""
    return text.replace("$", r"\$")


@lru_cache(maxsize=1)
def _legacy_reshaper():
    from arabic_reshaper import ArabicReshaper

    return ArabicReshaper(configuration=RESHAPER_CONFIG)


def _to_visual(text: str) -> str:
    """Shape into presentation forms and reorder into visual order (old matplotlib)."""
    # The pure-Python algorithm mirrors brackets; the Rust ``bidi.get_display`` does not.
    from bidi.algorithm import get_display

    # base_dir="R": an Arabic label is a right-to-left paragraph even when it starts
    # with Latin (the legacy counterpart of the RLM prefix).
    visual = get_display(_legacy_reshaper().reshape(text), base_dir="R")
    # Directional marks have done their work in the reordering; an old renderer would
    # only look them up as glyphs.
    return visual.translate(_DIRECTION_MARKS)


def arabic_label(text: str, *, shaping: bool | None = None) -> str:
    """Prepare a display string for matplotlib so that Arabic comes out right.

    1. Text without Arabic script is returned unchanged.
    2. Text in presentation forms or with bidi embedding/override/isolate controls is
       refused with a ValueError.
    3. With a shaping matplotlib (>= 3.11) the logical string is kept; a label whose
       first strong character is a Latin letter (or which starts with a digit) gets a
       RIGHT-TO-LEFT MARK in front so that the paragraph runs right to left.
    4. With an older matplotlib the label is reshaped (:data:`RESHAPER_CONFIG`, keeping
       the shadda) and reordered with the pure-Python ``bidi.algorithm.get_display``.
    5. ``$`` is escaped last, so that no pair of dollars turns into mathtext.

    Use it at display time only, never on data keys or on text for HTML.

    Parameters
    ----------
    text : str
        The label in logical order, as typed.
    shaping : bool, optional
        Override the capability test (for tests and for explaining the legacy path);
        by default :func:`matplotlib_shapes_text` decides.

    Returns
    -------
    str
        The string to hand to matplotlib.

    Raises
    ------
    TypeError
        If ``text`` is not a string.
    ValueError
        If ``text`` holds presentation forms or bidi override/isolate controls.

    Examples
    --------
    >>> arabic_label("Russia")
    'Russia'
    >>> arabic_label("لافروف", shaping=True)
    'لافروف'
    >>> arabic_label("G7 قمة", shaping=True) == "\\u200fG7 قمة"
    True
    >>> arabic_label("كيري $5", shaping=True)
    'كيري \\\\$5'
    """
    if not isinstance(text, str):
        raise TypeError(f"arabic_label expects a str, got {type(text).__name__}: {text!r}")
    if not has_arabic(text):
        return text
    _check_logical(text)
    if shaping is None:
        shaping = matplotlib_shapes_text()
    if shaping:
        if _starts_left_to_right(text):
            text = RLM + text
    else:
        text = _to_visual(text)
    return _escape_dollars(text)
