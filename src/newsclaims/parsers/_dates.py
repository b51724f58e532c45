"""Publication times as documents write them: ISO 8601, RFC 2822, or epoch seconds."""

from __future__ import annotations

import email.utils
from datetime import UTC, datetime

__all__ = ["parse_date"]


def parse_date(value: object) -> datetime:
    """Read a record's date: ISO 8601, RFC 2822, or seconds since the epoch.

    A date without a time zone is taken as UTC: dumps rarely say, and an aware time is
    what :class:`~newsclaims.model.Metadata` holds.

    Raises:
        ValueError: the value is none of those.

    >>> parse_date("2016-09-12").isoformat()
    '2016-09-12T00:00:00+00:00'
    >>> parse_date("Mon, 12 Sep 2016 10:00:00 -0400").isoformat()
    '2016-09-12T10:00:00-04:00'
    """
    when: datetime | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            when = datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError) as exc:
            raise ValueError(f"{value!r} is not a time") from exc
    elif isinstance(value, str):
        try:
            when = datetime.fromisoformat(value.strip())
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                when = None
    if when is None:
        raise ValueError(f"{value!r} is not an ISO 8601 or RFC 2822 date")
    return when if when.utcoffset() is not None else when.replace(tzinfo=UTC)
