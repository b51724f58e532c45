"""Helpers for the robustness tests: run the CLI in-process and check its one-line errors."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsclaims.cli import main

#: Every subcommand that reads one input file, with the arguments it needs around it.
FILE_COMMANDS: dict[str, Sequence[str]] = {
    "parse": ("parse", "-q"),
    "extract": ("extract", "-q"),
    "validate": ("validate",),
    "show": ("show", "--plain"),
    "render": ("render",),
}


def run(argv: Sequence[object], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Run the CLI with ``argv``; return the exit code and the lines written to stderr."""
    code = main([str(arg) for arg in argv])
    return code, capsys.readouterr().err.splitlines()


def assert_one_line_error(
    argv: Sequence[object], capsys: pytest.CaptureFixture[str], path: Path, problem: str = ""
) -> str:
    """Assert the command exits 2 with one line naming ``path`` (and ``problem``); return it."""
    code, lines = run(argv, capsys)
    assert (code, len(lines)) == (2, 1), lines
    assert lines[0].startswith(f"newsclaims: error: {path}: "), lines[0]
    assert problem in lines[0]
    return lines[0]


def file_command(name: str, path: Path, *extra: str) -> list[str]:
    """Return the arguments that run subcommand ``name`` on ``path``."""
    command = [*FILE_COMMANDS[name], str(path), *extra]
    if name == "evaluate":
        command.append(str(path))
    return command


def kill_part_way(command: Sequence[str], folder: Path, pattern: str) -> None:
    """Start ``command`` and kill it (SIGKILL, no clean-up) once ``folder`` holds a ``pattern``
    file: a run interrupted part-way, as a crash or an out-of-memory kill leaves it."""
    with subprocess.Popen(command, stderr=subprocess.DEVNULL) as process:  # noqa: S603 -- ours
        deadline = time.monotonic() + 60
        while not (folder.is_dir() and any(folder.glob(pattern))) and time.monotonic() < deadline:
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
        process.wait()
