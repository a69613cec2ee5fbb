"""Load and validate the CSV lexicons that ship inside the package (or a user's own).

Every lexicon is a UTF-8 CSV file that starts with ``#`` comment lines, one of which
must be ``# version: <version>``, followed by a header row and one entry per row.
:func:`load_lexicon` checks each row against a :class:`LexiconSchema` and raises
:class:`LexiconError` naming the file, the line, the column and what to do when a row
is malformed. Nothing is silently dropped: a bad row stops the load.

The schemas of the actor lexicons live here (:data:`ACTORS`, :data:`TITLES`,
:data:`NISBA`, :data:`MEDIA`, :data:`ANONYMOUS`); other stages declare their own schema
with the same building blocks and call :func:`load_lexicon` on their file.

Every lexicon object (actors, cues, stance) is built through :func:`load_cached`: built
once per version of its files, recognised by each file's (path, size, mtime_ns), so a
lexicon edited on disk is read again on the next load and an unchanged one is not.

Examples
--------
>>> from analysis.coding.lexicons import Column, LexiconSchema, load_lexicon
>>> schema = LexiconSchema(
...     name="cues",
...     columns=(Column("cue"), Column("category", choices=("neutral", "denial"))),
...     unique=("cue",),
... )
>>> lex = load_lexicon("my_cues.csv", schema)  # doctest: +SKIP
>>> lex.version, lex.rows[0]["category"]  # doctest: +SKIP
('2024.1', 'neutral')
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd

from analysis.corpus import schema
from analysis.corpus.paths import LEXICON_DIR

__all__ = [
    "ACTOR_TYPES",
    "ACTORS",
    "ANONYMOUS",
    "Column",
    "Lexicon",
    "LexiconError",
    "LexiconSchema",
    "MEDIA",
    "MENTION_VIAS",
    "NISBA",
    "SIDES",
    "TITLES",
    "load_cached",
    "load_lexicon",
]

SIDES = schema.SIDES  # the codebook's side ids, defined once in analysis.corpus.schema

#: What kind of thing an actor is (documented in ``lexicons/README.md``).
ACTOR_TYPES = ("person", "institution", "country", "media", "group", "anonymous")

#: How a mention was recognised (docs/architecture.md, the tables).
MENTION_VIAS = ("name", "title", "metonym", "adjective", "pronoun-carry")

_VERSION_RE = re.compile(r"^#\s*version\s*:\s*(\S.*?)\s*$", re.IGNORECASE)
ID_PATTERN = r"[a-z][a-z0-9_]*"


class LexiconError(ValueError):
    """A lexicon file is malformed.

    Attributes
    ----------
    path : pathlib.Path
        The file.
    line : int or None
        1-based line number in the file (``None`` for file-level problems).
    column : str or None
        Name of the offending column, when there is one.
    """

    def __init__(self, path: Path, line: int | None, column: str | None, problem: str):
        self.path = Path(path)
        self.line = line
        self.column = column
        where = str(self.path)
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Column:
    """One column of a lexicon schema.

    Parameters
    ----------
    name : str
        Header name (snake_case English).
    required : bool
        Whether an empty value is an error.
    choices : tuple of str, optional
        The allowed values; anything else is an error.
    pattern : str, optional
        A regular expression the whole value must match (``re.fullmatch``).
    """

    name: str
    required: bool = True
    choices: tuple[str, ...] | None = None
    pattern: str | None = None

    def check(self, value: str) -> str | None:
        """Return a description of what is wrong with ``value``, or None when it is fine.

        Examples
        --------
        >>> Column("side", choices=("russia", "us")).check("usa")
        "'usa' is not one of russia, us"
        """
        if value != value.strip():
            return f"value {value!r} has leading or trailing spaces; remove them"
        if not value:
            return "is empty; fill it in" if self.required else None
        if self.choices is not None and value not in self.choices:
            return f"{value!r} is not one of {', '.join(self.choices)}"
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            return f"{value!r} does not match the pattern {self.pattern}"
        return None


@dataclass(frozen=True)
class LexiconSchema:
    """The columns a lexicon must have and which column combination must be unique.

    Extra columns in the file are an error unless ``allow_extra`` is true (they are then
    kept in the rows as strings).
    """

    name: str
    columns: tuple[Column, ...]
    unique: tuple[str, ...] = ()
    allow_extra: bool = False

    @property
    def column_names(self) -> list[str]:
        """The header names, in order."""
        return [c.name for c in self.columns]


@dataclass
class Lexicon:
    """A validated lexicon: its rows (dicts of strings), version and provenance.

    ``lines`` holds the 1-based file line of each row, so that later checks (for
    instance cross-file consistency) can still name the line.
    """

    name: str
    path: Path
    version: str
    rows: list[dict[str, str]]
    lines: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def to_frame(self) -> pd.DataFrame:
        """The rows as a DataFrame of strings, with a ``line`` column.

        Examples
        --------
        >>> from analysis.coding.lexicons import load_lexicon, ACTORS
        >>> load_lexicon(LEXICON_DIR / "actors.csv", ACTORS).to_frame().columns[0]
        'actor_id'
        """
        frame = pd.DataFrame(self.rows, dtype="string")
        frame["line"] = pd.Series(self.lines, dtype="Int64")
        return frame

    def error(self, index: int, column: str | None, problem: str) -> LexiconError:
        """A :class:`LexiconError` that points at row ``index`` of this lexicon."""
        return LexiconError(self.path, self.lines[index], column, problem)


def _read_version(path: Path, comment_lines: list[tuple[int, str]]) -> str:
    for _, text in comment_lines:
        match = _VERSION_RE.match(text)
        if match:
            return match.group(1)
    raise LexiconError(
        path, 1, None, "no '# version: ...' line before the header; add one (e.g. '# version: 1')"
    )


def load_lexicon(path: str | Path, schema: LexiconSchema) -> Lexicon:
    """Read a CSV lexicon and validate every row against ``schema``.

    Parameters
    ----------
    path : str or Path
        The CSV file (UTF-8, comma separated, ``"`` quoting). Lines starting with ``#``
        before the header are comments; one of them must be ``# version: ...``. Blank
        lines are ignored.
    schema : LexiconSchema
        The columns and uniqueness constraint to enforce.

    Returns
    -------
    Lexicon
        Rows as ``dict[str, str]`` in file order.

    Raises
    ------
    LexiconError
        On a missing file, a missing version line, a header that differs from the schema,
        a row with the wrong number of fields, an empty required value, a value outside
        the allowed choices or pattern, or a duplicate key. The message names the file,
        line and column.

    Examples
    --------
    >>> from analysis.coding.lexicons import load_lexicon, NISBA
    >>> lex = load_lexicon(LEXICON_DIR / "nisba.csv", NISBA)
    >>> sorted({row["side"] for row in lex.rows})[:2]
    ['eu', 'france']
    """
    path = Path(path)
    if not path.is_file():
        raise LexiconError(path, None, None, "file not found; check the path")
    try:
        raw_lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise LexiconError(path, None, None, f"is not UTF-8 ({exc}); save it as UTF-8") from exc

    comments: list[tuple[int, str]] = []
    header_index = None
    for i, text in enumerate(raw_lines):
        if text.startswith("#"):
            comments.append((i + 1, text))
        elif text.strip():
            header_index = i
            break
    version = _read_version(path, comments)
    if header_index is None:
        raise LexiconError(path, None, None, "has no header row; add one")

    expected = schema.column_names
    header = next(csv.reader([raw_lines[header_index]]))
    header_line = header_index + 1
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    if missing or (extra and not schema.allow_extra) or len(set(header)) != len(header):
        raise LexiconError(
            path, header_line, None,
            f"header {header} does not match the {schema.name} schema {expected}"
            f" (missing {missing}, unexpected {extra}); fix the header",
        )

    rows: list[dict[str, str]] = []
    lines: list[int] = []
    seen: dict[tuple[str, ...], int] = {}
    for offset, text in enumerate(raw_lines[header_index + 1:]):
        line = header_line + 1 + offset
        if not text.strip() or text.startswith("#"):
            continue
        fields = next(csv.reader([text]))
        if len(fields) != len(header):
            raise LexiconError(
                path, line, None,
                f"has {len(fields)} fields, the header has {len(header)}; "
                "quote values that contain commas",
            )
        row = dict(zip(header, fields))
        for col in schema.columns:
            problem = col.check(row[col.name])
            if problem:
                raise LexiconError(path, line, col.name, problem)
        if schema.unique:
            key = tuple(row[c] for c in schema.unique)
            if key in seen:
                raise LexiconError(
                    path, line, schema.unique[0],
                    f"duplicate {'/'.join(schema.unique)} {key} (first on line {seen[key]}); "
                    "remove one of the rows",
                )
            seen[key] = line
        rows.append(row)
        lines.append(line)
    return Lexicon(name=schema.name, path=path, version=version, rows=rows, lines=lines)


# --- one cache for every lexicon -------------------------------------------------------

T = TypeVar("T")

#: Lexicon objects kept (least recently used dropped first); a few user copies beside the
#: shipped lexicons.
CACHE_SIZE = 16
#: Clock tick within which a file can be rewritten without its mtime changing (coarse
#: kernel clocks, FAT's two seconds): a file this young is also compared by content.
RACY_NS = 2_000_000_000

_CACHE: OrderedDict[tuple, list] = OrderedDict()
#: Within :func:`pinned`: the lexicon objects already looked up, by (build, paths).
_PINNED: dict[tuple, object] | None = None


@contextmanager
def pinned() -> Iterator[None]:
    """Within the block, each lexicon's files are checked once; later loads reuse that version.

    A batch of articles is coded with one version of every lexicon (a file edited half-way
    through a run would otherwise code some articles with the old rows and some with the
    new), and the files are not looked at again for every article and stage. The next
    load after the block checks them again. Blocks nest; the outermost one counts.

    Examples
    --------
    >>> from analysis.coding.lexicons import load_cached, load_lexicon, pinned, NISBA
    >>> build = lambda p: load_lexicon(p, NISBA)
    >>> with pinned():
    ...     load_cached(build, LEXICON_DIR / "nisba.csv") is load_cached(build, LEXICON_DIR / "nisba.csv")
    True
    """
    global _PINNED
    outermost = _PINNED is None
    if outermost:
        _PINNED = {}
    try:
        yield
    finally:
        if outermost:
            _PINNED = None


def _stamp(path: str | Path) -> tuple[str, int, int, int, int] | None:
    """(path, device, inode, size, mtime_ns) of a file, or None when it cannot be read.

    Device and inode name the file whatever the working folder (a relative path stays
    right after ``os.chdir``) without resolving the path on every call.
    """
    try:
        st = os.stat(path)
    except OSError:
        return None
    return os.fspath(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def _digest(paths: tuple[Path, ...]) -> str | None:
    sha = hashlib.sha256()
    try:
        for path in paths:
            sha.update(Path(path).read_bytes())
    except OSError:
        return None
    return sha.hexdigest()


def load_cached(build: Callable[..., T], *paths: str | Path) -> T:
    """``build(*paths)``, built once per version of the files and reused while they are unchanged.

    A version is the (path, size, mtime_ns) of every file (and its device and inode), so an
    edited lexicon is read again on the next call: the cue, actor and stance loaders all go
    through here. A file changed within the clock tick of its last write (same size, same mtime) is still
    noticed: until its mtime is :data:`RACY_NS` old, its content is compared as well.
    Inside :func:`pinned` (a batch of articles) the files are checked on the first call only.

    Parameters
    ----------
    build : callable
        Reads and validates the files; called with ``paths`` (its errors propagate, and
        nothing is cached when it raises or when a file is missing).
    *paths : str or Path
        Every file ``build`` reads.

    Examples
    --------
    >>> from analysis.coding.lexicons import load_cached, load_lexicon, NISBA
    >>> first = load_cached(lambda p: load_lexicon(p, NISBA), LEXICON_DIR / "nisba.csv")
    >>> load_lexicon(LEXICON_DIR / "nisba.csv", NISBA).rows == first.rows
    True
    """
    if _PINNED is not None:
        found = _PINNED.get((build, paths))
        if found is not None:
            return found
        value = _load_checked(build, paths)
        _PINNED[(build, paths)] = value
        return value
    return _load_checked(build, paths)


def _load_checked(build: Callable[..., T], paths: tuple) -> T:
    stamps = tuple(map(_stamp, paths))
    if None in stamps:
        return build(*paths)  # a missing file: let the loader name it
    key = (build, stamps)
    entry = _CACHE.get(key)
    if entry is not None:
        value, digest = entry
        if digest is None or _digest(tuple(paths)) == digest:
            _CACHE.move_to_end(key)
            if digest is not None and not _racy(stamps):
                entry[1] = None  # old enough now: a later edit changes the mtime
            return value
    digest = _digest(tuple(paths)) if _racy(stamps) else None
    value = build(*paths)
    _CACHE[key] = [value, digest]
    _CACHE.move_to_end(key)
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return value


def _racy(stamps: tuple[tuple[str, int, int, int, int], ...]) -> bool:
    """Whether a file is young enough to be rewritten without its mtime changing."""
    now = time.time_ns()
    return any(now - stamp[-1] < RACY_NS for stamp in stamps)


# --- schemas of the actor lexicons -------------------------------------------------

#: ``actors.csv``: one row per alias (surface form) of a named actor.
ACTORS = LexiconSchema(
    name="actors",
    columns=(
        Column("actor_id", pattern=ID_PATTERN),
        Column("alias"),
        Column("side", choices=SIDES),
        Column("actor_type", choices=ACTOR_TYPES),
        Column("via", choices=("name", "metonym")),
        Column("office", required=False, pattern=ID_PATTERN),
        Column("gloss"),
    ),
    unique=("alias",),
)

#: ``titles.csv``: office nouns that combine with a nisba adjective, a country, a name.
TITLES = LexiconSchema(
    name="titles",
    columns=(
        Column("title"),
        Column("office", required=False, pattern=ID_PATTERN),
        Column("actor_type", choices=("person", "institution", "country", "group", "media")),
        Column("form", choices=("office", "of", "pronoun", "counterpart")),
        Column("bare", choices=("yes", "no")),
        Column("default_side", required=False, choices=SIDES),
        Column("gloss"),
    ),
    unique=("title",),
)

#: ``nisba.csv``: nisba adjectives (all genders and numbers listed) and their side; ``places``
#: is ``title`` for the party adjectives that place only a person title (السيناتور الجمهوري).
NISBA = LexiconSchema(
    name="nisba",
    columns=(
        Column("adjective"),
        Column("side", choices=SIDES),
        Column("country_id", pattern=ID_PATTERN),
        Column("prefix", pattern=r"[a-z]{2,4}"),
        Column("places", choices=("any", "title")),
        Column("gloss"),
    ),
    unique=("adjective",),
)

#: ``media.csv``: news agencies, channels and newspapers with their country's side.
MEDIA = LexiconSchema(
    name="media",
    columns=(
        Column("actor_id", pattern=ID_PATTERN),
        Column("alias"),
        Column("side", choices=SIDES),
        Column("country"),
        Column("gloss"),
    ),
    unique=("alias",),
)

#: ``anonymous.csv``: heads and qualifiers of anonymous-source phrases.
ANONYMOUS = LexiconSchema(
    name="anonymous",
    columns=(
        Column("pattern"),
        Column("kind", choices=("head", "qualified_head", "qualifier")),
        Column("actor_id", required=False, pattern=ID_PATTERN),
        Column("gloss"),
    ),
    unique=("pattern",),
)
