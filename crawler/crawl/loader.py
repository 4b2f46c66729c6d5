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


def _code_loader() -> SpiderLoader:
    """The spiders of SPIDER_MODULES alone, without the configured sources."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    return SpiderLoader(settings)


def hand_written_names() -> frozenset[str]:
    """Names of the hand-written spiders (SPIDER_MODULES), configured or not: their code runs only
    where the project is installed, so in cluster mode the daemon crawls them on its own host
    rather than queuing them for the workers."""
    return frozenset(_code_loader().list())


def hand_written_sources(config: Config) -> list[Source]:
    """The sources of hand-written spiders (SPIDER_MODULES) that the config does not name: they can
    be crawled by name like configured ones (`wirewatch crawl asean-secretariat`, `scrapy crawl
    asean-secretariat`), but only configured sources are crawled by default."""
    loader = _code_loader()
    configured = {s.name for s in config.sources}
    found = []
    for name in loader.list():
        source = getattr(loader.load(name), "source", None)
        if name not in configured and isinstance(source, Source):
            found.append(source)
    return found


class SourceSpiderLoader(SpiderLoader):
    """Hand-written spiders from SPIDER_MODULES plus one spider per configured source (a disabled
    one is not crawled by default, but can be by name)."""

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
            if source.name in self._spiders:
                # A hand-written spider of the same name wins: it is there because the source needs
                # code.
                self._spiders[source.name].source = source  # type: ignore[attr-defined]
                continue
            self._spiders[source.name] = spider_class(source, config, db)

    def find_by_request(self, request: Request) -> list[str]:
        return super().find_by_request(request)

    def load(self, spider_name: str) -> type[Spider]:
        """The spider; an unknown name is one line and exit status 2 (`scrapy crawl nosuch`),
        like `wirewatch crawl nosuch`."""
        try:
            return super().load(spider_name)
        except KeyError:
            known = ", ".join(sorted(self._spiders)) or "none"
            print(f"wirewatch: unknown source {spider_name!r} (known: {known})", file=sys.stderr)
            raise SystemExit(2) from None
