"""Rules as data: pattern files and lexicons, loaded and validated by name.

A pattern file holds one JSON object per line (see ``PatternEntry``). Its
``pattern`` is a regular expression written with macros in braces
(``{DUR}``, ``{MONEY}``) that ``macros.json`` defines, so a rule reads like
the language it states: ``"(?P<term>{DUR})'? imprisonment"``. A malformed
file fails at start-up with a ``ConfigError``, never halfway through a batch.

Expanded, a rule's regex runs to tens of thousands of characters, and parsing
and compiling them all costs about a second. ``rule_index.json`` (derived
data, rebuilt by ``FIX_PATTERNS=1`` and checked by
``tests/extract/test_rule_index.py``) records, by a hash of each expanded
regex, that it compiles and which words it cannot match without
(``extract.needles``). A rule the index knows is compiled at its first use,
which a text lacking its words never brings; any other rule is compiled at
once, so a broken new rule still fails at start-up.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from functools import cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from courtfacts import regex_cache
from courtfacts.errors import ConfigError

Label = Literal[
    "DURATION",
    "DATE",
    "MONEY",
    "OFFENCE_COUNT",
    "SENTENCE",
    "PAYMENT",
    "BLOCK",
    "CUSTODY_TIME",
    "PERSON",
]
PATTERN_FILES = (
    "block",
    "duration",
    "date",
    "money",
    "offence_count",
    "sentence",
    "payment",
    "custody_time",
    "person",
)
_MACRO = re.compile(r"\{([A-Z_]+)\}")


class Context(BaseModel):
    """Conditions on the sentence around a match (regexes, case-insensitive).

    ``require_before`` must match the sentence text before the match;
    ``forbid_before`` and ``forbid_after`` must not match the text within
    ``window`` characters before or after it.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    require_before: str | None = None
    forbid_before: str | None = None
    forbid_after: str | None = None
    window: int = 80


class PatternEntry(BaseModel):
    """One rule: a pattern of the language, with the examples that prove it.

    ``anchor: "number"`` says the pattern can only start where a number
    starts (``{NUMBER_START}``); the ruler then tries it only there, which
    is many times faster than scanning every character.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: Label
    id: str = Field(pattern=r"^[a-z_]+\.[a-z0-9_]+$")
    pattern: str
    examples: list[str] = Field(min_length=1)
    counter_examples: list[str] = []
    note: str
    attrs: dict[str, Any] = {}
    emit: list[str] = []
    blocks: list[Label] = []
    context: Context | None = None
    ignore_case: bool = True
    anchor: Literal["number"] | None = None

    @model_validator(mode="after")
    def _id_matches_label(self) -> PatternEntry:
        if self.id.split(".")[0] != self.label.lower():
            raise ValueError(f"pattern id {self.id!r} must start with {self.label.lower()!r}.")
        return self


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """Load a JSON lexicon shipped in this package (``number_words``, ``macros``...).

    Raises:
        ConfigError: the file is missing or not a JSON object.
    """
    try:
        raw = resources.files(__package__).joinpath(f"{name}.json").read_text("utf-8")
        data = json.loads(raw)
    except (FileNotFoundError, json.JSONDecodeError) as exc:
        raise ConfigError("W201", f"lexicon {name}.json cannot be loaded: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError("W201", f"lexicon {name}.json must hold a JSON object")
    return data


@cache
def macros() -> dict[str, str]:
    """Return every macro fully expanded (macros may use macros defined before them)."""
    expanded: dict[str, str] = {}
    for name, body in load_lexicon("macros")["macros"].items():
        if isinstance(body, list):
            words = sorted(body, key=len, reverse=True)
            body = "(?:" + "|".join(re.escape(w) for w in words) + ")"
        expanded[name] = expand(body, expanded)
    return expanded


def expand(pattern: str, table: dict[str, str] | None = None) -> str:
    """Replace ``{NAME}`` macros in a pattern by their expansions.

    Raises:
        ConfigError: a macro is not defined.
    """
    table = macros() if table is None else table

    def _sub(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in table:
            raise ConfigError("W201", f"unknown macro {{{name}}} in pattern {pattern!r}")
        return "(?:" + table[name] + ")"

    return _MACRO.sub(_sub, pattern)


def read_pattern_file(name: str) -> list[PatternEntry]:
    """Read and validate one pattern file (``sentence`` -> ``sentence.jsonl``)."""
    try:
        raw = resources.files(__package__).joinpath(f"{name}.jsonl").read_text("utf-8")
    except FileNotFoundError as exc:
        raise ConfigError("W201", f"pattern file {name}.jsonl is missing") from exc
    entries = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entries.append(PatternEntry.model_validate_json(line))
        except ValidationError as exc:
            raise ConfigError("W201", f"{name}.jsonl line {number}: {exc}") from exc
    if not entries:
        raise ConfigError("W201", f"pattern file {name}.jsonl is empty")
    return entries


@cache
def load_patterns(names: tuple[str, ...] = PATTERN_FILES) -> tuple[PatternEntry, ...]:
    """Load every named pattern file, checking ids are unique across them."""
    entries = [entry for name in names for entry in read_pattern_file(name)]
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise ConfigError("W201", f"pattern id {entry.id} is defined twice")
        seen.add(entry.id)
    return tuple(entries)


RULE_INDEX = "rule_index.json"
"""The file, in this package, of the rules known to compile, their required words
and the characters their matches start with."""
IndexedRule = tuple[
    int,
    tuple[str, ...] | None,
    tuple[str, str] | None,
    str | None,
    tuple[int, ...] | None,
    bool | None,
]
"""What the index knows of a rule: its compiled regex's flags, its required words
(``extract/needles.py``), its start classes and the macro that leads it
(``extract/scanner.py``), how much a match may consume before its word
(``extract/reach.py``) and whether the words ignore case."""


class DeferredRegex:
    """A rule's regex that the rule index vouches for, compiled at its first use.

    It answers ``pattern`` and ``flags`` as the compiled regex would, carries the
    words, start classes, leading macro, word offset and the words' case the index
    records (``required``, ``starts``, ``lead``, ``before``, ``caseless``; False when nobody recorded them, see
    ``deferred``), and
    passes every other use to the
    compiled regex. Once compiled, its ``finditer``, ``match`` and ``search``
    are the compiled regex's own, so a rule run many times pays nothing more.
    """

    def __init__(self, rule: str, pattern: str, given: int, known: IndexedRule) -> None:
        self.rule = rule
        self.pattern = pattern
        self.given_flags = given
        (self.flags, self.required, self.starts, self.lead, self.before, self.caseless) = known
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled regex (compiled now if it is not yet)."""
        if self._compiled is None:
            regex = _compiled(self.rule, self.pattern, self.given_flags)
            self.finditer, self.match, self.search = regex.finditer, regex.match, regex.search
            self._compiled = regex
        return self._compiled

    def finditer(self, string: str, *args: int) -> Any:
        """As ``re.Pattern.finditer``."""
        return self.compiled().finditer(string, *args)

    def match(self, string: str, *args: int) -> re.Match[str] | None:
        """As ``re.Pattern.match``."""
        return self.compiled().match(string, *args)

    def search(self, string: str, *args: int) -> re.Match[str] | None:
        """As ``re.Pattern.search``."""
        return self.compiled().search(string, *args)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "not compiled yet"
        return f"<DeferredRegex {self.rule}, {state}>"


def deferred(name: str, pattern: str, flags: int) -> re.Pattern[str]:
    """A regex compiled at its first use, for a pattern known before any document
    is read (the offence vocabulary, a macro): with what the rule index records
    of it, or else its required words and start classes read from its parse
    tree when first needed (False: not recorded). It is not checked to compile
    until then."""
    known = rule_index().get(rule_key(pattern, flags)) or (flags | re.UNICODE, *[False] * 5)
    return DeferredRegex(name, pattern, flags, known)  # type: ignore[arg-type, return-value]


def rule_key(pattern: str, flags: int) -> str:
    """The index key of an expanded regex and its flags (as given to ``re.compile``)."""
    return hashlib.sha256(f"{flags}\0{pattern}".encode()).hexdigest()


def index_header() -> dict[str, str] | None:
    """What the index depends on besides the regexes: Python's regex parser (its
    version) and the code that reads words and start classes from it (hashes of
    ``extract/needles.py``, ``extract/scanner.py`` and ``extract/reach.py``).

    Returns:
        The header, or None when the source of either cannot be read.
    """
    header = {"python": ".".join(map(str, sys.version_info[:2]))}
    for module in ("needles", "scanner", "reach"):
        try:
            source = resources.files("courtfacts.extract").joinpath(f"{module}.py").read_bytes()
        except (FileNotFoundError, OSError):
            return None
        header[module] = hashlib.sha256(source).hexdigest()
    return header


@cache
def rule_index() -> dict[str, IndexedRule]:
    """The rules known to compile, by ``rule_key``, with their flags, required words
    and start classes.

    Returns:
        An empty index when the file is missing, unreadable or made for another
        Python or another ``needles.py``: then every rule is compiled at once.
    """
    try:
        raw = resources.files(__package__).joinpath(RULE_INDEX).read_text("utf-8")
        data = json.loads(raw)
        if data.get("header") != index_header():
            return {}
        return {
            key: (
                int(item["flags"]),
                None if item["words"] is None else tuple(item["words"]),
                None
                if item["starts"] is None
                else (str(item["starts"][0]), str(item["starts"][1])),
                None if item["lead"] is None else str(item["lead"]),
                None if item["before"] is None else tuple(map(int, item["before"])),
                None if item["caseless"] is None else bool(item["caseless"]),
            )
            for key, item in data["rules"].items()
        }
    except (FileNotFoundError, OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def compile_entry(entry: PatternEntry) -> re.Pattern[str]:
    """Compile an entry's pattern with its macros expanded (see ``DeferredRegex``)."""
    return _compile(entry.id, entry.pattern, entry.ignore_case)


@cache
def _compile(rule: str, pattern: str, ignore_case: bool) -> re.Pattern[str]:
    expanded = expand(pattern)
    flags = re.IGNORECASE if ignore_case else 0
    index = rule_index()
    key = rule_key(expanded, flags)
    if key in index:
        return DeferredRegex(rule, expanded, flags, index[key])  # type: ignore[return-value]
    return _compiled(rule, expanded, flags)


def _compiled(rule: str, expanded: str, flags: int) -> re.Pattern[str]:
    try:
        return regex_cache.compile(expanded, flags)
    except re.error as exc:
        raise ConfigError("W201", f"pattern {rule} does not compile: {exc}") from exc
