"""Sentence boundaries that survive legal abbreviations.

spaCy's rule sentencizer ends a sentence at every full stop, so "s. 14",
"R v. Smith" and "para. 12" would cut sentences in half. ``sentence_starts``
finds boundaries in the raw text instead: after ``.``, ``!`` or ``?`` (and
closing quotes) followed by space and a capital, digit or quote, unless the
word before the stop is a known abbreviation; at every blank line; and at a
single line break that does not fall mid-sentence.

>>> text = "He was sentenced under s. 14 of the Act. R v. Smith was applied."
>>> [text[a:b] for a, b in sentence_spans(text)]
['He was sentenced under s. 14 of the Act.', 'R v. Smith was applied.']
"""

from __future__ import annotations

import re
from functools import cache

from courtfacts.patterns import load_lexicon

_STOP = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9£$])""")
_LINE_BREAK = re.compile(r"\n")
_BLANK = re.compile(r"\n\s*\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(word.lower() for word in load_lexicon("abbreviations")["abbreviations"])


def _is_abbreviation(text: str, stop: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, stop - 20), stop)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    return word in _abbreviations() or len(word) == 1 and word.isalpha() and word != "i"


def _line_ends_sentence(text: str, newline: int) -> bool:
    before = text[:newline].rstrip(" \t")
    after = text[newline + 1 :].lstrip(" \t")
    if not before or not after:
        return True
    last = before[-1]
    if last in ".!?:;\"”'’)]|":
        return True
    if last == "," or before.endswith(("-", "–")):
        return False
    line = before[before.rfind("\n") + 1 :]
    if after[0].islower() or line[:1].islower():
        return False
    # A short line with no closing punctuation is a heading, caption or menu item.
    return len(line) < 60 or not line[-1].isalpha()


def sentence_starts(text: str) -> list[int]:
    """Return the character offsets where sentences start, in order."""
    starts = {0}
    for match in _BLANK.finditer(text):
        starts.add(match.end())
    for match in _LINE_BREAK.finditer(text):
        if _line_ends_sentence(text, match.start()):
            starts.add(match.end())
    for match in _STOP.finditer(text):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        nxt = match.end()
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        starts.add(nxt)
    return sorted(s for s in starts if s < len(text))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence, trailing whitespace trimmed."""
    starts = sentence_starts(text)
    spans = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans
