"""The cache folder (issue 14): what an earlier process kept is read back the same,
and anything damaged, foreign or switched off costs time, never a wrong answer.

Groups:
    FILES: ``cache.read`` and ``cache.write``, the checked files.
    REGEXES: ``regex_cache.compile`` gives what ``re.compile`` gives, from a new
        process's point of view (the module's state reset), for every rule.
    NAMES: the gazetteer's sets, kept and read back.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from courtfacts import cache, regex_cache
from courtfacts.extract import gazetteer
from courtfacts.extract.needles import _known_regexes


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own, and a regex cache that has read nothing yet."""
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path))
    monkeypatch.setattr(regex_cache, "_STORE_FOR", None)
    return tmp_path


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget the entries in memory, as a process started now would not have them."""
    monkeypatch.setattr(regex_cache, "_STORE_FOR", None)


def _regex_file(folder: Path) -> Path:
    (found,) = folder.glob("regex-*.marshal")
    return found


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("compiled, though the cache holds the regex")

    monkeypatch.setattr(regex_cache, "_entry_of", refuse)


# FILES


def test_a_written_value_reads_back(folder: Path) -> None:
    value = {b"k": (1, 2, (("name", 1),), (None, "name"), b"\x00\x01")}
    assert cache.write(folder / "a.marshal", value)
    assert cache.read(folder / "a.marshal") == value


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # cut short
        lambda blob: blob[:20] + bytes([blob[20] ^ 1]) + blob[21:],  # one bit flipped
        lambda blob: b"",
        lambda blob: b"not a cache file at all",
    ],
    ids=["truncated", "bit-flipped", "empty", "foreign"],
)
def test_a_damaged_file_reads_as_nothing(folder: Path, damage) -> None:
    path = folder / "a.marshal"
    cache.write(path, ("names", "of", "places"))
    path.write_bytes(damage(path.read_bytes()))
    assert cache.read(path) is None


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be")
    assert not cache.write(blocker / "courtfacts" / "a.marshal", (1, 2))


@pytest.mark.parametrize("off", ["off", "", "0"])
def test_the_cache_can_be_switched_off(monkeypatch: pytest.MonkeyPatch, off: str) -> None:
    monkeypatch.setenv(cache.ENVIRONMENT, off)
    assert cache.folder() is None


# REGEXES


def test_a_regex_read_back_is_the_one_re_compile_gives(folder, monkeypatch) -> None:
    pattern = r"(?P<term>\d+) (?:years?|months?)(?P<rest> suspended)?"
    first = regex_cache.compile(pattern, re.IGNORECASE)
    regex_cache.save()
    _new_process(monkeypatch)
    _no_parsing(monkeypatch)
    again = regex_cache.compile(pattern, re.IGNORECASE)
    expected = re.compile(pattern, re.IGNORECASE)
    assert first == again == expected  # the programs too
    assert (again.flags, again.groups, again.groupindex) == (
        expected.flags,
        expected.groups,
        expected.groupindex,
    )
    match = again.search("He was given 3 Years suspended.")
    assert match is not None
    assert (match.group("term"), match.group("rest"), match.span()) == ("3", " suspended", (13, 30))


def test_every_known_regex_read_back_equals_re_compile(folder, monkeypatch) -> None:
    known = [(pattern, flags) for _, pattern, flags in _known_regexes()]
    for pattern, flags in known:
        regex_cache.compile(pattern, flags)
    regex_cache.save()
    _new_process(monkeypatch)
    _no_parsing(monkeypatch)
    differ = [p[:60] for p, f in known if regex_cache.compile(p, f) != re.compile(p, f)]
    assert not differ
    assert len(known) > 200


def test_a_program_the_engine_refuses_is_compiled_again(folder, monkeypatch) -> None:
    pattern = r"\bjailed\s+for\s+(\d+)\s+years\b"
    regex_cache.compile(pattern)
    regex_cache.save()
    path = _regex_file(folder)
    entries = cache.read(path)
    (key,) = entries
    garbage = b"\xff\xff\xff\xff" * 3
    cache.write(path, {key: (*entries[key][:4], garbage)})
    _new_process(monkeypatch)
    assert regex_cache.compile(pattern) == re.compile(pattern)


def test_a_damaged_regex_file_is_replaced(folder, monkeypatch) -> None:
    regex_cache.compile(r"\bsentenced\b")
    regex_cache.save()
    path = _regex_file(folder)
    path.write_bytes(path.read_bytes()[:-5])
    _new_process(monkeypatch)
    assert regex_cache.compile(r"\bsentenced\b", re.IGNORECASE).search("SENTENCED")
    regex_cache.save()
    assert len(cache.read(path)) == 1


def test_processes_saving_at_once_keep_each_other_s_regexes(folder, monkeypatch) -> None:
    regex_cache.compile("first")
    other = regex_cache._STORE
    _new_process(monkeypatch)
    regex_cache.compile("second")
    regex_cache.save()
    other.save()  # written last, from a process that never saw "second"
    assert len(cache.read(_regex_file(folder))) == 2


def test_a_broken_pattern_raises_as_re_compile_does(folder) -> None:
    with pytest.raises(re.error, match="unterminated"):
        regex_cache.compile(r"(?P<term>\d+")
    assert not list(folder.glob("regex-*"))


def test_with_the_cache_off_nothing_is_written(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(cache.ENVIRONMENT, "off")
    monkeypatch.setattr(regex_cache, "_STORE_FOR", None)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert regex_cache.compile(r"\d+ months") == re.compile(r"\d+ months")
    regex_cache.save()
    assert not list(tmp_path.rglob("*.marshal"))


# NAMES


@pytest.mark.parametrize(
    ("names", "reader"),
    [(gazetteer.given_names, "read_given_names"), (gazetteer.places, "read_places")],
    ids=["given names", "places"],
)
def test_names_kept_read_back_the_same(folder, monkeypatch, names, reader) -> None:
    names.cache_clear()
    try:
        first = names()
        assert list(folder.glob("names-*.marshal"))
        names.cache_clear()
        monkeypatch.setattr(gazetteer, reader, lambda: pytest.fail("read again"))
        assert names() == first
    finally:
        names.cache_clear()
