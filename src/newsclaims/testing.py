"""Hypothesis strategies for the newsclaims model, public so you can test your own code.

Every strategy draws valid objects: spans inside their text, unique ids, references that
resolve, nesting without cycles. Combine them with ``@given``:

>>> from hypothesis import given
>>> from newsclaims import dumps, loads
>>> @given(reports())
... def test_round_trip(report):
...     assert loads(dumps(report)) == report
>>> test_round_trip()

Requires the ``hypothesis`` package (in the ``test`` extra).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import strategies as st

from newsclaims.model import (
    Attribute,
    AttributeKind,
    Caption,
    Certainty,
    Confidence,
    Credibility,
    Cue,
    CueKind,
    Entity,
    EntityKind,
    Evidence,
    EvidenceKind,
    Form,
    Grading,
    Likelihood,
    Metadata,
    Polarity,
    Reliability,
    Report,
    Source,
    SourceKind,
    Span,
    Stance,
    Statement,
    Structure,
)

__all__ = [
    "article_texts",
    "confidences",
    "cues",
    "entities",
    "metadata",
    "reports",
    "sources",
    "spans",
    "statements",
    "structures",
]

_SMALL = 4  # list sizes stay small: examples stay readable and shrink well


def article_texts(max_size: int = 400) -> st.SearchStrategy[str]:
    """Draw article-like text: words, punctuation, quotes, newlines and some non-ASCII."""
    word = st.sampled_from(
        [
            "Iran",
            "said",
            "officials",
            "“",
            "”",
            '"',
            "'",
            "denied",
            "the",
            "may",
            "reports",
            "Savett",
            "é",
            "—",
            "\n\n",
            "\n",
            ".",
            ",",
            ":",
            "according to",
            "believe",
            "🙂",
        ]
    )
    built = st.lists(word, max_size=max_size // 6).map(" ".join)
    return st.one_of(built, st.text(max_size=max_size))


def spans(text_length: int) -> st.SearchStrategy[Span]:
    """Draw a span inside a text of ``text_length`` characters (possibly empty)."""
    return (
        st.tuples(
            st.integers(0, text_length),
            st.integers(0, text_length),
        )
        .map(sorted)
        .map(lambda pair: Span(pair[0], pair[1]))
    )


def _span_tuples(text_length: int, *, min_size: int = 0) -> st.SearchStrategy[tuple[Span, ...]]:
    return st.lists(spans(text_length), min_size=min_size, max_size=_SMALL).map(tuple)


_IDS = st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,5}", fullmatch=True)
_NAMES = st.text(max_size=20)


def structures(text_length: int) -> st.SearchStrategy[Structure]:
    """Draw a structure whose parts lie inside a text of ``text_length`` characters."""
    optional = st.none() | spans(text_length)
    captions = st.builds(Caption, spans(text_length), optional)
    return st.builds(
        Structure,
        headline=optional,
        standfirst=optional,
        captions=st.lists(captions, max_size=2).map(tuple),
        paragraphs=_span_tuples(text_length),
        boilerplate=_span_tuples(text_length),
    )


def _aware_datetimes() -> st.SearchStrategy[datetime]:
    offsets = st.integers(-12 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
    return st.datetimes(
        min_value=datetime(1900, 1, 1),
        max_value=datetime(2200, 1, 1),
        timezones=st.just(UTC) | offsets,
    )


def metadata() -> st.SearchStrategy[Metadata]:
    """Draw article metadata, with aware times and hex SHA-256 digests."""
    optional_text = st.none() | _NAMES
    return st.builds(
        Metadata,
        publisher=optional_text,
        authors=st.lists(_NAMES, max_size=3).map(tuple),
        published=st.none() | _aware_datetimes(),
        url=optional_text,
        language=st.none() | st.sampled_from(["en", "en-GB", "fr"]),
        origin=optional_text,
        sha256=st.none() | st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
        encoding=st.none() | st.sampled_from(["utf-8", "cp1252"]),
    )


def sources(text_length: int, entity_ids: tuple[str, ...] = ()) -> st.SearchStrategy[Source]:
    """Draw a source whose mentions lie in the text and whose entities are among ``entity_ids``."""
    linked = (
        st.lists(st.sampled_from(entity_ids), max_size=2, unique=True).map(tuple)
        if entity_ids
        else st.just(())
    )
    return st.builds(Source, _span_tuples(text_length), st.sampled_from(SourceKind), linked)


def cues(text_length: int) -> st.SearchStrategy[Cue]:
    """Draw a cue inside a text of ``text_length`` characters."""
    return st.builds(
        Cue,
        _span_tuples(text_length),
        st.sampled_from(["say", "deny", "according to", "believe", ""]),
        st.sampled_from(Stance),
        st.sampled_from(CueKind),
        st.booleans(),
    )


def confidences(text_length: int) -> st.SearchStrategy[Confidence]:
    """Draw a confidence, with evidence spans inside the text and sometimes a grading."""
    evidence = st.builds(Evidence, st.sampled_from(EvidenceKind), spans(text_length))
    grading = st.builds(
        Grading, st.none() | st.sampled_from(Reliability), st.none() | st.sampled_from(Credibility)
    )
    return st.builds(
        Confidence,
        st.sampled_from(Certainty),
        st.sampled_from(Polarity),
        st.none() | st.sampled_from(Likelihood),
        st.lists(evidence, max_size=3).map(tuple),
        st.none() | grading,
    )


def entities(text_length: int, entity_id: str) -> st.SearchStrategy[Entity]:
    """Draw an entity with id ``entity_id`` whose mentions lie in the text."""
    attribute = st.builds(Attribute, st.sampled_from(AttributeKind), spans(text_length))
    return st.builds(
        Entity,
        st.just(entity_id),
        _NAMES,
        st.sampled_from(EntityKind),
        _span_tuples(text_length),
        st.lists(_NAMES, max_size=2).map(tuple),
        st.lists(attribute, max_size=2).map(tuple),
    )


def statements(
    text_length: int,
    statement_id: str,
    *,
    earlier_ids: tuple[str, ...] = (),
    entity_ids: tuple[str, ...] = (),
) -> st.SearchStrategy[Statement]:
    """Draw a statement; it may be nested in one of ``earlier_ids`` and mention ``entity_ids``.

    Nesting only in earlier statements keeps every drawn report free of cycles.
    """
    nested = st.none() | (st.sampled_from(earlier_ids) if earlier_ids else st.none())
    mentioned = (
        st.lists(st.sampled_from(entity_ids), max_size=3, unique=True).map(tuple)
        if entity_ids
        else st.just(())
    )
    return st.builds(
        Statement,
        st.just(statement_id),
        sources(text_length, entity_ids),
        cues(text_length),
        _span_tuples(text_length, min_size=1),
        st.sampled_from(Form),
        st.none() | confidences(text_length),
        nested,
        mentioned,
    )


@st.composite
def reports(draw: st.DrawFn, text: st.SearchStrategy[str] | None = None) -> Report:
    """Draw a whole valid report: text, structure, metadata, entities and statements.

    Args:
        draw: supplied by hypothesis.
        text: a strategy for the article text; :func:`article_texts` by default.
    """
    body = draw(text if text is not None else article_texts())
    n = len(body)
    entity_ids = tuple(f"E{i}" for i in range(1, draw(st.integers(0, _SMALL)) + 1))
    drawn_entities = tuple(draw(entities(n, eid)) for eid in entity_ids)
    drawn_statements: list[Statement] = []
    for i in range(1, draw(st.integers(0, _SMALL)) + 1):
        earlier = tuple(s.id for s in drawn_statements)
        drawn_statements.append(
            draw(statements(n, f"S{i}", earlier_ids=earlier, entity_ids=entity_ids))
        )
    return Report(
        body,
        structure=draw(structures(n)),
        metadata=draw(metadata()),
        statements=tuple(drawn_statements),
        entities=drawn_entities,
    )
