"""The JSON Schema of the newsclaims format, generated from the model classes.

Generating it from the attrs classes keeps the schema and the model from drifting apart: a
field added to the model appears in the schema in the same change. Non-Python consumers can
validate documents with any JSON Schema (2020-12) validator.

>>> json_schema().get("properties", {}).get("schema")
{'const': 'newsclaims/1'}
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from datetime import datetime
from typing import Any

import attrs

from newsclaims.model import Report, Span
from newsclaims.serialise import SCHEMA

__all__ = ["json_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


@functools.cache
def _schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = dict(_class_schema(Report, defs))
    root["properties"] = {"schema": {"const": SCHEMA}, **root["properties"]}
    root["required"] = ["schema", *root["required"]]
    return {
        "$schema": _DIALECT,
        "$id": "https://newsclaims.readthedocs.io/schema/newsclaims-1.json",
        "title": "newsclaims document",
        "description": "One news article with its attributed statements and entities.",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a newsclaims document.

    The result is a fresh copy: change it freely.
    """
    import copy  # noqa: PLC0415 -- only this rarely used function needs it

    return copy.deepcopy(_schema())


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        properties[field.name] = _type_schema(hints[field.name], defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if cls.__doc__:
        schema["description"] = cls.__doc__.strip().split("\n", 1)[0]
    return schema


def _ref(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    name = cls.__name__
    if name not in defs:
        defs[name] = {}  # reserve the name first: a class may refer to itself
        if cls is Span:
            defs[name] = {
                "description": "Half-open character offsets [start, end) into the text.",
                "type": "array",
                "prefixItems": [
                    {"type": "integer", "minimum": 0},
                    {"type": "integer", "minimum": 0},
                ],
                "minItems": 2,
                "maxItems": 2,
            }
        elif issubclass(cls, enum.Enum):
            defs[name] = {
                "description": (cls.__doc__ or name).strip().split("\n", 1)[0],
                "enum": [member.value for member in cls],
            }
        else:
            defs[name] = _class_schema(cls, defs)
    return {"$ref": f"#/$defs/{name}"}


def _type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(arg, defs) for arg in args if arg is not type(None)]
        if type(None) in args:
            options.append({"type": "null"})
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    simple = {str: "string", int: "integer", bool: "boolean", float: "number"}
    if hint in simple:
        return {"type": simple[hint]}
    if hint is datetime:
        return {"type": "string", "format": "date-time"}
    if isinstance(hint, type) and (attrs.has(hint) or issubclass(hint, enum.Enum)):
        return _ref(hint, defs)
    raise TypeError(f"no JSON Schema for {hint!r}")  # a model change this module must learn
