"""spaCy components of the courtfacts pipeline, registered with ``Language.factory``.

Each component splits finding from annotating, in the manner of spaCy's
span ruler: ``courtfacts_sentences`` sets sentence starts, ``courtfacts_ruler``
matches the pattern files and writes ``doc.spans["courtfacts"]``, and
``courtfacts_values`` gives each hit its normal form. Hits, with their
groups and values, are kept in ``doc.user_data["courtfacts.hits"]``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from courtfacts.extract.offences import find_offences
from courtfacts.extract.people import People, Person, find_people
from courtfacts.extract.ruler import Hit, match_patterns
from courtfacts.extract.sentences import sentence_spans
from courtfacts.extract.values import DocumentContext, assign_values, document_context
from courtfacts.models import PersonValue
from courtfacts.patterns import PATTERN_FILES, load_patterns

HITS = "courtfacts.hits"
CONTEXT = "courtfacts.context"
SENTENCES = "courtfacts.sentences"
TEXT = "courtfacts.text"
PEOPLE = "courtfacts.people"
SPAN_KEY = "courtfacts"


def doc_text(doc: Doc) -> str:
    """The document's text, joined from its tokens once and then kept.

    ``Doc.text`` rebuilds the string from every token at each call, which
    costs as much as tokenising; the components read it several times.
    """
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


class SentenceSetter:
    """Mark sentence starts found in the raw text (abbreviation-aware)."""

    def __call__(self, doc: Doc) -> Doc:
        spans = sentence_spans(doc_text(doc))
        doc.user_data[SENTENCES] = spans
        if len(doc) == 0:
            return doc
        opens = numpy.isin(doc.to_array(IDX), [start for start, _ in spans])
        opens[0] = True
        flags = numpy.where(opens, 1, -1).astype("int64").astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], flags)  # spaCy's own arrays hold -1 wrapped as uint64
        return doc


class PatternRuler:
    """Match the pattern files over a document's text."""

    def __init__(self, pattern_files: list[str]) -> None:
        self.entries = load_patterns(tuple(pattern_files))

    def match(self, doc: Doc) -> list[Hit]:
        text = doc_text(doc)
        spans = doc.user_data.get(SENTENCES) or sentence_spans(text)
        return match_patterns(text, self.entries, spans)

    def set_annotations(self, doc: Doc, hits: list[Hit]) -> None:
        doc.user_data[HITS] = hits
        spans = []
        for hit in hits:
            span = doc.char_span(hit.start, hit.end, label=hit.label, alignment_mode="expand")
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label=hit.label, span_id=hit.rule))
        doc.spans[SPAN_KEY] = spans

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


class ValueSetter:
    """Normalise each hit with the document's conventions."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ctx: DocumentContext = doc.user_data.get(CONTEXT) or document_context(text, None)
        known = doc.user_data.get(SENTENCES)
        spans = known or sentence_spans(text)
        hits: list[Hit] = doc.user_data.get(HITS, [])
        starts = sorted(start for start, _ in spans)
        sentence_of = {hit.start: _floor(starts, hit.start) for hit in hits}
        assign_values(hits, text, ctx, sentence_of, spans if known else None)
        return doc


def replace_hits(doc: Doc, label: str, hits: list[Hit]) -> None:
    """Put ``hits`` in the place of the document's hits and spans of one label, in text order."""
    kept = [h for h in doc.user_data.get(HITS, []) if h.label != label] + hits
    doc.user_data[HITS] = sorted(kept, key=lambda h: (h.start, h.label))
    spans = [s for s in doc.spans.get(SPAN_KEY, []) if s.label_ != label]
    for hit in hits:
        span = doc.char_span(hit.start, hit.end, label=hit.label, alignment_mode="expand")
        if span is not None:
            spans.append(Span(doc, span.start, span.end, label=hit.label, span_id=hit.rule))
    doc.spans[SPAN_KEY] = sorted(spans, key=lambda s: (s.start, s.end))


class PeopleFinder:
    """Find the document's people and their roles; keep one PERSON hit per introduction.

    The PERSON rules' raw hits become the people of ``doc.user_data["courtfacts.people"]``
    (read by case assembly); each rule hit that names a person, and the first
    mention of a person no rule introduced, stays as a PERSON hit whose value
    says who and in which role, so every case's offender points to its words.
    """

    def match(self, doc: Doc) -> tuple[People, list[Hit]]:
        text = doc_text(doc)
        rule_hits = [h for h in doc.user_data.get(HITS, []) if h.label == "PERSON"]
        ctx: DocumentContext | None = doc.user_data.get(CONTEXT)
        year = ctx.reference.year if ctx and ctx.reference else None
        people = find_people(text, rule_hits, doc.user_data.get(SENTENCES), year)
        return people, _person_hits(people, rule_hits, text)

    def set_annotations(self, doc: Doc, people: People, hits: list[Hit]) -> None:
        doc.user_data[PEOPLE] = people
        replace_hits(doc, "PERSON", hits)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, *self.match(doc))
        return doc


def _person_hits(people: People, rule_hits: list[Hit], text: str) -> list[Hit]:
    found: list[Hit] = []
    introduced: set[int] = set()
    for hit in rule_hits:
        person = hit.attrs.get("person")
        if person is None:
            continue
        introduced.add(id(person))
        found.append(_person_hit(person, hit.rule, hit.start, hit.end, text))
    for person in people.people:
        if id(person) not in introduced and person.positions:
            start = person.positions[0]
            end = start + len(person.name)
            if (
                " ".join(text[start:end].split()) != person.name
            ):  # a name split by a caption's layout
                line_end = text.find("\n", start, end)
                end = line_end if line_end > start else end
            found.append(_person_hit(person, person.rule, start, end, text))
    return found


def _person_hit(person: Person, rule: str, start: int, end: int, text: str) -> Hit:
    hit = Hit("PERSON", rule, start, end, text[start:end], attrs={"person": person})
    hit.value = PersonValue(name=person.name, role=person.role, age=person.age)
    return hit


def _floor(starts: list[int], offset: int) -> int:
    index = bisect.bisect_right(starts, offset) - 1
    return starts[index] if index >= 0 else 0


@Language.factory("courtfacts_sentences")
def make_sentences(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Sentence boundaries that survive legal abbreviations."""
    return SentenceSetter()


@Language.factory("courtfacts_ruler", default_config={"pattern_files": list(PATTERN_FILES)})
def make_ruler(nlp: Language, name: str, pattern_files: list[str]) -> PatternRuler:
    """The rules of ``courtfacts/patterns`` as a component."""
    return PatternRuler(pattern_files)


@Language.factory("courtfacts_people")
def make_people(nlp: Language, name: str) -> PeopleFinder:
    """The document's people, their roles, and who is tied to a sentence."""
    return PeopleFinder()


@Language.factory("courtfacts_values")
def make_values(nlp: Language, name: str) -> ValueSetter:
    """Normal forms for every hit."""
    return ValueSetter()


class OffenceFinder:
    """Find the offences the text states (``extract/offences.py``) as OFFENCE hits."""

    def match(self, doc: Doc) -> list[Hit]:
        text = doc_text(doc)
        spans = doc.user_data.get(SENTENCES) or sentence_spans(text)
        ctx: DocumentContext | None = doc.user_data.get(CONTEXT)
        return find_offences(text, spans, ctx.jurisdiction if ctx else "unknown")

    def set_annotations(self, doc: Doc, hits: list[Hit]) -> None:
        replace_hits(doc, "OFFENCE", hits)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


@Language.factory("courtfacts_offences")
def make_offences(nlp: Language, name: str) -> OffenceFinder:
    """Offence mentions with their categories, statutes, counts and conviction status."""
    return OffenceFinder()
