"""Cluster mode throughput: 1, 2 and 3 workers and one ingest on this machine against the generated
site of 100 KB pages, and the ingest's own ceiling (the single writer's limit).

Run by hand (it is not a test; it needs redis-server):

    .venv/bin/python benchmarks/cluster_throughput.py [--pages 600] [--feeds 20] [--workers 1,2,3]

What it does:
  1. generates the site of benchmarks/crawl_throughput.py (N article pages padded to --page-kb, RSS
     feeds listing them) and serves it from a separate process;
  2. starts redis-server on a free loopback port, its files in the temporary folder;
  3. for each worker count K: a fresh database and key prefix, one `wirewatch ingest` and K
     `wirewatch worker --concurrency C` processes, then `wirewatch crawl --wait`: wall time from
     the enqueue to the summary (every article fetched, extracted, stored and grouped), articles
     per second, and CPU per article of the workers (with their extraction processes) and of the
     ingest, read from each process at its exit;
  4. the ingest's ceiling: the workers fill the stream with a whole crawl's records while no ingest
     runs; then one ingest alone drains it, timed from its first commit to its last (records per
     second with no fetching or extraction beside it).
"""

from __future__ import annotations

import argparse
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import redis
from crawl_throughput import generate_site, wirewatch_command, write_config
from fixtures import start_site_server, stop_site_server
from procs import cpu_at_exit

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_redis(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    argv = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder)]
    argv += ["--save", "", "--appendonly", "yes"]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    client = redis.Redis(port=port)
    for _ in range(300):
        try:
            client.ping()
            return proc, f"redis://127.0.0.1:{port}/0"
        except redis.ConnectionError:
            time.sleep(0.05)
    raise SystemExit("cluster_throughput: redis-server did not start")


@dataclass
class Cluster:
    """The wirewatch processes of one measured run."""

    cfg: Path
    db: Path
    logs: Path

    def start(self, *args: str, log: str) -> subprocess.Popen[bytes]:
        cmd = [*wirewatch_command(), "--config", str(self.cfg), "--db", str(self.db), *args]
        err = (self.logs / f"{log}.err").open("wb")
        return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)


def stop(proc: subprocess.Popen[bytes]) -> float:
    """SIGTERM, then the CPU seconds of the process and the children it reaped."""
    proc.send_signal(signal.SIGTERM)
    own, children = cpu_at_exit(proc.pid)
    proc.wait()
    return own + children


def articles_in(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def configure(tmp: Path, base: str, feeds: int, url: str, prefix: str) -> Cluster:
    run = tmp / prefix
    (run / "logs").mkdir(parents=True)
    cfg = run / "wirewatch.toml"
    write_config(cfg, base, feeds)
    with cfg.open("a", encoding="utf-8") as f:
        f.write(f'\n[cluster]\nredis_url = "{url}"\nkey_prefix = "{prefix}"\n')
    return Cluster(cfg, run / "bench.db", run / "logs")


def crawl_run(c: Cluster, k: int, concurrency: int, pages: int) -> None:
    """One ingest and k workers: the end-to-end figures."""
    ingest = c.start("ingest", log="ingest")
    workers = [
        c.start("worker", "--concurrency", str(concurrency), log=f"worker{i}") for i in range(k)
    ]
    time.sleep(3.0)  # the workers' Scrapy start, not the crawl
    t0 = time.perf_counter()
    done = subprocess.run(
        [*wirewatch_command(), "--config", str(c.cfg), "--db", str(c.db), "crawl", "--wait"],
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - t0
    worker_cpu = sum(stop(w) for w in workers)
    ingest_cpu = stop(ingest)
    n = articles_in(c.db)
    if done.returncode != 0 or n != pages:
        print(f"  {k} workers: crawl exit {done.returncode}, {n} of {pages} articles stored")
        print(done.stderr[-2000:])
        return
    print(
        f"  {k} worker{'s' if k > 1 else ' '}: {n} articles in {wall:6.1f} s = {n / wall:5.1f}/s;"
        f" CPU per article: workers {worker_cpu / n * 1000:5.1f} ms,"
        f" ingest {ingest_cpu / n * 1000:5.1f} ms"
    )


def ingest_ceiling(c: Cluster, url: str, prefix: str, k: int, concurrency: int) -> None:
    """Workers fill the stream with no ingest running; one ingest alone then drains it."""
    client = redis.Redis.from_url(url)
    workers = [
        c.start("worker", "--concurrency", str(concurrency), log=f"fill{i}") for i in range(k)
    ]
    queued = subprocess.run(
        [*wirewatch_command(), "--config", str(c.cfg), "crawl"], capture_output=True, text=True
    )
    job = queued.stderr.split()[1].rstrip(":")
    while int(client.hget(f"{prefix}:job:{job}", "pending") or 1) > 0:
        time.sleep(0.2)
    for w in workers:
        stop(w)
    records = int(client.xlen(f"{prefix}:items"))
    ingest = c.start("ingest", log="ceiling")
    first = None
    while True:
        committed = int(client.hget(f"{prefix}:job:{job}", "committed") or 0)
        if first is None and committed:
            first = (time.perf_counter(), committed)
        if client.hget(f"{prefix}:job:{job}", "state") == b"finished":
            break
        time.sleep(0.02)
    t1 = time.perf_counter()
    cpu = stop(ingest)
    assert first is not None
    drained = records - first[1]
    n = articles_in(c.db)
    print(
        f"  ingest alone: {records} records ({n} articles) waiting; {drained} drained after its"
        f" first commit in {t1 - first[0]:.1f} s = {drained / (t1 - first[0]):.0f} records/s;"
        f" CPU {cpu / n * 1000:.1f} ms per article (start-up included)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=600, help="articles (default 600)")
    ap.add_argument("--feeds", type=int, default=20, help="RSS feeds, one source each")
    ap.add_argument("--page-kb", type=int, default=100, help="page size in KB (default 100)")
    ap.add_argument("--workers", default="1,2,3", help="worker counts to measure (default 1,2,3)")
    ap.add_argument("--concurrency", type=int, default=16, help="requests per worker (default 16)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args(argv)
    if not Path(REDIS_SERVER).exists():
        raise SystemExit("cluster_throughput: redis-server is not installed")
    tmp = Path(tempfile.mkdtemp(prefix="wirewatch-cluster-bench-"))
    root = tmp / "site"
    root.mkdir()
    server = redis_proc = None
    try:
        generate_site(root, args.pages, args.feeds, args.page_kb)
        server, base = start_site_server(root, who="cluster_throughput", backlog=1024)
        redis_proc, url = start_redis(tmp / "redis")
        print(
            f"site: {args.pages} pages of {args.page_kb} KB, {args.feeds} feeds; Redis {url};"
            f" workers at --concurrency {args.concurrency}; at {tmp}"
        )
        for k in (int(x) for x in args.workers.split(",")):
            crawl_run(
                configure(tmp, base, args.feeds, url, f"k{k}"), k, args.concurrency, args.pages
            )
        top = max(int(x) for x in args.workers.split(","))
        ingest_ceiling(
            configure(tmp, base, args.feeds, url, "ceiling"), url, "ceiling", top, args.concurrency
        )
    finally:
        if server is not None:
            stop_site_server(server)
        if redis_proc is not None:
            redis_proc.terminate()
            redis_proc.wait()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
