"""Properties of the extractor over arbitrary news-like text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclaims.extraction import extract_report, segment
from newsclaims.model import Report

# Pieces that exercise every rule: names, cues, quote marks of all kinds, punctuation.
_PIECES = [
    "Smith",
    "the mayor",
    "officials",
    "he",
    "said",
    "says",
    "told",
    "reporters",
    "that",
    "according to",
    "believe",
    "denied",
    "did not confirm",
    "saying",
    "the plan",
    "is dead",
    "will pass",
    "Mr.",
    "U.S.",
    ",",
    ".",
    ":",
    ";",
    '"',
    "“",
    "”",
    "''",
    "'",
    "‘",
    "’",
    "—",
    "\n",
    "\n\n",
    "?",
    "!",
    "(",
    ")",
    "In Iowa",
    "Harlan:",
    "who",
    "and",
    "but",
    "which",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=60).map(" ".join) | st.text(max_size=200)

_TAIL = "\n\nThe weather stayed mild all week."


@settings(deadline=None, max_examples=300)
@given(texts)
def test_every_span_lies_inside_the_text(text: str) -> None:
    """Every span of every statement lies inside the text (the report validates it)."""
    report = extract_report(Report(text))
    assert all(0 <= span.start <= span.end <= len(text) for _path, span in report.iter_spans())


@settings(deadline=None, max_examples=300)
@given(texts)
def test_content_never_overlaps_its_cue(text: str) -> None:
    """No statement's content overlaps its own cue."""
    report = extract_report(Report(text))
    for s in report.statements:
        assert not any(c.overlaps(q) for c in s.content for q in s.cue.spans)


@settings(deadline=None, max_examples=200)
@given(texts)
def test_no_statement_is_nested_in_itself(text: str) -> None:
    """Following ``nested_in`` never comes back to where it started."""
    report = extract_report(Report(text))
    parent = {s.id: s.nested_in for s in report.statements}
    for ident, first in parent.items():
        seen = {ident}
        step = first
        while step is not None:
            assert step not in seen
            seen.add(step)
            step = parent[step]


@settings(deadline=None, max_examples=200)
@given(texts)
def test_same_input_same_output(text: str) -> None:
    """The extractor is deterministic."""
    assert extract_report(Report(text)) == extract_report(Report(text))


@settings(deadline=None, max_examples=200)
@given(texts)
def test_appending_unrelated_text_keeps_earlier_statements(text: str) -> None:
    """A paragraph added at the end does not change the statements before it."""
    before = extract_report(Report(text)).statements
    after = extract_report(Report(text + _TAIL)).statements
    assert before == after[: len(before)]


@settings(deadline=None, max_examples=200)
@given(texts)
def test_segmentation_covers_only_text(text: str) -> None:
    """Sentences lie inside paragraphs, and paragraphs inside the text, in order."""
    seg = segment(text)
    ends = [0]
    for lo, hi in seg.sentences:
        assert ends[-1] <= lo <= hi <= len(text)
        assert any(p0 <= lo and hi <= p1 for p0, p1 in seg.paragraphs)
        ends.append(hi)


def test_runs_of_quote_marks_stay_bounded() -> None:
    """A long run of stray quote marks neither crashes nor swallows the next paragraph."""
    text = '"' * 5001 + " he said\n\nThe mayor said the roads were closed."
    report = extract_report(Report(text))
    last = report.statements[-1]
    assert report.text_of(last.content) == "the roads were closed"
