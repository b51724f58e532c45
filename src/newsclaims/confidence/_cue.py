"""Reading a statement's cue: its lemma, and any negation in it, before it or in its subject."""

from __future__ import annotations

import re
from typing import Final

from newsclaims.confidence._lexicon import ConfidenceLexicon, CueReading, tokenize
from newsclaims.confidence._reading import Reading
from newsclaims.model import Certainty, EvidenceKind, Polarity, Span, Statement

__all__ = ["read_cue"]

#: Words before a cue that keep its source from committing ("declined to say").
_WITHHOLDERS: Final = frozenset(
    {"not", "never", "unable", "yet", "declined", "declines", "decline", "declining"}
    | {"refused", "refuses", "refuse", "refusing", "failed", "fails", "fail", "failing"}
)
#: Words of a verb group between a withholder and its cue ("has yet to", "was unable to").
_VERB_GROUP: Final = frozenset(
    {"to", "has", "have", "had", "was", "were", "is", "are", "be", "been", "did", "do", "does"}
    | {"would", "could", "will", "can", "so", "far", "also", "still", "publicly", "officially"}
    | {"immediately", "yet", "even"}
)
_CUE_WINDOW: Final = 80  # characters before a cue searched for "did not", "no one"
_VERB_WINDOW: Final = 40  # characters before a cue searched for its verb group
#: Marks after which a clause starts, for finding a subject's first word.
_CLAUSE_MARKS: Final = (".", "!", "?", ";", ":", ",", '"', "“", "”", "(", "\n")
#: The first word of a clause, and the start of the next one.
_FIRST_WORDS: Final = re.compile(r"[\s\"“”'‘(]*(\w+)\W*(\w?)")
#: A subject opened by one of these negates its verb ("Neither side confirmed", "Few think").
_NEGATIVE_SUBJECTS: Final = frozenset({"no", "neither", "nobody", "none", "few", "nothing"})


def _cue_negators(text: str, statement: Statement) -> list[Span]:
    """Return the words in or just before the cue that negate it ("did not", "declined to")."""
    spans = statement.cue.spans
    if not spans:
        return []
    found = [
        Span(s, e)
        for span in spans
        for w, s, e in tokenize(span.text_of(text), span.start)
        if w in {"not", "never"}
    ]
    first = min(spans).start
    window = max(0, first - _VERB_WINDOW)
    before = tokenize(text[window:first], window)
    # Walk back over the cue's own verb group only ("has yet to", "was unable to"): a word
    # outside it (another statement's cue, a noun) ends the walk.
    for w, s, e in reversed(before):
        if w in _WITHHOLDERS:
            found.append(Span(s, e))
        elif w not in _VERB_GROUP:
            break
    subject = _negative_subject(text, statement)
    if subject is not None:
        found.append(subject)
    return found


def _negative_subject(text: str, statement: Statement) -> Span | None:
    """Return the word that negates the cue's subject ("Neither X nor Y responded"), if any.

    The subject runs from the start of the clause to the cue, or to the source when the
    extractor gives one ("Neither the ministry nor | the army |").
    """
    mentions = statement.source.mentions
    anchor = min(mentions) if mentions else min(statement.cue.spans)
    end = anchor.end if mentions else anchor.start
    lo = max(0, anchor.start - _CUE_WINDOW)
    # The clause starts after the last mark before the anchor (found with str.rfind, which is
    # cheap, rather than by tokenizing the window), or at " that ".
    mark = max(text.rfind(m, lo, anchor.start) for m in _CLAUSE_MARKS)
    that = text.rfind(" that ", lo, anchor.start)
    start = max(mark + 1 if mark >= 0 else -1, that + len(" that ") if that >= 0 else -1)
    if start < 0:
        if lo > 0:
            return None  # the window may have cut the clause: do not guess its first word
        start = 0
    words = _FIRST_WORDS.match(text, start, end)
    if words is None or words.group(1).lower() not in _NEGATIVE_SUBJECTS:
        return None
    if words.group(2)[:1].isdigit():
        return None  # "No 10 said": a name, not a negation
    return Span(words.start(1), words.end(1))


def _read_negated_cue(reading: CueReading, cue_spans: list[Span], out: Reading) -> None:
    """A negated cue: a neg-raising verb turns polarity, any other withholds commitment."""
    if reading.flips:
        if reading.certainty is not Certainty.CERTAIN:
            for span in cue_spans:
                out.hedge(reading.certainty, span)
        out.negations += reading.polarity is not Polarity.NEGATIVE
        return
    for span in cue_spans:
        out.hedge(Certainty.UNKNOWN, span)


def read_cue(text: str, statement: Statement, lexicon: ConfidenceLexicon, out: Reading) -> None:
    """Read the cue's lemma and negation into ``out``."""
    cue = statement.cue
    words = [w for span in cue.spans for w, _, _ in tokenize(span.text_of(text))]
    found = lexicon.cue_reading(cue.lemma, words)
    reading = found[1] if found is not None else CueReading()
    negators = _cue_negators(text, statement)
    cue_spans = list(cue.spans)
    if cue.negated or negators:
        for span in negators or cue_spans:
            out.add(EvidenceKind.NEGATION, span)
        _read_negated_cue(reading, cue_spans, out)
        return
    if reading.certainty is not Certainty.CERTAIN or reading.polarity is Polarity.UNKNOWN:
        for span in cue_spans:
            out.hedge(reading.certainty, span)
    if reading.polarity is Polarity.NEGATIVE:
        out.negations += 1
        out.denied = True
        for span in cue_spans:
            out.add(EvidenceKind.NEGATION, span)
    elif reading.polarity is Polarity.UNKNOWN:
        out.open_polarity = True
    elif reading.booster:
        for span in cue_spans:
            out.add(EvidenceKind.BOOSTER, span)
