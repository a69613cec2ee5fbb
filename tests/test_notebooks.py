"""Execute every notebook headless and check what it shows; check the committed files.

Each notebook (numbered ones and the teaching exercise/solution pairs) runs with papermill
into ``tmp_path`` with ``figures_dir`` pointed there, so nothing in the repository is
written. Beyond "no error", each run is checked for specific values it must print (for
example the number of attributions the example article yields) and the files it must
write. The committed ``.ipynb`` files must carry no outputs and match their ``py:percent``
pair (in the ``scripts/`` folder beside them) cell for cell, ``jupytext --sync`` must leave an
unchanged pair byte for byte, JupyterLab must list each notebook once, and no notebook may
edit ``sys.path``.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import jupytext
import pytest

from analysis.corpus import paths

NOTEBOOKS_DIR = paths.NOTEBOOKS_DIR
NUMBERED = sorted(p.name for p in NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
TEACHING = sorted(f"teaching/{p.name}" for p in (NOTEBOOKS_DIR / "teaching").glob("[0-9][0-9]-*.ipynb"))
ALL_NOTEBOOKS = NUMBERED + TEACHING
ALL_SCRIPTS = sorted(str(p.relative_to(NOTEBOOKS_DIR)) for p in NOTEBOOKS_DIR.rglob("[0-9][0-9]-*.py"))
#: The kernel the notebooks name, as `make env` and postBuild install it: when the notebook's
#: kernelspec matches, JupyterLab does not rewrite it on opening (no "modified" mark).
KERNEL_DISPLAY_NAME = "Python 3 (framing suite)"


def script_of(name: str) -> Path:
    """``teaching/01-x.ipynb`` -> ``notebooks/teaching/scripts/01-x.py`` (jupytext.toml's pairing)."""
    ipynb = NOTEBOOKS_DIR / name
    return ipynb.parent / "scripts" / ipynb.with_suffix(".py").name

#: Parameters each notebook gets besides figures_dir (08 runs on a sample of ANT).
EXTRA_PARAMETERS = {"08-corpus-at-scale.ipynb": {"sample": 3000}}

#: Text that must appear in the outputs of a notebook run (stdout, plain-text results or
#: HTML). Values are specific to the example article so that a change in the extractor or
#: a broken cell shows up here.
EXAMPLE_SUMMARY = "1 articles, 14 sentences, 42 actor mentions, 13 attributions, 11 stance units"
EXPECTED_OUTPUT = {
    "00-start-here.ipynb": [EXAMPLE_SUMMARY, "example-share-of-voice.png",
                            "نفت"],  # the US denial in the who-speaks table
    "01-corpus.ipynb": [
        "in the original body at 4–8: 'لمّح'",  # normalised span mapped back, shadda kept
        "CorpusReadError",
        "names a column that is not in the file",
        "امكانية", "إمكانية",  # kwic finds both spellings of the example
        "امكانيه تاجيل المحادثات الي الاسبوع المقبل",
    ],
    "02-actors-and-sides.ipynb": ["42 actor mentions in the example article", "pronoun-carry", "الكرملين"],
    "03-who-speaks.ipynb": ["13 attributions in the example article", "حدوث توقف في المحادثات",
                            "interfax"],
    "04-stance.ipynb": ["11 stance units in the example article",
                        "احتاج أصدقاؤنا إلى 5 ساعات للتنسيق مع واشنطن", "threat", "praise", "criticism"],
    "05-comparing-sides.ipynb": ["derived data: data/derived/ant-2018", "corpus: ant-v2.1 (31,485 articles",
                                 "share-of-voice.note.csv", "differences have an interval that excludes 0",
                                 "Sky News Arabia"],
    "06-validation.ipynb": ["gold articles scored:", "articles coded by both coders", "cue_category",
                            "percent_agreement"],
    "07-classifier.ipynb": ["('normalize', ArabicNormalizer())", "واكد لافروف ان الحوار مستمر"],
    "08-corpus-at-scale.ipynb": ["3,000 articles read", "selected: both sides are actors",
                                 "would pass the keyword test", "Please cite: Chouigui",
                                 "blame per 100 articles: US → Russia", "extractor on the locked test split",
                                 "Sky News Arabia"],
    "teaching/01-reporting-verbs-exercise.ipynb": ["Task 1 not answered yet.", "Task 3 not answered yet."],
    "teaching/01-reporting-verbs-solution.ipynb": ["Missing columns: none", "Categories used for the US side: denial, neutral"],
    "teaching/02-blame-exercise.ipynb": ["Task 1 not answered yet.", "Task 3 not answered yet."],
    "teaching/02-blame-solution.ipynb": ["4 blame units", "Yes: «لقد احتاج أصدقاؤنا"],
    "teaching/03-code-it-yourself-exercise.ipynb": ["undefined"],
    "teaching/03-code-it-yourself-solution.ipynb": ["reliable", "explanatory", "accusation"],
    "teaching/04-change-the-lexicon-exercise.ipynb": ["Step 2 not answered yet"],
    "teaching/04-change-the-lexicon-solution.ipynb": ["11 rows of لمّح now neutral", "share_after", "62.5"],
}
if paths.ant_corpus() is not None:
    EXPECTED_OUTPUT["07-classifier.ipynb"].append("188 labelled sentences")
    EXPECTED_OUTPUT["06-validation.ipynb"].append("30 articles coded by both coders")

#: Files a run must write into figures_dir.
_PAPER_FIGURES = ("share-of-voice", "direct-and-anonymous", "cue-profile", "stance-between-sides",
                  "coverage-by-month")
EXPECTED_FIGURES = {
    "00-start-here.ipynb": [f"example-share-of-voice.{ext}" for ext in ("pdf", "png", "svg", "csv")],
    "05-comparing-sides.ipynb": [f"{name}.{ext}" for name in _PAPER_FIGURES
                                 for ext in ("pdf", "png", "svg", "csv", "note.csv")]
    + ["outlet-differences.csv", "measures-by-section.csv", "example-cue-categories.csv"],
}
#: Notebooks that must take figures_dir from a tagged parameters cell.
NEEDS_FIGURES_DIR = ("00-start-here.ipynb", "05-comparing-sides.ipynb", "08-corpus-at-scale.ipynb")


def _outputs_text(nb: dict) -> str:
    """Every textual output of an executed notebook, joined."""
    pieces = []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            if out["output_type"] == "stream":
                pieces.append("".join(out["text"]))
            elif out["output_type"] in ("execute_result", "display_data"):
                data = out.get("data", {})
                for mime in ("text/plain", "text/html", "text/markdown"):
                    if mime in data:
                        value = data[mime]
                        pieces.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(pieces)


def _execute(name: str, tmp_path: Path, **parameters) -> dict:
    import papermill

    source = NOTEBOOKS_DIR / name
    out = tmp_path / "executed" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    params = {"figures_dir": str(tmp_path / "figures"), **parameters}
    papermill.execute_notebook(
        str(source), str(out), parameters=params, cwd=str(source.parent), kernel_name="python3",
        progress_bar=False, request_save_on_cell_execute=False, execution_timeout=900,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def test_every_numbered_notebook_is_expected():
    """The README's plan: 00 to 08 exist as notebooks (names used by analysis.cli)."""
    from analysis.cli import PAPER_NOTEBOOKS

    for name in PAPER_NOTEBOOKS:
        assert name in NUMBERED
    assert [n[:2] for n in NUMBERED] == [f"{i:02d}" for i in range(len(NUMBERED))]


@pytest.mark.notebooks
@pytest.mark.parametrize("name", ALL_NOTEBOOKS)
def test_notebook_executes(name, tmp_path):
    parameters = dict(EXTRA_PARAMETERS.get(name, {}))
    if name == "08-corpus-at-scale.ipynb" and paths.ant_corpus() is None:
        pytest.skip("ANT corpus not found (../shared/corpora/ant or FRAMING_ANT); "
                    "test_corpus_notebook_without_ant covers the absent case")
    nb = _execute(name, tmp_path, **parameters)
    errors = [o for c in nb["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert errors == []
    text = _outputs_text(nb)
    for expected in EXPECTED_OUTPUT.get(name, []):
        assert expected in text, f"{name}: expected output {expected!r} not found"
    for filename in EXPECTED_FIGURES.get(name, []):
        assert (tmp_path / "figures" / filename).is_file(), f"{name} did not write {filename}"


@pytest.mark.notebooks
def test_corpus_notebook_without_ant(tmp_path):
    """With no corpus the at-scale notebook says so and ends without error."""
    nb = _execute("08-corpus-at-scale.ipynb", tmp_path, corpus=str(tmp_path / "no-such-corpus.jsonl.gz"))
    text = _outputs_text(nb)
    assert "No corpus found" in text
    assert "no-such-corpus.jsonl.gz" in text


@pytest.mark.notebooks
def test_classifier_notebook_without_ant(tmp_path, monkeypatch):
    """Without the corpus 07 shows the recipe, says why training is skipped, and ends."""
    monkeypatch.setenv("FRAMING_ANT", str(tmp_path / "absent.jsonl.gz"))
    monkeypatch.setenv("FRAMING_SHARED", str(tmp_path / "no-shared"))
    nb = _execute("07-classifier.ipynb", tmp_path)
    text = _outputs_text(nb)
    assert "Training skipped: the ANT corpus is not available" in text
    assert "labelled sentences" not in text


@pytest.mark.notebooks
def test_paper_notebook_is_deterministic(tmp_path):
    """Running 05 twice writes byte-identical figure files."""
    first, second = tmp_path / "one", tmp_path / "two"
    _execute("05-comparing-sides.ipynb", first)
    _execute("05-comparing-sides.ipynb", second)
    names = sorted(p.name for p in (first / "figures").iterdir())
    assert names == sorted(p.name for p in (second / "figures").iterdir())
    assert len(names) >= 4 * 4  # at least four figures, each as pdf, png, svg and csv
    changed = [n for n in names if (first / "figures" / n).read_bytes() != (second / "figures" / n).read_bytes()]
    assert changed == []


@pytest.mark.parametrize("name", ALL_NOTEBOOKS)
def test_committed_notebook_has_no_outputs(name):
    nb = json.loads((NOTEBOOKS_DIR / name).read_text(encoding="utf-8"))
    dirty = [i for i, c in enumerate(nb["cells"])
             if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count") is not None)]
    assert dirty == [], f"{name}: cells {dirty} have outputs; strip them (jupytext --sync keeps none)"


def _cells(notebook) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.cell_type, c.source.strip(), tuple(c.metadata.get("tags", ()))) for c in notebook.cells]


@pytest.mark.parametrize("name", ALL_NOTEBOOKS)
def test_notebook_in_sync_with_script(name):
    ipynb = NOTEBOOKS_DIR / name
    script = script_of(name)
    assert script.is_file(), f"{name} has no py:percent pair {script.relative_to(NOTEBOOKS_DIR)}"
    assert _cells(jupytext.read(ipynb)) == _cells(jupytext.read(script)), (
        f"{name} and {script.name} differ: run `.venv/bin/jupytext --sync {script}`")


def test_every_script_has_a_notebook():
    assert sorted(s.replace("scripts/", "").replace(".py", ".ipynb") for s in ALL_SCRIPTS) == sorted(ALL_NOTEBOOKS)
    assert all(Path(s).parent.name == "scripts" for s in ALL_SCRIPTS), ALL_SCRIPTS


def test_scripts_are_out_of_the_notebook_folders():
    """JupyterLab (with jupytext) would list a .py beside its .ipynb as a second notebook."""
    for folder in (NOTEBOOKS_DIR, NOTEBOOKS_DIR / "teaching"):
        assert sorted(p.name for p in folder.glob("*.py")) == []
    config = (paths.ROOT / "jupytext.toml").read_text(encoding="utf-8")
    assert re.search(r'^formats = "ipynb,scripts//py:percent"$', config, re.M)


def test_notebook_metadata_is_stable():
    """No per-notebook pairing (jupytext.toml decides) and the installed kernel's name."""
    for name in ALL_NOTEBOOKS:
        meta = json.loads((NOTEBOOKS_DIR / name).read_text(encoding="utf-8"))["metadata"]
        assert "formats" not in meta.get("jupytext", {}), name
        assert meta["kernelspec"] == {"display_name": KERNEL_DISPLAY_NAME, "language": "python",
                                      "name": "python3"}, name
    for installer in ("Makefile", "postBuild"):
        text = (paths.ROOT / installer).read_text(encoding="utf-8")
        assert f'--name python3 --display-name "{KERNEL_DISPLAY_NAME}"' in text, installer


def test_jupytext_sync_on_an_unchanged_pair_changes_no_byte(tmp_path):
    """Opening, saving or syncing a committed pair must not rewrite it (no spurious diff)."""
    shutil.copy2(paths.ROOT / "jupytext.toml", tmp_path / "jupytext.toml")
    shutil.copytree(NOTEBOOKS_DIR, tmp_path / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    before = {p: p.read_bytes() for p in (tmp_path / "notebooks").rglob("*") if p.is_file()}
    jupytext_cli = Path(sys.executable).with_name("jupytext")
    subprocess.run([str(jupytext_cli), "--sync", *(str(tmp_path / "notebooks" / n) for n in ALL_NOTEBOOKS)],
                   check=True, capture_output=True, timeout=300)
    after = {p: p.read_bytes() for p in (tmp_path / "notebooks").rglob("*") if p.is_file()}
    assert sorted(after) == sorted(before), "jupytext --sync created or removed files"
    assert [str(p.relative_to(tmp_path)) for p in before if before[p] != after[p]] == []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_jupyterlab_lists_each_notebook_once(tmp_path):
    """A headless JupyterLab on notebooks/ (as `make lab`): the contents API shows every
    notebook once and no paired script beside it; the scripts sit in a scripts/ folder."""
    jupyter = Path(sys.executable).with_name("jupyter")
    port, token = _free_port(), "test-token-listing"
    server = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={NOTEBOOKS_DIR}",
         "--ServerApp.open_browser=False", "--allow-root"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path,
        env={**__import__("os").environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")})
    try:
        def contents(folder: str) -> list[dict]:
            url = f"http://127.0.0.1:{port}/api/contents/{folder}?token={token}"
            with urllib.request.urlopen(url, timeout=30) as response:
                return json.load(response)["content"]

        deadline = time.monotonic() + 90
        while True:
            try:
                top = contents("")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.5)
        listed = {"": top, "teaching": contents("teaching")}
        for folder, items in listed.items():
            names = [item["name"] for item in items]
            notebooks = sorted(item["name"] for item in items if item["type"] == "notebook")
            expected = sorted(Path(n).name for n in ALL_NOTEBOOKS if str(Path(n).parent) == (folder or "."))
            assert notebooks == expected, f"{folder or 'notebooks'}/ lists {notebooks}"
            stems = [Path(n).stem for n in names if not n.startswith(".")]
            assert len(stems) == len(set(stems)), f"a notebook is listed twice in {folder or 'notebooks'}/: {names}"
            assert "scripts" in names
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize("name", ALL_NOTEBOOKS)
def test_parameters_cell_is_tagged(name):
    """papermill finds parameters by the `parameters` tag, in the .ipynb and the .py alike."""
    for path in (NOTEBOOKS_DIR / name, script_of(name)):
        cells = jupytext.read(path).cells
        tagged = [c for c in cells if "parameters" in c.metadata.get("tags", ())]
        assert len(tagged) <= 1, f"{path.name}: {len(tagged)} cells tagged 'parameters'"
        if name in NEEDS_FIGURES_DIR:
            assert len(tagged) == 1, f"{path.name} has no cell tagged 'parameters'"
            assert re.search(r"^figures_dir\s*=", tagged[0].source, re.M)


def test_paper_notebooks_declare_their_parameters():
    cells = jupytext.read(NOTEBOOKS_DIR / "05-comparing-sides.ipynb").cells
    source = next(c.source for c in cells if "parameters" in c.metadata.get("tags", ()))
    for name in ("corpus", "grouping", "figures_dir"):
        assert re.search(rf"^{name}\s*=", source, re.M), f"05 has no parameter {name}"


def test_notebooks_know_their_kernel():
    """papermill reads the language from the kernelspec; jupytext must keep it."""
    for name in ALL_NOTEBOOKS:
        meta = json.loads((NOTEBOOKS_DIR / name).read_text(encoding="utf-8"))["metadata"]
        assert meta.get("kernelspec", {}).get("language") == "python", name


@pytest.mark.parametrize("name", ALL_NOTEBOOKS)
def test_no_sys_path_edits(name):
    text = script_of(name).read_text(encoding="utf-8")
    assert "sys.path" not in text
    assert "PYTHONPATH" not in text


def test_sync_check_detects_a_difference(tmp_path):
    """The sync test compares cell sources: an edited script must not compare equal."""
    name = ALL_NOTEBOOKS[0]
    script = tmp_path / "x.py"
    script.write_text(script_of(name).read_text(encoding="utf-8")
                      + "\n# %%\nprint('extra')\n", encoding="utf-8")
    assert _cells(jupytext.read(NOTEBOOKS_DIR / name)) != _cells(jupytext.read(script))


def test_notebook_tables_escape_article_text():
    """A pandas Styler renders cell text as raw HTML: every Styler in a notebook escapes it."""
    unescaped = []
    for path in sorted(NOTEBOOKS_DIR.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if ".style." in line and 'escape="html"' not in line:
                unescaped.append(f"{path.relative_to(NOTEBOOKS_DIR)}:{number}")
    assert unescaped == []
