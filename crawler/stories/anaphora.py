"""A bloc named again by a common noun: wire copy names ASEAN once and then writes "the bloc's
leaders", "the grouping's secretariat", "the association would consider the application", "the
organisation's secretary-general". Each such phrase is a mention of the bloc it refers back to, so
that what it does there counts as the bloc acting (`places/` reads it as any other name).

The phrase refers to the nearest organisation named before it, and only a bloc (ASEAN, the EU; the
bloc for one of its own bodies and meetings, "the ASEAN Secretariat", "the AMM") is taken: when the
nearest is another organisation ("the Gulf Cooperation Council", "BRICS") or a framework with
partners ("RCEP", "the ARF"), or another thing of the same kind is named before the
phrase ("the opposition bloc", "the Malaysian Palm Oil Association", "the sub-regional grouping"),
the phrase is left alone. So is an apposition ("BRICS, the grouping of emerging economies"), which
names nothing new. "The regional body" with nothing before it is ASEAN in a text that names a member
state or one of ASEAN's bodies and no other organisation of states: the region's agencies write it
so.
"""

from __future__ import annotations

import re

from crawler.stories.gazetteer import Gazetteer

# the common noun, after "the", in folded text
_BACK = re.compile(
    r"\bthe\s+(bloc|grouping|association|organi[sz]ation|regional\s+body|"
    r"regional\s+organi[sz]ation)(?![\w-])"
)
# another thing of the same kind named by a word before the noun: "the opposition bloc", "the
# Malaysian Palm Oil Association", "the governing body" ("regional body" is the phrase itself; a
# headline's "on behalf of bloc" names nothing)
_OTHER = re.compile(
    r"\b(?!(?:the|regional|of|for|to|by|on|with|and|a|an)\b)[\w-]+\s+"
    r"(bloc|grouping|association|body|organi[sz]ation)(?![\w-])"
)
# the region's name or its nations, not the bloc's names built on it ("the Southeast Asian bloc")
_REGION = re.compile(
    r"south[\s-]?east\s+asia(?:n(?:\s+(?:nations?|countries|country|states?|neighbou?rs))?)?"
)
_APPOSITION = re.compile(r"\s*(?:,|\(|-|–|—)\s*$")
_UNNAMED = ("regional body", "regional organisation", "regional organization")


def _head(noun: str) -> str:
    """The kind of thing a noun names: "regional body" is a body."""
    last = noun.split()[-1]
    return "organisation" if last.startswith("organi") else last


def bloc_references(
    folded: str,
    mentions: list[tuple[int, int, str]],
    gazetteer: Gazetteer,
    home: str | None = None,
) -> list[tuple[int, int, str, bool]]:
    """(start, end, bloc, back) of each "the bloc", "the grouping", "the association" and "the
    regional body" that refers to a bloc; `back` when it refers back to a name (an unnamed "regional
    body" does not). `mentions` are the names found, as (start, end, actor); `home` the state the
    text is written in, if known."""
    phrases = list(_BACK.finditer(folded))
    if not phrases:
        return []
    named = sorted(mentions)
    organisations = [(a, b, r) for a, b, actor in named if (r := _organisation(actor, gazetteer))]
    others = [
        (m.start(), _head(m.group(1)))
        for m in _OTHER.finditer(folded)
        if not any(a <= m.start() < b or a < m.end() <= b for a, b, _ in named)
    ]
    out = []
    for m in phrases:
        start, end = m.start(1), m.end(1)
        if any(a < end and start < b for a, b, _ in named):
            continue  # part of a name already found ("the regional grouping")
        head = _head(m.group(1))
        if any(at < start and kind == head for at, kind in others):
            continue
        before = [o for o in organisations if o[0] < start]
        # the region's name ("the first Southeast Asian nation to do so") is no organisation named
        # again where one was named by its own name before: "a summit of the BRICS group ... the
        # first Southeast Asian nation to do so. The bloc voiced concern" is BRICS
        by_name = [o for o in before if not _REGION.fullmatch(folded, o[0], o[1])]
        if before:
            _, stop, referent = max(by_name or before)
            if _APPOSITION.match(folded, stop, m.start()) and m.start() - stop < 4:
                continue  # "BRICS, the grouping of ...": the same name, nothing new
            if gazetteer.actors[referent].type == "bloc" and (
                head != "association" or _is_association(referent, gazetteer)
            ):
                out.append((start, end, referent, True))
        elif " ".join(m.group(1).split()) in _UNNAMED and _regional(named, gazetteer, home):
            out.append((start, end, "ASEAN", False))
    return out


def _organisation(actor: str, gazetteer: Gazetteer) -> str | None:
    """What a name stands for when a later "the bloc" may refer to it: a bloc, the bloc a body,
    meeting or framework of its own belongs to ("the ASEAN Secretariat", "the AMM"), the bloc a
    framework of it with one partner is named for ("ACFTA ... on behalf of the bloc"), any
    other organisation or framework itself ("the ARF", "RCEP"); None for states, people and the UN
    ("the world body", never "the bloc")."""
    a = gazetteer.actors.get(actor)
    if a is None or a.type in ("state", "person") or a.id == "UN" or a.part_of == "UN":
        return None
    whole = gazetteer.actors.get(a.part_of) if a.part_of else None
    if whole is not None and whole.type == "bloc":
        return whole.id
    for b in a.involves if a.type == "framework" else ():
        bloc = gazetteer.actors.get(b)
        if bloc is not None and bloc.type == "bloc" and a.name.startswith(f"{bloc.name}-"):
            return bloc.id  # "the ASEAN-China Free Trade Area": the bloc and one partner
    return a.id


def _is_association(actor: str, gazetteer: Gazetteer) -> bool:
    return any("association" in n.lower() for n in gazetteer.actors[actor].aliases)


def _regional(named: list[tuple[int, int, str]], gazetteer: Gazetteer, home: str | None) -> bool:
    """A text written in a member state or naming one or one of ASEAN's bodies, and naming no
    other organisation of states (the UN aside)."""
    if "ASEAN" not in gazetteer:
        return False
    kinds = [_organisation(actor, gazetteer) for _, _, actor in named]
    if any(k is not None and k != "ASEAN" for k in kinds):
        return False
    if home is not None and gazetteer.is_member(home):
        return True
    return any(
        k == "ASEAN" or gazetteer.is_member(a) for (_, _, a), k in zip(named, kinds, strict=True)
    )
