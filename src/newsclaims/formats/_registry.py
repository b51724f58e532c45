"""The writer registry: built-in writers, writers registered at run time, and plugins.

Third-party packages add writers through the ``newsclaims.formats`` entry-point group; each
entry point names a :class:`Writer` object::

    [project.entry-points."newsclaims.formats"]
    parquet = "mypackage.newsclaims_parquet:WRITER"

Plugins are loaded the first time a writer is looked up or listed. A plugin that fails to
load does not hide the others: asking for it by name raises an error that says why.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata

import attrs

from newsclaims.errors import NewsclaimsError
from newsclaims.formats._brat import dumps_brat
from newsclaims.formats._citron import dumps_citron
from newsclaims.formats._jsonld import dumps_jsonld
from newsclaims.formats._table import CSV_HEADER, dumps_csv_rows
from newsclaims.model import Report
from newsclaims.serialise import dumps

__all__ = ["ENTRY_POINT_GROUP", "Writer", "available", "get_writer", "register_writer"]

#: The entry-point group third-party writers register under.
ENTRY_POINT_GROUP = "newsclaims.formats"


@attrs.frozen
class Writer:
    r"""A named output format: how to turn one report into text, and the file suffix to use.

    Attributes:
        name: what users pass to ``--format``.
        suffix: the file suffix, with its dot (``".ann"``).
        description: one line for ``newsclaims extract --help``.
        dumps: turn one report into text; several reports written to one stream are
            concatenated, so each piece ends with a newline.
        header: written once at the top of every file or stream (a CSV header), or ``""``.
        streams: reports written one after another (after one header) still make one valid
            file, as JSON Lines and CSV do; a corpus run writes a JSON Lines input's reports
            into one file only in such a format.

    >>> w = Writer("upper", ".txt", "the text in capitals", lambda r: r.text.upper() + "\n")
    >>> w.dumps(Report("Hi."))
    'HI.\n'
    """

    name: str
    suffix: str
    description: str
    dumps: Callable[[Report], str]
    header: str = ""
    streams: bool = False


def _dumps_line(report: Report) -> str:
    return dumps(report) + "\n"


def _dumps_pretty(report: Report) -> str:
    return dumps(report, indent=1) + "\n"


_BUILT_IN: tuple[Writer, ...] = (
    Writer("json", ".json", "the newsclaims JSON document (schema newsclaims/1)", _dumps_pretty),
    Writer("jsonl", ".jsonl", "newsclaims JSON, one report per line", _dumps_line, streams=True),
    Writer("brat", ".ann", "brat standoff: attribution events, attributes, entities", dumps_brat),
    Writer("citron", ".citron.json", "BBC R&D Citron quote JSON", dumps_citron),
    Writer("jsonld", ".jsonld", "schema.org JSON-LD: a NewsArticle with Claim parts", dumps_jsonld),
    Writer("csv", ".csv", "one row per statement", dumps_csv_rows, CSV_HEADER, streams=True),
)


@attrs.define
class _Registry:
    writers: dict[str, Writer] = attrs.field(factory=lambda: {w.name: w for w in _BUILT_IN})
    broken: dict[str, str] = attrs.field(factory=dict)
    plugins_loaded: bool = False

    def load_plugins(self) -> None:
        if self.plugins_loaded:
            return
        self.plugins_loaded = True
        for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
            if entry.name in self.writers:
                continue  # built-in and run-time writers win over plugins of the same name
            try:
                writer = entry.load()
            except Exception as exc:  # a broken plugin is reported, never fatal
                self.broken[entry.name] = f"{type(exc).__name__}: {exc}"
                continue
            if not isinstance(writer, Writer):
                self.broken[entry.name] = f"{entry.value} is not a newsclaims.formats.Writer"
                continue
            self.writers[entry.name] = writer


_REGISTRY = _Registry()


def register_writer(writer: Writer, *, replace: bool = False) -> None:
    r"""Make ``writer`` available under its name for this process.

    Args:
        writer: the writer to add.
        replace: replace a writer of the same name instead of refusing.

    Raises:
        NewsclaimsError: a writer of that name exists and ``replace`` is false.

    >>> bare = Writer("text", ".txt", "the bare text", lambda r: r.text + "\n")
    >>> register_writer(bare, replace=True)
    >>> get_writer("text").dumps(Report("Hi."))
    'Hi.\n'
    """
    _REGISTRY.load_plugins()
    if writer.name in _REGISTRY.writers and not replace:
        raise NewsclaimsError(f"an output format named {writer.name!r} exists already")
    _REGISTRY.writers[writer.name] = writer
    _REGISTRY.broken.pop(writer.name, None)


def available() -> list[tuple[str, str]]:
    """Return ``(name, description)`` for every writer, sorted by name.

    >>> [name for name, _ in available()][:3]
    ['brat', 'citron', 'csv']
    """
    _REGISTRY.load_plugins()
    return sorted((w.name, w.description) for w in _REGISTRY.writers.values())


def get_writer(name: str) -> Writer:
    """Return the writer called ``name``.

    Raises:
        NewsclaimsError: no writer has that name (the message lists the known ones), or a
            plugin of that name failed to load (the message says why).

    >>> get_writer("brat").suffix
    '.ann'
    """
    _REGISTRY.load_plugins()
    try:
        return _REGISTRY.writers[name]
    except KeyError:
        if name in _REGISTRY.broken:
            problem = _REGISTRY.broken[name]
            raise NewsclaimsError(f"output format {name!r} failed to load: {problem}") from None
        known = ", ".join(sorted(_REGISTRY.writers))
        raise NewsclaimsError(f"no output format {name!r} (known: {known})") from None
