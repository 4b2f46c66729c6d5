"""crawler.crawl.sitemaps: urlsets, indexes, Google News sitemaps, gzip, hostile XML, robots.txt
discovery."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from crawler.crawl.sitemaps import Sitemap, SitemapError, parse_sitemap, sitemaps_from_robots
from tests.conftest import call_in_child

SITEMAPS = Path(__file__).resolve().parent / "fixtures" / "sitemaps"
SHARED_SITEMAPS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "sitemaps"
MB = 1024 * 1024
# Guards the test run against a parse that never ends; not a speed requirement (speed is for
# benchmarks).


def _spec(name: str) -> dict[str, Any]:
    return json.loads((SITEMAPS / name).read_text("utf-8"))


def _parse_sitemap_in_child(body: bytes, max_size: int) -> Sitemap | SitemapError:
    """parse_sitemap in a fresh process, under the guard timeout."""
    call = "parse_sitemap(body, int(argv[0]))"
    return call_in_child(  # type: ignore[no-any-return]
        "crawler.crawl.sitemaps", call, "SitemapError", body, str(max_size)
    )


# robots.json is for sitemaps_from_robots; extensions_before_loc.json has its own two tests below.
SITEMAP_SPECS = sorted(
    p.name
    for p in SITEMAPS.glob("*.json")
    if p.name not in ("robots.json", "extensions_before_loc.json")
)


@pytest.mark.parametrize("name", SITEMAP_SPECS)
def test_fixture_sitemap_gives_expected_entries(name: str) -> None:
    """Each fixture sitemap with a JSON beside it (urlset with lastmod, sitemap index, Google News
    sitemap, the same news sitemap gzip-compressed) parses to exactly the kind and entries listed
    there."""
    spec = _spec(name)
    sitemap = parse_sitemap((SITEMAPS / spec["file"]).read_bytes(), MB)
    assert sitemap.kind == spec["kind"]
    assert [asdict(e) for e in sitemap.entries] == spec["entries"]


def test_gzip_sitemap_detected_by_magic_bytes() -> None:
    """A gzip body is recognised by its magic bytes, not by a file name, and reads the same as the
    plain file."""
    packed = (SITEMAPS / "news_sitemap_gzip.xml.gz").read_bytes()
    assert packed[:2] == b"\x1f\x8b"
    plain = (SITEMAPS / "news_sitemap.xml").read_bytes()
    assert parse_sitemap(packed, MB) == parse_sitemap(plain, MB)


def test_news_sitemap_fields() -> None:
    """A Google News entry carries news:title (trimmed), news:publication_date exactly as written
    (offset kept) and news:language."""
    entry = parse_sitemap((SITEMAPS / "news_sitemap.xml").read_bytes(), MB).entries[0]
    assert entry.news_title == "Thailand, Cambodia convene joint boundary commission"
    assert entry.news_published == "2026-02-09T14:05:00+07:00"
    assert entry.language == "en"


def test_gzip_bomb_raises_instead_of_inflating() -> None:
    """50 MB of zeros gzip-compressed (about 50 KB on the wire, built here rather than stored) with
    max_size 1 MB raises SitemapError: decompression stops at the limit instead of inflating the
    whole body (the memory allocated while parsing stays far below the 50 MB the body would inflate
    to)."""
    bomb = gzip.compress(b"\0" * (50 * MB), compresslevel=9)
    assert len(bomb) < MB
    tracemalloc.start()
    try:
        with pytest.raises(SitemapError, match="decompress"):
            parse_sitemap(bomb, MB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10 * MB, (
        f"{peak / MB:.0f} MB allocated: the bomb was inflated past the 1 MB limit"
    )


def test_gzip_bomb_of_valid_xml_raises() -> None:
    """A bomb that is a valid urlset padded with 50 MB of whitespace is stopped the same way: the
    limit applies to the decompressed size whatever the content."""
    xml = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + b" " * (50 * MB)
        + b"<url><loc>https://wire.example.org/a</loc></url></urlset>"
    )
    with pytest.raises(SitemapError):
        parse_sitemap(gzip.compress(xml), MB)


def test_billion_laughs_one_line_dtd() -> None:
    """An entity bomb with the whole DTD on the XML declaration's line either raises SitemapError
    (loc elements present but none readable) or yields only short locs: nothing is expanded. A parse
    that never ends fails after a generous guard timeout."""
    body = (SITEMAPS / "billion_laughs_one_line.xml").read_bytes()
    first_line = body.split(b"\n", 1)[0]
    assert first_line.startswith(b"<?xml") and first_line.count(b"<!ENTITY") == 10
    outcome = _parse_sitemap_in_child(body, MB)
    if isinstance(outcome, SitemapError):
        assert "entity" in str(outcome) or "malformed" in str(outcome)
    else:
        assert all(len(e.loc) < 10_000 and "LOL-LOL" not in e.loc for e in outcome.entries)


def test_external_entity_never_resolved() -> None:
    """External entities pointing at /etc/passwd are not resolved: no loc or news title carries the
    file's content, and the plain entry after them is still read."""
    body = (SITEMAPS / "external_entity.xml").read_bytes()
    sitemap = parse_sitemap(body, MB)
    text = "\n".join(f"{e.loc}\n{e.news_title}" for e in sitemap.entries)
    for marker in ("root:", "/bin/sh", "nologin"):
        assert marker not in text
    assert "https://leaky-wire.example.org/news/ordinary" in [e.loc for e in sitemap.entries]


@pytest.mark.parametrize(
    "body",
    [
        (SITEMAPS / "not_xml.txt").read_bytes(),
        b"",
        b"\x1f\x8b\x08\x00 this is not really gzip",
    ],
)
def test_not_xml_raises_clear_error(body: bytes) -> None:
    """Plain text, an empty body and a corrupt gzip body raise SitemapError whose message says what
    was wrong (not XML, no <urlset>/<sitemapindex> root, or cannot decompress)."""
    with pytest.raises(SitemapError) as info:
        parse_sitemap(body, MB)
    message = str(info.value)
    assert any(word in message for word in ("not XML", "urlset", "decompress")), message


def test_wrong_root_raises_naming_the_root() -> None:
    """Well-formed XML whose root is neither urlset nor sitemapindex (an RSS feed served as a
    sitemap) raises SitemapError naming the root found and the roots expected."""
    with pytest.raises(SitemapError) as info:
        parse_sitemap((SITEMAPS / "wrong_root.xml").read_bytes(), MB)
    message = str(info.value)
    assert "<rss>" in message and "urlset" in message and "sitemapindex" in message


def test_page_loc_wins_over_an_image_loc_listed_first() -> None:
    """When a <url> lists its <image:image> before its own <loc>, the entry's loc is still the page
    URL from the sitemap namespace, never the image URL (which would send the crawler to a JPEG)."""
    spec = _spec("extensions_before_loc.json")
    sitemap = parse_sitemap((SITEMAPS / spec["file"]).read_bytes(), MB)
    assert [e.loc for e in sitemap.entries] == [x["loc"] for x in spec["entries"]]


def test_video_fields_are_not_news_fields() -> None:
    """<video:title> and <video:publication_date> belong to the video extension: they must not come
    out as the page's news_title / news_published (only the news: namespace fills those)."""
    spec = _spec("extensions_before_loc.json")
    sitemap = parse_sitemap((SITEMAPS / spec["file"]).read_bytes(), MB)
    assert [(e.news_title, e.news_published) for e in sitemap.entries] == [
        (x["news_title"], x["news_published"]) for x in spec["entries"]
    ]


def test_broken_markup_without_loc_is_an_error_not_an_empty_sitemap() -> None:
    """A truncated urlset whose <url> tag never closes (and so has no <loc> text to count) is broken
    XML: it must raise SitemapError, not read as a valid sitemap with zero URLs (the crawl would
    then silently find nothing)."""
    with pytest.raises(SitemapError):
        parse_sitemap((SITEMAPS / "broken_markup.xml").read_bytes(), MB)


def test_empty_but_valid_urlset_is_not_an_error() -> None:
    """A well-formed urlset with no <url> yet is a valid, empty sitemap: zero entries, no error."""
    body = b'<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>\n'
    assert parse_sitemap(body, MB).entries == []


def test_robots_sitemap_lines_all_found() -> None:
    """Every Sitemap line of robots.txt is found whatever its case (Sitemap, sitemap, SITEMAP,
    SiteMap) or leading space, also inside a user-agent group, in file order; a relative one is
    resolved against robots.txt's URL."""
    spec = _spec("robots.json")
    found = sitemaps_from_robots((SITEMAPS / spec["file"]).read_bytes(), spec["base"])
    assert found == spec["sitemaps"]


def test_robots_without_sitemap_lines() -> None:
    """A robots.txt with rules but no Sitemap line gives an empty list."""
    assert (
        sitemaps_from_robots(
            b"User-agent: *\nDisallow: /search\n", "https://wire.example.org/robots.txt"
        )
        == []
    )


# --- real sitemaps from the shared corpus ---------------------------------------------------------

# file -> (kind, number of entries, one loc that must be present); from sitemaps/PROVENANCE.md,
# upstream's tests.
SHARED_EXPECTED = {
    "advertools/news_sitemap.xml": (
        "urlset",
        6,
        "https://www.nytimes.com/interactive/2020/05/11/magazine/quarantine-insanity.html",
    ),
    "advertools/regular_sitemap.xml": ("urlset", 5, "http://www.example.com/"),
    "advertools/regular_sitemap.xml.gz": (
        "urlset",
        5,
        "http://www.example.com/",
    ),  # named .gz, not compressed
    "advertools/zipped_sitemap.xml.gz": ("urlset", 5, "http://www.gzipped.com/"),
    "advertools/sitemap_index.xml": ("sitemapindex", 4, "http://www.example.com/sitemap.xml"),
    "trafilatura/sitemap.xml": ("urlset", 84, "https://www.sitemaps.org/"),
    "trafilatura/sitemap.xml.gz": ("urlset", 84, "https://www.sitemaps.org/"),
    "trafilatura/sitemap2.xml": (
        "sitemapindex",
        2,
        "http://www.example.com/sitemap2.xml.gz",
    ),  # CDATA loc
}


@pytest.mark.skipif(
    not SHARED_SITEMAPS.is_dir(),
    reason=f"shared sitemap corpus not present at {SHARED_SITEMAPS} (only in the shared workspace)",
)
def test_real_sitemaps_from_shared_corpus() -> None:
    """Real sitemaps (NYT Google News excerpt, sitemaps.org's own sitemap plain and gzipped, a
    mislabelled .gz, indexes with a CDATA loc, a video sitemap, advertools' robots.txt) give the URL
    counts their upstream tests expect, with whitespace around locs trimmed and the NYT news fields
    read; advertools' broken error_sitemap.xml raises SitemapError as upstream expects."""
    for rel, (kind, count, loc) in SHARED_EXPECTED.items():
        sitemap = parse_sitemap((SHARED_SITEMAPS / rel).read_bytes(), 10 * MB)
        assert (sitemap.kind, len(sitemap.entries)) == (kind, count), rel
        locs = [e.loc for e in sitemap.entries]
        assert loc in locs, rel
        assert all(x == x.strip() for x in locs), rel
    nyt = parse_sitemap(
        (SHARED_SITEMAPS / "advertools/news_sitemap.xml").read_bytes(), 10 * MB
    ).entries[0]
    assert (
        nyt.news_title
        == "Quarantine Was Driving Me Crazy — So I Decided to Lose My Mind on Purpose"
    )
    assert (nyt.news_published, nyt.language) == ("2020-05-11T09:00:01Z", "en-US")
    video = parse_sitemap((SHARED_SITEMAPS / "advertools/video_sitemap.xml").read_bytes(), 10 * MB)
    assert len(video.entries) == 6
    robots = (SHARED_SITEMAPS / "advertools/robots.txt").read_bytes()
    assert sitemaps_from_robots(robots, "https://advertools.readthedocs.io/robots.txt") == [
        "https://advertools.readthedocs.io/sitemap.xml"
    ]
    # checked last, so that a failure here does not hide the independent checks above
    with pytest.raises(
        SitemapError
    ):  # `<urlset><url does not close</urlset>`: upstream expects an error
        parse_sitemap((SHARED_SITEMAPS / "advertools/error_sitemap.xml").read_bytes(), MB)
