"""crawler.extract.bylines: the publish time printed between the headline and the text, and no date
from anywhere else on the page; end to end, a crawl stores it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from lxml import html as lxml_html

from crawler.extract.bylines import find_byline_date
from tests.conftest import query, rss, run_wirewatch, write_config
from tests.httpserver import LocalServer

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
HCM = "Asia/Ho_Chi_Minh"
TEXT = (
    "<p>Ha Noi (VNA) – Viet Nam and Laos on Thursday switched on a second power line across their "
    "border, doubling the electricity the two countries can trade.</p>"
    "<p>Officials said the two sides would review prices at a meeting later this month./.</p>"
)


def _byline(body: str, zone: str = HCM) -> str | None:
    """The byline time find_byline_date reads in a page with `body`, as ISO 8601."""
    tree = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    found = find_byline_date(tree, zone, datetime.now(UTC) + timedelta(days=1))
    return found.value.isoformat() if found else None


def test_dates_around_the_article_are_not_taken() -> None:
    """Today's date in the site header, dated links in a sidebar before the headline and in a
    related list after the text, and a footer date are other pages' dates: a page with only those
    has no byline time."""
    body = (
        '<header class="site-header"><span class="date">Thursday, 3 December 2026</span>'
        '<nav><a href="/">Home</a></nav></header>'
        '<aside><span class="date">02/12/2026 08:00</span> <a href="/x">Other story</a></aside>'
        '<div class="trending"><span class="time">01/12/2026 07:00</span> Trending story</div>'
        f"<article><h1>Viet Nam, Laos open power line</h1>{TEXT}</article>"
        '<div class="related"><span class="date">30/11/2026 09:00</span> Related story</div>'
        "<footer>Updated 03/12/2026 18:00</footer>"
    )
    assert _byline(body) is None


def test_related_links_between_headline_and_text_are_not_taken() -> None:
    """A box of related links with their dates between the headline and the text is skipped: the
    byline's own time is taken, not the older date of a related story."""
    body = (
        "<h1>Viet Nam, Laos open power line</h1>"
        '<div class="related-box"><span class="date">01/12/2026 09:00</span> '
        '<a href="/x">Power exports to rise</a></div>'
        f'<div class="post-date">03/12/2026 14:05</div>{TEXT}'
    )
    assert _byline(body) == "2026-12-03T14:05:00+07:00"


LOGO = (
    '<header><h1 class="logo"><a href="/"><img src="/logo.png" alt="VNA"></a></h1>'
    '<div class="date">Thursday, 03/12/2026 06:00</div></header>'
)


def test_site_logo_is_no_headline() -> None:
    """A site whose logo is an <h1> in its header, with the clock beside it, and whose headline is
    an <h2>: the header's time is not the article's, and the line above the text is."""
    page = f'{LOGO}<div class="wrap"><h2 class="title">Power line opens</h2>{{}}{TEXT}</div>'
    assert _byline(page.format("")) is None
    assert _byline(page.format("<p>Posted on 3 December 2026</p>")) == "2026-12-03T00:00:00+07:00"


def test_date_line_above_the_headline_in_the_article() -> None:
    """A date printed above the headline inside the article (a kicker line) is the byline time;
    the site's own date outside the article is not."""
    body = (
        '<div class="today">Friday, 4 December 2026</div>'
        '<article><div class="kicker"><a href="/politics">Politics</a>'
        " <span>03/12/2026 14:05</span></div>"
        f"<h1>Viet Nam, Laos open power line</h1>{TEXT}</article>"
    )
    assert _byline(body) == "2026-12-03T14:05:00+07:00"


def test_published_beats_updated() -> None:
    """A byline with `Published` and `Updated` times (in either order) gives the earlier one, the
    publish time."""
    body = (
        "<h1>Viet Nam, Laos open power line</h1>"
        '<div class="meta"><span class="updated">Updated: 03/12/2026 18:30</span> '
        '<span class="published">Published: 03/12/2026 14:05</span></div>'
        f"{TEXT}"
    )
    assert _byline(body) == "2026-12-03T14:05:00+07:00"


def test_time_of_day_beats_a_bare_date() -> None:
    """A bare date and a time printed in separate elements: the one with a time of day wins."""
    body = (
        '<h1>Viet Nam, Laos open power line</h1><span class="date">3 December 2026</span>'
        f"<time>2026-12-03 14:05</time>{TEXT}"
    )
    assert _byline(body) == "2026-12-03T14:05:00+07:00"


@pytest.mark.parametrize(
    "line",
    [
        "<p>Leaders meet at the summit on 28 November 2026</p>",
        "<p>Summit: 28/11/2026 10:00, Kuala Lumpur</p>",
        "<div>Deadline 28 November 2026 for the bids</div>",
    ],
)
def test_unnamed_line_with_other_words_is_not_a_byline(line: str) -> None:
    """A short line above the text that says more than a date and its labels (a standfirst, a
    schedule) is part of the story: its date is not taken."""
    assert _byline(f"<h1>Leaders prepare the summit</h1>{line}{TEXT}") is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("<p>Posted on 3 December 2026 at 14:05</p>", "2026-12-03T14:05:00+07:00"),
        ("<div>By Nguyen Van An | 03/12/2026 14:05</div>", "2026-12-03T14:05:00+07:00"),
        ("<p>Cập nhật lúc 14:05 ngày 03/12/2026</p>", "2026-12-03T14:05:00+07:00"),
        ("<p>Diterbitkan pada Kamis, 3 Desember 2026 14:05 WIB</p>", "2026-12-03T14:05:00+07:00"),
    ],
)
def test_unnamed_line_of_date_and_labels_is_a_byline(line: str, expected: str) -> None:
    """A plain line between headline and text holding only the date, its labels, a weekday and an
    author's name is the byline."""
    assert _byline(f"<h1>Viet Nam, Laos open power line</h1>{line}{TEXT}") == expected


def test_dates_in_the_text_are_not_taken() -> None:
    """Dates in the story's paragraphs, even a short dated line and a `<span class="date">` inside
    the text, come after the byline area: a page with nothing else has no byline time."""
    body = (
        f"<article><h1>Viet Nam, Laos open power line</h1>{TEXT}"
        "<p>Published: 01/12/2026 08:00</p>"
        '<p>The agreement was signed on <span class="date">28/11/2026</span>.</p></article>'
    )
    assert _byline(body) is None


def test_a_future_byline_is_left_out() -> None:
    """A printed date after the tolerated future (a typo, an event date) is not a publish time."""
    body = f'<h1>Headline</h1><div class="post-date">03/12/2099 14:05</div>{TEXT}'
    assert _byline(body) is None


def test_page_without_paragraphs() -> None:
    """A page whose text is not in paragraphs still gets the time of its date element."""
    body = '<div class="pubdate">2014-11-23T16:00:00+04:00</div><div>Short text.</div>'
    assert _byline(body, "Asia/Kuala_Lumpur") == "2014-11-23T16:00:00+04:00"


def test_crawl_stores_the_byline_time(tmp_path: Path, server: LocalServer) -> None:
    """A crawl of a feed without dates stores an Indonesian page's `Kamis, 3 Desember 2026 14:05
    WIB` as 14:05 +07:00 marked `byline`, and a page with a meta time and a byline with the meta
    time."""
    names = ("byline_antara_id", "meta_and_byline")
    for name in names:
        server.page(f"/berita/{name}", (PAGES / f"{name}.html").read_text("utf-8"))
    items = [{"title": name, "link": f"{{base}}/berita/{name}"} for name in names]
    server.page("/feed.xml", rss(items), "application/rss+xml")
    source = f'[[sources]]\nname = "antara"\nkind = "feed"\nurls = ["{server.url("/feed.xml")}"]\n'
    cfg = write_config(tmp_path / "wirewatch.toml", source)
    db = tmp_path / "ww.db"
    result = run_wirewatch("--config", str(cfg), "--db", str(db), "crawl")
    assert result.returncode == 0, result.stderr
    rows = {
        r["url"].rsplit("/", 1)[1]: (r["published_local"], r["published_at"], r["published_from"])
        for r in query(
            db, "SELECT url, published_local, published_at, published_from FROM articles"
        )
    }
    assert rows == {
        "byline_antara_id": ("2026-12-03T14:05:00+07:00", "2026-12-03T07:05:00+00:00", "byline"),
        "meta_and_byline": ("2026-12-03T09:30:00+07:00", "2026-12-03T02:30:00+00:00", "meta"),
    }
