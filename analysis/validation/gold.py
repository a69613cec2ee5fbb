"""Load and validate the hand-coded gold annotations (docs/codebook.md §6).

A gold folder holds one set of three files per article:

* ``<article_id>.meta.json`` — ``article_id``, ``source`` (``example`` or ``ant-v2.1``),
  ``outlet``, ``title_sha256``, ``body_sha256``, ``coder``, ``coded_on``, ``notes``;
* ``<article_id>.attributions.csv`` — one row per attribution (docs/codebook.md §2);
* ``<article_id>.stance.csv`` — one row per stance unit (docs/codebook.md §4).

Offsets index the original title (``part`` = ``title``) or body (``part`` = ``body``)
string, end exclusive. :func:`load_gold` checks every file and, when something is wrong,
raises one :class:`GoldError` that lists every problem with file, line and column.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.corpus import schema
from analysis.corpus.files import find_records
from analysis.corpus.paths import ANNOTATIONS_DIR, RAW_DIR, ant_corpus

GOLD_DIR = ANNOTATIONS_DIR / "gold"

# ---------------------------------------------------------------------------- data

SIDES = schema.SIDES  # the codebook's side ids, defined once in analysis.corpus.schema
#: The stance holder for the article's own narration; it has no side (empty holder_side).
AUTHOR = "author"
GOLD_PARTS = ("title", "body")
GOLD_SOURCES = ("example", "ant-v2.1")
BOOLEAN_VALUES = {"true": True, "false": False}

META_KEYS = (
    "article_id", "source", "outlet", "title_sha256", "body_sha256", "coder", "coded_on", "notes",
)
ATTRIBUTION_COLUMNS = [
    "article_id", "gold_id", "part", "source_actor", "source_side", "source_type",
    "source_start", "source_end", "cue_start", "cue_end", "cue_lemma", "cue_category", "mode",
    "content_start", "content_end", "via", "in_heading", "notes",
]
STANCE_COLUMNS = [
    "article_id", "gold_id", "part", "holder", "holder_side", "target_side", "polarity",
    "kind", "evidence_start", "evidence_end", "notes",
]

# column -> allowed values (empty cells are reported separately)
_ATTRIBUTION_LABELS = {
    "part": GOLD_PARTS,
    "source_side": SIDES,
    "source_type": schema.SOURCE_TYPES,
    "cue_category": schema.CUE_CATEGORIES,
    "mode": schema.MODES,
    "in_heading": tuple(BOOLEAN_VALUES),
}
_STANCE_LABELS = {
    "part": GOLD_PARTS,
    "target_side": SIDES,
    "polarity": schema.POLARITIES,
    "kind": schema.STANCE_KINDS,
}
# (start, end, required): an optional span is either fully given or fully empty
_ATTRIBUTION_SPANS = [
    ("cue_start", "cue_end", True),
    ("source_start", "source_end", False),
    ("content_start", "content_end", False),
]
_STANCE_SPANS = [("evidence_start", "evidence_end", True)]
_REQUIRED_TEXT = {"attributions": ("gold_id", "cue_lemma"), "stance": ("gold_id", "holder")}
_SHA256 = re.compile(r"[0-9a-f]{64}")
_INTEGER = re.compile(r"[0-9]+")


class ProblemsError(ValueError):
    """Bad input reported all at once: ``problems`` holds one line per problem.

    The message counts them, names where they are, lists them and says what to do.
    """

    def __init__(self, where: str, problems: list[str], advice: str):
        self.problems = problems
        listing = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in {where}:\n{listing}\n{advice}")


class GoldError(ProblemsError):
    """Gold files with problems; ``problems`` holds one line per problem."""

    def __init__(self, folder: Path, problems: list[str]):
        self.folder = folder
        super().__init__(
            f"the gold annotations under {folder}", problems,
            "Fix the files named above (lines are 1-based, the header is line 1) and load again.",
        )


@dataclass
class Gold:
    """Gold annotations of a set of articles.

    Attributes
    ----------
    attributions : pandas.DataFrame
        :data:`ATTRIBUTION_COLUMNS`; offsets as ``Int64``, ``in_heading`` as bool.
    stance : pandas.DataFrame
        :data:`STANCE_COLUMNS`; an ``author`` holder has an empty ``holder_side``.
    meta : pandas.DataFrame
        One row per article with the :data:`META_KEYS`.
    folder : pathlib.Path
        Where the files were read from.
    """

    attributions: pd.DataFrame
    stance: pd.DataFrame
    meta: pd.DataFrame
    folder: Path

    @property
    def article_ids(self) -> list[str]:
        """The annotated articles, sorted (including articles with no units)."""
        return sorted(self.meta["article_id"].tolist())

    def subset(self, article_ids: list[str]) -> Gold:
        """The gold of these articles only."""
        keep = set(article_ids)
        return Gold(
            attributions=self.attributions[self.attributions["article_id"].isin(keep)].reset_index(drop=True),
            stance=self.stance[self.stance["article_id"].isin(keep)].reset_index(drop=True),
            meta=self.meta[self.meta["article_id"].isin(keep)].reset_index(drop=True),
            folder=self.folder,
        )

    def __repr__(self) -> str:
        return (
            f"Gold({len(self.article_ids)} articles, {len(self.attributions)} attributions, "
            f"{len(self.stance)} stance units, folder={str(self.folder)!r})"
        )


# ------------------------------------------------------------------------- parsing


def _read_csv_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (first line number, fields) of every data row of a CSV file."""
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        line = reader.line_num
        for fields in reader:
            rows.append((line + 1, fields))
            line = reader.line_num
    return header, rows


def _check_label(value: str, allowed: tuple[str, ...], where: str, problems: list[str]) -> None:
    if value == "":
        problems.append(f"{where}: empty; write one of {list(allowed)}")
    elif value not in allowed:
        problems.append(f"{where}: unknown label {value!r}; allowed: {list(allowed)}")


def _parse_offset(value: str, where: str, problems: list[str]) -> int | None:
    if not _INTEGER.fullmatch(value):
        problems.append(f"{where}: offset {value!r} is not a non-negative whole number")
        return None
    return int(value)


def _check_spans(
    record: dict[str, str], spans: list, where: str, problems: list[str]
) -> dict[str, int | None]:
    """Parse and check the offset pairs of one row; return column -> int or None."""
    parsed: dict[str, int | None] = {}
    for start_col, end_col, required in spans:
        raw_start, raw_end = record[start_col].strip(), record[end_col].strip()
        if not required and raw_start == "" and raw_end == "":
            parsed[start_col] = parsed[end_col] = None
            continue
        start = end = None
        for col, raw in ((start_col, raw_start), (end_col, raw_end)):
            if raw == "":
                need = "required" if required else f"needed because the other end of {start_col}/{end_col} is set"
                problems.append(f"{where}, column {col}: empty offset ({need})")
            else:
                value = _parse_offset(raw, f"{where}, column {col}", problems)
                if col == start_col:
                    start = value
                else:
                    end = value
        if start is not None and end is not None and start >= end:
            problems.append(
                f"{where}, columns {start_col}/{end_col}: start {start} >= end {end}; "
                "spans are [start, end) with end exclusive"
            )
        parsed[start_col], parsed[end_col] = start, end
    return parsed


def _check_stance_holder(record: dict[str, str], where: str, problems: list[str]) -> None:
    holder, side = record["holder"].strip(), record["holder_side"].strip()
    if holder == AUTHOR:
        if side not in ("", AUTHOR):
            problems.append(
                f"{where}, column holder_side: the holder 'author' has no side; leave it empty "
                f"(found {side!r})"
            )
    else:
        _check_label(side, SIDES, f"{where}, column holder_side", problems)


def _parse_table(
    path: Path, kind: str, article_id: str, problems: list[str]
) -> list[dict]:
    """Read one gold CSV and append its problems; return the parsed records."""
    columns = ATTRIBUTION_COLUMNS if kind == "attributions" else STANCE_COLUMNS
    labels = _ATTRIBUTION_LABELS if kind == "attributions" else _STANCE_LABELS
    spans = _ATTRIBUTION_SPANS if kind == "attributions" else _STANCE_SPANS
    header, rows = _read_csv_rows(path)
    header = [h.strip() for h in header]
    missing = [c for c in columns if c not in header]
    if missing:
        problems.append(f"{path.name}: line 1 (header): missing columns {missing}; expected {columns}")
        return []
    records, seen_ids = [], {}
    for line, fields in rows:
        if not any(f.strip() for f in fields):
            continue
        where = f"{path.name}: line {line}"
        if len(fields) != len(header):
            problems.append(f"{where}: {len(fields)} fields but the header has {len(header)}; check commas and quotes")
            continue
        record = {h: f.strip() for h, f in zip(header, fields)}
        if kind == "attributions":
            record["in_heading"] = record["in_heading"].lower()  # Excel writes TRUE/FALSE
        if record["article_id"] != article_id:
            problems.append(
                f"{where}, column article_id: {record['article_id']!r} differs from the file's "
                f"article {article_id!r}"
            )
        for col in _REQUIRED_TEXT[kind]:
            if record[col] == "":
                problems.append(f"{where}, column {col}: empty; it is required")
        gold_id = record["gold_id"]
        if gold_id and gold_id in seen_ids:
            problems.append(f"{where}, column gold_id: {gold_id!r} repeats line {seen_ids[gold_id]}")
        seen_ids.setdefault(gold_id, line)
        for col, allowed in labels.items():
            _check_label(record[col], allowed, f"{where}, column {col}", problems)
        if kind == "stance":
            _check_stance_holder(record, where, problems)
        record.update(_check_spans(record, spans, where, problems))
        if kind == "attributions":
            record["in_heading"] = BOOLEAN_VALUES.get(record["in_heading"], record["in_heading"])
        if kind == "stance" and record["holder"] == AUTHOR:
            record["holder_side"] = ""
        record["_line"] = line
        records.append(record)
    return records


def _parse_meta(path: Path, article_id: str, problems: list[str]) -> dict | None:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        problems.append(f"{path.name}: line {err.lineno}, column {err.colno}: invalid JSON ({err.msg})")
        return None
    if not isinstance(meta, dict):
        problems.append(f"{path.name}: line 1: expected a JSON object with keys {list(META_KEYS)}")
        return None
    missing = [k for k in META_KEYS if k not in meta]
    if missing:
        problems.append(f"{path.name}: missing keys {missing}")
    if meta.get("article_id", article_id) != article_id:
        problems.append(f"{path.name}, key article_id: {meta['article_id']!r} differs from the file name's {article_id!r}")
    if "source" in meta and meta["source"] not in GOLD_SOURCES:
        problems.append(f"{path.name}, key source: unknown source {meta['source']!r}; allowed: {list(GOLD_SOURCES)}")
    for key in ("title_sha256", "body_sha256"):
        if key in meta and not _SHA256.fullmatch(str(meta[key])):
            problems.append(f"{path.name}, key {key}: not a lowercase hex SHA-256 digest")
    return {k: meta.get(k) for k in META_KEYS} | {"article_id": article_id}


# ---------------------------------------------------------------------- text checks


def sha256_text(text: str) -> str:
    """SHA-256 hex digest of a string's UTF-8 bytes.

    Examples
    --------
    >>> sha256_text("")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _check_against_texts(
    meta: dict, records: dict[str, list[dict]], articles: pd.DataFrame, problems: list[str]
) -> None:
    article_id = meta["article_id"]
    match = articles[articles["article_id"] == article_id]
    if match.empty:
        problems.append(
            f"{article_id}.meta.json: article {article_id!r} is not in the articles table; "
            "pass a table that holds its title and body (see read_gold_articles)"
        )
        return
    texts = {"title": str(match["title"].iloc[0]), "body": str(match["body"].iloc[0])}
    for part in ("title", "body"):
        key = f"{part}_sha256"
        if meta.get(key) and sha256_text(texts[part]) != meta[key]:
            problems.append(
                f"{article_id}.meta.json, key {key}: does not match the {part} in the articles "
                "table; the text changed since coding, so the offsets may be wrong"
            )
    for kind, rows in records.items():
        spans = _ATTRIBUTION_SPANS if kind == "attributions" else _STANCE_SPANS
        for row in rows:
            if row["part"] not in texts:
                continue
            length = len(texts[row["part"]])
            for start_col, end_col, _ in spans:
                end = row.get(end_col)
                if isinstance(end, int) and end > length:
                    problems.append(
                        f"{article_id}.{kind}.csv: line {row['_line']}, column {end_col}: {end} "
                        f"is outside the {row['part']} ({length} characters)"
                    )


# ------------------------------------------------------------------------- frames


def _frame(records: list[dict], columns: list[str]) -> pd.DataFrame:
    if not records:
        frame = schema.empty_table(columns)
    else:
        frame = pd.DataFrame(records)
        extra = [c for c in frame.columns if c not in columns and not c.startswith("_")]
        frame = frame[columns + extra]
    for col in frame.columns:
        if col.endswith(("_start", "_end")):
            frame[col] = frame[col].astype("Int64")
        elif col == "in_heading":
            frame[col] = frame[col].astype("bool")
        else:
            frame[col] = frame[col].astype("string")
    return frame.reset_index(drop=True)


def _article_sets(folder: Path) -> dict[str, dict[str, Path]]:
    sets: dict[str, dict[str, Path]] = {}
    for path in sorted(folder.iterdir()):
        for suffix in (".meta.json", ".attributions.csv", ".stance.csv"):
            if path.name.endswith(suffix):
                article_id = path.name[: -len(suffix)]
                sets.setdefault(article_id, {})[suffix.split(".")[1]] = path
    return sets


def load_gold(
    folder: str | Path = GOLD_DIR,
    articles: pd.DataFrame | None = None,
    *,
    article_ids: list[str] | None = None,
) -> Gold:
    """Read and validate every gold file of a folder.

    Parameters
    ----------
    folder : str or Path
        The gold folder (default ``data/annotations/gold``).
    articles : pandas.DataFrame, optional
        Articles table with ``article_id``, ``title`` and ``body``. When given, the texts
        are checked against the SHA-256 digests in the meta files and every offset must
        lie inside its text. :func:`read_gold_articles` builds this table.
    article_ids : list of str, optional
        Load only these articles.

    Returns
    -------
    Gold

    Raises
    ------
    FileNotFoundError
        The folder does not exist.
    GoldError
        Any problem in any file; the message lists all of them with file, line, column.

    Examples
    --------
    >>> gold = load_gold()                                   # doctest: +SKIP
    >>> gold.attributions.groupby("source_side").size()      # doctest: +SKIP
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"gold folder {folder} does not exist; create it or pass folder=")
    problems: list[str] = []
    metas, tables = [], {"attributions": [], "stance": []}
    sets = _article_sets(folder)
    if article_ids is not None:
        unknown = sorted(set(article_ids) - set(sets))
        if unknown:
            problems.append(f"{folder}: no gold files for requested articles {unknown}")
        sets = {k: v for k, v in sets.items() if k in set(article_ids)}
    for article_id, files in sets.items():
        expected = {
            "meta": f"{article_id}.meta.json",
            "attributions": f"{article_id}.attributions.csv",
            "stance": f"{article_id}.stance.csv",
        }
        absent = [name for key, name in expected.items() if key not in files]
        if absent:
            problems.append(
                f"{article_id}: missing {absent}; every article needs all three files "
                "(a CSV with only its header when there are no units)"
            )
        meta = _parse_meta(files["meta"], article_id, problems) if "meta" in files else None
        records = {
            kind: _parse_table(files[kind], kind, article_id, problems)
            for kind in ("attributions", "stance") if kind in files
        }
        if meta is not None:
            metas.append(meta)
            if articles is not None:
                _check_against_texts(meta, records, articles, problems)
        for kind, rows in records.items():
            tables[kind].extend(rows)
    if problems:
        raise GoldError(folder, problems)
    meta_frame = pd.DataFrame(metas, columns=list(META_KEYS)).astype("string")
    return Gold(
        attributions=_frame(tables["attributions"], ATTRIBUTION_COLUMNS),
        stance=_frame(tables["stance"], STANCE_COLUMNS),
        meta=meta_frame,
        folder=folder,
    )


# -------------------------------------------------------------------------- texts


def read_example_text(path: str | Path) -> tuple[str, str]:
    """Title and body of a raw ``.txt`` article: first line, then everything after it.

    The text is decoded exactly as stored (no newline translation), so offsets match.

    Examples
    --------
    >>> from analysis.corpus.paths import EXAMPLE_ARTICLE
    >>> title, body = read_example_text(EXAMPLE_ARTICLE)   # doctest: +SKIP
    """
    text = Path(path).read_bytes().decode("utf-8")
    title, _, body = text.partition("\n")
    return title, body


def read_gold_articles(
    gold: Gold, *, raw_dir: str | Path = RAW_DIR, ant_path: str | Path | None = None
) -> pd.DataFrame:
    """Articles table (``article_id``, ``title``, ``body``) for every gold article.

    ``example`` articles are read from ``raw_dir/<article_id>.txt``; ``ant-v2.1``
    articles from the ANT corpus (``ant_path``, default :func:`analysis.corpus.paths.ant_corpus`).

    Raises
    ------
    FileNotFoundError
        An example file or the ANT corpus is not available, or an article is not in it.
    """
    rows = []
    wanted = dict(zip(gold.meta["article_id"], gold.meta["source"]))
    for article_id, source in wanted.items():
        if source == "example":
            path = Path(raw_dir) / f"{article_id}.txt"
            if not path.is_file():
                raise FileNotFoundError(f"{path}: raw text of gold article {article_id!r} not found")
            title, body = read_example_text(path)
            rows.append({"article_id": article_id, "title": title, "body": body})
    ant_ids = {a for a, s in wanted.items() if s == "ant-v2.1"}
    if ant_ids:
        path = Path(ant_path) if ant_path else ant_corpus()
        if path is None or not Path(path).is_file():
            raise FileNotFoundError(
                f"gold articles {sorted(ant_ids)} come from the ANT corpus, which is not available; "
                "set FRAMING_ANT or pass ant_path="
            )
        found = [{k: r[k] for k in ("article_id", "title", "body")}
                 for r in find_records(path, ant_ids).values()]
        lost = sorted(ant_ids - {r["article_id"] for r in found})
        if lost:
            raise FileNotFoundError(f"{path}: gold articles {lost} are not in the corpus")
        rows.extend(found)
    return pd.DataFrame(rows, columns=["article_id", "title", "body"]).astype("string")
