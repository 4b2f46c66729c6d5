"""Shared fixtures: a local HTTP server, article pages, configs, and running wirewatch as users
do."""

from __future__ import annotations

import os
import pickle
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from string import Template
from typing import Any

import pytest

from tests.httpserver import LocalServer

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
    """Store one article and put it in its story, as a crawl does (real SQLite file)."""
    from crawler.extract.article import content_hash

    fields = {
        "url": url,
        "canonical_url": url,
        "agency": agency,
        "title": title,
        "body": body,
        "published_at": when,
        "content_hash": content_hash(body),
    }
    with store.write():
        _, article_id = store.articles.save(fields, [(url, "canonical")], source, None)
    grouper.assign(article_id)
    return article_id
