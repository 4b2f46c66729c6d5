"""crawler.crawl.feeds.parse_feed: feed formats, offsets, encodings, hostile XML, and feedparser's
own test suite."""

from __future__ import annotations

import json
import re
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from crawler.crawl.feeds import FeedError, FeedResult, parse_feed
from tests.conftest import CHILD_GUARD_S, call_in_child

FEEDS = Path(__file__).resolve().parent / "fixtures" / "feeds"
FEEDPARSER_TESTS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "feedparser-tests"
# What a leaked /etc/passwd would look like in a title or summary.
PASSWD_MARKERS = ("root:", "/bin/sh", "/usr/sbin/nologin")
# Guards the test run against a parse that never ends; not a speed requirement (speed is for
# benchmarks).


def _expected(name: str) -> dict[str, Any]:
    return json.loads((FEEDS / name).read_text("utf-8"))


def _parse_fixture(spec: dict[str, Any], headers: dict[str, str] | None = None) -> FeedResult:
    body = (FEEDS / spec["file"]).read_bytes()
    return parse_feed(body, spec["headers"] if headers is None else headers, spec["url"])


def _all_text(result: FeedResult) -> str:
    return "\n".join(f"{e.link}\n{e.title}\n{e.summary}\n{e.guid}" for e in result.entries)


def _parse_feed_in_child(body: bytes, url: str) -> FeedResult | FeedError:
    """parse_feed of an RSS body in a fresh process, under the guard timeout."""
    call = "parse_feed(body, {'Content-Type': 'application/rss+xml'}, argv[0])"
    return call_in_child("crawler.crawl.feeds", call, "FeedError", body, url)  # type: ignore[no-any-return]


def _assert_no_passwd(text: str) -> None:
    for marker in PASSWD_MARKERS:
        assert marker not in text, f"local file content leaked into the feed result: {marker!r}"


EXPECTED_FILES = sorted(p.name for p in FEEDS.glob("*.json"))


@pytest.mark.parametrize("name", EXPECTED_FILES)
def test_fixture_feed_gives_expected_entries(name: str) -> None:
    """Each fixture feed with a JSON beside it yields exactly the links, titles, GUIDs, `published`
    datetimes (same instant and same written offset) and format named there, and `problem` is set
    only when expected."""
    spec = _expected(name)
    result = _parse_fixture(spec)
    assert result.version == spec["version"]
    assert (result.problem is not None) == spec["problem"], result.problem
    assert [e.link for e in result.entries] == [x["link"] for x in spec["entries"]]
    assert [e.title for e in result.entries] == [x["title"] for x in spec["entries"]]
    for entry, want in zip(result.entries, spec["entries"], strict=True):
        if "published" in want:
            got = entry.published.isoformat() if entry.published else None
            assert got == want["published"], entry.link
        if "guid" in want:
            assert entry.guid == want["guid"], entry.link


@pytest.mark.parametrize(
    "name, offset_hours",
    [
        ("rss20.json", 7),
        ("atom10.json", 7),
        ("rss10.json", 7),
        ("rss091.json", 8),
    ],
)
def test_published_keeps_the_feeds_utc_offset(name: str, offset_hours: int) -> None:
    """`published` is an aware datetime carrying the offset the feed wrote (e.g. +07:00), not
    converted to UTC, and `updated`, the entry's stamp, is the date text as the feed wrote it (it
    changes when the entry does)."""
    spec = _expected(name)
    entry = _parse_fixture(spec).entries[0]
    assert entry.published is not None
    assert entry.published.utcoffset() == timedelta(hours=offset_hours)
    assert entry.updated is not None and entry.updated.strip()


def test_windows_1252_bytes_declared_utf8_still_read() -> None:
    """A feed declaring utf-8 (in XML and HTTP) whose bytes are windows-1252 gives its entries with
    readable titles (curly quotes, en dash, accents) and no replacement characters; the mismatch is
    reported."""
    spec = _expected("cp1252_declared_utf8.json")
    result = _parse_fixture(spec)
    titles = [e.title or "" for e in result.entries]
    assert titles == [x["title"] for x in spec["entries"]]
    assert not any("\ufffd" in t for t in titles)
    assert result.problem is not None


@pytest.mark.parametrize(
    "content_type",
    [
        "text/xml; charset=windows-1252",
        "text/xml; charset=iso-8859-1",
        "application/rss+xml; charset=us-ascii",
        "application/xml; charset=no-such-charset",
        "text/html; charset=windows-1252",
    ],
)
def test_wrong_http_charset_still_gives_readable_titles(content_type: str) -> None:
    """A UTF-8 feed served with a wrong charset in Content-Type (a common server misconfiguration)
    raises nothing and still gives every entry with its title as written: Vietnamese diacritics
    intact, no mojibake such as 'HÃ Ná»™i'."""
    spec = _expected("utf8_wrong_charset.json")
    result = _parse_fixture(spec, headers={"Content-Type": content_type})
    assert [e.link for e in result.entries] == [x["link"] for x in spec["entries"]]
    assert [e.title for e in result.entries] == [x["title"] for x in spec["entries"]]


def test_unescaped_ampersand_keeps_entries_and_sets_problem() -> None:
    """A bare `&` in a title makes the XML ill-formed: both entries still come out (loose parsing),
    the title keeps its ampersands, and `problem` names the parse error."""
    spec = _expected("unescaped_ampersand.json")
    result = _parse_fixture(spec)
    assert len(result.entries) == 2
    assert result.entries[0].title == "ASEAN & GCC leaders set trade & investment goals"
    assert result.problem and "well-formed" in result.problem


@pytest.mark.parametrize("name", ["billion_laughs_one_line.xml", "billion_laughs_multi_line.xml"])
def test_billion_laughs_does_not_expand(name: str) -> None:
    """An entity-expansion bomb (with the whole DTD on the XML declaration's line, which
    feedparser's DOCTYPE stripping does not see, and the classic one-entity-per-line form) either
    raises FeedError or yields entries in which nothing was expanded (every field, and all of them
    together, far below 10,000 characters) with `problem` saying the feed is defective. A parse that
    never ends fails after a generous guard timeout."""
    body = (FEEDS / name).read_bytes()
    if name.endswith("one_line.xml"):
        first_line = body.split(b"\n", 1)[0]
        assert first_line.startswith(b"<?xml") and first_line.count(b"<!ENTITY") == 10
    outcome = _parse_feed_in_child(body, "https://lol-wire.example.org/rss")
    if isinstance(outcome, FeedResult):
        assert outcome.problem, "an entity bomb was parsed without any problem recorded"
        assert len(_all_text(outcome)) < 10_000
        for entry in outcome.entries:
            for value in (entry.title, entry.summary, entry.link, entry.guid):
                assert len(value or "") < 10_000
            assert "LOL-LOL-LOL-LOL-" not in (entry.title or "") + (entry.summary or "")
    else:
        assert isinstance(outcome, FeedError), outcome


@pytest.mark.parametrize(
    "name", ["external_entity.xml", "external_entity_one_line.xml", "external_dtd.xml"]
)
def test_external_entities_are_never_resolved(name: str) -> None:
    """External entities and external DTDs that point at /etc/passwd are not resolved: whatever
    comes out (entries or FeedError), no line of that file appears in any link, title, summary or
    GUID."""
    body = (FEEDS / name).read_bytes()
    try:
        result = parse_feed(
            body, {"Content-Type": "application/rss+xml"}, "https://leaky-wire.example.org/rss"
        )
    except FeedError as exc:
        _assert_no_passwd(str(exc))
        return
    _assert_no_passwd(_all_text(result))
    passwd = Path("/etc/passwd")
    if passwd.is_file():
        first = passwd.read_text("utf-8", "replace").split("\n", 1)[0]
        assert first and first not in _all_text(result)


@pytest.mark.parametrize(
    "body",
    [
        b"/etc/passwd",
        b"file:///etc/passwd",
        b"http://127.0.0.1:9/feed",
        b"https://127.0.0.1:9/feed.xml",
    ],
)
def test_body_that_looks_like_a_path_or_url_is_not_opened(body: bytes) -> None:
    """A downloaded body that happens to be a file path or a URL is parsed as feed text, never
    opened or fetched (feedparser would open a str/bytes that looks like one): FeedError or no
    entries, and no file content."""
    try:
        result = parse_feed(
            body, {"Content-Type": "application/rss+xml"}, "https://wire.example.org/rss"
        )
    except FeedError as exc:
        _assert_no_passwd(str(exc))
        return
    assert result.entries == []
    _assert_no_passwd(_all_text(result))


def test_relative_links_resolved_against_feed_url() -> None:
    """Root-relative, sibling and parent-relative item links come out absolute, resolved against the
    URL the feed was fetched from; absolute links are untouched."""
    spec = _expected("relative_links.json")
    result = _parse_fixture(spec)
    assert [e.link for e in result.entries] == [x["link"] for x in spec["entries"]]
    assert all(e.link.startswith("https://") for e in result.entries)


def test_duplicate_guids_are_kept() -> None:
    """Two items sharing a GUID both come out as entries, in feed order: dropping duplicates is the
    pipeline's job, not the parser's."""
    result = _parse_fixture(_expected("duplicate_guids.json"))
    assert [e.guid for e in result.entries] == ["dup-7001", "dup-7001", "dup-7002"]
    assert len({e.link for e in result.entries}) == 3


@pytest.mark.parametrize("headers", [{}, {"Content-Type": "text/html; charset=utf-8"}])
def test_well_formed_feed_without_items_is_empty_not_an_error(headers: dict[str, str]) -> None:
    """A well-formed channel with no items yet gives zero entries, not FeedError, even when the
    server sends no Content-Type or calls it text/html: FeedError is for feeds that are both empty
    and broken, and a missing or odd media type is not a broken feed."""
    body = (FEEDS / "empty_channel.xml").read_bytes()
    result = parse_feed(body, headers, "https://quiet-wire.example.org/timor-leste/rss")
    assert result.entries == []
    assert result.version == "rss20"


def test_date_without_offset_is_not_given_a_made_up_utc_offset() -> None:
    """A pubDate or dc:date written without any offset is local time of an unknown zone: `published`
    must not claim +00:00 for it (that shifts a Kuala Lumpur 22:09 by eight hours once stored). It
    stays naive (or None) so that the page's home zone can be applied later."""
    body = (FEEDS / "naive_dates.xml").read_bytes()
    result = parse_feed(
        body, {"Content-Type": "application/rss+xml"}, "https://naive-wire.example.my/rss"
    )
    assert len(result.entries) == 2
    for entry in result.entries:
        assert entry.published is None or entry.published.tzinfo is None, (
            f"{entry.link}: naive feed date came out as {entry.published.isoformat()}"
        )


# --- feedparser's own test suite ------------------------------------------------------------------

_HEADER_RE = re.compile(r"^Header:\s+([^:]+):(.*)$", re.MULTILINE)
# PROVENANCE.md: 2,106 .xml + 1 .json from HEAD and 9 .xml in http-legacy/
FEEDPARSER_DATA_FILES = 2116


def _declared_headers(body: bytes) -> dict[str, str]:
    """The `Header:` lines from a test file's comment; NULs dropped so UTF-16/32 headers read as
    ASCII."""
    text = body.replace(b"\x00", b"").decode("latin-1")
    headers = {"Content-Type": "text/xml"}  # upstream's test server default
    headers.update({k.strip(): v.strip() for k, v in _HEADER_RE.findall(text)})
    return headers


@pytest.mark.skipif(
    not FEEDPARSER_TESTS.is_dir(),
    reason=(
        f"feedparser test corpus not present at {FEEDPARSER_TESTS} (only in the shared workspace)"
    ),
)
def test_every_feedparser_test_file_parses_or_raises_feed_error() -> None:
    """parse_feed over every file of feedparser's test suite (well-formed, ill-formed, encodings,
    entities, JSON, legacy HTTP cases, and the notes beside them), with the HTTP headers each file
    declares: nothing but FeedError ever escapes, every entry has a str link and str-or-None title,
    and every file found is visited (no file makes the parser hang: a generous guard timeout names
    the file it is stuck on)."""
    found = sorted(p for p in FEEDPARSER_TESTS.rglob("*") if p.is_file())
    data_files = [p for p in found if p.suffix in (".xml", ".json")]
    assert len(data_files) == FEEDPARSER_DATA_FILES, (
        "corpus incomplete: compare with its PROVENANCE.md"
    )
    visited = feed_errors = entries = 0
    failures: list[str] = []
    current: list[Path] = []

    def visit_all() -> None:
        nonlocal visited, feed_errors, entries
        for path in found:
            current[:] = [path]
            body = path.read_bytes()
            url = "http://127.0.0.1:8097/tests/" + path.relative_to(FEEDPARSER_TESTS).as_posix()
            try:
                result = parse_feed(body, _declared_headers(body), url)
            except FeedError:
                feed_errors += 1
            except Exception as exc:
                failures.append(
                    f"{path.relative_to(FEEDPARSER_TESTS)}: {type(exc).__name__}: {exc}"
                )
            else:
                entries += len(result.entries)
                for e in result.entries:
                    if not isinstance(e.link, str) or not (
                        e.title is None or isinstance(e.title, str)
                    ):
                        failures.append(
                            f"{path.relative_to(FEEDPARSER_TESTS)}: non-str link or title"
                        )
            visited += 1

    worker = threading.Thread(
        target=visit_all, daemon=True
    )  # daemon: a stuck parse cannot block the exit
    worker.start()
    worker.join(10 * CHILD_GUARD_S)
    assert not worker.is_alive(), (
        f"parse_feed still running after {10 * CHILD_GUARD_S} s, on {current[0]}"
    )
    assert failures == []
    assert visited == len(found)
    assert entries > 0 and feed_errors < visited
