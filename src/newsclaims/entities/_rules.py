"""The built-in recogniser: capitalised runs, split and typed with the gazetteers.

One regular expression finds runs of capitalised words (joined by ``of``, ``and``, ``for``...);
each run is then cut into pieces, left to right, by longest match: a title or role
(``Secretary of State``), a known name (``White House``, ``Iranian``), or unknown words that
make a name of their own. Unknown names are typed by their head word (``Army``, ``Times``),
their shape (``Fath-360``, ``CRBM``) or, failing that, as people (two words or more) or as a
lone word to be resolved by linking. Every regular expression here is a sequence of simple
classes without nested repetition, so the pass is linear in the text.
"""

from __future__ import annotations

import re

import attrs

from newsclaims.entities._data import Known, Lexicon, key_of
from newsclaims.entities._mentions import Working
from newsclaims.model import EntityKind

__all__ = ["find_mentions", "is_acronym", "lower_words"]

_UPPER = "A-ZÀ-ÖØ-Þ"
# AP-style state abbreviations ("Rand Paul (Ky.)"), read as words with their dot.
_STATES = (
    r"(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Mo|Mont"
    r"|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Vt|Va|Wash|Wis|Wyo)\.(?!\w)"
)
_ABBREVIATION = (
    r"(?:Mr|Mrs|Ms|Dr|Sens?|Reps?|Gov|Gen|Lt|Maj|Brig|Col|Sgt|Capt|Adm|Prof|Rev|St|Jr|Sr|Pres)\."
)
# A capitalised word: a dotted initialism ("U.S."), a dotted title ("Sen."), or a word with
# inner hyphens, ampersands and apostrophes ("Fath-360", "O’Malley"), but not a possessive.
_WORD = (
    rf"(?:[A-Z]\.){{2,}}|{_ABBREVIATION}|{_STATES}|[A-Z]\.(?=[ \u00a0][A-Z])"
    # After a hyphen, a capital or digit ("Guinea-Bissau", "Fath-360") or a short particle
    # before one ("Port-au-Prince"); "Florida-based" stops at "Florida".
    rf"|[{_UPPER}]\w*(?:[-–](?:[A-Z0-9]\w*|[a-z]{{1,3}}(?=[-–][A-Z]))|&\w+|['’](?!s\b)\w+)*"
)
_CONNECTOR = r"of|and|for|on|de|del|da|di|du|la|le|van|von|der|bin|y"
_RUN = re.compile(
    # The lookahead first lets the engine skip to capitals fast; the lookbehind then checks
    # that the capital starts a word.
    rf"(?=[{_UPPER}])(?<![\w'’])(?:{_WORD})"
    rf"(?:(?:[ \u00a0](?:{_CONNECTOR})(?:[ \u00a0]the)?)?[ \u00a0](?:{_WORD}))*"
)
_TOKEN = re.compile(rf"{_WORD}|[a-z]+")
_CONNECTORS = frozenset([*_CONNECTOR.split("|"), "the"])
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]*[A-Z0-9]s?|[A-Z](?:\.[A-Z])+\.?")
_CODE = re.compile(r"[A-Za-z]+-?\d+[A-Za-z]*|\w+-\d+")
_NEXT_WORDS = re.compile(r"[ \u00a0]([a-z]+)(?:[ \u00a0]([a-z]+))?")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w-])")
_WEAPON_CONTEXT = re.compile(
    r"missile|rocket|drone|weapon|jet|fighter|tank|bomber|launcher|howitzer|artillery|munition",
    re.IGNORECASE,
)
# "(D-N.Y.)", "R-Calif.": a lawmaker's party and state, not a name.
_PARTY_STATE = re.compile(r"[DRI]-[A-Z][\w.]*")
_GROUP_NOUN = re.compile(r"[A-Z][a-z]+(?:ians|ans|ers|ists|ites)")
_LOCATIVE = frozenset(["in", "at", "near", "outside", "around", "across"])
# Lower-case words after a name that make a body of it: "the Biden administration".
_BODY_NOUNS = {
    "administration": EntityKind.GOVERNMENT,
    "government": EntityKind.GOVERNMENT,
    "campaign": EntityKind.ORGANIZATION,
}
_OPENERS = " \"“‘'(["
_ENDERS = "\n.!?:—–"


def is_acronym(token: str) -> bool:
    """Say whether a token looks like an acronym (``CRBMs``, ``NATO``, ``U.N.``).

    >>> is_acronym("CRBMs"), is_acronym("NATO"), is_acronym("Iran"), is_acronym("G7")
    (True, True, False, True)
    """
    return _ACRONYM.fullmatch(token) is not None


def lower_words(text: str) -> frozenset[str]:
    """Return the lower-case words of ``text``.

    A capitalised sentence opener that also appears in lower case ("Reports", "Military") is
    an ordinary word, not a name.
    """
    return frozenset(_LOWER_WORD.findall(text))


_CAPITAL = 1
_WEAPON = 2


@attrs.frozen
class _Template:
    """A mention as its run alone types it, at offsets relative to the run."""

    start: int
    end: int
    kind: EntityKind | None
    key: str
    name: str
    check: int  # what the text around must still decide: _CAPITAL or _WEAPON
    titles: tuple[tuple[str, int, int], ...] = ()
    affiliations: tuple[tuple[int, int], ...] = ()
    last: bool = False
    #: Read in a title-case line, where capitals say little: kept only if linked.
    weak: bool = False


@attrs.define
class _Piece:
    tag: str  # "title", "known", "unknown", "connector", "stop"
    first: int  # token indices [first, last)
    last: int
    known: Known | None = None
    title: str = ""


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _ENDERS


class _Runs:
    """Cuts one text's capitalised runs into typed mentions."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.lexicon = lexicon
        self._lower: frozenset[str] | None = None
        self.cache: dict[tuple[str, bool, bool], list[_Template]] = {}
        self.shared = _shared_cache(lexicon)
        self.out: list[Working] = []

    def lower(self) -> frozenset[str]:
        # Only built when a run opens a sentence with a word that is not known: most texts need
        # it, but it is one C-level pass.
        if self._lower is None:
            self._lower = lower_words(self.text)
        return self._lower

    def run(self, match: re.Match[str]) -> None:
        text = self.text
        base = match.start()
        surface = match.group()
        if surface in self.lexicon.stop_runs:
            return
        opener = _sentence_initial(text, base)
        the = text[base - 4 : base] == "the "
        # Names repeat within an article ("Iran" ten times): read each distinct run once.
        templates = self.cache.get((surface, opener, the))
        if templates is None:
            # A run too short for title case reads the same in every article, given whether it
            # opens a sentence with a word the article also writes in lower case: share it.
            shareable = surface.count(" ") < 3
            common = opener and self.opens_with_common_word(surface)
            templates = self.shared.get((surface, the, opener, common)) if shareable else None
            if templates is None:
                templates = self.templates(surface, opener=opener, the=the)
                if shareable and len(self.shared) < _SHARED_MAX:
                    self.shared[surface, the, opener, common] = templates
            self.cache[surface, opener, the] = templates
        out = self.out
        for t in templates:
            start, end = base + t.start, base + t.end
            kind, key, name = t.kind, t.key, t.name
            if t.check == _CAPITAL and self.word_before(start) in _LOCATIVE:
                # "in Tehran" is the city; "Tehran abstains" is the state.
                name = text[start:end]
                kind, key = EntityKind.LOCATION, f"name:{name}"
            elif t.check == _WEAPON and self.weapon_context(start, end):
                kind = EntityKind.WEAPON
            mention = Working(
                start, end, kind, key, name, opener=t.weak or (opener and t.start == 0)
            )
            if t.titles:
                mention.titles = [(k, base + s, base + e) for k, s, e in t.titles]
                mention.affiliations = [(base + s, base + e) for s, e in t.affiliations]
            # Most runs end before an ordinary word: test that before calling extend.
            if t.last and (text[end + 1 : end + 2] in "agc" or key in self.lexicon.extended):
                mention = self.extend(mention, match.end())
            out.append(mention)

    def templates(self, surface: str, *, opener: bool, the: bool) -> list[_Template]:
        """Cut a run into pieces and type them: everything that depends on the run alone."""
        if " " in surface or "\u00a0" in surface:
            tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(surface)]
        else:
            tokens = [(0, len(surface), surface)]
        titlecase = len(tokens) >= 4 and any(t[2] in _TITLE_CASE_WORDS for t in tokens[1:])
        pieces = self.cut(tokens, the=the, titlecase=titlecase)
        if pieces and opener:
            self.drop_opener(tokens, pieces)
        pieces = _merge(tokens, pieces, self.lexicon)
        out: list[_Template] = []
        titles: list[tuple[str, int, int]] = []
        affiliation: list[tuple[int, int]] = []
        for index, piece in enumerate(pieces):
            start, stop = tokens[piece.first][0], tokens[piece.last - 1][1]
            if piece.tag == "title":
                titles.append((piece.title, start, stop))
                continue
            if piece.tag in ("connector", "stop"):
                titles, affiliation = [], []
                continue
            before = the if piece.first == 0 else tokens[piece.first - 1][2] in ("the", "The")
            last = index == len(pieces) - 1
            if not titles:
                affiliation = []
            template = self.template(tokens, piece, titles, affiliation, the=before, last=last)
            if titlecase and piece.tag == "unknown":
                template = _weak(template, [t[2] for t in tokens[piece.first : piece.last]])
            out.append(template)
            titles, affiliation = [], []
            if piece.tag == "known":
                affiliation = [(start, stop)]
        return out

    def cut(
        self, tokens: list[tuple[int, int, str]], *, the: bool, titlecase: bool = False
    ) -> list[_Piece]:
        lexicon = self.lexicon
        pieces: list[_Piece] = []
        n = len(tokens)
        keys = [key_of(t[2]) for t in tokens]
        common = self.common_words(keys) if n > 3 else set()
        i = 0
        while i < n:
            piece = self.lookup(keys, i, the=the and i == 0)
            if piece is not None:
                pieces.append(piece)
                i = piece.last
                continue
            key = keys[i]
            if (
                key in _CONNECTORS
                or i in common
                or (titlecase and tokens[i][2] in _TITLE_CASE_WORDS)
                or _PARTY_STATE.fullmatch(tokens[i][2])
            ):
                pieces.append(_Piece("connector", i, i + 1))
            elif pieces and pieces[-1].tag == "unknown":
                pieces[-1].last = i + 1
            elif key.lower() in lexicon.stopwords:
                pieces.append(_Piece("stop", i, i + 1))
            else:
                pieces.append(_Piece("unknown", i, i + 1))
            i += 1
        return pieces

    def common_words(self, keys: list[str]) -> set[int]:
        """Find the ordinary words of a title-case run ("Republicans Finally Confirmed A ...").

        Only a run with two or more of them is taken for title case: a name may hold one
        ordinary word ("Bill", "Mark") but rarely two.
        """
        lower = self.lower()
        stopwords = self.lexicon.stopwords
        found = {
            i
            for i, key in enumerate(keys)
            if key not in _CONNECTORS
            and key.lower() not in self.lexicon.heads
            and (key.lower() in lower or key.lower() in stopwords)
        }
        return found if len(found) > 1 else set()

    def lookup(self, keys: list[str], i: int, *, the: bool) -> _Piece | None:
        lexicon = self.lexicon
        longest = lexicon.longest if keys[i].lower() in lexicon.starters else 1
        for j in range(min(len(keys), i + longest), i, -1):
            if j == i + 1:
                key = keys[i]
            else:
                key = " ".join(keys[i:j])
                key = key if key.isupper() else key.lower()
            title = lexicon.titles.get(key.lower())
            if title is not None:
                return _Piece("title", i, j, title=title)
            known = lexicon.names.get(key)
            if known is None and the:
                # "the West": a name the gazetteer lists with its lower-case article.
                known = lexicon.names.get("the " + key)
            if known is not None:
                return _Piece("known", i, j, known)
        return None

    def opens_with_common_word(self, surface: str) -> bool:
        first = _TOKEN.match(surface)
        word = first.group() if first is not None else surface
        return word.lower() in self.lower() and not is_acronym(word)

    def drop_opener(self, tokens: list[tuple[int, int, str]], pieces: list[_Piece]) -> None:
        """Drop a sentence's first word when it is an ordinary word that opens a sentence."""
        first = pieces[0]
        if first.tag != "unknown":
            return
        word = tokens[first.first][2]
        if word.lower() in self.lower() and not is_acronym(word):
            if first.last - first.first == 1:
                first.tag = "stop"
            else:
                first.first += 1

    def template(
        self,
        tokens: list[tuple[int, int, str]],
        piece: _Piece,
        titles: list[tuple[str, int, int]],
        affiliations: list[tuple[int, int]],
        *,
        the: bool,
        last: bool,
    ) -> _Template:
        start, end = tokens[piece.first][0], tokens[piece.last - 1][1]
        extra = (tuple(titles), tuple(affiliations), last)
        known = piece.known
        if known is not None:
            check = _CAPITAL if known.role == "capital" else 0
            return _Template(
                start, end, known.kind, f"name:{known.name}", known.name, check, *extra
            )
        if piece.last - piece.first > 2 and _GROUP_NOUN.fullmatch(tokens[piece.first][2]):
            # "Floridians Jeb Bush", "Supporters Mary Smith": a plural before a name.
            start = tokens[piece.first + 1][0]
            piece = _Piece(piece.tag, piece.first + 1, piece.last)
        words = [t[2] for t in tokens[piece.first : piece.last]]
        surface = " ".join(words)
        kind = _kind_of(words, self.lexicon)
        check = 0
        if kind is EntityKind.PRODUCT:
            check = _WEAPON
        if kind is None and len(words) > 1:
            kind = EntityKind.PERSON
        if the and kind in (EntityKind.PERSON, None):
            kind = EntityKind.OTHER
        if kind is EntityKind.PERSON or (kind is None and titles):
            # "Sen. Cruz", "President Obama": a title makes a lone word a person.
            return _Template(start, end, EntityKind.PERSON, _person_key(words), surface, 0, *extra)
        return _Template(start, end, kind, f"text:{key_of(surface)}", surface, check, *extra)

    def extend(self, mention: Working, end: int) -> Working:
        """Grow a run's last mention over the lower-case words that complete its name."""
        text = self.text
        loose = mention.kind in (EntityKind.PERSON, None, EntityKind.OTHER)
        # Most runs are followed by an ordinary word: rule them out before any regex.
        possible = (loose and text[end + 1 : end + 2] in "agc") or (
            mention.key in self.lexicon.extended
        )
        follow = _NEXT_WORDS.match(text, end) if possible else None
        if follow is None:
            return mention
        one, two = follow.group(1), follow.group(2)
        body = _BODY_NOUNS.get(one)
        if body is not None and loose:
            # "the Biden administration": a body of its own, not the person.
            stop = follow.end(1)
            name = text[mention.start : stop]
            return Working(mention.start, stop, body, f"text:{key_of(name)}", name)
        surface = key_of(text[mention.start : mention.end])
        tries = [(one, follow.end(1))]
        if two is not None:
            tries.insert(0, (f"{one} {two}", follow.end(2)))
        for words, stop in tries:
            known = self.lexicon.names.get(f"{surface} {words}")
            if known is not None:
                return Working(mention.start, stop, known.kind, f"name:{known.name}", known.name)
        return mention

    def word_before(self, start: int) -> str:
        chunk = self.text[max(0, start - 12) : start]
        if not chunk.endswith(" "):
            return ""
        words = chunk.split()
        return words[-1] if words else ""

    def weapon_context(self, start: int, end: int) -> bool:
        return _WEAPON_CONTEXT.search(self.text, max(0, start - 120), end + 120) is not None


# Capitalised function words: inside a run, they mark a title-case headline.
_TITLE_CASE_WORDS = frozenset(
    [
        *("The", "And", "Of", "To", "A", "An", "In", "On", "At", "For", "With", "By", "From"),
        *("Is", "Are", "Was", "Were", "Be", "Has", "Have", "Will", "Says", "Said"),
    ]
)


def _weak(template: _Template, words: list[str]) -> _Template:
    """Make a title-case line's unknown name weak: untyped, kept only if it links elsewhere."""
    key = _person_key(words) if 1 < len(words) <= 3 else template.key
    return attrs.evolve(template, kind=None, key=key, check=0, weak=True)


def _person_key(words: list[str]) -> str:
    names = [w for w in words if w not in ("Jr.", "Sr.", "II", "III", "IV")] or words
    return f"person:{key_of(names[0])} {key_of(names[-1])}"


def _head(words: list[str], lexicon: Lexicon) -> EntityKind | None:
    heads = lexicon.heads
    keys = [key_of(w).lower() for w in words]
    if "of" in keys[1:] or "for" in keys[1:] or "on" in keys[1:]:
        cut = next(i for i, k in enumerate(keys) if i and k in ("of", "for", "on"))
        keys = keys[:cut]
    if len(keys) > 1:
        kind = heads.get(f"{keys[-2]} {keys[-1]}")
        if kind is not None:
            return kind
    return heads.get(keys[-1])


def _kind_of(words: list[str], lexicon: Lexicon) -> EntityKind | None:
    """Type an unknown name by its head, its shape or its number of words."""
    # A head alone ("TV", "Post") is a word, not a name.
    kind = _head(words, lexicon) if len(words) > 1 else None
    if kind is not None:
        return kind
    if any(_CODE.fullmatch(w) for w in words):
        # A model code ("Fath-360", "F-16"): a weapon if weapons are spoken of nearby.
        return EntityKind.PRODUCT
    if len(words) == 1 and not is_acronym(words[0]):
        word = words[0]
        singular = lexicon.names.get(key_of(word[:-1])) if word.endswith("s") else None
        # "Iranians", "Americans": the people, a group.
        return EntityKind.GROUP if singular is not None and singular.role == "demonym" else None
    if all(is_acronym(w) or w.lower() in _CONNECTORS for w in words):
        return EntityKind.ORGANIZATION
    return None


_BODY_KINDS = frozenset(
    [
        EntityKind.COUNTRY,
        EntityKind.LOCATION,
        EntityKind.GOVERNMENT,
        EntityKind.ORGANIZATION,
        EntityKind.INTERNATIONAL_ORGANIZATION,
    ]
)


def _closes_name(piece: _Piece) -> bool:
    """Say whether a known piece can be a surname: one word, a country or place, not "Iranian"."""
    known = piece.known
    return (
        piece.tag == "known"
        and piece.last - piece.first == 1
        and known is not None
        and known.role != "demonym"
        and known.kind in (EntityKind.COUNTRY, EntityKind.LOCATION)
    )


def _merge(
    tokens: list[tuple[int, int, str]], pieces: list[_Piece], lexicon: Lexicon
) -> list[_Piece]:
    """Join pieces that make one name.

    ``Iranian`` + ``Army``, ``University`` of ``Texas``, ``Jim`` + ``Jordan``.
    """
    out: list[_Piece] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if piece.tag == "unknown":
            words = [t[2] for t in tokens[piece.first : piece.last]]
            if _head(words, lexicon) is not None:
                # Known places and bodies, and other capitalised words, right before a named
                # body belong to its name: "Iranian Army", "West Asia News Agency".
                while out and (
                    out[-1].tag in ("unknown", "title")
                    or (out[-1].known is not None and out[-1].known.kind in _BODY_KINDS)
                ):
                    piece.first = out.pop().first
                # "University of Texas", "Council on Foreign Relations".
                if (
                    i + 2 < len(pieces)
                    and pieces[i + 1].tag == "connector"
                    and key_of(tokens[pieces[i + 1].first][2]) in ("of", "for", "on")
                    and pieces[i + 2].tag in ("known", "unknown")
                ):
                    piece.last = pieces[i + 2].last
                    i += 2
            elif (
                out
                and out[-1].tag == "known"
                and out[-1].known is not None
                and out[-1].known.kind is EntityKind.NEWS_OUTLET
            ):
                # "Bloomberg Politics", "Fox Business": a desk of the outlet, the outlet.
                piece.first = out[-1].first
                piece.tag, piece.known = "known", out.pop().known
            elif (
                i + 1 < len(pieces)
                and piece.last - piece.first <= 2
                and _closes_name(pieces[i + 1])
            ):
                # "Jim Jordan", "George Washington": a place name closing a person's name.
                piece.last = pieces[i + 1].last
                i += 1
        out.append(piece)
        i += 1
    return out


_SHARED_MAX = 200_000
_Shared = dict[tuple[str, bool, bool, bool], list[_Template]]
_SHARED: dict[int, tuple[Lexicon, _Shared]] = {}


def _shared_cache(lexicon: Lexicon) -> _Shared:
    """Return the cross-article cache of run readings for this lexicon.

    Only a pure memo (the same run always reads the same), kept for the few lexicons in use:
    the built-in one and any a caller builds once and reuses.
    """
    entry = _SHARED.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        if len(_SHARED) >= 8:
            _SHARED.clear()
        entry = (lexicon, {})
        _SHARED[id(lexicon)] = entry
    return entry[1]


def find_mentions(text: str, lexicon: Lexicon) -> list[Working]:
    """Return the mentions the rules find in ``text``, in text order.

    >>> from newsclaims.entities._data import default_lexicon
    >>> text = "Secretary of State Antony Blinken met Iranian Army officers."
    >>> [(text[m.start:m.end], m.kind.value) for m in find_mentions(text, default_lexicon())]
    [('Antony Blinken', 'person'), ('Iranian Army', 'government')]
    """
    runs = _Runs(text, lexicon)
    for match in _RUN.finditer(text):
        runs.run(match)
    return runs.out
