"""brat standoff: ``STEM.txt`` with ``STEM.ann`` attributions (and entities) as statements.

Read from the ``.ann``:

- ``Source``, ``Cue`` and ``Content`` text-bound spans (discontinuous ones too);
- ``Attribution`` and ``Attribution-no-source`` events tying them into statements
  (statement ``S<n>`` for event ``E<n>``);
- ``Certainty``, ``Polarity``, ``Form`` and ``SourceKind`` attributes of an event;
- ``NestedIn Arg1:E<child> Arg2:E<parent>`` relations;
- entity spans typed ``Person``, ``Organization``, ``Government``, ``Country``,
  ``NewsOutlet``, ``InternationalOrganization``, ``Weapon``, ``Product``, ``Group``,
  ``Location`` or ``Other``, grouped into entities by their ``N`` normalisation lines
  (or, without one, by kind and text).

What the file does not say keeps the model's default: a statement with no ``SourceKind``
attribute is ``unspecified``, one with neither ``Certainty`` nor ``Polarity`` has no
confidence, one with no ``Form`` is ``indirect``. An event with no ``Content`` is unfinished
annotation and is skipped. Other annotation types are ignored.

Offsets count the characters of ``STEM.txt`` as brat reads it: as UTF-8, a byte-order mark
kept as the character U+FEFF at offset 0 (brat, the shared scorer and ``newsclaims
evaluate`` all read it so). The report's text keeps that character too, so that every span
stays on the characters the annotator marked, and the writer's offsets, which index the
report's text, pair with that text saved as UTF-8.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Final

import attrs

from newsclaims._standoff import one_line
from newsclaims.errors import FormatError, ValidationError
from newsclaims.model import (
    Certainty,
    Confidence,
    Cue,
    Entity,
    EntityKind,
    Form,
    Polarity,
    Report,
    Source,
    SourceKind,
    Span,
    Statement,
)
from newsclaims.parsers._decode import decode, keep_bom, split_lines
from newsclaims.parsers._protocol import Data, Sample
from newsclaims.parsers._text import find_structure

__all__ = ["BratParser", "parse_brat", "read_brat"]

#: brat labels of entity kinds.
ENTITY_KINDS: Final = {
    "Person": EntityKind.PERSON,
    "Organization": EntityKind.ORGANIZATION,
    "Government": EntityKind.GOVERNMENT,
    "Country": EntityKind.COUNTRY,
    "NewsOutlet": EntityKind.NEWS_OUTLET,
    "InternationalOrganization": EntityKind.INTERNATIONAL_ORGANIZATION,
    "Weapon": EntityKind.WEAPON,
    "Product": EntityKind.PRODUCT,
    "Group": EntityKind.GROUP,
    "Location": EntityKind.LOCATION,
    "Other": EntityKind.OTHER,
}
_EVENTS: Final = frozenset({"Attribution", "Attribution-no-source"})

_TEXTBOUND: Final = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t(.*))?")
_EVENT: Final = re.compile(r"(E\d+)\t([^\s:]+):(\S+)((?: [^\s:]+:\S+)*) *")
_ATTRIBUTE: Final = re.compile(r"([AM]\d+)\t(\S+) ([TE]\d+)(?: (\S+))? *")
_RELATION: Final = re.compile(r"(R\d+)\t(\S+) Arg1:(\S+) Arg2:(\S+) *")
_NORMALISATION: Final = re.compile(r"(N\d+)\t\S+ (T\d+) (\S+)(?:\t(.*))?")
_ROLE_NUMBER: Final = re.compile(r"\d+$")
_SPACES: Final = re.compile(r"\s+")
_ANY_ID: Final = re.compile(r"[TEARMN#*]\d*\t")


@attrs.define
class _Annotations:
    """What an ``.ann`` file holds, by id, as read line by line."""

    spans: dict[str, tuple[str, tuple[Span, ...]]] = attrs.field(factory=dict)
    events: dict[str, tuple[str, list[tuple[str, str]]]] = attrs.field(factory=dict)
    attributes: dict[str, dict[str, str]] = attrs.field(factory=dict)
    nested: dict[str, str] = attrs.field(factory=dict)
    references: dict[str, tuple[str, str]] = attrs.field(factory=dict)


def parse_brat(text: str, ann: str, *, origin: str = "<brat>", ann_origin: str = "") -> Report:
    r"""Read an article's text and its brat ``.ann`` standoff into a report.

    Args:
        text: the article, exactly as the offsets index it.
        ann: the ``.ann`` file's content.
        origin: a name for the article.
        ann_origin: a name for the ``.ann`` file in error messages (``origin`` if empty).

    Raises:
        FormatError: a line is malformed, a span lies outside the text or does not cover the
            text it quotes, or an id is unknown; the message names the line.

    >>> ann = "T1\tSource 0 4\tIran\nT2\tCue 5 11\tdenied\nT3\tContent 12 14\tit\n"
    >>> ann += "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\nA1\tPolarity E1 negative\n"
    >>> report = parse_brat("Iran denied it.", ann)
    >>> s = report.statements[0]
    >>> s.id, report.text_of(s.source.mentions), s.confidence.polarity.value
    ('S1', 'Iran', 'negative')
    """
    where = ann_origin or origin
    decoded = decode(text, origin=origin)
    found = _read_lines(ann, text, where)
    entities = _entities(found, text)
    statements = _statements(found, entities, where)
    structure, authors = find_structure(text)
    metadata = attrs.evolve(decoded.metadata(origin), authors=authors)
    try:
        return Report(
            text, structure=structure, metadata=metadata, statements=statements, entities=entities
        )
    except ValidationError as exc:
        raise FormatError(where, exc.problem, path=exc.path) from exc


def _read_lines(ann: str, text: str, where: str) -> _Annotations:
    found = _Annotations()
    after_textbound = False
    for number, line in enumerate(split_lines(ann), 1):
        if not line.strip() or line.startswith(("#", "*")):
            continue
        try:
            after_textbound = _read_line(found, line.rstrip("\r"), text)
        except _LineError as exc:
            # A text-bound line's quoted text may run over several lines (brat writes the
            # covered text as it is, newlines and all): the rest is no annotation.
            if after_textbound and not _ANY_ID.match(line):
                continue
            raise FormatError(where, exc.problem, path=f"line {number}") from None
    return found


class _LineError(Exception):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def _read_line(found: _Annotations, line: str, text: str) -> bool:
    """Read one line into ``found``; say whether it was a text-bound annotation."""
    kind = line[:1]
    if kind == "T" and (match := _TEXTBOUND.fullmatch(line)):
        spans = tuple(_span(piece, text) for piece in match[3].split(";"))
        _check_covered(text, spans, match[4])
        found.spans[match[1]] = (match[2], spans)
        return True
    if kind == "E" and (match := _EVENT.fullmatch(line)):
        args = [tuple(arg.split(":", 1)) for arg in match[4].split()]
        found.events[match[1]] = (match[2], [(role, ref) for role, ref in args])
    elif kind in "AM" and (match := _ATTRIBUTE.fullmatch(line)):
        found.attributes.setdefault(match[3], {})[match[2]] = match[4] or "true"
    elif kind == "R" and (match := _RELATION.fullmatch(line)):
        if match[2] == "NestedIn":
            found.nested[match[3]] = match[4]
    elif kind == "N" and (match := _NORMALISATION.fullmatch(line)):
        found.references[match[2]] = (match[3], (match[4] or "").strip())
    else:
        raise _LineError(f"not a brat annotation: {line[:60]!r}")
    return False


def _span(piece: str, text: str) -> Span:
    start, end = (int(n) for n in piece.split())
    if end < start:
        raise _LineError(f"span {start} {end} ends before it starts")
    if end > len(text):
        raise _LineError(f"span {start} {end} is past the end of the text ({len(text)} characters)")
    return Span(start, end)


def _check_covered(text: str, spans: tuple[Span, ...], quoted: str | None) -> None:
    """Refuse an .ann whose quoted text is not what its offsets cover: wrong .txt, or CRLF.

    Real files shorten the quote or cut it at a line break, so the quote need only begin
    what the offsets cover.
    """
    if not quoted:
        return
    # Writers quote a control character as a space (ours does) or as itself (PolNeAR's do).
    covered = one_line(" ".join(span.text_of(text) for span in spans))
    said = one_line(quoted)
    if not _SPACES.sub(" ", covered).strip().startswith(_SPACES.sub(" ", said).strip()):
        raise _LineError(f"offsets cover {covered[:40]!r}, the line quotes {quoted[:40]!r}")


def _statement_id(event: str) -> str:
    return "S" + event[1:]


def _statements(found: _Annotations, entities: list[Entity], where: str) -> list[Statement]:
    statements = []
    # An event with no Content is annotation left unfinished (PolNeAR has 16): skip it,
    # and let statements nested in it stand alone.
    complete = {
        event
        for event, (label, args) in found.events.items()
        if label in _EVENTS and any(_ROLE_NUMBER.sub("", role) == "Content" for role, _ in args)
    }
    for event, (_label, args) in found.events.items():
        if event not in complete:
            continue
        roles: dict[str, list[Span]] = {}
        for role, ref in args:
            if ref not in found.spans:
                raise FormatError(where, f"{role}:{ref} names no text-bound annotation", path=event)
            roles.setdefault(_ROLE_NUMBER.sub("", role), []).extend(found.spans[ref][1])
        attributes = found.attributes.get(event, {})
        parent = found.nested.get(event)
        if parent is not None and parent not in found.events:
            raise FormatError(where, f"NestedIn names {parent}, which is no event", path=event)
        if parent not in complete:
            parent = None
        source_spans = sorted(roles.get("Source", []))
        content = sorted(roles["Content"])
        try:
            statement = Statement(
                _statement_id(event),
                Source(
                    source_spans,
                    SourceKind(attributes.get("SourceKind", SourceKind.UNSPECIFIED.value)),
                    _entities_at(entities, source_spans),
                ),
                Cue(sorted(roles.get("Cue", []))),
                content,
                form=Form(attributes.get("Form", Form.INDIRECT.value)),
                confidence=_confidence(attributes),
                nested_in=None if parent is None else _statement_id(parent),
                entity_ids=_entities_in(entities, content),
            )
        except ValueError as exc:
            raise FormatError(where, f"bad attribute: {exc}", path=event) from exc
        statements.append(statement)
    return statements


def _confidence(attributes: dict[str, str]) -> Confidence | None:
    if "Certainty" not in attributes and "Polarity" not in attributes:
        return None
    return Confidence(
        Certainty(attributes.get("Certainty", Certainty.CERTAIN.value)),
        Polarity(attributes.get("Polarity", Polarity.POSITIVE.value)),
    )


def _entities(found: _Annotations, text: str) -> list[Entity]:
    """Group entity spans into entities: by normalisation reference, else by kind and text."""
    groups: dict[tuple[str, str], tuple[EntityKind, str, list[Span]]] = {}
    ids: dict[tuple[str, str], str] = {}
    for tid, (label, spans) in found.spans.items():
        kind = ENTITY_KINDS.get(label)
        if kind is None:
            continue
        reference = found.references.get(tid)
        mention = spans[0]
        if reference is not None:
            key = ("ref", reference[0])
            name = reference[1] or mention.text_of(text)
            ident = reference[0].rsplit(":", 1)[-1] or reference[0]
        else:
            key = ("text", f"{kind.value}\t{mention.text_of(text)}")
            name, ident = mention.text_of(text), tid
        if key not in groups:
            groups[key] = (kind, name, [])
            ids[key] = ident
        groups[key][2].extend(spans)
    return _with_unique_ids(
        (ids[key], name, kind, spans) for key, (kind, name, spans) in groups.items()
    )


def _with_unique_ids(items: Iterable[tuple[str, str, EntityKind, list[Span]]]) -> list[Entity]:
    entities: list[Entity] = []
    used: set[str] = set()
    for ident, name, kind, spans in items:
        unique, n = ident, 1
        while unique in used:
            n += 1
            unique = f"{ident}-{n}"
        used.add(unique)
        entities.append(Entity(unique, name, kind, mentions=sorted(set(spans))))
    return entities


def _entities_at(entities: list[Entity], spans: list[Span]) -> tuple[str, ...]:
    """The entity with a mention inside (or around) a source span, as a source's entity ids.

    brat cannot say which of the names in a source it resolves to ("spokesperson Sean Savett"
    holds an organisation and a person): the first entity found is the guess.
    """
    for entity in entities:
        for mention in entity.mentions:
            if any(s.contains(mention) or mention.contains(s) for s in spans):
                return (entity.id,)
    return ()


def _entities_in(entities: list[Entity], content: list[Span]) -> list[str]:
    return [
        entity.id
        for entity in entities
        if any(c.contains(m) for m in entity.mentions for c in content)
    ]


def read_brat(
    text_path: str | Path, ann_path: str | Path | None = None, *, origin: str | None = None
) -> Report:
    """Read ``STEM.txt`` and its ``.ann`` (``STEM.ann`` beside it unless given).

    PolNeAR keeps its annotations apart (``attributions/STEM_ANNOTATOR.ann``): pass both.

    Raises:
        FormatError: the files are not brat standoff, or the ``.ann`` is missing.
        OSError: a file cannot be read.
    """
    text_path = Path(text_path)
    ann_path = Path(ann_path) if ann_path is not None else text_path.with_suffix(".ann")
    origin = origin or str(text_path)
    for needed, what in ((text_path, "article text"), (ann_path, "annotations")):
        if not needed.exists():
            raise FormatError(origin, f"no brat {what}: {needed} does not exist")
    text = keep_bom(decode(text_path.read_bytes(), origin=origin))
    ann = decode(ann_path.read_bytes(), origin=str(ann_path)).text
    report = parse_brat(text.text, ann, origin=origin, ann_origin=str(ann_path))
    # The digest and encoding are those of the article's bytes, as for every parser.
    return attrs.evolve(report, metadata=text.metadata(origin))


@attrs.frozen
class BratParser:
    """brat standoff: give it the path of ``STEM.txt`` or ``STEM.ann``."""

    name: str = "brat"
    description: str = "brat standoff: STEM.txt with STEM.ann attributions and entities"

    def sniff(self, sample: Sample) -> float:
        """Score 0.95 for a ``.ann`` file, 0.9 for content that opens like one."""
        if sample.suffix == ".ann":
            return 0.95
        return 0.9 if _TEXTBOUND.match(sample.head) or _EVENT.match(sample.head) else 0.0

    def parse(self, data: Data, *, origin: str) -> Report:
        """Refuse: a standoff file means nothing without its text.

        Raises:
            FormatError: always; read brat through a path, :func:`read_brat` or
                :func:`parse_brat`.
        """
        decode(data, origin=origin)  # binary input gets the same error as everywhere
        raise FormatError(
            origin,
            "brat standoff is two files: pass the path of STEM.txt or STEM.ann, "
            "or call parse_brat(text, ann)",
        )

    def read_path(self, path: Path, *, origin: str) -> Report:
        """Read ``path`` (``STEM.txt`` or ``STEM.ann``) with its companion."""
        if path.suffix == ".ann":
            text_path = path.with_suffix(".txt")
            # The digest is the article's: name the article too, unless told otherwise.
            origin = str(text_path) if origin == str(path) else origin
            return read_brat(text_path, path, origin=origin)
        return read_brat(path, origin=origin)
