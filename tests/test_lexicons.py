"""Tests for analysis.coding.lexicons: the generic CSV loader and the shipped actor lexicons."""

from __future__ import annotations

import pytest

from analysis.coding.lexicons import (
    ACTORS, ANONYMOUS, MEDIA, NISBA, SIDES, TITLES, Column, LexiconError, LexiconSchema,
    load_lexicon,
)
from analysis.corpus.paths import LEXICON_DIR

SCHEMA = LexiconSchema(
    name="toy",
    columns=(Column("word"), Column("side", choices=("russia", "us")),
             Column("note", required=False)),
    unique=("word",),
)


def write(tmp_path, text, name="toy.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_valid_file_keeps_rows_version_and_lines(tmp_path):
    path = write(tmp_path, "# a comment\n# version: 2.1\nword,side,note\nروسيا,russia,\n\n"
                           "\"واشنطن, العاصمة\",us,x\n")
    lex = load_lexicon(path, SCHEMA)
    assert lex.version == "2.1"
    assert [r["word"] for r in lex.rows] == ["روسيا", "واشنطن, العاصمة"]
    assert lex.lines == [4, 6]
    frame = lex.to_frame()
    assert frame["line"].tolist() == [4, 6]
    assert frame["side"].tolist() == ["russia", "us"]


@pytest.mark.parametrize(
    ("text", "line", "column", "fragment"),
    [
        ("# version: 1\nword,side,note\nروسيا,usa,\n", 3, "side", "'usa' is not one of russia, us"),
        ("# version: 1\nword,side,note\n,us,\n", 3, "word", "is empty"),
        ("# version: 1\nword,side,note\nروسيا,russia\n", 3, None, "has 2 fields, the header has 3"),
        ("# version: 1\nword,side,note\nروسيا,russia,\nروسيا,us,\n", 4, "word",
         "first on line 3"),
        ("# version: 1\nword,side,note\n روسيا,russia,\n", 3, "word", "leading or trailing"),
        ("# version: 1\nword,sides,note\n", 2, None, "missing ['side']"),
        ("word,side,note\nروسيا,russia,\n", 1, None, "no '# version: ...' line"),
    ],
)
def test_malformed_rows_name_file_line_and_column(tmp_path, text, line, column, fragment):
    path = write(tmp_path, text)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path, SCHEMA)
    err = info.value
    assert err.line == line
    assert err.column == column
    assert fragment in str(err)
    assert str(path) in str(err)
    if line is not None:
        assert f"line {line}" in str(err)
    if column is not None:
        assert f"column '{column}'" in str(err)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(LexiconError, match="nope.csv: file not found"):
        load_lexicon(tmp_path / "nope.csv", SCHEMA)


def test_pattern_column_rejects_non_snake_case(tmp_path):
    schema = LexiconSchema("ids", (Column("actor_id", pattern=r"[a-z][a-z0-9_]*"),))
    path = write(tmp_path, "# version: 1\nactor_id\nLavrov\n")
    with pytest.raises(LexiconError, match=r"line 3, column 'actor_id'.*does not match"):
        load_lexicon(path, schema)


@pytest.mark.parametrize(
    ("filename", "schema", "minimum", "version"),
    [("actors.csv", ACTORS, 600, "1.1.0"), ("titles.csv", TITLES, 90, "1.1.0"),
     ("nisba.csv", NISBA, 240, "1.1.0"), ("media.csv", MEDIA, 120, "1.0.0"),
     ("anonymous.csv", ANONYMOUS, 70, "1.1.0")],
)
def test_shipped_lexicons_load_with_a_version(filename, schema, minimum, version):
    lex = load_lexicon(LEXICON_DIR / filename, schema)
    assert lex.version == version
    assert len(lex) >= minimum


def test_actor_lexicon_has_200_actors_and_both_main_sides():
    rows = load_lexicon(LEXICON_DIR / "actors.csv", ACTORS).rows
    ids = {r["actor_id"] for r in rows}
    assert len(ids) >= 200
    side = {r["actor_id"]: r["side"] for r in rows}
    assert side["lavrov"] == "russia" and side["kerry"] == "us"
    assert side["nato"] == "other" and side["china"] == "other"
    assert {r["side"] for r in rows} <= set(SIDES)
    aliases = {r["alias"] for r in rows}
    for variant in ("ترامب", "ترمب", "بوتين", "بوتن", "سيرغي لافروف", "سيرجي لافروف",
                    "البنتاغون", "البنتاجون", "الكونغرس", "الكونجرس"):
        assert variant in aliases


def test_media_sides_follow_their_country():
    rows = {r["alias"]: r["side"] for r in load_lexicon(LEXICON_DIR / "media.csv", MEDIA).rows}
    assert rows["تاس"] == "russia"
    assert rows["وول ستريت جورنال"] == "us"
    assert rows["فرانس برس"] == "france"
    assert rows["الأناضول"] == "turkey"
