"""Feed bytes and response headers -> entries; the only module that imports feedparser.

feedparser never raises on a broken feed: it sets `bozo`. We keep what it could read, and report a
feed that yields nothing as an error with feedparser's reason.
"""

from __future__ import annotations

import html
import io
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import feedparser

from crawler.extract.dates import parse_datetime

_TAG_RE = re.compile(r"<[^>]+>")
_HARMLESS = {"NonXMLContentType"}

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedEntry:
    link: str
    title: str | None
    published: datetime | None  # with the offset the feed wrote
    updated: (
        str | None
    )  # the entry's updated (else published) date as written: changes when the entry does
    summary: str | None
    guid: str | None


@dataclass(frozen=True)
class FeedResult:
    entries: list[FeedEntry]
    version: str  # feedparser's name for the format, e.g. 'rss20', 'atom10'; '' when unknown
    problem: str | None  # why the feed is malformed, when it is; entries may still be present


class FeedError(Exception):
    """A feed that yielded no entries and was not well-formed."""


def _is_utf8_text(body: bytes) -> bool:
    """Valid UTF-8 with some non-ASCII bytes: almost never what another charset's text looks
    like."""
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _plain(text: str | None) -> str | None:
    """Feed titles may carry HTML (Atom type="html"): keep the text."""
    if not text:
        return None
    if "<" in text or "&" in text:
        text = html.unescape(_TAG_RE.sub("", text))
    return text.strip() or None


def _response_headers(headers: Mapping[str, str], url: str, body: bytes) -> dict[str, str]:
    """Headers for feedparser, lower-cased: the URL as the base for relative links, and a charset
    label dropped when the bytes are UTF-8."""
    hdrs = {k.lower(): v for k, v in headers.items()}
    hdrs.setdefault("content-location", url)  # base for relative links
    ctype = hdrs.get("content-type", "")
    if "charset=" in ctype.lower() and _is_utf8_text(body):
        # Servers often label UTF-8 feeds with a wrong charset; the bytes themselves are the better
        # witness.
        hdrs["content-type"] = ctype.split(";", 1)[0]
    return hdrs


def _feed_problem(parsed: feedparser.FeedParserDict) -> str | None:
    """Why the feed is malformed, from feedparser's bozo flag and exception; None when it is not."""
    exc = parsed.get("bozo_exception")
    # A missing or odd media type (text/html, none) is no defect of the feed itself.
    if parsed.get("bozo") and type(exc).__name__ not in _HARMLESS:
        return f"{type(exc).__name__}: {exc}".replace("\n", " ") if exc else "malformed feed"
    return None


def _entry_link(e: feedparser.FeedParserDict) -> str | None:
    """The entry's link, else its first alternate link, else its id when that is a URL."""
    link = e.get("link")
    if not link:
        for candidate in e.get("links", []):
            if candidate.get("href") and candidate.get("rel", "alternate") == "alternate":
                link = candidate["href"]
                break
    if not link and str(e.get("id", "")).startswith(("http://", "https://")):
        link = e["id"]
    return link


def _entry(e: feedparser.FeedParserDict, home_tz: str | None) -> FeedEntry | None:
    """One feed entry; None when it has no link, since a link is what we crawl."""
    link = _entry_link(e)
    if not link:
        return None
    # dict.get: feedparser's own get() maps a missing 'updated' to 'published', with a warning.
    raw_published, raw_updated = dict.get(e, "published"), dict.get(e, "updated")
    published = parse_datetime(raw_published or raw_updated, home_tz)
    # Any text that changes when the entry changes will do as its stamp.
    updated = raw_updated or raw_published
    return FeedEntry(
        link=link.strip(),
        title=_plain(e.get("title")),
        published=published,
        updated=updated,
        summary=(e.get("summary") or None),
        guid=(e.get("id") or None),
    )


def parse_feed(
    body: bytes, headers: Mapping[str, str], url: str, home_tz: str | None = None
) -> FeedResult:
    """Parse a downloaded feed body; dates without an offset are read in home_tz, or left naive.

    The body goes in as a stream, never as bytes or str: feedparser treats a string that looks like
    a path or a URL as something to open or fetch.
    """
    hdrs = _response_headers(headers, url, body)
    parsed = feedparser.parse(io.BytesIO(body), response_headers=hdrs, sanitize_html=False)
    problem = _feed_problem(parsed)
    entries = [entry for entry in (_entry(e, home_tz) for e in parsed.entries) if entry is not None]
    if not entries and (problem or not parsed.get("version")):
        raise FeedError(problem or "not a feed (no RSS or Atom elements found)")
    return FeedResult(entries=entries, version=parsed.get("version") or "", problem=problem)
