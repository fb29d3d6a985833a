"""Turn a document's mentions into one validated case record per offender.

Each mention is given to the offender the text is talking about there (the
name in its sentence, "respectively" lists in order, or the offender named
last before it). Each offender with a sentence becomes a ``CaseRecord``
whose every field lists the mentions it came from. A case that fails
validation is reported as an error record; the document's other cases stay.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from pydantic import ValidationError
from spacy.tokens import Doc

from courtfacts.extract.attribution import Attribution, attributed, offenders, owners
from courtfacts.extract.case_dates import offending_period, sentence_date
from courtfacts.extract.case_offences import case_offences
from courtfacts.extract.case_terms import (
    custodial_term,
    final_sentence,
    is_acquitted,
    is_additional,
    is_revoked,
    listed_offence_count,
    numbered_count,
    offence_count,
    prefer_own,
    time_in_custody,
)
from courtfacts.extract.components import CONTEXT, HITS, PEOPLE, SENTENCES
from courtfacts.extract.count_terms import CountTerm, consecutive_total, with_consecutive_parts
from courtfacts.extract.people import People, Person
from courtfacts.extract.release import estimate_custody
from courtfacts.extract.ruler import Hit
from courtfacts.extract.values import DocumentContext
from courtfacts.models import (
    CaseRecord,
    ErrorRecord,
    Mention,
    SentenceValue,
    SourceText,
)

_AGE_YOU = re.compile(
    r"\b(?:you|he|she)\s+(?:are|is|were|was)\s+(?:now\s+)?([1-9]\d)\s+years?\s+(?:old|of\s+age)",
    re.IGNORECASE,
)
_AGE_OF_THE_OFFENDER = re.compile(
    r"\b(?i:a|an|the)\s+([1-9]\d)-(?i:year)-(?i:old)\s+(?:[A-Z][\w'’.-]*\s+){0,3}"
    r"(?:(?i:man|woman|defendant|offender|driver|father|mother|husband|wife|resident|teacher|accountant)\s+)?"
    r"(?i:has|had|was|is|lost|admitted|pleaded|pled|denied|will|must|who)\b",
)
_AGE_IN_SENTENCE = re.compile(
    r"\b([1-9]\d)-year-old\b|\b(?:you\s+are|he\s+is|she\s+is|now\s+aged|aged)\s+(?:now\s+)?([1-9]\d)\b(?!\s*(?:months?|weeks?|days?))",
    re.IGNORECASE,
)


def _custodial_part(
    hits: list[Hit], extended_ids: list[str], attribution: Attribution
) -> tuple[list[str], str | None]:
    """An extended sentence's custodial term, stated beside it ("a 6-year extended sentence,
    comprising a custodial term of 4 years and an extension period of 2 years")."""
    spans = {attribution.sentence(h.start) for h in hits if h.mention_id in extended_ids}
    for hit in hits:
        value = hit.value
        if (
            hit.label == "SENTENCE"
            and isinstance(value, SentenceValue)
            and value.kind == "custody"
            and value.term
            and attribution.sentence(hit.start) in spans
        ):
            return [hit.mention_id] if hit.mention_id else [], value.term
    return [], None


def _count_terms(hits: list[Hit], attribution: Attribution) -> list[CountTerm]:
    """The case's sentences, each with the clause its count label is read in."""
    sentences = sorted(
        (h for h in hits if h.label == "SENTENCE" and h.value), key=lambda h: h.start
    )
    terms: list[CountTerm] = []
    for index, hit in enumerate(sentences):
        start, end = attribution.sentence(hit.start)
        if index and sentences[index - 1].end > start:
            start = sentences[index - 1].end
        if index + 1 < len(sentences) and sentences[index + 1].start < end:
            end = sentences[index + 1].start
        terms.append(CountTerm(hit.value, hit.start, hit.end, start, end))
    return terms


def _build_case(
    person: Person | None,
    hits: list[Hit],
    doc: Doc,
    source: SourceText,
    passage: str,
    attribution: Attribution,
    shared: dict[str, tuple[str, list[str]]],
    sharers: dict[int, int],
    is_only_offender: bool = False,
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
    if age is None and person is not None and is_only_offender:
        match = _AGE_OF_THE_OFFENDER.search(source.text)
        age = int(match.group(1)) if match else None
    if age:
        fields["age"] = age
    sentences = [(h.mention_id, h.value) for h in hits if h.label == "SENTENCE" and h.mention_id]
    stated = sentences
    if person is not None:
        sentences = prefer_own(
            sentences, {h.mention_id: sharers.get(id(h), 1) for h in hits if h.mention_id}
        )
    ids, final, original = final_sentence(sentences)  # type: ignore[arg-type]
    if final is not None:
        fields["sentence_kind"] = final.kind
        evidence["sentence_kind"] = ids
        term_ids, term = custodial_term(stated, final)  # type: ignore[arg-type]
        if final.kind == "extended" and not term:
            term_ids, term = _custodial_part(hits, ids, attribution)
        parts = _count_terms(hits, attribution)
        added = [  # a total's evidence: every custodial term it was added up from
            h.mention_id
            for h in hits
            if h.label == "SENTENCE"
            and h.mention_id
            and getattr(h.value, "kind", None) == "custody"
        ]
        if term and ctx.consecutive_by_default:
            total = consecutive_total(source.text, parts)
            term, term_ids = (total, added) if total else (term, term_ids)
        if final.kind == "custody":
            total = with_consecutive_parts(source.text, parts, term)
            term, term_ids = (total, added) if total != term else (term, term_ids)
        if term:
            fields["custodial_term"] = term
            evidence["custodial_term"] = term_ids or ids
        if original is not None:
            fields["original_sentence"] = original
    if fields.get("sentence_kind") in ("suspended", "community") and is_revoked(passage):
        fields["sentence_kind"] = "custody"  # the suspended term or probation gives way to prison
    if is_acquitted(passage):
        fields["sentence_kind"] = "none"
        fields.pop("custodial_term", None)
    counts = [
        (
            h.mention_id,
            h.value,
            attribution.sentence(h.start),
            is_additional(source.text[h.start : h.end + 40]),
        )
        for h in hits
        if h.label == "OFFENCE_COUNT" and h.value and h.mention_id
    ]
    offences = [
        (h.text, str(h.attrs.get("status")), attribution.sentence(h.start))
        for h in hits
        if h.label == "OFFENCE"
    ]
    named = numbered_count(passage) or listed_offence_count(offences, source.text)
    if named is None and any(state == "convicted" for _, state, _ in offences):
        named = 1  # "guilty of second-degree murder": one offence, beside any additional ones
    count_ids, count = offence_count(counts, named)  # type: ignore[arg-type]
    if count:
        fields["offence_count"], evidence["offence_count"] = count, count_ids
    elif named and named > 1:
        fields["offence_count"] = named
    served = time_in_custody(
        [h for h in hits if h.label == "CUSTODY_TIME"],
        fields.get("custodial_term"),  # type: ignore[arg-type]
    )
    if served:
        fields["time_in_custody"] = served
    payments = [h for h in hits if h.label == "PAYMENT" and h.value and h.mention_id]
    for hit in payments:
        if hit.value.count is not None and "payment_count" not in fields:
            fields["payment_count"], evidence["payment_count"] = hit.value.count, [hit.mention_id]
        if hit.value.total is not None and "payment_total" not in fields:
            fields["payment_total"], evidence["payment_total"] = hit.value.total, [hit.mention_id]
    period = offending_period(hits, source.text, attribution)
    if _is_one_day(period) and _is_span(shared):
        period = {}  # "a raid on 3 March 2017" gives way to the gang's "between 2016 and 2019"
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
    found = case_offences(hits, doc, attribution, fields)
    evidence.update(found.pop("evidence"))  # type: ignore[arg-type]
    fields.update(found)
    fields["court"] = source.meta.court
    fields["neutral_citation"] = source.meta.neutral_citation
    estimate = estimate_custody(fields, ctx)
    if estimate is not None:
        fields["estimated_time_in_custody"] = estimate
    fields["evidence"] = evidence
    return fields


def _is_one_day(period: dict[str, tuple[str, str, int]]) -> bool:
    return "start" in period and "end" in period and period["start"][0] == period["end"][0]


def _is_span(shared: dict[str, tuple[str, list[str]]]) -> bool:
    start, end = shared.get("offending_start"), shared.get("offending_end")
    return bool(start and end and start[0] != end[0])


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


_LISTING_CAPTION = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Za-z'’.\- ]{1,60}?,?[ \t]+(?:v|V|vs|VS)\.?[ \t]+"
    r"(?:THE[ \t]+)?(?:STATE|State|PEOPLE|People|COMMONWEALTH|Commonwealth|UNITED[ \t]+STATES|United[ \t]+States)"
    r"\b[^\n]{0,40}$"
)


def listing_parts(text: str) -> list[tuple[int, int]]:
    """The passages of a listing or digest, one per caption line ("JACKSON v. STATE"); else the whole text.

    >>> listing_parts("Intro\\nSMITH v. STATE\\nHe was jailed.\\nJONES v. STATE\\nFined.")
    [(0, 36), (36, 57)]
    >>> listing_parts("R v Smith\\nHe was jailed.")
    [(0, 24)]
    """
    starts = [m.start() for m in _LISTING_CAPTION.finditer(text)]
    if len(starts) < 2:
        return [(0, len(text))]
    bounds = [0, *starts[1:], len(text)]
    return list(itertools.pairwise(bounds))


def _part_people(found: People, start: int, end: int) -> tuple[People, dict[int, Person]]:
    """The people named within one passage (copies holding only its positions), and their originals."""
    part = People()
    part.background = [pos for pos in found.background if start <= pos < end]
    original: dict[int, Person] = {}
    for person in found.people:
        positions = [pos for pos in person.positions if start <= pos < end]
        if positions:
            copy = dataclasses.replace(person, positions=positions)
            part.people.append(copy)
            original[id(copy)] = person
    return part, original


def assemble_cases(
    doc: Doc, source: SourceText, mentions: list[Mention]
) -> tuple[list[Mention], list[CaseRecord], list[ErrorRecord]]:
    """Give mentions their offenders and build one case per sentenced offender.

    A listing of opinions or a digest is read passage by passage (one per
    caption line), each with its own accused; any other document is one passage.

    Returns:
        The mentions with ``offender`` set, the valid cases, and an error
        record for each case that failed validation.
    """
    everything: list[Hit] = doc.user_data[HITS]
    found: People = doc.user_data.get(PEOPLE) or People()
    owner: dict[int, list[Person]] = {}
    groups: set[int] = set()
    cases: list[CaseRecord] = []
    problems: list[ErrorRecord] = []
    parts = listing_parts(source.text)
    for start, end in parts:
        hits = [
            h for h in everything if h.label not in ("BLOCK", "PERSON") and start <= h.start < end
        ]
        people, original = _part_people(found, start, end) if len(parts) > 1 else (found, {})
        part_owner, part_groups = _assemble_part(
            doc, source, source.text[start:end], hits, people, original, everything, cases, problems
        )
        owner.update(
            {key: [original.get(id(p), p) for p in value] for key, value in part_owner.items()}
        )
        groups |= part_groups
    hits = [h for h in everything if h.label not in ("BLOCK", "PERSON")]
    return attributed(mentions, hits, owner, groups), _distinct(cases), problems


def _distinct(cases: list[CaseRecord]) -> list[CaseRecord]:
    """One case per offender named twice by a listing (the same entry listed twice)."""
    kept: list[CaseRecord] = []
    for case in cases:
        same = [k for k in kept if case.offender and k.offender == case.offender]
        if not same:
            kept.append(case)
    return kept


def _assemble_part(
    doc: Doc,
    source: SourceText,
    passage: str,
    hits: list[Hit],
    found: People,
    original: dict[int, Person],
    everything: list[Hit],
    cases: list[CaseRecord],
    problems: list[ErrorRecord],
) -> tuple[dict[int, list[Person]], set[int]]:
    """Build the cases of one passage into ``cases``; return who owns each hit."""
    attribution = Attribution(found, source.text, doc.user_data[SENTENCES])
    owner = owners(hits, attribution)
    hits = [h for h in hits if id(h) not in attribution.comparisons]
    people: list[Person | None] = list(offenders(hits, owner))
    people += [p for p in found.people if p.is_sentenced and p.is_offender and p not in people]
    if not people and not found.background and any(h.label == "SENTENCE" for h in hits):
        people = [
            None
        ]  # sentenced, never named; not where the sentence is an old one told as background
    shared = _shared_facts(hits, doc, source, attribution)
    sharers = {id(h): len(owner[id(h)]) for h in hits}
    for person in people:
        mine = [
            h for h in hits if (person in owner[id(h)]) or (person is None and not owner[id(h)])
        ]
        who = original.get(id(person), person)
        try:
            fields = _build_case(
                person, mine, doc, source, passage, attribution, shared, sharers, len(people) == 1
            )
            named = [
                h.mention_id
                for h in everything
                if h.label == "PERSON" and h.mention_id and h.attrs.get("person") is who
            ]
            if person is not None and named:
                fields["evidence"] = {"offender": named, **fields["evidence"]}  # type: ignore[dict-item]
            cases.append(CaseRecord(**fields))
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
    return owner, attribution.as_group
