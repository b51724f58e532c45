"""Reading gold and predicted attributions: brat standoff, newsclaims JSON, scorer JSON Lines.

A corpus is a mapping from article name (a file stem) to an :class:`Article`. What a path
holds is recognised from its shape:

- a folder with ``text/`` (and ``attributions/``): the PolNeAR layout, ``text/STEM.txt``
  with ``attributions/STEM_ANNOTATOR.ann`` (the first by name) or ``attributions/STEM.ann``;
- any other folder: ``STEM.ann`` (with ``STEM.txt`` beside it when there is one),
  ``STEM.json`` newsclaims documents and ``*.jsonl`` files;
- a ``.jsonl`` file: newsclaims JSON Lines (named by each report's origin), or the shared
  scorer's ``{"doc": STEM, "attributions": [...]}`` lines;
- a ``.json`` file: one newsclaims document; a ``.ann`` file: one brat document.

Every file is measured before it is read: one longer than ``max_chars`` bytes (a JSON Lines
line, for JSON Lines) is refused, as parsers refuse an over-long input
(:data:`~newsclaims.parsers.DEFAULT_MAX_CHARS` unless told otherwise).
"""

from __future__ import annotations

import glob
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from newsclaims.errors import FormatError, ValidationError
from newsclaims.evaluation._metrics import Attribution
from newsclaims.model import Report, Span
from newsclaims.parsers import DEFAULT_MAX_CHARS
from newsclaims.serialise import loads, structure_report

__all__ = ["Article", "attributions_of", "load_corpus", "read_ann"]

_ROLE_NUMBER = re.compile(r"\d+$")


@attrs.frozen
class Article:
    """One article's attributions, with its text where the corpus has it.

    ``attributions`` is ``None`` for an article that has text but no annotation file: it is
    counted but not scored.
    """

    name: str
    text: str | None
    attributions: tuple[Attribution, ...] | None


def _spans(offsets: str, origin: str, number: int) -> tuple[Span, ...]:
    out = []
    for part in offsets.split(";"):
        pieces = part.split()
        try:
            start, end = (int(p) for p in pieces)
            out.append(Span(start, end))
        except (ValueError, ValidationError) as exc:
            raise FormatError(
                origin, f"{offsets!r} are not brat offsets", path=f"line {number}"
            ) from exc
    return tuple(out)


def read_ann(text: str, *, origin: str = "<ann>") -> tuple[Attribution, ...]:
    r"""Read the attributions of a brat standoff document, in the order of their events.

    Events whose trigger type starts with ``Attribution`` count; their ``Source``, ``Cue``
    and ``Content`` arguments (numbered ones too: ``Source2``) give the spans, and
    ``Certainty`` / ``Polarity`` attributes on the event give its confidence.

    Raises:
        FormatError: a text-bound line has offsets that are not integers.

    >>> ann = "T1\tSource 0 4\tIran\nT2\tContent 12 14\tit\n"
    >>> ann += "E1\tAttribution:T1 Source:T1 Content:T2\nA1\tPolarity E1 negative\n"
    >>> read_ann(ann)[0].polarity
    'negative'
    """
    bound: dict[str, tuple[Span, ...]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    labels: dict[str, dict[str, str]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        columns = line.split("\t")
        tag = columns[0]
        if len(columns) < 2 or not tag:
            continue
        body = columns[1]
        if tag[0] == "T":
            _, _, offsets = body.partition(" ")
            bound[tag] = _spans(offsets, origin, number)
        elif tag[0] == "E":
            trigger, *arguments = body.split() or [""]
            if trigger.startswith("Attribution"):
                pairs = [arg.partition(":") for arg in arguments]
                events.append((tag, [(role, ref) for role, _, ref in pairs]))
        elif tag[0] == "A":
            name, event, *value = [*body.split(), "", ""]
            if name in ("Certainty", "Polarity") and value[0]:
                labels.setdefault(event, {})[name.lower()] = value[0]
    out = []
    for tag, event_arguments in events:
        roles: dict[str, list[Span]] = {"source": [], "cue": [], "content": []}
        for role, ref in event_arguments:
            base = _ROLE_NUMBER.sub("", role).lower()
            if base in roles and ref in bound:
                roles[base].extend(bound[ref])
        label = labels.get(tag, {})
        out.append(
            Attribution(
                tuple(roles["source"]),
                tuple(roles["cue"]),
                tuple(roles["content"]),
                label.get("certainty"),
                label.get("polarity"),
            )
        )
    return tuple(out)


def attributions_of(report: Report) -> tuple[Attribution, ...]:
    """Return a report's statements as attributions, with their certainty and polarity.

    >>> attributions_of(Report("No claims."))
    ()
    """
    out = []
    for s in report.statements:
        confidence = s.confidence
        out.append(
            Attribution(
                s.source.mentions,
                s.cue.spans,
                s.content,
                confidence.certainty.value if confidence is not None else None,
                confidence.polarity.value if confidence is not None else None,
            )
        )
    return tuple(out)


def _too_long(where: str, limit: int) -> FormatError:
    return FormatError(
        where, f"longer than the limit of {limit:,} bytes (raise it with max_chars or --max-chars)"
    )


def _read_bytes(path: Path, limit: int | None) -> bytes:
    """Return the bytes of ``path``, refusing a file longer than ``limit`` before reading it."""
    if limit is not None and path.stat().st_size > limit:
        raise _too_long(str(path), limit)
    with path.open("rb") as handle:
        # No more than the limit, even from a file that grows or a FIFO (whose size is 0).
        data = handle.read() if limit is None else handle.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise _too_long(str(path), limit)
    return data


def _read_text(path: Path, limit: int | None) -> str:
    try:
        text = _read_bytes(path, limit).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(str(path), f"not UTF-8 text (byte {exc.start})") from exc
    # Universal newlines, as the shared scorer reads text: offsets index this string.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_ann(path: Path, limit: int | None) -> tuple[Attribution, ...]:
    return read_ann(_read_text(path, limit), origin=str(path))


def _from_report(name: str, report: Report) -> Article:
    return Article(name, report.text, attributions_of(report))


def _scorer_line(row: object, origin: str, number: int) -> Article:
    where = f"line {number}"
    if not isinstance(row, dict) or "doc" not in row:
        raise FormatError(
            origin, "neither a newsclaims document nor a {doc, attributions} line", path=where
        )
    items = row.get("attributions", [])
    if not isinstance(items, list):
        raise FormatError(origin, "'attributions' is not an array", path=where)
    out = []
    for i, item in enumerate(items):
        try:
            roles = {
                r: tuple(Span(int(a), int(b)) for a, b in item.get(r, []))
                for r in ("source", "cue", "content")
            }
        except (TypeError, ValueError, AttributeError) as exc:
            raise FormatError(
                origin, f"attributions[{i}] has spans that are not [start, end] pairs", path=where
            ) from exc
        out.append(Attribution(roles["source"], roles["cue"], roles["content"]))
    return Article(str(row["doc"]), None, tuple(out))


def _json_lines(handle: IO[bytes], origin: str, limit: int | None) -> Iterator[tuple[int, str]]:
    """Yield the number and text of each non-blank line, refusing one past ``limit`` bytes."""
    # A line is read a bounded piece at a time: one longer than the limit is never held whole.
    number = 0
    while line := handle.readline(-1 if limit is None else limit + 2):
        number += 1
        if limit is not None and len(line.rstrip(b"\r\n")) > limit:
            raise _too_long(f"{origin}: line {number}", limit)
        try:
            text = line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise FormatError(
                origin, f"not UTF-8 text (byte {exc.start})", path=f"line {number}"
            ) from exc
        if text.strip():
            yield number, text


def _iter_jsonl(path: Path, limit: int | None) -> Iterator[Article]:
    origin = str(path)
    # The first line decides: newsclaims JSON Lines (every line a report), or scorer lines
    # with, perhaps, reports among them.
    all_reports: bool | None = None
    with path.open("rb") as handle:
        for number, line in _json_lines(handle, origin, limit):
            try:
                row: Any = json.loads(line)
            except json.JSONDecodeError as exc:
                problem = (
                    f"not JSON Lines: {exc.msg}" if all_reports is None else f"not JSON: {exc.msg}"
                )
                raise FormatError(origin, problem, path=f"line {number}") from exc
            except RecursionError as exc:
                raise FormatError(
                    origin, "nested too deeply to read", path=f"line {number}"
                ) from exc
            is_report = isinstance(row, dict) and "schema" in row
            if all_reports is None:
                all_reports = is_report
            if all_reports:
                report = structure_report(row, source=f"{origin}: line {number}")
                named = report.metadata.origin
                yield _from_report(Path(named).stem if named else f"{path.stem}:{number}", report)
            elif is_report:
                report = structure_report(row, source=f"{origin}: line {number}")
                yield _from_report(Path(report.metadata.origin or f"{number}").stem, report)
            else:
                yield _scorer_line(row, origin, number)


def _annotation_file(folder: Path, stem: str) -> Path | None:
    annotated = sorted(folder.glob(glob.escape(stem) + "_*.ann"))
    if annotated:
        return annotated[0]
    plain = folder / f"{stem}.ann"
    return plain if plain.is_file() else None


def _iter_polnear(folder: Path, limit: int | None) -> Iterator[Article]:
    ann_dir = folder / "attributions" if (folder / "attributions").is_dir() else folder
    for text_file in sorted((folder / "text").glob("*.txt")):
        ann = _annotation_file(ann_dir, text_file.stem)
        attributions = None
        if ann is not None:
            attributions = _read_ann(ann, limit)
        yield Article(text_file.stem, _read_text(text_file, limit), attributions)


def _iter_folder(folder: Path, limit: int | None) -> Iterator[Article]:
    seen: set[str] = set()
    for text_file in sorted(folder.glob("*.txt")):
        ann = _annotation_file(folder, text_file.stem)
        if ann is not None:
            seen.add(ann.name)
            attributions = _read_ann(ann, limit)
            yield Article(text_file.stem, _read_text(text_file, limit), attributions)
    for ann in sorted(folder.glob("*.ann")):
        if ann.name not in seen:
            yield Article(ann.stem, None, _read_ann(ann, limit))
    for doc in sorted(folder.glob("*.json")):
        yield _from_report(doc.stem, _load(doc, limit))
    for lines in sorted(folder.glob("*.jsonl")):
        yield from _iter_jsonl(lines, limit)


def _load(path: Path, limit: int | None) -> Report:
    return loads(_read_bytes(path, limit), source=str(path))


def _iter_path(path: Path, limit: int | None) -> Iterator[Article]:
    if path.is_dir():
        yield from (
            _iter_polnear(path, limit) if (path / "text").is_dir() else _iter_folder(path, limit)
        )
    elif not path.exists():
        raise FormatError(str(path), "no such file or folder")
    elif path.suffix == ".jsonl":
        yield from _iter_jsonl(path, limit)
    elif path.suffix == ".ann":
        text_file = path.with_suffix(".txt")
        text = _read_text(text_file, limit) if text_file.is_file() else None
        yield Article(path.stem, text, _read_ann(path, limit))
    else:
        yield _from_report(path.stem, _load(path, limit))


def load_corpus(path: Path, *, max_chars: int | None = DEFAULT_MAX_CHARS) -> dict[str, Article]:
    """Read every article at ``path`` (see the module docs for the layouts understood).

    Args:
        path: a file or folder of gold or predicted attributions.
        max_chars: refuse a file (a line, in JSON Lines) longer than this many bytes, before
            reading it whole; ``None`` for no limit.

    Raises:
        FormatError: the path is missing, a file cannot be read or is longer than
            ``max_chars``, or two articles share a name.

    >>> load_corpus(Path("no-such-folder"))
    Traceback (most recent call last):
    ...
    newsclaims.errors.FormatError: no-such-folder: no such file or folder
    """
    out: dict[str, Article] = {}
    for article in _iter_path(path, max_chars):
        if article.name in out:
            raise FormatError(str(path), f"two articles are named {article.name!r}")
        out[article.name] = article
    return out
