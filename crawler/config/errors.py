"""Configuration mistakes, each told in one line that names the file, the entry and the field."""

from __future__ import annotations

from pathlib import Path


class EntryError(Exception):
    """A mistake in one entry of a file; the reader of the file adds its path (see ConfigError)."""

    def __init__(self, entry: str, field_name: str | None, message: str):
        super().__init__(message)
        self.entry, self.field, self.message = entry, field_name, message


class ConfigError(Exception):
    """A configuration problem the user can fix; str() is one line naming file, entry and field."""

    def __init__(self, path: str | Path, entry: str, field_name: str | None, message: str):
        self.path, self.entry, self.field, self.message = str(path), entry, field_name, message
        where = f"{entry}, field '{field_name}'" if field_name else entry
        super().__init__(f"{self.path}: {where}: {message}")

    @classmethod
    def at(cls, path: str | Path, exc: EntryError) -> ConfigError:
        return cls(path, exc.entry, exc.field, exc.message)
