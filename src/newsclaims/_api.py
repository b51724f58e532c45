"""The three front doors: :func:`parse`, :func:`extract` and :func:`read`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from newsclaims import parsers
from newsclaims.model import Report

if TYPE_CHECKING:
    from newsclaims.parsers import Input

__all__ = ["extract", "parse", "read"]


def parse(source: Input, *, parser: str | None = None, origin: str | None = None) -> Report:
    """Read an article into a :class:`Report` with its text, structure and metadata.

    Args:
        source: a ``str`` is article text; ``bytes`` an encoded document; an
            ``os.PathLike`` a file to open; a file object is read.
        parser: a parser name (``"text"``, ``"html"``, ...); sniffed from the input if ``None``.
        origin: a name for the input, kept in metadata and used in error messages.

    Raises:
        FormatError: the input cannot be read.
        OSError: a file cannot be opened.

    >>> parse("Iran has denied involvement.").text
    'Iran has denied involvement.'
    """
    return parsers.parse(source, parser=parser, origin=origin)


def extract(report: Report | str, *, extra_verbs: Iterable[str] = (), **options: Any) -> Report:
    """Return ``report`` with the statements (and entities) the pipeline reads in it.

    Args:
        report: a parsed report, or article text (parsed as plain text first).
        extra_verbs: reporting verbs to add to the built-in lexicon for this call.
        **options: passed to :func:`newsclaims.extraction.extract_report`.

    >>> report = extract('"We will respond," Smith said.')
    >>> report.text_of(report.statements[0].cue.spans)
    'said'
    """
    from newsclaims import extraction  # noqa: PLC0415 -- keep `import newsclaims` light

    if isinstance(report, str):
        report = parse(report)
    return extraction.extract_report(report, extra_verbs=extra_verbs, **options)


def read(
    source: Input, *, parser: str | None = None, origin: str | None = None, **options: Any
) -> Report:
    """Parse ``source`` and extract its statements: ``extract(parse(source))``.

    >>> report = read("Smith said that the talks may resume.")
    >>> report.text_of(report.statements[0].source.mentions)
    'Smith'
    """
    return extract(parse(source, parser=parser, origin=origin), **options)
