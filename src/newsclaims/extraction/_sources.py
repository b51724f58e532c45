"""Sources: the noun phrase a cue attributes its content to, and what kind of source it is.

Without a parser, a source is read from the words next to the cue: leftward from the verb
group up to a clause boundary (``Secretary of State Antony Blinken noted``), or rightward
to the end of the sentence for inverted order (``..., said Savett, a spokesman.``), or the
object of ``according to``. Boundaries are punctuation and subordinating words, found
token by token: nothing here can backtrack.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsclaims.extraction._lexicon import word_list
from newsclaims.extraction._segment import TOKEN

__all__ = [
    "PRONOUNS",
    "source_after",
    "source_before",
    "source_kind",
    "trim_span",
]

Span = tuple[int, int]

PRONOUNS = word_list("pronouns")
# Words that end a source on its left: the source starts after them.
_LEFT_STOPS = word_list("left_stops")
# Sentence adverbs and conjunctions dropped from the front of a source.
_LEADING = word_list("leading")
_RELATIVES = word_list("relatives")
_PUNCT_STOPS = frozenset(",;:()[]{}—–\"“”‘'’«»!?")
# Words that end an inverted source on its right before any comma ("said Smith on Monday").
_RIGHT_STOPS = word_list("right_stops")
_DEFINITE = frozenset({"the", "this", "his", "her", "its", "their", "our"})
_INDEFINITE = frozenset({"a", "an", "one", "another"})
_LOOKBACK = 400
_ANONYMOUS_MARKERS = frozenset({"unnamed", "anonymous", "anonymity"})
_MAX_SOURCE_TOKENS = 14


def trim_span(text: str, start: int, end: int, chars: str = " \t\n,.;:") -> Span:
    """Return ``(start, end)`` with the given characters stripped from both ends."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _word(text: str, span: Span) -> str:
    return text[span[0] : span[1]]


_JOINED_STARTS = word_list("joined_starts")


def _joins(text: str, tokens: list[Span], i: int, taken: list[Span]) -> bool:
    """Say whether ``and``/``or`` at ``tokens[i]`` joins two names (``Google and Yahoo``)."""
    if i == 0 or not taken:
        return False
    before, after = _word(text, tokens[i - 1]), _word(text, taken[-1])
    return before[:1].isupper() and (after[:1].isupper() or after.lower() in _JOINED_STARTS)


_STATES = word_list("abbreviations")


def _joins_place(text: str, tokens: list[Span], i: int, taken: list[Span]) -> bool:
    """Say whether the comma at ``tokens[i]`` joins a town to its state (``Chappaqua, N.Y.``)."""
    if i == 0 or not taken:
        return False
    before, after = _word(text, tokens[i - 1]), _word(text, taken[-1])
    state = after.lower() in _STATES or (len(after) <= 4 and "." in after and after[:1].isupper())
    return state and before[:1].isupper() and len(taken) <= 2


def _walk_left(text: str, tokens: list[Span]) -> tuple[list[Span], str]:
    """Collect source tokens right to left; return them and the word that stopped the walk."""
    taken: list[Span] = []
    depth = 0
    for i in range(len(tokens) - 1, -1, -1):
        word = _word(text, tokens[i])
        low = word.lower()
        if word == ")" and depth == 0:
            depth = 1  # "Rep. Jim Smith (D-Wash.) said": keep the bracket
        if depth:
            taken.append(tokens[i])
            depth = 0 if word == "(" else depth
            continue
        # A lone "-" is a dash ("president -- Sanders said"): hyphens stay inside words.
        if word == "," and _joins_place(text, tokens, i, taken):
            taken.append(tokens[i])  # "officials in Chappaqua, N.Y., said": one place
            continue
        if word in _PUNCT_STOPS or (len(word) == 1 and not word.isalnum() and word not in ".&'’$%"):
            if (
                word in "’'"
                and taken
                and i > 0
                and tokens[i - 1][1] == tokens[i][0]
                and _word(text, tokens[i - 1])[0].isalnum()
            ):
                taken.append(tokens[i])  # a possessive: "Trump's campaign"
                continue
            return taken, word
        if low in _LEFT_STOPS:
            if not taken and low in _RELATIVES:
                taken.append(tokens[i])  # "..., who said": the relative pronoun is the source
            return taken, low
        if low in ("and", "or", "&") and not _joins(text, tokens, i, taken):
            return taken, low
        taken.append(tokens[i])
        if len(taken) >= _MAX_SOURCE_TOKENS:
            return taken, ""
    return taken, ""


def _trimmed(text: str, taken: list[Span]) -> Span | None:
    while taken and _word(text, taken[-1]).lower() in _LEADING:
        taken.pop()
    while taken and _word(text, taken[-1]).lower() in ("and", "or"):
        taken.pop()
    if not taken:
        return None
    return taken[-1][0], taken[0][1]


def source_before(text: str, lo: int, hi: int) -> Span | None:
    """Return the source phrase that ends just before ``hi``, not reaching left of ``lo``.

    A name with an appositive between commas is kept whole (``Mr. Prasad, a former
    official at the Fund, said``), as annotators do.

    >>> text = "But Secretary of State Antony Blinken noted"
    >>> s, e = source_before(text, 0, 37)
    >>> text[s:e]
    'Secretary of State Antony Blinken'
    """
    # A source is a few words long: looking at the last few hundred characters is enough.
    tokens = [m.span() for m in TOKEN.finditer(text, max(lo, hi - _LOOKBACK), hi)]
    taken, stop = _walk_left(text, tokens)
    if not taken and stop == "," and tokens:
        comma = tokens[-1][0]
        first = text.rfind(",", lo, comma)
        if first <= lo:
            # "Sen. Jack Reed (D-R.I.), said": a stray comma after the name.
            return _trimmed(text, _walk_left(text, tokens[:-1])[0])
        if first > lo:
            name = _trimmed(text, _walk_left(text, [t for t in tokens if t[1] <= first])[0])
            if name is not None and name[1] - name[0] <= 60:
                head = text[first + 1 : comma].split()
                if head and head[0].lower() == "including":
                    return name[0], comma + 1  # "Some observers, including X, said"
                if head and (head[0].endswith("ing") or head[0].lower() in _PREPOSITIONS):
                    return name  # "X, responding to Y, said", "X, in a statement, said"
                return name[0], comma + 1
        return None
    return _trimmed(text, taken)


_PREPOSITIONS = word_list("prepositions")
# Verbs that link a subject to the noun a reduced relative hangs on ("It was an allegation").
_LINKS = frozenset({"is", "was", "were", "are", "be", "been", "has", "have", "had"})
_AFTER_SOURCE = word_list("subordinate_starts") | {"which", "but"}


def noun_before(text: str, lo: int, hi: int) -> Span | None:
    """Return the noun phrase a reduced relative hangs on (``alarm over [reports] suggesting``).

    >>> text = "alarm over new reports suggesting"
    >>> s, e = noun_before(text, 0, 23)
    >>> text[s:e]
    'new reports'
    """
    tokens = [m.span() for m in TOKEN.finditer(text, max(lo, hi - _LOOKBACK), hi)]
    cut = 0
    for i in range(len(tokens) - 1, -1, -1):
        if _word(text, tokens[i]).lower() in _PREPOSITIONS or _word(text, tokens[i]) in _LINKS:
            cut = i + 1
            break
    return source_before(text, tokens[cut][0] if cut < len(tokens) else hi, hi)


def source_after(text: str, lo: int, hi: int) -> Span | None:
    """Return the inverted source that starts at ``lo`` (``said Mr. Smith, a lawyer.``).

    >>> text = "said Mr. Smith on Monday."
    >>> s, e = source_after(text, 4, len(text))
    >>> text[s:e]
    'Mr. Smith'
    """
    end = lo
    seen_comma = False
    after_comma = False
    for m in TOKEN.finditer(text, lo, min(hi, lo + _LOOKBACK)):
        e = m.end()
        word = m.group()
        if word == ",":
            seen_comma = after_comma = True
            continue
        if after_comma and _ends_appositive(word):
            break  # "..., compared with", "..., although": the source has ended
        after_comma = False
        if word == ".":
            continue  # the sentence splitter has decided: a stop inside is an abbreviation
        if word in _PUNCT_STOPS or word in "!?":
            break
        if not seen_comma and word.lower() in _RIGHT_STOPS and end > lo:
            break
        end = e
    start, end = trim_span(text, lo, end)
    return (start, end) if end > start else None


def _ends_appositive(word: str) -> bool:
    """Say whether a word after a comma starts something other than more of the source."""
    low = word.lower()
    return low in _AFTER_SOURCE or (word.islower() and low.endswith(("ing", "ed")))


def source_kind(text: str, span: Span | None, kinds: Mapping[str, str]) -> str:
    """Classify a source as ``named``, ``anonymous`` or ``unspecified``.

    A proper name (a capitalised word past the first) or a pronoun makes it named; otherwise
    the lexicon's head words decide; no source at all is unspecified.

    >>> from newsclaims.extraction._lexicon import default_lexicon
    >>> kinds = default_lexicon().source_kinds
    >>> text = "unnamed US officials|Sean Savett|Military experts"
    >>> [source_kind(text, s, kinds) for s in [(0, 20), (21, 32), (33, 49)]]
    ['anonymous', 'named', 'unspecified']
    """
    words = [] if span is None else [m.group() for m in TOKEN.finditer(text, *span)]
    words = [w for w in words if w[0].isalnum()]
    lowered = [w.lower() for w in words]
    if not words:
        return "unspecified"
    if _ANONYMOUS_MARKERS.intersection(lowered):
        return "anonymous"
    if len(words) == 1 and (lowered[0] in PRONOUNS or lowered[0] in _RELATIVES):
        return "named"  # a pronoun stands for someone the text has named
    # A capital past the first word is a name ("White House"), unless the head is a common
    # noun of the lexicon ("White House officials": anonymous).
    head_kind = kinds.get(lowered[-1]) if not words[-1][0].isupper() or len(words) == 1 else None
    if head_kind is None and any(w[0].isupper() for w in words[1:]):
        return "named"
    return _kind_of_description(words, lowered, kinds)


def _kind_of_description(words: list[str], lowered: list[str], kinds: Mapping[str, str]) -> str:
    """Classify a source without a proper name by its head word or its determiner."""
    kind = next((kinds[w] for w in reversed(lowered) if w in kinds), None)
    if kind is None:
        # A definite description ("the mayor") picks out one known person or body; an
        # indefinite one ("a lawyer") describes without naming.
        if lowered[0] in _DEFINITE:
            kind = "named"
        elif lowered[0] in _INDEFINITE:
            kind = "anonymous"
        else:
            kind = "named" if words[0][0].isupper() else "unspecified"
    return kind
