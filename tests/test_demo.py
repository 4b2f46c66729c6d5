"""The offline demo: the bundled sample wire site crawled end to end, checked against its expected
results."""

from __future__ import annotations

import json
import re
from pathlib import Path

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
    result = run_wirewatch("--db", str(db), "demo", cwd=tmp_path)
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
    assert run_wirewatch("--db", str(db), "demo", cwd=tmp_path).returncode == 0
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
