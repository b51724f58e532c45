"""The terminal views say counts in good English: "1 mention", "2 mentions", "1 entity"."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclaims import Cue, Entity, EntityKind, Report, Source, Span, Statement, dump, views
from newsclaims.cli import main

TEXT = "Iran denied it. Iran said so. Iran spoke."
#: Where "Iran" stands in TEXT, and where each statement's cue and content are.
IRAN = [Span(0, 4), Span(16, 20), Span(30, 34)]
CLAUSES = [(Span(5, 11), Span(12, 14)), (Span(21, 25), Span(26, 28)), (Span(35, 40), Span(35, 40))]


def _report(statements: int, entities: int, mentions: int) -> Report:
    """A report with that many statements and entities, each entity with that many mentions."""
    return Report(
        TEXT,
        statements=[
            Statement(f"S{n + 1}", Source([IRAN[n]]), Cue([cue]), [content])
            for n, (cue, content) in enumerate(CLAUSES[:statements])
        ],
        entities=[
            Entity(f"E{n + 1}", f"Iran {n + 1}", EntityKind.COUNTRY, IRAN[:mentions])
            for n in range(entities)
        ],
    )


def _said(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def test_show_says_one_mention(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`newsclaims show` lists an entity mentioned once as "1 mention"."""
    path = tmp_path / "report.json"
    dump(_report(1, 1, 1), path)
    assert main(["show", str(path), "--plain"]) == 0
    assert "  E1  Iran 1 (country, 1 mention)" in capsys.readouterr().out.splitlines()


@given(st.integers(0, 3), st.integers(0, 2), st.integers(1, 3))
def test_plain_view_counts_agree_with_their_numbers(
    statements: int, entities: int, mentions: int
) -> None:
    """Every count in the plain view is singular for one and plural otherwise."""
    lines = views.render_plain(_report(statements, entities, mentions)).splitlines()
    heading = f"{_said(statements, 'statement', 'statements')}, "
    heading += _said(entities, "entity", "entities")
    assert heading == lines[1]
    counted = [line.rsplit(", ", 1)[1] for line in lines if line.startswith("  E")]
    assert [_said(mentions, "mention", "mentions") + ")"] * entities == counted


@pytest.mark.parametrize("n", [1, 2])
def test_rich_view_titles_agree_with_their_numbers(n: int) -> None:
    """The rich view's table titles say "1 statement" and "1 entity", "2 statements"..."""
    pytest.importorskip("rich")
    out = views.render_rich(_report(n, n, 1), width=120, color=False)
    statements, entities = _said(n, "statement", "statements"), _said(n, "entity", "entities")
    assert statements in out
    assert entities in out
    assert "1 statements" not in out
    assert "1 entities" not in out
