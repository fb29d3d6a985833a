"""Shared checks for the reader tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from courtfacts.models import SourceText


def _check_segments(source: SourceText) -> None:
    """Segments index exactly into the text: in order, blocks joined by a blank line."""
    assert source.segments, "a read document has at least one segment"
    assert source.segments[0].start == 0
    assert source.segments[-1].end == len(source.text)
    for segment in source.segments:
        block = source.text[segment.start : segment.end]
        assert block and block == block.strip("\n"), segment
    for before, after in zip(source.segments, source.segments[1:]):
        assert source.text[before.end : after.start] == "\n\n", (before, after)


@pytest.fixture()
def check_segments() -> Callable[[SourceText], None]:
    """Assert that a document's segments map its text block by block."""
    return _check_segments
