"""`wirewatch serve` in a real browser: headless Chromium (Debian's, driven by Playwright) over a
demo database that a real crawl, real rules and real deliveries (one SMTP server that accepts, one
Slack stand-in that refuses) filled. One server and one browser for the whole module. Screenshots
go to $WIREWATCH_SCREENSHOTS, else to a temporary folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawler.demo.server import SiteServer, demo_config_text, site_root
from tests.conftest import query, run_wirewatch
from tests.httpserver import LocalServer
from tests.slackserver import SlackStandIn
from tests.smtpserver import SMTPServer
from tests.webserve import start_serve

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RULES = """
[[rules]]
name = "bloc"
actors_any = ["ASEAN"]
channels = ["desk", "team"]

[channels.desk]
type = "email"
to = ["desk@example.org"]
from = "wirewatch@example.org"
smtp_host = "127.0.0.1"
smtp_port = {smtp_port}
timezone = "Asia/Bangkok"

[channels.team]
type = "slack"
webhook_url = "{webhook}"
"""

pytestmark = [
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() or shutil.which("chromium") is None,
        reason=f"no Chromium at {CHROMIUM} (Debian package `chromium`; .ci/run installs it)",
    ),
    pytest.mark.xdist_group("web"),  # one crawl and one browser for the module
]


def _screens(tmp_root: Path) -> Path:
    folder = Path(os.environ.get("WIREWATCH_SCREENSHOTS") or tmp_root / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Site:
    """The demo database, its server's URL, the digest email's HTML, and where screenshots go."""

    def __init__(self, cfg: Path, db: Path, url: str, email_html: Path, screens: Path):
        self.cfg, self.db, self.url = cfg, db, url
        self.email_html, self.screens = email_html, screens


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    tmp = tmp_path_factory.mktemp("web")
    db, cfg = tmp / "demo.db", tmp / "wirewatch.toml"
    smtp = SMTPServer()
    smtp.start()
    hooks = LocalServer()
    slack = SlackStandIn(hooks)
    slack.then(404, "no_service")
    with SiteServer(site_root()) as wire:
        text = demo_config_text(wire.base) + RULES.format(smtp_port=smtp.port, webhook=slack.url)
        cfg.write_text(text, "utf-8")
        crawled = run_wirewatch("--config", str(cfg), "--db", str(db), "crawl", "--no-progress")
        assert crawled.returncode == 0, crawled.stderr
    server, url = start_serve("--config", str(cfg), "--db", str(db))
    try:
        cfg.write_text(text + f'\n[web]\nbase_url = "{url}"\n', "utf-8")
        sent = run_wirewatch("--config", str(cfg), "--db", str(db), "digest")
        assert sent.returncode == 0, sent.stderr
        assert smtp.messages, "the email digest was not sent"
        html = smtp.messages[0].get_body(("html",))
        assert html is not None
        email_html = tmp / "digest.html"
        email_html.write_text(html.get_content(), "utf-8")
        yield Site(cfg, db, url, email_html, _screens(tmp))
    finally:
        server.terminate()
        server.wait(10)
        hooks.close()
        smtp.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900},
            timezone_id="Asia/Bangkok",
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    p = browser.new_page()
    p.set_default_timeout(15_000)
    try:
        yield p
    finally:
        p.close()


def test_front_page_lists_the_latest_stories_newest_first(site: Site, page: Any) -> None:
    """The front page is the stories, newest first, each linking to its page, with facets."""
    page.goto(site.url + "/")
    titles = page.locator("table.rows-and-columns td.col-title a").all_inner_texts()
    newest = [
        r["title"] for r in query(site.db, "select title from stories order by first_seen desc")
    ]
    assert titles == newest
    for facet in ("relevance", "sources", "language", "actor"):
        assert page.locator(f"#facet-{facet}").count() == 1, facet
    assert page.locator("input[name=q]").first.is_visible()
    page.screenshot(path=str(site.screens / "front-page.png"), full_page=True)
    page.locator("#facet-actor a", has_text="CHN").first.click()
    page.wait_for_url("**_actor=CHN**")
    chosen = page.locator("table.rows-and-columns td.col-title a").all_inner_texts()
    with_china = query(
        site.db,
        "select s.title from stories s join story_actors a on a.story_id = s.id "
        "where a.actor = 'CHN'",
    )
    assert sorted(chosen) == sorted(r["title"] for r in with_china) and chosen


def test_search_finds_a_known_article_with_its_terms_marked(site: Site, page: Any) -> None:
    """Typing a query in the front page's box finds the article, the word marked in a snippet."""
    page.goto(site.url + "/")
    page.fill("input[name=q]", "Balikatan")
    page.locator("form.wirewatch-search input[type=submit]").click()
    page.wait_for_load_state()
    assert "Balikatan 2026" in page.locator("table.rows-and-columns").inner_text()
    assert page.locator("mark", has_text="Balikatan").count() >= 1
    page.screenshot(path=str(site.screens / "search.png"), full_page=True)
    page.goto(site.url + "/wirewatch/search?q=ASEAN&source=tass&relevance=core")
    sources = page.locator("td.col-source").all_inner_texts()
    assert sources and set(sources) == {"tass"}


def test_search_pages_on_past_its_first_page(site: Site, page: Any) -> None:
    """A search shows a page of results; page 2 of a search with fewer matches is empty and links
    back to the first, which has no link onward."""
    page.goto(site.url + "/wirewatch/search?q=ASEAN&page=2")
    assert page.locator("table.rows-and-columns tbody tr").count() == 0
    assert page.locator("a[rel=next]").count() == 0
    page.locator("a[rel=prev]").click()
    page.wait_for_load_state()
    assert "page=1" in page.url and "q=ASEAN" in page.url
    assert page.locator("table.rows-and-columns tbody tr").count() > 0
    assert page.locator("a[rel=prev]").count() == 0


def test_story_page_shows_every_carrier_and_actor(site: Site, page: Any) -> None:
    """A story carried by two agencies shows both articles, its actors, reasons and alerts."""
    story = query(site.db, "select id, title from stories where article_count > 1")[0]
    page.goto(site.url + f"/wirewatch/stories/{story['id']}")
    assert page.locator("h1").inner_text() == story["title"]
    carriers = page.locator("table.wirewatch-articles tbody tr")
    agencies = query(
        site.db,
        "select coalesce(agency, source) as a from articles where story_id = ?",
        (story["id"],),
    )
    assert carriers.count() == len(agencies) == 2
    shown = page.locator("table.wirewatch-articles").inner_text()
    assert all(a["a"] in shown for a in agencies)
    # how each came into the story: the first began it, the other was found alike to it
    joined = page.locator("td.wirewatch-joined").all_inner_texts()
    first = query(
        site.db,
        "select coalesce(agency, source) as a from articles where story_id = ? and joined_as"
        " is null",
        (story["id"],),
    )
    assert len(first) == 1 and joined.count("began the story") == 1
    (other,) = [j for j in joined if j != "began the story"]
    assert other.startswith(("near-copy of", "re-telling of")) and first[0]["a"] in other
    actors = page.locator("table.wirewatch-actors").inner_text()
    for row in query(site.db, "select actor from story_actors where story_id = ?", (story["id"],)):
        assert row["actor"] in actors
    assert page.locator("ul.wirewatch-reasons li").count() >= 1
    when = page.locator("table.wirewatch-articles time").first
    # The reader's zone (the browser's, Asia/Bangkok here), not the stored UTC time.
    assert "GMT+7" in when.inner_text() and "+00:00" in (when.get_attribute("datetime") or "")
    assert page.locator("table.wirewatch-alerts").inner_text().count("bloc") == 2
    page.screenshot(path=str(site.screens / "story.png"), full_page=True)


def test_alerts_page_shows_why_a_delivery_failed(site: Site, page: Any) -> None:
    """The Slack channel refused for good: the alerts page says so, with the reason."""
    page.goto(site.url + "/wirewatch/alerts")
    table = page.locator("table.rows-and-columns").inner_text()
    assert "team" in table and "no_service" in table
    assert "XXXXSECRETXXXX" not in page.content()
    failed = page.locator("td.col-failed").all_inner_texts()
    assert any(int(n) > 0 for n in failed)
    page.screenshot(path=str(site.screens / "alerts.png"), full_page=True)
    page.goto(site.url + "/wirewatch/sources")
    assert "vna" in page.locator("table.rows-and-columns").inner_text()


@pytest.mark.parametrize("width", [375, 1280])
def test_digest_email_fits_the_screen_and_links_to_story_pages(
    site: Site, browser: Any, width: int
) -> None:
    """The HTML digest on a phone and a desktop: nothing wider than the screen, and its story page
    links open the story."""
    page = browser.new_page()
    try:
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(site.email_html.as_uri())
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{overflow}px wider than a {width}px screen"
        page.screenshot(path=str(site.screens / f"digest-{width}.png"), full_page=True)
        links = page.locator("a.page")
        assert links.count() >= 1
        href = links.first.get_attribute("href") or ""
        assert href.startswith(site.url + "/wirewatch/stories/")
        links.first.click()
        page.wait_for_load_state()
        assert page.locator("table.wirewatch-articles").count() == 1
    finally:
        page.close()


def test_story_command_prints_the_story_page(site: Site) -> None:
    """With [web] base_url set, `wirewatch story ID` ends with the story's page."""
    shown = run_wirewatch("--config", str(site.cfg), "--db", str(site.db), "story", "1")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[-1] == f"page: {site.url}/wirewatch/stories/1"
