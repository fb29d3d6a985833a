"""Normal forms of the DATE hits, with the year a date written without one takes.

A date stated with its year is read as written. One written without it
("on 30 July", "in late February", "Monday 3 August") takes the year its
context gives, tried in this order:

1. a relative year in the date itself ("May last year", "February 9 this
   year") resolves against the document date;
2. a later date it is joined to states the year for both ("late February or
   early March 2020", "10 - 18 February and 28 March 2022"), a year earlier
   where the months wrap ("December to February 2020");
3. a weekday beside it picks the year on which that day falls: the year
   of the context (step 5) or one beside it, else the year nearest the
   document date, at most a year after it ("Friday (5 July)" in a 2024
   judgment);
4. the same day and month stated earlier with a year ("the application of 30
   January" after "on 30 January 2020");
5. the year last stated before it in the same paragraph ("in 2018 between
   August and December"), a year earlier where that would put a past event
   after the document date;
6. the document date: the latest such day not after it, or, after a word of
   the future ("is set for Jan. 15"), the first on or after it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from courtfacts.extract.normalise import normalise_date
from courtfacts.extract.ruler import Hit
from courtfacts.patterns import load_lexicon

_STATES_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|\d[./-]\d{1,2}[./-]\d")
_RELATIVE = re.compile(r"^(?:last|this|next)\b|\b(?:last|this|next)\s+year\b", re.IGNORECASE)
_SOFTENER = re.compile(r"^(?:early|late|mid-?)\s*", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-]")
_SHAPE_YEAR = 2000  # a leap year: any day and month that exists at all exists in it
_PARAGRAPH_WINDOW = 1500
_WEEKDAY_SPAN = 7


@dataclass(frozen=True)
class _Cues:
    shared: re.Pattern[str]
    weekday: re.Pattern[str]
    future: re.Pattern[str]


def _words(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _cues() -> _Cues:
    data = load_lexicon("time_words")
    connector = _words(data["shared_year_connectors"])
    filler = _words(data["shared_year_fillers"])
    names = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
    weekdays = [word for word in data["weekdays"] if word[:3] in names]
    return _Cues(
        shared=re.compile(
            rf"^[\s,(]*(?:{connector})[\s,]*(?:(?:{filler})\b[\s-]*)*$", re.IGNORECASE
        ),
        weekday=re.compile(rf"\b({_words(weekdays)})\.?,?\s*\(?\s*(?:the\s+)?$", re.IGNORECASE),
        future=re.compile(rf"\b(?:{_words(data['future_cues'])})\b", re.IGNORECASE),
    )


def day_first_of(hits: list[Hit], default: bool) -> bool:
    """Numeric dates with a part over 12 decide the document's order."""
    for hit in hits:
        if hit.rule == "date.numeric":
            match = _NUMERIC_DATE.match(hit.text)
            if match and int(match.group(1)) > 12:
                return True
            if match and int(match.group(2)) > 12:
                return False
    return default


def date_text(hit: Hit) -> str:
    """The text to read a date from; a day of a range borrows the shared month and year."""
    text = _SOFTENER.sub("", hit.text.strip())
    groups = {name: value for name, (_, _, value) in hit.groups.items()}
    if hit.emitted == "hi" and len(text) == 2 and len(groups.get("lo", "")) == 4:
        text = groups["lo"][:2] + text  # "2019-20", "2025/26"
        if hit.rule == "date.year_slash_pair" and int(text) != int(groups["lo"]) + 1:
            return ""  # "2019/45" is no year pair
    is_pair_start = hit.rule == "date.year_slash_pair" and hit.emitted == "lo"
    if is_pair_start and (int(groups["lo"]) + 1) % 100 != int(groups["hi"]):
        return ""
    if hit.emitted in ("d1", "d2"):
        if "rest" in groups:
            rest = groups["rest"]
            return f"{text}{rest}" if rest.startswith("/") else f"{text} {rest}"
        if "m" in groups and "y" in groups:
            return f"{groups['m']} {text}, {groups['y']}"
    return text


def _phrase_end(hit: Hit) -> int:
    """Where the phrase a hit was emitted from ends (a day of '10 - 18 February' ends after the month)."""
    return max([hit.end] + [end for _, end, _ in hit.groups.values()]) if hit.emitted else hit.end


@dataclass
class _Date:
    hit: Hit
    text: str
    shape: str | None = None  # the month and day read in a leap year, for a date without its year

    @property
    def has_year(self) -> bool:
        return bool(_STATES_YEAR.search(self.text))


def assign_dates(hits: list[Hit], text: str, reference: dt.date | None, day_first: bool) -> None:
    """Set ``value`` on every DATE hit, in place, giving year-less dates the year of their context.

    Args:
        hits: the hits of one document, in text order.
        text: its text.
        reference: the document date, if known.
        day_first: whether ambiguous numeric dates put the day first.
    """
    dates = [_Date(hit, date_text(hit)) for hit in hits if hit.label == "DATE"]
    pending: list[int] = []
    for index, date in enumerate(dates):
        if date.has_year or _RELATIVE.search(date.text):
            date.hit.value = normalise_date(date.text, reference=reference, day_first=day_first)
            continue
        ceiling = dt.date(_SHAPE_YEAR, 12, 31)
        date.shape = normalise_date(date.text, reference=ceiling, day_first=day_first)
        if date.shape:
            pending.append(index)
    for index in reversed(pending):  # right to left, so a chain of days shares one year
        dates[index].hit.value = _shared_year(dates, index, text)
    for index in pending:
        date = dates[index]
        if date.hit.value is None:
            date.hit.value = _from_context(dates, index, text, reference)


def _with_year(shape: str, year: int) -> str | None:
    value = f"{year:04d}{shape[4:]}"
    if len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return None
    return value


def _shared_year(dates: list[_Date], index: int, text: str) -> str | None:
    """The year a later date joined to this one states ('late February or early March 2020')."""
    if index + 1 >= len(dates):
        return None
    date, following = dates[index], dates[index + 1]
    if not following.hit.value or len(following.hit.value) < 7 or date.shape is None:
        return None
    end = _phrase_end(date.hit)
    if following.hit.start >= end and not _cues().shared.match(text[end : following.hit.start]):
        return None
    year = int(following.hit.value[:4])
    if date.shape[5:7] > following.hit.value[5:7]:
        year -= 1  # "December to February 2020"
    return _with_year(date.shape, year)


def _from_context(
    dates: list[_Date], index: int, text: str, reference: dt.date | None
) -> str | None:
    date = dates[index]
    shape = date.shape or ""
    anchor = _paragraph_year(dates, index, text)
    weekday = _cues().weekday.search(text[max(0, date.hit.start - 16) : date.hit.start])
    if weekday and len(shape) == 10:
        found = _weekday_year(shape, weekday.group(1), anchor, reference)
        if found:
            return found
    for earlier in reversed(dates[:index]):
        value = earlier.hit.value
        if len(shape) == 10 and earlier.has_year and value and value[4:] == shape[4:]:
            return value
    sentence_start = max(text.rfind(".", 0, date.hit.start), text.rfind("\n", 0, date.hit.start))
    is_future = bool(_cues().future.search(text[sentence_start + 1 : date.hit.start]))
    if anchor is not None:
        value = _with_year(shape, anchor)
        if value and reference and not is_future and value[:7] > reference.isoformat()[:7]:
            value = _with_year(shape, anchor - 1)  # the document's date bounds past events
        return value
    if reference is None:
        return None
    if is_future:
        year = (
            reference.year
            if shape[4:] >= reference.isoformat()[4 : len(shape)]
            else reference.year + 1
        )
        return _with_year(shape, year)
    return normalise_date(date.text, reference=reference)


def _paragraph_year(dates: list[_Date], index: int, text: str) -> int | None:
    """The year of the last date stated with one before this one, in the same paragraph."""
    start = dates[index].hit.start
    for earlier in reversed(dates[:index]):
        if (
            start - earlier.hit.start > _PARAGRAPH_WINDOW
            or "\n\n" in text[earlier.hit.start : start]
        ):
            return None
        if earlier.has_year and earlier.hit.value:
            return int(earlier.hit.value[:4])
    return None


def _weekday_year(
    shape: str, weekday: str, anchor: int | None, reference: dt.date | None
) -> str | None:
    """The year in which the day falls on the weekday named: the context's year or
    one beside it, else the year nearest the document date (at most a year after it)."""
    wanted = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(weekday[:3].lower())
    years = [anchor, anchor - 1, anchor + 1] if anchor is not None else []
    if reference is not None:
        offsets = sorted(range(-_WEEKDAY_SPAN, 2), key=lambda o: (abs(o), o))
        years += [reference.year + offset for offset in offsets]
    for year in years:
        value = _with_year(shape, year)
        if value and dt.date.fromisoformat(value).weekday() == wanted:
            return value
    return None
