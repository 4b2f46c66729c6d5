"""An outlet's update of its own story: the same source re-publishing under the same headline
(`articles.headline`: an update's mark such as "(LEAD)" or "UPDATE 1-" and the case set aside) at a
new URL, within hours, with a new top (a reaction, a new figure, a second speaker) and the earlier
text trimmed below it. The text may have changed too much for the near-copy and re-telling checks;
the headline has not, and the names and figures the earlier version gave are mostly still there.

A template headline ("China, Laos pledge to deepen cooperation", "N. Korea fires ballistic missile
into East Sea: JCS") comes back the same day for other news: different ministers, another launch.
Those share few names and figures, so the headline alone joins nothing. Over the development sets,
the versions of one story under one headline share at least half of the shorter list (177 pairs);
different news under a template headline, a third or less."""

from __future__ import annotations

import numpy as np

from crawler.stories.rewrites import Described

UPDATE_HOURS = 20.0  # not a daily item, printed a day later under the same headline
# A short headline recurs for different news ("Markets close lower", "News in brief").
MIN_WORDS = 5
# The names and figures (rewrites.anchors) the two must share: how many, and the share of the
# shorter list.
MIN_SHARED = 3
MIN_SHARE = 0.5


def long_enough(headline: str | None) -> bool:
    return headline is not None and len(headline.split()) >= MIN_WORDS


def is_update(later: Described, earlier: Described) -> bool:
    """Printed within UPDATE_HOURS of each other, sharing most of the names and figures."""
    if abs(later.hours - earlier.hours) > UPDATE_HOURS:
        return False
    shorter = min(len(later.anchor_ids), len(earlier.anchor_ids))
    shared = len(np.intersect1d(later.anchor_ids, earlier.anchor_ids))
    return shared >= MIN_SHARED and shared >= MIN_SHARE * shorter
