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


# Issue #6, hostile input. BUGS_CAUGHT: texts once refused as binary or
# decoded in the wrong code page (each row names what went wrong).
# fmt: off
BUGS_CAUGHT = [
    ("U+0085 was binary (E108)", "He was jailed\u0085for four years.".encode(), "He was jailed\u0085for four years."),
    ("one control char was binary", b"He was jailed for four years.\x01", "He was jailed for four years.\x01"),
    ("cp1250 read as cp1252", "Sąd skazał oskarżonego na cztery lata.".encode("cp1250"), "Sąd skazał oskarżonego na cztery lata."),
    ("iso8859-2 read as iso8859-4", "Sąd skazał oskarżonego; żółć gęślą jaźń.".encode("iso8859_2"), "Sąd skazał oskarżonego; żółć gęślą jaźń."),
    ("cp1254 read as cp1252", "Mahkeme sanığı dört yıl hapis cezasına çarptırdı.".encode("cp1254"), "Mahkeme sanığı dört yıl hapis cezasına çarptırdı."),
    ("shift_jis read as Korean", "被告人は懲役二年に処する。判決を言い渡した。".encode("shift_jis"), "被告人は懲役二年に処する。判決を言い渡した。"),
    ("euc-jp read as Korean", "被告人は懲役二年に処する。判決を言い渡した。".encode("euc_jp"), "被告人は懲役二年に処する。判決を言い渡した。"),
    ("utf-16-le without BOM", "Fined £300 – Zoë".encode("utf-16-le"), "Fined £300 – Zoë"),
    ("utf-16-be without BOM", "Fined £300 – Zoë".encode("utf-16-be"), "Fined £300 – Zoë"),
    ("cp1252 ending in é is no cut UTF-8", "Fined at the café".encode("cp1252"), "Fined at the café"),
    ("latin-1 German", "Haft wegen Betrugs in München.".encode("latin-1"), "Haft wegen Betrugs in München."),
]
# fmt: on


@pytest.mark.parametrize(
    ("data", "expected"), [c[1:] for c in BUGS_CAUGHT], ids=[c[0] for c in BUGS_CAUGHT]
)
def test_decoding_bugs_caught(tmp_path: Path, data: bytes, expected: str) -> None:
    source = read_text(_write(tmp_path, data))
    assert source.text == expected
    assert source.meta.warnings == []


# fmt: off
DAMAGED = [
    ("flipped byte", "Fined £300 – “fair”.".encode().replace(b"ined", b"i\xffed"), "Fi\ufffded £300 – “fair”."),
    ("cut last character", "Fined £300 – Zoë".encode()[:-1], "Fined £300 – Zo\ufffd"),
    ("odd-length utf-16", "Fined £300".encode("utf-16")[:-1], "Fined £30\ufffd"),
]
# fmt: on


@pytest.mark.parametrize(
    ("data", "expected"), [c[1:] for c in DAMAGED], ids=[c[0] for c in DAMAGED]
)
def test_damaged_text_keeps_its_encoding_with_w203(
    tmp_path: Path, data: bytes, expected: str
) -> None:
    """Issue #6: one bad byte once turned a whole UTF-8 file into cp1252 mojibake."""
    source = read_text(_write(tmp_path, data))
    assert source.text == expected
    assert [warning[:4] for warning in source.meta.warnings] == ["W203"]


def test_text_over_the_size_bound_is_e111(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("courtfacts.corpus._source.MAX_MARKUP_BYTES", 100)
    with pytest.raises(ReadError) as caught:
        read_text(_write(tmp_path, REPORT.encode() * 10))
    assert caught.value.code == "E111"
