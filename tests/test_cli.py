"""The `wirewatch` command as users run it: from any directory, with help on every command."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import (
    article_html,
    one_article_site,
    query,
    rss,
    run_wirewatch,
    save_and_group,
    store_distinct_stories,
    wire_source,
    write_config,
)
from tests.httpserver import LocalServer

COMMANDS = ["crawl", "sources", "search", "demo"]


def under(header: str, row: str, name: str) -> str:
    """The value in `row` that stands under the column `name` of `header`, read as the eye reads
    a left-aligned column: from where its header starts to the next gap of two spaces. A value
    shifted either way comes out cut or empty."""
    start = header.index(name)
    assert start == 0 or row[start - 1] == " ", (name, header, row)
    return row[start:].split("  ")[0]


def under_right(header: str, row: str, name: str) -> str:
    """The value standing under a right-aligned (count) column: it ends where its header ends."""
    end = header.index(name) + len(name)
    assert row[end : end + 1] in ("", " "), (name, header, row)
    return row[:end].split()[-1]


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_help_everywhere(command: list[str], tmp_path: Path) -> None:
    """Every command answers --help with a description, from a directory without scrapy.cfg."""
    result = run_wirewatch(*command, "--help", cwd=tmp_path)
    assert result.returncode == 0 and "Usage:" in result.stdout
    assert len(result.stdout.splitlines()) > 3


def test_crawl_then_search_from_another_directory(tmp_path: Path, server: LocalServer) -> None:
    """A crawl and an FTS5 search, both run outside the repository; results come newest first with a
    snippet, and an invalid query is a clear error with status 2."""
    server.page(
        "/a/1.html",
        article_html(
            "ASEAN and China talk sea code",
            "Hanoi (VNA) – ASEAN and China met on the South China Sea code./.",
            head='<meta property="article:published_time" content="2026-02-09T10:00:00+07:00">',
        ),
    )
    server.page(
        "/a/2.html",
        article_html(
            "ASEAN and China sign pact",
            "Hanoi (VNA) – ASEAN and China signed a pact./.",
            head='<meta property="article:published_time" content="2026-02-10T10:00:00+07:00">',
        ),
    )
    server.page(
        "/feed.xml",
        rss([{"title": "1", "link": "{base}/a/1.html"}, {"title": "2", "link": "{base}/a/2.html"}]),
        "application/rss+xml",
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    cfg = write_config(
        tmp_path / "c.toml",
        f'[storage]\npath = "ww.db"\n[[sources]]\nname = "vna"\n'
        f'kind = "feed"\nurls = ["{server.url("/feed.xml")}"]\n',
    )
    result = run_wirewatch("--config", str(cfg), "crawl", "--no-progress", cwd=work)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "ww.db").exists(), (
        "a relative [storage] path is read from the config's folder"
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("vna")]
    assert lines and lines[0].split()[1:7] == ["3", "2", "0", "0", "0", "0"]
    found = run_wirewatch("--config", str(cfg), "search", '"China Sea" OR pact', cwd=work)
    assert found.returncode == 0, found.stderr
    header, *rows = found.stdout.splitlines()
    assert [under(header, r, "title") for r in rows] == [
        "ASEAN and China sign pact",
        "ASEAN and China talk sea code",
    ]
    assert "[China]" in found.stdout or "[pact]" in found.stdout
    bad = run_wirewatch("--config", str(cfg), "search", 'AND AND "', cwd=work)
    assert (
        bad.returncode == 2
        and "invalid search query" in bad.stderr
        and "Traceback" not in bad.stderr
    )


def test_sources_lists_the_config(tmp_path: Path) -> None:
    """`wirewatch sources` prints each source with its kind, agency, time zone and URLs."""
    cfg = write_config(
        tmp_path / "c.toml",
        '[[sources]]\nname = "bernama"\nkind = "feed"\n'
        'urls = ["https://www.bernama.com/en/rssfeed.php"]\n',
    )
    result = run_wirewatch("--config", str(cfg), "sources", cwd=tmp_path)
    assert result.returncode == 0
    assert (
        "bernama" in result.stdout
        and "Asia/Kuala_Lumpur" in result.stdout
        and "rssfeed.php" in result.stdout
    )


def test_crawl_without_network_fails_each_source_on_one_line(tmp_path: Path) -> None:
    """Sources that cannot be reached fail with one clear line each and the command exits 0."""
    cfg = write_config(
        tmp_path / "c.toml",
        '[[sources]]\nname = "vna"\nkind = "feed"\n'
        'urls = ["http://127.0.0.1:9/rss.xml"]\n'
        '[[sources]]\nname = "tass"\nkind = "feed"\n'
        'urls = ["http://no-such-host.invalid/rss.xml"]\n',
    )
    result = run_wirewatch(
        "--config", str(cfg), "--db", str(tmp_path / "x.db"), "crawl", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    failures = [line for line in result.stderr.splitlines() if " failed " in line]
    assert len(failures) == 2
    assert any("vna" in f and "127.0.0.1:9/rss.xml" in f for f in failures)
    assert any("tass" in f and "no-such-host.invalid" in f for f in failures)


def test_a_file_that_is_not_a_database_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """`search`, `crawl` and `status` on a text file given as the database: one line naming the
    file, exit 2, no traceback; a database from a newer wirewatch is refused the same way."""
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 200, "utf-8")
    for args in (("search", "ASEAN"), ("status",), ("crawl", "vna")):
        result = run_wirewatch("--db", str(bogus), *args)
        assert result.returncode == 2, (args, result.stderr)
        assert f"{bogus}: is not a SQLite database" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    result = run_wirewatch("--db", str(newer), "stories")
    assert result.returncode == 2 and "newer than this wirewatch" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_relevance_levels_in_any_order(tmp_path: Path) -> None:
    """`--relevance related,core` lists what `core,related` lists; a level that does not exist is
    one line and exit 2."""
    db = tmp_path / "ww.db"
    store_distinct_stories(db, 4)
    one = run_wirewatch("--db", str(db), "stories", "--relevance", "core,related")
    two = run_wirewatch("--db", str(db), "stories", "--relevance", "related, core")
    assert one.returncode == two.returncode == 0, (one.stderr, two.stderr)
    assert one.stdout == two.stdout and one.stdout.count("\n") == 1 + 4  # header, 4 stories
    bad = run_wirewatch("--db", str(db), "stories", "--relevance", "core,urgent")
    assert bad.returncode == 2 and "--relevance" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("DOWNLOAD_DELAY=abc", "-s DOWNLOAD_DELAY='abc': expects a number"),
        ("CONCURRENT_REQUESTS=2.5", "-s CONCURRENT_REQUESTS='2.5': expects a whole number"),
        ("ROBOTSTXT_OBEY=maybe", "-s ROBOTSTXT_OBEY='maybe': expects true or false"),
        ("DOWNLOAD_TIMEOUT=-1", "-s DOWNLOAD_TIMEOUT='-1': must not be negative"),
        ("WIREWATCH_ROBOTS_MAX_AGE=1d", "-s WIREWATCH_ROBOTS_MAX_AGE='1d': expects a number"),
    ],
)
def test_a_bad_setting_value_is_one_line_and_exit_2(
    tmp_path: Path, setting: str, expected: str
) -> None:
    cfg = write_config(tmp_path / "c.toml", "")
    result = run_wirewatch(
        "--config", str(cfg), "--db", str(tmp_path / "w.db"), "crawl", "-s", setting
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == f"wirewatch: {expected}"


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make files and folders truly read-only: `chattr +i` as root (who ignores permissions),
    plain permissions otherwise."""
    root = os.geteuid() == 0
    if root and subprocess.run(["chattr", "+i", *map(str, paths)]).returncode != 0:
        pytest.skip("needs chattr +i (an ext2/3/4 file system) when run as root")
    if not root:
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        yield
    finally:
        if root:
            subprocess.run(["chattr", "-i", *map(str, paths)], check=True)
        else:
            for p in paths:
                p.chmod(0o755 if p.is_dir() else 0o644)


def test_reading_commands_work_on_a_read_only_database(tmp_path: Path, server: LocalServer) -> None:
    """search, stories and status read a database in a read-only folder; crawl, which must write,
    says so in one line with exit 2."""
    one_article_site(server, "Hanoi hosts ASEAN talks", "Hanoi (VNA) – Talks./.")
    cfg = write_config(tmp_path / "c.toml", wire_source(server))
    made = tmp_path / "made.db"
    assert run_wirewatch("--config", str(cfg), "--db", str(made), "crawl").returncode == 0
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "ww.db"
    shutil.copy(made, db)
    base = ("--config", str(cfg), "--db", str(db))
    with read_only(db, folder):
        for command in (["search", "Hanoi"], ["stories"], ["status"]):
            result = run_wirewatch(*base, *command)
            assert result.returncode == 0, (command, result.stderr)
            assert "Traceback" not in result.stderr
            if command[0] != "status":
                assert "Hanoi hosts ASEAN talks" in result.stdout, command
        result = run_wirewatch(*base, "crawl")
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith(f"wirewatch: {db}: cannot be opened for writing")
        assert "Traceback" not in result.stderr


def listing_setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Three stored stories of the source `kyodo` (first seen 2026-02-09T08:00Z), a config with it,
    a disabled source with a long name and a rule on Japan, and a schedule that crawls kyodo."""
    db = tmp_path / "ww.db"
    store_distinct_stories(db, 3)
    cfg = write_config(
        tmp_path / "c.toml",
        '[[sources]]\nname = "kyodo"\nkind = "feed"\nurls = ["http://127.0.0.1:9/kyodo.xml"]\n'
        '[[sources]]\nname = "a-wire-with-a-long-name"\nkind = "sitemap"\nenabled = false\n'
        'urls = ["http://127.0.0.1:9/"]\n'
        '[[rules]]\nname = "japan"\nquery = "Japan"\n',
    )
    schedules = tmp_path / "schedules"
    schedules.mkdir()
    (schedules / "s.toml").write_text('[[crawl]]\nsources = ["kyodo"]\nevery = "15m"\n', "utf-8")
    return db, cfg, schedules


def take_out_of_its_story(db: Path, article_id: int) -> None:
    """Leave an article without a story, as a crash between storing and grouping would."""
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET story_id = NULL WHERE id = ?", (article_id,))
    conn.close()


def test_lists_print_a_header_row_over_aligned_columns(tmp_path: Path) -> None:
    """`sources`, `stories`, `search`, `status`, `rules test` and the articles of `story` print a
    header row first, then one line per record with each value under its header, also past a
    value longer than any fixed width (a source name of 23 characters)."""
    db, cfg, schedules = listing_setup(tmp_path)

    def lines(*args: str) -> list[str]:
        result = run_wirewatch("--config", str(cfg), "--db", str(db), *args, env={"TZ": "UTC"})
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        return result.stdout.splitlines()

    header, *rows = lines("sources")
    assert header.split() == ["source", "kind", "agency", "timezone", "enabled", "urls"]
    assert [under(header, r, "source") for r in rows] == ["kyodo", "a-wire-with-a-long-name"]
    assert [under(header, r, "enabled") for r in rows] == ["yes", "no"]
    assert under(header, rows[1], "urls") == "http://127.0.0.1:9/"

    header, *rows = lines("stories")
    assert header.split() == ["story", "first", "seen", "relevance", "articles", "sources", "title"]
    assert [under(header, r, "title") for r in rows] == [
        f"ASEAN, Japan talks round {i}" for i in (2, 1, 0)
    ]
    assert {under(header, r, "first seen") for r in rows} == {"2026-02-09T08:00+00:00"}
    assert [under_right(header, r, "story") for r in rows] == ["3", "2", "1"]
    assert {under_right(header, r, "articles") for r in rows} == {"1"}
    assert {under(header, r, "sources") for r in rows} == {"kyodo"}

    header, *rows = lines("search", "round 1")
    assert header.split() == ["published", "source", "title", "url", "snippet"]
    assert len(rows) == 1 and under(header, rows[0], "url") == "https://kyodo.example/1"
    assert under(header, rows[0], "title") == "ASEAN, Japan talks round 1"
    assert "[round] [1]" in under(header, rows[0], "snippet")

    header, *rows = lines("rules", "test", "japan")
    assert header.split() == ["story", "relevance", "title", "terms", "actors", "snippet"]
    assert [under(header, r, "title") for r in rows] == [
        f"ASEAN, Japan talks round {i}" for i in (0, 1, 2)
    ]
    assert {under(header, r, "terms") for r in rows} == {"Japan"}
    assert {under(header, r, "actors") for r in rows} == {"-"}

    story = lines("story", "2")
    header, row = story[story.index("articles:") + 1 :][:2]
    assert header.split() == ["article", "published", "agency", "joined", "title", "url"]
    assert under(header, row, "joined") == "-"  # it began its story
    assert under(header, row, "title") == "ASEAN, Japan talks round 1"
    assert under(header, row, "url") == "https://kyodo.example/1"

    status = lines("status", "--schedules", str(schedules))
    header, *rows = status[: status.index("")]
    assert header.split()[:4] == ["source", "last", "run", "status"]
    assert [under(header, r, "source") for r in rows] == ["kyodo", "a-wire-with-a-long-name"]
    assert [under_right(header, r, "total") for r in rows] == ["3", "0"]
    header, row = status[status.index("") + 1 :]
    assert header.split() == ["job", "last", "start", "status", "next", "run", "schedule"]
    assert (under(header, row, "job"), under(header, row, "schedule")) == ("s:crawl:0", "every 15m")


def test_times_are_printed_in_the_readers_zone_with_its_offset(tmp_path: Path) -> None:
    """Under `TZ=Asia/Bangkok` a story stored as 08:00 UTC reads 15:00+07:00 in `stories`,
    `search`, `story` and `status` (its next scheduled run), and log lines carry the same offset;
    under `TZ=America/New_York` the same instant reads 03:00-05:00. `--since` is read in the same
    zone, and the database keeps UTC."""
    db, cfg, schedules = listing_setup(tmp_path)
    from crawler.store.database import Store

    store = Store(db)
    try:
        with store.write():
            store.jobs.job_finished("s:crawl:0", "crawl", "ok", None, "2026-02-09T08:15:00+00:00")
    finally:
        store.close()

    def out(zone: str, *args: str) -> str:
        result = run_wirewatch("--config", str(cfg), "--db", str(db), *args, env={"TZ": zone})
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        return result.stdout

    bangkok = "2026-02-09T15:00+07:00"
    for args in (("stories",), ("search", "Japan"), ("story", "1")):
        assert bangkok in out("Asia/Bangkok", *args), args
        assert "2026-02-09T03:00-05:00" in out("America/New_York", *args), args
        assert "+00:00" not in out("Asia/Bangkok", *args), args
    status = out("Asia/Bangkok", "status", "--schedules", str(schedules))
    assert "2026-02-09T15:15+07:00" in status and "+00:00" not in status
    assert out("Asia/Bangkok", "stories", "--since", "2026-02-09T15:00").count(bangkok) == 3
    assert bangkok not in out("Asia/Bangkok", "stories", "--since", "2026-02-09T15:01")
    assert out("America/New_York", "stories", "--since", "2026-02-09").count("03:00-05:00") == 3
    for command in (("stories",), ("rules", "test", "japan")):
        bad = run_wirewatch("--config", str(cfg), "--db", str(db), *command, "--since", "9 Feb")
        assert bad.returncode == 2 and bad.stderr.count("\n") == 1, bad.stderr
        assert "--since: '9 Feb' is not a date (YYYY-MM-DD)" in bad.stderr, bad.stderr
    assert [r["published_at"] for r in query(db, "SELECT published_at FROM articles")] == [
        "2026-02-09T08:00:00+00:00"
    ] * 3
    take_out_of_its_story(db, 1)
    logged = run_wirewatch("--db", str(db), "-v", "regroup", env={"TZ": "Asia/Bangkok"})
    line = next(x for x in logged.stderr.splitlines() if "no story yet" in x)
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+07:00 INFO ", line), line


def test_counts_agree_with_their_noun(tmp_path: Path) -> None:
    """One article, one story: `story`, `regroup` and `rules test` say "1 article" and "1 story",
    and "2 articles", "0 articles", "4 stories" otherwise."""
    from crawler.store.database import Store
    from crawler.stories.grouping import Grouper

    db, cfg, _ = listing_setup(tmp_path)
    store = Store(db)
    try:
        grouper = Grouper(store)
        body = " ".join(["Japan and ASEAN held talks on rice, wheat and the census."] * 8)
        for i in (1, 2):
            url = f"https://vna.example/{i}"
            when = "2026-02-10T08:00:00+00:00"
            save_and_group(store, grouper, url, "vna", "Rice talks", body, when)
    finally:
        store.close()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        result = run_wirewatch("--config", str(cfg), "--db", str(db), *args, env={"TZ": "UTC"})
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        return result

    assert ", 1 article\n" in run("story", "1").stdout
    assert ", 2 articles\n" in run("story", "4").stdout
    assert "4 stories matched by rule 'japan'" in run("rules", "test", "japan").stderr
    since = run("rules", "test", "japan", "--since", "2026-02-10")
    assert "1 story matched by rule 'japan'" in since.stderr
    assert run("regroup").stdout == "grouped 0 articles\n"
    take_out_of_its_story(db, 1)
    assert run("regroup").stdout == "grouped 1 article\n"
