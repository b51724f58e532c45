"""Views: something to look at. A terminal view and a self-contained HTML page.

- :func:`render_rich` (needs ``rich``, the ``view`` extra) and :func:`render_plain` (needs
  nothing) for ``newsclaims show``;
- :func:`render_html` for ``newsclaims render``: one page with inline CSS and JavaScript that
  opens anywhere, offline.

>>> from newsclaims import Report
>>> render_plain(Report("Nothing said.")).splitlines()[1]
'0 statements, 0 entities'
"""

from __future__ import annotations

from newsclaims.views._html import render_html
from newsclaims.views._terminal import STYLES, has_rich, render_plain, render_rich

__all__ = ["STYLES", "has_rich", "render_html", "render_plain", "render_rich"]
