"""The chaos soak's view of the daemon: started and stopped as a service manager would, and watched
through /proc (its crawl children, their sessions and peak memory) and through job_runs.

Part of benchmarks/chaos_soak.py; not run on its own.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from daemon_soak import clean_env, kb, proc_status, query, wirewatch  # benchmarks/daemon_soak.py
from procs import Proc, process_table  # benchmarks/procs.py

TICK_S = 0.25
CLK_TCK = os.sysconf("SC_CLK_TCK")


def boot_time() -> float:
    with open("/proc/stat") as f:
        return float(next(line for line in f if line.startswith("btime")).split()[1])


BOOT = boot_time()


def started_at(proc: Proc) -> float:
    """Wall-clock start of a process, from its start in clock ticks after boot."""
    return BOOT + proc.start / CLK_TCK


# -- the daemon, run as a service manager runs it --------------------------------------------------


@dataclass
class Incarnation:
    """One daemon process, from its start to its kill or stop."""

    pid: int
    started: float  # time.time() of its "daemon started" line
    ended: float | None = None
    how: str = ""  # kill -9, SIGTERM
    code: int | None = None
    stop_s: float | None = None
    rss: list[tuple[float, int]] = field(default_factory=list)  # (seconds since start, VmRSS kB)


class Service:
    """The daemon run the way a service manager runs it: one at a time, restarted after a kill; the
    daemon's output, and its crawls' stderr, go to one file, never to a pipe."""

    def __init__(self, cfg: Path, db: Path, schedules: Path, log: Path, out: Path) -> None:
        self.cfg, self.db, self.schedules, self.log, self.out = cfg, db, schedules, log, out
        self.proc: subprocess.Popen[bytes] | None = None
        self.lives: list[Incarnation] = []
        self.pids: set[int] = set()  # every daemon this run started: never reaped by the watcher

    @property
    def current(self) -> Incarnation | None:
        return self.lives[-1] if self.lives and self.lives[-1].ended is None else None

    def start(self) -> Incarnation:
        before = self._started_lines()
        with self.out.open("ab") as sink:
            self.proc = subprocess.Popen(
                [
                    *wirewatch(self.cfg, self.db, "daemon", "--schedules", str(self.schedules)),
                    *("--log-file", str(self.log)),
                ],
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=sink,
                cwd=self.cfg.parent,
                env=clean_env(),
            )
        self.pids.add(self.proc.pid)
        deadline = time.monotonic() + 60
        while self._started_lines() == before:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"chaos_soak: the daemon did not start; see {self.out}")
            time.sleep(0.1)
        life = Incarnation(self.proc.pid, time.time())
        self.lives.append(life)
        return life

    def kill(self) -> Incarnation:
        assert self.proc is not None
        life = self.lives[-1]
        self.proc.kill()
        self.proc.wait()
        life.ended, life.how, life.code = time.time(), "kill -9", self.proc.returncode
        return life

    def terminate(self) -> Incarnation:
        assert self.proc is not None
        life = self.lives[-1]
        t = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            life.code = self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            life.code = self.proc.wait()
        life.stop_s = time.monotonic() - t
        life.ended, life.how = time.time(), "SIGTERM"
        return life

    def _started_lines(self) -> int:
        if not self.log.exists():
            return 0
        return self.log.read_text("utf-8", errors="replace").count("daemon started")


# -- the watcher: /proc and job_runs ---------------------------------------------------------------


@dataclass
class Child:
    """A crawl child of a daemon, as seen in /proc."""

    pid: int
    source: str
    daemon: int
    started: float
    seen: float
    peak_kb: int = 0
    feed_faults: list[str] = field(default_factory=list)
    gone: float | None = None


def crawl_sources(pid: int) -> list[str] | None:
    """The sources of a `crawler.cli ... crawl` process, or None for another command."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = f.read().decode("utf-8", "replace").split("\0")
    except OSError:
        return None
    if "crawler.cli" not in argv or "crawl" not in argv:
        return None
    return [a for a in argv[argv.index("crawl") + 1 :] if a and not a.startswith("-")]


class Watcher(threading.Thread):
    """Reads /proc every TICK_S: each daemon's crawl children (first seen, last seen, peak memory),
    every process of their sessions or under a daemon (to find what outlives a daemon), two crawls
    of one source at once; and each second the current daemon's VmRSS and its running jobs."""

    def __init__(
        self,
        service: Service,
        kinds_in: Callable[[str], list[str]],
        limit: float,
        keep: set[int],
    ) -> None:
        """kinds_in(source): the hostile links its feed lists now; limit: how long a crawl may
        live under a live daemon; keep: our own children that are not orphans (the site server)."""
        super().__init__(daemon=True)
        self.service, self.kinds_in, self.limit, self.keep = service, kinds_in, limit, keep
        self.children: dict[tuple[int, int], Child] = {}
        self.members: dict[tuple[int, int], int] = {}  # process of a crawl's session -> its daemon
        self.overlaps: set[tuple[str, tuple[int, ...]]] = set()
        self.job_age: dict[str, float] = {}  # job id -> longest run seen under a live daemon
        self.hung_jobs: set[tuple[str, str]] = set()  # (job id, last_start)
        self.reaped = 0
        self.halt = threading.Event()
        self.lock = threading.Lock()
        self.last_second = 0.0

    def run(self) -> None:
        while not self.halt.wait(TICK_S):
            self.tick()

    def live(self, table: dict[int, Proc] | None = None) -> dict[tuple[int, int], Proc]:
        """Processes of crawl sessions still alive (zombies are dead)."""
        table = process_table() if table is None else table
        return {
            key: p
            for p in table.values()
            if p.state != "Z" and (key := (p.pid, p.start)) in self.members
        }

    def running_crawls(self, daemon: int) -> list[Child]:
        with self.lock:
            return [c for c in self.children.values() if c.daemon == daemon and c.gone is None]

    def tick(self) -> None:
        table = process_table()
        now = time.time()
        daemons = set(self.service.pids)
        with self.lock:
            sessions = {pid: c.daemon for (pid, _), c in self.children.items() if c.gone is None}
            for p in sorted(table.values(), key=lambda p: p.start):  # parents before children
                key = (p.pid, p.start)
                if p.state == "Z" or key in self.members:
                    continue
                if p.ppid in daemons and p.sid == p.pid and key not in self.children:
                    sources = crawl_sources(p.pid)
                    if sources is not None:
                        self.children[key] = Child(
                            p.pid, ",".join(sources), p.ppid, started_at(p), now
                        )
                        sessions[p.pid] = p.ppid
                # A crawl's session, or anything else whose parent chain leads to a daemon.
                owner = sessions.get(p.sid)
                if owner is None and p.ppid in daemons:
                    owner = p.ppid
                parent = table.get(p.ppid)
                if owner is None and parent is not None:
                    owner = self.members.get((parent.pid, parent.start))
                if owner is not None:
                    self.members[key] = owner
            by_source: dict[str, list[int]] = {}
            for key, child in self.children.items():
                if child.gone is not None:
                    continue
                proc = table.get(key[0])
                if proc is None or proc.start != key[1] or proc.state == "Z":
                    child.gone = now
                    continue
                child.seen = now
                by_source.setdefault(child.source, []).append(child.pid)
                for source in child.source.split(","):
                    for kind in self.kinds_in(source):
                        if kind not in child.feed_faults:
                            child.feed_faults.append(kind)
                with contextlib.suppress(OSError):  # it ended since the scan
                    child.peak_kb = max(child.peak_kb, kb(proc_status(child.pid), "VmHWM"))
            for source, pids in by_source.items():
                if len(pids) > 1:
                    self.overlaps.add((source, tuple(sorted(pids))))
        self._reap(table)
        if now - self.last_second >= 1.0:
            self.last_second = now
            self._each_second(now)

    def left_by(self, daemon: int) -> set[tuple[int, int]]:
        """Processes of the daemon's crawls (or started under it) alive now, after a fresh look."""
        self.tick()
        with self.lock:
            return {k for k in self.live() if self.members.get(k) == daemon}

    def _reap(self, table: dict[int, Proc]) -> None:
        """Orphans reparented to us (we are the subreaper) are reaped, so none stays a zombie."""
        me = os.getpid()
        for p in table.values():
            if p.ppid == me and p.pid not in self.keep and p.pid not in self.service.pids:
                try:
                    done, _ = os.waitpid(p.pid, os.WNOHANG)
                except ChildProcessError:
                    continue
                self.reaped += 1 if done else 0

    def _each_second(self, now: float) -> None:
        life = self.service.current
        if life is None:
            return
        try:
            rss = kb(proc_status(life.pid), "VmRSS")
        except OSError:
            return  # it is being killed
        if rss:  # 0: exiting, its memory already gone
            life.rss.append((now - life.started, rss))
        rows = query(
            self.service.db, "SELECT job_id, last_start, last_end FROM job_runs WHERE kind='crawl'"
        )
        for job_id, start, end in rows:
            if not start or (end is not None and end >= start):
                continue
            began = datetime.fromisoformat(start).timestamp()
            if began < life.started - 1:
                continue  # left running by a daemon that was killed
            age = now - began
            with self.lock:
                self.job_age[job_id] = max(self.job_age.get(job_id, 0.0), age)
                if age > self.limit:
                    self.hung_jobs.add((job_id, start))
