"""A small, forgiving element tree built with the standard library's ``html.parser``.

Only what reading an article needs: elements with their attributes and children, text with
character references already decoded, implied end tags for paragraphs and list items.
Nothing is fetched and no entity is ever resolved beyond HTML's own named references: a
DOCTYPE's internal subset is ignored, so ``&xxe;`` stays the literal text ``&xxe;``.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Final

__all__ = ["Element", "build_tree"]

_VOID: Final = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# Tags whose start closes an open <p> (HTML's "implied end tag" rule, simplified).
_CLOSES_P: Final = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    ]
)
_SELF_CLOSING_SIBLINGS: Final = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}}
_MAX_DEPTH: Final = 400


class Element:
    """An element: its tag, attributes and children (elements and text), in order."""

    __slots__ = ("attrs", "children", "parent", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Element | str] = []
        self.parent = parent

    def walk(self) -> list[Element]:
        """Return this element and every element below it, in document order."""
        out: list[Element] = []
        stack: list[Element] = [self]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(c for c in reversed(node.children) if isinstance(c, Element))
        return out

    def text(self) -> str:
        """Return all the text below this element, joined without separators."""
        parts: list[str] = []
        stack: list[Element | str] = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                parts.append(node)
            else:
                stack.extend(reversed(node.children))
        return "".join(parts)

    def tokens(self) -> list[str]:
        """Return the lower-case class and id tokens, for recognising page furniture."""
        return (self.attrs.get("class", "") + " " + self.attrs.get("id", "")).lower().split()


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None)
        self.current = self.root
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p" or tag in _CLOSES_P:
            self._close_open("p", stop_at=_CLOSES_P - {"p"})
        for sibling in _SELF_CLOSING_SIBLINGS.get(tag, ()):
            self._close_open(sibling, stop_at={"ul", "ol", "dl"})
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        # Deeply nested junk must not exhaust the recursion of whoever walks the tree.
        if tag not in _VOID and self.depth < _MAX_DEPTH:
            self.current = element
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is None or node.parent is None:
            return  # a stray end tag: ignore it, as browsers do
        while self.current is not node:
            self._pop()
        self._pop()

    def _pop(self) -> None:
        if self.current.parent is not None:
            self.current = self.current.parent
            self.depth -= 1

    def _close_open(self, tag: str, stop_at: frozenset[str] | set[str]) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            if node.tag in stop_at:
                return
            node = node.parent
        if node is not None:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def build_tree(markup: str) -> Element:
    """Parse ``markup`` into a tree rooted at a ``#root`` element.

    Comments, processing instructions and declarations are dropped.

    >>> root = build_tree("<p>One<p>Two &amp; three<!-- gone -->")
    >>> [child.text() for child in root.children if not isinstance(child, str)]
    ['One', 'Two & three']
    """
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.root
