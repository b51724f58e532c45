"""Entities: who and what an article talks about, typed, linked and tied to its statements.

:func:`find_entities` reads a :class:`~newsclaims.model.Report` and returns it with its
``entities`` filled and each statement tied to them; :func:`entity_stage` is the same as a
pipeline stage. The built-in rules need nothing but the standard library; a spaCy pipeline
(extra ``spacy``) can replace them through :class:`SpacyRecogniser` or :func:`from_spacy`,
and any callable ``text -> list[Mention]`` can as well (see :class:`Recogniser`).

>>> from newsclaims.model import Report
>>> report = find_entities(Report("The White House said Tehran denied it."))
>>> [(e.name, e.kind.value) for e in report.entities]
[('White House', 'government'), ('Iran', 'country')]
"""

from newsclaims.entities._data import Known, Lexicon, default_lexicon
from newsclaims.entities._find import Gazetteer, entity_stage, find_entities
from newsclaims.entities._mentions import Mention, Recogniser
from newsclaims.entities._spacy import SPACY_LABELS, SpacyRecogniser, from_spacy, mentions_of

__all__ = [
    "SPACY_LABELS",
    "Gazetteer",
    "Known",
    "Lexicon",
    "Mention",
    "Recogniser",
    "SpacyRecogniser",
    "default_lexicon",
    "entity_stage",
    "find_entities",
    "from_spacy",
    "mentions_of",
]
