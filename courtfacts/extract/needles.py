"""Words a rule cannot match without, to skip rules a text gives no chance.

Most rules need a word of their own ("suspended", "payments", "sentenced"),
yet running a rule's regex over a document costs a scan of every character.
``required_words`` reads a compiled regex's parse tree and returns words of
which every match must contain one; a document that has none of them is
skipped by that rule, and every rule's words are found in a document in one
pass (``Haystack``), so asking costs a look-up. A rule that needs no word but
a digit (a sum, a numeric date) is sought near the text's runs of digits.
The words are derived from the regex itself, never written by hand, so
skipping is exact: it can never lose a match. Parsing every rule for them
costs seconds at start-up, so ``build_rule_index`` records them once, for
``patterns/rule_index.json``, with the classes a rule's matches start with
and the macro that leads it (``scanner.match_starts``,
``scanner.leading_macro``); a rule the index knows takes them from it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

# The regex parser Python compiles with (``sre_parse`` before 3.11, which still
# aliases it with a deprecation warning); its tree is the exact truth of a pattern.
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

import ahocorasick

from courtfacts.extract import reach
from courtfacts.extract.reach import Runs, Width
from courtfacts.extract.scanner import ScannedMatch, find_matches, leading_macro, match_starts
from courtfacts.patterns import (
    DeferredRegex,
    expand,
    index_header,
    load_patterns,
    macros,
    rule_key,
)

MOST_ALTERNATIVES = 64
"""Needles with more alternatives than this are not worth searching for."""
SHORTEST_USEFUL = 2
"""Needles shorter than this are in nearly every text; the rule just runs."""
SMALL_SET = 4
"""A character class of at most this many literals (``[cs]``) still extends a word."""
CHARACTERS_PER_WINDOW = 30
"""A text with more places of a rule's words than one per this many characters is
searched whole: each window costs a call, a pass over the text costs less
(``benchmarks/pipeline_cost.py``)."""
DIGITS = "\x00digits"
"""Stands, among a rule's words, for a run of decimal digits (what ``\\d`` matches):
the needle of a rule that needs no word but a digit (an amount, a numeric date),
chosen only where no set of words is required. Its places are the text's digit
runs; it is never searched for as text (no rule spells a NUL)."""
ASCII_LOOKALIKES = "\u0130\u0131\u017f\u212a"
"""The characters outside ASCII that a case-insensitive regex takes for an ASCII
letter (dotted I, dotless i, long s, Kelvin sign); ``str.lower`` does not map
the dotless i and the long s to theirs, so texts with them are searched by regex."""

_Tree = sre_parse.SubPattern | list


def _literal_set(op: object, av: object) -> set[str] | None:
    """The characters a LITERAL or a small literal-only class stands for."""
    if op is sre.LITERAL:
        return {chr(av)}  # type: ignore[arg-type]
    if op is sre.IN and len(av) <= SMALL_SET and all(o is sre.LITERAL for o, _ in av):  # type: ignore[arg-type]
        return {chr(code) for _, code in av}  # type: ignore[union-attr]
    return None


def _is_digit(op: object, av: object) -> bool:
    """Whether a node matches only decimal digits (``\\d``, ``[0-9]``)."""
    if op is not sre.IN or not av:
        return False
    for item_op, item in av:  # type: ignore[attr-defined]
        if item_op is sre.CATEGORY and item is sre.CATEGORY_DIGIT:
            continue
        if item_op is sre.RANGE and 0x30 <= item[0] <= item[1] <= 0x39:
            continue
        if item_op is sre.LITERAL and 0x30 <= item <= 0x39:
            continue
        return False  # NEGATE or anything else
    return True


def _score(words: set[str]) -> tuple[int, int, int]:
    """How good a needle the words make, higher better: any set of words beats one
    with ``DIGITS``; then the longest shortest word, then the fewest alternatives
    (among sets with ``DIGITS``, the fewest alternatives first)."""
    shortest = min(map(len, _searched(words)), default=0)
    if DIGITS in words:
        return 0, -len(words), shortest
    return 1, shortest, -len(words)


def _useful(words: set[str]) -> bool:
    """Whether no word is too short to be worth a search (``SHORTEST_USEFUL``)."""
    return all(len(word) >= SHORTEST_USEFUL for word in _searched(words))


_Found = tuple[set[str], Width | None, bool]
"""Words one of which every match holds, how much a match may consume before the
word begins (None: no bound known), and whether some word is matched ignoring case."""


def _needed(tree: _Tree, flags: int, digits_only: bool = False) -> _Found | None:
    """Words of which every string ``tree`` matches contains one, with how far into
    the match they may begin, or None. Groups that set their own flags are read
    too: a word found where case is ignored is searched for ignoring case. With
    ``digits_only``, only ``DIGITS`` is sought."""
    best: _Found | None = None
    run: set[str] = {""}
    offset: Width | None = Width()  # what the nodes read so far may consume
    run_start = offset
    caseless = bool(flags & re.IGNORECASE)

    def offer(found: _Found | None) -> None:
        nonlocal best
        if found is None:
            return
        words = {word for word in found[0] if word}
        if (
            words
            and len(words) <= MOST_ALTERNATIVES
            and _useful(words)
            and (not digits_only or words == {DIGITS})
            and (best is None or _score(words) > _score(best[0]))
        ):
            best = (words, found[1], found[2])

    for op, av in tree:
        chars = _literal_set(op, av)
        step = reach.step(op, av, flags)
        after = None if step is None or offset is None else offset.plus(step)
        if chars is not None and len(run) * len(chars) <= MOST_ALTERNATIVES:
            run = {head + char for head, char in itertools.product(run, chars)}
            offset = after
            continue
        offer((run, run_start, caseless))
        run, run_start = {""}, after
        if chars is not None:
            run, run_start = set(chars), offset
        elif _is_digit(op, av):
            offer(({DIGITS}, offset, False))
        elif op is sre.SUBPATTERN:
            offer(_inside(_needed(av[3], (flags | av[1]) & ~av[2], digits_only), offset))
        elif op is sre.ATOMIC_GROUP:
            offer(_inside(_needed(av, flags, digits_only), offset))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            offer(_inside(_needed(av[2], flags, digits_only), offset))  # held the first time
        elif op is sre.BRANCH:
            branches = [_needed(branch, flags, digits_only) for branch in av[1]]
            offer(_inside(_any_of(branches), offset))
        offset = after
    offer((run, run_start, caseless))
    return best


def _inside(found: _Found | None, offset: Width | None) -> _Found | None:
    if found is None:
        return None
    before = None if offset is None or found[1] is None else offset.plus(found[1])
    return found[0], before, found[2]


def _any_of(alternatives: list[_Found | None]) -> _Found | None:
    """The words of every alternative, which each match holds one of."""
    words: set[str] = set()
    before: Width | None = Width()
    caseless = False
    for found in alternatives:
        if found is None:
            return None
        words |= found[0]
        before = None if before is None or found[1] is None else before.most(found[1])
        caseless = caseless or found[2]
    return words, before, caseless


def _parts(regex: re.Pattern[str]) -> _Found | None:
    try:
        tree = sre_parse.parse(regex.pattern, regex.flags)
    except (re.error, RecursionError):
        return None
    found = _needed(tree, regex.flags)
    if found is not None and DIGITS in found[0] and len(found[0]) > 1:
        # some alternatives need a word, others a digit: a digit alone, if every one
        # needs it, is found in fewer places
        found = _needed(tree, regex.flags, digits_only=True) or found
    return found


def required_words(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Words one of which every match of ``regex`` contains, or None when none is known;
    ``DIGITS`` among them stands for a digit.

    >>> required_words(re.compile(r"(?P<n>\\d+) months? suspended"))
    (' suspended',)
    >>> required_words(re.compile(r"\\d+ (?:payments?|transfers?)"))
    ('payment', 'transfer')
    >>> required_words(re.compile(r"(?:suspended)?\\d+")) == (DIGITS,)
    True
    >>> required_words(re.compile(r"(?:suspended)?\\w+")) is None
    True
    """
    if isinstance(regex, DeferredRegex) and regex.required is not False:
        return regex.required  # recorded in the rule index
    found = _parts(regex)
    return None if found is None else tuple(sorted(found[0]))


def word_offset(regex: re.Pattern[str]) -> Width | None:
    """At most how much a match of ``regex`` consumes before its required word
    begins; None when that has no bound, or the regex no required word.

    >>> word_offset(re.compile(r"(?P<n>\\d+) months? suspended"))
    Width(chars=7, words=1, lines=0, spaces=0)
    """
    if isinstance(regex, DeferredRegex) and regex.before is not False:
        recorded = regex.before  # in the rule index
        return None if recorded is None else Width(*recorded)
    found = _parts(regex)
    return None if found is None else found[1]


def words_ignore_case(regex: re.Pattern[str]) -> bool:
    """Whether ``required_words`` are to be found ignoring case: they are when the
    rule, or a group of it that holds one, ignores case.

    >>> words_ignore_case(re.compile(r"[A-Z][a-z]+ was (?i:jailed|sentenced)"))
    True
    """
    if isinstance(regex, DeferredRegex) and regex.required is not False:
        # in the rule index (``caseless`` may be False itself: ``required`` tells it is recorded)
        return bool(regex.flags & re.IGNORECASE) if regex.caseless is None else regex.caseless
    found = _parts(regex)
    return bool(regex.flags & re.IGNORECASE) if found is None else found[2]


class _Words:
    """Every needle's words, to be found in a text in one pass (``Haystack.places``).

    ``needle_of`` adds each needle's words as it makes the needle; an Aho-Corasick
    automaton of them (pyahocorasick) reports every place of every word, overlaps
    included, in one pass of C over a text, where a substring search per word
    costs a pass per word. Words added after a text's pass are searched for alone.
    """

    def __init__(self) -> None:
        self._words: dict[bool, set[str]] = {True: set(), False: set()}
        self._built: dict[bool, tuple[Any, frozenset[str]]] = {}

    def add(self, words: Iterable[str], folded: bool) -> None:
        new = set(words) - self._words[folded]
        if new:
            self._words[folded] |= new
            self._built.pop(folded, None)

    def finder(self, folded: bool) -> tuple[Any, frozenset[str]]:
        """The automaton of the words (None when there are none), and the words."""
        if folded not in self._built:
            words = frozenset(self._words[folded])
            automaton = None
            if words:
                automaton = ahocorasick.Automaton()
                for word in words:
                    automaton.add_word(word, word)
                automaton.make_automaton()
            self._built[folded] = (automaton, words)
        return self._built[folded]


_WORDS = _Words()


_DIGIT_RUN = re.compile(r"\d+")


class Haystack:
    """A text prepared once for every rule's needle search."""

    _last: Haystack | None = None

    @classmethod
    def of(cls, text: str) -> Haystack:
        """The haystack of ``text``: the one made last if it was made of this very
        string (the ruler's and the offences' document), else a new one."""
        if cls._last is None or cls._last.text is not text:
            cls._last = cls(text)
        return cls._last

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        self.lower_is_exact = not any(char in text for char in ASCII_LOOKALIKES) and len(
            self.lowered
        ) == len(text)
        self._runs: Runs | None = None
        self._digits: list[tuple[int, int]] | None = None
        self._places: dict[tuple[str, bool], list[int]] = {}
        self._passed: dict[bool, frozenset[str]] = {}
        self._found: dict[bool, frozenset[str]] = {}

    @property
    def runs(self) -> Runs:
        """The text's longest runs (``reach.Runs``), worked out when first asked."""
        if self._runs is None:
            self._runs = Runs.of(self.text)
        return self._runs

    @property
    def digit_runs(self) -> list[tuple[int, int]]:
        """The first and last offset of every run of decimal digits, in order."""
        if self._digits is None:
            self._digits = [(m.start(), m.end() - 1) for m in _DIGIT_RUN.finditer(self.text)]
        return self._digits

    def places(self, word: str, folded: bool) -> list[int]:
        """Where ``word`` starts, overlaps included: in the lowercased text if
        ``folded`` (the same offsets, ``lower_is_exact``), else in the text.
        For ``DIGITS``, where each run of digits starts, in either."""
        if word == DIGITS:
            return [first for first, _ in self.digit_runs]
        key = (word, folded)
        if key not in self._places:
            if folded not in self._passed:
                self._pass(folded)
            if key not in self._places:
                self._places[key] = [] if word in self._passed[folded] else self._find(key)
        return self._places[key]

    def has(self, word: str, folded: bool) -> bool:
        """Whether ``word`` is in the text (lowercased if ``folded``)."""
        if word == DIGITS:
            return bool(self.digit_runs)  # without a list of the runs' starts
        return bool(self.places(word, folded))

    def present(self, words: frozenset[str], folded: bool) -> frozenset[str]:
        """Those of ``words`` that are in the text (lowercased if ``folded``): a set
        intersection with what the pass found, a search of their own for words the
        pass did not know; ``DIGITS`` if the text has a digit."""
        if folded not in self._passed:
            self._pass(folded)
        found = words & self._found[folded]
        unpassed = words - self._passed[folded]
        if unpassed:
            found |= {word for word in unpassed if self.has(word, folded)}
        return found

    def _pass(self, folded: bool) -> None:
        """The places of every needle word known now, in one pass over the text."""
        automaton, words = _WORDS.finder(folded)
        self._passed[folded] = words
        self._found[folded] = frozenset()
        if automaton is None:
            return
        places = self._places
        for end, word in automaton.iter(self.lowered if folded else self.text):
            key = (word, folded)
            if key in places:
                places[key].append(end - len(word) + 1)
            else:
                places[key] = [end - len(word) + 1]
        self._found[folded] = frozenset(word for word, fold in places if fold == folded)

    def _find(self, key: tuple[str, bool]) -> list[int]:
        word, folded = key
        text = self.lowered if folded else self.text
        found = []
        at = text.find(word)
        while at != -1:
            found.append(at)
            at = text.find(word, at + 1)
        return found


@dataclass(frozen=True)
class Needle:
    """A rule's required words, ready to search a text for.

    ``folded`` holds the words lowercased when they ignore case and every
    word is ASCII: then a substring search of the lowercased text is exact
    (unless the text has an ``ASCII_LOOKALIKES`` character). Otherwise the
    words are searched with a regex of the rule's own case rule. ``before`` is
    ``word_offset`` of the rule, for ``windows``.
    """

    words: tuple[str, ...]
    ignore_case: bool
    folded: tuple[str, ...] | None
    before: Width | None = None
    _sets: dict[bool, frozenset[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        sets = {False: frozenset(self.words), True: frozenset(self.folded or ())}
        object.__setattr__(self, "_sets", sets)

    @classmethod
    def of(cls, regex: re.Pattern[str]) -> Needle | None:
        """The needle of a compiled rule, or None when it has no useful required word."""
        words = required_words(regex)
        if words is None:
            return None
        ignore_case = words_ignore_case(regex)
        ascii_only = all(word.isascii() for word in words)
        folded = tuple(word.lower() for word in words) if ignore_case and ascii_only else None
        return cls(words, ignore_case, folded, word_offset(regex))

    def in_text(self, haystack: Haystack) -> bool:
        """Whether any of the words is in the text, as the rule's regex would see it."""
        if not self.ignore_case:
            return bool(haystack.present(self._sets[False], False))
        if self.folded is not None and haystack.lower_is_exact:
            return bool(haystack.present(self._sets[True], True))
        return _as_regex(self.words).search(haystack.text) is not None

    def where(self, haystack: Haystack) -> list[tuple[int, int]] | None:
        """Where the rule's matches may start: nowhere (``[]``) when the text lacks
        every word, else ``windows``."""
        return self.windows(haystack) if self.in_text(haystack) else []

    def windows(self, haystack: Haystack) -> list[tuple[int, int]] | None:
        """Where the rule's matches may start, as sorted, disjoint ``(first, last)``
        spans: each match holds a word, so starts at most ``before`` ahead of one.
        None when that is not known for this text (no bound, or words a substring
        search cannot place exactly).
        """
        if self.before is None:
            return None
        if not self.ignore_case:
            folded = False
        elif self.folded is not None and haystack.lower_is_exact:
            folded = True
        else:
            return None
        words = haystack.present(self._sets[folded], folded)
        places = sorted({p for word in _searched(words) for p in haystack.places(word, folded)})
        marks = list(zip(places, places, strict=True))  # a word's match starts at most at it
        if DIGITS in words:  # a digit's, at most at the last digit of its run
            marks = sorted(marks + haystack.digit_runs) if marks else haystack.digit_runs
        if len(marks) * CHARACTERS_PER_WINDOW > len(haystack.text):
            return None  # so many that one pass over the text costs less
        before = self.before.within(haystack.runs)
        spans: list[tuple[int, int]] = []
        for place, last in marks:
            start = max(0, place - before)
            if spans and start <= spans[-1][1] + 1:
                spans[-1] = (spans[-1][0], max(spans[-1][1], last))
            else:
                spans.append((start, last))
        if sum(last - first for first, last in spans) * 2 > len(haystack.text):
            return None  # most of the text: one pass costs less
        return spans


@cache
def needle_of(regex: re.Pattern[str]) -> Needle | None:
    """``Needle.of``, once per regex; its words join those a text is searched for
    in one pass."""
    needle = Needle.of(regex)
    if needle is not None and not needle.ignore_case:
        _WORDS.add(_searched(needle.words), folded=False)
    elif needle is not None and needle.folded is not None:
        _WORDS.add(_searched(needle.folded), folded=True)
    return needle


def find_near_words(
    regex: re.Pattern[str], haystack: Haystack
) -> Iterator[re.Match[str] | ScannedMatch]:
    """The matches of ``regex.finditer`` in the haystack's text: none where the text
    lacks the regex's required words, and sought only near them (``Needle.windows``)."""
    needle = needle_of(regex)
    within = None if needle is None else needle.where(haystack)
    return iter(()) if within == [] else find_matches(regex, haystack.text, within)


def _searched(words: Iterable[str]) -> list[str]:
    """The words a text is searched for: all but ``DIGITS``."""
    return [word for word in words if word != DIGITS]


@cache
def _as_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = (r"\d" if word == DIGITS else re.escape(word) for word in words)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def build_rule_index() -> dict[str, Any]:
    """The content of ``patterns/rule_index.json``: every rule that compiles, by
    ``rule_key``, with the words and start classes read from its parse tree now.

    Returns:
        ``{"header": ..., "rules": {key: {"rule": id, "flags": compiled flags,
        "words": [...] | None, "starts": [first, heads] | None, "lead": macro | None,
        "before": [chars, words, lines, spaces] | None,
        "caseless": whether the words ignore case | None}}}``,
        keys sorted; empty rules when ``needles.py`` cannot be read.
    """
    header = index_header()
    rules: dict[str, dict[str, Any]] = {}
    for name, pattern, flags in _known_regexes() if header else ():
        try:
            regex = re.compile(pattern, flags)
        except re.error:
            continue  # not vouched for: compiled (and refused) at start-up
        words = required_words(regex)
        starts = match_starts(regex)
        before = word_offset(regex)
        rules[rule_key(pattern, flags)] = {
            "rule": name,
            "flags": regex.flags,
            "words": None if words is None else list(words),
            "starts": None if starts is None else list(starts),
            "lead": leading_macro(pattern, flags, macros()),
            "before": None if before is None else list(before),
            "caseless": words_ignore_case(regex) if words is not None else None,
        }
    return {"header": header, "rules": dict(sorted(rules.items()))}


def _known_regexes() -> Iterator[tuple[str, str, int]]:
    """Every regex known before a document is read, as given to ``re.compile``: the
    pattern files' rules, the macros that lead them (``scanner.every_start``),
    the offence vocabulary and the jurisdictions' cues."""
    from courtfacts.extract.offence_vocabulary import vocabulary  # they use this module
    from courtfacts.extract.values import jurisdiction_cues

    table = macros()
    for entry in load_patterns():
        pattern = expand(entry.pattern)
        flags = re.IGNORECASE if entry.ignore_case else 0
        yield entry.id, pattern, flags
        try:
            compiled_flags = re.compile(pattern, flags).flags
        except re.error:
            continue
        lead = leading_macro(pattern, flags, table)
        if lead is not None:
            yield f"macro {lead}", f"(?:{table[lead]})", compiled_flags
    offences = vocabulary()
    deferred = [rule.regex for rule in offences.rules]
    deferred += [regex for code in offences.codes for regex in code.regexes]
    deferred += jurisdiction_cues()
    for regex in deferred:
        yield regex.rule, regex.pattern, regex.given_flags  # type: ignore[attr-defined]
