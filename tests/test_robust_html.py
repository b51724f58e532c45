"""Hostile HTML: external entities never resolved, remote resources never fetched, deep nesting.

Every test runs with the network cut off (any connection attempt fails the test), and with a
local "secret" file that an external entity tries to pull into the text.
"""

from __future__ import annotations

import importlib.util
import socket
from pathlib import Path
from typing import Any

import pytest

import newsclaims
from newsclaims import views
from tests._cli_helpers import run

PARSERS = ["html"] + (["trafilatura"] if importlib.util.find_spec("trafilatura") else [])
PRIVATE_TEXT = "PRIVATE-FILE-CONTENT"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Make every attempt to reach the network fail loudly, and record it."""
    attempts: list[object] = []

    def refuse(*args: Any, **_kwargs: Any) -> Any:
        attempts.append(args)
        msg = f"newsclaims tried to reach the network: {args!r}"
        raise AssertionError(msg)

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A local file an external entity points at."""
    path = tmp_path / "secret.txt"
    path.write_text(PRIVATE_TEXT, encoding="utf-8")
    return path


def _xxe_page(secret: Path) -> str:
    return (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">'
        '<!ENTITY remote SYSTEM "http://example.invalid/x.dtd">'
        '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
        "<html><head><title>Talks</title></head><body><article>"
        "<h1>Talks resume</h1><p>&xxe; &remote; &lol2; “We will respond,” Smith said.</p>"
        "</article></body></html>"
    )


REMOTE_PAGE = (
    "<html><head>"
    '<script src="http://example.invalid/a.js"></script>'
    '<link rel="stylesheet" href="http://example.invalid/s.css">'
    '<meta http-equiv="refresh" content="0; url=http://example.invalid/">'
    '<base href="http://example.invalid/">'
    "</head><body><article><h1>Talks resume</h1>"
    '<img src="http://example.invalid/a.png" srcset="http://example.invalid/b.png 2x">'
    '<iframe src="http://example.invalid/frame"></iframe>'
    '<video src="http://example.invalid/v.mp4"></video>'
    "<p>“We will respond,” Smith said.</p>"
    '<script>fetch("http://example.invalid/track")</script>'
    "</article></body></html>"
)


@pytest.mark.parametrize("parser", PARSERS)
def test_external_entities_are_never_resolved(parser: str, secret: Path) -> None:
    """A DOCTYPE declaring external (and expanding) entities pulls nothing into the text."""
    report = newsclaims.read(_xxe_page(secret), parser=parser)
    assert PRIVATE_TEXT not in report.text
    assert "lollol" not in report.text
    assert "We will respond" in report.text


@pytest.mark.parametrize("parser", PARSERS)
def test_remote_resources_are_never_fetched(parser: str, no_network: list[object]) -> None:
    """Scripts, images, frames and stylesheets are never fetched; no script text is kept."""
    report = newsclaims.read(REMOTE_PAGE, parser=parser)
    assert no_network == []
    assert "fetch(" not in report.text
    assert len(report.statements) == 1


def test_rendered_page_refers_to_nothing_remote() -> None:
    """render writes a self-contained page: none of the article's remote addresses."""
    page = views.render_html(newsclaims.read(REMOTE_PAGE))
    assert "example.invalid" not in page


def test_cli_reads_the_xxe_page_without_the_secret(
    tmp_path: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On the command line too the secret never reaches the output."""
    page = tmp_path / "page.html"
    page.write_text(_xxe_page(secret), encoding="utf-8")
    code, errors = run(["extract", page, "-q"], capsys)
    assert (code, errors) == (0, [])
    assert PRIVATE_TEXT not in capsys.readouterr().out


@pytest.mark.parametrize(
    "page",
    [
        "<div>" * 50_000 + "<p>“Hi,” Smith said.</p>" + "</div>" * 50_000,
        "<b>" * 50_000 + "“Hi,” Smith said.",
        "<p>a" * 50_000,
        "<p " + " ".join(f"a{i}=x" for i in range(50_000)) + ">Smith said so.</p>",
        "<!--" * 10_000 + "<p>Smith said so.</p>",
        "<table>" * 20_000 + "<td>Smith said so.",
        "&" * 100_000 + "&#x110000; &#0; &#xD800; &#99999999999;",
    ],
    ids=[
        "nested divs",
        "unclosed tags",
        "many paragraphs",
        "many attributes",
        "comments",
        "tables",
        "bad character references",
    ],
)
def test_pathological_pages_give_a_valid_report(page: str) -> None:
    """Deep nesting, unclosed tags and bad character references end with a valid report."""
    report = newsclaims.read(page, parser="html")
    for path, span in report.iter_spans():
        assert 0 <= span.start <= span.end <= len(report.text), path
    newsclaims.dumps(report).encode("utf-8")
