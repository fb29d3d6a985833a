"""Read plain-text documents (news dumps, press releases, ``.story`` files).

Bytes are decoded by ``corpus._decoding.decode_text``: a BOM, UTF-16 told by
its zero bytes, UTF-8, then Windows-1252 when it yields Western text (English
legal text that is not UTF-8 nearly always is cp1252), else the most plausible
of the encodings charset-normalizer finds. Characters are replaced only when
a few bytes are damaged or no encoding fits, and then a ``W203`` warning says
so. A dateline ``date YYYY-MM-DD`` near the top sets the document date and
stays in the text, where it counts as a date mention.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from courtfacts.corpus._decoding import decode_text
from courtfacts.corpus._source import Block, build_source, leading_number, read_bounded
from courtfacts.models import SourceText

__all__ = ["decode_text", "read_text", "text_blocks"]

_DATELINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})(?!\d)")
_DATELINE_WINDOW = 5
_BLANK_LINES = re.compile(r"\n[ \t\f\v]*\n(?:[ \t\f\v]*\n)*")


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
    text, _encoding, warnings = decode_text(read_bounded(path), path.name)
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
