"""The SQLite store: one connection to one file, migrated on open, with the query families as
attributes.

Several processes (the daemon, `wirewatch crawl`, `scrapy crawl`) write to one file: WAL mode, a
busy timeout, and writes in `BEGIN IMMEDIATE` transactions, which wait for the lock instead of
failing with SQLITE_BUSY_SNAPSHOT the way a deferred transaction that reads first does.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from crawler.store.alerts import AlertQueries
from crawler.store.articles import ArticleQueries
from crawler.store.crawl_state import CrawlStateQueries
from crawler.store.jobs import JobQueries
from crawler.store.migrations import migrate
from crawler.store.outbox import OutboxQueries
from crawler.store.queries import StoreError
from crawler.store.stories import StoryQueries

LOGGER = logging.getLogger(__name__)
BUSY_TIMEOUT_S = 30.0


class Store:
    """One database file. Reads go through the query families (`store.articles.search(...)`).

    Transactions have one rule: `write()` is the only thing that opens one, and every method that
    writes must be called inside it (it raises `NotInTransaction` otherwise). What must be atomic is
    then visible where the work is done, e.g. grouping an article and queueing its story for the
    rules in one `with store.write():`.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._open()
        except (sqlite3.DatabaseError, StoreError) as exc:
            if hasattr(self, "conn"):
                self.conn.close()
            why = _why(exc) if isinstance(exc, sqlite3.DatabaseError) else str(exc)
            raise StoreError(f"{self.path}: {why}") from None
        conn = self.conn
        self.articles = ArticleQueries(conn)
        self.crawl = CrawlStateQueries(conn)
        self.stories = StoryQueries(conn)
        self.alerts = AlertQueries(conn)
        self.outbox = OutboxQueries(conn)
        self.jobs = JobQueries(conn)

    def _open(self) -> None:
        """Connect, set the pragmas, migrate."""
        conn = sqlite3.connect(
            str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a commit survives a crash of any process; a power cut may lose the
        # last commits (articles are then fetched again). FULL would add an fsync to every commit.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        with self.write():
            old = migrate(self.db)
        if old and old != self.schema_version():
            LOGGER.info(
                "migrated %s from schema version %d to %d", self.path, old, self.schema_version()
            )

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

    def optimize(self) -> None:
        """Refresh the planner's statistics and fold the WAL back into the file (outside any
        transaction)."""
        self.conn.execute("PRAGMA optimize")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0])


def _why(exc: sqlite3.DatabaseError) -> str:
    """SQLite's reason in a user's words where it has a usual cause."""
    text = str(exc)
    if "file is not a database" in text:
        return "is not a SQLite database"
    if "readonly" in text or "unable to open" in text:
        return f"cannot be opened for writing ({text})"
    return text
