"""The outbox -> email and Slack, exactly once as far as the servers let us know.

An outbox row is marked sent only after the server accepted the message that carried it (SMTP 250, Slack 200
`ok`). Passing failures (SMTP 4xx, refused connections, timeouts, Slack 5xx and 429) are retried on later runs
with backoff; permanent ones (SMTP 5xx, Slack 4xx such as `invalid_payload`) are recorded with the reason. A crash
between a server's acceptance and the commit that records it resends that one message on the next run: at most
one duplicate digest.
"""

from __future__ import annotations

import json
import logging
import smtplib
import ssl
import time
import urllib.error
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from typing import Any, Callable

from crawler.config.alerts import Channel
from crawler.config import Config
from crawler.alerts.digest import Carrier, Digest, DigestEntry, DigestSection
from crawler.alerts.render_email import render_email
from crawler.alerts.render_slack import render_slack, story_ids
from crawler.store.locks import source_locks

LOGGER = logging.getLogger(__name__)
SLACK_INTERVAL_S = 1.0  # Slack accepts about one message per second per webhook


@dataclass(frozen=True)
class DeliverySettings:
    retry_base_s: float = 60.0
    retry_max_s: float = 3600.0
    retry_after_max_s: float = 30.0  # longest Slack Retry-After waited for within a run
    timeout_s: float = 30.0
    max_entries_email: int = 100
    max_entries_slack: int = 200


class DeliveryError(Exception):
    def __init__(self, reason: str, permanent: bool, retry_after: float | None = None):
        super().__init__(reason)
        self.reason, self.permanent, self.retry_after = reason, permanent, retry_after


@dataclass
class ChannelReport:
    channel: str
    items: int = 0
    sent: int = 0
    messages: int = 0
    retry: int = 0
    failed: int = 0
    error: str | None = None


def redact(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


class RedactSecrets(logging.Filter):
    """Keeps passwords and webhook URLs out of every log line, whoever writes it."""

    def __init__(self, secrets: list[str]):
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            record.msg = redact(record.getMessage(), self.secrets)
            record.args = ()
        return True


def install_redaction(secrets: list[str]) -> None:
    flt = RedactSecrets(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(flt)


# -- building digests ---------------------------------------------------------------------------------------

def _dt(iso: str | None) -> datetime | None:
    return datetime.fromisoformat(iso) if iso else None


def build_digest(store: Any, channel: Channel, rows: list[dict[str, Any]], names: dict[str, str],
                 period_start: datetime | None, now: datetime) -> Digest:
    """One digest of the due outbox rows: grouped by rule, one entry per story, updates apart."""
    sections: dict[str, dict[tuple[int, bool], DigestEntry]] = {}
    cache: dict[int, dict[str, Any]] = {}
    for row in rows:
        story = cache.get(row["story_id"]) or cache.setdefault(row["story_id"],
                                                                store.story_for_digest(row["story_id"]))
        updated = row["kind"] == "update"
        note = None
        if updated:
            art = next((a for a in story["articles"] if a["id"] == row["article_id"]), None)
            note = f"new from {art['agency'] or art['source']}: {art['title']}" if art else "story changed"
        key = (row["story_id"], updated)
        section = sections.setdefault(row["rule"], {})
        if key in section:
            prev = section[key]
            if note and prev.update_note and note not in prev.update_note:
                section[key] = DigestEntry(**{**prev.__dict__, "update_note": prev.update_note + "; " + note})
            continue
        first = story["articles"][0] if story["articles"] else None
        section[key] = DigestEntry(
            story_id=story["id"], title=story["title"] or "(untitled)",
            published_at=_dt(first["published_at"] or first["fetched_at"]) if first else None,
            relevance=story["relevance"],
            carriers=tuple(Carrier(agency=a["agency"] or a["source"], source=a["source"], url=a["url"],
                                   title=a["title"] or "", published_at=_dt(a["published_at"]))
                           for a in story["articles"]),
            snippet=row["snippet"] or "", terms=tuple(json.loads(row["terms"])),
            actors=tuple(names.get(a, a) for a in story["actors"][:8]),
            updated=updated, update_note=note)
    return Digest(channel=channel.name, timezone=channel.timezone, period_start=period_start, period_end=now,
                  sections=tuple(DigestSection(rule=rule, entries=tuple(entries.values()))
                                 for rule, entries in sections.items()))


# -- sending ------------------------------------------------------------------------------------------------

def send_email(channel: Channel, msg: EmailMessage, timeout: float) -> str | None:
    """Send one message; returns a note on recipients refused while others accepted. Raises DeliveryError."""
    try:
        with smtplib.SMTP(channel.smtp_host, channel.smtp_port, timeout=timeout) as smtp:
            smtp.ehlo()
            if channel.starttls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if channel.username:
                smtp.login(channel.username, channel.password or "")
            refused = smtp.send_message(msg)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        detail = "; ".join(f"{rcpt}: {code} {resp.decode('utf-8', 'replace')}"
                           for rcpt, (code, resp) in exc.recipients.items())
        raise DeliveryError(f"all recipients refused: {detail}", permanent=all(c >= 500 for c in codes)) from None
    except smtplib.SMTPResponseException as exc:
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        raise DeliveryError(f"SMTP {exc.smtp_code} {text}".strip(), permanent=exc.smtp_code >= 500) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"SMTP server {channel.smtp_host}:{channel.smtp_port} unreachable: "
                            f"{type(exc).__name__}: {exc}", permanent=False) from None
    if refused:
        return "refused: " + "; ".join(f"{rcpt}: {code}" for rcpt, (code, _) in refused.items())
    return None


_last_slack_send: dict[str, float] = {}


def send_slack(channel: Channel, payload: dict[str, Any], settings: DeliverySettings,
               sleep: Callable[[float], None] = time.sleep) -> None:
    """Post one message to an incoming webhook, at most one per second, waiting out a short Retry-After."""
    from slack_sdk.webhook import WebhookClient

    url = channel.webhook_url or ""
    client = WebhookClient(url, timeout=int(settings.timeout_s))
    for _ in range(3):
        wait = _last_slack_send.get(url, 0.0) + SLACK_INTERVAL_S - time.monotonic()
        if wait > 0:
            sleep(wait)
        try:
            resp = client.send_dict(payload)
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise DeliveryError(f"Slack webhook unreachable: {reason}", permanent=False) from None
        finally:
            _last_slack_send[url] = time.monotonic()
        body = (resp.body or "").strip()
        if resp.status_code == 200 and body == "ok":
            return
        if resp.status_code == 429:
            after = _retry_after(resp.headers)
            if after <= settings.retry_after_max_s:
                sleep(after)
                continue
            raise DeliveryError(f"Slack 429 rate limited (Retry-After {after:.0f}s)", permanent=False,
                                retry_after=after)
        permanent = 400 <= resp.status_code < 500
        raise DeliveryError(f"Slack {resp.status_code} {body[:200]}".strip(), permanent=permanent)
    raise DeliveryError("Slack 429 rate limited three times in a row", permanent=False)


def _retry_after(headers: dict[str, Any]) -> float:
    for key, value in (headers or {}).items():
        if key.lower() == "retry-after":
            value = value[0] if isinstance(value, list) else value
            try:
                return max(0.0, float(value))
            except (TypeError, ValueError):
                return 60.0
    return 1.0


# -- the run ------------------------------------------------------------------------------------------------

def deliver(store: Any, config: Config, names: dict[str, str], channels: list[str] | None = None,
            modes: tuple[str, ...] = ("immediate", "digest"), dry_run: bool = False,
            settings: DeliverySettings | None = None, echo: Callable[[str], None] | None = None,
            now: datetime | None = None) -> list[ChannelReport]:
    """Send (or, with dry_run, print) what is due on each channel."""
    settings = settings or DeliverySettings()
    secrets = config.secrets()
    reports = []
    for name in channels or sorted(config.channels):
        channel = config.channels[name]
        now = now or datetime.now(timezone.utc)
        # One delivery per channel at a time, across threads and processes: two would send the same rows.
        with source_locks(store.path, [f"channel-{name}"]) as (mine, busy):
            if busy and not dry_run:
                LOGGER.info("channel %s: a delivery is already running; skipped", name)
                reports.append(ChannelReport(name, error="skipped: a delivery is already running"))
                continue
            rows = store.due_outbox(name, now.isoformat(), modes)
            report = ChannelReport(name, items=len(rows))
            reports.append(report)
            if not rows:
                continue
            digest = build_digest(store, channel, rows, names, store.last_delivery(name), now)
            if dry_run:
                _print_dry_run(channel, digest, echo or print)
                continue
            _send_channel(store, channel, digest, rows, settings, secrets, report, now)
    return reports


def _print_dry_run(channel: Channel, digest: Digest, echo: Callable[[str], None]) -> None:
    if channel.type == "email":
        msg = render_email(digest, channel.sender, list(channel.to))
        echo(f"--- {channel.name} (email to {', '.join(channel.to)}): {msg['Subject']}")
        body = msg.get_body(("plain",))
        echo(body.get_content() if body is not None else "")
    else:
        for payload in render_slack(digest):
            echo(f"--- {channel.name} (Slack)")
            echo(json.dumps(payload, ensure_ascii=False, indent=1))


def _send_channel(store: Any, channel: Channel, digest: Digest, rows: list[dict[str, Any]],
                  settings: DeliverySettings, secrets: list[str], report: ChannelReport, now: datetime) -> None:
    ids_by_story: dict[int, list[int]] = {}
    for row in rows:
        ids_by_story.setdefault(row["story_id"], []).append(row["id"])
    with store.write():
        delivery_id = store.start_delivery(channel.name, len(rows))
    batches: list[tuple[Any, list[int]]]
    if channel.type == "email":
        msg = render_email(digest, channel.sender, list(channel.to), max_entries=settings.max_entries_email)
        batches = [(msg, [r["id"] for r in rows])]
    else:
        payloads = render_slack(digest, max_entries=settings.max_entries_slack)
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
        except DeliveryError as exc:
            error = redact(exc.reason, secrets)
            remaining = [i for _, batch in batches[position:] for i in batch]
            with store.write():
                if exc.permanent:
                    store.mark_failed(remaining, error)
                    report.failed += len(remaining)
                else:
                    attempts = max(r["attempts"] for r in rows) + 1
                    wait = exc.retry_after or min(settings.retry_base_s * 2 ** (attempts - 1), settings.retry_max_s)
                    store.mark_retry(remaining, error, (now + timedelta(seconds=wait)).isoformat())
                    report.retry += len(remaining)
            LOGGER.warning("channel %s: delivery %s: %s", channel.name,
                           "failed for good" if exc.permanent else "will be retried", error)
            break
        with store.write():
            store.mark_sent(ids, delivery_id)
        report.sent += len(ids)
        report.messages += 1
    status = "sent" if error is None else ("partial" if report.messages else "failed")
    with store.write():
        store.finish_delivery(delivery_id, status, report.messages, error)
    report.error = error
    if error is None:
        LOGGER.info("channel %s: delivered %d alerts in %d messages", channel.name, report.sent, report.messages)


def _slack_batches(payloads: list[dict[str, Any]], ids_by_story: dict[int, list[int]],
                   rows: list[dict[str, Any]]) -> list[tuple[Any, list[int]]]:
    """Which outbox rows each Slack message carries: the stories it holds. Rows of stories left out of a
    bounded digest go with the last message (they are counted in its 'and N more')."""
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
