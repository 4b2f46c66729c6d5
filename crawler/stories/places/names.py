"""A state inside another name: a company, a hospital, a street, a festival ("JTI Philippines",
"the Vietnam-Germany Friendship Hospital"); a state's own body ("Statistics Indonesia") is the
exception."""

from __future__ import annotations

import re

from crawler.stories.places.context import word_set

# The capitalised word right before a name.
_WORD_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w&.-]*|[a-z]+[A-Z][\w&.-]*)\s$")  # "iMe Indonesia"
_NOT_A_NAME = word_set(
    "the in at on for from to with and but as by of while when after before since both "
    "meanwhile also president prime minister premier king queen sultan emperor ambassador "
    "envoy mr mrs ms dr gen general secretary foreign state said says where that which if how "
    "why what who whom than like including between among against via into over under near "
    "about across southeast northeast east west north south central western eastern northern "
    "southern neighbouring neighboring new all every each"
)
# Bodies named "<Word> <State>" that are the state's own: its statistics office, central bank,
# tourism board, investment agency.
_STATE_BODIES = word_set("statistics bank tourism invest customs immigration police royal")
# ... and a central bank named before its state: "Bangko Sentral ng Pilipinas".
_CENTRAL_BANK_BEFORE = re.compile(
    r"\b(?:bangko sentral ng|central bank of(?: the)?|reserve bank of)\s+$"
)
# ... and those whose like-named others are commercial ("State Bank of India", "National Bank of
# Canada", "People's Bank of Sri Lanka"), with their state.
_CENTRAL_BANK_NAMED = re.compile(
    r"\b(?:state bank of (?:vietnam|viet nam|pakistan)|people['\u2019]s bank of china|"
    r"national bank of (?:cambodia|ukraine|kazakhstan|poland|belgium))$"
)
# Central banks named "Bank of" their state; others so named are commercial ("Bank of China").
_CENTRAL_BANK_OF = re.compile(
    r"(?:Korea|Thailand|Japan|England|Canada|Russia|Israel|Italy|France|Spain|Mexico|"
    r"Papua New Guinea|the Lao PDR|Lao PDR|Ghana|Uganda|Tanzania|Zambia|Jamaica|Guyana|Namibia|"
    r"Botswana|Mauritius|Sierra Leone|Greece|Portugal|Slovenia|Lithuania|Latvia|Estonia|Finland)\b"
)
# A state body's proper name ending in the state: "the Civil Aviation Authority of Singapore", "the
# Film Development Council of the Philippines" (capitalised, so not "the authority of the state").
_BODY_NAME_BEFORE = re.compile(
    r"(?<![A-Za-z])(?!(?:Business|Trade|Tourism|Industry|Football|Olympic|Chamber)\s+Council\b)"
    r"[A-Z][\w-]+\s+(?:Authority|Commission|Agency|Council|Board|Administration|Bureau|Directorate)"
    r"\s+of\s+(?:the\s+)?$"
)
# The words airlines put before a state's name: "Air India", "Virgin Australia", in a title too.
_AIRLINE_BEFORE = re.compile(r"(?<![\w-])(?:Air|Virgin)[^\S\n]$")
# An association's, federation's or university's name ending in the state: "the Squash Racquets
# Association of Malaysia", "the Association of Boxing Alliances in the Philippines" (not "the
# Federation of Malaysia", the state itself).
_ORGANISATION = (
    "Association|Federation|Confederation|Union|Society|Club|Chamber|League|University|Foundation"
)
_ORGANISATION_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?:[A-Z][\w-]+\s+(?:{_ORGANISATION})\s+of"
    rf"|(?:{_ORGANISATION})\s+of\s+(?:[A-Z][\w&-]*\s+|and\s+){{1,4}}(?:of|in)"
    # a sport's national council or committee: "the Olympic Council of Malaysia"
    r"|(?:Olympic|Paralympic)\s+(?:Council|Committee)\s+of)\s+(?:the\s+)?$"
)


def named_for(text: str, start: int, end: int) -> bool:
    """A person's name begins the name of a place or a prize: "the Hassanal Bolkiah Trophy". In
    a title, whose every word is capitalised, only a name the body also prints."""
    found = _NAMED_FOR.match(text, end)
    if found is None:
        return False
    title_end = text.find("\n")
    if 0 <= title_end < start:
        return True
    return title_end >= 0 and text.find(text[start : found.end()], title_end) >= 0


# What a "Royal <State> ..." name goes on to be when it is no state body: "the Royal Brunei Golf
# and Country Club", "Royal Brunei Airlines" (not "the Royal Malaysia Police").
_ROYAL_NOT_STATE = re.compile(
    r"[^\S\n]+(?:[A-Z][\w&-]*[^\S\n]+|and[^\S\n]+){0,4}(?:Club|Airlines|Golf|Yacht|Turf|"
    r"Hotel|Association|Society|Foundation|Orchestra)\b"
)


def inside_name(text: str, start: int, end: int | None = None) -> bool | None:
    """Whether a capitalised word right before the name makes it part of another name: True for a
    state body ("Statistics Indonesia", "Bank Indonesia"), False for a company or an organisation
    ("JTI Philippines"), None when the name stands alone; `end`, where the name ends, lets the
    words after it tell a club from a body. The title line, in title case, is left out."""
    if _CENTRAL_BANK_BEFORE.search(text[max(0, start - 30) : start].lower()):
        return True  # "Bangko Sentral ng Pilipinas", "the Central Bank of the Philippines"
    if end is not None and _CENTRAL_BANK_NAMED.search(text[max(0, start - 30) : end].lower()):
        return True  # "the State Bank of Vietnam", not the commercial "State Bank of India"
    if text.startswith("Bank of ", max(0, start - 8)) and _CENTRAL_BANK_OF.match(text, start):
        return True  # "the Bank of Korea", not the commercial "Bank of China"
    if _BODY_NAME_BEFORE.search(text, max(0, start - 60), start):
        return True  # "the Civil Aviation Authority of Singapore"
    if _ORGANISATION_BEFORE.search(text, max(0, start - 60), start):
        return False  # "the Squash Racquets Association of Malaysia": not the state's
    if _AIRLINE_BEFORE.search(text, max(0, start - 8), start):
        return False  # "Virgin Australia said it would resume flights": an airline
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0:
        return None
    # from the line break on, so that a name opening the line ("JTI Philippines") is read too
    found = _WORD_BEFORE.search(text, max(line_start - 1, start - 40), start)
    if found is None:
        return None
    word, at = found.group(1), found.start(1)
    if word.lower() in _NOT_A_NAME or word.endswith("."):
        return None  # a common word, or the end of the sentence before
    if word == "Royal" and end is not None and _ROYAL_NOT_STATE.match(text, end):
        return False  # "the Royal Brunei Golf and Country Club": a club's name
    if word.lower() in _STATE_BODIES:
        return True  # "Statistics Indonesia", wherever the sentence starts
    first = at == line_start or text[max(line_start, at - 2) : at].strip() in {
        ".",
        "!",
        "?",
        '"',
        "-",
        ":",
    }
    if first and not (word.isupper() and len(word) > 1):
        return None  # a sentence's first word ("Neighbouring Malaysia"), unless an acronym
    return word.lower() in _STATE_BODIES


# A place or a prize named after a person, right after the person's name.
_NAMED_FOR = re.compile(
    r"[^\S\n]+(?:[A-Z][\w'-]*[^\S\n]+){0,2}(?:Trophy|Cup|Stadium|Hall|Building|Road|Street|"
    r"Avenue|Bridge|Hospital|School|University|College|Park|Airport|Mosque|Foundation|Awards?|"
    r"Prize|Scholarship)\b"
)
