"""HTML through trafilatura (extra ``newsclaims[html]``), for pages the built-in parser misreads.

trafilatura weighs text density rather than markup, which copes better with sites whose
markup names nothing (no ``<article>``, no ``articleBody``). It needs lxml, a C extension,
which is why it is an extra and not the default. Its text, one paragraph per line, is
rebuilt here as blocks separated by a blank line, with the title as headline.
"""

from __future__ import annotations

import importlib
from typing import Any

import attrs

from newsclaims.errors import FormatError
from newsclaims.model import Report
from newsclaims.parsers._decode import decode
from newsclaims.parsers._html import HtmlParser
from newsclaims.parsers._htmlblocks import Block, assemble
from newsclaims.parsers._htmlmeta import html_date
from newsclaims.parsers._protocol import Data, Sample

__all__ = ["TrafilaturaParser", "parse_with_trafilatura"]


def parse_with_trafilatura(data: Data, *, origin: str = "<html>") -> Report:
    """Read an HTML page into a report with trafilatura's main-text extraction.

    Raises:
        FormatError: the input is binary, or trafilatura finds no article in it.
    """
    # Imported by name, on first use: it is optional, slow to import, and untyped either way.
    trafilatura: Any = importlib.import_module("trafilatura")
    decoded = decode(data, origin=origin)
    try:
        found = trafilatura.bare_extraction(
            decoded.text,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception as exc:  # trafilatura and lxml raise many kinds on odd pages
        raise FormatError(origin, f"trafilatura cannot read it: {type(exc).__name__}") from exc
    # trafilatura 2 returns a Document (with .as_dict()); 1.x returned a dict.
    if found is not None and not isinstance(found, dict):
        found = found.as_dict()
    if not isinstance(found, dict):
        raise FormatError(origin, "trafilatura finds no article text in it")
    blocks = _blocks(found)
    text, structure = assemble(blocks)
    metadata = attrs.evolve(
        decoded.metadata(origin),
        publisher=_str(found.get("sitename")),
        authors=tuple(a.strip() for a in (_str(found.get("author")) or "").split(";") if a.strip()),
        published=html_date(found.get("date")),
        url=_str(found.get("url")),
        language=_str(found.get("language")),
    )
    return Report(text, structure=structure, metadata=metadata)


def _blocks(found: dict[str, Any]) -> list[Block]:
    lines = [" ".join(line.split()) for line in str(found.get("text") or "").splitlines()]
    lines = [line for line in lines if line]
    title = " ".join(str(found.get("title") or "").split())
    blocks = [Block(title, "headline")] if title else []
    if lines and title and lines[0] == title:
        lines = lines[1:]
    description = " ".join(str(found.get("description") or "").split())
    for index, line in enumerate(lines):
        role = "standfirst" if index == 0 and line == description else "paragraph"
        blocks.append(Block(line, role))
    return blocks


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


@attrs.frozen
class TrafilaturaParser:
    """HTML through trafilatura; chosen by name (``parser="trafilatura"``), never by sniffing."""

    name: str = "trafilatura"
    description: str = "an HTML page through trafilatura, for messy pages (extra: newsclaims[html])"

    def sniff(self, sample: Sample) -> float:
        """Score a little under the built-in HTML parser, so that it wins only by name."""
        return HtmlParser().sniff(sample) * 0.5

    def parse(self, data: Data, *, origin: str) -> Report:
        """Read ``data`` with :func:`parse_with_trafilatura`."""
        return parse_with_trafilatura(data, origin=origin)
