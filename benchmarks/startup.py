"""Start-up figures of the ``courtfacts`` command, each in a fresh process.

Usage: python benchmarks/startup.py [--repeats N]

Prints, for each measure, the best and the median of N runs (default 5):

- ``courtfacts --help``, wall time of the whole command;
- ``courtfacts extract ONE.txt -o OUT --workers 1 --quiet`` on a two-sentence
  text file, wall time of the whole command: with the cache folder
  (``courtfacts.cache``) as an earlier run left it, empty (a first run: the
  rules it needs compiled and the names read from their packages), and off;
- ``import courtfacts.cli`` alone;
- the pipeline: ``build_pipeline()`` and its first document, in a process
  that has imported it already; and a worker's set-up (``warm_up`` with
  every rule compiled), with the cache folder filled and empty;
- the rules' set-up, without and with ``patterns/rule_index.json``: loading
  and validating the pattern files, then compiling every rule and reading
  its required words (``needles``) from its parse tree, against taking the
  words from the index and compiling nothing until a text needs it.

``--check FOLDER`` also runs every document of FOLDER through the pipeline
twice in one process, with the index and without it (every rule compiled at
once and parsed for its words), and says whether the JSON lines are
byte-identical: the index must change no output.

Machines are shared and noisy: the best of several runs is the figure to
compare, and the script is never a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON = sys.executable
COMMAND = str(Path(PYTHON).with_name("courtfacts"))
CACHE = "COURTFACTS_CACHE"
ONE_DOCUMENT = (
    "On 1 May 2020 John Smith, 30, admitted two counts of fraud at Leeds Crown Court. "
    "He was jailed for four years and eight months and ordered to pay £1,200.\n"
)
_PIPELINE = """
import sys, time
from courtfacts.batch import warm_up
from courtfacts.extract.pipeline import build_pipeline
start = time.perf_counter()
nlp = build_pipeline()
built = time.perf_counter()
warm_up(nlp, every_rule=sys.argv[1] == "worker")
print(built - start, time.perf_counter() - built)
"""
_RULES = """
import sys, time
from courtfacts import patterns
from courtfacts.extract.needles import required_words
if sys.argv[1] == "without" and hasattr(patterns, "rule_index"):
    patterns.rule_index = lambda: {}
start = time.perf_counter()
entries = patterns.load_patterns()
loaded = time.perf_counter()
for entry in entries:
    required_words(patterns.compile_entry(entry))
print(loaded - start, time.perf_counter() - loaded)
"""
_CHECK = """
import sys
from courtfacts import patterns
from courtfacts.batch import iter_inputs, process_document
from courtfacts.extract import ruler
from courtfacts.extract.pipeline import build_pipeline
from courtfacts.output.jsonl import dump_line

CACHES = (patterns.rule_index, patterns._compile, ruler._needle)

def lines():
    for cached in CACHES:
        cached.cache_clear()
    nlp = build_pipeline()
    return [dump_line(process_document(path, nlp)) for path in iter_inputs(sys.argv[1:])]

indexed = lines()
known = patterns.rule_index()
patterns.rule_index = lambda: {}
eager = lines()
same = sum(a == b for a, b in zip(indexed, eager))
print(f"{len(indexed)} documents, {same} byte-identical lines with and without the index"
      f" ({len(known)} rules indexed)")
sys.exit(0 if same == len(indexed) == len(eager) else 1)
"""


def _environment(cache: str | None) -> dict[str, str]:
    """This process's environment with the cache folder ``cache`` ("off": none)."""
    env = dict(os.environ)
    if cache is not None:
        env[CACHE] = cache
    return env


def _wall(args: list[str], cache: str | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(
        args,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_environment(cache),
    )
    return time.perf_counter() - start


def _figures(args: list[str], cache: str | None = None) -> list[float]:
    done = subprocess.run(args, check=True, capture_output=True, text=True, env=_environment(cache))
    return [float(value) for value in done.stdout.split()]


def _row(name: str, samples: list[float]) -> None:
    print(f"{name:<44} best {min(samples):6.3f} s   median {statistics.median(samples):6.3f} s")


def main() -> None:
    """Measure and print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--check", nargs="*", metavar="FOLDER", default=[])
    arguments = parser.parse_args()
    repeats, check = arguments.repeats, arguments.check
    with tempfile.TemporaryDirectory() as folder:
        document = Path(folder) / "one.txt"
        document.write_text(ONE_DOCUMENT, encoding="utf-8")
        extract = [COMMAND, "extract", str(document), "-o", f"{folder}/out"]
        extract += ["--workers", "1", "--quiet"]
        kept = f"{folder}/cache"
        _wall(extract, kept)  # leaves the cache as any earlier run would
        _wall([PYTHON, "-c", _PIPELINE, "worker"], kept)
        _row("courtfacts --help", [_wall([COMMAND, "--help"], kept) for _ in range(repeats)])
        _row(
            "courtfacts extract (one document, 1 worker)",
            [_wall(extract, kept) for _ in range(repeats)],
        )
        _row(
            "  the same, the cache folder empty",
            [_wall(extract, f"{folder}/empty-{run}") for run in range(repeats)],
        )
        _row("  the same, the cache off", [_wall(extract, "off") for _ in range(repeats)])
        imports = [PYTHON, "-c", "import courtfacts.cli"]
        _row("import courtfacts.cli", [_wall(imports) for _ in range(repeats)])
        _row(
            "python -c pass (the interpreter alone)",
            [_wall([PYTHON, "-c", "pass"]) for _ in range(repeats)],
        )
        pipeline = [_figures([PYTHON, "-c", _PIPELINE, "plain"], kept) for _ in range(repeats)]
        _row("build_pipeline()", [built for built, _ in pipeline])
        _row("its first document (warm-up)", [first for _, first in pipeline])
        worker = [_figures([PYTHON, "-c", _PIPELINE, "worker"], kept) for _ in range(repeats)]
        _row("a worker's set-up (every rule compiled)", [ready for _, ready in worker])
        empty = [
            _figures([PYTHON, "-c", _PIPELINE, "worker"], f"{folder}/worker-{run}")
            for run in range(repeats)
        ]
        _row("  the same, the cache folder empty", [ready for _, ready in empty])
    for mode in ("without", "with"):
        rules = [_figures([PYTHON, "-c", _RULES, mode]) for _ in range(repeats)]
        _row(f"load the pattern files ({mode} the index)", [loaded for loaded, _ in rules])
        _row(f"set up every rule ({mode} the index)", [ready for _, ready in rules])
    if check:
        done = subprocess.run(
            [PYTHON, "-c", _CHECK, *check], check=False, capture_output=True, text=True
        )
        print(done.stdout.strip() or done.stderr.strip()[-2000:])


if __name__ == "__main__":
    main()
