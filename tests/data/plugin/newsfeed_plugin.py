"""A tiny third-party parser, installed for the tests through an entry point.

It reads "NEWSFEED/1", a made-up feed format::

    NEWSFEED/1
    TITLE: Talks resume
    ---
    The talks resumed on Monday, officials said.
"""

from __future__ import annotations

import hashlib

from newsclaims import Metadata, Report, Span, Structure
from newsclaims.errors import FormatError
from newsclaims.parsers import Data, Sample

MAGIC = "NEWSFEED/1"


class NewsfeedParser:
    """Reads NEWSFEED/1 items."""

    name = "newsfeed"
    description = "NEWSFEED/1 items (test plugin)"

    def sniff(self, sample: Sample) -> float:
        """Recognise the magic first line, or a .feed file."""
        if sample.head.startswith(MAGIC):
            return 1.0
        return 0.8 if sample.suffix == ".feed" else 0.0

    def parse(self, data: Data, *, origin: str) -> Report:
        """Read one item: the title becomes the headline, the rest the body."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FormatError(origin, "not UTF-8") from exc
        header, sep, body = text.partition("\n---\n")
        lines = header.split("\n")
        if not sep or lines[0] != MAGIC or not lines[1].startswith("TITLE: "):
            raise FormatError(origin, f"not a {MAGIC} item")
        title = lines[1].removeprefix("TITLE: ")
        out = f"{title}\n\n{body.strip()}"
        structure = Structure(
            headline=Span(0, len(title)), paragraphs=[Span(len(title) + 2, len(out))]
        )
        digest = hashlib.sha256(raw).hexdigest()
        return Report(out, structure, Metadata(origin=origin, sha256=digest, encoding="utf-8"))


parser = NewsfeedParser()
