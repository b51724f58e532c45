"""HTML pages saved from news sites: the article in reading order, with its metadata.

The text is built block by block: the headline, the standfirst, then the article's
paragraphs, subheads, list items and figure captions, each block's whitespace collapsed
(``<br>`` kept as a line break) and blocks separated by a blank line. Scripts, styles,
navigation, headers and footers, comments, share widgets, cookie banners, newsletter
promotions and related-article lists never reach the text. Metadata comes from schema.org
JSON-LD (``NewsArticle``), then OpenGraph and ``<meta>`` tags, then the page itself
(``<time>``, byline elements).

Nothing is fetched: no images, no external entities, no stylesheets.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from newsclaims.errors import FormatError
from newsclaims.model import Report
from newsclaims.parsers._decode import decode
from newsclaims.parsers._htmlblocks import article_blocks, assemble
from newsclaims.parsers._htmlmeta import PageFacts
from newsclaims.parsers._htmltree import build_tree
from newsclaims.parsers._protocol import Data, Sample

__all__ = ["HtmlParser", "parse_html"]

_DECLARED: Final = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)|<\?xml[^>]+encoding=["']([A-Za-z0-9_.-]+)""",
    re.IGNORECASE,
)
_SNIFF_START: Final = re.compile(r"\s*(?:<!doctype\s+html|<html\b|<\?xml[^>]*>\s*<html)", re.I)
_SNIFF_TAGS: Final = re.compile(r"<(?:html|head|body|p|div|article|h1|meta|title)\b", re.I)


def parse_html(data: Data, *, origin: str = "<html>") -> Report:
    r"""Read an HTML page into a report of its article.

    Raises:
        FormatError: the bytes are binary or undecodable.

    >>> page = '''<html lang="en"><head><meta property="og:site_name" content="Daily">
    ... </head><body><nav>Home | World</nav><article><h1>Talks resume</h1>
    ... <p class="dek">Both sides cautious</p><p>The talks resumed, officials said.</p>
    ... </article></body></html>'''
    >>> report = parse_html(page)
    >>> report.text
    'Talks resume\n\nBoth sides cautious\n\nThe talks resumed, officials said.'
    >>> report.metadata.publisher, report.metadata.language
    ('Daily', 'en')
    """
    declared = None
    if isinstance(data, bytes):
        match = _DECLARED.search(data[:2048])
        if match:
            declared = (match[1] or match[2]).decode("ascii")
    decoded = decode(data, origin=origin, declared=declared)
    try:
        root = build_tree(decoded.text)
    except (AssertionError, ValueError, RecursionError) as exc:
        raise FormatError(origin, f"HTML we cannot read: {exc}") from exc
    facts = PageFacts.of(root)
    blocks = article_blocks(root, facts)
    text, structure = assemble(blocks)
    metadata = attrs.evolve(
        decoded.metadata(origin),
        publisher=facts.publisher,
        authors=facts.authors,
        published=facts.published,
        url=facts.url,
        language=facts.language,
    )
    return Report(text, structure=structure, metadata=metadata)


@attrs.frozen
class HtmlParser:
    """The built-in HTML parser (standard library ``html.parser``; nothing is fetched)."""

    name: str = "html"
    description: str = "an HTML page saved from a news site (standard library; nothing is fetched)"

    def sniff(self, sample: Sample) -> float:
        """Score 0.95 for a page that opens as HTML, 0.9 for ``.html``, 0.6 for tag soup."""
        if _SNIFF_START.match(sample.head):
            return 0.95
        if sample.suffix in {".html", ".htm", ".xhtml", ".shtml"}:
            return 0.9
        if sample.head.lstrip().startswith("<") and _SNIFF_TAGS.search(sample.head):
            return 0.6
        return 0.0

    def parse(self, data: Data, *, origin: str) -> Report:
        """Read ``data`` with :func:`parse_html`."""
        return parse_html(data, origin=origin)
