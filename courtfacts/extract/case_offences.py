"""A case's offences: its categories, their evidence, statutes and the statutory maximum.

Which offence hits count for a case, in order, the first tier that gives any:

1. offences stated as convicted (pleaded, admitted, found guilty,
   sentenced for) in sentences that name the offender, then in the case's
   other hits, then in sentences that name nobody (a headline, "the two
   men admitted ...");
2. the same for offences described by conduct only ("fatally stabbed");
3. offences charged or indicted (an appeal judgment says "convicted as
   charged" after listing the counts), then offences mentioned with no cue;
   only the first statement of them (the indictment, not the law quoted
   later).

An offence the text says was acquitted, dismissed or dropped, or that of a
cited case, never counts.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from courtfacts.extract.attribution import Attribution, plural_subject
from courtfacts.extract.components import CONTEXT, HITS, PEOPLE
from courtfacts.extract.offences import LABEL
from courtfacts.extract.ruler import Hit
from courtfacts.extract.statutes import Offence, statutes_for
from courtfacts.models import duration_days

_TIERS = (
    ({"convicted"}, False),
    ({"convicted"}, True),
    ({"charged"}, None),
    ({"mentioned"}, None),
)
_TOPIC_REACH = 600  # characters back to the person a "he" or "she" stands for
_CLUSTER = 1500  # characters: how far the statement of the charges runs


def _tier(hits: list[Hit], states: set[str], narrative: bool | None) -> list[Hit]:
    return [
        h
        for h in hits
        if h.attrs.get("status") in states
        and (narrative is None or bool(h.attrs.get("narrative")) == narrative)
    ]


def _first_cluster(hits: list[Hit]) -> list[Hit]:
    """The hits near the first: a judgment states the charges once, at its start."""
    if not hits:
        return []
    first = min(h.start for h in hits)
    return [h for h in hits if h.start - first <= _CLUSTER]


def chosen_offences(named: list[Hit], mine: list[Hit], unowned: list[Hit]) -> list[Hit]:
    """The offence hits that give a case its categories (see the module docstring).

    Args:
        named: the hits in sentences that name the offender, and the case's
            hits in sentences that name nobody ("He also admitted burglary").
        mine: the case's hits, less those in sentences naming only others.
        unowned: the document's hits in sentences that name nobody.
    """
    for states, narrative in _TIERS[:2]:
        for pool in (named, mine, unowned):
            chosen = _tier(pool, states, narrative)
            if chosen:
                return chosen
    pool = mine + [h for h in unowned if h not in mine]
    for states, narrative in _TIERS[2:]:
        chosen = _first_cluster(_tier(pool, states, narrative))
        if chosen:
            return chosen
    return []


def _name_patterns(doc: Doc, attribution: Attribution) -> list[tuple[str, re.Pattern[str]]]:
    """Each offender's full name, and their surname where no one else bears it.

    Victims, witnesses and officers are left out: "convicted of the murder of
    Jane Doe" is about the offender.
    """
    everyone = doc.user_data.get(PEOPLE) or attribution.people
    people = [
        p for p in everyone.people if not p.is_excluded or p.role in ("offender", "co-defendant")
    ]
    names = list(dict.fromkeys(p.name for p in people))
    surnames = Counter(n.split()[-1] for n in names if n.split())
    found = []
    for name in names:
        forms = [re.escape(name)]
        last = name.split()[-1] if name.split() else ""
        if len(last) > 2 and surnames[last] == 1 and last != name:
            forms.append(re.escape(last))
        found.append((name, re.compile(rf"(?<!\w)(?:{'|'.join(forms)})(?!\w)")))
    return found


def _named_in_sentence(
    hit: Hit, attribution: Attribution, patterns: list[tuple[str, re.Pattern[str]]]
) -> set[str]:
    """Who the hit's sentence names before it (else after it, else the person named last).

    "Marcus Jackson was tried with co-defendant Juwan Square and found guilty
    of racketeering" names both; "He also admitted burglary" names nobody.
    """
    start, end = attribution.sentence(hit.start)
    for part in (attribution.text[start : hit.start], attribution.text[hit.end : end]):
        named = {name for name, pattern in patterns if pattern.search(part)}
        if named:
            return named
    if plural_subject(attribution.text[start : hit.start]) is not None:
        return set()  # "Both defendants admitted ...": everyone's
    before = attribution.text[max(0, start - _TOPIC_REACH) : start]
    last = [(m.end(), name) for name, pattern in patterns for m in pattern.finditer(before)]
    return {max(last)[1]} if last else set()  # "He also admitted ...": the one named last


def _most_serious(offences: list[Offence]) -> str | None:
    """The highest maximum: death, then life, then the longest term."""
    maxima = [o.maximum for o in offences if o.maximum]
    for word in ("death", "life"):
        if word in maxima:
            return word
    return max(maxima, key=duration_days) if maxima else None


def _share(term: object, cap: str | None) -> float | None:
    if not isinstance(term, str) or not cap or cap in ("life", "death"):
        return None
    try:
        return round(duration_days(term) / duration_days(cap), 3)
    except ValueError:
        return None


def case_offences(
    hits: list[Hit], doc: Doc, attribution: Attribution, fields: dict[str, object]
) -> dict[str, object]:
    """The offence fields of one case, from the hits given to it.

    Args:
        hits: the hits attributed to the case's offender.
        doc: the processed document (its hits and jurisdiction).
        attribution: who each hit of the document is about.
        fields: the case's fields so far (``custodial_term`` is read).

    Returns:
        ``offences``, ``statutes``, ``statutory_maximum``,
        ``term_share_of_maximum`` where known, and ``evidence`` with the
        offence mention ids.
    """
    mine = [h for h in hits if h.label == LABEL]
    every = [h for h in doc.user_data[HITS] if h.label == LABEL]
    patterns = _name_patterns(doc, attribution)
    names = {id(h): _named_in_sentence(h, attribution, patterns) for h in every}
    offender = fields.get("offender")
    named = [h for h in every if offender in names[id(h)]]
    named += [h for h in mine if not names[id(h)] and h not in named]
    others = [h for h in mine if not names[id(h)] or offender in names[id(h)]]
    unowned = [h for h in every if not names[id(h)]]
    chosen = chosen_offences(named, others, unowned)
    if not chosen:
        return {"evidence": {}}
    found: dict[str, object] = {"offences": sorted({h.value.category for h in chosen})}
    ids = [h.mention_id for h in chosen if h.mention_id]
    jurisdiction = doc.user_data[CONTEXT].jurisdiction
    statutes = statutes_for([f"{h.text} {h.value.statute or ''}" for h in chosen], jurisdiction)
    if statutes:
        found["statutes"] = [s.id for s in statutes]
        cap = _most_serious(statutes)
        if cap:
            found["statutory_maximum"] = cap
            share = _share(fields.get("custodial_term"), cap)
            if share is not None:
                found["term_share_of_maximum"] = share
    found["evidence"] = {"offences": ids} if ids else {}
    return found
