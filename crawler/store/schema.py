"""Facts of the schema that code outside migrations needs: outcome names, the relevance scale, the
full-text tokenizer and the timestamp format. Each is defined here once."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from enum import StrEnum

# The tokenizer of `articles_fts`; rule queries are checked and matched with the same one.
FTS_TOKENIZE = "unicode61 remove_diacritics 2"


class Outcome(StrEnum):
    """What became of a seed or article URL in a run (`url_outcomes.outcome`, counted in
    `crawl_runs`)."""

    STORED = "stored"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    NOT_MODIFIED = "not_modified"
    SEED_READ = "seed_read"
    ROBOTS = "robots"
    OFFSITE = "offsite"
    TOO_LARGE = "too_large"
    FAILED = "failed"
    EXTRACTION_FAILED = "extraction_failed"
    TOO_SLOW = "too_slow"
    BAD_URL = "bad_url"
    BAD_SCHEME = "bad_scheme"
    PRIVATE_ADDRESS = "private_address"


# Outcomes whose article row says it all: no `url_outcomes` row is kept for them.
ARTICLE_OUTCOMES = frozenset(
    {Outcome.STORED, Outcome.UPDATED, Outcome.DUPLICATE, Outcome.UNCHANGED}
)
# The `crawl_runs` counter each outcome adds to.
RUN_COUNTERS: dict[Outcome, str] = {
    Outcome.STORED: "new_articles",
    Outcome.UPDATED: "updated_articles",
    Outcome.UNCHANGED: "unchanged",
    Outcome.DUPLICATE: "duplicates",
    Outcome.ROBOTS: "errors",
    Outcome.OFFSITE: "errors",
    Outcome.TOO_LARGE: "errors",
    Outcome.FAILED: "errors",
    Outcome.EXTRACTION_FAILED: "errors",
    Outcome.TOO_SLOW: "errors",
    Outcome.BAD_URL: "errors",
    Outcome.BAD_SCHEME: "errors",
    Outcome.PRIVATE_ADDRESS: "errors",
}

# The counters of `crawl_runs`, in the order they are reported.
RUN_COUNTS = ("pages", "new_articles", "updated_articles", "unchanged", "duplicates", "errors")

# `stories.relevance`, lowest first: a rule's `min_relevance` compares positions on this scale.
NONE, RELATED, CORE = "none", "related", "core"
RELEVANCE: tuple[str, ...] = (NONE, RELATED, CORE)


def relevance_rank(relevance: str) -> int:
    return RELEVANCE.index(relevance)


def utc_now_iso() -> str:
    """Every timestamp column holds UTC ISO 8601 to the second: they compare as text."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def scratch_fts(conn: sqlite3.Connection, table: str) -> None:
    """An FTS5 table over (title, body) with the archive's tokenizer: rules are checked and matched
    in one."""
    conn.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(title, body, tokenize='{FTS_TOKENIZE}')")
