"""The JSON format: round trips, determinism, the schema, and errors that name the place."""

from __future__ import annotations

import functools
import io
import json
from pathlib import Path

import attrs
import cattrs
import jsonschema
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclaims
from newsclaims import (
    Entity,
    EntityKind,
    FormatError,
    Report,
    Span,
    Structure,
    dumps,
    loads,
    serialise,
)
from newsclaims.testing import reports
from tests.conftest import SEED_ARTICLE

_VALIDATOR = jsonschema.Draft202012Validator(newsclaims.json_schema())


@given(reports())
def test_loads_inverts_dumps(report: Report) -> None:
    """Every report survives a JSON round trip unchanged."""
    assert loads(dumps(report)) == report


@given(reports())
def test_dumps_is_deterministic(report: Report) -> None:
    """The same report gives the same bytes, also after a round trip."""
    assert dumps(report) == dumps(loads(dumps(report)))


@given(reports())
def test_every_dumped_report_validates_against_the_schema(report: Report) -> None:
    """The published JSON Schema accepts everything we write."""
    _VALIDATOR.validate(json.loads(dumps(report)))


def test_the_schema_is_a_valid_json_schema() -> None:
    """The generated schema is itself valid draft 2020-12."""
    jsonschema.Draft202012Validator.check_schema(newsclaims.json_schema())


def test_the_schema_rejects_a_document_with_unknown_keys() -> None:
    """Non-Python consumers get the same strictness as loads."""
    doc = json.loads(dumps(Report("Hi.")))
    doc["surprise"] = 1
    assert not _VALIDATOR.is_valid(doc)


def test_document_starts_with_the_schema_version() -> None:
    """The version comes first so that readers can dispatch on it."""
    assert dumps(Report("Hi.")).startswith('{"schema":"newsclaims/1",')


def test_non_ascii_text_is_written_as_is() -> None:
    """Curly quotes and accents stay readable in the JSON."""
    assert "“Iran’s”" in dumps(Report("“Iran’s”"))


def _doc(**fields: object) -> str:
    return json.dumps({"schema": "newsclaims/1", "text": "abc", **fields})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"schema": "newsclaims/1", "text": 42}', "<string>: text: 42 is not a string"),
        ("[1, 2]", "<string>: expected a JSON object, found an array"),
        ('{"text": "x"}', "<string>: no 'schema' key: not a newsclaims document (newsclaims/1)"),
        (
            "{nope",
            "<string>: not JSON: Expecting property name enclosed in double quotes "
            "at line 1 column 2",
        ),
        (
            '{"schema": "newsclaims/7", "text": "x"}',
            "<string>: schema: 'newsclaims/7' is newer than this newsclaims reads (newsclaims/1); "
            "upgrade newsclaims",
        ),
        (
            '{"schema": "other/1", "text": "x"}',
            "<string>: schema: unknown schema 'other/1'; expected 'newsclaims/1'",
        ),
        (_doc(extra=1), "<string>: unknown key 'extra'"),
        (
            _doc(statements=[{"id": "S1", "source": {}, "cue": {}, "content": [[0, 9]]}]),
            "<string>: statements[0].content[0].end: 9 is past the end of the text (3 characters)",
        ),
        (
            _doc(statements=[{"id": "S1", "source": {}, "cue": {}, "content": [[2, 1]]}]),
            "<string>: statements[0].content[0].end: 1 is before start 2",
        ),
        (
            _doc(statements=[{"id": "S1", "source": {}, "cue": {}, "content": [[0, "1"]]}]),
            "<string>: statements[0].content[0]: [0, '1'] is not a span [start, end] "
            "of two integers",
        ),
        (
            _doc(
                statements=[
                    {"id": "S1", "source": {"kind": "famous"}, "cue": {}, "content": [[0, 1]]}
                ]
            ),
            "<string>: statements[0].source.kind: 'famous' is not a SourceKind "
            "(named, anonymous, unspecified)",
        ),
        (
            _doc(structure={"paragraphs": [[0, 1], [2, "3"]]}),
            "<string>: structure.paragraphs[1]: [2, '3'] is not a span [start, end] "
            "of two integers",
        ),
        (
            _doc(structure={"paragraphs": [[0, 1], [3, 2]]}),
            "<string>: structure.paragraphs[1].end: 2 is before start 3",
        ),
        (
            _doc(structure={"paragraphs": [[0, 1], [0, 1, 2]]}),
            "<string>: structure.paragraphs[1]: [0, 1, 2] is not a span [start, end] "
            "of two integers",
        ),
        (
            _doc(structure={"paragraphs": 5}),
            "<string>: structure.paragraphs: expected an array, found a number",
        ),
        (
            # A string is iterable; read as a tuple it would become ("U", "S").
            _doc(entities=[{"id": "E1", "name": "US", "kind": "country", "aliases": "US"}]),
            "<string>: entities[0].aliases: expected an array, found a string",
        ),
        (
            _doc(entities={"E1": {"name": "US"}}),
            "<string>: entities: expected an array, found an object",
        ),
        (
            _doc(structure={"headline": [-1, 2]}),
            "<string>: structure.headline.start: -1 is negative",
        ),
        (
            _doc(metadata={"published": "yesterday"}),
            "<string>: metadata.published: 'yesterday' is not an ISO 8601 time",
        ),
    ],
)
def test_loads_errors_name_the_input_the_place_and_the_problem(text: str, message: str) -> None:
    """Every bad document gives one FormatError whose message says where and what."""
    with pytest.raises(FormatError) as info:
        loads(text)
    assert str(info.value) == message


def test_loads_survives_deeply_nested_json() -> None:
    """Nesting deep enough to break the json module is a FormatError, not a crash."""
    with pytest.raises(FormatError, match="nested too deeply"):
        loads("[" * 200_000)


def test_format_error_is_a_value_error() -> None:
    """Callers that catch ValueError catch our format errors too."""
    with pytest.raises(ValueError, match="no 'schema' key"):
        loads("{}")


def test_dump_and_load_a_file(tmp_path: Path) -> None:
    """dump writes a file that load reads back equal."""
    report = Report("Hi there.", structure=Structure(headline=Span(0, 9)))
    newsclaims.dump(report, tmp_path / "r.json")
    assert newsclaims.load(tmp_path / "r.json") == report
    assert not list(tmp_path.glob(".*partial"))


def test_load_names_the_file_in_errors(tmp_path: Path) -> None:
    """Errors from a file name that file."""
    path = tmp_path / "bad.json"
    path.write_text('{"schema": "newsclaims/1", "text": 1}', encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad\.json: text: 1 is not a string"):
        newsclaims.load(path)


def test_json_lines_round_trip() -> None:
    """dump_lines and iter_lines carry a stream of reports, one per line."""
    stream = io.StringIO()
    corpus = [Report("One."), Report("Two.")]
    assert newsclaims.dump_lines(corpus, stream) == 2
    stream.seek(0)
    assert list(newsclaims.iter_lines(stream)) == corpus


def test_json_lines_errors_name_the_line(tmp_path: Path) -> None:
    """A bad line in a corpus is reported with its number."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(dumps(Report("One.")) + "\n\n" + '{"schema": 3}\n', encoding="utf-8")
    with pytest.raises(FormatError, match=r"corpus\.jsonl: line 3: schema: unknown schema 3"):
        list(newsclaims.iter_lines(path))


def test_the_seed_article_round_trips() -> None:
    """The seed article, parsed, survives JSON unchanged."""
    report = newsclaims.parse(SEED_ARTICLE)
    assert loads(dumps(report)) == report
    assert report.text == SEED_ARTICLE.read_text(encoding="utf-8")


@given(reports())
def test_compact_dumps_is_json_dumps_of_the_document(report: Report) -> None:
    """The prebuilt encoder writes the same bytes as json.dumps with the same settings."""
    doc = serialise.unstructure_report(report)
    assert json.dumps(doc, ensure_ascii=False, separators=(",", ":")) == dumps(report)


def _generic_span_converter() -> cattrs.Converter:
    """A converter whose Span hooks are equal to ours but not ours: the per-item paths."""
    conv = serialise.make_converter()
    conv.register_structure_hook(Span, functools.partial(serialise._structure_span))
    conv.register_unstructure_hook(Span, functools.partial(serialise._unstructure_span))
    return conv


@given(reports())
def test_span_tuples_give_what_the_per_item_path_gives(report: Report) -> None:
    """The one-comprehension hooks for tuples of spans agree with per-span hooks."""
    generic = _generic_span_converter()
    doc = newsclaims.converter.unstructure(report)
    assert doc == generic.unstructure(report)
    assert generic.structure(doc, Report) == newsclaims.converter.structure(doc, Report)


def test_a_user_span_hook_applies_inside_tuples() -> None:
    """A hook registered for Span is used for every span, in tuples too."""
    conv = serialise.make_converter()
    conv.register_unstructure_hook(Span, lambda span: {"from": span.start, "to": span.end})
    conv.register_structure_hook(Span, lambda value, _: Span(value["from"], value["to"]))
    structure = Structure(headline=Span(0, 2), paragraphs=[Span(0, 1), Span(1, 3)])
    doc = conv.unstructure(structure)
    assert doc["paragraphs"] == [{"from": 0, "to": 1}, {"from": 1, "to": 3}]
    assert structure == conv.structure(doc, Structure)


@attrs.frozen
class _TaggedReport(Report):
    """A user's subclass of Report, written with a hook of the user's own."""

    tag: str = ""


def test_a_user_hook_on_a_subclass_is_used() -> None:
    """A user's hook for their Report subclass shapes what the converter writes."""
    conv = serialise.make_converter()
    base = conv.get_unstructure_hook(Report)
    conv.register_unstructure_hook(_TaggedReport, lambda r: {**base(r), "tag": r.tag})
    assert conv.unstructure(_TaggedReport("Hi.", tag="x"))["tag"] == "x"


# --------------------------------------------------------------------------- orjson


_JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**64 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(exclude_categories=["Cs"])),
)
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"])))
def test_orjson_writes_strings_as_the_standard_library_does(value: str) -> None:
    """Every string a report can hold is escaped the same way: control characters as \\u00XX,
    quote and backslash escaped, everything else (U+2028 and emoji included) as UTF-8."""
    expected = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert orjson.dumps(value).decode("utf-8") == expected
    assert dumps(Report(value)).startswith(f'{{"schema":"newsclaims/1","text":{expected},')


@given(_JSON_VALUES)
def test_reading_json_agrees_with_the_standard_library(value: object) -> None:
    """The fast reader returns what json.loads returns, for text and for bytes."""
    text = json.dumps(value, ensure_ascii=False)
    assert serialise._parse_json(text, "x") == json.loads(text)
    assert serialise._parse_json(text.encode("utf-8"), "x") == json.loads(text)


@given(st.text(max_size=30) | st.binary(max_size=30).map(lambda b: b.decode("latin-1")))
def test_text_the_fast_reader_refuses_gets_the_standard_library_answer(text: str) -> None:
    """Any text at all: both readers give the same value, or both refuse it."""
    try:
        expected: object = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        with pytest.raises(FormatError, match=r"^x: not JSON"):
            serialise._parse_json(text, "x")
    else:
        got = serialise._parse_json(text, "x")
        # NaN is not equal to itself: compare the JSON that both values write.
        assert json.dumps(got) == json.dumps(expected)


def test_bytes_with_a_byte_order_mark_are_read() -> None:
    report = Report("Iran has denied involvement.")
    assert loads(b"\xef\xbb\xbf" + dumps(report).encode("utf-8")) == report


def test_bytes_that_are_not_utf8_name_the_byte() -> None:
    with pytest.raises(FormatError, match=r"^<string>: not UTF-8 at byte 33$"):
        loads(b'{"schema":"newsclaims/1","text":"\xff"}')


def test_a_number_too_large_for_any_offset_is_refused_in_one_line() -> None:
    big = 2**80
    text = f'{{"schema":"newsclaims/1","text":"Hi.","structure":{{"headline":[0,{big}]}}}}'
    with pytest.raises(FormatError, match=r"^<string>: structure\.headline: .* not a span"):
        loads(text)


def test_a_string_no_file_can_hold_is_refused_by_dumps_with_its_place() -> None:
    """A lone surrogate in an entity's name (the text refuses them at construction)."""
    report = Report("Iran.", entities=(Entity("E1", "Ir\udc80n", EntityKind.COUNTRY),))
    with pytest.raises(FormatError) as caught:
        dumps(report)
    assert str(caught.value) == (
        "<report>: entities[0].name: not valid Unicode: a lone surrogate (U+DC80) at character 2"
    )
