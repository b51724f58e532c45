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
    "DEFAULT_MAX_CHARS",
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

#: The longest input :func:`parse` reads unless told otherwise: five million characters.
#: Even a 10,000-word long read is about 60,000 characters, so this is some eighty times
#: that. Measured on a 5,000,000-character text (an article repeated), ``read``
#: takes about 20 seconds and 160 MB at its peak: a bound a corpus run can afford on every
#: worker at once. Anything longer is almost surely not an article but a database dump, a log
#: or a runaway scrape. Pass ``max_chars=None`` to lift the guard.
DEFAULT_MAX_CHARS = 5_000_000


def parse(
    source: Input,
    *,
    parser: str | Parser | None = None,
    origin: str | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Report:
    """Read ``source`` into a report with its text, structure and metadata.

    Args:
        source: a ``str`` is the document itself (article text, HTML, JSON); ``bytes`` an
            encoded document; an ``os.PathLike`` a file to open; a file object is read.
        parser: a parser name (see :func:`available`) or a parser object; when ``None`` the
            registry sniffs the input (file name, then content).
        origin: a name for the input, kept in metadata and used in error messages; a
            file's path by default. A name with a suffix (``"page.html"``) helps sniffing.
        max_chars: refuse an input longer than this (:data:`DEFAULT_MAX_CHARS`); ``None``
            for no limit. Encoded input (bytes, files) is measured in bytes, before it is
            decoded or, for a file, read: no encoding takes fewer bytes than characters, so
            input within the limit in bytes is within it in characters.

    Raises:
        FormatError: the input cannot be read as an article, is longer than ``max_chars``,
            or holds several reports (read those with :func:`iter_parse`).
        OSError: a file cannot be opened.

    >>> parse("Iran has denied involvement.").text
    'Iran has denied involvement.'
    >>> parse("x", parser="nope")
    Traceback (most recent call last):
    ...
    newsclaims.errors.FormatError: <parsers>: no parser named 'nope' (known: ...)
    >>> parse("Too long for the limit.", max_chars=10)
    Traceback (most recent call last):
    ...
    newsclaims.errors.FormatError: <string>: longer than the limit of 10 characters (raise ...)
    """
    data, name = _read(source, max_chars)
    origin = origin or name
    chosen = _choose(parser, data, name if isinstance(source, os.PathLike) else origin)
    if isinstance(source, os.PathLike) and isinstance(chosen, PathParser):
        return _writable(chosen.read_path(Path(source), origin=origin), origin)
    return _writable(chosen.parse(data, origin=origin), origin)


def iter_parse(
    source: Input,
    *,
    parser: str | Parser | None = None,
    origin: str | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Iterator[Report]:
    r"""Yield every report in ``source``: many for JSON Lines, one for other formats.

    Takes the same arguments as :func:`parse`; ``max_chars`` limits the whole input.

    >>> from newsclaims import Report, dumps
    >>> lines = dumps(Report("One.")) + "\n" + dumps(Report("Two.")) + "\n"
    >>> [report.text for report in iter_parse(lines)]
    ['One.', 'Two.']
    """
    data, name = _read(source, max_chars)
    origin = origin or name
    chosen = _choose(parser, data, name if isinstance(source, os.PathLike) else origin)
    if isinstance(chosen, StreamParser):
        for report in chosen.iter_parse(data, origin=origin):
            yield _writable(report, origin)
    elif isinstance(source, os.PathLike) and isinstance(chosen, PathParser):
        yield _writable(chosen.read_path(Path(source), origin=origin), origin)
    else:
        yield _writable(chosen.parse(data, origin=origin), origin)


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


def _read(source: Input, max_chars: int | None) -> tuple[Data, str]:
    """Return the raw data of ``source`` and a name for it (the thin I/O entry).

    Files and streams are never read past ``max_chars`` bytes (plus one, to tell).
    """
    if isinstance(source, str):
        _check_size(len(source), max_chars, "<string>", "characters")
        return source, "<string>"
    if isinstance(source, bytes):
        _check_size(len(source), max_chars, "<bytes>", "bytes")
        return source, "<bytes>"
    if isinstance(source, os.PathLike):
        path = Path(source)
        name = os.fspath(path)
        if path.is_dir():
            raise FormatError(name, "is a directory, not a file")
        _check_size(path.stat().st_size, max_chars, name, "bytes")
        with path.open("rb") as handle:
            # Read no more than the limit even if the file grows after the stat.
            data = handle.read() if max_chars is None else handle.read(max_chars + 1)
        _check_size(len(data), max_chars, name, "bytes")
        return data, name
    name = str(getattr(source, "name", "<stream>"))
    read = source.read() if max_chars is None else source.read(max_chars + 1)
    if not isinstance(read, str | bytes):
        raise FormatError(name, f"reading it gave {type(read).__name__}, not text or bytes")
    _check_size(len(read), max_chars, name, "characters" if isinstance(read, str) else "bytes")
    return read, name


def _check_size(size: int, max_chars: int | None, name: str, unit: str) -> None:
    if max_chars is not None and size > max_chars:
        raise FormatError(
            name,
            f"longer than the limit of {max_chars:,} {unit} (raise it with max_chars or"
            " --max-chars)",
        )


def _writable(report: Report, origin: str) -> Report:
    r"""Return ``report``, refusing a text that no file could hold (a lone surrogate).

    JSON's ``"\ud800"`` escape reads into such a text, and so may a third-party parser: the
    report would be read but could never be written.
    """
    try:
        report.text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise FormatError(
            origin,
            f"not valid Unicode: a lone surrogate (U+{ord(report.text[exc.start]):04X}) at"
            f" character {exc.start}",
            path="text",
        ) from exc
    return report


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
