"""The two PDF engines, pdfplumber and pypdfium2, each giving positioned lines per page.

``read_pages`` reads with the engine asked for and, when that one cannot open
the file (junk before the header, a damaged cross-reference table) or finds
no text, with the other; it says which read it and why. Everything an engine
raises becomes a coded ``ReadError``: they parse hostile bytes, and pdfminer
raises bare ``ValueError``, ``KeyError``, ``struct.error``, ``zlib.error``
and more besides its own ``PSException`` family.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pdfplumber
import pypdfium2
from pdfminer.layout import LTChar, LTContainer
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils import chars_to_textmap
from pdfplumber.utils.exceptions import PdfminerException

from courtfacts.corpus._source import coded_warning
from courtfacts.errors import ReadError

Engine = Literal["pdfplumber", "pdfium"]

X_TOLERANCE = 3.0
"""pdfplumber's gap (points) that makes a space; smaller values split words
set with loose letter-spacing ("P a g e"), larger ones glue words."""
Y_TOLERANCE = 3.0
"""Lines whose tops differ by no more than this (points) share a row."""

_ENCRYPTED = (PDFPasswordIncorrect, PDFEncryptionError)
_PDF_FAILURES = (Exception,)
OTHER_ENGINE: dict[str, Engine] = {"pdfplumber": "pdfium", "pdfium": "pdfplumber"}
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


def _page_chars(page: pdfplumber.page.Page) -> list[dict[str, object]]:
    """The page's characters as pdfplumber's text map reads them, built from pdfminer's layout.

    ``page.chars`` would give the same characters, but pdfplumber first turns
    every attribute of every pdfminer object (colour spaces, graphic state,
    matrix) into plain data, which is more than half of its time on a text
    page. The text map needs the text, the box and the orientation only; the
    box is placed as pdfplumber places it (from the top of the page, shifted
    by the MediaBox origin), so the lines come out the same.
    """
    height, doctop = page.height, page.initial_doctop
    shift_x, shift_y = page.mediabox[0], page.mediabox[1]
    chars: list[dict[str, object]] = []
    pending = [iter(page.layout)]
    while pending:
        for item in pending[-1]:
            if isinstance(item, LTChar):
                top = height - item.y1 + shift_y
                chars.append(
                    {
                        "text": item.get_text(),
                        "x0": item.x0 + shift_x,
                        "x1": item.x1 + shift_x,
                        "top": top,
                        "bottom": height - item.y0 + shift_y,
                        "doctop": doctop + top,
                        "upright": item.upright,
                    }
                )
            elif isinstance(item, LTContainer):  # a form XObject: its characters, in order
                pending.append(iter(item))
                break
        else:
            pending.pop()
    return chars


def _plumber_lines(page: pdfplumber.page.Page) -> list[Line]:
    """A page's lines, each placed at the top of its highest character.

    The lines are those of the text map pdfplumber's ``extract_text`` builds,
    made from ``_page_chars``; walking the map once, rather than searching it
    with ``extract_text_lines``, gives the same lines and tops for less.
    """
    chars = _page_chars(page)
    if not chars:
        return []
    textmap = chars_to_textmap(
        chars,
        layout_bbox=page.bbox,
        layout_width=page.width,
        layout_height=page.height,
        x_tolerance=X_TOLERANCE,
    )
    cells = textmap.tuples
    lines: list[Line] = []
    offset = 0
    for row in textmap.as_string.split("\n"):
        end = offset + len(row)
        text = row.strip()
        if text:
            tops = [char["top"] for _, char in cells[offset:end] if char is not None]
            lines.append(Line(text, float(min(tops)) if tops else None))
        offset = end + 1
    return lines


def _plumber_pages(path: Path) -> tuple[list[list[Line]], str | None]:
    """Extract positioned lines per page, and the metadata title, with pdfplumber."""
    pages: list[list[Line]] = []
    with pdfplumber.open(path) as pdf:
        title = pdf.metadata.get("Title")
        for page in pdf.pages:
            pages.append(_plumber_lines(page))
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


def read_pages(
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
    other = OTHER_ENGINE[engine]
    try:
        pages, title = _read_pages(path, other)
    except ReadError as second:
        reasons = f"{first.message}; {second.message}"
        raise ReadError(first.code, f"{path.name}: {_FAILURE[first.code]} ({reasons})") from first
    reason = first.message.removeprefix(f"{engine}: ")
    warning = coded_warning("W204", f"{engine} could not read it ({reason}); read with {other}")
    return pages, title, other, [warning]
