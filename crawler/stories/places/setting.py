"""Place readings: a name that is where others met, what a state joins, a standing fact, an
earlier year's event, the topic of something else, or the members a grouping is made of."""

from __future__ import annotations

import re
from datetime import date, timedelta

from crawler.stories.gazetteer import Actor
from crawler.stories.places.context import (
    after_name,
    quoted,
    sentence_bounds,
    sentence_parts,
    window_before,
)

# "Vietnam-Japan relations", "US-China rivalry": a pair that is itself a relation.
_PAIR_NOUNS = (
    r"relations|ties|summit|talks|dialogue|partnership|rivalry|tensions|dispute|agreement|pact|"
    r"deal|treaty|cooperation|alliance|friendship|joint|strategic|comprehensive|free trade|fta|"
    r"defence|defense|security|maritime|consultations|meeting|commission|committee|"
    r"diplomatic|bilateral|session|sessions|ministerial"
)
# One character of one name of three: two pairs joined ("ASEAN-Japan and Mekong-Japan
# cooperation", "as well as", "or") are no meeting of three.
_ONE_NAME = r"(?!\s(?:and|or|plus|as\s+well\s+as|with|between)\s)[\w.' ]"
# A firm's or body's home, not a side: "a Japan-based non-profit's regional meeting", "a
# Singapore-based think tank's annual meeting" (where "a US-led meeting" has its leader).
_HOME_SUFFIX = (
    r"(?:based|owned|born|made|built|registered|listed|headquartered|domiciled|incorporated|"
    r"linked|affiliated|style)\b"
)
# After the first name of a pair: the hyphen and the second name ("-China ", "-Republic of Korea ").
PAIR_HEAD = rf"^-\s*(?!{_HOME_SUFFIX})[\w.' ]{{2,30}}?\s+"
PAIR = re.compile(
    rf"{PAIR_HEAD}(?:{_PAIR_NOUNS}|row|trade pact|trade deal|trade agreement)\b"
    # three sides meeting: "the ASEAN-GCC-China Summit" (not a pact's name, "the ASEAN-Australia-New
    # Zealand Free Trade Area", a frame of trade as often as news, nor a framework's cooperation
    # named in passing, "Cambodia-Laos-Vietnam cooperation")
    rf"|^-\s*(?!{_HOME_SUFFIX})(?:{_ONE_NAME}){{2,30}}?\s*-\s*(?:{_ONE_NAME}){{2,40}}?\s+"
    r"(?:summit|meeting|talks|dialogue|consultations|ministerial)\b"
)
PAIR_SECOND = re.compile(
    rf"^\s+(?:{_PAIR_NOUNS}"
    # "the China-ASEAN (10+1) Foreign Ministers' Meeting"
    r"|(?:[\w'’]+\s+){1,3}(?:meeting|summit|talks|consultations|dialogue))\b"
)
PAIR_BEFORE = re.compile(r"[\w.']+\s*-\s*$")
# A meeting named as where others met ("on the sidelines of the ASEAN Summit") is a venue, however
# much of a relation its own name holds; and a bloc named as what a state belongs to or joins ("the
# 11th member of ASEAN", "its accession to the bloc") is the state's status, not the bloc acting.
_VENUE_BEFORE = re.compile(
    r"\b(?:sidelines?|margins?|fringes?)\s+of\s+(?:the\s+|an?\s+)?(?:(?:\d+(?:st|nd|rd|th)|annual|"
    r"upcoming|special|latest|informal)\s+)*"
    # "on the sidelines of a summit of Southeast Asian leaders"
    r"(?:(?:summit|meeting|gathering|conference)\s+of\s+(?:the\s+)?)?$"
)
_VENUE_AFTER = re.compile(r"\s*(?:summit\s+|meeting\s+)?(?:sidelines|margins)\b")
# The UN named for its law rather than acting ("a violation of UN Security Council resolutions",
# "the UN Convention on the Law of the Sea", "UN peacekeeping").
_LAW_AFTER = re.compile(
    r"\s*(?:security\s+council\s+|general\s+assembly\s+)?(?:resolutions?|sanctions|charter|"
    r"convention|conventions|peacekeeping|law)\b"
)
_MEMBERSHIP_BEFORE = re.compile(
    r"(?<![\w-])(?:members?|member\s+(?:states?|countr(?:y|ies)|nations?)|membership|accession|"
    r"admission|admitted|joined|join|joining)\s+(?:of|in|to|"
    r"into)?\s*(?:the\s+)?(?:\w+\s+)?$"
    # a partner's status: "to become a sectoral dialogue partner of ASEAN"
    r"|\b(?:dialogue|development|sectoral)\s+partner(?:ship)?(?:\s+status)?\s+(?:of|with|to)\s+"
    r"(?:the\s+)?$"
)
# An organisation as the forum or frame of what others do: "support in the UN Security Council",
# "a seat on the Security Council", "forces under the UN mission".
_FORUM_BEFORE = re.compile(r"\b(?:in|at|on|under|within)\s+(?:the\s+)?$")
# ... not a body called on to act: "called on the UN Security Council to convene" (not "called on
# the UN member states to", "called on the UN stage for")
_CALLED_ON_BEFORE = re.compile(r"\bcall(?:ed|s|ing)?\s+on\s+(?:the\s+)?$")
_CALLED_TO_ACT = re.compile(
    r"(?:\s+(?:security\s+council|general\s+assembly|secretary-general|human\s+rights\s+council))?"
    r"\s+to\s+[a-z]"
)
_MEMBERSHIP_AFTER = re.compile(r"\s+(?:full\s+)?(?:membership|accession|entry|admission|bid)\b")
# What one state hopes for with the bloc, or a deal that may come one day ("to strengthen ties with
# Southeast Asian nations", "to promote Russia's relations with ASEAN", "a region-to-region
# agreement with ASEAN"): the bloc as the state's horizon, not a side of what is reported.
_ASPIRED_BEFORE = re.compile(
    r"\b(?:strengthen|strengthening|bolster|bolstering|deepen|deepening|expand|expanding|develop|"
    r"developing|boost|boosting|enhance|enhancing|promote|promoting|broaden|broadening|forge|"
    r"forging|build|building|step up|stepping up|closer|stronger|deeper|greater|broader|"
    r"through)\s+"
    r"(?:(?:its|their|his|her|our|the|economic|trade|further|[a-z]+['’]s)\s+){0,3}"
    r"(?:relations|ties|cooperation|partnerships?|links|engagement|relationship|dialogue)\s+"
    r"with\s+(?:the\s+)?$"
    r"|\bregion-to-region\s+(?:free\s+trade\s+)?(?:agreement|deal|pact|fta|trade\s+deal)\s+"
    r"with\s+(?:the\s+)?$"
)
# A bloc's name before some of its states ("four ASEAN nations", "among Asean members", "the first
# Southeast Asian leader") names states of the bloc, not the bloc acting. "ASEAN member states" is
# left alone: as often the bloc as a whole ("thanked all ASEAN member states for their support").
_MEMBERS_AFTER = re.compile(
    # one of them described: "ASEAN's biggest economy", "the bloc's most populous nation"
    r"(?:'s?)?\s+(?:(?:biggest|largest|smallest|richest|poorest|most\s+populous|"
    r"(?:second|third)-(?:largest|biggest))\s+(?:economy|member|nation|country|state)\b|"
    r"(?:newest|latest|youngest|new|\d+(?:st|nd|rd|th)|eleventh|tenth)\s+member\b|"
    r"member\s+(?:state|country|nation)\b|"
    r"members?\b(?!\s+(?:states|countries|nations))|nations?\b|countries\b|country\b|"
    r"neighbou?rs?\b|economies\b|economy\b|leader\b(?!s)|government\b|president\b|"
    r"prime minister\b)"
)
# A state's own thing named after the bloc ("the country's ASEAN secretariat", "Malaysia's ASEAN
# chairmanship", "the national ASEAN committee"): the state's, not the bloc acting. A region owns
# no bloc: "Southeast Asia's regional grouping" is the bloc itself.
_OWNED_BEFORE = re.compile(
    r"(?:\b(?!asia['’]|region['’])\w+['’]s?|\bnational|\bits|\btheir|\bour)\s+$"
)
# "Laos, which chaired ASEAN in 2024": the state's turn, not the bloc acting (but "co-chaired the
# ASEAN-Canada Summit" is a meeting of the two).
_CHAIRED_BEFORE = re.compile(
    r"\b(?:chaired|chairs|chairing|chair of|chairmanship of|chairman of)(?:\s+the)?\s+$"
)
# The chair acting as the bloc's, in apposition: "Laos, in its capacity as Chair of ASEAN, issued a
# statement" (not "its duties as chair of ASEAN").
_AS_CHAIR_BEFORE = re.compile(
    r"(?:(?:,\s+|\b)in\s+(?:its|his|her|their)\s+capacity\s+|,\s+)as\s+"
    r"(?:the\s+|this year's\s+)?(?:current\s+|rotating\s+)?(?:chair|chairman) of\s+(?:the\s+)?$"
)
# "chaired the ASEAN side", "led the ASEAN delegation": the bloc's side of a negotiation.
_SIDE_AFTER = re.compile(
    # "members of the ASEAN interim observer team": the bloc's team, not its members
    r"\s+(?:(?:interim\s+)?(?:observer|monitoring)\s+)?(?:side|delegation|team|negotiators)\b"
)
# "officials from the 11 members of ASEAN", "all members of the bloc": every member, so the bloc.
_EVERY = r"(?:10|11|ten|eleven)"  # the bloc's members, all of them counted
_ALL_MEMBERS_BEFORE = re.compile(
    rf"\b(?:the(?:\s+{_EVERY})?|all(?:\s+the)?(?:\s+{_EVERY})?)\s+"
    r"(?:members|member\s+(?:states|countries|nations))\s+of\s+(?:the\s+)?$"
)
# Plural members stand for the bloc unless counted or picked out ("ASEAN countries agreed with
# China" is the bloc; "four ASEAN nations signed", "some ASEAN members", "other ASEAN economies" are
# not).
_PLURAL_MEMBERS = re.compile(
    r"(?:'s?)?\s+(?:member\s+)?(?:members|nations|countries|economies|neighbou?rs)\b"
)
_MEMBER_STATES = re.compile(r"\s+member\s+(?:states|countries|nations)\b")
# Goods, money or people going to or coming from somewhere: "exports to", "investment from".
_MARKET_TO = re.compile(
    r"\b(?:exports?|shipments?|imports?|sales|investments?|investors|tourists|arrivals|visitors|"
    r"flights)\s+(?:\w+\s+){0,2}?(?:to|from|into)\s+(?:the\s+)?(?:(?:\d+|ten|eleven)\s+)?$"
)
# The bloc named in the plural ("Southeast Asian nations"), to be counted or picked out like its
# members.
_PLURAL_NAME = re.compile(r"\b(?:nations|countries|states)$")
_EVERY_MEMBER = re.compile(rf"\b{_EVERY}\s+$")
# The bloc's formal name, which ends in a plural like its members written out.
_FORMAL_NAME = re.compile(r"association\s+of\b")
# What states are: "both countries are ASEAN members", "as fellow ASEAN members".
_ARE_MEMBERS_BEFORE = re.compile(r"\b(?:are|were|as|both)\s+(?:fellow\s+)?$")
_COUNTED_BEFORE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|several|some|many|most|few|other|these|"
    r"those|both|all\s+but|individual|certain|various|fellow|among|between|poorer|richer|smaller|"
    r"larger|maritime|mainland|claimant)\s+(?:of\s+the\s+)?(?:the\s+)?(?:[\w-]+\s+)?$"
)


def market_members(folded: str, start: int, end: int) -> bool:
    """A bloc's member states as a market ("exports to the 10 ASEAN member states"), not as the
    bloc's officials acting."""
    return bool(
        _MEMBER_STATES.match(folded, end) and _MARKET_TO.search(folded, max(0, start - 60), start)
    )


def _members(folded: str, start: int, end: int) -> bool:
    """The bloc's name before some of its states: see _MEMBERS_AFTER and _PLURAL_MEMBERS."""
    if _MEMBER_STATES.match(folded, end):  # "fellow ASEAN member states": some, not the bloc
        behind = window_before(folded, start, 40)  # ... but "the 10 ASEAN member states" are all
        return bool(_COUNTED_BEFORE.search(behind)) and not _EVERY_MEMBER.search(behind)
    if _PLURAL_NAME.search(folded, start, end) and not _FORMAL_NAME.match(folded, start):
        # "among Southeast Asian nations": some of them; "between the Association of Southeast
        # Asian Nations and the GCC" is the bloc by its name
        behind = window_before(folded, start, 40)  # ... but "the 11 Southeast Asian states" are all
        return bool(_COUNTED_BEFORE.search(behind)) and not _EVERY_MEMBER.search(behind)
    if not _MEMBERS_AFTER.match(folded, end):
        return False
    if not _PLURAL_MEMBERS.match(folded, end):
        return True  # "the first Southeast Asian leader", "an ASEAN member state"
    behind = window_before(folded, start, 40)
    return bool(_COUNTED_BEFORE.search(behind) or _ARE_MEMBERS_BEFORE.search(behind))


# The stock phrases of a bilateral communique about the bloc ("support for ASEAN centrality",
# "ASEAN's central role", "our ASEAN family"): the bloc as a subject, not a side.
_STOCK_AFTER = re.compile(
    r"(?:'s?)?\s+(?:central role|centrality|unity|solidarity|integration|commitments|standards|"
    r"processes|practice|flag|family|way)\b"
)
# A bloc-partner relation as the topic of someone else's meeting ("exchanged views on ASEAN-China
# relations", "within the Russia-ASEAN dialogue", "as coordinator of ASEAN-Russia relations").
_DISCUSSED = r"discussed|discussing|discuss|discusses"
_TOPIC_BEFORE = re.compile(
    rf"\b(?:on|about|of|within|for|regarding|under|in|{_DISCUSSED})\s+"
    r"(?:the\s+)?(?:frameworks?\s+of\s+)?"
    r"(?:(?:[\w-]+|\d+\w*)\s+)?(?:the\s+)?$"
)
# What others talked about: "discussed the early review of the ASEAN-India Trade in Goods
# Agreement".
_REVIEWED_BEFORE = re.compile(
    rf"\b(?:{_DISCUSSED})\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:of\s+)?(?:the\s+)?$"
)
# A state joining or settling into a bloc ("Timor-Leste's integration into ASEAN").
_INTEGRATION_BEFORE = re.compile(
    r"\b(?:integration|integrating|integrate|integrated|accede|acceding|get|got)\s+(?:in|into|"
    r"to|with)\s+(?:the\s+)?$"
)
# A list of what something is made of ("ASEAN comprises Brunei, Cambodia...", "Group B comprises
# Thailand, the Philippines..."): its members named, none of them acting.
MADE_OF = (
    r"comprises|comprising|comprised of|consists of|consisting of|made up of|composed of|"
    r"(?:expanded|grown|widened)\b[^.;]{0,40}\bto (?:include|take in)"
)
# The same words with a framework of partners as their subject list who takes part in it ("The EAS
# comprises the 10 ASEAN member states along with Australia, China...", "the agreement groups the
# ASEAN countries with China, Japan..."); a bloc's own members (ASEAN, the GCC) do not act.
_GROUPS = re.compile(rf"\b(?:groups|{MADE_OF})\b[^.;]{{0,120}}$")
_GROUP_NOUN = re.compile(r"\b(?:agreement|pact|forum|summit|grouping|framework)\b")
# A past participle, regular or a common irregular one ("imposed", "taken", "shown", "held").
_PARTICIPLE = r"\w+(?:ed|en|wn|ne|un|ept|ught|id|ld|lt)\b"
# "have also applied", "has long been", "has imposed": a present perfect
_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:\w+ly\s+|also\s+|long\s+|already\s+|not\s+|yet\s+|since\s+)*"
    rf"(?:been\s+)?{_PARTICIPLE}"
)
# a commitment made is news, whatever its tense: "the US has pledged $1 million"
_PLEDGED = re.compile(r"\b(?:pledged|offered|agreed|promised|vowed|committed|proposed)$")
_REPORTED = re.compile(r"\b(?:said|says|told|according|announced|added|noted|stated|briefed)\b")
_DAY = re.compile(
    r"\b(?:today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:this|last|next) week|on \w+ \d+)\b"
)
# A clause on a place, open before a name: "the South China Sea, where", "the waters, which".
_PLACE_CLAUSE = re.compile(
    r"\b(?:seas?|waters|region|area|border|borderlands?|triangle|strait|straits|peninsula|"
    r"islands?|shoals?|reefs?|atolls?|archipelago),?\s+(?:where|which|that)\s+"
    r"(?:[\w.'\u2019-]+(?:\s+[\w.'\u2019-]+){0,2},\s+)*[^,;:()\"]*$"  # a list of names: "Myanmar, "
)
# Deals made before or elsewhere: "already has free trade agreements with", "a similar pact with".
_DEAL_NOUNS = (
    r"(?:agreements?|pacts?|accords?|deals?|arrangements?|partnerships?|ftas?|cepas?|exercises|"
    r"drills|patrols)"
)
_OTHER_DEALS = re.compile(
    rf"\b(?:already|also)\s+(?:has|have|had)\b[^.;]{{0,60}}?\b{_DEAL_NOUNS}\b"
    rf"|\b(?:has|have|had)\s+(?:also|already)\s+(?:signed|concluded|sealed|struck)\s+"
    rf"(?:[\w-]+\s+){{0,4}}{_DEAL_NOUNS}\b"
    rf"|\b(?:similar|existing)\s+(?:[\w-]+\s+){{0,3}}{_DEAL_NOUNS}\b"
    rf"|\bhad\s+(?:already\s+)?(?:signed|concluded|sealed|struck)\s+(?:[\w-]+\s+){{0,4}}{_DEAL_NOUNS}\b"
    rf"|\b(?:following|after)\s+(?:the|its|a)\s+(?:[\w-]+\s+){{0,3}}{_DEAL_NOUNS}\s+with\b"
)
# A clause on the bloc, open before a name: "the 11-member bloc, which formally admitted", "the 47th
# ASEAN Summit, which opened on Sunday and admitted": what the bloc is now, told beside the news.
_BLOC_CLAUSE = re.compile(
    r"\b(?:bloc|grouping|group|association|asean|body|organi[sz]ation|summits?)\b"
    r"(?:[^,.;()]{0,40}(?:,|\s+--|\s*[\u2014\u2013])\s+which|\s+that)"
    r"\s+(?:[a-z]+\s+){0,5}?(?:formally\s+)?admitted\s+(?:the\s+)?$"
)
# A time told by who chairs: "next year, when the Philippines chairs ASEAN".
_WHEN_BEFORE = re.compile(r",\s+when\s+(?:the\s+)?$")
_CHAIR_AFTER = re.compile(
    r"^\s+(?:(?:will\s+)?chairs?\b|(?:holds|will hold|takes over|will take over|assumes|"
    r"will assume)\b[^,;]{0,40}?\bchair)"
)
# A time before the story's: what a state did then is background.
_EARLIER = re.compile(
    r"\b(?:in the past|in recent years|in previous years|in past years|years ago|last year|"
    r"previously|before it|at the time(?! of writing))\b"
)
# A relative clause between commas: its time is not the main verb's ("Timor-Leste, which joined
# last year, attended the retreat").
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who)\b[^,;]*,")
# "in 2019", "since 2016": a year an act is dated to
_YEAR = re.compile(r"\b(?:in|since|until|by|from)\s+((?:19|20)\d\d)\b")


def settled(folded: str, start: int, end: int) -> bool:
    """The sentence around a name tells a standing fact: what others also have or are, reported or
    not (_ALSO_STANDING), or a verb in the present perfect (not a commitment) where no one is
    reported ("said", "told") and no day named."""
    after = sentence_parts(folded, start, end)[1]
    if _ALSO_STANDING.match(after):
        return True  # "Indonesia and Vietnam have also expressed interest", "also claim"
    sentence = _unreported(folded, start, end)
    perfect = _PERFECT.search(sentence) if sentence is not None else None
    return perfect is not None and _PLEDGED.search(perfect.group()) is None


# What others also have or are, told beside the news whoever reports it: "Indonesia and Vietnam
# have also expressed interest", "Malaysia and Brunei also claim parts of the Spratlys", "Pakistan
# and Norway hold the same status".
_ALSO_STANDING = re.compile(
    # the rest of a list, not a relative clause ("Vietnam, which hold the status ..., sent"),
    # but "Malaysia and Brunei, which also have claims"
    r"(?:\s*(?:,|,?\s+and)\s+(?:the\s+)?(?!which\s+(?!also\b)|who\b)[a-z'-]+(?:\s+[a-z'-]+){0,2})*?"
    # ... not a message sent: "Singapore and Vietnam have also informed the ASEAN Secretariat"
    r"\s+(?:(?:has|have)\s+also\s+(?:\w+ly\s+)?(?!informed\b|notified\b)"
    rf"{_PARTICIPLE}"
    r"|also\s+(?:claims?|have claims|has claims)\b"
    # "Malaysia, Thailand and Vietnam hold the status of partner countries"
    r"|(?:hold|holds|have|has|enjoy|enjoys)\s+(?:the\s+)?(?:(?:same|similar)\s+)?status\b"
    # "In the same year, Brazil and the United Arab Emirates were also granted the same status"
    r"|(?:was|were)\s+also\s+(?:granted|given|accorded)\s+(?:the\s+)?(?:same|similar)\s+status\b)"
)


def dated(folded: str, start: int, end: int, year: int | None, day: date | None = None) -> bool:
    """The sentence around a name tells what happened in an earlier year, reporting no one: "India
    withdrew from the negotiations in 2019"; or on a day some days before the story's `day`: "The
    July 28 ceasefire was agreed at a meeting ..., with the United States and China attending as
    observers" in a story of August 7."""
    if day is not None and _recalled(folded, start, end, day):
        return True
    sentence = _unreported(folded, start, end)
    if sentence is None:
        return False
    if _EARLIER.search(_RELATIVE_CLAUSE.sub(",", sentence)):
        return True  # "have held similar talks in the past", "sent medical teams in recent years"
    if year is None:
        return False
    years = [int(y) for y in _YEAR.findall(sentence)]
    return bool(years) and max(years) < year


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "may" only after its day ("28 May"): before a number it is as often the verb ("only 2 may sign").
_MONTH_FIRST = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_AFTER = _MONTH_FIRST.replace("month", "month2").replace("apr(?:il)?|", "apr(?:il)?|may|")
# A day of the month named, maybe with its year: "July 28", "on 28 July", "Aug. 7", "July 28th,
# 2025"; not a figure ("March 5 percent") nor a thing named for a day ("Long March 5").
_MONTH_DAY = re.compile(
    rf"(?<!long )\b{_MONTH_FIRST}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    r"(?!\s*(?:%|percent|per cent))(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_AFTER}\b"
    r"(?:,?\s+(?P<year2>(?:19|20)\d\d)\b)?"
)
# Words that date a sentence to the news itself: "China on Thursday also pledged ... the truce
# agreed on July 28" reports Thursday's pledge.
_NEWS_DAY = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|(?:this|last|next) week)\b"
)
# How many days before the story a day must lie to be a recalled event, not the news itself (a
# meeting is often reported days after it ends).
RECALL_DAYS = 7
# A day without its year, this many days or fewer after the story's, is still to come ("will meet
# again on Aug 20"); further ahead, it is of the year before ("Dec 28" in a story of January).
AHEAD_DAYS = 60


# What is still going on or still to come, in a sentence that names an earlier day or time: "will
# provide A$20 million, up from A$15 million last year", "warships are taking part in the exercise,
# running from Nov 3 to Nov 14", "attending as a full member since Oct 26", "remain deployed".
_STILL = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:to|due|set|expected|scheduled)|plans?\s+to|planned\s+to|"
    r"since|running|runs|until|ongoing|currently|remains?|remained|continues?|continued|"
    r"continuing)\b|\b(?:is|are)\s+(?:also\s+|now\s+|still\s+)?[a-z]+ing\b"
)
# A clause that opens the sentence and keeps its own time, before the name: "Having joined the bloc
# on October 26, Timor-Leste took part".
_FRONTED = re.compile(
    r"\s*(?:having|after|since|following|before|when|while|once|until|building\s+on|"
    r"(?:under|citing|recalling|noting)\s+(?:the|a|an|its|their)\b|"
    # a place of the news and what came before it: "At the talks, which came after the protocol
    # was signed on Oct. 28, 2025, in Kuala Lumpur, Malaysian Deputy Trade Minister ... urged"
    r"(?:at|during)\s+(?:the|a|an|its|their)\s+[^,;]*,\s*which\b)[^,;]*[,;]"
)
# A time told as past in a sentence of the past perfect: "The US president had publicly pressed
# both governments to stop fighting at the time" (a bare "last year" or "in the past" is as often
# a comparison with the news: "pledged US$2 million, up from US$1 million last year").
_HAD_THEN = re.compile(rf"\bhad\s+(?:\w+ly\s+|also\s+|already\s+)?{_PARTICIPLE}")
_AT_THAT_TIME = re.compile(r"\b(?:at the time|at that time)\b(?!\s+of\b)")


def earlier_time(folded: str, start: int, end: int, day: date | None) -> bool:
    """The sentence around a name, reporting no one and naming no day of the week, tells of an
    earlier time and nothing still going on or to come: its days are all a week or more before the
    story's `day`, the first told before the name ("was signed in Kuala Lumpur on October 26 in
    the presence of US President Donald Trump"); or, naming none, it is in the past perfect and
    says so ("had pressed both governments at the time"). A clause that opens the sentence
    ("Building on the protocol signed on Oct. 28, 2025, ..., the officials agreed", "At the talks,
    which came after ...,") keeps its time to itself. Unlike `dated`, a year alone does not do:
    "attended ..., in line with the bloc's policy since 2021" is the news."""
    # the whole sentence, however long: its day may stand far before the name ("The July 28
    # ceasefire was agreed at a meeting in Putrajaya hosted by ..., with representatives of the
    # United States and China attending as observers")
    opened, closed_at = sentence_bounds(folded, start, end)
    sentence = folded[opened:closed_at]
    if _reports(sentence, folded, start, _NEWS_DAY) or _STILL.search(
        _RELATIVE_CLAUSE.sub(",", sentence)
    ):
        return False
    before = start - opened
    fronted = _FRONTED.match(sentence)
    cut = fronted.end() if fronted is not None and fronted.end() <= before else 0
    rest = sentence[cut:]
    found = list(_MONTH_DAY.finditer(rest))
    if found:
        # "handed over on November 10 ... under a package approved on October 30" is the news,
        # and so is "handed over by the Japanese ambassador under a package approved on October 30"
        return (
            day is not None
            and cut + found[0].start() < before
            and all(
                (then := _day_named(f, day)) is not None
                and day - then >= timedelta(days=RECALL_DAYS)
                for f in found
            )
        )
    return bool(_HAD_THEN.search(rest) and _AT_THAT_TIME.search(rest))


# The name's own act still to come, right after it ("Vietnam will host", "Thailand is set to
# sign"); not a future elsewhere in the sentence ("under a deal that will see monitors deployed").
_TO_COME = re.compile(
    r"(?:'s?|\u2019s?)?\s+(?:\w+ly\s+|also\s+)?(?:will|shall|(?:is|are)\s+(?:to|due|set|expected|"
    r"scheduled)|plans?\s+to)\b"
)


def _recalled(folded: str, start: int, end: int, day: date) -> bool:
    """The sentence reports no one and names no day of the news, and names a day of the month at
    least RECALL_DAYS before the story's."""
    sentence = _unreported(folded, start, end, _NEWS_DAY)
    if sentence is None or _TO_COME.match(folded, end):
        return False  # "Vietnam will host the next round in June, after a round on Jan. 16"
    # a relative clause dates its own verb: "Timor-Leste, which became ASEAN's 11th member on Oct
    # 26, attended"
    for found in _MONTH_DAY.finditer(_RELATIVE_CLAUSE.sub(",", sentence)):
        then = _day_named(found, day)
        if then is not None and day - then >= timedelta(days=RECALL_DAYS):
            return True
    return False


def _day_named(found: re.Match[str], day: date) -> date | None:
    """The date a day of the month names, in its own year or the one the story's day implies."""
    month = found.group("month") or found.group("month2")
    number = int(found.group("day") or found.group("day2"))
    year = found.group("year") or found.group("year2")
    index = _MONTHS.index(month[:3]) + 1
    years = [int(year)] if year else [day.year, day.year - 1]
    for candidate in years:
        try:
            then = date(candidate, index, number)
        except ValueError:
            continue  # "Feb 29" of a year that has none: the year before may
        if year or then <= day + timedelta(days=AHEAD_DAYS):
            return then if then <= day or year else None
    return None


def _unreported(folded: str, start: int, end: int, days: re.Pattern[str] = _DAY) -> str | None:
    """The sentence around a name, when it reports no one ("said", "told") and names no day
    (`days`): what a standing or past fact is told in."""
    before, after = sentence_parts(folded, start, end)
    sentence = before + folded[start:end] + after
    return None if _reports(sentence, folded, start, days) else sentence


def _reports(sentence: str, folded: str, start: int, days: re.Pattern[str]) -> bool:
    """The sentence reports someone ("said", "told"), names a day of the news (`days`), or the
    name at `start` is quoted: the news, not a standing or past fact."""
    return (
        _REPORTED.search(sentence) is not None
        or days.search(sentence) is not None
        or quoted(folded, start)
    )


def describes_place(folded: str, start: int, end: int) -> bool:
    """The name is in a clause on a place ("the South China Sea, where ...", "the Golden Triangle,
    where ...", "waters which Beijing claims"), on a time ("next year, when the Philippines
    chairs ASEAN") or on the bloc's membership ("the 11-member bloc, which admitted Timor-Leste on
    Sunday")."""
    before, after = sentence_parts(folded, start, end)
    return (
        _PLACE_CLAUSE.search(before) is not None or _BLOC_CLAUSE.search(before) is not None
    ) or (_WHEN_BEFORE.search(before) is not None and _CHAIR_AFTER.match(after) is not None)


def other_deals(folded: str, start: int, end: int) -> bool:
    """The sentence around a name lists deals made before or elsewhere: "already has free trade
    agreements with Vietnam and Singapore", "a similar pact with New Zealand"."""
    before, after = sentence_parts(folded, start, end)
    return _OTHER_DEALS.search(f"{before} {after}") is not None


def sidelines(folded: str, start: int, end: int) -> bool:
    """The name is a meeting on whose sidelines others met ("on the sidelines of the EAS")."""
    return bool(
        _VENUE_BEFORE.search(window_before(folded, start))
        or _VENUE_AFTER.match(folded, end, end + 30)
    )


def is_setting(actor: Actor, folded: str, start: int, end: int, leading: bool = False) -> bool:
    """The name is where others met ("on the ADMM-Plus sidelines"), or, for a bloc, what a state
    belongs to or joins, the states it is made of, or, when the title and lead do not name it
    (`leading`), what one state hopes to draw closer to."""
    before = window_before(folded, start)
    if actor.type != "state" and sidelines(folded, start, end):
        return True
    if actor.type == "igo" and (
        _LAW_AFTER.match(folded, end)
        or (
            _FORUM_BEFORE.search(before) is not None
            and not (_CALLED_ON_BEFORE.search(before) and _CALLED_TO_ACT.match(folded, end))
        )
    ):
        return True  # "UN Security Council resolutions", "support in the UN Security Council"
    if actor.type == "framework" and (
        _MEMBERSHIP_BEFORE.search(before) or _MEMBERSHIP_AFTER.match(folded, end)
    ):
        return True  # "its bid to join the RCEP": what a state joins
    if actor.type == "framework" and _REVIEWED_BEFORE.search(before):
        return True  # "discussed the early review of AITIGA": the topic of others' talks
    return actor.type == "bloc" and (
        # "joined ASEAN", not "joined the ASEAN-China foreign ministers' meeting"
        bool(
            (
                _MEMBERSHIP_BEFORE.search(before)
                or (_CHAIRED_BEFORE.search(before) and not _AS_CHAIR_BEFORE.search(before))
            )
            and not PAIR.match(after_name(folded, end))
            and not _SIDE_AFTER.match(folded, end)
            and not _ALL_MEMBERS_BEFORE.search(before)
        )
        or bool(_INTEGRATION_BEFORE.search(before))
        # "support for Timor-Leste's ASEAN membership": what the state joins
        or bool(_MEMBERSHIP_AFTER.match(folded, end))
        or (not leading and bool(_ASPIRED_BEFORE.search(before)))
        or bool(_OWNED_BEFORE.search(before))
        or bool(_members(folded, start, end) or _STOCK_AFTER.match(folded, end))
        or _topic(folded, start, end)
    )


def _topic(folded: str, start: int, end: int) -> bool:
    """The name is one side of a pair ("ASEAN-China relations") that a preposition makes the
    topic of something else."""
    after = after_name(folded, end)
    before = window_before(folded, start)
    if not PAIR.match(after):
        pair = PAIR_BEFORE.search(before)
        if pair is None or not PAIR_SECOND.match(after):
            return False
        before = before[: pair.start()]
    elif _EXERCISE_AFTER.match(after):
        return False  # "the second edition of the ASEAN-India Maritime Exercise": both sail in it
    return bool(_TOPIC_BEFORE.search(before) or _TOPICS_LISTED_BEFORE.search(before))


# One of the issues talked about: "exchanged views on regional and international issues of mutual
# interest, including the ASEAN-UK Dialogue Partnership".
_TOPICS_LISTED_BEFORE = re.compile(
    r"\b(?:issues|matters|topics|subjects|areas)\s+(?:of\s+(?:mutual|common|shared)\s+"
    r"(?:interest|concern)\s*)?,?\s+(?:such\s+as|including|notably|especially)\s+(?:the\s+)?$"
)


_EXERCISE_AFTER = re.compile(
    rf"{PAIR_HEAD}(?:(?:maritime|naval|military|joint)\s+)*(?:exercises?|drills)\b"
)


def forum_members(folded: str, start: int, forums: list[int]) -> bool:
    """The list names the members of a framework with partners: the framework, or "the agreement"
    in a story that names one, is the subject of _GROUPS."""
    if not forums:
        return False
    before = re.split(r"[.;!?]\s", window_before(folded, start, 240))[-1]
    found = _GROUPS.search(before)
    if found is None:
        return False
    subject = before[: found.start()]
    begins = start - len(before)
    return any(begins <= f < begins + len(subject) for f in forums) or bool(
        _GROUP_NOUN.search(subject)
    )
