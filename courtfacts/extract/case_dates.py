"""When the offending happened and when sentence was passed.

The offending period is a span the text states about the offending ("from
December 2015 to July 2018", "between 2016 and 2019") or, failing that, the
date of a single incident ("on or about the 01.12.1993", "the death of
Kelsey King on June 16, 2020"); dates in sentences about the procedure
(arrest, plea, trial, hearing) are not offending dates. Sentence was passed
on the document's date when the text says "sentenced today" or an appeal
court substitutes the sentence, or on the day a sentencing sentence names
with "on" after its verb ("jailed for nine years on 12 January 2024").
"""

from __future__ import annotations

import re

from courtfacts.extract.attribution import Attribution
from courtfacts.extract.offenders import Person
from courtfacts.extract.ruler import Hit
from courtfacts.extract.values import DocumentContext
from courtfacts.patterns import load_lexicon


def _word_regex(name: str) -> re.Pattern[str]:
    """One alternation of the words a list of ``patterns/case_words.json`` holds."""
    words = load_lexicon("case_words")[name]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


_TODAY = re.compile(
    r"\b(?:today|this\s+(?:morning|afternoon)|later\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.IGNORECASE,
)
_SENTENCING_VERB = re.compile(
    r"\b(?:sentenced|sentence\s+you|jailed|imprisoned|handed|locked\s+up|given)\b", re.IGNORECASE
)
_OFFENDING = _word_regex("offending")
_NOT_OFFENDING = _word_regex("procedural")
_PROCEDURE = _word_regex("procedure_between")
_ON_DATE = re.compile(
    r"\b(?:on|in|of|about|around|during|on\s+or\s+(?:about|before))(?:\s+the)?\s*$", re.IGNORECASE
)
_RANGE_START = re.compile(
    r"\b(?:from|between|since|starting\s+in|began\s+in|beginning\s+in)\s*$", re.IGNORECASE
)
_RANGE_END = re.compile(r"\b(?:to|until|till|and|through)\s*$", re.IGNORECASE)
_PASSED = re.compile(r"\b(?:sentenced|jailed|imprisoned|locked\s+up)\b", re.IGNORECASE)
_ON_DAY = re.compile(
    r"\bon\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:the\s+)?$", re.IGNORECASE
)


def offending_period(
    hits: list[Hit], text: str, sents: Attribution
) -> dict[str, tuple[str, str, int]]:
    """The period of offending: a stated span about the offending, else the date of a single incident."""
    found: dict[str, tuple[str, str, int]] = {}
    incident: tuple[str, str, int] | None = None
    for hit in hits:
        if hit.label != "DATE" or not hit.value or not hit.mention_id:
            continue
        start, end = sents.sentence(hit.start)
        before = text[max(start, hit.start - 25) : hit.start]
        if (
            "start" in found
            and "end" not in found
            and found["start"][2] == start
            and _RANGE_END.search(before)
        ):
            found["end"] = (hit.value, hit.mention_id, start)
            continue
        sentence = text[start:end]
        near = text[max(start, hit.start - 60) : hit.start]
        procedural = _NOT_OFFENDING.search(sentence)
        offence_words = list(_OFFENDING.finditer(near))
        is_near = bool(offence_words) and not _PROCEDURE.search(near[offence_words[-1].end() :])
        if not (is_near or (_OFFENDING.search(sentence) and not procedural)):
            continue
        before = text[max(start, hit.start - 25) : hit.start]
        if "start" not in found and _RANGE_START.search(before):
            found["start"] = (hit.value, hit.mention_id, start)
        elif _ON_DATE.search(before) and (incident is None or len(hit.value) > len(incident[0])):
            incident = (hit.value, hit.mention_id, start)
    if not found and incident:
        found = {"start": incident, "end": incident}
    return found


def sentence_date(
    person: Person | None, hits: list[Hit], text: str, sents: Attribution, ctx: DocumentContext
) -> tuple[str, list[str]] | None:
    """When sentence was passed, and the mention that says so (none for the document's date).

    An appeal court's substituted sentence, or 'sentenced today' in a dated
    report, is passed on the document's date; 'jailed for nine years on 12
    January 2024' on the day named after the verb.
    """
    if any(h.label == "SENTENCE" and h.value.role == "substituted" for h in hits) and ctx.reference:
        return ctx.reference.isoformat(), []
    spans = sorted(
        {sents.sentence(h.start) for h in hits if h.label in ("SENTENCE", "OFFENCE_COUNT")}
    )
    for start, end in spans + verb_sentences(text, sents, person):
        sentence = text[start:end]
        if not _SENTENCING_VERB.search(sentence):
            continue
        if ctx.reference and _TODAY.search(sentence):
            return ctx.reference.isoformat(), []
        dated = _passed_on(hits, text, (start, end), ctx)
        if dated:
            return dated
    return None


def _passed_on(
    hits: list[Hit], text: str, span: tuple[int, int], ctx: DocumentContext
) -> tuple[str, list[str]] | None:
    """A day named with 'on' after a word of sentencing in one sentence, with nothing
    about the offending between them ('was jailed on 12 January 2024'), not after
    the document's own date."""
    start, end = span
    verb = _PASSED.search(text, start, end)
    if verb is None:
        return None
    for hit in hits:
        if hit.label != "DATE" or not hit.value or not hit.mention_id:
            continue
        if not verb.end() <= hit.start < end or len(hit.value) != len("YYYY-MM-DD"):
            continue
        if not _ON_DAY.search(text[max(start, hit.start - 30) : hit.start]):
            continue
        if _OFFENDING.search(text[verb.end() : hit.start]):
            continue
        if ctx.reference and hit.value > ctx.reference.isoformat():
            continue
        return hit.value, [hit.mention_id]
    return None


def verb_sentences(text: str, sents: Attribution, person: Person | None) -> list[tuple[int, int]]:
    """Sentences that name a person (or, for an unnamed offender, any) with a sentencing verb."""
    found = []
    for span in sents.sentences:
        sentence = text[span[0] : span[1]]
        if not _SENTENCING_VERB.search(sentence):
            continue
        if person is None or person.surname in sentence or len(sents.people.people) <= 1:
            found.append(span)
    return found
