"""The SQLite schema, versioned in `PRAGMA user_version`; the only place it changes.

Each migration is a function from version N-1 to N, run inside one write transaction on open. Add a
new function to MIGRATIONS to change the schema; never edit one that has shipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal

import sqlite_utils

from crawler.store.headlines import headline_key
from crawler.store.queries import StoreError
from crawler.store.schema import FTS_TOKENIZE


def _v1(db: sqlite_utils.Database) -> None:
    db.execute("""
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL,               -- the URL it was fetched from (after redirects)
            canonical_url TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            agency TEXT,
            title TEXT,
            body TEXT NOT NULL,
            summary TEXT,
            published_at TEXT,               -- UTC, ISO 8601
            published_local TEXT,            -- the same instant, with its offset as published
            published_from TEXT,             -- meta, json-ld, time, seed (feed or sitemap), byline
            fetched_at TEXT NOT NULL,
            updated_at TEXT,                 -- last time new content replaced the text
            language TEXT,
            author TEXT,
            dateline TEXT,                   -- place of the dateline, as written
            content_hash TEXT NOT NULL,
            seed_stamp TEXT                  -- feed 'updated' or sitemap 'lastmod' last seen for it
        )""")
    db.execute("CREATE INDEX idx_articles_published_at ON articles(published_at)")
    db.execute("CREATE INDEX idx_articles_source ON articles(source)")
    db.execute("CREATE INDEX idx_articles_content_hash ON articles(content_hash)")
    db.execute("""
        CREATE TABLE article_urls (
            url TEXT PRIMARY KEY,            -- canonical form of any URL that led to the article
            article_id INTEGER NOT NULL REFERENCES articles(id),
            kind TEXT NOT NULL               -- canonical, fetched, seed, redirect, page-canonical
        )""")
    db.execute("CREATE INDEX idx_article_urls_article ON article_urls(article_id)")
    db.execute("""
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            title TEXT,
            body TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            fetched_at TEXT NOT NULL,        -- when this (now replaced) text was fetched
            replaced_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX idx_revisions_article ON revisions(article_id)")
    db.execute("""
        CREATE TABLE url_outcomes (
            url TEXT PRIMARY KEY,            -- canonical URL
            source TEXT NOT NULL,
            kind TEXT NOT NULL,              -- seed or article
            outcome TEXT NOT NULL,           -- see README: stored, updated, duplicate, failed, ...
            reason TEXT,
            permanent INTEGER NOT NULL DEFAULT 0,
            seed_stamp TEXT,                 -- feed 'updated' / sitemap 'lastmod' when it was tried
            attempts INTEGER NOT NULL DEFAULT 1,
            first_at TEXT NOT NULL,
            last_at TEXT NOT NULL,
            run_id INTEGER REFERENCES crawl_runs(id)
        )""")
    db.execute("CREATE INDEX idx_url_outcomes_source ON url_outcomes(source, permanent, outcome)")
    db.execute("""
        CREATE TABLE crawl_runs (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL DEFAULT 'running',  -- running, finished, failed
            finish_reason TEXT,
            pages INTEGER NOT NULL DEFAULT 0,        -- responses received, seeds included
            new_articles INTEGER NOT NULL DEFAULT 0,
            updated_articles INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            duplicates INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute("CREATE INDEX idx_crawl_runs_source ON crawl_runs(source, started_at)")
    db.execute("""
        CREATE TABLE seed_state (
            url TEXT PRIMARY KEY,            -- a feed, sitemap, robots.txt or listing page
            source TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            last_status INTEGER,
            last_fetched_at TEXT,
            last_changed_at TEXT
        )""")
    # Full-text index over title and body, in the shape sqlite-utils and Datasette detect, kept in
    # sync by triggers. Written out here because sqlite-utils' enable_fts runs executescript, which
    # commits.
    db.execute(f"""
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, content=[articles], content_rowid=[id],
            tokenize='{FTS_TOKENIZE}'
        )""")
    db.execute("""
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END""")
    db.execute("""
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
        END""")
    db.execute("""
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END""")


def _v2(db: sqlite_utils.Database) -> None:
    """Stories (near-duplicate groups) and actor mentions."""
    db.execute("""
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            first_seen TEXT NOT NULL,        -- publish (else fetch) time of its first article, UTC
            last_updated TEXT NOT NULL,      -- when an article last joined or changed it
            title TEXT,                      -- title of its earliest-published article
            article_id INTEGER,              -- that earliest-published article
            article_count INTEGER NOT NULL DEFAULT 0,
            sources TEXT NOT NULL DEFAULT '[]',   -- JSON list of the sources that carried it
            relevance TEXT NOT NULL DEFAULT 'none',  -- core, related, none
            score REAL NOT NULL DEFAULT 0,
            reasons TEXT NOT NULL DEFAULT '[]'    -- JSON list of actors and terms that decided it
        )""")
    db.execute("CREATE INDEX idx_stories_first_seen ON stories(first_seen)")
    db.execute("CREATE INDEX idx_stories_relevance ON stories(relevance, first_seen)")
    db.execute("ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id)")
    db.execute("CREATE INDEX idx_articles_story ON articles(story_id)")
    db.execute("""
        CREATE TABLE article_signatures (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id),
            minhash BLOB NOT NULL,           -- MinHash signature of the body's word shingles
            shingles INTEGER NOT NULL,       -- number of distinct shingles
            seen_at TEXT NOT NULL            -- fetch time, UTC: decides the index window
        )""")
    db.execute("CREATE INDEX idx_article_signatures_seen ON article_signatures(seen_at)")
    db.execute("""
        CREATE TABLE article_actors (
            article_id INTEGER NOT NULL REFERENCES articles(id),
            actor TEXT NOT NULL,             -- gazetteer id: RUS, ASEAN, person:sergei-lavrov
            count INTEGER NOT NULL,
            first_offset INTEGER NOT NULL,   -- character offset in title + newline + body
            via TEXT,                        -- set when counted only through a person's dated role
            PRIMARY KEY (article_id, actor)
        )""")
    db.execute("CREATE INDEX idx_article_actors_actor ON article_actors(actor)")
    db.execute("""
        CREATE TABLE story_actors (
            story_id INTEGER NOT NULL REFERENCES stories(id),
            actor TEXT NOT NULL,
            articles INTEGER NOT NULL,       -- how many of its articles mention the actor
            mentions INTEGER NOT NULL,       -- mentions in all its articles
            PRIMARY KEY (story_id, actor)
        )""")
    db.execute("CREATE INDEX idx_story_actors_actor ON story_actors(actor)")


def _v3(db: sqlite_utils.Database) -> None:
    """Alerts (one per rule and story), their delivery outbox per channel, and the queue of stories
    to check."""
    db.execute("""
        CREATE TABLE rule_queue (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id),
            article_id INTEGER NOT NULL REFERENCES articles(id),   -- the last to join or change it
            queued_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE alerts (
            id INTEGER PRIMARY KEY,
            rule TEXT NOT NULL,              -- the rule's name
            story_id INTEGER NOT NULL REFERENCES stories(id),
            article_id INTEGER NOT NULL REFERENCES articles(id),   -- the article that triggered it
            terms TEXT NOT NULL DEFAULT '[]',     -- JSON list of the matched query terms
            actors TEXT NOT NULL DEFAULT '[]',    -- JSON list of the matched actor ids
            snippet TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (rule, story_id)
        )""")
    db.execute("CREATE INDEX idx_alerts_story ON alerts(story_id)")
    db.execute("""
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            alert_id INTEGER NOT NULL REFERENCES alerts(id),
            channel TEXT NOT NULL,
            kind TEXT NOT NULL,              -- new, or update (alerted story: new carrier or lead)
            article_id INTEGER NOT NULL REFERENCES articles(id),
            mode TEXT NOT NULL,              -- immediate or digest
            status TEXT NOT NULL DEFAULT 'pending',   -- pending, sent, failed
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,            -- not before this time (backoff after passing failure)
            last_error TEXT,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            delivery_id INTEGER REFERENCES deliveries(id),
            UNIQUE (alert_id, channel, kind, article_id)
        )""")
    db.execute("CREATE INDEX idx_outbox_channel ON outbox(channel, status, next_attempt_at)")
    db.execute("""
        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            channel TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL DEFAULT 'sending',   -- sending, sent, partial, failed
            items INTEGER NOT NULL DEFAULT 0,         -- outbox rows it carried
            messages INTEGER NOT NULL DEFAULT 0,      -- emails or Slack messages accepted
            error TEXT
        )""")


def _v4(db: sqlite_utils.Database) -> None:
    """The daemon's memory: when each scheduled job last ran and will run next, and each source's
    health."""
    db.execute("""
        CREATE TABLE job_runs (
            job_id TEXT PRIMARY KEY,         -- schedule file stem, kind and index: default:crawl:0
            kind TEXT NOT NULL,              -- crawl, digest, housekeeping
            last_start TEXT,
            last_end TEXT,
            last_status TEXT,                -- ok, failed, timed out, skipped
            last_error TEXT,
            next_run TEXT
        )""")
    db.execute("""
        CREATE TABLE source_health (
            source TEXT PRIMARY KEY,
            state TEXT NOT NULL DEFAULT 'ok',   -- ok, failing, silent
            since TEXT,                      -- when it entered that state
            detail TEXT,
            notified TEXT                    -- the state last reported to the health channel
        )""")


def _v5(db: sqlite_utils.Database) -> None:
    """Signatures in the order their transactions committed (so every process's index sees every
    signature), and the full-text index refreshed only when title or body change."""
    db.execute("""
        CREATE TABLE signature_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id INTEGER NOT NULL REFERENCES articles(id)
        )""")
    db.execute(
        "INSERT INTO signature_log (article_id) SELECT article_id FROM article_signatures"
        " ORDER BY article_id"
    )
    db.execute("DROP TRIGGER articles_au")
    db.execute("""
        CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
            VALUES ('delete', old.id, old.title, old.body);
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END""")


def _v6(db: sqlite_utils.Database) -> None:
    """What the rewrite check compares: content-word stems and the figures and names in order.
    Articles analysed before stay without them (NULL) and are found by MinHash alone."""
    # JSON: {"terms": {stem: count}, "anchors": [figure or name, ...], "quoted": [stem, ...]}
    db.execute("ALTER TABLE article_signatures ADD COLUMN features TEXT")


def _v7(db: sqlite_utils.Database) -> None:
    """States named only as places (a market, an origin, a destination, a venue), apart from the
    actors: rules and relevance read parties only."""
    db.execute("""
        CREATE TABLE article_places (
            article_id INTEGER NOT NULL REFERENCES articles(id),
            actor TEXT NOT NULL,             -- gazetteer id of the state
            count INTEGER NOT NULL,
            first_offset INTEGER NOT NULL,   -- character offset in title + newline + body
            PRIMARY KEY (article_id, actor)
        )""")
    db.execute("""
        CREATE TABLE story_places (
            story_id INTEGER NOT NULL REFERENCES stories(id),
            actor TEXT NOT NULL,
            articles INTEGER NOT NULL,       -- how many of the story's articles name it as a place
            mentions INTEGER NOT NULL,
            PRIMARY KEY (story_id, actor)
        )""")


def _v8(db: sqlite_utils.Database) -> None:
    """Each host's robots.txt, kept between crawls: a fresh copy is used without a request."""
    db.execute("""
        CREATE TABLE robots_txt (
            url TEXT PRIMARY KEY,            -- scheme://host[:port]/robots.txt
            status INTEGER NOT NULL,         -- 2xx: the rules are in body; 4xx: none, all allowed
            body BLOB NOT NULL,              -- as downloaded (at most seed_maxsize); empty for 4xx
            etag TEXT,
            last_modified TEXT,
            fetched_at TEXT NOT NULL,        -- when body was downloaded
            checked_at TEXT NOT NULL         -- the last answer that confirmed it (2xx, 4xx, 304)
        )""")


def _v9(db: sqlite_utils.Database) -> None:
    """How each article came into its story: a reader who finds two reports in one story can see
    which article each was found alike, and how alike. Articles grouped before stay NULL."""
    # joined_as: near-copy or re-telling; NULL for the article that began the story
    db.execute("ALTER TABLE articles ADD COLUMN joined_as TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN joined_via INTEGER REFERENCES articles(id)")
    db.execute("ALTER TABLE articles ADD COLUMN joined_score REAL")


_SCALED = re.compile(r"#(\d+(?:\.\d+)?)e(\d+)")


def _v10(db: sqlite_utils.Database) -> None:
    """Figures in the rewrite check's features in one form however the text wrote them: "#1.5e9"
    (from "1.5 billion") becomes "#1500000000", as "1,500,000,000" is, so that articles analysed
    before compare with those analysed after."""
    rows = db.execute(
        "SELECT article_id, features FROM article_signatures WHERE features LIKE '%e%'"
    ).fetchall()
    for article_id, features in rows:
        data = json.loads(features)
        anchors = [_unscaled(a) for a in data.get("anchors", [])]
        if anchors != data.get("anchors", []):
            data["anchors"] = list(dict.fromkeys(anchors))
            db.execute(
                "UPDATE article_signatures SET features = ? WHERE article_id = ?",
                (json.dumps(data, ensure_ascii=False), article_id),
            )


def _unscaled(anchor: str) -> str:
    found = _SCALED.fullmatch(anchor)
    if found is None:
        return anchor
    amount = Decimal(found.group(1)) * 10 ** int(found.group(2))
    return "#" + f"{amount.normalize():f}".rstrip(".")


def _v11(db: sqlite_utils.Database) -> None:
    """Each article's headline as its outlet re-prints it in an update (its mark and case set
    aside), indexed with the source: an update at a new URL under the same headline joins the
    story of the version before it (crawler/stories/updates.py)."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(articles)").fetchall()}
    if "headline" not in columns:
        db.execute("ALTER TABLE articles ADD COLUMN headline TEXT")
    for article_id, title in db.execute("SELECT id, title FROM articles").fetchall():
        db.execute(
            "UPDATE articles SET headline = ? WHERE id = ?", (headline_key(title), article_id)
        )
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_source_headline ON articles(source, headline)"
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1,
    _v2,
    _v3,
    _v4,
    _v5,
    _v6,
    _v7,
    _v8,
    _v9,
    _v10,
    _v11,
]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def known_version(db: sqlite_utils.Database) -> int:
    """The file's schema version; StoreError when it is newer than this code knows."""
    version = current_version(db)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"database schema version {version} is newer than this wirewatch ({SCHEMA_VERSION});"
            " upgrade wirewatch"
        )
    return version


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the schema up to SCHEMA_VERSION; the caller holds a write transaction. Returns the old
    version."""
    old = known_version(db)
    for version in range(old + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version - 1](db)
        db.execute(f"PRAGMA user_version = {version}")
    return old
