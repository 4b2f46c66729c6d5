"""After storage: each article's signature and actors, then its story, then the story's roll-up and
relevance.

`analyze` runs in the extraction workers (CPU work, no database); `Grouper` runs in the crawling
process and does its reads and writes in one write transaction per article, so two processes never
put twins in two stories.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from crawler.extract.agencies import home_state
from crawler.stories.gazetteer import Gazetteer, load_gazetteer
from crawler.stories.mentions import Matcher, Mention, count_mentions, fold
from crawler.stories.places import place_actors
from crawler.stories.places.sport import sport_story
from crawler.stories.relevance import LEAD_CHARS, ActorPresence, judge
from crawler.stories.rewrites import (
    Described,
    RewriteIndex,
    describe,
    entry_of,
    is_rewrite,
    rewrite_rank,
    sources_credited,
    with_alignment,
)
from crawler.stories.rewrites import score as rewrite_score
from crawler.stories.signatures import StoryIndex, signature
from crawler.stories.updates import close_enough, keeps_a_sentence, long_enough

if TYPE_CHECKING:
    from crawler.store import Store

LOGGER = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def matcher_for(path: str | None) -> Matcher:
    """One matcher per gazetteer file and process (building the automaton takes a moment)."""
    return Matcher(load_gazetteer(path))


def _day(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        return datetime.fromisoformat(iso).date()
    except ValueError:
        return None


@dataclass(frozen=True)
class Reading:
    """Who a text names, which of them are places, and why."""

    title: str
    text: str  # title, newline, body
    mentions: list[Mention]
    gazetteer: Gazetteer
    places: set[str]
    home: str | None
    home_party: str  # how the home state is a party: "office", "body" or "" (`place_actors`)
    evidence: dict[str, str]  # how the rules decided each state or bloc (`place_actors`)


def reading(
    title: str | None,
    body: str,
    published_at: str | None,
    gazetteer: str | None = None,
    dateline: str | None = None,
    agency: str | None = None,
) -> Reading:
    """The rules' reading of title + body: mentions, places, and whether the home state is a
    party. The dateline's place and the agency tell whose officials an unnamed "the ministry said"
    speaks for."""
    text = f"{title or ''}\n{body}"
    matcher = matcher_for(gazetteer)
    day = _day(published_at)
    # The state a story is written in: its dateline's ("HANOI", "Moscow"), else its agency's. The
    # home press at home names its own officials unqualified.
    at, agency_home = _dateline_state(matcher, dateline), home_state(agency)
    if at is not None and agency_home not in (None, at) and _away_at_games(text):
        # an outlet's sport copy from abroad ("Paris (ANTARA) - Indonesian weightlifter ..."): the
        # dateline is the Games' venue, and the officials it names unqualified are the outlet's own
        at = agency_home
    # A dateline at a bloc's seat ("BRUSSELS", "UNITED NATIONS") is no state's, nor the outlet's
    # home: an unnamed "the election commission" there is not the agency's state's. A member's own
    # outlet there reports its own diplomacy ("the Department of Foreign Affairs was ready to
    # host"), unless its opening or its sign-off credits another agency, whose copy it re-tells
    # (not one line between: "The council met last month, Reuters reported").
    if (
        at is None
        and agency_home is not None
        and _dateline_names_organisation(matcher, dateline)
        and not (
            matcher.gazetteer.is_member(agency_home, day)
            and not sources_credited(_opening(text), agency)
        )
    ):
        agency_home = None
    home = at or agency_home
    mentions = matcher.find(text, day, home)
    # Copy with no dateline, or one the gazetteer does not place ("GENERAL SANTOS CITY", "Port
    # Blair"), is the outlet's own, at home, unless it names another state's office-holder ("Prime
    # Minister Xanana Gusmao" in an Australian paper): then an unnamed "Finance Minister" may be
    # theirs.
    domestic = (at is not None and at == agency_home) or (
        at is None
        and home is not None
        and not any(m.via is not None and m.actor != home for m in mentions)
    )
    evidence: dict[str, str] = {}
    places, home_party = place_actors(
        text,
        mentions,
        matcher.gazetteer,
        home,
        domestic,
        evidence=evidence,
        year=day.year if day else None,
        day=day,
    )
    return Reading(
        title or "", text, mentions, matcher.gazetteer, places, home, home_party, evidence
    )


# The venue's own government in the Games: "the country was proud to host", "the host nation"
# (not the home side of a match, "beat hosts Thailand").
_HOSTS = re.compile(r"\bto\s+host\b|\bhost\s+(?:country|nation|government|city)\b")


def _away_at_games(text: str) -> bool:
    """Sport copy from abroad in which the venue is not said to host: read at the outlet's home,
    not at its dateline."""
    folded = fold(text)
    return sport_story(folded) and _HOSTS.search(folded) is None


def analyze(
    title: str | None,
    body: str,
    published_at: str | None,
    gazetteer: str | None = None,
    dateline: str | None = None,
    agency: str | None = None,
) -> dict[str, Any]:
    """Signature and rewrite description of the body, and actor counts of title + body, for one
    article (parties and places: `reading`)."""
    blob, size = signature(body)
    r = reading(title, body, published_at, gazetteer, dateline, agency)
    counts = count_mentions(r.mentions)
    # The home state as a party through its leaders or ministers stands where the dateline names
    # it, at the lead, however low its name comes ("Singapore companies in India" below "The Prime
    # Minister will visit"); through its police ("Road closures in KL for 47th Asean Summit"), where
    # its name comes.
    lead = len(r.title) + 1
    actors = [
        (
            c.actor,
            c.count,
            min(c.first_offset, lead)
            if r.home_party == "office" and c.actor == r.home
            else c.first_offset,
            c.via,
        )
        for c in counts
        if c.actor not in r.places
    ]
    if r.home_party and all(c.actor != r.home for c in counts):
        actors.append((r.home, 1, lead, None))  # named by the dateline alone
    return {
        "signature": blob,
        "shingles": size,
        "actors": actors,
        "places": [(c.actor, c.count, c.first_offset) for c in counts if c.actor in r.places],
        "rewrite": describe(body),
    }


def _dateline_state(matcher: Matcher, dateline: str | None) -> str | None:
    """The state a dateline names ("HANOI", "Moscow"), if any."""
    for m in matcher.find(dateline) if dateline else ():
        actor = matcher.gazetteer.actors.get(m.actor)
        if actor is not None and actor.type == "state":
            return m.actor
    return None


SIGN_OFF_CHARS = 40  # a last line this short is a sign-off, not a sentence of the story


def _opening(text: str) -> str:
    """The title, the body's first paragraph and its last line, where a carrier signs off with its
    source ("-- BERNAMA-REUTERS", "(PNA/Xinhua)")."""
    title, _, body = text.partition("\n")
    lines = body.strip().split("\n")
    signed_off = lines[-1] if len(lines) > 1 and len(lines[-1]) <= SIGN_OFF_CHARS else ""
    return f"{title}\n{lines[0]}\n{signed_off}"


def _dateline_names_organisation(matcher: Matcher, dateline: str | None) -> bool:
    """The dateline names a bloc or an organisation ("BRUSSELS", "UNITED NATIONS"), not a state."""
    return any(
        (actor := matcher.gazetteer.actors.get(m.actor)) is not None
        and actor.type in ("bloc", "igo")
        for m in (matcher.find(dateline) if dateline else ())
    )


@dataclass
class Assignment:
    story_id: int
    joined: bool  # True when the article joined an existing story
    relevance: str


class Grouper:
    """Puts articles into stories; holds the LSH index of the recent window."""

    def __init__(self, store: Store, gazetteer_path: str | None = None, window_days: float = 7.0):
        self.store = store
        self.gazetteer_path = gazetteer_path
        self.gazetteer: Gazetteer = matcher_for(gazetteer_path).gazetteer
        self.index = StoryIndex(window_days)
        self.rewrites = RewriteIndex()

    def _refresh(self, seen_at: str) -> str:
        """Bring the index up to date with what this or another process stored; drop what left the
        window. Returns the window's start."""
        cutoff = self.index.cutoff(max(seen_at, self.store.stories.newest_signature() or seen_at))
        self.add_rows(self.store.stories.signatures_after(self.index.last_seq, cutoff))
        self.index.evict(cutoff)
        self.rewrites.evict(cutoff)
        return cutoff

    def add_rows(
        self, rows: list[tuple[int, int, bytes, int, str, str | None, str | None]]
    ) -> None:
        """Index stored analyses (rows of `signatures_after`) in both indexes."""
        self.index.add_many(row[:5] for row in rows)
        self.add_descriptions(rows)

    def add_descriptions(
        self, rows: list[tuple[int, int, bytes, int, str, str | None, str | None]]
    ) -> None:
        """The re-telling half of add_rows."""
        for _, article_id, _, _, seen_at, features, published_at in rows:
            if features is not None:
                self.rewrites.add(article_id, json.loads(features), seen_at, published_at)

    def _analyze(self, art: dict[str, Any]) -> dict[str, Any]:
        """`analyze` of a stored article (a row of `article_text`)."""
        fields = ("title", "body", "published_at")
        return analyze(
            *(art[f] for f in fields), self.gazetteer_path, art["dateline"], art["agency"]
        )

    def assign(self, article_id: int, analysis: dict[str, Any] | None = None) -> Assignment | None:
        """Analyse (unless given), then group one stored article and update its story."""
        with self.store.write():
            return self._assign(article_id, analysis)

    def assign_many(
        self, items: list[tuple[int, dict[str, Any] | None]]
    ) -> list[Assignment | None]:
        """`assign` for several stored articles, in their order, in one write transaction (one
        commit instead of one an article)."""
        with self.store.write():
            return [self._assign(article_id, analysis) for article_id, analysis in items]

    def _assign(self, article_id: int, analysis: dict[str, Any] | None) -> Assignment | None:
        """assign's work; the caller holds the write transaction."""
        art = self.store.stories.article_text(article_id)
        if art is None:
            return None
        if analysis is None:
            analysis = self._analyze(art)
        # The window runs on arrival (fetch) time: re-sent copy arrives within days of its twin,
        # whatever the dates printed on the pages, and a backfill of old articles groups like a
        # live crawl.
        seen_at = art["fetched_at"]
        cutoff = self._refresh(seen_at)  # first: what others stored; then this article's own
        description = analysis.get("rewrite")
        seq = self._save(article_id, analysis, seen_at)
        # Built once: for the lookup of its re-tellings, then for adding it to the window.
        entry = (
            entry_of(description, seen_at, art["published_at"]) if description is not None else None
        )
        story_id, joined = art["story_id"], False
        if story_id is None:
            # Near-copies first (MinHash), then an update, then re-tellings, each best first:
            # (article, how, how alike: the larger of Jaccard and containment, 1 for an update,
            # or the re-telling's log-odds).
            alike = [
                (t, "near-copy", max(jaccard, containment))
                for t, jaccard, containment in self.index.twins(
                    analysis["signature"], analysis["shingles"], exclude=article_id
                )
            ]
            alike += self._updated(article_id, art, entry)
            if description is not None:
                alike += self._retold(article_id, art, description, seen_at, entry)
            stories = self.store.stories.stories_of([t for t, _, _ in alike])
            best = next((found for found in alike if found[0] in stories), None)
            if best is not None:
                via, how, alikeness = best
                story_id, joined = stories[via], True
                self.store.stories.join_story(article_id, story_id, how, via, round(alikeness, 3))
            else:
                story_id = self.store.stories.new_story(article_id)
        if seen_at >= cutoff:
            self.index.add(article_id, analysis["signature"], analysis["shingles"], seen_at)
            if description is not None:
                self.rewrites.add(
                    article_id, description, seen_at, art["published_at"], entry=entry
                )
        self.index.last_seq = max(self.index.last_seq, seq)
        relevance = self.refresh_story(story_id)
        self.store.alerts.queue_story(story_id, article_id)  # rules check it after this batch
        return Assignment(story_id, joined, relevance)

    def _save(self, article_id: int, analysis: dict[str, Any], seen_at: str) -> int:
        """Store one article's analysis (an `analyze` result); returns its place in commit
        order."""
        return self.store.stories.save_analysis(
            article_id,
            analysis["signature"],
            analysis["shingles"],
            seen_at,
            analysis["actors"],
            analysis.get("rewrite"),
            analysis.get("places", ()),
        )

    def _updated(
        self, article_id: int, art: dict[str, Any], entry: Described | None
    ) -> list[tuple[int, str, float]]:
        """The source's article this one updates: the same headline, within hours, most names
        and figures kept (updates.py)."""
        if entry is None or not long_enough(art["headline"]):
            return []
        for other in self.store.stories.same_headline(art["source"], art["headline"], article_id):
            earlier = self.rewrites.entries.get(other)
            if earlier is None or not close_enough(entry, earlier):
                continue  # out of the window, or too far apart to read the text
            text = self.store.stories.article_text(other)
            if text is not None and keeps_a_sentence(art["body"], text["body"]):
                return [(other, "update", 1.0)]
        return []

    def _retold(
        self,
        article_id: int,
        art: dict[str, Any],
        description: dict[str, Any],
        seen_at: str,
        entry: Described | None = None,
    ) -> list[tuple[int, str, float]]:
        """The articles this one re-tells or that re-tell it, best first, as (article,
        "re-telling", the model's log-odds): candidates from the index, aligned sentence by
        sentence against their stored text, their quotes and agencies compared."""
        found = []
        when = art["published_at"] or seen_at
        for m in self.rewrites.candidates(description, when, exclude=article_id, entry=entry):
            other = self.store.stories.article_text(m.article_id)
            if other is not None:
                m = with_alignment(m, art["body"], other["body"], art["agency"], other["agency"])
                if is_rewrite(m):
                    found.append(m)
        return [
            (m.article_id, "re-telling", rewrite_score(m)) for m in sorted(found, key=rewrite_rank)
        ]

    def refresh_story(self, story_id: int) -> str:
        """Recompute a story's roll-up and relevance; the caller holds the write transaction."""
        members = self.store.stories.story_members(story_id)
        titles = {m["id"]: len(m["title"] or "") for m in members}
        # The lead: the first paragraph (at most LEAD_CHARS) after the title.
        leads = {
            m["id"]: titles[m["id"]] + 1 + min(len(m["body"].split("\n", 1)[0]), LEAD_CHARS)
            for m in members
        }
        rows = self.store.stories.article_actor_rows(list(titles))
        presence: dict[str, dict[str, Any]] = {}
        for article_id, actor, count, first_offset, via in rows:
            p = presence.setdefault(
                actor,
                {"articles": 0, "mentions": 0, "title": False, "lead": False, "via": via, "max": 0},
            )
            p["articles"] += 1
            p["mentions"] += count
            p["max"] = max(p["max"], count)
            p["title"] |= first_offset < titles[article_id]
            p["lead"] |= first_offset < leads[article_id]
            if via is None:
                p["via"] = None
        presences = [
            ActorPresence(a, p["max"], p["title"], p["lead"], p["via"]) for a, p in presence.items()
        ]
        places: dict[str, list[int]] = {}
        for _, actor, count in self.store.stories.article_place_rows(list(titles)):
            if actor not in presence:  # a party in another of the story's articles
                tally = places.setdefault(actor, [0, 0])
                tally[0] += 1
                tally[1] += count
        first = members[0]
        text = "\n".join([m["title"] or "" for m in members] + [first["body"][: LEAD_CHARS * 2]])
        day = _day(first["published_at"] or first["fetched_at"])
        verdict = judge(presences, text, self.gazetteer, day, places, first["body"])
        actors = sorted(
            ((a, p["articles"], p["mentions"]) for a, p in presence.items()),
            key=lambda x: (-x[2], x[0]),
        )
        self.store.stories.update_story(
            story_id,
            members,
            actors,
            verdict.relevance,
            verdict.score,
            verdict.reasons,
            sorted(((a, n, m) for a, (n, m) in places.items()), key=lambda x: (-x[2], x[0])),
        )
        return verdict.relevance

    def reanalyze(
        self,
        since: str | None = None,
        batch: int = 200,
        progress: Callable[[int], None] | None = None,
    ) -> tuple[int, int]:
        """Read stored articles again with the current gazetteer and rules (actors, places,
        re-telling description) and recompute their stories' actors and relevance; the stories keep
        their articles, and no rule is checked again, so old stories raise no new alerts. Returns
        (articles read, stories whose relevance changed)."""
        done, touched, last = 0, set(), 0
        while ids := self.store.stories.articles_since(since, last, batch):
            with self.store.write():
                for article_id in ids:
                    art = self.store.stories.article_text(article_id)
                    if art is None:
                        continue
                    analysis = self._analyze(art)
                    self._save(article_id, analysis, art["fetched_at"])
                    if art["story_id"] is not None:
                        touched.add(art["story_id"])
            done, last = done + len(ids), ids[-1]
            if progress is not None:
                progress(len(ids))
        changed = 0
        for story_id in sorted(touched):
            with self.store.write():
                before = self.store.stories.story(story_id)
                after = self.refresh_story(story_id)
            changed += before is not None and before["relevance"] != after
        return done, changed

    def assign_pending(self, up_to: int | None = None) -> int:
        """Group articles stored without a story (an older database, or a crash between the two
        steps); up_to: only those of at most this id."""
        done = 0
        for article_id in self.store.stories.articles_without_story(up_to=up_to):
            if self.assign(article_id) is not None:
                done += 1
        if done:
            LOGGER.info("articles that had no story yet, now in stories: %d", done)
        return done
