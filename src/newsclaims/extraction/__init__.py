"""Attribution extraction: who claims what, through which cue, in which words.

Rules and lexicons only (no model), deterministic, linear in the text. The entry point is
:func:`extract_report`; :func:`segment` and the stages of :class:`Pipeline` can be used on
their own.

>>> from newsclaims.model import Report
>>> report = extract_report(Report('"We will respond," Smith said.'))
>>> [(s.form.value, report.text_of(s.content)) for s in report.statements]
[('direct', '"We will respond,"')]
"""

from newsclaims.extraction._cues import CueHit, find_cues
from newsclaims.extraction._lexicon import CueEntry, Lexicon, default_lexicon
from newsclaims.extraction._pipeline import (
    Analysis,
    Options,
    Pipeline,
    Stage,
    cue_stage,
    default_pipeline,
    extract_report,
    fold_stage,
    nesting_stage,
    options_for,
    outermost_pipeline,
    outermost_stage,
    quote_stage,
    report_stage,
    segment_stage,
    statement_stage,
)
from newsclaims.extraction._quotes import Quote, find_quotes
from newsclaims.extraction._segment import Segmentation, segment

__all__ = [
    "Analysis",
    "CueEntry",
    "CueHit",
    "Lexicon",
    "Options",
    "Pipeline",
    "Quote",
    "Segmentation",
    "Stage",
    "cue_stage",
    "default_lexicon",
    "default_pipeline",
    "extract_report",
    "find_cues",
    "find_quotes",
    "fold_stage",
    "nesting_stage",
    "options_for",
    "outermost_pipeline",
    "outermost_stage",
    "quote_stage",
    "report_stage",
    "segment",
    "segment_stage",
    "statement_stage",
]
