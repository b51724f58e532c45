"""Attributes: what the text says of a person around the name.

Three places are read, all within a few words of the name:

- a title or role inside the capitalised run before it (``Secretary of State Antony
  Blinken``, ``Spokeswoman Haley Morris``), with any known body just before the title as the
  affiliation (``Iranian Foreign Minister ...``);
- lower-case role words right before it (``National Security Council spokesperson Sean
  Savett``), with the name right before the role as the affiliation;
- an appositive right after it (``Savett, a spokesperson for the National Security Council``).
"""

from __future__ import annotations

import re

from newsclaims.entities._data import Lexicon
from newsclaims.entities._mentions import Working
from newsclaims.entities._ties import Mentions
from newsclaims.model import EntityKind

__all__ = ["read_attributes"]

_APPOSITIVE = re.compile(
    r",[ \u00a0](?:(?:a|an|the|its|his|her|their)[ \u00a0])?"
    r"((?:(?!(?:for|of|at|with|to|the)\b)[a-z][\w-]*[ \u00a0]){0,2}"
    r"(?!(?:for|of|at|with|to|the)\b)[a-z][\w-]*)"
    r"(?:[ \u00a0](?:for|of|at|with|to)[ \u00a0](?:the[ \u00a0])?)?"
)
_PLAIN = re.compile(r"[\w-]+")
_POSSESSIVE_GAP = frozenset(["", " ", "’s ", "'s "])

#: One attribute as read: (kind, start, end, affiliated mention or None).
Found = tuple[str, int, int, Working | None]


def _role_before(text: str, start: int, lexicon: Lexicon) -> tuple[str, int] | None:
    """Return the kind and start of the longest role phrase ending right before ``start``."""
    if start < 2 or text[start - 1] != " " or not text[start - 2].islower():
        return None
    words = text[max(0, start - 50) : start - 1].split(" ")[-3:]
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[-n:])
        if not phrase.islower():
            continue
        kind = lexicon.titles.get(phrase)
        if kind is not None and kind != "honorific":
            return kind, start - len(phrase) - 1
    return None


def _mention_ending_at(mentions: Mentions, end: int) -> Working | None:
    text = mentions.text
    for gap in _POSSESSIVE_GAP:
        m = mentions.covering(end - len(gap) - 1)
        if m is not None and m.end == end - len(gap) and text[m.end : end] == gap:
            return m
    return None


def read_attributes(person: Working, mentions: Mentions, lexicon: Lexicon) -> list[Found]:
    """Return the titles, roles and affiliations read around one mention of a person."""
    text = mentions.text
    found: list[Found] = []
    for kind, start, end in person.titles:
        if kind != "honorific":
            found.append((kind, start, end, None))
    for start, end in person.affiliations:
        body = mentions.covering(start)
        if body is not None and body.end == end:
            found.append(("affiliation", start, end, body))
    role = _role_before(text, person.start, lexicon)
    if role is not None:
        kind, start = role
        found.append((kind, start, person.start - 1, None))
        body = _mention_ending_at(mentions, start)
        if body is not None and body.kind is not EntityKind.PERSON:
            found.append(("affiliation", body.start, body.end, body))
    found.extend(_appositive(person, mentions, lexicon))
    return found


def _appositive(person: Working, mentions: Mentions, lexicon: Lexicon) -> list[Found]:
    text = mentions.text
    match = _APPOSITIVE.match(text, person.end)
    if match is None:
        return []
    words = [(w.start(), w.end()) for w in _PLAIN.finditer(text, *match.span(1))]
    best: tuple[str, int, int] | None = None
    for last in range(len(words), 0, -1):
        for first in range(last):
            start, end = words[first][0], words[last - 1][1]
            kind = lexicon.titles.get(text[start:end])
            better = best is None or end - start > best[2] - best[1]
            if kind is not None and kind != "honorific" and better:
                best = (kind, start, end)
    if best is None:
        return []
    kind, start, end = best
    out: list[Found] = [(kind, start, end, None)]
    # The affiliation follows the role directly: "a spokesperson for the NSC".
    end = match.end(1) if end == match.end(1) else -1
    if end > 0 and match.end() > end:
        body = mentions.covering(match.end())
        if body is not None and body.start == match.end() and body.kind is not EntityKind.PERSON:
            out.append(("affiliation", body.start, body.end, body))
    return out
