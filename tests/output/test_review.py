"""The review page's data and the corrections it saves, without a browser.

Groups:
    DEV: how the page embeds a run (escaping, text read again from the
        sources, offsets, gold names) and how ``review-apply`` checks and
        writes corrections.
The browser behaviour is in ``test_review_browser.py``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from courtfacts.cli import app
from courtfacts.corpus import read
from courtfacts.models import CaseRecord, DocumentResult, DurationMention
from courtfacts.output.corrections import CorrectionsError, apply_corrections
from courtfacts.output.jsonl import dump_line
from courtfacts.output.review import _asset, build_review_data, gold_names, write_review

runner = CliRunner()
HOSTILE = 'A <script>window.__pwned=1</script> and <img src=x onerror="x()"> then <!--<script> and \u2028 for four years.'
_DATA = re.compile(
    r'<script type="application/json" id="courtfacts-data">(.*?)</script>', re.DOTALL
)


def _result(path: Path, text: str, phrase: str = "four years") -> DocumentResult:
    source = read(path)
    start = text.index(phrase)
    mention = DurationMention(
        id="m0",
        text=phrase,
        start_char=start,
        end_char=start + len(phrase),
        sentence=text,
        rule="duration.phrase",
        value="P4Y",
    )
    case = CaseRecord(
        offender="John Smith", custodial_term="P4Y", evidence={"custodial_term": ["m0"]}
    )
    return DocumentResult(
        doc_id=path.stem,
        status="ok",
        source=str(path),
        meta=source.meta,
        mentions=[mention],
        cases=[case],
    )


def _run(tmp_path: Path, texts: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    lines = []
    for name, text in texts.items():
        path = docs / name
        path.write_text(text, "utf-8")
        lines.append(dump_line(_result(path, text)))
    (out / "documents.jsonl").write_text("".join(lines), "utf-8")
    return out


def _page_data(html: str) -> dict:
    return json.loads(_DATA.search(html).group(1))


def test_hostile_text_never_appears_as_markup(tmp_path: Path) -> None:
    out = _run(tmp_path, {"hostile.txt": HOSTILE})
    page = tmp_path / "review.html"
    write_review(out, page)
    html = page.read_text("utf-8")
    for raw in ("<script>window", "</script> and", "<img", "<!--", "\u2028"):
        assert raw not in html
    assert html.count("</script>") == 2 and html.count("<script") == 2
    assert _page_data(html)["docs"][0]["text"] == HOSTILE


def test_the_policy_allows_only_the_page_script(tmp_path: Path) -> None:
    out = _run(tmp_path, {"a.txt": "He was jailed for four years."})
    html = (write_review(out, tmp_path / "r.html").path).read_text("utf-8")
    script = _asset("review.js")
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html and "default-src 'none'" in html
    assert f"<script>{script}</script>" in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html


def test_offsets_are_utf16_for_the_browser(tmp_path: Path) -> None:
    text = "\U0001f600 \U0001f600 jailed for four years."
    out = _run(tmp_path, {"emoji.txt": text})
    data = build_review_data(
        [DocumentResult.model_validate_json((out / "documents.jsonl").read_text("utf-8"))],
        [],
        "run",
        "id",
    )
    mention = data["docs"][0]["mentions"][0]
    assert (mention["start"], mention["end"]) == (text.index("four") + 2, text.index("four") + 12)
    assert data["docs"][0]["gold"]["durations"] == ["P4Y"]
    assert mention["list"] == "durations" and mention["item"] == 0


def test_a_missing_source_keeps_its_mentions_without_text(tmp_path: Path) -> None:
    out = _run(tmp_path, {"gone.txt": "He was jailed for four years."})
    (tmp_path / "docs" / "gone.txt").unlink()
    summary = write_review(out, tmp_path / "r.html")
    assert summary.without_text == 1
    doc = _page_data(summary.path.read_text("utf-8"))["docs"][0]
    assert doc["text"] is None
    assert "source file not found" in doc["notes"][0]
    assert doc["mentions"][0]["sentence"] == "He was jailed for four years."


def test_a_changed_source_is_flagged(tmp_path: Path) -> None:
    out = _run(tmp_path, {"changed.txt": "He was jailed for four years."})
    (tmp_path / "docs" / "changed.txt").write_text("Now he was jailed for four years.", "utf-8")
    doc = _page_data(write_review(out, tmp_path / "r.html").path.read_text("utf-8"))["docs"][0]
    assert any("changed since extraction" in note for note in doc["notes"])
    assert any("do not match" in note for note in doc["notes"])


def test_relative_sources_are_found_from_the_run_folder(tmp_path: Path, monkeypatch) -> None:
    out = _run(tmp_path, {"a.txt": "He was jailed for four years."})
    line = (out / "documents.jsonl").read_text("utf-8").replace(str(tmp_path / "docs"), "docs")
    (out / "documents.jsonl").write_text(line, "utf-8")
    monkeypatch.chdir(tmp_path / "docs")  # not where the relative path starts
    doc = _page_data(write_review(out, tmp_path / "r.html").path.read_text("utf-8"))["docs"][0]
    assert doc["text"] == "He was jailed for four years."


def test_gold_names_follow_export_and_split_shared_stems(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    results = []
    for folder, doc_id in (("a", "report"), ("b", "report-2"), ("b", "other")):
        path = tmp_path / folder / f"{doc_id.split('-')[0]}.txt"
        path.write_text("He was jailed for four years.", "utf-8")
        results.append(
            _result(path, "He was jailed for four years.").model_copy(update={"doc_id": doc_id})
        )
    names = gold_names(results, [])
    assert names == {
        "report": ("report.gold.json", "a/report.txt"),
        "report-2": ("report-2.gold.json", "b/report.txt"),
        "other": ("other.gold.json", "b/other.txt"),
    }


def test_the_page_script_never_closes_its_element() -> None:
    assert "</" not in _asset("review.js")


# ------------------------------------------------------------------ review-apply

GOLD = {
    "document": "a.txt",
    "document_date": None,
    "durations": ["P4Y"],
    "dates": [],
    "money": [],
    "offence_counts": [],
    "sentences": [{"offender": "X", "kind": "custody", "term": "P4Y"}],
    "payments": [],
    "cases": [{"offender": "X", "custodial_term": "P5Y"}],
    "notes": ["reviewed"],
}


def _corrections(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "corrections.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_apply_writes_one_gold_file_per_entry(tmp_path: Path) -> None:
    path = _corrections(
        tmp_path, {"a.gold.json": GOLD, "b.gold.json": {**GOLD, "document": "b.txt"}}
    )
    written = apply_corrections(path, tmp_path / "gold")
    assert [p.name for p in written] == ["a.gold.json", "b.gold.json"]
    assert json.loads((tmp_path / "gold" / "a.gold.json").read_text("utf-8")) == GOLD


# fmt: off
BAD = [
    ("path", {"../a.gold.json": GOLD}, "not a bare NAME.gold.json"),
    ("suffix", {"a.json": GOLD}, "not a bare NAME.gold.json"),
    ("duration", {"a.gold.json": {**GOLD, "cases": [{"custodial_term": "P13M"}]}}, "months must be under 12"),
    ("date", {"a.gold.json": {**GOLD, "cases": [{"sentence_date": "2020-13"}]}}, "no month 13"),
    ("kind", {"a.gold.json": {**GOLD, "cases": [{"sentence_kind": "flogging"}]}}, "unknown sentence_kind"),
    ("field", {"a.gold.json": {**GOLD, "cases": [{"colour": "red"}]}}, "unknown case field"),
    ("age", {"a.gold.json": {**GOLD, "cases": [{"age": "45"}]}}, "age must be a whole number"),
    ("money", {"a.gold.json": {**GOLD, "cases": [{"payment_total": {"amount": 5}}]}}, "money must be"),
    ("key", {"a.gold.json": {**GOLD, "extra": 1}}, "unknown key 'extra'"),
    ("list", {"a.gold.json": {**GOLD, "durations": ["four years"]}}, "bad duration"),
    ("shape", [GOLD], "expected an object"),
]
# fmt: on


@pytest.mark.parametrize(("data", "problem"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_apply_refuses_bad_corrections_and_writes_nothing(
    tmp_path: Path, data: object, problem: str
) -> None:
    with pytest.raises(CorrectionsError, match=re.escape(problem)):
        apply_corrections(_corrections(tmp_path, data), tmp_path / "gold")
    assert not (tmp_path / "gold").exists()


def test_review_apply_command_exit_codes(tmp_path: Path) -> None:
    path = _corrections(tmp_path, {"a.gold.json": GOLD})
    gold = tmp_path / "gold"
    assert runner.invoke(app, ["review-apply", str(path), "-o", str(gold)]).exit_code == 0
    again = runner.invoke(app, ["review-apply", str(path), "-o", str(gold)])
    assert again.exit_code == 2 and "exists" in again.output
    assert (
        runner.invoke(app, ["review-apply", str(path), "-o", str(gold), "--force"]).exit_code == 0
    )
    bad = _corrections(tmp_path, {"a.gold.json": {**GOLD, "cases": [{"age": -1}]}})
    assert runner.invoke(app, ["review-apply", str(bad), "-o", str(gold), "--force"]).exit_code == 2


def test_review_command_needs_a_run(tmp_path: Path) -> None:
    result = runner.invoke(app, ["review", str(tmp_path), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "not found" in result.output


def test_a_failed_document_outside_the_folder_keeps_its_file_name(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    path = tmp_path / "a" / "ok.txt"
    path.write_text("He was jailed for four years.", "utf-8")
    failed = DocumentResult(
        doc_id="bad", status="error", source=str(tmp_path / "elsewhere" / "bad.pdf")
    )
    names = gold_names([_result(path, "He was jailed for four years."), failed], [])
    assert names == {"ok": ("ok.gold.json", "ok.txt"), "bad": ("bad.gold.json", "bad.pdf")}
