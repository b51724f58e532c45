"""Every Python example in the documentation runs, and the site builds strictly.

Two kinds of Python block appear in ``docs/**/*.md`` and ``README.md``:

- **doctests**, fenced ``python`` or ``pycon`` and starting with ``>>>``: their shown output
  is checked. pytest runs those in ``docs/`` itself (``--doctest-glob=*.md``, from the
  repository root as ``make test`` does); ``tests/test_readme.py`` runs the README's.
- **plain blocks**: a plugin module, a script, a configuration. This module runs them: each
  page's blocks in order, in one fresh namespace per page, with the working directory set to
  a temporary folder that holds the files the examples name (see :func:`make_workspace`).
  A plain block shows no output, so it must print none: one that prints fails here, and
  should become a doctest so that its output is shown and checked.

A block that cannot run here opts out with a comment on the line before its fence, which
the site does not show and which must give a reason::

    <!-- docs-test: skip (needs a Spark session) -->
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsclaims import parsers
from tests.conftest import ROOT, SEEDS

_FENCE = re.compile(r"^```(\w*)\s*$")
_SKIP = re.compile(r"^<!-- docs-test: skip \((?P<reason>[^)]+)\) -->$")
_PYTHON = frozenset({"python", "pycon"})

PAGES = [*sorted((ROOT / "docs").rglob("*.md")), ROOT / "README.md"]


@dataclass(frozen=True)
class Block:
    """One fenced Python block of a Markdown page."""

    page: Path
    line: int  # of the first line of code, 1-based
    code: str
    skip: str | None  # the opt-out reason, if any

    @property
    def is_doctest(self) -> bool:
        """Whether the block is a doctest (its first line is a ``>>>`` prompt)."""
        return self.code.lstrip().startswith(">>>")

    @property
    def where(self) -> str:
        """The block's place, as ``docs/guides/x.md:12``."""
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def python_blocks(page: Path) -> list[Block]:
    """Return the fenced ``python`` and ``pycon`` blocks of ``page``, in order."""
    lines = page.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        if opening.group(1) in _PYTHON:
            marker = _SKIP.match(lines[i - 1]) if i else None
            code = "\n".join(lines[i + 1 : end]) + "\n"
            blocks.append(Block(page, i + 2, code, marker and marker.group("reason")))
        i = end + 1
    return blocks


#: What the examples' working directory holds.
WORKSPACE_FILES = frozenset(
    {"seeds/", "article.txt", "article.html", "corpus.jsonl", "corpus/", "today.feed"}
)


def make_workspace(folder: Path) -> None:
    """Put in ``folder`` the files that the plain examples name (:data:`WORKSPACE_FILES`)."""
    (folder / "seeds").symlink_to(SEEDS)
    (folder / "article.txt").write_text(
        "Port closes\n\nOfficials said the port would close on Monday.\n", encoding="utf-8"
    )
    (folder / "article.html").write_text(
        "<html><head><title>Port closes</title></head><body><article><h1>Port closes</h1>"
        "<p>Officials said the port would close on Monday.</p></article></body></html>\n",
        encoding="utf-8",
    )
    (folder / "corpus.jsonl").write_text(
        '{"title": "Port closes", "text": "Officials said the port would close."}\n'
        '{"title": "Talks resume", "text": "Smith said that the talks may resume."}\n',
        encoding="utf-8",
    )
    corpus = folder / "corpus"
    corpus.mkdir()
    for n, text in enumerate(["Iran has denied involvement.", "Smith said it may rain."]):
        (corpus / f"{n}.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "today.feed").write_text(
        "NEWSFEED/1\nTITLE: Port closes\n---\nOfficials said the port would close.\n",
        encoding="utf-8",
    )


def _plain_pages() -> list[Path]:
    return [p for p in PAGES if any(not b.is_doctest for b in python_blocks(p))]


def _id(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary working directory holding the examples' files; parsers added are removed."""
    make_workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = set(parsers.registry.names())
    yield tmp_path
    for name in set(parsers.registry.names()) - before:
        parsers.unregister(name)


@pytest.mark.usefixtures("workspace")
@pytest.mark.parametrize("page", _plain_pages(), ids=_id)
def test_plain_blocks_run_silently(page: Path) -> None:
    """Each plain Python block of the page runs, in order, and prints nothing."""
    namespace: dict[str, object] = {"__name__": f"docs_example_{page.stem.replace('-', '_')}"}
    for block in python_blocks(page):
        if block.is_doctest or block.skip:
            continue
        printed = io.StringIO()
        source = "\n" * (block.line - 1) + block.code  # tracebacks give the page's line numbers
        try:
            with contextlib.redirect_stdout(printed):
                exec(compile(source, str(block.page), "exec"), namespace)  # noqa: S102 -- our docs
        except Exception as exc:
            raise AssertionError(
                f"{block.where}: the example raised {exc!r}. Make it self-contained (the working"
                f" directory holds {', '.join(sorted(WORKSPACE_FILES))}), turn it into a doctest,"
                " or opt out with <!-- docs-test: skip (reason) --> if it cannot run here."
            ) from exc
        assert printed.getvalue() == "", f"{block.where} prints: make it a doctest"


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_blocks_are_doctests_or_plain(page: Path) -> None:
    """No block mixes code and prompts: a ``>>>`` after plain code would never be checked."""
    for block in python_blocks(page):
        if not block.is_doctest:
            assert ">>> " not in block.code, f"{block.where}: a prompt inside a plain block"


def test_opt_outs_are_few_and_explained() -> None:
    """Only examples needing an engine we do not run opt out, each with its reason."""
    skipped = {b.where: b.skip for p in PAGES for b in python_blocks(p) if b.skip}
    assert {where.split(":")[0] for where in skipped} <= {"docs/guides/scale.md"}
    assert all(reason and len(reason.split()) >= 3 for reason in skipped.values())


def test_every_page_is_in_the_nav() -> None:
    """Every page of docs/ is reachable from the site's navigation."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = set(re.findall(r":\s+(\S+\.md)\s*$", nav, re.MULTILINE))
    pages = {str(p.relative_to(ROOT / "docs")) for p in PAGES if p.parent != ROOT}
    assert sorted(pages - listed) == []


_DOCS_TOOLS = ("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python")


def test_site_builds_strictly(tmp_path: Path) -> None:
    """`mkdocs build --strict` passes: no broken link, reference or page outside the nav."""
    missing = [name for name in _DOCS_TOOLS if importlib.util.find_spec(name) is None]
    if missing:
        tools = ", ".join(missing)
        pytest.skip(f"the docs tools are not installed ({tools}): pip install -e '.[docs]'")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)  # noqa: S603 -- fixed arguments
    assert done.returncode == 0, done.stderr
