"""Batch runs on Dask (issue #5): ``extract --cluster local:N`` and ``--scheduler tcp://...``.

Tests that need Dask skip when ``dask[distributed]`` (the ``cluster`` extra)
is not installed. One local cluster of two worker processes serves the
``--scheduler`` tests (an "existing" cluster); ``--cluster local:2`` starts
its own.

Groups:
    DEV: behaviour a cluster run has and must keep (plain tests below).
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

import pytest
from typer.testing import CliRunner

from courtfacts.batch import Outcome, Task
from courtfacts.cli import app
from courtfacts.cluster import LOCAL_HTTP, ClusterSpec, _Expired, _thread_deadline, outcome_of
from courtfacts.models import DocumentResult
from courtfacts.run import RunOptions, run_extract
from tests._files import slow_pdf

runner = CliRunner()
needs_dask = pytest.mark.skipif(find_spec("distributed") is None, reason="dask is not installed")
NAMES = ["Adams", "Baker", "Clarke", "Davies", "Evans", "Foster", "Green", "Hughes"]


def _write_reports(folder: Path, count: int, filler: int = 0) -> list[Path]:
    """Short reports; ``filler`` paragraphs of mitigation make each one slower to process."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    mitigation = "The court has read the letters written on his behalf and the report. " * 8
    for number in range(count):
        name = NAMES[number % len(NAMES)]
        path = folder / f"report-{number:03d}.txt"
        path.write_text(
            f"On {1 + number % 28} May 2021 {name} {number}, {20 + number % 50}, admitted "
            f"{1 + number % 4} counts of fraud.\n\nHe was jailed for {1 + number % 9} years and "
            f"{number % 12} months and ordered to pay £{100 * (1 + number)}.\n"
            + f"\n{mitigation}\n"
            * filler,
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _extract(*args: str | Path):
    return runner.invoke(app, ["extract", *map(str, args)])


def _results(out: Path) -> list[DocumentResult]:
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return [DocumentResult.model_validate_json(line) for line in lines]


def _parsed(out: Path) -> list[dict]:
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted((json.loads(line) for line in lines), key=lambda line: line["doc_id"])


def _run_json(out: Path) -> dict:
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scheduler() -> Iterator[tuple[str, object]]:
    """An existing cluster: two worker processes of one thread; yields its address and a client."""
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": LOCAL_HTTP},
    )
    client = distributed.Client(cluster)
    yield cluster.scheduler_address, client
    client.close()
    cluster.close()


class _Recorder:
    """A run monitor that keeps outcomes and calls ``on_first`` at the first one."""

    def __init__(self, on_first) -> None:
        self.outcomes: list[Outcome] = []
        self.skips: list[Path] = []
        self._on_first = on_first

    def skipped(self, path: Path) -> None:
        self.skips.append(path)

    def done(self, outcome: Outcome) -> None:
        if not self.outcomes:
            self._on_first()
        self.outcomes.append(outcome)


# ----------------------------------------------------------------------- DEV


@needs_dask
def test_local_cluster_writes_the_same_lines_as_the_serial_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write_reports(folder / "a", 10)
    _write_reports(folder / "b", 3)  # same file names: ids report-000-2...
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a PDF")
    serial, cluster = tmp_path / "serial", tmp_path / "cluster"
    assert _extract(folder, "-o", serial, "--workers", "1", "--quiet").exit_code == 1
    result = _extract(folder, "-o", cluster, "--cluster", "local:2", "--quiet")
    assert result.exit_code == 1, result.output
    assert len(_parsed(serial)) == 15
    assert _parsed(cluster) == _parsed(serial)
    summary, expected = _run_json(cluster), _run_json(serial)
    assert (summary["cluster"], summary["workers"]) == ("local:2", 2)
    for key in ("documents", "by_status", "by_code", "pages", "characters", "pdf_engine"):
        assert summary[key] == expected[key], key
    assert "distributed" in summary["versions"]


@needs_dask
def test_on_an_existing_cluster_a_document_past_its_timeout_is_an_e500_line(
    scheduler, tmp_path: Path
) -> None:
    address, _ = scheduler
    good = _write_reports(tmp_path / "in", 4)
    slow = slow_pdf(tmp_path / "in" / "report-001-slow.pdf")
    out = tmp_path / "out"
    started = time.monotonic()
    result = _extract(
        tmp_path / "in", "-o", out, "--scheduler", address, "--timeout", "2", "--quiet"
    )
    assert time.monotonic() - started < 25
    assert result.exit_code == 1, result.output
    by_source = {Path(line.source): line for line in _results(out)}
    assert sorted(by_source) == sorted([*good, slow])
    late = by_source[slow]
    assert [(e.code, e.stage) for e in late.errors] == [("E500", "batch")]
    assert all(by_source[path].status == "ok" for path in good)
    assert _run_json(out)["cluster"] == address


@needs_dask
def test_a_lost_worker_loses_no_document_and_resume_skips_them_all(
    scheduler, tmp_path: Path
) -> None:
    address, client = scheduler
    paths = _write_reports(tmp_path / "in", 30, filler=40)
    killed: list[str] = []  # the ids of the documents on the killed worker

    def kill_a_busy_worker() -> None:
        deadline = time.monotonic() + 10
        while not killed and time.monotonic() < deadline:
            busy = {worker: keys for worker, keys in client.processing().items() if keys}
            for worker, keys in list(busy.items())[:1]:
                os.kill(client.run(os.getpid)[worker], signal.SIGKILL)
                killed.extend(str(key).removeprefix("courtfacts-")[:-13] for key in keys)
            time.sleep(0.01)

    out = tmp_path / "out"
    options = RunOptions(timeout=60, cluster=ClusterSpec(address=address))
    monitor = _Recorder(kill_a_busy_worker)
    summary = run_extract([str(tmp_path / "in")], out, options, monitor)
    assert killed
    sources = Counter(Path(result.source) for result in _results(out))
    assert sources == Counter(paths)
    status = {result.doc_id: result.status for result in _results(out)}
    assert all(status[doc_id] == "ok" for doc_id in killed), killed
    assert summary.by_status["ok"] == 30 and summary.failed == 0

    again = _Recorder(lambda: None)
    summary = run_extract(
        [str(tmp_path / "in")], out, RunOptions(resume=True, cluster=options.cluster), again
    )
    assert (summary.skipped, summary.processed, len(again.skips)) == (30, 0, 30)
    assert Counter(Path(result.source) for result in _results(out)) == Counter(paths)


@needs_dask
def test_on_a_cluster_a_document_over_the_memory_limit_is_an_e502_line(tmp_path: Path) -> None:
    """Its own cluster: the cap stays on a worker process for the rest of its life."""
    folder = tmp_path / "in"
    small = _write_reports(folder, 3)
    big = folder / "big.txt"
    big.write_text("John Smith was jailed for four years on 3 May 2020. " * 120000)
    out = tmp_path / "out"
    result = _extract(folder, "-o", out, "--cluster", "local:2", "--memory-limit", "400", "--quiet")
    assert result.exit_code == 1, result.output
    by_source = {Path(line.source): line for line in _results(out)}
    assert sorted(by_source) == sorted([*small, big])
    assert [e.code for e in by_source[big].errors] == ["E502"]
    assert all(by_source[path].status == "ok" for path in small)


def test_the_thread_deadline_stops_python_code_in_any_thread_and_leaves_no_stray() -> None:
    outcomes: dict[str, str] = {}

    def busy() -> None:
        try:
            with _thread_deadline(0.3):
                while True:
                    pass
        except _Expired:
            outcomes["busy"] = "expired"

    def quick() -> None:
        with _thread_deadline(0.3):
            total = sum(range(1000))
        time.sleep(0.8)  # past the deadline: nothing may arrive now
        outcomes["quick"] = f"done {total}"

    threads = [threading.Thread(target=busy), threading.Thread(target=quick)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert outcomes == {"busy": "expired", "quick": "done 499500"}


@needs_dask
def test_an_unreachable_scheduler_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("courtfacts.cluster.CONNECT_SECONDS", 1.0)
    _write_reports(tmp_path / "in", 1)
    result = _extract(tmp_path / "in", "-o", tmp_path / "out", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output


def test_a_document_that_fails_every_try_is_an_e501_line() -> None:
    class _Failed:
        status = "error"

        def exception(self) -> BaseException:
            return RuntimeError("worker died 3 times")

    outcome = outcome_of(_Failed(), Task("/archive/a.pdf", "a"))
    record = DocumentResult.model_validate_json(outcome.line)
    assert (outcome.status, outcome.codes) == ("error", ("E501",))
    assert record.errors[0].stage == "batch"
    assert "failed on every try" in record.errors[0].message


def test_without_dask_the_cluster_options_exit_2_naming_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    _write_reports(tmp_path / "in", 1)
    result = _extract(tmp_path / "in", "-o", tmp_path / "out", "--cluster", "local:2")
    assert result.exit_code == 2
    assert "courtfacts[cluster]" in result.output
    assert not (tmp_path / "out").exists()


# fmt: off
BAD_OPTIONS = [
    (["--cluster", "local:0"], "local:N"),
    (["--cluster", "local"], "local:N"),
    (["--cluster", "local:2", "--scheduler", "tcp://127.0.0.1:8786"], "not both"),
    (["--cluster", "local:2", "--workers", "2"], "--workers is for local runs"),
    (["--scheduler", "127.0.0.1:8786"], "tcp://HOST:PORT"),
]
# fmt: on


@pytest.mark.parametrize(("options", "message"), BAD_OPTIONS, ids=[m for _, m in BAD_OPTIONS])
def test_bad_cluster_options_are_usage_errors(
    tmp_path: Path, options: list[str], message: str
) -> None:
    _write_reports(tmp_path / "in", 1)
    result = _extract(tmp_path / "in", "-o", tmp_path / "out", *options)
    assert result.exit_code == 2
    assert message in result.output
