"""Config loading: where the file and database come from, and one clear line for each mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.config import (
    ConfigError,
    bundled_config_path,
    load_config,
    resolve_config_path,
    resolve_db_path,
)
from tests.conftest import run_wirewatch

GOOD = (
    '[[sources]]\nname = "vna"\nkind = "feed"\nurls = ["https://en.vietnamplus.vn/rss/news.rss"]\n'
)


def write(tmp_path: Path, text: str, name: str = "wirewatch.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_bundled_default_lists_the_real_agencies() -> None:
    """The bundled config loads and lists the English feeds of the wire agencies the project
    promises."""
    config = load_config(bundled_config_path())
    names = {s.name for s in config.sources}
    assert {"vna", "bernama", "antara", "pna", "xinhua", "tass", "kyodo", "yonhap"} <= names
    tz = {s.name: s.timezone for s in config.sources}
    assert (
        tz["vna"] == "Asia/Ho_Chi_Minh"
        and tz["bernama"] == "Asia/Kuala_Lumpur"
        and tz["tass"] == "Europe/Moscow"
    )


def test_a_sources_agency_gives_its_home_zone_by_any_name_it_goes_by(tmp_path: Path) -> None:
    """A partner's agency, or a paper by its full name, reads times printed without an offset in
    its own zone; an outlet not known here falls back to UTC."""
    entries = {
        "alpha": "PTI",
        "bravo": "Philippine Daily Inquirer",
        "charlie": "Emirates News Agency",
        "blog": "Some Blog",
    }
    text = "".join(
        f'[[sources]]\nname = "{name}"\nkind = "feed"\nurls = ["https://{name}.example/rss"]\n'
        f'agency = "{agency}"\n'
        for name, agency in entries.items()
    )
    config = load_config(write(tmp_path, text))
    assert {s.name: s.timezone for s in config.sources} == {
        "alpha": "Asia/Kolkata",
        "bravo": "Asia/Manila",
        "charlie": "Asia/Dubai",
        "blog": "UTC",
    }


def test_config_path_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--config, else WIREWATCH_CONFIG, else ./wirewatch.toml, else the bundled default."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WIREWATCH_CONFIG", raising=False)
    assert resolve_config_path(None) == bundled_config_path()
    write(tmp_path, GOOD)
    assert resolve_config_path(None) == Path("wirewatch.toml")
    monkeypatch.setenv("WIREWATCH_CONFIG", str(tmp_path / "env.toml"))
    assert resolve_config_path(None) == tmp_path / "env.toml"
    assert resolve_config_path("explicit.toml") == Path("explicit.toml")


def test_db_path_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--db, else WIREWATCH_DB, else [storage] path (relative to the config file), else
    ./data/wirewatch.db."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WIREWATCH_DB", raising=False)
    sub = tmp_path / "conf"
    sub.mkdir()
    plain = load_config(write(sub, GOOD))
    assert resolve_db_path(None, plain) == tmp_path / "data" / "wirewatch.db"
    stored = load_config(write(sub, '[storage]\npath = "db/ww.db"\n' + GOOD))
    assert resolve_db_path(None, stored) == sub / "db" / "ww.db"
    monkeypatch.setenv("WIREWATCH_DB", "/tmp/env.db")
    assert resolve_db_path(None, stored) == Path("/tmp/env.db")
    assert resolve_db_path("cli.db", stored) == Path("cli.db")


def test_chosen_file_replaces_the_default(tmp_path: Path) -> None:
    """Nothing is merged: a config with one source has exactly that source."""
    config = load_config(write(tmp_path, GOOD))
    assert [s.name for s in config.sources] == ["vna"]


def test_crawl_table_maps_to_scrapy_settings(tmp_path: Path) -> None:
    """[crawl] keys become the Scrapy settings they name."""
    config = load_config(
        write(
            tmp_path,
            '[crawl]\ndelay = 3\nuser_agent = "me"\npage_maxsize = 1000\nrobots_max_age = "12h"\n'
            + GOOD,
        )
    )
    assert config.crawl_settings == {
        "DOWNLOAD_DELAY": 3,
        "USER_AGENT": "me",
        "DOWNLOAD_MAXSIZE": 1000,
        "WIREWATCH_ROBOTS_MAX_AGE": 43200.0,
    }


BAD = [
    (
        '[[sources]]\nname = "vna"\nkind = "feed"\nurls = ["https://x.org/a"]\ncolour = "red"\n',
        "sources[0] (name 'vna'), field 'colour': unknown key",
    ),
    (
        '[[sources]]\nname = "vna"\nkind = "feed"\n',
        "sources[0] (name 'vna'), field 'urls': missing required field",
    ),
    (
        '[[sources]]\nname = "vna"\nkind = "feed"\nurls = ["htp:/x"]\n',
        "sources[0] (name 'vna'), field 'urls': 'htp:/x' is not an absolute http(s) URL",
    ),
    (
        GOOD + GOOD,
        "sources[1] (name 'vna'), field 'name': duplicate name, already used by sources[0]",
    ),
    (
        '[[sources]]\nname = "vna"\nkind = "magazine"\nurls = ["https://x.org/"]\n',
        "field 'kind': 'magazine' is not one of: feed, sitemap, listing",
    ),
    (
        '[[sources]]\nname = "vna"\nkind = "feed"\nurls = ["https://x.org/"]\n'
        'timezone = "Mars/Olympus"\n',
        "field 'timezone': 'Mars/Olympus' is not an IANA time zone",
    ),
    ('[crawl]\ndelay = "fast"\n' + GOOD, "[crawl], field 'delay': must be a float"),
    ("[crawl]\nspeed = 1\n" + GOOD, "[crawl], field 'speed': unknown key"),
    (
        '[crawl]\nrobots_max_age = "a day"\n' + GOOD,
        "[crawl], field 'robots_max_age': 'a day' is not a duration such as '30s', '10m', '1h'",
    ),
    ("[alerts]\nx = 1\n" + GOOD, "top level key 'alerts': unknown key"),
    (
        '[[sources]]\nname = "vna"\nkind = "listing"\nurls = ["https://x.org/"]\n'
        'link_selector = "a[[["\n',
        "field 'link_selector': invalid CSS selector",
    ),
    ("[[sources]\nname = 1", "file: invalid TOML"),
    (
        GOOD + '[[rules]]\nname = "r"\nquery = "ASEAN AND"\n',
        "rules[0] (name 'r'), field 'query': invalid query",
    ),
    (
        GOOD + '[[rules]]\nname = "r"\nactors_any = ["MARS"]\n',
        "rules[0] (name 'r'), field 'actors_any': unknown actor id 'MARS'",
    ),
    (
        GOOD + '[[rules]]\nname = "r"\nquery = "x"\nsources = ["nope"]\n',
        "field 'sources': unknown source 'nope'",
    ),
    (
        GOOD + '[[rules]]\nname = "r"\nquery = "x"\nchannels = ["desk"]\n',
        "field 'channels': unknown channel 'desk'",
    ),
    (
        GOOD + '[[rules]]\nname = "r"\nquery = "x"\nmode = "hourly"\n',
        "field 'mode': 'hourly' is not one of",
    ),
    (
        GOOD + '[[rules]]\nname = "r"\n',
        "field 'query': a rule needs a query, actors_all or actors_any",
    ),
    (
        GOOD + '[channels.desk]\ntype = "email"\nto = ["x"]\nfrom = "a@b.org"\nsmtp_host = "h"\n',
        "[channels.desk], field 'to': 'x' is not an email address",
    ),
    (
        GOOD + '[channels.s]\ntype = "slack"\nwebhook_url = "ftp://hooks.example/SECRET"\n',
        "[channels.s], field 'webhook_url': is not an http(s) URL",
    ),
]


@pytest.mark.parametrize("text,message", BAD)
def test_invalid_config_names_file_entry_and_field(tmp_path: Path, text: str, message: str) -> None:
    """Each mistake is one error naming the file, the entry and the field."""
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(str(path) + ": ")
    assert message in str(info.value)
    assert "SECRET" not in str(info.value), "secrets are never echoed"


def test_cli_reports_config_error_in_one_line_with_status_2(tmp_path: Path) -> None:
    """A bad config exits with status 2 and one line on stderr, no traceback, for every command."""
    path = write(tmp_path, BAD[0][0])
    for command in (["sources"], ["crawl"], ["search", "asean"]):
        result = run_wirewatch("--config", str(path), *command, cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "field 'colour'" in lines[0] and str(path) in lines[0]


def test_cli_unknown_source_exits_2(tmp_path: Path) -> None:
    """Crawling a source that is not configured is a usage error with status 2 naming the known
    ones."""
    path = write(tmp_path, GOOD)
    result = run_wirewatch(
        "--config", str(path), "--db", str(tmp_path / "x.db"), "crawl", "nope", cwd=tmp_path
    )
    assert result.returncode == 2
    assert "unknown source 'nope'" in result.stderr and "vna" in result.stderr
    assert not (tmp_path / "x.db").exists()
