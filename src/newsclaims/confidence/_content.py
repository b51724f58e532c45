"""Reading a statement's content: its hedges, boosters, negations and ICD 203 words, in scope."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Final

from newsclaims.confidence._lexicon import (
    WORD_OR_MARK,
    ConfidenceLexicon,
    Effect,
    Term,
    Token,
    tokenize,
)
from newsclaims.confidence._reading import Reading, apply
from newsclaims.model import Certainty, Span, Statement

__all__ = ["GAP", "content_tokens", "read_content", "straddling"]

#: Joins the pieces of a discontinuous content: no phrase matches across it.
GAP: Final = "\x00"
#: Tokens that end a relative or adverbial clause.
_CLAUSE_ENDS: Final = frozenset({",", ";", ":", "(", ")", "—", "–", ".", "!", "?", GAP})
#: Words that open a clause whose hedges and negations are not the content's own.
_SUBORDINATORS: Final = frozenset(
    {"who", "whom", "whose", "which", "because", "although", "though", "whereas", "while"}
    | {"if", "unless"}
)
#: Relative words that, opening a content, open the content itself ("who fired first").
_OPENING_WH: Final = frozenset({"who", "whom", "whose", "which"})
#: Marks skipped at the start of a content before reading its first word.
_OPENERS: Final = frozenset(
    {'"', "“", "”", "'", "‘", "’", "«", "(", "[", ":", ",", "that", "on", "about", "as", "to"}
)
#: Words that state a condition, under which "would" hedges.
_CONDITIONS: Final = frozenset({"if", "unless", "otherwise", "provided", "assuming"})
#: After "should", these make an inverted condition ("should the talks fail").
_INVERTED_SUBJECTS: Final = frozenset(
    {"the", "they", "it", "he", "she", "we", "you", "i", "that", "this", "there", "a", "an"}
    | {"any"}
)
#: Before one of these, "may", "might", "will" and "must" are nouns, not modals.
_NOUN_CONTEXT: Final = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this"}
    | {"military", "economic", "political", "free", "good", "ill", "full", "popular"}
)
_MODAL_NOUNS: Final = frozenset({"may", "might", "will", "must"})
_HEAD: Final = 4  # content words a phrase begun in the cue may run into
#: Closing marks and spaces between a question's last word and the mark that ends it.
_TRAILERS: Final = " \t\"'”’»,"
_SENTENCE_ENDS: Final = frozenset({".", "!", "?", ";", ":", ",", GAP})
#: Tokens that end a sentence: negations in different sentences do not cancel.
_FULL_STOPS: Final = frozenset({".", "!", "?"})
_STARTERS: Final = _SENTENCE_ENDS | _OPENERS


def _owns_its_words(statement: Statement) -> bool:
    """Say whether a nested statement's content is its own rather than its parent's.

    A nested reading with no source whose content comes before its cue ("nothing had been
    decided") is a passive clause of the parent, not a report: its words stay the parent's.
    """
    if statement.source.mentions or not statement.cue.spans:
        return True
    return max(statement.content).end > min(statement.cue.spans).start


def _nested_contents(nested: Iterable[Statement]) -> list[tuple[int, int]]:
    """The contents of the nested statements, as sorted, disjoint ``(start, end)`` pairs."""
    spans = sorted(
        (span.start, span.end) for s in nested if _owns_its_words(s) for span in s.content
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def content_tokens(
    text: str, statement: Statement, nested: Sequence[Statement], reach: int = 8
) -> tuple[list[Token], list[bool]]:
    """Tokens of the content, and for each whether it lies in a nested statement's content.

    Discontinuous content spans are joined by a gap token, across which no phrase matches.
    Of a nested statement's content only what this statement's reading can use is kept: its
    first and last ``reach`` tokens (where a phrase of this statement's words may run in or
    out; give the lexicon's longest phrase) and one full stop if it holds any. Reading every
    nested word would make a chain of statements, each nested in the next, take time that
    grows with the square of its length.
    """
    inner = _nested_contents(nested)
    tokens: list[Token] = []
    flags: list[bool] = []
    previous = None
    for span in sorted(statement.content):
        if previous is not None:
            # Between two pieces of a quotation, a full stop ends a sentence ("... he said.
            # "Not one."); otherwise the pieces are one sentence, split by the cue.
            between = text[previous : span.start]
            mark = "." if any(c in between for c in ".!?") else GAP
            tokens.append((mark, span.start, span.start))
            flags.append(False)
        previous = span.end
        at = span.start
        for piece_start, piece_end in _pieces_within(inner, span):
            own = tokenize(text[at:piece_start], at)
            tokens += own
            flags += [False] * len(own)
            window = _nested_window(text, piece_start, piece_end, reach)
            tokens += window
            flags += [True] * len(window)
            at = piece_end
        own = tokenize(text[at : span.end], at)
        tokens += own
        flags += [False] * len(own)
    return tokens, flags


def _pieces_within(inner: list[tuple[int, int]], span: Span) -> list[tuple[int, int]]:
    """The parts of the sorted, disjoint ``inner`` pieces that lie inside ``span``."""
    # Pieces are whole tokens' offsets, as contents are: clipping never splits a word here.
    first = bisect.bisect_right(inner, (span.start, span.start)) - 1
    pieces = []
    for piece_start, piece_end in inner[max(first, 0) :]:
        if piece_start >= span.end:
            break
        if piece_end > span.start:
            pieces.append((max(piece_start, span.start), min(piece_end, span.end)))
    return pieces


_STOP: Final = re.compile(r"[.!?]")


def _nested_window(text: str, start: int, end: int, reach: int) -> list[Token]:
    """The first and last ``reach`` tokens of ``text[start:end]``, and one full stop between."""
    head: list[Token] = []
    matches = WORD_OR_MARK.finditer(text, start, end)
    for match in matches:
        head += tokenize(match.group(), match.start())
        if len(head) >= reach:
            break
    else:
        return head  # short: all of it
    after = head[-1][2]
    tail = _last_tokens(text, after, end, reach)
    middle_end = tail[0][1] if tail else end
    stops = _stops(text)
    i = bisect.bisect_left(stops, after)
    if i < len(stops) and stops[i] < middle_end:
        head.append((".", stops[i], stops[i] + 1))
    return head + tail


@functools.lru_cache(maxsize=1)
def _stops(text: str) -> list[int]:
    """Where the text's full stops are: every statement of a report asks of the same text."""
    return [m.start() for m in _STOP.finditer(text)]


def _last_tokens(text: str, start: int, end: int, count: int) -> list[Token]:
    """The last ``count`` tokens of ``text[start:end]``, looking back as little as it can."""
    width = 64
    while True:
        lo = max(start, end - width)
        found = [
            token
            for match in WORD_OR_MARK.finditer(text, lo, end)
            for token in tokenize(match.group(), match.start())
        ]
        # A window that starts mid-word cuts its first token: drop it unless at ``start``.
        if lo > start and found:
            found = found[1:]
        if len(found) >= count or lo == start:
            return found[-count:] if count else []
        width *= 2


def _is_noun(text: str, words: list[str], tokens: list[Token], i: int) -> bool:
    """Say whether a modal word is a noun here: "the might of", "in May", "the will to"."""
    word = words[i]
    if word not in _MODAL_NOUNS:
        return False
    if i > 0 and words[i - 1] in _NOUN_CONTEXT:
        return True
    # "May" with a capital inside a sentence is the month.
    return word == "may" and text[tokens[i][1]] == "M" and i > 0 and words[i - 1] not in _STARTERS


def _first_word(words: list[str]) -> int:
    i = 0
    while i < len(words) and words[i] in _OPENERS:
        i += 1
    return i


def _is_question(text: str, statement: Statement) -> Span | None:
    """Return the question mark that ends the content (inside or right after it), if any."""
    last = max(statement.content)
    inside = last.text_of(text).rstrip(_TRAILERS)
    if inside.endswith("?"):
        at = last.start + len(inside) - 1
        return Span(at, at + 1)
    after = text[last.end : last.end + 3]
    stripped = after.lstrip(_TRAILERS)
    if stripped.startswith("?"):
        at = last.end + len(after) - len(stripped)
        return Span(at, at + 1)
    return None


def _read_opening(
    text: str, statement: Statement, tokens: list[Token], start: int, out: Reading
) -> int:
    """Read an open question ("whether X", "Is X?"); return where the content's words start."""
    words = [w for w, _, _ in tokens]
    first = start + _first_word(words[start:])
    if first < len(words) and (
        words[first] == "whether"
        or (words[first] == "if" and (out.open_polarity or out.certainty is Certainty.UNKNOWN))
    ):
        # "asked whether X", "did not say if X": the source leaves X open.
        _, start, end = tokens[first]
        out.hedge(Certainty.UNKNOWN, Span(start, end))
        out.open_polarity = True
        first += 1
    question = _is_question(text, statement)
    if question is not None:
        out.hedge(Certainty.UNKNOWN, question)
    return first


def straddling(
    text: str, statement: Statement, tokens: list[Token], lexicon: ConfidenceLexicon
) -> tuple[int, Term, Span] | None:
    """Find a phrase that runs from the cue into the content, as in a misread cue.

    "Police have not ruled | out foul play" read as cue and content is the hedge "not ruled
    out", not a withheld "ruled". Returns how many content tokens the phrase takes, the term
    and its span.
    """
    cue = statement.cue.spans
    # Only a content right after its cue: "... have not ruled | out ...".
    if not cue or not tokens or max(cue).end > tokens[0][1]:
        return None
    if text[max(cue).end : tokens[0][1]].strip():
        return None
    cue_tokens = [t for span in cue for t in tokenize(span.text_of(text), span.start)]
    joined = cue_tokens + tokens[:_HEAD]
    words = [w for w, _, _ in joined]
    for i in range(len(cue_tokens)):
        found = lexicon.match(words, i) if words[i] in lexicon.first_words else None
        if found is not None and i + found[0] > len(cue_tokens) and found[1].kind is not None:
            n, term = found
            return i + n - len(cue_tokens), term, Span(joined[i][1], joined[i + n - 1][2])
    return None


def _states_condition(words: list[str]) -> bool:
    """Say whether the words state a condition: "if", "unless", or "should they" inverted."""
    if not _CONDITIONS.isdisjoint(words):
        return True
    return any(w == "should" and nxt in _INVERTED_SUBJECTS for w, nxt in pairwise(words))


def read_content(
    text: str,
    statement: Statement,
    *,
    tokens: list[Token],
    inner: list[bool],
    start: int,
    lexicon: ConfidenceLexicon,
    out: Reading,
) -> None:
    """Read the content's words into ``out``, from token ``start`` on (earlier ones taken)."""
    words = [w for w, _, _ in tokens]
    first = _read_opening(text, statement, tokens, start, out)
    skipping = False
    conditional: list[tuple[Term, Span]] = []
    starts = lexicon.first_words
    i = first
    while i < len(words):
        word = words[i]
        if word in _FULL_STOPS:
            out.end_sentence()
        if not inner[i]:
            if word in _CLAUSE_ENDS:
                skipping = False
            elif word in _SUBORDINATORS and not (i == first and word in _OPENING_WH):
                skipping = True
        if word not in starts:  # most words: no lexicon phrase starts with them
            i += 1
            continue
        found = None if _is_noun(text, words, tokens, i) else lexicon.match(words, i)
        if found is None:
            i += 1
            continue
        n, term = found
        # A phrase wholly inside a nested statement's content is that statement's; one that
        # runs into it from the nested cue ("could not rule | out arson") is this one's.
        if skipping or all(inner[i : i + n]):
            i += n
            continue
        span = Span(tokens[i][1], tokens[i + n - 1][2])
        if term.effect is Effect.CONDITIONAL:
            conditional.append((term, span))
        else:
            apply(term, span, out)
        i += n
    if conditional and _states_condition(words):
        for term, span in conditional:
            apply(term, span, out)
    out.end_sentence()
