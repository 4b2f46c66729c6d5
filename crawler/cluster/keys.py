"""Every Redis key the cluster uses, under one prefix, and the connection to it: the only module
that knows key names."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import redis

from crawler.config.cluster import ClusterSettings

LOGGER = logging.getLogger(__name__)
WRITER_GROUP = "writer"  # the stream's consumer group: the one ingest
REDIS_ERRORS = (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError)


@dataclass(frozen=True)
class Keys:
    prefix: str

    def _k(self, *parts: str) -> str:
        return ":".join((self.prefix, *parts))

    @property
    def requests(self) -> str:
        """scrapy-redis's scheduler queue (a sorted set of requests as JSON): the frontier."""
        return self._k("requests")

    @property
    def dupefilter(self) -> str:
        """scrapy-redis's duplicate filter: fingerprints of every article request ever queued."""
        return self._k("dupefilter")

    @property
    def items(self) -> str:
        """The stream of extracted articles and outcomes, read by the writer's group."""
        return self._k("items")

    @property
    def dead(self) -> str:
        """List: stream entries the writer could not read (JSON: stream id, why, data base64)."""
        return self._k("dead")

    @property
    def known(self) -> str:
        """Hash: canonical URL of every stored article -> its seed stamp ('' when none)."""
        return self._k("known")

    @property
    def validators(self) -> str:
        """Hash: seed URL -> JSON [ETag, Last-Modified] for the next conditional GET."""
        return self._k("validators")

    def retry(self, source: str) -> str:
        """Hash: canonical URL -> JSON [URL, seed stamp] of the source's articles that failed for a
        passing reason and are still to be tried again (kept by the writer from `url_outcomes`)."""
        return self._k("retry", source)

    @property
    def robots(self) -> str:
        """Hash: robots.txt URL -> JSON of the copy kept for every worker (status, body base64,
        validators, when fetched and last confirmed)."""
        return self._k("robots")

    @property
    def workers(self) -> str:
        """Hash: worker name -> when it was last seen (Unix time)."""
        return self._k("workers")

    def alive(self, worker: str) -> str:
        """Expires worker_timeout after the worker's last heartbeat."""
        return self._k("worker", worker, "alive")

    def inflight(self, worker: str) -> str:
        """Hash: flight id -> request (JSON) the worker took from the frontier and has not
        finished; put back on the frontier when the worker is lost."""
        return self._k("worker", worker, "inflight")

    @property
    def open_jobs(self) -> str:
        """Set of crawl jobs not yet finished by the writer."""
        return self._k("jobs", "open")

    def job(self, job: str) -> str:
        """Hash: the job's sources, its pending requests, its items produced and committed, its
        counts, its state and, once finished, its summaries."""
        return self._k("job", job)

    def job_validators(self, job: str) -> str:
        """Seed validators of one job, kept apart until every link of the job is done."""
        return self._k("job", job, "validators")

    @property
    def writer_lock(self) -> str:
        return self._k("writer", "lock")

    @property
    def writer_seen(self) -> str:
        return self._k("writer", "seen")


def keys_for(cluster: ClusterSettings) -> Keys:
    return Keys(cluster.key_prefix)


def connect(cluster: ClusterSettings) -> redis.Redis:
    """A client that fails fast (a few seconds) when Redis is away, so callers can say so and
    retry."""
    return redis.Redis.from_url(
        cluster.connection_url(),
        socket_connect_timeout=3,
        socket_timeout=10,
        health_check_interval=15,
    )


def unreachable(cluster: ClusterSettings, exc: Exception) -> str:
    """One line naming the Redis and why it could not be used."""
    why = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return f"cannot reach Redis at {cluster.redis_url}: {why}"


def wait_until_reachable(
    cluster: ClusterSettings,
    client: redis.Redis,
    say: Callable[[str], None],
    every: float = 5.0,
    give_up_after: float | None = None,
) -> bool:
    """Ping until Redis answers: one line when it does not, one when it does again. False when
    `give_up_after` seconds passed without an answer."""
    started, told = time.monotonic(), False
    while True:
        try:
            client.ping()
        except (redis.AuthenticationError, redis.exceptions.AuthorizationError) as exc:
            raise RedisRefusedError(
                f"Redis at {cluster.redis_url} refused the password: {exc}"
            ) from None
        except (*REDIS_ERRORS, OSError) as exc:
            if not told:
                say(f"{unreachable(cluster, exc)}; retrying every {every:g}s")
                told = True
            if give_up_after is not None and time.monotonic() - started >= give_up_after:
                return False
            time.sleep(every)
            continue
        if told:
            say(f"Redis at {cluster.redis_url} is reachable again")
        return True


class RedisRefusedError(Exception):
    """Redis answered but will not serve us (a wrong password): retrying does not help."""
