"""Properties every normaliser keeps, checked with hypothesis.

1. No normaliser raises, whatever text it is given.
2. Normal forms are fixed points: normalising a normal form gives it back.
3. Built inputs ("N years and M months", "£1,234.50") give valid normal forms
   with the value they state.
"""

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from courtfacts.extract.normalise import (
    add_durations,
    compare_key,
    duration_parts,
    format_duration,
    normalise_count,
    normalise_date,
    normalise_duration,
    normalise_money,
    parse_number,
)
from courtfacts.models import check_date, check_duration

MODEST = settings(max_examples=200, deadline=None)
# fmt: off
PIECES = [
    "a", "and", "half", "two", "12", "1/2", "½", "years", "months", "weeks", "day",
    "£", "$", "Rs.", "P", "million", "m", "k", "/-", "pesos", "cents", "p", ",", "-",
    "December", "last", "the", "31", "2019", "/", ".", "Christmas Day", "late", "0", "(3)",
]
# fmt: on
WORDY_TEXT = st.one_of(st.text(), st.lists(st.sampled_from(PIECES), max_size=8).map(" ".join))
REFERENCES = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))


@MODEST
@given(WORDY_TEXT)
def test_number_and_count_readers_never_raise(text: str) -> None:
    parse_number(text)
    normalise_count(text)


@MODEST
@given(WORDY_TEXT)
def test_duration_readers_never_raise(text: str) -> None:
    found = normalise_duration(text)
    assert found is None or check_duration(found) == found
    duration_parts(text)
    compare_key(text)


@MODEST
@given(WORDY_TEXT, st.sampled_from(["USD", "AUD", "CAD"]), st.sampled_from(["INR", "LKR"]))
def test_money_reader_never_raises(text: str, dollar: str, rupee: str) -> None:
    found = normalise_money(text, dollar=dollar, rupee=rupee)
    assert found is None or found.amount >= 0


@MODEST
@given(WORDY_TEXT, REFERENCES, st.booleans())
def test_date_reader_never_raises(text: str, reference: dt.date | None, day_first: bool) -> None:
    found = normalise_date(text, reference=reference, day_first=day_first)
    assert found is None or check_date(found) == found


@MODEST
@given(st.integers(0, 120), st.integers(0, 120))
def test_years_and_months_give_a_stable_iso_duration(years: int, months: int) -> None:
    found = normalise_duration(f"{years} years and {months} months")
    if years == months == 0:
        assert found is None
        return
    assert found is not None
    assert check_duration(found) == found
    assert duration_parts(found) == (years + months // 12, months % 12, 0)
    assert normalise_duration(found) == found


@MODEST
@given(st.integers(0, 200), st.integers(0, 200), st.integers(0, 400))
def test_formatted_durations_are_valid_and_stable(years: int, months: int, days: int) -> None:
    found = format_duration(years, months, days)
    if found is not None:
        assert check_duration(found) == found
        assert normalise_duration(found) == found


@MODEST
@given(
    st.tuples(st.integers(0, 50), st.integers(0, 30), st.integers(0, 400)),
    st.tuples(st.integers(0, 50), st.integers(0, 30), st.integers(0, 400)),
)
def test_adding_durations_commutes_and_grows(
    a: tuple[int, int, int], b: tuple[int, int, int]
) -> None:
    iso_a, iso_b = format_duration(*a), format_duration(*b)
    if iso_a is None or iso_b is None:
        return
    total = add_durations(iso_a, iso_b)
    assert total == add_durations(iso_b, iso_a)
    assert compare_key(total) > max(compare_key(iso_a), compare_key(iso_b))


@MODEST
@given(st.dates(dt.date(1000, 1, 1), dt.date(2999, 12, 31)), st.sampled_from([10, 7, 4]))
def test_normal_dates_are_fixed_points(day: dt.date, precision: int) -> None:
    normal = day.isoformat()[:precision]
    assert normalise_date(normal) == normal


@MODEST
@given(st.decimals(min_value=0, max_value=10**9, places=2), st.sampled_from(["£", "US$", "€"]))
def test_written_amounts_read_back_exactly(amount: Decimal, symbol: str) -> None:
    found = normalise_money(f"{symbol}{amount:,}")
    assert found is not None
    assert found.amount == amount
