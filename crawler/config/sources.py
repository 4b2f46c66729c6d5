"""`[[sources]]` of wirewatch.toml: each entry checked field by field into a Source."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from crawler.config.errors import EntryError
from crawler.config.model import Source
from crawler.config.values import http_url, strings, time_zone, unknown_keys
from crawler.extract.agencies import agency_for_source

KINDS = ("feed", "sitemap", "listing")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
_TEXT_KEYS = (
    "link_selector",
    "language",
    "agency",
    "timezone",
    "dateline_pattern",
    "credit_pattern",
)
SOURCE_KEYS = {"name", "kind", "urls", "allowed_domains", *_TEXT_KEYS, "enabled"}


def parse_sources(raw: Any) -> tuple[Source, ...]:
    if not isinstance(raw, list):
        raise EntryError("sources", None, "must be an array of tables ([[sources]])")
    sources: list[Source] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(raw):
        src = parse_source(entry, i)
        if src.name in seen:
            raise EntryError(
                f"sources[{i}] (name '{src.name}')",
                "name",
                f"duplicate name, already used by sources[{seen[src.name]}]",
            )
        seen[src.name] = i
        sources.append(src)
    return tuple(sources)


def parse_source(entry: Any, i: int) -> Source:
    label = _label(entry, i)
    unknown_keys(entry, SOURCE_KEYS, label)
    for required in ("name", "kind", "urls"):
        if required not in entry:
            raise EntryError(label, required, "missing required field")
    name, kind = entry["name"], entry["kind"]
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise EntryError(
            label, "name", f"{name!r} is not a valid name (lower-case letters, digits, '-' and '_')"
        )
    if kind not in KINDS:
        raise EntryError(label, "kind", f"{kind!r} is not one of: {', '.join(KINDS)}")
    urls = _urls(entry["urls"], label)
    if "allowed_domains" in entry:
        allowed = strings(
            entry["allowed_domains"], label, "allowed_domains", one=False, strip=False
        )
    else:
        allowed = tuple(sorted({urlsplit(u).hostname or "" for u in urls}))
    _check_text_fields(entry, label)
    agency, home_tz = agency_for_source(name, entry.get("agency"))
    return Source(
        name=name,
        kind=kind,
        urls=urls,
        allowed_domains=allowed,
        agency=agency,
        timezone=time_zone(entry.get("timezone", home_tz), label),
        language=entry.get("language"),
        link_selector=entry.get("link_selector"),
        dateline_pattern=entry.get("dateline_pattern"),
        credit_pattern=entry.get("credit_pattern"),
        enabled=entry.get("enabled", True),
    )


def _label(entry: Any, i: int) -> str:
    """How errors name the entry: by position, and by name once it has one."""
    if not isinstance(entry, dict):
        raise EntryError(f"sources[{i}]", None, "must be a table")
    return (
        f"sources[{i}] (name '{entry['name']}')"
        if isinstance(entry.get("name"), str)
        else f"sources[{i}]"
    )


def _urls(value: Any, label: str) -> tuple[str, ...]:
    urls = [value] if isinstance(value, str) else value
    if not isinstance(urls, list) or not urls:
        raise EntryError(label, "urls", "must be a non-empty list of URLs")
    return tuple(http_url(u, label, "urls") for u in urls)


def _check_text_fields(entry: dict[str, Any], label: str) -> None:
    """Optional strings: non-empty, valid regular expressions and CSS selectors, a boolean
    `enabled`."""
    for key in _TEXT_KEYS:
        if key in entry and (not isinstance(entry[key], str) or not entry[key]):
            raise EntryError(label, key, "must be a non-empty string")
    for key in ("dateline_pattern", "credit_pattern"):
        if key in entry:
            try:
                re.compile(entry[key])
            except re.error as exc:
                raise EntryError(label, key, f"invalid regular expression: {exc}") from None
    if "link_selector" in entry:
        from parsel.csstranslator import HTMLTranslator  # parsel comes with Scrapy

        try:
            HTMLTranslator().css_to_xpath(entry["link_selector"])
        except Exception as exc:  # cssselect raises several types for bad selectors
            raise EntryError(label, "link_selector", f"invalid CSS selector: {exc}") from None
    if "enabled" in entry and not isinstance(entry["enabled"], bool):
        raise EntryError(label, "enabled", "must be true or false")
