"""The seed article: every required statement of its expected reading, read right.

The expected reading (``seeds/*.expected.json``) gives sources, cues and contents as exact
substrings of the article. A statement is read right when some extracted statement's content
covers the expected content (token Dice >= 0.5), its cue shares a token with the expected
cue, and its source has token Dice >= 0.5 with the expected source: the same criteria as the
project's shared seed checker and PolNeAR scorer.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import pytest

import newsclaims
from newsclaims import Report, Span
from tests.conftest import SEED_ARTICLE, SEED_EXPECTED

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")


@cache
def _reading() -> Report:
    return newsclaims.read(SEED_ARTICLE)


def _expected() -> list[dict[str, Any]]:
    data = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    return [s for s in data["statements"] if s["required"]]


def _tokens(text: str, spans: tuple[Span, ...] | list[Span]) -> frozenset[int]:
    return frozenset(
        i
        for i, m in enumerate(_TOKEN.finditer(text))
        if any(m.end() > s.start and m.start() < s.end for s in spans)
    )


def _dice(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def _locate(text: str, needle: str, near: int = 0) -> Span:
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    assert starts, f"expected text not in the article: {needle!r}"
    best = min(starts, key=lambda s: abs(s - near))
    return Span(best, best + len(needle))


@pytest.mark.parametrize("expected", _expected(), ids=lambda s: str(s["id"]))
def test_required_statement_is_read_right(expected: dict[str, Any]) -> None:
    """The statement is found, with its source and its cue right."""
    report = _reading()
    text = report.text
    content = _locate(text, expected["content"])
    gold_content = _tokens(text, [content])
    gold_cue = _tokens(text, [_locate(text, expected["cue"], content.start)])
    gold_source = _tokens(text, [_locate(text, expected["source"], content.start)])
    best = max(
        report.statements,
        key=lambda s: _dice(gold_content, _tokens(text, s.content)),
        default=None,
    )
    assert best is not None
    found = {
        "content": report.text_of(best.content),
        "cue": report.text_of(best.cue.spans),
        "source": report.text_of(best.source.mentions),
    }
    assert _dice(gold_content, _tokens(text, best.content)) >= 0.5, found
    assert gold_cue & _tokens(text, best.cue.spans), found
    assert _dice(gold_source, _tokens(text, best.source.mentions)) >= 0.5, found
