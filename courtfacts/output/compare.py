"""``courtfacts stats OUT --compare A B ...``: chosen groups of cases side by side.

A group is an offence category (``child_sexual_online``: every case with that
category among its ``offences``), a ``FIELD=VALUE`` test on any grouping key
of ``courtfacts.output.stats`` (``sentence_kind=custody``, ``source=news``,
``offence=drugs``), or several of these joined by commas, all of which must
hold (``child_sexual_online,jurisdiction=England and Wales``). A case can be
in more than one group (a man sentenced for contact abuse and for images);
the figures say how many are.

Per group: cases, sentence kinds, offences per case, custodial term,
time in custody, the term as a share of the statutory maximum, payments per
case. Figures in years as in ``stats`` (``y + m / 12 + d / 365``).

- Offences per case: the case's ``offence_count`` where the text states one,
  else the offence mentions behind its categories (``evidence["offences"]``),
  each counting its stated count or one.
- Time in custody: the stated ``time_in_custody`` where the text gives it,
  else the release-rule estimate; the figures say how many of each.
- Share of the maximum: ``term_share_of_maximum``, where the statutory
  maximum of the case's most serious offence is known.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import get_args

from rich import box
from rich.console import Console
from rich.table import Table

from courtfacts.models import CaseRecord, DocumentResult, OffenceCategory, OffenceMention
from courtfacts.output.stats import duration_years, group_fields, group_values, years

CATEGORIES: tuple[str, ...] = get_args(OffenceCategory)
Test = Callable[[DocumentResult, CaseRecord], bool]


@dataclass(frozen=True)
class Distribution:
    """Count, mean, quartiles and range of a list of figures (``None`` when there are none).

    Quartiles are inclusive (``statistics.quantiles(method="inclusive")``): with
    one figure every quartile is that figure.
    """

    n: int
    mean: float | None = None
    median: float | None = None
    q1: float | None = None
    q3: float | None = None
    low: float | None = None
    high: float | None = None

    @classmethod
    def of(cls, values: Sequence[float]) -> Distribution:
        """Summarise figures.

        >>> Distribution.of([1.0, 2.0, 3.0, 10.0])
        Distribution(n=4, mean=4.0, median=2.5, q1=1.75, q3=4.75, low=1.0, high=10.0)
        >>> Distribution.of([]).mean is None
        True
        """
        if not values:
            return cls(0)
        ordered = sorted(values)
        if len(ordered) == 1:
            q1 = q3 = ordered[0]
        else:
            q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
        return cls(
            len(ordered),
            statistics.fmean(ordered),
            statistics.median(ordered),
            q1,
            q3,
            ordered[0],
            ordered[-1],
        )


@dataclass(frozen=True)
class ComparedCase:
    """One case of a group, reduced to the figures the comparison needs."""

    doc_id: str
    offender: str | None
    kind: str
    term: float | None
    custody: float | None
    is_custody_stated: bool
    share: float | None
    offences: int | None
    payments: int | None


@dataclass
class Group:
    """The cases of one compared group."""

    label: str
    cases: list[ComparedCase] = field(default_factory=list)
    shared: int = 0

    def kinds(self) -> Counter[str]:
        """Cases by sentence kind."""
        return Counter(case.kind for case in self.cases)

    def terms(self) -> Distribution:
        """Custodial terms, years."""
        return Distribution.of([c.term for c in self.cases if c.term is not None])

    def custody(self) -> Distribution:
        """Time in custody, years: stated, else estimated."""
        return Distribution.of([c.custody for c in self.cases if c.custody is not None])

    def custody_sources(self) -> tuple[int, int]:
        """How many times in custody are stated, and how many estimated."""
        known = [c for c in self.cases if c.custody is not None]
        stated = sum(1 for c in known if c.is_custody_stated)
        return stated, len(known) - stated

    def shares(self) -> Distribution:
        """Terms as a share of the statutory maximum (1.0 is the maximum)."""
        return Distribution.of([c.share for c in self.cases if c.share is not None])

    def offences(self) -> Distribution:
        """Offences per case."""
        return Distribution.of([c.offences for c in self.cases if c.offences is not None])

    def payments(self) -> Distribution:
        """Payments per case, over the cases that state a number of payments."""
        return Distribution.of([c.payments for c in self.cases if c.payments is not None])


@dataclass
class Comparison:
    """The groups compared, in the order asked for."""

    groups: list[Group]
    documents: int = 0
    cases: int = 0


def parse_group(spec: str) -> Test:
    """The test a group spec puts to a case.

    Raises:
        ValueError: a part of ``spec`` is neither a category nor ``FIELD=VALUE`` of a known field.
    """
    tests = [_part(part.strip()) for part in spec.split(",") if part.strip()]
    if not tests:
        raise ValueError(f"empty group {spec!r}")
    return lambda result, case: all(test(result, case) for test in tests)


def _part(part: str) -> Test:
    if "=" not in part:
        if part not in CATEGORIES:
            raise ValueError(
                f"{part!r} is no offence category (known: {', '.join(CATEGORIES)}) "
                "and no FIELD=VALUE"
            )
        return lambda result, case: part in case.offences
    name, value = (side.strip() for side in part.split("=", 1))
    if name not in group_fields():
        raise ValueError(f"unknown field {name!r} in {part!r} (known: {', '.join(group_fields())})")
    return lambda result, case: value in group_values(name, result, case)


def _offences(result: DocumentResult, case: CaseRecord) -> int | None:
    if case.offence_count is not None:
        return case.offence_count
    ids = set(case.evidence.get("offences", []))
    found = [m for m in result.mentions if isinstance(m, OffenceMention) and m.id in ids]
    return sum(m.value.count or 1 for m in found) if found else None


def compared_case(result: DocumentResult, case: CaseRecord) -> ComparedCase:
    """One case's figures for the comparison."""
    estimate = case.estimated_time_in_custody
    stated = case.time_in_custody
    custody = stated or (estimate.value if estimate else None)
    return ComparedCase(
        doc_id=result.doc_id,
        offender=case.offender,
        kind=case.sentence_kind or "(none)",
        term=duration_years(case.custodial_term) if case.custodial_term else None,
        custody=duration_years(custody) if custody else None,
        is_custody_stated=stated is not None,
        share=case.term_share_of_maximum,
        offences=_offences(result, case),
        payments=case.payment_count,
    )


def compare(results: Iterable[DocumentResult], specs: Sequence[str]) -> Comparison:
    """Put each case of a run into the groups whose test it passes.

    Args:
        results: the lines of a ``documents.jsonl``.
        specs: two or more group specs (see ``parse_group``).

    Raises:
        ValueError: fewer than two groups, a group named twice, or a bad spec.
    """
    if len(specs) < 2:
        raise ValueError("--compare needs two or more groups")
    if len(set(specs)) < len(specs):
        raise ValueError("a group is named twice")
    tests = [(spec, parse_group(spec)) for spec in specs]
    comparison = Comparison([Group(spec) for spec in specs])
    for result in results:
        comparison.documents += 1
        for case in result.cases:
            comparison.cases += 1
            member = [
                group for group, (_, test) in zip(comparison.groups, tests) if test(result, case)
            ]
            for group in member:
                group.cases.append(compared_case(result, case))
                group.shared += len(member) > 1
    return comparison


# ------------------------------------------------------------------- display


def _kinds(group: Group) -> str:
    counts = sorted(group.kinds().items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{kind} {n}" for kind, n in counts) or "–"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def comparison_rows(comparison: Comparison) -> list[tuple[str, list[str]]]:
    """The comparison as (measure, one figure per group) rows, terms in years."""
    groups = comparison.groups
    terms = [g.terms() for g in groups]
    custody = [g.custody() for g in groups]
    shares = [g.shares() for g in groups]
    offences = [g.offences() for g in groups]
    payments = [g.payments() for g in groups]

    def row(label: str, values: Iterable[object]) -> tuple[str, list[str]]:
        return label, [str(value) for value in values]

    return [
        row("cases", (len(g.cases) for g in groups)),
        row("cases also in another group", (g.shared for g in groups)),
        row("sentence kinds", (_kinds(g) for g in groups)),
        row("offences per case: cases", (d.n for d in offences)),
        row("offences per case: mean", (years(d.mean) for d in offences)),
        row("offences per case: median", (years(d.median) for d in offences)),
        row("custodial term: cases", (d.n for d in terms)),
        row("custodial term: mean", (years(d.mean) for d in terms)),
        row("custodial term: median", (years(d.median) for d in terms)),
        row("custodial term: Q1", (years(d.q1) for d in terms)),
        row("custodial term: Q3", (years(d.q3) for d in terms)),
        row("custodial term: range", (f"{years(d.low)}–{years(d.high)}" for d in terms)),
        row("time in custody: stated", (g.custody_sources()[0] for g in groups)),
        row("time in custody: estimated", (g.custody_sources()[1] for g in groups)),
        row("time in custody: mean", (years(d.mean) for d in custody)),
        row("time in custody: median", (years(d.median) for d in custody)),
        row("share of maximum: cases", (d.n for d in shares)),
        row("share of maximum: mean", (_share(d.mean) for d in shares)),
        row("share of maximum: median", (_share(d.median) for d in shares)),
        row("payments per case: cases", (d.n for d in payments)),
        row("payments per case: mean", (years(d.mean) for d in payments)),
        row("payments per case: median", (years(d.median) for d in payments)),
    ]


COMPARE_NOTE = (
    "terms and time in custody in years; time in custody is the stated figure, else the "
    "release-rule estimate; a case can be in several groups"
)


def print_comparison(comparison: Comparison, console: Console | None = None) -> None:
    """Print the groups side by side, one column per group."""
    console = console or Console()
    title = (
        f"comparison of {len(comparison.groups)} groups over {comparison.cases} cases "
        f"in {comparison.documents} documents"
    )
    table = Table(title=title, caption=COMPARE_NOTE, title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("measure")
    for group in comparison.groups:
        table.add_column(group.label, justify="right", overflow="fold")
    for label, figures in comparison_rows(comparison):
        table.add_row(label, *figures)
    console.print(table)
