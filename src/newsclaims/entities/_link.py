"""Linking: acronyms to their full forms, surnames to full names, mentions into clusters.

Mentions with the same key are one entity. The gazetteers already give every name of a
country or organisation the same key (``Iranian``, ``Tehran`` and ``Iran`` are all
``name:Iran``); this module adds the links that only the article can tell: an acronym
defined in parentheses (``close-range ballistic missiles (CRBMs)``, ``WANA (West Asia News
Agency)``) and a surname used after (or before) the full name (``Savett``).
"""

from __future__ import annotations

import bisect
import re

from newsclaims.entities._data import Lexicon, key_of
from newsclaims.entities._mentions import Working
from newsclaims.entities._rules import is_acronym
from newsclaims.model import EntityKind


def _words(line: str) -> list[str]:
    return line.split()


__all__ = ["cluster", "link_acronyms", "link_surnames"]

_PAREN = re.compile(r"\(([^()\n]{1,100})\)")
_PLAIN_WORD = re.compile(r"[^\W_]+")
_LAST_WORD = re.compile(r"([\w&.]+)\s*\Z")
_SKIPPABLE = frozenset(["of", "and", "the", "for", "on", "in", "to", "a", "&"])
_WEAPON_NOUNS = frozenset(
    _words(
        "missile missiles rocket rockets drone drones weapon weapons bomb bombs launcher "
        "launchers aircraft jet jets fighter fighters tank tanks vehicle vehicles munition "
        "munitions"
    )
)
_SUFFIXES = frozenset(["jr.", "sr.", "ii", "iii", "iv"])


def _letters(acronym: str) -> str:
    core = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    return "".join(c for c in core if c.isalnum()).upper()


def _full_form_before(text: str, end: int, letters: str) -> tuple[int, int] | None:
    """Find the words before ``end`` whose initials spell ``letters`` (skipping "of", "and"...)."""
    words = [
        (m.start(), m.end(), m.group())
        for m in _PLAIN_WORD.finditer(text, max(0, end - 40 - 12 * len(letters)), end)
    ]
    wanted = len(letters) - 1
    start = None
    skipped = 0
    for w_start, _w_end, word in reversed(words):
        if wanted < 0:
            break
        if word[0].upper() == letters[wanted]:
            wanted -= 1
            start = w_start
        elif word.lower() in _SKIPPABLE and skipped < 2 and start is not None:
            skipped += 1
        else:
            return None
    if wanted >= 0 or start is None:
        return None
    stop = words[-1][1]
    return start, stop


def _initials_match(phrase: str, letters: str) -> bool:
    initials = "".join(
        w[0].upper() for w in _PLAIN_WORD.findall(phrase) if w.lower() not in _SKIPPABLE
    )
    return initials == letters


def _kind_of_phrase(words: list[str], lexicon: Lexicon) -> EntityKind:
    last = key_of(words[-1]).lower()
    if last in _WEAPON_NOUNS:
        return EntityKind.WEAPON
    return lexicon.heads.get(last, EntityKind.OTHER)


def link_acronyms(text: str, mentions: list[Working], lexicon: Lexicon) -> list[Working]:
    """Give an acronym and its full form one key, wherever either occurs.

    Returns the mentions (changed in place) plus any new full-form mentions, in text order.
    """
    by_span = {(m.start, m.end): m for m in mentions}
    by_end = {m.end: m for m in mentions}
    pairs: list[tuple[str, Working]] = []
    for match in _PAREN.finditer(text):
        inner = match.group(1)
        if is_acronym(inner):
            span = _full_form_before(text, match.start(), _letters(inner))
            acronym = inner
        else:
            last = _LAST_WORD.search(text, max(0, match.start() - 20), match.start())
            if last is None or not is_acronym(last.group(1)):
                continue
            acronym = last.group(1)
            if not _initials_match(inner, _letters(acronym)):
                continue
            span = match.span(1)
        if span is None:
            continue
        full = by_span.get(span) or by_end.get(span[1])
        if full is None or full.start < span[0]:
            surface = text[span[0] : span[1]]
            kind = _kind_of_phrase(surface.split(), lexicon)
            full = Working(span[0], span[1], kind, f"acr:{_letters(acronym)}", surface)
            mentions.append(full)
            by_span[span] = full
        pairs.append((_letters(acronym), full))
    if not pairs:
        return mentions
    return _apply_pairs(text, mentions, pairs)


def _apply_pairs(
    text: str, mentions: list[Working], pairs: list[tuple[str, Working]]
) -> list[Working]:
    keys: dict[str, Working] = {}
    for letters, full in pairs:
        if not full.key.startswith("name:"):
            # A known full form keeps its gazetteer key; otherwise the pair gets its own.
            full.key = f"acr:{letters}"
            if full.kind in (None, EntityKind.OTHER, EntityKind.PERSON):
                full.kind = EntityKind.ORGANIZATION
        keys.setdefault(letters, full)
    for mention in mentions:
        surface = text[mention.start : mention.end]
        paired = keys.get(_letters(surface)) if is_acronym(surface) else None
        if paired is not None and mention is not paired:
            mention.key, mention.kind, mention.name = paired.key, paired.kind, paired.name
    # A lower-case full form ("close-range ballistic missiles") is not found by the
    # capitalised-run rules: find its later uses here.
    taken = sorted((m.start, m.end) for m in mentions)
    for full in keys.values():
        surface = text[full.start : full.end]
        if not surface[:1].islower():
            continue
        at = text.find(surface, full.end)
        while at >= 0:
            i = bisect.bisect_right(taken, (at, len(text)))
            clear = (i == 0 or taken[i - 1][1] <= at) and (
                i == len(taken) or taken[i][0] >= at + len(surface)
            )
            if clear:
                mentions.append(Working(at, at + len(surface), full.kind, full.key, full.name))
            at = text.find(surface, at + len(surface))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _surname(name_key: str) -> str:
    return name_key.rsplit(" ", 1)[-1]


def link_surnames(text: str, mentions: list[Working]) -> None:
    """Point lone names (``Savett``, ``Mr. Savett``) at the full name that ends with them.

    A lone name takes the nearest full name before it with that surname, or else the first
    after it (a headline often names a person by surname before the body gives the full name).
    A lone first name takes the one person of the article with that first name, if only one.
    """
    index: dict[str, list[tuple[int, Working]]] = {}
    firsts: dict[str, list[Working]] = {}
    for m in mentions:
        if m.kind is EntityKind.PERSON and " " in text[m.start : m.end].strip():
            words = [w for w in text[m.start : m.end].split() if w.lower() not in _SUFFIXES]
            index.setdefault(words[-1].lower(), []).append((m.start, m))
            firsts.setdefault(words[0].lower(), []).append(m)
    # A first name alone ("Marco") is the person only when one person in the article has it.
    for first, named in firsts.items():
        if first not in index and len({p.key for p in named}) == 1:
            index[first] = [(named[0].start, named[0])]
    if not index:
        return
    for m in mentions:
        surface = text[m.start : m.end]
        if " " in surface or m.kind not in (None, EntityKind.PERSON, EntityKind.OTHER):
            continue
        if m.kind is EntityKind.OTHER and not m.key.startswith("text:"):
            continue
        # Lower case, so that a transcript's "TRUMP:" finds Donald Trump.
        people = index.get(surface.lower())
        if not people:
            continue
        before = [p for p in people if p[0] < m.start]
        full = before[-1][1] if before else people[0][1]
        m.key, m.kind, m.name = full.key, EntityKind.PERSON, full.name


def cluster(mentions: list[Working]) -> dict[str, list[Working]]:
    """Group mentions by key, in order of first mention (overlapping mentions are dropped)."""
    groups: dict[str, list[Working]] = {}
    last_end = -1
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < last_end or m.end <= m.start:
            continue
        last_end = m.end
        groups.setdefault(m.key, []).append(m)
    return groups
