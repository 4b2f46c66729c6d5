"""The offline demo: the bundled sample wire site crawled end to end, checked against its expected
results."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest

from crawler.demo.server import DEMO_PORT
from tests.conftest import ROOT, query, run_wirewatch

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
    assert "[vna, xinhua]" in listed.stdout and " related " not in listed.stdout
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
