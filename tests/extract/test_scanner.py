"""``extract/scanner.py`` (issue 14): faster matching that finds exactly what ``finditer`` finds.

Groups:
    DEV: the case table the start classes rely on, hand-made regexes, and
        every rule of the pattern files and the offence vocabulary over the
        corpus texts (plain tests below).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from courtfacts.corpus import SUFFIXES, read
from courtfacts.errors import ReadError
from courtfacts.extract import ruler
from courtfacts.extract.needles import Haystack
from courtfacts.extract.offence_vocabulary import vocabulary
from courtfacts.extract.scanner import _FOLDS, find_matches, leading_macro, match_starts
from courtfacts.patterns import compile_entry, expand, load_patterns, macros

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "examples", ROOT.parent / "shared" / "corpus" / "docs"]
_EVERY_CHARACTER = "".join(
    chr(code) for code in range(0x80, sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
)


def _texts() -> list[str]:
    texts = []
    for folder in DOCUMENTS:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.suffix.lower() in SUFFIXES:
                try:
                    texts.append(read(path, pdf_engine="pdfium").text)
                except ReadError:
                    continue
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = _texts()
    examples = [e for entry in load_patterns() for e in entry.examples + entry.counter_examples]
    return [*found, "\n".join(examples)]


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.group(), m.groups(), m.groupdict()) for m in matches]


def test_only_the_folded_letters_match_ascii_letters_beyond_ascii() -> None:
    for letter in "abcdefghijklmnopqrstuvwxyz":
        found = re.findall(letter, _EVERY_CHARACTER, re.IGNORECASE)
        assert "".join(sorted(found)) == "".join(sorted(_FOLDS.get(letter, ""))), letter


# fmt: off
HAND_MADE = [
    (r"\b(?:£|\d)\d*", 0, "£12 and 3 or x4 £"),
    (r"(?<!x)ok", re.IGNORECASE, "OK xok oK \u212a oK"),
    (r"(?-i:P)x|[a-c]{2,}", re.IGNORECASE, "Px px ABC ab a Pxab"),
    (r"(?:ab)+c?", re.IGNORECASE, "ababc abab aBc"),
    (r"s\w+", re.IGNORECASE, "Sing \u017fing sIng"),
]
# fmt: on


@pytest.mark.parametrize(("pattern", "flags", "text"), HAND_MADE, ids=[p for p, _, _ in HAND_MADE])
def test_hand_made_regexes_match_as_finditer(pattern: str, flags: int, text: str) -> None:
    regex = re.compile(pattern, flags)
    assert match_starts(regex) is not None
    assert _spans(find_matches(regex, text)) == _spans(regex.finditer(text))


def test_a_regex_that_can_match_nothing_is_not_led() -> None:
    assert match_starts(re.compile(r"a*")) is None
    assert list(find_matches(re.compile(r"a*"), "baa")) != []


def test_every_rule_matches_as_finditer(texts: list[str]) -> None:
    regexes = [compile_entry(entry) for entry in load_patterns()]
    regexes += [rule.regex for rule in vocabulary().rules]
    regexes += [regex for code in vocabulary().codes for regex in code.regexes]
    for regex in regexes:
        for text in texts:
            expected = _spans(regex.finditer(text))
            assert _spans(find_matches(regex, text)) == expected, regex.pattern[:80]


def _tried_everywhere(entry, text: str) -> list[tuple]:
    """A rule's matches as plain ``re`` finds them: at number starts for a number-anchored rule."""
    regex = compile_entry(entry)
    if entry.anchor != "number":
        return _spans(regex.finditer(text))
    found, reached = [], 0
    for position in ruler._Starts(text).numbers:
        if position >= reached and (match := regex.match(text, position)):
            found.append(match)
            reached = max(match.end(), position + 1)
    return _spans(found)


def test_every_rule_matches_in_the_ruler_as_tried_everywhere(texts: list[str]) -> None:
    """Rules led by a macro are tried only where it starts, yet find every match."""
    for text in texts:
        starts, haystack = ruler._Starts(text), Haystack(text)
        for entry in load_patterns():
            expected = _tried_everywhere(entry, text)
            assert _spans(ruler._matches(entry, haystack, starts)) == expected, entry.id


@pytest.mark.parametrize(
    ("pattern", "lead"),
    [
        (r"(?P<term>{TERM})\s+(?:imprisonment|custody)", "TERM"),
        (r"(?:(?P<d>{DUR})\s+of\s+)probation", "DUR"),
        (r"(?:{TERM}|life)\s+imprisonment", None),  # one alternative among two
        (r"(?:{TERM})?\s*imprisonment", None),  # optional
        (r"(?i:{TERM})\s+jail", None),  # a group that sets flags
        (r"about\s+{TERM}", None),  # not first
    ],
)
def test_a_rule_is_led_by_a_macro_only_when_every_match_starts_with_it(
    pattern: str, lead: str | None
) -> None:
    assert leading_macro(expand(pattern), re.IGNORECASE, macros()) == lead
