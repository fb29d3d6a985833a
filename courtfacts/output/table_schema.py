"""The one schema of the exported tables: each column's name, logical type and meaning.

``output.tables`` builds the rows, ``output.exports`` writes them; the CSV,
Parquet and DuckDB writers all take their column types from ``TABLES``. Six
tables, joined on ``doc_id``: ``documents``, ``cases`` (``case_index``),
``offences`` (one row per case and offence, joined to ``cases`` on
``doc_id, case_index``), ``people`` (one row per person mention),
``mentions`` (``mention_id``; ``cases.evidence`` lists these ids) and
``errors``.
"""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

ColumnType = Literal["string", "int32", "int64", "float64", "decimal", "date", "bool"]
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
    ("offences", "string", "offence categories of the case, sorted, joined by '; ' (see offences)"),
    ("statutes", "string", "ids of the statutes of its offences, joined by '; '"),
    ("statutory_maximum", "string", "maximum of its most serious offence: ISO 8601 or 'life'"),
    ("statutory_maximum_days", "float64", "statutory_maximum in days (null for life)"),
    ("term_share_of_maximum", "float64", "custodial term / statutory maximum (1.0: the maximum)"),
    ("warnings", "string", "JSON array: checks that found a field implausible (W310 ...)"),
    ("evidence", "string", "JSON object: field name -> ids of the mentions it came from"),
)

OFFENCES = _columns(
    ("doc_id", "string", "document the case is in"),
    ("case_index", "int32", "the case (cases.case_index)"),
    ("category", "string", "offence category, one of 19 codes (GOLD_FORMAT.md)"),
    ("name", "string", "offence as named, normalised (null when no mention backs the category)"),
    ("text", "string", "the words of the document that state the offence"),
    ("statute", "string", "statute cited for it, as written"),
    ("count", "int32", "number of counts or offences of it, where stated"),
    ("mention_id", "string", "the offence mention (mentions.mention_id)"),
)

PEOPLE = _columns(
    ("doc_id", "string", "document the person is found in"),
    ("mention_id", "string", "the person mention (mentions.mention_id)"),
    ("name", "string", "name or description (\"the defendant\", \"DN\")"),
    ("role", "string", "offender, co-defendant, victim, judge, counsel, officer, journalist, other"),
    ("age", "int32", "age stated with the person"),
    ("rule", "string", "id of the rule that found the person"),
    ("text", "string", "the words of the document, as found"),
    ("start_char", "int64", "start offset in the document text"),
    ("end_char", "int64", "end offset in the document text (exclusive)"),
    ("page", "int32", "page number (PDF)"),
    ("case_index", "int32", "the case this person was taken as offender for, else null"),
)

_MENTION_SPAN = _columns(
    ("doc_id", "string", "document the mention is in"),
    ("mention_id", "string", "mention id, unique within its document (cases.evidence uses it)"),
    ("kind", "string", "duration, date, money, offence_count, sentence, payment, offence or person"),
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
    ("count", "int32", "offence_count, offence: number of offences"),
    ("sentence_kind", "string", "sentence: custody, suspended, community, fine, ..."),
    ("term_iso", "string", "sentence: term, ISO 8601"),
    ("term_days", "float64", "sentence: term in days (approximate)"),
    ("role", "string", "sentence: imposed, original or substituted (appeals)"),
    ("payment_count", "int32", "payment: number of payments"),
    ("payment_amount", "decimal", "payment: their total"),
    ("payment_currency", "string", "payment: currency of the total, ISO 4217"),
    ("offence_category", "string", "offence: category code"),
    ("offence_name", "string", "offence: the offence as named, normalised"),
    ("statute", "string", "offence: statute cited, as written"),
    ("is_convicted", "bool", "offence: false when only charged, alleged, dismissed or acquitted"),
    ("person_name", "string", "person: name or description"),
    ("person_role", "string", "person: offender, co-defendant, victim, judge, counsel, ..."),
    ("person_age", "int32", "person: age"),
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
    "offences": OFFENCES,
    "people": PEOPLE,
    "mentions": MENTIONS,
    "errors": ERRORS,
}
VALUE_COLUMNS = tuple(column.name for column in _MENTION_VALUES)
