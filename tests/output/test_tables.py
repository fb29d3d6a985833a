"""``export --to csv|parquet|duckdb``: typed tables of a run, read back as an analyst would.

A small run is made once per module with ``courtfacts extract`` over text
files written here (three reports and a zero-byte file), then exported to
each format through the CLI and read back with the csv module, pyarrow and
duckdb. Row counts are checked against ``documents.jsonl`` itself, so the
tests hold whatever the extractor finds; column types are checked against
an expected table written out here, apart from ``tables.TABLES``. The
``offences`` and ``people`` tables of a hand-made run are read back in
``test_tables_offences.py``.

Groups:
    DEV: behaviour the exports have and must keep.
    HELD_OUT: none; the exports hold no tuned rules.
    BUGS_CAUGHT: none yet; add any bug found here, named by its origin.
"""

from __future__ import annotations

import csv
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import TypeAdapter
from typer.testing import CliRunner

from courtfacts.cli import app
from courtfacts.models import DocumentResult, Mention
from courtfacts.output import exports
from courtfacts.output.jsonl import read_jsonl
from courtfacts.output.tables import TABLES, day_of, table_rows, value_text

runner = CliRunner()

# fmt: off
REPORTS = {
    "smith.txt": (
        "John Smith, 45, was jailed for four years and eight months on 3 May 2021. "
        "He made 12 payments totalling £4,500.\n"
    ),
    "jones.txt": (
        "Mary Jones, 52, admitted three counts of fraud committed between January 2019 "
        "and March 2020.\n\nShe was given a suspended sentence of 18 months.\n"
    ),
    "reed.txt": "Carl Reed, 37, was fined £1,250.50 for stealing from his employer.\n",
}

SQL_TYPES = {
    "string": "VARCHAR", "int32": "INTEGER", "int64": "BIGINT", "float64": "DOUBLE",
    "decimal": "DECIMAL(18,4)", "date": "DATE", "bool": "BOOLEAN",
}

# (column, expected type) spot checks, named so a failure reads plainly.
TYPED = [
    ("cases", "age", "int32"),
    ("cases", "custodial_term_days", "float64"),
    ("cases", "payment_count", "int32"),
    ("cases", "payment_amount", "decimal"),
    ("cases", "sentence_date_day", "date"),
    ("mentions", "start_char", "int64"),
    ("mentions", "amount", "decimal"),
    ("mentions", "date_day", "date"),
    ("documents", "pages", "int32"),
    ("documents", "characters", "int64"),
    ("cases", "term_share_of_maximum", "float64"),
    ("cases", "statutory_maximum_days", "float64"),
    ("offences", "case_index", "int32"),
    ("offences", "count", "int32"),
    ("people", "age", "int32"),
    ("people", "case_index", "int32"),
    ("people", "start_char", "int64"),
    ("mentions", "is_convicted", "bool"),
    ("mentions", "person_age", "int32"),
]

DEV_VALUE_TEXT = [
    ({"kind": "duration", "value": "P4Y8M"}, "P4Y8M"),
    ({"kind": "duration", "value": None}, None),
    ({"kind": "date", "value": "2021-05"}, "2021-05"),
    ({"kind": "money", "value": {"amount": "4.5E+3", "currency": "GBP"}}, "4500 GBP"),
    ({"kind": "offence_count", "value": 3}, "3"),
    ({"kind": "sentence", "value": {"kind": "custody", "term": "P4Y8M"}}, "custody P4Y8M"),
    ({"kind": "sentence", "value": {"kind": "fine"}}, "fine"),
    ({"kind": "payment", "value": {"count": 12, "total": {"amount": "4500", "currency": "GBP"}}},
     "12 payments; 4500 GBP"),
    ({"kind": "payment", "value": {"count": 12}}, "12 payments"),
    ({"kind": "offence", "value": {"category": "fraud", "name": "false accounting"}},
     "fraud: false accounting"),
    ({"kind": "offence", "value": {"category": "robbery", "name": "robbery", "is_convicted": False}},
     "robbery: robbery (not convicted)"),
    ({"kind": "person", "value": {"name": "Jane Roe", "role": "offender", "age": 41}},
     "Jane Roe, 41 (offender)"),
    ({"kind": "person", "value": {"name": "Ann Lee", "role": "journalist"}}, "Ann Lee (journalist)"),
]

DEV_DAY_OF = [
    ("2021-05-03", date(2021, 5, 3)),
    ("2021-05", None),
    ("2021", None),
    ("2021-02-30", None),
    (None, None),
]

# fmt: on


def _arrow_type(logical: str):
    import pyarrow as pa

    return {
        "string": pa.string(),
        "int32": pa.int32(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "decimal": pa.decimal128(18, 4),
        "date": pa.date32(),
        "bool": pa.bool_(),
    }[logical]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``extract`` once over three reports and an empty file; the documents.jsonl path."""
    root = tmp_path_factory.mktemp("tables")
    folder = root / "in"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(folder), "-o", str(root / "out"), "--quiet"])
    assert result.exit_code == 1, result.output  # the empty file fails, the rest are ok
    return root / "out" / "documents.jsonl"


@pytest.fixture(scope="module")
def results(run: Path) -> list[DocumentResult]:
    return list(read_jsonl(run))


@pytest.fixture(scope="module")
def expected_counts(results: list[DocumentResult]) -> dict[str, int]:
    """Rows each table must have, counted from documents.jsonl."""
    return {
        "documents": len(results),
        "cases": sum(len(r.cases) for r in results),
        "offences": sum(len(table_rows(r)["offences"]) for r in results),
        "people": sum(1 for r in results for m in r.mentions if m.kind == "person"),
        "mentions": sum(len(r.mentions) for r in results),
        "errors": sum(len(r.errors) for r in results),
    }


def _export(run: Path, to: str, out: Path):
    return runner.invoke(app, ["export", str(run.parent), "--to", to, "-o", str(out)])


def _exported(run: Path, to: str, out: Path) -> Path:
    result = _export(run, to, out)
    assert result.exit_code == 0, result.output
    return out


# ------------------------------------------------------------------- rows


def test_the_run_has_cases_mentions_and_an_error(expected_counts: dict[str, int]) -> None:
    assert expected_counts["documents"] == len(REPORTS) + 1
    assert expected_counts["cases"] >= len(REPORTS)
    assert expected_counts["mentions"] > expected_counts["cases"]
    assert expected_counts["errors"] == 1


@pytest.mark.parametrize("table", list(TABLES))
def test_rows_have_exactly_the_schema_columns(
    results: list[DocumentResult], offence_results: list[DocumentResult], table: str
) -> None:
    names = [column.name for column in TABLES[table]]
    rows = [row for result in results + offence_results for row in table_rows(result)[table]]
    assert rows, table
    assert all(list(row) == names for row in rows)


@pytest.mark.parametrize(
    ("mention", "text"), DEV_VALUE_TEXT, ids=[f"{m['kind']}-{t}" for m, t in DEV_VALUE_TEXT]
)
def test_value_text_is_the_normal_form_of_any_kind(mention: dict, text: str | None) -> None:
    fields = {"id": "m0", "text": "x", "start_char": 0, "end_char": 1, "sentence": "x", "rule": "r"}
    parsed = TypeAdapter(Mention).validate_python({**fields, **mention})
    assert value_text(parsed) == text


@pytest.mark.parametrize(("iso", "day"), DEV_DAY_OF, ids=[str(iso) for iso, _ in DEV_DAY_OF])
def test_a_typed_day_only_when_the_text_gives_a_real_day(iso: str | None, day: date | None) -> None:
    assert day_of(iso) == day


# -------------------------------------------------------------------- csv


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_tables_have_a_header_and_one_line_per_row(
    run: Path, expected_counts: dict[str, int], tmp_path: Path
) -> None:
    folder = _exported(run, "csv", tmp_path / "csv")
    for table, columns in TABLES.items():
        with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == [column.name for column in columns]
        assert len(_read_csv(folder / f"{table}.csv")) == expected_counts[table], table


def test_csv_values_are_plain_text_and_nulls_empty(run: Path, tmp_path: Path) -> None:
    folder = _exported(run, "csv", tmp_path / "csv")
    smith = next(row for row in _read_csv(folder / "cases.csv") if row["offender"] == "John Smith")
    assert (smith["age"], smith["custodial_term"]) == ("45", "P4Y8M")
    assert float(smith["custodial_term_days"]) == pytest.approx(4 * 365 + 8 * 365 / 12)
    assert (smith["payment_count"], smith["payment_amount"]) == ("12", "4500")
    assert smith["time_in_custody"] == ""
    amounts = {
        row["amount"] for row in _read_csv(folder / "mentions.csv") if row["kind"] == "money"
    }
    assert "1250.50" in amounts or "1250.5" in amounts


def test_csv_documents_keep_the_failed_file_with_its_code(run: Path, tmp_path: Path) -> None:
    folder = _exported(run, "csv", tmp_path / "csv")
    empty = next(row for row in _read_csv(folder / "documents.csv") if row["doc_id"] == "empty")
    assert (empty["status"], empty["error_stage"], empty["error_code"]) == ("error", "read", "E109")
    assert [row["code"] for row in _read_csv(folder / "errors.csv")] == ["E109"]


def test_csv_reads_into_pandas_with_numeric_columns(run: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    folder = _exported(run, "csv", tmp_path / "csv")
    cases = pd.read_csv(folder / "cases.csv")
    assert pd.api.types.is_numeric_dtype(cases["age"])
    assert pd.api.types.is_float_dtype(cases["custodial_term_days"])


# ---------------------------------------------------------------- parquet


def test_parquet_schemas_are_the_declared_types(run: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    folder = _exported(run, "parquet", tmp_path / "parquet")
    for table, columns in TABLES.items():
        schema = pq.read_schema(folder / f"{table}.parquet")
        assert schema.names == [column.name for column in columns]
        for column in columns:
            assert schema.field(column.name).type == _arrow_type(column.type), (table, column)


@pytest.mark.parametrize(
    ("table", "column", "logical"), TYPED, ids=[f"{t}.{c}" for t, c, _ in TYPED]
)
def test_parquet_spot_types(
    run: Path, tmp_path: Path, table: str, column: str, logical: str
) -> None:
    import pyarrow.parquet as pq

    folder = _exported(run, "parquet", tmp_path / "parquet")
    assert pq.read_schema(folder / f"{table}.parquet").field(column).type == _arrow_type(logical)


def test_parquet_rows_and_values_match_the_run(
    run: Path, results: list[DocumentResult], expected_counts: dict[str, int], tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    folder = _exported(run, "parquet", tmp_path / "parquet")
    tables = {name: pq.read_table(folder / f"{name}.parquet") for name in TABLES}
    assert {name: table.num_rows for name, table in tables.items()} == expected_counts
    mentions = tables["mentions"].to_pylist()
    money = [m.value.amount for r in results for m in r.mentions if m.kind == "money" and m.value]
    assert [row["amount"] for row in mentions if row["kind"] == "money"] == money
    smith = next(row for row in tables["cases"].to_pylist() if row["offender"] == "John Smith")
    assert (smith["age"], smith["payment_amount"]) == (45, Decimal(4500))


# ----------------------------------------------------------------- duckdb


def test_duckdb_counts_match_the_run(
    run: Path, expected_counts: dict[str, int], tmp_path: Path
) -> None:
    import duckdb

    path = _exported(run, "duckdb", tmp_path / "run.duckdb")
    with duckdb.connect(str(path), read_only=True) as connection:
        for table, count in expected_counts.items():
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (count,)


def test_duckdb_columns_have_the_declared_sql_types(run: Path, tmp_path: Path) -> None:
    import duckdb

    path = _exported(run, "duckdb", tmp_path / "run.duckdb")
    with duckdb.connect(str(path), read_only=True) as connection:
        for table, columns in TABLES.items():
            described = connection.execute(f"DESCRIBE {table}").fetchall()
            types = {name: sql.replace(" ", "") for name, sql, *_ in described}
            assert types == {column.name: SQL_TYPES[column.type] for column in columns}, table


def test_duckdb_answers_analysts_queries(run: Path, tmp_path: Path) -> None:
    import duckdb

    path = _exported(run, "duckdb", tmp_path / "run.duckdb")
    with duckdb.connect(str(path), read_only=True) as connection:
        smith = connection.execute(
            "SELECT age, custodial_term_days, payment_amount FROM cases WHERE offender = 'John Smith'"
        ).fetchall()
        failed = connection.execute(
            "SELECT d.doc_id, e.code FROM documents d JOIN errors e USING (doc_id) "
            "WHERE d.status = 'error'"
        ).fetchall()
        days = connection.execute(
            "SELECT date_day FROM mentions WHERE kind = 'date' AND date_precision = 'day'"
        ).fetchall()
    assert smith == [(45, pytest.approx(1703.33, abs=0.01), Decimal(4500))]
    assert failed == [("empty", "E109")]
    assert date(2021, 5, 3) in {day for (day,) in days}


def test_duckdb_export_again_replaces_the_tables(
    run: Path, expected_counts: dict[str, int], tmp_path: Path
) -> None:
    import duckdb

    path = _exported(run, "duckdb", tmp_path / "run.duckdb")
    _exported(run, "duckdb", path)
    with duckdb.connect(str(path), read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM cases").fetchone() == (
            expected_counts["cases"],
        )


def test_duckdb_export_that_fails_leaves_the_tables_as_they_were(
    run: Path, results: list[DocumentResult], expected_counts: dict[str, int], tmp_path: Path
) -> None:
    import duckdb

    path = _exported(run, "duckdb", tmp_path / "run.duckdb")

    def broken():
        yield from results[:1]
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        exports.export_tables(broken(), "duckdb", path)
    with duckdb.connect(str(path), read_only=True) as connection:
        count = connection.execute("SELECT count(*) FROM documents").fetchone()
    assert count == (expected_counts["documents"],)


# ------------------------------------------------------- batches and misuse


@pytest.mark.parametrize("to", ["parquet", "duckdb"])
def test_small_batches_give_the_same_rows(
    run: Path,
    expected_counts: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    to: str,
) -> None:
    monkeypatch.setattr(exports, "BATCH_ROWS", 2)
    out = tmp_path / f"run.{to}"
    counts = exports.export_tables(read_jsonl(run), to, out)
    assert counts == expected_counts


@pytest.mark.parametrize("to", ["parquet", "duckdb"])
def test_a_missing_package_exits_2_naming_the_extra(
    run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, to: str
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    out = tmp_path / "out"
    result = _export(run, to, out)
    assert result.exit_code == 2
    assert "pyarrow" in result.output and "courtfacts[analysis]" in result.output
    assert not out.exists()


# fmt: off
MISUSE = [
    ("duckdb", "folder", "is a folder"),
    ("csv", "file", "is a file"),
    ("parquet", "file", "is a file"),
    ("xlsx", "folder", "unknown export format"),
]
# fmt: on


@pytest.mark.parametrize(("to", "kind", "message"), MISUSE, ids=[f"{t}-{k}" for t, k, _ in MISUSE])
def test_misuse_exits_2(run: Path, tmp_path: Path, to: str, kind: str, message: str) -> None:
    out = tmp_path / "dest"
    if kind == "folder":
        out.mkdir()
    else:
        out.write_text("", encoding="utf-8")
    result = _export(run, to, out)
    assert result.exit_code == 2
    assert message in result.output


def test_gold_export_still_writes_one_file_per_ok_document(run: Path, tmp_path: Path) -> None:
    folder = _exported(run, "gold", tmp_path / "gold")
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        f"{Path(name).stem}.gold.json" for name in REPORTS
    )
