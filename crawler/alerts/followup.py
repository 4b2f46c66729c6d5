"""What follows a crawl: rules over the stories it touched, then the immediate-mode deliveries."""

from __future__ import annotations

import logging
from typing import Any

from crawler.config import Config, ConfigError, load_config
from crawler.alerts.delivery import ChannelReport, DeliverySettings, deliver, install_redaction
from crawler.alerts.rules import evaluate_pending

LOGGER = logging.getLogger(__name__)


def actor_names(config: Config) -> dict[str, str]:
    """Display names of actors for digest badges."""
    from crawler.stories.grouping import matcher_for

    gaz = matcher_for(config.crawl_settings.get("WIREWATCH_GAZETTEER")).gazetteer
    return {a.id: a.name for a in gaz.actors.values()}


def delivery_settings(config: Config) -> DeliverySettings:
    return DeliverySettings(**config.delivery)  # type: ignore[arg-type]


def after_crawl(store: Any, config_path: str | None) -> list[ChannelReport]:
    """Evaluate queued stories against the rules and send immediate alerts. A config that cannot be read
    leaves the queue for the next run."""
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        LOGGER.error("rules not checked: %s", exc)
        return []
    install_redaction(config.secrets())
    evaluate_pending(store, config.rules)
    if not any(r.mode == "immediate" for r in config.rules):
        return []
    return deliver(store, config, actor_names(config), modes=("immediate",), settings=delivery_settings(config))
