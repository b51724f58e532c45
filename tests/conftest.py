"""Shared test configuration: hypothesis profiles and paths to shared data."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

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
