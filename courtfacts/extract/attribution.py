"""Which offender each hit of a document is about.

Only offenders are candidates (``People.settle`` excludes everyone the text
does not tie to a sentence or conviction). A sentence of a cited authority
("In R v Holt [2019] EWCA Crim 88 the court upheld 10 years") or one passed
abroad that a request seeks to have served is no case's. A list item ("1)
For the 1st count 6 months RI") is read with the lead-in it continues ("the
petitioners had been sentenced to"). Then, in order: "respectively" pairs
terms with names in order; people named together as one subject share a
sentence; a plural role ("the petitioners", "the Appellant and the 2nd
Accused") gives it to every accused of the caption; the offender named last
before the hit in its sentence ("Defendant Ortiz was sentenced"); else, in a
sentence that speaks of "the appellant" or "you", the accused named in the
caption; else the offender named in the sentence, else one named just before
("That sentence is to run concurrent to one he received"), else the only
accused, else the one named last before (if recent: "He was jailed..."),
else, for a sentence, the next one named. Sentences stated for a plural
subject with nobody named go to every offender.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from courtfacts.extract.people import People, Person
from courtfacts.extract.ruler import Hit
from courtfacts.models import Mention

_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_BOTH = re.compile(r"^[^.;]*?\b(?:both|each|all\s+(?:two|three|four|five|six|seven))\b")
_PLACE = re.compile(
    r"\b(?:from|of|in)\s+(?:(?:west|east|north|south|central|[A-Z][\w’'-]*)\s*){1,4}"
)
_JOINING_GAP = re.compile(
    r"^(?:[\s,()]|\d{1,2}\b|aged|and|&|his|her|their|brother|sister|wife|husband|partner|co-defendant|accomplice"
    r"|son|father|mother|daughter|cousin|friend)*$",
    re.IGNORECASE,
)
_PLURAL_SUBJECT = re.compile(
    r"^\W*(?:[\w’'-]+\s+){0,2}?(?P<cue>two|three|four|five|six|seven|eight|both|pair|brothers|sisters|couple|duo|trio"
    r"|they|ringleaders|gang|men|women|defendants|members|youths|teenagers)\b",
    re.IGNORECASE,
)
_HOW_MANY = {
    "two": 2,
    "both": 2,
    "pair": 2,
    "brothers": 2,
    "sisters": 2,
    "couple": 2,
    "duo": 2,
    "three": 3,
    "trio": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
}


def plural_subject(text: str) -> int | None:
    """How many people a sentence's plural subject stands for (0: "they", "the gang": any number).

    >>> plural_subject("Two brothers who used the internet have been jailed")
    2
    >>> plural_subject("A mother who drowned her two children was jailed") is None
    True
    """
    match = _PLURAL_SUBJECT.search(text)
    if match is None:
        return None
    return _HOW_MANY.get(match.group("cue").lower(), 0)


_ROLE_WORD = re.compile(
    r"(?<![\w-])(?:appellants?|accused|petitioners?|defendants?|convicts?|you|your)\b",
    re.IGNORECASE,
)
_PLURAL_ROLE = re.compile(
    r"\b(?:appellants|petitioners|defendants|accused\s+persons|convicts"
    r"|(?:appellant|accused)\s+and\s+the\s+(?:\d\s*(?:st|nd|rd|th)|first|second|third|fourth|fifth)\s+accused"
    r"|both\s+(?:the\s+)?accused)\b",
    re.IGNORECASE,
)
_TOPIC_REACH = 1500
_RECENT = 300  # named this close before, an offender is who 'he' is, before the lone accused
_LIST_ITEM = re.compile(
    r"^\W{0,3}(?:[•▪●◦*-]|\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]|counts?\s+\d|for\s+the\s+\w+\s+(?:counts?|charges?))",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"(?:\b(?:sentenced|imposed|as\s+follows|following(?:\s+sentences?)?|sentences?|punishments?|to)\s*[:;,–-]?|:)\s*$",
    re.IGNORECASE,
)
_LIST_REACH = 12
# a cited authority in the words before a sentence: "In R v Holt [2019] EWCA Crim 88 the court
# upheld 10 years", "In the case of Bandara Vs. Republic of Sri Lanka [2002] 2 Sri LR 277 ..."
# a sentence passed abroad that a request seeks to have served: "Poland seeks his extradition to
# serve that sentence", "a European Arrest Warrant for him to serve the sentence"
_TO_SERVE_ABROAD = re.compile(
    r"\b(?:extradit\w*|surrender\w*|arrest\s+warrant|EAW)\b[^.;]{0,80}?\bto\s+serve\b"
    r"|\bto\s+serve\b[^.;]{0,80}?\b(?:extradit\w*|surrender\w*)",
    re.IGNORECASE,
)
_CITED = re.compile(
    r"\b(?:[Ii]n|[Ss]ee|cf\.?|[Ff]ollowing|[Aa]pplying)\s+(?:the\s+case\s+of\s+)?(?:[A-Z][\w.’'-]*\s+){1,4}(?:v|vs|V|Vs)\.?\s+[A-Z]"
    r"|\[(?:19|20)\d\d[\]J]\s+(?:\d+\s+)?[A-Z]|\b(?:19|20)\d\d\s+\(?\d\)?\s+(?:SLR|Sri\s?LR|NLR)\b"
)


class Attribution:
    """Which person each hit of the text is about."""

    def __init__(self, people: People, text: str, sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.people = people
        self.sentences = sentences
        self._starts = [s for s, _ in sentences]
        self.as_group: set[int] = set()
        self.comparisons: set[int] = set()  # sentences of cited authorities: no case's
        self.direct: set[tuple[int, str]] = set()
        marks = people.named_between(0, len(text))
        self._mark_pos = [pos for pos, _ in marks]
        self._marks = marks

    def sentence(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.sentences[index] if index >= 0 else (0, len(self.text))

    def _served_abroad(self, start: int, end: int) -> bool:
        """Whether a sentence, or the one after it, asks for a term passed abroad to be served here."""
        index = bisect.bisect_left(self._starts, end)
        after_end = self.sentences[index][1] if index < len(self.sentences) else end
        return bool(_TO_SERVE_ABROAD.search(self.text, start, max(end, after_end)))

    def _lead_in(self, start: int) -> int:
        """Where a list item's sentence begins: at the lead-in the list continues.

        "The petitioners had been sentenced to" followed by "1) For the 1st
        count 6 months RI" and "2) 2nd count 10 years RI": each item's subject
        is the lead-in's ("the petitioners"), however many items come between.
        """
        index = bisect.bisect_right(self._starts, start) - 1
        first = index
        while first > 0 and index - first < _LIST_REACH:
            item_start, item_end = self.sentences[first]
            if not _LIST_ITEM.match(self.text[item_start:item_end]):
                break
            first -= 1
        if first == index and not _LIST_ITEM.match(self.text[start : self.sentences[index][1]]):
            return start
        lead_start, lead_end = self.sentences[first]
        if first < index and _LEAD_IN.search(self.text[lead_start:lead_end]):
            return lead_start
        return start

    def _topic(self, offset: int, reach: int = _TOPIC_REACH) -> Person | None:
        """The person named last before an offset, if recent enough to be 'he' or 'she'."""
        index = bisect.bisect_left(self._mark_pos, offset) - 1
        if index < 0 or offset - self._mark_pos[index] > reach:
            return None
        return self._marks[index][1]

    def _named_together(self, named: list[tuple[int, Person]]) -> bool:
        """Several people named as one subject: "X, 35, and his brother Y, 27, were ..."."""
        people = list(dict.fromkeys(p.name for _, p in named))
        if len(people) < 2:
            return False
        firsts = [next(pos for pos, p in named if p.name == name) for name in people]
        last_end = firsts[-1] + len(people[-1])
        if _BOTH.search(self.text[last_end : last_end + 60]):
            return True
        for (pos, name), nxt in zip(zip(firsts, people), firsts[1:]):
            gap = _PLACE.sub(" ", self.text[pos + len(name) : nxt])
            if not _JOINING_GAP.match(gap):
                return False
        return True

    def _named_between(self, start: int, end: int) -> list[tuple[int, Person]]:
        """People named in a range, in order (a slice of the sorted marks: no rescans)."""
        lo = bisect.bisect_left(self._mark_pos, start)
        hi = bisect.bisect_left(self._mark_pos, end)
        return self._marks[lo:hi]

    def who(self, hit: Hit, rank_in_sentence: int) -> list[Person]:
        """The people a hit is about: usually one, several for a shared sentence."""
        start, end = self.sentence(hit.start)
        start = self._lead_in(start)
        named = self._named_between(start, end)
        distinct = list(dict.fromkeys(person.name for _, person in named))
        by_name = {person.name: person for _, person in named}
        sentence_text = self.text[start:end]
        if hit.label == "SENTENCE" and (
            _CITED.search(self.text, start, hit.start) or self._served_abroad(start, end)
        ):
            self.comparisons.add(id(hit))
            return []
        if len(distinct) > 1 and _RESPECTIVELY.search(sentence_text):
            chosen = by_name[distinct[min(rank_in_sentence, len(distinct) - 1)]]
            self.direct.add((id(hit), chosen.name))
            return [chosen]
        before = [(pos, person) for pos, person in named if pos < hit.start]
        if hit.label == "SENTENCE" and self._named_together(before):
            return list(dict.fromkeys(p for _, p in before))
        accused = [p for p in self.people.people if p.is_named_accused and not p.is_excluded]
        is_group = len(accused) > 1 and bool(_PLURAL_ROLE.search(sentence_text))
        if is_group and all(person in accused for _, person in before):
            self.as_group.add(id(hit))  # "The Appellant and the 2nd Accused were sentenced"
            return accused
        if before:
            self.direct.add((id(hit), before[-1][1].name))
            return [before[-1][1]]
        if accused and _ROLE_WORD.search(sentence_text):
            return accused[:1]
        if named:
            self.direct.add((id(hit), named[0][1].name))
            return [named[0][1]]
        topic = self._topic(hit.start, _RECENT)
        if topic:
            return [topic]  # "Roscher ... was sentenced to one to three years. That sentence is
            # to run concurrent to a five-year sentence he received": Roscher's, not the accused's
        if len(accused) == 1:
            return accused
        topic = self._topic(hit.start)
        if topic:
            return [topic]
        if plural_subject(sentence_text[: hit.start - start]) is not None:
            return []  # "Two brothers ... were jailed": shared out once the offenders are known
        later = self._named_between(hit.start, hit.start + _TOPIC_REACH)
        return [later[0][1]] if later and hit.label == "SENTENCE" else []


def owners(hits: list[Hit], attribution: Attribution) -> dict[int, list[Person]]:
    """Give every hit its people; shared plural sentences go to every offender."""
    owner: dict[int, list[Person]] = {}
    rank: Counter[tuple[tuple[int, int], str]] = Counter()
    for hit in hits:
        key = (attribution.sentence(hit.start), hit.label)
        owner[id(hit)] = attribution.who(hit, rank[key])
        rank[key] += 1
    found = offenders(hits, owner)
    for hit in hits:
        if (owner[id(hit)] and owner[id(hit)][0] in found) or id(hit) in attribution.comparisons:
            continue
        if len(found) == 1:
            owner[id(hit)] = found
        elif hit.label == "SENTENCE" and not owner[id(hit)] and found:
            start, _ = attribution.sentence(hit.start)
            size = plural_subject(attribution.text[start : hit.start])
            if size is not None and size in (0, len(found)):
                owner[id(hit)] = found
                if size == 0:  # "The gang were jailed for...": listed once, for no one by name
                    attribution.as_group.add(id(hit))
    return owner


def offenders(hits: list[Hit], owner: dict[int, list[Person]]) -> list[Person]:
    """The people who own at least one sentence, in order of first sentence."""
    found: list[Person] = []
    for hit in hits:
        if hit.label == "SENTENCE":
            for person in owner[id(hit)]:
                if person not in found:
                    found.append(person)
    return found


def attributed(
    mentions: list[Mention], hits: list[Hit], owner: dict[int, list[Person]], groups: set[int]
) -> list[Mention]:
    """Mentions with their offender; a sentence shared by several named people is listed once
    for each, one stated for a group by its role ("the petitioners") once with no name."""
    by_id = {h.mention_id: ([] if id(h) in groups else owner[id(h)]) for h in hits if h.mention_id}
    result: list[Mention] = []
    for mention in mentions:
        people = by_id.get(mention.id) or []
        if not people:
            result.append(mention)
            continue
        result.append(mention.model_copy(update={"offender": people[0].name}))
        if mention.kind == "sentence":
            for extra, person in enumerate(people[1:], start=2):
                result.append(
                    mention.model_copy(
                        update={"offender": person.name, "id": f"{mention.id}.{extra}"}
                    )
                )
    return result
