"""Verb frames: how a reporting verb's source and content stand around it.

``"...," Smith said`` (quote first), ``The deal is dead, Smith said`` (content first),
``Smith said the deal is dead`` (content after), ``Said Smith, "..."`` (cue first),
passives (``was denied by X``), raising verbs (``X seems ready``) and reduced passives
(``an allegation rejected by X``).
"""

from __future__ import annotations

import bisect
import itertools
import re

import attrs

from newsclaims.extraction._contents import (
    _BE_FORMS,
    _IRREGULAR,
    _NEAR,
    _RAISING_LEMMAS,
    _RECIPIENT_LEMMAS,
    _RELATIVE_WORDS,
    _SPEECH_LEMMAS,
    _SUBORDINATE_STARTS,
    _TIME_WORDS,
    _TRAILING,
    Context,
    RawStatement,
    _after_comma_pos,
    _chain_end,
    _chain_start,
    _content_end,
    _continuation,
    _inverted_source_follows,
    _is_adjunct,
    _is_appositive,
    _is_relative_aside,
    _lead_in_quote,
    _next_words,
    _opens_subordinate,
    _past_adjunct,
    _quote_at,
    _quote_ending_before,
    _rest_of_clause,
    _skip_recipient,
    _words,
)
from newsclaims.extraction._cues import CueHit
from newsclaims.extraction._lexicon import word_list
from newsclaims.extraction._segment import TOKEN
from newsclaims.extraction._sources import noun_before, source_after, source_before, trim_span

__all__ = ["read_verb"]

Span = tuple[int, int]


def _quote_first(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read ``"...," Smith said`` (and ``"...," said Smith, "..."``): the quote is the content."""
    text = ctx.text
    q = _quote_ending_before(ctx, hit.start)
    if q is None:
        return None
    between = text[q.end : hit.start].split()
    if len(between) > 1 and between[-1].lower() in ("who", "which") and hit.lemma in _SPEECH_LEMMAS:
        return None  # '"...," said Beck, who said X': the relative clause has its own content
    if between and between[-1].lower() in _SUBORDINATORS:
        return None  # '"...," he said when asked how X': the question follows
    inverted = not text[q.end : hit.start].strip(" ,") and _inverted_source_follows(
        ctx, hit.end, ctx.limit
    )
    lo = ctx.sentence[0]
    inner = text[q.start : q.end].rstrip("\"”'’»")
    follows = _next_words(text, hit.end)
    # '"...," she said of her talk' is content-first whatever follows, unless a clause or
    # another quote does ("...," she said, "..." is handled as a continuation).
    comma_quote = inner[-1:] in ",?!" and follows != "that" and q.start <= lo
    if not (
        inverted
        or comma_quote
        or _is_adjunct(ctx, hit, hit.end, ctx.limit)
        or _continuation(ctx, hit.end) is not None
    ):
        return None
    lo = ctx.sentence[0]
    lead = text[lo : q.start].rstrip()
    if q.start < lo or q.start == lo:
        first = _chain_start(ctx, q)
    else:
        first = q.start if lead.endswith(":") else lo
    content: list[Span] = [(first, q.end)]
    source = source_before(text, q.end, hit.start)
    rest = hit.end
    if source is None:
        source = source_after(text, hit.end, ctx.limit)
        rest = source[1] if source else hit.end
    cont = _continuation(ctx, rest) or _quote_after_adjunct(ctx, rest)
    if (
        cont is None
        and inner.endswith(",")
        and _next_words(text, _after_comma_pos(text, rest)) not in _SUBORDINATE_STARTS
    ):
        cont = _rest_of_clause(ctx, rest, after_quote=True)  # '"Only you," she said, would'

    if cont is not None:
        content.append(cont)
    return RawStatement(source, (hit.start, hit.end), tuple(content), hit)


_MAX_ADJUNCT_WORDS = 20


def _quote_after_adjunct(ctx: Context, pos: int) -> Span | None:
    """Return a quote that goes on after the cue's adjunct (``"X," he said on Monday, "Y."``).

    The words between must end in a comma or a stop (an abbreviation the splitter kept,
    ``in Santa Monica, Calif. "Y."``) and hold no other quotation.
    """
    i = bisect.bisect_left(ctx.quote_starts, pos)
    if i >= len(ctx.quotes):
        return None
    q = ctx.quotes[i]
    between = ctx.text[pos : q.start].rstrip()
    if (
        q.start >= ctx.limit
        or not between.endswith((",", ".", ":"))
        or len(between.split()) > _MAX_ADJUNCT_WORDS
    ):
        return None
    return q.start, q.end


def _comma_first(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read ``The deal is dead, Smith said on Monday.`` and ``..., said Smith.``.

    A cue set between commas inside its content (``In the long run, experts say, rates
    will fall``) gets both sides; a quote after it (``..., said Smith: "..."``) joins too.
    """
    text = ctx.text
    lo = ctx.sentence[0]
    comma = text.rfind(",", lo, hit.start)
    if comma <= lo or comma < ctx.floor:
        return None  # "..., Smith said she had not decided": the said-clause is not content
    between = text[comma + 1 : hit.start].strip(" \t\n\"”’'")
    left = trim_span(text, lo, comma)
    opener = _next_words(text, left[0])
    if opener in _SUBORDINATE_STARTS and (opener == "when" or "," not in text[left[0] : left[1]]):
        # "When asked about it, he declined to comment": an adverbial clause; but in "If
        # states fail, the state can step in, Wilcox said" a main clause follows it.
        return None
    if len(TOKEN.findall(text, left[0], min(left[1], left[0] + 40))) < 2:
        return None
    rest = hit.end
    if not between:
        if (
            hit.lemma not in _SPEECH_LEMMAS
            or _is_appositive(ctx, comma)
            or not _inverted_source_follows(ctx, hit.end, ctx.limit)
        ):
            return None
        source = source_after(text, hit.end, ctx.limit)
        rest = source[1] if source else hit.end
    elif (
        len(between.split()) <= 12
        and not _RELATIVE_WORDS.intersection(between.lower().split())
        and (hit.lemma in _SPEECH_LEMMAS or not text[hit.end : ctx.limit].strip(" ,.;:"))
        and _is_adjunct(ctx, hit, hit.end, ctx.limit)
    ):
        source = source_before(text, comma + 1, hit.start)
    else:
        return None
    content = [left]
    after = _continuation(ctx, rest) or _rest_of_clause(ctx, rest)
    if after is not None:
        content.append(after)
    return RawStatement(source, (hit.start, hit.end), tuple(content), hit)


def _content_after(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read ``Smith said (that) the deal is dead.``: the content follows the cue."""
    text = ctx.text
    lo, hi = ctx.sentence
    start = hit.end
    while start < hi and text[start] in " \t,:":
        start += 1
    if hit.lemma in _RECIPIENT_LEMMAS:
        start = _skip_recipient(ctx, start, ctx.limit)
    start = _lead_in_quote(ctx, start)
    quoted = _quote_at(ctx, start) is not None
    cue_end = hit.end
    if not quoted:
        start = _past_adjunct(ctx, start)
        cue_end, start = _topic_preposition(text, hit.end, start)
    end = _content_end(ctx, start)
    source = source_before(text, lo, hit.start)
    if (
        source is not None
        and (_is_relative_aside(text, source, lo) or _opens_subordinate(text, lo, source[0]))
    ) or (source is None and _after_subordinator(text, lo, hit.start)):
        # "The lawyer, who said the case was weak, resigned", "Since she endorsed Clinton
        # this month, Warren has ...": the aside ends at its comma.
        comma = text.find(",", start, end)
        end = comma if comma >= 0 and not quoted else end
    if not quoted and hit.lemma in _OBJECT_LEMMAS:
        end = _object_end(text, start, end)
    span = trim_span(text, start, end, " \t\n" if quoted else _TRAILING)
    if span[1] <= span[0]:
        span = _quote_in_next_paragraph(ctx, hit.end) or span
    if span[1] <= span[0]:
        return None
    return RawStatement(source, (hit.start, cue_end), (span,), hit)


_TOPIC_PREPOSITIONS = word_list("topic_prepositions")


def _topic_preposition(text: str, cue_end: int, start: int) -> tuple[int, int]:
    """Move a topic preposition into the cue (``talked about X``, ``complained of X``).

    Returns the new cue end and content start; only a preposition right after the verb
    (or its adverb: ``complained bitterly about``) moves.
    """
    found = itertools.islice(TOKEN.finditer(text, start, start + 40), 3)  # no more is read
    words = [(m.group(), m.start(), m.end()) for m in found]
    i = 1 if words and words[0][0].endswith("ly") and words[0][0].islower() else 0
    if len(words) > i + 1 and words[i][0].lower() in _TOPIC_PREPOSITIONS:
        return words[i][2], words[i + 1][1]
    return cue_end, start


_OBJECT_LEMMAS = word_list("object_lemmas")
# Function words that cannot end the noun a relative clause hangs on.
_NOT_NOUNS = (
    word_list("determiners")
    | word_list("auxiliaries")
    | word_list("prepositions")
    | word_list("subordinate_starts")
    | frozenset({"and", "or", "but", "that", "which", "who"})
)
_SUBORDINATORS = word_list("subordinators")
_STATE_COMPLEMENTS = frozenset({"that", "about"})
_OBJECT_ADJUNCTS = word_list("object_adjuncts")
_CLAUSE_OPENERS = frozenset({"that", "whether", "if", "how", "what", "why", "who", "when", "where"})


def _object_end(text: str, start: int, end: int) -> int:
    """Return where the object of a verb like ``endorsed`` ends: before an adjunct.

    ``endorsed Clinton during a call on Tuesday`` endorses Clinton; the call is the
    reporter's circumstance. A clause (``denied that ...``) runs on as usual.
    """
    words = _words(text, start, min(end, start + _NEAR))
    if not words or words[0][0].lower() in _CLAUSE_OPENERS:
        return end
    for w, s, _e in words[1:]:
        if w == "," or w.lower() in _OBJECT_ADJUNCTS or w in _TIME_WORDS:
            return s
    return end


def _quote_in_next_paragraph(ctx: Context, pos: int) -> Span | None:
    """Return the quotation a ``She went on to say:`` opens in the next paragraph."""
    i = bisect.bisect_left(ctx.quote_starts, pos)
    if i < len(ctx.quotes):
        q = ctx.quotes[i]
        if ctx.text[pos : q.start].strip() in (":", "") and "\n" in ctx.text[pos : q.start]:
            return q.start, _chain_end(ctx, q)
    return None


def _after_subordinator(text: str, lo: int, pos: int) -> bool:
    """Say whether a cue follows ``when``/``if`` (``When asked whether X, ...``)."""
    before = _words(text, max(lo, pos - 12), pos)
    return bool(before) and before[-1][0].lower() in _SUBORDINATORS


def _as_reported(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read ``As reported by the Post, X``: the by-phrase is the source, the clause the content."""
    text = ctx.text
    lo = ctx.sentence[0]
    if text[lo : hit.start].strip(" \"“'‘").lower() != "as" or _next_words(text, hit.end) != "by":
        return None
    by = text.index("by", hit.end) + 2
    comma = text.find(",", by, ctx.end)
    if comma < 0:
        return None
    source = trim_span(text, by, comma)
    whole = attrs.evolve(ctx, limit=ctx.end)
    content = trim_span(text, comma + 1, _content_end(whole, comma + 1), _TRAILING)
    if content[1] <= content[0] or source[1] <= source[0]:
        return None
    return RawStatement(source, (lo, hit.end), (content,), hit)


def _cue_first(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read ``Said Dorothy Poynter, a neighbour, "We were proud."``: cue, source, quote."""
    text = ctx.text
    if text[ctx.sentence[0] : hit.start].strip(" \"“'‘") or hit.lemma not in _SPEECH_LEMMAS:
        return None
    source = source_after(text, hit.end, ctx.limit)
    if source is None:
        return None
    quote = _continuation(ctx, source[1])
    if quote is None:
        return None
    return RawStatement(source, (hit.start, hit.end), (quote,), hit)


def _passive(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read a passive cue: ``It was never mentioned by the moderators``, ``X is expected to Y``.

    The subject is (part of) the content; the source is the ``by`` phrase, or none.
    """
    text = ctx.text
    group = text[hit.start : hit.head].lower().split()
    form = text[hit.head : hit.end].lower()
    if not _BE_FORMS.intersection(group) or not (form.endswith(("ed", "en")) or form in _IRREGULAR):
        return None
    if hit.lemma in _RECIPIENT_LEMMAS:
        # "X was asked whether Y": X is the one asked; the content follows, unattributed.
        span = trim_span(text, hit.end, _content_end(ctx, hit.end), _TRAILING)
        return RawStatement(None, (hit.start, hit.end), (span,), hit) if span[1] > span[0] else None
    follows = _next_words(text, hit.end)
    if follows in _STATE_COMPLEMENTS:
        return None  # "voters were worried that X": a state of mind, its holder the subject
    subject = source_before(text, ctx.sentence[0], hit.start)
    by = _by_after(text, hit.end)
    if by is not None:
        return _passive_by(ctx, hit, subject, by)
    if subject is None:
        return None
    content = [subject]
    if follows in ("to", "as"):
        rest = trim_span(text, hit.end, _content_end(ctx, hit.end), _TRAILING)
        if rest[1] > rest[0]:
            content.append(rest)
    return RawStatement(None, (hit.start, hit.end), tuple(content), hit)


_BY_GAP = re.compile(r"\s+(?:([A-Za-z]+)\s+)?by\b")


def _by_after(text: str, pos: int) -> int | None:
    """Return where the ``by`` phrase after a passive cue starts, if one follows.

    One day name may stand between: ``was supported Friday by``, ``was praised
    yesterday by``.
    """
    m = _BY_GAP.match(text, pos)
    if m is None:
        return None
    gap = m.group(1)
    if gap is not None and gap not in _TIME_WORDS and gap not in ("yesterday", "today"):
        return None
    return m.end()


def _passive_by(ctx: Context, hit: CueHit, subject: Span | None, by: int) -> RawStatement | None:
    """Read a passive with a ``by`` phrase: that phrase is the source."""
    text = ctx.text
    source = source_after(text, by, ctx.limit)
    content: Span | None = subject
    if subject is None and source is not None:
        # "after being warned by the Russians that he was a threat": the that-clause.
        content = trim_span(text, source[1], _content_end(ctx, source[1]), _TRAILING)
    if content is None or content[1] <= content[0]:
        return None
    return RawStatement(source, (hit.start, hit.end), (content,), hit)


def _raising(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read ``X seems ready``: the subject and what is said of it, with no source."""
    if hit.lemma not in _RAISING_LEMMAS:
        return None
    subject = source_before(ctx.text, ctx.sentence[0], hit.start)
    rest = trim_span(ctx.text, hit.end, _content_end(ctx, hit.end), _TRAILING)
    if subject is None or rest[1] <= rest[0]:
        return None
    return RawStatement(None, (hit.start, hit.end), (subject, rest), hit)


def _reduced_passive(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read ``an allegation rejected by three inquiries``: noun is content, by-phrase source."""
    text = ctx.text
    form = text[hit.head : hit.end].lower()
    if hit.start != hit.head and text[hit.start : hit.head].split()[0].lower() in _BE_FORMS:
        return None
    if not form.endswith("ed") or _next_words(text, hit.end) != "by":
        return None
    noun = noun_before(text, ctx.sentence[0], hit.start)
    if noun is None:
        return None
    by = text.index("by", hit.end) + 2
    return RawStatement(source_after(text, by, ctx.limit), (hit.start, hit.end), (noun,), hit)


def read_verb(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read a verb cue: content first (quoted or not), passive, or content after it."""
    return (
        _as_reported(ctx, hit)
        or _cue_first(ctx, hit)
        or _raising(ctx, hit)
        or _reduced_passive(ctx, hit)
        or _quote_first(ctx, hit)
        or _comma_first(ctx, hit)
        or _passive(ctx, hit)
        or _object_gap(ctx, hit)
        or _content_after(ctx, hit)
    )


# Words that open the noun phrase a relative clause without "that" hangs on.
_GAP_HEADS = word_list("gap_heads")
# Words that open the subject of such a clause ("a fact [he] mentions", "an offer [the
# leadership] rebuffed").
_GAP_SUBJECTS = frozenset(
    {"he", "she", "they", "we", "i", "you", "the", "a", "an", "his", "her", "their", "many"}
    | {"some", "most"}
)
# Heads that are whole noun phrases: a name may follow as the subject ("something Obama said").
_GAP_PRONOUNS = frozenset({"something", "anything", "everything", "nothing", "what"})
_MAX_GAP_NOUN = 6
_MAX_GAP_SUBJECT = 5


def _object_gap(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read ``a fact he mentions on the trail``: the noun before the subject is the content.

    In a relative clause without ``that`` the cue's object is the noun it hangs on; only
    an adjunct (or nothing) may follow the cue, a determiner must open the noun, and the
    subject must be a pronoun or open with a determiner.
    """
    text = ctx.text
    if hit.frame != "verb" or not _may_gap(text[max(ctx.sentence[0], hit.start - 100) : hit.start]):
        return None
    source = source_before(text, ctx.sentence[0], hit.start)
    if source is None:
        return None
    split = _gap_split([w for w in _words(text, *source) if w[0][0].isalnum()])
    if split is None or not _is_adjunct(ctx, hit, hit.end, ctx.limit):
        return None
    noun, subject = split
    return RawStatement((subject, source[1]), (hit.start, hit.end), (noun,), hit)


def _may_gap(before: str) -> bool:
    """Say cheaply whether the words before a cue may end in ``a fact he`` (see ``_gap_split``)."""
    words = before.split()[-(_MAX_GAP_SUBJECT + 1) :]
    return any(
        prev.isalpha()
        and prev.islower()
        and prev not in _NOT_NOUNS
        and (word.lower() in _GAP_SUBJECTS or (word[:1].isupper() and prev in _GAP_PRONOUNS))
        for prev, word in itertools.pairwise(words)
    )


def _gap_split(words: list[tuple[str, int, int]]) -> tuple[Span, int] | None:
    """Split ``a fact he`` into the noun (``a fact``) and where its clause's subject starts."""
    for k in range(len(words) - 1, max(0, len(words) - 1 - _MAX_GAP_SUBJECT), -1):
        subject, before = words[k][0], words[k - 1][0]
        if subject.lower() not in _GAP_SUBJECTS and not (
            subject[0].isupper() and before.lower() in _GAP_PRONOUNS
        ):
            continue
        if not before.isalpha() or not before.islower() or before in _NOT_NOUNS:
            return None
        for j in range(k - 1, max(-1, k - 1 - _MAX_GAP_NOUN), -1):
            if words[j][0].lower() in _GAP_HEADS:
                return (words[j][1], words[k - 1][2]), words[k][1]
        return None
    return None
