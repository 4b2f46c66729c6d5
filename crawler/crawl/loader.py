"""Sources -> Scrapy spiders: configured sources are spiders without a file each.

The loader lists the hand-written spiders of SPIDER_MODULES and builds one spider class per
configured source, so `scrapy list` and `scrapy crawl <source>` resolve the config exactly as the
`wirewatch` CLI does.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from scrapy.spiderloader import SpiderLoader

from crawler.config import Config, ConfigError, Source, load_config, resolve_db_path
from crawler.crawl.spiders import KIND_CLASSES, SourceSpider

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.settings import BaseSettings

CONFIG_SETTING = "WIREWATCH_CONFIG"


def spider_class(source: Source, config: Config, db_path: str) -> type[SourceSpider]:
    """A spider class for one configured source; its settings carry the [crawl] table and the
    database."""
    base = KIND_CLASSES[source.kind]
    custom = {**config.scrapy_settings(), "WIREWATCH_DB": db_path}
    return type(
        f"{base.__name__}_{source.name}",
        (base,),
        {
            "name": source.name,
            "source": source,
            "custom_settings": custom,
            "__module__": __name__,
        },
    )


class SourceSpiderLoader(SpiderLoader):
    """Hand-written spiders from SPIDER_MODULES plus one spider per enabled configured source."""

    def __init__(self, settings: BaseSettings):
        super().__init__(settings)
        try:
            config = load_config(settings.get(CONFIG_SETTING) or None)
        except ConfigError as exc:
            print(f"wirewatch: config error: {exc}", file=sys.stderr)
            raise SystemExit(2) from None
        db = settings.get("WIREWATCH_DB") or str(resolve_db_path(None, config))
        self.config = config
        for source in config.sources:
            if not source.enabled:
                continue
            if source.name in self._spiders:
                # A hand-written spider of the same name wins: it is there because the source needs
                # code.
                self._spiders[source.name].source = source  # type: ignore[attr-defined]
                continue
            self._spiders[source.name] = spider_class(source, config, db)

    def find_by_request(self, request: Request) -> list[str]:
        return super().find_by_request(request)

    def load(self, spider_name: str) -> type[Spider]:
        return super().load(spider_name)
