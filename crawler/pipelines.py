"""The item pipeline, one class per stage, in the order `ITEM_PIPELINES` lists them:

    ExtractPipeline   FetchedPage -> ExtractedArticle   text and metadata, in worker processes
    StorePipeline     ExtractedArticle -> StoredArticle  one write per article; known text is
                                                         dropped here
    StoriesPipeline   StoredArticle -> GroupedArticle    signature and actors (workers), story,
                                                         relevance, rule queue

Each stage is a thin layer over its package (`crawler.extract`, `crawler.store`, `crawler.stories`);
each drop has its own reason class, so Scrapy's stats count drops per reason. What follows a crawl
(rules, immediate alerts) is the `crawler.alerts.followup.AlertsAfterCrawl` extension.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
from dataclasses import asdict
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from scrapy.exceptions import DropItem

from crawler.crawl.urls import canonical_url, same_site
from crawler.extract.article import ExtractionError, Hints, extract_article
from crawler.items import ExtractedArticle, FetchedPage, GroupedArticle, Lead, StoredArticle
from crawler.store import Outcome, Store
from crawler.stories.grouping import Assignment, Grouper, analyze
from crawler.workers import POOL, WorkerLostError, WorkerTimeoutError

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from crawler.config import Source
    from crawler.crawl.spiders import SourceSpider

LOGGER = logging.getLogger(__name__)


class ExtractionFailed(DropItem):
    """The page held no article text."""


class ExtractionTooSlow(DropItem):
    """Extraction ran past WIREWATCH_EXTRACT_TIMEOUT; the page is tried again on later crawls."""


class NotStored(DropItem):
    """A database write failed (disk full, read-only file); the run is being stopped."""


class AlreadyStored(DropItem):
    """The same text is stored under another URL of the same article."""


class _Stage:
    """What every stage needs: the crawler, and through it the running source spider."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.gazetteer = crawler.settings.get("WIREWATCH_GAZETTEER") or None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> _Stage:
        return cls(crawler)

    def _acquire_pool(self) -> None:
        """The shared worker pool, sized by WIREWATCH_EXTRACT_WORKERS (0: one worker per CPU), each
        task limited to WIREWATCH_EXTRACT_TIMEOUT seconds (0: no limit)."""
        settings = self.crawler.settings
        POOL.acquire(
            settings.getint("WIREWATCH_EXTRACT_WORKERS") or os.cpu_count() or 1,
            settings.getfloat("WIREWATCH_EXTRACT_TIMEOUT"),
        )

    @property
    def spider(self) -> SourceSpider:
        return self.crawler.spider  # type: ignore[return-value]


def hints_for(src: Source, lead: Lead) -> Hints:
    """What the source's config and the seed's entry tell extraction about a page."""
    return Hints(
        agency=src.agency,
        timezone=src.timezone,
        language=src.language or lead.language,
        dateline_pattern=src.dateline_pattern,
        credit_pattern=src.credit_pattern,
        seed_title=lead.title,
        seed_published=lead.published,
        seed_summary=lead.summary,
    )


class ExtractPipeline(_Stage):
    """Turns a fetched page into article fields, off the reactor thread so downloads keep
    flowing."""

    def open_spider(self) -> None:
        self._acquire_pool()

    def close_spider(self) -> None:
        POOL.release()

    async def process_item(self, item: FetchedPage) -> ExtractedArticle:
        lead = item.lead
        hints = hints_for(self.spider.source, lead)
        try:
            article = await POOL.run(extract_article, item.html, item.url, hints)
        except ExtractionError as exc:
            self.spider.account.resolve(
                item.origin, Outcome.EXTRACTION_FAILED, str(exc), permanent=True, stamp=lead.stamp
            )
            raise ExtractionFailed(str(exc)) from None
        except WorkerTimeoutError as exc:
            # Its worker was killed and replaced; later crawls try the page again, a few times.
            reason = f"extraction {exc}"
            self.spider.account.resolve(item.origin, Outcome.TOO_SLOW, reason, stamp=lead.stamp)
            raise ExtractionTooSlow(reason) from None
        except WorkerLostError as exc:
            # A worker died (out of memory on a hostile page, say): the page is skipped, the crawl
            # goes on; or the crawl is being stopped. Either way later crawls try it again.
            reason = (
                "crawl stopped during extraction" if exc.stopped else "extraction worker crashed"
            )
            self.spider.account.resolve(
                item.origin, Outcome.EXTRACTION_FAILED, reason, stamp=lead.stamp
            )
            raise ExtractionFailed(reason) from None
        return ExtractedArticle(
            origin=item.origin,
            url=item.url,
            redirect_urls=item.redirect_urls,
            lead=lead,
            refetch=item.refetch,
            article=article,
        )


class StorePipeline(_Stage):
    """Writes the article and every URL that led to it, and records the outcome of its origin."""

    def process_item(self, item: ExtractedArticle) -> StoredArticle:
        spider, article = self.spider, item.article
        canon = self._canonical(item, article.page_canonical)
        fields = {**asdict(article), "url": item.url, "canonical_url": canon}
        try:
            with spider.store.write():
                outcome, article_id = spider.store.articles.save(
                    fields, self._urls(item, canon), spider.name, item.lead.stamp
                )
        except sqlite3.OperationalError as exc:
            spider.account.write_failed(exc)
            raise NotStored(str(exc)) from None
        if outcome == Outcome.DUPLICATE and item.refetch:
            # fetched again because its entry moved, and the text had not changed
            outcome = Outcome.UNCHANGED
        spider.account.resolve(item.origin, outcome, f"article {article_id}")
        if outcome in (Outcome.DUPLICATE, Outcome.UNCHANGED):
            raise AlreadyStored(f"article {article_id} already holds this text")
        return StoredArticle(
            article_id=article_id,
            outcome=outcome,
            url=item.url,
            title=article.title,
            body=article.body,
            published_at=article.published_at,
            dateline=article.dateline,
            agency=article.agency,
        )

    def _canonical(self, item: ExtractedArticle, page_canonical: str | None) -> str:
        """The fetched URL's canonical form, or the page's own canonical link when it stays within
        the site."""
        fetched = canonical_url(item.url)
        if page_canonical:
            candidate = canonical_url(urljoin(item.url, page_canonical))
            if same_site(candidate, self.spider.source.allowed_domains):
                return candidate
        return fetched

    @staticmethod
    def _urls(item: ExtractedArticle, canon: str) -> list[tuple[str, str]]:
        """Every URL that led to the article, once each, with how it did."""
        urls = [(canon, "canonical"), (item.origin, "seed"), (canonical_url(item.url), "fetched")]
        urls += [(canonical_url(u), "redirect") for u in item.redirect_urls]
        kinds: dict[str, str] = {}
        for url, kind in urls:
            kinds.setdefault(url, kind)
        return list(kinds.items())


# Per database and process: the last article stored before the crawl began (articles a crash left
# without a story are grouped when the grouper is built; the crawl's own are grouped by their
# items), the grouper, and its queue.
_STORED_BEFORE: dict[str, int] = {}
_GROUPERS: dict[str, Grouper] = {}
_QUEUES: dict[str, GroupingQueue] = {}


def _key(store: Store) -> str:
    return str(store.path.resolve())


def grouper_for(store: Store, gazetteer: str | None, window_days: float) -> Grouper:
    """One grouper (and LSH index) per database and process, shared by the spiders of a crawl."""
    key = _key(store)
    if key not in _GROUPERS:
        grouper = Grouper(Store(store.path), gazetteer, window_days)
        grouper.assign_pending(_STORED_BEFORE.get(key))
        _GROUPERS[key] = grouper
    return _GROUPERS[key]


class GroupingQueue:
    """Stored articles waiting for their story, grouped several at a time in one write transaction
    (one commit a batch instead of one an article), in the order they came: the stories are those
    of grouping them one by one. A batch is written when BATCH_MAX articles wait, or BATCH_WAIT_S
    after the first of them came."""

    BATCH_MAX = 50
    BATCH_WAIT_S = 0.2

    def __init__(self, grouper: Grouper):
        self.grouper = grouper
        self.waiting: list[tuple[int, dict[str, Any] | None, asyncio.Future[Any]]] = []
        self.timer: asyncio.TimerHandle | None = None

    def assign(
        self, article_id: int, analysis: dict[str, Any] | None
    ) -> asyncio.Future[Assignment | None]:
        """The article's assignment, once its batch is written (or the write's exception)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Assignment | None] = loop.create_future()
        self.waiting.append((article_id, analysis, future))
        if len(self.waiting) >= self.BATCH_MAX:
            self.flush()
        elif self.timer is None:
            self.timer = loop.call_later(self.BATCH_WAIT_S, self.flush)
        return future

    def flush(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        batch, self.waiting = self.waiting, []
        if not batch:
            return
        try:
            results = self.grouper.assign_many([(a, analysis) for a, analysis, _ in batch])
        except Exception:
            # Rolled back: one by one, so that only the article that fails says so.
            self._one_by_one(batch)
            return
        for (_, _, future), result in zip(batch, results, strict=True):
            if not future.done():
                future.set_result(result)

    def _one_by_one(
        self, batch: list[tuple[int, dict[str, Any] | None, asyncio.Future[Any]]]
    ) -> None:
        for article_id, analysis, future in batch:
            try:
                result = self.grouper.assign(article_id, analysis)
            except Exception as exc:
                if not future.done():
                    future.set_exception(exc)
            else:
                if not future.done():
                    future.set_result(result)


class StoriesPipeline(_Stage):
    """Signature and actor mentions (in the worker pool), then the article's story, its roll-up and
    relevance, and the story queued for the rules, written a batch of articles at a time."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.window_days = crawler.settings.getfloat("WIREWATCH_STORY_WINDOW_DAYS")

    def _queue(self) -> GroupingQueue:
        """Built on first use: a crawl that stores nothing (all 304) does not load the index."""
        key = _key(self.spider.store)
        if key not in _QUEUES:
            _QUEUES[key] = GroupingQueue(
                grouper_for(self.spider.store, self.gazetteer, self.window_days)
            )
        return _QUEUES[key]

    def open_spider(self) -> None:
        self._acquire_pool()
        _STORED_BEFORE.setdefault(
            _key(self.spider.store), self.spider.store.stories.last_article_id()
        )

    def close_spider(self) -> None:
        """Articles left without a story by an earlier crawl (a crash between storing and
        grouping) are grouped now."""
        POOL.release()
        store = self.spider.store
        if self.spider.account.write_error is None and (
            store.stories.articles_without_story(limit=1, up_to=_STORED_BEFORE.get(_key(store)))
        ):
            try:
                self._queue()
            except sqlite3.OperationalError as exc:
                self.spider.account.write_failed(exc)

    async def process_item(self, item: StoredArticle) -> GroupedArticle:
        try:
            analysis = await POOL.run(
                analyze,
                item.title,
                item.body,
                item.published_at,
                self.gazetteer,
                item.dateline,
                item.agency,
            )
        except (WorkerLostError, WorkerTimeoutError):
            analysis = None  # the grouper analyses it here instead
        try:
            assignment = await self._queue().assign(item.article_id, analysis)
        except sqlite3.OperationalError as exc:
            # stored, not yet grouped: the next crawl groups it (`articles_without_story`)
            self.spider.account.write_failed(exc)
            raise NotStored(str(exc)) from None
        return GroupedArticle(
            article_id=item.article_id,
            outcome=item.outcome,
            url=item.url,
            title=item.title,
            story_id=assignment.story_id if assignment else None,
        )
