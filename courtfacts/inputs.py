"""The inputs of a run: files, folders and globs expanded to documents, every skip with its reason.

``iter_inputs`` expands the arguments into an ordered stream of files and
tells a callback of every path it passes over and why (``SKIP_REASONS``), so
that a run can count each one: nothing an argument reaches is dropped
silently. ``survey_inputs`` checks the same arguments before a run: missing
paths, paths named on the command line that no reader can open (a fifo, a
socket, a broken symlink), and globs or folders that hold no document.

The rules:

- A path named as an argument is taken as it is, even when its name starts
  with a dot, has an unknown suffix or holds glob characters
  (``R v Smith [2021] EWCA Crim 12.pdf``).
- A folder (named, or matched by a glob) is walked recursively, in sorted
  order, files before subfolders; symlinks are followed. In a walk, a name
  with a document suffix (``SUFFIXES``) is a document: it is read, or, when
  it is no regular file (a fifo, a broken symlink, a symlink loop), it
  becomes an ``E100`` error line, because a document the archive names is
  missing. Everything else is passed over with its reason: names starting
  with a dot (files and folders), files of another suffix, fifos, sockets,
  devices, broken symlinks and symlink loops without a document suffix,
  folders that link back to a folder they are in, folders that cannot be
  listed, and folders already walked.
- A glob's matches are taken as named paths. Globs follow the shell: ``*``
  matches no name starting with a dot.
- A file reached twice (named twice, or through a symlink) is yielded once,
  and the second time counted as ``duplicate``.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from courtfacts.corpus import SUFFIXES

SKIP_REASONS: dict[str, str] = {
    "hidden": "a name starting with a dot, in a folder",
    "unsupported_suffix": "a file in a folder whose suffix is no document format",
    "fifo": "a named pipe",
    "socket": "a socket",
    "device": "a character or block device",
    "not_a_file": "neither a file nor a folder",
    "broken_symlink": "a symlink to nothing",
    "symlink_loop": "a symlink back to a folder it is in, or a chain of links without end",
    "unreadable": "a path whose type cannot be read (permission denied)",
    "unreadable_folder": "a folder that cannot be listed (permission denied)",
    "duplicate": "a file or folder reached before (named twice, or through a symlink)",
}
"""Why an input is passed over, by the reason ``run.json`` counts it under."""

OnSkip = Callable[[Path, str], None]
"""Told of each path passed over and its reason (a key of ``SKIP_REASONS``)."""

_FOLDER = "folder"
_FILE = "file"


def _ignore(path: Path, reason: str) -> None:
    """Drop a skip report."""


def path_kind(path: Path) -> str:
    """What a path is, following symlinks: ``"folder"``, ``"file"`` or a skip reason.

    Args:
        path: any path.

    Returns:
        ``"folder"``, ``"file"`` (a regular file), or one of ``fifo``,
        ``socket``, ``device``, ``not_a_file``, ``broken_symlink``,
        ``symlink_loop`` and ``unreadable``; a path that does not exist at
        all is ``broken_symlink`` only when it is a link, else ``unreadable``.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink_loop"
        if os.path.islink(path) and exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return "broken_symlink"
        return "unreadable"
    if stat.S_ISDIR(mode):
        return _FOLDER
    if stat.S_ISREG(mode):
        return _FILE
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "not_a_file"


def _is_glob(raw: str) -> bool:
    """A glob is an argument with magic characters that is not itself an existing path."""
    return glob.has_magic(raw) and not os.path.lexists(raw)


def _walk(root: Path) -> Iterator[tuple[Path, str | None]]:
    """Each path under a folder with its skip reason, ``None`` for a document."""
    visited: set[tuple[int, int]] = set()
    stack: list[tuple[Path, frozenset[tuple[int, int]]]] = [(root, frozenset())]
    while stack:
        folder, ancestors = stack.pop()
        try:
            info = os.stat(folder)
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            yield folder, "unreadable_folder"
            continue
        identity = (info.st_dev, info.st_ino)
        if identity in ancestors:
            yield folder, "symlink_loop"
            continue
        if identity in visited:
            yield folder, "duplicate"
            continue
        visited.add(identity)
        subfolders: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                yield path, "hidden"
                continue
            kind = path_kind(path)
            if kind == _FOLDER:
                subfolders.append(path)
            elif path.suffix.lower() in SUFFIXES:
                yield path, None  # a document by its name: read, or an error line
            else:
                yield path, "unsupported_suffix" if kind == _FILE else kind
        below = ancestors | {identity}
        stack.extend((subfolder, below) for subfolder in reversed(subfolders))


def _expand(raw: str) -> Iterator[tuple[Path, str | None]]:
    """Each path one argument reaches, with its skip reason (``None``: a document)."""
    if not _is_glob(raw):
        path = Path(raw)
        yield from _walk(path) if os.path.isdir(path) else [(path, None)]
        return
    for match in sorted(glob.glob(raw, recursive=True)):
        path = Path(match)
        yield from _walk(path) if os.path.isdir(path) else [(path, None)]


def iter_inputs(paths: Iterable[str], on_skip: OnSkip | None = None) -> Iterator[Path]:
    """Expand files, folders and globs into files, each once, in a stable order.

    Args:
        paths: the arguments as the user gave them.
        on_skip: told of every path passed over, with its reason (``SKIP_REASONS``).

    Yields:
        Each file once (by resolved path), in argument order then sorted order.
        A named path is yielded whatever it is (a reader then says what is
        wrong with it, as an error line); ``survey_inputs`` finds those first.
    """
    report = on_skip or _ignore
    seen: set[Path] = set()
    for raw in paths:
        for path, reason in _expand(raw):
            if reason is None:
                key = path.resolve()
                if key not in seen:
                    seen.add(key)
                    yield path
                    continue
                reason = "duplicate"
            report(path, reason)


@dataclass
class InputSurvey:
    """What the path arguments of a run hold, checked before any processing.

    Attributes:
        total: the number of distinct documents they name.
        missing: arguments that are neither an existing path nor a glob.
        unusable: named arguments that exist but are no file or folder a reader
            can open, with the reason (``fifo``, ``socket``, ``broken_symlink``...).
        empty: globs and folders that hold no document.
        skipped: paths passed over, by reason.
    """

    total: int = 0
    missing: list[str] = field(default_factory=list)
    unusable: list[tuple[str, str]] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def survey_inputs(paths: Iterable[str], on_skip: OnSkip | None = None) -> InputSurvey:
    """Count the documents the arguments name and find the ones that name nothing.

    Args:
        paths: the arguments as the user gave them.
        on_skip: told of every path passed over, with its reason.

    Returns:
        The number of distinct documents, the missing and unusable paths, the
        empty globs or folders, and the skips by reason.
    """
    survey = InputSurvey()
    report = on_skip or _ignore

    def count(path: Path, reason: str) -> None:
        survey.skipped[reason] += 1
        report(path, reason)

    seen: set[Path] = set()
    for raw in paths:
        if not _is_glob(raw):
            kind = path_kind(Path(raw))
            if kind not in (_FILE, _FOLDER):
                if os.path.lexists(raw):
                    survey.unusable.append((raw, kind))
                else:
                    survey.missing.append(raw)
                continue
        before = survey.total
        for path in iter_inputs([raw], count):
            key = path.resolve()
            if key in seen:
                count(path, "duplicate")
            else:
                seen.add(key)
                survey.total += 1
        if survey.total == before and (_is_glob(raw) or os.path.isdir(raw)):
            survey.empty.append(raw)
    return survey
