"""Writers: the registry, and each format written and (where readable) read back.

What each format can carry, and so what a round trip compares:

- ``json`` / ``jsonl``: everything; the report read back is equal.
- ``brat``: the text (in ``.txt``), every statement's source, cue and content spans (in text
  order: a discontinuous brat span lists its parts in order), form,
  source kind, certainty and polarity (where there is a confidence) and nesting; entities'
  kinds, mentions and names. Not: structure, metadata, statement ids, cue lemma / stance /
  kind / negation, likelihood, evidence, grading, source-to-entity links and the entities a
  statement mentions (the reader infers those from the spans), entities without mentions,
  aliases and attributes; a mention repeated in one entity is read once.
- ``citron``: the text, statement ids, source and content spans, one cue span (the hull of
  the cue's spans; an empty or absent cue reads back as none), and entities as coreference
  groups of mentions with the source's link to its entity where the entity has mentions.
  Not: everything else (see :mod:`newsclaims.formats._citron`).
"""

from __future__ import annotations

import csv
import importlib
import importlib.metadata
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsclaims
from newsclaims import NewsclaimsError, Report, Span, Statement, dumps, formats, loads
from newsclaims._standoff import one_line
from newsclaims.formats import _registry
from newsclaims.testing import reports
from tests.conftest import SEED_ARTICLE

DATA = Path(__file__).parent / "data" / "formats"


@pytest.fixture(scope="module")
def seed() -> Report:
    """The seed article as the extractor reads it."""
    return newsclaims.read(SEED_ARTICLE)


# --------------------------------------------------------------------------- registry


def test_available_lists_every_built_in_writer() -> None:
    """The built-in writers are all listed, sorted by name."""
    names = [name for name, _ in formats.available()]
    assert {"brat", "citron", "csv", "json", "jsonl", "jsonld"} <= set(names)
    assert names == sorted(names)


def test_unknown_writer_names_the_known_ones() -> None:
    """Asking for an unknown format is a NewsclaimsError that lists the known ones."""
    with pytest.raises(NewsclaimsError, match=r"no output format 'nope' \(known: brat, citron"):
        formats.get_writer("nope")


@attrs.frozen
class _FakeEntryPoint:
    name: str
    value: str
    target: object

    def load(self) -> object:
        if isinstance(self.target, Exception):
            raise self.target
        return self.target


def _with_plugins(monkeypatch: pytest.MonkeyPatch, *entries: _FakeEntryPoint) -> None:
    monkeypatch.setattr(_registry, "_REGISTRY", _registry._Registry())
    found = {_registry.ENTRY_POINT_GROUP: list(entries)}
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group: found.get(group, []))


def test_entry_point_writer_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer in the newsclaims.formats entry-point group is listed and usable."""
    upper = formats.Writer("upper", ".txt", "the text in capitals", lambda r: r.text.upper())
    _with_plugins(monkeypatch, _FakeEntryPoint("upper", "pkg:UPPER", upper))
    assert ("upper", "the text in capitals") in formats.available()
    assert formats.get_writer("upper").dumps(Report("hi")) == "HI"


def test_broken_entry_point_is_reported_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plugin that fails to load hides nothing else and says why when asked for."""
    _with_plugins(
        monkeypatch,
        _FakeEntryPoint("broken", "pkg:W", ImportError("no module named pkg")),
        _FakeEntryPoint("wrong", "pkg:X", object()),
    )
    assert "json" in dict(formats.available())
    with pytest.raises(NewsclaimsError, match="'broken' failed to load: ImportError: no module"):
        formats.get_writer("broken")
    with pytest.raises(NewsclaimsError, match=r"pkg:X is not a newsclaims\.formats\.Writer"):
        formats.get_writer("wrong")


def test_register_writer_refuses_a_taken_name() -> None:
    """register_writer does not silently replace a writer."""
    with pytest.raises(NewsclaimsError, match="'json' exists already"):
        formats.register_writer(formats.Writer("json", ".json", "mine", newsclaims.dumps))


# --------------------------------------------------------------------------- json, jsonl


def test_json_and_jsonl_round_trip_the_seed(seed: Report) -> None:
    """The seed's reading survives json and jsonl whole."""
    back = [loads(formats.get_writer(name).dumps(seed)) for name in ("json", "jsonl")]
    assert back == [seed, seed]


@given(reports())
def test_json_writer_round_trips(report: Report) -> None:
    """The json writer's output loads back equal."""
    assert report == loads(formats.get_writer("json").dumps(report))


@given(reports())
def test_jsonl_writer_round_trips(report: Report) -> None:
    """The jsonl writer writes one line that loads back equal."""
    text = formats.get_writer("jsonl").dumps(report)
    assert (text.count("\n"), report) == (1, loads(text))


# --------------------------------------------------------------------------- brat


def _parse_brat() -> Callable[..., Report]:
    function = getattr(newsclaims.parsers, "parse_brat", None)
    if function is None:  # not re-exported (yet): the parsers package's own module
        module = importlib.import_module("newsclaims.parsers._brat")
        function = module.parse_brat
    assert callable(function)
    return function  # type: ignore[no-any-return]


def _brat_view(report: Report, *, written: bool = False) -> dict[str, Any]:
    """What brat carries of a report (``written``: of the report before writing).

    A blank entity name is not carried: the reader names the entity after its first mention.
    """

    def name(e: newsclaims.Entity) -> str:
        flat = one_line(e.name).strip()
        mention = one_line(e.mentions[0].text_of(report.text)).strip()
        return flat or (mention if written else flat)

    index = {s.id: i for i, s in enumerate(report.statements)}
    statements = [
        (
            tuple(sorted(s.source.mentions)),
            tuple(sorted(s.cue.spans)),
            tuple(sorted(s.content)),
            s.form,
            s.source.kind,
            (s.confidence.certainty, s.confidence.polarity) if s.confidence else None,
            index.get(s.nested_in) if s.nested_in else None,
        )
        for s in report.statements
    ]
    entities = sorted(
        (
            name(e),
            e.kind.value,
            tuple(sorted(set(e.mentions))),
        )
        for e in report.entities
        if e.mentions
    )
    return {"text": report.text, "statements": statements, "entities": entities}


def _brat_round_trip(report: Report) -> Report:
    return _parse_brat()(report.text, formats.dumps_brat(report), origin="t.txt")


# brat's reader refuses control characters as binary data; line breaks of every kind stay.
_BRAT_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\n\r\u2028"),
    max_size=200,
)


@given(reports(text=_BRAT_TEXT))
def test_brat_round_trips_what_it_carries(report: Report) -> None:
    """brat written then read back keeps spans, labels, nesting and entities."""
    assert _brat_view(report, written=True) == _brat_view(_brat_round_trip(report))


def test_brat_round_trips_the_seed(seed: Report) -> None:
    """The seed's reading survives brat."""
    assert _brat_view(seed, written=True) == _brat_view(_brat_round_trip(seed))


def test_brat_keeps_each_annotation_on_one_line() -> None:
    """Line breaks of every kind inside spans and names never split an annotation line."""
    text = "A\x85B\u2028C said\x0bso."
    entity = newsclaims.Entity("E1", "A\x1cB", newsclaims.EntityKind.PERSON, [Span(0, 3)])
    statement = Statement(
        "S1",
        newsclaims.Source([Span(0, 5)], entity_ids=["E1"]),
        newsclaims.Cue([Span(6, 10)]),
        [Span(11, 14)],
    )
    ann = formats.dumps_brat(Report(text, statements=[statement], entities=[entity]))
    assert all(line[0] in "TEARN" for line in ann.splitlines())


# --------------------------------------------------------------------------- citron


def _citron_view(report: Report) -> dict[str, Any]:
    """What Citron carries of a report."""

    def hull(spans: tuple[Span, ...]) -> Span | None:
        if not spans:
            return None
        span = Span(min(s.start for s in spans), max(s.end for s in spans))
        return span if len(span) else None

    def linked(s: Statement) -> tuple[Span, ...] | None:
        if not s.source.entity_ids:
            return None
        return report.entity(s.source.entity_ids[0]).mentions or None

    return {
        "text": report.text,
        "statements": [
            (s.id, s.source.mentions, hull(s.cue.spans), s.content, linked(s))
            for s in report.statements
        ],
        "entities": [e.mentions for e in report.entities if e.mentions],
    }


@given(reports())
def test_citron_round_trips_what_it_carries(report: Report) -> None:
    """Citron written then read back keeps ids, spans and coreference groups."""
    back = formats.parse_citron(formats.dumps_citron(report), origin="c.json")
    assert _citron_view(report) == _citron_view(back)


def test_citron_round_trips_the_seed(seed: Report) -> None:
    """The seed's reading survives Citron."""
    back = formats.parse_citron(formats.dumps_citron(seed), origin="seed.json")
    assert _citron_view(seed) == _citron_view(back)


def test_citron_output_has_citron_keys(seed: Report) -> None:
    """Every quote has Citron's cue, sources and contents, each span with its text."""
    doc = json.loads(formats.dumps_citron(seed))
    quote = doc["quotes"][0]
    span = quote["cue"]
    assert (sorted(doc), span["text"]) == (
        ["coreference_groups", "quotes", "text"],
        seed.text[span["start"] : span["end"]],
    )
    assert {"cue", "sources", "contents", "coreferences", "id"} == set(quote)


def test_citron_reads_a_document_written_by_citron() -> None:
    """A Citron file (no ids, coreferences naming the source's antecedent) is read."""
    path = DATA / "humpty.citron.json"
    report = formats.parse_citron(path.read_bytes(), origin=str(path))
    statement = report.statements[0]
    assert (statement.id, [report.entity(i).name for i in statement.source.entity_ids]) == (
        "S1",
        ["Humpty Dumpty"],
    )


@pytest.mark.parametrize(
    ("doc", "problem"),
    [
        ("[]", "c.json: not a Citron document: no 'text' string"),
        ("{", "c.json: not JSON: Expecting property name enclosed in double quotes at line 1"),
        (
            '{"text": "abc", "quotes": [{"cue": {"start": 0, "end": 9}, "contents": []}]}',
            "c.json: quotes[0].cue: [0, 9] is not a span of the text (3 characters)",
        ),
        (
            '{"text": "abc", "quotes": [{"cue": {"start": 0, "end": 1, "text": "b"},'
            ' "contents": []}]}',
            "c.json: quotes[0].cue.text: 'b' is not the text at [0, 1]",
        ),
        (
            '{"text": "abc", "quotes": [{"cue": {"start": 0, "end": 1}, "contents": []}]}',
            "c.json: quotes[0].contents: a quote needs at least one content span",
        ),
    ],
)
def test_citron_errors_name_the_place(doc: str, problem: str) -> None:
    """A bad Citron document is a FormatError naming the file and the place."""
    with pytest.raises(newsclaims.FormatError) as caught:
        formats.parse_citron(doc, origin="c.json")
    assert str(caught.value) == problem


@given(reports())
@settings(max_examples=30)
def test_citron_reads_its_own_bytes(report: Report) -> None:
    """Reading bytes gives the same report as reading text."""
    text = formats.dumps_citron(report)
    from_bytes = formats.parse_citron(text.encode(), origin="c")
    assert formats.parse_citron(text, origin="c").statements == from_bytes.statements


# --------------------------------------------------------------------------- json-ld


@given(reports())
def test_jsonld_is_json_with_context_and_type(report: Report) -> None:
    """The JSON-LD is a NewsArticle with one Claim part per statement."""
    doc = json.loads(formats.dumps_jsonld(report))
    claims = doc.get("hasPart", [])
    assert (doc["@context"], doc["@type"], len(claims)) == (
        {"@vocab": "https://schema.org/"},
        "NewsArticle",
        len(report.statements),
    )
    assert all(claim["@type"] == "Claim" for claim in claims)


def test_jsonld_expands_with_pyld(seed: Report) -> None:
    """A JSON-LD processor (pyld) expands the seed's document offline to schema.org terms."""
    jsonld = pytest.importorskip("pyld.jsonld")
    expanded = jsonld.expand(json.loads(formats.dumps_jsonld(seed)))
    article = expanded[0]
    claims = article["https://schema.org/hasPart"]
    assert (article["@type"], len(claims)) == (
        ["https://schema.org/NewsArticle"],
        len(seed.statements),
    )
    assert claims[0]["@type"] == ["https://schema.org/Claim"]


def test_jsonld_converts_to_rdf(seed: Report) -> None:
    """pyld turns the document into RDF: one Claim per statement, typed as such."""
    jsonld = pytest.importorskip("pyld.jsonld")
    quads = jsonld.to_rdf(formats.to_jsonld(seed), {"format": "application/n-quads"})
    claims = [q for q in quads.splitlines() if q.endswith("<https://schema.org/Claim> .")]
    assert len(claims) == len(seed.statements)


def test_jsonld_types_entities_by_kind(seed: Report) -> None:
    """Entities appear as schema.org things of their kind."""
    doc = formats.to_jsonld(seed)
    types = {node["@type"] for node in doc.get("mentions", [])}
    assert types <= set(formats.SCHEMA_ORG_TYPES.values())


# --------------------------------------------------------------------------- csv, rows


@given(reports())
@settings(max_examples=50)
def test_csv_reads_back_as_the_rows(report: Report) -> None:
    """The CSV parses back (with the csv module) into exactly to_rows's dicts."""
    rows = list(csv.DictReader(io.StringIO(formats.dumps_csv(report), newline="")))
    assert list(formats.to_rows(report)) == rows


def test_rows_cover_the_columns(seed: Report) -> None:
    """Every row has exactly the documented columns, one row per statement."""
    rows = list(formats.to_rows([seed, seed]))
    assert (len(rows), set(rows[0])) == (2 * len(seed.statements), set(formats.COLUMNS))


def test_row_offsets_give_back_the_text(seed: Report) -> None:
    """A row's content offsets index the article text it shows."""
    row = next(formats.to_rows(seed))
    spans = [tuple(map(int, pair.split("-"))) for pair in row["content_offsets"].split(";")]
    assert row["content"] == seed.text_of([Span(a, b) for a, b in spans])


def test_csv_writer_header_is_written_once_per_file(seed: Report) -> None:
    """The csv writer's header comes from the writer, its rows from dumps."""
    writer = formats.get_writer("csv")
    assert writer.header + writer.dumps(seed) == formats.dumps_csv(seed)


def test_to_dataframe(seed: Report) -> None:
    """to_dataframe gives one row per statement and the documented columns."""
    pytest.importorskip("pandas")
    frame = formats.to_dataframe(seed)
    assert (len(frame), list(frame.columns)) == (len(seed.statements), list(formats.COLUMNS))


# --------------------------------------------------------------------------- all writers


@pytest.mark.parametrize("name", ["json", "jsonl", "brat", "citron", "jsonld", "csv"])
def test_every_writer_is_deterministic(seed: Report, name: str) -> None:
    """The same report gives the same bytes, and the output ends with a newline."""
    writer = formats.get_writer(name)
    first = writer.header + writer.dumps(seed)
    assert (first, first.endswith("\n")) == (writer.header + writer.dumps(seed), True)


@pytest.mark.parametrize("name", ["json", "jsonl", "citron", "jsonld"])
def test_json_writers_write_one_json_value(seed: Report, name: str) -> None:
    """JSON-based writers write exactly one JSON value."""
    assert isinstance(json.loads(formats.get_writer(name).dumps(seed)), dict)


def test_json_writer_matches_dumps(seed: Report) -> None:
    """The json writer is the newsclaims format, indented."""
    assert formats.get_writer("json").dumps(seed) == dumps(seed, indent=1) + "\n"


@pytest.mark.skipif(
    "citron" not in {info[0] for info in newsclaims.parsers.available()},
    reason="the parser registry does not list the citron reader yet",
)
def test_citron_through_the_parser_registry(seed: Report, tmp_path: Path) -> None:
    """Once registered, newsclaims.parse reads a .citron.json file like parse_citron does."""
    path = tmp_path / "seed.citron.json"
    path.write_text(formats.dumps_citron(seed), encoding="utf-8")
    direct = formats.parse_citron(path.read_bytes(), origin=str(path))
    assert _citron_view(direct) == _citron_view(newsclaims.parse(path))


def test_brat_quotes_control_characters_as_spaces() -> None:
    """A control character in a name or a span would make a short .ann read as binary data:
    it is quoted as a space, and the file reads back."""
    # One stray control character in an article is kept; a .ann quoting it, being short, would
    # have more than the reader's share of them.
    text = "Ir\x08an said no." + " The talks went on for a second week in Geneva." * 3
    entity = newsclaims.Entity(
        "E1", "Ir\x08\x08\x08an", newsclaims.EntityKind.COUNTRY, [Span(0, 5)]
    )
    statement = Statement(
        "S1", newsclaims.Source([Span(0, 5)]), newsclaims.Cue([Span(6, 10)]), [Span(11, 13)]
    )
    report = Report(text, statements=[statement], entities=[entity])
    ann = formats.dumps_brat(report)
    assert "\x08" not in ann
    back = _brat_round_trip(report)
    assert [(e.name, e.mentions) for e in back.entities] == [("Ir   an", (Span(0, 5),))]
    assert back.statements[0].source.mentions == (Span(0, 5),)
