"""The analyst's review page: one self-contained HTML file for a run.

Data flow: ``documents.jsonl`` -> ``DocumentResult`` -> the document's text,
read again from its ``source`` with ``corpus.read`` (``documents.jsonl`` does
not hold it) -> one JSON object per document (text, mentions with UTF-16
offsets, cases with their evidence, offence categories and warnings, the
people found with their roles and rules, and the ``to_gold`` projection) -> a
``<script type="application/json">`` element -> ``review.js`` builds the DOM
with ``textContent`` for one document at a time.

Escaping: the JSON is written with ``ensure_ascii`` and every ``<``, ``>``
and ``&`` as a ``\\u`` escape, so no document text can close the script
element or open a comment in it (``</script>``, ``<!--``); the page script
never parses document data as HTML. The only markup built here from run data
is the statistics section, whose text goes through ``html.escape``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any, get_args

from courtfacts.corpus import read
from courtfacts.errors import ReadError
from courtfacts.models import (
    CaseKind,
    DocumentResult,
    Mention,
    Money,
    OffenceCategory,
    OffenceValue,
    PaymentValue,
    PersonMention,
    PersonValue,
    SentenceValue,
)
from courtfacts.output.charts import STATS_CSS, render_fragment
from courtfacts.output.gold import GOLD_CASE_FIELDS, LIST_OF_KIND, money_json, to_gold
from courtfacts.output.jsonl import read_jsonl
from courtfacts.output.stats import DEFAULT_GROUPS, compute_stats

_MARKER = re.compile(r"\{\{(?:CSP|TITLE|CSS|DATA|STATS|SCRIPT)\}\}")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
_MORE_KINDS = ("offence", "person")  # mention kinds that belong to no gold list


@dataclass(frozen=True)
class ReviewSummary:
    """What ``write_review`` did: documents embedded, and those whose text is missing."""

    documents: int
    without_text: int
    path: Path


def embed_json(data: Any) -> str:
    """JSON safe to place inside a ``<script type="application/json">`` element.

    >>> embed_json({"t": "</script><!--"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(data, ensure_ascii=True)
    for raw, escaped in _JSON_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text


def utf16_offsets(text: str, offsets: list[int]) -> list[int]:
    """Turn code-point offsets into the UTF-16 offsets a browser's strings use.

    >>> utf16_offsets("a\\U0001F600b", [0, 1, 2, 3])
    [0, 1, 3, 4]
    """
    if text.isascii() or not _ASTRAL.search(text):
        return list(offsets)
    wide = [0] * (len(text) + 1)
    for index, char in enumerate(text):
        wide[index + 1] = wide[index] + (2 if ord(char) >= 0x10000 else 1)
    return [wide[min(max(offset, 0), len(text))] for offset in offsets]


def find_source(result: DocumentResult, bases: list[Path]) -> Path | None:
    """The source file of a result: its path as written, else under each base folder."""
    source = Path(result.source)
    candidates = [source] if source.is_absolute() else [source, *(base / source for base in bases)]
    return next((path for path in candidates if path.is_file()), None)


def load_text(result: DocumentResult, bases: list[Path]) -> tuple[str | None, list[str]]:
    """Read a document's text again, with notes for the reviewer on what went wrong.

    Returns:
        The text (``None`` when it cannot be had) and notes: the file is gone
        or unreadable, it changed since extraction, or mentions do not match it.
    """
    path = find_source(result, bases)
    if path is None:
        return None, [f"source file not found ({result.source}): mentions are shown without text"]
    try:
        source = read(path)
    except ReadError as error:
        return None, [f"source file unreadable now ({error}): mentions are shown without text"]
    notes = []
    if result.meta and source.meta.sha256 != result.meta.sha256:
        notes.append("the source file changed since extraction: highlights may be misplaced")
    text = source.text
    stray = sum(1 for m in result.mentions if text[m.start_char : m.end_char] != m.text)
    if stray:
        notes.append(f"{stray} mention(s) do not match the text at their offsets")
    return text, notes


def _display(mention: Mention) -> str:
    value = mention.value
    if value is None:
        return "(no normal form)"
    if isinstance(value, Money):
        return f"{value.amount} {value.currency}"
    if isinstance(value, SentenceValue):
        return " ".join(part for part in (value.kind, value.term, value.role) if part)
    if isinstance(value, PaymentValue):
        total = money_json(value.total)
        money = f"{total['amount']} {total['currency']}" if total else "no total"
        return f"{value.count if value.count is not None else '?'} payments, {money}"
    if isinstance(value, OffenceValue):
        parts = [f"{value.category}: {value.name}"]
        parts += [f"({value.statute})"] if value.statute else []
        parts += [f"x{value.count}"] if value.count is not None else []
        parts += [] if value.is_convicted else ["[not convicted]"]
        return " ".join(parts)
    if isinstance(value, PersonValue):
        age = f", {value.age}" if value.age is not None else ""
        return f"{value.name}{age} ({value.role})"
    return str(value)


def _mentions(result: DocumentResult, text: str | None) -> list[dict[str, Any]]:
    """Mentions for the page, each with its place in its gold list (``item``) if it has one."""
    offsets = [n for m in result.mentions for n in (m.start_char, m.end_char)]
    wide = utf16_offsets(text, offsets) if text is not None else offsets
    counters = dict.fromkeys(LIST_OF_KIND.values(), 0)
    entries = []
    for index, mention in enumerate(result.mentions):
        entry: dict[str, Any] = {
            "id": mention.id,
            "kind": mention.kind,
            "text": mention.text,
            "start": wide[2 * index],
            "end": wide[2 * index + 1],
            "value": _display(mention),
            "rule": mention.rule,
            "offender": mention.offender,
            "page": mention.page,
            "paragraph": mention.paragraph,
        }
        if text is None:
            entry["sentence"] = mention.sentence
        name = LIST_OF_KIND.get(mention.kind)  # offences and people are in no gold list
        if mention.value is not None and name:  # to_gold lists exactly these, in this order
            entry["list"], entry["item"] = name, counters[name]
            counters[name] += 1
        entries.append(entry)
    return entries


def _people(result: DocumentResult) -> list[dict[str, Any]]:
    """The person mentions of a document: who, in what role, by which rule, and the case
    (its index) each was taken as offender for, if any."""
    taken: dict[str, int] = {}
    for index, case in enumerate(result.cases):
        for mention_id in case.evidence.get("offender", []):
            taken.setdefault(mention_id, index)
    return [
        {
            "id": m.id,
            "name": m.value.name,
            "role": m.value.role,
            "age": m.value.age,
            "rule": m.rule,
            "case": taken.get(m.id),
        }
        for m in result.mentions
        if isinstance(m, PersonMention)
    ]


def _cases(result: DocumentResult) -> list[dict[str, Any]]:
    cases = []
    for case in result.cases:
        extra = {}
        if case.estimated_time_in_custody:
            estimate = case.estimated_time_in_custody
            extra["estimated_time_in_custody"] = (
                f"{estimate.value} (estimate: {estimate.rule}; {estimate.source})"
            )
        if case.original_sentence:
            original = case.original_sentence
            extra["original_sentence"] = f"{original.kind} {original.term or ''}".strip()
        if case.court:
            extra["court"] = case.court
        if case.statutes:
            extra["statutes"] = "; ".join(case.statutes)
        if case.statutory_maximum:
            extra["statutory_maximum"] = case.statutory_maximum
        if case.term_share_of_maximum is not None:
            extra["share_of_maximum"] = f"{100 * case.term_share_of_maximum:.1f}%"
        cases.append(
            {
                "evidence": case.evidence,
                "extra": extra,
                "offences": list(case.offences),
                "warnings": list(case.warnings),
            }
        )
    return cases


def gold_names(results: list[DocumentResult], bases: list[Path]) -> dict[str, tuple[str, str]]:
    """Each result's gold file name and ``document`` path, as ``export --to gold`` names them.

    The name is the source's stem (``andrew-l.pdf`` -> ``andrew-l.gold.json``), or the
    document id where two sources share a stem; ``document`` is relative to the common
    folder of the ok documents' sources (a failed one outside it keeps its file name).
    """
    paths = {r.doc_id: (find_source(r, bases) or Path(r.source)).resolve() for r in results}
    ok = [str(paths[r.doc_id].parent) for r in results if r.status == "ok"]
    root = Path(os.path.commonpath(ok)) if ok else None
    stems: dict[str, int] = {}
    for path in paths.values():
        stems[path.stem] = stems.get(path.stem, 0) + 1
    names = {}
    for doc_id, path in paths.items():
        stem = path.stem if stems[path.stem] == 1 else doc_id
        inside = root is not None and path.is_relative_to(root)
        names[doc_id] = (
            f"{stem}.gold.json",
            path.relative_to(root).as_posix() if inside else path.name,
        )
    return names


def document_entry(
    result: DocumentResult, text: str | None, notes: list[str], name: str, document: str
) -> dict[str, Any]:
    """One document as the page's JSON holds it."""
    meta = result.meta
    return {
        "id": result.doc_id,
        "status": result.status,
        "source": result.source,
        "name": name,
        "format": meta.format if meta else None,
        "title": meta.title if meta else None,
        "date": meta.document_date if meta else None,
        "text": text,
        "notes": notes + list(meta.warnings if meta else []),
        "errors": [f"{e.code} ({e.stage}) {e.message}" for e in result.errors],
        "mentions": _mentions(result, text),
        "cases": _cases(result),
        "people": _people(result),
        "gold": to_gold(result, document) if result.status == "ok" else None,
    }


def build_review_data(
    results: list[DocumentResult], bases: list[Path], run_label: str, run_id: str
) -> dict[str, Any]:
    """Everything the page shows, as one JSON-ready dictionary."""
    names = gold_names(results, bases)
    docs = []
    for result in results:
        if result.status == "ok" or result.mentions:
            text, notes = load_text(result, bases)
        else:
            text, notes = None, []
        name, document = names[result.doc_id]
        docs.append(document_entry(result, text, notes, name, document))
    return {
        "run": run_label,
        "runId": run_id,
        "generated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "caseFields": list(GOLD_CASE_FIELDS),
        "caseKinds": list(get_args(CaseKind)),
        "offenceCategories": list(get_args(OffenceCategory)),
        "kinds": [*LIST_OF_KIND, *(kind for kind in _MORE_KINDS if kind not in LIST_OF_KIND)],
        "docs": docs,
    }


def _asset(name: str) -> str:
    return resources.files("courtfacts.output").joinpath("assets", name).read_text("utf-8")


def content_policy(script: str) -> str:
    """A Content-Security-Policy that runs only the page's own script and loads nothing.

    Defence in depth: even markup that reached the DOM could neither run an
    inline handler (``onerror``) nor fetch anything.
    """
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def render_review(data: dict[str, Any], stats_html: str) -> str:
    """The whole page: markup shell, inline CSS and JS, data as JSON, statistics section."""
    script = _asset("review.js")
    if "</" in script:
        raise ValueError("review.js must not contain '</': it is inlined in a script element")
    shell = _asset("review.html")
    replacements = {
        "{{CSP}}": content_policy(script),
        "{{TITLE}}": escape(f"courtfacts review: {data['run']}"),
        "{{CSS}}": _asset("review.css") + STATS_CSS,
        "{{DATA}}": embed_json(data),
        "{{STATS}}": stats_html,
        "{{SCRIPT}}": script,
    }
    # One pass: a marker inside inserted data is data, not a marker.
    return _MARKER.sub(lambda match: replacements[match.group(0)], shell)


def write_review(run: Path, out: Path, bases: list[Path] | None = None) -> ReviewSummary:
    """Write the review page of a run.

    Args:
        run: an output folder of ``extract`` or its ``documents.jsonl``.
        out: the HTML file to write.
        bases: folders the sources' relative paths may start from; by default the
            current folder and the folder holding the run folder.

    Returns:
        How many documents the page holds, and how many of them without text.
    """
    path = run / "documents.jsonl" if run.is_dir() else run
    folder = path.resolve().parent
    bases = bases if bases is not None else [Path.cwd(), folder.parent]
    results = list(read_jsonl(path))
    run_id = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    data = build_review_data(results, bases, str(folder), run_id)
    stats_html = render_fragment(compute_stats(results, (*DEFAULT_GROUPS, "offence")))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_review(data, stats_html), "utf-8")
    missing = sum(1 for doc in data["docs"] if doc["text"] is None and doc["status"] == "ok")
    return ReviewSummary(len(results), missing, out)
