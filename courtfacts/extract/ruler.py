"""Find candidate values in text with the pattern files, and settle overlaps.

``match_patterns`` runs every rule over the text, keeps a match only where
its sentence context allows it, splits matches that state several values
(``emit``), drops values hidden by a BLOCK (an age is not a duration), and
keeps one hit per place and label. A rule whose regex needs words the text
lacks is not run, and one that needs it near its start is tried only near it
(``needles``); one anchored on numbers is tried only where
a number starts, and one led by a term or duration macro only where that
macro matches (found once per document, ``scanner.every_start``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from courtfacts.extract.needles import Haystack, needle_of
from courtfacts.extract.scanner import (
    every_start,
    find_matches,
    has_scanner,
    leading_macro,
    macro_regex,
)
from courtfacts.patterns import DeferredRegex, PatternEntry, compile_entry, expand, macros

_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|while|whereas|although|however)\b", re.IGNORECASE)


@dataclass
class Hit:
    """One matched value: where it is, which rule found it, and its parts."""

    label: str
    rule: str
    start: int
    end: int
    text: str
    groups: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    attrs: dict[str, Any] = field(default_factory=dict)
    emitted: str | None = None
    priority: int = 0
    value: Any = None
    mention_id: str | None = None

    def overlaps(self, other: Hit) -> bool:
        return self.start < other.end and other.start < self.end


@cache
def _context_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(expand(pattern), re.IGNORECASE)


class Sentences:
    """Sentence spans of a text, for finding the sentence around an offset."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = list(spans)
        self._starts = [start for start, _ in self.spans]

    def around(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return (0, self.spans[0][1] if self.spans else offset)
        return self.spans[index]


def _context_allows(entry: PatternEntry, text: str, match: re.Match[str], sents: Sentences) -> bool:
    context = entry.context
    if context is None:
        return True
    sent_start, sent_end = sents.around(match.start())
    before = text[sent_start : match.start()]
    if context.require_before and not _context_regex(context.require_before).search(before):
        return False
    if context.forbid_before:
        window = before[-context.window :]
        breaks = list(_CLAUSE_BREAK.finditer(window))
        if breaks:
            window = window[breaks[-1].end() :]
        if _context_regex(context.forbid_before).search(window):
            return False
    if context.forbid_after:
        after = text[match.end() : min(sent_end, match.end() + context.window)]
        if _context_regex(context.forbid_after).search(after):
            return False
    return True


@cache
def _number_start() -> re.Pattern[str]:
    return re.compile(macros()["NUMBER_START"], re.IGNORECASE)


_needle = needle_of  # by this name, tests turn needles off for the ruler


@cache
def _lead(regex: re.Pattern[str]) -> str | None:
    lead = getattr(regex, "lead", False)
    if lead is False:  # not from the rule index: read from the parse tree now
        lead = leading_macro(regex.pattern, regex.flags, macros())
    return lead


class _Starts:
    """Where matches may start in one text: numbers, and each leading macro (``LEAD_MACROS``),
    each found once, when a rule first asks (near the macro's required words, if it has them)."""

    def __init__(self, text: str, haystack: Haystack | None = None) -> None:
        self.text = text
        self.haystack = haystack or Haystack(text)
        self.numbers = [m.start() for m in _number_start().finditer(text)]
        self._numbers = set(self.numbers)
        self._leads: dict[tuple[str, int, bool], list[int]] = {}

    def of(self, lead: str, flags: int, at_numbers: bool) -> list[int]:
        key = (lead, flags, at_numbers)
        if key not in self._leads:
            everywhere = (lead, flags, False)
            if everywhere not in self._leads:
                self._leads[everywhere] = self._every_start(lead, flags)
            found = self._leads[everywhere]
            self._leads[key] = [p for p in found if p in self._numbers] if at_numbers else found
        return self._leads[key]

    def _every_start(self, lead: str, flags: int) -> list[int]:
        regex = macro_regex(f"(?:{macros()[lead]})", flags)
        needle = _needle(regex)
        within = None if needle is None else needle.where(self.haystack)
        return [] if within == [] else every_start(regex, self.text, within)


def _matches(entry: PatternEntry, haystack: Haystack, starts: _Starts) -> Iterable[re.Match[str]]:
    """Non-overlapping matches, tried only at number starts for number-anchored rules,
    only where its macro starts for a rule a macro leads (``scanner.leading_macro``),
    and elsewhere only where a match's first characters are (``scanner.find_matches``).

    A rule whose regex needs a word the text lacks is not run at all, and one whose
    matches cannot start far before the word is tried only near it (``Needle.windows``).
    """
    regex = compile_entry(entry)
    needle = _needle(regex)
    windows = None if needle is None else needle.where(haystack)
    if windows == []:  # the text lacks the rule's words
        return
    text = haystack.text
    lead = _lead(regex)
    if lead is not None:
        positions = starts.of(lead, regex.flags, at_numbers=entry.anchor == "number")
    elif entry.anchor == "number":
        positions = starts.numbers
    else:
        yield from find_matches(regex, text, windows)
        return
    reached = 0
    for position in positions if windows is None else _inside(positions, windows):
        if position < reached:
            continue
        match = regex.match(text, position)
        if match:
            reached = max(match.end(), position + 1)
            yield match


def _inside(positions: list[int], spans: list[tuple[int, int]]) -> Iterable[int]:
    """The sorted positions that fall in one of the sorted, disjoint spans."""
    for first, last in spans:
        index = bisect.bisect_left(positions, first)
        while index < len(positions) and positions[index] <= last:
            yield positions[index]
            index += 1


def prepare_rule(entry: PatternEntry) -> None:
    """Compile now what ``match_patterns`` will run for this rule: its scanner, or,
    for a rule tried at number or macro starts, the rule itself."""
    regex = compile_entry(entry)
    tried_at_starts = entry.anchor == "number" or _lead(regex) is not None
    if (tried_at_starts or not has_scanner(regex)) and isinstance(regex, DeferredRegex):
        regex.compiled()


def _hits_from_match(entry: PatternEntry, order: int, match: re.Match[str]) -> Iterable[Hit]:
    groups = {
        name: (match.start(name), match.end(name), value)
        for name, value in match.groupdict().items()
        if value is not None
    }
    if not entry.emit:
        text = match.group()
        if not text.strip():
            return
        start = match.start() + len(text) - len(text.lstrip())  # a span never ends in a space
        end = match.end() - len(text) + len(text.rstrip())
        yield Hit(
            entry.label,
            entry.id,
            start,
            end,
            text.strip(),
            groups,
            dict(entry.attrs),
            None,
            order,
        )
        return
    for name in entry.emit:
        if name in groups:
            start, end, value = groups[name]
            yield Hit(
                entry.label, entry.id, start, end, value, groups, dict(entry.attrs), name, order
            )


def _stretch(hit: Hit, length: int) -> Hit | None:
    """A BLOCK marked ``to_end`` covers the rest of the text, if it starts late enough."""
    if not hit.attrs.get("to_end"):
        return hit
    if hit.start < float(hit.attrs.get("min_position", 0)) * length:
        return None
    hit.end = length
    return hit


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Union of spans as sorted, disjoint (starts, ends)."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _covers(spans: tuple[list[int], list[int]], hit: Hit) -> bool:
    """Whether any of the disjoint spans overlaps the hit."""
    starts, ends = spans
    index = bisect.bisect_right(starts, hit.start)
    if index and ends[index - 1] > hit.start:
        return True
    return index < len(starts) and starts[index] < hit.end


def _settle(hits: list[Hit], by_priority: bool) -> list[Hit]:
    """Keep non-overlapping hits: the earliest rule first, or the longest first."""
    if by_priority:
        ranked = sorted(hits, key=lambda h: (h.priority, -(h.end - h.start), h.start))
    else:
        ranked = sorted(hits, key=lambda h: (-(h.end - h.start), h.priority, h.start))
    kept: list[Hit] = []
    starts: list[int] = []  # the kept hits never overlap, so their starts order them
    ends: list[int] = []
    for hit in ranked:
        if _covers((starts, ends), hit):
            continue
        index = bisect.bisect_right(starts, hit.start)
        starts.insert(index, hit.start)
        ends.insert(index, hit.end)
        kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def match_patterns(
    text: str, entries: Sequence[PatternEntry], sentences: Sequence[tuple[int, int]]
) -> list[Hit]:
    """Run every rule over a text and return the hits that stand, in text order.

    Args:
        text: the document text.
        entries: the rules, in priority order.
        sentences: (start, end) of each sentence, for context checks.

    Returns:
        Hits of every label but BLOCK, at most one per place and label.
    """
    sents = Sentences(sentences)
    haystack = Haystack.of(text)
    starts = _Starts(text, haystack)
    raw: list[Hit] = []
    for order, entry in enumerate(entries):
        for match in _matches(entry, haystack, starts):
            if match.end() > match.start() and _context_allows(entry, text, match, sents):
                raw.extend(_hits_from_match(entry, order, match))
    blocks = [_stretch(hit, len(text)) for hit in raw if hit.label == "BLOCK"]
    blocks = [hit for hit in blocks if hit is not None]
    block_rules = {entry.id: set(entry.blocks) for entry in entries if entry.label == "BLOCK"}
    by_label: dict[str, list[Hit]] = {}
    blocked = {
        label: _merged([(b.start, b.end) for b in blocks if label in block_rules[b.rule]])
        for label in {label for rules in block_rules.values() for label in rules}
    }
    for hit in raw:
        if hit.label == "BLOCK":
            continue
        if hit.label in blocked and _covers(blocked[hit.label], hit):
            continue
        by_label.setdefault(hit.label, []).append(hit)
    settled = [
        kept
        for label, hits in by_label.items()
        for kept in _settle(hits, by_priority=label in ("SENTENCE", "PERSON"))
    ]
    return sorted(settled, key=lambda h: (h.start, h.label))
