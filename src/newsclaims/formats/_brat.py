"""brat standoff output: one attribution event per statement, with attributes and entities.

Per statement: text-bound ``Source``, ``Cue`` and ``Content`` lines (discontinuous spans
joined with ``;``), an ``Attribution`` trigger on the cue, an event tying them together,
``Certainty`` / ``Polarity`` / ``Form`` / ``SourceKind`` attributes, and a ``NestedIn``
relation to the statement that reports it. Entities become text-bound lines typed in
CamelCase with ``N`` lines tying each mention to its canonical entity.

Offsets index ``Report.text`` as it is, a leading U+FEFF included: saved as UTF-8 that text
is the ``STEM.txt`` they fit, since brat (and the brat parser) read a byte-order mark there
as the character at offset 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsclaims._standoff import one_line
from newsclaims.model import Report, Span, Statement

__all__ = ["ENTITY_LABELS", "dumps_brat"]

#: brat labels for entity kinds (their values are the model's ``EntityKind`` values).
ENTITY_LABELS = {
    "person": "Person",
    "organization": "Organization",
    "government": "Government",
    "country": "Country",
    "news_outlet": "NewsOutlet",
    "international_organization": "InternationalOrganization",
    "weapon": "Weapon",
    "product": "Product",
    "group": "Group",
    "location": "Location",
    "other": "Other",
}

# brat keeps one annotation per line: characters that would break the line (every line
# boundary of str.splitlines, and the tab that separates columns) become spaces.


class _Lines:
    """Numbers brat ids per prefix and collects the lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self.counts: dict[str, int] = {}

    def next_id(self, prefix: str) -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{prefix}{self.counts[prefix]}"

    def bound(self, label: str, spans: Sequence[Span]) -> str:
        tid = self.next_id("T")
        offsets = ";".join(f"{s.start} {s.end}" for s in spans)
        covered = one_line(" ".join(s.text_of(self.text) for s in spans))
        self.lines.append(f"{tid}\t{label} {offsets}\t{covered}")
        return tid

    def add(self, prefix: str, body: str) -> str:
        ident = self.next_id(prefix)
        self.lines.append(f"{ident}\t{body}")
        return ident


def dumps_brat(report: Report) -> str:
    """Return the brat standoff (``.ann``) text for ``report``.

    >>> from newsclaims import Cue, Report, Source, SourceKind, Span, Statement
    >>> report = Report("Iran denied it.", statements=[Statement(
    ...     "S1", Source([Span(0, 4)], SourceKind.NAMED), Cue([Span(5, 11)], "deny"),
    ...     [Span(12, 14)])])
    >>> print(dumps_brat(report), end="")  # doctest: +NORMALIZE_WHITESPACE
    T1	Source 0 4	Iran
    T2	Cue 5 11	denied
    T3	Content 12 14	it
    T4	Attribution 5 11	denied
    E1	Attribution:T4 Source:T1 Cue:T2 Content:T3
    A1	Form E1 indirect
    A2	SourceKind E1 named
    """
    out = _Lines(report.text)
    events: dict[str, str] = {}
    for statement in report.statements:
        args = []
        source = statement.source.mentions
        if source:
            args.append(f"Source:{out.bound('Source', source)}")
        if statement.cue.spans:
            args.append(f"Cue:{out.bound('Cue', statement.cue.spans)}")
        args.append(f"Content:{out.bound('Content', statement.content)}")
        # A trigger needs a span: a cue-less statement hangs its trigger on its content.
        trigger = out.bound("Attribution", statement.cue.spans or statement.content[:1])
        label = "Attribution" if source else "Attribution-no-source"
        event = out.add("E", f"{label}:{trigger} " + " ".join(args))
        events[statement.id] = event
        for name, value in _attributes(statement):
            out.add("A", f"{name} {event} {value}")
    for statement in report.statements:
        if statement.nested_in is not None:
            child, parent = events[statement.id], events[statement.nested_in]
            out.add("R", f"NestedIn Arg1:{child} Arg2:{parent}")
    _write_entities(out, report)
    return "".join(line + "\n" for line in out.lines)


def _attributes(statement: Statement) -> Iterable[tuple[str, str]]:
    confidence = statement.confidence
    if confidence is not None:
        yield "Certainty", confidence.certainty.value
        yield "Polarity", confidence.polarity.value
    yield "Form", statement.form.value
    yield "SourceKind", statement.source.kind.value


def _write_entities(out: _Lines, report: Report) -> None:
    for entity in report.entities:
        label = ENTITY_LABELS[entity.kind.value]
        name = one_line(entity.name)
        for mention in entity.mentions:
            tid = out.bound(label, [mention])
            out.add("N", f"Reference {tid} newsclaims:{entity.id}\t{name}")
