"""The ``courtfacts`` command, run through typer's ``CliRunner``.

``extract`` over a folder of good and broken documents writes one line per
input file, each a valid ``DocumentResult``; exit codes follow the README
(0 all ok, 1 some failed, 2 usage error). ``schema`` and ``show`` are checked
against what ``extract`` writes.

Groups:
    DEV: behaviour the CLI has and must keep (plain tests below).
    BUGS_CAUGHT: behaviour a user expects that the CLI does not have yet,
        kept as ``xfail(strict=True)`` so that a fix shows up as XPASS.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from courtfacts.cli import app
from courtfacts.models import DocumentResult, SentenceMention

runner = CliRunner()

REPORT = (
    "Builder jailed over van fire fraud\n"
    "date 2024-02-15\n"
    "Darren Whitworth, 44, admitted one count of fraud by false representation.\n"
    "\n"
    "He was jailed for four years and eight months.\n"
)
PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Fraudster jailed</title></head>
<body>
<nav><a href="/">Home</a></nav>
<article>
<h1>Charity finance officer jailed for stealing £48,600</h1>
<p>Gareth Pollard, 38, was jailed for two and a half years at Leeds Crown Court.</p>
<p>He made 17 transfers totalling £48,600 between January 2020 and August 2021.</p>
</article>
</body></html>
"""
JUDGMENT = [
    "IN THE COURT OF APPEAL (CRIMINAL DIVISION)",
    "Date: 27 July 2022",
    "1. On 8 April 2022 the appellant was sentenced to 5 years' imprisonment.",
    "2. We quash that sentence and substitute a sentence of 3 years 6 months' imprisonment.",
]


@dataclass(frozen=True)
class Inputs:
    """A folder of test documents and the role of each file in it."""

    folder: Path
    report: Path
    page: Path
    judgment: Path
    broken_pdf: Path
    empty: Path

    @property
    def good(self) -> list[Path]:
        return [self.report, self.page, self.judgment]

    @property
    def all(self) -> list[Path]:
        return [*self.good, self.broken_pdf, self.empty]


def _write_docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def _write_good(folder: Path) -> tuple[Path, Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sub").mkdir(exist_ok=True)
    report = folder / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    page = folder / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    judgment = _write_docx(folder / "sub" / "judgment.docx", JUDGMENT)
    return report, page, judgment


@pytest.fixture()
def inputs(tmp_path: Path) -> Inputs:
    """Three good documents (text, HTML, DOCX in a subfolder) and two broken ones."""
    folder = tmp_path / "in"
    report, page, judgment = _write_good(folder)
    broken_pdf = folder / "broken.pdf"
    broken_pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(4096))
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    return Inputs(folder, report, page, judgment, broken_pdf, empty)


def _extract(*args: str | Path):
    """Run ``extract`` in this process (``--workers 1``); tests/test_run.py covers the pool."""
    return runner.invoke(app, ["extract", "--workers", "1", *map(str, args)])


def _lines(out: Path) -> list[str]:
    with (out / "documents.jsonl").open(encoding="utf-8") as handle:
        return list(handle)


def _results(out: Path) -> list[DocumentResult]:
    return [DocumentResult.model_validate_json(line) for line in _lines(out)]


def _by_source(results: list[DocumentResult]) -> dict[Path, DocumentResult]:
    return {Path(result.source).resolve(): result for result in results}


@pytest.fixture()
def mixed_run(inputs: Inputs, tmp_path: Path) -> tuple[object, dict[Path, DocumentResult]]:
    """``extract`` run once over the mixed folder: the CLI result and the lines by file."""
    out = tmp_path / "out"
    result = _extract(inputs.folder, "-o", out)
    return result, _by_source(_results(out))


# ------------------------------------------------------------------ extract


def test_mixed_folder_exits_1_with_one_valid_line_per_file(inputs: Inputs, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _extract(inputs.folder, "-o", out)
    assert result.exit_code == 1, result.output
    lines = _lines(out)
    assert len(lines) == len(inputs.all)
    assert all(line.endswith("\n") for line in lines)
    results = [DocumentResult.model_validate_json(line) for line in lines]
    assert sorted(_by_source(results)) == sorted(path.resolve() for path in inputs.all)
    assert "5 documents, 3 ok, 2 failed" in result.output


# fmt: off
BROKEN = [
    ("broken_pdf", "E101"),
    ("empty", "E109"),
]
# fmt: on


@pytest.mark.parametrize(("role", "code"), BROKEN, ids=[role for role, _ in BROKEN])
def test_a_broken_file_is_an_error_line_with_its_code(
    mixed_run, inputs: Inputs, role: str, code: str
) -> None:
    _, results = mixed_run
    line = results[getattr(inputs, role).resolve()]
    assert line.status == "error"
    assert [error.code for error in line.errors] == [code]
    assert line.errors[0].stage == "read"
    assert line.mentions == [] and line.cases == []


@pytest.mark.parametrize("role", ["report", "page", "judgment"])
def test_a_good_file_is_ok_with_mentions(mixed_run, inputs: Inputs, role: str) -> None:
    _, results = mixed_run
    line = results[getattr(inputs, role).resolve()]
    assert line.status == "ok", line.errors
    assert line.mentions
    assert not [error for error in line.errors if error.code.startswith("E")]


def test_text_report_sentence_mention_points_back_to_its_words(mixed_run, inputs: Inputs) -> None:
    _, results = mixed_run
    line = results[inputs.report.resolve()]
    sentences = [m for m in line.mentions if isinstance(m, SentenceMention)]
    custody = [m for m in sentences if (m.value.kind, m.value.term) == ("custody", "P4Y8M")]
    assert len(custody) == 1, sentences
    # For a plain-text file the document text is the file content (trailing newline aside).
    content = inputs.report.read_text(encoding="utf-8")
    assert line.characters == len(content.rstrip("\n"))
    for mention in line.mentions:
        assert content[mention.start_char : mention.end_char] == mention.text, mention
    assert "four years and eight months" in custody[0].text


def test_all_good_inputs_exit_0(tmp_path: Path) -> None:
    good = _write_good(tmp_path / "in")
    out = tmp_path / "out"
    result = _extract(tmp_path / "in", "-o", out)
    assert result.exit_code == 0, result.output
    results = _results(out)
    assert len(results) == len(good)
    assert {line.status for line in results} == {"ok"}


def _empty_folder(root: Path) -> Path:
    folder = root / "empty"
    folder.mkdir()
    return folder


def _only_unknown(root: Path) -> Path:
    folder = root / "unknown"
    folder.mkdir()
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("He was jailed for four years.", encoding="utf-8")
    return folder


def _glob_matching_nothing(root: Path) -> Path:
    return root / "*.nothing"


NOTHING_TO_READ = [_empty_folder, _only_unknown, _glob_matching_nothing]


@pytest.mark.parametrize("make", NOTHING_TO_READ, ids=[f.__name__[1:] for f in NOTHING_TO_READ])
def test_no_input_documents_is_a_usage_error(tmp_path: Path, make) -> None:
    out = tmp_path / "out"
    result = _extract(make(tmp_path), "-o", out)
    assert result.exit_code == 2, result.output
    assert "no input documents found" in result.output
    assert not (out / "documents.jsonl").exists()


def test_nonexistent_path_is_a_usage_error(tmp_path: Path) -> None:
    result = _extract(tmp_path / "no-such-report.txt", "-o", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "no such file or folder" in result.output and "no-such-report.txt" in result.output
    assert not (tmp_path / "out").exists()


def test_nonexistent_path_among_good_ones_is_reported(tmp_path: Path) -> None:
    """Whatever the exit code, a missing path never passes silently."""
    report, _, _ = _write_good(tmp_path / "in")
    result = _extract(report, tmp_path / "missing.txt", "-o", tmp_path / "out")
    assert result.exit_code != 0
    assert "missing.txt" in result.output


def test_all_inputs_failed_exits_1(inputs: Inputs, tmp_path: Path) -> None:
    """Issue #5's exit codes: 1 when some or all documents failed; 2 is kept for usage errors.

    (STYLE.md's "2 (all failed)" is overruled by the issue; this test expected 2 before.)
    """
    result = _extract(inputs.broken_pdf, inputs.empty, "-o", tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert "2 documents, 0 ok, 2 failed" in result.output


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "report.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    result = _extract(tmp_path / "in", "-o", out)
    assert result.exit_code == 0, result.output
    ids = [line.doc_id for line in _results(out)]
    assert len(ids) == 2
    assert len(set(ids)) == 2
    assert ids[0] == "report"


def test_renamed_id_does_not_collide_with_a_real_file_name(tmp_path: Path) -> None:
    for folder, name in (("a", "report.txt"), ("b", "report.txt"), ("c", "report-2.txt")):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / name).write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    _extract(tmp_path / "in", "-o", out)
    ids = [line.doc_id for line in _results(out)]
    assert len(ids) == 3
    assert len(set(ids)) == 3, ids


def test_renamed_error_line_keeps_one_doc_id(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    _extract(tmp_path / "in", "-o", out)
    for line in _results(out):
        assert line.errors
        assert {error.doc_id for error in line.errors} == {line.doc_id}


def test_glob_argument_selects_matching_files(inputs: Inputs, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _extract(str(inputs.folder / "*.txt"), str(inputs.folder / "**" / "*.docx"), "-o", out)
    assert result.exit_code == 1, result.output  # empty.txt matches too
    sources = sorted(_by_source(_results(out)))
    assert sources == sorted(p.resolve() for p in (inputs.report, inputs.empty, inputs.judgment))


# ------------------------------------------------------------------- schema


def test_schema_is_a_json_schema_of_one_line() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"
    assert schema["title"] == "DocumentResult"
    assert {"doc_id", "status", "mentions", "cases", "errors"} <= set(schema["properties"])
    assert {"doc_id", "status"} <= set(schema["required"])


def test_every_output_line_validates_against_the_schema(mixed_run, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    lines = _lines(tmp_path / "out")
    assert len(lines) == 5
    for line in lines:
        validator.validate(json.loads(line))
    assert not validator.is_valid({"doc_id": "x", "status": "fine", "source": "x"})


# --------------------------------------------------------------------- show


def test_show_prints_one_line_per_case(mixed_run, tmp_path: Path) -> None:
    out = tmp_path / "out"
    expected = [(line.doc_id, case) for line in _results(out) for case in line.cases]
    assert expected, "the good documents yield at least one case"
    for target in (out, out / "documents.jsonl"):
        result = runner.invoke(app, ["show", str(target)])
        assert result.exit_code == 0, result.output
        printed = result.stdout.splitlines()
        assert len(printed) == len(expected)
        for text, (doc_id, case) in zip(printed, expected):
            shown_id, fields = text.split("\t")
            assert shown_id == doc_id
            shown = json.loads(fields)
            assert "evidence" not in shown
            assert shown == case.model_dump(mode="json", exclude_none=True, exclude={"evidence"})


def test_show_on_a_missing_run_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", str(tmp_path / "no-run")])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
