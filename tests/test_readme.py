"""The README's Python example runs as written, and shows what it prints."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def test_readme_python_example_shows_its_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example reads the seed article, shows its statements and writes JSON."""
    blocks = _BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    assert blocks, "the README has a Python example"
    (tmp_path / "seeds").symlink_to(SEEDS)
    monkeypatch.chdir(tmp_path)  # as from the repository root, but writing nowhere in it
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    globs: dict[str, object] = {}
    report: list[str] = []
    for number, block in enumerate(blocks, 1):
        test = parser.get_doctest(block, globs, f"README.md block {number}", "README.md", 0)
        runner.run(test, out=report.append, clear_globs=False)
    assert runner.failures == 0, "".join(report)
    assert runner.tries > 0, "the README's example is a doctest"
    assert (tmp_path / "report.json").is_file()
