"""The outbox -> email and Slack, exactly once as far as the servers let us know.

An outbox row is marked sent only after the server accepted the message that carried it (SMTP 250,
Slack 200 `ok`). Passing failures (SMTP 4xx, refused connections, timeouts, Slack 5xx and 429) are
retried on later runs with backoff; permanent ones (SMTP 5xx, a mail server without the STARTTLS or
login the channel asks for, Slack 4xx such as `invalid_payload`) are recorded with the reason. A
crash between a server's acceptance and the commit that records it resends that one message on the
next run: at most one duplicate digest.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from crawler.alerts.assemble import build_digest
from crawler.alerts.digest import Digest
from crawler.alerts.errors import DeliveryError
from crawler.alerts.redaction import redact
from crawler.alerts.render_email import render_email
from crawler.alerts.render_slack import render_slack, story_ids
from crawler.alerts.slack import send_slack
from crawler.alerts.smtp import send_email
from crawler.config import Channel, Config, DeliverySettings
from crawler.store import Store
from crawler.store.locks import source_locks
from crawler.text import counted

LOGGER = logging.getLogger(__name__)


@dataclass
class ChannelReport:
    channel: str
    items: int = 0
    sent: int = 0
    messages: int = 0
    retry: int = 0
    failed: int = 0
    error: str | None = None


# -- the run ---------------------------------------------------------------------------------------


def deliver(
    store: Store,
    config: Config,
    names: dict[str, str],
    channels: list[str] | None = None,
    modes: tuple[str, ...] = ("immediate", "digest"),
    dry_run: bool = False,
    echo: Callable[[str], None] | None = None,
    now: datetime | None = None,
) -> list[ChannelReport]:
    """Send (or, with dry_run, print) what is due on each channel."""
    settings = config.delivery
    secrets = config.secrets()
    reports = []
    for name in channels or sorted(config.channels):
        channel = config.channels[name]
        now = now or datetime.now(UTC)
        # One delivery per channel at a time, across threads and processes: two would send the same
        # rows.
        with source_locks(store.path, [f"channel-{name}"]) as (_mine, busy):
            if busy and not dry_run:
                LOGGER.info("channel %s: a delivery is already running; skipped", name)
                reports.append(ChannelReport(name, error="skipped: a delivery is already running"))
                continue
            if not dry_run:
                with store.write():
                    store.outbox.close_cut_off(name)
            rows = store.outbox.due_outbox(name, now.isoformat(), modes)
            report = ChannelReport(name, items=len(rows))
            reports.append(report)
            if not rows:
                continue
            digest = build_digest(
                store, channel, rows, names, store.outbox.last_delivery(name), now, config.rules
            )
            if dry_run:
                _print_dry_run(channel, digest, echo or print, config.web.story_url)
                continue
            _send_channel(
                store, channel, digest, rows, settings, secrets, report, now, config.web.story_url
            )
    return reports


def _print_dry_run(
    channel: Channel,
    digest: Digest,
    echo: Callable[[str], None],
    story_url: Callable[[int], str | None],
) -> None:
    if channel.type == "email":
        msg = render_email(digest, channel.sender, list(channel.to), story_url=story_url)
        echo(f"--- {channel.name} (email to {', '.join(channel.to)}): {msg['Subject']}")
        body = msg.get_body(("plain",))
        echo(body.get_content() if body is not None else "")
    else:
        for payload in render_slack(digest, story_url=story_url):
            echo(f"--- {channel.name} (Slack)")
            echo(json.dumps(payload, ensure_ascii=False, indent=1))


def _send_channel(
    store: Store,
    channel: Channel,
    digest: Digest,
    rows: list[dict[str, Any]],
    settings: DeliverySettings,
    secrets: list[str],
    report: ChannelReport,
    now: datetime,
    story_url: Callable[[int], str | None],
) -> None:
    ids_by_story: dict[int, list[int]] = {}
    for row in rows:
        ids_by_story.setdefault(row["story_id"], []).append(row["id"])
    with store.write():
        delivery_id = store.outbox.start_delivery(channel.name, len(rows))
    batches: list[tuple[Any, list[int]]]
    if channel.type == "email":
        msg = render_email(
            digest,
            channel.sender,
            list(channel.to),
            max_entries=settings.max_entries_email,
            story_url=story_url,
        )
        batches = [(msg, [r["id"] for r in rows])]
    else:
        payloads = render_slack(digest, max_entries=settings.max_entries_slack, story_url=story_url)
        batches = _slack_batches(payloads, ids_by_story, rows)
    error = None
    for position, (message, ids) in enumerate(batches):
        try:
            if channel.type == "email":
                note = send_email(channel, message, settings.timeout_s)
                if note:
                    LOGGER.warning("channel %s: %s", channel.name, redact(note, secrets))
            else:
                send_slack(channel, message, settings)
        except Exception as exc:
            failure = (
                exc
                if isinstance(exc, DeliveryError)
                else DeliveryError(f"{type(exc).__name__}: {exc}", permanent=False)
            )
            error = redact(failure.reason, secrets)
            _record_failure(store, failure, error, batches[position:], rows, settings, now, report)
            break
        with store.write():
            store.outbox.mark_sent(ids, delivery_id)
        report.sent += len(ids)
        report.messages += 1
    status = "sent" if error is None else ("partial" if report.messages else "failed")
    with store.write():
        store.outbox.finish_delivery(delivery_id, status, report.messages, error)
    report.error = error
    if error is None:
        LOGGER.info(
            "channel %s: delivered %s in %s",
            channel.name,
            counted(report.sent, "alert"),
            counted(report.messages, "message"),
        )


def _record_failure(
    store: Store,
    failure: DeliveryError,
    error: str,
    unsent: list[tuple[Any, list[int]]],
    rows: list[dict[str, Any]],
    settings: DeliverySettings,
    now: datetime,
    report: ChannelReport,
) -> None:
    """The rows of the messages not sent: failed for good, or due again after a backoff."""
    remaining = [i for _, batch in unsent for i in batch]
    with store.write():
        if failure.permanent:
            store.outbox.mark_failed(remaining, error)
            report.failed += len(remaining)
        else:
            attempts = max(r["attempts"] for r in rows) + 1
            wait = failure.retry_after or min(
                settings.retry_base_s * 2 ** (attempts - 1), settings.retry_max_s
            )
            store.outbox.mark_retry(remaining, error, (now + timedelta(seconds=wait)).isoformat())
            report.retry += len(remaining)
    LOGGER.warning(
        "channel %s: delivery %s: %s",
        report.channel,
        "failed for good" if failure.permanent else "will be retried",
        error,
    )


def _slack_batches(
    payloads: list[dict[str, Any]], ids_by_story: dict[int, list[int]], rows: list[dict[str, Any]]
) -> list[tuple[Any, list[int]]]:
    """Which outbox rows each Slack message carries: the stories it holds. Rows of stories left out
    of a bounded digest go with the last message (they are counted in its 'and N more')."""
    batches: list[tuple[Any, list[int]]] = []
    placed: set[int] = set()
    for payload in payloads:
        ids = []
        for story_id in story_ids(payload):
            if story_id in ids_by_story and story_id not in placed:
                ids += ids_by_story[story_id]
                placed.add(story_id)
        batches.append((payload, ids))
    rest = [i for s, ids in ids_by_story.items() if s not in placed for i in ids]
    if batches:
        batches[-1][1].extend(rest)
    return batches
