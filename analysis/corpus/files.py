"""Small file helpers every stage shares: atomic writes and one JSON Lines reader.

Every file the suite writes goes through :func:`atomic_path` (or the two ``write_*``
helpers built on it): the data are written to a temporary file in the target folder and
renamed over the target only when complete, so a reader, or a rerun after a crash, never
sees half a file. Every JSON Lines file the suite reads (corpora, gold helpers, models,
tests) goes through :func:`iter_jsonl`, so that a bad line is reported the same way.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: Permission bits of a new file (an existing target keeps its own).
NEW_FILE_MODE = 0o644


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success rename it over ``path``.

    The caller writes the complete file to the yielded path. When the block ends without
    an exception the file is flushed to disk and moved into place with :func:`os.replace`
    (keeping the permission bits of an existing target); otherwise it is removed and the
    target is left as it was. Parent folders are created.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "table.csv"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("a,b\\n", encoding="utf-8")
    >>> target.read_text(encoding="utf-8")
    'a,b\\n'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as written:
            os.fsync(written.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else NEW_FILE_MODE
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_path`); return the path."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` as UTF-8 with ``\\n`` line ends to ``path`` atomically."""
    return write_bytes_atomic(path, text.encode("utf-8"))


class JsonLinesError(ValueError):
    """A line of a JSON Lines file is not a JSON object; the message names file and line."""

    def __init__(self, path: Path, line: int, problem: str):
        self.path, self.line, self.problem = path, line, problem
        super().__init__(
            f"{path}, line {line}: {problem}; each line must hold one JSON object "
            "(fix or remove that line)"
        )


def iter_jsonl(path: str | os.PathLike[str], *, contains: str | None = None) -> Iterator[tuple[int, dict]]:
    """Yield ``(line number, record)`` for every non-blank line of a JSON Lines file.

    ``.gz`` files are decompressed. With ``contains``, lines whose raw text does not
    contain that string are skipped before parsing (a fast pre-filter when looking up a
    few ids in a large corpus; the caller still checks the parsed record).

    Raises
    ------
    JsonLinesError
        A line is not valid JSON or not a JSON object (file and line named).
    """
    source = Path(path)
    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip() or (contains is not None and contains not in line):
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as error:
                raise JsonLinesError(source, number, f"not valid JSON ({error})") from None
            if not isinstance(record, dict):
                raise JsonLinesError(source, number, f"a JSON {type(record).__name__}, not an object")
            yield number, record


def find_records(path: str | os.PathLike[str], ids: set[str], *, key: str = "article_id") -> dict[str, dict]:
    """The records of a JSON Lines file whose ``key`` is one of ``ids``, keyed by id.

    Reading stops as soon as every id is found; lines that contain none of the wanted ids
    are not parsed. Ids not in the file are simply absent from the result.
    """
    found: dict[str, dict] = {}
    wanted = set(ids)
    source = Path(path)
    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not any(i in line for i in wanted - found.keys()):
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as error:
                raise JsonLinesError(source, number, f"not valid JSON ({error})") from None
            if isinstance(record, dict) and str(record.get(key)) in wanted:
                found[str(record[key])] = record
                if len(found) == len(wanted):
                    break
    return found
