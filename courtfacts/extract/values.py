"""Give each hit its normal form, with the document's conventions.

A document's conventions (which dollar a bare ``$`` is, which rupee ``Rs``
is, whether ``03/09/2025`` puts the day first, the reference date for
"last July") come from ``DocumentContext``; ``assign_values`` fills
``Hit.value`` and leaves it None where the text cannot be read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from courtfacts.extract.date_roles import assign_date_roles
from courtfacts.extract.date_years import assign_dates, day_first_of
from courtfacts.extract.needles import Haystack, find_near_words
from courtfacts.extract.normalise import (
    normalise_count,
    normalise_duration,
    normalise_money,
    parse_reference,
    range_ends,
    scale_duration,
)
from courtfacts.extract.ruler import Hit
from courtfacts.extract.sentence_context import read_share, refine_sentences
from courtfacts.extract.sentences import sentence_spans
from courtfacts.models import Money, PaymentValue, SentenceValue
from courtfacts.patterns import deferred, load_lexicon

_UNIT = re.compile(r"(years?|yrs?|months?|mths?|weeks?|wks?|days?)\b", re.IGNORECASE)
_RANGE = re.compile(r"^(.+?)\s*(?:\bto\b|-|–)\s*(.+)$", re.IGNORECASE)
_CENTS = re.compile(r"\bcents?\b", re.IGNORECASE)
_ORIGINAL = re.compile(
    r"\b(?:reduc\w*|increas\w*|vari\w*|substitut\w*|quash\w*|appeal\w*|replac\w*)\b[^.]*?"
    r"\bfrom\s+(?:an?\s+|the\s+)?(?:total\s+)?(?:(?:sentence|term)\s+of\s+)?$"
    r"|\b(?:quash\w*|replac\w*|set\s+aside)\s+(?:the|his|her|that)\s+(?:\w+\s+)?(?:sentences?|terms?)\s+of\s+$"
    r"|\b(?:commut\w*|vacat\w*|quash\w*|set\s+aside|overturn\w*)\s+(?:the|his|her|their|that)\s+$",
    re.IGNORECASE,
)
_SUBSTITUTED = re.compile(
    r"\b(?:reduc\w*|increas\w*|rais\w*|vari\w*|substitut\w*|in\s+lieu|replac\w*|lower\w*|cut|commut\w*)\b"
    r"[^.]*?\b(?:to|with|by)\s+(?:an?\s+|the\s+)?(?:(?:\w+\s+)?(?:sentence|term)\s+of\s+)?$"
    r"|\b(?:substitut\w*|in\s+lieu\s+(?:thereof|of\s+it)|impose|we\s+impose)\s+(?:\w+\s+){0,3}?(?:an?\s+|the\s+)?(?:(?:\w+\s+)?(?:sentence|term)\s+of\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DocumentContext:
    """The conventions a document's values are read with."""

    reference: dt.date | None = None
    dollar: str = "USD"
    rupee: str = "INR"
    day_first: bool = True
    jurisdiction: str = "unknown"
    cents: str = "USD"
    consecutive_by_default: bool = False  # terms for distinct counts add up unless made concurrent


@cache
def _jurisdictions() -> tuple[dict[str, object], list[tuple[re.Pattern[str], dict[str, object]]]]:
    lexicon = load_lexicon("jurisdictions")
    compiled = [
        (deferred(f"jurisdiction {j['name']}", j["cues"], re.IGNORECASE), j)
        for j in lexicon["jurisdictions"]
    ]
    return lexicon["default"], compiled


def jurisdiction_cues() -> list[re.Pattern[str]]:
    """The regexes of the jurisdictions' cues (for the rule index)."""
    return [regex for regex, _ in _jurisdictions()[1]]


def guess_jurisdiction(text: str, hints: str = "") -> dict[str, object]:
    """Pick the jurisdiction whose cues occur most often in the text and hints.

    >>> guess_jurisdiction("The Colombo High Court ... Sri Lanka ... Rs. 5,000")["rupee"]
    'LKR'
    """
    default, compiled = _jurisdictions()
    best, best_count = default, 0
    sample = Haystack(hints + "\n" + text[:20000])
    for regex, entry in compiled:
        count = sum(1 for _ in find_near_words(regex, sample))  # as many as ``findall``
        if count > best_count:
            best, best_count = entry, count
    return best


def document_context(text: str, document_date: str | None, hints: str = "") -> DocumentContext:
    """Build the reading conventions for one document."""
    place = guess_jurisdiction(text, hints)
    return DocumentContext(
        reference=parse_reference(document_date),
        dollar=str(place["dollar"]),
        rupee=str(place["rupee"]),
        day_first=bool(place["day_first"]),
        jurisdiction=str(place["name"]),
        cents=str(place.get("cents", place["dollar"])),
        consecutive_by_default=bool(place.get("consecutive_by_default", False)),
    )


def _with_unit_of(hit: Hit, group: object) -> str | None:
    """An emitted number with the unit another group of its match states
    ("10 to 14 years", "three and four years respectively": "10 years", "three years")."""
    if not isinstance(group, str) or group not in hit.groups:
        return None
    unit = _UNIT.search(hit.groups[group][2])
    return f"{hit.text} {unit.group(1)}" if unit else None


def _duration(hit: Hit) -> str | None:
    value = normalise_duration(hit.text)
    if value is None and hit.emitted == "lo":
        borrowed = _with_unit_of(hit, "hi")
        value = normalise_duration(borrowed) if borrowed else None
    return value


def _term(text: str | None) -> str | None:
    """A term, where an indeterminate range ("two to four years") is its upper bound."""
    if not text:
        return None
    value = normalise_duration(text)
    if value is None:
        match = _RANGE.match(text)
        if match:
            value = normalise_duration(match.group(2))
    return value


def _sentence_term(hit: Hit) -> str | None:
    if hit.emitted:
        value = _term(hit.text)
        if value is None:
            value = _term(_with_unit_of(hit, hit.attrs.get("unit_from")))
        return value
    names = str(hit.attrs.get("term_group", "term")).split("|")
    for name in names:
        if name in hit.groups:
            return _term(hit.groups[name][2])
    return None


def _role(hit: Hit, text: str, sentence_start: int) -> str:
    """Original or substituted on appeal, from the words before the sentence or its term."""
    if "role" in hit.attrs:
        return str(hit.attrs["role"])
    starts = [hit.start]
    if "term" in hit.groups and not hit.emitted:
        starts.append(hit.groups["term"][0])
    for start in starts:
        before = text[max(sentence_start, start - 120) : start]
        if _ORIGINAL.search(before):
            return "original"
        if _SUBSTITUTED.search(before):
            return "substituted"
    return "imposed"


def _offence_count(hit: Hit) -> int | None:
    """A number of offences; a numbered range of counts ("counts 1-8") is its size."""
    if "lo" in hit.groups and "hi" in hit.groups:
        low, high = int(hit.groups["lo"][2]), int(hit.groups["hi"][2])
        return high - low + 1 if high > low else None
    return normalise_count(hit.groups.get("count", (0, 0, hit.text))[2])


def _custody_time(hit: Hit) -> str | None:
    """Time in custody the text states; a share of a term ("half of his seven-year sentence") is worked out."""
    if "share" not in hit.groups:
        return _term(hit.groups.get("term", (0, 0, hit.text))[2])
    term = _term(hit.groups["term"][2]) if "term" in hit.groups else None
    share = read_share(hit.groups["share"][2])
    return scale_duration(term, share) if term and share else None


def _money_text(hit: Hit) -> str:
    """The text to read a sum from; an end of a range written once borrows what the ends share."""
    high = hit.groups.get("hi") or hit.groups.get("hi_k")
    if hit.emitted in ("lo", "hi", "hi_k") and "lo" in hit.groups and high:
        ends = range_ends(hit.groups["lo"][2], high[2])
        return ends[0] if hit.emitted == "lo" else ends[1]
    return hit.text


def _money(text: str | None, ctx: DocumentContext) -> Money | None:
    if not text:
        return None
    dollar = ctx.cents if _CENTS.search(text) else ctx.dollar
    return normalise_money(text, dollar=dollar, rupee=ctx.rupee)


def assign_values(
    hits: list[Hit],
    text: str,
    ctx: DocumentContext,
    sentence_of: dict[int, int],
    sentences: list[tuple[int, int]] | None = None,
) -> None:
    """Set ``value`` on every hit, in place.

    Args:
        hits: the hits of one document.
        text: its text.
        ctx: its reading conventions.
        sentence_of: the start offset of the sentence around each hit's start.
        sentences: ``sentence_spans(text)``, when the caller has it already.
    """
    assign_dates(hits, text, ctx.reference, day_first_of(hits, ctx.day_first))
    for hit in hits:
        if hit.label == "DURATION":
            hit.value = _duration(hit)
        elif hit.label == "MONEY":
            hit.value = _money(_money_text(hit), ctx)
        elif hit.label == "OFFENCE_COUNT":
            hit.value = _offence_count(hit)
        elif hit.label == "PAYMENT":
            names = str(hit.attrs.get("count_group", "count")).split("|")
            count = next((hit.groups[n] for n in names if n in hit.groups), None)
            total = hit.groups.get("total")
            hit.value = PaymentValue(
                count=normalise_count(count[2]) if count else None,
                total=_money(total[2] if total else None, ctx),
            )
        elif hit.label == "SENTENCE":
            kind = str(hit.attrs["kind"])
            term = None if kind in ("fine", "death") else _sentence_term(hit)
            role = _role(hit, text, sentence_of.get(hit.start, 0))
            hit.value = SentenceValue(kind=kind, term=term, role=role)  # type: ignore[arg-type]
        elif hit.label == "CUSTODY_TIME":
            hit.value = _custody_time(hit)
    spans = sentence_spans(text) if sentences is None else sentences
    assign_date_roles(hits, text, spans)
    refine_sentences(hits, text, spans)
