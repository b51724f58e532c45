"""Contents: the context a cue is read in, and the rules for where a content ends.

The frames that read each cue live in :mod:`._verb_frames` (reporting verbs) and
:mod:`._other_frames` (``according to``, adverbs, nouns, colons, participles); they share
what is here: the :class:`Context` of a cue (its sentence, the quotations, how far its
content may run), the :class:`RawStatement` they return, and the boundary rules. A
content runs to the end of its sentence (or of the quotation it opens) and stops before a
clause the reporter adds (``, but``, ``, which``) or a later cue's own clause.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from newsclaims.extraction._cues import CueHit
from newsclaims.extraction._lexicon import word_list
from newsclaims.extraction._quotes import Quote
from newsclaims.extraction._segment import TOKEN
from newsclaims.extraction._sources import (
    PRONOUNS,
    trim_span,
)

__all__ = ["Context", "RawStatement", "sentence_subject"]

Span = tuple[int, int]

_RECIPIENT_LEMMAS = word_list("recipient_lemmas")
_OBJECT_WORDS = word_list("object_words")
_QUOTE_MARKS = frozenset("\"“”'’‘«»")
_CLOSING = ",?!-—–"
_FIRST_WORD = re.compile(r"\s*(\w+)")
_POLL_PHRASE = re.compile(r"\s+((?:[\w’'./&-]+\s+){0,6}?(?:polls?|surveys?)\b)")
# A quotation is followed over at most this many paragraphs.
_MAX_PARAGRAPHS = 12
_ADJUNCT_STARTS = word_list("adjunct_starts")
_TIME_WORDS = word_list("time_words")
_CLAUSE_STARTS = word_list("clause_starts")
_SPEECH_LEMMAS = word_list("speech_lemmas")
_RAISING_LEMMAS = word_list("raising_lemmas")
_SUBORDINATE_STARTS = word_list("subordinate_starts")
_NOT_NAME_STARTS = word_list("not_name_starts")
_MAX_INVERTED_HEAD = 7
_MAX_QUOTE_TO_CUE = 14
_MAX_TAG_WORDS = 5
_MAX_ASIDE_SOURCE = 10
# Bounds on how far a rule looks, so that a sentence with thousands of cues stays linear.
_MAX_CONTENT = 3000
_NEAR = 300
_ASPECT_VERBS = word_list("aspect_verbs")
_CREATION_VERBS = word_list("creation_verbs")
_CARRY_ON_VERBS = word_list("carry_on_verbs")
_MAX_APPOSITIVE_HEAD = 9
_POSSESSIVE_WORDS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_OBJECT_STOPS = word_list("object_stops")
_MAX_NOUN_OBJECT = 12
_BE_FORMS = frozenset({"is", "was", "were", "are", "be", "been", "being", "am"})
_IRREGULAR = frozenset({"said", "told", "known", "seen", "shown", "written", "thought", "found"})
_RELATIVE_WORDS = word_list("relative_words")
_SOURCE_STARTS = word_list("source_starts")
# Clauses the reporter adds after an indirect content: the content stops before them.
_ADDED_CLAUSE = re.compile(
    r",\s+(?:but|which|who|while|whereas|whether|although|though|even\s+though|even\s+as)\b"
    r"|;\s"
    # ", and he ...": a new clause with its own subject
    r"|,?\s+and\s+(?:he|she|they|we|it|i)\b"
    # "endorsed Clinton and praised her record": a second verb phrase of the subject's
    r"|,?\s+and\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|"
    + "|".join(sorted(word_list("coordinated_verbs"), key=len, reverse=True))
    + r")\b"
    # ", and has ...": an auxiliary opens a second verb phrase only after a comma ("said
    # she was tired and was ready" keeps the embedded clause's own verbs)
    r"|,\s+and\s+(?:[a-z]+ly\s+)?(?:"
    + "|".join(sorted(word_list("coordinated_auxiliaries"), key=len, reverse=True))
    + r")\b"
)
_TRAILING = " \t\n.;:,"


@attrs.frozen
class RawStatement:
    """A statement as offsets, before it becomes a :class:`newsclaims.model.Statement`."""

    source: Span | None
    cue: Span
    content: tuple[Span, ...]
    hit: CueHit


@attrs.frozen
class Context:
    """What a frame may look at around one cue: its sentence, quotes and neighbours."""

    text: str
    sentence: Span
    quotes: Sequence[Quote]
    quote_starts: Sequence[int]
    limit: int
    """Where the content must stop on the right (a later cue's own clause)."""
    end: int
    """Where the sentence's words end (before its final stop)."""
    floor: int = 0
    """Where the previous cue of the sentence ends: a content before the cue stops there."""


def _quote_ending_before(ctx: Context, pos: int) -> Quote | None:
    """Return the quote that closes just before ``pos`` (``"...," Smith said``)."""
    i = bisect.bisect_right(ctx.quote_starts, pos) - 1
    while i >= 0:
        q = ctx.quotes[i]
        if q.end <= pos and q.closed:
            if pos - q.end > _NEAR:
                return None
            if q.start < ctx.sentence[0] and not _question_before(ctx, q):
                return None  # closes in this sentence but opened before it: not ours
            between = ctx.text[q.end : pos]
            tokens = [m.group() for m in TOKEN.finditer(between)]
            words = [t for t in tokens if t[0].isalnum()]
            if len(words) > _MAX_QUOTE_TO_CUE or any(t in ';:"“”' for t in tokens):
                return None
            return q if _closes_for_cue(ctx, q, between, len(words), pos) else None
        i -= 1
    return None


def _closes_for_cue(ctx: Context, q: Quote, between: str, words: int, pos: int) -> bool:
    """Say whether quote ``q`` ends the way a quotation before its cue ends.

    With a comma, question mark or dash (``"...," Smith said``), or with a stop when only a
    short tag follows (``"We lost." Smith said.``).
    """
    inner = ctx.text[q.start : q.end].rstrip("\"”'’»")
    if inner[-1:] in _CLOSING or between.lstrip()[:1] in (",", "—", "–", "-"):
        return True
    return inner[-1:] == "." and words <= _MAX_TAG_WORDS and _ends_sentence(ctx, pos)


def _ends_sentence(ctx: Context, pos: int) -> bool:
    """Say whether only the cue (and no other word) is left of the sentence at ``pos``."""
    words = TOKEN.findall(ctx.text, pos, min(ctx.end, pos + _NEAR))
    return len([w for w in words if w[0].isalnum()]) <= 1


def _question_before(ctx: Context, q: Quote) -> bool:
    """Say whether ``q`` is a question or exclamation just before the sentence.

    The splitter ends a sentence after ``"Why?"``, but ``he asked.`` still reports it.
    """
    gap = ctx.text[q.end : ctx.sentence[0]]
    inner = ctx.text[q.start : q.end].rstrip("\"”'’»")
    if gap.strip() or "\n" in gap:
        return False
    # '"We lost." Smith said.': the splitter ends a sentence after the quote's stop too
    tag = ctx.text[ctx.sentence[0] : ctx.end].split()
    return inner[-1:] in "?!" or (inner[-1:] == "." and len(tag) <= _MAX_TAG_WORDS)


def _quote_at(ctx: Context, pos: int) -> Quote | None:
    """Return the quote that opens at ``pos`` (after spaces and a colon or comma)."""
    i = bisect.bisect_left(ctx.quote_starts, pos)
    if i < len(ctx.quotes):
        q = ctx.quotes[i]
        if not ctx.text[pos : q.start].strip(" \t,:—–-"):
            return q
    return None


def _content_end(ctx: Context, start: int) -> int:
    """Return where a content starting at ``start`` ends: its sentence, or its quote.

    An indirect content also stops before a clause the reporter adds (``, but``,
    ``, which``, ``, while``, ``; ``), unless that clause sits inside a quotation.
    """
    end = ctx.limit
    q = _quote_at(ctx, start)
    if q is not None:
        return max(end, _chain_end(ctx, q))
    end = min(end, start + _MAX_CONTENT)  # no indirect content runs on for pages
    for m in _ADDED_CLAUSE.finditer(ctx.text, start, end):
        if not _in_quote(ctx, m.start()):
            end = m.start()
            break
    return _before_aside(ctx, start, end)


# A dash between words: spaced ("X - Y", "X — Y") or a double or em dash ("X--Y", "X—Y").
_DASH = re.compile(r"\s(?:-{1,2}|[—–])\s|--|—")


def _before_aside(ctx: Context, start: int, end: int) -> int:
    """Return where a content ends before a dash aside at its end (``a tax — a dream``).

    A lone dash opens the reporter's comment on what was said; a pair of dashes encloses
    an aside inside the content, which stays.
    """
    dashes = [m.start() for m in _DASH.finditer(ctx.text, start, end)]
    if len(dashes) % 2 == 1 and not _in_quote(ctx, dashes[-1]):
        return dashes[-1]
    return end


def _chain_end(ctx: Context, q: Quote) -> int:
    """Return where a quotation ends, following it over paragraphs while it ``continues``."""
    i = bisect.bisect_left(ctx.quote_starts, q.start)
    for _ in range(_MAX_PARAGRAPHS):
        if not q.continues or i + 1 >= len(ctx.quotes):
            break
        i += 1
        q = ctx.quotes[i]
    return q.end


def _chain_start(ctx: Context, q: Quote) -> int:
    """Return where a quotation starts, going back over paragraphs it continues from."""
    i = bisect.bisect_left(ctx.quote_starts, q.start)
    for _ in range(_MAX_PARAGRAPHS):
        if i == 0 or not ctx.quotes[i - 1].continues:
            break
        i -= 1
    return ctx.quotes[i].start


def _in_quote(ctx: Context, pos: int) -> bool:
    i = bisect.bisect_right(ctx.quote_starts, pos) - 1
    return i >= 0 and ctx.quotes[i].start < pos < ctx.quotes[i].end


def _next_words(text: str, pos: int) -> str:
    m = _FIRST_WORD.match(text, pos)
    return m.group(1).lower() if m else ""


def _words(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, lo, hi)]


def _skip_recipient(ctx: Context, start: int, end: int) -> int:
    """After ``told``: return where the content starts, past the person told."""
    words = _words(ctx.text, start, min(end, start + 160))
    for w, s, _e in words[:16]:
        if w.lower() in ("that", "whether", "if", "to", "how", "what", "why", "when"):
            return s
        if w in (",", ":") or w in _QUOTE_MARKS:
            break
    i = 0
    if words and words[0][0].lower() in _OBJECT_WORDS:
        i = 1
    while i < len(words) and (words[i][0][:1].isupper() or words[i][0] in (".", "'", "’")):
        i += 1
    if i and i < len(words):
        return words[i][1]
    return start


def _is_adjunct(ctx: Context, hit: CueHit, lo: int, hi: int) -> bool:
    """Say whether the words after a cue are only an adjunct (``on Monday``, ``to CNN``).

    ``"...," Smith said in a statement.`` has its content before the cue; ``..., Smith said
    the probe is ongoing`` has it after, however short. Only the words up to the next comma
    count: ``"...," he said, speaking to reporters`` ends the cue's clause at the comma.
    """
    hi = min(hi, lo + _NEAR)
    comma = ctx.text.find(",", lo, hi)
    if comma >= 0 and _quote_at(ctx, comma + 1) is None:
        hi = comma
    words = [w for w, _s, _e in _words(ctx.text, lo, hi) if w[0].isalnum()]
    if not words:
        return True
    if _quote_at(ctx, lo) is not None or "that" in (w.lower() for w in words):
        return False
    first = words[0]
    if first.lower() in _ADJUNCT_STARTS or first in _TIME_WORDS or first.endswith("ly"):
        return len(words) <= 8
    # "told reporters", "told The Post": a recipient, then at most an adjunct.
    determiner = first.lower() == "the" or (
        first.lower() in ("a", "an") and len(words) > 1 and words[1][0].isupper()
    )
    return (
        hit.lemma in _RECIPIENT_LEMMAS
        and len(words) <= 9
        and (first[0].isupper() or first.lower() in _OBJECT_WORDS or determiner)
    )


def _inverted_source_follows(ctx: Context, lo: int, hi: int) -> bool:
    """Say whether the words after ``, said`` are a source (``said Smith, a lawyer``)."""
    hi = min(hi, lo + _NEAR)
    comma = ctx.text.find(",", lo, hi)
    head = [w for w, _s, _e in _words(ctx.text, lo, hi if comma < 0 else comma) if w[0].isalnum()]
    if not head or _quote_at(ctx, lo) is not None:
        return False
    # A source names someone in a few words before any appositive; more is a clause, and
    # so is a pronoun subject ("..., said he is leaning").
    first = head[0].lower()
    return (
        first not in _CLAUSE_STARTS
        and not (first in PRONOUNS and len(head) > 1)
        and len(head) <= _MAX_INVERTED_HEAD
    )


def _is_appositive(ctx: Context, comma: int) -> bool:
    """Say whether ``Name, a title, said`` puts the cue after an appositive, not a content."""
    text = ctx.text
    lo = ctx.sentence[0]
    first = text.rfind(",", lo, comma)  # the comma that opens the aside
    if first < 0:
        return False
    aside = text[first + 1 : comma].split()
    if aside and aside[0].lower() in ("who", "which"):
        return True  # "Aides to X, who ..., said": a relative aside on the subject
    # The name runs back to the comma before it ("In Fargo, Gary Emineth, a former ...").
    head_start = max(text.rfind(",", lo, first) + 1, lo, first - _NEAR)
    head = [w for w, _s, _e in _words(text, head_start, first) if w[0].isalnum()]
    if text[lo] in _QUOTE_MARKS or (head and head[0].lower() in PRONOUNS):
        return False  # '"He can assert it, ...," said X': a quotation, not a name
    if not head or len(head) > _MAX_APPOSITIVE_HEAD or head[0].lower() in _NOT_NAME_STARTS:
        return False  # "In the world of politics, it is rare, said X": a content, not a name
    return head[0][0].isupper() or head[0].lower() in _SOURCE_STARTS


def _continuation(ctx: Context, after: int) -> Span | None:
    """Return a quote that continues the content after the cue (``..., he said, "Y."``)."""
    q = _quote_at(ctx, after)
    if (
        q is not None
        and q.start < ctx.sentence[1]
        and ctx.text[after : q.start].strip() in (",", ":")
    ):
        return q.start, q.end
    return None


def _lead_in_quote(ctx: Context, start: int) -> int:
    """Skip a short lead-in before a quote (``told the agency simply, "We lost."``)."""
    i = bisect.bisect_left(ctx.quote_starts, start)
    if i < len(ctx.quotes):
        q = ctx.quotes[i]
        lead = ctx.text[start : q.start]
        if (
            q.start < ctx.limit
            and q.end >= ctx.limit - 1
            and lead.rstrip().endswith((",", ":"))
            and len(lead.split()) <= (12 if lead.rstrip().endswith(":") else 6)
            and "that" not in lead.split()
        ):
            return q.start
    return start


_MAX_ADJUNCT_BEFORE_THAT = 10


def _past_adjunct(ctx: Context, start: int) -> int:
    """Skip an adjunct between a cue and its that-clause (``said on Monday that X``)."""
    hi = min(ctx.limit, start + _NEAR)
    head = TOKEN.search(ctx.text, start, hi)  # most contents open with no adjunct: look once
    if head is None:
        return start
    first = head.group()
    if not (first.lower() in _ADJUNCT_STARTS or first in _TIME_WORDS or first.endswith("ly")):
        return start
    words = _words(ctx.text, start, hi)
    for w, s, _e in words[1:_MAX_ADJUNCT_BEFORE_THAT]:
        if w.lower() == "that":
            return s
        if not (w[0].isalnum() or w in (".", "'", "’", "-")):
            break
    return start


def _after_comma_pos(text: str, pos: int) -> int:
    comma = text.find(",", pos, pos + 3)
    return comma + 1 if comma >= 0 else pos


def _rest_of_clause(ctx: Context, pos: int, *, after_quote: bool = False) -> Span | None:
    """Return the words after ``, experts say,`` up to the clause end, if a clause follows."""
    text = ctx.text
    comma = text.find(",", pos, ctx.limit)
    if comma < 0 or text[pos:comma].strip():
        return None
    span = trim_span(text, comma + 1, min(ctx.limit, comma + 1 + _MAX_CONTENT), _TRAILING)
    words = TOKEN.findall(text, span[0], min(span[1], span[0] + _NEAR))
    if len(words) < 3 or not _opens_rest(words[0], after_quote=after_quote):
        return None
    return span


def _opens_rest(word: str, *, after_quote: bool) -> bool:
    """Say whether a word after ``, X said,`` carries on the content (not an aside).

    After a quotation only a verb carries on (``"Only you," she said, would do that``);
    after unquoted words anything but a participle, preposition or subordinator does.
    """
    low = word.lower()
    if after_quote:
        return low in _CARRY_ON_VERBS
    return not (
        (word.islower() and low.endswith("ing"))
        or low in _SUBORDINATE_STARTS
        or low in _ADJUNCT_STARTS
        or low in ("but", "and", "as")
    )


def _opens_subordinate(text: str, lo: int, pos: int) -> bool:
    """Say whether the words just before ``pos`` open a subordinate clause (``Since she``)."""
    before = _words(text, max(lo, pos - 30), pos)
    return bool(before) and before[-1][0].lower() in _SUBORDINATE_STARTS


def _is_relative_aside(text: str, source: Span, lo: int) -> bool:
    """Say whether the source is a relative pronoun opening a comma aside (``, who said``)."""
    word = text[source[0] : source[1]].lower()
    return word in ("who", "which") and text[lo : source[0]].rstrip().endswith(",")


def _clause_start(text: str, lo: int, pos: int) -> int:
    cut = text.rfind(",", lo, pos)
    return cut + 1 if cut >= 0 else lo


_MAX_LEAD_ADJUNCT = 12
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})


def _opens_adjunct(word: str) -> bool:
    """Say whether a sentence's first word opens an adverbial, not its subject."""
    low = word.lower()
    return (
        low in _ADJUNCT_STARTS
        or low in _NOT_NAME_STARTS
        or word in _TIME_WORDS
        or (low.endswith("ly") and low not in ("only",))
    )


def sentence_subject(text: str, lo: int, hi: int) -> Span | None:
    """Guess the subject at the start of a sentence (for participles and shared subjects)."""
    words = _words(text, lo, min(hi, lo + _NEAR))
    while words and (
        not words[0][0][0].isalnum()
        or words[0][0].lower() in _SUBORDINATE_STARTS
        or words[0][0].lower() in ("and", "but", "or", "that", "so", "then")
    ):
        words.pop(0)
    if not words:
        return None
    if _opens_adjunct(words[0][0]):
        # "On Sunday, Mr. Trump ...", "Shortly after, the families ...": past the comma
        comma = next((i for i, w in enumerate(words[:_MAX_LEAD_ADJUNCT]) if w[0] == ","), None)
        if comma is not None and comma + 1 < len(words):
            words = words[comma + 1 :]
        elif len(words) > 2 and words[1][0] in _TIME_WORDS:
            # "On Thursday Clinton said ...": a day without a comma
            skip = 3 if words[2][0].lower() in _PARTS_OF_DAY and len(words) > 3 else 2
            words = words[skip:]
    first, s, e = words[0]
    if first.lower() in PRONOUNS:
        return s, e
    end = e
    for w, _ws, we in words[1:6]:
        if w[0].isupper() or w in ("of", ".", "'s", "’s", "-") or w.lower() == "the":
            end = we
        else:
            break
    if first.lower() in ("the", "a", "an", "this", "that") and end == e and len(words) > 1:
        end = words[1][2]
    return s, end
