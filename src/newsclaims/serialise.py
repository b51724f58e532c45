"""The newsclaims JSON format: the one converter, its hooks, the version, reading and writing.

A document is a JSON object with ``"schema": "newsclaims/1"`` followed by the fields of
:class:`~newsclaims.model.Report`. Spans are ``[start, end]`` pairs; enums are their
lower-case values; times are ISO 8601 with an offset. Output is deterministic, byte for byte.

>>> from newsclaims import Report, dumps, loads
>>> text = dumps(Report("Iran has denied involvement."))
>>> text[:62]
'{"schema":"newsclaims/1","text":"Iran has denied involvement."'
>>> loads(text) == Report("Iran has denied involvement.")
True
"""

from __future__ import annotations

import enum
import json
import os
import types
import typing
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Final

import cattrs
import orjson
from cattrs.errors import ClassValidationError, IterableValidationError

from newsclaims import model
from newsclaims._files import write_atomically
from newsclaims.errors import FormatError, ValidationError
from newsclaims.model import Report, Span

__all__ = [
    "SCHEMA",
    "configure_converter",
    "converter",
    "dump",
    "dump_lines",
    "dumps",
    "iter_lines",
    "load",
    "loads",
    "make_converter",
    "structure_report",
    "unstructure_report",
]

#: The format version every document carries. Readers upgrade older versions; newer ones
#: are refused with a clear error.
SCHEMA: Final = "newsclaims/1"
_FAMILY: Final = "newsclaims/"
_VERSION: Final = 1


# --------------------------------------------------------------------------- converter


def _strict(kind: type, name: str) -> Any:
    """Structure hook that accepts exactly ``kind``: cattrs would otherwise coerce 12 -> "12"."""

    def structure(value: object, _type: object) -> object:
        if type(value) is kind or (kind is float and type(value) is int):
            return value
        raise ValidationError("", f"{value!r} is not {name}", value)

    return structure


def _structure_span(value: object, _type: object) -> Span:
    if isinstance(value, list) and len(value) == 2:
        start, end = value
        if type(start) is int and type(end) is int:
            return Span(start, end)
    raise ValidationError("", f"{value!r} is not a span [start, end] of two integers", value)


def _unstructure_span(span: Span) -> list[int]:
    return [span.start, span.end]


def _is_spans(tp: object) -> bool:
    return tp == tuple[Span, ...]


def _is_homogeneous_tuple(tp: object) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_optional(tp: object) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and (
        len(args) == 2 and type(None) in args
    )


# Tuples and optional values are most of a document's values: the seed report holds 164 spans
# in 140 tuples, and 200 optional fields. cattrs' generic hooks look the item's hook up on
# every call and, structuring a tuple, enter an error-collecting ``try`` per item. These
# factories look the hook up once, when cattrs builds the hooks (again after any hook is
# registered, so a user's hook for an item type still applies), and structure a whole tuple
# in one comprehension: ``loads`` of the seed report went from 509 to 485 µs. On any failure
# the tuple is read again by cattrs' own loop, whose error names the index of the bad item.


def _tuple_structure_factory(tp: Any, conv: cattrs.Converter) -> Any:
    item_type = typing.get_args(tp)[0]
    hook = conv.get_structure_hook(item_type)
    detailed = conv._structure_tuple  # cattrs' default for tuple[X, ...] (private, stable)

    def structure(value: object, _type: object) -> tuple[Any, ...]:
        # JSON arrays only: a string is iterable, and "aliases": "US" must not become ("U", "S").
        if not isinstance(value, list | tuple):
            raise ValidationError("", f"expected an array, found {_json_type(value)}", value)
        try:
            return tuple([hook(item, item_type) for item in value])
        except Exception:  # any failure: raised again below, naming the index
            return detailed(value, tp)

    return structure


def _optional_structure_factory(tp: Any, conv: cattrs.Converter) -> Any:
    first, second = typing.get_args(tp)
    other = second if first is type(None) else first
    hook = conv.get_structure_hook(other)
    return lambda value, _type: None if value is None else hook(value, other)


def _spans_unstructure_factory(_tp: object, conv: cattrs.Converter) -> Any:
    hook = conv.get_unstructure_hook(Span)
    if hook is not _unstructure_span:
        return lambda spans: [hook(span) for span in spans]
    return lambda spans: [[span.start, span.end] for span in spans]


def _structure_datetime(value: object, _type: object) -> datetime:
    if not isinstance(value, str):
        raise ValidationError("", f"{value!r} is not an ISO 8601 time", value)
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError("", f"{value!r} is not an ISO 8601 time", value) from None


_MODEL_ENUMS: Final = tuple(
    value
    for value in vars(model).values()
    if isinstance(value, type)
    and issubclass(value, enum.Enum)
    and value.__module__ == model.__name__
)


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    try:
        # The value map is what cls(value) consults, without EnumType.__call__ on the way:
        # 0.05 µs instead of 0.2 µs, for some 170 enum values in the seed report.
        return cls._value2member_map_[value]
    except (KeyError, TypeError):
        pass
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in cls)
        raise ValidationError("", f"{value!r} is not a {cls.__name__} ({allowed})", value) from None


def configure_converter(conv: cattrs.Converter) -> None:
    """Register every newsclaims hook on ``conv``; the one place hooks are registered.

    Use it to build a converter of your own that still reads and writes newsclaims
    documents, then register hooks for your own subclasses on top:

    >>> import cattrs
    >>> mine = cattrs.Converter(forbid_extra_keys=True)
    >>> configure_converter(mine)
    >>> mine.unstructure(Span(1, 4))
    [1, 4]
    """
    conv.register_unstructure_hook(Span, _unstructure_span)
    conv.register_structure_hook(Span, _structure_span)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_structure_factory)
    conv.register_structure_hook_factory(_is_optional, _optional_structure_factory)
    conv.register_unstructure_hook_factory(_is_spans, _spans_unstructure_factory)
    conv.register_unstructure_hook(datetime, datetime.isoformat)
    conv.register_structure_hook(datetime, _structure_datetime)
    for kind, name in (
        (str, "a string"),
        (int, "an integer"),
        (bool, "true or false"),
        (float, "a number"),
    ):
        conv.register_structure_hook(kind, _strict(kind, name))
    # Our enums subclass str, so the str hook above would take them: name each one.
    for enum_class in _MODEL_ENUMS:
        conv.register_structure_hook(enum_class, _structure_enum)


def make_converter() -> cattrs.Converter:
    """Return a new converter configured for newsclaims documents.

    >>> make_converter().structure([3, 9], Span)
    Span(start=3, end=9)
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(conv)
    return conv


#: The public converter. Register hooks for your own subclasses on it.
converter: Final = make_converter()


# --------------------------------------------------------------------------- documents


def unstructure_report(report: Report) -> dict[str, Any]:
    """Return the JSON-ready document for ``report``, with its ``"schema"`` first.

    >>> unstructure_report(Report("Hi."))["schema"]
    'newsclaims/1'
    """
    doc: dict[str, Any] = {"schema": SCHEMA}
    doc.update(converter.unstructure(report))
    return doc


def structure_report(doc: object, *, source: str = "<document>") -> Report:
    """Build a :class:`Report` from a parsed JSON document, upgrading older versions.

    Raises:
        FormatError: the document is not a valid newsclaims document; the message names
            ``source``, the place in the document and the problem.
    """
    if not isinstance(doc, dict):
        raise FormatError(source, f"expected a JSON object, found {_json_type(doc)}")
    version = doc.get("schema")
    if version is None:
        raise FormatError(source, f"no 'schema' key: not a newsclaims document ({SCHEMA})")
    body = _upgrade(doc, version, source)
    try:
        return converter.structure(body, Report)
    except ValidationError as exc:
        raise FormatError(source, exc.problem, path=exc.path) from exc
    except (ClassValidationError, IterableValidationError) as exc:
        path, problem = _first_problem(exc)
        raise FormatError(source, problem, path=path) from exc


def _upgrade(doc: dict[str, Any], version: object, source: str) -> dict[str, Any]:
    """Return the document body in the current version, without its ``schema`` key."""
    if not isinstance(version, str) or not version.startswith(_FAMILY):
        raise FormatError(source, f"unknown schema {version!r}; expected {SCHEMA!r}", path="schema")
    number = version.removeprefix(_FAMILY)
    if not number.isdigit():
        raise FormatError(source, f"unknown schema {version!r}; expected {SCHEMA!r}", path="schema")
    if int(number) > _VERSION:
        raise FormatError(
            source,
            f"{version!r} is newer than this newsclaims reads ({SCHEMA}); upgrade newsclaims",
            path="schema",
        )
    # Version 1 is the first: there is nothing older to upgrade yet. An upgrade step per
    # version goes here, each turning version n into n + 1.
    return {key: value for key, value in doc.items() if key != "schema"}


def _first_problem(exc: BaseException, path: str = "") -> tuple[str, str]:  # noqa: PLR0911 -- one return per kind of leaf reads best
    """Walk a cattrs exception group to its first leaf; return (path, problem)."""
    if isinstance(exc, ClassValidationError):
        with_notes, others = exc.group_exceptions()
        for sub, note in with_notes:
            return _first_problem(sub, _join(path, note.name))
        for sub in others:
            return _first_problem(sub, path)
    if isinstance(exc, IterableValidationError):
        with_notes_i, others_i = exc.group_exceptions()
        for sub, inote in with_notes_i:
            return _first_problem(sub, f"{path}[{inote.index}]")
        for sub in others_i:
            return _first_problem(sub, path)
    if isinstance(exc, ValidationError):
        return _join(path, exc.path), exc.problem
    if isinstance(exc, KeyError):
        return path, "is required but missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        keys = ", ".join(repr(k) for k in sorted(exc.extra_fields))
        return path, f"unknown key {keys}"
    return path, str(exc) or type(exc).__name__


def _join(prefix: str, name: str) -> str:
    if not prefix:
        return name
    if not name:
        return prefix
    return prefix + name if name.startswith("[") else f"{prefix}.{name}"


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


# --------------------------------------------------------------------------- text and files


def dumps(report: Report, *, indent: int | None = None) -> str:
    """Return the JSON text of ``report``: deterministic, byte for byte.

    Args:
        report: the report to write.
        indent: spaces per level for a human-readable document; compact when ``None``.

    Raises:
        FormatError: a string in the report cannot be written as UTF-8 (a lone surrogate in
            an entity's name, say); the message names its place.
    """
    doc = unstructure_report(report)
    try:
        # orjson writes the compact form 8x faster than the standard library's encoder (11 µs
        # against 96 µs on the seed report) and the same bytes: UTF-8, no spaces, keys in
        # insertion order, the same escapes (properties in tests/test_serialise.py hold them equal).
        compact = orjson.dumps(doc)
    except TypeError:
        raise _unwritable(doc) from None
    if indent is None:
        return compact.decode("utf-8")
    return json.dumps(doc, ensure_ascii=False, indent=indent, separators=(",", ": "))


def _unwritable(doc: object) -> FormatError:
    """The error for a document orjson refused: name the first string UTF-8 cannot hold."""
    for path, value in _strings(doc, ""):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            code = ord(value[exc.start])
            return FormatError(
                "<report>",
                f"not valid Unicode: a lone surrogate (U+{code:04X}) at character {exc.start}",
                path=path,
            )
    return FormatError("<report>", "cannot be written as JSON")


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, _join(path, str(key)))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def loads(text: str | bytes, *, source: str = "<string>") -> Report:
    """Read a report from newsclaims JSON text.

    Args:
        text: the JSON document (``bytes`` are decoded as UTF-8).
        source: a name for the input, used in error messages.

    Raises:
        FormatError: the text is not a valid newsclaims document.

    >>> loads('{"schema": "newsclaims/1", "text": 42}')
    Traceback (most recent call last):
    ...
    newsclaims.errors.FormatError: <string>: text: 42 is not a string
    """
    return structure_report(_parse_json(text, source), source=source)


def _parse_json(text: str | bytes, source: str, line: int | None = None) -> object:
    # orjson reads a document about twice as fast as the standard library (39 µs against 74 µs
    # on the seed report). Anything it refuses is read again by the standard library, whose
    # answer (a value, or an error with its place) is the one given: the two accept the same
    # JSON documents, so the common case is fast and every error message stays as it was.
    # One difference is left: orjson reads an integer beyond 64 bits as a float. No offset is
    # that large, and the strict hooks refuse it either way, naming its place.
    try:
        return orjson.loads(text[3:] if text[:3] == _BOM_BYTES else text)
    except orjson.JSONDecodeError:
        pass
    where = source if line is None else f"{source}: line {line}"
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FormatError(where, f"not UTF-8 at byte {exc.start}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        message = exc.msg.removesuffix(" at")  # "Unterminated string starting at" reads twice
        raise FormatError(
            where, f"not JSON: {message} at line {exc.lineno} column {exc.colno}"
        ) from exc
    except RecursionError as exc:
        raise FormatError(where, "not JSON we can read: nested too deeply") from exc


_BOM_BYTES: Final = b"\xef\xbb\xbf"


def _name_of(target: object) -> str:
    if isinstance(target, str | os.PathLike):
        return os.fspath(target)
    return str(getattr(target, "name", "<stream>"))


def dump(
    report: Report, target: str | os.PathLike[str] | IO[str], *, indent: int | None = 1
) -> None:
    """Write ``report`` as a JSON document to a path or an open text file.

    A path is written atomically: a reader never sees half a file.
    """
    text = dumps(report, indent=indent) + "\n"
    if isinstance(target, str | os.PathLike):
        write_atomically(Path(target), text)
    else:
        target.write(text)


def load(target: str | os.PathLike[str] | IO[str] | IO[bytes]) -> Report:
    """Read a report from a JSON document at a path or in an open file.

    Raises:
        FormatError: the file is not a valid newsclaims document.
        OSError: the file cannot be read.
    """
    source = _name_of(target)
    if isinstance(target, str | os.PathLike):
        data: str | bytes = Path(target).read_bytes()
    else:
        data = target.read()
    return loads(data, source=source)


def dump_lines(reports: Iterable[Report], target: IO[str]) -> int:
    """Write reports as JSON Lines, one compact document per line; return how many.

    >>> import io
    >>> out = io.StringIO()
    >>> dump_lines([Report("One."), Report("Two.")], out)
    2
    """
    count = 0
    for report in reports:
        target.write(dumps(report))
        target.write("\n")
        count += 1
    return count


def iter_lines(target: str | os.PathLike[str] | IO[str] | IO[bytes]) -> Iterator[Report]:
    """Yield reports from JSON Lines, one at a time; blank lines are skipped.

    Raises:
        FormatError: a line is not a valid newsclaims document; the message names the line.
    """
    source = _name_of(target)
    if isinstance(target, str | os.PathLike):
        # Binary lines: a bad byte is reported with its line number by _parse_json, and only
        # LF (CRLF) ends a line, as JSON Lines says: U+2028 inside a string stays inside it.
        with Path(target).open("rb") as handle:
            yield from _iter_handle(handle, source)
    else:
        yield from _iter_handle(target, source)


def _iter_handle(handle: Iterable[str | bytes], source: str) -> Iterator[Report]:
    for number, line in enumerate(handle, 1):
        if line.strip():
            yield structure_report(
                _parse_json(line, source, number), source=f"{source}: line {number}"
            )
