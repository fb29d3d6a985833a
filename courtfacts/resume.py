"""Resuming a run: what an earlier ``documents.jsonl`` already holds, and compaction.

A resumed run appends its new lines to the same file and compacts it at the
end, so that a run killed at any moment (before, during or after compaction)
loses no line it had finished:

1. ``trim_torn_tail`` cuts a last line that a killed run left half-written.
2. ``ResumeIndex.load`` reads the lines: the latest line per source file
   wins, and a document whose latest line is ``ok`` is done.
3. ``ResumeIndex.decide`` says, for each input, whether it is done: its own
   line is ok and its bytes still have that sha256, or an ok line with its
   sha256 belongs to a file that no longer exists (it was renamed or moved).
   Otherwise it is processed again, under its earlier id if it had one.
4. ``compact`` rewrites the file with one line per source file, the latest,
   through a temporary file and ``os.replace``.

Lines of files that are not inputs of the resumed run are kept as they are.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from courtfacts.corpus import make_doc_id
from courtfacts.corpus._source import file_sha256
from courtfacts.tasks import unique_doc_id

_CHUNK = 1 << 16


class _Meta(BaseModel):
    model_config = ConfigDict(extra="ignore")
    sha256: str


class _Head(BaseModel):
    """The fields of a ``documents.jsonl`` line that resuming needs."""

    model_config = ConfigDict(extra="ignore")
    doc_id: str
    status: str
    source: str
    meta: _Meta | None = None


@dataclass(frozen=True)
class _Line:
    doc_id: str
    is_ok: bool
    sha256: str | None


def _key(source: str | Path) -> str:
    return str(Path(source).resolve())


def _heads(path: Path) -> Iterator[tuple[int, _Head | None]]:
    """Each line's number and head, ``None`` for a line that is not a result."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if not line.endswith("\n"):
                return
            try:
                yield number, _Head.model_validate_json(line)
            except ValidationError:
                yield number, None


def trim_torn_tail(path: Path) -> None:
    """Cut the file after its last newline, dropping a half-written last line.

    Args:
        path: a ``documents.jsonl``; nothing happens when it is missing.
    """
    if not path.exists():
        return
    with path.open("rb+") as handle:
        end = handle.seek(0, os.SEEK_END)
        position = end
        while position > 0:
            start = max(0, position - _CHUNK)
            handle.seek(start)
            chunk = handle.read(position - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                position = start + newline + 1
                break
            position = start
        if position != end:
            handle.truncate(position)


@dataclass
class ResumeIndex:
    """The documents an earlier run wrote, by source file and by content.

    Attributes:
        taken: the document ids in use, so new documents get fresh ones.
    """

    _lines: dict[str, _Line] = field(default_factory=dict)
    _ok_by_sha: dict[str, list[str]] = field(default_factory=dict)
    _claimed: set[str] = field(default_factory=set)
    taken: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, path: Path) -> ResumeIndex:
        """Read an earlier ``documents.jsonl``; an empty index when there is none.

        Args:
            path: the file.

        Returns:
            The index of its latest line per source file.
        """
        index = cls()
        if not path.exists():
            return index
        for _, head in _heads(path):
            if head is not None:
                sha = head.meta.sha256 if head.meta else None
                index._lines[_key(head.source)] = _Line(head.doc_id, head.status == "ok", sha)
        for key, line in index._lines.items():
            index.taken.add(line.doc_id)
            if line.is_ok and line.sha256:
                index._ok_by_sha.setdefault(line.sha256, []).append(key)
        return index

    def decide(self, path: Path) -> str | None:
        """Say whether an input is done, and if not, which id it gets.

        Args:
            path: an input of the resumed run.

        Returns:
            ``None`` when the document is done (skip it), else its document id.
        """
        key = _key(path)
        earlier = self._lines.get(key)
        sha = _sha256(path) if self._lines else None
        if earlier is not None:
            if earlier.is_ok and sha is not None and earlier.sha256 == sha:
                self._claimed.add(key)
                return None
            return earlier.doc_id
        for other in self._ok_by_sha.get(sha or "", []):
            if other not in self._claimed and not os.path.exists(other):
                self._claimed.add(other)
                return None
        return unique_doc_id(make_doc_id(path), self.taken)


def _sha256(path: Path) -> str | None:
    """A regular file's sha256; None for anything else or a file that cannot be read
    (it is processed again, and its reader turns the failure into an error line)."""
    try:
        return file_sha256(path) if path.is_file() else None
    except OSError:
        return None


def compact(path: Path) -> int:
    """Keep one line per source file, the latest; drop lines that are not results.

    The new file is written beside the old one, synced, and moved over it,
    so a kill at any moment leaves either the old file or the new one.

    Args:
        path: a ``documents.jsonl``.

    Returns:
        The number of lines dropped.
    """
    latest: dict[str, int] = {}
    count = 0
    for number, head in _heads(path):
        count = number + 1
        if head is not None:
            latest[_key(head.source)] = number
    keep = set(latest.values())
    if len(keep) == count:
        return 0
    temporary = path.with_name(path.name + ".tmp")
    with path.open(encoding="utf-8") as source, temporary.open("w", encoding="utf-8") as target:
        for number, line in enumerate(source):
            if number in keep and line.endswith("\n"):
                target.write(line)
        target.flush()
        os.fsync(target.fileno())
    os.replace(temporary, path)
    return count - len(keep)
