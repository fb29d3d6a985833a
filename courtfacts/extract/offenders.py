"""The people a document names, and which of them are offenders.

People are found by the ways texts introduce them: a run of capitalised
words ("John Smith", "Mohammed Khalaf Al Ali Alhamadi"), an anonymised name
in quotes ("'Andrew L'"), a title and surname ("Mr Gordon"), the accused
listed in a judgment's caption, "Name (Appellant) v ...". A person named
with a judge's, prosecutor's or officer's title, or as a victim ("the murder
of X"), is never an offender. Ages come from "Name, 45," and
"56-year-old Name". Which of these people are offenders is decided by case
assembly, by who the sentences are about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from courtfacts.patterns import load_lexicon

_WORD = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
_LINK = r"(?:[ \t]+|\n(?=[A-Z]))"
_PARTICLE = r"(?:Al|al|El|el|de|De|dela|della|van|Van|von|der|den|ter|bin|binti|ibn|da|dos|del|di|du|la|le|Le)"
_RUN = re.compile(
    rf"(?<![\w’'.])(?:{_WORD})(?:{_LINK}(?:{_WORD}|[A-Z]\.(?={_LINK}[A-Z])"
    rf"|{_PARTICLE}(?=(?:{_LINK}{_PARTICLE})*{_LINK}[A-Z])))*"
    rf"(?:{_LINK}[A-Z](?=[’'\"”]))?"
)
_QUOTED = re.compile(r"[‘'\"“](?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+[A-Z])\.?[’'\"”]")
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(?P<name>" + _WORD + r")")
_CAPTION_V = re.compile(
    rf"(?m)^\s*(?P<name>{_WORD}(?:\s+{_WORD}){{0,4}})\s+\((?:Appellant|Defendant|Accused|Applicant)\)\s+v\b"
)
_CAPTION_CROWN = re.compile(
    rf"\b(?i:R|Regina|Rex|The\s+Queen|The\s+King|State|People|United\s+States|USA|Commonwealth|HM\s+Advocate)\.?\s+(?i:v|vs)\.?\s+"
    rf"(?P<name>(?:{_WORD}|[A-Z][A-Z'’\-]+)(?:[ \t]+(?:[A-Z]\.|{_WORD}|[A-Z][A-Z'’\-]+)){{0,4}})"
)
_AGE_AFTER = re.compile(
    r"^(?:,\s+(?:aged\s+)?|\s+aged\s+)([1-9]\d)\b(?!\s*(?:years?|months?|%|,\d))"
)
_AGE_PAREN = re.compile(r"^\s+\(([1-9]\d)\)")
_AGE_BEFORE = re.compile(r"\b([1-9]\d)-year-old\s+(?:[a-z]+\s+){0,3}?[‘'\"“]?$")
_NOT_OFFENDER_BEFORE = re.compile(
    r"(?:\b(?:Judge|Justice|Recorder|Magistrate|Lord|Lady|Sir|Dame|Honour|DA|Attorney|Prosecutor|Counsel|Detective"
    r"|Det|DC|DS|DI|PC|Officer|Inspector|Constable|Sergeant|Sgt|Superintendent|Dr|Professor|Deputy|Chief|Commissioner"
    r"|Secretary|Minister|spokesperson|spokesman|spokeswoman|Marshal|Agent|Senator|Governor|Mayor)[.:]?\s+(?:\w+\s+)?"
    r"|\b(?:victims?|murder|murdered|killing|killed|death|rape|raped|assault|assaulted|attack|attacked)"
    r"\W+(?:(?!by\b)\w+\W+){0,3}"
    r"|\b(?:Republic|Kingdom|State|States|Court|University|City|County|Province|Borough|Bank|Church|Council)\s+of\s+)$"
)
_NOT_OFFENDER_AFTER = re.compile(
    r"^,?\s+(?:said|says|told|added|explained|prosecuting|defending|for\s+the\s+(?:prosecution|defence|Crown|State|appellants?|respondents?|applicants?|defendants?|accused|petitioners?|complainant)|QC|KC|SSC|SC|DSG|ASG|PC|J)\b"
)
_CITED_CASE = re.compile(
    rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,3}})\s+(?:v|vs|Vs|V)\.?\s+(?:The\s+)?(?:Republic|State|Attorney[- ]General|Queen|King|Crown|People|AG|R)\b"
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:his|her|their|its|my|our|your|a|an)\s+(?:own\s+)?$", re.IGNORECASE
)
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_DEFENDANT = re.compile(
    rf"\b(?:Defendant|Accused|Appellant|Offender|[Cc]onvict|[Tt]he\s+(?:defendant|accused|appellant|offender))\s*(?:\(\d+\))?:?[ ]+(?P<name>{_WORD}(?:[ ]+(?:[A-Z]\.|{_WORD})){{1,4}})"
)
_CAPTION_REGION = re.compile(
    r"(?is)\b(?:and\s+now(?:\s+between)?|now\s+between)\b(?P<body>.{0,600}?)\bAccused\s*[-–]\s*(?:Appellants?|Petitioners?)"
)
_CAPTION_ENTRY = re.compile(
    r"(?m)^\s*(?:\d+\.\s*)?(?P<name>[A-Z][A-Za-z]+(?:[ \t\n]+(?!alias\b)[A-Z][A-Za-z]+){1,5})"
)


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(load_lexicon("name_stopwords")["words"])


@dataclass(eq=False)
class Person:
    """One person the document names, and where."""

    name: str
    age: int | None = None
    positions: list[int] = field(default_factory=list)
    is_named_accused: bool = False
    is_excluded: bool = False

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def _trim(words: list[str]) -> list[str]:
    stop = _stop_words()
    start = 0
    while start < len(words) and words[start].rstrip(".") in stop:
        start += 1
    words = words[start:]
    for index, word in enumerate(words):
        if word.rstrip(".") in stop:
            return words[:index]
    return words


_HEADLINE_CHARS = 300


def _is_headline(text: str, position: int) -> bool:
    """A Title Case line is a headline or menu, not running prose."""
    start = text.rfind("\n", max(0, position - _HEADLINE_CHARS), position)
    end = text.find("\n", position, position + _HEADLINE_CHARS)
    if (start < 0 and position > _HEADLINE_CHARS) or (
        end < 0 and len(text) - position > _HEADLINE_CHARS
    ):
        return False  # a line this long is prose
    words = text[start + 1 : end if end >= 0 else len(text)].split()
    capitals = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 5 and capitals / len(words) > 0.7


class People:
    """The people of one document, by name and by where they are named."""

    def __init__(self) -> None:
        self.people: list[Person] = []

    def find(self, name: str) -> Person | None:
        """The known person a name refers to: the same name, or a surname of one."""
        lowered = name.lower()
        for person in self.people:
            if person.name.lower() == lowered:
                return person
        words = name.split()
        for person in self.people:
            known = person.name.split()
            if len(words) < len(known) and known[-len(words) :] == words:
                return person
            if (
                len(words) > 1
                and len(known) > 1
                and words[0] == known[0]
                and words[-1] == known[-1]
            ):
                return person
            if len(person.name.split()) == 1 and len(words) > 1 and person.name == words[-1]:
                person.name = name
                return person
        return None

    def add(
        self,
        name: str,
        position: int,
        *,
        age: int | None = None,
        accused: bool = False,
        excluded: bool = False,
    ) -> Person:
        person = self.find(name)
        if person is None:
            person = Person(name)
            self.people.append(person)
        person.positions.append(position)
        person.age = person.age or age
        person.is_named_accused = person.is_named_accused or accused
        person.is_excluded = person.is_excluded or excluded
        return person

    def named_between(self, start: int, end: int) -> list[tuple[int, Person]]:
        """People named in a character range, in order, offenders-to-be only."""
        found = [
            (pos, person)
            for person in self.people
            if not person.is_excluded
            for pos in person.positions
            if start <= pos < end
        ]
        return sorted(found, key=lambda item: item[0])


def _age_near(text: str, start: int, end: int) -> int | None:
    after = text[end : end + 20]
    match = _AGE_AFTER.match(after) or _AGE_PAREN.match(after)
    if match:
        return int(match.group(1))
    match = _AGE_BEFORE.search(text[max(0, start - 40) : start])
    return int(match.group(1)) if match else None


def _add_runs(people: People, text: str) -> None:
    for match in _RUN.finditer(text):
        words = _trim(match.group().split())
        if not words or _is_headline(text, match.start()):
            continue
        offset = match.start() + match.group().find(words[0])
        name = " ".join(words)
        if len(words) == 1 and people.find(name) is None:
            continue
        if _DETERMINER_BEFORE.search(text[max(0, offset - 12) : offset]):
            continue  # "his own Ford Transit", "a Samurai sword": a thing, not a person
        window = text[max(0, offset - 60) : offset]
        window = window[max(window.rfind(". "), window.rfind(".\n"), window.rfind("\n\n")) + 1 :]
        excluded = bool(
            _NOT_OFFENDER_BEFORE.search(window)
            or _NOT_OFFENDER_AFTER.match(text[offset + len(name) : offset + len(name) + 20])
        )
        person = people.find(name)
        if person is not None and person.is_named_accused:
            excluded = False
        age = _age_near(text, offset, match.start() + len(match.group()))
        # A full name met as a judge, counsel or victim settles that; a surname alone does not.
        people.add(name, offset, age=age, excluded=excluded and (person is None or len(words) > 1))


def _add_caption(people: People, text: str) -> None:
    region = _CAPTION_REGION.search(text[:6000])
    if region:
        for entry in _CAPTION_ENTRY.finditer(region.group("body")):
            words = _trim(entry.group("name").split())
            if len(words) >= 2:
                name = " ".join(words)
                unglued = _GLUED.sub(" ", name)
                if unglued != name and unglued in text:  # OCR glued two words of the name
                    name = unglued
                people.add(name, region.start("body") + entry.start("name"), accused=True)
    for match in _CITED_CASE.finditer(text):
        words = _trim(match.group("name").split())
        if words:
            people.add(" ".join(words), match.start("name") + match.group("name").find(words[0]))
    for regex in (_CAPTION_V, _CAPTION_CROWN):
        for match in regex.finditer(text[:6000]):
            words = _trim(
                [
                    w.title() if w.isupper() and len(w) > 1 else w
                    for w in match.group("name").split()
                ]
            )
            if words:
                people.add(" ".join(words), match.start("name"), accused=True)
    for match in _DEFENDANT.finditer(text):
        words = _trim(match.group("name").split())
        if len(words) >= 2:
            people.add(" ".join(words), match.start("name"), accused=True)


def _add_surname_mentions(people: People, text: str) -> None:
    """Later mentions by surname alone ("Dowle"), unless two people share the surname."""
    surnames = [p.surname for p in people.people]
    full_spans = [(pos, pos + len(p.name)) for p in people.people for pos in p.positions]
    for person in people.people:
        word = person.surname
        if len(word) < 3 or word in _stop_words() or surnames.count(word) > 1:
            continue
        for match in re.finditer(rf"(?<![\w’']){re.escape(word)}(?![\w])", text):
            inside = any(a <= match.start() < b for a, b in full_spans)
            if not inside and match.start() not in person.positions:
                person.positions.append(match.start())
        person.positions.sort()


def find_people(text: str) -> People:
    """Find the people a text names, with their ages where stated."""
    people = People()
    _add_caption(people, text)
    for match in _QUOTED.finditer(text):
        start = match.start("name")
        people.add(match.group("name"), start, age=_age_near(text, match.start(), match.end()))
    for match in _TITLED.finditer(text):
        if people.find(match.group("name")) is None:
            excluded = bool(
                _NOT_OFFENDER_BEFORE.search(text[max(0, match.start() - 60) : match.start()])
                or _NOT_OFFENDER_AFTER.match(text[match.end() : match.end() + 30])
            )
            people.add(match.group("name"), match.start("name"), excluded=excluded)
    _add_runs(people, text)
    _add_surname_mentions(people, text)
    return people
