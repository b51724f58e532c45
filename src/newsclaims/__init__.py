"""newsclaims: turn news articles into typed, checkable records of who claims what.

>>> import newsclaims
>>> report = newsclaims.read('"We will respond," Smith said.')
>>> [(report.text_of(s.source.mentions), s.form.value) for s in report.statements]
[('Smith', 'direct')]
"""

from newsclaims import parsers
from newsclaims._api import extract, parse, read
from newsclaims._version import __version__
from newsclaims.errors import FormatError, NewsclaimsError, ValidationError
from newsclaims.formats import to_dataframe, to_rows
from newsclaims.model import (
    Attribute,
    AttributeKind,
    Caption,
    Certainty,
    Confidence,
    Credibility,
    Cue,
    CueKind,
    Entity,
    EntityKind,
    Evidence,
    EvidenceKind,
    Form,
    Grading,
    Likelihood,
    Metadata,
    Polarity,
    Reliability,
    Report,
    Source,
    SourceKind,
    Span,
    Stance,
    Statement,
    Structure,
)
from newsclaims.schema import json_schema
from newsclaims.serialise import (
    SCHEMA,
    converter,
    dump,
    dump_lines,
    dumps,
    iter_lines,
    load,
    loads,
)

__all__ = [
    "SCHEMA",
    "Attribute",
    "AttributeKind",
    "Caption",
    "Certainty",
    "Confidence",
    "Credibility",
    "Cue",
    "CueKind",
    "Entity",
    "EntityKind",
    "Evidence",
    "EvidenceKind",
    "Form",
    "FormatError",
    "Grading",
    "Likelihood",
    "Metadata",
    "NewsclaimsError",
    "Polarity",
    "Reliability",
    "Report",
    "Source",
    "SourceKind",
    "Span",
    "Stance",
    "Statement",
    "Structure",
    "ValidationError",
    "__version__",
    "converter",
    "dump",
    "dump_lines",
    "dumps",
    "extract",
    "iter_lines",
    "json_schema",
    "load",
    "loads",
    "parse",
    "parsers",
    "read",
    "to_dataframe",
    "to_rows",
]
