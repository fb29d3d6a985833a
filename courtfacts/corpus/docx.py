"""Read Word (DOCX) judgments with python-docx.

Paragraphs and table rows come in document order. python-docx does not render
Word's automatic numbering, so decimal-numbered paragraphs get their number
written in front of them here, counted per list, as Word would show it.
The archive is checked for zip bombs before python-docx opens it.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from courtfacts.corpus._source import Block, build_source, leading_number
from courtfacts.errors import ReadError
from courtfacts.models import SourceText

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
"""Refuse archives that would inflate to more than this."""
MAX_COMPRESSION_RATIO = 100.0
"""Refuse archives that inflate more than this many times their packed size..."""
RATIO_FLOOR_BYTES = 1024 * 1024
"""...once they inflate past this size (small XML parts compress very well)."""

_BODY_PART = "word/document.xml"
_CELL_SEPARATOR = "\t"
# python-docx walks hostile XML and zip members: PackageNotFoundError,
# BadZipFile, XMLSyntaxError, but also KeyError, AttributeError, TypeError,
# IndexError, ValueError from parts it does not expect; all mean "unreadable".
_DOCX_FAILURES = (Exception,)
_TOO_DEEP = "Excessive depth in document"
_HEAD_BYTES = 4096
_ZIP_FAILURES = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError)


def check_archive(path: Path) -> None:
    """Refuse a DOCX that is not a zip, lacks its body part, or is a zip bomb.

    Args:
        path: the DOCX file.

    Raises:
        ReadError: E104 for a broken archive, E111 when it would inflate past
            ``MAX_UNCOMPRESSED_BYTES`` or by more than ``MAX_COMPRESSION_RATIO``.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except _ZIP_FAILURES as exc:
        raise ReadError("E104", f"{path.name}: not a readable zip archive ({exc})") from exc
    if _BODY_PART not in {member.filename for member in members}:
        raise ReadError("E104", f"{path.name}: no {_BODY_PART} in the archive")
    inflated = sum(member.file_size for member in members)
    packed = max(1, sum(member.compress_size for member in members))
    if inflated > MAX_UNCOMPRESSED_BYTES:
        raise ReadError(
            "E111", f"{path.name} inflates to {inflated} bytes (bound {MAX_UNCOMPRESSED_BYTES})"
        )
    if inflated > RATIO_FLOOR_BYTES and inflated / packed > MAX_COMPRESSION_RATIO:
        raise ReadError(
            "E111",
            f"{path.name} inflates {inflated / packed:.0f} times"
            f" (bound {MAX_COMPRESSION_RATIO:.0f}): a zip bomb?",
        )
    _refuse_doctype(path)


def _refuse_doctype(path: Path) -> None:
    """Refuse a body part with a DTD: Word writes none; one is an entity attack (XXE, laughs).

    python-docx expands no entities, but an unexpanded one hides the text after it.
    """
    try:
        with zipfile.ZipFile(path) as archive, archive.open(_BODY_PART) as body:
            head = body.read(_HEAD_BYTES)
    except (*_ZIP_FAILURES, KeyError, RuntimeError, NotImplementedError) as exc:
        raise ReadError("E104", f"{path.name}: the Word body cannot be unpacked ({exc})") from exc
    if b"<!DOCTYPE" in head.upper():
        raise ReadError("E104", f"{path.name}: the Word body declares a DTD; refused as unsafe")


class _Numbering:
    """Word's automatic paragraph numbers, as far as decimal lists go."""

    def __init__(self, document: Document) -> None:
        self._formats: dict[str, tuple[str, int]] = {}
        self._counters: dict[str, int] = {}
        self._current: str | None = None
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {
            node.get(qn("w:abstractNumId")): node for node in root.iterfind(qn("w:abstractNum"))
        }
        for num in root.iterfind(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            definition = abstract.get(ref.get(qn("w:val"))) if ref is not None else None
            if definition is None:
                continue
            level = definition.find(f"{qn('w:lvl')}[@{qn('w:ilvl')}='0']")
            if level is None:
                continue
            fmt, start = level.find(qn("w:numFmt")), level.find(qn("w:start"))
            self._formats[num.get(qn("w:numId"))] = (
                fmt.get(qn("w:val")) if fmt is not None else "decimal",
                int(start.get(qn("w:val"))) if start is not None else 1,
            )

    @staticmethod
    def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
        """The list id and level of a paragraph, set on it or on its style."""
        sources = [paragraph._p.pPr]
        style = paragraph.style
        while style is not None:
            sources.append(style.element.pPr)
            style = style.base_style
        for ppr in sources:
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_pr is None:
                continue
            num_id, ilvl = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
            if num_id is not None:
                level = int(ilvl.get(qn("w:val"))) if ilvl is not None else 0
                return num_id.get(qn("w:val")), level
        return None

    def label(self, paragraph: Paragraph) -> tuple[str | None, str | None]:
        """Return the number to write before a paragraph and the number it sits under.

        Args:
            paragraph: the next paragraph in document order.

        Returns:
            ``(prefix, paragraph_number)``: the prefix (``"3"``) for a level-0
            decimal list item, else ``None``; and the level-0 number in force.
        """
        found = self._num_pr(paragraph)
        if found is None or found[0] not in self._formats:
            return None, None
        num_id, level = found
        fmt, start = self._formats[num_id]
        if fmt != "decimal":
            return None, None
        if level > 0:
            return None, self._current
        self._counters[num_id] = self._counters.get(num_id, start - 1) + 1
        self._current = str(self._counters[num_id])
        return self._current, self._current


def _row_text(row_cells: list[_Cell]) -> str:
    """One table row's text: each distinct cell once, separated by tabs."""
    seen: list[_Cell] = []
    texts = []
    for cell in row_cells:
        if any(cell._tc is other._tc for other in seen):  # merged cells repeat
            continue
        seen.append(cell)
        text = " ".join(cell.text.split())
        if text:
            texts.append(text)
    return _CELL_SEPARATOR.join(texts)


def _blocks(document: Document) -> Iterator[Block]:
    """Yield the document's paragraphs and table rows as blocks, in order."""
    numbering = _Numbering(document)
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                text = _row_text(list(row.cells))
                yield Block(text, paragraph=leading_number(text))
            continue
        text = item.text.strip()
        prefix, number = numbering.label(item)
        if not text:
            continue
        written = leading_number(text)
        if prefix and not written:
            text = f"{prefix}. {text}"
        yield Block(text, paragraph=written or number)


def _docx_error(path: Path, exc: Exception) -> ReadError:
    """The coded error for a DOCX python-docx could not read."""
    detail = f"{type(exc).__name__}: {str(exc)[:200] or 'no detail'}"
    if isinstance(exc, etree.XMLSyntaxError) and _TOO_DEEP in str(exc):
        return ReadError("E112", f"{path.name}: Word XML nested too deeply ({detail})")
    if isinstance(exc, (PackageNotFoundError, zipfile.BadZipFile)):
        return ReadError("E104", f"{path.name}: not a readable Word package ({detail})")
    if isinstance(exc, etree.XMLSyntaxError):
        return ReadError("E104", f"{path.name}: malformed Word XML ({detail})")
    return ReadError("E104", f"{path.name}: damaged Word document ({detail})")


def read_docx(path: Path) -> SourceText:
    """Read a DOCX document's body text.

    Args:
        path: the file to read.

    Returns:
        The document, one block per paragraph or table row, numbered
        paragraphs carrying their number, and the core-properties title.

    Raises:
        ReadError: E104 when the file is not a readable DOCX, E111 for a zip bomb,
            E112 when its XML nests too deeply.
    """
    path = Path(path)
    check_archive(path)
    try:
        document = docx.Document(str(path))
        blocks = list(_blocks(document))
        title = document.core_properties.title
    except _DOCX_FAILURES as exc:
        raise _docx_error(path, exc) from exc
    return build_source(path, "docx", blocks, title=title.strip() or None)
