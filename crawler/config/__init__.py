"""wirewatch.toml and the schedule files -> frozen, typed sections; the only readers of those
files."""

from crawler.config.errors import ConfigError
from crawler.config.loader import (
    CRAWL_KEYS,
    DELIVERY_KEYS,
    STORIES_KEYS,
    db_path_for_run,
    load_config,
    parse_config,
)
from crawler.config.model import (
    Channel,
    Config,
    DeliverySettings,
    HealthSettings,
    Job,
    Rule,
    Source,
    StoriesSettings,
)
from crawler.config.paths import (
    CONFIG_ENV,
    DB_ENV,
    bundled_config_path,
    resolve_config_path,
    resolve_db_path,
    resolve_schedules_dir,
)
from crawler.config.schedules import load_schedules
from crawler.config.sources import SOURCE_KEYS

__all__ = [
    "CONFIG_ENV",
    "CRAWL_KEYS",
    "DB_ENV",
    "DELIVERY_KEYS",
    "SOURCE_KEYS",
    "STORIES_KEYS",
    "Channel",
    "Config",
    "ConfigError",
    "DeliverySettings",
    "HealthSettings",
    "Job",
    "Rule",
    "Source",
    "StoriesSettings",
    "bundled_config_path",
    "db_path_for_run",
    "load_config",
    "load_schedules",
    "parse_config",
    "resolve_config_path",
    "resolve_db_path",
    "resolve_schedules_dir",
]
