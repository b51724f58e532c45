"""The three front doors: :func:`parse`, :func:`extract` and :func:`read`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from newsclaims import parsers
from newsclaims.errors import FormatError
from newsclaims.model import Report
from newsclaims.parsers import DEFAULT_MAX_CHARS

if TYPE_CHECKING:
    from newsclaims.parsers import Input

__all__ = ["extract", "parse", "read"]


def parse(
    source: Input,
    *,
    parser: str | None = None,
    origin: str | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Report:
    """Read an article into a :class:`Report` with its text, structure and metadata.

    Args:
        source: a ``str`` is article text; ``bytes`` an encoded document; an
            ``os.PathLike`` a file to open; a file object is read.
        parser: a parser name (``"text"``, ``"html"``, ...); sniffed from the input if ``None``.
        origin: a name for the input, kept in metadata and used in error messages.
        max_chars: refuse longer input (bytes and files: more bytes), before reading or
            decoding it; ``None`` for no limit. See
            :data:`newsclaims.parsers.DEFAULT_MAX_CHARS` for why five million.

    Raises:
        FormatError: the input cannot be read, or is longer than ``max_chars``.
        OSError: a file cannot be opened.

    >>> parse("Iran has denied involvement.").text
    'Iran has denied involvement.'
    """
    return parsers.parse(source, parser=parser, origin=origin, max_chars=max_chars)


def extract(
    report: Report | str,
    *,
    extra_verbs: Iterable[str] = (),
    max_chars: int | None = DEFAULT_MAX_CHARS,
    **options: Any,
) -> Report:
    """Return ``report`` with the statements (and entities) the pipeline reads in it.

    Args:
        report: a parsed report, or article text (parsed as plain text first).
        extra_verbs: reporting verbs to add to the built-in lexicon for this call.
        max_chars: refuse a text longer than this before extracting; ``None`` for no limit.
        **options: passed to :func:`newsclaims.extraction.extract_report`.

    Raises:
        FormatError: the text is longer than ``max_chars``.

    >>> report = extract('"We will respond," Smith said.')
    >>> report.text_of(report.statements[0].cue.spans)
    'said'
    """
    from newsclaims import extraction  # noqa: PLC0415 -- keep `import newsclaims` light

    if isinstance(report, str):
        report = parse(report, max_chars=max_chars)
    elif max_chars is not None and len(report.text) > max_chars:
        raise FormatError(
            report.metadata.origin or "<report>",
            f"longer than the limit of {max_chars:,} characters (raise it with max_chars or"
            " --max-chars)",
        )
    return extraction.extract_report(report, extra_verbs=extra_verbs, **options)


def read(
    source: Input,
    *,
    parser: str | None = None,
    origin: str | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    **options: Any,
) -> Report:
    """Parse ``source`` and extract its statements: ``extract(parse(source))``.

    Takes :func:`parse`'s arguments; other keywords go to :func:`extract`.

    Raises:
        FormatError: the input cannot be read, or is longer than ``max_chars``.
        OSError: a file cannot be opened.

    >>> report = read("Smith said that the talks may resume.")
    >>> report.text_of(report.statements[0].source.mentions)
    'Smith'
    """
    report = parse(source, parser=parser, origin=origin, max_chars=max_chars)
    return extract(report, max_chars=max_chars, **options)
