"""The README's Python example runs as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example reads the seed article, prints its statements and writes JSON."""
    blocks = _BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    assert blocks, "the README has a Python example"
    (tmp_path / "seeds").symlink_to(SEEDS)
    monkeypatch.chdir(tmp_path)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})  # noqa: S102 -- our own README
    import newsclaims  # noqa: PLC0415 -- after the example, which imports it itself

    written = newsclaims.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert written.statements
