"""Helpers every reader shares: hashing, document ids, blocks and segments.

A reader turns its source into a list of ``Block`` objects (one per
paragraph, in reading order) and hands them to ``build_source``, which joins
them into one text and records where each block sits. The text convention is
the same for every format: blocks are joined by a blank line (``"\\n\\n"``),
and lines kept inside a block (a PDF paragraph's lines) are joined by
``"\\n"``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from courtfacts.errors import CODES, ReadError
from courtfacts.models import DocumentMeta, Format, Segment, SourceText

BLOCK_SEPARATOR = "\n\n"
MAX_MARKUP_BYTES = 64 * 1024 * 1024
"""Text, HTML and XML files larger than this are refused (E111): they are read whole."""

_UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]")
_LEADING_NUMBER = re.compile(r"^\s*\(?(\d{1,4})[.)](?=\s|$)")


@dataclass(frozen=True)
class Block:
    """One paragraph of a document, as a reader found it.

    Attributes:
        text: the paragraph's text; inner lines, if kept, joined by ``"\\n"``.
        page: the 1-based page it is on, for paged formats.
        paragraph: the paragraph number as the source writes it (``"12"``).
    """

    text: str
    page: int | None = None
    paragraph: str | None = None


def coded_warning(code: str, detail: str) -> str:
    """Format a warning for ``DocumentMeta.warnings``: its code, its meaning, the detail.

    >>> coded_warning("W202", "line 3")
    'W202 recovered from malformed markup: line 3'
    """
    if code not in CODES or not code.startswith("W"):
        raise KeyError(f"unknown warning code {code}")
    return f"{code} {CODES[code]}: {detail}"


def read_bounded(path: Path, limit: int | None = None) -> bytes:
    """Read a whole file, refusing one over ``limit`` bytes.

    Args:
        path: the file to read.
        limit: the largest size accepted, in bytes (``MAX_MARKUP_BYTES`` when omitted).

    Returns:
        The file's bytes.

    Raises:
        ReadError: E111 when the file is larger than ``limit``.
    """
    limit = MAX_MARKUP_BYTES if limit is None else limit
    size = path.stat().st_size
    if size <= limit:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
        size = len(data)
    if size > limit:
        raise ReadError("E111", f"{path.name} is over the bound of {limit} bytes ({size})")
    return data


def file_sha256(path: Path) -> str:
    """Return the hex SHA-256 digest of a file's bytes.

    Args:
        path: the file to hash.

    Returns:
        The digest as 64 lowercase hex digits.
    """
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def make_doc_id(path: Path) -> str:
    """Make a document id from a file name: its stem with unsafe characters replaced.

    Args:
        path: the document's path.

    Returns:
        An id of ``[A-Za-z0-9._-]`` only, never empty, never starting with a dot.

    >>> make_doc_id(Path("R v Smith (2021).pdf"))
    'R_v_Smith__2021_'
    >>> make_doc_id(Path(".hidden.txt"))
    '_hidden'
    >>> make_doc_id(Path(".txt"))
    '_txt'
    """
    safe = _UNSAFE_ID_CHARS.sub("_", path.stem)
    if safe.startswith("."):
        safe = "_" + safe[1:]
    return safe or "document"


def leading_number(text: str) -> str | None:
    """Return the paragraph number a block opens with, as written (``"12. The"`` -> ``"12"``).

    Args:
        text: a block's text.

    Returns:
        The number's digits, or ``None`` when the block does not open with one.

    >>> leading_number("12. The appellant")
    '12'
    >>> leading_number("(3) The judge")
    '3'
    >>> leading_number("2019 was a year") is None
    True
    """
    match = _LEADING_NUMBER.match(text)
    return match.group(1) if match else None


def join_blocks(blocks: list[Block]) -> tuple[str, list[Segment]]:
    """Join blocks into one text and one segment per non-empty block.

    Args:
        blocks: the document's paragraphs in reading order.

    Returns:
        The text, blocks separated by a blank line, and the segments, whose
        ``start``/``end`` index exactly into that text.
    """
    parts: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for block in blocks:
        if not block.text.strip():
            continue
        if parts:
            offset += len(BLOCK_SEPARATOR)
        parts.append(block.text)
        end = offset + len(block.text)
        segments.append(Segment(start=offset, end=end, page=block.page, paragraph=block.paragraph))
        offset = end
    return BLOCK_SEPARATOR.join(parts), segments


def build_source(path: Path, fmt: Format, blocks: list[Block], **meta: Any) -> SourceText:
    """Assemble a ``SourceText`` from a reader's blocks and metadata.

    Args:
        path: the file that was read.
        fmt: the format it was read as.
        blocks: its paragraphs in reading order.
        **meta: further ``DocumentMeta`` fields (title, pages, warnings...).

    Returns:
        The document with its text, segments, id and metadata.

    Raises:
        ReadError: E110 when no block holds any text.
    """
    text, segments = join_blocks(blocks)
    if not text.strip():
        raise ReadError("E110", f"{path.name}: no text found in the {fmt} document")
    document_meta = DocumentMeta(source=str(path), format=fmt, sha256=file_sha256(path), **meta)
    return SourceText(
        doc_id=make_doc_id(path), kind=fmt, text=text, segments=segments, meta=document_meta
    )
