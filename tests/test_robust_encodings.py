"""Broken text: empty, blank, binary, legacy encodings, controls, line ends, bidi, emoji.

Each input goes through the Python front doors (str and bytes) and the command line, and gives
either a correct report or a documented error (a FormatError; exit 2 with one line).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclaims
from newsclaims import FormatError
from tests._cli_helpers import assert_one_line_error, run

QUOTE = "“We will respond,” Smith said."

#: Inputs that are text, however odd: each must give a report keeping the text exactly.
TEXTS = {
    "empty": "",
    "whitespace only": " \n\t\r\n \u3000",
    "CR line ends": f"{QUOTE}\r{QUOTE}\r",
    "CRLF line ends": f"{QUOTE}\r\n\r\n{QUOTE}\r\n",
    "mixed line ends": f"{QUOTE}\n{QUOTE}\r\n{QUOTE}\r{QUOTE}\u2028{QUOTE}\u2029{QUOTE}\x85",
    "bidi controls": f"\u202e{QUOTE}\u202c \u2067“مرحبا,” Smith said.\u2069\u200f",
    "emoji": "“We will respond 👨‍👩‍👧 🇺🇸,” Smith 😀 said.",
    "combining marks": "“Café,” Zoë said.",
    "one stray control": f"{QUOTE} " * 20 + "\x07" + f" {QUOTE}" * 20,
}

#: Inputs that are not text: each must be refused with a FormatError naming the problem.
NOT_TEXT = {
    "NUL": (b"Smith said\x00 so.", "binary data"),
    "binary": (bytes(range(256)) * 4, "binary data"),
    "control characters": (b"\x01\x02\x03\x04 Smith said so.", "binary data"),
    "bad byte-order mark": (b"\xff\xfe\x00\xd8", "byte-order mark"),
    "zip header": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary data"),
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_odd_text_is_kept_exactly(text: str) -> None:
    """Text with odd line ends, controls, bidi marks or emoji is read and kept exactly."""
    report = newsclaims.read(text, parser="text")
    assert text == report.text
    for path, span in report.iter_spans():
        assert 0 <= span.start <= span.end <= len(text), path


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_odd_text_as_utf8_bytes_reads_the_same(text: str) -> None:
    """The same text as UTF-8 bytes gives the same text and statements."""
    from_text = newsclaims.read(text, parser="text")
    from_bytes = newsclaims.read(text.encode("utf-8"), parser="text")
    assert (from_text.text, from_text.statements) == (from_bytes.text, from_bytes.statements)


def test_quotes_on_every_kind_of_line_end_are_found() -> None:
    """The same quotation is found once per line whatever ends the lines."""
    report = newsclaims.read(TEXTS["mixed line ends"])
    assert len(report.statements) == 6


@pytest.mark.parametrize(
    ("encoding", "declared"), [("cp1252", False), ("utf-16", False), ("iso-8859-7", True)]
)
def test_legacy_encodings_decode(encoding: str, declared: bool) -> None:
    """windows-1252 and UTF-16 decode by rule; another legacy encoding when the page says so."""
    text = '"Ναι," said Smith.' if encoding == "iso-8859-7" else "“Café,” said Zoë."
    body = f"<p>{text}</p>"
    page = f'<meta charset="{encoding}">{body}' if declared else body
    report = newsclaims.read(page.encode(encoding), parser="html" if declared else "text")
    assert text in report.text
    assert len(report.statements) == 1


@pytest.mark.parametrize(("data", "problem"), NOT_TEXT.values(), ids=NOT_TEXT.keys())
def test_binary_is_refused(data: bytes, problem: str) -> None:
    """Binary data and broken byte-order marks raise FormatError, never decode as text."""
    with pytest.raises(FormatError, match=problem):
        newsclaims.read(data)


def test_nul_in_text_is_refused() -> None:
    """A NUL character in str input is refused like NUL bytes."""
    with pytest.raises(FormatError, match="<string>: binary data"):
        newsclaims.read("Smith said\x00 so.")


def test_lone_surrogate_is_refused_with_its_place() -> None:
    """A lone surrogate (no file could hold it) is refused, naming where it is."""
    with pytest.raises(FormatError) as info:
        newsclaims.read("Smith said \udc80 so.")
    assert (
        str(info.value) == "<string>: not valid Unicode: a lone surrogate (U+DC80) at character 11"
    )


@pytest.mark.parametrize(("data", "problem"), NOT_TEXT.values(), ids=NOT_TEXT.keys())
@pytest.mark.parametrize("command", ["parse", "extract", "show", "render"])
def test_cli_refuses_binary_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, data: bytes, problem: str
) -> None:
    """On the command line binary input is exit 2 and one line naming the file."""
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    argv = [command, path, *(["-q"] if command in {"parse", "extract"} else [])]
    assert_one_line_error(argv, capsys, path, problem)


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_cli_reads_odd_text(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    """On the command line odd text is read and written out whole, exit 0."""
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    code, errors = run(["extract", path, "-q"], capsys)
    assert (code, errors) == (0, [])
    out = tmp_path / "out"
    assert run(["extract", path, "--output-dir", out, "-q"], capsys)[0] == 0
    assert text == newsclaims.load(out / "article.json").text


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_json_lines_keep_unicode_line_separators(separator: str) -> None:
    """JSON Lines split at LF and CR only: a report holding U+2028 (unescaped) reads back whole.

    JSON writes these separators as they are; splitting at them cut such a report in two.
    """
    reports = [newsclaims.read(f"“One,{separator}” Smith said."), newsclaims.Report("Two.")]
    lines = "".join(newsclaims.dumps(r) + "\n" for r in reports)
    for parser in ("jsonl", None):
        assert reports == list(newsclaims.parsers.iter_parse(lines, parser=parser))


def test_records_keep_unicode_line_separators() -> None:
    """Corpus records with U+2028 in their text read back whole."""
    records = '{"text": "A\u2028B said so."}\n{"text": "C."}\n'
    texts = [r.text for r in newsclaims.parsers.iter_parse(records, parser="records")]
    assert texts == ["A\u2028B said so.", "C."]


def test_cli_json_lines_round_trip_with_a_line_separator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON Lines corpus with U+2028 in a text goes through a run with no failure."""
    source = tmp_path / "corpus.jsonl"
    report = newsclaims.Report("“One,\u2028two,” Smith said.")
    source.write_text(newsclaims.dumps(report) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    argv = ["extract", source, "--format", "jsonl", "--output-dir", out, "-q"]
    assert run(argv, capsys) == (0, [])
    assert [report.text] == [r.text for r in newsclaims.iter_lines(out / "corpus.jsonl")]
