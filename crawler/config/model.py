"""The typed, frozen sections of the configuration and the schedule files."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from crawler.config.cluster import ClusterSettings

DEFAULT_CRAWL_TIMEOUT = 900.0
DEFAULT_WINDOW_DAYS = 7.0
TOKEN_CHARS = 8  # a webhook path segment this long may be a token: redacted like the URL
WEB_DATABASE = "wirewatch"  # the database's name in `wirewatch serve`'s pages, whatever its file


@dataclass(frozen=True)
class Source:
    """One `[[sources]]` entry: a spider."""

    name: str
    kind: str  # feed | sitemap | listing
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
class Rule:
    """One `[[rules]]` entry."""

    name: str
    query: str | None = None
    actors_all: tuple[str, ...] = ()
    actors_any: tuple[str, ...] = ()
    actors_none: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    min_relevance: str = "none"
    channels: tuple[str, ...] = ()
    mode: str = "digest"  # digest | immediate
    description: str | None = None  # shown in digests in place of the name
    places: bool = False  # the actor keys also match states the story names only as places


@dataclass(frozen=True)
class Channel:
    """One `[channels.NAME]` table: an email or a Slack destination."""

    name: str
    type: str  # email | slack
    timezone: str = "UTC"
    to: tuple[str, ...] = ()
    sender: str = ""
    smtp_host: str = ""
    smtp_port: int = 25
    starttls: bool = False
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    webhook_url: str | None = field(default=None, repr=False)

    def secrets(self) -> list[str]:
        """The password, and the webhook URL with its path and each segment long enough to be a
        token (a server's error text may quote any of them), longest first."""
        found = [s for s in (self.password, self.webhook_url) if s]
        if self.webhook_url:
            path = urlsplit(self.webhook_url).path
            found += [path, *(seg for seg in path.split("/") if len(seg) >= TOKEN_CHARS)]
        return sorted({s for s in found if s and s != "/"}, key=len, reverse=True)


@dataclass(frozen=True)
class DeliverySettings:
    """`[delivery]`: backoff, timeouts and digest bounds."""

    retry_base_s: float = 60.0
    retry_max_s: float = 3600.0
    retry_after_max_s: float = 30.0  # longest Slack Retry-After waited for within a run
    timeout_s: float = 30.0
    max_entries_email: int = 100
    max_entries_slack: int = 200


@dataclass(frozen=True)
class HealthSettings:
    """`[health]`: when a source counts as failing or silent, and where that is reported."""

    channel: str | None = None
    failures: int = 3
    silence_factor: float = 4.0
    min_silence_s: float = 6 * 3600


@dataclass(frozen=True)
class StoriesSettings:
    """`[stories]`: the gazetteer and the near-duplicate window."""

    gazetteer: str | None = None  # None: ./data/gazetteer.toml, else the bundled one
    window_days: float = DEFAULT_WINDOW_DAYS

    def scrapy_settings(self) -> dict[str, Any]:
        out: dict[str, Any] = {"WIREWATCH_STORY_WINDOW_DAYS": self.window_days}
        if self.gazetteer:
            out["WIREWATCH_GAZETTEER"] = self.gazetteer
        return out


@dataclass(frozen=True)
class WebSettings:
    """`[web]`: where readers reach `wirewatch serve`, so that digests and `wirewatch story` can
    link to a story's page."""

    base_url: str | None = None  # no trailing slash

    def story_url(self, story_id: int) -> str | None:
        """The story's page, or None when no base URL is set."""
        if not self.base_url:
            return None
        return f"{self.base_url}/{WEB_DATABASE}/stories/{story_id}"


@dataclass(frozen=True)
class Config:
    """One validated wirewatch.toml."""

    path: Path
    sources: tuple[Source, ...]
    crawl_settings: Mapping[str, Any] = field(
        default_factory=dict
    )  # Scrapy settings set by [crawl]
    storage_path: Path | None = None
    stories: StoriesSettings = StoriesSettings()
    rules: tuple[Rule, ...] = ()
    channels: Mapping[str, Channel] = field(default_factory=dict)
    delivery: DeliverySettings = DeliverySettings()
    health: HealthSettings = HealthSettings()
    web: WebSettings = WebSettings()
    cluster: ClusterSettings | None = None  # [cluster]: crawl through Redis workers

    def secrets(self) -> list[str]:
        """Passwords and webhook URLs, to keep out of logs."""
        mine = self.cluster.secrets() if self.cluster else []
        return [s for c in self.channels.values() for s in c.secrets()] + mine

    def source(self, name: str) -> Source:
        for s in self.sources:
            if s.name == name:
                return s
        raise KeyError(name)

    def scrapy_settings(self) -> dict[str, Any]:
        """The Scrapy settings this file sets: its [crawl] table, then its [stories] table."""
        return {**self.crawl_settings, **self.stories.scrapy_settings()}


@dataclass(frozen=True)
class Job:
    """One job of a schedule file."""

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
    max_every: float | None = None  # seconds: a crawl job's quiet sources back off up to this
    batch: float | None = None  # seconds: sources due this close share a crawl process
