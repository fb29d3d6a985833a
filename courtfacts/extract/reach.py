"""How far a rule's match can stretch, bounded by what a text holds.

A rule that needs a word (``needles``) need not be tried all over a text:
every match holds the word, so a match starts no further before an
occurrence of the word than the rule can match before reaching it. Rules
repeat without a limit (``\\s+``, ``[\\w-]+``), yet a repeat that never
matches a space cannot run past the text's longest run of non-spaces, one
of spaces only past its longest run of spaces, and one that never matches a
line break past its longest line. A ``Width`` is therefore a sum of
characters and of those three lengths, read from a rule's parse tree, and
``Runs`` gives the lengths of one text. Both are upper bounds: a rule may
match less, never more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# The regex parser and compiler Python uses; the tree is the exact truth of a pattern.
from re import _compiler as sre_compile
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any, NamedTuple

_Tree = sre_parse.SubPattern | list
_ONE_CHARACTER = (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_LAST_SPACE = 0x3000
"""No character past U+3000 is a space to Python (``tests/extract/test_reach.py``)."""


class Width(NamedTuple):
    """At most ``chars`` characters, plus so many of the text's longest runs of
    non-spaces, lines and runs of spaces."""

    chars: int = 0
    words: int = 0
    lines: int = 0
    spaces: int = 0

    def plus(self, other: Width) -> Width:
        return Width(*(a + b for a, b in zip(self, other, strict=True)))

    def times(self, count: int) -> Width:
        return Width(*(a * count for a in self))

    def most(self, other: Width) -> Width:
        """A width at least as large as either."""
        return Width(*(max(a, b) for a, b in zip(self, other, strict=True)))

    def within(self, runs: Runs) -> int:
        """Characters, in a text with these runs."""
        return (
            self.chars
            + self.words * runs.words
            + self.lines * runs.lines
            + self.spaces * runs.spaces
        )


_ONE = Width(chars=1)
_RUN = {"words": Width(words=1), "lines": Width(lines=1), "spaces": Width(spaces=1)}


@dataclass(frozen=True)
class Runs:
    """The longest run of non-spaces, line and run of spaces of one text."""

    words: int
    lines: int
    spaces: int

    @classmethod
    def of(cls, text: str) -> Runs:
        return cls(
            words=max(map(len, text.split()), default=0),
            lines=max(map(len, text.split("\n")), default=0),
            spaces=max(map(len, re.findall(r"\s+", text)), default=0),
        )


@cache
def _spaces() -> tuple[str, ...]:
    return tuple(chr(code) for code in range(_LAST_SPACE + 1) if chr(code).isspace())


@cache
def _classes_of(op: Any, av: Any, flags: int) -> frozenset[str]:
    """Which runs a one-character node can only repeat within."""
    state = sre_parse.State()
    state.flags = flags
    one = sre_compile.compile(sre_parse.SubPattern(state, [(op, av)]), flags)
    found = set()
    if not any(one.match(space) for space in _spaces()):
        found.add("words")
    if not one.match("\n"):
        found.add("lines")
    items = [(op, av)] if op is sre.LITERAL else av if op is sre.IN else [(None, None)]
    if all(
        (item is sre.LITERAL and chr(value).isspace())
        or (item is sre.CATEGORY and value is sre.CATEGORY_SPACE)
        for item, value in items
    ):
        found.add("spaces")
    return frozenset(found)


def _runs_of(tree: _Tree, flags: int) -> frozenset[str]:
    """Which runs everything ``tree`` consumes lies within."""
    found = frozenset(_RUN)
    for op, av in tree:
        if op in _ONE_CHARACTER:
            found &= _classes_of(op, _hashable(av), flags)
        elif op is sre.SUBPATTERN:
            found &= _runs_of(av[3], _scoped(flags, av))
        elif op is sre.ATOMIC_GROUP:
            found &= _runs_of(av, flags)
        elif op is sre.BRANCH:
            for branch in av[1]:
                found &= _runs_of(branch, flags)
        elif op in _REPEATS:
            found &= _runs_of(av[2], flags)
        elif op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return frozenset()
    return found


def _hashable(av: Any) -> Any:
    return tuple(av) if isinstance(av, list) else av


def _scoped(flags: int, av: Any) -> int:
    return (flags | av[1]) & ~av[2]


def step(op: Any, av: Any, flags: int) -> Width | None:
    """``bound`` of one parse-tree node."""
    if op in _ONE_CHARACTER:
        return _ONE
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return Width()  # they consume nothing
    if op is sre.SUBPATTERN:
        return bound(av[3], _scoped(flags, av))
    if op is sre.ATOMIC_GROUP:
        return bound(av, flags)
    if op is sre.BRANCH:
        return _widest([bound(branch, flags) for branch in av[1]])
    if op in _REPEATS:
        return _repeat(av, flags)
    return None  # a back reference, a conditional group


def _widest(bounds: list[Width | None]) -> Width | None:
    widest = Width()
    for each in bounds:
        if each is None:
            return None
        widest = widest.most(each)
    return widest


def _repeat(av: Any, flags: int) -> Width | None:
    _, most, tree = av
    if most != sre.MAXREPEAT:
        once = bound(tree, flags)
        return None if once is None else once.times(most)
    runs = _runs_of(tree, flags)
    return next((_RUN[name] for name in ("spaces", "words", "lines") if name in runs), None)


def bound(tree: _Tree, flags: int) -> Width | None:
    """At most how much a match of a sequence of parse-tree nodes consumes, or None
    when that has no bound.

    >>> bound(sre_parse.parse(r"\\d+ years?(?= old)"), 0)
    Width(chars=6, words=1, lines=0, spaces=0)
    """
    consumed = Width()
    for op, av in tree:
        found = step(op, av, flags)
        if found is None:
            return None
        consumed = consumed.plus(found)
    return consumed
