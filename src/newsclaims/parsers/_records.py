"""JSON Lines records as corpus dumps hold them: ``{"text", "title", "url", "date", ...}``.

Each record becomes a report whose text is the title, a blank line, then the body (the
title's own line breaks become spaces, so that it stays one headline line); the structure
of that text is found as for plain text. A whole JSON object or array is read too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any, Final

import attrs

from newsclaims.errors import FormatError
from newsclaims.model import Metadata, Report
from newsclaims.parsers._dates import parse_date
from newsclaims.parsers._decode import Decoded, decode, split_lines
from newsclaims.parsers._protocol import Data, Sample, only_one
from newsclaims.parsers._text import find_structure

__all__ = ["RecordsParser"]

_FIRST_KEY: Final = 200


@attrs.frozen
class RecordsParser:
    r"""Reads JSON Lines records; the field names are configurable.

    Register a parser with other field names for your own dumps:

    >>> mine = RecordsParser(name="mydump", text_field="body", title_field="headline")
    >>> report = mine.parse('{"body": "They did.", "headline": "Talks resume"}', origin="d")
    >>> report.text, report.text_of(report.structure.headline)
    ('Talks resume\n\nThey did.', 'Talks resume')
    """

    name: str = "records"
    description: str = 'JSON Lines records of corpus dumps: {"text", "title", "url", "date"}'
    text_field: str = "text"
    title_field: str = "title"
    url_field: str = "url"
    date_field: str = "date"
    author_field: str = "author"
    publisher_field: str = "publisher"
    language_field: str = "language"

    def sniff(self, sample: Sample) -> float:
        """Score 0.9 when the input opens with a JSON object holding the text field."""
        head = sample.head.lstrip().lstrip("[").lstrip()
        if not head.startswith("{") or '"schema"' in head[:_FIRST_KEY]:
            return 0.0
        if f'"{self.text_field}"' in head.split("\n", 1)[0] or f'"{self.text_field}"' in head:
            return 0.9
        return 0.4 if sample.suffix in {".jsonl", ".ndjson", ".json"} else 0.0

    def iter_parse(self, data: Data, *, origin: str) -> Iterator[Report]:
        """Yield one report per record.

        Raises:
            FormatError: a line is not JSON, not an object, or lacks the text field; the
                message names the line.
        """
        decoded = decode(data, origin=origin)
        whole = _whole_document(decoded.text)
        if whole is not None:
            for index, record in enumerate(whole):
                yield self._report(record, f"{origin}: [{index}]", decoded, None)
            return
        for number, line in enumerate(split_lines(decoded.text), 1):
            if not line.strip():
                continue
            where = f"{origin}: line {number}"
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                raise FormatError(where, "not a JSON record") from exc
            yield self._report(record, where, decoded, line)

    def parse(self, data: Data, *, origin: str) -> Report:
        """Read the one record in ``data``.

        Raises:
            FormatError: there is not exactly one record (use :meth:`iter_parse`).
        """
        return only_one(self.iter_parse(data, origin=origin), origin, "record")

    def _report(self, record: object, where: str, decoded: Decoded, line: str | None) -> Report:
        if not isinstance(record, dict):
            raise FormatError(where, f"a record is a JSON object, not {type(record).__name__}")
        body = self._string(record, self.text_field, where, required=True) or ""
        title = " ".join((self._string(record, self.title_field, where) or "").split())
        text = f"{title}\n\n{body}" if title and body else title or body
        structure, authors = find_structure(text)
        own = decode(line, origin=where) if line is not None else decoded
        metadata = Metadata(
            publisher=self._string(record, self.publisher_field, where),
            authors=self._authors(record, where) or authors,
            published=self._date(record, where),
            url=self._string(record, self.url_field, where),
            language=self._string(record, self.language_field, where),
            origin=where,
            sha256=own.sha256,
            encoding=decoded.encoding,
        )
        return Report(text, structure=structure, metadata=metadata)

    def _string(
        self, record: dict[str, Any], key: str, where: str, *, required: bool = False
    ) -> str | None:
        value = record.get(key)
        if value is None:
            if required:
                raise FormatError(where, f"no {key!r} field", path=key)
            return None
        if not isinstance(value, str):
            raise FormatError(where, f"{value!r} is not a string", path=key)
        return value

    def _authors(self, record: dict[str, Any], where: str) -> tuple[str, ...]:
        value = record.get(self.author_field)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise FormatError(
            where, f"{value!r} is not a name or a list of names", path=self.author_field
        )

    def _date(self, record: dict[str, Any], where: str) -> datetime | None:
        value = record.get(self.date_field)
        if value is None:
            return None
        try:
            return parse_date(value)
        except ValueError as exc:
            raise FormatError(where, str(exc), path=self.date_field) from exc


def _whole_document(text: str) -> list[object] | None:
    """Return the records of a whole JSON object or array, or None for JSON Lines."""
    stripped = text.strip()
    # One line holding one object is a one-record JSON Lines input: read it as such.
    if not (stripped.startswith("[") or (stripped.startswith("{") and "\n" in stripped)):
        return None
    try:
        document = json.loads(stripped)
    except (json.JSONDecodeError, RecursionError):
        return None
    return document if isinstance(document, list) else [document]
