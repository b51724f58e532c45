"""Metamorphic properties of confidence over generated sentences.

Each sentence is "<source> <cue> <content>." with its statement built by hand (the cue and
content spans are known), so the properties test the confidence rules alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclaims import Certainty, Confidence, Cue, Polarity, Report, Source, Span, Statement
from newsclaims.confidence import _rules as confidence_rules
from newsclaims.confidence import assess
from newsclaims.confidence._content import GAP, _owns_its_words
from newsclaims.confidence._lexicon import Token, tokenize
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


# Words for the equivalence below: hedges, negations, boosters, the pieces of longer phrases
# ("could not rule out", "it is possible that"), marks that end a clause or a sentence. No
# condition word ("if", "unless"): a condition inside a nested content is the nested
# statement's, which reading the whole nested content used to miss.
WORDS = [
    "may", "might", "not", "not", "never", "perhaps", "certainly", "could not be ruled out",
    "it is possible that", "more likely than not", "no doubt", "likely", "the plant closed",
    "the talks failed", ",", ".", ". The", "believe", "said", "did not",
]  # fmt: skip


def _full_tokens(
    text: str, statement: Statement, nested: Sequence[Statement], reach: int = 8
) -> tuple[list[Token], list[bool]]:
    """content_tokens as it was: every token of the content, nested ones flagged."""
    del reach  # every token is read
    inner = sorted(
        (span.start, span.end) for s in nested if _owns_its_words(s) for span in s.content
    )
    tokens: list[Token] = []
    flags: list[bool] = []
    previous = None
    for span in sorted(statement.content):
        if previous is not None:
            between = text[previous : span.start]
            tokens.append(
                ("." if any(c in between for c in ".!?") else GAP, span.start, span.start)
            )
            flags.append(False)
        previous = span.end
        for token in tokenize(span.text_of(text), span.start):
            tokens.append(token)
            flags.append(any(a < token[2] and token[1] < b for a, b in inner))
    return tokens, flags


@given(
    st.lists(st.sampled_from(WORDS), min_size=3, max_size=40),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=1, max_value=60),
)
def test_reading_the_edges_of_nested_contents_is_reading_them_whole(
    words: list[str], at: int, length: int
) -> None:
    """The outer statement's confidence is what it was when every nested token was read."""
    content = " ".join(words)
    words = content.split()  # phrases are drawn whole, so that nested edges fall inside them
    text = f"Officials said {content}"
    base = len("Officials said ")
    offsets = [base + m.start() for m in re.finditer(r"\S+", content)]
    ends = [base + m.end() for m in re.finditer(r"\S+", content)]
    cue_at = min(at, len(words) - 2)  # the nested cue is a word of the content...
    first, last = cue_at + 1, min(cue_at + length, len(words) - 1)  # ...its content after it
    statements = [
        Statement("S1", Source([Span(0, 9)]), Cue([Span(10, 14)]), [Span(base, len(text))]),
        Statement(
            "S2",
            Source(),
            Cue([Span(offsets[cue_at], ends[cue_at])]),
            [Span(offsets[first], ends[last])],
            nested_in="S1",
        ),
    ]
    report = Report(text, statements=statements)
    got = assess(report).statements[0].confidence
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(confidence_rules, "content_tokens", _full_tokens)
        expected = assess(report).statements[0].confidence
    assert got == expected


#: Words that would move a confidence if they were the outer statement's own.
LOADED = ["may", "might", "not", "never", "if", "unless", "perhaps", "certainly", "denied", "no"]
PLAIN = ["the", "plant", "ship", "a", "mayor", "army", "talks", "bank"]


@given(
    sentences,
    st.lists(st.sampled_from(LOADED + PLAIN), min_size=1, max_size=12),
    st.integers(min_value=0, max_value=12),
)
def test_words_deep_in_a_nested_content_belong_to_it(
    s: Sentence, middle: list[str], length: int
) -> None:
    """The outer statement reads its own words and the edges of a nested statement's content
    (where a phrase of its own may run in or out), never the nested content's inside."""
    edge = "the talks were long and the terms were hard and the vote was close"
    content = f"{s.subject} {s.verb[0]}"
    nested_words = f"{edge} {' '.join(middle)} {edge}"
    plain_words = f"{edge} {' '.join(['the'] * length)} {edge}"

    def outer_of(inside: str) -> Confidence:
        text = f"{s.source} {s.cue} that Jones believes {inside}, and {content}."
        cue = text.index(s.cue)
        believes = text.index("believes")
        statements = [
            Statement(
                "S1",
                Source([Span(0, len(s.source))]),
                Cue([Span(cue, cue + len(s.cue))]),
                [Span(cue + len(s.cue) + 1, len(text) - 1)],
            ),
            Statement(
                "S2",
                Source([Span(believes - 6, believes - 1)]),
                Cue([Span(believes, believes + 8)]),
                [Span(believes + 9, believes + 9 + len(inside))],
                nested_in="S1",
            ),
        ]
        confidence = assess(Report(text, statements=statements)).statements[0].confidence
        assert confidence is not None
        return confidence

    loaded, plain = outer_of(nested_words), outer_of(plain_words)
    assert (loaded.certainty, loaded.polarity) == (plain.certainty, plain.polarity)
