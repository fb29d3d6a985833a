"""Figures of a run: documents, cases, sentence kinds, custodial terms and time in custody.

``compute_stats`` reads ``DocumentResult`` records (never the source files)
and returns a ``RunStats``; ``print_stats`` shows it as terminal tables and
``courtfacts.output.charts`` draws the same figures as SVG.

Terms are in years, from the ISO durations: ``P{y}Y{m}M{d}D`` is
``y + m / 12 + d / 365``. The custodial term is ``case.custodial_term`` (for a
suspended sentence the suspended term, for life the minimum term); time in
custody is the estimate ``case.estimated_time_in_custody.value`` from release
rules, never a stated figure.

Grouping keys (``--by``): any field of ``CaseRecord`` but ``evidence``, plus
``source`` (the document's ``meta.jurisdiction`` where the reader set one,
else the name of the folder the source file is in), ``jurisdiction``
(``meta.jurisdiction``), ``format`` (``meta.format``), ``court`` (the case's
court, else ``meta.court``), ``age_band`` and ``offence``. ``offence`` is
the one key with several values per case: a case counts under each of its
offence categories (so the groups add up to more cases than the run has),
while ``offences`` groups by the whole combination (``drugs; weapons``).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import PurePath
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from courtfacts.models import CaseRecord, CustodyEstimate, DocumentResult, Money, SentenceValue

_ISO_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$")
_CENT = Decimal("0.01")
NONE_KEY = "(none)"
DEFAULT_GROUPS = ("sentence_kind", "source")
DERIVED_GROUPS = ("source", "jurisdiction", "format", "court", "age_band", "offence")
MULTI_GROUPS = ("offence",)
_AGE_BANDS = (
    (17, "under 18"),
    (20, "18-20"),
    (24, "21-24"),
    (29, "25-29"),
    (39, "30-39"),
    (49, "40-49"),
    (59, "50-59"),
)


def duration_years(value: str) -> float:
    """Length of an ISO 8601 duration in years: ``y + m / 12 + d / 365``.

    >>> duration_years("P4Y6M")
    4.5
    >>> duration_years("P0D")
    0.0
    """
    match = _ISO_DURATION.match(value)
    if not match or value == "P":
        raise ValueError(f"not an ISO 8601 duration: {value!r}")
    years, months, days = (int(g or 0) for g in match.groups())
    return years + months / 12 + days / 365


@dataclass(frozen=True)
class Summary:
    """Count, mean and median of a list of figures (``None`` when there are none)."""

    n: int
    mean: float | None
    median: float | None

    @classmethod
    def of(cls, values: Sequence[float]) -> Summary:
        """Summarise figures.

        >>> Summary.of([1.0, 2.0, 6.0])
        Summary(n=3, mean=3.0, median=2.0)
        """
        if not values:
            return cls(0, None, None)
        return cls(len(values), statistics.fmean(values), statistics.median(values))


@dataclass(frozen=True)
class CasePoint:
    """One case, reduced to what the figures need."""

    doc_id: str
    offender: str | None
    kind: str
    term: float | None
    custody: float | None
    keys: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class GroupFigures:
    """The figures of the cases sharing one grouping value."""

    key: str
    cases: int
    term: Summary
    custody: Summary


@dataclass
class RunStats:
    """Everything ``courtfacts stats`` shows about a run."""

    documents: int = 0
    ok: int = 0
    error: int = 0
    points: list[CasePoint] = field(default_factory=list)
    group_by: tuple[str, ...] = DEFAULT_GROUPS

    @property
    def cases(self) -> int:
        """Number of cases in the run."""
        return len(self.points)

    def kinds(self) -> Counter[str]:
        """Cases by sentence kind (``(none)`` for a case without one)."""
        return Counter(point.kind for point in self.points)

    def overall(self) -> GroupFigures:
        """The figures over every case."""
        return _figures("all", self.points)

    def groups(self, name: str) -> list[GroupFigures]:
        """The figures per value of one grouping key, largest group first, then by key.

        A case with several values of the key (``offence``) is in each of their groups.
        """
        buckets: dict[str, list[CasePoint]] = {}
        for point in self.points:
            for key in point.keys[name]:
                buckets.setdefault(key, []).append(point)
        figures = [_figures(key, points) for key, points in buckets.items()]
        return sorted(figures, key=lambda item: (-item.cases, item.key))


def _figures(key: str, points: list[CasePoint]) -> GroupFigures:
    terms = [p.term for p in points if p.term is not None]
    custody = [p.custody for p in points if p.custody is not None]
    return GroupFigures(key, len(points), Summary.of(terms), Summary.of(custody))


def group_fields() -> tuple[str, ...]:
    """The names ``--by`` accepts."""
    case_fields = tuple(name for name in CaseRecord.model_fields if name != "evidence")
    return tuple(dict.fromkeys((*DERIVED_GROUPS, *case_fields)))


def _age_band(age: int | None) -> str:
    if age is None:
        return NONE_KEY
    for upper, label in _AGE_BANDS:
        if age <= upper:
            return label
    return "60 and over"


def _show(value: Any) -> str:
    if value is None or value == []:
        return NONE_KEY
    if isinstance(value, Money):
        return f"{value.amount} {value.currency}"
    if isinstance(value, SentenceValue):
        return f"{value.kind} {value.term or ''}".strip()
    if isinstance(value, CustodyEstimate):
        return value.value
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def _source(result: DocumentResult) -> str:
    if result.meta and result.meta.jurisdiction:
        return result.meta.jurisdiction
    return PurePath(result.source).parent.name or "."


def group_key(name: str, result: DocumentResult, case: CaseRecord) -> str:
    """The value of grouping key ``name`` for one case of one document.

    Raises:
        KeyError: ``name`` is no grouping key (see ``group_fields``).
    """
    meta = result.meta
    if name == "source":
        return _source(result)
    if name == "jurisdiction":
        return _show(meta.jurisdiction if meta else None)
    if name == "format":
        return _show(meta.format if meta else None)
    if name == "court":
        return _show(case.court or (meta.court if meta else None))
    if name == "age_band":
        return _age_band(case.age)
    if name == "offence":
        return "; ".join(group_values(name, result, case))
    if name not in group_fields():
        raise KeyError(name)
    return _show(getattr(case, name))


def group_values(name: str, result: DocumentResult, case: CaseRecord) -> tuple[str, ...]:
    """Every value of grouping key ``name`` for one case: one, or for ``offence`` each category.

    Raises:
        KeyError: ``name`` is no grouping key (see ``group_fields``).
    """
    if name == "offence":
        return tuple(dict.fromkeys(case.offences)) or (NONE_KEY,)
    return (group_key(name, result, case),)


def compute_stats(
    results: Iterable[DocumentResult], group_by: Sequence[str] = DEFAULT_GROUPS
) -> RunStats:
    """Count documents and cases and collect each case's term and time in custody.

    Args:
        results: the lines of a ``documents.jsonl``.
        group_by: the grouping keys the figures are broken down by.

    Returns:
        The run's figures.

    Raises:
        KeyError: a grouping key is unknown.
    """
    unknown = [name for name in group_by if name not in group_fields()]
    if unknown:
        raise KeyError(", ".join(unknown))
    stats = RunStats(group_by=tuple(group_by))
    for result in results:
        stats.documents += 1
        if result.status == "ok":
            stats.ok += 1
        else:
            stats.error += 1
        for case in result.cases:
            stats.points.append(_point(result, case, group_by))
    return stats


def _point(result: DocumentResult, case: CaseRecord, group_by: Sequence[str]) -> CasePoint:
    estimate = case.estimated_time_in_custody
    return CasePoint(
        doc_id=result.doc_id,
        offender=case.offender,
        kind=case.sentence_kind or NONE_KEY,
        term=duration_years(case.custodial_term) if case.custodial_term else None,
        custody=duration_years(estimate.value) if estimate else None,
        keys={name: group_values(name, result, case) for name in group_by},
    )


def years(value: float | None) -> str:
    """A figure for display, two decimals, halves rounded up (as SQL's ``round`` does,
    so the figures match a DuckDB query of the export); a dash when there is none.

    >>> years(3.25), years(4.125), years(None)
    ('3.25', '4.13', '–')
    """
    if value is None:
        return "–"
    return str(Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP))


def overview_rows(stats: RunStats) -> list[tuple[str, str]]:
    """The run's counts as (label, figure) rows."""
    overall = stats.overall()
    return [
        ("documents", str(stats.documents)),
        ("ok", str(stats.ok)),
        ("error", str(stats.error)),
        ("cases", str(stats.cases)),
        ("cases with a custodial term", str(overall.term.n)),
        ("cases with an estimated time in custody", str(overall.custody.n)),
    ]


def group_rows(figures: Iterable[GroupFigures]) -> list[list[str]]:
    """Rows of a group table: key, cases, then n, mean and median of term and of custody."""
    return [
        [
            item.key,
            str(item.cases),
            str(item.term.n),
            years(item.term.mean),
            years(item.term.median),
            str(item.custody.n),
            years(item.custody.mean),
            years(item.custody.median),
        ]
        for item in figures
    ]


GROUP_HEADERS = (
    "cases",
    "terms",
    "term\nmean",
    "term\nmedian",
    "custody\nn",
    "custody\nmean",
    "custody\nmedian",
)


def _group_table(
    title: str, name: str, figures: list[GroupFigures], overall: GroupFigures
) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column(name, overflow="fold", min_width=12)
    for header in GROUP_HEADERS:
        table.add_column(header, justify="right")
    for row in group_rows(figures):
        table.add_row(*row)
    table.add_section()
    table.add_row(*group_rows([overall])[0], style="bold")
    return table


def print_stats(stats: RunStats, console: Console | None = None) -> None:
    """Print the run's figures as tables: overview, sentence kinds, one table per grouping."""
    console = console or Console()
    overview = Table(title="run", title_justify="left", show_header=False)
    overview.add_column("what")
    overview.add_column("figure", justify="right")
    for label, figure in overview_rows(stats):
        overview.add_row(label, figure)
    console.print(overview)
    kinds = Table(title="sentence kinds (cases)", title_justify="left")
    kinds.add_column("sentence kind")
    kinds.add_column("cases", justify="right")
    for kind, count in sorted(stats.kinds().items(), key=lambda item: (-item[1], item[0])):
        kinds.add_row(kind, str(count))
    console.print(kinds)
    overall = stats.overall()
    for name in stats.group_by:
        title = f"by {name} (years; custody: estimated time in custody)"
        if name in MULTI_GROUPS:
            title += "; a case counts under each of its categories"
        console.print(_group_table(title, name, stats.groups(name), overall))
