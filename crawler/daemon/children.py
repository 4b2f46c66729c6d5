"""Crawls in child processes: `wirewatch crawl SOURCE...` with a time limit and its summary logged,
and every running child stopped (then killed) when the daemon stops."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crawler.config import Job
from crawler.store.locks import HELD_ENV

LOGGER = logging.getLogger(__name__)
STOP_GRACE_S = 5.0


@dataclass
class Running:
    job_id: str
    process: subprocess.Popen[str]


class CrawlChildren:
    """The crawl processes a daemon has started."""

    def __init__(self, db_path: Path, stopping: threading.Event):
        self.db_path = db_path
        self.stopping = stopping
        self.running: dict[int, Running] = {}
        self.lock = threading.Lock()

    def run(self, job: Job, sources: list[str], config_path: Path) -> tuple[str, str | None]:
        """Crawl sources in a child that inherits their locks; returns (job status, error)."""
        if self.stopping.is_set():
            return "skipped", "daemon stopping"
        cmd = [sys.executable, "-m", "crawler.cli", "--config", str(config_path)]
        cmd += ["--db", str(self.db_path), "crawl", "--no-progress", *sources]
        env = {**os.environ, HELD_ENV: ",".join(sources)}
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
        with self.lock:
            self.running[proc.pid] = Running(job.id, proc)
        try:
            try:
                out, _ = proc.communicate(timeout=job.timeout)
            except subprocess.TimeoutExpired:
                self._end(proc)
                LOGGER.error(
                    "%s: crawl of %s stopped after its time limit of %.0fs",
                    job.id,
                    ", ".join(sources),
                    job.timeout,
                )
                return "timed out", f"stopped after {job.timeout:.0f}s"
        finally:
            with self.lock:
                self.running.pop(proc.pid, None)
        for line in (out or "").splitlines()[1:-1]:
            LOGGER.info("%s: %s", job.id, " ".join(line.split()))
        if proc.returncode != 0:
            if self.stopping.is_set():
                return "stopped", "daemon stopping"
            return "failed", f"crawl exited with status {proc.returncode}"
        return "ok", None

    @staticmethod
    def _end(proc: subprocess.Popen[str]) -> None:
        """SIGTERM (Scrapy's graceful stop), then SIGKILL after the grace period."""
        proc.terminate()
        try:
            proc.communicate(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()

    def stop_all(self) -> None:
        """Ask every running crawl to stop; kill those still running after the grace period."""
        with self.lock:
            running = list(self.running.values())
        for r in running:
            r.process.terminate()
        deadline = datetime.now(UTC) + timedelta(seconds=STOP_GRACE_S)
        for r in running:
            remaining = max(0.1, (deadline - datetime.now(UTC)).total_seconds())
            try:
                r.process.wait(remaining)
            except subprocess.TimeoutExpired:
                r.process.kill()
                r.process.wait()
