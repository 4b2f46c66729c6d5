"""Rules, then deliveries: the one sequence that follows a crawl, a daemon's digest job and
`wirewatch digest`.

A crawl runs it through the `AlertsAfterCrawl` extension (see `EXTENSIONS` in `crawler.settings`)
when each spider closes, for the immediate-mode alerts; digests run it for every mode.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from scrapy import signals

from crawler.alerts.delivery import ChannelReport, deliver
from crawler.alerts.redaction import install_redaction
from crawler.alerts.rules import evaluate_pending
from crawler.config import Config, ConfigError, db_path_for_run, load_config
from crawler.store import Store

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

LOGGER = logging.getLogger(__name__)
IMMEDIATE = ("immediate",)


def actor_names(config: Config) -> dict[str, str]:
    """Display names of actors for digest badges."""
    from crawler.stories.grouping import matcher_for

    gaz = matcher_for(config.stories.gazetteer).gazetteer
    return {a.id: a.name for a in gaz.actors.values()}


def check_and_deliver(
    store: Store,
    config: Config,
    *,
    modes: tuple[str, ...] = ("immediate", "digest"),
    channels: list[str] | None = None,
    dry_run: bool = False,
    echo: Callable[[str], None] | None = None,
) -> list[ChannelReport]:
    """Check the queued stories against the rules (not on a dry run), then send what is due on the
    channels."""
    install_redaction(config.secrets())
    if not dry_run:
        evaluate_pending(store, config.rules)
    if modes == IMMEDIATE and not any(r.mode == "immediate" for r in config.rules):
        return []  # nothing immediate can be due: spare loading the gazetteer for names
    return deliver(
        store, config, actor_names(config), channels, modes=modes, dry_run=dry_run, echo=echo
    )


class AlertsAfterCrawl:
    """Scrapy extension: when a source's spider closes, its stories meet the rules and immediate
    alerts go out. A config that cannot be read leaves the queue for the next run."""

    def __init__(self, crawler: Crawler):
        self.settings = crawler.settings

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AlertsAfterCrawl:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider: Any, reason: str) -> None:
        try:
            config = load_config(self.settings.get("WIREWATCH_CONFIG") or None)
            db_path = db_path_for_run(self.settings.get)
        except ConfigError as exc:
            LOGGER.error("rules not checked: %s", exc)
            return
        if reason == "store_failed":
            LOGGER.warning("rules not checked: the database cannot be written")
            return
        store = Store(db_path)
        try:
            check_and_deliver(store, config, modes=IMMEDIATE)
        except sqlite3.OperationalError as exc:  # the queue stays for the next run
            LOGGER.error("rules not checked: database write failed: %s", exc)
        finally:
            store.close()
