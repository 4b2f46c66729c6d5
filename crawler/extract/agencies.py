"""Wire agencies wirewatch knows: display name, home time zone, and the tags they sign copy with.

A time printed without an offset is read in the agency's home zone (none of the ASEAN states uses
daylight saving); a source may override it with `timezone`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Agency:
    key: str
    name: str
    timezone: str
    tags: tuple[str, ...]  # how the agency names itself in datelines and credits
    state: str  # its home state (ISO 3166-1 alpha-3), the state of a dateline that names none


AGENCIES: tuple[Agency, ...] = (
    Agency("vna", "VNA", "Asia/Ho_Chi_Minh", ("VNA", "VNS", "VNA/VNS"), "VNM"),
    Agency("bernama", "Bernama", "Asia/Kuala_Lumpur", ("Bernama", "BERNAMA", "NNN-Bernama"), "MYS"),
    Agency("antara", "ANTARA", "Asia/Jakarta", ("ANTARA", "Antara"), "IDN"),
    Agency("pna", "PNA", "Asia/Manila", ("PNA",), "PHL"),
    Agency("xinhua", "Xinhua", "Asia/Shanghai", ("Xinhua",), "CHN"),
    Agency("tass", "TASS", "Europe/Moscow", ("TASS",), "RUS"),
    Agency("kyodo", "Kyodo", "Asia/Tokyo", ("Kyodo",), "JPN"),
    Agency("yonhap", "Yonhap", "Asia/Seoul", ("Yonhap",), "KOR"),
    Agency("kpl", "KPL", "Asia/Vientiane", ("KPL",), "LAO"),
    Agency("akp", "AKP", "Asia/Phnom_Penh", ("AKP",), "KHM"),
    Agency("mna", "MNA", "Asia/Yangon", ("MNA",), "MMR"),
    Agency("tna", "TNA", "Asia/Bangkok", ("TNA", "NNT"), "THA"),
    Agency("tatoli", "TATOLI", "Asia/Dili", ("TATOLI",), "TLS"),
    Agency("straitstimes", "The Straits Times", "Asia/Singapore", (), "SGP"),
    Agency("cna", "CNA", "Asia/Singapore", (), "SGP"),
    # The region's newspapers and broadcasters that carry the agencies' copy: no signing tag of
    # their own here, but a home state and zone.
    Agency("borneobulletin", "Borneo Bulletin", "Asia/Brunei", (), "BRN"),
    Agency("pelitabrunei", "Pelita Brunei", "Asia/Brunei", (), "BRN"),
    Agency("khmertimes", "Khmer Times", "Asia/Phnom_Penh", (), "KHM"),
    Agency("jakartapost", "The Jakarta Post", "Asia/Jakarta", (), "IDN"),
    Agency("jakartaglobe", "Jakarta Globe", "Asia/Jakarta", (), "IDN"),
    Agency("vientianetimes", "Vientiane Times", "Asia/Vientiane", (), "LAO"),
    Agency("laotiantimes", "Laotian Times", "Asia/Vientiane", (), "LAO"),
    Agency("thestar", "The Star", "Asia/Kuala_Lumpur", (), "MYS"),
    Agency("gnlm", "The Global New Light of Myanmar", "Asia/Yangon", (), "MMR"),
    Agency("irrawaddy", "The Irrawaddy", "Asia/Yangon", (), "MMR"),
    Agency("inquirer", "Inquirer", "Asia/Manila", (), "PHL"),
    Agency("philstar", "Philstar", "Asia/Manila", (), "PHL"),
    Agency("bangkokpost", "Bangkok Post", "Asia/Bangkok", (), "THA"),
    Agency("thaipbs", "Thai PBS World", "Asia/Bangkok", (), "THA"),
    Agency("vnexpress", "VnExpress International", "Asia/Ho_Chi_Minh", (), "VNM"),
    Agency("nst", "New Straits Times", "Asia/Kuala_Lumpur", (), "MYS"),
    Agency("malaymail", "Malay Mail", "Asia/Kuala_Lumpur", (), "MYS"),
    Agency("borneopost", "Borneo Post", "Asia/Kuching", (), "MYS"),
    Agency("tempo", "Tempo", "Asia/Jakarta", (), "IDN"),
    Agency("nation", "The Nation", "Asia/Bangkok", (), "THA"),
    Agency("phnompenhpost", "Phnom Penh Post", "Asia/Phnom_Penh", (), "KHM"),
    Agency("myanmarnow", "Myanmar Now", "Asia/Yangon", (), "MMR"),
    Agency("mizzima", "Mizzima", "Asia/Yangon", (), "MMR"),
    Agency("frontier", "Frontier Myanmar", "Asia/Yangon", (), "MMR"),
    Agency("mb", "Manila Bulletin", "Asia/Manila", (), "PHL"),
    Agency("rappler", "Rappler", "Asia/Manila", (), "PHL"),
    Agency("gma", "GMA News", "Asia/Manila", (), "PHL"),
    Agency("tuoitre", "Tuoi Tre News", "Asia/Ho_Chi_Minh", (), "VNM"),
    Agency("hanoitimes", "Hanoi Times", "Asia/Ho_Chi_Minh", (), "VNM"),
    Agency("vov", "VOV World", "Asia/Ho_Chi_Minh", (), "VNM"),
    Agency("brudirect", "BruDirect", "Asia/Brunei", (), "BRN"),
    Agency("rtb", "RTB", "Asia/Brunei", (), "BRN"),
    # VNA's English daily, which re-tells VNA's copy: an agency of its own for the re-telling check.
    Agency("vns", "Viet Nam News", "Asia/Ho_Chi_Minh", (), "VNM"),
    Agency("vietnamplus", "VietnamPlus", "Asia/Ho_Chi_Minh", (), "VNM"),
    Agency("nhandan", "Nhan Dan", "Asia/Ho_Chi_Minh", (), "VNM"),
    Agency("sunstar", "SunStar", "Asia/Manila", (), "PHL"),
    Agency("businesstimes", "The Business Times", "Asia/Singapore", (), "SGP"),
    Agency("theedge", "The Edge Malaysia", "Asia/Kuala_Lumpur", (), "MYS"),
    Agency("fmt", "Free Malaysia Today", "Asia/Kuala_Lumpur", (), "MYS"),
    Agency("dailyexpress", "Daily Express Sabah", "Asia/Kuching", (), "MYS"),
    Agency("today", "TODAY", "Asia/Singapore", (), "SGP"),
    Agency("asiaone", "AsiaOne", "Asia/Singapore", (), "SGP"),
    Agency("kompas", "Kompas", "Asia/Jakarta", (), "IDN"),
    Agency("voi", "VOI", "Asia/Jakarta", (), "IDN"),
    Agency("businessworld", "BusinessWorld", "Asia/Manila", (), "PHL"),
    Agency("manilatimes", "The Manila Times", "Asia/Manila", (), "PHL"),
    Agency("khaosod", "Khaosod English", "Asia/Bangkok", (), "THA"),
    Agency("eleven", "Eleven Myanmar", "Asia/Yangon", (), "MMR"),
    Agency("mdn", "Myanmar Digital News", "Asia/Yangon", (), "MMR"),
    # The partners' agencies and papers that ASEAN's outlets carry and re-tell: their home state
    # speaks through "the ministry said" in their copy, and their zone reads their bylines.
    Agency("pti", "PTI", "Asia/Kolkata", ("PTI",), "IND"),
    Agency("ani", "ANI", "Asia/Kolkata", ("ANI",), "IND"),
    Agency("thehindu", "The Hindu", "Asia/Kolkata", (), "IND"),
    Agency("businessstandard", "Business Standard", "Asia/Kolkata", (), "IND"),
    Agency("theprint", "ThePrint", "Asia/Kolkata", (), "IND"),
    Agency("cgtn", "CGTN", "Asia/Shanghai", ("CGTN",), "CHN"),
    Agency("chinadaily", "China Daily", "Asia/Shanghai", (), "CHN"),
    Agency("globaltimes", "Global Times", "Asia/Shanghai", (), "CHN"),
    Agency("peoplesdaily", "People's Daily", "Asia/Shanghai", (), "CHN"),
    Agency("nhk", "NHK World", "Asia/Tokyo", (), "JPN"),
    Agency("japantimes", "The Japan Times", "Asia/Tokyo", (), "JPN"),
    Agency("nikkei", "Nikkei Asia", "Asia/Tokyo", (), "JPN"),
    Agency("koreaherald", "The Korea Herald", "Asia/Seoul", (), "KOR"),
    Agency("kbs", "KBS World", "Asia/Seoul", (), "KOR"),
    Agency("ria", "RIA Novosti", "Europe/Moscow", (), "RUS"),
    Agency("sputnik", "Sputnik", "Europe/Moscow", (), "RUS"),
    Agency("aap", "AAP", "Australia/Sydney", ("AAP",), "AUS"),
    Agency("rnz", "RNZ", "Pacific/Auckland", (), "NZL"),
    Agency("canadianpress", "The Canadian Press", "America/Toronto", (), "CAN"),
    Agency("wam", "WAM", "Asia/Dubai", ("WAM",), "ARE"),
    Agency("gulfnews", "Gulf News", "Asia/Dubai", (), "ARE"),
    Agency("khaleejtimes", "Khaleej Times", "Asia/Dubai", (), "ARE"),
    Agency("qna", "QNA", "Asia/Qatar", ("QNA",), "QAT"),
    Agency("kuna", "KUNA", "Asia/Kuwait", ("KUNA",), "KWT"),
    Agency("spa", "SPA", "Asia/Riyadh", ("SPA",), "SAU"),
    Agency("anadolu", "Anadolu Agency", "Europe/Istanbul", (), "TUR"),
    Agency("dailysabah", "Daily Sabah", "Europe/Istanbul", (), "TUR"),
    Agency("app", "APP", "Asia/Karachi", ("APP",), "PAK"),
    Agency("dawn", "Dawn", "Asia/Karachi", (), "PAK"),
    Agency("radiopakistan", "Radio Pakistan", "Asia/Karachi", (), "PAK"),
    Agency("bss", "BSS", "Asia/Dhaka", ("BSS",), "BGD"),
    Agency("kazinform", "Kazinform", "Asia/Almaty", (), "KAZ"),
    Agency("astanatimes", "The Astana Times", "Asia/Almaty", (), "KAZ"),
    Agency("dpa", "dpa", "Europe/Berlin", ("dpa",), "DEU"),
    Agency("brusselstimes", "The Brussels Times", "Europe/Brussels", (), "BEL"),
    Agency("map", "MAP", "Africa/Casablanca", ("MAP",), "MAR"),
    Agency("agenciabrasil", "Agência Brasil", "America/Sao_Paulo", (), "BRA"),
    Agency("scmp", "South China Morning Post", "Asia/Hong_Kong", (), "HKG"),
    Agency("japantoday", "Japan Today", "Asia/Tokyo", (), "JPN"),
    Agency("abcaustralia", "ABC News (Australia)", "Australia/Sydney", (), "AUS"),
    Agency("fbc", "FBC News", "Pacific/Fiji", (), "FJI"),
    Agency("arabnews", "Arab News", "Asia/Riyadh", (), "SAU"),
    Agency("saudigazette", "Saudi Gazette", "Asia/Riyadh", (), "SAU"),
    Agency("mena", "MENA", "Africa/Cairo", (), "EGY"),
    Agency("ena", "Ethiopian News Agency", "Africa/Addis_Ababa", (), "ETH"),
    Agency("sanews", "SAnews", "Africa/Johannesburg", (), "ZAF"),
    Agency("mwn", "Morocco World News", "Africa/Casablanca", (), "MAR"),
    Agency("uza", "UzA", "Asia/Tashkent", (), "UZB"),
    Agency("montsame", "MONTSAME", "Asia/Ulaanbaatar", (), "MNG"),
    Agency("lusa", "Lusa", "Europe/Lisbon", (), "PRT"),
    Agency("efe", "EFE", "Europe/Madrid", (), "ESP"),
    Agency("andina", "Andina", "America/Lima", (), "PER"),
    Agency("prensalatina", "Prensa Latina", "America/Havana", (), "CUB"),
)

# Other spellings an agency field may carry, for finding the agency only: no text credits "Viet Nam
# News" as "Vietnam News" without meaning the agency ("Vietnam News Agency").
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "vns": ("Vietnam News",),
    "gnlm": ("Global New Light of Myanmar", "Myanmar News Agency"),
    "nation": ("The Nation Thailand",),
    "laotiantimes": ("The Laotian Times",),
    "phnompenhpost": ("The Phnom Penh Post",),
    "nhk": ("NHK", "NHK World-Japan"),
    "kbs": ("KBS",),
    "peoplesdaily": ("People's Daily Online",),
    "anadolu": ("Anadolu",),
    "rtb": ("RTB News", "Radio Television Brunei"),
    "thaipbs": ("Thai PBS",),
    "tna": ("National News Bureau of Thailand",),
    "sunstar": ("SunStar Davao", "SunStar Cebu"),
    "tempo": ("Tempo English",),
}

_BY_KEY = {a.key: a for a in AGENCIES}


def find_agency(name: str) -> Agency | None:
    """An agency by key, display name or another name it goes by ("Philippine Daily Inquirer",
    "Press Trust of India"), case-insensitively."""
    return _BY_KEY.get(_BY_ANY_NAME.get(name.strip().casefold(), ""))


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


# How other agencies name one when they credit it ("..., Xinhua News Agency reported", "according
# to the Philippine News Agency"), beside its display name and tags; also the agencies of the world
# that ASEAN's agencies credit most, which no source here is.
SPELLED_OUT: dict[str, tuple[str, ...]] = {
    "vna": ("Vietnam News Agency", "Viet Nam News Agency"),
    "bernama": ("Malaysian National News Agency",),
    "antara": ("Antara News Agency",),
    "pna": ("Philippine News Agency",),
    "xinhua": ("Xinhua News Agency",),
    "tass": ("TASS News Agency",),
    "kyodo": ("Kyodo News",),
    "yonhap": ("Yonhap News Agency",),
    "kpl": ("Lao News Agency",),
    "akp": ("Agence Kampuchea Presse",),
    # the state daily prints the agency's reports ("— MNA/KTZH"): a credit to either is to both
    "mna": ("Myanmar News Agency", "Global New Light of Myanmar"),
    "tna": ("Thai News Agency",),
    "afp": ("AFP", "Agence France-Presse"),
    "ap": ("Associated Press",),
    "reuters": ("Reuters",),
    "pti": ("PTI", "Press Trust of India"),
    "ani": ("Asian News International",),
    "inquirer": ("Philippine Daily Inquirer",),
    "philstar": ("The Philippine Star", "Philippine Star"),
    "nhandan": ("Nhân Dân",),
    "wam": ("Emirates News Agency",),
    "qna": ("Qatar News Agency",),
    "kuna": ("Kuwait News Agency",),
    "spa": ("Saudi Press Agency",),
    "app": ("Associated Press of Pakistan",),
    "bss": ("Bangladesh Sangbad Sangstha",),
    "aap": ("Australian Associated Press",),
    "map": ("Maghreb Arabe Presse",),
    "ria": ("RIA",),
}
# A state's own news agency and state media, as a text describes them without their names: by the
# state's adjective ("the Malaysian news agency reported", "according to Lao state media") or by the
# state's name ("according to the UAE's state news agency"). Only agencies a state runs or that are
# its one national wire; "told Malaysian media" is no credit.
STATE_MEDIA: dict[str, tuple[str, tuple[str, ...]]] = {
    "vna": ("Vietnamese", ("Vietnam", "Viet Nam")),
    "bernama": ("Malaysian", ("Malaysia",)),
    "antara": ("Indonesian", ("Indonesia",)),
    "pna": ("Philippine", ("the Philippines",)),
    "kpl": ("Lao", ("Laos",)),
    "akp": ("Cambodian", ("Cambodia",)),
    "mna": ("Myanmar", ("Myanmar",)),
    "tna": ("Thai", ("Thailand",)),
    "tatoli": ("Timorese", ("Timor-Leste",)),
    "rtb": ("Bruneian", ("Brunei",)),
    "xinhua": ("Chinese", ("China",)),
    "tass": ("Russian", ("Russia",)),
    "kyodo": ("Japanese", ("Japan",)),
    "yonhap": ("South Korean", ("South Korea",)),
    "wam": ("Emirati", ("the UAE", "the United Arab Emirates")),
    "qna": ("Qatari", ("Qatar",)),
    "kuna": ("Kuwaiti", ("Kuwait",)),
    "spa": ("Saudi", ("Saudi Arabia",)),
    "app": ("Pakistani", ("Pakistan",)),
    "bss": ("Bangladeshi", ("Bangladesh",)),
    "kazinform": ("Kazakh", ("Kazakhstan",)),
    "anadolu": ("Turkish", ("Turkey", "Türkiye")),
    "map": ("Moroccan", ("Morocco",)),
}
_DESCRIBED = (
    "{} news agency",
    "{} national news agency",
    "{} state news agency",
    "{} state-run news agency",
    "{} official news agency",
    "{} state media",
    "{} state-run media",
    "{} official media",
)
_BY_ANY_NAME = {n.casefold(): a.key for a in AGENCIES for n in (a.key, a.name, *a.tags)} | {
    n.casefold(): key for key, names in (*SPELLED_OUT.items(), *FIELD_NAMES.items()) for n in names
}
_JOINED = re.compile(r"\s*[-/]\s*")
_BRACKETED = re.compile(r"(.+?)\s*\(([^()]+)\)")


def agency_keys(agency: str | None) -> list[str]:
    """The agencies an agency field names, the publisher first: "VNA/VNS" is VNA, "Bernama-Reuters"
    is Bernama carrying Reuters, "Kyodo News" is Kyodo; an agency not known here is its folded
    name."""
    if not agency or not agency.strip():
        return []
    whole = _BY_ANY_NAME.get(agency.strip().casefold())
    if whole:
        return [whole]
    # "Lao News Agency (KPL)", "Emirates News Agency (WAM)": a name and its short name
    named = _BRACKETED.fullmatch(agency.strip())
    if named:
        for part in named.groups():
            found = _BY_ANY_NAME.get(part.strip().casefold())
            if found:
                return [found]
    parts = [p for p in _JOINED.split(agency.strip()) if p]
    keys = [_BY_ANY_NAME.get(p.casefold(), p.casefold()) for p in parts]
    return list(dict.fromkeys(keys))


def home_state(agency: str | None) -> str | None:
    """The home state of the agency that published (the first an agency field names), if known."""
    keys = agency_keys(agency)
    found = _BY_KEY.get(keys[0]) if keys else None
    return found.state if found else None


def credit_names(agency: str) -> tuple[str, ...]:
    """The names a text may credit the publisher of an agency field by, longest first (a state's
    own agency also as described: "the Malaysian news agency", "Lao state media"); one not known
    here only by the name it has in the field."""
    keys = agency_keys(agency)
    if not keys:
        return ()
    known = _BY_KEY.get(keys[0])
    names = {*SPELLED_OUT.get(keys[0], ()), *((known.name, *known.tags) if known else ())}
    if not names:
        names = {_JOINED.split(agency.strip())[0]}
    # "the Global New Light of Myanmar newspaper reported": a paper's name in running text, with
    # its article in lower case (not for one word left: "the Star" is any star)
    names |= {n[4:] for n in names if n.startswith("The ") and " " in n[4:]}
    adjective, states = STATE_MEDIA.get(keys[0], ("", ()))
    if adjective:
        names |= {d.format(adjective) for d in _DESCRIBED}
    for state in states:
        possessive = state + ("'" if state.endswith("s") else "'s")
        names |= {d.format(possessive) for d in _DESCRIBED}
        if state.startswith("the "):
            names |= {d.format(possessive[4:]) for d in _DESCRIBED}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@cache
def known_credits() -> dict[str, frozenset[str]]:
    """Every name a text may credit a known agency by (credit_names(): the agencies here, those
    spelled out and the states' own), with the agencies each name stands for; a name of more than
    three letters also in capitals, as a credit line writes it ("— REUTERS")."""
    found: dict[str, set[str]] = {}
    for key in sorted({a.key for a in AGENCIES} | set(SPELLED_OUT) | set(STATE_MEDIA)):
        for name in credit_names(key):
            found.setdefault(name, set()).add(key)
            if len(name) > 3:
                found.setdefault(name.upper(), set()).add(key)
    return {name: frozenset(keys) for name, keys in found.items()}
