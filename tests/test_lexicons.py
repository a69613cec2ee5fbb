"""Tests for analysis.coding.lexicons: the generic CSV loader, the shipped actor lexicons and the
one cache every lexicon loader goes through (an edited lexicon is read again)."""

from __future__ import annotations

import os
import re
import shutil
import time

import pytest

from analysis.coding.actors import find_mentions, load_actor_lexicon
from analysis.coding.attribution import load_cue_lexicon, save_recategorised_cues
from analysis.coding.lexicons import (
    ACTORS, ANONYMOUS, MEDIA, NISBA, RACY_NS, SIDES, TITLES, Column, LexiconError, LexiconSchema,
    load_cached, load_lexicon, pinned,
)
from analysis.coding.stance import load_stance_lexicon
from analysis.corpus.paths import LEXICON_DIR
from analysis.text.segment import make_doc

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


def _readme_versions() -> dict[str, str]:
    """The version each lexicon has in the version table of analysis/lexicons/README.md."""
    text = (LEXICON_DIR / "README.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| ([a-z_]+\.csv) \| ([0-9][0-9.]*) \|", text, flags=re.M))


@pytest.mark.parametrize(
    ("filename", "schema", "minimum"),
    [("actors.csv", ACTORS, 720), ("titles.csv", TITLES, 120), ("nisba.csv", NISBA, 580),
     ("media.csv", MEDIA, 130), ("anonymous.csv", ANONYMOUS, 70)],
)
def test_shipped_lexicons_load_with_the_version_their_readme_records(filename, schema, minimum):
    lex = load_lexicon(LEXICON_DIR / filename, schema)
    assert re.fullmatch(r"\d+\.\d+\.\d+", lex.version)
    assert lex.version == _readme_versions()[filename], "raise the version in README.md's table too"
    assert len(lex) >= minimum


def test_readme_version_table_lists_every_lexicon_file():
    assert set(_readme_versions()) == {p.name for p in LEXICON_DIR.glob("*.csv")}


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


# --- every lexicon loads the same way: again after an edit, from the cache when unchanged ---
def _copy_lexicons(tmp_path):
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICON_DIR, folder)
    return folder


def _edit(path, old: str, new: str, *, keep_stamp: bool = False) -> None:
    """Replace text in a file; with ``keep_stamp``, give it back its size and mtime."""
    before = os.stat(path)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    if keep_stamp:
        assert os.stat(path).st_size == before.st_size
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_cue_lexicon_is_read_again_after_an_edit(tmp_path):
    # the defect of teaching exercise 04: the second load returned the rows of the first
    path = _copy_lexicons(tmp_path) / "cues.csv"
    assert load_cue_lexicon(path).entries["لمح"].category == "hedged"
    _edit(path, "لمّح,لمّح,past,hedged", "لمّح,لمّح,past,neutral")
    assert load_cue_lexicon(path).entries["لمح"].category == "neutral"


def test_stance_lexicon_is_read_again_after_an_edit(tmp_path):
    path = _copy_lexicons(tmp_path) / "stance.csv"
    assert [e.kind for e in load_stance_lexicon(path).by_first["انتقد"]] == ["criticism"]
    _edit(path, "انتقد,cue,criticism,negative", "انتقد,cue,blame,negative")
    assert [e.kind for e in load_stance_lexicon(path).by_first["انتقد"]] == ["blame"]


def test_actor_lexicon_is_read_again_after_an_edit(tmp_path):
    folder = _copy_lexicons(tmp_path)
    doc = make_doc("x", "", "قال لافروف إن المحادثات مستمرة.")
    assert [m["side"] for m in find_mentions(doc, load_actor_lexicon(folder))] == ["russia"]
    _edit(folder / "actors.csv", "lavrov,لافروف,russia", "lavrov,لافروف,un")
    for alias in ("سيرغي لافروف", "سيرجي لافروف", "سيرغي فيكتوروفيتش لافروف", "سيرجي فيكتوروفيتش لافروف",
                  "سيرغيه لافروف"):
        _edit(folder / "actors.csv", f"lavrov,{alias},russia", f"lavrov,{alias},un")
    assert [m["side"] for m in find_mentions(doc, load_actor_lexicon(folder))] == ["un"]


def test_an_edit_in_the_same_clock_tick_is_seen(tmp_path):
    # written, loaded and rewritten within one tick of a coarse clock: same size, same mtime;
    # a young file is also compared by its content
    path = _copy_lexicons(tmp_path) / "cues.csv"
    path.write_bytes(path.read_bytes())  # copytree kept the shipped file's old mtime
    assert load_cue_lexicon(path).entries["لمح"].category == "hedged"
    _edit(path, "لمّح,لمّح,past,hedged", "لمّح,لمّح,past,affect", keep_stamp=True)
    assert load_cue_lexicon(path).entries["لمح"].category == "affect"


def test_an_unchanged_lexicon_comes_from_the_cache(tmp_path):
    assert load_cue_lexicon() is load_cue_lexicon()
    assert load_stance_lexicon() is load_stance_lexicon()
    assert load_actor_lexicon() is load_actor_lexicon()
    path = _copy_lexicons(tmp_path) / "stance.csv"
    old = time.time_ns() - 10 * RACY_NS
    os.utime(path, ns=(old, old))
    assert load_stance_lexicon(path) is load_stance_lexicon(path)


def test_load_cached_builds_once_per_version(tmp_path):
    calls = []

    def build(path):
        calls.append(path.read_text(encoding="utf-8"))
        return calls[-1]

    path = tmp_path / "words.txt"
    path.write_text("one", encoding="utf-8")
    old = time.time_ns() - 10 * RACY_NS
    os.utime(path, ns=(old, old))
    assert load_cached(build, path) == load_cached(build, path) == "one"
    assert len(calls) == 1
    path.write_text("three", encoding="utf-8")
    assert load_cached(build, path) == "three" and len(calls) == 2
    with pytest.raises(FileNotFoundError):
        load_cached(build, tmp_path / "missing.txt")  # nothing cached: the loader names the file


def test_a_pinned_batch_reads_each_lexicon_once_and_the_next_call_sees_edits(tmp_path, monkeypatch):
    from analysis.coding import lexicons

    calls = []

    def build(path):
        calls.append(path.read_text(encoding="utf-8"))
        return calls[-1]

    path = tmp_path / "words.txt"
    path.write_text("one", encoding="utf-8")
    stats = []
    real_stamp = lexicons._stamp
    monkeypatch.setattr(lexicons, "_stamp", lambda p: stats.append(p) or real_stamp(p))
    with pinned():
        assert load_cached(build, path) == "one"
        path.write_text("two!", encoding="utf-8")  # edited mid-batch: the batch keeps "one"
        with pinned():  # nested: the outer block counts
            assert load_cached(build, path) == "one"
        assert load_cached(build, path) == "one"
    assert len(stats) == 1 and calls == ["one"]
    assert load_cached(build, path) == "two!" and calls == ["one", "two!"]


def test_save_recategorised_cues_starts_from_the_shipped_lexicon_each_time(tmp_path):
    path = _copy_lexicons(tmp_path) / "cues.csv"
    assert save_recategorised_cues(path, "لمح", "neutral") == 11  # matched after normalisation
    lex = load_cue_lexicon(path)
    assert lex.entries["لمح"].category == "neutral" and lex.versions["cues"].endswith("+edited")
    assert save_recategorised_cues(path, "نفى", "distancing") == 14
    lex = load_cue_lexicon(path)
    assert (lex.entries["لمح"].category, lex.entries["نفي"].category) == ("hedged", "distancing")
    assert save_recategorised_cues(path, None, None) == 0
    assert path.read_bytes() == (LEXICON_DIR / "cues.csv").read_bytes()
    with pytest.raises(ValueError, match="'neutrl' is not a cue category; choose one of neutral"):
        save_recategorised_cues(path, "لمح", "neutrl")
    with pytest.raises(ValueError, match="no lemma 'لمحح'; lemmas that begin alike: .*لمّح"):
        save_recategorised_cues(path, "لمحح", "neutral")


@pytest.mark.notebooks
def test_teaching_exercise_04_works_when_rerun_after_an_edit():
    # one kernel, as in a class: run the exercise, answer step 2, run it again, change the
    # answer and run it once more; each run codes the example with the latest answer
    import nbformat
    from nbclient import NotebookClient

    from analysis.corpus.paths import ROOT

    path = ROOT / "notebooks" / "teaching" / "04-change-the-lexicon-exercise.ipynb"
    nb = nbformat.read(path, as_version=4)
    answer = next(i for i, c in enumerate(nb.cells) if c.source.startswith("lemma_to_change = None"))
    probe = nbformat.v4.new_code_cell(
        'print(sorted(set(after.loc[after["cue_lemma"] == "لمّح", "cue_category"])), my_cues.versions["cues"])')
    nb.cells.append(probe)  # what the class would look at after each run
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})

    def run_from(start: int) -> str:
        for i in range(start, len(nb.cells)):
            if nb.cells[i].cell_type == "code":
                client.execute_cell(nb.cells[i], i)
        outputs = [o for c in nb.cells[start:] for o in c.get("outputs", [])]
        assert [o for o in outputs if o["output_type"] == "error"] == []
        return "".join(o.get("text", "") for o in outputs if o["output_type"] == "stream")

    with client.setup_kernel():
        shipped = run_from(0)
        cues_version = load_cue_lexicon().versions["cues"]
        assert "Step 2 not answered yet" in shipped and f"['hedged'] {cues_version}\n" in shipped
        nb.cells[answer].source = 'lemma_to_change = "لمّح"\nnew_category = "neutral"'
        first = run_from(answer)
        assert "11 rows of لمّح now neutral" in first and f"['neutral'] {cues_version}+edited" in first
        nb.cells[answer].source = 'lemma_to_change = "لمّح"\nnew_category = "affect"'
        second = run_from(answer)
        assert "11 rows of لمّح now affect" in second and f"['affect'] {cues_version}+edited" in second
