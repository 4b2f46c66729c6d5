"""The publish time printed in a page's byline area: between the headline and the first paragraph of
the text.

Only that area is read, so that a date the story mentions ("the summit on 12 December") or one in
a sidebar, a site header or a list of related links is never taken for the publish time. An
element named for a date or byline (`class="post-date"`, `itemprop="datePublished"`, `<time>`) may
hold other words (`By Siti Aminah · Updated 3 Dec 2026, 2:05 pm`); any other short line must be
the date and nothing else but labels such as `Published:`, `Posted on`, `Diterbitkan`, `Cập nhật`
or a weekday.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree

from crawler.extract.written_dates import WrittenDate, date_order, find_written_dates

_DATE_NAMES = re.compile(r"date|time|stamp|byline|posted|publish|meta|updated", re.IGNORECASE)
# Parts of a page that are not the article: their dates are those of other pages, or of today.
_SKIP_TAGS = {"nav", "footer", "aside", "form", "script", "style", "noscript", "template", "button"}
_SKIP_TAGS |= {"figure", "figcaption"}  # a photo caption is no paragraph of the text
_SKIP_NAMES = re.compile(
    r"related|sidebar|widget|menu|navbar|breadcrumb|comment|share|social|cookie|footer|masthead|"
    r"site-header|topbar|top-bar|newsletter|promo|trending|most-read|popular|caption",
    re.IGNORECASE,
)
_LINE_TAGS = {"p", "div", "span", "small", "em", "strong", "b", "i", "font", "time", "li"}
_LINE_TAGS |= {"h2", "h3", "h4", "h5", "h6", "header", "section"}
_MAX_MARKED = 200  # characters of a byline element
_MAX_LINE = 120  # characters of an unnamed line
_MAX_ELEMENTS = 300  # elements read from the start of the byline area
_NEAR_TEXT = 80  # elements read before the text on a page without a headline
_ABOVE_HEADLINE = 2  # elements read above a headline that no <article> holds
# The first paragraph of the text: a sentence of 12 words or more, or any 30 words.
_SENTENCE_END = re.compile(r"""[.!?…"”’)]\s*$""")

_WEEKDAYS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|"
    r"thurs|fri|sat|sun|senin|selasa|rabu|kamis|khamis|jumat|jum'at|jumaat|sabtu|minggu|ahad|isnin|"
    r"lunes|martes|miyerkoles|huwebes|biyernes|sabado|linggo)\b"
    r"|\bthứ\s+(?:hai|ba|tư|bốn|năm|sáu|bảy|[2-7])\b|\bchủ\s+nhật\b",
    re.IGNORECASE,
)
# Words that label a printed date, in English, Indonesian, Malay and Vietnamese.
_LABELS = {
    "published",
    "publish",
    "updated",
    "update",
    "posted",
    "last",
    "first",
    "modified",
    "created",
    "released",
    "issued",
    "on",
    "at",
    "date",
    "dated",
    "time",
    "diterbitkan",
    "dipublikasikan",
    "diperbarui",
    "diperbaharui",
    "terbit",
    "pada",
    "tanggal",
    "pukul",
    "jam",
    "pkl",
    "dikemaskini",
    "kemaskini",
    "disiarkan",
    "tarikh",
    "đăng",
    "cập",
    "nhật",
    "ngày",
    "lúc",
    "giờ",
    "vào",
}
# `By Siti Aminah` before the date: up to five capitalised words.
_BY = re.compile(r"^\s*(?:by|oleh|bởi)\s+(?:[^\W\d_][\w.'’\-]*\s*){1,5}", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_WS = re.compile(r"\s+")


def _names(node: etree._Element) -> str:
    return " ".join(node.get(a) or "" for a in ("class", "id", "itemprop"))


def _is_headline(node: etree._Element) -> bool:
    """An <h1> that titles the page, not the site's logo (an image, or a link to the home page)."""
    if node.tag != "h1" or next(node.iter("img", "svg"), None) is not None:
        return False
    home = (urlsplit(a.get("href") or "") for a in node.iter("a") if a.get("href") is not None)
    return not any(url.path in ("", "/") and not url.query for url in home)


def _holds_headline(node: etree._Element) -> bool:
    return any(_is_headline(h1) for h1 in node.iter("h1"))


def _skipped(node: etree._Element) -> bool:
    """Whether a subtree is outside the article: navigation, sidebars, footers, the site header. A
    part that holds the headline is the article's, whatever its name (`<body class="has-sidebar">`,
    an article's own <header>)."""
    if not isinstance(node.tag, str):
        return True
    tag = node.tag.lower()
    if tag in _SKIP_TAGS:
        return True
    if tag == "header" and next(node.iterancestors("article"), None) is None:
        return not _holds_headline(node)
    return bool(_SKIP_NAMES.search(_names(node))) and not _holds_headline(node)


def _walk(root: etree._Element) -> Iterator[etree._Element]:
    """Elements in document order, without the subtrees that are not the article's."""
    stack = [root]
    while stack:
        node = stack.pop()
        if _skipped(node):
            continue
        yield node
        stack.extend(reversed(node))


def _text(node: etree._Element) -> str:
    return _WS.sub(" ", node.text_content()).strip()


def _is_first_paragraph(node: etree._Element) -> bool:
    if node.tag != "p" or _DATE_NAMES.search(_names(node)):
        return False
    text = _text(node)
    words = len(text.split())
    return words >= 30 or (words >= 12 and bool(_SENTENCE_END.search(text)))


def _landmarks(root: etree._Element) -> tuple[etree._Element | None, etree._Element | None]:
    """(headline, first paragraph of the text), either None when the page has none."""
    headline = None
    for node in _walk(root):
        if _is_headline(node):
            headline = node
        elif _is_first_paragraph(node):
            return headline, node
    return headline, None


def _area_start(
    root: etree._Element, headline: etree._Element | None, first: etree._Element | None
) -> etree._Element:
    """Where the byline area starts: the <article> holding the headline, else the two elements just
    above the headline (a date may be printed above it), else the <article> or <main> holding the
    text, else the page."""
    anchor = headline if headline is not None else first
    if anchor is None:
        return root
    for ancestor in anchor.iterancestors():
        if ancestor.tag == "article" or (headline is None and ancestor.tag == "main"):
            return ancestor
    if headline is None:
        return root
    start = headline
    for above in list(headline.itersiblings(etree.Element, preceding=True))[:_ABOVE_HEADLINE]:
        if _skipped(above):
            break
        start = above
    return start


def _label_only(text: str, dates: list[WrittenDate]) -> bool:
    """Whether a line holds nothing but its dates, labels, weekdays and an author's name."""
    rest = text
    for d in sorted(dates, key=lambda d: d.start, reverse=True):
        rest = rest[: d.start] + " " + rest[d.end :]
    rest = _BY.sub(" ", _WEEKDAYS.sub(" ", rest))
    return all(word.lower() in _LABELS for word in _WORD.findall(rest))


def _area(root: etree._Element) -> list[etree._Element]:
    """The elements of the byline area, in document order: from its start to the text, or, on a
    page without a headline or an article around its text, the last few before the text."""
    headline, first = _landmarks(root)
    start = _area_start(root, headline, first)
    # The text's own containers hold a date of the story, not of the page.
    around_text = set(first.iterancestors()) if first is not None else set()
    started, area = start is root, []
    for node in _walk(root):
        if node is first:
            break
        started = started or node is start
        if started and node not in (root, headline) and node not in around_text:
            area.append(node)
    return area[-_NEAR_TEXT:] if first is not None and start is root else area[:_MAX_ELEMENTS]


def _dates_in(node: etree._Element, zone: str, order: str | None) -> list[WrittenDate]:
    """The dates a byline element or a date-only line prints; none for any other element."""
    marked = node.tag == "time" or bool(_DATE_NAMES.search(_names(node)))
    if not marked and node.tag not in _LINE_TAGS:
        return []
    text = _text(node)
    if not text or len(text) > (_MAX_MARKED if marked else _MAX_LINE):
        return []
    dates = find_written_dates(text, zone, order)
    return dates if marked or (dates and _label_only(text, dates)) else []


def find_byline_date(tree: etree._Element, zone: str, latest: datetime) -> WrittenDate | None:
    """The publish time printed in the byline area, read in `zone` unless it names its own: the
    earliest printed time of day (a byline may show `Updated` beside `Published`), else the earliest
    date. Dates after `latest` are left out."""
    order = date_order(zone)
    body = tree.find("body")
    found = [
        d
        for node in _area(body if body is not None else tree)
        for d in _dates_in(node, zone, order)
        if d.value <= latest
    ]
    timed = [d for d in found if d.has_time]
    return min(timed or found, key=lambda d: d.value, default=None)
