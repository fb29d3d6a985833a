"""The accused of a Commonwealth caption: a numbered list of accused, its appellants, and
the ordinal references ("the 2nd and 3rd accused were convicted") that tie them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from courtfacts.extract.count_terms import label_number
from courtfacts.extract.names import PARTICLE, WORD, is_name

if TYPE_CHECKING:
    from courtfacts.extract.people import People

_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_CAPTION_REGION = re.compile(
    r"(?is)\b(?:and\s+now(?:\s+between)?|now\s+between)\b(?P<body>.{0,600}?)\bAccused\s*[-–]\s*(?:Appellants?|Petitioners?)"
)
_CAPTION_LIST = re.compile(
    r"(?s)(?P<body>(?:^|\s)1\.\s*[A-Z].{0,900}?)\n\s*(?:ACCUSED|Accused|Accused\s+persons)\s*\n"
)
_CAPTION_ENTRY = re.compile(
    r"(?m)^(?:[^\n]*?\s)?(?:\d\.\s*)?(?P<name>[A-Z][A-Za-z]+(?:[ \t\n]+(?!alias\b)[A-Z][A-Za-z]+){1,5})"
)
_NUMBERED = re.compile(r"(?m)(?:^|\s)(\d{1,2})\.\s*(?=[A-Z])")


def add_caption(people: People, text: str) -> None:
    """The accused of a Sri Lankan caption (numbered, with aliases), and its appellants.

    The appellants ("AND NOW BETWEEN ... Accused-Appellants") are the accused
    before the court. The indictment's list of accused ("1. A ... 2. B ...
    ACCUSED") gives each accused a number; they are tied to a sentence only
    where there is no appellant, or where the text says the numbered accused
    was convicted or sentenced (``add_ordinal_ties``).
    """
    head = text[:6000]
    appeal = _CAPTION_REGION.search(head)
    listing = _CAPTION_LIST.search(head)
    for region, kind in ((appeal, "appellant"), (listing, "accused")):
        if region is None:
            continue
        is_tied = kind == "appellant" or appeal is None
        for name, offset, number, alias in _caption_entries(region.group("body")):
            unglued = _GLUED.sub(" ", name)
            words = is_name((unglued if unglued != name and unglued in text else name).split())
            if not words or len(words) < 2:
                continue
            person = people.add(
                " ".join(words),
                region.start("body") + offset,
                accused=is_tied,
                role="offender" if is_tied else None,
                tie=f"person.caption_{kind}" if is_tied else None,
                rule=f"person.caption_{kind}",
            )
            if alias:
                people.aliases[alias.lower()] = person
            person.numbers.setdefault(kind, number)


_ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
)
_ORDINAL_REF = re.compile(
    rf"(?i)\b(?P<numbers>{_ORDINAL}(?:(?:\s*,\s*|\s+and\s+|\s+&\s+|\s+)(?:the\s+)?{_ORDINAL})*)"
    r"\s+(?P<kind>accused|appellants?|petitioners?)"
)
_THEY = re.compile(r"\s*(?:They|He|She|Both|All)\b")
_CONVICTED = re.compile(
    r"(?i)\b(?:convicted|sentenced|pleaded\s+guilty|pled\s+guilty|found\s+guilty|imposed)\b"
)


def add_ordinal_ties(people: People, text: str, sentences: list[tuple[int, int]]) -> None:
    """ "The 2nd, 3rd and 4th accused pleaded guilty ... and were sentenced": tie the numbered accused."""
    numbered = [p for p in people.people if p.numbers]
    if not numbered:
        return
    for index, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        if not _CONVICTED.search(sentence):
            continue
        after = text[slice(*sentences[index + 1])] if index + 1 < len(sentences) else ""
        said = sentence + (" " + after if _THEY.match(after) else "")
        for ref in _ORDINAL_REF.finditer(sentence):
            kind = "accused" if ref.group("kind").lower() == "accused" else "appellant"
            for token in re.findall(_ORDINAL, ref.group("numbers"), re.IGNORECASE):
                number = label_number(token) or 0
                named = [p for p in numbered if p.numbers.get(kind) == number] or [
                    p for p in numbered if number in p.numbers.values()
                ][:1]  # "the 2nd and 3rd appellants" of a list that numbers them as accused
                for person in named:
                    if "person.ordinal" not in person.ties:
                        person.ties.append("person.ordinal")
                        person.is_sentenced = person.is_sentenced or "sentenced" in said.lower()
                        person.roles.add("offender")
                        person.positions.append(start + ref.start())


def _caption_entries(body: str) -> list[tuple[str, int, int, str]]:
    """Names of a caption's list with their numbers ("1. A B / 2. C D"), or one per line.

    A two-column caption interleaves case numbers with the names ("1. Liyanage
    Manupriya", "APN 26 / 19", "Somasiri alias Dammika" on three lines): only words written as
    names are kept from each line, up to a digit, slash or colon, and an
    alias is cut off the name (and returned beside it).
    """
    numbers = list(_NUMBERED.finditer(body))
    if not numbers:
        return [
            (re.sub(r"\s+", " ", m.group("name")).strip(), m.start("name"), index, "")
            for index, m in enumerate(_CAPTION_ENTRY.finditer(body), start=1)
        ]
    entries: list[tuple[str, int, int]] = []
    for match, nxt in zip(numbers, [*numbers[1:], None]):
        chunk = body[match.end() : nxt.start() if nxt else len(body)]
        words: list[str] = []
        for line in chunk.split("\n"):
            line = re.split(r"\b(?:High|Court|Case|HC)\b|\d|/|:", line)[0]
            words.extend(w for w in line.split() if re.fullmatch(rf"{WORD}|alias|{PARTICLE}", w))
        name, _, alias = " ".join(words).partition(" alias ")
        name = name.removesuffix(" alias").strip(" .,")
        if name:
            entries.append((name, match.end(), int(match.group(1)), alias.strip(" .,")))
    return entries
