"""The parser seam: what a parser is, and what it is shown when asked to recognise an input."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from typing import Protocol, runtime_checkable

import attrs

from newsclaims.errors import FormatError
from newsclaims.model import Report

__all__ = ["Data", "Parser", "PathParser", "Sample", "StreamParser", "only_one"]

#: What a parser reads: text, or raw bytes it decodes itself (so that HTML can honour
#: a declared charset).
Data = str | bytes


@attrs.frozen
class Sample:
    """What a parser is shown when asked how well it recognises an input.

    >>> Sample("<!doctype html><html>", "page.HTML").suffix
    '.html'
    """

    #: The first few thousand characters of the input, leniently decoded.
    head: str
    #: A file name for the input when one is known (a path, or an origin such as ``"a.html"``).
    name: str | None = None

    @property
    def suffix(self) -> str:
        """The lower-case suffix of :attr:`name` (``".html"``), or ``""``."""
        return PurePath(self.name).suffix.lower() if self.name else ""


@runtime_checkable
class Parser(Protocol):
    """Reads one input format into a :class:`~newsclaims.model.Report`.

    Any object with these members is a parser: a class, an attrs instance, a module. It must
    be pure: :meth:`parse` does no I/O, and raises only
    :class:`~newsclaims.errors.FormatError` on input it cannot read.
    """

    @property
    def name(self) -> str:
        """A short, unique, lower-case name (``"html"``): what users pass as ``parser=``."""

    @property
    def description(self) -> str:
        """One line for ``newsclaims parsers``."""

    def sniff(self, sample: Sample) -> float:
        """Say how well this parser recognises the input, from 0 (not at all) to 1 (surely).

        The registry picks the parser with the highest score; the plain-text parser scores
        0.1 for any text, so anything that recognises its format should score above that.
        """

    def parse(self, data: Data, *, origin: str) -> Report:
        """Read ``data`` into a report whose every span indexes ``Report.text``.

        Args:
            data: the input, as text or raw bytes.
            origin: a name for the input, kept in metadata and used in error messages.

        Raises:
            FormatError: the input is not in this parser's format.
        """


@runtime_checkable
class StreamParser(Parser, Protocol):
    """A parser whose inputs may hold many reports (JSON Lines)."""

    def iter_parse(self, data: Data, *, origin: str) -> Iterator[Report]:
        """Yield every report in ``data``, one at a time."""


@runtime_checkable
class PathParser(Parser, Protocol):
    """A parser whose format spans several files (brat: ``STEM.txt`` beside ``STEM.ann``)."""

    def read_path(self, path: Path, *, origin: str) -> Report:
        """Read the report stored at ``path`` and its companion files."""


def only_one(reports: Iterable[Report], origin: str, what: str) -> Report:
    """Return the single report of a stream parser's input, for its ``parse`` method.

    Raises:
        FormatError: the input holds no ``what`` or several (read those with ``iter_parse``).
    """
    found = iter(reports)
    first = next(found, None)
    if first is None:
        raise FormatError(origin, f"no {what} in this input")
    if next(found, None) is not None:
        raise FormatError(origin, f"several {what}s in this input; read them with iter_parse")
    return first
