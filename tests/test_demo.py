"""The offline demo: the bundled sample wire site crawled end to end, checked against its expected
results."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest

from crawler.demo.server import DEMO_PORT
from tests.conftest import ROOT, query, run_wirewatch
from tests.smtpserver import free_port

EXPECTED = json.loads((ROOT / "crawler" / "demo" / "expected.json").read_text("utf-8"))


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def test_demo_crawls_every_kind_and_extracts_what_the_pages_say(tmp_path: Path) -> None:
    """`wirewatch demo` stores each sample article once (feeds of every RSS flavour and Atom, a news
    sitemap found through robots.txt, a listing page), with its title, agency, dateline place and
    publish time (offset kept), the dateline and credit stripped from the body and no boilerplate in
    it."""
    db = tmp_path / "demo.db"
    result = run_wirewatch("--db", str(db), "demo", "--port", "0", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{len(EXPECTED)} articles in {db}" in result.stdout
    rows = query(db, "SELECT * FROM articles")
    by_path = {re.sub(r"^https?://[^/]+", "", r["canonical_url"]): r for r in rows}
    assert sorted(by_path) == sorted(e["path"] for e in EXPECTED)
    for exp in EXPECTED:
        art = by_path[exp["path"]]
        assert art["source"] == exp["source"]
        assert art["title"] == exp["title"], exp["path"]
        assert art["agency"] == exp["agency"], exp["path"]
        assert art["dateline"] == exp["dateline"], exp["path"]
        assert art["published_at"] == exp["published_at"], exp["path"]
        assert art["published_local"] == exp["published_local"], exp["path"]
        words = _words(art["body"])
        assert words[:6] == _words(exp["first_words"]), exp["path"]
        assert words[-6:] == _words(exp["last_words"]), exp["path"]
        for phrase in exp["boilerplate"]:
            assert phrase not in art["body"], (exp["path"], phrase)
    runs = query(db, "SELECT source, errors, status FROM crawl_runs")
    assert {r["source"] for r in runs} == {"vna", "bernama", "antara", "xinhua", "pna", "tass"}
    assert all(r["errors"] == 0 and r["status"] == "finished" for r in runs)


def test_demo_groups_the_shared_wire_story_and_the_cli_shows_it(tmp_path: Path) -> None:
    """The Xinhua and VNA copies of one wire story become one story with both carriers; `wirewatch
    stories`, `story` and `actors` show stories, their articles, actors and reasons; a second crawl
    of an unchanged site adds no story."""
    db = tmp_path / "demo.db"
    assert run_wirewatch("--db", str(db), "demo", "--port", "0", cwd=tmp_path).returncode == 0
    stories = query(db, "SELECT * FROM stories")
    assert len(stories) == len(EXPECTED) - 1
    shared = [s for s in stories if s["article_count"] == 2]
    assert len(shared) == 1 and json.loads(shared[0]["sources"]) == ["vna", "xinhua"]
    listed = run_wirewatch("--db", str(db), "stories", "--relevance", "core", cwd=tmp_path)
    assert listed.returncode == 0
    assert "  vna,xinhua  " in listed.stdout and " related " not in listed.stdout
    shown = run_wirewatch("--db", str(db), "story", str(shared[0]["id"]), cwd=tmp_path)
    assert shown.returncode == 0
    assert (
        "relevance core" in shown.stdout and "bloc: ASEAN" in shown.stdout and "CHN" in shown.stdout
    )
    assert shown.stdout.count("http://127.0.0.1") == 2
    since = run_wirewatch("--db", str(db), "stories", "--since", "2026-02-11", cwd=tmp_path)
    assert 0 < len(since.stdout.splitlines()) < len(stories)
    who = run_wirewatch("actors", "Sergey Lavrov", "--on", "2026-02-09", cwd=tmp_path)
    assert "person:sergei-lavrov" in who.stdout and "counts for: RUS" in who.stdout


def _port_is_free(port: int) -> bool:
    """As the demo's server sees it: connections of earlier runs waiting out TIME_WAIT do not
    count."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def test_a_second_demo_stores_nothing_new(tmp_path: Path) -> None:
    """`wirewatch demo` run twice in a new folder serves the site on the same port, so the second
    run finds every article already stored, says so, and the archive keeps one copy of each."""
    if not _port_is_free(DEMO_PORT):
        pytest.skip(f"port {DEMO_PORT} is taken on this machine")
    first = run_wirewatch("demo", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    db = tmp_path / "data" / "demo.db"
    second = run_wirewatch("demo", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert f"nothing new: the sample site was already in {db}" in second.stdout
    assert f"{len(EXPECTED)} articles in {db}" in second.stdout
    urls = [r["canonical_url"] for r in query(db, "SELECT canonical_url FROM articles")]
    assert len(urls) == len(set(urls)) == len(EXPECTED)
    assert all(u.startswith(f"http://127.0.0.1:{DEMO_PORT}/") for u in urls)


def test_a_taken_port_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """When the demo's port is taken, `wirewatch demo` says so on one line, names the way out and
    exits 2, without a traceback and without creating its database."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_wirewatch("demo", "--port", str(port), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"wirewatch: cannot serve the sample site on 127.0.0.1:{port}: the port is in use"
    )
    assert "--port" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "data").exists()


@pytest.fixture
def start_demo(tmp_path: Path) -> Iterator[Callable[..., tuple[subprocess.Popen[str], int]]]:
    """Starts `wirewatch [options] demo --serve` in a session of its own, as a terminal or a
    service manager starts it, on a free port; kills what a test leaves running."""
    started: list[subprocess.Popen[str]] = []

    def start(*options: str) -> tuple[subprocess.Popen[str], int]:
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "crawler.cli", *options, "demo", "--serve", "--port", str(port)],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        started.append(proc)
        return proc, port

    yield start
    for proc in started:
        _kill(proc)


def _kill(proc: subprocess.Popen[str]) -> str:
    """SIGKILL to the demo's group while the demo runs (unreaped, its id is still its own), then its
    stderr so far; what its crawl child left holding the pipes must not hang the test run."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    try:
        return proc.communicate(timeout=10)[1]
    except subprocess.TimeoutExpired:
        return "(stderr still held open after the demo was killed)"


def _wait_for_line(stream: IO[str] | None, text: str) -> None:
    """Read stream until a line holds text; the 120 s only guard the test run against a demo that
    never gets there."""
    assert stream is not None
    found = threading.Event()

    def read() -> None:
        for line in stream:
            if text in line:
                found.set()
                return

    threading.Thread(target=read, daemon=True).start()
    if not found.wait(120):
        pytest.fail(f"the demo printed no line with {text!r} in 120 s")


def _signal_and_wait(proc: subprocess.Popen[str], sig: int) -> str:
    """Send sig to the demo's process group, as Ctrl-C or a service manager does; the 60 s only
    guard the test run against a demo that ignores it. Returns its stderr."""
    os.killpg(proc.pid, sig)
    try:
        return proc.communicate(timeout=60)[1]
    except subprocess.TimeoutExpired:
        err = _kill(proc)
        pytest.fail(f"the demo still ran 60 s after {signal.Signals(sig).name}; stderr: {err}")


def _refused(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


STOPS = [(signal.SIGINT, 130), (signal.SIGTERM, 0)]


@pytest.mark.parametrize(("sig", "status"), STOPS, ids=["SIGINT", "SIGTERM"])
def test_ctrl_c_or_sigterm_stops_the_demo_while_it_serves(
    start_demo: Callable[..., tuple[subprocess.Popen[str], int]], sig: int, status: int
) -> None:
    """`wirewatch demo --serve` stops at once on Ctrl-C (exit 130) or SIGTERM (exit 0), without a
    traceback, and the sample site's port is closed after it."""
    proc, port = start_demo()
    _wait_for_line(proc.stdout, "still serving")
    site = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    site.request("GET", "/robots.txt")
    assert site.getresponse().status == 200
    site.close()
    err = _signal_and_wait(proc, sig)
    assert proc.returncode == status, err
    assert "Traceback" not in err
    assert _refused(port)


@pytest.mark.parametrize(("sig", "status"), STOPS, ids=["SIGINT", "SIGTERM"])
def test_ctrl_c_or_sigterm_stops_the_demo_during_its_crawl(
    start_demo: Callable[..., tuple[subprocess.Popen[str], int]],
    sig: int,
    status: int,
    tmp_path: Path,
) -> None:
    """A stop signal while the sample site is being crawled ends the crawl (its runs closed, none
    left running) and the demo with it, rather than going on to serve: exit 130 or 0, no
    traceback, the port closed."""
    proc, port = start_demo("-v")  # -v: a log line per page stored
    _wait_for_line(proc.stderr, "crawler.crawl.outcomes")
    err = _signal_and_wait(proc, sig)
    assert proc.returncode == status, err
    assert "Traceback" not in err
    assert _refused(port)
    runs = query(tmp_path / "data" / "demo.db", "SELECT status FROM crawl_runs")
    assert runs and {r["status"] for r in runs} <= {"finished", "stopped"}
    # The crawl is sent SIGTERM whatever stopped the demo; the demo says first what stopped it.
    if "asked to stop (SIGTERM)" in err:
        cause = "Ctrl-C" if sig == signal.SIGINT else "SIGTERM"
        said = err.find(f"{cause}: stopping the crawl after the pages in hand")
        assert 0 <= said < err.find("asked to stop (SIGTERM)"), err
