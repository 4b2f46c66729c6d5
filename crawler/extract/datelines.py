"""Wire datelines and credit tails: parsed into fields and stripped from the body.

Covers the forms agencies use, e.g. `Moscow (VNA) –`, `KUALA LUMPUR, Feb 9 (Bernama) --`,
`Jakarta (ANTARA) -`, `BEIJING, Feb. 9 (Xinhua) --`, `MOSCOW, February 9. /TASS/.`, `MANILA –`
(PNA), and the credits `/.`, `-- BERNAMA`, `(PNA)`, `Enditem`, `(END)`, `— VNS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.extract.agencies import all_tags

# TATOLI writes its months in lower case: "DILI, 28 january 2026 (TATOLI) –".
_MONTH = (
    r"(?i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|"
    r"June|July|August|September|October|November|December|Mac|Mei|Ogos|Okt|Dis|Agu|Des)"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# "Nov 27", "27 November 2025", RTB's "Thursday, 22nd May"
_DATE = rf"(?:{_WEEKDAY},?\s+)?(?:(?:{_MONTH})\s+{_DAY}|{_DAY}\s+(?:{_MONTH}))(?:,?\s+\d{{4}})?"
_PLACE_WORD = r"[^\W\d_][\w'’.\-]*"
_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}(?:/{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})?"
_DASH = r"(?:--|[-–—:])"

# The country or region a place is followed by: ", Philippines", ", the Philippines", ", Cavite,
# Philippines", " [India]" (ANI), " (Malaysia)" (AFP), " /Laos/" (TASS).
_REGION = r"(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}"
_COUNTRY = (
    r"(?:\s*/(?P<country>[^/\n]{2,30})/|\s*\[(?P<bracketed>[^\]\n]{2,30})\]"
    r"|\s*\((?P<parenthesized>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2,3})\)(?=\s*[,(])"
    rf"|,\s*(?!{_WEEKDAY}|(?:{_MONTH})\b)(?P<region>{_REGION}(?:,\s*{_REGION})?))"
)
# `PLACE[, Country][, DATE][.] (AGENCY) DASH`, PTI's and Prensa Latina's `(AGENCY)` with no dash,
# `PLACE[ /Country/], DATE. /AGENCY/.`, SPA's and Kazinform's bare `, SPA --`, `. KAZINFORM –`, or
# `(AGENCY) DASH`
_TAGGED = re.compile(
    rf"^(?:(?P<place>{_PLACE}){_COUNTRY}?"
    rf"(?:,\s*(?P<date>{_DATE}))?[.,]?\s*)?"
    rf"(?:\((?P<agency>[A-Za-z][\w/\-]{{1,20}}(?:\s[A-Z][\w/\-]{{1,20}}){{0,3}})\)"
    rf"(?:\.?\s*{_DASH}|(?P<undashed>\s+(?=[A-Z\"“‘'])))"
    rf"|/(?P<slash>[A-Z][A-Za-z]{{1,12}})/\.?"
    rf"|(?<=[,.]\s)(?P<bare>[A-Z]{{2,12}})\s*{_DASH})\s*"
)
# Tempo: `TEMPO.CO, Jakarta -`, the agency before the place.
_AGENCY_FIRST = re.compile(rf"^(?P<agency>[A-Z]{{2,12}}\.CO),\s*(?P<place>{_PLACE})\s*{_DASH}\s*")
# PNA, Viet Nam News, Straits Times, Inquirer: a place in capitals, a country maybe, then a dash;
# no agency tag.
_CAPS = re.compile(
    rf"^(?P<place>{_PLACE}){_COUNTRY}?(?:,\s*(?P<date>{_DATE}))?\s*(?:--|[–—:]|-(?=\s))\s+"
)
# Anadolu: the place alone, in capitals, on a line above the story.
_CAPS_ALONE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,2})(?:,\s*(?P<country>[A-Z][a-z]+))?$"
)
# Capitalised words that open a sentence but are no place.
_NOT_PLACES = {
    "ASEAN",
    "UN",
    "EU",
    "US",
    "USA",
    "UK",
    "RCEP",
    "APEC",
    "BRICS",
    "NATO",
    "WHO",
    "IMF",
    "UPDATE",
    "BREAKING",
    "LEAD",
    "URGENT",
    "FLASH",
    "PHOTO",
    "VIDEO",
    "NOTE",
    "EDITOR",
    # a label on a line of its own above a story, where Anadolu puts its place
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "FEATURE",
    "INTERVIEW",
    "LIVE",
    "WATCH",
    "UPDATED",
    "CORRECTION",
}

# Credit tails, tried on the end of the body.
_CREDITS = [
    re.compile(r"\s*/\.\s*$"),  # VNA
    re.compile(r"\s*[-–—]{1,2}\s*(?:NNN-)?BERNAMA\s*$"),
    re.compile(r"\s*\(PNA\)\s*$"),
    re.compile(r"\s*\bEnditem\s*$"),
    re.compile(r"\s*\(END\)\s*$"),  # Yonhap
    re.compile(r"\s*[-–—]{1,2}\s*(?:VNA/)?VNS\s*$"),
    re.compile(r"\s*[-–—]{1,2}\s*(?:MNA|AKP)\s*$"),
    re.compile(r"\s*==\s*Kyodo\s*$"),
]
# The staff and copyright lines some agencies end with ("Reporter: ...", "Editor: ...", "Copyright ©
# ANTARA 2025"), as paragraphs of their own or run together on one line: names of staff, not of
# people in the story.
_STAFF_TAIL = re.compile(
    r"(?:^|\s)(?:(?:Reporters?|Editors?|Translators?|Writers?|Journalists?)\s*:|"
    r"Copyright\s*(?:©|\(c\))|©\s*\d{4}|\((?:Additional\s+)?Reporting by|"
    r"This report by [A-Z][\w ]{2,40} was first published)[^\n]{0,200}$"
    r"|^\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$"  # a reporter's address ("khj@yna.co.kr")
)
# Paragraphs the agencies insert in the text that are not part of the story.
_INSERTED = re.compile(r"^(?:Related news|Also read|Read also|Baca juga)\s*:.*$", re.IGNORECASE)


# Tags of agencies beyond those wirewatch crawls, seen in syndicated copy.
_OTHER_TAGS = {
    "reuters",
    "afp",
    "ap",
    "efe",
    "ians",
    "dpa",
    "ani",
    "pti",
    "jiji",
    "nnt",
    "tna",
    "kpl",
    "akp",
    "mna",
    "tatoli",
    "vnp",
    "nnn",
    "bssnews",
    "app",
    "sana",
    "wam",
    "spa",
    "kuna",
    "ina",
    "ann",  # Asia News Network: "(The Jakarta Post/ANN)"
    "ria novosti",
    "prensa latina",
    "kazinform",
    "tempo.co",
    "lusa",
    "map",
    "ndo",  # Nhan Dan Online
}
_KNOWN_TAGS = {t.lower() for t in all_tags()} | _OTHER_TAGS


def _is_known_tag(tag: str) -> bool:
    return tag.lower() in _KNOWN_TAGS or any(
        part.lower().strip() in _KNOWN_TAGS for part in re.split(r"[-/]", tag)
    )


def _is_agency_tag(tag: str) -> bool:
    """An agency names itself in capitals (VNA, ANTARA) or is one we know (Xinhua, Bernama);
    '(Centre)' is not."""
    return _is_known_tag(tag) or (tag.isupper() and len(tag) >= 2)


@dataclass(frozen=True)
class Dateline:
    place: str | None
    country: str | None
    date_text: str | None
    agency: str | None


def parse_dateline(
    text: str, pattern: re.Pattern[str] | None = None
) -> tuple[Dateline | None, str]:
    """(dateline, text without it). A source's own pattern, if given, is tried first."""
    for rx in ([pattern] if pattern else []) + [_TAGGED, _AGENCY_FIRST, _CAPS]:
        m = rx.match(text)
        if not m or m.end() == 0:
            continue
        groups = m.groupdict()
        place = (groups.get("place") or "").strip().rstrip(".") or None
        agency = groups.get("agency") or groups.get("slash") or groups.get("bare")
        if rx is _TAGGED and agency and not _is_agency_tag(agency):
            continue
        if (
            rx is _TAGGED
            and (groups.get("undashed") or groups.get("bare"))
            and not (place and _is_known_tag(agency or ""))
        ):
            continue  # "(UPDATE) South Korea...": only a known agency goes without its dash
        if rx is _CAPS and (
            place is None or len(place) < 3 or not place.isupper() or place in _NOT_PLACES
        ):
            continue
        country = next(
            (
                groups[g]
                for g in ("country", "bracketed", "parenthesized", "region")
                if groups.get(g)
            ),
            None,
        )
        if rx is _CAPS and place.lower() in _KNOWN_TAGS:
            place, agency = None, place  # Nhan Dan's "NDO –": its own name, no place
        return (
            Dateline(
                place=place,
                country=country,
                date_text=(groups.get("date") or None),
                agency=agency,
            ),
            text[m.end() :],
        )
    return None, text


def strip_credit(text: str, pattern: re.Pattern[str] | None = None) -> tuple[str | None, str]:
    """(credit removed, text without it)."""
    for rx in ([pattern] if pattern else []) + _CREDITS:
        m = rx.search(text)
        if m:
            return m.group(0).strip(), text[: m.start()].rstrip()
    return None, text


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _strip_dateline(
    paras: list[str], dl_rx: re.Pattern[str] | None
) -> tuple[Dateline | None, list[str]]:
    """(dateline, paragraphs without it). Bylines and timestamps may precede the dateline, so the
    first three paragraphs are tried; short lines above it go too."""
    paras = list(paras)
    for i, para in enumerate(paras[:3]):
        dateline, rest = parse_dateline(para.strip(), dl_rx)
        alone = _CAPS_ALONE.match(para.strip())
        if dateline is None and alone and i + 1 < len(paras) and alone["place"] not in _NOT_PLACES:
            dateline, rest = Dateline(alone["place"], alone["country"], None, None), ""
        if dateline is not None:
            paras[i] = rest
            # Short lines above a dateline are bylines and timestamps, not story.
            if all(len(p) < 100 for p in paras[:i]):
                del paras[:i]
            return dateline, paras
    return None, paras


def _strip_credit_tail(paras: list[str], cr_rx: re.Pattern[str] | None) -> list[str]:
    """The paragraphs without the staff lines and the credit, which may stand alone as the last
    paragraph or end it."""
    paras = list(paras)
    while paras and not paras[-1].strip():
        paras.pop()
    while paras and (staff := _STAFF_TAIL.search(paras[-1])) is not None:
        paras[-1] = paras[-1][: staff.start()].rstrip()
        if not paras[-1]:
            paras.pop()
    if paras:
        credit, rest = strip_credit(" " + paras[-1], cr_rx)
        if credit is not None:
            paras[-1] = rest.strip()
            if not paras[-1]:
                paras.pop()
    return paras


def clean_wire_text(
    body: str,
    dateline_pattern: str | None = None,
    credit_pattern: str | None = None,
    title: str | None = None,
) -> tuple[Dateline | None, str]:
    """Strip a repeated headline, the dateline (within the first paragraphs, where bylines may
    precede it), the credit from the last paragraph, and inserted link lines."""
    dl_rx = re.compile(dateline_pattern) if dateline_pattern else None
    cr_rx = re.compile(credit_pattern) if credit_pattern else None
    paras = [p for p in body.split("\n") if p.strip()]
    if title and paras and _norm(paras[0]) == _norm(title):
        paras.pop(0)
    dateline, paras = _strip_dateline(paras, dl_rx)
    paras = [p for p in paras if not _INSERTED.match(p.strip())]
    paras = _strip_credit_tail(paras, cr_rx)
    return dateline, "\n".join(p for p in paras if p.strip())
