"""The rules that read a statement's confidence from its cue and its content.

Everything here works inside one statement's cue and content spans, plus a few words before
the cue, so the cost is linear in the text the statements cover. The rules, with examples,
are documented in ``docs/guides/confidence.md``; in short:

1. The cue gives a reading (``believe`` probable, ``suggest`` possible, ``deny`` negative,
   ``ask`` unknown). A negated cue withholds commitment (``did not confirm``, ``declined to
   say``, ``No official confirmed``: unknown), unless its verb raises negation (``does not
   believe X``: probable, negative).
2. The content gives hedges, boosters, negations and ICD 203 words, read in the content's own
   clause: not inside the content of a statement nested in it (that statement owns them),
   nor inside a relative or adverbial clause (``, which may ...``, ``if ...``). The nested
   statement's cue is part of this content's clause ("officials did not confirm X" is a
   negative report), and so is a phrase that runs from it into the nested content.
3. Certainty is the weakest the cue and the hedges allow; a booster never raises it, and a
   denying cue governs the content's hedges ("denied that the school might close": certain).
   "Would" hedges only under a stated condition ("would close if ...").
4. Polarity is negative when the negations are odd in number: the cue's, plus one if some
   sentence of the content has an odd number (two in one sentence cancel; "Not one." after
   "We did not ..." does not). It is unknown when a word leaves it open ("unclear whether")
   or certainty is unknown.
5. A content that opens with ``whether``, or is a question, is unknown/unknown.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from newsclaims.confidence._content import content_tokens, read_content, straddling
from newsclaims.confidence._cue import read_cue
from newsclaims.confidence._lexicon import ConfidenceLexicon, default_confidence_lexicon
from newsclaims.confidence._reading import Reading, apply
from newsclaims.model import Certainty, Confidence, Polarity, Report, Statement

__all__ = ["assess", "read_confidence"]


def read_confidence(
    text: str,
    statement: Statement,
    nested: Sequence[Statement] = (),
    lexicon: ConfidenceLexicon | None = None,
) -> Confidence:
    """Read one statement's confidence from its cue and content.

    Args:
        text: the report's text.
        statement: the statement to read.
        nested: the statements nested in it, whose words are theirs, not its own.
        lexicon: the words to read; :func:`default_confidence_lexicon` by default.

    Returns:
        The confidence, with any grading the statement already had.

    >>> from newsclaims.model import Cue, Source, Span
    >>> text = "Officials believe Iran may have sent missiles."
    >>> s = Statement("S1", Source(), Cue([Span(10, 17)], "believe"), [Span(18, 45)])
    >>> c = read_confidence(text, s)
    >>> c.certainty.value, c.polarity.value, [text[e.span.start:e.span.end] for e in c.evidence]
    ('possible', 'positive', ['believe', 'may'])
    """
    lexicon = lexicon or default_confidence_lexicon()
    out = Reading()
    tokens, inner = content_tokens(text, statement, nested, reach=lexicon.longest)
    straddle = straddling(text, statement, tokens, lexicon)
    start = 0
    if straddle is None:
        read_cue(text, statement, lexicon, out)
    else:
        start, term, span = straddle
        apply(term, span, out)
    read_content(text, statement, tokens=tokens, inner=inner, start=start, lexicon=lexicon, out=out)
    if out.certainty is Certainty.UNKNOWN or out.open_polarity:
        polarity = Polarity.UNKNOWN
    else:
        negations = out.negations + out.negative_sentence
        polarity = Polarity.NEGATIVE if negations % 2 else Polarity.POSITIVE
    evidence = sorted(set(out.evidence), key=lambda e: (e.span, e.kind.value))
    grading = statement.confidence.grading if statement.confidence is not None else None
    return Confidence(out.certainty, polarity, out.likelihood, evidence, grading)


def assess(report: Report, *, lexicon: ConfidenceLexicon | None = None) -> Report:
    """Return ``report`` with every statement's confidence read from its words.

    Each statement gets a certainty, a polarity, an ICD 203 likelihood where a likelihood
    word gives one, and the evidence spans that decided them. A grading already recorded on
    a statement is kept; none is ever guessed. Words inside a statement nested in another
    belong to the nested statement only.

    Args:
        report: a report with statements (from :func:`newsclaims.read` or built by hand).
        lexicon: the words to read; :func:`default_confidence_lexicon` by default, or one
            extended with :meth:`ConfidenceLexicon.extended`.

    Returns:
        A new report; the given one is unchanged.

    >>> import newsclaims
    >>> report = assess(newsclaims.read("Officials denied that the plant would close."))
    >>> [(s.confidence.certainty.value, s.confidence.polarity.value) for s in report.statements]
    [('certain', 'negative')]
    """
    lexicon = lexicon or default_confidence_lexicon()
    children: dict[str, list[Statement]] = {}
    for statement in report.statements:
        if statement.nested_in is not None:
            children.setdefault(statement.nested_in, []).append(statement)
    statements = tuple(
        attrs.evolve(s, confidence=read_confidence(report.text, s, children.get(s.id, ()), lexicon))
        for s in report.statements
    )
    return attrs.evolve(report, statements=statements)
