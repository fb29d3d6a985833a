"""Text reader: decoding without damage, the dateline, the headline, blocks."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from courtfacts.corpus import read
from courtfacts.corpus.text import decode_text, read_text
from courtfacts.errors import ReadError

REPORT = (
    "Builder fined after fraud\n"
    "date 2024-02-15\n"
    "A builder was fined £300.\n"
    "\n"
    "\n"
    "His co-defendant was fined £500.\n"
)


def _write(tmp_path: Path, data: bytes, name: str = "report.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_dateline_headline_and_blocks(tmp_path: Path, check_segments) -> None:
    source = read_text(_write(tmp_path, REPORT.encode("utf-8")))
    check_segments(source)
    assert source.meta.document_date == "2024-02-15"
    assert source.meta.title == "Builder fined after fraud"
    assert source.text == (
        "Builder fined after fraud\ndate 2024-02-15\nA builder was fined £300.\n\n"
        "His co-defendant was fined £500."
    )
    assert len(source.segments) == 2


# fmt: off
DATELINES = [
    (" date 2020-11-09 The findings of the report were clear.\n\nBody.", "2020-11-09", None),
    ("date 2012-12-12\nBy\nDaily Mail Reporter\n", "2012-12-12", None),
    ("Headline\n\nStandfirst\ndate 2020-09-04\nBody", "2020-09-04", "Headline"),
    ("a\nb\nc\nd\ne\ndate 2020-01-01\n", None, None),
    ("Headline\ndate 2020-02-30\nBody", None, None),
    ("He was sentenced on the date 2020-01-01.\n", None, None),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "document_date", "title"),
    DATELINES,
    ids=["indented, text after", "first line", "headline above", "too far down",
         "impossible date", "not a dateline"],
)  # fmt: skip
def test_datelines(tmp_path: Path, text: str, document_date: str | None, title: str | None) -> None:
    source = read_text(_write(tmp_path, text.encode("utf-8")))
    assert source.meta.document_date == document_date
    assert source.meta.title == title
    if document_date:
        assert f"date {document_date}" in source.text  # kept: it is a date mention


# fmt: off
ENCODINGS = [
    ("cp1252 pound sign", "Fined £300 – a fair sentence".encode("cp1252"), "Fined £300 – a fair sentence"),
    ("cp1252 short", "£300".encode("cp1252"), "£300"),
    ("utf-8 with BOM", codecs.BOM_UTF8 + "Fined £300".encode(), "Fined £300"),
    ("utf-16 with BOM", "Fined £300\r\nPaid".encode("utf-16"), "Fined £300\nPaid"),
    ("utf-16-be with BOM", codecs.BOM_UTF16_BE + "Fined £300".encode("utf-16-be"), "Fined £300"),
    ("crlf", b"One\r\nTwo\r\n\r\nThree", "One\nTwo\n\nThree"),
]
# fmt: on


@pytest.mark.parametrize(
    ("data", "expected"), [c[1:] for c in ENCODINGS], ids=[c[0] for c in ENCODINGS]
)
def test_decoding(tmp_path: Path, data: bytes, expected: str) -> None:
    source = read_text(_write(tmp_path, data))
    assert source.text == expected
    assert source.meta.warnings == []


def test_binary_junk_is_e107(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        read_text(_write(tmp_path, bytes(range(256)) * 8))
    assert caught.value.code == "E107"


def test_control_characters_are_not_text() -> None:
    with pytest.raises(ReadError) as caught:
        decode_text(b"\x01\x02\x03\x04 looks odd \x05\x06\x07\x08" * 20)
    assert caught.value.code == "E107"


def test_metadata(tmp_path: Path) -> None:
    path = _write(tmp_path, REPORT.encode("utf-8"), name="Report (final) v2.story")
    source = read(path)
    assert source.kind == "text" and source.meta.format == "text"
    assert source.doc_id == "Report__final__v2"
    assert source.meta.source == str(path)
