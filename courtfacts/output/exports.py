"""Write the tables of ``output.tables`` as CSV files, Parquet files or a DuckDB database.

Every writer streams: results are read once, one at a time, and Parquet and
DuckDB rows are handed on in batches of ``BATCH_ROWS``, so memory stays flat
however large the run. Column types come from ``table_schema.TABLES``:

========  ==========  ==============  =================
logical   CSV         Parquet/Arrow   DuckDB
========  ==========  ==============  =================
string    text        string          VARCHAR
int32     digits      int32           INTEGER
int64     digits      int64           BIGINT
float64   digits      float64         DOUBLE
decimal   exact text  decimal(18, 4)  DECIMAL(18, 4)
date      YYYY-MM-DD  date32          DATE
bool      true/false  bool            BOOLEAN
========  ==========  ==============  =================

A null is an empty CSV field. Decimal amounts are exact in CSV; in Parquet and
DuckDB they are held to four places (every ISO 4217 minor unit fits), and an
amount of 10**14 or more, which no sentence has, becomes null there (the
mention's ``value_text`` keeps it). pyarrow and duckdb come with the
``analysis`` extra; a missing one is reported before anything is written.
"""

from __future__ import annotations

import csv
import importlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Protocol

from courtfacts.models import DocumentResult
from courtfacts.output.table_schema import TABLES, Column, Row
from courtfacts.output.tables import table_rows

TABLE_FORMATS = ("csv", "parquet", "duckdb")
EXTRA = "analysis"
BATCH_ROWS = 10_000
DECIMAL_PRECISION, DECIMAL_SCALE = 18, 4

_NEEDS = {"csv": (), "parquet": ("pyarrow",), "duckdb": ("duckdb", "pyarrow")}
_SQL_TYPES = {
    "string": "VARCHAR",
    "int32": "INTEGER",
    "int64": "BIGINT",
    "float64": "DOUBLE",
    "decimal": f"DECIMAL({DECIMAL_PRECISION}, {DECIMAL_SCALE})",
    "date": "DATE",
    "bool": "BOOLEAN",
}
_QUANTUM = Decimal(1).scaleb(-DECIMAL_SCALE)
_DECIMAL_LIMIT = Decimal(10) ** (DECIMAL_PRECISION - DECIMAL_SCALE)


class MissingExtraError(ImportError):
    """An export format needs a package that is not installed."""


class _Sink(Protocol):
    def write(self, rows: list[Row]) -> None: ...

    def close(self) -> None: ...


def require(to: str) -> None:
    """Fail fast when a table format is unknown or its packages are missing.

    Raises:
        ValueError: ``to`` is not one of ``TABLE_FORMATS``.
        MissingExtraError: a package the format needs cannot be imported; the
            message names the extra that installs it.
    """
    if to not in TABLE_FORMATS:
        raise ValueError(f"unknown table format {to!r} (known: {', '.join(TABLE_FORMATS)})")
    missing = []
    for name in _NEEDS[to]:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        raise MissingExtraError(
            f"--to {to} needs {' and '.join(missing)}, which is not installed: "
            f"pip install 'courtfacts[{EXTRA}]'"
        )


def check_destination(to: str, path: Path) -> None:
    """Fail fast when ``path`` cannot take a ``to`` export (a folder for a file or the reverse).

    Raises:
        ValueError: the destination is of the wrong kind.
    """
    if to == "duckdb" and path.is_dir():
        raise ValueError(f"{path} is a folder; --to duckdb writes a database file")
    if to != "duckdb" and path.exists() and not path.is_dir():
        raise ValueError(f"{path} is a file; --to {to} writes a folder of tables")


def export_tables(results: Iterable[DocumentResult], to: str, path: Path) -> dict[str, int]:
    """Write the tables of a run in one pass over its results.

    Args:
        results: the run's results, for instance ``read_jsonl(path)``.
        to: ``csv`` or ``parquet`` (a folder of NAME.csv or NAME.parquet files,
            one per table) or ``duckdb`` (a database file; its courtfacts
            tables are replaced in one transaction).
        path: the folder or database file.

    Returns:
        The number of rows written to each table, by table name.
    """
    require(to)
    check_destination(to, path)
    counts = dict.fromkeys(TABLES, 0)
    with _OPENERS[to](path) as sinks:
        for result in results:
            for name, rows in table_rows(result).items():
                sinks[name].write(rows)
                counts[name] += len(rows)
    return counts


# ---------------------------------------------------------------------- csv


class _CsvSink:
    """One CSV file: a header row of column names, then one line per row."""

    def __init__(self, path: Path, columns: tuple[Column, ...]) -> None:
        self._names = [column.name for column in columns]
        self._handle = path.open("w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._handle)
        self._writer.writerow(self._names)

    def write(self, rows: list[Row]) -> None:
        self._writer.writerows([[_csv_cell(row[name]) for name in self._names] for row in rows])

    def close(self) -> None:
        self._handle.close()


def _csv_cell(value: Any) -> Any:
    """Decimals in plain notation (``4500``, never ``4.5E+3``), and text that a spreadsheet
    would run as a formula (``=HYPERLINK(...)`` in a document) quoted with a leading ``'``.

    >>> _csv_cell(Decimal("4.5E+3")), _csv_cell("=1+1"), _csv_cell("-5 years"), _csv_cell(-5)
    ('4500', "'=1+1", "'-5 years", -5)
    >>> _csv_cell(True), _csv_cell(False)
    ('true', 'false')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS:
        return "'" + value
    return value


_FORMULA_STARTS = frozenset("=+-@\t\r")


@contextmanager
def _open_csv(folder: Path) -> Iterator[dict[str, _Sink]]:
    folder.mkdir(parents=True, exist_ok=True)
    sinks: dict[str, _Sink] = {}
    try:
        for name, columns in TABLES.items():
            sinks[name] = _CsvSink(folder / f"{name}.csv", columns)
        yield sinks
    finally:
        for sink in sinks.values():
            sink.close()


# -------------------------------------------------------------------- arrow


def arrow_schema(columns: tuple[Column, ...]) -> Any:
    """The ``pyarrow.Schema`` of a table, each field described in its metadata."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "int32": pa.int32(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
        "date": pa.date32(),
        "bool": pa.bool_(),
    }
    return pa.schema(
        [pa.field(c.name, types[c.type], metadata={"description": c.doc}) for c in columns]
    )


def _fixed(amount: Decimal | None) -> Decimal | None:
    """An amount at the fixed scale of the typed column, or None when it does not fit.

    >>> _fixed(Decimal("48600.5")), _fixed(Decimal("1E+20"))
    (Decimal('48600.5000'), None)
    """
    if amount is None or abs(amount) >= _DECIMAL_LIMIT:
        return None
    try:
        return amount.quantize(_QUANTUM)
    except InvalidOperation:
        return None


def arrow_table(rows: list[Row], columns: tuple[Column, ...]) -> Any:
    """Rows as a ``pyarrow.Table`` with the explicit schema of their table."""
    import pyarrow as pa

    schema = arrow_schema(columns)
    arrays = []
    for column, field in zip(columns, schema):
        values = [row[column.name] for row in rows]
        if column.type == "decimal":
            values = [_fixed(value) for value in values]
        arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


class _BatchSink:
    """Buffers the rows of one table and hands them on as Arrow tables of BATCH_ROWS rows."""

    def __init__(self, columns: tuple[Column, ...], flush: Callable[[Any], None]) -> None:
        self._columns = columns
        self._flush = flush
        self._rows: list[Row] = []

    def write(self, rows: list[Row]) -> None:
        self._rows.extend(rows)
        if len(self._rows) >= BATCH_ROWS:
            self.drain()

    def drain(self) -> None:
        """Hand on the buffered rows now."""
        if self._rows:
            self._flush(arrow_table(self._rows, self._columns))
            self._rows = []

    def close(self) -> None:
        self.drain()


@contextmanager
def _open_parquet(folder: Path) -> Iterator[dict[str, _Sink]]:
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    writers = {
        name: pq.ParquetWriter(folder / f"{name}.parquet", arrow_schema(columns))
        for name, columns in TABLES.items()
    }
    sinks = {name: _BatchSink(TABLES[name], writer.write_table) for name, writer in writers.items()}
    try:
        yield sinks
        for sink in sinks.values():
            sink.close()
    finally:
        for writer in writers.values():
            writer.close()


# ------------------------------------------------------------------- duckdb


def create_table_sql(name: str, columns: tuple[Column, ...]) -> list[str]:
    """SQL that (re)creates one table with its column types and comments."""
    body = ", ".join(f'"{c.name}" {_SQL_TYPES[c.type]}' for c in columns)
    statements = [f'CREATE OR REPLACE TABLE "{name}" ({body})']
    for column in columns:
        doc = column.doc.replace("'", "''")
        statements.append(f'COMMENT ON COLUMN "{name}"."{column.name}" IS \'{doc}\'')
    return statements


def _inserter(connection: Any, name: str) -> Callable[[Any], None]:
    def insert(batch: Any) -> None:
        connection.register("_courtfacts_batch", batch)
        connection.execute(f'INSERT INTO "{name}" SELECT * FROM _courtfacts_batch')
        connection.unregister("_courtfacts_batch")

    return insert


@contextmanager
def _open_duckdb(path: Path) -> Iterator[dict[str, _Sink]]:
    import duckdb

    path.parent.mkdir(parents=True, exist_ok=True)
    connection = duckdb.connect(str(path))
    try:
        connection.execute("BEGIN TRANSACTION")
        for name, columns in TABLES.items():
            for statement in create_table_sql(name, columns):
                connection.execute(statement)
        sinks = {
            name: _BatchSink(columns, _inserter(connection, name))
            for name, columns in TABLES.items()
        }
        try:
            yield sinks
            for sink in sinks.values():
                sink.close()
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    finally:
        connection.close()


_OPENERS: dict[str, Callable[[Path], Any]] = {
    "csv": _open_csv,
    "parquet": _open_parquet,
    "duckdb": _open_duckdb,
}
