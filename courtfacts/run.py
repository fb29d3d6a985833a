"""A batch run of ``extract``: documents streamed through workers into ``documents.jsonl``.

``run_extract`` expands the inputs lazily, gives each document its id (unique
within the output file), skips the ones a resumed run already has, sends the
rest through a ``WorkerPool`` (or, with one worker, through the pipeline in
this process; or, given a cluster, through Dask workers, see ``cluster``),
and writes each line as it completes, whole and flushed. Memory stays flat
whatever the archive's size: no more documents are in flight than there are
workers (twice the worker threads on a cluster), and results are counted, not
kept. Every input the walk passes over (a hidden file, a fifo, a symlink
loop...) is counted by its reason. At the end it writes ``OUT/run.json``:
counts by status, by error code and of the inputs skipped by reason, pages,
characters, wall time, workers, PDF engine, cluster and versions.
"""

from __future__ import annotations

import json
import os
import platform
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from courtfacts.cluster import ClusterSpec, DaskExecutor
from courtfacts.corpus.pdf import Engine
from courtfacts.inputs import iter_inputs
from courtfacts.output.jsonl import write_line
from courtfacts.pool import WorkerPool
from courtfacts.resume import ResumeIndex, compact, trim_torn_tail
from courtfacts.tasks import Outcome, Task, failed_outcome

RESULTS_NAME = "documents.jsonl"
SUMMARY_NAME = "run.json"
VERSIONED = ("courtfacts", "spacy", "pdfplumber", "pypdfium2", "pydantic")
CLUSTER_VERSIONED = ("dask", "distributed")


@dataclass(frozen=True)
class RunOptions:
    """How to run a batch.

    Attributes:
        workers: worker processes; 1 runs in this process, without a pool.
        timeout: seconds one document may take before it becomes an ``E500`` line.
        resume: keep the documents an earlier run finished with status ok.
        pdf_engine: the engine that reads PDFs (``corpus.PDF_ENGINES``).
        cluster: a Dask cluster to run on instead of local workers (``workers``
            is then ignored and ``run.json`` counts the cluster's workers).
        memory_mb: megabytes a worker process may grow by while reading one
            document before that document becomes an ``E502`` line (pools and clusters).
    """

    workers: int = 1
    timeout: float = 300.0
    resume: bool = False
    memory_mb: int | None = None
    pdf_engine: Engine = "pdfplumber"
    cluster: ClusterSpec | None = None


class Monitor(Protocol):
    """Whatever follows a run's progress (a progress bar, a log, nothing)."""

    def skipped(self, path: Path) -> None:
        """A document was already done by an earlier run."""

    def done(self, outcome: Outcome) -> None:
        """A document was processed and its line written."""


@dataclass
class RunSummary:
    """The figures of one run, written to ``run.json``.

    ``done_before`` counts the documents a resumed run kept from an earlier
    one; ``passed_over`` the inputs the walk skipped, by reason
    (``inputs.SKIP_REASONS``), which are not documents.
    """

    workers: int
    timeout: float
    resume: bool
    pdf_engine: str = "pdfplumber"
    cluster: str | None = None
    processed: int = 0
    done_before: int = 0
    passed_over: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)
    pages: int = 0
    characters: int = 0
    wall_seconds: float = 0.0

    @property
    def skipped(self) -> int:
        """The older name of ``done_before``."""
        return self.done_before

    @property
    def documents(self) -> int:
        """Documents of this run, processed or done before."""
        return self.processed + self.done_before

    @property
    def failed(self) -> int:
        """Documents of this run whose line has status error."""
        return self.by_status["error"]

    def add(self, outcome: Outcome) -> None:
        """Count one processed document."""
        self.processed += 1
        self.by_status[outcome.status] += 1
        self.by_code.update(outcome.codes)
        self.pages += outcome.pages
        self.characters += outcome.characters

    def as_dict(self) -> dict[str, Any]:
        """The summary as ``run.json`` holds it."""
        return {
            "documents": self.documents,
            "processed": self.processed,
            "done_before": self.done_before,
            "skipped": dict(sorted(self.passed_over.items())),
            "by_status": {"ok": self.by_status["ok"] + self.done_before, "error": self.failed},
            "by_code": dict(sorted(self.by_code.items())),
            "pages": self.pages,
            "characters": self.characters,
            "wall_seconds": round(self.wall_seconds, 3),
            "workers": self.workers,
            "timeout_seconds": self.timeout,
            "resume": self.resume,
            "pdf_engine": self.pdf_engine,
            "cluster": self.cluster,
            "versions": versions(CLUSTER_VERSIONED if self.cluster else ()),
        }


def versions(extra: tuple[str, ...] = ()) -> dict[str, str]:
    """The versions of Python and of the packages that shape the output (and ``extra`` ones)."""
    found = {"python": platform.python_version()}
    for name in VERSIONED + extra:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "unknown"
    return found


def run_extract(paths: list[str], out: Path, options: RunOptions, monitor: Monitor) -> RunSummary:
    """Extract every input document into ``OUT/documents.jsonl`` and write ``OUT/run.json``.

    Args:
        paths: files, folders and globs, as the user gave them.
        out: the output folder (created if missing).
        options: workers, timeout, resume, PDF engine and cluster.
        monitor: told of each document as it is skipped or written.

    Returns:
        The run's figures.

    Raises:
        PoolError: a worker process could not build the pipeline.
        ClusterError: the cluster could not be started or reached, or Dask is missing.
    """
    out.mkdir(parents=True, exist_ok=True)
    target = out / RESULTS_NAME
    cluster = options.cluster.describe() if options.cluster else None
    summary = RunSummary(
        options.workers, options.timeout, options.resume, options.pdf_engine, cluster
    )
    started = time.monotonic()
    if options.resume:
        trim_torn_tail(target)
    index = ResumeIndex.load(target) if options.resume else ResumeIndex()
    inputs = iter_inputs(paths, lambda path, reason: summary.passed_over.update([reason]))
    tasks = _tasks(inputs, index, summary, monitor, options.pdf_engine)
    with target.open("a" if options.resume else "w", encoding="utf-8") as handle:
        for outcome in _execute(tasks, options, summary):
            write_line(outcome.line, handle)
            summary.add(outcome)
            monitor.done(outcome)
    if options.resume:
        compact(target)
    summary.wall_seconds = time.monotonic() - started
    _write_json(out / SUMMARY_NAME, summary.as_dict())
    return summary


def _tasks(
    inputs: Iterator[Path],
    index: ResumeIndex,
    summary: RunSummary,
    monitor: Monitor,
    pdf_engine: Engine,
) -> Iterator[Task]:
    for path in inputs:
        doc_id = index.decide(path)
        if doc_id is None:
            summary.done_before += 1
            monitor.skipped(path)
        else:
            yield Task(str(path), doc_id, pdf_engine)


def _execute(tasks: Iterator[Task], options: RunOptions, summary: RunSummary) -> Iterator[Outcome]:
    if options.cluster is not None:
        with DaskExecutor(
            options.cluster, options.timeout, memory_mb=options.memory_mb
        ) as executor:
            summary.workers = executor.workers
            yield from executor.imap_unordered(tasks)
        return
    if options.workers == 1:
        yield from _run_inline(tasks, options.timeout)
        return
    with WorkerPool(options.workers, options.timeout, options.memory_mb) as pool:
        yield from pool.imap_unordered(tasks)


_REARM_SECONDS = 0.25


class _Expired(BaseException):
    """Raised by the alarm in the middle of a document; not an ``Exception``, so
    that no stage's catch-all mistakes it for the document's own failure."""


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block with ``_Expired`` after ``seconds`` (main thread, POSIX only)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    # Fire again every so often: an exception raised where Python swallows it
    # (a gc callback, a __del__) would otherwise lose the deadline.
    signal.setitimer(signal.ITIMER_REAL, seconds, _REARM_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run_inline(tasks: Iterator[Task], timeout: float) -> Iterator[Outcome]:
    """Process documents in this process, the pipeline built once.

    The timeout is kept with ``SIGALRM``: it stops a document stuck in Python
    code or in a system call, but not one stuck in C code that never returns to
    the interpreter; only worker processes (``--workers 2`` or more) can be
    killed whatever they are doing.
    """
    from courtfacts.batch import process_task, warm_up  # a pool's parent never loads them
    from courtfacts.extract.pipeline import build_pipeline

    nlp = build_pipeline()
    warm_up(nlp)
    for task in tasks:
        try:
            with _deadline(timeout):
                outcome = process_task(task, nlp)
        except _Expired:
            outcome = failed_outcome(task, "E500", f"{task.path}: no result after {timeout:g}s")
        yield outcome


def _write_json(path: Path, data: dict[str, Any]) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, path)
