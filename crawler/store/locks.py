"""Per-source (and per-channel) locks that the operating system releases when the holder dies
(flock), so a killed daemon never blocks its successor, a crawl of one source never runs twice at
once, from the daemon or by hand, and two deliveries to one channel never send the same alerts."""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HELD_ENV = (
    "WIREWATCH_HELD_LOCKS"  # sources whose locks the parent (the daemon) holds for this process
)
# Per thread, (lock folder, source) -> descriptor of the locks this thread holds: a lock taken again
# by the same thread (the CLI holds it, then the spider asks) is already ours, where flock would
# refuse a second open of the same file; another thread (another daemon job) must not share it.
_THREAD = threading.local()


def _held_here() -> dict[tuple[str, str], int]:
    if not hasattr(_THREAD, "held"):
        _THREAD.held = {}
    return _THREAD.held  # type: ignore[no-any-return]


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
    mine = _held_here()
    inherited |= {s for d, s in mine if d == str(folder)}
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
            mine[str(folder), source] = fd
        yield [s for s, _ in held], busy
    finally:
        for source, fd in held:
            if fd >= 0:
                mine.pop((str(folder), source), None)
                # Closed, not unlocked: a child that was handed this descriptor and is still
                # alive keeps the lock until it ends.
                os.close(fd)


def held_fds(db_path: Path, sources: list[str]) -> list[int]:
    """The descriptors of the locks this thread holds on these sources, to hand to a child: the
    lock then lasts as long as the child does, even past this process's death."""
    folder = str(lock_dir(db_path))
    mine = _held_here()
    return [fd for s in sources if (fd := mine.get((folder, s), -1)) >= 0]
