"""Shared fixtures: a local HTTP server, article pages, configs, and running wirewatch as users
do."""

from __future__ import annotations

import os
import pickle
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from string import Template
from typing import Any

import pytest

from tests.httpserver import LocalServer, Reply

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
ARTICLE = Template((FIXTURES / "site" / "article.html").read_text("utf-8"))

SENTENCES = [
    (
        "Officials from both sides met for three hours and agreed to meet again before the end "
        "of the year."
    ),
    "The talks covered trade, maritime security, energy transition and people-to-people exchanges.",
    "Ministers welcomed progress on the joint plan of action adopted at the previous summit.",
    "Analysts said the meeting signalled a steady deepening of ties despite global uncertainty.",
    "Both delegations pledged to expand scholarships, tourism flows and direct flights.",
    "A joint statement issued after the meeting called for restraint and dialogue in the region.",
]


def article_html(
    title: str, first: str, *, last: str = "", paras: int = 5, head: str = "", byline: str = ""
) -> str:
    """A realistic article page: boilerplate around `first` (dateline paragraph), filler and
    `last`."""
    body = [f"<p>{first}</p>"]
    body += [
        f"<p>{SENTENCES[i % len(SENTENCES)]} {SENTENCES[(i + 2) % len(SENTENCES)]}</p>"
        for i in range(paras)
    ]
    if last:
        body.append(f"<p>{last}</p>")
    return ARTICLE.substitute(title=title, head=head, byline=byline, paras="\n".join(body))


def rss(items: list[dict[str, str]], title: str = "Test Wire") -> str:
    """An RSS 2.0 feed; each item has link and title, optionally pubDate and guid."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<rss version="2.0"><channel><title>{title}</title>'
        f"<link>{{base}}/</link><description>test feed</description>"
    ]
    for it in items:
        extra = "".join(f"<{k}>{v}</{k}>" for k, v in it.items() if k not in ("link", "title"))
        parts.append(f"<item><title>{it['title']}</title><link>{it['link']}</link>{extra}</item>")
    parts.append("</channel></rss>")
    return "".join(parts)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    srv = LocalServer()
    srv.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    yield srv
    srv.close()


def write_config(path: Path, sources: str, crawl: str = "") -> Path:
    """A config for tests: no delays, one extraction worker, then the given sources."""
    text = (
        "[crawl]\ndelay = 0.0\nautothrottle = false\nextract_workers = 1\nretries = 1\n"
        "timeout = 10.0\n" + crawl + "\n" + sources
    )
    path.write_text(text, "utf-8")
    return path


def run_wirewatch(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a fresh process, as a user would (Scrapy's reactor cannot restart in one
    process)."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("WIREWATCH_CONFIG", None) if env is None or "WIREWATCH_CONFIG" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def query(db: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def relevance_of(db: Path, ids: dict[str, int]) -> dict[str, str]:
    """Each named article's story relevance."""
    return {
        name: query(
            db,
            "SELECT s.relevance FROM stories s JOIN articles a ON a.story_id = s.id WHERE a.id = ?",
            (article_id,),
        )[0][0]
        for name, article_id in ids.items()
    }


def relevance_apart(folder: Path, texts: dict[str, tuple[str, str]], day: str) -> dict[str, str]:
    """Each (title, body)'s story relevance, each grouped in a database of its own under `folder`:
    texts that share their opening would otherwise join one story."""
    judged: dict[str, str] = {}
    for name, text in texts.items():
        db = folder / f"{name}.db"
        judged |= relevance_of(db, group_texts(db, {name: text}, day))
    return judged


def store_distinct_stories(db: Path, n: int, seed: int = 5, times: list[str] | None = None) -> None:
    """n stored and grouped ASEAN-Japan articles whose texts differ enough to be n stories (real
    SQLite), titled 'ASEAN, Japan talks round i' and published at times[i] if given."""
    import random

    from crawler.store.database import Store
    from crawler.stories.grouping import Grouper

    rng = random.Random(seed)
    words = [
        "port",
        "rice",
        "trade",
        "ferry",
        "grid",
        "solar",
        "bond",
        "tariff",
        "visa",
        "rail",
        "dam",
        "fishery",
        "coral",
        "cable",
        "drone",
        "vaccine",
        "wheat",
        "loan",
        "bridge",
        "census",
        "museum",
        "festival",
        "archive",
        "harbour",
        "satellite",
        "forest",
    ]
    store = Store(db)
    grouper = Grouper(store)
    try:
        for i in range(n):
            body = " ".join(
                f"ASEAN and Japan discussed {' '.join(rng.sample(words, 6))} in round {i}."
                for _ in range(8)
            )
            save_and_group(
                store,
                grouper,
                f"https://kyodo.example/{i}",
                "kyodo",
                f"ASEAN, Japan talks round {i}",
                body,
                times[i] if times else "2026-02-09T08:00:00+00:00",
                agency="Kyodo",
            )
    finally:
        store.close()


CHILD_GUARD_S = 60


def call_in_child(module: str, call: str, error: str, body: bytes, *argv: str) -> Any:
    """`call` (an expression over `body` and `argv`) from `module` in a fresh process, so that a
    parse that never ends or exhausts memory fails the test with a clear message instead of hanging
    or killing the run. `error` raised by the call is returned, not raised."""
    name = call.split("(", 1)[0]
    child = (
        "import pickle, sys\n"
        f"from {module} import {error}, {name}\n"
        "body, argv = sys.stdin.buffer.read(), sys.argv[1:]\n"
        "try:\n"
        f"    out = {call}\n"
        f"except {error} as exc:\n"
        "    out = exc\n"
        "sys.stdout.buffer.write(pickle.dumps(out))\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", child, *argv],
            input=body,
            capture_output=True,
            check=False,
            cwd=ROOT,
            timeout=CHILD_GUARD_S,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name} still running after {CHILD_GUARD_S} s: entities are being expanded")
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, f"{name}'s process failed: {stderr}"
    return pickle.loads(done.stdout)


def save_and_group(
    store: Any,
    grouper: Any,
    url: str,
    source: str,
    title: str,
    body: str,
    when: str,
    agency: str | None = None,
) -> int:
    """Store one article and put it in its story, as a crawl does (real SQLite file): the body
    without its dateline and credit, the dateline's place apart."""
    from crawler.extract.article import content_hash
    from crawler.extract.datelines import clean_wire_text

    dateline, body = clean_wire_text(body, title=title)
    fields = {
        "url": url,
        "canonical_url": url,
        "agency": agency,
        "title": title,
        "body": body,
        "published_at": when,
        "dateline": dateline.place if dateline else None,
        "content_hash": content_hash(body),
    }
    with store.write():
        _, article_id = store.articles.save(fields, [(url, "canonical")], source, None)
    grouper.assign(article_id)
    return article_id


def group_texts(db: Path, texts: dict[str, tuple[str, str]], day: str) -> dict[str, int]:
    """Store (title, body) pairs as the source `wire`, a day apart from `day` (YYYY-MM-DD) on, and
    group them; returns their article ids by name."""
    from crawler.store.database import Store
    from crawler.stories.grouping import Grouper

    store = Store(db)
    try:
        grouper = Grouper(store)
        start = datetime.fromisoformat(f"{day}T08:00:00+07:00")
        return {
            name: save_and_group(
                store,
                grouper,
                f"https://wire.example/{name}",
                "wire",
                title,
                body,
                (start + timedelta(days=n)).isoformat(),
            )
            for n, (name, (title, body)) in enumerate(texts.items())
        }
    finally:
        store.close()


def session_members(sid: int) -> list[int]:
    """Live processes of session sid (Linux /proc): a process started with start_new_session=True
    leads a session holding everything it started, which outlives it if orphaned."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # fields after the parenthesised command: state ppid pgrp session ...
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and int(fields[3]) == sid:
            members.append(int(entry.name))
    return members


def session_ended(sid: int, within: float = 10.0) -> bool:
    """Whether session sid has no live process left within `within` seconds (a resource tracker
    takes a moment to see its pipe close)."""
    deadline = time.monotonic() + within
    while session_members(sid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def processes_with(*words: str) -> list[int]:
    """Pids of live processes whose command line holds every word (a title set with setproctitle
    is one string: its words are split at spaces)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        args = [a.decode("utf-8", "replace") for a in argv]
        if len([a for a in args if a]) == 1:
            args = args[0].split()
        if all(w in args for w in words):
            found.append(int(entry.name))
    return found


def slow_page(blocks: int = 300) -> str:
    """A page that takes trafilatura seconds to minutes to parse (250-deep <div>s, repeated)."""
    block = "<div>" * 250 + "<p>Officials met partners on trade.</p>" + "</div>" * 250
    return "<html><body>" + block * blocks + "</body></html>"


def wire_source(server: LocalServer, path: str = "/feed.xml") -> str:
    """A `[[sources]]` entry: the feed source `wire` on the local server."""
    return f'[[sources]]\nname = "wire"\nkind = "feed"\nurls = ["{server.url(path)}"]\n'


def one_article_site(server: LocalServer, title: str, first: str) -> None:
    """A feed listing one article page."""
    server.page("/a/1.html", article_html(title, first))
    server.page(
        "/feed.xml", rss([{"title": "t", "link": "{base}/a/1.html"}]), "application/rss+xml"
    )


def slow_site(server: LocalServer, n: int, delay: float) -> None:
    """A feed of n articles, each answered after `delay` seconds."""
    for i in range(n):
        page = article_html(f"Story {i}", f"MANILA – Story {i} text.").encode()

        def slow(req: Any, hits: int, page: bytes = page) -> Reply:
            time.sleep(delay)
            return Reply(200, page, {"Content-Type": "text/html; charset=utf-8"})

        server.add(f"/a/{i}.html", slow)
    items = [{"title": str(i), "link": f"{{base}}/a/{i}.html"} for i in range(n)]
    server.page("/feed.xml", rss(items), "application/rss+xml")


# Modules whose tests wait on real time (schedules, daemons, time limits): run first, so that under
# xdist (loadgroup: a test at a time to the next free worker) they spread over the workers and
# overlap the many short tests instead of running alone at the end.
SLOW_FIRST = ("test_rhythm", "test_daemon", "test_cluster", "test_robots", "test_web")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        return SLOW_FIRST.index(module) if module in SLOW_FIRST else len(SLOW_FIRST)

    items.sort(key=rank)  # stable: each module keeps its own order


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Under `--dist loadgroup`, a module marked `xdist_group` must run on one worker (one crawl,
    one browser, one wheel; the stuck-extraction daemon tests one after another). A pytest whose
    node ids xdist can no longer tag (pytest-xdist#1386) would spread them silently: fail them."""
    if (
        getattr(item.config.option, "loadgroup", False)
        and item.get_closest_marker("xdist_group") is not None
        and "@" not in item.nodeid
    ):
        pytest.fail(
            f"xdist_group is ignored by pytest {pytest.__version__} with this pytest-xdist "
            "(pytest-xdist#1386; pyproject.toml pins pytest below 9.2)",
            pytrace=False,
        )
