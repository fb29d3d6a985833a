"""Extraction throughput next to bare spaCy tokenisation of the same text, in one run.

Usage: python benchmarks/extract_speed.py [FOLDER ...]   (default: examples/ and ../shared/corpus/docs)

Prints words per second for (a) ``spacy.blank("en")`` tokenisation alone and
(b) the full courtfacts pipeline (sentences, rules, values, case assembly),
on the same texts read once beforehand, and their ratio. Machines are shared
and noisy: compare the ratio, not the absolute figures.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import spacy

from courtfacts.batch import iter_inputs, process_source
from courtfacts.corpus import read
from courtfacts.errors import CourtfactsError
from courtfacts.extract.pipeline import build_pipeline

ROOT = Path(__file__).resolve().parents[1]


def _texts(folders: list[str]):
    sources = []
    for path in iter_inputs(folders):
        try:
            sources.append(read(path))
        except CourtfactsError as exc:
            print(f"skipped {path}: {exc.code}", file=sys.stderr)
    return sources


def _timed(func, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    folders = sys.argv[1:] or [
        str(ROOT / "examples"),
        str(ROOT.parent / "shared" / "corpus" / "docs"),
    ]
    sources = _texts([f for f in folders if Path(f).exists()])
    words = sum(len(s.text.split()) for s in sources)
    blank = spacy.blank("en")
    nlp = build_pipeline()
    process_source(sources[0], nlp)  # warm caches (pattern compilation, lexicons)

    tokenise = _timed(lambda: [blank.make_doc(s.text) for s in sources], 3)
    extract = _timed(lambda: [process_source(s, nlp) for s in sources], 3)
    print(f"documents: {len(sources)}, words: {words:,}")
    print(f"spaCy blank tokenisation: {words / tokenise:12,.0f} words/s ({tokenise:.3f} s)")
    print(f"courtfacts extraction:    {words / extract:12,.0f} words/s ({extract:.3f} s)")
    print(f"extraction costs {extract / tokenise:.1f}x bare tokenisation")


if __name__ == "__main__":
    main()
