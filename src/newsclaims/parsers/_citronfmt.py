"""BBC R&D Citron's JSON quote format, read back into a report.

The reading itself lives beside the Citron writer (:mod:`newsclaims.formats._citron`) so that
the two cannot drift apart; this module only makes it a parser the registry can sniff.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from newsclaims.model import Report
from newsclaims.parsers._decode import decode
from newsclaims.parsers._protocol import Data, Sample

__all__ = ["CitronParser"]

_QUOTES_KEY: Final = re.compile(r'"quotes"\s*:')


@attrs.frozen
class CitronParser:
    """Reads a Citron document: ``{"text": ..., "quotes": [...], "coreference_groups": [...]}``.

    >>> import json
    >>> doc = json.dumps({"text": "Hi.", "quotes": [], "coreference_groups": []})
    >>> CitronParser().parse(doc, origin="q.json").text
    'Hi.'
    """

    name: str = "citron"
    description: str = "BBC R&D Citron quotes: {text, quotes, coreference_groups}"

    def sniff(self, sample: Sample) -> float:
        """Score 0.95 for a JSON object with a ``quotes`` list and no newsclaims schema.

        That beats the corpus records parser (0.9), which would otherwise take the
        ``text`` field and drop the quotes.
        """
        head = sample.head.lstrip()
        if not head.startswith("{") or '"schema"' in head:
            return 0.0
        return 0.95 if _QUOTES_KEY.search(head) else 0.0

    def parse(self, data: Data, *, origin: str) -> Report:
        """Read ``data`` as a Citron document.

        Raises:
            FormatError: it is not one.
        """
        from newsclaims.formats import parse_citron  # noqa: PLC0415 -- formats sit above parsers

        return parse_citron(decode(data, origin=origin).text, origin=origin)
