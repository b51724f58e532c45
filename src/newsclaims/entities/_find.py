"""find_entities: mentions, links, attributes and ties to statements, as one pure function."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from newsclaims.entities._attributes import read_attributes
from newsclaims.entities._data import Lexicon, default_lexicon, key_of
from newsclaims.entities._link import cluster, link_acronyms, link_surnames
from newsclaims.entities._mentions import Mention, Recogniser, Working
from newsclaims.entities._rules import find_mentions
from newsclaims.entities._ties import Mentions, conjoined_keys, content_keys, resolve_source
from newsclaims.model import Attribute, AttributeKind, Entity, EntityKind, Report, Span, Statement

if TYPE_CHECKING:
    from newsclaims.extraction import Analysis

__all__ = ["Gazetteer", "entity_stage", "find_entities"]

#: Extra names for :func:`find_entities`: surface form -> kind, or -> (canonical name, kind).
Gazetteer = Mapping[str, EntityKind | tuple[str, EntityKind]]

_ATTRIBUTE_KINDS = {
    "title": AttributeKind.TITLE,
    "role": AttributeKind.ROLE,
    "affiliation": AttributeKind.AFFILIATION,
}


def _lexicon(gazetteer: Gazetteer | None) -> Lexicon:
    if not gazetteer:
        return default_lexicon()
    return _extended_lexicon(tuple(sorted(gazetteer.items(), key=lambda item: item[0])))


@functools.lru_cache(maxsize=16)
def _extended_lexicon(
    items: tuple[tuple[str, EntityKind | tuple[str, EntityKind]], ...],
) -> Lexicon:
    # A caller passes the same gazetteer with every article: build its lexicon once.
    return default_lexicon().with_names(dict(items))


def _recognised(text: str, found: Iterable[Mention], lexicon: Lexicon) -> list[Working]:
    """Turn a recogniser's mentions into working mentions, named by the gazetteer if it can.

    A recogniser's ``ORG`` may be our news outlet; its ``GPE`` "Tehran" our Iran.
    """
    out = []
    for mention in found:
        start, end = mention.span.start, mention.span.end
        surface = text[start:end]
        words = surface.split()
        if words and words[0] in ("The", "the") and key_of(surface) not in lexicon.names:
            start += len(words[0]) + (len(surface) - len(surface.lstrip())) + 1
            surface, words = text[start:end], words[1:]
        if not words:
            continue
        known = lexicon.names.get(key_of(surface))
        if known is not None:
            out.append(Working(start, end, known.kind, f"name:{known.name}", known.name))
        elif mention.kind is EntityKind.PERSON:
            key = f"person:{key_of(words[0])} {key_of(words[-1])}"
            out.append(Working(start, end, EntityKind.PERSON, key, surface))
        else:
            out.append(Working(start, end, mention.kind, f"text:{key_of(surface)}", surface))
    return out


def _in_boilerplate(report: Report, mentions: list[Working]) -> list[Working]:
    spans = report.structure.boilerplate
    if not spans:
        return mentions
    return [m for m in mentions if not any(s.start <= m.start < s.end for s in spans)]


def _tie_statements(
    report: Report, index: Mentions, groups: dict[str, list[Working]]
) -> list[tuple[list[str], list[str]]]:
    """Resolve each statement's source and content to mention keys (adding pronoun mentions)."""
    ties = []
    for statement in report.statements:
        source_keys: list[str] = []
        for span in statement.source.mentions[:1]:
            source_key, pronoun = resolve_source(index, span.start, span.end)
            lone = source_key is not None and all(m.kind is None for m in groups[source_key])
            if lone and source_key is not None:
                group = groups[source_key]
                name = group[0].name
                if all(m.opener for m in group) and (_plural(name) or " " in name):
                    # "Critics said", a title-case headline: capitals that say nothing.
                    source_key = None
                else:
                    # A lone capitalised word that a statement is attributed to speaks: a
                    # person (settled now, so that a later "he" can refer to it).
                    for m in group:
                        m.kind = EntityKind.PERSON
            if pronoun is not None:
                groups[pronoun.key].append(pronoun)
                index.add(pronoun)
            if source_key is not None:
                source_keys = conjoined_keys(index, span.start, span.end, source_key)
        contents = [(s.start, s.end) for s in statement.content]
        ties.append((source_keys, content_keys(index, contents)))
    return ties


def _settle_kinds(groups: dict[str, list[Working]], sources: set[str]) -> None:
    """Give every cluster one kind; drop lone capitalised openers that nothing else supports."""
    for key in list(groups):
        mentions = groups[key]
        kinds = [m.kind for m in mentions if m.kind is not None and not m.pronoun]
        if not kinds:
            if key not in sources and all(m.opener for m in mentions):
                # "Prior reports", "Critics said": a capitalised opener, not a name.
                del groups[key]
                continue
            # A lone capitalised word that a statement is attributed to speaks: a person.
            kind = EntityKind.PERSON if key in sources else EntityKind.OTHER
        else:
            specific = [k for k in kinds if k is not EntityKind.OTHER]
            kind = (specific or kinds)[0]
        for m in mentions:
            m.kind = kind


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss") and word[:1].isupper()


def _name(key: str, mentions: list[Working], text: str) -> str:
    named = [m for m in mentions if not m.pronoun]
    if key.startswith("person:"):
        return max((text[m.start : m.end] for m in named), key=lambda s: (len(s.split()), len(s)))
    return named[0].name


def _attributes(
    mentions: list[Working], index: Mentions, lexicon: Lexicon, ids: Mapping[str, str]
) -> list[Attribute]:
    seen: set[tuple[str, str]] = set()
    out = []
    for mention in mentions:
        if mention.pronoun:
            continue
        for kind, start, end, body in read_attributes(mention, index, lexicon):
            entity_id = ids.get(body.key) if body is not None else None
            if body is not None and entity_id is None:
                continue
            what = entity_id or index.text[start:end].lower()
            if (kind, what) in seen:
                continue
            seen.add((kind, what))
            out.append(Attribute(_ATTRIBUTE_KINDS[kind], Span(start, end), entity_id))
    return out


def _entities(
    text: str, groups: dict[str, list[Working]], index: Mentions, lexicon: Lexicon
) -> tuple[list[Entity], dict[str, str]]:
    order = sorted(groups, key=lambda k: min(m.start for m in groups[k]))
    ids = {key: f"E{i + 1}" for i, key in enumerate(order)}
    entities = []
    for key in order:
        mentions = sorted(groups[key], key=lambda m: m.start)
        name = _name(key, mentions, text)
        aliases: list[str] = []
        for m in mentions:
            surface = text[m.start : m.end]
            if not m.pronoun and surface != name and surface not in aliases:
                aliases.append(surface)
        kind = mentions[0].kind or EntityKind.OTHER
        attributes = _attributes(mentions, index, lexicon, ids) if kind is EntityKind.PERSON else []
        entities.append(
            Entity(
                id=ids[key],
                name=name,
                kind=kind,
                mentions=[Span(m.start, m.end) for m in mentions],
                aliases=aliases,
                attributes=attributes,
            )
        )
    return entities, ids


def find_entities(
    report: Report, *, recogniser: Recogniser | None = None, gazetteer: Gazetteer | None = None
) -> Report:
    """Return ``report`` with its entities found, linked, described and tied to statements.

    Entities are numbered ``E1``, ``E2``... in order of first mention; any entities the report
    had are replaced. Each statement's ``source.entity_ids`` name the entities its source
    resolves to (two for "Bloomberg and Reuters"), and its ``entity_ids`` the entities its
    content mentions.

    Args:
        report: the report to read (statements, if any, are tied to the entities).
        recogniser: finds the mentions instead of the built-in rules (for example a
            :class:`~newsclaims.entities.SpacyRecogniser`); linking, attributes and ties
            still run.
        gazetteer: extra names, surface form -> kind or -> (canonical name, kind), added to the
            built-in ones for this call.

    Returns:
        A new report; the input is unchanged.

    >>> from newsclaims.model import Report
    >>> report = find_entities(Report("Iranian officials met Sean Savett. Savett said no."))
    >>> [(e.id, e.name, e.kind.value, e.aliases) for e in report.entities]
    [('E1', 'Iran', 'country', ('Iranian',)), ('E2', 'Sean Savett', 'person', ('Savett',))]
    """
    text = report.text
    lexicon = _lexicon(gazetteer)
    if recogniser is None:
        found = find_mentions(text, lexicon)
    else:
        found = _recognised(text, recogniser(text), lexicon)
    found = _in_boilerplate(report, found)
    found = link_acronyms(text, found, lexicon)
    link_surnames(text, found)
    groups = cluster(found)
    index = Mentions(text, [m for ms in groups.values() for m in ms], lexicon.genders)
    ties = _tie_statements(report, index, groups)
    _settle_kinds(groups, {key for keys, _ in ties for key in keys})
    entities, ids = _entities(text, groups, index, lexicon)
    statements = [
        _tied(statement, ids, source, contents)
        for statement, (source, contents) in zip(report.statements, ties, strict=True)
    ]
    return attrs.evolve(report, entities=entities, statements=statements)


def _tied(
    statement: Statement, ids: Mapping[str, str], source: list[str], contents: list[str]
) -> Statement:
    entity_ids = tuple(ids[key] for key in contents if key in ids)
    source_ids = tuple(dict.fromkeys(ids[key] for key in source if key in ids))
    if source_ids == statement.source.entity_ids and entity_ids == statement.entity_ids:
        return statement
    if source_ids == statement.source.entity_ids:
        return attrs.evolve(statement, entity_ids=entity_ids)
    return attrs.evolve(
        statement,
        source=attrs.evolve(statement.source, entity_ids=source_ids),
        entity_ids=entity_ids,
    )


def entity_stage(analysis: Analysis) -> Analysis:
    """Pipeline stage: fill the report's entities and tie them to its statements.

    Runs after the statement stages (it reads ``analysis.report.statements``).

    >>> from newsclaims.extraction import Analysis, options_for
    >>> from newsclaims.model import Report
    >>> done = entity_stage(Analysis(Report("Reuters reported it."), options_for()))
    >>> [e.name for e in done.report.entities]
    ['Reuters']
    """
    return attrs.evolve(analysis, report=find_entities(analysis.report))
