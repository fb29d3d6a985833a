"""Pure normalisers: stated values as text in, gold-format normal forms out.

Each function takes the text of one mention and returns its normal form, or
None when it cannot read it (the mention then keeps its raw text). None of
them raises on any text, and none knows about spaCy. Word lists come from
the lexicons in ``courtfacts/patterns`` (``number_words``, ``time_words``,
``currency_words``).
"""

from .counts import normalise_count
from .dates import normalise_date, parse_reference
from .durations import (
    add_durations,
    compare_key,
    duration_parts,
    format_duration,
    normalise_duration,
    scale_duration,
)
from .money import normalise_money, range_ends
from .numbers import parse_decimal, parse_number, strip_qualifiers

__all__ = [
    "add_durations",
    "compare_key",
    "duration_parts",
    "format_duration",
    "normalise_count",
    "normalise_date",
    "normalise_duration",
    "normalise_money",
    "parse_decimal",
    "parse_number",
    "parse_reference",
    "range_ends",
    "scale_duration",
    "strip_qualifiers",
]
