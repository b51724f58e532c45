"""Reading: turn cue hits into statements, sentence by sentence.

This is where the frames of :mod:`._contents` meet the article: each cue is read in its
sentence, with its content stopped before a later cue that opens a clause of its own,
participles given the subject of their clause, and a direct quotation continued over the
quote-only sentences and paragraphs that follow it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from newsclaims.extraction._contents import Context, RawStatement, sentence_subject
from newsclaims.extraction._cues import CueHit, verb_group_start
from newsclaims.extraction._lexicon import word_list
from newsclaims.extraction._other_frames import read_cue
from newsclaims.extraction._quotes import Quote
from newsclaims.extraction._sources import PRONOUNS, source_before, trim_span

__all__ = ["read_statements"]

Span = tuple[int, int]
_SENTENCE_END = " \t\n.!?;"
# Frames that start a clause of their own: a content before them stops at their comma.
# "... and declared": a coordinated cue right after "and"/"but", before the later verb group.
_COORDINATED = re.compile(r",?\s+(?:and|but)\s+")
_LOOKAHEAD = 8
_WINDOW = 200
# A quotation is continued over at most this many quote-only sentences.
_MAX_CONTINUATION = 12
# "say that, even if they thought so, a recount ...": a subordinate clause inside the content.
_SUBORDINATE_STARTS = word_list("subordinate_starts") | {"even"}
_CONTROL_WORDS = word_list("control_words")
_CLAUSE_FRAMES = frozenset({"participle", "according"})
# Capitalised sentence openers that are no subject ("His ...", "Does the ...").
_NOT_SUBJECTS = (
    word_list("determiners") | word_list("auxiliaries") | word_list("subordinate_starts")
)


def _sentence_end(text: str, sentence: Span) -> int:
    """Return where the words of ``sentence`` end: before its stop, after a closing quote."""
    lo, hi = sentence
    end = trim_span(text, lo, hi, _SENTENCE_END)[1]
    if end < hi and text[end : end + 1] in "\"”'’»":
        end += 1
    return end


def _limit(text: str, sentence: Span, hits: Sequence[CueHit], k: int) -> int:
    """Return where the content of ``hits[k]`` must end on the right.

    At the latest the end of the sentence (with its closing quote); earlier when a later
    cue in the sentence opens a clause of its own after a comma: a participle
    (``, saying``), ``according to``, or a cue with its own short subject (``, the report
    said``; ``, 27 percent said``).
    """
    end = _sentence_end(text, sentence)
    # Only the next few cues can end this one's content, and only through the words just
    # before them: both bounds keep a sentence with thousands of cues linear.
    for later in hits[k + 1 : k + 1 + _LOOKAHEAD]:
        window = max(hits[k].end, later.start - _WINDOW)
        joined = _COORDINATED.search(text, max(hits[k].end, later.start - 12), later.start)
        if joined is not None and joined.end() == later.start:
            return joined.start()  # "condemned X and declared Y": two cues, two contents
        # "cites the crowds as an example: He says X": a colon opens a clause like a comma
        comma = max(text.rfind(",", window, later.start), text.rfind(": ", window, later.start))
        if comma < 0:
            continue
        between = text[comma + 1 : later.start]
        if later.frame in _CLAUSE_FRAMES:
            if not between.strip(" \t\n\"”'’"):
                # '"...," adding': the comma is inside the quote, which the content keeps
                return comma + 1 + len(between.rstrip()) if between.strip() else comma
            continue
        words = between.split()
        if (
            0 < len(words) <= 8
            and words[0].lower() not in _SUBORDINATE_STARTS
            and not any(ch in between for ch in '"“”;:()')
        ):
            return comma
    return end


def _whole_quote(quotes: Sequence[Quote], starts: Sequence[int], span: Span) -> Quote | None:
    """Return the quote that makes up all of ``span`` (a quote-only sentence), if any."""
    i = bisect.bisect_left(starts, span[0])
    if i < len(quotes) and quotes[i].start == span[0] and quotes[i].end >= span[1] - 1:
        return quotes[i]
    return None


def _continue_quote(
    text: str,
    statement: RawStatement,
    following: Sequence[Span],
    quotes: Sequence[Quote],
    quote_starts: Sequence[int],
) -> RawStatement:
    """Add the quote-only sentences that follow a direct quotation to its content."""
    last = statement.content[-1]
    if text[last[1] - 1 : last[1]] not in "\"”'’»" and not _is_quote_end(
        quotes, quote_starts, last
    ):
        return statement
    content = list(statement.content)
    for sentence in following:
        q = _whole_quote(quotes, quote_starts, sentence)
        if q is None:
            break
        if q.end <= content[-1][1]:
            continue  # already in the content (a quotation followed over paragraphs)
        content.append((q.start, q.end))
        if q.closed and not q.continues and sentence[1] > q.end + 1:
            break
    if len(content) == len(statement.content):
        return statement
    return RawStatement(statement.source, statement.cue, tuple(content), statement.hit)


def _is_quote_end(quotes: Sequence[Quote], starts: Sequence[int], span: Span) -> bool:
    i = bisect.bisect_right(starts, span[0]) - 1
    return i >= 0 and quotes[i].end == span[1] and not quotes[i].closed


def read_statements(
    text: str,
    sentences: Sequence[Span],
    quotes: Sequence[Quote],
    hits: Sequence[CueHit],
) -> tuple[RawStatement, ...]:
    """Read every cue hit into a statement (or drop it), in text order.

    Args:
        text: the article text.
        sentences: sentence offsets.
        quotes: the quotations.
        hits: the cue hits, in text order.

    Returns:
        The statements as offsets.
    """
    sentence_starts = [s for s, _ in sentences]
    quote_starts = [q.start for q in quotes]
    by_sentence: dict[int, list[CueHit]] = {}
    for hit in hits:
        i = bisect.bisect_right(sentence_starts, hit.head) - 1
        if i >= 0:
            by_sentence.setdefault(i, []).append(hit)
    out: list[RawStatement] = []
    for i in sorted(by_sentence):
        sentence = sentences[i]
        group = by_sentence[i]
        previous: RawStatement | None = None
        waiting: int | None = None
        for k, hit in enumerate(group):
            limit = _limit(text, sentence, group, k)
            ctx = Context(
                text,
                sentence,
                quotes,
                quote_starts,
                limit,
                _sentence_end(text, sentence),
                group[k - 1].end if k else sentence[0],
            )
            subject = previous.source if previous is not None else None
            opening = hit.frame == "participle" and _opens_clause(text, sentence[0], hit.start)
            if opening:
                # "Citing his record, the senator said ...": the participle's clause ends at
                # its comma, and its subject is the main clause's, read next.
                comma = text.find(",", hit.end, limit)
                if comma >= 0:
                    ctx = attrs.evolve(ctx, limit=comma)
            elif subject is None and hit.frame == "participle":
                subject = sentence_subject(text, sentence[0], hit.start)
            statement = read_cue(ctx, hit, subject)
            if statement is None:
                continue
            if waiting is not None and statement.source is not None:
                out[waiting] = attrs.evolve(out[waiting], source=statement.source)
                waiting = None
            if statement.source is None:
                statement = _inherit_source(text, sentence[0], statement, previous)
            following = sentences[i + 1 : i + 1 + _MAX_CONTINUATION]
            statement = _continue_quote(text, statement, following, quotes, quote_starts)
            out.append(statement)
            if hit.frame != "noun" or hit.start < hit.head:
                # a possessor ("defended Trump's remarks") is no subject for what follows
                previous = statement
            if opening and statement.source is None:
                waiting = len(out) - 1
    return _first_readings(out)


def _first_readings(statements: Sequence[RawStatement]) -> tuple[RawStatement, ...]:
    """Drop a statement whose content an earlier cue has already read.

    A quotation has one speaker: in ``"...," said a source, who spoke on condition of
    anonymity`` the quote is the source's, not what the aside's ``spoke`` reports.
    """
    seen: set[tuple[Span, ...]] = set()
    out = []
    for statement in statements:
        if statement.content not in seen:
            seen.add(statement.content)
            out.append(statement)
    return tuple(out)


def _inherit_source(
    text: str, lo: int, statement: RawStatement, previous: RawStatement | None
) -> RawStatement:
    """Give a statement without a source the subject it shares with another verb, if any.

    ``The mayor left and said X``: the mayor; ``Verizon has been working to emphasize X``:
    the governing verb's subject.
    """
    hit = statement.hit
    if _shares_subject(text, hit):
        if previous is not None:
            return RawStatement(previous.source, statement.cue, statement.content, hit)
        # "Priebus arrived late and acknowledged that ...": the subject of the first verb
        subject = _coordinated_subject(text, lo, hit)
        if subject is not None:
            return RawStatement(subject, statement.cue, statement.content, hit)
    if _after_to(text, lo, hit):
        subject = _governor_subject(text, lo, hit)
        return RawStatement(subject, statement.cue, statement.content, hit)
    subject = _purpose_subject(text, lo, hit)
    if subject is not None:
        return RawStatement(subject, statement.cue, statement.content, hit)
    return statement


_PURPOSE_VERBS = word_list("purpose_verbs")
_OBJECT_CONTROL_VERBS = word_list("object_control_verbs")
_PURPOSE_BREAKS = frozenset({"who", "which", "that", "and", "but", "or", "to", "while", "as"})
_WORD = re.compile(r"[\w’'.-]+")


def _purpose_subject(text: str, lo: int, hit: CueHit) -> Span | None:
    """Return the source of an infinitive cue after a verb and its object, if clear.

    ``Ramos used his speech to call for X``: the subject of ``used`` (a purpose);
    ``leaving many to wonder whether X``, ``allow lawmakers to compare``: the object of
    the verb, which is the one who wonders. A few words at most, no punctuation between.
    """
    found = _purpose_verb(text, lo, hit)
    if found is None:
        return None
    verb, to = found
    if verb.group().lower() in _OBJECT_CONTROL_VERBS:
        span = trim_span(text, verb.end(), to)
        return span if span[1] > span[0] else None
    start, _negated = verb_group_start(text, verb.start(), lo)
    return source_before(text, lo, start) or sentence_subject(text, lo, start)


def _purpose_verb(text: str, lo: int, hit: CueHit) -> tuple[re.Match[str], int] | None:
    """Return the verb a few words before ``to`` + cue, and where ``to`` starts, if any."""
    if not text[max(lo, hit.start - 4) : hit.start].rstrip().lower().endswith(" to"):
        return None
    words = list(_WORD.finditer(text, max(lo, hit.start - 80), hit.start))
    if len(words) < 3 or words[-1].group().lower() != "to":
        return None
    to = words[-1].start()
    for m in reversed(words[-9:-1]):
        word = m.group().lower()
        if word in _PURPOSE_BREAKS:
            return None
        if word in _PURPOSE_VERBS or word in _OBJECT_CONTROL_VERBS:
            clean = not any(ch in text[m.end() : to] for ch in ',;:()"“”—')
            return (m, to) if clean else None
    return None


_RAISING_LEMMAS = word_list("raising_lemmas")
_PASSIVE_STARTS = ("is ", "was ", "were ", "are ", "be ", "been ", "being ")
_SUBJECT_DETERMINERS = frozenset({"the", "a", "an"})


def _coordinated_subject(text: str, lo: int, hit: CueHit) -> Span | None:
    """Return the sentence's subject for a cue in its second verb phrase, if it is clear.

    ``Priebus arrived late and acknowledged that X``: ``Priebus``. Only a pronoun, a name
    or a short description (``A spokesman``) followed by a lower-case word counts; a
    passive or a raising verb (``and was called``, ``and seems``) has no such source.
    """
    if hit.lemma in _RAISING_LEMMAS or text[hit.start : hit.end].lower().startswith(
        _PASSIVE_STARTS
    ):
        return None
    subject = sentence_subject(text, lo, hit.start)
    if subject is None or subject[1] >= hit.start:
        return None
    words = text[subject[0] : subject[1]].split()
    after = text[subject[1] : subject[1] + 40].split()
    if not after or not (after[0][:1].islower() or after[0][:1] == ","):
        return None  # "House Democrats, looking for a way ..., seized the floor and said"
    first = words[0]
    if len(words) == 1 and first.lower() in PRONOUNS:
        return subject
    name = all(w[:1].isupper() for w in words) and first.lower() not in _NOT_SUBJECTS
    description = first.lower() in _SUBJECT_DETERMINERS and len(words) == 2
    return subject if name or description else None


_ING_PREPOSITIONS = word_list("ing_prepositions")


def _opens_clause(text: str, lo: int, pos: int) -> bool:
    """Say whether a participle opens its sentence, maybe after a preposition.

    ``Citing his record, the senator said`` and ``After announcing her run, Fiorina
    waged``: the participle's subject is the main clause's, which comes next.
    """
    words = text[lo:pos].strip(" \"“'‘(").split()
    return not words or (len(words) <= 2 and words[0].lower() in _ING_PREPOSITIONS)


def _after_to(text: str, lo: int, hit: CueHit) -> bool:
    """Say whether the cue is an infinitive governed by a verb (``struggled to respond``).

    ``called for all candidates to lay out``: after a noun, the infinitive's subject is that
    noun, not the clause's, so it gets none.
    """
    before = text[max(lo, hit.start - 40) : hit.start].split()
    if len(before) < 2 or before[-1].lower() != "to":
        return False
    governor = before[-2].lower()
    return governor.endswith(("ed", "ing")) or governor in _CONTROL_WORDS


def _governor_subject(text: str, lo: int, hit: CueHit) -> Span | None:
    """Return the subject of the verb governing an infinitive cue.

    ``they are prepared to respond``: ``they``.
    """
    to = text.rfind("to", max(lo, hit.start - 6), hit.start)
    if to <= lo:
        return None
    governor = max(text.rfind(" ", lo, to - 1) + 1, lo)
    start, _negated = verb_group_start(text, governor, lo)
    return source_before(text, lo, start)


def _shares_subject(text: str, hit: CueHit) -> bool:
    """Say whether the cue follows ``and``/``but`` and so shares the previous subject."""
    before = text[max(0, hit.start - 6) : hit.start].rstrip().lower()
    return before.endswith((" and", " but", ",and", " or", ","))
