"""Writers: turn reports into the formats users already work with.

Each writer has a ``name``, a file ``suffix`` and ``dumps(report) -> str``. Look one up with
:func:`get_writer`; list them with :func:`available`.

>>> from newsclaims import Report
>>> get_writer("jsonl").dumps(Report("Hi."))[:25]
'{"schema":"newsclaims/1",'
"""

from __future__ import annotations

from newsclaims.formats._registry import Writer, available, get_writer

__all__ = ["Writer", "available", "get_writer"]
