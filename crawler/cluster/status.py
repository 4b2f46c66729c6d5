"""What `wirewatch status` tells about the cluster: each worker and when it was last seen, the
requests queued, the records waiting for the writer, and when the writer was last seen."""

from __future__ import annotations

import time

from crawler.cluster import stream
from crawler.cluster.keys import REDIS_ERRORS, connect, keys_for, unreachable
from crawler.config.cluster import ClusterSettings


def _ago(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f}s ago"
    if seconds < 7200:
        return f"{seconds / 60:.0f}m ago"
    return f"{seconds / 3600:.0f}h ago"


def cluster_lines(cluster: ClusterSettings, now: float | None = None) -> list[str]:
    """A short block of lines; one line saying why when Redis cannot be reached."""
    client, keys = connect(cluster), keys_for(cluster)
    now = time.time() if now is None else now
    try:
        workers = {k.decode(): float(v) for k, v in client.hgetall(keys.workers).items()}
        alive = {name for name in workers if client.exists(keys.alive(name))}
        queued = int(client.zcard(keys.requests))
        waiting = stream.waiting(client, keys)
        dead = int(client.llen(keys.dead))
        writer = client.get(keys.writer_seen)
    except REDIS_ERRORS as exc:
        return [f"cluster: {unreachable(cluster, exc)}"]
    lines = [
        f"cluster ({cluster.redis_url}, prefix {cluster.key_prefix}): {queued} requests queued, "
        f"{waiting} records waiting for the writer"
        + (f", {dead} unreadable in {keys.dead}" if dead else "")
    ]
    seen = _ago(now - float(writer)) if writer else "never"
    lines.append(f"  writer    last seen {seen}")
    for name, at in sorted(workers.items()):
        state = "" if name in alive else " (not answering)"
        lines.append(f"  worker {name}  last seen {_ago(max(0.0, now - at))}{state}")
    if not workers:
        lines.append("  no worker seen")
    return lines
