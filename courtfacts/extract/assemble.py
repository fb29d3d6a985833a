"""Turn a document's mentions into one validated case record per offender.

Each mention is given to the offender the text is talking about there (the
name in its sentence, "respectively" lists in order, or the offender named
last before it). Each offender with a sentence becomes a ``CaseRecord``
whose every field lists the mentions it came from. A case that fails
validation is reported as an error record; the document's other cases stay.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from pydantic import ValidationError
from spacy.tokens import Doc

from courtfacts.extract.components import CONTEXT, HITS, SENTENCES
from courtfacts.extract.normalise import compare_key
from courtfacts.extract.offenders import Offender, OffenderIndex, find_offenders
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

SEVERITY = ["death", "life", "extended", "custody", "suspended", "community", "other", "fine"]
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_ACQUITTED = re.compile(
    r"\b(?:acquit(?:ted)?|conviction\w*(?:\s+and\s+(?:the\s+)?sentences?)?\s+(?:is|are|were|was)\s+(?:hereby\s+)?(?:set\s+aside|quashed))",
    re.IGNORECASE,
)
_TODAY = re.compile(r"\b(?:today|this\s+(?:morning|afternoon))\b", re.IGNORECASE)
_RANGE_START = re.compile(r"\b(?:from|between|since|starting\s+in|began\s+in|beginning\s+in)\s*$", re.IGNORECASE)
_RANGE_END = re.compile(r"\b(?:to|until|till|and|through)\s*$", re.IGNORECASE)


class _Attribution:
    """Which offender each offset of the text is about."""

    def __init__(self, index: OffenderIndex, text: str, sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.sentences = sentences
        self._starts = [s for s, _ in sentences]
        self.offenders = index.offenders
        marks = sorted((pos, person) for person in self.offenders for pos in person.positions)
        self._marks = marks
        self._mark_pos = [pos for pos, _ in marks]

    def sentence(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.sentences[index] if index >= 0 else (0, len(self.text))

    def _in_sentence(self, start: int, end: int) -> list[tuple[int, Offender]]:
        lo = bisect.bisect_left(self._mark_pos, start)
        hi = bisect.bisect_left(self._mark_pos, end)
        return self._marks[lo:hi]

    def who(self, hit: Hit, rank_in_sentence: int) -> Offender | None:
        if len(self.offenders) == 1:
            return self.offenders[0]
        start, end = self.sentence(hit.start)
        named = self._in_sentence(start, end)
        distinct = list(dict.fromkeys(person.name for _, person in named))
        if named and _RESPECTIVELY.search(self.text[start:end]) and len(distinct) > 1:
            name = distinct[min(rank_in_sentence, len(distinct) - 1)]
            return next(p for p in self.offenders if p.name == name)
        before = [person for pos, person in named if pos < hit.start]
        if before:
            return before[-1]
        if named:
            return named[0][1]
        index = bisect.bisect_left(self._mark_pos, hit.start) - 1
        return self._marks[index][1] if index >= 0 else None


def _final_sentence(sentences: list[tuple[str, SentenceValue]]) -> tuple[list[str], SentenceValue | None, SentenceValue | None]:
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


def _offending_period(hits: list[Hit], text: str, sents: _Attribution) -> dict[str, tuple[str, str]]:
    """Dates stated as the start and end of a period ("from December 2015 to July 2018")."""
    found: dict[str, tuple[str, str]] = {}
    for hit in hits:
        if hit.label != "DATE" or not hit.value or not hit.mention_id:
            continue
        start, _ = sents.sentence(hit.start)
        before = text[max(start, hit.start - 25) : hit.start]
        if "start" not in found and _RANGE_START.search(before):
            found["start"] = (hit.value, hit.mention_id)
            continue
        if "start" in found and "end" not in found and _RANGE_END.search(before):
            found["end"] = (hit.value, hit.mention_id)
    return found


def _build_case(
    person: Offender | None,
    hits: list[Hit],
    doc: Doc,
    source: SourceText,
    attribution: _Attribution,
) -> dict[str, object]:
    ctx: DocumentContext = doc.user_data[CONTEXT]
    fields: dict[str, object] = {"offender": person.name if person else None}
    evidence: dict[str, list[str]] = {}
    if person and person.age:
        fields["age"] = person.age
    sentences = [(h.mention_id, h.value) for h in hits if h.label == "SENTENCE" and h.mention_id]
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
    period = _offending_period(hits, source.text, attribution)
    if "start" in period:
        fields["offending_start"], evidence["offending_start"] = period["start"][0], [period["start"][1]]
    if "end" in period:
        fields["offending_end"], evidence["offending_end"] = period["end"][0], [period["end"][1]]
    if ctx.reference and any(
        _TODAY.search(source.text[slice(*attribution.sentence(h.start))])
        for h in hits
        if h.label == "SENTENCE"
    ):
        fields["sentence_date"] = ctx.reference.isoformat()
    fields["court"] = source.meta.court
    fields["neutral_citation"] = source.meta.neutral_citation
    estimate = estimate_custody(fields, ctx)
    if estimate is not None:
        fields["estimated_time_in_custody"] = estimate
    fields["evidence"] = evidence
    return fields


def assemble_cases(
    doc: Doc, source: SourceText, mentions: list[Mention]
) -> tuple[list[Mention], list[CaseRecord], list[ErrorRecord]]:
    """Give mentions their offenders and build one case per sentenced offender.

    Returns:
        The mentions with ``offender`` set, the valid cases, and an error
        record for each case that failed validation.
    """
    hits: list[Hit] = [h for h in doc.user_data[HITS] if h.label != "BLOCK"]
    attribution = _Attribution(find_offenders(source.text), source.text, doc.user_data[SENTENCES])
    owner: dict[int, Offender | None] = {}
    rank: Counter[tuple[tuple[int, int], str]] = Counter()
    for hit in hits:
        key = (attribution.sentence(hit.start), hit.label)
        owner[id(hit)] = attribution.who(hit, rank[key])
        rank[key] += 1
    by_id = {h.mention_id: owner[id(h)] for h in hits if h.mention_id}
    mentions = [
        m.model_copy(update={"offender": by_id[m.id].name}) if by_id.get(m.id) else m
        for m in mentions
    ]
    cases: list[CaseRecord] = []
    problems: list[ErrorRecord] = []
    people = attribution.offenders or [None]
    for person in people:
        mine = [h for h in hits if owner[id(h)] is person]
        if not any(h.label == "SENTENCE" for h in mine):
            continue
        try:
            cases.append(CaseRecord(**_build_case(person, mine, doc, source, attribution)))
        except ValidationError as exc:
            problems.append(
                ErrorRecord(
                    doc_id=source.doc_id, stage="assemble", code="E300",
                    message=f"case for {person.name if person else 'unnamed offender'} dropped: {exc.errors()[0]['msg']}",
                    exception_type="ValidationError",
                )
            )
    return mentions, cases, problems
