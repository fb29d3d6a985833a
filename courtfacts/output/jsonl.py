"""Write and read ``documents.jsonl``: one whole JSON line per document.

Each line is written with a single ``write`` call of the complete line and
flushed, so a run killed at any moment leaves at most the lines it finished;
``read_jsonl`` skips a torn last line rather than failing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from courtfacts.models import DocumentResult


def dump_line(result: DocumentResult) -> str:
    """Serialise one result as a JSON line (with its newline)."""
    return result.model_dump_json(exclude_none=False) + "\n"


def write_jsonl(result: DocumentResult, handle: IO[str]) -> None:
    """Append one result to an open JSONL file, whole, and flush it."""
    handle.write(dump_line(result))
    handle.flush()


def read_jsonl(path: Path) -> Iterator[DocumentResult]:
    """Read the results of a ``documents.jsonl``, skipping a torn or foreign line."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.endswith("\n"):
                break
            try:
                yield DocumentResult.model_validate_json(line)
            except (ValidationError, json.JSONDecodeError):
                continue
