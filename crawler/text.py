"""What wirewatch prints for a reader: counted nouns, times in the reader's own zone, and tables
with a header row.

Stored times stay UTC ISO 8601; they are turned into the reader's zone only here, at the last
moment, so that every command shows the same instant the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

NONE = "-"
GAP = "  "


def plural_of(noun: str) -> str:
    """The regular English plural: story -> stories, match -> matches, article -> articles."""
    if noun.endswith("y") and noun[-2:-1] not in ("", *"aeiou"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """'1 story', '0 stories', '2 stories': the noun agrees with the count (give `plural` for an
    irregular noun). The one helper for counts in the commands, digests, notices and logs."""
    return f"{n} {noun if n == 1 else plural or plural_of(noun)}"


def local_time(stored: str | None) -> str:
    """A stored UTC time in the reader's zone (the `TZ` environment variable, else the system's),
    to the minute and with its offset: 2026-02-09T15:00+07:00. A stored time without an offset is
    UTC, as every timestamp column is; one that is not a time is shown as it is."""
    if not stored:
        return NONE
    try:
        when = datetime.fromisoformat(stored)
    except ValueError:
        return stored
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().isoformat(timespec="minutes")


class LogFormatter(logging.Formatter):
    """One log line: the time in the reader's zone with its offset written out, like the rest of
    the output, then level, logger and message."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        stamp = datetime.fromtimestamp(record.created, UTC).astimezone()
        return stamp.isoformat(timespec="milliseconds")


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    """Header row first, then one line per row, columns aligned to their widest value and kept
    apart by two spaces whatever their length. Counts are right-aligned; a missing or empty value
    is '-' and line breaks within a value become spaces, so a record stays one line whose columns
    a script can split; the last column is not padded (free text such as a title goes there)."""
    values = [list(row) for row in rows]
    columns = list(zip(*values, strict=True)) or [()] * len(header)
    right = [
        any(isinstance(v, int) for v in c) and all(isinstance(v, int) or v is None for v in c)
        for c in columns
    ]
    cells = [list(header), *([_cell(v) for v in row] for row in values)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        leading = zip(row[:-1], widths[:-1], right[:-1], strict=True)
        padded = (v.rjust(w) if r else v.ljust(w) for v, w, r in leading)
        lines.append(GAP.join([*padded, row[-1]]).rstrip())
    return lines


def _cell(value: object) -> str:
    return NONE if value is None else " ".join(str(value).split()) or NONE
