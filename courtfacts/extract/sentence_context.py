"""Read a sentence hit in its context: suspension stated apart, rounding, totals.

A rule sees the words of one penalty; what the text says around it can
change what the penalty is:

- a suspension stated apart from the term ("two years' imprisonment,
  suspended", "... and suspended the same for 15 years", "The sentence was
  suspended for five years" in the next sentence, "suspended the 12-month
  sentence for two years") makes a custodial term a
  suspended one, and so does restating a term the text already gave as
  suspended ("imposed two years' imprisonment on the first count");
- a rounded term ("jailed for more than five years") is marked approximate,
  so a case prefers the exact term another sentence states;
- a total ("a total of 6 years", "in all") and a term on each of several
  counts run consecutively ("13 years on each of three counts, to run
  consecutively": 39 years) give the case its whole term (``total_term``).

``refine_sentences`` rewrites the ``SentenceValue`` of SENTENCE hits in place.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from fractions import Fraction

from courtfacts.extract.normalise import add_durations, normalise_count, scale_duration
from courtfacts.extract.ruler import Hit
from courtfacts.models import SentenceValue
from courtfacts.patterns import expand

_NOT_SUSPENDED_AFTER = (
    r"(?!\s+(?:from|licen[cs]e|driving|pending|until|as\s+a\s+(?:member|director)))"
)
_SUSPENDED_RIGHT_AFTER = re.compile(
    r"[\s,]*(?:(?:which|that)\s+(?:was|is|were|will\s+be)\s+"
    r"|(?:which|that)\s+(?:the\s+(?:judge|court|magistrate|sheriff|recorder)|he|she|they|I|we)\s+(?:then\s+)?"
    r"|(?:(?:was|is|were)\s+(?:imposed|passed|ordered)\s+)?and\s+(?:was\s+|is\s+|then\s+)?|but\s+)?"
    r"(?:(?:wholly|fully|entirely)\s+)?suspend(?:ed|ing)\b" + _NOT_SUSPENDED_AFTER,
    re.IGNORECASE,
)
_SUSPENDED_LATER = re.compile(
    r"\b(?:suspend(?:ed|ing|s)?\s+(?:the\s+(?:same|said\s+(?:sentence|term)|sentence|term)|it|them)\b"
    r"|(?:the|that|this|his|her|which|such|the\s+said)\s+(?:(?:custodial|prison|jail)\s+)?"
    r"(?:sentences?|terms?|imprisonment|punishment)\s+(?:(?:was|is|were|are|has\s+been|had\s+been|have\s+been|will\s+be|to\s+be)\s+)?"
    r"(?:(?:wholly|fully|entirely)\s+)?suspended\b" + _NOT_SUSPENDED_AFTER + ")",
    re.IGNORECASE,
)
_SUSPENDED_BEFORE = re.compile(
    r"\bsuspend(?:ed|s|ing)\s+(?!from\b|for\b)(?:(?:the|his|her|their|that|a)\s+)?(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)
_PARTLY = re.compile(
    r"\b(?:part(?:ly|ially)?|half|balance|remainder|final|last|rest)\b", re.IGNORECASE
)
_ACTIVE = re.compile(
    r"\b(?:active|immediate|actual|activated?|jailed|behind\s+bars)\b", re.IGNORECASE
)
_RESTATING_RULES = frozenset(
    {
        "sentence.term_imprisonment",
        "sentence.imprisonment_of",
        "sentence.imprisonment_for",
        "sentence.sentence_of",
        "sentence.term_sentence",
        "sentence.term_for_offence",
    }
)
_APPROXIMATE = re.compile(
    r"\b(?:more\s+than|over|nearly|almost|just\s+(?:over|under)|about|around|approximately|roughly|close\s+to|upwards\s+of)\s*$",
    re.IGNORECASE,
)
_TOTAL_BEFORE = re.compile(
    r"\b(?:total|aggregate|overall|combined|cumulative|effective)\b[^,;]{0,30}$", re.IGNORECASE
)
_TOTAL_AFTER = re.compile(
    r"[\s'’,]*(?:(?:of\s+)?(?:imprisonment|custody|detention|in\s+(?:prison|jail))\s*,?\s*)?(?:in\s+(?:all|total)|altogether|overall|in\s+aggregate)\b",
    re.IGNORECASE,
)


def _each_count_pattern() -> re.Pattern[str]:
    return re.compile(
        expand(
            r"[^.;]{0,60}?\b(?:on|for|in\s+respect\s+of)\s+each\s+of\s+(?:the\s+|his\s+|her\s+|these\s+)?"
            r"(?P<n>{NUM})\s+(?:[\w-]+\s+){0,2}?[\w-]+s\b"
        ),
        re.IGNORECASE,
    )


_EACH_COUNT = _each_count_pattern()
_CONSECUTIVE = re.compile(r"\bconsecutive(?:ly)?\b", re.IGNORECASE)
_CONCURRENT = re.compile(r"\bconcurrent(?:ly)?\b", re.IGNORECASE)


_SHARE = re.compile(
    r"^(?:(?P<num>one|two|three|four|a|\d)[-\s]?)?(?P<den>half|halves|thirds?|quarters?|fifths?)$"
    r"|^(?P<pct>\d{1,2})\s*(?:%|per\s*cent|percent)$",
    re.IGNORECASE,
)
_DENOMINATORS = {"hal": 2, "thi": 3, "qua": 4, "fif": 5}


def read_share(text: str) -> Fraction | None:
    """A share of a term in words ("half", "two-thirds", "40 per cent").

    >>> read_share("two-thirds"), read_share("half"), read_share("40 per cent"), read_share("one-third")
    (Fraction(2, 3), Fraction(1, 2), Fraction(2, 5), Fraction(1, 3))
    """
    match = _SHARE.match(text.strip())
    if match is None:
        return None
    if match.group("pct"):
        return Fraction(int(match.group("pct")), 100)
    num = match.group("num")
    numerator = 1 if num is None or num.lower() == "a" else normalise_count(num) or 1
    return Fraction(numerator, _DENOMINATORS[match.group("den").lower()[:3]])


def _term_start(hit: Hit) -> int:
    if hit.emitted:
        return hit.start
    return hit.groups["term"][0] if "term" in hit.groups else hit.start


class _Spans:
    """Sentence spans, for the sentence around an offset and the one after it."""

    def __init__(self, spans: Sequence[tuple[int, int]], length: int) -> None:
        self.spans = list(spans) or [(0, length)]
        self._starts = [start for start, _ in self.spans]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)


def _is_custody(hit: Hit) -> bool:
    value = hit.value
    return isinstance(value, SentenceValue) and value.kind == "custody" and value.term is not None


def _suspended_apart(hit: Hit, text: str, spans: _Spans, custody: list[Hit]) -> bool:
    """Whether the text suspends this custodial term outside the rule's match."""
    if _SUSPENDED_BEFORE.search(text, max(0, hit.start - 40), hit.start):
        return True
    if _SUSPENDED_RIGHT_AFTER.match(text, hit.end):
        tail = text[hit.end : hit.end + 40]
        return not _PARTLY.search(tail.split("suspend")[0])
    index = spans.index(hit.start)
    end = spans.spans[min(index + 1, len(spans.spans) - 1)][1]
    nxt = next((h.start for h in custody if h.start > hit.start), len(text))
    window_end = min(end, nxt)
    match = _SUSPENDED_LATER.search(text, hit.end, window_end)
    if match is None:
        return False
    between = text[hit.end : match.start()]
    return not _PARTLY.search(text[max(hit.end, match.start() - 30) : match.end()]) and (
        "\n\n" not in between
    )


def _restates_suspended(hit: Hit, text: str, spans: _Spans, suspended: set[str]) -> bool:
    """A term restated in a judgment that gave the same term as suspended before it."""
    if hit.rule not in _RESTATING_RULES or hit.value.term not in suspended:
        return False
    start, end = spans.spans[spans.index(hit.start)]
    return not _ACTIVE.search(text[start:end])


def _total_term(hit: Hit, text: str, spans: _Spans) -> str | None:
    value: SentenceValue = hit.value
    if value.term is None or value.kind not in ("custody", "suspended", "extended"):
        return None
    start, end = spans.spans[spans.index(hit.start)]
    term_start = _term_start(hit)
    if hit.attrs.get("is_total"):
        return value.term
    if _TOTAL_BEFORE.search(text, max(start, term_start - 40), term_start) or _TOTAL_AFTER.match(
        text, hit.end
    ):
        return value.term
    each = _EACH_COUNT.match(text, hit.end, end)
    if each is None:
        return None
    rest = text[hit.end : end]
    times = normalise_count(each.group("n"))
    if times and _CONSECUTIVE.search(rest) and not _CONCURRENT.search(rest):
        return scale_duration(value.term, times)
    if _CONCURRENT.search(rest):
        return value.term
    return None


def _consecutive_sums(sentences: list[Hit], text: str, sents: _Spans) -> None:
    """Terms on several counts in one sentence that says 'consecutive' (and not 'concurrent') add up.

    "seven years for the rape and three years consecutive for the assault"
    gives the last of them a ``total_term`` of ten years, unless the sentence
    states a total itself.
    """
    by_sentence: dict[int, list[Hit]] = {}
    for hit in sentences:
        value: SentenceValue = hit.value
        if value.kind == "custody" and value.term and value.role != "original":
            by_sentence.setdefault(sents.index(hit.start), []).append(hit)
    for index, group in by_sentence.items():
        start, end = sents.spans[index]
        if len(group) < 2 or any(h.value.total_term for h in group):
            continue
        words = text[start:end]
        if not _CONSECUTIVE.search(words) or _CONCURRENT.search(words):
            continue
        total = group[0].value.term
        for hit in group[1:]:
            total = add_durations(total, hit.value.term)
        group[-1].value = group[-1].value.model_copy(update={"total_term": total})


_MINIMUM_NAMED = re.compile(
    r"\b(?:minimum\s+(?:term|tariff|period)|punishment\s+part|tariff)\b"
    r"(?:(?!\b(?:sentences?|imprisonment|custody|determinate)\b)[^.;]){0,60}$",
    re.IGNORECASE,
)
_IMPOSED_INSTEAD = re.compile(
    r"\b(?:impos\w*|substitut\w*|pass(?:ed|es|ing)?|in\s+(?:its|their)\s+place|in\s+lieu|instead)\b",
    re.IGNORECASE,
)
_IN_ITS_PLACE = re.compile(
    r"\b(?:substitut\w*|in\s+(?:its|their)\s+place|in\s+lieu|instead)\b", re.IGNORECASE
)


def _appeal_roles(sentences: list[Hit], text: str, sents: _Spans) -> None:
    """Read what an appeal changed from the sentences around a term.

    A minimum term reduced or substituted ("the minimum term ... was reduced
    to 14 years") stays a life sentence's minimum; a term a court imposes
    after quashing or setting aside the one below is the substitute, in that
    sentence ("set aside the sentence of 12 years ... and imposed 7 years")
    or in the next where it says so ("In its place we impose ...").
    """
    for index, hit in enumerate(sentences):
        value: SentenceValue = hit.value
        term_start = _term_start(hit)
        start = sents.spans[sents.index(hit.start)][0]
        if value.role != "imposed" and value.kind == "custody" and value.term:
            if _MINIMUM_NAMED.search(text, max(start, term_start - 100), term_start):
                hit.value = value.model_copy(update={"kind": "life"})
            continue
        if value.role != "imposed":
            continue
        sentence = sents.index(hit.start)
        below = next(
            (
                h
                for h in reversed(sentences[:index])
                if h.value.role == "original" and sentence - sents.index(h.start) <= 1
            ),
            None,
        )
        if below is None:
            continue
        cue = _IMPOSED_INSTEAD if sents.index(below.start) == sentence else _IN_ITS_PLACE
        if cue.search(text, below.end, term_start):
            hit.value = value.model_copy(update={"role": "substituted"})


def refine_sentences(hits: list[Hit], text: str, spans: Sequence[tuple[int, int]]) -> None:
    """Rewrite SENTENCE values in place from what the text says around them.

    Args:
        hits: the hits of one document, in text order, values assigned.
        text: its text.
        spans: its sentence spans.
    """
    sentences = [h for h in hits if h.label == "SENTENCE" and isinstance(h.value, SentenceValue)]
    if not sentences:
        return
    sents = _Spans(spans, len(text))
    custody = [h for h in sentences if _is_custody(h)]
    suspended: set[str] = set()
    for hit in sentences:
        value: SentenceValue = hit.value
        if _is_custody(hit) and (
            _suspended_apart(hit, text, sents, custody)
            or _restates_suspended(hit, text, sents, suspended)
        ):
            value = value.model_copy(update={"kind": "suspended"})
        if value.kind == "suspended" and value.term:
            suspended.add(value.term)
        start = sents.spans[sents.index(hit.start)][0]
        term_start = _term_start(hit)
        update: dict[str, object] = {}
        if value.term and _APPROXIMATE.search(text, max(start, term_start - 25), term_start):
            update["is_approximate"] = True
        hit.value = value.model_copy(update=update) if update else value
        total = _total_term(hit, text, sents)
        if total:
            hit.value = hit.value.model_copy(update={"total_term": total})
    _appeal_roles(sentences, text, sents)
    _consecutive_sums(sentences, text, sents)
