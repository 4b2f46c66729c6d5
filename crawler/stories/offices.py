"""Role phrases: an office named next to a state instead of its holder's name ("the Russian foreign
minister", "Russia's top diplomat", "the ASEAN Secretary-General", "President of Indonesia").

A role phrase is a mention of a state, bloc or body (by name, demonym or capital, with or without
"'s") followed by one of an office's phrases, or an office's phrase followed by "of" and the
mention. The gazetteer's [[offices]] say which role titles hold each office; the person whose role
of that actor holds it on the article's day is the one the phrase names. With no holder that day,
or several (two acting at once), the phrase names the state alone, which its mention already
counts.

A phrase names no holder when a capitalised name follows it ("Russian Foreign Minister Sergei
Lavrov": the name decides), when it is about another time or someone else ("former", "then",
"a", "deputy"...), or when "of" or "for" follows it ("the Japanese president of Nissan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crawler.stories.gazetteer import Gazetteer

# A word right before the role phrase that makes it someone other than today's holder.
NOT_THE_HOLDER = {
    "a", "an", "another", "any", "each", "every", "no",
    "former", "ex", "late", "then", "previous", "past", "erstwhile",
    "future", "incoming", "next", "would-be", "potential", "possible",
    "deputy", "vice", "first", "second", "third", "last",
}  # fmt: skip
_WORD_BEFORE = re.compile(r"([a-z]+(?:-be)?)[ \t-]*\Z")
_NAME_AFTER = re.compile(r"[ \t]*,?[ \t]+[A-Z\u00c0-\u00de]")
_OTHER_OFFICE_AFTER = re.compile(r"[ \t]+(?:of|for)[ \t]")
_NEXT_WORD = re.compile(r"(?:'s)?[ \t]+([\w-]+)")


@dataclass(frozen=True)
class RolePhrase:
    start: int
    stop: int
    office: str


class OfficePhrases:
    """The offices' phrases as two patterns: after a mention, and before "of" and a mention."""

    def __init__(self, gazetteer: Gazetteer):
        self.office_of: dict[str, str] = {}
        self.exact: dict[str, str] = {}  # short phrases in capitals ("PM") must be written so
        for office in gazetteer.offices.values():
            for phrase in office.phrases:
                key = phrase.lower()
                self.office_of[key] = office.id
                if phrase.isupper() and len(phrase) <= 4:
                    self.exact[key] = phrase
        self.first_words = {k.split()[0] for k in self.office_of}
        alternatives = "|".join(re.escape(k) for k in sorted(self.office_of, key=len, reverse=True))
        self._after = re.compile(rf"(?:'s)?[ \t]+({alternatives})(?![\w-])")
        self._before = re.compile(rf"(?<![\w-])({alternatives})[ \t]+of[ \t]+(?:the[ \t]+)?\Z")

    def around(self, text: str, folded: str, start: int, stop: int) -> RolePhrase | None:
        """The role phrase built on the mention at text[start:stop] that names today's holder of
        an office, if there is one."""
        if not self.office_of:
            return None
        return self._after_mention(text, folded, start, stop) or self._before_mention(
            text, folded, start, stop
        )

    def _after_mention(self, text: str, folded: str, start: int, stop: int) -> RolePhrase | None:
        """'Russian foreign minister', "Russia's top diplomat"."""
        word = _NEXT_WORD.match(folded, stop)
        if word is None or word.group(1) not in self.first_words:  # most mentions: no phrase
            return None
        found = self._after.match(folded, stop)
        if found is None or not self._fits(text, found.start(1), found.end(1)):
            return None
        end = found.end(1)
        if (
            _OTHER_OFFICE_AFTER.match(folded, end)
            or _NAME_AFTER.match(text, end)
            or _word_before(folded, start) in NOT_THE_HOLDER
        ):
            return None
        return RolePhrase(start, end, self.office_of[found.group(1)])

    def _before_mention(self, text: str, folded: str, start: int, stop: int) -> RolePhrase | None:
        """'foreign minister of Russia', 'Secretary-General of ASEAN'."""
        if not folded[max(0, start - 8) : start].rstrip().endswith((" of", " of the")):
            return None
        window = max(0, start - 80)
        found = self._before.search(folded[window:start])
        if found is None:
            return None
        begin, end = window + found.start(1), window + found.end(1)
        if (
            not self._fits(text, begin, end)
            or _NAME_AFTER.match(text, stop)
            or folded.startswith("'s", stop)  # "president of Indonesia's biggest bank"
            or _word_before(folded, begin) in NOT_THE_HOLDER
        ):
            return None
        return RolePhrase(begin, stop, self.office_of[found.group(1)])

    def _fits(self, text: str, start: int, stop: int) -> bool:
        exact = self.exact.get(text[start:stop].lower())
        return exact is None or text[start:stop] == exact


def _word_before(folded: str, start: int) -> str:
    match = _WORD_BEFORE.search(folded, max(0, start - 30), start)
    return match.group(1) if match else ""
