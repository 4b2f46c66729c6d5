"""robots.txt kept in Redis for every worker, as a local crawl keeps it in the store: a host's
robots.txt is fetched by one worker and used by all until it is older than the maximum age, then
asked again with a conditional GET (see crawler/crawl/robots.py, whose middleware uses this cache
through the worker spider's `robots_cache`)."""

from __future__ import annotations

import base64
import json
import logging
from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Any

from crawler.cluster.keys import REDIS_ERRORS, Keys
from crawler.crawl.robots import kept_copy
from crawler.store.robots import StoredRobots
from crawler.store.schema import utc_now_iso

if TYPE_CHECKING:
    from scrapy.http import Response

LOGGER = logging.getLogger(__name__)


class SharedRobots:
    """The hash `{prefix}:robots`: robots.txt URL -> JSON of the kept copy (body in base64).
    While Redis is away robots.txt is fetched as if none were kept; the worker says once that
    Redis is away."""

    def __init__(self, client: Any, keys: Keys):
        self.client, self.keys = client, keys

    def get(self, url: str) -> StoredRobots | None:
        try:
            raw = self.client.hget(self.keys.robots, url)
        except REDIS_ERRORS:
            return None
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            return replace(
                StoredRobots(**{**data, "url": url}), body=base64.b64decode(data["body"])
            )
        except (ValueError, TypeError, KeyError):
            LOGGER.warning(
                "robots.txt copy of %s in %s unreadable; fetched again", url, self.keys.robots
            )
            return None

    def save(self, url: str, response: Response) -> None:
        self._put(kept_copy(url, response))

    def confirm(self, url: str) -> None:
        kept = self.get(url)
        if kept is not None:
            self._put(replace(kept, checked_at=utc_now_iso()))

    def _put(self, copy: StoredRobots) -> None:
        data = {**asdict(copy), "body": base64.b64encode(copy.body).decode("ascii")}
        del data["url"]
        try:
            self.client.hset(self.keys.robots, copy.url, json.dumps(data))
        except REDIS_ERRORS as exc:
            LOGGER.debug("robots.txt %s not kept in Redis: %s", copy.url, exc)
