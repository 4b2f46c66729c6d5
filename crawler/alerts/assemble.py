"""Due outbox rows -> the Digest a channel is told: one entry per story, whatever number of rules
matched it, tagged with those rules and what made each match."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from crawler.alerts.digest import Carrier, Digest, DigestEntry, RuleTag
from crawler.config import Channel, Rule
from crawler.store import Store

MAX_ACTOR_BADGES = 8


def _dt(iso: str | None) -> datetime | None:
    return datetime.fromisoformat(iso) if iso else None


def build_digest(
    store: Store,
    channel: Channel,
    rows: list[dict[str, Any]],
    names: dict[str, str],
    period_start: datetime | None,
    now: datetime,
    rules: Iterable[Rule] = (),
) -> Digest:
    """One digest of the due outbox rows of a channel. `rules` (the config's) give the tags their
    order and descriptions; a rule no longer configured is still tagged, by name, after them."""
    by_story: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        by_story.setdefault(row["story_id"], []).append(row)
    described = {r.name: r.description for r in rules}
    order = {name: i for i, name in enumerate(described)}
    entries = []
    for story_id, story_rows in by_story.items():
        story_rows.sort(key=lambda r: (order.get(r["rule"], len(order)), r["rule"], r["id"]))
        entries.append(
            _entry(store.outbox.story_for_digest(story_id), story_rows, names, described)
        )
    return Digest(
        channel=channel.name,
        timezone=channel.timezone,
        period_start=period_start,
        period_end=now,
        entries=tuple(entries),
    )


def _update_note(story: dict[str, Any], article_id: int) -> str:
    """What changed in a story already alerted: the carrier that joined it, or that its text
    changed."""
    art = next((a for a in story["articles"] if a["id"] == article_id), None)
    return f"new from {art['agency'] or art['source']}: {art['title']}" if art else "story changed"


def _tags(
    rows: list[dict[str, Any]], names: dict[str, str], described: dict[str, str | None]
) -> tuple[RuleTag, ...]:
    """One tag per rule (a rule may bring a 'new' and an 'update' row), with the terms and actors
    its alert recorded."""
    tags: dict[str, RuleTag] = {}
    for row in rows:
        if row["rule"] in tags:
            continue
        tags[row["rule"]] = RuleTag(
            name=row["rule"],
            description=described.get(row["rule"]),
            terms=tuple(json.loads(row["terms"] or "[]")),
            actors=tuple(names.get(a, a) for a in json.loads(row["actors"] or "[]")),
        )
    return tuple(tags.values())


def _badges(story: dict[str, Any], matched: set[str], names: dict[str, str]) -> tuple[str, ...]:
    """The story's actors, most mentioned first: every one a rule matched on, and others up to
    MAX_ACTOR_BADGES in all."""
    room = max(0, MAX_ACTOR_BADGES - len(matched & set(story["actors"])))
    shown = []
    for actor in story["actors"]:
        if actor in matched:
            shown.append(actor)
        elif room:
            shown.append(actor)
            room -= 1
    return tuple(names.get(a, a) for a in shown)


def _entry(
    story: dict[str, Any],
    rows: list[dict[str, Any]],
    names: dict[str, str],
    described: dict[str, str | None],
) -> DigestEntry:
    # New under any rule: new to this channel's readers. Only an entry all updates says what
    # changed, naming every carrier that joined since the last digest.
    updated = all(r["kind"] == "update" for r in rows)
    notes = [_update_note(story, r["article_id"]) for r in rows if r["kind"] == "update"]
    # The snippet of the first rule whose query hit the text shows the most marked terms.
    source = next((r for r in rows if json.loads(r["terms"] or "[]")), rows[0])
    matched = {a for r in rows for a in json.loads(r["actors"] or "[]")}
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
        snippet=source["snippet"] or "",
        rules=_tags(rows, names, described),
        actors=_badges(story, matched, names),
        updated=updated,
        update_note="; ".join(dict.fromkeys(notes)) if updated and notes else None,
    )
