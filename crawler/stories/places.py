"""Parties and places: a state named only as a place, market or origin (demand from Chinese buyers,
shipments to the US, a flight bound for Japan, goods made in Korea, a venue in Singapore) is not a
party to the story, and must not make a trade or tourism figure look like foreign relations.

Each mention of a state is read in its sentence: the words before it (a preposition after a noun of
trade or travel, a made-in) and after it (buyers, tourists, market, -made, -bound) make it a place;
the words of a relation (visit to, ties with, ambassador to) make it a party. A state is a place in
an article when every mention of it reads as a place; one mention as a party makes it a party.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from crawler.stories.gazetteer import Gazetteer
from crawler.stories.mentions import Mention, fold

# A preposition right before the name ...
_PREPOSITIONS = {"to", "from", "in", "into", "at", "via", "across", "for", "throughout", "inside"}
# A ranking: "the largest after China", "more than Japan" (a list, "including Japan", may name
# parties as well as places).
_RANKING = {"after", "than", "behind"}
_RANKING_PHRASES = ("ahead of", "followed by")
# "Kuala Lumpur, Malaysia", "MANILA, Philippines —": the state of a city named just before.
_CITY_BEFORE = re.compile(r"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,\s*$")
# ... reads as a place unless a word of relation comes just before it.
_RELATION_BEFORE = re.compile(
    r"\b(visit|visits|visited|visiting|trip|travel|travelled|traveled|tour|mission|delegation|"
    r"ambassador|envoy|embassy|consul|relations|ties|talks|dialogue|partnership|pact|deal|treaty|"
    r"agreement|protest|call|calls|appeal|message|letter|note|support|aid|assistance|loan|grant|"
    r"donation|sanctions|tariffs?|duties|pressure|response|reply|objection|proposal|offer|"
    r"commitment|pledge|solidarity|condolences|thanks|gratitude|threat|warning|demand that|"
    r"accession|membership|bid|sent|send|sends|handed|delivered|returned|deported|extradited)\W+"
    r"(?:\w+\W+){0,2}$"
)
# Nouns of trade, travel and origin: "exports to", "tourists from", "made in".
_PLACE_NOUNS = re.compile(
    r"\b(exports?|imports?|shipments?|shipped|cargo|freight|flights?|flight|route|routes|"
    r"arrivals|tourists?|visitors|travellers|travelers|passengers|students|workers|migrants|"
    r"buyers|demand|sales|sold|market|markets|investors|investment|investments|fdi|capital|"
    r"made|manufactured|produced|grown|sourced|imported|exported|bound|headed|destined|"
    r"plant|factory|branch|office|offices|subsidiary|operations|stores|outlets|based|"
    r"holiday|vacation|studies|study|concert|concerts|tournament|match|festival|premiere|"
    r"screening|exhibition|tour|translated|translation|dubbed|subtitled|fluent|speaks|"
    r"hypermarkets|supermarkets|retail|ran|headed|expansion)\b"
)
_PLACE_AFTER = re.compile(
    r"^(?:-based|-bound|-made|-built|-listed|-born|\s+(?:buyers|tourists|visitors|travellers|"
    r"travelers|consumers|shoppers|investors|companies|firms|brands|cars|vehicles|products|goods|"
    r"exports|imports|market|markets|demand|arrivals|passengers|students|workers|nationals|fans|"
    r"cuisine|food|dishes|restaurants|films|dramas|music|artists|singers|players|team|side|"
    r"squad|club|league|clubs|stocks|shares|bonds|equities|index|economy|growth|inflation|"
    r"gdp|currency|yuan|yen|won|rupee|dollar|beef|rice|coffee|steel|chips|branch|supply|"
    r"supplies|grain|executive|executives|coach|novel|translator|writer|author|retail|unit|"
    r"literary|art|film|director|chef|tourism|economy|language|-[a-z]+ (?:translator|writer|"
    r"artist|author|singer|actor|actress)))\b"
    r"|^'s\s+(?:\w+\s+){0,2}(?:exports|imports|economy|gdp|growth|inflation|market|markets|"
    r"shares|stocks|output|production|harvest|exporters|retail|largest|biggest|top)\b"
)
# A sentence about a match: national names there are teams, not governments.
_SPORT = re.compile(
    r"\b(\d+-\d+|goals?|scored|striker|coach|cup|title|match|semi-?final|final|tournament|"
    r"beat|defeated|drew|won|lift|lifted|medals?|squad|league|championship|fans|stadium|"
    r"kick-?off|victory over|qualifiers?)\b"
)
# A name right after another place in a list ("to China, the United States and India").
_LIST_JOIN = re.compile(r"^\s*(?:,|and|or|,\s*and|,\s*or)\s*(?:the\s+)?$")
# How far before a name the words of its context are read.
_WINDOW = 60


def place_actors(text: str, mentions: Iterable[Mention], gazetteer: Gazetteer) -> set[str]:
    """The states that every mention in `text` names only as a place."""
    folded = fold(text)
    party: set[str] = set()
    place: set[str] = set()
    last_place_end = -100
    last_end = -100
    for m in sorted(mentions, key=lambda m: m.start):
        actor = gazetteer.actors.get(m.actor)
        after_mention, last_end = m.start - last_end <= 3, m.end
        if actor is None or actor.type != "state" or m.via is not None:
            party.add(m.actor)  # blocs, bodies, people, and states through their office-holders
            continue
        listed = last_place_end >= 0 and bool(_LIST_JOIN.match(folded[last_place_end : m.start]))
        # Not after another state of a list ("Brunei, Cambodia").
        city = not after_mention and bool(_CITY_BEFORE.search(text[max(0, m.start - 40) : m.start]))
        if listed or city or reads_as_place(folded, m.start, m.end):
            place.add(m.actor)
            last_place_end = m.end
        else:
            party.add(m.actor)
            last_place_end = -100
    return place - party


def reads_as_place(folded: str, start: int, end: int) -> bool:
    """Whether the name at folded[start:end] is a place in its sentence."""
    after = folded[end : end + 40]
    if _PLACE_AFTER.match(after):
        return True
    before = folded[max(0, start - _WINDOW) : start]
    before = re.split(r"[.;!?\n]", before)[-1]  # this sentence only
    sentence = before + folded[start : start + _WINDOW].split(".")[0]
    if _SPORT.search(sentence):
        return True
    words = re.findall(r"[\w-]+", before)
    if not words:
        return False
    if words[-1] == "the" and len(words) > 1:
        words = words[:-1]
    if words[-1] in _RANKING or " ".join(words[-2:]) in _RANKING_PHRASES:
        return True
    if words[-1] not in _PREPOSITIONS:
        return False
    if _RELATION_BEFORE.search(" ".join(words[:-1]) + " "):
        return False
    # "exports to", "tourists from", "made in", "a plant in": trade, travel, origin.
    return bool(_PLACE_NOUNS.search(" ".join(words[-6:-1]))) or words[-1] in {"in", "at", "inside"}
