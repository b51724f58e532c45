r"""Parsers: turn an input (text, bytes, a file) into a :class:`~newsclaims.model.Report`.

:func:`parse` picks a parser by name or by sniffing the input, reads it, and returns a report
whose every span indexes its text. Built-in parsers read plain text, HTML, newsclaims JSON and
JSON Lines, corpus JSON Lines records and brat standoff; third-party parsers join through the
``newsclaims.parsers`` entry-point group or :func:`register`.

>>> report = parse("Talks resume\n\nThe talks resumed on Monday, officials said.")
>>> report.text_of(report.structure.headline)
'Talks resume'
>>> parse("<html><body><h1>Talks resume</h1><p>They did.</p></body></html>").text
'Talks resume\n\nThey did.'
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from newsclaims.errors import FormatError
from newsclaims.model import Report
from newsclaims.parsers._decode import sample_text
from newsclaims.parsers._protocol import Data, Parser, PathParser, Sample, StreamParser
from newsclaims.parsers._registry import ENTRY_POINT_GROUP, ParserInfo, Registry

if TYPE_CHECKING:
    from newsclaims.parsers._brat import parse_brat, read_brat
    from newsclaims.parsers._html import parse_html
    from newsclaims.parsers._records import RecordsParser
    from newsclaims.parsers._text import parse_text

__all__ = [
    "ENTRY_POINT_GROUP",
    "Data",
    "Input",
    "Parser",
    "ParserInfo",
    "PathParser",
    "RecordsParser",
    "Registry",
    "Sample",
    "StreamParser",
    "available",
    "detect",
    "get",
    "iter_parse",
    "parse",
    "parse_brat",
    "parse_html",
    "parse_text",
    "read_brat",
    "refresh",
    "register",
    "registry",
    "unregister",
]

#: Anything :func:`parse` accepts: article text, encoded bytes, a path, or an open file.
Input = str | bytes | os.PathLike[str] | IO[str] | IO[bytes]

#: The process-wide registry the module-level functions use.
registry = Registry()


def parse(
    source: Input, *, parser: str | Parser | None = None, origin: str | None = None
) -> Report:
    """Read ``source`` into a report with its text, structure and metadata.

    Args:
        source: a ``str`` is the document itself (article text, HTML, JSON); ``bytes`` an
            encoded document; an ``os.PathLike`` a file to open; a file object is read.
        parser: a parser name (see :func:`available`) or a parser object; when ``None`` the
            registry sniffs the input (file name, then content).
        origin: a name for the input, kept in metadata and used in error messages; a
            file's path by default. A name with a suffix (``"page.html"``) helps sniffing.

    Raises:
        FormatError: the input cannot be read as an article, or holds several reports
            (read those with :func:`iter_parse`).
        OSError: a file cannot be opened.

    >>> parse("Iran has denied involvement.").text
    'Iran has denied involvement.'
    >>> parse("x", parser="nope")
    Traceback (most recent call last):
    ...
    newsclaims.errors.FormatError: <parsers>: no parser named 'nope' (known: ...)
    """
    data, name = _read(source)
    origin = origin or name
    chosen = _choose(parser, data, name if isinstance(source, os.PathLike) else origin)
    if isinstance(source, os.PathLike) and isinstance(chosen, PathParser):
        return chosen.read_path(Path(source), origin=origin)
    return chosen.parse(data, origin=origin)


def iter_parse(
    source: Input, *, parser: str | Parser | None = None, origin: str | None = None
) -> Iterator[Report]:
    r"""Yield every report in ``source``: many for JSON Lines, one for other formats.

    Takes the same arguments as :func:`parse`.

    >>> from newsclaims import Report, dumps
    >>> lines = dumps(Report("One.")) + "\n" + dumps(Report("Two.")) + "\n"
    >>> [report.text for report in iter_parse(lines)]
    ['One.', 'Two.']
    """
    data, name = _read(source)
    origin = origin or name
    chosen = _choose(parser, data, name if isinstance(source, os.PathLike) else origin)
    if isinstance(chosen, StreamParser):
        yield from chosen.iter_parse(data, origin=origin)
    elif isinstance(source, os.PathLike) and isinstance(chosen, PathParser):
        yield chosen.read_path(Path(source), origin=origin)
    else:
        yield chosen.parse(data, origin=origin)


def detect(data: Data, *, name: str | None = None) -> Parser:
    r"""Return the parser that recognises ``data`` best (``name`` is a file name hint).

    Raises:
        FormatError: no parser recognises it.

    >>> detect("<!DOCTYPE html><html></html>").name
    'html'
    >>> detect(b"T1\tSource 0 4\tIran\n", name="a.ann").name
    'brat'
    """
    return registry.detect(Sample(sample_text(data), name))


def get(name: str) -> Parser:
    """Return the parser called ``name``.

    Raises:
        FormatError: no parser has that name.

    >>> get("html").description
    'an HTML page saved from a news site (standard library; nothing is fetched)'
    """
    return registry.get(name)


def register(parser: Parser, *, replace: bool = False) -> None:
    """Add ``parser`` to the process-wide registry, by its name.

    Raises:
        ValueError: a parser of that name exists and ``replace`` is false.
        TypeError: ``parser`` is not a :class:`Parser`.
    """
    registry.register(parser, replace=replace)


def unregister(name: str) -> None:
    """Remove a parser added with :func:`register`."""
    registry.unregister(name)


def refresh() -> None:
    """Scan entry points again (after installing a plugin in a running process)."""
    registry.refresh()


def available() -> list[ParserInfo]:
    """Return ``(name, description)`` for every parser, sorted by name.

    >>> [info.name for info in available()][:3]
    ['brat', 'citron', 'html']
    """
    return registry.available()


def _read(source: Input) -> tuple[Data, str]:
    """Return the raw data of ``source`` and a name for it (the thin I/O entry)."""
    if isinstance(source, str):
        return source, "<string>"
    if isinstance(source, bytes):
        return source, "<bytes>"
    if isinstance(source, os.PathLike):
        path = Path(source)
        return path.read_bytes(), os.fspath(path)
    name = str(getattr(source, "name", "<stream>"))
    data = source.read()
    if not isinstance(data, str | bytes):
        raise FormatError(name, f"reading it gave {type(data).__name__}, not text or bytes")
    return data, name


def _choose(parser: str | Parser | None, data: Data, name: str) -> Parser:
    if parser is None:
        return registry.detect(Sample(sample_text(data), None if name.startswith("<") else name))
    if isinstance(parser, str):
        return registry.get(parser)
    return parser


# Format modules load on first use, so that `import newsclaims` stays fast.
_LAZY = {
    "RecordsParser": "newsclaims.parsers._records",
    "parse_brat": "newsclaims.parsers._brat",
    "read_brat": "newsclaims.parsers._brat",
    "parse_html": "newsclaims.parsers._html",
    "parse_text": "newsclaims.parsers._text",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
