"""Records on the item stream: what a worker learned from one response (outcomes, and the article
with its analysis), written by the worker, read in batches by the writer's consumer group and
acknowledged only after the writer committed them.

Records are JSON with a version number, never pickles: whoever can write to the Redis can at most
put a record the writer refuses, not run code in it. Bytes (the MinHash signature) travel as
base64. A record that cannot be read goes to the dead-letter list and the writer carries on."""

from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass, field
from typing import Any

import redis

from crawler.cluster.codec import bytes_out, restored
from crawler.cluster.keys import WRITER_GROUP, Keys

VERSION = 1

# (origin, kind, outcome, reason, permanent, seed stamp), as RunAccount.resolve records them
OutcomeRow = tuple[str, str, str, str | None, bool, str | None]


class BadRecordError(ValueError):
    """A stream entry the writer cannot read: why, in one line."""


@dataclass
class Record:
    job: str
    source: str
    worker: str
    pages: int = 0  # responses this record accounts for (0 or 1)
    outcomes: list[OutcomeRow] = field(default_factory=list)
    article: dict[str, Any] | None = None  # fields, urls, stamp, refetch, analysis

    def encode(self) -> bytes:
        return json.dumps(
            {"v": VERSION, **asdict(self)}, default=bytes_out, ensure_ascii=False
        ).encode()


def decode(data: bytes) -> Record:
    """The record, or BadRecordError saying why not (not JSON, another version, a field missing
    or of the wrong type)."""
    try:
        raw = json.loads(data.decode("utf-8"), object_hook=restored)
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
        raise BadRecordError(f"not a JSON record ({type(exc).__name__})") from None
    if not isinstance(raw, dict):
        raise BadRecordError("not a JSON object")
    if raw.get("v") != VERSION:
        raise BadRecordError(f"record version {raw.get('v')!r}, this writer reads {VERSION}")
    try:
        rec = Record(
            job=_typed(raw, "job", str),
            source=_typed(raw, "source", str),
            worker=_typed(raw, "worker", str),
            pages=_typed(raw, "pages", int),
            outcomes=[tuple(row) for row in _typed(raw, "outcomes", list)],  # type: ignore[misc]
            article=raw.get("article"),
        )
    except TypeError as exc:
        raise BadRecordError(str(exc)) from None
    if any(len(row) != 6 for row in rec.outcomes):
        raise BadRecordError("an outcome row without its six fields")
    if rec.article is not None and not (
        isinstance(rec.article, dict) and {"fields", "urls", "stamp"} <= rec.article.keys()
    ):
        raise BadRecordError("an article without fields, urls and stamp")
    return rec


def _typed(raw: dict[str, Any], name: str, kind: type) -> Any:
    value = raw.get(name)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise TypeError(f"field {name!r} missing or not {kind.__name__}")
    return value


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
) -> tuple[list[tuple[str, Record]], list[tuple[str, bytes, str]]]:
    """Up to count entries: with backlog, those delivered before and never acknowledged (a writer
    that crashed), else new ones, waiting up to block_ms for the first. Returns the records, and
    the entries that could not be read as (stream id, data, why)."""
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
    good, bad = [], []
    for _, entries in reply or []:
        for entry_id, fields in entries:
            if not fields:  # an entry trimmed meanwhile comes back without fields
                continue
            data = fields.get(b"r", b"")
            try:
                good.append((entry_id.decode(), decode(data)))
            except BadRecordError as exc:
                bad.append((entry_id.decode(), data, str(exc) if data else "no record field"))
    return good, bad


def owner(data: bytes) -> tuple[str, str] | None:
    """(job, source) named by a record this writer cannot read (another version, a field of the
    wrong type), so that its job still finishes, counting the record as an error; None when it
    names neither."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if isinstance(raw, dict):
        job, source = raw.get("job"), raw.get("source")
        if isinstance(job, str) and isinstance(source, str):
            return job, source
    return None


def bury(
    client: redis.Redis, keys: Keys, bad: list[tuple[str, bytes, str]]
) -> list[tuple[str, str]]:
    """Unreadable entries onto the dead-letter list (id, why, the data in base64), acknowledged
    and off the stream in one step. An entry naming an open job counts as committed for it and as
    an error of its source (`count:SOURCE:unreadable` too), so the job is not left waiting for it.
    Returns the (job, source) pairs so counted."""
    owners = [owner(data) for _, data, _ in bad]
    jobs = {o[0] for o in owners if o}
    open_jobs = {j for j in jobs if client.exists(keys.job(j))}
    counted = []
    pipe = client.pipeline(transaction=True)
    for (entry_id, data, why), named in zip(bad, owners, strict=True):
        letter = {"id": entry_id, "error": why, "data": base64.b64encode(data).decode("ascii")}
        pipe.rpush(keys.dead, json.dumps(letter))
        if named and named[0] in open_jobs:
            job, source = named
            pipe.hincrby(keys.job(job), "committed", 1)
            pipe.hincrby(keys.job(job), f"count:{source}:errors", 1)
            pipe.hincrby(keys.job(job), f"count:{source}:unreadable", 1)
            counted.append(named)
    ids = [entry_id for entry_id, _, _ in bad]
    pipe.xack(keys.items, WRITER_GROUP, *ids)
    pipe.xdel(keys.items, *ids)
    pipe.execute()
    return counted


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
