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
"""

from __future__ import annotations

import glob
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from newsclaims.errors import FormatError, ValidationError
from newsclaims.evaluation._metrics import Attribution
from newsclaims.model import Report, Span
from newsclaims.serialise import iter_lines, load, structure_report

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


def _read_text(path: Path) -> str:
    # Universal newlines, as the shared scorer reads text: offsets index this string.
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(str(path), f"not UTF-8 text (byte {exc.start})") from exc


def _read_ann(path: Path) -> tuple[Attribution, ...]:
    return read_ann(_read_text(path), origin=str(path))


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


def _iter_jsonl(path: Path) -> Iterator[Article]:
    origin = str(path)
    with path.open(encoding="utf-8") as handle:
        first = next((line for line in handle if line.strip()), "")
    try:
        head = json.loads(first) if first else {}
    except json.JSONDecodeError as exc:
        raise FormatError(origin, f"not JSON Lines: {exc.msg}", path="line 1") from exc
    if isinstance(head, dict) and "schema" in head:
        for number, report in enumerate(iter_lines(path), 1):
            name = (
                Path(report.metadata.origin).stem
                if report.metadata.origin
                else f"{path.stem}:{number}"
            )
            yield _from_report(name, report)
        return
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    row: Any = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise FormatError(
                        origin, f"not JSON: {exc.msg}", path=f"line {number}"
                    ) from exc
                if isinstance(row, dict) and "schema" in row:
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


def _iter_polnear(folder: Path) -> Iterator[Article]:
    ann_dir = folder / "attributions" if (folder / "attributions").is_dir() else folder
    for text_file in sorted((folder / "text").glob("*.txt")):
        ann = _annotation_file(ann_dir, text_file.stem)
        attributions = None
        if ann is not None:
            attributions = _read_ann(ann)
        yield Article(text_file.stem, _read_text(text_file), attributions)


def _iter_folder(folder: Path) -> Iterator[Article]:
    seen: set[str] = set()
    for text_file in sorted(folder.glob("*.txt")):
        ann = _annotation_file(folder, text_file.stem)
        if ann is not None:
            seen.add(ann.name)
            attributions = _read_ann(ann)
            yield Article(text_file.stem, _read_text(text_file), attributions)
    for ann in sorted(folder.glob("*.ann")):
        if ann.name not in seen:
            yield Article(ann.stem, None, _read_ann(ann))
    for doc in sorted(folder.glob("*.json")):
        yield _from_report(doc.stem, load(doc))
    for lines in sorted(folder.glob("*.jsonl")):
        yield from _iter_jsonl(lines)


def _iter_path(path: Path) -> Iterator[Article]:
    if path.is_dir():
        yield from (_iter_polnear(path) if (path / "text").is_dir() else _iter_folder(path))
    elif not path.exists():
        raise FormatError(str(path), "no such file or folder")
    elif path.suffix == ".jsonl":
        yield from _iter_jsonl(path)
    elif path.suffix == ".ann":
        text_file = path.with_suffix(".txt")
        text = _read_text(text_file) if text_file.is_file() else None
        yield Article(path.stem, text, _read_ann(path))
    else:
        yield _from_report(path.stem, load(path))


def load_corpus(path: Path) -> dict[str, Article]:
    """Read every article at ``path`` (see the module docs for the layouts understood).

    Raises:
        FormatError: the path is missing, a file cannot be read, or two articles share a name.
    """
    out: dict[str, Article] = {}
    try:
        for article in _iter_path(path):
            if article.name in out:
                raise FormatError(str(path), f"two articles are named {article.name!r}")
            out[article.name] = article
    except UnicodeDecodeError as exc:  # a JSON Lines file read line by line
        raise FormatError(str(path), f"not UTF-8 text (byte {exc.start} of a line)") from exc
    return out
