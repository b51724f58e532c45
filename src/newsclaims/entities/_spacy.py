"""The spaCy adapter: a spaCy pipeline (or a parsed ``Doc``) as a :class:`Recogniser`.

spaCy is an optional dependency (``pip install newsclaims[spacy]``): nothing here imports it.
The adapter only reads ``doc.ents`` (``start_char``, ``end_char``, ``label_``), so any
pipeline that sets entities works, from a trained model to ``spacy.blank("en")`` with an
``entity_ruler``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from newsclaims.entities._data import default_lexicon, key_of
from newsclaims.entities._mentions import Mention, Recogniser
from newsclaims.model import EntityKind, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["SPACY_LABELS", "SpacyRecogniser", "from_spacy", "mentions_of"]

#: How spaCy's English (OntoNotes) labels map to our kinds. ``GPE`` and ``NORP`` are refined
#: by the country gazetteer (a ``GPE`` that is a country is a country, else a location; a
#: ``NORP`` that is a demonym names its country, else a group). Labels not listed (dates,
#: numbers, money, languages) are not entities here.
SPACY_LABELS: Mapping[str, EntityKind] = {
    "PERSON": EntityKind.PERSON,
    "PER": EntityKind.PERSON,
    "ORG": EntityKind.ORGANIZATION,
    "GPE": EntityKind.LOCATION,
    "NORP": EntityKind.GROUP,
    "LOC": EntityKind.LOCATION,
    "FAC": EntityKind.LOCATION,
    "PRODUCT": EntityKind.PRODUCT,
    "EVENT": EntityKind.OTHER,
    "WORK_OF_ART": EntityKind.OTHER,
    "LAW": EntityKind.OTHER,
    "MISC": EntityKind.OTHER,
}


def _refine(label: str, kind: EntityKind, surface: str) -> EntityKind:
    if label in ("GPE", "NORP"):
        known = default_lexicon().names.get(key_of(surface))
        if known is not None and known.kind is EntityKind.COUNTRY:
            return EntityKind.COUNTRY
    return kind


def mentions_of(doc: Doc, labels: Mapping[str, EntityKind] = SPACY_LABELS) -> list[Mention]:
    """Return the mentions of a parsed ``Doc``: its ``ents`` with labels mapped to our kinds.

    Args:
        doc: a spaCy ``Doc`` whose ``ents`` are set.
        labels: spaCy label -> kind; entities with other labels are skipped.
    """
    out = []
    for ent in doc.ents:
        kind = labels.get(ent.label_)
        if kind is None:
            continue
        kind = _refine(ent.label_, kind, ent.text)
        out.append(Mention(Span(ent.start_char, ent.end_char), kind))
    return out


@attrs.frozen
class SpacyRecogniser:
    """A :class:`~newsclaims.entities.Recogniser` that runs a spaCy pipeline on the text.

    Attributes:
        nlp: the spaCy ``Language`` (``spacy.load("en_core_web_sm")``, or a blank pipeline
            with an ``entity_ruler``).
        labels: spaCy label -> kind (:data:`SPACY_LABELS` by default).

    ``find_entities(report, recogniser=SpacyRecogniser(nlp))`` uses spaCy's mentions instead
    of the built-in rules.
    """

    nlp: Language
    labels: Mapping[str, EntityKind] = SPACY_LABELS

    def __call__(self, text: str, /) -> list[Mention]:
        """Run the pipeline on ``text`` and return its entity mentions."""
        return mentions_of(self.nlp(text), self.labels)


@attrs.frozen
class _DocRecogniser:
    """Hands back an already parsed ``Doc``'s mentions (for the same text only)."""

    doc: Doc
    labels: Mapping[str, EntityKind]

    def __call__(self, text: str, /) -> list[Mention]:
        if text != self.doc.text:
            msg = "the spaCy Doc was parsed from a different text than the report's"
            raise ValueError(msg)
        return mentions_of(self.doc, self.labels)


def from_spacy(
    doc_or_nlp: Doc | Language, *, labels: Mapping[str, EntityKind] | None = None
) -> Recogniser:
    """Return a recogniser for a spaCy pipeline, or for a ``Doc`` you have already parsed.

    A ``Doc`` is not parsed again: its ``ents`` are used as they are, and the recogniser
    raises :class:`ValueError` if asked about a different text.

    Args:
        doc_or_nlp: a spaCy ``Language`` (called on the text) or a ``Doc``.
        labels: spaCy label -> kind (:data:`SPACY_LABELS` by default).
    """
    from spacy.tokens import Doc  # noqa: PLC0415 -- spaCy is optional; the caller has it

    chosen = SPACY_LABELS if labels is None else labels
    if isinstance(doc_or_nlp, Doc):
        return _DocRecogniser(doc_or_nlp, chosen)
    return SpacyRecogniser(doc_or_nlp, chosen)
