"""The PDF engines, pdfplumber and pypdfium2, each giving positioned lines per page.

``read_pages`` reads with the engine asked for and, when that one cannot open
the file (junk before the header, a damaged cross-reference table) or finds
no text, with the other; it says which read it and why. ``"auto"`` reads with
pdfium and goes to pdfplumber when ``diagnose_text`` or ``_unread_pages``
finds pdfium's text broken. Everything an engine raises becomes a coded
``ReadError``: they parse hostile bytes, and pdfminer raises bare
``ValueError``, ``KeyError``, ``struct.error``, ``zlib.error`` and more
besides its own ``PSException`` family. Each engine is imported when it
first reads: importing this module loads neither.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from courtfacts.corpus._source import coded_warning
from courtfacts.errors import ReadError

if TYPE_CHECKING:
    import pdfplumber.page
    import pypdfium2

Engine = Literal["pdfplumber", "pdfium", "auto"]
"""The engines a caller may ask for; the first is the default, the last chooses per document."""
Reader = Literal["pdfplumber", "pdfium"]
"""The engines that read: what ``meta.engine`` names."""

X_TOLERANCE = 3.0
"""pdfplumber's gap (points) that makes a space; smaller values split words
set with loose letter-spacing ("P a g e"), larger ones glue words."""
Y_TOLERANCE = 3.0
"""Lines whose tops differ by no more than this (points) share a row."""

OTHER_ENGINE: dict[str, Reader] = {"pdfplumber": "pdfium", "pdfium": "pdfplumber"}
_PDFIUM_SOFT_HYPHENS = ("\ufffe", "\x02")
_PDFIUM_BREAK = re.compile("[\r\n" + "".join(_PDFIUM_SOFT_HYPHENS) + "]")


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
def _reading(path: Path, engine: Reader) -> Iterator[None]:
    """Turn an engine's exceptions into coded ``ReadError``s: ``"<engine>: <what went wrong>"``."""
    try:
        yield
    except Exception as exc:
        raise _coded_error(engine, exc) from exc


def _coded_error(engine: Reader, exc: Exception) -> ReadError:
    """The ``ReadError`` for what ``engine`` raised (its module is loaded: it raised)."""
    if engine == "pdfium":
        from pypdfium2 import PdfiumError

        if isinstance(exc, PdfiumError):
            code = "E103" if "password" in str(exc).lower() else "E101"
            return ReadError(code, f"{engine}: {exc}")
        cause: BaseException = exc
    else:
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
        from pdfplumber.utils.exceptions import PdfminerException

        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            return ReadError("E103", f"{engine}: {cause!r}")
    detail = str(cause)[:200] or "no detail"
    return ReadError("E101", f"{engine}: {type(cause).__name__}: {detail}")


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
    from pdfminer.layout import LTChar, LTContainer

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
    from pdfplumber.utils import chars_to_textmap

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
    import pdfplumber

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
    for found in _PDFIUM_BREAK.finditer(text):
        index = found.start()
        hyphen = "-" if found.group() in _PDFIUM_SOFT_HYPHENS else ""
        yield start, text[start:index] + hyphen
        start = index + 1
    yield start, text[start:]


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
    import pypdfium2

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


def _read_pages(path: Path, engine: Reader) -> tuple[list[list[Line]], str | None]:
    """One engine's lines per page and title; ``ReadError`` when it fails or finds no text."""
    with _reading(path, engine):
        pages, title = _plumber_pages(path) if engine == "pdfplumber" else _pdfium_pages(path)
    if not any(line.text for lines in pages for line in lines):
        raise ReadError("E102", f"{engine}: no text on any of {len(pages)} page(s)")
    return pages, title


# ------------------------------------------------------- judging pdfium's text

MIN_JUDGED = 40
"""Fewer visible characters (or words, or lines) than this are too few to judge a share by."""
MAX_GARBLED_SHARE = 0.05
"""Visible characters that are U+FFFD, private-use, control or unassigned code
points, or inside ``(cid:NN)``, above which the text is garbled; a real
judgment has almost none (a bullet or two from a symbol font)."""
MIN_WORDLIKE_SHARE = 0.6
"""Letters in Latin words that look like words (a vowel, no run of six
consonants, lower, Title or UPPER case), below which the text is mojibake.
Measured with pdfium: the remarks ``benchmarks/throughput.py`` writes 1.00;
the Sri Lankan judgments of ``../shared/corpus``, legacy-font Sinhala
mojibake included, 0.93 and over."""
MAX_SHORT_LINE_SHARE = 0.3
"""Lines of one visible character above which the reading order is lost;
those judgments have 0.04 at most, the benchmark's remarks none."""
MAX_LONE_LETTER_SHARE = 0.25
"""Latin words of one letter other than "a", "A" and "I" above which words
are broken apart ("s e n t e n c e"); the benchmark's remarks have under
0.01, the Sri Lankan judgments up to 0.12 (legacy-font mojibake)."""

_CID = re.compile(r"\(cid:\d+\)")
_PLAIN = re.compile(r"[ -~\n\t\r]+")
_BAD_CATEGORIES = {"Co", "Cc", "Cn", "Cs"}
_WORD = re.compile(r"[A-Za-z]{2,}")
_CONSONANT = "b-df-hj-np-tv-xzB-DF-HJ-NP-TV-XZ"
_UNWORDLIKE = re.compile(
    rf"(?<![A-Za-z])(?:[{_CONSONANT}]{{2,}}"  # no vowel ("y" counts as one)
    rf"|[A-Za-z]*(?:[a-z][A-Z]|[A-Z]{{2}}[a-z]|[{_CONSONANT}]{{6}})[A-Za-z]*)"  # case, consonants
    r"(?![A-Za-z])"
)
_LATIN_RUN = re.compile(r"[A-Za-z]+")
# Latin only: Python's \w leaves out combining vowel signs, so Sinhala or
# Devanagari words would come apart into single letters.
_LONE_LETTER = re.compile(r"(?<![^\W\d_])[B-HJ-Zb-z](?![^\W\d_])")
_LINE = re.compile(r"^[ \t]*\S", re.MULTILINE)
_ONE_CHARACTER_LINE = re.compile(r"^[ \t]*\S[ \t]*$", re.MULTILINE)


def _garbled_share(text: str) -> tuple[float, int]:
    """The share of visible characters that are no text, and how many are visible.

    Printable ASCII and whitespace are dropped first with one regex, so only
    the few other characters are looked up one by one.
    """
    visible = len(text) - sum(text.count(space) for space in " \n\t\r")
    cids = sum(len(cid) for cid in _CID.findall(text))
    others = _PLAIN.sub("", text)
    bad = sum(char == "\ufffd" or unicodedata.category(char) in _BAD_CATEGORIES for char in others)
    return (cids + bad) / max(visible, 1), visible


def _wordlike_share(text: str) -> tuple[float, int]:
    """The share of letters, in Latin words of two or more, that are in word-like words."""
    words = _WORD.findall(text)
    letters = sum(map(len, words))
    unwordlike = sum(map(len, _UNWORDLIKE.findall(text)))
    return 1 - unwordlike / max(letters, 1), len(words)


def diagnose_text(pages: list[str]) -> str | None:
    """Say why a PDF's extracted text looks broken, or ``None`` when it looks like text.

    Broken is one of: garbled encoding (replacement, private-use or control
    characters, ``(cid:NN)`` sequences, letters that form no word-like words)
    or the reading order lost (lines of one character, words in single
    letters). Text too short to judge a share by passes.

    Args:
        pages: each page's text, lines separated by newlines.

    Returns:
        The reason, for a warning, or ``None``.

    >>> diagnose_text(["The sentence is four years' imprisonment on each count. " * 3])
    >>> diagnose_text(["\ufffd\ufffd (cid:12)(cid:7) " * 20])
    'garbled encoding: 100% of its characters are replacement, private-use or control characters or (cid:NN)'
    """
    text = "\n".join(pages)
    garbled, visible = _garbled_share(text)
    if visible < MIN_JUDGED:
        return None
    if garbled > MAX_GARBLED_SHARE:
        return (
            f"garbled encoding: {garbled:.0%} of its characters are replacement, "
            "private-use or control characters or (cid:NN)"
        )
    wordlike, words = _wordlike_share(text)
    if words >= MIN_JUDGED and wordlike < MIN_WORDLIKE_SHARE:
        return f"garbled encoding: only {wordlike:.0%} of its letters form word-like words"
    lines = len(_LINE.findall(text))
    short = len(_ONE_CHARACTER_LINE.findall(text)) / max(lines, 1)
    if lines >= MIN_JUDGED and short > MAX_SHORT_LINE_SHARE:
        return f"reading order lost: {short:.0%} of its lines are one character"
    runs = len(_LATIN_RUN.findall(text))
    lone = len(_LONE_LETTER.findall(text)) / max(runs, 1)
    if runs >= MIN_JUDGED and lone > MAX_LONE_LETTER_SHARE:
        return f"reading order lost: {lone:.0%} of its words are single letters"
    return None


def _unread_pages(path: Path, pages: list[list[Line]]) -> str | None:
    """Name the pages pdfium found empty on which pdfplumber finds characters, if any.

    Only the empty pages are laid out, so a document with none costs nothing.
    """
    empty = [index for index, lines in enumerate(pages) if not lines]
    if not empty:
        return None
    import pdfplumber

    with _reading(path, "pdfplumber"), pdfplumber.open(path) as pdf:
        lost = [i + 1 for i in empty if any(c["text"].strip() for c in _page_chars(pdf.pages[i]))]
    if not lost:
        return None
    return f"no text on page(s) {', '.join(map(str, lost))}, where pdfplumber finds characters"


# ------------------------------------------------------------------- choosing

_FAILURE = {
    "E101": "damaged, cut short or not a PDF",
    "E102": "no text layer (a scan?)",
    "E103": "encrypted, and neither engine has its password",
}


def read_pages(
    path: Path, engine: Engine
) -> tuple[list[list[Line]], str | None, Reader, list[str]]:
    """Read with ``engine``, or with the other one when it cannot open the file or finds no text.

    An encrypted PDF gets no second try: neither engine has its password.
    ``"auto"`` reads with pdfium and, when its text looks broken, with pdfplumber.
    """
    if engine == "auto":
        return _read_auto(path)
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


def _read_auto(path: Path) -> tuple[list[list[Line]], str | None, Reader, list[str]]:
    """pdfium's pages, or pdfplumber's when pdfium's text looks broken (``W204`` says why).

    When pdfplumber cannot read the file either, pdfium's text is kept.
    """
    pages, title, used, warnings = read_pages(path, "pdfium")
    if used != "pdfium":
        return pages, title, used, warnings
    reason = diagnose_text(["\n".join(line.text for line in lines) for lines in pages])
    try:
        reason = reason or _unread_pages(path, pages)
        if reason is None:
            return pages, title, used, warnings
        plumber_pages, plumber_title = _read_pages(path, "pdfplumber")
    except ReadError as exc:
        if reason is None:  # pdfplumber failed on the empty pages: nothing says pdfium is wrong
            return pages, title, used, warnings
        detail = f"pdfium's text looks broken ({reason}), but {exc.message}; pdfium's kept"
        return pages, title, used, [coded_warning("W204", detail)]
    warning = coded_warning("W204", f"pdfium's text looks broken ({reason}); read with pdfplumber")
    return plumber_pages, plumber_title, "pdfplumber", [warning]
