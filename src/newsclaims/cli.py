"""The ``newsclaims`` command line.

Commands: ``parse``, ``extract`` (one article or a corpus run), ``validate``, ``schema``,
``parsers``, ``formats``, ``evaluate``, ``show`` and ``render``.

Exit codes: 0 on success, 2 on bad input (one line on stderr per problem, ``newsclaims:
error: FILE: what is wrong``; in a corpus run a failing article is reported, skipped, and the
run goes on), 1 only for a bug in newsclaims, 130 when interrupted. ``--debug`` shows the
traceback of a failure that stops the command.

Every command that reads input takes ``--max-chars N`` (default
:data:`newsclaims.parsers.DEFAULT_MAX_CHARS`, 0 for none): a longer input, or JSON Lines
line, is refused before it is read whole. Inputs are never written to: outputs go through a
temporary file renamed into place, and one that would replace an input is refused.

``parse``, ``extract``, ``show`` and ``render`` read ``-`` as standard input; a pipe or FIFO
given by its path is read once, the head that tells its format included.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, NoReturn

import attrs

import newsclaims
from newsclaims import formats
from newsclaims._files import write_atomically
from newsclaims._runs import (
    STDIN,
    AtomicFile,
    OneShot,
    Options,
    Outcome,
    Task,
    bounded_lines,
    is_one_shot,
    is_stdin,
    iter_line_tasks,
    remove_stale_partials,
    run_tasks,
    stream_kind,
)
from newsclaims.errors import NewsclaimsError

__all__ = ["main", "run"]

EXIT_OK = 0
EXIT_BUG = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

#: The most workers per core a run accepts: past that, processes only add memory.
_JOBS_PER_CORE = 4

#: Parsers that read stored annotations: ``show`` and ``render`` do not extract again.
_ANNOTATED = frozenset({"json", "jsonl", "brat", "citron"})


class _BadInputError(Exception):
    """An input problem found by the CLI itself (a missing file, a bad option value)."""


# --------------------------------------------------------------------------- arguments


class _OneLineParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        first = message.splitlines()[0] if message else "bad arguments"
        self.exit(EXIT_BAD_INPUT, f"newsclaims: error: {first} (see {self.prog} --help)\n")


def _build_parser() -> argparse.ArgumentParser:
    ap = _OneLineParser(
        prog="newsclaims",
        description="Turn news articles into typed records of who claims what.",
    )
    ap.add_argument("--version", action="version", version=f"newsclaims {newsclaims.__version__}")
    ap.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = ap.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_OneLineParser
    )

    p = sub.add_parser("parse", help="read articles into reports (text, structure, metadata)")
    _add_run_options(p)

    p = sub.add_parser("extract", help="read articles and extract statements and entities")
    _add_run_options(p)
    p.add_argument(
        "--summary",
        action="store_true",
        help="also print a readable summary of each report (to stderr when output is stdout)",
    )

    p = sub.add_parser("validate", help="check newsclaims JSON or JSON Lines documents")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _add_max_chars(p)

    sub.add_parser("schema", help="print the JSON Schema of the newsclaims format")
    sub.add_parser("parsers", help="list the parsers newsclaims can use")
    sub.add_parser("formats", help="list the output formats newsclaims can write")

    p = sub.add_parser(
        "evaluate", help="score predicted attributions against gold (PolNeAR scorer metrics)"
    )
    p.add_argument("gold", type=Path, help="gold: brat folder, .json/.jsonl, or a folder of them")
    p.add_argument("pred", type=Path, help="predictions: the same kinds, or scorer JSON Lines")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    _add_max_chars(p)

    p = sub.add_parser("show", help="show a report in the terminal")
    _add_view_input(p)
    p.add_argument("--plain", action="store_true", help="no colour, no boxes: for pipes")
    p.add_argument("--width", type=int, default=None, help="columns (default: the terminal's)")

    p = sub.add_parser("render", help="write a report as one self-contained HTML page")
    _add_view_input(p)
    p.add_argument("-o", "--output", type=Path, help="the HTML file (default: standard output)")
    return ap


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "files",
        nargs="+",
        type=_input_path,
        metavar="FILE",
        help=f"articles, or folders of articles ({STDIN} for standard input)",
    )
    p.add_argument("--parser", help="parser name (see `newsclaims parsers`); sniffed if absent")
    p.add_argument(
        "--format",
        default="json",
        help="output format (see `newsclaims formats`): "
        + ", ".join(name for name, _ in formats.available()),
    )
    p.add_argument(
        "--output-dir",
        type=Path,
        help="write one STEM.SUFFIX per input here (default: standard output)",
    )
    p.add_argument("--indent", type=int, default=None, help="indent JSON for reading")
    p.add_argument(
        "--jobs", "-j", type=int, default=1, help="worker processes (0: one per core; default 1)"
    )
    p.add_argument(
        "--skip-existing",
        action="store_true",
        help="skip inputs whose output file exists (resume an interrupted run)",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    _add_max_chars(p)


def _add_view_input(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "file",
        type=_input_path,
        metavar="FILE",
        help=f"a newsclaims report, or an article ({STDIN} for standard input)",
    )
    p.add_argument("--parser", help="parser name (see `newsclaims parsers`); sniffed if absent")
    _add_max_chars(p)


def _input_path(value: str) -> Path:
    """Read an input argument: ``-`` is standard input, ``./-`` the file named ``-``."""
    path = Path(value)
    # pathlib reads "./-" as "-": the file the user escaped so must stay a file.
    return path.absolute() if is_stdin(path) and value != STDIN else path


def _max_chars(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r}: give a number of characters, 0 for no limit")
    return number


def _add_max_chars(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--max-chars",
        type=_max_chars,
        default=newsclaims.parsers.DEFAULT_MAX_CHARS,
        metavar="N",
        help="refuse an input longer than N characters (bytes, for a file) before reading it"
        f" (default {newsclaims.parsers.DEFAULT_MAX_CHARS:,}; 0 for no limit)",
    )


def _limit(args: argparse.Namespace) -> int | None:
    """The size limit the arguments ask for: ``None`` for none."""
    limit: int = args.max_chars
    return limit or None


# --------------------------------------------------------------------------- corpus runs


@attrs.define
class _Input:
    """One input file of a run and where its output goes."""

    path: Path
    target: Path | None
    #: ``(parser name, line by line)`` when the file holds many reports.
    stream: tuple[str, bool] | None = None
    #: The input, opened and its head read, when it cannot be opened again (a pipe).
    once: OneShot | None = None

    @property
    def name(self) -> str:
        """How tasks and messages name the input."""
        return self.once.name if self.once is not None else str(self.path)


@attrs.define
class _Tally:
    articles: int = 0
    statements: int = 0
    failed: int = 0
    skipped: int = 0
    bugs: int = 0
    files_done: int = 0


class _Progress:
    """A one-line progress bar on standard error, drawn only on a terminal."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self.last = 0.0

    def update(self, tally: _Tally, *, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self.last < 0.1):  # at most 10 redraws a second
            return
        self.last = now
        width = 30
        filled = width * tally.files_done // max(self.total, 1)
        bar = "#" * filled + "-" * (width - filled)
        line = (
            f"[{bar}] {tally.files_done}/{self.total} files, {tally.articles} articles,"
            f" {tally.failed} failed"
        )
        sys.stderr.write("\r" + line)
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 80 + "\r")
            sys.stderr.flush()


def _expand(paths: Sequence[Path], out_dir: Path | None, suffix: str) -> Iterator[Path | str]:
    """Yield input files (folders expanded), or a message for a folder with nothing to read."""
    for path in paths:
        if is_stdin(path) or not path.is_dir():
            yield path
            continue
        same = out_dir is not None and out_dir.exists() and path.samefile(out_dir)
        found = [
            f
            for f in sorted(path.iterdir())
            if f.is_file()
            and not f.name.startswith(".")
            and not (same and f.name.endswith(suffix))  # our own outputs, when writing here
        ]
        if not found:
            yield f"{path}: no files to read in this folder"
        yield from found


def _refuse_companion(
    item: Path, target: Path, writer: formats.Writer, *, skip_existing: bool
) -> None:
    """Refuse to replace a brat ``STEM.ann`` beside its ``STEM.txt``: it may be an input.

    brat output is ``STEM.ann``, and an ``.ann`` beside ``STEM.txt`` is read with it (and
    left out of the run as one of our outputs): replacing it would lose the annotations of
    a brat input. ``--skip-existing`` keeps it; a folder without one is written.
    """
    if writer.suffix != ".ann" or skip_existing or not target.exists():
        return
    if item.parent.exists() and item.parent.samefile(target.parent):
        raise _BadInputError(
            f"{target}: already exists beside {item.name}, and may be its annotations;"
            " write brat output to another --output-dir (or pass --skip-existing)"
        )


def _plan(args: argparse.Namespace, writer: formats.Writer) -> tuple[list[_Input], list[str]]:
    """Return the inputs to run and the problems found before running (one line each)."""
    out_dir: Path | None = args.output_dir
    inputs: list[_Input] = []
    problems: list[str] = []
    targets: dict[Path, Path] = {}
    _check_stdin(args.files, out_dir)
    for item in _expand(args.files, out_dir, writer.suffix):
        if isinstance(item, str):
            problems.append(item)
            continue
        target = None if out_dir is None else out_dir / f"{item.stem}{writer.suffix}"
        if target is not None:
            if target in targets:
                raise _BadInputError(
                    f"{targets[target]} and {item} would both be written to {target}"
                )
            if item.exists() and target.exists() and item.samefile(target):
                raise _BadInputError(f"{item}: its output would overwrite it; use another folder")
            _refuse_companion(item, target, writer, skip_existing=args.skip_existing)
            targets[target] = item
        once, stream = None, None
        if is_one_shot(item):
            # Read once: the head sniffed here is given back to the parser with the rest.
            try:
                once = OneShot.open(item)
            except OSError as exc:
                problems.append(f"{item}: {exc.strerror or exc}")
                continue
            stream = once.stream_kind(args.parser)
        elif item.is_file():
            stream = stream_kind(item, args.parser)
        if stream is not None and target is not None and not writer.streams:
            problems.append(
                f"{item}: holds many reports; write them with a format that streams"
                " (--format jsonl or csv)"
            )
            continue
        inputs.append(_Input(item, target, stream, once))
    return inputs, problems


def _check_stdin(files: Sequence[Path], out_dir: Path | None) -> None:
    """Refuse standard input twice (it is read once), or with --output-dir (it has no name)."""
    given = sum(is_stdin(path) for path in files)
    if given > 1:
        raise _BadInputError(f"{STDIN}: standard input is given {given} times; it is read once")
    if given and out_dir is not None:
        raise _BadInputError(
            f"{STDIN}: standard input has no file name to name an output by;"
            " leave out --output-dir to write to standard output"
        )


def _tasks(inputs: Sequence[_Input], max_chars: int | None) -> Iterator[Task]:
    for item in inputs:
        if item.once is not None:
            yield from item.once.tasks(item.stream, max_chars)
        elif item.stream is None:
            yield Task(str(item.path))
        elif item.stream[1]:
            yield from iter_line_tasks(item.path, item.stream[0], max_chars)
        else:
            yield Task(str(item.path), parser=item.stream[0])


class _Sink:
    """Writes outcomes where they go: standard output, or one file per input."""

    def __init__(self, inputs: Sequence[_Input], writer: formats.Writer) -> None:
        self.by_path = {item.name: item for item in inputs}
        self.writer = writer
        self.open: AtomicFile | None = None
        self.open_path: str | None = None

    def write(self, outcome: Outcome) -> None:
        item = self.by_path[outcome.task.path]
        if item.target is None:
            sys.stdout.write(outcome.text)
        elif outcome.task.line is None:
            write_atomically(item.target, self.writer.header + outcome.text)
        else:
            if self.open_path != outcome.task.path:
                self.commit()
                self.open = AtomicFile(item.target)
                self.open.write(self.writer.header)
                self.open_path = outcome.task.path
            assert self.open is not None  # noqa: S101 -- opened just above, for mypy
            self.open.write(outcome.text)

    def finished(self, path: str) -> bool:
        """Say whether the stream file for ``path`` is done with (a new input began)."""
        return self.open_path is not None and self.open_path != path

    def commit(self) -> None:
        if self.open is not None:
            self.open.commit()
        self.open, self.open_path = None, None

    def discard(self) -> None:
        if self.open is not None:
            self.open.discard()
        self.open, self.open_path = None, None


def _check_run_options(args: argparse.Namespace) -> None:
    out_dir: Path | None = args.output_dir
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise _BadInputError(f"{out_dir}: --output-dir is not a directory")
    if args.skip_existing and out_dir is None:
        raise _BadInputError("--skip-existing needs --output-dir")
    if args.jobs < 0:
        raise _BadInputError(f"--jobs {args.jobs}: give 0 (one per core) or more")
    cores = os.cpu_count() or 1
    if args.jobs > _JOBS_PER_CORE * cores:
        # Each worker is a process holding the pipeline: thousands of them exhaust memory.
        raise _BadInputError(
            f"--jobs {args.jobs}: more than {_JOBS_PER_CORE} per core ({cores} cores) only"
            " costs memory; give 0 for one per core"
        )


def _run(args: argparse.Namespace, *, do_extract: bool) -> int:
    _check_run_options(args)
    started = time.monotonic()
    writer = formats.get_writer(args.format)
    out_dir: Path | None = args.output_dir
    inputs, problems = _plan(args, writer)
    tally = _Tally()
    for problem in problems:
        _report_failure(problem, tally)
    if args.skip_existing:
        kept = [item for item in inputs if not (item.target and item.target.exists())]
        tally.skipped = len(inputs) - len(kept)
        inputs = kept
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        remove_stale_partials(out_dir)
    elif writer.header:
        sys.stdout.write(writer.header)
    options = Options(args.parser, do_extract, args.format, args.indent, args.summary, _limit(args))
    jobs = args.jobs or os.cpu_count() or 1
    progress = _Progress(len(inputs), enabled=sys.stderr.isatty() and not args.quiet)
    sink = _Sink(inputs, writer)
    try:
        for outcome in run_tasks(_tasks(inputs, options.max_chars), options, jobs=jobs):
            if sink.finished(outcome.task.path):
                sink.commit()
            _handle(outcome, sink, tally, args)
            progress.update(tally)
        sink.commit()
    finally:
        sink.discard()
        progress.close()
    tally.files_done = len(inputs)
    if not args.quiet and (out_dir is not None or len(args.files) > 1):
        seconds = time.monotonic() - started
        print(
            f"newsclaims: {_count(tally.articles, 'article')},"
            f" {_count(tally.statements, 'statement')}, {tally.failed} failed,"
            f" {tally.skipped} skipped, {seconds:.1f} s",
            file=sys.stderr,
        )
    if tally.bugs:
        return EXIT_BUG
    return EXIT_BAD_INPUT if tally.failed else EXIT_OK


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def _handle(outcome: Outcome, sink: _Sink, tally: _Tally, args: argparse.Namespace) -> None:
    if outcome.task.line is None:
        tally.files_done += 1
    if outcome.error is not None:
        _report_failure(outcome.error, tally, bug=outcome.bug)
        return
    sink.write(outcome)
    tally.articles += outcome.articles
    tally.statements += outcome.statements
    if outcome.summary:
        target = sink.by_path[outcome.task.path].target
        where = f" -> {target}" if target is not None else ""
        stream = sys.stdout if args.output_dir is not None else sys.stderr
        print(f"{outcome.task.name}{where}\n{outcome.summary}", file=stream)


def _report_failure(message: str, tally: _Tally, *, bug: bool = False) -> None:
    if sys.stderr.isatty():  # clear the progress bar's line first
        sys.stderr.write("\r" + " " * 80 + "\r")
    print(f"newsclaims: error: {message}", file=sys.stderr)
    tally.failed += 1
    tally.bugs += bug


def _cmd_parse(args: argparse.Namespace) -> int:
    args.summary = False
    return _run(args, do_extract=False)


def _cmd_extract(args: argparse.Namespace) -> int:
    return _run(args, do_extract=True)


# --------------------------------------------------------------------------- other commands


def _require_file(path: Path) -> None:
    if not path.exists():
        raise _BadInputError(f"{path}: no such file")
    if path.is_dir():
        raise _BadInputError(f"{path}: is a directory, not a file")


def _cmd_validate(args: argparse.Namespace) -> int:
    limit = _limit(args)
    for path in args.files:
        if is_one_shot(path):
            print(_validate_one_shot(path, limit))
            continue
        if not path.is_file():
            raise _BadInputError(f"{path}: {'is a directory' if path.is_dir() else 'no such file'}")
        if path.suffix == ".jsonl":
            with path.open("rb") as handle:
                count = _validate_lines(handle, str(path), limit)
            print(f"{path}: ok ({count} reports)")
            continue
        if limit is not None and path.stat().st_size > limit:
            raise _BadInputError(
                f"{path}: longer than the limit of {limit:,} bytes (raise it with --max-chars)"
            )
        print(_validated(newsclaims.load(path), str(path)))
    return EXIT_OK


def _validated(report: newsclaims.Report, name: str) -> str:
    return f"{name}: ok ({len(report.statements)} statements, {len(report.entities)} entities)"


def _validate_one_shot(path: Path, limit: int | None) -> str:
    """Check standard input or a pipe, read once: one document, or JSON Lines.

    It cannot be opened again, so it is read whole (within the limit) and then told apart:
    several lines that each open an object are JSON Lines, as a ``.jsonl`` name says too.
    """
    name = "<stdin>" if is_stdin(path) else str(path)
    with contextlib.ExitStack() as stack:
        handle = sys.stdin.buffer if is_stdin(path) else stack.enter_context(path.open("rb"))
        data = handle.read(-1 if limit is None else limit + 1)
    if limit is not None and len(data) > limit:
        raise _BadInputError(
            f"{name}: longer than the limit of {limit:,} bytes (raise it with --max-chars)"
        )
    lines = [line for line in data.splitlines() if line.strip()]
    if path.suffix == ".jsonl" or (
        len(lines) > 1 and all(line.lstrip().startswith(b"{") for line in lines)
    ):
        count = _validate_lines(io.BytesIO(data), name, limit)
        return f"{name}: ok ({count} reports)"
    return _validated(newsclaims.loads(data, source=name), name)


def _validate_lines(handle: IO[bytes], name: str, limit: int | None) -> int:
    """Check every line of JSON Lines; return how many reports they hold.

    Lines are read as bytes, one bounded line at a time: a huge line or a stray undecodable
    byte is an error naming its line, never a crash or a whole file held in memory.
    """
    count = 0
    for number, line in enumerate(bounded_lines(handle, limit), 1):
        where = f"{name}: line {number}"
        if line is None:
            raise _BadInputError(
                f"{where}: longer than the limit of {limit:,} bytes (raise it with --max-chars)"
            )
        if line.strip():
            newsclaims.loads(line, source=where)
            count += 1
    return count


def _cmd_schema(_args: argparse.Namespace) -> int:
    print(json.dumps(newsclaims.json_schema(), indent=1, ensure_ascii=False))
    return EXIT_OK


def _cmd_parsers(_args: argparse.Namespace) -> int:
    for name, description in newsclaims.parsers.available():
        print(f"{name:<12} {description}")
    return EXIT_OK


def _cmd_formats(_args: argparse.Namespace) -> int:
    for name, description in formats.available():
        print(f"{name:<12} {description}")
    return EXIT_OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from newsclaims import evaluation  # noqa: PLC0415 -- only this command needs it

    result = evaluation.evaluate(args.gold, args.pred, max_chars=_limit(args))
    if args.json:
        print(json.dumps(result.to_dict(), indent=1))
    else:
        sys.stdout.write(result.table())
    return EXIT_OK


def _read_reports(path: Path, parser: str | None, limit: int | None) -> list[newsclaims.Report]:
    """Read the reports in ``path``; articles are extracted, stored reports shown as stored."""
    if not is_stdin(path):
        _require_file(path)
    if is_one_shot(path):
        chosen, reports = _read_once(path, parser, limit)
    else:
        with path.open("rb") as handle:
            head = handle.read(65536)
        chosen = parser or newsclaims.parsers.detect(head, name=str(path)).name
        reports = list(newsclaims.parsers.iter_parse(path, parser=chosen, max_chars=limit))
    if chosen in _ANNOTATED:
        return reports
    return [newsclaims.extract(report, max_chars=limit) for report in reports]


def _read_once(
    path: Path, parser: str | None, limit: int | None
) -> tuple[str, list[newsclaims.Report]]:
    """Read an input that cannot be opened twice (a pipe): sniff its head, parse it all."""
    once = OneShot.open(path)
    chosen = parser or newsclaims.parsers.detect(once.head, name=once.hint).name
    data = once.read(limit)
    if data is None:
        raise _BadInputError(
            f"{once.name}: longer than the limit of {limit:,} bytes (raise it with --max-chars)"
        )
    reports = newsclaims.parsers.iter_parse(data, parser=chosen, origin=once.name, max_chars=limit)
    return chosen, list(reports)


def _use_color(stream: IO[str]) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _cmd_show(args: argparse.Namespace) -> int:
    from newsclaims import views  # noqa: PLC0415 -- only this command needs it

    reports = _read_reports(args.file, args.parser, _limit(args))
    plain = args.plain or not views.has_rich()
    if not args.plain and plain:
        print("newsclaims: rich is not installed; showing the plain view", file=sys.stderr)
    width = args.width
    if width is None:
        width = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100
    for report in reports:
        if plain:
            print(views.render_plain(report))
        else:
            sys.stdout.write(views.render_rich(report, width=width, color=_use_color(sys.stdout)))
    return EXIT_OK


def _check_output(output: Path, source: Path) -> None:
    """Refuse an output file that cannot be written, or that is the input itself."""
    if output.is_dir():
        raise _BadInputError(f"{output}: is a directory; give a file name to -o")
    if not output.parent.is_dir():
        raise _BadInputError(f"{output}: no such folder {output.parent}")
    if output.exists() and source.exists() and output.samefile(source):
        raise _BadInputError(f"{source}: the page would overwrite it; give another -o")


def _cmd_render(args: argparse.Namespace) -> int:
    from newsclaims import views  # noqa: PLC0415 -- only this command needs it

    output: Path | None = args.output
    if output is not None:
        _check_output(output, args.file)
    reports = _read_reports(args.file, args.parser, _limit(args))
    if len(reports) != 1:
        raise _BadInputError(f"{args.file}: holds {len(reports)} reports; render reads one")
    page = views.render_html(reports[0])
    if output is None:
        sys.stdout.write(page)
    else:
        write_atomically(output, page)
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "parse": _cmd_parse,
    "extract": _cmd_extract,
    "validate": _cmd_validate,
    "schema": _cmd_schema,
    "parsers": _cmd_parsers,
    "formats": _cmd_formats,
    "evaluate": _cmd_evaluate,
    "show": _cmd_show,
    "render": _cmd_render,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` when ``None``); return the exit code.

    >>> main(["validate", "no-such-file.json"])
    2
    """
    args = _build_parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except (NewsclaimsError, _BadInputError) as exc:
        return _fail(args, str(exc), EXIT_BAD_INPUT)
    except BrokenPipeError:
        # The reader went away (`newsclaims extract ... | head`): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        where = exc.filename if exc.filename is not None else "<input>"
        return _fail(args, f"{where}: {exc.strerror or exc}", EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        print("newsclaims: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        message = f"internal error ({type(exc).__name__}: {exc}); please report it"
        return _fail(args, message, EXIT_BUG)


def _fail(args: argparse.Namespace, message: str, code: int) -> int:
    if args.debug:
        traceback.print_exc()
    first_line = message.splitlines()[0] if message else "unknown error"
    print(f"newsclaims: error: {first_line}", file=sys.stderr)
    return code


def run() -> None:
    """Console-script entry point: exit with :func:`main`'s code."""
    sys.exit(main())
