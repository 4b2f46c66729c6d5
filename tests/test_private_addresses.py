"""A public source cannot steer the crawler into the local network; a local or intranet source
still reaches its own pages.

Public-looking hosts (`wire.example`) get their addresses from tests/resolver.py, and their pages
come through the test server acting as an HTTP proxy, so nothing leaves 127.0.0.1. Every private
target is a path of that same server: had a refused request gone out, directly or through the
proxy, its hit would show.
"""

from __future__ import annotations

import ipaddress
import json
from pathlib import Path

import pytest

from crawler.crawl.addresses import non_public
from tests.conftest import FIXTURES, ROOT, article_html, query, rss, run_wirewatch, write_config
from tests.httpserver import LocalServer, Reply

PUBLIC = "93.184.216.34"  # never connected to: the proxy answers for it
HOSTS = {
    "wire.example": PUBLIC,
    "intranet.wire.example": "10.1.2.3",
    "loop.wire.example": "127.0.0.1",
    "intranet.example": "10.20.30.40",
}
ADDRESSES = json.loads((FIXTURES / "addresses.json").read_text("utf-8"))["cases"]


def crawl(tmp_path: Path, server: LocalServer, sources: str) -> tuple[Path, str]:
    """`wirewatch crawl` with the test resolver and the test server as the HTTP proxy."""
    cfg = write_config(tmp_path / "wirewatch.toml", sources)
    db = tmp_path / "ww.db"
    result = run_wirewatch(
        "--config",
        str(cfg),
        "--db",
        str(db),
        "crawl",
        "-s",
        "TWISTED_DNS_RESOLVER=tests.resolver.MappedResolver",
        "-s",
        "TEST_HOSTS=" + json.dumps(HOSTS),
        cwd=ROOT,
        env={"http_proxy": server.base, "no_proxy": "", "NO_PROXY": ""},
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return db, result.stderr


def outcomes(db: Path) -> dict[str, tuple[str, str]]:
    return {r["url"]: (r["outcome"], r["reason"]) for r in query(db, "SELECT * FROM url_outcomes")}


def refused(reason: str) -> tuple[str, str]:
    """The url_outcomes row (outcome, reason) of a request refused for its address."""
    return ("private_address", reason)


def titles(db: Path) -> list[str]:
    return sorted(r["title"] for r in query(db, "SELECT title FROM articles"))


def serve_feed(server: LocalServer, path: str, links: list[str]) -> None:
    items = [{"title": f"entry {i}", "link": url} for i, url in enumerate(links)]
    server.page(path, rss(items), "application/rss+xml")


def feed(name: str, url: str, allowed: list[str]) -> str:
    return (
        f'[[sources]]\nname = "{name}"\nkind = "feed"\nagency = "VNA"\nurls = ["{url}"]\n'
        f"allowed_domains = {json.dumps(allowed)}\n"
    )


def page(server: LocalServer, path: str, title: str) -> None:
    server.page(path, article_html(title, f"Hanoi (VNA) – {title} was reported on Monday./."))


@pytest.mark.parametrize("address", sorted(ADDRESSES), ids=str)
def test_what_counts_as_a_non_public_address(address: str) -> None:
    """Loopback, private, link-local, unspecified, multicast and reserved addresses, also inside
    IPv4-mapped, 6to4 and NAT64 IPv6 forms, are named for what they are; public ones are not."""
    assert non_public(ipaddress.ip_address(address)) == ADDRESSES[address]


def test_links_into_the_local_network_are_refused(tmp_path: Path, server: LocalServer) -> None:
    """A public feed's links to a loopback literal and to names of its own domain that resolve to a
    private or loopback address are each one private_address outcome, counted as errors and never
    requested; the other entry is stored, and a name that does not resolve still fails as a DNS
    failure, tried again next crawl."""
    page(server, "/a/1.html", "ASEAN ministers meet")
    for n in (2, 3, 4):
        page(server, f"/a/{n}.html", f"Secret {n}")
    local = f"http://127.0.0.1:{server.httpd.server_address[1]}/a/3.html"
    links = [
        "http://wire.example/a/1.html",
        "http://intranet.wire.example/a/2.html",
        local,
        "http://loop.wire.example/a/4.html",
        "http://gone.wire.example/a/5.html",
    ]
    serve_feed(server, "/feed.xml", links)
    source = feed("wire", "http://wire.example/feed.xml", ["wire.example", "127.0.0.1"])
    db, stderr = crawl(tmp_path, server, source)
    got = outcomes(db)
    assert got[links[1]] == refused("intranet.wire.example resolves to 10.1.2.3, a private address")
    assert got[local] == refused("127.0.0.1 is a loopback address")
    assert got[links[3]] == refused("loop.wire.example resolves to 127.0.0.1, a loopback address")
    assert got[links[4]] == ("failed", "DNS lookup failed for gone.wire.example")
    assert titles(db) == ["ASEAN ministers meet"]
    for n in (2, 3, 4):
        assert server.hits[f"/a/{n}.html"] == 0, n
    run = query(db, "SELECT * FROM crawl_runs")[0]
    assert (run["new_articles"], run["errors"]) == (1, 4)
    assert stderr.count("private_address") == 3, stderr
    permanent = {r["url"]: r["permanent"] for r in query(db, "SELECT * FROM url_outcomes")}
    assert [permanent[u] for u in links[1:]] == [1, 1, 1, 0]


def test_a_redirect_into_the_local_network_is_refused(tmp_path: Path, server: LocalServer) -> None:
    """A public page that redirects to a loopback literal, or to a name resolving to one, ends as
    private_address and the target is never requested, even with the target inside
    allowed_domains."""
    server.add("/a/moved.html", Reply(302, b"", {"Location": "{base}/a/target.html"}))
    server.add(
        "/a/moved-by-name.html", Reply(302, b"", {"Location": "http://loop.wire.example/a/t2.html"})
    )
    page(server, "/a/target.html", "Target")
    page(server, "/a/t2.html", "Target two")
    page(server, "/a/kept.html", "Kept")
    links = [f"http://wire.example/a/{n}.html" for n in ("moved", "moved-by-name", "kept")]
    serve_feed(server, "/feed.xml", links)
    source = feed("wire", "http://wire.example/feed.xml", ["wire.example", "127.0.0.1"])
    db, _ = crawl(tmp_path, server, source)
    got = outcomes(db)
    assert got[links[0]] == refused("redirected to 127.0.0.1, a loopback address")
    assert got[links[1]] == refused(
        "redirected to loop.wire.example, which resolves to 127.0.0.1, a loopback address"
    )
    assert server.hits["/a/target.html"] == 0 and server.hits["/a/t2.html"] == 0
    assert titles(db) == ["Kept"]


def test_a_robots_sitemap_line_into_the_local_network_is_refused(
    tmp_path: Path, server: LocalServer
) -> None:
    """A public site's robots.txt listing a sitemap on a name of its own domain that resolves to a
    private address gives one private_address outcome for that sitemap, unread; its public sitemap
    is read and its article stored."""
    server.page(
        "/robots.txt",
        "User-agent: *\nSitemap: http://intranet.wire.example/hidden.xml\n"
        "Sitemap: http://wire.example/news.xml\n",
        "text/plain",
    )
    urlset = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>http://wire.example/politics/1000001.html</loc></url></urlset>"
    )
    server.page("/news.xml", urlset, "application/xml")
    server.page("/hidden.xml", urlset, "application/xml")
    page(server, "/politics/1000001.html", "ASEAN envoys meet")
    source = '[[sources]]\nname = "tass"\nkind = "sitemap"\nurls = ["http://wire.example/"]\n'
    db, _ = crawl(tmp_path, server, source)
    assert outcomes(db)["http://intranet.wire.example/hidden.xml"] == refused(
        "intranet.wire.example resolves to 10.1.2.3, a private address"
    )
    assert server.hits["/hidden.xml"] == 0 and server.hits["/news.xml"] == 1
    assert titles(db) == ["ASEAN envoys meet"]


def test_local_and_intranet_sources_reach_their_own_network(
    tmp_path: Path, server: LocalServer
) -> None:
    """A source whose feed host resolves to a private address (an intranet) and one served from
    127.0.0.1 both store their articles, on private and loopback addresses alike, and have no
    private_address outcome."""
    local_host = f"localhost:{server.httpd.server_address[1]}"
    serve_feed(server, "/intranet.xml", ["http://intranet.example/a/1.html", "{base}/a/2.html"])
    serve_feed(server, "/local.xml", [f"http://{local_host}/a/3.html"])
    for n in (1, 2, 3):
        page(server, f"/a/{n}.html", f"Story {n} on ASEAN")
    sources = feed(
        "lan", "http://intranet.example/intranet.xml", ["intranet.example", "127.0.0.1"]
    ) + feed("local", server.url("/local.xml"), ["127.0.0.1", "localhost"])
    db, stderr = crawl(tmp_path, server, sources)
    assert "private_address" not in stderr
    assert titles(db) == ["Story 1 on ASEAN", "Story 2 on ASEAN", "Story 3 on ASEAN"]
    assert all(server.hits[f"/a/{n}.html"] == 1 for n in (1, 2, 3))
