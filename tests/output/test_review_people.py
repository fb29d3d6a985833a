"""The review page shows who was found, in which role, by which rule, and who each case is about.

The hand-made run ``offence_results`` (tests/output/conftest.py) is written
as a documents.jsonl whose sources do not exist, so the page shows each
document's mentions as a table (no text); the people, the cases' offence
categories, the person each case was taken for and the warnings come from
the run alone, whatever the extractor finds today. The browser tests use
Debian's chromium (skipped without it or Playwright) and fail on any script
or console error.

Groups:
    DEV: the page data (``build_review_data``) and the page in a browser.
    HELD_OUT: none; the page holds no tuned rules.
    BUGS_CAUGHT: none yet; add any bug found here, named by its origin.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from courtfacts.output.gold import GOLD_CASE_FIELDS
from courtfacts.output.jsonl import dump_line
from courtfacts.output.review import build_review_data, write_review

# fmt: off
# doc_id -> [(name, role, age, rule, case index or None)] as the page's data holds them
DEV_PEOPLE = {
    "online": [
        ("Andrew Lane", "offender", 56, "person.subject_of_sentence", 0),
        ("Judge Mary Hill", "judge", None, "person.judge_title", None),
        ("Sam Reed", "journalist", None, "person.byline", None),
    ],
    "contact": [
        ("Carl Dean", "offender", None, "person.caption_accused", 0),
        ("Dan Eve", "co-defendant", 30, "person.and_co_defendant", 1),
        ("the girl", "victim", None, "person.victim_description", None),
    ],
}
# fmt: on


def _docs(results: list[Any], tmp_path: Path) -> dict[str, dict[str, Any]]:
    data = build_review_data(results, [tmp_path], "hand", "0" * 16)
    return {doc["id"]: doc for doc in data["docs"]}


@pytest.mark.parametrize("doc_id", list(DEV_PEOPLE))
def test_people_carry_role_rule_and_the_case_they_named(
    offence_results: list[Any], tmp_path: Path, doc_id: str
) -> None:
    people = _docs(offence_results, tmp_path)[doc_id]["people"]
    assert [(p["name"], p["role"], p["age"], p["rule"], p["case"]) for p in people] == DEV_PEOPLE[
        doc_id
    ]


def test_cases_carry_offences_warnings_and_the_maximum(
    offence_results: list[Any], tmp_path: Path
) -> None:
    docs = _docs(offence_results, tmp_path)
    lane = docs["online"]["cases"][0]
    assert lane["offences"] == ["child_sexual_images", "child_sexual_online"]
    assert lane["evidence"]["offender"] == ["p1"] and lane["evidence"]["offences"] == ["o1", "o2"]
    assert (lane["extra"]["statutory_maximum"], lane["extra"]["share_of_maximum"]) == (
        "P14Y",
        "33.3%",
    )
    eve = docs["contact"]["cases"][1]
    assert [w[:4] for w in eve["warnings"]] == ["W311"]
    values = {m["id"]: m["value"] for m in docs["online"]["mentions"]}
    assert values["o3"] == "child_sexual_contact: rape [not convicted]"
    assert values["o1"].endswith("(section 8 Sexual Offences Act 2003) x4")
    assert values["p1"] == "Andrew Lane, 56 (offender)"
    # offences and people are in no gold list: no item numbers for the corrections
    assert all("list" not in m for m in docs["online"]["mentions"])


# ---------------------------------------------------------------- in a browser


@pytest.fixture(scope="module")
def people_page(tmp_path_factory: pytest.TempPathFactory, offence_results: list[Any]) -> Path:
    root = tmp_path_factory.mktemp("people")
    run = root / "documents.jsonl"
    run.write_text("".join(dump_line(result) for result in offence_results), "utf-8")
    page = root / "review.html"
    write_review(run, page, [root])
    return page


@pytest.fixture()
def page(browser: Any, people_page: Path) -> Any:
    """The page in a fresh context; fails the test on any script or console error."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    tab.goto(people_page.as_uri())
    tab.wait_for_selector("body[data-ready='1']", timeout=15_000)
    yield tab
    context.close()
    assert not problems, problems


def _open(tab: Any, doc_id: str) -> None:
    tab.click(f"#doclist .row:has-text('{doc_id}')")
    tab.wait_for_selector(f"#doc-title:text-is('{doc_id}')")


def test_the_people_table_shows_role_rule_and_case(page: Any) -> None:
    _open(page, "online")
    rows = page.locator("#cases table.people tr.person")
    assert rows.count() == 3
    assert rows.nth(0).inner_text().split("\t") == [
        "Andrew Lane",
        "offender",
        "56",
        "person.subject_of_sentence",
        "case 1",
    ]
    assert "is-offender" in rows.nth(0).get_attribute("class")
    assert "is-offender" not in rows.nth(1).get_attribute("class")
    rows.nth(2).click()
    assert "Sam Reed (journalist)" in page.inner_text("#detail")
    assert "is-selected" in rows.nth(2).get_attribute("class")


def test_a_case_shows_the_person_it_was_taken_for_and_its_offences(page: Any) -> None:
    _open(page, "online")
    case = page.locator("#cases table.case").first
    taken = case.locator("tr.taken button.mlink")
    assert taken.inner_text() == "Andrew Lane \u00b7 person.subject_of_sentence"
    categories = "child_sexual_images, child_sexual_online"
    if "offences" in GOLD_CASE_FIELDS:  # a case field: editable, linked to its evidence
        cell = case.locator("td.value[data-field='offences']")
        assert cell.inner_text().startswith(categories)
        cell.click()
        assert "inciting a child abroad" in page.inner_text("#detail")
    else:
        assert case.locator("tr.offences td").inner_text().startswith(categories)
    links = case.locator("tr.offences button.mlink")
    assert [links.nth(i).inner_text() for i in range(links.count())] == [
        "inciting a child abroad to engage in sexual activity",
        "making indecent images of children",
    ]
    taken.click()
    assert "Andrew Lane, 56 (offender)" in page.inner_text("#detail")
    assert case.locator("tr.extra:has-text('statutory_maximum') td").inner_text() == "P14Y"


def test_a_warning_is_shown_on_its_case(page: Any) -> None:
    _open(page, "contact")
    eve = page.locator("#cases table.case").nth(1)
    assert eve.locator("tr.warning td").inner_text().startswith("W311 offending period ends")
    fox = page.locator("#cases table.case").nth(2)
    assert "no person mention" in fox.locator("tr.taken td").inner_text()


@pytest.mark.skipif("offences" not in GOLD_CASE_FIELDS, reason="offences is no gold case field")
def test_offence_categories_are_edited_as_a_checked_sorted_list(page: Any, tmp_path: Path) -> None:
    _open(page, "contact")
    row = (
        page.locator("#cases table.case").nth(2).locator("tr:has(td.value[data-field='offences'])")
    )
    row.locator("button[data-act='edit']").click()
    page.fill("#cases input.edit-input", "fraud, money_laundering")
    page.press("#cases input.edit-input", "Enter")
    assert "unknown offence category: money_laundering" in row.inner_text()
    page.fill("#cases input.edit-input", "justice, fraud fraud")
    page.press("#cases input.edit-input", "Enter")
    assert row.locator("td.value").inner_text().startswith("fraud, justice")
    with page.expect_download() as info:
        page.click("#btn-download")
    saved = tmp_path / "corrections.json"
    info.value.save_as(str(saved))
    cases = json.loads(saved.read_text("utf-8"))["contact.gold.json"]["cases"]
    assert [case.get("offences") for case in cases] == [
        ["child_sexual_contact"],
        ["child_sexual_contact"],
        ["fraud", "justice"],
    ]
