"""crawler.crawl.robots: robots.txt kept in the database between crawls, renewed by conditional
GET, and never in the way of a crawl."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from crawler.store import Store
from tests.conftest import article_html, query, rss, run_wirewatch, write_config
from tests.httpserver import LocalServer, Reply
from tests.test_crawl import crawl, feed_source, outcomes

RULES = "User-agent: *\nDisallow: /private/\n"


def serve_feed(server: LocalServer, *paths: str) -> None:
    """A feed listing an article at each path (each page served)."""
    for path in paths:
        server.page(path, article_html(f"Story {path}", f"MANILA – The story at {path}."))
    items = [{"title": f"Story {p}", "link": "{base}" + p} for p in paths]
    server.page("/feed.xml", rss(items), "application/rss+xml")


def age_kept_copies(db: Path) -> None:
    """Make every kept robots.txt look confirmed long ago, as a day's wait would."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE robots_txt SET checked_at = '2000-01-01T00:00:00+00:00'")
    conn.close()


def robots_requests(server: LocalServer) -> list[dict[str, str]]:
    """The headers of every request for robots.txt, in order."""
    return [headers for path, headers in server.requests if path == "/robots.txt"]


def test_an_idle_poll_is_one_request(tmp_path: Path, server: LocalServer) -> None:
    """Two crawls of a feed source in a row ask for robots.txt once: the second crawl's only
    request is the feed's conditional GET, answered 304."""
    serve_feed(server, "/a/1.html")
    db, _ = crawl(tmp_path, server, feed_source(server))
    hits = server.hits.copy()
    crawl(tmp_path, server, feed_source(server))
    assert server.hits["/robots.txt"] == 1
    assert server.hits - hits == Counter({"/feed.xml": 1})
    assert outcomes(db)[server.url("/feed.xml")] == ("not_modified", "304 Not Modified")
    row = query(db, "SELECT * FROM robots_txt")[0]
    assert (row["url"], row["status"], bytes(row["body"])) == (
        server.url("/robots.txt"),
        200,
        RULES.encode(),
    )
    assert row["etag"] and row["checked_at"] == row["fetched_at"]


def test_an_aged_copy_is_checked_and_a_304_keeps_its_rules(
    tmp_path: Path, server: LocalServer
) -> None:
    """With robots_max_age 0 every crawl asks again, conditionally; the 304 keeps the kept rules in
    force, so a newly listed page under a disallowed path is refused without being requested."""
    serve_feed(server, "/a/1.html")
    aged = "robots_max_age = 0\n"
    db, _ = crawl(tmp_path, server, feed_source(server), crawl_table=aged)
    etag = query(db, "SELECT etag FROM robots_txt")[0][0]
    serve_feed(server, "/a/1.html", "/private/2.html")
    crawl(tmp_path, server, feed_source(server), crawl_table=aged)
    first, second = robots_requests(server)
    assert "if-none-match" not in first and second["if-none-match"] == etag
    assert outcomes(db)[server.url("/private/2.html")] == ("robots", "refused by robots.txt")
    assert server.hits["/private/2.html"] == 0
    row = query(db, "SELECT body, fetched_at, checked_at FROM robots_txt")[0]
    assert bytes(row["body"]) == RULES.encode() and row["checked_at"] >= row["fetched_at"]


def test_a_changed_robots_txt_is_read_once_its_copy_is_old(
    tmp_path: Path, server: LocalServer
) -> None:
    """A robots.txt that changes is not asked for while the kept copy is younger than the default
    24 hours (its old rules apply), and is read again once the copy is older."""
    serve_feed(server, "/news/1.html")
    db, _ = crawl(tmp_path, server, feed_source(server))
    server.page("/robots.txt", "User-agent: *\nDisallow: /news/\n", "text/plain")
    serve_feed(server, "/news/1.html", "/news/2.html")
    crawl(tmp_path, server, feed_source(server))
    assert server.hits["/robots.txt"] == 1 and server.hits["/news/2.html"] == 1
    age_kept_copies(db)
    serve_feed(server, "/news/1.html", "/news/2.html", "/news/3.html")
    crawl(tmp_path, server, feed_source(server))
    assert server.hits["/robots.txt"] == 2 and server.hits["/news/3.html"] == 0
    assert outcomes(db)[server.url("/news/3.html")] == ("robots", "refused by robots.txt")
    assert bytes(query(db, "SELECT body FROM robots_txt")[0][0]).endswith(b"/news/\n")


def test_a_server_error_on_a_check_keeps_the_kept_rules(
    tmp_path: Path, server: LocalServer
) -> None:
    """A robots.txt answering 500 when the aged copy is checked leaves the copy as it was, and its
    rules in force for the crawl: the disallowed page is refused, not requested."""
    serve_feed(server, "/a/1.html")
    aged = "robots_max_age = 0\n"
    db, _ = crawl(tmp_path, server, feed_source(server), crawl_table=aged)
    kept = dict(query(db, "SELECT * FROM robots_txt")[0])
    server.add("/robots.txt", Reply(500, b"Disallow:\n", {"Content-Type": "text/plain"}))
    serve_feed(server, "/a/1.html", "/private/2.html")
    crawl(tmp_path, server, feed_source(server), crawl_table=aged)
    assert server.hits["/robots.txt"] >= 2  # the check was made (and retried)
    assert outcomes(db)[server.url("/private/2.html")] == ("robots", "refused by robots.txt")
    assert server.hits["/private/2.html"] == 0
    assert dict(query(db, "SELECT * FROM robots_txt")[0]) == kept


def test_a_missing_robots_txt_allows_everything_and_is_kept(
    tmp_path: Path, server: LocalServer
) -> None:
    """A 404 for robots.txt means no rules, as for Scrapy, and that answer is kept too: the next
    crawl does not ask again."""
    del server.routes["/robots.txt"]
    serve_feed(server, "/private/1.html")
    db, _ = crawl(tmp_path, server, feed_source(server))
    serve_feed(server, "/private/1.html", "/private/2.html")
    crawl(tmp_path, server, feed_source(server))
    assert server.hits["/robots.txt"] == 1
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == 2
    row = query(db, "SELECT status, body, etag FROM robots_txt")[0]
    assert (row["status"], bytes(row["body"]), row["etag"]) == (404, b"", None)


def test_an_unusable_cache_never_stops_a_crawl(tmp_path: Path, server: LocalServer) -> None:
    """When the robots_txt table refuses writes, each crawl fetches robots.txt as if nothing were
    kept, obeys it, stores its articles, exits 0 and says so in one line."""
    db = tmp_path / "ww.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "CREATE TRIGGER robots_txt_frozen BEFORE INSERT ON robots_txt"
            " BEGIN SELECT RAISE(ABORT, 'robots_txt is frozen'); END"
        )
    conn.close()
    serve_feed(server, "/a/1.html", "/private/2.html")
    _, first = crawl(tmp_path, server, feed_source(server))
    _, second = crawl(tmp_path, server, feed_source(server))
    assert server.hits["/robots.txt"] == 2
    assert outcomes(db)[server.url("/private/2.html")] == ("robots", "refused by robots.txt")
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == 1
    for result in (first, second):
        lines = [line for line in result.stderr.splitlines() if "robots.txt cache" in line]
        assert len(lines) == 1 and "robots_txt is frozen" in lines[0], result.stderr


def _urlset(*paths: str) -> str:
    urls = "".join(f"<url><loc>{{base}}{p}</loc></url>" for p in paths)
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{urls}</urlset>"
    )


def test_sitemaps_found_through_robots_txt_are_still_read(
    tmp_path: Path, server: LocalServer
) -> None:
    """A sitemap source given a bare site URL reads robots.txt as its seed in every crawl (and so
    finds a new article in its sitemap), while the rules come from the kept copy: after the first
    crawl, robots.txt is requested once per crawl, by the seed alone, conditionally; a 304 reads
    the sitemaps of the kept copy, and a changed robots.txt its new ones."""
    server.page("/robots.txt", RULES + "Sitemap: {base}/sitemap.xml\n", "text/plain")

    def sitemap(*paths: str) -> None:
        for path in paths:
            server.page(path, article_html(f"Story {path}", f"MANILA – The story at {path}."))
        server.page("/sitemap.xml", _urlset(*paths), "application/xml")

    source = (
        f'[[sources]]\nname = "site"\nkind = "sitemap"\nurls = ["{server.url("/")}"]\n'
        'allowed_domains = ["127.0.0.1"]\n'
    )
    sitemap("/a/1.html")
    db, _ = crawl(tmp_path, server, source)
    assert server.hits["/robots.txt"] == 2  # the rules, then the seed
    sitemap("/a/1.html", "/a/2.html", "/private/3.html")
    crawl(tmp_path, server, source)
    assert server.hits["/robots.txt"] == 3
    assert "if-none-match" in robots_requests(server)[-1]
    assert outcomes(db)[server.url("/robots.txt")] == ("not_modified", "304 Not Modified")
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == 2
    assert outcomes(db)[server.url("/private/3.html")] == ("robots", "refused by robots.txt")
    # a new sitemap listed: the seed is read anew and the new sitemap with it
    server.page("/news.xml", _urlset("/a/4.html"), "application/xml")
    server.page("/a/4.html", article_html("Story 4", "MANILA – The fourth story."))
    server.page(
        "/robots.txt",
        RULES + "Sitemap: {base}/sitemap.xml\nSitemap: {base}/news.xml\n",
        "text/plain",
    )
    crawl(tmp_path, server, source)
    assert outcomes(db)[server.url("/robots.txt")] == ("seed_read", "2 sitemaps")
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == 3


def test_a_bad_robots_max_age_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """robots_max_age takes seconds or a duration ('24h'); anything else is the usual one-line
    config error naming the key, before anything is crawled."""
    cfg = write_config(tmp_path / "c.toml", "", 'robots_max_age = "tomorrow"\n')
    result = run_wirewatch("--config", str(cfg), "--db", str(tmp_path / "w.db"), "crawl")
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == (
        f"wirewatch: {cfg}: [crawl], field 'robots_max_age': 'tomorrow' is not a duration such as"
        " '30s', '10m', '1h'"
    )
