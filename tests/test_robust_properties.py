"""Properties of the front doors on arbitrary input: a valid report or a documented error.

For any Unicode text and any bytes, :func:`newsclaims.read` returns a report whose every span
lies inside its text, the same report every time (in any thread), whose JSON validates against
the published schema and loads back equal; or it raises :class:`~newsclaims.FormatError`.
``HYPOTHESIS_PROFILE=fuzz`` (``make fuzz``) runs these with a much larger budget.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import newsclaims
from newsclaims import FormatError, Report, dumps, loads

_VALIDATOR = jsonschema.Draft202012Validator(newsclaims.json_schema())

# Pieces that stress the rules: quote marks of every kind, cue words, capitals, line ends of
# every kind, bidirectional controls, emoji (outside the BMP), markup and JSON openers.
_HOSTILE = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "'",
        " said ",
        " said that ",
        " told ",
        " according to ",
        "Smith",
        "The Ministry of Defence",
        "U.S.",
        "Mr.",
        ", he said.",
        ". ",
        "\n",
        "\n\n",
        "\r",
        "\r\n",
        "\u2028",
        "\u2029",
        "\u202e",
        "\u200f",
        "\u2066",
        "\ufeff",
        "\ud800",
        "\x0b",
        "\x1b",
        "\x85",
        "😀",
        "👨\u200d👩\u200d👧",
        "é",
        "\u0301",
        "<p>",
        "</p>",
        "<html>",
        "{",
        '{"schema": "newsclaims/1", "text": ',
        "[",
        "T1\tSource 0 4\t",
        "—",
        "(",
        ")",
    ]
)
hostile_texts = st.lists(_HOSTILE | st.text(max_size=8), max_size=40).map("".join)
any_texts = hostile_texts | st.text(max_size=400)
any_bytes = (
    st.binary(max_size=400)
    | any_texts.map(lambda t: t.encode("utf-8", "surrogatepass"))
    | any_texts.map(lambda t: t.encode("utf-16", "surrogatepass"))
    | any_texts.map(lambda t: t.encode("cp1252", "ignore"))
)


def _check_report(report: Report) -> None:
    """Assert what every report promises: spans inside, JSON valid, round trip equal."""
    for path, span in report.iter_spans():
        assert 0 <= span.start <= span.end <= len(report.text), path
        assert report.text[span.start : span.end] == report.text_of(span), path
    document = dumps(report)
    document.encode("utf-8")  # a file can hold it: no lone surrogates
    _VALIDATOR.validate(json.loads(document))
    assert report == loads(document)
    assert document == dumps(loads(document))


def _read_or_none(source: str | bytes) -> Report | None:
    try:
        return newsclaims.read(source)
    except FormatError:
        return None


@given(text=any_texts)
@example(text="")
@example(text=" \n\t ")
@example(text='"' * 501)
@example(text="\r\n".join(["“Hi,” Smith said.", "He said that they said that it rained."]))
@example(text="\u202e“Hi,” \u2066Smith said 😀.\u2028")
def test_read_text_gives_a_valid_report_or_a_format_error(text: str) -> None:
    """On any text, read returns a report that keeps its promises, or raises FormatError."""
    report = _read_or_none(text)
    if report is not None:
        _check_report(report)


@given(data=any_bytes)
@example(data=b"")
@example(data=b"\x00" * 10)
@example(data="“Hi,” Smith said, café.".encode("cp1252", "replace"))
@example(data=b"\xef\xbb\xbf")
@example(data=b"\xff\xfe\x00")
def test_read_bytes_gives_a_valid_report_or_a_format_error(data: bytes) -> None:
    """On any bytes, read returns a report that keeps its promises, or raises FormatError."""
    report = _read_or_none(data)
    if report is not None:
        _check_report(report)


@given(text=hostile_texts)
def test_read_is_deterministic_across_threads(text: str) -> None:
    """The same input gives the same report, run twice here and twice on other threads."""
    first = _read_or_none(text)
    with ThreadPoolExecutor(max_workers=2) as pool:
        others = list(pool.map(_read_or_none, [text, text]))
    assert [first, first, first] == [_read_or_none(text), *others]


@given(texts=st.lists(hostile_texts, min_size=1, max_size=3))
@example(texts=["“One,\u2028” Smith said.", "Two."])  # found: JSON Lines split at U+2028
@example(texts=["\x85", "\u2029"])
def test_json_lines_read_back_what_was_written(texts: list[str]) -> None:
    """Reports written as JSON Lines read back equal, one per line, whatever their text."""
    reports = [r for r in map(_read_or_none, texts) if r is not None]
    lines = "".join(dumps(report) + "\n" for report in reports)
    assert reports == list(newsclaims.parsers.iter_parse(lines, parser="jsonl"))


@given(text=any_texts)
@example(text="[" * 100_000)
@example(text='{"schema": "newsclaims/99", "text": ""}')
@example(text='{"schema": "newsclaims/1", "text": "\\ud800"}')
def test_loads_gives_a_report_or_a_format_error(text: str) -> None:
    """On any text, loads returns a valid report or raises FormatError."""
    try:
        report = loads(text)
    except FormatError:
        return
    _check_report(report)


def test_loads_refuses_a_lone_surrogate() -> None:
    """A document whose text holds a lone surrogate (no file can hold it) is refused."""
    with pytest.raises(FormatError):
        loads('{"schema": "newsclaims/1", "text": "\\ud800"}')


def test_parse_refuses_a_lone_surrogate() -> None:
    """parse refuses a text holding a lone surrogate, from str input or a JSON escape."""
    for source in ["Smith said \ud800.", '{"schema": "newsclaims/1", "text": "\\ud800"}']:
        with pytest.raises(FormatError, match="lone surrogate"):
            newsclaims.parse(source)


@given(text=any_texts, limit=st.integers(0, 500))
def test_max_chars_refuses_exactly_the_longer_inputs(text: str, limit: int) -> None:
    """Text longer than max_chars is refused with FormatError; shorter text is not refused."""
    if len(text) > limit:
        with pytest.raises(FormatError, match="longer than the limit"):
            newsclaims.parse(text, parser="text", max_chars=limit)
        return
    try:
        newsclaims.parse(text, parser="text", max_chars=limit)
        problem = ""
    except FormatError as exc:  # binary data, a lone surrogate: refused, but not for size
        problem = exc.problem
    assert "limit" not in problem
