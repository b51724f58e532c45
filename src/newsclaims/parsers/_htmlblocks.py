"""The article in a page's element tree: furniture pruned, blocks in reading order, spans."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import attrs

from newsclaims.model import Caption, Span, Structure
from newsclaims.parsers._htmlmeta import PageFacts, collapse, strip_by
from newsclaims.parsers._htmltree import Element
from newsclaims.parsers._text import BOILERPLATE, CAPTION, credit_of

__all__ = ["Block", "article_blocks", "assemble"]

_DROP_TAGS: Final = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "footer",
        "aside",
        "form",
        "button",
        "iframe",
        "svg",
        "canvas",
        "select",
        "input",
        "textarea",
        "object",
        "embed",
        "video",
        "audio",
        "map",
        "dialog",
        "menu",
        "head",
        "title",
        "link",
        "meta",
    ]
)
_DROP_ROLES: Final = frozenset(
    [
        "navigation",
        "banner",
        "contentinfo",
        "complementary",
        "dialog",
        "alertdialog",
        "search",
        "menu",
        "menubar",
    ]
)
# Class and id words of page furniture, matched as whole words within "-" / "_" tokens.
_JUNK: Final = re.compile(
    r"(?:^|[-_])(?:cookies?|consent|gdpr|share|sharing|social|related|recirc|newsletter|promo"
    r"|ads?|advert|advertisement|sponsored|comments?|subscribe|subscription|paywall|popup"
    r"|modal|breadcrumbs?|menu|sidebar|footer|nav|navigation|recommended|outbrain|taboola"
    r"|signup|toolbar|tags|more-stories|most-read|trending)(?:$|[-_])"
)
_DATELINE_PARENTS: Final = frozenset({"header", "div", "section", "article", "main", "body"})
_KEEP_TAGS: Final = frozenset({"html", "body", "main", "article", "#root"})
_BYLINE_MAX: Final = 120
_BYLINE: Final = re.compile(r"(?:^|[-_])(?:byline|author|authors|contributors?)(?:$|[-_])")
_STANDFIRST: Final = re.compile(
    r"(?:^|[-_])(?:standfirst|dek|subtitle|sub-?headline|subhead|strapline|summary|excerpt"
    r"|description|intro|lede|article-lead)(?:$|[-_])"
)
_CREDIT: Final = re.compile(r"(?:^|[-_])(?:credit|credits|copyright|source|photographer)(?:$|[-_])")
# Marks a line break (``<br>``) among a block's text pieces.
_BREAK: Final = None
_BLOCKS: Final = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "figcaption",
        "div",
        "section",
        "article",
        "header",
        "main",
        "ul",
        "ol",
        "dl",
        "table",
        "tr",
        "figure",
        "address",
        "details",
        "summary",
        "hr",
        "body",
    ]
)


@attrs.frozen
class Block:
    """A piece of the article's text and the part of the structure it is."""

    text: str
    #: One of headline, standfirst, caption, paragraph.
    role: str
    credit: str | None = None


def article_blocks(root: Element, facts: PageFacts) -> list[Block]:
    """Return the article's blocks in reading order, headline first; prunes ``root``.

    Byline names found in the article fill ``facts.authors`` when the metadata gave none.
    """
    _prune(root)
    container = _container(root)
    byline = _take_bylines(container)
    if not facts.authors and byline:
        facts.authors = byline
    blocks = list(_blocks(container))
    if not any(block.role == "headline" for block in blocks):
        # The headline often sits above the article element, in the page header.
        h1 = next((e for e in root.walk() if e.tag == "h1" and collapse(e.text())), None)
        headline = collapse(h1.text()) if h1 is not None else facts.headline
        if headline:
            blocks.insert(0, Block(headline, "headline"))
    _mark_standfirst(blocks, facts.description)
    return blocks


def _prune(root: Element) -> None:
    """Remove page furniture from the tree, in place."""
    stack = [root]
    while stack:
        node = stack.pop()
        kept: list[Element | str] = []
        for child in node.children:
            if isinstance(child, str) or not _is_furniture(child):
                kept.append(child)
                if isinstance(child, Element):
                    stack.append(child)
        node.children = kept


def _is_furniture(element: Element) -> bool:
    tag = element.tag
    if tag in _KEEP_TAGS or element.attrs.get("itemprop") == "articleBody":
        return False
    if tag in _DROP_TAGS:
        return True
    if tag == "time" and element.parent is not None and element.parent.tag in _DATELINE_PARENTS:
        return True  # a dateline standing alone; a <time> inside a sentence is text
    if tag == "header":
        # A site header holds the logo and the menu; an article's header holds its h1.
        return not any(e.tag == "h1" for e in element.walk())
    return _is_hidden_or_furnished(element)


def _is_hidden_or_furnished(element: Element) -> bool:
    attrs_ = element.attrs
    if "hidden" in attrs_ or attrs_.get("aria-hidden", "").lower() == "true":
        return True
    if attrs_.get("role", "").lower() in _DROP_ROLES:
        return True
    return any(_JUNK.search(token) for token in element.tokens())


def _container(root: Element) -> Element:
    """Return the element holding the article: <article>, articleBody, <main>, or best guess.

    ``<article>`` comes first because it holds the headline, standfirst and figures that
    sites put beside the ``articleBody``; among several (teaser cards), the wordiest.
    """
    elements = root.walk()
    articles = [e for e in elements if e.tag == "article"]
    if articles:
        return max(articles, key=_paragraph_text)
    for element in elements:
        if element.attrs.get("itemprop") == "articleBody":
            return element
    for element in elements:
        if element.tag == "main" or element.attrs.get("role") == "main":
            return element
    scores: dict[int, tuple[int, Element]] = {}
    for element in elements:
        if element.tag == "p" and element.parent is not None:
            parent = element.parent
            count, _ = scores.get(id(parent), (0, parent))
            scores[id(parent)] = (count + len(element.text()), parent)
    if scores:
        return max(scores.values(), key=lambda item: item[0])[1]
    return next((e for e in elements if e.tag == "body"), root)


def _paragraph_text(element: Element) -> int:
    return sum(len(e.text()) for e in element.walk() if e.tag == "p")


def _take_bylines(container: Element) -> tuple[str, ...]:
    """Remove byline elements from the article; return the names they give."""
    names: list[str] = []
    for element in container.walk():
        if (
            element.attrs.get("rel") == "author"
            or element.attrs.get("itemprop") == "author"
            or (
                element.tag not in {"article", "main"}
                and any(_BYLINE.search(t) for t in element.tokens())
            )
        ):
            found = collapse(element.text())
        else:
            continue
        # An author box ("About the author: ...") is furniture, but not a list of names.
        if found and len(found) <= _BYLINE_MAX:
            names.extend(n for n in re.split(r"\s*(?:,|\band\b|&)\s*", strip_by(found)) if n)
        if element.parent is not None and element in element.parent.children:
            element.parent.children.remove(element)
    return tuple(dict.fromkeys(names))


def _blocks(container: Element) -> Iterator[Block]:
    """Yield the article's blocks in reading order."""
    pending: list[str | None] = []
    seen_headline = False

    def flush(role: str = "paragraph") -> Iterator[Block]:
        text = _collapse_block(pending)
        pending.clear()
        if text:
            yield Block(text, role)

    stack: list[tuple[Element | str, bool]] = [(container, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, str):
            pending.append(node)
            continue
        tag = node.tag
        if leaving:
            yield from flush()
            continue
        if tag == "br":
            pending.append(_BREAK)
            continue
        if tag == "pre":
            yield from flush()
            if node.text().strip():
                yield Block(node.text().strip("\n"), "paragraph")
            continue
        if tag == "h1" and not seen_headline:
            yield from flush()
            seen_headline = True
            yield from _one(node, "headline")
            continue
        if tag == "figcaption":
            yield from flush()
            yield from _caption(node)
            continue
        if tag != container.tag and _is_standfirst(node):
            yield from flush()
            yield from _one(node, "standfirst")
            continue
        if tag in _BLOCKS:
            yield from flush()
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.children))
    yield from flush()


def _is_standfirst(element: Element) -> bool:
    return element.tag in {"p", "h2", "div", "span"} and any(
        _STANDFIRST.search(t) for t in element.tokens()
    )


def _one(element: Element, role: str) -> Iterator[Block]:
    text = _collapse_block(_text_with_breaks(element))
    if text:
        yield Block(text, role)


def _caption(element: Element) -> Iterator[Block]:
    text = _collapse_block(_text_with_breaks(element))
    if not text:
        return
    credit = next(
        (
            collapse(e.text())
            for e in element.walk()
            if e is not element
            and (e.tag in {"small", "cite"} or any(_CREDIT.search(t) for t in e.tokens()))
        ),
        None,
    )
    yield Block(text, "caption", credit or None)


def _text_with_breaks(element: Element) -> list[str | None]:
    parts: list[str | None] = []
    stack: list[Element | str] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
        elif node.tag == "br":
            parts.append(_BREAK)
        else:
            if node is not element and node.tag in _BLOCKS:
                parts.append(_BREAK)
            stack.extend(reversed(node.children))
    return parts


def _mark_standfirst(blocks: list[Block], description: str | None) -> None:
    """Take the first paragraph as the standfirst when it is the page's description."""
    if any(block.role == "standfirst" for block in blocks) or not description:
        return
    for index, block in enumerate(blocks):
        if block.role == "paragraph":
            if collapse(block.text) == collapse(description):
                blocks[index] = Block(block.text, "standfirst")
            return


def _collapse_block(parts: list[str | None]) -> str:
    """Join a block's text, HTML whitespace collapsed, with a line break at each ``_BREAK``.

    A newline in the markup is whitespace like any other; only ``<br>`` (and a block nested
    in a heading or caption) breaks the line.
    """
    lines: list[str] = []
    current: list[str] = []
    for part in [*parts, _BREAK]:
        if part is None:
            line = collapse("".join(current))
            if line:
                lines.append(line)
            current.clear()
        else:
            current.append(part)
    return "\n".join(lines)


def assemble(blocks: list[Block]) -> tuple[str, Structure]:
    """Join the blocks into the report's text and find each part's span in it."""
    pieces: list[str] = []
    headline: Span | None = None
    standfirst: Span | None = None
    captions: list[Caption] = []
    paragraphs: list[Span] = []
    boilerplate: list[Span] = []
    offset = 0
    for block in blocks:
        if pieces:
            pieces.append("\n\n")
            offset += 2
        span = Span(offset, offset + len(block.text))
        pieces.append(block.text)
        offset = span.end
        if block.role == "headline" and headline is None:
            headline = span
        elif block.role == "standfirst" and standfirst is None:
            standfirst = span
        elif block.role == "caption" or (len(block.text) <= 600 and CAPTION.search(block.text)):
            captions.append(Caption(span, _credit_span(block, span)))
        elif len(block.text) <= 100 and BOILERPLATE.fullmatch(block.text):
            boilerplate.append(span)
        else:
            paragraphs.append(span)
    structure = Structure(headline, standfirst, captions, paragraphs, boilerplate)
    return "".join(pieces), structure


def _credit_span(block: Block, span: Span) -> Span | None:
    if block.credit:
        where = block.text.rfind(block.credit)
        if where != -1:
            return Span(span.start + where, span.start + where + len(block.credit))
    return credit_of(block.text, span.start)
