"""`newsclaims evaluate` guards its reads as parsers do: no file is read past the size limit.

Every file evaluate reads (brat ``.txt`` and ``.ann``, ``.json`` documents, each line of
``.jsonl``) longer than ``--max-chars`` bytes (``max_chars``; five million by default) is
refused before it is read whole, with one line naming the file and the problem.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from newsclaims import FormatError, Report, dumps
from newsclaims.evaluation import evaluate, load_corpus
from newsclaims.parsers import DEFAULT_MAX_CHARS
from tests._cli_helpers import assert_one_line_error, run

DATA = Path(__file__).parent / "data" / "evaluate"
GOLD = DATA / "gold"
TEXT = "Iran denied it."
ANN = "T1\tSource 0 4\tIran\nT2\tContent 12 14\tit\nE1\tAttribution:T1 Source:T1 Content:T2\n"


def _brat(folder: Path, text: str = TEXT, ann: str = ANN) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "a.ann").write_text(ann, encoding="utf-8")
    return folder


def _problem(limit: int) -> str:
    return f"longer than the limit of {limit:,} bytes"


@pytest.mark.parametrize("long_file", ["a.txt", "a.ann"])
def test_cli_refuses_a_long_brat_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], long_file: str
) -> None:
    """A brat .txt or .ann past --max-chars: exit 2, one line naming that file."""
    folder = _brat(tmp_path / "gold", TEXT * 10, ANN)
    if long_file == "a.ann":
        (folder / "a.txt").write_text(TEXT, encoding="utf-8")
        (folder / "a.ann").write_text(ANN * 10, encoding="utf-8")
    argv = ["evaluate", folder, folder, "--max-chars", "100"]
    assert_one_line_error(argv, capsys, folder / long_file, _problem(100))


def test_cli_refuses_a_long_json_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A newsclaims .json past --max-chars is refused before it is parsed."""
    path = tmp_path / "a.json"
    path.write_text(dumps(Report(TEXT * 10)), encoding="utf-8")
    argv = ["evaluate", path, path, "--max-chars", "100"]
    assert_one_line_error(argv, capsys, path, _problem(100))


def test_cli_names_the_long_line_of_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In JSON Lines the limit is per line, and the error names the line."""
    gold = _brat(tmp_path / "gold")
    path = tmp_path / "pred.jsonl"
    lines = [dumps(Report(TEXT)), dumps(Report("x" * 5000))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["evaluate", gold, path, "--max-chars", "1000"]
    assert_one_line_error(argv, capsys, path, f"line 2: {_problem(1000)}")


def test_cli_refuses_a_file_past_the_default_limit_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --max-chars the parsers' default applies, judged by size before reading."""
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(DEFAULT_MAX_CHARS + 1)  # sparse: measured, never read
    assert_one_line_error(["evaluate", path, path], capsys, path, _problem(DEFAULT_MAX_CHARS))


def test_cli_max_chars_zero_lifts_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--max-chars 0 reads files of any length, as for every other command."""
    folder = _brat(tmp_path / "gold", TEXT + " " * 200)
    assert run(["evaluate", folder, folder, "--max-chars", "0"], capsys)[0] == 0


def test_files_at_the_limit_are_read(tmp_path: Path) -> None:
    """A file of exactly max_chars bytes is read; the limit is not off by one."""
    folder = _brat(tmp_path / "gold")
    longest = max(len(TEXT.encode()), len(ANN.encode()))
    assert evaluate(folder, folder, max_chars=longest).metrics["triple"].f1 == 1.0


def test_load_corpus_refuses_a_long_file(tmp_path: Path) -> None:
    """The library call raises FormatError naming the file, like a parser's size guard."""
    gold = tmp_path / "gold"
    shutil.copytree(GOLD, gold)
    with pytest.raises(FormatError, match=f"^{re.escape(str(gold))}/.*: {_problem(10)}"):
        load_corpus(gold, max_chars=10)
