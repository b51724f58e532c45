"""Small file helpers shared by the writers and the CLI."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["write_atomically"]


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder.

    A reader, or a run killed half-way, never sees half a file: the rename is atomic.
    """
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        # newline="": the text's own line ends are written as they are (CSV's \r\n too).
        with partial.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            # Durable before the rename, so a crash never leaves a complete-looking empty file.
            os.fsync(handle.fileno())
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
