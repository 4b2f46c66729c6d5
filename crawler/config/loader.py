"""Load and validate wirewatch.toml into frozen objects; the only reader of the file.

Every error names the file, the entry and the field, so that one line tells the user what to fix.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crawler.extract.agencies import agency_for_source
from crawler.config.alerts import (
    AlertConfigError,
    Channel,
    Rule,
    gazetteer_ids,
    parse_channels,
    parse_rules,
)

CONFIG_ENV = "WIREWATCH_CONFIG"
DB_ENV = "WIREWATCH_DB"
DEFAULT_DB = Path("data") / "wirewatch.db"
KINDS = ("feed", "sitemap", "listing")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")

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
    "timeout": ("DOWNLOAD_TIMEOUT", float),
    "retries": ("RETRY_TIMES", int),
    "retry_after_max": ("WIREWATCH_RETRY_AFTER_MAX", float),
    "retry_runs": ("WIREWATCH_RETRY_RUNS", int),
    "redirect_max": ("REDIRECT_MAX_TIMES", int),
    "robots_obey": ("ROBOTSTXT_OBEY", bool),
    "extract_workers": ("WIREWATCH_EXTRACT_WORKERS", int),
}

SOURCE_KEYS = {
    "name", "kind", "urls", "allowed_domains", "link_selector", "language", "agency", "timezone",
    "dateline_pattern", "credit_pattern", "enabled",
}
TOP_KEYS = {"storage", "crawl", "stories", "sources", "rules", "channels", "delivery", "health"}
DELIVERY_KEYS = {"retry_base_seconds": "retry_base_s", "retry_max_seconds": "retry_max_s",
                 "slack_retry_after_max_seconds": "retry_after_max_s", "timeout_seconds": "timeout_s",
                 "max_stories_email": "max_entries_email", "max_stories_slack": "max_entries_slack"}
STORIES_KEYS: dict[str, tuple[str, type]] = {
    "gazetteer": ("WIREWATCH_GAZETTEER", str),
    "window_days": ("WIREWATCH_STORY_WINDOW_DAYS", float),
}


class ConfigError(Exception):
    """A configuration problem the user can fix; str() is one line naming file, entry and field."""

    def __init__(self, path: str | Path, entry: str, field_name: str | None, message: str):
        self.path, self.entry, self.field, self.message = str(path), entry, field_name, message
        where = f"{entry}, field '{field_name}'" if field_name else entry
        super().__init__(f"{self.path}: {where}: {message}")


@dataclass(frozen=True)
class Source:
    name: str
    kind: str
    urls: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    agency: str
    timezone: str
    language: str | None = None
    link_selector: str | None = None
    dateline_pattern: str | None = None
    credit_pattern: str | None = None
    enabled: bool = True


@dataclass(frozen=True)
class Config:
    path: Path
    sources: tuple[Source, ...]
    crawl_settings: dict[str, Any] = field(default_factory=dict)
    storage_path: Path | None = None
    rules: tuple[Rule, ...] = ()
    channels: dict[str, Channel] = field(default_factory=dict)
    delivery: dict[str, float] = field(default_factory=dict)  # DeliverySettings fields
    health: dict[str, Any] = field(default_factory=dict)  # channel, failures, silence_factor, min_silence_s

    def secrets(self) -> list[str]:
        """Passwords and webhook URLs, to keep out of logs."""
        return [s for c in self.channels.values() for s in c.secrets()]

    def source(self, name: str) -> Source:
        for s in self.sources:
            if s.name == name:
                return s
        raise KeyError(name)


def bundled_config_path() -> Path:
    return Path(str(resources.files("crawler.config").joinpath("default.toml")))


def first_path(explicit: str | Path | None, env_name: str, local: Path, bundled: Path) -> Path:
    """The order every file wirewatch reads is found in: the option, the environment, the current folder,
    what ships with wirewatch."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(env_name)
    if env:
        return Path(env)
    return local if local.exists() else bundled


def resolve_config_path(explicit: str | Path | None = None) -> Path:
    """--config, else $WIREWATCH_CONFIG, else ./wirewatch.toml, else the bundled default."""
    return first_path(explicit, CONFIG_ENV, Path("wirewatch.toml"), bundled_config_path())


def resolve_db_path(explicit: str | Path | None, config: Config | None) -> Path:
    """--db, else $WIREWATCH_DB, else [storage] path, else data/wirewatch.db under the current directory."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    if config is not None and config.storage_path is not None:
        return config.storage_path
    return Path.cwd() / DEFAULT_DB


def load_config(path: str | Path | None = None) -> Config:
    """Read and validate one config file; nothing is merged with the bundled default."""
    p = resolve_config_path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ConfigError(p, "file", None, f"cannot read: {exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(p, "file", None, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(p, "file", None, f"invalid TOML: {exc}") from None
    return parse_config(data, p)


def parse_config(data: dict[str, Any], path: Path) -> Config:
    for key in data:
        if key not in TOP_KEYS:
            raise ConfigError(path, f"top level key '{key}'", None,
                              f"unknown key (expected one of: {', '.join(sorted(TOP_KEYS))})")
    storage_path = _parse_storage(data.get("storage", {}), path)
    crawl = _parse_crawl(data.get("crawl", {}), path)
    crawl.update(_parse_stories(data.get("stories", {}), path))
    raw_sources = data.get("sources", [])
    if not isinstance(raw_sources, list):
        raise ConfigError(path, "sources", None, "must be an array of tables ([[sources]])")
    sources: list[Source] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(raw_sources):
        src = _parse_source(entry, i, path)
        if src.name in seen:
            raise ConfigError(path, f"sources[{i}] (name '{src.name}')", "name",
                              f"duplicate name, already used by sources[{seen[src.name]}]")
        seen[src.name] = i
        sources.append(src)
    try:
        channels = parse_channels(data.get("channels", {}))
        raw_rules = data.get("rules", [])
        needs_actors = isinstance(raw_rules, list) and any(
            isinstance(r, dict) and (r.get("actors_all") or r.get("actors_any") or r.get("actors_none"))
            for r in raw_rules)
        ids = gazetteer_ids(crawl.get("WIREWATCH_GAZETTEER")) if needs_actors else None
        rules = parse_rules(raw_rules, channels, {s.name for s in sources}, ids)
    except AlertConfigError as exc:
        raise ConfigError(path, exc.entry, exc.field, exc.message) from None
    return Config(path=path, sources=tuple(sources), crawl_settings=crawl, storage_path=storage_path,
                  rules=rules, channels=channels, delivery=_parse_delivery(data.get("delivery", {}), path),
                  health=_parse_health(data.get("health", {}), path, channels))


def _parse_storage(table: Any, path: Path) -> Path | None:
    if not isinstance(table, dict):
        raise ConfigError(path, "[storage]", None, "must be a table")
    for key in table:
        if key != "path":
            raise ConfigError(path, "[storage]", key, "unknown key (expected: path)")
    if "path" not in table:
        return None
    value = table["path"]
    if not isinstance(value, str) or not value:
        raise ConfigError(path, "[storage]", "path", "must be a non-empty string")
    p = Path(os.path.expanduser(value))
    # A relative path is read from the config file's folder, so commands work from any directory.
    return p if p.is_absolute() else path.resolve().parent / p


def _parse_crawl(table: Any, path: Path) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise ConfigError(path, "[crawl]", None, "must be a table")
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in CRAWL_KEYS:
            raise ConfigError(path, "[crawl]", key,
                              f"unknown key (expected one of: {', '.join(sorted(CRAWL_KEYS))})")
        setting, typ = CRAWL_KEYS[key]
        ok = isinstance(value, bool) if typ is bool else (
            isinstance(value, typ) or (typ is float and isinstance(value, int))
        ) and not isinstance(value, bool)
        if not ok:
            raise ConfigError(path, "[crawl]", key, f"must be a {typ.__name__}, got {value!r}")
        if typ in (int, float) and value < 0:
            raise ConfigError(path, "[crawl]", key, f"must not be negative, got {value!r}")
        out[setting] = value
    return out


def _parse_health(table: Any, path: Path, channels: dict[str, Channel]) -> dict[str, Any]:
    from crawler.config.schedules import ScheduleError, parse_duration

    if not isinstance(table, dict):
        raise ConfigError(path, "[health]", None, "must be a table")
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key == "channel":
            if value not in channels:
                raise ConfigError(path, "[health]", key, f"unknown channel {value!r}")
            out["channel"] = value
        elif key == "failures":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(path, "[health]", key, "must be a whole number >= 1")
            out["failures"] = value
        elif key == "silence_factor":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ConfigError(path, "[health]", key, "must be a positive number")
            out["silence_factor"] = float(value)
        elif key == "min_silence":
            try:
                out["min_silence_s"] = parse_duration(value, "[health]", key)
            except ScheduleError as exc:
                raise ConfigError(path, "[health]", key, exc.message) from None
        else:
            raise ConfigError(path, "[health]", key,
                              "unknown key (expected one of: channel, failures, min_silence, silence_factor)")
    return out


def _parse_delivery(table: Any, path: Path) -> dict[str, float]:
    if not isinstance(table, dict):
        raise ConfigError(path, "[delivery]", None, "must be a table")
    out: dict[str, float] = {}
    for key, value in table.items():
        if key not in DELIVERY_KEYS:
            raise ConfigError(path, "[delivery]", key,
                              f"unknown key (expected one of: {', '.join(sorted(DELIVERY_KEYS))})")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(path, "[delivery]", key, f"must be a number >= 0, got {value!r}")
        out[DELIVERY_KEYS[key]] = value
    return out


def _parse_stories(table: Any, path: Path) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise ConfigError(path, "[stories]", None, "must be a table")
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in STORIES_KEYS:
            raise ConfigError(path, "[stories]", key,
                              f"unknown key (expected one of: {', '.join(sorted(STORIES_KEYS))})")
        setting, typ = STORIES_KEYS[key]
        if typ is float and (isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0):
            raise ConfigError(path, "[stories]", key, f"must be a positive number, got {value!r}")
        if typ is str:
            if not isinstance(value, str) or not value:
                raise ConfigError(path, "[stories]", key, "must be a non-empty string")
            p = Path(os.path.expanduser(value))
            p = p if p.is_absolute() else path.resolve().parent / p
            if not p.is_file():
                raise ConfigError(path, "[stories]", key, f"no such file: {p}")
            value = str(p)
        out[setting] = value
    return out


def _check_url(url: Any, path: Path, entry: str, fld: str) -> str:
    if not isinstance(url, str):
        raise ConfigError(path, entry, fld, f"must be a string URL, got {url!r}")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(path, entry, fld, f"{url!r} is not an absolute http(s) URL")
    return url


def _str_list(value: Any, path: Path, entry: str, fld: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(path, entry, fld, "must be a list of non-empty strings")
    return tuple(value)


def _parse_source(entry: Any, i: int, path: Path) -> Source:
    label = f"sources[{i}]"
    if not isinstance(entry, dict):
        raise ConfigError(path, label, None, "must be a table")
    if isinstance(entry.get("name"), str):
        label = f"sources[{i}] (name '{entry['name']}')"
    for key in entry:
        if key not in SOURCE_KEYS:
            raise ConfigError(path, label, key,
                              f"unknown key (expected one of: {', '.join(sorted(SOURCE_KEYS))})")
    for required in ("name", "kind", "urls"):
        if required not in entry:
            raise ConfigError(path, label, required, "missing required field")
    name = entry["name"]
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise ConfigError(path, label, "name",
                          f"{name!r} is not a valid name (lower-case letters, digits, '-' and '_')")
    kind = entry["kind"]
    if kind not in KINDS:
        raise ConfigError(path, label, "kind", f"{kind!r} is not one of: {', '.join(KINDS)}")
    urls = entry["urls"]
    if isinstance(urls, str):
        urls = [urls]
    if not isinstance(urls, list) or not urls:
        raise ConfigError(path, label, "urls", "must be a non-empty list of URLs")
    urls = tuple(_check_url(u, path, label, "urls") for u in urls)
    if "allowed_domains" in entry:
        allowed = _str_list(entry["allowed_domains"], path, label, "allowed_domains")
    else:
        allowed = tuple(sorted({urlsplit(u).hostname or "" for u in urls}))
    for key in ("link_selector", "language", "agency", "timezone", "dateline_pattern", "credit_pattern"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key]):
            raise ConfigError(path, label, key, "must be a non-empty string")
    for key in ("dateline_pattern", "credit_pattern"):
        if key in entry:
            try:
                re.compile(entry[key])
            except re.error as exc:
                raise ConfigError(path, label, key, f"invalid regular expression: {exc}") from None
    if "link_selector" in entry:
        from parsel.csstranslator import HTMLTranslator  # parsel comes with Scrapy

        try:
            HTMLTranslator().css_to_xpath(entry["link_selector"])
        except Exception as exc:  # cssselect raises several types for bad selectors
            raise ConfigError(path, label, "link_selector", f"invalid CSS selector: {exc}") from None
    if "enabled" in entry and not isinstance(entry["enabled"], bool):
        raise ConfigError(path, label, "enabled", "must be true or false")
    agency, home_tz = agency_for_source(name, entry.get("agency"))
    tz = entry.get("timezone", home_tz)
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(path, label, "timezone", f"{tz!r} is not an IANA time zone") from None
    return Source(
        name=name,
        kind=kind,
        urls=urls,
        allowed_domains=allowed,
        agency=agency,
        timezone=tz,
        language=entry.get("language"),
        link_selector=entry.get("link_selector"),
        dateline_pattern=entry.get("dateline_pattern"),
        credit_pattern=entry.get("credit_pattern"),
        enabled=entry.get("enabled", True),
    )
