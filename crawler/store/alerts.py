"""Queries on the rule queue, alerts, the outbox and deliveries; part of the store (see store.py)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone
from typing import Any

from crawler.extract.dates import utc_now_iso


def _rows(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _marks(n: int) -> str:
    return ",".join("?" * n)


class AlertTables:
    """Mixed into Store: expects `self.conn` in autocommit mode and `self.write()`."""

    conn: sqlite3.Connection

    # -- the queue of stories whose rules need checking -----------------------------------------------------

    def queue_story(self, story_id: int, article_id: int) -> None:
        self.conn.execute("INSERT OR REPLACE INTO rule_queue (story_id, article_id, queued_at) VALUES (?, ?, ?)",
                          (story_id, article_id, utc_now_iso()))

    def queued_stories(self, limit: int = 5000) -> list[tuple[int, int]]:
        return self.conn.execute("SELECT story_id, article_id FROM rule_queue ORDER BY queued_at LIMIT ?",
                                 (limit,)).fetchall()

    def dequeue_stories(self, story_ids: list[int]) -> None:
        self.conn.execute(f"DELETE FROM rule_queue WHERE story_id IN ({_marks(len(story_ids))})", story_ids)

    def story_facts(self, story_ids: list[int]) -> dict[int, dict[str, Any]]:
        """Relevance, carriers' sources, actors and articles of each story: what rules look at."""
        out: dict[int, dict[str, Any]] = {
            r["id"]: {"relevance": r["relevance"], "articles": [], "sources": set(), "actors": set()}
            for r in _rows(self.conn.execute(f"SELECT id, relevance FROM stories WHERE id IN "
                                             f"({_marks(len(story_ids))})", story_ids))}
        for r in _rows(self.conn.execute(
                f"SELECT id, story_id, source, title, body FROM articles WHERE story_id IN ({_marks(len(story_ids))})"
                " ORDER BY COALESCE(published_at, fetched_at), id", story_ids)):
            out[r["story_id"]]["articles"].append(r)
            out[r["story_id"]]["sources"].add(r["source"])
        for story_id, actor in self.conn.execute(
                f"SELECT story_id, actor FROM story_actors WHERE story_id IN ({_marks(len(story_ids))})", story_ids):
            out[story_id]["actors"].add(actor)
        return out

    def stories_since(self, since: str | None, limit: int = 100_000) -> list[int]:
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM stories WHERE first_seen >= ? ORDER BY first_seen LIMIT ?", (since or "", limit))]

    # -- alerts -----------------------------------------------------------------------------------------------

    def alerts_for(self, story_ids: list[int]) -> dict[tuple[str, int], int]:
        """{(rule, story id): alert id} for the stories."""
        return {(r[0], r[1]): r[2] for r in self.conn.execute(
            f"SELECT rule, story_id, id FROM alerts WHERE story_id IN ({_marks(len(story_ids))})", story_ids)}

    def create_alert(self, rule: str, story_id: int, article_id: int, terms: list[str], actors: list[str],
                     snippet: str) -> int | None:
        """The one alert of (rule, story); None when it exists already."""
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO alerts (rule, story_id, article_id, terms, actors, snippet, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", (rule, story_id, article_id, json.dumps(terms, ensure_ascii=False),
                                              json.dumps(actors), snippet, utc_now_iso()))
        return int(cur.lastrowid) if cur.rowcount and cur.lastrowid is not None else None

    def enqueue(self, alert_id: int, channel: str, kind: str, article_id: int, mode: str) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO outbox (alert_id, channel, kind, article_id, mode, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)", (alert_id, channel, kind, article_id, mode, utc_now_iso()))

    def first_delivery_pending(self, alert_id: int, channel: str) -> bool:
        """Whether the alert's first message to channel has not gone out yet (it will show the story as it is)."""
        row = self.conn.execute("SELECT status FROM outbox WHERE alert_id = ? AND channel = ? AND kind = 'new'",
                                (alert_id, channel)).fetchone()
        return row is not None and row[0] == "pending"

    # -- the outbox -------------------------------------------------------------------------------------------

    def due_outbox(self, channel: str, now: str, modes: tuple[str, ...]) -> list[dict[str, Any]]:
        """Pending rows of a channel whose backoff has passed, with their alert, story and rule."""
        return _rows(self.conn.execute(
            "SELECT o.id, o.alert_id, o.kind, o.article_id, o.mode, o.attempts, a.rule, a.story_id, a.terms,"
            " a.actors, a.snippet, a.created_at FROM outbox o JOIN alerts a ON a.id = o.alert_id"
            f" WHERE o.channel = ? AND o.status = 'pending' AND o.mode IN ({_marks(len(modes))})"
            " AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) ORDER BY a.rule, o.id",
            (channel, *modes, now)))

    def story_for_digest(self, story_id: int) -> dict[str, Any]:
        story = _rows(self.conn.execute("SELECT id, title, first_seen, relevance FROM stories WHERE id = ?",
                                        (story_id,)))[0]
        story["articles"] = _rows(self.conn.execute(
            "SELECT id, source, agency, url, title, published_at, fetched_at FROM articles WHERE story_id = ?"
            " ORDER BY COALESCE(published_at, fetched_at), id", (story_id,)))
        story["actors"] = [r[0] for r in self.conn.execute(
            "SELECT actor FROM story_actors WHERE story_id = ? ORDER BY mentions DESC, actor", (story_id,))]
        return story

    def last_delivery(self, channel: str) -> datetime | None:
        """When the channel last received a complete digest: the start of the next digest's period."""
        row = self.conn.execute("SELECT MAX(finished_at) FROM deliveries WHERE channel = ? AND status = 'sent'",
                                (channel,)).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    def channel_summary(self, channel: str) -> dict[str, Any]:
        row = self.conn.execute(
            "SELECT SUM(status = 'pending'), SUM(status = 'failed'), MAX(sent_at) FROM outbox WHERE channel = ?",
            (channel,)).fetchone()
        return {"pending": row[0] or 0, "failed": row[1] or 0, "last_sent": row[2]}

    def start_delivery(self, channel: str, items: int) -> int:
        cur = self.conn.execute("INSERT INTO deliveries (channel, started_at, items) VALUES (?, ?, ?)",
                                (channel, utc_now_iso(), items))
        return int(cur.lastrowid or 0)

    def finish_delivery(self, delivery_id: int, status: str, messages: int, error: str | None) -> None:
        self.conn.execute("UPDATE deliveries SET finished_at = ?, status = ?, messages = ?, error = ? WHERE id = ?",
                          (utc_now_iso(), status, messages, error, delivery_id))

    def mark_sent(self, outbox_ids: list[int], delivery_id: int) -> None:
        self.conn.execute(
            f"UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, delivery_id = ?,"
            f" last_error = NULL WHERE id IN ({_marks(len(outbox_ids))})", (utc_now_iso(), delivery_id, *outbox_ids))

    def mark_retry(self, outbox_ids: list[int], error: str, next_attempt_at: str) -> None:
        self.conn.execute(
            f"UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
            f" WHERE id IN ({_marks(len(outbox_ids))})", (error, next_attempt_at, *outbox_ids))

    def mark_failed(self, outbox_ids: list[int], error: str) -> None:
        self.conn.execute(
            f"UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?"
            f" WHERE id IN ({_marks(len(outbox_ids))})", (error, *outbox_ids))

    def list_alerts(self, failed: bool = False, limit: int = 100) -> list[dict[str, Any]]:
        where = "WHERE EXISTS (SELECT 1 FROM outbox f WHERE f.alert_id = a.id AND f.status = 'failed')" if failed \
            else ""
        alerts = _rows(self.conn.execute(
            f"SELECT a.id, a.rule, a.story_id, a.created_at, s.title FROM alerts a JOIN stories s ON s.id = a.story_id"
            f" {where} ORDER BY a.id DESC LIMIT ?", (limit,)))
        for a in alerts:
            a["outbox"] = _rows(self.conn.execute(
                "SELECT channel, kind, status, attempts, last_error, sent_at, next_attempt_at FROM outbox"
                " WHERE alert_id = ? ORDER BY id", (a["id"],)))
        return alerts


class DaemonTables:
    """Mixed into Store: the daemon's job runs, source health, housekeeping and status queries."""

    conn: sqlite3.Connection

    def job_last_start(self, job_id: str) -> datetime | None:
        row = self.conn.execute("SELECT last_start FROM job_runs WHERE job_id = ?", (job_id,)).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    def job_started(self, job_id: str, kind: str) -> None:
        with self.write():  # type: ignore[attr-defined]
            self.conn.execute(
                "INSERT INTO job_runs (job_id, kind, last_start) VALUES (?, ?, ?) ON CONFLICT(job_id) DO UPDATE"
                " SET last_start = excluded.last_start", (job_id, kind, utc_now_iso()))

    def job_finished(self, job_id: str, kind: str, status: str, error: str | None, next_run: str | None) -> None:
        with self.write():  # type: ignore[attr-defined]
            self.conn.execute(
                "INSERT INTO job_runs (job_id, kind, last_end, last_status, last_error, next_run)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(job_id) DO UPDATE SET last_end = excluded.last_end,"
                " last_status = excluded.last_status, last_error = excluded.last_error,"
                " next_run = excluded.next_run", (job_id, kind, utc_now_iso(), status, error, next_run))

    def job_rows(self) -> list[dict[str, Any]]:
        return _rows(self.conn.execute("SELECT * FROM job_runs ORDER BY job_id"))

    def recent_runs(self, source: str, n: int) -> list[dict[str, Any]]:
        return _rows(self.conn.execute(
            "SELECT * FROM crawl_runs WHERE source = ? AND finished_at IS NOT NULL ORDER BY id DESC LIMIT ?",
            (source, n)))

    def productive_run_times(self, source: str, n: int) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT started_at FROM crawl_runs WHERE source = ? AND new_articles > 0 ORDER BY id DESC LIMIT ?",
            (source, n))]

    def source_health(self, source: str) -> dict[str, Any] | None:
        rows = _rows(self.conn.execute("SELECT * FROM source_health WHERE source = ?", (source,)))
        return rows[0] if rows else None

    def set_source_health(self, source: str, state: str, detail: str, previous: dict[str, Any] | None) -> None:
        since = previous["since"] if previous and previous["state"] == state else utc_now_iso()
        self.conn.execute(
            "INSERT INTO source_health (source, state, since, detail, notified) VALUES (?, ?, ?, ?, 'ok')"
            " ON CONFLICT(source) DO UPDATE SET state = excluded.state, since = ?, detail = excluded.detail",
            (source, state, since, detail, since))

    def set_health_notified(self, source: str, state: str) -> None:
        self.conn.execute("UPDATE source_health SET notified = ? WHERE source = ?", (state, source))

    def housekeeping(self, prune_revisions_days: float) -> int:
        cutoff = (datetime.now(timezone.utc) - timedelta(days=prune_revisions_days)).isoformat()
        with self.write():  # type: ignore[attr-defined]
            cur = self.conn.execute("DELETE FROM revisions WHERE replaced_at < ?", (cutoff,))
        self.conn.execute("PRAGMA optimize")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return cur.rowcount

    def source_status(self, source: str) -> dict[str, Any]:
        day_ago = (datetime.now(timezone.utc) - timedelta(days=1)).isoformat()
        last = _rows(self.conn.execute(
            "SELECT started_at, status, errors, pages FROM crawl_runs WHERE source = ? ORDER BY id DESC LIMIT 1",
            (source,)))
        ok = self.conn.execute(
            "SELECT MAX(started_at) FROM crawl_runs WHERE source = ? AND status = 'finished' AND"
            " (errors = 0 OR pages > 0)", (source,)).fetchone()[0]
        err = self.conn.execute(
            "SELECT last_at, reason FROM url_outcomes WHERE source = ? AND outcome NOT IN ('seed_read',"
            " 'not_modified') ORDER BY last_at DESC LIMIT 1", (source,)).fetchone()
        total, recent = self.conn.execute(
            "SELECT COUNT(*), SUM(fetched_at >= ?) FROM articles WHERE source = ?", (day_ago, source)).fetchone()
        health = self.source_health(source)
        return {"last_run": last[0]["started_at"] if last else None, "last_status": last[0]["status"] if last
                else None, "last_success": ok, "last_error": f"{err[0][:16]} {err[1]}" if err else None,
                "articles_24h": recent or 0, "articles": total or 0,
                "health": health["state"] if health else "ok"}
