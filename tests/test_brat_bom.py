"""brat and the byte-order mark: offsets count U+FEFF as brat does, both ways.

brat reads ``STEM.txt`` as UTF-8 and keeps a byte-order mark as the character U+FEFF at
offset 0; so do the shared scorer and ``newsclaims evaluate``. The brat parser keeps it in
the report's text, and the writer's offsets index that text: a report whose text begins with
U+FEFF, saved as UTF-8, is a ``.txt`` with a byte-order mark, and reads back the same.
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from newsclaims import Report, parsers
from newsclaims.formats import dumps_brat
from newsclaims.parsers import read_brat
from newsclaims.testing import reports

BOM = "\ufeff"

# brat's reader refuses control characters as binary data; line breaks of every kind stay.
_TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\n\r\u2028"),
    max_size=200,
)

#: Offsets as brat counts them in "﻿Iran denied it." saved with a byte-order mark.
ANN = (
    "T1\tSource 1 5\tIran\nT2\tCue 6 12\tdenied\nT3\tContent 13 15\tit\n"
    "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\nT4\tCountry 1 5\tIran\n"
)


def _marked(report: Report) -> dict[str, Any]:
    """The text, and the characters every statement and entity span covers."""
    return {
        "text": report.text,
        "statements": [
            # brat lists the parts of a discontinuous span in text order.
            [
                [report.text_of([span]) for span in sorted(spans)]
                for spans in (s.source.mentions, s.cue.spans, s.content)
            ]
            for s in report.statements
        ],
        # brat carries an entity's distinct mentions, and no entity without one.
        "entities": sorted(
            (e.kind.value, [report.text_of([m]) for m in sorted(set(e.mentions))])
            for e in report.entities
            if e.mentions
        ),
    }


def _through_files(report: Report) -> Report:
    """Write the text as UTF-8 ``a.txt`` and the writer's ``a.ann``; read them back."""
    with tempfile.TemporaryDirectory() as folder:
        text = Path(folder) / "a.txt"
        text.write_bytes(report.text.encode("utf-8"))
        text.with_suffix(".ann").write_text(dumps_brat(report), encoding="utf-8")
        return read_brat(text)


@given(reports(text=_TEXT.map(lambda text: BOM + text)))
def test_text_beginning_with_a_bom_round_trips_through_files(report: Report) -> None:
    """A report whose text begins with U+FEFF keeps its text and every span's characters."""
    assert _marked(report) == _marked(_through_files(report))


def test_brat_offsets_count_the_bom_of_a_saved_txt(tmp_path: Path) -> None:
    """A .txt saved with a UTF-8 byte-order mark: brat's offsets land on the marked words."""
    text = tmp_path / "a.txt"
    text.write_text("Iran denied it.", encoding="utf-8-sig")
    text.with_suffix(".ann").write_text(ANN, encoding="utf-8")
    report = read_brat(text)
    expected = {
        "text": BOM + "Iran denied it.",
        "statements": [[["Iran"], ["denied"], ["it"]]],
        "entities": [("country", ["Iran"])],
    }
    assert expected == _marked(report)


def test_saved_txt_with_a_bom_round_trips(tmp_path: Path) -> None:
    """Read, written and read again beside the same .txt, every span stays on its words."""
    text = tmp_path / "a.txt"
    text.write_bytes(codecs.BOM_UTF8 + b"Iran denied it.")
    text.with_suffix(".ann").write_text(ANN, encoding="utf-8")
    first = parsers.parse(text, parser="brat")
    text.with_suffix(".ann").write_text(dumps_brat(first), encoding="utf-8")
    assert _marked(first) == _marked(parsers.parse(text.with_suffix(".ann")))


def test_a_bom_kept_as_text_is_utf8_with_the_same_digest(tmp_path: Path) -> None:
    """The byte-order mark is text now: decoded as UTF-8, the digest still of the bytes."""
    text = tmp_path / "a.txt"
    text.write_text("Iran denied it.", encoding="utf-8-sig")
    text.with_suffix(".ann").write_text(ANN, encoding="utf-8")
    plain = parsers.parse(text, parser="text")
    metadata = read_brat(text).metadata
    assert ("utf-8", plain.metadata.sha256) == (metadata.encoding, metadata.sha256)
