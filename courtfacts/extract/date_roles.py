"""What each stated date is the date of: sentence passed, offence committed, or procedure.

The rules are data (``patterns/date_roles.json``): each reads the words of
the sentence before the date and after it, and the first that holds sets
the DATE hit's ``role`` attr ("sentence", "offence", "procedural").
``case_dates`` reads these roles when it dates a case.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from courtfacts.extract.ruler import Hit
from courtfacts.patterns import load_lexicon

_INITIAL = re.compile(r"(?<![\w.])[A-Z]\.\s*$")


@dataclass(frozen=True)
class RoleRule:
    """One rule of ``date_roles.json``, compiled."""

    id: str
    role: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    sentence: re.Pattern[str] | None
    unless: re.Pattern[str] | None

    def holds(self, before: str, after: str) -> bool:
        """Whether the rule holds for a date with these words before and after it in its sentence."""
        whole = before + " " + after
        return (
            (self.before is None or self.before.search(before) is not None)
            and (self.after is None or self.after.search(after) is not None)
            and (self.sentence is None or self.sentence.search(whole) is not None)
            and (self.unless is None or self.unless.search(whole) is None)
        )


def _compiled(rule: dict[str, str], key: str) -> re.Pattern[str] | None:
    return re.compile(rule[key], re.IGNORECASE) if rule.get(key) else None


@cache
def role_rules() -> tuple[RoleRule, ...]:
    """The rules of ``patterns/date_roles.json``, in order."""
    return tuple(
        RoleRule(
            id=rule["id"],
            role=rule["role"],
            before=_compiled(rule, "before"),
            after=_compiled(rule, "after"),
            sentence=_compiled(rule, "sentence"),
            unless=_compiled(rule, "unless"),
        )
        for rule in load_lexicon("date_roles")["rules"]
    )


def date_role(before: str, after: str) -> str | None:
    """The role of a date from the words of its sentence before and after it.

    >>> date_role("He was sentenced in ", " to 12 years.")
    'sentence'
    >>> date_role("He will be sentenced on ", ".")
    'procedural'
    >>> date_role("He was arrested on ", ".") is None
    True
    """
    for rule in role_rules():
        if rule.holds(before, after):
            return rule.role
    return None


def assign_date_roles(hits: list[Hit], text: str, sentences: list[tuple[int, int]]) -> None:
    """Set the ``role`` attr of every dated DATE hit a rule gives a role, in place.

    Args:
        hits: the hits of one document, with values set.
        text: its text.
        sentences: (start, end) of each sentence, in order.
    """
    starts = [start for start, _ in sentences]
    for hit in hits:
        if hit.label != "DATE" or not hit.value:
            continue
        index = bisect.bisect_right(starts, hit.start) - 1
        start, end = sentences[index] if index >= 0 else (0, len(text))
        for _ in range(2):  # a sentence split after an initial ("Judge Richard G. Kopf") goes on
            if index > 0 and _ends_in_initial(text, start):
                index -= 1
                start = sentences[index][0]
        end = max(end, _phrase_end(hit))
        role = date_role(text[start : hit.start], text[_phrase_end(hit) : end])
        if role:
            hit.attrs["role"] = role


def _ends_in_initial(text: str, end: int) -> bool:
    """``_INITIAL.search(text, 0, end)``, tried only where it can match: two
    characters before the spaces that end ``text[:end]``."""
    blank = end
    while blank > 0 and text[blank - 1].isspace():  # what ``\s`` matches
        blank -= 1
    return blank >= 2 and _INITIAL.match(text, blank - 2, end) is not None


def _phrase_end(hit: Hit) -> int:
    return max([hit.end] + [end for _, end, _ in hit.groups.values()]) if hit.emitted else hit.end
