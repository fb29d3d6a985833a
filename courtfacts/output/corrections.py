"""Write the review page's ``corrections.json`` out as gold files.

The page's "Download corrections" saves one JSON object that maps a gold file
name to a gold document (``{"andrew-l.gold.json": {...}, ...}``), one entry
per reviewed document. ``apply_corrections`` checks every entry against
``shared/eval/GOLD_FORMAT.md`` (keys, normal forms, a plain file name) before
writing any file, so a bad download writes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, get_args

from courtfacts.models import CaseKind, SentenceKind, check_date, check_duration
from courtfacts.output.gold import GOLD_CASE_FIELDS

GOLD_LISTS = ("durations", "dates", "money", "offence_counts", "sentences", "payments")
GOLD_KEYS = ("document", "document_date", *GOLD_LISTS, "cases", "notes")
_INT_FIELDS = ("age", "offence_count", "payment_count")
_DURATION_FIELDS = ("custodial_term", "time_in_custody")
_DATE_FIELDS = ("offending_start", "offending_end", "sentence_date")


class CorrectionsError(ValueError):
    """A corrections file that cannot be written out as gold files; lists every problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def check_file_name(name: str) -> str | None:
    """A problem with a gold file name, or ``None``: a bare ``NAME.gold.json``, no folders.

    >>> check_file_name("andrew-l.gold.json") is None
    True
    >>> check_file_name("../x.gold.json")
    "'../x.gold.json' is not a bare NAME.gold.json file name"
    """
    bare = PurePosixPath(name).name == name and PureWindowsPath(name).name == name
    if not bare or not name.endswith(".gold.json") or name.startswith("."):
        return f"{name!r} is not a bare NAME.gold.json file name"
    return None


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _money_problem(value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) != {"amount", "currency"}:
        return "money must be {amount, currency}"
    amount, currency = value["amount"], value["currency"]
    if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount < 0:
        return f"bad amount {amount!r}"
    if not (
        isinstance(currency, str)
        and len(currency) == 3
        and currency.isalpha()
        and currency.isupper()
    ):
        return f"bad currency {currency!r}"
    return None


def _field_problem(name: str, value: Any) -> str | None:
    try:
        if name in _INT_FIELDS and not _is_count(value):
            return f"{name} must be a whole number, not {value!r}"
        if name in _DURATION_FIELDS:
            check_duration(value if isinstance(value, str) else repr(value))
        if name in _DATE_FIELDS:
            check_date(value if isinstance(value, str) else repr(value))
    except ValueError as error:
        return f"{name}: {error}"
    if name == "sentence_kind" and value not in get_args(CaseKind):
        return f"unknown sentence_kind {value!r}"
    if name == "offender" and not (isinstance(value, str) and value.strip()):
        return "offender must be a name"
    if name == "payment_total":
        return _money_problem(value)
    return None


def _case_problems(case: Any, where: str) -> list[str]:
    if not isinstance(case, dict):
        return [f"{where}: a case must be an object"]
    problems = [
        f"{where}: unknown case field {key!r}" for key in case if key not in GOLD_CASE_FIELDS
    ]
    for name, value in case.items():
        if name in GOLD_CASE_FIELDS and (problem := _field_problem(name, value)):
            problems.append(f"{where}: {problem}")
    return problems


def _list_problems(gold: dict[str, Any], where: str) -> list[str]:
    problems = []
    for name in GOLD_LISTS:
        items = gold.get(name)
        if not isinstance(items, list):
            problems.append(f"{where}: {name} must be a list")
            continue
        for item in items:
            if name == "durations" and _field_problem("custodial_term", item):
                problems.append(f"{where}: bad duration {item!r}")
            elif name == "dates" and _field_problem("sentence_date", item):
                problems.append(f"{where}: bad date {item!r}")
            elif name == "sentences" and (
                not isinstance(item, dict) or item.get("kind") not in get_args(SentenceKind)
            ):
                problems.append(f"{where}: bad sentence {item!r}")
    return problems


def gold_problems(gold: Any, where: str) -> list[str]:
    """Every way one gold document departs from the gold format (empty when it is fine)."""
    if not isinstance(gold, dict):
        return [f"{where}: a gold document must be an object"]
    problems = [f"{where}: unknown key {key!r}" for key in gold if key not in GOLD_KEYS]
    if not isinstance(gold.get("document"), str) or not gold["document"]:
        problems.append(f"{where}: document must be the document's relative path")
    problems += _list_problems(gold, where)
    cases = gold.get("cases")
    if not isinstance(cases, list):
        problems.append(f"{where}: cases must be a list")
    else:
        for index, case in enumerate(cases, 1):
            problems += _case_problems(case, f"{where} case {index}")
    notes = gold.get("notes", [])
    if not isinstance(notes, list) or not all(isinstance(note, str) for note in notes):
        problems.append(f"{where}: notes must be a list of strings")
    return problems


def load_corrections(path: Path) -> dict[str, dict[str, Any]]:
    """Read and check a corrections file.

    Raises:
        CorrectionsError: it is not JSON, not a mapping of file names to gold
            documents, or a gold document breaks the format.
    """
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorrectionsError([f"{path}: {error}"]) from None
    if not isinstance(data, dict) or not data:
        raise CorrectionsError(
            [f"{path}: expected an object mapping NAME.gold.json to gold documents"]
        )
    problems = []
    for name, gold in data.items():
        if problem := check_file_name(name):
            problems.append(problem)
        problems += gold_problems(gold, name)
    if problems:
        raise CorrectionsError(problems)
    return data


def apply_corrections(path: Path, folder: Path, overwrite: bool = False) -> list[Path]:
    """Write each gold document of a corrections file to ``folder/NAME.gold.json``.

    Args:
        path: the ``corrections.json`` the review page downloaded.
        folder: the gold folder (created if needed).
        overwrite: replace gold files that already exist.

    Returns:
        The files written.

    Raises:
        CorrectionsError: the file breaks the format, or (without ``overwrite``)
            a gold file is already there; nothing is written then.
    """
    data = load_corrections(path)
    targets = {name: folder / name for name in data}
    existing = [str(target) for target in targets.values() if target.exists()]
    if existing and not overwrite:
        raise CorrectionsError(
            [f"{target} exists (use --force to replace it)" for target in existing]
        )
    folder.mkdir(parents=True, exist_ok=True)
    for name, target in targets.items():
        target.write_text(json.dumps(data[name], indent=1, ensure_ascii=False) + "\n", "utf-8")
    return list(targets.values())
