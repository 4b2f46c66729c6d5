"""Every seed and article URL of a run ends with one recorded outcome, logged once on one line.

Scrapy drops some requests without calling back (an off-site redirect, a redirect loop caught by the
duplicate filter): we follow each request by its origin URL through redirects, and account at close
for any origin that never got an answer.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import deferred_from_coro

from crawler.crawl.addresses import PrivateAddress
from crawler.crawl.headers import HeaderLimitError
from crawler.crawl.urls import same_site
from crawler.store.schema import ARTICLE_OUTCOMES, RUN_COUNTERS, Outcome

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

    from crawler.store import Store

LOGGER = logging.getLogger(__name__)
ORIGIN = "ww_origin"  # meta key: the canonical URL this request (and its redirects) answers for
STAMP = "ww_stamp"  # meta key: the feed 'updated' / sitemap 'lastmod' that led to it


# Scrapy loggers that report, in their own words, failures we log once as outcomes.
_DUPLICATE_LOGGERS = (
    "scrapy.core.downloader.handlers.http11",  # size limits
    "scrapy.spidermiddlewares.httperror",  # "Ignoring response <404 ...>"
    "scrapy.downloadermiddlewares.httpcompression",  # decompression limits
)


class _ToDebug(logging.Filter):
    """A robots.txt that cannot be downloaded is logged by Scrapy at ERROR with a traceback; the
    seed behind it fails on its own line anyway, so keep Scrapy's report for DEBUG, without the
    traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger(record.name).isEnabledFor(
            logging.DEBUG
        ) or logging.root.isEnabledFor(logging.DEBUG)


def quiet_duplicate_loggers() -> None:
    for name in _DUPLICATE_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    # The memory-usage extension logs the peak at INFO on every check, each second: only its warning
    # and its stop are worth a line.
    logging.getLogger("scrapy.extensions.memusage").setLevel(logging.WARNING)
    robots = logging.getLogger("scrapy.downloadermiddlewares.robotstxt")
    if not any(isinstance(f, _ToDebug) for f in robots.filters):
        robots.addFilter(_ToDebug())


class RunAccount:
    """Outcomes and counters of one source's run, written to url_outcomes and crawl_runs."""

    def __init__(
        self, crawler: Crawler, store: Store, source: str, allowed_domains: tuple[str, ...]
    ):
        self.crawler = crawler
        self.store = store
        self.source = source
        self.allowed_domains = allowed_domains
        self.write_error: str | None = None  # the first failed database write of the run
        # The run's row is written when the spider opens, once Scrapy handles SIGTERM itself: a
        # process stopped before that leaves no row behind claiming to be running.
        self.run_id: int | None = None
        self.counts: dict[str, int] = {"pages": 0}
        self.pending: dict[str, str] = {}  # origin -> what it is ("seed" or "article")
        self.last_request: dict[str, Request] = {}
        crawler.signals.connect(self._opened, signal=signals.spider_opened)
        crawler.signals.connect(self._scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(self._dropped, signal=signals.request_dropped)
        crawler.signals.connect(self._response, signal=signals.response_received)

    def _opened(self, spider: Any) -> None:
        if getattr(spider, "busy", False):
            return  # skipped: no run row, and the running one keeps its own
        if self.run_id is None:
            with self.writing():
                self.run_id = self.store.crawl.start_run(self.source)

    def expect(self, origin: str, what: str) -> None:
        self.pending[origin] = what

    def count_duplicate(self, origin: str) -> None:
        """A URL listed again in this run: counted, not fetched, and its first listing keeps its
        outcome."""
        self.counts["duplicates"] = self.counts.get("duplicates", 0) + 1
        LOGGER.debug("%s duplicate %s: listed twice", self.source, origin)

    def _scheduled(self, request: Request, spider: Any) -> None:
        origin = request.meta.get(ORIGIN)
        if origin:
            self.last_request[origin] = request

    def _dropped(self, request: Request, spider: Any) -> None:
        origin = request.meta.get(ORIGIN)
        if origin in self.pending and request.meta.get("redirect_urls"):
            self.resolve(
                origin,
                Outcome.FAILED,
                "redirect loop",
                permanent=True,
                stamp=request.meta.get(STAMP),
            )

    def _response(self, response: Any, request: Request, spider: Any) -> None:
        if request.meta.get(ORIGIN):
            self.counts["pages"] += 1

    def resolve(
        self,
        origin: str,
        outcome: Outcome,
        reason: str | None = None,
        *,
        permanent: bool = False,
        stamp: str | None = None,
        log: bool = True,
    ) -> None:
        """Record the one outcome of origin; later calls for the same origin in this run are
        ignored."""
        kind = self.pending.pop(origin, "done")
        if kind == "done":
            return
        counter = RUN_COUNTERS.get(outcome)
        if counter:
            self.counts[counter] = self.counts.get(counter, 0) + 1
        # Stored articles and known ones skipped need no row: the articles table already says it
        # all.
        if outcome not in ARTICLE_OUTCOMES:
            with self.writing():
                self.store.crawl.record_outcome(
                    origin, self.source, kind, outcome, reason, permanent, stamp, self.run_id
                )
        if not log:
            return
        level = logging.WARNING if counter == "errors" else logging.INFO
        if outcome in (
            Outcome.UNCHANGED,
            Outcome.NOT_MODIFIED,
            Outcome.DUPLICATE,
            Outcome.SEED_READ,
        ):
            level = logging.DEBUG
        LOGGER.log(
            level, "%s %s %s%s", self.source, outcome, origin, f": {reason}" if reason else ""
        )

    @contextmanager
    def writing(self) -> Iterator[None]:
        """A write of the run's own bookkeeping: when it fails, the run stops (write_failed) and
        the caller goes on without it."""
        try:
            with self.store.write():
                yield
        except sqlite3.OperationalError as exc:
            self.write_failed(exc)

    def write_failed(self, exc: sqlite3.Error) -> None:
        """A write failed (disk full, read-only file, I/O error): nothing more can be kept, so the
        run stops, and the command exits non-zero. Logged once per run."""
        if self.write_error is not None:
            return
        self.write_error = str(exc)
        LOGGER.error("%s: database write failed, stopping the crawl: %s", self.source, exc)
        engine = self.crawler.engine
        if engine is not None and engine.spider is not None:
            deferred_from_coro(engine.close_spider_async(reason="store_failed"))

    def failure(self, failure: Failure, request: Request) -> None:
        """Turn a download or HTTP failure into an outcome: permanent ones are not retried next
        run."""
        origin = request.meta.get(ORIGIN) or request.url
        stamp = request.meta.get(STAMP)
        exc = failure.value
        if isinstance(exc, PrivateAddress):
            self.resolve(origin, Outcome.PRIVATE_ADDRESS, str(exc), permanent=True, stamp=stamp)
        elif isinstance(exc, HttpError):
            status = exc.response.status
            permanent = 400 <= status < 500 and status not in (408, 429)
            self.resolve(origin, Outcome.FAILED, f"HTTP {status}", permanent=permanent, stamp=stamp)
        elif isinstance(exc, IgnoreRequest):
            text = str(exc)
            if "robots.txt" in text:
                self.resolve(
                    origin, Outcome.ROBOTS, "refused by robots.txt", permanent=True, stamp=stamp
                )
            elif "offsite" in text.lower():
                self.resolve(origin, Outcome.OFFSITE, text, permanent=True, stamp=stamp)
            elif "MAXSIZE" in text or "max size" in text or "larger than" in text:
                self.resolve(
                    origin,
                    Outcome.TOO_LARGE,
                    "larger than the size limit"
                    + (" after decompression" if "decompress" in text else ""),
                    permanent=True,
                    stamp=stamp,
                )
            elif "redirections" in text:
                self.resolve(
                    origin, Outcome.FAILED, "too many redirects", permanent=True, stamp=stamp
                )
            else:
                self.resolve(
                    origin, Outcome.FAILED, text or "request ignored", permanent=True, stamp=stamp
                )
        elif isinstance(exc, HeaderLimitError):
            # Like an oversized body: the same server sends the same headers again.
            self.resolve(origin, Outcome.TOO_LARGE, str(exc), permanent=True, stamp=stamp)
        elif "max size" in str(exc) or "maxsize" in str(exc).lower():
            self.resolve(
                origin,
                Outcome.TOO_LARGE,
                "larger than the download size limit",
                permanent=True,
                stamp=stamp,
            )
        else:
            reason = _network_reason(exc, request.url)
            if reason is None:
                LOGGER.debug(
                    "unexpected failure for %s", request.url, exc_info=failure.getTracebackObject()
                )
                reason = f"{type(exc).__name__}: {exc}".strip()
            self.resolve(origin, Outcome.FAILED, reason, stamp=stamp)

    def close(self, reason: str) -> dict[str, int]:
        """Account for origins Scrapy dropped without a callback, then close the run."""
        if self.write_error is not None:
            self.pending.clear()  # nothing can be recorded; the next run reads the seeds afresh
        for origin in list(self.pending):
            request = self.last_request.get(origin)
            redirects = request.meta.get("redirect_urls") if request is not None else None
            stamp = request.meta.get(STAMP) if request is not None else None
            if (
                request is not None
                and redirects
                and not same_site(request.url, self.allowed_domains)
            ):
                host = urlsplit(request.url).hostname
                self.resolve(
                    origin,
                    Outcome.OFFSITE,
                    f"redirected off-site to {host}",
                    permanent=True,
                    stamp=stamp,
                )
            elif redirects:
                self.resolve(origin, Outcome.FAILED, "redirect loop", permanent=True, stamp=stamp)
            else:
                self.resolve(origin, Outcome.FAILED, f"no response (crawl {reason})", stamp=stamp)
        if self.write_error is not None:
            reason = "store_failed"
            self.store.make_room()
        with self.writing():  # if it fails, the next run says `interrupted`
            if self.run_id is None:
                self.run_id = self.store.crawl.start_run(self.source)
            self.store.crawl.finish_run(self.run_id, self.counts, reason)
        return self.counts


# Network failures by class name: Scrapy 2.19 wraps Twisted's errors in its own classes, older
# releases do not.
_TIMEOUTS = {"DownloadTimeoutError", "TimeoutError", "TCPTimedOutError"}
_DNS = {"CannotResolveHostError", "DNSLookupError"}
_REFUSED = {
    "DownloadConnectionRefusedError",
    "ConnectionRefusedError",
    "ConnectError",
    "NoRouteError",
}
_LOST = {
    "ResponseDataLossError",
    "ConnectionLost",
    "ConnectionDone",
    "ResponseFailed",
    "ResponseNeverReceived",
    "DownloadFailedError",
    "DownloadCancelledError",
}


def _network_reason(exc: BaseException, url: str) -> str | None:
    names = {cls.__name__ for cls in type(exc).__mro__}
    if names & _TIMEOUTS:
        return "timed out"
    if names & _DNS:
        return f"DNS lookup failed for {urlsplit(url).hostname}"
    if names & _REFUSED:
        return f"connection refused by {urlsplit(url).netloc}"
    if names & _LOST:
        return "connection lost before the response was complete"
    return None
