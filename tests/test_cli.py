"""The command line: python -m analysis analyze / score, and its error messages."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from analysis.corpus import paths
from analysis.cli import main


def test_analyze_writes_every_table(tmp_path, capsys):
    out = tmp_path / "example"
    assert main(["analyze", str(paths.RAW_DIR), "--out", str(out), "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "1 articles, 14 sentences" in printed
    assert "articles/s" in printed
    for name in ("articles", "sentences", "mentions", "attributions", "stance"):
        assert (out / f"{name}.csv").is_file()  # a small corpus gets CSV copies
        assert [p.name for p in (out / f"{name}.parquet").iterdir()] == ["part-000000.parquet"]
    attributions = pd.read_csv(out / "attributions.csv")
    pd.testing.assert_frame_equal(pd.read_parquet(out / "attributions.parquet")[["cue_start", "cue_end"]],
                                  attributions[["cue_start", "cue_end"]], check_dtype=False)
    assert set(attributions["source_side"]) >= {"russia", "us", "un"}


def test_jsonl_offsets_index_the_input_strings(tmp_path, example_title_body):
    title, body = example_title_body
    src = tmp_path / "one.jsonl"
    pd.DataFrame({"article_id": ["a1"], "title": [title], "body": [body]}).to_json(src, orient="records", lines=True, force_ascii=False)
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--out", str(out), "--quiet", "--format", "parquet"]) == 0
    mentions = pd.read_parquet(out / "mentions.parquet")
    for row in mentions.itertuples():
        assert (title if row.part == "title" else body)[row.start:row.end] == row.surface


def test_bad_input_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "no_text.csv"
    bad.write_text("id,author\n1,someone\n", encoding="utf-8")
    assert main(["analyze", str(bad), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "no_text.csv" in err and "body" in err


def test_module_entry_point_help():
    done = subprocess.run([sys.executable, "-m", "analysis", "--help"], capture_output=True, text=True, check=True)
    assert "analyze" in done.stdout and "figures" in done.stdout


# --------------------------------------------------------------------------------------
# Errors: one line for bad input or flags (naming flags), a traceback for bugs
# --------------------------------------------------------------------------------------


def _jsonl(path, rows) -> None:
    path.write_bytes(b"".join(
        (json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n").encode(codec)
        for i, t, codec in rows))


@pytest.mark.parametrize("case, expected", [
    ("missing input", "nowhere.jsonl: no such file or folder"),
    ("out is a file", "is an existing file; give a folder"),
    ("unknown field", "--column expects FIELD=COLUMN with FIELD one of"),
    ("stages not a prefix", "--stages must be a prefix of mentions attributions stance"),
    ("no text column", "pass --column body=<name of the text column>"),
    ("mixed encodings", "or pass --encoding per-line to decode each line"),
    ("bad json line", "; fix the line or pass --errors skip"),
])
def test_user_errors_are_one_line_naming_flags(tmp_path, capsys, example_title_body, case, expected):
    title, body = example_title_body
    good = tmp_path / "corpus.jsonl"
    _jsonl(good, [("a1", title, "utf-8")])
    out = tmp_path / "out"
    argv = {
        "missing input": ["analyze", str(tmp_path / "nowhere.jsonl"), "--out", str(out)],
        "out is a file": ["analyze", str(good), "--out", str(good)],
        "unknown field": ["analyze", str(good), "--out", str(out), "--column", "headline=text"],
        "stages not a prefix": ["analyze", str(good), "--out", str(out), "--stages", "attributions"],
        "no text column": ["analyze", str(tmp_path / "no_text.csv"), "--out", str(out)],
        "mixed encodings": ["analyze", str(tmp_path / "mixed.jsonl"), "--out", str(out)],
        "bad json line": ["analyze", str(tmp_path / "bad.jsonl"), "--out", str(out)],
    }[case]
    (tmp_path / "bad.jsonl").write_text(good.read_text(encoding="utf-8") + "{\n", encoding="utf-8")
    (tmp_path / "no_text.csv").write_text("id,author\n1,someone\n", encoding="utf-8")
    paragraph = [line for line in body.split("\n") if line.strip()][1]
    _jsonl(tmp_path / "mixed.jsonl", [("a", title, "utf-8"), ("b", paragraph, "cp1256")])
    assert main(argv + ["--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert expected in err
    assert "columns=" not in err and "errors=" not in err and "encoding=" not in err
    assert not out.exists()


def test_an_internal_bug_is_not_reported_as_bad_input(tmp_path, monkeypatch, capsys):
    import analysis.pipeline.stream

    def broken(*args, **kwargs):
        raise ValueError("an index went out of step")  # a bug, not the user's input

    monkeypatch.setattr(analysis.pipeline.stream, "analyze_to", broken)
    with pytest.raises(ValueError, match="out of step"):
        main(["analyze", str(paths.RAW_DIR), "--out", str(tmp_path / "o"), "--quiet"])
    assert "error:" not in capsys.readouterr().err


def test_skipped_rows_are_listed_in_info_json(tmp_path, capsys, example_title_body):
    title, body = example_title_body
    src = tmp_path / "rows.jsonl"
    src.write_text(json.dumps({"id": "a1", "title": title, "text": body}, ensure_ascii=False)
                   + '\n{"id": "a2", "text": \n', encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--out", str(out), "--quiet", "--errors", "skip",
                 "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(f"warning: {src}, line 2: not valid JSON")
    assert "errors=" not in captured.err  # and no advice to skip what is being skipped:
    assert "--errors skip" not in captured.err and captured.err.endswith("fix the line\n")
    info = json.loads((out / "info.json").read_text(encoding="utf-8"))
    assert [(s["file"], s["row"]) for s in info["skipped"]] == [(str(src), 2)]
    assert f"1 bad row(s)/file(s)/article(s) skipped: listed under 'skipped' in {out / 'info.json'}" in captured.out
    assert pd.read_csv(out / "articles.csv")["article_id"].tolist() == ["a1"]


def test_per_line_encoding_and_input_format_flags(tmp_path, capsys, example_title_body):
    title, body = example_title_body
    lines = [line for line in body.split("\n") if line.strip()]
    src = tmp_path / "mixed.data"
    _jsonl(src, [("a", lines[0], "utf-8"), ("b", lines[1], "cp1256")])
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--out", str(out), "--quiet", "--input-format", "jsonl",
                 "--encoding", "per-line", "--format", "parquet", "--stages"]) == 0
    assert pd.read_parquet(out / "articles.parquet")["body"].tolist() == lines[:2]
    info = json.loads((out / "info.json").read_text(encoding="utf-8"))
    assert info["cp1256_lines"] == [{"file": str(src), "lines": [2]}]
    assert "warning: " in capsys.readouterr().err


def test_cli_formats_match_the_readers():
    from analysis import cli
    from analysis.corpus.readers import FORMATS

    assert cli.FORMATS == FORMATS


def test_score_prints_article_bootstrap_intervals(tmp_path, capsys):
    import shutil

    for path in (paths.ANNOTATIONS_DIR / "gold").glob("2016-09-09-lavrov-kerry-geneva.*"):
        shutil.copy(path, tmp_path / path.name)
    assert main(["score", "--gold", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    # the example article is coded exactly as its gold; one article resamples to itself
    assert "  attributions  P 1.000 [1.000, 1.000]  R 1.000 [1.000, 1.000]  F1 1.000 [1.000, 1.000]  (1 articles)" in out
    assert "  stance        P 1.000 [1.000, 1.000]" in out
