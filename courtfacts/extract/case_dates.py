"""When the offending happened and when sentence was passed.

Dates carry a ``role`` attr that the pipeline sets from the words around
them (``date_roles``, rules in ``patterns/date_roles.json``): "sentence",
"offence" or "procedural". The offending period is a span the text states
about the offending ("from December 2015 to July 2018", "between 2016 and
2019") or, failing that, the dates of the incidents (from the first to the
last: "on or about the 01.12.1993", "according to the evidence, on June 1,
2019"); dates in sentences about the procedure (arrest, plea, trial,
hearing) are not offending dates. Sentence was passed on the document's
date when an appeal court substitutes the sentence; else on the latest of
the dates whose role is "sentence" ("In June 2021 he was sentenced", "the
judgment dated 18.02.2008 ... imposed"), the document's date where the text
says "sentenced today", and the day a sentencing sentence names with "on"
after its verb ("jailed for nine years on 12 January 2024"). A weekday
named in a sentencing sentence ("on Friday, Judge X sentenced", "at a hearing
last Thursday", "yesterday") is the latest such day on or before the
document's date. A sentencing still to come ("will be sentenced on") dates
nothing. The words of an imposed sentence ("sentenced to death") are never
words about the offending.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from courtfacts.extract.attribution import Attribution
from courtfacts.extract.people import Person
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
    r"\b(?:from|between|since|starting\s+in|began\s+in|beginning\s+in)\s*(?:at\s+least\s+)?$",
    re.IGNORECASE,
)
_RANGE_END = re.compile(r"\b(?:to|until|till|and|through)\s*$", re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+due\s+to|are\s+due\s+to|is\s+expected\s+to)\s+be\s+(?:re-?)?sentenced\b",
    re.IGNORECASE,
)
_PASSED = re.compile(r"\b(?:sentenced|jailed|imprisoned|locked\s+up)\b", re.IGNORECASE)
# a clause of terms or a deadline between the verb and the date: "suspended on
# terms that he file the form by 4pm on 22 November" is no day of sentence
_CONDITION = re.compile(
    r"\b(?:that|which|until|unless|if|provided|terms|conditions?|deadline|no\s+later\s+than)\b"
    r"|\b\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)",
    re.IGNORECASE,
)
_ON_DAY = re.compile(
    r"\bon\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:the\s+)?$", re.IGNORECASE
)


@cache
def _weekdays() -> dict[str, int]:
    """Weekday names (``patterns/time_words.json``) to their numbers, Monday 0."""
    names = [w for w in load_lexicon("time_words")["weekdays"] if w.endswith("day")]
    return {name: number for number, name in enumerate(names)}


_RELATIVE_DAY = re.compile(
    r"\b(?<!next\s)(?<!this\s)(?<!until\s)(?<!by\s)(?<!before\s)(?:(?P<last>last)\s+|on\s+(?:last\s+)?)?(?P<weekday>"
    + "|".join(_weekdays())
    + r")\b(?!,?\s+(?:the\s+)?\d|,?\s+(?-i:[A-Z][a-z]+)\.?\s+\d)|\b(?P<yesterday>yesterday)\b",
    re.IGNORECASE,
)


def _masked(text: str, hits: list[Hit]) -> str:
    """The text with each SENTENCE hit blanked: "sentenced to death" is not about a death.

    Built from the text between the blanked spans (overlapping ones merged),
    not a character at a time: a case asks for it over the whole document.
    """
    pieces: list[str] = []
    done = 0  # the text before this is in ``pieces``
    spans = sorted((hit.start, hit.end) for hit in hits if hit.label == "SENTENCE")
    for start, end in spans:
        start = max(start, done)
        if end <= start:
            continue
        pieces += [text[done:start], " " * (end - start)]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def offending_period(
    hits: list[Hit], text: str, sents: Attribution
) -> dict[str, tuple[str, str, int]]:
    """The period of offending: a stated span about the offending, else the first to the last incident.

    A span with both ends beats one with only its start ("since November
    2017"); incidents whose role is "offence" beat those only near an
    offence word.
    """
    spans: list[dict[str, tuple[str, str, int]]] = []
    incidents: list[tuple[int, tuple[str, str, int]]] = []
    words = _masked(text, hits)
    about: dict[tuple[int, int], bool] = {}  # per sentence: dates share their sentences
    for hit in hits:
        if hit.label != "DATE" or not hit.value or not hit.mention_id:
            continue
        role = hit.attrs.get("role")
        if role in ("sentence", "procedural"):
            continue
        start, end = sents.sentence(hit.start)
        before = text[max(start, hit.start - 25) : hit.start]
        date = (hit.value, hit.mention_id, start)
        last = spans[-1] if spans else None
        if last and "end" not in last and last["start"][2] == start and _RANGE_END.search(before):
            last["end"] = date
            continue
        if role != "offence" and not _about_offending(words, hit.start, (start, end), about):
            continue
        if _RANGE_START.search(before):
            spans.append({"start": date})
        elif role == "offence" or _ON_DATE.search(before):
            incidents.append((0 if role == "offence" else 1, date))
    complete = [span for span in spans if "end" in span]
    if complete or spans:
        return (complete or spans)[0]
    if not incidents:
        return {}
    tier = min(rank for rank, _ in incidents)
    finest = _finest([date for rank, date in incidents if rank == tier])
    return {"start": min(finest), "end": max(finest)}


def _about_offending(
    text: str, offset: int, span: tuple[int, int], about: dict[tuple[int, int], bool]
) -> bool:
    """An offence word just before the date, or in a sentence that is not about the procedure.

    ``about`` keeps each sentence's verdict for the next date in it.
    """
    start, end = span
    near = text[max(start, offset - 60) : offset]
    offence_words = list(_OFFENDING.finditer(near))
    if offence_words and not _PROCEDURE.search(near[offence_words[-1].end() :]):
        return True
    if span not in about:
        sentence = text[start:end]
        about[span] = bool(_OFFENDING.search(sentence)) and not _NOT_OFFENDING.search(sentence)
    return about[span]


def _finest(dates: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """Drop a date that a more precise one refines ("2012" beside "2012-06-04")."""
    values = [value for value, _, _ in dates]
    return [d for d in dates if not any(v != d[0] and v.startswith(d[0]) for v in values)]


def sentence_date(
    person: Person | None, hits: list[Hit], text: str, sents: Attribution, ctx: DocumentContext
) -> tuple[str, list[str]] | None:
    """When sentence was passed, and the mention that says so (none for the document's date).

    An appeal court's substituted sentence is passed on the document's date.
    Otherwise the candidates are the dates whose role is "sentence", the
    document's date where a sentencing sentence says 'today', and the day a
    sentencing sentence names after its verb ('jailed for nine years on 12
    January 2024'); the latest wins, since an earlier sentence is background
    (a previous conviction) and a later one the sentence that stands.
    """
    if any(h.label == "SENTENCE" and h.value.role == "substituted" for h in hits) and ctx.reference:
        return ctx.reference.isoformat(), []
    candidates = [
        (hit.value, [hit.mention_id])
        for hit in hits
        if hit.label == "DATE"
        and hit.attrs.get("role") == "sentence"
        and hit.value
        and hit.mention_id
    ]
    spans = sorted(
        {sents.sentence(h.start) for h in hits if h.label in ("SENTENCE", "OFFENCE_COUNT")}
    )
    words = _masked(text, hits)
    for start, end in spans + verb_sentences(text, sents, person):
        sentence = text[start:end]
        if not _SENTENCING_VERB.search(sentence):
            continue
        if ctx.reference and _TODAY.search(sentence):
            candidates.append((ctx.reference.isoformat(), []))
        elif _FUTURE.search(sentence):
            continue
        elif dated := _passed_on(hits, text, words, (start, end), ctx):
            candidates.append(dated)
        elif ctx.reference and (day := _weekday_passed(text, (start, end), ctx.reference)):
            candidates.append((day, []))
    return max(candidates, key=lambda candidate: candidate[0]) if candidates else None


def _passed_on(
    hits: list[Hit], text: str, words: str, span: tuple[int, int], ctx: DocumentContext
) -> tuple[str, list[str]] | None:
    """A day named with 'on' after a word of sentencing in one sentence, with nothing
    about the offending (in ``words``, the text ``_masked``), no clause of terms and
    no deadline between them ('was jailed on 12 January 2024'), not after the
    document's own date."""
    start, end = span
    verb = _PASSED.search(text, start, end)
    if verb is None:
        return None
    for hit in hits:
        if hit.label != "DATE" or not hit.value or not hit.mention_id:
            continue
        if hit.attrs.get("role") in ("offence", "procedural"):
            continue
        if not verb.end() <= hit.start < end or len(hit.value) != len("YYYY-MM-DD"):
            continue
        if not _ON_DAY.search(text[max(start, hit.start - 30) : hit.start]):
            continue
        if _OFFENDING.search(words, verb.end(), hit.start):
            continue
        if _CONDITION.search(text, verb.end(), hit.start):
            continue
        if ctx.reference and hit.value > ctx.reference.isoformat():
            continue
        return hit.value, [hit.mention_id]
    return None


def _weekday_passed(text: str, span: tuple[int, int], reference: dt.date) -> str | None:
    """The day a sentencing sentence names by its weekday or as 'yesterday', counted back
    from the document's date ('on Friday' in a Monday's report is three days before;
    'last Friday' on a Friday a week before); none where the sentence is about a plea
    or a conviction rather than the sentence ('convicted on Tuesday and jailed')."""
    start, end = span
    sentence = text[start:end]
    if not _PASSED.search(sentence) or _EARLIER_STEP.search(sentence):
        return None
    match = _RELATIVE_DAY.search(sentence)
    if match is None:
        return None
    if match.group("yesterday"):
        return (reference - dt.timedelta(days=1)).isoformat()
    back = (reference.weekday() - _weekdays()[match.group("weekday").lower()]) % 7
    if back == 0 and match.group("last"):
        back = 7
    return (reference - dt.timedelta(days=back)).isoformat()


_EARLIER_STEP = re.compile(
    r"\b(?:convicted|found\s+guilty|pleaded|pled|arrested|charged|verdict)\b", re.IGNORECASE
)


def verb_sentences(text: str, sents: Attribution, person: Person | None) -> list[tuple[int, int]]:
    """Sentences that name a person (or, for an unnamed offender, any) with a sentencing verb."""
    found = []
    for span in _with_sentencing_verb(text, tuple(sents.sentences)):
        if (
            person is None
            or person.surname in text[span[0] : span[1]]
            or len(sents.people.people) <= 1
        ):
            found.append(span)
    return found


@lru_cache(maxsize=4)
def _with_sentencing_verb(
    text: str, sentences: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int], ...]:
    """The sentences of a document with a sentencing verb: every case of it asks, and the
    shared facts too, so they are searched once."""
    return tuple(span for span in sentences if _SENTENCING_VERB.search(text[span[0] : span[1]]))
