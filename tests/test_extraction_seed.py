"""The seed article: every required statement found with its source and cue."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsclaims.extraction import extract_report
from newsclaims.model import Caption, Report, Span, Structure

_SEEDS = Path(__file__).parents[1] / "seeds"
_STEM = "000_25119c12359958b3"
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")


def _load() -> tuple[Report, dict[str, Any]]:
    text = (_SEEDS / f"{_STEM}.txt").read_text(encoding="utf-8")
    expected = json.loads((_SEEDS / f"{_STEM}.expected.json").read_text(encoding="utf-8"))
    sections = expected["sections"]

    def find(piece: str) -> Span:
        start = text.index(piece)
        return Span(start, start + len(piece))

    structure = Structure(
        headline=find(sections["headline"]),
        standfirst=find(sections["standfirst"]),
        captions=tuple(Caption(find(c)) for c in sections["captions"]),
        boilerplate=tuple(find(b) for b in sections["boilerplate"]),
    )
    return extract_report(Report(text, structure=structure)), expected


def _tokens(text: str, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    return {
        m.span()
        for m in _TOKEN.finditer(text)
        if any(m.start() < e and s < m.end() for s, e in spans)
    }


def _dice(a: set[tuple[int, int]], b: set[tuple[int, int]]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def _near(text: str, piece: str, near: int) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(piece), text)]
    best = min(starts, key=lambda s: abs(s - near))
    return best, best + len(piece)


if not (_SEEDS / f"{_STEM}.txt").exists():  # pragma: no cover - the seed ships with the repo
    pytest.skip("the seed article is not in this checkout", allow_module_level=True)

_REPORT, _EXPECTED = _load()
_REQUIRED = [s for s in _EXPECTED["statements"] if s["required"]]


@pytest.mark.parametrize("expected", _REQUIRED, ids=[s["id"] for s in _REQUIRED])
def test_required_statement_is_read(expected: dict[str, Any]) -> None:
    """The statement is found (content Dice >= 0.5) with its cue and source right."""
    text = _REPORT.text
    c0 = text.index(expected["content"])
    content = _tokens(text, [(c0, c0 + len(expected["content"]))])
    cue = _tokens(text, [_near(text, expected["cue"], c0)])
    source = _tokens(text, [_near(text, expected["source"], c0)])
    found = [
        (
            _dice(content, _tokens(text, [(c.start, c.end) for c in s.content])),
            _tokens(text, [(c.start, c.end) for c in s.cue.spans]),
            _tokens(text, [(m.start, m.end) for m in s.source.mentions]),
        )
        for s in _REPORT.statements
    ]
    score, got_cue, got_source = max(found, key=lambda f: f[0])
    assert (score >= 0.5, bool(cue & got_cue), _dice(source, got_source) >= 0.5) == (
        True,
        True,
        True,
    )


def test_nesting_follows_the_text() -> None:
    """The officials' belief is nested in the Journal's report."""
    by_cue = {_REPORT.text_of(s.cue.spans): s for s in _REPORT.statements}
    belief, journal = by_cue["believe"], by_cue["According to"]
    assert journal.id == belief.nested_in


def test_source_kinds() -> None:
    """Unnamed officials are anonymous, reports and experts unspecified, a spokesperson named."""
    kinds = {_REPORT.text_of(s.source.mentions): s.source.kind.value for s in _REPORT.statements}
    expected = {
        "unnamed US and European officials": "anonymous",
        "Reports": "unspecified",
        "Military experts": "unspecified",
        "White House National Security Council spokesperson Sean Savett": "named",
    }
    assert expected == {k: kinds[k] for k in expected}
