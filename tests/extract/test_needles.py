"""Required words: derived from each regex, and skipping with them never loses a match."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courtfacts.extract import needles, ruler
from courtfacts.extract.needles import (
    ASCII_LOOKALIKES,
    DIGITS,
    Haystack,
    Needle,
    required_words,
)
from courtfacts.extract.reach import Width
from courtfacts.extract.scanner import find_matches
from courtfacts.extract.sentences import sentence_spans
from courtfacts.patterns import PatternEntry, compile_entry, load_patterns
from tests._files import needs_shared_docs

ROOT = Path(__file__).resolve().parents[2]
ENTRIES = load_patterns()


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"(?P<term>\d+) months? suspended", (" suspended",)),
        (r"\d+\s+suspended\s+for", ("suspended",)),
        (r"\d+\s+(?:payments?|transfers?)\b", ("payment", "transfer")),
        (r"offen[cs]es", ("offences", "offenses")),  # a small class still extends the word
        (r"(?:sentenced\s+)+to", ("sentenced",)),  # repeated at least once: required
        (r"\bjailed\b", ("jailed",)),
        (r"(?:a|the)\s+(?:fine|fined|fining)\b", ("fin",)),  # the parser factors the prefix out
    ],
)
def test_required_words_are_read_from_the_regex(pattern: str, words: tuple[str, ...]) -> None:
    assert required_words(re.compile(pattern, re.IGNORECASE)) == words


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:suspended\s+)?\w+",  # optional: not required
        r"(?:suspended\s+)*\w+",  # may repeat zero times
        r"(?=suspended)\w+",  # inside a lookahead: matched, not consumed
        r"(?<!suspended\s)\w+",  # a negative lookbehind: absent by definition
        r"\w+\s+(?:months|\w+)",  # one alternative has no word
        r"\w+\s+a\b",  # too short to be worth a search
        r"\w+",
    ],
)
def test_no_word_is_claimed_where_none_is_required(pattern: str) -> None:
    assert required_words(re.compile(pattern, re.IGNORECASE)) is None


@pytest.mark.parametrize(
    ("pattern", "before"),
    [
        (r"\d+", 0),
        (r"£\s?\d{1,3}(?:,\d{3})*", 2),  # "£" is too short to search for
        (r"(?:£|US\$)\s?\d+|\d+\s?pounds", 4),  # a word in one alternative, a digit in each
        (r"\d+\s+(?:months|\d+)", 0),
        (r"[0-9]{4}", 0),
    ],
)
def test_a_rule_that_needs_only_a_digit_is_sought_near_digits(pattern: str, before: int) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    assert required_words(regex) == (DIGITS,)
    assert needles.word_offset(regex) == Width(chars=before)


@pytest.mark.parametrize(
    "pattern",
    [r"[\d,]+", r"[^0-9]+", r"(?:\d+)?x", r"\d*", r"five|\w+", r"(?<=\d)x", r"1|2"],
)
def test_no_digit_is_claimed_where_none_is_required(pattern: str) -> None:
    assert required_words(re.compile(pattern)) is None


def test_a_number_in_words_or_in_digits_needs_the_word_or_a_digit() -> None:
    assert required_words(re.compile(r"(?:five|\d+) years")) == (" years",)
    assert required_words(re.compile(r"five|\d+")) == (DIGITS, "five")


def test_a_match_that_starts_inside_a_run_of_digits_is_in_its_window() -> None:
    """A digit's window runs to the last digit of its run: "34" of "12345" starts
    past the run's first digit. ``DIGITS`` is never searched for as text."""
    regex = re.compile(r"\d\d(?!\d)|\d\d(?=\d\d\d)")
    needle = Needle.of(regex)
    assert needle is not None and needle.words == (DIGITS,)
    text = "paid " + "x" * 200 + " 12345 on 7 May" + " y" * 200 + " and digits"
    haystack = Haystack(text)
    windows = needle.windows(haystack)
    start = text.index("12345")
    assert windows == [(start, start + 4), (text.index("7 May"), text.index("7 May"))]
    found = [m.span() for m in find_matches(regex, text, windows)]
    expected = [(start, start + 2), (start + 3, start + 5)]
    assert found == [m.span() for m in regex.finditer(text)] == expected
    assert needle.in_text(Haystack("4 May")) and not needle.in_text(Haystack("four"))
    assert not needle.in_text(Haystack(f"{DIGITS} spelt out"))


def test_lookalikes_are_every_non_ascii_character_a_regex_takes_for_an_ascii_letter() -> None:
    everything = "".join(
        chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000
    )
    assert "".join(re.findall("[a-z]", everything, re.IGNORECASE)) == ASCII_LOOKALIKES


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("He was JAILED for two years.", True),
        ("He was ȷailed for two years.", False),  # dotless j is not j, to regexes either
        ("Sentence ſuspended for two years.", True),  # long s: regexes take it for s
        ("He was sentenced to ımprisonment.", True),  # dotless i
        ("He was sentenced to İMPRISONMENT.", True),  # dotted capital I
        ("He was remanded in custody.", False),
    ],
)
def test_haystack_finds_words_as_the_case_insensitive_regex_would(text: str, found: bool) -> None:
    for pattern in (r"\bjailed\b", r"suspended\s+for", r"sentenced\s+to\s+imprisonment"):
        regex = re.compile(pattern, re.IGNORECASE)
        needle = Needle.of(regex)
        assert needle is not None
        if regex.search(text):
            assert needle.in_text(Haystack(text)), (pattern, text)
    assert (
        any(
            Needle.of(re.compile(p, re.IGNORECASE)).in_text(Haystack(text))  # type: ignore[union-attr]
            for p in (r"\bjailed\b", r"suspended\s+for", r"imprisonment")
        )
        is found
    )


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\d+\s+İSTANBUL", "flights to 5 istanbul"),  # İ lowercases to two characters
        (r"\d+\s+İSTANBUL", "5 İstanbul"),
        (r"fined\s+\d+\s+złoty", "FINED 500 ZŁOTY"),
        (r"\d+\s+años", "15 AÑOS de prisión"),
    ],
)
def test_words_outside_ascii_are_found_as_the_regex_finds_them(pattern: str, text: str) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    needle = Needle.of(regex)
    assert needle is not None and regex.search(text)
    assert needle.in_text(Haystack(text))


def test_a_group_with_its_own_case_rule_is_searched_with_it() -> None:
    kept = Needle.of(re.compile(r"(?-i:Suspended)\s+\d+", re.IGNORECASE))
    assert kept is not None and kept.words == ("Suspended",)
    assert kept.in_text(Haystack("Suspended 18 months"))
    assert not kept.in_text(Haystack("suspended 18 months"))  # nor does the rule match
    ignored = Needle.of(re.compile(r"[A-Z][a-z]+ was (?i:jailed|sentenced)"))
    assert ignored is not None and ignored.ignore_case
    assert ignored.in_text(Haystack("Smith was JAILED"))


def test_case_sensitive_rules_search_case_sensitively() -> None:
    needle = Needle.of(re.compile(r"\bHMP\s+\w+"))
    assert needle is not None
    assert needle.in_text(Haystack("held at HMP Belmarsh"))
    assert not needle.in_text(Haystack("held at hmp belmarsh"))


NEEDLED = [(entry, Needle.of(compile_entry(entry))) for entry in ENTRIES]
NEEDLED = [(entry, needle) for entry, needle in NEEDLED if needle is not None]


def test_most_rules_have_a_required_word() -> None:
    assert len(NEEDLED) >= len(ENTRIES) // 2


@pytest.mark.parametrize(("entry", "needle"), NEEDLED, ids=[e.id for e, _ in NEEDLED])
def test_every_example_of_every_rule_contains_its_needle(
    entry: PatternEntry, needle: Needle
) -> None:
    for example in entry.examples:
        for match in compile_entry(entry).finditer(example):
            assert needle.in_text(Haystack(match.group())), (entry.id, match.group())


def _hits(text: str) -> list[tuple[str, str, int, int]]:
    hits = ruler.match_patterns(text, ENTRIES, sentence_spans(text))
    return [(hit.label, hit.rule, hit.start, hit.end) for hit in hits]


def _unskipped(text: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, int, int]]:
    with monkeypatch.context() as patch:
        patch.setattr(ruler, "_needle", lambda regex: None)
        return _hits(text)


WORDS = st.sampled_from(
    [
        "He", "was", "jailed", "sentenced", "to", "four", "years", "18 months", "suspended",
        "for", "two", "payments", "totalling", "£1,200", "in", "7", "transfers", "counts",
        "of", "fraud", "ſuspended", "ımprisonment", "imprisonment", "life", "minimum", "term",
        "respectively", "community", "order", "fined", "$500", ".", ",", "aged", "31",
    ]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=40))
def test_skipping_rules_never_changes_the_hits(words: list[str]) -> None:
    text = " ".join(words)
    with pytest.MonkeyPatch.context() as patch:
        assert _hits(text) == _unskipped(text, patch)


@needs_shared_docs
def test_skipping_rules_never_changes_the_hits_on_real_documents(
    monkeypatch: pytest.MonkeyPatch, corpus_texts: list[tuple[str, str]]
) -> None:
    assert len(corpus_texts) >= 10
    for name, text in corpus_texts:
        assert _hits(text) == _unskipped(text, monkeypatch), name


def _found_alone(text: str, word: str) -> list[int]:
    """Every place of ``word`` in ``text``, overlaps included, one substring search at a time."""
    places, at = [], text.find(word)
    while at != -1:
        places.append(at)
        at = text.find(word, at + 1)
    return places


def test_every_needle_word_is_placed_in_one_pass_as_searching_for_it_alone() -> None:
    """Overlapping places of one word ("aa" in "aaa"), words inside words, and a word
    made known after the text's pass, which is then searched for alone; which of a
    needle's words a text holds, digits included."""
    needles._WORDS.add(["aa", "he", "the", "theme"], folded=True)
    needles._WORDS.add(["The", "He"], folded=False)
    text = "The aaa theme: he said he knew THEM. Thebes, xyzzy"
    haystack = Haystack(text)
    for word in ("aa", "he", "the", "theme"):
        assert haystack.places(word, True) == _found_alone(text.lower(), word), word
    for word in ("The", "He", "he"):
        assert haystack.places(word, False) == _found_alone(text, word), word
    needles._WORDS.add(["xyzzy"], folded=True)  # after the pass: not in it
    assert haystack.places("xyzzy", True) == [text.index("xyzzy")]
    assert not haystack.has("zebra", True)
    asked = frozenset({"aa", "theme", "zebra", "xyzzy", "qq", DIGITS})
    assert haystack.present(asked, True) == {"aa", "theme", "xyzzy"}
    assert Haystack("Theme 7").present(asked, True) == {"theme", DIGITS}


@needs_shared_docs
def test_one_pass_places_every_rule_word_on_real_documents(
    corpus_texts: list[tuple[str, str]],
) -> None:
    words = {
        (word, needle.folded is not None)
        for entry in load_patterns()
        if (needle := needles.needle_of(compile_entry(entry))) is not None
        for word in (needle.folded or needle.words)
        if word != DIGITS
    }
    assert len(words) > 300
    for name, text in corpus_texts:
        haystack = Haystack(text)
        for word, folded in words:
            expected = _found_alone(text.lower() if folded else text, word)
            assert haystack.places(word, folded) == expected, (name, word)


def test_a_document_is_prepared_once_for_the_ruler_and_the_offences() -> None:
    """``Haystack.of`` gives the same haystack for the very same string, a new one
    for another string, even one equal to it."""
    text = "He admitted two counts of fraud and was jailed for four years."
    first = Haystack.of(text)
    assert Haystack.of(text) is first
    other = "".join(list(text))
    assert other == text and other is not text
    assert Haystack.of(other) is not first
