"""The entity lexicons: gazetteers, titles, name heads and stop words, read once, lazily.

The data files live in :mod:`newsclaims.lexicons` (``entities_*.tsv``), each with a header that
gives its columns and provenance. They are read on first use, not at import, so that
``import newsclaims`` stays fast.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from importlib import resources

import attrs

from newsclaims.model import EntityKind

__all__ = ["Known", "Lexicon", "default_lexicon", "key_of"]


def key_of(surface: str) -> str:
    """Return the lookup key of a surface form: lower case unless it is all capitals.

    Acronyms keep their case so that ``WHO`` (the organisation) never matches ``Who``.

    >>> key_of("Wall Street Journal"), key_of("WHO"), key_of("U.S."), key_of("Iran’s")
    ('wall street journal', 'WHO', 'U.S.', "iran's")
    """
    if "’" in surface:
        surface = surface.replace("’", "'")
    if " " in surface or "\n" in surface or "\t" in surface or "\u00a0" in surface:
        surface = " ".join(surface.split())
    return surface if surface.isupper() else surface.lower()


@attrs.frozen
class Known:
    """What a gazetteer says of one surface form.

    Attributes:
        name: the canonical name of the entity it names.
        kind: the entity's kind.
        role: how the form names it: ``"name"``, ``"demonym"`` (``Iranian``) or ``"capital"``
            (``Tehran``, a metonym for the state unless it follows ``in``/``at``/``near``).
    """

    name: str
    kind: EntityKind
    role: str = "name"


@attrs.frozen
class Lexicon:
    """Everything the entity rules look up, keyed by :func:`key_of` forms.

    Attributes:
        names: surface form -> what it names (countries, organisations, outlets, places...).
        titles: title or role phrase -> ``"title"``, ``"role"`` or ``"honorific"``.
        heads: last word of a name -> the kind it gives (``army`` -> government).
        stopwords: capitalised words that are never a name on their own.
        longest: the most words in any name or title, to bound the lookups.
        extended: keys (``name:<canonical>`` or ``text:<form>``) of names that a gazetteer
            entry continues with lower-case words ("Western" -> "Western nations").
        starters: first words (lower case) of names and titles of more than one word.
        genders: given name (lower case) -> ``"f"`` or ``"m"``, to match "she" and "he".
        stop_runs: stop words as they stand alone in text ("The", "I"), not names or titles:
            a run that is one of them is skipped at once (a quarter of all runs).
    """

    names: Mapping[str, Known]
    titles: Mapping[str, str]
    heads: Mapping[str, EntityKind]
    stopwords: frozenset[str]
    longest: int
    extended: frozenset[str] = frozenset()
    starters: frozenset[str] = frozenset()
    genders: Mapping[str, str] = attrs.field(factory=dict)
    stop_runs: frozenset[str] = frozenset()

    def with_names(self, extra: Mapping[str, EntityKind | tuple[str, EntityKind]]) -> Lexicon:
        """Return a lexicon that also knows ``extra`` (surface -> kind or (name, kind)).

        >>> lex = default_lexicon().with_names({"Acme": EntityKind.ORGANIZATION})
        >>> lex.names["acme"]
        Known(name='Acme', kind=<EntityKind.ORGANIZATION: 'organization'>, role='name')
        """
        names = dict(self.names)
        longest = self.longest
        for surface, value in extra.items():
            name, kind = (surface, value) if isinstance(value, EntityKind) else value
            names[key_of(surface)] = Known(name, EntityKind(kind))
            longest = max(longest, len(surface.split()))
        return attrs.evolve(
            self,
            names=names,
            longest=longest,
            extended=_extended(names),
            starters=_starters([*names, *self.titles]),
            stop_runs=_stop_runs(self.stopwords, names, self.titles),
        )


def _rows(name: str) -> Iterator[list[str]]:
    data = resources.files("newsclaims.lexicons").joinpath(name).read_text(encoding="utf-8")
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _split(cell: str) -> list[str]:
    return [value for value in cell.split("|") if value]


def _names() -> dict[str, Known]:
    names: dict[str, Known] = {}
    # Countries first, so that a later organisation or place of the same spelling wins only
    # where the data file says so explicitly (none do today).
    for _code, name, aliases, demonyms, capitals in _rows("entities_countries.tsv"):
        country = Known(name, EntityKind.COUNTRY)
        for surface in [name, *_split(aliases)]:
            names[key_of(surface)] = country
        for surface in _split(demonyms):
            names.setdefault(key_of(surface), Known(name, EntityKind.COUNTRY, "demonym"))
        for surface in _split(capitals):
            names.setdefault(key_of(surface), Known(name, EntityKind.COUNTRY, "capital"))
    for name, kind, aliases in _rows("entities_names.tsv"):
        known = Known(name, EntityKind(kind))
        for surface in [name, *_split(aliases)]:
            names.setdefault(key_of(surface), known)
    return names


@functools.cache
def default_lexicon() -> Lexicon:
    """Return the built-in lexicon (read from the data files on first call, then cached).

    >>> lex = default_lexicon()
    >>> lex.names["tehran"].name, lex.names["tehran"].role, lex.titles["secretary of state"]
    ('Iran', 'capital', 'title')
    """
    names = _names()
    titles = {key_of(phrase): kind for phrase, kind in _rows("entities_titles.tsv")}
    heads = {key_of(word): EntityKind(kind) for word, kind in _rows("entities_heads.tsv")}
    stopwords = frozenset(
        word for (row,) in _rows("entities_stopwords.tsv") for word in row.split()
    )
    longest = max(len(key.split()) for key in [*names, *titles])
    genders = {name: g for g, names in _rows("entities_given_names.tsv") for name in names.split()}
    return Lexicon(
        names,
        titles,
        heads,
        stopwords,
        longest,
        _extended(names),
        _starters([*names, *titles]),
        genders,
        _stop_runs(stopwords, names, titles),
    )


def _stop_runs(
    stopwords: frozenset[str], names: Mapping[str, Known], titles: Mapping[str, str]
) -> frozenset[str]:
    forms = {form for word in stopwords for form in (word.capitalize(), word.upper())}
    return frozenset(f for f in forms if key_of(f) not in names and f.lower() not in titles)


def _starters(keys: list[str]) -> frozenset[str]:
    return frozenset(key.split(" ", 1)[0].lower() for key in keys if " " in key)


def _extended(names: Mapping[str, Known]) -> frozenset[str]:
    out = set()
    for key in names:
        words = key.split(" ")
        for cut in range(1, len(words)):
            head = " ".join(words[:cut])
            known = names.get(head)
            out.add(f"name:{known.name}" if known is not None else f"text:{head}")
    return frozenset(out)
