"""Downloader middleware: retries that honour Retry-After (Scrapy's own ignores it,
scrapy issue #3849)."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.retry import RetryMiddleware

from crawler.retry_after import retry_after_seconds

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.http import Response

LOGGER = logging.getLogger(__name__)


class RetryAfterMiddleware(RetryMiddleware):
    """Waits what the server asks before retrying 429 and 5xx; a wait longer than the limit is left
    to the next crawl rather than holding this one."""

    retry_after_max: float

    @classmethod
    def from_crawler(cls, crawler):  # type: ignore[no-untyped-def]
        mw = super().from_crawler(crawler)
        mw.retry_after_max = crawler.settings.getfloat("WIREWATCH_RETRY_AFTER_MAX")
        return mw

    async def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        header = response.headers.get("Retry-After")
        delay = retry_after_seconds(header.decode("latin-1") if header else None)
        if delay is not None:
            if delay > self.retry_after_max:
                LOGGER.debug(
                    "not retrying %s now: Retry-After %.0fs exceeds %.0fs",
                    request.url,
                    delay,
                    self.retry_after_max,
                )
                return response
            await asyncio.sleep(delay)
        return self._retry(request, f"HTTP {response.status}") or response
