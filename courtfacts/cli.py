"""The ``courtfacts`` command: thin over the library, it parses, calls and sets exit codes."""

# Each command imports what it needs when it runs: ``courtfacts --help`` and
# the commands that never extract (show, schema, stats...) do not pay for
# spaCy, the readers or the rules (benchmarks/startup.py).

from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from courtfacts.cluster import ClusterSpec
    from courtfacts.models import DocumentResult

PdfEngine = Literal["pdfplumber", "pdfium", "auto"]
"""``corpus.PDF_ENGINES`` as the options' type, without importing the readers
(a test holds the two equal); the first is the default."""

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


def main() -> None:
    """The ``courtfacts`` program: the app, and an exit that leaves the heap to the system.

    A run's pipeline (spaCy's vocabulary and tokenizer, the rules, the names) is
    some hundred thousand objects, and the interpreter's exit collecting and
    freeing them one by one took about 0.3 s of every ``extract``
    (``benchmarks/startup.py``). Frozen (``gc.freeze``), they are left for the
    system to reclaim with the process; the exit hooks still run (the regex
    cache is saved), and each command has closed the files it wrote before it
    returns. Only the program does this: ``app`` called in a process that goes
    on (a test, a notebook) leaves its collector alone.
    """
    try:
        app()
    finally:
        gc.freeze()


_PDF_ENGINE_OPTION = typer.Option(
    "--pdf-engine",
    help="The engine that reads PDFs (each gives the same document model); auto reads with"
    " pdfium and with pdfplumber where pdfium's text looks broken.",
)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or globs.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder for documents.jsonl.")],
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            show_default="the CPU count",
            help="Worker processes; 1 runs in this process.",
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout", min=0.1, help="Seconds per document before it becomes an E500 line."
        ),
    ] = 300.0,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume", help="Keep the documents OUT holds with status ok; redo the rest."
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="Print only the summary.")] = False,
    memory_limit: Annotated[
        int,
        typer.Option(
            "--memory-limit",
            min=0,
            help="Megabytes a worker may grow by on one document before it becomes an E502"
            " line (0: no limit; pools of 2 or more workers, whose worker is then"
            " replaced, and cluster workers).",
        ),
    ] = 4096,
    pdf_engine: Annotated[PdfEngine, _PDF_ENGINE_OPTION] = "pdfplumber",
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            metavar="local:N",
            help="Run on a local Dask cluster of N worker processes (needs the cluster extra).",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="tcp://HOST:PORT",
            help="Run on an existing Dask cluster through its scheduler (needs the cluster extra).",
        ),
    ] = None,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="List each input passed over (path and reason) on stderr."
        ),
    ] = False,
) -> None:
    """Read documents and write one JSON line per document to OUT/documents.jsonl.

    Every input is accounted for: a path named as an argument is read whatever
    its name, a document that cannot be read is an error line, and what a
    folder walk passes over (hidden names, other suffixes, symlink loops...)
    is counted by reason in the summary and in OUT/run.json (--verbose lists it).

    Exit code 0 when every document is ok, 1 when some (or all) failed, 2 for
    a usage error (a missing path, a named path that is no file or folder, such
    as a fifo or a broken symlink, no documents found, a bad option, Dask
    missing for --cluster/--scheduler).
    """
    from courtfacts.pool import PoolError, start_server

    spec = _cluster_spec(cluster, scheduler, workers)
    workers = workers or os.cpu_count() or 1
    if spec is None and workers > 1:
        start_server()  # the workers' imports go on beside this process's own
    from courtfacts.cluster import ClusterError
    from courtfacts.errors import ConfigError
    from courtfacts.progress import ProgressMonitor, QuietMonitor, print_summary
    from courtfacts.run import RunOptions, run_extract

    total = _count_inputs(paths, verbose)
    options = RunOptions(
        workers=workers,
        timeout=timeout,
        resume=resume,
        pdf_engine=pdf_engine,
        cluster=spec,
        memory_mb=memory_limit or None,
    )
    monitor = QuietMonitor() if quiet else ProgressMonitor(total)
    try:
        with monitor:
            summary = run_extract(paths, out, options, monitor)
    except (PoolError, ConfigError) as error:
        typer.echo(f"error: the pipeline could not start: {error}", err=True)
        raise typer.Exit(2) from None
    except ClusterError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        typer.echo("interrupted: the lines written are kept; go on with --resume", err=True)
        raise typer.Exit(130) from None
    print_summary(summary, out)
    raise typer.Exit(1 if summary.failed else 0)


def _cluster_spec(
    cluster: str | None, scheduler: str | None, workers: int | None
) -> ClusterSpec | None:
    """Check --cluster/--scheduler (and that Dask is installed); exit 2 on misuse."""
    if cluster is None and scheduler is None:
        return None
    from courtfacts.cluster import ClusterError, parse_cluster, require_dask

    try:
        spec = parse_cluster(cluster, scheduler)
        if spec is not None:
            if workers is not None:
                raise ClusterError("--workers is for local runs: with a cluster, size the cluster")
            require_dask()
    except ClusterError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    return spec


def _count_inputs(paths: list[str], verbose: bool = False) -> int:
    """Check the path arguments before any work; exit 2 when they name no document.

    With ``verbose``, each input a folder walk passes over is listed on stderr.
    """
    from courtfacts.inputs import SKIP_REASONS, survey_inputs
    from courtfacts.progress import describe_skip

    def listed(path: Path, reason: str) -> None:
        typer.echo(describe_skip(path, reason), err=True)

    survey = survey_inputs(paths, listed if verbose else None)
    if survey.missing:
        typer.echo(f"error: no such file or folder: {', '.join(survey.missing)}", err=True)
        raise typer.Exit(2)
    for raw, reason in survey.unusable:
        what = SKIP_REASONS.get(reason, reason)
        typer.echo(f"error: {raw} is no file or folder to read ({reason}: {what})", err=True)
    if survey.unusable:
        raise typer.Exit(2)
    if not survey.total:
        typer.echo("error: no input documents found", err=True)
        raise typer.Exit(2)
    for raw in survey.empty:
        typer.echo(f"warning: no documents in {raw}", err=True)
    return survey.total


@app.command()
def schema() -> None:
    """Print the JSON Schema of one line of documents.jsonl."""
    from courtfacts.models import DocumentResult

    typer.echo(json.dumps(DocumentResult.model_json_schema(), indent=2))


@app.command()
def show(
    run: Annotated[Path, typer.Argument(help="An output folder or documents.jsonl.")],
) -> None:
    """Print each document's cases, one line per case."""
    path = run / "documents.jsonl" if run.is_dir() else run
    if not path.is_file():
        typer.echo(f"error: {path} not found: give an output folder of `extract`", err=True)
        raise typer.Exit(2)
    for result in read_jsonl(path):
        for case in result.cases:
            fields = case.model_dump(mode="json", exclude_none=True, exclude={"evidence"})
            sys.stdout.write(f"{result.doc_id}\t{json.dumps(fields)}\n")


def read_jsonl(path: Path) -> Iterator[DocumentResult]:
    """``output.jsonl.read_jsonl``, imported at the first call (it needs the models)."""
    from courtfacts.output.jsonl import read_jsonl as read

    return read(path)


def _results_path(run: Path) -> Path:
    return run / "documents.jsonl" if run.is_dir() else run


@app.command()
def export(
    run: Annotated[
        Path, typer.Argument(help="An output folder of `extract`, or its documents.jsonl.")
    ],
    to: Annotated[str, typer.Option("--to", help="Export format: gold, csv, parquet or duckdb.")],
    out: Annotated[
        Path,
        typer.Option(
            "-o", "--out", help="Destination folder (gold, csv, parquet) or database file (duckdb)."
        ),
    ],
) -> None:
    """Export a run's results.

    gold: one NAME.gold.json per document. csv, parquet: the tables documents,
    cases, mentions and errors as NAME.csv or NAME.parquet files in a folder.
    duckdb: the same tables in a database file.
    """
    from courtfacts.output.exports import TABLE_FORMATS, check_destination, export_tables, require
    from courtfacts.output.gold import write_gold

    if to not in ("gold", *TABLE_FORMATS):
        known = ", ".join(("gold", *TABLE_FORMATS))
        typer.echo(f"error: unknown export format {to!r} (known: {known})", err=True)
        raise typer.Exit(2)
    if to != "gold":
        try:
            require(to)
            check_destination(to, out)
        except (ImportError, ValueError) as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(2) from None
    path = _results_path(run)
    if not path.is_file():
        typer.echo(f"error: {path} not found", err=True)
        raise typer.Exit(2)
    if to == "gold":
        written = write_gold(list(read_jsonl(path)), out)
        typer.echo(f"{len(written)} gold files written to {out}", err=True)
        return
    counts = export_tables(read_jsonl(path), to, out)
    summary = ", ".join(f"{count} {name}" for name, count in counts.items())
    typer.echo(f"{to} written to {out}: {summary}", err=True)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Folder of *.gold.json files.")],
    docs: Annotated[Path, typer.Option("--docs", help="Folder the gold files' documents are in.")],
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the figures as JSON.")
    ] = None,
    min_f1: Annotated[float, typer.Option("--min-f1", help="Fail below this micro-F1.")] = 0.0,
    min_field_accuracy: Annotated[
        float, typer.Option("--min-field-accuracy", help="Fail below this case-field accuracy.")
    ] = 0.0,
    pdf_engine: Annotated[PdfEngine, _PDF_ENGINE_OPTION] = "pdfplumber",
) -> None:
    """Extract the documents the gold files name and score them."""
    from courtfacts.batch import process_document
    from courtfacts.evaluate import Report, format_report, load_gold, score_document
    from courtfacts.extract.pipeline import build_pipeline
    from courtfacts.output.gold import to_gold

    golds = load_gold(gold)
    if not golds:
        typer.echo(f"error: no *.gold.json in {gold}", err=True)
        raise typer.Exit(2)
    nlp = build_pipeline()
    report = Report()
    for item in golds:
        result = process_document(docs / item["document"], nlp, pdf_engine)
        score_document(report, item, to_gold(result, item["document"]))
    typer.echo(format_report(report))
    if json_out:
        json_out.write_text(json.dumps(report.as_dict(), indent=1) + "\n", "utf-8")
    if report.micro.f1 < min_f1 or report.field_accuracy < min_field_accuracy:
        typer.echo(
            f"below the floor: micro-F1 {report.micro.f1:.3f} (min {min_f1}), "
            f"field accuracy {report.field_accuracy:.3f} (min {min_field_accuracy})",
            err=True,
        )
        raise typer.Exit(1)


@app.command()
def review(
    run: Annotated[
        Path, typer.Argument(help="An output folder of `extract`, or its documents.jsonl.")
    ],
    out: Annotated[Path, typer.Option("-o", "--out", help="The HTML file to write.")] = Path(
        "review.html"
    ),
    docs: Annotated[
        list[Path] | None,
        typer.Option(
            "--docs",
            help="Folder the sources' relative paths start from (repeatable; default: the "
            "current folder, then the folder holding the run folder).",
        ),
    ] = None,
) -> None:
    """Write the analyst's review page: one self-contained HTML file, offline.

    Each document's text is read again from its source file. "Download
    corrections" on the page saves corrections.json; `courtfacts review-apply`
    turns it into gold files.
    """
    from courtfacts.output.review import write_review

    path = _results_path(run)
    if not path.is_file():
        typer.echo(f"error: {path} not found: give an output folder of `extract`", err=True)
        raise typer.Exit(2)
    summary = write_review(path, out, docs or None)
    note = (
        f" ({summary.without_text} without text: source not found)" if summary.without_text else ""
    )
    typer.echo(f"review page for {summary.documents} documents written to {out}{note}", err=True)


@app.command("review-apply")
def review_apply(
    corrections: Annotated[Path, typer.Argument(help="corrections.json saved by the review page.")],
    out: Annotated[
        Path, typer.Option("-o", "--out", help="Gold folder to write NAME.gold.json into.")
    ],
    force: Annotated[bool, typer.Option("--force", help="Replace gold files that exist.")] = False,
) -> None:
    """Write the review page's corrections as gold files (GOLD_FORMAT.md), one per document."""
    from courtfacts.output.corrections import CorrectionsError, apply_corrections

    try:
        written = apply_corrections(corrections, out, overwrite=force)
    except CorrectionsError as error:
        for problem in error.problems:
            typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"{len(written)} gold files written to {out}", err=True)


@app.command()
def stats(
    run: Annotated[
        Path, typer.Argument(help="An output folder of `extract`, or its documents.jsonl.")
    ],
    groups: Annotated[
        list[str] | None,
        typer.Argument(
            help="With --compare: the groups, each an offence category (child_sexual_online), "
            "FIELD=VALUE (sentence_kind=custody), or several joined by commas.",
            show_default=False,
        ),
    ] = None,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by",
            help="Group by this field (repeatable): sentence_kind, court, jurisdiction, format, "
            "source, age_band, offence (a case under each of its categories) or any case field. "
            "Default: sentence_kind and source.",
        ),
    ] = None,
    compare: Annotated[
        bool,
        typer.Option("--compare", help="Compare the GROUPS side by side (two or more) instead."),
    ] = False,
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Also write the figures as charts to this HTML file."),
    ] = None,
) -> None:
    """Print a run's figures: documents, cases, sentence kinds, terms and time in custody.

    With --compare, the chosen groups side by side: cases, offences per case,
    custodial term (mean, median, quartiles), time in custody (stated, else
    estimated), term as a share of the statutory maximum, payments per case.
    """
    from courtfacts.output.stats import DEFAULT_GROUPS, compute_stats, group_fields, print_stats

    path = _results_path(run)
    if not path.is_file():
        typer.echo(f"error: {path} not found: give an output folder of `extract`", err=True)
        raise typer.Exit(2)
    if groups and not compare:
        typer.echo("error: groups are given with --compare (stats OUT --compare A B)", err=True)
        raise typer.Exit(2)
    if compare:
        _stats_compare(path, groups or [], by, html)
        return
    try:
        figures = compute_stats(read_jsonl(path), by or DEFAULT_GROUPS)
    except KeyError as error:
        typer.echo(
            f"error: unknown --by {error.args[0]} (known: {', '.join(group_fields())})", err=True
        )
        raise typer.Exit(2) from None
    print_stats(figures)
    if html:
        from courtfacts.output.charts import render_page

        _write_html(html, render_page(figures, f"courtfacts stats: {path.parent}"))


def _stats_compare(path: Path, groups: list[str], by: list[str] | None, html: Path | None) -> None:
    """``stats --compare``: the groups side by side; exit 2 on a bad group."""
    from courtfacts.output.compare import compare, print_comparison

    if by:
        typer.echo("error: --by and --compare do not go together", err=True)
        raise typer.Exit(2)
    try:
        comparison = compare(read_jsonl(path), groups)
    except ValueError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    print_comparison(comparison)
    if html:
        from courtfacts.output.compare_charts import render_compare_page

        title = f"courtfacts stats: {path.parent}: {' vs '.join(groups)}"
        _write_html(html, render_compare_page(comparison, title))


def _write_html(html: Path, page: str) -> None:
    html.parent.mkdir(parents=True, exist_ok=True)
    html.write_text(page, "utf-8")
    typer.echo(f"charts written to {html}", err=True)
