"""Cluster mode end to end: a real redis-server, real worker and ingest processes, a local site;
articles stored once, URLs fetched once, and nothing lost when a worker, the writer or Redis
goes away mid-crawl."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import article_html, query, rss, run_wirewatch, write_config
from tests.httpserver import LocalServer, Reply
from tests.redisserver import RedisServer

DEADLINE_S = 120.0


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    srv = RedisServer(tmp_path / "redis")
    yield srv
    srv.stop()


class Procs:
    """wirewatch processes started by a test, stopped (SIGKILL) at its end."""

    def __init__(self, cfg: Path, db: Path, logs: Path):
        self.cfg, self.db, self.logs = cfg, db, logs
        self.started: list[subprocess.Popen[bytes]] = []
        logs.mkdir(exist_ok=True)

    def start(self, *args: str, log: str) -> subprocess.Popen[bytes]:
        env = {k: v for k, v in os.environ.items() if k != "WIREWATCH_CONFIG"}
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "crawler.cli",
                "--config",
                str(self.cfg),
                "--db",
                str(self.db),
                *args,
            ],
            stdout=(self.logs / f"{log}.out").open("wb"),
            stderr=(self.logs / f"{log}.err").open("wb"),
            env=env,
        )
        self.started.append(proc)
        return proc

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.err").read_text("utf-8", "replace")

    def stop_all(self) -> None:
        for p in self.started:
            if p.poll() is None:
                p.kill()
                p.wait(timeout=30)


def wait_until(check: Callable[[], bool], what: str, deadline: float = DEADLINE_S) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.1)
    pytest.fail(f"still waiting after {deadline:g}s for {what}")


def site(server: LocalServer, n: int, slow: float = 0.0) -> list[str]:
    """A feed of n articles, each page distinct; `slow`: seconds each article takes to answer."""
    paths = [f"/news/asean-partner-talks-round-{i}.html" for i in range(n)]
    for i, path in enumerate(paths):
        html = article_html(
            f"ASEAN and partner {i} hold talks round {i}",
            f"JAKARTA, Feb 9 (Wire) - ASEAN and partner number {i} met on topic {i * 7919}.",
            last=f"Closing remark {i} about fisheries {i * 31} and ports {i * 17}.",
        )
        if slow:

            def answer(req: object, count: int, body: bytes = html.encode()) -> Reply:
                time.sleep(slow)
                return Reply(200, body, {"Content-Type": "text/html; charset=utf-8"})

            server.add(path, answer)
        else:
            server.page(path, html)
    items = [
        {"title": f"talks {i}", "link": f"{{base}}{p}", "guid": f"g{i}"}
        for i, p in enumerate(paths)
    ]
    server.page("/feed.xml", rss(items), "application/rss+xml")
    return paths


def cluster_config(tmp_path: Path, server: LocalServer, redis: RedisServer, prefix: str) -> Path:
    source = (
        f'[[sources]]\nname = "wire"\nkind = "feed"\nagency = "Wire"\n'
        f'urls = ["{server.url("/feed.xml")}"]\nallowed_domains = ["127.0.0.1"]\n'
    )
    cluster = f'[cluster]\nredis_url = "{redis.url}"\nkey_prefix = "{prefix}"\nworker_timeout = 3\n'
    return write_config(tmp_path / "wirewatch.toml", cluster + "\n" + source)


@pytest.fixture
def procs(tmp_path: Path) -> Iterator[Procs]:
    p = Procs(tmp_path / "wirewatch.toml", tmp_path / "ww.db", tmp_path / "logs")
    yield p
    p.stop_all()


def stored_urls(db: Path) -> list[str]:
    if not db.exists():
        return []
    return [r[0] for r in query(db, "SELECT canonical_url FROM articles")]


def test_one_worker_and_ingest_crawl_on_demand_and_print_the_summary(
    tmp_path: Path, server: LocalServer, redis_server: RedisServer, procs: Procs
) -> None:
    """`wirewatch crawl --wait` with [cluster] queues the seeds, a worker fetches and extracts, the
    ingest stores; the summary is a local crawl's. Again, nothing new is fetched."""
    paths = site(server, 5)
    cluster_config(tmp_path, server, redis_server, "t1")
    procs.start("worker", log="worker")
    procs.start("ingest", log="ingest")
    done = run_wirewatch(
        "--config", str(procs.cfg), "--db", str(procs.db), "crawl", "--wait", "--timeout", "120"
    )
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("wire"))
    assert line.split()[:4] == ["wire", "6", "5", "0"], done.stdout  # pages, new, updated
    assert sorted(stored_urls(procs.db)) == sorted(server.url(p) for p in paths)
    assert all(server.hits[p] == 1 for p in paths)
    stories = query(procs.db, "SELECT COUNT(*) FROM articles WHERE story_id IS NULL")
    assert stories[0][0] == 0  # grouped, as a local crawl does
    again = run_wirewatch(
        "--config", str(procs.cfg), "--db", str(procs.db), "crawl", "--wait", "--timeout", "120"
    )
    assert again.returncode == 0, again.stderr
    assert all(server.hits[p] == 1 for p in paths)
    assert server.hits["/feed.xml"] == 2
    assert server.requests[-1][1].get("if-none-match")  # the seed asked "changed since?"
