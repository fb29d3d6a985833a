"""Batch runs on a Dask cluster: ``extract --cluster local:N`` or ``--scheduler tcp://HOST:PORT``.

``DaskExecutor`` has the ``WorkerPool`` interface (a context manager with
``imap_unordered``), so a cluster run is the same run as a local one: the
same ids, the same resume, the same lines written whole by this process as
documents complete, the same ``run.json``. What differs is where documents go:

- ``local:N`` starts a ``LocalCluster`` of N worker processes, one thread
  each; a ``tcp://`` address joins a cluster someone already started (by hand
  or with dask-jobqueue's ``SLURMCluster``). Every worker needs courtfacts
  installed, at the client's version.
- Each worker thread builds the spaCy pipeline once (``_pipeline``, cached);
  on start-up one warm-up task per worker builds it there, so that a broken
  pattern file stops the run at once, as with local workers.
- No more than ``WINDOW_PER_THREAD`` documents per worker thread are in
  flight: a sliding window over ``as_completed``, the next document submitted
  as each one completes, so memory stays flat on the client and the scheduler.
- A document whose task raises is tried again, ``RETRIES`` times, by Dask
  (``retries=``); a worker that dies or leaves has its documents rescheduled
  on the others by the scheduler (up to ``distributed.scheduler.allowed-failures``
  deaths). A document that fails every try is an ``E501`` line: never lost.
- ``--timeout`` is kept inside the worker: past its deadline a document's
  thread gets an asynchronous exception and the document becomes an ``E500``
  line. Like ``SIGALRM`` with ``--workers 1``, this stops Python code (pdfminer
  is Python) but not C code that never returns to the interpreter.
- ``--memory-limit`` caps each worker process's address space at its size
  once the pipeline is built plus the limit (``RLIMIT_AS``, as in local
  pools): a document that needs more becomes an ``E502`` line. The worker
  goes on with the next document (what the failed one held is freed); the
  cap is per process, so worker threads of one process share it.

Dask (``dask[distributed]``) is the optional extra ``cluster``; this module
imports it only when a cluster run starts, and ``require_dask`` names the
extra when it is missing.
"""

from __future__ import annotations

import ctypes
import importlib.util
import re
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from courtfacts.pool import PoolError, limit_memory
from courtfacts.tasks import Outcome, Task, failed_outcome

if TYPE_CHECKING:
    from spacy.language import Language

EXTRA = "cluster"
RETRIES = 2
"""Further tries Dask gives a document whose task raised (``submit(..., retries=)``)."""
WINDOW_PER_THREAD = 2
"""Documents in flight per worker thread: one running, one queued behind it."""
CONNECT_SECONDS = 30.0
"""How long to wait for the scheduler of ``--scheduler`` to answer."""
RESIZE_SECONDS = 5.0
"""How often the window follows the cluster's size (workers join and leave)."""
LOCAL_HTTP = "127.0.0.1:0"
"""Where a local cluster's scheduler serves HTTP: this machine, any free port."""
_LOCAL = re.compile(r"local:(\d+)")
_ADDRESS = re.compile(r"(tcp|tls|ucx|inproc)://\S+")
_REARM_SECONDS = 0.25


class ClusterError(RuntimeError):
    """A cluster run cannot start: Dask missing, a bad cluster spec, an unreachable scheduler."""


@dataclass(frozen=True)
class ClusterSpec:
    """Where a cluster run goes: a local cluster of ``local_workers`` processes, or ``address``."""

    local_workers: int | None = None
    address: str | None = None

    def describe(self) -> str:
        """The spec as the user gave it (``local:4``, ``tcp://10.0.0.5:8786``)."""
        return f"local:{self.local_workers}" if self.local_workers else str(self.address)


def parse_cluster(cluster: str | None, scheduler: str | None) -> ClusterSpec | None:
    """Turn ``--cluster`` and ``--scheduler`` into a ``ClusterSpec``, or ``None`` for a local run.

    Args:
        cluster: ``local:N`` with N >= 1, or ``None``.
        scheduler: a scheduler address such as ``tcp://HOST:PORT``, or ``None``.

    Returns:
        The spec, or ``None`` when neither is given.

    Raises:
        ClusterError: both are given, or either is malformed.

    >>> parse_cluster("local:2", None)
    ClusterSpec(local_workers=2, address=None)
    >>> parse_cluster(None, "tcp://10.0.0.5:8786").describe()
    'tcp://10.0.0.5:8786'
    """
    if cluster is not None and scheduler is not None:
        raise ClusterError("give --cluster or --scheduler, not both")
    if cluster is not None:
        match = _LOCAL.fullmatch(cluster.strip())
        if not match or int(match.group(1)) < 1:
            raise ClusterError(f"--cluster {cluster!r}: expected local:N with N >= 1")
        return ClusterSpec(local_workers=int(match.group(1)))
    if scheduler is not None:
        if not _ADDRESS.fullmatch(scheduler.strip()):
            raise ClusterError(
                f"--scheduler {scheduler!r}: expected an address like tcp://HOST:PORT"
            )
        return ClusterSpec(address=scheduler.strip())
    return None


def require_dask() -> None:
    """Raise ``ClusterError`` naming the extra when ``dask.distributed`` is not installed."""
    if importlib.util.find_spec("distributed") is None:
        raise ClusterError(
            "cluster runs need Dask: pip install 'courtfacts[cluster]' (dask[distributed])"
        )


# ------------------------------------------------------------ on the workers

_PIPELINES = threading.local()
_CAPPING = threading.Lock()
_CAPPED = threading.Event()


def _pipeline(memory_mb: int | None) -> Language:
    """This worker thread's pipeline, built and warmed the first time it is asked for;
    the process's memory cap is set after the first pipeline is built in it."""
    from courtfacts.batch import warm_up  # on a worker: the client never loads the pipeline
    from courtfacts.extract.pipeline import build_pipeline

    nlp = getattr(_PIPELINES, "nlp", None)
    if nlp is None:
        nlp = build_pipeline()
        warm_up(nlp, every_rule=True)
        _PIPELINES.nlp = nlp
        with _CAPPING:  # once per process, by whichever thread comes first
            if not _CAPPED.is_set():
                limit_memory(memory_mb)
                _CAPPED.set()
    return nlp


def _warm_worker(memory_mb: int | None) -> int:
    """Build the pipeline on the worker thread that runs this; return its size in components."""
    return len(_pipeline(memory_mb).pipe_names)


class _Expired(BaseException):
    """Raised in a document's thread at its deadline; not an ``Exception``, so that no
    stage's catch-all mistakes it for the document's own failure."""


def _raise_in(thread_id: int, kind: type[BaseException] | None) -> None:
    """Set (or, with ``None``, clear) a pending asynchronous exception in a thread."""
    target = ctypes.py_object(kind) if kind is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), target)


@contextmanager
def _thread_deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block with ``_Expired`` after ``seconds``, in any thread.

    The exception is raised again every ``_REARM_SECONDS`` until the block
    ends, in case code that swallows it (a ``__del__``, a broad ``except``) was
    running; one still pending when the block ends is cleared. ``ended`` is
    set before the lock is taken, so that no exception delivered inside the
    ``finally`` clause can leave the watcher firing: it stops at its next
    check, and the exception, an ``_Expired``, goes to the caller.
    """
    thread_id, lock, ended = threading.get_ident(), threading.Lock(), threading.Event()
    fired = False

    def watch() -> None:
        nonlocal fired
        delay = seconds
        while not ended.wait(delay):
            with lock:
                if ended.is_set():
                    return
                fired = True
                _raise_in(thread_id, _Expired)
            delay = _REARM_SECONDS

    watcher = threading.Thread(target=watch, name="courtfacts-deadline", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        ended.set()
        with lock:
            if fired:
                _raise_in(thread_id, None)


def process_remote(task: Task, timeout: float, memory_mb: int | None = None) -> Outcome:
    """Process one document on a Dask worker, under its deadline and memory cap.

    Args:
        task: the document.
        timeout: seconds it may take (the pipeline's first build is not counted).
        memory_mb: megabytes the worker process may grow by (None: no cap).

    Returns:
        Its outcome; an ``E500`` line past the deadline, an ``E502`` line over
        the cap. Never raises for a bad document.
    """
    from courtfacts.batch import process_task

    nlp = _pipeline(memory_mb)
    try:
        with _thread_deadline(timeout):
            return process_task(task, nlp)
    except _Expired:
        return failed_outcome(task, "E500", f"{task.path}: no result after {timeout:g}s")
    except MemoryError:
        return failed_outcome(task, "E502", f"{task.path}: over the memory limit")


# --------------------------------------------------------------- the client


def outcome_of(future: Any, task: Task) -> Outcome:
    """The outcome a finished future holds, or an ``E501`` line when it failed every try.

    Args:
        future: a completed ``distributed.Future`` of ``process_remote``.
        task: its document.

    Returns:
        The document's outcome.
    """
    if future.status == "finished":
        return future.result()
    if future.status == "error":
        exc = future.exception()
        detail = f"{type(exc).__name__}: {str(exc)[:300]}"
        message = f"{task.path}: failed on every try on the cluster ({detail})"
    else:
        message = f"{task.path}: the cluster dropped it ({future.status})"
    return failed_outcome(task, "E501", message)


class DaskExecutor:
    """Documents processed on a Dask cluster, with the ``WorkerPool`` interface.

    Use it as a context manager; leaving the block closes the client (and the
    local cluster, when it started one).

    Args:
        spec: where to run.
        timeout: seconds one document may take on a worker.
        retries: further tries for a document whose task raised.
        memory_mb: megabytes a worker process may grow by (None: no cap).

    Raises:
        ClusterError: Dask is missing, or the cluster cannot be started or reached.
        PoolError: a worker could not build the pipeline.
    """

    def __init__(
        self,
        spec: ClusterSpec,
        timeout: float,
        retries: int = RETRIES,
        memory_mb: int | None = None,
    ) -> None:
        require_dask()
        from distributed import Client, LocalCluster

        self._timeout, self._retries, self._memory_mb = timeout, retries, memory_mb
        self._cluster: Any = None
        try:
            if spec.local_workers:
                self._cluster = LocalCluster(
                    n_workers=spec.local_workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    # The scheduler's HTTP routes (health, metrics) serve even without a
                    # dashboard: on this machine only, on a free port, not on 8787.
                    scheduler_kwargs={"dashboard_address": LOCAL_HTTP},
                )
            self._client = Client(self._cluster or spec.address, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError) as exc:
            self._close_cluster()
            what = (
                "start a local Dask cluster" if spec.local_workers else "reach the Dask scheduler"
            )
            raise ClusterError(f"cannot {what} at {spec.describe()}: {exc}") from exc
        self._threads, self._sized_at = 0, 0.0
        try:
            self._warm()
        except BaseException:
            self.close()
            raise

    @property
    def workers(self) -> int:
        """The number of workers the cluster has now."""
        return len(self._client.nthreads())

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the client, and the local cluster if this executor started one."""
        self._client.close()
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def _warm(self) -> None:
        """Build the pipeline on every worker there is now; later ones build it on first use."""
        futures = [
            self._client.submit(
                _warm_worker,
                self._memory_mb,
                key=f"courtfacts-warm-{uuid.uuid4().hex}",
                workers=[w],
            )
            for w in self._client.nthreads()
        ]
        try:
            self._client.gather(futures)
        except Exception as exc:
            raise PoolError(f"a Dask worker could not build the pipeline: {exc}") from exc

    def _window(self) -> int:
        now = time.monotonic()
        if now - self._sized_at > RESIZE_SECONDS:
            self._threads = sum(self._client.nthreads().values())
            self._sized_at = now
        return max(1, self._threads) * WINDOW_PER_THREAD

    def _submit(self, task: Task) -> Any:
        return self._client.submit(
            process_remote,
            task,
            self._timeout,
            self._memory_mb,
            key=f"courtfacts-{task.doc_id}-{uuid.uuid4().hex[:12]}",
            retries=self._retries,
            pure=False,
        )

    def imap_unordered(self, tasks: Iterator[Task]) -> Iterator[Outcome]:
        """Process documents on the cluster; yield each outcome as it completes.

        Args:
            tasks: the documents, read lazily, one more as each one completes.

        Yields:
            One outcome per task, in the order they complete.
        """
        from distributed import as_completed

        pending: dict[Any, Task] = {}
        completed = as_completed()
        for task in tasks:
            future = self._submit(task)
            pending[future] = task
            completed.add(future)
            if len(pending) >= self._window():
                break
        for future in completed:
            task = pending.pop(future)
            outcome = outcome_of(future, task)
            future.release()
            while len(pending) < self._window():
                following = next(tasks, None)
                if following is None:
                    break
                refill = self._submit(following)
                pending[refill] = following
                completed.add(refill)
            yield outcome
