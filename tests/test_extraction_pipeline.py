"""The pipeline seam: stages on their own, replaced, and the report's structure respected."""

from __future__ import annotations

import attrs

from newsclaims.extraction import (
    Analysis,
    Pipeline,
    cue_stage,
    default_pipeline,
    extract_report,
    fold_stage,
    options_for,
    outermost_pipeline,
    quote_stage,
    segment_stage,
)
from newsclaims.model import Caption, Cue, Report, Source, Span, Statement, Structure

_TEXT = (
    "Floods 'worse than feared', mayor says\n\nThe mayor said the river rose.\n\n"
    "A boat said to be lost. Photo: staff\n\nRELATED: officials said more"
)


def _find(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(start, start + len(piece))


def test_stages_run_on_their_own() -> None:
    """Each stage adds its own layer and leaves the others as they were."""
    analysis = Analysis(report=Report("The mayor said the river rose."), options=options_for())
    segmented = segment_stage(analysis)
    assert segmented.segmentation is not None
    assert segmented.cues is None
    with_quotes = quote_stage(segmented)
    assert with_quotes.quotes == ()
    with_cues = cue_stage(with_quotes)
    assert [hit.lemma for hit in with_cues.cues or ()] == ["say"]


def test_a_stage_can_be_replaced() -> None:
    """Replacing the cue stage with one that finds nothing leaves no statements."""

    def no_cues(analysis: Analysis) -> Analysis:
        return attrs.evolve(analysis, cues=())

    pipeline = default_pipeline().replace(cue_stage, no_cues)
    report = extract_report(Report("The mayor said the river rose."), pipeline=pipeline)
    assert report.statements == ()


def test_pipeline_is_a_tuple_of_stages() -> None:
    """A pipeline is a frozen tuple of stages, and can be built by hand."""
    pipeline = Pipeline(default_pipeline().stages[:3])
    analysis = pipeline.run(Analysis(report=Report("He said so."), options=options_for()))
    assert analysis.statements is None
    assert analysis.cues is not None


def test_existing_statements_are_replaced() -> None:
    """Statements already on the report are replaced, not added to."""
    text = "The mayor said the river rose."
    old = Statement("S1", Source(), Cue((Span(0, 3),), "x"), (Span(4, 9),))
    report = extract_report(Report(text, statements=(old,)))
    assert [report.text_of(s.cue.spans) for s in report.statements] == ["said"]


def test_captions_and_boilerplate_yield_no_statements() -> None:
    """Captions and boilerplate are skipped; the headline and body are read."""
    structure = Structure(
        headline=_find(_TEXT, "Floods 'worse than feared', mayor says"),
        captions=(Caption(_find(_TEXT, "A boat said to be lost. Photo: staff")),),
        boilerplate=(_find(_TEXT, "RELATED: officials said more"),),
    )
    report = extract_report(Report(_TEXT, structure=structure))
    cues = [report.text_of(s.cue.spans) for s in report.statements]
    assert cues == ["says", "said"]


def test_headline_single_quotes_make_a_mixed_statement() -> None:
    """A headline's single quotes are quotes: the content is mixed."""
    text = "Mayor says city 'will recover'\n\nThe rain stopped."
    report = extract_report(Report(text, structure=Structure(headline=Span(0, 30))))
    assert [s.form.value for s in report.statements] == ["mixed"]


def test_outermost_pipeline_drops_nested_statements() -> None:
    """The PolNeAR-convention pipeline keeps only statements nested in no other."""
    text = "According to the Ledger, city officials believe the bridge is unsafe."
    every = extract_report(Report(text))
    outermost = extract_report(Report(text), pipeline=outermost_pipeline())
    assert [s.cue.lemma for s in every.statements] == ["according to", "believe"]
    assert [(s.cue.lemma, s.nested_in) for s in outermost.statements] == [("according to", None)]


def test_a_nested_self_report_is_folded_into_its_parent() -> None:
    """``X said she opposes Y`` is one statement: the nested one adds no new source."""
    report = extract_report(Report("The mayor said she opposes the new stadium."))
    assert [s.cue.lemma for s in report.statements] == ["say"]


def test_the_fold_stage_can_be_left_out() -> None:
    """Without the fold stage the speaker's own nested statement is kept."""
    pipeline = Pipeline(tuple(s for s in default_pipeline().stages if s is not fold_stage))
    report = extract_report(
        Report("The mayor said she opposes the new stadium."), pipeline=pipeline
    )
    assert [(s.cue.lemma, s.nested_in) for s in report.statements] == [
        ("say", None),
        ("oppose", "S1"),
    ]
