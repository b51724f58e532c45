"""Load the cue and source lexicons (data files in :mod:`newsclaims.lexicons`).

A :class:`Lexicon` maps every surface form of a cue (lower case, words separated by one
space) to its :class:`CueEntry`, and source head words to a source kind. Users extend it at
call time with :meth:`Lexicon.with_verbs`; the data files stay as shipped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources

import attrs

from newsclaims._inflect import inflect

__all__ = ["CueEntry", "Lexicon", "default_lexicon", "trie_pattern"]

_STANCES = frozenset({"neutral", "endorsing", "distancing", "negating"})
_FRAMES = frozenset({"verb", "according", "noun", "adverb"})


@attrs.frozen
class CueEntry:
    """What a cue form means: its lemma, implied stance, frame and whether it is a phrase."""

    lemma: str
    stance: str = "neutral"
    frame: str = "verb"
    phrase: bool = False
    homograph: bool = False
    """Also a common noun ("support", "attacks"): a cue only in a verbal context."""
    complements: frozenset[str] = frozenset({"that"})
    """For a noun cue: the words that may introduce its content ("that", "of", "on")."""


def _rows(name: str) -> Iterator[list[str]]:
    data = resources.files("newsclaims.lexicons").joinpath(name).read_text(encoding="utf-8")
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _rows_of_two(name: str) -> Iterator[tuple[str, str]]:
    for row in _rows(name):
        yield row[0], row[1]


@attrs.frozen
class Lexicon:
    """Cue forms and source words, as read from the data files plus any user additions."""

    cues: Mapping[str, CueEntry]
    source_kinds: Mapping[str, str]
    nouns: Mapping[str, CueEntry] = attrs.field(factory=dict)
    """Noun cues (``claim``, ``statement``), read where the same form is not a verb."""

    def with_verbs(self, verbs: Iterable[str], stance: str = "neutral") -> Lexicon:
        """Return a lexicon that also knows ``verbs`` (lemmas; regular inflections added).

        >>> lex = default_lexicon().with_verbs(["opine"])
        >>> lex.cues["opined"].lemma
        'opine'
        """
        cues = dict(self.cues)
        for verb in verbs:
            lemma = verb.strip().lower()
            for form in inflect(lemma):
                cues.setdefault(form, CueEntry(lemma, stance))
        return attrs.evolve(self, cues=cues)

    def with_cues(self, entries: Mapping[str, CueEntry]) -> Lexicon:
        """Return a lexicon that also knows the given surface forms (they win over ours)."""
        cues = dict(self.cues)
        for form, entry in entries.items():
            cues[" ".join(form.lower().split())] = entry
        return attrs.evolve(self, cues=cues)


@functools.cache
def default_lexicon() -> Lexicon:
    """Return the shipped lexicon (read once, then cached).

    >>> default_lexicon().cues["according to"].frame
    'according'
    """
    cues: dict[str, CueEntry] = {}
    for lemma, stance, forms in _rows("verbs.tsv"):
        for form in forms.split(","):
            bare = form.rstrip("*")
            cues[bare] = CueEntry(lemma, stance, homograph=bare != form)
    for lemma, stance, frame, forms in _rows("phrases.tsv"):
        for form in forms.split(","):
            cues[form] = CueEntry(lemma, stance, frame, phrase=True)
    nouns = {
        form: CueEntry(lemma, stance, "noun", complements=frozenset(words.split(",")))
        for lemma, stance, forms, words in _rows("nouns.tsv")
        for form in forms.split(",")
    }
    for entry in [*cues.values(), *nouns.values()]:
        if entry.stance not in _STANCES or entry.frame not in _FRAMES:
            msg = f"lexicon entry {entry!r} has an unknown stance or frame"
            raise ValueError(msg)
    kinds = dict(_rows_of_two("sources.tsv"))
    return Lexicon(cues, kinds, nouns)


def trie_pattern(forms: Iterable[str]) -> str:
    """Return a regular expression matching exactly ``forms``, factored as a trie.

    A trie-shaped pattern never tries two alternatives with the same prefix, so matching
    costs at most the length of the longest form at each position.

    >>> trie_pattern(["say", "says", "said"])
    'sa(?:id|ys?)'
    """
    trie: _Trie = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(trie)


_Trie = dict[str, "_Trie"]


def _render(node: _Trie) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _render(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return (body if len(branches) == 1 and len(body) == 1 else f"(?:{body})") + "?"
    return body


@functools.cache
def _word_lists() -> dict[str, frozenset[str]]:
    return {name: frozenset(words.split()) for name, _purpose, words in _rows("grammar.tsv")}


def word_list(name: str) -> frozenset[str]:
    """Return one function-word list of ``grammar.tsv`` (``"auxiliaries"``, ``"pronouns"``...).

    >>> "has" in word_list("auxiliaries")
    True
    """
    return _word_lists()[name]
