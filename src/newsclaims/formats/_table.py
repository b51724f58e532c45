"""One row per statement: :func:`to_rows` for Python, CSV for files, a DataFrame for pandas.

Columns (all strings, empty where the report has nothing to say):

======================  =====================================================================
``article``             where the report came from (``metadata.origin``, else its URL)
``statement``           the statement id
``source``              the source's words (several mentions joined with `` … ``)
``source_kind``         named / anonymous / unspecified
``source_entity``       the canonical name of the source's entity
``cue``, ``lemma``      the cue's words and lemma
``stance``              neutral / endorsing / distancing / negating
``content``             the content's words (discontinuous parts joined with `` … ``)
``form``                direct / indirect / mixed
``certainty``           certain / probable / possible / unknown
``polarity``            positive / negative / unknown
``likelihood``          the ICD 203 term, and ``probability_low`` / ``probability_high``
``nested_in``           the id of the statement this one is nested in
``*_offsets``           ``start-end`` pairs joined with ``;`` for source, cue and content
======================  =====================================================================
"""

from __future__ import annotations

import csv
import importlib
import io
from collections.abc import Iterable, Iterator
from typing import Any, Final

from newsclaims.model import Report, Span, Statement

__all__ = ["COLUMNS", "CSV_HEADER", "dumps_csv", "dumps_csv_rows", "to_dataframe", "to_rows"]

#: The columns of :func:`to_rows`, in order.
COLUMNS: Final = (
    "article",
    "statement",
    "source",
    "source_kind",
    "source_entity",
    "cue",
    "lemma",
    "stance",
    "content",
    "form",
    "certainty",
    "polarity",
    "likelihood",
    "probability_low",
    "probability_high",
    "nested_in",
    "source_offsets",
    "cue_offsets",
    "content_offsets",
)


def _offsets(spans: tuple[Span, ...]) -> str:
    return ";".join(f"{s.start}-{s.end}" for s in spans)


def _row(report: Report, article: str, statement: Statement) -> dict[str, str]:
    source, cue, confidence = statement.source, statement.cue, statement.confidence
    entity = "; ".join(report.entity(ref).name for ref in source.entity_ids)
    likelihood = confidence.likelihood if confidence is not None else None
    low, high = likelihood.range if likelihood is not None else ("", "")
    return {
        "article": article,
        "statement": statement.id,
        "source": report.text_of(source.mentions),
        "source_kind": source.kind.value,
        "source_entity": entity,
        "cue": report.text_of(cue.spans),
        "lemma": cue.lemma,
        "stance": cue.stance.value,
        "content": report.text_of(statement.content),
        "form": statement.form.value,
        "certainty": confidence.certainty.value if confidence is not None else "",
        "polarity": confidence.polarity.value if confidence is not None else "",
        "likelihood": likelihood.value if likelihood is not None else "",
        "probability_low": str(low),
        "probability_high": str(high),
        "nested_in": statement.nested_in or "",
        "source_offsets": _offsets(source.mentions),
        "cue_offsets": _offsets(cue.spans),
        "content_offsets": _offsets(statement.content),
    }


def to_rows(reports: Report | Iterable[Report]) -> Iterator[dict[str, str]]:
    """Yield one dict per statement, with the keys of :data:`COLUMNS`, report after report.

    >>> from newsclaims import Cue, Report, Source, SourceKind, Span, Statement
    >>> report = Report("Iran denied it.", statements=[Statement(
    ...     "S1", Source([Span(0, 4)], SourceKind.NAMED), Cue([Span(5, 11)], "deny"),
    ...     [Span(12, 14)])])
    >>> row = next(to_rows(report))
    >>> row["source"], row["cue"], row["content"], row["content_offsets"]
    ('Iran', 'denied', 'it', '12-14')
    """
    for report in [reports] if isinstance(reports, Report) else reports:
        meta = report.metadata
        article = meta.origin or meta.url or ""
        for statement in report.statements:
            yield _row(report, article, statement)


def to_dataframe(reports: Report | Iterable[Report]) -> Any:
    """Return a ``pandas.DataFrame`` of :func:`to_rows`, one row per statement.

    Raises:
        ModuleNotFoundError: pandas is not installed.
    """
    # Imported by name: pandas is optional, heavy to import, and untyped without its stubs.
    pd = importlib.import_module("pandas")
    return pd.DataFrame(list(to_rows(reports)), columns=list(COLUMNS))


def _csv_text(rows: Iterable[Iterable[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(rows)
    return out.getvalue()


#: The CSV header line.
CSV_HEADER: Final = _csv_text([COLUMNS])


def dumps_csv_rows(report: Report) -> str:
    """Return the CSV rows of ``report``'s statements, without the header."""
    return _csv_text([row[c] for c in COLUMNS] for row in to_rows(report))


def dumps_csv(reports: Report | Iterable[Report]) -> str:
    """Return a CSV table (header, then one row per statement) of ``reports``.

    >>> from newsclaims import Report
    >>> dumps_csv(Report("No claims here.")).split(",")[:3]
    ['article', 'statement', 'source']
    """
    return CSV_HEADER + "".join(
        dumps_csv_rows(r) for r in ([reports] if isinstance(reports, Report) else reports)
    )
