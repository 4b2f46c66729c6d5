"""robots.txt kept in the database between crawls, so that an idle poll of a feed is one request.

Every crawl is a process of its own, so Scrapy's `RobotsTxtMiddleware`, which keeps each host's
parser for the life of one crawler, asked every host for its robots.txt again in every crawl. This
subclass changes only how the parser of a host is obtained: from the copy in the store while the
server confirmed it less than `WIREWATCH_ROBOTS_MAX_AGE` seconds ago; otherwise by a conditional GET
(`If-None-Match` / `If-Modified-Since`) whose `304` renews the copy. What is allowed, the `robots`
outcome and Scrapy's stats stay Scrapy's.

Answers that say nothing about the rules (5xx, 429, a failed download) never replace a kept copy:
the crawl goes on with it, as RFC 9309 allows for an unreachable robots.txt, and asks again next
time. Without a kept copy, the crawl does what Scrapy does. The store is the spider's own; when it
cannot be read or written, robots.txt is fetched as Scrapy fetches it and one line says why.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from scrapy import Request, signals
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler, load_object
from twisted.internet.defer import Deferred

from crawler.store import Store, StoreError
from crawler.store.robots import StoredRobots
from crawler.store.schema import utc_now_iso

if TYPE_CHECKING:
    from collections.abc import Callable

    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.robotstxt import RobotParser

LOGGER = logging.getLogger(__name__)
VALIDATORS = ("ETag", "Last-Modified")
# A host's rules, once obtained, serve this crawler for at least this long whatever the maximum age:
# one crawl does not ask again for every page.
REUSED_FOR_S = 300.0


def kept_after(status: int) -> bool:
    """Whether an answer of this status is the robots.txt to keep: rules (2xx) or none at all (4xx,
    everything allowed). A 429 asks the crawler to slow down and says nothing about the rules."""
    return 200 <= status < 300 or (400 <= status < 500 and status != 429)


def _validator(response: Response, name: str) -> str | None:
    """A validator as sent, to be sent back byte for byte (latin-1 decodes any byte)."""
    raw = response.headers.get(name)
    return None if raw is None else raw.decode("latin-1")


def kept_copy(url: str, response: Response) -> StoredRobots:
    """What to keep of the server's answer, with its validators (a 4xx keeps no body: it has no
    rules), as fetched and confirmed now."""
    ok = 200 <= response.status < 300
    etag, last_modified = (_validator(response, n) if ok else None for n in VALIDATORS)
    now = utc_now_iso()
    return StoredRobots(
        url, response.status, response.body if ok else b"", etag, last_modified, now, now
    )


class RobotsCache:
    """The store's `robots_txt` table as this crawl sees it. A read or a write that fails turns the
    cache off for the rest of the crawl, with one line saying why; nothing else is lost.

    A spider may bring its own cache with the same three methods (`robots_cache`): cluster workers
    keep robots.txt in Redis, shared by every worker."""

    def __init__(self, store: Store | None):
        self.store = store

    def get(self, url: str) -> StoredRobots | None:
        if self.store is None:
            return None
        try:
            return self.store.robots.robots(url)
        except (sqlite3.Error, StoreError) as exc:
            self._unusable(exc)
            return None

    def save(self, url: str, response: Response) -> None:
        copy = kept_copy(url, response)
        self._write(
            lambda s: s.robots.save_robots(
                url, copy.status, copy.body, copy.etag, copy.last_modified
            )
        )

    def confirm(self, url: str) -> None:
        self._write(lambda s: s.robots.confirm_robots(url))

    def _write(self, change: Callable[[Store], None]) -> None:
        if self.store is None:
            return
        try:
            with self.store.write():
                change(self.store)
        except (sqlite3.Error, StoreError) as exc:
            self._unusable(exc)

    def _unusable(self, exc: Exception) -> None:
        LOGGER.warning(
            "robots.txt cache in %s unusable, robots.txt is fetched as if none were kept: %s",
            self.store.path if self.store is not None else "the database",
            exc,
        )
        self.store = None


class CachedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with each host's robots.txt kept in the store between
    crawls."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.stats = crawler.stats
        self.max_age_s = crawler.settings.getfloat("WIREWATCH_ROBOTS_MAX_AGE")
        self.maxsize = crawler.settings.getint("WIREWATCH_SEED_MAXSIZE")
        self.parser_class = load_object(crawler.settings.get("ROBOTSTXT_PARSER"))
        self.hosts: dict[str, RobotParser | Deferred[RobotParser | None] | None] = {}
        # When each host's parser was obtained: a long-lived crawler (a cluster worker) asks again
        # once it is older than the maximum age (and REUSED_FOR_S at least), as a new crawl would.
        self.obtained: dict[str, float] = {}
        self.cache: RobotsCache | None = None  # made on first use: the spider opens the store

    async def robot_parser(self, request: Request) -> RobotParser | None:
        parts = urlparse_cached(request)
        host = parts.netloc
        if host in self.hosts:
            known = self.hosts[host]
            if isinstance(known, Deferred):
                return await maybe_deferred_to_future(known)
            if time.monotonic() - self.obtained.get(host, 0.0) < max(self.max_age_s, REUSED_FOR_S):
                return known
        # Requests to the host that arrive meanwhile wait for this one's answer.
        waiting: Deferred[RobotParser | None] = Deferred()
        self.hosts[host] = waiting
        parser = None
        try:
            parser = await self.parser_for(f"{parts.scheme}://{host}/robots.txt", request)
        finally:
            self.hosts[host] = parser
            self.obtained[host] = time.monotonic()
            waiting.callback(parser)
        return parser

    async def parser_for(self, url: str, request: Request) -> RobotParser | None:
        """The rules of robots.txt at url: kept, renewed, or downloaded."""
        cache = self._cache()
        kept = cache.get(url)
        if kept is not None and kept.age_s(datetime.now(UTC)) < self.max_age_s:
            self.stats.inc_value("robotstxt/cached")
            return await self._parse(kept.body, request)
        response = await self._download(url, kept)
        if response is None:
            return await self._parse(kept.body, request) if kept is not None else None
        if response.status == 304 and kept is not None:
            self.stats.inc_value("robotstxt/not_modified")
            cache.confirm(url)
            return await self._parse(kept.body, request)
        if kept_after(response.status):
            cache.save(url, response)
            return await self._parse(response.body if response.status < 300 else b"", request)
        if kept is not None:
            LOGGER.info(
                "%s answered %d: the copy fetched %s stays in force",
                url,
                response.status,
                kept.fetched_at,
            )
            return await self._parse(kept.body, request)
        return await self._parse(response.body, request)

    async def _download(self, url: str, kept: StoredRobots | None) -> Response | None:
        """robots.txt through the whole downloader (private-address guard, header and size limits,
        retries, redirects), conditional when a copy with validators is kept; None when it
        failed."""
        headers = {}
        if kept is not None and 200 <= kept.status < 300:
            for name, value in (
                ("If-None-Match", kept.etag),
                ("If-Modified-Since", kept.last_modified),
            ):
                if value:
                    headers[name] = value.encode("latin-1")  # the bytes the server sent
        robots = Request(
            url,
            headers=headers,
            priority=self.DOWNLOAD_PRIORITY,
            meta={"dont_obey_robotstxt": True, "download_maxsize": self.maxsize},
            callback=NO_CALLBACK,
        )
        self.stats.inc_value("robotstxt/request_count")
        assert self.crawler.engine is not None
        try:
            response = await self.crawler.engine.download_async(robots)
        except Exception as exc:  # any failure means "no answer", as it does for Scrapy
            if not isinstance(exc, IgnoreRequest):
                self.stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
            # The seed or page behind it fails on its own line if the host is really down.
            LOGGER.debug("robots.txt %s not downloaded: %s", url, exc)
            return None
        self.stats.inc_value("robotstxt/response_count")
        self.stats.inc_value(f"robotstxt/response_status_count/{response.status}")
        return response

    async def _parse(self, body: bytes, request: Request) -> RobotParser:
        parser: RobotParser = build_from_crawler(self.parser_class, self.crawler, body)
        await self.crawler.signals.send_catch_log_async(
            signal=signals.robots_parsed, robotparser=parser, request=request
        )
        return parser

    def _cache(self) -> RobotsCache:
        if self.cache is None:
            own = getattr(self.crawler.spider, "robots_cache", None)
            if own is not None:
                self.cache = own
            else:
                # The spider's store (a source spider has one); a spider without one: no cache.
                store = getattr(self.crawler.spider, "store", None)
                self.cache = RobotsCache(store if isinstance(store, Store) else None)
        return self.cache
