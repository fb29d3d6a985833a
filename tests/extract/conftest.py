"""Shared fixtures for the mention-finding tests: one pipeline, one way to run a sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from courtfacts.corpus import read
from courtfacts.extract.pipeline import build_pipeline, find_mentions
from courtfacts.models import DocumentMeta, Mention, SourceText
from tests._files import SHARED_DOCS

FindMentions = Callable[..., list[Mention]]


@pytest.fixture(scope="session")
def corpus_texts() -> list[tuple[str, str]]:
    """Every document of ``../shared/corpus/docs`` as the default reader gives it: (name, text)."""
    documents = sorted(path for path in SHARED_DOCS.rglob("*") if path.is_file())
    return [(path.name, read(path).text) for path in documents]


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The courtfacts pipeline, built once per test session."""
    return build_pipeline()


@pytest.fixture(scope="session")
def mentions_of(nlp: Language) -> FindMentions:
    """Run one passage through the pipeline and keep the mentions of one kind.

    The returned callable takes ``(text, kind, document_date=None)``, where
    ``kind`` is a mention kind (``"duration"``, ``"date"``, ``"money"``,
    ``"offence_count"``, ``"sentence"``, ``"payment"``) and ``document_date``
    is the ISO date relative expressions resolve against.
    """

    def _mentions_of(text: str, kind: str, document_date: str | None = None) -> list[Mention]:
        meta = DocumentMeta(
            source="test", format="text", sha256="0" * 64, document_date=document_date
        )
        source = SourceText(doc_id="test", kind="text", text=text, meta=meta)
        return [mention for mention in find_mentions(source, nlp) if mention.kind == kind]

    return _mentions_of
