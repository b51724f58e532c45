"""The extraction pipeline: plain stages over a frozen :class:`Analysis`.

Each stage takes an :class:`Analysis` and returns a new one with one more layer filled in:
segmentation, quotes, cues, statements (sources and contents), nesting, and finally the
report's :class:`~newsclaims.model.Statement` objects. A stage can be called on its own or
swapped out; later stages (confidence, entities) slot in after :func:`nesting_stage`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from newsclaims.confidence import confidence_stage
from newsclaims.entities import entity_stage
from newsclaims.extraction._contents import RawStatement
from newsclaims.extraction._cues import CompiledCues, CueHit, compile_cues, find_cues
from newsclaims.extraction._lexicon import CueEntry, Lexicon, default_lexicon
from newsclaims.extraction._nesting import find_parents
from newsclaims.extraction._quotes import Quote, find_quotes
from newsclaims.extraction._reading import read_statements
from newsclaims.extraction._segment import Segmentation, segment
from newsclaims.extraction._sources import source_kinds
from newsclaims.model import Cue, CueKind, Form, Report, Source, SourceKind, Span, Stance, Statement

__all__ = [
    "Analysis",
    "Options",
    "Pipeline",
    "Stage",
    "cue_stage",
    "default_pipeline",
    "extract_report",
    "fold_stage",
    "nesting_stage",
    "options_for",
    "outermost_pipeline",
    "outermost_stage",
    "quote_stage",
    "report_stage",
    "segment_stage",
    "statement_stage",
]

_SPAN = tuple[int, int]


@attrs.frozen
class Options:
    """Settings shared by the stages: the compiled cue lexicon."""

    cues: CompiledCues
    source_kinds: Mapping[str, str]


@attrs.frozen
class Analysis:
    """A report with the intermediate layers that the stages add, one by one.

    A layer is ``None`` until its stage has run.
    """

    report: Report
    options: Options
    segmentation: Segmentation | None = None
    quotes: tuple[Quote, ...] | None = None
    cues: tuple[CueHit, ...] | None = None
    statements: tuple[RawStatement, ...] | None = None
    parents: tuple[int | None, ...] | None = None


#: A pipeline stage: one layer more.
Stage = Callable[[Analysis], Analysis]


def _headline(report: Report) -> _SPAN | None:
    h = report.structure.headline
    return (h.start, h.end) if h is not None else None


def segment_stage(analysis: Analysis) -> Analysis:
    """Add paragraphs, sentences and tokens."""
    seg = segment(analysis.report.text, _headline(analysis.report))
    return attrs.evolve(analysis, segmentation=seg)


def _require_segmentation(analysis: Analysis) -> Segmentation:
    if analysis.segmentation is None:
        return segment(analysis.report.text, _headline(analysis.report))
    return analysis.segmentation


def quote_stage(analysis: Analysis) -> Analysis:
    """Add the quotations (paired per paragraph, chained over paragraphs)."""
    seg = _require_segmentation(analysis)
    quotes = find_quotes(analysis.report.text, seg.paragraphs, _headline(analysis.report))
    return attrs.evolve(analysis, segmentation=seg, quotes=quotes)


def _excluded(report: Report) -> list[_SPAN]:
    """Captions and boilerplate: text that carries no statements of the article."""
    spans = [(c.span.start, c.span.end) for c in report.structure.captions]
    spans += [(b.start, b.end) for b in report.structure.boilerplate]
    return spans


def _merged(spans: list[_SPAN]) -> list[_SPAN]:
    """Return the union of ``spans`` as sorted, non-overlapping spans (quotes in captions)."""
    out: list[_SPAN] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _inside(starts: list[int], spans: list[_SPAN], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < spans[i][1]


def cue_stage(analysis: Analysis) -> Analysis:
    """Add the cue hits: outside captions, boilerplate and quotations.

    A cue inside a quotation belongs to the quoted speaker's own words ("I think ..."):
    it is part of the quoted content, not an attribution the reporter makes. Only quotes
    that close (or go on in the next paragraph) count, so a stray mark hides nothing.
    """
    seg = _require_segmentation(analysis)
    hits = find_cues(analysis.report.text, analysis.options.cues, seg.sentences)
    skip = _excluded(analysis.report)
    quotes = analysis.quotes
    if quotes is None:
        quotes = find_quotes(analysis.report.text, seg.paragraphs, _headline(analysis.report))
    skip += [(q.start, q.end) for q in quotes if q.closed or q.continues]
    if skip:
        merged = _merged(skip)
        starts = [s for s, _ in merged]
        hits = tuple(h for h in hits if not _inside(starts, merged, h.head))
    return attrs.evolve(analysis, segmentation=seg, cues=hits)


def statement_stage(analysis: Analysis) -> Analysis:
    """Read each cue's source and content."""
    seg = _require_segmentation(analysis)
    quotes = analysis.quotes
    if quotes is None:
        quotes = find_quotes(analysis.report.text, seg.paragraphs, _headline(analysis.report))
    hits = analysis.cues if analysis.cues is not None else cue_stage(analysis).cues or ()
    raw = read_statements(analysis.report.text, seg.sentences, quotes, hits)
    return attrs.evolve(analysis, segmentation=seg, quotes=quotes, statements=raw)


def nesting_stage(analysis: Analysis) -> Analysis:
    """Find, for each statement, the statement whose content holds its cue."""
    raw = analysis.statements or ()
    parents = find_parents([r.cue for r in raw], [r.content for r in raw])
    return attrs.evolve(analysis, parents=parents)


_SELF = frozenset({"he", "she", "they", "i", "we"})


def fold_stage(analysis: Analysis) -> Analysis:
    """Fold a speaker's own nested statement into the statement that reports it.

    In ``Clinton said she opposes the deal`` the opposition is what Clinton said, not a
    second claim from a second source; nor is ``Trump said Clinton seemed tired`` a claim
    of anyone but Trump. A statement whose cue lies in the content of a statement with a
    source, and whose own source is a personal pronoun or missing, is dropped. Nesting
    across sources (``According to the Journal, officials believe X``) stays.
    """
    raw = analysis.statements or ()
    parents = analysis.parents
    if parents is None:
        parents = nesting_stage(analysis).parents or ()
    text = analysis.report.text
    keep = [
        p is None
        or raw[p].source is None
        or (r.source is not None and text[r.source[0] : r.source[1]].lower() not in _SELF)
        for r, p in zip(raw, parents, strict=True)
    ]
    kept = tuple(r for r, k in zip(raw, keep, strict=True) if k)
    return nesting_stage(attrs.evolve(analysis, statements=kept, parents=None))


def outermost_stage(analysis: Analysis) -> Analysis:
    """Keep only the statements nested in no other (the PolNeAR annotation convention).

    PolNeAR's guidelines annotate "only the outermost attribution"; put this stage after
    :func:`nesting_stage` to read articles the same way:
    ``Pipeline(default_pipeline().stages[:5] + (outermost_stage, report_stage))``.
    """
    raw = analysis.statements or ()
    parents = analysis.parents
    if parents is None:
        parents = nesting_stage(analysis).parents or ()
    kept = tuple(r for r, p in zip(raw, parents, strict=True) if p is None)
    return attrs.evolve(analysis, statements=kept, parents=(None,) * len(kept))


_CUE_KINDS = {
    "verb": CueKind.VERB,
    "participle": CueKind.PARTICIPLE,
    "reduced": CueKind.PARTICIPLE,
    "according": CueKind.PHRASE,
    "noun": CueKind.NOUN,
    "colon": CueKind.COLON,
    "adverb": CueKind.PHRASE,
}


def _form(content: Iterable[_SPAN], quotes: Sequence[Quote]) -> Form:
    """Direct when the content is quotations only, mixed when it holds one, else indirect."""
    starts = {q.start for q in quotes}
    ends = {q.end for q in quotes}
    spans = list(content)
    if all(s in starts and e in ends for s, e in spans):
        return Form.DIRECT
    first = [q.start for q in quotes]
    for s, e in spans:
        i = bisect.bisect_left(first, s)
        if i < len(quotes) and quotes[i].start < e:
            return Form.MIXED
    return Form.INDIRECT


def _statement(
    analysis: Analysis, raw: RawStatement, ident: str, parent: str | None, kind: SourceKind
) -> Statement:
    hit = raw.hit
    mentions = (Span(*raw.source),) if raw.source is not None else ()
    lemma_kind = (
        CueKind.PHRASE if " " in hit.lemma and hit.frame == "verb" else _CUE_KINDS[hit.frame]
    )
    cue = Cue(
        spans=(Span(*raw.cue),),
        lemma=hit.lemma,
        stance=Stance(hit.stance),
        kind=lemma_kind,
        negated=hit.negated,
    )
    return Statement(
        id=ident,
        source=Source(mentions=mentions, kind=kind),
        cue=cue,
        content=tuple(Span(s, e) for s, e in raw.content),
        form=_form(raw.content, analysis.quotes or ()),
        nested_in=parent,
    )


def report_stage(analysis: Analysis) -> Analysis:
    """Turn the statements into model objects on the report (replacing any it had).

    Source kinds are read here, over all the statements at once, because a pronoun source
    takes the kind of an earlier statement's source (``Experts said X. They added Y.``).
    """
    raw = analysis.statements or ()
    parents = analysis.parents if analysis.parents is not None else (None,) * len(raw)
    seg = _require_segmentation(analysis)
    kinds = source_kinds(
        analysis.report.text,
        [r.source for r in raw],
        seg.paragraphs,
        analysis.options.source_kinds,
    )
    statements = tuple(
        _statement(analysis, r, f"S{i + 1}", None if p is None else f"S{p + 1}", SourceKind(k))
        for i, (r, p, k) in enumerate(zip(raw, parents, kinds, strict=True))
    )
    return attrs.evolve(analysis, report=attrs.evolve(analysis.report, statements=statements))


@attrs.frozen
class Pipeline:
    """A sequence of stages, run in order.

    >>> from newsclaims.model import Report
    >>> p = default_pipeline()
    >>> [stage.__name__ for stage in p.stages]  # doctest: +NORMALIZE_WHITESPACE
    ['segment_stage', 'quote_stage', 'cue_stage', 'statement_stage', 'nesting_stage',
     'fold_stage', 'report_stage', 'entity_stage', 'confidence_stage']
    """

    stages: tuple[Stage, ...]

    def run(self, analysis: Analysis) -> Analysis:
        """Run every stage in turn and return the final analysis."""
        for stage in self.stages:
            analysis = stage(analysis)
        return analysis

    def replace(self, old: Stage, new: Stage) -> Pipeline:
        """Return a pipeline with stage ``old`` replaced by ``new``."""
        return Pipeline(tuple(new if s is old else s for s in self.stages))


def outermost_pipeline() -> Pipeline:
    """Return the standard pipeline keeping only outermost statements (PolNeAR's convention)."""
    stages = default_pipeline().stages
    at = stages.index(report_stage)
    return Pipeline((*stages[:at], outermost_stage, *stages[at:]))


def default_pipeline() -> Pipeline:
    """Return the standard pipeline.

    Segment, quotes, cues, statements, nesting, fold and report build the statements; then
    the entity stage finds entities and ties sources and contents to them, and the
    confidence stage reads how sure each source is.
    """
    return Pipeline(
        (
            segment_stage,
            quote_stage,
            cue_stage,
            statement_stage,
            nesting_stage,
            fold_stage,
            report_stage,
            entity_stage,
            confidence_stage,
        )
    )


_DEFAULT_OPTIONS: list[Options] = []


def options_for(
    extra_verbs: Iterable[str] = (), cues: Mapping[str, CueEntry] | Lexicon | None = None
) -> Options:
    """Return the options for a lexicon: the default one, plus any user verbs or cues."""
    extra = tuple(extra_verbs)
    if not extra and cues is None:
        if not _DEFAULT_OPTIONS:
            lex = default_lexicon()
            _DEFAULT_OPTIONS.append(Options(compile_cues(lex), lex.source_kinds))
        return _DEFAULT_OPTIONS[0]
    lexicon = cues if isinstance(cues, Lexicon) else default_lexicon()
    if isinstance(cues, Mapping):
        lexicon = lexicon.with_cues(cues)
    lexicon = lexicon.with_verbs(extra)
    return Options(compile_cues(lexicon), lexicon.source_kinds)


def extract_report(
    report: Report,
    *,
    extra_verbs: Iterable[str] = (),
    cues: Mapping[str, CueEntry] | Lexicon | None = None,
    pipeline: Pipeline | None = None,
) -> Report:
    """Return ``report`` with its statements read from its text (replacing any it had).

    Args:
        report: the report to read.
        extra_verbs: reporting verbs to add to the lexicon (lemmas; inflections guessed).
        cues: extra surface forms mapped to :class:`CueEntry`, or a whole :class:`Lexicon`.
        pipeline: the stages to run; :func:`default_pipeline` by default.

    Returns:
        A new report whose ``statements`` hold every attribution found, ids ``S1``, ``S2``...
        in text order.

    >>> from newsclaims.model import Report
    >>> r = extract_report(Report("Iran denied that it sent missiles."))
    >>> [(r.text_of(s.source.mentions), s.cue.lemma, r.text_of(s.content)) for s in r.statements]
    [('Iran', 'deny', 'that it sent missiles')]
    """
    options = options_for(extra_verbs, cues)
    analysis = Analysis(report=report, options=options)
    return (pipeline or default_pipeline()).run(analysis).report
