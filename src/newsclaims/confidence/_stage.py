"""The confidence stage of the extraction pipeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from newsclaims.confidence._rules import assess

if TYPE_CHECKING:
    # Only for the annotation: the extraction pipeline imports this module to run the stage,
    # so a runtime import here would be circular.
    from newsclaims.extraction import Analysis

__all__ = ["confidence_stage"]


def confidence_stage(analysis: Analysis) -> Analysis:
    """Fill in every statement's confidence (with the default lexicon): a pipeline stage.

    Runs after the stage that puts the statements on the report.

    >>> from newsclaims.extraction import Pipeline, default_pipeline, extract_report
    >>> from newsclaims.model import Report
    >>> pipeline = Pipeline((*default_pipeline().stages, confidence_stage))
    >>> report = extract_report(Report("Iran may have sent drones, officials said."),
    ...                         pipeline=pipeline)
    >>> report.statements[0].confidence.certainty.value
    'possible'
    """
    return attrs.evolve(analysis, report=assess(analysis.report))
