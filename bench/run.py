"""newsclaims benchmark: throughput per stage, serialisation, import time and scaling.

usage: python bench/run.py [--corpus DIR ...] [--repeat N] [--quick]

Prints one table. Throughput is characters per second on one core, with the ratio to a
pure-regex ceiling (``re.finditer(r"\\w+")`` over the same text) so that figures compare
across machines. The corpus is PolNeAR train + dev when ``../shared/data/polnear`` is there,
otherwise the seed article and synthetic text.
"""

from __future__ import annotations

import argparse
import functools
import math
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import orjson

import newsclaims
from newsclaims import extraction, serialise

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
SEED = ROOT / "seeds" / "000_25119c12359958b3.txt"
_WORD = re.compile(r"\w+")


def load_corpus(dirs: Sequence[Path]) -> list[str]:
    texts: list[str] = []
    for folder in dirs:
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return texts


def best_time(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def extract_stream(reports: list[newsclaims.Report]) -> None:
    """Extract each report and let it go, as a corpus run does.

    Keeping every result alive (a list of 924 extracted reports) makes the garbage collector
    walk an ever larger heap, which measured about 20% slower: that is the cost of holding a
    corpus in memory, not of the pipeline.
    """
    for report in reports:
        newsclaims.extract(report)


def regex_ceiling(texts: list[str]) -> None:
    for text in texts:
        for _ in _WORD.finditer(text):
            pass


def stage_times(reports: list[newsclaims.Report], repeat: int) -> dict[str, float]:
    """Time each stage of the default pipeline, fed by the previous stages' output."""
    pipeline = extraction.default_pipeline()
    options = extraction.options_for()
    totals: dict[str, list[float]] = {}
    for _ in range(repeat):
        run: dict[str, float] = {}
        for report in reports:
            analysis = extraction.Analysis(report, options)
            for stage in pipeline.stages:
                start = time.perf_counter()
                analysis = stage(analysis)
                run[stage.__name__] = run.get(stage.__name__, 0.0) + time.perf_counter() - start
        for name, seconds in run.items():
            totals.setdefault(name, []).append(seconds)
    return {name: min(values) for name, values in totals.items()}


def import_time(repeat: int) -> float:
    """Cold ``import newsclaims`` in a fresh interpreter, minus the interpreter's own start."""

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    base = min(run("pass") for _ in range(repeat))
    full = min(run("import newsclaims") for _ in range(repeat))
    return full - base


def seed_rates(repeat: int) -> tuple[newsclaims.Report, dict[str, float]]:
    """Reports per second for dumps and loads on the seed article's full reading, and parts.

    This is the "seed-sized report" of the targets: about 3,000 characters, 20 statements
    with confidence and evidence, 15-25 entities. The parts show where the time goes: the
    JSON library alone, and the converter (model objects built or read) alone.
    """
    report = newsclaims.read(SEED)
    text = newsclaims.dumps(report)
    data = text.encode("utf-8")
    doc = serialise.unstructure_report(report)
    body = {key: value for key, value in doc.items() if key != "schema"}
    batch = 200
    parts = {
        "dumps": lambda: newsclaims.dumps(report),
        "  converter: unstructure": lambda: serialise.converter.unstructure(report),
        "  JSON: orjson.dumps": lambda: orjson.dumps(doc),
        "loads": lambda: newsclaims.loads(text),
        "  JSON: orjson.loads": lambda: orjson.loads(data),
        "  converter: structure (model built)": lambda: serialise.converter.structure(
            body, newsclaims.Report
        ),
    }
    rates = {name: batch / best_time(_times(fn, batch), repeat) for name, fn in parts.items()}
    return report, rates


def _each(fn: Callable[[Any], object], items: Sequence[Any]) -> None:
    for item in items:
        fn(item)


def _times(fn: Callable[[], object], n: int) -> Callable[[], None]:
    """Call ``fn`` n times, letting each result go: a list of 200 results held alive would time
    the garbage collector walking them (x4 for the converter's dicts), not ``fn``."""

    def run() -> None:
        for _ in range(n):
            fn()

    return run


def peak_memory(fn: Callable[[], object]) -> int:
    """Peak bytes allocated by Python while ``fn`` runs (tracemalloc)."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def memory_figures(texts: list[str], reports: list[newsclaims.Report]) -> list[tuple[str, str]]:
    """Peak memory reading one article, and streaming a JSON Lines corpus both ways."""
    largest = max(texts, key=len)
    one = peak_memory(lambda: newsclaims.extract(newsclaims.parse(largest)))
    rows = [
        (
            f"one article ({len(largest):,} chars), parse + extract",
            f"{one / 1e6:.1f} MB = {one / len(largest):.0f} bytes/char",
        )
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as out:
            write = peak_memory(lambda: newsclaims.dump_lines(iter(reports), out))
        size = path.stat().st_size

        def read_all() -> None:
            for _ in newsclaims.iter_lines(path):
                pass

        read = peak_memory(read_all)
    rows.append((f"JSON Lines write ({size / 1e6:.1f} MB file)", f"{write / 1e6:.1f} MB"))
    rows.append((f"JSON Lines stream read ({size / 1e6:.1f} MB file)", f"{read / 1e6:.1f} MB"))
    return rows


def scaling_exponent(make: Callable[[int], str], repeat: int) -> tuple[float, list[float]]:
    """Fit time ~ size**k over sizes 1x..16x; return k and the times."""
    sizes, times = [], []
    for factor in (1, 2, 4, 8, 16):
        text = make(factor)
        times.append(best_time(functools.partial(newsclaims.extract, text), repeat))
        sizes.append(len(text))
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-9)) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    return slope, times


def hostile_shapes(seed: str) -> dict[str, Callable[[int], str]]:
    unit = 2000
    return {
        "seed article, repeated": lambda k: "\n\n".join([seed] * k),
        "one huge line": lambda k: seed.replace("\n", " ") * k,
        "runs of quote marks": lambda k: '"' * (unit * k) + " he said.",
        "capitalised words": lambda k: " ".join(["Word"] * (unit * k)) + " said.",
        "said-that chains": lambda k: "A said that " * (unit * k // 10) + "it rained.",
        # Each statement's content holds the one before: a chain of nested statements.
        "inverted said chains": lambda k: (
            "Officials" + ", said Jones," * (unit * k // 10) + " it rained."
        ),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, nargs="*", help="folders of .txt articles")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="a small corpus, for a smoke run")
    args = ap.parse_args(argv)

    dirs = args.corpus or [d / "text" for d in (POLNEAR / "train", POLNEAR / "dev") if d.exists()]
    texts = load_corpus(dirs) if dirs else []
    seed = SEED.read_text(encoding="utf-8")
    if not texts:
        texts = [seed] * 200
    if args.quick:
        texts = texts[:40]
    chars = sum(len(t) for t in texts)
    repeat = args.repeat
    print(f"corpus: {len(texts)} articles, {chars:,} characters; best of {repeat} runs")

    ceiling = best_time(lambda: regex_ceiling(texts), repeat)
    parse_s = best_time(lambda: [newsclaims.parse(t) for t in texts], repeat)
    reports = [newsclaims.parse(t) for t in texts]
    stages = stage_times(reports, repeat)
    whole = best_time(functools.partial(extract_stream, reports), repeat)
    extracted = [newsclaims.extract(r) for r in reports]
    dumped = [newsclaims.dumps(r) for r in extracted]
    # As a stream, like extract: each result is let go (see _times).
    dumps_s = best_time(lambda: _each(newsclaims.dumps, extracted), repeat)
    loads_s = best_time(lambda: _each(newsclaims.loads, dumped), repeat)

    rows: list[tuple[str, float]] = [("regex ceiling \\w+", ceiling), ("parse (text)", parse_s)]
    rows += [(f"  stage {name}", seconds) for name, seconds in stages.items()]
    rows += [("extract (whole pipeline)", whole), ("dumps", dumps_s), ("loads", loads_s)]
    print(f"\n{'step':<28}{'chars/s':>14}{'x ceiling':>11}{'reports/s':>12}")
    for name, seconds in rows:
        rate = chars / seconds if seconds else float("inf")
        print(
            f"{name:<28}{rate:>14,.0f}{ceiling / seconds if seconds else 0:>11.3f}"
            f"{len(texts) / seconds if seconds else 0:>12,.0f}"
        )
    statements = sum(len(r.statements) for r in extracted)
    print(f"\nstatements: {statements:,} ({statements / len(texts):.1f} per article)")

    seed_report, rates = seed_rates(repeat)
    print(
        f"\nseed-sized report ({len(seed_report.text):,} chars, "
        f"{len(seed_report.statements)} statements, {len(seed_report.entities)} entities, "
        f"{len(newsclaims.dumps(seed_report)):,} bytes of JSON); target 20,000 reports/s"
    )
    for name, rate in rates.items():
        print(f"  {name:<38}{rate:>10,.0f} reports/s{1e6 / rate:>9.1f} µs")

    print("\npeak memory (tracemalloc)")
    for name, figure in memory_figures(texts, extracted):
        print(f"  {name:<52}{figure:>28}")
    print(f"import newsclaims (cold, subprocess): {import_time(5) * 1000:.0f} ms")

    print(f"\n{'scaling (1x..16x)':<28}{'exponent':>10}{'time at 16x':>14}")
    for name, make in hostile_shapes(seed).items():
        slope, times = scaling_exponent(make, max(1, repeat - 1))
        print(f"{name:<28}{slope:>10.2f}{times[-1] * 1000:>12.1f}ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
