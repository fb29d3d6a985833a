"""The pipeline's tokens are blank English's: same words, offsets and spaces."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from tests._files import needs_shared_docs

LINE_ENDS = [
    "R v Marsh\nSentencing remarks\n\nYou are sentenced to 6 years' imprisonment.",
    "He was jailed for 38 weeks,\nsuspended for 2 years.\r\nHe pleaded guilty.\n",
    "\nA leading line break, \n a space before one and\t\n a tab,\n\n\n three in a row.",
    'Mr. Bell (29)\npaid £1,250.00;\nthe judge said: "don\'t"\n- a list\n(i) item\n',
    "Counts 1-3\n\u00a0\nand 4\u2013\n6 of the indictment\x0c\nPage 2 of 9\n",
    "\n",
    "\n\n \n",
]


def _tokens(nlp: Language, text: str) -> list[tuple[str, int, str]]:
    return [(token.text, token.idx, token.whitespace_) for token in nlp.make_doc(text)]


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


@pytest.mark.parametrize("text", LINE_ENDS)
def test_line_breaks_make_the_tokens_blank_english_makes(nlp, blank, text) -> None:
    # Twice: the second run reads words back from the tokenizer's cache.
    for _ in range(2):
        assert _tokens(nlp, text) == _tokens(blank, text)


def test_the_tokenizer_keeps_english_special_cases_but_the_line_break(nlp, blank) -> None:
    # The "\n" case would stop the tokenizer's word cache for the rest of a document.
    assert set(blank.tokenizer.rules) - set(nlp.tokenizer.rules) == {"\n"}
    assert set(nlp.tokenizer.rules) < set(blank.tokenizer.rules)
    assert nlp.lang == "en"


@needs_shared_docs
def test_every_corpus_document_makes_the_tokens_blank_english_makes(
    nlp, blank, corpus_texts
) -> None:
    assert len(corpus_texts) >= 40
    for name, text in corpus_texts:
        assert _tokens(nlp, text) == _tokens(blank, text), name
