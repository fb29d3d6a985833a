"""Calendar dates at the precision the text states (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``).

The common shapes ("12 December 2012", "Dec. 12, 2012", "01.12.1993",
"last July") are read by regular expressions, which is fast and
deterministic; anything else goes to dateparser, whose parser is built once
per reference date and date order. A day or month is never invented: a
month and year stay ``YYYY-MM``. A date without its year takes it from the
``reference`` date (usually the document date); bare relative words
("today", "last year", "Thursday") are not dates. Calendar words come from
the ``time_words`` lexicon.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from courtfacts.patterns import load_lexicon

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_MAX_LENGTH = 60
_ORDINAL = r"(?:\s*(?:st|nd|rd|th))?"
_TIME = r"(?:[t ,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?"
_ISO = re.compile(rf"(\d{{4}})-(\d{{1,2}})(?:-(\d{{1,2}}){_TIME})?", re.ASCII)
_YEAR = re.compile(r"(\d{4})", re.ASCII)
_YEAR_FIRST = re.compile(rf"(\d{{4}})([./])(\d{{1,2}})\2(\d{{1,2}}){_TIME}", re.ASCII)
_NUMERIC = re.compile(
    rf"(\d{{1,2}})\s*([./-])\s*(\d{{1,2}})\s*\2\s*(\d{{4}}|\d{{2}}){_TIME}", re.ASCII
)
_REFERENCE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
_MONTH_YEAR_NUMERIC = re.compile(r"(\d{1,2})[./-](\d{4})", re.ASCII)
_DIGIT_RANGE = re.compile(r"\d\s*[-\u2013\u2014/]\s*\d", re.ASCII)
_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)", re.ASCII)
_DAY_RELATIVE_YEAR = re.compile(r"(.*?\d.*?),?\s+(?:of\s+)?(last|this|next)\s+year", re.ASCII)


@dataclass(frozen=True)
class _Calendar:
    months: dict[str, int]
    holidays: dict[str, tuple[int, int]]
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    month_year: re.Pattern[str]
    month_relative: re.Pattern[str]
    holiday: re.Pattern[str]
    lead: re.Pattern[str]
    relative: re.Pattern[str]
    month_word: re.Pattern[str]


def _alternation(words: list[str] | dict[str, object]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _calendar() -> _Calendar:
    data = load_lexicon("time_words")
    month = rf"(?P<month>{_alternation(data['months'])})\.?"
    weekday = rf"(?:(?:{_alternation(data['weekdays'])})\.?,?\s+)?"
    year = r"(?:\s*,?\s*(?:of\s+)?(?P<year>\d{4}))?"
    qualifiers = _alternation(data["month_qualifiers"])
    return _Calendar(
        months=data["months"],
        holidays={
            name: (int(value[:2]), int(value[3:])) for name, value in data["holidays"].items()
        },
        day_month=re.compile(
            rf"{weekday}(?:the\s+)?(?P<day>\d{{1,2}}){_ORDINAL}[\s-]+(?:day\s+)?(?:of\s+)?"
            rf"{month}(?:-(?=\d))?{year}",
            re.ASCII,
        ),
        month_day=re.compile(
            rf"{weekday}{month}\s*(?:the\s+)?(?P<day>\d{{1,2}}){_ORDINAL}{year}", re.ASCII
        ),
        month_year=re.compile(rf"{month}(?:,?\s+|-)(?:of\s+)?(?P<year>\d{{4}})", re.ASCII),
        month_relative=re.compile(
            rf"(?:(?P<which>last|this|next)\s+)?{month}"
            rf"(?:\s+(?:of\s+)?(?P<year_word>last|this|next)\s+year)?"
        ),
        holiday=re.compile(rf"(?P<holiday>{_alternation(data['holidays'])}){year}", re.ASCII),
        lead=re.compile(rf"^(?:(?:{_alternation(data['lead_words'])}|(?:{qualifiers})-?)\s*\b)+"),
        relative=re.compile(rf"\b(?:{_alternation(data['relative_words'])})\b"),
        month_word=re.compile(rf"\b(?:{_alternation(data['months'])})\b"),
    )


def normalise_date(
    text: str, *, reference: dt.date | None = None, day_first: bool = True
) -> str | None:
    """Normalise a stated date to the gold format, at the precision stated.

    Args:
        text: the date as written ("12th December, 2012", "2-20-89",
            "last July"), or already normal ("2018-07").
        reference: the date that year-less and relative dates resolve
            against (the document date); without it they give None.
        day_first: read ambiguous numeric dates day first ("03/09/2025" is
            3 September); False for US texts. An impossible month (20 in
            "2-20-89") makes the other order win either way.

    Returns:
        ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, or None when the text is not
        a date or names an impossible one ("31 February 2019").

    >>> normalise_date("Tuesday, April 7, 2015")
    '2015-04-07'
    >>> normalise_date("December 2015")
    '2015-12'
    >>> normalise_date("03/09/2025", day_first=False)
    '2025-03-09'
    >>> normalise_date("last July", reference=dt.date(2015, 4, 7))
    '2014-07'
    >>> normalise_date("Thursday", reference=dt.date(2015, 4, 7)) is None
    True
    >>> normalise_date("February 9 last year", reference=dt.date(2020, 9, 28))
    '2019-02-09'
    """
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    cleaned = _clean(text)
    if not cleaned or len(cleaned) > _MAX_LENGTH:
        return None
    found = _read_numeric(cleaned, day_first)
    if found is None:
        found = _read_worded(cleaned, reference)
    if found is not None:
        return found or None
    return _read_with_dateparser(cleaned, reference, day_first)


def parse_reference(iso: str | None) -> dt.date | None:
    """Turn a document date at any precision into a reference date (its first day).

    Args:
        iso: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, or None.

    Returns:
        The date, or None when absent or invalid.

    >>> parse_reference("2020-11")
    datetime.date(2020, 11, 1)
    >>> parse_reference("2020-02-30") is None
    True
    """
    match = _REFERENCE.fullmatch((iso or "").strip())
    if not match:
        return None
    year, month, day = (int(part or 1) for part in match.groups())
    return _make_date(year, month, day)


def _clean(text: str) -> str:
    """Lower-case, straighten quotes, drop lead words ("on or about the") and stops."""
    cleaned = " ".join(text.lower().replace("\u2019", "'").split()).strip(" .,;:()[]")
    return _calendar().lead.sub("", cleaned).strip()


def _read_numeric(text: str, day_first: bool) -> str | None:
    """Read all-digit dates: ISO, year alone, ``01.12.1993``, ``2-20-89``, ``07/2018``.

    Returns "" for a shape that matched but names no real date.
    """
    if match := _ISO.fullmatch(text):
        year, month, day = match.group(1), match.group(2), match.group(3)
        return _format(int(year), int(month), int(day) if day else None)
    if match := _YEAR.fullmatch(text):
        return _format(int(match.group(1)), None, None)
    if match := _YEAR_FIRST.fullmatch(text):
        return _format(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    if match := _NUMERIC.fullmatch(text):
        first, second = int(match.group(1)), int(match.group(3))
        day, month = (first, second) if day_first else (second, first)
        if month > 12 >= day:
            day, month = month, day
        return _format(_full_year(match.group(4)), month, day)
    if match := _MONTH_YEAR_NUMERIC.fullmatch(text):
        return _format(int(match.group(2)), int(match.group(1)), None)
    return None


def _read_worded(text: str, reference: dt.date | None) -> str | None:
    """Read dates with month or holiday names; "" where one matched but is impossible."""
    calendar = _calendar()
    if (match := _DAY_RELATIVE_YEAR.fullmatch(text)) and not calendar.month_relative.fullmatch(
        text
    ):
        if reference is None:
            return ""
        year = reference.year + {"last": -1, "this": 0, "next": 1}[match.group(2)]
        return _read_worded(f"{match.group(1)} {year}", None)
    for pattern in (calendar.day_month, calendar.month_day):
        if match := pattern.fullmatch(text):
            month, day = calendar.months[match.group("month")], int(match.group("day"))
            if match.group("year"):
                return _format(int(match.group("year")), month, day)
            return _resolve_day(month, day, reference)
    if match := calendar.month_year.fullmatch(text):
        return _format(int(match.group("year")), calendar.months[match.group("month")], None)
    if match := calendar.holiday.fullmatch(text):
        month, day = calendar.holidays[match.group("holiday")]
        if match.group("year"):
            return _format(int(match.group("year")), month, day)
        return "" if reference is None else _format(reference.year, month, day)
    if match := calendar.month_relative.fullmatch(text):
        return _resolve_month(match, reference)
    return None


def _resolve_day(month: int, day: int, reference: dt.date | None) -> str:
    """A day without a year: the latest such day not after the reference."""
    if reference is None or not _make_date(2000, month, day):  # 2000 had a 29 February
        return ""
    for year in range(reference.year, reference.year - 8, -1):
        candidate = _make_date(year, month, day)
        if candidate and candidate <= reference:
            return candidate.isoformat()
    return ""


def _resolve_month(match: re.Match[str], reference: dt.date | None) -> str:
    """A month without a year: "September", "last July", "August last year"."""
    if reference is None:
        return ""
    month = _calendar().months[match.group("month")]
    which, year_word = match.group("which"), match.group("year_word")
    if which and year_word:
        return ""
    shift = {"last": -1, "this": 0, "next": 1}
    if year_word:
        year = reference.year + shift[year_word]
    elif which == "last":
        year = reference.year if month < reference.month else reference.year - 1
    elif which == "next":
        year = reference.year if month > reference.month else reference.year + 1
    elif which == "this":
        year = reference.year
    else:
        year = reference.year if month <= reference.month else reference.year - 1
    return _format(year, month, None)


def _read_with_dateparser(text: str, reference: dt.date | None, day_first: bool) -> str | None:
    """Fallback for shapes the regexes do not know; rejects relative-only readings."""
    calendar = _calendar()
    if calendar.relative.search(text) or _DIGIT_RANGE.search(text):
        return None
    if not (calendar.month_word.search(text) or _HAS_YEAR.search(text)):
        return None
    try:
        data = _dateparser(reference, day_first).get_date_data(text)
    except Exception:  # noqa: BLE001 (dateparser raises assorted errors on odd input)
        return None
    found, period = data.date_obj, data.period
    if found is None or period not in ("day", "month", "year", "time"):
        return None
    day = found.day if period in ("day", "time") else None
    month = found.month if period != "year" else None
    return _format(found.year, month, day) or None


@lru_cache(maxsize=32)
def _dateparser(reference: dt.date | None, day_first: bool) -> DateDataParser:
    """Build a dateparser parser once per reference date and date order."""
    from dateparser.date import DateDataParser  # a slow import, needed only here

    settings: dict[str, object] = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "DATE_ORDER": "DMY" if day_first else "MDY",
        "REQUIRE_PARTS": [] if reference else ["year"],
    }
    if reference is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time())
        settings["PREFER_DATES_FROM"] = "past"
    return DateDataParser(languages=["en"], settings=settings)


def _full_year(digits: str) -> int:
    """Two-digit years: 00-49 are 20xx, 50-99 are 19xx."""
    year = int(digits)
    if len(digits) == 4:
        return year
    return 2000 + year if year < 50 else 1900 + year


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _format(year: int, month: int | None, day: int | None) -> str:
    """Write a date at its precision; "" if it cannot exist."""
    if not 1000 <= year <= 2999:
        return ""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else ""
    found = _make_date(year, month, day)
    return found.isoformat() if found else ""
