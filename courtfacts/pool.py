"""Worker processes with a deadline per document, for batch runs.

Each worker is a process of its own, started with the ``forkserver`` method
where the platform has it (``spawn`` elsewhere), that builds the spaCy
pipeline once and then processes one document at a time, talking to the
parent over a private pipe. The fork server imports the pipeline's code once
for all the workers (``worker_code``), and ``start_server`` starts it early.
The parent gives a document only to an idle worker, so no more documents are
in flight than there are workers, and it watches every worker's deadline:

- a document still running at its deadline gets an ``E500`` line, and its
  worker is killed and replaced;
- a worker that dies (a segfault, the kernel's OOM killer) gets its
  document an ``E501`` line, and is replaced;
- with a memory limit, a worker whose address space grows past its
  baseline plus the limit (``RLIMIT_AS``) while reading a document gets that
  document an ``E502`` line and is replaced.

Private pipes, rather than one shared queue, mean that killing a worker can
never leave a lock held or a message half-written where another worker would
find it. A worker whose parent has gone (even by SIGKILL) exits on its own.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection, wait
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from courtfacts.tasks import Outcome, Task

_PRELOAD = ["courtfacts.worker_code"]
"""What the fork server imports once for every worker; the parent imports none of it."""
_START_TIMEOUT_SECONDS = 300.0


class PoolError(RuntimeError):
    """A worker process could not start (the pipeline failed to build)."""


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def start_server() -> None:
    """Start the fork server that a pool's workers will come from, and return at once.

    The server imports the pipeline's code (about a second) while this process
    goes on with its own set-up (its imports, the walk of the inputs), on
    another core; a ``WorkerPool`` made later forks its workers from it rather
    than waiting for that import. Where there is no fork server, nothing.
    """
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _watch_parent() -> None:
    """Exit as soon as the parent has gone (killed with SIGKILL, say), whatever we are doing."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def limit_memory(megabytes: int | None) -> None:
    """Cap this process's address space at its present size plus ``megabytes``."""
    if not megabytes:
        return
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            baseline = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return  # no /proc: no limit rather than a wrong one
    limit = baseline + megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _serve(conn: Connection, memory_mb: int | None = None) -> None:
    """A worker's life: build and warm the pipeline once, then serve documents until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _watch_parent()
    from courtfacts.batch import process_task, warm_up  # preloaded: see _PRELOAD
    from courtfacts.extract.pipeline import build_pipeline
    from courtfacts.tasks import failed_outcome

    try:
        nlp = build_pipeline()
        warm_up(nlp, every_rule=True)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which stops the run
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    gc.freeze()  # kept for the worker's life: no collection walks it or writes to its pages
    limit_memory(memory_mb)
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            outcome = process_task(task, nlp)
        except MemoryError:
            outcome = failed_outcome(task, "E502", f"{task.path}: over the memory limit")
        conn.send(("done", outcome))
        if "E502" in outcome.codes:
            return  # a worker that ran out of memory is not trusted with another document


class _Worker:
    """One worker process, its pipe, and the document it holds, if any."""

    def __init__(self, context: Any, memory_mb: int | None = None) -> None:
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(target=_serve, args=(child, memory_mb), daemon=True)
        self.process.start()
        child.close()
        self.is_ready = False
        self.task: Task | None = None
        self.deadline = time.monotonic() + _START_TIMEOUT_SECONDS

    def give(self, task: Task, timeout: float) -> None:
        self.task = task
        self.deadline = time.monotonic() + timeout
        try:
            self.conn.send(task)
        except OSError:
            pass  # the worker has just died: the parent sees it and reports the document

    def stop(self, *, kill: bool) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(timeout=None if kill else 5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class WorkerPool:
    """A fixed number of worker processes, each document under a deadline.

    Use it as a context manager; leaving the block stops the workers.

    Args:
        size: the number of worker processes.
        timeout: seconds one document may take before it is given up.
        memory_mb: megabytes a worker may grow by while reading one document
            (None: no limit).
    """

    def __init__(self, size: int, timeout: float, memory_mb: int | None = None) -> None:
        if size < 1:
            raise ValueError("a pool needs at least one worker")
        self._context = _context()
        self._timeout = timeout
        self._memory_mb = memory_mb
        self._workers = [_Worker(self._context, memory_mb) for _ in range(size)]

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close(kill=kind is not None)

    @property
    def pids(self) -> list[int]:
        """The process ids of the current workers."""
        return [worker.process.pid for worker in self._workers if worker.process.pid]

    def close(self, *, kill: bool = False) -> None:
        """Stop every worker: politely when idle, by SIGKILL when ``kill`` or busy."""
        for worker in self._workers:
            worker.stop(kill=kill or worker.task is not None or not worker.is_ready)
        self._workers = []

    def imap_unordered(self, tasks: Iterator[Task]) -> Iterator[Outcome]:
        """Process documents as workers free up; yield each outcome as it completes.

        Args:
            tasks: the documents, read lazily, one more each time a worker is idle.

        Yields:
            One outcome per task, in the order they complete.

        Raises:
            PoolError: a worker failed to start.
        """
        exhausted = self._hand_out(tasks, False)
        while not (exhausted and all(worker.task is None for worker in self._workers)):
            self._wait()
            done = list(self._collect())
            # A freed worker starts its next document before the caller takes this one's line.
            exhausted = self._hand_out(tasks, exhausted)
            yield from done

    def _hand_out(self, tasks: Iterator[Task], exhausted: bool) -> bool:
        """Give each idle, ready worker the next task; return whether the tasks have run out."""
        if exhausted:
            return True
        for worker in self._workers:
            if worker.is_ready and worker.task is None:
                task = next(tasks, None)
                if task is None:
                    return True
                worker.give(task, self._timeout)
        return False

    def _wait(self) -> None:
        now = time.monotonic()
        soonest = min(worker.deadline for worker in self._workers)
        handles: list[Any] = [worker.conn for worker in self._workers]
        handles += [worker.process.sentinel for worker in self._workers]
        wait(handles, timeout=None if soonest == float("inf") else max(0.0, soonest - now))

    def _collect(self) -> Iterator[Outcome]:
        for index, worker in enumerate(self._workers):
            outcome = self._check(index, worker)
            if outcome is not None:
                yield outcome

    def _check(self, index: int, worker: _Worker) -> Outcome | None:
        if worker.conn.poll():
            try:
                kind, payload = worker.conn.recv()
            except Exception:  # noqa: BLE001 - the pipe closed: the worker died
                worker.process.join(timeout=5)
                return self._replace(index, "E501", _death(worker.process.exitcode))
            if kind == "failed":
                raise PoolError(f"a worker could not start: {payload}")
            if kind == "ready":
                worker.is_ready = True
                worker.deadline = float("inf")
                return None
            worker.task, worker.deadline = None, float("inf")
            if "E502" in payload.codes:  # the worker leaves after running out of memory
                worker.stop(kill=True)
                self._workers[index] = _Worker(self._context, self._memory_mb)
            return payload
        if not worker.process.is_alive():
            worker.process.join()
            return self._replace(index, "E501", _death(worker.process.exitcode))
        if time.monotonic() >= worker.deadline:
            if worker.task is None:
                raise PoolError(f"a worker did not start within {_START_TIMEOUT_SECONDS:.0f}s")
            return self._replace(
                index, "E500", f"no result after {self._timeout:g}s; worker killed"
            )
        return None

    def _replace(self, index: int, code: str, message: str) -> Outcome | None:
        from courtfacts.tasks import failed_outcome

        worker = self._workers[index]
        task, was_ready = worker.task, worker.is_ready
        worker.stop(kill=True)
        if not was_ready:
            raise PoolError(f"a worker could not start: {message}")
        self._workers[index] = _Worker(self._context, self._memory_mb)
        return failed_outcome(task, code, f"{task.path}: {message}") if task else None


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"worker process died ({name})"
    return f"worker process died (exit code {exitcode})"
