"""The offence vocabulary of ``patterns/offences.json``, compiled once.

Rule and citation regexes are compiled at their first use, and then only as
their scanners (``scanner.find_matches``), so start-up compiles none twice.

Rules (offence phrasings with their categories and switches), clause cues
(``context``) and statute codes per jurisdiction, whose citations
(``section 296 of the Penal Code``, ``18 U.S.C. § 2252(a)(4)(B)``, ``PC 288(a)``)
are matched before or after the code's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from courtfacts.patterns import deferred, load_lexicon

_SECTION = r"\d+[A-Za-z]{0,2}(?:\.\d+[A-Za-z]?)?(?:\s?\(\s?\w{1,4}\s?\))*"
SECTION_JOIN = (
    r"\s*(?:,|and|or|&|/|to|read\s+(?:together\s+)?with|r/w)\s*(?:(?:sections?|ss?\.|§§?)\s*)?"
)
_SECTIONS = rf"{_SECTION}(?:{SECTION_JOIN}{_SECTION})*"


@dataclass(frozen=True)
class Switch:
    cue: re.Pattern[str]
    scope: str
    category: str


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    regex: re.Pattern[str]
    is_narrative: bool
    switches: tuple[Switch, ...]


@dataclass(frozen=True)
class Code:
    id: str
    name: str
    jurisdictions: tuple[str, ...]
    regexes: tuple[re.Pattern[str], ...]
    sections: dict[str, tuple[str, str]]
    switches: dict[str, tuple[Switch, ...]]


@dataclass(frozen=True)
class Vocabulary:
    rules: tuple[Rule, ...]
    context: dict[str, re.Pattern[str]]
    codes: tuple[Code, ...]


def _switches(raw: list[dict[str, str]], cues: dict[str, re.Pattern[str]]) -> tuple[Switch, ...]:
    return tuple(
        Switch(cues[s["cue"]], s.get("scope", "sentence"), s["category"]) for s in raw or []
    )


def _code(raw: dict[str, Any], cues: dict[str, re.Pattern[str]]) -> Code:
    act = raw["act"]
    before = rf"\b(?:sections?|ss?\.|§§?)\s*(?P<secs>{_SECTIONS})\s*,?\s*(?:(?:of|under)\s+)?(?:the\s+)?(?:said\s+)?(?:{act})"
    after = rf"(?:{act})\s*,?\s*(?:(?:sections?|§§?|ss?\.)\s*)?(?P<secs>{_SECTIONS})"
    return Code(
        raw["id"],
        raw["name"],
        tuple(raw["jurisdictions"]),
        tuple(
            deferred(f"{raw['id']}.{side}", p, re.IGNORECASE)
            for side, p in (("before", before), ("after", after))
        ),
        {key.lower(): (value[0], value[1]) for key, value in raw["sections"].items()},
        {key.lower(): _switches(value, cues) for key, value in (raw.get("when") or {}).items()},
    )


@cache
def vocabulary() -> Vocabulary:
    """The offence vocabulary of ``patterns/offences.json``, compiled once."""
    data = load_lexicon("offences")
    cues = {name: re.compile(p, re.IGNORECASE) for name, p in data["cues"].items()}
    rules = tuple(
        Rule(
            r["id"],
            r["category"],
            deferred(r["id"], r["pattern"], re.IGNORECASE),
            bool(r.get("narrative")),
            _switches(r.get("when"), cues),
        )
        for r in data["rules"]
    )
    flags = {"cited": 0}  # "X v Y" needs its capitals
    context = {
        name: re.compile(p, flags.get(name, re.IGNORECASE))
        for name, p in data["context"].items()
        if name != "note"
    }
    return Vocabulary(rules, context, tuple(_code(c, cues) for c in data["codes"]))


def lookup(code: Code, section: str) -> str | None:
    """The longest key of the code that the section starts with ("364(2)(e)" -> "364(2)")."""
    key = re.sub(r"\s", "", section).lower()
    while key:
        if key in code.sections:
            return key
        trimmed = re.sub(r"\([^()]*\)$", "", key)
        key = trimmed if trimmed != key else ""
    return None
