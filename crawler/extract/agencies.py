"""Wire agencies wirewatch knows: display name, home time zone, and the tags they sign copy with.

A time printed without an offset is read in the agency's home zone (none of the ASEAN states uses
daylight saving); a source may override it with `timezone`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Agency:
    key: str
    name: str
    timezone: str
    tags: tuple[str, ...]  # how the agency names itself in datelines and credits


AGENCIES: tuple[Agency, ...] = (
    Agency("vna", "VNA", "Asia/Ho_Chi_Minh", ("VNA", "VNS", "VNA/VNS")),
    Agency("bernama", "Bernama", "Asia/Kuala_Lumpur", ("Bernama", "BERNAMA", "NNN-Bernama")),
    Agency("antara", "ANTARA", "Asia/Jakarta", ("ANTARA", "Antara")),
    Agency("pna", "PNA", "Asia/Manila", ("PNA",)),
    Agency("xinhua", "Xinhua", "Asia/Shanghai", ("Xinhua",)),
    Agency("tass", "TASS", "Europe/Moscow", ("TASS",)),
    Agency("kyodo", "Kyodo", "Asia/Tokyo", ("Kyodo",)),
    Agency("yonhap", "Yonhap", "Asia/Seoul", ("Yonhap",)),
    Agency("kpl", "KPL", "Asia/Vientiane", ("KPL",)),
    Agency("akp", "AKP", "Asia/Phnom_Penh", ("AKP",)),
    Agency("mna", "MNA", "Asia/Yangon", ("MNA",)),
    Agency("tna", "TNA", "Asia/Bangkok", ("TNA", "NNT")),
    Agency("tatoli", "TATOLI", "Asia/Dili", ("TATOLI",)),
    Agency("straitstimes", "The Straits Times", "Asia/Singapore", ()),
    Agency("cna", "CNA", "Asia/Singapore", ()),
)

_BY_KEY = {a.key: a for a in AGENCIES}
_BY_NAME = {a.name.lower(): a for a in AGENCIES}


def find_agency(name: str) -> Agency | None:
    """An agency by key or display name, case-insensitively."""
    low = name.lower()
    return _BY_KEY.get(low) or _BY_NAME.get(low)


def agency_for_source(source_name: str, agency: str | None) -> tuple[str, str]:
    """(agency display name, home time zone) for a source; unknown agencies default to UTC."""
    for candidate in (agency, source_name, source_name.split("-")[0], source_name.split("_")[0]):
        if candidate:
            found = find_agency(candidate)
            if found:
                return (agency or found.name, found.timezone)
    return (agency or source_name, "UTC")


def all_tags() -> list[str]:
    return sorted({t for a in AGENCIES for t in a.tags}, key=len, reverse=True)
