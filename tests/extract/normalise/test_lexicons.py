"""The normalisers' lexicons are well-formed data (checked once, not at every call)."""

import datetime as dt

import pytest

from courtfacts.patterns import load_lexicon

PLACEHOLDERS = {"@dollar", "@rupee"}


@pytest.mark.parametrize("name", ["number_words", "time_words", "currency_words"])
def test_every_lexicon_says_what_it_is(name: str) -> None:
    assert load_lexicon(name)["note"].strip()


def test_number_words_cover_the_cardinals() -> None:
    data = load_lexicon("number_words")
    assert sorted(data["units"].values()) == list(range(20))
    assert sorted(data["tens"].values()) == list(range(20, 100, 10))


def test_time_words_name_real_months_and_days() -> None:
    data = load_lexicon("time_words")
    assert set(data["months"].values()) == set(range(1, 13))
    for value in data["holidays"].values():
        dt.date.fromisoformat(f"2020-{value}")
    assert set(data["duration_units"].values()) <= set("YMWFDX")
    assert set(data["duration_unit_letters"].values()) <= set("YMWD")


def test_currency_words_map_to_known_codes() -> None:
    data = load_lexicon("currency_words")
    codes = set(data["codes"])
    assert all(len(code) == 3 and code.isupper() for code in codes)
    targets = [*data["symbols"].values(), *data["words"].values()]
    targets += [code for code, _ in data["subunits"].values()]
    assert set(targets) <= codes | PLACEHOLDERS
    assert not set(data["words"]) & {code.lower() for code in codes}, "codes are matched already"
