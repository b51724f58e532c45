#!/usr/bin/env python3
"""How fast could ``loads``/``dumps`` of a seed-sized report be? The floors, measured.

usage: .venv/bin/pip install msgspec && .venv/bin/python bench/serialise_floor.py

An experiment behind docs/performance.md, not part of the library: it times the parts no
implementation of ``loads``/``dumps`` can avoid, on the seed article's full reading.

- Parsing the JSON text into Python values, with the fastest libraries (orjson, msgspec).
- msgspec building the attrs model objects in compiled code, straight from JSON, with the
  model's validators (msgspec runs attrs validators and ``__attrs_post_init__``) and with every
  Python check switched off. msgspec writes spans as ``{"start": .., "end": ..}`` objects, not
  the ``[start, end]`` pairs of the newsclaims format, so this is an upper bound for any
  format, not a drop-in.
- Building the JSON-ready document by hand, one inlined function per class, then orjson.

msgspec is not a dependency of newsclaims: this script is the only place it is used.
"""

from __future__ import annotations

import importlib
import operator
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

import newsclaims
from newsclaims import serialise
from newsclaims.model import Report, Span, Statement

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_25119c12359958b3.txt"
_SE = operator.attrgetter("start", "end")


def per_call(fn: Callable[[], object], n: int = 1000, repeat: int = 9) -> float:
    """Microseconds per call, the best of ``repeat`` runs of ``n`` calls."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(n):
            fn()
        best = min(best, (time.perf_counter() - start) / n)
    return best * 1e6


def _spans(spans: tuple[Span, ...]) -> list[tuple[int, int]]:
    return list(map(_SE, spans))


def _one(span: Span | None) -> tuple[int, int] | None:
    return None if span is None else _SE(span)


def _statement(s: Statement) -> dict[str, Any]:
    source, cue, c = s.source, s.cue, s.confidence
    return {
        "id": s.id,
        "source": {
            "mentions": _spans(source.mentions),
            "kind": source.kind,
            "entity_ids": source.entity_ids,
        },
        "cue": {
            "spans": _spans(cue.spans),
            "lemma": cue.lemma,
            "stance": cue.stance,
            "kind": cue.kind,
            "negated": cue.negated,
        },
        "content": _spans(s.content),
        "form": s.form,
        "confidence": None
        if c is None
        else {
            "certainty": c.certainty,
            "polarity": c.polarity,
            "likelihood": c.likelihood,
            "evidence": [{"kind": e.kind, "span": _SE(e.span)} for e in c.evidence],
            "grading": None
            if c.grading is None
            else {"reliability": c.grading.reliability, "credibility": c.grading.credibility},
        },
        "nested_in": s.nested_in,
        "entity_ids": s.entity_ids,
    }


def by_hand(r: Report) -> dict[str, Any]:
    """The newsclaims document of ``r``, every class inlined: the least Python can do."""
    st, m = r.structure, r.metadata
    return {
        "schema": serialise.SCHEMA,
        "text": r.text,
        "structure": {
            "headline": _one(st.headline),
            "standfirst": _one(st.standfirst),
            "captions": [{"span": _SE(c.span), "credit": _one(c.credit)} for c in st.captions],
            "paragraphs": _spans(st.paragraphs),
            "boilerplate": _spans(st.boilerplate),
        },
        "metadata": {
            "publisher": m.publisher,
            "authors": m.authors,
            "published": None if m.published is None else m.published.isoformat(),
            "url": m.url,
            "language": m.language,
            "origin": m.origin,
            "sha256": m.sha256,
            "encoding": m.encoding,
        },
        "statements": [_statement(s) for s in r.statements],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "mentions": _spans(e.mentions),
                "aliases": e.aliases,
                "attributes": [
                    {"kind": a.kind, "span": _SE(a.span), "entity_id": a.entity_id}
                    for a in e.attributes
                ],
            }
            for e in r.entities
        ],
    }


def bare_decode(msgspec: Any) -> float:
    """Microseconds per decode into the attrs model with no validator nor post-init run."""
    # msgspec wraps a class's attrs validators around its __attrs_post_init__ in this private
    # helper when it first meets the class: make it wrap nothing.
    utils: Any = importlib.import_module("msgspec._utils")
    utils._wrap_attrs_validators = lambda _fields, _post_init: None
    report = newsclaims.read(SEED)
    as_objects = msgspec.json.encode(report)
    decoder = msgspec.json.Decoder(Report)
    return per_call(lambda: decoder.decode(as_objects))


def main(argv: list[str]) -> int:
    try:
        msgspec: Any = importlib.import_module("msgspec")
    except ImportError:
        print("needs msgspec: .venv/bin/pip install msgspec", file=sys.stderr)
        return 2
    if argv == ["--bare"]:
        print(bare_decode(msgspec))
        return 0
    report = newsclaims.read(SEED)
    text = newsclaims.dumps(report)
    data = text.encode("utf-8")
    assert orjson.dumps(by_hand(report)) == data

    rows = [
        ("loads (newsclaims)", per_call(lambda: newsclaims.loads(text))),
        ("  orjson.loads alone", per_call(lambda: orjson.loads(data))),
        ("  msgspec.json.decode alone", per_call(lambda: msgspec.json.decode(data))),
    ]
    as_objects = msgspec.json.encode(report)  # spans as objects: msgspec's form of attrs
    decoder = msgspec.json.Decoder(Report)
    assert decoder.decode(as_objects) == report
    rows.append(
        ("  msgspec -> attrs, validators run", per_call(lambda: decoder.decode(as_objects)))
    )
    # With every Python check off, in a fresh interpreter: msgspec caches what it learns of
    # a class the first time it meets it.
    bare = subprocess.run(
        [sys.executable, __file__, "--bare"], capture_output=True, text=True, check=True
    )
    rows.append(("  msgspec -> attrs, no checks at all", float(bare.stdout)))
    rows += [
        ("dumps (newsclaims)", per_call(lambda: newsclaims.dumps(report))),
        (
            "  by hand, every class inlined, + orjson",
            per_call(lambda: orjson.dumps(by_hand(report)).decode()),
        ),
        ("    of which building the document", per_call(lambda: by_hand(report))),
        (
            "  msgspec attrs -> JSON (spans as objects)",
            per_call(lambda: msgspec.json.encode(report)),
        ),
    ]
    print(f"seed report: {len(data):,} bytes of JSON; 50 µs per report is 20,000 reports/s")
    for name, micros in rows:
        print(f"{name:<46}{micros:>9.1f} µs{1e6 / micros:>10,.0f} /s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
