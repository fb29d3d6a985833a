"""Flat, typed tables of a run for pandas, R and DuckDB users.

A run becomes four tables, joined on ``doc_id``: ``documents`` (one row per
input file, errors included), ``cases`` (one row per offender), ``mentions``
(one row per mention, with its span and value columns) and ``errors`` (one
row per error record). ``TABLES`` is the one schema: each column has a
logical type and a line of documentation, and the CSV, Parquet and DuckDB
writers in ``output.exports`` all take their column types from it.

Dates keep the precision the text gives, so every date is an ISO string
(``2021``, ``2021-05`` or ``2021-05-03``) plus a companion ``*_day`` column of
type DATE, filled only when the string gives a day and null otherwise (never
a guessed first of the month). Durations are ISO 8601 strings plus ``*_days``,
an approximate length in days (a year is 365 days, a month 365/12) for
sorting and arithmetic. Money is an exact decimal amount beside its ISO 4217
currency.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal  # noqa: F401  (used by the doctests)
from typing import Any, Literal, NamedTuple

from courtfacts.models import (
    CaseRecord,
    DocumentResult,
    Mention,
    Money,
    PaymentValue,
    SentenceValue,
    duration_days,
)

ColumnType = Literal["string", "int32", "int64", "float64", "decimal", "date"]
Row = dict[str, Any]


class Column(NamedTuple):
    """One column of an exported table: its name, logical type and meaning."""

    name: str
    type: ColumnType
    doc: str


def _columns(*specs: tuple[str, ColumnType, str]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


# fmt: off
DOCUMENTS = _columns(
    ("doc_id", "string", "document id, unique within the run"),
    ("status", "string", "ok or error"),
    ("source", "string", "path of the input file"),
    ("format", "string", "pdf, docx, html, xml or text (null when unreadable)"),
    ("sha256", "string", "sha256 of the input file"),
    ("title", "string", "document title"),
    ("document_date", "string", "date of the document, ISO at stated precision"),
    ("document_date_day", "date", "document_date when it gives a day, else null"),
    ("judgment_date", "string", "date the judgment was handed down, ISO"),
    ("neutral_citation", "string", "neutral citation of the judgment"),
    ("court", "string", "court named by the document"),
    ("jurisdiction", "string", "jurisdiction of the court"),
    ("pages", "int32", "page count (PDF only)"),
    ("characters", "int64", "characters of extracted text"),
    ("words", "int64", "words of extracted text"),
    ("case_count", "int32", "rows of this document in cases"),
    ("mention_count", "int32", "rows of this document in mentions"),
    ("error_count", "int32", "rows of this document in errors"),
    ("error_stage", "string", "stage of the first error: read, extract, assemble, write"),
    ("error_code", "string", "code of the first error (E109 ...), see courtfacts/errors.py"),
    ("error_message", "string", "message of the first error"),
)

CASES = _columns(
    ("doc_id", "string", "document the case is in"),
    ("case_index", "int32", "position of the case in its document, from 0"),
    ("offender", "string", "name of the offender"),
    ("age", "int32", "age of the offender"),
    ("offence_count", "int32", "number of offences"),
    ("sentence_kind", "string", "custody, suspended, extended, life, community, fine, ..."),
    ("custodial_term", "string", "custodial term, ISO 8601 duration"),
    ("custodial_term_days", "float64", "custodial term in days (approximate)"),
    ("time_in_custody", "string", "time to be served in custody as stated, ISO 8601"),
    ("time_in_custody_days", "float64", "time_in_custody in days (approximate)"),
    ("estimated_time_in_custody", "string", "time in custody estimated from release rules, ISO"),
    ("estimated_time_in_custody_days", "float64", "the estimate in days (approximate)"),
    ("estimated_time_in_custody_rule", "string", "release rule the estimate applies"),
    ("original_sentence_kind", "string", "on appeal: kind of the sentence appealed against"),
    ("original_sentence_term", "string", "on appeal: term of the original sentence, ISO"),
    ("original_sentence_term_days", "float64", "original term in days (approximate)"),
    ("payment_count", "int32", "number of payments made in the offending"),
    ("payment_amount", "decimal", "total of those payments"),
    ("payment_currency", "string", "currency of payment_amount, ISO 4217"),
    ("offending_start", "string", "start of the offending period, ISO at stated precision"),
    ("offending_start_day", "date", "offending_start when it gives a day, else null"),
    ("offending_end", "string", "end of the offending period, ISO at stated precision"),
    ("offending_end_day", "date", "offending_end when it gives a day, else null"),
    ("sentence_date", "string", "date of sentence, ISO at stated precision"),
    ("sentence_date_day", "date", "sentence_date when it gives a day, else null"),
    ("court", "string", "sentencing court"),
    ("neutral_citation", "string", "neutral citation"),
    ("evidence", "string", "JSON object: field name -> ids of the mentions it came from"),
)

_MENTION_SPAN = _columns(
    ("doc_id", "string", "document the mention is in"),
    ("mention_id", "string", "mention id, unique within its document (cases.evidence uses it)"),
    ("kind", "string", "duration, date, money, offence_count, sentence or payment"),
    ("text", "string", "the words of the document, as found"),
    ("start_char", "int64", "start offset in the document text"),
    ("end_char", "int64", "end offset in the document text (exclusive)"),
    ("page", "int32", "page number (PDF)"),
    ("paragraph", "string", "paragraph number (judgments)"),
    ("sentence", "string", "the sentence the mention is in"),
    ("rule", "string", "id of the pattern that found it"),
    ("offender", "string", "offender the mention is attributed to"),
)
_MENTION_VALUES = _columns(
    ("value_text", "string", "normal form of the value as text, any kind; null if unparsed"),
    ("duration_iso", "string", "duration: ISO 8601"),
    ("duration_days", "float64", "duration: length in days (approximate)"),
    ("date_iso", "string", "date: ISO at stated precision"),
    ("date_precision", "string", "date: year, month or day"),
    ("date_day", "date", "date: as a DATE when it gives a day, else null"),
    ("amount", "decimal", "money: amount"),
    ("currency", "string", "money: ISO 4217 currency"),
    ("count", "int32", "offence_count: number of offences"),
    ("sentence_kind", "string", "sentence: custody, suspended, community, fine, ..."),
    ("term_iso", "string", "sentence: term, ISO 8601"),
    ("term_days", "float64", "sentence: term in days (approximate)"),
    ("role", "string", "sentence: imposed, original or substituted (appeals)"),
    ("payment_count", "int32", "payment: number of payments"),
    ("payment_amount", "decimal", "payment: their total"),
    ("payment_currency", "string", "payment: currency of the total, ISO 4217"),
)
MENTIONS = _MENTION_SPAN + _MENTION_VALUES

ERRORS = _columns(
    ("doc_id", "string", "document the error belongs to"),
    ("error_index", "int32", "position of the error in its document, from 0"),
    ("stage", "string", "read, extract, assemble or write"),
    ("code", "string", "stable code, see courtfacts/errors.py"),
    ("message", "string", "what went wrong"),
    ("exception_type", "string", "Python exception behind it, if any"),
)
# fmt: on

TABLES: dict[str, tuple[Column, ...]] = {
    "documents": DOCUMENTS,
    "cases": CASES,
    "mentions": MENTIONS,
    "errors": ERRORS,
}

_PRECISION = {4: "year", 7: "month", 10: "day"}
_VALUE_COLUMNS = tuple(column.name for column in _MENTION_VALUES)


# ------------------------------------------------------------------- values


def days_of(duration: str | None) -> float | None:
    """Approximate days of an ISO duration, or None.

    >>> days_of("P4Y8M"), days_of(None)
    (1703.3333333333333, None)
    """
    return None if duration is None else duration_days(duration)


def day_of(iso: str | None) -> date | None:
    """The date of an ISO string that gives a day; None for a year, a month or no such day.

    >>> day_of("2021-05-03"), day_of("2021-05"), day_of("2021-02-30")
    (datetime.date(2021, 5, 3), None, None)
    """
    if iso is None or len(iso) != 10:
        return None
    try:
        return date.fromisoformat(iso)
    except ValueError:
        return None


def precision_of(iso: str | None) -> str | None:
    """``year``, ``month`` or ``day``: how much of a date the text gave.

    >>> precision_of("2021"), precision_of("2021-05-03")
    ('year', 'day')
    """
    return None if iso is None else _PRECISION.get(len(iso))


def money_text(money: Money | None) -> str | None:
    """An amount and its currency as text, the amount in plain notation.

    >>> money_text(Money(amount=Decimal("4.5E+3"), currency="GBP"))
    '4500 GBP'
    """
    return None if money is None else f"{money.amount:f} {money.currency}"


def value_text(mention: Mention) -> str | None:
    """The normal form of a mention's value as one string, whatever its kind.

    Durations and dates are their ISO form, money ``4500 GBP``, an offence
    count its number, a sentence its kind and term (``custody P4Y8M``), a
    payment ``12 payments; 4500 GBP``. None when the value did not parse.
    """
    value = mention.value
    if value is None:
        return None
    if mention.kind in ("duration", "date", "offence_count"):
        return str(value)
    if mention.kind == "money":
        return money_text(value)
    if mention.kind == "sentence":
        return " ".join(part for part in (value.kind, value.term) if part)
    parts = [
        f"{value.count} payments" if value.count is not None else None,
        money_text(value.total),
    ]
    return "; ".join(part for part in parts if part) or None


def _money_columns(prefix: str, money: Money | None) -> Row:
    return {
        f"{prefix}amount": money.amount if money else None,
        f"{prefix}currency": money.currency if money else None,
    }


def _sentence_columns(value: SentenceValue) -> Row:
    return {
        "sentence_kind": value.kind,
        "term_iso": value.term,
        "term_days": days_of(value.term),
        "role": value.role,
    }


def _payment_columns(value: PaymentValue) -> Row:
    return {"payment_count": value.count, **_money_columns("payment_", value.total)}


_VALUE_OF_KIND: dict[str, Callable[[Any], Row]] = {
    "duration": lambda value: {"duration_iso": value, "duration_days": days_of(value)},
    "date": lambda value: {
        "date_iso": value,
        "date_precision": precision_of(value),
        "date_day": day_of(value),
    },
    "money": lambda value: _money_columns("", value),
    "offence_count": lambda value: {"count": value},
    "sentence": _sentence_columns,
    "payment": _payment_columns,
}


# --------------------------------------------------------------------- rows


def document_row(result: DocumentResult) -> Row:
    """The ``documents`` row of one result."""
    meta = result.meta
    first = result.errors[0] if result.errors else None
    return {
        "doc_id": result.doc_id,
        "status": result.status,
        "source": result.source,
        "format": meta.format if meta else None,
        "sha256": meta.sha256 if meta else None,
        "title": meta.title if meta else None,
        "document_date": meta.document_date if meta else None,
        "document_date_day": day_of(meta.document_date) if meta else None,
        "judgment_date": meta.judgment_date if meta else None,
        "neutral_citation": meta.neutral_citation if meta else None,
        "court": meta.court if meta else None,
        "jurisdiction": meta.jurisdiction if meta else None,
        "pages": meta.pages if meta else None,
        "characters": result.characters,
        "words": result.words,
        "case_count": len(result.cases),
        "mention_count": len(result.mentions),
        "error_count": len(result.errors),
        "error_stage": first.stage if first else None,
        "error_code": first.code if first else None,
        "error_message": first.message if first else None,
    }


def case_row(doc_id: str, index: int, case: CaseRecord) -> Row:
    """The ``cases`` row of one case record.

    Args:
        doc_id: id of the document the case is in.
        index: position of the case in the document's ``cases``.
        case: the case record.
    """
    estimate, original = case.estimated_time_in_custody, case.original_sentence
    original_term = original.term if original else None
    return {
        "doc_id": doc_id,
        "case_index": index,
        "offender": case.offender,
        "age": case.age,
        "offence_count": case.offence_count,
        "sentence_kind": case.sentence_kind,
        "custodial_term": case.custodial_term,
        "custodial_term_days": days_of(case.custodial_term),
        "time_in_custody": case.time_in_custody,
        "time_in_custody_days": days_of(case.time_in_custody),
        "estimated_time_in_custody": estimate.value if estimate else None,
        "estimated_time_in_custody_days": days_of(estimate.value) if estimate else None,
        "estimated_time_in_custody_rule": estimate.rule if estimate else None,
        "original_sentence_kind": original.kind if original else None,
        "original_sentence_term": original_term,
        "original_sentence_term_days": days_of(original_term),
        "payment_count": case.payment_count,
        **_money_columns("payment_", case.payment_total),
        "offending_start": case.offending_start,
        "offending_start_day": day_of(case.offending_start),
        "offending_end": case.offending_end,
        "offending_end_day": day_of(case.offending_end),
        "sentence_date": case.sentence_date,
        "sentence_date_day": day_of(case.sentence_date),
        "court": case.court,
        "neutral_citation": case.neutral_citation,
        "evidence": json.dumps(case.evidence, ensure_ascii=False),
    }


def mention_row(doc_id: str, mention: Mention) -> Row:
    """The ``mentions`` row of one mention: span, provenance and the value columns of its kind."""
    row: Row = {
        "doc_id": doc_id,
        "mention_id": mention.id,
        "kind": mention.kind,
        "text": mention.text,
        "start_char": mention.start_char,
        "end_char": mention.end_char,
        "page": mention.page,
        "paragraph": mention.paragraph,
        "sentence": mention.sentence,
        "rule": mention.rule,
        "offender": mention.offender,
        **dict.fromkeys(_VALUE_COLUMNS),
    }
    row["value_text"] = value_text(mention)
    if mention.value is not None:
        row.update(_VALUE_OF_KIND[mention.kind](mention.value))
    return row


def _error_rows(result: DocumentResult) -> list[Row]:
    return [
        {"doc_id": result.doc_id, "error_index": index, **error.model_dump(exclude={"doc_id"})}
        for index, error in enumerate(result.errors)
    ]


_ROWS_OF: dict[str, Callable[[DocumentResult], list[Row]]] = {
    "documents": lambda result: [document_row(result)],
    "cases": lambda result: [case_row(result.doc_id, i, c) for i, c in enumerate(result.cases)],
    "mentions": lambda result: [mention_row(result.doc_id, m) for m in result.mentions],
    "errors": _error_rows,
}


def table_rows(result: DocumentResult) -> dict[str, list[Row]]:
    """The rows one result adds to each table, by table name (the keys of ``TABLES``)."""
    return {name: rows_of(result) for name, rows_of in _ROWS_OF.items()}


def document_rows(results: Iterable[DocumentResult]) -> Iterator[Row]:
    """One ``documents`` row per result, failed documents included."""
    return (row for result in results for row in _ROWS_OF["documents"](result))


def case_rows(results: Iterable[DocumentResult]) -> Iterator[Row]:
    """One ``cases`` row per case record of the results."""
    return (row for result in results for row in _ROWS_OF["cases"](result))


def mention_rows(results: Iterable[DocumentResult]) -> Iterator[Row]:
    """One ``mentions`` row per mention of the results."""
    return (row for result in results for row in _ROWS_OF["mentions"](result))


def error_rows(results: Iterable[DocumentResult]) -> Iterator[Row]:
    """One ``errors`` row per error record of the results."""
    return (row for result in results for row in _ROWS_OF["errors"](result))
