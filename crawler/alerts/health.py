"""Source health: a source that fails several runs in a row, or brings nothing new for much longer than its
usual rhythm (learned from its history), raises a health alert on the health channel, and another on recovery."""

from __future__ import annotations

import logging
import statistics
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

from crawler.config import Config

LOGGER = logging.getLogger(__name__)
OK, FAILING, SILENT = "ok", "failing", "silent"
MIN_HISTORY = 5  # new-article runs needed before silence is judged


def assess(store: Any, source: str, failures: int, factor: float, min_silence_s: float,
           now: datetime) -> tuple[str, str]:
    """(state, detail) of one source from its crawl history."""
    runs = store.recent_runs(source, max(failures, 1))
    # A run failed when it went wrong and nothing in it worked: no article new, updated, known or duplicate.
    # Runs stopped by the user or cut off by a crash say nothing about the source.
    failed = [r for r in runs if r["status"] == "failed" or (
        r["errors"] > 0 and not (r["new_articles"] or r["updated_articles"] or r["unchanged"] or r["duplicates"]))]
    if runs and len(runs) >= failures and len(failed) == len(runs):
        return FAILING, f"{len(failed)} failed runs in a row"
    productive = store.productive_run_times(source, 30)
    if len(productive) >= MIN_HISTORY:
        times = sorted(datetime.fromisoformat(t) for t in productive)
        gaps = [(b - a).total_seconds() for a, b in zip(times, times[1:], strict=False)]
        usual = statistics.median(gaps)
        quiet = (now - times[-1]).total_seconds()
        limit = max(factor * usual, min_silence_s)
        if quiet > limit:
            return SILENT, f"no new article for {quiet / 3600:.1f} h (usually every {usual / 3600:.1f} h)"
    return OK, "ok"


def check_health(store: Any, config: Config, sources: list[str], now: datetime | None = None) -> None:
    """Update each source's state; report every change to the health channel (or the log)."""
    settings = config.health
    now = now or datetime.now(timezone.utc)
    for source in sources:
        state, detail = assess(store, source, int(settings.get("failures", 3)),
                               float(settings.get("silence_factor", 4.0)),
                               float(settings.get("min_silence_s", 6 * 3600)), now)
        previous = store.source_health(source)
        with store.write():
            store.set_source_health(source, state, detail, previous)
        notified = previous["notified"] if previous else OK
        if state == notified:
            continue
        text = (f"wirewatch: source {source} has recovered" if state == OK
                else f"wirewatch: source {source} is {state}: {detail}")
        LOGGER.warning("%s", text)
        if _notify(config, settings.get("channel"), text, now):
            with store.write():
                store.set_health_notified(source, state)


def _notify(config: Config, channel_name: Any, text: str, now: datetime) -> bool:
    """Send a one-line health message; True when the channel accepted it (or there is no channel)."""
    from crawler.alerts.followup import delivery_settings
    from crawler.alerts.delivery import DeliveryError, send_email, send_slack

    if not channel_name:
        return True
    channel = config.channels[channel_name]
    try:
        if channel.type == "slack":
            send_slack(channel, {"text": text}, delivery_settings(config))
        else:
            msg = EmailMessage()
            msg["Subject"] = text
            msg["From"] = channel.sender
            msg["To"] = ", ".join(channel.to)
            msg["Date"] = format_datetime(now)
            msg["Message-ID"] = make_msgid(domain=channel.sender.rsplit("@", 1)[-1])
            msg.set_content(text + "\n")
            send_email(channel, msg, delivery_settings(config).timeout_s)
    except DeliveryError as exc:
        LOGGER.warning("health message to %s not delivered, will retry: %s", channel_name, exc.reason)
        return False
    return True

