"""Big and pathological inputs: the size guard, megabyte lines, runs of quotes, capitals, chains.

Sizes stay at a few megabytes so that the suite stays fast; each input used to be (or could
plausibly be) slow, so a quadratic step would show as a test that never ends.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import newsclaims
from newsclaims import FormatError, Report
from newsclaims.parsers import DEFAULT_MAX_CHARS
from tests._cli_helpers import assert_one_line_error, run

LIMIT_PROBLEM = "longer than the limit of 100 "


def test_default_limit_is_five_million() -> None:
    """The documented default: five million characters."""
    assert DEFAULT_MAX_CHARS == 5_000_000


@pytest.mark.parametrize(
    "source",
    ["x" * 101, b"x" * 101, io.StringIO("x" * 101), io.BytesIO(b"x" * 101)],
    ids=["str", "bytes", "text stream", "byte stream"],
)
def test_parse_refuses_input_past_max_chars(source: str | bytes | io.IOBase) -> None:
    """Every kind of input longer than max_chars raises FormatError."""
    with pytest.raises(FormatError, match=LIMIT_PROBLEM):
        newsclaims.parse(source, max_chars=100)  # type: ignore[arg-type]


def test_input_at_the_limit_is_read() -> None:
    """An input of exactly max_chars characters is read."""
    assert len(newsclaims.read("x" * 100, max_chars=100).text) == 100


def test_multibyte_text_is_measured_in_bytes(tmp_path: Path) -> None:
    """A file is measured in bytes, before decoding: 60 characters of é are 120 bytes."""
    path = tmp_path / "a.txt"
    path.write_text("é" * 60, encoding="utf-8")
    with pytest.raises(FormatError, match=f"{path}: longer than the limit of 100 bytes"):
        newsclaims.parse(path, max_chars=100)
    assert len(newsclaims.parse(path, max_chars=120).text) == 60


def test_none_lifts_the_limit() -> None:
    """max_chars=None reads any length."""
    assert len(newsclaims.parse("x" * 101, max_chars=None).text) == 101


def test_extract_refuses_a_long_report() -> None:
    """extract checks a parsed report's text against max_chars too."""
    with pytest.raises(FormatError, match="<report>: longer than the limit of 10 characters"):
        newsclaims.extract(Report("x" * 11), max_chars=10)


def test_read_refuses_before_extracting() -> None:
    """read passes max_chars to both steps."""
    with pytest.raises(FormatError, match="<string>: longer than the limit"):
        newsclaims.read("Smith said so." * 10, max_chars=100)


def test_endless_device_is_read_only_to_the_limit() -> None:
    """A file that never ends (/dev/zero) is refused after max_chars bytes, not read whole."""
    device = Path("/dev/zero")
    if not device.exists():
        pytest.skip("no /dev/zero here")
    with pytest.raises(FormatError, match="/dev/zero: longer than the limit of 1,000 bytes"):
        newsclaims.parse(device, max_chars=1000)


@pytest.mark.parametrize("command", ["parse", "extract", "show", "render", "validate"])
def test_cli_max_chars_refuses_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """--max-chars on every command that reads articles or reports: exit 2, one line."""
    path = tmp_path / "a.json"
    path.write_text(newsclaims.dumps(newsclaims.read("Smith said so. " * 20)), encoding="utf-8")
    argv = [
        command,
        path,
        "--max-chars",
        "100",
        *(["-q"] if command in {"parse", "extract"} else []),
    ]
    assert_one_line_error(argv, capsys, path, LIMIT_PROBLEM)


def test_cli_max_chars_zero_lifts_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--max-chars 0 means no limit."""
    path = tmp_path / "a.txt"
    path.write_text("Smith said so. " * 20, encoding="utf-8")
    assert run(["extract", path, "--max-chars", "0", "-q"], capsys)[0] == 0


def test_cli_max_chars_must_be_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad --max-chars value is a one-line usage error."""
    with pytest.raises(SystemExit) as info:
        run(["extract", "a.txt", "--max-chars", "lots"], capsys)
    assert info.value.code == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_long_json_lines_line_is_skipped_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a JSON Lines corpus a line past the limit is reported and the other lines are run."""
    small = newsclaims.dumps(Report("Smith said so."))
    big = newsclaims.dumps(Report("x" * 5000))
    source = tmp_path / "corpus.jsonl"
    source.write_text(f"{small}\n{big}\n{small}\n", encoding="utf-8")
    out = tmp_path / "out"
    argv = ["extract", source, "--format", "jsonl", "--output-dir", out, "--max-chars", "1000"]
    code, errors = run([*argv, "-q"], capsys)
    assert code == 2
    assert [
        f"newsclaims: error: {source}: line 2: longer than the limit of 1,000 bytes"
        " (raise it with --max-chars)"
    ] == errors
    assert len(list(newsclaims.iter_lines(out / "corpus.jsonl"))) == 2


def test_validate_reports_a_long_json_lines_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate reads JSON Lines a bounded line at a time and names the long line."""
    source = tmp_path / "corpus.jsonl"
    source.write_text(newsclaims.dumps(Report("x" * 5000)) + "\n", encoding="utf-8")
    argv = ["validate", source, "--max-chars", "1000"]
    assert_one_line_error(argv, capsys, source, "line 1: longer than the limit of 1,000 bytes")


# --------------------------------------------------------------------------- pathological text


PATHOLOGICAL = {
    # One line of two megabytes: no paragraph or sentence break to split on.
    "megabyte line": "word " * 400_000,
    "straight quote marks": '"' * 200_000,
    "curly quote marks": "“" * 100_000 + "”" * 100_000,
    "alternating quotes": '"a" ' * 50_000,
    "capitalised words": " ".join(f"Minister{i} Office" for i in range(5000)) + " said.",
    "one name repeated": "The " + "Smith " * 20_000 + "said it.",
    "said that chain": "Smith said that " * 1500 + "it rained.",
    "nested brackets": "(" * 100_000 + "Smith said so",
    "a million line ends": "\n" * 1_000_000,
    "sentence ends": ". " * 500_000,
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_text_gives_a_valid_report(text: str) -> None:
    """Megabyte lines and runs of quotes, capitals or cues end with a valid report."""
    report = newsclaims.read(text)
    assert text == report.text
    for path, span in report.iter_spans():
        assert 0 <= span.start <= span.end <= len(text), path


def test_said_that_chain_gives_one_statement_per_link() -> None:
    """Each link of a `said that` chain is a statement of its own."""
    assert len(newsclaims.read(PATHOLOGICAL["said that chain"]).statements) == 1500
