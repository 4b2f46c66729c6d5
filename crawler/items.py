"""The items that cross each stage boundary of the item pipeline, one class per boundary:

spider -> FetchedPage -> extract -> ExtractedArticle -> store -> StoredArticle
       -> stories -> GroupedArticle
"""

from __future__ import annotations

from dataclasses import dataclass

from crawler.extract.article import Article


@dataclass(frozen=True)
class Lead:
    """An article URL a seed pointed to, with what the seed said about it."""

    url: str
    title: str | None = None
    published: str | None = None  # ISO 8601 with offset
    stamp: str | None = None  # changes when the entry changes (feed 'updated', sitemap 'lastmod')
    summary: str | None = None
    language: str | None = None


@dataclass
class FetchedPage:
    """An article page as the spider downloaded it."""

    origin: str  # the canonical URL this page answers for (its outcome is recorded under it)
    url: str  # where it was fetched from, after redirects
    redirect_urls: list[str]
    html: str
    lead: Lead
    refetch: bool = False  # fetched again because its seed entry moved


@dataclass
class ExtractedArticle:
    """A page's article as extraction found it, and how the page was reached."""

    origin: str
    url: str
    redirect_urls: list[str]
    lead: Lead
    refetch: bool
    article: Article


@dataclass
class StoredArticle:
    """An article the store wrote, new or with new text: what grouping needs of it."""

    article_id: int
    outcome: str  # stored or updated
    url: str
    title: str | None
    body: str
    published_at: str | None
    dateline: str | None = None  # its place, whose officials an unnamed "the ministry" are
    agency: str | None = None


@dataclass
class GroupedArticle:
    """What a crawl yields (and `scrapy crawl -O` exports): the article, its outcome and its
    story."""

    article_id: int
    outcome: str
    url: str
    title: str | None
    story_id: int | None
