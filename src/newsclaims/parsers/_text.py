"""Plain text as news arrives in text dumps: headline, standfirst, captions, boilerplate, body.

The text is kept exactly as given (line endings included); the structure is found on it:

- the first non-empty line is the headline;
- the unit right after it is the standfirst when it reads like a dek: the rest of the
  headline's own paragraph, the paragraph after an ``ABSTRACT.`` marker, a short paragraph
  without a final full stop, or one short sentence, but never a paragraph with a lead's
  marks (a dateline, "said", "according to") or one ending in a colon;
- paragraphs with a photo credit (``PHOTO:``, ``/Reuters``, ``Getty Images``, ``handout
  image``, ``(AP Photo/...)``, ``File photo``) are captions, with the credit's span;
- short navigation and promotion lines (``RELATED``, ``Load Next Story``, ``Advertisement``,
  ``Read more``, ``Sign up for ...``) and bylines are boilerplate;
- everything else is a body paragraph.

Paragraphs are separated by blank lines; text with no blank line at all has one paragraph
per line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import attrs

from newsclaims.model import Caption, Metadata, Report, Span, Structure
from newsclaims.parsers._decode import decode, keep_bom
from newsclaims.parsers._protocol import Data, Sample

__all__ = ["BOILERPLATE", "CAPTION", "TextParser", "credit_of", "find_structure", "parse_text"]

_BLANK_LINE: Final = re.compile(r"\n[ \t\f\v\r]*\n")
_LINE: Final = re.compile(r"[^\n]+")
_TRAILING_SPACE: Final = " \t\f\v\r\u00a0"

BOILERPLATE: Final = re.compile(
    r"""(?ix)
    (?: related (?:\ (?:articles?|stories|content|coverage|links|reading|news))? :?
      | (?:related|also\ read|see\ also|more|read\ also|watch|listen) \s* : .*
      | load\ (?:the\ )?next\ (?:story|article)
      | advertisement | advertising | sponsored(?:\ content)?
      | (?:read|see|watch)\ (?:more|also|next) \b .*
      | share (?:\ (?:this|on|via|the)\b .*)?
      | sign\ up\ (?:for|to|now)\b .*
      | .*\bclick\ here\b .*
      | subscribe\b .*
      | follow\ us\b .*
      | continue\ reading\b .*
      | most\ (?:read|popular|viewed|shared) | recommended(?:\ for\ you)?
      | you\ may\ also\ like | trending(?:\ now)? | top\ stories
      | story\ continues\ below .* | skip\ (?:to|advertisement)\b .*
      | abstract\.? | full\ text\.? | correction\ appended\.?
      | (?:©|\(c\)\ |copyright\b|all\ rights\ reserved) .*
      | back\ to\ top | print | email | comments?(?:\ \(\d+\))? | (?:view|leave\ a)\ comments?
    )
    """
)
_BOILERPLATE_MAX: Final = 100
# The NYT dumps in PolNeAR mark their summary with this line: what follows is the standfirst.
_ABSTRACT: Final = re.compile(r"(?i)abstract\.?")

CAPTION: Final = re.compile(
    r"""(?x)
      \b(?i:photo(?:graph)?|picture|image)\s*: | \bPHOTO\b
    | \(\s*AP\ Photo\b | \bAP\ Photo\s*/
    | /\s*Reuters\b | \bREUTERS\s*/
    | \bGetty\ Images\b | \bvia\ Getty\b
    | \b(?i:handout)\ (?i:image|photo|picture|photograph)\b
    | \b(?i:file)\ (?i:photo|picture|image)\b
    | \(\s*(?i:photo(?:graph)?)\ (?i:by|credit)\b | \bPhoto\ credit\b
    | /\s*AFP\b | \bAFP\s*/ | \bEPA(?:-EFE)?\s*/
    """
)
_CAPTION_MAX: Final = 600
_CREDIT_ALONE_MAX: Final = 80
_CREDIT_PARENS: Final = re.compile(
    r"\(\s*((?:AP Photo|Photo(?:graph)? (?:by|credit)|Photo:|Credit:|Image:)[^()]*?)\s*\)"
)
_CREDIT_LABEL: Final = re.compile(r"(?i)\b(?:photo(?:graph)?|picture|image|credit)\s*:")
# A sentence ends at a stop before a capital: "U.S. support" does not end one.
_SENTENCE_END: Final = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"“‘'(]?[A-Z0-9])")
_CREDIT_ALONE: Final = re.compile(
    r"Getty Images|/\s*Reuters|REUTERS\s*/|\bAFP\b|AP Photo|\bEPA\b|(?i:photo(?:graph)?:)"
)

_BYLINE: Final = re.compile(
    r"(?i:by)\s+(?P<names>[A-Z][\w.'’-]*(?:[ ,]+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,11})\s*"
)
_BYLINE_SPLIT: Final = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
_BYLINE_REACH: Final = 5

_FINAL_STOP: Final = re.compile(r"[.!?…][\"'”’)\]]*$")
_LEAD_MARKS: Final = re.compile(
    r"^[A-Z][A-Z .,'()-]+[—–-]|\((?:AP|UPI|Reuters|AFP)\)|\bsaid\b|\baccording to\b"
)
_STANDFIRST_MAX: Final = 320
_ABSTRACT_MAX: Final = 800
_DEK_SENTENCE_MAX: Final = 90
_DEK_MIN_WORDS: Final = 3


@attrs.frozen
class _Unit:
    """A paragraph (or a line) of the text, as a stripped span, and where it came from."""

    span: Span
    #: The unit is the rest of the headline's own paragraph.
    with_headline: bool = False


def find_structure(text: str) -> tuple[Structure, tuple[str, ...]]:
    r"""Find the headline, standfirst, captions, body and boilerplate of plain ``text``.

    Returns:
        The structure, and the author names a byline line gives.

    >>> text = "Talks resume\n\nBoth sides cautious\n\nRELATED\n\nThe talks resumed."
    >>> structure, authors = find_structure(text)
    >>> [text[s.start : s.end] for s in (structure.headline, structure.standfirst)]
    ['Talks resume', 'Both sides cautious']
    >>> len(structure.paragraphs), len(structure.boilerplate)
    (1, 1)
    """
    units = list(_units(text))
    if not units:
        return Structure(), ()
    headline = units[0].span
    reader = _Reader(text)
    for index, unit in enumerate(units[1:], 1):
        reader.add(unit, index)
    return reader.structure(headline), reader.authors


class _Reader:
    """Classifies the units after the headline, one at a time, in order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.standfirst: Span | None = None
        self.captions: list[Caption] = []
        self.paragraphs: list[Span] = []
        self.boilerplate: list[Span] = []
        self.authors: tuple[str, ...] = ()
        # Only the first content unit after the headline may be the standfirst; captions
        # and boilerplate between them do not close that window.
        self.window_open = True
        self.after_abstract = False

    def add(self, unit: _Unit, index: int) -> None:
        span = unit.span
        words = span.text_of(self.text)
        if len(words) <= _BOILERPLATE_MAX and BOILERPLATE.fullmatch(words):
            self.boilerplate.append(span)
            self.after_abstract = self.after_abstract or bool(_ABSTRACT.fullmatch(words))
            return
        if len(words) <= _CAPTION_MAX and CAPTION.search(words):
            self.captions.append(Caption(span, credit_of(words, span.start)))
            return
        if index <= _BYLINE_REACH and not self.authors:
            byline = _BYLINE.fullmatch(words)
            if byline:
                self.boilerplate.append(span)
                self.authors = tuple(_BYLINE_SPLIT.split(byline["names"].strip(" ,")))
                return
        if self.window_open and self._is_dek(words, unit.with_headline):
            self.standfirst = span
        else:
            self.paragraphs.append(span)
        self.window_open = False

    def _is_dek(self, words: str, with_headline: bool) -> bool:  # noqa: FBT001 -- private
        if self.after_abstract:
            return len(words) <= _ABSTRACT_MAX
        if with_headline:
            return len(words) <= _STANDFIRST_MAX
        if len(words) > _STANDFIRST_MAX or len(words.split()) < _DEK_MIN_WORDS:
            return False
        # A dateline or a news report's attribution marks a lead paragraph, and a closing
        # colon a paragraph that introduces the next ("The Latest (all times EDT):").
        if _LEAD_MARKS.search(words) or words.endswith(":"):
            return False
        if not _FINAL_STOP.search(words):
            return True
        return len(words) <= _DEK_SENTENCE_MAX and not _SENTENCE_END.search(words)

    def structure(self, headline: Span) -> Structure:
        return Structure(
            headline=headline,
            standfirst=self.standfirst,
            captions=self.captions,
            paragraphs=self.paragraphs,
            boilerplate=self.boilerplate,
        )


def _units(text: str) -> Iterator[_Unit]:
    """Yield the paragraphs of ``text`` (lines, if it has no blank line), headline first."""
    if not _BLANK_LINE.search(text):
        for match in _LINE.finditer(text):
            span = _strip(text, match.start(), match.end())
            if span is not None:
                yield _Unit(span)
        return
    first = True
    start = 0
    for separator in [*_BLANK_LINE.finditer(text), None]:
        end = len(text) if separator is None else separator.start()
        block = _strip(text, start, end)
        start = end if separator is None else separator.end() - 1
        if block is None:
            continue
        if first:
            # The headline is the first line only; the rest of its paragraph is a dek.
            first = False
            line_end = text.find("\n", block.start, block.end)
            if line_end != -1:
                head = _strip(text, block.start, line_end)
                rest = _strip(text, line_end, block.end)
                if head is not None:
                    yield _Unit(head)
                if rest is not None:
                    yield _Unit(rest, with_headline=head is not None)
                continue
        yield _Unit(block)


def _strip(text: str, start: int, end: int) -> Span | None:
    """Return the span of ``text[start:end]`` without surrounding whitespace, or None.

    A byte-order mark (U+FEFF) before the first line counts as white space here.
    """
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip().lstrip("\ufeff").lstrip())
    stripped = piece[lead:].rstrip()
    if not stripped:
        return None
    return Span(start + lead, start + lead + len(stripped))


def credit_of(caption: str, offset: int) -> Span | None:
    """Return the span of the photo credit inside a caption, if one can be told apart."""
    parens = _CREDIT_PARENS.search(caption)
    if parens:
        return Span(offset + parens.start(1), offset + parens.end(1))
    # "... obtained on January 19, 2024. Iranian Army/WANA/PHOTO:REUTER": the last sentence.
    ends = list(_SENTENCE_END.finditer(caption))
    if ends:
        tail = ends[-1].end()
        if CAPTION.search(caption, tail):
            return Span(offset + tail, offset + len(caption))
    label = _CREDIT_LABEL.search(caption)
    if label and label.start() > 0:
        return Span(offset + label.start(), offset + len(caption))
    if not ends and len(caption) <= _CREDIT_ALONE_MAX and _CREDIT_ALONE.search(caption):
        # "Scott Olson via Getty Images.": a credit line standing alone is all credit.
        return Span(offset, offset + len(caption))
    return None


def parse_text(data: Data, *, origin: str = "<string>") -> Report:
    r"""Read plain text into a report; the text is kept exactly as given.

    Raises:
        FormatError: ``data`` is binary or not decodable.

    >>> report = parse_text("Talks resume\n\nThe talks resumed on Monday, officials said.")
    >>> report.text_of(report.structure.headline), len(report.structure.paragraphs)
    ('Talks resume', 1)
    """
    # A byte-order mark stays in the text, as U+FEFF: offsets then count the characters of the
    # file as annotation tools and scorers read it (brat output pairs with the original .txt).
    decoded = keep_bom(decode(data, origin=origin))
    structure, authors = find_structure(decoded.text)
    metadata: Metadata = attrs.evolve(decoded.metadata(origin), authors=authors)
    return Report(decoded.text, structure=structure, metadata=metadata)


@attrs.frozen
class TextParser:
    """The plain-text parser: the fallback for any text no other parser claims."""

    name: str = "text"
    description: str = "plain text: headline, standfirst, captions, body, boilerplate"

    def sniff(self, sample: Sample) -> float:
        """Score 0.1 for any input, 0.3 for a ``.txt`` file: text is the fallback."""
        return 0.3 if sample.suffix == ".txt" else 0.1

    def parse(self, data: Data, *, origin: str) -> Report:
        """Read ``data`` with :func:`parse_text`."""
        return parse_text(data, origin=origin)
