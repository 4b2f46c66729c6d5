"""The ASEAN Secretariat's WordPress news feed, with backfill: a source that needs a few lines of
code.

WordPress feeds list only the latest entries; when every entry of a page is new to us, older ones
may have been missed, so the next page (`?paged=N`) is read too, up to `max_pages`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scrapy.http import Response

from crawler.config import Source
from crawler.crawl.spiders import FeedSourceSpider
from crawler.crawl.urls import canonical_url
from crawler.items import Lead


class AseanSecretariatSpider(FeedSourceSpider):
    name = "asean-secretariat"
    # Used when the config has no source of this name; a configured one replaces it.
    source = Source(
        name="asean-secretariat",
        kind="feed",
        urls=("https://asean.org/category/news/feed/",),
        allowed_domains=("asean.org",),
        agency="ASEAN Secretariat",
        timezone="Asia/Jakarta",
        language="en",
    )
    max_pages = 3

    def parse_seed(self, response: Response) -> Iterable[Any]:
        requests = list(super().parse_seed(response))
        yield from requests
        articles = [r for r in requests if r.callback == self.parse_article]
        leads_found = response.meta.get("ww_leads", 0)
        page = int(dict(parse_qsl(urlsplit(response.url).query)).get("paged", "1"))
        if (
            response.status == 200
            and articles
            and len(articles) == leads_found
            and page < self.max_pages
        ):
            request = self.seed_request(_with_page(response.url, page + 1), self.parse_seed)
            if request is not None:
                yield request

    def leads_from(self, response: Response) -> tuple[list[Lead], list[str]]:
        leads, more = super().leads_from(response)
        response.meta["ww_leads"] = len({canonical_url(lead.url) for lead in leads})
        return leads, more


def _with_page(url: str, page: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "paged"] + [("paged", str(page))]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
