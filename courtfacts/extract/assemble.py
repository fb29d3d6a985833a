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
from courtfacts.extract.offenders import People, Person, find_people
from courtfacts.extract.release import estimate_custody
from courtfacts.extract.statutes import find_offences, single_offence_maximum
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
_BOTH = re.compile(r"^[^.;]*?\b(?:both|each|all\s+(?:two|three|four|five|six|seven))\b")
_PLACE = re.compile(r"\b(?:from|of|in)\s+(?:(?:west|east|north|south|central|[A-Z][\w’'-]*)\s*){1,4}")
_JOINING_GAP = re.compile(
    r"^(?:[\s,()]|\d{1,2}\b|aged|and|&|his|her|their|brother|sister|wife|husband|partner|co-defendant|accomplice"
    r"|son|father|mother|daughter|cousin|friend)*$",
    re.IGNORECASE,
)
_PLURAL = re.compile(r"\b(?:two|three|four|five|six|seven|both|pair|brothers|sisters|couple|duo|trio|they|men|women)\b", re.IGNORECASE)
_TOPIC_REACH = 1500
_ROLE_WORD = re.compile(r"(?<![\w-])(?:appellants?|accused|petitioners?|defendants?|convicts?|you|your)\b", re.IGNORECASE)
_AGE_YOU = re.compile(r"\b(?:you|he|she)\s+(?:are|is|were|was)\s+(?:now\s+)?([1-9]\d)\s+years?\s+(?:old|of\s+age)", re.IGNORECASE)
_AGE_IN_SENTENCE = re.compile(r"\b([1-9]\d)-year-old\b|\b(?:you\s+are|he\s+is|she\s+is|now\s+aged|aged)\s+(?:now\s+)?([1-9]\d)\b(?!\s*(?:months?|weeks?|days?))", re.IGNORECASE)
_PLURAL_ROLE = re.compile(r"\b(?:appellants|petitioners|defendants|accused\s+persons|convicts)\b", re.IGNORECASE)
_TODAY = re.compile(
    r"\b(?:today|this\s+(?:morning|afternoon)|later\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.IGNORECASE,
)
_SENTENCING_VERB = re.compile(r"\b(?:sentenced|sentence\s+you|jailed|imprisoned|handed|locked\s+up|given)\b", re.IGNORECASE)
_OFFENDING = re.compile(
    r"\b(?:offen[cs]es?|offending|crimes?|incident|attack\w*|murder\w*|kill\w*|drown\w*|burglar\w*|stole|stolen|steal\w*"
    r"|robb\w*|assault\w*|rap(?:e|ed)|abus\w*|committed|raids?|heist|fraud\w*|cheat\w*|defraud\w*|payments?|transactions?"
    r"|transfers?|messages|groom\w*|possess\w*|annoy\w*|death|died|shot|stabb\w*|suppl(?:y|ied|ying)|deal\w*|traffick\w*"
    r"|smuggl\w*|launder\w*|brib\w*|sold|sell\w*|import\w*|distribut\w*|download\w*|arson|fire|burn\w*|injur\w*"
    r"|wound\w*|threat\w*|blackmail\w*|extort\w*|forg\w*|on\s+or\s+(?:about|before))\b",
    re.IGNORECASE,
)
_NOT_OFFENDING = re.compile(
    r"\b(?:sentenced|jailed|convicted|arrested|charged|trial|hearing|appeal|judgment|pleaded|pled|plea|guilty|jurors?|jury|extradited|appeared|admitted|admits)\b",
    re.IGNORECASE,
)
_PROCEDURE = re.compile(
    r"\b(?:before|court|judge|justice|magistrates?|sentenc\w*|plead\w*|pled|trial|hearing|arrest\w*|charged|police|officers?)\b",
    re.IGNORECASE,
)
_ON_DATE = re.compile(r"\b(?:on|in|of|about|around|during|on\s+or\s+(?:about|before))(?:\s+the)?\s*$", re.IGNORECASE)
_RANGE_START = re.compile(r"\b(?:from|between|since|starting\s+in|began\s+in|beginning\s+in)\s*$", re.IGNORECASE)
_RANGE_END = re.compile(r"\b(?:to|until|till|and|through)\s*$", re.IGNORECASE)


class _Attribution:
    """Which person each hit of the text is about."""

    def __init__(self, people: People, text: str, sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.people = people
        self.sentences = sentences
        self._starts = [s for s, _ in sentences]
        self.as_group: set[int] = set()
        self.direct: set[tuple[int, str]] = set()
        marks = people.named_between(0, len(text))
        self._mark_pos = [pos for pos, _ in marks]
        self._marks = marks

    def sentence(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.sentences[index] if index >= 0 else (0, len(self.text))

    def _topic(self, offset: int) -> Person | None:
        """The person named last before an offset, if recent enough to be 'he' or 'she'."""
        index = bisect.bisect_left(self._mark_pos, offset) - 1
        if index < 0 or offset - self._mark_pos[index] > _TOPIC_REACH:
            return None
        return self._marks[index][1]

    def _named_together(self, named: list[tuple[int, Person]]) -> bool:
        """Several people named as one subject: "X, 35, and his brother Y, 27, were ..."."""
        people = list(dict.fromkeys(p.name for _, p in named))
        if len(people) < 2:
            return False
        firsts = [next(pos for pos, p in named if p.name == name) for name in people]
        last_end = firsts[-1] + len(people[-1])
        if _BOTH.search(self.text[last_end : last_end + 60]):
            return True
        for (pos, name), nxt in zip(zip(firsts, people), firsts[1:]):
            gap = _PLACE.sub(" ", self.text[pos + len(name) : nxt])
            if not _JOINING_GAP.match(gap):
                return False
        return True

    def who(self, hit: Hit, rank_in_sentence: int) -> list[Person]:
        """The people a hit is about: usually one, several for a shared sentence."""
        start, end = self.sentence(hit.start)
        named = self.people.named_between(start, end)
        distinct = list(dict.fromkeys(person.name for _, person in named))
        by_name = {person.name: person for _, person in named}
        sentence_text = self.text[start:end]
        if len(distinct) > 1 and _RESPECTIVELY.search(sentence_text):
            chosen = by_name[distinct[min(rank_in_sentence, len(distinct) - 1)]]
            self.direct.add((id(hit), chosen.name))
            return [chosen]
        before = [(pos, person) for pos, person in named if pos < hit.start]
        if hit.label == "SENTENCE" and self._named_together(before):
            return list(dict.fromkeys(p for _, p in before))
        accused = [p for p in self.people.people if p.is_named_accused and not p.is_excluded]
        if accused and _ROLE_WORD.search(sentence_text):
            if len(accused) > 1 and _PLURAL_ROLE.search(sentence_text):
                self.as_group.add(id(hit))
                return accused
            return accused[:1]
        if before:
            self.direct.add((id(hit), before[-1][1].name))
            return [before[-1][1]]
        if named:
            self.direct.add((id(hit), named[0][1].name))
            return [named[0][1]]
        if len(accused) == 1:
            return accused
        topic = self._topic(hit.start)
        if topic:
            return [topic]
        later = self.people.named_between(hit.start, hit.start + _TOPIC_REACH)
        return [later[0][1]] if later and hit.label == "SENTENCE" else []


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


def _prefer_direct(
    sentences: list[tuple[str, SentenceValue]], direct: set[str]
) -> list[tuple[str, SentenceValue]]:
    """Within the most severe kind, prefer sentences stated with the offender's name.

    "The pair were jailed for more than 23 years" (a total across defendants)
    gives way to "Popinciuc was jailed for five years and nine months".
    """
    live = [(i, v) for i, v in sentences if v.role != "original"] or sentences
    if not live:
        return sentences
    kind = min((v.kind for _, v in live), key=SEVERITY.index)
    named = [(i, v) for i, v in live if v.kind == kind and i in direct]
    if not named:
        return sentences
    return named + [(i, v) for i, v in sentences if v.role == "original"]


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


def _offending_period(hits: list[Hit], text: str, sents: _Attribution) -> dict[str, tuple[str, str, int]]:
    """The period of offending: a stated span about the offending, else the date of a single incident."""
    found: dict[str, tuple[str, str, int]] = {}
    incident: tuple[str, str, int] | None = None
    for hit in hits:
        if hit.label != "DATE" or not hit.value or not hit.mention_id:
            continue
        start, end = sents.sentence(hit.start)
        before = text[max(start, hit.start - 25) : hit.start]
        if "start" in found and "end" not in found and found["start"][2] == start and _RANGE_END.search(before):
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


def _sentence_date(person: Person | None, hits: list[Hit], text: str, sents: _Attribution, ctx: DocumentContext) -> str | None:
    """When sentence was passed: 'sentenced today' in a dated report, or 'sentenced on DATE'."""
    if any(h.label == "SENTENCE" and h.value.role == "substituted" for h in hits) and ctx.reference:
        return ctx.reference.isoformat()
    spans = sorted({sents.sentence(h.start) for h in hits if h.label in ("SENTENCE", "OFFENCE_COUNT")})
    for start, end in spans + _verb_sentences(text, sents, person):
        sentence = text[start:end]
        if not _SENTENCING_VERB.search(sentence):
            continue
        if ctx.reference and _TODAY.search(sentence):
            return ctx.reference.isoformat()
    return None


def _verb_sentences(text: str, sents: _Attribution, person: Person | None) -> list[tuple[int, int]]:
    """Sentences that name a person (or, for an unnamed offender, any) with a sentencing verb."""
    found = []
    for span in sents.sentences:
        sentence = text[span[0] : span[1]]
        if not _SENTENCING_VERB.search(sentence):
            continue
        if person is None or person.surname in sentence or len(sents.people.people) <= 1:
            found.append(span)
    return found


def _build_case(
    person: Person | None,
    hits: list[Hit],
    doc: Doc,
    source: SourceText,
    attribution: _Attribution,
    shared: dict[str, tuple[str, list[str]]],
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
        direct = {h.mention_id for h in hits if (id(h), person.name) in attribution.direct}
        sentences = _prefer_direct(sentences, direct)
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
    sentence_date = _sentence_date(person, hits, source.text, attribution, ctx)
    if sentence_date:
        fields["sentence_date"] = sentence_date
    for name, (value, ids) in shared.items():
        if name not in fields:
            fields[name] = value
            if ids:
                evidence[name] = ids
    offences = find_offences(source.text, ctx.jurisdiction)
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


def _owners(hits: list[Hit], attribution: _Attribution) -> dict[int, list[Person]]:
    """Give every hit its people; shared plural sentences go to every offender."""
    owner: dict[int, list[Person]] = {}
    rank: Counter[tuple[tuple[int, int], str]] = Counter()
    for hit in hits:
        key = (attribution.sentence(hit.start), hit.label)
        owner[id(hit)] = attribution.who(hit, rank[key])
        rank[key] += 1
    offenders = _offenders(hits, owner)
    for hit in hits:
        if owner[id(hit)] and owner[id(hit)][0] in offenders:
            continue
        if len(offenders) == 1:
            owner[id(hit)] = offenders
        elif hit.label == "SENTENCE" and not owner[id(hit)] and offenders:
            start, end = attribution.sentence(hit.start)
            if _PLURAL.search(attribution.text[start : hit.start]):
                owner[id(hit)] = offenders
    return owner


def _offenders(hits: list[Hit], owner: dict[int, list[Person]]) -> list[Person]:
    found: list[Person] = []
    for hit in hits:
        if hit.label == "SENTENCE":
            for person in owner[id(hit)]:
                if person not in found:
                    found.append(person)
    return found


def _attributed(
    mentions: list[Mention], hits: list[Hit], owner: dict[int, list[Person]], groups: set[int]
) -> list[Mention]:
    """Mentions with their offender; a sentence shared by several named people is listed once
    for each, one stated for a group by its role ("the petitioners") once with no name."""
    by_id = {h.mention_id: ([] if id(h) in groups else owner[id(h)]) for h in hits if h.mention_id}
    result: list[Mention] = []
    for mention in mentions:
        people = by_id.get(mention.id) or []
        if not people:
            result.append(mention)
            continue
        result.append(mention.model_copy(update={"offender": people[0].name}))
        if mention.kind == "sentence":
            for extra, person in enumerate(people[1:], start=2):
                result.append(mention.model_copy(update={"offender": person.name, "id": f"{mention.id}.{extra}"}))
    return result


def _shared_facts(
    hits: list[Hit], doc: Doc, source: SourceText, attribution: _Attribution
) -> dict[str, tuple[str, list[str]]]:
    """Facts stated for everyone sentenced together: the day and the period of offending.

    A period counts only from sentences that name nobody: "John Smith offended
    between 2016 and 2019" is John Smith's alone.
    """
    shared: dict[str, tuple[str, list[str]]] = {}
    ctx: DocumentContext = doc.user_data[CONTEXT]
    day = _sentence_date(None, hits, source.text, attribution, ctx)
    if day:
        shared["sentence_date"] = (day, [])
    named = {hit_id for hit_id, _ in attribution.direct}
    period = _offending_period([h for h in hits if id(h) not in named], source.text, attribution)
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
    attribution = _Attribution(find_people(source.text), source.text, doc.user_data[SENTENCES])
    owner = _owners(hits, attribution)
    offenders: list[Person | None] = list(_offenders(hits, owner))
    if not offenders and any(h.label == "SENTENCE" for h in hits):
        offenders = [None]
    shared = _shared_facts(hits, doc, source, attribution)
    cases: list[CaseRecord] = []
    problems: list[ErrorRecord] = []
    for person in offenders:
        mine = [h for h in hits if (person in owner[id(h)]) or (person is None and not owner[id(h)])]
        try:
            cases.append(CaseRecord(**_build_case(person, mine, doc, source, attribution, shared)))
        except ValidationError as exc:
            problems.append(
                ErrorRecord(
                    doc_id=source.doc_id, stage="assemble", code="E300",
                    message=f"case for {person.name if person else 'unnamed offender'} dropped: {exc.errors()[0]['msg']}",
                    exception_type="ValidationError",
                )
            )
    return _attributed(mentions, hits, owner, attribution.as_group), cases, problems
