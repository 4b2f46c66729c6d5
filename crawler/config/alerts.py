"""`[[rules]]` and `[channels.*]` of wirewatch.toml: parsed and checked against the sources, the channels, the
gazetteer and SQLite's FTS5 query syntax, so a bad rule is a config error naming the rule and field."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

RELEVANCE = ("none", "related", "core")
MODES = ("immediate", "digest")
RULE_KEYS = {"name", "query", "actors_all", "actors_any", "actors_none", "sources", "min_relevance", "channels",
             "mode"}
EMAIL_KEYS = {"type", "to", "from", "smtp_host", "smtp_port", "starttls", "username", "password", "timezone"}
SLACK_KEYS = {"type", "webhook_url", "timezone"}
SMTP_PASSWORD_ENV = "WIREWATCH_SMTP_PASSWORD"
SLACK_WEBHOOK_ENV = "WIREWATCH_SLACK_WEBHOOK_"
_EMAIL_RE = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")
_CHANNEL_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$")


@dataclass(frozen=True)
class Rule:
    name: str
    query: str | None = None
    actors_all: tuple[str, ...] = ()
    actors_any: tuple[str, ...] = ()
    actors_none: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    min_relevance: str = "none"
    channels: tuple[str, ...] = ()
    mode: str = "digest"


@dataclass(frozen=True)
class Channel:
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
        return [s for s in (self.password, self.webhook_url) if s]


class AlertConfigError(Exception):
    """(entry, field, message) of a rule or channel mistake; config.py adds the file."""

    def __init__(self, entry: str, field_name: str | None, message: str):
        super().__init__(message)
        self.entry, self.field, self.message = entry, field_name, message


def check_fts_query(query: str) -> str | None:
    """Why an FTS5 query is invalid, or None. Run against an empty in-memory FTS5 table."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')")
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall()
    except sqlite3.OperationalError as exc:
        return str(exc)
    finally:
        conn.close()
    return None


def _strs(value: Any, entry: str, fld: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise AlertConfigError(entry, fld, "must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def parse_channels(table: Any) -> dict[str, Channel]:
    if not isinstance(table, dict):
        raise AlertConfigError("[channels]", None, "must be a table of channel tables ([channels.NAME])")
    out = {}
    for name, raw in table.items():
        entry = f"[channels.{name}]"
        if not _CHANNEL_RE.match(name):
            raise AlertConfigError(entry, None, "channel names use letters, digits, '-' and '_'")
        if not isinstance(raw, dict):
            raise AlertConfigError(entry, None, "must be a table")
        kind = raw.get("type")
        if kind not in ("email", "slack"):
            raise AlertConfigError(entry, "type", f"{kind!r} is not 'email' or 'slack'")
        allowed = EMAIL_KEYS if kind == "email" else SLACK_KEYS
        for key in raw:
            if key not in allowed:
                raise AlertConfigError(entry, key, f"unknown key for a {kind} channel (expected one of: "
                                                   f"{', '.join(sorted(allowed))})")
        tz = raw.get("timezone", "UTC")
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            raise AlertConfigError(entry, "timezone", f"{tz!r} is not an IANA time zone") from None
        if kind == "email":
            out[name] = _email_channel(name, raw, entry, tz)
        else:
            out[name] = _slack_channel(name, raw, entry, tz)
    return out


def _email_channel(name: str, raw: dict[str, Any], entry: str, tz: str) -> Channel:
    for required in ("to", "from", "smtp_host"):
        if required not in raw:
            raise AlertConfigError(entry, required, "missing required field")
    to = _strs(raw["to"], entry, "to")
    for addr in to + (raw["from"],):
        if not isinstance(addr, str) or not _EMAIL_RE.match(addr):
            raise AlertConfigError(entry, "to" if addr in to else "from", f"{addr!r} is not an email address")
    if not isinstance(raw["smtp_host"], str) or not raw["smtp_host"].strip():
        raise AlertConfigError(entry, "smtp_host", "must be a host name")
    port = raw.get("smtp_port", 25)
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise AlertConfigError(entry, "smtp_port", f"{port!r} is not a port number")
    if not isinstance(raw.get("starttls", False), bool):
        raise AlertConfigError(entry, "starttls", "must be true or false")
    password = os.environ.get(SMTP_PASSWORD_ENV) or raw.get("password")
    return Channel(name=name, type="email", timezone=tz, to=to, sender=raw["from"],
                   smtp_host=raw["smtp_host"].strip(), smtp_port=port, starttls=raw.get("starttls", False),
                   username=raw.get("username") or None, password=password or None)


def slack_env_name(channel: str) -> str:
    return SLACK_WEBHOOK_ENV + re.sub(r"[^A-Z0-9]", "_", channel.upper())


def _slack_channel(name: str, raw: dict[str, Any], entry: str, tz: str) -> Channel:
    url = os.environ.get(slack_env_name(name)) or raw.get("webhook_url")
    if not url:
        raise AlertConfigError(entry, "webhook_url", f"missing: set it here or in ${slack_env_name(name)}")
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        # never echo the value: it is a secret
        raise AlertConfigError(entry, "webhook_url", "is not an http(s) URL")
    return Channel(name=name, type="slack", timezone=tz, webhook_url=url)


def parse_rules(raw_rules: Any, channels: dict[str, Channel], sources: set[str],
                actor_ids: set[str] | None) -> tuple[Rule, ...]:
    if not isinstance(raw_rules, list):
        raise AlertConfigError("rules", None, "must be an array of tables ([[rules]])")
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_rules):
        entry = f"rules[{i}]"
        if not isinstance(raw, dict):
            raise AlertConfigError(entry, None, "must be a table")
        if isinstance(raw.get("name"), str):
            entry = f"rules[{i}] (name '{raw['name']}')"
        for key in raw:
            if key not in RULE_KEYS:
                raise AlertConfigError(entry, key, f"unknown key (expected one of: {', '.join(sorted(RULE_KEYS))})")
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise AlertConfigError(entry, "name", "missing required field")
        if name in seen:
            raise AlertConfigError(entry, "name", "duplicate rule name")
        seen.add(name)
        query = raw.get("query")
        if query is not None:
            if not isinstance(query, str) or not query.strip():
                raise AlertConfigError(entry, "query", "must be a non-empty string")
            problem = check_fts_query(query)
            if problem:
                raise AlertConfigError(entry, "query", f"invalid query {query!r}: {problem}")
        actor_fields = {}
        for fld in ("actors_all", "actors_any", "actors_none"):
            ids = _strs(raw.get(fld, []), entry, fld)
            unknown = [a for a in ids if actor_ids is not None and a not in actor_ids]
            if unknown:
                raise AlertConfigError(entry, fld, f"unknown actor id {unknown[0]!r} (see `wirewatch actors`)")
            actor_fields[fld] = ids
        if query is None and not actor_fields["actors_all"] and not actor_fields["actors_any"]:
            raise AlertConfigError(entry, "query", "a rule needs a query, actors_all or actors_any")
        rule_sources = _strs(raw.get("sources", []), entry, "sources")
        for s in rule_sources:
            if s not in sources:
                raise AlertConfigError(entry, "sources", f"unknown source {s!r}")
        min_rel = raw.get("min_relevance", "none")
        if min_rel not in RELEVANCE:
            raise AlertConfigError(entry, "min_relevance", f"{min_rel!r} is not one of: {', '.join(RELEVANCE)}")
        rule_channels = _strs(raw.get("channels", []), entry, "channels")
        for c in rule_channels:
            if c not in channels:
                raise AlertConfigError(entry, "channels", f"unknown channel {c!r}")
        mode = raw.get("mode", "digest")
        if mode not in MODES:
            raise AlertConfigError(entry, "mode", f"{mode!r} is not one of: {', '.join(MODES)}")
        rules.append(Rule(name=name.strip(), query=query, sources=rule_sources, min_relevance=min_rel,
                          channels=rule_channels, mode=mode, **actor_fields))
    return tuple(rules)


def gazetteer_ids(gazetteer_path: str | None) -> set[str]:
    from crawler.stories.gazetteer import load_gazetteer

    return set(load_gazetteer(Path(gazetteer_path) if gazetteer_path else None).actors)
