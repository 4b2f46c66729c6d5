"""Schedule files (schedules/*.toml): crawl, digest and housekeeping jobs for the daemon, validated
with errors that name the file, the entry and the field."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from apscheduler.triggers.cron import CronTrigger

from crawler.config.errors import ConfigError, EntryError
from crawler.config.model import DEFAULT_CRAWL_TIMEOUT, Config, Job
from crawler.config.values import duration, is_number, time_zone, unknown_keys

CRAWL_KEYS = {"sources", "every", "cron", "jitter", "timeout", "timezone", "max_every", "batch"}
DIGEST_KEYS = {"channels", "every", "cron", "jitter", "timezone"}
HOUSEKEEPING_KEYS = {"every", "cron", "jitter", "timezone", "prune_revisions_days"}
TOP_KEYS = {"crawl", "digest", "housekeeping"}
_KINDS = (("crawl", CRAWL_KEYS), ("digest", DIGEST_KEYS), ("housekeeping", HOUSEKEEPING_KEYS))


def load_schedules(folder: Path, config: Config) -> list[Job]:
    """Every job of every *.toml file in folder, checked against the config's sources and
    channels."""
    if not folder.is_dir():
        raise ConfigError(folder, "folder", None, "no such schedules folder")
    jobs: list[Job] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(path, "file", None, f"cannot read: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(path, "file", None, f"invalid TOML: {exc}") from None
        try:
            jobs += _parse_file(path, data, config)
        except EntryError as exc:
            raise ConfigError.at(path, exc) from None
    return jobs


def _parse_file(path: Path, data: dict[str, Any], config: Config) -> list[Job]:
    for key in data:
        if key not in TOP_KEYS:
            raise EntryError(
                f"top level key '{key}'",
                None,
                "unknown key (expected [[crawl]], [[digest]] or [[housekeeping]])",
            )
    jobs = []
    for kind, keys in _KINDS:
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            raise EntryError(kind, None, f"must be an array of tables ([[{kind}]])")
        for i, raw in enumerate(entries):
            where = f"{kind}[{i}]"
            if not isinstance(raw, dict):
                raise EntryError(where, None, "must be a table")
            unknown_keys(raw, keys, where)
            jobs.append(_parse_job(f"{path.stem}:{kind}:{i}", kind, raw, where, config))
    return jobs


def _parse_job(job_id: str, kind: str, raw: dict[str, Any], where: str, config: Config) -> Job:
    if ("every" in raw) == ("cron" in raw):
        raise EntryError(where, "every", "give exactly one of every or cron")
    tz = time_zone(raw.get("timezone", "UTC"), where)
    every = duration(raw["every"], where, "every") if "every" in raw else None
    if every is not None and every <= 0:
        raise EntryError(where, "every", "must be more than zero")
    cron = raw.get("cron")
    if cron is not None:
        try:
            CronTrigger.from_crontab(cron, timezone=tz)
        except (ValueError, TypeError) as exc:
            raise EntryError(where, "cron", f"invalid cron expression {cron!r}: {exc}") from None
    jitter = duration(raw.get("jitter", 0), where, "jitter")
    common: dict[str, Any] = {
        "id": job_id,
        "kind": kind,
        "every": every,
        "cron": cron,
        "timezone": tz,
        "jitter": jitter,
    }
    if kind == "crawl":
        return Job(
            **common,
            sources=_crawl_sources(raw, where, config),
            timeout=duration(raw.get("timeout", DEFAULT_CRAWL_TIMEOUT), where, "timeout"),
            **_rhythm(raw, where, every),
        )
    if kind == "digest":
        return Job(**common, channels=_digest_channels(raw, where, config))
    days = raw.get("prune_revisions_days", 90)
    if not is_number(days) or days < 0:
        raise EntryError(where, "prune_revisions_days", "must be a number of days")
    return Job(**common, prune_revisions_days=float(days))


def _rhythm(raw: dict[str, Any], where: str, every: float | None) -> dict[str, float | None]:
    """max_every (at least every) and batch (more than zero, at most half of every): only for an
    `every` job, whose sources keep to a grid."""
    given = {key: duration(raw[key], where, key) for key in ("max_every", "batch") if key in raw}
    if given and every is None:
        key = next(iter(given))
        raise EntryError(where, key, "needs every (a cron job polls its sources together)")
    max_every, batch = given.get("max_every"), given.get("batch")
    if every is not None and max_every is not None and max_every < every:
        raise EntryError(where, "max_every", f"must be at least every ({raw['every']})")
    if every is not None and batch is not None and not 0 < batch <= every / 2:
        raise EntryError(
            where, "batch", f"must be more than zero and at most half of every ({raw['every']})"
        )
    return {"max_every": max_every, "batch": batch}


def _crawl_sources(raw: dict[str, Any], where: str, config: Config) -> tuple[str, ...]:
    known = [s.name for s in config.sources if s.enabled]
    sources = raw.get("sources")
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) for s in sources):
        raise EntryError(where, "sources", 'must be a list of source names, or ["*"]')
    if sources == ["*"]:
        return tuple(known)
    for s in sources:
        if s not in known:
            raise EntryError(where, "sources", f"unknown or disabled source {s!r} in {config.path}")
    return tuple(sources)


def _digest_channels(raw: dict[str, Any], where: str, config: Config) -> tuple[str, ...]:
    channels = raw.get("channels")
    if (
        not isinstance(channels, list)
        or not channels
        or not all(isinstance(c, str) for c in channels)
    ):
        raise EntryError(where, "channels", "must be a list of channel names")
    for c in channels:
        if c not in config.channels:
            raise EntryError(where, "channels", f"unknown channel {c!r} in {config.path}")
    return tuple(channels)
