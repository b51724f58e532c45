"""Where sources, cues and contents start and end: one construction per test, made-up sentences."""

from __future__ import annotations

from newsclaims.extraction import extract_report
from newsclaims.model import Report

Reading = tuple[str, str, tuple[str, ...]]


def _readings(text: str) -> list[Reading]:
    report = extract_report(Report(text))
    return [
        (
            report.text_of(s.source.mentions),
            report.text_of(s.cue.spans),
            tuple(span.text_of(report.text) for span in s.content),
        )
        for s in report.statements
    ]


def test_a_second_verb_phrase_ends_the_first_content() -> None:
    """``endorsed X and praised Y``: two statements, each with its own object."""
    assert _readings("The senator endorsed the bill and praised its authors.") == [
        ("The senator", "endorsed", ("the bill",)),
        ("The senator", "praised", ("its authors",)),
    ]


def test_an_object_ends_before_an_adjunct() -> None:
    """``endorsed Mr. Lee during a call``: the call is the reporter's circumstance."""
    assert _readings("The governor endorsed Mr. Lee during a meeting.") == [
        ("The governor", "endorsed", ("Mr. Lee",)),
    ]


def test_a_standing_in_the_polls_is_no_attribution() -> None:
    """``trails in the polls`` reports no poll's findings; ``in a new poll`` does."""
    assert _readings("She trails in the polls.") == []
    assert _readings("In a new state poll, most voters favor the tax.")[0][:2] == (
        "a new state poll",
        "In",
    )


def test_known_as_gives_a_name() -> None:
    """``known as`` names something; it attributes nothing."""
    assert _readings("The group, known as the Friends, met on Friday.") == []


def test_speaking_with_someone_is_no_content() -> None:
    """``spoke with reporters`` says who was spoken to, not what was said."""
    assert _readings("The mayor spoke with reporters at the depot.") == []


def test_a_particle_makes_another_verb() -> None:
    """``backing down`` is a retreat, not backing someone."""
    assert _readings("The mayor is backing down.") == []


def test_a_light_verb_holds_its_noun_cue() -> None:
    """``raised questions about X``: the subject of the light verb is the source."""
    assert _readings("Critics raised questions about the budget.") == [
        ("Critics", "raised questions about", ("the budget",)),
    ]


def test_a_possessor_is_the_name_only() -> None:
    """``dismissed Ms. Park's criticism``: the possessor, not the verb before it."""
    readings = _readings("The mayor dismissed Ms. Park's criticism of the plan.")
    assert readings[1] == ("Ms. Park's", "criticism of", ("the plan",))


def test_a_participle_after_a_closing_quote_has_its_own_clause() -> None:
    """``called it ''reckless,'' adding that ...``: the comma inside the quote ends the content."""
    assert _readings("He called the plan ''reckless,'' adding that it would fail.") == [
        ("He", "called", ("the plan ''reckless,''",)),
        ("He", "adding", ("that it would fail",)),
    ]


def test_a_state_of_mind_is_held_by_the_subject() -> None:
    """``were worried that X`` is the residents' worry, not a passive with no source."""
    assert _readings("Residents were worried that the dam would fail.") == [
        ("Residents", "were worried", ("that the dam would fail",)),
    ]


def test_a_topic_preposition_joins_the_cue() -> None:
    """``talked about X``: the preposition belongs to the cue, the topic is the content."""
    assert _readings("The mayor talked about the budget.") == [
        ("The mayor", "talked about", ("the budget",)),
    ]


def test_an_adjunct_before_a_that_clause_is_left_out() -> None:
    """``said on Monday that X``: the content is the that-clause."""
    assert _readings("The mayor said on Monday that the roads were closed.") == [
        ("The mayor", "said", ("that the roads were closed",)),
    ]


def test_a_participle_takes_the_subject_after_a_fronted_adverbial() -> None:
    """``On Sunday, the mayor left, saying X``: the source is the mayor, not ``On Sunday``."""
    readings = _readings("On Sunday, the mayor left early, saying the storm was over.")
    assert readings == [("the mayor", "saying", ("the storm was over",))]


def test_a_town_and_its_state_stay_in_the_source() -> None:
    """``Officials in Dover, Del., said``: the comma joins a town to its state."""
    assert _readings("Officials in Dover, Del., said the port was closed.")[0][0] == (
        "Officials in Dover, Del.,"
    )


def test_an_including_aside_stays_in_the_source() -> None:
    """``Some critics, including the former mayor, said``: the aside names them."""
    readings = _readings("Some critics, including the former mayor, said the plan was flawed.")
    assert readings[0][0] == "Some critics, including the former mayor,"


def test_a_question_asked_in_a_when_clause_is_reported() -> None:
    """``When asked whether X, ...``: the question, up to its comma, with no source."""
    assert _readings("When asked whether she would run, the mayor smiled.") == [
        ("", "asked", ("whether she would run",)),
    ]


def test_declining_to_comment_makes_the_infinitive_the_content() -> None:
    """``declined to comment.``: cue ``declined``, content ``to comment``."""
    assert _readings("The company declined to comment.") == [
        ("The company", "declined", ("to comment",)),
    ]


def test_a_quote_goes_on_after_the_cue_s_adjunct() -> None:
    """``"X," the coach said on Sunday in Dover, Del. "Y."``: one statement, two quotes."""
    text = '"We won," the coach said on Sunday in Dover, Del. "It was close."'
    assert _readings(text) == [("the coach", "said", ('"We won,"', '"It was close."'))]


def test_as_reported_by_names_the_source() -> None:
    """``As reported by the Ledger, X``: the by-phrase is the source, the clause the content."""
    assert _readings("As reported by the Ledger, the port will close in May.") == [
        ("the Ledger", "As reported", ("the port will close in May",)),
    ]


def test_a_reduced_relative_skips_adverbs_to_its_noun() -> None:
    """``ads openly attacking X``: the ads, not the adverb."""
    assert _readings("Voters are tired of ads openly attacking the mayor.") == [
        ("ads", "attacking", ("the mayor",)),
    ]


def test_a_lone_dash_ends_a_content() -> None:
    """``backed X — a dream of the left``: the dash opens the reporter's aside."""
    assert _readings("The council backed a single-payer system — a dream of the left.") == [
        ("The council", "backed", ("a single-payer system",)),
    ]


def test_a_pair_of_dashes_stays_inside_a_content() -> None:
    """``X — an aside — and Y, critics said``: the aside between two dashes is kept."""
    text = "The plan is dead — a blow to the mayor — and will not return, critics said."
    expected = ("The plan is dead — a blow to the mayor — and will not return",)
    assert expected == _readings(text)[0][2]


def test_a_quotation_is_read_by_its_first_cue() -> None:
    """``"...," said one aide, who spoke to reporters ...``: the aide's words only."""
    text = '"We will fight on," said one aide, who spoke to reporters on condition of anonymity.'
    assert _readings(text) == [("one aide", "said", ('"We will fight on,"',))]


def test_speaking_on_condition_of_anonymity_is_no_statement() -> None:
    """``who spoke on condition of anonymity`` reads nothing: the aside stays in the source."""
    text = '"We will fight on," said one aide, who spoke on condition of anonymity.'
    source = "one aide, who spoke on condition of anonymity"
    assert _readings(text) == [(source, "said", ('"We will fight on,"',))]


def test_a_second_verb_takes_the_sentence_subject() -> None:
    """``Priebus arrived late and acknowledged X``: Priebus acknowledged."""
    text = "Priebus arrived late and acknowledged that he had not read the speech."
    assert _readings(text) == [
        ("Priebus", "acknowledged", ("that he had not read the speech",)),
    ]


def test_an_object_gap_relative() -> None:
    """``a fact he mentions on the trail``: the noun is what he mentions."""
    text = "It was a fact he frequently mentions on the campaign trail."
    assert _readings(text) == [("he", "frequently mentions", ("a fact",))]


def test_an_attitude_adjective() -> None:
    """``remains confident that X``: an attitude; the linking verb is not in the source."""
    assert _readings("Ms. Lee remains confident that the bill will pass.") == [
        ("Ms. Lee", "confident that", ("the bill will pass",)),
    ]


def test_a_quotation_ended_by_a_stop_before_its_tag() -> None:
    """``"It was a long night." Smith said.``: a stop where a comma belongs."""
    assert _readings('"It was a long night." Smith said.') == [
        ("Smith", "said", ('"It was a long night."',)),
    ]


def test_a_time_adjunct_is_no_part_of_the_source() -> None:
    """``Paul Ryan on Thursday declared``: the source is the name."""
    text = "House Speaker Paul Ryan on Thursday declared that he could not support the bill."
    assert _readings(text)[0][0] == "House Speaker Paul Ryan"


def test_an_infinitive_after_an_adjective_takes_the_subject() -> None:
    """``The mayor was reluctant to endorse X``: the mayor's reluctance, the mayor's cue."""
    assert _readings("The mayor was reluctant to endorse the plan.") == [
        ("The mayor", "endorse", ("the plan",)),
    ]


def test_a_reflexive_find_is_no_cue() -> None:
    """``found himself in a bind``: a situation, not a finding."""
    assert _readings("The chairman found himself in a bind.") == []


def test_as_someone_put_it() -> None:
    """``As the senator put it, X``: ``put it`` reports speech."""
    assert _readings("As the senator put it, the deal was dead.") == [
        ("the senator", "put it", ("the deal was dead",)),
    ]


def test_a_colon_before_a_tally_or_a_handle_is_no_cue() -> None:
    """``Clinton: 547.`` and ``Twitter: @Milbank`` are a count and an address."""
    assert _readings("Clinton: 547.") == []
    assert _readings("Twitter: @Milbank") == []


def test_called_after_an_indefinite_noun_gives_a_name() -> None:
    """``A new group called X`` names the group; ``so-called`` and ``sought-after`` too."""
    assert _readings("A new group called Black Votes Matter is raising money.") == []
    assert _readings("The so-called deal is dead.") == []
    assert _readings("He is a sought-after speaker.") == []


def test_other_senses_of_found_show_and_pledged() -> None:
    """``helped found``, ``a strong showing in``, ``pledged delegates``: no statements."""
    assert _readings("She helped found the group in 2008.") == []
    assert _readings("Clinton had a strong showing in Iowa.") == []
    assert _readings("Trump has won more pledged delegates.") == []


def test_an_ing_cue_after_time_spent_takes_the_spender() -> None:
    """``Groups have spent $10 million since June attacking X``: the groups attack."""
    text = "Groups have spent $10 million since June attacking Ayotte."
    assert _readings(text) == [("Groups", "attacking", ("Ayotte",))]


def test_an_infinitive_of_purpose_takes_the_subject() -> None:
    """``Ramos used his speech to call for X``: Ramos calls for it."""
    text = "Ramos used his acceptance speech to call for the resignation of the president."
    assert _readings(text) == [("Ramos", "call for", ("the resignation of the president",))]


def test_an_infinitive_after_an_object_control_verb_takes_the_object() -> None:
    """``left many to wonder whether X``: the many wonder."""
    text = "The merger left many to wonder whether she deserved credit."
    assert _readings(text) == [("many", "wonder", ("whether she deserved credit",))]


def test_an_ing_cue_after_before_takes_the_clause_subject() -> None:
    """``Trump told reporters X, before insisting Y``: Trump insisted."""
    text = "Trump told reporters he was fine, before insisting he had a good relationship."
    assert _readings(text)[-1] == ("Trump", "insisting", ("he had a good relationship",))


def test_a_relative_cue_after_a_quote_reads_what_follows() -> None:
    """``"...," said Beck, who said X``: the relative clause has its own content."""
    text = '"Trump is a dictator," said Beck, who said there were too many disturbing things.'
    assert _readings(text) == [
        ("Beck", "said", ('"Trump is a dictator,"',)),
        ("who", "said", ("there were too many disturbing things",)),
    ]


def test_content_first_may_open_with_a_subordinate_clause() -> None:
    """``If X, Y, Wilcox said``: the whole sentence before the cue is the content."""
    text = "If states fail, the Justice Department can step in, Wilcox said."
    expected = ("If states fail, the Justice Department can step in",)
    assert _readings(text) == [("Wilcox", "said", expected)]


def test_when_asked_after_a_quote_reads_the_question() -> None:
    """``"...," Nunberg said when asked how X``: the question, not the quote."""
    text = '"It is possible," Nunberg said when asked how Trump digests the news.'
    assert _readings(text)[-1] == ("", "asked", ("how Trump digests the news",))


def test_records_show_is_an_attribution() -> None:
    """``Campaign records show that X``: records are an unspecified source."""
    text = "Campaign records show that he paid the fee."
    assert _readings(text) == [("Campaign records", "show", ("that he paid the fee",))]


def test_an_adviser_to_someone_is_one_source() -> None:
    """``An adviser to Mr. Clinton said``: ``to`` stays inside the source."""
    text = "An adviser to Mr. Clinton said the plan was dead."
    assert _readings(text) == [("An adviser to Mr. Clinton", "said", ("the plan was dead",))]


def test_a_passive_by_phrase_after_a_day_name() -> None:
    """``was supported Friday by X``: the by-phrase is still the source."""
    text = "Clinton's position was supported Friday by Sen. Dianne Feinstein."
    expected = [("Sen. Dianne Feinstein", "was supported", ("Clinton's position",))]
    assert _readings(text) == expected
