"""Every pattern proves itself: it matches its examples and none of its counter-examples.

An example must be matched by the entry's own expression with its context
rules satisfied. A counter-example (a look-alike: a maximum, an age, a
statute year) must leave no hit of that rule once the whole rule set has
run, blocks and overlaps included. Pattern files are kept in canonical form;
``FIX_PATTERNS=1 pytest tests/extract/test_patterns.py`` rewrites them.
"""

from __future__ import annotations

import json
import os
from importlib import resources

import pytest

from courtfacts.extract.ruler import Sentences, _context_allows, match_patterns
from courtfacts.extract.sentences import sentence_spans
from courtfacts.patterns import PATTERN_FILES, PatternEntry, compile_entry, load_patterns

ENTRIES = load_patterns()


def _allowed_match(entry: PatternEntry, text: str) -> bool:
    sents = Sentences(sentence_spans(text))
    return any(
        _context_allows(entry, text, match, sents) for match in compile_entry(entry).finditer(text)
    )


@pytest.mark.parametrize(
    ("entry", "example"),
    [(e, x) for e in ENTRIES for x in e.examples],
    ids=[f"{e.id}:{x[:40]}" for e in ENTRIES for x in e.examples],
)
def test_pattern_matches_its_examples(entry: PatternEntry, example: str) -> None:
    assert _allowed_match(entry, example), f"{entry.id} does not match its example {example!r}"


@pytest.mark.parametrize(
    ("entry", "counter"),
    [(e, x) for e in ENTRIES for x in e.counter_examples],
    ids=[f"{e.id}:{x[:40]}" for e in ENTRIES for x in e.counter_examples],
)
def test_pattern_leaves_counter_examples_alone(entry: PatternEntry, counter: str) -> None:
    hits = match_patterns(counter, ENTRIES, sentence_spans(counter))
    if entry.label == "BLOCK":
        assert not _allowed_match(entry, counter), f"{entry.id} blocks {counter!r}"
        return
    assert not [h for h in hits if h.rule == entry.id], f"{entry.id} matched {counter!r}"


def _canonical(entry: PatternEntry) -> str:
    return json.dumps(entry.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False)


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_pattern_files_are_canonical(name: str) -> None:
    path = resources.files("courtfacts.patterns").joinpath(f"{name}.jsonl")
    lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    canonical = [_canonical(PatternEntry.model_validate_json(line)) for line in lines]
    if os.environ.get("FIX_PATTERNS") == "1":
        with resources.as_file(path) as real:
            real.write_text("\n".join(canonical) + "\n", "utf-8")
        return
    assert lines == canonical, f"{name}.jsonl is not canonical: run with FIX_PATTERNS=1"


def test_every_label_has_patterns() -> None:
    labels = {entry.label for entry in ENTRIES}
    assert labels >= {"DURATION", "DATE", "MONEY", "OFFENCE_COUNT", "SENTENCE", "PAYMENT", "BLOCK"}
