"""Turn a document's mentions into one validated case record per offender.

Each mention is given to the offender the text is talking about there (the
name in its sentence, "respectively" lists in order, or the offender named
last before it). Each offender with a sentence becomes a ``CaseRecord``
whose every field lists the mentions it came from. A case that fails
validation is reported as an error record; the document's other cases stay.
"""

from __future__ import annotations

import re

from pydantic import ValidationError
from spacy.tokens import Doc

from courtfacts.extract.attribution import Attribution, attributed, offenders, owners
from courtfacts.extract.case_dates import offending_period, sentence_date
from courtfacts.extract.components import CONTEXT, HITS, SENTENCES
from courtfacts.extract.normalise import compare_key
from courtfacts.extract.offenders import Person, find_people
from courtfacts.extract.release import estimate_custody
from courtfacts.extract.ruler import Hit
from courtfacts.extract.statutes import Offence, find_offences, single_offence_maximum
from courtfacts.extract.values import DocumentContext
from courtfacts.models import (
    CaseRecord,
    ErrorRecord,
    Mention,
    SentenceValue,
    SourceText,
)

SEVERITY = ["death", "life", "extended", "custody", "suspended", "community", "other", "fine"]
_ACQUITTED = re.compile(
    r"\b(?:acquit(?:ted)?|conviction\w*(?:\s+and\s+(?:the\s+)?sentences?)?\s+(?:is|are|were|was)\s+(?:hereby\s+)?(?:set\s+aside|quashed))",
    re.IGNORECASE,
)
_AGE_YOU = re.compile(
    r"\b(?:you|he|she)\s+(?:are|is|were|was)\s+(?:now\s+)?([1-9]\d)\s+years?\s+(?:old|of\s+age)",
    re.IGNORECASE,
)
_AGE_IN_SENTENCE = re.compile(
    r"\b([1-9]\d)-year-old\b|\b(?:you\s+are|he\s+is|she\s+is|now\s+aged|aged)\s+(?:now\s+)?([1-9]\d)\b(?!\s*(?:months?|weeks?|days?))",
    re.IGNORECASE,
)


def _final_sentence(
    sentences: list[tuple[str, SentenceValue]],
) -> tuple[list[str], SentenceValue | None, SentenceValue | None]:
    """Pick the sentence that stands: the substituted one on appeal, else the most severe."""
    substituted = [(i, v) for i, v in sentences if v.role == "substituted"]
    original = [(i, v) for i, v in sentences if v.role == "original"]
    pool = substituted or [(i, v) for i, v in sentences if v.role != "original"] or original
    if not pool:
        return [], None, None
    best_kind = min((v.kind for _, v in pool), key=SEVERITY.index)
    chosen = [(i, v) for i, v in pool if v.kind == best_kind]
    with_term = [(i, v) for i, v in chosen if v.term]
    if with_term:
        top = max(with_term, key=lambda item: compare_key(item[1].term or "P0D"))
        chosen = [top]
    before = original[0][1] if substituted and original else None
    return [i for i, _ in chosen], chosen[0][1], before


def _prefer_own(
    sentences: list[tuple[str, SentenceValue]], sharers: dict[str, int]
) -> list[tuple[str, SentenceValue]]:
    """Within the most severe kind, prefer sentences stated for the fewest offenders.

    "The gang were jailed for more than 23 years" (shared by seven) gives way
    to "Albu and Mihulca were both handed four years" (two), and that to
    "Popinciuc was jailed for five years and nine months" (one).
    """
    live = [(i, v) for i, v in sentences if v.role != "original"] or sentences
    if not live:
        return sentences
    kind = min((v.kind for _, v in live), key=SEVERITY.index)
    of_kind = [(i, v) for i, v in live if v.kind == kind]
    fewest = min(sharers.get(i, 1) for i, _ in of_kind)
    return [(i, v) for i, v in of_kind if sharers.get(i, 1) == fewest] + [
        (i, v) for i, v in sentences if v.role == "original"
    ]


def _offence_count(items: list[tuple[str, int, tuple[int, int]]]) -> tuple[list[str], int | None]:
    """Counts stated together in one sentence add up; restatements do not."""
    by_sentence: dict[tuple[int, int], list[tuple[str, int]]] = {}
    for mention_id, count, sentence in items:
        by_sentence.setdefault(sentence, []).append((mention_id, count))
    best: tuple[list[str], int | None] = ([], None)
    for group in by_sentence.values():
        total = sum(count for _, count in group)
        if best[1] is None or total > best[1]:
            best = ([m for m, _ in group], total)
    return best


def _build_case(
    person: Person | None,
    hits: list[Hit],
    doc: Doc,
    source: SourceText,
    attribution: Attribution,
    shared: dict[str, tuple[str, list[str]]],
    sharers: dict[int, int],
    known_offences: list[Offence],
) -> dict[str, object]:
    ctx: DocumentContext = doc.user_data[CONTEXT]
    fields: dict[str, object] = {"offender": person.name if person else None}
    evidence: dict[str, list[str]] = {}
    age = person.age if person else None
    for hit in hits:
        if age is None and hit.label in ("SENTENCE", "OFFENCE_COUNT"):
            start, _ = attribution.sentence(hit.start)
            match = _AGE_IN_SENTENCE.search(source.text[start : hit.start])
            if match:
                age = int(match.group(1) or match.group(2))
    if age is None and person is not None and person.is_named_accused:
        match = _AGE_YOU.search(source.text)
        age = int(match.group(1)) if match else None
    if age:
        fields["age"] = age
    sentences = [(h.mention_id, h.value) for h in hits if h.label == "SENTENCE" and h.mention_id]
    if person is not None:
        sentences = _prefer_own(
            sentences, {h.mention_id: sharers.get(id(h), 1) for h in hits if h.mention_id}
        )
    ids, final, original = _final_sentence(sentences)  # type: ignore[arg-type]
    if final is not None:
        fields["sentence_kind"] = final.kind
        evidence["sentence_kind"] = ids
        if final.term and final.kind not in ("fine", "death", "community"):
            fields["custodial_term"] = final.term
            evidence["custodial_term"] = ids
        if original is not None:
            fields["original_sentence"] = original
    if _ACQUITTED.search(source.text):
        fields["sentence_kind"] = "none"
        fields.pop("custodial_term", None)
    counts = [
        (h.mention_id, h.value, attribution.sentence(h.start))
        for h in hits
        if h.label == "OFFENCE_COUNT" and h.value and h.mention_id
    ]
    count_ids, count = _offence_count(counts)  # type: ignore[arg-type]
    if count:
        fields["offence_count"], evidence["offence_count"] = count, count_ids
    served = [h for h in hits if h.label == "CUSTODY_TIME" and h.value]
    if served:
        fields["time_in_custody"] = served[0].value
    payments = [h for h in hits if h.label == "PAYMENT" and h.value and h.mention_id]
    for hit in payments:
        if hit.value.count is not None and "payment_count" not in fields:
            fields["payment_count"], evidence["payment_count"] = hit.value.count, [hit.mention_id]
        if hit.value.total is not None and "payment_total" not in fields:
            fields["payment_total"], evidence["payment_total"] = hit.value.total, [hit.mention_id]
    period = offending_period(hits, source.text, attribution)
    if "start" in period:
        fields["offending_start"], evidence["offending_start"] = (
            period["start"][0],
            [period["start"][1]],
        )
    if "end" in period:
        fields["offending_end"], evidence["offending_end"] = period["end"][0], [period["end"][1]]
    day = sentence_date(person, hits, source.text, attribution, ctx)
    if day:
        fields["sentence_date"] = day[0]
        if day[1]:
            evidence["sentence_date"] = day[1]
    for name, (value, ids) in shared.items():
        if name not in fields:
            fields[name] = value
            if ids:
                evidence[name] = ids
    offences = known_offences
    if offences:
        fields["offences"] = [offence.id for offence in offences]
        cap = single_offence_maximum(offences, fields.get("offence_count"))  # type: ignore[arg-type]
        if cap:
            fields["statutory_maximum"] = cap
    fields["court"] = source.meta.court
    fields["neutral_citation"] = source.meta.neutral_citation
    estimate = estimate_custody(fields, ctx)
    if estimate is not None:
        fields["estimated_time_in_custody"] = estimate
    fields["evidence"] = evidence
    return fields


def _shared_facts(
    hits: list[Hit], doc: Doc, source: SourceText, attribution: Attribution
) -> dict[str, tuple[str, list[str]]]:
    """Facts stated for everyone sentenced together: the day and the period of offending.

    A period counts only from sentences that name nobody: "John Smith offended
    between 2016 and 2019" is John Smith's alone.
    """
    shared: dict[str, tuple[str, list[str]]] = {}
    ctx: DocumentContext = doc.user_data[CONTEXT]
    day = sentence_date(None, hits, source.text, attribution, ctx)
    if day:
        shared["sentence_date"] = day
    named = {hit_id for hit_id, _ in attribution.direct}
    period = offending_period([h for h in hits if id(h) not in named], source.text, attribution)
    for key, name in (("start", "offending_start"), ("end", "offending_end")):
        if key in period:
            shared[name] = (period[key][0], [period[key][1]])
    return shared


def assemble_cases(
    doc: Doc, source: SourceText, mentions: list[Mention]
) -> tuple[list[Mention], list[CaseRecord], list[ErrorRecord]]:
    """Give mentions their offenders and build one case per sentenced offender.

    Returns:
        The mentions with ``offender`` set, the valid cases, and an error
        record for each case that failed validation.
    """
    hits: list[Hit] = [h for h in doc.user_data[HITS] if h.label != "BLOCK"]
    attribution = Attribution(find_people(source.text), source.text, doc.user_data[SENTENCES])
    owner = owners(hits, attribution)
    people: list[Person | None] = list(offenders(hits, owner))
    if not people and any(h.label == "SENTENCE" for h in hits):
        people = [None]
    shared = _shared_facts(hits, doc, source, attribution)
    sharers = {id(h): len(owner[id(h)]) for h in hits}
    known = find_offences(source.text, doc.user_data[CONTEXT].jurisdiction)  # once per document
    cases: list[CaseRecord] = []
    problems: list[ErrorRecord] = []
    for person in people:
        mine = [
            h for h in hits if (person in owner[id(h)]) or (person is None and not owner[id(h)])
        ]
        try:
            cases.append(
                CaseRecord(
                    **_build_case(person, mine, doc, source, attribution, shared, sharers, known)
                )
            )
        except ValidationError as exc:
            problems.append(
                ErrorRecord(
                    doc_id=source.doc_id,
                    stage="assemble",
                    code="E300",
                    message=f"case for {person.name if person else 'unnamed offender'} dropped: {exc.errors()[0]['msg']}",
                    exception_type="ValidationError",
                )
            )
    return attributed(mentions, hits, owner, attribution.as_group), cases, problems
