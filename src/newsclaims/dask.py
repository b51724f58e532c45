"""Run newsclaims over corpora on Dask (extra ``dask``): a bag of reports, JSON Lines out.

Nothing here is special to Dask but the plumbing: every newsclaims object is picklable and
every function is pure and deterministic, so the same :func:`newsclaims.read` runs on a
laptop, on a :class:`distributed.LocalCluster` or on a cluster, with the same output.

>>> from newsclaims.dask import read_bag
>>> bag = read_bag([{"text": "Smith said that the talks may resume."}])
>>> [len(report.statements) for report in bag.compute(scheduler="sync")]
[1]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import newsclaims
from newsclaims.errors import FormatError

if TYPE_CHECKING:
    import dask.bag

__all__ = ["from_jsonl", "read_bag", "read_record", "to_jsonl"]


def read_record(item: str | os.PathLike[str] | Mapping[str, Any], *, extract: bool = True) -> Any:
    """Read one corpus item: a path to an article, or a record ``{"text": ..., ...}``.

    Records may carry ``"origin"`` (a name for the article); other keys are ignored.
    Returns a :class:`newsclaims.Report` (typed ``Any`` so that Dask can map it).

    Raises:
        FormatError: a record without a ``"text"`` string.
    """
    if isinstance(item, Mapping):
        text = item.get("text")
        origin = item.get("origin")
        if not isinstance(text, str):
            raise FormatError(str(origin or "<record>"), "a record needs a 'text' string")
        report = newsclaims.parse(text, origin=str(origin) if origin is not None else None)
    else:
        report = newsclaims.parse(Path(item))
    return newsclaims.extract(report) if extract else report


def read_bag(
    items: Iterable[str | os.PathLike[str] | Mapping[str, Any]],
    *,
    npartitions: int | None = None,
    extract: bool = True,
) -> dask.bag.Bag:
    """Return a Dask bag of reports read from paths or ``{"text": ...}`` records.

    Args:
        items: article paths, or records with a ``"text"`` key (and optionally ``"origin"``).
        npartitions: how many partitions; Dask's default when ``None``.
        extract: run the extractor (``True``) or only parse.
    """
    import dask.bag as db  # noqa: PLC0415 -- an optional dependency, imported when used

    sequence = [os.fspath(i) if isinstance(i, os.PathLike) else i for i in items]
    bag = db.from_sequence(sequence, npartitions=npartitions)
    return cast("dask.bag.Bag", bag.map(read_record, extract=extract))


def to_jsonl(bag: dask.bag.Bag, directory: str | os.PathLike[str], **compute: Any) -> list[str]:
    """Write a bag of reports as JSON Lines, one ``part-N.jsonl`` per partition.

    Returns the paths written, in partition order: concatenated, they equal
    :func:`newsclaims.dump_lines` over the same reports in the same order.

    Args:
        bag: a bag of :class:`newsclaims.Report`.
        directory: the folder to write into (created if needed).
        **compute: passed to Dask's compute (``scheduler=...``).
    """
    Path(directory).mkdir(parents=True, exist_ok=True)
    pattern = os.path.join(os.fspath(directory), "part-*.jsonl")  # noqa: PTH118 -- Dask wants a str glob
    written: list[str] = bag.map(newsclaims.dumps).to_textfiles(
        pattern,
        name_function=str,
        encoding="utf-8",
        last_endline=True,
        compute=True,
        **compute,
    )
    return sorted(written, key=lambda p: int(Path(p).stem.removeprefix("part-")))


def from_jsonl(paths: str | os.PathLike[str] | list[str]) -> dask.bag.Bag:
    """Return a bag of reports read back from newsclaims JSON Lines files (globs allowed)."""
    import dask.bag as db  # noqa: PLC0415 -- an optional dependency, imported when used

    source = os.fspath(paths) if isinstance(paths, os.PathLike) else paths
    lines = db.read_text(source, encoding="utf-8")
    return cast("dask.bag.Bag", lines.filter(str.strip).map(newsclaims.loads))
