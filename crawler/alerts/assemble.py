"""Due outbox rows -> the Digest a channel is told: grouped by rule, one entry per story, updates
apart, newest story first."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from crawler.alerts.digest import Carrier, Digest, DigestEntry, DigestSection
from crawler.config import Channel
from crawler.store import Store

MAX_ACTOR_BADGES = 8
_NO_TIME = datetime.min.replace(tzinfo=UTC)  # sorts entries with no known time last


def _dt(iso: str | None) -> datetime | None:
    return datetime.fromisoformat(iso) if iso else None


def build_digest(
    store: Store,
    channel: Channel,
    rows: list[dict[str, Any]],
    names: dict[str, str],
    period_start: datetime | None,
    now: datetime,
) -> Digest:
    """One digest of the due outbox rows of a channel."""
    sections: dict[str, dict[tuple[int, bool], DigestEntry]] = {}
    stories: dict[int, dict[str, Any]] = {}
    for row in rows:
        if row["story_id"] not in stories:
            stories[row["story_id"]] = store.outbox.story_for_digest(row["story_id"])
        story = stories[row["story_id"]]
        updated = row["kind"] == "update"
        note = _update_note(story, row["article_id"]) if updated else None
        key = (row["story_id"], updated)
        section = sections.setdefault(row["rule"], {})
        if key not in section:
            section[key] = _entry(story, row, names, updated, note)
        elif note and section[key].update_note and note not in (section[key].update_note or ""):
            # Several carriers joined since the last digest: one entry that names them all.
            section[key] = replace(section[key], update_note=f"{section[key].update_note}; {note}")
    return Digest(
        channel=channel.name,
        timezone=channel.timezone,
        period_start=period_start,
        period_end=now,
        sections=tuple(
            DigestSection(rule=rule, entries=newest_first(entries.values()))
            for rule, entries in sections.items()
        ),
    )


def newest_first(entries: Iterable[DigestEntry]) -> tuple[DigestEntry, ...]:
    """By the time each entry shows (its first carrier's), newest first, so a bounded digest keeps
    the latest news; the higher story id first at equal times, stories with no time last."""
    return tuple(
        sorted(
            entries,
            key=lambda e: (e.published_at is not None, e.published_at or _NO_TIME, e.story_id),
            reverse=True,
        )
    )


def _update_note(story: dict[str, Any], article_id: int) -> str:
    """What changed in a story already alerted: the carrier that joined it, or that its text
    changed."""
    art = next((a for a in story["articles"] if a["id"] == article_id), None)
    return f"new from {art['agency'] or art['source']}: {art['title']}" if art else "story changed"


def _entry(
    story: dict[str, Any],
    row: dict[str, Any],
    names: dict[str, str],
    updated: bool,
    note: str | None,
) -> DigestEntry:
    first = story["articles"][0] if story["articles"] else None
    return DigestEntry(
        story_id=story["id"],
        title=story["title"] or "(untitled)",
        published_at=_dt(first["published_at"] or first["fetched_at"]) if first else None,
        relevance=story["relevance"],
        carriers=tuple(
            Carrier(
                agency=a["agency"] or a["source"],
                source=a["source"],
                url=a["url"],
                title=a["title"] or "",
                published_at=_dt(a["published_at"]),
            )
            for a in story["articles"]
        ),
        snippet=row["snippet"] or "",
        terms=tuple(json.loads(row["terms"])),
        actors=tuple(names.get(a, a) for a in story["actors"][:MAX_ACTOR_BADGES]),
        updated=updated,
        update_note=note,
    )
