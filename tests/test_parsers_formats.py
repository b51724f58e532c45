"""Decoding, newsclaims JSON / JSON Lines, corpus records and brat standoff."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

import newsclaims
from newsclaims import (
    Certainty,
    Cue,
    Entity,
    EntityKind,
    FormatError,
    Report,
    Source,
    SourceKind,
    Span,
    Statement,
    dumps,
    formats,
    parsers,
)
from newsclaims.parsers._brat import parse_brat, read_brat
from tests.conftest import POLNEAR

ARTICLE = "Talks resume\n\nIran denied it, its mission said.\n"


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("raw", "text", "encoding"),
    [
        (ARTICLE.encode("utf-8"), ARTICLE, "utf-8"),
        # Kept as U+FEFF, as brat and scorers count it when they read the .txt.
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "\ufeff" + ARTICLE, "utf-8"),
        (ARTICLE.encode("utf-16"), ARTICLE, "utf-16"),
        (ARTICLE.encode("utf-32"), ARTICLE, "utf-32"),
    ],
)
def test_bom_then_utf8(raw: bytes, text: str, encoding: str) -> None:
    """A byte-order mark decides the encoding; without one, UTF-8 is tried first."""
    report = parsers.parse(raw)
    assert (text, encoding) == (report.text, report.metadata.encoding)
    headline = report.structure.headline
    assert headline is not None
    assert report.text_of(headline) == ARTICLE.split("\n", maxsplit=1)[0]


def test_extract_to_brat_counts_the_byte_order_mark_of_the_file(tmp_path: Path) -> None:
    """The .ann written for a .txt saved with a byte-order mark indexes that file as brat and
    the scorer read it (UTF-8, the mark a character), and reads back the same."""
    article = tmp_path / "a.txt"
    article.write_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
    report = newsclaims.read(article)
    (tmp_path / "a.ann").write_text(formats.dumps_brat(report), encoding="utf-8")
    as_read = article.read_text(encoding="utf-8")
    for line in (tmp_path / "a.ann").read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            _, where, quoted = line.split("\t")
            _, start, end = where.split(" ")[:3]
            assert as_read[int(start) : int(end)] == quoted
    back = read_brat(article)
    assert [s.content for s in back.statements] == [s.content for s in report.statements]


def test_legacy_bytes_fall_back_to_windows_1252() -> None:
    """Bytes that are not UTF-8 are read as windows-1252, curly quotes and all."""
    text = "Caf\xe9 \u201ctalks\u201d resume\n\nThey did.\n"
    report = parsers.parse(text.encode("cp1252"))
    assert (text, "cp1252") == (report.text, report.metadata.encoding)


def test_origin_and_digest_are_recorded(tmp_path: Path) -> None:
    """Metadata holds the file's path and the SHA-256 of its raw bytes."""
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode("cp1252"))
    meta = parsers.parse(path).metadata
    assert (str(path), hashlib.sha256(path.read_bytes()).hexdigest()) == (meta.origin, meta.sha256)


@pytest.mark.parametrize(
    "raw",
    [b"\x00\x01\x02\x03binary", bytes(range(256)), b"PK\x03\x04" + b"\x00" * 40],
)
def test_binary_is_one_line_format_error(raw: bytes) -> None:
    """Binary input is a FormatError whose message is one line naming the input."""
    with pytest.raises(FormatError) as caught:
        parsers.parse(raw, origin="blob.bin")
    assert str(caught.value).startswith("blob.bin: binary data, not text (")
    assert "\n" not in str(caught.value)


def test_bad_bytes_after_a_bom_are_a_format_error() -> None:
    """Bytes that break the encoding their byte-order mark announces are refused."""
    with pytest.raises(FormatError, match="not utf-8-sig although it starts with"):
        parsers.parse(codecs.BOM_UTF8 + b"ok \xff\xfe bad", parser="text")


# --------------------------------------------------------------------------- json


def test_json_round_trip() -> None:
    """parse(dumps(report)) gives back the report, metadata as written."""
    report = Report(
        "Iran denied it.",
        statements=[
            Statement(
                "S1",
                Source([Span(0, 4)], SourceKind.NAMED),
                Cue([Span(5, 11)], "deny"),
                [Span(12, 14)],
            )
        ],
    )
    assert report == parsers.parse(dumps(report))


def test_json_lines_stream() -> None:
    """iter_parse yields each line's report; parse refuses several."""
    lines = dumps(Report("One.")) + "\n\n" + dumps(Report("Two.")) + "\n"
    assert [r.text for r in parsers.iter_parse(lines)] == ["One.", "Two."]
    with pytest.raises(FormatError, match="several reports"):
        parsers.parse(lines)


def test_json_lines_bad_line_is_named() -> None:
    """A broken line's error names its number."""
    lines = dumps(Report("One.")) + "\n" + '{"schema": "newsclaims/1", "text": 3}\n'
    with pytest.raises(FormatError, match=r"line 2: text: 3 is not a string"):
        list(parsers.iter_parse(lines, parser="jsonl"))


# --------------------------------------------------------------------------- records


def test_record_becomes_headline_and_body() -> None:
    """A record's title is the headline, its text the body, its fields the metadata."""
    line = '{"title": "Talks\\nresume", "text": "They resumed, he said.", '
    line += '"url": "https://x.example/a", "date": "2016-09-12", "author": ["A", "B"]}'
    report = parsers.parse(line + "\n")
    assert report.text == "Talks resume\n\nThey resumed, he said."
    assert report.text_of(report.structure.headline) == "Talks resume"  # type: ignore[arg-type]
    assert (
        report.metadata.url,
        report.metadata.published.isoformat(),  # type: ignore[union-attr]
        report.metadata.authors,
    ) == ("https://x.example/a", "2016-09-12T00:00:00+00:00", ("A", "B"))


def test_record_field_names_are_configurable() -> None:
    """A RecordsParser with other field names reads other dumps."""
    from newsclaims.parsers._records import RecordsParser  # noqa: PLC0415

    mine = RecordsParser(name="mine", text_field="body", date_field="published_at")
    report = mine.parse('{"body": "Words.", "published_at": 0}', origin="d")
    assert (
        report.text,
        report.metadata.published.isoformat(),  # type: ignore[union-attr]
    ) == ("Words.", "1970-01-01T00:00:00+00:00")


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"title": "x"}', "text: no 'text' field"),
        ('{"text": 4}', "text: 4 is not a string"),
        ('{"text": "x", "date": "soon"}', "date: 'soon' is not an ISO 8601 or RFC 2822 date"),
        ("[1, 2]", "a record is a JSON object, not int"),
    ],
)
def test_bad_records(line: str, problem: str) -> None:
    """A bad record is a FormatError naming the line and the field."""
    with pytest.raises(FormatError, match="records.jsonl: .*" + problem.replace("(", r"\(")):
        list(parsers.iter_parse(line, parser="records", origin="records.jsonl"))


# --------------------------------------------------------------------------- brat

ANN = """\
T1\tSource 14 18\tIran
T2\tCue 19 25\tdenied
T3\tContent 26 28\tit
T4\tAttribution 19 25\tdenied
E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3
T5\tSource 30 41\tits mission
T6\tCue 42 46\tsaid
T7\tContent 14 28\tIran denied it
T8\tAttribution 42 46\tsaid
E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7
A1\tCertainty E1 probable
A2\tSourceKind E1 named
R1\tNestedIn Arg1:E1 Arg2:E2
T9\tCountry 14 18\tIran
N1\tReference T9 newsclaims:E7\tIran
T10\tGovernment 34 41\tmission
"""


def test_brat_statements() -> None:
    """Attribution events become statements with source, cue, content and attributes."""
    report = parse_brat(ARTICLE, ANN)
    first, second = report.statements
    assert (
        first.id,
        report.text_of(first.source.mentions),
        report.text_of(first.cue.spans),
        report.text_of(first.content),
        first.confidence.certainty,  # type: ignore[union-attr]
        first.source.kind,
        first.nested_in,
    ) == ("S1", "Iran", "denied", "it", Certainty.PROBABLE, SourceKind.NAMED, "S2")
    assert (second.confidence, second.source.kind) == (None, SourceKind.UNSPECIFIED)


def test_brat_entities() -> None:
    """Entity lines become entities, grouped by N lines, linked to sources and contents."""
    report = parse_brat(ARTICLE, ANN)
    assert [
        Entity("E7", "Iran", EntityKind.COUNTRY, mentions=[Span(14, 18)]),
        Entity("T10", "mission", EntityKind.GOVERNMENT, mentions=[Span(34, 41)]),
    ] == list(report.entities)
    assert (
        report.statements[0].source.entity_ids,
        report.statements[1].entity_ids,
    ) == (("E7",), ("E7",))


def test_brat_round_trips_the_writer() -> None:
    """What formats' brat writer writes, the brat parser reads back."""
    from newsclaims.formats._brat import dumps_brat  # noqa: PLC0415

    report = parse_brat(ARTICLE, ANN)
    again = parse_brat(ARTICLE, dumps_brat(report))
    assert [(s.id, s.source, s.cue.spans, s.content, s.nested_in) for s in report.statements] == [
        (s.id, s.source, s.cue.spans, s.content, s.nested_in) for s in again.statements
    ]


def test_brat_by_path(tmp_path: Path) -> None:
    """A path to STEM.txt or STEM.ann reads both files."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.ann").write_text(ANN, encoding="utf-8")
    assert len(parsers.parse(tmp_path / "a.ann").statements) == 2
    assert len(parsers.parse(tmp_path / "a.txt", parser="brat").statements) == 2


@pytest.mark.parametrize(
    ("ann", "problem"),
    [
        ("T1\tSource 0 400\tx\n", "line 1: span 0 400 is past the end of the text"),
        ("T1\tSource 0 4\tNope\n", "line 1: offsets cover 'Talk', the line quotes 'Nope'"),
        ("E1\tAttribution:T9 Content:T9\n", "E1: Content:T9 names no text-bound annotation"),
        ("what is this\n", "line 1: not a brat annotation"),
        (
            "T1\tContent 0 4\tTalk\nE1\tAttribution:T1 Content:T1\nA1\tForm E1 sung\n",
            "E1: bad attribute",
        ),
    ],
)
def test_bad_brat(ann: str, problem: str) -> None:
    """A broken .ann is a FormatError naming the line or event."""
    with pytest.raises(FormatError, match=problem):
        parse_brat(ARTICLE, ann, origin="a.txt", ann_origin="a.ann")


def test_brat_data_alone_is_refused() -> None:
    """The brat parser refuses bare data: the standoff needs its text."""
    with pytest.raises(FormatError, match="brat standoff is two files"):
        parsers.parse("T1\tSource 0 4\tIran\n")


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="shared PolNeAR data not present beside the repo")
def test_polnear_annotations_load() -> None:
    """Every PolNeAR .ann loads against its article."""
    count = 0
    for ann in sorted(POLNEAR.glob("*/attributions/*.ann")):
        text = ann.parent.parent / "text" / (ann.stem.rsplit("_", 1)[0] + ".txt")
        count += len(read_brat(text, ann).statements)
    assert count > 20000


def test_utf16_without_bom_is_refused() -> None:
    """UTF-16 without a byte-order mark is full of NULs: a FormatError, not mojibake."""
    with pytest.raises(FormatError, match="binary data, not text"):
        parsers.parse(ARTICLE.encode("utf-16-le"))


DATA = Path(__file__).resolve().parent / "data" / "parsers"


def test_records_file_streams_by_suffix_and_content() -> None:
    """A .jsonl corpus dump is sniffed as records and read record by record."""
    reports = list(parsers.iter_parse(DATA / "corpus.jsonl"))
    assert [
        ("Talks resume", f"{DATA / 'corpus.jsonl'}: line 1", "2016-09-12T10:00:00-04:00"),
        (
            "Iran denies arming Russia",
            f"{DATA / 'corpus.jsonl'}: line 2",
            "2016-09-12T10:00:00+00:00",
        ),
        ("No date here", f"{DATA / 'corpus.jsonl'}: line 4", None),
    ] == [
        (
            r.text_of(r.structure.headline),  # type: ignore[arg-type]
            r.metadata.origin,
            None if r.metadata.published is None else r.metadata.published.isoformat(),
        )
        for r in reports
    ]


def test_brat_pair_by_sniffing() -> None:
    """A .ann path is sniffed as brat; its N line names the entity."""
    report = parsers.parse(DATA / "short.ann")
    (statement,) = report.statements
    (entity,) = report.entities
    assert (
        entity.id,
        entity.name,
        statement.source.entity_ids,
        statement.confidence.polarity.value,  # type: ignore[union-attr]
    ) == ("Q794", "Iran", ("Q794",), "negative")


def test_brat_origin_is_the_article() -> None:
    """Read through its .ann, a brat report's origin and digest are the article's."""
    meta = parsers.parse(DATA / "short.ann").metadata
    raw = (DATA / "short.txt").read_bytes()
    assert (str(DATA / "short.txt"), hashlib.sha256(raw).hexdigest()) == (meta.origin, meta.sha256)
