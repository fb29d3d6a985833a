"""``patterns/rule_index.json`` (issue 14): derived data, checked against its source.

The index lets start-up skip parsing and compiling the rules a text never
needs. It must say exactly what deriving the words now says, cover every
rule, and change no hit: a rule it knows is compiled at first use, one it
does not know is compiled at once (a broken new rule still fails at start-up).
``FIX_PATTERNS=1 pytest tests/extract/test_rule_index.py`` rewrites the file
after a rule, a macro or ``needles.py`` changes.

Groups:
    DEV: the index's content and its effect on matching (plain tests below).
"""

from __future__ import annotations

import json
import os
import re
from importlib import resources
from pathlib import Path

import pytest

from courtfacts import patterns
from courtfacts.corpus import SUFFIXES, read
from courtfacts.errors import ReadError
from courtfacts.extract import needles, ruler
from courtfacts.extract.needles import build_rule_index, required_words
from courtfacts.extract.sentences import sentence_spans
from courtfacts.patterns import DeferredRegex, compile_entry, expand, load_patterns, rule_key

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "examples", ROOT.parent / "shared" / "corpus" / "docs"]


def _shipped() -> dict:
    path = resources.files(patterns).joinpath(patterns.RULE_INDEX)
    return json.loads(path.read_text("utf-8")) if path.is_file() else {}


def _clear_caches() -> None:
    for cached in (patterns.rule_index, patterns._compile, ruler._needle):
        cached.cache_clear()


@pytest.fixture
def without_index(monkeypatch: pytest.MonkeyPatch):
    """Every rule compiled at once and parsed for its words, as without the index."""
    _clear_caches()
    monkeypatch.setattr(patterns, "rule_index", dict)
    yield
    monkeypatch.undo()
    _clear_caches()


def test_the_index_is_what_deriving_says_now() -> None:
    expected = build_rule_index()
    if os.environ.get("FIX_PATTERNS") == "1":
        with resources.as_file(resources.files(patterns).joinpath(patterns.RULE_INDEX)) as real:
            real.write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", "utf-8")
        _clear_caches()
        return
    shipped = _shipped()
    assert shipped.get("header") == expected["header"], (
        "rule_index.json was made for another Python or needles.py: "
        "run FIX_PATTERNS=1 pytest tests/extract/test_rule_index.py"
    )
    stale = {k: v["rule"] for k, v in expected["rules"].items() if k not in shipped["rules"]}
    assert not stale, f"rules not in rule_index.json (run with FIX_PATTERNS=1): {stale}"
    for key, item in shipped["rules"].items():
        if key in expected["rules"]:
            assert item == expected["rules"][key], item["rule"]


def test_every_rule_the_index_knows_is_deferred_and_answers_as_compiled() -> None:
    _clear_caches()
    for entry in load_patterns():
        regex = compile_entry(entry)
        flags = re.IGNORECASE if entry.ignore_case else 0
        if rule_key(expand(entry.pattern), flags) not in patterns.rule_index():
            continue
        assert isinstance(regex, DeferredRegex), entry.id
        eager = re.compile(expand(entry.pattern), flags)
        assert (regex.pattern, regex.flags) == (eager.pattern, eager.flags)
        assert required_words(regex) == required_words(eager), entry.id
        for text in entry.examples + entry.counter_examples:
            found = [m.span() for m in regex.finditer(text)]
            assert found == [m.span() for m in eager.finditer(text)], (entry.id, text)
        assert regex.groupindex == eager.groupindex


def test_a_rule_the_index_knows_is_never_parsed_for_its_needle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Words, their offset and their case, recorded False (case kept) or not, come
    from the index: parsing all rules again costs a third of a second at start-up."""
    _clear_caches()
    parsed: list[str] = []
    monkeypatch.setattr(needles, "_parts", lambda regex: parsed.append(regex.rule))
    known = [
        compile_entry(entry)
        for entry in load_patterns()
        if rule_key(expand(entry.pattern), re.IGNORECASE if entry.ignore_case else 0)
        in patterns.rule_index()
    ]
    needles_found = [ruler._needle(regex) for regex in known]
    assert any(n is not None and not n.ignore_case for n in needles_found)
    assert parsed == []
    _clear_caches()


def test_a_rule_the_index_does_not_know_is_compiled_at_once(without_index) -> None:
    entry = load_patterns()[0]
    assert isinstance(compile_entry(entry), re.Pattern)


def test_a_broken_rule_fails_when_compiled_even_with_an_index(without_index) -> None:
    from courtfacts.errors import ConfigError

    with pytest.raises(ConfigError, match="does not compile"):
        patterns._compile("sentence.broken", "(?<=a+)b", True)


def _texts() -> list[tuple[str, str]]:
    paths = [p for folder in DOCUMENTS if folder.is_dir() for p in sorted(folder.rglob("*"))]
    texts = []
    for path in paths:
        if path.is_file() and path.suffix.lower() in SUFFIXES:
            try:
                source = read(path)
            except ReadError:  # a document that cannot be read proves nothing here
                source = None
            if source is not None:
                texts.append((path.name, source.text))
    return texts


def _hits(text: str) -> list[tuple[str, str, int, int, str]]:
    found = ruler.match_patterns(text, load_patterns(), sentence_spans(text))
    return [(hit.label, hit.rule, hit.start, hit.end, hit.text) for hit in found]


def test_the_index_changes_no_hit_on_real_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    assert texts
    _clear_caches()
    with_index = [_hits(text) for _, text in texts]
    _clear_caches()
    monkeypatch.setattr(patterns, "rule_index", dict)
    without = [_hits(text) for _, text in texts]
    monkeypatch.undo()
    _clear_caches()
    for (name, _), hits, expected in zip(texts, with_index, without, strict=True):
        assert hits == expected, name
