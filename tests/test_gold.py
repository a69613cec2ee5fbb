"""Tests of analysis.validation.gold: loading and validating gold annotation files."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.validation.gold import (
    ATTRIBUTION_COLUMNS,
    GOLD_DIR,
    STANCE_COLUMNS,
    GoldError,
    load_gold,
    read_example_text,
    read_gold_articles,
    sha256_text,
)
from analysis.corpus.paths import EXAMPLE_ARTICLE, ant_corpus

EXAMPLE_ID = EXAMPLE_ARTICLE.stem
TITLE, BODY = read_example_text(EXAMPLE_ARTICLE)
LAVROV = BODY.find("لافروف")
ARTICLES = pd.DataFrame({"article_id": [EXAMPLE_ID], "title": [TITLE], "body": [BODY]})


def _csv_line(values: list[str]) -> str:
    return ",".join(f'"{v}"' if ("," in v or "\n" in v) else v for v in values)


def _write_set(folder, attributions: list[list[str]], stance: list[list[str]],
               meta: dict | None = None, article_id: str = EXAMPLE_ID) -> None:
    meta = meta or {
        "article_id": article_id, "source": "example", "outlet": "unknown",
        "title_sha256": sha256_text(TITLE), "body_sha256": sha256_text(BODY),
        "coder": "test", "coded_on": "2026-11-29", "notes": "",
    }
    (folder / f"{article_id}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    lines = [",".join(ATTRIBUTION_COLUMNS)] + [_csv_line(r) for r in attributions]
    (folder / f"{article_id}.attributions.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = [",".join(STANCE_COLUMNS)] + [_csv_line(r) for r in stance]
    (folder / f"{article_id}.stance.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _attribution(**changes) -> list[str]:
    row = {
        "article_id": EXAMPLE_ID, "gold_id": "a1", "part": "body", "source_actor": "lavrov",
        "source_side": "russia", "source_type": "person", "source_start": str(LAVROV),
        "source_end": str(LAVROV + 6), "cue_start": "4", "cue_end": "8", "cue_lemma": "لمح",
        "cue_category": "hedged", "mode": "indirect", "content_start": "47",
        "content_end": "100", "via": "", "in_heading": "false", "notes": "",
    }
    row.update(changes)
    return [row[c] for c in ATTRIBUTION_COLUMNS]


def _stance(**changes) -> list[str]:
    row = {
        "article_id": EXAMPLE_ID, "gold_id": "s1", "part": "body", "holder": "lavrov",
        "holder_side": "russia", "target_side": "us", "polarity": "negative", "kind": "blame",
        "evidence_start": "297", "evidence_end": "341", "notes": "",
    }
    row.update(changes)
    return [row[c] for c in STANCE_COLUMNS]


def test_valid_set_loads_with_typed_columns(tmp_path):
    _write_set(
        tmp_path,
        [_attribution(), _attribution(gold_id="a2", source_start="", source_end="",
                                       in_heading="TRUE", cue_category="neutral")],
        [_stance(), _stance(gold_id="s2", holder="author", holder_side="", kind="criticism")],
    )
    gold = load_gold(tmp_path, articles=ARTICLES)
    assert gold.article_ids == [EXAMPLE_ID]
    att = gold.attributions
    assert att["gold_id"].tolist() == ["a1", "a2"]
    assert att["source_start"].tolist()[0] == LAVROV
    assert att["source_start"].isna().tolist() == [False, True]
    assert att["in_heading"].tolist() == [False, True]
    assert str(att["cue_start"].dtype) == "Int64"
    assert gold.stance["holder_side"].tolist() == ["russia", ""]
    assert gold.meta["coder"].tolist() == ["test"]
    assert "1 articles, 2 attributions, 2 stance units" in repr(gold)


def test_every_problem_is_listed_with_file_line_and_column(tmp_path):
    rows = [
        _attribution(notes="a note\nover two lines"),          # lines 2-3, valid
        _attribution(gold_id="a2", source_side="moscow"),     # line 4
        _attribution(gold_id="a3", mode="quoted", cue_start="x"),  # line 5
        _attribution(gold_id="a4", cue_start="9", cue_end="9"),    # line 6
        _attribution(gold_id="a4", cue_start="-3", source_end=""),  # line 7
    ]
    _write_set(tmp_path, rows, [_stance(holder="author", holder_side="russia", kind="praised")])
    with pytest.raises(GoldError) as info:
        load_gold(tmp_path)
    message = str(info.value)
    att = f"{EXAMPLE_ID}.attributions.csv"
    expected = [
        f"{att}: line 4, column source_side: unknown label 'moscow'",
        f"{att}: line 5, column mode: unknown label 'quoted'",
        f"{att}: line 5, column cue_start: offset 'x' is not a non-negative whole number",
        f"{att}: line 6, columns cue_start/cue_end: start 9 >= end 9",
        f"{att}: line 7, column gold_id: 'a4' repeats line 6",
        f"{att}: line 7, column cue_start: offset '-3' is not a non-negative whole number",
        f"{att}: line 7, column source_end: empty offset",
        f"{EXAMPLE_ID}.stance.csv: line 2, column kind: unknown label 'praised'",
        f"{EXAMPLE_ID}.stance.csv: line 2, column holder_side: the holder 'author' has no side",
    ]
    for fragment in expected:
        assert fragment in message
    assert len(info.value.problems) == len(expected)
    assert message.startswith(f"{len(expected)} problem(s) in the gold annotations")


def test_missing_columns_and_missing_files(tmp_path):
    _write_set(tmp_path, [_attribution()], [_stance()])
    path = tmp_path / f"{EXAMPLE_ID}.stance.csv"
    path.write_text("article_id,gold_id,part,holder\n", encoding="utf-8")
    (tmp_path / "other-article.meta.json").write_text("{}", encoding="utf-8")
    with pytest.raises(GoldError) as info:
        load_gold(tmp_path)
    message = str(info.value)
    assert (f"{EXAMPLE_ID}.stance.csv: line 1 (header): missing columns ['holder_side', "
            "'target_side', 'polarity', 'kind', 'evidence_start', 'evidence_end', 'notes']") in message
    assert "other-article: missing ['other-article.attributions.csv', 'other-article.stance.csv']" in message
    assert "other-article.meta.json: missing keys ['article_id', 'source'" in message


def test_offsets_outside_text_and_hash_mismatch_need_articles(tmp_path):
    too_far = str(len(TITLE) + 5)
    meta = {
        "article_id": EXAMPLE_ID, "source": "example", "outlet": "unknown",
        "title_sha256": sha256_text(TITLE + " "), "body_sha256": sha256_text(BODY),
        "coder": "test", "coded_on": "2026-11-29", "notes": "",
    }
    _write_set(tmp_path, [_attribution(part="title", content_end=too_far)], [_stance()], meta=meta)
    assert len(load_gold(tmp_path).attributions) == 1  # without texts nothing to compare
    with pytest.raises(GoldError) as info:
        load_gold(tmp_path, articles=ARTICLES)
    assert info.value.problems == [
        f"{EXAMPLE_ID}.meta.json, key title_sha256: does not match the title in the articles "
        "table; the text changed since coding, so the offsets may be wrong",
        f"{EXAMPLE_ID}.attributions.csv: line 2, column content_end: {too_far} is outside the "
        f"title ({len(TITLE)} characters)",
    ]
    with pytest.raises(GoldError, match="is not in the articles table"):
        load_gold(tmp_path, articles=ARTICLES.assign(article_id="x"))


def test_missing_folder_and_empty_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_gold(tmp_path / "nope")
    gold = load_gold(tmp_path)
    assert gold.article_ids == [] and list(gold.attributions.columns) == ATTRIBUTION_COLUMNS


def test_read_example_text_keeps_bytes():
    raw = EXAMPLE_ARTICLE.read_bytes().decode("utf-8")
    assert "\n" not in TITLE
    assert TITLE + "\n" + BODY == raw
    assert TITLE.startswith("لمح")


def test_real_gold_folder_validates_against_texts():
    if not GOLD_DIR.is_dir() or not any(GOLD_DIR.glob("*.meta.json")):
        pytest.skip(f"no gold files in {GOLD_DIR} yet")
    gold = load_gold()
    if "ant-v2.1" in gold.meta["source"].tolist() and ant_corpus() is None:
        pytest.skip("gold includes ANT articles but the ANT corpus is absent (set FRAMING_ANT)")
    articles = read_gold_articles(gold)
    assert sorted(articles["article_id"].tolist()) == gold.article_ids
    checked = load_gold(articles=articles)
    assert len(checked.attributions) == len(gold.attributions) > 0
    assert set(checked.attributions["article_id"]) <= set(gold.article_ids)
