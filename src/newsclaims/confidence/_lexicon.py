"""The confidence lexicon: hedges, boosters, negations, ICD 203 words and cue readings.

The shipped entries are data files in :mod:`newsclaims.lexicons` (``confidence_*.tsv``), read
once, on first use. Users extend a lexicon at call time with
:meth:`ConfidenceLexicon.extended`; the files stay as shipped.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Set
from importlib import resources
from types import MappingProxyType
from typing import Final

import attrs

from newsclaims._inflect import inflect
from newsclaims.model import Certainty, EvidenceKind, Likelihood, Polarity

__all__ = [
    "WORD_OR_MARK",
    "ConfidenceLexicon",
    "CueReading",
    "Effect",
    "Term",
    "default_confidence_lexicon",
    "tokenize",
]


class Effect(enum.Enum):
    """What a content term does to polarity."""

    #: No effect on polarity.
    KEEP = "keep"
    #: Negates the clause it is in; negations count by parity.
    NEGATE = "negate"
    #: Leaves open whether the content holds ("unclear whether").
    UNKNOWN = "unknown"
    #: A hedge only where the content states a condition ("would ... if").
    CONDITIONAL = "conditional"
    #: Judges a claim false ("baseless"): negates, unless a denying cue already has.
    DENY = "deny"


@attrs.frozen
class Term:
    """What a phrase in a content means for confidence.

    ``kind`` is ``None`` for a phrase listed only so that its words are not read on their own
    ("not only", "as soon as possible").
    """

    kind: EvidenceKind | None
    certainty: Certainty = Certainty.CERTAIN
    effect: Effect = Effect.KEEP
    likelihood: Likelihood | None = None


@attrs.frozen
class CueReading:
    """What a cue lemma says of its source's commitment.

    >>> CueReading(Certainty.PROBABLE, flips=True).polarity.value
    'positive'
    """

    certainty: Certainty = Certainty.CERTAIN
    polarity: Polarity = Polarity.POSITIVE
    #: Negated, the cue keeps its certainty and turns its polarity ("does not believe X" is
    #: "believes not X"); otherwise a negated cue withholds commitment ("did not confirm").
    flips: bool = False
    #: Listed as certain on purpose ("confirmed"): shown as booster evidence.
    booster: bool = False


#: The certainty and polarity each ICD 203 degree gives. The low degrees read as a probable
#: negative, as FactBank reads "unlikely" (PR-); "almost certain" stays probable because the
#: directive itself puts it below certainty (95-99%).
LIKELIHOOD_READINGS: Final[Mapping[Likelihood, tuple[Certainty, Polarity]]] = MappingProxyType(
    {
        Likelihood.ALMOST_NO_CHANCE: (Certainty.PROBABLE, Polarity.NEGATIVE),
        Likelihood.VERY_UNLIKELY: (Certainty.PROBABLE, Polarity.NEGATIVE),
        Likelihood.UNLIKELY: (Certainty.PROBABLE, Polarity.NEGATIVE),
        Likelihood.ROUGHLY_EVEN: (Certainty.POSSIBLE, Polarity.POSITIVE),
        Likelihood.LIKELY: (Certainty.PROBABLE, Polarity.POSITIVE),
        Likelihood.VERY_LIKELY: (Certainty.PROBABLE, Polarity.POSITIVE),
        Likelihood.ALMOST_CERTAIN: (Certainty.PROBABLE, Polarity.POSITIVE),
    }
)

# Words, numbers with inner hyphens or apostrophes ("fifty-fifty", "isn't"), or one mark.
# No nested quantifiers over overlapping classes: linear on any input.
#: The units :func:`tokenize` splits text into: words (with inner hyphens and apostrophes) and
#: single marks.
WORD_OR_MARK: Final = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_CONTRACTED: Final = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}

Token = tuple[str, int, int]


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into lower-case tokens with their offsets (plus ``offset``).

    Contractions are read as their full words, so that one lexicon entry covers both.

    >>> [t for t, _, _ in tokenize("It can't be ruled out")]
    ['it', 'can', 'not', 'be', 'ruled', 'out']
    >>> tokenize("isn't", 10)
    [('is', 10, 12), ('not', 12, 15)]
    """
    lowered = text.lower().replace("’", "'")
    if len(lowered) != len(text):
        # A few characters lower-case to two ("İ"): keep offsets right, token by token.
        return [
            token
            for m in WORD_OR_MARK.finditer(text)
            for token in _split(m.group().lower().replace("’", "'"), m.start() + offset)
        ]
    if "'" not in lowered and "cannot" not in lowered:
        # Most content has no contraction: one comprehension (about 10% faster than the loop).
        return [
            (m.group(), m.start() + offset, m.end() + offset)
            for m in WORD_OR_MARK.finditer(lowered)
        ]
    tokens: list[Token] = []
    for m in WORD_OR_MARK.finditer(lowered):
        word = m.group()
        if "'" in word or word == "cannot":
            tokens += _split(word, m.start() + offset)
        else:
            start = m.start() + offset
            tokens.append((word, start, start + len(word)))
    return tokens


def _split(word: str, start: int) -> list[Token]:
    """Split a contraction into its words ("isn't" -> "is", "not")."""
    end = start + len(word)
    if word.endswith("n't") and len(word) > 3:
        stem = word[:-3]
        return [(_CONTRACTED.get(stem, stem), start, end - 3), ("not", end - 3, end)]
    if word == "cannot":
        return [("can", start, start + 3), ("not", start + 3, end)]
    return [(word, start, end)]


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(t for t, _, _ in tokenize(phrase))


def _rows(name: str) -> Iterator[list[str]]:
    data = resources.files("newsclaims.lexicons").joinpath(name).read_text(encoding="utf-8")
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


def _certainty(value: str | Certainty) -> Certainty:
    return value if isinstance(value, Certainty) else Certainty(value)


@attrs.frozen(eq=False)
class ConfidenceLexicon:
    """The words that decide confidence, by what they do.

    Phrases are lower case and matched word by word, longest first. A lexicon is configuration
    rather than a value: it compares by identity, and :meth:`extended` returns a new one.

    >>> lex = default_confidence_lexicon()
    >>> lex.hedges["might"]
    <Certainty.POSSIBLE: 'possible'>
    >>> lex.likelihood["highly likely"].value
    'very_likely'
    >>> lex.cues["believe"].certainty.value
    'probable'
    """

    #: Hedge phrase -> the most certainty a content holding it can have.
    hedges: Mapping[str, Certainty]
    #: Booster phrases.
    boosters: frozenset[str]
    #: Negating phrases.
    negations: frozenset[str]
    #: ICD 203 phrase -> its degree.
    likelihood: Mapping[str, Likelihood]
    #: Cue lemma -> what it says of its source's commitment.
    cues: Mapping[str, CueReading]
    #: Hedges that also act on polarity ("not necessarily" negates, "unclear" leaves it open).
    hedge_effects: Mapping[str, Effect] = attrs.field(factory=dict)
    #: Phrases read whole and then ignored ("not only", "as soon as possible").
    ignored: frozenset[str] = frozenset()
    #: Cue surface forms -> lemma, for cues whose lemma is not in :attr:`cues`.
    cue_forms: Mapping[str, str] = attrs.field(factory=dict)
    #: Negations that judge a claim false ("baseless"): they agree with a denying cue
    #: ("dismissed the reports as baseless") instead of cancelling it.
    denials: frozenset[str] = frozenset()
    _terms: dict[tuple[str, ...], Term] = attrs.field(init=False, repr=False)
    _lengths: dict[str, tuple[int, ...]] = attrs.field(init=False, repr=False)
    _longest: int = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        terms: dict[tuple[str, ...], Term] = {}
        for phrase in self.ignored:
            terms[_words(phrase)] = Term(None)
        for phrase in self.boosters:
            terms[_words(phrase)] = Term(EvidenceKind.BOOSTER)
        for phrase in self.negations:
            effect = Effect.DENY if phrase in self.denials else Effect.NEGATE
            terms[_words(phrase)] = Term(EvidenceKind.NEGATION, effect=effect)
        for phrase, certainty in self.hedges.items():
            effect = self.hedge_effects.get(phrase, Effect.KEEP)
            terms[_words(phrase)] = Term(EvidenceKind.HEDGE, certainty, effect)
        for phrase, likelihood in self.likelihood.items():
            certainty, polarity = LIKELIHOOD_READINGS[likelihood]
            effect = Effect.NEGATE if polarity is Polarity.NEGATIVE else Effect.KEEP
            terms[_words(phrase)] = Term(EvidenceKind.LIKELIHOOD, certainty, effect, likelihood)
        terms.pop((), None)
        lengths: dict[str, set[int]] = {}
        for words in terms:
            lengths.setdefault(words[0], set()).add(len(words))
        object.__setattr__(self, "_terms", terms)
        object.__setattr__(
            self, "_lengths", {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}
        )
        object.__setattr__(self, "_longest", max(map(max, lengths.values()), default=1))

    @property
    def longest(self) -> int:
        """The number of words in the longest phrase.

        >>> default_confidence_lexicon().longest > 1
        True
        """
        return self._longest

    @property
    def first_words(self) -> Set[str]:
        """The words some phrase starts with: a quick test before :meth:`match`."""
        return self._lengths.keys()

    def match(self, words: list[str], i: int) -> tuple[int, Term] | None:
        """Return the longest term starting at ``words[i]`` and its length in words, if any.

        >>> lex = default_confidence_lexicon()
        >>> n, term = lex.match(["it", "is", "not", "impossible"], 2)
        >>> n, term.kind.value, term.certainty.value
        (2, 'hedge', 'possible')
        """
        for n in self._lengths.get(words[i], ()):
            if i + n > len(words):
                continue
            term = self._terms.get(tuple(words[i : i + n]))
            if term is not None:
                return n, term
        return None

    def cue_reading(self, lemma: str, words: Iterable[str] = ()) -> tuple[str, CueReading] | None:
        """Return a cue's lemma and reading, by its lemma or else by the words of its text.

        >>> default_confidence_lexicon().cue_reading("", ["has", "denied"])[1].polarity.value
        'negative'
        """
        lemma = lemma.strip().lower()
        if lemma in self.cues:
            return lemma, self.cues[lemma]
        words = list(words)
        for word in (" ".join(words), *words):
            known = self.cue_forms.get(word)
            if known is not None:
                return known, self.cues[known]
        return None

    def extended(
        self,
        *,
        hedges: Mapping[str, Certainty | str] | Iterable[str] = (),
        boosters: Iterable[str] = (),
        negations: Iterable[str] = (),
        likelihood: Mapping[str, Likelihood | str] | None = None,
        cues: Mapping[str, CueReading | Certainty | str] | None = None,
    ) -> ConfidenceLexicon:
        """Return a lexicon with more entries (a new entry for a known phrase replaces it).

        Args:
            hedges: phrases, each mapped to the most certainty it allows; a plain list of
                phrases means ``possible``.
            boosters: booster phrases.
            negations: negating phrases.
            likelihood: phrases mapped to an ICD 203 :class:`~newsclaims.model.Likelihood`.
            cues: cue lemmas mapped to a :class:`CueReading`, or just to a certainty.

        >>> lex = default_confidence_lexicon().extended(
        ...     hedges=["odds-on"], cues={"opine": "probable"}
        ... )
        >>> lex.hedges["odds-on"].value, lex.cues["opine"].certainty.value
        ('possible', 'probable')
        """
        if isinstance(hedges, Mapping):
            added_hedges = {p.lower(): _certainty(c) for p, c in hedges.items()}
        else:
            added_hedges = dict.fromkeys((p.lower() for p in hedges), Certainty.POSSIBLE)
        added_boosters = {p.lower() for p in boosters}
        added_negations = {p.lower() for p in negations}
        added_likelihood = {p.lower(): Likelihood(d) for p, d in (likelihood or {}).items()}
        # A phrase means one thing: a new entry takes it out of every other list.
        added = {*added_hedges, *added_boosters, *added_negations, *added_likelihood}
        new_cues = dict(self.cues)
        new_forms = dict(self.cue_forms)
        for lemma, given in (cues or {}).items():
            key = lemma.strip().lower()
            reading = given if isinstance(given, CueReading) else CueReading(_certainty(given))
            new_cues[key] = reading
            new_forms.update(dict.fromkeys(inflect(key), key))
        return attrs.evolve(
            self,
            hedges=MappingProxyType(
                {p: c for p, c in self.hedges.items() if p not in added} | added_hedges
            ),
            boosters=(self.boosters - added) | added_boosters,
            negations=(self.negations - added) | added_negations,
            likelihood=MappingProxyType(
                {p: d for p, d in self.likelihood.items() if p not in added} | added_likelihood
            ),
            cues=MappingProxyType(new_cues),
            hedge_effects=MappingProxyType(
                {p: e for p, e in self.hedge_effects.items() if p not in added}
            ),
            ignored=self.ignored - added,
            denials=self.denials - added,
            cue_forms=MappingProxyType(new_forms),
        )


def _load() -> ConfidenceLexicon:
    hedges: dict[str, Certainty] = {}
    effects: dict[str, Effect] = {}
    ignored: set[str] = set()
    for phrase, certainty, polarity in _rows("confidence_hedges.tsv"):
        if certainty == "none":
            ignored.add(phrase)
            continue
        hedges[phrase] = Certainty(certainty)
        if polarity != "keep":
            effects[phrase] = Effect(polarity)
    negations: set[str] = set()
    denials: set[str] = set()
    for phrase, effect in _rows("confidence_negations.tsv"):
        (ignored if effect == "none" else negations).add(phrase)
        if effect == "deny":
            denials.add(phrase)
    boosters = frozenset(row[0] for row in _rows("confidence_boosters.tsv"))
    likelihood = {p: Likelihood(d) for p, d in _rows("confidence_likelihood.tsv")}
    cues: dict[str, CueReading] = {}
    forms: dict[str, str] = {}
    for row in _rows("confidence_cues.tsv"):
        lemma, certainty, polarity, negated = row[:4]
        extra = row[4].split(",") if len(row) > 4 and row[4] else []
        reading = Certainty(certainty)
        cues[lemma] = CueReading(
            reading,
            Polarity(polarity),
            flips=negated == "flip",
            booster=reading is Certainty.CERTAIN and polarity == "positive",
        )
        for form in (*inflect(lemma), *extra):
            forms.setdefault(form.strip(), lemma)
    return ConfidenceLexicon(
        hedges=MappingProxyType(hedges),
        boosters=boosters,
        negations=frozenset(negations),
        likelihood=MappingProxyType(likelihood),
        cues=MappingProxyType(cues),
        hedge_effects=MappingProxyType(effects),
        ignored=frozenset(ignored),
        cue_forms=MappingProxyType(forms),
        denials=frozenset(denials),
    )


@functools.cache
def default_confidence_lexicon() -> ConfidenceLexicon:
    """Return the shipped lexicon, read from its data files on the first call.

    >>> "never" in default_confidence_lexicon().negations
    True
    """
    return _load()
