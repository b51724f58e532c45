"""The metrics: tokens, Dice, one-to-one matching, and precision / recall / F1 counts.

The definitions are those of the PolNeAR attribution scorer, so that figures compare:

- A token is a run of word characters, joined across inner hyphens and apostrophes
  (``don't``, ``pro-Russian``); punctuation never counts. A span covers every token it
  overlaps by at least one character.
- Two attributions *match* when the token Dice coefficient of their contents is at least 0.5.
  Matching is one to one and greedy: candidate pairs are taken by falling Dice; among equal
  Dice, the pair with the later gold attribution, then the later prediction, goes first.
- A matched pair is also a *triple* match when the cues share a token (or both have none) and
  the sources' token Dice is at least 0.5 (two empty sources count as equal).
- ``<role> overlap``: token-set precision and recall over the whole article, counting each
  token of the role once however many attributions cover it.
- ``<role> exact``: each attribution's span set for the role, trimmed of spaces and
  punctuation at both ends, matched one to one against the other side's (attributions
  without that role are left out).
- Counts add up over articles (micro average); a ratio with a zero denominator is 0.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

import attrs

from newsclaims.model import Span

__all__ = ["ROLES", "Agreement", "Attribution", "Counts", "Tokens", "dice", "match"]

#: The roles of an attribution, in the order figures are reported.
ROLES: Final = ("source", "cue", "content")

_TOKEN: Final = re.compile(r"\w+(?:[-'’]\w+)*")
_TRIM: Final = " \t\n\"'“”‘’.,:;—-()"
_MATCH_AT: Final = 0.5


@attrs.frozen
class Attribution:
    """One attribution as evaluation sees it: three span sets and, maybe, a confidence.

    >>> Attribution(content=(Span(0, 4),)).source
    ()
    """

    source: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()
    content: tuple[Span, ...] = ()
    #: ``certain`` / ``probable`` / ``possible`` / ``unknown``, where the side has one.
    certainty: str | None = None
    #: ``positive`` / ``negative`` / ``unknown``, where the side has one.
    polarity: str | None = None

    def role(self, name: str) -> tuple[Span, ...]:
        """Return the spans of ``name`` (one of :data:`ROLES`)."""
        spans: tuple[Span, ...] = getattr(self, name)
        return spans


@attrs.define
class Counts:
    """True positives, false positives and false negatives, with P / R / F1.

    >>> c = Counts(3, 1, 2)
    >>> round(c.precision, 3), round(c.recall, 3), round(c.f1, 3)
    (0.75, 0.6, 0.667)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        """Add one article's counts."""
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        """``tp / (tp + fp)``, or 0."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """``tp / (tp + fn)``, or 0."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall, or 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@attrs.define
class Agreement:
    """How often two sides agree on a label, over matched attributions where both have one.

    >>> Agreement(4, 3).rate
    0.75
    """

    compared: int = 0
    agreed: int = 0

    @property
    def rate(self) -> float:
        """``agreed / compared``, or 0 when nothing was compared."""
        return self.agreed / self.compared if self.compared else 0.0


class Tokens:
    """The tokens of one article's text, to turn spans into token sets.

    >>> t = Tokens("Iran's envoy, pro-Russian, said: no.")
    >>> sorted(t.ids([Span(0, 8)])), len(t)
    ([0, 1], 5)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        found = [m.span() for m in _TOKEN.finditer(text)]
        self.starts = [start for start, _ in found]
        self.ends = [end for _, end in found]

    def __len__(self) -> int:
        return len(self.starts)

    def ids(self, spans: Sequence[Span]) -> frozenset[int]:
        """Return the indices of the tokens the spans overlap."""
        out: set[int] = set()
        for span in spans:
            i = bisect.bisect_right(self.ends, span.start)  # first token ending after start
            while i < len(self.starts) and self.starts[i] < span.end:
                out.add(i)
                i += 1
        return frozenset(out)

    def trimmed(self, spans: Sequence[Span]) -> frozenset[tuple[int, int]]:
        """Return the spans trimmed of spaces and punctuation, empty ones left out."""
        out = set()
        for span in spans:
            piece = span.text_of(self.text)
            start = span.start + len(piece) - len(piece.lstrip(_TRIM))
            end = span.end - (len(piece) - len(piece.rstrip(_TRIM)))
            if start < end:
                out.add((start, end))
        return frozenset(out)


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    """Return the Dice coefficient of two token sets; two empty sets are equal (1.0).

    >>> dice(frozenset({1, 2}), frozenset({2, 3})), dice(frozenset(), frozenset())
    (0.5, 1.0)
    """
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def match(gold: Sequence[frozenset[int]], pred: Sequence[frozenset[int]]) -> list[tuple[int, int]]:
    """Match gold to predicted contents one to one by Dice >= 0.5; return (gold, pred) pairs.

    >>> match([frozenset({1, 2}), frozenset({5})], [frozenset({5}), frozenset({1})])
    [(1, 0), (0, 1)]
    """
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if (g or p) and (score := dice(g, p)) >= _MATCH_AT:
                candidates.append((score, i, j))
    candidates.sort(reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return pairs
