"""A review page for 5,000 documents opens and filters without freezing, in Chromium.

The run is synthetic: 5,000 text files of about 2 KB and their
``DocumentResult`` lines built directly (no extraction), each with four or
five mentions and one case. Bounds are generous (a shared 2-core machine);
the figures measured are printed (``pytest -s``) and attached to the test
report as properties.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

import pytest

from courtfacts.corpus import read
from courtfacts.models import (
    CaseRecord,
    DateMention,
    DocumentMeta,
    DocumentResult,
    DurationMention,
    Money,
    MoneyMention,
    PaymentMention,
    PaymentValue,
    SentenceMention,
    SentenceValue,
)
from courtfacts.output.jsonl import dump_line
from courtfacts.output.review import write_review

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

DOCUMENTS = 5_000
FILLER = " ".join(
    ["The court heard submissions from both sides about the background of the case."] * 22
)


def _text(i: int) -> str:
    money = f" He had taken £{1000 + i:,} in {3 + i % 40} transfers." if i % 10 == 0 else ""
    return (
        f"Report {i}\n\n{FILLER}\n\nOn 3 March 2021 Alex Person{i}, {20 + i % 50}, "
        f"was jailed for {1 + i % 12} years.{money}\n\n{FILLER}"
    )


def _at(text: str, phrase: str, **fields: Any) -> dict[str, Any]:
    start = text.index(phrase)
    return {
        "text": phrase,
        "start_char": start,
        "end_char": start + len(phrase),
        "sentence": phrase,
        **fields,
    }


def _result(i: int, path: Path) -> DocumentResult:
    text = path.read_text("utf-8")
    years = f"{1 + i % 12} years"
    mentions: list[Any] = [
        DateMention(
            id="m0", rule="date.day_month_year", value="2021-03-03", **_at(text, "3 March 2021")
        ),
        SentenceMention(
            id="m1",
            rule="sentence.jailed_for",
            **_at(text, f"jailed for {years}"),
            value=SentenceValue(kind="custody", term=f"P{1 + i % 12}Y"),
        ),
        DurationMention(
            id="m2", rule="duration.phrase", value=f"P{1 + i % 12}Y", **_at(text, years)
        ),
    ]
    if i % 10 == 0:
        amount = f"£{1000 + i:,}"
        mentions.append(
            MoneyMention(
                id="m3",
                rule="money.amount",
                **_at(text, amount),
                value=Money(amount=1000 + i, currency="GBP"),
            )
        )
        mentions.append(
            PaymentMention(
                id="m4",
                rule="payment.count_total",
                **_at(text, f"{3 + i % 40} transfers"),
                value=PaymentValue(count=3 + i % 40),
            )
        )
    case = CaseRecord(
        offender=f"Alex Person{i}",
        age=20 + i % 50,
        sentence_kind="custody",
        custodial_term=f"P{1 + i % 12}Y",
        evidence={"custodial_term": ["m1"], "sentence_kind": ["m1"]},
    )
    meta = DocumentMeta(
        source=str(path), format="text", sha256=hashlib.sha256(path.read_bytes()).hexdigest()
    )
    return DocumentResult(
        doc_id=path.stem,
        status="ok",
        source=str(path),
        meta=meta,
        characters=len(text),
        mentions=mentions,
        cases=[case],
    )


@pytest.fixture(scope="module")
def large_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, float]]:
    root = tmp_path_factory.mktemp("large")
    docs, out = root / "docs", root / "out"
    docs.mkdir()
    out.mkdir()
    with (out / "documents.jsonl").open("w", encoding="utf-8") as handle:
        for i in range(DOCUMENTS):
            path = docs / f"doc-{i:05d}.txt"
            path.write_text(_text(i), "utf-8")
            handle.write(dump_line(_result(i, path)))
    assert read(docs / "doc-00000.txt").text == _text(0)  # offsets hold for the reader's text
    start = time.perf_counter()
    summary = write_review(out, root / "review.html")
    figures = {"build_s": time.perf_counter() - start, "html_mb": summary.path.stat().st_size / 1e6}
    assert summary.documents == DOCUMENTS and summary.without_text == 0
    return summary.path, figures


def test_five_thousand_documents_open_and_filter_quickly(
    browser: Any, large_page: tuple[Path, dict[str, float]], record_property: Any
) -> None:
    path, figures = large_page
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=60_000)
    figures["load_s"] = time.perf_counter() - start
    expect(page.locator("#f-count")).to_have_text(f"{DOCUMENTS} of {DOCUMENTS} documents")

    start = time.perf_counter()
    page.select_option("#f-kind", "payment")
    expect(page.locator("#f-count")).to_have_text(f"{DOCUMENTS // 10} of {DOCUMENTS} documents")
    figures["filter_kind_s"] = time.perf_counter() - start

    start = time.perf_counter()
    page.fill("#f-search", "doc-0499")
    expect(page.locator("#f-count")).to_have_text(f"1 of {DOCUMENTS} documents")
    figures["filter_search_s"] = time.perf_counter() - start
    assert page.inner_text("#doc-title") == "doc-04990"

    page.select_option("#f-kind", "")
    page.fill("#f-search", "")  # applied after a short debounce: wait for the count
    expect(page.locator("#f-count")).to_have_text(f"{DOCUMENTS} of {DOCUMENTS} documents")
    page.evaluate("document.getElementById('doclist').scrollTop = 46 * 4000")
    expect(page.locator("#doclist .row", has_text="doc-04000")).to_be_visible()
    start = time.perf_counter()
    for _ in range(20):
        page.keyboard.press("j")
    figures["twenty_j_s"] = time.perf_counter() - start

    rows = page.locator("#doclist .row").count()
    marks = page.locator("#doctext mark").count()
    figures.update(rows_in_dom=rows, marks_in_dom=marks)
    page.close()
    for name, value in figures.items():
        record_property(name, value)
    print("\nreview page, 5,000 documents:", {k: round(v, 2) for k, v in figures.items()})
    assert not errors, errors
    assert rows < 60, "the list is virtualised: only the rows in view are in the DOM"
    assert marks <= 10, "only the shown document's text is in the DOM"
    assert figures["load_s"] < 15
    assert figures["filter_kind_s"] < 3 and figures["filter_search_s"] < 3
    assert figures["twenty_j_s"] < 10
