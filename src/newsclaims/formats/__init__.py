"""Writers: turn reports into the formats users already work with.

Each writer has a ``name``, a file ``suffix``, a ``description`` and ``dumps(report) -> str``
(and a ``header`` for tables). Look one up with :func:`get_writer`, list them with
:func:`available`, add one with :func:`register_writer` or the ``newsclaims.formats``
entry-point group.

Built in: ``json`` and ``jsonl`` (the newsclaims format), ``brat`` (standoff), ``citron``
(BBC R&D Citron quote JSON, read back by :func:`parse_citron`), ``jsonld`` (schema.org) and
``csv`` (one row per statement, as :func:`to_rows` gives them).

>>> from newsclaims import Report
>>> get_writer("jsonl").dumps(Report("Hi."))[:25]
'{"schema":"newsclaims/1",'
"""

from __future__ import annotations

from newsclaims.formats._brat import ENTITY_LABELS, dumps_brat
from newsclaims.formats._citron import dumps_citron, parse_citron
from newsclaims.formats._jsonld import SCHEMA_ORG_TYPES, dumps_jsonld, to_jsonld
from newsclaims.formats._registry import (
    ENTRY_POINT_GROUP,
    Writer,
    available,
    get_writer,
    register_writer,
)
from newsclaims.formats._table import COLUMNS, dumps_csv, to_dataframe, to_rows

__all__ = [
    "COLUMNS",
    "ENTITY_LABELS",
    "ENTRY_POINT_GROUP",
    "SCHEMA_ORG_TYPES",
    "Writer",
    "available",
    "dumps_brat",
    "dumps_citron",
    "dumps_csv",
    "dumps_jsonld",
    "get_writer",
    "parse_citron",
    "register_writer",
    "to_dataframe",
    "to_jsonld",
    "to_rows",
]
