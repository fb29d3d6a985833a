"""Run the whole path on a passage written for a test, and pick a case by surname."""

from __future__ import annotations

from courtfacts.batch import process_source
from courtfacts.models import CaseRecord, DocumentMeta, DocumentResult, SourceText


def run_text(nlp, text: str, date: str | None = "2021-05-14") -> DocumentResult:
    """The document result of a plain-text passage dated ``date``."""
    meta = DocumentMeta(source="test.txt", format="text", sha256="0" * 64, document_date=date)
    return process_source(SourceText(doc_id="test", kind="text", text=text, meta=meta), nlp)


def case_of(result: DocumentResult, surname: str) -> CaseRecord:
    """The one case whose offender's name ends with ``surname``."""
    matches = [c for c in result.cases if c.offender and c.offender.endswith(surname)]
    assert len(matches) == 1, [c.offender for c in result.cases]
    return matches[0]
