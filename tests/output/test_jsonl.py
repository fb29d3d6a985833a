"""``output.jsonl``: one whole line per document, read back equal, torn tails skipped."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from courtfacts.models import (
    CaseRecord,
    CustodyEstimate,
    DateMention,
    DocumentMeta,
    DocumentResult,
    DurationMention,
    ErrorRecord,
    Money,
    MoneyMention,
    OffenceCountMention,
    PaymentMention,
    PaymentValue,
    SentenceMention,
    SentenceValue,
)
from courtfacts.output.jsonl import dump_line, read_jsonl, write_jsonl

SENTENCE = "He made 17 transfers totalling £48,600.50 and was jailed for two and a half years."


def _mention_fields(index: int, text: str) -> dict:
    start = SENTENCE.index(text)
    return {
        "id": f"m{index}",
        "text": text,
        "start_char": start,
        "end_char": start + len(text),
        "page": 2,
        "paragraph": "7",
        "sentence": SENTENCE,
        "rule": "test.rule",
        "offender": "Gareth Pollard",
    }


def _full_result(doc_id: str = "leeds") -> DocumentResult:
    """A result that uses every mention kind and every optional case field."""
    total = Money(amount=Decimal("48600.50"), currency="GBP")
    mentions = [
        DurationMention(**_mention_fields(0, "two and a half years"), value="P2Y6M"),
        DateMention(**_mention_fields(1, "He"), value="2021-08"),
        MoneyMention(**_mention_fields(2, "£48,600.50"), value=total),
        MoneyMention(**_mention_fields(3, "transfers"), value=None),
        OffenceCountMention(**_mention_fields(4, "17"), value=3),
        SentenceMention(
            **_mention_fields(5, "jailed for two and a half years"),
            value=SentenceValue(kind="custody", term="P2Y6M", role="substituted"),
        ),
        PaymentMention(
            **_mention_fields(6, "17 transfers totalling £48,600.50"),
            value=PaymentValue(count=17, total=total),
        ),
    ]
    case = CaseRecord(
        offender="Gareth Pollard",
        age=38,
        offence_count=3,
        sentence_kind="custody",
        custodial_term="P2Y6M",
        original_sentence=SentenceValue(kind="custody", term="P3Y", role="original"),
        estimated_time_in_custody=CustodyEstimate(
            value="P1Y3M", rule="sds.half", source="release_rules.json"
        ),
        payment_count=17,
        payment_total=total,
        offending_start="2020-01",
        offending_end="2021-08",
        sentence_date="2023-06-02",
        evidence={"custodial_term": ["m0", "m5"], "payment_total": ["m6"]},
    )
    meta = DocumentMeta(
        source=f"news/{doc_id}.html",
        format="html",
        sha256="a" * 64,
        title="Finance officer jailed \u2013 £48,600\u2028stolen",
        document_date="2023-06-02",
        parties=["R", "Pollard"],
        warnings=["recovered from malformed markup"],
    )
    warning = ErrorRecord(
        doc_id=doc_id, stage="assemble", code="W202", message="line\nbreak", exception_type=None
    )
    return DocumentResult(
        doc_id=doc_id,
        status="ok",
        source=meta.source,
        meta=meta,
        characters=len(SENTENCE),
        words=len(SENTENCE.split()),
        mentions=mentions,
        cases=[case],
        errors=[warning],
    )


def _error_result(doc_id: str = "broken") -> DocumentResult:
    record = ErrorRecord(
        doc_id=doc_id,
        stage="read",
        code="E101",
        message="unreadable PDF",
        exception_type="PdfminerException",
    )
    return DocumentResult(doc_id=doc_id, status="error", source="broken.pdf", errors=[record])


def _write(path: Path, *results: DocumentResult) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for result in results:
            write_jsonl(result, handle)


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    results = [_full_result(), _error_result(), _full_result("second")]
    path = tmp_path / "documents.jsonl"
    _write(path, *results)
    assert list(read_jsonl(path)) == results


def test_round_trip_keeps_exact_money(tmp_path: Path) -> None:
    path = tmp_path / "documents.jsonl"
    _write(path, _full_result())
    (result,) = read_jsonl(path)
    amount = result.cases[0].payment_total.amount
    assert isinstance(amount, Decimal)
    assert amount == Decimal("48600.50")


def test_a_line_is_one_line(tmp_path: Path) -> None:
    line = dump_line(_full_result())
    assert line.endswith("\n")
    assert line.count("\n") == 1
    assert "\r" not in line


def test_a_line_survives_splitlines() -> None:
    line = dump_line(_full_result())  # its title holds U+2028
    assert len(line.splitlines()) == 1


def test_each_line_is_on_disk_once_written(tmp_path: Path) -> None:
    path = tmp_path / "documents.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        write_jsonl(_full_result(), handle)
        assert list(read_jsonl(path)) == [_full_result()]  # flushed before close
        write_jsonl(_error_result(), handle)
        assert len(list(read_jsonl(path))) == 2


@pytest.mark.parametrize("kept", [0, 1, 2], ids=["first line torn", "second torn", "third torn"])
def test_a_torn_last_line_is_skipped(tmp_path: Path, kept: int) -> None:
    results = [_full_result(), _error_result(), _full_result("third")]
    whole = "".join(dump_line(result) for result in results[:kept])
    torn = dump_line(results[kept])
    path = tmp_path / "documents.jsonl"
    path.write_text(whole + torn[: len(torn) // 2], encoding="utf-8")
    assert list(read_jsonl(path)) == results[:kept]


def test_a_foreign_line_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "documents.jsonl"
    buffer = io.StringIO()
    write_jsonl(_full_result(), buffer)
    buffer.write('{"not": "a result"}\n')
    buffer.write("\n")
    write_jsonl(_error_result(), buffer)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    assert list(read_jsonl(path)) == [_full_result(), _error_result()]


def test_an_empty_file_reads_as_no_results(tmp_path: Path) -> None:
    path = tmp_path / "documents.jsonl"
    path.write_text("", encoding="utf-8")
    assert list(read_jsonl(path)) == []


def test_lone_surrogates_are_written_as_replacement_characters() -> None:
    """Undecodable bytes kept as surrogates must not cost the document its line."""
    meta = DocumentMeta(source="x.txt", format="text", sha256="0" * 64, title="bad \udcff title")
    result = DocumentResult(doc_id="x", status="ok", source="x.txt", meta=meta)
    line = dump_line(result)
    assert line.endswith("\n") and "\ufffd" in line
    assert json.loads(line)["meta"]["title"] == "bad \ufffd title"
