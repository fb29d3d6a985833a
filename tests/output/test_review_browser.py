"""The review page in a real browser: headless Debian Chromium driven by Playwright.

One run over three text documents we write here: ``hostile.txt`` (a sentence
"John Smith, 45, was jailed for four years." after markup that would run
script if the page parsed it as HTML, and forty filler paragraphs so that
its evidence sits below the fold), ``other.txt`` and ``gone.txt`` (deleted
after extraction: the page must show its mentions without text).

The page is opened from ``file://``; every test fails on a script error or a
console error (a Content-Security-Policy violation is one). The page's policy
forbids eval, so waits use ``expect`` on locators, not ``wait_for_function``.
With ``COURTFACTS_KEEP_ARTIFACTS=1`` the screenshot is also copied to
``tests/artifacts/review.png``.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

from courtfacts.cli import app

ROOT = Path(__file__).resolve().parents[2]
GOLD_KEYS = {
    "document",
    "document_date",
    "durations",
    "dates",
    "money",
    "offence_counts",
    "sentences",
    "payments",
    "cases",
    "notes",
}
FILLER = "\n\n".join(
    f"Paragraph {i}: the hearing went on at length and nothing was decided that morning."
    for i in range(1, 41)
)
HOSTILE = (
    "Court news\n\n<script>window.__pwned=1</script>\n\n"
    '<img src=x onerror="window.__pwned=2">\n\n'
    "<!--<script> a comment opener is text too\n\n"
    f"{FILLER}\n\nJohn Smith, 45, was jailed for four years.\n"
)
runner = CliRunner()


@pytest.fixture(scope="module")
def review_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Extract the three documents, delete one source, write the review page."""
    root = tmp_path_factory.mktemp("review")
    docs = root / "docs"
    docs.mkdir()
    (docs / "hostile.txt").write_text(HOSTILE, "utf-8")
    (docs / "other.txt").write_text(
        "Jane Roe, 30, was fined £500 at Leeds Magistrates' Court on 3 March 2023.\n", "utf-8"
    )
    (docs / "gone.txt").write_text(
        "Mark Lane, 52, was jailed for two years at Hull Crown Court.\n", "utf-8"
    )
    out = root / "out"
    result = runner.invoke(app, ["extract", str(docs), "-o", str(out), "--workers", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    (docs / "gone.txt").unlink()
    page = root / "review.html"
    result = runner.invoke(app, ["review", str(out), "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert "1 without text" in result.output
    return {"root": root, "docs": docs, "out": out, "page": page}


@pytest.fixture()
def page(browser: Any, review_run: dict[str, Path]) -> Any:
    """The review page in a fresh browser context; fails the test on any script or console error."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on(
        "console",
        lambda msg: problems.append(f"console: {msg.text}") if msg.type == "error" else None,
    )
    tab.goto(review_run["page"].as_uri())
    tab.wait_for_selector("body[data-ready='1']", timeout=15_000)
    yield tab
    context.close()
    assert not problems, problems


def _open(tab: Any, doc_id: str) -> None:
    tab.click(f"#doclist .row:has-text('{doc_id}')")
    expect(tab.locator("#doc-title")).to_have_text(doc_id)


def _field_row(tab: Any, field: str, case: int = 0) -> Any:
    return (
        tab.locator("#cases table.case")
        .nth(case)
        .locator(f"tr:has(td.value[data-field='{field}'])")
    )


def test_hostile_markup_is_shown_as_text_and_runs_nothing(page: Any) -> None:
    _open(page, "hostile")
    text = page.inner_text("#doctext")
    assert "<script>window.__pwned=1</script>" in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert "<!--<script> a comment opener is text too" in text
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#main img, #main script").count() == 0
    assert (
        page.evaluate("document.scripts.length") == 2
    )  # the data element and the page's own script


def test_clicking_a_mention_highlights_it_with_its_value_and_rule(page: Any) -> None:
    _open(page, "hostile")
    mark = page.locator("#doctext mark.mention", has_text="four years").first
    mark.click()
    assert "is-selected" in mark.get_attribute("class")
    assert "k-duration" in mark.get_attribute("class")
    detail = page.inner_text("#detail")
    assert "P4Y" in detail and "rule duration." in detail
    assert "P4Y" in mark.get_attribute("title")  # also on hover
    # the case fields this mention is evidence for light up
    selected = page.locator("#doctext mark.is-selected").count()
    assert selected >= 1


def test_a_case_field_scrolls_to_and_highlights_its_evidence(page: Any) -> None:
    _open(page, "hostile")
    assert page.evaluate("document.getElementById('main').scrollTop") == 0
    cell = _field_row(page, "custodial_term").locator("td.value")
    cell.click()
    evidence = page.locator("#doctext mark.is-evidence")
    assert evidence.count() >= 1
    assert "".join(evidence.all_inner_texts()) == "jailed for four years"
    assert "is-active" in cell.get_attribute("class")
    assert page.evaluate("document.getElementById('main').scrollTop") > 0
    box = evidence.first.bounding_box()
    assert box is not None and 0 <= box["y"] <= 900 - box["height"]


def test_edit_a_case_and_download_corrections_as_gold(
    page: Any, review_run: dict[str, Path], tmp_path: Path
) -> None:
    _open(page, "hostile")
    term = _field_row(page, "custodial_term")
    term.locator("button[data-act='edit']").click()
    page.fill("#cases input.edit-input", "P13M")
    page.press("#cases input.edit-input", "Enter")
    assert "months must be under 12" in term.inner_text()
    page.fill("#cases input.edit-input", "P5Y")
    page.press("#cases input.edit-input", "Enter")
    assert "rv-edited" in term.get_attribute("class")
    assert term.locator("td.value").inner_text().startswith("P5Y")
    _field_row(page, "age").locator("button[data-act='correct']").click()
    _field_row(page, "sentence_date").locator(
        "button[data-act='wrong']"
    ).click()  # absent: no effect
    page.click("#cases button[data-act='add-case']")
    added = page.locator("#cases table.case.is-added tr:has(td.value[data-field='offender'])")
    added.locator("button[data-act='edit']").click()
    page.fill("#cases input.edit-input", "Jane Doe")
    page.press("#cases input.edit-input", "Enter")
    kind = page.locator("#cases table.case.is-added tr:has(td.value[data-field='sentence_kind'])")
    kind.locator("button[data-act='edit']").click()
    page.select_option("#cases select.edit-input", "fine")
    kind.locator("button[data-act='save-edit']").click()
    assert page.inner_text("#review-count") == "1 document reviewed"

    _field_row(page, "custodial_term").locator("td.value").click()  # show the evidence in the shot
    shot = tmp_path / "review.png"
    page.screenshot(path=str(shot))
    if os.environ.get("COURTFACTS_KEEP_ARTIFACTS") == "1":
        (ROOT / "tests" / "artifacts").mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, ROOT / "tests" / "artifacts" / "review.png")

    with page.expect_download() as info:
        page.click("#btn-download")
    download = info.value
    assert download.suggested_filename == "corrections.json"
    saved = tmp_path / "corrections.json"
    download.save_as(str(saved))
    corrections = json.loads(saved.read_text("utf-8"))
    assert list(corrections) == ["hostile.gold.json"]
    gold = corrections["hostile.gold.json"]
    assert set(gold) == GOLD_KEYS
    assert gold["document"] == "hostile.txt"
    assert {"offender": "John Smith", "kind": "custody", "term": "P4Y"} in gold["sentences"]
    assert gold["cases"] == [
        {"offender": "John Smith", "age": 45, "sentence_kind": "custody", "custodial_term": "P5Y"},
        {"offender": "Jane Doe", "sentence_kind": "fine"},
    ]

    gold_dir = tmp_path / "gold"
    result = runner.invoke(app, ["review-apply", str(saved), "-o", str(gold_dir)])
    assert result.exit_code == 0, result.output
    assert json.loads((gold_dir / "hostile.gold.json").read_text("utf-8")) == gold
    again = runner.invoke(app, ["review-apply", str(saved), "-o", str(gold_dir)])
    assert again.exit_code == 2 and "--force" in again.output
    scored = runner.invoke(
        app, ["evaluate", "--gold", str(gold_dir), "--docs", str(review_run["docs"])]
    )
    assert scored.exit_code == 0, scored.output


def test_rejecting_a_mention_leaves_it_out_of_the_gold_lists(page: Any, tmp_path: Path) -> None:
    _open(page, "other")
    page.locator("#doctext mark.mention", has_text="3 March 2023").first.click()
    page.click("#detail button[data-act='reject-mention']")
    assert "is-rejected" in page.locator("#doctext mark.is-selected").first.get_attribute("class")
    with page.expect_download() as info:
        page.click("#btn-download")
    info.value.save_as(str(tmp_path / "c.json"))
    gold = json.loads((tmp_path / "c.json").read_text("utf-8"))["other.gold.json"]
    assert gold["dates"] == []
    assert gold["money"] == [{"amount": 500, "currency": "GBP"}]
    assert gold["cases"] == [{"offender": "Jane Roe", "age": 30, "sentence_kind": "fine"}]


def test_keyboard_moves_between_documents_and_mentions(page: Any) -> None:
    first = page.inner_text("#doc-title")
    page.keyboard.press("j")
    second = page.inner_text("#doc-title")
    assert second != first
    page.keyboard.press("k")
    assert page.inner_text("#doc-title") == first
    _open(page, "other")
    page.keyboard.press("n")
    page.keyboard.press("n")
    assert page.locator("#doctext mark.is-selected").count() >= 1
    assert page.inner_text("#detail").count("rule ") == 1


def test_a_missing_source_shows_its_mentions_without_text(page: Any) -> None:
    _open(page, "gone")
    assert "source file not found" in page.inner_text("#doc-notes")
    assert page.locator("#doctext").is_hidden()
    rows = page.locator("#mentionlist tr.mention")
    assert rows.count() >= 1
    rows.first.click()
    assert "is-selected" in rows.first.get_attribute("class")
    _field_row(page, "custodial_term").locator("td.value").click()
    assert page.locator("#mentionlist tr.is-evidence").count() >= 1


def test_filters_narrow_the_list(page: Any) -> None:
    assert page.inner_text("#f-count") == "3 of 3 documents"
    page.select_option("#f-kind", "money")
    assert page.inner_text("#f-count") == "1 of 3 documents"
    assert page.inner_text("#doc-title") == "other"
    page.select_option("#f-kind", "")
    page.select_option("#f-missing", "custodial_term")  # other.txt: a fine has no term
    assert page.inner_text("#f-count") == "1 of 3 documents"
    assert page.inner_text("#doc-title") == "other"
    page.select_option("#f-missing", "")
    page.fill("#f-search", "zzz")
    expect(page.locator("#f-count")).to_have_text("0 of 3 documents")
    assert page.inner_text("#doc-title") == "No document matches the filters"


def test_the_statistics_tab_shows_the_charts(page: Any) -> None:
    page.click("#btn-stats")
    assert page.locator("#statsview svg").count() == 2
    assert page.locator("#docview").is_hidden()
    page.click("#btn-docs")
    assert page.locator("#docview").is_visible()
