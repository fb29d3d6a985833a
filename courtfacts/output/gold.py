"""Project a ``DocumentResult`` onto the gold format of ``shared/eval/GOLD_FORMAT.md``.

The projection keeps values, not spans: the six lists of mentions (each
a multiset in text order) and the case records with only the gold fields.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from decimal import Decimal  # noqa: F401 - used by the doctests
from pathlib import Path
from typing import Any

from courtfacts.models import DocumentResult, Money

_NAME_BYTES = 200
_UNSAFE_NAME = re.compile(r"[/\\\x00-\x1f]")
GOLD_CASE_FIELDS = (
    "offender",
    "age",
    "offence_count",
    "sentence_kind",
    "custodial_term",
    "time_in_custody",
    "payment_count",
    "payment_total",
    "offending_start",
    "offending_end",
    "sentence_date",
    "offences",
)
LIST_OF_KIND = {  # mention kind -> gold list name
    "duration": "durations",
    "date": "dates",
    "money": "money",
    "offence_count": "offence_counts",
    "sentence": "sentences",
    "payment": "payments",
}


def money_json(money: Money | None) -> dict[str, Any] | None:
    """Money as gold JSON: a plain number and an ISO code.

    >>> money_json(Money(amount=Decimal("2000"), currency="GBP"))
    {'amount': 2000, 'currency': 'GBP'}
    """
    if money is None:
        return None
    amount = money.amount
    number: int | float = int(amount) if amount == amount.to_integral_value() else float(amount)
    return {"amount": number, "currency": money.currency}


def _item(kind: str, mention: Any) -> Any:
    value = mention.value
    if kind in ("duration", "date"):
        return value
    if kind == "money":
        return money_json(value)
    if kind == "offence_count":
        return {"count": value, "offender": mention.offender}
    if kind == "sentence":
        return {"offender": mention.offender, "kind": value.kind, "term": value.term}
    return {"offender": mention.offender, "count": value.count, "total": money_json(value.total)}


def to_gold(result: DocumentResult, document: str) -> dict[str, Any]:
    """Return the gold-format dictionary of one extracted document.

    Args:
        result: one line of ``documents.jsonl``.
        document: the document's path relative to the documents folder.
    """
    gold: dict[str, Any] = {
        "document": document,
        "document_date": result.meta.document_date if result.meta else None,
    }
    for name in LIST_OF_KIND.values():
        gold[name] = []
    for mention in result.mentions:
        if mention.value is None or mention.kind not in LIST_OF_KIND:
            continue
        gold[LIST_OF_KIND[mention.kind]].append(_item(mention.kind, mention))
    gold["cases"] = []
    for case in result.cases:
        fields = case.model_dump(mode="python", include=set(GOLD_CASE_FIELDS), exclude_none=True)
        if "payment_total" in fields:
            fields["payment_total"] = money_json(case.payment_total)
        if not fields.get("offences"):
            fields.pop(
                "offences", None
            )  # GOLD_FORMAT: left out where the document names no offence
        gold["cases"].append({name: fields[name] for name in GOLD_CASE_FIELDS if name in fields})
    return gold


def gold_name(name: str, limit: int = _NAME_BYTES) -> str:
    """A gold file's NAME: the source stem, made safe and short enough for any file system.

    Two sources sharing a stem are told apart by their document ids (unique
    in a run); a name over ``limit`` bytes keeps its start and a hash of the rest.

    >>> gold_name("andrew-l")
    'andrew-l'
    >>> len(gold_name("x" * 300).encode())
    200
    >>> gold_name("../../etc/passwd")
    '_._.._etc_passwd'
    """
    safe = _UNSAFE_NAME.sub("_", name) or "document"
    if safe.startswith("."):
        safe = "_" + safe[1:]  # no hidden files
    if len(safe.encode()) <= limit:
        return safe
    digest = hashlib.sha256(safe.encode()).hexdigest()[:16]
    head = safe.encode()[: limit - len(digest) - 1].decode("utf-8", "ignore")
    return f"{head}-{digest}"


def write_gold(results: list[DocumentResult], folder: Path) -> list[Path]:
    """Write NAME.gold.json for each ok document (NAME: source file name without suffix).

    The ``document`` field is the source path relative to the common folder of
    the sources written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    ok = [r for r in results if r.status == "ok"]
    parents = [Path(r.source).resolve().parent for r in ok]
    root = Path(os.path.commonpath([str(p) for p in parents])) if parents else Path(".")
    stems = Counter(Path(r.source).stem for r in ok)
    written = []
    for result in ok:
        source = Path(result.source).resolve()
        name = source.stem if stems[source.stem] == 1 else result.doc_id
        path = folder / f"{gold_name(name)}.gold.json"
        document = source.relative_to(root).as_posix()
        path.write_text(
            json.dumps(to_gold(result, document), indent=1, ensure_ascii=False) + "\n", "utf-8"
        )
        written.append(path)
    return written
