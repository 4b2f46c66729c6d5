"""SQLite: the schema and its migrations, one Store, and a query class per table family."""

from crawler.store.database import Store
from crawler.store.queries import NotInTransaction, StoreError
from crawler.store.schema import Outcome

__all__ = ["NotInTransaction", "Outcome", "Store", "StoreError"]
