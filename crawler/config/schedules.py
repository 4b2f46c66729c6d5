"""Schedule files (schedules/*.toml): crawl, digest and housekeeping jobs for the daemon, validated with errors
that name the file, the entry and the field."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.cron import CronTrigger

from crawler.config import Config, ConfigError, first_path

SCHEDULES_ENV = "WIREWATCH_SCHEDULES"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
CRAWL_KEYS = {"sources", "every", "cron", "jitter", "timeout", "timezone"}
DIGEST_KEYS = {"channels", "every", "cron", "jitter", "timezone"}
HOUSEKEEPING_KEYS = {"every", "cron", "jitter", "timezone", "prune_revisions_days"}
TOP_KEYS = {"crawl", "digest", "housekeeping"}
DEFAULT_CRAWL_TIMEOUT = 900.0


@dataclass(frozen=True)
class Job:
    id: str  # stable: file stem, kind and index, e.g. "default:crawl:0"
    kind: str  # crawl | digest | housekeeping
    every: float | None  # seconds
    cron: str | None
    timezone: str
    jitter: float
    sources: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    timeout: float = DEFAULT_CRAWL_TIMEOUT
    prune_revisions_days: float = 90.0

    def trigger_text(self) -> str:
        return f"every {self.every:g}s" if self.every is not None else f"cron {self.cron!r}"


def parse_duration(value: Any, where: str, fld: str) -> float:
    """'10m', '30s', '1h', '2d' or a number of seconds."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return float(value)
    if isinstance(value, str):
        m = _DURATION.match(value)
        if m:
            return float(m.group(1)) * _UNITS[m.group(2)]
    raise ScheduleError(where, fld, f"{value!r} is not a duration such as '30s', '10m', '1h'")


class ScheduleError(Exception):
    def __init__(self, where: str, fld: str | None, message: str):
        super().__init__(message)
        self.where, self.field, self.message = where, fld, message


def resolve_schedules_dir(explicit: str | Path | None = None) -> Path:
    """--schedules, else $WIREWATCH_SCHEDULES, else ./schedules, else the bundled folder."""
    bundled = Path(str(resources.files("crawler.config").joinpath("default_schedules")))
    return first_path(explicit, SCHEDULES_ENV, Path("schedules"), bundled)


def load_schedules(folder: Path, config: Config) -> list[Job]:
    """Every job of every *.toml file in folder, checked against the config's sources and channels."""
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
        except ScheduleError as exc:
            raise ConfigError(path, exc.where, exc.field, exc.message) from None
    return jobs


def _parse_file(path: Path, data: dict[str, Any], config: Config) -> list[Job]:
    for key in data:
        if key not in TOP_KEYS:
            raise ScheduleError(f"top level key '{key}'", None,
                                "unknown key (expected [[crawl]], [[digest]] or [[housekeeping]])")
    jobs = []
    known_sources = [s.name for s in config.sources if s.enabled]
    for kind, keys in (("crawl", CRAWL_KEYS), ("digest", DIGEST_KEYS), ("housekeeping", HOUSEKEEPING_KEYS)):
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            raise ScheduleError(kind, None, f"must be an array of tables ([[{kind}]])")
        for i, raw in enumerate(entries):
            where = f"{kind}[{i}]"
            if not isinstance(raw, dict):
                raise ScheduleError(where, None, "must be a table")
            for key in raw:
                if key not in keys:
                    raise ScheduleError(where, key, f"unknown key (expected one of: {', '.join(sorted(keys))})")
            jobs.append(_parse_job(path, kind, i, raw, where, config, known_sources))
    return jobs


def _parse_job(path: Path, kind: str, i: int, raw: dict[str, Any], where: str, config: Config,
               known_sources: list[str]) -> Job:
    if ("every" in raw) == ("cron" in raw):
        raise ScheduleError(where, "every", "give exactly one of every or cron")
    tz = raw.get("timezone", "UTC")
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ScheduleError(where, "timezone", f"{tz!r} is not an IANA time zone") from None
    every = parse_duration(raw["every"], where, "every") if "every" in raw else None
    if every is not None and every <= 0:
        raise ScheduleError(where, "every", "must be more than zero")
    cron = raw.get("cron")
    if cron is not None:
        try:
            CronTrigger.from_crontab(cron, timezone=tz)
        except (ValueError, TypeError) as exc:
            raise ScheduleError(where, "cron", f"invalid cron expression {cron!r}: {exc}") from None
    jitter = parse_duration(raw.get("jitter", 0), where, "jitter")
    job = dict(id=f"{path.stem}:{kind}:{i}", kind=kind, every=every, cron=cron, timezone=tz, jitter=jitter)
    if kind == "crawl":
        sources = raw.get("sources")
        if not isinstance(sources, list) or not sources or not all(isinstance(s, str) for s in sources):
            raise ScheduleError(where, "sources", "must be a list of source names, or [\"*\"]")
        if sources == ["*"]:
            sources = known_sources
        for s in sources:
            if s not in known_sources:
                raise ScheduleError(where, "sources", f"unknown or disabled source {s!r} in {config.path}")
        return Job(**job, sources=tuple(sources),  # type: ignore[arg-type]
                   timeout=parse_duration(raw.get("timeout", DEFAULT_CRAWL_TIMEOUT), where, "timeout"))
    if kind == "digest":
        channels = raw.get("channels")
        if not isinstance(channels, list) or not channels or not all(isinstance(c, str) for c in channels):
            raise ScheduleError(where, "channels", "must be a list of channel names")
        for c in channels:
            if c not in config.channels:
                raise ScheduleError(where, "channels", f"unknown channel {c!r} in {config.path}")
        return Job(**job, channels=tuple(channels))  # type: ignore[arg-type]
    days = raw.get("prune_revisions_days", 90)
    if isinstance(days, bool) or not isinstance(days, (int, float)) or days < 0:
        raise ScheduleError(where, "prune_revisions_days", "must be a number of days")
    return Job(**job, prune_revisions_days=float(days))  # type: ignore[arg-type]
