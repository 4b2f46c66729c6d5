"""An outlet's update of its own story: the same source re-publishing under the same headline at a
new URL, within a day, with a new top (a reaction, a new figure, a second speaker) and the earlier
text trimmed below it. The text may have changed too much for the near-copy and re-telling checks;
the headline has not. Over the development sets, every pair of one source's articles under one
headline was one story (177 pairs, all but one within 22 hours)."""

from __future__ import annotations

import re
from datetime import datetime

UPDATE_HOURS = 20.0  # not a daily item, printed a day later under the same headline
# A short headline recurs for different news ("Markets close lower", "News in brief").
MIN_WORDS = 5
# The marks an update puts before the headline: Yonhap's "(LEAD)", "(2nd LD)", Reuters's
# "UPDATE 1-".
_MARKS = ("(LEAD) ", "(2nd LD) ", "(3rd LD) ", "(4th LD) ", "UPDATE 1-", "UPDATE 2-", "UPDATE 3-")
_MARKED = re.compile(r"^(?:\((?:LEAD|\d+(?:st|nd|rd|th) LD)\)\s+|UPDATE \d+\s*-\s*)")


def headline_forms(title: str | None) -> list[str]:
    """The headline as the source may print it in an update, bare and marked; none for a headline
    too short to tell one story from another."""
    bare = _MARKED.sub("", (title or "").strip())
    if len(re.findall(r"\w+", bare)) < MIN_WORDS:
        return []
    return [bare, *(mark + bare for mark in _MARKS)]


def within_update_time(when: str, other: str) -> bool:
    """Published (or, lacking that, fetched) within UPDATE_HOURS of each other."""
    try:
        hours = abs((datetime.fromisoformat(when) - datetime.fromisoformat(other)).total_seconds())
    except ValueError:
        return False
    return hours <= UPDATE_HOURS * 3600
