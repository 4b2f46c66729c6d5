"""`[[rules]]` and `[channels.*]` of wirewatch.toml: parsed and checked against the sources, the
channels, the gazetteer and SQLite's FTS5 query syntax, so a bad rule is a config error naming the
rule and field."""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.config.errors import EntryError
from crawler.config.model import Channel, Rule
from crawler.config.values import strings, time_zone, unknown_keys
from crawler.store.fts import explain_query_error, query_error
from crawler.store.schema import RELEVANCE

MODES = ("immediate", "digest")
RULE_KEYS = {
    "name",
    "description",
    "query",
    "actors_all",
    "actors_any",
    "actors_none",
    "places",
    "sources",
    "min_relevance",
    "channels",
    "mode",
}
EMAIL_KEYS = {
    "type",
    "to",
    "from",
    "smtp_host",
    "smtp_port",
    "starttls",
    "username",
    "password",
    "timezone",
}
SLACK_KEYS = {"type", "webhook_url", "timezone"}
SMTP_PASSWORD_ENV = "WIREWATCH_SMTP_PASSWORD"
SLACK_WEBHOOK_ENV = "WIREWATCH_SLACK_WEBHOOK_"
_EMAIL_RE = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$")
_LOOPBACK = ("127.0.0.1", "localhost", "::1")
_CHANNEL_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$")
DESCRIPTION_CHARS = 120  # a tag in a digest, not a paragraph
# Line breaks, tabs and other controls: a description is shown as one line in headers-like places.
_NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def check_fts_query(query: str) -> str | None:
    """Why an FTS5 query is invalid, told so the user can fix it (see crawler.store.fts), or
    None."""
    error = query_error(query)
    return explain_query_error(query, error) if error else None


def parse_channels(table: Any) -> dict[str, Channel]:
    if not isinstance(table, dict):
        raise EntryError("[channels]", None, "must be a table of channel tables ([channels.NAME])")
    out: dict[str, Channel] = {}
    for name, raw in table.items():
        entry = f"[channels.{name}]"
        if not _CHANNEL_RE.match(name):
            raise EntryError(entry, None, "channel names use letters, digits, '-' and '_'")
        if not isinstance(raw, dict):
            raise EntryError(entry, None, "must be a table")
        kind = raw.get("type")
        if kind not in ("email", "slack"):
            raise EntryError(entry, "type", f"{kind!r} is not 'email' or 'slack'")
        allowed = EMAIL_KEYS if kind == "email" else SLACK_KEYS
        unknown_keys(raw, allowed, entry, f" for a {kind} channel")
        tz = time_zone(raw.get("timezone", "UTC"), entry)
        if kind == "email":
            out[name] = _email_channel(name, raw, entry, tz)
        else:
            out[name] = _slack_channel(name, raw, entry, tz)
    return out


def _email_channel(name: str, raw: dict[str, Any], entry: str, tz: str) -> Channel:
    for required in ("to", "from", "smtp_host"):
        if required not in raw:
            raise EntryError(entry, required, "missing required field")
    to = strings(raw["to"], entry, "to")
    for addr in (*to, raw["from"]):
        if not isinstance(addr, str) or not _EMAIL_RE.match(addr):
            raise EntryError(
                entry, "to" if addr in to else "from", f"{addr!r} is not an email address"
            )
    if not isinstance(raw["smtp_host"], str) or not raw["smtp_host"].strip():
        raise EntryError(entry, "smtp_host", "must be a host name")
    port = raw.get("smtp_port", 25)
    if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
        raise EntryError(entry, "smtp_port", f"{port!r} is not a port number")
    if not isinstance(raw.get("starttls", False), bool):
        raise EntryError(entry, "starttls", "must be true or false")
    password = os.environ.get(SMTP_PASSWORD_ENV) or raw.get("password")
    return Channel(
        name=name,
        type="email",
        timezone=tz,
        to=to,
        sender=raw["from"],
        smtp_host=raw["smtp_host"].strip(),
        smtp_port=port,
        starttls=raw.get("starttls", False),
        username=raw.get("username") or None,
        password=password or None,
    )


def slack_env_name(channel: str) -> str:
    return SLACK_WEBHOOK_ENV + re.sub(r"[^A-Z0-9]", "_", channel.upper())


def _slack_channel(name: str, raw: dict[str, Any], entry: str, tz: str) -> Channel:
    url = os.environ.get(slack_env_name(name)) or raw.get("webhook_url")
    if not url:
        raise EntryError(
            entry, "webhook_url", f"missing: set it here or in ${slack_env_name(name)}"
        )
    # Never echo the value: it is a secret.
    if not isinstance(url, str) or any(c.isspace() for c in url):
        raise EntryError(
            entry, "webhook_url", "holds a space (a comment after the URL in an env file?)"
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EntryError(entry, "webhook_url", "is not an http(s) URL")
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
        raise EntryError(entry, "webhook_url", "must be https (http only to a loopback address)")
    return Channel(name=name, type="slack", timezone=tz, webhook_url=url)


def parse_rules(
    raw_rules: Any, channels: Mapping[str, Channel], sources: set[str], actor_ids: set[str] | None
) -> tuple[Rule, ...]:
    if not isinstance(raw_rules, list):
        raise EntryError("rules", None, "must be an array of tables ([[rules]])")
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_rules):
        rule = parse_rule(raw, i, channels, sources, actor_ids, seen)
        seen.add(rule.name)
        rules.append(rule)
    return tuple(rules)


def parse_rule(
    raw: Any,
    i: int,
    channels: Mapping[str, Channel],
    sources: set[str],
    actor_ids: set[str] | None,
    taken: set[str],
) -> Rule:
    entry = f"rules[{i}]"
    if not isinstance(raw, dict):
        raise EntryError(entry, None, "must be a table")
    if isinstance(raw.get("name"), str):
        entry = f"rules[{i}] (name '{raw['name']}')"
    unknown_keys(raw, RULE_KEYS, entry)
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise EntryError(entry, "name", "missing required field")
    if name in taken:
        raise EntryError(entry, "name", "duplicate rule name")
    query = _query(raw.get("query"), entry)
    actors = {
        fld: _actor_ids(raw.get(fld, []), entry, fld, actor_ids)
        for fld in ("actors_all", "actors_any", "actors_none")
    }
    if query is None and not actors["actors_all"] and not actors["actors_any"]:
        raise EntryError(entry, "query", "a rule needs a query, actors_all or actors_any")
    return Rule(
        name=name.strip(),
        query=query,
        description=_description(raw.get("description"), entry),
        places=_flag(raw.get("places", False), entry, "places"),
        sources=_known(raw.get("sources", []), entry, "sources", sources),
        min_relevance=_choice(raw.get("min_relevance", "none"), entry, "min_relevance", RELEVANCE),
        channels=_known(raw.get("channels", []), entry, "channels", channels, "channel"),
        mode=_choice(raw.get("mode", "digest"), entry, "mode", MODES),
        **actors,
    )


def _flag(value: Any, entry: str, field: str) -> bool:
    if not isinstance(value, bool):
        raise EntryError(entry, field, f"must be true or false, not {value!r}")
    return value


def _query(query: Any, entry: str) -> str | None:
    if query is None:
        return None
    if not isinstance(query, str) or not query.strip():
        raise EntryError(entry, "query", "must be a non-empty string")
    problem = check_fts_query(query)
    if problem:
        raise EntryError(entry, "query", problem)
    return query


def _description(value: Any, entry: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise EntryError(entry, "description", "must be a non-empty string")
    if _NOT_ONE_LINE.search(value):
        raise EntryError(
            entry, "description", "must be one line (no line breaks, tabs or control characters)"
        )
    text = value.strip()
    if len(text) > DESCRIPTION_CHARS:
        raise EntryError(
            entry,
            "description",
            f"is {len(text)} characters long; at most {DESCRIPTION_CHARS} fit a digest's tags",
        )
    return text


def _actor_ids(value: Any, entry: str, fld: str, known: set[str] | None) -> tuple[str, ...]:
    ids = strings(value, entry, fld)
    unknown = [a for a in ids if known is not None and a not in known]
    if unknown:
        raise EntryError(entry, fld, f"unknown actor id {unknown[0]!r} (see `wirewatch actors`)")
    return ids


def _known(
    value: Any, entry: str, fld: str, known: Collection[str], what: str = "source"
) -> tuple[str, ...]:
    names = strings(value, entry, fld)
    for name in names:
        if name not in known:
            raise EntryError(entry, fld, f"unknown {what} {name!r}")
    return names


def _choice(value: Any, entry: str, fld: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise EntryError(entry, fld, f"{value!r} is not one of: {', '.join(allowed)}")
    return str(value)


def gazetteer_ids(gazetteer_path: str | None) -> set[str]:
    from crawler.stories.gazetteer import load_gazetteer

    return set(load_gazetteer(Path(gazetteer_path) if gazetteer_path else None).actors)
