"""What a person's name is: the name check of capitalised runs, as data and package knowledge.

A run of capitalised words names a person only if it is not a known place
(GeoNames), does not end in a road, building or organisation word, and is
not made of common English words alone unless it starts with a known given
name; descriptors ("Student", "Mother", "Published") are cut from its ends.
Word lists are in ``patterns/person_words.json`` and ``name_stopwords.json``.
"""

from __future__ import annotations

import re
from functools import cache

from courtfacts.extract.gazetteer import given_names, places
from courtfacts.patterns import load_lexicon

WORD = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
PARTICLE = r"(?:Al|al|El|el|de|De|dela|della|van|Van|von|der|den|ter|bin|binti|ibn|da|dos|del|di|du|la|le|Le)"


@cache
def name_words() -> dict[str, frozenset[str]]:
    stop = frozenset(load_lexicon("name_stopwords")["words"])
    lexicon = load_lexicon("person_words")
    return {
        "stop": stop,
        "descriptors": frozenset(w.lower() for w in lexicon["descriptors"]),
        "suffixes": frozenset(w.lower() for w in lexicon["place_suffixes"]),
        "surnames": frozenset(w.lower() for w in lexicon["suffixes_that_are_surnames"]),
    }


@cache
def _common() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["gcide"], lower=True))


def is_common_word(word: str) -> bool:
    """A common English word (inflections too) that is not also a given name.

    >>> is_common_word("Laundering"), is_common_word("Payments"), is_common_word("Andrew")
    (True, True, False)
    >>> is_common_word("Premadasa")
    False
    """
    low = word.lower().strip(".’'")
    if low in given_names():
        return False
    common = _common()
    parts = [p for p in re.split(r"[-’']", low) if p]
    return bool(parts) and all(_is_word_form(p, common) for p in parts)


def _is_word_form(low: str, common: frozenset[str]) -> bool:
    if low in common:
        return True
    endings = (
        ("ies", ("y",)),
        ("es", ("", "e")),
        ("s", ("",)),
        ("ed", ("", "e")),
        ("ing", ("", "e")),
        ("ly", ("", "le")),
    )
    for suffix, stem_ends in endings:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            stem = low[: -len(suffix)]
            if any(stem + end in common for end in stem_ends):
                return True
            if stem[-1:] == stem[-2:-1] and stem[:-1] in common:  # "stopped", "robbing"
                return True
    return False


def is_name(words: list[str]) -> list[str] | None:
    """The words of a person's name within a capitalised run, or None if it names no person.

    >>> is_name(["Student", "Liam", "Fenn"])
    ['Liam', 'Fenn']
    >>> is_name(["Farrah", "Emami", "Spokesperson"])
    ['Farrah', 'Emami']
    >>> [is_name(w.split()) for w in ("Harbor Bay", "Elm Parkway", "Money Laundering", "Balch Springs")]
    [None, None, None, None]
    >>> is_name(["Pasadena", "Mother"]), is_name(["Leon", "Green"])
    (None, ['Leon', 'Green'])
    """
    lex = name_words()
    given = given_names()
    start, end = 0, len(words)
    while start < end and (
        words[start].rstrip(".") in lex["stop"]
        or words[start].lower() in lex["descriptors"]
        or (is_common_word(words[start]) and start + 1 < end and not is_particle(words[start]))
    ):
        start += 1
    while end > start and (
        words[end - 1].rstrip(".") in lex["stop"] or words[end - 1].lower() in lex["descriptors"]
    ):
        end -= 1
    kept = words[start:end]
    for index, word in enumerate(kept):
        if word.rstrip(".") in lex["stop"] or word.lower() in lex["descriptors"]:
            kept = kept[:index]
            break
    if not kept:
        return None
    if kept[-1].lower().rstrip(".") in lex["suffixes"] and not (
        len(kept) == 2 and kept[0].lower() in given and kept[1].lower() in lex["surnames"]
    ):
        return None  # "Elm Parkway", "Mill Lane"; but "Robert Lane", "Anna Hall"
    if " ".join(kept).lower() in places():
        return None
    tokens = [w for w in kept if not is_particle(w) and not re.fullmatch(r"[A-Z]\.?", w)]
    if tokens and all(is_common_word(w) for w in tokens) and tokens[0].lower() not in given:
        return None
    return kept


def is_particle(word: str) -> bool:
    return bool(re.fullmatch(PARTICLE, word))
