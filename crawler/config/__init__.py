"""wirewatch.toml and the schedule files -> frozen, typed sections; the only readers of those files."""

from crawler.config.loader import (
    CONFIG_ENV,
    CRAWL_KEYS,
    DB_ENV,
    DELIVERY_KEYS,
    SOURCE_KEYS,
    STORIES_KEYS,
    Config,
    ConfigError,
    Source,
    bundled_config_path,
    first_path,
    load_config,
    parse_config,
    resolve_config_path,
    resolve_db_path,
)

__all__ = [
    "CONFIG_ENV", "CRAWL_KEYS", "DB_ENV", "DELIVERY_KEYS", "SOURCE_KEYS", "STORIES_KEYS", "Config", "ConfigError",
    "Source", "bundled_config_path", "first_path", "load_config", "parse_config", "resolve_config_path",
    "resolve_db_path",
]
