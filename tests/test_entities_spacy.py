"""The spaCy adapter, for real: a blank English pipeline with an entity ruler (no model)."""

from __future__ import annotations

from typing import Any

import pytest

from newsclaims.entities import SpacyRecogniser, find_entities, from_spacy
from newsclaims.model import EntityKind, Report

spacy = pytest.importorskip(
    "spacy", reason="spaCy is an optional extra: pip install newsclaims[spacy]"
)

TEXT = (
    "The Wall Street Journal reported that Sean Savett of the White House spoke. "
    "Savett said Iranian officials in Tehran and Isfahan denied it."
)
PATTERNS = [
    {"label": "ORG", "pattern": "The Wall Street Journal"},
    {"label": "PERSON", "pattern": "Sean Savett"},
    {"label": "PERSON", "pattern": "Savett"},
    {"label": "ORG", "pattern": "White House"},
    {"label": "NORP", "pattern": "Iranian"},
    {"label": "GPE", "pattern": "Tehran"},
    {"label": "GPE", "pattern": "Isfahan"},
    {"label": "DATE", "pattern": "it"},
]


def _nlp() -> Any:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(PATTERNS)
    return nlp


def _read(report: Report) -> list[tuple[str, str, int]]:
    return [(e.name, e.kind.value, len(e.mentions)) for e in report.entities]


def test_spacy_entities_become_our_entities() -> None:
    """doc.ents become entities with our kinds; the gazetteer refines names and kinds."""
    report = find_entities(Report(TEXT), recogniser=SpacyRecogniser(_nlp()))
    assert _read(report) == [
        ("The Wall Street Journal", "news_outlet", 1),
        ("Sean Savett", "person", 2),
        ("White House", "government", 1),
        ("Iran", "country", 2),
        ("Isfahan", "location", 1),
    ]


def test_labels_can_be_remapped() -> None:
    """A user's label map decides the kinds of names the gazetteer does not know."""
    labels = {"GPE": EntityKind.COUNTRY}
    report = find_entities(Report(TEXT), recogniser=SpacyRecogniser(_nlp(), labels))
    assert _read(report) == [("Iran", "country", 1), ("Isfahan", "country", 1)]


def test_parsed_doc_is_used_as_it_is() -> None:
    """A Doc already parsed gives the same entities as the pipeline."""
    nlp = _nlp()
    from_doc = find_entities(Report(TEXT), recogniser=from_spacy(nlp(TEXT)))
    from_nlp = find_entities(Report(TEXT), recogniser=from_spacy(nlp))
    assert from_nlp == from_doc


def test_doc_of_another_text_is_refused() -> None:
    """A Doc parsed from a different text is an error, not silently wrong offsets."""
    recogniser = from_spacy(_nlp()("Another text."))
    with pytest.raises(ValueError, match="different text"):
        find_entities(Report(TEXT), recogniser=recogniser)


def test_spacy_source_links_to_its_entity() -> None:
    """Statements are tied to spaCy's entities as to the rules' ones."""
    from newsclaims import extraction  # noqa: PLC0415 -- only this test needs the extractor

    report = find_entities(
        extraction.extract_report(Report(TEXT)), recogniser=SpacyRecogniser(_nlp())
    )
    linked = {report.text_of(s.source.mentions): s.source.entity_ids for s in report.statements}
    assert [report.entity(ref).name for ref in linked["Savett"]] == ["Sean Savett"]
