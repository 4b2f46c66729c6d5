"""Source health: a source that fails several runs in a row, or brings nothing new for much longer
than its usual rhythm (learned from its history), raises a health alert on the health channel, and
another on recovery."""

from __future__ import annotations

import logging
import statistics
from datetime import UTC, datetime
from itertools import pairwise

from crawler.alerts.errors import DeliveryError
from crawler.alerts.redaction import redact
from crawler.alerts.render_email import render_notice as render_email_notice
from crawler.alerts.render_slack import render_notice as render_slack_notice
from crawler.alerts.slack import send_slack
from crawler.alerts.smtp import send_email
from crawler.config import Config
from crawler.store import Store
from crawler.text import counted

LOGGER = logging.getLogger(__name__)
OK, FAILING, SILENT = "ok", "failing", "silent"
MIN_HISTORY = 5  # new-article runs needed before silence is judged


def assess(
    store: Store, source: str, failures: int, factor: float, min_silence_s: float, now: datetime
) -> tuple[str, str]:
    """(state, detail) of one source from its crawl history."""
    runs = store.crawl.recent_runs(source, max(failures, 1))
    # A run failed when it went wrong and nothing in it worked: no article new, updated, known or
    # duplicate. Runs stopped by the user or cut off by a crash say nothing about the source.
    failed = [
        r
        for r in runs
        if r["status"] == "failed"
        or (
            r["errors"] > 0
            and not (
                r["new_articles"] or r["updated_articles"] or r["unchanged"] or r["duplicates"]
            )
        )
    ]
    if runs and len(runs) >= failures and len(failed) == len(runs):
        return FAILING, f"{counted(len(failed), 'failed run')} in a row"
    productive = store.crawl.productive_run_times(source, 30)
    if len(productive) >= MIN_HISTORY:
        times = sorted(datetime.fromisoformat(t) for t in productive)
        gaps = [(b - a).total_seconds() for a, b in pairwise(times)]
        usual = statistics.median(gaps)
        quiet = (now - times[-1]).total_seconds()
        limit = max(factor * usual, min_silence_s)
        if quiet > limit:
            return (
                SILENT,
                f"no new article for {quiet / 3600:.1f} h (usually every {usual / 3600:.1f} h)",
            )
    return OK, "ok"


def check_health(
    store: Store, config: Config, sources: list[str], now: datetime | None = None
) -> None:
    """Update each source's state; report every change to the health channel (or the log)."""
    settings = config.health
    now = now or datetime.now(UTC)
    for source in sources:
        state, detail = assess(
            store, source, settings.failures, settings.silence_factor, settings.min_silence_s, now
        )
        previous = store.jobs.source_health(source)
        with store.write():
            store.jobs.set_source_health(source, state, detail, previous)
        notified = previous["notified"] if previous else OK
        if state == notified:
            continue
        text = (
            f"wirewatch: source {source} has recovered"
            if state == OK
            else f"wirewatch: source {source} is {state}: {detail}"
        )
        LOGGER.warning("%s", text)
        if _notify(config, settings.channel, text, now):
            with store.write():
                store.jobs.set_health_notified(source, state)


def _notify(config: Config, channel_name: str | None, text: str, now: datetime) -> bool:
    """Send a one-line health message; True when the channel accepted it (or there is no
    channel)."""
    if not channel_name:
        return True
    channel = config.channels[channel_name]
    try:
        if channel.type == "slack":
            send_slack(channel, render_slack_notice(text), config.delivery)
        else:
            send_email(
                channel,
                render_email_notice(text, channel.sender, list(channel.to), now=now),
                config.delivery.timeout_s,
            )
    except DeliveryError as exc:
        reason = redact(exc.reason, config.secrets())
        LOGGER.warning("health message to %s not delivered, will retry: %s", channel_name, reason)
        return False
    return True
