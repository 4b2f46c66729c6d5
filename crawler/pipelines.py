"""Item pipeline stages: extract (in worker processes), then store. Each drop has its own reason class."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from scrapy.exceptions import DropItem

from crawler.store import database as st
from crawler.extract.article import ExtractionError, Hints, extract_article
from crawler.stories.grouping import Grouper, analyze
from crawler.crawl.urls import canonical_url, same_site

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from crawler.crawl.spiders import SourceSpider

LOGGER = logging.getLogger(__name__)


class ExtractionFailed(DropItem):
    """The page held no article text."""


class AlreadyStored(DropItem):
    """The same text is stored under another URL of the same article."""


class _SharedPool:
    """One process pool for all spiders of a process, so running eight sources does not start 16 workers."""

    def __init__(self) -> None:
        self.pool: Executor | None = None
        self.users = 0

    def acquire(self, workers: int) -> Executor:
        if self.pool is None:
            # forkserver: never fork the reactor's threads into a worker.
            ctx = multiprocessing.get_context("forkserver")
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
        self.users += 1
        return self.pool

    def release(self) -> None:
        self.users -= 1
        if self.users <= 0 and self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


_POOL = _SharedPool()
_GROUPERS: dict[str, Grouper] = {}


def extract_and_analyze(page: str, url: str, hints: Hints, gazetteer: str | None) -> dict[str, Any]:
    """The CPU work for one page, done in a worker: extraction, then signature and actor mentions."""
    fields = extract_article(page, url, hints)
    fields["analysis"] = analyze(fields["title"], fields["body"], fields["published_at"], gazetteer)
    return fields


def grouper_for(store: st.Store, gazetteer: str | None, window_days: float) -> Grouper:
    """One grouper (and LSH index) per database and process, shared by the spiders of a crawl."""
    key = str(store.path.resolve())
    if key not in _GROUPERS:
        grouper = Grouper(st.Store(store.path), gazetteer, window_days)
        grouper.assign_pending()
        _GROUPERS[key] = grouper
    return _GROUPERS[key]


class ExtractPipeline:
    """Turns a fetched page into article fields, off the reactor thread so downloads keep flowing."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.workers = crawler.settings.getint("WIREWATCH_EXTRACT_WORKERS") or os.cpu_count() or 1
        self.gazetteer = crawler.settings.get("WIREWATCH_GAZETTEER") or None
        self.pool: Executor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        self.pool = _POOL.acquire(self.workers)

    def close_spider(self) -> None:
        _POOL.release()

    async def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        spider: SourceSpider = self.crawler.spider  # type: ignore[assignment]
        lead = item["lead"]
        src = spider.source
        hints = Hints(agency=src.agency, timezone=src.timezone, language=src.language or lead.language,
                      dateline_pattern=src.dateline_pattern, credit_pattern=src.credit_pattern,
                      seed_title=lead.title, seed_published=lead.published, seed_summary=lead.summary)
        loop = asyncio.get_running_loop()
        try:
            fields = await loop.run_in_executor(self.pool, extract_and_analyze, item.pop("html"), item["url"],
                                                hints, self.gazetteer)
        except ExtractionError as exc:
            spider.account.resolve(item["origin"], st.EXTRACTION_FAILED, str(exc), permanent=True,
                                   stamp=lead.stamp)
            raise ExtractionFailed(str(exc)) from None
        except BrokenProcessPool:
            # A worker died (out of memory on a hostile page, say): the page is skipped, the crawl goes on.
            spider.account.resolve(item["origin"], st.EXTRACTION_FAILED, "extraction worker crashed",
                                   stamp=lead.stamp)
            raise ExtractionFailed("extraction worker crashed") from None
        item["fields"] = fields
        return item


class StorePipeline:
    """Writes the article and every URL that led to it, records the outcome of its origin, then puts the
    article in its story."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.gazetteer = crawler.settings.get("WIREWATCH_GAZETTEER") or None
        self.window_days = crawler.settings.getfloat("WIREWATCH_STORY_WINDOW_DAYS")
        self.grouper: Grouper | None = None

    def _grouper(self) -> Grouper:
        """Built on first use: a crawl that stores nothing (all 304) does not load the index."""
        if self.grouper is None:
            spider: SourceSpider = self.crawler.spider  # type: ignore[assignment]
            self.grouper = grouper_for(spider.store, self.gazetteer, self.window_days)
        return self.grouper

    def close_spider(self) -> None:
        """Articles left without a story are grouped; rules check the stories this run touched; immediate
        alerts go out now."""
        from crawler.alerts.followup import after_crawl

        spider: SourceSpider = self.crawler.spider  # type: ignore[assignment]
        if spider.store.articles_without_story(limit=1):
            self._grouper()
        after_crawl(spider.store, self.crawler.settings.get("WIREWATCH_CONFIG") or None)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        spider: SourceSpider = self.crawler.spider  # type: ignore[assignment]
        fields = item["fields"]
        lead = item["lead"]
        fetched = canonical_url(item["url"])
        page_canonical = fields.pop("page_canonical", None)
        canon = fetched
        if page_canonical:
            candidate = canonical_url(urljoin(item["url"], page_canonical))
            # Trust the page's own canonical link only within the source's site.
            if same_site(candidate, spider.source.allowed_domains):
                canon = candidate
        urls = [(canon, "canonical"), (item["origin"], "seed"), (fetched, "fetched")]
        urls += [(canonical_url(u), "redirect") for u in item["redirect_urls"]]
        seen: set[str] = set()
        urls = [(u, k) for u, k in urls if not (u in seen or seen.add(u))]  # type: ignore[func-returns-value]
        fields.update(url=item["url"], canonical_url=canon)
        fields.pop("dateline_fields", None)
        analysis = fields.pop("analysis")
        outcome, article_id = spider.store.save_article(fields, urls, spider.name, lead.stamp)
        if outcome == st.DUPLICATE and item.get("refetch"):
            outcome = st.UNCHANGED  # fetched again because its entry moved, and the text had not changed
        spider.account.resolve(item["origin"], outcome, f"article {article_id}")
        if outcome in (st.DUPLICATE, st.UNCHANGED):
            raise AlreadyStored(f"article {article_id} already holds this text")
        assignment = self._grouper().assign(article_id, analysis)
        return {"article_id": article_id, "outcome": outcome, "url": item["url"], "title": fields["title"],
                "story_id": assignment.story_id if assignment else None}

