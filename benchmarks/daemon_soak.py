"""A soak of `wirewatch daemon` as a real process: memory over hundreds of crawl cycles, CPU per
idle poll, and the delay from an article appearing on a site to its immediate alert reaching Slack.

Run by hand (it is not a test):

    /work/venv/bin/python benchmarks/daemon_soak.py [--cycles 500] [--sources 4] [--every 1s]

What it does, all on 127.0.0.1 in a temporary folder:
  1. soak: generates a small wire site (one RSS feed per source, three article pages each) and
     serves it with crawler.demo.server.SiteServer from a separate process, so the server does not
     compete with the daemon's process for its GIL. Starts `wirewatch daemon` with one [[crawl]] job
     per source, each `every` (default 1 s), and lets it run until the `crawl_runs` table holds
     --cycles finished runs (one crawl child per job run, one source each: a cycle is a row of
     crawl_runs). The site never changes, so after the first run of each source every poll is
     answered 304. The daemon's resident memory (VmRSS of /proc/<pid>/status) is sampled every
     second: "warm" is the median over cycles 10 to 19, "end" the median of the last ten samples.
     Its own CPU and its reaped children's CPU (utime+stime and cutime+cstime of /proc/<pid>/stat)
     are read at the warm point and at the end, per cycle. Crawl children are caught from /proc
     while they run (their VmHWM, the peak resident memory). Then SIGTERM: the stop time and the
     exit status.
  2. idle poll CPU: the daemon stopped, `wirewatch crawl SOURCE` is run --idle-runs times against
     the same database and the unchanged feed (each run is checked to have been answered 304 and to
     have stored nothing); CPU is getrusage(RUSAGE_CHILDREN) before and after each run, with this
     process made the child subreaper, so processes the crawl leaves behind (multiprocessing's
     resource tracker, extraction workers) are reparented here, reaped, and counted too.
  3. alert delay: a fresh database and a config with a Slack channel pointing at a stand-in served
     by this process (its receipt time taken when the request arrives), the rule
     `[[rules]] name = "all"  query = "ASEAN"  channels = ["slack"]  mode = "immediate"`, and one
     source polled every --alert-every seconds (default 5). --alert-trials times: wait a random
     part of the poll interval, add an article mentioning ASEAN (page first, then the feed, replaced
     atomically; t0 when the feed is in place) and wait for the Slack message carrying its title.
     Each delay is split into the wait for the next poll (job_runs.last_start of the run that
     delivered) and the run itself.
     Goal: delay under the poll interval plus 5 s.

Goals: daemon RSS growth under 10% from warm to end; alert delay under poll interval + 5 s.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from fixtures import CITIES, FeedItem, Slots, rss_feed, start_site_server, stop_site_server
from procs import become_subreaper, children_cpu, children_of, reap_orphans  # benchmarks/procs.py

ROOT = Path(__file__).resolve().parents[1]
GOAL_RSS_GROWTH = 10.0  # %
GOAL_ALERT_MARGIN = 5.0  # s beyond the poll interval
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_KB = 1024
SEED = 20260211
WARM_CYCLES = 10

# -- generated wire copy: distinct texts, so no two articles fall into one story -------------------

BODIES = [
    "the trade ministry",
    "port authorities",
    "the central bank",
    "provincial officials",
    "the energy regulator",
    "a parliamentary committee",
    "the fisheries agency",
    "customs officers",
    "the weather bureau",
    "city planners",
    "the rail operator",
    "health inspectors",
]
ACTIONS = [
    "reported",
    "announced",
    "reviewed",
    "approved",
    "postponed",
    "outlined",
    "questioned",
    "published",
    "revised",
    "extended",
    "completed",
    "examined",
]
THINGS = [
    "a budget for coastal roads",
    "new rules on rice exports",
    "a study of river floods",
    "figures on tourist arrivals",
    "a plan for solar farms",
    "tenders for a metro line",
    "a survey of small factories",
    "limits on night fishing",
    "a review of bus fares",
    "a census of mangrove forests",
    "targets for vaccine stocks",
    "a scheme for rooftop gardens",
]
TAILS = [
    "after a week of hearings",
    "ahead of the monsoon season",
    "despite objections from traders",
    "following a request from farmers",
    "as prices rose for a third month",
    "before the end of the quarter",
    "with support from local banks",
    "after talks with district leaders",
    "in a statement on its website",
    "at a briefing for reporters",
]


POOLS: dict[str, Sequence[object]] = {
    "city": CITIES,
    "body": BODIES,
    "action": ACTIONS,
    "thing": THINGS,
    "tail": TAILS,
    "items": range(2, 9801),
    "millions": range(10, 991),
    "tenths": range(10),
}
SENTENCE = (
    "{city} {body} {action} {thing} {tail}, with {items} items listed and a figure of "
    "{millions}.{tenths} million."
)


def article_page(rng: random.Random, title: str, dateline: str, extra: str = "") -> str:
    slots = Slots(rng, POOLS)
    paras = [f"<p>{dateline} (WW) – {extra}{' '.join(slots.fill(SENTENCE) for _ in range(2))}</p>"]
    paras += [f"<p>{' '.join(slots.fill(SENTENCE) for _ in range(3))}</p>" for _ in range(6)]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title} | Soak Wire</title></head><body>\n"
        '<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business'
        "</a></nav></header>\n<main><article>\n"
        f"<h1>{title}</h1>\n" + "\n".join(paras) + "\n</article>\n"
        '<aside><h3>Related</h3><ul><li><a href="/x">Weather this weekend</a></li></ul>'
        "</aside></main>\n"
        "<footer>Copyright 2026 Soak Wire.</footer></body></html>\n"
    )


def rss(items: list[FeedItem]) -> str:
    return rss_feed(items, title="Soak Wire", description="soak feed")


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, "utf-8")
    os.replace(tmp, path)


def build_site(root: Path, sources: int, rng: random.Random) -> None:
    (root / "a").mkdir(parents=True, exist_ok=True)
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", "utf-8")
    now = datetime.now(UTC)
    for s in range(1, sources + 1):
        items = []
        for i in range(1, 4):
            title = f"Soak source {s} report {i}: {rng.choice(THINGS)}"
            path = f"/a/s{s}-{i}.html"
            (root / path.lstrip("/")).write_text(
                article_page(rng, title, rng.choice(CITIES)), "utf-8"
            )
            items.append(FeedItem(title, path, now - timedelta(hours=i)))
        write_atomic(root / f"feed-{s}.xml", rss(items))


# -- processes -------------------------------------------------------------------------------------


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def wirewatch(cfg: Path, db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "crawler.cli", "--config", str(cfg), "--db", str(db), *args]


def start_daemon(
    cfg: Path, db: Path, schedules: Path, log: Path, out: Path
) -> subprocess.Popen[bytes]:
    with out.open("ab") as sink:  # the daemon's stderr (and its children's) never fills a pipe
        proc = subprocess.Popen(
            wirewatch(cfg, db, "daemon", "--schedules", str(schedules), "--log-file", str(log)),
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=sink,
            cwd=cfg.parent,
            env=clean_env(),
        )
    wait_for(
        lambda: log.exists() and "daemon started" in log.read_text("utf-8"),
        60,
        lambda: proc.poll() is not None,
        f"the daemon did not start; see {out}",
    )
    return proc


def stop_daemon(proc: subprocess.Popen[bytes]) -> tuple[int, float]:
    t = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        code = proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        code = proc.wait()
    return code, time.monotonic() - t


def wait_for(
    cond: Callable[[], bool],
    timeout: float,
    dead: Callable[[], bool] | None = None,
    what: str = "condition not met",
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return
        if dead is not None and dead():
            raise SystemExit(f"daemon_soak: {what}")
        time.sleep(0.2)
    raise SystemExit(f"daemon_soak: {what} (after {timeout:.0f}s)")


# -- /proc -----------------------------------------------------------------------------------------


def proc_status(pid: int) -> dict[str, str]:
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            out[key] = value.strip()
    return out


def kb(status: dict[str, str], key: str) -> int:
    return int(status.get(key, "0 kB").split()[0])


def proc_stat(pid: int) -> list[str]:
    """The fields of /proc/<pid>/stat after the command name: [0] is field 3 (state), [1] ppid,
    ..."""
    with open(f"/proc/{pid}/stat") as f:
        data = f.read()
    return data[data.rindex(")") + 2 :].split()


def proc_cpu(pid: int) -> tuple[float, float]:
    """(own CPU seconds, CPU seconds of its reaped children) from utime+stime and cutime+cstime."""
    f = proc_stat(pid)
    return (int(f[11]) + int(f[12])) / CLK_TCK, (int(f[13]) + int(f[14])) / CLK_TCK


# -- database --------------------------------------------------------------------------------------


def query(db: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if not db.exists():
        return []
    con = sqlite3.connect(str(db), timeout=10)
    try:
        return con.execute(sql, params).fetchall()
    except sqlite3.OperationalError:  # tables not created yet
        return []
    finally:
        con.close()


def finished_runs(db: Path) -> int:
    rows = query(db, "SELECT COUNT(*) FROM crawl_runs WHERE finished_at IS NOT NULL")
    return int(rows[0][0]) if rows else 0


# -- configs ---------------------------------------------------------------------------------------

CRAWL = (
    "[crawl]\ndelay = 0.0\nautothrottle = false\nextract_workers = 1\nretries = 1\ntimeout = 10.0"
    "\n\n"
)


def source_entry(name: str, url: str) -> str:
    return (
        f'[[sources]]\nname = "{name}"\nkind = "feed"\nagency = "Soak Wire"\nlanguage = "en"\n'
        f'urls = ["{url}"]\n\n'
    )


# -- phase 1: soak ---------------------------------------------------------------------------------


@dataclass
class Soak:
    cfg: Path
    db: Path
    cycles: int = 0
    wall: float = 0.0
    rss_warm_kb: float = 0.0
    rss_end_kb: float = 0.0
    rss_max_kb: int = 0
    hwm_end_kb: int = 0
    trajectory: list[tuple[int, int]] = field(default_factory=list)  # (cycles, VmRSS kB)
    cpu_own: float = 0.0  # warm -> end
    cpu_children: float = 0.0
    cycles_measured: int = 0
    wall_measured: float = 0.0
    threads: tuple[int, int] = (0, 0)
    fds: tuple[int, int] = (0, 0)
    child_peaks_kb: list[int] = field(default_factory=list)
    grandchildren: int = 0
    stop_code: int = 0
    stop_s: float = 0.0
    statuses: list[tuple[Any, ...]] = field(default_factory=list)
    jobs: list[tuple[Any, ...]] = field(default_factory=list)
    log_counts: dict[str, int] = field(default_factory=dict)
    timed_out: bool = False


def fd_count(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def run_soak(tmp: Path, base: str, args: argparse.Namespace) -> Soak:
    cfg, db = tmp / "soak.toml", tmp / "soak.db"
    cfg.write_text(
        CRAWL
        + "".join(
            source_entry(f"soak-{s}", f"{base}/feed-{s}.xml") for s in range(1, args.sources + 1)
        ),
        "utf-8",
    )
    schedules = tmp / "schedules-soak"
    schedules.mkdir()
    (schedules / "soak.toml").write_text(
        "".join(
            f'[[crawl]]\nsources = ["soak-{s}"]\nevery = "{args.every}"\ntimeout = "120s"\n\n'
            for s in range(1, args.sources + 1)
        ),
        "utf-8",
    )
    log, out = tmp / "soak-daemon.log", tmp / "soak-daemon.out"
    res = Soak(cfg=cfg, db=db)
    t0 = time.monotonic()
    daemon = start_daemon(cfg, db, schedules, log, out)
    pid = daemon.pid
    samples: list[tuple[int, int]] = []  # (cycles, VmRSS kB)
    peaks: dict[int, int] = {}  # crawl child pid -> highest VmHWM seen
    grandkids: set[int] = set()
    warm: tuple[float, float, int, float] | None = None  # cpu own, cpu children, cycles, monotonic
    next_mark = 100
    last_sample = 0.0
    deadline = t0 + args.max_minutes * 60
    try:
        while True:
            now = time.monotonic()
            for kid in children_of(pid):
                try:
                    peaks[kid] = max(peaks.get(kid, 0), kb(proc_status(kid), "VmHWM"))
                    grandkids.update(children_of(kid))
                except OSError:
                    pass
            if now - last_sample >= 1.0:
                last_sample = now
                n = finished_runs(db)
                st = proc_status(pid)
                samples.append((n, kb(st, "VmRSS")))
                if warm is None and n >= WARM_CYCLES:
                    own, kids = proc_cpu(pid)
                    warm = (own, kids, n, now)
                    res.threads = (int(st["Threads"]), 0)
                    res.fds = (fd_count(pid), 0)
                if n >= next_mark:
                    res.trajectory.append((n, kb(st, "VmRSS")))
                    next_mark += 100
                if n >= args.cycles or now > deadline:
                    res.timed_out = n < args.cycles
                    res.cycles = n
                    own, kids = proc_cpu(pid)
                    if warm is not None:
                        res.cpu_own, res.cpu_children = own - warm[0], kids - warm[1]
                        res.cycles_measured, res.wall_measured = n - warm[2], now - warm[3]
                    res.threads = (res.threads[0], int(st["Threads"]))
                    res.fds = (res.fds[0], fd_count(pid))
                    res.hwm_end_kb = kb(st, "VmHWM")
                    break
                if daemon.poll() is not None:
                    raise SystemExit(
                        f"daemon_soak: the daemon exited with {daemon.returncode}; see {out}"
                    )
            time.sleep(0.3)
    finally:
        res.wall = time.monotonic() - t0
        res.stop_code, res.stop_s = stop_daemon(daemon)
    warm_samples = [r for n, r in samples if WARM_CYCLES <= n < WARM_CYCLES + 10] or [samples[0][1]]
    res.rss_warm_kb = statistics.median(warm_samples)
    res.rss_end_kb = statistics.median([r for _, r in samples[-10:]])
    res.rss_max_kb = max(r for _, r in samples)
    res.child_peaks_kb = sorted(peaks.values())
    res.grandchildren = len(grandkids)
    res.statuses = query(
        db,
        "SELECT status, COUNT(*), SUM(pages), SUM(new_articles), SUM(errors) FROM crawl_runs "
        "GROUP BY status",
    )
    res.jobs = query(db, "SELECT last_status, COUNT(*) FROM job_runs GROUP BY last_status")
    daemon_log = log.read_text("utf-8")  # the daemon's own lines
    stderr = out.read_text(
        "utf-8", errors="replace"
    )  # the daemon's and its crawl children's stderr
    res.log_counts = {
        "runs skipped (previous run still going)": daemon_log.count(
            "its previous run is still going"
        ),
        "runs skipped (source busy)": daemon_log.count("a crawl of it is still running"),
        "time limit": daemon_log.count("stopped after its time limit"),
        "ERROR lines": sum(1 for ln in stderr.splitlines() if " ERROR " in ln),
        "Traceback": stderr.count("Traceback"),
    }
    return res


# -- phase 2: CPU of one idle poll -----------------------------------------------------------------


@dataclass
class Idle:
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    orphans: int = 0
    maxrss_kb: int = 0
    not_304: int = 0
    stored: int = 0
    subreaper: bool = False


def run_idle(cfg: Path, db: Path, base: str, runs: int, keep: set[int]) -> Idle:
    res = Idle(subreaper=become_subreaper(True))
    feed = f"{base}/feed-1.xml"
    before_articles = query(db, "SELECT COUNT(*) FROM articles")[0][0]
    try:
        for _ in range(runs):
            cpu0, w0 = children_cpu(), time.perf_counter()
            done = subprocess.run(
                wirewatch(cfg, db, "crawl", "--no-progress", "soak-1"),
                capture_output=True,
                text=True,
                cwd=cfg.parent,
                env=clean_env(),
                stdin=subprocess.DEVNULL,
                check=False,
            )
            wall = time.perf_counter() - w0
            reaped, _ = reap_orphans(keep)
            cpu = children_cpu() - cpu0
            if done.returncode != 0:
                raise SystemExit(
                    f"daemon_soak: wirewatch crawl exited with {done.returncode}:\n{done.stderr}"
                )
            res.orphans += reaped
            res.cpu.append(cpu)
            res.wall.append(wall)
            last = query(db, "SELECT last_status FROM seed_state WHERE url = ?", (feed,))
            if not last or last[0][0] != 304:
                res.not_304 += 1
    finally:
        become_subreaper(False)
    res.maxrss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    res.stored = query(db, "SELECT COUNT(*) FROM articles")[0][0] - before_articles
    return res


# -- phase 3: alert delay --------------------------------------------------------------------------


class SlackStandIn:
    """Slack's incoming webhook on loopback: answers 200 `ok` and notes when each message
    arrived."""

    def __init__(self) -> None:
        self.received: list[tuple[float, str]] = []  # (time.time() at arrival, raw JSON)
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                arrived = time.time()
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with outer.lock:
                    outer.received.append((arrived, body.decode("utf-8", "replace")))
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *a: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/services/T000/B000/SOAKSECRET"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def find(self, token: str) -> list[float]:
        with self.lock:
            return [t for t, raw in self.received if token in raw]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@dataclass
class Trial:
    delay: float
    wait: (
        float | None
    )  # t0 -> start of the job run that delivered (negative: it was starting up at t0)
    run: float | None  # that start -> Slack receipt
    copies: int = 1


def run_alerts(
    tmp: Path, site: Path, base: str, args: argparse.Namespace, rng: random.Random
) -> list[Trial]:
    slack = SlackStandIn()
    cfg, db = tmp / "alerts.toml", tmp / "alerts.db"
    cfg.write_text(
        CRAWL + "[delivery]\nretry_base_seconds = 0\n\n"
        f'[channels.slack]\ntype = "slack"\nwebhook_url = "{slack.url}"\n\n'
        + source_entry("wire", f"{base}/alerts.xml")
        + '[[rules]]\nname = "all"\nquery = "ASEAN"\nchannels = ["slack"]\nmode = "immediate"\n',
        "utf-8",
    )
    schedules = tmp / "schedules-alerts"
    schedules.mkdir()
    (schedules / "alerts.toml").write_text(
        f'[[crawl]]\nsources = ["wire"]\nevery = "{args.alert_every:g}s"\ntimeout = "120s"\n',
        "utf-8",
    )
    now = datetime.now(UTC)
    items: list[FeedItem] = []
    for i in range(1, 3):  # a starting site without ASEAN in it: no alert before the trials
        title = f"Local desk report {i}: {rng.choice(THINGS)}"
        path = f"/a/local-{i}.html"
        (site / path.lstrip("/")).write_text(article_page(rng, title, rng.choice(CITIES)), "utf-8")
        items.append(FeedItem(title, path, now - timedelta(hours=i)))
    write_atomic(site / "alerts.xml", rss(items))
    log, out = tmp / "alerts-daemon.log", tmp / "alerts-daemon.out"
    daemon = start_daemon(cfg, db, schedules, log, out)
    trials: list[Trial] = []
    try:
        wait_for(
            lambda: finished_runs(db) >= 1,
            60,
            lambda: daemon.poll() is not None,
            f"the first crawl of the alert phase did not finish; see {out}",
        )
        for i in range(1, args.alert_trials + 1):
            time.sleep(
                rng.uniform(0.5, args.alert_every + 0.5)
            )  # land at a random point of the poll cycle
            token = f"Soaktoken{i}x{rng.randint(1000, 9999)}"
            title = f"ASEAN partners weigh {rng.choice(THINGS)} ({token})"
            path = f"/a/alert-{i}.html"
            (site / path.lstrip("/")).write_text(
                article_page(
                    rng,
                    title,
                    rng.choice(CITIES),
                    extra=f"ASEAN officials discussed the {token} file. ",
                ),
                "utf-8",
            )
            items.insert(0, FeedItem(title, path, datetime.now(UTC)))
            write_atomic(site / "alerts.xml", rss(items))
            t0 = time.time()
            wait_for(
                lambda token=token: bool(slack.find(token)),
                90,
                lambda: daemon.poll() is not None,
                f"no Slack message for trial {i}; see {out}",
            )
            arrived = slack.find(token)[0]
            start = query(db, "SELECT last_start FROM job_runs WHERE job_id = 'alerts:crawl:0'")
            started = (
                datetime.fromisoformat(start[0][0]).timestamp() if start and start[0][0] else None
            )
            # The run that delivered started after t0, or shortly before it (a child still starting
            # up when the feed changed reads the new feed): a negative wait.
            ok = started is not None and t0 - args.alert_every <= started <= arrived
            trials.append(
                Trial(arrived - t0, started - t0 if ok else None, arrived - started if ok else None)
            )
        time.sleep(args.alert_every + 2)  # anything sent twice would show by now
        for i, trial in enumerate(trials, 1):
            trial.copies = sum(1 for _, raw in slack.received if f"Soaktoken{i}x" in raw)
    finally:
        code, _ = stop_daemon(daemon)
        slack.close()
    if code != 0:
        print(f"warning: the alert-phase daemon exited with {code}; see {out}", file=sys.stderr)
    return trials


# -- report ----------------------------------------------------------------------------------------


def mb(k: float) -> str:
    return f"{k / 1024:.1f} MB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--cycles", type=int, default=500, help="crawl runs (crawl_runs rows) to soak for"
    )
    ap.add_argument("--sources", type=int, default=4, help="sources, each its own [[crawl]] job")
    ap.add_argument("--every", default="1s", help="interval of each soak job")
    ap.add_argument(
        "--max-minutes", type=float, default=16.0, help="stop the soak after this long regardless"
    )
    ap.add_argument("--idle-runs", type=int, default=20)
    ap.add_argument("--alert-trials", type=int, default=5)
    ap.add_argument(
        "--alert-every", type=float, default=5.0, help="poll interval of the alert phase, seconds"
    )
    ap.add_argument(
        "--skip",
        choices=["soak", "idle", "alerts"],
        action="append",
        default=[],
        help="leave out a phase (idle needs the soak's database and is skipped with it)",
    )
    ap.add_argument(
        "--keep", action="store_true", help="keep the temporary folder (logs, databases)"
    )
    args = ap.parse_args()
    rng = random.Random(SEED)
    tmp = Path(tempfile.mkdtemp(prefix="wirewatch-soak-"))
    site = tmp / "site"
    build_site(site, args.sources, rng)
    server, base = start_site_server(site, who="daemon_soak", cwd=ROOT, env=clean_env())
    t_all = time.monotonic()
    print(
        f"daemon_soak: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
        f"site {base} (pid {server.pid}), "
        f"folder {tmp}"
    )
    soak = idle = None
    trials: list[Trial] = []
    try:
        if "soak" not in args.skip:
            soak = run_soak(tmp, base, args)
            if "idle" not in args.skip:
                idle = run_idle(soak.cfg, soak.db, base, args.idle_runs, {server.pid})
        if "alerts" not in args.skip:
            trials = run_alerts(tmp, site, base, args, rng)
    finally:
        srv_cpu = stop_site_server(server, timeout=10)
        if not args.keep:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)

    print()
    if soak is not None:
        growth = (soak.rss_end_kb - soak.rss_warm_kb) / soak.rss_warm_kb * 100
        growth_met = "met" if growth < GOAL_RSS_GROWTH else "MISSED"
        n = soak.cycles_measured or 1
        print(
            f"1. soak: {soak.cycles} crawl cycles in {soak.wall / 60:.1f} min "
            f"({args.sources} sources, one job each, "
            f"every {args.every}){'  [STOPPED AT --max-minutes]' if soak.timed_out else ''}"
        )
        print(
            f"   daemon RSS: warm (cycles {WARM_CYCLES}-{WARM_CYCLES + 9}) {mb(soak.rss_warm_kb)}, "
            f"end {mb(soak.rss_end_kb)}, max {mb(soak.rss_max_kb)}, VmHWM {mb(soak.hwm_end_kb)}; "
            f"growth {growth:+.1f}% (goal < {GOAL_RSS_GROWTH:.0f}%: {growth_met})"
        )
        print("   RSS by cycles: " + ", ".join(f"{c}: {mb(r)}" for c, r in soak.trajectory))
        print(
            f"   daemon threads {soak.threads[0]} -> {soak.threads[1]}, "
            f"open fds {soak.fds[0]} -> {soak.fds[1]}"
        )
        print(
            f"   cycles {soak.cycles_measured} after warm-up in {soak.wall_measured:.0f} s "
            f"({soak.wall_measured / n:.2f} s/cycle): "
            f"daemon's own CPU {soak.cpu_own / n * 1000:.1f} ms/cycle, "
            f"its crawl children {soak.cpu_children / n:.2f} s/cycle"
        )
        if soak.child_peaks_kb:
            pk = soak.child_peaks_kb
            print(
                f"   crawl children caught: {len(pk)}, "
                f"peak RSS (VmHWM) median {mb(statistics.median(pk))}, "
                f"max {mb(max(pk))}; their own children seen: {soak.grandchildren}"
            )
        print(
            "   crawl_runs: "
            + "; ".join(
                f"{s} {c} (pages {p}, new {nw}, errors {e})" for s, c, p, nw, e in soak.statuses
            )
            + " | job_runs last_status: "
            + ", ".join(f"{s} {c}" for s, c in soak.jobs)
        )
        print("   log: " + ", ".join(f"{k} {v}" for k, v in soak.log_counts.items()))
        print(f"   SIGTERM: exit {soak.stop_code} after {soak.stop_s:.1f} s")
    if idle is not None and idle.cpu:
        print(
            f"2. idle poll (304), `wirewatch crawl soak-1` x{len(idle.cpu)}: "
            f"CPU mean {statistics.mean(idle.cpu):.2f} s "
            f"(median {statistics.median(idle.cpu):.2f}, min {min(idle.cpu):.2f}, "
            f"max {max(idle.cpu):.2f}), "
            f"wall mean {statistics.mean(idle.wall):.2f} s; peak RSS {mb(idle.maxrss_kb)}; "
            "orphans reaped "
            f"{idle.orphans} (subreaper {'on' if idle.subreaper else 'OFF'}); "
            f"not 304: {idle.not_304}; "
            f"stored: {idle.stored}"
        )
        if soak is not None and soak.cycles_measured:
            print(
                f"   in the daemon: own {soak.cpu_own / soak.cycles_measured * 1000:.1f} ms/cycle "
                "+ children "
                f"{soak.cpu_children / soak.cycles_measured:.2f} s/cycle"
            )
    if trials:
        goal = args.alert_every + GOAL_ALERT_MARGIN
        delays = [t.delay for t in trials]
        print(
            f"3. alert delay (poll every {args.alert_every:g} s, goal < {goal:g} s): "
            + ", ".join(f"{d:.1f}" for d in delays)
            + f" s; mean {statistics.mean(delays):.1f} s, max {max(delays):.1f} s "
            f"({'met' if max(delays) < goal else 'MISSED'})"
        )
        split = [t for t in trials if t.wait is not None]
        if split:
            print(
                "   split (wait for the run + run until Slack;"
                " a negative wait: the run was starting at t0): "
                + ", ".join(f"{t.wait:.1f}+{t.run:.1f}" for t in split)
                + f"; the run itself mean {statistics.mean(t.run for t in split):.1f} s"
            )
        print("   Slack messages per alert: " + ", ".join(str(t.copies) for t in trials))
    print(f"site server CPU {srv_cpu:.1f} s; total {(time.monotonic() - t_all) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
