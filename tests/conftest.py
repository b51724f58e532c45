"""Shared test configuration: hypothesis profiles and paths to shared data."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

from hypothesis import HealthCheck, settings

from newsclaims.model import Span

# "ci" (the default) keeps make test quick and free of timing flakes; "fuzz" digs deeper.
settings.register_profile(
    "ci", deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fuzz", deadline=None, max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_25119c12359958b3.txt"
SEED_EXPECTED = SEEDS / "000_25119c12359958b3.expected.json"

#: The shared folder beside the repository (PolNeAR, the scorer); absent on a clean clone.
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_attributions.py"
POLNEAR = SHARED / "data" / "polnear"


def shared_scorer() -> ModuleType:
    """Import the shared PolNeAR scorer from its file (it is not a package)."""
    spec = importlib.util.spec_from_file_location("score_attributions", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def nearest(text: str, needle: str, near: int = 0) -> Span:
    """The span of the occurrence of ``needle`` in ``text`` nearest to ``near``."""
    starts = []
    at = text.find(needle)
    while at >= 0:
        starts.append(at)
        at = text.find(needle, at + 1)
    assert starts, f"{needle!r} is not in the text"
    best = min(starts, key=lambda s: abs(s - near))
    return Span(best, best + len(needle))
