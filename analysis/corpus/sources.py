"""Raw corpus files: opening (gzip found by its magic bytes), hashing, reading a whole
file, and streaming a file as decoded lines.

Every failure is a :class:`~analysis.corpus.errors.CorpusReadError` naming the file: a
file that cannot be opened (permissions), a damaged gzip stream (the lines before the
damage are still delivered), a line that cannot be decoded (kept as a
:class:`~analysis.corpus.encodings.Problem` of its line, so that only the record holding
it is lost). Lines are cut from the bytes before decoding and each is joined once, so
reading takes time linear in the size of the file whatever the shape of its lines.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar

from analysis.corpus.encodings import (
    CP1256,
    PER_LINE,
    UTF8,
    LineDecoder,
    Problem,
    byte_order_mark,
    codec_name,
    detect_encoding,
    encoding_hint,
    splits_on_newline,
)
from analysis.corpus.errors import CorpusReadError, option

__all__ = ["DecodedLines", "file_sha256", "open_binary", "read_all"]

GZIP_MAGIC = b"\x1f\x8b"
#: Bytes read at the start of a streamed file to decide its encoding and line ends.
SNIFF_BYTES = 1 << 20
#: Bytes asked for per read after that.
READ_BYTES = 1 << 20

_Chars = TypeVar("_Chars", bytes, str)


def unreadable(file: str, exc: OSError) -> CorpusReadError:
    """The error for a file the system will not let us read."""
    reason = exc.strerror or type(exc).__name__
    return CorpusReadError(
        f"cannot read the file ({reason}); check that it exists and that you may read it "
        f"(its permissions), or pass {option('errors', 'skip')} to leave it out",
        file=file,
    )


def _damaged(file: str, exc: BaseException, after: str = "") -> CorpusReadError:
    return CorpusReadError(
        f"damaged gzip data{after} ({exc}); decompress it with gzip -t / gunzip to check "
        "it, or fetch the file again",
        file=file,
    )


def open_binary(path: Path, file: str) -> BinaryIO:
    """Open read-only; transparently gunzip when the file starts with gzip's magic."""
    try:
        with open(path, "rb") as fh:
            gzipped = fh.read(2) == GZIP_MAGIC
        return gzip.open(path, "rb") if gzipped else open(path, "rb")  # type: ignore[return-value]
    except OSError as exc:
        raise unreadable(file, exc) from None


_GZIP_DAMAGE = (EOFError, zlib.error, gzip.BadGzipFile)


def read_some(fh: BinaryIO, size: int, file: str) -> bytes:
    """Up to ``size`` bytes (``b""`` at the end); damaged gzip data becomes a clear error.

    One underlying read per call (``read1``), so that what a damaged gzip stream
    yielded before the damage is never thrown away with it.
    """
    try:
        return fh.read1(size)
    except _GZIP_DAMAGE as exc:
        raise _damaged(file, exc) from None
    except OSError as exc:
        raise unreadable(file, exc) from None


def read_all(path: Path, file: str) -> bytes:
    """The whole (decompressed) content of a file."""
    pieces = []
    with open_binary(path, file) as fh:
        while piece := read_some(fh, READ_BYTES, file):
            pieces.append(piece)
    return b"".join(pieces)


def file_sha256(path: Path, file: str) -> str:
    """Hex SHA-256 of the file's bytes as stored."""
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError as exc:
        raise unreadable(file, exc) from None


def line_end(start: _Chars, at_end: bool) -> _Chars:
    """``"\\r"`` when the first line end of ``start`` is a lone CR (classic Mac), else ``"\\n"``.

    Examples
    --------
    >>> line_end(b"id,text\\r1,x\\r", True), line_end(b"id,text\\r\\n1,x\\r\\n", True)
    (b'\\r', b'\\n')
    """
    cr, lf = (b"\r", b"\n") if isinstance(start, bytes) else ("\r", "\n")
    at = start.find(cr)
    if at == -1 or lf in start[:at]:
        return lf
    if at + 1 < len(start):
        return lf if start[at + 1: at + 2] == lf else cr
    return cr if at_end else lf


def split_stream(chunks: Iterator[_Chars], sep: _Chars) -> Iterator[_Chars]:
    """Lines (each with its ``sep``) of a stream of chunks; each line is joined once.

    Examples
    --------
    >>> list(split_stream(iter([b"ab", b"c\\nd", b"", b"e\\n\\nf"]), b"\\n"))
    [b'abc\\n', b'de\\n', b'\\n', b'f']
    """
    pending: list[_Chars] = []
    for chunk in chunks:
        pieces = chunk.split(sep)
        if len(pieces) > 1:
            if pending:
                pending.append(pieces[0])
                pieces[0] = sep[:0].join(pending)
                pending = []
            for piece in pieces[:-1]:
                yield piece + sep
        if pieces[-1]:
            pending.append(pieces[-1])
    if pending:
        yield sep[:0].join(pending)


class DecodedLines:
    """The decoded lines of one file, streamed with bounded memory.

    Iterating yields the text of each line with its line end (``"\\n"``, or ``"\\r"`` in
    a file whose line ends are a lone CR). A line that cannot be decoded as it should
    is yielded with replacement characters and its :class:`Problem` is kept in
    ``problems`` (line number → problem) for the caller, which knows which record holds
    the line. ``cp1256_lines`` lists the lines decoded as Windows-1256 with
    ``encoding="per-line"``.

    Raises
    ------
    CorpusReadError
        While iterating: for an empty, unreadable or binary file, an unknown encoding at the start, a
        UTF-16/32 decoding error, or damaged gzip data (after the lines before it).
    """

    def __init__(self, path: Path, file: str, encoding: str | None) -> None:
        self.path, self.file, self.encoding = path, file, encoding
        self.problems: dict[int, Problem] = {}
        self.cp1256_lines: list[int] = []
        self.count = 0  # lines yielded so far
        self._damage: BaseException | None = None  # damaged gzip data met while reading ahead

    def __iter__(self) -> Iterator[str]:
        with open_binary(self.path, self.file) as fh:
            start = self._read_start(fh)
            at_end = len(start) < SNIFF_BYTES
            if not start:
                self._check_damage()
                raise CorpusReadError("the file is empty; remove it or fill it", file=self.file)
            mode, codec = self._decide(start, at_end and self._damage is None)
            if splits_on_newline(codec):
                yield from self._byte_lines(fh, start, at_end, mode, codec)
            else:
                yield from self._text_lines(fh, start, at_end, codec)

    def _read_start(self, fh: BinaryIO) -> bytes:
        """The first :data:`SNIFF_BYTES` (fewer at the end, or before damaged gzip data)."""
        pieces, size = [], 0
        while size < SNIFF_BYTES:
            try:
                piece = fh.read1(SNIFF_BYTES - size)
            except _GZIP_DAMAGE as exc:
                self._damage = exc  # raised after the lines before it
                break
            except OSError as exc:
                raise unreadable(self.file, exc) from None
            if not piece:
                break
            pieces.append(piece)
            size += len(piece)
        return b"".join(pieces)

    def _check_damage(self) -> None:
        if self._damage is not None:
            raise _damaged(self.file, self._damage, f" after line {self.count}")

    def _decide(self, start: bytes, at_end: bool) -> tuple[str, str]:
        """``(mode, codec)`` of the :class:`LineDecoder` (or the codec of UTF-16/32)."""
        if self.encoding == PER_LINE:
            return PER_LINE, byte_order_mark(start, self.file) or UTF8
        if self.encoding is not None:
            return "fixed", codec_name(self.encoding, self.file)
        return "auto", detect_encoding(start, file=self.file, complete=at_end)

    def _more(self, fh: BinaryIO) -> Iterator[bytes]:
        while True:
            self._check_damage()
            try:
                chunk = fh.read1(READ_BYTES)
            except _GZIP_DAMAGE as exc:
                self._damage = exc
                continue
            except OSError as exc:
                raise unreadable(self.file, exc) from None
            if not chunk:
                return
            yield chunk

    def _byte_lines(
        self, fh: BinaryIO, start: bytes, at_end: bool, mode: str, codec: str
    ) -> Iterator[str]:
        bom = codec == "utf-8-sig" and start.startswith(codecs.BOM_UTF8)
        skip = len(codecs.BOM_UTF8) if bom else 0
        if mode == "fixed":
            decoder = LineDecoder("fixed", UTF8 if codec == "utf-8-sig" else codec)
        else:
            decoder = LineDecoder(mode, CP1256 if codec == CP1256 else UTF8)
        sep = line_end(start[skip:], at_end)
        chunks = _chain(start[skip:], self._more(fh))
        offset = skip
        self.cp1256_lines = decoder.cp1256_lines
        for raw in split_stream(chunks, sep):
            self.count += 1
            text, problem = decoder.decode(raw, self.count, offset)
            if problem is not None:
                self.problems[self.count] = problem
            offset += len(raw)
            yield text

    def _text_lines(self, fh: BinaryIO, start: bytes, at_end: bool, codec: str) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(codec)(errors="strict")
        consumed = 0

        def texts() -> Iterator[str]:
            nonlocal consumed
            for chunk in _chain(start, self._more(fh), b""):
                buffered = len(decoder.getstate()[0])
                try:
                    text = decoder.decode(chunk, final=not chunk)
                except UnicodeDecodeError as exc:
                    raise CorpusReadError(
                        f"cannot be decoded as {codec} ({exc.reason}); " + encoding_hint(),
                        file=self.file, line=self.count + 1,
                        offset=consumed - buffered + exc.start,
                    ) from None
                consumed += len(chunk)
                if text:
                    yield text

        stream = texts()
        first = next(stream, "")
        sep = line_end(first, at_end)
        for line in split_stream(_chain(first, stream), sep):
            self.count += 1
            yield line


def _chain(first: _Chars, rest: Iterator[_Chars], last: _Chars | None = None) -> Iterator[_Chars]:
    yield first
    yield from rest
    if last is not None:
        yield last
