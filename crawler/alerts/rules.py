"""Rules -> alerts: one alert per (rule, story), raised the first time the story as it then stands
matches.

Stories waiting to be checked sit in `rule_queue` (written with their grouping). A batch of them is
copied into a scratch FTS5 index in memory and every rule's query runs against that batch only, so
the cost of checking follows the number of new stories and rules, never the size of the archive. A
story already alerted for a rule raises no new alert; its channels get an 'update' entry when
another agency carries it or its lead changes.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from crawler.config import Rule
from crawler.store import Store
from crawler.store.schema import relevance_rank, scratch_fts
from crawler.text import counted

LOGGER = logging.getLogger(__name__)
_OPEN, _CLOSE = "\x02", "\x03"
_MARKED = re.compile(f"{_OPEN}(.*?){_CLOSE}", re.S)
SNIPPET_TOKENS = 28
BATCH = 2000


@dataclass(frozen=True)
class Match:
    rule: str
    story_id: int
    article_id: int
    terms: list[str]
    actors: list[str]
    snippet: str


class ScratchIndex:
    """An in-memory FTS5 index over a batch of articles, with the archive's tokenizer."""

    def __init__(self, articles: list[dict[str, Any]]):
        self.conn = sqlite3.connect(":memory:")
        scratch_fts(self.conn, "batch")
        self.conn.executemany(
            "INSERT INTO batch (rowid, title, body) VALUES (?, ?, ?)",
            [(a["id"], a["title"] or "", a["body"]) for a in articles],
        )

    def search(self, query: str) -> dict[int, tuple[list[str], str]]:
        """{article id: (matched terms, snippet)} for the articles matching query."""
        rows = self.conn.execute(
            f"SELECT rowid, highlight(batch, 0, '{_OPEN}', '{_CLOSE}'),"
            f" snippet(batch, 1, '{_OPEN}', '{_CLOSE}', '…', {SNIPPET_TOKENS})"
            " FROM batch WHERE batch MATCH ?",
            (query,),
        ).fetchall()
        out = {}
        for rowid, title, snippet in rows:
            terms = [
                t.strip() for t in _MARKED.findall(title or "") + _MARKED.findall(snippet or "")
            ]
            out[rowid] = (
                list(dict.fromkeys(t for t in terms if t)),
                snippet.replace(_OPEN, "").replace(_CLOSE, ""),
            )
        return out

    def close(self) -> None:
        self.conn.close()


def _lead(text: str, limit: int = 240) -> str:
    text = " ".join(text[: limit * 2].split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _candidates(
    rule: Rule, index: ScratchIndex, facts: dict[int, dict[str, Any]], story_of: dict[int, int]
) -> tuple[dict[int, int], dict[int, tuple[list[str], str]]]:
    """({story id: article id}, query hits) a rule looks at: with a query, only the stories it hit,
    each at its earliest matching article; without one, every story of the batch."""
    if not rule.query:
        return {sid: 0 for sid, f in facts.items() if f["articles"]}, {}
    hits = index.search(rule.query)
    candidates: dict[int, int] = {}
    for article_id in sorted(hits, key=lambda a: (story_of[a], a)):
        candidates.setdefault(story_of[article_id], article_id)
    return candidates, hits


def _actors(rule: Rule, story: dict[str, Any]) -> set[str]:
    return story["actors"] | story.get("places", set()) if rule.places else story["actors"]


def _actors_and_sources_pass(rule: Rule, story: dict[str, Any]) -> bool:
    """The rule's sources, actors_all, actors_any and actors_none, against what the story holds:
    its parties, and the states it names only as places when the rule opts in (`places`)."""
    actors, sources = _actors(rule, story), story["sources"]
    every, some, none = set(rule.actors_all), set(rule.actors_any), set(rule.actors_none)
    if rule.sources and not sources & set(rule.sources):
        return False
    return not (
        (every and not every <= actors) or (some and not some & actors) or (none and none & actors)
    )


def match_rules(
    rules: tuple[Rule, ...], facts: dict[int, dict[str, Any]], skip: set[tuple[str, int]]
) -> list[Match]:
    """Every (rule, story) of the batch that matches and is not in skip."""
    articles = [a for f in facts.values() for a in f["articles"]]
    rank = {story_id: relevance_rank(f["relevance"]) for story_id, f in facts.items()}
    story_of = {a["id"]: story_id for story_id, f in facts.items() for a in f["articles"]}
    leads: dict[int, str] = {}
    index = ScratchIndex(articles)
    matches: list[Match] = []
    try:
        for rule in rules:
            floor = relevance_rank(rule.min_relevance)
            wanted = set(rule.actors_all) | set(rule.actors_any)
            candidates, hits = _candidates(rule, index, facts, story_of)
            for story_id, article_id in candidates.items():
                story = facts[story_id]
                if (
                    (rule.name, story_id) in skip
                    or rank[story_id] < floor
                    or not _actors_and_sources_pass(rule, story)
                ):
                    continue
                matched_actors = sorted(wanted & _actors(rule, story))
                if rule.query:
                    terms, snippet = hits[article_id]
                    matches.append(
                        Match(rule.name, story_id, article_id, terms, matched_actors, snippet)
                    )
                    continue
                first = story["articles"][0]
                if story_id not in leads:
                    leads[story_id] = _lead(first["body"])
                matches.append(
                    Match(rule.name, story_id, first["id"], [], matched_actors, leads[story_id])
                )
    finally:
        index.close()
    return matches


def evaluate_pending(store: Store, rules: tuple[Rule, ...]) -> list[Match]:
    """Check the queued stories against every rule; raise new alerts and queue updates. Returns new
    alerts."""
    raised: list[Match] = []
    by_name = {r.name: r for r in rules}
    while True:
        with store.write():
            queued = store.alerts.queued_stories(BATCH)
            if not queued:
                break
            story_ids = [s for s, _ in queued]
            joined = dict(queued)
            existing = store.alerts.alerts_for(story_ids) if rules else {}
            facts = store.alerts.story_facts(story_ids)
            matches = match_rules(rules, facts, set(existing)) if rules else []
            for m in matches:
                alert_id = store.alerts.create_alert(
                    m.rule, m.story_id, m.article_id, m.terms, m.actors, m.snippet
                )
                if alert_id is None:
                    continue
                rule = by_name[m.rule]
                for channel in rule.channels:
                    store.outbox.enqueue(alert_id, channel, "new", m.article_id, rule.mode)
                raised.append(m)
            # Stories alerted before: their channels hear of the new carrier or lead in the next
            # digest.
            for (rule_name, story_id), alert_id in existing.items():
                old_rule = by_name.get(rule_name)
                if old_rule is None:
                    continue
                for channel in old_rule.channels:
                    if not store.outbox.first_delivery_pending(alert_id, channel):
                        store.outbox.enqueue(
                            alert_id, channel, "update", joined[story_id], "digest"
                        )
            store.alerts.dequeue_stories(story_ids)
    if raised:
        LOGGER.info("raised %s", counted(len(raised), "alert"))
    return raised


def test_rule(store: Store, rule: Rule, since: str | None) -> list[Match]:
    """What a rule would match among the stored stories (first seen since `since`), without writing
    anything."""
    out: list[Match] = []
    story_ids = store.alerts.stories_since(since)
    for i in range(0, len(story_ids), BATCH):
        facts = store.alerts.story_facts(story_ids[i : i + BATCH])
        out += match_rules((rule,), facts, set())
    return out
