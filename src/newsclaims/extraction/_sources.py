"""Sources: the noun phrase a cue attributes its content to, and what kind of source it is.

Without a parser, a source is read from the words next to the cue: leftward from the verb
group up to a clause boundary (``Secretary of State Antony Blinken noted``), or rightward
to the end of the sentence for inverted order (``..., said Savett, a spokesman.``), or the
object of ``according to``. Boundaries are punctuation and subordinating words, found
token by token: nothing here can backtrack.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from newsclaims.extraction._lexicon import word_list
from newsclaims.extraction._segment import TOKEN

__all__ = [
    "PRONOUNS",
    "source_after",
    "source_before",
    "source_kind",
    "source_kinds",
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


_TO_HEADS = word_list("to_heads")


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
        if low == "to" and taken and i > 0 and _word(text, tokens[i - 1]).lower() in _TO_HEADS:
            taken.append(tokens[i])  # "an adviser to Clinton", "sources close to him"
            continue
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


_TIME_WORDS = word_list("time_words")
_TIME_TAIL = frozenset({"morning", "afternoon", "evening", "night", "week", "month", "year"})
_TIME_OPENERS = frozenset({"on", "last", "this", "early", "late", "earlier", "later"})


def _without_time(text: str, taken: list[Span]) -> list[Span]:
    """Drop a time adjunct between a source and its cue (``Paul Ryan on Thursday said``)."""
    i = 0
    if i < len(taken) and _word(text, taken[i]).lower() in _TIME_TAIL:
        i += 1
    if i < len(taken) and (_word(text, taken[i]) in _TIME_WORDS or i == 1):
        i += 1
        if i < len(taken) and _word(text, taken[i]).lower() in _TIME_OPENERS:
            i += 1
    if i == 1 and _word(text, taken[0]).lower() in _TIME_TAIL:
        return taken  # "the night", alone: no adjunct
    return taken[i:] if 0 < i < len(taken) else taken


_LINKING_VERBS = word_list("linking_verbs")


def _trimmed(text: str, taken: list[Span]) -> Span | None:
    taken = _without_time(text, taken)
    if len(taken) > 1 and _word(text, taken[0]).lower() in _LINKING_VERBS:
        taken = taken[1:]  # "Ms. Lee remains confident that": the verb is no part of her
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
    the lexicon's head words decide; no source at all is unspecified. A pronoun read on its
    own is named: :func:`source_kinds` gives it its antecedent's kind instead.

    >>> from newsclaims.extraction._lexicon import default_lexicon
    >>> kinds = default_lexicon().source_kinds
    >>> text = "unnamed US officials|Sean Savett|Military experts"
    >>> [source_kind(text, s, kinds) for s in [(0, 20), (21, 32), (33, 49)]]
    ['anonymous', 'named', 'unspecified']
    """
    words = [] if span is None else [m.group() for m in TOKEN.finditer(text, *span)]
    if _ANONYMOUS_MARKERS.intersection(w.lower() for w in words):
        return "anonymous"
    if "," in words[1:]:
        # "Steven Cheung, a campaign spokesman": the appositive describes the name before it
        words = words[: words.index(",")]
    words = [w for w in words if w[0].isalnum()]
    lowered = [w.lower() for w in words]
    if not words:
        return "unspecified"
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


# Pronouns that refer back to an earlier source, with the number they need of it.
_ANAPHORS = {"they": "plural", "he": "person", "she": "person", "it": "thing"}
_PLURAL_HEADS = word_list("plural_heads")
# What ends the head noun phrase of a source: its complement or appositive follows.
_HEAD_ENDS = _PREPOSITIONS | _RELATIVES | {",", "(", "—", "–", "-"}
# How many earlier statements a pronoun looks back over for its antecedent.
_ANTECEDENT_WINDOW = 20


def _number(text: str, span: Span, kinds: Mapping[str, str]) -> str:
    """Return what a source noun phrase can be referred back to by.

    ``plural`` (``they``), ``singular`` (``he``, ``she``, ``it``), ``either`` (a name that
    may be a group: ``Democrats``, ``Reuters``) or ``artefact`` (``it`` only: ``a report``).
    The head is the last word before a complement (``reports from Bloomberg``: ``reports``).
    """
    words: list[str] = []
    for m in TOKEN.finditer(text, *span):
        word = m.group()
        if words and word.lower() in _HEAD_ENDS:
            break
        if word[0].isalnum():
            words.append(word)
    if not words:
        return "singular"
    lowered = [w.lower() for w in words]
    head = lowered[-1]
    if len(words) == 1 and head in _ANAPHORS:
        return _ANAPHORS[head]
    if "and" in lowered[1:] or head in _PLURAL_HEADS:
        return "plural"  # "The US and its allies", "many people"
    if words[-1][0].isupper() and (len(words) > 1 or head not in kinds):
        # a name: "Democrats" and "Reuters" alike ("Critics said" is no name)
        return "either" if head.endswith("s") else "singular"
    if head.endswith("s") and not head.endswith(("ss", "us", "is")):
        return "plural"
    return "artefact" if kinds.get(head) == "unspecified" else "singular"


def _agrees(pronoun: str, number: str) -> bool:
    """Say whether a pronoun (by its ``_ANAPHORS`` value) can refer to a source of ``number``."""
    if number in (pronoun, "either"):
        return True
    if pronoun == "person":
        return number == "singular"
    return pronoun == "thing" and number in ("singular", "artefact")


def _antecedent_kind(
    text: str,
    span: Span,
    sources: Sequence[Span | None],
    done: Sequence[str],
    *,
    kinds: Mapping[str, str],
    paragraph_starts: Sequence[int],
) -> str | None:
    """Return the kind of the source that the pronoun source ``span`` refers back to.

    ``span`` is the source after the ``done`` ones. The antecedent is the latest earlier
    source in the same or the previous paragraph that agrees with the pronoun in number;
    ``None`` when there is none.
    """
    i = len(done)
    pronoun = _ANAPHORS[text[span[0] : span[1]].lower()]
    paragraph = bisect.bisect_right(paragraph_starts, span[0])
    for j in range(i - 1, max(-1, i - 1 - _ANTECEDENT_WINDOW), -1):
        earlier = sources[j]
        if earlier is None or earlier[0] >= span[0]:
            continue
        if bisect.bisect_right(paragraph_starts, earlier[0]) < paragraph - 1:
            break
        if pronoun == "person" and done[j] == "unspecified":
            continue  # a collective or an artefact ("reports", "the poll") is nobody's "he"
        if _agrees(pronoun, _number(text, earlier, kinds)):
            return done[j]
    return None


def _relative_kind(text: str, span: Span, kinds: Mapping[str, str], lo: int) -> str | None:
    """Return the kind of the noun phrase a relative pronoun source hangs on (``X, who said``)."""
    end = trim_span(text, max(lo, span[0] - _LOOKBACK), span[0], " \t\n,")[1]
    tokens = [m.span() for m in TOKEN.finditer(text, max(lo, end - _LOOKBACK), end)]
    taken, stop = _walk_left(text, tokens)
    if stop in (",", "and", "or"):
        return None  # "Ann Lee, 62, who", "X and Y, who": only part of the noun phrase
    antecedent = _trimmed(text, taken)
    return None if antecedent is None else source_kind(text, antecedent, kinds)


def source_kinds(
    text: str,
    sources: Sequence[Span | None],
    paragraphs: Sequence[Span],
    kinds: Mapping[str, str],
) -> tuple[str, ...]:
    """Classify the sources of an article's statements (in text order), pronouns included.

    A pronoun source takes the kind of the source it refers back to: the latest earlier
    statement source in its paragraph or the one before that agrees with it in number
    (``they`` a plural, ``he`` or ``she`` a person), or ``named`` when there is none. A
    relative pronoun takes the kind of the noun phrase it hangs on (``Experts, who said``).

    >>> from newsclaims.extraction._lexicon import default_lexicon
    >>> kinds = default_lexicon().source_kinds
    >>> text = "Experts said X. They added Y."
    >>> source_kinds(text, [(0, 7), (16, 20)], [(0, len(text))], kinds)
    ('unspecified', 'unspecified')
    """
    paragraph_starts = [p[0] for p in paragraphs]
    done: list[str] = []
    for span in sources:
        kind = source_kind(text, span, kinds)
        word = "" if span is None else text[span[0] : span[1]].lower()
        if span is None:
            pass
        elif word in _ANAPHORS:
            kind = (
                _antecedent_kind(
                    text, span, sources, done, kinds=kinds, paragraph_starts=paragraph_starts
                )
                or kind
            )
        elif word in _RELATIVES:
            p = bisect.bisect_right(paragraph_starts, span[0]) - 1
            lo = paragraph_starts[p] if p >= 0 else 0
            kind = _relative_kind(text, span, kinds, lo) or kind
        done.append(kind)
    return tuple(done)
