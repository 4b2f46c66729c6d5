"""crawler.extract.article: publish time with its offset, boilerplate-free body, wire fields, and
pages that must fail."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from lxml import html as lxml_html

from crawler.extract.article import ExtractionError, Hints, extract_article, find_published
from tests.conftest import article_html

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAGES = FIXTURES / "pages"
PUBLISHDATE = FIXTURES / "publishdate"
HOME = "Asia/Kuala_Lumpur"

PAGE_CASES = json.loads((PAGES / "cases.json").read_text("utf-8"))["cases"]
BYLINE_CASES = json.loads((PAGES / "bylines.json").read_text("utf-8"))["cases"]
GOOSE_CASES = sorted(p.stem for p in PUBLISHDATE.glob("*.json"))
# goose3 snippets whose <body> is empty: only metadata, no article text.
GOOSE_WITHOUT_TEXT = [
    "test_publish_date",
    "test_publish_date_article",
    "test_publish_date_rnews",
    "test_publish_date_unix_milliseconds",
    "test_publish_date_unix_seconds",
]


def _case_id(case: dict[str, Any]) -> str:
    return case["file"].removesuffix(".html") + (
        "+seed" if "seed_published" in case["hints"] else ""
    )


@pytest.mark.parametrize("case", PAGE_CASES, ids=[_case_id(c) for c in PAGE_CASES])
def test_extract_article_fields(case: dict[str, Any]) -> None:
    """extract_article on each fixture page gives the publish time with the right offset and UTC
    instant (naive meta read in the source's zone, a visible dd/mm/yyyy h:mm PM byline, the seed
    date when the page has none, meta over seed), where it came from, dateline and agency, and a
    body from the story's first words to its last with none of the boilerplate listed in
    cases.json."""
    page = (PAGES / case["file"]).read_text("utf-8")
    article = extract_article(page, case["url"], Hints(**case["hints"]))
    want = case["expected"]
    for key in (
        "title",
        "published_local",
        "published_at",
        "published_from",
        "dateline",
        "agency",
        "page_canonical",
    ):
        if key in want:
            assert getattr(article, key) == want[key], key
    body = article.body
    assert body.startswith(want["body_starts"]), body[:80]
    assert body.endswith(want["body_ends"]), body[-80:]
    leaked = [s for s in want["not_in_body"] if s in body]
    assert leaked == []


def test_naive_meta_time_in_ho_chi_minh() -> None:
    """`article:published_time` 2026-02-09T14:05:00 without offset, for a source in
    Asia/Ho_Chi_Minh, is 14:05 +07:00 local and 07:05 UTC, never 14:05 UTC."""
    page = (PAGES / "naive_meta_hcm.html").read_text("utf-8")
    hints = Hints(agency="VNA", timezone="Asia/Ho_Chi_Minh")
    article = extract_article(page, "https://vna-wire.example.vn/en/a", hints)
    assert article.published_local.endswith("+07:00")
    assert article.published_at == "2026-02-09T07:05:00+00:00"


def test_visible_timestamp_in_kuala_lumpur() -> None:
    """A page whose only date is `<div class="timestamp">09/02/2026 10:09 PM</div>` (day first,
    12-hour clock), for a Malaysian source, is published 2026-02-09T22:09:00+08:00."""
    page = (PAGES / "visible_timestamp_kl.html").read_text("utf-8")
    article = extract_article(
        page, "https://bernama-wire.example.my/a", Hints(agency="Bernama", timezone=HOME)
    )
    assert article.published_local == "2026-02-09T22:09:00+08:00"


def test_seed_published_used_when_page_has_no_date() -> None:
    """A page with no date anywhere takes the feed or sitemap date (seed_published) with its offset,
    and says so."""
    page = (PAGES / "no_date.html").read_text("utf-8")
    hints = Hints(
        agency="ANTARA", timezone="Asia/Jakarta", seed_published="2026-02-09T14:05:00+07:00"
    )
    article = extract_article(page, "https://antara-wire.example.id/a", hints)
    assert (article.published_local, article.published_from) == (
        "2026-02-09T14:05:00+07:00",
        "seed",
    )


def test_realistic_page_body_has_no_boilerplate() -> None:
    """On a page with navigation, a cookie banner, a share bar, an inline 'Related news:' line, a
    'Related news' sidebar and a footer, the body holds the four story paragraphs and nothing
    else."""
    case = next(c for c in PAGE_CASES if c["file"] == "realistic_article.html")
    page = (PAGES / case["file"]).read_text("utf-8")
    article = extract_article(page, case["url"], Hints(**case["hints"]))
    paragraphs = article.body.split("\n")
    assert len(paragraphs) == 4
    for phrase in ("cookie", "Share on", "Related news", "Subscribe", "Copyright", "Penang port"):
        assert phrase.lower() not in article.body.lower()


# --- publish times printed above the text (fixtures/pages/bylines.json) ---------------------------


@pytest.mark.parametrize(
    "case",
    BYLINE_CASES,
    ids=[f"{_case_id(c)}-{c['hints']['timezone']}" for c in BYLINE_CASES],
)
def test_publish_time_printed_above_the_text(case: dict[str, Any]) -> None:
    """A page whose only publish time is printed in its byline or on a line above the text gets
    that time in the agency's zone (or the zone it names), marked `byline`, in each format the
    agencies print; a date in the story is never taken, a meta tag beats the byline, day and month
    follow the site's country, a date that cannot be told either way is left out, and the feed's
    date wins over the byline. The printed line does not start the body. Each case in bylines.json
    says what it shows."""
    page = (PAGES / case["file"]).read_text("utf-8")
    article = extract_article(page, "https://wire.example/a", Hints(**case["hints"]))
    want = case["expected"]
    got = (article.published_local, article.published_at, article.published_from)
    assert got == (want["published_local"], want["published_at"], want["published_from"])
    assert article.body.startswith(want["body_starts"]), article.body[:80]


def _published(page: str, zone: str = "Asia/Ho_Chi_Minh") -> tuple[str | None, str | None]:
    published, origin = find_published(
        lxml_html.document_fromstring(page), Hints(agency="VNA", timezone=zone)
    )
    return (published.isoformat() if published else None, origin)


@pytest.mark.parametrize(
    "meta_date, expected",
    [
        ("2026-12-03", ("2026-12-03T14:05:00+07:00", "byline")),
        ("2026-12-02", ("2026-12-02T00:00:00+07:00", "meta")),
    ],
)
def test_byline_adds_a_time_to_a_meta_date_never_another_day(
    meta_date: str, expected: tuple[str, str]
) -> None:
    """A meta date without a time of day and a byline `03/12/2026 14:05`: on the same day the
    byline adds its time of day; on another day (2026-12-02) the machine-readable date is kept and
    the byline is not taken."""
    page = article_html(
        "Meta date and byline",
        "Ha Noi (VNA) – A story.",
        head=f'<meta name="date" content="{meta_date}">',
        byline='<div class="post-date">03/12/2026 14:05</div>',
    )
    assert _published(page) == expected


# --- goose3 publish-date snippets (fixtures/publishdate, Apache-2.0, see PROVENANCE.md there) -----


@pytest.mark.parametrize("name", GOOSE_CASES)
def test_find_published_on_goose3_snippets(name: str) -> None:
    """find_published on goose3's publish-date snippets (OriginalPublicationDate,
    article:published_time, rnews:datePublished, schema.org <time>, JSON-LD Unix seconds and
    milliseconds, a date in a pubdate div) gives the instant goose3 expects with the offset as
    written; a time written without offset is read in the home zone."""
    spec = json.loads((PUBLISHDATE / f"{name}.json").read_text("utf-8"))
    expected = datetime.fromisoformat(spec["expected"]["publish_date"])
    if expected.tzinfo is None:
        expected = expected.replace(tzinfo=ZoneInfo(HOME))
    tree = lxml_html.document_fromstring((PUBLISHDATE / f"{name}.html").read_text("utf-8"))
    published, origin = find_published(tree, Hints(agency="Test", timezone=HOME))
    assert published is not None and origin is not None
    assert published == expected, (
        f"{published.isoformat()} from {origin}, expected {expected.isoformat()}"
    )
    assert published.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("name", GOOSE_WITHOUT_TEXT)
def test_page_with_only_a_date_is_an_extraction_error(name: str) -> None:
    """A page with metadata but an empty body raises ExtractionError with a reason, rather than
    storing an article without text."""
    page = (PUBLISHDATE / f"{name}.html").read_text("utf-8")
    with pytest.raises(ExtractionError, match="text"):
        extract_article(page, "http://example.com/example", Hints(agency="Test", timezone=HOME))


# --- pages lxml cannot parse fully ----------------------------------------------------------------


def _nested(depth: int, before: str = "") -> str:
    """An article whose paragraphs sit `depth` <div>s deep (built here: 5,000 levels is 55 KB of
    tags)."""
    paras = "".join(
        f"<p>Paragraph {i} of a story about ASEAN and its partners, long enough to count as text "
        "for any extractor that looks at it.</p>"
        for i in range(12)
    )
    return (
        f"<html><head><title>Deep page</title></head><body>{before}"
        + "<div>" * depth
        + paras
        + "</div>" * depth
        + "</body></html>"
    )


def test_deeply_nested_html_is_an_extraction_error() -> None:
    """HTML nested 5,000 levels deep (beyond lxml's depth limit, where lxml returns an empty tree
    and only logs the reason) raises ExtractionError, not an empty article."""
    with pytest.raises(ExtractionError):
        extract_article(
            _nested(5000), "https://wire.example.org/deep", Hints(agency="Test", timezone=HOME)
        )


def test_deep_nesting_error_names_the_cause() -> None:
    """The ExtractionError for a 5,000-level page says that the nesting was too deep (the reason
    lxml only logs), also when the page has a <title>, as nearly every page does; a bare 'no main
    text' loses the reason."""
    with pytest.raises(ExtractionError, match=r"nested|depth"):
        extract_article(
            _nested(5000), "https://wire.example.org/deep", Hints(agency="Test", timezone=HOME)
        )


def test_deeply_nested_story_below_a_menu_is_an_extraction_error() -> None:
    """The same 5,000-level story below a short menu and headline: lxml keeps the menu and drops the
    story, so the page must still raise ExtractionError instead of storing 'Home / World / headline'
    as the article body."""
    before = (
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<h1>Headline of the deep story</h1>"
    )
    try:
        article = extract_article(
            _nested(5000, before),
            "https://wire.example.org/deep",
            Hints(agency="Test", timezone=HOME),
        )
    except ExtractionError:
        return
    pytest.fail(f"truncated page stored as an article; body={article.body!r}")


def test_moderately_nested_html_still_extracts() -> None:
    """Nesting well inside lxml's limit (100 levels, common on CMS pages) extracts normally."""
    article = extract_article(
        _nested(100), "https://wire.example.org/nested", Hints(agency="Test", timezone=HOME)
    )
    assert article.body.startswith("Paragraph 0 of a story")


def test_control_characters_never_lose_text() -> None:
    """A body holding a vertical tab, ESC and BEL is extracted with its words, without them; a feed
    title that would retitle a terminal (ESC ] 0 ; ... BEL) is stored as plain text."""
    body = "Hanoi (VNA) – ASEAN\x0band Japan\x1b met\x07 on Monday\x85 to review cooperation./."
    page = article_html("Tokyo\x1b]0;pwned\x07 talks", body)
    hints = Hints(
        agency="VNA", timezone="Asia/Ho_Chi_Minh", seed_title="\x1b]0;pwned\x07ASEAN talks"
    )
    article = extract_article(page, "https://vna-wire.example.vn/en/a", hints)
    assert "ASEAN and Japan met on Monday to review cooperation." in article.body
    texts = [article.title, article.body, article.summary, article.author, article.dateline]
    assert not any(re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", t or "") for t in texts), texts
