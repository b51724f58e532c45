"""The parser registry: built-ins, entry-point plugins and parsers registered at run time.

Plugins are found through the ``newsclaims.parsers`` entry-point group. Discovery reads only
installed metadata; a plugin's module is imported the first time it is needed (looked up by
name, asked to sniff, or listed), so ``import newsclaims`` stays fast.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Final, NamedTuple

from newsclaims.errors import FormatError
from newsclaims.parsers._protocol import Parser, Sample

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = ["ENTRY_POINT_GROUP", "ParserInfo", "Registry"]

#: The entry-point group third-party parsers register under.
ENTRY_POINT_GROUP: Final = "newsclaims.parsers"

# name -> (module, attribute, description); a factory import happens on first use only.
_BUILTINS: Final = {
    "text": (
        "newsclaims.parsers._text",
        "TextParser",
        "plain text: headline, standfirst, captions, body, boilerplate",
    ),
    "html": (
        "newsclaims.parsers._html",
        "HtmlParser",
        "an HTML page saved from a news site (standard library; nothing is fetched)",
    ),
    "json": (
        "newsclaims.parsers._jsonfmt",
        "JsonParser",
        "a newsclaims JSON document",
    ),
    "jsonl": (
        "newsclaims.parsers._jsonfmt",
        "JsonLinesParser",
        "newsclaims JSON Lines, one document per line",
    ),
    "records": (
        "newsclaims.parsers._records",
        "RecordsParser",
        'JSON Lines records of corpus dumps: {"text", "title", "url", "date"}',
    ),
    "brat": (
        "newsclaims.parsers._brat",
        "BratParser",
        "brat standoff: STEM.txt with STEM.ann attributions and entities",
    ),
    "citron": (
        "newsclaims.parsers._citronfmt",
        "CitronParser",
        "BBC R&D Citron quotes: {text, quotes, coreference_groups}",
    ),
    "trafilatura": (
        "newsclaims.parsers._trafilatura",
        "TrafilaturaParser",
        "an HTML page through trafilatura, for messy pages (extra: newsclaims[html])",
    ),
}
# Parsers that need an optional distribution are offered only when it is installed.
_NEEDS: Final = {"trafilatura": "trafilatura"}


class ParserInfo(NamedTuple):
    """A parser's name and one-line description, as ``newsclaims parsers`` lists them."""

    name: str
    description: str


class Registry:
    """Parsers by name: built-ins, then entry-point plugins, then run-time registrations.

    A name is resolved in that order, except that :meth:`register` with ``replace=True``
    overrides anything. Entry points never shadow a built-in of the same name.

    >>> registry = Registry()
    >>> registry.get("text").name
    'text'
    """

    def __init__(self, *, group: str = ENTRY_POINT_GROUP) -> None:
        self._group = group
        self._loaded: dict[str, Parser] = {}
        self._registered: dict[str, Parser] = {}
        self._plugins: dict[str, EntryPoint] | None = None

    # ----------------------------------------------------------------- discovery

    def refresh(self) -> None:
        """Forget discovered plugins and loaded parsers, so the next lookup scans again.

        Call it after installing a plugin (or changing ``sys.path``) in a running process.
        """
        self._plugins = None
        self._loaded.clear()

    def _entry_points(self) -> dict[str, EntryPoint]:
        if self._plugins is None:
            # importlib.metadata costs tens of milliseconds to import: only on first lookup.
            from importlib.metadata import entry_points  # noqa: PLC0415

            found: dict[str, EntryPoint] = {}
            for point in sorted(entry_points(group=self._group), key=lambda p: p.name):
                # The first distribution on sys.path wins, as for imports.
                found.setdefault(point.name, point)
            self._plugins = found
        return self._plugins

    def names(self) -> list[str]:
        """Return every parser name, sorted: built-ins, plugins and registered ones."""
        names = {name for name in _BUILTINS if _installed(name)}
        names.update(self._entry_points())
        names.update(self._registered)
        return sorted(names)

    # ----------------------------------------------------------------- lookup

    def get(self, name: str) -> Parser:
        """Return the parser called ``name``.

        Raises:
            FormatError: no parser has that name, or a plugin's code cannot be loaded.
        """
        if name in self._registered:
            return self._registered[name]
        if name not in self._loaded:
            self._loaded[name] = self._load(name)
        return self._loaded[name]

    def _load(self, name: str) -> Parser:
        if name in _BUILTINS and _installed(name):
            module, attribute, _ = _BUILTINS[name]
            return _as_parser(getattr(importlib.import_module(module), attribute), name)
        point = self._entry_points().get(name)
        if point is None:
            known = ", ".join(self.names())
            raise FormatError("<parsers>", f"no parser named {name!r} (known: {known})")
        try:
            target = point.load()
        except Exception as exc:  # a plugin's import may fail in any way at all
            raise FormatError(
                f"plugin {name!r}", f"cannot load {point.value}: {type(exc).__name__}: {exc}"
            ) from exc
        return _as_parser(target, name)

    def register(self, parser: Parser, *, replace: bool = False) -> None:
        """Add ``parser`` under its name for this process.

        Raises:
            ValueError: a parser of that name exists and ``replace`` is false.
            TypeError: ``parser`` lacks the members of :class:`Parser`.
        """
        if not isinstance(parser, Parser):
            raise TypeError(f"{parser!r} is not a Parser (needs name, description, sniff, parse)")
        if not replace and parser.name in self.names():
            raise ValueError(f"a parser named {parser.name!r} exists; pass replace=True")
        self._registered[parser.name] = parser

    def unregister(self, name: str) -> None:
        """Remove a parser added with :meth:`register`; unknown names are ignored."""
        self._registered.pop(name, None)

    # ----------------------------------------------------------------- choosing

    def parsers(self) -> Iterator[Parser]:
        """Yield every parser that loads, in sniffing order: built-ins, plugins, registered.

        A plugin that cannot be loaded is left out here, so that one broken install does not
        stop every other input from being read; asking for it by name raises its error, and
        :meth:`available` lists it as broken.
        """
        for name in self._sniff_order():
            try:
                yield self.get(name)
            except FormatError:
                continue

    def _sniff_order(self) -> list[str]:
        builtins = [name for name in _BUILTINS if _installed(name)]
        plugins = sorted(set(self._entry_points()) - set(_BUILTINS))
        registered = [name for name in self._registered if name not in builtins + plugins]
        return builtins + plugins + registered

    def detect(self, sample: Sample) -> Parser:
        """Return the parser that scores ``sample`` highest; ties go to the earlier one.

        Raises:
            FormatError: no parser recognises the input.
        """
        best: Parser | None = None
        best_score = 0.0
        for parser in self.parsers():
            score = float(parser.sniff(sample))
            if score > best_score:
                best, best_score = parser, score
        if best is None:
            raise FormatError(sample.name or "<input>", "no parser recognises this input")
        return best

    def available(self) -> list[ParserInfo]:
        """Return the name and description of every parser, sorted by name.

        A plugin that cannot be loaded is listed with the reason instead of a description.
        """
        infos = []
        for name in self.names():
            if name in _BUILTINS and name not in self._registered:
                infos.append(ParserInfo(name, _BUILTINS[name][2]))
                continue
            try:
                description = self.get(name).description
            except FormatError as exc:
                description = f"(broken) {exc.problem}"
            infos.append(ParserInfo(name, description))
        return infos


def _installed(name: str) -> bool:
    needed = _NEEDS.get(name)
    return needed is None or importlib.util.find_spec(needed) is not None


def _as_parser(target: object, name: str) -> Parser:
    """Accept a parser object, or a class or factory that makes one with no arguments."""
    candidate = target
    # A class has its methods as attributes, so it would pass the protocol check itself.
    if isinstance(candidate, type) or (not isinstance(candidate, Parser) and callable(candidate)):
        factory: Callable[[], object] = candidate
        try:
            candidate = factory()
        except Exception as exc:  # a plugin's factory may fail in any way at all
            raise FormatError(
                f"plugin {name!r}", f"cannot create the parser: {type(exc).__name__}: {exc}"
            ) from exc
    if not isinstance(candidate, Parser):
        raise FormatError(
            f"plugin {name!r}",
            f"{target!r} is not a parser (needs name, description, sniff, parse)",
        )
    return candidate
