"""analyze(): stages over a corpus, identical results on any number of processes, save/load."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis.corpus import paths
from analysis.corpus import schema
from analysis.pipeline.batch import Result, analyze, analyze_article, analyze_partition

EXAMPLE_ID = "2016-09-09-lavrov-kerry-geneva"


@pytest.fixture(scope="module")
def example_result() -> Result:
    return analyze(paths.EXAMPLE_ARTICLE, progress=False)


def test_every_public_name_resolves():
    for name in analysis.__all__:
        assert getattr(analysis, name) is not None, name


def test_example_tables_have_the_contract_columns(example_result):
    r = example_result
    assert list(r.articles["article_id"]) == [EXAMPLE_ID]
    for name, columns in {"sentences": schema.SENTENCES, "mentions": schema.MENTIONS,
                          "attributions": schema.ATTRIBUTIONS, "stance": schema.STANCE}.items():
        assert list(getattr(r, name).columns[: len(columns)]) == columns, name
    assert len(r.sentences) == 14
    assert r.sentences["part"].value_counts().to_dict() == {"body": 9, "lead": 2, "heading": 2, "title": 1}


def test_every_offset_indexes_the_original_strings(example_result):
    r = example_result
    title, body = r.articles.loc[0, "title"], r.articles.loc[0, "body"]
    for row in r.sentences.itertuples():
        source = title if row.part == "title" else body
        assert source[row.start:row.end] == row.text
    for row in r.mentions.itertuples():
        source = title if row.part == "title" else body
        assert source[row.start:row.end] == row.surface
    for row in r.attributions.itertuples():
        source = title if row.part == "title" else body
        assert source[row.cue_start:row.cue_end].endswith(row.cue.lstrip("وف")) or row.cue == ":"


def test_lavrov_quote_is_direct_and_russian(example_result):
    a = example_result.attributions
    body = example_result.articles.loc[0, "body"]
    row = a[a["cue"] == "أوضح"].iloc[0]
    assert (row["source_side"], row["cue_category"], row["mode"]) == ("russia", "explanatory", "direct")
    assert body[row["content_start"]:row["content_end"]].startswith("لقد احتاج أصدقاؤنا")


def test_same_tables_on_two_processes(example_result):
    # A constructed corpus of 60 articles: the example repeated under different ids.
    base = example_result.articles
    corpus = pd.concat([base.assign(article_id=f"copy-{i:02d}") for i in range(60)], ignore_index=True)
    one = analyze(corpus, n_jobs=1, progress=False, batch_size=7)
    two = analyze(corpus, n_jobs=2, progress=False, batch_size=7)
    for name in ("sentences", "mentions", "attributions", "stance"):
        pd.testing.assert_frame_equal(getattr(one, name), getattr(two, name))
    assert len(one.attributions) == 60 * len(example_result.attributions)


def test_partition_function_equals_analyze(example_result):
    tables = analyze_partition(example_result.articles)
    pd.testing.assert_frame_equal(tables["attributions"], example_result.attributions)


def test_stage_prefixes():
    recs = analyze_article("x", "لافروف: لن نقبل", "", stages=("mentions",))
    assert recs["attributions"] == [] and recs["mentions"][0]["actor_id"] == "lavrov"
    with pytest.raises(ValueError, match="prefix"):
        analyze_article("x", "", "", stages=("attributions",))
    with pytest.raises(ValueError, match="unknown stage"):
        analyze_article("x", "", "", stages=("quotes",))


def test_save_and_load_round_trip(example_result, tmp_path):
    written = example_result.save(tmp_path / "out")
    assert {p.name for p in written} >= {"attributions.csv", "attributions.parquet", "info.json"}
    for fmt in ("parquet", "csv"):
        if fmt == "csv":  # a rerun replaces the folder: no Parquet file of the first save stays
            example_result.save(tmp_path / "out", formats=("csv",))
            assert not list((tmp_path / "out").glob("*.parquet"))
        back = Result.load(tmp_path / "out")
        pd.testing.assert_frame_equal(back.attributions, example_result.attributions, check_dtype=True)
        pd.testing.assert_frame_equal(back.sentences, example_result.sentences)


def test_load_refuses_a_folder_whose_files_do_not_match_its_manifest(example_result, tmp_path):
    from analysis.pipeline.dataset import OutputFolderError

    example_result.save(tmp_path / "out")
    (tmp_path / "out" / "stance.parquet").unlink()
    with pytest.raises(OutputFolderError, match=r"stance.parquet is listed in info.json but missing"):
        Result.load(tmp_path / "out")
    example_result.save(tmp_path / "out")
    with open(tmp_path / "out" / "mentions.csv", "a", encoding="utf-8") as fh:
        fh.write("x\n")
    with pytest.raises(OutputFolderError, match=r"mentions.csv has \d[\d,]* bytes, info.json says"):
        Result.load(tmp_path / "out")


def test_save_refuses_a_folder_it_did_not_write(example_result, tmp_path):
    from analysis.pipeline.dataset import OutputFolderError

    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "draft.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputFolderError, match="no info.json"):
        example_result.save(tmp_path / "notes")
    assert (tmp_path / "notes" / "draft.txt").read_text(encoding="utf-8") == "mine"


def test_empty_and_foreign_articles_give_empty_tables():
    corpus = pd.DataFrame({"article_id": ["empty", "english"], "title": ["", "Hello"],
                           "body": ["", "Lavrov said nothing in English."]})
    r = analyze(corpus, progress=False)
    assert r.mentions.empty and r.attributions.empty and r.stance.empty
    assert list(r.attributions.columns) == schema.ATTRIBUTIONS


def test_duplicate_ids_are_refused():
    corpus = pd.DataFrame({"article_id": ["a", "a"], "title": ["", ""], "body": ["x", "y"]})
    with pytest.raises(ValueError, match="duplicate article_id"):
        analyze(corpus, progress=False)


def test_article_view_and_summary(example_result):
    one = example_result.article(EXAMPLE_ID)
    assert len(one.attributions) == len(example_result.attributions)
    with pytest.raises(KeyError, match="no article"):
        example_result.article("missing")
    assert "1 articles, 14 sentences" in example_result.summary()


# --------------------------------------------------------------------------------------
# Ids are text in every table; the read report travels into info.json
# --------------------------------------------------------------------------------------


def test_integer_ids_are_text_in_every_table(example_result):
    base = example_result.articles[["title", "body"]]
    corpus = pd.concat([base.assign(article_id=7), base.assign(article_id=8)], ignore_index=True)
    assert corpus["article_id"].dtype == "int64"
    r = analyze(corpus, progress=False, stages=("mentions",))
    assert r.articles["article_id"].dtype == "string"
    assert r.articles["article_id"].tolist() == ["7", "8"]
    for name in ("sentences", "mentions"):
        table = getattr(r, name)
        assert table["article_id"].dtype == "string", name
        joined = table.merge(r.articles[["article_id", "title"]], on="article_id", how="left")
        assert joined["title"].notna().all(), name  # every row finds its article
    assert len(r.article(7).sentences) == len(example_result.sentences)


@pytest.mark.parametrize("ids", [[1, "1"], ["a", "a"]])
def test_ids_equal_as_text_are_duplicates(ids):
    corpus = pd.DataFrame({"article_id": pd.Series(ids, dtype=object), "title": ["", ""],
                           "body": ["قال لافروف", "قال كيري"]})  # constructed
    first = ids[0]
    with pytest.raises(ValueError, match=rf"duplicate article_id values: '{first}' \(rows 0, 1\); "
                                         "ids are compared as text"):
        analyze(corpus, progress=False)


@pytest.mark.parametrize("bad", [None, 1.5, ""])
def test_ids_that_are_not_text_or_integers_are_refused(bad):
    corpus = pd.DataFrame({"article_id": pd.Series(["a", bad], dtype=object), "title": ["", ""],
                           "body": ["قال لافروف", "قال كيري"]})  # constructed
    with pytest.raises(ValueError, match=r"article_id must be non-empty text or an integer; "
                                         r"1 row\(s\) are not: row 1"):
        analyze(corpus, progress=False)


def test_save_lists_what_the_read_skipped_in_info_json(tmp_path, example_title_body):
    import json

    title, body = example_title_body
    src = tmp_path / "rows.jsonl"
    src.write_text(json.dumps({"id": "a1", "title": title, "text": body}, ensure_ascii=False)
                   + "\nnot json\n"
                   + json.dumps({"id": "a2", "title": title, "text": body}, ensure_ascii=False)
                   + "\n", encoding="utf-8")
    with pytest.warns(analysis.CorpusReadWarning):
        r = analyze(src, progress=False, stages=(), errors="skip")
    r.save(tmp_path / "out", formats=("csv",))
    info = json.loads((tmp_path / "out" / "info.json").read_text(encoding="utf-8"))
    assert [(s["file"], s["row"]) for s in info["skipped"]] == [(str(src), 2)]
    assert "not valid JSON" in info["skipped"][0]["reason"]
    assert info["duplicate_texts"] == [{"article_id": "a2", "file": str(src),
                                        "same_text_as": "a1", "same_text_as_file": str(src)}]
    assert info["title_only"] == [] and info["cp1256_lines"] == []
    assert Result.load(tmp_path / "out").info["skipped"] == info["skipped"]


def test_a_dataframe_is_mapped_like_a_file():
    """analyze(df, columns=...) maps a DataFrame's columns as read_articles maps a file's."""
    frame = pd.DataFrame({"id": ["a1"], "headline": ["لافروف: لن نقبل"],  # constructed article
                          "text": ["قال لافروف إن موسكو لن تقبل."]})
    result = analyze(frame, columns={"id": "id", "title": "headline", "body": "text"}, progress=False)
    assert result.articles.loc[0, ["article_id", "title"]].tolist() == ["a1", "لافروف: لن نقبل"]
    assert result.attributions["source_actor_id"].tolist() == ["lavrov", "lavrov"]
    untitled = analyze(frame, columns={"id": "id", "body": "text", "title": None}, progress=False)
    assert untitled.articles.loc[0, "title"] == ""
    with pytest.raises(ValueError, match=r"columns=\{'body': 'texte'\} names a column that is not in the DataFrame"):
        analyze(frame, columns={"body": "texte"}, progress=False)
