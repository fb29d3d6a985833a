"""What a person sees of a batch run on stderr: a progress bar and a summary table.

``ProgressMonitor`` shows documents done out of the total, documents per
second, the time left and the error count, and logs each failed document
above the bar; ``QuietMonitor`` shows nothing. ``print_summary`` prints the
final table either way (with the inputs the walk skipped, by reason), then
one plain line (``5 documents, 3 ok, 2 failed; 2 inputs skipped: hidden 2``)
that logs and scripts can grep. ``describe_skip`` is the line ``--verbose``
prints for each skipped input.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from courtfacts.errors import CODES
from courtfacts.inputs import SKIP_REASONS
from courtfacts.run import RunSummary
from courtfacts.tasks import Outcome


class _RateColumn(ProgressColumn):
    """Documents per second, over rich's recent window."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} docs/s")


class ProgressMonitor:
    """A rich progress bar on stderr for the length of a run.

    Args:
        total: the number of input documents.
        console: where to draw; stderr by default.
    """

    def __init__(self, total: int, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True)
        self._errors = 0
        self._progress = Progress(
            TextColumn("extract"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[errors]} errors"),
            console=self.console,
        )
        self._task = self._progress.add_task("extract", total=total, errors=0)

    def __enter__(self) -> Self:
        self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()

    def skipped(self, path: Path) -> None:
        """Count a document an earlier run finished."""
        self._progress.advance(self._task)

    def done(self, outcome: Outcome) -> None:
        """Count a written document; log it above the bar when it failed."""
        if outcome.status != "ok":
            self._errors += 1
            code = outcome.codes[0] if outcome.codes else "?"
            self._progress.console.print(
                f"error {code} {outcome.task.path}", markup=False, highlight=False
            )
        self._progress.update(self._task, advance=1, errors=self._errors)


class QuietMonitor:
    """Shows nothing while the run goes on."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        return None

    def skipped(self, path: Path) -> None:
        """Ignore a skipped document."""

    def done(self, outcome: Outcome) -> None:
        """Ignore a written document."""


def print_summary(summary: RunSummary, out: Path, console: Console | None = None) -> None:
    """Print a run's figures as a table, then one plain summary line.

    Args:
        summary: the run's figures.
        out: the output folder, named in the table.
        console: where to print; stderr by default.
    """
    console = console or Console(stderr=True)
    table = Table(title=f"courtfacts extract -> {out}", show_header=False)
    rate = summary.processed / summary.wall_seconds if summary.wall_seconds else 0.0
    rows: list[tuple[str, object]] = [
        ("documents", summary.documents),
        ("ok", summary.by_status["ok"]),
        ("failed", summary.failed),
        ("done before (--resume)", summary.done_before),
        ("pages", summary.pages),
        ("characters", summary.characters),
        ("workers", summary.workers),
        ("wall time", f"{summary.wall_seconds:.1f}s"),
        ("documents per second", f"{rate:.1f}"),
    ]
    for code, count in sorted(summary.by_code.items()):
        rows.append((f"{code} {CODES.get(code, '')}".strip(), count))
    for reason, count in sorted(summary.passed_over.items()):
        rows.append((f"skipped: {reason}", count))
    for name, value in rows:
        table.add_row(name, str(value))
    console.print(table)
    console.print(summary_line(summary), markup=False, highlight=False, soft_wrap=True)


def summary_line(summary: RunSummary) -> str:
    """The run in one plain line, for logs and scripts.

    Args:
        summary: the run's figures.

    Returns:
        ``N documents, N ok, N failed``, then the documents done before and
        the inputs skipped by reason when there are any.
    """
    ok = summary.by_status["ok"] + summary.done_before
    line = f"{summary.documents} documents, {ok} ok, {summary.failed} failed"
    if summary.done_before:
        line += f" ({summary.done_before} already done)"
    skipped = sum(summary.passed_over.values())
    if skipped:
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(summary.passed_over.items()))
        line += f"; {skipped} input{'s' if skipped > 1 else ''} skipped: {reasons}"
    return line


def describe_skip(path: Path, reason: str) -> str:
    """The line ``--verbose`` prints for an input passed over.

    >>> describe_skip(Path("in/.draft.txt"), "hidden")
    'skipped in/.draft.txt: hidden (a name starting with a dot, in a folder)'
    """
    return f"skipped {path}: {reason} ({SKIP_REASONS.get(reason, 'unknown reason')})"
