"""Who the offenders are, and which offender each mention is about.

Names are found by the ways texts introduce the people they report on:
"John Smith, 45," ; "56-year-old 'Andrew L'"; "Smith was jailed";
"sentenced John Smith to"; the accused named in a judgment's caption. A name
is an offender's when a sentencing, plea or conviction verb sits with it,
or when it carries an age in a report that sentences someone. Later
mentions of a surname alone ("Dowle") refer to the full name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from courtfacts.patterns import load_lexicon

_NAME = r"(?:[A-Z][a-z'’\-]+|[A-Z]\.?)(?:\s+(?:[A-Z][a-z'’\-]+|[A-Z]\.|(?:Al|al|de|De|van|von|bin|ibn|da|dos)(?=\s+[A-Z])))*\s+[A-Z][a-z'’\-]+|[A-Z][a-z'’\-]+"
_AGE_AFTER = re.compile(rf"(?<![\w’'])(?P<name>{_NAME}),\s+(?:aged\s+)?(?P<age>\d{{1,2}})\s*(?:,|\band\b|\bof\b|\bfrom\b|\bwho\b|\bwas\b|\bis\b|\bhave\b|\bhad\b|\bwere\b|\bpleaded\b|\bwill\b|\()")
_AGE_BEFORE = re.compile(rf"\b(?P<age>\d{{1,2}})-year-old\s+(?:[a-z]+\s+){{0,3}}?[‘'\"“]?(?P<name>{_NAME})[’'\"”]?")
_QUOTED = re.compile(r"[‘'\"“](?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+[A-Z])\.?[’'\"”]")
_SUBJECT_VERB = re.compile(
    rf"(?<![\w’'])(?P<name>{_NAME})(?:,[^,.]{{1,80}},)?\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|will\s+be|'s|who\s+was)?\s*(?:\w+\s+)?"
    r"(?:sentenced|jailed|imprisoned|convicted|fined|detained|pleaded|pled|admitted|received|handed|given|ordered|found\s+guilty|locked\s+up)\b"
)
_OBJECT = re.compile(rf"\b(?:sentenced|jailed|fined|convicted|handed)\s+(?P<name>{_NAME})\b")
_CAPTION = re.compile(
    rf"(?m)^\s*(?:\d+\.\s*)?(?P<name>{_NAME})(?:\s+alias\s+[^\n]+)?\s*\n(?:[^\n]{{0,80}}\n){{0,3}}?\s*(?:\d+(?:st|nd|rd|th)\s+)?(?:Accused|Appellant|Petitioner|Defendant|Respondent\s*-\s*Appellant)"
)


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(load_lexicon("name_stopwords")["words"])


@dataclass
class Offender:
    """One person the document reports on, and where it names them."""

    name: str
    age: int | None = None
    positions: list[int] = field(default_factory=list)
    is_sentenced: bool = False

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def _clean_name(raw: str) -> str | None:
    words = raw.replace("\n", " ").split()
    stop = _stop_words()
    while words and (words[0] in stop or words[0].lower() in stop):
        words = words[1:]
    while words and (words[-1] in stop or words[-1].lower() in stop):
        words = words[:-1]
    if not words or all(len(w.rstrip(".")) <= 1 for w in words):
        return None
    return " ".join(words)


class OffenderIndex:
    """The offenders of one document, by name and by where they are named."""

    def __init__(self) -> None:
        self.people: dict[str, Offender] = {}

    def add(self, raw: str, position: int, age: int | None = None, sentenced: bool = False) -> None:
        name = _clean_name(raw)
        if name is None:
            return
        person = self.find(name)
        if person is None:
            person = self.people.setdefault(name, Offender(name))
        person.positions.append(position)
        person.age = person.age or age
        person.is_sentenced = person.is_sentenced or sentenced

    def find(self, name: str) -> Offender | None:
        """The known person a name refers to: the same name, or a surname or full name of one."""
        if name in self.people:
            return self.people[name]
        words = name.split()
        for person in self.people.values():
            if len(words) == 1 and words[0] == person.surname:
                return person
            if len(person.name.split()) == 1 and person.name == words[-1]:
                person.name = name if len(words) <= 5 else person.name
                return person
            if name.startswith(person.name + " ") or person.name.startswith(name + " "):
                return person
        return None

    @property
    def offenders(self) -> list[Offender]:
        return [p for p in self.people.values() if p.is_sentenced]


def find_offenders(text: str) -> OffenderIndex:
    """Find the people a text names as sentenced, pleading or convicted."""
    index = OffenderIndex()
    for match in _CAPTION.finditer(text[:8000]):
        index.add(match.group("name"), match.start("name"), sentenced=True)
    for regex in (_AGE_AFTER, _AGE_BEFORE):
        for match in regex.finditer(text):
            index.add(match.group("name"), match.start("name"), int(match.group("age")))
    for match in _QUOTED.finditer(text):
        index.add(match.group("name"), match.start("name"))
    for regex in (_SUBJECT_VERB, _OBJECT):
        for match in regex.finditer(text):
            index.add(match.group("name"), match.start("name"), sentenced=True)
    _mark_surname_mentions(index, text)
    return index


def _mark_surname_mentions(index: OffenderIndex, text: str) -> None:
    for person in list(index.people.values()):
        for word in {person.name, person.surname}:
            if len(word) < 3:
                continue
            for match in re.finditer(rf"(?<![\w’']){re.escape(word)}(?![\w])", text):
                person.positions.append(match.start())
        person.positions = sorted(set(person.positions))
