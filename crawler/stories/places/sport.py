"""Sport: a sentence about a match names its nations as teams, never as parties."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from crawler.stories.places.context import SENTENCE_END, whole_words, word_set

# A score ("won 3-2", "21-15"), not a span of days or years ("June 16-20", "2026-2030").
_MONTHS = word_set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_SCORE = (
    r"(?=\d)"  # fails fast where no digit starts
    + "".join(rf"(?<!\b{month} )" for month in sorted(_MONTHS))
    + r"(?<![\d-])\d{1,3}-\d{1,3}(?![\d-])"
    + rf"(?!\s+(?:{'|'.join(sorted(_MONTHS))})\b)"
    + r"(?!,?\s+(?:19|20)\d\d\b)"  # "16-20, 2025", its month cut off by the window
)
# The words before one "goal" of a match: "a late goal", "the winning goal", "his second goal".
_GOAL_BEFORE = sorted(
    word_set(
        "winning late first second third opening equalising equalizing own headed penalty golden "
        "away consolation decisive stoppage-time injury-time solo a the his her"
    )
)
# A sentence about a match: national names there are teams, not governments. A score or one of
# the strong words is enough; the weak ones (final, title, won) take two.
_SPORT_STRONG = re.compile(
    # "goals" of a match, not "the goals of Saudi Vision 2030", "development goals" or "our goal is
    # a rate that keeps Cambodia competitive"; one "goal" only as a match has it ("a late goal")
    rf"\b({_SCORE}|(?<!development )(?<!climate )(?<!common )(?<!shared )(?<!our )(?<!their )"
    r"(?<!its )goals(?!\s+of\b)|"
    r"(?=goal\b)(?:"
    + "|".join(f"(?<={w} )" for w in _GOAL_BEFORE)
    + r")goal(?!\s+(?:of|is|was|to|for)\b)|"
    r"scored|scoring|striker|goalkeeper|midfielder|defender|winger|medals?|"
    r"tournament|championships?|stadium|world cup|fifa|"
    r"kick-?off|qualifiers?|semi-?finals?|quarter-?finals?|singles|doubles|seeds?|seeded|"
    r"group match|group stage|matchday|fixtures?|motogp|grand prix|formula one|podium|laps?|"
    r"shuttlers|paddlers|cagers|spikers|booters|cricket|twenty20|t20s?|tri-series|wickets?|"
    r"innings|athletes|volleyball|badminton|basketball|futsal|swimming|athletics|bouts?|"
    r"sepak takraw|"
    # a draw's group: "Laos has been drawn in Group B with Vietnam"
    r"drawn\s+(?:in|into)\s+(?:group|pool)\s+[a-h])\b"
)
_SPORT_WEAK = re.compile(
    r"\b(coach|cup|title|match|final|beat|defeated|drew|won|lift|lifted|squad|league|fans|"
    r"victory over|trophy|champions|players|side|(?<!arms )race|rider|riders|circuit|away|manager|"
    r"national team|football|"
    # a title won, not a royal one ("led by the Crown Prince of Kuwait")
    r"titles|crown(?!\s+prince)|edition|contenders)\b"
)


# Governments agreeing on sport, not teams playing: "Malaysia and Japan signed a memorandum of
# understanding on sports cooperation covering ... young athletes".
_SPORT_PACT = re.compile(
    r"\b(?:memorandum of understanding|memoranda of understanding|mous?|moas?|"
    r"(?:signed|sign|signs|inked)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:agreement|memorandum|pact|accord)|"
    r"sports? cooperation)\b"
)


def sport_sentence(before: str, after: str, folded: str) -> bool:
    """The sentence around a name is about a match; in a story about sport (see sport_story), one
    word of a match is enough ("Thailand's bid for a third straight regional title")."""
    around = whole_words(before, after)
    if _SPORT_PACT.search(around):
        return False
    if _SPORT_STRONG.search(around):
        return True
    weak = len(set(_SPORT_WEAK.findall(around)))
    return weak >= 2 or (weak == 1 and sport_story(folded))


@lru_cache(maxsize=4)
def sport_story(folded: str) -> bool:
    """Three sentences or more about a match: the story is about sport. Cached: asked once per
    sentence with a single word of a match, for the article being read."""
    hits = [m.start() for m in _SPORT_STRONG.finditer(folded)]
    if len(hits) < 3:
        return False  # most stories: no sentence need be read
    ends = [m.start() for m in SENTENCE_END.finditer(folded)]
    # governments agreeing on sport, in the title or the lead, make a story of no match: "Malaysia,
    # Japan sign MoU on sports science ... young athletes ... Podium Programme athletes"
    pacts = {bisect.bisect(ends, m.start()) for m in _SPORT_PACT.finditer(folded)}
    if pacts & {0, 1}:
        return False
    return len({bisect.bisect(ends, at) for at in hits}) >= 3
