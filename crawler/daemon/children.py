"""Crawls in child processes: `wirewatch crawl SOURCE...` with a time limit and its summary logged,
and every running child stopped (then killed) when the daemon stops.

The children are forked by a warm fork server (`crawler/forkserver.py`, through `forks.py`), which
has already imported what a crawl needs; should it fail, a crawl starts as a fresh interpreter.

Each child leads its own process group, and everything it starts (the resource tracker, the
extraction workers) joins that group, so a crawl is stopped or killed as a whole. Its output goes to
a file, not a pipe: a process left holding a pipe could otherwise keep the daemon waiting for an end
of file that never comes. Every wait is bounded."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from crawler.config import Job
from crawler.crawl.interrupts import PARENT_ENV, STOP_GRACE_S
from crawler.daemon.forks import ForkedCrawl, ForkServer, ForkServerError
from crawler.store.database import Store
from crawler.store.locks import HELD_ENV, held_fds
from crawler.store.queries import StoreError

LOGGER = logging.getLogger(__name__)
# How long a child killed with SIGKILL may take to be reaped before the daemon stops waiting.
REAP_WAIT_S = 5.0


@dataclass
class Running:
    job_id: str
    sources: list[str]
    process: subprocess.Popen[bytes] | ForkedCrawl
    asked: bool = False  # sent its one SIGTERM: a second one would mean "stop now"


class CrawlChildren:
    """The crawl processes a daemon has started."""

    def __init__(self, db_path: Path, stopping: threading.Event):
        self.db_path = db_path
        self.stopping = stopping
        self.running: dict[int, Running] = {}
        self.lock = threading.Lock()
        self.forks = ForkServer()

    def start(self) -> None:
        """Start the fork server; crawls fall back to fresh interpreters while it cannot run."""
        try:
            self.forks.start()
        except (ForkServerError, OSError) as exc:
            LOGGER.error("crawl fork server not started, crawls start afresh: %s", exc)

    def close(self) -> None:
        self.forks.close()

    def run(
        self, job: Job, sources: list[str], config_path: Path, local: bool = False
    ) -> tuple[str, str | None]:
        """Crawl sources in a child that shares their locks (which it keeps should the daemon
        die) and stops itself when the daemon is gone; returns (job status, error). `local`: crawl
        here even with a [cluster] table."""
        if self.stopping.is_set():
            return "skipped", "daemon stopping"
        argv = ["--config", str(config_path), "--db", str(self.db_path)]
        argv += ["crawl", "--no-progress", *(["--local"] if local else []), *sources]
        env = {**os.environ, HELD_ENV: ",".join(sources), PARENT_ENV: str(os.getpid())}
        with tempfile.TemporaryFile() as out:
            proc = self._start(argv, env, out.fileno(), held_fds(self.db_path, sources))
            with self.lock:
                self.running[proc.pid] = Running(job.id, sources, proc)
            try:
                try:
                    proc.wait(timeout=job.timeout)
                except subprocess.TimeoutExpired:
                    self.ask_to_stop(proc.pid)
                    if end_group(proc, asked=True):
                        self._close_runs(
                            sources, "failed", f"killed at its time limit of {job.timeout:.0f}s"
                        )
                    LOGGER.error(
                        "%s: crawl of %s stopped after its time limit of %.0fs",
                        job.id,
                        ", ".join(sources),
                        job.timeout,
                    )
                    return "timed out", f"stopped after {job.timeout:.0f}s"
                finally:
                    # Whatever the child left behind (a worker finishing a page) goes with it; a
                    # crawl whose fork server died is stopping itself, and is left to finish that.
                    if not (isinstance(proc, ForkedCrawl) and proc.lost):
                        signal_group(proc.pid, signal.SIGKILL)
            finally:
                with self.lock:
                    self.running.pop(proc.pid, None)
            out.seek(0)
            log_summary(job.id, out.read().decode("utf-8", "replace"))
        if isinstance(proc, ForkedCrawl) and proc.lost:
            LOGGER.error(
                "%s: crawl of %s lost its fork server: it stops itself, its status is unknown",
                job.id,
                ", ".join(sources),
            )
            return "failed", "the crawl fork server ended during the crawl"
        if proc.returncode != 0:
            if self.stopping.is_set():
                return "stopped", "daemon stopping"
            return "failed", f"crawl exited with status {proc.returncode}"
        return "ok", None

    def _start(
        self, argv: list[str], env: dict[str, str], out: int, locks: list[int]
    ) -> subprocess.Popen[bytes] | ForkedCrawl:
        """A child forked by the warm server, else (the server failing) a fresh interpreter."""
        try:
            return self.forks.launch(argv, env, [out, *locks])
        except (ForkServerError, OSError) as exc:
            LOGGER.error("crawl fork server failed, starting the crawl afresh: %s", exc)
        return subprocess.Popen(
            [sys.executable, "-m", "crawler.cli", *argv],
            stdout=out,
            env=env,
            start_new_session=True,
            pass_fds=locks,
        )

    def stop_all(self) -> None:
        """Ask every running crawl to stop; kill those still running after the grace period."""
        with self.lock:
            running = list(self.running.values())
        for r in running:
            self.ask_to_stop(r.process.pid)
        deadline = time.monotonic() + STOP_GRACE_S
        for r in running:
            if end_group(r.process, max(0.1, deadline - time.monotonic()), asked=True):
                self._close_runs(r.sources, "stopped", "killed when the daemon stopped")

    def ask_to_stop(self, pid: int) -> None:
        """One SIGTERM per child, whether its time limit, a daemon stop, or both, asked first."""
        with self.lock:
            r = self.running.get(pid)
            if r is None or r.asked:
                return
            r.asked = True
            r.process.terminate()

    def _close_runs(self, sources: list[str], status: str, reason: str) -> None:
        try:
            with closing(Store(self.db_path)) as store, store.write():
                store.crawl.close_killed_runs(sources, status, reason)
        except (sqlite3.Error, StoreError) as exc:  # the next run of each says `interrupted`
            LOGGER.error("runs of %s left open: %s", ", ".join(sources), exc)


def signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):  # the group is gone
        os.killpg(pgid, sig)


def end_group(
    proc: subprocess.Popen[bytes] | ForkedCrawl, grace: float = STOP_GRACE_S, asked: bool = False
) -> bool:
    """SIGTERM to the child (Scrapy's graceful stop, which lets its workers finish the pages in
    hand), then SIGKILL to its whole group after the grace period; never waits longer than grace +
    REAP_WAIT_S. Returns whether it had to be killed (its runs were not closed)."""
    if not asked:
        proc.terminate()
    try:
        proc.wait(grace)
        return False
    except subprocess.TimeoutExpired:
        pass
    signal_group(proc.pid, signal.SIGKILL)
    try:
        proc.wait(REAP_WAIT_S)
    except subprocess.TimeoutExpired:
        LOGGER.error("crawl process %d did not end after SIGKILL", proc.pid)
    return True


def log_summary(job_id: str, text: str) -> None:
    """One labelled line per source from the child's summary table (header, rows, database line):
    `wire: pages 3, new 2, ..., status finished`."""
    lines = text.splitlines()
    names = lines[0].split() if lines else []
    if not names or names[0] != "source":
        return
    for line in lines[1:]:
        values = line.split(maxsplit=len(names) - 1)
        if len(values) != len(names):
            continue
        fields = ", ".join(f"{n} {v}" for n, v in zip(names[1:], values[1:], strict=True))
        LOGGER.info("%s: %s: %s", job_id, values[0], fields)
