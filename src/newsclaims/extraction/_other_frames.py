"""The other frames (``according to``, adverbs, nouns, colons, participles) and the dispatch.

:func:`read_cue` reads one cue hit with the frame its lexicon entry and position call for.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from newsclaims.extraction._contents import (
    _ASPECT_VERBS,
    _CREATION_VERBS,
    _IRREGULAR,
    _MAX_ASIDE_SOURCE,
    _MAX_NOUN_OBJECT,
    _OBJECT_STOPS,
    _POLL_PHRASE,
    _POSSESSIVE_WORDS,
    _RECIPIENT_LEMMAS,
    _SPEECH_LEMMAS,
    _TRAILING,
    Context,
    RawStatement,
    _clause_start,
    _content_end,
    _next_words,
    _opens_rest,
    _past_adjunct,
    _quote_at,
    _skip_recipient,
    _words,
    sentence_subject,
)
from newsclaims.extraction._cues import CueHit, verb_group_start
from newsclaims.extraction._lexicon import word_list
from newsclaims.extraction._segment import TOKEN
from newsclaims.extraction._sources import noun_before, source_after, source_before, trim_span
from newsclaims.extraction._verb_frames import read_verb

__all__ = [
    "read_according",
    "read_adverb",
    "read_colon",
    "read_cue",
    "read_noun",
    "read_participle",
    "read_reduced",
]

Span = tuple[int, int]

_ABBREVIATIONS = word_list("abbreviations")
_NOUN_CLAUSE_WORDS = frozenset({"that", "whether"})
# Adverbs without -ly that stand between a subject or verb and an -ing cue.
_PLAIN_ADVERBS = frozenset(
    {"even", "not", "just", "also", "still", "never", "only", "again", "now"}
)


def read_according(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read ``according to X, Y`` and ``Y, according to X``."""
    text = ctx.text
    lo, _hi = ctx.sentence
    cue = (hit.start, hit.end)
    left = trim_span(text, lo, hit.start, _TRAILING + '"“”')
    lead = [w for w, _s, _e in _words(text, left[0], min(left[1], left[0] + 40)) if w[0].isalnum()]
    if len(lead) <= 1:
        # "According to X, officials believe Y": the content is the whole main clause, with
        # any attribution inside it (which is then nested in this one).
        comma = text.find(",", hit.end, ctx.end)
        if comma < 0:
            return None
        source = trim_span(text, hit.end, comma)
        whole = attrs.evolve(ctx, limit=ctx.end)
        content = trim_span(text, comma + 1, _content_end(whole, comma + 1), _TRAILING)
    else:
        source_span = source_after(text, hit.end, ctx.limit)
        content = left
        poll = _POLL_PHRASE.match(text, hit.end) if hit.lemma == "in" else None
        if poll is not None:
            # "X leads, in a new Quinnipiac poll": just the poll, and the clause before it.
            source_span = poll.span(1)
            content = trim_span(text, _clause_start(text, lo, hit.start), hit.start, _TRAILING)
        source = source_span if source_span else (hit.end, hit.end)
        aside = _aside_rest(ctx, hit)
        if aside is not None:
            # "G4S receives, according to one report, $234 million": both sides.
            source = trim_span(text, hit.end, aside[0])
            return RawStatement(source, cue, (content, aside), hit)
    if content[1] <= content[0]:
        return None
    return RawStatement(source if source[1] > source[0] else None, cue, (content,), hit)


def _aside_rest(ctx: Context, hit: CueHit) -> Span | None:
    """Return the words after ``, according to X,`` set inside a clause, if any."""
    text = ctx.text
    if not text[max(ctx.sentence[0], hit.start - 3) : hit.start].rstrip().endswith(","):
        return None
    comma = text.find(",", hit.end, ctx.limit)
    if comma < 0 or len(text[hit.end : comma].split()) > _MAX_ASIDE_SOURCE:
        return None
    rest = trim_span(text, comma + 1, ctx.limit, _TRAILING)
    words = TOKEN.findall(text, rest[0], rest[1])
    if len(words) < 2 or not _opens_rest(words[0], after_quote=False):
        return None
    return rest


def read_adverb(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read ``X has reportedly been chatting``: the clause around the adverb, no source."""
    text = ctx.text
    lo = ctx.sentence[0]
    cut = max(text.rfind(",", lo, hit.start), lo - 1) + 1
    left = trim_span(text, cut, hit.start, _TRAILING)
    right = trim_span(text, hit.end, _content_end(ctx, hit.end), _TRAILING)
    spans = tuple(sp for sp in (left, right) if sp[1] > sp[0])
    return RawStatement(None, (hit.start, hit.end), spans, hit) if spans else None


def read_noun(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read a noun cue: ``his claim that X``, ``Trump's attacks on X``.

    A that-clause runs to the clause end; a prepositional object stops at the first word
    that ends a noun phrase (a verb of being, a subordinator, punctuation).
    """
    text = ctx.text
    if _next_words(text, hit.end) in _NOUN_CLAUSE_WORDS or text[hit.start : hit.end].endswith(
        ("whether", "that")
    ):
        span = trim_span(text, hit.end, _content_end(ctx, hit.end), _TRAILING)
    else:
        end = hit.end
        prev = ""
        for w, _s, e in _words(text, hit.end, ctx.limit)[:_MAX_NOUN_OBJECT]:
            # "Mr. Trump", "U.S. troops", "a $15 wage": marks inside a noun phrase
            inside = w in ("'", "’", "-", "$", "%") or (
                w == "." and (prev.lower() in _ABBREVIATIONS or "." in prev)
            )
            if not (w[0].isalnum() or inside) or w.lower() in _OBJECT_STOPS:
                break
            prev = w
            if end > hit.end and w.islower() and w.endswith("ed"):
                break  # "attacks on Clinton continued": the sentence's own verb
            end = e
        span = trim_span(text, hit.end, end, _TRAILING)
    if span[1] <= span[0]:
        return None
    before = _words(text, max(ctx.sentence[0], hit.start - 60), hit.start)
    source: Span | None = None
    if hit.start < hit.head:
        # "Critics raised questions about X": the light verb's subject
        source = source_before(text, ctx.sentence[0], hit.start)
    elif before and before[-1][0].lower() in _POSSESSIVE_WORDS:
        source = before[-1][1], before[-1][2]
    elif before:
        # "Iran's support for X": the possessor only, not the phrase it sits in.
        source = _possessor(before)
    return RawStatement(source, (hit.start, hit.end), (span,), hit)


_POSSESSOR_DETERMINERS = frozenset({"the", "a", "an", "this", "that"})


def _possessor(before: list[tuple[str, int, int]]) -> Span:
    """Return the possessor that ends the words ``before`` a noun cue.

    ``slammed Donald J. Trump's remarks``: the name, not the verb before it;
    ``the party's support``: the noun phrase back to its determiner, or the possessive
    word alone when no determiner comes within a few words (so no verb gets in).
    """
    end = before[-1][2]
    start = before[-1][1]
    if not before[-1][0][:1].isupper():
        for w, s, _e in reversed(before[-7:-1]):
            if not w[:1].isalpha():
                break
            if w.lower() in _POSSESSOR_DETERMINERS:
                return s, end
        return start, end
    for w, s, _e in reversed(before[-7:-1]):
        if not (w[:1].isupper() or w == "." or w.lower() in ("the", "of")):
            break
        start = s
        if w.lower() == "the":
            break
    return start, end


def read_colon(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read ``Name: words``: the name before the colon is the source."""
    text = ctx.text
    source = trim_span(text, ctx.sentence[0], hit.start, _TRAILING + '"“”')
    span = trim_span(text, hit.end, _content_end(ctx, hit.end), _TRAILING)
    if span[1] <= span[0] or source[1] <= source[0]:
        return None
    return RawStatement(source, (hit.start, hit.end), (span,), hit)


def read_participle(ctx: Context, hit: CueHit, subject: Span | None) -> RawStatement | None:
    """Read ``..., saying X``: the content follows, the source is the clause's subject.

    Past a speech verb the content runs to the clause end; an object (``referring to
    Obama, ...``) stops at its comma.
    """
    text = ctx.text
    start = hit.end
    if hit.lemma in _RECIPIENT_LEMMAS:
        start = _skip_recipient(ctx, start, ctx.limit)
    if (
        hit.lemma not in _SPEECH_LEMMAS
        and _next_words(text, start) != "that"
        and _quote_at(ctx, start) is None
    ):
        comma = text.find(",", start, ctx.limit)
        if comma >= 0:
            ctx = attrs.evolve(ctx, limit=comma)
    if _quote_at(ctx, start) is None:
        start = _past_adjunct(ctx, start)
    span = trim_span(text, start, _content_end(ctx, start), _TRAILING)
    if span[1] <= span[0]:
        return None
    return RawStatement(subject, (hit.start, hit.end), (span,), hit)


def read_reduced(ctx: Context, hit: CueHit) -> RawStatement | None:
    """Read ``reports suggesting that X``: the noun before is the source.

    After a verb (``has avoided directly criticizing``) or an artefact its subject made
    (``published a letter disputing``), the subject of that verb is the source.
    """
    text = ctx.text
    lo = ctx.sentence[0]
    # "the PAC supporting Bush, spent ...": the relative ends at its comma.
    comma = text.find(",", hit.end, ctx.limit)
    if comma >= 0 and _next_words(text, hit.end) != "that":
        ctx = attrs.evolve(ctx, limit=comma)
    governor = _governing_verb(text, lo, hit.start)
    source = source_before(text, lo, governor) if governor is not None else None
    if source is None and governor is not None:
        # "Senate Republicans have all but stopped confirming": the clause's subject
        source = sentence_subject(text, lo, governor)
    elif source is None:
        # "the ads, even attacking X": the noun before the adverbs
        source = noun_before(text, lo, _before_adverbs(text, lo, hit.start))
    return read_participle(ctx, hit, source)


def _before_adverbs(text: str, lo: int, pos: int) -> int:
    """Return where the adverbs just before ``pos`` start (``derisively``, ``not even``)."""
    words = _words(text, max(lo, pos - 60), pos)
    start = pos
    for w, s, _e in reversed(words):
        if not _is_adverb(w):
            break
        start = s
    return start


def _is_adverb(word: str) -> bool:
    return word.islower() and (word.endswith("ly") or word in _PLAIN_ADVERBS)


def _governing_verb(text: str, lo: int, pos: int) -> int | None:
    """Return where the verb group governing an -ing cue starts, if a verb governs it.

    ``avoided (directly) criticizing``, ``started asking``; or a creation verb and its
    artefact: ``published a letter disputing``, ``posted a message showing``.
    """
    words = _words(text, max(lo, pos - 80), pos)
    i = len(words) - 1
    while i >= 0 and _is_adverb(words[i][0]):
        i -= 1
    if i >= 0 and (
        words[i][0].lower() in _ASPECT_VERBS
        or (words[i][0].islower() and words[i][0].endswith(("ed", "en")))
        or words[i][0] in _IRREGULAR
    ):
        return verb_group_start(text, words[i][1], lo)[0]
    # Back over the artefact noun phrase to a creation verb.
    for j in range(i, max(i - 5, -1), -1):
        word = words[j][0].lower()
        if word in _CREATION_VERBS:
            return verb_group_start(text, words[j][1], lo)[0]
        if not word.isalpha():
            break
    return _spending_verb(text, lo, pos, words)


def _spending_verb(text: str, lo: int, pos: int, words: list[tuple[str, int, int]]) -> int | None:
    """Return where ``spent`` starts in ``spent months attacking X`` (time or money spent).

    The -ing cue is what the subject spent it doing; nothing but words may stand between.
    """
    for w, s, e in reversed(words[-10:]):
        low = w.lower()
        if low in _SPENDING_VERBS:
            if any(ch in text[e:pos] for ch in ",;:()—"):
                return None
            return verb_group_start(text, s, lo)[0]
        if low in _CLAUSE_BREAKS:
            return None
    return None


_SPENDING_VERBS = word_list("spending_verbs")
_CLAUSE_BREAKS = frozenset({"who", "which", "that", "and", "but", "or", "while", "as"})


_READERS: dict[str, Callable[[Context, CueHit], RawStatement | None]] = {
    "colon": read_colon,
    "adverb": read_adverb,
    "noun": read_noun,
    "according": read_according,
    "reduced": read_reduced,
    "verb": read_verb,
}


def read_cue(ctx: Context, hit: CueHit, subject: Span | None) -> RawStatement | None:
    """Read one cue with the frame its lexicon entry and position call for."""
    if hit.frame == "participle":
        return read_participle(ctx, hit, subject)
    return _READERS.get(hit.frame, read_verb)(ctx, hit)
