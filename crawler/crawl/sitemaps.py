"""robots.txt, sitemap indexes, urlsets and Google News sitemaps -> URLs with their dates."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from lxml import etree
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import sitemap_urls_from_robots

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: str | None = None
    news_title: str | None = None
    news_published: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Sitemap:
    kind: str  # 'sitemapindex' or 'urlset'
    entries: list[SitemapEntry]


class SitemapError(Exception):
    """A sitemap that could not be read, or read as empty although it was not."""


_SITEMAP_NS = {
    "http://www.sitemaps.org/schemas/sitemap/0.9",
    "http://www.google.com/schemas/sitemap/0.9",
    "http://www.google.com/schemas/sitemap/0.84",
    "",
}
_NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


def _split(tag: object) -> tuple[str, str]:
    """(namespace, local name); ('', '') for comments and processing instructions."""
    if not isinstance(tag, str):
        return "", ""
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def _entry(elem: etree._Element) -> SitemapEntry | None:
    """loc and lastmod from the sitemap namespace, title, date and language from the news namespace
    only (image and video extensions have fields of the same local names)."""
    fields: dict[str, str] = {}
    for child in elem.iter():
        ns, name = _split(child.tag)
        text = (child.text or "").strip()
        if not text:
            continue
        if (ns in _SITEMAP_NS and name in ("loc", "lastmod") and child.getparent() is elem) or (
            ns == _NEWS_NS and name in ("title", "publication_date", "language")
        ):
            fields.setdefault(name, text)
    if not fields.get("loc"):
        return None
    return SitemapEntry(
        loc=fields["loc"],
        lastmod=fields.get("lastmod"),
        news_title=fields.get("title"),
        news_published=fields.get("publication_date"),
        language=fields.get("language"),
    )


def parse_sitemap(body: bytes, max_size: int) -> Sitemap:
    """Parse a sitemap (gzip or plain) without resolving entities, loading DTDs or touching the
    network."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip(body, max_size=max_size)
        except Exception as exc:  # gunzip raises its own error types for bombs and bad data
            raise SitemapError(f"cannot decompress: {exc}") from None
    parser_opts = {
        "events": ("start", "end"),
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "huge_tree": False,
        "recover": False,
        "remove_comments": True,
        "remove_pis": True,
    }
    kind = ""
    entries: list[SitemapEntry] = []
    problem = None
    try:
        for event, elem in etree.iterparse(io.BytesIO(body), **parser_opts):  # type: ignore[call-overload]
            ns, name = _split(elem.tag)
            if event == "start":
                if not kind:
                    kind = name
                continue
            if name in ("url", "sitemap") and ns in _SITEMAP_NS:
                entry = _entry(elem)
                if entry is not None:
                    entries.append(entry)
                elem.clear()
    except etree.XMLSyntaxError as exc:
        problem = str(exc)
    if problem and not entries:
        raise SitemapError(f"not XML, or not well-formed: {problem}")
    if problem:
        LOGGER.info("sitemap is truncated or broken after %d entries: %s", len(entries), problem)
    if kind not in ("urlset", "sitemapindex"):
        raise SitemapError(f"root element is <{kind or 'nothing'}>, not <urlset> or <sitemapindex>")
    if not entries and b"<loc" in body:
        # Entity bombs come out empty rather than failing; say so.
        raise SitemapError(
            "sitemap has <loc> elements but none could be read (malformed or entity expansion)"
        )
    return Sitemap(kind=kind, entries=entries)


def sitemaps_from_robots(body: bytes, base_url: str) -> list[str]:
    return list(sitemap_urls_from_robots(body, base_url=base_url))
