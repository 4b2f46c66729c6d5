"""`wirewatch daemon`: scheduled crawls, digests and housekeeping with APScheduler 3.x.

Each crawl runs in a child process (`children.py`): Scrapy's reactor cannot be restarted in one
process, and a child can be given a time limit and killed, and takes its memory with it when it
ends. The daemon itself only schedules, waits and records. The sources of an `every` crawl job are
polled each at its own time on a fixed grid, batched into crawl processes, by `polls.py`; cron
crawl jobs, digests and housekeeping are APScheduler jobs. Per-source flock locks keep one source's
crawls from overlapping, across the daemon and crawls started by hand, and die with their holder.
Last runs are kept in SQLite, so a run missed while the daemon was down runs once at start, spread
by the job's jitter; an `every` job that has never run (a new database, a new job) runs first at
start, and a `cron` job waits for its time.
"""

from __future__ import annotations

import logging
import random
import signal
import threading
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MAX_INSTANCES, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from crawler.alerts.health import check_health
from crawler.config import Config, Job, load_config, load_schedules
from crawler.crawl.interrupts import STOP_GRACE_S
from crawler.daemon.children import CrawlChildren
from crawler.daemon.polls import Batch, Poller
from crawler.store.database import Store
from crawler.store.locks import source_locks

LOGGER = logging.getLogger(__name__)
# The longest a stop takes from SIGTERM: crawls get STOP_GRACE_S to finish, then are killed; jobs
# still running at this limit (a digest waiting on a slow mail server) are cut off, as a crash would
# cut them, and their work is resumed by the next start.
EXIT_WITHIN_S = 2 * STOP_GRACE_S
# The exit after the last wait (closing the store, flushing the logs) takes time too: the wait for
# jobs ends this much earlier, so that the process is gone within EXIT_WITHIN_S.
EXIT_MARGIN_S = 1.0
# Why a job runs once as soon as the daemon starts (or reloads).
FIRST, MISSED = "first", "missed"

# How often the main loop looks at the flags the signal handlers set.
WAKE_S = 0.2


class Daemon:
    def __init__(self, config_path: str | None, db_path: Path, schedules_dir: Path):
        self.config_path = config_path
        self.db_path = db_path
        self.schedules_dir = schedules_dir
        self.stop_event = threading.Event()
        # Set by the signal handlers and read by the main loop. Plain flags, not Events: a handler
        # runs in the main thread between two of its steps, maybe while that thread holds the lock
        # inside an Event (in wait() or clear()), and Event.set() would then wait for it forever;
        # and a burst of signals runs handlers inside handlers, which must each be one step.
        self.stop_asked = False
        self.reload_asked = False
        self.children = CrawlChildren(db_path, self.stop_event)
        self.active_jobs = 0
        self.active_lock = threading.Lock()
        self.config: Config = load_config(config_path)
        self.jobs: list[Job] = load_schedules(schedules_dir, self.config)
        self.store = Store(db_path)
        self.scheduler = BackgroundScheduler(
            timezone=UTC,
            executors={"default": ThreadPoolExecutor(max_workers=8)},
            # Chosen on purpose: a run still going is skipped (1 instance), late runs are not
            # replayed in a burst (coalesce), and a late run still runs however late (no grace
            # limit).
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        )
        self.scheduler.add_listener(self._on_event, EVENT_JOB_ERROR | EVENT_JOB_MAX_INSTANCES)
        self.poller = Poller(db_path, self.stop_event, self._tracked(self.crawl_batch))

    # -- lifecycle ---------------------------------------------------------------------------------

    def run(self) -> int:
        # APScheduler reports every job start and end, and skipped runs; the daemon logs its own
        # one-line events.
        logging.getLogger("apscheduler").setLevel(logging.ERROR)
        signal.signal(signal.SIGTERM, self._ask_stop)
        signal.signal(signal.SIGINT, self._ask_stop)
        signal.signal(signal.SIGHUP, self._ask_reload)
        if self.config.cluster is None:  # in cluster mode the workers crawl, not this host
            self.children.start()
        self._schedule_all(starting=True)
        self.scheduler.start()
        self.poller.start()
        LOGGER.info(
            "daemon started: %d jobs from %s, database %s",
            len(self.jobs),
            self.schedules_dir,
            self.db_path,
        )
        try:
            while not self.stop_asked:
                time.sleep(WAKE_S)
                if self.reload_asked:
                    self.reload_asked = False
                    self._reload()
        finally:  # a reload that fails past its own checks still stops the jobs and crawls
            self._shut_down()
        return 0

    def _shut_down(self) -> None:
        self.stop_event.set()
        LOGGER.info("daemon stopping")
        deadline = time.monotonic() + EXIT_WITHIN_S - EXIT_MARGIN_S
        self.scheduler.shutdown(wait=False)
        self.poller.stop()
        self.children.stop_all()
        while self.active_jobs and time.monotonic() < deadline:
            time.sleep(0.05)
        self.store.close()
        self.children.close()
        if self.active_jobs:
            LOGGER.warning("daemon stopped: %d jobs cut off", self.active_jobs)
        else:
            LOGGER.info("daemon stopped")

    def _ask_stop(self, signum: int, frame: FrameType | None) -> None:
        self.stop_asked = True

    def _ask_reload(self, signum: int, frame: FrameType | None) -> None:
        self.reload_asked = True

    def _tracked(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        """fn counted while it runs, so a stop knows when the last job has ended."""

        def run(work: Any) -> None:
            with self.active_lock:
                self.active_jobs += 1
            try:
                fn(work)
            finally:
                with self.active_lock:
                    self.active_jobs -= 1

        return run

    def _reload(self) -> None:
        """SIGHUP: read the config and schedules again; keep the old ones when the new ones are
        invalid."""
        try:
            config = load_config(self.config_path)
            jobs = load_schedules(self.schedules_dir, config)
        except Exception as exc:  # a config error must not stop a running daemon
            LOGGER.error("reload refused, keeping the running schedule: %s", exc)
            return
        self.config, self.jobs = config, jobs
        self.scheduler.remove_all_jobs()
        self._schedule_all(starting=False)
        LOGGER.info("reloaded: %d jobs", len(jobs))

    # -- scheduling --------------------------------------------------------------------------------

    def _schedule_all(self, starting: bool) -> None:
        """Add every job; one that is due now (see `_trigger`) runs once right away, and the log
        says why: only a job with an earlier run can have missed one while the daemon was down.
        `every` crawl jobs go to the poller, which does the same per source."""
        now = datetime.now(UTC)
        polled = [j for j in self.jobs if j.kind == "crawl" and j.every is not None]
        self.poller.set_jobs(polled, starting)
        func = {
            "crawl": self._tracked(self.crawl_job),
            "digest": self._tracked(self.digest_job),
            "housekeeping": self._tracked(self.housekeeping_job),
        }
        for job in self.jobs:
            if job in polled:
                continue
            trigger, due = self._trigger(job, now)
            extra: dict[str, Any] = {}
            if due is not None:
                # The one run now is the job's own first run, so it cannot overlap the job's next
                # runs.
                when = now + timedelta(seconds=random.uniform(0, job.jitter) if job.jitter else 0)
                extra["next_run_time"] = when
                if due == FIRST:
                    reason = "has not run before: first run"
                elif starting:
                    reason = "missed a run while the daemon was down: running it once"
                else:
                    reason = "is overdue: running it once"
                LOGGER.info("%s %s at %s", job.id, reason, when.strftime("%H:%M:%S"))
            self.scheduler.add_job(
                func[job.kind],
                trigger,
                args=[job],
                id=job.id,
                name=job.id,
                replace_existing=True,
                **extra,
            )

    def _trigger(self, job: Job, now: datetime) -> tuple[Any, str | None]:
        """The job's trigger, and whether it runs once now: FIRST for an `every` job with no
        recorded run, MISSED for a job whose due time after its last recorded start has passed."""
        last = self.store.jobs.job_last_start(job.id)
        if job.every is not None:
            every = timedelta(seconds=job.every)
            start = (last + every) if last and last + every > now else now + every
            due = FIRST if last is None else MISSED if last + every <= now else None
            return IntervalTrigger(
                seconds=job.every,
                start_date=start,
                jitter=int(job.jitter) or None,
                timezone=UTC,
            ), due
        trigger = CronTrigger.from_crontab(job.cron, timezone=job.timezone)
        due = None
        if last is not None:
            next_time = trigger.get_next_fire_time(None, last + timedelta(seconds=1))
            due = MISSED if next_time is not None and next_time <= now else None
        trigger.jitter = int(job.jitter) or None
        return trigger, due

    def _on_event(self, event: JobExecutionEvent) -> None:
        if event.code == EVENT_JOB_MAX_INSTANCES:
            LOGGER.warning("%s skipped: its previous run is still going", event.job_id)
        elif event.exception is not None:
            LOGGER.error(
                "%s failed: %s: %s",
                event.job_id,
                type(event.exception).__name__,
                event.exception,
                exc_info=(type(event.exception), event.exception, event.exception.__traceback__),
            )

    def _next_run(self, job: Job) -> str | None:
        polled = self.poller.next_run(job.id)
        if polled is not None:
            return datetime.fromtimestamp(polled, UTC).isoformat()
        scheduled = self.scheduler.get_job(job.id)
        return (
            scheduled.next_run_time.astimezone(UTC).isoformat()
            if scheduled and scheduled.next_run_time
            else None
        )

    # -- jobs --------------------------------------------------------------------------------------

    def crawl_job(self, job: Job) -> None:
        """A cron crawl job: all its sources in one child process."""
        self._crawl([job], list(job.sources), job.timeout)

    def crawl_batch(self, batch: Batch) -> None:
        """Polls of `every` crawl jobs that came due together: one child process."""
        self._crawl(batch.jobs, batch.sources, batch.timeout)

    def _crawl(self, jobs: list[Job], sources: list[str], timeout: float) -> None:
        """Crawl the sources in a child process, with a time limit; skip sources already being
        crawled. Each job is recorded as started and finished with the child."""
        label = jobs[0].id if len(jobs) == 1 else f"{jobs[0].id} (+{len(jobs) - 1} jobs)"
        with closing(Store(self.db_path)) as store:
            with source_locks(self.db_path, sources) as (mine, busy):
                for source in busy:
                    LOGGER.warning(
                        "%s: crawl of %s skipped: a crawl of it is still running", label, source
                    )
                if not mine:
                    for job in jobs:
                        self._finished(store, job, "skipped", "all sources busy")
                    return
                for job in jobs:
                    self._started(store, job)
                run_as = replace(jobs[0], id=label, timeout=timeout)
                if self.config.cluster is not None:  # the workers crawl; the ingest stores
                    status, error = self._crawl_with_cluster(label, run_as, mine, timeout)
                else:
                    LOGGER.info("%s: crawling %s", label, ", ".join(mine))
                    status, error = self.children.run(run_as, mine, self.config.path)
                for job in jobs:
                    self._finished(store, job, status, error)
            check_health(store, self.config, mine)

    def _crawl_with_cluster(
        self, label: str, run_as: Job, sources: list[str], timeout: float
    ) -> tuple[str, str | None]:
        """Plain sources queued for the workers; hand-written spiders, whose code the workers do
        not run, crawled here as without a cluster. Returns the worse of the two outcomes."""
        from crawler.cluster.jobs import crawl_on_cluster
        from crawler.crawl.loader import hand_written_names

        code = hand_written_names()
        here = [s for s in sources if s in code]
        queued = [s for s in sources if s not in code]
        results = []
        if queued:
            LOGGER.info("%s: queuing for the workers %s", label, ", ".join(queued))
            results.append(crawl_on_cluster(self.config, label, queued, timeout, self.stop_event))
        if here:
            LOGGER.info("%s: crawling %s here (hand-written spiders)", label, ", ".join(here))
            results.append(self.children.run(run_as, here, self.config.path, local=True))
        return worst(results)

    def digest_job(self, job: Job) -> None:
        from crawler.alerts.followup import check_and_deliver

        with closing(Store(self.db_path)) as store:
            self._started(store, job)
            reports = check_and_deliver(store, self.config, channels=list(job.channels))
            errors = "; ".join(f"{r.channel}: {r.error}" for r in reports if r.error)
            self._finished(store, job, "failed" if errors else "ok", errors or None)

    def housekeeping_job(self, job: Job) -> None:
        with closing(Store(self.db_path)) as store:
            self._started(store, job)
            cutoff = (datetime.now(UTC) - timedelta(days=job.prune_revisions_days)).isoformat()
            with store.write():
                pruned = store.articles.prune_revisions(cutoff)
            store.optimize()
            LOGGER.info("%s: pruned %d old revisions; optimized", job.id, pruned)
            self._finished(store, job, "ok", None)

    def _started(self, store: Store, job: Job) -> None:
        with store.write():
            store.jobs.job_started(job.id, job.kind)

    def _finished(self, store: Store, job: Job, status: str, error: str | None) -> None:
        with store.write():
            store.jobs.job_finished(job.id, job.kind, status, error, self._next_run(job))


# Job statuses from the worst down: the one a job that did several things reports.
_SEVERITY = ("failed", "timed out", "stopped", "skipped", "ok")


def worst(results: list[tuple[str, str | None]]) -> tuple[str, str | None]:
    """The worst (status, error) of several, with every error joined."""
    if not results:
        return "ok", None
    rank = {status: i for i, status in enumerate(_SEVERITY)}
    status = min((r[0] for r in results), key=lambda s: rank.get(s, 0))
    errors = "; ".join(e for _, e in results if e)
    return status, errors or None
