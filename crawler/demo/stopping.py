"""SIGINT and SIGTERM for the demo: the first stops it, wherever it is; a second forces the crawl
still finishing to end."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
from collections.abc import Iterator
from types import FrameType, TracebackType
from typing import Any

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stopped(BaseException):
    """A stop signal arrived. A BaseException, like KeyboardInterrupt, so that no `except
    Exception` on the way up takes it for a failure."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_status(self) -> int:
        """130 after Ctrl-C, as a shell reports a command it interrupted (128 + SIGINT); 0 after
        SIGTERM, a service manager's normal stop, which it would otherwise log as a failure."""
        return 128 + signal.SIGINT if self.signum == signal.SIGINT else 0


def kill_group(child: subprocess.Popen[Any]) -> None:
    """SIGKILL to a child started in a session of its own, and to all it started (a crawl's
    extraction workers would otherwise outlive it, holding its output open)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGKILL)


class StopSignals:
    """While entered, the first SIGINT or SIGTERM raises Stopped in the main thread. Later ones
    kill `child` and all it started (a crawl asked to stop, still finishing), and are otherwise
    ignored, so that the shutdown they interrupt still completes."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self.child: subprocess.Popen[Any] | None = None
        self._held = False
        self._pending: int | None = None
        self._old: dict[int, Any] = {}

    def __enter__(self) -> StopSignals:
        self._old = {s: signal.getsignal(s) for s in STOP_SIGNALS}
        for signum in STOP_SIGNALS:
            signal.signal(signum, self._handle)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for signum, handler in self._old.items():
            signal.signal(signum, handler)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.signum is None:
            self.signum = signum
            if self._held:
                self._pending = signum
            else:
                raise Stopped(signum)
        elif self.child is not None:
            kill_group(self.child)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """A stop signal that arrives inside the block is raised at its end, so that the block
        completes (a child started is a child known)."""
        self._held = True
        try:
            yield
        finally:
            self._held = False
        if self._pending is not None:
            signum, self._pending = self._pending, None
            raise Stopped(signum)

    @staticmethod
    def wait() -> None:
        """Block until a stop signal, which ends the wait by raising Stopped."""
        threading.Event().wait()
