"""The `wirewatch` command as users run it: from any directory, with help on every command."""

from __future__ import annotations

import os
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
    rss,
    run_wirewatch,
    store_distinct_stories,
    wire_source,
    write_config,
)
from tests.httpserver import LocalServer

COMMANDS = ["crawl", "sources", "search", "demo"]


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
    titles = [line for line in found.stdout.splitlines() if not line.startswith(" ")]
    assert [t.split(None, 2)[2] for t in titles] == [
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
    assert one.stdout == two.stdout and one.stdout.count("\n") == 4
    bad = run_wirewatch("--db", str(db), "stories", "--relevance", "core,urgent")
    assert bad.returncode == 2 and "--relevance" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("DOWNLOAD_DELAY=abc", "-s DOWNLOAD_DELAY='abc': expects a number"),
        ("CONCURRENT_REQUESTS=2.5", "-s CONCURRENT_REQUESTS='2.5': expects a whole number"),
        ("ROBOTSTXT_OBEY=maybe", "-s ROBOTSTXT_OBEY='maybe': expects true or false"),
        ("DOWNLOAD_TIMEOUT=-1", "-s DOWNLOAD_TIMEOUT='-1': must not be negative"),
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
