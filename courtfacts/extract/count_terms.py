"""Terms stated count by count, and the whole term they make where the law adds them up.

A Sri Lankan court that convicts at one trial of several distinct offences
passes a punishment for each; terms of imprisonment run one after the other
unless the court directs that they run concurrently (Code of Criminal
Procedure Act No. 15 of 1979, s.16(1)). So "1) For the 1st count 6 months
RI ... 2) 2nd count 10 years RI" with no direction is 10 years 6 months, and
where the Court of Appeal varies one count ("vary the sentence with regard to
the second charge and reduce it to 5 years RI") the other counts' terms stand
beside the new one. The jurisdictions that work this way say so in
``patterns/jurisdictions.json`` (``consecutive_by_default``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import reduce

from courtfacts.extract.normalise import add_durations, compare_key
from courtfacts.models import SentenceValue

ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)
_ONE_COUNT = (
    r"(?:(?P<ord>\d{1,2}\s*(?:st|nd|rd|th)|" + "|".join(ORDINALS) + r")\s+(?:count|charge)(?!s)"
    r"|(?:count|charge)\s+(?:no\.?\s*)?(?P<num>\d{1,2})(?!\s*(?:-|–|to|through)\s*\d+\b(?!\s*(?:years?|months?|weeks?|days?)\b)))\b"
)
_LABEL = re.compile(_ONE_COUNT, re.IGNORECASE)
# "10 years rigorous imprisonment for the second count": the label right after the term
_LABEL_AFTER = re.compile(
    r"[\s,]*(?:(?:rigorous|simple)\s+imprisonment|imprisonment|RI|SI)?[\s,]*"
    r"(?:for|on|in\s+respect\s+of|under)\s+(?:the\s+)?" + _ONE_COUNT,
    re.IGNORECASE,
)
_ACQUITTED_ON = re.compile(
    r"\bacquit\w*\b[^.;]{0,60}?\b(?:on|of|from|for|in\s+respect\s+of)\s+(?:the\s+)?" + _ONE_COUNT,
    re.IGNORECASE,
)
_CONCURRENT = re.compile(r"\bconcurrent(?:ly)?\b", re.IGNORECASE)
_CONSECUTIVE = re.compile(r"\bconsecutive(?:ly)?\b", re.IGNORECASE)
_ADDED_BEFORE = re.compile(
    r"\b(?:a\s+further|(?:a\s+)?consecutive(?:\s+(?:term|sentence))?(?:\s+of)?)\s*$", re.IGNORECASE
)
# "consecutive to the sentence he is already serving": added to another case's term, not this one's
_TO_ANOTHER = re.compile(
    r"\bconsecutive(?:ly)?\s+(?:to|with)\s+(?:the|any|his|her|their|a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:sentences?|terms?)\s+(?:(?:that\s+|which\s+)?(?:he|she|they)\s+(?:is|was|are|were)\s+(?:already\s+|currently\s+|now\s+)?serving|already|imposed\s+(?:in|on|by)\s+(?:an?|another|the\s+earlier))"
    r"|\bconsecutive(?:ly)?\s+(?:to|with)\s+(?:an?\s+|his\s+|her\s+)?(?:existing|current|earlier|previous)\b",
    re.IGNORECASE,
)


def label_number(token: str) -> int | None:
    """The number a count's label writes: "second", "2nd", "2" or "II" is 2.

    >>> [label_number(t) for t in ("second", "2nd", "12", "IV", "count")]
    [2, 2, 12, 4, None]
    """
    token = token.strip().lower()
    if token in ORDINALS:
        return ORDINALS.index(token) + 1
    if token.isdigit() or token[:-2].strip().isdigit():
        return int(re.sub(r"\D", "", token))
    roman = {"i": 1, "v": 5, "x": 10}
    if not token or any(c not in roman for c in token):
        return None
    values = [roman[c] for c in token]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _number(match: re.Match[str]) -> int:
    return label_number(match.group("ord") or match.group("num")) or 0


@dataclass(frozen=True)
class CountTerm:
    """A custodial term of one case, where the text states it and what lies around it."""

    value: SentenceValue
    start: int
    end: int
    clause_start: int  # the clause the term is read in: its sentence, after any earlier sentence
    clause_end: int


def count_of(text: str, term: CountTerm) -> int | None:
    """The count a term is passed for: the label just after it, else the last one before its end.

    >>> t = "sentenced him to death for the first count, and five years RI for the second count."
    >>> start = t.index("five years")
    >>> term = CountTerm(SentenceValue(kind="custody", term="P5Y"), start, start + 10, 43, len(t))
    >>> count_of(t, term)
    2
    """
    after = _LABEL_AFTER.match(text, term.end, term.clause_end)
    if after:
        return _number(after)
    before = list(
        _LABEL.finditer(text, term.clause_start, term.end)
    )  # "Count 1 – 7 years" may be one hit
    return _number(before[-1]) if before else None


def acquitted_counts(text: str) -> set[int]:
    """Counts the text acquits of ("We acquit the Accused on the third count")."""
    return {_number(match) for match in _ACQUITTED_ON.finditer(text)}


def consecutive_total(text: str, terms: list[CountTerm]) -> str | None:
    """The whole custodial term of terms stated count by count, added up; None where it cannot be told.

    The terms that stand are those passed below, count by count, each
    replaced by the one an appeal substitutes for its count; a count the
    appellant is acquitted of drops out. Nothing is added where the text
    directs that terms run concurrently, where an appeal substitutes one term
    for the whole sentence, where a term names no count and restates none,
    or where fewer than two counts carry a term.
    """
    if _CONCURRENT.search(text):
        return None
    standing: dict[int, str] = {}
    substituted: dict[int, str] = {}
    unlabelled: list[str] = []
    for term in terms:
        if term.value.kind != "custody" or not term.value.term:
            continue
        count = count_of(text, term)
        if count is None:
            if term.value.role == "substituted":
                return None
            unlabelled.append(term.value.term)
        elif term.value.role == "substituted":
            substituted[count] = term.value.term
        else:
            standing.setdefault(count, term.value.term)
    known = set(standing.values()) | set(substituted.values())
    if any(term not in known for term in unlabelled):
        return None
    standing.update(substituted)
    for count in acquitted_counts(text):
        standing.pop(count, None)
    if len(standing) < 2:
        return None
    return reduce(add_durations, standing.values())


def with_consecutive_parts(text: str, terms: list[CountTerm], term: str | None) -> str | None:
    """The case term with the terms stated as consecutive to it added on, where no total is stated.

    "He was jailed for two years and eight months. He was also jailed for
    four months, to run consecutively" is three years; a term consecutive to
    a sentence the offender is already serving adds to that sentence, not to
    this case's term; and where every term is consecutive there is nothing to
    add them to.
    """
    live = [
        t
        for t in terms
        if t.value.kind == "custody" and t.value.term and t.value.role != "original"
    ]
    if not term or any(t.value.total_term for t in live):
        return term
    extra: list[str] = []
    base: list[str] = []
    for item in live:
        clause = text[item.clause_start : item.clause_end]
        if _TO_ANOTHER.search(clause):
            continue
        is_extra = not _CONCURRENT.search(clause) and bool(
            _CONSECUTIVE.search(text, item.end, item.clause_end)
            or _ADDED_BEFORE.search(text[item.clause_start : item.start])
        )
        (extra if is_extra else base).append(item.value.term or "")
    if not extra or not base:
        return term
    return reduce(add_durations, extra, max(base, key=compare_key))
