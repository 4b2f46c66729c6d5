"""`[cluster]`: where the shared Redis is, under which key prefix, and how the writer and workers
pace themselves. Absent, wirewatch crawls on one machine, as it always has."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from crawler.config.errors import EntryError
from crawler.config.values import duration, unknown_keys

REDIS_PASSWORD_ENV = "WIREWATCH_REDIS_PASSWORD"
CLUSTER_KEYS = {"redis_url", "key_prefix", "batch_size", "worker_timeout"}
_PREFIX = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


@dataclass(frozen=True)
class ClusterSettings:
    """One Redis shared by the workers, the writer and whoever enqueues crawls."""

    redis_url: str  # without the password, so it can be printed
    key_prefix: str = "wirewatch"
    batch_size: int = 200  # items the writer stores in one transaction
    worker_timeout: float = 15.0  # seconds without a heartbeat before a worker counts as lost
    password: str | None = None

    def connection_url(self) -> str:
        """The URL with the password, for the client only: never logged (see `secrets`)."""
        if not self.password:
            return self.redis_url
        parts = urlsplit(self.redis_url)
        netloc = f":{quote(self.password, safe='')}@{parts.netloc}"
        return urlunsplit(parts._replace(netloc=netloc))

    def secrets(self) -> list[str]:
        return [self.password, quote(self.password, safe="")] if self.password else []


def parse_cluster(table: dict[str, Any] | None) -> ClusterSettings | None:
    """The [cluster] table, or None when the file has none."""
    if table is None:
        return None
    unknown_keys(table, CLUSTER_KEYS, "[cluster]")
    url = table.get("redis_url")
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("redis", "rediss") or not parts.hostname:
        raise EntryError(
            "[cluster]",
            "redis_url",
            f"must be a redis:// or rediss:// URL, e.g. 'redis://10.0.0.5:6379/0', got {url!r}",
        )
    if parts.password:
        raise EntryError(
            "[cluster]",
            "redis_url",
            f"must not hold the password: set {REDIS_PASSWORD_ENV} instead",
        )
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise EntryError(
            "[cluster]", "redis_url", f"{url!r} has a port that is not a number"
        ) from None
    prefix = table.get("key_prefix", "wirewatch")
    if not isinstance(prefix, str) or not _PREFIX.match(prefix):
        raise EntryError(
            "[cluster]",
            "key_prefix",
            f"must be 1-64 letters, digits or _ . : -, got {prefix!r}",
        )
    batch = table.get("batch_size", 200)
    if isinstance(batch, bool) or not isinstance(batch, int) or not 1 <= batch <= 10000:
        raise EntryError(
            "[cluster]", "batch_size", f"must be a whole number 1-10000, got {batch!r}"
        )
    timeout = duration(table.get("worker_timeout", 15.0), "[cluster]", "worker_timeout")
    if timeout < 3:
        raise EntryError("[cluster]", "worker_timeout", "must be at least 3 seconds")
    return ClusterSettings(
        redis_url=url,
        key_prefix=prefix,
        batch_size=batch,
        worker_timeout=timeout,
        password=os.environ.get(REDIS_PASSWORD_ENV) or None,
    )
