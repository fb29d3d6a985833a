"""Find a regex's matches without trying it at every character of the text.

Python's regex engine skips ahead by itself only for a rule that starts with
a case-sensitive literal or class; a case-insensitive rule, or one that opens
with a lookbehind or ``\\b``, is tried at every character. ``match_starts``
reads a compiled regex's parse tree for the first few characters any of its
matches begins with, and ``find_matches`` leads the rule with them, so that
the engine skips, at C speed, every place no match can start. The rule
itself runs unchanged wherever it is tried, so the matches are those of
``finditer``, the same ones in the same order, with the same groups. The
rule index records each rule's start classes, so that a rule is neither
parsed nor compiled twice at start-up (``patterns.rule_index``).
"""

from __future__ import annotations

import _sre
import re
from collections.abc import Iterator, Sequence
from functools import cache

# The regex parser Python compiles with; its tree is the exact truth of a pattern.
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

from courtfacts import regex_cache
from courtfacts.patterns import deferred

_Tree = sre_parse.SubPattern | list

_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
"""The characters outside ASCII that an ASCII letter matches when case is ignored
(Python's own case tables, checked by ``tests/extract/test_scanner.py``)."""
_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s"}
PREFIX_LENGTH = 3
"""How many leading characters of a match ``match_starts`` describes."""
MOST_PREFIXES = 400
"""More distinct leading sequences than this are described by their first character only."""

_Class = frozenset[str]
"""A set of characters, as the regex source of its members (``a``, ``\\d``, ``a-z``)."""
_Prefix = tuple[tuple[_Class, ...], bool]
"""Classes of a match's first characters, and whether that match may end there."""


def _literal_class(code: int, ignore_case: bool) -> _Class | None:
    char = chr(code)
    if not ignore_case or not _sre.unicode_iscased(code):
        return frozenset({re.escape(char)})
    if not char.isascii():
        return None  # a cased letter beyond ASCII: its case partners are not worked out
    lower = char.lower()
    return frozenset(re.escape(c) for c in {lower, char.upper(), *_FOLDS.get(lower, "")})


def _range_class(low: int, high: int, ignore_case: bool) -> _Class | None:
    if not ignore_case or not any(_sre.unicode_iscased(code) for code in range(low, high + 1)):
        return frozenset({f"{re.escape(chr(low))}-{re.escape(chr(high))}"})
    if high > 0x7F:
        return None
    return frozenset().union(
        *(_literal_class(code, ignore_case) or () for code in range(low, high + 1))
    )


def _char_class(op: Any, av: Any, ignore_case: bool) -> _Class | None:
    """The characters a one-character node matches, or None when nearly any."""
    if op is sre.LITERAL:
        return _literal_class(av, ignore_case)
    if op is not sre.IN:
        return None  # ANY, NOT_LITERAL
    found: set[str] = set()
    for item, value in av:
        if item is sre.LITERAL:
            chars = _literal_class(value, ignore_case)
        elif item is sre.RANGE:
            chars = _range_class(value[0], value[1], ignore_case)
        elif item is sre.CATEGORY and value in _CATEGORIES:
            chars = frozenset({_CATEGORIES[value]})
        else:  # NEGATE, \w, \D...: nearly any character
            chars = None
        if chars is None:
            return None
        found |= chars
    return frozenset(found)


def _then(heads: set[_Prefix], tails: Any, length: int) -> set[_Prefix]:
    """Each head followed by what ``tails(room)`` says may follow it, cut at ``length``."""
    found: set[_Prefix] = set()
    for head, may_end in heads:
        if not may_end or len(head) >= length:
            found.add((head[:length], False))
            continue
        for tail, tail_may_end in tails(length - len(head)):
            found.add((head + tail, tail_may_end))
    return found


def _node_prefixes(op: Any, av: Any, ignore_case: bool, length: int) -> set[_Prefix]:
    """The leading character classes of what one node matches, up to ``length``."""
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {((), True)}  # zero width
    if op in (sre.LITERAL, sre.IN, sre.ANY, sre.NOT_LITERAL):
        chars = _char_class(op, av, ignore_case)
        return {((), False)} if chars is None else {((chars,), True)}
    if op is sre.BRANCH:
        return set().union(*(_prefixes(branch, ignore_case, length) for branch in av[1]))
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, tree = av
        ignore_case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not (
            del_flags & re.IGNORECASE
        )
        return _prefixes(tree, ignore_case, length)
    if op is sre.ATOMIC_GROUP:
        return _prefixes(av, ignore_case, length)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, tree = av
        found = {((), True)} if low == 0 else set()
        reached: set[_Prefix] = {((), True)}
        for count in range(1, min(high, max(low, length)) + 1):
            reached = _then(reached, lambda room: _prefixes(tree, ignore_case, room), length)
            if count >= low:
                found |= reached
        if high > max(low, length):
            found |= {(head, False) for head, _ in reached}
        return found
    return {((), False)}  # group references and the like: anything may come


def _prefixes(tree: _Tree, ignore_case: bool, length: int) -> set[_Prefix]:
    found: set[_Prefix] = {((), True)}
    for op, av in tree:
        found = _then(
            found, lambda room, op=op, av=av: _node_prefixes(op, av, ignore_case, room), length
        )
        if len(found) > MOST_PREFIXES:
            found = {(head[:1], False) for head, _ in found}
        if all(not may_end or len(head) >= length for head, may_end in found):
            break
    return found


def _class_source(chars: _Class) -> str:
    return "[" + "".join(sorted(chars)) + "]"


def match_starts(regex: re.Pattern[str]) -> tuple[str, str] | None:
    r"""What the first characters of every match of ``regex`` are, as regex source:
    a class of the first character, and an alternation of the first few.

    Both are case-sensitive: where the regex ignores case they list each
    letter's other case (and the few letters beyond ASCII that Python's
    regexes take for an ASCII one). None when the regex can match the empty
    string or start with nearly anything.

    >>> match_starts(re.compile(r"\b(?:£|\d)\d*"))
    ('[\\d£]', '[\\d£]')
    >>> match_starts(re.compile(r"(?<!x)ok", re.IGNORECASE))[1] == "[Oo][Kk\u212a]"
    True
    >>> match_starts(re.compile(r"a?\w")) is None
    True
    """
    try:
        tree = sre_parse.parse(regex.pattern, regex.flags)
    except (re.error, RecursionError):
        return None
    found = _prefixes(tree, bool(regex.flags & re.IGNORECASE), PREFIX_LENGTH)
    if any(not head for head, _ in found):
        return None
    first = _class_source(frozenset().union(*(head[0] for head, _ in found)))
    return first, _alternation({head for head, _ in found})


def _alternation(heads: set[tuple[_Class, ...]]) -> str:
    """Regex source matching what any of the heads matches, as a trie: each
    alternative is tried only after the classes before it matched."""
    if () in heads:
        return ""  # a head that ends here: whatever follows, it is matched
    branches: dict[_Class, set[tuple[_Class, ...]]] = {}
    for head in heads:
        branches.setdefault(head[0], set()).add(head[1:])
    alternatives = sorted(_class_source(c) + _alternation(t) for c, t in branches.items())
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


_END = "_scanner_end"
"""The group, put at the end of the rule inside its scanner, that marks where a match ends."""


@cache
def _scanner(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A regex that matches one character wherever ``regex`` matches, or None.

    Python's regex engine tries a case-insensitive rule at every character of
    the text. Led by a case-sensitive class of the rule's possible first
    characters (``match_starts``, or the ``starts`` the rule index recorded
    for it), the engine skips, at C speed, every character that cannot start
    a match; where the first few characters can start one, it tries the rule,
    unchanged and seeing the whole text (inside a lookbehind of one
    character, so that it starts there). The rule's groups are captured there
    as ``match`` would capture them, and an empty group after the rule marks
    where its match ends: the rule itself is never compiled on its own.
    """
    starts = getattr(regex, "starts", False)
    if starts is False:  # not from the rule index: read from the parse tree now
        starts = match_starts(regex)
    if starts is None or f"(?P<{_END}>" in regex.pattern:
        return None
    first, heads = starts
    try:
        return regex_cache.compile(
            f"(?-i:{first})(?<=(?=(?-i:{heads}))(?=(?:{regex.pattern})(?P<{_END}>))[\\s\\S])",
            regex.flags,
        )
    except re.error:  # a global flag inside the pattern, say: scan the plain way
        return None


class ScannedMatch:
    """One match of a rule, as ``re.Match`` answers it, read from its scanner's match.

    Group 0 is the rule's whole match; every other group is the rule's own,
    by number or by name.
    """

    __slots__ = ("_end", "_found", "_start", "string")

    def __init__(self, found: re.Match[str], string: str) -> None:
        self._found = found
        self._start = found.start()
        self._end = found.start(_END)
        self.string = string

    def start(self, group: int | str = 0) -> int:
        return self._start if group == 0 else self._found.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._end if group == 0 else self._found.end(group)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return (self.start(group), self.end(group))

    def group(self, *groups: int | str) -> Any:
        if not groups:
            groups = (0,)
        values = [
            self.string[self._start : self._end] if g == 0 else self._found.group(g) for g in groups
        ]
        return values[0] if len(values) == 1 else tuple(values)

    def __getitem__(self, group: int | str) -> str | None:
        return self.group(group)

    def groupdict(self, default: Any = None) -> dict[str, Any]:
        found = self._found.groupdict(default)
        del found[_END]
        return found

    def groups(self, default: Any = None) -> tuple[Any, ...]:
        return self._found.groups(default)[:-1]

    def __repr__(self) -> str:
        return f"<ScannedMatch span={self.span()!r} match={self.group()!r}>"


LEAD_MACROS = ("TERM", "DUR")
"""Macros dear enough to match, and leading enough rules, that where they can start
is worth finding once per document: a rule led by one (``leading_macro``) is
tried only there (``every_start``). Measured on the corpus with
``benchmarks/pipeline_cost.py``: the rules' own cost falls by 5%; adding NUMD
and MONEY, which lead few rules, costs more than it saves."""


def _shape(node: Any) -> Any:
    """A parse-tree node as plain nested tuples, comparable with ``==``."""
    if isinstance(node, sre_parse.SubPattern):
        return tuple(_shape(item) for item in node.data)
    if isinstance(node, tuple | list):
        return tuple(_shape(item) for item in node)
    return node


@cache
def _macro_shape(pattern: str, flags: int) -> Any:
    return _shape(sre_parse.parse(f"(?:{pattern})", flags).data[0])


def leading_macro(pattern: str, flags: int, macros: dict[str, str]) -> str | None:
    r"""The first of ``LEAD_MACROS`` that every match of ``pattern`` begins with, or None.

    A rule is led by a macro when its regex, read from its parse tree, opens
    with that macro's group: first in its sequence, not one alternative among
    others, not optional, perhaps inside plain or capturing groups. Every
    match of the rule then starts where the macro matches.

    >>> table = {"TERM": r"\d+ years?", "DUR": r"\d+ days?"}
    >>> leading_macro(r"(?P<term>(?:\d+ years?))\s+jail", 0, table)
    'TERM'
    >>> leading_macro(r"(?:(?:\d+ days?)\s+a\s+week|daily)", 0, table) is None  # an alternative
    True
    >>> leading_macro(r"(?:(?:\d+ years?))?\s+jail", 0, table) is None  # optional
    True
    """
    try:
        rule = sre_parse.parse(pattern, flags).data
    except (re.error, RecursionError):
        return None
    for name in LEAD_MACROS:
        if name not in macros:
            continue
        wanted = _macro_shape(macros[name], flags)
        nodes = rule
        while nodes:
            if _shape(nodes[0]) == wanted:
                return name
            op, av = nodes[0]
            if op is not sre.SUBPATTERN or av[1] or av[2]:  # not a group, or one setting flags
                break
            nodes = av[3].data
    return None


@cache
def macro_regex(pattern: str, flags: int) -> re.Pattern[str]:
    """The regex of a leading macro's pattern, compiled at its first use."""
    return deferred("a leading macro", pattern, flags)


def every_start(
    regex: re.Pattern[str], text: str, within: Sequence[tuple[int, int]] | None = None
) -> list[int]:
    """Every position of ``text`` where ``regex`` matches, overlapping matches included,
    in one pass of its scanner (``_scanner``); only in the ``(first, last)`` spans
    of ``within`` if given (see ``find_matches``)."""
    scanner = _scanner(regex)
    if scanner is None:
        return [position for position in range(len(text) + 1) if regex.match(text, position)]
    if within is None:
        return [found.start() for found in scanner.finditer(text)]
    heads, match = _heads(regex), scanner.match
    return [
        position
        for first, last in within
        for head in heads.finditer(text, first, last + PREFIX_LENGTH + 1)
        if (position := head.start()) <= last and match(text, position)
    ]


def has_scanner(regex: re.Pattern[str]) -> bool:
    """Whether ``find_matches`` runs this regex through a scanner (compiled now, if so)."""
    return _scanner(regex) is not None


def find_matches(
    regex: re.Pattern[str], text: str, within: Sequence[tuple[int, int]] | None = None
) -> Iterator[re.Match[str] | ScannedMatch]:
    """The matches of ``regex.finditer(text)``, found faster (``_scanner``).

    Args:
        regex: the rule.
        text: the text.
        within: sorted, disjoint ``(first, last)`` spans that every match starts
            in (``needles.Needle.windows``), or None to look everywhere. There
            the rule is tried only where its first characters are
            (``_heads``), and each try sees the whole text.
    """
    scanner = _scanner(regex)
    if scanner is None:  # which may match the empty string: finditer's own way
        yield from regex.finditer(text)
        return
    if within is None:
        search = scanner.search
        position = 0
        while (found := search(text, position)) is not None:
            matched = ScannedMatch(found, text)
            yield matched
            position = max(matched._end, matched._start + 1)
        return
    heads, match = _heads(regex), scanner.match
    reached = 0
    for first, last in within:
        if last < reached:
            continue
        for head in heads.finditer(text, max(first, reached), last + PREFIX_LENGTH + 1):
            position = head.start()
            if position > last:
                break
            if position < reached or (found := match(text, position)) is None:
                continue
            matched = ScannedMatch(found, text)
            yield matched
            reached = max(matched._end, position + 1)


@cache
def _heads(regex: re.Pattern[str]) -> re.Pattern[str]:
    """Where a match of a regex with a scanner may start: its first characters,
    which read no further than ``PREFIX_LENGTH`` characters on."""
    starts = getattr(regex, "starts", False)
    first, heads = match_starts(regex) if starts is False else starts
    return regex_cache.compile(f"(?-i:{first})(?<=(?=(?-i:{heads}))[\\s\\S])", 0)
