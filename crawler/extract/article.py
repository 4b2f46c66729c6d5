"""Article page -> clean text and metadata, through trafilatura, then wire dateline and credit
parsing.

Runs in worker processes (see pipelines.py), so it takes and returns picklable values.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from crawler.extract.datelines import Dateline, clean_wire_text
from crawler.extract.dates import to_local_iso, to_utc_iso

# The publish time lives in its own module; find_published stays importable from here.
from crawler.extract.published import _meta, find_published

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


@dataclass(frozen=True)
class Article:
    """What extraction found in a page: the fields `articles` stores, the dateline as parsed, and
    the page's own canonical link (the store decides whether to trust it)."""

    title: str | None
    body: str
    summary: str
    published_at: str | None  # UTC, ISO 8601
    published_local: str | None  # the same instant with the offset it was published with
    published_from: str | None  # meta, json-ld, time, seed, byline
    language: str | None
    author: str | None
    agency: str
    dateline: str | None  # the dateline's place, as written
    dateline_fields: dict[str, Any] | None
    content_hash: str
    page_canonical: str | None


# How trafilatura is asked for a page's text and metadata (the throughput benchmark times the same).
# `fast` skips the readability and jusText fallbacks: on the ScrapingHub benchmark our path
# scores F1 0.965 with it and 0.962 without, at 46 instead of 57 ms a page
# (benchmarks/extraction_score.py).
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "fast": True,
    "with_metadata": True,
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}

_META_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "dc.creator", "sailthru.author")
_WS = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """Hash of the text with whitespace and case normalized: same story text, same hash."""
    return hashlib.sha256(_WS.sub(" ", text).strip().lower().encode("utf-8")).hexdigest()


def _meta_author(meta: dict[str, str]) -> str | None:
    for key in _META_AUTHOR_KEYS:
        if meta.get(key) and not meta[key].startswith("http"):
            return meta[key]
    return None


# C0 and C1 control characters but tab, newline and carriage return: lxml refuses a page holding
# them (the whole text would be lost), and in a title they can drive a terminal. A vertical tab or
# form feed separates words: it becomes a space.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BREAKING_CONTROLS = re.compile(r"[\x0b\x0c]")


def strip_controls(text: str) -> str:
    return _CONTROLS.sub("", _BREAKING_CONTROLS.sub(" ", text))


def _parse_tree(page: str) -> etree._Element:
    # The options trafilatura parses with, so that handing it our tree changes nothing in what it
    # finds.
    parser = lxml_html.HTMLParser(
        recover=True,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
        default_doctype=False,
    )
    try:
        tree = lxml_html.document_fromstring(page, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"HTML could not be parsed: {exc}") from None
    errors = " ".join(str(e.message) for e in parser.error_log)
    if "excessive depth" in errors.lower():
        # lxml stops building the tree at its depth limit: what is left is a fragment, not the
        # article.
        raise ExtractionError("HTML nested too deeply to parse (lxml depth limit)")
    return tree


def _page_language(tree: etree._Element) -> str | None:
    """The primary subtag of <html lang>, the last resort for the article's language."""
    return (tree.get("lang") or "").split("-")[0].lower() or None


def _bare_extraction(tree: etree._Element, url: str) -> Any:
    """trafilatura on the tree we already parsed: text, title, description, author and language."""
    return trafilatura.bare_extraction(tree, url=url, **TRAFILATURA_OPTIONS)


def _main_text(doc: Any) -> str:
    """trafilatura's main text; a page without one is no article, so raise."""
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise ExtractionError("no main text found in the page")
    return text


def _title(doc: Any, seed_title: str | None) -> str | None:
    """The page's title, else the one the feed or sitemap gave."""
    return strip_controls(getattr(doc, "title", None) or seed_title or "").strip() or None


def _body_and_dateline(text: str, title: str | None, hints: Hints) -> tuple[Dateline | None, str]:
    """(dateline, body) without headline, dateline and credit; raise when nothing else is left."""
    dateline, body = clean_wire_text(text, hints.dateline_pattern, hints.credit_pattern, title)
    if not body.strip():
        raise ExtractionError("page text is only a dateline or credit")
    return dateline, body


def _summary(doc: Any, seed_summary: str | None, body: str) -> str:
    """The seed's summary or the page description as plain text (either may carry HTML), else the
    lead."""
    summary = strip_controls(seed_summary or getattr(doc, "description", None) or "").strip()
    if summary:
        summary = _WS.sub(" ", lxml_html.fromstring(f"<div>{summary}</div>").text_content()).strip()
    if not summary:
        summary = body.split("\n", 1)[0][:400]
    return summary


def _published_fields(published: datetime | None, published_from: str | None) -> dict[str, Any]:
    """The publish time as a UTC instant and as the page's local time, and where it came from."""
    return {
        "published_at": to_utc_iso(published) if published else None,
        "published_local": to_local_iso(published) if published else None,
        "published_from": published_from,
    }


def _wire_fields(dateline: Dateline | None, source_agency: str) -> dict[str, Any]:
    """Agency and dateline fields: the agency the dateline names beats the source's own."""
    return {
        "agency": (dateline.agency if dateline and dateline.agency else None) or source_agency,
        "dateline": dateline.place if dateline else None,
        "dateline_fields": asdict(dateline) if dateline else None,
    }


def extract_article(page: str, url: str, hints: Hints) -> Article:
    """Extract one article page. Raises ExtractionError.

    The page is parsed once: our metadata is read from the tree first, because trafilatura prunes
    it.
    """
    tree = _parse_tree(strip_controls(page))
    meta = _meta(tree)
    published, published_from = find_published(tree, hints, meta)
    html_lang = _page_language(tree)
    page_canonical = _canonical_link(tree)
    doc = _bare_extraction(tree, url)
    text = _main_text(doc)
    title = _title(doc, hints.seed_title)
    dateline, body = _body_and_dateline(text, title, hints)
    summary = _summary(doc, hints.seed_summary, body)
    return Article(
        title=title,
        body=body,
        summary=summary,
        **_published_fields(published, published_from),
        language=hints.language or getattr(doc, "language", None) or html_lang,
        author=getattr(doc, "author", None) or _meta_author(meta),
        **_wire_fields(dateline, hints.agency),
        content_hash=content_hash(body),
        page_canonical=page_canonical,
    )


def _canonical_link(tree: etree._Element) -> str | None:
    for node in tree.xpath('//link[@rel="canonical"][@href]'):
        href = (node.get("href") or "").strip()
        if href:
            return href
    return None
