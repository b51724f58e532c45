"""Corpus runs: folders, worker processes, failures skipped, resuming, JSON Lines streams."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsclaims
from newsclaims import dumps
from newsclaims.cli import main
from tests._cli_helpers import kill_part_way
from tests.conftest import SEED_ARTICLE

TEXTS = Path(__file__).parent / "data" / "evaluate" / "gold" / "text"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of five articles."""
    folder = tmp_path / "in"
    folder.mkdir()
    for text in [SEED_ARTICLE, *sorted(TEXTS.glob("*.txt"))]:
        shutil.copyfile(text, folder / text.name)
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _errors(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if "error:" in line]


@pytest.mark.parametrize("fmt", ["json", "brat", "csv"])
def test_two_workers_write_what_one_writes(corpus: Path, tmp_path: Path, fmt: str) -> None:
    """--jobs 2 writes byte for byte what --jobs 1 writes."""
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        assert (
            main(["extract", str(corpus), "--output-dir", str(out), "--format", fmt, "-j", jobs])
            == 0
        )
    assert _files(tmp_path / "out1") == _files(tmp_path / "out2")
    assert len(_files(tmp_path / "out1")) == 5


def test_two_workers_stream_stdout_in_input_order(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On standard output too, the order is the input order whatever the workers."""
    outputs = []
    for jobs in ("1", "2"):
        assert main(["extract", str(corpus), "--format", "jsonl", "--jobs", jobs, "-q"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert outputs[0].count("\n") == 5


def test_summary_at_the_end(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A corpus run ends with one summary line: articles, statements, failures, skips."""
    assert main(["extract", str(corpus), "--output-dir", str(tmp_path / "out")]) == 0
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith("newsclaims: 5 articles, ")
    assert ", 0 failed, 0 skipped, " in last


def test_failing_article_is_reported_and_skipped(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken article is reported on one line; the rest are written; the exit code is 2."""
    bad = corpus / "broken.txt"
    bad.write_bytes(b"\x00\xff\xfe\x00" * 100)
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--output-dir", str(out), "--jobs", "2"]) == 2
    errors = _errors(capsys)
    assert len(errors) == 1
    assert errors[0].startswith(f"newsclaims: error: {bad}: ")
    assert len(list(out.glob("*.json"))) == 5


def test_skip_existing_resumes(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--skip-existing leaves finished outputs alone and writes only the missing ones."""
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--output-dir", str(out), "-q"]) == 0
    first = _files(out)
    victim = sorted(out.iterdir())[0]
    victim.unlink()
    kept = sorted(out.iterdir())[0]
    os.utime(kept, (0, 0))
    assert main(["extract", str(corpus), "--output-dir", str(out), "--skip-existing"]) == 0
    assert (_files(out), kept.stat().st_mtime) == (first, 0)
    assert capsys.readouterr().err.splitlines()[-1].startswith("newsclaims: 1 article, ")


def test_skip_existing_needs_an_output_dir(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--skip-existing without --output-dir is refused: exit 2, one line."""
    assert main(["extract", str(corpus), "--skip-existing"]) == 2
    assert capsys.readouterr().err == "newsclaims: error: --skip-existing needs --output-dir\n"


def test_output_dir_may_be_the_input_folder(corpus: Path) -> None:
    """Writing into the input folder leaves inputs untouched, and a rerun reads no output."""
    before = _files(corpus)
    for _ in range(2):
        assert main(["extract", str(corpus), "--output-dir", str(corpus), "-q"]) == 0
    after = _files(corpus)
    assert {k: v for k, v in after.items() if k.endswith(".txt")} == before
    assert sorted(k for k in after if k.endswith(".json")) == sorted(
        k.replace(".txt", ".json") for k in before
    )


def test_two_inputs_with_one_output_name_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """a.txt and a.html would both write a.json: the run is refused before it starts."""
    (tmp_path / "a.txt").write_text("Smith said so.", encoding="utf-8")
    (tmp_path / "a.html").write_text("<p>Smith said so.</p>", encoding="utf-8")
    out = tmp_path / "out"
    args = ["extract", str(tmp_path / "a.txt"), str(tmp_path / "a.html"), "--output-dir", str(out)]
    assert main(args) == 2
    assert capsys.readouterr().err == (
        f"newsclaims: error: {tmp_path / 'a.txt'} and {tmp_path / 'a.html'} would both be"
        f" written to {out / 'a.json'}\n"
    )


def test_stale_partial_files_are_removed(corpus: Path, tmp_path: Path) -> None:
    """A temporary file left by a killed run (its process gone) is cleared by the next run."""
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".x.json.999999999.partial"
    stale.write_text("half", encoding="utf-8")
    assert main(["extract", str(corpus), "--output-dir", str(out), "-q"]) == 0
    assert not stale.exists()


def test_csv_on_stdout_has_one_header(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Several articles written as CSV to standard output make one table with one header."""
    assert main(["extract", str(corpus), "--format", "csv", "-q"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sum(line.startswith("article,statement,") for line in lines) == 1


def test_empty_folder_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder with nothing to read is bad input."""
    assert main(["extract", str(tmp_path), "-q"]) == 2
    assert (
        capsys.readouterr().err
        == f"newsclaims: error: {tmp_path}: no files to read in this folder\n"
    )


# --------------------------------------------------------------------------- JSON Lines


def _jsonl_corpus(path: Path, *, bad_line: bool = False) -> None:
    lines = [dumps(newsclaims.parse(text)) for text in sorted(TEXTS.glob("*.txt"))]
    if bad_line:
        lines.insert(2, '{"schema": "newsclaims/1", "text": 42}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_json_lines_in_and_out(tmp_path: Path) -> None:
    """A JSON Lines corpus becomes one JSON Lines output, one report per input line."""
    source = tmp_path / "corpus.jsonl"
    _jsonl_corpus(source)
    out = tmp_path / "out"
    assert (
        main(["extract", str(source), "--output-dir", str(out), "--format", "jsonl", "-j", "2"])
        == 0
    )
    written = list(newsclaims.iter_lines(out / "corpus.jsonl"))
    assert [len(r.text) for r in written] == [len(r.text) for r in newsclaims.iter_lines(source)]
    assert all(r.statements for r in written)


def test_json_lines_bad_line_names_its_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad line is reported with its line number and skipped; the other lines are written."""
    source = tmp_path / "corpus.jsonl"
    _jsonl_corpus(source, bad_line=True)
    out = tmp_path / "out"
    assert main(["extract", str(source), "--output-dir", str(out), "--format", "jsonl"]) == 2
    assert _errors(capsys) == [f"newsclaims: error: {source}: line 3: text: 42 is not a string"]
    assert len(list(newsclaims.iter_lines(out / "corpus.jsonl"))) == 4


def test_json_lines_need_a_streaming_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Many reports cannot go into one brat file: the input is reported, exit 2."""
    source = tmp_path / "corpus.jsonl"
    _jsonl_corpus(source)
    assert (
        main(["extract", str(source), "--output-dir", str(tmp_path / "o"), "--format", "brat"]) == 2
    )
    assert _errors(capsys) == [
        f"newsclaims: error: {source}: holds many reports; write them with a format that"
        " streams (--format jsonl or csv)"
    ]


# --------------------------------------------------------------------------- kill and resume


def test_killed_run_leaves_whole_files_and_resumes(tmp_path: Path) -> None:
    """Kill a real run mid-way: every file left is whole; --skip-existing finishes the job."""
    folder = tmp_path / "in"
    folder.mkdir()
    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    total = 400
    for i in range(total):
        (folder / f"a{i:04d}.txt").write_text(f"Article {i}.\n\n{seed}", encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "newsclaims", "extract", str(folder), "--output-dir", str(out)]
    kill_part_way(command, out, "*.json")
    done = sorted(out.glob("*.json"))
    assert 0 < len(done) < total, "the run should have been killed part-way"
    for path in done:
        assert newsclaims.load(path).text.startswith("Article ")  # whole, valid documents
    resumed = subprocess.run(  # noqa: S603 -- our interpreter and module
        [*command, "--skip-existing", "--jobs", "2"], capture_output=True, text=True, check=False
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f", {len(done)} skipped, " in resumed.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"a{i:04d}.json" for i in range(total)]
    reference = tmp_path / "reference"
    assert main(["extract", str(folder), "--output-dir", str(reference), "-q", "-j", "2"]) == 0
    assert _files(out) == _files(reference)
