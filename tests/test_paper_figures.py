"""The paper figures: rebuilt from data/derived byte for byte without the corpus, readable
(no two texts overlap), one colour per side, every figure's CSV with n and interval
bounds, and a note with the extractor's measured precision and recall."""

from __future__ import annotations

import time
from dataclasses import replace

import matplotlib.colors as mcolors
import numpy as np
import pandas as pd
import pytest

from analysis.cli import main
from analysis.corpus import paths
from analysis.figures import comparisons as fc
from analysis.figures.glossary import CATEGORY_COLORS, CATEGORY_RAMP, NEUTRAL_INK, SIDE_COLORS
from analysis.study import PAPER_FIGURES, load_study
from analysis.study.derived import read_derived
from analysis.study.notes import latest_test_scoring
from analysis.study.paper import EXAMPLE_FIGURES, build_paper_tables, draw_paper_figures

STUDY = load_study(paths.ROOT / "studies" / "ant-2018.toml")


@pytest.fixture(scope="module")
def paper_tables():
    return build_paper_tables(read_derived(STUDY.derived_dir), STUDY)


def test_make_figures_rebuilds_the_committed_figures_byte_for_byte(tmp_path):
    """What `make figures` runs, into a temporary folder: every file of figures/ again,
    the same bytes, nothing more, from data/derived and the example article alone."""
    started = time.perf_counter()
    assert main(["figures", "--out", str(tmp_path)]) == 0
    seconds = time.perf_counter() - started
    committed = sorted(p.name for p in paths.FIGURES_DIR.iterdir() if p.is_file())
    rebuilt = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert rebuilt == committed
    differing = [n for n in committed if (tmp_path / n).read_bytes() != (paths.FIGURES_DIR / n).read_bytes()]
    assert differing == [], f"{differing}: run `make figures` and commit figures/"
    assert seconds < 180  # about 20 s on an idle 2-core machine


def test_the_figure_set_is_the_papers_and_the_examples():
    stems = {p.name.split(".")[0] for p in paths.FIGURES_DIR.iterdir()}
    assert set(PAPER_FIGURES) | set(EXAMPLE_FIGURES) <= stems
    for name in PAPER_FIGURES:
        for ext in ("pdf", "png", "svg", "csv", "note.csv"):
            assert (paths.FIGURES_DIR / f"{name}.{ext}").is_file(), f"{name}.{ext}"


@pytest.mark.parametrize("labels", ["both", "ar", "en"])
def test_no_two_texts_of_a_paper_figure_overlap(paper_tables, labels):
    """Tick labels, axis labels, titles and legend entries: no two drawn boxes intersect
    (the committed figures are "both"; the test above proves they are these drawings)."""
    for name, fig in draw_paper_figures(paper_tables, replace(STUDY, labels=labels)).items():
        assert fc.text_overlaps(fig) == [], name


def test_the_overlap_check_finds_an_overlap():
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    ax.set_xticks([0, 0.01], ["Sky News Arabia", "BBC Arabic"])
    ax.set_yticks([])
    assert fc.text_overlaps(fig) == [("Sky News Arabia", "BBC Arabic")]


def _lab(color: str) -> np.ndarray:
    """CIE L*a*b* (D65) of an sRGB colour."""
    rgb = np.array(mcolors.to_rgb(color))
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear
    xyz /= np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_no_category_colour_can_be_read_as_a_side():
    """Stance kinds, source types and outlets are drawn on a brown ramp: each tone is
    at least 15 CIE76 units from every side's colour (stance used to borrow Russia's
    vermillion for blame and a blue close to the US for cooperation)."""
    tones = set(CATEGORY_RAMP) | set(CATEGORY_COLORS.values()) | {NEUTRAL_INK}
    close = [(tone, side, round(float(np.linalg.norm(_lab(tone) - _lab(color))), 1))
             for tone in tones for side, color in SIDE_COLORS.items()
             if np.linalg.norm(_lab(tone) - _lab(color)) < 15]
    assert close == []


def test_sides_keep_their_colour_in_the_paper_figures(paper_tables):
    figs = draw_paper_figures(paper_tables, STUDY)
    for name in ("share-of-voice", "direct-and-anonymous", "cue-profile"):
        fig = figs[name]
        legend = {t.get_text(): h for t, h in zip(fig.legends[0].get_texts(), fig.legends[0].legend_handles)}
        for side in ("russia", "us"):
            handle = next(h for text, h in legend.items() if SIDE_COLORS and side_name(side) in text)
            assert mcolors.to_hex(handle.get_color()) == SIDE_COLORS[side].lower(), (name, side)
        faces = {mcolors.to_hex(line.get_markerfacecolor()) for ax in fig.axes for line in ax.lines
                 if line.get_marker() == "o"}
        assert faces <= {c.lower() for c in SIDE_COLORS.values()}, (name, faces)


def side_name(side: str) -> str:
    return {"russia": "Russia", "us": "United States"}[side]


def test_each_figure_csv_records_n_and_the_interval():
    for name in PAPER_FIGURES:
        table = pd.read_csv(paths.FIGURES_DIR / f"{name}.csv", keep_default_na=False, na_values=[""])
        for column in ("group", "estimate", "ci_low", "ci_high", "n_group", "n_articles", "numerator",
                       "denominator", "thin", "why_thin"):
            assert column in table.columns, (name, column)
        drawn = table.dropna(subset=["estimate"])
        assert (drawn["ci_low"] <= drawn["estimate"] + 1e-9).all() and (drawn["estimate"] <= drawn["ci_high"] + 1e-9).all()
        assert (table.loc[table["thin"], "why_thin"] != "").all()
    voice = pd.read_csv(paths.FIGURES_DIR / "share-of-voice.csv")
    assert set(voice["side"]) == {"russia", "us", "other", "unknown"}  # unknown reported on its own
    pooled = voice[(voice["group"] == "all") & (voice["measure"] == "voice_attributions")]
    assert pooled["estimate"].sum() == pytest.approx(100.0, abs=1e-3)


def test_each_figure_has_a_note_with_the_locked_test_scores():
    scoring = latest_test_scoring()
    for name in PAPER_FIGURES:
        note = pd.read_csv(paths.FIGURES_DIR / f"{name}.note.csv")
        assert set(note["figure"]) == {name}
        assert note["source"].str.contains(f"Test scorings #{scoring['scoring']}").all()
        assert note["source"].str.contains("locked test split").all()
        # from scoring 19 on, the 28 test articles whose text is not also in dev
        assert note["source"].str.contains("28 round-2 articles whose text is not also in dev").all()
    voice = pd.read_csv(paths.FIGURES_DIR / "share-of-voice.note.csv").set_index(["metric", "scope"])
    assert voice.loc[("precision", "all sides"), "value"] == scoring["attributions_precision"]
    assert voice.loc[("recall", "us"), "value"] == scoring["recall_us"]
    if "content_f1" in scoring:  # the README records the content spans' word-overlap F1
        assert voice.loc[("F1 (word overlap, matched attributions)", "all sides"), "value"] == scoring["content_f1"]
    stance = pd.read_csv(paths.FIGURES_DIR / "stance-between-sides.note.csv")
    assert stance.loc[stance["metric"] == "recall", "value"].tolist() == [scoring["stance_recall"]]
    cues = pd.read_csv(paths.FIGURES_DIR / "cue-profile.note.csv")
    assert "cue category" in cues.loc[cues["value"].isna(), "quantity"].tolist()  # said, not hidden


def test_counts_have_thousands_separators(paper_tables):
    fig = draw_paper_figures(paper_tables, STUDY)["share-of-voice"]
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert any("(n=2," in label for label in labels)  # the pooled outlets: n = 2,4xx


def test_thin_cells_are_faded_and_the_legend_says_why():
    table = pd.DataFrame({
        "measure": "direct_share", "group": ["A", "A"], "side": ["russia", "us"], "category": "",
        "estimate": [40.0, 60.0], "ci_low": [30.0, 20.0], "ci_high": [50.0, 90.0], "unit": "%",
        "n_group": [25, 25], "n_articles": [25, 6], "numerator": [4.0, 3.0], "denominator": [10.0, 5.0],
        "thin": [False, True], "why_thin": ["", "fewer than 20 articles"]})
    fig = fc.figure_source_shares(table, table.assign(measure="anonymous_share"), labels="en")
    texts = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "Faded mark, dotted interval: thin cell (fewer than 20 articles)" in " ".join(texts).replace("\n", " ")
    alphas = {(line.get_linestyle(), line.get_alpha()) for line in fig.axes[0].lines}
    assert (":", fc.THIN_ALPHA) in alphas and ("-", 1.0) in alphas
