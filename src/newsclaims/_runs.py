"""Corpus runs: many inputs through parse (and extract) and a writer, on worker processes.

The command line plans a run (which inputs, which outputs, what to skip) and prints; this
module does the work and reports each article's :class:`Outcome`, in input order whatever the
number of workers, so that ``--jobs 1`` and ``--jobs 4`` write the same bytes. Work is handed
to the workers in bounded batches: a JSON Lines corpus of any length streams through in
bounded memory.
"""

from __future__ import annotations

import functools
import itertools
import json
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import IO, Final

import attrs

import newsclaims
from newsclaims import formats
from newsclaims.errors import NewsclaimsError
from newsclaims.summary import summarise

__all__ = [
    "AtomicFile",
    "Options",
    "Outcome",
    "Task",
    "bounded_lines",
    "iter_line_tasks",
    "remove_stale_partials",
    "run_task",
    "run_tasks",
    "stream_kind",
]

_BATCH_PER_JOB: Final = 8
_HEAD_BYTES: Final = 65536


@attrs.frozen
class Options:
    """What to do with each input."""

    parser: str | None = None
    extract: bool = True
    format: str = "json"
    #: Indentation for the ``json`` format (compact when ``None``).
    indent: int | None = None
    #: Also return :func:`~newsclaims.summary.summarise` of each report.
    summary: bool = False
    #: Refuse an article longer than this (bytes for a file); ``None`` for no limit.
    max_chars: int | None = newsclaims.parsers.DEFAULT_MAX_CHARS


@attrs.frozen
class Task:
    """One article: a file, or one line of a JSON Lines file (then ``data`` holds it)."""

    path: str
    line: int | None = None
    data: str | None = None
    #: The parser a JSON Lines file was recognised as (used for each of its lines).
    parser: str | None = None
    #: The limit a line of a JSON Lines file broke; it was skipped unread.
    too_long: int | None = None

    @property
    def name(self) -> str:
        """How messages name the article: the file, with its line for JSON Lines."""
        return self.path if self.line is None else f"{self.path}: line {self.line}"


@attrs.frozen
class Outcome:
    """What became of one task: the text to write, or why it failed."""

    task: Task
    text: str = ""
    statements: int = 0
    summary: str = ""
    #: How many reports the task held (one, but for a file of many reports).
    articles: int = 1
    #: One line saying what went wrong, or ``None``.
    error: str | None = None
    #: The failure is a bug in newsclaims rather than bad input.
    bug: bool = False


def _one_line(message: str) -> str:
    return " ".join(message.split()) or "unknown error"


def _renamed(report: newsclaims.Report, task: Task) -> newsclaims.Report:
    """Give a report read from one line of a file the name of that line."""
    if report.metadata.origin == f"{task.path}: line 1":
        metadata = attrs.evolve(report.metadata, origin=task.name)
        return attrs.evolve(report, metadata=metadata)
    return report


def _read(task: Task, options: Options) -> list[newsclaims.Report]:
    if task.too_long is not None:
        raise NewsclaimsError(
            f"{task.name}: longer than the limit of {task.too_long:,} bytes (raise it with"
            " --max-chars)"
        )
    if task.data is not None:
        # The parser sees one line, which it calls line 1: it is told the file's name, and
        # the line's own number is put back in the report and in any error.
        try:
            report = newsclaims.parse(
                task.data, parser=task.parser, origin=task.path, max_chars=options.max_chars
            )
        except NewsclaimsError as exc:
            message = str(exc).replace(f"{task.path}: line 1", task.name, 1)
            raise NewsclaimsError(message) from exc
        return [_renamed(report, task)]
    path = Path(task.path)
    if path.is_dir():
        raise NewsclaimsError(f"{task.path}: is a directory, not a file")
    if not path.exists():
        raise NewsclaimsError(f"{task.path}: no such file")
    if task.parser is not None:  # a file of many reports that is not line by line
        return list(
            newsclaims.parsers.iter_parse(path, parser=task.parser, max_chars=options.max_chars)
        )
    return [newsclaims.parse(path, parser=options.parser, max_chars=options.max_chars)]


def _write(task: Task, reports: list[newsclaims.Report], options: Options) -> str:
    writer = formats.get_writer(options.format)
    if len(reports) != 1 and not writer.streams:
        raise NewsclaimsError(
            f"{task.name}: holds {len(reports)} reports; write them with a format that"
            " streams (--format jsonl or csv)"
        )
    if options.format == "json":
        dump = functools.partial(newsclaims.dumps, indent=options.indent)
        return "".join(dump(report) + "\n" for report in reports)
    return "".join(writer.dumps(report) for report in reports)


def run_task(task: Task, options: Options) -> Outcome:
    """Read, extract and write one article; never raises for a bad input or a bug.

    >>> outcome = run_task(Task("<inline>", 1, "Smith said it rained."), Options(format="csv"))
    >>> outcome.error, outcome.statements
    (None, 1)
    """
    try:
        reports = _read(task, options)
        if options.extract:
            reports = [
                newsclaims.extract(report, max_chars=options.max_chars) for report in reports
            ]
        text = _write(task, reports, options)
        summary = "\n".join(summarise(r) for r in reports) if options.summary else ""
        statements = sum(len(r.statements) for r in reports)
        return Outcome(task, text, statements, summary, articles=len(reports))
    except NewsclaimsError as exc:
        message = str(exc)
        named = message if message.startswith(task.path) else f"{task.name}: {message}"
        return Outcome(task, error=_one_line(named))
    except OSError as exc:
        return Outcome(task, error=_one_line(f"{task.name}: {exc.strerror or exc}"))
    except RecursionError:
        return Outcome(task, error=f"{task.name}: nested too deeply to read")
    except Exception as exc:  # a bug must not stop a corpus run: report it and go on
        message = f"{task.name}: internal error ({type(exc).__name__}: {exc}); please report it"
        return Outcome(task, error=_one_line(message), bug=True)


def _run_pair(pair: tuple[Task, Options]) -> Outcome:
    return run_task(*pair)


def run_tasks(tasks: Iterable[Task], options: Options, *, jobs: int = 1) -> Iterator[Outcome]:
    """Yield the outcome of every task, in task order, using ``jobs`` worker processes.

    Tasks are drawn from ``tasks`` a batch at a time, so a long stream is never held whole.
    """
    if jobs <= 1:
        for task in tasks:
            yield run_task(task, options)
        return
    batch_size = jobs * _BATCH_PER_JOB
    iterator = iter(tasks)
    batch = list(itertools.islice(iterator, batch_size))
    # A pool that forks starts all its workers at once: never more than there are tasks.
    workers = min(jobs, len(batch))
    if workers <= 1:
        yield from (run_task(task, options) for task in itertools.chain(batch, iterator))
        return
    # fork where there is one: workers inherit writers and parsers registered at run time.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        while batch:
            yield from pool.map(_run_pair, [(task, options) for task in batch])
            batch = list(itertools.islice(iterator, batch_size))


def stream_kind(path: Path, parser: str | None) -> tuple[str, bool] | None:
    """Say whether ``path`` holds many reports: ``(parser name, line by line)``, or ``None``.

    A file is read line by line, in bounded memory, when its first line is a whole JSON
    object (JSON Lines); a stream parser's other inputs (a JSON array) are read whole.
    """
    try:
        head = _head(path)
        chosen = (
            newsclaims.parsers.get(parser)
            if parser is not None
            else newsclaims.parsers.detect(head, name=str(path))
        )
    except (NewsclaimsError, OSError):
        return None  # the worker reports the problem when it reads the file
    if not isinstance(chosen, newsclaims.parsers.StreamParser):
        return None
    return chosen.name, _first_line_is_object(head)


def _first_line_is_object(head: bytes) -> bool:
    first = next((line for line in head.splitlines() if line.strip()), b"")
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(_HEAD_BYTES)


def iter_line_tasks(
    path: Path, parser: str, max_chars: int | None = newsclaims.parsers.DEFAULT_MAX_CHARS
) -> Iterator[Task]:
    """Yield one task per non-blank line of a JSON Lines file, reading it lazily.

    A line longer than ``max_chars`` bytes is never held whole: its task carries no data, and
    running it reports the line as too long (the rest of the file is read on).
    """
    with path.open("rb") as handle:
        for number, raw in enumerate(bounded_lines(handle, max_chars), 1):
            if raw is None:
                yield Task(str(path), number, None, parser, too_long=max_chars)
            elif raw.strip():
                # Undecodable bytes stay visible (as U+FFFD) so that the parser reports them.
                line = raw.decode("utf-8", errors="replace")
                yield Task(str(path), number, line, parser)


def bounded_lines(handle: IO[bytes], limit: int | None) -> Iterator[bytes | None]:
    """Yield the lines of ``handle``, or ``None`` for a line longer than ``limit`` bytes."""
    if limit is None:
        yield from handle
        return
    while line := handle.readline(limit + 2):  # the limit, a line end, and one to tell
        if len(line.rstrip(b"\r\n")) <= limit:
            yield line
            continue
        # Too long: skip to the end of the line, a bounded piece at a time.
        while not line.endswith(b"\n") and (line := handle.readline(1 << 20)):
            pass
        yield None


class AtomicFile:
    """A file written piece by piece under a temporary name, renamed into place on close.

    A run killed half-way leaves the temporary file (``.NAME.PID.partial``), never a
    half-written ``NAME``; :func:`remove_stale_partials` clears such leftovers.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        self.handle: IO[str] = self.partial.open("w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        """Append ``text``."""
        self.handle.write(text)

    def commit(self) -> None:
        """Close the file and give it its real name."""
        self.handle.flush()
        # Durable before the rename, as in write_atomically: a crash of the machine (not
        # only of the run) never leaves a complete-looking empty or short file.
        os.fsync(self.handle.fileno())
        self.handle.close()
        self.partial.replace(self.path)

    def discard(self) -> None:
        """Close and remove the temporary file (after an error)."""
        self.handle.close()
        self.partial.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_partials(folder: Path) -> list[Path]:
    """Remove temporary files left in ``folder`` by killed runs; return them.

    A temporary file whose process still runs is left alone: another run is writing it.
    """
    removed = []
    for partial in sorted(folder.glob(".*.partial")):
        pid = partial.name.rsplit(".", 2)[-2]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            partial.unlink(missing_ok=True)
            removed.append(partial)
    return removed
