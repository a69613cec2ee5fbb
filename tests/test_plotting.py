"""Figures: the numbers they draw, their labels and colours, and byte-stable saving.

Real data: the hand-coded gold attributions and stance units of the example article
(data/annotations/gold), with content word counts and cue words read from its body.
Constructed tables are labelled as such.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from analysis.figures import glossary, plots, saving, tables
from analysis.figures.glossary import SIDE_COLORS, label_for
from analysis.figures.labels import arabic_label
from analysis.validation.gold import load_gold, read_gold_articles

EXAMPLE_ID = "2016-09-09-lavrov-kerry-geneva"


@pytest.fixture(scope="module")
def gold():
    """Gold tables of the example article, completed to the pipeline's column names."""
    loaded = load_gold(article_ids=[EXAMPLE_ID])
    articles = read_gold_articles(loaded)
    row = articles.iloc[0]
    texts = {"title": row["title"], "body": row["body"]}
    attributions = loaded.attributions.copy()
    attributions["source_actor_id"] = attributions["source_actor"]
    attributions["cue"] = [texts[p][s:e] for p, s, e in zip(
        attributions["part"], attributions["cue_start"], attributions["cue_end"])]
    attributions["content_words"] = [len(texts[p][s:e].split()) for p, s, e in zip(
        attributions["part"], attributions["content_start"], attributions["content_end"])]
    articles = articles.assign(outlet="example")
    return articles, attributions, loaded.stance


def test_share_of_voice_table_on_the_example(gold):
    _, attributions, _ = gold
    table = tables.build_share_of_voice_table(attributions)
    counts = attributions["source_side"].where(
        attributions["source_side"].isin(["russia", "us"]), "other").value_counts()
    got = table[table["measure"] == "attributions"].set_index("side")["count"]
    assert got.to_dict() == {side: int(counts.get(side, 0)) for side in got.index}
    assert got.sum() == 13  # the gold file codes 13 attributions
    shares = table.groupby("measure")["share"].sum().round(0)
    assert shares.tolist() == [100.0, 100.0]


def test_share_of_voice_plot_labels_and_colours(gold):
    _, attributions, _ = gold
    ax = plots.plot_share_of_voice(attributions)
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        arabic_label("الإسنادات"), arabic_label("الكلمات المنقولة")]
    legend = {t.get_text(): to_hex(h.get_facecolor()) for t, h in
              zip(ax.get_legend().get_texts(), ax.get_legend().legend_handles)}
    assert legend[arabic_label("روسيا")] == SIDE_COLORS["russia"].lower()
    assert legend[arabic_label("الولايات المتحدة")] == SIDE_COLORS["us"].lower()


@pytest.mark.parametrize(("labels", "expected"), [
    ("ar", "روسيا"), ("en", "Russia"), ("both", "روسيا (Russia)")])
def test_label_languages(labels, expected):
    assert label_for("side", "russia", labels) == expected


def test_bad_label_language_is_refused():
    with pytest.raises(ValueError, match="labels must be 'ar', 'en' or 'both'"):
        plots.plot_share_of_voice(pd.DataFrame({"source_side": [], "content_words": []}),
                                     labels="fr")


def test_missing_column_names_the_table():
    with pytest.raises(ValueError, match="attributions table is missing columns"):
        tables.build_cue_category_table(pd.DataFrame({"source_side": ["us"]}))


def test_actor_glosses_come_from_the_lexicon():
    assert label_for("actor", "putin", "ar") == "فلاديمير بوتين"
    # the lexicon keeps the full gloss; a figure shows the name without the role
    assert glossary.lexicon_glosses()["actor"]["putin"][1] == "Vladimir Putin, President of Russia"
    assert label_for("actor", "putin", "en") == "Vladimir Putin"
    assert label_for("actor", "tass", "en") == "TASS news agency"
    assert label_for("actor", "kremlin", "both") == "الكرملين (the Kremlin)"
    assert label_for("actor", "no_such_actor", "both") == "No such actor"


@pytest.mark.parametrize(("actor_id", "arabic", "english"), [
    ("anonymous_source", "مصدر مجهول", "anonymous source"),
    ("anonymous_official", "مسؤول مجهول", "anonymous official"),
    ("anonymous_observer", "مراقبون", "unnamed observers"),
    ("us_foreign_ministry", "وزارة الخارجية الأمريكية", "US State Department"),
    ("ru_foreign_minister", "وزير الخارجية الروسي", "Russian foreign minister"),
    ("ru_intelligence", "الاستخبارات الروسية", "Russian intelligence service"),
    ("un_envoy", "المبعوث الأممي", "Envoy of the United Nations"),
    ("kremlin_spokesperson", "المتحدث باسم الكرملين", "Spokesperson of the Kremlin"),
    ("un_spokesperson", "المتحدث باسم الأمم المتحدة", "Spokesperson of the United Nations"),
    ("ru_foreign_ministry_spokesperson", "المتحدث باسم وزارة الخارجية الروسية",
     "Spokesperson of the Russian foreign ministry"),
    ("ru_president_spokesperson", "المتحدث باسم الرئيس الروسي",
     "Spokesperson of the Russian president"),
    ("author", "الكاتب", "Author"),
])
def test_derived_actor_names(actor_id, arabic, english):
    assert glossary.actor_name(actor_id) == (arabic, english)


def test_unknown_ids_read_as_words():
    assert glossary.readable_id("us_foreign_ministry") == "US foreign ministry"
    assert label_for("actor", "ru_trade_office", "ar") == "RU trade office"
    assert glossary.short_gloss("the Elysee Palace (French presidency)") == "the Elysee Palace"


def test_every_source_of_the_example_has_a_name(gold):
    _, attributions, _ = gold
    ax = plots.plot_top_sources(attributions, labels="both")
    shown = [t.get_text() for t in ax.get_yticklabels()]
    assert arabic_label("مصدر مجهول (anonymous source)") in shown
    assert not [t for t in shown if re.search(r"[a-z]_[a-z]", t)], shown


def test_every_id_of_the_extraction_has_a_name(ant_sample):
    """Every actor id the pipeline produces on real ANT articles has a lexicon-derived name."""
    from analysis.pipeline.batch import analyze_article

    glosses = glossary.lexicon_glosses()["actor"]
    ids = set()
    for rec in list(ant_sample.values())[:150]:
        found = analyze_article(rec["article_id"], rec["title"], rec["body"])
        ids |= {m["actor_id"] for m in found["mentions"]}
        ids |= {a["source_actor_id"] for a in found["attributions"] if a["source_actor_id"]}
    assert len(ids) > 50 and any(i.endswith("_spokesperson") for i in ids)
    assert any(i.startswith("anonymous_") for i in ids) and "us_foreign_ministry" in ids
    assert sorted(i for i in ids if i not in glosses) == []


def test_cue_categories_on_the_example(gold):
    _, attributions, _ = gold
    table = tables.build_cue_category_table(attributions)
    for side, group in table.groupby("side"):
        assert group["share"].sum() == pytest.approx(100.0, abs=0.05)
    n_denial = int((attributions["cue_category"] == "denial").sum())
    assert table.loc[table["cue_category"] == "denial", "count"].sum() == n_denial
    ax = plots.plot_cue_categories(attributions, show_cues=True, labels="en")
    first = ax.get_yticklabels()[0].get_text()
    # English name, then the Arabic cue words: a mixed label that starts with Latin, so
    # the rule adds a RIGHT-TO-LEFT MARK on a shaping matplotlib.
    assert first.lstrip("\u200f").startswith("neutral: ") and "قال" in first


def test_source_types_constructed():
    attributions = pd.DataFrame({  # constructed
        "source_side": ["russia", "russia", "us", "unknown"],
        "source_type": ["person", "institution", "anonymous", "anonymous"]})
    table = tables.build_source_type_table(attributions)
    assert table.set_index(["side", "source_type"])["count"].to_dict() == {
        ("russia", "person"): 1, ("russia", "institution"): 1, ("russia", "anonymous"): 0,
        ("us", "person"): 0, ("us", "institution"): 0, ("us", "anonymous"): 1,
        ("other", "person"): 0, ("other", "institution"): 0, ("other", "anonymous"): 1}
    ax = plots.plot_source_types(attributions, labels="en")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Russia", "United States", "Other"]
    assert sorted(t.get_text() for t in ax.texts) == ["1", "1", "1", "1"]


def test_stance_on_the_example(gold):
    _, _, stance = gold
    table = tables.build_stance_table(stance)
    assert table["count"].sum() == 11  # the gold file codes 11 stance units
    assert (table.loc[table["polarity"] == "negative", "signed_count"] < 0).all()
    ax = plots.plot_stance(stance, labels="en")
    pairs = [t.get_text() for t in ax.get_yticklabels()]
    assert all(" → " in p for p in pairs)


def test_stance_pair_reads_from_holder_to_target():
    assert glossary.pair_label("russia", "us", "ar") == "روسيا ← الولايات المتحدة"
    assert glossary.pair_label("russia", "us", "en") == "Russia → United States"


def test_strip_constructed():
    sentences = pd.DataFrame({  # constructed: a title and two body sentences
        "article_id": "a", "sent_id": [0, 1, 2], "part": ["title", "body", "body"],
        "start": [0, 0, 30]})
    mentions = pd.DataFrame({"article_id": "a", "sent_id": [0, 2, 2],
                             "side": ["russia", "us", "us"]})
    attributions = pd.DataFrame({"article_id": "a", "sent_id": [1], "source_side": ["russia"],
                                 "mode": ["direct"]})
    stance = pd.DataFrame({"article_id": "a", "sent_id": [2], "holder_side": ["russia"],
                           "polarity": ["negative"]})
    table = tables.build_strip_table(sentences, mentions, attributions, stance)
    assert table[["x", "side", "track", "count", "direct", "negative"]].values.tolist() == [
        [1, "russia", "mentioned", 1, 0, 0], [2, "russia", "speaks", 1, 1, 0],
        [3, "russia", "holds_stance", 1, 0, 1], [3, "us", "mentioned", 2, 0, 0]]
    ax = plots.plot_article_strip(sentences, mentions, attributions, stance)
    assert ax.xaxis_inverted()  # Arabic labels: the article reads from the right
    with pytest.raises(ValueError, match="several articles"):
        tables.build_strip_table(pd.concat([sentences, sentences.assign(article_id="b")]),
                                   mentions, attributions, stance)


def test_outlet_sides_counts_are_drawn():
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"]})  # constructed
    attributions = pd.DataFrame({"article_id": ["a", "a", "a", "b"],
                                 "source_side": ["russia", "us", "us", "iran"]})
    table = tables.build_outlet_side_table(articles, attributions)
    assert table.values.tolist() == [
        ["X", "russia", 1, 3, 33.33], ["X", "us", 2, 3, 66.67], ["X", "other", 0, 3, 0.0],
        ["Y", "russia", 0, 1, 0.0], ["Y", "us", 0, 1, 0.0], ["Y", "other", 1, 1, 100.0]]
    ax = plots.plot_outlet_sides(articles, attributions, labels="en")
    cells = [t.get_text() for t in ax.texts]
    assert "67%\n(n=2)" in cells and "100%\n(n=1)" in cells
    assert [t.get_text() for t in ax.get_yticklabels()] == ["X (n=3)", "Y (n=1)"]
    with pytest.raises(ValueError, match="without an outlet"):
        tables.build_outlet_side_table(articles.iloc[:1], attributions)


def test_save_figure_is_byte_stable(gold, tmp_path, monkeypatch):
    _, attributions, _ = gold
    data = tables.build_share_of_voice_table(attributions)
    outputs = []
    for folder, epoch in (("one", "1000000000"), ("two", "1700000000")):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        ax = plots.plot_share_of_voice(attributions, labels="both")
        outputs.append(saving.save_figure(ax.figure, "share_of_voice", data, tmp_path / folder))
    first, second = outputs
    assert sorted(first) == ["csv", "pdf", "png", "svg"]
    for fmt in first:
        assert first[fmt].read_bytes() == second[fmt].read_bytes(), fmt
    assert b"CreationDate" not in first["pdf"].read_bytes()
    assert pd.read_csv(first["csv"]).values.tolist() == data.values.tolist()
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == [
        "share_of_voice.csv", "share_of_voice.pdf", "share_of_voice.png", "share_of_voice.svg"]


@pytest.mark.parametrize("name", ["../escape", "a/b", "", ".hidden"])
def test_save_figure_refuses_paths_as_names(name, tmp_path):
    ax = plots.plot_share_of_voice(pd.DataFrame({"source_side": ["us"], "content_words": [1]}))
    with pytest.raises(ValueError, match="plain file stem"):
        saving.save_figure(ax.figure, name, pd.DataFrame(), tmp_path)


def test_group_sides_keeps_requested_sides():
    values = pd.Series(["russia", "un", "unknown", None])
    assert tables.group_sides(values).tolist() == ["russia", "other", "other", "other"]
    assert tables.group_sides(values, ["un"]).tolist() == ["other", "un", "other", "other"]


def _boxes_overlap(texts) -> list[tuple[str, str]]:
    boxes = [(t.get_text(), t.get_window_extent()) for t in texts if t.get_text()]
    return [(a, b) for i, (a, box_a) in enumerate(boxes) for b, box_b in boxes[i + 1:]
            if box_a.overlaps(box_b)]


def _outlet_tables():
    """Constructed: five outlets, every side quoted, long bilingual side names."""
    outlets = ["Al Arabiya", "BBC Arabic", "CNN Arabic", "France 24 Arabic", "Sky News Arabia"]
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(5)], "outlet": outlets})
    sides = ["russia", "us", "un", "syria_opposition", "other"]
    attributions = pd.DataFrame({"article_id": [f"a{i}" for i in range(5) for _ in sides],
                                 "source_side": sides * 5})
    return articles, attributions, sides


def test_outlet_tick_labels_do_not_overlap():
    articles, attributions, sides = _outlet_tables()
    ax = plots.plot_outlet_sides(articles, attributions, sides=sides, labels="both")
    ax.figure.canvas.draw()
    ticks = ax.get_xticklabels()
    assert [t.get_text() for t in ticks][:2] == ["روسيا\nRussia", "الولايات المتحدة\nUnited States"]
    assert _boxes_overlap(ticks) == []
    assert ticks[0].get_rotation() > 0  # five long names do not fit side by side


def test_outlet_colour_bar_label_clears_the_title(gold):
    articles, attributions, _ = gold
    ax = plots.plot_outlet_sides(articles, attributions, labels="both")
    ax.figure.canvas.draw()
    colorbar_label = ax.figure.axes[1].yaxis.label
    assert colorbar_label.get_text() == "النسبة المئوية\nShare (%)"
    assert ax.title.get_text() == "الأطراف حسب الوسيلة: الإسنادات\nSides by outlet: Attributions"
    title_box = ax.title.get_window_extent()
    assert not colorbar_label.get_window_extent().overlaps(title_box)
    assert colorbar_label.get_window_extent().y1 < title_box.y0
    assert _boxes_overlap(ax.get_xticklabels()) == []
    assert ax.get_xticklabels()[0].get_rotation() == 0.0  # three sides fit upright


def test_two_line_gloss_when_a_bracket_would_nest():
    assert label_for("text", "stance_count", "both") == (
        "عدد المواقف (سلبي يسارا، إيجابي يمينا)\nStance units (negative left, positive right)")
    assert label_for("text", "share", "both") == "النسبة المئوية\nShare (%)"
    assert label_for("text", "share_of_voice", "both") == "من يتكلم؟\nWho speaks?"


def test_stance_axis_label_has_no_double_brackets(gold):
    _, _, stance = gold
    ax = plots.plot_stance(stance, labels="both")
    text = ax.xaxis.label.get_text()
    assert "((" not in text and "))" not in text and text.count("(") == 2
    legend_top = ax.get_legend().get_window_extent().y1
    assert legend_top < ax.xaxis.label.get_window_extent().y0  # legend clear of the label


@pytest.mark.parametrize(("labels", "expected"), [
    ("ar", "محايد: نقطتا العنوان، ذكر، قال"),
    ("both", "محايد (neutral): نقطتا العنوان، ذكر، قال"),
    ("en", "neutral: headline colon، ذكر، قال"),
])
def test_headline_colon_is_named_in_cue_labels(gold, labels, expected):
    _, attributions, _ = gold
    ax = plots.plot_cue_categories(attributions, show_cues=True, labels=labels)
    first = ax.get_yticklabels()[0].get_text()
    assert first == arabic_label(expected)
    assert ": :" not in first and "، :" not in first


@pytest.fixture(scope="module")
def example_tables():
    import analysis
    from analysis import paths

    result = analysis.analyze(str(paths.RAW_DIR), n_jobs=1, progress=False)
    return result.sentences, result.mentions, result.attributions, result.stance


def _marker_boxes(ax):
    """Display-space boxes (x, y, half width) of every strip marker."""
    boxes = []
    for collection in ax.collections:
        centres = ax.transData.transform(collection.get_offsets())
        for (x, y), size in zip(centres, np.broadcast_to(collection.get_sizes(), len(centres))):
            half = np.sqrt(size) / 2 * ax.figure.dpi / 72 + collection.get_linewidths()[0] / 2
            boxes.append((x, y, half))
    return boxes


def _touching(boxes):
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if abs(a[0] - b[0]) < a[2] + b[2] and abs(a[1] - b[1]) < a[2] + b[2]]


def test_strip_markers_of_the_example_never_touch(example_tables):
    ax = plots.plot_article_strip(*example_tables, article_id=EXAMPLE_ID, labels="both")
    ax.figure.canvas.draw()
    boxes = _marker_boxes(ax)
    table = tables.build_strip_table(*[t[t["article_id"] == EXAMPLE_ID] for t in example_tables])
    assert len(boxes) == len(table)
    assert _touching(boxes) == []
    # sentence 12 holds several marks of one side: each is drawn, each count above one written
    twelve = table[table["x"] == 12]
    assert len(twelve) >= 2
    x12 = ax.transData.transform((12, 0))[0]
    assert sum(abs(x - x12) < 1 for x, _, _ in boxes) == len(twelve)
    written = sorted(int(t.get_text()) for t in ax.texts if abs(t.xy[0] - 12) < 1e-9)
    assert written == sorted(int(c) for c in twelve["count"] if c > 1)


def test_strip_constructed_crowded_sentence():
    sentences = pd.DataFrame({"article_id": "a", "sent_id": [0, 1], "part": ["title", "body"],
                              "start": [0, 0]})  # constructed: everything in sentence 2
    mentions = pd.DataFrame({"article_id": "a", "sent_id": [1] * 6, "side": ["us"] * 5 + ["russia"]})
    attributions = pd.DataFrame({"article_id": "a", "sent_id": [1] * 4, "source_side": ["us"] * 4,
                                 "mode": ["direct", "indirect", "indirect", "indirect"]})
    stance = pd.DataFrame({"article_id": "a", "sent_id": [1] * 3, "holder_side": ["us"] * 3,
                           "polarity": ["negative"] * 3})
    ax = plots.plot_article_strip(sentences, mentions, attributions, stance, labels="ar")
    ax.figure.canvas.draw()
    assert _touching(_marker_boxes(ax)) == []
    assert sorted(t.get_text() for t in ax.texts) == ["3", "4", "5"]
    assert ax.get_yticklabels()[0].get_text() == arabic_label("روسيا: ذكر")


@pytest.mark.parametrize(
    ("actor_id", "english"),
    [("us_foreign_ministry", "US State Department"), ("us_defense_ministry", "US Department of Defense"),
     ("lavrov", "Sergey Lavrov")],
)
def test_conventional_english_names_of_offices(actor_id, english):
    from analysis.figures.glossary import actor_name

    assert actor_name(actor_id)[1] == english


def test_bilingual_labels_hold_no_bidi_controls():
    # A LEFT-TO-RIGHT MARK in a bilingual tick label moved the closing bracket onto the
    # last letter in matplotlib 3.11's PDF output (PNG and SVG were right), which the
    # raster checks are too coarse to see. No label may carry one.
    from analysis.figures.glossary import GLOSSARY

    for kind, table in GLOSSARY.items():
        for key in table:
            shown = label_for(kind, key, "both")
            assert not set(shown) & {"\u200e", "\u200f", "\u202a", "\u202b", "\u2066", "\u2067"}, shown


def test_office_of_a_country_without_a_nisba_is_named_with_the_country_in_brackets():
    """سفير إثيوبيا gives ethiopia_ambassador (no Ethiopian nisba in the lexicon): the
    figure label names the office and the country; countries with a nisba keep theirs."""
    names = glossary.lexicon_glosses()["actor"]
    assert names["ethiopia_ambassador"] == ("السفير (إثيوبيا)", "Ambassador (Ethiopia)")
    assert names["ethiopia_foreign_ministry"] == ("وزارة الخارجية (إثيوبيا)", "Foreign ministry (Ethiopia)")
    assert names["iq_ambassador"] == ("السفير العراقي", "Iraq ambassador")
    assert "russia_ambassador" not in names and "iraq_ambassador" not in names
