"""Confidence: how sure each source is of what it says, and whether it asserts or denies it.

:func:`assess` reads, for every statement of a report, a FactBank-style certainty (certain,
probable, possible, unknown), a polarity (positive, negative, unknown), an ICD 203 likelihood
where a likelihood word gives one, and the hedge, booster, negation and likelihood spans that
decided them. It reads the cue ("believe", "denied", "did not confirm") and the content
("may", "would", "never", "it is unclear whether") by rules documented in the confidence guide,
and never guesses an analyst's grading. The words are data (:class:`ConfidenceLexicon`);
extend them at call time.

>>> import newsclaims
>>> report = assess(newsclaims.read("Officials believe Iran has probably sent drones."))
>>> c = report.statements[0].confidence
>>> c.certainty.value, c.polarity.value, c.likelihood.value, c.likelihood.range
('probable', 'positive', 'likely', (0.55, 0.8))
"""

from newsclaims.confidence._lexicon import (
    LIKELIHOOD_READINGS,
    ConfidenceLexicon,
    CueReading,
    default_confidence_lexicon,
)
from newsclaims.confidence._rules import assess, read_confidence
from newsclaims.confidence._stage import confidence_stage

__all__ = [
    "LIKELIHOOD_READINGS",
    "ConfidenceLexicon",
    "CueReading",
    "assess",
    "confidence_stage",
    "default_confidence_lexicon",
    "read_confidence",
]
