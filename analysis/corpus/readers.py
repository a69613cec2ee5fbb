"""Read corpora into the ``articles`` table.

Readers turn a file or a folder into the ``articles`` table
(:data:`analysis.corpus.schema.ARTICLES`: article_id, outlet, published, title, body, url,
source_path, sha256), one row per article, with text kept exactly as stored.

Supported inputs
----------------
``txt``
    One article per file: the first line is the title, everything after the first
    ``"\\n"`` is the body, character for character after decoding (nothing is stripped;
    ``"\\r\\n"`` line ends stay in the body). A title line ending in ``"\\r\\n"`` loses
    only that ``"\\r"``, which is part of the line terminator. A file whose line ends
    are a lone ``"\\r"`` (classic Mac OS) is cut at its first ``"\\r"`` instead.
    ``article_id`` is the file stem, or the path relative to the folder without
    extension when reading a folder.
``html`` (``.html``, ``.htm``)
    One article per page (:mod:`analysis.corpus.html`). The main text is extracted
    offline with trafilatura; the title and URL come from the page's metadata, and so
    do the outlet (``og:site_name``, ``application-name``, ``publisher``, JSON-LD) and
    the date (``article:published_time``, JSON-LD ``datePublished``, date ``<meta>``,
    ``<time datetime>``), never from the text. When the extracted text starts with a
    line equal to the title, that line is dropped so the title is not counted twice.
    The body is therefore trafilatura's text, not the page's bytes (paragraphs joined
    by ``"\\n"``, no-break spaces turned into spaces). A page's declared
    ``<meta charset>`` is used when its bytes are not UTF-8.
``csv``, ``tsv``, ``jsonl`` (``.ndjson``), ``json`` (a list of objects), ``parquet``, ``xlsx``
    One article per row (for ``xlsx``: of the first worksheet, whose first row names the
    columns; ``row`` in messages counts data rows, so row 1 is the sheet's second row).
    Columns are detected by name (see :data:`FIELD_ALIASES`,
    case-insensitive, English and Arabic headers) or mapped with ``columns=``. Columns
    that are not mapped are kept after the schema columns (e.g. ANT's ``category``).
    csv, tsv and jsonl files may end their lines with ``"\\n"``, ``"\\r\\n"`` or a lone
    ``"\\r"``.

Any of these but xlsx may be gzip-compressed (``.gz``, detected from the file's magic bytes).
A folder is read recursively in sorted order of relative path; hidden files and folders
(names starting with ``"."``) are skipped; files of other formats, links to folders and
special files are listed in ``df.attrs["ignored_files"]``; broken links and folders that
cannot be listed are errors (skipped and listed with ``errors="skip"``).

Values
------
- ``article_id`` is text in every table: a number in an id column is written out
  (``7`` → ``"7"``), so the number 1 and the text "1" are the same id.
- ``sha256`` is the hex SHA-256 of the file's bytes as stored on disk (of the compressed
  bytes for ``.gz`` files). Every row read from a multi-row file carries that file's
  hash; there is no per-row text hash.
- ``source_path`` is the path as passed (joined with the relative path for folders).
- ``outlet`` comes from a column (or the page's metadata), else the ``outlet=``
  argument, else ``"unknown"``.
- ``published`` is an ISO 8601 string or ``""``. ISO strings are kept as stored; RFC 2822
  dates (RSS feeds) and date/time objects are converted with ``isoformat()``; common
  non-ISO forms (``dd/mm/yyyy``, ``9 سبتمبر 2016``, ``9 أيلول 2016``, ...) are read by
  :func:`analysis.corpus.dates.parse_date`. A date in no known form is left empty and the
  article kept: one :class:`CorpusReadWarning` per read, and the file, row and value in
  ``df.attrs["undated"]`` (map the column to ``None`` to leave every date empty).
- Rows without an id column get ``<file stem>-<row>`` (row counted from 1).

Encodings
---------
See :mod:`analysis.corpus.encodings`: UTF-8 (BOM removed), UTF-16/32 with BOM and
Windows-1256 are detected; ``encoding=`` overrides detection. Files are decoded line by
line: a file that is UTF-8 in one part and Windows-1256 in another is an error naming
the first line in the other encoding, or, with ``encoding="per-line"``, each line is
decoded on its own and the Windows-1256 lines are listed in ``df.attrs["cp1256_lines"]``
(with a :class:`CorpusReadWarning`).

Errors
------
Bad input raises :class:`CorpusReadError` naming the file, the row/line or byte offset
and what to do; that includes files that cannot be opened, damaged gzip data, JSON
nested too deeply or with numbers too long to read, broken links in a folder and a path
that does not exist (:class:`CorpusNotFoundError`, also a ``FileNotFoundError``). An
article without text (empty or blank body and title) is an error; an article with a
title but a blank body is real data (ANT has two) and is kept, with one
:class:`CorpusReadWarning` per read and its id in ``df.attrs["title_only"]``.

With ``errors="skip"`` exactly the bad row (or file) is skipped and reported: a
:class:`CorpusReadWarning` with the same message, and an entry
``{"file", "row", "reason"}`` in ``df.attrs["skipped"]``. ``row`` is the line number
for JSON Lines, the data row (from 1, header excluded) for csv/tsv/json/parquet, and
``None`` when a whole file (or the rest of it) is skipped; the rows before a damaged
part of a gzip file are kept. Duplicate article ids are errors naming both rows.
Articles whose title and body repeat an earlier article's are kept, with one
:class:`CorpusReadWarning` per read and the pairs in ``df.attrs["duplicate_texts"]``.
Raw files are only ever opened for reading.
"""

from __future__ import annotations

import csv
import email.utils
import json
import os
import re
import sys
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from analysis.corpus import schema
from analysis.corpus.dates import parse_date
from analysis.corpus.encodings import (
    PER_LINE,
    Problem,
    codec_name,
    decode_document,
    detect_encoding,
)
from analysis.corpus.errors import (
    CorpusNotFoundError,
    CorpusReadError,
    CorpusReadWarning,
    describe_location,
    option,
)
from analysis.corpus.sources import DecodedLines, file_sha256, read_all, unreadable

__all__ = [
    "FIELD_ALIASES",
    "FORMATS",
    "SUFFIX_FORMATS",
    "iter_articles",
    "read_articles",
]

# --------------------------------------------------------------------------------------
# Data: formats and header names
# --------------------------------------------------------------------------------------

#: Formats understood by :func:`read_articles`, by file suffix.
SUFFIX_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "xlsx",
}
FORMATS: tuple[str, ...] = ("txt", "html", "csv", "tsv", "jsonl", "json", "parquet", "xlsx")

#: Header names recognised for each articles field, in order of preference. Headers are
#: compared after trimming, case folding and turning spaces and hyphens into "_".
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "article_id": ("article_id", "id", "doc_id", "document_id", "docid", "uid", "guid",
                   "المعرف", "الرقم", "رقم"),
    "body": ("body", "text", "content", "article", "article_text", "full_text", "fulltext",
             "story", "النص", "نص", "المتن", "المحتوى", "نص_المقال", "المقال"),
    "title": ("title", "headline", "heading", "head", "العنوان", "عنوان"),
    "published": ("published", "date", "published_at", "publication_date", "pub_date",
                  "pubdate", "datetime", "date_published", "timestamp", "time",
                  "التاريخ", "تاريخ", "تاريخ_النشر"),
    "url": ("url", "link", "href", "uri", "الرابط", "رابط"),
    "outlet": ("outlet", "source", "publisher", "site", "newspaper", "media", "medium",
               "المصدر", "الموقع", "الصحيفة", "الوسيلة"),
}
#: Order in which fields claim columns (the body before the outlet, so that a file with
#: ``text`` and ``source`` columns maps them the expected way).
_FIELD_ORDER = ("article_id", "body", "title", "published", "url", "outlet")
#: Keys accepted by ``columns=`` (``id`` is short for ``article_id``).
COLUMN_KEYS: dict[str, str] = {**{f: f for f in _FIELD_ORDER}, "id": "article_id"}

ErrorMode = Literal["raise", "skip"]

_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)
_HTML_CHARSET_WINDOW = 4096


# --------------------------------------------------------------------------------------
# One read: what is reported, what has been seen
# --------------------------------------------------------------------------------------


@dataclass
class _Reporter:
    """Raises or records (warning + list entry) each problem, depending on the mode."""

    errors: ErrorMode
    skipped: list[dict[str, Any]] = field(default_factory=list)

    def report(
        self, exc: CorpusReadError, *, whole_file: bool = False, partial: bool = False
    ) -> None:
        """Raise ``exc``, or warn and record it (``whole_file``: the file is abandoned)."""
        if self.errors == "raise":
            raise exc
        # the record is being skipped: a remedy suggesting to skip it says nothing
        skip = re.escape(option("errors", "skip"))
        reason = re.sub(rf",? or pass {skip}(?: to leave it out)?", "", str(exc))
        if whole_file:
            reason += " (rest of the file skipped)" if partial else " (file skipped)"
        warnings.warn(reason, CorpusReadWarning, stacklevel=4)
        row = None if whole_file else exc.row if exc.row is not None else exc.line
        self.skipped.append({"file": exc.file, "row": row, "reason": reason})


@dataclass
class _Run:
    """State shared over one read: reports, and the ids and texts seen so far."""

    reporter: _Reporter
    ignored: list[str] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)  # article_id -> where first seen
    texts: dict[tuple, tuple[str, str]] = field(default_factory=dict)  # text key -> (id, file)
    duplicate_texts: dict[str, dict[str, str]] = field(default_factory=dict)  # by article_id
    cp1256_lines: list[dict[str, Any]] = field(default_factory=list)
    undated: list[dict[str, Any]] = field(default_factory=list)  # dates in no known form

    def note_cp1256(self, file: str, lines: list[int]) -> None:
        """Report the lines of ``file`` decoded as Windows-1256 (``encoding="per-line"``)."""
        if not lines:
            return
        shown = ", ".join(map(str, lines[:10])) + (", ..." if len(lines) > 10 else "")
        warnings.warn(
            f"{file}: {len(lines)} line(s) are not UTF-8 and were decoded as Windows-1256 "
            f"(lines {shown}); see df.attrs['cp1256_lines']",
            CorpusReadWarning,
            stacklevel=4,
        )
        self.cp1256_lines.append({"file": file, "lines": list(lines)})


# --------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------


def _iso_date(value: Any) -> str:
    """ISO 8601 text for a date value, ``""`` for missing; ValueError otherwise."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, pd.Timestamp):
        return "" if pd.isna(value) else value.isoformat()
    if isinstance(value, datetime | date):
        return value.isoformat()
    if not isinstance(value, str):
        raise _Undated(f"{value!r} ({type(value).__name__})")
    if not value.strip():
        return ""
    try:
        datetime.fromisoformat(value.strip())
        return value
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    parsed = parse_date(value)
    if parsed is None:
        raise _Undated(value)
    return parsed


class _Undated(ValueError):
    """A ``published`` text in no known date form: the article is kept without a date."""


def _text_value(value: Any, name: str) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{name} is a {type(value).__name__} ({value!r}), expected text")
    return value


def _id_value(value: Any) -> str:
    """An article id as text: strings as they are, integers written out."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"article id {value!r} is a {type(value).__name__}, expected text "
                         "or an integer")
    text = str(value)
    if not text.strip():
        raise ValueError("the article id is empty")
    return text


def _text_key(title: str, body: str) -> tuple[int, int, int, int]:
    """Equal for equal (title, body); two 64-bit string hashes and the lengths, so a
    false match needs two hash collisions at once (hashes are only compared within one
    read, in one process)."""
    return hash(title), hash(body), len(title), len(body)


# --------------------------------------------------------------------------------------
# Column mapping for row formats
# --------------------------------------------------------------------------------------


def _canonical(name: str) -> str:
    return name.strip().casefold().replace(" ", "_").replace("-", "_")


def _check_columns_arg(columns: Mapping[str, str | None] | None) -> dict[str, str | None]:
    if columns is None:
        return {}
    out: dict[str, str | None] = {}
    for key, value in columns.items():
        if key not in COLUMN_KEYS:
            raise ValueError(
                f"columns= has unknown field {key!r}; use fields {sorted(COLUMN_KEYS)} "
                "mapped to your column names, e.g. columns={'body': 'text'}"
            )
        if value is not None and not isinstance(value, str):
            raise ValueError(f"columns[{key!r}] must be a column name or None, not {value!r}")
        out[COLUMN_KEYS[key]] = value
    return out


def _resolve_columns(
    header: list[str], columns: dict[str, str | None], file: str
) -> dict[str, str | None]:
    """Map each articles field to a column of ``header`` (or None)."""
    mapping: dict[str, str | None] = {}
    taken: set[str] = set()
    for fld, col in columns.items():
        if col is not None and col not in header:
            raise CorpusReadError(
                f"{option('columns', col, field=fld)} names a column that is not in the file; "
                f"its columns are {header}",
                file=file,
            )
        mapping[fld] = col
        if col is not None:
            taken.add(col)
    by_name: dict[str, list[str]] = {}
    for col in header:
        by_name.setdefault(_canonical(col), []).append(col)
    for fld in _FIELD_ORDER:
        if fld in mapping:
            continue
        mapping[fld] = None
        for alias in FIELD_ALIASES[fld]:
            free = [c for c in by_name.get(alias, []) if c not in taken]
            if free:
                mapping[fld] = free[0]
                taken.add(free[0])
                break
    if mapping["body"] is None:
        raise CorpusReadError(
            f"no text column: looked for {list(FIELD_ALIASES['body'])} and found {header}; "
            f"pass {option('columns', '<name of the text column>', field='body')}",
            file=file,
        )
    return mapping


# --------------------------------------------------------------------------------------
# Per-file readers yielding article records
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _FileInfo:
    path: Path  # where to open it
    file: str  # source_path and name in messages
    id_stem: str  # article id (documents) or prefix of row ids (tables)
    fmt: str
    sha256: str


@dataclass(frozen=True)
class _Options:
    columns: dict[str, str | None]
    outlet: str | None
    encoding: str | None


_Records = Iterator[tuple[dict[str, Any], dict[str, Any]]]


def _or_skip() -> str:
    return f"pass {option('errors', 'skip')}"


def _base_record(info: _FileInfo, opts: _Options) -> dict[str, Any]:
    return {
        "article_id": info.id_stem,
        "outlet": opts.outlet or "unknown",
        "published": "",
        "title": "",
        "body": "",
        "url": "",
        "source_path": info.file,
        "sha256": info.sha256,
    }


def _check_text(rec: dict[str, Any], info: _FileInfo, **where: Any) -> None:
    """An article needs text: an empty body is an error unless the title has text."""
    if not rec["body"].strip() and not rec["title"].strip():
        raise CorpusReadError(
            "the article has an empty body (and no title); fill it in, map the text "
            f"column with {option('columns', field='body')}, or {_or_skip()} to leave it out",
            **{"file": info.file, **where},
        )


def _decode_whole(info: _FileInfo, opts: _Options, run: _Run, detected: str | None = None) -> str:
    data = read_all(info.path, info.file)
    if not data:
        raise CorpusReadError("the file is empty; remove it or fill it", file=info.file)
    decoded = decode_document(data, encoding=opts.encoding, file=info.file, detected=detected)
    run.note_cp1256(info.file, list(decoded.cp1256_lines))
    return decoded.text


def _read_txt(info: _FileInfo, opts: _Options, run: _Run) -> _Records:
    text = _decode_whole(info, opts, run)
    title, _, body = text.partition("\n" if "\n" in text or "\r" not in text else "\r")
    if title.endswith("\r"):
        title = title[:-1]
    rec = {**_base_record(info, opts), "title": title, "body": body}
    _check_text(rec, info)
    yield {"file": info.file}, rec


def _html_encoding(data: bytes, file: str) -> tuple[str | None, str | None]:
    """``(detected, encoding)`` for :func:`decode_document` of a page.

    Markup is mostly ASCII letters, so the "mostly Arabic letters" test for Windows-1256
    is weak on pages; a ``<meta charset>`` declaration decides when the bytes are not
    UTF-8 (as detection with that prior when it names Windows-1256 or UTF-8, as the
    codec otherwise).
    """
    match = _HTML_CHARSET.search(data[:_HTML_CHARSET_WINDOW])
    declared = codec_name(match.group(1).decode("ascii"), file) if match else None
    try:
        detected = detect_encoding(data, file=file)
    except CorpusReadError:
        if declared is None:
            raise
        detected = "cp1256"  # not UTF-8: the declaration decides below
    if detected != "cp1256" or declared is None:
        return detected, None
    if declared in ("cp1256", "utf-8-sig"):
        return declared, None
    return None, declared


def _read_html(info: _FileInfo, opts: _Options, run: _Run) -> _Records:
    from analysis.corpus.html import read_page

    if opts.encoding is None:
        data = read_all(info.path, info.file)
        if not data:
            raise CorpusReadError("the file is empty; remove it", file=info.file)
        detected, encoding = _html_encoding(data, info.file)
        decoded = decode_document(data, encoding=encoding, file=info.file, detected=detected)
        run.note_cp1256(info.file, list(decoded.cp1256_lines))
        html = decoded.text
    else:
        html = _decode_whole(info, opts, run)
    page = read_page(html, info.file)
    yield {"file": info.file}, {
        **_base_record(info, opts), "title": page.title, "body": page.body,
        "published": page.published, "url": page.url,
        "outlet": page.outlet or opts.outlet or "unknown",
    }


def _row_record(
    raw: Mapping[str, Any],
    mapping: dict[str, str | None],
    info: _FileInfo,
    opts: _Options,
    n: int,
    where: dict[str, Any],
    run: _Run | None = None,
) -> dict[str, Any]:
    """One articles record from one input row (``n`` counts data rows from 1)."""
    if mapping["body"] not in raw:
        raise CorpusReadError(
            f"the text column {mapping['body']!r} is missing in this row; add it or "
            f"{_or_skip()}",
            **where,
        )
    rec = _base_record(info, opts)
    try:
        if mapping["article_id"] is not None:
            rec["article_id"] = _id_value(raw.get(mapping["article_id"]))
        else:
            rec["article_id"] = f"{info.id_stem}-{n}"
        for fld in ("title", "body", "url"):
            if mapping[fld] is not None:
                rec[fld] = _text_value(raw.get(mapping[fld]), fld)
        if mapping["outlet"] is not None:
            rec["outlet"] = _text_value(raw.get(mapping["outlet"]), "outlet") or rec["outlet"]
        if mapping["published"] is not None:
            try:
                rec["published"] = _iso_date(raw.get(mapping["published"]))
            except _Undated as undated:
                if run is not None:
                    run.undated.append({"file": info.file, "row": where.get("row", where.get("line")),
                                        "article_id": rec["article_id"], "value": str(undated)})
    except ValueError as exc:
        raise CorpusReadError(
            f"{exc}; fix the value, map another column with {option('columns')}, or "
            f"{_or_skip()}",
            **where,
        ) from None
    _check_text(rec, info, **where)
    used = {c for c in mapping.values() if c is not None}
    for key, value in raw.items():
        if key not in used:
            rec[f"input_{key}" if key in rec else key] = value
    return rec


def _table_rows(
    rows: Iterable[tuple[dict[str, Any], Any]],
    info: _FileInfo,
    opts: _Options,
    run: _Run,
    header: list[str] | None = None,
) -> _Records:
    """``(location, record)`` pairs from ``(location, object)`` pairs.

    ``location`` holds the ``row`` and/or ``line`` named in messages. An object that is
    a :class:`CorpusReadError` is that row's problem. The column mapping comes from
    ``header``, or from the first object's keys.
    """
    mapping = _resolve_columns(header, opts.columns, info.file) if header else None
    n = 0
    for where, raw in rows:
        n += 1
        try:
            if isinstance(raw, CorpusReadError):
                raise raw
            if not isinstance(raw, dict):
                raise CorpusReadError(
                    f"expected an object with named fields, found {type(raw).__name__}; "
                    "write one article object per row",
                    **where,
                )
            if mapping is None:
                mapping = _resolve_columns(list(raw), opts.columns, info.file)
            yield where, _row_record(raw, mapping, info, opts, n, where, run)
        except CorpusReadError as exc:
            if exc.row is None and exc.line is None:  # a file-level problem: stop here
                raise
            run.reporter.report(exc)
    if n == 0:
        raise CorpusReadError("the file has no rows; remove it or add articles",
                              file=info.file)


def _first_problem(problems: dict[int, Problem], first: int, last: int) -> Problem | None:
    """The first problem of lines ``first..last`` (all of them are dropped)."""
    found = [p for p in (problems.pop(n, None) for n in range(first, last + 1)) if p]
    return found[0] if found else None


def _json_value(text: str, **where: Any) -> Any:
    """``json.loads(text)``, or the CorpusReadError saying why it cannot be read."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"column {exc.colno}" if "line" in where else f"line {exc.lineno}, column {exc.colno}"
        problem = f"not valid JSON ({exc.msg} at {at})"
    except RecursionError:
        problem = "JSON nested more deeply than can be read; flatten the structure"
    except ValueError:  # the only other failure: an integer with too many digits
        problem = (f"a number with more than {sys.get_int_max_str_digits():,} digits, "
                   "more than can be read; write it as a string in quotes (ids are text)")
    return CorpusReadError(problem, **where)


def _read_delimited(info: _FileInfo, opts: _Options, run: _Run) -> _Records:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    delimiter = "\t" if info.fmt == "tsv" else ","
    lines = DecodedLines(info.path, info.file, opts.encoding)
    reader = csv.reader(iter(lines), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise CorpusReadError(f"malformed header line ({exc}); check the quoting",
                              file=info.file, line=1) from None
    problem = _first_problem(lines.problems, 1, reader.line_num)
    if problem is not None:
        raise problem.error(file=info.file)
    if not header:
        raise CorpusReadError("the file has no header line; add one naming the columns",
                              file=info.file)
    twice = sorted(name for name, n in Counter(header).items() if n > 1)
    if twice:
        raise CorpusReadError(
            f"the header names column(s) {twice} more than once; rename them so that each "
            "column has its own name",
            file=info.file, line=1,
        )

    def rows() -> Iterator[tuple[dict[str, Any], Any]]:
        row, last_line = 0, reader.line_num
        while True:
            try:
                values = next(reader)
                malformed = None
            except StopIteration:
                return
            except csv.Error as exc:
                values, malformed = None, exc
            first, last_line = last_line + 1, reader.line_num
            problem = _first_problem(lines.problems, first, last_line)
            if values == [] and problem is None:  # csv yields [] for an empty line: not a row
                continue
            row += 1
            where = {"file": info.file, "row": row, "line": first}
            if problem is not None:
                yield where, problem.error(**where)
            elif malformed is not None:
                yield where, CorpusReadError(
                    f"malformed CSV ({malformed}); check the quoting, or {_or_skip()}", **where)
            elif len(values) != len(header):
                yield where, CorpusReadError(
                    f"{len(values)} fields where the header has {len(header)}; check the "
                    f"delimiter and quoting, or {_or_skip()}",
                    **where,
                )
            else:
                yield where, dict(zip(header, values, strict=True))

    try:
        yield from _table_rows(rows(), info, opts, run, header=header)
    finally:
        run.note_cp1256(info.file, lines.cp1256_lines)


def _read_jsonl(info: _FileInfo, opts: _Options, run: _Run) -> _Records:
    lines = DecodedLines(info.path, info.file, opts.encoding)

    def rows() -> Iterator[tuple[dict[str, Any], Any]]:
        for line_no, line in enumerate(lines, 1):
            problem = lines.problems.pop(line_no, None)
            where = {"file": info.file, "line": line_no}
            if problem is not None:
                yield where, problem.error(**where)
            elif line.strip():
                value = _json_value(line, **where)
                if isinstance(value, CorpusReadError):
                    value = CorpusReadError(f"{value.problem}; fix the line or {_or_skip()}",
                                            **where)
                yield where, value

    try:
        yield from _table_rows(rows(), info, opts, run)
    finally:
        run.note_cp1256(info.file, lines.cp1256_lines)


def _read_json(info: _FileInfo, opts: _Options, run: _Run) -> _Records:
    text = _decode_whole(info, opts, run)
    objs = _json_value(text, file=info.file)
    if isinstance(objs, CorpusReadError):
        raise CorpusReadError(
            f"{objs.problem}; fix it, or use JSON Lines (.jsonl) for one article per line",
            file=info.file,
        )
    if not isinstance(objs, list):
        raise CorpusReadError(
            f"expected a JSON list of article objects, found {type(objs).__name__}",
            file=info.file,
        )
    rows = (({"file": info.file, "row": i}, obj) for i, obj in enumerate(objs, 1))
    yield from _table_rows(rows, info, opts, run)


def _read_parquet(info: _FileInfo, opts: _Options, run: _Run) -> _Records:
    import pyarrow as pa
    import pyarrow.parquet as pq

    def unreadable_parquet(exc: Exception) -> CorpusReadError:
        return CorpusReadError(f"not a readable Parquet file ({exc}); check the file or "
                               "write it again", file=info.file)

    try:
        pfile = pq.ParquetFile(info.path)
    except (pa.ArrowException, OSError) as exc:
        raise unreadable_parquet(exc) from None
    header = pfile.schema_arrow.names

    def rows() -> Iterator[tuple[dict[str, Any], Any]]:
        row = 0
        batches = pfile.iter_batches(batch_size=4096)
        while True:
            try:
                batch = next(batches, None)
                objs = batch.to_pylist() if batch is not None else None
            except (pa.ArrowException, OSError) as exc:
                raise unreadable_parquet(exc) from None
            if objs is None:
                return
            for obj in objs:
                row += 1
                yield {"file": info.file, "row": row}, obj

    yield from _table_rows(rows(), info, opts, run, header=header)


def _read_xlsx(info: _FileInfo, opts: _Options, run: _Run) -> _Records:
    """The first worksheet: row 1 names the columns, each further row is an article.

    Cells keep their Excel type (text, numbers, dates); blank rows are skipped.
    """
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(info.path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise CorpusReadError(f"not a readable .xlsx workbook ({exc}); save it again from "
                              "the spreadsheet program as .xlsx", file=info.file) from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header_row = next(rows, None)
        header = ["" if v is None else str(v).strip() for v in header_row or ()]
        while header and not header[-1]:
            header.pop()
        if not any(header):
            raise CorpusReadError("the first worksheet has no header row; put the column "
                                  "names in row 1", file=info.file)
        blank = [i + 1 for i, name in enumerate(header) if not name]
        twice = sorted({name for name in header if name and header.count(name) > 1})
        if blank or twice:
            raise CorpusReadError(
                f"row 1 must name every column once (blank: columns {blank}, repeated: "
                f"{twice}); fix the header", file=info.file)

        def records() -> Iterator[tuple[dict[str, Any], Any]]:
            for line, values in enumerate(rows, start=2):
                values = tuple(values)[: len(header)]
                if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                    continue
                padded = values + (None,) * (len(header) - len(values))
                yield {"file": info.file, "row": line - 1}, dict(zip(header, padded))

        yield from _table_rows(records(), info, opts, run, header=header)
    finally:
        book.close()


_READERS: dict[str, Callable[[_FileInfo, _Options, _Run], _Records]] = {
    "txt": _read_txt,
    "html": _read_html,
    "csv": _read_delimited,
    "tsv": _read_delimited,
    "jsonl": _read_jsonl,
    "json": _read_json,
    "parquet": _read_parquet,
    "xlsx": _read_xlsx,
}


# --------------------------------------------------------------------------------------
# Finding files
# --------------------------------------------------------------------------------------


def _split_suffix(name: str) -> tuple[str, str | None]:
    """``("a", "jsonl")`` for ``"a.jsonl.gz"``; ``(stem, None)`` when unsupported."""
    lower = name.lower()
    if lower.endswith(".gz"):
        name, lower = name[:-3], lower[:-3]
    for suffix, fmt in SUFFIX_FORMATS.items():
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return name[: -len(suffix)], fmt
    return (name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name), None


def _check_format(fmt: str | None) -> None:
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"format={fmt!r} is not one of {list(FORMATS)}")


@dataclass(frozen=True)
class _Entry:
    """A file to read (``fmt``), or a problem found while listing a folder."""

    path: Path
    file: str
    id_stem: str = ""
    fmt: str = ""
    problem: CorpusReadError | None = None


def _broken_link(path: Path) -> CorpusReadError:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return CorpusReadError(
        f"a broken symbolic link (to {target!r}, which does not exist); fix or remove the "
        f"link, or {_or_skip()}",
        file=str(path),
    )


def _list_files(path: Path, fmt: str | None, ignored: list[str]) -> Iterator[_Entry]:
    """Each file to read, and each problem met while listing, in sorted order."""
    try:
        is_file, is_dir = path.is_file(), path.is_dir()
    except OSError as exc:
        raise unreadable(str(path), exc) from None
    if is_file:
        stem, detected = _split_suffix(path.name)
        chosen = fmt or detected
        if chosen is None:
            raise CorpusReadError(
                f"cannot tell the format from the file name; pass {option('format')} one of "
                f"{list(FORMATS)}",
                file=str(path),
            )
        yield _Entry(path, str(path), stem, chosen)
        return
    if not is_dir:
        if path.is_symlink():
            error = _broken_link(path)
            raise CorpusNotFoundError(error.problem, file=str(path))
        raise CorpusNotFoundError("no such file or folder; check the path", file=str(path))
    found: list[tuple[str, _Entry]] = []
    others: list[str] = []

    def cannot_list(exc: OSError) -> None:
        folder = Path(exc.filename) if exc.filename else path
        found.append((folder.relative_to(path).as_posix(), _Entry(folder, str(folder), problem=(
            CorpusReadError(
                f"cannot list the folder ({exc.strerror or type(exc).__name__}); check its "
                f"permissions, or {_or_skip()}",
                file=str(folder),
            )))))

    for root, dirs, names in os.walk(path, onerror=cannot_list):
        here = Path(root)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for d in dirs:
            if (here / d).is_symlink():  # os.walk does not follow it
                others.append(str(here / d))
        for name in names:
            if name.startswith("."):
                continue
            child = here / name
            rel = child.relative_to(path).as_posix()
            if child.is_symlink() and not child.exists():
                found.append((rel, _Entry(child, str(child), problem=_broken_link(child))))
                continue
            if not child.is_file():  # a pipe, socket or device
                others.append(str(child))
                continue
            stem, detected = _split_suffix(name)
            if detected is None or (fmt is not None and detected != fmt):
                others.append(str(child))
                continue
            found.append((rel, _Entry(child, str(child), (Path(rel).parent / stem).as_posix(),
                                      detected)))
    found.sort(key=lambda item: item[0])
    ignored.extend(sorted(others))
    if not found:
        raise CorpusReadError(
            f"no article files found (looked for {sorted(SUFFIX_FORMATS)} and .gz forms)",
            file=str(path),
        )
    for _, entry in found:
        yield entry


# --------------------------------------------------------------------------------------
# Public readers
# --------------------------------------------------------------------------------------


def _iter_records(
    path: str | os.PathLike[str],
    run: _Run,
    *,
    fmt: str | None,
    opts: _Options,
    limit: int | None,
) -> Iterator[dict[str, Any]]:
    count = 0
    if limit == 0:
        return
    for entry in _list_files(Path(path), fmt, run.ignored):
        if entry.problem is not None:
            run.reporter.report(entry.problem, whole_file=True)
            continue
        kept = 0
        try:
            info = _FileInfo(entry.path, entry.file, entry.id_stem, entry.fmt,
                             file_sha256(entry.path, entry.file))
            with closing(_READERS[entry.fmt](info, opts, run)) as records:
                for where, rec in records:
                    here = describe_location(**where)
                    first = run.seen.setdefault(rec["article_id"], here)
                    if first != here:
                        run.reporter.report(CorpusReadError(
                            f"duplicate article_id {rec['article_id']!r}, first seen at {first}; "
                            "make the ids unique (or pass "
                            f"{option('columns', None, field='article_id')} to number the rows)",
                            **where,
                        ))
                        continue
                    key = _text_key(rec["title"], rec["body"])
                    same = run.texts.setdefault(key, (rec["article_id"], info.file))
                    if same[0] != rec["article_id"]:
                        run.duplicate_texts[rec["article_id"]] = {
                            "article_id": rec["article_id"], "file": info.file,
                            "same_text_as": same[0], "same_text_as_file": same[1]}
                    yield rec
                    kept += 1
                    count += 1
                    if limit is not None and count >= limit:
                        return
        except CorpusReadError as exc:
            run.reporter.report(exc, whole_file=True, partial=kept > 0)


def _string_array(values: list[str | None]) -> pd.api.extensions.ExtensionArray:
    """A ``string`` array built through pyarrow (about twice as fast as pandas' checks)."""
    import pyarrow as pa

    return pd.array(pa.array(values, type=pa.large_string()), dtype="string")


def _frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    """The articles table of ``records``: schema columns as ``string``, then the extras."""
    if not records:
        return schema.empty_table(schema.ARTICLES)
    names = list(dict.fromkeys(k for rec in records for k in rec))
    extras = [c for c in names if c not in schema.ARTICLES]
    data: dict[str, Any] = {}
    for col in schema.ARTICLES + extras:
        values = [rec.get(col) for rec in records]
        if col in schema.ARTICLES or all(v is None or isinstance(v, str) for v in values):
            data[col] = _string_array(values)
        else:
            data[col] = values  # numbers, dates, lists: pandas infers the dtype
    return pd.DataFrame(data)


#: ``df.attrs`` keys a read fills (each a list; see :func:`read_articles`).
REPORT_KEYS = ("skipped", "title_only", "ignored_files", "duplicate_texts", "cp1256_lines", "undated")


def _iter_frames(
    path: str | os.PathLike[str],
    run: _Run,
    *,
    chunksize: int,
    fmt: str | None,
    opts: _Options,
    limit: int | None,
) -> Iterator[pd.DataFrame]:
    """Chunks with ``attrs`` reporting what happened since the previous chunk.

    A full chunk is held back until the next record arrives, so problems after the last
    row land on the last chunk; a read that keeps no row yields one empty chunk.
    """
    records: list[dict[str, Any]] = []
    yielded = False

    def emit() -> pd.DataFrame:
        df = _frame(records)
        df.attrs["skipped"] = list(run.reporter.skipped)
        df.attrs["title_only"] = [r["article_id"] for r in records if not r["body"].strip()]
        df.attrs["ignored_files"] = list(run.ignored)
        df.attrs["duplicate_texts"] = [run.duplicate_texts.pop(r["article_id"]) for r in records
                                       if r["article_id"] in run.duplicate_texts]
        df.attrs["cp1256_lines"] = list(run.cp1256_lines)
        df.attrs["undated"] = list(run.undated)
        for reported in (run.reporter.skipped, run.ignored, run.cp1256_lines, run.undated):
            reported.clear()
        return df

    for rec in _iter_records(path, run, fmt=fmt, opts=opts, limit=limit):
        if len(records) == chunksize:
            yield emit()
            yielded = True
            records = []
        records.append(rec)
    if records or not yielded:
        yield emit()


def _warn_noticed(attrs: Mapping[str, Any]) -> None:
    """One warning each for title-only articles and for repeated texts."""
    ids = attrs["title_only"]
    if ids:
        shown = ", ".join(repr(i) for i in ids[:5])
        more = f" and {len(ids) - 5} more" if len(ids) > 5 else ""
        warnings.warn(
            f"{len(ids)} article(s) have a title but an empty body and are kept: "
            f"{shown}{more}; see df.attrs['title_only']",
            CorpusReadWarning,
            stacklevel=3,
        )
    undated = attrs.get("undated", [])
    if undated:
        shown = "; ".join(f"{u['file']}, row {u['row']}: {u['value']!r}" for u in undated[:3])
        more = f"; and {len(undated) - 3} more" if len(undated) > 3 else ""
        warnings.warn(
            f"{len(undated)} article(s) have a date in no known form and are kept without a "
            f"date: {shown}{more}; see df.attrs['undated'] (dates such as 2016-09-09, "
            "09/09/2016 and 9 سبتمبر 2016 are read)",
            CorpusReadWarning,
            stacklevel=3,
        )
    pairs = attrs["duplicate_texts"]
    if pairs:
        def pair(p: Mapping[str, str]) -> str:
            if p["file"] == p["same_text_as_file"]:
                return f"{p['article_id']!r} = {p['same_text_as']!r} (in {p['file']})"
            return (f"{p['article_id']!r} ({p['file']}) = {p['same_text_as']!r} "
                    f"({p['same_text_as_file']})")

        more = f"; and {len(pairs) - 3} more" if len(pairs) > 3 else ""
        warnings.warn(
            f"{len(pairs)} article(s) repeat the title and body of an earlier article and are "
            f"kept: {'; '.join(map(pair, pairs[:3]))}{more}; see df.attrs['duplicate_texts']",
            CorpusReadWarning,
            stacklevel=3,
        )


def _start_run(
    path: str | os.PathLike[str], errors: ErrorMode, columns: Mapping[str, str | None] | None,
    outlet: str | None, encoding: str | None, fmt: str | None, limit: int | None,
) -> tuple[_Run, _Options]:
    """Check the arguments shared by the readers; a fresh run state and the options."""
    _check_format(fmt)
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0, not {limit}")
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    if encoding is not None and encoding != PER_LINE:
        codec_name(encoding, str(path))
    return _Run(_Reporter(errors)), _Options(_check_columns_arg(columns), outlet, encoding)


_READ_CHUNK_ROWS = 5000  # read_articles builds the table from chunks of this many rows


def read_articles(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,  # noqa: A002 - the natural name for users
    columns: Mapping[str, str | None] | None = None,
    outlet: str | None = None,
    encoding: str | None = None,
    errors: ErrorMode = "raise",
    limit: int | None = None,
) -> pd.DataFrame:
    """Read a file or folder of articles into the ``articles`` table.

    Parameters
    ----------
    path : str or path-like
        A file (txt, html, csv, tsv, jsonl, json, parquet, optionally gzipped) or a
        folder read recursively in sorted order.
    format : str, optional
        One of :data:`FORMATS`; by default taken from each file's suffix. For a folder,
        only files of this format are read.
    columns : mapping, optional
        Articles field → column name in row formats, e.g. ``{"body": "text",
        "title": "headline"}``; a field mapped to ``None`` is not read. Fields not
        given are detected with :data:`FIELD_ALIASES`. Ignored for txt and html.
    outlet : str, optional
        Outlet for rows without an outlet column or value (default ``"unknown"``).
    encoding : str, optional
        Codec that overrides detection (e.g. ``"cp1256"``), or ``"per-line"`` to decode
        each line as UTF-8 or else Windows-1256 (for files that mix the two).
    errors : {"raise", "skip"}
        ``"skip"`` leaves out bad rows and files, warning about each and listing it in
        ``df.attrs["skipped"]``.
    limit : int, optional
        Stop after this many articles.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`analysis.corpus.schema.ARTICLES` (string dtype), then any other input
        columns. ``attrs`` lists what the read skipped or noticed (:data:`REPORT_KEYS`):
        ``skipped`` rows/files, ``title_only`` ids, ``ignored_files`` in a folder,
        ``duplicate_texts`` (article, file and the earlier article with the same title and
        body) and ``cp1256_lines`` (per file, with ``encoding="per-line"``).

    Raises
    ------
    CorpusReadError
        Bad input, with file, row/line or byte offset and a remedy in the message.

    Examples
    --------
    >>> from analysis.corpus.paths import EXAMPLE_ARTICLE
    >>> df = read_articles(EXAMPLE_ARTICLE)
    >>> df.loc[0, "article_id"]
    '2016-09-09-lavrov-kerry-geneva'
    """
    run, opts = _start_run(path, errors, columns, outlet, encoding, format, limit)
    chunks = list(_iter_frames(path, run, chunksize=_READ_CHUNK_ROWS, fmt=format, opts=opts,
                               limit=limit))
    df = chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)
    for key in REPORT_KEYS:
        df.attrs[key] = [item for chunk in chunks for item in chunk.attrs[key]]
    _warn_noticed(df.attrs)
    return df


def iter_articles(
    path: str | os.PathLike[str],
    *,
    chunksize: int = 1000,
    format: str | None = None,  # noqa: A002
    columns: Mapping[str, str | None] | None = None,
    outlet: str | None = None,
    encoding: str | None = None,
    errors: ErrorMode = "raise",
    limit: int | None = None,
) -> Iterator[pd.DataFrame]:
    """Stream the ``articles`` table in chunks of at most ``chunksize`` rows.

    Takes the same arguments as :func:`read_articles`; memory stays bounded by the
    chunk size for csv, tsv, jsonl and parquet (json and single documents are read
    whole). Each chunk's ``attrs`` report what happened since the previous chunk
    (``skipped`` rows, ``duplicate_texts``, ...); problems after the last row are
    attached to the last chunk, and a read that keeps no row yields one empty chunk.
    Article ids are unique across all chunks.

    Examples
    --------
    >>> from analysis.corpus.paths import EXAMPLE_ARTICLE
    >>> [len(chunk) for chunk in iter_articles(EXAMPLE_ARTICLE, chunksize=10)]
    [1]
    """
    if chunksize < 1:
        raise ValueError(f"chunksize must be >= 1, not {chunksize}")
    run, opts = _start_run(path, errors, columns, outlet, encoding, format, limit)  # checked now
    frames = _iter_frames(path, run, chunksize=chunksize, fmt=format, opts=opts, limit=limit)
    return _warned(frames)


def _warned(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for chunk in frames:
        _warn_noticed(chunk.attrs)
        yield chunk
