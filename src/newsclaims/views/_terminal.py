"""The terminal view: the article with sources, cues and contents coloured, then tables.

Rendered with `rich <https://rich.readthedocs.io>`_ when it is installed (the ``view``
extra); :func:`render_plain` needs nothing and suits pipes.
"""

from __future__ import annotations

import importlib
import io
from typing import Any, Final

from newsclaims.model import Report, Statement

__all__ = ["STYLES", "has_rich", "render_plain", "render_rich"]

#: The rich style of each role in the article text.
STYLES: Final = {"source": "bold cyan", "cue": "bold yellow", "content": "green"}

_CLIP: Final = 70


def has_rich() -> bool:
    """Say whether rich is installed, without importing it."""
    import importlib.util  # noqa: PLC0415 -- only needed here

    return importlib.util.find_spec("rich") is not None


def _rich(module: str) -> Any:
    # Imported by name: rich is optional (the ``view`` extra), slow to import, and may be
    # absent where the type checker runs.
    return importlib.import_module(f"rich.{module}")


def _count(n: int, singular: str, plural: str | None = None) -> str:
    """Say how many: ``1 mention``, ``2 mentions``, ``0 entities`` (with ``plural`` given).

    >>> _count(1, "mention"), _count(2, "mention"), _count(0, "entity", "entities")
    ('1 mention', '2 mentions', '0 entities')
    """
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def _clip(text: str, width: int = _CLIP) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _title(report: Report) -> str:
    if report.structure.headline is not None:
        return _clip(report.text_of(report.structure.headline), 90)
    return report.metadata.origin or "(untitled report)"


def _confidence(statement: Statement) -> tuple[str, str]:
    confidence = statement.confidence
    if confidence is None:
        return "", ""
    certainty = confidence.certainty.value
    if confidence.likelihood is not None:
        low, high = confidence.likelihood.range
        certainty += f" ({low:.0%}-{high:.0%})"
    return certainty, confidence.polarity.value


def _row(report: Report, statement: Statement) -> list[str]:
    certainty, polarity = _confidence(statement)
    return [
        statement.id,
        _clip(report.text_of(statement.source.mentions) or "—", 30),
        statement.source.kind.value,
        _clip(report.text_of(statement.cue.spans) or "(quotes)", 20),
        _clip(report.text_of(statement.content)),
        statement.form.value,
        certainty,
        polarity,
        statement.nested_in or "",
    ]


_HEADERS: Final = (
    "id",
    "source",
    "kind",
    "cue",
    "content",
    "form",
    "certainty",
    "polarity",
    "in",
)


def render_plain(report: Report) -> str:
    """Return a plain-text view: a statements table and an entity list, no colour.

    >>> from newsclaims import Cue, Report, Source, SourceKind, Span, Statement
    >>> report = Report("Iran denied it.", statements=[Statement(
    ...     "S1", Source([Span(0, 4)], SourceKind.NAMED), Cue([Span(5, 11)], "deny"),
    ...     [Span(12, 14)])])
    >>> print(render_plain(report))  # doctest: +NORMALIZE_WHITESPACE
    (untitled report)
    1 statement, 0 entities
    <BLANKLINE>
    id  source  kind   cue     content  form      certainty  polarity  in
    S1  Iran    named  denied  it       indirect
    """
    statements = _count(len(report.statements), "statement")
    lines = [_title(report), f"{statements}, {_count(len(report.entities), 'entity', 'entities')}"]
    if report.statements:
        rows = [list(_HEADERS)] + [_row(report, s) for s in report.statements]
        widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADERS))]
        lines.append("")
        lines.extend(
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in rows
        )
    if report.entities:
        lines += ["", "entities:"]
        lines.extend(
            f"  {e.id}  {e.name} ({e.kind.value}, {_count(len(e.mentions), 'mention')})"
            for e in report.entities
        )
    return "\n".join(lines)


def _rich_row(report: Report, statement: Statement) -> list[str]:
    """A statement in four narrow columns: kind under the source, labels together."""
    cells = _row(report, statement)
    source = f"{report.text_of(statement.source.mentions) or '—'}\n({cells[2]})"
    certainty, polarity = _confidence(statement)
    reading = [statement.form.value]
    if certainty:
        reading.append(f"{certainty} · {polarity}")
    if statement.nested_in:
        reading.append(f"in {statement.nested_in}")
    content = report.text_of(statement.content)
    return [statement.id, source, cells[3], content, "\n".join(reading)]


def _console(width: int, *, color: bool) -> Any:
    return _rich("console").Console(
        file=io.StringIO(),
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
    )


def render_rich(report: Report, *, width: int = 100, color: bool = True) -> str:
    """Return the rich view of ``report`` as text (with ANSI colours when ``color``).

    Raises:
        ModuleNotFoundError: rich is not installed (``pip install 'newsclaims[view]'``).
    """
    table_type, text_type = _rich("table").Table, _rich("text").Text

    console = _console(width, color=color)
    console.rule(_title(report))
    article = text_type(report.text)
    for role in ("content", "source", "cue"):  # later roles win where spans overlap
        for statement in report.statements:
            spans = {
                "source": statement.source.mentions,
                "cue": statement.cue.spans,
                "content": statement.content,
            }[role]
            for span in spans:
                article.stylize(STYLES[role], span.start, span.end)
    console.print(article)
    legend = text_type.assemble(
        ("source", STYLES["source"]),
        "  ",
        ("cue", STYLES["cue"]),
        "  ",
        ("content", STYLES["content"]),
    )
    console.print(legend)
    if report.statements:
        table = table_type(title=_count(len(report.statements), "statement"), expand=True)
        table.add_column("id", no_wrap=True)
        table.add_column("source", ratio=3)
        table.add_column("cue", ratio=2, overflow="fold")
        table.add_column("content", ratio=6)
        table.add_column("reading", ratio=2)
        for statement in report.statements:
            table.add_row(*_rich_row(report, statement))
        console.print(table)
    if report.entities:
        entities = table_type(title=_count(len(report.entities), "entity", "entities"))
        for header in ("id", "name", "kind", "mentions"):
            entities.add_column(header)
        for e in report.entities:
            entities.add_row(e.id, e.name, e.kind.value, str(len(e.mentions)))
        console.print(entities)
    output = console.file
    assert isinstance(output, io.StringIO)  # noqa: S101 -- we made it so, for mypy
    return output.getvalue()
