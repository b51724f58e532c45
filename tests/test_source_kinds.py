"""Source kinds of pronoun sources: a pronoun takes the kind of the source it refers to."""

from __future__ import annotations

import pytest

from newsclaims.extraction import extract_report
from newsclaims.model import Report


def _kinds(text: str) -> list[tuple[str, str]]:
    report = extract_report(Report(text))
    return [(report.text_of(s.source.mentions), s.source.kind.value) for s in report.statements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Experts said the bridge was safe. They added that repairs would wait.",
            [("Experts", "unspecified"), ("They", "unspecified")],
        ),
        (
            "Unnamed officials said the talks had stalled. They added that no date was set.",
            [("Unnamed officials", "anonymous"), ("They", "anonymous")],
        ),
        (
            "Sean Savett said the plan was ready. He added that funding was secured.",
            [("Sean Savett", "named"), ("He", "named")],
        ),
        (
            "A senior official said the vote would pass. She added that it was close.",
            [("A senior official", "anonymous"), ("She", "anonymous")],
        ),
        (
            "A new report said wages rose. It added that prices rose faster.",
            [("A new report", "unspecified"), ("It", "unspecified")],
        ),
    ],
    ids=["experts-they", "unnamed-they", "name-he", "official-she", "report-it"],
)
def test_pronoun_takes_its_antecedents_kind(text: str, expected: list[tuple[str, str]]) -> None:
    """A pronoun source has the kind of the earlier source it refers back to."""
    assert expected == _kinds(text)


def test_pronoun_in_the_same_sentence() -> None:
    """``but they acknowledged`` refers to the subject of the first clause."""
    text = "Some analysts have suggested the dam could hold, but they acknowledged it was old."
    expected = [("Some analysts", "unspecified"), ("they", "unspecified")]
    assert expected == _kinds(text)


def test_they_skips_a_singular_source() -> None:
    """``they`` passes over a singular source to the plural one before it."""
    text = "Economists said rates would fall. Mayor Dana Ortiz said taxes would not. They added X."
    expected = ["unspecified", "named", "unspecified"]
    assert expected == [k for _, k in _kinds(text)]


def test_he_skips_a_plural_source() -> None:
    """``he`` passes over a plural source to the person before it."""
    text = "Mayor Dana Ortiz said taxes would stay. Critics said they would rise. He added X."
    expected = ["named", "unspecified", "named"]
    assert expected == [k for _, k in _kinds(text)]


def test_pronoun_without_antecedent_is_named() -> None:
    """A pronoun with no earlier source is named: it stands for someone the text has named."""
    expected = [("They", "named")]
    assert expected == _kinds("Aides were unhappy. They said the trip was off.")


def test_antecedent_only_in_the_paragraph_before() -> None:
    """An antecedent two paragraphs back is too far: the pronoun falls back to named."""
    text = "Experts said the bridge was safe.\n\nThe river rose.\n\nThey added that it would hold."
    expected = ["unspecified", "named"]
    assert expected == [k for _, k in _kinds(text)]


def test_antecedent_in_the_previous_paragraph() -> None:
    """An antecedent in the paragraph just before counts."""
    text = "Experts said the bridge was safe.\n\nThey added that repairs would wait."
    expected = ["unspecified", "unspecified"]
    assert expected == [k for _, k in _kinds(text)]


def test_relative_pronoun_takes_its_nouns_kind() -> None:
    """``Analysts, who said X, ...``: the relative pronoun has the kind of its noun."""
    text = "The plan drew scorn from analysts, who said it would fail."
    expected = [("who", "unspecified")]
    assert expected == _kinds(text)
