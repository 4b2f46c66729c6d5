"""An outlet's update of its own story: the same source re-publishing under the same headline
(`articles.headline`: an update's mark such as "(LEAD)" or "UPDATE 1-" and the case set aside) at a
new URL, within hours, with a new top (a reaction, a new figure, a second speaker) and the earlier
text trimmed below it. The text may have changed too much for the near-copy and re-telling checks;
the headline has not, and the names and figures the earlier version gave are mostly still there.

A template headline ("China, Laos pledge to deepen cooperation", "N. Korea fires ballistic missile
into East Sea: JCS") comes back the same day for other news: other ministers, another launch. Their
stock names (China, Laos, the Belt and Road) may all be shared, but no sentence is: an update keeps
at least one of the earlier version's sentences, trimmed or not. Over the development sets, every
pair of one source's versions under one headline kept a sentence (172 pairs) and shared at least
half of the shorter list of names and figures."""

from __future__ import annotations

import re

import numpy as np

from crawler.stories.rewrites import Described

UPDATE_HOURS = 20.0  # not a daily item, printed a day later under the same headline
# A short headline recurs for different news ("Markets close lower", "News in brief").
MIN_WORDS = 5
# The names and figures (rewrites.anchors) the two must share: how many (all of a flash's two), and
# the share of the shorter list.
MIN_SHARED = 3
MIN_SHARE = 0.5
# A sentence kept: one of at least KEPT_WORDS words whose words are mostly (Jaccard) in one sentence
# of the other.
KEPT_WORDS = 6
KEPT_JACCARD = 0.7
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+|\n+")
_WORD = re.compile(r"\w+")


def long_enough(headline: str | None) -> bool:
    return headline is not None and len(headline.split()) >= MIN_WORDS


def is_update(later: Described, earlier: Described, later_text: str, earlier_text: str) -> bool:
    """Printed within UPDATE_HOURS of each other, sharing most of the names and figures and at
    least one sentence."""
    return close_enough(later, earlier) and keeps_a_sentence(later_text, earlier_text)


def close_enough(later: Described, earlier: Described) -> bool:
    """Printed within UPDATE_HOURS of each other and sharing most of the names and figures: what
    the two descriptions tell, before either text is read."""
    if abs(later.hours - earlier.hours) > UPDATE_HOURS:
        return False
    shorter = min(len(later.anchor_ids), len(earlier.anchor_ids))
    shared = len(np.intersect1d(later.anchor_ids, earlier.anchor_ids))
    return shorter > 0 and shared >= min(MIN_SHARED, shorter) and shared >= MIN_SHARE * shorter


def keeps_a_sentence(later_text: str, earlier_text: str) -> bool:
    theirs = _sentences(earlier_text)
    return any(
        len(mine & other) >= KEPT_JACCARD * len(mine | other)
        for mine in _sentences(later_text)
        for other in theirs
    )


def _sentences(text: str) -> list[frozenset[str]]:
    """The word sets of the text's sentences of at least KEPT_WORDS words."""
    found = []
    for sentence in _SENTENCE_END.split(text):
        words = _WORD.findall(sentence.lower())
        if len(words) >= KEPT_WORDS:
            found.append(frozenset(words))
    return found
