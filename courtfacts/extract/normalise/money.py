"""Sums of money as ``Money`` (an exact Decimal amount and an ISO 4217 code).

One amount at a time: the caller splits ranges ("£10 to £20") and
conversions ("£31.41 (P2,111)"); ``range_ends`` lends the ends of a range
written once ("$213 to 215 million") what they share. The currency comes from a symbol or code
before the amount or a word or code after it; a word after the amount wins
over a symbol before it ("$3.6 million pesos" is PHP). Markers come from the
``currency_words`` lexicon, where ``@dollar`` and ``@rupee`` stand for the
jurisdiction's dollar and rupee.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from courtfacts.models import Money
from courtfacts.patterns import load_lexicon

from .numbers import parse_decimal, strip_qualifiers

_SUFFIX_DASH = re.compile(r"\s*/[-=]\s*$")
_TRAILING = re.compile(r"[\s.,;:)\]]+$")
_LEADING = re.compile(r"^[\s(\[]+")
_WORD_FIRST = re.compile(r"^([a-z]+)\.?(?![a-z])", re.IGNORECASE)
_WORD_LAST = re.compile(r"(?<![a-z])([a-z]+)\.?$", re.IGNORECASE)
_PENCE = re.compile(r"(?<=\d)\s?p$")
_DIGIT_LETTER = re.compile(r"(?<=\d)(?=[a-z])", re.IGNORECASE)
_MAX_LENGTH = 80


@dataclass(frozen=True)
class _Currencies:
    symbols: tuple[tuple[str, str], ...]
    words: dict[str, str]
    subunits: dict[str, tuple[str, int]]
    abbreviations: dict[str, int]


@cache
def _currencies() -> _Currencies:
    data = load_lexicon("currency_words")
    words = {code.lower(): code for code in data["codes"]}
    words.update(data["words"])
    return _Currencies(
        symbols=tuple(sorted(data["symbols"].items(), key=lambda item: -len(item[0]))),
        words=words,
        subunits={name: (code, per) for name, (code, per) in data["subunits"].items()},
        abbreviations=data["abbreviations"],
    )


def normalise_money(text: str, *, dollar: str = "USD", rupee: str = "INR") -> Money | None:
    """Normalise one stated sum of money.

    Args:
        text: the amount as written ("£8,584", "Rs. 5,000/-", "2 million pesos").
        dollar: the currency of a bare ``$``, "dollars" and "cents": the
            dollar of the document's jurisdiction.
        rupee: the currency of "Rs" and "rupees" ("LKR" for Sri Lanka).

    Returns:
        The amount and currency, or None when the text is not one sum of
        money with a known currency.

    Raises:
        pydantic.ValidationError: ``dollar`` or ``rupee`` is not an ISO code
            (misuse, not bad text).

    >>> normalise_money("around £2,000")
    Money(amount=Decimal('2000'), currency='GBP')
    >>> normalise_money("£1.2m")
    Money(amount=Decimal('1200000'), currency='GBP')
    >>> normalise_money("Rs 3 lakh", rupee="LKR")
    Money(amount=Decimal('300000'), currency='LKR')
    >>> normalise_money("$3.6 million pesos")
    Money(amount=Decimal('3600000'), currency='PHP')
    >>> normalise_money("26 cents")
    Money(amount=Decimal('0.26'), currency='USD')
    >>> normalise_money("£10 to £20") is None
    True
    """
    cleaned = _clean(text)
    if not cleaned:
        return None
    placeholders = {"@dollar": dollar, "@rupee": rupee}
    before, rest = _take_prefix(cleaned)
    rest, after, per = _take_suffix(rest)
    currency = after or before
    amount = _amount(rest)
    if currency is None or amount is None:
        return None
    try:
        exact = _tidy(amount / per)
    except InvalidOperation:
        return None
    return Money(amount=exact, currency=placeholders.get(currency, currency))


def _clean(text: str) -> str:
    """Drop qualifiers, brackets, the South Asian "/-" and trailing stops."""
    cleaned = " ".join(text.replace("\u00a0", " ").split())
    if len(cleaned) > _MAX_LENGTH:
        return ""
    cleaned = _SUFFIX_DASH.sub("", _LEADING.sub("", cleaned))
    return _TRAILING.sub("", strip_qualifiers(cleaned))


def _take_prefix(text: str) -> tuple[str | None, str]:
    """Split a currency symbol, code or word off the front of the text."""
    currencies = _currencies()
    for symbol, code in currencies.symbols:
        if text.startswith(symbol):
            rest = text[len(symbol) :]
            if symbol.isalpha() and rest[:1].isalpha():
                continue
            if symbol == "P" and not rest[:1].isdigit():
                continue
            return code, rest.lstrip(" .") if symbol.isalpha() else rest.lstrip()
    match = _WORD_FIRST.match(text)
    if match and match.group(1).lower() in currencies.words:
        return currencies.words[match.group(1).lower()], text[match.end() :].lstrip()
    return None, text


def _take_suffix(text: str) -> tuple[str, str | None, int]:
    """Split a currency word, code or subunit off the end: (rest, code, divisor)."""
    currencies = _currencies()
    if pence := _PENCE.search(text):
        return text[: pence.start()], "GBP", 100
    for symbol, code in currencies.symbols:
        if text.endswith(symbol) and not symbol[0].isalpha() and len(text) > len(symbol):
            return text[: -len(symbol)].rstrip(), code, 1
    match = _WORD_LAST.search(text)
    if not match or match.start() == 0:
        return text, None, 1
    word, rest = match.group(1).lower(), text[: match.start()].rstrip()
    if word in currencies.words:
        return rest, currencies.words[word], 1
    if word in currencies.subunits and word != "p":
        code, per = currencies.subunits[word]
        return rest, code, per
    return text, None, 1


def _amount(text: str) -> Decimal | None:
    """Read the amount, with "m", "bn", "k" abbreviations after it."""
    tokens = _DIGIT_LETTER.sub(" ", text).split()
    if not tokens:
        return None
    factor = _currencies().abbreviations.get(tokens[-1].lower())
    if factor is not None and len(tokens) > 1:
        value = parse_decimal(" ".join(tokens[:-1]))
        return None if value is None else value * factor
    return parse_decimal(" ".join(tokens))


def _tidy(amount: Decimal) -> Decimal:
    """Drop float-like noise: ``Decimal('1200000.0')`` -> ``Decimal('1200000')``."""
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.normalize()


_SPLIT_AMOUNT = re.compile(
    r"^(?P<prefix>\D*?)\s?(?P<amount>\d[\d,]*(?:\.\d+)?)(?P<rest>.*)$", re.DOTALL
)
_MULTIPLIER = re.compile(r"^\s?(?P<word>[a-z]+)\b", re.IGNORECASE)
_THOUSANDS = (3, 6, 9)
_WORD_FACTORS = frozenset({"million", "billion", "thousand", "lakh", "lakhs", "crore", "crores"})


def range_ends(low: str, high: str) -> tuple[str, str]:
    """The two ends of a range of money written once ("$213 to 215 million", "£200-300,000").

    The low end borrows the high end's multiplier ("million") or, where the
    high end is written in thousands and the low end is not, its scale; the
    high end borrows the low end's currency sign. A range rises: a low end
    not below the high one as written ("£500 and £2 million") borrows nothing.

    Args:
        low: the first amount as written ("$213", "£5").
        high: the second ("215 million", "6,000").

    Returns:
        The two amounts as ``normalise_money`` can read them.

    >>> range_ends("$213", "215 million")
    ('$213 million', '$215 million')
    >>> range_ends("£200", "300,000")
    ('£200000', '£300,000')
    >>> range_ends("£500", "£2 million")
    ('£500', '£2 million')
    """
    lo, hi = _SPLIT_AMOUNT.match(low.strip()), _SPLIT_AMOUNT.match(high.strip())
    if lo is None or hi is None:
        return low, high
    lo_amount, hi_amount = parse_decimal(lo["amount"]), parse_decimal(hi["amount"])
    if lo_amount is None or hi_amount is None or lo_amount >= hi_amount:
        return low, high
    high_text = high if hi["prefix"].strip() else f"{lo['prefix']}{high.strip()}"
    word = _MULTIPLIER.match(hi["rest"])
    if word and word["word"].lower() in _WORD_FACTORS | set(_currencies().abbreviations):
        if not lo["rest"].strip():
            return f"{low.strip()}{hi['rest']}", high_text
        return low, high_text
    if "," in hi["amount"] and "," not in lo["amount"] and not lo["rest"].strip():
        for power in _THOUSANDS:
            scaled = lo_amount * 10**power
            if scaled <= hi_amount < scaled * 10:
                return f"{lo['prefix']}{_tidy(scaled)}", high_text
    return low, high_text
