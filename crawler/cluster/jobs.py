"""Crawl jobs seen from whoever starts them (`wirewatch crawl`, the daemon): enqueue, then wait
until the workers finished the job's requests and the writer committed their records."""

from __future__ import annotations

import json
import time
from typing import Any

from crawler.cluster import frontier
from crawler.cluster.keys import REDIS_ERRORS, connect, keys_for, unreachable
from crawler.config import Config

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


def wait_for(config: Config, job: str, timeout: float) -> list[dict[str, Any]]:
    """The job's per-source summaries once the writer finished it. Raises TimeoutError saying what
    is left, ClusterUnreachableError when Redis stays away past the timeout."""
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
        time.sleep(POLL_S)
    if error is not None:
        raise ClusterUnreachableError(unreachable(cluster, error))
    pending = state.get("pending", "?")
    waiting = int(state.get("produced", 0) or 0) - int(state.get("committed", 0) or 0)
    raise TimeoutError(
        f"not finished after {timeout:g}s: {pending} requests pending at the workers, "
        f"{waiting} records waiting for the writer (are `wirewatch worker` and `wirewatch ingest` "
        "running?)"
    )
