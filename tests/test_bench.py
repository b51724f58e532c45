"""The benchmark runs: `make bench` is not part of `make test`, so a smoke run here keeps it
working as the library changes (the figures themselves are not checked: they are a machine's)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_prints_every_figure() -> None:
    """A quick run over the seed article prints each section of the table."""
    done = subprocess.run(
        [sys.executable, "bench/run.py", "--quick", "--repeat", "1", "--corpus", "seeds"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    for heading in (
        "regex ceiling",
        "extract (whole pipeline)",
        "seed-sized report",
        "converter: structure",
        "peak memory",
        "import newsclaims",
        "inverted said chains",
    ):
        assert heading in done.stdout
