"""Queries on the daemon's memory: `job_runs` and `source_health`, and the per-source status it
reports."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from crawler.store.queries import Queries, rows
from crawler.store.schema import utc_now_iso


class JobQueries(Queries):
    def job_last_start(self, job_id: str) -> datetime | None:
        row = self.conn.execute(
            "SELECT last_start FROM job_runs WHERE job_id = ?", (job_id,)
        ).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    def job_started(self, job_id: str, kind: str) -> None:
        self._writing()
        self.conn.execute(
            "INSERT INTO job_runs (job_id, kind, last_start) VALUES (?, ?, ?)"
            " ON CONFLICT(job_id) DO UPDATE SET last_start = excluded.last_start",
            (job_id, kind, utc_now_iso()),
        )

    def job_finished(
        self, job_id: str, kind: str, status: str, error: str | None, next_run: str | None
    ) -> None:
        self._writing()
        self.conn.execute(
            "INSERT INTO job_runs (job_id, kind, last_end, last_status, last_error, next_run)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(job_id) DO UPDATE"
            " SET last_end = excluded.last_end,"
            " last_status = excluded.last_status, last_error = excluded.last_error,"
            " next_run = excluded.next_run",
            (job_id, kind, utc_now_iso(), status, error, next_run),
        )

    def job_rows(self) -> list[dict[str, Any]]:
        return rows(self.conn.execute("SELECT * FROM job_runs ORDER BY job_id"))

    def source_health(self, source: str) -> dict[str, Any] | None:
        found = self._rows("SELECT * FROM source_health WHERE source = ?", (source,))
        return found[0] if found else None

    def set_source_health(
        self, source: str, state: str, detail: str, previous: dict[str, Any] | None
    ) -> None:
        self._writing()
        since = previous["since"] if previous and previous["state"] == state else utc_now_iso()
        self.conn.execute(
            "INSERT INTO source_health (source, state, since, detail, notified)"
            " VALUES (?, ?, ?, ?, 'ok') ON CONFLICT(source) DO UPDATE"
            " SET state = excluded.state, since = ?, detail = excluded.detail",
            (source, state, since, detail, since),
        )

    def set_health_notified(self, source: str, state: str) -> None:
        self._writing()
        self.conn.execute("UPDATE source_health SET notified = ? WHERE source = ?", (state, source))

    def source_history(self, source: str) -> dict[str, str | None]:
        """What a source's rhythm is learned from: its last run's start, its last finished run's
        start and end, the start of its last run with a new article, and its first run's start."""

        def one(sql: str) -> tuple[Any, ...]:
            return self.conn.execute(sql, (source,)).fetchone() or (None, None)

        last = one(
            "SELECT started_at FROM crawl_runs WHERE source = ? ORDER BY started_at DESC LIMIT 1"
        )
        ended = one(
            "SELECT started_at, finished_at FROM crawl_runs WHERE source = ?"
            " AND finished_at IS NOT NULL ORDER BY started_at DESC LIMIT 1"
        )
        new = one(
            "SELECT started_at FROM crawl_runs WHERE source = ? AND new_articles > 0"
            " ORDER BY started_at DESC LIMIT 1"
        )
        first = one("SELECT MIN(started_at) FROM crawl_runs WHERE source = ?")
        return {
            "last_start": last[0],
            "last_end_start": ended[0],
            "last_end": ended[1],
            "last_new": new[0],
            "first_start": first[0],
        }

    def source_status(self, source: str) -> dict[str, Any]:
        day_ago = (datetime.now(UTC) - timedelta(days=1)).isoformat()
        last = rows(
            self.conn.execute(
                "SELECT started_at, status, errors, pages FROM crawl_runs WHERE source = ?"
                " ORDER BY id DESC LIMIT 1",
                (source,),
            )
        )
        ok = self.conn.execute(
            "SELECT MAX(started_at) FROM crawl_runs WHERE source = ? AND status = 'finished' AND"
            " (errors = 0 OR pages > 0)",
            (source,),
        ).fetchone()[0]
        err = self.conn.execute(
            "SELECT last_at, reason FROM url_outcomes WHERE source = ?"
            " AND outcome NOT IN ('seed_read', 'not_modified') ORDER BY last_at DESC LIMIT 1",
            (source,),
        ).fetchone()
        total, recent = self.conn.execute(
            "SELECT COUNT(*), SUM(fetched_at >= ?) FROM articles WHERE source = ?",
            (day_ago, source),
        ).fetchone()
        health = self.source_health(source)
        return {
            "last_run": last[0]["started_at"] if last else None,
            "last_status": last[0]["status"] if last else None,
            "last_success": ok,
            "last_error_at": err[0] if err else None,
            "last_error": err[1] if err else None,
            "articles_24h": recent or 0,
            "articles": total or 0,
            "health": health["state"] if health else "ok",
        }
