"""Queries on `outbox` (one row per alert, channel and kind) and `deliveries` (one per delivery
run)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from crawler.store.queries import Queries, marks, rows
from crawler.store.schema import utc_now_iso


class OutboxQueries(Queries):
    def enqueue(self, alert_id: int, channel: str, kind: str, article_id: int, mode: str) -> None:
        self._writing()
        self.conn.execute(
            "INSERT OR IGNORE INTO outbox (alert_id, channel, kind, article_id, mode, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (alert_id, channel, kind, article_id, mode, utc_now_iso()),
        )

    def first_delivery_pending(self, alert_id: int, channel: str) -> bool:
        """Whether the alert's first message to channel has not gone out yet (it will show the story
        as it is)."""
        row = self.conn.execute(
            "SELECT status FROM outbox WHERE alert_id = ? AND channel = ? AND kind = 'new'",
            (alert_id, channel),
        ).fetchone()
        return row is not None and row[0] == "pending"

    def due_outbox(self, channel: str, now: str, modes: tuple[str, ...]) -> list[dict[str, Any]]:
        """Pending rows of a channel whose backoff has passed, with their alert, story and rule."""
        return rows(
            self.conn.execute(
                "SELECT o.id, o.alert_id, o.kind, o.article_id, o.mode, o.attempts, a.rule,"
                " a.story_id, a.terms, a.actors, a.snippet, a.created_at FROM outbox o"
                " JOIN alerts a ON a.id = o.alert_id"
                f" WHERE o.channel = ? AND o.status = 'pending' AND o.mode IN ({marks(len(modes))})"
                " AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) ORDER BY a.rule, o.id",
                (channel, *modes, now),
            )
        )

    def story_for_digest(self, story_id: int) -> dict[str, Any]:
        story = rows(
            self.conn.execute(
                "SELECT id, title, first_seen, relevance FROM stories WHERE id = ?", (story_id,)
            )
        )[0]
        story["articles"] = rows(
            self.conn.execute(
                "SELECT id, source, agency, url, title, published_at, fetched_at FROM articles"
                " WHERE story_id = ?"
                " ORDER BY COALESCE(published_at, fetched_at), id",
                (story_id,),
            )
        )
        story["actors"] = [
            r[0]
            for r in self.conn.execute(
                "SELECT actor FROM story_actors WHERE story_id = ? ORDER BY mentions DESC, actor",
                (story_id,),
            )
        ]
        return story

    def last_delivery(self, channel: str) -> datetime | None:
        """When the channel last received a complete digest: the start of the next digest's
        period."""
        row = self.conn.execute(
            "SELECT MAX(finished_at) FROM deliveries WHERE channel = ? AND status = 'sent'",
            (channel,),
        ).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    def channel_summary(self, channel: str) -> dict[str, Any]:
        row = self.conn.execute(
            "SELECT SUM(status = 'pending'), SUM(status = 'failed'), MAX(sent_at) FROM outbox"
            " WHERE channel = ?",
            (channel,),
        ).fetchone()
        return {"pending": row[0] or 0, "failed": row[1] or 0, "last_sent": row[2]}

    def start_delivery(self, channel: str, items: int) -> int:
        self._writing()
        cur = self.conn.execute(
            "INSERT INTO deliveries (channel, started_at, items) VALUES (?, ?, ?)",
            (channel, utc_now_iso(), items),
        )
        return int(cur.lastrowid or 0)

    def finish_delivery(
        self, delivery_id: int, status: str, messages: int, error: str | None
    ) -> None:
        self._writing()
        self.conn.execute(
            "UPDATE deliveries SET finished_at = ?, status = ?, messages = ?, error = ?"
            " WHERE id = ?",
            (utc_now_iso(), status, messages, error, delivery_id),
        )

    def mark_sent(self, outbox_ids: list[int], delivery_id: int) -> None:
        self._writing()
        self.conn.execute(
            "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1,"
            f" delivery_id = ?, last_error = NULL WHERE id IN ({marks(len(outbox_ids))})",
            (utc_now_iso(), delivery_id, *outbox_ids),
        )

    def mark_retry(self, outbox_ids: list[int], error: str, next_attempt_at: str) -> None:
        self._writing()
        self.conn.execute(
            f"UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
            f" WHERE id IN ({marks(len(outbox_ids))})",
            (error, next_attempt_at, *outbox_ids),
        )

    def mark_failed(self, outbox_ids: list[int], error: str) -> None:
        self._writing()
        self.conn.execute(
            f"UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?"
            f" WHERE id IN ({marks(len(outbox_ids))})",
            (error, *outbox_ids),
        )

    def close_cut_off(self, channel: str) -> int:
        """Deliveries of channel left `sending` by a process that died: `interrupted`. Their outbox
        rows are still pending and go out with the next delivery. The caller holds the channel's
        lock, so none of them is still running."""
        self._writing()
        return self.conn.execute(
            "UPDATE deliveries SET status = 'interrupted', finished_at = ?,"
            " error = 'the process ended before the delivery finished'"
            " WHERE channel = ? AND status = 'sending'",
            (utc_now_iso(), channel),
        ).rowcount
