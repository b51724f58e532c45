"""What a page says about its article outside the text: JSON-LD, OpenGraph, ``<meta>``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any, Final

import attrs

from newsclaims.parsers._dates import parse_date
from newsclaims.parsers._htmltree import Element

__all__ = ["PageFacts", "collapse", "html_date", "strip_by"]

_HTML_SPACE: Final = re.compile(r"[ \t\n\r\f]+")
_ARTICLE_TYPES: Final = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
    }
)


@attrs.define
class PageFacts:
    """What the page says about the article outside its text; the first source found wins."""

    headline: str | None = None
    description: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    url: str | None = None
    language: str | None = None

    @classmethod
    def of(cls, root: Element) -> PageFacts:
        facts = cls()
        elements = root.walk()
        for ld in _json_ld_articles(elements):
            facts.take_json_ld(ld)
        metas = _meta_tags(elements)
        facts.take_meta(metas)
        for element in elements:
            if element.tag == "html" and element.attrs.get("lang"):
                facts.language = facts.language or element.attrs["lang"].strip() or None
            elif element.tag == "link" and "canonical" in element.attrs.get("rel", "").split():
                facts.url = facts.url or element.attrs.get("href") or None
            elif element.tag == "title" and not facts.headline:
                facts.headline = collapse(element.text()) or None
            elif element.tag == "time" and facts.published is None:
                facts.published = html_date(element.attrs.get("datetime"))
        return facts

    def take_json_ld(self, ld: dict[str, Any]) -> None:
        self.headline = self.headline or _str(ld.get("headline")) or _str(ld.get("name"))
        self.description = self.description or _str(ld.get("description"))
        self.published = self.published or html_date(ld.get("datePublished"))
        self.authors = self.authors or _names(ld.get("author"))
        publisher = ld.get("publisher")
        if isinstance(publisher, dict):
            publisher = publisher.get("name")
        self.publisher = self.publisher or _str(publisher)
        page = ld.get("mainEntityOfPage")
        if isinstance(page, dict):
            page = page.get("@id")
        self.url = self.url or _str(ld.get("url")) or _str(page)
        self.language = self.language or _str(ld.get("inLanguage"))

    def take_meta(self, metas: dict[str, str]) -> None:
        def first(*keys: str) -> str | None:
            return next((metas[k] for k in keys if metas.get(k)), None)

        self.headline = self.headline or first("og:title", "twitter:title", "dc.title")
        self.description = self.description or first(
            "og:description", "description", "twitter:description"
        )
        self.publisher = self.publisher or first("og:site_name", "publisher", "dc.publisher")
        self.url = self.url or first("og:url")
        self.language = self.language or first("language", "dc.language", "content-language")
        if not self.published:
            self.published = html_date(
                first("article:published_time", "datepublished", "date", "pubdate", "dc.date")
            )
        if not self.authors:
            author = first("author", "article:author", "dc.creator", "byl")
            if author and not author.startswith(("http://", "https://")):
                self.authors = (strip_by(author),)


def _meta_tags(elements: list[Element]) -> dict[str, str]:
    metas: dict[str, str] = {}
    for element in elements:
        if element.tag != "meta":
            continue
        key = element.attrs.get("property") or element.attrs.get("name")
        key = key or element.attrs.get("itemprop") or element.attrs.get("http-equiv")
        content = element.attrs.get("content")
        if key and content and key.lower() not in metas:
            metas[key.lower()] = collapse(content)
    return metas


def _json_ld_articles(elements: list[Element]) -> Iterator[dict[str, Any]]:
    for element in elements:
        if element.tag != "script" or "ld+json" not in element.attrs.get("type", "").lower():
            continue
        try:
            document = json.loads(element.text())
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common on real pages; the page is still readable
        yield from _articles_in(document, depth=0)


def _articles_in(node: object, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 8:
        return
    if isinstance(node, list):
        for item in node:
            yield from _articles_in(item, depth + 1)
    elif isinstance(node, dict):
        kinds = node.get("@type")
        kinds = {kinds} if isinstance(kinds, str) else set(kinds or ())
        if kinds & _ARTICLE_TYPES:
            yield node
        graph = node.get("@graph")
        if graph is not None:
            yield from _articles_in(graph, depth + 1)


def _str(value: object) -> str | None:
    return collapse(value) or None if isinstance(value, str) else None


def _names(value: object) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and collapse(name):
            names.append(strip_by(collapse(name)))
    return tuple(names)


def strip_by(name: str) -> str:
    return re.sub(r"^(?i:by)\s+", "", name.strip())


def html_date(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None  # a page's odd date is no reason to refuse the article


def collapse(text: str) -> str:
    """Collapse runs of HTML whitespace to one space and strip the ends.

    >>> collapse("  Talks    resume ")
    'Talks resume'
    """
    return _HTML_SPACE.sub(" ", text).strip()
