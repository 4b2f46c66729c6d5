"""Records on the item stream: what a worker learned from one response (outcomes, and the article
with its analysis), written by the worker, read in batches by the writer's consumer group and
acknowledged only after the writer committed them.

Records are pickled: workers and the writer run the same wirewatch release, and the analysis holds
bytes and tuples. Whoever can write to the Redis can therefore run code in the writer: keep Redis
on a private network with a password (README "Cluster")."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from typing import Any

import redis

from crawler.cluster.keys import WRITER_GROUP, Keys

# (origin, kind, outcome, reason, permanent, seed stamp), as RunAccount.resolve records them
OutcomeRow = tuple[str, str, str, str | None, bool, str | None]


@dataclass
class Record:
    job: str
    source: str
    worker: str
    pages: int = 0  # responses this record accounts for (0 or 1)
    outcomes: list[OutcomeRow] = field(default_factory=list)
    article: dict[str, Any] | None = None  # fields, urls, stamp, refetch, analysis

    def encode(self) -> bytes:
        return pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL)


def decode(data: bytes) -> Record:
    return pickle.loads(data)  # our own workers wrote it (see the module docstring)


def ensure_group(client: redis.Redis, keys: Keys) -> None:
    """The writer's consumer group, created with the stream if need be (a fresh or emptied
    Redis)."""
    try:
        client.xgroup_create(keys.items, WRITER_GROUP, id="0", mkstream=True)
    except redis.ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise


def read_batch(
    client: redis.Redis, keys: Keys, consumer: str, count: int, block_ms: int, backlog: bool
) -> list[tuple[str, Record]]:
    """Up to count records: with backlog, those delivered before and never acknowledged (a writer
    that crashed), else new ones, waiting up to block_ms for the first."""
    if backlog:
        # Entries pending at another consumer name (the writer ran on another host) become ours.
        client.xautoclaim(keys.items, WRITER_GROUP, consumer, min_idle_time=0, count=count)
    reply = client.xreadgroup(
        WRITER_GROUP,
        consumer,
        {keys.items: "0" if backlog else ">"},
        count=count,
        block=None if backlog else block_ms,
    )
    out = []
    for _, entries in reply or []:
        for entry_id, fields in entries:
            if fields:  # an entry trimmed meanwhile comes back without fields
                out.append((entry_id.decode(), decode(fields[b"r"])))
    return out


def waiting(client: redis.Redis, keys: Keys) -> int:
    """Records on the stream the writer has not committed yet (read or not)."""
    try:
        groups = client.xinfo_groups(keys.items)
    except redis.ResponseError:
        return 0
    for g in groups:
        if g["name"] in (WRITER_GROUP, WRITER_GROUP.encode()):
            lag = g.get("lag")
            return int(g.get("pending", 0)) + int(lag or 0)
    return int(client.xlen(keys.items))
