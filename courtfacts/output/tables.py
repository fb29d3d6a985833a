"""Flat, typed tables of a run for pandas, R and DuckDB users.

A run becomes six tables, joined on ``doc_id``: ``documents`` (one row per
input file, errors included), ``cases`` (one row per offender), ``offences``
(one row per case and offence category, with the mention behind it),
``people`` (one row per person mention, with the case it named, if any),
``mentions`` (one row per mention, with its span and value columns) and
``errors`` (one row per error record). ``TABLES`` in ``output.table_schema``
is the one schema: each column has a logical type and a line of
documentation, and the CSV, Parquet and DuckDB writers in ``output.exports``
all take their column types from it.

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
from typing import Any

from courtfacts.models import (
    CaseRecord,
    DocumentResult,
    Mention,
    Money,
    OffenceMention,
    OffenceValue,
    PaymentValue,
    PersonMention,
    PersonValue,
    SentenceValue,
    duration_days,
)
from courtfacts.output.table_schema import TABLES, VALUE_COLUMNS, Column, Row

__all__ = ["TABLES", "Column", "Row", "table_rows", "value_text"]

_PRECISION = {4: "year", 7: "month", 10: "day"}


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
    payment ``12 payments; 4500 GBP``, an offence ``fraud: fraud by false
    representation``, a person ``Jane Roe, 41 (offender)``. None when the
    value did not parse.
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
    if isinstance(value, OffenceValue):
        return f"{value.category}: {value.name}" + (
            "" if value.is_convicted else " (not convicted)"
        )
    if isinstance(value, PersonValue):
        age = f", {value.age}" if value.age is not None else ""
        return f"{value.name}{age} ({value.role})"
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
    "offence": lambda value: {
        "offence_category": value.category,
        "offence_name": value.name,
        "statute": value.statute,
        "count": value.count,
        "is_convicted": value.is_convicted,
    },
    "person": lambda value: {
        "person_name": value.name,
        "person_role": value.role,
        "person_age": value.age,
    },
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
        "offences": "; ".join(case.offences) or None,
        "statutes": "; ".join(case.statutes) or None,
        "statutory_maximum": case.statutory_maximum,
        "statutory_maximum_days": _maximum_days(case.statutory_maximum),
        "term_share_of_maximum": case.term_share_of_maximum,
        "warnings": json.dumps(case.warnings, ensure_ascii=False),
        "evidence": json.dumps(case.evidence, ensure_ascii=False),
    }


def _maximum_days(maximum: str | None) -> float | None:
    return None if maximum in (None, "life") else days_of(maximum)


def offence_rows(result: DocumentResult) -> list[Row]:
    """The ``offences`` rows of one result: per case, one per offence mention behind its
    categories, then one without a mention for any category no mention gives."""
    by_id = {m.id: m for m in result.mentions if isinstance(m, OffenceMention)}
    rows: list[Row] = []
    for index, case in enumerate(result.cases):
        mentions = [by_id[i] for i in case.evidence.get("offences", []) if i in by_id]
        covered = set()
        for mention in mentions:
            value = mention.value
            covered.add(value.category)
            rows.append(_offence_row(result.doc_id, index, value.category, mention))
        for category in case.offences:
            if category not in covered:
                rows.append(_offence_row(result.doc_id, index, category, None))
    return rows


def _offence_row(doc_id: str, index: int, category: str, mention: OffenceMention | None) -> Row:
    value = mention.value if mention else None
    return {
        "doc_id": doc_id,
        "case_index": index,
        "category": category,
        "name": value.name if value else None,
        "text": mention.text if mention else None,
        "statute": value.statute if value else None,
        "count": value.count if value else None,
        "mention_id": mention.id if mention else None,
    }


def people_rows(result: DocumentResult) -> list[Row]:
    """The ``people`` rows of one result: one per person mention, with the case it named."""
    taken: dict[str, int] = {}
    for index, case in enumerate(result.cases):
        for mention_id in case.evidence.get("offender", []):
            taken.setdefault(mention_id, index)
    return [
        {
            "doc_id": result.doc_id,
            "mention_id": mention.id,
            "name": mention.value.name,
            "role": mention.value.role,
            "age": mention.value.age,
            "rule": mention.rule,
            "text": mention.text,
            "start_char": mention.start_char,
            "end_char": mention.end_char,
            "page": mention.page,
            "case_index": taken.get(mention.id),
        }
        for mention in result.mentions
        if isinstance(mention, PersonMention)
    ]


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
        **dict.fromkeys(VALUE_COLUMNS),
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
    "offences": offence_rows,
    "people": people_rows,
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


def case_offence_rows(results: Iterable[DocumentResult]) -> Iterator[Row]:
    """One ``offences`` row per case and offence of the results."""
    return (row for result in results for row in offence_rows(result))


def person_rows(results: Iterable[DocumentResult]) -> Iterator[Row]:
    """One ``people`` row per person mention of the results."""
    return (row for result in results for row in people_rows(result))


def mention_rows(results: Iterable[DocumentResult]) -> Iterator[Row]:
    """One ``mentions`` row per mention of the results."""
    return (row for result in results for row in _ROWS_OF["mentions"](result))


def error_rows(results: Iterable[DocumentResult]) -> Iterator[Row]:
    """One ``errors`` row per error record of the results."""
    return (row for result in results for row in _ROWS_OF["errors"](result))
