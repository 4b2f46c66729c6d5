"""Hostile servers cannot grow a crawl without bound: response headers are capped per response,
and a crawl over its memory limit stops with a failed run, one line and a non-zero exit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import article_html, query, rss, run_wirewatch, write_config
from tests.floodserver import FloodServer
from tests.httpserver import LocalServer
from tests.test_crawl import feed_source

COUNT_FLOOD = b"X-a: b\r\n"
SIZE_FLOOD = b"X-Pad: " + b"p" * 4000 + b"\r\n"
LINE_FLOOD = b"x" * 4096  # one header line that never ends


@pytest.fixture
def flood() -> Iterator[FloodServer]:
    srv = FloodServer({"/count": COUNT_FLOOD, "/size": SIZE_FLOOD, "/line": LINE_FLOOD})
    yield srv
    srv.close()


def test_header_floods_fail_their_urls_and_the_feed_goes_on(
    tmp_path: Path, server: LocalServer, flood: FloodServer
) -> None:
    """Three articles of a feed on a server that sends header lines without end (many short lines,
    a few long ones, one line without end) each end `too_large` with the limit in the reason, the
    server sees the crawler hang up long before the flood ends, the feed's good articles are stored,
    and the next crawl does not ask the flooding server again."""
    for i in (1, 2):
        server.page(f"/a/{i}.html", article_html(f"Good story {i}", f"HANOI – Good story {i}."))
    items = [{"title": "good 1", "link": "{base}/a/1.html"}]
    items += [{"title": p, "link": flood.url(p)} for p in ("/count", "/size", "/line")]
    items += [{"title": "good 2", "link": "{base}/a/2.html"}]
    server.page("/feed.xml", rss(items), "application/rss+xml")
    cfg = write_config(tmp_path / "wirewatch.toml", feed_source(server))
    db = tmp_path / "ww.db"

    result = run_wirewatch("--config", str(cfg), "--db", str(db), "crawl")

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    titles = sorted(r["title"] for r in query(db, "SELECT title FROM articles"))
    assert titles == ["Good story 1", "Good story 2"]
    got = {
        r["url"]: (r["outcome"], r["reason"], r["permanent"])
        for r in query(db, "SELECT * FROM url_outcomes WHERE kind = 'article'")
    }
    assert got == {
        flood.url("/count"): ("too_large", "more than 100 response header lines", 1),
        flood.url("/size"): ("too_large", "response headers over 64 KiB", 1),
        flood.url("/line"): ("too_large", "a response header line over 16 KiB", 1),
    }
    for path in ("/count", "/size", "/line"):
        assert flood.hits[path] == 1, path  # failed at once, not retried within the run
        assert flood.sent[path] < flood.cap, path  # the crawler hung up, the flood did not end
        assert f"wire too_large {flood.url(path)}: " in result.stderr
    run = query(db, "SELECT status, errors, new_articles FROM crawl_runs")[0]
    assert (run["status"], run["errors"], run["new_articles"]) == ("finished", 3, 2)

    # The feed changes (a new good article); the flooded entries are unchanged, so not asked again.
    server.page("/a/3.html", article_html("Good story 3", "HANOI – Good story 3."))
    server.page(
        "/feed.xml",
        rss([*items, {"title": "good 3", "link": "{base}/a/3.html"}]),
        "application/rss+xml",
    )
    result = run_wirewatch("--config", str(cfg), "--db", str(db), "crawl")
    assert result.returncode == 0, result.stderr
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == 3
    assert all(flood.hits[p] == 1 for p in ("/count", "/size", "/line")), flood.hits


def test_a_crawl_over_its_memory_limit_fails_with_one_line(
    tmp_path: Path, server: LocalServer
) -> None:
    """`memory_limit_mb` below what the crawling process already uses: the run is `failed` with
    reason `memusage_exceeded`, one line names the limit and the key to raise, and the command exits
    1. `-s MEMUSAGE_LIMIT_MB=0` for one run turns the limit off and the same crawl stores its
    article."""
    server.page("/a/1.html", article_html("Good story 1", "HANOI – Good story 1."))
    server.page(
        "/feed.xml", rss([{"title": "good", "link": "{base}/a/1.html"}]), "application/rss+xml"
    )
    cfg = write_config(tmp_path / "wirewatch.toml", feed_source(server), "memory_limit_mb = 1\n")
    db = tmp_path / "ww.db"

    result = run_wirewatch("--config", str(cfg), "--db", str(db), "crawl")

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    run = query(db, "SELECT status, finish_reason FROM crawl_runs")[0]
    assert (run["status"], run["finish_reason"]) == ("failed", "memusage_exceeded")
    assert "wire" in result.stdout and "failed" in result.stdout
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("wirewatch: ")]
    assert len(lines) == 1, result.stderr
    assert "crawl of wire stopped at its memory limit of 1 MB" in lines[0]
    assert f"raise memory_limit_mb under [crawl] in {cfg}" in lines[0]
    assert "-s MEMUSAGE_LIMIT_MB=N" in lines[0]
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == 0

    result = run_wirewatch(
        "--config", str(cfg), "--db", str(db), "crawl", "-s", "MEMUSAGE_LIMIT_MB=0"
    )
    assert result.returncode == 0, result.stderr
    assert "memory limit" not in result.stderr
    assert query(db, "SELECT status FROM crawl_runs ORDER BY id")[-1][0] == "finished"
    assert query(db, "SELECT title FROM articles")[0][0] == "Good story 1"
