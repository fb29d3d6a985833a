"""A batch run's units of work, as the run's parent process sees them.

A ``Task`` is a document to process, an ``Outcome`` its finished JSONL line
and counts; the worker that turns one into the other (``batch.process_task``)
runs the pipeline. This module imports no pipeline: the parent of a run with
worker processes hands out tasks, writes outcomes and names the documents the
batch gave up on (``failed_outcome``), and never loads spaCy or the rules,
so that the workers, which do, start sooner.
"""

from __future__ import annotations

from dataclasses import dataclass

from courtfacts.corpus.pdf import Engine
from courtfacts.errors import CODES
from courtfacts.models import DocumentResult, ErrorRecord
from courtfacts.output.jsonl import dump_line


@dataclass(frozen=True)
class Task:
    """One document of a batch run: its path as given, the id the run assigned, and
    the engine that reads it if it is a PDF (it travels with the document to the worker)."""

    path: str
    doc_id: str
    pdf_engine: Engine = "pdfplumber"


@dataclass(frozen=True)
class Outcome:
    """A processed document: its finished JSONL line and the figures a run counts."""

    task: Task
    line: str
    status: str
    codes: tuple[str, ...] = ()
    pages: int = 0
    characters: int = 0


def unique_doc_id(wanted: str, taken: set[str]) -> str:
    """Return ``wanted``, or ``wanted-2``, ``wanted-3``... whichever is free, and take it.

    Args:
        wanted: the id the document's file name gives.
        taken: ids already used in the run; the returned id is added to it.

    Returns:
        An id not in ``taken`` before the call.

    >>> taken = set()
    >>> [unique_doc_id(name, taken) for name in ("report", "report", "report-2")]
    ['report', 'report-2', 'report-2-2']
    """
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    taken.add(candidate)
    return candidate


def assign_doc_id(result: DocumentResult, doc_id: str) -> DocumentResult:
    """Give a result another id, on the document and on each of its error records.

    Args:
        result: a document's result.
        doc_id: the id to give it.

    Returns:
        The result with ``doc_id`` everywhere the id appears.
    """
    if result.doc_id == doc_id and all(error.doc_id == doc_id for error in result.errors):
        return result
    errors = [error.model_copy(update={"doc_id": doc_id}) for error in result.errors]
    return result.model_copy(update={"doc_id": doc_id, "errors": errors})


def outcome_of(task: Task, result: DocumentResult) -> Outcome:
    pages = result.meta.pages if result.meta and result.meta.pages else 0
    return Outcome(
        task=task,
        line=dump_line(result),
        status=result.status,
        codes=tuple(error.code for error in result.errors),
        pages=pages,
        characters=result.characters,
    )


def failed_outcome(task: Task, code: str, message: str) -> Outcome:
    """The outcome of a document the batch itself gave up on (timeout, dead worker).

    Args:
        task: the document.
        code: an ``E5xx`` code from ``errors.CODES``.
        message: what happened, for a person.

    Returns:
        An error line for the document, at stage ``batch``.
    """
    if code not in CODES:
        raise KeyError(f"unknown error code {code}")
    record = ErrorRecord(doc_id=task.doc_id, stage="batch", code=code, message=message)
    result = DocumentResult(doc_id=task.doc_id, status="error", source=task.path, errors=[record])
    return outcome_of(task, result)
