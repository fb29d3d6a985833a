"""Read PDF judgments with pdfplumber (default) or pypdfium2.

Both engines yield positioned lines per page, and the same post-processing
follows: running headers, footers and page numbers are removed when they
recur across pages, lines are grouped into paragraph blocks at wide vertical
gaps or at numbered paragraphs, a paragraph number alone on its line is put
in front of the text it numbers, and words hyphenated across a line end are
rejoined. The engines themselves, the fallback from one to the other, and
``"auto"`` (pdfium, or pdfplumber where pdfium's text looks broken) live in
``corpus._pdf_engines``.
"""

from __future__ import annotations

import itertools
import re
import statistics
from pathlib import Path
from typing import get_args

from courtfacts.corpus._pdf_engines import Engine, Line, diagnose_text, read_pages
from courtfacts.corpus._source import Block, build_source, leading_number
from courtfacts.models import SourceText

__all__ = [
    "ENGINES",
    "Engine",
    "Line",
    "diagnose_text",
    "join_hyphenated",
    "page_blocks",
    "read_pdf",
    "remove_furniture",
]

ENGINES: tuple[Engine, ...] = get_args(Engine)
"""The engines ``read_pdf`` takes; the first is the default."""
EDGE_LINES = 2
"""Lines at the top and at the bottom of a page searched for running furniture."""
BLOCK_GAP_FACTOR = 1.3
"""A vertical gap over this many times the median line spacing starts a new
block; Word's spacing after a paragraph gives 1.4 to 1.6 times."""

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_PAGE_LABEL = re.compile(
    r"^(?:page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*(?:of|/)\s*\d{1,4}|[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014])$",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_NUMBER_ALONE = re.compile(r"^\(?(\d{1,3})[.)]?$")
_PARAGRAPH_START = re.compile(r"^\(?\d{1,3}[.)]\s+\S")
_LINE_END_HYPHEN = re.compile(r"([A-Za-z0-9]*[a-z0-9])-$")
_LOWER_START = re.compile(r"^[a-z]")
# Words before a line-end hyphen whose hyphen is part of the word: numbers
# ("four-year") and prefixes that always take one ("co-defendant").
_KEEPS_HYPHEN = re.compile(
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|co|non|self"
    r"|anti|quasi|semi|well|ex)",
    re.IGNORECASE,
)


# ---------------------------------------------------------- post-processing


def _furniture_key(text: str) -> str:
    """A line's identity for spotting repetition: digits as ``#``, case folded."""
    return _DIGITS.sub("#", _SPACES.sub(" ", text)).casefold()


def _edge_indices(lines: list[Line]) -> set[int]:
    """Indices of the lines at the top and bottom edges of a page."""
    count = len(lines)
    return set(range(min(EDGE_LINES, count))) | set(range(max(0, count - EDGE_LINES), count))


def _is_page_number(text: str, page_number: int) -> bool:
    """Whether an edge line is a page number ("3", "Page 3 of 12", "- 3 -")."""
    if _PAGE_LABEL.match(text):
        return True
    return bool(_BARE_NUMBER.match(text)) and abs(int(text) - page_number) <= 2


def remove_furniture(pages: list[list[Line]]) -> tuple[list[list[Line]], int]:
    """Drop running headers, footers and page numbers from every page.

    A top- or bottom-edge line is furniture when, digits ignored, it recurs at
    an edge of at least half the pages (and at least two), or when it is a
    page number.

    Args:
        pages: each page's lines, top to bottom.

    Returns:
        The pages without furniture, and how many lines were removed.
    """
    seen: dict[str, int] = {}
    for lines in pages:
        for key in {_furniture_key(lines[i].text) for i in _edge_indices(lines)}:
            seen[key] = seen.get(key, 0) + 1
    needed = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, count in seen.items() if count >= needed}
    kept_pages, removed = [], 0
    for number, lines in enumerate(pages, start=1):
        edges = _edge_indices(lines)
        kept = [
            line
            for i, line in enumerate(lines)
            if i not in edges
            or not (_furniture_key(line.text) in repeated or _is_page_number(line.text, number))
        ]
        removed += len(lines) - len(kept)
        kept_pages.append(kept)
    return kept_pages, removed


def _attach_lone_numbers(lines: list[Line]) -> list[Line]:
    """Put a paragraph number alone on its line in front of the next line's text."""
    merged: list[Line] = []
    pending: tuple[Line, re.Match[str]] | None = None
    for line in lines:
        alone = _NUMBER_ALONE.match(line.text) if pending is None else None
        if pending is not None:
            written, label = pending[1].group(0), pending[1].group(1)
            merged.append(Line(f"{written} {line.text}", line.top, line.left, paragraph=label))
            pending = None
        elif alone:
            pending = line, alone
        else:
            merged.append(line)
    if pending is not None:
        merged.append(pending[0])
    return merged


def join_hyphenated(lines: list[str]) -> list[str]:
    """Rejoin words split by a hyphen at a line end.

    The hyphen is dropped when a lowercase word continues in lowercase on the
    next line ("impris-" + "onment"); it is kept, and the word still joined,
    after a number or a prefix that takes a hyphen ("four-" + "year").

    Args:
        lines: one block's lines.

    Returns:
        The lines with each split word whole on the first of its lines.

    >>> join_hyphenated(["a term of impris-", "onment of four-", "year length"])
    ['a term of imprisonment', 'of four-year', 'length']
    """
    out = list(lines)
    for i in range(len(out) - 1):
        match = _LINE_END_HYPHEN.search(out[i])
        if not match or not _LOWER_START.match(out[i + 1]):
            continue
        head, _, rest = out[i + 1].partition(" ")
        keep = _KEEPS_HYPHEN.fullmatch(match.group(1))
        out[i] = (out[i] if keep else out[i][:-1]) + head
        out[i + 1] = rest
    return [line for line in out if line]


def _line_spacing(pages: list[list[Line]]) -> float | None:
    """The document's median distance between consecutive line tops."""
    gaps = [
        later.top - earlier.top
        for lines in pages
        for earlier, later in itertools.pairwise(lines)
        if earlier.top is not None and later.top is not None and later.top > earlier.top
    ]
    return statistics.median(gaps) if gaps else None


def _starts_block(previous: Line, line: Line, spacing: float | None) -> bool:
    """Whether a line opens a new block: a numbered paragraph or a wide gap above."""
    if line.paragraph or _PARAGRAPH_START.match(line.text):
        return True
    if spacing is None or previous.top is None or line.top is None:
        return False
    gap = round(line.top - previous.top, 1)  # engines differ in the last digits
    return gap <= 0 or gap > round(BLOCK_GAP_FACTOR * spacing, 1)


def page_blocks(lines: list[Line], page: int, spacing: float | None) -> list[Block]:
    """Group one page's lines into paragraph blocks.

    Args:
        lines: the page's lines without furniture.
        page: its 1-based number.
        spacing: the document's median line spacing, if known.

    Returns:
        The page's blocks, each numbered when it opens with a paragraph number.
    """
    groups: list[list[Line]] = []
    for line in _attach_lone_numbers(lines):
        if not groups or _starts_block(groups[-1][-1], line, spacing):
            groups.append([])
        groups[-1].append(line)
    blocks = []
    for group in groups:
        text = "\n".join(join_hyphenated([line.text for line in group]))
        blocks.append(Block(text, page, group[0].paragraph or leading_number(text)))
    return blocks


def read_pdf(path: Path, engine: Engine = "pdfplumber") -> SourceText:
    """Read a PDF's text layer into paragraph blocks with their page numbers.

    When the engine asked for cannot open the file (junk before the header, a
    damaged cross-reference table) or finds no text, the other engine tries;
    ``"auto"`` reads with pdfium and goes to pdfplumber when pdfium's text
    looks broken (``diagnose_text``). ``meta.engine`` names the one that read
    it and a ``W204`` warning says why it was not the first.

    Args:
        path: the PDF to read.
        engine: ``"pdfplumber"`` (default), ``"pdfium"`` (pypdfium2) or ``"auto"``.

    Returns:
        The document, with ``meta.pages``, ``meta.engine`` and
        ``meta.headers_removed`` set and the metadata title, if any.

    Raises:
        ReadError: E101 for a broken PDF, E102 when no page has text (a scan),
            E103 when it is encrypted.
    """
    path = Path(path)
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}: use one of {', '.join(ENGINES)}")
    pages, title, used, warnings = read_pages(path, engine)
    kept, removed = remove_furniture(pages)
    if any(line.text for lines in kept for line in lines):  # identical pages: all "furniture"
        pages = kept
    else:
        removed = 0
    spacing = _line_spacing(pages)
    blocks = [
        block
        for number, lines in enumerate(pages, start=1)
        for block in page_blocks(lines, number, spacing)
    ]
    return build_source(
        path,
        "pdf",
        blocks,
        title=(title or "").strip() or None,
        pages=len(pages),
        headers_removed=removed,
        engine=used,
        warnings=warnings,
    )
