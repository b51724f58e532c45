#!/usr/bin/env python3
"""Write newsclaims' attributions for a PolNeAR split as brat .ann files (a dev tool).

usage: polnear_predict.py SPLIT_DIR OUT_DIR [--outermost]

Each SPLIT_DIR/text/STEM.txt becomes OUT_DIR/STEM.ann with Source / Cue / Content
text-bound lines and one Attribution event per statement; the first line of an article is
taken as its headline. Score with shared/tools/score_attributions.py. With --outermost,
statements nested in another are left out, as PolNeAR's guidelines annotate only the
outermost attribution (the default output keeps them).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsclaims.extraction import extract_report, outermost_pipeline
from newsclaims.model import Report, Span, Structure


def brat_lines(report: Report) -> list[str]:
    """Return brat standoff lines for the report's statements."""
    lines: list[str] = []
    t = 0
    text = report.text

    def bound(kind: str, spans: tuple[Span, ...]) -> str:
        nonlocal t
        t += 1
        offsets = ";".join(f"{s.start} {s.end}" for s in spans)
        words = " ".join(text[s.start : s.end] for s in spans).replace("\n", " ")
        lines.append(f"T{t}\t{kind} {offsets}\t{words}")
        return f"T{t}"

    for n, st in enumerate(report.statements, 1):
        cue = bound("Cue", st.cue.spans)
        content = bound("Content", st.content)
        trigger = bound("Attribution", st.cue.spans)
        args = f"Attribution:{trigger} Cue:{cue} Content:{content}"
        if st.source.mentions:
            args += f" Source:{bound('Source', st.source.mentions)}"
        lines.append(f"E{n}\t{args}")
    return lines


def headline_of(text: str) -> Span | None:
    """Return the first non-blank line as the headline."""
    first = text.split("\n", 1)[0]
    return Span(0, len(first)) if first.strip() else None


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("split", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--outermost", action="store_true", help="leave out nested statements")
    a = ap.parse_args(argv)
    pipeline = outermost_pipeline() if a.outermost else None
    a.out.mkdir(parents=True, exist_ok=True)
    chars = 0
    elapsed = 0.0
    for tf in sorted((a.split / "text").glob("*.txt")):
        text = tf.read_text(encoding="utf-8")
        report = Report(text, structure=Structure(headline=headline_of(text)))
        t0 = time.perf_counter()
        report = extract_report(report, pipeline=pipeline)
        elapsed += time.perf_counter() - t0
        chars += len(text)
        (a.out / f"{tf.stem}.ann").write_text(
            "\n".join(brat_lines(report)) + "\n", encoding="utf-8"
        )
    sys.stderr.write(
        f"{chars} chars in {elapsed:.2f}s: {chars / max(elapsed, 1e-9):,.0f} chars/s\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
