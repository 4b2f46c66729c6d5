"""Relevance of a story to ASEAN's external relations, by transparent rules over its actors and terms.

- core: ASEAN as a bloc (or its bodies and frameworks) in relations with an external partner;
- related: an ASEAN member's relations with an external partner, or intra-ASEAN diplomacy;
- none: everything else (domestic news, sport, business with a passing mention).

Only prominent actors count: named in a title, in the lead, or more than once. The reasons say which actors and
terms decided, so a user can see why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from crawler.stories.gazetteer import Gazetteer

LEAD_CHARS = 500  # the lead: about the first two paragraphs after the title
CORE, RELATED, NONE = "core", "related", "none"
RANK = {NONE: 0, RELATED: 1, CORE: 2}

_SPORT = re.compile(
    r"\b(football|soccer|futsal|badminton|volleyball|basketball|sepak takraw|athletics|swimmer|striker|goalkeeper|"
    r"midfielder|semi-?final|quarter-?final|kick-?off|match|matches|tournament|championship|medal|medals|"
    r"sea games|para games|mitsubishi electric cup|aff cup|world cup qualifier|coach|squad|scored|fifa)\b", re.I)
_DIPLOMACY = re.compile(
    r"\b(minister|ministers|ministerial|summit|talks|envoy|ambassador|diplomat\w*|foreign affairs|bilateral|"
    r"consensus|treaty|agreement|memorandum|mou|partnership|dialogue|consultations|visit|visits|visited|"
    r"cooperation|border|negotiat\w+|leaders|secretary-general|chair|chairmanship|retreat|declaration|"
    r"sanctions|defence|defense|security|maritime|military|drills|exercise|joint statement|president|"
    r"prime minister|government)\b", re.I)


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


def judge(presences: list[ActorPresence], text: str, gazetteer: Gazetteer, day: date | None) -> Verdict:
    """Relevance, a score in [0, 1] and the reasons, from a story's actors and its text (titles and lead)."""
    strong = [p for p in presences if p.prominent and p.actor in gazetteer]
    bloc, partners, members = [], [], []
    for p in strong:
        actor = gazetteer[p.actor]
        if actor.type == "person":
            continue  # a person counts through the state of their role, already among the presences
        if gazetteer.is_bloc_side(p.actor):
            bloc.append(p)
        elif actor.type == "framework" and "ASEAN" in actor.involves:
            bloc.append(p)
            if actor.partners:
                partners.append(p)  # ARF, EAS, ASEAN Plus Three...: ASEAN with its partners by definition
            partners += [ActorPresence(x, p.mentions, p.in_title, p.in_lead, via=p.actor)
                         for x in actor.involves if x != "ASEAN" and gazetteer.is_partner(x, day)]
        elif gazetteer.is_member(p.actor, day):
            members.append(p)
        elif gazetteer.is_partner(p.actor, day):
            partners.append(p)
    sport = _SPORT.findall(text)
    diplomacy = sorted({m.lower() for m in _DIPLOMACY.findall(text)})
    reasons = [f"bloc: {_label(p)}" for p in bloc] + [f"partner: {_label(p)}" for p in partners]
    reasons += [f"member: {_label(p)}" for p in members]
    if len(sport) >= 2 and len(sport) > len(diplomacy):
        reasons.append(f"sport terms: {', '.join(sorted({s.lower() for s in sport})[:5])}")
        return Verdict(NONE, 0.1, reasons)
    weight = min(0.1, 0.02 * sum(p.mentions for p in bloc + partners + members))
    if bloc and partners:
        reasons.append("core: the bloc with an external partner")
        return Verdict(CORE, 0.85 + weight, reasons)
    if members and partners and diplomacy:
        reasons.append(f"related: a member state with an external partner ({', '.join(diplomacy[:4])})")
        return Verdict(RELATED, 0.55 + weight, reasons)
    if diplomacy and (len(members) >= 2 or (bloc and members) or bloc):
        reasons.append(f"related: intra-ASEAN diplomacy ({', '.join(diplomacy[:4])})")
        return Verdict(RELATED, 0.5 + weight, reasons)
    reasons.append("none: no bloc or member in relations with a partner")
    return Verdict(NONE, 0.1 * bool(strong) + weight / 2, reasons)
