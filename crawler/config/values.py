"""Checks of single values that several config tables share: durations, time zones, lists, URLs,
numbers."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crawler.config.errors import EntryError

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def duration(value: Any, entry: str, fld: str) -> float:
    """'10m', '30s', '1h', '2d' or a number of seconds."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return float(value)
    if isinstance(value, str):
        m = _DURATION.match(value)
        if m:
            return float(m.group(1)) * _UNITS[m.group(2)]
    raise EntryError(entry, fld, f"{value!r} is not a duration such as '30s', '10m', '1h'")


def time_zone(value: Any, entry: str, fld: str = "timezone") -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise EntryError(entry, fld, f"{value!r} is not an IANA time zone") from None
    return str(value)


def strings(
    value: Any, entry: str, fld: str, *, one: bool = True, strip: bool = True
) -> tuple[str, ...]:
    """A list of non-empty strings; a single string counts as a list of one when `one`."""
    if one and isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(v, str) and (v.strip() if strip else v) for v in value
    ):
        raise EntryError(entry, fld, "must be a list of non-empty strings")
    return tuple(v.strip() if strip else v for v in value)


def http_url(value: Any, entry: str, fld: str) -> str:
    if not isinstance(value, str):
        raise EntryError(entry, fld, f"must be a string URL, got {value!r}")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EntryError(entry, fld, f"{value!r} is not an absolute http(s) URL")
    return value


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def unknown_keys(
    table: dict[str, Any], allowed: set[str] | dict[str, Any], entry: str, what: str = ""
) -> None:
    """The first key of table that is not allowed, as an error listing what is."""
    for key in table:
        if key not in allowed:
            raise EntryError(
                entry, key, f"unknown key{what} (expected one of: {', '.join(sorted(allowed))})"
            )
