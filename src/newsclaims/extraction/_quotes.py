"""Quotation marks: find them, pair them, and chain quotes that run over paragraphs.

Double quotes of every kind are read (straight ``"``, curly ``“ ”`` and the doubled
apostrophes ``''`` some wire services use); single quotes only inside a headline, where they
stand for double quotes. Pairing never crosses a paragraph boundary, so a stray mark can
never swallow more than the rest of its paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

__all__ = ["Quote", "find_quotes"]

# Double-quote marks. ``''`` is one mark, tried before the single characters.
_MARK = re.compile(r"''|``|[\"“”„«»]")
# Headline single quotes: an opening mark at a word start, a closing mark at a word end,
# at most 200 characters apart, so the match is bounded and cannot run away.
_SINGLE = re.compile(r"(?<![\w'‘’])['‘](?=\w)[^'‘’\n]{1,200}?(?<=[\w.!?,])['’](?!\w)")
_OPENERS = frozenset("“„«`")
_CLOSERS = frozenset("”»")
# A mark preceded by one of these (or by nothing) opens a quote.
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:;\u00a0")


@attrs.frozen
class Quote:
    """One quotation: from its opening mark to its closing mark, both included.

    ``closed`` is false when the paragraph ended first; ``continues`` is true when such an
    unclosed quote goes on in the next paragraph (which opens with a quote mark again).
    """

    start: int
    end: int
    closed: bool = True
    continues: bool = False


def _opens(text: str, start: int, mark: str) -> bool:
    if mark[0] in _OPENERS:
        return True
    if mark[0] in _CLOSERS:
        return False
    return start == 0 or text[start - 1] in _BEFORE_OPEN


def _paragraph_quotes(text: str, lo: int, hi: int) -> list[Quote]:
    found: list[Quote] = []
    pending = -1
    for m in _MARK.finditer(text, lo, hi):
        start, end = m.span()
        opens = _opens(text, start, m.group())
        if opens and pending >= 0 and start > 0 and text[start - 1] not in _BEFORE_OPEN:
            opens = False  # a curly opener typed where a closer belongs: "...here,“ said"
        if opens:
            # A second opener while one is pending: the first was stray; start again here.
            pending = start
        elif pending >= 0:
            found.append(Quote(pending, end))
            pending = -1
    if pending >= 0:
        found.append(Quote(pending, hi, closed=False))
    return found


def _starts_with_mark(text: str, lo: int, hi: int) -> bool:
    m = _MARK.match(text, lo, hi)
    return m is not None and _opens(text, lo, m.group())


def find_quotes(
    text: str, paragraphs: Sequence[tuple[int, int]], headline: tuple[int, int] | None = None
) -> tuple[Quote, ...]:
    """Return the quotations of ``text``, paragraph by paragraph, in text order.

    Args:
        text: the article text.
        paragraphs: ``(start, end)`` offsets of its paragraphs.
        headline: offsets of the headline, where single quotes count as quotes too.

    Returns:
        The quotes, each inside one paragraph; an unclosed quote whose next paragraph opens
        with a quote mark is marked ``continues``.

    >>> text = 'He said "no." Then "yes'
    >>> [(q.start, q.end, q.closed) for q in find_quotes(text, [(0, len(text))])]
    [(8, 13, True), (19, 23, False)]
    """
    quotes: list[Quote] = []
    for i, (lo, hi) in enumerate(paragraphs):
        here = _paragraph_quotes(text, lo, hi)
        if headline is not None and headline[0] <= lo and hi <= headline[1] and not here:
            here = [Quote(*m.span()) for m in _SINGLE.finditer(text, lo, hi)]
        if here and not here[-1].closed and i + 1 < len(paragraphs):
            nlo, nhi = paragraphs[i + 1]
            if _starts_with_mark(text, nlo, nhi):
                here[-1] = attrs.evolve(here[-1], continues=True)
        quotes.extend(here)
    return tuple(quotes)
