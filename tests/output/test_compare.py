"""``stats --by offence`` and ``stats --compare``: groups of cases by offence, side by side.

Groups:
    DEV: figures of the hand-made run ``offence_results`` (tests/output/conftest.py),
        worked out by hand from its values:
        child_sexual_online = Andrew Lane (P4Y8M = 4.67 y, stated P3Y, share 1/3,
        offences 4 + 1 from two mentions, 36 payments) and Brian Moss (P2Y,
        estimate P1Y, share 0.2, offence_count 2, 12 payments);
        child_sexual_contact = Carl Dean (P10Y, estimate P5Y, maximum life, one
        mention of 3 offences) and Dan Eve (suspended P2Y, estimate P0D, no offence
        figure); Ed Fox (fine, fraud) is in neither.
    HELD_OUT: none; the comparison holds no tuned rules.
    BUGS_CAUGHT: none yet; add any bug found here, named by its origin.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from courtfacts.cli import app
from courtfacts.models import CaseRecord, DocumentResult
from courtfacts.output.compare import Distribution, compare, comparison_rows
from courtfacts.output.compare_charts import render_compare_page
from courtfacts.output.jsonl import dump_line
from courtfacts.output.stats import compute_stats

runner = CliRunner(env={"COLUMNS": "160"})
PAIR = ["child_sexual_online", "child_sexual_contact"]

# fmt: off
# (measure, child_sexual_online, child_sexual_contact) as the terminal and the page show them
EXPECTED_ROWS = [
    ("cases", "2", "2"),
    ("cases also in another group", "0", "0"),
    ("sentence kinds", "custody 2", "custody 1, suspended 1"),
    ("offences per case: cases", "2", "1"),
    ("offences per case: mean", "3.50", "3.00"),
    ("offences per case: median", "3.50", "3.00"),
    ("custodial term: cases", "2", "2"),
    ("custodial term: mean", "3.33", "6.00"),
    ("custodial term: median", "3.33", "6.00"),
    ("custodial term: Q1", "2.67", "4.00"),
    ("custodial term: Q3", "4.00", "8.00"),
    ("custodial term: range", "2.00–4.67", "2.00–10.00"),
    ("time in custody: stated", "1", "0"),
    ("time in custody: estimated", "1", "2"),
    ("time in custody: mean", "2.00", "2.50"),
    ("time in custody: median", "2.00", "2.50"),
    ("share of maximum: cases", "2", "0"),
    ("share of maximum: mean", "26.7%", "–"),
    ("share of maximum: median", "26.7%", "–"),
    ("payments per case: cases", "2", "0"),
    ("payments per case: mean", "24.00", "–"),
    ("payments per case: median", "24.00", "–"),
]

# (groups, cases per group, shared per group)
DEV_GROUPS = [
    (["child_sexual_online", "child_sexual_images"], [2, 1], [1, 1]),
    (["child_sexual_contact", "fraud", "homicide"], [2, 1, 0], [0, 0, 0]),
    (["sentence_kind=custody", "sentence_kind=suspended"], [3, 1], [0, 0]),
    (["child_sexual_contact,sentence_kind=custody", "source=news"], [1, 2], [0, 0]),
    (["offence=fraud", "offences=child_sexual_images; child_sexual_online"], [1, 1], [0, 0]),
    (["jurisdiction=(none)", "child_sexual_online, sentence_kind = custody"], [5, 2], [2, 2]),
]

MISUSE = [
    (["--compare", "child_sexual_online"], "two or more groups"),
    (["--compare", "drugs", "drugs"], "named twice"),
    (["--compare", "drugs", "child_abuse"], "'child_abuse' is no offence category"),
    (["--compare", "drugs", "colour=red"], "unknown field 'colour'"),
    (["--compare", "drugs", ","], "empty group"),
    (["drugs", "fraud"], "groups are given with --compare"),
    (["--compare", "drugs", "fraud", "--by", "court"], "--by and --compare"),
]
# fmt: on


def _rows(output: str) -> list[list[str]]:
    return [line.replace("│", " ").split() for line in output.splitlines()]


def _written(tmp_path: Path, results: list[DocumentResult]) -> Path:
    (tmp_path / "documents.jsonl").write_text("".join(dump_line(r) for r in results), "utf-8")
    return tmp_path


# ------------------------------------------------------------------ DEV: --by offence


def test_by_offence_counts_a_case_under_each_category(offence_results: list[Any]) -> None:
    groups = {g.key: g for g in compute_stats(offence_results, ["offence"]).groups("offence")}
    assert {key: g.cases for key, g in groups.items()} == {
        "child_sexual_contact": 2,
        "child_sexual_online": 2,
        "child_sexual_images": 1,
        "fraud": 1,
    }
    assert list(groups)[:2] == ["child_sexual_contact", "child_sexual_online"]
    assert (groups["child_sexual_online"].term.mean, groups["child_sexual_online"].term.n) == (
        pytest.approx(10 / 3),
        2,
    )
    assert compute_stats(offence_results, ["offence"]).overall().cases == 5


def test_by_offence_puts_a_case_without_offences_under_none() -> None:
    result = DocumentResult(doc_id="x", status="ok", source="x.txt", cases=[CaseRecord()])
    assert [g.key for g in compute_stats([result], ["offence"]).groups("offence")] == ["(none)"]


def test_by_offences_groups_by_the_whole_combination(offence_results: list[Any]) -> None:
    keys = {g.key: g.cases for g in compute_stats(offence_results, ["offences"]).groups("offences")}
    assert keys["child_sexual_images; child_sexual_online"] == 1
    assert keys["child_sexual_online"] == 1


def test_stats_command_by_offence(offence_results: list[Any], tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["stats", str(_written(tmp_path, offence_results)), "--by", "offence"]
    )
    assert result.exit_code == 0, result.output
    rows = _rows(result.output)
    # offence, cases, terms, mean, median, estimates, mean, median (years; estimate only)
    assert ["child_sexual_online", "2", "2", "3.33", "3.33", "1", "1.00", "1.00"] in rows
    assert ["child_sexual_contact", "2", "2", "6.00", "6.00", "2", "2.50", "2.50"] in rows
    assert ["fraud", "1", "0", "–", "–", "0", "–", "–"] in rows
    assert "a case counts under each of its categories" in " ".join(result.output.split())


# ------------------------------------------------------------------ DEV: --compare


def test_distribution_of_one_figure_has_it_as_every_quartile() -> None:
    assert Distribution.of([2.5]) == Distribution(1, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5)


def test_compare_figures(offence_results: list[Any]) -> None:
    rows = comparison_rows(compare(offence_results, PAIR))
    assert [(label, *figures) for label, figures in rows] == EXPECTED_ROWS


@pytest.mark.parametrize(
    ("specs", "cases", "shared"), DEV_GROUPS, ids=[" vs ".join(g[0]) for g in DEV_GROUPS]
)
def test_groups_by_category_field_or_both(
    offence_results: list[Any], specs: list[str], cases: list[int], shared: list[int]
) -> None:
    comparison = compare(offence_results, specs)
    assert [len(g.cases) for g in comparison.groups] == cases
    assert [g.shared for g in comparison.groups] == shared
    assert (comparison.documents, comparison.cases) == (3, 5)


def test_compare_command_prints_the_groups_side_by_side(
    offence_results: list[Any], tmp_path: Path
) -> None:
    result = runner.invoke(
        app, ["stats", str(_written(tmp_path, offence_results)), "--compare", *PAIR]
    )
    assert result.exit_code == 0, result.output
    rows = _rows(result.output)
    for label, online, contact in EXPECTED_ROWS:
        assert [*label.split(), *online.split(), *contact.split()] in rows, label
    assert "comparison of 2 groups over 5 cases in 3 documents" in result.output
    assert "the stated figure, else the release-rule estimate" in " ".join(result.output.split())


def test_compare_page_has_a_plot_per_measure_and_escapes_the_run(
    offence_results: list[Any], tmp_path: Path
) -> None:
    hostile = DocumentResult(
        doc_id="<img src=x onerror=alert(1)>",
        status="ok",
        source="x/<b>.txt",
        cases=[
            CaseRecord(
                offender="<script>alert(1)</script>",
                sentence_kind="custody",
                custodial_term="P3Y",
                offences=["child_sexual_online"],
            )
        ],
    )
    page = render_compare_page(compare([*offence_results, hostile], PAIR), "compare <run>")
    assert page.count("<svg") == 2
    assert page.count('class="box"') == 4 and page.count('class="median"') == 4
    # terms: 3 + 2 dots; time in custody: 2 + 2, of which 3 estimates are hollow
    assert page.count('class="case"') == 9 and page.count('fill="#fff"') == 3
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_compare_command_writes_the_page(offence_results: list[Any], tmp_path: Path) -> None:
    html = tmp_path / "compare.html"
    run = _written(tmp_path, offence_results)
    result = runner.invoke(app, ["stats", str(run), "--compare", *PAIR, "--html", str(html)])
    assert result.exit_code == 0, result.output
    page = html.read_text("utf-8")
    assert "child_sexual_online vs child_sexual_contact" in page and page.count("<svg") == 2
    assert '<td class="num">26.7%</td>' in page


def test_compare_of_groups_without_terms_says_so(offence_results: list[Any]) -> None:
    page = render_compare_page(compare(offence_results, ["homicide", "drugs"]), "empty")
    assert "<svg" not in page and page.count("No case of these groups has this figure") == 2


@pytest.mark.parametrize(("args", "message"), MISUSE, ids=[m for _, m in MISUSE])
def test_misuse_exits_2(
    offence_results: list[Any], tmp_path: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["stats", str(_written(tmp_path, offence_results)), *args])
    assert result.exit_code == 2
    assert message in result.output
