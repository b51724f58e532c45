"""Ties to statements: the entity a source names, and the entities a content mentions.

A source is a noun phrase ("White House National Security Council spokesperson Sean Savett",
"Prior reports from Bloomberg and Reuters", "Its UN mission"). Its entity is the one that
heads it: the name that ends its first chunk, the owner of a possessive ("Its UN mission" is
Iran's), the outlet behind "reports from ...", or the antecedent of a pronoun. A described
but unnamed source ("unnamed US and European officials") heads on a common noun and links to
no entity, even though it mentions one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from typing import Final

from newsclaims.entities._mentions import Working
from newsclaims.model import EntityKind


def _words(line: str) -> list[str]:
    return line.split()


__all__ = ["Mentions", "resolve_source"]

# Where a source's first chunk ends, unless inside a name ("Secretary of State").
_BOUNDARY = re.compile(r",|\(| (?:who|which|that|from|of|in|at|for|with|on|by|to|and|or) ")
_WORD = re.compile(r"[\w’'-]+")
# What a pronoun wants: a man ("m"), a woman ("f") or a body (a country, an organisation).
_PERSONAL = {"he": "m", "she": "f", "it": "body", "his": "m", "her": "f", "its": "body"}
_POSSESSIVE = frozenset(["its", "his", "her"])
_INDEFINITE = frozenset(["a", "an", "another", "one", "some", "several", "many", "two", "three"])
_DETERMINERS = frozenset(["its", "their", "his", "her", "the", "other", "several", "some"])
_REPORT_NOUNS = frozenset(
    _words(
        "report reports story stories article articles statement statements analysis data "
        "survey poll polls study studies document documents findings"
    )
)
_INSTITUTIONS = frozenset(
    _words(
        "mission ministry government administration office embassy campaign delegation "
        "military army navy team department agency council committee parliament cabinet "
        "leadership spokesman spokeswoman spokesperson"
    )
)
_BODY_KINDS = frozenset(
    [
        EntityKind.COUNTRY,
        EntityKind.GOVERNMENT,
        EntityKind.ORGANIZATION,
        EntityKind.NEWS_OUTLET,
        EntityKind.INTERNATIONAL_ORGANIZATION,
    ]
)
_LOOKBACK = 600
_SCAN = 64  # mentions in a span read one by one; past that, looked up entity by entity


class Mentions:
    """The mentions of a text, sorted, with lookups by position."""

    def __init__(
        self, text: str, mentions: list[Working], genders: Mapping[str, str] | None = None
    ) -> None:
        self.text = text
        self.genders = genders or {}
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]
        self._by_key: dict[str, list[tuple[int, int]]] | None = None

    def within(self, start: int, end: int) -> list[Working]:
        """Return the mentions inside ``[start, end)``."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i].start < end:
            if self.items[i].end <= end:
                out.append(self.items[i])
            i += 1
        return out

    def keys_within(self, start: int, end: int) -> list[str]:
        """Return the keys of the mentions inside ``[start, end)``, each once, in text order."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end, lo)
        if hi - lo <= _SCAN:
            keys: dict[str, None] = {}
            for m in self.items[lo:hi]:
                if m.end <= end:
                    keys[m.key] = None
            return list(keys)
        # Many mentions, few entities (a long content, or contents nested in each other down a
        # long chain): look each entity up rather than each mention, so that reading every
        # statement's content stays linear in the text.
        firsts = []
        for key, spans in self._mentions_by_key().items():
            k = bisect.bisect_left(spans, (start, start))
            while k < len(spans) and spans[k][0] < end:
                if spans[k][1] <= end:
                    firsts.append((spans[k][0], key))
                    break
                k += 1
        return [key for _, key in sorted(firsts)]

    def _mentions_by_key(self) -> dict[str, list[tuple[int, int]]]:
        if self._by_key is None:
            self._by_key = {}
            for m in self.items:  # in order of start: each list comes out sorted
                self._by_key.setdefault(m.key, []).append((m.start, m.end))
        return self._by_key

    def add(self, mention: Working) -> None:
        """Add a mention (a resolved pronoun, so that later pronouns can chain to it)."""
        self._by_key = None
        i = bisect.bisect_left(self.starts, mention.start)
        self.starts.insert(i, mention.start)
        self.items.insert(i, mention)

    def covering(self, pos: int) -> Working | None:
        """Return the mention that holds character ``pos``, if any."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.items[i].start <= pos < self.items[i].end:
            return self.items[i]
        return None

    def antecedent(self, pos: int, want: str) -> Working | None:
        """Find what a pronoun at ``pos`` refers to: a man or woman (``"m"``, ``"f"``) or a body.

        The closest compatible mention before it marks the sentence; the first compatible
        mention of that sentence wins, since a sentence's subject is the likeliest referent.
        """
        genders = self.genders

        def ok(m: Working) -> bool:
            if want == "body":
                return m.kind in _BODY_KINDS
            if m.kind is None:
                # A lone capitalised word not yet typed ("said Grayson"): a person unless it
                # opens a sentence ("Anywhere", "Asked") or looks plural ("Critics").
                return not m.opener and not m.name.endswith("s")
            # A known given name of the other gender rules a person out; others may fit.
            return (
                m.kind is EntityKind.PERSON
                and genders.get(m.name.split(" ", 1)[0].lower(), want) == want
            )

        text = self.text
        here = _sentence_start(text, pos)
        i = bisect.bisect_left(self.starts, pos) - 1
        fallback = None
        while i >= 0 and self.items[i].start >= pos - _LOOKBACK:
            m = self.items[i]
            if ok(m) and not _quoted_before(text, m, pos):
                # "Ayn Rand's" in an earlier sentence is rarely what a later pronoun means;
                # in the same sentence it often is ("Comey's news conference, in which he").
                if m.start >= here or not _possessive(text, m.end):
                    break
                fallback = fallback if fallback is not None else i
            i -= 1
        else:
            i = -1
        if i < 0:
            if fallback is None:
                return None
            i = fallback
        closest = self.items[i]
        sentence = _sentence_start(text, closest.start)
        for j in range(bisect.bisect_left(self.starts, sentence), i + 1):
            m = self.items[j]
            if m is closest or (
                ok(m) and not _possessive(text, m.end) and not _quoted_before(text, m, pos)
            ):
                return m
        return closest


def _sentence_start(text: str, pos: int) -> int:
    return 1 + max(
        text.rfind(". ", 0, pos),
        text.rfind("\n", 0, pos),
        text.rfind("? ", 0, pos),
        text.rfind("! ", 0, pos),
    )


def _quoted_before(text: str, m: Working, pos: int) -> bool:
    """Say whether ``m`` sits in a quotation that closes before ``pos``.

    A name a speaker uses ("... the leadership of Mr. Trump," he added) is not the speaker.
    """
    closes = -1
    for mark in ("”", '"', "''"):
        closes = text.find(mark, m.end, pos)
        if closes >= 0:
            break
    if closes < 0:
        return False
    opening = max(
        text.rfind("“", max(0, m.start - _LOOKBACK), m.start),
        text.rfind('"', max(0, m.start - _LOOKBACK), m.start),
    )
    return opening >= 0 and text.rfind("”", opening, m.start) < 0


def _possessive(text: str, end: int) -> bool:
    """Say whether a name ending at ``end`` is a possessor ("Iran's", "Sanders' bill")."""
    after = text[end : end + 2]
    return after in ("’s", "'s") or (text[end - 1 : end] == "s" and after[:1] in ("’", "'"))


def _chunk_end(mentions: Mentions, start: int, end: int) -> int:
    text = mentions.text
    for match in _BOUNDARY.finditer(text, start, end):
        at = match.start()
        if at == start or mentions.covering(at + 1) is not None:
            continue
        # "Secretary of State Antony Blinken": a connector between capitals is inside a title.
        word_start = text.rfind(" ", start, at) + 1 if text.rfind(" ", start, at) >= 0 else start
        if text[word_start].isupper() and text[match.end() : match.end() + 1].isupper():
            continue
        return at
    return end


def _conjunct(mentions: Mentions, start: int, end: int) -> int:
    """Cut "The US and its allies" to "The US"; keep "unnamed US and European officials"."""
    text = mentions.text
    for joiner in (" and ", " or "):
        at = text.find(joiner, start, end)
        if at < 0 or mentions.covering(at + 1) is not None:
            continue
        rest = at + len(joiner)
        first_word = _WORD.match(text, rest)
        if first_word is not None and first_word.group().lower() in _DETERMINERS:
            return at
        inside = mentions.within(rest, end)
        if inside and inside[0].start == rest and inside[-1].end >= end:
            return at
    return end


def resolve_source(mentions: Mentions, start: int, end: int) -> tuple[str | None, Working | None]:
    """Return the key of the entity that heads the source ``[start, end)``, or ``None``.

    The second value is a new mention when the head is a pronoun resolved to an antecedent
    ("He", "Its" in "Its UN mission"); the caller adds it to that entity.
    """
    text = mentions.text
    while end > start and text[end - 1] in " ,;:’'\"”":
        end -= 1
    words = list(_WORD.finditer(text, start, end))
    if not words:
        return None, None
    first = words[0].group().lower()
    if first in _INDEFINITE:
        # "a California Democrat", "an official at the State Department": a description.
        return None, None
    if len(words) == 1 and first in ("he", "she", "it"):
        return _pronoun_head(mentions, words[0], _PERSONAL[first])
    cut = _chunk_end(mentions, start, end)
    cut = _conjunct(mentions, start, cut)
    while cut > start and text[cut - 1] in " ,":
        cut -= 1
    head = mentions.covering(cut - 1)
    if head is not None and not head.pronoun:
        return head.key, None
    tail = list(_WORD.finditer(text, start, cut))
    last_word = tail[-1].group().lower() if tail else ""
    if last_word in _INSTITUTIONS and first in _POSSESSIVE:
        return _pronoun_head(mentions, words[0], _PERSONAL[first])
    return _owner_head(mentions, words[0].start(), last_word, cut, end), None


def _pronoun_head(
    mentions: Mentions, word: re.Match[str], want: str
) -> tuple[str | None, Working | None]:
    found = mentions.antecedent(word.start(), want)
    if found is None:
        return None, None
    pronoun = Working(word.start(), word.end(), found.kind, found.key, found.name, pronoun=True)
    return found.key, pronoun


def _owner_head(mentions: Mentions, start: int, last_word: str, cut: int, end: int) -> str | None:
    """The owner of "Iran's UN mission", or the outlet of "reports from Bloomberg"."""
    text = mentions.text
    if last_word in _INSTITUTIONS:
        owner = mentions.covering(start)
        if owner is not None and text[owner.end : owner.end + 2] in ("’s", "'s"):
            return owner.key
    if last_word in _REPORT_NOUNS and text.startswith((" from ", " by "), cut):
        after = mentions.within(cut, end)
        if after:
            return after[0].key
    return None


_JOINERS: Final = frozenset({" and ", ", ", ", and ", " or ", ", or ", " & "})


def conjoined_keys(mentions: Mentions, start: int, end: int, head: str) -> list[str]:
    """Return ``head`` and the keys of the names coordinated with it in the source.

    "Prior reports from Bloomberg and Reuters" names two entities; "The US and its allies"
    one ("its allies" is no name); "Iran and Russia's allies" one (a possessor qualifies).

    The names must follow each other with only a joiner between them (``and``, ``or``, a
    comma), as one coordination.
    """
    text = mentions.text
    names = [m for m in mentions.within(start, end) if not m.pronoun]
    chains: list[list[Working]] = []
    for m in names:
        if chains and text[chains[-1][-1].end : m.start] in _JOINERS:
            chains[-1].append(m)
        else:
            chains.append([m])
    for chain in chains:
        keys = [m.key for m in chain if m.key == head or not _possessive(text, m.end)]
        if head in keys:
            return list(dict.fromkeys(keys))
    return [head]


def content_keys(mentions: Mentions, spans: list[tuple[int, int]]) -> list[str]:
    """Return the keys of the mentions inside the content spans, each once, in text order."""
    keys: dict[str, None] = {}
    for start, end in spans:
        keys.update(dict.fromkeys(mentions.keys_within(start, end)))
    return list(keys)
