"""The process pool that the CPU-heavy stages share (extraction; signatures and actor mentions), so
the reactor keeps downloading while pages are parsed, and eight sources in one process do not start
16 workers."""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class WorkerPool:
    """Started by its first user, shut down when its last user releases it."""

    def __init__(self) -> None:
        self.pool: Executor | None = None
        self.users = 0

    def acquire(self, workers: int) -> None:
        if self.pool is None:
            # forkserver: never fork the reactor's threads into a worker.
            ctx = multiprocessing.get_context("forkserver")
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
        self.users += 1

    def release(self) -> None:
        self.users -= 1
        if self.users <= 0 and self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """fn(*args) in a worker. Raises BrokenProcessPool when a worker died (out of memory,
        say)."""
        return await asyncio.get_running_loop().run_in_executor(self.pool, fn, *args)


POOL = WorkerPool()
