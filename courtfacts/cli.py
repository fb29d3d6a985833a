"""The ``courtfacts`` command: thin over the library, it parses, calls and sets exit codes."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from courtfacts.batch import iter_inputs, process_document
from courtfacts.extract.pipeline import build_pipeline
from courtfacts.models import DocumentResult
from courtfacts.output.jsonl import read_jsonl, write_jsonl

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or globs.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder for documents.jsonl.")],
    quiet: Annotated[bool, typer.Option("--quiet", help="Print only the summary.")] = False,
) -> None:
    """Read documents and write one JSON line per document to OUT/documents.jsonl."""
    files = list(iter_inputs(paths))
    if not files:
        typer.echo("error: no input documents found", err=True)
        raise typer.Exit(2)
    out.mkdir(parents=True, exist_ok=True)
    nlp = build_pipeline()
    seen: dict[str, int] = {}
    failed = 0
    with (out / "documents.jsonl").open("w", encoding="utf-8") as handle:
        for path in files:
            result = process_document(path, nlp)
            result = _unique_id(result, seen)
            failed += result.status == "error"
            write_jsonl(result, handle)
            if not quiet:
                note = "" if result.status == "ok" else f" {result.errors[0].code}"
                typer.echo(f"{result.status:5} {path}{note}", err=True)
    typer.echo(f"{len(files)} documents, {len(files) - failed} ok, {failed} failed", err=True)
    raise typer.Exit(1 if failed else 0)


def _unique_id(result: DocumentResult, seen: dict[str, int]) -> DocumentResult:
    """Make document ids unique within a run (two folders may hold the same file name)."""
    count = seen.get(result.doc_id, 0)
    seen[result.doc_id] = count + 1
    if count == 0:
        return result
    return result.model_copy(update={"doc_id": f"{result.doc_id}-{count + 1}"})


@app.command()
def schema() -> None:
    """Print the JSON Schema of one line of documents.jsonl."""
    typer.echo(json.dumps(DocumentResult.model_json_schema(), indent=2))


@app.command()
def show(
    run: Annotated[Path, typer.Argument(help="An output folder or documents.jsonl.")],
) -> None:
    """Print each document's cases, one line per case."""
    path = run / "documents.jsonl" if run.is_dir() else run
    for result in read_jsonl(path):
        for case in result.cases:
            fields = case.model_dump(mode="json", exclude_none=True, exclude={"evidence"})
            sys.stdout.write(f"{result.doc_id}\t{json.dumps(fields)}\n")
