"""Views: the plain and rich terminal views, the HTML page, and `show` / `render`."""

from __future__ import annotations

import html
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

from newsclaims import (
    Certainty,
    Confidence,
    Cue,
    Entity,
    EntityKind,
    Polarity,
    Report,
    Source,
    SourceKind,
    Span,
    Statement,
    dump,
    views,
)
from newsclaims.cli import main
from newsclaims.testing import reports

TEXT = "According to Reuters, officials believe <Iran> may act. Iran denied it."


def example() -> Report:
    """A small report: a nested statement, a denial, confidences and an entity."""
    return Report(
        TEXT,
        statements=[
            Statement(
                "S1",
                Source([Span(13, 20)], SourceKind.NAMED),
                Cue([Span(0, 12)], "according to"),
                [Span(22, 54)],
                confidence=Confidence(Certainty.CERTAIN, Polarity.POSITIVE),
            ),
            Statement(
                "S2",
                Source([Span(22, 31)], SourceKind.ANONYMOUS),
                Cue([Span(32, 39)], "believe"),
                [Span(40, 54)],
                confidence=Confidence(Certainty.PROBABLE, Polarity.POSITIVE),
                nested_in="S1",
            ),
            Statement(
                "S3",
                Source([Span(56, 60)], SourceKind.NAMED, ["E1"]),
                Cue([Span(61, 67)], "deny"),
                [Span(68, 70)],
                confidence=Confidence(Certainty.CERTAIN, Polarity.NEGATIVE),
            ),
        ],
        entities=[Entity("E1", "Iran", EntityKind.COUNTRY, [Span(41, 45), Span(56, 60)])],
    )


# --------------------------------------------------------------------------- terminal


def test_plain_view() -> None:
    """The plain view is a table of statements and a list of entities, without colour."""
    rows = [
        "id  source     kind       cue           content                           form      "
        "certainty  polarity  in",
        "S1  Reuters    named      According to  officials believe <Iran> may act  indirect  "
        "certain    positive",
        "S2  officials  anonymous  believe       <Iran> may act                    indirect  "
        "probable   positive  S1",
        "S3  Iran       named      denied        it                                indirect  "
        "certain    negative",
    ]
    head = ["(untitled report)", "3 statements, 1 entity", ""]
    expected = "\n".join([*head, *rows, "", "entities:", "  E1  Iran (country, 2 mentions)"])
    assert expected == views.render_plain(example())


def test_rich_view_without_colour_has_no_escape_codes() -> None:
    """color=False gives the same layout with no ANSI escape codes."""
    pytest.importorskip("rich")
    out = views.render_rich(example(), width=120, color=False)
    assert ("\x1b[" in out, "officials believe" in out, "S3" in out) == (False, True, True)


def test_rich_view_colours_the_roles() -> None:
    """color=True colours the article's roles."""
    pytest.importorskip("rich")
    assert "\x1b[" in views.render_rich(example(), width=120, color=True)


_COLOUR_CODES = {*range(30, 39), *range(40, 49), *range(90, 98), *range(100, 108)}


def _colour_codes(output: str) -> set[int]:
    codes: set[int] = set()
    for params in re.findall(r"\x1b\[([0-9;]*)m", output):
        codes.update(int(p) for p in params.split(";") if p)
    return codes & _COLOUR_CODES


def _show_on_a_terminal(path: Path, env: dict[str, str]) -> str:
    leader, follower = pty.openpty()
    process = subprocess.Popen(  # noqa: S603 -- our interpreter and module
        [sys.executable, "-m", "newsclaims", "show", str(path), "--width", "100"],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", errors="replace")


@pytest.mark.parametrize("no_color", [False, True])
def test_show_on_a_terminal_respects_no_color(tmp_path: Path, no_color: bool) -> None:
    """On a terminal, show colours its output unless NO_COLOR is set."""
    pytest.importorskip("rich")
    path = tmp_path / "r.json"
    dump(example(), path)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color:
        env["NO_COLOR"] = "1"
    out = _show_on_a_terminal(path, env)
    assert ("officials" in out, bool(_colour_codes(out))) == (True, not no_color)


def test_show_plain_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`show --plain` prints the plain view of a stored report, as stored."""
    path = tmp_path / "r.json"
    dump(example(), path)
    assert main(["show", str(path), "--plain"]) == 0
    assert capsys.readouterr().out == views.render_plain(example()) + "\n"


def test_show_without_rich_falls_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without rich, show prints the plain view and says why on stderr."""
    monkeypatch.setattr(views, "has_rich", lambda: False)
    path = tmp_path / "r.json"
    dump(example(), path)
    assert main(["show", str(path)]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (
        views.render_plain(example()) + "\n",
        "newsclaims: rich is not installed; showing the plain view\n",
    )


def test_show_reads_an_article_and_extracts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Given an article rather than a report, show extracts its statements first."""
    path = tmp_path / "a.txt"
    path.write_text('"We will respond," Smith said.\n', encoding="utf-8")
    assert main(["show", str(path), "--plain"]) == 0
    assert "Smith" in capsys.readouterr().out


def test_show_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file exits 2 with one error line."""
    assert main(["show", str(tmp_path / "nope.json")]) == 2
    assert capsys.readouterr().err == f"newsclaims: error: {tmp_path / 'nope.json'}: no such file\n"


# --------------------------------------------------------------------------- html


def _article_text(page: str) -> str:
    body = page.split('<article id="article">', 1)[1].split("</article>", 1)[0]
    return html.unescape(re.sub(r"<[^>]*>", "", body))


def test_page_is_self_contained() -> None:
    """The page loads nothing: no external URL, no src or href, no @import or url()."""
    page = views.render_html(example())
    found = [p for p in ("http:", "https:", "src=", "href=", "@import", "url(") if p in page]
    assert found == []


def test_page_escapes_the_text() -> None:
    """Markup in the article is shown as text, never interpreted."""
    page = views.render_html(example())
    assert ("<Iran>" in page, "&lt;Iran&gt;" in page) == (False, True)


@given(reports())
@settings(max_examples=50)
def test_page_shows_the_whole_text(report: Report) -> None:
    """Whatever the spans, the article on the page is exactly the report's text."""
    assert report.text == _article_text(views.render_html(report))


def test_nested_statement_is_inside_its_parent() -> None:
    """S2, nested in S1, is listed inside S1's card and not in a group of its own."""
    page = views.render_html(example())
    s1 = page.index('data-id="S1"')
    s2 = page.index('data-id="S2"')
    s3 = page.index('data-id="S3"')
    assert (s1 < s2 < s3, page.count('data-id="S2"'), page.count('class="group"')) == (True, 1, 2)


def test_render_writes_the_page(tmp_path: Path) -> None:
    """`render FILE -o page.html` writes the page for a stored report."""
    path = tmp_path / "r.json"
    dump(example(), path)
    out = tmp_path / "page.html"
    assert main(["render", str(path), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == views.render_html(example())


def test_render_refuses_many_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A JSON Lines file of two reports cannot become one page: exit 2, one line."""
    path = tmp_path / "two.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        from newsclaims import dump_lines  # noqa: PLC0415 -- only here

        dump_lines([example(), example()], handle)
    assert main(["render", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"newsclaims: error: {path}: holds 2 reports; render reads one\n"
    )
