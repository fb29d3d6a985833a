"""The people a document names, the role it gives each, and which of them are offenders.

People are found by how texts introduce them, checked against what names
are. The PERSON rules of ``patterns/person.jsonl`` say what a phrase makes a
person: a judge ("Judge X", "X, J."), counsel ("X, prosecuting"), an officer,
a journalist (a byline), a spokesperson, a victim ("the murder of X"), or a
person tied to a sentence or conviction: the subject of "was sentenced /
jailed / given", of "pleaded guilty" or "admitted", the object of
"sentenced X to", the accused of a caption ("R v X", "X v. State", a Sri
Lankan caption's numbered accused), "the defendant, X". Every other
capitalised run is a candidate person only if it passes the name check
(``is_name``): not a known place (GeoNames), not ending in a road, building
or organisation word, not made of common English words alone unless it
starts with a known given name, with descriptors ("Student", "Mother",
"Published") cut from its ends. Only people with a tie are offenders; the
others are kept, with their role, and never given a sentence.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from courtfacts.extract.captions import add_caption, add_ordinal_ties
from courtfacts.extract.gazetteer import places
from courtfacts.extract.names import PARTICLE, WORD, is_common_word, is_name, name_words
from courtfacts.extract.ruler import Hit

_WORD = WORD
_LINK = r"(?:[ \t]+|\n(?=[A-Z]))"
_PARTICLE = PARTICLE
_RUN = re.compile(
    rf"(?<![\w’'.])(?:{_WORD})(?:{_LINK}(?:{_WORD}|[A-Z]\.(?={_LINK}[A-Z])"
    rf"|{_PARTICLE}(?=(?:{_LINK}{_PARTICLE})*{_LINK}[A-Z])))*"
    rf"(?:{_LINK}[A-Z](?=[’'\"”]))?"
)
_QUOTED = re.compile(r"[‘'\"“](?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+[A-Z])\.?[’'\"”]")
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(?P<name>" + _WORD + r")")
_AGE_AFTER = re.compile(
    r"^(?:,\s+(?:aged\s+)?|\s+aged\s+)([1-9]\d)\b(?!\s*(?:years?|months?|%|,\d))"
)
_AGE_PAREN = re.compile(r"^\s+\((?:aged\s+)?([1-9]\d)\)")
_AGE_BEFORE = re.compile(r"\b([1-9]\d)-year-old\s+(?:[a-z]+\s+){0,3}?[‘'\"“]?$")
_DETERMINER_BEFORE = re.compile(
    r"\b(?:his|her|their|its|my|our|your|a|an)\s+(?:own\s+)?$", re.IGNORECASE
)
_SUFFIX = re.compile(r",?\s+(?:Jr|Sr)\.?$|\s+(?:II|III|IV)$")
_NICKNAME = re.compile(r"[ \t]*\([\"“‘'][^)\n]{1,30}[\"”’']\)")
_NOT_OFFENDER_ROLES = ("judge", "counsel", "officer", "journalist")
_SENTENCING_VERB = re.compile(
    r"(?i)\b(?:sentenced|re-?sentenced|jailed|imprisoned|detained|handed|given|imposed|passed|fined"
    r"|ordered|spared|locked|committed|put|meted|gave|received|receives|got|gets)\b"
)
_HEADLINE_CHARS = 300


@dataclass(eq=False)
class Person:
    """One person the document names: where, in which roles, and whether tied to a sentence."""

    name: str
    age: int | None = None
    positions: list[int] = field(default_factory=list)
    is_named_accused: bool = False
    is_excluded: bool = False
    roles: set[str] = field(default_factory=set)
    ties: list[str] = field(default_factory=list)
    rule: str = "person.name"
    numbers: dict[str, int] = field(default_factory=dict)
    is_sentenced: bool = False

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def role(self) -> str:
        """The role the document gives this person (an offender only when tied to a sentence)."""
        if self.ties or self.is_named_accused:
            return "co-defendant" if self.roles == {"co-defendant"} else "offender"
        strong = [r for r in _NOT_OFFENDER_ROLES if r in self.roles]
        if strong:
            return strong[0]
        for role in ("victim", "other"):
            if role in self.roles:
                return role
        return "other"

    @property
    def is_offender(self) -> bool:
        return self.role in ("offender", "co-defendant")


class People:
    """The people of one document, by name and by where they are named."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.background: list[int] = []  # where an old conviction is told as background
        self.aliases: dict[str, Person] = {}  # "X alias Y": Y names X

    def find(self, name: str) -> Person | None:
        """The known person a name refers to: the same name, an alias, or a surname of one."""
        lowered = name.lower()
        if lowered in self.aliases:
            return self.aliases[lowered]
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
                and (_in_order(words, known) or _in_order(known, words))
            ):
                return person  # "John Smith" and "John Paul Smith"
            if len(known) == 1 and len(words) > 1 and person.name == words[-1]:
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
        role: str | None = None,
        tie: str | None = None,
        rule: str = "person.name",
    ) -> Person:
        person = self.find(_SUFFIX.sub("", name))
        if person is None:
            person = Person(name, rule=rule)
            self.people.append(person)
        elif (_SUFFIX.search(name) and not _SUFFIX.search(person.name)) or (
            len(name.split()) > len(person.name.split())
            and _in_order(person.name.split(), name.split())
            and (not person.positions or position < min(person.positions))
        ):
            person.name = name  # the fullest form, where the text writes it first or with "Jr."
        if position not in person.positions:
            person.positions.append(position)
        person.age = person.age or age
        person.is_named_accused = person.is_named_accused or accused
        if role:
            person.roles.add(role)
        if tie:
            person.ties.append(tie)
            if person.rule == "person.name":
                person.rule = tie
        return person

    def named_between(self, start: int, end: int) -> list[tuple[int, Person]]:
        """People named in a character range, in order, offenders only."""
        found = [
            (pos, person)
            for person in self.people
            if not person.is_excluded
            for pos in person.positions
            if start <= pos < end
        ]
        return sorted(found, key=lambda item: item[0])

    def settle(self) -> None:
        """Exclude from attribution everyone the text does not tie to a sentence or conviction."""
        for person in self.people:
            person.is_excluded = not person.is_offender
            person.positions.sort()
        self.people.sort(key=lambda p: p.positions[0] if p.positions else 0)


def _in_order(short: list[str], long: list[str]) -> bool:
    """Every word of the shorter name appears in the longer one, in order."""
    rest = iter(long)
    return all(word in rest for word in short)


def _age_near(text: str, start: int, end: int) -> int | None:
    after = text[end : end + 20]
    match = _AGE_AFTER.match(after) or _AGE_PAREN.match(after)
    if match:
        return int(match.group(1))
    match = _AGE_BEFORE.search(text[max(0, start - 40) : start])
    return int(match.group(1)) if match else None


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


def _lone_name(hit: Hit, words: list[str]) -> bool:
    """Whether one word alone names a person here: a caption's party ("CASH v. STATE"), a
    co-defendant by first name ("he and his wife Anne"), or a tied word that is no common
    word or place ("Jones and Patel were jailed"); never what is left of "Bronx Man"."""
    if len(words) != 1:
        return False
    word = words[0]
    if word in name_words()["stop"]:
        return False
    if hit.rule in _SINGLE_NAME_RULES:
        return True
    if not hit.attrs.get("tie") or word.lower() in places():
        return False
    coordinated = sum(1 for g in ("name", "name2", "name3", "name4") if g in hit.groups) > 1
    return coordinated or not is_common_word(word)


_BACKGROUND_YEARS = 5
_YEAR_AFTER = re.compile(r"^[^.;\n]{0,40}?\bin\s+((?:19|20)\d\d)\b")


# "jailed for 12 years in 2019. Today the Court of Appeal increased his sentence": not background
_APPEAL_AFTER = re.compile(
    r"\b(?:Court\s+of\s+(?:Criminal\s+)?Appeals?|appeal(?:ed|s)?|unduly\s+lenient"
    r"|(?:increased|reduced|cut|quashed|doubled|extended|commuted)\s+(?:his|her|their|the)\s+(?:(?:death|life|jail|prison)\s+)?(?:sentence|term))\b",
    re.IGNORECASE,
)
_APPEAL_REACH = 400


def _is_background(hit: Hit, text: str, year: int | None) -> bool:
    """ "Roberts was convicted in 2003" in a 2020 report: an old conviction told as
    background, no tie to the sentence the document reports (a caption always ties);
    unless an appeal against it follows, which is what the document reports."""
    verbs = [hit.groups[g] for g in ("verb", "verb2", "verb3", "plea") if g in hit.groups]
    if year is None or not verbs or hit.rule.startswith("person.caption"):
        return False
    end = max(v[1] for v in verbs)
    match = _YEAR_AFTER.match(text[end : end + 60])
    if not match or int(match.group(1)) > year - _BACKGROUND_YEARS:
        return False
    return not _APPEAL_AFTER.search(text, end, end + _APPEAL_REACH)


def _add_rule_hits(people: People, text: str, hits: list[Hit], year: int | None) -> None:
    """People introduced by a PERSON rule, with the role and tie the rule gives."""
    for hit in hits:
        if hit.rule == "person.pronoun_subject":
            continue
        raw = _NICKNAME.sub("", hit.text.replace("\n", " "))
        suffix = _SUFFIX.search(raw)
        raw = _SUFFIX.sub("", raw)
        words = [w.title() if w.isupper() and len(w) > 2 else w for w in raw.split()]
        kept = is_name(words)
        if kept is None and (people.find(" ".join(words)) is not None or _lone_name(hit, words)):
            kept = words  # a surname that is also a word ("Hale", "Cash") of someone named in full or in a caption
        if kept is None:
            continue
        if len(kept) == 1 and people.find(kept[0]) is None and not _lone_name(hit, words):
            continue  # a lone word is a name only as a known surname, a caption's party, or tied
        name = " ".join(kept) + (suffix.group() if suffix and kept[-1] == words[-1] else "")
        offset = hit.start + max(0, raw.find(kept[0]) if not raw.isupper() else 0)
        role = str(hit.attrs.get("role", "other"))
        is_tie = bool(hit.attrs.get("tie"))
        if is_tie and _is_background(hit, text, year):
            is_tie = False
            people.background.append(hit.start)
        is_caption = hit.rule.startswith("person.caption") or hit.rule in _ACCUSED_RULES
        person = hit.attrs["person"] = people.add(
            name,
            offset,
            age=_age_near(text, hit.start, hit.end),
            accused=is_tie and is_caption,
            role=role,
            tie=hit.rule if is_tie else None,
            rule=hit.rule,
        )
        person.is_sentenced = person.is_sentenced or _says_sentenced(hit)


_PRONOUN_REACH = 1500
_ROLE_BEFORE = re.compile(
    r"(?i)\b(?:accused|appellants?|defendants?|petitioners?|offenders?)\b[^.;]*$"
)
_SINGLE_NAME_RULES = (
    "person.party_label",
    "person.caption_crown_v",
    "person.caption_v_state",
    "person.pronoun_and_name",
)
_ACCUSED_RULES = (
    "person.role_label",
    "person.identified_as",
    "person.party_label",
)  # not co_defendant
_DESCRIBED = re.compile(
    r"(?:^|(?<=[.!?\n”\"]))\s*(?:A|An|The)\s+(?:[\w’'-]+\s+){0,5}?"
    r"(?:man|woman|mother|father|teenager|teen|boy|girl|driver|student|resident|husband|wife|defendant|offender)"
    r"\b[^.;]{0,200}?\b(?:(?:has|have|was|were|is)\s+(?:been\s+)?(?:sentenced|jailed|imprisoned)"
    r"|pleaded\s+guilty|pled\s+guilty)\b"
)
_DESCRIBED_REACH = 600


def _add_described_tie(people: People, text: str) -> None:
    """ "A Pasadena mother has been sentenced ... Emily Aust, 30, ...": where nobody is tied by
    name, the person the text names first after a described offender is sentenced is that offender."""
    if any(p.ties or p.is_named_accused for p in people.people):
        return
    match = _DESCRIBED.search(text)
    if match is None:
        return
    candidates = sorted(
        (
            (pos, person)
            for person in people.people
            for pos in person.positions
            if match.end() <= pos < match.end() + _DESCRIBED_REACH and not person.roles
        ),
        key=lambda item: item[0],
    )
    if candidates:
        person = candidates[0][1]
        person.ties.append("person.described_then_named")
        person.roles.add("offender")
        person.is_sentenced = True


def _says_sentenced(hit: Hit) -> bool:
    """Whether a tie says the person was sentenced (not only convicted or pleading guilty)."""
    if hit.attrs.get("sentenced"):
        return True
    verbs = [hit.groups[g][2] for g in ("verb", "verb2", "verb3") if g in hit.groups]
    return any(_SENTENCING_VERB.search(verb) for verb in verbs)


def _add_pronoun_ties(people: People, text: str, hits: list[Hit]) -> None:
    """'He was jailed': tie the person named last before, if recent and not a victim or official."""
    marks = sorted(
        (
            (pos, person)
            for person in people.people
            for pos in person.positions
            if person.ties or not person.roles & {"victim", "other", *_NOT_OFFENDER_ROLES}
        ),
        key=lambda item: item[0],
    )
    starts = [pos for pos, _ in marks]
    for hit in hits:
        if hit.rule != "person.pronoun_subject":
            continue
        if _ROLE_BEFORE.search(text[max(0, hit.start - 200) : hit.start]):
            continue  # "the 1st accused pleaded guilty and he was sentenced": the role is the antecedent
        index = bisect.bisect_left(starts, hit.start) - 1
        if index >= 0 and hit.start - starts[index] <= _PRONOUN_REACH:
            person = marks[index][1]
            person.is_sentenced = person.is_sentenced or _says_sentenced(hit)
            person.ties.append(hit.rule)
            person.roles.add("offender")
            hit.attrs["person"] = person


def _add_runs(people: People, text: str) -> None:
    """Every other capitalised run that passes the name check, as a person without a role.

    A document repeats its runs (each mention of a name is one), so each run's
    name check is made once.
    """
    checked: dict[str, list[str] | None] = {}
    for match in _RUN.finditer(text):
        run = match.group()
        if run not in checked:
            checked[run] = is_name(run.split())
        kept = checked[run]
        if not kept or _is_headline(text, match.start()):
            continue
        offset = match.start() + match.group().find(kept[0])
        name = " ".join(kept)
        if len(kept) == 1 and people.find(name) is None:
            continue
        if _DETERMINER_BEFORE.search(text[max(0, offset - 12) : offset]):
            continue  # "his own Ford Transit", "a Samurai sword": a thing, not a person
        people.add(name, offset, age=_age_near(text, offset, match.start() + len(match.group())))


def _add_surname_mentions(people: People, text: str) -> None:
    """Later mentions by surname alone ("Dowle"), unless two people share the surname."""
    surnames = [p.surname for p in people.people]
    full_spans = sorted((pos, pos + len(p.name)) for p in people.people for pos in p.positions)
    span_starts = [start for start, _ in full_spans]
    # the furthest end of the spans starting at or before each one: an offset is inside a
    # full name when a span starting at or before it ends after it
    reach = list(itertools.accumulate((end for _, end in full_spans), max))
    stop = name_words()["stop"]
    for person in people.people:
        word = person.surname
        if len(word) < 3 or word in stop or surnames.count(word) > 1:
            continue
        escaped = re.escape(word)
        # the word first, then the character before it: a literal prefix the engine finds fast
        for match in re.finditer(rf"{escaped}(?<![\w’']{escaped})(?![\w])", text):
            index = bisect.bisect_right(span_starts, match.start()) - 1
            inside = index >= 0 and reach[index] > match.start()
            if not inside and match.start() not in person.positions:
                person.positions.append(match.start())
        person.positions.sort()


def find_people(
    text: str,
    hits: list[Hit] | None = None,
    sentences: list[tuple[int, int]] | None = None,
    year: int | None = None,
) -> People:
    """Find the people a text names, their roles and ages, and which are offenders.

    Args:
        text: the document text.
        hits: the PERSON hits of the rules (``patterns/person.jsonl``).
        sentences: (start, end) of each sentence.
        year: the year of the document's date, where known (old convictions told as
            background tie nobody).
    """
    people = People()
    add_caption(people, text)
    for match in _QUOTED.finditer(text):
        people.add(
            match.group("name"),
            match.start("name"),
            age=_age_near(text, match.start(), match.end()),
        )
    _add_runs(people, text)
    _add_rule_hits(people, text, hits or [], year)
    _add_pronoun_ties(people, text, hits or [])
    add_ordinal_ties(people, text, sentences or [(0, len(text))])
    _add_described_tie(people, text)
    for match in _TITLED.finditer(text):
        if people.find(match.group("name")) is None and not is_common_word(match.group("name")):
            people.add(match.group("name"), match.start("name"))
    _add_surname_mentions(people, text)
    people.settle()
    return people
