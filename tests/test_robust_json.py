"""Broken JSON: nested deeply, not ours, bad spans, unknown schema versions, truncated files.

Each goes through :func:`newsclaims.loads`, :func:`newsclaims.parse` and the commands that
read reports (``parse``, ``validate``, ``show``, ``render``, ``evaluate``): a FormatError, or
exit 2 with one line naming the file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsclaims
from newsclaims import FormatError
from tests._cli_helpers import assert_one_line_error

GOOD = newsclaims.dumps(newsclaims.read("“We will respond,” Smith said."))


def _with(**changes: object) -> str:
    document = json.loads(GOOD)
    document.update(changes)
    return json.dumps(document)


def _first_span_set(start: float, end: float) -> str:
    document = json.loads(GOOD)
    document["statements"][0]["cue"]["spans"][0] = [start, end]
    return json.dumps(document)


#: Broken documents, each with the problem its error names.
BROKEN = {
    "nested arrays": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "nested objects": ('{"a":' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
    "array": ("[1, 2, 3]", "expected a JSON object, found an array"),
    "null": ("null", "expected a JSON object, found null"),
    "not ours": ('{"foo": 1}', "no 'schema' key"),
    "span past the end": (_first_span_set(0, 10_000), "past the end of the text"),
    "negative offset": (_first_span_set(-3, 2), "start: -3 is negative"),
    "reversed offsets": (_first_span_set(9, 2), "end: 2 is before start 9"),
    "float offset": (_first_span_set(0, 2.5), r"statements\[0\]\.cue\.spans\[0\]"),
    "newer schema": (_with(schema="newsclaims/9"), "is newer than this newsclaims reads"),
    "unknown schema": (_with(schema="other/1"), "schema"),
    "text not a string": (_with(text=42), "text: 42 is not a string"),
    "extra key": (_with(surprise=1), "surprise"),
    "truncated": (GOOD[: len(GOOD) // 2], "not JSON"),
    "empty": ("", "not JSON"),
}


@pytest.mark.parametrize(("document", "problem"), BROKEN.values(), ids=BROKEN.keys())
def test_loads_refuses_broken_documents(document: str, problem: str) -> None:
    """loads raises FormatError naming the problem."""
    with pytest.raises(FormatError, match=problem):
        newsclaims.loads(document)


@pytest.mark.parametrize("document", [d for d, _ in BROKEN.values()], ids=BROKEN.keys())
def test_json_parser_refuses_broken_documents(document: str) -> None:
    """The json parser refuses the same documents with FormatError."""
    with pytest.raises(FormatError):
        newsclaims.parse(document, parser="json")


@pytest.mark.parametrize("document", [d for d, _ in BROKEN.values()], ids=BROKEN.keys())
@pytest.mark.parametrize("command", ["validate", "evaluate"])
def test_cli_validate_and_evaluate_refuse_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, document: str
) -> None:
    """validate and evaluate print one line naming the file; exit 2."""
    path = tmp_path / "report.json"
    path.write_text(document, encoding="utf-8")
    argv = [command, path] + ([path] if command == "evaluate" else [])
    assert_one_line_error(argv, capsys, path)


SCHEMA_BROKEN = {k: d for k, (d, _) in BROKEN.items() if k not in {"not ours", "empty"}}


@pytest.mark.parametrize("document", SCHEMA_BROKEN.values(), ids=SCHEMA_BROKEN.keys())
@pytest.mark.parametrize("command", ["parse", "show", "render"])
def test_cli_readers_refuse_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, document: str
) -> None:
    """parse, show and render of a broken report: one line naming the file; exit 2."""
    path = tmp_path / "report.json"
    path.write_text(document, encoding="utf-8")
    argv = [command, path, "--parser", "json", *(["-q"] if command == "parse" else [])]
    assert_one_line_error(argv, capsys, path)


def test_json_lines_with_a_binary_line_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate on JSON Lines with undecodable bytes names the line (was an internal error)."""
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(GOOD.encode() + b"\n" + b"\xff\xfe{}\n")
    assert_one_line_error(["validate", path], capsys, path, "line 2: not UTF-8")


def test_json_lines_with_a_truncated_last_line_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON Lines file cut off mid-line (a killed writer) names the broken line."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(f"{GOOD}\n{GOOD}\n{GOOD[:50]}", encoding="utf-8")
    assert_one_line_error(["validate", path], capsys, path, "line 3: not JSON")


def test_lone_surrogate_escape_is_refused_by_parse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON escape for a lone surrogate, which no output file could hold, is refused."""
    path = tmp_path / "report.json"
    path.write_text('{"schema": "newsclaims/1", "text": "a\\udc80b"}', encoding="utf-8")
    line = assert_one_line_error(["extract", path, "-q"], capsys, path, "lone surrogate")
    assert line.endswith("text: not valid Unicode: a lone surrogate (U+DC80) at character 1")
