"""Files the tests share (imported, not collected)."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

SHARED_DOCS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "docs"
needs_shared_docs = pytest.mark.skipif(not SHARED_DOCS.is_dir(), reason="../shared is absent")

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def hand_pdf(
    path: Path,
    contents: list[bytes],
    page_keys: bytes = b"/MediaBox [0 0 612 792]",
    form: bytes | None = None,
) -> Path:
    """Write a PDF object by object: one page per content stream, font ``/F1`` (Helvetica).

    Args:
        path: where to write it.
        contents: each page's content stream, uncompressed.
        page_keys: entries every page dictionary gets (its boxes, a ``/Rotate``).
        form: a form XObject's content stream, drawn by ``/X1 Do``.
    """
    pages = len(contents)
    first_page = 3
    form_number = first_page + 2 * pages
    font_number = form_number + 1
    xobjects = b" /XObject << /X1 %d 0 R >>" % form_number if form is not None else b""
    resources = b"/Resources << /Font << /F1 %d 0 R >>%s >>" % (font_number, xobjects)
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(pages))
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
    ]
    for index, content in enumerate(contents):
        bodies.append(
            b"<< /Type /Page /Parent 2 0 R %s /Contents %d 0 R %s >>"
            % (page_keys, first_page + 2 * index + 1, resources)
        )
        bodies.append(_stream(b"", content))
    form_resources = b"/Resources << /Font << /F1 %d 0 R >> >>" % font_number
    bodies.append(
        _stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + form_resources, form)
        if form is not None
        else b"<< >>"
    )
    bodies.append(HELVETICA)
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(bodies, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1,
        xref,
    )
    path.write_bytes(bytes(data))
    return path


def _stream(keys: bytes, content: bytes) -> bytes:
    packed = zlib.compress(content, 9)
    return (
        b"<< %s/Length %d /Filter /FlateDecode >>\nstream\n" % (keys, len(packed))
        + packed
        + b"\nendstream"
    )


def slow_pdf(path: Path, objects: int = 200_000) -> Path:
    """Write a valid one-page PDF that pdfminer needs many seconds to lay out."""
    return hand_pdf(path, [b"BT /F1 1 Tf " + b"1 0 0 1 10 10 Tm (x) Tj " * objects + b"ET"])
