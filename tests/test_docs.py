"""The README documents every command, config key, table and column users script against."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from crawler.cli import main
from crawler.config import CRAWL_KEYS, SOURCE_KEYS, STORIES_KEYS
from crawler.store.database import Store
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def test_every_command_is_documented() -> None:
    """Each `wirewatch` subcommand appears in the README and has help text."""
    for name, command in main.commands.items():
        assert f"wirewatch {name}" in README, name
        assert command.help, name
        for sub in getattr(command, "commands", {}):
            assert f"wirewatch {name} {sub}" in README, (name, sub)


def test_every_config_key_is_documented() -> None:
    """Each [crawl] key with its Scrapy setting, and each [[sources]] key, has a row in the
    README."""
    for key, (setting, _) in (CRAWL_KEYS | STORIES_KEYS).items():
        assert re.search(rf"\| `{key}` \| `{setting}` \|", README), key
    for key in SOURCE_KEYS:
        assert re.search(rf"^\| `{key}` \|", README, re.M), key


def test_every_rule_channel_and_delivery_key_is_documented() -> None:
    """Each [[rules]] key has a row, each channel and [delivery] key appears in the README's
    example."""
    from crawler.config import DELIVERY_KEYS
    from crawler.config.alerts import EMAIL_KEYS, RULE_KEYS, SLACK_KEYS

    for key in RULE_KEYS:
        assert f"`{key}`" in README, key
    from crawler.config.schedules import CRAWL_KEYS as SCHEDULE_CRAWL
    from crawler.config.schedules import DIGEST_KEYS, HOUSEKEEPING_KEYS

    for key in (
        EMAIL_KEYS
        | SLACK_KEYS
        | set(DELIVERY_KEYS)
        | SCHEDULE_CRAWL
        | DIGEST_KEYS
        | HOUSEKEEPING_KEYS
        | {"channel", "failures", "silence_factor", "min_silence"}
    ):
        assert re.search(rf"^{key} = ", README, re.M), key


def test_every_table_and_column_is_documented(tmp_path: Path) -> None:
    """Each table of the schema and each of its columns is named in the README's database
    section."""
    store = Store(tmp_path / "ww.db")
    conn: sqlite3.Connection = store.conn
    section = README.split("## Database", 1)[1].split("\n## ", 1)[0]
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
            "'articles_fts_%' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for table in tables:
        assert f"`{table}`" in section, table
        if table == "articles_fts":
            continue
        for col in conn.execute(f"PRAGMA table_info([{table}])"):
            assert f"`{col[1]}`" in section, (table, col[1])
    store.close()


def test_quickstart_has_the_two_commands() -> None:
    """The Quickstart holds exactly two shell commands: install and demo, install and test."""
    quick = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)\n```", quick, re.S)
    assert len(blocks) == 2
    assert blocks[0].endswith("wirewatch demo") and "pytest" in blocks[1]
