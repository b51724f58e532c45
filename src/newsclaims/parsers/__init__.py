"""Parsers: turn an input (text, bytes, a file) into a :class:`~newsclaims.model.Report`.

This first version reads plain UTF-8 text only; the parser registry replaces it.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path
from typing import IO

from newsclaims.errors import FormatError
from newsclaims.model import Metadata, Report

__all__ = ["Input", "available", "parse"]

#: Anything :func:`parse` accepts: article text, encoded bytes, a path, or an open file.
Input = str | bytes | os.PathLike[str] | IO[str] | IO[bytes]


def parse(source: Input, *, parser: str | None = None, origin: str | None = None) -> Report:
    """Read ``source`` into a report with its text and metadata.

    Args:
        source: a ``str`` is article text; ``bytes`` an encoded document; an
            ``os.PathLike`` a file to open; a file object is read.
        parser: the name of the parser to use; sniffed from the input when ``None``.
        origin: a name for the input in metadata and error messages.

    Raises:
        FormatError: the input cannot be read as an article.

    >>> parse("Iran has denied involvement.").text
    'Iran has denied involvement.'
    """
    if parser not in (None, "text"):
        raise FormatError(origin or "<input>", f"no parser named {parser!r}")
    if isinstance(source, os.PathLike):
        name = origin or os.fspath(source)
        return _from_bytes(Path(source).read_bytes(), name)
    if isinstance(source, str):
        return _from_bytes(source.encode("utf-8"), origin or "<string>", text=source)
    if isinstance(source, bytes):
        return _from_bytes(source, origin or "<bytes>")
    if isinstance(source, io.TextIOBase):
        data = source.read()
        return _from_bytes(data.encode("utf-8"), origin or str(getattr(source, "name", "<stream>")), text=data)
    data_b = source.read()
    name = origin or str(getattr(source, "name", "<stream>"))
    if isinstance(data_b, str):
        return _from_bytes(data_b.encode("utf-8"), name, text=data_b)
    return _from_bytes(data_b, name)


def _from_bytes(raw: bytes, origin: str, text: str | None = None) -> Report:
    if text is None:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FormatError(origin, f"not UTF-8 text (byte {exc.start})") from exc
    metadata = Metadata(origin=origin, sha256=hashlib.sha256(raw).hexdigest(), encoding="utf-8")
    return Report(text, metadata=metadata)


def available() -> list[tuple[str, str]]:
    """Return ``(name, description)`` for every parser, sorted by name."""
    return [("text", "plain text, as news arrives in text dumps")]
