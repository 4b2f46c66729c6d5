"""`scrapy list` and `scrapy crawl <source>` from the repository root resolve the config and
database as the CLI does; a hand-written spider in spiders/ works beside the configured ones."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import (
    ROOT,
    article_html,
    one_article_site,
    query,
    rss,
    run_wirewatch,
    slow_site,
    wire_source,
    write_config,
)
from tests.httpserver import LocalServer, Reply

pytestmark = pytest.mark.skipif(
    not (ROOT / "scrapy.cfg").exists(), reason="needs the repository checkout"
)


def scrapy(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("scrapy", path=os.path.dirname(sys.executable)) or "scrapy"
    return subprocess.run(
        [exe, *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_scrapy_list_shows_configured_and_hand_written_spiders(
    tmp_path: Path, server: LocalServer
) -> None:
    """Configured sources and the hand-written spider both appear in `scrapy list`."""
    cfg = write_config(
        tmp_path / "c.toml",
        f'[[sources]]\nname = "wire"\nkind = "feed"\nurls = ["{server.url("/feed.xml")}"]\n',
    )
    result = scrapy("list", env={"WIREWATCH_CONFIG": str(cfg)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["asean-secretariat", "wire"]


def test_scrapy_list_bad_config_exits_2(tmp_path: Path) -> None:
    """A bad config stops `scrapy list` with the same one-line error and status 2 as the CLI."""
    cfg = tmp_path / "c.toml"
    cfg.write_text('[[sources]]\nname = "wire"\nkind = "feed"\n', "utf-8")
    result = scrapy("list", env={"WIREWATCH_CONFIG": str(cfg)})
    assert result.returncode == 2
    assert (
        "field 'urls': missing required field" in result.stderr and "Traceback" not in result.stderr
    )


def test_scrapy_crawl_writes_where_the_cli_would(tmp_path: Path, server: LocalServer) -> None:
    """`scrapy crawl wire` stores into WIREWATCH_DB; `-s` wins over the config's [crawl] table."""
    one_article_site(server, "Hanoi hosts talks", "Hanoi (VNA) – Talks opened./.")
    cfg = write_config(tmp_path / "c.toml", wire_source(server), "seed_maxsize = 10\n")
    db = tmp_path / "ww.db"
    env = {"WIREWATCH_CONFIG": str(cfg), "WIREWATCH_DB": str(db)}
    result = scrapy("crawl", "wire", env=env)
    assert result.returncode == 0, result.stderr
    # seed_maxsize = 10 bytes in the config: the feed is too large, nothing stored
    assert query(db, "SELECT outcome FROM url_outcomes")[0][0] == "too_large"
    result = scrapy("crawl", "wire", "-s", "WIREWATCH_SEED_MAXSIZE=100000", env=env)
    assert result.returncode == 0, result.stderr
    assert query(db, "SELECT title FROM articles")[0][0] == "Hanoi hosts talks"


def test_hand_written_spider_takes_its_configured_source(
    tmp_path: Path, server: LocalServer
) -> None:
    """The hand-written ASEAN Secretariat spider runs with the config's URLs when a source names it,
    and reads the next feed page while every entry is new."""
    for i in (1, 2, 3):
        server.page(
            f"/news/story-number-{i}-asean.html",
            article_html(f"ASEAN story {i}", f"Jakarta – Story {i}."),
        )
    first = rss(
        [
            {"title": "1", "link": "{base}/news/story-number-1-asean.html"},
            {"title": "2", "link": "{base}/news/story-number-2-asean.html"},
        ]
    )
    second = rss([{"title": "3", "link": "{base}/news/story-number-3-asean.html"}])
    server.add(
        "/feed/",
        lambda req, n: Reply(
            200,
            (second if "paged=2" in req.path else first).encode(),
            {"Content-Type": "application/rss+xml"},
        ),
    )
    cfg = write_config(
        tmp_path / "c.toml",
        f'[[sources]]\nname = "asean-secretariat"\nkind = "feed"\n'
        f'urls = ["{server.url("/feed/")}"]\n',
    )
    db = tmp_path / "ww.db"
    result = scrapy(
        "crawl", "asean-secretariat", env={"WIREWATCH_CONFIG": str(cfg), "WIREWATCH_DB": str(db)}
    )
    assert result.returncode == 0, result.stderr
    assert sorted(r[0] for r in query(db, "SELECT title FROM articles")) == [
        "ASEAN story 1",
        "ASEAN story 2",
        "ASEAN story 3",
    ]


def test_scrapy_crawl_of_an_unknown_source_is_one_line(tmp_path: Path) -> None:
    cfg = write_config(tmp_path / "c.toml", "")
    result = scrapy("crawl", "nosuch", env={"WIREWATCH_CONFIG": str(cfg)})
    assert result.returncode == 2
    assert "unknown source 'nosuch'" in result.stderr and "Traceback" not in result.stderr


def test_scrapy_crawl_beside_a_running_crawl_of_the_same_source_is_skipped(
    tmp_path: Path, server: LocalServer
) -> None:
    """`scrapy crawl wire` while `wirewatch crawl wire` runs takes the same lock: it is skipped,
    fetches nothing, and leaves the running crawl's run alone."""
    slow_site(server, 6, 0.4)
    second_done = threading.Event()
    held = server.routes["/a/5.html"]

    def last_page(req, n: int) -> Reply:
        second_done.wait(90)  # the first crawl cannot end before the second has tried
        return held(req, n)  # type: ignore[operator]

    server.add("/a/5.html", last_page)
    cfg = write_config(
        tmp_path / "c.toml", wire_source(server), "concurrency = 1\nconcurrency_per_domain = 1\n"
    )
    db = tmp_path / "ww.db"
    env = {"WIREWATCH_CONFIG": str(cfg), "WIREWATCH_DB": str(db)}
    first = subprocess.Popen(
        # the last page waits for the second crawl: a long download timeout, no retry
        [
            sys.executable,
            "-m",
            "crawler.cli",
            "crawl",
            "--no-progress",
            "-s",
            "DOWNLOAD_TIMEOUT=120",
        ],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    # The first crawl is under way once it asks for any article (which one first is Scrapy's
    # choice).
    while not any(server.hits[f"/a/{i}.html"] for i in range(6)) and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        second = scrapy("crawl", "wire", env=env)
    finally:
        second_done.set()
    _, err = first.communicate(timeout=120)
    assert second.returncode == 0, second.stderr
    assert "wire: skipped, a crawl of it is already running" in second.stderr
    assert first.returncode == 0, err
    assert [r[0] for r in query(db, "SELECT status FROM crawl_runs")] == ["finished"]
    assert server.hits["/feed.xml"] == 1
    assert [server.hits[f"/a/{i}.html"] for i in range(6)] == [1] * 6


def test_hand_written_spider_is_a_source_of_wirewatch_crawl(tmp_path: Path) -> None:
    """A hand-written spider the config does not name is crawled by name by `wirewatch crawl`, as
    by `scrapy crawl`. Its real feed is reached only through a proxy on a closed local port, so
    the run is recorded (its feed failed) and nothing leaves the machine."""
    cfg = write_config(tmp_path / "c.toml", "")
    db = tmp_path / "ww.db"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    proxy = {"https_proxy": closed, "http_proxy": closed, "no_proxy": ""}
    result = run_wirewatch(
        "--config", str(cfg), "--db", str(db), "crawl", "asean-secretariat", env=proxy
    )
    assert "unknown source" not in result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    runs = query(db, "SELECT source, errors FROM crawl_runs")
    assert [tuple(r) for r in runs] == [("asean-secretariat", 1)]
    got = query(db, "SELECT url, outcome FROM url_outcomes")
    assert [tuple(r) for r in got] == [("https://asean.org/category/news/feed/", "failed")]
