"""Article page -> clean text and metadata, through trafilatura, then wire dateline and credit parsing.

Runs in worker processes (see pipelines.py), so it takes and returns plain picklable values.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Iterator

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from crawler.extract.datelines import clean_wire_text
from crawler.extract.dates import parse_datetime, to_local_iso, to_utc_iso

LOGGER = logging.getLogger(__name__)


class ExtractionError(Exception):
    """The page held no article text we could read; str() says why."""


@dataclass(frozen=True)
class Hints:
    """What the source and the seed (feed entry, sitemap entry, listing) told us about the page."""

    agency: str
    timezone: str
    language: str | None = None
    dateline_pattern: str | None = None
    credit_pattern: str | None = None
    seed_title: str | None = None
    seed_published: str | None = None  # ISO 8601 with its offset, from a feed or news sitemap
    seed_summary: str | None = None


# Meta tags that carry the publish time, best first.
_META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "originalpublicationdate", "publishdate", "publish-date", "pubdate", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date", "date", "rnews:datepublished",
)
_META_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "dc.creator", "sailthru.author")
# An ISO time printed on the page, with its offset when it has one.
_ISO_VISIBLE = re.compile(r"\b(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)")
# Visible times in bylines, as agencies print them (no offset: read in the agency's zone).
_VISIBLE_FORMATS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"\b(\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}\s*[AP]M)\b", re.I), ("%d/%m/%Y %I:%M %p",)),
    (re.compile(r"\b([A-Z][a-z]+\.? \d{1,2}, \d{4},? \d{1,2}:\d{2}\s*[ap]\.?m\.?)", re.I),
     ("%B %d, %Y, %I:%M %p", "%B %d, %Y %I:%M %p", "%b %d, %Y, %I:%M %p", "%b %d, %Y %I:%M %p")),
    (_ISO_VISIBLE, ()),
    (re.compile(r"\b(\d{1,2} [A-Z][a-z]+ \d{4},? \d{1,2}:\d{2})\b"), ("%d %B %Y %H:%M", "%d %B %Y, %H:%M")),
)
FUTURE_TOLERANCE = timedelta(days=1)
_DATE_CLASS = re.compile(r"date|time|timestamp|byline|posted|published|meta", re.I)
_WS = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """Hash of the text with whitespace and case normalized: same story text, same hash."""
    return hashlib.sha256(_WS.sub(" ", text).strip().lower().encode("utf-8")).hexdigest()


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
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        if key and key not in out:
            out[key] = (node.get("content") or node.get("value") or "").strip()
    return out


def _has_time(raw: str) -> bool:
    return bool(re.search(r"\d{1,2}:\d{2}", raw)) or bool(re.fullmatch(r"\d{10}(\d{3})?", raw.strip()))


def _visible_time(tree: etree._Element, home_tz: str) -> datetime | None:
    """A byline or timestamp element's text, read in the agency's zone."""
    nodes = tree.xpath("//*[@class or @id]")
    for node in nodes:
        attrs = f"{node.get('class', '')} {node.get('id', '')}"
        if not _DATE_CLASS.search(attrs):
            continue
        text = _WS.sub(" ", node.text_content() if hasattr(node, "text_content") else "").strip()
        if not text or len(text) > 200:
            continue
        found = _parse_visible(text, home_tz)
        if found:
            return found
    return None


def _parse_visible(text: str, home_tz: str) -> datetime | None:
    for rx, formats in _VISIBLE_FORMATS:
        m = rx.search(text)
        if not m:
            continue
        if rx is _ISO_VISIBLE:
            return parse_datetime(m.group(1).replace(" ", "T"), home_tz)
        raw = _WS.sub(" ", m.group(1).replace(".", "")).strip()
        raw = re.sub(r"(?i)(\d)\s*([ap])m$", lambda x: f"{x.group(1)} {x.group(2).upper()}M", raw)
        for fmt in formats:
            try:
                naive = datetime.strptime(raw.replace("T", " "), fmt.replace(".", ""))
            except ValueError:
                continue
            return parse_datetime(naive.isoformat(), home_tz)
    return None


def find_published(tree: etree._Element, hints: Hints,
                   meta: dict[str, str] | None = None) -> tuple[datetime | None, str | None]:
    """(publish time with its offset, where it came from), best source first.

    Article meta and JSON-LD beat the feed or sitemap date, which beats a visible byline time; a date without a
    time of day only counts when nothing better exists.
    """
    candidates: list[tuple[str, str]] = []
    meta = _meta(tree) if meta is None else meta
    for key in _META_DATE_KEYS:
        if meta.get(key):
            candidates.append(("meta", meta[key]))
    for item in _iter_jsonld(tree):
        for key in ("datePublished", "dateCreated", "uploadDate"):
            if item.get(key):
                candidates.append(("json-ld", str(item[key])))
    for node in tree.xpath('//time[@datetime]'):
        if (node.get("itemprop") or "").lower() == "datepublished" or node.get("pubdate") is not None:
            candidates.insert(0, ("meta", node.get("datetime")))
        else:
            candidates.append(("time", node.get("datetime")))
    if hints.seed_published:
        candidates.append(("seed", hints.seed_published))
    dated_only: tuple[datetime, str] | None = None
    # Feeds and pages carry dates far in the future (typos, placeholders); a publish time can't be one.
    latest = datetime.now(timezone.utc) + FUTURE_TOLERANCE
    for origin, raw in candidates:
        dt = parse_datetime(raw, hints.timezone)
        if dt is None or dt > latest:
            continue
        if _has_time(raw):
            return dt, origin
        dated_only = dated_only or (dt, origin)
    visible = _visible_time(tree, hints.timezone)
    if visible is not None and visible <= latest:
        return visible, "byline"
    return dated_only if dated_only else (None, None)


def _meta_author(meta: dict[str, str]) -> str | None:
    for key in _META_AUTHOR_KEYS:
        if meta.get(key) and not meta[key].startswith("http"):
            return meta[key]
    return None


def _parse_tree(page: str) -> etree._Element:
    # The options trafilatura parses with, so that handing it our tree changes nothing in what it finds.
    parser = lxml_html.HTMLParser(recover=True, no_network=True, remove_comments=True, remove_pis=True,
                                  collect_ids=False, default_doctype=False)
    try:
        tree = lxml_html.document_fromstring(page, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"HTML could not be parsed: {exc}") from None
    errors = " ".join(str(e.message) for e in parser.error_log)
    if "excessive depth" in errors.lower():
        # lxml stops building the tree at its depth limit: what is left is a fragment, not the article.
        raise ExtractionError("HTML nested too deeply to parse (lxml depth limit)")
    return tree


def extract_article(page: str, url: str, hints: Hints) -> dict[str, Any]:
    """Extract one article page into the fields stored in `articles`. Raises ExtractionError.

    The page is parsed once: our metadata is read from the tree first, because trafilatura prunes it.
    """
    tree = _parse_tree(page)
    meta = _meta(tree)
    published, published_from = find_published(tree, hints, meta)
    html_lang = (tree.get("lang") or "").split("-")[0].lower() or None
    page_canonical = _canonical_link(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_formatting=False, date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise ExtractionError("no main text found in the page")
    title = (getattr(doc, "title", None) or hints.seed_title or "").strip() or None
    dateline, body = clean_wire_text(text, hints.dateline_pattern, hints.credit_pattern, title)
    if not body.strip():
        raise ExtractionError("page text is only a dateline or credit")
    summary = (hints.seed_summary or getattr(doc, "description", None) or "").strip()
    if summary:
        summary = _WS.sub(" ", lxml_html.fromstring(f"<div>{summary}</div>").text_content()).strip()
    if not summary:
        summary = body.split("\n", 1)[0][:400]
    return {
        "title": title,
        "body": body,
        "summary": summary,
        "published_at": to_utc_iso(published) if published else None,
        "published_local": to_local_iso(published) if published else None,
        "published_from": published_from,
        "language": hints.language or getattr(doc, "language", None) or html_lang,
        "author": getattr(doc, "author", None) or _meta_author(meta),
        "agency": (dateline.agency if dateline and dateline.agency else None) or hints.agency,
        "dateline": dateline.place if dateline else None,
        "dateline_fields": asdict(dateline) if dateline else None,
        "content_hash": content_hash(body),
        "page_canonical": page_canonical,
    }


def _canonical_link(tree: etree._Element) -> str | None:
    for node in tree.xpath('//link[@rel="canonical"][@href]'):
        href = (node.get("href") or "").strip()
        if href:
            return href
    return None
