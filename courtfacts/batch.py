"""Process documents one by one, turning every failure into data.

``process_document`` runs read -> extract -> assemble for one file and
always returns a ``DocumentResult``: a failure at any stage becomes an
``ErrorRecord`` with a stable code, so one broken file never stops a batch.
``process_task`` wraps it for a batch run: it gives the result the id the
run assigned and serialises it, so that a worker process hands back one
finished JSON line. ``Task``, ``Outcome`` and the like (from ``tasks``), and
``iter_inputs`` and ``survey_inputs`` (from ``inputs``), are re-exported.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from courtfacts import regex_cache
from courtfacts.corpus import make_doc_id, read
from courtfacts.corpus.pdf import Engine
from courtfacts.errors import CourtfactsError
from courtfacts.extract.assemble import assemble_cases
from courtfacts.extract.pipeline import mentions_from_doc, run_pipeline, stated_document_date
from courtfacts.extract.ruler import prepare_rule
from courtfacts.inputs import InputSurvey, iter_inputs, survey_inputs
from courtfacts.models import DocumentMeta, DocumentResult, ErrorRecord, Segment, SourceText
from courtfacts.tasks import Outcome, Task, assign_doc_id, failed_outcome, outcome_of, unique_doc_id

__all__ = [
    "InputSurvey",
    "Outcome",
    "Task",
    "assign_doc_id",
    "failed_outcome",
    "iter_inputs",
    "process_document",
    "process_source",
    "process_task",
    "survey_inputs",
    "unique_doc_id",
    "warm_up",
]


def _record(doc_id: str, stage: str, exc: BaseException, code: str | None = None) -> ErrorRecord:
    """An exception as an error record with a stable code."""
    if isinstance(exc, CourtfactsError):
        code, message = exc.code, exc.message
    elif isinstance(exc, MemoryError):
        code, message = "E502", f"out of memory at the {stage} stage"
    else:
        code = code or {"read": "E100", "extract": "E200", "assemble": "E301"}.get(stage, "E200")
        message = f"{type(exc).__name__}: {exc}"
    return ErrorRecord(
        doc_id=doc_id,
        stage=stage,  # type: ignore[arg-type]
        code=code,
        message=message,
        exception_type=type(exc).__name__,
    )


def _error(doc_id: str, source: str, stage: str, exc: BaseException) -> DocumentResult:
    record = _record(doc_id, stage, exc)
    return DocumentResult(doc_id=doc_id, status="error", source=source, errors=[record])


def process_source(source: SourceText, nlp: Language) -> DocumentResult:
    """Extract mentions and cases from a read document."""
    if source.meta.document_date is None:
        stated = stated_document_date(source)
        if stated:
            source = source.model_copy(
                update={"meta": source.meta.model_copy(update={"document_date": stated})}
            )
    try:
        doc = run_pipeline(nlp, source)
        mentions = mentions_from_doc(doc, source)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a record
        return _error(source.doc_id, source.meta.source, "extract", exc).model_copy(
            update={"meta": source.meta}
        )
    try:
        mentions, cases, problems = assemble_cases(doc, source, mentions)
    except Exception as exc:  # noqa: BLE001 - the mentions are kept, the failure recorded
        cases, problems = [], [_record(source.doc_id, "assemble", exc, code="E301")]
    return DocumentResult(
        doc_id=source.doc_id,
        status="ok",
        source=source.meta.source,
        meta=source.meta,
        characters=len(source.text),
        words=len(source.text.split()),
        mentions=mentions,
        cases=cases,
        errors=problems,
    )


def process_document(
    path: Path, nlp: Language, pdf_engine: Engine = "pdfplumber"
) -> DocumentResult:
    """Read and extract one file (a PDF with ``pdf_engine``); never raises for a bad document."""
    try:
        source = read(path, pdf_engine=pdf_engine)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a record
        return _error(make_doc_id(path), str(path), "read", exc)
    try:
        return process_source(source, nlp)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a record
        return _error(source.doc_id, str(path), "assemble", exc).model_copy(
            update={"meta": source.meta}
        )


_WARM_UP_TEXT = (
    "On 1 May 2020 John Smith, 30, admitted two counts of fraud. "
    "He was jailed for four years and eight months and ordered to pay £1,200."
)


def warm_up(nlp: Language, every_rule: bool = False) -> None:
    """Run the pipeline once over a short text, so that its lazy set-up is done
    before the first real document and its deadline.

    A broken rule fails here. The rules the text needs are compiled; the others
    only at their first use (``patterns.DeferredRegex``, ``scanner``), unless ``every_rule``:
    worker processes, which serve many documents, compile them all at start, so
    that no document's deadline or memory limit pays for it.

    Args:
        nlp: the pipeline.
        every_rule: compile every rule of the pipeline now.
    """
    meta = DocumentMeta(source="warm-up", format="text", sha256="0" * 64)
    segment = Segment(start=0, end=len(_WARM_UP_TEXT))
    source = SourceText(
        doc_id="warm-up", kind="text", text=_WARM_UP_TEXT, segments=[segment], meta=meta
    )
    process_source(source, nlp)
    if every_rule:
        for entry in nlp.get_pipe("courtfacts_ruler").entries:
            prepare_rule(entry)
        regex_cache.save()  # a worker process ends without the exit hook that saves it


def process_task(task: Task, nlp: Language) -> Outcome:
    """Process one document of a batch under the id the run gave it.

    Args:
        task: the document's path and assigned id.
        nlp: the pipeline, built once per worker.

    Returns:
        Its finished JSONL line and counts; never raises for a bad document.
    """
    try:
        result = process_document(Path(task.path), nlp, task.pdf_engine)
        result = assign_doc_id(result, task.doc_id)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a record
        result = _error(task.doc_id, task.path, "extract", exc)
    return outcome_of(task, result)
