"""Evaluation: score predicted attributions against gold ones.

The figures are those of the PolNeAR attribution scorer (attribution and triple F1, overlap
and exact P / R / F1 per role; see :mod:`newsclaims.evaluation._metrics` for the
definitions), plus how often matched attributions agree on certainty and polarity where both
sides have them, and a breakdown per article. Gold and predictions may be brat standoff or
newsclaims JSON, in any mix (see :func:`load_corpus`).

>>> from newsclaims import Cue, Report, Source, Span, Statement
>>> text = "Iran denied it. Smith said so."
>>> gold = Report(text, statements=[
...     Statement("S1", Source([Span(0, 4)]), Cue([Span(5, 11)]), [Span(12, 14)]),
...     Statement("S2", Source([Span(16, 21)]), Cue([Span(22, 26)]), [Span(27, 29)])])
>>> pred = Report(text, statements=gold.statements[:1])
>>> result = score({"a": article_of("a", gold)}, {"a": article_of("a", pred)})
>>> result.metrics["attribution"].recall, result.metrics["triple"].precision
(0.5, 1.0)
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from newsclaims.errors import FormatError
from newsclaims.evaluation._corpus import Article, attributions_of, load_corpus, read_ann
from newsclaims.evaluation._metrics import (
    ROLES,
    Agreement,
    Attribution,
    Counts,
    Tokens,
    dice,
    match,
)
from newsclaims.model import Report
from newsclaims.parsers import DEFAULT_MAX_CHARS

__all__ = [
    "ROLES",
    "Agreement",
    "Article",
    "ArticleScores",
    "Attribution",
    "Counts",
    "Evaluation",
    "article_of",
    "attributions_of",
    "evaluate",
    "load_corpus",
    "read_ann",
    "score",
]

_LABELS = ("certainty", "polarity")


@attrs.frozen
class ArticleScores:
    """One article's figures: how many attributions each side has and how many match."""

    name: str
    gold: int
    predicted: int
    attribution: Counts
    triple: Counts


@attrs.define
class Evaluation:
    """The result of :func:`score`: corpus figures, label agreement, and per-article figures.

    Attributes:
        articles: gold articles seen (annotated or not).
        without_prediction: annotated gold articles the predictions say nothing of.
        metrics: ``attribution``, ``triple`` and ``<role> overlap`` / ``<role> exact`` for
            each role, in that order.
        agreement: ``certainty`` and ``polarity`` agreement over matched attributions.
        per_article: the annotated articles, by name.
    """

    articles: int = 0
    without_prediction: int = 0
    metrics: dict[str, Counts] = attrs.field(factory=dict)
    agreement: dict[str, Agreement] = attrs.field(factory=dict)
    per_article: list[ArticleScores] = attrs.field(factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the figures as plain JSON-ready data (``--json``)."""

        def prf(c: Counts) -> dict[str, Any]:
            return {"p": c.precision, "r": c.recall, "f1": c.f1, "tp": c.tp, "fp": c.fp, "fn": c.fn}

        return {
            "articles": self.articles,
            "without_prediction": self.without_prediction,
            "metrics": {name: prf(c) for name, c in self.metrics.items()},
            "agreement": {
                name: {"compared": a.compared, "agreed": a.agreed, "rate": a.rate}
                for name, a in self.agreement.items()
            },
            "per_article": [
                {
                    "article": a.name,
                    "gold": a.gold,
                    "predicted": a.predicted,
                    "attribution": prf(a.attribution),
                    "triple": prf(a.triple),
                }
                for a in self.per_article
            ],
        }

    def table(self) -> str:
        """Return the figures as a readable table, ending with the scorer's summary line."""
        lines = [
            f"articles: {self.articles}  without prediction: {self.without_prediction}",
            f"{'metric':<18}{'P':>8}{'R':>8}{'F1':>8}",
        ]
        for name, c in self.metrics.items():
            lines.append(f"{name:<18}{c.precision:8.3f}{c.recall:8.3f}{c.f1:8.3f}")
        lines.append("")
        lines.append(f"{'agreement':<18}{'compared':>10}{'agreed':>8}{'rate':>8}")
        for name, a in self.agreement.items():
            lines.append(f"{name:<18}{a.compared:>10}{a.agreed:>8}{a.rate:8.3f}")
        lines.append("")
        lines.append(f"{'article':<48}{'gold':>6}{'pred':>6}{'attr F1':>9}{'triple F1':>11}")
        for row in self.per_article:
            name = row.name if len(row.name) <= 47 else row.name[:46] + "…"
            lines.append(
                f"{name:<48}{row.gold:>6}{row.predicted:>6}"
                f"{row.attribution.f1:9.3f}{row.triple.f1:11.3f}"
            )
        lines.append("")
        attribution, triple = self.metrics["attribution"], self.metrics["triple"]
        lines.append(f"attribution_f1={attribution.f1:.3f} triple_f1={triple.f1:.3f}")
        return "\n".join(lines) + "\n"


def article_of(name: str, report: Report) -> Article:
    """Return the :class:`Article` that evaluation reads from a report."""
    return Article(name, report.text, attributions_of(report))


class _Scorer:
    """Adds up one article after another."""

    def __init__(self) -> None:
        self.result = Evaluation()
        self.result.metrics = {"attribution": Counts(), "triple": Counts()}
        for role in ROLES:
            self.result.metrics[f"{role} overlap"] = Counts()
            self.result.metrics[f"{role} exact"] = Counts()
        self.result.agreement = {label: Agreement() for label in _LABELS}

    def add(
        self, name: str, text: str, gold: tuple[Attribution, ...], pred: tuple[Attribution, ...]
    ) -> None:
        tokens = Tokens(text)
        gtok = [{r: tokens.ids(g.role(r)) for r in ROLES} for g in gold]
        ptok = [{r: tokens.ids(p.role(r)) for r in ROLES} for p in pred]
        pairs = match([g["content"] for g in gtok], [p["content"] for p in ptok])
        full = 0
        for i, j in pairs:
            g, p = gtok[i], ptok[j]
            cue_ok = bool(g["cue"] & p["cue"]) or not (g["cue"] or p["cue"])
            full += cue_ok and dice(g["source"], p["source"]) >= 0.5
            self._agree(gold[i], pred[j])
        attribution = Counts(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
        triple = Counts(full, len(pred) - full, len(gold) - full)
        metrics = self.result.metrics
        metrics["attribution"].add(attribution.tp, attribution.fp, attribution.fn)
        metrics["triple"].add(triple.tp, triple.fp, triple.fn)
        for role in ROLES:
            gset = frozenset[int]().union(*(g[role] for g in gtok))
            pset = frozenset[int]().union(*(p[role] for p in ptok))
            metrics[f"{role} overlap"].add(len(gset & pset), len(pset - gset), len(gset - pset))
            gex = [tokens.trimmed(g.role(role)) for g in gold if g.role(role)]
            pex = [tokens.trimmed(p.role(role)) for p in pred if p.role(role)]
            tp = _multiset_overlap(gex, pex)
            metrics[f"{role} exact"].add(tp, len(pex) - tp, len(gex) - tp)
        self.result.per_article.append(
            ArticleScores(name, len(gold), len(pred), attribution, triple)
        )

    def _agree(self, gold: Attribution, pred: Attribution) -> None:
        for label in _LABELS:
            g, p = getattr(gold, label), getattr(pred, label)
            if g is not None and p is not None:
                agreement = self.result.agreement[label]
                agreement.compared += 1
                agreement.agreed += g == p


def _multiset_overlap(
    a: list[frozenset[tuple[int, int]]], b: list[frozenset[tuple[int, int]]]
) -> int:
    remaining = list(a)
    count = 0
    for item in b:
        if item in remaining:
            remaining.remove(item)
            count += 1
    return count


def score(gold: Mapping[str, Article], pred: Mapping[str, Article]) -> Evaluation:
    """Score predicted articles against gold ones, matched by name.

    Articles only the predictions have are ignored; annotated gold articles the predictions
    lack count as predicted empty.

    Raises:
        FormatError: neither side has the text of an article (brat without its ``.txt``).
    """
    scorer = _Scorer()
    for name in sorted(gold):
        scorer.result.articles += 1
        article = gold[name]
        if article.attributions is None:
            continue
        predicted = pred.get(name)
        if predicted is None:
            scorer.result.without_prediction += 1
        text = article.text
        if text is None and predicted is not None:
            text = predicted.text
        if text is None:
            raise FormatError(name, "no text for this article: give gold with its .txt files")
        scorer.add(
            name, text, article.attributions, predicted.attributions or () if predicted else ()
        )
    return scorer.result


def evaluate(
    gold: str | Path, pred: str | Path, *, max_chars: int | None = DEFAULT_MAX_CHARS
) -> Evaluation:
    """Read gold and predicted attributions from files or folders and score them.

    Args:
        gold: brat (a PolNeAR-style folder, a folder of ``.txt`` + ``.ann``) or newsclaims
            JSON (``.json`` files, ``.jsonl``).
        pred: the same kinds, or the shared scorer's JSON Lines.
        max_chars: refuse a file (a line, in JSON Lines) longer than this many bytes
            (:data:`~newsclaims.parsers.DEFAULT_MAX_CHARS`); ``None`` for no limit.

    Raises:
        FormatError: a path is missing, or a file cannot be read or is longer than
            ``max_chars``.
    """
    return score(
        load_corpus(Path(gold), max_chars=max_chars), load_corpus(Path(pred), max_chars=max_chars)
    )
