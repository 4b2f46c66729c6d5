"""Dates as people print them on a page (`03/12/2026 14:05`, `3 Dec 2026, 2:05 pm`, `Kamis, 3
Desember 2026 14:05 WIB`) -> aware datetimes.

A printed time without an offset is read in the home zone; a zone it names (`GMT+7`, `WIB`,
`+07:00`) wins. Day and month of an all-numeric date follow the convention of the home zone's
country; a date that convention cannot settle is left out rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

# Month names in English, Indonesian, Malay and Filipino, with the short forms the agencies print.
_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januari", "enero"),
    2: ("february", "feb", "februari", "pebrero", "peb"),
    3: ("march", "mar", "maret", "mac", "marso"),
    4: ("april", "apr", "abril"),
    5: ("may", "mei", "mayo"),
    6: ("june", "jun", "juni", "hunyo"),
    7: ("july", "jul", "juli", "julai", "hulyo"),
    8: ("august", "aug", "agustus", "agu", "agt", "ogos", "ogo", "agosto", "ago"),
    9: ("september", "sep", "sept", "setyembre", "set"),
    10: ("october", "oct", "oktober", "okt", "oktubre"),
    11: ("november", "nov", "nobyembre"),
    12: ("december", "dec", "desember", "des", "disember", "dis", "disyembre", "dis"),
}
_MONTH_NUMBER = {name: number for number, names in _MONTHS.items() for name in names}
_MONTH = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_YEAR = r"(?:19|20)\d{2}"

_DATE = re.compile(
    rf"(?<![\w/.\-])(?:"
    # 2026-12-03, 2026/12/03
    rf"(?P<iy>{_YEAR})(?P<isep>[-/.])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}})"
    # 03/12/2026, 3.12.2026, 12-03-2026: day and month order depends on the site
    rf"|(?P<na>\d{{1,2}})(?P<nsep>[-/.])(?P<nb>\d{{1,2}})(?P=nsep)(?P<ny>{_YEAR})"
    # 3 Dec 2026, 03 December, 2026, 3rd of December 2026
    rf"|(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<dm>{_MONTH})\.?,?\s+(?P<dy>{_YEAR})"
    # December 3, 2026; Dec. 3 2026
    rf"|(?P<mm>{_MONTH})\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>{_YEAR})"
    # Vietnamese: 3 tháng 12, 2026; ngày 3 tháng 12 năm 2026
    rf"|(?:ngày\s+)?(?P<vd>\d{{1,2}})\s+tháng\s+(?P<vm>\d{{1,2}}),?\s+(?:năm\s+)?(?P<vy>{_YEAR})"
    # glued to no other digits or word; a letter may follow only as ISO 8601's T before the time
    rf")(?![\d/\-])(?!(?!T\d)[^\W\d_])",
    re.IGNORECASE,
)

# 14:05, 14:05:30, 2:05 pm, 02:05 P.M., 14h05; 14.05 only before an Indonesian zone (`14.05 WIB`).
_TIME = (
    r"(?P<h>\d{1,2})(?:[:h](?P<mi>\d{2})|\.(?P<mi2>\d{2})(?=\s*WI(?:B|TA|T)\b))"
    r"(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?"
)
# GMT+7, (GMT+07:00), UTC-5, +07:00, +0700, Z, or a zone abbreviation.
_ZONE = (
    r"\s*\(?\s*(?:(?P<gmt>GMT|UTC)\s*(?:(?P<zsign>[+\-−])\s*(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?)?"
    r"|(?P<osign>[+\-])(?P<oh>\d{2}):?(?P<om>\d{2})|(?P<z>Z)|(?P<abbr>(?-i:[A-Z]{2,5})))\b\s*\)?"
)
# Between a date and the time after it: `, ` ` - ` ` | ` ` @` `T` ` at ` ` lúc ` ` pukul `.
_GAP = r"(?:T|\s*(?:[,|·•@\-–—]\s*)*(?:(?:at|lúc|pukul|jam|pkl\.?)\s+)?)"
_TIME_AFTER = re.compile(rf"{_GAP}{_TIME}(?:{_ZONE})?", re.IGNORECASE)
# ... and between a time and the date after it: `14:05, ` `14:05 ngày ` `14:05 on `.
_TIME_BEFORE = re.compile(
    rf"{_TIME}(?:{_ZONE})?\s*(?:[,|·•\-–—]\s*)*(?:(?:ngày|on|pada|tanggal)\s+)?\Z", re.IGNORECASE
)

# Abbreviations printed after a time, and the zones they stand for. Ambiguous ones (CST, IST, PST)
# are not here: such a time is read in the home zone.
_ABBREVIATIONS: dict[str, str] = {
    "WIB": "Asia/Jakarta",
    "WITA": "Asia/Makassar",
    "WIT": "Asia/Jayapura",
    "ICT": "Asia/Bangkok",
    "MYT": "Asia/Kuala_Lumpur",
    "SGT": "Asia/Singapore",
    "PHT": "Asia/Manila",
    "PHST": "Asia/Manila",
    "HKT": "Asia/Hong_Kong",
    "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul",
    "MSK": "Europe/Moscow",
    "GMT": "UTC",
    "UTC": "UTC",
    "ET": "America/New_York",
    "EST": "Etc/GMT+5",
    "EDT": "Etc/GMT+4",
}

# Countries whose numeric dates put the month first; countries with no settled order for dates
# written with the year last (year-first countries, Canada).
_MONTH_FIRST = {"US", "PR", "GU", "AS", "VI", "MP", "UM", "FM", "MH", "PW", "BZ"}
_UNSETTLED = {"CA", "CN", "JP", "KR", "KP", "TW", "HU", "MN", "LT", "IR"}


@dataclass(frozen=True)
class WrittenDate:
    """A date found in a text: the instant, whether a time of day was printed, and where it was."""

    value: datetime
    has_time: bool
    start: int
    end: int


@cache
def _zone_countries() -> dict[str, str]:
    """Zone name -> ISO country code, from tzdata's zone.tab, with the zones linked to them."""
    base = resources.files("tzdata").joinpath("zoneinfo")
    countries: dict[str, str] = {}
    for line in base.joinpath("zone.tab").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            code, _, name = line.split("\t")[:3]
            countries[name] = code
    for line in base.joinpath("tzdata.zi").read_text("utf-8").splitlines():
        if line.startswith("L "):
            _, target, link = line.split()[:3]
            if target in countries and link not in countries:
                countries[link] = countries[target]
    return countries


def date_order(zone: str) -> str | None:
    """`dmy` or `mdy` for the home zone's country, None when unknown (UTC, an unsettled country)."""
    country = _zone_countries().get(zone)
    if country is None or country in _UNSETTLED:
        return None
    return "mdy" if country in _MONTH_FIRST else "dmy"


def _day_month(first: int, second: int, order: str | None) -> tuple[int, int] | None:
    """(day, month) of a numeric date: the only valid reading, else the site's order, else None."""
    pairs = ((first, second), (second, first))
    readings = [(d, m) for d, m in pairs if 1 <= m <= 12 and 1 <= d <= 31]
    if len(set(readings)) == 1:
        return readings[0]
    if len(readings) == 2 and order is not None:
        return readings[0] if order == "dmy" else readings[1]
    return None


def _ymd(m: re.Match[str], order: str | None) -> tuple[int, int, int] | None:
    g = m.groupdict()
    if g["iy"]:
        return int(g["iy"]), int(g["im"]), int(g["id"])
    if g["ny"]:
        day_month = _day_month(int(g["na"]), int(g["nb"]), order)
        return (int(g["ny"]), day_month[1], day_month[0]) if day_month else None
    if g["dy"]:
        return int(g["dy"]), _MONTH_NUMBER[g["dm"].lower()], int(g["dd"])
    if g["my"]:
        return int(g["my"]), _MONTH_NUMBER[g["mm"].lower()], int(g["md"])
    return int(g["vy"]), int(g["vm"]), int(g["vd"])


def _clock(m: re.Match[str]) -> tuple[int, int, int] | None:
    """(hour, minute, second) of a time match, None when it is no time of day."""
    hour, minute = int(m["h"]), int(m["mi"] or m["mi2"])
    second = int(m["s"] or 0)
    pm = (m["ampm"] or "").lower() == "p"
    if m["ampm"] and 1 <= hour <= 12:
        hour = hour % 12 + (12 if pm else 0)
    elif m["ampm"] and not (pm and 13 <= hour <= 23):  # `17:19 PM` is 17:19, `17:19 AM` nothing
        return None
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def _zone(m: re.Match[str], home: tzinfo) -> tzinfo:
    """The zone a time names, else the home zone."""
    if m["gmt"]:
        if not m["zh"]:
            return UTC
        sign = -1 if m["zsign"] in "-−" else 1
        return timezone(sign * timedelta(hours=int(m["zh"]), minutes=int(m["zm"] or 0)))
    if m["osign"]:
        sign = -1 if m["osign"] == "-" else 1
        return timezone(sign * timedelta(hours=int(m["oh"]), minutes=int(m["om"])))
    if m["z"]:
        return UTC
    name = _ABBREVIATIONS.get((m["abbr"] or "").upper())
    return ZoneInfo(name) if name else home


def find_written_dates(text: str, home_zone: str, order: str | None) -> list[WrittenDate]:
    """Every date printed in `text`, with the time of day printed just after or before it."""
    home = ZoneInfo(home_zone)
    found: list[WrittenDate] = []
    taken = 0  # a time before a date may not be the one printed after the date before it
    for m in _DATE.finditer(text):
        ymd = _ymd(m, order)
        start, end = m.span()
        after = _TIME_AFTER.match(text, end)
        before = None if after else _TIME_BEFORE.search(text, taken, start)
        taken = (after or m).end()
        clock_match = after or before
        clock = _clock(clock_match) if clock_match else None
        if ymd is None or (clock_match is not None and clock is None):
            continue
        try:
            value = datetime(*ymd, *(clock or (0, 0, 0)))
        except ValueError:
            continue
        if clock_match is not None:
            start, end = min(start, clock_match.start()), max(end, clock_match.end())
        tz = _zone(clock_match, home) if clock_match else home
        found.append(WrittenDate(value.replace(tzinfo=tz), clock is not None, start, end))
    return found
