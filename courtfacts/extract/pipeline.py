"""Build the nlp object and turn a read document into mentions.

``build_pipeline`` makes blank English (less one tokenizer special case,
``_EnglishDefaults``) with the courtfacts components; ``find_mentions``
runs it on one ``SourceText`` and returns pydantic mentions carrying their
provenance (span, page, paragraph, sentence, rule) beside the spaCy ``Doc``
that case assembly reads.
"""

from __future__ import annotations

import bisect
import re
from typing import ClassVar

from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc

from courtfacts.extract import components  # noqa: F401  (registers the factories)
from courtfacts.extract.components import CONTEXT, HITS, SENTENCES, TEXT
from courtfacts.extract.normalise import normalise_date
from courtfacts.extract.ruler import Hit
from courtfacts.extract.values import document_context
from courtfacts.models import (
    DateMention,
    DurationMention,
    Mention,
    MoneyMention,
    OffenceCountMention,
    OffenceMention,
    PaymentMention,
    PersonMention,
    SentenceMention,
    SourceText,
)

_MENTION_TYPES = {
    "DURATION": DurationMention,
    "DATE": DateMention,
    "MONEY": MoneyMention,
    "OFFENCE_COUNT": OffenceCountMention,
    "SENTENCE": SentenceMention,
    "PAYMENT": PaymentMention,
    "PERSON": PersonMention,
    "OFFENCE": OffenceMention,
}
_DATE_SHAPE = (
    r"([0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4}|\d{4}-\d\d-\d\d|[0-9]{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4}"
    r"|\w+\.?\s+\d{1,2},?\s+\d{4})"
)
_DATELINES = (
    re.compile(
        r"(?:decided\s+on|delivered\s+on|judgment\s+(?:delivered|date)|date\s+of\s+(?:judgment|decision)|^\s*date)"
        r"\s*[:\-]?\s*(?:\w+day,?\s+)?" + _DATE_SHAPE,
        re.IGNORECASE | re.MULTILINE,
    ),
    re.compile(
        r"(?:dated|published|released?|for\s+immediate\s+release)\s*[:\-]?\s*(?:\w+day,?\s+)?"
        + _DATE_SHAPE,
        re.IGNORECASE,
    ),
)
_LONGEST_TOKEN = 100
_FULL_DATE = re.compile(
    r"\b\d{4}-\d\d-\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+\d{1,2},\s+\d{4}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\s+\d{4}\b"
)


class _EnglishDefaults(English.Defaults):
    """English's language data without the tokenizer's special case for "\\n".

    spaCy's tokenizer remembers how it split each word, but not within a
    document once a special case has matched in it (the flag is the
    document's, not the word's). English has "\\n" as a special case, so
    from a document's first line break on every word was split afresh:
    tokenising the reader's text took 15 times as long as the same text with
    "\\r\\n" line ends. A run of whitespace is a token of its own either way
    (no prefix, suffix or infix matches whitespace), so the tokens, their
    offsets and their spaces are the same without the case;
    ``tests/extract/test_tokens.py`` holds them equal to blank English's.
    Leaving the case out of the data, rather than taking it out of a built
    tokenizer, spares loading the other 1,345 cases a second time (0.07 s of
    every process's build).
    """

    tokenizer_exceptions: ClassVar[dict[str, list[dict[int, str]]]] = {
        text: tokens
        for text, tokens in English.Defaults.tokenizer_exceptions.items()
        if text != "\n"
    }


class _English(English):
    Defaults = _EnglishDefaults


def build_pipeline() -> Language:
    """Return blank English with the courtfacts components, ready to run."""
    nlp = _English()
    nlp.max_length = 20_000_000
    nlp.add_pipe("courtfacts_sentences")
    nlp.add_pipe("courtfacts_ruler")
    nlp.add_pipe("courtfacts_values")
    nlp.add_pipe("courtfacts_offences")
    nlp.add_pipe("courtfacts_people")
    return nlp


def stated_document_date(source: SourceText) -> str | None:
    """The document's own date: from its metadata, else from a dateline in its text.

    A dateline is "Decided on: 05.03.2021", "Date: 27 July 2022",
    "date 2020-11-09" (these first), or "Dated ...", "Published October 7,
    2010"; failing those, the first full date in the text.
    """
    if source.meta.document_date:
        return source.meta.document_date
    if source.meta.judgment_date:
        return source.meta.judgment_date
    for dateline in _DATELINES:
        for match in dateline.finditer(source.text[:6000]):
            value = normalise_date(match.group(1), day_first=True)
            if value and len(value) == 10:
                return value
    for match in _FULL_DATE.finditer(source.text):
        value = normalise_date(match.group(), day_first=True)
        if value and len(value) == 10:
            return value
    return None


def tokenisable(text: str, longest: int = _LONGEST_TOKEN) -> str:
    """The text with every run of non-space characters cut every ``longest`` characters.

    spaCy's tokenizer takes affixes off a token one at a time, which is
    quadratic in the token's length: a 10,000-character rule of "_" takes
    half a minute. Cutting long runs with a space keeps every offset, and no
    value courtfacts reads is written as a word that long.

    >>> tokenisable("a" + "_" * 7 + "b", longest=4)
    'a__ ___ b'
    """
    if len(text) < longest:
        return text
    return re.sub(rf"\S{{{longest},}}", lambda m: _cut(m.group(), longest), text)


def _cut(run: str, longest: int) -> str:
    """Replace every ``longest``-th character of a run by a space."""
    return "".join(
        " " if index % longest == longest - 1 else char for index, char in enumerate(run)
    )


def run_pipeline(nlp: Language, source: SourceText) -> Doc:
    """Run the pipeline over one document, with its reading conventions set."""
    text = tokenisable(source.text)
    doc = nlp.make_doc(text)
    doc.user_data[TEXT] = text  # what ``doc.text`` would join from the tokens
    hints = " ".join(filter(None, [source.meta.court, source.meta.title, source.meta.jurisdiction]))
    doc.user_data[CONTEXT] = document_context(source.text, stated_document_date(source), hints)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _to_mention(
    hit: Hit, index: int, source: SourceText, sentence: tuple[int, int], segment_starts: list[int]
) -> Mention:
    position = bisect.bisect_right(segment_starts, hit.start) - 1
    segment = source.segments[position] if position >= 0 else None
    model = _MENTION_TYPES[hit.label]
    return model(
        id=f"m{index}",
        text=source.text[hit.start : hit.end],  # the source's own words, whatever the tokeniser saw
        start_char=hit.start,
        end_char=hit.end,
        page=segment.page if segment else None,
        paragraph=segment.paragraph if segment else None,
        sentence=source.text[sentence[0] : sentence[1]],
        rule=hit.rule,
        value=hit.value,
    )


def mentions_from_doc(doc: Doc, source: SourceText) -> list[Mention]:
    """Turn the hits of a processed ``Doc`` into mention records, in text order."""
    spans: list[tuple[int, int]] = doc.user_data[SENTENCES]
    starts = [start for start, _ in spans]
    segment_starts = [segment.start for segment in source.segments]
    mentions: list[Mention] = []
    for hit in doc.user_data[HITS]:
        if hit.label not in _MENTION_TYPES:
            continue
        index = bisect.bisect_right(starts, hit.start) - 1
        sentence = spans[index] if index >= 0 else (0, len(source.text))
        hit.mention_id = f"m{len(mentions)}"
        mentions.append(_to_mention(hit, len(mentions), source, sentence, segment_starts))
    return mentions


def find_mentions(source: SourceText, nlp: Language | None = None) -> list[Mention]:
    """Find every mention in one document.

    Args:
        source: the read document.
        nlp: a pipeline from ``build_pipeline`` (built here when omitted).

    Returns:
        Mentions in text order, each with its provenance and normal form.
    """
    nlp = nlp or build_pipeline()
    return mentions_from_doc(run_pipeline(nlp, source), source)
