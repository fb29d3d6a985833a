"""What the path after reading costs next to bare spaCy tokenisation, in one run (issue #14).

Usage::

    python benchmarks/pipeline_cost.py [FOLDER ...] [--repeats N] [--profile]
    python benchmarks/pipeline_cost.py --check-against REF_DIR [--output OUT_DIR]

Every document of the folders (default: ``../shared/corpus/docs``) is read
once (PDFs with pdfium, to keep reading cheap). Then, in this process and
over ``--repeats`` rounds (the median is printed), it times:

a. bare ``spacy.blank("en").make_doc`` of each text (the floor);
b. the courtfacts pipeline as ``batch.process_source`` runs it: the stated
   date, making the ``Doc`` (tokenisation included), each component, and
   turning hits into mentions;
c. case assembly;
d. the ``DocumentResult`` and its JSON line;

and prints the seconds, the ratio (b + c + d) / a, and the seconds of each
step of (b). The machine is shared and noisy: compare ratios of one run.

``--check-against REF_DIR`` instead runs ``courtfacts extract`` over the
folders into ``--output`` (a temporary folder by default) and compares
every document's line with ``REF_DIR/documents.jsonl``, timing fields left
out: mentions and cases must be byte-identical. The exit code is 1 when any
document differs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import spacy

from courtfacts.batch import iter_inputs
from courtfacts.corpus import read
from courtfacts.errors import CourtfactsError
from courtfacts.extract.assemble import assemble_cases
from courtfacts.extract.components import CONTEXT, TEXT
from courtfacts.extract.pipeline import (
    build_pipeline,
    mentions_from_doc,
    stated_document_date,
    tokenisable,
)
from courtfacts.extract.values import document_context
from courtfacts.models import DocumentResult, SourceText
from courtfacts.output.jsonl import dump_line

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = ROOT.parent / "shared" / "corpus" / "docs"
_TIMING_KEYS = {"seconds", "wall_seconds", "elapsed", "elapsed_seconds", "started", "finished"}


def _sources(folders: list[str]) -> list[SourceText]:
    sources = []
    for path in iter_inputs(folders):
        try:
            sources.append(read(path, pdf_engine="pdfium"))
        except CourtfactsError as exc:
            print(f"skipped {path}: {exc.code}", file=sys.stderr)
    return sources


def _with_date(source: SourceText) -> SourceText:
    """The source as ``process_source`` passes it on: with its stated date."""
    if source.meta.document_date is None:
        stated = stated_document_date(source)
        if stated:
            meta = source.meta.model_copy(update={"document_date": stated})
            return source.model_copy(update={"meta": meta})
    return source


def _one_round(nlp, blank, sources: list[SourceText]) -> dict[str, float]:
    """Seconds of each step over every document, once."""
    times: dict[str, float] = defaultdict(float)
    clock = time.process_time  # CPU seconds: the machine is shared, waiting is not ours
    for source in sources:
        start = clock()
        blank.make_doc(source.text)
        times["a. tokenise"] += clock() - start

        start = clock()
        dated = _with_date(source)
        times["b. stated date"] += clock() - start

        start = clock()
        text = tokenisable(dated.text)
        doc = nlp.make_doc(text)
        times["b. make_doc"] += clock() - start

        start = clock()
        doc.user_data[TEXT] = text
        hints = " ".join(
            filter(None, [dated.meta.court, dated.meta.title, dated.meta.jurisdiction])
        )
        doc.user_data[CONTEXT] = document_context(dated.text, stated_document_date(dated), hints)
        times["b. context"] += clock() - start

        for name, component in nlp.pipeline:
            start = clock()
            doc = component(doc)
            times[f"b. {name}"] += clock() - start

        start = clock()
        mentions = mentions_from_doc(doc, dated)
        times["b. mentions"] += clock() - start

        start = clock()
        mentions, cases, problems = assemble_cases(doc, dated, mentions)
        times["c. assemble"] += clock() - start

        start = clock()
        result = DocumentResult(
            doc_id=dated.doc_id,
            status="ok",
            source=dated.meta.source,
            meta=dated.meta,
            characters=len(dated.text),
            words=len(dated.text.split()),
            mentions=mentions,
            cases=cases,
            errors=problems,
        )
        dump_line(result)
        times["d. json"] += clock() - start
    return times


def measure(folders: list[str], repeats: int, profile: bool) -> None:
    """Print the median seconds of each step and the ratio to bare tokenisation."""
    sources = _sources(folders)
    characters = sum(len(s.text) for s in sources)
    blank = spacy.blank("en")
    nlp = build_pipeline()
    _one_round(nlp, blank, sources)  # lazy set-up: every rule compiled, lexicons read
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        _one_round(nlp, blank, sources)
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False, show_all=False))
        return
    rounds = [_one_round(nlp, blank, sources) for _ in range(repeats)]
    median = {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
    ratios = [
        sum(v for k, v in r.items() if not k.startswith("a.")) / r["a. tokenise"] for r in rounds
    ]
    floor = median["a. tokenise"]
    after = sum(v for k, v in median.items() if not k.startswith("a."))
    print(f"documents: {len(sources)}, characters: {characters:,}, repeats: {repeats}")
    for key, value in median.items():
        print(f"  {key:<28} {value:8.3f} s  {value / floor:6.2f} x")
    print(f"tokenise (a): {floor:.3f} s; pipeline + assembly + JSON (b+c+d): {after:.3f} s")
    print(
        f"ratio (b+c+d)/a: {after / floor:.2f} (per round: {', '.join(f'{x:.2f}' for x in ratios)})"
    )


def _comparable(line: str) -> tuple[str, str]:
    data = json.loads(line)
    for key in _TIMING_KEYS:
        data.pop(key, None)
    # the path as the run was given it: the file itself is named by its sha256
    data.pop("source", None)
    (data.get("meta") or {}).pop("source", None)
    return data["doc_id"], json.dumps(data, sort_keys=True, ensure_ascii=False)


def check(folders: list[str], reference: Path, output: Path | None) -> int:
    """Run ``courtfacts extract`` and compare its lines with the reference's; 0 when identical."""
    out = output or Path(tempfile.mkdtemp(prefix="pipeline-cost-"))
    command = [sys.executable, "-c", "from courtfacts.cli import main; main()", "extract"]
    subprocess.run([*command, *folders, "-o", str(out), "--workers", "1"], check=True)
    lines = {}
    for name, path in (("reference", reference), ("output", out)):
        with open(path / "documents.jsonl", encoding="utf-8") as handle:
            lines[name] = dict(_comparable(line) for line in handle if line.strip())
    ref, new = lines["reference"], lines["output"]
    differing = sorted(d for d in ref.keys() | new.keys() if ref.get(d) != new.get(d))
    for doc_id in differing:
        print(f"differs: {doc_id}")
    print(f"{len(ref)} reference documents, {len(new)} output, {len(differing)} differ")
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=[str(DEFAULT_DOCS)])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="one round under pyinstrument")
    parser.add_argument("--check-against", type=Path, metavar="REF_DIR")
    parser.add_argument("--output", type=Path, metavar="OUT_DIR")
    args = parser.parse_args()
    if args.check_against:
        return check(args.folders, args.check_against, args.output)
    measure(args.folders, args.repeats, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
