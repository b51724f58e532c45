"""schema.org JSON-LD: the article as a ``NewsArticle`` whose parts are ``Claim`` items.

The context is inline (``{"@vocab": "https://schema.org/"}``), so a linked-data tool expands
the document without fetching anything. Nodes that have no IRI of their own get blank-node
ids (``_:S1``, ``_:E1``); the article takes its URL as ``@id`` when it has one.

- The article: ``headline``, ``articleBody`` (the text the offsets index), ``publisher``,
  ``author``, ``datePublished``, ``url``, ``inLanguage``, and ``mentions``: the entities, typed
  ``Person``, ``Organization``, ``GovernmentOrganization``, ``Country``,
  ``NewsMediaOrganization``, ``Product``, ``Place`` or ``Thing``.
- Each statement is a ``Claim`` in the article's ``hasPart``: ``text`` (the content),
  ``author`` (the source: its entity where linked, else a ``Thing`` named by the source's
  words), ``appearance`` (the article), ``isPartOf`` (the claim it is nested in), and
  ``additionalProperty`` items (``PropertyValue``) for what schema.org has no word for: the
  source kind, the cue, its lemma and stance, the form, certainty, polarity, likelihood and its
  probability range, and the character offsets.
"""

from __future__ import annotations

import json
from typing import Any

from newsclaims.model import Entity, EntityKind, Report, Span, Statement

__all__ = ["SCHEMA_ORG_TYPES", "dumps_jsonld", "to_jsonld"]

#: The schema.org type for each entity kind.
SCHEMA_ORG_TYPES = {
    EntityKind.PERSON: "Person",
    EntityKind.ORGANIZATION: "Organization",
    EntityKind.GOVERNMENT: "GovernmentOrganization",
    EntityKind.COUNTRY: "Country",
    EntityKind.NEWS_OUTLET: "NewsMediaOrganization",
    EntityKind.INTERNATIONAL_ORGANIZATION: "Organization",
    EntityKind.WEAPON: "Product",
    EntityKind.PRODUCT: "Product",
    EntityKind.GROUP: "Thing",
    EntityKind.LOCATION: "Place",
    EntityKind.OTHER: "Thing",
}

_CONTEXT = {"@vocab": "https://schema.org/"}


def _offsets(spans: tuple[Span, ...]) -> str:
    return ";".join(f"{s.start}-{s.end}" for s in spans)


def _property(name: str, value: object) -> dict[str, Any]:
    return {"@type": "PropertyValue", "name": name, "value": value}


def _entity_node(report: Report, entity: Entity) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": SCHEMA_ORG_TYPES[entity.kind],
        "@id": f"_:{entity.id}",
        "name": entity.name,
    }
    if entity.aliases:
        node["alternateName"] = list(entity.aliases)
    for attribute in entity.attributes:
        node.setdefault("description", []).append(
            f"{attribute.kind.value}: {attribute.span.text_of(report.text)}"
        )
    node["additionalProperty"] = [_property("mentionOffsets", _offsets(entity.mentions))]
    return node


def _author(report: Report, statement: Statement) -> dict[str, Any] | list[Any] | None:
    source = statement.source
    if source.entity_ids:
        # "Bloomberg and Reuters": schema.org takes a list of authors.
        authors = [
            {"@id": f"_:{ref}", "@type": SCHEMA_ORG_TYPES[report.entity(ref).kind]}
            for ref in source.entity_ids
        ]
        return authors[0] if len(authors) == 1 else authors
    if source.mentions:
        return {"@type": "Thing", "name": report.text_of(source.mentions, sep=" ")}
    return None


def _claim_properties(report: Report, statement: Statement) -> list[dict[str, Any]]:
    cue = statement.cue
    props = [
        _property("sourceText", report.text_of(statement.source.mentions, sep=" ")),
        _property("sourceKind", statement.source.kind.value),
        _property("cue", report.text_of(cue.spans, sep=" ")),
        _property("cueLemma", cue.lemma),
        _property("stance", cue.stance.value),
        _property("form", statement.form.value),
    ]
    confidence = statement.confidence
    if confidence is not None:
        props += [
            _property("certainty", confidence.certainty.value),
            _property("polarity", confidence.polarity.value),
        ]
        if confidence.likelihood is not None:
            low, high = confidence.likelihood.range
            props += [
                _property("likelihood", confidence.likelihood.value),
                {
                    "@type": "PropertyValue",
                    "name": "probability",
                    "minValue": low,
                    "maxValue": high,
                },
            ]
    props += [
        _property("sourceOffsets", _offsets(statement.source.mentions)),
        _property("cueOffsets", _offsets(cue.spans)),
        _property("contentOffsets", _offsets(statement.content)),
    ]
    return props


def _claim(report: Report, statement: Statement, article_id: str) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "Claim",
        "@id": f"_:{statement.id}",
        "text": report.text_of(statement.content, sep=" … "),
        "appearance": {"@id": article_id},
    }
    author = _author(report, statement)
    if author is not None:
        node["author"] = author
    if statement.nested_in is not None:
        node["isPartOf"] = {"@id": f"_:{statement.nested_in}"}
    if statement.entity_ids:
        node["mentions"] = [{"@id": f"_:{e}"} for e in statement.entity_ids]
    node["additionalProperty"] = _claim_properties(report, statement)
    return node


def to_jsonld(report: Report) -> dict[str, Any]:
    """Return the JSON-LD document for ``report`` as a dict.

    >>> doc = to_jsonld(Report("Iran denied it."))
    >>> doc["@type"], doc["articleBody"]
    ('NewsArticle', 'Iran denied it.')
    """
    meta = report.metadata
    article_id = meta.url or "_:article"
    doc: dict[str, Any] = {"@context": _CONTEXT, "@type": "NewsArticle", "@id": article_id}
    if report.structure.headline is not None:
        doc["headline"] = report.structure.headline.text_of(report.text)
    if meta.url is not None:
        doc["url"] = meta.url
    if meta.publisher is not None:
        doc["publisher"] = {"@type": "Organization", "name": meta.publisher}
    if meta.authors:
        doc["author"] = [{"@type": "Person", "name": name} for name in meta.authors]
    if meta.published is not None:
        doc["datePublished"] = meta.published.isoformat()
    if meta.language is not None:
        doc["inLanguage"] = meta.language
    doc["articleBody"] = report.text
    if report.entities:
        doc["mentions"] = [_entity_node(report, e) for e in report.entities]
    if report.statements:
        doc["hasPart"] = [_claim(report, s, article_id) for s in report.statements]
    return doc


def dumps_jsonld(report: Report) -> str:
    """Return the JSON-LD text for ``report``: deterministic, one document.

    >>> json.loads(dumps_jsonld(Report("Hi.")))["@context"]
    {'@vocab': 'https://schema.org/'}
    """
    return json.dumps(to_jsonld(report), ensure_ascii=False, indent=1) + "\n"
