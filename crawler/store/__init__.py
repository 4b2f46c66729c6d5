"""SQLite: the schema and its migrations, one Store, and a query class per table family.

`Store` is imported on first use: the config's checks (FTS5 syntax, the schema's names) need
`crawler.store.fts` and `crawler.store.schema` alone, and a worker process that parses pages should
not load sqlite-utils (half a second of every process start)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crawler.store.queries import NotInTransaction, StoreError
from crawler.store.schema import Outcome

if TYPE_CHECKING:
    from crawler.store.database import Store

__all__ = ["NotInTransaction", "Outcome", "Store", "StoreError"]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from crawler.store.database import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
