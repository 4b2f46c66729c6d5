"""Feed bytes and response headers -> entries; the only module that imports feedparser.

feedparser never raises on a broken feed: it sets `bozo`. We keep what it could read, and report a feed
that yields nothing as an error with feedparser's reason.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Mapping

import feedparser

from crawler.dates import parse_datetime, to_utc_iso

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedEntry:
    link: str
    title: str | None
    published: datetime | None  # with the offset the feed wrote
    updated: str | None  # ISO 8601 UTC: when the entry last changed, for refetch decisions
    summary: str | None
    guid: str | None


@dataclass(frozen=True)
class FeedResult:
    entries: list[FeedEntry]
    version: str  # feedparser's name for the format, e.g. 'rss20', 'atom10'; '' when unknown
    problem: str | None  # why the feed is malformed, when it is; entries may still be present


class FeedError(Exception):
    """A feed that yielded no entries and was not well-formed."""


def _iso(struct: object) -> str | None:
    if not struct:
        return None
    try:
        return datetime(*struct[:6], tzinfo=timezone.utc).isoformat()  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def parse_feed(body: bytes, headers: Mapping[str, str], url: str) -> FeedResult:
    """Parse a downloaded feed body.

    The body goes in as a stream, never as bytes or str: feedparser treats a string that looks like a path or a
    URL as something to open or fetch.
    """
    hdrs = {k.lower(): v for k, v in headers.items()}
    hdrs.setdefault("content-location", url)  # base for relative links
    parsed = feedparser.parse(io.BytesIO(body), response_headers=hdrs, sanitize_html=False)
    problem = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        problem = f"{type(exc).__name__}: {exc}".replace("\n", " ") if exc else "malformed feed"
    entries: list[FeedEntry] = []
    for e in parsed.entries:
        link = e.get("link")
        if not link:
            for candidate in e.get("links", []):
                if candidate.get("href") and candidate.get("rel", "alternate") == "alternate":
                    link = candidate["href"]
                    break
        if not link and str(e.get("id", "")).startswith(("http://", "https://")):
            link = e["id"]
        if not link:
            continue
        published = parse_datetime(e.get("published") or e.get("updated"))
        if published is None and (e.get("published_parsed") or e.get("updated_parsed")):
            published = datetime(*(e.get("published_parsed") or e.get("updated_parsed"))[:6],
                                 tzinfo=timezone.utc)
        updated = _iso(e.get("updated_parsed")) or (to_utc_iso(published) if published else None)
        entries.append(FeedEntry(
            link=link.strip(),
            title=(e.get("title") or None),
            published=published,
            updated=updated,
            summary=(e.get("summary") or None),
            guid=(e.get("id") or None),
        ))
    if not entries and problem:
        raise FeedError(problem)
    return FeedResult(entries=entries, version=parsed.get("version") or "", problem=problem)
