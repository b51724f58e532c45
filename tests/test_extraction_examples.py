"""Example sentences, one per construction, with their expected readings in a data file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsclaims.extraction import extract_report
from newsclaims.model import Report

_EXAMPLES = json.loads(
    (Path(__file__).parent / "data" / "extraction" / "examples.json").read_text(encoding="utf-8")
)["examples"]


def _reading(report: Report) -> list[dict[str, Any]]:
    index = {s.id: i for i, s in enumerate(report.statements)}
    out = []
    for s in report.statements:
        row: dict[str, Any] = {
            "source": report.text_of(s.source.mentions),
            "cue": report.text_of(s.cue.spans),
            "content": [span.text_of(report.text) for span in s.content],
            "form": s.form.value,
            "source_kind": s.source.kind.value,
        }
        if s.nested_in is not None:
            row["nested_in"] = index[s.nested_in]
        out.append(row)
    return out


@pytest.mark.parametrize("example", _EXAMPLES, ids=[e["name"] for e in _EXAMPLES])
def test_example(example: dict[str, Any]) -> None:
    """Each construction is read as its data file says."""
    report = extract_report(Report(example["text"]))
    assert example["statements"] == _reading(report)


def test_negated_cue_is_marked() -> None:
    """A negated cue carries ``negated`` and its stance."""
    report = extract_report(Report("The minister did not deny that talks had failed."))
    (statement,) = report.statements
    assert (statement.cue.negated, statement.cue.stance.value) == (True, "negating")


def test_stance_comes_from_the_lexicon() -> None:
    """Cue stances follow the lexicon: claimed distances, confirmed endorses."""
    report = extract_report(
        Report("The firm claimed that sales rose. The bank confirmed that rates fell.")
    )
    assert [s.cue.stance.value for s in report.statements] == ["distancing", "endorsing"]


def test_cue_kinds() -> None:
    """Verb, phrase, participle and colon cues are told apart."""
    text = (
        "The mayor said the roads were closed. According to the police, two cars crashed.\n\n"
        'The chief left, saying the storm was over.\n\nHarlan: "We are ready."'
    )
    report = extract_report(Report(text))
    kinds = [s.cue.kind.value for s in report.statements]
    assert kinds == ["verb", "phrase", "participle", "colon"]


def test_statement_ids_follow_text_order() -> None:
    """Ids run S1, S2, ... in the order of the text."""
    report = extract_report(Report("Ann said it rained. Bo said it snowed. Cy said it hailed."))
    assert [s.id for s in report.statements] == ["S1", "S2", "S3"]
