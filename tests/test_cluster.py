"""Cluster mode end to end: a real redis-server, real worker and ingest processes, a local site;
articles stored once, URLs fetched once, and nothing lost when a worker, the writer or Redis
goes away mid-crawl."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import article_html, query, rss, run_wirewatch, write_config
from tests.httpserver import LocalServer, Reply
from tests.redisserver import RedisServer

DEADLINE_S = 120.0
RSS = "application/rss+xml"


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


def site(server: LocalServer, n: int, slow: float = 0.0, feed: str = "/feed.xml") -> list[str]:
    """A feed of n articles, each page distinct; `slow`: seconds each article takes to answer."""
    topic = feed.strip("/").split(".")[0]
    paths = [f"/news/{topic}/asean-partner-talks-round-{i}.html" for i in range(n)]
    for i, path in enumerate(paths):
        html = article_html(
            f"ASEAN and partner {i} hold {topic} round {i}",
            f"JAKARTA, Feb 9 (Wire) - ASEAN and partner number {i} met on {topic} {i * 7919}.",
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
    server.page(feed, rss(items), "application/rss+xml")
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
    try:
        return [r[0] for r in query(db, "SELECT canonical_url FROM articles")]
    except sqlite3.OperationalError:  # the writer is creating the schema
        return []


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


def test_a_page_that_failed_for_a_passing_reason_is_tried_again_though_its_feed_is_unchanged(
    tmp_path: Path, server: LocalServer, redis_server: RedisServer, procs: Procs
) -> None:
    """A 503 (past its retries) behind a redirect is an error of the first job; the next job tries
    the listed URL again though its feed answers 304, as a local crawl does, and stores it, once:
    a second feed of the source that lists it again is no duplicate."""
    paths = site(server, 3)
    flaky = paths[1]
    body = server.routes[flaky].body  # type: ignore[union-attr]

    def answer(req: object, count: int) -> Reply:
        if count <= 2:  # the first job's try and its one retry
            return Reply(503, b"busy", {"Retry-After": "0"})
        return Reply(200, body, {"Content-Type": "text/html; charset=utf-8"})

    server.add(flaky, answer)
    server.page("/old/flaky.html", "moved", status=301, Location=server.url(flaky))
    listed = [paths[0], "/old/flaky.html", paths[2]]
    server.page("/feed.xml", rss([{"title": p, "link": f"{{base}}{p}"} for p in listed]), RSS)

    def second_feed(req: object, count: int) -> Reply:  # changed at every request: never a 304
        items = [{"title": f"again {count}", "link": "{base}/old/flaky.html"}]
        data = rss(items).replace("{base}", server.url("")).encode()
        return Reply(200, data, {"Content-Type": RSS}, conditional=False)

    server.add("/feed2.xml", second_feed)
    source = (
        f'[[sources]]\nname = "wire"\nkind = "feed"\nagency = "Wire"\nurls = '
        f'["{server.url("/feed.xml")}", "{server.url("/feed2.xml")}"]\n'
        'allowed_domains = ["127.0.0.1"]\n'
    )
    cluster = (
        f'[cluster]\nredis_url = "{redis_server.url}"\nkey_prefix = "t9"\nworker_timeout = 3\n'
    )
    write_config(procs.cfg, cluster + "\n" + source)
    procs.start("worker", log="worker")
    procs.start("ingest", log="ingest")
    crawl = ("--config", str(procs.cfg), "--db", str(procs.db), "crawl", "--wait")

    def summary(run: subprocess.CompletedProcess[str]) -> list[str]:
        assert run.returncode == 0, run.stderr
        return next(x for x in run.stdout.splitlines() if x.startswith("wire")).split()

    assert summary(run_wirewatch(*crawl, "--timeout", "120"))[2] == "2"  # the flaky one failed
    assert server.url(flaky) not in stored_urls(procs.db)
    row = summary(run_wirewatch(*crawl, "--timeout", "120"))
    feed_asks = [headers for path, headers in server.requests if path == "/feed.xml"]
    assert len(feed_asks) == 2 and feed_asks[1].get("if-none-match")  # answered 304
    assert row[2] == "1", row  # the flaky page, now stored
    assert row[5] == "0", row  # listed again by the second feed: no duplicate
    assert server.url(flaky) in stored_urls(procs.db)
    assert [server.hits[p] for p in paths] == [1, 3, 1]
    assert server.hits["/old/flaky.html"] == 2  # once a job
    summary(run_wirewatch(*crawl, "--timeout", "120"))
    assert server.hits[flaky] == 3  # stored: not tried again


def start_crawl(procs: Procs) -> subprocess.Popen[bytes]:
    return procs.start("crawl", "--wait", "--timeout", str(DEADLINE_S), log="crawl")


def finished(crawl: subprocess.Popen[bytes], procs: Procs) -> str:
    crawl.wait(timeout=DEADLINE_S + 30)
    out = (procs.logs / "crawl.out").read_text("utf-8")
    assert crawl.returncode == 0, procs.log("crawl")
    return out


def article_hits(server: LocalServer, paths: list[str]) -> list[int]:
    return [server.hits[p] for p in paths]


def test_three_workers_fetch_each_url_once_and_store_each_article_once(
    tmp_path: Path, server: LocalServer, redis_server: RedisServer, procs: Procs
) -> None:
    """Three workers share one frontier, one duplicate filter and one copy of robots.txt: every
    article page and the robots.txt are fetched once across them, and the writer stores each article
    once."""
    paths = site(server, 24, slow=0.05)
    cluster_config(tmp_path, server, redis_server, "t3")
    for i in range(3):
        procs.start("worker", "--concurrency", "4", log=f"worker{i}")
    procs.start("ingest", log="ingest")
    out = finished(start_crawl(procs), procs)
    assert "wire" in out
    urls = stored_urls(procs.db)
    assert len(urls) == len(set(urls)) == 24
    assert article_hits(server, paths) == [1] * 24
    assert server.hits["/feed.xml"] == 1
    assert server.hits["/robots.txt"] == 1
    import redis

    kept = redis.Redis.from_url(redis_server.url).hkeys("t3:robots")
    assert kept == [server.url("/robots.txt").encode()]


def test_killed_worker_and_killed_ingest_lose_and_double_nothing(
    tmp_path: Path, server: LocalServer, redis_server: RedisServer, procs: Procs
) -> None:
    """kill -9 of a worker mid-crawl: its requests in flight go back on the frontier and another
    worker fetches them; kill -9 of the ingest: a new one reads again what was not acknowledged.
    Every article is stored exactly once."""
    paths = site(server, 30, slow=0.3)
    cluster_config(tmp_path, server, redis_server, "tk")
    victim = procs.start("worker", "--concurrency", "4", log="victim")
    survivor = procs.start("worker", "--concurrency", "4", log="survivor")
    ingest = procs.start("ingest", log="ingest")
    crawl = start_crawl(procs)
    import socket

    import redis

    client = redis.Redis.from_url(redis_server.url)
    in_flight = f"tk:worker:{socket.gethostname()}-{victim.pid}:inflight"
    wait_until(lambda: client.hlen(in_flight) > 0, "the victim to have requests in flight")
    victim.kill()
    wait_until(lambda: len(stored_urls(procs.db)) >= 1, "a first article stored")
    ingest.kill()
    ingest.wait(timeout=30)
    procs.start("ingest", log="ingest2")
    finished(crawl, procs)
    assert survivor.poll() is None
    urls = stored_urls(procs.db)
    assert sorted(urls) == sorted(server.url(p) for p in paths)
    assert all(h >= 1 for h in article_hits(server, paths))
    assert "was lost" in procs.log("survivor")


def test_redis_restart_mid_crawl_is_survived_with_one_clear_line(
    tmp_path: Path, server: LocalServer, redis_server: RedisServer, procs: Procs
) -> None:
    """Redis going away and coming back mid-crawl: the worker and the writer each say so on one
    line, without a traceback, and the crawl completes with every article stored once."""
    paths = site(server, 16, slow=0.3)
    cluster_config(tmp_path, server, redis_server, "tr")
    procs.start("worker", "--concurrency", "4", log="worker")
    procs.start("ingest", log="ingest")
    crawl = start_crawl(procs)
    wait_until(lambda: sum(article_hits(server, paths)) >= 4, "the crawl to be under way")
    redis_server.restart(down_for=2.0)
    finished(crawl, procs)
    urls = stored_urls(procs.db)
    assert sorted(urls) == sorted(server.url(p) for p in paths)
    for name in ("worker", "ingest"):
        log = procs.log(name)
        assert "Traceback" not in log, log
        assert log.count("cannot reach Redis at") == 1, log
        assert "reachable again" in log, log


def test_worker_without_redis_says_so_once_and_keeps_trying(
    tmp_path: Path, server: LocalServer, procs: Procs
) -> None:
    """A worker that cannot reach Redis prints one line naming it and retries; it does not
    exit."""
    with __import__("socket").socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    source = (
        f'[[sources]]\nname = "wire"\nkind = "feed"\nurls = ["{server.url("/feed.xml")}"]\n'
        'allowed_domains = ["127.0.0.1"]\n'
    )
    write_config(procs.cfg, f'[cluster]\nredis_url = "redis://127.0.0.1:{port}/0"\n' + source)
    worker = procs.start("worker", log="worker")
    wait_until(lambda: "cannot reach Redis" in procs.log("worker"), "the worker's message")
    time.sleep(0.5)
    assert worker.poll() is None
    lines = [x for x in procs.log("worker").splitlines() if x.strip()]
    assert lines == [
        f"wirewatch: cannot reach Redis at redis://127.0.0.1:{port}/0: Error 111 connecting to"
        f" 127.0.0.1:{port}. Connection refused.; retrying every 5s"
    ]


def test_crawl_on_cluster_without_redis_fails_in_one_line(
    tmp_path: Path, server: LocalServer
) -> None:
    """`wirewatch crawl` with [cluster] and no Redis: one line, exit status 1."""
    source = (
        f'[[sources]]\nname = "wire"\nkind = "feed"\nurls = ["{server.url("/feed.xml")}"]\n'
        'allowed_domains = ["127.0.0.1"]\n'
    )
    cfg = write_config(
        tmp_path / "wirewatch.toml", '[cluster]\nredis_url = "redis://127.0.0.1:1/0"\n' + source
    )
    done = run_wirewatch("--config", str(cfg), "crawl", "--wait")
    assert done.returncode == 1
    assert done.stderr.startswith("wirewatch: cannot reach Redis at redis://127.0.0.1:1/0:")
    assert len(done.stderr.splitlines()) == 1


class _Trap:
    """Unpickled, it leaves a file behind: the proof that a writer ran a stranger's code."""

    def __init__(self, mark: Path):
        self.mark = mark

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.mark), "w"))


def settled(client: Any, prefix: str) -> bool:
    """Every crawl job queued so far has no request left at the workers."""
    jobs = client.smembers(f"{prefix}:jobs:open")
    states = [client.hget(f"{prefix}:job:{j.decode()}", "pending") for j in jobs]
    return bool(jobs) and all(s is not None and int(s) <= 0 for s in states)


def test_unreadable_records_go_to_the_dead_letter_list_and_the_ingest_goes_on(
    tmp_path: Path, server: LocalServer, redis_server: RedisServer, procs: Procs
) -> None:
    """A malformed record, a pickled one and one of another version between the workers' records:
    the ingest says so in one line each (with the stream id), never unpickles, stores every good
    record around them, moves them to `{prefix}:dead`, counts the one naming its job as an error of
    that job, and keeps going. A pickled request on the frontier is refused by the worker alike."""
    import json
    import pickle

    import redis

    first = site(server, 3, feed="/first.xml")
    second = site(server, 3, feed="/second.xml")
    sources = "".join(
        f'[[sources]]\nname = "{name}"\nkind = "feed"\nagency = "Wire"\n'
        f'urls = ["{server.url(f"/{name}.xml")}"]\nallowed_domains = ["127.0.0.1"]\n'
        for name in ("first", "second")
    )
    write_config(
        procs.cfg, f'[cluster]\nredis_url = "{redis_server.url}"\nkey_prefix = "td"\n' + sources
    )
    client = redis.Redis.from_url(redis_server.url)
    # The frontier too holds JSON only: a pickled request put there is refused, not run.
    queue_mark = tmp_path / "a-worker-ran-a-strangers-code"
    client.zadd("td:requests", {pickle.dumps(_Trap(queue_mark)): 0})
    procs.start("worker", log="worker")
    assert run_wirewatch("--config", str(procs.cfg), "crawl", "first").returncode == 0
    wait_until(lambda: settled(client, "td"), "the first source's records on the stream")
    mark = tmp_path / "ran-a-strangers-code"
    bad_ids = [
        client.xadd("td:items", {"r": b'{"v": 1, "job": '}).decode(),
        client.xadd("td:items", {"r": pickle.dumps(_Trap(mark))}).decode(),
    ]
    second_run = run_wirewatch("--config", str(procs.cfg), "crawl", "second")
    assert second_run.returncode == 0
    job = second_run.stderr.split("job ", 1)[1].split(":", 1)[0]
    wait_until(lambda: settled(client, "td"), "the second source's records on the stream")
    # A record of that job from a worker of a newer version, which this writer cannot read: the job
    # must still finish, with the record counted as an error of its source.
    newer = json.dumps({"v": 99, "job": job, "source": "second", "worker": "w9"}).encode()
    bad_ids.append(client.xadd("td:items", {"r": newer}).decode())
    client.hincrby(f"td:job:{job}", "produced", 1)
    ingest = procs.start("ingest", log="ingest")
    wanted = sorted(server.url(p) for p in first + second)
    wait_until(lambda: sorted(stored_urls(procs.db)) == wanted, "every good record stored")
    wait_until(lambda: not client.smembers("td:jobs:open"), "both jobs finished")
    told = [x for x in procs.log("ingest").splitlines() if "unreadable" in x]
    assert told == [
        f"wirewatch: ingest: stream entry {bad_ids[0]} unreadable (not a JSON record"
        " (JSONDecodeError)); moved to td:dead",
        f"wirewatch: ingest: stream entry {bad_ids[1]} unreadable (not a JSON record"
        " (UnicodeDecodeError)); moved to td:dead",
        f"wirewatch: ingest: stream entry {bad_ids[2]} unreadable (record version 99, this"
        " writer reads 1); moved to td:dead",
        f"wirewatch: ingest: job {job}: an unreadable record counted as an error of second",
    ]
    summary = json.loads(client.hget(f"td:job:{job}", "summaries"))
    assert [(s["source"], s["new_articles"], s["errors"]) for s in summary] == [("second", 3, 1)]
    assert not mark.exists() and not queue_mark.exists()
    letters = [json.loads(x) for x in client.lrange("td:dead", 0, -1)]
    assert [x["id"] for x in letters if "id" in x] == bad_ids
    assert [x["queue"] for x in letters if "queue" in x] == ["td:requests"]
    refused = [x for x in procs.log("worker").splitlines() if "unreadable" in x]
    assert len(refused) == 1 and "moved to td:dead" in refused[0], procs.log("worker")
    assert client.xlen("td:items") == 0
    again = run_wirewatch(
        "--config", str(procs.cfg), "--db", str(procs.db), "crawl", "--wait", "--timeout", "120"
    )
    assert again.returncode == 0, again.stderr
    assert ingest.poll() is None


def test_daemon_with_cluster_queues_due_crawls_for_the_workers_and_status_shows_them(
    tmp_path: Path, redis_server: RedisServer, procs: Procs
) -> None:
    """With [cluster], the daemon's `every` job puts the due sources' seeds on the frontier, not
    crawling itself: one worker and one ingest store every article of the demo site, once; status
    shows the worker, the queue and the records waiting for the writer."""
    import json
    import re

    from crawler.demo.server import SiteServer, demo_config_text, site_root

    expected = json.loads((Path(__file__).parent.parent / "crawler/demo/expected.json").read_text())
    schedules = tmp_path / "schedules"
    schedules.mkdir()
    (schedules / "s.toml").write_text(
        '[[crawl]]\nsources = ["*"]\nevery = "3s"\ntimeout = "60s"\n', "utf-8"
    )
    with SiteServer(site_root()) as wire:
        cluster = f'[cluster]\nredis_url = "{redis_server.url}"\nkey_prefix = "tdm"\n\n'
        procs.cfg.write_text(cluster + demo_config_text(wire.base), "utf-8")
        procs.start("worker", log="worker")
        procs.start("ingest", log="ingest")
        daemon = procs.start(
            "daemon",
            "--schedules",
            str(schedules),
            "--log-file",
            str(tmp_path / "d.log"),
            log="daemon",
        )
        want = sorted(e["path"] for e in expected)

        def paths() -> list[str]:
            return sorted(re.sub(r"^https?://[^/]+", "", u) for u in stored_urls(procs.db))

        wait_until(lambda: paths() == want, "the demo site's articles stored", 40)
        log = tmp_path / "d.log"
        wait_until(lambda: log.read_text("utf-8").count("queued on the cluster") >= 2, "a poll")
    assert daemon.poll() is None
    assert paths() == want  # a second poll stores nothing twice
    assert "crawl of" not in log.read_text("utf-8")  # no local crawl was started
    shown = run_wirewatch("--config", str(procs.cfg), "--db", str(procs.db), "status")
    assert shown.returncode == 0, shown.stderr
    block = shown.stdout.split("cluster (", 1)[1].splitlines()
    assert re.search(
        r"prefix tdm\): \d+ requests queued, \d+ records waiting for the writer$", block[0]
    )
    assert re.fullmatch(r"  worker \S+  last seen \d+s ago", block[2]), block


def test_hand_written_spiders_are_crawled_by_the_daemons_host_not_queued(
    tmp_path: Path, server: LocalServer, procs: Procs
) -> None:
    """The workers run plain sources only: with [cluster], a due hand-written spider is crawled by
    the daemon on its own host as without a cluster (Redis is not even asked), and `wirewatch crawl`
    naming one says where it runs instead of queuing it."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"redis://127.0.0.1:{sock.getsockname()[1]}/0"
    server.page("/news/one.html", article_html("Secretariat story", "Jakarta - Story one."))
    server.page("/feed/", rss([{"title": "1", "link": "{base}/news/one.html"}]))
    procs.cfg.write_text(
        f'[cluster]\nredis_url = "{closed}"\n\n[[sources]]\nname = "asean-secretariat"\n'
        f'kind = "feed"\nurls = ["{server.url("/feed/")}"]\n',
        "utf-8",
    )
    named = run_wirewatch("--config", str(procs.cfg), "crawl", "asean-secretariat")
    assert named.returncode == 2
    assert "'asean-secretariat' is a hand-written spider" in named.stderr
    schedules = tmp_path / "schedules"
    schedules.mkdir()
    (schedules / "s.toml").write_text(
        '[[crawl]]\nsources = ["asean-secretariat"]\nevery = "1h"\ntimeout = "60s"\n', "utf-8"
    )
    log = tmp_path / "d.log"
    daemon = procs.start("daemon", "--schedules", str(schedules), "--log-file", str(log), log="d")
    wait_until(lambda: stored_urls(procs.db) == [server.url("/news/one.html")], "the article")
    assert daemon.poll() is None
    text = log.read_text("utf-8")
    assert "crawling asean-secretariat here (hand-written spiders)" in text
    assert "queuing for the workers" not in text and "Redis" not in text
