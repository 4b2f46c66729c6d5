"""Queries on `robots_txt`: each host's robots.txt as last downloaded, kept between crawls so that a
crawl need not ask for it again while it is fresh."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from crawler.store.queries import Queries
from crawler.store.schema import utc_now_iso


@dataclass(frozen=True)
class StoredRobots:
    """One robots.txt as the store holds it."""

    url: str
    status: int  # 2xx: the rules are in body; 4xx: there are none (everything allowed)
    body: bytes
    etag: str | None
    last_modified: str | None
    fetched_at: str
    checked_at: str  # the last answer that confirmed it (2xx, 4xx or 304)

    def age_s(self, now: datetime) -> float:
        """Seconds since the server last confirmed this copy; an unreadable time (a hand edit)
        counts as too old, so the copy is checked again."""
        try:
            return (now - datetime.fromisoformat(self.checked_at)).total_seconds()
        except (TypeError, ValueError):
            return float("inf")


class RobotsQueries(Queries):
    def robots(self, url: str) -> StoredRobots | None:
        row = self.conn.execute(
            "SELECT url, status, body, etag, last_modified, fetched_at, checked_at"
            " FROM robots_txt WHERE url = ?",
            (url,),
        ).fetchone()
        return StoredRobots(row[0], row[1], bytes(row[2]), *row[3:]) if row else None

    def save_robots(
        self, url: str, status: int, body: bytes, etag: str | None, last_modified: str | None
    ) -> None:
        """A robots.txt just downloaded, replacing the copy kept before."""
        self._writing()
        now = utc_now_iso()
        # Every column is new: the whole row is replaced.
        self.conn.execute(
            "INSERT OR REPLACE INTO robots_txt (url, status, body, etag, last_modified, fetched_at,"
            " checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (url, status, body, etag, last_modified, now, now),
        )

    def confirm_robots(self, url: str) -> None:
        """The server answered 304: the kept copy is current as of now."""
        self._writing()
        self.conn.execute(
            "UPDATE robots_txt SET checked_at = ? WHERE url = ?", (utc_now_iso(), url)
        )
