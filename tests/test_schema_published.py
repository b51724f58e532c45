"""The JSON Schema published in the docs is the one the code generates."""

from __future__ import annotations

import json

import newsclaims
from tests.conftest import ROOT

PUBLISHED = ROOT / "docs" / "schema" / "newsclaims-1.json"


def test_published_schema_matches_the_model() -> None:
    """docs/schema/newsclaims-1.json is regenerated whenever the model changes.

    Regenerate it with `newsclaims schema > docs/schema/newsclaims-1.json`.
    """
    assert json.loads(PUBLISHED.read_text(encoding="utf-8")) == newsclaims.json_schema()
