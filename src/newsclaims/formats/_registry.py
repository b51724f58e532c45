"""The writer registry: built-in writers by name."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from newsclaims.errors import NewsclaimsError
from newsclaims.formats._brat import dumps_brat
from newsclaims.model import Report
from newsclaims.serialise import dumps

__all__ = ["Writer", "available", "get_writer"]


@attrs.frozen
class Writer:
    """A named output format: how to turn one report into text, and the file suffix to use."""

    name: str
    suffix: str
    description: str
    dumps: Callable[[Report], str]


def _dumps_line(report: Report) -> str:
    return dumps(report) + "\n"


def _dumps_pretty(report: Report) -> str:
    return dumps(report, indent=1) + "\n"


_BUILT_IN: tuple[Writer, ...] = (
    Writer("json", ".json", "the newsclaims JSON document (schema newsclaims/1)", _dumps_pretty),
    Writer("jsonl", ".jsonl", "newsclaims JSON, one report per line", _dumps_line),
    Writer("brat", ".ann", "brat standoff: attribution events, attributes, entities", dumps_brat),
)
_WRITERS: dict[str, Writer] = {writer.name: writer for writer in _BUILT_IN}


def available() -> list[tuple[str, str]]:
    """Return ``(name, description)`` for every writer, sorted by name."""
    return sorted((w.name, w.description) for w in _WRITERS.values())


def get_writer(name: str) -> Writer:
    """Return the writer called ``name``.

    Raises:
        NewsclaimsError: no writer has that name; the message lists the known ones.
    """
    try:
        return _WRITERS[name]
    except KeyError:
        known = ", ".join(sorted(_WRITERS))
        raise NewsclaimsError(f"no output format {name!r} (known: {known})") from None
