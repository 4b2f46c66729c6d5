"""Relevance of a story to ASEAN's external relations, by transparent rules over its actors and
terms.

- core: ASEAN as a bloc (or its bodies and frameworks) in relations with an external partner;
- related: an ASEAN member's relations with an external partner, or intra-ASEAN diplomacy;
- none: everything else (domestic news, sport, business with a passing mention).

Only prominent actors count: parties named in a title, in the lead, or more than once; the bloc
also once, in a story no member leads (a partner's leader quoting what "ASEAN has asked us"). The
reasons say which actors and terms decided, so a user can see why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from crawler.store.schema import CORE, NONE, RELATED
from crawler.stories.gazetteer import Actor, Gazetteer
from crawler.stories.mentions import fold
from crawler.stories.places.context import sentence_bounds

LEAD_CHARS = 500  # the lead: about the first two paragraphs after the title

_SPORT = re.compile(
    r"\b(football|soccer|futsal|badminton|volleyball|basketball|sepak takraw|athletics|swimmer|"
    r"cricket|twenty20|t20|wickets?|"
    r"striker|goalkeeper|midfielder|semi-?final|quarter-?final|kick-?off|match|matches|tournament|"
    r"championship|medal|medals|sea games|para games|mitsubishi electric cup|aff cup|"
    r"world cup qualifier|coach|squad|scored|fifa)\b",
    re.IGNORECASE,
)
# A festival, a film week or a concert names the embassy and the ambassador that open it, and is
# culture, not diplomacy.
_CULTURE = re.compile(
    r"\b(festival|festivals|film|films|movie|movies|concert|concerts|exhibition|exhibitions|"
    r"cuisine|dishes|food fair|performances?|performers?|dancers?|dance|music|musicians?|artists?|"
    r"art|arts|lantern|lanterns|celebrations?|new year|screenings?|orchestra|"
    r"choir|theatre|theater|k-pop|anime|manga|cosplay|bazaar|gala|culture|cultures|cultural|"
    r"dramas|drums?|troupes?|fashion|performed)\b",
    re.IGNORECASE,
)
# A storm, a flood or a quake crossing the region: each state's services act at home. (Not
# evacuations: a state's nationals brought home from a war are a relation.)
_WEATHER = re.compile(
    r"\b(typhoons?|storms?|tropical depression|cyclones?|floods?|flooding|flooded|landslides?|"
    r"earthquakes?|quakes?|tremors?|tsunamis?|eruptions?|heavy rains?|downpours?|landfall|"
    r"weather|meteorolog\w+)\b",
    re.IGNORECASE,
)
# A title of help sent or received, or of states' people at work: "India sends relief to
# quake-hit Myanmar", "APTERR rice from RoK reaches flood-hit northern Laos", "disaster management
# ministers meet after deadly floods" (not "from": "Death toll from typhoon rises").
_HELP_TITLE = re.compile(
    r"\b(?:aid|relief|assistance|donat\w+|pledg\w+|provid\w+|sends?|sent|deliver\w*|grants?|"
    r"rice|supplies|help|helps|helped|helping|rescue\w*|teams?|arriv\w+|joins?|joined|"
    r"deploy\w*|ministers?|meet|meets|meeting|exercises?|drills?)\b",
    re.IGNORECASE,
)
_SIGNED = re.compile(
    r"\b(?:sign|signs|signed|ink|inks|inked|adopt|adopts|adopted|launch|launches|launched|"
    r"hands?\s+over|handed\s+over|handing\s+over)\b",
    re.IGNORECASE,
)
# ... or a state's heritage given back by another: "US returns 14 looted Khmer artefacts to
# Cambodia", "Cambodia Receives 32 Returned Artefacts from the U.S.", "US repatriates 32
# Angkorian-era artefacts", "US returns 32 Khmer statues stolen during civil war": returned to or
# from somewhere, repatriated, or looted; not "Korean sculptor returns with bronze statues for Hanoi
# show", "festival returns with lantern sculptures from China", "festival returns as Korea remains
# top draw".
_RETURNED = re.compile(
    r"\b(?P<verb>returns?|returned|returning|repatriat\w+|hands?\s+back|handed\s+back)\s+"
    r"(?!with\b)(?:[\w'$-]+\s+){0,4}?(?:artefacts?|artifacts?|antiquities|relics|sculptures?|"
    r"statues?|manuscripts?)\b(?P<to>\s+(?:\w+\s+)?(?:to|from)\b)?",
    re.IGNORECASE,
)
_LOOTED = re.compile(r"\b(?:looted|stolen|smuggled|trafficked|plundered)\b", re.IGNORECASE)


def _returned(title: str) -> bool:
    found = _RETURNED.search(title)
    return found is not None and (
        found.group("to") is not None
        or found.group("verb").lower().startswith("repatriat")
        or _LOOTED.search(title) is not None
    )


# Both sides as the subject of an opening: "ASEAN, South Korea open cultural festival" (not
# "Mexico, Pampanga opens new public market", nor embassies that "open doors to visitors")...
_OPENED = re.compile(
    r"\b(?:open|opened|kick\s+off|kicked\s+off|inaugurate|inaugurated)\b"
    r"(?!\s+(?:(?:their|its|the)\s+)?doors?\b|\s+up\b|\s+to\b)",
    re.IGNORECASE,
)
# ... unless each opened its own: "the two embassies each opened their own festivals"
_EACH_OWN = re.compile(
    r"\beach\s+(?:opened|open|opens|launched|held|hosted|staged|its|their)\b"
    r"|\bseparately\b|\b(?:their|its)\s+own\b",
    re.IGNORECASE,
)
_GOVERNMENT_BODY = re.compile(
    r"\b(?:embass(?:y|ies)|ministry|ministries|minister|ministers|ambassador|government|"
    r"foundation|secretariat|(?<!\ba\s)mission)\b",
    re.IGNORECASE,
)
# Two sides staging something together: "ASEAN Secretariat, Japan co-host film festival".
_COHOST = re.compile(
    r"\bco-?(?:host|hosts|hosted|hosting|organi[sz]e|organi[sz]es|organi[sz]ed|organi[sz]ing)\b"
    r"|\bjointly\s+(?:host|hosts|hosted|held|holds|hold|staged|stages|organi[sz]e|organi[sz]es|"
    r"organi[sz]ed)\b",
    re.IGNORECASE,
)
# Where a lead's sentence turns to who else was there: "..., with Vietnam's Deputy Minister of
# Culture and the South Korean ambassador in the audience".
_ALSO_THERE = re.compile(r",\s+(?:with|attended by|in the presence of)\b", re.IGNORECASE)
# (genre, its words, the fewest that make a story of it, how many times the words of a relation
# they must outnumber, a title that makes it no genre story whatever its words)
_GENRES = (
    ("sport", _SPORT, 2, 1, None),
    ("culture", _CULTURE, 3, 2, None),
    ("weather", _WEATHER, 4, 3, _HELP_TITLE),
)
# Firms' statement together, no relation's word: "the two companies said on Wednesday in a joint
# statement", "the two airlines announced in a joint statement" (not "to help small firms, the two
# ministries said in a joint statement", nor central banks or development partners: governments').
_FIRMS_JOINT = re.compile(
    r"\b(?:companies|firms|carriers|airlines|operators|developers|insurers|lenders|"
    r"manufacturers|carmakers|shareholders)(?:,[^,.;]{0,60},)?\s+"
    r"(?:said|announced|added|stated|noted|confirmed)\b"
    r"[^.;\n]{0,40}?\b(joint\s+statement)\b",
    re.IGNORECASE,
)
# Words of a relation between states. Titles alone (president, minister, government) are not among
# them: a domestic or business story names those too.
_DIPLOMACY = re.compile(
    r"\b(summit|summits|talks|envoy|envoys|ambassador|ambassadors|diplomat\w*|diplomacy|"
    r"charg(?:é|e\u0301|e)e?s? d\s?['’´`‘]\s?affaires|"
    r"foreign affairs|foreign minister|foreign ministers|foreign ministry|foreign policy|"
    r"ministerial|bilateral|multilateral|consensus|treaty|treaties|agreement|agreements|accord|pact|memorandum|"
    r"mou|partnership|dialogue|consultations|consultation (?:visit|mission|with)|state visit|"
    r"official visit|visit|visits|visited|"
    r"agree|agrees|agreed|sign|signs|signed|signing|"
    r"cooperation|cooperate|relations|ties|friendship|(?<!across the )border|negotiat\w+|"
    # an organisation's secretary-general, not that of an investment board or a party
    r"(?:asean|un|united nations|gcc|oic|pif|bimstec|saarc)['’]?s? secretary-general|"
    r"secretary-general of (?:the )?(?:asean|association|united nations|un)\b|"
    r"chairmanship|"
    r"retreat|declaration|sanctions|tariff|tariffs|free trade|fta|trade deal|trade talks|trade war|"
    r"defence|defense|security|maritime|military|drills|exercise|joint statement|alliance|allies|"
    r"protest|condemn\w*|delegation|counterpart|counterparts|bloc|anti-dumping|"
    r"countervailing|safeguard duties|trade remedy|trade remedies|export ban|import ban|"
    r"arms embargo|trade embargo|embargo on|coast guard|navy(?! blue)|naval|water cannons?|"
    r"embassy|embassies|consulate|consular|official development assistance|grant aid|"
    r"intergovernmental|joint (?:commission|committee)|"
    # a government writing to another over what crosses the border: "will send a letter to
    # Indonesia expressing its concern over the transboundary haze"
    r"(?:send|sends|sent|sending) (?:a |an official )?letters? to|transboundary|"
    r"humanitarian (?:aid|assistance)|emergency (?:aid|assistance)|disaster relief|"
    r"rescuers|rescue (?:teams?|workers|personnel)|field hospitals?|medical teams?|relief (?:aid|"
    r"goods|supplies|items)|funding from|financial support|aid package|development partners?|"
    r"concessional loans?|yen loans?|"
    r"oda loans?|soft loans?|food aid|(?:deliver\w*|distribut\w*) (?:food|rice|aid)|"
    r"(?:trade|investment|trade and investment) missions?|"
    r"(?:intake|recruitment|hiring) of (?:\w+ ){0,2}workers|"
    r"labou?r mobility|employment permit system|(?:seasonal|migrant|foreign) workers? (?:scheme|"
    r"programme|program)|"
    r"(?:suspends|suspended|suspending|suspension of|halts|halted|bans|banned) (?:\w+ )?imports|"
    r"import (?:suspension|curbs?|restrictions?|quotas?)|export (?:curbs?|restrictions?|quotas?)|"
    r"(?:two|both|three|four|five) (?:governments|leaders|prime ministers|presidents|"
    r"heads of state)|"
    # finance and trade ministers' meetings, their swap lines, a state's debts to another, a case
    # between governments at the WTO
    r"ministers['’]? (?:and [\w ]{3,40}['’] )?meeting|currency swaps?|swap arrangements?|"
    r"government-to-government|g2g|"
    r"debt relief|debt restructuring|debt repayments?|loan repayments?|"
    r"trade disputes?|dispute (?:panel|settlement)|(?-i:WTO)|"
    r"co-sponsored|abstained|abstentions?|extradit\w+|deport\w*|repatriat\w+|"
    # work done together, a neighbour told of a project, a duty on another state's goods; not a
    # joint venture of firms
    r"briefed|joint(?! ventures?)|import dut(?:y|ies)|"
    # a market opened to another state's goods, a state's currency watched by another's treasury
    r"market access|currency manipulat\w+|"
    r"(?-i:ODA|High Commissions?|General Assembly|Security Council|Human Rights Council))\b",
    re.IGNORECASE,
)


# Words that name a place as often as a relation ("the border town", "the Friendship Bridge").
_PASSING_RELATION_WORDS = frozenset({"border", "friendship"})


# A member's aid to a state the story names only as a place, its nationals brought home from one,
# its measures on goods from one or on its workers sent to one, are relations with that state: aid
# and where it goes in one phrase ("relief supplies for Vanuatu", "aid bound for Papua New Guinea"),
# a return and where from ("152 Filipinos brought home from Lebanon"), a trade measure and where the
# goods come from ("anti-dumping duties on steel from China", "bans poultry imports from Brazil"), a
# deployment and where to ("the deployment of household workers to Kuwait").
_AID_WORDS = (
    r"aid|relief(?: goods| supplies)?|humanitarian (?:assistance|mission)|emergency assistance|"
    r"donations|rescuers|(?:rescue|medical) teams?"
)
_HOME_WORDS = r"evacuat\w+|repatriat\w+|(?:brought|brings?|bringing|flown|flew|flies) home"
_MEASURE_WORDS = (
    r"(?:anti-dumping|countervailing|safeguard) (?:duties|duty|measures?|tariffs?)|"
    r"(?:ban|bans|banned|banning|suspends|suspended|suspension of|halts|halted) (?:on )?"
    r"(?:[\w-]+ ){0,4}imports?"
)
_AID_TO = rf"(?:{_AID_WORDS})\b[^.\n]{{0,60}}?\b(?:to|for|bound for)"
# What stands between those words and the state: "aid to quake-hit Myanmar", "to the Philippines".
_SERVED_TAIL = r"\s+(?:(?:quake|flood|storm|typhoon|landslide|cyclone)[- ]hit\s+)?(?:the\s+)?$"
_SERVED = re.compile(
    rf"\b(?:{_AID_TO}|"
    rf"(?:{_HOME_WORDS})\b[^.\n]{{0,60}}?\bfrom|"
    rf"(?:{_MEASURE_WORDS})\b[^.\n]{{0,60}}?\b(?:from|originating (?:in|from))|"
    r"deployments?\b[^.\n]{0,60}?\bto)" + _SERVED_TAIL,
    re.IGNORECASE,
)


# Aid alone, where it goes: what a state sends a member is told this way.
_AIDED = re.compile(rf"\b{_AID_TO}" + _SERVED_TAIL, re.IGNORECASE)


_MEASURED_ORIGIN = re.compile(
    rf"\b(?:{_MEASURE_WORDS})\s+(?:on|against)\s+(?:(?:imports\s+of|some|certain)\s+)?"
    r"(?:[A-Z][\w-]*,?\s+(?:and\s+)?){0,3}?$"
)


@dataclass(frozen=True)
class ActorPresence:
    """How an actor appears in a story: the best of its articles."""

    actor: str
    mentions: int
    in_title: bool
    in_lead: bool
    via: str | None = None

    @property
    def prominent(self) -> bool:
        return self.in_title or self.in_lead or self.mentions >= 2


@dataclass(frozen=True)
class Verdict:
    relevance: str
    score: float
    reasons: list[str]


def _label(p: ActorPresence) -> str:
    where = "title" if p.in_title else "lead" if p.in_lead else f"{p.mentions} mentions"
    return f"{p.actor} ({where}{', via ' + p.via if p.via else ''})"


def _framework_partners(
    p: ActorPresence, actor: Actor, gazetteer: Gazetteer, day: date | None
) -> list[ActorPresence]:
    """Partners a framework with ASEAN in it brings: itself when it is ASEAN-with-partners by
    definition (ARF, EAS, ASEAN Plus Three...), and each partner it involves, via the framework."""
    found = [p] if actor.partners else []
    return found + [
        ActorPresence(x, p.mentions, p.in_title, p.in_lead, via=p.actor)
        for x in actor.involves
        if x != "ASEAN" and gazetteer.is_partner(x, day)
    ]


def _bloc_partner_member_sides(
    strong: list[ActorPresence], gazetteer: Gazetteer, day: date | None
) -> tuple[list[ActorPresence], list[ActorPresence], list[ActorPresence]]:
    """(bloc, partners, members) among the prominent actors, by what each was on the story's day."""
    bloc: list[ActorPresence] = []
    partners: list[ActorPresence] = []
    members: list[ActorPresence] = []
    for p in strong:
        actor = gazetteer[p.actor]
        if actor.type == "person":
            continue  # a person counts through the state of their role, already among the presences
        if gazetteer.is_bloc_side(p.actor):
            bloc.append(p)
        elif actor.type == "framework" and "ASEAN" in actor.involves:
            bloc.append(p)
            partners += _framework_partners(p, actor, gazetteer, day)
        elif gazetteer.is_member(p.actor, day, observer=True):
            members.append(p)
        elif gazetteer.is_partner(p.actor, day):
            partners.append(p)
    if bloc and not partners:
        # the bloc with a state that is only its observer on the day (Timor-Leste before its
        # accession): a relation with a state outside it, not the region's own affairs
        outside = [p for p in members if not gazetteer.is_member(p.actor, day)]
        if outside:
            partners = outside
            members = [p for p in members if p not in outside]
    return bloc, partners, members


def _side_reasons(
    bloc: list[ActorPresence], partners: list[ActorPresence], members: list[ActorPresence]
) -> list[str]:
    """One reason per deciding actor, bloc side first, so the user sees who made it relevant."""
    reasons = [f"bloc: {_label(p)}" for p in bloc] + [f"partner: {_label(p)}" for p in partners]
    reasons += [f"member: {_label(p)}" for p in members]
    return reasons


BACKDROP_BLOC_MENTIONS = 2


def _by_rules(
    bloc: list[ActorPresence],
    partners: list[ActorPresence],
    members: list[ActorPresence],
    diplomacy: list[str],
    any_strong: bool,
    reasons: list[str],
    bilateral: bool = False,
) -> Verdict:
    """The first rule that holds decides, core before related; `reasons` gets the rule appended."""
    weight = min(0.1, 0.02 * sum(p.mentions for p in bloc + partners + members))
    if bloc and partners and diplomacy and not bilateral:
        reasons.append(f"core: the bloc with an external partner ({', '.join(diplomacy[:4])})")
        return Verdict(CORE, 0.85 + weight, reasons)
    if members and partners and diplomacy:
        reasons.append(
            f"related: a member state with an external partner ({', '.join(diplomacy[:4])})"
        )
        return Verdict(RELATED, 0.55 + weight, reasons)
    # Relations need two sides: the bloc alone (an ASEAN-named forum, award or summit's road
    # closures) is no intra-ASEAN diplomacy without a member as a party.
    if diplomacy and (len(members) >= 2 or (bloc and members)):
        reasons.append(f"related: intra-ASEAN diplomacy ({', '.join(diplomacy[:4])})")
        return Verdict(RELATED, 0.5 + weight, reasons)
    reasons.append(
        "none: no bloc or member in relations with a partner"
        + ("" if diplomacy else " (no word of a relation)")
    )
    return Verdict(NONE, 0.1 * any_strong + weight / 2, reasons)


@lru_cache(maxsize=512)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of an actor's names, as a word, in any case (built once per actor)."""
    return re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in names)})\b", re.IGNORECASE)


def _states_named(
    places: Iterable[str],
    text: str,
    gazetteer: Gazetteer,
    names: Callable[[Actor], tuple[str, ...]],
    fits: Callable[[re.Match[str]], bool],
) -> list[str]:
    """The states among `places` one of whose `names` stands in `text` where `fits` says."""
    found = []
    for actor_id in places:
        actor = gazetteer.actors.get(actor_id)
        if (
            actor is not None
            and actor.type == "state"
            and any(fits(m) for m in _names_pattern(names(actor)).finditer(text))
        ):
            found.append(actor_id)
    return sorted(found)


def _served(
    places: Iterable[str],
    text: str,
    gazetteer: Gazetteer,
    day: date | None,
    members_served: bool = False,
) -> list[str]:
    """Partners the story names only as places, each where a member's aid goes, where its nationals
    are brought home from, where goods under its trade measure come from (`_SERVED` just before the
    name; or the goods named by the state's adjective, `_MEASURED_ORIGIN`) or where its workers are
    sent, in `text`; with `members_served`, the members where another state's aid goes
    ("humanitarian aid to quake-hit Myanmar": aid goes where the disaster struck, a place)."""
    served = [
        a
        for a in places
        if (
            gazetteer.is_member(a, day, observer=True)
            if members_served
            else gazetteer.is_partner(a, day)
        )
    ]
    by_name = _states_named(
        served,
        text,
        gazetteer,
        lambda actor: (*actor.aliases, *actor.metonyms),
        lambda m: bool(
            (_AIDED if members_served else _SERVED).search(text, max(0, m.start() - 120), m.start())
        ),
    )
    # "anti-dumping duties on Chinese, Indian steel": the goods by where they are made
    by_origin = _states_named(
        served,
        text,
        gazetteer,
        lambda actor: actor.demonyms,
        lambda m: bool(_MEASURED_ORIGIN.search(text, max(0, m.start() - 120), m.start())),
    )
    return sorted({*by_name, *by_origin})


# A state's enforcement against another's boats or people: "detained two Vietnamese fishing boats",
# "intercepted four Indonesian fishing boats"; not "arrested 12 Chinese nationals" in a police raid
# at home, which is the home state's business.
_SEIZED_BEFORE = re.compile(
    r"\b(?:detain|seiz|intercept|arrest|apprehend|captur|impound)\w*\s+(?:[\w,-]+\s+){0,3}?$",
    re.IGNORECASE,
)
_SEIZED_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:boats?|vessels?|trawlers?|ships?|fishermen|fishers|crew)\b",
    re.IGNORECASE,
)


def _seized(places: Iterable[str], text: str, gazetteer: Gazetteer) -> list[str]:
    """States the story names only as places whose boats or crews another state's services detain,
    seize or intercept, in the titles or the lead."""
    return _states_named(
        places,
        text,
        gazetteer,
        lambda actor: (*actor.aliases, *actor.demonyms),
        lambda m: bool(
            _SEIZED_BEFORE.search(text, max(0, m.start() - 60), m.start())
            and _SEIZED_AFTER.match(text, m.end())
        ),
    )


def _cohosted_in_lead(lead: str) -> str | None:
    """The lead's sentence in which two governments' bodies stage it together ("co-organised by
    the Republic of Korea's Ministry of Culture ... and Viet Nam's Ministry of Culture ...", "The
    ASEAN Secretariat and the Mission of China to ASEAN jointly held"), not companies with
    officials looking on."""
    found = _COHOST.search(lead)
    if found is None:
        return None
    opened, closed = sentence_bounds(fold(lead), found.start(), found.end())
    sentence = _ALSO_THERE.split(lead[opened:closed], maxsplit=1)[0]
    return sentence if len(_GOVERNMENT_BODY.findall(sentence)) >= 2 else None


def _without_firms_statements(text: str) -> str:
    """The text with firms' joint statements blanked, of the same length."""
    return _FIRMS_JOINT.sub(
        lambda m: m.group()[: m.start(1) - m.start()] + " " * len(m.group(1)), text
    )


def judge(
    presences: list[ActorPresence],
    text: str,
    gazetteer: Gazetteer,
    day: date | None,
    places: Iterable[str] = (),
    body: str = "",
) -> Verdict:
    """Relevance, a score in [0, 1] and the reasons, from a story's actors, the states it names
    only as places, its text (titles and lead) and its first article's `body` (where a relation
    told in one sentence low down is read)."""
    # The bloc counts as any actor does, wherever it is prominent: a venue, a status or a topic is
    # no party (see places/), so a bloc named that way in a bilateral story is not a side. Its
    # names add up ("the Russia-ASEAN ministerial meeting ... Russia and ASEAN" is the bloc twice).
    bloc_mentions = sum(p.mentions for p in presences if gazetteer.is_bloc_side(p.actor))
    # The bloc acting once counts where no member leads: a partner's own story of its dealings
    # with the bloc ("ASEAN has been really clear with us", Australia's prime minister said), not
    # a member's talks with a partner that name the bloc in passing.
    member_leads = any(
        (p.in_title or p.in_lead) and gazetteer.is_member(p.actor, day, observer=True)
        for p in presences
        if p.actor in gazetteer
    )
    strong = [
        p
        for p in presences
        if p.actor in gazetteer
        and (
            p.prominent
            or (bloc_mentions >= 2 and gazetteer.is_bloc_side(p.actor))
            or (gazetteer.is_bloc_side(p.actor) and not member_leads)
        )
    ]
    # the parties named once, below the lead: a side only where the rules below say so
    rest = [p for p in presences if p.actor in gazetteer and p not in strong]
    bloc, partners, members = _bloc_partner_member_sides(strong, gazetteer, day)
    if (
        bloc
        and not partners
        and any(p.in_title or p.in_lead for p in bloc)
        and not any(p.in_title for p in members)
    ):
        # The bloc's own statement or work (it leads the story, no member in the title) with
        # partners it names once below: "Asean calls on Israel and Iran to exercise maximum
        # restraint", "the Government of Japan has provided $26 million" to its disaster centre.
        # Not two members' dispute, where a partner's observers are in passing.
        partners = _bloc_partner_member_sides(rest, gazetteer, day)[1]
    diplomacy = sorted({m.lower() for m in _DIPLOMACY.findall(_without_firms_statements(text))})
    # One side leads and the other is a party once, further down, with two words of a relation in
    # the title and lead: "Union Foreign Minister receives ambassador" with the envoy's state named
    # once below; with no partner there, another member ("the Chiang Rai provincial governor" below
    # a Thai army unit's deal with a Myanmar district). A border crossing or a friendship bridge
    # names no relation of its own.
    relation_words = len(set(diplomacy) - _PASSING_RELATION_WORDS)
    if relation_words >= 2 and not bloc and bool(members) != bool(partners):
        _, more_partners, more_members = _bloc_partner_member_sides(rest, gazetteer, day)
        if members and more_partners:
            partners = more_partners
        elif members:
            members = members + more_members
        else:
            members = more_members
    elif relation_words >= 2 and bloc and not (members or partners):
        # The bloc's own meeting leads, with two words of a relation, and the members that are
        # parties are each named once below the lead: "ASEAN economic ministers announce
        # conclusion of DEFA negotiations" ... "a meeting chaired by Malaysia's minister".
        members = _bloc_partner_member_sides(rest, gazetteer, day)[2]
    reasons = _side_reasons(bloc, partners, members)
    # Sport and culture coverage name states, an embassy or "matches" but are no diplomacy,
    # whatever their actors, when their own words outnumber those of a relation.
    # ... unless the title has the sides sign, adopt, launch or hand over something ("Laos, Vietnam
    # sign sports cooperation plan", "ASEAN sports ministers, Japan adopt work plan", "ASEAN, Korea
    # launch youth cultural exchange programme", "Japan hands over sports equipment to Ministry of
    # Education and Sports").
    title = text.split("\n", 1)[0]
    lead = text[len(title) : len(title) + LEAD_CHARS]
    opened = _OPENED.search(title) is not None and _EACH_OWN.search(lead) is None
    signed = (_SIGNED.search(title) is not None or opened or _returned(title)) and (
        len(partners) + len(members) >= 2 or bool(bloc and (partners or members))
    )
    # ... or the title has two governments' bodies stage it together ("Korean Embassy, Lao culture
    # ministry host K-culture festival").
    # ... or the lead has ("co-organised by the Republic of Korea's Ministry of Culture, Sports and
    # Tourism and Viet Nam's Ministry of Culture, Sports and Tourism").
    staged = _cohosted_in_lead(lead)
    cohosted = (
        (
            len(_GOVERNMENT_BODY.findall(title)) >= 2
            or _COHOST.search(title) is not None
            or staged is not None
        )
        # two sides: a partner and a member or the bloc, or two members each with its body in the
        # lead's sentence ("co-organised by Vietnam's Ministry of Culture, Sports and Tourism and
        # Laos's Ministry of Information, Culture and Tourism"; not one state's two ministries)
        and (
            (bool(partners or bloc) and bool(members or bloc))
            or (
                staged is not None and _bodies_of_two([p.actor for p in members], staged, gazetteer)
            )
        )
    )
    # ... or a sentence anywhere binds two of its states by an instrument, not one of an earlier
    # year: "under a memorandum of understanding signed last month by Indonesia's Ministry of Youth
    # and Sports and Timor-Leste's Secretariat of State" in a story of a football camp
    bound = _bound_in_one_sentence(presences, body, gazetteer, day) if body else None
    for genre, pattern, least, times, spared_by in _GENRES:
        if spared_by is not None and spared_by.search(title):
            # a title of help or of work together: "Australia pledges $2.5 million in flood aid
            # to Vietnam", "ASEAN, Japan hold joint disaster response exercise", "Singapore's
            # rescue team arrives in Myanmar after quake"
            continue
        found = pattern.findall(text)
        if (
            len(found) >= least
            and len(found) > times * len(diplomacy)
            and not (signed or cohosted or (bound is not None and not bound[2]))
        ):
            reasons.append(f"{genre} terms: {', '.join(sorted({w.lower() for w in found})[:5])}")
            return Verdict(NONE, 0.1, reasons)
    if (members or partners) and not bloc:
        seized = [
            a
            for a in _seized(places, text, gazetteer)
            if members or gazetteer.is_member(a, day, observer=True)
        ]
        if seized:
            reasons.append(
                f"related: a state's enforcement against the boats or people of {', '.join(seized)}"
            )
            return Verdict(RELATED, 0.55, reasons)
    if members and not partners:
        served = _served(places, text, gazetteer, day) or _served(
            places, text, gazetteer, day, members_served=True
        )
        if served:
            reasons.append(
                f"related: a member state's aid, nationals or measures in {', '.join(served)}"
            )
            return Verdict(RELATED, 0.55, reasons)
    if partners and not members and not bloc:
        served = _served(places, text, gazetteer, day, members_served=True)
        if served:
            reasons.append(
                f"related: a partner's aid, nationals or measures in {', '.join(served)}"
            )
            return Verdict(RELATED, 0.55, reasons)
    verdict = _by_rules(
        bloc,
        partners,
        members,
        diplomacy,
        bool(strong),
        reasons,
        _bilateral(bloc, partners, members, text, gazetteer, lead),
    )
    if verdict.relevance == NONE and bound is not None:
        reasons[-1] = f"related: {bound[0]} and {bound[1]} bound by an instrument in one sentence"
        return Verdict(RELATED, 0.5, reasons)
    return verdict


# An instrument binding two states, read in one sentence of the body: "under the durian protocol
# between", "under a memorandum of understanding signed by", "under a cooperation arrangement"
# (not a health or security protocol).
_INSTRUMENT = re.compile(
    r"\b(?:memorand(?:um|a) of understanding|mou|memorandum|"
    r"(?<!health )(?<!security )(?<!safety )(?<!medical )(?<!standard )(?<!treatment )"
    r"(?<!testing )(?<!quarantine )(?<!anti-doping )protocol|"
    r"(?:cooperation|bilateral) (?:arrangement|agreement|plan))\b",
    re.IGNORECASE,
)
# ... and the sides it binds named in that sentence: "between X and Y", "signed by X and Y", "X and
# Y signed", "with China's Ministry of Public Security" (not "in line with").
_BINDS = re.compile(r"\b(?:between|signed|signing|inked|(?<!in line )with)\b", re.IGNORECASE)
# Each side a government's body: "China's Ministry of Public Security", "the Royal Thai Police",
# "the General Administration of Customs of China", "the Archaeological Survey of India" (not a
# firm, a federation or a bourse: "Bursa Malaysia", "the Football Association of Thailand", "Japan's
# Takashimaya department store chain").
_BODY_WORDS = (
    r"(?:ministry|ministries|government|police|customs|department(?![- ]stores?)|secretariat|"
    r"authority|agency|administration|commission|embassy|navy|coast guard|armed forces|"
    r"central bank|survey|bureau)"
)
_NAMED_WORDS = r"(?:[A-Z][\w&'’-]*\s+|of\s+|and\s+|for\s+|the\s+)"
_BODY_NAMED = (
    rf"(?=[A-Z]){_NAMED_WORDS}{{0,6}}?(?i:{_BODY_WORDS})\b"
    r"(?:\s+(?:of|for|and|on)\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*)*"
)
# Two bodies by their names, the instrument's sides, one of them the story's own state's,
# unnamed: "between the APSARA National Authority and the Archaeological Survey of India" (not
# "between the Embassy of Japan and Hanoi University of Industry").
_BETWEEN_BODIES = re.compile(
    rf"\bbetween\s+(?:the\s+)?{_BODY_NAMED}\s+and\s+(?:the\s+)?{_BODY_NAMED}"
)
# ... or by the two governments, the states named in that sentence: "to Viet Nam, under a
# memorandum of understanding signed by the two governments in 2016" (not "with the backing of
# both governments", nor a deal of firms "to boost trade between Vietnam and Japan").
_TWO_GOVERNMENTS = re.compile(
    r"\b(?:signed|agreed|concluded|inked)\s+(?:[\w-]+\s+){0,3}?(?:by|between)\s+(?:the|both)\s+"
    r"(?:two\s+)?(?:governments|countries)\b",
    re.IGNORECASE,
)
# An instrument of an earlier year: background in a match report ("signed ... in December 2019",
# "five years ago").
_EARLIER = re.compile(r"\b((?:19|20)\d\d)\b|\byears\s+ago\b")


@lru_cache(maxsize=512)
def _name_of(names: tuple[str, ...]) -> re.Pattern[str]:
    """One of a state's `names`, as written (capitalised: not "us" for the US)."""
    # not a firm's name: "Vietnam Airlines"
    return re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in names)})\b(?![\s-]+[A-Z][a-z])")


def _bodies_of_two(states: list[str], text: str, gazetteer: Gazetteer) -> bool:
    """Two of `states` each have a government body named with them in `text`."""
    return (
        sum(
            1
            for a in states
            if (actor := gazetteer.actors.get(a)) is not None
            and _body_of(tuple(actor.aliases + actor.demonyms)).search(text)
        )
        >= 2
    )


@lru_cache(maxsize=512)
def _body_of(names: tuple[str, ...]) -> re.Pattern[str]:
    """A government body named with one of a state's `names` (as written, capitalised)."""
    name = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"\b(?:{name})(?:['’]s)?\s+{_NAMED_WORDS}{{0,5}}?(?i:{_BODY_WORDS})\b"
        rf"|(?i:{_BODY_WORDS})\s+{_NAMED_WORDS}{{0,6}}?of\s+(?:the\s+)?(?:{name})\b"
    )


def _bound_in_one_sentence(
    presences: list[ActorPresence], body: str, gazetteer: Gazetteer, day: date | None
) -> tuple[str, str, bool] | None:
    """Two of the story's states, a member among them, whose governments one sentence of `body`
    binds by an instrument (a memorandum, a protocol, a cooperation arrangement): a relation told
    quietly in a business, culture or sport story ("the Royal Thai Police had been exchanging
    information ... with China's Ministry of Public Security under a cooperation arrangement").
    Each side is a body named with its state; or the two are named in a sentence of an
    instrument "signed by the two governments"; or a partner's body and the story's own member's,
    unnamed: "the durian protocol between the Ministry of Agriculture and Environment and the
    General Administration of Customs of China". The third value: the instrument is dated to an
    earlier year ("signed in December 2019", "five years ago"), background in a match report."""
    states = [
        (p.actor, actor)
        for p in presences
        if (actor := gazetteer.actors.get(p.actor)) is not None and actor.type == "state"
    ]
    if len(states) < 2 or not any(gazetteer.is_member(a, day) for a, _ in states):
        return None
    prominent = {p.actor: p.in_title or p.in_lead for p in presences}
    folded = fold(body)
    for found in _INSTRUMENT.finditer(body):
        start, end = sentence_bounds(folded, found.start(), found.end())
        sentence = body[start:end]
        if _BINDS.search(sentence) is None:
            continue
        named = [
            a
            for a, actor in states
            if _body_of(tuple(actor.aliases + actor.demonyms)).search(sentence)
        ]
        if len(named) < 2 and _TWO_GOVERNMENTS.search(sentence):
            named = [a for a, actor in states if _name_of(tuple(actor.aliases)).search(sentence)]
        if (
            len(named) == 1
            and not gazetteer.is_member(named[0], day)
            and _BETWEEN_BODIES.search(sentence)
        ):
            named += [
                a
                for a, _ in states
                if a not in named and prominent[a] and gazetteer.is_member(a, day)
            ][:1]
        if len(named) >= 2 and any(gazetteer.is_member(a, day) for a in named[:2]):
            dated = any(
                when.group(1) is None or (day is not None and int(when.group(1)) < day.year)
                for when in _EARLIER.finditer(sentence)
            )
            return named[0], named[1], dated
    return None


# The title's member in apposition as the bloc's chair ("Malaysia's Anwar, as regional chair,
# asks"), not a turn backed ("backs Malaysia as regional chair") nor one looking on.
_CHAIR_TITLED = re.compile(
    r",\s*as\s+(?:the\s+)?(?:current\s+)?(?:regional|bloc['’]s|grouping['’]s|region['’]s)\s+"
    r"(?:chair|chairman|chairperson)\s*,",
    re.IGNORECASE,
)


# An envoy acting as chair of one of the bloc's committees in a third country: "in her capacity
# as chair of the ASEAN Committee in Canberra", "... of the Canberra Committee of the
# Southeast Asian bloc" (not one who "also chairs" it while meeting for their own state, nor a
# committee of the ASEAN Inter-Parliamentary Assembly).
_BLOC_COMMITTEE = re.compile(
    r"\bcapacity\s+as\s+(?:the\s+)?(?:chair|chairman|chairperson|chairwoman)\s+of\s+the\s+"
    r"(?:ASEAN\s+Committee\s+in\b|(?:[\w-]+\s+){0,2}?Committee\s+of\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:ASEAN|(?:Southeast|South-East)\s+Asian\s+"
    r"(?:bloc|grouping|nations|association))\b(?!\s+Inter-Parliamentary))",
    re.IGNORECASE,
)

# ... or one of its bodies described in the lead, acting: "The Jakarta-based regional humanitarian
# coordination centre of the Southeast Asian bloc has dispatched relief", "the secretariat of the
# 11-member grouping said"
_BLOC_BODY_DESCRIBED = re.compile(
    # (not a member as the region's hub: "the financial centre of ASEAN", "at the centre of ASEAN
    # defence cooperation"; nor a member's own "Mission of ASEAN")
    r"\b(?:(?!(?:the|a|financial|business|logistics|economic|trade|commercial|transport|"
    r"shipping|manufacturing|investment|innovation|education|tourism|cultural|political|"
    r"geographic\w*|growth|data|digital|aviation|maritime)\b)(?-i:[a-z-]+\s+(?:cent(?:re|er)|mission))|"
    r"secretariat|committee|fund|facility)\s+of\s+(?:the\s+)?"
    r"(?:(?:\d{1,2}|ten|eleven)-(?:member|nation|country)\s+)?"
    r"(?:ASEAN|(?:Southeast|South-East)\s+Asian\s+(?:bloc|grouping|nations|association)|"
    r"regional\s+(?:bloc|grouping))\b(?!\s+Inter-Parliamentary)",
    re.IGNORECASE,
)

# ... not its seat, where a member is described: "Jakarta, which hosts the secretariat of the
# Southeast Asian bloc"
_HOSTS_BEFORE = re.compile(r"\b(?:hosts|hosting|host\s+to|home\s+to|houses)\s+(?:the\s+)?$")


def _bloc_body_described(lead: str) -> bool:
    """One of the bloc's bodies described at work in the lead (`_BLOC_BODY_DESCRIBED`), not the
    seat a member hosts, which describes the member."""
    return any(
        not _HOSTS_BEFORE.search(lead, max(0, m.start() - 20), m.start())
        for m in _BLOC_BODY_DESCRIBED.finditer(lead)
    )


def _bilateral(
    bloc: list[ActorPresence],
    partners: list[ActorPresence],
    members: list[ActorPresence],
    text: str,
    gazetteer: Gazetteer,
    lead: str,
) -> bool:
    """A member and a partner in the title, the bloc named once or twice and never in the title,
    never beside that partner ("Japan and ASEAN", "the ASEAN-Japan summit"), and in the lead by its
    name alone, not by a body or envoy acting for it: the two states' own relation, the bloc a
    backdrop ("Vietnam, New Zealand upgrade ties", with "ASEAN centrality" further down; "Japan,
    Vietnam agree to step up defense equipment talks" "as Tokyo seeks to deepen security ties with
    Southeast Asian countries")."""
    titled = [p for p in partners if p.in_title]
    if (
        not bloc
        or not titled
        or not any(p.in_title for p in members)
        or any(p.in_title or (p.in_lead and p.actor != "ASEAN") for p in bloc)
        or sum(p.mentions for p in bloc) > BACKDROP_BLOC_MENTIONS
        # the member acts as the bloc's chair in the title: "Malaysia's Anwar, as regional chair,
        # asks U.S. for talks"
        or _CHAIR_TITLED.search(text.split("\n", 1)[0]) is not None
        # the bloc's committee abroad at work in the lead: "in her capacity as chair of the
        # Canberra Committee of the 11-member Southeast Asian bloc, co-chaired the committee's
        # annual dialogue with Australia's Department of Foreign Affairs"
        or _BLOC_COMMITTEE.search(lead) is not None
        or _bloc_body_described(lead)
        # one of the bloc's bodies at work, named again, is no backdrop: "the warehouse is
        # managed by the AHA Centre ... The AHA Centre deployed relief items"; a Secretariat that
        # once "said" the forum's working group would meet is
        or any(
            (actor := gazetteer.actors.get(p.actor)) is not None
            and actor.type == "body"
            and p.mentions >= 2
            for p in bloc
        )
    ):
        return False
    for b in bloc:
        for p in titled:
            if _side_by_side(gazetteer.actors.get(b.actor), gazetteer.actors.get(p.actor), text):
                return False
    return True


_SIDE_BY_SIDE = re.compile(
    r"\s*(?:-|–|/)\s*|\s+(?:and|with)\s+(?:the\s+)?"
    # the bloc's count before its name: "between Canada and the 11-member Southeast Asian community"
    r"(?:(?:\d{1,2}|ten|eleven)(?:-member|-nation|-country|-strong)?\s+)?",
    re.IGNORECASE,
)


def _side_by_side(one: Actor | None, other: Actor | None, text: str) -> bool:
    """The two are named as a pair somewhere in `text`: "Japan and ASEAN", "ASEAN-Japan"."""
    if one is None or other is None:
        return False
    names = [
        [(m.start(), m.end()) for m in _names_pattern(tuple(a.aliases + a.demonyms)).finditer(text)]
        for a in (one, other)
    ]
    return any(
        _SIDE_BY_SIDE.fullmatch(text, min(e1, e2), max(s1, s2)) is not None
        for s1, e1 in names[0]
        for s2, e2 in names[1]
        if e1 <= s2 or e2 <= s1
    )
