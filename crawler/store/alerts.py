"""Queries on `rule_queue` (stories waiting for their rules) and `alerts` (one per rule and
story)."""

from __future__ import annotations

import json
from typing import Any

from crawler.store.queries import Queries, marks, rows
from crawler.store.schema import utc_now_iso


class AlertQueries(Queries):
    def queue_story(self, story_id: int, article_id: int) -> None:
        self._writing()
        self.conn.execute(
            "INSERT OR REPLACE INTO rule_queue (story_id, article_id, queued_at) VALUES (?, ?, ?)",
            (story_id, article_id, utc_now_iso()),
        )

    def queued_stories(self, limit: int = 5000) -> list[tuple[int, int]]:
        return self.conn.execute(
            "SELECT story_id, article_id FROM rule_queue ORDER BY queued_at LIMIT ?", (limit,)
        ).fetchall()

    def dequeue_stories(self, story_ids: list[int]) -> None:
        self._writing()
        self.conn.execute(
            f"DELETE FROM rule_queue WHERE story_id IN ({marks(len(story_ids))})", story_ids
        )

    def story_facts(self, story_ids: list[int]) -> dict[int, dict[str, Any]]:
        """Relevance, carriers' sources, actors and articles of each story: what rules look at."""
        out: dict[int, dict[str, Any]] = {
            r["id"]: {
                "relevance": r["relevance"],
                "articles": [],
                "sources": set(),
                "actors": set(),
                "places": set(),
            }
            for r in rows(
                self.conn.execute(
                    f"SELECT id, relevance FROM stories WHERE id IN ({marks(len(story_ids))})",
                    story_ids,
                )
            )
        }
        for r in rows(
            self.conn.execute(
                "SELECT id, story_id, source, title, body FROM articles"
                f" WHERE story_id IN ({marks(len(story_ids))})"
                " ORDER BY COALESCE(published_at, fetched_at), id",
                story_ids,
            )
        ):
            out[r["story_id"]]["articles"].append(r)
            out[r["story_id"]]["sources"].add(r["source"])
        for story_id, actor in self.conn.execute(
            f"SELECT story_id, actor FROM story_actors WHERE story_id IN ({marks(len(story_ids))})",
            story_ids,
        ):
            out[story_id]["actors"].add(actor)
        for story_id, actor in self.conn.execute(
            f"SELECT story_id, actor FROM story_places WHERE story_id IN ({marks(len(story_ids))})",
            story_ids,
        ):
            out[story_id]["places"].add(actor)
        return out

    def stories_since(self, since: str | None, limit: int = 100_000) -> list[int]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM stories WHERE first_seen >= ? ORDER BY first_seen LIMIT ?",
                (since or "", limit),
            )
        ]

    def alerts_for(self, story_ids: list[int]) -> dict[tuple[str, int], int]:
        """{(rule, story id): alert id} for the stories."""
        return {
            (r[0], r[1]): r[2]
            for r in self.conn.execute(
                "SELECT rule, story_id, id FROM alerts WHERE story_id IN"
                f" ({marks(len(story_ids))})",
                story_ids,
            )
        }

    def create_alert(
        self,
        rule: str,
        story_id: int,
        article_id: int,
        terms: list[str],
        actors: list[str],
        snippet: str,
    ) -> int | None:
        """The one alert of (rule, story); None when it exists already."""
        self._writing()
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO alerts (rule, story_id, article_id, terms, actors, snippet,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                rule,
                story_id,
                article_id,
                json.dumps(terms, ensure_ascii=False),
                json.dumps(actors),
                snippet,
                utc_now_iso(),
            ),
        )
        return int(cur.lastrowid) if cur.rowcount and cur.lastrowid is not None else None

    def list_alerts(self, failed: bool = False, limit: int = 100) -> list[dict[str, Any]]:
        where = (
            "WHERE EXISTS (SELECT 1 FROM outbox f WHERE f.alert_id = a.id AND f.status = 'failed')"
            if failed
            else ""
        )
        alerts = rows(
            self.conn.execute(
                "SELECT a.id, a.rule, a.story_id, a.created_at, s.title FROM alerts a"
                " JOIN stories s ON s.id = a.story_id"
                f" {where} ORDER BY a.id DESC LIMIT ?",
                (limit,),
            )
        )
        for a in alerts:
            a["outbox"] = rows(
                self.conn.execute(
                    "SELECT channel, kind, status, attempts, last_error, sent_at, next_attempt_at"
                    " FROM outbox"
                    " WHERE alert_id = ? ORDER BY id",
                    (a["id"],),
                )
            )
        return alerts
