"""Regression: attribution and triple F1 on a fixed sample of PolNeAR train."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclaims.extraction import extract_report
from newsclaims.model import Report, Span, Structure
from tests.conftest import POLNEAR, SCORER, shared_scorer

_TRAIN = POLNEAR / "train"
_SAMPLE = 60  # the first 60 train articles by name
# Reached on this sample when the test was last tuned (0.707 / 0.599); a small margin below.
_MIN_ATTRIBUTION_F1 = 0.69
_MIN_TRIPLE_F1 = 0.58


def _brat(report: Report) -> str:
    lines, t = [], 0
    for n, s in enumerate(report.statements, 1):
        refs = []
        for role, spans in (
            ("Cue", s.cue.spans),
            ("Content", s.content),
            ("Source", s.source.mentions),
        ):
            if spans:
                t += 1
                offsets = ";".join(f"{x.start} {x.end}" for x in spans)
                lines.append(f"T{t}\t{role} {offsets}\t-")
                refs.append(f"{role}:T{t}")
        lines.append(f"E{n}\tAttribution:T{t} " + " ".join(refs))
    return "\n".join(lines) + "\n"


@pytest.mark.skipif(not _TRAIN.is_dir() or not SCORER.exists(), reason="PolNeAR train not found")
def test_polnear_train_sample_holds_its_level(tmp_path: Path) -> None:
    """F1 on the fixed train sample does not fall below the level reached."""
    gold = tmp_path / "gold"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    pred = tmp_path / "pred"
    pred.mkdir()
    for path in sorted((_TRAIN / "text").glob("*.txt"))[:_SAMPLE]:
        (gold / "text" / path.name).write_bytes(path.read_bytes())
        for ann in (_TRAIN / "attributions").glob(f"{path.stem}_*.ann"):
            (gold / "attributions" / ann.name).write_bytes(ann.read_bytes())
        text = path.read_text(encoding="utf-8")
        first = text.split("\n", 1)[0]
        report = Report(text, structure=Structure(headline=Span(0, len(first))))
        (pred / f"{path.stem}.ann").write_text(_brat(extract_report(report)), encoding="utf-8")
    result = shared_scorer().score(gold, pred)
    assert result["attribution"][2] >= _MIN_ATTRIBUTION_F1, result["attribution"]
    assert result["triple"][2] >= _MIN_TRIPLE_F1, result["triple"]
