"""The SQLite store: one connection to one file, migrated on open, with the query families as
attributes.

Several processes (the daemon, `wirewatch crawl`, `scrapy crawl`) write to one file: WAL mode, a
busy timeout, and writes in `BEGIN IMMEDIATE` transactions, which wait for the lock instead of
failing with SQLITE_BUSY_SNAPSHOT the way a deferred transaction that reads first does.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import sqlite_utils

from crawler.store.alerts import AlertQueries
from crawler.store.articles import ArticleQueries
from crawler.store.crawl_state import CrawlStateQueries
from crawler.store.jobs import JobQueries
from crawler.store.migrations import SCHEMA_VERSION, known_version, migrate
from crawler.store.outbox import OutboxQueries
from crawler.store.queries import StoreError
from crawler.store.robots import RobotsQueries
from crawler.store.stories import StoryQueries

LOGGER = logging.getLogger(__name__)
BUSY_TIMEOUT_S = 30.0
# Room kept beside the database (`<db>-reserve`) and given back when a write finds the disk full,
# so the few pages that close a run still fit: dozens of WAL frames of 4 KiB.
RESERVE_BYTES = 256 * 1024


class Store:
    """One database file. Reads go through the query families (`store.articles.search(...)`).

    Transactions have one rule: `write()` is the only thing that opens one, and every method that
    writes must be called inside it (it raises `NotInTransaction` otherwise). What must be atomic is
    then visible where the work is done, e.g. grouping an article and queueing its story for the
    rules in one `with store.write():`.
    """

    def __init__(self, path: str | Path, read_only: bool = False):
        """read_only: for commands that only read (search, stories, status...), which then work on
        a read-only file or folder, or a copy; such a store is never migrated."""
        self.path = Path(path)
        self.read_only = read_only
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._open_read_only() if read_only else self._open()
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
        self.robots = RobotsQueries(conn)

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
        self._keep_reserve()
        with self.write():
            old = migrate(self.db)
        if old and old != self.schema_version():
            LOGGER.info(
                "migrated %s from schema version %d to %d", self.path, old, self.schema_version()
            )

    def _open_read_only(self) -> None:
        """Connect without writing anything. A WAL database whose folder cannot hold the shared
        memory file is read as immutable: a snapshot, fine for a read-only copy."""
        uri = self.path.resolve().as_uri()
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, timeout=BUSY_TIMEOUT_S)
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        version = known_version(self.db)
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"database schema version {version} is older than this wirewatch"
                f" ({SCHEMA_VERSION}): run a command that writes (`wirewatch crawl`) once to"
                " migrate it"
            )

    def close(self) -> None:
        self.conn.close()

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """A write transaction that takes the write lock up front (BEGIN IMMEDIATE)."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
            self.conn.execute("COMMIT")  # may fail too: a full disk often shows only here
        except BaseException:
            if self.conn.in_transaction:
                with suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            raise

    @property
    def reserve_path(self) -> Path:
        return self.path.with_name(self.path.name + "-reserve")

    def _keep_reserve(self) -> None:
        """Set the room aside while there is some; a disk already full goes without (best
        effort: the run can then fail to close, and the next run says `interrupted`)."""
        reserve = self.reserve_path
        if reserve.exists():
            return
        try:
            with open(reserve, "wb") as fh:
                fh.write(b"\0" * RESERVE_BYTES)  # written, not sparse: the blocks are taken now
                fh.flush()
                os.fsync(fh.fileno())
        except OSError:
            with suppress(OSError):
                reserve.unlink()

    def make_room(self) -> None:
        """After a write failed on a full disk: give back the reserved room, so the run can be
        closed (the next store opened sets it aside again)."""
        with suppress(OSError):
            self.reserve_path.unlink()
            LOGGER.warning("disk full: released %s to close the run", self.reserve_path)

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
