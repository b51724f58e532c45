"""The HTML parser on hand-made pages that mimic real news sites, and on hostile input."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from newsclaims import FormatError, Report, parsers

PAGES = Path(__file__).resolve().parent / "data" / "html"


def _reading(report: Report) -> dict[str, object]:
    structure = report.structure
    meta = report.metadata
    return {
        "headline": None if structure.headline is None else report.text_of(structure.headline),
        "standfirst": None
        if structure.standfirst is None
        else report.text_of(structure.standfirst),
        "captions": [
            [report.text_of(c.span), None if c.credit is None else report.text_of(c.credit)]
            for c in structure.captions
        ],
        "paragraphs": [report.text_of(p) for p in structure.paragraphs],
        "boilerplate": [report.text_of(b) for b in structure.boilerplate],
        "metadata": {
            "publisher": meta.publisher,
            "authors": list(meta.authors),
            "published": None if meta.published is None else meta.published.isoformat(),
            "url": meta.url,
            "language": meta.language,
        },
    }


@pytest.mark.parametrize("name", ["wire", "tabloid", "regional-cp1252"])
def test_page_reads_as_expected(name: str) -> None:
    """A saved news page gives the structure and metadata written beside it."""
    expected = json.loads((PAGES / f"{name}.expected.json").read_text(encoding="utf-8"))
    assert expected == _reading(parsers.parse(PAGES / f"{name}.html"))


@pytest.mark.parametrize("name", ["wire", "tabloid", "regional-cp1252"])
def test_furniture_never_reaches_the_text(name: str) -> None:
    """Scripts, cookie banners, share widgets, related lists and comments are not text."""
    text = parsers.parse(PAGES / f"{name}.html").text
    for junk in (
        "cookies",
        "dataLayer",
        "Share on",
        "Sanctions widen",
        "outrageous",
        "Most read",
        "not text",
        "You may like",
        "Accept all",
        "World",
        "©",
        "Obituaries",
        "Harbour plans",
        "popup",
    ):
        assert junk not in text


def test_external_entities_are_never_resolved() -> None:
    """A DOCTYPE's entities stay literal text; nothing is read from disk or network."""
    report = parsers.parse(PAGES / "hostile.html")
    assert (
        report.text
    ) == "Entities &xxe; stay text\n\nThe value &remote; is never fetched, officials said."


def test_truncated_page_still_reads() -> None:
    """A page cut off mid-tag gives the text up to the cut."""
    page = (PAGES / "wire.html").read_text(encoding="utf-8")
    cut = page[: page.index("speaking on condition") + 5]
    report = parsers.parse(cut, parser="html")
    assert report.text.endswith("US officials, speak")


def test_legacy_page_records_its_encoding() -> None:
    """A windows-1252 page saved as such is decoded as windows-1252, and says so."""
    assert parsers.parse(PAGES / "regional-cp1252.html").metadata.encoding == "cp1252"


def test_declared_legacy_charset_is_honoured() -> None:
    """A page declaring windows-1252 is decoded as such, and the encoding recorded."""
    page = '<html><head><meta charset="iso-8859-1"></head><body><h1>Caf\xe9 talks</h1>'
    page += "<p>\u201cNo,\u201d he said.</p></body></html>"
    report = parsers.parse(page.encode("cp1252"))
    assert (
        report.text,
        report.metadata.encoding,
    ) == ("Caf\xe9 talks\n\n\u201cNo,\u201d he said.", "cp1252")


def test_declared_charset_loses_to_valid_utf8() -> None:
    """A page that is valid UTF-8 is read as UTF-8 whatever it declares."""
    page = '<html><head><meta charset="windows-1251"></head><body><p>Caf\xe9</p></body></html>'
    assert parsers.parse(page.encode("utf-8")).metadata.encoding == "utf-8"


def test_headline_from_metadata_when_page_has_no_h1() -> None:
    """Without an <h1>, the headline comes from JSON-LD, OpenGraph or <title>."""
    page = "<html><head><title>Talks resume</title></head><body><p>They did.</p></body></html>"
    report = parsers.parse(page)
    assert report.text_of(report.structure.headline) == "Talks resume"  # type: ignore[arg-type]


def test_json_ld_time_is_aware() -> None:
    """datePublished is read as an aware time."""
    report = parsers.parse(PAGES / "wire.html")
    assert datetime.fromisoformat("2024-09-06T07:30:00+00:00") == report.metadata.published


@pytest.mark.parametrize(
    "page",
    [
        "",
        "<html>",
        "<!DOCTYPE html><html><body></body></html>",
        "<p>",
        "</div></div>",
        "<![CDATA[x]]><?php echo 1 ?>",
        "<" * 500,
        "<div>" * 2000 + "deep",
    ],
)
def test_odd_pages_give_a_report(page: str) -> None:
    """Empty, unclosed, stray-tag and deeply nested pages give a report, not a traceback."""
    report = parsers.parse(page, parser="html")
    assert isinstance(report, Report)


def test_binary_is_a_format_error() -> None:
    """Binary bytes sent to the HTML parser are a FormatError with one line."""
    with pytest.raises(FormatError, match=r"^x.html: binary data, not text"):
        parsers.parse(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", parser="html", origin="x.html")


def test_trafilatura_parser_when_installed() -> None:
    """With the html extra installed, trafilatura reads the page's article by name."""
    pytest.importorskip("trafilatura", exc_type=ImportError)
    report = parsers.parse(PAGES / "wire.html", parser="trafilatura")
    assert report.structure.headline is not None
    assert report.text_of(report.structure.headline) == "Iran denies arming Russia"
    assert "cookies" not in report.text


def test_broken_json_ld_falls_back_to_opengraph() -> None:
    """Unreadable JSON-LD is skipped; OpenGraph still gives the metadata."""
    page = '<html><head><script type="application/ld+json">{"@type": "NewsArticle",</script>'
    page += '<meta property="og:site_name" content="Bugle"></head><body><p>Hi.</p></body></html>'
    assert parsers.parse(page).metadata.publisher == "Bugle"
