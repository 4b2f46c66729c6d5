"""When each source of an `every` crawl job is due: its fixed place within the job's interval, the
grid its polls keep to, and its current interval, learned from its `crawl_runs`.

A source's polls fall on a grid anchored to the Unix epoch, not to the previous start: slot k of
source s is `k * every + offset(s)`, where the offset is a stable hash of the source's name. So a
job of many sources spreads them over its interval, the spread is the same after a restart, and a
poll that started late does not move the next one (no drift). The current interval is a whole
number of `every`s, so the polls of a source that has backed off stay on the same grid.

Pure functions of the schedule, the history and the clock: the daemon plans with them, and
`wirewatch status` computes the same plan from the database.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime

from crawler.config import Job

# A quiet source is polled at least this many times per stretch of quiet: its interval is at most
# this share of the time since it last brought a new article.
POLLS_PER_QUIET = 4
# The share of `every` within which the sources due after the first join its crawl process, when
# the job does not say (`batch`): six crawl processes per interval at most.
DEFAULT_BATCH_SHARE = 1 / 6


@dataclass(frozen=True)
class History:
    """What `crawl_runs` says of one source, as Unix times."""

    last_start: float | None = None  # the last run's start
    last_took: float | None = None  # the last finished run's duration, seconds
    last_new: float | None = None  # the start of the last run that stored a new article
    first_start: float | None = None  # the first run's start

    @classmethod
    def from_row(cls, row: dict[str, str | None]) -> History:
        """From `JobQueries.source_history`: ISO times in UTC."""

        def at(key: str) -> float | None:
            value = row.get(key)
            return datetime.fromisoformat(value).timestamp() if value else None

        began, ended = at("last_end_start"), at("last_end")
        return cls(
            last_start=at("last_start"),
            last_took=ended - began if began is not None and ended is not None else None,
            last_new=at("last_new"),
            first_start=at("first_start"),
        )


@dataclass(frozen=True)
class Plan:
    """The next poll of one source by one job."""

    job: Job
    source: str
    interval: float  # current interval, seconds: a whole number of job.every
    slot: float  # the grid time this poll stands for (Unix time)
    start_at: float  # when it starts: the slot, plus the job's jitter for this slot
    overdue: bool  # its slot passed without a poll (the daemon was down or busy)
    first: bool  # the source was never polled


def unit(*parts: str) -> float:
    """A stable number in [0, 1) for the parts (Python's hash() changes from process to process)."""
    digest = hashlib.blake2b("\0".join(parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def offset(source: str, every: float) -> float:
    """The source's fixed place within an interval of `every` seconds."""
    return unit(source) * every


def nearest_slot(t: float, every: float, off: float) -> float:
    """The grid time nearest to t: a poll that started a little late or early stands for it."""
    return off + round((t - off) / every) * every


def current_interval(job: Job, history: History, now: float) -> float:
    """`every`, or for a job with `max_every`, a quarter of the time since the source's last new
    article (since its first run, if it never brought one), in whole `every`s, between `every` and
    `max_every`."""
    every = float(job.every or 0)
    if job.max_every is None:
        return every
    since = history.last_new if history.last_new is not None else history.first_start
    if since is None:
        return every
    steps = math.floor(max(0.0, now - since) / POLLS_PER_QUIET / every)
    ceiling = max(1, math.floor(job.max_every / every))
    return min(max(1, steps), ceiling) * every


def batch_window(job: Job) -> float:
    """How far ahead of its slot a source may join a crawl process that starts earlier."""
    return job.batch if job.batch is not None else float(job.every or 0) * DEFAULT_BATCH_SHARE


def plan(
    job: Job, source: str, history: History, now: float, dispatched: float | None = None
) -> Plan:
    """The source's next poll: one interval after the slot of its last poll (the slot the daemon
    last started it for, or the one nearest the last recorded run's start, whichever is later). A
    source never polled is due now; one whose slot has passed is due now, once, and stands for the
    slot nearest now."""
    every = float(job.every or 0)
    off = offset(source, every)
    interval = current_interval(job, history, now)
    last = [] if dispatched is None else [dispatched]
    if history.last_start is not None:
        last.append(nearest_slot(history.last_start, every, off))
    if not last:
        return Plan(job, source, interval, nearest_slot(now, every, off), now, False, True)
    slot = max(last) + interval
    overdue = slot + job.jitter < now - every / 2
    if overdue:
        slot = nearest_slot(now, every, off)
        return Plan(job, source, interval, slot, now, True, False)
    return Plan(
        job, source, interval, slot, slot + job.jitter * unit(source, str(slot)), False, False
    )
