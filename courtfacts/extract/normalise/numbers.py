"""Numbers as texts write them: digits, words and fractions.

``parse_decimal`` is exact (money needs ``Decimal("1200000")``, not a float
with noise); ``parse_number`` is the same reading as a float. The words
come from the ``number_words`` lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache

from courtfacts.patterns import load_lexicon

_DIGITS = re.compile(
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?|\.\d+", re.ASCII
)
_SLASH_FRACTION = re.compile(r"(\d{1,3})/(\d{1,3})", re.ASCII)
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014]+")
_NEGATIVE = re.compile(r"^\s*[-\u2212\u2013]\s*[\d.]")
_RESTATED = re.compile(r"(?P<words>.*?)\s*\(\s*(?P<digits>[\d,.]+)\s*\)\s*", re.ASCII | re.DOTALL)
_MAX_TOKENS = 16
_MAX_LENGTH = 200


@dataclass(frozen=True)
class NumberWords:
    units: dict[str, int]
    tens: dict[str, int]
    multipliers: dict[str, int]
    scales: dict[str, int]
    fractions: dict[str, Decimal]
    glyphs: dict[str, str]
    articles: frozenset[str]
    count_words: dict[str, int]
    qualifiers: re.Pattern[str]


def _ratio(text: str) -> Decimal:
    fraction = Fraction(text)
    return Decimal(fraction.numerator) / Decimal(fraction.denominator)


@cache
def number_words() -> NumberWords:
    """Load the ``number_words`` lexicon once.

    >>> number_words().count_words["both"]
    2
    """
    data = load_lexicon("number_words")
    qualifiers = sorted(data["qualifiers"], key=len, reverse=True)
    alternation = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in qualifiers)
    return NumberWords(
        units=data["units"],
        tens=data["tens"],
        multipliers=data["multipliers"],
        scales=data["scales"],
        fractions={word: _ratio(value) for word, value in data["fractions"].items()},
        glyphs=data["fraction_glyphs"],
        articles=frozenset(data["articles"]),
        count_words=data["count_words"],
        qualifiers=re.compile(rf"^(?:(?:{alternation})\s+)+", re.IGNORECASE),
    )


def strip_qualifiers(text: str) -> str:
    """Remove approximating words before an amount ("around", "more than").

    Args:
        text: an amount as written, possibly with qualifiers in front.

    Returns:
        The text without its leading qualifiers, stripped of outer spaces.

    >>> strip_qualifiers("just over £2,000")
    '£2,000'
    >>> strip_qualifiers("more than five years")
    'five years'
    """
    return number_words().qualifiers.sub("", text.strip()).strip()


def parse_decimal(text: str) -> Decimal | None:
    """Read a number written in digits, words or fractions, exactly.

    Args:
        text: the number alone ("1,200", "forty-nine", "two and a half").

    Returns:
        The value as a Decimal, or None when the text is not a number.

    >>> parse_decimal("1.2 million")
    Decimal('1200000.0')
    >>> parse_decimal("one hundred and ten")
    Decimal('110')
    >>> parse_decimal("19-and-a-half")
    Decimal('19.5')
    >>> parse_decimal("three (3)")
    Decimal('3')
    >>> parse_decimal("twelve years") is None
    True
    """
    if len(text) > _MAX_LENGTH or _NEGATIVE.match(text):
        return None
    if restated := _RESTATED.fullmatch(text):
        return _agreed(restated.group("words"), restated.group("digits"))
    words = number_words()
    lowered = text.lower()
    for glyph, written in words.glyphs.items():
        lowered = lowered.replace(glyph, f" {written}")
    tokens = [token for token in _SEPARATORS.split(lowered) if token]
    if not tokens or len(tokens) > _MAX_TOKENS:
        return None
    split = _split_fraction(tokens, words)
    if split is None:
        return None
    whole_tokens, fraction = split
    whole = _whole(whole_tokens, words) if whole_tokens else Decimal(0)
    if whole is None:
        return None
    return whole + fraction


def _agreed(words: str, digits: str) -> Decimal | None:
    """A number restated in digits ("three (3)") counts only if both agree."""
    value = parse_decimal(words)
    return value if value is not None and value == parse_decimal(digits) else None


def parse_number(text: str) -> float | None:
    """Read a number written in digits, words or fractions.

    Args:
        text: the number alone; case does not matter.

    Returns:
        The value as a float (the caller rounds), or None when the text is
        not a number.

    >>> parse_number("8,584")
    8584.0
    >>> parse_number("Forty nine")
    49.0
    >>> parse_number("8½")
    8.5
    >>> parse_number("37 and half")
    37.5
    >>> parse_number("a dozen")
    12.0
    >>> parse_number("three quarters")
    0.75
    >>> parse_number("third") is None
    True
    """
    value = parse_decimal(text)
    return None if value is None else float(value)


def _split_fraction(tokens: list[str], words: NumberWords) -> tuple[list[str], Decimal] | None:
    """Split off a fractional tail ("and a half", "1/2"); None if it is malformed."""
    last = tokens[-1]
    if match := _SLASH_FRACTION.fullmatch(last):
        top, bottom = int(match.group(1)), int(match.group(2))
        if not 0 < top < bottom:
            return None
        rest = tokens[:-1]
        if rest and rest[-1] == "and":
            rest = rest[:-1]
            if not rest:
                return None
        return rest, Decimal(top) / Decimal(bottom)
    if last not in words.fractions:
        return tokens, Decimal(0)
    rest, numerator, is_explicit = tokens[:-1], Decimal(1), False
    if rest and rest[-1] in words.articles:
        rest, is_explicit = rest[:-1], True
    elif rest and (_is_ascii_digits(rest[-1]) or 0 < words.units.get(rest[-1], 0)):
        numerator = Decimal(words.units.get(rest[-1]) or int(rest[-1]))
        rest, is_explicit = rest[:-1], True
    if rest:
        if rest[-1] != "and" or len(rest) == 1:
            return None
        rest = rest[:-1]
    elif not is_explicit and last != "half":
        return None
    return rest, numerator * words.fractions[last]


def _is_ascii_digits(token: str) -> bool:
    return token.isascii() and token.isdigit()


def _whole(tokens: list[str], words: NumberWords) -> Decimal | None:
    """Read the whole part: digits with optional scales, or cardinal words."""
    first = tokens[0]
    if _DIGITS.fullmatch(first):
        value = Decimal(first.replace(",", ""))
        for token in tokens[1:]:
            factor = words.scales.get(token) or words.multipliers.get(token)
            if factor is None:
                return None
            value *= factor
        return value
    if first in words.articles:
        if len(tokens) == 1:
            return Decimal(1)
        if tokens[1] not in words.multipliers and tokens[1] not in words.scales:
            return None
        tokens = ["one", *tokens[1:]]
    return _cardinal(tokens, words)


def _cardinal(tokens: list[str], words: NumberWords) -> Decimal | None:
    """Read cardinal words ("one hundred and ten", "three lakh"), strictly."""
    total, group, last, previous_scale = 0, 0, "", 0
    for index, token in enumerate(tokens):
        if token == "and":
            if last not in ("hundred", "scale") or index == len(tokens) - 1:
                return None
            continue
        if token in words.units:
            kind = "unit" if words.units[token] < 10 else "teen"
            if last in ("unit", "teen") or (last == "ten" and kind == "teen"):
                return None
            group, last = group + words.units[token], kind
        elif token in words.tens:
            if last in ("unit", "teen", "ten"):
                return None
            group, last = group + words.tens[token], "ten"
        elif token in words.multipliers:
            if not 0 < group < 100:
                return None
            group, last = group * words.multipliers[token], "hundred"
        elif token in words.scales:
            scale = words.scales[token]
            if group == 0 or (previous_scale and scale >= previous_scale):
                return None
            total, group, last, previous_scale = total + group * scale, 0, "scale", scale
        else:
            return None
    return Decimal(total + group)
