"""Files under the user's cache folder that spare a new process work an earlier one did.

Each file holds values Python's ``marshal`` writes (numbers, strings, bytes,
tuples, dicts), led by a checksum of them; a file that is missing, damaged or
of another format reads as nothing, and its value is built again and the file
replaced. Files are written whole and then renamed, so that processes
writing at once never leave half a file. A file's name says what its value
was built from (a package's version, Python's), so that nothing is read back
for inputs that changed. Deleting the folder loses nothing but time.

The folder is ``$XDG_CACHE_HOME/courtfacts`` (``~/.cache/courtfacts``); set
``COURTFACTS_CACHE`` to another folder, or to ``off`` to keep nothing.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

ENVIRONMENT = "COURTFACTS_CACHE"
_FORMAT = 1


def folder() -> Path | None:
    """Where the files are kept, or None when nothing is kept."""
    chosen = os.environ.get(ENVIRONMENT)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "courtfacts"


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=16).digest()


def read(path: Path) -> Any:
    """The value a file holds, or None when it is missing, damaged or of another format."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    digest, payload = blob[:16], blob[16:]
    if _checksum(payload) != digest:
        return None
    try:
        data = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, tuple) or len(data) != 2 or data[0] != _FORMAT:
        return None
    return data[1]


def write(path: Path, value: Any) -> bool:
    """Keep ``value`` in ``path``; False when it cannot be written (a read-only home, say)."""
    payload = marshal.dumps((_FORMAT, value))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_checksum(payload) + payload)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
