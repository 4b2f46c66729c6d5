"""Queries on what crawls remember between runs: `url_outcomes`, `seed_state` and `crawl_runs`."""

from __future__ import annotations

from typing import Any

from crawler.store.queries import Queries, marks
from crawler.store.schema import RUN_COUNTS, Outcome, utc_now_iso


class CrawlStateQueries(Queries):
    # -- outcomes of URLs that stored nothing ------------------------------------------------------

    def permanent_failure(self, url: str) -> tuple[str, str | None] | None:
        """(reason, seed stamp) when url failed for good last time."""
        row = self.conn.execute(
            "SELECT reason, seed_stamp FROM url_outcomes WHERE url = ? AND permanent = 1", (url,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def record_outcome(
        self,
        url: str,
        source: str,
        kind: str,
        outcome: Outcome,
        reason: str | None,
        permanent: bool,
        seed_stamp: str | None,
        run_id: int | None,
    ) -> None:
        self._writing()
        now = utc_now_iso()
        self.conn.execute(
            "INSERT INTO url_outcomes (url, source, kind, outcome, reason, permanent, seed_stamp,"
            " attempts, first_at, last_at, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET source = excluded.source, kind = excluded.kind,"
            " outcome = excluded.outcome, reason = excluded.reason,"
            " permanent = excluded.permanent, seed_stamp = excluded.seed_stamp,"
            " attempts = attempts + 1, last_at = excluded.last_at, run_id = excluded.run_id",
            (url, source, kind, str(outcome), reason, int(permanent), seed_stamp, now, now, run_id),
        )

    def transient_failures(self, source: str, max_attempts: int) -> list[tuple[str, str | None]]:
        """Article URLs of source that failed for a passing reason (5xx, timeout, extraction too
        slow), to try again."""
        return [
            (r[0], r[1])
            for r in self.conn.execute(
                "SELECT url, seed_stamp FROM url_outcomes WHERE source = ? AND kind = 'article'"
                " AND permanent = 0 AND outcome IN (?, ?, ?) AND attempts < ? ORDER BY last_at",
                (source, Outcome.FAILED, Outcome.EXTRACTION_FAILED, Outcome.TOO_SLOW, max_attempts),
            )
        ]

    # -- seeds (conditional GET) -------------------------------------------------------------------

    def seed_validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.conn.execute(
            "SELECT etag, last_modified FROM seed_state WHERE url = ?", (url,)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_seed(
        self, url: str, source: str, status: int, etag: str | None, last_modified: str | None
    ) -> None:
        self._writing()
        now = utc_now_iso()
        changed = now if status == 200 else None
        self.conn.execute(
            "INSERT INTO seed_state (url, source, etag, last_modified, last_status,"
            " last_fetched_at, last_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET source = excluded.source,"
            " last_status = excluded.last_status, last_fetched_at = excluded.last_fetched_at,"
            " etag = CASE WHEN excluded.last_status = 200 THEN excluded.etag ELSE etag END,"
            " last_modified = CASE WHEN excluded.last_status = 200 THEN excluded.last_modified"
            " ELSE last_modified END,"
            " last_changed_at = COALESCE(excluded.last_changed_at, last_changed_at)",
            (url, source, etag, last_modified, status, now, changed),
        )

    # -- crawl runs --------------------------------------------------------------------------------

    def start_run(self, source: str) -> int:
        """A new run of source. Runs of it still marked running were cut off (a crash, kill -9): say
        so."""
        self._writing()
        self.conn.execute(
            "UPDATE crawl_runs SET status = 'interrupted', finished_at = ?, finish_reason ="
            " 'process ended before the run closed' WHERE source = ? AND status = 'running'",
            (utc_now_iso(), source),
        )
        cur = self.conn.execute(
            "INSERT INTO crawl_runs (source, started_at) VALUES (?, ?)", (source, utc_now_iso())
        )
        return int(cur.lastrowid or 0)

    def close_killed_runs(self, sources: list[str], status: str, reason: str) -> int:
        """Runs of sources left `running` by a crawl process that had to be killed (by the daemon,
        which holds their locks, so no other crawl of them runs): closed now, not at the next
        run."""
        self._writing()
        cur = self.conn.execute(
            f"UPDATE crawl_runs SET status = ?, finished_at = ?, finish_reason = ?"
            f" WHERE status = 'running' AND source IN ({marks(len(sources))})",
            (status, utc_now_iso(), reason, *sources),
        )
        return cur.rowcount

    def finish_run(self, run_id: int, counts: dict[str, int], reason: str) -> None:
        self._writing()
        # Scrapy closes with 'shutdown' on SIGTERM or SIGINT: stopped by the user, not failed by the
        # source.
        status = {"finished": "finished", "shutdown": "stopped"}.get(reason, "failed")
        columns = ", ".join(f"{c} = ?" for c in RUN_COUNTS)
        self.conn.execute(
            f"UPDATE crawl_runs SET finished_at = ?, status = ?, finish_reason = ?, {columns}"
            " WHERE id = ?",
            (utc_now_iso(), status, reason, *(counts.get(c, 0) for c in RUN_COUNTS), run_id),
        )

    def runs(self, ids: list[int]) -> list[dict[str, Any]]:
        if not ids:
            return []
        return self._rows(
            f"SELECT * FROM crawl_runs WHERE id IN ({marks(len(ids))}) ORDER BY source", ids
        )

    def recent_runs(self, source: str, n: int) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT * FROM crawl_runs WHERE source = ? AND finished_at IS NOT NULL ORDER BY id DESC"
            " LIMIT ?",
            (source, n),
        )

    def productive_run_times(self, source: str, n: int) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT started_at FROM crawl_runs WHERE source = ? AND new_articles > 0"
                " ORDER BY id DESC LIMIT ?",
                (source, n),
            )
        ]
