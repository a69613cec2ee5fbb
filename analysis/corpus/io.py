"""Read corpora into the ``articles`` table; save and load tidy tables.

Readers turn a file or a folder into the ``articles`` table
(:data:`analysis.corpus.schema.ARTICLES`: article_id, outlet, published, title, body, url,
source_path, sha256), one row per article, with text kept exactly as stored.

Supported inputs
----------------
``txt``
    One article per file: the first line is the title, everything after the first
    ``"\\n"`` is the body, character for character after decoding (nothing is stripped;
    ``"\\r\\n"`` line ends stay in the body). A title line ending in ``"\\r\\n"`` loses
    only that ``"\\r"``, which is part of the line terminator. ``article_id`` is the file
    stem, or the path relative to the folder without extension when reading a folder.
``html`` (``.html``, ``.htm``)
    One article per page. The main text is extracted offline with trafilatura; the
    title, date and URL come from the page's metadata when present. When the extracted
    text starts with a line equal to the title, that line is dropped so the title is
    not counted twice. The body is therefore trafilatura's text, not the page's bytes
    (paragraphs joined by ``"\\n"``, no-break spaces turned into spaces). A page's
    declared ``<meta charset>`` is used when its bytes are not UTF-8.
``csv``, ``tsv``, ``jsonl`` (``.ndjson``), ``json`` (a list of objects), ``parquet``
    One article per row. Columns are detected by name (see :data:`FIELD_ALIASES`,
    case-insensitive, English and Arabic headers) or mapped with ``columns=``. Columns
    that are not mapped are kept after the schema columns (e.g. ANT's ``category``).

Any of these may be gzip-compressed (``.gz``, detected from the file's magic bytes).
A folder is read recursively in sorted order of relative path; hidden files and folders
(names starting with ``"."``) are skipped, and files of other formats are listed in
``df.attrs["ignored_files"]``.

Values
------
- ``sha256`` is the hex SHA-256 of the file's bytes as stored on disk (of the compressed
  bytes for ``.gz`` files). Every row read from a multi-row file carries that file's
  hash; there is no per-row text hash.
- ``source_path`` is the path as passed (joined with the relative path for folders).
- ``outlet`` comes from a column, else the ``outlet=`` argument, else ``"unknown"``.
- ``published`` is an ISO 8601 string or ``""``. ISO strings are kept as stored; RFC 2822
  dates (RSS feeds) and date/time objects are converted with ``isoformat()``; anything
  else is an error (map the column to ``None`` to leave it empty).
- Rows without an id column get ``<file stem>-<row>`` (row counted from 1).

Encodings
---------
UTF-8 with or without BOM (only the BOM is removed), UTF-16/UTF-32 with BOM and
Windows-1256. Detection: a byte-order mark decides; otherwise valid UTF-8 is UTF-8;
otherwise the bytes are Windows-1256 when that decoding yields mostly Arabic letters.
``encoding=`` overrides detection. Streaming formats (csv, tsv, jsonl) decide from the
first MiB; a later undecodable byte is an error naming its byte offset.

Errors
------
Bad input raises :class:`CorpusReadError` naming the file, the row/line or byte offset
and what to do. An article without text (empty or blank body and title) is an error; an
article with a title but a blank body is real data (ANT has two) and is kept, with one
:class:`CorpusReadWarning` per read and its id in ``df.attrs["title_only"]``.

With ``errors="skip"`` the bad row (or file) is skipped and reported: a
:class:`CorpusReadWarning` with the same message, and an entry
``{"file", "row", "reason"}`` in ``df.attrs["skipped"]``. ``row`` is the line number
for JSON Lines, the data row (from 1, header excluded) for csv/tsv/json/parquet, and
``None`` when a whole file (or the rest of it) is skipped. Duplicate article ids are
errors naming both rows. Raw files are only ever opened for reading.

Tables are saved and loaded with :func:`save_table` and :func:`load_table` (CSV or
Parquet, written atomically).
"""

from __future__ import annotations

import codecs
import csv
import email.utils
import gzip
import hashlib
import json
import os
import re
import sys
import unicodedata
import warnings
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal

import pandas as pd

from analysis.corpus import paths
from analysis.corpus.files import atomic_path
from analysis.corpus import schema

__all__ = [
    "CorpusReadError",
    "CorpusReadWarning",
    "FIELD_ALIASES",
    "FORMATS",
    "SCHEMA_DTYPES",
    "SUFFIX_FORMATS",
    "decode_bytes",
    "detect_encoding",
    "iter_articles",
    "load_table",
    "read_articles",
    "save_table",
]

# --------------------------------------------------------------------------------------
# Data: formats, header names, encoding rules
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
}
FORMATS: tuple[str, ...] = ("txt", "html", "csv", "tsv", "jsonl", "json", "parquet")
_DOCUMENT_FORMATS = frozenset({"txt", "html"})

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
_COLUMN_KEYS = {**{f: f for f in _FIELD_ORDER}, "id": "article_id"}

_SNIFF_BYTES = 1 << 20
_READ_BYTES = 1 << 20
_ARABIC_SHARE = 0.5  # share of letters that must be Arabic to accept Windows-1256
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ENCODING_HINT = "pass encoding='cp1256' (Arabic Windows), 'iso-8859-6' or another codec"

_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)
_HTML_CHARSET_WINDOW = 4096

ErrorMode = Literal["raise", "skip"]


# --------------------------------------------------------------------------------------
# Errors and reporting
# --------------------------------------------------------------------------------------


class CorpusReadError(ValueError):
    """Input that cannot be read as articles; the message says where and what to do.

    Attributes ``file``, ``row``, ``line`` and ``offset`` hold the location (``None``
    when not applicable).
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | os.PathLike[str],
        row: int | None = None,
        line: int | None = None,
        offset: int | None = None,
    ) -> None:
        self.file = str(file)
        self.row = row
        self.line = line
        self.offset = offset
        super().__init__(f"{_location(file, row, line, offset)}: {message}")


def _location(
    file: str | os.PathLike[str],
    row: int | None = None,
    line: int | None = None,
    offset: int | None = None,
) -> str:
    """``"corpus.csv, row 3, line 5"``: the place named in messages."""
    where = [str(file)]
    if row is not None:
        where.append(f"row {row}")
    if line is not None:
        where.append(f"line {line}")
    if offset is not None:
        where.append(f"byte {offset}")
    return ", ".join(where)


class CorpusReadWarning(UserWarning):
    """Warning issued for each row or file skipped with ``errors="skip"``."""


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
        reason = str(exc)
        if whole_file:
            reason += " (rest of the file skipped)" if partial else " (file skipped)"
        warnings.warn(reason, CorpusReadWarning, stacklevel=4)
        row = None if whole_file else exc.row if exc.row is not None else exc.line
        self.skipped.append({"file": exc.file, "row": row, "reason": reason})


# --------------------------------------------------------------------------------------
# Encodings
# --------------------------------------------------------------------------------------


def _codec_name(encoding: str, file: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise CorpusReadError(
            f"unknown encoding {encoding!r}; pass a Python codec name such as 'utf-8', "
            "'cp1256' or 'utf-16'",
            file=file,
        ) from None
    return "utf-8-sig" if name == "utf-8" else name


def _arabic_letter_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    arabic = sum(1 for c in letters if unicodedata.name(c, "").startswith("ARABIC"))
    return arabic / len(letters)


def detect_encoding(data: bytes, *, file: str = "<bytes>", complete: bool = True) -> str:
    """Name the encoding of ``data`` (UTF-8/16/32 with BOM, UTF-8, or Windows-1256).

    Parameters
    ----------
    data : bytes
        The file's bytes, or its first part.
    file : str
        Name used in error messages.
    complete : bool
        False when ``data`` is only the start of the file (a multi-byte character cut at
        the end is then not an error).

    Returns
    -------
    str
        A Python codec name: ``"utf-8"``, ``"utf-8-sig"``, ``"utf-16"``, ``"utf-32"`` or
        ``"cp1256"``.

    Raises
    ------
    CorpusReadError
        For NUL bytes without a BOM (binary file) or bytes that are neither UTF-8 nor
        Arabic Windows-1256; the message gives the byte offset.

    Examples
    --------
    >>> detect_encoding("سلام".encode("cp1256"))
    'cp1256'
    >>> detect_encoding(codecs.BOM_UTF8 + "سلام".encode())
    'utf-8-sig'
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    nul = data.find(b"\x00")
    if nul != -1:
        raise CorpusReadError(
            "NUL byte: this looks like a binary file (or UTF-16/32 without a byte-order "
            "mark); check the file, or pass encoding='utf-16-le' (or similar) if it is text",
            file=file,
            offset=nul,
        )
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=complete)
        return "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _arabic_letter_share(data.decode("cp1256")) >= _ARABIC_SHARE:
        return "cp1256"
    raise CorpusReadError(
        f"unknown encoding: not UTF-8 ({utf8_error.reason}) and not Arabic Windows-1256; "
        + _ENCODING_HINT,
        file=file,
        offset=utf8_error.start,
    )


def decode_bytes(
    data: bytes, *, encoding: str | None = None, file: str = "<bytes>"
) -> tuple[str, str]:
    """Decode a whole file's bytes, detecting the encoding unless one is given.

    Only a leading byte-order mark is removed; nothing else changes.

    Parameters
    ----------
    data : bytes
        The file's bytes.
    encoding : str, optional
        Codec name that overrides detection (a UTF-8 BOM is still removed).
    file : str
        Name used in error messages.

    Returns
    -------
    (str, str)
        The text and the codec used.

    Examples
    --------
    >>> decode_bytes(codecs.BOM_UTF8 + "موسكو\\r\\n".encode())
    ('موسكو\\r\\n', 'utf-8-sig')
    """
    codec = _codec_name(encoding, file) if encoding else detect_encoding(data, file=file)
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as exc:
        raise CorpusReadError(
            f"cannot be decoded as {codec} ({exc.reason}); " + _ENCODING_HINT,
            file=file,
            offset=exc.start,
        ) from None


# --------------------------------------------------------------------------------------
# Files: opening, hashing, decoding line by line
# --------------------------------------------------------------------------------------


def _open_binary(path: Path) -> BinaryIO:
    """Open read-only; transparently gunzip when the file starts with gzip's magic."""
    with open(path, "rb") as fh:
        gzipped = fh.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gzipped else open(path, "rb")  # type: ignore[return-value]


def _read_chunk(fh: BinaryIO, size: int, file: str) -> bytes:
    """``fh.read(size)``, turning a damaged gzip stream into a clear error."""
    try:
        return fh.read(size)
    except (EOFError, OSError, zlib.error) as exc:
        raise CorpusReadError(
            f"damaged gzip data ({exc}); decompress it with gzip -t / gunzip to check it, "
            "or fetch the file again",
            file=file,
        ) from None


def _read_all(path: Path, file: str) -> bytes:
    with _open_binary(path) as fh:
        return _read_chunk(fh, -1, file)


def _file_sha256(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _iter_lines(path: Path, file: str, encoding: str | None) -> Iterator[str]:
    """Decoded lines (each keeping its ``"\\n"``), streamed with bounded memory."""
    with _open_binary(path) as fh:
        chunk = _read_chunk(fh, _SNIFF_BYTES, file)
        if not chunk:
            raise CorpusReadError("the file is empty; remove it or fill it", file=file)
        if encoding:
            codec = _codec_name(encoding, file)
        else:
            codec = detect_encoding(chunk, file=file, complete=len(chunk) < _SNIFF_BYTES)
        decoder = codecs.getincrementaldecoder(codec)(errors="strict")
        consumed = 0
        pending = ""
        while True:
            buffered = len(decoder.getstate()[0])
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                raise CorpusReadError(
                    f"cannot be decoded as {codec} ({exc.reason}); " + _ENCODING_HINT,
                    file=file,
                    offset=consumed - buffered + exc.start,
                ) from None
            consumed += len(chunk)
            if text:
                lines = (pending + text).split("\n")
                pending = lines.pop()
                for line in lines:
                    yield line + "\n"
            if not chunk:
                break
            chunk = _read_chunk(fh, _READ_BYTES, file)
        if pending:
            yield pending


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
        raise ValueError(f"published value {value!r} is a {type(value).__name__}, not a date")
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
        raise ValueError(f"published value {value!r} is not an ISO 8601 date") from None


def _text_value(value: Any, name: str) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{name} is a {type(value).__name__} ({value!r}), expected text")
    return value


def _id_value(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"article id {value!r} is a {type(value).__name__}, expected text "
                         "or an integer")
    text = str(value)
    if not text.strip():
        raise ValueError("the article id is empty")
    return text


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
        if key not in _COLUMN_KEYS:
            raise ValueError(
                f"columns= has unknown field {key!r}; use fields {sorted(_COLUMN_KEYS)} "
                "mapped to your column names, e.g. columns={'body': 'text'}"
            )
        if value is not None and not isinstance(value, str):
            raise ValueError(f"columns[{key!r}] must be a column name or None, not {value!r}")
        out[_COLUMN_KEYS[key]] = value
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
                f"columns={{{fld!r}: {col!r}}} names a column that is not in the file; "
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
            "pass columns={'body': '<name of the text column>'}",
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
            "column with columns={'body': ...}, or pass errors='skip' to leave it out",
            **{"file": info.file, **where},
        )


def _read_txt(info: _FileInfo, opts: _Options, reporter: _Reporter) -> _Records:
    data = _read_all(info.path, info.file)
    if not data:
        raise CorpusReadError("the file is empty; remove it or write title and body",
                              file=info.file)
    text, _ = decode_bytes(data, encoding=opts.encoding, file=info.file)
    title, _, body = text.partition("\n")
    if title.endswith("\r"):
        title = title[:-1]
    rec = {**_base_record(info, opts), "title": title, "body": body}
    _check_text(rec, info)
    yield {"file": info.file}, rec


def _html_encoding(data: bytes, file: str) -> str:
    """Detected encoding, except that a page's declared charset beats the Arabic guess.

    Markup is mostly ASCII letters, so the "mostly Arabic letters" test for Windows-1256
    is weak on pages; a ``<meta charset>`` declaration decides when the bytes are not
    UTF-8.
    """
    match = _HTML_CHARSET.search(data[:_HTML_CHARSET_WINDOW])
    declared = match.group(1).decode("ascii") if match else None
    try:
        detected = detect_encoding(data, file=file)
    except CorpusReadError:
        if declared is None:
            raise
        return _codec_name(declared, file)
    if detected == "cp1256" and declared is not None:
        return _codec_name(declared, file)
    return detected


def _read_html(info: _FileInfo, opts: _Options, reporter: _Reporter) -> _Records:
    import trafilatura  # imported here: slow to import and only needed for HTML

    data = _read_all(info.path, info.file)
    if not data:
        raise CorpusReadError("the file is empty; remove it", file=info.file)
    html, _ = decode_bytes(data, encoding=opts.encoding or _html_encoding(data, info.file),
                           file=info.file)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    body = (doc.text or "") if doc is not None else ""
    if not body.strip():
        raise CorpusReadError(
            "trafilatura found no main text in the page; check that it is an article page "
            "or convert it to .txt yourself",
            file=info.file,
        )
    title = (doc.title or "") if doc is not None else ""
    first, _, rest = body.partition("\n")
    if title and first == title and rest.strip():
        body = rest
    try:
        published = _iso_date(doc.date)
    except ValueError as exc:
        raise CorpusReadError(f"page metadata: {exc}; fix the page's date",
                              file=info.file) from None
    yield {"file": info.file}, {**_base_record(info, opts), "title": title, "body": body,
                                "published": published, "url": doc.url or ""}


def _row_record(
    raw: Mapping[str, Any],
    mapping: dict[str, str | None],
    info: _FileInfo,
    opts: _Options,
    n: int,
    where: dict[str, Any],
) -> dict[str, Any]:
    """One articles record from one input row (``n`` counts data rows from 1)."""
    if mapping["body"] not in raw:
        raise CorpusReadError(
            f"the text column {mapping['body']!r} is missing in this row; add it or pass "
            "errors='skip'",
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
            rec["published"] = _iso_date(raw.get(mapping["published"]))
    except ValueError as exc:
        raise CorpusReadError(
            f"{exc}; fix the value, map another column with columns=, or pass "
            "errors='skip'",
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
    reporter: _Reporter,
    header: list[str] | None = None,
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """``(location, record)`` pairs from ``(location, object)`` pairs.

    ``location`` holds the ``row`` and/or ``line`` named in messages. The column
    mapping comes from ``header``, or from the first object's keys.
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
            yield where, _row_record(raw, mapping, info, opts, n, where)
        except CorpusReadError as exc:
            if exc.row is None and exc.line is None:  # a file-level problem: stop here
                raise
            reporter.report(exc)
    if n == 0:
        raise CorpusReadError("the file has no rows; remove it or add articles",
                              file=info.file)


def _read_delimited(info: _FileInfo, opts: _Options, reporter: _Reporter) -> _Records:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    delimiter = "\t" if info.fmt == "tsv" else ","
    reader = csv.reader(_iter_lines(info.path, info.file, opts.encoding), delimiter=delimiter)
    header = next(reader, None)
    if not header:
        raise CorpusReadError("the file has no header line; add one naming the columns",
                              file=info.file)

    def rows() -> Iterator[tuple[dict[str, Any], Any]]:
        row, last_line = 0, reader.line_num
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise CorpusReadError(f"malformed CSV ({exc}); check the quoting",
                                      file=info.file, line=last_line + 1) from None
            line, last_line = last_line + 1, reader.line_num
            if not values:  # csv yields [] for an empty line: not a row
                continue
            row += 1
            where = {"file": info.file, "row": row, "line": line}
            if len(values) != len(header):
                yield where, CorpusReadError(
                    f"{len(values)} fields where the header has {len(header)}; check the "
                    "delimiter and quoting",
                    **where,
                )
                continue
            yield where, dict(zip(header, values, strict=True))

    yield from _table_rows(rows(), info, opts, reporter, header=header)


def _read_jsonl(info: _FileInfo, opts: _Options, reporter: _Reporter) -> _Records:
    def rows() -> Iterator[tuple[dict[str, Any], Any]]:
        for line_no, line in enumerate(_iter_lines(info.path, info.file, opts.encoding), 1):
            if not line.strip():
                continue
            where = {"file": info.file, "line": line_no}
            try:
                yield where, json.loads(line)
            except json.JSONDecodeError as exc:
                yield where, CorpusReadError(
                    f"not valid JSON ({exc.msg} at column {exc.colno}); fix the line or "
                    "pass errors='skip'",
                    **where,
                )

    yield from _table_rows(rows(), info, opts, reporter)


def _read_json(info: _FileInfo, opts: _Options, reporter: _Reporter) -> _Records:
    data = _read_all(info.path, info.file)
    if not data:
        raise CorpusReadError("the file is empty; remove it", file=info.file)
    text, _ = decode_bytes(data, encoding=opts.encoding, file=info.file)
    try:
        objs = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorpusReadError(
            f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); fix it, "
            "or use JSON Lines (.jsonl) for one article per line",
            file=info.file,
        ) from None
    if not isinstance(objs, list):
        raise CorpusReadError(
            f"expected a JSON list of article objects, found {type(objs).__name__}",
            file=info.file,
        )
    rows = (({"file": info.file, "row": i}, obj) for i, obj in enumerate(objs, 1))
    yield from _table_rows(rows, info, opts, reporter)


def _read_parquet(info: _FileInfo, opts: _Options, reporter: _Reporter) -> _Records:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pfile = pq.ParquetFile(info.path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise CorpusReadError(f"not a readable Parquet file ({exc})", file=info.file) from None
    header = pfile.schema_arrow.names

    def rows() -> Iterator[tuple[dict[str, Any], Any]]:
        row = 0
        for batch in pfile.iter_batches(batch_size=4096):
            for obj in batch.to_pylist():
                row += 1
                yield {"file": info.file, "row": row}, obj

    yield from _table_rows(rows(), info, opts, reporter, header=header)


_READERS: dict[str, Callable[[_FileInfo, _Options, _Reporter], _Records]] = {
    "txt": _read_txt,
    "html": _read_html,
    "csv": _read_delimited,
    "tsv": _read_delimited,
    "jsonl": _read_jsonl,
    "json": _read_json,
    "parquet": _read_parquet,
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


def _list_files(
    path: Path, fmt: str | None, ignored: list[str]
) -> Iterator[tuple[Path, str, str, str]]:
    """``(path, source_path, id_stem, format)`` for each file to read, sorted."""
    if path.is_file():
        stem, detected = _split_suffix(path.name)
        chosen = fmt or detected
        if chosen is None:
            raise CorpusReadError(
                f"cannot tell the format from the file name; pass format= one of {list(FORMATS)}",
                file=str(path),
            )
        yield path, str(path), stem, chosen
        return
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: no such file or folder")
    found, others = [], []
    for child in path.rglob("*"):
        rel = child.relative_to(path)
        if any(part.startswith(".") for part in rel.parts) or not child.is_file():
            continue
        stem, detected = _split_suffix(child.name)
        if detected is None or (fmt is not None and detected != fmt):
            others.append(str(child))
            continue
        id_stem = (rel.parent / stem).as_posix()
        found.append((rel.as_posix(), child, id_stem, detected))
    found.sort()
    ignored.extend(sorted(others))
    if not found:
        raise CorpusReadError(
            f"no article files found (looked for {sorted(SUFFIX_FORMATS)} and .gz forms)",
            file=str(path),
        )
    for _, child, id_stem, detected in found:
        yield child, str(child), id_stem, detected


# --------------------------------------------------------------------------------------
# Public readers
# --------------------------------------------------------------------------------------


@dataclass
class _Run:
    """State shared over one read: the reporter, ignored files and the ids seen so far."""

    reporter: _Reporter
    ignored: list[str] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)


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
    for file_path, file, id_stem, chosen in _list_files(Path(path), fmt, run.ignored):
        info = _FileInfo(file_path, file, id_stem, chosen, _file_sha256(file_path))
        kept = 0
        try:
            for where, rec in _READERS[chosen](info, opts, run.reporter):
                here = _location(**where)
                first = run.seen.setdefault(rec["article_id"], here)
                if first != here:
                    run.reporter.report(CorpusReadError(
                        f"duplicate article_id {rec['article_id']!r}, first seen at {first}; "
                        "make the ids unique (or pass columns={'article_id': None} to number "
                        "the rows)",
                        **where,
                    ))
                    continue
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
        run.reporter.skipped.clear()
        run.ignored.clear()
        return df

    for rec in _iter_records(path, run, fmt=fmt, opts=opts, limit=limit):
        if len(records) == chunksize:
            yield emit()
            yielded = True
            records = []
        records.append(rec)
    if records or not yielded:
        yield emit()


def _warn_title_only(ids: list[str]) -> None:
    if ids:
        shown = ", ".join(repr(i) for i in ids[:5])
        more = f" and {len(ids) - 5} more" if len(ids) > 5 else ""
        warnings.warn(
            f"{len(ids)} article(s) have a title but an empty body and are kept: "
            f"{shown}{more}; see df.attrs['title_only']",
            CorpusReadWarning,
            stacklevel=3,
        )


def _start_run(
    errors: ErrorMode, columns: Mapping[str, str | None] | None, outlet: str | None,
    encoding: str | None, fmt: str | None, limit: int | None,
) -> tuple[_Run, _Options]:
    """Check the arguments shared by the readers; a fresh run state and the options."""
    _check_format(fmt)
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0, not {limit}")
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
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
        Codec that overrides detection (e.g. ``"cp1256"``).
    errors : {"raise", "skip"}
        ``"skip"`` leaves out bad rows and files, warning about each and listing it in
        ``df.attrs["skipped"]``.
    limit : int, optional
        Stop after this many articles.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`analysis.corpus.schema.ARTICLES` (string dtype), then any other input
        columns. ``attrs["skipped"]`` lists skipped rows/files, ``attrs["ignored_files"]``
        files in a folder that are not articles.

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
    run, opts = _start_run(errors, columns, outlet, encoding, format, limit)
    chunks = list(_iter_frames(path, run, chunksize=_READ_CHUNK_ROWS, fmt=format, opts=opts,
                               limit=limit))
    df = chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)
    for key in ("skipped", "title_only", "ignored_files"):
        df.attrs[key] = [item for chunk in chunks for item in chunk.attrs[key]]
    _warn_title_only(df.attrs["title_only"])
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
    whole). Each chunk's ``attrs["skipped"]`` lists the rows skipped since the previous
    chunk; problems after the last row are attached to the last chunk, and a read that
    keeps no row yields one empty chunk. Article ids are unique across all chunks.

    Examples
    --------
    >>> from analysis.corpus.paths import EXAMPLE_ARTICLE
    >>> [len(chunk) for chunk in iter_articles(EXAMPLE_ARTICLE, chunksize=10)]
    [1]
    """
    if chunksize < 1:
        raise ValueError(f"chunksize must be >= 1, not {chunksize}")
    run, opts = _start_run(errors, columns, outlet, encoding, format, limit)  # checked before iterating
    frames = _iter_frames(path, run, chunksize=chunksize, fmt=format, opts=opts, limit=limit)
    return _warned(frames)


def _warned(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for chunk in frames:
        _warn_title_only(chunk.attrs["title_only"])
        yield chunk


# --------------------------------------------------------------------------------------
# Saving and loading tables
# --------------------------------------------------------------------------------------

_KNOWN_COLUMNS = list(dict.fromkeys(
    schema.ARTICLES + schema.SENTENCES + schema.MENTIONS + schema.ATTRIBUTIONS + schema.STANCE
))
#: dtype of every column named in analysis.corpus.schema (Int64, bool or string).
SCHEMA_DTYPES: dict[str, Any] = schema.empty_table(_KNOWN_COLUMNS).dtypes.to_dict()


def _table_format(path: Path, fmt: str | None) -> str:
    if fmt is None:
        lower = path.name.lower()
        if lower.endswith((".parquet", ".pq")):
            return "parquet"
        if lower.endswith((".csv", ".csv.gz")):
            return "csv"
        raise ValueError(f"{path}: cannot tell the table format; use a .csv or .parquet "
                         "name or pass format='csv'/'parquet'")
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"format={fmt!r}: tables are saved as 'csv' or 'parquet'")
    return fmt


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def save_table(
    df: pd.DataFrame, path: str | os.PathLike[str], *, format: str | None = None  # noqa: A002
) -> Path:
    """Write a table atomically to CSV (UTF-8, no index) or Parquet (pyarrow).

    The table is written to a temporary file in the same folder, then moved over
    ``path`` with :func:`os.replace`, so readers never see half a file. Parent folders
    are created. Writing inside ``data/raw`` is refused.

    Parameters
    ----------
    df : pandas.DataFrame
        The table (its index is not written).
    path : str or path-like
        Target ``.csv``/``.csv.gz`` or ``.parquet``/``.pq`` file.
    format : {"csv", "parquet"}, optional
        Overrides the suffix.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "articles.parquet"
    >>> save_table(schema.empty_table(schema.ARTICLES), out).name
    'articles.parquet'
    """
    target = Path(path)
    fmt = _table_format(target, format)
    if _inside(target, paths.RAW_DIR):
        raise ValueError(f"{target}: data/raw holds the immutable input; save tables elsewhere")
    with atomic_path(target) as tmp:
        if fmt == "csv":
            compression = "gzip" if target.name.lower().endswith(".gz") else None
            df.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n",
                      compression=compression)
        else:
            df.to_parquet(tmp, engine="pyarrow", index=False)
    return target


#: Columns whose empty value is ``""`` (the articles table's convention); in every other
#: text column an empty CSV cell means a missing value (``pd.NA``).
_EMPTY_IS_TEXT = frozenset(schema.ARTICLES)


def _restore_csv_column(values: pd.Series, name: str, file: str) -> pd.Series:
    """Turn a column read as text back into the schema dtype (or an inferred one)."""
    dtype = SCHEMA_DTYPES.get(name)
    empty = values == ""
    if dtype is not None and str(dtype) == "Int64":
        numbers = pd.to_numeric(values.mask(empty), errors="coerce")
        bad = numbers.isna() & ~empty
        if bad.any() or (numbers.dropna() % 1 != 0).any():
            row = int(bad.idxmax()) + 1 if bad.any() else None
            raise CorpusReadError(f"column {name!r} should hold integers", file=file, row=row)
        return numbers.astype("Int64")
    if dtype is not None and str(dtype) == "bool":
        bad = ~values.isin(["True", "False"])
        if bad.any():
            raise CorpusReadError(f"column {name!r} should hold True/False",
                                  file=file, row=int(bad.idxmax()) + 1)
        return values == "True"
    if dtype is None and not empty.all():
        if values.isin(["True", "False"]).all():
            return values == "True"
        numbers = pd.to_numeric(values.mask(empty), errors="coerce")
        if (numbers.isna() == empty).all():
            if not empty.any() and (numbers % 1 == 0).all():
                return numbers.astype("int64")
            return numbers.astype("float64")
    text = values.astype("string")
    return text if name in _EMPTY_IS_TEXT else text.mask(empty)


def load_table(
    path: str | os.PathLike[str], *, format: str | None = None  # noqa: A002
) -> pd.DataFrame:
    """Load a table written by :func:`save_table`, restoring the schema dtypes.

    Columns named in :mod:`analysis.corpus.schema` get their dtype back (``Int64`` offsets and
    ids, ``bool`` for ``in_heading``, ``string`` otherwise). From CSV, other columns are
    inferred (True/False → bool, numbers → int64/float64, the rest string). CSV cannot
    tell an empty string from a missing value: an empty cell is read as ``""`` in the
    columns of the articles table (whose readers use ``""`` for "none") and as
    ``pd.NA`` in every other text column. Parquet keeps every dtype and value as written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "sentences.csv"
    >>> _ = save_table(schema.empty_table(schema.SENTENCES), out)
    >>> str(load_table(out)["start"].dtype)
    'Int64'
    """
    source = Path(path)
    fmt = _table_format(source, format)
    if fmt == "parquet":
        df = pd.read_parquet(source, engine="pyarrow")
        for col in df.columns:
            if col in SCHEMA_DTYPES and df[col].dtype != SCHEMA_DTYPES[col]:
                df[col] = df[col].astype(SCHEMA_DTYPES[col])
        return df
    raw = pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8")
    return pd.DataFrame(
        {col: _restore_csv_column(raw[col], col, str(source)) for col in raw.columns},
        index=raw.index,
    )
