"""The two window indexes (near-copies and re-tellings): what leaves the window leaves all of their
structures, and what they find does not depend on the order they were built in (a restarted
crawler and one that ran on agree)."""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.stories.rewrites import MAX_CANDIDATES, RewriteIndex, describe
from crawler.stories.signatures import StoryIndex, signature
from tests.conftest import FIXTURES

SUMMIT = (FIXTURES / "stories" / "summit.txt").read_text("utf-8").strip()
OTHER = (FIXTURES / "stories" / "summit_other_report.txt").read_text("utf-8").strip()
START = datetime.fromisoformat("2026-02-09T08:00:00+00:00")


def at(minutes: int) -> str:
    return (START + timedelta(minutes=minutes)).isoformat()


def test_what_leaves_the_window_leaves_every_structure() -> None:
    """Articles evicted from both indexes leave no signature, bucket, posting or term count
    behind; an article indexed again later stays."""
    story, retold = StoryIndex(), RewriteIndex()
    texts = [SUMMIT, OTHER, SUMMIT.replace("Monday", "Tuesday"), OTHER + "\nMore to follow."]
    for article_id, text in enumerate(texts * 3, start=1):
        blob, size = signature(text)
        story.add(article_id, blob, size, at(article_id))
        retold.add(article_id, describe(text), at(article_id))
    blob, size = signature(SUMMIT)
    story.add(2, blob, size, at(60))  # stored again with a new text, after the others
    retold.add(2, describe(SUMMIT), at(60))
    assert story.evict(at(30)) == retold.evict(at(30)) == 11
    assert list(story.entries) == list(retold.entries) == [2]
    assert [t[0] for t in story.twins(blob, size)] == [2]
    assert set(retold.postings) == set(retold.entries[2].anchor_ids.tolist())
    assert all(list(p) == [2] for p in retold.postings.values())
    assert set(retold.df.values()) == {1}
    assert story.evict(at(90)) == retold.evict(at(90)) == 1
    assert len(story.lsh) == 0 and not story.lsh.query(story.lsh.values[0])
    assert not retold.postings and not retold.df


def _about(names: list[str]) -> dict[str, object]:
    return {"terms": {"summit": 1}, "anchors": names}


def test_among_equally_good_candidates_the_newest_are_scored_whatever_the_history() -> None:
    """When more articles than are scored share as much with a new one (the same two names), the
    newest are scored: in an index that ran on while others came and went, and in one built
    afresh from the same articles."""
    count = MAX_CANDIDATES + 10
    ran_on, fresh = RewriteIndex(), RewriteIndex()
    for article in range(1, count + 1):
        ran_on.add(500 + article, _about(["alpha", "beta"]), at(article))  # gone by the probe
        ran_on.add(article, _about(["alpha", "beta"]), at(100 + article))
        fresh.add(article, _about(["alpha", "beta"]), at(100 + article))
    for index in (ran_on, fresh):  # enough others that two names in 40 articles are uncommon
        for other in range(10_001, 12_001):
            index.add(other, _about([f"x{other}", f"y{other}"]), at(200))
    ran_on.evict(at(100))
    assert sorted(ran_on.entries) == sorted(fresh.entries)
    for index in (ran_on, fresh):
        scored = index.scored(_about(["alpha", "beta"]), at(300))
        assert sorted(m.article_id for m in scored) == list(range(11, count + 1))
