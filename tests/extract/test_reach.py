"""``extract/reach.py`` (issue 14): how far a match can stretch, and the windows it gives.

Groups:
    DEV: hand-made regexes with their bound worked out by hand, the space
        table the bounds rely on, and every rule of the pattern files over
        hand texts and the corpus: every match is no longer than its bound
        and starts in a window of its required words (plain tests below).
"""

from __future__ import annotations

import re
import sys
from re import _parser as sre_parse

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courtfacts.extract.needles import Haystack, Needle
from courtfacts.extract.reach import _LAST_SPACE, Runs, Width, bound
from courtfacts.extract.scanner import find_matches
from courtfacts.patterns import compile_entry, load_patterns
from tests._files import needs_shared_docs

ENTRIES = load_patterns()


def test_no_character_past_the_last_space_is_a_space() -> None:
    assert not any(chr(code).isspace() for code in range(_LAST_SPACE + 1, sys.maxunicode + 1))
    assert all(
        bool(re.match(r"\s", chr(code))) == chr(code).isspace() for code in range(_LAST_SPACE + 1)
    )


# fmt: off
BOUNDS = [
    (r"\d+", 0, Width(words=1)),
    (r"\s+", 0, Width(spaces=1)),
    (r"[ \t]+", 0, Width(spaces=1)),
    (r"[^)\n]{1,30}", 0, Width(chars=30)),
    (r".+", 0, Width(lines=1)),                       # never a line break
    (r".+", re.DOTALL, None),                          # anything at all
    (r"(?:\w+\s+){0,4}", 0, Width(words=4, spaces=4)),
    (r"(?:[A-Z][a-z]+ )+", 0, Width(lines=1)),         # spaces, yet no line break
    (r"a|bcd", 0, Width(chars=3)),
    (r"(?=abcdef)d\b", 0, Width(chars=1)),             # a lookahead consumes nothing
    (r"(a)\1", 0, None),                               # a back reference: not bounded
    (r"four\s+years?(?:\s+imprisonment)?", re.IGNORECASE, Width(chars=21, spaces=2)),
]
# fmt: on


@pytest.mark.parametrize(("pattern", "flags", "width"), BOUNDS, ids=[b[0] for b in BOUNDS])
def test_bounds_are_read_from_the_parse_tree(pattern: str, flags: int, width: Width | None) -> None:
    assert bound(sre_parse.parse(pattern, flags), flags) == width


def test_runs_are_the_longest_of_a_text() -> None:
    assert Runs.of("He was\tjailed  for\n\nfour years.") == Runs(words=6, lines=18, spaces=2)
    assert Runs.of("") == Runs(0, 0, 0)


TEXT = st.lists(
    st.sampled_from(["He", "was", "jailed", "for", "4", "years", " ", "\n", "\t", "(x)", "Ann"]),
    max_size=30,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_no_match_is_longer_than_its_bound(text: str) -> None:
    runs = Runs.of(text)
    for pattern, flags, width in BOUNDS:
        if width is None:
            continue
        for match in re.finditer(pattern, text, flags):
            assert len(match.group()) <= width.within(runs), (pattern, text)


def _check_windows(text: str) -> None:
    """Every match of every rule starts in a window of its needle; and searching only
    the windows finds what ``finditer`` finds."""
    haystack = Haystack(text)
    for entry in ENTRIES:
        regex = compile_entry(entry)
        needle = Needle.of(regex)
        windows = None if needle is None else needle.windows(haystack)
        if windows is None:
            continue
        matches = list(regex.finditer(text))
        for match in matches:
            assert any(first <= match.start() <= last for first, last in windows), entry.id
        found = [m.span() for m in find_matches(regex, text, windows)]
        assert found == [m.span() for m in matches], entry.id


def test_every_example_starts_in_a_window_of_its_rule() -> None:
    for entry in ENTRIES:
        _check_windows("\n".join(entry.examples + entry.counter_examples))


def test_a_rule_with_its_words_far_off_is_not_found_by_its_windows() -> None:
    regex = re.compile(r"\d+\s+months?\s+suspended", re.IGNORECASE)
    needle = Needle.of(regex)
    assert needle is not None
    text = "jailed for 18 months. " + "and so on " * 40 + "Suspended for two years."
    windows = needle.windows(Haystack(text))
    assert windows is not None and len(windows) == 1
    assert windows[0][1] == text.index("Suspended")
    assert list(find_matches(regex, text, windows)) == []


@needs_shared_docs
def test_every_match_on_real_documents_starts_in_a_window(
    corpus_texts: list[tuple[str, str]],
) -> None:
    assert len(corpus_texts) >= 10
    for _, text in corpus_texts:
        _check_windows(text)
