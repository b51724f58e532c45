"""The plain-text parser: the seed's sections, PolNeAR headlines, and the rules one by one."""

from __future__ import annotations

import json

import pytest

from newsclaims import Report, parsers
from newsclaims.parsers._text import parse_text
from tests.conftest import POLNEAR, SEED_ARTICLE, SEED_EXPECTED

LEAD = "WASHINGTON — The talks resumed on Monday after weeks of quiet diplomacy, officials said."
POLNEAR_TEXTS = sorted(POLNEAR.glob("*/text/*.txt"))


def _texts(report: Report, spans: object) -> list[str]:
    return [report.text_of(span) for span in spans]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def seed() -> Report:
    return parsers.parse(SEED_ARTICLE)


@pytest.fixture(scope="module")
def sections() -> dict[str, object]:
    expected: dict[str, object] = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))["sections"]
    return expected


def test_seed_headline(seed: Report, sections: dict[str, object]) -> None:
    """The seed's headline is its first line."""
    assert sections["headline"] == seed.text_of(seed.structure.headline)  # type: ignore[arg-type]


def test_seed_standfirst(seed: Report, sections: dict[str, object]) -> None:
    """The seed's dek, a paragraph without a final full stop, is the standfirst."""
    assert sections["standfirst"] == seed.text_of(seed.structure.standfirst)  # type: ignore[arg-type]


def test_seed_caption(seed: Report, sections: dict[str, object]) -> None:
    """The handout-image paragraph is the one caption, with its credit line."""
    assert sections["captions"] == [seed.text_of(c.span) for c in seed.structure.captions]
    credit = seed.structure.captions[0].credit
    assert credit is not None
    assert seed.text_of(credit) == "Iranian Army/WANA (West Asia News Agency)/PHOTO:REUTER"


def test_seed_boilerplate(seed: Report, sections: dict[str, object]) -> None:
    """RELATED and Load Next Story are boilerplate."""
    assert sections["boilerplate"] == _texts(seed, seed.structure.boilerplate)


def test_seed_body(seed: Report, sections: dict[str, object]) -> None:
    """The rest are the 11 body paragraphs."""
    assert sections["body_paragraphs"] == len(seed.structure.paragraphs)


def test_seed_text_unchanged(seed: Report) -> None:
    """The report's text is the file's text, exactly."""
    assert SEED_ARTICLE.read_text(encoding="utf-8") == seed.text


@pytest.mark.skipif(not POLNEAR_TEXTS, reason="shared PolNeAR data not present beside the repo")
def test_every_polnear_headline_is_the_first_line() -> None:
    """All PolNeAR articles parse with their text intact and their first line as headline."""
    wrong = []
    for path in POLNEAR_TEXTS:
        text = path.read_text(encoding="utf-8")
        report = parsers.parse(path)
        headline = report.structure.headline
        if (
            report.text != text
            or headline is None
            or report.text_of(headline) != text.split("\n", 1)[0].strip()
        ):
            wrong.append(path.name)
    assert wrong == []
    assert len(POLNEAR_TEXTS) == 924


@pytest.mark.parametrize(
    ("text", "standfirst"),
    [
        (
            "Head\n\nA dek without a full stop here\n\nBody one. Body two.",
            "A dek without a full stop here",
        ),
        (
            "Head; \nThe dek on the headline's own paragraph.\n\nBody.",
            "The dek on the headline's own paragraph.",
        ),
        (
            "Head.\n\nABSTRACT.\n\nThe abstract is the standfirst. It may be long.\n\n"
            "FULL TEXT.\n\nBody.",
            "The abstract is the standfirst. It may be long.",
        ),
        (
            "Head\n\nBloc aims to rely less on U.S. support.\n\nBody follows here.",
            "Bloc aims to rely less on U.S. support.",
        ),
        (
            "Head\n\nWASHINGTON (AP) — The first paragraph is a long lead sentence with a "
            "dateline and it ends properly.\n\nMore.",
            None,
        ),
        ("Head\n\nFirst sentence. Second sentence.\n\nMore.", None),
    ],
)
def test_standfirst_rules(text: str, standfirst: str | None) -> None:
    """A dek-like unit right after the headline is the standfirst; a lead paragraph is not."""
    report = parse_text(text)
    found = report.structure.standfirst
    assert standfirst == (None if found is None else report.text_of(found))


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("President Biden speaks in Washington. (AP Photo/Evan Vucci)", "AP Photo/Evan Vucci"),
        ("Scott Olson via Getty Images.", "Scott Olson via Getty Images."),
        ("The minister arrives. Photo: PA", "Photo: PA"),
        ("Protesters gather outside. REUTERS/Kevin Lamarque", "REUTERS/Kevin Lamarque"),
        ("A file photo shows the plant in 2019", None),
    ],
)
def test_captions_and_credits(caption: str, credit: str | None) -> None:
    """Photo captions are captions, with the credit's span when it can be told apart."""
    report = parse_text(f"Head\n\nBody text, officials said.\n\n{caption}\n\nMore body.")
    (found,) = report.structure.captions
    assert caption == report.text_of(found.span)
    assert credit == (None if found.credit is None else report.text_of(found.credit))


def test_reuters_in_a_sentence_is_body() -> None:
    """A body paragraph citing a Reuters/Ipsos poll is not a caption."""
    report = parse_text("Head\n\nBody.\n\nA Reuters/Ipsos poll found a dead heat.")
    assert report.structure.captions == ()


@pytest.mark.parametrize(
    "line",
    [
        "RELATED",
        "Load Next Story",
        "Advertisement",
        "Read more",
        "Share this article",
        "Sign up for our newsletter",
        "Click here to subscribe",
        "READ MORE: Other story",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    """Navigation and promotion lines are boilerplate, not body."""
    report = parse_text(f"Head\n\n{LEAD}\n\n{line}\n\nBody two.")
    assert [line] == _texts(report, report.structure.boilerplate)
    assert len(report.structure.paragraphs) == 2


def test_byline_gives_authors() -> None:
    """A byline near the top is boilerplate and fills the authors."""
    report = parse_text("Head\n\nBy Jane Doe and Ali Reza\n\nBody, she said.")
    assert report.metadata.authors == ("Jane Doe", "Ali Reza")
    assert _texts(report, report.structure.boilerplate) == ["By Jane Doe and Ali Reza"]


def test_crlf_text_is_kept() -> None:
    """Windows line endings stay in the text; spans exclude the carriage returns."""
    text = f"Head\r\n\r\n{LEAD}\r\n\r\nSecond one.\r\n"
    report = parse_text(text)
    assert text == report.text
    assert _texts(report, report.structure.paragraphs) == [LEAD, "Second one."]


def test_no_blank_lines_means_one_paragraph_per_line() -> None:
    """Text without blank lines has one paragraph per line."""
    report = parse_text("Head\nOne, he said. Two.\nThree, she said. Four.\n")
    assert _texts(report, report.structure.paragraphs) == [
        "One, he said. Two.",
        "Three, she said. Four.",
    ]


def test_empty_text_is_an_empty_report() -> None:
    """Blank text gives a report with no structure."""
    report = parsers.parse("  \n")
    assert (
        report.text,
        report.structure.headline,
        report.structure.paragraphs,
    ) == ("  \n", None, ())
