"""The running reading of one statement: certainty so far, negations, evidence."""

from __future__ import annotations

from typing import Final

import attrs

from newsclaims.confidence._lexicon import Effect, Term
from newsclaims.model import Certainty, Evidence, EvidenceKind, Likelihood, Span

__all__ = ["Reading", "apply", "weakest"]

_RANK: Final = {
    Certainty.UNKNOWN: 0,
    Certainty.POSSIBLE: 1,
    Certainty.PROBABLE: 2,
    Certainty.CERTAIN: 3,
}


def weakest(a: Certainty, b: Certainty) -> Certainty:
    """The less certain of two degrees."""
    return a if _RANK[a] <= _RANK[b] else b


@attrs.define
class Reading:
    """The running result while a statement is read."""

    certainty: Certainty = Certainty.CERTAIN
    #: The cue denies ("denied that X may"): the content's hedges are under its negation.
    denied: bool = False
    #: Negations of the cue.
    negations: int = 0
    #: Negations in the content's current sentence; two in one sentence cancel.
    sentence_negations: int = 0
    #: Some sentence of the content so far is negative.
    negative_sentence: bool = False
    #: A word left polarity open ("whether", "unclear").
    open_polarity: bool = False
    #: The first ICD 203 degree read.
    likelihood: Likelihood | None = None
    evidence: list[Evidence] = attrs.field(factory=list)

    def end_sentence(self) -> None:
        """Close the content's current sentence: an odd count of negations makes it negative."""
        self.negative_sentence |= self.sentence_negations % 2 == 1
        self.sentence_negations = 0

    def add(self, kind: EvidenceKind, span: Span) -> None:
        """Show ``span`` as evidence of ``kind``."""
        self.evidence.append(Evidence(kind, span))

    def hedge(self, certainty: Certainty, span: Span) -> None:
        """Lower the certainty to at most ``certainty``, shown by ``span``."""
        self.certainty = weakest(self.certainty, certainty)
        self.add(EvidenceKind.HEDGE, span)


def apply(term: Term, span: Span, out: Reading) -> None:
    """Let a matched term act on the reading, and show it as evidence."""
    if term.kind is None or (term.kind is EvidenceKind.HEDGE and out.denied):
        return
    if term.kind in {EvidenceKind.HEDGE, EvidenceKind.LIKELIHOOD}:
        out.hedge(term.certainty, span)
        if term.kind is EvidenceKind.LIKELIHOOD:
            out.evidence[-1] = Evidence(EvidenceKind.LIKELIHOOD, span)
            if out.likelihood is None:
                out.likelihood = term.likelihood
    else:
        out.add(term.kind, span)
    if term.effect is Effect.NEGATE or (term.effect is Effect.DENY and not out.denied):
        out.sentence_negations += 1
    elif term.effect is Effect.UNKNOWN:
        out.open_polarity = True
