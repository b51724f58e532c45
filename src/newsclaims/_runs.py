"""Corpus runs: many inputs through parse (and extract) and a writer, on worker processes.

The command line plans a run (which inputs, which outputs, what to skip) and prints; this
module does the work and reports each article's :class:`Outcome`, in input order whatever the
number of workers, so that ``--jobs 1`` and ``--jobs 4`` write the same bytes. Work is handed
to the workers in bounded batches: a JSON Lines corpus of any length streams through in
bounded memory.
"""

from __future__ import annotations

import errno
import functools
import io
import itertools
import json
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final

import attrs

import newsclaims
from newsclaims import formats
from newsclaims.errors import NewsclaimsError
from newsclaims.summary import summarise

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = [
    "STDIN",
    "AtomicFile",
    "OneShot",
    "Options",
    "Outcome",
    "Task",
    "bounded_lines",
    "is_one_shot",
    "is_stdin",
    "iter_line_tasks",
    "remove_stale_partials",
    "run_task",
    "run_tasks",
    "stream_kind",
]

#: What stands for standard input among a command's files.
STDIN: Final = "-"
#: How standard input is named in reports and messages (as ``sys.stdin.buffer`` names it).
STDIN_NAME: Final = "<stdin>"

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
    """One article: a file, one line of a JSON Lines file, or a one-shot input read whole.

    ``data`` holds the line, or the bytes of an input that cannot be opened again (standard
    input, a pipe); for a file it is ``None`` and the worker reads the file.
    """

    path: str
    line: int | None = None
    data: str | bytes | None = None
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
    if task.data is not None and task.line is None:
        return _read_whole(task, options)
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


def _read_whole(task: Task, options: Options) -> list[newsclaims.Report]:
    """Read a one-shot input the command line has read whole, as a file would be read."""
    assert task.data is not None  # noqa: S101 -- the caller checked, for mypy
    if task.parser is not None:  # many reports, not line by line (a JSON array)
        return list(
            newsclaims.parsers.iter_parse(
                task.data, parser=task.parser, origin=task.path, max_chars=options.max_chars
            )
        )
    return [
        newsclaims.parse(
            task.data, parser=options.parser, origin=task.path, max_chars=options.max_chars
        )
    ]


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
    object (JSON Lines); a stream parser's other inputs (a JSON array) are read whole. Only
    for a file that can be opened again: a one-shot input is sniffed by :class:`OneShot`.
    """
    try:
        head = _head(path)
    except OSError:
        return None  # the worker reports the problem when it reads the file
    return _stream_kind(head, str(path), parser)


def _stream_kind(head: bytes, name: str | None, parser: str | None) -> tuple[str, bool] | None:
    try:
        chosen = (
            newsclaims.parsers.get(parser)
            if parser is not None
            else newsclaims.parsers.detect(head, name=name)
        )
    except NewsclaimsError:
        return None  # the worker reports the problem when it reads the input
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
        yield from _line_tasks(handle, str(path), parser, max_chars)


def _line_tasks(handle: IO[bytes], name: str, parser: str, max_chars: int | None) -> Iterator[Task]:
    for number, raw in enumerate(bounded_lines(handle, max_chars), 1):
        if raw is None:
            yield Task(name, number, None, parser, too_long=max_chars)
        elif raw.strip():
            # Undecodable bytes stay visible (as U+FFFD) so that the parser reports them.
            line = raw.decode("utf-8", errors="replace")
            yield Task(name, number, line, parser)


def is_stdin(path: Path) -> bool:
    """Say whether ``path`` is :data:`STDIN`, the name of standard input on the command line.

    >>> is_stdin(Path("-")), is_stdin(Path("-.txt"))
    (True, False)
    """
    return str(path) == STDIN


def is_one_shot(path: Path) -> bool:
    """Say whether ``path`` can be read only once: standard input, a FIFO, a device.

    Such an input cannot be opened again to be read after its head was sniffed: it is read
    through a :class:`OneShot`. A missing path is not one (the reader reports it).
    """
    return is_stdin(path) or (path.exists() and not path.is_file() and not path.is_dir())


class _Replay(io.RawIOBase):
    """A byte stream that gives back a head already read from ``rest``, then the rest."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            # The head first: nothing read to sniff the format is lost to the parser.
            data, self._head = self._head[: len(view)], self._head[len(view) :]
        else:
            data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


class OneShot:
    """An input that can be read only once (standard input, a pipe, a FIFO), head first.

    Its head is read once, to sniff the format; :attr:`stream` then gives that head back
    before the rest, so nothing the user gave is lost to the parser.
    """

    def __init__(self, path: Path, head: bytes, rest: IO[bytes]) -> None:
        self.path = path
        self.head = head
        self.stream: IO[bytes] = io.BufferedReader(_Replay(head, rest))
        self._rest = rest

    @classmethod
    def open(cls, path: Path) -> OneShot:
        """Open ``path`` (:data:`STDIN` for standard input) and read its head.

        Raises:
            OSError: the input cannot be opened or read.
        """
        rest: IO[bytes]
        if not is_stdin(path):
            rest = path.open("rb")
        elif sys.stdin is None:  # started with standard input closed (`newsclaims ... <&-`)
            raise OSError(errno.EBADF, "standard input is closed", STDIN)
        else:
            rest = sys.stdin.buffer
        return cls(path, rest.read(_HEAD_BYTES), rest)

    @property
    def name(self) -> str:
        """How reports and messages name the input: its path, or ``<stdin>``."""
        return STDIN_NAME if is_stdin(self.path) else str(self.path)

    @property
    def hint(self) -> str | None:
        """A file name to sniff the format by (a FIFO's may say ``page.html``), if any."""
        return None if is_stdin(self.path) else str(self.path)

    def stream_kind(self, parser: str | None) -> tuple[str, bool] | None:
        """Say whether the input holds many reports, as :func:`stream_kind` does for a file."""
        return _stream_kind(self.head, self.hint, parser)

    def read(self, max_chars: int | None) -> bytes | None:
        """Return the whole input, head included, or ``None`` if longer than ``max_chars``."""
        data = self.stream.read() if max_chars is None else self.stream.read(max_chars + 1)
        self.close()
        return None if max_chars is not None and len(data) > max_chars else data

    def tasks(self, stream: tuple[str, bool] | None, max_chars: int | None) -> Iterator[Task]:
        """Yield the input's tasks: one per line of JSON Lines, else one holding it whole.

        Args:
            stream: what :meth:`stream_kind` said of the input.
            max_chars: the longest input (or JSON Lines line) read, in bytes.
        """
        if stream is not None and stream[1]:
            try:
                yield from _line_tasks(self.stream, self.name, stream[0], max_chars)
            finally:
                self.close()
            return
        data = self.read(max_chars)
        parser = stream[0] if stream is not None else None
        if data is None:
            yield Task(self.name, parser=parser, too_long=max_chars)
        else:
            yield Task(self.name, data=data, parser=parser)

    def close(self) -> None:
        """Close the input; standard input stays open, as it belongs to the process."""
        if not is_stdin(self.path):
            self._rest.close()


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
