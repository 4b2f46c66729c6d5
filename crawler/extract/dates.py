"""Date strings from feeds, sitemaps, meta tags and datelines -> aware datetimes that keep their
offset.

A time written without an offset is read in the agency's home zone, never as UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timezone
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

_EPOCH_RE = re.compile(r"^\d{10}(\d{3})?$")
_Z_RE = re.compile(r"([+-]\d{2})(\d{2})$")


def parse_datetime(text: str | int | float | None, home_tz: str | None = "UTC") -> datetime | None:
    """Parse ISO 8601, RFC 822 or Unix epoch (seconds or milliseconds); naive times get home_tz, or
    stay naive when home_tz is None."""
    if text is None:
        return None
    if isinstance(text, (int, float)):
        text = str(int(text))
    s = text.strip()
    if not s:
        return None
    dt: datetime | None = None
    if _EPOCH_RE.match(s):
        value = int(s)
        return datetime.fromtimestamp(value / 1000 if len(s) == 13 else value, tz=UTC)
    iso = s[:-1] + "+00:00" if s[-1] in "Zz" else s
    iso = _Z_RE.sub(r"\1:\2", iso) if "T" in iso else iso
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        try:
            dt = parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError):
            dt = None
    if dt is None:
        return None
    if dt.tzinfo is None and home_tz is not None:
        dt = dt.replace(tzinfo=ZoneInfo(home_tz))
    return dt


def to_utc_iso(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat()


def to_local_iso(dt: datetime) -> str:
    """The instant with its original offset written out (+07:00), not a zone name."""
    offset = dt.utcoffset()
    return dt.astimezone(timezone(offset)).isoformat() if offset is not None else dt.isoformat()
