"""`wirewatch ingest`: the one writer. Reads the workers' records from the stream in batches,
stores, groups and queues rules exactly as a local crawl's pipeline does, acknowledges a batch only
after its commit, and closes each crawl job (runs, seed validators, immediate alerts) once its
last request is done and its last record committed.

One writer at a time (a lock in Redis that expires when its holder dies); after a crash the records
delivered and never acknowledged are read again, and storing is idempotent by canonical URL."""

from __future__ import annotations

import json
import logging
import os
import socket
import sqlite3
import time
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crawler import settings
from crawler.cluster.keys import REDIS_ERRORS, Keys, connect, keys_for, unreachable
from crawler.cluster.stream import Record, bury, ensure_group, read_batch
from crawler.config import Config
from crawler.config.cluster import ClusterSettings
from crawler.store import Store
from crawler.store.schema import ARTICLE_OUTCOMES, RUN_COUNTERS, RUN_COUNTS, Outcome

LOGGER = logging.getLogger(__name__)
KNOWN_CHUNK = 5000
JOB_KEPT_S = 7 * 86400  # a finished job's summary stays this long for `crawl --wait` and status

# Take or renew the lock: KEYS lock; ARGV token, ttl ms. 1 when ours.
_LOCK = """
local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
"""


class Writer:
    def __init__(
        self,
        config: Config,
        cluster: ClusterSettings,
        db_path: Path,
        say: Callable[[str], None],
        gazetteer: str | None = None,
    ):
        self.config, self.cluster, self.db_path, self.say = config, cluster, db_path, say
        self.keys: Keys = keys_for(cluster)
        self.client = connect(cluster)
        self.name = f"{socket.gethostname()}-{os.getpid()}"
        self.token = f"{self.name}-{uuid.uuid4().hex[:8]}"
        self.gazetteer = gazetteer
        self.store = Store(db_path)
        self.grouper: Any = None
        self.redis_ok = True
        self.stopping = False
        self.committed = 0

    # -- the loop ------------------------------------------------------------------------------

    def run(self, idle_exit: float | None = None) -> None:
        """Until stopped (or, with idle_exit, until that many seconds pass with nothing to do)."""
        from crawler.alerts.redaction import install_redaction

        install_redaction(self.config.secrets())
        self._hold_lock()
        self._sync_known()
        backlog, idle_since = True, time.monotonic()
        while not self.stopping:
            try:
                self._renew_lock()
                batch, bad = read_batch(
                    self.client, self.keys, self.name, self.cluster.batch_size, 1000, backlog
                )
                if backlog and not batch and not bad:
                    backlog = False
                if bad:
                    self.bury(bad)
                if batch:
                    self.commit(batch)
                    idle_since = time.monotonic()
                self.finish_jobs()
                self.client.set(self.keys.writer_seen, f"{time.time():.3f}")
                self._up()
            except REDIS_ERRORS as exc:
                self._down(exc)
                time.sleep(1.0)
                backlog = True  # read again what was delivered before Redis went away
                continue
            if idle_exit is not None and time.monotonic() - idle_since > idle_exit:
                break
        self.store.close()

    def _down(self, exc: Exception) -> None:
        if self.redis_ok:
            self.say(f"ingest: {unreachable(self.cluster, exc)}; retrying")
        self.redis_ok = False

    def _up(self) -> None:
        if not self.redis_ok:
            self.say(f"ingest: Redis at {self.cluster.redis_url} is reachable again")
            ensure_group(self.client, self.keys)
        self.redis_ok = True

    def _ttl_ms(self) -> int:
        return int(self.cluster.worker_timeout * 1000)

    def _hold_lock(self) -> None:
        """Wait until no other ingest holds the lock (one that died lets go within
        worker_timeout)."""
        told = False
        while True:
            try:
                ensure_group(self.client, self.keys)
                if self.client.eval(_LOCK, 1, self.keys.writer_lock, self.token, self._ttl_ms()):
                    self._up()
                    return
                if not told:
                    holder = (self.client.get(self.keys.writer_lock) or b"?").decode()
                    self.say(f"ingest: another ingest ({holder}) is writing; waiting for it")
                    told = True
            except REDIS_ERRORS as exc:
                self._down(exc)
            time.sleep(1.0)

    def _renew_lock(self) -> None:
        if not self.client.eval(_LOCK, 1, self.keys.writer_lock, self.token, self._ttl_ms()):
            self.say("ingest: lost the writer lock to another ingest; waiting for it")
            self._hold_lock()

    def _sync_known(self) -> None:
        """Every URL the store holds, in the shared known set: workers never fetch those again
        (unless their seed entry moves)."""
        rows = self.store.conn.execute(
            "SELECT u.url, COALESCE(a.seed_stamp, '') FROM article_urls u"
            " JOIN articles a ON a.id = u.article_id"
        )
        while True:
            chunk = rows.fetchmany(KNOWN_CHUNK)
            if not chunk:
                break
            while True:
                try:
                    self.client.hset(self.keys.known, mapping=dict(chunk))
                    break
                except REDIS_ERRORS as exc:
                    self._down(exc)
                    time.sleep(1.0)

    def bury(self, bad: list[tuple[str, bytes, str]]) -> None:
        """One line for each unreadable entry; it goes to the dead-letter list, not the store."""
        for entry_id, _, why in bad:
            self.say(
                f"ingest: stream entry {entry_id} unreadable ({why}); moved to {self.keys.dead}"
            )
        for job, source in bury(self.client, self.keys, bad):
            self.say(f"ingest: job {job}: an unreadable record counted as an error of {source}")

    # -- one batch -----------------------------------------------------------------------------

    def commit(self, batch: list[tuple[str, Record]]) -> None:
        """Store the batch in one transaction, group its new articles, then acknowledge it."""
        counts: dict[tuple[str, str], Counter[str]] = {}
        produced: Counter[str] = Counter()
        to_group: list[tuple[int, Any]] = []
        known: dict[str, str] = {}
        if any(rec.article is not None for _, rec in batch):
            self._grouper()  # built first: building it groups only what earlier runs left
        with self.store.write():
            for _, rec in batch:
                produced[rec.job] += 1
                c = counts.setdefault((rec.job, rec.source), Counter())
                c["pages"] += rec.pages
                for row in rec.outcomes:
                    self._outcome(rec, row, c)
                if rec.article is not None:
                    self._article(rec, c, to_group, known)
        if to_group:
            try:
                self._grouper().assign_many(to_group)
            except sqlite3.OperationalError as exc:  # stored, not grouped: the next start groups
                LOGGER.error("ingest: grouping failed, retried at the next start: %s", exc)
        ids = [entry_id for entry_id, _ in batch]
        pipe = self.client.pipeline(transaction=True)
        for (job, source), c in counts.items():
            for name, n in c.items():
                if n:
                    pipe.hincrby(self.keys.job(job), f"count:{source}:{name}", n)
        for job, n in produced.items():
            pipe.hincrby(self.keys.job(job), "committed", n)
        if known:
            pipe.hset(self.keys.known, mapping=known)
        pipe.xack(self.keys.items, "writer", *ids)
        pipe.xdel(self.keys.items, *ids)
        pipe.execute()
        self.committed += len(batch)

    def _outcome(self, rec: Record, row: tuple[Any, ...], c: Counter[str]) -> None:
        origin, kind, name, reason, permanent, stamp = row
        outcome = Outcome(name)
        counter = RUN_COUNTERS.get(outcome)
        if counter:
            c[counter] += 1
        if outcome not in ARTICLE_OUTCOMES:
            self.store.crawl.record_outcome(
                origin, rec.source, kind, outcome, reason, permanent, stamp, None
            )
        if kind == "seed" and outcome in (Outcome.NOT_MODIFIED, Outcome.SEED_READ):
            status = 304 if outcome == Outcome.NOT_MODIFIED else 200
            self.store.crawl.save_seed(origin, rec.source, status, None, None)
        if counter == "errors":
            LOGGER.warning(
                "%s %s %s%s", rec.source, outcome, origin, f": {reason}" if reason else ""
            )

    def _article(
        self,
        rec: Record,
        c: Counter[str],
        to_group: list[tuple[int, Any]],
        known: dict[str, str],
    ) -> None:
        a = rec.article or {}
        outcome, article_id = self.store.articles.save(
            a["fields"], a["urls"], rec.source, a["stamp"]
        )
        if outcome == Outcome.DUPLICATE and a["refetch"]:
            outcome = Outcome.UNCHANGED
        c[RUN_COUNTERS[outcome]] += 1
        if outcome in (Outcome.STORED, Outcome.UPDATED):
            to_group.append((article_id, a["analysis"]))
        for url, _ in a["urls"]:
            known[url] = a["stamp"] or ""

    def _grouper(self) -> Any:
        """Built on first use; building it groups articles a crash left without a story."""
        if self.grouper is None:
            from crawler.stories.grouping import Grouper

            self.grouper = Grouper(self.store, self.gazetteer, self.config.stories.window_days)
            self.grouper.assign_pending()
        return self.grouper

    # -- jobs ----------------------------------------------------------------------------------

    def finish_jobs(self) -> None:
        for raw in self.client.smembers(self.keys.open_jobs):
            job = raw.decode()
            state = {
                k.decode(): v.decode() for k, v in self.client.hgetall(self.keys.job(job)).items()
            }
            if not state:
                self.client.srem(self.keys.open_jobs, job)
            elif int(state["pending"]) <= 0 and int(state["committed"]) >= int(state["produced"]):
                self.finish_job(job, state)

    def finish_job(self, job: str, state: dict[str, str]) -> None:
        """Every request of the job done and every record committed: a finished run per source,
        the seeds' new validators, the rules and immediate alerts."""
        from crawler.alerts.followup import IMMEDIATE, check_and_deliver

        validators = self.client.hgetall(self.keys.job_validators(job))
        summaries = []
        with self.store.write():
            for origin, raw in validators.items():
                etag, modified, source = json.loads(raw)
                self.store.crawl.save_seed(origin.decode(), source, 200, etag, modified)
            for source in json.loads(state["sources"]):
                counts = {k: int(state.get(f"count:{source}:{k}", 0)) for k in RUN_COUNTS}
                run_id = self.store.crawl.start_run(source)
                self.store.crawl.finish_run(run_id, counts, "finished")
                unreadable = int(state.get(f"count:{source}:unreadable", 0))
                summaries.append(
                    {"source": source, "run_id": run_id, **counts, "unreadable": unreadable}
                )
        try:
            check_and_deliver(self.store, self.config, modes=IMMEDIATE)
        except sqlite3.OperationalError as exc:
            LOGGER.error("rules not checked: database write failed: %s", exc)
        retry_runs = int(
            self.config.crawl_settings.get("WIREWATCH_RETRY_RUNS", settings.WIREWATCH_RETRY_RUNS)
        )
        retries = {
            source: self.store.crawl.transient_failures(source, retry_runs)
            for source in json.loads(state["sources"])
        }
        pipe = self.client.pipeline(transaction=True)
        for source, failed in retries.items():
            # What the next job of the source tries again, even when its seeds answer 304.
            pipe.delete(self.keys.retry(source))
            if failed:
                pipe.hset(
                    self.keys.retry(source),
                    mapping={url: json.dumps([url, stamp]) for url, stamp in failed},
                )
        if validators:
            pipe.hset(self.keys.validators, mapping=validators)
        pipe.delete(self.keys.job_validators(job))
        pipe.hset(
            self.keys.job(job),
            mapping={"state": "finished", "summaries": json.dumps(summaries), "done": time.time()},
        )
        pipe.expire(self.keys.job(job), JOB_KEPT_S)
        pipe.srem(self.keys.open_jobs, job)
        pipe.execute()
        total = sum(s["new_articles"] for s in summaries)
        LOGGER.info("ingest: job %s finished: %d new articles", job, total)
