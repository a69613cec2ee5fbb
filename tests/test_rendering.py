"""Proof that every Arabic label the figures can draw comes out shaped and in order.

Two independent checks (docs/arabic-labels.md, "How the tests prove a label is right"):

* glyph level (matplotlib with libraqm): the glyph ids that an SVG with
  ``svg.fonttype='path'`` draws must equal HarfBuzz's shaping of the logical string
  with the same font file, and all come from that font (no LastResort glyph);
* raster level (any matplotlib): the label drawn alone into PNG, PDF (rasterised with
  pypdfium2) and SVG (rasterised with cairosvg) must look like Pillow/raqm's rendering
  of the logical string, and clearly unlike a reversed and an unjoined control.

Both checkers are themselves tested against the wrong recipe, so they are proven able
to fail. The labels come from :func:`analysis.figures.glossary.drawable_labels`: the built-in
glossary plus every Arabic form in the lexicons present at test time.
"""

from __future__ import annotations

import io
import re
import unicodedata
from functools import lru_cache

import numpy as np
import pytest
from matplotlib.figure import Figure

from analysis.figures import labels as label_rule
from analysis.figures.fonts import regular_font_file, style_context
from analysis.figures.glossary import drawable_labels, label_for

PIL = pytest.importorskip("PIL", reason="Pillow is needed for the raster checks")
from PIL import Image, ImageDraw, ImageFont, ImageOps, features  # noqa: E402

FONT_FILE = regular_font_file()
POSTSCRIPT_NAME = "IBMPlexSansArabic-Regular"
# Bidi classes of a label that runs in one direction only (right to left): HarfBuzz shapes
# it as one run, so its glyph sequence is the reference.
_SINGLE_DIRECTION = {"R", "AL", "NSM", "WS", "ON", "CS", "BN"}
# Thresholds measured for the label tests (docs/arabic-labels.md) (mean absolute difference, 0-255, 64 px high).
MAX_DIFFERENCE = 12.0
CONTROL_MARGIN = 0.5
SIZE_PT, DPI, HEIGHT_PX = 48, 150, 64

ALL_LABELS = drawable_labels()
GLYPH_LABELS = [s for s in ALL_LABELS
                if {unicodedata.bidirectional(c) for c in s} <= _SINGLE_DIRECTION]


def _raster_subset() -> list[str]:
    """A representative, deterministic subset for the slower raster checks."""
    sides = ["russia", "us", "other", "unknown", "un", "syria_opposition", "saudi_arabia",
             "eu"]
    chosen = [label_for("side", s, "ar") for s in sides]
    chosen += [label_for("cue_category", c, "ar")
               for c in ("neutral", "denial", "accusation", "distancing", "affect", "warning")]
    chosen += [label_for("stance_kind", "blame", "ar"), label_for("source_type", "anonymous", "ar")]
    # single-line bilingual labels (a two-line label is two lines that are checked apart)
    chosen += [label_for("side", "us", "both"), label_for("cue_category", "denial", "both"),
               label_for("text", "share_of_voice", "both")]
    chosen += ["روسيا ← الولايات المتحدة", "حمّل المسؤولية", "G7 تعقد قمتها في ألمانيا"]  # constructed
    # a two-line label (a gloss ending in punctuation goes on its own line) is checked
    # by its Arabic line; the English line has nothing to shape
    chosen = [line for label in chosen for line in label.split("\n") if label_rule.has_arabic(line)]
    lexicon_only = [s for s in ALL_LABELS if s not in chosen][len(chosen):]
    chosen += lexicon_only[:: max(1, len(lexicon_only) // 6)][:6]
    return list(dict.fromkeys(chosen))


RASTER_LABELS = _raster_subset()


def _wrong_recipe(text: str) -> str:
    """What a careless helper would hand matplotlib: the recipe of the *other* version."""
    if label_rule.matplotlib_shapes_text():
        from arabic_reshaper import reshape
        from bidi.algorithm import get_display

        return get_display(reshape(text))  # reversed on a shaping matplotlib
    return text  # unshaped and left to right on an old matplotlib


# -- matplotlib side ---------------------------------------------------------------------
def _render(display_text: str, fmt: str) -> bytes:
    with style_context(**{"svg.fonttype": "path"}):
        fig = Figure(figsize=(14, 1.6), dpi=DPI)
        fig.text(0.02, 0.3, display_text, size=SIZE_PT)
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, dpi=DPI, facecolor="white", bbox_inches=None)
    return buffer.getvalue()


_HARAKAT = re.compile("[\u064b-\u0652]")
_DEFS = re.compile(r"<defs>.*?</defs>", re.DOTALL)
_USE = re.compile(r'<use xlink:href="#([^"]+)"')


def svg_glyph_ids(svg: bytes) -> list[str]:
    """Glyph ids of the ``<use>`` elements outside ``<defs>``, in drawing order.

    With ``svg.fonttype='path'`` matplotlib defines each new glyph in a ``<defs>`` block
    of the text that first needs it and draws every glyph as a ``<use>``.
    """
    return _USE.findall(_DEFS.sub("", svg.decode("utf-8")))


@lru_cache(maxsize=1)
def _hb_font():
    import uharfbuzz as hb

    return hb.Font(hb.Face(hb.Blob.from_file_path(str(FONT_FILE))))


def harfbuzz_glyph_ids(logical: str) -> list[str]:
    """HarfBuzz's glyph sequence for the logical string, named as matplotlib names them."""
    import uharfbuzz as hb

    buffer = hb.Buffer()
    buffer.add_str(logical)
    buffer.guess_segment_properties()
    buffer.direction = "rtl"
    hb.shape(_hb_font(), buffer)
    return [f"{POSTSCRIPT_NAME}-{info.codepoint:x}" for info in buffer.glyph_infos]


def svg_glyph_ids_by_text(svg: bytes) -> list[list[str]]:
    """Glyph ids per ``<g id="text_N">`` group, in the order the texts were added."""
    groups = _DEFS.sub("", svg.decode("utf-8")).split('<g id="text_')[1:]
    return [_USE.findall(group) for group in groups]


@lru_cache(maxsize=1)
def _batch_glyph_ids() -> dict[str, list[str]]:
    """Every glyph-level label drawn once, all in one SVG (one save instead of hundreds)."""
    with style_context(**{"svg.fonttype": "path"}):
        fig = Figure(figsize=(14, 1.6), dpi=DPI)
        for logical in GLYPH_LABELS:
            fig.text(0.02, 0.3, label_rule.arabic_label(logical), size=SIZE_PT)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", dpi=DPI)
    per_text = svg_glyph_ids_by_text(buffer.getvalue())
    assert len(per_text) == len(GLYPH_LABELS)
    return dict(zip(GLYPH_LABELS, per_text))


def glyph_problem(logical: str, drawn: list[str]) -> str | None:
    """None when ``drawn`` is exactly HarfBuzz's glyph sequence for ``logical``."""
    foreign = [g for g in drawn if not g.startswith(POSTSCRIPT_NAME + "-")]
    if foreign:
        return f"glyphs from another font (LastResort/tofu?): {foreign}"
    expected = harfbuzz_glyph_ids(logical)
    if drawn != expected:
        return f"drawn {drawn} != HarfBuzz {expected}"
    return None


def glyph_mismatch(logical: str, display_text: str) -> str | None:
    """None when ``display_text`` draws exactly HarfBuzz's glyphs for ``logical``."""
    return glyph_problem(logical, svg_glyph_ids(_render(display_text, "svg")))


# -- raster side -----------------------------------------------------------------------------
def _to_gray(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.split()[3])
        image = background
    return image.convert("L")


def normalised_ink(image: Image.Image) -> Image.Image:
    """Crop to the ink and scale to ``HEIGHT_PX`` high, keeping the aspect ratio."""
    gray = _to_gray(image)
    box = ImageOps.invert(gray).point(lambda v: 255 if v > 40 else 0).getbbox()
    assert box is not None, "nothing was drawn"
    gray = gray.crop(box)
    width = max(1, round(gray.width * HEIGHT_PX / gray.height))
    return gray.resize((width, HEIGHT_PX), Image.LANCZOS)


def difference(reference: Image.Image, candidate: Image.Image) -> float:
    candidate = candidate.resize(reference.size, Image.LANCZOS)
    return float(np.abs(np.asarray(reference, float) - np.asarray(candidate, float)).mean())


STRIP_PX, SHIFT_PX = 32, 8


def shift_tolerant_difference(reference: Image.Image, candidate: Image.Image) -> float:
    """Mean absolute difference where each 32-px strip of the candidate may sit up to
    8 px left or right of its place in the reference.

    Old matplotlib draws glyph by glyph without kerning, so in a long label the words
    drift a few pixels from raqm's positions and a pixel-by-pixel comparison grows with
    the label's length although every glyph is right (a three-word label scored 51.6
    against an unjoined control of 47.6 and, looked at, was drawn right). A strip may
    move, its content may not: a reversed or unjoined drawing still differs strip by strip.
    """
    candidate = candidate.resize(reference.size, Image.LANCZOS)
    ref = np.asarray(reference, float)
    cand = np.asarray(candidate, float)
    margin = np.full((ref.shape[0], SHIFT_PX), 255.0)
    padded = np.hstack([margin, ref, margin])
    width = ref.shape[1]
    total = 0.0
    for x0 in range(0, width, STRIP_PX):
        x1 = min(width, x0 + STRIP_PX)
        strip = cand[:, x0:x1]
        total += (x1 - x0) * min(
            np.abs(padded[:, x0 + SHIFT_PX + d:x1 + SHIFT_PX + d] - strip).mean()
            for d in range(-SHIFT_PX, SHIFT_PX + 1))
    return total / width


def rasterise(display_text: str, fmt: str) -> Image.Image:
    data = _render(display_text, fmt)
    if fmt == "png":
        return Image.open(io.BytesIO(data))
    if fmt == "pdf":
        import pypdfium2

        return pypdfium2.PdfDocument(data)[0].render(scale=DPI / 72).to_pil()
    import cairosvg

    png = cairosvg.svg2png(bytestring=data, scale=DPI / 72, background_color="white")
    return Image.open(io.BytesIO(png))


@lru_cache(maxsize=None)
def pillow_reference(text: str) -> Image.Image:
    """Pillow + raqm rendering of ``text`` (logical order, paragraph right to left)."""
    font = ImageFont.truetype(str(FONT_FILE), 100, layout_engine=ImageFont.Layout.RAQM)
    image = Image.new("L", (4000, 260), 255)
    ImageDraw.Draw(image).text((20, 40), text, font=font, fill=0, direction="rtl")
    return normalised_ink(image)


def raster_scores(logical: str, display_text: str, fmt: str) -> dict[str, float]:
    drawn = normalised_ink(rasterise(display_text, fmt))
    # pdfium rounds glyph positions its own way (a label of three words drawn right scored
    # 23.8 pixel by pixel in PDF, 3.4 in PNG), and so does CairoSVG with glyphs drawn as
    # paths (وزارة الدفاع (إثيوبيا), drawn right, is 7 of 427 pixels narrower in SVG than
    # in the reference and scored 12.7 pixel by pixel, 6.4 in PNG); old matplotlib does not
    # kern. There each strip may shift a little; PNG from a shaping matplotlib is compared
    # as it is.
    exact = label_rule.matplotlib_shapes_text() and fmt == "png"
    measure = difference if exact else shift_tolerant_difference
    return {
        "correct": measure(pillow_reference(logical), drawn),
        "reversed": measure(pillow_reference(logical[::-1]), drawn),
        "unjoined": measure(pillow_reference("\u200c".join(logical)), drawn),
    }


# Old matplotlib draws presentation-form glyphs one by one: no kerning, no contextual
# ligatures (في), no mark positioning. There the comparison lets each strip shift a little
# (shift_tolerant_difference) and demands a margin to both controls. Measured on 3.10.9
# over the raster subset in PNG, PDF and SVG: correct labels score at most 0.64 of the
# closer control ("وزير الدفاع الأطلسي" in SVG), the wrong recipe at least 1.09.
LEGACY_CONTROL_MARGIN = 0.75


def raster_ok(scores: dict[str, float]) -> bool:
    closest_control = min(scores["reversed"], scores["unjoined"])
    if not label_rule.matplotlib_shapes_text():
        return scores["correct"] < LEGACY_CONTROL_MARGIN * closest_control
    return scores["correct"] <= MAX_DIFFERENCE and scores["correct"] < CONTROL_MARGIN * closest_control


needs_raqm = pytest.mark.skipif(
    not features.check("raqm"),
    reason="Pillow was built without libraqm, so it cannot draw the reference rendering; "
           "install a Pillow wheel with raqm (the PyPI wheels have it)")
needs_shaping = pytest.mark.skipif(
    not label_rule.matplotlib_shapes_text(),
    reason="glyph-level check needs a matplotlib that shapes (>= 3.11, libraqm); "
           "the raster checks cover older releases")


# -- tests -------------------------------------------------------------------------------
def test_label_sets_cover_builtins_and_lexicons():
    assert "روسيا" in ALL_LABELS and "الولايات المتحدة" in ALL_LABELS
    assert "تحميل المسؤولية" in ALL_LABELS
    # derived names of actor ids and cues (offices, spokespersons, anonymous sources)
    for derived in ("وزارة الخارجية الروسية", "المتحدث باسم الكرملين", "مصدر مجهول",
                    "نقطتا العنوان", "المتحدث باسم وزارة الخارجية الأمريكية"):
        assert derived in GLYPH_LABELS, derived
    assert len(RASTER_LABELS) >= 20
    assert len(GLYPH_LABELS) >= 40


@needs_shaping
@pytest.mark.parametrize("logical", GLYPH_LABELS)
def test_glyphs_match_harfbuzz(logical):
    assert glyph_problem(logical, _batch_glyph_ids()[logical]) is None


@needs_shaping
@pytest.mark.parametrize("logical", ["روسيا", "لافروف", "حمّل المسؤولية", "أكد نظيره الأمريكي"])
def test_glyph_check_catches_the_wrong_recipe(logical):  # real names and cue words
    problem = glyph_mismatch(logical, _wrong_recipe(logical))
    assert problem is not None and problem.startswith("drawn")


@needs_shaping
def test_glyph_check_catches_tofu():
    # constructed: a CJK character is in neither font, so the last-resort font draws a box
    with pytest.warns(UserWarning, match="missing from font"):
        problem = glyph_mismatch("روسيا", "روسيا 中")
    assert problem.startswith("glyphs from another font") and "LastResort" in problem


@needs_shaping
def test_dollar_signs_stay_text():
    logical = "كيري $ و $"  # constructed: an unescaped pair of dollars starts mathtext
    assert glyph_mismatch(logical, label_rule.arabic_label(logical)) is None
    assert glyph_mismatch(logical, logical) is not None  # the checker sees mathtext


@needs_raqm
@pytest.mark.parametrize("fmt", ["png", "pdf", "svg"])
@pytest.mark.parametrize("logical", RASTER_LABELS)
def test_raster_matches_reference(logical, fmt):
    scores = raster_scores(logical, label_rule.arabic_label(logical), fmt)
    closest_control = min(scores["reversed"], scores["unjoined"])
    if (not raster_ok(scores) and fmt == "pdf" and _HARAKAT.search(logical)
            and scores["correct"] < CONTROL_MARGIN * closest_control):
        # Known gap: pdfium places a combining mark of a Type 42 PDF a few pixels off
        # raqm's position (measured 18-19 for ادّعاءاته; PNG and SVG give 7).
        pytest.xfail(f"mark position in PDF differs from the raqm reference: {scores}")
    assert raster_ok(scores), scores


@needs_raqm
@pytest.mark.parametrize("fmt", ["png", "pdf", "svg"])
@pytest.mark.parametrize("logical", ["روسيا", "الولايات المتحدة", "لافروف", "نفى"])
def test_raster_check_catches_the_wrong_recipe(logical, fmt):
    scores = raster_scores(logical, _wrong_recipe(logical), fmt)
    assert not raster_ok(scores), scores
