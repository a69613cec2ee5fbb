"""Derived data: what a study keeps of a corpus so that its figures rebuild without it.

A study writes into its ``derived`` folder, as sorted UTF-8 CSV with ``\\n`` line ends:

``articles.csv``
    Every article read: ``article_id``, ``outlet``, ``section``, ``published``, ``month``,
    ``duplicate_of`` (the earlier article with the same title and body, if any), the
    actor mentions of each filter side (empty for a repeat, which is not examined),
    ``relevant`` (the filter's verdict) and
    ``selected`` (relevant and not a duplicate: the articles studied).
``features.csv``
    Article × side features of the selected articles (:mod:`analysis.measures.features`).
``attributions.csv``, ``stance.csv``
    The rows of the selected articles with their offsets, sides, cues and categories
    (the columns of :mod:`analysis.corpus.schema`), and no text: no title, body or
    content, only the cue words.
``manifest.json``
    The corpus (name, file, its sha256 and article count, commit and citation for a
    fetched corpus), the study settings, package and lexicon versions (with each lexicon
    file's sha256), row counts and the sha256 of every file above.

Nothing in these files depends on the machine, the time or the number of processes, so a
rerun of the study gives the same bytes (the tests check it on ANT).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.corpus import paths, schema
from analysis.corpus.files import write_text_atomic

__all__ = ["DERIVED_FILES", "Derived", "csv_text", "file_sha256", "lexicon_versions", "read_derived",
           "write_derived"]

#: The tables of a derived folder, in the order the manifest lists them.
DERIVED_FILES = ("articles.csv", "features.csv", "attributions.csv", "stance.csv")
MANIFEST = "manifest.json"
_VERSION_RE = re.compile(r"^#\s*version\s*:\s*(\S.*?)\s*$", re.IGNORECASE)
_ARTICLE_STRINGS = ("article_id", "outlet", "section", "published", "month", "duplicate_of")


def csv_text(frame: pd.DataFrame) -> str:
    """A table as CSV text that only its values decide: no index, ``\\n`` line ends,
    floats with up to 10 significant digits, missing values empty."""
    return frame.to_csv(index=False, lineterminator="\n", float_format="%.10g")


def file_sha256(path: str | Path) -> str:
    """Hex SHA-256 of a file, or of a folder's files (sorted relative paths and their digests)."""
    path = Path(path)
    digest = hashlib.sha256()
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            digest.update(f"{child.relative_to(path).as_posix()}\t{file_sha256(child)}\n".encode())
        return digest.hexdigest()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def lexicon_versions(lexicon_dir: Path = paths.LEXICON_DIR) -> dict[str, dict[str, str]]:
    """``{file: {"version", "sha256"}}`` for every lexicon CSV (the version from its header)."""
    out = {}
    for path in sorted(Path(lexicon_dir).glob("*.csv")):
        version = ""
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.startswith("#"):
                    break
                match = _VERSION_RE.match(line.strip())
                if match:
                    version = match.group(1)
        out[path.name] = {"version": version, "sha256": file_sha256(path)}
    return out


def _sorted(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    if name == "articles":
        keys = ["article_id"]
    elif name == "features":
        order = {"russia": 0, "us": 1, "other": 2}
        frame = frame.assign(_side=frame["side"].map(order).fillna(9))
        return frame.sort_values(["article_id", "_side"], kind="stable").drop(columns="_side").reset_index(drop=True)
    elif name == "attributions":
        keys = ["article_id", "attribution_id"]
    else:
        keys = list(frame.columns)
    return frame.sort_values(keys, kind="stable", na_position="last").reset_index(drop=True)


def write_derived(out_dir: str | Path, tables: dict[str, pd.DataFrame], about: dict) -> dict:
    """Write the four tables and ``manifest.json``; return the manifest.

    Parameters
    ----------
    out_dir : path
        The derived folder (created when missing; files are replaced atomically).
    tables : dict
        ``articles``, ``features``, ``attributions``, ``stance`` DataFrames. Attributions
        and stance are cut to the schema's columns (no text can slip in).
    about : dict
        Corpus, study settings and selection counts for the manifest.
    """
    from analysis import __version__

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cut = {"attributions": schema.ATTRIBUTIONS, "stance": schema.STANCE}
    files = {}
    for file_name in DERIVED_FILES:
        name = file_name.removesuffix(".csv")
        frame = tables[name]
        if name in cut:
            frame = frame[[c for c in cut[name] if c in frame.columns]]
        text = csv_text(_sorted(name, frame))
        write_text_atomic(out / file_name, text)
        files[file_name] = {"rows": int(len(frame)),
                            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
    manifest = {
        **about,
        "package": {"name": "analysis", "version": __version__},
        "lexicons": lexicon_versions(),
        "files": files,
    }
    write_text_atomic(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return manifest


@dataclass
class Derived:
    """The tables of a derived folder, read back with their types."""

    articles: pd.DataFrame
    features: pd.DataFrame
    attributions: pd.DataFrame
    stance: pd.DataFrame
    manifest: dict
    folder: Path

    def selected(self) -> pd.DataFrame:
        """The articles the study compares (``selected``)."""
        return self.articles[self.articles["selected"]].reset_index(drop=True)

    def distinct(self) -> pd.DataFrame:
        """Every article read that is not a repeat of another (the base of coverage)."""
        return self.articles[self.articles["duplicate_of"] == ""].reset_index(drop=True)


def read_derived(folder: str | Path) -> Derived:
    """Read a derived folder written by :func:`write_derived`.

    Raises
    ------
    FileNotFoundError
        When a table or the manifest is missing, naming the folder and what writes it.
    """
    folder = Path(folder)
    missing = [n for n in (*DERIVED_FILES, MANIFEST) if not (folder / n).is_file()]
    if missing:
        raise FileNotFoundError(f"{folder}: no {', '.join(missing)}; run the study "
                                "(python -m analysis study STUDY.toml) to write the derived data")
    text_columns = {
        "articles": _ARTICLE_STRINGS,
        "features": ("article_id", "side"),
        "attributions": ("article_id", "part", "source_actor_id", "source_side", "source_type", "source_part",
                         "cue", "cue_lemma", "cue_category", "mode", "via"),
        "stance": ("article_id", "part", "holder", "holder_side", "target_side", "polarity", "kind", "cue"),
    }
    tables = {}
    for file_name in DERIVED_FILES:
        name = file_name.removesuffix(".csv")
        frame = pd.read_csv(folder / file_name, dtype={c: "string" for c in text_columns[name]},
                            keep_default_na=False, na_values=[""])
        for column in text_columns[name]:
            if column in frame.columns:
                frame[column] = frame[column].fillna("").astype("string")
        tables[name] = frame
    articles = tables["articles"]
    for flag in ("relevant", "selected"):
        articles[flag] = articles[flag].astype(str).eq("True")
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return Derived(**tables, manifest=manifest, folder=folder)
