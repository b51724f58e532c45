"""Mentions: the raw material of entities, found by rules or handed in by a recogniser.

A :class:`Mention` is one span of text that names something, with the kind it suggests and a
linking key: mentions with the same key are one entity. Keys are ``"name:<canonical>"`` for
gazetteer names, ``"person:<first> <last>"`` for people, ``"acr:<ACRONYM>"`` for acronym pairs
and ``"text:<form>"`` for anything else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import attrs

from newsclaims.model import EntityKind, Span

__all__ = ["Mention", "Recogniser", "Working"]


@attrs.frozen
class Mention:
    """A span that names an entity, as a recogniser reports it.

    Attributes:
        span: where the mention is in the report's text.
        kind: what the recogniser thinks it names.

    >>> Mention(Span(0, 4), EntityKind.COUNTRY).kind.value
    'country'
    """

    span: Span
    kind: EntityKind


class Recogniser(Protocol):
    """Anything that finds entity mentions in a text: ``recogniser(text) -> mentions``.

    Pass one to :func:`~newsclaims.entities.find_entities` to replace the built-in rules; the
    linking, attributes and ties to statements still run on what it finds.
    :class:`~newsclaims.entities.SpacyRecogniser` is one.

    >>> def countries(text: str) -> list[Mention]:
    ...     start = text.find("Iran")
    ...     return [Mention(Span(start, start + 4), EntityKind.COUNTRY)] if start >= 0 else []
    >>> countries("Iran said.")
    [Mention(span=Span(start=0, end=4), kind=<EntityKind.COUNTRY: 'country'>)]
    """

    def __call__(self, text: str, /) -> list[Mention]:
        """Return the mentions found in ``text``, in any order."""


class Working:
    """A mention as the linker works on it (internal and mutable, never returned).

    A plain slotted class rather than attrs: thousands are made per article, and the entity
    stage has to stay cheap.

    Attributes:
        start: first character.
        end: one past the last character.
        kind: the kind it suggests; ``None`` for a lone capitalised word not yet resolved.
        key: the linking key.
        name: the canonical name it suggests.
        titles: titles and roles read around it, as ``(kind, start, end)``.
        affiliations: spans of mentions read as its affiliation (``White House spokesperson``).
        pronoun: the mention is a resolved pronoun (never an alias).
        opener: the mention opens a sentence (so its capital says little).
    """

    __slots__ = (
        "affiliations",
        "end",
        "key",
        "kind",
        "name",
        "opener",
        "pronoun",
        "start",
        "titles",
    )

    def __init__(
        self,
        start: int,
        end: int,
        kind: EntityKind | None,
        key: str,
        name: str,
        *,
        pronoun: bool = False,
        opener: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.key = key
        self.name = name
        # Shared empty tuples until set: most mentions have neither.
        self.titles: Sequence[tuple[str, int, int]] = ()
        self.affiliations: Sequence[tuple[int, int]] = ()
        self.pronoun = pronoun
        self.opener = opener

    def __repr__(self) -> str:
        return f"Working({self.start}, {self.end}, {self.kind}, {self.key!r})"
