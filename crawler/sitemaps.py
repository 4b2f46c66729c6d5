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


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_sitemap(body: bytes, max_size: int) -> Sitemap:
    """Parse a sitemap (gzip or plain) without resolving entities, loading DTDs or touching the network."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip(body, max_size=max_size)
        except Exception as exc:  # gunzip raises its own error types for bombs and bad data
            raise SitemapError(f"cannot decompress: {exc}") from None
    parser_opts = dict(
        events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False,
        huge_tree=False, recover=True, remove_comments=True, remove_pis=True,
    )
    kind = ""
    entries: list[SitemapEntry] = []
    try:
        for event, elem in etree.iterparse(io.BytesIO(body), **parser_opts):  # type: ignore[call-overload]
            name = _local(elem.tag)
            if event == "start":
                if not kind:
                    kind = name
                continue
            if name in ("url", "sitemap"):
                fields: dict[str, str] = {}
                for child in elem.iter():
                    cname = _local(child.tag)
                    if cname in ("loc", "lastmod", "title", "publication_date", "language") and child.text:
                        fields.setdefault(cname, child.text.strip())
                if fields.get("loc"):
                    entries.append(SitemapEntry(
                        loc=fields["loc"], lastmod=fields.get("lastmod"),
                        news_title=fields.get("title"), news_published=fields.get("publication_date"),
                        language=fields.get("language"),
                    ))
                elem.clear()
    except etree.XMLSyntaxError as exc:
        if not entries:
            raise SitemapError(f"not XML: {exc}") from None
    if kind not in ("urlset", "sitemapindex"):
        raise SitemapError(f"root element is <{kind or 'nothing'}>, not <urlset> or <sitemapindex>")
    if not entries and b"<loc" in body:
        # Entity bombs and broken markup come out empty rather than failing; say so.
        raise SitemapError("sitemap has <loc> elements but none could be read (malformed or entity expansion)")
    return Sitemap(kind=kind, entries=entries)


def sitemaps_from_robots(body: bytes, base_url: str) -> list[str]:
    return list(sitemap_urls_from_robots(body, base_url=base_url))
