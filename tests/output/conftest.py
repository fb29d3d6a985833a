"""Fixtures of the output tests: a headless Chromium, and a hand-made run with offences.

Playwright for Python drives Debian's ``chromium`` found on PATH; nothing is
downloaded (``playwright install`` is never run). Tests that use ``browser``
skip cleanly when either is missing. ``offence_results`` is a run written out
by hand whose cases carry offence categories, person mentions, statutory
maxima and a warning, for the figures of ``stats --compare`` and the
``offences`` and ``people`` tables.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the session, or a skip when Playwright or Chromium is missing."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("no chromium on PATH (Debian package `chromium`)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


# ------------------------------------------------- a hand-made run with offences and people
# fmt: off


def _span(kind: str, mid: str, text: str, start: int, rule: str, value: dict) -> dict:
    return {
        "kind": kind,
        "id": mid,
        "text": text,
        "start_char": start,
        "end_char": start + len(text),
        "sentence": text,
        "rule": rule,
        "value": value,
    }


def _offence(mid: str, text: str, start: int, category: str, **fields: Any) -> dict:
    value = {"category": category, "name": text.lower(), **fields}
    return _span("offence", mid, text, start, f"offence.{category}", value)


def _person(mid: str, text: str, start: int, role: str, rule: str, age: int | None = None) -> dict:
    return _span("person", mid, text, start, rule, {"name": text, "role": role, "age": age})


def _estimate(value: str) -> dict:
    return {"value": value, "rule": "release.test", "source": "a test"}


def offence_run() -> list[Any]:
    """Three documents whose cases carry offences, people, maxima and a warning.

    Written out by hand (the figures of the tests that use it are worked out
    from these values, never from the extractor):

    - ``online`` (news): Andrew Lane, custody P4Y8M, stated P3Y in custody,
      share 1/3 of the maximum, 36 payments, offences child_sexual_images and
      child_sexual_online from two mentions (counts 4 and none); an acquitted
      offence (not the case's), a judge and a journalist.
    - ``online2`` (news): Brian Moss, custody P2Y, estimate P1Y, share 0.2,
      12 payments, offence_count 2, child_sexual_online with no mention behind it.
    - ``contact`` (judgments): Carl Dean, custody P10Y, estimate P5Y, maximum
      life, child_sexual_contact from a mention with count 3; Dan Eve,
      suspended P2Y, estimate P0D, child_sexual_contact, an offending period
      that ends before it starts (W311); Ed Fox, fine, fraud.
    """
    from courtfacts.models import DocumentResult

    online = {
        "doc_id": "online",
        "status": "ok",
        "source": "news/online.txt",
        "mentions": [
            _person("p1", "Andrew Lane", 0, "offender", "person.subject_of_sentence", 56),
            _person("p2", "Judge Mary Hill", 40, "judge", "person.judge_title"),
            _person("p3", "Sam Reed", 80, "journalist", "person.byline"),
            _offence("o1", "inciting a child abroad to engage in sexual activity", 100,
                     "child_sexual_online", statute="section 8 Sexual Offences Act 2003", count=4),
            _offence("o2", "making indecent images of children", 200, "child_sexual_images"),
            _offence("o3", "rape", 300, "child_sexual_contact", is_convicted=False),
        ],
        "cases": [
            {
                "offender": "Andrew Lane", "age": 56, "sentence_kind": "custody",
                "custodial_term": "P4Y8M", "time_in_custody": "P3Y", "payment_count": 36,
                "offences": ["child_sexual_images", "child_sexual_online"],
                "statutory_maximum": "P14Y", "term_share_of_maximum": 1 / 3,
                "evidence": {"offender": ["p1"], "offences": ["o1", "o2"]},
            }
        ],
    }
    online2 = {
        "doc_id": "online2",
        "status": "ok",
        "source": "news/online2.txt",
        "mentions": [_person("p1", "Brian Moss", 0, "offender", "person.subject_of_sentence")],
        "cases": [
            {
                "offender": "Brian Moss", "sentence_kind": "custody", "custodial_term": "P2Y",
                "estimated_time_in_custody": _estimate("P1Y"), "offence_count": 2,
                "payment_count": 12, "offences": ["child_sexual_online"],
                "statutory_maximum": "P10Y", "term_share_of_maximum": 0.2,
                "evidence": {"offender": ["p1"]},
            }
        ],
    }
    contact = {
        "doc_id": "contact",
        "status": "ok",
        "source": "judgments/contact.txt",
        "mentions": [
            _person("p1", "Carl Dean", 0, "offender", "person.caption_accused"),
            _person("p2", "Dan Eve", 20, "co-defendant", "person.and_co_defendant", 30),
            _person("p3", "the girl", 40, "victim", "person.victim_description"),
            _offence("o1", "raped his stepdaughter", 60, "child_sexual_contact", count=3),
            _offence("o2", "fraud by false representation", 90, "fraud",
                     statute="section 1 Fraud Act 2006"),
        ],
        "cases": [
            {
                "offender": "Carl Dean", "sentence_kind": "custody", "custodial_term": "P10Y",
                "estimated_time_in_custody": _estimate("P5Y"), "statutory_maximum": "life",
                "offences": ["child_sexual_contact"],
                "evidence": {"offender": ["p1"], "offences": ["o1"]},
            },
            {
                "offender": "Dan Eve", "sentence_kind": "suspended", "custodial_term": "P2Y",
                "estimated_time_in_custody": _estimate("P0D"), "offences": ["child_sexual_contact"],
                "offending_start": "2020", "offending_end": "2019",
                "evidence": {"offender": ["p2"]},
            },
            {"offender": "Ed Fox", "sentence_kind": "fine", "offences": ["fraud"],
             "evidence": {"offences": ["o2"]}},
        ],
    }
    return [DocumentResult.model_validate(doc) for doc in (online, online2, contact)]
# fmt: on


@pytest.fixture(scope="session")
def offence_results() -> list[Any]:
    """The hand-made run of ``offence_run`` (three documents, five cases; frozen records)."""
    return offence_run()
