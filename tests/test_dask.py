"""Corpus runs on Dask give the same bytes as a local run (extra ``dask``)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import newsclaims
from tests.conftest import SEED_ARTICLE

db = pytest.importorskip("dask.bag", reason="the dask extra is not installed")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

from newsclaims.dask import from_jsonl, read_bag, to_jsonl  # noqa: E402 -- after the skip

_ARTICLES = [
    'Officials said the talks would resume on Monday. "We are ready," Smith said.',
    "According to Reuters, the ministry denied the report.",
    "The weather was fine.",
    "Experts believe the plan may fail, the study found.",
]


def _corpus(tmp_path: Path) -> list[Path]:
    paths = [SEED_ARTICLE]
    for i, text in enumerate(_ARTICLES):
        path = tmp_path / f"a{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _local_jsonl(paths: list[Path]) -> str:
    out = io.StringIO()
    newsclaims.dump_lines((newsclaims.read(p) for p in paths), out)
    return out.getvalue()


def test_local_cluster_output_is_byte_identical_to_a_local_run(tmp_path: Path) -> None:
    """Worker processes on a LocalCluster write exactly the bytes of a local run."""
    paths = _corpus(tmp_path)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        written = to_jsonl(read_bag(paths, npartitions=3), tmp_path / "out")
    assert len(written) == 3
    joined = "".join(Path(p).read_text(encoding="utf-8") for p in written)
    assert joined == _local_jsonl(paths)


def test_reports_read_back_from_partitions(tmp_path: Path) -> None:
    """from_jsonl reads the partitions back into equal reports."""
    paths = _corpus(tmp_path)
    to_jsonl(read_bag(paths, npartitions=2), tmp_path / "out", scheduler="sync")
    again = from_jsonl(str(tmp_path / "out" / "part-*.jsonl")).compute(scheduler="sync")
    assert again == [newsclaims.read(p) for p in paths]


def test_records_are_read_like_text() -> None:
    """A {"text": ...} record gives the report of that text, named by its origin."""
    bag = read_bag([{"text": _ARTICLES[0], "origin": "a0"}])
    (report,) = bag.compute(scheduler="sync")
    assert report == newsclaims.read(_ARTICLES[0], origin="a0")


def test_a_record_without_text_is_a_format_error() -> None:
    """A record that has no text is reported clearly."""
    with pytest.raises(newsclaims.FormatError, match="a record needs a 'text' string"):
        read_bag([{"title": "x", "origin": "r1"}]).compute(scheduler="sync")
