"""Lengths of time as gold-format ISO 8601 durations (``P4Y8M``).

A text is read as numbers each followed by a unit ("15 years, three months
and 19 days", "a four-and-a-half-year", "4y8m"). Fractions resolve
downwards: a fraction of a year becomes months (x12, rounded), a fraction
of a month days (x30, rounded); weeks and fortnights become days and are
never carried into months; a decade is ten years. Months of 12 or more carry into years; zero
parts are left out and a zero duration is no duration. Unit words come
from the ``time_words`` lexicon.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cache

from courtfacts.models import duration_days
from courtfacts.patterns import load_lexicon

from .numbers import number_words, parse_decimal, strip_qualifiers

_ISO = re.compile(r"p(?:(\d{1,6})y)?(?:(\d{1,6})m)?(?:(\d{1,6})w)?(?:(\d{1,6})d)?", re.ASCII)
_AFTER_UNIT = re.compile(r"(?:'s|')?(?P<half>\s+and\s+(?:a\s+)?half\b)?")
_LINKS = re.compile(r"^(?:[,;&+]|\band\b|\bplus\b|\s)+")
_ARTICLE = re.compile(r"^an?\s+")
_DIGIT = re.compile(r"\d")
_MAX_LENGTH = 120
_MAX_AMOUNT = Decimal(100_000)
_DAYS_PER_UNIT = {"W": 7, "F": 14, "D": 1}


@dataclass(frozen=True)
class _Units:
    pattern: re.Pattern[str]
    codes: dict[str, str]
    adjectives: frozenset[str]


@cache
def _units() -> _Units:
    data = load_lexicon("time_words")
    words = sorted(data["duration_units"], key=len, reverse=True)
    letters = "".join(sorted(data["duration_unit_letters"]))
    pattern = (
        rf"(?<![a-z])(?P<word>{'|'.join(map(re.escape, words))})(?![a-z])"
        rf"|(?<=\d)(?P<letter>[{letters}])(?![a-z])"
    )
    return _Units(
        pattern=re.compile(pattern),
        codes={**data["duration_units"], **data["duration_unit_letters"]},
        adjectives=frozenset(data["duration_unit_adjectives"]),
    )


def normalise_duration(text: str) -> str | None:
    """Normalise a stated length of time to the gold ISO 8601 form.

    Args:
        text: the duration as written ("four years and eight months",
            "18-month", "2 yrs") or already in ISO form ("P4Y8M").

    Returns:
        The ISO duration, or None for anything that is not a duration of a
        day or more (hours, "life", zero, plain text).

    >>> normalise_duration("four years and eight months")
    'P4Y8M'
    >>> normalise_duration("32 months")
    'P2Y8M'
    >>> normalise_duration("a four-and-a-half-year")
    'P4Y6M'
    >>> normalise_duration("38 weeks")
    'P266D'
    >>> normalise_duration("2.5 months")
    'P2M15D'
    >>> normalise_duration("two hours") is None
    True
    >>> normalise_duration("nearly two decades")
    'P20Y'
    """
    parts = duration_parts(text)
    return None if parts is None else format_duration(*parts)


def duration_parts(text: str) -> tuple[int, int, int] | None:
    """Read a duration into whole years, months and days, before carrying.

    Args:
        text: the duration as written, or in ISO form.

    Returns:
        ``(years, months, days)`` with fractions resolved but months not yet
        carried into years, or None if the text is not a non-zero duration.

    >>> duration_parts("32 months")
    (0, 32, 0)
    >>> duration_parts("1.5 years")
    (1, 6, 0)
    >>> duration_parts("a fortnight")
    (0, 0, 14)
    >>> duration_parts("0 years") is None
    True
    """
    cleaned = " ".join(text.lower().replace("\u2019", "'").split())
    if not cleaned or len(cleaned) > _MAX_LENGTH:
        return None
    amounts: dict[str, Decimal] | None
    if iso := _ISO.fullmatch(cleaned):
        amounts = {code: Decimal(value) for code, value in zip("YMWD", iso.groups()) if value}
    else:
        amounts = _read_amounts(cleaned)
    return _resolve(amounts) if amounts else None


def format_duration(years: int, months: int, days: int) -> str | None:
    """Write whole parts as a gold ISO duration, carrying months into years.

    Args:
        years: whole years.
        months: whole months; 12 or more carry into years.
        days: whole days; never carried into months.

    Returns:
        The ISO duration with zero parts left out, or None when every part
        is zero or any part is negative.

    >>> format_duration(0, 18, 0)
    'P1Y6M'
    >>> format_duration(15, 3, 19)
    'P15Y3M19D'
    >>> format_duration(0, 0, 0) is None
    True
    """
    if min(years, months, days) < 0 or years == months == days == 0:
        return None
    years, months = years + months // 12, months % 12
    return "P" + "".join(
        f"{value}{code}" for value, code in ((years, "Y"), (months, "M"), (days, "D")) if value
    )


def add_durations(a: str, b: str) -> str:
    """Add two durations, as for consecutive terms, carrying months into years.

    Args:
        a: an ISO duration (or any text ``normalise_duration`` reads).
        b: another.

    Returns:
        The ISO duration of the sum.

    Raises:
        ValueError: either operand is not a duration (a caller's bug, since
            both should come from ``normalise_duration``).

    >>> add_durations("P2Y8M", "P1Y6M")
    'P4Y2M'
    >>> add_durations("P1Y", "P14D")
    'P1Y14D'
    """
    parts_a, parts_b = duration_parts(a), duration_parts(b)
    if parts_a is None or parts_b is None:
        raise ValueError(f"cannot add {a!r} and {b!r}: not both durations")
    total = format_duration(*(x + y for x, y in zip(parts_a, parts_b)))
    assert total is not None  # two non-zero durations never sum to zero
    return total


def compare_key(iso: str) -> float:
    """Approximate length in days, to order durations.

    Args:
        iso: an ISO duration (or any text ``normalise_duration`` reads).

    Returns:
        Days (a year is 365 days, a month 365/12), or infinity for text that
        is not a duration, so that unknown terms sort last.

    >>> compare_key("P1Y6M") > compare_key("P17M")
    True
    >>> compare_key("life")
    inf
    """
    normal = normalise_duration(iso)
    return math.inf if normal is None else duration_days(normal)


def _read_amounts(text: str) -> dict[str, Decimal] | None:
    """Pair each unit with the number before it; None if any part is not a number."""
    units = _units()
    amounts: dict[str, Decimal] = {}
    position = 0
    for match in units.pattern.finditer(text):
        value = _number_before(text[position : match.start()], units, is_first=not amounts)
        code = units.codes[match.group("word") or match.group("letter")]
        if value is None or code in amounts:
            return None
        after = _AFTER_UNIT.match(text, match.end())
        assert after is not None  # every part of the pattern is optional
        amounts[code] = value + (Decimal("0.5") if after.group("half") else 0)
        position = after.end()
    if not amounts or not _is_harmless_tail(text[position:]):
        return None
    return amounts


def _number_before(chunk: str, units: _Units, *, is_first: bool) -> Decimal | None:
    """Read the number in the text between two units."""
    words = chunk.strip(" -'").split()
    while words and words[-1] in units.adjectives:
        words.pop()
    text = " ".join(words).strip(" -")
    text = strip_qualifiers(text) if is_first else _LINKS.sub("", text)
    value = parse_decimal(text)
    if value is None and is_first and _ARTICLE.match(text):
        value = parse_decimal(_ARTICLE.sub("", text))
    if value is None or value > _MAX_AMOUNT:
        return None
    return value


def _is_harmless_tail(tail: str) -> bool:
    """Words after the last unit may not state another number ("and two hours")."""
    if _DIGIT.search(tail):
        return False
    articles = number_words().articles
    return all(parse_decimal(word) is None or word in articles for word in tail.split())


def _resolve(amounts: dict[str, Decimal]) -> tuple[int, int, int] | None:
    """Resolve fractions downwards (years -> months -> days) into whole parts."""
    years = amounts.get("Y", Decimal(0)) + amounts.get("X", Decimal(0)) * 10
    months = amounts.get("M", Decimal(0))
    days = sum(
        (amounts.get(code, Decimal(0)) * per for code, per in _DAYS_PER_UNIT.items()),
        Decimal(0),
    )
    whole_years = int(years)
    months += _round((years - whole_years) * 12)
    whole_months = int(months)
    whole_days = _round(days + (months - whole_months) * 30)
    if whole_years == whole_months == whole_days == 0:
        return None
    return whole_years, whole_months, whole_days


def _round(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def scale_duration(term: str, factor: Fraction | int) -> str | None:
    """A term multiplied by a whole number or a fraction, to whole days.

    >>> scale_duration("P13Y", 3)
    'P39Y'
    >>> scale_duration("P7Y", Fraction(1, 2))
    'P3Y6M'
    >>> scale_duration("P1Y6M", Fraction(2, 3))
    'P1Y'
    """
    parts = duration_parts(term)
    if parts is None:
        return None
    years, months, days = parts
    total_months = Fraction(years * 12 + months) * factor
    whole = int(total_months)
    extra_days = round((total_months - whole) * 30 + Fraction(days) * factor)
    return format_duration(whole // 12, whole % 12, extra_days)
