"""The class kit (analysis.teaching): answer cells and their collection, friendly errors, handouts."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import teaching
from analysis.cli import main
from analysis.corpus import schema

TEACHING = teaching.TEACHING_DIR
EXERCISES = sorted(p.stem.removesuffix("-exercise") for p in TEACHING.glob("*-exercise.ipynb"))
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


def test_there_are_four_exercises():
    assert EXERCISES == ["01-reporting-verbs", "02-blame", "03-code-it-yourself", "04-change-the-lexicon"]


# -- answers ----------------------------------------------------------------------------------
@pytest.mark.parametrize("stem", EXERCISES)
def test_exercise_answers_are_blank_and_solutions_answered(stem):
    exercise = teaching.read_answers(TEACHING / f"{stem}-exercise.ipynb")
    solution = teaching.read_answers(TEACHING / f"{stem}-solution.ipynb")
    assert len(exercise) == 1
    assert exercise[["exercise", "question"]].equals(solution[["exercise", "question"]])
    assert exercise["exercise"].tolist() == [stem[:2]]
    assert exercise["answered"].tolist() == [False]
    assert solution["answered"].tolist() == [True]
    assert not solution["answer"].iloc[0].startswith("**")  # the "Model answer" line is dropped


@pytest.mark.parametrize("stem", EXERCISES)
def test_no_answer_is_a_python_string(stem):
    """Students write prose in Markdown, not inside a Python string that a quote can break."""
    nb = json.loads((TEACHING / f"{stem}-exercise.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert not re.search(r"^(interpretation|discussion)\s*=", code, re.M)


def _hand_in(source: Path, target: Path, text: str | None) -> None:
    nb = nbformat.read(source, as_version=4)
    for cell in nb.cells:
        if any(t.startswith("answer-") for t in cell.metadata.get("tags", [])) and text is not None:
            cell.source = teaching.ANSWER_PROMPT + "\n\n" + text
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)


def test_collect_answers_from_a_class(tmp_path):
    ex01, ex02 = TEACHING / "01-reporting-verbs-exercise.ipynb", TEACHING / "02-blame-exercise.ipynb"
    _hand_in(ex01, tmp_path / "amina" / "01-reporting-verbs-exercise.ipynb", "لمّح يجعل التصريح مبدئياً.")
    _hand_in(ex02, tmp_path / "amina" / "02-blame-exercise.ipynb", "Nobody answers for the charge.")
    _hand_in(ex01, tmp_path / "omar" / "01-reporting-verbs-exercise.ipynb", None)  # handed in blank
    _hand_in(ex01, tmp_path / "omar" / ".ipynb_checkpoints" / "01-reporting-verbs-exercise-checkpoint.ipynb", "old")
    _hand_in(ex01, tmp_path / "sara-01.ipynb", "Tentative.")
    table = teaching.collect_answers(tmp_path)
    assert table.columns.tolist() == ["student", "file", "exercise", "question", "answered", "answer"]
    assert table[["student", "exercise", "question", "answered", "answer"]].values.tolist() == [
        ["amina", "01", "task4", True, "لمّح يجعل التصريح مبدئياً."],
        ["amina", "02", "task4", True, "Nobody answers for the charge."],
        ["omar", "01", "task4", False, ""],
        ["sara-01", "01", "task4", True, "Tentative."],
    ]
    wide = teaching.collect_answers(tmp_path, wide=True)
    assert wide.loc[wide["student"] == "amina", "task4"].tolist() == [
        "لمّح يجعل التصريح مبدئياً.", "Nobody answers for the charge."]
    out = tmp_path / "answers.xlsx"
    table.to_excel(out, index=False)
    assert pd.read_excel(out)["answer"].iloc[0] == "لمّح يجعل التصريح مبدئياً."


def test_collect_answers_needs_a_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="no folder"):
        teaching.collect_answers(tmp_path / "absent")


@pytest.mark.parametrize("exercise, question", [("1", "task4"), ("01", "task 4"), ("01", "")])
def test_answer_tag_rejects_bad_ids(exercise, question):
    with pytest.raises(ValueError, match="bad answer tag"):
        teaching.answer_tag(exercise, question)


# -- friendly errors -------------------------------------------------------------------------------
ATTRIBUTIONS = pd.DataFrame(columns=["source_actor_id", "source_side", "cue", "cue_lemma", "cue_category"])
STANCE = pd.DataFrame(columns=["holder", "holder_side", "target_side", "polarity", "kind"])


@pytest.mark.parametrize("error, expected", [
    (KeyError("sorce_side"), "'sorce_side' — did you mean 'source_side' or"),
    (KeyError("['cue_categroy'] not in index"), "'cue_categroy' — did you mean 'cue_category'?"),
    (KeyError("['holdr_side', 'kind_'] not in index"),
     "'holdr_side' — did you mean 'holder_side' or"),
    (KeyError("Cue_Lemma"), "did you mean 'cue_lemma'?"),
    (KeyError("lavrof"), "'lavrof' — did you mean 'lavrov'?"),          # an actor id
    (KeyError("hedgd"), "'hedgd' — did you mean 'hedged'?"),            # a cue category
    (KeyError("zzzz"), "there is no column or name 'zzzz'\n"),         # nothing close: no guess
])
def test_friendly_key_error_suggests_the_closest_names(error, expected):
    message = teaching.friendly_key_error(error, {"attributions": ATTRIBUTIONS, "stance": STANCE})
    assert message.startswith("KeyError: there is no column or name ")
    assert expected in message
    assert "%tb" in message


@pytest.mark.parametrize("names, expected", [
    (["source_side", "cue_categroy"], "attributions has no column 'cue_categroy' (did you mean 'cue_category'?)"),
    (["sourceside"], "no column 'sourceside' (did you mean 'source_side' or 'source_actor_id'?)"),
    (["date"], "no column 'date'. Its columns: source_actor_id, source_side"),
])
def test_require_columns(names, expected):
    with pytest.raises(schema.MissingColumnError) as info:
        schema.require_columns(ATTRIBUTIONS, names, "attributions")
    assert expected in str(info.value)
    assert isinstance(info.value, KeyError) and isinstance(info.value, ValueError)


def test_check_columns_keeps_its_message_and_adds_a_guess():
    with pytest.raises(ValueError, match=r"attributions table is missing columns \['cue_categroy'\]; expected"
                                         r" \['cue_categroy'\]; 'cue_categroy' \(did you mean 'cue_category'\?\)"):
        schema.check_columns(ATTRIBUTIONS, ["cue_categroy"], "attributions")


def test_explain_errors_in_a_kernel():
    """A real kernel: the misspelt column prints the hint and the cell still fails."""
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import pandas as pd\nfrom analysis import teaching\n"
                                  "print(teaching.explain_errors())\n"
                                  "attributions = pd.DataFrame({'source_side': ['us'], 'cue': ['قال']})"),
        nbformat.v4.new_code_cell('attributions[["sorce_side", "cue"]]'),
        nbformat.v4.new_code_cell('{"a": 1}["b"]'),
    ]
    NotebookClient(nb, kernel_name="python3", allow_errors=True, timeout=120).execute()
    assert nb.cells[0].outputs[0]["text"] == "True\n"
    error = nb.cells[1].outputs[-1]
    assert error["output_type"] == "error" and error["ename"] == "KeyError"
    shown = "\n".join(error["traceback"])
    assert "did you mean 'source_side'?" in shown
    assert 'In your line: attributions[["sorce_side", "cue"]]' in shown
    assert "pandas/core" not in shown  # no library traceback for a spelling slip
    assert "there is no column or name 'b'" in "\n".join(nb.cells[2].outputs[-1]["traceback"])


def test_explain_errors_outside_ipython():
    assert teaching.explain_errors() is False


# -- handouts ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("stem", EXERCISES)
def test_handout_has_english_and_arabic(stem):
    source = TEACHING / f"{stem}-exercise.ipynb"
    page = teaching.build_handout(source)
    nb = json.loads(source.read_text(encoding="utf-8"))
    tasks = [c for c in nb["cells"] if c["cell_type"] == "markdown"
             and re.match(r"## (Task|Step)", "".join(c["source"]))]
    english = page.split('<section class="en" lang="en">')[1].split("</section>")[0]
    arabic = page.split('<section class="ar" dir="rtl" lang="ar">')[1].split("</section>")[0]
    assert len(tasks) >= 4
    assert len(re.findall(r"<h2>(Task|Step) \d", english)) == len(tasks)
    assert len(re.findall(r"<h2>(المهمة|الخطوة) \d", arabic)) == len(tasks)  # the same tasks in Arabic
    assert len(ARABIC_LETTER.findall(arabic)) > max(300, 3 * len(ARABIC_LETTER.findall(english)))
    assert english.count('<div class="lines"></div>') == 1  # room to write the one answer
    assert "@page { size: A4" in page
    assert "double-click" not in page  # notebook instructions stay in the notebook
    assert f"Teaching {stem[:2]} · " in page and "— Exercise" not in page


def test_markdown_subset():
    html = teaching.markdown_to_html('## Task 2 · Count\n\nUse `pd.crosstab` **twice** and *one* <b>\n\n1. a\n   b\n2. c')
    assert html == ("<h2>Task 2 · Count</h2>\n<p>Use <code>pd.crosstab</code> <strong>twice</strong> and <em>one</em> "
                    "&lt;b&gt;</p>\n<ol><li>a b</li><li>c</li></ol>")


def test_handout_needs_the_arabic_cell(tmp_path):
    nb = nbformat.read(TEACHING / "02-blame-exercise.ipynb", as_version=4)
    nb.cells = [c for c in nb.cells if "handout-ar" not in c.metadata.get("tags", [])]
    nbformat.write(nb, tmp_path / "x.ipynb")
    with pytest.raises(ValueError, match="no Markdown cell tagged 'handout-ar'"):
        teaching.build_handout(tmp_path / "x.ipynb")


def test_handouts_command(tmp_path, capsys):
    assert main(["handouts", "--out", str(tmp_path / "h")]) == 0
    names = sorted(p.name for p in (tmp_path / "h").iterdir())
    assert names == [f"{stem}-handout.html" for stem in EXERCISES]
    assert capsys.readouterr().out.count("-handout.html") == 4


@pytest.mark.browser
def test_each_handout_prints_on_one_a4_page(tmp_path):
    from chromium import _FLAGS, require_chromium
    import pypdfium2

    chromium = require_chromium()
    for page in teaching.save_handouts(tmp_path):
        pdf = page.with_suffix(".pdf")
        subprocess.run([chromium, *_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=120, check=True)
        document = pypdfium2.PdfDocument(pdf)
        assert len(document) == 1, f"{page.name} prints on {len(document)} pages"
        width, height = document[0].get_size()
        assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)  # A4 in mm
