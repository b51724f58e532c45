"""Properties of every parser: only FormatError, spans inside the text, deterministic output."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclaims import FormatError, Report, parsers

_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
BUILT_IN = ["text", "html", "json", "jsonl", "records", "brat"]

_pieces = st.sampled_from(
    [
        "Talks resume",
        "RELATED",
        "Advertisement",
        "(AP Photo/Evan Vucci)",
        "By Jane Doe",
        "ABSTRACT.",
        "Iran denied it, officials said.",
        "“Quoted,” he said.",
        "U.S. support",
        "<p>",
        "</p>",
        "<br>",
        "<h1>",
        "</h1>",
        "<figcaption>",
        "<script>x</script>",
        "&amp;",
        "&xxe;",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "\t",
        "\xa0",
        "{",
        '"text":',
        "T1\tSource 0 4\t",
    ]
)
articles = st.lists(_pieces | st.text(max_size=12), max_size=30).map("".join)


def _check(report: Report) -> None:
    for path, span in report.iter_spans():
        assert 0 <= span.start <= span.end <= len(report.text), path


@pytest.mark.parametrize("name", BUILT_IN)
@given(data=st.binary(max_size=300) | articles.map(lambda t: t.encode("utf-8")))
def test_bytes_give_a_report_or_a_format_error(name: str, data: bytes) -> None:
    """On any bytes, every parser returns a valid report or raises FormatError."""
    try:
        report = parsers.parse(data, parser=name)
    except FormatError:
        return
    _check(report)


@pytest.mark.parametrize("name", BUILT_IN)
@given(text=articles | st.text(max_size=300))
def test_text_gives_a_report_or_a_format_error(name: str, text: str) -> None:
    """On any text, every parser returns a valid report or raises FormatError."""
    try:
        report = parsers.parse(text, parser=name)
    except FormatError:
        return
    _check(report)


@given(text=articles)
def test_sniffed_parse_is_deterministic(text: str) -> None:
    """Parsing the same input twice gives equal reports (and the same parser)."""
    try:
        first = parsers.parse(text)
    except FormatError:
        return
    assert first == parsers.parse(text)


@given(text=articles)
def test_plain_text_is_kept_exactly(text: str) -> None:
    """The text parser never alters the text it is given."""
    try:
        report = parsers.parse(text, parser="text")
    except FormatError:
        return
    assert text == report.text


@given(paragraphs=st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=6))
def test_html_paragraphs_keep_their_words(paragraphs: list[str]) -> None:
    """Each HTML paragraph appears in the text with its HTML whitespace collapsed."""
    page = "<html><body><article>"
    page += "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page += "</article></body></html>"
    try:
        report = parsers.parse(page, parser="html")
    except FormatError:
        return
    for paragraph in paragraphs:
        assert _HTML_SPACE.sub(" ", paragraph).strip() in report.text
