"""Statutory maxima of offences, from ``patterns/statutes.json``.

Knowing a case's offences gives the maximum of the most serious one, so
that the term can be stated as a share of it and a term over it flagged
(a total over several counts read as one, a maximum read as a sentence).
Each row applies only to documents read as from one of its jurisdictions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from courtfacts.patterns import load_lexicon


@dataclass(frozen=True)
class Offence:
    """An offence and its maximum (ISO duration, "life" or "death")."""

    id: str
    name: str
    maximum: str
    source: str
    jurisdictions: tuple[str, ...] = ("England and Wales",)


@cache
def _table() -> tuple[tuple[re.Pattern[str], Offence], ...]:
    lexicon = load_lexicon("statutes")
    default = tuple(lexicon["jurisdictions"])
    return tuple(
        (
            re.compile(row["cues"], re.IGNORECASE),
            Offence(
                row["id"],
                row["name"],
                row["maximum"],
                row["source"],
                tuple(row.get("jurisdictions") or default),
            ),
        )
        for row in lexicon["offences"]
    )


def find_offences(text: str, jurisdiction: str) -> list[Offence]:
    """Offences the text names, in the order of the table, where the row's law applies.

    >>> [o.id for o in find_offences("He admitted arranging or facilitating a child sex offence.", "England and Wales")]
    ['soa2003_s14']
    >>> find_offences("He admitted arranging or facilitating a child sex offence.", "Scotland")
    []
    """
    return [
        offence
        for regex, offence in _table()
        if jurisdiction in offence.jurisdictions and regex.search(text)
    ]


def statutes_for(texts: Iterable[str], jurisdiction: str) -> list[Offence]:
    """Offences named by any of the texts (offence mentions with their statutes), without repeats.

    >>> [o.id for o in statutes_for(["murder Penal Code (Sri Lanka) s.296"], "Sri Lanka")]
    ['lk_pc_s296']
    """
    found: list[Offence] = []
    for text in texts:
        for offence in find_offences(text, jurisdiction):
            if offence not in found:
                found.append(offence)
    return found


def single_offence_maximum(offences: list[Offence], offence_count: int | None) -> str | None:
    """The maximum that bounds the whole term: only for one offence of one known kind."""
    if len(offences) == 1 and (offence_count or 1) == 1:
        return offences[0].maximum
    return None
