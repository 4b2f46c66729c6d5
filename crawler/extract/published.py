"""Publish time of a page: meta, JSON-LD, <time>, seed, byline.

Each machine-readable source gives candidates, best first; the first with a time of day wins. Then
comes the time printed in the byline (bylines.py), read in the agency's zone unless it names its
own; a date without a time of day counts only when nothing better exists, and a printed time never
contradicts a machine-readable date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from lxml import etree

from crawler.extract.bylines import find_byline_date
from crawler.extract.dates import parse_datetime

if TYPE_CHECKING:
    from crawler.extract.article import Hints

# Meta tags that carry the publish time, best first.
_META_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "originalpublicationdate",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "rnews:datepublished",
)
FUTURE_TOLERANCE = timedelta(days=1)


def _iter_jsonld(tree: etree._Element) -> Iterator[dict[str, Any]]:
    for node in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(node.text or "")
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if "@graph" in item:
                    stack.append(item["@graph"])


def _meta(tree: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.xpath("//meta[@content or @value]"):
        key = (
            (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        )
        if key and key not in out:
            out[key] = (node.get("content") or node.get("value") or "").strip()
    return out


def _has_time(raw: str) -> bool:
    return bool(re.search(r"\d{1,2}:\d{2}", raw)) or bool(
        re.fullmatch(r"\d{10}(\d{3})?", raw.strip())
    )


def _date_candidates(
    tree: etree._Element, hints: Hints, meta: dict[str, str]
) -> list[tuple[str, str]]:
    """(origin, raw date) from meta, JSON-LD, <time> and the seed, best first.

    A <time> marked as the publish date outranks everything, the last such one first.
    """
    candidates: list[tuple[str, str]] = []
    for key in _META_DATE_KEYS:
        if meta.get(key):
            candidates.append(("meta", meta[key]))
    for item in _iter_jsonld(tree):
        for key in ("datePublished", "dateCreated", "uploadDate"):
            if item.get(key):
                candidates.append(("json-ld", str(item[key])))
    for node in tree.xpath("//time[@datetime]"):
        if (node.get("itemprop") or "").lower() == "datepublished" or node.get(
            "pubdate"
        ) is not None:
            candidates.insert(0, ("meta", node.get("datetime")))
        else:
            candidates.append(("time", node.get("datetime")))
    if hints.seed_published:
        candidates.append(("seed", hints.seed_published))
    return candidates


def _first_usable(
    candidates: list[tuple[str, str]], home_tz: str, latest: datetime
) -> tuple[tuple[datetime, str] | None, tuple[datetime, str] | None]:
    """(first candidate with a time of day, first with only a date), skipping unreadable and future
    ones.

    Stops at the first timed candidate: later ones are never parsed.
    """
    dated_only: tuple[datetime, str] | None = None
    for origin, raw in candidates:
        dt = parse_datetime(raw, home_tz)
        if dt is None or dt > latest:
            continue
        if _has_time(raw):
            return (dt, origin), dated_only
        dated_only = dated_only or (dt, origin)
    return None, dated_only


def find_published(
    tree: etree._Element, hints: Hints, meta: dict[str, str] | None = None
) -> tuple[datetime | None, str | None]:
    """(publish time with its offset, where it came from), best source first.

    Article meta and JSON-LD beat the feed or sitemap date, which beats a time printed in the
    byline; a date without a time of day only counts when nothing better exists, and a byline only
    adds the time of day to a machine-readable date that falls on the same day.
    """
    meta = _meta(tree) if meta is None else meta
    candidates = _date_candidates(tree, hints, meta)
    # Feeds and pages carry dates far in the future (typos, placeholders); a publish time can't be
    # one.
    latest = datetime.now(UTC) + FUTURE_TOLERANCE
    timed, dated_only = _first_usable(candidates, hints.timezone, latest)
    if timed is not None:
        return timed
    byline = find_byline_date(tree, hints.timezone, latest)
    if byline is None:
        return dated_only if dated_only else (None, None)
    # A byline may add the time of day to a machine-readable date, never contradict it.
    if dated_only is None or (byline.has_time and byline.value.date() == dated_only[0].date()):
        return byline.value, "byline"
    return dated_only
