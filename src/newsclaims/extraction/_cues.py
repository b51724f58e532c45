"""Cues: find the reporting verbs, phrases and nouns that signal an attribution.

One trie-shaped regular expression over the whole text finds every lexicon form (C speed,
no backtracking beyond one word); a few local checks then drop the readings that are not
cues (a noun after a determiner, a capitalised verb inside a sentence) and extend each cue
over its verb group (``has also said``, ``did not confirm``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence

import attrs

from newsclaims.extraction._lexicon import CueEntry, Lexicon, trie_pattern, word_list

__all__ = ["CueHit", "compile_cues", "find_cues", "verb_group_start"]

#: Words of the verb group that join the cue when they stand just before the verb.
AUXILIARIES = word_list("auxiliaries")
_NEGATIONS = word_list("negations")
_DETERMINERS = word_list("determiners")
# Words after which a noun-verb homograph ("support", "attacks") reads as a verb.
_VERBAL_CONTEXT = word_list("verbal_context")
_WORD_BEFORE = re.compile(r"(\w+)[^\w\n]{0,2}$")
_BE_FORMS = frozenset({"is", "was", "were", "are", "be", "been", "am", "being"})
_PREPOSITIONS_BEFORE_ADJECTIVE = frozenset({"of", "in", "with", "for", "by", "among", "and"})
_CONTRACTIONS = frozenset({"ve", "d", "ll", "s", "re"})
_NEXT_WORD = re.compile(r"\s+(\w+)")


@attrs.frozen
class CueHit:
    """A cue found in the text.

    ``start``/``end`` cover the verb group; ``head`` is the offset where the lexicon form
    itself starts. ``frame`` says how source and content hang on it (``verb``,
    ``participle``, ``according``, ``noun``, ``colon``).
    """

    start: int
    end: int
    head: int
    lemma: str
    stance: str
    frame: str
    negated: bool = False


@attrs.frozen
class CompiledCues:
    """A lexicon with its cue pattern compiled once."""

    lexicon: Lexicon
    pattern: re.Pattern[str]
    """The forms, case-sensitive, run over the lower-cased text (faster than ignoring case)."""
    caseless: re.Pattern[str]
    """The same forms ignoring case, for text whose lower-casing changes its length."""


def compile_cues(lexicon: Lexicon) -> CompiledCues:
    """Compile the lexicon's cue forms into one trie-shaped, case-insensitive pattern."""
    forms = [form.replace(" ", "\x00") for form in {**lexicon.nouns, **lexicon.cues}]
    body = trie_pattern(forms).replace("\x00", r"\s+").replace(re.escape("\x00"), r"\s+")
    source = r"\b(?:" + body + r")\b"
    return CompiledCues(lexicon, re.compile(source), re.compile(source, re.IGNORECASE))


def verb_group_start(text: str, start: int, floor: int) -> tuple[int, bool]:
    """Walk left over auxiliaries and adverbs; return the new start and whether negated."""
    negated = False
    pos = start
    while True:
        m = _WORD_BEFORE.search(text, max(floor, pos - 20), pos)
        if m is None:
            break
        word = m.group(1)
        if not word.islower():
            break  # "Kelly said", "Will Smith": a name, not an adverb or auxiliary
        gap = text[m.end(1) : pos]
        if gap.strip() not in ("", "’", "'"):
            break
        if word in AUXILIARIES or (word.endswith("ly") and len(word) > 4):
            negated = negated or word in _NEGATIONS
            pos = m.start(1)
            continue
        if word == "t" and text[max(floor, m.start(1) - 3) : m.start(1)].endswith(("n'", "n’")):
            negated = True
            pos = m.start(1) - 2
            continue
        if word in _CONTRACTIONS and text[m.start(1) - 1 : m.start(1)] in ("'", "’"):
            pos = m.start(1) - 1  # "we've learned", "he'd said": the auxiliary is contracted
            continue
        break
    return pos, negated


def _verbal(prev: str, kinds: Mapping[str, str], *, at_start: bool) -> bool:
    """Say whether the word before a homograph makes it a verb."""
    if not prev:
        return False
    low = prev.lower()
    if low in _VERBAL_CONTEXT or low in AUXILIARIES or (low.endswith("ly") and len(low) > 4):
        return True
    return low in kinds or (prev[0].isupper() and not at_start)


_COLON = re.compile(r":[ \t]+(?=\S)")
# Labels that a colon follows without attributing anything.
_LABELS = word_list("labels")


def _colon_hits(text: str, sentences: Sequence[tuple[int, int]]) -> list[CueHit]:
    """Return colon cues: a short name at the start of a sentence, then ``:`` (``Bush: "..."``).

    The name is one to six words, the first capitalised, no word a lower-case verb-like
    word; a colon after a reporting verb is that verb's, not a cue of its own.
    """
    hits = []
    for lo, hi in sentences:
        m = _COLON.search(text, lo, min(hi, lo + 80))
        if (
            m is not None
            and _is_speaker(text[lo : m.start()])
            and _says_something(text[m.end() : min(hi, m.end() + 40)])
        ):
            hits.append(CueHit(m.start(), m.start() + 1, m.start(), ":", "neutral", "colon"))
    return hits


def _says_something(right: str) -> bool:
    """Say whether the words after a colon can be said: not a count or a handle.

    ``Clinton: 547.`` is a tally and ``Twitter: @Milbank`` an address, not statements.
    """
    head = right.split("\n", 1)[0]
    return not head.startswith("@") and any(ch.isalpha() for ch in head)


def _is_speaker(left: str) -> bool:
    """Say whether the words before a sentence-initial colon name a speaker, not a label."""
    words = left.split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return False
    named = [w.lower().strip("'’") for w in words if w.lower() not in ("the", "a")]
    if not named or named[0] in _LABELS or any(ch in left for ch in '"“”,;'):
        return False
    return not [w for w in words[1:] if w[:1].islower() and w not in ("of", "the", "and", "for")]


_SUBORDINATORS = word_list("subordinators")
_AS_LEMMAS = word_list("as_lemmas")
_RAISING_LEMMAS = word_list("raising_lemmas")
_POLL_WORDS = word_list("poll_words")
# "in a new Quinnipiac poll": "in", a few words, a poll noun; bounded, so linear. A
# preposition or conjunction between them leaves the poll out ("in an interview before
# the polls closed").
_IN_POLL = re.compile(
    r"\b[Ii]n\s+(?:(?!(?:to|by|of|and|or|for|with|that|before|after|as|at|in|on|since|when|while)\b)[\w’'./&-]+\s+){0,6}?(?:"
    + "|".join(sorted(_POLL_WORDS))
    + r")\b(?![\w-])"
)
_POLL_SPECIFIERS = word_list("poll_specifiers")


def _names_a_poll(phrase: str) -> bool:
    """Say whether ``in ... poll`` reports one poll's findings, not a standing in the polls.

    ``in a new Quinnipiac poll`` and ``in the latest survey`` attribute what follows to a
    poll; ``trails in the polls`` and ``leads in Iowa polls`` only say how someone stands.
    """
    return not _POLL_SPECIFIERS.isdisjoint(phrase.lower().split()[1:-1])


_PARTICIPLE_MODIFIERS = word_list("participle_modifiers")
_PLACE_PREPOSITIONS = word_list("place_prepositions")
_NAMING_PARTICIPLES = word_list("naming_participles")
_RECIPIENT_LEMMAS = word_list("recipient_lemmas")
_QUESTION_WORDS = frozenset({"how", "if", "what", "whether", "which", "who", "whom", "why"})
_NAMING_WORDS = word_list("naming_words")
_INTRANSITIVE_LEMMAS = word_list("intransitive_lemmas")
_OTHER_SENSES = word_list("other_senses")
_NAMING_FORMS = word_list("naming_forms")
_FOUNDING_CONTEXT = word_list("founding_context")
# "a new group called", "an anti-Trump super PAC dubbed": an indefinite noun phrase of
# lower-case words right before the form; bounded by the 60-character window it runs in.
_INDEFINITE_BEFORE = re.compile(r"\b(?:[Aa]|[Aa]n|[Aa]nother)(?:\s+[a-z][\w’'-]*){1,4}\s+$")
_NOT_TOPIC_WORDS = word_list("not_topic_words")


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1).lower() if m else ""


def _after_comma(text: str, pos: int, floor: int) -> bool:
    """Say whether an -ing cue opens a participle clause (after a comma or a sentence start)."""
    before = text[max(floor, pos - 8) : pos].rstrip()
    if before.endswith(("”", "''", '"')):
        before = before.rstrip("”'\"")  # '"... overblown,'' adding': the comma is inside
    if not before or before.endswith((",", "—", "–", "-", ";", "and", "while", "by")):
        return True
    return _after_preposition(text, pos, floor)


_ING_PREPOSITIONS = word_list("ing_prepositions")
_WORDS_BACK = re.compile(r"([\w’'-]+)\s+(?:([\w’'-]+)\s+)?$")


def _after_preposition(text: str, pos: int, floor: int) -> bool:
    """Say whether an -ing cue follows a preposition of time or manner (``before adding``).

    ``Cruz replied, before adding that X`` and ``After suggesting X, Rubio ...``: the
    -ing clause shares the subject of its clause, like a participle after a comma. One
    adverb may stand between (``after repeatedly dismissing``).
    """
    m = _WORDS_BACK.search(text[max(floor, pos - 40) : pos])
    if m is None:
        return False
    before, last = (m.group(1), m.group(2)) if m.group(2) else ("", m.group(1))
    if last.lower() in _ING_PREPOSITIONS:
        return True
    return last.endswith("ly") and last.islower() and before.lower() in _ING_PREPOSITIONS


def _progressive(text: str, pos: int, floor: int) -> bool:
    """Say whether an -ing form is a finite verb (``is now talking``), not a participle."""
    group_start, _negated = verb_group_start(text, pos, floor)
    words = text[group_start:pos].lower().split()
    return any(w in _BE_FORMS for w in words) or any(
        w.endswith(("'s", "’s", "'re", "’re", "'m", "’m")) for w in words
    )


def _title_case(text: str, start: int, end: int) -> bool:
    """Say whether the cue sits in a Title Case line (a headline: "Christie Says He Would")."""
    before = text[max(0, start - 30) : start].split()
    after = text[end : end + 30].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


def _starts_sentence(text: str, floor: int, pos: int) -> bool:
    return not text[floor:pos].strip(" \"“'‘(")


def _reads_as_name(text: str, span: tuple[int, int], entry: CueEntry, floor: int) -> bool:
    """Say whether a capitalised form inside a sentence is a name ("Hope Hicks") or compound."""
    start, end = span
    if start > 0 and text[start - 1] == "-":
        return True  # "best-known", "self-described": part of a compound word
    if text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha():
        return True  # "sought-after", "called-for": the first part of a compound
    return (
        text[start].isupper()
        and not entry.phrase
        and not _starts_sentence(text, floor, start)
        and not _title_case(text, start, end)
    )


def _gives_a_name(text: str, start: int, floor: int, low: str) -> bool:
    """Say whether a naming form names the noun before it (``a group called X``, ``so-called``).

    Only a bare form counts: ``a reporter who called it`` and ``a lawmaker has called``
    hold a relative or an auxiliary between the noun and the form.
    """
    if low == "so":
        return True
    if low in AUXILIARIES or low in _RELATIVE_OR_CONJ:
        return False
    return _INDEFINITE_BEFORE.search(text[max(floor, start - 60) : start]) is not None


_RELATIVE_OR_CONJ = frozenset({"who", "which", "that", "and", "or", "but", "then"})


def _reads_as_other(
    text: str, span: tuple[int, int], entry: CueEntry, floor: int, lexicon: Lexicon
) -> bool:
    """Say whether the context makes a verb form something else than a cue.

    A noun after a determiner, a circumstance after "when", a participle of place, a verb
    that attributes only in one frame.
    """
    start, end = span
    form = text[start:end].lower()
    before = _WORD_BEFORE.search(text, max(floor, start - 20), start)
    prev = before.group(1) if before else ""
    low = prev.lower()
    possessive = before is not None and low == "s" and text[before.start(1) - 1] in "'’"
    at_start = before is not None and _starts_sentence(text, floor, before.start(1))
    nxt = _next_word(text, end)
    if nxt.endswith("ly") and low in _SUBORDINATORS:
        adverb = _NEXT_WORD.match(text, end)
        if adverb is not None:  # "when asked specifically how": the question is still reported
            nxt = _next_word(text, adverb.end())
    # "271 pledged delegates", "of reported cases": a participle used as an adjective.
    adjectival = (
        form.endswith("ed")
        and (low.isdigit() or low in _PREPOSITIONS_BEFORE_ADJECTIVE)
        and nxt.endswith("s")
        and nxt not in _DETERMINERS
        and nxt != "its"
    )
    # "the report", "his support": a noun; "When asked": a circumstance
    noun_or_circumstance = low in _DETERMINERS or (
        # "When asked whether she would run, ...": the question is still reported
        low in _SUBORDINATORS and not (entry.lemma in _RECIPIENT_LEMMAS and nxt in _QUESTION_WORDS)
    )
    return (
        adjectival
        or noun_or_circumstance
        or possessive
        or (
            entry.homograph
            and nxt != "that"
            and not _verbal(prev, lexicon.source_kinds, at_start=at_start)
        )
        # "we will see": only "see X as Y" attributes a view
        or (entry.lemma in _AS_LEMMAS and " as " not in text[end : end + 80])
        # "appeared on television", "remnants found on the ground": places, not findings
        or (
            (entry.lemma in _RAISING_LEMMAS or form in _PARTICIPLE_MODIFIERS)
            and nxt in _PLACE_PREPOSITIONS
        )
        # "also known as ISIS", "best known for its funds": a name or a reputation
        or (form in _NAMING_PARTICIPLES and nxt in _NAMING_WORDS)
        # "helped found Fox News", "decided to found Centerview": to establish, not to find
        or (form == "found" and low in _FOUNDING_CONTEXT)
        # "a new group called Black Votes Matter": a name, not a description
        or (form in _NAMING_FORMS and _gives_a_name(text, start, floor, low))
        # "backing down", "called off": a particle makes another verb
        or f"{entry.lemma}+{nxt}" in _OTHER_SENSES
        # "spoke with reporters", "spoke at the rally": who and where, not what
        or (entry.lemma in _INTRANSITIVE_LEMMAS and nxt in _NOT_TOPIC_WORDS)
    )


def _verb_hit(
    text: str, span: tuple[int, int], entry: CueEntry, floor: int, lexicon: Lexicon
) -> CueHit | None:
    """Return the cue a lexicon match makes in its context, or ``None`` if it is none."""
    start, end = span
    if _reads_as_name(text, span, entry, floor):
        return None
    frame = entry.frame
    if frame == "verb" and not entry.phrase and _reads_as_other(text, span, entry, floor, lexicon):
        return None
    first_word = text[start:end].split(None, 1)[0].lower()
    if frame == "verb" and first_word.endswith("ing") and not _progressive(text, start, floor):
        frame = "participle" if _after_comma(text, start, floor) else "reduced"
    group_start, negated = start, False
    if frame == "verb":
        group_start, negated = verb_group_start(text, start, floor)
    return CueHit(group_start, end, start, entry.lemma, entry.stance, frame, negated)


_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_COMPLEMENT = re.compile(r"\s+(\w+)")


def _noun_hit(text: str, span: tuple[int, int], noun: CueEntry, floor: int) -> CueHit | None:
    """Return a noun cue (``his criticism of``, ``Trump's claim that``) or ``None``.

    Only a noun with a possessor and one of its complement words counts: ``the attacks on
    Paris`` are events, ``her attacks on Paris`` are an attribution. A preposition joins the
    cue; ``that`` opens the content.
    """
    start, end = span
    nxt = _COMPLEMENT.match(text, end)
    if nxt is None or nxt.group(1).lower() not in noun.complements:
        return None
    before = _WORD_BEFORE.search(text, max(floor, start - 30), start)
    if before is None:
        return None
    prev = before.group(1).lower()
    possessive = prev in _POSSESSIVES or (
        prev == "s" and text[before.start(1) - 1 : before.start(1)] in ("'", "’")
    )
    cue_end = end if nxt.group(1).lower() == "that" else nxt.end()
    if not possessive:
        light = _light_verb_before(text, start, floor)
        if light is None:
            return None
        # "raised questions about", "voiced concerns that": the verb's subject holds them
        group_start, negated = verb_group_start(text, light, floor)
        return CueHit(group_start, cue_end, start, noun.lemma, noun.stance, "noun", negated)
    return CueHit(start, cue_end, start, noun.lemma, noun.stance, "noun")


_LIGHT_VERBS = word_list("light_verbs")
_NOUN_MODIFIERS = word_list("noun_modifiers")
_WORDS_BEFORE = re.compile(r"[\w’'-]+")


def _light_verb_before(text: str, start: int, floor: int) -> int | None:
    """Return where a light verb before a noun cue starts (``raised serious questions``).

    Only determiners and a few modifiers may stand between the verb and the noun.
    """
    words = list(_WORDS_BEFORE.finditer(text, max(floor, start - 50), start))
    for m in reversed(words[-4:]):
        word = m.group().lower()
        if word in _LIGHT_VERBS:
            return m.start()
        if word not in _DETERMINERS and word not in _NOUN_MODIFIERS:
            return None
    return None


def find_cues(
    text: str,
    cues: CompiledCues,
    sentences: Sequence[tuple[int, int]],
) -> tuple[CueHit, ...]:
    """Return every cue in ``text``, in text order.

    Args:
        text: the article text.
        cues: the compiled lexicon.
        sentences: sentence offsets (cue groups never reach across a sentence start).

    Returns:
        The cue hits; one per lexicon match that passed the local checks.
    """
    starts = [s for s, _ in sentences]
    hits: list[CueHit] = []
    lowered = text.lower()
    if len(lowered) == len(text):
        matches = cues.pattern.finditer(lowered)
    else:  # a few characters ("İ") lower-case to two: offsets would drift, so ignore case
        matches = cues.caseless.finditer(text)
    for m in matches:
        form = " ".join(m.group().lower().split())
        span = m.span()
        i = bisect.bisect_right(starts, m.start()) - 1
        floor = starts[i] if i >= 0 else 0
        entry = cues.lexicon.cues.get(form)
        hit = _verb_hit(text, span, entry, floor, cues.lexicon) if entry is not None else None
        noun = cues.lexicon.nouns.get(form)
        if hit is None and noun is not None:
            hit = _noun_hit(text, span, noun, floor)
        if hit is not None:
            hits.append(hit)
    hits.extend(_colon_hits(text, sentences))
    hits.extend(
        CueHit(m.start(), m.start() + 2, m.start(), "in", "neutral", "according")
        for m in _IN_POLL.finditer(text)
        if _names_a_poll(m.group())
    )
    hits.sort(key=lambda h: (h.head, h.end))
    return tuple(_merge_chains(text, hits))


# Cues that govern an infinitive cue: "refused to back", "declined to endorse".
_GOVERNORS = word_list("governors")
_BARE_INFINITIVES = word_list("bare_infinitives")
_TOPICS = word_list("topic_prepositions") | {"on"}


def _merge_chains(text: str, hits: list[CueHit]) -> list[CueHit]:
    """Join ``refused to`` + ``back`` into one cue ``refused to back`` (one attribution)."""
    out: list[CueHit] = []
    for hit in hits:
        if out:
            prev = out[-1]
            gap = text[prev.end : hit.head]
            if prev.lemma in _GOVERNORS and gap.split() == ["to"] and hit.frame != "colon":
                if hit.lemma not in _BARE_INFINITIVES or _next_word(text, hit.end) in _TOPICS:
                    out[-1] = attrs.evolve(prev, end=hit.end)
                # "declined to comment.": the governor's content is "to comment"
                continue
        out.append(hit)
    return out
