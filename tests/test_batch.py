"""``batch.iter_inputs``: files, folders and globs expanded to files, each once.

Groups:
    DEV: the expansion rules (folders walked for known suffixes, hidden files
        skipped, explicit paths kept whatever their suffix, globs, symlink loops).
    SKIP_REASONS_IN_FOLDERS (DEV, issue 14): every entry a walk passes over is
        reported with its reason; entries with a document suffix that are no
        regular file are yielded (their reader makes them error lines).
    BUGS_CAUGHT: expectations the expansion does not meet yet, kept as
        ``xfail(strict=True)``.
"""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from courtfacts.batch import iter_inputs, survey_inputs
from courtfacts.inputs import SKIP_REASONS

_TIMEOUT_SECONDS = 20


def _touch(root: Path, *names: str) -> list[Path]:
    paths = []
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("He was jailed for four years.", encoding="utf-8")
        paths.append(path)
    return paths


def _inputs(*raw: str | Path) -> list[Path]:
    """Run ``iter_inputs`` in a thread so that a walk that never ends fails the test."""
    found: list[list[Path]] = []
    worker = threading.Thread(
        target=lambda: found.append(list(iter_inputs(map(str, raw)))), daemon=True
    )
    worker.start()
    worker.join(_TIMEOUT_SECONDS)
    assert found, f"iter_inputs did not finish within {_TIMEOUT_SECONDS}s"
    return found[0]


def _walked(root: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The files a walk of ``root`` yields and the (path, reason) of each skip, relative."""
    skips: list[tuple[Path, str]] = []
    found = list(iter_inputs([str(root)], lambda path, reason: skips.append((path, reason))))
    return _relative(found, root), [(_relative([p], root)[0], r) for p, r in skips]


def _socket(path: Path) -> socket.socket | None:
    """A Unix socket bound at ``path``, or None where the platform or the path length forbids."""
    if not hasattr(socket, "AF_UNIX"):
        return None
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError:
        server.close()
        return None
    return server


def _relative(paths: list[Path], root: Path) -> list[str]:
    return [path.relative_to(root).as_posix() for path in paths]


def test_folder_is_walked_recursively_in_a_stable_order(tmp_path: Path) -> None:
    _touch(tmp_path, "b.txt", "a.pdf", "sub/z.docx", "sub/deeper/c.html", "A.XML", "d.htm")
    found = _relative(_inputs(tmp_path), tmp_path)
    assert found == ["A.XML", "a.pdf", "b.txt", "d.htm", "sub/z.docx", "sub/deeper/c.html"]
    assert _relative(_inputs(tmp_path), tmp_path) == found


# fmt: off
SKIPPED_IN_FOLDERS = [
    ("unknown suffix", "notes.csv"),
    ("no suffix", "README"),
    ("hidden file", ".draft.txt"),
    ("hidden file, no suffix", ".txt"),
    ("editor backup", "report.txt~"),
]
# fmt: on


@pytest.mark.parametrize(
    ("label", "name"), SKIPPED_IN_FOLDERS, ids=[x[0] for x in SKIPPED_IN_FOLDERS]
)
def test_folder_walk_skips(tmp_path: Path, label: str, name: str) -> None:
    _touch(tmp_path, "report.txt", name)
    assert _relative(_inputs(tmp_path), tmp_path) == ["report.txt"]


@pytest.mark.parametrize("name", ["notes.csv", "README", ".draft.txt"])
def test_an_explicit_file_is_kept_whatever_its_name(tmp_path: Path, name: str) -> None:
    (path,) = _touch(tmp_path, name)
    assert _inputs(path) == [path]


def test_globs_expand_in_sorted_order(tmp_path: Path) -> None:
    _touch(tmp_path, "b.txt", "a.txt", "c.pdf", "sub/d.txt", "sub/e.pdf")
    assert _relative(_inputs(tmp_path / "*.txt"), tmp_path) == ["a.txt", "b.txt"]
    recursive = _inputs(tmp_path / "**" / "*.pdf")
    assert _relative(recursive, tmp_path) == ["c.pdf", "sub/e.pdf"]


def test_a_glob_matching_a_folder_walks_it(tmp_path: Path) -> None:
    _touch(tmp_path, "2021/a.txt", "2022/b.txt", "other/c.txt")
    assert _relative(_inputs(tmp_path / "20*"), tmp_path) == ["2021/a.txt", "2022/b.txt"]


def test_a_glob_matching_nothing_yields_nothing(tmp_path: Path) -> None:
    _touch(tmp_path, "a.txt")
    assert _inputs(tmp_path / "*.pdf") == []


def test_the_same_file_named_twice_is_yielded_once(tmp_path: Path) -> None:
    (report,) = _touch(tmp_path, "sub/report.txt")
    found = _inputs(report, tmp_path, tmp_path / "sub" / "*.txt", tmp_path / "sub" / ".." / "sub")
    assert found == [report]


def test_a_symlink_loop_ends_and_yields_each_file_once(tmp_path: Path) -> None:
    root = tmp_path / "in"
    _touch(root, "a.txt", "sub/b.txt", "sub/deeper/c.txt")
    os.symlink(root, root / "sub" / "loop")  # back to the top
    os.symlink(root / "sub", root / "sub" / "deeper" / "loop")  # back to the parent
    found = _inputs(root)
    assert sorted(_relative(found, root)) == ["a.txt", "sub/b.txt", "sub/deeper/c.txt"]
    assert len({path.resolve() for path in found}) == len(found)


def test_a_symlinked_file_is_yielded_once(tmp_path: Path) -> None:
    (report,) = _touch(tmp_path, "report.txt")
    os.symlink(report, tmp_path / "alias.txt")
    found = _inputs(tmp_path)
    assert len(found) == 1
    assert found[0].resolve() == report.resolve()


def test_an_explicit_file_with_brackets_in_its_name_is_kept(tmp_path: Path) -> None:
    (path,) = _touch(tmp_path, "R v Smith [2021] EWCA Crim 12.txt")
    assert _inputs(path) == [path]


def test_a_file_with_brackets_in_its_name_is_found_in_a_folder(tmp_path: Path) -> None:
    _touch(tmp_path, "R v Smith [2021] EWCA Crim 12.txt")
    assert _relative(_inputs(tmp_path), tmp_path) == ["R v Smith [2021] EWCA Crim 12.txt"]


def test_hidden_folders_are_skipped(tmp_path: Path) -> None:
    _touch(tmp_path, "report.txt", ".venv/lib/LICENSE.txt", ".ipynb_checkpoints/report.txt")
    assert _relative(_inputs(tmp_path), tmp_path) == ["report.txt"]


# fmt: off
# (label, how to make the entry under the root, the skip expected: path and reason or None)
SKIP_REASONS_IN_FOLDERS = [
    ("hidden file", lambda root: _touch(root, ".draft.txt"), (".draft.txt", "hidden")),
    ("hidden folder, not entered", lambda root: _touch(root, ".git/notes.txt"), (".git", "hidden")),
    ("other suffix", lambda root: _touch(root, "notes.csv"), ("notes.csv", "unsupported_suffix")),
    ("fifo", lambda root: os.mkfifo(root / "pipe"), ("pipe", "fifo")),
    ("hidden fifo", lambda root: os.mkfifo(root / ".pipe.txt"), (".pipe.txt", "hidden")),
    ("broken symlink", lambda root: os.symlink(root / "gone", root / "link"), ("link", "broken_symlink")),
    ("link to itself", lambda root: os.symlink(root / "self", root / "self"), ("self", "symlink_loop")),
    ("folder linked to its parent", lambda root: os.symlink(root, root / "up"), ("up", "symlink_loop")),
    ("device", lambda root: os.symlink("/dev/null", root / "null"), ("null", "device")),
    ("a folder twice", lambda root: (_touch(root, "a/x.txt"), os.symlink(root / "a", root / "b")), ("b", "duplicate")),
    ("a file twice", lambda root: os.symlink(root / "report.txt", root / "z-alias.txt"), ("z-alias.txt", "duplicate")),
    ("documents by name, not files: yielded for an error line", lambda root: (
        os.mkfifo(root / "pipe.txt"), os.symlink(root / "gone.pdf", root / "link.pdf")), None),
]
# fmt: on


@pytest.mark.parametrize(
    ("label", "make", "skip"), SKIP_REASONS_IN_FOLDERS, ids=[x[0] for x in SKIP_REASONS_IN_FOLDERS]
)
def test_a_walk_reports_each_skip_with_its_reason(tmp_path: Path, label, make, skip) -> None:
    _touch(tmp_path, "report.txt")
    make(tmp_path)
    found, skips = _walked(tmp_path)
    assert "report.txt" in found
    assert all(reason in SKIP_REASONS for _, reason in skips)
    if skip is None:
        assert skips == [] and len(found) == 3, (found, skips)
    else:
        assert skips == [skip], skips


def test_a_socket_in_a_folder_is_skipped_as_a_socket(tmp_path: Path) -> None:
    _touch(tmp_path, "report.txt")
    server = _socket(tmp_path / "s.sock")
    if server is None:
        pytest.skip("no Unix socket can be bound here")
    with server:
        assert _walked(tmp_path) == (["report.txt"], [("s.sock", "socket")])


def test_an_unreadable_folder_is_reported(tmp_path: Path) -> None:
    (locked,) = _touch(tmp_path, "locked/report.txt")
    locked.parent.chmod(0)
    try:
        if os.access(locked.parent, os.R_OK):
            pytest.skip("running as root: permissions are not enforced")
        assert _walked(tmp_path) == ([], [("locked", "unreadable_folder")])
    finally:
        locked.parent.chmod(0o755)


def test_survey_counts_skips_and_finds_unusable_named_paths(tmp_path: Path) -> None:
    _touch(tmp_path, "in/report.txt", "in/.draft.txt", "in/notes.csv")
    os.mkfifo(tmp_path / "pipe")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    raw = [str(tmp_path / name) for name in ("in", "pipe", "dangling.txt", "nothing.txt")]
    survey = survey_inputs(raw)
    assert survey.total == 1
    assert survey.skipped == {"hidden": 1, "unsupported_suffix": 1}
    assert survey.missing == [raw[3]]
    assert survey.unusable == [(raw[1], "fifo"), (raw[2], "broken_symlink")]


def test_a_failure_in_case_assembly_keeps_the_mentions(monkeypatch) -> None:
    """A bug in case assembly costs the cases of one document, never its mentions."""
    from courtfacts import batch
    from courtfacts.extract.pipeline import build_pipeline
    from courtfacts.models import DocumentMeta, SourceText

    def broken(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(batch, "assemble_cases", broken)
    meta = DocumentMeta(source="x.txt", format="text", sha256="0" * 64)
    text = "John Smith was jailed for four years."
    result = batch.process_source(
        SourceText(doc_id="x", kind="text", text=text, meta=meta), build_pipeline()
    )
    assert result.status == "ok" and result.mentions and not result.cases
    assert [(e.stage, e.code) for e in result.errors] == [("assemble", "E301")]


def test_a_workers_warm_up_compiles_every_rule_and_a_plain_one_only_what_it_needs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 14: one-document runs compile only the rules their text needs; worker
    processes compile them all (each rule's scanner, or the rule) before their
    first deadline."""
    import re

    from courtfacts import batch, patterns, regex_cache
    from courtfacts.batch import warm_up
    from courtfacts.extract import ruler, scanner
    from courtfacts.extract.pipeline import build_pipeline
    from courtfacts.models import DocumentMeta, SourceText

    for cached in (patterns.rule_index, patterns._compile, ruler._needle, scanner._scanner):
        cached.cache_clear()
    if not patterns.rule_index():
        pytest.skip("rule_index.json knows none of the rules (stale)")
    rules = [patterns.compile_entry(entry).pattern for entry in patterns.load_patterns()]
    compiled: list[str] = []
    real = regex_cache.compile  # every rule and scanner is compiled through it

    def recording(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return real(pattern, flags)

    def rules_compiled_by(text: str) -> int:
        compiled.clear()
        meta = DocumentMeta(source="t", format="text", sha256="0" * 64)
        batch.process_source(SourceText(doc_id="t", kind="text", text=text, meta=meta), nlp)
        return sum(1 for pattern in compiled if any(rule in pattern for rule in rules))

    text = (
        "Jane Doe, 41, of Leeds, was sentenced to two years' imprisonment, suspended for "
        "18 months, and a curfew, after she pleaded guilty to three counts of fraud between "
        "March 2019 and May 2020. She must pay £4,500 compensation. The judge, HHJ Smith, "
        "said a community order of 12 months would not do."
    )
    nlp = build_pipeline()
    monkeypatch.setattr(regex_cache, "compile", recording)
    warm_up(nlp)
    assert rules_compiled_by(text) > 0
    for cached in (patterns._compile, scanner._scanner):
        cached.cache_clear()
    warm_up(nlp, every_rule=True)
    assert rules_compiled_by(text) == 0
