"""Idle polls of a fleet of feed sources under `wirewatch daemon`: CPU per poll, polls done against
the schedule, how bunched the polls are, and how the rounds drift.

Run by hand (it is not a test):

    .venv/bin/python benchmarks/idle_polls.py [--sources 100] [--seconds 240] [--mode all|each|both]
        [--root CHECKOUT]

--root runs the wirewatch of another checkout (its `crawler` package, with this interpreter), to
measure the code before a change with the same benchmark.

What it does, all on 127.0.0.1 in a temporary folder:
  - generates N feed sources (one RSS feed each, one entry) and serves them with
    crawler.demo.server.SiteServer from a separate process, which answers 304 to a request that
    carries the feed's ETag;
  - crawls every source once by hand (`wirewatch crawl`), so that each has its validators and its
    entry stored, and every poll of the daemon is answered 304 and stores nothing;
  - starts `wirewatch daemon` with one of two schedules and lets it run for --seconds:
      all:  one [[crawl]] job for ["*"], every 60 s (jitter --jitter);
      each: one [[crawl]] job per source, every 60, 90, 120 or 180 s in turn (jitter --jitter);
  - after --warm seconds, reads the CPU of the daemon and of its fork server, and of every process
    they started (utime+stime+cutime+cstime of /proc/<pid>/stat: children count once their parent
    has reaped them; this process is the child subreaper, so what a crawl leaves behind is reaped
    and counted here), again at the end, and divides by the polls started in between (rows of
    `crawl_runs`).

It prints per schedule: CPU per idle poll; polls done against polls due (window / interval, summed
over the sources); polls not answered 304 or that stored something; the largest share of the
sources polled in any 5 s; the spacing of successive polls of one source against its interval
(drift: a grid keeps the mean at the interval); crawl processes started; daemon RSS.

Goals (issue 11): at most 50 ms of CPU per idle poll, at most a quarter of the sources in any 5 s,
no drift.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

from counting_site import requests_between  # benchmarks/counting_site.py
from fixtures import FeedItem, rss_feed, start_site_server, stop_site_server
from procs import become_subreaper, children_of, process_table  # benchmarks/procs.py

ROOT = Path(__file__).resolve().parents[1]
CLK_TCK = os.sysconf("SC_CLK_TCK")
EACH_INTERVALS = (60, 90, 120, 180)
WINDOW_S = 5.0
GOAL_CPU_MS = 50.0
GOAL_SHARE = 0.25


def source_name(i: int) -> str:
    return f"fleet-{i:03d}"


def make_site(root: Path, n: int) -> None:
    published = datetime(2026, 2, 11, 9, 0, tzinfo=UTC)
    (root / "feeds").mkdir(parents=True)
    (root / "a").mkdir()
    for i in range(n):
        name = source_name(i)
        item = FeedItem(f"Report {i} from the fleet", f"/a/{name}.html", published)
        feed = rss_feed([item], title=name, description=f"feed of {name}")
        (root / "feeds" / f"{name}.xml").write_text(feed, "utf-8")
        page = (
            f"<html><head><title>Report {i}</title></head><body><article><h1>Report {i}</h1>"
            f"<p>Hanoi (VNA) - Officials of province {i} reviewed {i * 7} kilometres of roads "
            f"and {i * 3} bridges on Wednesday, ahead of the rainy season./.</p></article>"
            "</body></html>"
        )
        (root / "a" / f"{name}.html").write_text(page, "utf-8")


def make_config(path: Path, base: str, n: int) -> None:
    lines = [
        "[crawl]\ndelay = 0.0\nautothrottle = false\nextract_workers = 1\nretries = 1\n"
        "timeout = 10.0\n"
    ]
    for i in range(n):
        name = source_name(i)
        lines.append(
            f'[[sources]]\nname = "{name}"\nkind = "feed"\nurls = ["{base}/feeds/{name}.xml"]\n'
        )
    path.write_text("\n".join(lines), "utf-8")


def schedule(mode: str, n: int, jitter: str, batch: str) -> tuple[str, dict[str, float]]:
    """The schedule file's text and each source's interval in seconds."""
    extra = f'jitter = "{jitter}"\n' if jitter else ""
    extra += f'batch = "{batch}"\n' if batch else ""
    if mode == "all":
        text = f'[[crawl]]\nsources = ["*"]\nevery = "60s"\ntimeout = "5m"\n{extra}'
        return text, {source_name(i): 60.0 for i in range(n)}
    parts, every = [], {}
    for i in range(n):
        seconds = EACH_INTERVALS[i % len(EACH_INTERVALS)]
        every[source_name(i)] = float(seconds)
        parts.append(
            f'[[crawl]]\nsources = ["{source_name(i)}"]\nevery = "{seconds}s"\n'
            f'timeout = "5m"\n{extra}'
        )
    return "\n".join(parts), every


def proc_cpu(pid: int) -> float:
    """Seconds of CPU of pid and of the children it has reaped."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / CLK_TCK


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def tree_cpu(root: int) -> float:
    """Seconds of CPU of root and of its live children (the fork server), each with what it has
    reaped."""
    total = 0.0
    for pid in [root, *children_of(root)]:
        with contextlib.suppress(OSError, ValueError):  # ended since: in root's reaped children
            total += proc_cpu(pid)
    return total


def fork_server(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read()
    except OSError:
        return False
    return b"fork server" in cmdline or b"forkserver" in cmdline


class Reaper:
    """Reaps what our subreaping leaves us (processes a crawl left behind), counting their CPU
    while `counting` is set; notes the crawl processes the daemon starts (directly, or through its
    fork server)."""

    def __init__(self, keep: set[int], daemon: int) -> None:
        self.keep = keep
        self.daemon = daemon
        self.crawls: set[tuple[int, int]] = set()
        self.cpu = 0.0
        self.counting = False
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stopped.wait(0.25):
            if self.counting:
                table = process_table().values()
                servers = {p.pid for p in table if p.ppid == self.daemon and fork_server(p.pid)}
                self.crawls |= {
                    (p.pid, p.start)
                    for p in table
                    if p.ppid in {self.daemon, *servers}
                    and p.pid not in servers
                    and p.sid == p.pid  # a crawl leads its own session
                }
            while True:
                try:
                    pid, _, ru = os.wait4(-1, os.WNOHANG)
                except ChildProcessError:
                    break
                if pid == 0:
                    break
                if pid in self.keep:  # not ours to reap; cannot happen while they live
                    continue
                if self.counting:
                    self.cpu += ru.ru_utime + ru.ru_stime


@dataclass
class Result:
    mode: str
    cpu_s: float
    window_s: float
    polls: int
    due: float
    not_idle: int
    children: int
    max_share: float
    spacing: list[float]  # successive polls of one source, minus its interval
    rss_start: float
    rss_end: float
    robots: int  # robots.txt requests in the measured window
    requests: int  # requests of any path in it


def crawl_runs(db: Path) -> list[tuple[str, float, int, int]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT source, started_at, new_articles, pages FROM crawl_runs ORDER BY started_at"
        ).fetchall()
    return [(s, datetime.fromisoformat(t).timestamp(), new, pages) for s, t, new, pages in rows]


def max_share(times: list[tuple[float, str]], n: int) -> float:
    """The largest share of the n sources polled within any WINDOW_S seconds."""
    best = 0
    times = sorted(times)
    j = 0
    for i in range(len(times)):
        while times[i][0] - times[j][0] > WINDOW_S:
            j += 1
        best = max(best, len({s for _, s in times[j : i + 1]}))
    return best / n


def run_mode(
    mode: str, args: argparse.Namespace, base: str, tmp: Path, server_pid: int, asked_log: Path
) -> Result:
    folder = tmp / mode
    folder.mkdir()
    cfg, db = folder / "wirewatch.toml", folder / "fleet.db"
    make_config(cfg, base, args.sources)
    text, every = schedule(mode, args.sources, args.jitter, args.batch)
    schedules = folder / "schedules"
    schedules.mkdir()
    (schedules / "fleet.toml").write_text(text, "utf-8")
    cli = [sys.executable, "-m", "crawler.cli", "--config", str(cfg), "--db", str(db)]
    first = subprocess.run(
        [*cli, "crawl", "--no-progress"], cwd=args.root, capture_output=True, text=True, timeout=900
    )
    if first.returncode != 0:
        raise SystemExit(f"idle_polls: the first crawl failed: {first.stderr[-2000:]}")
    log = folder / "daemon.log"
    daemon = subprocess.Popen(
        [*cli, "daemon", "--schedules", str(schedules), "--log-file", str(log)],
        cwd=args.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    reaper = Reaper({server_pid, daemon.pid}, daemon.pid)
    try:
        started = time.time()
        time.sleep(args.warm)
        rss_start = rss_mb(daemon.pid)
        reaper.counting = True
        t0, cpu0 = time.time(), tree_cpu(daemon.pid)
        time.sleep(args.seconds)
        t1, cpu1 = time.time(), tree_cpu(daemon.pid)
        reaper.counting = False
        rss_end = rss_mb(daemon.pid)
    finally:
        daemon.send_signal(signal.SIGTERM)
        try:
            daemon.wait(60)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait()
        reaper.stopped.set()
        reaper.thread.join()
    asked = requests_between(asked_log, t0, t1)
    runs = crawl_runs(db)
    in_window = [r for r in runs if t0 <= r[1] < t1]
    spacing = []
    by_source: dict[str, list[float]] = {}
    for source, t, _, _ in runs:
        if t >= started:
            by_source.setdefault(source, []).append(t)
    for source, times in by_source.items():
        spacing += [b - a - every[source] for a, b in pairwise(times)]
    return Result(
        mode=mode,
        cpu_s=cpu1 - cpu0 + reaper.cpu,
        window_s=t1 - t0,
        polls=len(in_window),
        due=sum((t1 - t0) / e for e in every.values()),
        not_idle=sum(1 for r in in_window if r[2] or r[3] != 1),
        children=len(reaper.crawls),
        max_share=max_share([(r[1], r[0]) for r in in_window], args.sources),
        spacing=spacing,
        rss_start=rss_start,
        rss_end=rss_end,
        robots=sum(1 for p in asked if p == "/robots.txt"),
        requests=len(asked),
    )


def report(r: Result, n: int) -> None:
    per_poll = 1000 * r.cpu_s / r.polls if r.polls else float("nan")
    print(
        f"{r.mode}: {n} sources, {r.window_s:.0f} s measured: "
        f"CPU {r.cpu_s:.1f} s, {per_poll:.0f} ms per idle poll (goal {GOAL_CPU_MS:.0f}); "
        f"polls {r.polls} of {r.due:.0f} due; not 304 or stored something: {r.not_idle}"
    )
    print(
        f"  largest share of sources polled in any {WINDOW_S:.0f} s: {r.max_share:.0%} "
        f"(goal {GOAL_SHARE:.0%}); crawl processes started: {r.children}"
    )
    if r.spacing:
        print(
            "  successive polls of a source, spacing minus interval: "
            f"mean {statistics.mean(r.spacing):+.1f} s, "
            f"median {statistics.median(r.spacing):+.1f}, min {min(r.spacing):+.1f}, "
            f"max {max(r.spacing):+.1f} ({len(r.spacing)} pairs)"
        )
    print(f"  requests {r.requests}, of them robots.txt {r.robots}")
    print(f"  daemon RSS {r.rss_start:.0f} MB after warm-up, {r.rss_end:.0f} MB at the end")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", type=int, default=100)
    ap.add_argument("--seconds", type=float, default=240.0, help="measured time per schedule")
    ap.add_argument("--warm", type=float, default=30.0, help="seconds before measuring")
    ap.add_argument("--jitter", default="", help='jitter of the jobs, e.g. "10s" (default none)')
    ap.add_argument("--batch", default="", help='batch of the jobs, e.g. "15s" (default none)')
    ap.add_argument("--mode", choices=["all", "each", "both"], default="both")
    ap.add_argument("--root", type=Path, default=ROOT, help="the checkout to run (default: this)")
    args = ap.parse_args()
    # A stop (SIGTERM, or SIGINT when started in the background) still stops the daemon.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, signal.default_int_handler)
    subreaper = become_subreaper()
    with tempfile.TemporaryDirectory(prefix="idle-polls-") as name:
        tmp = Path(name)
        make_site(tmp / "site", args.sources)
        server, base = start_site_server(
            tmp / "site",
            who="idle_polls",
            backlog=256,
            cwd=Path(__file__).resolve().parent,
            server="counting_site:CountingSite",
        )
        try:
            modes = ["all", "each"] if args.mode == "both" else [args.mode]
            asked_log = tmp / "requests.log"
            results = [run_mode(m, args, base, tmp, server.pid, asked_log) for m in modes]
        finally:
            stop_site_server(server)
    print(f"subreaper {'on' if subreaper else 'OFF'}; load average {os.getloadavg()[0]:.1f}")
    for r in results:
        report(r, args.sources)


if __name__ == "__main__":
    main()
