"""What a corpus reader says when input is bad: the error, the warning and the remedies.

Every reader failure is a :class:`CorpusReadError` whose message names the place (file,
row and/or line, byte offset) and says what to do. Remedies name reader options; they
are spelled for the interface in use: ``errors='skip'`` in Python, ``--errors skip`` on
the command line (see :func:`option` and :func:`option_style`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

__all__ = [
    "CorpusNotFoundError",
    "CorpusReadError",
    "CorpusReadWarning",
    "describe_location",
    "option",
    "option_style",
]

Style = Literal["python", "cli"]

_STYLE: ContextVar[Style] = ContextVar("analysis_option_style", default="python")

#: Command-line flag of each reader option (``python -m analysis analyze``).
CLI_FLAGS: dict[str, str] = {
    "columns": "--column",
    "encoding": "--encoding",
    "errors": "--errors",
    "format": "--input-format",
    "limit": "--limit",
    "outlet": "--outlet",
}

_UNSET = object()


@contextmanager
def option_style(style: Style) -> Iterator[None]:
    """Spell the remedies of messages produced inside the block for ``style``.

    The command line wraps its work in ``option_style("cli")`` so that a message says
    ``--column body=text`` where Python code would read ``columns={'body': 'text'}``.

    Examples
    --------
    >>> with option_style("cli"):
    ...     option("errors", "skip")
    '--errors skip'
    >>> option("errors", "skip")
    "errors='skip'"
    """
    if style not in ("python", "cli"):
        raise ValueError(f"style must be 'python' or 'cli', not {style!r}")
    token = _STYLE.set(style)
    try:
        yield
    finally:
        _STYLE.reset(token)


def option(name: str, value: object = _UNSET, *, field: str | None = None) -> str:
    """How the user sets the reader option ``name``, in the current :func:`option_style`.

    Parameters
    ----------
    name : str
        A keyword of :func:`analysis.corpus.readers.read_articles` (a key of
        :data:`CLI_FLAGS`).
    value : object, optional
        The value to suggest; left out, only the option is named.
    field : str, optional
        For ``columns``: the articles field the value maps (``None`` value: not read).

    Examples
    --------
    >>> option("columns", "text", field="body")
    "columns={'body': 'text'}"
    >>> with option_style("cli"):
    ...     option("columns", "text", field="body"), option("columns", None, field="article_id")
    ('--column body=text', '--column article_id=')
    """
    if _STYLE.get() == "cli":
        flag = CLI_FLAGS[name]
        if field is not None:
            shown = "..." if value is _UNSET else "" if value is None else str(value)
            return f"{flag} {field}={shown}"
        return flag if value is _UNSET else f"{flag} {value}"
    if field is not None:
        shown = "..." if value is _UNSET else repr(value)
        return f"{name}={{{field!r}: {shown}}}"
    return f"{name}=" if value is _UNSET else f"{name}={value!r}"


def describe_location(
    file: str | os.PathLike[str],
    row: int | None = None,
    line: int | None = None,
    offset: int | None = None,
) -> str:
    """``"corpus.csv, row 3, line 5, byte 120"``: the place named in messages."""
    where = [str(file)]
    if row is not None:
        where.append(f"row {row}")
    if line is not None:
        where.append(f"line {line}")
    if offset is not None:
        where.append(f"byte {offset}")
    return ", ".join(where)


class CorpusReadError(ValueError):
    """Input that cannot be read as articles; the message says where and what to do.

    Attributes ``file``, ``row``, ``line`` and ``offset`` hold the location (``None``
    when not applicable); ``problem`` is the message without the location.

    Examples
    --------
    >>> str(CorpusReadError("not valid JSON", file="a.jsonl", line=3))
    'a.jsonl, line 3: not valid JSON'
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
        self.problem = message
        super().__init__(f"{describe_location(file, row, line, offset)}: {message}")

    def __reduce__(self):  # keyword-only arguments: rebuild explicitly (pickling, processes)
        return _rebuild, (type(self), self.problem, self.file, self.row, self.line, self.offset)


def _rebuild(cls, problem, file, row, line, offset):
    return cls(problem, file=file, row=row, line=line, offset=offset)


class CorpusNotFoundError(CorpusReadError, FileNotFoundError):
    """The file or folder to read does not exist (also a :class:`FileNotFoundError`)."""


class CorpusReadWarning(UserWarning):
    """Something a read skipped or noticed: a skipped row or file, a title-only article,
    texts that occur twice, lines decoded as Windows-1256."""
