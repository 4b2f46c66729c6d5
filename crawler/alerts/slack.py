"""Slack incoming webhooks: at most one message per second per webhook, a short Retry-After waited
out."""

from __future__ import annotations

import time
import urllib.error
from collections.abc import Callable
from typing import Any

from crawler.alerts.errors import DeliveryError
from crawler.config import Channel, DeliverySettings
from crawler.retry_after import retry_after_seconds

SLACK_INTERVAL_S = 1.0  # Slack accepts about one message per second per webhook

_last_slack_send: dict[str, float] = {}


def send_slack(
    channel: Channel,
    payload: dict[str, Any],
    settings: DeliverySettings,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Post one message to an incoming webhook, at most one per second, waiting out a short
    Retry-After."""
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
            raise DeliveryError(
                f"Slack 429 rate limited (Retry-After {after:.0f}s)",
                permanent=False,
                retry_after=after,
            )
        permanent = 400 <= resp.status_code < 500
        raise DeliveryError(f"Slack {resp.status_code} {body[:200]}".strip(), permanent=permanent)
    raise DeliveryError("Slack 429 rate limited three times in a row", permanent=False)


def _retry_after(headers: dict[str, Any]) -> float:
    """Slack's Retry-After: 1 s when it sends none, 60 s when it sends one that cannot be read."""
    value = next((v for k, v in (headers or {}).items() if k.lower() == "retry-after"), None)
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return 1.0
    after = retry_after_seconds(str(value))
    return 60.0 if after is None else after
