"""Crawl jobs seen from whoever starts them (`wirewatch crawl`, the daemon): enqueue, then wait
until the workers finished the job's requests and the writer committed their records."""

from __future__ import annotations

import json
import logging
import threading
import time
from typing import Any

from crawler.cluster import frontier
from crawler.cluster.keys import REDIS_ERRORS, connect, keys_for, unreachable
from crawler.config import Config

LOGGER = logging.getLogger(__name__)
POLL_S = 0.5


class ClusterUnreachableError(Exception):
    """Redis did not answer: one line naming it and why."""


def enqueue(config: Config, names: list[str]) -> str:
    cluster = config.cluster
    assert cluster is not None
    try:
        return frontier.submit(connect(cluster), keys_for(cluster), config, names)
    except REDIS_ERRORS as exc:
        raise ClusterUnreachableError(unreachable(cluster, exc)) from None


def wait_for(
    config: Config, job: str, timeout: float, stopping: threading.Event | None = None
) -> list[dict[str, Any]]:
    """The job's per-source summaries once the writer finished it. Raises TimeoutError saying what
    is left, ClusterUnreachableError when Redis stays away past the timeout, InterruptedError when
    `stopping` is set first."""
    cluster = config.cluster
    assert cluster is not None
    client, keys = connect(cluster), keys_for(cluster)
    deadline = time.monotonic() + timeout
    state: dict[str, str] = {}
    error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            state = frontier.job_state(client, keys, job)
            error = None
        except REDIS_ERRORS as exc:
            error = exc
        if state.get("state") == "finished":
            return list(json.loads(state["summaries"]))
        if stopping is None:
            time.sleep(POLL_S)
        elif stopping.wait(POLL_S):
            raise InterruptedError("stopping")
    if error is not None:
        raise ClusterUnreachableError(unreachable(cluster, error))
    pending = state.get("pending", "?")
    waiting = int(state.get("produced", 0) or 0) - int(state.get("committed", 0) or 0)
    raise TimeoutError(
        f"not finished after {timeout:g}s: {pending} requests pending at the workers, "
        f"{waiting} records waiting for the writer (are `wirewatch worker` and `wirewatch ingest` "
        "running?)"
    )


def crawl_on_cluster(
    config: Config, label: str, names: list[str], timeout: float, stopping: threading.Event
) -> tuple[str, str | None]:
    """A due crawl of the daemon in cluster mode: the seeds onto the frontier, then the wait for the
    workers and the writer (so the sources are not queued again meanwhile); returns (job status,
    error) as a local crawl's child does, and logs one line per source."""
    try:
        job = enqueue(config, names)
        LOGGER.info("%s: seeds of %s queued on the cluster as job %s", label, ", ".join(names), job)
        rows = wait_for(config, job, timeout, stopping)
    except ClusterUnreachableError as exc:
        LOGGER.error("%s: %s", label, exc)
        return "failed", str(exc)
    except TimeoutError as exc:
        LOGGER.error("%s: cluster job %s %s", label, job, exc)
        return "timed out", f"cluster job not finished after {timeout:.0f}s"
    except InterruptedError:
        return "stopped", "daemon stopping (the cluster finishes the job)"
    for r in rows:
        LOGGER.info(
            "%s: %s: pages %d, new %d, updated %d, errors %d",
            label,
            r["source"],
            r.get("pages", 0),
            r.get("new_articles", 0),
            r.get("updated_articles", 0),
            r.get("errors", 0),
        )
    return "ok", None
