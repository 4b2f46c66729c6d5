"""Ctrl-C and SIGTERM for a crawl run on demand: the first asks Scrapy for its graceful stop (pages
in hand are finished, the rest recorded as not fetched and tried again next run), the second stops
at once, and a crawl that still has not ended HARD_STOP_S later exits anyway.

Scrapy installs its own handlers only once the reactor runs, so a Ctrl-C during start-up used to
raise KeyboardInterrupt wherever the main thread was (then wait forever on Twisted's thread pool);
these handlers are installed before anything starts and only ever set state or schedule a call on
the reactor."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

LOGGER = logging.getLogger(__name__)
HARD_STOP_S = 5.0
SIGNALS = (signal.SIGINT, signal.SIGTERM)
# Set by the daemon to its pid for the crawls it starts: a crawl whose daemon is gone (kill -9) has
# nobody left to enforce its time limit, so it stops itself as if the daemon had stopped it.
PARENT_ENV = "WIREWATCH_DAEMON_PID"
PARENT_POLL_S = 0.5
# How long a graceful stop may take before the crawl is stopped at once: by the daemon
# (children.py), or by the crawl itself when its daemon is gone.
STOP_GRACE_S = 5.0


class Interrupts:
    """Signals received during one on-demand crawl, and what they asked for."""

    def __init__(self) -> None:
        self.received: list[int] = []
        self.process: Any = None  # the CrawlerProcess, once its reactor is installed
        self.on_hard_stop: list[Callable[[], None]] = []

    def install(self) -> None:
        for sig in SIGNALS:
            signal.signal(sig, self._on_signal)
        parent = os.environ.get(PARENT_ENV, "")
        if parent.isdigit():
            threading.Thread(
                target=self._follow_parent, args=(int(parent),), name="parent-watch", daemon=True
            ).start()

    def _follow_parent(self, pid: int) -> None:
        while os.getppid() == pid:
            time.sleep(PARENT_POLL_S)
        LOGGER.warning("the daemon (pid %d) is gone: stopping after the pages in hand", pid)
        self._on_signal(signal.SIGTERM, None)
        time.sleep(STOP_GRACE_S)
        self._on_signal(signal.SIGTERM, None)

    @property
    def stopping(self) -> bool:
        return bool(self.received)

    @property
    def exit_status(self) -> int:
        """128 + the first signal's number: 130 for Ctrl-C, 143 for SIGTERM."""
        return 128 + self.received[0] if self.received else 0

    def exit(self) -> None:
        """Leave with the exit status. A press that comes while the interpreter shuts down is
        ignored: Python puts the default handlers back as it finalizes, and the default one would
        end the process by the signal (-2) instead of with 130."""
        for sig in SIGNALS:
            signal.signal(sig, signal.SIG_IGN)
        raise SystemExit(self.exit_status)

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self.received.append(signum)
        if len(self.received) == 1:
            LOGGER.warning(
                "%s: stopping after the pages in hand (again to stop now)", _name(signum)
            )
            self._on_reactor(self._graceful)
        elif len(self.received) == 2:
            LOGGER.warning("%s again: stopping now", _name(signum))
            self._on_reactor(self._now)
            # Whatever still holds the process (a thread blocked in a DNS lookup) must not.
            timer = threading.Timer(HARD_STOP_S, self._exit_now)
            timer.daemon = True
            timer.start()
        else:
            self._exit_now()

    def _on_reactor(self, fn: Callable[[], None]) -> None:
        if self.process is None:
            return  # not started yet: the runner checks `stopping` before it starts
        from twisted.internet import reactor

        reactor.callFromThread(fn)  # type: ignore[attr-defined]

    def _graceful(self) -> None:
        self.process.stop()  # each crawler closes with reason 'shutdown'; then the reactor stops

    def _now(self) -> None:
        from twisted.internet import reactor

        for hook in self.on_hard_stop:
            hook()
        if reactor.running:  # type: ignore[attr-defined]
            reactor.stop()  # type: ignore[attr-defined]

    def _exit_now(self) -> None:
        sys.stderr.flush()
        os._exit(self.exit_status)


def _name(signum: int) -> str:
    """How the log names a stop: SIGTERM often comes from a parent passing a stop on (the daemon,
    the demo after Ctrl-C), so it reads as a request, not as something the user did."""
    if signum == signal.SIGINT:
        return "Ctrl-C"
    return f"asked to stop ({signal.Signals(signum).name})"
