"""Metamorphic properties of confidence over generated sentences.

Each sentence is "<source> <cue> <content>." with its statement built by hand (the cue and
content spans are known), so the properties test the confidence rules alone.
"""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from newsclaims import Certainty, Confidence, Cue, Polarity, Report, Source, Span, Statement
from newsclaims.confidence import assess
from newsclaims.testing import reports

_RANK = {Certainty.UNKNOWN: 0, Certainty.POSSIBLE: 1, Certainty.PROBABLE: 2, Certainty.CERTAIN: 3}

SOURCES = ["The minister", "Police", "The company", "A spokeswoman", "Officials", "The union"]
CUES = ["said", "stated", "announced", "believe", "suggested", "claimed", "warned", "think"]
SUBJECTS = ["the plant", "the army", "the bank", "the talks", "the ship", "the mayor"]
#: (past tense, base form) of content verbs.
VERBS = [
    ("closed", "close"),
    ("withdrew", "withdraw"),
    ("collapsed", "collapse"),
    ("sank", "sink"),
    ("paid", "pay"),
    ("moved", "move"),
    ("grew", "grow"),
]
ADVERBS = ["", "probably ", "clearly ", "perhaps ", "reportedly ", "apparently ", "quietly "]
TAILS = ["", " last week", " on Monday", " in March", " after the vote", " overnight"]
UNRELATED = ["The weather was mild.", "Markets were shut for the holiday.", "It rained again."]


@attrs.frozen
class Sentence:
    """One generated sentence, in pieces."""

    source: str
    cue: str
    subject: str
    adverb: str
    verb: tuple[str, str]
    tail: str

    def content(self, *, may: bool = False, negated: bool = False) -> str:
        past, base = self.verb
        if may:
            verb = f"may not {base}" if negated else f"may {base}"
        else:
            verb = f"did not {base}" if negated else past
        return f"{self.subject} {self.adverb}{verb}{self.tail}"


sentences = st.builds(
    Sentence,
    st.sampled_from(SOURCES),
    st.sampled_from(CUES),
    st.sampled_from(SUBJECTS),
    st.sampled_from(ADVERBS),
    st.sampled_from(VERBS),
    st.sampled_from(TAILS),
)


def read(source: str, cue: str, content: str, before: str = "", after: str = "") -> Confidence:
    """Build '<before> <source> <cue> <content>. <after>' and read its one statement."""
    prefix = f"{before} " if before else ""
    start = len(prefix)
    text = f"{prefix}{source} {cue} {content}."
    cue_start = start + len(source) + 1
    content_start = cue_start + len(cue) + 1
    if after:
        text += f" {after}"
    statement = Statement(
        "S1",
        Source([Span(start, start + len(source))]),
        Cue([Span(cue_start, cue_start + len(cue))]),
        [Span(content_start, content_start + len(content))],
    )
    confidence = assess(Report(text, statements=[statement])).statements[0].confidence
    assert confidence is not None
    return confidence


@given(sentences, st.booleans())
def test_may_never_raises_certainty(s: Sentence, negated: bool) -> None:
    """Putting 'may' before the content's main verb never makes the source more certain."""
    plain = read(s.source, s.cue, s.content(negated=negated))
    hedged = read(s.source, s.cue, s.content(may=True, negated=negated))
    assert _RANK[hedged.certainty] <= _RANK[plain.certainty]


@given(sentences)
def test_denied_makes_polarity_negative(s: Sentence) -> None:
    """Replacing 'said' by 'denied' turns a positive content negative."""
    said = read(s.source, "said", s.content())
    denied = read(s.source, "denied", s.content())
    assert said.polarity == Polarity.POSITIVE
    assert denied.polarity == Polarity.NEGATIVE


@given(sentences)
def test_negating_the_content_flips_polarity(s: Sentence) -> None:
    """'did not' in the content turns positive into negative, and a denial's negative back."""
    for cue in (s.cue, "denied"):
        plain = read(s.source, cue, s.content())
        negated = read(s.source, cue, s.content(negated=True))
        flipped = {Polarity.POSITIVE: Polarity.NEGATIVE, Polarity.NEGATIVE: Polarity.POSITIVE}
        assert flipped[plain.polarity] == negated.polarity


def _shifted(confidence: Confidence, by: int) -> Confidence:
    evidence = [
        attrs.evolve(e, span=Span(e.span.start + by, e.span.end + by)) for e in confidence.evidence
    ]
    return attrs.evolve(confidence, evidence=evidence)


@given(sentences, st.sampled_from(UNRELATED), st.booleans())
def test_unrelated_sentence_changes_nothing(s: Sentence, other: str, before: bool) -> None:
    """An unrelated sentence before or after the statement leaves its confidence as it was."""
    alone = read(s.source, s.cue, s.content())
    if before:
        got = read(s.source, s.cue, s.content(), before=other)
        assert _shifted(alone, len(other) + 1) == got
    else:
        assert alone == read(s.source, s.cue, s.content(), after=other)


@given(reports())
def test_any_report_is_assessed(report: Report) -> None:
    """Any valid report gets a confidence on every statement; gradings kept, evidence in text."""
    done = assess(report)
    assert len(done.statements) == len(report.statements)
    for before, statement in zip(report.statements, done.statements, strict=True):
        assert statement.confidence is not None
        kept = before.confidence.grading if before.confidence else None
        assert statement.confidence.grading == kept
        for evidence in statement.confidence.evidence:
            assert evidence.span.end <= len(done.text)
