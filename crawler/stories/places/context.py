"""The text around a name: its sentence, the words right before and after it, where in the story
it stands, and the lists it is part of; what every cue in this package reads."""

from __future__ import annotations

import re

from crawler.stories.mentions import Mention


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Between two states of a list ("Brunei, Cambodia and Laos"; "China and the US").
_LIST_JOIN = re.compile(
    r"^\s*(?:,|and|or|&|/|,\s*and|,\s*or|as well as|,\s*as well as|,?\s*and\s+from)\s*"
    r"(?:the\s+)?"
    # "Canada and the 10 members of the Association of Southeast Asian Nations", "China and the
    # member states of ASEAN", "Japan and the 11 ASEAN"
    r"(?:(?:\d{1,2}|ten|eleven)\s+(?:(?:member states|members|countries)\s+of\s+(?:the\s+)?)?|"
    # "India and the 10-member ASEAN", "Turkiye and the ten-country Southeast Asian association"
    r"(?:\d{1,2}|ten|eleven)-(?:member|nation|country)\s+|"
    r"(?:south-?east\s+)?asia['’]s\s+|region['’]s\s+|"  # "the EU and Southeast Asia's grouping"
    r"member (?:states|countries)\s+of\s+(?:the\s+)?)?$"
    # a bloc's states in a list of states: "leaders of ASEAN countries, Japan and South Korea"
    r"|^\s+(?:countries|nations|member states|members|states)\s*(?:,|and|,\s*and)\s*(?:the\s+)?$"
)
_AND_AFTER_BRACKET = re.compile(r"\s+(?:and|&)\s")
# A short name in brackets after a name: "the Gulf Cooperation Council (GCC)-China Summit".
_ACRONYM = re.compile(r"^\s*\([^)\s]{1,12}\)")
# The title and the body's first two paragraphs say what the story is about: no background there.
LEADING_PARAGRAPHS = 2
_PARAGRAPH_BREAK = re.compile(r"\n+")
# How far around a name the words of its context are read.
WINDOW = 60


def window_after(folded: str, end: int, size: int = WINDOW) -> str:
    """Up to `size` characters after a name, within its line: a title that ends with a state is not
    followed by the first words of the body ("...help Timor-Leste in ASEAN" / "Foreign Minister
    Penny Wong said")."""
    return folded[end : end + size].split("\n", 1)[0]


def window_before(folded: str, start: int, size: int = WINDOW) -> str:
    """Up to `size` characters before a name, within its line."""
    return folded[max(0, start - size) : start].rsplit("\n", 1)[-1]


def quoted(folded: str, start: int) -> bool:
    """The name is inside a direct quotation: someone's words, reported however far away the
    "said" is ("The Government of Japan has provided $26 million ..., " the director said)."""
    paragraph = folded[folded.rfind("\n", 0, start) + 1 : start]
    return paragraph.count('"') % 2 == 1 or paragraph.count("“") > paragraph.count("”")


def in_passing(text: str, start: int) -> bool:
    """Past the middle of the story (title and body) and below its leading paragraphs: where
    background goes."""
    breaks = len(_PARAGRAPH_BREAK.findall(text, 0, start))  # the first ends the title
    return start > len(text) / 2 and breaks > LEADING_PARAGRAPHS


def lists_of(states: list[Mention], folded: str) -> list[list[Mention]]:
    """Mentions grouped into lists joined by commas and "and". A name's initials in brackets right
    after it are part of the name, and the list goes on past them with "and": "to the European
    Union (EU) and Japan", "The Association of Southeast Asian Nations (ASEAN) and the Gulf
    Cooperation Council (GCC) signed" (a comma after the bracket as often closes a clause: "...
    of the Association of Southeast Asian Nations (ASEAN), Timor-Leste's foreign ministry said")."""
    chains: list[list[Mention]] = []
    reach, bracketed = 0, False  # where the last name ends, past its initials in brackets
    for m in states:
        if chains:
            last = chains[-1][-1]
            between = folded[reach : m.start]
            if (
                m.actor == last.actor
                and not bracketed
                and between.strip() == "("
                and folded.startswith(")", m.end)
            ):
                reach, bracketed = m.end + 1, True
                continue
            if _LIST_JOIN.match(between) and (not bracketed or _AND_AFTER_BRACKET.match(between)):
                chains[-1].append(m)
                reach, bracketed = m.end, False
                continue
        chains.append([m])
        reach, bracketed = m.end, False
    return chains


# A sentence ends at a full stop, not at one of initials ("u.s. president", "the u.n. envoy") nor
# of a month's short name ("signed on oct. 28, 2025, by", "in dec. 2025", "sept. 28th").
_NOT_AN_END = r"(?<!\.[a-z])(?<!\b(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec))(?<!\bsept)"
_ENDS_BEFORE = re.compile(rf"{_NOT_AN_END}[.;!?]\s")
_ENDS_AFTER = re.compile(rf"{_NOT_AN_END}[.;!?](?:\s|$)")
# Where sentences end in a whole folded text: at the stops above and at every line break.
SENTENCE_END = re.compile(rf"{_ENDS_BEFORE.pattern}|\n")


# ... and initials that end one, the next opening with a word no name goes on with: "musicians
# trained in the U.S. The U.S. ambassador attended" (not "the U.S. Embassy").
_INITIALS_END = re.compile(r"(?<=\.[a-z])\.\s+(?=(?:the|a|an|it|he|she|they|this|but)\s)")


def sentence_bounds(folded: str, start: int, end: int) -> tuple[int, int]:
    """Where the whole sentence holding folded[start:end] opens and closes, however long ("U.S."
    ends none unless a sentence opens after it)."""
    opened = 0
    for ends in (SENTENCE_END, _INITIALS_END):
        for stop in ends.finditer(folded, 0, start):
            opened = max(opened, stop.end())
    closes = [ends.search(folded, end) for ends in (SENTENCE_END, _INITIALS_END)]
    return opened, min((stop.start() for stop in closes if stop is not None), default=len(folded))


def sentence_parts(folded: str, start: int, end: int) -> tuple[str, str]:
    """This sentence's words before start and from end on."""
    before = _ENDS_BEFORE.split(window_before(folded, start, WINDOW * 2))[-1]
    after = _ENDS_AFTER.split(window_after(folded, end, WINDOW * 2))[0]
    return before, after


# The title line and the body's first sentence (the whole text when there is none).
LEAD = re.compile(r"\n[^\n]*?[.!?](?:\s|$)|$")


def whole_words(before: str, after: str, size: int = WINDOW) -> str:
    """Up to `size` characters each side of a name, without the words the cut splits: "about" cut
    to "bout" is no boxing match."""
    left, right = before[-size:], after[:size]
    if len(before) > size and before[-size - 1].isalnum():
        left = left.partition(" ")[2]
    if len(after) > size and after[size].isalnum():
        right = right.rpartition(" ")[0]
    return left + " " + right


def word_before(folded: str, start: int) -> str | None:
    """The word right before a name, past "the" and a part of the compass ("to the Philippines",
    "in southern Vietnam": "to", "in")."""
    words = window_before(folded, start, 30).split()
    if words and words[-1] in _COMPASS:
        words = words[:-1]  # "in southern Vietnam": "in"
    if words and words[-1] == "the":
        words = words[:-1]
    return words[-1] if words else None


_COMPASS = word_set(
    "southern northern eastern western central south-eastern south-western north-eastern "
    "north-western southeastern southwestern northeastern northwestern"
)


def after_name(folded: str, end: int) -> str:
    """The text after a name, past a short name in brackets ("Gulf Cooperation Council (GCC)")."""
    after = window_after(folded, end, WINDOW + 16)
    found = _ACRONYM.match(after)
    return after[found.end() :] if found else after[:WINDOW]
