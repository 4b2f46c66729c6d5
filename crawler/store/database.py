"""The SQLite store: connection, write transactions, and every query that names a table.

Several processes (the daemon, `wirewatch crawl`, `scrapy crawl`) write to one file: WAL mode, a busy timeout,
and writes in `BEGIN IMMEDIATE` transactions, which wait for the lock instead of failing with SQLITE_BUSY_SNAPSHOT
the way a deferred transaction that reads first does.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import sqlite_utils

from crawler.extract.dates import utc_now_iso
from crawler.store.migrations import migrate
from crawler.store.alerts import AlertTables, DaemonTables
from crawler.store.stories import StoryTables

LOGGER = logging.getLogger(__name__)
BUSY_TIMEOUT_S = 30.0

# Outcomes of a URL, as recorded in url_outcomes and counted in crawl_runs.
STORED, UPDATED, UNCHANGED, DUPLICATE = "stored", "updated", "unchanged", "duplicate"
NOT_MODIFIED, SEED_READ = "not_modified", "seed_read"
ROBOTS, OFFSITE, TOO_LARGE, FAILED, EXTRACTION_FAILED = (
    "robots", "offsite", "too_large", "failed", "extraction_failed")
RUN_COUNTERS = {
    STORED: "new_articles", UPDATED: "updated_articles", UNCHANGED: "unchanged",
    DUPLICATE: "duplicates", ROBOTS: "errors", OFFSITE: "errors", TOO_LARGE: "errors", FAILED: "errors",
    EXTRACTION_FAILED: "errors",
}


@dataclass(frozen=True)
class KnownArticle:
    id: int
    seed_stamp: str | None
    content_hash: str


class Store(StoryTables, AlertTables, DaemonTables):
    """One connection to one database file, migrated on open."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a commit survives a crash of any process; a power cut may lose the last commits
        # (articles are then fetched again). FULL would add an fsync to every commit.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        with self.write():
            old = migrate(self.db)
        if old and old != self.schema_version():
            LOGGER.info("migrated %s from schema version %d to %d", self.path, old, self.schema_version())

    def close(self) -> None:
        self.conn.close()

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """A write transaction that takes the write lock up front (BEGIN IMMEDIATE)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # -- articles -------------------------------------------------------------------------------------------

    def known_article(self, url: str) -> KnownArticle | None:
        row = self.conn.execute(
            "SELECT a.id, a.seed_stamp, a.content_hash FROM article_urls u JOIN articles a ON a.id = u.article_id"
            " WHERE u.url = ?", (url,)).fetchone()
        return KnownArticle(*row) if row else None

    def save_article(self, fields: dict[str, Any], urls: list[tuple[str, str]], source: str,
                     seed_stamp: str | None) -> tuple[str, int]:
        """Insert or update one article; every URL in `urls` becomes known. Returns (outcome, article id).

        New text at a known URL replaces the article and keeps the previous text as a revision.
        """
        now = utc_now_iso()
        with self.write():
            existing: tuple[Any, ...] | None = None
            for url, _ in urls:
                existing = self.conn.execute(
                    "SELECT a.id, a.content_hash, a.title, a.body, a.fetched_at FROM article_urls u"
                    " JOIN articles a ON a.id = u.article_id WHERE u.url = ?", (url,)).fetchone()
                if existing:
                    break
            if existing is None:
                cur = self.conn.execute(
                    "INSERT INTO articles (url, canonical_url, source, agency, title, body, summary, published_at,"
                    " published_local, published_from, fetched_at, language, author, dateline, content_hash,"
                    " seed_stamp) VALUES (:url, :canonical_url, :source, :agency, :title, :body, :summary,"
                    " :published_at, :published_local, :published_from, :fetched_at, :language, :author,"
                    " :dateline, :content_hash, :seed_stamp)",
                    {**_article_row(fields), "source": source, "fetched_at": now, "seed_stamp": seed_stamp})
                article_id, outcome = int(cur.lastrowid or 0), STORED
            else:
                article_id = int(existing[0])
                if existing[1] == fields["content_hash"]:
                    outcome = DUPLICATE
                    self.conn.execute("UPDATE articles SET seed_stamp = ? WHERE id = ?", (seed_stamp, article_id))
                else:
                    outcome = UPDATED
                    self.conn.execute(
                        "INSERT INTO revisions (article_id, title, body, content_hash, fetched_at, replaced_at)"
                        " VALUES (?, ?, ?, ?, ?, ?)", (article_id, existing[2], existing[3], existing[1],
                                                       existing[4], now))
                    row = _article_row(fields)
                    self.conn.execute(
                        "UPDATE articles SET url = :url, title = :title, body = :body, summary = :summary,"
                        " published_at = COALESCE(:published_at, published_at),"
                        " published_local = COALESCE(:published_local, published_local),"
                        " published_from = COALESCE(:published_from, published_from),"
                        " fetched_at = :now, updated_at = :now, language = :language, author = :author,"
                        " dateline = :dateline, agency = :agency, content_hash = :content_hash,"
                        " seed_stamp = :seed_stamp WHERE id = :id",
                        {**row, "now": now, "seed_stamp": seed_stamp, "id": article_id})
            for url, kind in urls:
                self.conn.execute("INSERT OR IGNORE INTO article_urls (url, article_id, kind) VALUES (?, ?, ?)",
                                  (url, article_id, kind))
            self.conn.execute("DELETE FROM url_outcomes WHERE url IN (%s)" % ",".join("?" * len(urls)),
                              [u for u, _ in urls])
        return outcome, article_id

    def touch_article(self, article_id: int, seed_stamp: str | None) -> None:
        with self.write():
            self.conn.execute("UPDATE articles SET seed_stamp = ? WHERE id = ?", (seed_stamp, article_id))

    # -- outcomes of URLs that stored nothing ---------------------------------------------------------------

    def permanent_failure(self, url: str) -> tuple[str, str | None] | None:
        """(reason, seed stamp) when url failed for good last time."""
        row = self.conn.execute("SELECT reason, seed_stamp FROM url_outcomes WHERE url = ? AND permanent = 1",
                                (url,)).fetchone()
        return (row[0], row[1]) if row else None

    def record_outcome(self, url: str, source: str, kind: str, outcome: str, reason: str | None,
                       permanent: bool, seed_stamp: str | None, run_id: int | None) -> None:
        now = utc_now_iso()
        with self.write():
            self.conn.execute(
                "INSERT INTO url_outcomes (url, source, kind, outcome, reason, permanent, seed_stamp, attempts,"
                " first_at, last_at, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)"
                " ON CONFLICT(url) DO UPDATE SET source = excluded.source, kind = excluded.kind,"
                " outcome = excluded.outcome,"
                " reason = excluded.reason, permanent = excluded.permanent, seed_stamp = excluded.seed_stamp,"
                " attempts = attempts + 1, last_at = excluded.last_at, run_id = excluded.run_id",
                (url, source, kind, outcome, reason, int(permanent), seed_stamp, now, now, run_id))

    def transient_failures(self, source: str, max_attempts: int) -> list[tuple[str, str | None]]:
        """Article URLs of source that failed for a passing reason (5xx, timeout), to try again."""
        return [(r[0], r[1]) for r in self.conn.execute(
            "SELECT url, seed_stamp FROM url_outcomes WHERE source = ? AND kind = 'article' AND permanent = 0"
            " AND outcome IN ('failed', 'extraction_failed') AND attempts < ? ORDER BY last_at",
            (source, max_attempts))]

    # -- seeds (conditional GET) ----------------------------------------------------------------------------

    def seed_validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.conn.execute("SELECT etag, last_modified FROM seed_state WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_seed(self, url: str, source: str, status: int, etag: str | None, last_modified: str | None) -> None:
        now = utc_now_iso()
        changed = now if status == 200 else None
        with self.write():
            self.conn.execute(
                "INSERT INTO seed_state (url, source, etag, last_modified, last_status, last_fetched_at,"
                " last_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET"
                " source = excluded.source, last_status = excluded.last_status,"
                " last_fetched_at = excluded.last_fetched_at,"
                " etag = CASE WHEN excluded.last_status = 200 THEN excluded.etag ELSE etag END,"
                " last_modified = CASE WHEN excluded.last_status = 200 THEN excluded.last_modified"
                " ELSE last_modified END,"
                " last_changed_at = COALESCE(excluded.last_changed_at, last_changed_at)",
                (url, source, etag, last_modified, status, now, changed))

    # -- crawl runs -----------------------------------------------------------------------------------------

    def start_run(self, source: str) -> int:
        """A new run of source. Runs of it still marked running were cut off (a crash, kill -9): say so."""
        with self.write():
            self.conn.execute("UPDATE crawl_runs SET status = 'interrupted', finished_at = ?, finish_reason ="
                              " 'process ended before the run closed' WHERE source = ? AND status = 'running'",
                              (utc_now_iso(), source))
            cur = self.conn.execute("INSERT INTO crawl_runs (source, started_at) VALUES (?, ?)",
                                    (source, utc_now_iso()))
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int], reason: str) -> None:
        # Scrapy closes with 'shutdown' on SIGTERM or SIGINT: stopped by the user, not failed by the source.
        status = {"finished": "finished", "shutdown": "stopped"}.get(reason, "failed")
        with self.write():
            self.conn.execute(
                "UPDATE crawl_runs SET finished_at = ?, status = ?, finish_reason = ?, pages = ?,"
                " new_articles = ?, updated_articles = ?, unchanged = ?, duplicates = ?, errors = ? WHERE id = ?",
                (utc_now_iso(), status, reason, counts.get("pages", 0), counts.get("new_articles", 0),
                 counts.get("updated_articles", 0), counts.get("unchanged", 0), counts.get("duplicates", 0),
                 counts.get("errors", 0), run_id))

    def runs(self, ids: list[int]) -> list[dict[str, Any]]:
        if not ids:
            return []
        return list(self.db.query(
            "SELECT * FROM crawl_runs WHERE id IN (%s) ORDER BY source" % ",".join("?" * len(ids)), ids))

    # -- reading --------------------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles matching an FTS5 query, newest first. Raises sqlite3.OperationalError on a bad query."""
        return list(self.db.query(
            "SELECT a.id, a.source, a.agency, a.title, a.published_at, a.url, a.dateline,"
            " snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY COALESCE(a.published_at, a.fetched_at) DESC LIMIT ?",
            (query, limit)))

    def recent_articles(self, limit: int = 50) -> list[dict[str, Any]]:
        return list(self.db.query(
            "SELECT id, source, agency, title, published_at, published_local, dateline, url FROM articles"
            " ORDER BY COALESCE(published_at, fetched_at) DESC LIMIT ?", (limit,)))

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0])


def _article_row(fields: dict[str, Any]) -> dict[str, Any]:
    keys = ("url", "canonical_url", "agency", "title", "body", "summary", "published_at", "published_local",
            "published_from", "language", "author", "dateline", "content_hash")
    return {k: fields.get(k) for k in keys}
