"""The process pool that the CPU-heavy stages share (extraction; signatures and actor mentions), so
the reactor keeps downloading while pages are parsed, and eight sources in one process do not start
16 workers.

Each task has a time limit: a page that takes longer is abandoned and its worker killed and replaced
(pebble's pool does both), so one hostile page cannot hold a worker while the crawl queues behind
it. Workers never outlive the crawl that started them: each is a child of the crawl process itself
(spawned, not forked from a forkserver, which would outlive the crawl while any worker holds its
pipe), and asks the kernel to kill it when that parent dies (PR_SET_PDEATHSIG on Linux)."""

from __future__ import annotations

import asyncio
import contextlib
import cProfile
import ctypes
import multiprocessing
import multiprocessing.util
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, InvalidStateError
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

T = TypeVar("T")

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

# A folder: each worker profiles itself and writes worker-<pid>.prof there when it stops.
# The crawling process is profiled from outside (`python -m cProfile`); the workers cannot be.
PROFILE_ENV = "WIREWATCH_PROFILE_DIR"


class WorkerTimeoutError(Exception):
    """The task ran past its time limit; its worker was killed."""


class WorkerLostError(Exception):
    """The worker died under the task (out of memory on a hostile page, say), or the pool was
    stopped (`stopped`: the crawl is ending)."""

    def __init__(self, message: str, stopped: bool = False):
        super().__init__(message)
        self.stopped = stopped


def die_with_parent() -> None:
    """Worker initializer: have the kernel kill this worker when its parent exits, so a crawl
    killed with SIGKILL leaves no worker behind (a worker may be deep in C code for minutes)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before the line above
        os._exit(0)


def start_worker() -> None:
    """Worker initializer: die with the parent, and profile this worker when PROFILE_ENV asks."""
    die_with_parent()
    folder = os.environ.get(PROFILE_ENV)
    if folder:
        profile = cProfile.Profile()
        path = os.path.join(folder, f"worker-{os.getpid()}.prof")

        def dump() -> None:
            # A worker whose pipe closes exits on its own, and the SIGTERM that follows must not
            # cut the file short.
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
            profile.disable()
            profile.dump_stats(path)

        # Run at exit, whether the worker ends on its own or by pebble's SIGTERM (whose handler
        # runs multiprocessing's exit finalizers).
        multiprocessing.util.Finalize(None, dump, exitpriority=10)
        profile.enable()


class _QuietSpawnProcess(multiprocessing.context.SpawnProcess):
    """A worker started with SIGINT blocked, as multiprocessing starts its resource tracker: a
    Ctrl-C sent to the terminal's process group while the worker is still starting (before pebble
    makes it ignore SIGINT) must not print a KeyboardInterrupt traceback from the worker. The mask
    is inherited across exec; blocking it in the starting thread leaves the parent's handlers
    alone."""

    def start(self) -> None:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            super().start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


class _QuietSpawnContext(multiprocessing.context.SpawnContext):
    Process = _QuietSpawnProcess


class WorkerPool:
    """Started by its first user, shut down when its last user releases it."""

    def __init__(self) -> None:
        self.pool: ProcessPool | None = None
        self.users = 0
        self.timeout: float | None = None
        self.pending: set[Future[Any]] = set()

    def acquire(self, workers: int, timeout: float | None = None) -> None:
        """timeout: seconds a task may run (None or 0: no limit)."""
        if self.pool is None:
            # spawn: never fork the reactor's threads into a worker.
            self.pool = ProcessPool(
                max_workers=workers, context=_QuietSpawnContext(), initializer=start_worker
            )
        self.timeout = timeout or None
        self.users += 1

    def release(self) -> None:
        self.users -= 1
        if self.users <= 0:
            self.stop()

    def stop(self) -> None:
        """Kill the workers now; tasks still running end with WorkerLostError."""
        pool, self.pool, self.users = self.pool, None, 0
        if pool is not None:
            pool.stop()
            pool.join()
        for future in list(self.pending):  # pebble leaves them unresolved
            with contextlib.suppress(InvalidStateError):
                future.set_exception(WorkerLostError("the worker pool was stopped", stopped=True))

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """fn(*args) in a worker; fn's own exceptions come back as they were raised."""
        pool = self.pool
        if pool is None:
            raise WorkerLostError("the worker pool was stopped", stopped=True)
        try:
            future = pool.schedule(fn, args=args, timeout=self.timeout)
        except Exception:  # stopped meanwhile (a second Ctrl-C)
            raise WorkerLostError("the worker pool was stopped", stopped=True) from None
        self.pending.add(future)
        try:
            return await asyncio.wrap_future(future)
        except TimeoutError:
            raise WorkerTimeoutError(f"took over {self.timeout:g}s") from None
        except (ProcessExpired, BrokenProcessPool, CancelledError) as exc:
            stopped = self.pool is not pool
            raise WorkerLostError(str(exc) or type(exc).__name__, stopped=stopped) from None
        except Exception:
            if self.pool is not pool:  # pebble's own failure while stopping, not fn's
                raise WorkerLostError("the worker pool was stopped", stopped=True) from None
            raise
        finally:
            self.pending.discard(future)


POOL = WorkerPool()
