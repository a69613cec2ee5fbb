"""The Arabic label rule (docs/arabic-labels.md, "The label rule").

Runs on matplotlib 3.11 (shaping) and, through .ci/legacy-labels.sh, on 3.10.9; tests that
are specific to one path pass ``shaping=`` explicitly, so both paths are checked on both.
"""

from __future__ import annotations

import matplotlib.ft2font
import pytest

from analysis.figures.labels import RESHAPER_CONFIG, RLM, arabic_label, has_arabic, matplotlib_shapes_text

# Real strings: words of the example article's title, a name and cue from the codebook.
LAVROV = "لافروف"
KERRY_YEAR = "كيري (2016)"


@pytest.fixture(scope="module")
def title_words(example_title_body):
    title, _ = example_title_body
    return [w for w in title.split() if has_arabic(w)]


def test_capability_not_version():
    assert matplotlib_shapes_text() is hasattr(matplotlib.ft2font, "__libraqm_version__")


@pytest.mark.parametrize("text", ["Russia", "G7 summit 2016", "", "Share (%)", "n=12"])
def test_text_without_arabic_is_unchanged(text):
    assert arabic_label(text) is text or arabic_label(text) == text
    assert arabic_label(text, shaping=False) == text


def test_shaping_path_returns_the_logical_string(title_words):
    assert title_words, "the example title has Arabic words"
    for word in title_words:
        assert arabic_label(word, shaping=True) == word.replace("$", r"\$")
    title = " ".join(title_words)
    assert arabic_label(title, shaping=True) == title


@pytest.mark.parametrize(("text", "expected"), [
    ("G7 قمة", RLM + "G7 قمة"),           # constructed: starts with a Latin letter
    ("2016 عام", RLM + "2016 عام"),       # constructed: starts with a digit
    ("(NATO) حلف", RLM + "(NATO) حلف"),   # constructed: first strong character is Latin
    ("روسيا (Russia)", "روسيا (Russia)"),  # starts with Arabic: no mark
    (KERRY_YEAR, KERRY_YEAR),
])
def test_rlm_prefix_only_when_label_starts_left_to_right(text, expected):
    assert arabic_label(text, shaping=True) == expected


@pytest.mark.parametrize(("shaping", "expected"), [(True, r"كيري \$5 و \$10"), (False, None)])
def test_dollars_are_escaped(shaping, expected):
    out = arabic_label("كيري $5 و $10", shaping=shaping)  # constructed
    assert out.count(r"\$") == 2 and out.count("$") == 2
    if expected is not None:
        assert out == expected


def test_legacy_path_shapes_and_reverses():
    out = arabic_label(LAVROV, shaping=False)
    # Visual order: feh isolated, waw isolated, reh final, feh initial, lam-alef ligature.
    assert out == "\ufed1\ufeed\ufeae\ufed3\ufefb"
    assert all(0xFE70 <= ord(c) <= 0xFEFF for c in out)


def test_legacy_path_mirrors_brackets():
    # The pure-Python bidi mirrors brackets; the Rust get_display would give ")2016(".
    out = arabic_label(KERRY_YEAR, shaping=False)
    assert out == "(2016) \ufef1\ufeae\ufef4\ufedb"


def test_legacy_path_keeps_the_shadda():
    assert RESHAPER_CONFIG["delete_harakat"] is False
    out = arabic_label("حمّل", shaping=False)  # the cue of docs/codebook.md §3, with its shadda
    # lam final, meem medial, then the shadda (drawn back over the meem), hah initial
    assert out == "\ufede\ufee4\u0651\ufea3"


def test_legacy_path_drops_direction_marks():
    out = arabic_label("روسيا (Russia\u200e)", shaping=False)
    assert "\u200e" not in out and "\u200f" not in out
    assert out.startswith("(Russia) ")


def test_legacy_path_keeps_the_allah_sequence_spelled_out():
    out = arabic_label("عبدالله", shaping=False)  # a name containing the sequence
    assert "\ufdf2" not in out


@pytest.mark.parametrize("text", [
    "\ufefb\ufee3",        # lam-alef and meem in presentation forms
    "\ufb8a\u0628",        # presentation form A
    "روسيا\ufeff",         # zero-width no-break space sits in the FE70-FEFF block
])
def test_presentation_forms_are_refused(text):
    with pytest.raises(ValueError, match="presentation-form character U\\+F"):
        arabic_label(text)


@pytest.mark.parametrize("control", ["\u202a", "\u202b", "\u202d", "\u202e", "\u2066",
                                     "\u2067", "\u2068", "\u2069", "\u202c"])
def test_bidi_controls_are_refused(control):
    with pytest.raises(ValueError, match=f"bidi control U\\+{ord(control):04X}"):
        arabic_label(f"{control}روسيا")


def test_marks_rlm_and_lrm_are_allowed():
    assert arabic_label("\u200fروسيا", shaping=True) == "\u200fروسيا"
    assert arabic_label("روسيا (Russia\u200e)", shaping=True) == "روسيا (Russia\u200e)"


def test_non_string_is_a_type_error():
    with pytest.raises(TypeError, match="expects a str, got int"):
        arabic_label(5)  # type: ignore[arg-type]


def test_default_path_follows_the_capability():
    expected = LAVROV if matplotlib_shapes_text() else "\ufed1\ufeed\ufeae\ufed3\ufefb"
    assert arabic_label(LAVROV) == expected


def test_has_arabic():
    assert has_arabic("قمة G7") and not has_arabic("G7 summit") and has_arabic("\ufefb")
