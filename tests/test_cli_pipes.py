"""Inputs read once: standard input (``-``), pipes and FIFOs lose nothing to format sniffing.

The command line reads the head of an input to tell its format. A regular file can be opened
again for the parser; a pipe cannot, so the head it read must be handed to the parser too.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclaims
from newsclaims import Report
from newsclaims._runs import OneShot
from newsclaims.cli import main
from tests._cli_helpers import run

#: How much the command line reads to sniff a format: the inputs here run past it.
HEAD = 65536

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


def _article(size: int) -> str:
    """About ``size`` bytes of article whose three-byte "…" straddles the end of the head."""
    sentence = 'Smith said the "talks" would resume on Monday. '
    filler = (sentence * (size // len(sentence) + 1))[: HEAD - 1]
    rest = (sentence * (size // len(sentence) + 1))[: max(size - HEAD - 2, 0)]
    return filler + "…" + rest


def _newsclaims(
    *argv: str, data: bytes = b"", timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # noqa: S603 -- our own interpreter and module
        [sys.executable, "-m", "newsclaims", *argv],
        input=data,
        capture_output=True,
        check=False,
        timeout=timeout,
    )


def _feed(path: Path, data: bytes) -> threading.Thread:
    """Write ``data`` into the FIFO ``path`` from a thread, once a reader opens it."""

    def feed() -> None:
        # A reader that stops early fails its test by what it prints, not by this thread.
        with contextlib.suppress(BrokenPipeError), path.open("wb") as handle:
            handle.write(data)  # the open blocks until the reader opens the FIFO

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    return thread


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --------------------------------------------------------------------------- standard input


@pytest.mark.parametrize("size", [HEAD + 1, 3 * HEAD + 17])
def test_extract_from_standard_input_keeps_every_character(size: int) -> None:
    """`cat article.txt | newsclaims extract -` reads the whole text, the sniffed head too."""
    text = _article(size)
    done = _newsclaims("extract", "-", "-q", data=text.encode("utf-8"))
    assert (done.returncode, done.stderr) == (0, b"")
    assert text == json.loads(done.stdout)["text"]


def test_parse_names_standard_input_stdin() -> None:
    """A report read from standard input is named ``<stdin>``, as Python names it."""
    done = _newsclaims("parse", "-", "-q", data=b"Smith said so.")
    assert json.loads(done.stdout)["metadata"]["origin"] == "<stdin>"


def test_json_lines_on_standard_input_give_every_report() -> None:
    """JSON Lines piped in, past the sniffed head, give every report in order."""
    texts = [f"Report {n}: " + "x" * 1000 for n in range(200)]
    lines = "".join(newsclaims.dumps(Report(text)) + "\n" for text in texts)
    done = _newsclaims("parse", "-", "--format", "jsonl", "-q", data=lines.encode("utf-8"))
    assert (done.returncode, done.stderr) == (0, b"")
    assert texts == [json.loads(line)["text"] for line in done.stdout.splitlines()]


def test_show_from_standard_input_shows_what_a_file_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`show -` shows every statement of standard input, as for a file of the same bytes."""
    data = ("Smith said it rained.\n" * 5000).encode("utf-8")  # 110,000 bytes
    regular = tmp_path / "regular.txt"
    regular.write_bytes(data)
    assert run(["show", regular, "--plain"], capsys)[0] == 0
    expected = capsys.readouterr().out
    _stdin(monkeypatch, data)
    assert run(["show", "-", "--plain"], capsys)[0] == 0
    assert expected == capsys.readouterr().out


def test_dot_slash_dash_is_the_file_named_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`./-` escapes the file named ``-``; a bare `-` beside it is still standard input."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text("From the file.", encoding="utf-8")
    _stdin(monkeypatch, b"From standard input.")
    assert main(["parse", "./-", "-", "--format", "jsonl", "-q"]) == 0
    texts = [json.loads(line)["text"] for line in capsys.readouterr().out.splitlines()]
    assert texts == ["From the file.", "From standard input."]


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["extract", "-", "-"], "-: standard input is given 2 times; it is read once"),
        (["extract", "-", "--output-dir", "out"], "-: standard input has no file name"),
        (["extract", "-", "--max-chars", "10"], "<stdin>: longer than the limit of 10 bytes"),
        (["show", "-", "--max-chars", "10"], "<stdin>: longer than the limit of 10 bytes"),
    ],
    ids=["twice", "output-dir", "extract too long", "show too long"],
)
def test_standard_input_refusals_are_one_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    problem: str,
) -> None:
    """What cannot be done with standard input exits 2 with one line saying why."""
    _stdin(monkeypatch, b"Smith said it rained.")
    code, errors = run([*argv, "-q"] if argv[0] == "extract" else argv, capsys)
    assert (code, len(errors)) == (2, 1)
    assert errors[0].startswith(f"newsclaims: error: {problem}")


# --------------------------------------------------------------------------- FIFOs


@needs_fifo
def test_extract_from_a_fifo_keeps_every_character(tmp_path: Path) -> None:
    """A FIFO given by its path is read once, whole."""
    path = tmp_path / "article.txt"
    os.mkfifo(path)
    text = _article(2 * HEAD)
    thread = _feed(path, text.encode("utf-8"))
    done = _newsclaims("extract", str(path), "-q")
    thread.join()
    assert (done.returncode, done.stderr) == (0, b"")
    assert text == json.loads(done.stdout)["text"]


@needs_fifo
@pytest.mark.parametrize("command", [["show", "--plain"], ["render"]])
def test_show_and_render_read_all_of_a_fifo(tmp_path: Path, command: list[str]) -> None:
    """show and render print for a FIFO what they print for a file with the same bytes."""
    data = ("Smith said it rained.\n" * 5000).encode("utf-8")  # 110,000 bytes
    regular = tmp_path / "regular.txt"
    regular.write_bytes(data)
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    expected = _newsclaims(command[0], str(regular), *command[1:])
    thread = _feed(fifo, data)
    # A second open of the FIFO, after its head was read, would wait for a writer forever.
    done = _newsclaims(command[0], str(fifo), *command[1:], timeout=60)
    thread.join(timeout=10)
    assert (done.returncode, done.stderr) == (0, b"")
    assert expected.stdout.replace(bytes(regular), bytes(fifo)) == done.stdout


# --------------------------------------------------------------------------- the replay


@given(st.binary(max_size=2000), st.integers(0, 2000))
def test_one_shot_gives_back_its_head_then_the_rest(data: bytes, cut: int) -> None:
    """Whatever was read as the head, the whole input comes back, in order."""
    once = OneShot(Path("x"), data[:cut], io.BytesIO(data[cut:]))
    assert data == once.read(None)


@given(
    st.lists(st.text(st.characters(codec="utf-8", blacklist_characters="\r\n"), min_size=1)),
    st.data(),
)
def test_one_shot_lines_run_across_the_head(lines: list[str], data: st.DataObject) -> None:
    """JSON Lines tasks from a one-shot input hold every line, a line cut by the head too."""
    raw = "".join(line + "\n" for line in lines).encode("utf-8")
    cut = data.draw(st.integers(0, len(raw)))
    once = OneShot(Path("x"), raw[:cut], io.BytesIO(raw[cut:]))
    read = [task.data for task in once.tasks(("jsonl", True), max_chars=None)]
    assert [line + "\n" for line in lines if line.encode("utf-8").strip()] == read


# --------------------------------------------------------------------------- validate


def test_validate_reads_one_document_from_standard_input() -> None:
    report = newsclaims.read("Iran denied it, its mission said.")
    done = _newsclaims("validate", "-", data=newsclaims.dumps(report).encode("utf-8"))
    assert (done.returncode, done.stderr) == (0, b"")
    counts = f"{len(report.statements)} statements, {len(report.entities)} entities"
    assert done.stdout.decode() == f"<stdin>: ok ({counts})\n"


def test_validate_reads_json_lines_from_standard_input() -> None:
    lines = "".join(newsclaims.dumps(Report(f"Report {n}.")) + "\n" for n in range(3))
    done = _newsclaims("validate", "-", data=lines.encode("utf-8"))
    assert (done.returncode, done.stdout) == (0, b"<stdin>: ok (3 reports)\n")


def test_validate_names_the_bad_line_of_piped_json_lines() -> None:
    good = newsclaims.dumps(Report("One."))
    done = _newsclaims(
        "validate", "-", data=f'{good}\n{{"schema":"newsclaims/1","text":4}}\n'.encode()
    )
    assert done.returncode == 2
    assert done.stderr == b"newsclaims: error: <stdin>: line 2: text: 4 is not a string\n"


@needs_fifo
def test_validate_reads_a_fifo(tmp_path: Path) -> None:
    """A FIFO was reported as "no such file"."""
    path = tmp_path / "reports.jsonl"
    os.mkfifo(path)
    lines = "".join(newsclaims.dumps(Report(f"Report {n}.")) + "\n" for n in range(2))
    thread = _feed(path, lines.encode("utf-8"))
    done = _newsclaims("validate", str(path))
    thread.join()
    assert (done.returncode, done.stdout.decode()) == (0, f"{path}: ok (2 reports)\n")
