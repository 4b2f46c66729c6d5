"""End-to-end crawls: `wirewatch crawl` in a real process against a local site on 127.0.0.1, into a
real file."""

from __future__ import annotations

import gzip
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import (
    ROOT,
    article_html,
    query,
    rss,
    run_wirewatch,
    session_ended,
    session_members,
    slow_page,
    slow_site,
    write_config,
)
from tests.httpserver import LocalServer, Reply


def feed_source(
    server: LocalServer, name: str = "wire", path: str = "/feed.xml", extra: str = ""
) -> str:
    return (
        f'[[sources]]\nname = "{name}"\nkind = "feed"\nagency = "VNA"\n'
        f'urls = ["{server.url(path)}"]\nallowed_domains = ["127.0.0.1"]\n{extra}\n'
    )


def crawl(tmp_path: Path, server: LocalServer, sources: str, *args: str, crawl_table: str = ""):
    cfg = write_config(tmp_path / "wirewatch.toml", sources, crawl_table)
    db = tmp_path / "ww.db"
    result = run_wirewatch("--config", str(cfg), "--db", str(db), "crawl", *args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return db, result


def outcomes(db: Path) -> dict[str, tuple[str, str]]:
    return {r["url"]: (r["outcome"], r["reason"]) for r in query(db, "SELECT * FROM url_outcomes")}


def test_feed_crawl_stores_clean_articles_once(tmp_path: Path, server: LocalServer) -> None:
    """Two feed entries for one article (one with utm_ tags) and a fragment variant store one
    article, with the dateline parsed into fields, the credit stripped, the boilerplate left out and
    the time kept with its offset."""
    server.page(
        "/a/1.html",
        article_html(
            "ASEAN and Russia deepen ties",
            "Moscow (VNA) – Russia and ASEAN agreed on Monday to deepen ties.",
            last="The next meeting will be held in Hanoi./.",
            head='<meta property="article:published_time" content="2026-02-09T14:05:00+07:00">',
        ),
    )
    server.page(
        "/feed.xml",
        rss(
            [
                {
                    "title": "ASEAN and Russia",
                    "link": "{base}/a/1.html?utm_source=rss&utm_medium=feed",
                },
                {"title": "ASEAN and Russia", "link": "{base}/a/1.html"},
                {"title": "ASEAN and Russia", "link": "{base}/a/1.html#comments"},
            ]
        ),
        "application/rss+xml",
    )
    db, result = crawl(tmp_path, server, feed_source(server))
    rows = query(db, "SELECT * FROM articles")
    assert len(rows) == 1
    art = rows[0]
    assert art["canonical_url"] == server.url("/a/1.html")
    assert art["title"] == "ASEAN and Russia deepen ties"
    assert art["dateline"] == "Moscow" and art["agency"] == "VNA"
    assert art["body"].startswith("Russia and ASEAN agreed")
    assert art["body"].endswith("will be held in Hanoi.")
    for junk in ("cookies", "Share on Facebook", "Football final", "Copyright 2026", "World"):
        assert junk not in art["body"]
    assert art["published_at"] == "2026-02-09T07:05:00+00:00"
    assert art["published_local"] == "2026-02-09T14:05:00+07:00"
    assert server.hits["/a/1.html"] == 1
    run = query(db, "SELECT * FROM crawl_runs")[0]
    assert (run["new_articles"], run["duplicates"], run["errors"], run["status"]) == (
        1,
        2,
        0,
        "finished",
    )
    assert "wire" in result.stdout and "finished" in result.stdout
    # FTS index is in sync with the table.
    assert (
        query(db, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Hanoi'")[0][0]
        == art["id"]
    )


def test_second_crawl_uses_conditional_get_and_downloads_nothing_known(
    tmp_path: Path, server: LocalServer
) -> None:
    """The second crawl sends If-None-Match, gets 304 and fetches no article; a changed feed lists a
    new article, and only that one is downloaded."""
    for i in (1, 2):
        server.page(
            f"/a/{i}.html",
            article_html(f"Story {i} on ASEAN", f"Jakarta (ANTARA) - Story {i} text."),
        )
    server.page(
        "/feed.xml",
        rss(
            [{"title": "S1", "link": "{base}/a/1.html"}, {"title": "S2", "link": "{base}/a/2.html"}]
        ),
        "application/rss+xml",
    )
    db, _ = crawl(tmp_path, server, feed_source(server))
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == 2
    db, _ = crawl(tmp_path, server, feed_source(server))
    feed_requests = [h for p, h in server.requests if p == "/feed.xml"]
    assert feed_requests[-1].get("if-none-match")
    assert server.hits["/a/1.html"] == 1 and server.hits["/a/2.html"] == 1
    assert (
        query(db, "SELECT outcome FROM url_outcomes WHERE url = ?", (server.url("/feed.xml"),))[0][
            0
        ]
        == "not_modified"
    )
    # The feed changes: one new entry, two known ones. No ETag match, so it is read; only the new
    # one is fetched.
    server.page("/a/3.html", article_html("Story 3 on ASEAN", "Jakarta (ANTARA) - Story 3 text."))
    server.page(
        "/feed.xml",
        rss(
            [
                {"title": "S1", "link": "{base}/a/1.html"},
                {"title": "S2", "link": "{base}/a/2.html?utm_campaign=x"},
                {"title": "S3", "link": "{base}/a/3.html"},
            ]
        ),
        "application/rss+xml",
    )
    db, _ = crawl(tmp_path, server, feed_source(server))
    assert (server.hits["/a/1.html"], server.hits["/a/2.html"], server.hits["/a/3.html"]) == (
        1,
        1,
        1,
    )
    runs = query(db, "SELECT new_articles, unchanged FROM crawl_runs ORDER BY id")
    assert [tuple(r) for r in runs] == [(2, 0), (0, 0), (1, 2)]


def test_server_error_then_success_on_next_crawl(tmp_path: Path, server: LocalServer) -> None:
    """A page that fails with 500 is recorded as a passing failure and fetched again on the next
    crawl, even though the feed itself answers 304 then."""
    page = article_html("Flaky story", "BEIJING, Feb. 9 (Xinhua) -- The flaky story text.")

    def flaky(req, count: int) -> Reply:
        if count <= 2:  # the first try and its one retry
            return Reply(500, b"oops", {"Content-Type": "text/plain"})
        return Reply(200, page.encode(), {"Content-Type": "text/html; charset=utf-8"})

    server.add("/a/flaky.html", flaky)
    server.page(
        "/feed.xml", rss([{"title": "F", "link": "{base}/a/flaky.html"}]), "application/rss+xml"
    )
    db, result = crawl(tmp_path, server, feed_source(server))
    assert outcomes(db)[server.url("/a/flaky.html")] == ("failed", "HTTP 500")
    assert result.stderr.count("/a/flaky.html") == 1, "a failure is logged once"
    db, _ = crawl(tmp_path, server, feed_source(server))
    assert query(db, "SELECT title FROM articles")[0][0] == "Flaky story"
    assert server.url("/a/flaky.html") not in outcomes(db)


def test_permanent_failures_are_recorded_once_and_not_requested_again(
    tmp_path: Path, server: LocalServer
) -> None:
    """A 404, a redirect loop, an off-site redirect, an oversized page, a gzip bomb, a page refused
    by robots.txt and HTML nested 5,000 levels deep each end with their own recorded outcome; the
    good article is stored; none is requested again on the next crawl while the feed entry is
    unchanged."""
    server.page(
        "/a/good.html",
        article_html("Good story", "MANILA – The good story text.", last="End. (PNA)"),
    )
    server.add("/a/loop.html", Reply(302, b"", {"Location": "{base}/a/loop.html"}))
    server.add("/a/away.html", Reply(302, b"", {"Location": "http://example.invalid/elsewhere"}))
    server.page("/a/huge.html", "<html><body><p>" + "x " * 150_000 + "</p></body></html>")
    bomb = gzip.compress(b"<html><body>" + b" " * 30_000_000 + b"</body></html>")
    server.page("/a/bomb.html", bomb, **{"Content-Encoding": "gzip"})
    server.page("/private/secret.html", article_html("Secret", "MANILA – Not for robots."))
    server.page(
        "/a/deep.html",
        "<html><body>" + "<div>" * 5000 + "deep text" + "</div>" * 5000 + "</body></html>",
    )
    names = ["good", "loop", "away", "huge", "bomb", "deep"]
    items = [
        {"title": n, "link": f"{{base}}/a/{n}.html", "pubDate": "Mon, 09 Feb 2026 10:00:00 +0800"}
        for n in names
    ] + [
        {"title": "secret", "link": "{base}/private/secret.html"},
        {"title": "missing", "link": "{base}/a/missing.html"},
    ]
    server.page("/feed.xml", rss(items), "application/rss+xml")
    db, result = crawl(tmp_path, server, feed_source(server), crawl_table="page_maxsize = 200000\n")
    got = outcomes(db)
    u = server.url
    assert got[u("/a/missing.html")] == ("failed", "HTTP 404")
    assert got[u("/a/loop.html")][1] in ("redirect loop", "too many redirects")
    assert got[u("/a/away.html")] == ("offsite", "redirected off-site to example.invalid")
    assert got[u("/a/huge.html")][0] == "too_large"
    assert got[u("/a/bomb.html")][0] == "too_large"
    assert got[u("/private/secret.html")] == ("robots", "refused by robots.txt")
    assert got[u("/a/deep.html")][0] == "extraction_failed"
    assert query(db, "SELECT title FROM articles")[0][0] == "Good story"
    run = query(db, "SELECT * FROM crawl_runs")[0]
    assert (run["new_articles"], run["errors"]) == (1, 7)
    for name in [*names[1:], "missing"]:
        assert result.stderr.count(f"/a/{name}.html") == 1, (name, result.stderr)
    hits_before = dict(server.hits)
    # The feed changes (a new item), so it is read again; the failed entries are unchanged and not
    # requested.
    server.page("/a/new.html", article_html("New story", "MANILA – A new story."))
    server.page(
        "/feed.xml",
        rss([*items, {"title": "new", "link": "{base}/a/new.html"}]),
        "application/rss+xml",
    )
    db, _ = crawl(tmp_path, server, feed_source(server), crawl_table="page_maxsize = 200000\n")
    for path in ("/a/missing.html", "/a/huge.html", "/a/bomb.html", "/a/deep.html", "/a/good.html"):
        assert server.hits[path] == hits_before.get(path, 0), path
    assert server.hits["/a/new.html"] == 1


def test_changed_entry_is_fetched_again_and_keeps_a_revision(
    tmp_path: Path, server: LocalServer
) -> None:
    """An entry whose feed date moved is fetched again; new text updates the article and keeps the
    old one as a revision."""
    server.page(
        "/a/1.html", article_html("Summit opens", "Hanoi (VNA) – The summit opened today./.")
    )
    item = {
        "title": "Summit",
        "link": "{base}/a/1.html",
        "pubDate": "Mon, 09 Feb 2026 10:00:00 +0700",
    }
    server.page("/feed.xml", rss([item]), "application/rss+xml")
    db, _ = crawl(tmp_path, server, feed_source(server))
    server.page(
        "/a/1.html",
        article_html(
            "UPDATE: Summit opens",
            "Hanoi (VNA) – The summit opened today with twelve leaders attending./.",
        ),
    )
    item["pubDate"] = "Mon, 09 Feb 2026 12:00:00 +0700"
    server.page("/feed.xml", rss([item]), "application/rss+xml")
    db, _ = crawl(tmp_path, server, feed_source(server))
    art = query(db, "SELECT * FROM articles")
    assert len(art) == 1 and art[0]["title"] == "UPDATE: Summit opens" and art[0]["updated_at"]
    revs = query(db, "SELECT * FROM revisions")
    assert len(revs) == 1 and revs[0]["title"] == "Summit opens"
    assert query(db, "SELECT updated_articles FROM crawl_runs ORDER BY id DESC")[0][0] == 1


def test_charset_declared_only_in_meta_tag(tmp_path: Path, server: LocalServer) -> None:
    """A windows-1252 page whose charset is only in a <meta> tag (none in the HTTP header) is
    decoded right."""
    html = article_html("Café talks in Hà Nội", "Hanoi (VNA) – The “café” talks went well./.")
    html = html.replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    ).replace("Hà Nội", "Hanoi")
    server.page("/a/1.html", html.encode("windows-1252"), "text/html")
    server.page(
        "/feed.xml", rss([{"title": "x", "link": "{base}/a/1.html"}]), "application/rss+xml"
    )
    db, _ = crawl(tmp_path, server, feed_source(server))
    art = query(db, "SELECT title, body FROM articles")[0]
    assert art["title"] == "Café talks in Hanoi"
    assert "“café”" in art["body"] and "\ufffd" not in art["body"]


def test_hostile_feeds_do_not_stop_the_crawl(tmp_path: Path, server: LocalServer) -> None:
    """A billion-laughs feed, an external-entity feed, a feed body that is a local file path and a
    malformed feed with an unescaped '&': each is handled on its own line and the good feed in the
    same source is crawled."""
    server.page("/a/1.html", article_html("Good & well", "MANILA – Good story text."))
    lol = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
        '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>'
        '<rss version="2.0"><channel><title>&h;</title><item><title>&h;</title>'
        "<link>{base}/a/lol.html</link></item></channel></rss>"
    )
    xxe = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<rss version="2.0"><channel><title>x</title><item><title>&xxe;</title>'
        "<link>{base}/a/xxe.html</link></item></channel></rss>"
    )
    server.page("/lol.xml", lol, "application/rss+xml")
    server.page("/xxe.xml", xxe, "application/rss+xml")
    server.page("/path.xml", "/etc/passwd", "application/rss+xml")
    server.page(
        "/bad.xml",
        rss([{"title": "Trade & investment", "link": "{base}/a/1.html"}]).replace("&amp;", "&"),
        "application/rss+xml",
    )
    urls = ", ".join(
        f'"{server.url(p)}"' for p in ("/lol.xml", "/xxe.xml", "/path.xml", "/bad.xml")
    )
    src = f'[[sources]]\nname = "wire"\nkind = "feed"\nurls = [{urls}]\n'
    db, result = crawl(tmp_path, server, src)
    assert query(db, "SELECT title FROM articles")[0][0] == "Good & well"
    got = outcomes(db)
    assert got[server.url("/path.xml")][0] == "failed"
    assert "root:" not in result.stderr + result.stdout
    for row in query(db, "SELECT * FROM url_outcomes"):
        assert "root:" not in (row["reason"] or "")
    assert (
        server.hits["/a/lol.html"] <= 1
        and "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" not in result.stderr
    )


def test_sitemap_found_from_robots_and_listing_page(tmp_path: Path, server: LocalServer) -> None:
    """A sitemap source given only a site finds its news sitemap through robots.txt (and a sitemap
    index); a listing source follows article links and ignores navigation and off-site links."""
    server.page(
        "/robots.txt",
        "User-agent: *\nDisallow: /private/\nSitemap: {base}/sitemap-index.xml\n",
        "text/plain",
    )
    server.page(
        "/sitemap-index.xml",
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/'
        'schemas/sitemap/0.9"><sitemap><loc>{base}/news-sitemap.xml</loc></sitemap></sitemapindex>',
        "application/xml",
    )
    server.page(
        "/news-sitemap.xml",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
        "<loc>{base}/politics/100001.html</loc><news:news><news:publication><news:name>TASS</news:name>"
        "<news:language>en</news:language></news:publication>"
        "<news:publication_date>2026-02-09T11:20:00+03:00</news:publication_date>"
        "<news:title>Lavrov meets ASEAN envoys</news:title></news:news>"
        "</url></urlset>",
        "application/xml",
    )
    server.page(
        "/politics/100001.html",
        article_html(
            "Lavrov meets ASEAN envoys",
            "MOSCOW, February 9. /TASS/. Russian Foreign Minister met envoys.",
        ),
    )
    server.page(
        "/pna/latest.html",
        '<html><body><nav><a href="/">Home</a><a href="/about">About</a>'
        '<a href="/category/world/">World</a></nav><ul class="article-list">'
        '<li><a href="/pna/articles/1234567">Manila and Tokyo</a></li></ul>'
        '<a href="https://www.gov.ph/">Gov</a><a href="mailto:desk@pna.example">Mail</a>'
        "</body></html>",
    )
    server.page(
        "/pna/articles/1234567",
        article_html(
            "Manila and Tokyo sign pact",
            "MANILA – The Philippines and Japan signed.",
            last="Talks resume in May. (PNA)",
            byline='<span class="date">February 9, 2026, 6:40 pm</span>',
        ),
    )
    src = (
        f'[[sources]]\nname = "tass"\nkind = "sitemap"\nurls = ["{server.url("/")}"]\n'
        '[[sources]]\nname = "pna"\nkind = "listing"\n'
        f'urls = ["{server.url("/pna/latest.html")}"]\n'
    )
    db, _ = crawl(tmp_path, server, src)
    rows = {r["source"]: r for r in query(db, "SELECT * FROM articles")}
    assert set(rows) == {"tass", "pna"}
    assert rows["tass"]["published_local"] == "2026-02-09T11:20:00+03:00"
    assert rows["tass"]["dateline"] == "MOSCOW" and rows["tass"]["agency"] == "TASS"
    assert rows["tass"]["body"].startswith("Russian Foreign Minister")
    assert rows["pna"]["published_local"] == "2026-02-09T18:40:00+08:00"
    assert rows["pna"]["dateline"] == "MANILA" and rows["pna"]["body"].startswith("The Philippines")
    assert rows["pna"]["body"].endswith("Talks resume in May.")
    assert server.hits["/about"] == 0 and server.hits["/category/world/"] == 0


def test_retry_after_is_honoured(tmp_path: Path, server: LocalServer) -> None:
    """A 429 with `Retry-After: 1` is retried after that wait within the run; a 503 asking for an
    hour is not retried now but recorded as a passing failure for the next crawl."""
    import time

    page = article_html(
        "Busy story", "SEOUL, Sept. 17 (Yonhap) -- A busy server story.", last="Done. (END)"
    )
    times: list[float] = []

    def busy(req, count: int) -> Reply:
        times.append(time.monotonic())
        if count == 1:
            return Reply(429, b"slow down", {"Content-Type": "text/plain", "Retry-After": "1"})
        return Reply(200, page.encode(), {"Content-Type": "text/html; charset=utf-8"})

    server.add("/a/busy.html", busy)
    server.add(
        "/a/later.html",
        Reply(503, b"maintenance", {"Content-Type": "text/plain", "Retry-After": "3600"}),
    )
    server.page(
        "/feed.xml",
        rss(
            [
                {"title": "b", "link": "{base}/a/busy.html"},
                {"title": "l", "link": "{base}/a/later.html"},
            ]
        ),
        "application/rss+xml",
    )
    db, _ = crawl(tmp_path, server, feed_source(server))
    assert query(db, "SELECT title FROM articles")[0][0] == "Busy story"
    assert len(times) == 2 and times[1] - times[0] >= 0.9
    assert server.hits["/a/later.html"] == 1
    row = query(
        db,
        "SELECT outcome, reason, permanent FROM url_outcomes WHERE url = ?",
        (server.url("/a/later.html"),),
    )[0]
    assert tuple(row) == ("failed", "HTTP 503", 0)


def test_page_declared_utf8_but_written_in_windows_1252(
    tmp_path: Path, server: LocalServer
) -> None:
    """A page whose header and meta say UTF-8 but whose bytes are Windows-1252 comes out readable,
    without replacement characters; a publish date far in the future is not believed."""
    html = article_html(
        "Café diplomacy in Jakarta",
        "Jakarta (ANTARA) - The “café” diplomacy went well.",
        head='<meta property="article:published_time" content="2099-01-01T10:00:00+07:00">',
    )
    server.page("/a/1.html", html.encode("cp1252"), "text/html; charset=utf-8")
    server.page(
        "/feed.xml",
        rss(
            [
                {
                    "title": "x",
                    "link": "{base}/a/1.html",
                    "pubDate": "Mon, 09 Feb 2026 10:00:00 +0700",
                }
            ]
        ),
        "application/rss+xml",
    )
    db, _ = crawl(tmp_path, server, feed_source(server))
    art = query(db, "SELECT title, body, published_local, published_from FROM articles")[0]
    assert art["title"] == "Café diplomacy in Jakarta"
    assert "“café”" in art["body"] and "\ufffd" not in art["body"]
    assert (art["published_local"], art["published_from"]) == ("2026-02-09T10:00:00+07:00", "seed")


def test_redirect_sources_and_page_canonical_count_as_known(
    tmp_path: Path, server: LocalServer
) -> None:
    """A feed link that redirects, and a link the page's own rel=canonical names differently, both
    become known: when later feeds list the redirect source, the final URL or the canonical one,
    nothing is downloaded again."""
    server.add("/old/1", Reply(301, b"", {"Location": "{base}/a/1.html"}))
    server.page("/a/1.html", article_html("Redirected story", "Hanoi (VNA) – Redirected./."))
    server.page(
        "/a/2.html",
        article_html(
            "Canonical story",
            "Hanoi (VNA) – Canonical./.",
            head='<link rel="canonical" href="{base}/story/2">',
        ),
    )
    server.page(
        "/feed.xml",
        rss(
            [
                {"title": "1", "link": "{base}/old/1"},
                {"title": "2", "link": "{base}/a/2.html?from=home"},
            ]
        ),
        "application/rss+xml",
    )
    db, _ = crawl(tmp_path, server, feed_source(server))
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == 2
    assert query(db, "SELECT canonical_url FROM articles WHERE title = 'Canonical story'")[0][
        0
    ] == server.url("/story/2")
    server.page(
        "/feed.xml",
        rss(
            [
                {"title": "1", "link": "{base}/a/1.html"},
                {"title": "1b", "link": "{base}/old/1?utm_source=x"},
                {"title": "2", "link": "{base}/story/2"},
                {"title": "2b", "link": "{base}/a/2.html"},
            ]
        ),
        "application/rss+xml",
    )
    db, _ = crawl(tmp_path, server, feed_source(server))
    assert (server.hits["/old/1"], server.hits["/a/1.html"], server.hits["/a/2.html"]) == (1, 1, 1)
    assert server.hits["/story/2"] == 0
    assert query(db, "SELECT unchanged FROM crawl_runs ORDER BY id DESC")[0][0] == 4


def test_progress_table_on_request(tmp_path: Path, server: LocalServer) -> None:
    """`--progress` draws the live table (on stderr) and the crawl still completes with its
    summary."""
    server.page("/a/1.html", article_html("Story", "Hanoi (VNA) – Story./."))
    server.page(
        "/feed.xml", rss([{"title": "1", "link": "{base}/a/1.html"}]), "application/rss+xml"
    )
    db, result = crawl(tmp_path, server, feed_source(server), "--progress")
    assert "wirewatch crawl" in result.stderr
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == 1


def test_second_crawl_duplicates_no_story(tmp_path: Path, server: LocalServer) -> None:
    """Crawling again after the feed's dates moved refetches the articles, and neither articles nor
    stories are duplicated; a re-sent copy under a new URL joins the existing story."""
    text = (
        "Russia and ASEAN agreed to deepen cooperation in energy and education during "
        "consultations of senior officials in Moscow on Monday, the ministry said. "
    )
    server.page(
        "/a/1.html",
        article_html("Russia, ASEAN deepen ties", "Moscow (VNA) – " + text * 2, paras=4),
    )
    items = [
        {"title": "1", "link": "{base}/a/1.html", "pubDate": "Mon, 09 Feb 2026 10:00:00 +0700"}
    ]
    server.page("/feed.xml", rss(items), "application/rss+xml")
    db, _ = crawl(tmp_path, server, feed_source(server))
    items[0]["pubDate"] = "Mon, 09 Feb 2026 11:00:00 +0700"
    server.page(
        "/a/2.html",
        article_html(
            "Russia and ASEAN to deepen cooperation",
            "MOSCOW, February 9. /TASS/. " + text * 2,
            paras=4,
        ),
    )
    items.append({"title": "2", "link": "{base}/a/2.html"})
    server.page("/feed.xml", rss(items), "application/rss+xml")
    db, _ = crawl(tmp_path, server, feed_source(server))
    assert server.hits["/a/1.html"] == 2
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == 2
    stories = query(db, "SELECT * FROM stories")
    assert (
        len(stories) == 1 and stories[0]["article_count"] == 2 and stories[0]["relevance"] == "core"
    )


def test_each_article_is_grouped_once_and_one_a_crash_left_out_by_the_next_crawl(
    tmp_path: Path, server: LocalServer
) -> None:
    """The articles a crawl stores while the first analyses are still in the worker are grouped
    once each, by their own items, not grouped first as left over and then again; an article an
    earlier crawl stored without a story (a crash between storing and grouping) gets its story on
    the next crawl."""

    def site(n: int) -> None:
        for i in range(n):
            server.page(
                f"/a/{i}.html",
                article_html(f"Talks round {i}", f"MANILA – Round {i} of the talks opened."),
            )
        items = [{"title": str(i), "link": f"{{base}}/a/{i}.html"} for i in range(n)]
        server.page("/feed.xml", rss(items), "application/rss+xml")

    def analyses() -> dict[str, int]:
        rows = query(
            db,
            "SELECT a.title, COUNT(l.seq) FROM articles a"
            " LEFT JOIN signature_log l ON l.article_id = a.id GROUP BY a.id",
        )
        return {r[0]: r[1] for r in rows}

    site(12)
    db, _ = crawl(tmp_path, server, feed_source(server))
    assert analyses() == {f"Talks round {i}": 1 for i in range(12)}
    assert query(db, "SELECT COUNT(*) FROM articles WHERE story_id IS NULL")[0][0] == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET story_id = NULL WHERE title = 'Talks round 3'")
    conn.close()
    site(13)
    crawl(tmp_path, server, feed_source(server))
    assert query(db, "SELECT COUNT(*) FROM articles WHERE story_id IS NULL")[0][0] == 0
    assert analyses() == {f"Talks round {i}": 1 + (i == 3) for i in range(13)}


def test_a_malformed_link_is_one_outcome_and_the_feed_goes_on(
    tmp_path: Path, server: LocalServer
) -> None:
    """Feed entries linking to a bad port and to a bad IDNA host are each a `bad_url` outcome; the
    entries after them are still fetched and stored."""
    for n, city in ((1, "Hanoi"), (2, "Manila")):
        body = f"{city} (VNA) – Talks opened./."
        server.page(f"/a/{n}.html", article_html(f"{city} hosts ASEAN talks", body))
    items = [
        {"title": "port", "link": "http://127.0.0.1:99999/x"},
        {"title": "ok 1", "link": "{base}/a/1.html"},
        {"title": "idna", "link": "http://xn--a.example/y"},
        {"title": "ok 2", "link": "{base}/a/2.html"},
    ]
    server.page("/feed.xml", rss(items), "application/rss+xml")
    db, _ = crawl(tmp_path, server, feed_source(server), "-s", "DOWNLOAD_DELAY=0")
    titles = sorted(r[0] for r in query(db, "SELECT title FROM articles"))
    assert titles == ["Hanoi hosts ASEAN talks", "Manila hosts ASEAN talks"]
    bad = {u: o for u, o in outcomes(db).items() if o[0] == "bad_url"}
    assert len(bad) == 2, outcomes(db)
    assert any("99999" in u and "port" in reason.lower() for u, (_, reason) in bad.items()), bad


def _index(*locs: str) -> str:
    entries = "".join(f"<sitemap><loc>{{base}}{loc}</loc></sitemap>" for loc in locs)
    return (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{entries}</sitemapindex>"
    )


def test_sitemap_index_loops_end(tmp_path: Path, server: LocalServer) -> None:
    """An index that lists itself and two indexes that list each other are each read once per run,
    and a chain of indexes deeper than the limit stops with one recorded outcome; the news sitemap
    they lead to is read and its article stored."""
    server.page("/self.xml", _index("/self.xml", "/a.xml"), "application/xml")
    server.page("/a.xml", _index("/b.xml", "/deep1.xml"), "application/xml")
    server.page("/b.xml", _index("/a.xml", "/news.xml"), "application/xml")
    for n in range(1, 9):
        server.page(f"/deep{n}.xml", _index(f"/deep{n + 1}.xml"), "application/xml")
    server.page(
        "/news.xml",
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>{base}/politics/1000001.html</loc></url></urlset>",
        "application/xml",
    )
    server.page(
        "/politics/1000001.html",
        article_html("Lavrov meets ASEAN envoys", "MOSCOW, February 9. /TASS/. Envoys met./."),
    )
    src = (
        f'[[sources]]\nname = "tass"\nkind = "sitemap"\nurls = ["{server.url("/self.xml")}"]\n'
        'allowed_domains = ["127.0.0.1"]\n'
    )
    db, _ = crawl(tmp_path, server, src, "-s", "DOWNLOAD_DELAY=0")
    assert [r[0] for r in query(db, "SELECT title FROM articles")] == ["Lavrov meets ASEAN envoys"]
    for path in ("/self.xml", "/a.xml", "/b.xml", "/news.xml"):
        assert server.hits[path] == 1, (path, server.hits[path])
    assert sum(server.hits[f"/deep{n}.xml"] for n in range(1, 9)) <= 6
    deep = [o for o in outcomes(db).values() if "nested deeper" in (o[1] or "")]
    assert len(deep) == 1, outcomes(db)


def test_seeds_stay_within_their_fences(tmp_path: Path, server: LocalServer) -> None:
    """A feed seed that redirects to another host, and robots.txt Sitemap lines for another host and
    for a file:// URL, are each one outcome (offsite, bad_scheme); nothing is fetched from the other
    host (localhost is another host than 127.0.0.1) and no local file is read."""
    other = server.url("/elsewhere.xml").replace("127.0.0.1", "localhost")
    server.add("/moved.xml", Reply(301, b"", {"Location": other}))
    server.page("/elsewhere.xml", rss([{"title": "x", "link": "{base}/a/1.html"}]), "text/xml")
    server.page(
        "/robots.txt",
        "User-agent: *\nSitemap: " + other + "\nSitemap: file:///etc/hostname\n",
        "text/plain",
    )
    src = feed_source(server, "wire", "/moved.xml") + (
        f'[[sources]]\nname = "tass"\nkind = "sitemap"\nurls = ["{server.url("/")}"]\n'
    )
    db, _ = crawl(tmp_path, server, src, "-s", "DOWNLOAD_DELAY=0")
    got = outcomes(db)
    assert server.hits["/elsewhere.xml"] == 0, got
    assert got[server.url("/moved.xml")][0] == "offsite", got
    assert got[other][0] == "offsite", got
    assert got["file:///etc/hostname"][0] == "bad_scheme", got
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == 0


def test_a_page_too_slow_to_extract_is_its_own_outcome_and_tried_again(
    tmp_path: Path, server: LocalServer
) -> None:
    """A page whose extraction runs past `extract_timeout` (here 250-deep <div>s, several seconds
    of parsing) is `too_slow`: its worker is replaced, the pages around it are stored, and the next
    crawl tries it again although the feed answers 304."""
    server.page("/a/slow.html", slow_page(300))
    for n in ("before", "after"):
        server.page(f"/a/{n}.html", article_html(f"Story {n}", f"MANILA – The {n} story text."))
    items = [{"title": n, "link": f"{{base}}/a/{n}.html"} for n in ("before", "slow", "after")]
    server.page("/feed.xml", rss(items), "application/rss+xml")
    table = "extract_timeout = 1.5\n"
    db, _ = crawl(tmp_path, server, feed_source(server), crawl_table=table)
    assert outcomes(db)[server.url("/a/slow.html")] == ("too_slow", "extraction took over 1.5s")
    titles = {r[0] for r in query(db, "SELECT title FROM articles")}
    assert titles == {"Story before", "Story after"}
    assert query(db, "SELECT errors FROM crawl_runs")[0][0] == 1
    crawl(tmp_path, server, feed_source(server), crawl_table=table)
    assert server.hits["/feed.xml"] == 2 and server.hits["/a/slow.html"] == 2
    attempts = query(db, "SELECT attempts FROM url_outcomes WHERE outcome = 'too_slow'")
    assert [r[0] for r in attempts] == [2]


def test_kill_9_of_a_crawl_leaves_no_worker_running(tmp_path: Path, server: LocalServer) -> None:
    """`kill -9` of a `wirewatch crawl` whose worker is deep in a page: the worker goes too."""
    server.page("/a/stuck.html", slow_page(800))
    server.page(
        "/feed.xml", rss([{"title": "s", "link": "{base}/a/stuck.html"}]), "application/rss+xml"
    )
    cfg = write_config(tmp_path / "c.toml", feed_source(server), "extract_timeout = 0\n")
    args = ["--config", str(cfg), "--db", str(tmp_path / "w.db"), "crawl", "--no-progress"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while server.hits["/a/stuck.html"] < 1 and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1.5)  # the page is in its worker now
        assert len(session_members(proc.pid)) >= 3, "crawl, forkserver and worker"
    finally:
        proc.kill()
        proc.wait(10)
    session_ended(proc.pid)
    left = session_members(proc.pid)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "orphaned processes kept running after the crawl was killed"


def test_a_crawl_killed_after_its_feed_fetches_the_rest_next_time(
    tmp_path: Path, server: LocalServer
) -> None:
    """The feed's validators count only once its links have outcomes: after kill -9 halfway, the
    next crawl reads the feed again (no 304) and stores the articles the first never reached."""
    slow_site(server, 6, 0.5)
    cfg = write_config(
        tmp_path / "c.toml", feed_source(server), "concurrency = 1\nconcurrency_per_domain = 1\n"
    )
    db = tmp_path / "ww.db"  # the database of crawl() below
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "--config", str(cfg), "--db", str(db), "crawl"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while server.hits["/a/1.html"] < 1 and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.kill()
    proc.wait(10)
    first = query(db, "SELECT COUNT(*) FROM articles")[0][0]
    assert first < 6
    db, _ = crawl(tmp_path, server, feed_source(server))
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == 6


@pytest.mark.parametrize(
    ("presses", "when"), [(1, "start-up"), (1, "crawling"), (2, "crawling"), (2, "extracting")]
)
def test_ctrl_c_stops_with_130_and_records_the_run_stopped(
    tmp_path: Path, server: LocalServer, presses: int, when: str
) -> None:
    """Ctrl-C (SIGINT) at start-up, while downloading, or while a worker is deep in a page: the
    first press stops gracefully, a second at once; never a traceback, exit status 130, the run
    `stopped`, and a later crawl stores what was not fetched."""
    slow_site(server, 8, 0.4)
    if when == "extracting":
        server.page("/a/0.html", slow_page(800))
    cfg = write_config(
        tmp_path / "c.toml",
        feed_source(server),
        "concurrency = 1\nconcurrency_per_domain = 1\nextract_timeout = 0\n",
    )
    db = tmp_path / "ww.db"  # the database of crawl() below
    args = ["--config", str(cfg), "--db", str(db), "crawl", "--no-progress"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    if when == "start-up":  # the command runs, the reactor does not yet
        while not db.exists():
            assert time.monotonic() < deadline
            time.sleep(0.01)
    else:
        while server.hits["/a/1.html" if when == "crawling" else "/a/0.html"] < 1:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(0.5)
    for _ in range(presses):
        os.killpg(proc.pid, signal.SIGINT)  # a terminal sends it to the whole foreground group
        time.sleep(0.3)
    try:
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, (out, err)
    assert "Traceback" not in err and "Unhandled error" not in err, err
    assert session_ended(proc.pid), "processes of the crawl outlived it"
    if when != "start-up":
        assert [r[0] for r in query(db, "SELECT status FROM crawl_runs")] == ["stopped"]
        assert "stopped" in out
    # the slow page is given 1 s on the next crawl, so its end does not hang on the machine's speed
    crawl(tmp_path, server, feed_source(server), crawl_table="extract_timeout = 1\n")
    assert query(db, "SELECT COUNT(*) FROM articles")[0][0] == (7 if when == "extracting" else 8)
    if when == "extracting":
        assert outcomes(db)[server.url("/a/0.html")][0] == "too_slow"


def test_a_full_disk_stops_the_crawl_with_a_failed_run_and_exit_1(
    tmp_path: Path, server: LocalServer
) -> None:
    """The database on a small tmpfs (a private mount namespace, so nothing on the machine is
    touched) fills up mid-crawl: one clear line, exit status 1, the run `failed`, no traceback."""
    probe = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c", "mount -t tmpfs none /mnt"],
        capture_output=True,
    )
    if probe.returncode != 0:
        pytest.skip("needs a private mount namespace (unshare -m and mount, as root)")
    for i in range(40):
        paras = " ".join(
            f"Paragraph {j} of story {i}, on trade talk number {i * j}." for j in range(600)
        )
        server.page(f"/a/{i}.html", article_html(f"Story {i}", f"MANILA – {paras}"))
    items = [{"title": str(i), "link": f"{{base}}/a/{i}.html"} for i in range(40)]
    server.page("/feed.xml", rss(items), "application/rss+xml")
    cfg = write_config(tmp_path / "c.toml", feed_source(server))
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    out.mkdir()
    crawl_cmd = f"{sys.executable} -m crawler.cli --config {cfg} --db {disk}/ww.db crawl"
    script = (
        f"mount -t tmpfs -o size=900k none {disk} && cd {ROOT} && {crawl_cmd}; code=$?;"
        f" cp {disk}/ww.db* {out}/ 2>/dev/null; exit $code"
    )
    result = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert "wirewatch: wire: database writes failed: database or disk is full" in result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert [r[0] for r in query(out / "ww.db", "SELECT status FROM crawl_runs")] == ["failed"]
