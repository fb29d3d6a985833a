"""Every real document and every example goes through ``corpus.read`` cleanly.

The shared corpus sits beside the repository (``../shared/corpus/docs``); the
tests skip when it is absent. The examples ship in ``examples/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from courtfacts.corpus import read
from courtfacts.errors import ReadError
from courtfacts.models import SourceText

REPOSITORY = Path(__file__).resolve().parents[2]
CORPUS = REPOSITORY.parent / "shared" / "corpus" / "docs"
EXAMPLES = REPOSITORY / "examples"

_CORPUS_FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file()) if CORPUS.is_dir() else []


@pytest.fixture(scope="module")
def corpus_results() -> dict[Path, SourceText | ReadError]:
    """Each shared-corpus document read once: its text, or the error reading it."""
    if not _CORPUS_FILES:
        pytest.skip(f"no shared corpus at {CORPUS}")
    results: dict[Path, SourceText | ReadError] = {}
    for path in _CORPUS_FILES:
        try:
            results[path] = read(path)
        except ReadError as error:
            results[path] = error
    return results


def test_every_document_gives_text_or_a_read_error(corpus_results, check_segments) -> None:
    for path, result in corpus_results.items():
        if isinstance(result, ReadError):
            continue
        assert result.text.strip(), path.name
        check_segments(result)
        assert result.meta.source == str(path)
        assert len(result.meta.sha256) == 64


def test_sri_lankan_judgments_have_several_pages(corpus_results) -> None:
    judgments = {
        p: r for p, r in corpus_results.items() if p.name.startswith("lk-") and p.suffix == ".pdf"
    }
    assert judgments, "the shared corpus has Sri Lankan appeal judgments"
    for path, source in judgments.items():
        assert isinstance(source, SourceText), path.name
        assert source.meta.pages is not None and source.meta.pages > 1, path.name
        # every numbered page loses its number line; a title page is often unnumbered
        assert source.meta.headers_removed >= source.meta.pages - 1, path.name
        assert "Page 2 of" not in source.text


def test_docket_keeps_its_entries(corpus_results) -> None:
    (docket,) = [
        r for p, r in corpus_results.items() if p.name == "us-pacer-docket-ned-criminal.html"
    ]
    assert isinstance(docket, SourceText)
    assert "Probation for a term of 5 years" in docket.text
    assert "09/25/2013\t1\tINDICTMENT" in docket.text


# fmt: off
EXAMPLES_EXPECTED = [
    ("sentencing-remarks-r-v-marsh.pdf", "pdf", None, "6 years' imprisonment on count 1"),
    ("judgment-r-v-okafor.docx", "docx", None, "7. We therefore quash the sentence"),
    ("news-leeds-fraud.html", "html", "2023-06-02", "made 17 transfers totalling £48,600"),
    ("report-community-order.txt", "text", "2024-02-15", "150 hours of unpaid work"),
]
# fmt: on


@pytest.mark.parametrize(
    ("name", "kind", "document_date", "phrase"),
    EXAMPLES_EXPECTED,
    ids=[c[0] for c in EXAMPLES_EXPECTED],
)
def test_examples_read(name: str, kind: str, document_date: str | None, phrase: str) -> None:
    source = read(EXAMPLES / name)
    assert source.kind == kind
    assert source.meta.document_date == document_date
    assert phrase in source.text


def test_marsh_remarks_lose_header_and_footer_but_keep_page_two() -> None:
    source = read(EXAMPLES / "sentencing-remarks-r-v-marsh.pdf")
    assert source.meta.pages == 2 and source.meta.headers_removed == 4
    assert "Sentencing Remarks" not in source.text and "Page 1" not in source.text
    assert source.locate(source.text.index("Dated 14 May 2021")).page == 2
    assert source.locate(source.text.index("You are 52")).paragraph == "1"


def test_news_example_has_no_furniture() -> None:
    text = read(EXAMPLES / "news-leeds-fraud.html").text
    for furniture in (
        "cookies",
        "Share on",
        "Most read",
        "Related stories",
        "Sign up",
        "dataLayer",
    ):
        assert furniture not in text
