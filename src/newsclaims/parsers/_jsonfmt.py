"""newsclaims' own format: a JSON document, or JSON Lines with one document per line.

A document's metadata is kept as written: it describes the article, not the JSON file, so
``parse(dumps(report)) == report``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import attrs

from newsclaims.model import Report
from newsclaims.parsers._decode import decode, split_lines
from newsclaims.parsers._protocol import Data, Sample, only_one
from newsclaims.serialise import loads

__all__ = ["JsonLinesParser", "JsonParser"]

_SCHEMA_KEY: Final = re.compile(r'^\s*\{\s*"schema"\s*:\s*"newsclaims/')
_ANY_SCHEMA: Final = re.compile(r'"schema"\s*:\s*"newsclaims/')


def _lines(data: Data, origin: str) -> list[tuple[int, str]]:
    text = decode(data, origin=origin).text
    return [(n, line) for n, line in enumerate(split_lines(text), 1) if line.strip()]


@attrs.frozen
class JsonParser:
    """Reads one newsclaims JSON document.

    >>> from newsclaims import Report, dumps
    >>> JsonParser().parse(dumps(Report("Hi.")), origin="r.json").text
    'Hi.'
    """

    name: str = "json"
    description: str = "a newsclaims JSON document"

    def sniff(self, sample: Sample) -> float:
        """Score 0.95 for a document that opens with its schema, 0.8 if it names it later."""
        head = sample.head
        if _SCHEMA_KEY.match(head):
            # One document over several lines, or one line: JSON Lines sniffs higher for
            # several single-line documents.
            return 0.95
        if head.lstrip().startswith("{") and _ANY_SCHEMA.search(head):
            return 0.8
        return 0.2 if sample.suffix == ".json" else 0.0

    def parse(self, data: Data, *, origin: str) -> Report:
        """Read ``data`` as a newsclaims JSON document.

        Raises:
            FormatError: it is not one.
        """
        return loads(decode(data, origin=origin).text, source=origin)


@attrs.frozen
class JsonLinesParser:
    r"""Reads newsclaims JSON Lines: one document per line, blank lines skipped.

    >>> from newsclaims import Report, dumps
    >>> data = dumps(Report("A.")) + "\n" + dumps(Report("B."))
    >>> [r.text for r in JsonLinesParser().iter_parse(data, origin="c.jsonl")]
    ['A.', 'B.']
    """

    name: str = "jsonl"
    description: str = "newsclaims JSON Lines, one document per line"

    def sniff(self, sample: Sample) -> float:
        """Score 0.97 when the first two lines are each a whole newsclaims document."""
        lines = [line for line in split_lines(sample.head) if line.strip()][:2]
        starts = [bool(_SCHEMA_KEY.match(line)) for line in lines]
        if len(lines) == 2 and all(starts) and lines[0].rstrip().endswith("}"):
            return 0.97
        if sample.suffix in {".jsonl", ".ndjson"} and starts and starts[0]:
            return 0.96
        return 0.0

    def iter_parse(self, data: Data, *, origin: str) -> Iterator[Report]:
        """Yield each document; a bad line raises a FormatError naming its number."""
        for number, line in _lines(data, origin):
            # The one JSON reader of newsclaims documents (fast, with the same errors).
            yield loads(line, source=f"{origin}: line {number}")

    def parse(self, data: Data, *, origin: str) -> Report:
        """Read the one report in ``data``.

        Raises:
            FormatError: there is not exactly one document (use :meth:`iter_parse`).
        """
        return only_one(self.iter_parse(data, origin=origin), origin, "report")
