"""What a case's sentence, term and offence count are, from the hits given to its offender.

Pure functions over sentence values and counts: the sentence that stands
(substituted on appeal, else the most severe), the one stated for the
fewest offenders, and offence counts that add up within one sentence.
What a whole passage says (``is_revoked``, ``is_acquitted``, ``numbered_count``)
is the same for each case of it, so it is worked out once per passage, its
regexes run through their scanners (``scanner.find_matches``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from courtfacts.extract.count_terms import label_number
from courtfacts.extract.normalise import compare_key, scale_duration
from courtfacts.extract.ruler import Hit
from courtfacts.extract.scanner import find_matches
from courtfacts.extract.sentence_context import read_share
from courtfacts.models import SentenceValue

SEVERITY = ["death", "life", "extended", "custody", "suspended", "community", "other", "fine"]


def final_sentence(
    sentences: list[tuple[str, SentenceValue]],
) -> tuple[list[str], SentenceValue | None, SentenceValue | None]:
    """Pick the sentence that stands: the substituted one on appeal, else the most severe.

    Within the most severe kind a stated total stands ("a total of 6 years",
    "13 years on each of three counts, consecutive"), then the longest exact
    term: "jailed for more than five years" gives way to "four years and
    eight months" stated elsewhere.
    """
    substituted = [(i, v) for i, v in sentences if v.role == "substituted"]
    original = [(i, v) for i, v in sentences if v.role == "original"]
    pool = substituted or [(i, v) for i, v in sentences if v.role != "original"] or original
    if not pool:
        return [], None, None
    best_kind = min((v.kind for _, v in pool), key=SEVERITY.index)
    chosen = [(i, v) for i, v in pool if v.kind == best_kind]
    totals = [(i, v) for i, v in chosen if v.total_term]
    if totals:
        top = max(totals, key=lambda item: compare_key(item[1].total_term or "P0D"))
        return (
            [top[0]],
            top[1].model_copy(update={"term": top[1].total_term}),
            _before(substituted, original),
        )
    with_term = [(i, v) for i, v in chosen if v.term]
    exact = [(i, v) for i, v in with_term if not v.is_approximate]
    with_term = exact or with_term
    if with_term:
        top = max(with_term, key=lambda item: compare_key(item[1].term or "P0D"))
        chosen = [top]
    return [i for i, _ in chosen], chosen[0][1], _before(substituted, original)


def _before(
    substituted: list[tuple[str, SentenceValue]], original: list[tuple[str, SentenceValue]]
) -> SentenceValue | None:
    return original[0][1] if substituted and original else None


def custodial_term(
    sentences: list[tuple[str, SentenceValue]], final: SentenceValue | None
) -> tuple[list[str], str | None]:
    """The case's custodial term: the final sentence's, or beside a death sentence the longest custodial one.

    A court that passes death on one count and ten years on another leaves a
    custodial term of ten years; fines and community orders have none.
    """
    if final is None or final.kind in ("fine", "community"):
        return [], None
    if final.kind != "death":
        return [], final.term
    live = [(i, v) for i, v in sentences if v.role != "original" and v.kind == "custody" and v.term]
    if not live:
        return [], None
    top = max(live, key=lambda item: compare_key(item[1].total_term or item[1].term or "P0D"))
    return [top[0]], top[1].total_term or top[1].term


_SUSPENSION = r"(?:suspended\s+(?:sentence|term|imprisonment)|probation(?:ary\s+sentence)?|community\s+(?:order|supervision|control))"
_REVOKED = re.compile(
    rf"\brevocation\s+of\s+(?:(?:the\s+)?(?:[\w-]+\s+){{0,3}}?[\w-]+[’']s\s+|his\s+|her\s+|their\s+|the\s+)?{_SUSPENSION}"
    rf"|\b{_SUSPENSION}\s+(?:was|is|were|has\s+been|had\s+been)\s+(?:\w+\s+)?revoked"
    rf"|\brevok(?:ed|ing)\s+(?:his|her|their|the\s+(?:[\w-]+[’']s\s+)?)\s*{_SUSPENSION}",
    re.IGNORECASE,
)
_UNDONE = re.compile(r"\b(?:revers\w*|vacat\w*|set\s+aside|quash\w*)\b", re.IGNORECASE)


@lru_cache(maxsize=4)
def is_revoked(text: str) -> bool:
    """Whether a suspended sentence or probation was revoked and the revocation stands.

    "affirming the revocation of Appellant's suspended sentence": the term is
    now served in custody. A revocation reversed or vacated in the same
    sentence ("we reverse the order revoking his probation") is not; nor is
    the revocation of anything else ("revocation of life interest by deed").
    """
    for match in find_matches(_REVOKED, text):
        start = max(text.rfind(".", 0, match.start()), 0)
        if not _UNDONE.search(text, start, match.start()):
            return True
    return False


_ACQUITTED = re.compile(
    r"\b(?:(?:appellants?|petitioners?|accused(?:-appellants?|-petitioners?)?|defendants?|he|she|they)\s+"
    r"(?:is|are|was|were|stands?|be|hereby|therefore|accordingly|is\s+hereby|is\s+therefore|are\s+hereby|are\s+therefore)\s+(?:hereby\s+)?acquitted"
    r"|\b(?:we|I)\s+(?:hereby\s+|therefore\s+|accordingly\s+)?acquit\s+(?:the\s+)?(?:accused(?:-appellants?)?|appellants?|petitioners?|him|her|them))\b"
    r"(?P<scope>[^.;]{0,40})",
    re.IGNORECASE,
)
_WHOLE = re.compile(
    r"^\s*(?:$|[,:]|and\b|accordingly\b|forthwith\b|from\s+(?:all\s+)?(?:the\s+)?(?:charges|counts|(?:this|the)\s+case)"
    r"|(?:of|on)\s+all\s+(?:the\s+)?(?:charges|counts|offen[cs]es))",
    re.IGNORECASE,
)
_SET_ASIDE = re.compile(
    r"\bconvictions?(?:\s+and\s+(?:the\s+)?sentences?)?(?:\s+imposed\s+on\s+(?:the\s+)?[\w-]+)?\s+"
    r"(?:is|are|were|was|be|stands?)\s+(?:hereby\s+)?(?:set\s+aside|quashed)"
    r"|\b(?:set\s+aside|quash)\s+the\s+convictions?\b(?![^.;]{0,80}\bsubstitut)",
    re.IGNORECASE,
)
_ALLOWED = re.compile(r"\bappeal\s+(?:is|stands)\s+(?:hereby\s+)?allowed\b", re.IGNORECASE)


@lru_cache(maxsize=4)
def is_acquitted(text: str) -> bool:
    """Whether the document ends the case with no conviction: acquitted, or the conviction set aside.

    An acquittal of one count or offence ("we acquit the accused on the third
    count", "acquitted of murder but convicted of manslaughter") leaves the
    rest standing, unless the appeal is then allowed; the noun ("moved for
    the acquittal") and another accused's acquittal are not the offender's.
    """
    if next(find_matches(_SET_ASIDE, text), None) is not None:
        return True
    for match in find_matches(_ACQUITTED, text):
        if _WHOLE.match(match.group("scope")):
            return True
        if _ALLOWED.search(text, match.end(), match.end() + 300):
            return True
    return False


def prefer_own(
    sentences: list[tuple[str, SentenceValue]], sharers: dict[str, int]
) -> list[tuple[str, SentenceValue]]:
    """Prefer sentences stated for the fewest offenders, then the most severe kind.

    "The gang were jailed for more than 23 years" (shared by seven) gives way
    to "Albu and Mihulca were both handed four years" (two), and that to
    "Popinciuc was jailed for five years and nine months" (one); a headline's
    "Two Gang Members Sentenced to 21 Years to Life and 20 Years" gives way
    to "Ruiz was sentenced to 20 years", whatever the headline's kinds.
    """
    live = [(i, v) for i, v in sentences if v.role != "original"] or sentences
    if not live:
        return sentences
    fewest = min(sharers.get(i, 1) for i, _ in live)
    own = [(i, v) for i, v in live if sharers.get(i, 1) == fewest]
    if any(v.role == "substituted" for _, v in own):
        # the sentence an appeal or a commutation substitutes stands, whatever its kind
        return sentences
    kind = min((v.kind for _, v in own), key=SEVERITY.index)
    return [(i, v) for i, v in own if v.kind == kind] + [
        (i, v) for i, v in sentences if v.role == "original"
    ]


_ADDITIONAL = re.compile(
    r"^\W*(?:[\w-]+\s+){1,2}?(?:additional|other|further|more)\s+(?:[\w-]+\s+)?(?:counts?|charges?|offen[cs]es|crimes)\b",
    re.IGNORECASE,
)


def is_additional(text: str) -> bool:
    """Whether a count is of offences beside the main ones ("five additional charges",
    "16 other offences taken into consideration")."""
    return bool(_ADDITIONAL.match(text))


def offence_count(
    items: list[tuple[str, int, tuple[int, int], bool]], main: int | None = None
) -> tuple[list[str], int | None]:
    """Counts stated together in one sentence add up; restatements do not; additional ones add on.

    Each item is (mention id, count, sentence span, whether the count is of
    additional offences). "admitted to five additional charges" adds to the
    main conviction: the counts of another sentence, else ``main`` (the
    offences the conviction names without a number, such as "guilty of
    second-degree murder": 1).
    """
    by_sentence: dict[tuple[int, int], list[tuple[str, int, bool]]] = {}
    for mention_id, count, sentence, extra in items:
        by_sentence.setdefault(sentence, []).append((mention_id, count, extra))
    best: tuple[list[str], int | None] = ([], None)
    extras: tuple[list[str], int] = ([], 0)
    for group in by_sentence.values():
        total = sum(count for _, count, _ in group)
        ids = [m for m, _, _ in group]
        if all(extra for _, _, extra in group):
            if total > extras[1]:
                extras = (ids, total)
        elif best[1] is None or total > best[1]:
            best = (ids, total)
    if extras[1]:
        base = best[1] if best[1] is not None else (main or 0)
        return best[0] + extras[0], base + extras[1]
    return best


def time_in_custody(served: list[Hit], term: str | None) -> str | None:
    """Time in custody the text states: a stated time first, else a share of the case's term.

    "he will serve at least two-thirds" names no term; the case's custodial
    term gives it one.
    """
    for hit in served:
        if hit.value:
            return str(hit.value)
    for hit in served:
        share = read_share(hit.groups["share"][2]) if "share" in hit.groups else None
        if share and term:
            return scale_duration(term, share)
    return None


_ORD = r"(?:\d{1,2}\s*(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_CONVICTION = re.compile(
    r"\b(?:convict(?:ed|s|ing)|found\s+(?:\w+\s+){0,3}?guilty|pleaded\s+guilty|pled\s+guilty|guilty\s+(?:of|on)"
    r"|affirm\w*\s+the\s+convictions?)\b",
    re.IGNORECASE,
)
# where the counts a conviction names end: the sentence, or a clause about other counts
_CONVICTION_END = re.compile(
    r"\.\s+(?=[A-Z][a-z])|\n\s*\n|\b(?:acquit\w*|dismiss\w*|not\s+guilty|vacat\w*|indict\w*|charged)\b",
    re.IGNORECASE,
)
_N = r"(?:\d{1,2}|[IVX]{1,5}\b)"
_SEP = r"\s*(?:,|and/or|and|&|or)\s*(?:the\s+)?"
_COUNT_LABELS = re.compile(
    rf"(?P<ords>{_ORD}(?:{_SEP}{_ORD})*)\s+(?:counts?|charges?)\b"
    rf"|\b(?:counts?|charges?)\s+(?:nos?\.?\s*)?(?P<lo>{_N})\s*(?:-|–|to|through)\s*(?P<hi>{_N})"
    r"(?!\s*(?:years?|months?|weeks?|days?)\b)"
    rf"|\b(?:counts?|charges?)\s+(?:nos?\.?\s*)?(?P<nums>{_N}(?:{_SEP}{_N})*)",
    re.IGNORECASE,
)
_ONE_ORD = re.compile(_ORD, re.IGNORECASE)
_ONE_N = re.compile(_N)
_BOTH_CONVICTIONS = re.compile(
    r"\bboth\s+(?:(?:of\s+)?(?:his|her|their|the)\s+)?(?:[\w-]+\s+){0,2}?(?:convictions|counts)\b",
    re.IGNORECASE,
)


def _labels(match: re.Match[str]) -> set[int]:
    if match.group("ords"):
        found = {label_number(t) for t in _ONE_ORD.findall(match.group("ords"))}
    elif match.group("lo"):
        low, high = label_number(match.group("lo")), label_number(match.group("hi"))
        found = set(range(low, high + 1)) if low and high and 0 < high - low < 100 else set()
    else:
        found = {label_number(t) for t in _ONE_N.findall(match.group("nums"))}
    return {n for n in found if n}


@lru_cache(maxsize=4)
def numbered_count(text: str) -> int | None:
    """How many counts a conviction names by number, where no count is written as a number.

    "found guilty for the 1st and the second charges" is 2, "convicted ... for
    counts 1- 8" is 8, "found guilty of Count 1, racketeering; Count 2, ...;
    Counts 3 and 4, ...; and Counts 7 and 8, ..." is every count named up to
    the sentence's end (or a clause about other counts: "and acquitted on
    count 3"); the last such statement stands ("we acquit the accused on the
    third count ... affirm the convictions for both the first and second
    counts" is 2), and "death for both murder convictions" is 2. These give
    the case its ``offence_count`` only: count numbers are not numbers of
    offences written in the text, so they are never ``offence_counts`` mentions.
    """
    count = None
    for verb in find_matches(_CONVICTION, text):
        stop = _CONVICTION_END.search(text, verb.end())
        end = stop.start() if stop else len(text)
        named: set[int] = set()
        for match in _COUNT_LABELS.finditer(text, verb.end(), end):
            named |= _labels(match)
        if named:
            count = len(named)
    if count is None and next(find_matches(_BOTH_CONVICTIONS, text), None) is not None:
        count = 2
    return count


_CONVICTED_OF = re.compile(
    r"\b(?:convicted|found\s+guilty|pleaded\s+guilty|pled\s+guilty|admitted|admits|pleads\s+guilty)\b",
    re.IGNORECASE,
)
_PAST_CONVICTIONS = re.compile(
    r"\b(?:previous(?:ly)?|prior|earlier|history|record|had\s+been\s+convicted|in\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def listed_offence_count(offences: list[tuple[str, str, tuple[int, int]]], text: str) -> int | None:
    """How many offences one conviction lists by name, where no number is written.

    "convicted of murder, robbery and burglary" is 3. Each item is (name,
    status, sentence span) of an offence hit; only offences stated as
    convicted count, and only two or more named in one sentence that says
    so: one offence named ("convicted of rape") leaves the count to a
    written number, and earlier convictions ("previously convicted of
    robbery and burglary", "convicted in 2012 of ...") are not this case's.
    """
    by_sentence: dict[tuple[int, int], set[str]] = {}
    for name, state, sentence in offences:
        if state == "convicted":
            by_sentence.setdefault(sentence, set()).add(name.lower())
    best = None
    for (start, end), names in by_sentence.items():
        if (
            len(names) >= 2
            and _CONVICTED_OF.search(text, start, end)
            and not _PAST_CONVICTIONS.search(text, start, end)
        ):
            best = max(best or 0, len(names))
    return best
