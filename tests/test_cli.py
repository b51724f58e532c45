"""The command line: exit codes, one-line errors, and the subcommands' output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsclaims
from newsclaims import Report, dumps
from newsclaims.cli import main
from tests.conftest import SEED_ARTICLE


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err.strip()


def test_validate_a_good_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A valid document exits 0 and says so."""
    path = tmp_path / "ok.json"
    path.write_text(dumps(Report("Hi.")), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: ok (0 statements, 0 entities)\n"


def test_validate_text_that_is_a_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A document whose text is a number exits 2 with one line naming file and place."""
    path = tmp_path / "bad.json"
    path.write_text('{"schema": "newsclaims/1", "text": 42}', encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    assert _error_line(capsys) == f"newsclaims: error: {path}: text: 42 is not a string"


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: p / "missing.json", "no such file"),
        (lambda p: p, "is a directory"),
    ],
)
def test_validate_missing_or_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, problem: str
) -> None:
    """A missing file or a directory is bad input, exit 2, one line."""
    target = make(tmp_path)  # type: ignore[operator]
    assert main(["validate", str(target)]) == 2
    assert _error_line(capsys) == f"newsclaims: error: {target}: {problem}"


def test_validate_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A .jsonl corpus is validated report by report."""
    path = tmp_path / "c.jsonl"
    path.write_text(dumps(Report("A.")) + "\n" + dumps(Report("B.")) + "\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: ok (2 reports)\n"


def test_parse_writes_a_report_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """parse prints the seed article's report as one JSON document."""
    assert main(["parse", str(SEED_ARTICLE)]) == 0
    report = newsclaims.loads(capsys.readouterr().out)
    assert report.text == SEED_ARTICLE.read_text(encoding="utf-8")


def test_parse_writes_files_to_an_output_dir(tmp_path: Path) -> None:
    """With --output-dir, each input becomes STEM.json there."""
    assert main(["parse", str(SEED_ARTICLE), "--output-dir", str(tmp_path)]) == 0
    written = newsclaims.load(tmp_path / f"{SEED_ARTICLE.stem}.json")
    assert written.metadata.origin == str(SEED_ARTICLE)


def test_parse_refuses_undecodable_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Binary input exits 2 with one line, never a traceback."""
    path = tmp_path / "blob.bin"
    path.write_bytes(b"\x00\xff\xfe\x00" * 100)
    assert main(["parse", str(path)]) == 2
    assert _error_line(capsys).startswith(f"newsclaims: error: {path}:")


def test_schema_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """schema prints the same schema as newsclaims.json_schema()."""
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == newsclaims.json_schema()


def test_parsers_lists_the_text_parser(capsys: pytest.CaptureFixture[str]) -> None:
    """parsers lists at least the built-in text parser."""
    assert main(["parsers"]) == 0
    assert any(line.split()[0] == "text" for line in capsys.readouterr().out.splitlines())


def test_version_through_a_real_subprocess() -> None:
    """The installed console script answers --version."""
    done = subprocess.run(
        [sys.executable, "-m", "newsclaims", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"newsclaims {newsclaims.__version__}")


def test_bad_input_through_a_real_subprocess(tmp_path: Path) -> None:
    """Through a real process: exit 2 and exactly one line on stderr, no traceback."""
    path = tmp_path / "bad.json"
    path.write_text('{"schema": "newsclaims/1", "text": 42}', encoding="utf-8")
    done = subprocess.run(  # noqa: S603 -- our own interpreter and module
        [sys.executable, "-m", "newsclaims", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == f"newsclaims: error: {path}: text: 42 is not a string\n"


def test_formats_lists_the_writers(capsys: pytest.CaptureFixture[str]) -> None:
    """formats lists every built-in writer."""
    assert main(["formats"]) == 0
    names = {line.split()[0] for line in capsys.readouterr().out.splitlines()}
    assert {"brat", "citron", "csv", "json", "jsonl", "jsonld"} <= names


@pytest.mark.parametrize("fmt", ["json", "jsonl", "brat", "citron", "jsonld", "csv"])
def test_extract_writes_every_format(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    """extract writes the seed in every built-in format, as the writer does."""
    assert main(["extract", str(SEED_ARTICLE), "--format", fmt]) == 0
    assert capsys.readouterr().out.strip()


def test_unknown_format_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --format exits 2 with one line listing the known ones."""
    assert main(["extract", str(SEED_ARTICLE), "--format", "docx"]) == 2
    assert _error_line(capsys).startswith("newsclaims: error: no output format 'docx' (known: ")


def test_negative_jobs_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """--jobs below 0 is bad input."""
    assert main(["extract", str(SEED_ARTICLE), "--jobs", "-1"]) == 2
    assert _error_line(capsys) == "newsclaims: error: --jobs -1: give 0 (one per core) or more"


def test_missing_article_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing article exits 2 with one line naming it, and nothing on standard output."""
    missing = tmp_path / "missing.txt"
    assert main(["extract", str(missing)]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"newsclaims: error: {missing}: no such file\n")


@pytest.mark.parametrize(
    "argv",
    [[], ["frobnicate"], ["extract"], ["extract", "x.txt", "--jobs", "many"]],
)
def test_usage_errors_are_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """A bad command line exits 2 with one error line, not a usage block."""
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    line = _error_line(capsys)
    assert line.startswith("newsclaims: error: ")
    assert line.endswith("--help)")
