"""The lexicon data files and their extension at call time."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from newsclaims.extraction import CueEntry, default_lexicon, extract_report
from newsclaims.extraction._lexicon import trie_pattern, word_list
from newsclaims.model import Report

_STANCES = {"neutral", "endorsing", "distancing", "negating"}


@pytest.mark.parametrize("name", ["verbs.tsv", "phrases.tsv", "nouns.tsv", "sources.tsv"])
def test_lexicon_files_carry_a_provenance_header(name: str) -> None:
    """Every lexicon file starts with comments saying who wrote it."""
    text = resources.files("newsclaims.lexicons").joinpath(name).read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("Written for newsclaims" in line for line in header)


def test_every_cue_has_a_known_stance() -> None:
    """Every cue form maps to a lemma and one of the four stances."""
    lexicon = default_lexicon()
    assert all(e.lemma and e.stance in _STANCES for e in lexicon.cues.values())


@pytest.mark.parametrize(
    ("form", "lemma", "stance"),
    [
        ("said", "say", "neutral"),
        ("told", "tell", "neutral"),
        ("denied", "deny", "negating"),
        ("alleged", "allege", "distancing"),
        ("revealed", "reveal", "endorsing"),
        ("according to", "according to", "neutral"),
    ],
)
def test_reporting_verbs_are_in_the_lexicon(form: str, lemma: str, stance: str) -> None:
    """Core reporting verbs are listed with their lemma and stance."""
    entry = default_lexicon().cues[form]
    assert (lemma, stance) == (entry.lemma, entry.stance)


def test_extra_verbs_are_read() -> None:
    """A verb passed at call time is a cue in all its regular forms."""
    text = "The critic opined that the film was long."
    assert extract_report(Report(text)).statements == ()
    report = extract_report(Report(text), extra_verbs=["opine"])
    assert [s.cue.lemma for s in report.statements] == ["opine"]


def test_extra_cue_entries_are_read() -> None:
    """Surface forms with their own entry can be added at call time."""
    report = extract_report(
        Report("The critic harrumphed that the film was long."),
        cues={"harrumphed": CueEntry("harrumph", "distancing")},
    )
    assert [(s.cue.lemma, s.cue.stance.value) for s in report.statements] == [
        ("harrumph", "distancing")
    ]


def test_trie_pattern_matches_exactly_its_forms() -> None:
    """The trie pattern matches every form and nothing longer."""
    pattern = re.compile(r"\b(?:" + trie_pattern(["a", "ab", "abc", "b"]) + r")\b")
    assert pattern.findall("a ab abc b abd") == ["a", "ab", "abc", "b"]


def test_function_word_lists_are_data() -> None:
    """Function-word lists come from the grammar data file."""
    assert "has" in word_list("auxiliaries")
    assert "who" in word_list("relatives")
