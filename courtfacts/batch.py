"""Process documents one by one, turning every failure into data.

``process_document`` runs read -> extract -> assemble for one file and
always returns a ``DocumentResult``: a failure at any stage becomes an
``ErrorRecord`` with a stable code, so one broken file never stops a batch.
``iter_inputs`` expands files, folders (recursively, symlink loops cut)
and globs into an ordered list of files.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from courtfacts.corpus import SUFFIXES, make_doc_id, read
from courtfacts.errors import CourtfactsError
from courtfacts.extract.assemble import assemble_cases
from courtfacts.extract.pipeline import mentions_from_doc, run_pipeline, stated_document_date
from courtfacts.models import DocumentResult, ErrorRecord, SourceText


def iter_inputs(paths: Iterable[str]) -> Iterator[Path]:
    """Expand files, folders and globs into files, each once, in a stable order.

    Folders are walked recursively for files with a known suffix; a symlinked
    folder already visited (a loop) is not entered again.
    """
    seen: set[Path] = set()
    for raw in paths:
        matches = sorted(glob.glob(raw, recursive=True)) if glob.has_magic(raw) else [raw]
        for match in matches:
            for path in _walk(Path(match)):
                key = path.resolve()
                if key not in seen:
                    seen.add(key)
                    yield path


def _walk(path: Path) -> Iterator[Path]:
    if not path.is_dir():
        yield path
        return
    visited: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(path, followlinks=True):
        stat = os.stat(root)
        if (stat.st_dev, stat.st_ino) in visited:
            dirs[:] = []
            continue
        visited.add((stat.st_dev, stat.st_ino))
        dirs.sort()
        for name in sorted(files):
            candidate = Path(root) / name
            if candidate.suffix.lower() in SUFFIXES and not name.startswith("."):
                yield candidate


def _error(doc_id: str, source: str, stage: str, exc: BaseException) -> DocumentResult:
    if isinstance(exc, CourtfactsError):
        code, message = exc.code, exc.message
    else:
        code = {"read": "E100", "extract": "E200", "assemble": "E300"}.get(stage, "E200")
        message = f"{type(exc).__name__}: {exc}"
    record = ErrorRecord(
        doc_id=doc_id, stage=stage, code=code, message=message,  # type: ignore[arg-type]
        exception_type=type(exc).__name__,
    )
    return DocumentResult(doc_id=doc_id, status="error", source=source, errors=[record])


def process_source(source: SourceText, nlp: Language) -> DocumentResult:
    """Extract mentions and cases from a read document."""
    if source.meta.document_date is None:
        stated = stated_document_date(source)
        if stated:
            source = source.model_copy(update={"meta": source.meta.model_copy(update={"document_date": stated})})
    try:
        doc = run_pipeline(nlp, source)
        mentions = mentions_from_doc(doc, source)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a record
        return _error(source.doc_id, source.meta.source, "extract", exc).model_copy(
            update={"meta": source.meta}
        )
    mentions, cases, problems = assemble_cases(doc, source, mentions)
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


def process_document(path: Path, nlp: Language) -> DocumentResult:
    """Read and extract one file; never raises for a bad document."""
    try:
        source = read(path)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a record
        return _error(make_doc_id(path), str(path), "read", exc)
    return process_source(source, nlp)
