"""The worker's Scrapy spider: one spider for every configured source, fed by the shared frontier.

Requests come from scrapy-redis's scheduler (one queue, one duplicate filter for the cluster); what
a response yields (outcomes, the extracted article with its signature and actors) goes to the item
stream, and its new links to the frontier, in one atomic step (`frontier.finish`). Nothing here
touches SQLite: what the store already holds comes from the shared set of known URLs."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import asdict
from functools import cached_property
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.request import request_from_dict
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler

from crawler.cluster import frontier
from crawler.cluster.frontier import DEPTH, FLIGHT, JOB, RETRIES, SOURCE
from crawler.cluster.keys import REDIS_ERRORS, Keys, unreachable
from crawler.cluster.robots import SharedRobots
from crawler.cluster.stream import Record
from crawler.config import Config, Source
from crawler.config.cluster import ClusterSettings
from crawler.crawl.addresses import (
    CannotResolveHostError,
    PrivateAddress,
    PrivateAddressGuard,
    address_problem,
    connection_host,
    refusal,
)
from crawler.crawl.feeds import FeedError
from crawler.crawl.outcomes import ORIGIN, STAMP, RunAccount
from crawler.crawl.sitemaps import SitemapError, sitemaps_from_robots
from crawler.crawl.spiders import KIND_CLASSES, MAX_SEED_DEPTH, SourceSpider, page_text
from crawler.crawl.urls import canonical_url, same_site, url_problem
from crawler.extract.article import ExtractionError, extract_article
from crawler.items import Lead
from crawler.pipelines import StorePipeline, hints_for
from crawler.store.schema import Outcome
from crawler.stories.grouping import analyze
from crawler.workers import POOL, WorkerLostError, WorkerTimeoutError

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

LOGGER = logging.getLogger(__name__)


class StampedDupeFilter(RFPDupeFilter):
    """scrapy-redis's filter, with the seed entry's stamp in the fingerprint: an article whose feed
    'updated' or sitemap 'lastmod' moved is fetched again, once across the cluster."""

    def request_fingerprint(self, request: scrapy.Request) -> str:
        base = super().request_fingerprint(request)
        stamp = request.meta.get(STAMP)
        return hashlib.sha1(f"{base}\n{stamp}".encode()).hexdigest() if stamp else base


class FrontierScheduler(Scheduler):
    """scrapy-redis's scheduler, taking each request into the worker's in-flight hash in the same
    step as off the queue, and quiet (one line, no traceback) while Redis is away."""

    def open(self, spider: ClusterSpider) -> None:  # type: ignore[override]
        super().open(spider)
        self.stats = None  # scrapy-redis counts with a call Scrapy 2.19 deprecates
        spider.frontier = self

    def enqueue_request(self, request: scrapy.Request) -> bool:
        """A request Scrapy queues itself: a retry or a redirect, standing in for the request in
        flight it came from."""
        spider: ClusterSpider = self.spider
        flight = request.meta.get(FLIGHT)
        try:
            queued = super().enqueue_request(request)
            if queued and flight:
                self.server.hdel(spider.keys.inflight(spider.worker), flight)
            elif not queued and JOB in request.meta:  # a redirect to a URL already fetched
                frontier.finish(
                    self.server,
                    spider.keys,
                    request.meta[JOB],
                    request.meta[SOURCE],
                    spider.worker,
                    flight,
                    None,
                    [],
                )
        except REDIS_ERRORS as exc:
            spider.redis_down(exc)
            return False  # still in flight: put back on the frontier if this worker is lost
        return queued

    def next_request(self) -> scrapy.Request | None:
        spider: ClusterSpider = self.spider
        try:
            got = frontier.take(self.server, spider.keys, spider.worker)
        except REDIS_ERRORS as exc:
            spider.redis_down(exc)
            return None
        spider.redis_up()
        if got is None:
            return None
        flight, data = got
        try:
            request = self.queue._decode_request(data)
        except Exception as exc:  # anything a stranger's or an older version's entry can raise
            why = f"{type(exc).__name__}: {exc}"[:200]
            LOGGER.error(
                "worker %s: a request on the frontier is unreadable (%s); moved to %s",
                spider.worker,
                why,
                spider.keys.dead,
            )
            with contextlib.suppress(*REDIS_ERRORS):
                frontier.refuse(self.server, spider.keys, spider.worker, flight, data, why)
            return None
        request.meta[FLIGHT] = flight
        return request

    def has_pending_requests(self) -> bool:
        try:
            return len(self) > 0
        except REDIS_ERRORS:
            return False


class SourceAddressGuard(PrivateAddressGuard):
    """The private-address guard per request's source: a worker serves every source, and only a
    source whose own seed host is local may reach local addresses."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.local: set[str] = set()

    async def process_request(self, request: scrapy.Request) -> None:
        if urlsplit(request.url).scheme not in ("http", "https"):
            return
        host = connection_host(request.url)
        problem = await address_problem(host)
        if problem is None:
            return
        sources = getattr(self.crawler.spider, "sources", {})
        name = request.meta.get(SOURCE)
        # A robots.txt request carries no source: those whose seeds are on its host.
        names = [name] if name else [n for n, s in sources.items() if host in _seed_hosts(s)]
        for n in names:
            if n in self.local or await _is_local(sources[n]):
                self.local.add(n)
                return
        kind, ip = problem
        raise PrivateAddress(refusal(host, kind, ip, bool(request.meta.get("redirect_urls"))))


def _seed_hosts(source: Source) -> list[str]:
    return list(dict.fromkeys(connection_host(u) for u in source.urls))


async def _is_local(source: Source) -> bool:
    """Whether one of the source's seed hosts is itself outside the public internet."""
    for host in _seed_hosts(source):
        with contextlib.suppress(CannotResolveHostError):
            if await address_problem(host):
                return True
    return False


class Recorder:
    """Collects the outcomes of one response as RunAccount would record them; the writer records
    them in the store."""

    def __init__(self, source: str):
        self.source = source
        self.rows: list[tuple[str, str, str, str | None, bool, str | None]] = []
        self.kinds: dict[str, str] = {}

    def expect(self, origin: str, kind: str) -> None:
        self.kinds[origin] = kind

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
        kind = self.kinds.get(origin, "article")
        self.rows.append((origin, kind, str(outcome), reason, permanent, stamp))

    # Download and HTTP failures are classified exactly as in a local crawl.
    failure = RunAccount.failure


class ClusterSpider(scrapy.Spider):
    name = "wirewatch-worker"
    frontier: FrontierScheduler

    def __init__(
        self, config: Config, cluster: ClusterSettings, worker: str, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.config = config
        self.cluster = cluster
        self.keys = Keys(cluster.key_prefix)
        self.worker = worker
        self.redis_ok = True
        self.sources = {s.name: s for s in config.sources}
        self.parsers: dict[str, SourceSpider] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ClusterSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.seed_maxsize = crawler.settings.getint("WIREWATCH_SEED_MAXSIZE")
        spider.gazetteer = crawler.settings.get("WIREWATCH_GAZETTEER") or None
        crawler.signals.connect(spider._idle, signal=signals.spider_idle)
        crawler.signals.connect(spider._opened, signal=signals.spider_opened)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        return spider

    @property
    def allowed_domains(self) -> list[str]:  # type: ignore[override]
        """Every source's domains and seed hosts; each link is also checked against its own
        source's."""
        hosts: list[str] = []
        for s in self.sources.values():
            hosts += [*s.allowed_domains, *(urlsplit(u).hostname or "" for u in s.urls)]
        return list(dict.fromkeys(filter(None, hosts)))

    @cached_property
    def robots_cache(self) -> SharedRobots:
        """robots.txt shared by every worker (crawler/crawl/robots.py asks for it)."""
        return SharedRobots(self.frontier.server, self.keys)

    def parser(self, name: str) -> SourceSpider:
        """The source's seed reader (its kind's `leads_from`), without the local crawl's store."""
        if name not in self.parsers:
            source = self.sources[name]
            p = object.__new__(KIND_CLASSES[source.kind])
            p.source, p.seed_maxsize = source, self.seed_maxsize  # type: ignore[misc]
            p.__dict__["name"] = name
            self.parsers[name] = p
        return self.parsers[name]

    # -- life ----------------------------------------------------------------------------------

    def _opened(self, spider: scrapy.Spider) -> None:
        from twisted.internet import task

        settings = self.crawler.settings
        POOL.acquire(
            settings.getint("WIREWATCH_EXTRACT_WORKERS") or os.cpu_count() or 1,
            settings.getfloat("WIREWATCH_EXTRACT_TIMEOUT"),
        )
        self.beat = task.LoopingCall(self.heartbeat)
        self.beat.start(max(1.0, self.cluster.worker_timeout / 3), now=True)
        # The engine asks an empty scheduler again only every 5 s: ask twice a second instead, so
        # new seeds start at once.
        self.nudge = task.LoopingCall(self._nudge)
        self.nudge.start(0.5, now=False)

    def _nudge(self) -> None:
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None:
            slot.nextcall.schedule()

    def _idle(self, spider: scrapy.Spider) -> None:
        raise DontCloseSpider  # a worker serves until stopped

    def _closed(self, spider: scrapy.Spider, reason: str) -> None:
        """Stopped: what this worker took and did not finish goes back on the frontier now."""
        for loop in (getattr(self, "beat", None), getattr(self, "nudge", None)):
            if loop is not None and loop.running:
                loop.stop()
        POOL.release()
        server = self.frontier.server
        try:
            server.delete(self.keys.alive(self.worker))
            back = frontier.requeue_lost(server, self.keys, "")
            for _, n in back:
                LOGGER.info(
                    "worker %s: %d requests in hand put back on the frontier", self.worker, n
                )
        except REDIS_ERRORS as exc:
            LOGGER.warning(
                "worker %s: %s; its requests in hand wait for another worker",
                self.worker,
                unreachable(self.cluster, exc),
            )

    def heartbeat(self) -> None:
        """Say this worker is alive; put back the requests of workers that are not."""
        server = self.frontier.server
        try:
            pipe = server.pipeline(transaction=False)
            pipe.set(self.keys.alive(self.worker), 1, ex=max(1, round(self.cluster.worker_timeout)))
            pipe.hset(self.keys.workers, self.worker, f"{__import__('time').time():.3f}")
            pipe.execute()
            for name, n in frontier.requeue_lost(server, self.keys, self.worker):
                LOGGER.warning(
                    "worker %s was lost: its %d requests in flight are back on the frontier",
                    name,
                    n,
                )
        except REDIS_ERRORS as exc:
            self.redis_down(exc)
            return
        self.redis_up()

    def redis_down(self, exc: Exception) -> None:
        if self.redis_ok:
            LOGGER.warning("worker %s: %s; retrying", self.worker, unreachable(self.cluster, exc))
        self.redis_ok = False

    def redis_up(self) -> None:
        if not self.redis_ok:
            LOGGER.warning(
                "worker %s: Redis at %s is reachable again", self.worker, self.cluster.redis_url
            )
        self.redis_ok = True

    async def start(self) -> Any:
        return
        yield  # requests come from the frontier

    # -- finishing a request -------------------------------------------------------------------

    async def _finish(
        self,
        request: scrapy.Request,
        record: Record | None,
        links: list[scrapy.Request] = (),  # type: ignore[assignment]
        forget: str | None = None,
    ) -> None:
        """The request's record and links onto Redis in one step; while Redis is away, tried again
        every second (the request stays in flight meanwhile)."""
        encoded = [
            (
                "" if link.dont_filter else self.frontier.df.request_fingerprint(link),
                -link.priority,
                self.frontier.queue._encode_request(link),
            )
            for link in links
        ]
        data = record.encode() if record is not None else None
        while True:
            try:
                frontier.finish(
                    self.frontier.server,
                    self.keys,
                    request.meta[JOB],
                    request.meta[SOURCE],
                    self.worker,
                    request.meta.get(FLIGHT),
                    data,
                    encoded,
                    forget,
                )
            except REDIS_ERRORS as exc:
                self.redis_down(exc)
                await asyncio.sleep(1.0)
                continue
            self.redis_up()
            return

    def _record(self, request: scrapy.Request, pages: int, rec: Recorder) -> Record:
        return Record(
            job=request.meta[JOB],
            source=request.meta[SOURCE],
            worker=self.worker,
            pages=pages,
            outcomes=rec.rows,
        )

    # -- seeds ---------------------------------------------------------------------------------

    def _seed(self, request: scrapy.Request, url: str, callback: str, depth: int) -> scrapy.Request:
        data = frontier.seed_request(
            url, request.meta[SOURCE], request.meta[JOB], (None, None), callback, depth
        )
        return request_from_dict(data, spider=self)

    async def parse_seed(self, response: Response) -> None:
        request, origin = response.request, response.meta[ORIGIN]
        source = self.sources[response.meta[SOURCE]]
        rec = Recorder(source.name)
        rec.expect(origin, "seed")
        links: list[scrapy.Request] = []
        leads: list[Lead] = []
        if response.status == 304:
            rec.resolve(origin, Outcome.NOT_MODIFIED, "304 Not Modified")
        else:
            self._keep_validators(response, origin)
            try:
                leads, more = self.parser(source.name).leads_from(response)
            except (FeedError, SitemapError, ValueError) as exc:
                kind = KIND_CLASSES[source.kind].kind
                rec.resolve(origin, Outcome.FAILED, f"unreadable {kind}: {exc}")
                leads, more = [], []
            else:
                rec.resolve(origin, Outcome.SEED_READ, f"{len(leads)} links")
            depth = response.meta.get(DEPTH, 0) + 1
            links += self._more_seeds(request, rec, source, more, depth)
        links += self._article_links(request, rec, source, leads + await self._retries(request))
        await self._finish(request, self._record(request, 1, rec), links)

    async def parse_robots(self, response: Response) -> None:
        request, origin = response.request, response.meta[ORIGIN]
        source = self.sources[response.meta[SOURCE]]
        rec = Recorder(source.name)
        rec.expect(origin, "seed")
        found = sitemaps_from_robots(response.body, response.url) if response.status == 200 else []
        links: list[scrapy.Request] = []
        if not found:
            rec.resolve(origin, Outcome.FAILED, "robots.txt lists no Sitemap")
        else:
            rec.resolve(origin, Outcome.SEED_READ, f"{len(found)} sitemaps")
            links = self._more_seeds(request, rec, source, found, 1)
        links += self._article_links(request, rec, source, await self._retries(request))
        await self._finish(request, self._record(request, 1, rec), links)

    async def _retries(self, request: scrapy.Request) -> list[Lead]:
        """The source's articles that failed for a passing reason in earlier jobs, when this seed
        is the one of its job that brings them (see frontier.seed_request). While Redis is away,
        asked again every second (the seed stays in flight meanwhile)."""
        if not request.meta.get(RETRIES):
            return []
        while True:
            try:
                kept = self.frontier.server.hvals(self.keys.retry(request.meta[SOURCE]))
            except REDIS_ERRORS as exc:
                self.redis_down(exc)
                await asyncio.sleep(1.0)
                continue
            self.redis_up()
            return [Lead(url=url, stamp=stamp) for url, stamp in map(json.loads, kept)]

    def _forget(self, request: scrapy.Request) -> str:
        """The fingerprints a passing failure forgets (space-separated): the request's, and after a
        redirect the one of the URL as its seed listed it, which the next job's retry asks for."""
        fingerprints = {self.frontier.df.request_fingerprint(request)}
        lead: Lead | None = request.meta.get("ww_lead")
        if lead is not None:
            listed = scrapy.Request(lead.url, meta={STAMP: lead.stamp})
            fingerprints.add(self.frontier.df.request_fingerprint(listed))
        return " ".join(sorted(fingerprints))

    def _more_seeds(
        self, request: scrapy.Request, rec: Recorder, source: Source, urls: list[str], depth: int
    ) -> list[scrapy.Request]:
        out = []
        for url in urls:
            origin = canonical_url(url)
            rec.expect(origin, "seed")
            if url_problem(url) or urlsplit(origin).scheme not in ("http", "https"):
                rec.resolve(origin, Outcome.BAD_URL, "not a valid http(s) URL", permanent=True)
            elif not same_site(origin, source.allowed_domains):
                rec.resolve(origin, Outcome.OFFSITE, "outside allowed_domains", permanent=True)
            elif depth > MAX_SEED_DEPTH:
                rec.resolve(
                    origin, Outcome.FAILED, f"nested deeper than {MAX_SEED_DEPTH} sitemap indexes"
                )
            else:
                out.append(self._seed(request, url, "parse_seed", depth))
        return out

    def _keep_validators(self, response: Response, origin: str) -> None:
        """The seed's validators, kept with its job: they become the seed's for the next crawl
        once every link of the job is done (see the writer)."""
        etag, modified = (
            (response.headers.get(h) or b"").decode("latin-1") or None
            for h in ("ETag", "Last-Modified")
        )
        if response.status == 200 and (etag or modified):
            self._redis(
                lambda s: s.hset(
                    self.keys.job_validators(response.meta[JOB]),
                    origin,
                    json.dumps([etag, modified, response.meta[SOURCE]]),
                )
            )

    def _redis(self, call: Callable[[Any], Any]) -> Any:
        try:
            return call(self.frontier.server)
        except REDIS_ERRORS as exc:
            self.redis_down(exc)
            return None

    def _retrying(self, source: Source, urls: set[str]) -> set[str]:
        """Which of these canonical URLs are the source's pages to try again, brought by another
        seed."""
        listed = list(urls)
        if not listed:
            return set()
        found = self._redis(lambda s: s.hmget(self.keys.retry(source.name), listed)) or []
        return {url for url, kept in zip(listed, found, strict=False) if kept is not None}

    def _article_links(
        self, request: scrapy.Request, rec: Recorder, source: Source, leads: list[Lead]
    ) -> list[scrapy.Request]:
        """Requests for the leads the store does not hold yet (or whose entry moved)."""
        candidates: dict[str, Lead] = {}
        problems = [url_problem(lead.url) for lead in leads]
        canons = [
            None if p else canonical_url(lead.url) for lead, p in zip(leads, problems, strict=True)
        ]
        retrying = (
            set()
            if request.meta.get(RETRIES)
            else self._retrying(source, {c for c in canons if c is not None})
        )
        for lead, problem, canon in zip(leads, problems, canons, strict=True):
            if canon is None:
                shown = lead.url.strip()[:2000]
                rec.expect(shown, "article")
                rec.resolve(shown, Outcome.BAD_URL, problem, permanent=True)
                continue
            if canon in candidates:
                continue  # listed twice by one seed
            if canon in retrying:
                continue  # the seed of this job that brings the retries queues it (as a local run)
            rec.expect(canon, "article")
            if urlsplit(canon).scheme not in ("http", "https"):
                rec.resolve(canon, Outcome.BAD_SCHEME, "not an http(s) link", permanent=True)
            elif not same_site(canon, source.allowed_domains):
                rec.resolve(canon, Outcome.OFFSITE, "outside allowed_domains", permanent=True)
            else:
                candidates[canon] = lead
        if not candidates:
            return []
        stamps = self._redis(lambda s: s.hmget(self.keys.known, list(candidates))) or [None] * len(
            candidates
        )
        out = []
        for (canon, lead), known in zip(candidates.items(), stamps, strict=True):
            if known is not None and (lead.stamp is None or lead.stamp == known.decode()):
                rec.resolve(canon, Outcome.UNCHANGED, "already stored")
                continue
            out.append(
                scrapy.Request(
                    lead.url,
                    callback=self.parse_article,
                    errback=self.on_error,
                    meta={
                        ORIGIN: canon,
                        STAMP: lead.stamp,
                        JOB: request.meta[JOB],
                        SOURCE: source.name,
                        "ww_lead": lead,
                        "ww_refetch": known is not None,
                    },
                )
            )
        return out

    # -- articles ------------------------------------------------------------------------------

    async def parse_article(self, response: Response) -> None:
        request, origin = response.request, response.meta[ORIGIN]
        lead: Lead = response.meta["ww_lead"]
        source = self.sources[response.meta[SOURCE]]
        rec = Recorder(source.name)
        record = self._record(request, 1, rec)
        forget = None
        if (
            not isinstance(response, TextResponse)
            or b"html" not in (response.headers.get("Content-Type") or b"text/html").lower()
        ):
            ctype = (response.headers.get("Content-Type") or b"?").decode("latin-1")
            rec.resolve(
                origin,
                Outcome.FAILED,
                f"not an HTML page ({ctype})",
                permanent=True,
                stamp=lead.stamp,
            )
        else:
            try:
                record.article = await self._article(response, source, lead)
            except ExtractionError as exc:
                rec.resolve(
                    origin, Outcome.EXTRACTION_FAILED, str(exc), permanent=True, stamp=lead.stamp
                )
            except (WorkerTimeoutError, WorkerLostError) as exc:
                outcome = (
                    Outcome.TOO_SLOW
                    if isinstance(exc, WorkerTimeoutError)
                    else (Outcome.EXTRACTION_FAILED)
                )
                rec.resolve(origin, outcome, f"extraction {exc}", stamp=lead.stamp)
                forget = self._forget(request)
        await self._finish(request, record, forget=forget)

    async def _article(self, response: TextResponse, source: Source, lead: Lead) -> dict[str, Any]:
        """Extraction, then signature and actors, in the worker pool."""
        article = await POOL.run(
            extract_article, page_text(response), response.url, hints_for(source, lead)
        )
        try:
            analysis = await POOL.run(
                analyze,
                article.title,
                article.body,
                article.published_at,
                self.gazetteer,
                article.dateline,
                article.agency,
            )
        except (WorkerLostError, WorkerTimeoutError):
            analysis = None  # the writer analyses it instead
        canon = canonical_url(response.url)
        if article.page_canonical:
            candidate = canonical_url(urljoin(response.url, article.page_canonical))
            if same_site(candidate, source.allowed_domains):
                canon = candidate
        page = _Fetched(
            response.meta[ORIGIN], response.url, list(response.meta.get("redirect_urls", []))
        )
        return {
            "fields": {**asdict(article), "url": response.url, "canonical_url": canon},
            "urls": StorePipeline._urls(page, canon),  # type: ignore[arg-type]
            "stamp": lead.stamp,
            "refetch": response.meta.get("ww_refetch", False),
            "analysis": analysis,
        }

    async def on_error(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        rec = Recorder(request.meta[SOURCE])
        origin = request.meta.get(ORIGIN) or request.url
        rec.expect(origin, "article" if "ww_lead" in request.meta else "seed")
        rec.failure(failure, request)
        answered = isinstance(failure.value, HttpError)
        transient = any(not row[4] for row in rec.rows) and "ww_lead" in request.meta
        forget = self._forget(request) if transient else None
        source = self.sources.get(request.meta[SOURCE])
        links = (
            self._article_links(request, rec, source, await self._retries(request))
            if source is not None
            else []
        )
        await self._finish(request, self._record(request, int(answered), rec), links, forget=forget)


class _Fetched:
    """What StorePipeline._urls reads of an item."""

    def __init__(self, origin: str, url: str, redirect_urls: list[str]):
        self.origin, self.url, self.redirect_urls = origin, url, redirect_urls
