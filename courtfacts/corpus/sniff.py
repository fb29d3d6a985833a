"""Tell a document's format from its content, the suffix breaking ties only.

A ``.pdf`` that is really a saved web page is read as HTML, and a ``.txt``
that holds a PDF is read as a PDF: what the bytes say wins over the name.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from courtfacts.corpus._decoding import WIDE_BOMS, utf16_lane
from courtfacts.corpus.text import decode_text
from courtfacts.errors import ReadError
from courtfacts.models import Format

_HEAD_BYTES = 4096
_PDF_WINDOW = 1024
_TEXT_SAMPLE_BYTES = 1 << 16
_ZIP_MAGIC = b"PK\x03\x04"
_DOCX_PART = "word/document.xml"
_LEADING_JUNK = re.compile(r"^(?:\s|<!--.*?-->|<\?(?!xml)[^>]*>)*", re.DOTALL)
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]")
_HTML_ROOT = re.compile(r"<!doctype\s+html|<html[\s>]")
_XML_DECLARATION = re.compile(r"<\?xml[^>]*>")
_XML_START = re.compile(r"<\?xml[\s?]|<!doctype\s+[a-z_:]|<akomantoso[\s>]")


def _suffix_format(path: Path) -> Format | None:
    """The format the file's suffix names, if any."""
    from courtfacts.corpus import SUFFIXES  # the table lives in the package API

    return SUFFIXES.get(path.suffix.lower())


def _head_text(head: bytes) -> str:
    """Decode a file's first bytes well enough to see its markup, lowercased."""
    wide = next((enc for bom, enc in WIDE_BOMS if head.startswith(bom)), None)
    wide = wide or utf16_lane(head[: len(head) & ~1])
    if wide:
        text = head.decode(wide, errors="ignore").removeprefix("\ufeff")
    else:
        text = head.decode("latin-1").removeprefix("\xef\xbb\xbf")
    text = text.lower()
    return _LEADING_JUNK.sub("", text, count=1)


def _markup_format(text: str, suffix: Format | None) -> Format | None:
    """Classify text that opens with markup as HTML or XML, else ``None``."""
    if "<akomantoso" in text:
        return "xml"
    if text.startswith("<?xml"):  # XHTML declares itself XML too: look at the root
        rest = _LEADING_JUNK.sub("", _XML_DECLARATION.sub("", text, count=1), count=1)
        return "html" if _HTML_ROOT.match(rest) else "xml"
    if _HTML_START.match(text):
        return "html"
    if _XML_START.match(text):
        return "xml"
    if text.startswith("<") and suffix in ("html", "xml"):
        return suffix
    if text.startswith("<") and _HTML_START.search(text[:_PDF_WINDOW]):
        return "html"
    return None


def _zip_format(path: Path, suffix: Format | None) -> Format:
    """Classify a zip archive: a DOCX when it holds the Word body part."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        if suffix == "docx":
            return "docx"  # let the DOCX reader report the broken archive
        raise ReadError("E108", f"{path.name}: a broken zip archive ({exc})") from exc
    if _DOCX_PART in names:
        return "docx"
    raise ReadError("E108", f"{path.name}: a zip archive but not a DOCX (no {_DOCX_PART})")


def _drop_cut_character(sample: bytes) -> bytes:
    """Drop a UTF-8 character cut off at the end of a sample, if there is one."""
    for back in range(1, 4):
        byte = sample[-back]
        if byte < 0x80:
            return sample
        if byte >= 0xC0:
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return sample[:-back] if needed > back else sample
    return sample


def sniff_format(path: Path) -> Format:
    """Decide which reader a file needs, by content first and suffix second.

    Args:
        path: the file to classify.

    Returns:
        One of ``"pdf"``, ``"docx"``, ``"html"``, ``"xml"`` or ``"text"``.

    Raises:
        ReadError: E109 for an empty file, E108 for content of no supported
            format (binary junk, a zip that is not a DOCX).
    """
    path = Path(path)
    suffix = _suffix_format(path)
    with path.open("rb") as handle:
        sample = handle.read(_TEXT_SAMPLE_BYTES)
    if not sample:
        raise ReadError("E109", f"{path.name} is empty (0 bytes)")
    if b"%PDF" in sample[:_PDF_WINDOW] or (suffix == "pdf" and b"%PDF-" in sample):
        return "pdf"  # junk before the header: past 1 KiB only when the name says PDF
    if sample.startswith(_ZIP_MAGIC):
        return _zip_format(path, suffix)
    markup = _markup_format(_head_text(sample[:_HEAD_BYTES]), suffix)
    if markup:
        return markup
    if suffix in ("html", "xml") and sample.lstrip().startswith(b"<"):
        return suffix  # markup with nothing but comments: the name decides
    if len(sample) == _TEXT_SAMPLE_BYTES:
        sample = _drop_cut_character(sample)
    try:
        decode_text(sample, path.name)
    except ReadError as exc:
        raise ReadError(
            "E108",
            f"{path.name}: binary content that is not PDF, DOCX, HTML, XML or text"
            f" (starts {sample[:8]!r})",
        ) from exc
    return "text"
