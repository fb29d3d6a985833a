"""PDF reader: furniture removal, hyphen joins, paragraph blocks, both engines, auto.

The PDFs are made here with fpdf2. Tables:

- ``DEV``: the behaviour the reader was written for.
- ``BUGS_CAUGHT``: cases that once went wrong; each names what it caught.
- ``DIAGNOSED``: text samples ``diagnose_text`` must pass or judge broken
  (issue #14), the reason's key words given; a broken reading by pdfium is
  simulated by replacing its page reader, since pdfium reads every PDF fpdf2
  writes correctly.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fpdf import FPDF

from courtfacts.corpus import _pdf_engines as engines
from courtfacts.corpus.pdf import Line, diagnose_text, join_hyphenated, read_pdf, remove_furniture
from courtfacts.errors import ReadError

HEADER = "R v Example - Sentencing Remarks"

# fmt: off
PAGE_ONE = [
    ("12. You pleaded guilty to four counts of fraud by abuse of position. The offending ran"
    " between March 2016 and June 2019 and was a sustained breach of the trust placed in you."),
    ("13. You made 41 payments totalling 3,250 pounds to yourself. The term of impris-\n"
    "onment must reflect a four-\nyear course of dishonest conduct against elderly clients."),
]
LONE_NUMBER, LONE_TEXT = "14", "The least sentence I can impose is one of immediate custody."
PAGE_TWO = "15. The sentence is 6 years' imprisonment on count 1 and 2 years concurrent on the others."
# fmt: on


class _Remarks(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, f"Page {self.page_no()}", align="C")


def _write(pdf: FPDF, text: str) -> None:
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")


@pytest.fixture()
def remarks_pdf(tmp_path: Path) -> Path:
    """Two pages: running header, page-number footer, hyphenation, numbered paragraphs."""
    pdf = _Remarks()
    pdf.set_title("R v Example")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for paragraph in PAGE_ONE:
        _write(pdf, paragraph)
        pdf.ln(5)
    _write(pdf, LONE_NUMBER)
    _write(pdf, LONE_TEXT)
    pdf.add_page()
    _write(pdf, PAGE_TWO)
    path = tmp_path / "remarks.pdf"
    pdf.output(str(path))
    return path


def test_running_header_and_page_footer_are_removed(remarks_pdf: Path) -> None:
    source = read_pdf(remarks_pdf)
    assert HEADER not in source.text
    assert "Page 1" not in source.text and "Page 2" not in source.text
    assert source.meta.headers_removed == 4
    assert source.meta.pages == 2
    assert source.meta.engine == "pdfplumber"
    assert source.meta.title == "R v Example"


def test_hyphenated_word_is_rejoined_and_real_hyphen_kept(remarks_pdf: Path) -> None:
    text = read_pdf(remarks_pdf).text
    assert "term of imprisonment" in text
    assert "impris-" not in text
    assert "a four-year\ncourse" in text


def test_paragraph_numbers_are_on_segments(remarks_pdf: Path, check_segments) -> None:
    source = read_pdf(remarks_pdf)
    check_segments(source)
    by_number = {s.paragraph: source.text[s.start : s.end] for s in source.segments}
    assert by_number["12"].startswith("12. You pleaded guilty")
    assert by_number["13"].startswith("13. You made 41 payments")
    assert by_number["14"] == f"{LONE_NUMBER} {LONE_TEXT}"
    assert "14The" not in source.text


def test_text_on_page_two_has_page_two(remarks_pdf: Path) -> None:
    source = read_pdf(remarks_pdf)
    segment = source.locate(source.text.index("6 years' imprisonment"))
    assert segment is not None and segment.page == 2 and segment.paragraph == "15"
    assert source.locate(source.text.index("41 payments")).page == 1


def test_both_engines_give_the_same_text(remarks_pdf: Path) -> None:
    plumber = read_pdf(remarks_pdf)
    pdfium = read_pdf(remarks_pdf, engine="pdfium")
    assert pdfium.meta.engine == "pdfium"
    assert pdfium.text == plumber.text
    assert pdfium.segments == plumber.segments
    assert pdfium.meta.headers_removed == plumber.meta.headers_removed


def test_unknown_engine_is_misuse(remarks_pdf: Path) -> None:
    with pytest.raises(ValueError, match="unknown PDF engine"):
        read_pdf(remarks_pdf, engine="tesseract")  # type: ignore[arg-type]


# ------------------------------------------------------------------ failures


@pytest.fixture()
def drawing_only_pdf(tmp_path: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 80, 40)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_pdf_without_text_layer_is_e102(drawing_only_pdf: Path, engine: str) -> None:
    with pytest.raises(ReadError) as caught:
        read_pdf(drawing_only_pdf, engine=engine)  # type: ignore[arg-type]
    assert caught.value.code == "E102"
    assert "no text layer" in caught.value.message


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
@pytest.mark.parametrize("damage", ["truncated", "random"])
def test_corrupt_pdf_is_e101(remarks_pdf: Path, tmp_path: Path, damage: str, engine: str) -> None:
    broken = tmp_path / "broken.pdf"
    if damage == "truncated":
        broken.write_bytes(remarks_pdf.read_bytes()[:200])
    else:
        broken.write_bytes(b"%PDF-1.4\n" + os.urandom(4000))
    with pytest.raises(ReadError) as caught:
        read_pdf(broken, engine=engine)  # type: ignore[arg-type]
    assert caught.value.code == "E101"


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_encrypted_pdf_is_e103(tmp_path: Path, engine: str) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.cell(text="Sealed sentencing remarks")
    pdf.set_encryption(owner_password="court", user_password="secret")
    path = tmp_path / "sealed.pdf"
    pdf.output(str(path))
    with pytest.raises(ReadError) as caught:
        read_pdf(path, engine=engine)  # type: ignore[arg-type]
    assert caught.value.code == "E103"


# ------------------------------------------------------- the other engine


@pytest.mark.parametrize(
    ("damage", "engine", "expected"),
    [
        ("junk before the header", "pdfium", "pdfplumber"),  # pdfium gives up after 1 KiB
        ("no xref, no trailer", "pdfplumber", "pdfium"),  # pdfminer finds no /Root
    ],
)
def test_what_one_engine_cannot_open_the_other_reads(
    remarks_pdf: Path, tmp_path: Path, damage: str, engine: str, expected: str
) -> None:
    """Issue #6: the record names the engine that read it, and a W204 warning says why."""
    data = remarks_pdf.read_bytes()
    broken = tmp_path / "damaged.pdf"
    if damage == "junk before the header":
        broken.write_bytes(b"%!PS spooler junk\n" * 120 + data)
    else:
        broken.write_bytes(data[: data.rindex(b"xref")])
    source = read_pdf(broken, engine=engine)  # type: ignore[arg-type]
    assert source.meta.engine == expected
    assert source.meta.warnings[0].startswith(f"W204 PDF read by the fallback engine: {engine}")
    assert "The sentence is 6 years' imprisonment" in source.text


def test_failure_names_both_engines(remarks_pdf: Path, tmp_path: Path) -> None:
    broken = tmp_path / "cut.pdf"
    broken.write_bytes(remarks_pdf.read_bytes()[:600])
    with pytest.raises(ReadError) as caught:
        read_pdf(broken)
    assert caught.value.code == "E101"
    assert "pdfplumber:" in caught.value.message and "pdfium:" in caught.value.message


def test_identical_pages_are_not_all_furniture(tmp_path: Path) -> None:
    """Issue #6: a document of two identical pages once lost every line as "furniture" (E110)."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for _ in range(2):
        pdf.add_page()
        _write(pdf, "1. The sentence is 6 years' imprisonment.")
    path = tmp_path / "copies.pdf"
    pdf.output(str(path))
    assert read_pdf(path).text.count("6 years' imprisonment") == 2


# ---------------------------------------------------------------- the parts

# fmt: off
DEV = [
    (["a term of impris-", "onment"], ["a term of imprisonment"]),
    (["a four-", "year course"], ["a four-year", "course"]),
    (["the co-", "defendant was"], ["the co-defendant", "was"]),
    (["a 12-", "month order"], ["a 12-month", "order"]),
    (["the Anti-", "Slavery Commissioner"], ["the Anti-", "Slavery Commissioner"]),
    (["ends with a dash -", "next"], ["ends with a dash -", "next"]),
]
# fmt: on


@pytest.mark.parametrize(("lines", "expected"), DEV, ids=[" ".join(c[0]) for c in DEV])
def test_join_hyphenated(lines: list[str], expected: list[str]) -> None:
    assert join_hyphenated(lines) == expected


_WORDS = iter(f"{a}{b}" for a in "abcdefghij" for b in "klmnopqrstuvwxyz")


def _page(top: str, bottom: str) -> list[Line]:
    """A page of six distinct body lines, with an optional line above and below."""
    body = [f"the court heard {next(_WORDS)}" for _ in range(6)]
    texts = [t for t in (top, *body, bottom) if t]
    return [Line(text, top=10.0 * i) for i, text in enumerate(texts)]


# fmt: off
FURNITURE = [
    ("bare page numbers", [_page("", "1"), _page("", "2")], 2),
    ("page n of m", [_page("", "Page 1 of 2"), _page("", "Page 2 of 2")], 2),
    ("dashed numbers", [_page("- 1 -", ""), _page("- 2 -", "")], 2),
    ("header and footer", [_page("CA/1/2022", "1 | Page"), _page("CA/1/2022", "2 | Page")], 4),
    ("header on half the pages", [_page("R v X", ""), _page("", ""), _page("R v X", "")], 2),
]
BUGS_CAUGHT = [
    # a paragraph number far from the page's number is kept
    ("paragraph number at an edge", [_page("", "37")], 0),
    # a line on one page only is content, however it looks
    ("single page", [_page("Header", "Footer")], 0),
    # numbered party lists on several pages share their numbers, not their names
    ("numbered body lines", [_page("1. A Perera", "2. B Silva"), _page("1. Demuni", "4. Fernando")], 0),
]
# fmt: on


@pytest.mark.parametrize(
    ("pages", "removed"),
    [case[1:] for case in FURNITURE + BUGS_CAUGHT],
    ids=[case[0] for case in FURNITURE + BUGS_CAUGHT],
)
def test_remove_furniture(pages: list[list[Line]], removed: int) -> None:
    kept, count = remove_furniture(pages)
    assert count == removed
    assert sum(len(page) for page in kept) == sum(len(page) for page in pages) - removed


# ---------------------------------------------------------------------- auto

# fmt: off
PROSE = (
    "The appellant was convicted of murder and sentenced to death. The learned trial judge "
    "failed to consider the evidence of the second witness, who said that he saw the deceased "
    "alive after the appellant had left the house. "
)
DIAGNOSED = [
    ("english prose", PROSE * 3, None),
    ("sinhala unicode, shared corpus 1138", "ප්\u200dර: තාත්තා කිව්වාද අම්මාට කෙටුවා කිො?\n" * 12, None),
    ("garbage too short to judge", "\ufffd\ufffd x", None),
    ("a few symbol-font bullets", PROSE * 3 + "\uf0b7 item \uf0b7 item", None),
    ("replacement characters", "\ufffd\ufffd\ufffd \ufffd\ufffd \ufffd\ufffd\ufffd\ufffd " * 15, "garbled"),
    ("private-use glyphs", PROSE + "\ue021\ue034\ue009\ue011 \ue002\ue0a3 " * 30, "garbled"),
    ("control characters", "\x01\x05\x03\x07 \x0e\x11\x12 " * 20, "garbled"),
    ("(cid:NN) sequences", "(cid:36)(cid:83)(cid:83)(cid:72) (cid:79)(cid:79) " * 15, "(cid:NN)"),
    ("letters forming no words", "Xkwq bRtz pLmnrt zzqv WtkQ gHjkl mnbvcx " * 12, "word-like"),
    ("one character per line", "\n".join("Thesentenceisfouryears" * 3), "one character"),
    ("letters spaced apart", " ".join("The sentence is four years imprisonment") * 3, "single letters"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "broken"), [case[1:] for case in DIAGNOSED], ids=[case[0] for case in DIAGNOSED]
)
def test_diagnose_text(text: str, broken: str | None) -> None:
    reason = diagnose_text([text])
    if broken is None:
        assert reason is None
    else:
        assert reason is not None and broken in reason


def test_auto_reads_a_sound_pdf_with_pdfium(remarks_pdf: Path) -> None:
    auto = read_pdf(remarks_pdf, engine="auto")
    assert auto.meta.engine == "pdfium"
    assert auto.meta.warnings == []
    assert auto.text == read_pdf(remarks_pdf, engine="pdfium").text


def _broken(pages: list[list[Line]]) -> list[list[Line]]:
    """Each line's letters as private-use code points: a font without a Unicode map."""
    return [
        [
            Line("".join(chr(0xE000 + ord(c)) if c.isalpha() else c for c in line.text), line.top)
            for line in lines
        ]
        for lines in pages
    ]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ("garbled", "garbled encoding"),
        ("page 2 empty", "no text on page(s) 2, where pdfplumber finds characters"),
    ],
)
def test_auto_falls_back_when_pdfium_text_looks_broken(
    remarks_pdf: Path, monkeypatch: pytest.MonkeyPatch, damage: str, reason: str
) -> None:
    read_with_pdfium = engines._pdfium_pages

    def broken_pdfium(path: Path) -> tuple[list[list[Line]], str | None]:
        pages, title = read_with_pdfium(path)
        return (_broken(pages) if damage == "garbled" else [pages[0], []]), title

    monkeypatch.setattr(engines, "_pdfium_pages", broken_pdfium)
    auto = read_pdf(remarks_pdf, engine="auto")
    assert auto.meta.engine == "pdfplumber"
    (warning,) = auto.meta.warnings
    assert warning.startswith("W204 PDF read by the fallback engine: pdfium's text looks broken")
    assert reason in warning and warning.endswith("read with pdfplumber")
    assert auto.text == read_pdf(remarks_pdf).text
    assert read_pdf(remarks_pdf, engine="pdfium").meta.engine == "pdfium"  # asked for, kept


def test_auto_keeps_pdfium_when_pdfplumber_cannot_read_either(
    remarks_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_with_pdfium = engines._pdfium_pages

    def broken_pdfium(path: Path) -> tuple[list[list[Line]], str | None]:
        pages, title = read_with_pdfium(path)
        return _broken(pages), title

    def failing_pdfplumber(path: Path) -> tuple[list[list[Line]], str | None]:
        raise ValueError("pdfminer gave up")

    monkeypatch.setattr(engines, "_pdfium_pages", broken_pdfium)
    monkeypatch.setattr(engines, "_plumber_pages", failing_pdfplumber)
    auto = read_pdf(remarks_pdf, engine="auto")
    assert auto.meta.engine == "pdfium"
    (warning,) = auto.meta.warnings
    assert "looks broken" in warning and "pdfplumber: ValueError: pdfminer gave up" in warning


def test_auto_keeps_pdfium_for_a_blank_page(tmp_path: Path) -> None:
    """A page with no characters at all is no sign of a broken reading."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    _write(pdf, PAGE_TWO)
    pdf.add_page()
    path = tmp_path / "blank-last.pdf"
    pdf.output(str(path))
    auto = read_pdf(path, engine="auto")
    assert auto.meta.engine == "pdfium" and auto.meta.pages == 2
    assert auto.meta.warnings == []


def test_auto_uses_pdfplumber_where_pdfium_cannot_open(remarks_pdf: Path, tmp_path: Path) -> None:
    broken = tmp_path / "damaged.pdf"
    broken.write_bytes(b"%!PS spooler junk\n" * 120 + remarks_pdf.read_bytes())
    auto = read_pdf(broken, engine="auto")
    assert auto.meta.engine == "pdfplumber"
    assert auto.meta.warnings[0].startswith(
        "W204 PDF read by the fallback engine: pdfium could not"
    )


def test_reading_loads_only_the_readers_it_needs(tmp_path: Path) -> None:
    """Issue #14: importing ``courtfacts.corpus`` loads no reader library; a PDF loads its engine."""
    script = (
        "import sys, courtfacts.corpus as corpus\n"
        "LIBRARIES = ('pdfplumber', 'pdfminer', 'pypdfium2', 'docx', 'lxml')\n"
        "def loaded(): return [name for name in LIBRARIES if name in sys.modules]\n"
        "print(loaded())\n"
        "corpus.read(sys.argv[1], pdf_engine='pdfium')\n"
        "print(loaded())\n"
    )
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    _write(pdf, PAGE_TWO)
    path = tmp_path / "one.pdf"
    pdf.output(str(path))
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["[]", "['pypdfium2']"]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("The defendant\r\nwas sentenced", [(0, "The defendant"), (14, ""), (15, "was sentenced")]),
        ("a term of impris\ufffeonment", [(0, "a term of impris-"), (17, "onment")]),
        ("eight\x02een months\r\n", [(0, "eight-"), (6, "een months"), (17, ""), (18, "")]),
        ("", [(0, "")]),
    ],
)
def test_pdfium_text_is_cut_at_line_breaks_and_soft_hyphens(
    text: str, pieces: list[tuple[int, str]]
) -> None:
    """Each piece starts where its text starts in pdfium's page text; a soft hyphen
    is kept as "-" at the end of the piece it breaks."""
    assert list(engines._pdfium_pieces(text)) == pieces
