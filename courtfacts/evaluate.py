"""Score predictions against gold files, exactly as ``GOLD_FORMAT.md`` defines.

Lists are multisets of normal forms: true positives are the multiset
intersection, micro-averaged over documents. Cases are matched to gold cases
by offender name (case-insensitive; a surname alone matches the full name) or,
where a document has one gold case, to the best-agreeing predicted case; each
gold field scores when the matched prediction holds the same normal form.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

LISTS = ("durations", "dates", "money", "offence_counts", "sentences", "payments")


def _money_key(money: Any) -> tuple[str, str] | None:
    if not money:
        return None
    return (str(Decimal(str(money["amount"])).normalize()), money["currency"])


def list_key(name: str, item: Any) -> Any:
    """The part of a list item that is scored (offender names are not).

    >>> list_key("sentences", {"offender": "X", "kind": "custody", "term": "P2Y"})
    ('custody', 'P2Y')
    >>> list_key("money", {"amount": 2000.0, "currency": "GBP"})
    ('2E+3', 'GBP')
    """
    if name in ("durations", "dates"):
        return item
    if name == "money":
        return _money_key(item)
    if name == "offence_counts":
        return item["count"]
    if name == "sentences":
        return (item["kind"], item.get("term"))
    return (item.get("count"), _money_key(item.get("total")))


@dataclass
class Tally:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_list(name: str, gold: list[Any], predicted: list[Any]) -> Tally:
    """Multiset comparison of one list of one document."""
    g = Counter(list_key(name, item) for item in gold)
    p = Counter(list_key(name, item) for item in predicted)
    tp = sum((g & p).values())
    return Tally(tp, sum(p.values()) - tp, sum(g.values()) - tp)


def names_match(gold: str | None, predicted: str | None) -> bool:
    """Same name ignoring case, or one is the other's surname.

    >>> names_match("Andrew L", "andrew l")
    True
    >>> names_match("Herath Mudiyanselage Premaratne", "Premaratne")
    True
    >>> names_match("Andrew L", "Andrew W")
    False
    """
    if not gold or not predicted:
        return False
    g, p = gold.lower().strip(), predicted.lower().strip()
    if g == p:
        return True
    return g.split()[-1] == p or p.split()[-1] == g


def _field_equal(name: str, gold: Any, predicted: Any) -> bool:
    if name == "offender":
        return names_match(gold, predicted)
    if name == "payment_total":
        return _money_key(gold) == _money_key(predicted)
    return gold == predicted


def match_cases(
    gold: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> list[tuple[int, int]]:
    """Pair gold cases with predicted ones (indices), by name, else the single case."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, case in enumerate(gold):
        for pi, pred in enumerate(predicted):
            if pi not in used and names_match(case.get("offender"), pred.get("offender")):
                pairs.append((gi, pi))
                used.add(pi)
                break
    if len(gold) == 1 and not pairs and predicted:

        def agreement(pi: int) -> int:
            return sum(_field_equal(k, v, predicted[pi].get(k)) for k, v in gold[0].items())

        pairs.append((0, max(range(len(predicted)), key=agreement)))
    return pairs


@dataclass
class Report:
    """Scores over a set of documents."""

    lists: dict[str, Tally] = field(default_factory=lambda: {n: Tally() for n in LISTS})
    fields: dict[str, list[int]] = field(default_factory=dict)
    spurious_cases: int = 0
    gold_cases: int = 0
    documents: list[dict[str, Any]] = field(default_factory=list)

    @property
    def micro(self) -> Tally:
        total = Tally()
        for tally in self.lists.values():
            total.add(tally)
        return total

    @property
    def field_accuracy(self) -> float:
        right = sum(r for r, _ in self.fields.values())
        seen = sum(n for _, n in self.fields.values())
        return right / seen if seen else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "lists": {
                name: {
                    "precision": t.precision,
                    "recall": t.recall,
                    "f1": t.f1,
                    "tp": t.tp,
                    "fp": t.fp,
                    "fn": t.fn,
                }
                for name, t in self.lists.items()
            },
            "micro_f1": self.micro.f1,
            "case_fields": {
                name: {"correct": r, "total": n} for name, (r, n) in self.fields.items()
            },
            "field_accuracy": self.field_accuracy,
            "gold_cases": self.gold_cases,
            "spurious_cases": self.spurious_cases,
            "documents": self.documents,
        }


def score_document(report: Report, gold: dict[str, Any], predicted: dict[str, Any]) -> None:
    """Add one document's comparison to a report."""
    detail: dict[str, Any] = {"document": gold.get("document"), "lists": {}}
    for name in LISTS:
        tally = score_list(name, gold.get(name, []), predicted.get(name, []))
        report.lists[name].add(tally)
        detail["lists"][name] = {"tp": tally.tp, "fp": tally.fp, "fn": tally.fn}
    gold_cases, pred_cases = gold.get("cases", []), predicted.get("cases", [])
    pairs = match_cases(gold_cases, pred_cases)
    matched = dict(pairs)
    report.gold_cases += len(gold_cases)
    report.spurious_cases += len(pred_cases) - len(pairs)
    detail["spurious_cases"] = len(pred_cases) - len(pairs)
    for gi, case in enumerate(gold_cases):
        pred = pred_cases[matched[gi]] if gi in matched else {}
        for name, value in case.items():
            right, total = report.fields.setdefault(name, [0, 0])
            report.fields[name] = [right + _field_equal(name, value, pred.get(name)), total + 1]
    report.documents.append(detail)


def load_gold(folder: Path) -> list[dict[str, Any]]:
    """Every ``*.gold.json`` of a folder, in name order."""
    return [json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.gold.json"))]


def format_report(report: Report) -> str:
    """The figures as a plain-text table."""
    lines = [f"{'list':16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name, t in report.lists.items():
        lines.append(
            f"{name:16}{t.precision:7.3f}{t.recall:7.3f}{t.f1:7.3f}{t.tp:6}{t.fp:6}{t.fn:6}"
        )
    m = report.micro
    lines.append(
        f"{'micro':16}{m.precision:7.3f}{m.recall:7.3f}{m.f1:7.3f}{m.tp:6}{m.fp:6}{m.fn:6}"
    )
    lines.append("")
    lines.append(f"{'case field':18}{'correct':>8}{'total':>7}{'acc':>7}")
    for name, (right, total) in sorted(report.fields.items()):
        lines.append(f"{name:18}{right:8}{total:7}{right / total:7.3f}")
    lines.append(f"{'all fields':18}{'':15}{report.field_accuracy:7.3f}")
    lines.append(
        f"gold cases {report.gold_cases}, spurious predicted cases {report.spurious_cases}"
    )
    return "\n".join(lines)
