"""Regular English verb inflections, shared by the lexicons that take user-supplied verbs."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["inflect"]

_CONSONANT_Y: Final = re.compile(r"[^aeiou]y$")
_SIBILANT: Final = re.compile(r"(?:s|x|z|ch|sh)$")


def inflect(lemma: str) -> tuple[str, ...]:
    """Guess the regular forms of a verb: the lemma, -s, -ed and -ing.

    A phrase ("point out") is returned as it is: its inflections cannot be guessed.

    >>> inflect("opine"), inflect("deny"), inflect("stress")
    (('opine', 'opines', 'opined', 'opining'), ('deny', 'denies', 'denied', 'denying'), \
('stress', 'stresses', 'stressed', 'stressing'))
    >>> inflect("point out")
    ('point out',)
    """
    if " " in lemma:
        return (lemma,)
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if _CONSONANT_Y.search(lemma):
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if _SIBILANT.search(lemma):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")
