"""Readers: one per format, each turning a file into one ``SourceText``.

``read(path)`` picks the reader by sniffing the file's first bytes and, only
when the content says nothing, by its suffix; a reader raises ``ReadError``
with a stable code when the file cannot be read. ``read(path, pdf_engine=...)``
chooses the PDF engine (``PDF_ENGINES``); each gives the same document model.

Importing this package loads no reader library: each reader module (and with
it pdfplumber, pypdfium2, python-docx or lxml) is imported when its format is
first read, so a run over text files never pays for the others.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import get_args

from courtfacts.corpus._pdf_engines import Engine
from courtfacts.corpus._source import make_doc_id
from courtfacts.corpus.sniff import sniff_format
from courtfacts.errors import ReadError
from courtfacts.models import Format, SourceText


def _deferred(fmt: Format) -> Callable[[Path], SourceText]:
    """``courtfacts.corpus.<fmt>.read_<fmt>``, its module imported on the first call."""
    module, name = f"courtfacts.corpus.{fmt}", f"read_{fmt}"

    def read_format(path: Path) -> SourceText:
        return getattr(importlib.import_module(module), name)(path)

    read_format.__name__ = read_format.__qualname__ = name
    read_format.__doc__ = f"``{module}.{name}``, imported when first called."
    return read_format


READERS: dict[Format, Callable[[Path], SourceText]] = {
    fmt: _deferred(fmt) for fmt in get_args(Format)
}

_FAILURE_CODES: dict[Format, str] = {
    "pdf": "E101",
    "docx": "E104",
    "html": "E105",
    "xml": "E106",
    "text": "E107",
}
PDF_ENGINES: tuple[Engine, ...] = get_args(Engine)
"""The PDF engines ``read`` accepts; the first is the default."""
UNEXPECTED = "unexpected failure"
"""Marks the message of a failure no reader anticipated: a bug to report."""

SUFFIXES: dict[str, Format] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xml": "xml",
    ".akn": "xml",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".story": "text",
}


def read(path: Path | str, pdf_engine: Engine = "pdfplumber") -> SourceText:
    """Read one document, whatever its format.

    Args:
        path: the file to read.
        pdf_engine: the engine that reads a PDF, one of ``PDF_ENGINES``.

    Returns:
        The document's text, segments and metadata.

    Raises:
        ReadError: the file is missing, empty, of no supported format, or broken;
            any other failure inside a reader also comes out as a ``ReadError``,
            with the format's code and ``UNEXPECTED`` in its message.
        ValueError: ``pdf_engine`` is not one of ``PDF_ENGINES`` (misuse, whatever the file).
    """
    if pdf_engine not in PDF_ENGINES:
        raise ValueError(f"unknown PDF engine {pdf_engine!r}: use one of {', '.join(PDF_ENGINES)}")
    path = Path(path)
    if not path.is_file():
        raise ReadError("E100", f"{path} is not a readable file")
    fmt: Format | None = None
    try:
        fmt = sniff_format(path)
        if fmt == "pdf":
            from courtfacts.corpus.pdf import read_pdf

            return read_pdf(path, engine=pdf_engine)
        return READERS[fmt](path)
    except (ReadError, MemoryError):
        raise  # out of memory is the batch's to report (E502), not a broken file
    except OSError as exc:
        raise ReadError("E100", f"{path.name} cannot be read ({exc.strerror or exc})") from exc
    except Exception as exc:
        code = _FAILURE_CODES[fmt] if fmt else "E108"
        where = f"the {fmt} reader" if fmt else "format sniffing"
        detail = f"{type(exc).__name__}: {str(exc)[:200]}"
        raise ReadError(code, f"{path.name}: {UNEXPECTED} in {where} ({detail})") from exc


__all__ = [
    "PDF_ENGINES",
    "READERS",
    "SUFFIXES",
    "UNEXPECTED",
    "make_doc_id",
    "read",
    "sniff_format",
]
