"""Evaluation: the same figures as the shared PolNeAR scorer, plus agreement and per article."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsclaims import (
    Certainty,
    Confidence,
    Cue,
    FormatError,
    Polarity,
    Report,
    Source,
    Span,
    Statement,
    dumps,
)
from newsclaims.cli import main
from newsclaims.evaluation import article_of, evaluate, load_corpus, read_ann, score
from tests.conftest import POLNEAR, SCORER, shared_scorer

DATA = Path(__file__).parent / "data" / "evaluate"
GOLD = DATA / "gold"
POLNEAR_DEV = POLNEAR / "dev"
PREDICTIONS = ["pred-brat", "second.jsonl", "pred.jsonl"]


def _figures(result: Any) -> dict[str, tuple[float, float, float]]:
    return {k: (c.precision, c.recall, c.f1) for k, c in result.metrics.items()}


def _rounded(figures: dict[str, tuple[float, float, float]]) -> dict[str, list[float]]:
    return {k: [round(v, 3) for v in prf] for k, prf in figures.items()}


@pytest.mark.parametrize("prediction", PREDICTIONS)
def test_fixture_agrees_with_recorded_scorer_figures(prediction: str) -> None:
    """On the fixed fixture, every metric equals the shared scorer's recorded figure."""
    recorded = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))[prediction]
    expected = {
        k: [round(v["p"], 3), round(v["r"], 3), round(v["f1"], 3)] for k, v in recorded.items()
    }
    assert expected == _rounded(_figures(evaluate(GOLD, DATA / prediction)))


@pytest.mark.skipif(not SCORER.is_file(), reason="shared/tools/score_attributions.py is absent")
@pytest.mark.parametrize("prediction", ["pred-brat", "second.jsonl"])
def test_fixture_agrees_with_the_live_shared_scorer(prediction: str) -> None:
    """Run live, the shared scorer gives the same figures on the fixture."""
    theirs = shared_scorer().score(GOLD, DATA / prediction)
    theirs.pop("_docs")
    assert _rounded(theirs) == _rounded(_figures(evaluate(GOLD, DATA / prediction)))


@pytest.mark.skipif(
    not (SCORER.is_file() and POLNEAR_DEV.is_dir()), reason="shared PolNeAR dev is absent"
)
def test_dev_predictions_agree_with_the_live_shared_scorer(tmp_path: Path) -> None:
    """On PolNeAR dev predictions made now, both tools agree to three decimals."""
    texts = sorted((POLNEAR_DEV / "text").glob("*.txt"))
    args = ["extract", *map(str, texts), "--format", "brat", "--output-dir", str(tmp_path)]
    assert main(args) == 0
    theirs = shared_scorer().score(POLNEAR_DEV, tmp_path)
    theirs.pop("_docs")
    assert _rounded(theirs) == _rounded(_figures(evaluate(POLNEAR_DEV, tmp_path)))


def test_first_annotator_by_name_is_gold() -> None:
    """Where an article has several annotation files, the first by name is the gold one."""
    stem = "council_2026-02-03_harbour-budget-vote"
    first = (GOLD / "attributions" / f"{stem}_a1.ann").read_text(encoding="utf-8")
    assert read_ann(first) == load_corpus(GOLD)[stem].attributions


def test_missing_prediction_counts_as_empty() -> None:
    """An annotated article without prediction is counted, and all its gold are misses."""
    result = evaluate(GOLD, DATA / "pred-brat")
    row = next(a for a in result.per_article if a.name.startswith("trade"))
    assert (result.without_prediction, row.predicted, row.attribution.tp) == (1, 0, 0)


_IT = Span(12, 14)


def _report(certainty: Certainty, polarity: Polarity, *, content: Span = _IT) -> Report:
    text = "Iran denied it. Smith said so."
    confidence = Confidence(certainty, polarity)
    return Report(
        text,
        statements=[
            Statement(
                "S1", Source([Span(0, 4)]), Cue([Span(5, 11)]), [content], confidence=confidence
            )
        ],
    )


def test_certainty_and_polarity_agreement() -> None:
    """Matched attributions are compared on certainty and polarity where both sides have them."""
    gold = article_of("a", _report(Certainty.CERTAIN, Polarity.NEGATIVE))
    pred = article_of("a", _report(Certainty.POSSIBLE, Polarity.NEGATIVE))
    result = score({"a": gold}, {"a": pred})
    rates = {k: (a.compared, a.agreed) for k, a in result.agreement.items()}
    assert rates == {"certainty": (1, 0), "polarity": (1, 1)}


def test_unmatched_attributions_are_not_compared() -> None:
    """Attributions that do not match on content are not compared on labels."""
    gold = article_of("a", _report(Certainty.CERTAIN, Polarity.POSITIVE))
    pred = article_of("a", _report(Certainty.CERTAIN, Polarity.POSITIVE, content=Span(27, 29)))
    result = score({"a": gold}, {"a": pred})
    assert (result.metrics["attribution"].tp, result.agreement["certainty"].compared) == (0, 0)


def test_json_gold_against_brat_predictions(tmp_path: Path) -> None:
    """Gold in newsclaims JSON and predictions in brat mix: a perfect prediction scores 1."""
    report = _report(Certainty.CERTAIN, Polarity.POSITIVE)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text(dumps(report), encoding="utf-8")
    (tmp_path / "pred").mkdir()
    (tmp_path / "pred" / "a.ann").write_text(
        "T1\tSource 0 4\tIran\nT2\tCue 5 11\tdenied\nT3\tContent 12 14\tit\n"
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\nA1\tCertainty E1 certain\n",
        encoding="utf-8",
    )
    result = evaluate(tmp_path / "gold", tmp_path / "pred")
    assert (result.metrics["triple"].f1, result.agreement["certainty"].rate) == (1.0, 1.0)


def test_brat_without_text_is_a_clear_error(tmp_path: Path) -> None:
    """brat on both sides without any .txt cannot be tokenised: a FormatError says so."""
    (tmp_path / "a.ann").write_text("", encoding="utf-8")
    with pytest.raises(FormatError, match="no text for this article"):
        evaluate(tmp_path, tmp_path)


def test_malformed_offsets_are_a_format_error(tmp_path: Path) -> None:
    """A text-bound line with offsets that are not numbers names the file and line."""
    path = tmp_path / "a.ann"
    path.write_text("T1\tSource x y\tIran\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"a\.ann: line 1: 'x y' are not brat offsets"):
        load_corpus(path)


def test_cli_prints_the_table_and_summary_line(capsys: pytest.CaptureFixture[str]) -> None:
    """`newsclaims evaluate` ends with the scorer's summary line."""
    assert main(["evaluate", str(GOLD), str(DATA / "second.jsonl")]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == "attribution_f1=0.600 triple_f1=0.533"


def test_cli_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    """`--json` prints metrics, agreement and the per-article breakdown."""
    assert main(["evaluate", str(GOLD), str(DATA / "pred-brat"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["articles"], len(doc["per_article"]), sorted(doc["agreement"])) == (
        4,
        4,
        ["certainty", "polarity"],
    )


def test_cli_missing_gold_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing path exits 2 with one error line."""
    assert main(["evaluate", str(tmp_path / "nope"), str(GOLD)]) == 2
    assert (
        capsys.readouterr().err
        == f"newsclaims: error: {tmp_path / 'nope'}: no such file or folder\n"
    )


@pytest.mark.skipif(not SCORER.is_file(), reason="shared/tools/score_attributions.py is absent")
def test_summary_line_matches_the_shared_scorer_cli() -> None:
    """Through real processes, both tools print the same closing line."""
    theirs = subprocess.run(  # noqa: S603 -- our interpreter, the shared scorer
        [sys.executable, str(SCORER), str(GOLD), str(DATA / "pred-brat")],
        capture_output=True,
        text=True,
        check=True,
    )
    ours = subprocess.run(  # noqa: S603 -- our interpreter and module
        [sys.executable, "-m", "newsclaims", "evaluate", str(GOLD), str(DATA / "pred-brat")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert theirs.stdout.splitlines()[-1] == ours.stdout.splitlines()[-1]
