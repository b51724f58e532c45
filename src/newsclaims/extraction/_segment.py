"""Segmentation: paragraphs, sentences and word tokens, all as character offsets.

Rules only, linear in the text: a paragraph is a non-blank line; a sentence ends at ``.``,
``!`` or ``?`` (with any closing quotes) before a capital, a digit or an opening quote,
unless the word before the stop is a known abbreviation or the stop sits inside a
quotation (so that ``"We won. They lost," she said.`` stays one sentence).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from newsclaims.extraction._lexicon import word_list
from newsclaims.extraction._quotes import Quote, find_quotes

__all__ = ["TOKEN", "Segmentation", "segment"]

#: Word tokens (with inner apostrophes, hyphens, dots and ampersands) and single marks.
TOKEN = re.compile(r"\w+(?:['’\-&.]\w+)*|[^\w\s]")
_LINE = re.compile(r"[^\n]+")
# A candidate end of sentence: stops, then closing quotes or brackets, then a space, then
# the start of the next sentence. Every piece is a simple class: no nested repetition.
_STOP = re.compile(r"[.!?]+(?:''|[\"”’')\]])*\s+(?=(?:''|[\"“‘'(\[])?[A-Z0-9])")
_ABBREVIATIONS = word_list("abbreviations")
# After a dotted abbreviation ("U.S.") only these words start a new sentence.
_STARTERS = word_list("starters")


@attrs.frozen
class Segmentation:
    """The segmentation layer: paragraphs and sentences as ``(start, end)`` offsets.

    Sentences never cross a paragraph. Tokens (word tokens and single punctuation marks)
    are computed on demand from :attr:`text`, since the rules only need them locally.
    """

    text: str = attrs.field(repr=False)
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]

    @property
    def tokens(self) -> tuple[tuple[int, int], ...]:
        """Return the ``(start, end)`` offsets of every token of the text."""
        return tuple(m.span() for m in TOKEN.finditer(self.text))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _LINE.finditer(text):
        lo = m.start()
        chunk = m.group()
        stripped = chunk.strip()
        if stripped:
            left = len(chunk) - len(chunk.lstrip())
            spans.append((lo + left, lo + left + len(stripped)))
    return spans


def _is_abbreviation(text: str, stop: int) -> bool:
    """Say whether the period at ``stop`` ends an abbreviation rather than a sentence."""
    lo = stop
    while lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] == "."):
        lo -= 1
    word = text[lo:stop]
    if not word:
        return False
    if "." in word:  # U.S, D.C, a.m: a dotted abbreviation; a known starter still splits
        nxt = text[stop:].lstrip(".\"”’' ")[:12].split(" ", 1)[0]
        return nxt not in _STARTERS
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _inside(quotes: Sequence[Quote], starts: Sequence[int], offset: int) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and quotes[i].start < offset < quotes[i].end - 1


def _sentences(
    text: str, paragraphs: Sequence[tuple[int, int]], quotes: Sequence[Quote]
) -> list[tuple[int, int]]:
    starts = [q.start for q in quotes]
    out = []
    for lo, hi in paragraphs:
        begin = lo
        for m in _STOP.finditer(text, lo, hi):
            stop = m.start()
            if text[stop] == "." and _is_abbreviation(text, stop):
                continue
            # The boundary is after any closing marks: a stop just inside a quote that closes
            # there (``...Clinton.'' A spokesman``) still ends the sentence.
            if _inside(quotes, starts, m.end() - len(m.group()) + len(m.group().rstrip())):
                continue
            end = m.end()
            while end > begin and text[end - 1].isspace():
                end -= 1
            out.append((begin, end))
            begin = m.end()
        if begin < hi:
            out.append((begin, hi))
    return out


def segment(text: str, headline: tuple[int, int] | None = None) -> Segmentation:
    """Split ``text`` into paragraphs, sentences and tokens.

    Args:
        text: the article text.
        headline: offsets of the headline, if known (single quotes count as quotes there).

    Returns:
        The :class:`Segmentation`, every span inside ``text``.

    >>> text = 'Mr. Smith spoke. "We won. They lost," she said. Next one'
    >>> [text[a:b] for a, b in segment(text).sentences]
    ['Mr. Smith spoke.', '"We won. They lost," she said.', 'Next one']
    """
    paragraphs = _paragraphs(text)
    quotes = find_quotes(text, paragraphs, headline)
    sentences = _sentences(text, paragraphs, quotes)
    return Segmentation(text, tuple(paragraphs), tuple(sentences))
