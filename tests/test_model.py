"""The model: construction checks, whole-report validation, equality, hashing, pickling."""

from __future__ import annotations

import itertools
import pickle
from datetime import datetime
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclaims import (
    Certainty,
    Confidence,
    Credibility,
    Cue,
    Entity,
    EntityKind,
    Grading,
    Likelihood,
    Metadata,
    Polarity,
    Reliability,
    Report,
    Source,
    SourceKind,
    Span,
    Statement,
    Structure,
    ValidationError,
)
from newsclaims.testing import reports

TEXT = "Iran has denied involvement."


def _statement(sid: str = "S1", **changes: Any) -> Statement:
    base = Statement(
        sid, Source([Span(0, 4)], SourceKind.NAMED), Cue([Span(9, 15)], "deny"), [Span(16, 27)]
    )
    return attrs.evolve(base, **changes)


@given(reports())
def test_reports_pickle_round_trip(report: Report) -> None:
    """Pickling gives back an equal report with the same hash."""
    again = pickle.loads(pickle.dumps(report))  # noqa: S301 -- our own bytes
    assert again == report
    assert hash(again) == hash(report)


@given(reports())
def test_every_span_of_a_report_lies_in_its_text(report: Report) -> None:
    """Whatever the strategy draws, every span is inside the text."""
    assert all(span.end <= len(report.text) for _, span in report.iter_spans())


@given(st.integers(-50, 50), st.integers(-50, 50))
def test_span_accepts_exactly_ordered_non_negative_offsets(start: int, end: int) -> None:
    """A span is built if and only if 0 <= start <= end."""
    if 0 <= start <= end:
        assert Span(start, end).end - Span(start, end).start == end - start
    else:
        with pytest.raises(ValidationError):
            Span(start, end)


@pytest.mark.parametrize("value", ["3", 3.0, True, None])
def test_span_rejects_non_integers(value: object) -> None:
    """Offsets must be real integers, not strings, floats or booleans."""
    with pytest.raises(ValidationError, match="is not an integer"):
        Span(value, 5)  # type: ignore[arg-type]


def test_span_error_names_field_and_values() -> None:
    """The message says which offset is wrong and why."""
    with pytest.raises(ValidationError) as info:
        Span(5, 2)
    assert str(info.value) == "end: 2 is before start 5"
    assert (info.value.path, info.value.value) == ("end", 2)


def test_report_rejects_span_past_end_of_text() -> None:
    """A span past the end of the text is an error naming the place, never a clip."""
    statement = _statement(content=[Span(16, 99)])
    with pytest.raises(ValidationError) as info:
        Report(TEXT, statements=[statement])
    assert str(info.value) == (
        "statements[0].content[0].end: 99 is past the end of the text (28 characters)"
    )


def test_report_rejects_duplicate_statement_ids() -> None:
    """Two statements cannot share an id."""
    with pytest.raises(ValidationError, match=r"statements\[1\]\.id: 'S1' is used twice"):
        Report(TEXT, statements=[_statement(), _statement()])


def test_report_rejects_unknown_nested_in() -> None:
    """nested_in must name a statement of the report."""
    with pytest.raises(ValidationError, match="'S9' is not the id of any statement"):
        Report(TEXT, statements=[_statement(nested_in="S9")])


def test_report_rejects_nesting_cycle() -> None:
    """A statement cannot be nested in itself, directly or through others."""
    cycle = [
        _statement("S1", nested_in="S3"),
        _statement("S2", nested_in="S1"),
        _statement("S3", nested_in="S2"),
    ]
    with pytest.raises(ValidationError, match="nested in itself"):
        Report(TEXT, statements=cycle)


def test_report_accepts_a_long_nesting_chain() -> None:
    """A chain of a thousand statements each nested in the previous one is valid."""
    chain = [_statement("S0")] + [
        _statement(f"S{i}", nested_in=f"S{i - 1}") for i in range(1, 1000)
    ]
    assert len(Report(TEXT, statements=chain).statements) == 1000


def test_report_rejects_unknown_entity_reference() -> None:
    """A source's entity id must name an entity of the report."""
    statement = _statement(source=Source([Span(0, 4)], SourceKind.NAMED, ["E1"]))
    with pytest.raises(ValidationError, match=r"statements\[0\]\.source\.entity_ids\[0\]: 'E1'"):
        Report(TEXT, statements=[statement])


def test_report_accepts_resolving_entity_reference() -> None:
    """With the entity present, the same reference is valid."""
    iran = Entity("E1", "Iran", EntityKind.COUNTRY, [Span(0, 4)])
    statement = _statement(source=Source([Span(0, 4)], SourceKind.NAMED, ["E1"]), entity_ids=["E1"])
    report = Report(TEXT, statements=[statement], entities=[iran])
    assert report.entity("E1") == iran


def test_report_rejects_duplicate_entity_ids() -> None:
    """Two entities cannot share an id."""
    iran = Entity("E1", "Iran", EntityKind.COUNTRY)
    with pytest.raises(ValidationError, match="is used twice"):
        Report(TEXT, entities=[iran, iran])


def test_statement_needs_content() -> None:
    """A statement without content is not a statement."""
    with pytest.raises(ValidationError, match="content: needs at least one span"):
        _statement(content=[])


def test_sequences_are_normalised_to_tuples() -> None:
    """Lists become tuples, so objects stay hashable."""
    assert _statement().content == (Span(16, 27),)
    assert isinstance(hash(_statement()), int)


def test_a_string_is_not_a_sequence_of_ids() -> None:
    """A bare string where ids are expected is reported, not split into characters."""
    with pytest.raises(ValidationError, match="entity_ids"):
        _statement(entity_ids="E1")


def test_enum_fields_reject_plain_strings() -> None:
    """Enum fields take the enum, so typos cannot slip in."""
    with pytest.raises(ValidationError, match="is not a SourceKind"):
        Source([], "named")  # type: ignore[arg-type]


def test_metadata_needs_aware_times() -> None:
    """A publication time without a time zone is ambiguous and refused."""
    with pytest.raises(ValidationError, match="has no time zone"):
        Metadata(published=datetime(2024, 1, 19))


def test_metadata_checks_sha256() -> None:
    """The digest must be 64 lower-case hex characters."""
    with pytest.raises(ValidationError, match="not a lower-case SHA-256"):
        Metadata(sha256="abc")


def test_text_must_be_a_string() -> None:
    """A number is not article text."""
    with pytest.raises(ValidationError, match="text: 42 is not a string"):
        Report(42)  # type: ignore[arg-type]


def test_structure_spans_are_checked_against_the_text() -> None:
    """Structure spans are part of the whole-report check."""
    with pytest.raises(ValidationError, match=r"structure\.paragraphs\[0\]\.end"):
        Report("Hi.", structure=Structure(paragraphs=[Span(0, 10)]))


@pytest.mark.parametrize(
    ("code", "reliability", "credibility"),
    [
        ("A1", Reliability.COMPLETELY_RELIABLE, Credibility.CONFIRMED),
        ("f6", Reliability.CANNOT_BE_JUDGED, Credibility.CANNOT_BE_JUDGED),
        ("C3", Reliability.FAIRLY_RELIABLE, Credibility.POSSIBLY_TRUE),
    ],
)
def test_grading_reads_admiralty_codes(
    code: str, reliability: Reliability, credibility: Credibility
) -> None:
    """Admiralty codes map to the two scales and back."""
    grading = Grading.of_code(code)
    assert (grading.reliability, grading.credibility) == (reliability, credibility)
    assert grading.code == code.upper()


@pytest.mark.parametrize("code", ["G1", "A7", "A", "AB1", ""])
def test_grading_rejects_bad_codes(code: str) -> None:
    """Codes outside A-F / 1-6 are refused with a message listing the valid ones."""
    with pytest.raises(ValidationError):
        Grading.of_code(code)


def test_likelihood_ranges_cover_icd_203_in_order() -> None:
    """The ICD 203 ranges rise from 1% to 99% without gaps."""
    ranges = [member.range for member in Likelihood]
    assert ranges[0][0] == 0.01
    assert ranges[-1][1] == 0.99
    assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))


def test_confidence_defaults_to_certain_positive() -> None:
    """An assessed confidence without hedges is a plain, committed assertion."""
    assert (Confidence().certainty, Confidence().polarity) == (Certainty.CERTAIN, Polarity.POSITIVE)


def test_report_text_of_joins_discontinuous_spans() -> None:
    """Discontinuous content reads as its pieces joined."""
    assert Report(TEXT).text_of([Span(0, 4), Span(9, 15)], sep="|") == "Iran|denied"


def test_spans_order_by_start_then_end() -> None:
    """Spans sort in text order."""
    assert sorted([Span(4, 9), Span(0, 5), Span(0, 2)]) == [Span(0, 2), Span(0, 5), Span(4, 9)]


@given(reports())
def test_fast_span_bound_agrees_with_the_span_walk(report: Report) -> None:
    """The quick end-of-text check sees exactly the spans the path walk yields."""
    from newsclaims.model import _max_end  # noqa: PLC0415 -- a private helper under test

    walked = max((span.end for _, span in report.iter_spans()), default=0)
    assert _max_end(report) == walked


@attrs.frozen
class _MarkedSpan(Span):
    """A user's subclass of Span, to check that the validators' fast tests still admit it."""

    mark: str = ""


def test_validators_accept_subclasses_of_model_classes() -> None:
    """A subclass instance passes the detailed checks the fast test leaves to them."""
    statement = _statement(content=[_MarkedSpan(16, 27, "x")], entity_ids=("E1",))
    assert _MarkedSpan(16, 27, "x") == statement.content[0]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"entity_ids": ("E1", "E 2")}, "entity_ids[1]: 'E 2' is not an id (non-empty, no spaces)"),
        ({"entity_ids": ("E1", 2)}, "entity_ids[1]: 2 is not a string"),
        ({"content": (Span(0, 1), (2, 3))}, "content[1]: (2, 3) is not a Span"),
        ({"nested_in": "S 1"}, "nested_in: 'S 1' is not an id (non-empty, no spaces)"),
        ({"form": "direct"}, "form: 'direct' is not a Form (direct, indirect, mixed)"),
        ({"confidence": "sure"}, "confidence: 'sure' is not a Confidence"),
    ],
)
def test_validator_messages_name_the_field_and_the_item(
    changes: dict[str, Any], message: str
) -> None:
    """The fast tests fall through to the detailed checks, which name the place exactly."""
    with pytest.raises(ValidationError) as info:
        _statement(**changes)
    assert message == str(info.value)
