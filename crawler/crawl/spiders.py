"""The spider every source runs: fetch seeds (feeds, sitemaps, listings) politely, then the articles
they list.

A seed is fetched with If-None-Match / If-Modified-Since; a 304 costs nothing more. An article
already stored is not downloaded again unless its feed 'updated' or sitemap 'lastmod' moved; a URL
that failed for good is not requested again while its entry is unchanged.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterable
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.http import Response, TextResponse

from crawler.config import Source, db_path_for_run
from crawler.crawl.feeds import FeedError, parse_feed
from crawler.crawl.outcomes import ORIGIN, STAMP, RunAccount, quiet_duplicate_loggers
from crawler.crawl.sitemaps import SitemapError, parse_sitemap, sitemaps_from_robots
from crawler.crawl.urls import CONTROL_CHARS as _CONTROL
from crawler.crawl.urls import canonical_url, same_site, url_problem
from crawler.items import FetchedPage, Lead
from crawler.store import Outcome, Store
from crawler.store.locks import source_locks
from crawler.store.schema import RUN_COUNTS

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

LOGGER = logging.getLogger(__name__)
DEPTH = "ww_depth"  # meta key: how many sitemap indexes led to this seed
# Sitemap indexes nested deeper than this are not read (a loop of indexes ends here at the latest).
MAX_SEED_DEPTH = 5


# Paths that look like an article rather than a section, tag or static page.
_ARTICLE_PATH = re.compile(r"(\d{4,}|[a-z0-9]+(?:-[a-z0-9]+){3,}|/\d{4}/\d{1,2}/)", re.I)
_NOT_ARTICLE = re.compile(
    r"/(tag|tags|category|categories|author|search|login|about|contact|page)/|"
    r"\.(jpe?g|png|gif|pdf|css|js|xml|rss|mp4|zip)$",
    re.I,
)


class SourceSpider(scrapy.Spider):
    """Base of configured sources; a hand-written spider may subclass it and override
    `leads_from`."""

    source: Source
    kind = "feed"
    store: Store
    account: RunAccount
    seed_maxsize: int
    seen: set[str]  # canonical article URLs requested in this run
    seeds_read: set[str]  # canonical seed URLs requested in this run
    retrying: set[str]  # earlier failures tried again in this run
    retry_runs: int
    run_closed: bool
    busy: bool  # another process is crawling this source: this run does nothing
    lock: ExitStack  # holds the source's lock while the spider runs
    validators: dict[str, tuple[str | None, str | None]]  # seeds' ETag and Last-Modified, kept
    # until the run has finished

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> SourceSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        # Configured sources carry the database in their settings; a hand-written spider resolves it
        # as the CLI does.
        db_path = db_path_for_run(crawler.settings.get)
        quiet_duplicate_loggers()
        # The source's lock, for crawls that did not come through the CLI (`scrapy crawl`); a
        # source another process is crawling is skipped, without a run of its own.
        spider.lock = ExitStack()
        _, busy = spider.lock.enter_context(source_locks(db_path, [cls.source.name]))
        spider.busy = bool(busy)
        if spider.busy:
            LOGGER.warning("%s: skipped, a crawl of it is already running", cls.source.name)
        spider.store = Store(db_path)
        spider.account = RunAccount(
            crawler, spider.store, cls.source.name, cls.source.allowed_domains
        )
        spider.seed_maxsize = crawler.settings.getint("WIREWATCH_SEED_MAXSIZE")
        spider.seen = set()
        spider.seeds_read = set()
        spider.retrying = set()
        spider.validators = {}
        spider.run_closed = False
        spider.retry_runs = crawler.settings.getint("WIREWATCH_RETRY_RUNS")
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        return spider

    @property
    def allowed_domains(self) -> list[str]:  # type: ignore[override]
        """What Scrapy's off-site check lets through, redirects included: the source's domains and
        the hosts of its configured seeds (a feed may live on another host than its articles)."""
        seed_hosts = (urlsplit(u).hostname or "" for u in self.source.urls)
        return list(dict.fromkeys([*self.source.allowed_domains, *filter(None, seed_hosts)]))

    def close_cut_off(self) -> None:
        """Close the run of a crawl whose reactor stopped before Scrapy closed the spider (a second
        Ctrl-C): what was in hand is recorded as not fetched, the run as stopped."""
        if not self.run_closed:
            self._closed(self, "shutdown")

    def _closed(self, spider: scrapy.Spider, reason: str) -> None:
        self.run_closed = True
        if self.busy:
            self.store.close()
            self.lock.close()
            return
        counts = self.account.close(reason)
        # Every link of each seed has its outcome now (those left unfetched are passing failures,
        # tried again next run): the next run may ask the seeds "changed since?".
        if self.account.write_error is None:
            self.save_validators()
        LOGGER.info(
            "%s run %d %s: %d pages, %d new, %d updated, %d unchanged, %d duplicates, %d errors",
            self.name,
            self.account.run_id,
            reason,
            *(counts.get(c, 0) for c in RUN_COUNTS),
        )
        self.store.close()
        self.lock.close()

    # -- seeds -------------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        if self.busy:
            return
        for url in self.source.urls:
            for request in self.seed_requests(url):
                yield request
        # Articles that failed for a passing reason are tried again even when their feed answers
        # 304.
        for url, stamp in self.store.crawl.transient_failures(self.name, self.retry_runs):
            retry = self.article_request(Lead(url=url, stamp=stamp))
            if retry is not None:
                self.retrying.add(url)
                yield retry

    def seed_requests(self, url: str) -> Iterable[scrapy.Request]:
        request = self.seed_request(url, self.parse_seed)
        if request is not None:
            yield request

    def seed_request(self, url: str, callback: Any, depth: int = 0) -> scrapy.Request | None:
        """A conditional GET of a seed; None when the URL is malformed, already read in this run (a
        sitemap index that lists itself), or nested deeper than MAX_SEED_DEPTH indexes."""
        problem = url_problem(url)
        if problem:
            self._bad_url(url, "seed", problem, None)
            return None
        origin = canonical_url(url)
        if origin in self.seeds_read:
            LOGGER.debug("%s seed %s: already read in this run", self.name, origin)
            return None
        self.seeds_read.add(origin)
        self.account.expect(origin, "seed")
        if urlsplit(origin).scheme not in ("http", "https"):
            self.account.resolve(origin, Outcome.BAD_SCHEME, "not an http(s) URL", permanent=True)
            return None
        # Seeds found on the way (robots.txt, sitemap indexes) stay within allowed_domains.
        if depth > 0 and not same_site(origin, self.source.allowed_domains):
            self.account.resolve(origin, Outcome.OFFSITE, "outside allowed_domains", permanent=True)
            return None
        if depth > MAX_SEED_DEPTH:
            self.account.resolve(
                origin, Outcome.FAILED, f"nested deeper than {MAX_SEED_DEPTH} sitemap indexes"
            )
            return None
        etag, last_modified = self.store.crawl.seed_validators(origin)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_error,
            headers=headers,
            meta={
                ORIGIN: origin,
                DEPTH: depth,
                "handle_httpstatus_list": [304],
                "download_maxsize": self.seed_maxsize,
            },
        )

    def parse_seed(self, response: Response) -> Iterable[Any]:
        origin = response.meta[ORIGIN]
        if response.status == 304:
            self.save_seed(origin, 304)
            self.account.resolve(origin, Outcome.NOT_MODIFIED, "304 Not Modified")
            return
        self.save_seed(
            origin, response.status, _header(response, "ETag"), _header(response, "Last-Modified")
        )
        try:
            leads, more_seeds = self.leads_from(response)
        except (FeedError, SitemapError, ValueError) as exc:
            self.account.resolve(origin, Outcome.FAILED, f"unreadable {self.kind}: {exc}")
            return
        self.account.resolve(origin, Outcome.SEED_READ, f"{len(leads)} links")
        depth = response.meta.get(DEPTH, 0) + 1
        for url in more_seeds:
            request = self.seed_request(url, self.parse_seed, depth)
            if request is not None:
                yield request
        for lead in leads:
            request = self.article_request(lead)
            if request is not None:
                yield request

    def leads_from(self, response: Response) -> tuple[list[Lead], list[str]]:
        """(article leads, further seeds) found in a seed response."""
        raise NotImplementedError

    def save_seed(
        self, origin: str, status: int, etag: str | None = None, last_modified: str | None = None
    ) -> None:
        """Remember a seed's answer now, and its validators for the next conditional GET once the
        run has finished: a run cut off (time limit, kill -9, Ctrl-C twice) before every link was
        fetched must not leave the seed answering 304 over links never fetched."""
        if status == 200:
            self.validators[origin] = (etag, last_modified)
        with self.account.writing():
            self.store.crawl.save_seed(origin, self.name, status, None, None)

    def save_validators(self) -> None:
        with self.account.writing():
            for origin, (etag, last_modified) in self.validators.items():
                self.store.crawl.save_seed(origin, self.name, 200, etag, last_modified)

    def _bad_url(self, url: str, what: str, problem: str, stamp: str | None) -> None:
        """A link that cannot be requested: one `bad_url` outcome under its printable spelling,
        logged once while its seed entry is unchanged."""
        shown = _CONTROL.sub("?", url.strip())[:2000]
        if shown in self.seen or shown in self.seeds_read:
            return
        (self.seen if what == "article" else self.seeds_read).add(shown)
        self.account.expect(shown, what)
        failed = self.store.crawl.permanent_failure(shown)
        logged_before = failed is not None and failed[1] == stamp
        self.account.resolve(
            shown, Outcome.BAD_URL, problem, permanent=True, stamp=stamp, log=not logged_before
        )

    # -- articles ----------------------------------------------------------------------------------

    def article_request(self, lead: Lead) -> scrapy.Request | None:
        """A request for lead, or None when it needs none (known, duplicate, off-site, failed for
        good)."""
        problem = url_problem(lead.url)
        if problem:
            self._bad_url(lead.url, "article", problem, lead.stamp)
            return None
        canon = canonical_url(lead.url)
        if canon in self.retrying:
            return None  # already being retried from an earlier run's failure
        if canon in self.seen:
            self.account.count_duplicate(canon)
            return None
        self.seen.add(canon)
        self.account.expect(canon, "article")
        if urlsplit(canon).scheme not in ("http", "https"):
            self.account.resolve(
                canon, Outcome.BAD_SCHEME, "not an http(s) link", permanent=True, stamp=lead.stamp
            )
            return None
        if not same_site(canon, self.source.allowed_domains):
            self.account.resolve(
                canon, Outcome.OFFSITE, "outside allowed_domains", permanent=True, stamp=lead.stamp
            )
            return None
        known = self.store.articles.known(canon)
        if known is not None and (lead.stamp is None or lead.stamp == known.seed_stamp):
            self.account.resolve(canon, Outcome.UNCHANGED, "already stored")
            return None
        failed = self.store.crawl.permanent_failure(canon)
        if known is None and failed is not None and failed[1] == lead.stamp:
            self.account.resolve(
                canon,
                Outcome.FAILED,
                f"skipped, failed for good before: {failed[0]}",
                permanent=True,
                stamp=lead.stamp,
                log=False,
            )
            return None
        return scrapy.Request(
            lead.url,
            callback=self.parse_article,
            errback=self.on_error,
            meta={
                ORIGIN: canon,
                STAMP: lead.stamp,
                "ww_lead": lead,
                "ww_refetch": known is not None,
            },
        )

    def parse_article(self, response: Response) -> Iterable[Any]:
        origin = response.meta[ORIGIN]
        lead: Lead = response.meta["ww_lead"]
        if (
            not isinstance(response, TextResponse)
            or b"html" not in (response.headers.get("Content-Type") or b"text/html").lower()
        ):
            ctype = (response.headers.get("Content-Type") or b"?").decode("latin-1")
            self.account.resolve(
                origin,
                Outcome.FAILED,
                f"not an HTML page ({ctype})",
                permanent=True,
                stamp=lead.stamp,
            )
            return
        yield FetchedPage(
            origin=origin,
            url=response.url,
            redirect_urls=list(response.meta.get("redirect_urls", [])),
            html=page_text(response),
            lead=lead,
            refetch=response.meta.get("ww_refetch", False),
        )

    def on_error(self, failure: Failure) -> None:
        self.account.failure(failure, failure.request)  # type: ignore[attr-defined]


class FeedSourceSpider(SourceSpider):
    kind = "feed"

    def leads_from(self, response: Response) -> tuple[list[Lead], list[str]]:
        headers = {
            k.decode("latin-1"): b", ".join(v).decode("latin-1")
            for k, v in response.headers.items()
        }
        result = parse_feed(response.body, headers, response.url, self.source.timezone)
        if result.problem:
            LOGGER.info(
                "%s feed %s is malformed but readable (%d entries): %s",
                self.name,
                response.url,
                len(result.entries),
                result.problem,
            )
        leads = [
            Lead(
                url=urljoin(response.url, e.link),
                title=e.title,
                published=e.published.isoformat() if e.published else None,
                stamp=e.updated,
                summary=e.summary,
            )
            for e in result.entries
        ]
        return leads, []


class SitemapSourceSpider(SourceSpider):
    kind = "sitemap"

    def seed_requests(self, url: str) -> Iterable[scrapy.Request]:
        parts = urlsplit(url)
        if parts.path in ("", "/") or parts.path.endswith("/robots.txt"):
            robots = f"{parts.scheme}://{parts.netloc}/robots.txt"
            request = self.seed_request(robots, self.parse_robots)
        else:
            request = self.seed_request(url, self.parse_seed)
        if request is not None:
            yield request

    def parse_robots(self, response: Response) -> Iterable[Any]:
        origin = response.meta[ORIGIN]
        if response.status == 304:
            # Unchanged: its sitemaps are those of the copy the robots.txt cache keeps.
            kept = self.store.robots.robots(response.url)
            if kept is None or not 200 <= kept.status < 300:
                self.save_seed(origin, 200)  # no copy to read: forget the validators, read it anew
                self.account.resolve(origin, Outcome.NOT_MODIFIED, "304 Not Modified")
                return
            body = kept.body
            self.account.resolve(origin, Outcome.NOT_MODIFIED, "304 Not Modified")
        else:
            body = response.body
            self.save_seed(
                origin, 200, _header(response, "ETag"), _header(response, "Last-Modified")
            )
        found = sitemaps_from_robots(body, response.url)
        if response.status != 304:
            if not found:
                self.account.resolve(origin, Outcome.FAILED, "robots.txt lists no Sitemap")
                return
            self.account.resolve(origin, Outcome.SEED_READ, f"{len(found)} sitemaps")
        for url in found:
            request = self.seed_request(url, self.parse_seed, depth=1)
            if request is not None:
                yield request

    def leads_from(self, response: Response) -> tuple[list[Lead], list[str]]:
        sitemap = parse_sitemap(response.body, self.seed_maxsize)
        if sitemap.kind == "sitemapindex":
            return [], [e.loc for e in sitemap.entries]
        return [
            Lead(
                url=e.loc,
                title=e.news_title,
                published=e.news_published,
                stamp=e.lastmod or e.news_published,
                language=e.language,
            )
            for e in sitemap.entries
        ], []


class ListingSourceSpider(SourceSpider):
    kind = "listing"

    def leads_from(self, response: Response) -> tuple[list[Lead], list[str]]:
        if not isinstance(response, TextResponse):
            raise ValueError("listing page is not text")
        selector = self.source.link_selector
        if selector:
            hrefs = response.css(
                selector if "::" in selector else f"{selector}::attr(href)"
            ).getall()
        else:
            # Without a selector: links outside the page furniture whose path looks like an article.
            hrefs = response.xpath(
                "//a[not(ancestor::nav or ancestor::header or ancestor::footer)]/@href"
            ).getall()
        leads: list[Lead] = []
        page = canonical_url(response.url)
        for href in hrefs:
            url = urljoin(response.url, href.strip())
            if url_problem(url):
                leads.append(Lead(url=url))  # recorded as a bad_url outcome, not requested
                continue
            path = urlsplit(url).path
            if urlsplit(url).scheme not in ("http", "https") or canonical_url(url) == page:
                continue
            if not selector and (
                not same_site(url, self.source.allowed_domains)
                or _NOT_ARTICLE.search(path)
                or not _ARTICLE_PATH.search(path)
            ):
                continue
            leads.append(Lead(url=url))
        return leads, []


def page_text(response: TextResponse) -> str:
    """The page as text. A page declared UTF-8 whose bytes are not (Windows-1252, in practice) would
    come out with replacement characters and no error: read it as Windows-1252 instead."""
    text = response.text
    if "\ufffd" in text and response.encoding.lower().replace("-", "") in ("utf8", "utf8sig"):
        try:
            response.body.decode("utf-8")
        except UnicodeDecodeError:
            return response.body.decode("cp1252", errors="replace")
    return text


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


KIND_CLASSES: dict[str, type[SourceSpider]] = {
    "feed": FeedSourceSpider,
    "sitemap": SitemapSourceSpider,
    "listing": ListingSourceSpider,
}
