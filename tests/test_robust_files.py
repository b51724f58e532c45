"""Files that are not there, not files, or not readable; inputs that must never change.

Every subcommand that reads a file answers exit 2 with one line naming it, and no command
ever writes to its inputs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsclaims
from newsclaims import FormatError
from tests._cli_helpers import FILE_COMMANDS, assert_one_line_error, file_command, run

COMMANDS = [*FILE_COMMANDS, "evaluate"]
FILE_COMMANDS["evaluate"] = ("evaluate",)


@pytest.mark.parametrize("command", COMMANDS)
def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    """A missing file: exit 2, one line naming it."""
    path = tmp_path / "missing.txt"
    assert_one_line_error(file_command(command, path), capsys, path, "no such file")


@pytest.mark.parametrize("command", ["validate", "show", "render"])
def test_directory_where_a_file_is_expected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """A folder given to a command that reads one file: exit 2, one line naming it."""
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.json").write_text("{}", encoding="utf-8")
    assert_one_line_error(file_command(command, folder), capsys, folder, "is a directory")


@pytest.mark.parametrize("command", ["parse", "extract"])
def test_empty_folder_for_a_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """parse and extract read folders; an empty one is one line naming it."""
    assert_one_line_error([command, tmp_path, "-q"], capsys, tmp_path, "no files to read")


def test_path_through_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A path whose folder is a file: exit 2, one line naming it."""
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    path = tmp_path / "a.txt" / "b.txt"
    assert_one_line_error(["extract", path, "-q"], capsys, path)


def test_parse_of_a_directory_is_a_format_error(tmp_path: Path) -> None:
    """In Python, parsing a folder raises FormatError naming it."""
    with pytest.raises(FormatError, match=f"{tmp_path}: is a directory, not a file"):
        newsclaims.parse(tmp_path)


@pytest.fixture
def unreadable(tmp_path: Path) -> Iterator[Path]:
    """A file nobody may read (skipped where permissions are not enforced, as for root)."""
    path = tmp_path / "secret.txt"
    path.write_text("Smith said so.", encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):
        path.chmod(0o600)
        pytest.skip("permissions are not enforced for this user (root?)")
    yield path
    path.chmod(0o600)


@pytest.mark.parametrize("command", COMMANDS)
def test_unreadable_file(
    unreadable: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """An unreadable file: exit 2, one line naming it."""
    assert_one_line_error(file_command(command, unreadable), capsys, unreadable)


# --------------------------------------------------------------------------- inputs unchanged


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder of an article, an HTML page, a report, JSON Lines and a brat pair."""
    folder = tmp_path / "in"
    folder.mkdir()
    report = newsclaims.read("“We will respond,” Smith said.")
    (folder / "article.txt").write_text("“We will respond,” Smith said.", encoding="utf-8")
    (folder / "page.html").write_text("<p>“Hi,” Smith said.</p>", encoding="utf-8")
    (folder / "report.json").write_text(newsclaims.dumps(report), encoding="utf-8")
    (folder / "corpus.jsonl").write_text(newsclaims.dumps(report) + "\n", encoding="utf-8")
    (folder / "pair.txt").write_text("Iran denied it.", encoding="utf-8")
    (folder / "pair.ann").write_text("T1\tSource 0 4\tIran\n", encoding="utf-8")
    for path in folder.iterdir():
        os.utime(path, ns=(10**18, 10**18))
    return folder


def test_no_command_changes_its_inputs(inputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every command, writing to standard output or into the input folder, leaves inputs be."""
    before = _snapshot(inputs)
    files = sorted(inputs.iterdir())
    for path in files:
        for command in ("parse", "extract"):
            run([command, path, "-q", "--format", "jsonl"], capsys)
        for command in ("validate", "show", "render"):
            run(file_command(command, path), capsys)
        run(["render", path, "-o", inputs / "page.out.html"], capsys)
    for fmt in ("json", "brat", "jsonl", "csv", "citron", "jsonld"):
        run(["extract", inputs, "--output-dir", inputs, "--format", fmt, "-q"], capsys)
    run(["evaluate", inputs, inputs], capsys)
    after = _snapshot(inputs)
    assert before == {name: after[name] for name in before}


def test_render_never_overwrites_its_input(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """render -o naming its own input is refused before anything is written."""
    path = inputs / "report.json"
    before = path.read_bytes()
    assert_one_line_error(["render", path, "-o", path], capsys, path, "would overwrite it")
    assert before == path.read_bytes()


@pytest.mark.parametrize("where", ["folder", "missing folder"])
def test_render_to_a_bad_place_is_one_line(
    inputs: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    """render -o to a folder, or into a folder that does not exist: one line naming it."""
    target = inputs if where == "folder" else inputs / "nowhere" / "page.html"
    argv = ["render", inputs / "report.json", "-o", target]
    assert_one_line_error(argv, capsys, target)


def test_output_dir_equal_to_an_input_folder_of_reports_is_safe(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reports written as .json into a folder holding .json inputs never replace them."""
    before = _snapshot(inputs)
    run(["extract", inputs / "report.json", "--output-dir", inputs, "-q"], capsys)
    run(["extract", inputs, "--output-dir", inputs, "-q"], capsys)
    after = _snapshot(inputs)
    assert before == {name: after[name] for name in before}


@pytest.mark.parametrize("command", ["schema", "parsers", "formats"])
def test_commands_without_input_succeed(capsys: pytest.CaptureFixture[str], command: str) -> None:
    """schema, parsers and formats read nothing and always succeed."""
    code, errors = run([command], capsys)
    assert (code, errors) == (0, [])


@pytest.mark.parametrize("command", ["schema", "parsers", "formats", "extract", "render"])
def test_unknown_options_are_one_line(capsys: pytest.CaptureFixture[str], command: str) -> None:
    """An unknown option on any subcommand is a one-line usage error, exit 2."""
    with pytest.raises(SystemExit) as info:
        run([command, "x", "--no-such-option"], capsys)
    assert info.value.code == 2
    assert len(capsys.readouterr().err.splitlines()) == 1
