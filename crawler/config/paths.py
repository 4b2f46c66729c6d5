"""Where each file wirewatch reads is found: the option, the environment, the current folder, then
what ships with wirewatch (package data)."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crawler.config.model import Config

CONFIG_ENV = "WIREWATCH_CONFIG"
DB_ENV = "WIREWATCH_DB"
SCHEDULES_ENV = "WIREWATCH_SCHEDULES"
DEFAULT_DB = Path("data") / "wirewatch.db"


def bundled(name: str) -> Path:
    """A file or folder of the config package's data (the default config and schedule)."""
    return Path(str(resources.files("crawler.config").joinpath(name)))


def bundled_config_path() -> Path:
    return bundled("default.toml")


def first_path(explicit: str | Path | None, env_name: str, local: Path, fallback: Path) -> Path:
    """The order every file wirewatch reads is found in: the option, the environment, the current
    folder, what ships with wirewatch."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(env_name)
    if env:
        return Path(env)
    return local if local.exists() else fallback


def resolve_config_path(explicit: str | Path | None = None) -> Path:
    """--config, else $WIREWATCH_CONFIG, else ./wirewatch.toml, else the bundled default."""
    return first_path(explicit, CONFIG_ENV, Path("wirewatch.toml"), bundled_config_path())


def resolve_schedules_dir(explicit: str | Path | None = None) -> Path:
    """--schedules, else $WIREWATCH_SCHEDULES, else ./schedules, else the bundled folder."""
    return first_path(explicit, SCHEDULES_ENV, Path("schedules"), bundled("default_schedules"))


def resolve_db_path(explicit: str | Path | None, config: Config | None) -> Path:
    """--db, else $WIREWATCH_DB, else [storage] path, else data/wirewatch.db under the current
    directory."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    if config is not None and config.storage_path is not None:
        return config.storage_path
    return Path.cwd() / DEFAULT_DB
