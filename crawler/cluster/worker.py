"""`wirewatch worker`: one Scrapy process serving the shared frontier until stopped."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crawler.cluster.keys import connect, keys_for, wait_until_reachable
from crawler.config import Config
from crawler.config.cluster import ClusterSettings

LOGGER = logging.getLogger(__name__)


def worker_settings(
    config: Config,
    cluster: ClusterSettings,
    db_path: Path,
    concurrency: int | None,
    overrides: dict[str, Any] | None,
    log_level: str,
) -> Any:
    """The project's settings with scrapy-redis's scheduler and duplicate filter on the cluster's
    keys, no item pipeline (records go to the stream) and no store (robots.txt kept in Redis)."""
    from crawler.crawl.runner import build_settings

    keys = keys_for(cluster)
    settings = build_settings(config, db_path, overrides, log_level)
    # [crawl] (delay, concurrency, robots...) as a local crawl's spider applies it; -s still wins.
    settings.setdict(dict(config.scrapy_settings()), priority="spider")
    cluster_settings: dict[str, Any] = {
        "SCHEDULER": "crawler.cluster.spider.FrontierScheduler",
        "DUPEFILTER_CLASS": "crawler.cluster.spider.StampedDupeFilter",
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_SERIALIZER": "crawler.cluster.codec",
        "SCHEDULER_QUEUE_KEY": keys.requests,
        "SCHEDULER_DUPEFILTER_KEY": keys.dupefilter,
        "REDIS_URL": cluster.connection_url(),
        "REDIS_PARAMS": {"socket_connect_timeout": 3, "socket_timeout": 10},
        "ITEM_PIPELINES": {},
        "EXTENSIONS": {"crawler.alerts.followup.AlertsAfterCrawl": None},
        "DOWNLOADER_MIDDLEWARES": {
            **settings.getdict("DOWNLOADER_MIDDLEWARES"),
            "crawler.crawl.addresses.PrivateAddressGuard": None,
            "crawler.cluster.spider.SourceAddressGuard": 75,
        },
    }
    if concurrency:
        cluster_settings["CONCURRENT_REQUESTS"] = concurrency
    for name, value in cluster_settings.items():
        settings.set(name, value, priority="cmdline")
    return settings


def worker_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


def run_worker(
    config: Config,
    cluster: ClusterSettings,
    db_path: Path,
    concurrency: int | None,
    overrides: dict[str, Any] | None,
    log_level: str,
    say: Callable[[str], None],
) -> None:
    """Serve until SIGTERM or SIGINT (what is in hand then goes back on the frontier)."""
    from scrapy.crawler import CrawlerProcess

    from crawler.cluster.spider import ClusterSpider

    client = connect(cluster)
    wait_until_reachable(cluster, client, say)
    name = worker_name()
    settings = worker_settings(config, cluster, db_path, concurrency, overrides, log_level)
    process = CrawlerProcess(settings)
    process.crawl(ClusterSpider, config=config, cluster=cluster, worker=name)
    say(f"worker {name} serving {cluster.redis_url} (prefix {cluster.key_prefix})")
    process.start()
