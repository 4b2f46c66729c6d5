"""What an alert digest holds (each story once, tagged with the rules it matched), and the
presentation decisions both renderers share.

The email and the Slack renderer must say the same thing about the same digest: the same counts,
times, bound and marked terms. Those decisions live here, beside the data, so the renderers only
decide markup and escaping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crawler.store.schema import CORE, NONE, RELATED, RELEVANCE
from crawler.text import counted

RULE_CHARS = 200
# Relevance classes as headings, highest first; "none" reads better to a desk as "Other".
_CLASS_LABELS = {CORE: "Core", RELATED: "Related", NONE: "Other"}
_CLASS_RANK = {r: i for i, r in enumerate(RELEVANCE)}  # an unknown class ranks below them all
_NO_TIME = datetime.min.replace(tzinfo=UTC)  # with reverse order: stories with no time last
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Line and paragraph separators, tabs and C0/C1 controls: they break headers, layouts and terminals.
_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def _require_aware(value: datetime | None, what: str) -> None:
    # A naive time would be read in the host's zone and shown at the wrong hour, silently.
    if value is not None and value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {value.isoformat()}")


@dataclass(frozen=True)
class Carrier:
    """One article of a story: the agency that carried it and where."""

    agency: str
    source: str
    url: str
    title: str
    published_at: datetime | None

    def __post_init__(self) -> None:
        _require_aware(self.published_at, f"carrier {self.url!r} published_at")

    @property
    def name(self) -> str:
        """The agency to show; the source name when the agency is unknown."""
        return one_line(self.agency or self.source, 60) or "unknown agency"


@dataclass(frozen=True)
class RuleTag:
    """One rule a story matched, and why: the terms its query hit and the actors it asked for and
    found (display names), as the rule engine recorded them on the alert."""

    name: str
    description: str | None = None
    terms: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """What a reader sees: the rule's description when it has one, else its name."""
        return one_line(self.description or self.name, RULE_CHARS) or "(unnamed rule)"


@dataclass(frozen=True)
class DigestEntry:
    """One story, with every rule of the digest that matched it."""

    story_id: int
    title: str
    published_at: datetime | None
    relevance: str
    carriers: tuple[Carrier, ...]
    snippet: str
    rules: tuple[RuleTag, ...]
    actors: tuple[str, ...]
    updated: bool = False
    update_note: str | None = None

    def __post_init__(self) -> None:
        _require_aware(self.published_at, f"story {self.story_id} published_at")

    @property
    def link(self) -> str | None:
        """Where the title points: the first carrier with a web URL."""
        return next((u for u in (web_url(c.url) for c in self.carriers) if u), None)

    @property
    def terms(self) -> tuple[str, ...]:
        """The terms any of its rules matched: all are marked in the snippet."""
        return tuple(dict.fromkeys(t for r in self.rules for t in r.terms))

    def badges(self) -> list[tuple[str, bool]]:
        """(actor, made a rule match) for each actor badge, one line each."""
        matched = {one_line(a) for r in self.rules for a in r.actors}
        return [(a, a in matched) for a in (one_line(x, 80) for x in self.actors) if a]


@dataclass(frozen=True)
class DigestSection:
    """The stories of one relevance class, in the order they are shown."""

    relevance: str
    entries: tuple[DigestEntry, ...]

    @property
    def label(self) -> str:
        return _CLASS_LABELS.get(self.relevance) or one_line(self.relevance, 20).capitalize()


@dataclass(frozen=True)
class Digest:
    """Everything one channel is told about one period: each story once."""

    channel: str
    timezone: str
    period_start: datetime | None
    period_end: datetime
    entries: tuple[DigestEntry, ...]

    def __post_init__(self) -> None:
        _require_aware(self.period_start, f"digest {self.channel!r} period_start")
        _require_aware(self.period_end, f"digest {self.channel!r} period_end")
        ids = [e.story_id for e in self.entries]
        if len(ids) != len(set(ids)):
            twice = next(i for i in ids if ids.count(i) > 1)
            raise ValueError(f"digest {self.channel!r} holds story {twice} twice")

    @property
    def new_count(self) -> int:
        """Stories new to the channel: new under at least one of their rules."""
        return sum(1 for e in self.entries if not e.updated)

    @property
    def updated_count(self) -> int:
        """Stories the channel was told of before, shown again for a new carrier or lead."""
        return sum(1 for e in self.entries if e.updated)

    @property
    def total(self) -> int:
        """Stories, whatever number of rules matched each."""
        return len(self.entries)

    @property
    def zone(self) -> ZoneInfo:
        """The channel's zone; a bad name is the channel's config error, so it is named."""
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(
                f"digest for channel {self.channel!r}: unknown time zone {self.timezone!r}"
            ) from exc


@dataclass(frozen=True)
class Layout:
    """A digest cut to a bound: new stories by relevance class, then updated ones, and how many
    were left out."""

    new: tuple[DigestSection, ...]
    updated: tuple[DigestSection, ...]
    omitted: int


def _shown_order(entry: DigestEntry) -> tuple[int, bool, datetime, int]:
    # Sorted in reverse: the higher class first, then a known time, the later time, the higher id.
    return (
        _CLASS_RANK.get(entry.relevance, -1),
        entry.published_at is not None,
        entry.published_at or _NO_TIME,
        entry.story_id,
    )


def layout(digest: Digest, max_entries: int) -> Layout:
    """The order a desk reads in: new stories before updated ones (news before revisions), each
    part by relevance class (core, related, none), newest first within a class (stories with no
    time last); then the first max_entries stories of that order are kept, so a bounded digest
    keeps the core news and the latest. `omitted` counts the stories left out."""
    budget = max(0, max_entries)
    parts: list[tuple[DigestSection, ...]] = []
    for updated in (False, True):
        part = [e for e in digest.entries if e.updated is updated]
        kept = sorted(part, key=_shown_order, reverse=True)[:budget]
        budget -= len(kept)
        sections: dict[str, list[DigestEntry]] = {}
        for entry in kept:
            sections.setdefault(entry.relevance, []).append(entry)
        parts.append(tuple(DigestSection(rel, tuple(es)) for rel, es in sections.items()))
    shown = sum(len(s.entries) for part in parts for s in part)
    return Layout(parts[0], parts[1], digest.total - shown)


def one_line(text: str, limit: int | None = None) -> str:
    """Text as one tidy line: breaks and control characters become single spaces, then shortened
    with '…'."""
    flat = _BREAKS.sub(" ", text).strip()
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat


def web_url(url: str) -> str | None:
    """The URL when it is an absolute http(s) one; anything else (javascript:, data:, relative) is
    not linked."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or _BREAKS.search(url):
        return None
    return url


@lru_cache(maxsize=512)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    words = sorted({one_line(t) for t in terms if one_line(t)}, key=len, reverse=True)
    if not words:
        return None
    # Longest first so "South China Sea" wins over "China"; any run of spaces inside a phrase
    # matches.
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split(" "))) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def marked(text: str, terms: tuple[str, ...]) -> list[tuple[str, bool]]:
    """Split raw text into (piece, is_term) pieces: each renderer escapes every piece itself and
    only then wraps the terms, so nothing in the text can become markup."""
    pattern = _terms_pattern(tuple(terms))
    if pattern is None:
        return [(text, False)] if text else []
    pieces: list[tuple[str, bool]] = []
    at = 0
    for m in pattern.finditer(text):
        if m.start() > at:
            pieces.append((text[at : m.start()], False))
        pieces.append((m.group(), True))
        at = m.end()
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


def offset_label(dt: datetime) -> str:
    """A short UTC offset: '+07', '-03', '+0530'."""
    offset = dt.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    hours, rest = divmod(minutes, 60)
    return f"{sign}{hours:02d}{rest:02d}" if rest else f"{sign}{hours:02d}"


def _day(dt: datetime) -> str:
    return f"{dt.day:02d} {_MONTHS[dt.month - 1]}"


def format_time(dt: datetime | None, zone: ZoneInfo) -> str:
    """A story's time in the channel's zone: '09 Feb 2026 14:05 +07' (month names fixed, not the
    locale's)."""
    if dt is None:
        return "time unknown"
    local = dt.astimezone(zone)
    return f"{_day(local)} {local.year} {local:%H:%M} {offset_label(local)}"


def period_label(digest: Digest) -> str:
    """The period in the channel's zone: '09 Feb 07:00–13:00 (+07)', the date repeated when it
    changes."""
    zone = digest.zone
    end = digest.period_end.astimezone(zone)
    if digest.period_start is None:
        return f"until {_day(end)} {end:%H:%M} ({offset_label(end)})"
    start = digest.period_start.astimezone(zone)
    if offset_label(start) != offset_label(
        end
    ):  # a DST change inside the period: show both offsets
        return (
            f"{_day(start)} {start:%H:%M} ({offset_label(start)}) – "
            f"{_day(end)} {end:%H:%M} ({offset_label(end)})"
        )
    if start.date() == end.date():
        return f"{_day(start)} {start:%H:%M}–{end:%H:%M} ({offset_label(end)})"
    return f"{_day(start)} {start:%H:%M} – {_day(end)} {end:%H:%M} ({offset_label(end)})"


def headline(digest: Digest) -> str:
    """'wirewatch desk: 5 new stories, 2 updated', counting distinct stories, with the channel
    name made safe for a header."""
    channel = one_line(digest.channel, 60) or "digest"
    new = counted(digest.new_count, "new story", "new stories")
    return f"wirewatch {channel}: {new}, {digest.updated_count} updated"


def more_line(omitted: int) -> str:
    """The line that says what the bound left out."""
    return f"… and {counted(omitted, 'more story', 'more stories')}"
