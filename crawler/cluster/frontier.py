"""The shared frontier: crawl jobs enter it as seed requests, workers take requests from it through
scrapy-redis's scheduler, and a worker's finished request leaves its links and its record in one
atomic step. Also: a lost worker's requests in flight go back on it.

A job counts its pending requests: a seed or link queued adds one, a request finished (answered,
failed, or refused by the duplicate filter) removes one. With the items it produced all committed by
the writer, a job with no pending request is done."""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import scrapy

from crawler.cluster import codec
from crawler.cluster.keys import Keys
from crawler.config import Config, Source
from crawler.crawl.outcomes import ORIGIN
from crawler.crawl.urls import canonical_url, url_problem

JOB = "ww_job"  # meta: the crawl job a request belongs to
SOURCE = "ww_source"  # meta: the source whose seed led to it
FLIGHT = "ww_flight"  # meta: the request's entry in its worker's in-flight hash
DEPTH = "ww_depth"  # meta: how many sitemap indexes led to this seed (as in local crawls)
RETRIES = "ww_retries"  # meta: the seed that also brings its source's articles to try again

# A finished request, atomically: its new links past the duplicate filter onto the queue, the
# job's pending count moved by (links queued - 1), its record on the stream, the job's produced
# count, its in-flight entry gone, and (for a passing failure) its fingerprints forgotten so that a
# later crawl may try it again.
# KEYS: queue, dupefilter, stream, job, inflight
# ARGV: flight, record ('' for none), fingerprints to forget (space-separated, '' for none), source,
# n, then n
# (fp, score, data)
_FINISH = """
local queued, dupes = 0, 0
local n = tonumber(ARGV[5])
for i = 0, n - 1 do
  local fp, score, data = ARGV[6 + 3 * i], ARGV[7 + 3 * i], ARGV[8 + 3 * i]
  if fp == '' or redis.call('SADD', KEYS[2], fp) == 1 then
    redis.call('ZADD', KEYS[1], score, data)
    queued = queued + 1
  else
    dupes = dupes + 1
  end
end
if ARGV[2] ~= '' then
  redis.call('XADD', KEYS[3], '*', 'r', ARGV[2])
  redis.call('HINCRBY', KEYS[4], 'produced', 1)
end
if dupes > 0 then redis.call('HINCRBY', KEYS[4], 'count:' .. ARGV[4] .. ':duplicates', dupes) end
redis.call('HINCRBY', KEYS[4], 'pending', queued - 1)
if ARGV[1] ~= '' then redis.call('HDEL', KEYS[5], ARGV[1]) end
for fp in string.gmatch(ARGV[3], '%S+') do redis.call('SREM', KEYS[2], fp) end
return queued
"""

# A lost worker's in-flight requests back on the queue, once, whoever of the live workers notices
# first. KEYS: inflight, queue. Returns how many.
_REQUEUE = """
local entries = redis.call('HGETALL', KEYS[1])
for i = 2, #entries, 2 do redis.call('ZADD', KEYS[2], 0, entries[i]) end
redis.call('DEL', KEYS[1])
return #entries / 2
"""


def encode(data: dict[str, Any]) -> bytes:
    """A request dict as the frontier stores it (JSON: see codec; never a pickle)."""
    return codec.dumps(data)


def seed_request(
    url: str,
    source: str,
    job: str,
    validators: tuple[str | None, str | None],
    callback: str = "parse_seed",
    depth: int = 0,
    retries: bool = False,
) -> dict[str, Any]:
    """A conditional GET of one seed as a request dict (callbacks by name, resolved on the
    worker's spider). Seeds bypass the duplicate filter: each crawl asks them again. `retries`:
    whoever handles this seed also queues the source's articles that failed for a passing reason
    (one seed per source and job), as a local crawl's start does."""
    etag, last_modified = validators
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    data = scrapy.Request(
        url,
        headers=headers,
        dont_filter=True,
        priority=1,  # read seeds first: their links feed every worker
        meta={
            ORIGIN: canonical_url(url),
            JOB: job,
            SOURCE: source,
            DEPTH: depth,
            RETRIES: retries,
            "handle_httpstatus_list": [304],
        },
    ).to_dict()
    data["callback"], data["errback"] = callback, "on_error"
    return data


def first_seeds(source: Source) -> Iterable[tuple[str, str]]:
    """(URL, callback) of a source's configured seeds; a sitemap source given a site root or a
    robots.txt starts from the robots.txt, as a local crawl does."""
    for url in source.urls:
        if url_problem(url):
            continue  # a local crawl records it; the cluster has no run yet to record it in
        parts = urlsplit(url)
        if source.kind == "sitemap" and (
            parts.path in ("", "/") or parts.path.endswith("/robots.txt")
        ):
            yield f"{parts.scheme}://{parts.netloc}/robots.txt", "parse_robots"
        else:
            yield url, "parse_seed"


def submit(client: Any, keys: Keys, config: Config, names: list[str]) -> str:
    """A new crawl job for the named sources: their seeds on the frontier. Returns the job id."""
    job = f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{uuid.uuid4().hex[:8]}"
    seeds = [
        (url, callback, name)
        for name in names
        for url, callback in first_seeds(config.source(name))
    ]
    stored = client.hmget(keys.validators, [canonical_url(u) for u, _, _ in seeds]) if seeds else []
    pipe = client.pipeline(transaction=True)
    pipe.hset(
        keys.job(job),
        mapping={
            "sources": json.dumps(names),
            "pending": len(seeds),
            "produced": 0,
            "committed": 0,
            "state": "running",
            "created": time.time(),
        },
    )
    pipe.sadd(keys.open_jobs, job)
    first: set[str] = set()
    for (url, callback, name), raw in zip(seeds, stored, strict=True):
        validators = tuple(json.loads(raw)[:2]) if raw else (None, None)
        retries = name not in first
        first.add(name)
        data = seed_request(url, name, job, validators, callback, retries=retries)  # type: ignore[arg-type]
        pipe.zadd(keys.requests, {encode(data): -data["priority"]})
    pipe.execute()
    return job


def finish(
    client: Any,
    keys: Keys,
    job: str,
    source: str,
    worker: str,
    flight: str | None,
    record: bytes | None,
    links: list[tuple[str, float, bytes]],
    forget: str | None = None,
) -> int:
    """One request done: see _FINISH. links: (fingerprint or '' to bypass the filter, score,
    encoded request). Returns how many links were queued."""
    args: list[Any] = [flight or "", record or b"", forget or "", source, len(links)]
    for fp, score, data in links:
        args += [fp, score, data]
    keys_ = [keys.requests, keys.dupefilter, keys.items, keys.job(job), keys.inflight(worker)]
    return int(client.eval(_FINISH, len(keys_), *keys_, *args))


def requeue_lost(client: Any, keys: Keys, me: str) -> list[tuple[str, int]]:
    """Requests in flight at workers whose heartbeat expired, back on the frontier. Returns
    (worker, how many) for each lost worker that had some; forgets lost workers."""
    back = []
    for raw in client.hkeys(keys.workers):
        name = raw.decode()
        if name == me or client.exists(keys.alive(name)):
            continue
        n = int(client.eval(_REQUEUE, 2, keys.inflight(name), keys.requests))
        client.hdel(keys.workers, name)
        if n:
            back.append((name, n))
    return back


def job_state(client: Any, keys: Keys, job: str) -> dict[str, str]:
    return {k.decode(): v.decode() for k, v in client.hgetall(keys.job(job)).items()}


# The next request for a worker, taken from the queue and written into its in-flight hash in one
# step, so that a worker killed at any moment leaves nothing taken and not recorded.
# KEYS: queue, inflight; ARGV: flight id. Returns the encoded request or nil.
_TAKE = """
local top = redis.call('ZRANGE', KEYS[1], 0, 0)
if #top == 0 then return false end
redis.call('ZREM', KEYS[1], top[1])
redis.call('HSET', KEYS[2], ARGV[1], top[1])
return top[1]
"""


def take(client: Any, keys: Keys, worker: str) -> tuple[str, bytes] | None:
    """(flight id, encoded request) of the frontier's next request, now in flight at worker."""
    flight = uuid.uuid4().hex
    data = client.eval(_TAKE, 2, keys.requests, keys.inflight(worker), flight)
    return (flight, data) if data else None


def refuse(client: Any, keys: Keys, worker: str, flight: str, data: bytes, why: str) -> None:
    """A queue entry the worker cannot read (not JSON: a pickle from an earlier version, or
    written by a stranger): onto the dead-letter list and out of flight; when it still names its
    job, that job counts it done, so no crawl waits for it."""
    job = None
    try:
        meta = codec.loads(data).get("meta") or {}
        job = meta.get(JOB) if isinstance(meta, dict) else None
    except (ValueError, AttributeError):
        pass
    letter = {"queue": keys.requests, "error": why, "data": base64.b64encode(data).decode("ascii")}
    pipe = client.pipeline(transaction=True)
    pipe.rpush(keys.dead, json.dumps(letter))
    pipe.hdel(keys.inflight(worker), flight)
    if isinstance(job, str) and job:
        pipe.hincrby(keys.job(job), "pending", -1)
    pipe.execute()
