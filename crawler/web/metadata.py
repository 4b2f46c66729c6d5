"""Datasette's metadata for a wirewatch database: table and column descriptions from
`schema_docs` (the same words as the README's Database section), the front page's facets and
order, the canned queries, and whether arbitrary SQL is allowed."""

from __future__ import annotations

from typing import Any

from crawler.config.model import WEB_DATABASE
from crawler.web.queries import CANNED
from crawler.web.schema_docs import TABLES, TableDoc

PAGE_SIZE = 50
# Tables of internal bookkeeping: kept out of the list of tables, still reachable by URL.
HIDDEN = {"article_signatures", "signature_log", "robots_txt", "seed_state", "rule_queue"}
STORIES_FACETS: list[Any] = [
    "relevance",
    {"array": "sources"},
    {"language": "language"},
    {"actor": "actor"},
]


def _plain(text: str) -> str:
    return text.replace("`", "")


def _description(doc: TableDoc) -> str:
    note = f"; {_plain(doc.note).lstrip(':; ')}" if doc.note else ""
    return f"One row per {_plain(doc.per)}{note}."


def _table(name: str, doc: TableDoc) -> dict[str, Any]:
    table: dict[str, Any] = {"description": _description(doc)}
    columns = {c: _plain(d) for c, d in doc.columns.items() if d}
    if columns:
        table["columns"] = columns
    if name in HIDDEN:
        table["hidden"] = True
    return table


def metadata(allow_sql: bool) -> dict[str, Any]:
    """The whole metadata document for `Datasette(metadata=...)`."""
    tables = {name: _table(name, doc) for name, doc in TABLES.items()}
    tables["stories"].update(
        {
            "title": "Latest stories",
            "sort_desc": "first_seen",
            "facets": STORIES_FACETS,
            "size": PAGE_SIZE,
            "label_column": "title",
        }
    )
    meta: dict[str, Any] = {
        "title": "wirewatch",
        "description": "Wire stories on ASEAN's external relations, as wirewatch stored them.",
        "databases": {WEB_DATABASE: {"tables": tables, "queries": CANNED}},
    }
    if not allow_sql:
        meta["allow_sql"] = False
    return meta
