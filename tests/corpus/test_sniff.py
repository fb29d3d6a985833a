"""Format sniffing: content first, the suffix only as a tie-breaker.

Tables:

- ``DEV``: each format as it usually comes, and as it comes misnamed.
- ``BUGS_CAUGHT``: inputs that once went to the wrong reader.
"""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from pathlib import Path

import pytest

from courtfacts.corpus import read, sniff_format
from courtfacts.errors import ReadError


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


AKN = (
    b'<?xml version="1.0"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>'
)

# fmt: off
DEV = [
    ("pdf", "a.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
    ("pdf after junk", "a.pdf", b"\x00" * 100 + b"%PDF-1.4\n", "pdf"),
    ("pdf named txt", "a.txt", b"%PDF-1.4\n", "pdf"),
    ("docx", "a.docx", _zip("[Content_Types].xml", "word/document.xml"), "docx"),
    ("docx named zip", "a.zip", _zip("word/document.xml"), "docx"),
    ("html doctype", "a.html", b"<!DOCTYPE html><html><body>x</body></html>", "html"),
    ("html named pdf", "a.pdf", b"\n  <html><head><title>t</title></head></html>", "html"),
    ("html after comment", "a", b"<!-- saved page --><html><p>x</p></html>", "html"),
    ("xhtml", "a.xml", b'<?xml version="1.0"?><!DOCTYPE html><html xmlns="x"/>', "html"),
    ("akoma ntoso", "a.xml", AKN, "xml"),
    ("akoma ntoso named html", "a.html", AKN, "xml"),
    ("xml", "a.txt", b"<?xml version='1.0'?><cases/>", "xml"),
    ("text", "a.txt", "Fined £300\n".encode(), "text"),
    ("text no suffix", "README", b"Just words.", "text"),
    ("cp1252 text", "a.story", "Fined £300".encode("cp1252"), "text"),
    ("utf-16 text", "a.txt", "Fined £300".encode("utf-16"), "text"),
    ("utf-16 html", "a.htm", "<html><p>x</p></html>".encode("utf-16"), "html"),
    ("angle bracket text", "a.txt", b"<3 this judgment", "text"),
    ("markup fragment named html", "a.html", b"<div><p>Sentenced.</p></div>", "html"),
]
BUGS_CAUGHT = [
    # a UTF-8 character cut by the 64 KiB sample must not make the text look binary
    ("cut multibyte character", "a.txt", b"a" * 65535 + "£".encode(), "text"),
    ("utf-8 bom html", "a.html", codecs.BOM_UTF8 + b"<html><p>x</p></html>", "html"),
    # TEI and other XML have a <body> too; only an html root makes XHTML
    ("only a comment, named html", "a.html", b"<!-- nothing here -->", "html"),
    ("xml with a body element", "a.xml", b"<?xml version='1.0'?><TEI><text><body/></text></TEI>", "xml"),
    # issue #6: junk past the first KiB hid the header; wide encodings hid the markup
    ("pdf after 2 KiB of junk", "a.pdf", b"%!PS spooler junk\n" * 120 + b"%PDF-1.4\n", "pdf"),
    ("utf-16-be xml, no BOM", "a.xml", AKN.decode().encode("utf-16-be"), "xml"),
    ("utf-16-le html, no BOM", "a.txt", "<html><p>x</p></html>".encode("utf-16-le"), "html"),
    ("utf-32 html", "a.html", "<html><p>x</p></html>".encode("utf-32"), "html"),
]
# fmt: on


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [c[1:] for c in DEV + BUGS_CAUGHT],
    ids=[c[0] for c in DEV + BUGS_CAUGHT],
)
def test_sniff_format(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert sniff_format(path) == expected


# fmt: off
REFUSED = [
    ("empty", "a.txt", b"", "E109"),
    ("binary junk", "a.bin", bytes(range(256)) * 16, "E108"),
    ("binary junk named pdf", "a.pdf", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "E108"),
    ("zip not docx", "a.docx", _zip("content.xml"), "E108"),
    ("broken zip", "a.zip", b"PK\x03\x04" + b"\x00" * 64, "E108"),
]
# fmt: on


@pytest.mark.parametrize(
    ("name", "data", "code"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED]
)
def test_refused_content(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError) as caught:
        sniff_format(path)
    assert caught.value.code == code
    assert path.name in caught.value.message


def test_broken_zip_named_docx_goes_to_the_docx_reader(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(64))
    assert sniff_format(path) == "docx"


def test_pdf_that_is_really_html_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "judgment.pdf"
    path.write_text("<html><body><p>Sentenced to 4 years.</p></body></html>", "utf-8")
    source = read(path)
    assert source.kind == "html"
    assert source.text == "Sentenced to 4 years."


def test_missing_file_is_e100(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        read(tmp_path / "absent.pdf")
    assert caught.value.code == "E100"


def test_named_pipe_is_e100_and_never_opened(tmp_path: Path) -> None:
    """Issue #6: opening a FIFO would block forever; ``read`` refuses what is not a file."""
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.code == "E100"


def test_a_reader_failing_unexpectedly_still_gives_its_format_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #6: no exception but ``ReadError`` leaves ``read``; the message marks a reader bug."""
    from courtfacts import corpus

    def broken(path: Path) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setitem(corpus.READERS, "text", broken)
    path = tmp_path / "a.txt"
    path.write_text("He was fined £300.", "utf-8")
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.code == "E107"
    assert (
        corpus.UNEXPECTED in caught.value.message and "RuntimeError: a bug" in caught.value.message
    )


def test_os_error_while_reading_is_e100(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from courtfacts import corpus

    def unreadable(path: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setitem(corpus.READERS, "text", unreadable)
    path = tmp_path / "a.txt"
    path.write_text("He was fined £300.", "utf-8")
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.code == "E100" and "Permission denied" in caught.value.message
