"""Synthetic news sites for the benchmarks: wire copy drawn from seeded templates, RSS feeds, and a
site server in its own process. One copy of each, so a fix to how a site is generated or served
reaches every benchmark, and each benchmark keeps only its own vocabulary (which is what makes its
copy fit what it measures).

Process accounting (children, subreaping, CPU time) is in procs.py.
"""

from __future__ import annotations

import html
import random
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from typing import TypeVar

from procs import children_cpu  # benchmarks/procs.py

T = TypeVar("T")

# Datelines and places named in generated copy.
CITIES = [
    "Jakarta",
    "Hanoi",
    "Kuala Lumpur",
    "Manila",
    "Bangkok",
    "Phnom Penh",
    "Vientiane",
    "Singapore",
    "Bandar Seri Begawan",
    "Naypyidaw",
    "Dili",
    "Tokyo",
    "Seoul",
    "Beijing",
    "New Delhi",
    "Canberra",
    "Wellington",
    "Brussels",
    "Moscow",
    "Washington",
    "Ottawa",
    "Da Nang",
    "Surabaya",
    "Cebu",
    "Penang",
]


# -- wire copy -------------------------------------------------------------------------------------


def capitalise(text: str) -> str:
    """Upper-case the first letter only: a slot value such as "the Philippines" may open a
    sentence."""
    return text[:1].upper() + text[1:]


class Slots(dict[str, object]):
    """The format_map target of copy templates: each {slot} draws afresh from its pool with the
    seeded rng, so the same seed gives the same copy; {state2} or {topic3} draw from the pool of
    {state} or {topic}, so one template can name two different states."""

    def __init__(self, rng: random.Random, pools: Mapping[str, Sequence[object]]) -> None:
        super().__init__()
        self.rng = rng
        self.pools = pools

    def __missing__(self, key: str) -> object:
        return self.rng.choice(self.pools[key.rstrip("0123456789")])

    def fill(self, template: str, *, upper_first: bool = True) -> str:
        """The template with its slots drawn; a drawn value may hold slots of its own (a connector
        such as "Separately on {weekday},"), which are drawn in turn."""
        text = template.format_map(self)
        if "{" in text:
            text = text.format_map(self)
        return capitalise(text) if upper_first else text


def gather(make: Callable[[], T], size: Callable[[T], int], target: int) -> list[T]:
    """Items from make() until their sizes add up to target: a body reaches its drawn length and
    still ends on a whole sentence or paragraph."""
    out: list[T] = []
    total = 0
    while total < target:
        item = make()
        out.append(item)
        total += size(item)
    return out


def word_count(text: str) -> int:
    """Words of a text joined with single spaces, a size for gather(): cheaper than
    len(text.split())."""
    return text.count(" ") + 1


# -- feeds -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedItem:
    title: str
    path: str  # URL path under the site's base, starting with /
    published: datetime
    category: str | None = None
    description: str | None = None


def rss_feed(
    items: Iterable[FeedItem],
    *,
    title: str,
    description: str,
    language: str | None = None,
    built: datetime | None = None,
) -> str:
    """An RSS 2.0 feed whose links are @@BASE@@ + path: SiteServer puts its own base URL in their
    place, so a site can be generated before the port it will be served on is known."""
    esc = html.escape
    head = [f"  <title>{esc(title)}</title>", "  <link>@@BASE@@/</link>"]
    head.append(f"  <description>{esc(description)}</description>")
    if language is not None:
        head.append(f"  <language>{esc(language)}</language>")
    if built is not None:
        head.append(f"  <lastBuildDate>{format_datetime(built)}</lastBuildDate>")
    entries = []
    for item in items:
        lines = [
            "  <item>",
            f"    <title>{esc(item.title)}</title>",
            f"    <link>@@BASE@@{item.path}</link>",
            f'    <guid isPermaLink="true">@@BASE@@{item.path}</guid>',
            f"    <pubDate>{format_datetime(item.published)}</pubDate>",
        ]
        if item.category is not None:
            lines.append(f"    <category>{esc(item.category)}</category>")
        if item.description is not None:
            lines.append(f"    <description>{esc(item.description)}</description>")
        lines.append("  </item>")
        entries.append("\n".join(lines))
    body = "\n".join(head + entries)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
        f"{body}\n</channel>\n</rss>\n"
    )


# -- the site server, in its own process -----------------------------------------------------------

SERVER_CODE = """
import importlib
import sys
from http.server import ThreadingHTTPServer
from pathlib import Path
if len(sys.argv) > 3:
    # http.server listens with a backlog of 5; a crawl opening hundreds of connections at once
    # would see its SYNs dropped and retried a second later, which measures the test server, not
    # the crawler.
    ThreadingHTTPServer.request_queue_size = int(sys.argv[3])
module, _, name = sys.argv[2].partition(":")
with getattr(importlib.import_module(module), name)(Path(sys.argv[1])) as site:
    print(site.base, flush=True)
    sys.stdin.read()  # until the benchmark closes our stdin
"""


def start_site_server(
    root: Path,
    *,
    who: str,
    backlog: int | None = None,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    server: str = "crawler.demo.server:SiteServer",
) -> tuple[subprocess.Popen[str], str]:
    """Serve root with a SiteServer (crawler.demo.server's own by default) from a separate process,
    so the server does not take the GIL of the process being measured; returns the process and the
    site's base URL. The server runs until its stdin is closed (stop_site_server). backlog: listen
    backlog (default: http.server's 5); server: "module:class" of a SiteServer, importable from
    cwd."""
    argv = [sys.executable, "-c", SERVER_CODE, str(root), server]
    if backlog is not None:
        argv.append(str(backlog))
    proc = subprocess.Popen(
        argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=cwd, env=env
    )
    assert proc.stdout is not None
    base = proc.stdout.readline().strip()
    if not base.startswith("http://"):
        proc.kill()
        raise SystemExit(f"{who}: the site server did not start (said {base!r})")
    return proc, base


def stop_site_server(proc: subprocess.Popen[str], timeout: float = 30.0) -> float:
    """Stop the server and reap it; returns its CPU seconds, so that a benchmark can report them
    apart from the CPU of what it measures (both come out of this process's RUSAGE_CHILDREN)."""
    cpu0 = children_cpu()
    if proc.stdin is not None:
        proc.stdin.close()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return children_cpu() - cpu0
