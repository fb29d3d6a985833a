"""The pdfplumber engine's own character records give pdfplumber's lines, wherever the page is.

``_page_chars`` builds the characters the text map needs from pdfminer's
layout instead of ``page.chars``; these tests hold its lines to pdfplumber's
``extract_text_lines`` on pages whose geometry tests the placing: a MediaBox
away from the origin, a rotated page, text inside a form XObject, rotated
text, a CropBox, and several pages (document offsets).
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from courtfacts.corpus._pdf_engines import X_TOLERANCE, _plumber_lines
from courtfacts.corpus.pdf import read_pdf
from tests._files import hand_pdf

TEXT = [
    b"BT /F1 12 Tf 72 720 Td (R v HUGHES - Sentencing Remarks) Tj ET",
    b"BT /F1 11 Tf 72 690 Td (1. You pleaded guilty to two counts of fraud.) Tj ET",
    b"BT /F1 11 Tf 72 675 Td (The sentence is 3 years' imprisonment.) Tj ET",
    b"BT /F1 11 Tf 300 675 Td (in the same row) Tj ET",
    b"BT /F1 8 Tf 290 40 Td (Page 1 of 2) Tj ET",
]
ROTATED_TEXT = b"BT /F1 11 Tf 0 1 -1 0 560 200 Tm (written up the margin) Tj ET"
FORM_TEXT = b"BT /F1 11 Tf 72 500 Td (2. The form draws this paragraph.) Tj ET"

PAGES = {
    "plain": (b"/MediaBox [0 0 612 792]", None, False),
    "mediabox-offset": (b"/MediaBox [40 60 652 852]", None, False),
    "rotated-page": (b"/MediaBox [0 0 612 792] /Rotate 90", None, False),
    "form-xobject": (b"/MediaBox [0 0 612 792]", FORM_TEXT, False),
    "rotated-text": (b"/MediaBox [0 0 612 792]", None, True),
    "cropbox": (b"/MediaBox [0 0 612 792] /CropBox [36 36 576 756]", None, False),
}


def _pdf(tmp_path: Path, name: str) -> Path:
    keys, form, rotated = PAGES[name]
    body = list(TEXT) + ([ROTATED_TEXT] if rotated else [])
    content = b"\n".join(body) + (b"\n/X1 Do" if form else b"")
    second = b"\n".join(TEXT[:2])
    return hand_pdf(tmp_path / f"{name}.pdf", [content, second], keys, form)


def _pdfplumber_lines(page: pdfplumber.page.Page) -> list[tuple[str, float]]:
    rows = page.extract_text_lines(x_tolerance=X_TOLERANCE, return_chars=False)
    return [(row["text"].strip(), float(row["top"])) for row in rows]


@pytest.mark.parametrize("name", list(PAGES))
def test_lines_are_pdfplumbers_own(tmp_path: Path, name: str) -> None:
    with pdfplumber.open(_pdf(tmp_path, name)) as pdf:
        pages = [([(line.text, line.top) for line in _plumber_lines(p)], p) for p in pdf.pages]
        for ours, page in pages:
            assert ours == _pdfplumber_lines(page)
        assert pages[0][0], "the page has text"


def test_text_drawn_by_a_form_is_read_in_its_place(tmp_path: Path) -> None:
    text = read_pdf(_pdf(tmp_path, "form-xobject")).text
    assert "in the same row\n\n2. The form draws this paragraph." in text


def test_a_page_without_characters_has_no_lines(tmp_path: Path) -> None:
    path = hand_pdf(tmp_path / "drawing.pdf", [b"0 0 m 100 100 l S"])
    with pdfplumber.open(path) as pdf:
        assert _plumber_lines(pdf.pages[0]) == []
