"""A readable plain-text summary of a report: one block per statement.

>>> from newsclaims import Cue, Report, Source, SourceKind, Span, Statement
>>> report = Report("Iran denied it.", statements=[Statement(
...     "S1", Source([Span(0, 4)], SourceKind.NAMED), Cue([Span(5, 11)], "deny"),
...     [Span(12, 14)])])
>>> print(summarise(report))
1 statement, 0 entities
S1  Iran (named) --denied--> "it"
    indirect
"""

from __future__ import annotations

from newsclaims.model import Report, Statement

__all__ = ["summarise"]

_WIDTH = 100


def _clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _describe(report: Report, statement: Statement) -> str:
    source = report.text_of(statement.source.mentions) or "(no source in the text)"
    cue = report.text_of(statement.cue.spans) or "(quotation marks)"
    content = _clip(report.text_of(statement.content), _WIDTH)
    head = f"{statement.id:<4}{_clip(source, 50)} ({statement.source.kind.value}) --{cue}--> "
    details = [statement.form.value]
    if statement.confidence is not None:
        details.append(
            f"{statement.confidence.certainty.value}/{statement.confidence.polarity.value}"
        )
    if statement.nested_in is not None:
        details.append(f"nested in {statement.nested_in}")
    return f'{head}"{content}"\n    ' + "; ".join(details)


def summarise(report: Report) -> str:
    """Return a human-readable summary of ``report``'s statements."""
    n, m = len(report.statements), len(report.entities)
    lines = [f"{n} statement{'s' * (n != 1)}, {m} entit{'y' if m == 1 else 'ies'}"]
    lines.extend(_describe(report, statement) for statement in report.statements)
    return "\n".join(lines)
