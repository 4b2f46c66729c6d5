"""The home state and its parts: an unnamed official body ("the police said") acts for the
dateline's or the agency's state, and a province, a state body or a capital acts for its own."""

from __future__ import annotations

import re
from functools import lru_cache

from crawler.stories.gazetteer import Actor, Gazetteer
from crawler.stories.mentions import Mention, fold
from crawler.stories.places.context import window_after, window_before

# An official body named without its state: "the police said", "the Ministry of Health".
_UNNAMED_OFFICIAL = re.compile(
    r"(?:\bthe\s+|(?:^|[.!?]\s+|\n))(?:[a-z-]+\s+)?"
    r"(?:ministry|ministries|government|police|central bank|authorities|"
    r"cabinet|parliament|national assembly|senate|city council|municipal council|"
    # a council of the state's own, not a business or tourism council ("the Tourism Council")
    r"(?:state|security|legislative|executive|privy) council|"
    r"election commission|immigration (?:department|office|authorities)|customs department|"
    r"department of|office of the|"
    r"(?:[a-z]+ ){1,3}department|national [a-z]+ council|national museum|"
    r"customs administration|administration of customs|customs authorities|customs office|"
    r"statistics office|statistics agency|statistics bureau|bureau of statistics|"
    r"investment authority|development authority|"
    r"coast guard|navy|armed forces|military|prime minister's office|presidential palace|"
    r"minister (?:of|for))\b"
    r"|\b(?:provincial|city|municipal|district|regency) (?:government|administration|"
    r"authorities|people's committee)\b|\bcity hall\b"
    # a court of law is the state's ("the High Court here today sentenced")
    r"|\b(?:high|federal|supreme|constitutional|district|sessions|magistrates?'?s?|criminal|"
    r"syariah|sharia|appeals?) court\b|\bcourt of appeal\b"
    # a city council or a state agency named in full ("Kuching South City Council", "the
    # Geological Agency", "the National Disaster Mitigation Agency")
    r"|\b(?:city|municipal|district|town) council\b"
    r"|\b(?:geological|meteorological|disaster [a-z]+) agency\b|\bthe national [a-z ]{3,40}agency\b"
    r"|\bpeople's committee of\b"
    r"|\b(?:local|provincial|district|city|municipal|state|national|federal) "
    r"(?:authorities|officials|police|government)\b"
)


# A minister by portfolio and name, with no state before the title: "Transport Minister Anthony
# Loke", "Deputy Prime Minister Datuk Seri Fadillah Yusof", "the Minister of Transport and
# Infocommunications said".
_MINISTER_NAMED = re.compile(
    # the head of state by title alone, in the home press: "HH the Amir", "His Majesty the King"
    r"\b(?:HH|HM|His Highness|His Majesty|Her Majesty)\s+the\s+(?:Amir|Emir|King|Sultan|Queen)\b"
    r"(?!\s+of\b|['’]s\s+[A-Z\d])|"  # not a trophy: "His Majesty the King's Cup"
    r"(?<![\w'’-])(?:(?:Deputy|Senior|Acting|First|Second)\s+)?"
    r"(?:Prime\s+Minister|(?:[A-Z][a-z]+,?\s+(?:and\s+)?){1,4}Minister)\s+"
    r"(?:(?:Datuk|Dato'?|Datin|Seri|Sri|Tan|Dr\.?|Gen\.?|Pehin|Haji|Hajah|Awang|Dame|Sir)\s+)*"
    r"[A-Z][a-z]+"
    # "the Minister of Transport", "handed over to Deputy Minister of Labour and Social Welfare"
    r"|\b[Tt]he\s+(?:(?:Deputy|Union|Federal)\s+)?Minister\s+(?:of|for)\s+[A-Z]"
    r"|(?<![\w'’-])(?:Deputy|Vice)\s+Minister\s+(?:of|for)\s+[A-Z]"
    # its ministry by portfolio: "the Plantation and Commodities Ministry", "the Ministry of Health"
    r"|\b[Tt]he\s+(?:[A-Z][a-z]+,?\s+(?:and\s+)?){1,4}Ministry\b|\b[Tt]he\s+Ministry\s+of\s+[A-Z]"
)
# on the same line: "...detained off Terengganu\nThe Ministry of Foreign Affairs" is not Malaysia's
_OWNER_BEFORE = re.compile(r"(?:['’]s?)?[^\S\n]*(?:the\s+)?\Z")


def home_minister(
    text: str, mentions: list[Mention], pattern: re.Pattern[str] = _MINISTER_NAMED
) -> bool:
    """A minister or ministry the home press names without a state: its own (see _MINISTER_NAMED).
    A state or a known person in the match is not unnamed ("Malaysian Transport Minister", "Prime
    Minister Anwar Ibrahim")."""
    ends = {m.end for m in mentions}
    for found in pattern.finditer(text):
        at = found.start()
        owner = _OWNER_BEFORE.search(text, max(0, at - 12), at)
        if owner is not None and owner.start() in ends:
            continue  # "China's Commerce Minister Wang Wentao"
        if any(at <= m.start < found.end() for m in mentions):
            continue
        return True
    return False


# A leader by title alone: "The Prime Minister will make an official visit to India", "His
# Majesty received the credentials", "the Foreign Minister will lead the delegation".
_HOME_TITLE = re.compile(
    r"\b[Tt]he\s+(?P<title>(?:State\s+)?President|Prime\s+Minister|Premier|King|Sultan|Amir|Emir|"
    r"Foreign\s+Minister|prime\s+minister|foreign\s+minister)\b(?!\s+(?:of\b|[A-Z])|['’]s\s+[A-Z\d])"
    r"|\b(?P<majesty>His\s+Majesty)\b(?!\s+[A-Z]|\s+the\s+\w+['’]s\s+[A-Z\d])"
)


def home_title(text: str, folded: str, mentions: list[Mention], home: str) -> bool:
    """The home press's own leader by title alone, before any other state's holder of that title
    is named: "The Prime Minister will visit India ... his Indian counterpart" is the home state's;
    after "Indonesia's Foreign Minister", "the Foreign Minister" is Indonesia's again, and so is any
    title after "the country's"."""
    ends = {m.end: m.actor for m in mentions}
    for found in _HOME_TITLE.finditer(text):
        title = " ".join((found.group("title") or found.group("majesty")).split()).lower()
        for earlier in re.compile(rf"\b{title}\b").finditer(folded, 0, found.end()):
            owner = _OWNER_BEFORE.search(folded, max(0, earlier.start() - 12), earlier.start())
            actor = ends.get(owner.start()) if owner is not None else None
            if (actor is not None and actor != home) or folded.endswith(
                "country's ", 0, earlier.start()
            ):
                break
        else:
            return True
    return False


# A state's agency by its own name, with no state in it: "the Laguna Lake Development Authority
# (LLDA)", "the Board of Investments", "the city's Department of Tourism", "the Games and
# Amusements Board". A news, travel or press agency and a company's board are no such body.
_NAMED_BODY = re.compile(
    # within a line: "...from China, Taiwan\nThe Department of Foreign Trade" is no Taiwanese body
    r"\b(?:[A-Z][\w'’&-]*[^\S\n]+(?:(?:of|for|and|on)[^\S\n]+)?){1,6}"
    r"(?:Authority|Agency|Department|Directorate|Bureau|Commission|Board)\b"
    r"|\b(?:Authority|Department|Directorate|Bureau|Commission|Board)\s+(?:of|for|on)\s+[A-Z]"
    # Cambodia's and Timor-Leste's: "the State Secretariat of Civil Aviation", "the Secretariat of
    # State for Vocational Training"
    r"|\bState\s+Secretariat\s+(?:of|for)\s+[A-Z]|\bSecretariat\s+of\s+State\s+(?:of|for)\s+[A-Z]"
)
_NOT_A_BODY = re.compile(
    r"\b(?:News|Press|Travel|Advertising|Talent|Ratings?|Credit)\s+Agency\b"
    r"|\bBoard of (?:Directors|Trade)\b"
    # the EU's, in any agency's copy: "the European Commission said in a statement"
    r"|\bEuropean\s+Commission\b"
)
_BODY_GOES_ON = re.compile(r"\s+(?:(?:of|for|on)\s+)?[A-Z]")
_ACRONYM_FIRST = re.compile(r"[A-Z]{2,4}\s")  # another organisation's body: "the AU Commission"


def named_body(text: str, mentions: list[Mention], home: str) -> bool:
    """One of the home state's agencies by its own name (_NAMED_BODY), naming no other state or
    bloc ("the Laguna Lake Development Authority" names a Philippine province)."""
    for found in _NAMED_BODY.finditer(text):
        name = found.group().removeprefix("The ")
        if (
            _NOT_A_BODY.search(text, found.start(), found.end() + 12)
            or _ACRONYM_FIRST.match(name)
            # "The Commission said": whose is told before, if anywhere ("The Bureau of
            # Immigration" goes on)
            or (" " not in name and not _BODY_GOES_ON.match(text, found.end()))
        ):
            continue
        if any(
            m.start < found.end()
            and found.start() <= m.end + 3
            and m.actor != home
            and (found.start() < m.end or not found.group().startswith("The "))
            and _STATE_BEFORE_BODY.fullmatch(text, m.end, max(m.end, found.start()))
            for m in mentions
        ):
            # another's: "the European Commission", "the Thai Trade Commission", "The U.S.
            # Department of Commerce" (its name stops at the abbreviation's last point; not "...to
            # the U.S. The Fisheries Agency said", a sentence of its own)
            continue
        return True
    return False


# What may stand between a state's name and its body's, within a line as in _NAMED_BODY: nothing,
# a space, a possessive ("...from China, Taiwan\nThe Department of Foreign Trade" is no Taiwanese
# body).
_STATE_BEFORE_BODY = re.compile(r"(?:['’]s?)?[^\S\n]*")
_OWNER_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")


# A province's or a city's own government in Vietnam's press, which no other state's copy writes
# so: "Vice Chairman of the provincial People's Committee thanked the Korean Government".
PEOPLES_COMMITTEE = re.compile(
    r"\b(?:provincial|municipal|city|district|commune|ward) people's (?:committee|council)\b"
    r"(?!(?:['’]s)?\s+(?:of|building|headquarters|office|offices|hall|compound|premises)\b)"
)


def unnamed_official(
    folded: str, states: list[Mention], pattern: re.Pattern[str] = _UNNAMED_OFFICIAL
) -> bool:
    """An official body that acts without its state's name ("the police said", "the Ministry of
    Health", "the central bank") is the home state's."""
    ends = {m.end for m in states}
    starts = {m.start for m in states}
    for found in pattern.finditer(folded):
        if any(m.start < found.end() and found.start() < m.end for m in states):
            continue  # "the Thai government"
        owner_after = _OWNER_AFTER.match(folded, found.end())
        if owner_after is not None and owner_after.end() in starts:
            continue  # "the Government of Japan"
        if not found.group()[0].isalpha():
            return True  # at a sentence's or a line's start: no state before it owns it
        owner = _OWNER_BEFORE.search(folded, max(0, found.start() - 8), found.start())
        if owner is not None and owner.start() in ends:
            continue  # "Japan's foreign ministry", "China the government"
        return True
    return False


_REGIONAL_BODY = (
    r"government|authorities|administration|governor|chief minister|menteri besar|"
    r"people's committee|people's government|party committee|party secretary|leaders|officials?|"
    r"immigration|police|customs|tourism board|parks|border guards?|"
    r"(?:border guard|border defen[cs]e|military) (?:command|forces?)"
)
REGIONAL_GOVERNMENT_AFTER = re.compile(
    r"^(?:'s?)?\s+(?:(?:province|state|prefecture|region|autonomous region|island)\s+)?"
    r"(?:(?:provincial|state|prefectural|regional|city|metropolitan|municipal|local|party)\s+)?"
    # its deputies: "Svay Rieng Provincial Deputy Governor Sok Vanna said"
    r"(?:(?:deputy|vice|acting)[\s-]+)?"
    # (not its seat: "the Tokyo Metropolitan Government Building" as a marathon's start line)
    rf"(?:{_REGIONAL_BODY}|assembly)\b(?!\s+(?:building|buildings|complex|tower|towers|plaza)\b)"
    # one of its offices by portfolio: "Bali Provincial Tourism Office head said"
    r"|^(?:'s?)?\s+(?:provincial|prefectural|municipal|metropolitan)\s+(?:(?:[a-z]+\s+){1,3}?"
    r"(?:office|department|agency|bureau|service)|(?:office|department|bureau)\s+of\s+[a-z]+)\b"
)
_REGIONAL_GOVERNMENT_BEFORE = re.compile(
    rf"\b(?:{_REGIONAL_BODY})\s+of\s+(?:the\s+)?"
    r"(?:[a-z]+\s+){0,2}(?:(?:province|state|prefecture|region)\s+of\s+)?$"
)


def is_region(m: Mention, gazetteer: Gazetteer) -> bool:
    """The mention names one of the state's provinces or states ("Yunnan", "Sabah")."""
    return _named_by(gazetteer.actors[m.actor], m.text, "regions")


def is_body(m: Mention, gazetteer: Gazetteer) -> bool:
    """The mention names one of the state's own official bodies ("JICA", "OJK")."""
    return _named_by(gazetteer.actors[m.actor], m.text, "bodies")


def is_capital(m: Mention, gazetteer: Gazetteer) -> bool:
    return _named_by(gazetteer.actors[m.actor], m.text, "metonyms")


@lru_cache(maxsize=16384)
def _named_by(actor: Actor, text: str, kind: str) -> bool:
    """Whether `text` is one of the actor's names of that kind (its `regions` or `metonyms`);
    cached, as the same names come back in every article."""
    return fold(text) in {fold(name) for name in getattr(actor, kind)}


# A province or state agreeing with another or with a state: its government signs ("Fukuoka,
# Vietnam sign pact on worker recruitment", "Sarawak and Brunei agreed on a joint study", "Yunnan,
# Laos step up customs facilitation").
_REGION_AGREES_AFTER = re.compile(
    r"^(?:,?\s+(?:and\s+)?(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}?)?,?\s+(?:have\s+|has\s+)?"
    # not another's infinitive: "agreed to strengthen the Chiang Mai Initiative and to step up" (but
    # a headline's own future: "Yunnan, Laos to step up customs facilitation")
    r"(?<!\band\sto\s)(?:agree|agrees|agreed|sign|signs|signed|ink|inks|inked|seal|seals|sealed|"
    r"step up|steps up|stepped up|hold talks|held talks)\b"
)


# A province's name running on into a firm's: "China's Zhejiang Huayou Cobalt have signed" (not
# "Yunnan Province signed", "Sabah State agreed").
_FIRM_NAME_AFTER = re.compile(
    r"[^\S\n]+(?!(?:Province|Provincial|State|Prefecture|Region|Autonomous|Special|Municipal|"
    r"Metropolitan|People's|Party|Government|Governor|Authorities|Administration|"
    # a title's capitals: "Yunnan Signs Border Trade Deal With Laos", "Sarawak And Brunei Agree"
    r"And|To|Agrees?|Agreed|Signs?|Signed|Inks?|Inked|Seals?|Sealed|Steps?|Stepped|Holds?|"
    r"Held|Have|Has)\b)[A-Z][a-z]"
)


def regional_government(folded: str, start: int, end: int, text: str = "") -> bool:
    """The province's own government acts: named ("the Yunnan provincial government"), or the
    province itself agreeing or signing, unless its name begins a firm's (`text`, unfolded, tells
    by the capitals)."""
    return bool(
        REGIONAL_GOVERNMENT_AFTER.match(window_after(folded, end))
        or _REGIONAL_GOVERNMENT_BEFORE.search(window_before(folded, start))
        or (
            _REGION_AGREES_AFTER.match(window_after(folded, end))
            and not _FIRM_NAME_AFTER.match(text, end)
        )
    )


def demonym_form(m: Mention, gazetteer: Gazetteer) -> str | None:
    """'adjective' for "Chinese" (a party only with an official body after it: "Chinese
    officials", not "support for Palestinian independence"), 'people' for "Filipinos"."""
    aliases, demonyms, peoples = _names(gazetteer.actors[m.actor])
    name = fold(m.text)
    if name in aliases:
        return None  # "Laos", "the Philippines": names, though "Lao" is a demonym
    if name in demonyms:
        return "adjective"
    return "people" if name in peoples else None


# The region's peoples that are no state: a demonym listed with them is a people too ("its Malay
# and Indian members", "Malay, Chinese and Indian ministers"), not the state's officials. Not the
# peoples of a province, whose officials are its government's ("Balinese and Australian
# investigators"), nor Tamil Nadu.
_ETHNIC = (
    r"(?:malays?|tamils?(?!\s+nadu)|eurasians?|ibans?|kadazans?|kadazandusuns?|dusuns?|dayaks?|"
    r"bumiputeras?|peranakans?|orang asli|hokkiens?|cantonese|hakkas?|teochews?)"
)
_ETHNIC_BEFORE = re.compile(rf"\b{_ETHNIC}(?:,\s+[a-z]+)*,?(?:\s+(?:and|or)|,)\s+$")
_ETHNIC_AFTER = re.compile(rf"^(?:,\s+[a-z]+)*,?\s+(?:and\s+|or\s+)?{_ETHNIC}\b")


# A noun of its own after the demonym, then the list goes on: a list of groups, not of peoples
# sharing one noun ("Malays, Thai soldiers and Malaysian police").
_OWN_NOUN_AFTER = re.compile(r"^\s+[a-z-]+\s+(?:and|or)\b")


def ethnic_listing(folded: str, start: int, end: int) -> bool:
    """The demonym at folded[start:end] is listed with a people that is no state: an ethnic
    group ("Malay and Indian members"), not the state's."""
    after = window_after(folded, end, 40)
    return bool(
        (
            _ETHNIC_BEFORE.search(window_before(folded, start, 40))
            and not _OWN_NOUN_AFTER.match(after)
        )
        or _ETHNIC_AFTER.match(after)
    )


# A person's nationality in apposition, before the office the person holds or took: "Kao, a
# Cambodian diplomat who took office in January 2023" heads the bloc's secretariat, not a Cambodian
# mission; not a source's ("..., a Chinese diplomat who attended the meeting told reporters").
_NATIONALITY_BEFORE = re.compile(r",\s+an?\s+(?:[a-z-]+\s+){0,2}$")
_NATIONALITY_AFTER = re.compile(
    r"^\s+(?:career\s+|veteran\s+)?diplomat(?:\s+and\s+(?:[a-z-]+\s+){0,2}?[a-z-]+)?,?\s+"
    r"(?:who\s+)?(?:took\s+(?:office|up|over|the\s+helm)|has\s+taken|assumed|became|was\s+appointed|"
    r"heads|has\s+headed|has\s+led|leads|has\s+served)\b"
    # ... not an office of the state's own: "who heads the delegation", "who became foreign
    # minister", "who has served as ambassador to Vietnam"
    # (an office of the UN's or the bloc's is not: "who heads the UN mission in the country")
    r"(?!(?:\s+(?!un\b|u\.n\.|asean\b|eu\b|european\b|osce\b|regional\b|international\b|united\b)[\w.-]+){0,4}?\s+"
    r"(?:delegation|minister|ministry|ambassador|envoy|mission|embassy|"
    r"consul|negotiator|negotiators|team)\b)"
)


# ... or the nationality of the holder of an organisation's office named with it: "Cambodian
# diplomat and ASEAN Secretary-General Dr Kao Kim Hourn".
_NATIONALITY_WITH_OFFICE = re.compile(
    r"^\s+(?:career\s+|veteran\s+)?diplomat\s+and\s+(?:former\s+|current\s+)?"
    r"(?:asean|un|united nations|eu|european union)\s+secretary[- ]general\b"
)


def nationality(folded: str, start: int, end: int) -> bool:
    """The demonym at folded[start:end] says where a person named before it comes from, or the
    holder of an organisation's office named with it."""
    after = window_after(folded, end, 60)
    return bool(
        _NATIONALITY_BEFORE.search(window_before(folded, start, 40))
        and _NATIONALITY_AFTER.match(after)
    ) or bool(_NATIONALITY_WITH_OFFICE.match(after))


@lru_cache(maxsize=4096)
def _names(actor: Actor) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """An actor's folded aliases, demonyms and plural demonyms."""
    demonyms = frozenset(fold(d) for d in actor.demonyms)
    peoples = frozenset(d + s for d in demonyms for s in ("s", "es"))
    return frozenset(fold(a) for a in actor.aliases), demonyms, peoples
