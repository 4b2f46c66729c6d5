"""What every table family's queries share: the connection, row helpers, and the transaction
rule."""

from __future__ import annotations

import sqlite3
from typing import Any


class StoreError(RuntimeError):
    """A database file wirewatch cannot use (not SQLite, or from a newer wirewatch); str() is one
    line naming the file."""


class NotInTransaction(RuntimeError):  # noqa: N818 - public API (crawler.store), named in tests
    """A write was attempted outside `Store.write()`."""


class Queries:
    """Base of the query classes. They never begin or commit a transaction: a method that writes
    requires the caller's `with store.write():`, so what is atomic is decided, and visible, where
    the work is done."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def _writing(self) -> None:
        if not self.conn.in_transaction:
            raise NotInTransaction(f"{type(self).__name__}: writes need `with store.write():`")

    def _rows(self, sql: str, args: Any = ()) -> list[dict[str, Any]]:
        return rows(self.conn.execute(sql, args))


def rows(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    """A cursor's rows as dicts keyed by column name."""
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def marks(n: int) -> str:
    """`?, ?, ?` for an IN list of n values."""
    return ",".join("?" * n)
