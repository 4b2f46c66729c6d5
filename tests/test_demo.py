"""The offline demo: the bundled sample wire site crawled end to end, checked against its expected results."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import ROOT, query, run_wirewatch

EXPECTED = json.loads((ROOT / "crawler" / "demo" / "expected.json").read_text("utf-8"))


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def test_demo_crawls_every_kind_and_extracts_what_the_pages_say(tmp_path: Path) -> None:
    """`wirewatch demo` stores each sample article once (feeds of every RSS flavour and Atom, a news sitemap found
    through robots.txt, a listing page), with its title, agency, dateline place and publish time (offset kept),
    the dateline and credit stripped from the body and no boilerplate in it."""
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
