"""Find the offences a document states, by conduct, and whether they are the offender's.

The vocabulary is ``patterns/offences.json``: offence phrasings per category
(GOLD_FORMAT version 2), statute sections per jurisdiction, and the clause
cues that tell a conviction from a charge, an acquittal, a cited case or a
look-alike ("the victim suffered grievous bodily harm", "the Sexual Assault
Unit"). Each offence becomes an ``OFFENCE`` hit whose value is an
``OffenceValue`` and whose ``attrs["status"]`` says how the clause states it:
``convicted``, ``mentioned`` (no cue), ``charged`` (charged, indicted),
``alleged`` (accused, arrested, denied, faces), ``rejected`` (acquitted,
dismissed, dropped) or ``cited`` (the offence of a cited case).
``case_offences`` turns a case's hits into its sorted categories.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from courtfacts.extract.needles import Haystack, find_near_words
from courtfacts.extract.offence_vocabulary import (
    SECTION_JOIN,
    Code,
    Rule,
    Switch,
    lookup,
    vocabulary,
)
from courtfacts.extract.ruler import Hit, Sentences
from courtfacts.extract.scanner import find_matches
from courtfacts.models import OffenceValue

LABEL = "OFFENCE"
_STATUSES = ("convicted", "charged", "alleged", "rejected", "cited")
_PRIORITY = {
    "convicted": 0,
    "charged": 1,
    "alleged": 1,
    "cited": 2,
    "rejected": 3,
}  # ties: negative
_ATTACH_REACH = 250
_LIST_REACH = 6  # sentences back to a list's introduction
_NEAR_BEFORE, _NEAR_AFTER = 60, 100  # characters around an offence where a switch's cue counts
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip


def _category(default: str, switches: Sequence[Switch], near: str, text: str) -> tuple[str, bool]:
    """The category after the rule's switches, and whether a switch fired.

    A switch's cue counts near the offence in its sentence ("raped a girl
    of 12"), or anywhere in the document for a switch of scope "document".
    """
    for switch in switches:
        scope = text if switch.scope == "document" else near
        if switch.cue.search(scope):
            return switch.category, True
    return default, False


def _near(text: str, start: int, end: int, sentence: tuple[int, int]) -> str:
    return text[max(sentence[0], start - _NEAR_BEFORE) : min(sentence[1], end + _NEAR_AFTER)]


def _intro(text: str, sentence: tuple[int, int], sents: Sentences | None) -> int:
    """Where the cues of a list item start: the sentence that introduces the list.

    "He was indicted as follows: Count 1 - murder ..." states the charge of
    every item in its first sentence.
    """
    ctx = vocabulary().context
    start = sentence[0]
    for _ in range(_LIST_REACH):
        if sents is None or start == 0:
            break
        head = text[:start].rstrip()
        if not (head.endswith((":", ";")) or ctx["list_item"].match(text[start : sentence[1]])):
            break
        start = sents.around(max(0, len(head) - 1))[0]
        if any(ctx[name].search(text[start : sentence[0]]) for name in _STATUSES):
            break
    return start


def status(
    text: str, start: int, end: int, sentence: tuple[int, int], sents: Sentences | None = None
) -> str:
    """How the clause around an offence states it (see the module docstring).

    >>> status("He was acquitted of robbery.", 20, 27, (0, 28))
    'rejected'
    >>> status("He was convicted of murder but acquitted of robbery.", 20, 26, (0, 52))
    'convicted'
    """
    ctx = vocabulary().context
    before = text[sentence[0] : start]
    after = text[end : sentence[1]]
    if ctx["not_offence_before"].search(before[-90:]) or ctx["not_offence_after"].match(after):
        return "not_offence"
    best = _last_cue(before)
    if best is None:  # no cue in the sentence: read the list's introduction too
        before = text[_intro(text, sentence, sents) : start]
        best = _last_cue(before)
    found = best[2] if best else "mentioned"
    if best and ctx["hypothetical"].search(before[max(0, best[3] - 60) : best[3]]):
        found = "mentioned"  # "insufficient to sustain a conviction of cheating"
    if ctx["rejected_after"].match(after):
        return "rejected"
    if found in ("charged", "alleged", "mentioned") and ctx["convicted_after"].match(after):
        return "convicted"
    return found


def _last_cue(before: str) -> tuple[int, int, str, int] | None:
    """The status cue that ends last in the words before an offence (ties: by ``_PRIORITY``)."""
    ctx = vocabulary().context
    best: tuple[int, int, str, int] | None = None
    for name in _STATUSES:
        for match in ctx[name].finditer(before):
            candidate = (match.end(), _PRIORITY[name], name, match.start())
            best = candidate if best is None or candidate > best else best
    return best


def _count(text: str, start: int, sentence_start: int) -> int | None:
    match = vocabulary().context["count"].search(text[max(sentence_start, start - 80) : start])
    if not match:
        return None
    word = match.group("count").lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def _phrases(haystack: Haystack) -> list[tuple[int, int, Rule]]:
    """Rule matches, overlaps settled: the longest first, then the earlier rule.

    A rule whose required words the text lacks is not run, and one is sought
    only near them (``needles.find_near_words``).
    """
    found = [
        (m.start(), m.end(), order, rule)
        for order, rule in enumerate(vocabulary().rules)
        for m in find_near_words(rule.regex, haystack)
        if m.end() > m.start()
    ]
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    kept: list[tuple[int, int, Rule]] = []
    for start, end, _, rule in found:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, rule))
    return sorted(kept, key=lambda k: k[0])


@dataclass
class _Citation:
    start: int
    end: int
    code: Code
    sections: list[str]

    def statute(self) -> str:
        return f"{self.code.name} s.{', s.'.join(self.sections)}"


def _citations(jurisdiction: str, haystack: Haystack) -> list[_Citation]:
    """Statute citations of the jurisdiction's codes, the earlier code first where two overlap.

    A citation regex whose required words the text lacks (the code's name,
    as ``needles`` reads it) is not run: it cannot match; one is sought only
    near them.
    """
    found: list[_Citation] = []
    for code in vocabulary().codes:
        if jurisdiction not in code.jurisdictions:
            continue
        for regex in code.regexes:
            for match in find_near_words(regex, haystack):
                if any(match.start() < c.end and c.start < match.end() for c in found):
                    continue
                parts = re.split(SECTION_JOIN, match.group("secs"), flags=re.IGNORECASE)
                sections = [p.strip() for p in parts if p.strip() and lookup(code, p.strip())]
                if sections:
                    found.append(_Citation(match.start(), match.end(), code, sections))
    return sorted(found, key=lambda c: c.start)


def _value(
    category: str, name: str, statute: str | None, count: int | None, state: str
) -> OffenceValue:
    return OffenceValue(
        category=category,  # type: ignore[arg-type]
        name=re.sub(r"\s+", " ", name).strip().lower(),
        statute=statute,
        count=count,
        is_convicted=state in ("convicted", "mentioned"),
    )


def _hit(
    rule: str, start: int, end: int, text: str, value: OffenceValue, attrs: dict[str, Any]
) -> Hit:
    return Hit(LABEL, rule, start, end, text[start:end], attrs=attrs, value=value)


def find_offences(text: str, sentences: Sequence[tuple[int, int]], jurisdiction: str) -> list[Hit]:
    """Every offence the text states, as OFFENCE hits in text order.

    A statute cited just after an offence phrase in its sentence is that
    offence's statute; a citation with no phrase before it is an offence of
    its own, with the section's category.

    >>> [(h.value.category, h.attrs["status"]) for h in find_offences(
    ...     "He was convicted of murder and acquitted of robbery.", [(0, 52)], "unknown")]
    [('homicide', 'convicted'), ('robbery', 'rejected')]
    """
    sents = Sentences(sentences)
    haystack = Haystack.of(text)
    citations = _citations(jurisdiction, haystack)
    hits: list[Hit] = []
    used: set[int] = set()
    phrases = _phrases(haystack)
    for index, (start, end, rule) in enumerate(phrases):
        sentence = sents.around(start)
        state = status(text, start, end, sentence, sents)
        if state == "not_offence":
            continue
        stop = min(sentence[1], end + _ATTACH_REACH)
        if index + 1 < len(phrases):
            stop = min(stop, phrases[index + 1][0])
        cited = next((c for c in citations if end <= c.start < stop and id(c) not in used), None)
        if cited is not None:
            used.add(id(cited))
        category, switched = _category(
            rule.category, rule.switches, _near(text, start, end, sentence), text
        )
        value = _value(
            category,
            text[start:end],
            cited.statute() if cited else None,
            _count(text, start, sentence[0]),
            state,
        )
        attrs = {
            "status": state,
            "narrative": rule.is_narrative,
            "switched": switched,
            "rule_category": rule.category,
        }
        hits.append(_hit(rule.id, start, end, text, value, attrs))
    for citation in citations:
        if id(citation) not in used:
            hits.extend(_citation_hits(citation, text, sents))
    _carry_switches(hits)
    _acquitted_counts(hits, text, sents)
    return sorted(hits, key=lambda h: h.start)


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
}
_COUNT_LABEL = re.compile(
    r"\b(?:count|charge)\s*(?:no\.?\s*)?(\d{1,2}|[ivx]+)\b|\b(\d{1,2})(?:st|nd|rd|th)\s+(?:count|charge)\b",
    re.IGNORECASE,
)


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word[:-2].isdigit():
        return int(word[:-2])
    return _ORDINALS.get(word) or _ROMAN.get(word)


def _acquitted_counts(hits: list[Hit], text: str, sents: Sentences) -> None:
    """An acquittal on "the third count" rejects the offence that count states."""
    numbers = {
        _number(m.group("ordinal") or m.group("number"))
        for m in find_matches(vocabulary().context["count_acquittal"], text)
    }
    numbers.discard(None)
    if not numbers:
        return
    for hit in hits:
        start, _ = sents.around(hit.start)
        labels = list(_COUNT_LABEL.finditer(text, start, hit.start))
        if labels and _number(labels[-1].group(1) or labels[-1].group(2)) in numbers:
            hit.attrs["status"] = "rejected"
            hit.value = hit.value.model_copy(update={"is_convicted": False})


def _citation_hits(citation: _Citation, text: str, sents: Sentences) -> list[Hit]:
    sentence = sents.around(citation.start)
    state = status(text, citation.start, citation.end, sentence, sents)
    if state == "not_offence":
        return []
    hits = []
    for section in citation.sections:
        key = lookup(citation.code, section) or ""
        default, name = citation.code.sections[key]
        category, switched = _category(
            default,
            citation.code.switches.get(key, ()),
            _near(text, citation.start, citation.end, sentence),
            text,
        )
        value = _value(
            category,
            name,
            f"{citation.code.name} s.{section}",
            _count(text, citation.start, sentence[0]),
            state,
        )
        attrs = {
            "status": state,
            "narrative": False,
            "switched": switched,
            "rule_category": default,
        }
        hits.append(
            _hit(
                f"offence.statute.{citation.code.id}",
                citation.start,
                citation.end,
                text,
                value,
                attrs,
            )
        )
    return hits


def _carry_switches(hits: list[Hit]) -> None:
    """A rule switched in most of its places ("raped ... when he was 10") switches in all.

    The same conduct is described several times; its victim's age is often
    stated once or twice. A switch in a few places of many (a child named
    near one of twenty mentions of an adult's rape) is not carried.
    """
    groups: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.rule, hit.attrs["rule_category"]), []).append(hit)
    for group in groups.values():
        switched = [h for h in group if h.attrs["switched"]]
        if not switched or 2 * len(switched) < len(group):
            continue
        for hit in group:
            if not hit.attrs["switched"]:
                hit.value = hit.value.model_copy(update={"category": switched[0].value.category})
