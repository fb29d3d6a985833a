"""Scoring as GOLD_FORMAT.md defines it, and the evaluation gates whose floors only go up.

The unit tests pin the scoring rules on small hand-made gold files. The
gates run ``courtfacts evaluate`` on the bundled examples (always) and on
``../shared/corpus`` (skipped when it is absent): each floor is a figure
the pipeline has reached; raise it when the pipeline improves, never lower it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from courtfacts.cli import app
from courtfacts.evaluate import (
    Report,
    load_gold,
    match_cases,
    names_match,
    score_document,
    score_list,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared" / "corpus"
SEED = "news/telegraph-2020-11-09-falling-short.txt"

# Floors: raise them when the figures rise; never lower them.
EXAMPLE_FLOORS = {"micro_f1": 0.98, "field_accuracy": 0.90}
# Measured on the shared corpus as it now is (50 documents, GOLD_FORMAT version 2).
CORPUS_FLOORS = {"micro_f1": 0.996, "field_accuracy": 0.935}
CORPUS_LIST_FLOORS = {
    "durations": 0.99,
    "dates": 0.99,
    "money": 0.99,
    "offence_counts": 0.99,
    "sentences": 0.985,
    "payments": 0.80,
}
CORPUS_FIELD_FLOORS = {
    "offender": 0.94,
    "sentence_kind": 0.96,
    "custodial_term": 0.96,
    "offence_count": 0.80,
    "offences": 0.97,
    "sentence_date": 0.94,
    "time_in_custody": 1.0,
}
CORPUS_MOST_SPURIOUS = 3


def test_lists_are_multisets() -> None:
    tally = score_list("durations", ["P5Y", "P5Y", "P2Y"], ["P5Y", "P3Y"])
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 2)


def test_sentences_are_scored_on_kind_and_term_not_offender() -> None:
    gold = [{"offender": "A", "kind": "custody", "term": "P2Y"}]
    predicted = [{"offender": "B", "kind": "custody", "term": "P2Y"}]
    assert score_list("sentences", gold, predicted).tp == 1
    predicted = [{"offender": "A", "kind": "suspended", "term": "P2Y"}]
    assert score_list("sentences", gold, predicted).tp == 0


def test_money_compares_amounts_not_spelling() -> None:
    gold = [{"amount": 2000, "currency": "GBP"}]
    assert score_list("money", gold, [{"amount": 2000.0, "currency": "GBP"}]).tp == 1
    assert score_list("money", gold, [{"amount": 2000, "currency": "USD"}]).tp == 0


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Andrew L", "andrew l", True),
        ("Herath Mudiyanselage Premaratne", "Premaratne", True),
        ("Gordon", "Gordon", True),
        ("Andrew L", "Andrew W", False),
        ("John Smith", None, False),
    ],
)
def test_names_match(gold: str, predicted: str | None, expected: bool) -> None:
    assert names_match(gold, predicted) is expected


def test_single_gold_case_matches_best_prediction_and_spurious_are_counted() -> None:
    gold = {"cases": [{"offender": "John Smith", "custodial_term": "P2Y"}]}
    predicted = {"cases": [{"offender": "Someone", "custodial_term": "P2Y"}, {"offender": "X"}]}
    assert match_cases(gold["cases"], predicted["cases"]) == [(0, 0)]
    report = Report()
    score_document(report, gold, predicted)
    assert report.spurious_cases == 1
    assert report.fields == {"offender": [0, 1], "custodial_term": [1, 1]}


def _evaluate(gold: Path, docs: Path, tmp_path: Path, *extra: str) -> tuple[int, dict]:
    out = tmp_path / "figures.json"
    result = CliRunner().invoke(
        app, ["evaluate", "--gold", str(gold), "--docs", str(docs), "--json", str(out), *extra]
    )
    figures = json.loads(out.read_text("utf-8")) if out.exists() else {}
    return result.exit_code, figures


def test_examples_gate(tmp_path: Path) -> None:
    code, figures = _evaluate(EXAMPLES / "gold", EXAMPLES, tmp_path)
    assert code == 0
    assert figures["micro_f1"] >= EXAMPLE_FLOORS["micro_f1"]
    assert figures["field_accuracy"] >= EXAMPLE_FLOORS["field_accuracy"]


def test_evaluate_fails_below_the_floor(tmp_path: Path) -> None:
    code, _ = _evaluate(EXAMPLES / "gold", EXAMPLES, tmp_path, "--min-field-accuracy", "1.01")
    assert code == 1


needs_shared = pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared is absent")


@needs_shared
def test_shared_corpus_gate(tmp_path: Path) -> None:
    code, figures = _evaluate(SHARED / "gold", SHARED / "docs", tmp_path)
    assert code == 0
    assert figures["micro_f1"] >= CORPUS_FLOORS["micro_f1"]
    assert figures["field_accuracy"] >= CORPUS_FLOORS["field_accuracy"]
    for name, floor in CORPUS_LIST_FLOORS.items():
        assert figures["lists"][name]["f1"] >= floor, name
    for name, floor in CORPUS_FIELD_FLOORS.items():
        field = figures["case_fields"][name]
        assert field["correct"] / field["total"] >= floor, name
    assert figures["spurious_cases"] <= CORPUS_MOST_SPURIOUS
    sentence_nobody = {g["document"] for g in load_gold(SHARED / "gold") if not g.get("cases")}
    assert sentence_nobody, "the corpus has documents that sentence nobody"
    for document in figures["documents"]:
        if document["document"] in sentence_nobody:
            assert document["spurious_cases"] == 0, document["document"]


@needs_shared
def test_seed_report_is_read_exactly(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    name = Path(SEED).stem
    (gold_dir / f"{name}.gold.json").write_text(
        (SHARED / "gold" / f"{name}.gold.json").read_text("utf-8"), "utf-8"
    )
    code, figures = _evaluate(gold_dir, SHARED / "docs", tmp_path)
    assert code == 0
    assert all(scores["f1"] == 1.0 for scores in figures["lists"].values()), figures["lists"]
    assert figures["field_accuracy"] == 1.0
    assert figures["spurious_cases"] == 0
