"""Read plain-text documents (news dumps, press releases, ``.story`` files).

Bytes are decoded strictly: UTF-8 (a BOM honoured), UTF-16/32 with a BOM,
then Windows-1252 when it yields Western text (English legal text that is not
UTF-8 nearly always is cp1252, and detectors guess wildly on short samples),
else the encoding charset-normalizer finds. Characters are replaced only when
no encoding fits, and then a warning says so. A dateline ``date YYYY-MM-DD`` near the top sets the
document date and stays in the text, where it counts as a date mention.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from datetime import date
from pathlib import Path

import charset_normalizer

from courtfacts.corpus._source import Block, build_source, leading_number
from courtfacts.errors import ReadError
from courtfacts.models import SourceText

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_WESTERN_SYMBOLS = frozenset(
    "\u00a0£€¥¢©®°§¶·×÷½¼¾«»" + "".join(chr(c) for c in range(0x2010, 0x2028)) + "™"
)
_MAX_FOREIGN_LETTERS = 0.3
_MAX_CONTROL_RATIO = 0.01
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_DATELINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})(?!\d)")
_DATELINE_WINDOW = 5
_BLANK_LINES = re.compile(r"\n[ \t\f\v]*\n(?:[ \t\f\v]*\n)*")


def _is_binary(text: str) -> bool:
    """Whether decoded text holds too many control characters to be text."""
    if not text:
        return False
    controls = sum(
        1 for char in text if unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS
    )
    return "\x00" in text or controls / len(text) > _MAX_CONTROL_RATIO


def _western(data: bytes) -> tuple[str, str] | None:
    """Decode as cp1252 when that gives Western text: accented letters in ASCII prose.

    Text in another legacy code page decoded as cp1252 shows either symbols no
    prose uses ("³" for "ł") or a run of non-ASCII letters ("Ïðèâåò").
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = foreign = 0
    for char in text:
        if char.isalpha():
            letters += 1
            foreign += ord(char) > 0x7F
        elif ord(char) > 0x7F and char not in _WESTERN_SYMBOLS:
            return None
    return (text, "cp1252") if foreign <= _MAX_FOREIGN_LETTERS * letters else None


def _guess(data: bytes) -> tuple[str, str] | None:
    """Ask charset-normalizer, preferring a Western code page among equal guesses."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best_chaos = min(match.chaos for match in matches)
    tied = [match for match in matches if match.chaos <= best_chaos + 0.01]
    for encoding in _WESTERN:
        for match in tied:
            if match.encoding == encoding:
                return str(match), encoding
    best = tied[0]
    return str(best), best.encoding


def _decode_strictly(data: bytes, name: str) -> tuple[str, str] | None:
    """Decode by BOM, as UTF-8, as Western cp1252, or by detection; ``None`` if none fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ReadError("E107", f"{name}: bad {encoding} after its BOM: {exc}") from exc
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        western = _western(data)
        if western:
            return western
    return _guess(data)


def decode_text(data: bytes, name: str = "document") -> tuple[str, str, list[str]]:
    """Decode a text file's bytes without silently damaging characters.

    Args:
        data: the raw bytes.
        name: the file name, for messages.

    Returns:
        The text, the encoding used and any warnings (a note when characters
        had to be replaced).

    Raises:
        ReadError: E107 when the bytes are binary rather than text.

    >>> decode_text("£300".encode("cp1252"))[:2]
    ('£300', 'cp1252')
    >>> decode_text(codecs.BOM_UTF8 + "fine".encode())[:2]
    ('fine', 'utf-8-sig')
    """
    decoded = _decode_strictly(data, name)
    warnings: list[str] = []
    if decoded is None:
        if b"\x00" in data:
            raise ReadError("E107", f"{name}: binary content (NUL bytes), not text")
        decoded = data.decode("cp1252", errors="replace"), "cp1252"
        warnings.append(f"no text encoding fits {name}: undecodable bytes replaced with U+FFFD")
    text, encoding = decoded
    if _is_binary(text):
        raise ReadError("E107", f"{name}: binary content (control characters), not text")
    return text, encoding, warnings


def _find_dateline(lines: list[str]) -> tuple[int, str] | None:
    """Return the index and ISO date of a ``date YYYY-MM-DD`` line near the top."""
    for index, line in enumerate(lines[:_DATELINE_WINDOW]):
        match = _DATELINE.match(line)
        if match:
            try:
                date.fromisoformat(match.group(1))
            except ValueError:
                continue
            return index, match.group(1)
    return None


def text_blocks(text: str) -> list[Block]:
    """Split text into blocks at blank lines, trailing spaces trimmed from each line.

    Args:
        text: decoded text with ``"\\n"`` line ends.

    Returns:
        One block per run of non-blank lines.
    """
    blocks = []
    for chunk in _BLANK_LINES.split(text):
        lines = [line.rstrip() for line in chunk.split("\n")]
        body = "\n".join(line for line in lines if line).strip("\n")
        if body.strip():
            blocks.append(Block(body, paragraph=leading_number(body)))
    return blocks


def read_text(path: Path) -> SourceText:
    """Read a plain-text document.

    Args:
        path: the file to read.

    Returns:
        The document: blocks split at blank lines, the dateline's date as
        ``document_date`` and a headline above it as ``title``.

    Raises:
        ReadError: E107 when the file is binary or cannot be decoded.
    """
    text, _encoding, warnings = decode_text(path.read_bytes(), path.name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    title = document_date = None
    dateline = _find_dateline(lines)
    if dateline:
        index, document_date = dateline
        headline = [line.strip() for line in lines[:index] if line.strip()]
        title = headline[0] if headline else None
    return build_source(
        path,
        "text",
        text_blocks(text),
        title=title,
        document_date=document_date,
        warnings=warnings,
    )
