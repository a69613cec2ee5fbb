"""How the bytes of a corpus file become text: detection, and decoding line by line.

Supported: UTF-8 with or without BOM (only the BOM is removed), UTF-16/UTF-32 with BOM,
and Windows-1256 (Arabic Windows). A byte-order mark decides; otherwise valid UTF-8 is
UTF-8; otherwise the bytes are Windows-1256 when that decoding yields mostly Arabic
letters. An explicit codec overrides detection.

Files are decoded line by line, so that a file that is UTF-8 in one part and
Windows-1256 in another is never garbled silently. With detection, the first line with
non-ASCII bytes sets the file's encoding; a later line in the other encoding is a
problem of that line (an error naming it, or a skipped record with ``errors="skip"``).
With :data:`PER_LINE` (``encoding="per-line"``) each line is decoded on its own, as UTF-8
when it is valid UTF-8 and as Windows-1256 otherwise, and the Windows-1256 lines are
listed.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field

from analysis.corpus.errors import CorpusReadError, option

__all__ = ["PER_LINE", "LineDecoder", "Problem", "decode_bytes", "detect_encoding", "encoding_hint"]

#: ``encoding=`` value that decodes each line as UTF-8, or else as Windows-1256.
PER_LINE = "per-line"

UTF8 = "utf-8"
CP1256 = "cp1256"
_NAMES = {UTF8: "UTF-8", CP1256: "Windows-1256"}
_ARABIC_SHARE = 0.5  # share of letters that must be Arabic to accept Windows-1256
_SAMPLE_CHARS = 1 << 16  # a line's letters are counted in its first 64 Ki characters
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def encoding_hint() -> str:
    """The remedy for text in an unexpected encoding."""
    return (f"pass {option('encoding', 'cp1256')} (Arabic Windows), 'iso-8859-6' or another "
            "codec")


def mixed_hint() -> str:
    """The remedy for a file that mixes UTF-8 and Windows-1256 lines."""
    return (f"convert the file to UTF-8, or pass {option('encoding', PER_LINE)} to decode "
            "each line as UTF-8 or else Windows-1256 (the Windows-1256 lines are listed)")


def codec_name(encoding: str, file: str) -> str:
    """Python's name for ``encoding``; ``utf-8`` becomes ``utf-8-sig`` (a BOM is removed)."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise CorpusReadError(
            f"unknown encoding {encoding!r}; pass a Python codec name such as 'utf-8', "
            f"'cp1256' or 'utf-16', or {PER_LINE!r}",
            file=file,
        ) from None
    return "utf-8-sig" if name == "utf-8" else name


def splits_on_newline(codec: str) -> bool:
    """True when ``codec`` can be decoded line by line after splitting the bytes at ``\\n``.

    That holds for UTF-8 and for single-byte codecs that keep ASCII (Windows-1256,
    ISO 8859-6, Latin-1, ...), not for UTF-16/32 or stateful codecs.
    """
    if codecs.lookup(codec).name in ("utf-8", "utf-8-sig"):
        return True
    try:
        every_byte = bytes(range(256)).decode(codec, errors="replace")
    except (LookupError, TypeError, ValueError):
        return False
    return len(every_byte) == 256 and every_byte[:128] == "".join(map(chr, range(128)))


def arabic_letter_share(text: str) -> float:
    """Share of the letters of ``text`` that are Arabic (0 when there are no letters)."""
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
        ``"cp1256"``. ``"cp1256"`` means the bytes are not all UTF-8; a file that mixes
        the two is found by the line-by-line decoding (:class:`LineDecoder`).

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
    _refuse_nul(data, file)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=complete)
        return UTF8
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if arabic_letter_share(data.decode(CP1256)) >= _ARABIC_SHARE:
        return CP1256
    raise CorpusReadError(
        f"unknown encoding: not UTF-8 ({utf8_error.reason}) and not Arabic Windows-1256; "
        + encoding_hint(),
        file=file,
        offset=utf8_error.start,
    )


def _refuse_nul(data: bytes, file: str) -> None:
    nul = data.find(b"\x00")
    if nul != -1:
        raise CorpusReadError(
            "NUL byte: this looks like a binary file (or UTF-16/32 without a byte-order "
            f"mark); check the file, or pass {option('encoding', 'utf-16-le')} (or similar) "
            "if it is text",
            file=file,
            offset=nul,
        )


@dataclass(frozen=True)
class Problem:
    """A line that could not be decoded as it should: what is wrong, and the byte offset."""

    line: int
    offset: int
    message: str

    def error(self, *, file: str, row: int | None = None, **_: object) -> CorpusReadError:
        """The problem as an error in ``file`` (in the record of data row ``row``)."""
        return CorpusReadError(self.message, file=file, row=row, line=self.line,
                               offset=self.offset)


@dataclass
class LineDecoder:
    """Decodes the lines of one file one at a time, deciding the encoding per line.

    Parameters
    ----------
    mode : {"auto", "per-line", "fixed"}
        ``auto``: the first line with non-ASCII bytes sets the file's encoding (UTF-8 or
        Windows-1256) and a line in the other encoding is a :class:`Problem`.
        ``per-line``: each line is UTF-8 when valid, else Windows-1256 (listed in
        ``cp1256_lines``). ``fixed``: every line is decoded with ``codec``.
    codec : str
        The codec of ``fixed`` mode; in ``auto`` mode the verdict of
        :func:`detect_encoding` on the start of the file (``"cp1256"`` lets a first
        non-UTF-8 line set Windows-1256 even when it has few Arabic letters; otherwise
        such a line must be mostly Arabic letters to count as Windows-1256).

    Examples
    --------
    >>> decoder = LineDecoder("auto", "utf-8")
    >>> decoder.decode("سلام\\n".encode(), 1, 0)
    ('سلام\\n', None)
    >>> text, problem = decoder.decode("كلام\\n".encode("cp1256"), 2, 9)
    >>> problem.message.split(":")[0]
    'line 2 is Windows-1256, but line 1 is UTF-8'
    """

    mode: str
    codec: str = UTF8
    first: tuple[int, str] | None = None  # (line, encoding) of the first non-ASCII line
    cp1256_lines: list[int] = field(default_factory=list)

    def decode(self, raw: bytes, line: int, offset: int) -> tuple[str, Problem | None]:
        """Text of one line (``offset``: its first byte in the file) and its problem, if any.

        With a problem the text is decoded with replacement characters, so that the
        structure of the file (quotes, delimiters, line ends) stays readable.
        """
        if self.mode == "fixed":
            try:
                return raw.decode(self.codec), None
            except UnicodeDecodeError as exc:
                return raw.decode(self.codec, errors="replace"), Problem(
                    line, offset + exc.start,
                    f"cannot be decoded as {self.codec} ({exc.reason}); " + encoding_hint())
        if raw.isascii():
            return raw.decode("ascii"), None
        try:
            text = raw.decode(UTF8)
        except UnicodeDecodeError as exc:
            return self._not_utf8(raw, line, offset, exc)
        if self.mode == PER_LINE:
            return text, None
        # Valid UTF-8 with non-ASCII bytes is UTF-8: Windows-1256 Arabic words (two
        # letters in a row) are never valid UTF-8, so a UTF-8 line in a Windows-1256 file
        # (an accented name, say) is refused rather than garbled.
        return self._settle(text, UTF8, raw, line, offset, None)

    def _not_utf8(
        self, raw: bytes, line: int, offset: int, exc: UnicodeDecodeError
    ) -> tuple[str, Problem | None]:
        as_cp1256 = raw.decode(CP1256)
        if self.mode == PER_LINE:
            self.cp1256_lines.append(line)
            return as_cp1256, None
        looks_arabic = arabic_letter_share(as_cp1256[:_SAMPLE_CHARS]) >= _ARABIC_SHARE
        if self.first is not None and self.first[1] == UTF8 and not looks_arabic:
            problem = f"cannot be decoded as utf-8 ({exc.reason}); " + encoding_hint()
        elif self.first is None and not (looks_arabic or self.codec == CP1256):
            problem = (f"unknown encoding: not UTF-8 ({exc.reason}) and not Arabic "
                       "Windows-1256; " + encoding_hint())
        else:
            return self._settle(as_cp1256, CP1256, raw, line, offset, exc.start)
        return raw.decode(UTF8, errors="replace"), Problem(line, offset + exc.start, problem)

    def _settle(
        self, text: str, encoding: str, raw: bytes, line: int, offset: int, at: int | None
    ) -> tuple[str, Problem | None]:
        """``text`` if ``encoding`` is the file's; else a problem at byte ``at`` of the
        line (None: its first non-ASCII byte)."""
        if self.first is None:
            self.first = (line, encoding)
        first_line, first_encoding = self.first
        if encoding == first_encoding:
            return text, None
        if at is None:
            at = next(i for i, byte in enumerate(raw) if byte > 0x7F)
        return raw.decode(first_encoding, errors="replace"), Problem(
            line, offset + at,
            f"line {line} is {_NAMES[encoding]}, but line {first_line} is "
            f"{_NAMES[first_encoding]}: the file mixes encodings, and reading it as one "
            f"would garble the other part; {mixed_hint()}")


def split_keep_ends(data: bytes, sep: bytes = b"\n") -> list[bytes]:
    """``data`` cut after each ``sep``, separators kept (the last piece may lack one)."""
    parts = data.split(sep)
    pieces = [part + sep for part in parts[:-1]]
    if parts[-1]:
        pieces.append(parts[-1])
    return pieces


@dataclass(frozen=True)
class Decoded:
    """A whole file's text, the codec used and the lines decoded as Windows-1256."""

    text: str
    codec: str
    cp1256_lines: tuple[int, ...] = ()


def undecodable(data: bytes, codec: str, exc: UnicodeDecodeError, file: str) -> CorpusReadError:
    """The error for ``data`` that ``codec`` cannot decode, naming the line and byte."""
    if splits_on_newline(codec):
        line = data.count(b"\n", 0, exc.start) + 1
    else:
        line = data[: exc.start].decode(codec, errors="replace").count("\n") + 1
    return CorpusReadError(f"cannot be decoded as {codec} ({exc.reason}); " + encoding_hint(),
                           file=file, line=line, offset=exc.start)


def byte_order_mark(data: bytes, file: str) -> str | None:
    """The codec a byte-order mark names, else None; NUL bytes without one are an error."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    _refuse_nul(data, file)
    return None


def decode_document(data: bytes, *, encoding: str | None, file: str,
                    detected: str | None = None) -> Decoded:
    """Decode a whole file (a txt, json or html document), refusing mixed encodings.

    ``encoding`` is a codec name, :data:`PER_LINE` or None (detect). ``detected``
    replaces detection (an HTML page's declared charset). A line that cannot be decoded
    as it should is raised as a :class:`CorpusReadError` naming its line and byte.
    """
    if encoding is not None and encoding != PER_LINE:
        codec = codec_name(encoding, file)
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError as exc:
            raise undecodable(data, codec, exc, file) from None
    if encoding == PER_LINE:
        mode, codec = PER_LINE, byte_order_mark(data, file)
    else:
        mode, codec = "auto", detected or detect_encoding(data, file=file)
    if codec is not None and not splits_on_newline(codec):  # UTF-16/32 with a BOM
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError as exc:
            raise undecodable(data, codec, exc, file) from None
    if codec in (None, UTF8, "utf-8-sig"):
        try:
            return Decoded(data.decode(codec or UTF8), codec or UTF8)  # no line can differ
        except UnicodeDecodeError:
            pass  # not all UTF-8 (a declared charset, or per-line): decide line by line
    start = len(codecs.BOM_UTF8) if codec == "utf-8-sig" else 0
    decoder = LineDecoder(mode, CP1256 if codec == CP1256 else UTF8)
    texts, offset = [], start
    for number, raw in enumerate(split_keep_ends(data[start:]), 1):
        text, problem = decoder.decode(raw, number, offset)
        if problem is not None:
            raise problem.error(file=file)
        texts.append(text)
        offset += len(raw)
    if mode == PER_LINE:
        used = PER_LINE if decoder.cp1256_lines else UTF8
    else:
        used = decoder.first[1] if decoder.first else UTF8
    return Decoded("".join(texts), used, tuple(decoder.cp1256_lines))


def decode_bytes(
    data: bytes, *, encoding: str | None = None, file: str = "<bytes>"
) -> tuple[str, str]:
    """Decode a whole file's bytes, detecting the encoding unless one is given.

    Only a leading byte-order mark is removed; nothing else changes. A file that mixes
    UTF-8 and Windows-1256 lines is refused (an error naming the first line in the
    other encoding) unless ``encoding="per-line"``.

    Parameters
    ----------
    data : bytes
        The file's bytes.
    encoding : str, optional
        Codec name that overrides detection (a UTF-8 BOM is still removed), or
        ``"per-line"``.
    file : str
        Name used in error messages.

    Returns
    -------
    (str, str)
        The text and the codec used (``"per-line"`` in that mode).

    Examples
    --------
    >>> decode_bytes(codecs.BOM_UTF8 + "موسكو\\r\\n".encode())
    ('موسكو\\r\\n', 'utf-8-sig')
    >>> decode_bytes("موسكو\\n".encode() + "واشنطن\\n".encode("cp1256"))
    Traceback (most recent call last):
    ...
    analysis.corpus.errors.CorpusReadError: <bytes>, line 2, byte 11: line 2 is Windows-1256, but line 1 is UTF-8: ...
    """
    decoded = decode_document(data, encoding=encoding, file=file)
    return decoded.text, decoded.codec
