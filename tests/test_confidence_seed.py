"""The seed article: every required statement's certainty and polarity, statement by statement.

The statements are built by hand from the expected reading's source, cue and content
substrings (and its nesting), so this checks the confidence rules, not the extractor.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

import newsclaims
from newsclaims import Cue, Report, Source, Statement
from newsclaims.confidence import assess
from tests.conftest import SEED_ARTICLE, SEED_EXPECTED, nearest


def _expected() -> list[dict[str, Any]]:
    data = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    statements: list[dict[str, Any]] = data["statements"]
    return statements


@cache
def _assessed() -> Report:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    statements = []
    for expected in _expected():
        content = nearest(text, expected["content"], 0)
        cue = nearest(text, expected["cue"], content.start)
        source = nearest(text, expected["source"], cue.start)
        statements.append(
            Statement(
                expected["id"],
                Source([source]),
                Cue([cue]),
                [content],
                nested_in=expected["nested_in"],
            )
        )
    return assess(Report(text, statements=statements))


@pytest.mark.parametrize(
    "expected", [s for s in _expected() if s["required"]], ids=lambda s: str(s["id"])
)
def test_required_statement_confidence(expected: dict[str, Any]) -> None:
    """The statement's certainty is one of those expected and its polarity is the expected one."""
    report = _assessed()
    confidence = report.statement(expected["id"]).confidence
    assert confidence is not None
    got = (confidence.certainty.value, confidence.polarity.value)
    assert got[0] in expected["certainty"], (expected["content"], got)
    assert expected["polarity"] == got[1], (expected["content"], got)


@cache
def _pipeline_reading() -> Report:
    return assess(newsclaims.read(SEED_ARTICLE))


@pytest.mark.parametrize(
    "expected", [s for s in _expected() if s["required"]], ids=lambda s: str(s["id"])
)
def test_required_statement_confidence_through_the_pipeline(expected: dict[str, Any]) -> None:
    """Read by the extractor and then assessed, the statement's confidence is as expected."""
    report = _pipeline_reading()
    text = report.text
    content = nearest(text, expected["content"], 0)
    cue = nearest(text, expected["cue"], content.start)
    hits = [
        s
        for s in report.statements
        if any(c.overlaps(cue) for c in s.cue.spans) and any(c.overlaps(content) for c in s.content)
    ]
    if not hits:
        pytest.skip("the extractor does not find this statement")
    confidence = hits[0].confidence
    assert confidence is not None
    got = (confidence.certainty.value, confidence.polarity.value)
    assert got[0] in expected["certainty"], (expected["content"], got)
    assert expected["polarity"] == got[1], (expected["content"], got)
