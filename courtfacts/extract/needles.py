"""Words a rule cannot match without, to skip rules a text gives no chance.

Most rules need a word of their own ("suspended", "payments", "sentenced"),
yet running a rule's regex over a document costs a scan of every character.
``required_words`` reads a compiled regex's parse tree and returns words of
which every match must contain one; a document that has none of them is
skipped by that rule at the cost of a substring search. The words are
derived from the regex itself, never written by hand, so skipping is exact:
it can never lose a match. Parsing every rule for them costs most of a
second at start-up, so ``build_rule_index`` records them once, for
``patterns/rule_index.json``, with the classes a rule's matches start with
and the macro that leads it (``scanner.match_starts``, ``scanner.leading_macro``);
a rule the index knows takes them from it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

# The regex parser Python compiles with (``sre_parse`` before 3.11, which still
# aliases it with a deprecation warning); its tree is the exact truth of a pattern.
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

from courtfacts.extract.scanner import leading_macro, match_starts
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
SHORTEST_USEFUL = 3
"""Needles shorter than this are in nearly every text; the rule just runs."""
SMALL_SET = 4
"""A character class of at most this many literals (``[cs]``) still extends a word."""
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


def _score(words: set[str]) -> tuple[int, int]:
    return min(len(word) for word in words), -len(words)


def _needed(tree: _Tree) -> set[str] | None:
    """Words of which every string ``tree`` matches contains one, or None."""
    best: set[str] | None = None
    run: set[str] = {""}

    def offer(words: set[str] | None) -> None:
        nonlocal best
        words = {word for word in words or () if word}
        if (
            words
            and len(words) <= MOST_ALTERNATIVES
            and (best is None or _score(words) > _score(best))
        ):
            best = words

    for op, av in tree:
        chars = _literal_set(op, av)
        if chars is not None and len(run) * len(chars) <= MOST_ALTERNATIVES:
            run = {head + char for head, char in itertools.product(run, chars)}
            continue
        offer(run)
        run = {""}
        if chars is not None:
            run = set(chars)
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:  # no flags changed inside
            offer(_needed(av[3]))
        elif op is sre.ATOMIC_GROUP:
            offer(_needed(av))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            offer(_needed(av[2]))
        elif op is sre.BRANCH:
            alternatives = [_needed(branch) for branch in av[1]]
            if all(words is not None for words in alternatives):
                offer(set().union(*alternatives))  # type: ignore[arg-type]
    offer(run)
    return best


def required_words(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Words one of which every match of ``regex`` contains, or None when none is known.

    >>> required_words(re.compile(r"(?P<n>\\d+) months? suspended"))
    (' suspended',)
    >>> required_words(re.compile(r"\\d+ (?:payments?|transfers?)"))
    ('payment', 'transfer')
    >>> required_words(re.compile(r"(?:suspended)?\\d+")) is None
    True
    """
    if isinstance(regex, DeferredRegex) and regex.required is not False:
        return regex.required  # recorded in the rule index
    try:
        tree = sre_parse.parse(regex.pattern, regex.flags)
    except (re.error, RecursionError):
        return None
    words = _needed(tree)
    if words is None or _score(words)[0] < SHORTEST_USEFUL:
        return None
    return tuple(sorted(words))


class Haystack:
    """A text prepared once for every rule's needle search."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        self.lower_is_exact = not any(char in text for char in ASCII_LOOKALIKES)


@dataclass(frozen=True)
class Needle:
    """A rule's required words, ready to search a text for.

    ``folded`` holds the words lowercased when the rule ignores case and every
    word is ASCII: then a substring search of the lowercased text is exact
    (unless the text has an ``ASCII_LOOKALIKES`` character). Otherwise the
    words are searched with a regex of the rule's own case rule.
    """

    words: tuple[str, ...]
    ignore_case: bool
    folded: tuple[str, ...] | None

    @classmethod
    def of(cls, regex: re.Pattern[str]) -> Needle | None:
        """The needle of a compiled rule, or None when it has no useful required word."""
        words = required_words(regex)
        if words is None:
            return None
        ignore_case = bool(regex.flags & re.IGNORECASE)
        ascii_only = all(word.isascii() for word in words)
        folded = tuple(word.lower() for word in words) if ignore_case and ascii_only else None
        return cls(words, ignore_case, folded)

    def in_text(self, haystack: Haystack) -> bool:
        """Whether any of the words is in the text, as the rule's regex would see it."""
        if not self.ignore_case:
            return any(word in haystack.text for word in self.words)
        if self.folded is not None and haystack.lower_is_exact:
            return any(word in haystack.lowered for word in self.folded)
        return _as_regex(self.words).search(haystack.text) is not None


@cache
def needle_of(regex: re.Pattern[str]) -> Needle | None:
    """``Needle.of``, once per regex."""
    return Needle.of(regex)


@cache
def _as_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words)), re.IGNORECASE)


def build_rule_index() -> dict[str, Any]:
    """The content of ``patterns/rule_index.json``: every rule that compiles, by
    ``rule_key``, with the words and start classes read from its parse tree now.

    Returns:
        ``{"header": ..., "rules": {key: {"rule": id, "flags": compiled flags,
        "words": [...] | None, "starts": [first, heads] | None, "lead": macro | None}}}``,
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
        rules[rule_key(pattern, flags)] = {
            "rule": name,
            "flags": regex.flags,
            "words": None if words is None else list(words),
            "starts": None if starts is None else list(starts),
            "lead": leading_macro(pattern, flags, macros()),
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
