"""Properties every reader keeps on arbitrary bytes (issue #6), checked with hypothesis.

1. ``read`` gives a ``SourceText`` whose segments index its text, or raises
   ``ReadError`` with a read code (``E1xx``) and the file's name in its
   message; never another exception, and never the catch-all of a reader
   that failed in a way nobody anticipated (``UNEXPECTED``).
2. ``decode_text`` gives text or raises ``ReadError`` ``E107``.

Bytes come plain, and behind the openings that send them to each reader
(``%PDF-``, a zip header, ``<?xml``, ``<html>``, a BOM), under every suffix.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courtfacts.corpus import SUFFIXES, UNEXPECTED, read
from courtfacts.corpus.text import decode_text
from courtfacts.errors import ReadError

PROPERTY = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
OPENINGS = st.sampled_from([
    b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<?xml version='1.0'?>", b"<!DOCTYPE html><html><body>",
    b"<akomaNtoso>", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
    b"<html><body>" + b"<div>" * 300,
])  # fmt: skip
TAILS = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=500).map(lambda text: text.encode("utf-8", "surrogatepass")),
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("arbitrary")


@PROPERTY
@given(opening=OPENINGS, tail=TAILS, suffix=st.sampled_from(sorted(SUFFIXES)))
def test_read_gives_text_or_a_coded_error(
    folder: Path, opening: bytes, tail: bytes, suffix: str
) -> None:
    path = folder / f"arbitrary{suffix}"
    path.write_bytes(opening + tail)
    try:
        source = read(path)
    except ReadError as error:
        assert error.code.startswith("E1"), error
        assert path.name in error.message, error
        assert UNEXPECTED not in error.message, error
        return
    assert source.text.strip()
    for segment in source.segments:
        assert 0 <= segment.start < segment.end <= len(source.text)


@PROPERTY
@given(data=TAILS)
def test_decode_text_gives_text_or_e107(data: bytes) -> None:
    try:
        text, encoding, warnings = decode_text(data)
    except ReadError as error:
        assert error.code == "E107", error
        return
    assert isinstance(text, str) and codecs.lookup(encoding)
    assert all(warning.startswith("W203") for warning in warnings)
