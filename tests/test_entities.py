"""Entities: the seed article's entities, one test per construction, and properties."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsclaims
from newsclaims import extraction
from newsclaims.entities import Mention, entity_stage, find_entities
from newsclaims.model import (
    AttributeKind,
    Cue,
    Entity,
    EntityKind,
    Report,
    Source,
    SourceKind,
    Span,
    Statement,
)
from newsclaims.testing import article_texts, reports
from tests.conftest import SEED_ARTICLE, SEED_EXPECTED

CONSTRUCTIONS = Path(__file__).parent / "data" / "entities" / "constructions.json"

# --------------------------------------------------------------------------- seed article


@cache
def _seed() -> Report:
    return find_entities(newsclaims.read(SEED_ARTICLE.read_text(encoding="utf-8")))


def _expected_entities() -> list[dict[str, Any]]:
    data = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    return [e for e in data["entities"] if e["required"]]


def _entity_at(report: Report, start: int, end: int) -> Entity | None:
    for entity in report.entities:
        if any(m.start <= start and end <= m.end for m in entity.mentions):
            return entity
    return None


@pytest.mark.parametrize("expected", _expected_entities(), ids=lambda e: str(e["name"]))
def test_seed_entity_every_mention_tagged(expected: dict[str, Any]) -> None:
    """Every listed mention of a required seed entity is tagged with an acceptable kind."""
    report = _seed()
    wrong = []
    for mention in expected["mentions"]:
        # Every whole-word occurrence, not just the first one the shared checker looks at.
        for match in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", report.text):
            entity = _entity_at(report, match.start(), match.end())
            if entity is None or entity.kind.value not in expected["kinds"]:
                wrong.append((mention, match.start(), entity and entity.kind.value))
    assert wrong == []


@pytest.mark.parametrize("expected", _expected_entities(), ids=lambda e: str(e["name"]))
def test_seed_entity_mentions_are_one_entity(expected: dict[str, Any]) -> None:
    """The listed mentions of a required seed entity all belong to one entity."""
    report = _seed()
    ids = set()
    for mention in expected["mentions"]:
        for match in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", report.text):
            entity = _entity_at(report, match.start(), match.end())
            assert entity is not None
            ids.add(entity.id)
    assert len(ids) == 1


@pytest.mark.parametrize(
    ("name", "kind", "text"),
    [
        ("Sean Savett", AttributeKind.ROLE, "spokesperson"),
        ("Sean Savett", AttributeKind.AFFILIATION, "National Security Council"),
        ("Antony Blinken", AttributeKind.TITLE, "Secretary of State"),
    ],
)
def test_seed_person_attribute(name: str, kind: AttributeKind, text: str) -> None:
    """The seed's people carry the role, title and affiliation the text gives them."""
    report = _seed()
    entity = next(e for e in report.entities if e.name == name)
    assert (kind, text) in [(a.kind, report.text_of(a.span)) for a in entity.attributes]


@pytest.mark.parametrize(
    ("source", "entities"),
    [
        ("White House National Security Council spokesperson Sean Savett", ("Sean Savett",)),
        ("Savett", ("Sean Savett",)),
        ("Secretary of State Antony Blinken", ("Antony Blinken",)),
        ("Its UN mission", ("Iran",)),
        ("The Wall Street Journal", ("The Wall Street Journal",)),
        ("The Biden administration", ("Biden administration",)),
        ("Prior reports from Bloomberg and Reuters", ("Bloomberg", "Reuters")),
        ("The US and its allies", ("United States",)),
        ("unnamed US and European officials", ()),
        ("Military experts", ()),
    ],
)
def test_seed_source_links(source: str, entities: tuple[str, ...]) -> None:
    """Each seed statement's source links to the entities it names (or to none)."""
    report = _seed()
    linked = {
        tuple(report.entity(i).name for i in s.source.entity_ids)
        for s in report.statements
        if report.text_of(s.source.mentions).strip(" ,") == source
    }
    if not linked:
        pytest.skip(f"the extractor gives no statement with the source {source!r} today")
    assert linked == {entities}


def test_seed_content_lists_its_entities() -> None:
    """A statement lists the entities its content mentions."""
    report = _seed()
    statement = next(s for s in report.statements if report.text_of(s.cue.spans) == "stated")
    assert {"Iran", "Russia"} <= {report.entity(i).name for i in statement.entity_ids}


# --------------------------------------------------------------------------- constructions


def _cases() -> list[dict[str, Any]]:
    return list(json.loads(CONSTRUCTIONS.read_text(encoding="utf-8"))["cases"])


@pytest.mark.parametrize("case", _cases(), ids=lambda c: str(c["id"]))
def test_construction_entities(case: dict[str, Any]) -> None:
    """Each construction gives the entities its data file expects."""
    report = find_entities(Report(case["text"]))
    found = {
        e.name: [e.kind.value, [report.text_of(m) for m in e.mentions]] for e in report.entities
    }
    expected = {name: [kind, mentions] for name, kind, mentions in case["entities"]}
    if not expected:
        assert found == {}
    else:
        assert expected == {name: found.get(name) for name in expected}


@pytest.mark.parametrize(
    "case", [c for c in _cases() if c.get("attributes")], ids=lambda c: str(c["id"])
)
def test_construction_attributes(case: dict[str, Any]) -> None:
    """Each construction gives the attributes its data file expects."""
    report = find_entities(Report(case["text"]))
    by_name = {e.name: e for e in report.entities}
    found = {
        (
            name,
            a.kind.value,
            report.text_of(a.span),
            a.entity_id and report.entity(a.entity_id).name,
        )
        for name, e in by_name.items()
        for a in e.attributes
    }
    assert {tuple(a) for a in case["attributes"]} <= found


def _statement(text: str, source: str, content: str) -> Statement:
    s = text.index(source)
    c = text.index(content)
    return Statement(
        "S1",
        Source([Span(s, s + len(source))], SourceKind.NAMED),
        Cue(),
        [Span(c, c + len(content))],
    )


def _source_entity(text: str, source: str, content: str) -> str | None:
    report = find_entities(Report(text, statements=[_statement(text, source, content)]))
    refs = report.statements[0].source.entity_ids
    return " and ".join(report.entity(ref).name for ref in refs) or None


def test_possessive_pronoun_source_resolves_to_owner() -> None:
    """ "Its UN mission" is attributed to the country the previous sentence names."""
    text = "Iran has denied involvement. Its UN mission said Tehran abstains."
    assert _source_entity(text, "Its UN mission", "Tehran abstains") == "Iran"


def test_possessive_name_source_resolves_to_owner() -> None:
    """ "China's foreign ministry" is attributed to China."""
    text = "China’s foreign ministry said the talks failed."
    assert _source_entity(text, "China’s foreign ministry", "the talks failed") == "China"


def test_pronoun_source_resolves_to_person_of_matching_gender() -> None:
    """ "she" skips a man named closer and finds the woman."""
    text = "Hillary Clinton met Bernie Sanders. Later she said the deal was off."
    assert _source_entity(text, "she", "the deal was off") == "Hillary Clinton"


def test_pronoun_skips_a_name_inside_a_quotation() -> None:
    """ "he" after a quotation is the speaker, not a man the quotation names."""
    text = "“Donald Trump will lose,” Tim Kaine said. Then he said the race was close."
    assert _source_entity(text, "he", "the race was close") == "Tim Kaine"


def test_report_noun_source_resolves_to_outlet() -> None:
    """ "Prior reports from Bloomberg" is attributed to Bloomberg."""
    text = "Prior reports from Bloomberg indicated a transfer."
    assert _source_entity(text, "Prior reports from Bloomberg", "a transfer") == "Bloomberg"


def test_coordinated_source_resolves_to_first_conjunct() -> None:
    """ "The US and its allies" is attributed to the United States."""
    text = "The US and its allies warned of consequences."
    assert _source_entity(text, "The US and its allies", "of consequences") == "United States"


def test_described_source_links_to_no_entity() -> None:
    """A described, unnamed source links to nothing even though it mentions a country."""
    text = "Unnamed US and European officials believe Iran sent missiles."
    source = "Unnamed US and European officials"
    assert _source_entity(text, source, "Iran sent missiles") is None


def test_indefinite_source_links_to_no_entity() -> None:
    """ "a California Democrat" is a description, not the party."""
    text = "A rally went ahead, and a California Democrat said it was fine."
    assert _source_entity(text, "a California Democrat", "it was fine") is None


def test_lone_name_source_becomes_person() -> None:
    """A lone capitalised word that a statement is attributed to is typed as a person."""
    text = "On Monday, Kasparov said the vote was rigged."
    report = find_entities(Report(text, statements=[_statement(text, "Kasparov", "the vote")]))
    assert [(e.name, e.kind) for e in report.entities] == [("Kasparov", EntityKind.PERSON)]


def test_content_entity_ids_in_text_order() -> None:
    """A statement's entity ids list its content's entities, each once, in text order."""
    text = "Reuters said Russia and Iran met, and Russia agreed."
    report = find_entities(Report(text, statements=[_statement(text, "Reuters", "Russia and")]))
    names = [report.entity(i).name for i in report.statements[0].entity_ids]
    assert names == ["Russia"]


def test_ids_follow_first_mention() -> None:
    """Entities are numbered E1, E2... in order of first mention."""
    report = find_entities(Report("Reuters and Bloomberg said Reuters erred."))
    assert [(e.id, e.name) for e in report.entities] == [("E1", "Reuters"), ("E2", "Bloomberg")]


def test_existing_entities_are_replaced() -> None:
    """Entities a report already had are replaced, not added to."""
    old = Entity("E9", "Nobody", EntityKind.OTHER, mentions=[Span(0, 4)])
    report = find_entities(Report("Iran denied it.", entities=[old]))
    assert [e.name for e in report.entities] == ["Iran"]


def test_user_gazetteer_names_an_entity() -> None:
    """A user's gazetteer entry gives a name its canonical form and kind."""
    report = find_entities(
        Report("Acme Widgets said no."),
        gazetteer={"Acme Widgets": ("Acme Widgets Inc.", EntityKind.ORGANIZATION)},
    )
    assert [(e.name, e.kind) for e in report.entities] == [
        ("Acme Widgets Inc.", EntityKind.ORGANIZATION)
    ]


def test_recogniser_replaces_rules() -> None:
    """A recogniser's mentions are used instead of the built-in rules, then linked."""

    def only_people(text: str) -> list[Mention]:
        return [
            Mention(Span(m.start(), m.end()), EntityKind.PERSON)
            for m in re.finditer(r"Sean Savett|Savett", text)
        ]

    report = find_entities(Report("Iran and Sean Savett. Savett left."), recogniser=only_people)
    assert [(e.name, len(e.mentions)) for e in report.entities] == [("Sean Savett", 2)]


def test_entity_stage_runs_after_the_statement_stages() -> None:
    """The stage fills entities and ties them to the statements the pipeline read."""
    stages = (*extraction.default_pipeline().stages, entity_stage)
    report = extraction.extract_report(
        Report("Iran denied that it sent missiles."), pipeline=extraction.Pipeline(stages)
    )
    assert [s.source.entity_ids for s in report.statements] == [("E1",)]


def test_entity_stage_equals_find_entities() -> None:
    """The stage and the function give the same report."""
    read = newsclaims.read("Savett said Iran denied it.")
    analysis = extraction.Analysis(read, extraction.options_for())
    assert find_entities(read) == entity_stage(analysis).report


def test_lexicon_is_not_read_at_import() -> None:
    """``import newsclaims.entities`` reads no data file and never imports spaCy."""
    code = (
        "import sys, newsclaims, newsclaims.entities as e;"
        "print(e.default_lexicon.cache_info().currsize, 'spacy' in sys.modules)"
    )
    out = subprocess.run(  # noqa: S603 -- our own interpreter and a fixed snippet
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "0 False"


def test_country_data_has_unique_codes() -> None:
    """Every country in the data file has its own two-letter code."""
    data = resources.files("newsclaims.lexicons").joinpath("entities_countries.tsv")
    lines = data.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    codes = [row[0] for row in rows]
    assert all(len(row) == 5 and re.fullmatch(r"[A-Z]{2}", row[0]) for row in rows)
    assert len(codes) == len(set(codes))


# --------------------------------------------------------------------------- properties

_NAMES = [
    "Iran",
    "Tehran",
    "Sean",
    "Savett",
    "NATO",
    "White",
    "House",
    "The",
    "Reuters",
    "Fath-360",
]
_GLUE = ["said", "the", "and", "of", ",", ".", "(CRBMs)", "spokesperson", "\n", "its", "he"]


def _texts() -> st.SearchStrategy[str]:
    words = st.lists(st.sampled_from(_NAMES + _GLUE), max_size=40).map(" ".join)
    return st.one_of(words, article_texts())


@given(_texts())
def test_mentions_lie_inside_the_text(text: str) -> None:
    """Every mention is a non-empty span inside the text (the report checks the bound)."""
    report = find_entities(Report(text))
    assert all(0 <= m.start < m.end <= len(text) for e in report.entities for m in e.mentions)


@given(_texts())
def test_ids_are_unique_and_sequential(text: str) -> None:
    """Entity ids are E1..En, each once."""
    report = find_entities(Report(text))
    assert [f"E{i + 1}" for i in range(len(report.entities))] == [e.id for e in report.entities]


@given(reports(_texts()))
def test_any_valid_report_gives_a_valid_report(report: Report) -> None:
    """Any valid report, with any statements, gives a valid report whose references resolve."""
    found = find_entities(report)
    ids = {e.id for e in found.entities}
    refs = {ref for s in found.statements for ref in s.source.entity_ids}
    assert refs | {i for s in found.statements for i in s.entity_ids} <= ids


@given(_texts())
def test_deterministic(text: str) -> None:
    """The same report gives the same entities."""
    assert find_entities(Report(text)) == find_entities(Report(text))


@given(
    st.lists(st.sampled_from(_NAMES + _GLUE), max_size=30).map(" ".join),
    st.lists(st.sampled_from(["zebra", "quietly", "walked", "over", "hills", ";"]), max_size=20),
)
def test_unrelated_text_after_changes_nothing_before(text: str, tail: list[str]) -> None:
    """Appending text that shares no word with the article leaves its entities as they were."""
    before = find_entities(Report(text)).entities
    after = find_entities(Report(text + "\n\n" + " ".join(tail))).entities
    assert before == after[: len(before)]
    assert all(m.end <= len(text) for e in after for m in e.mentions)


def test_pure() -> None:
    """The input report is left unchanged."""
    report = Report("Savett said Iran denied it.")
    copy = attrs.evolve(report)
    find_entities(report)
    assert copy == report


@pytest.mark.parametrize(
    ("source", "linked"),
    [
        ("Reuters and Bloomberg", "Reuters and Bloomberg"),
        ("Earlier reports from Reuters and Bloomberg", "Reuters and Bloomberg"),
        ("Iran, Russia and China", "Iran and Russia and China"),
        ("The US and its allies", "United States"),
        ("Sean Savett", "Sean Savett"),
    ],
)
def test_a_source_links_the_names_coordinated_in_it(source: str, linked: str) -> None:
    """A source names every entity coordinated with its head."""
    text = f"{source} said the talks failed."
    assert _source_entity(text, source, "the talks failed") == linked
