"""Batch runs of ``extract`` (issue #5): workers, timeouts, dead workers, resume, run.json.

Inputs are small text files written by the tests; the document that hangs is
a real one: a 12 KB PDF whose single page draws 200,000 one-letter text
objects, which keeps pdfminer busy for half a minute.

Groups:
    DEV: behaviour a batch run has and must keep (plain tests below).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from courtfacts.batch import Task
from courtfacts.cli import app
from courtfacts.models import DocumentResult
from courtfacts.output.jsonl import dump_line
from courtfacts.pool import WorkerPool
from courtfacts.resume import compact, trim_torn_tail
from tests._files import slow_pdf

runner = CliRunner()

NAMES = ["Adams", "Baker", "Clarke", "Davies", "Evans", "Foster", "Green", "Hughes"]


def _report(number: int) -> str:
    name = NAMES[number % len(NAMES)]
    return (
        f"{name} {number}, {20 + number % 50}, admitted {1 + number % 4} counts of fraud.\n\n"
        f"He was jailed for {1 + number % 9} years and {number % 12} months.\n"
    )


def _write_reports(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"report-{number:03d}.txt"
        path.write_text(_report(number), encoding="utf-8")
        paths.append(path)
    return paths


def _extract(*args: str | Path):
    return runner.invoke(app, ["extract", *map(str, args)])


def _lines(out: Path) -> list[str]:
    return (out / "documents.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)


def _results(out: Path) -> list[DocumentResult]:
    return [DocumentResult.model_validate_json(line) for line in _lines(out)]


def _run_json(out: Path) -> dict:
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


def _sources(out: Path) -> Counter[str]:
    return Counter(str(Path(result.source).resolve()) for result in _results(out))


# ------------------------------------------------------------------ workers


def test_two_workers_write_the_same_lines_as_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write_reports(folder / "a", 6)
    _write_reports(folder / "b", 2)  # same file names: ids report-000-2...
    (folder / "empty.txt").write_bytes(b"")
    lines = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        result = _extract(folder, "-o", out, "--workers", workers, "--quiet")
        assert result.exit_code == 1, result.output
        lines[workers] = _lines(out)
        assert _run_json(out)["workers"] == int(workers)
    assert len(lines["1"]) == 9
    assert sorted(lines["1"]) == sorted(lines["2"])
    ids = [DocumentResult.model_validate_json(line).doc_id for line in lines["2"]]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("workers", ["1", "2"], ids=["in-process", "pool"])
def test_a_document_past_its_timeout_is_an_e500_line_and_the_run_goes_on(
    tmp_path: Path, workers: str
) -> None:
    folder = tmp_path / "in"
    good = _write_reports(folder, 4)
    slow = slow_pdf(folder / "report-001-slow.pdf")
    out = tmp_path / "out"
    started = time.monotonic()
    result = _extract(folder, "-o", out, "--workers", workers, "--timeout", "2", "--quiet")
    assert time.monotonic() - started < 20
    assert result.exit_code == 1, result.output
    by_source = {Path(line.source): line for line in _results(out)}
    assert sorted(by_source) == sorted([*good, slow])
    late = by_source[slow]
    assert (late.status, [(e.code, e.stage) for e in late.errors]) == ("error", [("E500", "batch")])
    assert all(by_source[path].status == "ok" for path in good)
    summary = _run_json(out)
    assert summary["by_code"] == {"E500": 1}
    assert summary["by_status"] == {"ok": 4, "error": 1}


def test_a_worker_that_dies_gives_e501_and_the_pool_goes_on(tmp_path: Path) -> None:
    first, last = _write_reports(tmp_path, 2)
    slow = slow_pdf(tmp_path / "slow.pdf")
    tasks = iter([Task(str(first), "first"), Task(str(slow), "slow"), Task(str(last), "last")])
    outcomes = {}

    def kill(pids: list[int]) -> None:
        for pid in pids:
            os.kill(pid, signal.SIGKILL)

    with WorkerPool(1, timeout=60) as pool:
        for outcome in pool.imap_unordered(tasks):
            outcomes[outcome.task.doc_id] = outcome
            if outcome.task.doc_id == "first":  # the worker takes the slow PDF next
                threading.Timer(1.0, kill, args=(pool.pids,)).start()
    assert sorted(outcomes) == ["first", "last", "slow"]
    assert (outcomes["first"].status, outcomes["last"].status) == ("ok", "ok")
    dead = DocumentResult.model_validate_json(outcomes["slow"].line)
    assert [(e.code, e.stage) for e in dead.errors] == [("E501", "batch")]
    assert "SIGKILL" in dead.errors[0].message


def test_a_freed_worker_has_its_next_document_before_the_caller_takes_the_line(
    tmp_path: Path,
) -> None:
    # The worker is not left idle while the parent writes a line.
    paths = _write_reports(tmp_path, 3)
    drawn: list[str] = []

    def tasks() -> Iterator[Task]:
        for number, path in enumerate(paths):
            drawn.append(f"doc{number}")
            yield Task(str(path), f"doc{number}")

    with WorkerPool(1, timeout=60) as pool:
        seen = [(outcome.task.doc_id, len(drawn)) for outcome in pool.imap_unordered(tasks())]
    assert seen == [("doc0", 2), ("doc1", 3), ("doc2", 3)]


# ---------------------------------------------------------------- progress


def test_progress_logs_failures_and_quiet_prints_only_the_summary(tmp_path: Path) -> None:
    _write_reports(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    loud = _extract(tmp_path / "in", "-o", tmp_path / "loud", "--workers", "1")
    quiet = _extract(tmp_path / "in", "-o", tmp_path / "quiet", "--workers", "1", "--quiet")
    for result in (loud, quiet):
        assert result.exit_code == 1
        assert "3 documents, 2 ok, 1 failed" in result.output
        assert "E109" in result.output  # the table's count by code
    assert "error E109" in loud.output and "3/3" in loud.output
    assert "error E109" not in quiet.output and "3/3" not in quiet.output


def test_run_json_has_the_counts(tmp_path: Path) -> None:
    _write_reports(tmp_path / "in", 3)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    _extract(tmp_path / "in", "-o", out, "--workers", "1", "--quiet")
    summary = _run_json(out)
    characters = sum(line.characters for line in _results(out))
    assert summary["documents"] == summary["processed"] == 4
    assert (summary["done_before"], summary["skipped"]) == (0, {})
    assert summary["by_status"] == {"ok": 3, "error": 1}
    assert summary["by_code"] == {"E109": 1}
    assert summary["characters"] == characters > 0
    assert summary["pages"] == 0  # text files have no pages
    assert summary["workers"] == 1 and summary["wall_seconds"] > 0
    assert set(summary["versions"]) == {
        "python",
        "courtfacts",
        "spacy",
        "pdfplumber",
        "pypdfium2",
        "pydantic",
    }
    assert (summary["pdf_engine"], summary["cluster"]) == ("pdfplumber", None)


# ------------------------------------------------------------------ resume


def test_resume_after_a_kill_writes_every_document_once(tmp_path: Path) -> None:
    reports = _write_reports(tmp_path / "in", 40)
    out = tmp_path / "out"
    command = "from courtfacts.cli import app; app()"
    args = ["extract", str(tmp_path / "in"), "-o", str(out), "--workers", "1", "--quiet"]
    process = subprocess.Popen([sys.executable, "-c", command, *args], stderr=subprocess.DEVNULL)
    target = out / "documents.jsonl"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and process.poll() is None:
        if target.exists() and target.stat().st_size > 0:
            break
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    written = len(_lines(out))
    assert 0 < written < 40, "the run was killed after its first lines and before its end"
    with target.open("a", encoding="utf-8") as handle:  # as if killed in the middle of a line
        handle.write(_lines(out)[0][:100])
    result = _extract(tmp_path / "in", "-o", out, "--workers", "1", "--resume", "--quiet")
    assert result.exit_code == 0, result.output
    assert _sources(out) == Counter(str(path.resolve()) for path in reports)
    assert {line.status for line in _results(out)} == {"ok"}
    assert all(line.endswith("\n") for line in _lines(out))
    summary = _run_json(out)
    assert (summary["done_before"], summary["processed"]) == (written, 40 - written)


def test_resume_does_not_redo_a_renamed_file(tmp_path: Path) -> None:
    first, _, _ = _write_reports(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert _extract(tmp_path / "in", "-o", out, "--workers", "1", "--quiet").exit_code == 0
    before = sorted(_lines(out))
    first.rename(first.with_name("renamed.txt"))
    result = _extract(tmp_path / "in", "-o", out, "--workers", "1", "--resume", "--quiet")
    assert result.exit_code == 0, result.output
    assert sorted(_lines(out)) == before
    summary = _run_json(out)
    assert (summary["done_before"], summary["processed"]) == (3, 0)


def test_resume_retries_failed_and_changed_documents_under_their_ids(tmp_path: Path) -> None:
    _, second = _write_reports(tmp_path / "in", 2)
    empty = tmp_path / "in" / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    assert _extract(tmp_path / "in", "-o", out, "--workers", "1", "--quiet").exit_code == 1
    ids = {Path(line.source).name: line.doc_id for line in _results(out)}
    empty.write_text(_report(7), encoding="utf-8")
    second.write_text(_report(8), encoding="utf-8")
    result = _extract(tmp_path / "in", "-o", out, "--workers", "1", "--resume", "--quiet")
    assert result.exit_code == 0, result.output
    results = _results(out)
    assert sorted(Path(line.source).name for line in results) == sorted(ids)
    assert {Path(line.source).name: line.doc_id for line in results} == ids
    assert {line.status for line in results} == {"ok"}
    summary = _run_json(out)
    assert (summary["done_before"], summary["processed"]) == (1, 2)


def test_compact_keeps_the_latest_line_per_source(tmp_path: Path) -> None:
    def line(source: str, status: str) -> str:
        return dump_line(DocumentResult(doc_id=Path(source).stem, status=status, source=source))

    path = tmp_path / "documents.jsonl"
    lines = [line("a.txt", "error"), line("b.txt", "ok"), "\n", line("a.txt", "ok")]
    path.write_text("".join(lines) + line("c.txt", "ok")[:20], encoding="utf-8")
    trim_torn_tail(path)
    assert compact(path) == 2
    kept = [DocumentResult.model_validate_json(text) for text in _lines(tmp_path)]
    assert [(r.source, r.status) for r in kept] == [("b.txt", "ok"), ("a.txt", "ok")]
    assert compact(path) == 0


def test_a_document_over_the_memory_limit_is_an_e502_line_and_the_run_goes_on(
    tmp_path: Path,
) -> None:
    """A worker that grows past --memory-limit on one document is replaced; the rest are read."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_text("John Smith was jailed for four years on 3 May 2020. " * 120000)
    for index in range(3):
        (folder / f"small-{index}.txt").write_text("John Smith was jailed for four years.")
    out = tmp_path / "out"
    process = subprocess.run(
        [sys.executable, "-c", "from courtfacts.cli import app; app()", "extract", str(folder),
         "-o", str(out), "--workers", "2", "--memory-limit", "400", "--quiet"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert process.returncode == 1, process.stderr[-2000:]
    lines = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    by_name = {Path(line["source"]).name: line for line in lines}
    assert len(by_name) == 4
    assert [e["code"] for e in by_name["big.txt"]["errors"]] == ["E502"]
    assert all(by_name[f"small-{i}.txt"]["status"] == "ok" for i in range(3))


# ------------------------------------------------------- inputs accounted for (issue 14)


def _folder_with_every_skip(root: Path) -> dict[str, int]:
    """Two reports beside one entry of each kind a walk passes over; the counts expected."""
    _write_reports(root, 2)
    (root / ".draft.txt").write_text(_report(5), encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "notes.txt").write_text(_report(6), encoding="utf-8")
    (root / "notes.csv").write_text("a,b\n", encoding="utf-8")
    os.mkfifo(root / "pipe")
    os.symlink(root / "missing.txt", root / "dangling")
    os.symlink(root, root / "loop")
    expected = {"hidden": 2, "unsupported_suffix": 1, "fifo": 1, "broken_symlink": 1}
    expected["symlink_loop"] = 1
    if hasattr(socket, "AF_UNIX") and len(str(root / "s.sock")) < 100:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(root / "s.sock"))  # the socket file stays once the socket is closed
        expected["socket"] = 1
    return expected


def test_every_skipped_input_is_counted_by_reason_and_listed_with_verbose(tmp_path: Path) -> None:
    expected = _folder_with_every_skip(tmp_path / "in")
    out = tmp_path / "out"
    result = _extract(tmp_path / "in", "-o", out, "--workers", "1", "--quiet", "--verbose")
    assert result.exit_code == 0, result.output  # skips are not failures
    summary = _run_json(out)
    assert summary["skipped"] == dict(sorted(expected.items()))
    assert (summary["documents"], summary["by_status"]) == (2, {"ok": 2, "error": 0})
    listed = [line for line in result.output.splitlines() if line.startswith("skipped ")]
    assert Counter(line.split(": ")[1].split(" (")[0] for line in listed) == Counter(expected)
    for name in (".draft.txt", ".git", "notes.csv", "pipe", "dangling", "loop"):
        assert any(line.startswith(f"skipped {tmp_path / 'in' / name}: ") for line in listed), name
    total = sum(expected.values())
    assert f"2 documents, 2 ok, 0 failed; {total} inputs skipped: " in result.output
    assert "skipped: hidden" in result.output  # the table's row


def test_skips_are_not_listed_without_verbose_and_survive_resume(tmp_path: Path) -> None:
    expected = _folder_with_every_skip(tmp_path / "in")
    out = tmp_path / "out"
    first = _extract(tmp_path / "in", "-o", out, "--workers", "1", "--quiet")
    assert first.exit_code == 0, first.output
    assert not [line for line in first.output.splitlines() if line.startswith("skipped ")]
    again = _extract(tmp_path / "in", "-o", out, "--workers", "1", "--quiet", "--resume")
    assert again.exit_code == 0, again.output
    summary = _run_json(out)
    assert (summary["done_before"], summary["processed"]) == (2, 0)
    assert summary["skipped"] == dict(sorted(expected.items()))
    assert len(_lines(out)) == 2


def test_a_named_dotfile_is_read(tmp_path: Path) -> None:
    path = tmp_path / ".report.txt"
    path.write_text(_report(1), encoding="utf-8")
    out = tmp_path / "out"
    result = _extract(path, "-o", out, "--workers", "1", "--quiet")
    assert result.exit_code == 0, result.output
    assert [(r.source, r.status) for r in _results(out)] == [(str(path), "ok")]
    assert _run_json(out)["skipped"] == {}


@pytest.mark.parametrize(
    ("reason", "make"),
    [
        ("fifo", os.mkfifo),
        ("broken_symlink", lambda path: os.symlink(path.with_name("gone.txt"), path)),
        ("symlink_loop", lambda path: os.symlink(path, path)),
    ],
    ids=["fifo", "broken symlink", "symlink loop"],
)
def test_a_named_path_that_is_no_file_is_a_usage_error_naming_it(
    tmp_path: Path, reason: str, make
) -> None:
    (good,) = _write_reports(tmp_path / "in", 1)
    named = tmp_path / "named.txt"
    make(named)
    out = tmp_path / "out"
    result = _extract(good, named, "-o", out, "--workers", "1", "--quiet")
    assert result.exit_code == 2, result.output
    assert f"error: {named} is no file or folder to read ({reason}: " in result.output
    assert not (out / "documents.jsonl").exists()  # refused before any work


def test_a_fifo_with_a_document_suffix_in_a_folder_is_an_error_line(tmp_path: Path) -> None:
    _write_reports(tmp_path / "in", 1)
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    out = tmp_path / "out"
    result = _extract(tmp_path / "in", "-o", out, "--workers", "1", "--quiet")
    assert result.exit_code == 1, result.output
    by_name = {Path(r.source).name: r for r in _results(out)}
    assert [e.code for e in by_name["pipe.txt"].errors] == ["E100"]
    assert _run_json(out)["skipped"] == {}


# ------------------------------------------------------------------ start-up (issue 14)

_HEAVY = ("spacy", "pdfplumber", "pypdfium2", "pydantic", "lxml", "docx", "numpy", "dask",
          "distributed", "duckdb", "pyarrow", "playwright", "courtfacts.extract")  # fmt: skip


def test_the_command_line_imports_nothing_heavy_before_a_command_runs() -> None:
    """``courtfacts --help`` must not pay for spaCy, the readers or the exporters."""
    probe = f"import sys, courtfacts.cli; print([m for m in {_HEAVY!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout


def test_a_pool_s_parent_loads_no_pipeline() -> None:
    """With worker processes, only the workers pay for spaCy and the rules: the parent
    that hands out documents and writes lines starts the pool sooner without them."""
    parent = "courtfacts.cli, courtfacts.run, courtfacts.pool, courtfacts.progress"
    probe = f"import sys, {parent}; print([m for m in {_HEAVY[:1] + _HEAVY[-1:]!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout


def test_a_pool_started_early_serves_its_documents_and_its_parent_stays_light(
    tmp_path: Path,
) -> None:
    """``start_server`` lets the workers' imports run beside the parent's set-up; the pool
    made afterwards (a second call changes nothing) gets its workers from that server."""
    (report,) = _write_reports(tmp_path, 1)
    probe = (
        "import sys\n"
        "from courtfacts.pool import WorkerPool, start_server\n"
        "from courtfacts.tasks import Task\n"
        "start_server(); start_server()\n"
        "with WorkerPool(2, timeout=120) as pool:\n"
        f"    outcomes = list(pool.imap_unordered(iter([Task({str(report)!r}, 'one')])))\n"
        "print([o.status for o in outcomes], 'spacy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['ok'] False", done.stdout + done.stderr


def test_the_program_keeps_each_command_s_exit_code_and_its_lines(tmp_path: Path) -> None:
    """``courtfacts`` is ``cli.main``, which leaves the heap to the system at exit: the
    lines are all written and the exit code is the command's."""
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="courtfacts")
    assert script.value == "courtfacts.cli:main"
    (report,) = _write_reports(tmp_path / "in", 1)
    program = [sys.executable, "-c", "from courtfacts.cli import main; main()", "extract"]

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*program, *map(str, args)], capture_output=True, text=True, check=False
        )

    ok = run(report, "-o", tmp_path / "out", "--workers", "1", "--quiet")
    assert ok.returncode == 0, ok.stderr
    assert [line.status for line in _results(tmp_path / "out")] == ["ok"]
    missing = run(tmp_path / "nowhere.txt", "-o", tmp_path / "x")
    assert missing.returncode == 2, missing.stderr


def test_the_command_lines_pdf_engines_are_the_readers() -> None:
    from typing import get_args

    from courtfacts.cli import PdfEngine
    from courtfacts.corpus import PDF_ENGINES

    assert get_args(PdfEngine) == PDF_ENGINES
