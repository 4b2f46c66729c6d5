"""The SQLite store: migrations, FTS kept in sync, revisions, and several processes writing at
once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from crawler.store.database import Store
from crawler.store.migrations import SCHEMA_VERSION


def fields(url: str, body: str, title: str = "T") -> dict:
    return {
        "url": url,
        "canonical_url": url,
        "title": title,
        "body": body,
        "content_hash": str(hash(body)),
    }


def test_new_file_is_created_at_the_current_schema_in_wal_mode(tmp_path: Path) -> None:
    """Opening a missing file creates every table at the current version, in WAL mode."""
    store = Store(tmp_path / "sub" / "ww.db")
    assert store.schema_version() == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = set(sqlite_utils.Database(store.conn).table_names())
    assert {
        "articles",
        "articles_fts",
        "article_urls",
        "revisions",
        "url_outcomes",
        "crawl_runs",
        "seed_state",
    } <= tables
    store.close()


def test_older_file_is_migrated_on_open(tmp_path: Path) -> None:
    """A file written before the schema existed (version 0, other tables in it) is migrated, its
    data kept."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.execute("INSERT INTO notes VALUES ('kept')")
    conn.commit()
    conn.close()
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.conn.execute("SELECT x FROM notes").fetchone()[0] == "kept"
    store.close()


def test_newer_file_is_refused_clearly(tmp_path: Path) -> None:
    """A database written by a newer wirewatch is not touched."""
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer than this wirewatch"):
        Store(path)


def test_fts_follows_updates_and_revisions_keep_old_text(tmp_path: Path) -> None:
    """New text at a known URL replaces the searchable text and keeps the old one as a revision;
    every URL that led to the article finds it."""
    store = Store(tmp_path / "ww.db")
    with store.write():
        outcome, aid = store.articles.save(
            fields("http://x/1", "Lavrov met ASEAN envoys"),
            [("http://x/1", "canonical"), ("http://x/1?id=1", "redirect")],
            "tass",
            "s1",
        )
    assert outcome == "stored"
    with store.write():
        outcome, aid2 = store.articles.save(
            fields("http://x/1", "Lavrov met Vietnamese envoys"),
            [("http://x/1", "canonical")],
            "tass",
            "s2",
        )
    assert (outcome, aid2) == ("updated", aid)
    assert [r["id"] for r in store.articles.search("Vietnamese")] == [aid]
    assert store.articles.search("ASEAN") == []
    assert (
        store.conn.execute("SELECT body FROM revisions").fetchone()[0] == "Lavrov met ASEAN envoys"
    )
    assert store.articles.known("http://x/1?id=1").id == aid
    with store.write():
        outcome, _ = store.articles.save(
            fields("http://x/1?id=1", "Lavrov met Vietnamese envoys"),
            [("http://x/1?id=1", "canonical")],
            "tass",
            "s2",
        )
    assert outcome == "duplicate"
    store.close()


WRITER = """
import sys
from crawler.store.database import Store
store = Store(sys.argv[1])
for i in range(int(sys.argv[3])):
    url = f"http://x/{sys.argv[2]}/{i}"
    # read, then write: the pattern that fails at once under a deferred transaction
    with store.write():
        store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()
        store.conn.execute(
            "INSERT INTO crawl_runs (source, started_at) VALUES (?, 'now')", (sys.argv[2],)
        )
    with store.write():
        store.articles.save({"url": url, "canonical_url": url, "title": "t", "body": f"body {url}",
                            "content_hash": url}, [(url, "canonical")], sys.argv[2], None)
"""


def test_several_processes_write_one_file_without_lock_errors(tmp_path: Path) -> None:
    """Three processes that read then write in a loop all finish, nothing lost and nothing
    doubled."""
    path = tmp_path / "ww.db"
    Store(path).close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), f"p{n}", "150"],
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(3)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    conn = sqlite3.connect(path)
    assert conn.execute(
        "SELECT COUNT(*), COUNT(DISTINCT canonical_url) FROM articles"
    ).fetchone() == (450, 450)
    assert conn.execute("SELECT COUNT(*) FROM crawl_runs").fetchone()[0] == 450
    conn.close()


def test_version_1_file_is_migrated_and_its_articles_grouped(tmp_path: Path) -> None:
    """A database written by schema version 1 (no stories) is migrated on open, keeps its articles,
    and `wirewatch regroup` puts them into stories."""
    from crawler.store.migrations import MIGRATIONS
    from tests.conftest import run_wirewatch

    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    conn.execute("BEGIN")
    MIGRATIONS[0](db)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO articles"
        " (url, canonical_url, source, title, body, fetched_at, content_hash) VALUES"
        " ('http://x/1', 'http://x/1', 'tass', 'Lavrov meets ASEAN envoys',"
        " 'Russian Foreign Minister Sergei Lavrov met ASEAN ambassadors in Moscow on Monday.',"
        " '2026-02-09T10:00:00+00:00', 'h')"
    )
    conn.execute("COMMIT")
    conn.close()
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.conn.execute("SELECT story_id FROM articles").fetchone()[0] is None
    store.close()
    result = run_wirewatch("--db", str(path), "regroup", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout == "grouped 1 article\n"
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT relevance FROM stories").fetchone()[0] == "core"
    assert {r[0] for r in conn.execute("SELECT actor FROM article_actors")} >= {
        "ASEAN",
        "RUS",
        "person:sergei-lavrov",
    }
    conn.close()


def test_a_run_cut_off_is_marked_interrupted_by_the_next(tmp_path: Path) -> None:
    """A run left 'running' by a killed process is marked interrupted when the source's next run
    starts."""
    store = Store(tmp_path / "ww.db")
    with store.write():
        first = store.crawl.start_run("vna")
    with store.write():
        second = store.crawl.start_run("vna")
    with store.write():
        other = store.crawl.start_run("tass")
    rows = {r[0]: r[1] for r in store.conn.execute("SELECT id, status FROM crawl_runs")}
    assert rows == {first: "interrupted", second: "running", other: "running"}
    store.close()


def test_version_9_figures_are_rewritten_in_one_form(tmp_path: Path) -> None:
    """Schema 10: an article analysed before keeps comparing with one analysed after, its
    "1.5 billion" stored as "#1.5e9" rewritten as "#1500000000", which "1,500,000,000" and "1.5
    billion" now both give."""
    import json

    from crawler.stories.rewrites import anchors

    path = tmp_path / "v9.db"
    store = Store(path)
    store.conn.execute("PRAGMA foreign_keys = OFF")  # the row alone, without its article
    store.conn.execute(
        "INSERT INTO article_signatures (article_id, minhash, shingles, seen_at, features)"
        " VALUES (1, x'00', 1, '2026-01-01T00:00:00+00:00', ?)",
        (json.dumps({"terms": {"rice": 2}, "anchors": ["#1.5e9", "#3e3", "#12%", "hanoi"]}),),
    )
    store.conn.execute("PRAGMA user_version = 9")
    store.conn.commit()
    store.close()
    store = Store(path)
    stored = json.loads(store.conn.execute("SELECT features FROM article_signatures").fetchone()[0])
    store.close()
    assert stored["anchors"] == ["#1500000000", "#3000", "#12%", "hanoi"]
    assert anchors("worth 1,500,000,000 dollars")[0] == anchors("worth 1.5 billion dollars")[0]
    assert anchors("worth 1.5 billion dollars")[0] in stored["anchors"]


def test_version_10_gets_each_articles_headline_indexed(tmp_path: Path) -> None:
    """Schema 11: a file of schema 10 gains `articles.headline`, filled for the articles it holds
    (an update's mark and the case set aside), and its index with the source."""
    path = tmp_path / "v10.db"
    store = Store(path)
    with store.write():
        store.articles.save(
            {
                "url": "https://wire.example/a",
                "canonical_url": "https://wire.example/a",
                "title": "(LEAD) Japan, Philippines Agree To Boost Security Ties",
                "body": "Text.",
                "content_hash": "h1",
            },
            [("https://wire.example/a", "canonical")],
            "kyodo",
            None,
        )
    store.conn.execute("DROP INDEX idx_articles_source_headline")
    store.conn.execute("ALTER TABLE articles DROP COLUMN headline")
    store.conn.execute("PRAGMA user_version = 10")
    store.conn.commit()
    store.close()
    store = Store(path)
    try:
        indexes = {r[1] for r in store.conn.execute("PRAGMA index_list(articles)")}
        headline = store.conn.execute("SELECT headline FROM articles").fetchone()[0]
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        store.close()
    assert "idx_articles_source_headline" in indexes
    assert headline == "japan philippines agree to boost security ties"
    assert version == 11
