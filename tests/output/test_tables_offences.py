"""The ``offences`` and ``people`` tables, read back with their types from every format.

A hand-made run (``offence_results`` in tests/output/conftest.py: three
documents, five cases with offence categories, seven person mentions) is
exported through the CLI to CSV, Parquet and DuckDB and read back; its rows
are written out here in full, so a change in what a row holds fails here.
The DuckDB test runs the comparison of ``stats --compare`` in SQL (the query
the README gives) and must give the figures ``test_compare.py`` pins.

Groups:
    DEV: the rows and types of the two tables, and the comparison in SQL.
    HELD_OUT: none; the exports hold no tuned rules.
    BUGS_CAUGHT: none yet; add any bug found here, named by its origin.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from courtfacts.cli import app
from courtfacts.output.jsonl import dump_line
from courtfacts.output.table_schema import TABLES
from courtfacts.output.tables import table_rows

runner = CliRunner()

# fmt: off
# The offences table of the hand-made run: doc_id, case_index, category, name, statute, count,
# mention_id (text is the mention's words, checked apart).
HAND_OFFENCES = [
    ("online", 0, "child_sexual_online", "inciting a child abroad to engage in sexual activity",
     "section 8 Sexual Offences Act 2003", 4, "o1"),
    ("online", 0, "child_sexual_images", "making indecent images of children", None, None, "o2"),
    ("online2", 0, "child_sexual_online", None, None, None, None),
    ("contact", 0, "child_sexual_contact", "raped his stepdaughter", None, 3, "o1"),
    ("contact", 1, "child_sexual_contact", None, None, None, None),
    ("contact", 2, "fraud", "fraud by false representation", "section 1 Fraud Act 2006", None, "o2"),
]

# The people table: doc_id, mention_id, name, role, age, rule, start_char, end_char, case_index
HAND_PEOPLE = [
    ("online", "p1", "Andrew Lane", "offender", 56, "person.subject_of_sentence", 0, 11, 0),
    ("online", "p2", "Judge Mary Hill", "judge", None, "person.judge_title", 40, 55, None),
    ("online", "p3", "Sam Reed", "journalist", None, "person.byline", 80, 88, None),
    ("online2", "p1", "Brian Moss", "offender", None, "person.subject_of_sentence", 0, 10, 0),
    ("contact", "p1", "Carl Dean", "offender", None, "person.caption_accused", 0, 9, 0),
    ("contact", "p2", "Dan Eve", "co-defendant", 30, "person.and_co_defendant", 20, 27, 1),
    ("contact", "p3", "the girl", "victim", None, "person.victim_description", 40, 48, None),
]
OFFENCE_KEYS = ("doc_id", "case_index", "category", "name", "statute", "count", "mention_id")
PEOPLE_KEYS = (
    "doc_id", "mention_id", "name", "role", "age", "rule", "start_char", "end_char", "case_index",
)


# The comparison of stats --compare in SQL, as the README gives it.
COMPARE_SQL = """
SELECT o.category,
       count(*) AS cases,
       round(avg(c.custodial_term_days) / 365, 2) AS term_mean,
       round(median(c.custodial_term_days) / 365, 2) AS term_median,
       round(quantile_cont(c.custodial_term_days, 0.25) / 365, 2) AS term_q1,
       round(quantile_cont(c.custodial_term_days, 0.75) / 365, 2) AS term_q3,
       count(c.time_in_custody) AS custody_stated,
       count(c.estimated_time_in_custody) FILTER (WHERE c.time_in_custody IS NULL)
           AS custody_estimated,
       round(avg(coalesce(c.time_in_custody_days, c.estimated_time_in_custody_days)) / 365, 2)
           AS custody_mean,
       round(avg(c.term_share_of_maximum), 3) AS share_mean,
       avg(c.payment_count) AS payments_mean
FROM cases c
JOIN (SELECT DISTINCT doc_id, case_index, category FROM offences) o USING (doc_id, case_index)
WHERE o.category IN ('child_sexual_online', 'child_sexual_contact')
GROUP BY o.category
ORDER BY o.category
"""
COMPARE_SQL_ROWS = [
    ("child_sexual_contact", 2, 6.0, 6.0, 4.0, 8.0, 0, 2, 2.5, None, None),
    ("child_sexual_online", 2, 3.33, 3.33, 2.67, 4.0, 1, 1, 2.0, 0.267, 24.0),
]
# fmt: on


@pytest.fixture(scope="module")
def hand_run(tmp_path_factory: pytest.TempPathFactory, offence_results: list[Any]) -> Path:
    """The hand-made run as an output folder holding its documents.jsonl."""
    folder = tmp_path_factory.mktemp("hand")
    lines = "".join(dump_line(result) for result in offence_results)
    (folder / "documents.jsonl").write_text(lines, "utf-8")
    return folder


def _exported(run: Path, to: str, out: Path) -> Path:
    result = runner.invoke(app, ["export", str(run), "--to", to, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{len(HAND_OFFENCES)} offences, {len(HAND_PEOPLE)} people" in result.output
    return out


def _picked(rows: list[dict[str, Any]], keys: tuple[str, ...]) -> list[tuple[Any, ...]]:
    return [tuple(row[key] for key in keys) for row in rows]


def test_rows_of_the_hand_made_run(offence_results: list[Any]) -> None:
    tables = [table_rows(result) for result in offence_results]
    offences = [row for t in tables for row in t["offences"]]
    people = [row for t in tables for row in t["people"]]
    assert _picked(offences, OFFENCE_KEYS) == HAND_OFFENCES
    assert _picked(people, PEOPLE_KEYS) == HAND_PEOPLE
    assert offences[0]["text"] == "inciting a child abroad to engage in sexual activity"


def test_an_acquittal_is_a_mention_but_no_case_offence(offence_results: list[Any]) -> None:
    rows = table_rows(offence_results[0])
    rape = next(row for row in rows["mentions"] if row["mention_id"] == "o3")
    assert (rape["kind"], rape["offence_category"], rape["is_convicted"]) == (
        "offence",
        "child_sexual_contact",
        False,
    )
    assert all(row["mention_id"] != "o3" for row in rows["offences"])


def test_cases_carry_their_offences_maximum_and_warnings(offence_results: list[Any]) -> None:
    lane = table_rows(offence_results[0])["cases"][0]
    assert lane["offences"] == "child_sexual_images; child_sexual_online"
    assert (lane["statutory_maximum"], lane["statutory_maximum_days"]) == ("P14Y", 14 * 365)
    assert lane["term_share_of_maximum"] == pytest.approx(1 / 3)
    dean, eve, _ = table_rows(offence_results[2])["cases"]
    assert (dean["statutory_maximum"], dean["statutory_maximum_days"]) == ("life", None)
    assert eve["warnings"].startswith('["W311 offending period ends (2019)')


def test_csv_offences_and_people(hand_run: Path, tmp_path: Path) -> None:
    folder = _exported(hand_run, "csv", tmp_path / "csv")
    with (folder / "offences.csv").open(encoding="utf-8", newline="") as handle:
        offences = list(csv.DictReader(handle))
    with (folder / "people.csv").open(encoding="utf-8", newline="") as handle:
        people = list(csv.DictReader(handle))
    assert [(r["category"], r["count"], r["mention_id"]) for r in offences] == [
        (category, "" if count is None else str(count), mention or "")
        for _, _, category, _, _, count, mention in HAND_OFFENCES
    ]
    assert [(r["name"], r["role"], r["case_index"]) for r in people] == [
        (name, role, "" if case is None else str(case))
        for _, _, name, role, *_, case in HAND_PEOPLE
    ]


def test_csv_reads_into_pandas_with_types(hand_run: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    folder = _exported(hand_run, "csv", tmp_path / "csv")
    people = pd.read_csv(folder / "people.csv")
    mentions = pd.read_csv(folder / "mentions.csv")
    assert pd.api.types.is_integer_dtype(people["start_char"])
    assert pd.api.types.is_bool_dtype(mentions["is_convicted"].dropna().astype(bool))
    assert sorted(mentions["is_convicted"].dropna().unique().tolist()) == [False, True]


def test_parquet_offences_and_people(hand_run: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    folder = _exported(hand_run, "parquet", tmp_path / "parquet")
    offences = pq.read_table(folder / "offences.parquet")
    people = pq.read_table(folder / "people.parquet")
    assert [f.name for f in offences.schema] == [c.name for c in TABLES["offences"]]
    assert str(offences.schema.field("count").type) == "int32"
    assert str(people.schema.field("case_index").type) == "int32"
    assert _picked(offences.to_pylist(), OFFENCE_KEYS) == HAND_OFFENCES
    assert _picked(people.to_pylist(), PEOPLE_KEYS) == HAND_PEOPLE
    mentions = pq.read_table(folder / "mentions.parquet")
    assert str(mentions.schema.field("is_convicted").type) == "bool"


def test_duckdb_offences_people_and_the_comparison_in_sql(hand_run: Path, tmp_path: Path) -> None:
    import duckdb

    path = _exported(hand_run, "duckdb", tmp_path / "run.duckdb")
    with duckdb.connect(str(path), read_only=True) as connection:
        offences = connection.execute(
            f"SELECT {', '.join(OFFENCE_KEYS)} FROM offences ORDER BY rowid"
        ).fetchall()
        people = connection.execute(
            f"SELECT {', '.join(PEOPLE_KEYS)} FROM people ORDER BY rowid"
        ).fetchall()
        taken = connection.execute(
            "SELECT c.offender, p.rule FROM cases c JOIN people p USING (doc_id, case_index) "
            "ORDER BY c.offender"
        ).fetchall()
        compared = connection.execute(COMPARE_SQL).fetchall()
    assert offences == HAND_OFFENCES
    assert people == HAND_PEOPLE
    assert taken[0] == ("Andrew Lane", "person.subject_of_sentence") and len(taken) == 4
    assert [tuple(float(v) if isinstance(v, float) else v for v in row) for row in compared] == [
        tuple(pytest.approx(v) if isinstance(v, float) else v for v in row)
        for row in COMPARE_SQL_ROWS
    ]
