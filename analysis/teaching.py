"""The class kit of the teaching notebooks: answers, friendly errors and printable handouts.

Everything here serves ``notebooks/teaching/`` and the teacher who runs them, so that the
exercises show students only the code they are meant to read (docs/teaching.md):

- **Answers** are written in Markdown cells tagged ``answer-<exercise>-<task>`` (students
  double-click the cell and write prose, in Arabic or English; no Python string to break).
  :func:`collect_answers` reads the handed-in notebooks of a class into one table the
  teacher can sort, read or export (``.to_csv``, ``.to_excel``).
- **Friendly errors**: :func:`explain_errors` makes a ``KeyError`` in a student's cell (a
  misspelt column, actor id or category) print one line with the closest existing names
  instead of a pandas traceback.
- **Handouts**: :func:`build_handout` turns an exercise notebook into a one-page A4 HTML
  handout, English beside Arabic (``dir="rtl"``); :func:`save_handouts` writes one per
  exercise (``python -m analysis handouts --out DIR``).

This module comes last in the import order (after ``models``): it may use every stage.

Examples
--------
>>> from analysis import teaching
>>> teaching.answer_tag("01", "task4")
'answer-01-task4'
"""

from __future__ import annotations

import html
import json
import re
import traceback
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from analysis.corpus import paths, schema

__all__ = [
    "ANSWER_PROMPT", "answer_tag", "read_answers", "collect_answers", "suggest_names",
    "explain_errors", "friendly_key_error", "build_handout", "save_handouts", "TEACHING_DIR",
]

#: The folder of the exercise/solution pairs.
TEACHING_DIR = paths.NOTEBOOKS_DIR / "teaching"

#: First line of an empty answer cell in an exercise; :func:`read_answers` ignores it.
ANSWER_PROMPT = "**Your answer** (double-click this cell to write, Shift+Enter when done):"

_ANSWER_TAG_RE = re.compile(r"^answer-(?P<exercise>\d\d)-(?P<question>[\w-]+)$")
_PROMPT_LINE_RE = re.compile(r"^\*\*(your answer|model answer)\*\*.*$", re.IGNORECASE | re.MULTILINE)
_PLACEHOLDER_RE = re.compile(r"^\s*(\.\.\.|…)\s*$", re.MULTILINE)


# -- answers ------------------------------------------------------------------------------------
def answer_tag(exercise: str, question: str) -> str:
    """The cell tag of an answer cell: ``answer-<exercise>-<question>``.

    Examples
    --------
    >>> answer_tag("02", "task4")
    'answer-02-task4'
    """
    tag = f"answer-{exercise}-{question}"
    if not _ANSWER_TAG_RE.match(tag):
        raise ValueError(f"bad answer tag {tag!r}: exercise is two digits, question a word like task4")
    return tag


def _cell_text(cell: dict) -> str:
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(source)


def read_answers(notebook: str | Path) -> pd.DataFrame:
    """The answer cells of one notebook: ``exercise``, ``question``, ``answered``, ``answer``.

    ``answer`` is the cell's Markdown without the prompt line ("**Your answer** …") and
    without a ``...`` placeholder; ``answered`` is False when nothing else is left.

    Examples
    --------
    >>> table = read_answers(TEACHING_DIR / "01-reporting-verbs-exercise.ipynb")
    >>> table[["exercise", "question", "answered"]].to_dict("records")
    [{'exercise': '01', 'question': 'task4', 'answered': False}]
    """
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    rows = []
    for cell in nb.get("cells", []):
        for tag in cell.get("metadata", {}).get("tags", []):
            match = _ANSWER_TAG_RE.match(tag)
            if match and cell.get("cell_type") == "markdown":
                text = _PLACEHOLDER_RE.sub("", _PROMPT_LINE_RE.sub("", _cell_text(cell))).strip()
                rows.append({**match.groupdict(), "answered": bool(text), "answer": text})
    return pd.DataFrame(rows, columns=["exercise", "question", "answered", "answer"])


def collect_answers(folder: str | Path, *, wide: bool = False) -> pd.DataFrame:
    """Collect the answers of every notebook under ``folder`` into one table.

    Put the notebooks the students hand in into one folder (one sub-folder per student,
    as a JupyterHub home folder, or files named after the student); this reads every
    ``.ipynb`` below it (checkpoints skipped).

    Parameters
    ----------
    folder : str or Path
    wide : bool
        False (default): one row per notebook and question. True: one row per student and
        exercise, one column per question (the table to read through or print).

    Returns
    -------
    DataFrame
        ``student`` (the sub-folder under ``folder``, or the file name without
        ``.ipynb`` for a notebook directly in it), ``file`` (path relative to ``folder``),
        ``exercise``, ``question``, ``answered``, ``answer``.

    Examples
    --------
    >>> table = collect_answers(TEACHING_DIR)          # the shipped exercises and solutions
    >>> sorted(set(table["exercise"]))
    ['01', '02', '03', '04']
    >>> table.to_excel("answers.xlsx", index=False)     # doctest: +SKIP
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"no folder {folder}")
    frames = []
    for path in sorted(folder.rglob("*.ipynb")):
        rel = path.relative_to(folder)
        if ".ipynb_checkpoints" in rel.parts:
            continue
        table = read_answers(path)
        if table.empty:
            continue
        table.insert(0, "file", rel.as_posix())
        table.insert(0, "student", rel.parts[0] if len(rel.parts) > 1 else path.stem)
        frames.append(table)
    columns = ["student", "file", "exercise", "question", "answered", "answer"]
    long = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    if not wide:
        return long
    return (long.pivot_table(index=["student", "exercise"], columns="question", values="answer",
                             aggfunc="last").reset_index().rename_axis(columns=None))


# -- friendly errors ----------------------------------------------------------------------------
def suggest_names(name: object, namespace: dict | None = None, *, extra: Iterable[str] = ()) -> list[str]:
    """Names close to ``name`` among the columns of the tables in ``namespace``, actor ids and ``extra``.

    Examples
    --------
    >>> frame = pd.DataFrame(columns=["source_side", "cue_category"])
    >>> suggest_names("sorce_side", {"attributions": frame})
    ['source_side']
    >>> suggest_names("lavrof")
    ['lavrov']
    """
    choices: list[str] = list(extra)
    for value in (namespace or {}).values():
        if isinstance(value, pd.DataFrame):
            choices += [str(c) for c in value.columns]
            if len(value) <= 10_000 and value.index.dtype == object:
                choices += [str(i) for i in value.index]
        elif isinstance(value, pd.Series) and len(value) <= 10_000 and value.index.dtype == object:
            choices += [str(i) for i in value.index]
    choices += _actor_ids() + list(schema.CUE_CATEGORIES) + list(schema.SIDES)
    return schema.closest_names(name, dict.fromkeys(choices))


def _actor_ids() -> list[str]:
    table = pd.read_csv(paths.LEXICON_DIR / "actors.csv", comment="#", dtype="string", usecols=["actor_id"])
    return list(dict.fromkeys(table["actor_id"].dropna()))


def _missing_keys(value: BaseException) -> list[str]:
    """The keys a KeyError is about: pandas' ``"['a', 'b'] not in index"`` or a plain key."""
    if not value.args:
        return []
    key = value.args[0]
    text = str(key)
    listed = re.match(r"^\"?(\[.*\]) not in index\"?$", text)
    if listed:
        return re.findall(r"'([^']*)'", listed.group(1))
    return [str(k) for k in key] if isinstance(key, tuple) else [text]


def friendly_key_error(value: BaseException, namespace: dict | None = None, line: str = "") -> str:
    """The one-paragraph message :func:`explain_errors` shows for a ``KeyError``.

    Examples
    --------
    >>> frame = pd.DataFrame(columns=["source_side", "cue"])
    >>> print(friendly_key_error(KeyError("['sorce_side'] not in index"), {"attributions": frame}))
    KeyError: there is no column or name 'sorce_side' — did you mean 'source_side'?
    Check the spelling (copy the name from the table above); the full error: run %tb in a new cell.
    """
    if isinstance(value, schema.MissingColumnError):
        head = f"{type(value).__name__}: {value}"
    else:
        parts = []
        for key in _missing_keys(value):
            close = suggest_names(key, namespace)
            parts.append(f"{key!r} — did you mean {' or '.join(map(repr, close))}?" if close else f"{key!r}")
        head = "KeyError: there is no column or name " + "; ".join(parts or ["(empty key)"])
    where = f"\nIn your line: {line.strip()}" if line.strip() else ""
    return f"{head}{where}\nCheck the spelling (copy the name from the table above); the full error: run %tb in a new cell."


def explain_errors(shell=None) -> bool:
    """Show a ``KeyError`` in a notebook cell as one friendly message with the closest names.

    A misspelt column (``attributions["sorce_side"]``), actor id or category then prints
    ``did you mean 'source_side'?`` instead of a long pandas traceback. The cell still
    fails (a headless run still reports the error); ``%tb`` shows the full traceback.

    Parameters
    ----------
    shell : InteractiveShell, optional
        Default: the running IPython shell.

    Returns
    -------
    bool
        False outside IPython (nothing changed).

    Examples
    --------
    >>> explain_errors()      # in a plain Python process there is no shell
    False
    """
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython comes with ipykernel
            return False
        shell = get_ipython()
    if shell is None:
        return False

    def handler(self, etype, value, tb, tb_offset=None):
        frames = [f for f in traceback.extract_tb(tb) if "ipykernel" in f.filename or f.filename.startswith("<")]
        line = frames[-1].line if frames else ""
        stb = [friendly_key_error(value, self.user_ns, line or "")]
        self._showtraceback(etype, value, stb)  # IPython shows nothing itself for a custom handler
        return stb

    shell.set_custom_exc((KeyError,), handler)
    return True


# -- handouts ---------------------------------------------------------------------------------------
_HANDOUT_CSS = """
@page { size: A4; margin: 11mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "IBM Plex Sans Arabic", "Noto Sans Arabic", "Noto Sans", "DejaVu Sans", sans-serif;
       font-size: 9.3pt; line-height: 1.32; margin: 0; color: #111; }
header { border-bottom: 1.5pt solid #333; margin-bottom: 3mm; display: flex; justify-content: space-between;
         align-items: baseline; gap: 6mm; }
header h1 { font-size: 13pt; margin: 0 0 1mm; }
header .ar { font-size: 13pt; font-weight: bold; }
main { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
section h2 { font-size: 10.5pt; margin: 2.2mm 0 0.8mm; }
section p, section ul, section ol { margin: 0.8mm 0; }
section ul, section ol { padding-inline-start: 5mm; }
[dir="rtl"] { text-align: right; font-size: 10pt; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8.2pt; background: #f1f1f1; padding: 0 1pt; }
.lines { border: 0.6pt solid #888; height: 28mm; margin: 1mm 0 1.5mm;
         background: repeating-linear-gradient(transparent, transparent 5.4mm, #bbb 5.4mm, #bbb 5.7mm); }
footer { margin-top: 3mm; font-size: 7.5pt; color: #555; border-top: 0.5pt solid #aaa; padding-top: 1mm; }
@media screen { body { max-width: 210mm; margin: 8mm auto; padding: 0 10mm; } }
@media print { .lines { break-inside: avoid; } }
"""


def _inline(text: str) -> str:
    """Escape, then render the inline Markdown the notebooks use: code, bold, italic, links."""
    pieces = re.split(r"(`[^`]*`)", text)
    out = []
    for piece in pieces:
        if piece.startswith("`") and piece.endswith("`") and len(piece) > 1:
            out.append(f"<code>{html.escape(piece[1:-1])}</code>")
            continue
        piece = html.escape(piece, quote=False)
        piece = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", piece)
        piece = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", piece)
        piece = re.sub(r"(?<![\w*])\*([^*]+)\*(?![\w*])", r"<em>\1</em>", piece)
        out.append(piece)
    return "".join(out)


def markdown_to_html(text: str) -> str:
    """The small Markdown subset of the task cells as HTML (headings, paragraphs, lists).

    Raw ``<div …>`` lines pass through, so an Arabic block keeps its ``dir="rtl"``.

    Examples
    --------
    >>> markdown_to_html("## Task 1 · List\\n\\nSelect `cue`.\\n\\n- one\\n- two")
    '<h2>Task 1 · List</h2>\\n<p>Select <code>cue</code>.</p>\\n<ul><li>one</li><li>two</li></ul>'
    """
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.rstrip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(re.match(r"^\s*</?div\b[^>]*>\s*$", line) for line in lines):
            blocks.append("\n".join(lines))
        elif lines[0].startswith("#"):
            level = min(len(lines[0]) - len(lines[0].lstrip("#")) + 0, 3)
            blocks.append(f"<h{level}>{_inline(lines[0].lstrip('#').strip())}</h{level}>")
            if lines[1:]:
                blocks.append(markdown_to_html("\n".join(lines[1:])))
        elif re.match(r"^(\s*[-*] |\s*\d+\. )", lines[0]):
            ordered = bool(re.match(r"^\s*\d+\. ", lines[0]))
            items: list[str] = []
            for line in lines:
                if re.match(r"^(\s*[-*] |\s*\d+\. )", line):
                    items.append(re.sub(r"^(\s*[-*] |\s*\d+\. )", "", line))
                else:
                    items[-1] += " " + line.strip()
            tag = "ol" if ordered else "ul"
            blocks.append(f"<{tag}>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + f"</{tag}>")
        else:
            blocks.append(f"<p>{_inline(' '.join(line.strip() for line in lines))}</p>")
    return "\n".join(blocks)


_CELL_INSTRUCTION_RE = re.compile(r"\s*Write your answers? in the cell\s+below\b.*$", re.DOTALL)
_TASK_RE = re.compile(r"^##\s+(Task|Step)\b", re.MULTILINE)


def _handout_parts(notebook: str | Path) -> dict:
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    cells = nb["cells"]
    first = _cell_text(cells[0])
    title = re.search(r"^#\s+(.+)$", first, re.MULTILINE).group(1)
    title = re.sub(r"\s+—\s+(Exercise|Solution)\s*$", "", title)
    goal = re.search(r"\*\*Session goal\.\*\*(.*?)(?:\n\s*\n|$)", first, re.DOTALL)
    english, arabic = [], []
    for index, cell in enumerate(cells):
        tags = cell.get("metadata", {}).get("tags", [])
        text = _cell_text(cell)
        if cell["cell_type"] != "markdown":
            continue
        if "handout-ar" in tags:
            arabic.append(text)
        elif _TASK_RE.match(text):
            answer_follows = any(
                _ANSWER_TAG_RE.match(t) for c in cells[index + 1:index + 3] for t in c.get("metadata", {}).get("tags", []))
            english.append((text, answer_follows))
    if not arabic:
        raise ValueError(f"{Path(notebook).name} has no Markdown cell tagged 'handout-ar' (the Arabic handout text)")
    return {"title": title, "goal": goal.group(1).strip() if goal else "", "english": english, "arabic": arabic}


def build_handout(notebook: str | Path) -> str:
    """A printable one-page A4 handout (HTML) of an exercise notebook, English and Arabic.

    Read from the notebook: the title, the session goal, every task cell (a Markdown cell
    beginning ``## Task`` or ``## Step``; ruled lines follow a task with an answer cell)
    and the Arabic version in the Markdown cell tagged ``handout-ar``. The English column
    is left to right, the Arabic column ``dir="rtl"``.

    Examples
    --------
    >>> page = build_handout(TEACHING_DIR / "01-reporting-verbs-exercise.ipynb")
    >>> '<section class="ar" dir="rtl" lang="ar">' in page and "@page { size: A4" in page
    True
    """
    parts = _handout_parts(notebook)
    english = [f"<p><strong>Session goal.</strong> {_inline(' '.join(parts['goal'].split()))}</p>"] if parts["goal"] else []
    for text, answer_follows in parts["english"]:
        # the notebook's own instructions for the answer cell do not belong on paper
        text = _CELL_INSTRUCTION_RE.sub("", text)
        english.append(markdown_to_html(text))
        if answer_follows:
            english.append('<div class="lines"></div>')
    arabic = [markdown_to_html(re.sub(r"</?div\b[^>]*>", "", text)) for text in parts["arabic"]]
    arabic_title = re.search(r"<h1>(.*?)</h1>", arabic[0])
    arabic_body = re.sub(r"<h1>.*?</h1>\n?", "", "\n".join(arabic), count=1)
    name = Path(notebook).name
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(parts['title'])} — handout</title>
<style>{_HANDOUT_CSS}</style>
</head>
<body>
<header><h1>{_inline(parts['title'])}</h1><div class="ar" dir="rtl" lang="ar">{arabic_title.group(1) if arabic_title else ''}</div></header>
<main>
<section class="en" lang="en">
{chr(10).join(english)}
</section>
<section class="ar" dir="rtl" lang="ar">
{arabic_body}
</section>
</main>
<footer>Notebook: notebooks/teaching/{html.escape(name)} · Name: ____________________ · Date: ____________</footer>
</body>
</html>
"""


def save_handouts(out: str | Path, notebooks: Sequence[str | Path] | None = None) -> list[Path]:
    """Write one handout per exercise notebook into ``out`` (``<name>-handout.html``).

    Parameters
    ----------
    out : str or Path
        The folder to write (created if missing).
    notebooks : sequence of paths, optional
        Default: every ``*-exercise.ipynb`` of ``notebooks/teaching``.

    Returns
    -------
    list of Path
        The files written, in order.

    Examples
    --------
    >>> import tempfile
    >>> [p.name for p in save_handouts(tempfile.mkdtemp())][:1]
    ['01-reporting-verbs-handout.html']
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    sources = [Path(p) for p in notebooks] if notebooks else sorted(TEACHING_DIR.glob("*-exercise.ipynb"))
    written = []
    for source in sources:
        target = out / (source.stem.removesuffix("-exercise") + "-handout.html")
        target.write_text(build_handout(source), encoding="utf-8")
        written.append(target)
    return written
