"""Write and read ``documents.jsonl``: one whole JSON line per document.

Each line is written with a single ``write`` call of the complete line and
flushed, so a run killed at any moment leaves at most the lines it finished;
``read_jsonl`` skips a torn last line rather than failing. Characters that
some readers take for line ends (U+0085, U+2028, U+2029) are written as
``\\u`` escapes, so a line splits safely with ``str.splitlines``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError

from courtfacts.models import DocumentResult

_SURROGATE = re.compile("[\ud800-\udfff]")

# JSON allows these raw inside strings; str.splitlines and many JSONL readers split there.
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def dump_line(result: DocumentResult) -> str:
    """Serialise one result as a JSON line (with its newline).

    Args:
        result: the document's result.

    Returns:
        One line of JSON ending in ``"\\n"``, with no other line break in it.
    """
    try:
        line = result.model_dump_json(exclude_none=False)
    except (PydanticSerializationError, UnicodeError):
        # Lone surrogates (undecodable bytes kept by a decoder) cannot be UTF-8:
        # write them as U+FFFD rather than lose the document's line.
        data = _replace_surrogates(result.model_dump(mode="json", exclude_none=False))
        line = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _LINE_BREAKS.items():
        if raw in line:
            line = line.replace(raw, escaped)
    return line + "\n"


def _replace_surrogates(value: Any) -> Any:
    """The same JSON data with every lone surrogate replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_replace_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {key: _replace_surrogates(item) for key, item in value.items()}
    return value


def write_line(line: str, handle: IO[str]) -> None:
    """Append one finished JSON line to an open file with a single write, and flush it."""
    handle.write(line)
    handle.flush()


def write_jsonl(result: DocumentResult, handle: IO[str]) -> None:
    """Append one result to an open JSONL file, whole, and flush it."""
    write_line(dump_line(result), handle)


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
