"""The ``newsclaims`` command line: parse, extract, validate, schema, parsers.

Exit codes: 0 on success, 2 on bad input (one line on stderr, ``newsclaims: error: FILE:
what is wrong``), 1 only for a bug in newsclaims. ``--debug`` shows the traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

import newsclaims
from newsclaims import formats
from newsclaims._files import write_atomically
from newsclaims.errors import NewsclaimsError
from newsclaims.summary import summarise

__all__ = ["main", "run"]

EXIT_OK = 0
EXIT_BUG = 1
EXIT_BAD_INPUT = 2


class _BadInputError(Exception):
    """An input problem found by the CLI itself (a missing file, a bad option value)."""


def _build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="newsclaims",
        description="Turn news articles into typed records of who claims what.",
    )
    ap.add_argument("--version", action="version", version=f"newsclaims {newsclaims.__version__}")
    ap.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="read articles into reports (text, structure, metadata)")
    _add_inputs(p)
    p.add_argument("--parser", help="parser name (see `newsclaims parsers`); sniffed if absent")

    p = sub.add_parser("extract", help="read articles and extract statements and entities")
    _add_inputs(p)
    p.add_argument("--parser", help="parser name (see `newsclaims parsers`); sniffed if absent")
    p.add_argument(
        "--format",
        default="json",
        help="output format: " + ", ".join(name for name, _ in formats.available()),
    )
    p.add_argument(
        "--summary",
        action="store_true",
        help="also print a readable summary of each report (to stderr when output is stdout)",
    )

    p = sub.add_parser("validate", help="check newsclaims JSON or JSON Lines documents")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")

    sub.add_parser("schema", help="print the JSON Schema of the newsclaims format")
    sub.add_parser("parsers", help="list the parsers newsclaims can use")
    return ap


def _add_inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument(
        "--output-dir",
        type=Path,
        help="write one STEM.json per input here (default: standard output)",
    )
    p.add_argument("--indent", type=int, default=None, help="indent JSON for reading")


def _read_report(path: Path, parser: str | None, *, do_extract: bool) -> newsclaims.Report:
    if not path.exists():
        raise _BadInputError(f"{path}: no such file")
    if path.is_dir():
        raise _BadInputError(f"{path}: is a directory, not a file")
    report = newsclaims.parse(path, parser=parser)
    return newsclaims.extract(report) if do_extract else report


def _write_reports(args: argparse.Namespace, *, do_extract: bool) -> int:
    out_dir: Path | None = args.output_dir
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise _BadInputError(f"{out_dir}: --output-dir is not a directory")
    name = getattr(args, "format", "json")
    writer = formats.get_writer(name)
    for path in args.files:
        report = _read_report(path, args.parser, do_extract=do_extract)
        if name == "json":
            text = newsclaims.dumps(report, indent=args.indent) + "\n"
        else:
            text = writer.dumps(report)
        if out_dir is None:
            sys.stdout.write(text)
        else:
            out_dir.mkdir(parents=True, exist_ok=True)
            target = out_dir / f"{path.stem}{writer.suffix}"
            write_atomically(target, text)
        if getattr(args, "summary", False):
            where = f" -> {target}" if out_dir is not None else ""
            print(f"{path}{where}\n{summarise(report)}", file=sys.stdout if out_dir else sys.stderr)
    return EXIT_OK


def _cmd_parse(args: argparse.Namespace) -> int:
    return _write_reports(args, do_extract=False)


def _cmd_extract(args: argparse.Namespace) -> int:
    return _write_reports(args, do_extract=True)


def _cmd_validate(args: argparse.Namespace) -> int:
    for path in args.files:
        if not path.is_file():
            raise _BadInputError(f"{path}: {'is a directory' if path.is_dir() else 'no such file'}")
        if path.suffix == ".jsonl":
            count = sum(1 for _ in newsclaims.iter_lines(path))
            print(f"{path}: ok ({count} reports)")
        else:
            report = newsclaims.load(path)
            print(
                f"{path}: ok ({len(report.statements)} statements, {len(report.entities)} entities)"
            )
    return EXIT_OK


def _cmd_schema(_args: argparse.Namespace) -> int:
    print(json.dumps(newsclaims.json_schema(), indent=1, ensure_ascii=False))
    return EXIT_OK


def _cmd_parsers(_args: argparse.Namespace) -> int:
    for name, description in newsclaims.parsers.available():
        print(f"{name:<12} {description}")
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "parse": _cmd_parse,
    "extract": _cmd_extract,
    "validate": _cmd_validate,
    "schema": _cmd_schema,
    "parsers": _cmd_parsers,
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
    except OSError as exc:
        where = exc.filename if exc.filename is not None else "<input>"
        return _fail(args, f"{where}: {exc.strerror or exc}", EXIT_BAD_INPUT)
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
