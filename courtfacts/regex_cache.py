"""Compiled rules kept on disk, so that a new process does not compile them again.

Python compiles a regex in Python code: it parses the pattern and writes the
program its C engine runs. For the rules, whose macros make patterns of
several kilobytes, that was most of a process's start-up (about 2 s of a
one-document run, more for a worker, which compiles every rule). The
program is a list of integers: ``compile`` keeps it, with the pattern's
groups, in a file of the cache folder (``courtfacts.cache``), and a later
process hands it straight to the engine, which checks that it is well
formed. The regex is the one ``re.compile`` gives, equal to it (``==``
compares the programs too: ``tests/test_cache.py``).

The file is named after the Python version and its regex engine's version,
so that a program is read back only by the engine that wrote it. Where the
interpreter is not CPython, ``compile`` is ``re.compile``.

Only rules belong here (patterns known before any document is read): a
pattern built from a document's text would grow the file with every document.
"""

from __future__ import annotations

import _sre
import array
import atexit
import hashlib
import platform
import re
import sys
from functools import cache
from pathlib import Path
from re import _compiler as sre_compile
from re import _parser as sre_parse

from courtfacts import cache as disk

_MOST_BYTES = 64 * 1024 * 1024
"""A file that would grow past this keeps only what its last writer used."""

_Entry = tuple[int, int, tuple[tuple[str, int], ...], tuple[str | None, ...], bytes]
"""A compiled regex as the engine takes it: flags, group count, group names both
ways, and the program as machine integers."""


@cache
def _engine() -> str | None:
    """The tag of this interpreter's regex engine, or None where programs cannot be reused."""
    if sys.implementation.name != "cpython" or not hasattr(_sre, "compile"):
        return None
    if array.array("I").itemsize != _sre.CODESIZE:
        return None
    return f"regex-cpython-{platform.python_version()}-sre{_sre.MAGIC}"


def _key(pattern: str, flags: int) -> bytes:
    text = f"{flags}\0{pattern}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).digest()


def _entries(path: Path) -> dict[bytes, _Entry]:
    found = disk.read(path)
    return found if isinstance(found, dict) else {}


class _Store:
    """The entries of one process: those read from the file and those compiled since."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries = _entries(path)
        self.used: set[bytes] = set()
        self.unsaved = False

    def add(self, key: bytes, entry: _Entry) -> None:
        global _SAVED_AT_EXIT
        if not _SAVED_AT_EXIT:
            _SAVED_AT_EXIT = True
            atexit.register(save)
        self.entries[key] = entry
        self.unsaved = True

    def save(self) -> None:
        """Write the entries, merged with what other processes wrote meanwhile."""
        if not self.unsaved:
            return
        self.unsaved = False
        merged = {**_entries(self.path), **self.entries}
        if sum(len(entry[4]) for entry in merged.values()) > _MOST_BYTES:
            merged = {key: self.entries[key] for key in self.used}
        disk.write(self.path, merged)


_SAVED_AT_EXIT = False
_STORE: _Store | None = None
_STORE_FOR: tuple[str | None, Path | None] | None = None


def _store() -> _Store | None:
    global _STORE, _STORE_FOR
    engine, where = _engine(), disk.folder()
    if _STORE_FOR != (engine, where):
        _STORE_FOR = (engine, where)
        _STORE = None if engine is None or where is None else _Store(where / f"{engine}.marshal")
    return _STORE


def _from_entry(pattern: str, entry: _Entry) -> re.Pattern[str]:
    flags, groups, names, indexgroup, program = entry
    code = array.array("I", program).tolist()
    return _sre.compile(pattern, flags, code, groups, dict(names), indexgroup)


def _entry_of(pattern: str, flags: int) -> _Entry:
    """Compile ``pattern`` as ``re.compile`` does, keeping what the engine is given."""
    parsed = sre_parse.parse(pattern, flags)
    code = sre_compile._code(parsed, flags)
    names = parsed.state.groupdict
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in names.items():
        indexgroup[number] = name
    program = array.array("I", code).tobytes()
    groups = parsed.state.groups - 1
    return (flags | parsed.state.flags, groups, tuple(names.items()), tuple(indexgroup), program)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, read from the cache when an earlier process compiled it.

    Raises:
        re.error: the pattern does not compile, as ``re.compile`` raises it.
    """
    flags = int(flags)
    store = _store()
    if store is None:
        return re.compile(pattern, flags)
    key = _key(pattern, flags)
    entry = store.entries.get(key)
    if entry is not None:
        try:
            regex = _from_entry(pattern, entry)
        except (RuntimeError, TypeError, ValueError, OverflowError):
            del store.entries[key]  # not a program this engine takes: compiled afresh below
        else:
            store.used.add(key)
            return regex
    entry = _entry_of(pattern, flags)
    store.add(key, entry)
    store.used.add(key)
    return _from_entry(pattern, entry)


def save() -> None:
    """Write the rules compiled since the last save (at exit, or now: a worker's exit skips it)."""
    if _STORE is not None:
        _STORE.save()
