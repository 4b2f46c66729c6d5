"""Per-source (and per-channel) locks that the operating system releases when the holder dies
(flock), so a killed daemon never blocks its successor, a crawl of one source never runs twice at
once, from the daemon or by hand, and two deliveries to one channel never send the same alerts."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HELD_ENV = (
    "WIREWATCH_HELD_LOCKS"  # sources whose locks the parent (the daemon) holds for this process
)
# (lock folder, source) held by this process: a lock taken again here (the CLI holds it, then the
# spider asks) is already ours; flock would refuse a second open of the same file.
_HELD_HERE: set[tuple[str, str]] = set()


def lock_dir(db_path: Path) -> Path:
    return db_path.parent / (db_path.name + ".locks")


@contextmanager
def source_locks(db_path: Path, sources: list[str]) -> Iterator[tuple[list[str], list[str]]]:
    """Take the locks that are free, without waiting: yields (sources locked, sources busy)."""
    folder = lock_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    held: list[tuple[str, int]] = []
    busy: list[str] = []
    inherited = set(filter(None, os.environ.get(HELD_ENV, "").split(",")))
    inherited |= {s for d, s in _HELD_HERE if d == str(folder)}
    try:
        for source in sources:
            if source in inherited:
                held.append((source, -1))
                continue
            fd = os.open(folder / f"{source}.lock", os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                busy.append(source)
                continue
            held.append((source, fd))
            _HELD_HERE.add((str(folder), source))
        yield [s for s, _ in held], busy
    finally:
        for source, fd in held:
            if fd >= 0:
                _HELD_HERE.discard((str(folder), source))
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
