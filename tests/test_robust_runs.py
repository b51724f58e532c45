"""Corpus runs lose nothing: atomic outputs, killed runs resumed, failures reported and skipped.

(The kill-and-resume test for one output file per article is in ``test_cli_corpus.py``; here
the same for a JSON Lines stream, whose one output file grows while the run goes on.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import newsclaims
from newsclaims import _runs
from newsclaims._files import write_atomically
from newsclaims._runs import AtomicFile, Options, Outcome, Task
from tests._cli_helpers import kill_part_way, run
from tests.conftest import SEED_ARTICLE


def test_write_atomically_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    """A write that fails half-way leaves the previous file whole and no temporary file."""
    path = tmp_path / "a.json"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomically(path, "new \udc80 text")
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]
    assert path.read_text(encoding="utf-8") == "old"


def test_atomic_file_is_invisible_until_committed(tmp_path: Path) -> None:
    """A streamed output has no real name until committed; discarding removes it."""
    path = tmp_path / "out.jsonl"
    stream = AtomicFile(path)
    stream.write("one\n")
    assert not path.exists()
    stream.commit()
    assert path.read_text(encoding="utf-8") == "one\n"
    other = AtomicFile(tmp_path / "other.jsonl")
    other.write("half")
    other.discard()
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of four good articles and one that breaks."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in "abcd":
        (folder / f"{name}.txt").write_text(f"“{name},” Smith said.", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00" * 50)
    return folder


def test_bug_in_one_article_is_reported_and_the_rest_complete(
    corpus: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An unexpected error in one article is reported on one line; the rest are written; exit 1."""
    real = newsclaims.extract

    def flaky(report: newsclaims.Report, **options: object) -> newsclaims.Report:
        if report.text.startswith("“c"):
            raise ZeroDivisionError("boom")
        return real(report, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(newsclaims, "extract", flaky)
    out = tmp_path / "out"
    code, lines = run(["extract", corpus, "--output-dir", out, "-q"], capsys)
    errors = [line for line in lines if "error:" in line]
    assert code == 1  # a bug outranks bad input
    assert [
        f"newsclaims: error: {corpus / 'broken.txt'}: binary data, not text"
        " (50 control bytes in the first 50)",
        f"newsclaims: error: {corpus / 'c.txt'}: internal error (ZeroDivisionError: boom);"
        " please report it",
    ] == errors
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "d.json"]


def test_failures_alone_exit_2_and_every_good_article_is_written(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad input in a corpus run: reported, skipped, the rest written, exit 2 (two workers)."""
    out = tmp_path / "out"
    code, lines = run(["extract", corpus, "--output-dir", out, "-j", "2"], capsys)
    assert code == 2
    assert lines[-1].startswith("newsclaims: 4 articles, ")
    assert ", 1 failed, 0 skipped, " in lines[-1]
    assert len(list(out.glob("*.json"))) == 4


def test_interrupted_stream_leaves_no_partial_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during a JSON Lines run: exit 130, and no half-written output left behind."""
    source = tmp_path / "corpus.jsonl"
    line = newsclaims.dumps(newsclaims.Report("“Hi,” Smith said."))
    source.write_text(f"{line}\n" * 5, encoding="utf-8")
    real = _runs.run_task

    def interrupt(task: Task, options: Options) -> Outcome:
        if task.line == 3:
            raise KeyboardInterrupt
        return real(task, options)

    monkeypatch.setattr(_runs, "run_task", interrupt)
    out = tmp_path / "out"
    code, lines = run(["extract", source, "--format", "jsonl", "--output-dir", out], capsys)
    assert (code, lines) == (130, ["newsclaims: interrupted"])
    assert list(out.iterdir()) == []


def test_brat_output_never_replaces_annotations_beside_the_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """brat output into a folder holding STEM.txt and STEM.ann is refused; nothing changes."""
    (tmp_path / "pair.txt").write_text("Iran denied it.", encoding="utf-8")
    ann = tmp_path / "pair.ann"
    ann.write_text("T1\tSource 0 4\tIran\n", encoding="utf-8")
    argv = ["extract", tmp_path, "--output-dir", tmp_path, "--format", "brat", "-q"]
    code, lines = run(argv, capsys)
    assert (code, len(lines)) == (2, 1)
    assert lines[0].startswith(f"newsclaims: error: {ann}: already exists beside pair.txt")
    assert ann.read_text(encoding="utf-8") == "T1\tSource 0 4\tIran\n"


def test_brat_output_beside_texts_without_annotations_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """brat output into a folder of bare texts makes the pairs."""
    (tmp_path / "a.txt").write_text("Iran denied it, officials said.", encoding="utf-8")
    argv = ["extract", tmp_path, "--output-dir", tmp_path, "--format", "brat", "-q"]
    assert run(argv, capsys)[0] == 0
    assert (tmp_path / "a.ann").read_text(encoding="utf-8")


def test_killed_stream_run_leaves_no_partial_output_and_resumes(tmp_path: Path) -> None:
    """Kill a real JSON Lines run while it writes: only a temporary file is left; rerun heals."""
    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    source = tmp_path / "corpus.jsonl"
    line = newsclaims.dumps(newsclaims.Report(seed))
    source.write_text(f"{line}\n" * 200, encoding="utf-8")
    out = tmp_path / "out"
    command = [
        *(sys.executable, "-m", "newsclaims", "extract", str(source)),
        *("--format", "jsonl", "--output-dir", str(out)),
    ]
    kill_part_way(command, out, ".*.partial")
    assert not (out / "corpus.jsonl").exists()  # never a half-written output under its name
    assert len(list(out.glob(".corpus.jsonl.*.partial"))) == 1
    resumed = subprocess.run(  # noqa: S603 -- our interpreter and module
        [*command, "--skip-existing", "-q"], capture_output=True, text=True, check=False
    )
    assert (resumed.returncode, resumed.stderr) == (0, "")
    assert [p.name for p in out.iterdir()] == ["corpus.jsonl"]  # the stale partial is gone
    assert len(list(newsclaims.iter_lines(out / "corpus.jsonl"))) == 200


def test_absurd_job_counts_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--jobs far past the cores is one line, exit 2, before any worker starts."""
    path = tmp_path / "a.txt"
    path.write_text("Smith said so.", encoding="utf-8")
    code, lines = run(["extract", path, "--jobs", "100000", "-q"], capsys)
    assert (code, len(lines)) == (2, 1)
    assert lines[0].startswith("newsclaims: error: --jobs 100000: more than 4 per core")


def test_workers_never_outnumber_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool is never larger than the tasks it has: one task runs without one."""
    started: list[int] = []

    class Pool:
        def __init__(self, max_workers: int, **_: object) -> None:
            started.append(max_workers)
            raise AssertionError("no pool for one task")

    monkeypatch.setattr(_runs, "ProcessPoolExecutor", Pool)
    outcomes = list(_runs.run_tasks([Task("<x>", 1, "Smith said so.")], Options(), jobs=8))
    assert ([outcome.error for outcome in outcomes], started) == ([None], [])
