"""The polls of `every` crawl jobs: each source at its own time on its grid (`rhythm.py`), and the
sources that come due within a batch window of each other started together, in one crawl
process, so that a job of many sources is spread over its interval without a process per poll.

One thread plans and sleeps until the next source is due; each batch runs in a thread of its own
(the daemon's `crawl_batch`), at most MAX_RUNNING at once. A source still being crawled when its
next slot comes is skipped for that slot, and the log says so: polls are never queued."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from crawler.config import Job
from crawler.daemon.rhythm import History, Plan, batch_window, plan
from crawler.store.database import Store

LOGGER = logging.getLogger(__name__)
# Crawl processes running at once, as the scheduler's thread pool allows for its jobs.
MAX_RUNNING = 8
# The history of every source is read again at least this often (crawls by hand add to it); a
# source's own is read again as soon as a crawl of it ends.
REFRESH_S = 60.0
# After planning failed (the database busy or unreadable), the next try.
RETRY_S = 5.0


@dataclass(frozen=True)
class Batch:
    """Polls started together in one crawl process: one time limit, one or more jobs."""

    plans: tuple[Plan, ...]

    @property
    def jobs(self) -> list[Job]:
        return list({p.job.id: p.job for p in self.plans}.values())

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(p.source for p in self.plans))

    @property
    def timeout(self) -> float:
        return self.plans[0].job.timeout


class Poller:
    """Plans the `every` crawl jobs' polls and starts their batches."""

    def __init__(
        self, db_path: Path, stopping: threading.Event, run_batch: Callable[[Batch], None]
    ) -> None:
        self.db_path = db_path
        self.stopping = stopping
        self.run_batch = run_batch
        self.lock = threading.Lock()
        self.wake = threading.Event()
        self.jobs: list[Job] = []
        self.announce: str | None = None  # at the next plan: "starting" or "reload"
        self.in_flight: set[str] = set()
        self.dispatched: dict[tuple[str, str], float] = {}  # (job id, source) -> its last slot
        self.history: dict[str, History] = {}
        self.stale: set[str] = set()
        self.refreshed = 0.0
        self.running = 0
        self.next_start: dict[str, float] = {}  # job id -> its next poll's start (Unix time)
        self.thread = threading.Thread(target=self._run, name="poller", daemon=True)

    def set_jobs(self, jobs: list[Job], starting: bool) -> None:
        with self.lock:
            self.jobs = list(jobs)
            self.announce = "starting" if starting else "reload"
            self.refreshed = 0.0
        self.wake.set()

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        """The stop event is set: wake the planner so that it ends."""
        self.wake.set()

    def next_run(self, job_id: str) -> float | None:
        with self.lock:
            return self.next_start.get(job_id)

    # -- planning ----------------------------------------------------------------------------------

    def _run(self) -> None:
        with closing(Store(self.db_path)) as store:
            while not self.stopping.is_set():
                self.wake.clear()
                try:
                    delay = self._tick(store, time.time())
                except Exception as exc:  # a locked or failing database must not end the polls
                    LOGGER.error(
                        "planning polls failed, trying again: %s: %s", type(exc).__name__, exc
                    )
                    delay = RETRY_S
                self.wake.wait(delay)

    def _tick(self, store: Store, now: float) -> float:
        """Start what is due; returns how long to sleep until the next source is due."""
        with self.lock:
            jobs, announce, self.announce = self.jobs, self.announce, None
        self._refresh(store, jobs, now)
        with self.lock:
            plans = sorted(
                (
                    plan(
                        job,
                        s,
                        self.history.get(s, History()),
                        now,
                        self.dispatched.get((job.id, s)),
                    )
                    for job in jobs
                    for s in job.sources
                ),
                key=lambda p: p.start_at,
            )
            busy = set(self.in_flight)
        if announce:
            _announce(plans, announce)
        waiting = [p for p in plans if p.source not in busy]
        for p in plans:
            if p.source in busy and p.start_at <= now:
                LOGGER.warning(
                    "%s: poll of %s skipped: its previous crawl is still running",
                    p.job.id,
                    p.source,
                )
                with self.lock:
                    self.dispatched[(p.job.id, p.source)] = p.slot
        while waiting and waiting[0].start_at <= now and self._free():
            batch = _gather(waiting, now)
            chosen = set(batch.sources)
            waiting = [p for p in waiting if p.source not in chosen]
            self._launch(batch)
        with self.lock:
            self.next_start = {}
            for p in waiting:
                self.next_start.setdefault(p.job.id, max(p.start_at, now))
        # Also woken at the slots of sources still being crawled, to say they were skipped.
        upcoming = [p.start_at - now for p in plans if p.start_at > now]
        due_but_full = any(p.start_at <= now for p in waiting)
        return 1.0 if due_but_full else min([REFRESH_S, *upcoming])

    def _refresh(self, store: Store, jobs: list[Job], now: float) -> None:
        """Read the history of every source when it is old, else of those whose crawl ended."""
        with self.lock:
            if now - self.refreshed >= REFRESH_S:
                names = {s for job in jobs for s in job.sources}
                self.refreshed = now
            else:
                names = set(self.stale)
            self.stale -= names
        fresh = {s: History.from_row(store.jobs.source_history(s)) for s in names}
        with self.lock:
            self.history.update(fresh)

    def _free(self) -> bool:
        with self.lock:
            return self.running < MAX_RUNNING and not self.stopping.is_set()

    def _launch(self, batch: Batch) -> None:
        with self.lock:
            self.running += 1
            self.in_flight.update(batch.sources)
            for p in batch.plans:
                self.dispatched[(p.job.id, p.source)] = p.slot
        threading.Thread(target=self._run_one, args=(batch,), daemon=True).start()

    def _run_one(self, batch: Batch) -> None:
        try:
            self.run_batch(batch)
        finally:
            with self.lock:
                self.running -= 1
                self.in_flight.difference_update(batch.sources)
                self.stale.update(batch.sources)
            self.wake.set()


def _gather(waiting: list[Plan], now: float) -> Batch:
    """The first due poll, and every waiting poll of the same time limit due within its job's batch
    window from now: one crawl process."""
    first = waiting[0]
    chosen = [
        p
        for p in waiting
        if p.job.timeout == first.job.timeout and p.start_at <= now + batch_window(p.job)
    ]
    return Batch(tuple(chosen))


def _announce(plans: list[Plan], why: str) -> None:
    """At start or reload, one line per job for sources polled at once, and why."""
    for job_id in dict.fromkeys(p.job.id for p in plans):
        mine = [p for p in plans if p.job.id == job_id]
        first = sum(p.first for p in mine)
        missed = sum(p.overdue for p in mine)
        if first:
            LOGGER.info("%s: %d sources not polled before: first poll now", job_id, first)
        if missed and why == "starting":
            LOGGER.info(
                "%s: %d sources missed a poll while the daemon was down: polling them once now",
                job_id,
                missed,
            )
        elif missed:
            LOGGER.info("%s: %d sources are overdue: polling them once now", job_id, missed)
        spread = len(mine) - first - missed
        if spread:
            LOGGER.info(
                "%s: %d sources spread over %gs, the next at %s",
                job_id,
                spread,
                mine[0].job.every,
                time.strftime("%H:%M:%S", time.gmtime(max(time.time(), mine[0].start_at))),
            )
