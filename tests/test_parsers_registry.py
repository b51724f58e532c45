"""The parser registry: names, sniffing, run-time registration and entry-point plugins."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from newsclaims import FormatError, Report, dumps, parsers
from newsclaims.parsers import Data, Sample

PLUGIN_DIR = Path(__file__).resolve().parent / "data" / "plugin"
FEED = "NEWSFEED/1\nTITLE: Talks resume\n---\nThe talks resumed on Monday, officials said.\n"


@pytest.fixture
def plugin_on_path(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make the test plugin distribution visible to importlib.metadata and imports."""
    monkeypatch.syspath_prepend(str(PLUGIN_DIR))
    parsers.refresh()
    yield
    monkeypatch.delitem(sys.modules, "newsfeed_plugin", raising=False)
    monkeypatch.undo()
    parsers.refresh()


@attrs.frozen
class _Shouty:
    name: str = "shouty"
    description: str = "text in capitals"

    def sniff(self, sample: Sample) -> float:
        return 0.99 if sample.head.startswith("SHOUT:") else 0.0

    def parse(self, data: Data, *, origin: str) -> Report:  # noqa: ARG002 -- the protocol's
        text = data if isinstance(data, str) else data.decode()
        return Report(text.upper())


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        ("Talks resume\n\nThey did.", None, "text"),
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", None, "html"),
        ("<p>Hi</p>", "page.htm", "html"),
        (dumps(Report("A.")), None, "json"),
        (dumps(Report("A.")) + "\n" + dumps(Report("B.")) + "\n", None, "jsonl"),
        ('{"text": "Body.", "title": "T"}\n', None, "records"),
        ("T1\tSource 0 4\tIran\n", None, "brat"),
        ("anything", "notes.ann", "brat"),
    ],
)
def test_sniffing_picks_the_format(data: str, name: str | None, expected: str) -> None:
    """Each built-in format is recognised by content or file name."""
    assert expected == parsers.detect(data, name=name).name


def test_parse_by_name_overrides_sniffing() -> None:
    """A parser named explicitly is used even if another would sniff higher."""
    report = parsers.parse("<p>Hi</p>", parser="text")
    assert report.text == "<p>Hi</p>"


def test_unknown_name_is_a_format_error() -> None:
    """An unknown parser name is a FormatError listing the known ones."""
    with pytest.raises(FormatError, match=r"no parser named 'nope' \(known: brat, citron, html"):
        parsers.parse("x", parser="nope")


def test_register_at_run_time() -> None:
    """A registered parser is found by name and by sniffing, and can be removed."""
    parsers.register(_Shouty())
    try:
        assert parsers.parse("SHOUT: hi").text == "SHOUT: HI"
        assert parsers.get("shouty").description == "text in capitals"
        assert "shouty" in [info.name for info in parsers.available()]
    finally:
        parsers.unregister("shouty")
    assert parsers.parse("SHOUT: hi").text == "SHOUT: hi"


def test_register_refuses_a_taken_name() -> None:
    """Registering over an existing name needs replace=True."""
    with pytest.raises(ValueError, match="a parser named 'text' exists"):
        parsers.register(attrs.evolve(_Shouty(), name="text"))


def test_register_refuses_a_non_parser() -> None:
    """An object without the protocol's members is refused."""
    with pytest.raises(TypeError, match="is not a Parser"):
        parsers.register(object())  # type: ignore[arg-type]


def test_parser_object_can_be_passed() -> None:
    """parse() accepts a parser object as well as a name."""
    assert parsers.parse("SHOUT: x", parser=_Shouty()).text == "SHOUT: X"


def test_available_lists_names_and_descriptions() -> None:
    """available() gives (name, description) pairs sorted by name, as the CLI prints them."""
    infos = parsers.available()
    names = [name for name, _ in infos]
    assert names == sorted(names)
    assert {"brat", "html", "json", "jsonl", "records", "text"} <= set(names)
    assert all(description for _, description in infos)


@pytest.mark.usefixtures("plugin_on_path")
def test_entry_point_plugin_found_by_name() -> None:
    """A parser installed through the newsclaims.parsers entry point is found by name."""
    report = parsers.parse(FEED, parser="newsfeed")
    assert report.structure.headline is not None
    assert report.text_of(report.structure.headline) == "Talks resume"


@pytest.mark.usefixtures("plugin_on_path")
def test_entry_point_plugin_found_by_sniffing(tmp_path: Path) -> None:
    """The plugin wins sniffing on its own content and on its file suffix."""
    assert parsers.parse(FEED).text.startswith("Talks resume\n\n")
    path = tmp_path / "item.feed"
    path.write_text(FEED, encoding="utf-8")
    assert parsers.detect(path.read_bytes(), name=path.name).name == "newsfeed"
    assert parsers.parse(path).metadata.origin == str(path)


@pytest.mark.usefixtures("plugin_on_path")
def test_broken_plugin_is_listed_not_fatal() -> None:
    """A plugin that cannot be imported is listed as broken and does not stop sniffing."""
    listed = dict(parsers.available())
    assert listed["newsfeed"] == "NEWSFEED/1 items (test plugin)"
    assert listed["broken"].startswith("(broken) cannot load newsfeed_plugin_missing:parser")
    assert parsers.parse("Plain words.").text == "Plain words."
    with pytest.raises(FormatError, match="plugin 'broken': cannot load"):
        parsers.get("broken")


def test_plugins_absent_without_the_distribution() -> None:
    """Without the test distribution on sys.path, its parser is unknown."""
    parsers.refresh()
    assert "newsfeed" not in [name for name, _ in parsers.available()]


def test_import_newsclaims_loads_no_parser_module() -> None:
    """import newsclaims imports neither a parser module nor entry points' code."""
    code = (
        "import sys, newsclaims; "
        "print(sorted(m for m in sys.modules if m.startswith('newsclaims.parsers.')))"
    )
    out = subprocess.run(  # noqa: S603 -- our own interpreter, our own code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert (
        out.strip() == "['newsclaims.parsers._decode', 'newsclaims.parsers._protocol', "
        "'newsclaims.parsers._registry']"
    )


def test_open_files_are_read() -> None:
    """Binary and text file objects are read; their name is the origin."""
    binary = io.BytesIO("Caf\xe9 talks\n\nThey did.".encode("cp1252"))
    text = io.StringIO("<html><body><p>Hi.</p></body></html>")
    assert (
        parsers.parse(binary).metadata.encoding,
        parsers.detect(text.getvalue()).name,
    ) == ("cp1252", "html")
    assert parsers.parse(text).text == "Hi."


def test_iter_parse_yields_one_report_for_single_formats() -> None:
    """iter_parse on a one-report format yields that one report."""
    assert [r.text for r in parsers.iter_parse("Plain.")] == ["Plain."]
