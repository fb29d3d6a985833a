"""Every record courtfacts reads or writes, as pydantic models.

The data flow is ``SourceText`` (a read document) -> ``Mention`` (one stated
value with its provenance) -> ``CaseRecord`` (one offender) ->
``DocumentResult`` (one JSONL line). Normal forms follow the gold format:
ISO 8601 durations, ISO dates at the precision the text gives, and money as
an amount with an ISO 4217 currency code.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

_ISO_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

Format = Literal["pdf", "docx", "html", "xml", "text"]
SentenceKind = Literal[
    "custody", "suspended", "extended", "life", "death", "community", "fine", "other"
]
CaseKind = Literal[
    "custody", "suspended", "extended", "life", "death", "community", "fine", "other", "none"
]
OffenceCategory = Literal[
    "homicide",
    "death_by_driving",
    "violence",
    "robbery",
    "sexual_adult",
    "child_sexual_contact",
    "child_sexual_online",
    "child_sexual_images",
    "trafficking",
    "burglary_theft",
    "fraud",
    "drugs",
    "weapons",
    "driving",
    "damage",
    "public_order",
    "justice",
    "terrorism",
    "other",
]
PersonRole = Literal[
    "offender", "co-defendant", "victim", "judge", "counsel", "officer", "journalist", "other"
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def check_duration(value: str | None) -> str | None:
    """Validate an ISO 8601 duration in the gold form (``P4Y8M``).

    >>> check_duration("P4Y8M")
    'P4Y8M'
    >>> check_duration("P13M")
    Traceback (most recent call last):
    ValueError: months must be under 12 in 'P13M'
    """
    if value is None:
        return None
    match = _ISO_DURATION.match(value)
    if not match or value == "P":
        raise ValueError(f"not an ISO 8601 duration: {value!r}")
    if match.group(2) and int(match.group(2)) >= 12:
        raise ValueError(f"months must be under 12 in {value!r}")
    return value


def check_date(value: str | None) -> str | None:
    """Validate a date at stated precision (``2018``, ``2018-07``, ``2018-07-31``).

    >>> check_date("2018-13")
    Traceback (most recent call last):
    ValueError: no month 13 in '2018-13'
    """
    if value is None:
        return None
    match = _ISO_DATE.match(value)
    if not match:
        raise ValueError(f"not an ISO date: {value!r}")
    month, day = match.group(2), match.group(3)
    if month and not 1 <= int(month) <= 12:
        raise ValueError(f"no month {int(month)} in {value!r}")
    if day and not 1 <= int(day) <= 31:
        raise ValueError(f"no day {int(day)} in {value!r}")
    return value


def duration_days(value: str) -> float:
    """Approximate length of an ISO duration in days, for comparisons.

    >>> duration_days("P1Y6M")
    547.5
    """
    match = _ISO_DURATION.match(value)
    if not match:
        raise ValueError(f"not an ISO 8601 duration: {value!r}")
    years, months, days = (int(g or 0) for g in match.groups())
    return years * 365 + months * 365 / 12 + days


class Money(_Record):
    """An amount of money; ``amount`` is exact (Decimal), ``currency`` ISO 4217."""

    amount: Decimal
    currency: str = Field(pattern=r"^[A-Z]{3}$")

    @field_validator("amount")
    @classmethod
    def _non_negative(cls, value: Decimal) -> Decimal:
        if value < 0:
            raise ValueError("a sum of money cannot be negative")
        return value


# --------------------------------------------------------------------- input


class Segment(_Record):
    """A character range of the text and where it sits in the source."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = None
    paragraph: str | None = None


class DocumentMeta(_Record):
    """What a reader learns about a document besides its text."""

    source: str
    format: Format
    sha256: str
    title: str | None = None
    document_date: str | None = None
    neutral_citation: str | None = None
    court: str | None = None
    judgment_date: str | None = None
    parties: list[str] = []
    jurisdiction: str | None = None
    pages: int | None = None
    headers_removed: int = 0
    engine: str | None = None
    warnings: list[str] = []

    _dates = field_validator("document_date", "judgment_date")(check_date)


class SourceText(_Record):
    """One read document: its text, a map back to pages and paragraphs, and metadata."""

    doc_id: str
    kind: Format
    text: str
    segments: list[Segment] = []
    meta: DocumentMeta

    def locate(self, offset: int) -> Segment | None:
        """Return the segment holding a character offset, if any."""
        for segment in self.segments:
            if segment.start <= offset < segment.end:
                return segment
        return None


# ------------------------------------------------------------------ mentions


class SentenceValue(_Record):
    """A penalty imposed: its kind, term and, on appeal, its role.

    ``total_term`` is the whole custodial term the statement gives the case
    ("a total of 6 years", "13 years on each of three counts, consecutive":
    39 years); ``is_approximate`` marks a rounded term ("more than five years").
    """

    kind: SentenceKind
    term: str | None = None
    role: Literal["imposed", "original", "substituted"] = "imposed"
    total_term: str | None = None
    is_approximate: bool = False

    _term = field_validator("term")(check_duration)
    _total_term = field_validator("total_term")(check_duration)


class OffenceValue(_Record):
    """An offence the text states: its category, statute where cited, count where stated.

    ``is_convicted`` is False for an offence the text says was charged only,
    alleged, dismissed or acquitted: it is kept as a mention, never given to a case.
    """

    category: OffenceCategory
    name: str
    statute: str | None = None
    count: int | None = Field(default=None, ge=0)
    is_convicted: bool = True


class PersonValue(_Record):
    """A person the text names or describes, the role it gives them, and their age."""

    name: str
    role: PersonRole
    age: int | None = Field(default=None, ge=0, le=120)


class PaymentValue(_Record):
    """A number of payments made in the offending and/or their total."""

    count: int | None = Field(default=None, ge=0)
    total: Money | None = None


class _MentionBase(_Record):
    id: str
    text: str
    start_char: int = Field(ge=0)
    end_char: int = Field(ge=0)
    page: int | None = None
    paragraph: str | None = None
    sentence: str
    rule: str
    offender: str | None = None


class DurationMention(_MentionBase):
    kind: Literal["duration"] = "duration"
    value: str | None

    _value = field_validator("value")(check_duration)


class DateMention(_MentionBase):
    kind: Literal["date"] = "date"
    value: str | None

    _value = field_validator("value")(check_date)


class MoneyMention(_MentionBase):
    kind: Literal["money"] = "money"
    value: Money | None


class OffenceCountMention(_MentionBase):
    kind: Literal["offence_count"] = "offence_count"
    value: int | None = Field(ge=0)


class SentenceMention(_MentionBase):
    kind: Literal["sentence"] = "sentence"
    value: SentenceValue


class PaymentMention(_MentionBase):
    kind: Literal["payment"] = "payment"
    value: PaymentValue


class OffenceMention(_MentionBase):
    kind: Literal["offence"] = "offence"
    value: OffenceValue


class PersonMention(_MentionBase):
    kind: Literal["person"] = "person"
    value: PersonValue


Mention = Annotated[
    DurationMention
    | DateMention
    | MoneyMention
    | OffenceCountMention
    | SentenceMention
    | PaymentMention
    | OffenceMention
    | PersonMention,
    Field(discriminator="kind"),
]


# --------------------------------------------------------------------- cases


class CustodyEstimate(_Record):
    """Time in custody estimated from release rules, never stated by the text."""

    value: str
    rule: str
    source: str
    is_estimate: Literal[True] = True


class CaseRecord(_Record):
    """One offender sentenced, or reported as sentenced, in a document.

    ``evidence`` maps each filled field to the ids of the mentions it came from
    (``offences``: the offence mentions behind the categories; ``offender``:
    the person mentions that name them). A check that finds one field
    implausible never drops the record: the field is dropped or kept, and
    ``warnings`` says which check and why.
    """

    offender: str | None = None
    age: int | None = Field(default=None, ge=0, le=120)
    offence_count: int | None = Field(default=None, ge=0)
    sentence_kind: CaseKind | None = None
    custodial_term: str | None = None
    original_sentence: SentenceValue | None = None
    time_in_custody: str | None = None
    estimated_time_in_custody: CustodyEstimate | None = None
    payment_count: int | None = Field(default=None, ge=0)
    payment_total: Money | None = None
    offending_start: str | None = None
    offending_end: str | None = None
    sentence_date: str | None = None
    court: str | None = None
    neutral_citation: str | None = None
    offences: list[OffenceCategory] = []
    statutes: list[str] = []
    statutory_maximum: str | None = None
    term_share_of_maximum: float | None = Field(default=None, ge=0)
    evidence: dict[str, list[str]] = {}
    warnings: list[str] = []

    _durations = field_validator("custodial_term", "time_in_custody")(check_duration)
    _dates = field_validator("offending_start", "offending_end", "sentence_date")(check_date)

    @model_validator(mode="before")
    @classmethod
    def _flag_implausible(cls, data: object) -> object:
        """Drop or flag an implausible field, with a warning; never refuse the record.

        A term over one offence's maximum is kept and flagged (terms on several
        counts run consecutively pass it lawfully); an offending period that
        ends before it starts loses its end.
        """
        if not isinstance(data, dict):
            return data
        data = dict(data)
        warnings = list(data.get("warnings") or [])
        cap, term = data.get("statutory_maximum"), data.get("custodial_term")
        if cap and cap != "life" and term and _longer(term, cap):
            warnings.append(
                f"W310 custodial term {term} exceeds the statutory maximum {cap} of one offence"
                " (consecutive terms on several counts, or a misreading)"
            )
        start, end = data.get("offending_start"), data.get("offending_end")
        if (
            isinstance(start, str)
            and isinstance(end, str)
            and end[: len(start)] < start[: len(end)]
        ):
            warnings.append(
                f"W311 offending period ends ({end}) before it starts ({start}): end dropped"
            )
            data.pop("offending_end")
            evidence = dict(data.get("evidence") or {})
            evidence.pop("offending_end", None)
            data["evidence"] = evidence
        data["warnings"] = warnings
        return data


def _longer(term: object, cap: str) -> bool:
    try:
        return duration_days(str(term)) > duration_days(check_duration(cap) or "P0D")
    except ValueError:
        return False


# ------------------------------------------------------------------- output


class ErrorRecord(_Record):
    """A failure at one stage of one document, kept as data."""

    doc_id: str
    stage: Literal["read", "extract", "assemble", "write", "batch"]
    code: str
    message: str
    exception_type: str | None = None


class DocumentResult(_Record):
    """One line of ``documents.jsonl``: a document, its mentions, cases and errors."""

    doc_id: str
    status: Literal["ok", "error"]
    source: str
    meta: DocumentMeta | None = None
    characters: int = 0
    words: int = 0
    mentions: list[Mention] = []
    cases: list[CaseRecord] = []
    errors: list[ErrorRecord] = []
