"""An article's headline as its outlet re-prints it in an update: the update's mark before it
("(LEAD)", "(2nd LD)", "(URGENT)", "UPDATE 1-", "UPDATE: ", "REFILE-") and the case set aside, so
that `articles.headline` finds the versions of one story under one index."""

from __future__ import annotations

import re

_MARK = re.compile(
    r"^\s*(?:\((?:lead|urgent|updated?|corrected|amended|\d+(?:st|nd|rd|th)\s+ld(?:\s+final)?)\)"
    r"\s*|(?:rpt|refile|corrected|urgent|updated?\s*\d*|wrapup\s*\d*|"
    r"\d+(?:st|nd|rd|th)\s+ld-writethru)\s*(?:[-–]\s*(?=(?-i:[A-Z\d\"'‘“]))|:\s*))+",
    re.IGNORECASE,
)
_NOT_WORD = re.compile(r"[\W_]+")


def headline_key(title: str | None) -> str | None:
    """The headline without an update's mark, in lower case, words joined by single spaces; None
    for none."""
    if not title:
        return None
    key = _NOT_WORD.sub(" ", _MARK.sub("", title)).strip().casefold()
    return key or None
