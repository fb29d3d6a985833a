"""Read PDF judgments with pdfplumber (default) or pypdfium2.

Both engines yield positioned lines per page, and the same post-processing
follows: running headers, footers and page numbers are removed when they
recur across pages, lines are grouped into paragraph blocks at wide vertical
gaps or at numbered paragraphs, a paragraph number alone on its line is put
in front of the text it numbers, and words hyphenated across a line end are
rejoined.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pdfplumber
import pypdfium2
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from courtfacts.corpus._source import Block, build_source, coded_warning, leading_number
from courtfacts.errors import ReadError
from courtfacts.models import SourceText

Engine = Literal["pdfplumber", "pdfium"]

X_TOLERANCE = 3.0
"""pdfplumber's gap (points) that makes a space; smaller values split words
set with loose letter-spacing ("P a g e"), larger ones glue words."""
Y_TOLERANCE = 3.0
"""Lines whose tops differ by no more than this (points) share a row."""
EDGE_LINES = 2
"""Lines at the top and at the bottom of a page searched for running furniture."""
BLOCK_GAP_FACTOR = 1.3
"""A vertical gap over this many times the median line spacing starts a new
block; Word's spacing after a paragraph gives 1.4 to 1.6 times."""

_ENCRYPTED = (PDFPasswordIncorrect, PDFEncryptionError)
# The engines parse hostile bytes: anything they raise means an unreadable PDF.
# pdfminer raises its own PSException family, but also bare ValueError,
# KeyError, TypeError, struct.error, zlib.error, RecursionError...
_PDF_FAILURES = (Exception,)
_OTHER_ENGINE: dict[str, Engine] = {"pdfplumber": "pdfium", "pdfium": "pdfplumber"}
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
_PDFIUM_SOFT_HYPHENS = ("\ufffe", "\x02")


@dataclass
class Line:
    """One line of a page as an engine extracted it.

    Attributes:
        text: the line's text.
        top: distance of its top from the top of the page, in points.
        left: distance of its left edge from the left of the page, in points.
        paragraph: the paragraph number it opens, when that stood alone above it.
    """

    text: str
    top: float | None = None
    left: float = 0.0
    paragraph: str | None = None


# ----------------------------------------------------------------- engines


@contextmanager
def _reading(path: Path, engine: Engine) -> Iterator[None]:
    """Turn an engine's exceptions into coded ``ReadError``s: ``"<engine>: <what went wrong>"``."""
    try:
        yield
    except pypdfium2.PdfiumError as exc:
        code = "E103" if "password" in str(exc).lower() else "E101"
        raise ReadError(code, f"{engine}: {exc}") from exc
    except _PDF_FAILURES as exc:
        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        if isinstance(cause, _ENCRYPTED):
            raise ReadError("E103", f"{engine}: {cause!r}") from exc
        detail = str(cause)[:200] or "no detail"
        raise ReadError("E101", f"{engine}: {type(cause).__name__}: {detail}") from exc


def _plumber_pages(path: Path) -> tuple[list[list[Line]], str | None]:
    """Extract positioned lines per page, and the metadata title, with pdfplumber."""
    pages: list[list[Line]] = []
    with pdfplumber.open(path) as pdf:
        title = pdf.metadata.get("Title")
        for page in pdf.pages:
            rows = page.extract_text_lines(x_tolerance=X_TOLERANCE, return_chars=False)
            pages.append([Line(row["text"].strip(), float(row["top"])) for row in rows])
            page.close()
    return pages, title if isinstance(title, str) else None


def _pdfium_pieces(text: str) -> Iterator[tuple[int, str]]:
    """Split pdfium text at its line breaks and soft hyphens (restored as ``-``)."""
    start = 0
    for index, char in enumerate(text + "\n"):
        if char in "\r\n" or char in _PDFIUM_SOFT_HYPHENS:
            hyphen = "-" if char in _PDFIUM_SOFT_HYPHENS else ""
            yield start, text[start:index] + hyphen
            start = index + 1


def _pdfium_lines(textpage: pypdfium2.PdfTextPage, height: float) -> list[Line]:
    """Turn one pdfium text page into lines, each placed by its first character.

    pdfium breaks a line where a superscript ("1st") starts; a piece that sits
    at the same height to the right of the one before it is joined back to it.
    """
    text = textpage.get_text_range()
    is_mapped = len(text) == textpage.count_chars()
    lines: list[Line] = []
    previous: tuple[float, float, float, float] | None = None
    for start, piece in _pdfium_pieces(text):
        stripped = piece.strip()
        if not stripped:
            continue
        if not is_mapped:
            lines.append(Line(stripped))
            continue
        first = start + len(piece) - len(piece.lstrip())
        last = start + len(text[start : start + len(piece)].rstrip()) - 1
        left, bottom, _, top = textpage.get_charbox(first, loose=True)
        if (
            previous
            and lines
            and left >= previous[2] - 1
            and bottom < previous[3]
            and top > previous[1]
        ):
            glue = "" if left - previous[2] < X_TOLERANCE else " "
            lines[-1].text += glue + stripped
        else:
            lines.append(Line(stripped, height - top, left))
        previous = textpage.get_charbox(last, loose=True)
    return _merge_rows(lines) if is_mapped else lines


def _merge_rows(lines: list[Line]) -> list[Line]:
    """Order lines top to bottom and join those on one row left to right.

    pdfium keeps content-stream order, which puts footers anywhere and splits
    a row of columns into separate lines; pdfplumber clusters rows the same way.
    """
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: line.top or 0.0):
        if rows and abs((line.top or 0.0) - (rows[-1][0].top or 0.0)) <= Y_TOLERANCE:
            rows[-1].append(line)
        else:
            rows.append([line])
    merged = []
    for row in rows:
        row.sort(key=lambda line: line.left)
        merged.append(Line(" ".join(line.text for line in row), row[0].top, row[0].left))
    return merged


def _pdfium_pages(path: Path) -> tuple[list[list[Line]], str | None]:
    """Extract positioned lines per page, and the metadata title, with pypdfium2."""
    pdf = pypdfium2.PdfDocument(path)
    try:
        title = pdf.get_metadata_dict(skip_empty=True).get("Title")
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(_pdfium_lines(textpage, page.get_height()))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return pages, title


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


def _read_pages(path: Path, engine: Engine) -> tuple[list[list[Line]], str | None]:
    """One engine's lines per page and title; ``ReadError`` when it fails or finds no text."""
    with _reading(path, engine):
        pages, title = _plumber_pages(path) if engine == "pdfplumber" else _pdfium_pages(path)
    if not any(line.text for lines in pages for line in lines):
        raise ReadError("E102", f"{engine}: no text on any of {len(pages)} page(s)")
    return pages, title


_FAILURE = {
    "E101": "damaged, cut short or not a PDF",
    "E102": "no text layer (a scan?)",
    "E103": "encrypted, and neither engine has its password",
}


def _read_with_fallback(
    path: Path, engine: Engine
) -> tuple[list[list[Line]], str | None, Engine, list[str]]:
    """Read with ``engine``, or with the other one when it cannot open the file or finds no text.

    An encrypted PDF gets no second try: neither engine has its password.
    """
    try:
        return (*_read_pages(path, engine), engine, [])
    except ReadError as exc:
        first = exc
    if first.code == "E103":
        raise ReadError("E103", f"{path.name}: {_FAILURE['E103']} ({first.message})") from first
    other = _OTHER_ENGINE[engine]
    try:
        pages, title = _read_pages(path, other)
    except ReadError as second:
        reasons = f"{first.message}; {second.message}"
        raise ReadError(first.code, f"{path.name}: {_FAILURE[first.code]} ({reasons})") from first
    reason = first.message.removeprefix(f"{engine}: ")
    warning = coded_warning("W204", f"{engine} could not read it ({reason}); read with {other}")
    return pages, title, other, [warning]


def read_pdf(path: Path, engine: Engine = "pdfplumber") -> SourceText:
    """Read a PDF's text layer into paragraph blocks with their page numbers.

    When the engine asked for cannot open the file (junk before the header, a
    damaged cross-reference table) or finds no text, the other engine tries;
    ``meta.engine`` names the one that read it and a ``W204`` warning says why.

    Args:
        path: the PDF to read.
        engine: ``"pdfplumber"`` (default) or ``"pdfium"`` (pypdfium2).

    Returns:
        The document, with ``meta.pages``, ``meta.engine`` and
        ``meta.headers_removed`` set and the metadata title, if any.

    Raises:
        ReadError: E101 for a broken PDF, E102 when no page has text (a scan),
            E103 when it is encrypted.
    """
    path = Path(path)
    if engine not in _OTHER_ENGINE:
        raise ValueError(f"unknown PDF engine {engine!r}: use 'pdfplumber' or 'pdfium'")
    pages, title, used, warnings = _read_with_fallback(path, engine)
    pages, removed = remove_furniture(pages)
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
