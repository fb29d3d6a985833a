"""Name the offences a document states, from ``patterns/statutes.json``.

Knowing the offence gives the statutory maximum, so that a custodial term
over it is rejected when the case record is validated: it can only be a
misreading (a total over several counts read as one, a maximum read as a
sentence elsewhere in the text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from courtfacts.patterns import load_lexicon


@dataclass(frozen=True)
class Offence:
    """An offence and its maximum on indictment (ISO duration or "life")."""

    id: str
    name: str
    maximum: str
    source: str


@cache
def _table() -> tuple[tuple[re.Pattern[str], Offence], ...]:
    rows = load_lexicon("statutes")["offences"]
    return tuple(
        (
            re.compile(row["cues"], re.IGNORECASE),
            Offence(row["id"], row["name"], row["maximum"], row["source"]),
        )
        for row in rows
    )


def find_offences(text: str, jurisdiction: str) -> list[Offence]:
    """Offences the text names, in the order of the table, where the table's law applies.

    >>> [o.id for o in find_offences("He admitted arranging or facilitating a child sex offence.", "England and Wales")]
    ['soa2003_s14']
    >>> find_offences("He admitted arranging or facilitating a child sex offence.", "Scotland")
    []
    """
    if jurisdiction not in load_lexicon("statutes")["jurisdictions"]:
        return []
    return [offence for regex, offence in _table() if regex.search(text)]


def single_offence_maximum(offences: list[Offence], offence_count: int | None) -> str | None:
    """The maximum that bounds the whole term: only for one offence of one known kind."""
    if len(offences) == 1 and (offence_count or 1) == 1:
        return offences[0].maximum
    return None
