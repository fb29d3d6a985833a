"""Counts of offences, charges or payments as positive integers."""

from __future__ import annotations

from .numbers import number_words, parse_decimal, strip_qualifiers


def normalise_count(text: str) -> int | None:
    """Normalise a stated count ("four", "13", "both", "thirty-three").

    Args:
        text: the count as written, without the counted noun.

    Returns:
        The count, or None when the text is not a whole number above zero.

    >>> normalise_count("thirty-three")
    33
    >>> normalise_count("both")
    2
    >>> normalise_count("a")
    1
    >>> normalise_count("two and a half") is None
    True
    """
    cleaned = strip_qualifiers(text).lower()
    count_words = number_words().count_words
    if cleaned in count_words:
        return count_words[cleaned]
    value = parse_decimal(cleaned)
    if value is None or value <= 0 or value != value.to_integral_value():
        return None
    return int(value)
