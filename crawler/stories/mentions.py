"""Actor mentions in text: one Aho-Corasick automaton over every alias, case- and
diacritic-insensitive, on word boundaries, with the known traps left out ('Lavrov Street',
'Asean Resources Bhd', 'ASEAN Football Championship') and guarded aliases kept to their context
(guards.py).

A person mentioned while holding a dated role also counts as a mention of the state they stand for
then; a role phrase ('the Russian foreign minister') counts as a mention of the person who holds
that office then (offices.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date

import ahocorasick

from crawler.stories import guards
from crawler.stories.anaphora import bloc_references
from crawler.stories.gazetteer import Gazetteer, Guard
from crawler.stories.offices import OfficePhrases

# Capitalised words that, following a name, make it part of a street, company, venue or sports
# event.
TRAP_WORDS = {
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "boulevard",
    "blvd",
    "lane",
    "square",
    "bridge",
    "station",
    "bhd",
    "berhad",
    "inc",
    "ltd",
    "limited",
    "corp",
    "corporation",
    "plc",
    "llc",
    "tbk",
    "jsc",
    "pte",
    "co",
    "group",
    "holdings",
    "resources",
    "hotel",
    "mall",
    "airport",
    "cup",
    "championship",
    "championships",
    "games",
    "league",
    "fc",
    "open",
    "marathon",
    "tournament",
    "derby",
    "stadium",
    "prize",
    "business",  # "ASEAN Business Advisory Council", "Japan Business Federation"
    "idol",
    "football",
    "soccer",
    "futsal",
    "badminton",
    "volleyball",
    "basketball",
    "athletics",
    "sports",
    "para",
    "airlines",
    "airways",
    "motor",
    "motors",
    "electric",
    "electronics",
    "tobacco",
    "zinc",
    "steel",
    "petroleum",
    "telecom",
    "shipping",
    "orchestra",
}
# A state's sports body is the state's, not a sports name ("the Philippine Sports Commission").
SPORTS_BODIES = {"Commission", "Authority", "Council", "Ministry", "Department", "Agency", "Board"}
TRAP_LOOKAHEAD = 3  # how many following capitalised words may separate a name from its trap word
# Words right after a name that make it a sports or club name even in lower case
# ("ASEAN club semis").
NEXT_WORD_TRAPS = {"club", "clubs", "cup", "championship", "games", "league"}
# ... and a business event or body after the name or a pair, in a headline's capitals too:
# "Asean-Korea business summit draws 500 firms", "a Thai-Japanese business forum", "Asean-Korea
# Business Summit Draws 500 Firms", "an ASEAN-Japan investment forum".
_BUSINESS_EVENT_AFTER = re.compile(
    r"(?:\s*[-–]\s*[A-Z][\w'’-]*)?\s+(?i:(?:business|investment|business\s+and\s+investment)\s+"
    r"(?:summit|forum|conference|council|expo|fair|week|matching|dialogue|awards?|network|club)s?)\b"
)
# Words of a message sent to a government: "conveyed to Naypyitaw" is the government, not the city.
MESSAGE_VERBS = {"conveyed", "communicated", "relayed", "protest", "protests", "appeal", "message"}
# Words of a government's say, before "from" and the state or its capital: "drew criticism from
# Beijing", "a request from Hanoi" (places/agency.py reads the state as acting there).
SAID_FROM = frozenset({
    "criticism", "condemnation", "protest", "protests", "rebuke", "rebukes", "objection",
    "objections", "backlash", "warning", "warnings", "request", "requests", "invitation",
    "invitations", "appeal", "appeals", "assurance", "assurances", "approval",
})  # fmt: skip
# ... and of a message a government sent: "a note verbale from Kuala Lumpur" is the government.
MESSAGE_FROM = SAID_FROM | {"note", "notes", "verbale", "verbales", "communication", "demarche"}
# The government that sits in a capital: "the authorities in Naypyitaw", "the interim government in
# Dhaka" are the state's government, not the city.
GOVERNMENT_IN = {"government", "authorities", "administration", "junta", "regime", "leadership"}
# ... unless it is gone ("after the fall of the government in Damascus", "rebels ousted the
# government in Damascus", "the government in Damascus collapsed") or a rule's, not a government's
# ("the visa-free regime in Thailand", "public administration in Laos"): the place.
GOVERNMENT_GONE = {
    "fall", "collapse", "ouster", "overthrow", "toppling", "ousted", "toppled", "overthrew",
    "overthrown", "deposed",
}  # fmt: skip
GOVERNMENT_GONE_AFTER = {"collapsed", "fell", "crumbled"}
RULES_IN = {
    "visa", "visa-free", "tax", "sanctions", "trade", "public", "customs", "investment",
    "regulatory", "legal", "fiscal", "import", "export", "exchange-rate", "currency",
}  # fmt: skip
# A capital is a metonym ("Moscow said") unless the text uses it as a place: after these words,
# before these.
PLACE_BEFORE = {
    "in",
    "at",
    "to",
    "from",
    "near",
    "into",
    "outside",
    "inside",
    "around",
    "across",
    "via",
    "toward",
    "towards",
    "through",
    "east",
    "west",
    "north",
    "south",
    "central",
    "greater",
    "downtown",
    "suburban",
    "visit",
    "visited",
    "visiting",
    "arrived",
    "reached",
    "left",
}
PLACE_AFTER = {
    "governor",
    "mayor",
    "city",
    "metro",
    "province",
    "provincial",
    "regional",
    "police",
    "airport",
    "residents",
    "area",
    "office",
    "municipal",
    "-based",
}


def _fold_table() -> dict[int, str]:
    """One-to-one folding of accented Latin letters to their base letter, so offsets survive
    folding."""
    table: dict[int, str] = {}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii():
            table[cp] = base
    table.update(
        {
            ord("đ"): "d",
            ord("Đ"): "D",
            ord("ø"): "o",
            ord("Ø"): "O",
            ord("ł"): "l",
            ord("Ł"): "L",
            ord("’"): "'",
            ord("‘"): "'",
            ord("İ"): "I",
            ord("ı"): "i",
            ord("–"): "-",
            ord("—"): "-",
            ord("‑"): "-",
            ord("‐"): "-",
        }
    )
    return table


_FOLD = _fold_table()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(match: re.Match[str]) -> str:
    return _FOLD.get(ord(match.group()), match.group())


def fold(text: str) -> str:
    """Lower-case, without diacritics; same length as text, so offsets carry over."""
    # Only the few non-ASCII letters go through the table: str.translate looks up every character.
    folded = _NON_ASCII.sub(_fold_char, text).lower()
    if len(folded) != len(text):  # a letter whose lower case is longer (rare): fold it one by one
        folded = "".join(
            (c.translate(_FOLD).lower() or c)[:1] if len(c.lower()) == 1 else c for c in text
        )
    return folded


@dataclass(frozen=True)
class Mention:
    actor: str
    start: int
    end: int
    text: str
    via: str | None = None  # the person whose role made this a mention of a state
    office: str | None = None  # the office whose role phrase named this person
    back: bool = False  # "the bloc" after the bloc's name: what it does counts, not how often


@dataclass(frozen=True)
class _Entry:
    actor: str | None  # None: a phrase that hides the names inside it ("South China Sea")
    length: int
    exact: str | None  # short all-capitals aliases (US, UN, EU, ARF) must appear in capitals
    metonym: bool = False
    guard: Guard | None = None  # the context a guarded alias needs
    echo: bool = False  # counts only if the text names the actor elsewhere (a title-case headline)


# A count of members before a bloc's name: "ten-nation", "11-member", "27-country".
_COUNT_BEFORE = re.compile(r"\bthe\s+((?:\d{1,2}|ten|eleven|twelve)-(?:member|nation|country)\s+)$")


class Matcher:
    """Finds gazetteer actors in text; build once, use for many articles."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.automaton = ahocorasick.Automaton()
        entries: dict[str, list[_Entry]] = {}
        for actor in gazetteer.actors.values():
            for name, kind in actor.all_names():
                key = fold(name)
                if not key.strip():
                    continue
                exact = name if name.isupper() and len(name.replace(".", "")) <= 4 else None
                guard = actor.guard_for(name)
                entries.setdefault(key, []).append(
                    _Entry(actor.id, len(key), None if guard else exact, kind == "metonym", guard)
                )
        for phrase in gazetteer.ignore:
            entries.setdefault(fold(phrase), []).append(_Entry(None, len(fold(phrase)), None))
        for key, values in entries.items():
            self.automaton.add_word(key, tuple(values))
        self.automaton.make_automaton()
        self.alias_count = len(entries)
        self.by_name = {k: [e.actor for e in v if e.actor] for k, v in entries.items()}
        # People's names, and those of one word ("Anwar", "Lula"), which others may share
        people = [a for a in gazetteer.actors.values() if a.type == "person"]
        self.own_names = {a.id: [fold(n) for n in a.aliases] for a in people}
        self.one_word = {a.id: {fold(n) for n in a.aliases if " " not in n.strip()} for a in people}
        self.offices = OfficePhrases(gazetteer)
        self.office_actors = {of for of, _office in gazetteer.office_roles}

    def find(self, text: str, day: date | None = None, home: str | None = None) -> list[Mention]:
        """Mentions in text, leftmost-longest, not overlapping; people add their states on `day`.
        `home` is the state the text is written in (its dateline's or agency's), if known."""
        folded = fold(text)
        kept, places = self._longest(self._candidates(text, folded), text, folded)
        kept = self._without_namesakes(kept, text, folded)
        mentions = [
            Mention(e.actor, a, b, text[a:b])
            for a, b, e in _confirmed(kept, places, self.gazetteer)
            if e.actor
        ]
        mentions = [self._counted(m, text, folded) for m in mentions]
        mentions += [
            Mention(actor, a, b, text[a:b], back=back)
            for a, b, actor, back in bloc_references(
                folded, [(m.start, m.end, m.actor) for m in mentions], self.gazetteer, home
            )
        ]
        mentions.sort(key=lambda m: m.start)
        named = mentions + self._role_holders(mentions, text, folded, day)
        return named + self._implied(named, day)

    def _counted(self, m: Mention, text: str, folded: str) -> Mention:
        """A bloc's name takes the count before it ("the ten-nation Southeast Asian association",
        "the 27-member European Union"), as its aliases of that shape do, so the words before the
        count ("ambassadors of the") are read as standing before the bloc."""
        if self.gazetteer.actors[m.actor].type != "bloc" or m.text.isupper():
            return m  # "a 10-member ASEAN delegation": the count is the delegation's
        count = _COUNT_BEFORE.search(folded, max(0, m.start - 20), m.start)
        if count is None:
            return m
        return replace(m, start=count.start(1), text=text[count.start(1) : m.end])

    def _candidates(self, text: str, folded: str) -> list[tuple[int, int, _Entry]]:
        """Every name the automaton finds on word boundaries, written as its entry requires."""
        candidates: list[tuple[int, int, _Entry]] = []
        surnames: dict[str, bool] = {}  # person-like alias -> the text names a person by it
        for end, values in self.automaton.iter(folded):
            for entry in values:
                start = end - entry.length + 1
                if not _on_boundaries(folded, start, end + 1):
                    continue
                if entry.exact is not None and text[start : end + 1] != entry.exact:
                    continue
                if entry.guard is not None and entry.guard.person:
                    alias = entry.guard.alias
                    if alias not in surnames:
                        surnames[alias] = guards.names_a_person(entry.guard, text)
                    if surnames[alias]:
                        continue
                if entry.guard is not None and not guards.passes(
                    entry.guard, text, folded, start, end + 1
                ):
                    if not guards.in_title_case_line(entry.guard, text, start, end + 1):
                        continue
                    entry = replace(entry, echo=True)  # kept if the text names it again
                candidates.append((start, end + 1, entry))
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        return self._without_other_acronyms(candidates, text)

    def _without_other_acronyms(
        self, candidates: list[tuple[int, int, _Entry]], text: str
    ) -> list[tuple[int, int, _Entry]]:
        """An acronym the text spells out as something else ("ARF (Animal Rescue Friends)",
        "Animal Rescue Friends (ARF)") is that thing everywhere in the text, not the actor."""
        others: set[str] = set()
        for start, stop, entry in candidates:
            written = text[start:stop]
            if entry.exact is None or entry.actor is None or written in others:
                continue
            aliases = self.gazetteer.actors[entry.actor].aliases
            if not written.isupper() or written not in aliases:
                continue  # a state's body ("DFA", "JICA") is spelled out in words of its own
            spelled = _spelled_out(text, start, stop)
            # words that name an actor ("AMM (ASEAN Ministers' Meeting)") may be a way of writing
            # the actor's name; only words that name nothing we know are another thing
            if spelled is not None and not self.find(spelled):
                others.add(written)
        if not others:
            return candidates
        return [c for c in candidates if c[2].exact is None or text[c[0] : c[1]] not in others]

    def _longest(
        self, candidates: list[tuple[int, int, _Entry]], text: str, folded: str
    ) -> tuple[list[tuple[int, int, _Entry]], set[str]]:
        """The leftmost-longest candidates that are no trap, and the actors whose capitals appear
        only as places (they still show what a text is about)."""
        kept: list[tuple[int, int, _Entry]] = []
        places: set[str] = set()
        traps: set[str] = set()
        taken_until = -1
        for start, stop, entry in candidates:
            if start < taken_until:
                continue
            taken_until = stop
            if entry.actor is None:
                continue
            phrase = _trap_phrase(text, start, stop)
            if phrase is not None:
                traps.add(fold(phrase))  # the same company or event named again without its suffix
                continue
            # A capital used as a place is dropped here ("Moscow Mayor"); a region is read in its
            # sentence later, where its own government may act ("the Yunnan provincial government").
            if entry.metonym and _used_as_place(folded, start, stop):
                if entry.guard is None or not entry.guard.with_:
                    places.add(entry.actor)
                continue
            kept.append((start, stop, entry))
        kept = [
            (a, b, e)
            for a, b, e in kept
            if not any(folded.startswith(t, a) and len(t) > b - a for t in traps)
        ]
        return kept, places

    def _without_namesakes(
        self, kept: list[tuple[int, int, _Entry]], text: str, folded: str
    ) -> list[tuple[int, int, _Entry]]:
        """A person's one-word name that the text gives to someone else, before a surname none of
        the person's own names has ("Governor Anwar Hafid", not Anwar Ibrahim): every bare use of
        it in the text is then the other person's ("Anwar said")."""
        others = set()
        for start, stop, entry in kept:
            key = folded[start:stop]
            if key not in self.one_word.get(entry.actor or "", ()):
                continue
            after = guards.name_after(text, stop)
            if after is None or guards.in_title_case(text, start, share=0.8):
                continue
            if not any(f"{key} {fold(after)}" in own for own in self.own_names[entry.actor]):
                others.add((entry.actor, key))
        if not others:
            return kept
        return [(a, b, e) for a, b, e in kept if (e.actor, folded[a:b]) not in others]

    def _implied(self, mentions: list[Mention], day: date | None) -> list[Mention]:
        """The states people named by name stand for on `day` (a role phrase already names its
        state)."""
        out = []
        for m in mentions:
            actor = self.gazetteer.actors.get(m.actor)
            if actor is not None and actor.type == "person" and m.office is None:
                for state in actor.states_on(day):
                    out.append(Mention(state, m.start, m.end, m.text, via=actor.id))
        return out

    def _role_holders(
        self, mentions: list[Mention], text: str, folded: str, day: date | None
    ) -> list[Mention]:
        """The people role phrases name: the one holder of the office on `day`."""
        if day is None or not self.gazetteer.offices:
            return []
        out = []
        for m in mentions:
            if m.actor not in self.office_actors:
                continue  # no one ever held an office of this actor: its name alone says it all
            phrase = self.offices.around(text, folded, m.start, m.end)
            if phrase is None:
                continue
            holders = self.gazetteer.holders(m.actor, phrase.office, day)
            if len(holders) == 1:
                out.append(
                    Mention(
                        holders[0],
                        phrase.start,
                        phrase.stop,
                        text[phrase.start : phrase.stop],
                        office=phrase.office,
                    )
                )
        return out

    def resolve(self, query: str) -> list[str]:
        """Actor ids a name resolves to (for `wirewatch actors`)."""
        found = [m for m in self.find(query) if m.start == 0 and m.end == len(query.strip())]
        ids = [m.actor for m in found]
        if not ids:
            ids = [m.actor for m in self.find(query)]
        if not ids:  # a guarded name out of its context ("Kingston" alone) is still its actor's
            ids = self.by_name.get(fold(query.strip()), [])
        return list(dict.fromkeys(ids))


def _confirmed(
    kept: list[tuple[int, int, _Entry]], places: set[str], gazetteer: Gazetteer
) -> list[tuple[int, int, _Entry]]:
    """Guarded names with `with` stay only when the text names one of those actors otherwise
    ("Kingston" beside "Jamaica"; "Georgia" beside "in Tbilisi", "AMS" beside "the ASEAN
    Community Vision 2045", a part of ASEAN), and a title-case headline's person-like name only
    when the text names its actor again ("Chad Closes Border")."""
    named = places | {
        e.actor for _, _, e in kept if not e.echo and (e.guard is None or not e.guard.with_)
    }
    named |= {part for x in named if x and (part := gazetteer.actors[x].part_of)}
    return [
        (a, b, e)
        for a, b, e in kept
        if (not e.echo or e.actor in named)
        and (e.guard is None or not e.guard.with_ or named.intersection(e.guard.with_))
    ]


def _on_boundaries(folded: str, start: int, stop: int) -> bool:
    """Whole words only; a name that ends in a symbol ("US$") needs no boundary after it."""
    before = folded[start - 1] if start > 0 else " "
    after = folded[stop] if stop < len(folded) and folded[stop - 1].isalnum() else " "
    return not before.isalnum() and not after.isalnum()


def _used_as_place(folded: str, start: int, stop: int) -> bool:
    """'in Jakarta', 'East Jakarta', 'Jakarta-based', 'Moscow Mayor': a place, not the government it
    stands for."""
    before = folded[max(0, start - 60) : start].split()
    if before[-2:-1] and before[-2] in MESSAGE_VERBS and before[-1] == "to":
        return False  # "the plan was conveyed to Naypyitaw": the government it was sent to
    if before[-2:-1] and before[-2] in MESSAGE_FROM and before[-1] == "from":
        return False  # "a note verbale from Kuala Lumpur": the government that sent it
    after = folded[stop : stop + 20]
    if before[-1:] == ["in"] and governs(before[:-1], after):
        return False  # "in touch with the authorities in Naypyitaw": the government there
    if before and before[-1].strip(",;:(\"'") in PLACE_BEFORE:
        return True
    if before and before[-1] in {"and", "or"}:
        # the last of a list of places: "in Tokyo and Seoul", "in Tokyo, Osaka and Seoul"
        items = before[:-1]
        while len(items) >= 2 and items[-2].endswith(","):
            items.pop()
        if len(items) >= 2 and items[-2] == "in" and governs(items[:-2], after):
            return False  # "the authorities in Vientiane and Phnom Penh"
        if len(items) >= 2 and items[-2].strip("(\"'") in PLACE_BEFORE:
            return True
    if after.startswith("-based"):
        return True
    words = after.split()
    return bool(words) and words[0].strip(",.;:)\"'") in PLACE_AFTER


def governs(before: list[str], after: str) -> bool:
    """The words before "in <place>" (`before`) end with its government, one that still stands
    and is not a rule's ("the visa-free regime in"); `after`, the text after the place, does not
    say it fell ("collapsed")."""
    return (
        bool(before)
        and before[-1] in GOVERNMENT_IN
        and not GOVERNMENT_GONE & set(before[-5:-1])
        and not RULES_IN & set(before[-2:-1])
        and not GOVERNMENT_GONE_AFTER & {w.strip(",.;:") for w in after.split()[:1]}
    )


_SPELLED_AFTER = re.compile(r"\s*\(([^()]{3,80})\)")
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "de", "&", "in"})


def _spelled_out(text: str, start: int, stop: int) -> str | None:
    """The words an acronym stands for where the text spells it out beside it, their initials
    its letters: "ARF (Animal Rescue Friends)", "Animal Rescue Friends (ARF)"."""
    acronym = text[start:stop]
    after = _SPELLED_AFTER.match(text, stop)
    if after and _initials(after.group(1).split()) == acronym:
        return after.group(1)
    if text.startswith(")", stop) and text[start - 1 : start] == "(":
        words = text[max(0, start - 120) : start - 1].split()
        big = [n for n, w in enumerate(words) if w.lower() not in _SMALL_WORDS]
        if len(big) >= len(acronym):
            spelled = words[big[-len(acronym)] :]
            if _initials(spelled) == acronym:
                return " ".join(spelled)
    return None


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS and w[:1].isalpha())


def _trap_phrase(text: str, start: int, stop: int) -> str | None:
    """The name and the capitalised words that make it a street, company or event
    ('Asean Harvest Agro' of 'Asean Harvest Agro Bhd'), or None when the name stands for the
    actor."""
    words = text[stop : stop + 80].split()
    if words and _core(words[0]).lower() in NEXT_WORD_TRAPS:
        return text[start:stop]
    if _BUSINESS_EVENT_AFTER.match(text, stop):
        return text[start:stop]
    if (
        words
        and words[0][:1] in "-–"
        and words[0][1:2].isupper()
        and "\n" in text[:start]  # not in a headline, whose every word is capitalised
    ):
        # the first of a pair that names a firm or an event: "the US-ASEAN Business Council"
        words[0] = words[0][1:]
    taken: list[str] = []
    for n, word in enumerate(words[:TRAP_LOOKAHEAD]):
        core = _core(word)
        if not core or not (core[0].isupper() or core[0].isdigit()):
            return None
        if core.lower() in TRAP_WORDS:
            if core == "Sports" and _core(" ".join(words[n + 1 : n + 2])) in SPORTS_BODIES:
                return None  # "the Philippine Sports Commission": the state's own body
            if core == "Group" and taken[-1:] == ["Working"]:
                return None  # "the ADMM-Plus Experts' Working Group": a body of officials
            return " ".join([text[start:stop], *taken])
        taken.append(core)
        if word[-1] in ".,;:!?)":
            return None
    return None


def _core(word: str) -> str:
    word = word.strip(".,;:!?'\"()[]’")
    return word[:-2] if word.endswith(("'s", "’s")) else word


@dataclass(frozen=True)
class ActorCount:
    actor: str
    count: int
    first_offset: int
    via: str | None  # set when the state is counted only through a person's role


def count_mentions(mentions: list[Mention]) -> list[ActorCount]:
    """Per actor: how many mentions and where the first is; direct mentions win over role-implied
    ones. "The bloc" after the bloc's name counts only where nothing else names it (after one of
    its own bodies): a story that names the bloc once is not about it for writing "the bloc"."""
    named = {m.actor for m in mentions if not m.back}
    out: dict[str, ActorCount] = {}
    for m in mentions:
        if m.back and (m.actor in named or m.actor in out):
            continue
        prev = out.get(m.actor)
        if prev is None:
            out[m.actor] = ActorCount(m.actor, 1, m.start, m.via)
        else:
            out[m.actor] = ActorCount(
                m.actor,
                prev.count + 1,
                min(prev.first_offset, m.start),
                prev.via if prev.via is not None and m.via is not None else None,
            )
    return sorted(out.values(), key=lambda c: c.first_offset)
