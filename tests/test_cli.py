"""The command line: python -m analysis analyze / score, and its error messages."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from analysis.corpus import paths
from analysis.cli import main


def test_analyze_writes_every_table(tmp_path, capsys):
    out = tmp_path / "example"
    assert main(["analyze", str(paths.RAW_DIR), "--out", str(out), "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "1 articles, 14 sentences" in printed
    assert "articles/s" in printed
    for name in ("articles", "sentences", "mentions", "attributions", "stance"):
        assert (out / f"{name}.csv").is_file() and (out / f"{name}.parquet").is_file()
    attributions = pd.read_csv(out / "attributions.csv")
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
