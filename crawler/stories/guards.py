"""The context a guarded alias needs before it counts: names that are also ordinary words, people's
names or other places ("turkey", "Chad Smith", "Lake Victoria", the song "APT.").

Each guarded alias (the gazetteer's `guarded` list) counts only when
- it is written exactly as in the gazetteer, or stands in a line written all in capitals (a
  headline in capitals);
- it is not a whole quotation (a title: "APT.");
- none of its `not_before` words comes right before it and none of its `not_after` words right
  after it;
- with `person = true`, no other capitalised name stands right next to it ("Chad Smith", "Michael
  Jordan"), except a word of state such as "President" or "Government" ("Chad President", "Jordan
  Government"), and the text names no person by it anywhere (after "Roy Vincent Trinidad", a bare
  "Trinidad said" is his surname); in a headline in title case ("Chad Closes Border") it counts
  when the rest of the text names the same actor;
- with `with`, the same text names one of those actors by another name (Kingston counts in a text
  that names Jamaica).
The last rule needs the whole text and is applied by the matcher once all mentions are found.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crawler.stories.gazetteer import Guard

QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
# Capitalised words that do not make a neighbouring name a person's name: function words that start
# a sentence, and where-words ("In Chad", "Neighbouring Chad").
FUNCTION_WORDS = {
    "a", "about", "across", "after", "against", "also", "although", "among", "an", "and", "as",
    "at", "because", "before", "between", "both", "but", "by", "central", "during", "eastern",
    "even", "for", "from", "how", "if", "in", "including", "inside", "into", "landlocked", "like",
    "meanwhile", "near", "neighbouring", "neighboring", "northern", "now", "of", "on", "only", "or",
    "outside", "over", "since", "so", "southern", "than", "that", "the", "then", "this", "though",
    "through", "to", "toward", "towards", "under", "unlike", "via", "visit", "visiting", "western",
    "what", "when", "where", "whether", "while", "why", "with", "within", "without", "neighbour",
    "neighbor",
}  # fmt: skip
# Capitalised words that go with a state's name and not with a person's ("Chad President",
# "Jordan Foreign Minister", "Sudan Army").
STATE_WORDS = {
    "ambassador", "armed", "army", "authorities", "border", "cabinet", "central", "coast",
    "customs", "defence", "defense", "delegation", "embassy", "emir", "envoy", "forces",
    "foreign", "government", "govt", "interior", "junta", "king", "leader", "leaders", "military",
    "minister", "ministers", "ministry", "mission", "national", "navy", "officials", "parliament",
    "pm", "police", "premier", "president", "presidential", "prime", "queen", "security",
    "senate", "state", "sultan", "troops",
}  # fmt: skip
# Words in lower case that begin a surname ("Leila de Lima", "Anthony dos Santos").
_SURNAME_PARTICLES = {"de", "da", "das", "dos", "del", "dela", "della", "di", "van", "von"}
# Words before a name that make it a person's ("Mr. Jordan", "coach Chad").
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "coach"}
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def passes(guard: Guard, text: str, folded: str, start: int, stop: int) -> bool:
    """Whether the guarded alias at text[start:stop] counts here (every rule but `with`)."""
    written = text[start:stop].replace("\u2019", "'")  # a curly apostrophe is still "St. John's"
    if written != guard.alias and not (
        written == guard.alias.upper() and _in_capitals_line(text, start, stop)
    ):
        return False
    if _quoted(text, start, stop):
        return False
    # The words around the alias are read within its line: a title's last word is not the body's
    # first.
    if guard.not_before:
        window = max(0, start - 40)
        line = folded[window:start].rsplit("\n", 1)
        before = line[-1].rstrip()
        at_start = window == 0 or len(line) > 1
        if any(_ends_with(before, w.lower(), at_start) for w in guard.not_before):
            return False
    if guard.not_after:
        after = folded[stop : stop + 40].split("\n", 1)[0].lstrip()
        if any(_starts_with(after, w.lower()) for w in guard.not_after):
            return False
    return not (
        guard.person
        and _beside_a_name(text, start, stop)
        and not _in_capitals_line(text, start, stop)
    )


def names_a_person(guard: Guard, text: str) -> bool:
    """The text names a person by the alias somewhere ("Rear Admiral Roy Vincent Trinidad"): the
    alias standing alone elsewhere ("Trinidad said") is then that person's surname, not the
    state."""
    if not guard.person:
        return False
    at = text.find(guard.alias)
    while at >= 0:
        stop = at + len(guard.alias)
        if (
            _on_word(text, at, stop)
            and not _name_goes_on(guard, text, stop)
            and _beside_a_name(text, at, stop)
            and not _in_capitals_line(text, at, stop)
            and not in_title_case_line(guard, text, at, stop)
        ):
            return True
        at = text.find(guard.alias, stop)
    return False


def _name_goes_on(guard: Guard, text: str, stop: int) -> bool:
    """One of the alias's `not_after` words follows it: the name of something else ("the Lima
    Declaration"), no person's."""
    after = text[stop : stop + 40].split("\n", 1)[0].lstrip().lower()
    return any(_starts_with(after, w.lower()) for w in guard.not_after)


def _on_word(text: str, start: int, stop: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (
        stop == len(text) or not text[stop].isalnum()
    )


def in_title_case_line(guard: Guard, text: str, start: int, stop: int) -> bool:
    """A person-like alias in a headline written in title case ("Chad Closes Border"), where every
    word is capitalised and the person rule cannot tell: it counts when the rest of the text names
    the same actor (applied by the matcher)."""
    return guard.person and text[start:stop] == guard.alias and in_title_case(text, start)


def _in_capitals_line(text: str, start: int, stop: int) -> bool:
    """The alias stands in a line written all in capitals, with more in it than the alias."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", stop)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    return len(line) > stop - start and line.upper() == line and line.lower() != line


def _quoted(text: str, start: int, stop: int) -> bool:
    """The alias is a whole quotation: a quote mark right before it and one right after it (after
    a full stop or comma inside the quotes: "APT.")."""
    if start == 0 or text[start - 1] not in QUOTES:
        return False
    after = text[stop : stop + 2]
    if after[:1] in (".", ",", "!", "?"):
        after = after[1:]
    return after[:1] != "" and after[0] in QUOTES


def _ends_with(before: str, key: str, at_text_start: bool) -> bool:
    """`before` (the text before the alias, spaces stripped) ends with the whole words `key`."""
    if not before.endswith(key):
        return False
    cut = len(before) - len(key)
    if cut == 0:
        return at_text_start
    return not (before[cut - 1].isalnum() and key[0].isalnum())


def _starts_with(after: str, key: str) -> bool:
    """`after` (the text after the alias, spaces stripped) starts with the whole words `key`."""
    if not after.startswith(key):
        return False
    rest = after[len(key) : len(key) + 1]
    return rest == "" or not (rest.isalnum() and key[-1].isalnum())


def _beside_a_name(text: str, start: int, stop: int) -> bool:
    """A capitalised word right before or after (only spaces between) that is neither a function
    word nor a word of state: the alias is then part of a person's name."""
    before = text[max(0, start - 40) : start]
    if before.endswith((" ", "\t")) and before.strip():
        word = before.split()[-1]
        if word.rstrip(".").lower() in HONORIFICS or word in _SURNAME_PARTICLES:
            return True  # "Mr. Jordan", "Leila de Lima"
        if word[-1].isalnum() and _is_name_word(word):  # "Egypt, Jordan": the comma parts them
            return True
    after = text[stop : stop + 40]
    if after.startswith((" ", "\t")) and after.strip():
        word = after.split()[0]
        if _is_name_word(word):
            return True
    return False


# Capitalised words after a person's name that are no other person's surname ("the Trump
# Administration", "the Takaichi Cabinet", "Marcos Jr").
_AFTER_A_PERSON = {
    "administration", "era", "doctrine", "family", "foundation", "camp", "jr", "sr", "ii", "iii",
    "govt", "regime", "years", "visit",
}  # fmt: skip


def name_after(text: str, stop: int) -> str | None:
    """The capitalised name word right after text[:stop] (a space between; a possessive dropped),
    if it is no function word, no word of state and nothing that follows a person's name."""
    after = text[stop : stop + 40]
    if not after.startswith(" ") or not after.strip():
        return None
    core = _name_core(after.split()[0])
    if core is None or not _may_be_a_name(core) or core.lower() in _AFTER_A_PERSON:
        return None
    return core


def in_title_case(text: str, at: int, share: float = 1.0) -> bool:
    """The line around `at` is a headline in title case: at least `share` of its words of four
    letters or more are capitalised, and it has three of them or more."""
    begin = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = _WORD.findall(text[begin : end if end >= 0 else len(text)])
    long = [w for w in words if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= share * len(long)


def _name_core(word: str) -> str | None:
    """A capitalised word without what follows it and without a possessive ("Hafid's," ->
    "Hafid"); None when the word is not capitalised."""
    match = _WORD.match(word)
    if not match or not match.group()[0].isupper():
        return None
    core = match.group().rstrip("'\u2019")
    return core[:-2] if core.lower().endswith(("'s", "\u2019s")) else core


def _is_name_word(word: str) -> bool:
    core = _name_core(word)
    return core is not None and _may_be_a_name(core)


def _may_be_a_name(core: str) -> bool:
    """Neither a function word nor a word of state."""
    return core.lower() not in FUNCTION_WORDS and core.lower() not in STATE_WORDS
