"""DOCX reader: order, automatic numbering, tables, title, broken and bomb archives."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from courtfacts.corpus import docx as docx_reader
from courtfacts.corpus import read
from courtfacts.corpus.docx import read_docx
from courtfacts.errors import ReadError


@pytest.fixture()
def judgment_docx(tmp_path: Path) -> Path:
    """A short judgment: heading, auto-numbered paragraphs, a bullet, a table."""
    document = docx.Document()
    document.core_properties.title = "R v Example"
    document.add_paragraph("Neutral Citation Number: [2022] EWCA Crim 1234")
    document.add_paragraph("The appellant pleaded guilty to three counts.", style="List Number")
    document.add_paragraph("He was sentenced to 5 years' imprisonment.", style="List Number")
    document.add_paragraph("a point in passing", style="List Bullet")
    document.add_paragraph("12. This paragraph writes its own number.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Count"
    table.cell(0, 1).text = "Sentence"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "3 years 6 months"
    document.add_paragraph("The appeal is allowed.", style="List Number")
    path = tmp_path / "judgment.docx"
    document.save(str(path))
    return path


def test_paragraphs_and_table_rows_in_order(judgment_docx: Path, check_segments) -> None:
    source = read_docx(judgment_docx)
    check_segments(source)
    blocks = [source.text[s.start : s.end] for s in source.segments]
    assert blocks == [
        "Neutral Citation Number: [2022] EWCA Crim 1234",
        "1. The appellant pleaded guilty to three counts.",
        "2. He was sentenced to 5 years' imprisonment.",
        "a point in passing",
        "12. This paragraph writes its own number.",
        "Count\tSentence",
        "1\t3 years 6 months",
        "3. The appeal is allowed.",
    ]
    assert [s.paragraph for s in source.segments] == [
        None, "1", "2", None, "12", None, None, "3"
    ]  # fmt: skip


def test_metadata(judgment_docx: Path) -> None:
    source = read(judgment_docx)
    assert source.kind == "docx" and source.meta.format == "docx"
    assert source.meta.title == "R v Example"
    assert source.doc_id == "judgment"
    assert len(source.meta.sha256) == 64


def test_broken_archive_is_e104(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.code == "E104"


def test_zip_without_word_body_is_e104(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a word document")
    with pytest.raises(ReadError) as caught:
        read_docx(path)
    assert caught.value.code == "E104"


def test_archive_over_the_size_bound_is_e111(
    judgment_docx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED_BYTES", 1000)
    with pytest.raises(ReadError) as caught:
        read_docx(judgment_docx)
    assert caught.value.code == "E111"


def test_highly_compressed_archive_is_e111(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>" + " " * 2_000_000)
    with pytest.raises(ReadError) as caught:
        read_docx(path)
    assert caught.value.code == "E111"
    assert "zip bomb" in caught.value.message


def _with_body(path: Path, change) -> Path:
    """A copy of a DOCX with its body part changed."""
    changed = path.with_name("changed.docx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(changed, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            out.writestr(item, change(data) if item.filename == "word/document.xml" else data)
    return changed


def test_body_with_a_dtd_is_refused(judgment_docx: Path) -> None:
    """Issue #6: an unexpanded entity once hid the rest of its paragraph; Word writes no DTD."""
    doctype = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'

    def change(xml: bytes) -> bytes:
        end = xml.index(b"?>") + 2
        return xml[:end] + doctype + xml[end:].replace(b"<w:t>", b"<w:t>&xxe;", 1)

    with pytest.raises(ReadError) as caught:
        read_docx(_with_body(judgment_docx, change))
    assert caught.value.code == "E104" and "DTD" in caught.value.message


def test_body_nested_too_deeply_is_e112(judgment_docx: Path) -> None:
    nested = b"<w:sdt><w:sdtContent>" * 300
    path = _with_body(judgment_docx, lambda xml: xml.replace(b"<w:body>", b"<w:body>" + nested))
    with pytest.raises(ReadError) as caught:
        read_docx(path)
    assert caught.value.code == "E112"
