"""Read and validate wirewatch.toml into a frozen Config; the only reader of the file.

Each table has its parser (sources in `sources.py`, rules and channels in `alerts.py`, the small
tables here); every error names the file, the entry and the field, so that one line tells the user
what to fix.
"""

from __future__ import annotations

import functools
import os
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.config.alerts import gazetteer_ids, parse_channels, parse_rules
from crawler.config.cluster import parse_cluster
from crawler.config.errors import ConfigError, EntryError
from crawler.config.model import (
    Channel,
    Config,
    DeliverySettings,
    HealthSettings,
    StoriesSettings,
    WebSettings,
)
from crawler.config.paths import DB_ENV, resolve_config_path, resolve_db_path
from crawler.config.sources import parse_sources
from crawler.config.values import duration, is_number, unknown_keys

# Friendly [crawl] keys and the Scrapy settings they set.
CRAWL_KEYS: dict[str, tuple[str, type]] = {
    "user_agent": ("USER_AGENT", str),
    "delay": ("DOWNLOAD_DELAY", float),
    "concurrency": ("CONCURRENT_REQUESTS", int),
    "concurrency_per_domain": ("CONCURRENT_REQUESTS_PER_DOMAIN", int),
    "autothrottle": ("AUTOTHROTTLE_ENABLED", bool),
    "autothrottle_max_delay": ("AUTOTHROTTLE_MAX_DELAY", float),
    "autothrottle_target_concurrency": ("AUTOTHROTTLE_TARGET_CONCURRENCY", float),
    "page_maxsize": ("DOWNLOAD_MAXSIZE", int),
    "seed_maxsize": ("WIREWATCH_SEED_MAXSIZE", int),
    "headers_maxsize": ("WIREWATCH_HEADERS_MAXSIZE", int),
    "headers_maxcount": ("WIREWATCH_HEADERS_MAXCOUNT", int),
    "memory_limit_mb": ("MEMUSAGE_LIMIT_MB", int),
    "timeout": ("DOWNLOAD_TIMEOUT", float),
    "retries": ("RETRY_TIMES", int),
    "retry_after_max": ("WIREWATCH_RETRY_AFTER_MAX", float),
    "retry_runs": ("WIREWATCH_RETRY_RUNS", int),
    "redirect_max": ("REDIRECT_MAX_TIMES", int),
    "robots_obey": ("ROBOTSTXT_OBEY", bool),
    "robots_max_age": ("WIREWATCH_ROBOTS_MAX_AGE", float),
    "extract_workers": ("WIREWATCH_EXTRACT_WORKERS", int),
    "extract_timeout": ("WIREWATCH_EXTRACT_TIMEOUT", float),
}
# [crawl] keys that also take a duration ('24h'); their setting holds seconds.
CRAWL_DURATIONS = {"robots_max_age"}
# [stories] keys and the Scrapy settings they set.
STORIES_KEYS: dict[str, tuple[str, type]] = {
    "gazetteer": ("WIREWATCH_GAZETTEER", str),
    "window_days": ("WIREWATCH_STORY_WINDOW_DAYS", float),
}
# [delivery] keys and the DeliverySettings fields they set.
DELIVERY_KEYS = {
    "retry_base_seconds": "retry_base_s",
    "retry_max_seconds": "retry_max_s",
    "slack_retry_after_max_seconds": "retry_after_max_s",
    "timeout_seconds": "timeout_s",
    "max_stories_email": "max_entries_email",
    "max_stories_slack": "max_entries_slack",
}
HEALTH_KEYS = ("channel", "failures", "min_silence", "silence_factor")
TOP_KEYS = {
    "storage",
    "crawl",
    "stories",
    "sources",
    "rules",
    "channels",
    "delivery",
    "health",
    "web",
    "cluster",
}


def load_config(path: str | Path | None = None) -> Config:
    """Read and validate one config file; nothing is merged with the bundled default."""
    p = resolve_config_path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ConfigError(p, "file", None, f"cannot read: {exc.strerror or exc}") from None
    # A crawl reads its config once per source (its spider, its alerts): the same bytes under the
    # same environment and folder give the same Config, which is immutable.
    return _parsed(p, raw, os.getcwd(), frozenset(os.environ.items()))


@functools.lru_cache(maxsize=8)
def _parsed(p: Path, raw: bytes, _cwd: str, _env: frozenset[tuple[str, str]]) -> Config:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(
            p, "file", None, f"not UTF-8 ({exc.reason} at byte {exc.start})"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(p, "file", None, f"invalid TOML: {exc}") from None
    return parse_config(data, p)


def parse_config(data: dict[str, Any], path: Path) -> Config:
    try:
        return _parse(data, path)
    except EntryError as exc:
        raise ConfigError.at(path, exc) from None


def db_path_for_run(get: Callable[[str], Any]) -> Path:
    """The database a Scrapy run writes to: its WIREWATCH_DB setting, else found as the CLI finds
    it."""
    explicit = get(DB_ENV)
    return (
        Path(explicit)
        if explicit
        else resolve_db_path(None, load_config(get("WIREWATCH_CONFIG") or None))
    )


def _parse(data: dict[str, Any], path: Path) -> Config:
    for key in data:
        if key not in TOP_KEYS:
            raise EntryError(
                f"top level key '{key}'",
                None,
                f"unknown key (expected one of: {', '.join(sorted(TOP_KEYS))})",
            )
    storage_path = _parse_storage(_table(data, "storage"), path)
    crawl = _parse_crawl(_table(data, "crawl"))
    stories = _parse_stories(_table(data, "stories"), path)
    sources = parse_sources(data.get("sources", []))
    channels = parse_channels(data.get("channels", {}))
    raw_rules = data.get("rules", [])
    needs_actors = isinstance(raw_rules, list) and any(
        isinstance(r, dict) and (r.get("actors_all") or r.get("actors_any") or r.get("actors_none"))
        for r in raw_rules
    )
    ids = gazetteer_ids(stories.gazetteer) if needs_actors else None
    rules = parse_rules(raw_rules, channels, {s.name for s in sources}, ids)
    return Config(
        path=path,
        sources=sources,
        crawl_settings=crawl,
        storage_path=storage_path,
        stories=stories,
        rules=rules,
        channels=channels,
        delivery=_parse_delivery(_table(data, "delivery")),
        health=_parse_health(_table(data, "health"), channels),
        web=_parse_web(_table(data, "web")),
        cluster=parse_cluster(_table(data, "cluster") if "cluster" in data else None),
    )


def _table(data: dict[str, Any], name: str) -> dict[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise EntryError(f"[{name}]", None, "must be a table")
    return table


def _relative(value: str, config_path: Path) -> Path:
    """A path from the config: relative ones are read from the config file's folder, so commands
    work from any directory."""
    p = Path(os.path.expanduser(value))
    return p if p.is_absolute() else config_path.resolve().parent / p


def _parse_storage(table: dict[str, Any], path: Path) -> Path | None:
    for key in table:
        if key != "path":
            raise EntryError("[storage]", key, "unknown key (expected: path)")
    if "path" not in table:
        return None
    value = table["path"]
    if not isinstance(value, str) or not value:
        raise EntryError("[storage]", "path", "must be a non-empty string")
    return _relative(value, path)


def _parse_crawl(table: dict[str, Any]) -> dict[str, Any]:
    unknown_keys(table, CRAWL_KEYS, "[crawl]")
    out: dict[str, Any] = {}
    for key, value in table.items():
        setting, typ = CRAWL_KEYS[key]
        if key in CRAWL_DURATIONS:
            out[setting] = duration(value, "[crawl]", key)
            continue
        if typ is bool:
            ok = isinstance(value, bool)
        else:
            ok = (
                isinstance(value, typ) or (typ is float and isinstance(value, int))
            ) and not isinstance(value, bool)
        if not ok:
            raise EntryError("[crawl]", key, f"must be a {typ.__name__}, got {value!r}")
        if typ in (int, float) and value < 0:
            raise EntryError("[crawl]", key, f"must not be negative, got {value!r}")
        out[setting] = value
    return out


def _parse_stories(table: dict[str, Any], path: Path) -> StoriesSettings:
    unknown_keys(table, STORIES_KEYS, "[stories]")
    gazetteer, window = None, StoriesSettings().window_days
    if "window_days" in table:
        window = table["window_days"]
        if not is_number(window) or window <= 0:
            raise EntryError(
                "[stories]", "window_days", f"must be a positive number, got {window!r}"
            )
    if "gazetteer" in table:
        value = table["gazetteer"]
        if not isinstance(value, str) or not value:
            raise EntryError("[stories]", "gazetteer", "must be a non-empty string")
        p = _relative(value, path)
        if not p.is_file():
            raise EntryError("[stories]", "gazetteer", f"no such file: {p}")
        gazetteer = str(p)
    return StoriesSettings(gazetteer=gazetteer, window_days=float(window))


def _parse_delivery(table: dict[str, Any]) -> DeliverySettings:
    unknown_keys(table, DELIVERY_KEYS, "[delivery]")
    out: dict[str, Any] = {}
    for key, value in table.items():
        if not is_number(value) or value < 0:
            raise EntryError("[delivery]", key, f"must be a number >= 0, got {value!r}")
        out[DELIVERY_KEYS[key]] = value
    return DeliverySettings(**out)


def _parse_health(table: dict[str, Any], channels: dict[str, Channel]) -> HealthSettings:
    unknown_keys(table, set(HEALTH_KEYS), "[health]")
    out: dict[str, Any] = {}
    if "channel" in table:
        if table["channel"] not in channels:
            raise EntryError("[health]", "channel", f"unknown channel {table['channel']!r}")
        out["channel"] = table["channel"]
    if "failures" in table:
        value = table["failures"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise EntryError("[health]", "failures", "must be a whole number >= 1")
        out["failures"] = value
    if "silence_factor" in table:
        value = table["silence_factor"]
        if not is_number(value) or value <= 0:
            raise EntryError("[health]", "silence_factor", "must be a positive number")
        out["silence_factor"] = float(value)
    if "min_silence" in table:
        out["min_silence_s"] = duration(table["min_silence"], "[health]", "min_silence")
    return HealthSettings(**out)


def _parse_web(table: dict[str, Any]) -> WebSettings:
    unknown_keys(table, {"base_url"}, "[web]")
    if "base_url" not in table:
        return WebSettings()
    value = table["base_url"]
    parts = urlsplit(value) if isinstance(value, str) else None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.query
        or parts.fragment
        or any(c.isspace() for c in value)
    ):
        raise EntryError(
            "[web]",
            "base_url",
            f"must be an http(s) URL without query or fragment, e.g. "
            f"'https://news.example.org/wirewatch', got {value!r}",
        )
    return WebSettings(base_url=value.rstrip("/"))
