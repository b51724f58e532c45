"""Citron quote JSON: write it, and read it back.

`Citron <https://github.com/bbc/citron>`_ (BBC R&D) keeps one JSON object per document:
``{"text": ..., "quotes": [...], "coreference_groups": [...]}``. Each quote has one ``cue``
span, lists of ``sources`` and ``contents`` spans, optional ``coreferences`` (the spans the
source refers to) and an optional ``id``; a span is ``{"start", "end", "text"}``.

What Citron cannot carry, and so does not survive a round trip: structure, metadata, the
cue's lemma, stance, kind and negation, a discontinuous cue (written as the one span from its
first to its last character), source kinds, forms, confidence, nesting, the entities a
statement mentions, and entities' names, kinds, aliases and attributes (entities become
coreference groups: their mentions survive, and a source's link to its entity survives where
the entity has mentions). Citron's own ``confidence`` score is the extractor's belief that a
quote is a quote, not a source's commitment: newsclaims neither writes nor reads it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from newsclaims.errors import FormatError, ValidationError
from newsclaims.model import (
    Cue,
    Entity,
    EntityKind,
    Metadata,
    Report,
    Source,
    Span,
    Statement,
)

__all__ = ["dumps_citron", "parse_citron"]


def _span_object(report: Report, span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text_of(report.text)}


def _cue_span(statement: Statement) -> Span:
    """The one span Citron keeps for a cue: the hull of its spans, or empty at the content."""
    spans = statement.cue.spans
    if not spans:
        start = statement.content[0].start
        return Span(start, start)
    return Span(min(s.start for s in spans), max(s.end for s in spans))


def _quote(report: Report, statement: Statement) -> dict[str, Any]:
    # Citron ties a quote to one coreference group: the first entity of the source's.
    coreferences: tuple[Span, ...] = ()
    if statement.source.entity_ids:
        coreferences = report.entity(statement.source.entity_ids[0]).mentions
    return {
        "id": statement.id,
        "cue": _span_object(report, _cue_span(statement)),
        "sources": [_span_object(report, s) for s in statement.source.mentions],
        "contents": [_span_object(report, s) for s in statement.content],
        "coreferences": [_span_object(report, s) for s in coreferences],
    }


def dumps_citron(report: Report) -> str:
    """Return the Citron JSON document for ``report``.

    >>> from newsclaims import Cue, Report, Source, Span, Statement
    >>> report = Report("Iran denied it.", statements=[Statement(
    ...     "S1", Source([Span(0, 4)]), Cue([Span(5, 11)], "deny"), [Span(12, 14)])])
    >>> doc = json.loads(dumps_citron(report))
    >>> doc["quotes"][0]["cue"]
    {'start': 5, 'end': 11, 'text': 'denied'}
    """
    doc = {
        "text": report.text,
        "quotes": [_quote(report, s) for s in report.statements],
        "coreference_groups": [
            [_span_object(report, m) for m in e.mentions] for e in report.entities if e.mentions
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


# --------------------------------------------------------------------------- reading


class _Reader:
    """Reads one Citron document, naming the place of any problem."""

    def __init__(self, origin: str, text: str) -> None:
        self.origin = origin
        self.text = text

    def fail(self, path: str, problem: str) -> FormatError:
        return FormatError(self.origin, problem, path=path)

    def span(self, value: object, path: str) -> Span:
        if not isinstance(value, dict):
            raise self.fail(path, f"expected a span object {{start, end, text}}, found {value!r}")
        start, end = value.get("start"), value.get("end")
        if type(start) is not int or type(end) is not int:
            raise self.fail(path, "a span needs integer 'start' and 'end'")
        if not 0 <= start <= end <= len(self.text):
            raise self.fail(
                path, f"[{start}, {end}] is not a span of the text ({len(self.text)} characters)"
            )
        covered = value.get("text")
        if covered is not None and covered != self.text[start:end]:
            raise self.fail(f"{path}.text", f"{covered!r} is not the text at [{start}, {end}]")
        return Span(start, end)

    def spans(self, value: object, path: str) -> tuple[Span, ...]:
        if not isinstance(value, list):
            raise self.fail(path, f"expected an array of spans, found {type(value).__name__}")
        return tuple(self.span(item, f"{path}[{i}]") for i, item in enumerate(value))


def _decode(data: str | bytes, origin: str) -> tuple[dict[str, Any], bytes]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        text = data if isinstance(data, str) else data.decode("utf-8-sig")
        doc = json.loads(text)
    except UnicodeDecodeError as exc:
        raise FormatError(origin, f"not UTF-8 at byte {exc.start}") from exc
    except json.JSONDecodeError as exc:
        raise FormatError(origin, f"not JSON: {exc.msg} at line {exc.lineno}") from exc
    except RecursionError as exc:
        raise FormatError(origin, "not JSON we can read: nested too deeply") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
        raise FormatError(origin, "not a Citron document: no 'text' string")
    if not isinstance(doc.get("quotes", []), list):
        raise FormatError(origin, "'quotes' is not an array", path="quotes")
    return doc, raw


def _entities(reader: _Reader, doc: dict[str, Any]) -> tuple[Entity, ...]:
    groups = doc.get("coreference_groups") or []
    if not isinstance(groups, list):
        raise reader.fail("coreference_groups", "is not an array")
    out = []
    for i, group in enumerate(groups):
        mentions = reader.spans(group, f"coreference_groups[{i}]")
        name = next((m.text_of(reader.text) for m in mentions if len(m)), "")
        out.append(Entity(f"E{i + 1}", name, EntityKind.OTHER, mentions))
    return tuple(out)


def _entity_for(
    entities: Sequence[Entity], coreferences: tuple[Span, ...] | None, sources: tuple[Span, ...]
) -> str | None:
    """The entity a quote's source refers to: its coreferences' group, else its own spans'."""
    wanted = coreferences if coreferences is not None else sources
    if not wanted:
        return None
    for entity in entities:
        if entity.mentions == wanted:
            return entity.id
    for entity in entities:
        if set(wanted) <= set(entity.mentions):
            return entity.id
    return None


def _quote_ids(quotes: list[Any]) -> list[str]:
    given = [str(q.get("id")) if isinstance(q, dict) and "id" in q else "" for q in quotes]
    usable = all(g and not any(c.isspace() for c in g) for g in given)
    if usable and len(set(given)) == len(given):
        return given
    return [f"S{i + 1}" for i in range(len(quotes))]


def parse_citron(data: str | bytes, *, origin: str) -> Report:
    """Read a Citron quote document into a report.

    Quotes become statements (ids kept where every quote has a unique one), coreference
    groups become entities of kind ``other`` named after their first mention.

    Args:
        data: the JSON document, as text or UTF-8 bytes.
        origin: a name for the input, kept in metadata and used in error messages.

    Raises:
        FormatError: the input is not a Citron document, or a span does not fit its text.

    >>> doc = '''{"text": "Iran denied it.", "quotes": [{"cue": {"start": 5, "end": 11},
    ...   "sources": [{"start": 0, "end": 4}], "contents": [{"start": 12, "end": 14}]}]}'''
    >>> report = parse_citron(doc, origin="q.json")
    >>> report.text_of(report.statements[0].cue.spans)
    'denied'
    """
    doc, raw = _decode(data, origin)
    reader = _Reader(origin, doc["text"])
    entities = _entities(reader, doc)
    quotes = doc.get("quotes", [])
    statements = []
    for i, (quote, ident) in enumerate(zip(quotes, _quote_ids(quotes), strict=True)):
        here = f"quotes[{i}]"
        if not isinstance(quote, dict):
            raise reader.fail(here, "is not an object")
        cue = reader.span(quote.get("cue"), f"{here}.cue")
        sources = reader.spans(quote.get("sources", []), f"{here}.sources")
        contents = reader.spans(quote.get("contents"), f"{here}.contents")
        if not contents:
            raise reader.fail(f"{here}.contents", "a quote needs at least one content span")
        corefs = quote.get("coreferences")
        coreferences = None if corefs is None else reader.spans(corefs, f"{here}.coreferences")
        entity = _entity_for(entities, coreferences, sources)
        source = Source(sources, entity_ids=() if entity is None else (entity,))
        statements.append(Statement(ident, source, Cue([cue] if len(cue) else []), contents))
    metadata = Metadata(origin=origin, sha256=hashlib.sha256(raw).hexdigest(), encoding="utf-8")
    try:
        return Report(doc["text"], metadata=metadata, statements=statements, entities=entities)
    except ValidationError as exc:
        raise FormatError(origin, exc.problem, path=exc.path) from exc
