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

from courtfacts.extract.ruler import Hit, match_patterns
from courtfacts.extract.sentences import sentence_spans
from courtfacts.extract.values import DocumentContext, assign_values, document_context
from courtfacts.patterns import PATTERN_FILES, load_patterns

HITS = "courtfacts.hits"
CONTEXT = "courtfacts.context"
SENTENCES = "courtfacts.sentences"
TEXT = "courtfacts.text"
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
        spans = doc.user_data.get(SENTENCES) or sentence_spans(text)
        hits: list[Hit] = doc.user_data.get(HITS, [])
        starts = sorted(start for start, _ in spans)
        sentence_of = {hit.start: _floor(starts, hit.start) for hit in hits}
        assign_values(hits, text, ctx, sentence_of)
        return doc


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


@Language.factory("courtfacts_values")
def make_values(nlp: Language, name: str) -> ValueSetter:
    """Normal forms for every hit."""
    return ValueSetter()
