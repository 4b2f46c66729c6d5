"""The daemon's handle on its crawl fork server (`crawler/forkserver.py`): started with the
daemon, asked for one child per crawl, started again at the next crawl should it die. A forked crawl
looks to the daemon like a subprocess.Popen (pid, wait, terminate), its exit status read from the
server.

Messages are JSON over a SOCK_SEQPACKET socket pair, descriptors beside them (SCM_RIGHTS):
  daemon -> server: {"argv": [...], "env": {...}, "cwd": "..."} with [stdout, *lock fds]
  server -> daemon: {"ready": pid} once; {"pid": pid} per request, or {"error": "..."};
                    {"exit": pid, "code": exit status} when a child has ended.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any

LOGGER = logging.getLogger(__name__)
MAX_MESSAGE = 1 << 20
MAX_FDS = 64
# The imports take about two seconds of CPU; on a loaded machine, much longer.
READY_WAIT_S = 120.0
REPLY_WAIT_S = 30.0


def send(sock: socket.socket, msg: dict[str, Any]) -> None:
    with contextlib.suppress(OSError):  # the other side is gone: its next read says so
        sock.send(json.dumps(msg).encode())


class ForkServerError(Exception):
    """The fork server ended (or never started): crawls it was running have no status."""


@dataclass
class ForkedCrawl:
    """A crawl process started by the fork server: what the daemon uses of subprocess.Popen."""

    pid: int
    returncode: int | None = None
    lost: bool = False  # the server ended before it reported this child's exit
    ended: threading.Event = field(default_factory=threading.Event)

    def wait(self, timeout: float | None = None) -> int:
        if not self.ended.wait(timeout):
            raise subprocess.TimeoutExpired(f"crawl {self.pid}", timeout or 0)
        return self.returncode if self.returncode is not None else -1

    def send_signal(self, sig: int) -> None:
        # Not once ended: the pid may be another process's by now.
        if not self.ended.is_set():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, sig)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def _end(self, code: int | None, lost: bool = False) -> None:
        self.returncode, self.lost = code, lost
        self.ended.set()


class ForkServer:
    """The daemon's handle on its fork server, started on first use and again after it ends."""

    def __init__(self) -> None:
        self.lock = threading.Lock()  # one request in flight; guards the fields below
        self.proc: subprocess.Popen[bytes] | None = None
        self.sock: socket.socket | None = None
        self.crawls: dict[int, ForkedCrawl] = {}
        self.replies: list[dict[str, Any]] = []
        self.replied = threading.Condition(self.lock)
        self.closing = False

    def start(self) -> None:
        """Start the server now (it takes seconds to import) rather than at the first crawl."""
        with self.lock:
            self._ensure_started()

    def launch(self, argv: list[str], env: dict[str, str], fds: list[int]) -> ForkedCrawl:
        """Fork a child running `wirewatch ARGV` with env; fds[0] becomes its stdout, the rest
        stay open in it. Raises ForkServerError when the server cannot start or does not answer."""
        msg = json.dumps({"argv": argv, "env": env, "cwd": os.getcwd()}).encode()
        with self.lock:
            self._ensure_started()
            assert self.sock is not None
            try:
                socket.send_fds(self.sock, [msg], fds)
            except OSError as exc:
                raise ForkServerError(f"the fork server cannot be reached: {exc}") from None
            reply = self._next_reply(REPLY_WAIT_S)
            if "pid" not in reply:
                raise ForkServerError(reply.get("error", "the fork server gave no child"))
            crawl = self.crawls.get(reply["pid"])
            assert crawl is not None
            return crawl

    def close(self) -> None:
        """Close the socket (the server exits on its end of file) and wait for the server."""
        with self.lock:
            self.closing = True
            proc, sock = self.proc, self.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        if proc is not None:
            try:
                proc.wait(5.0)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5.0)

    # -- with self.lock held -----------------------------------------------------------------------

    def _ensure_started(self) -> None:
        if self.closing:
            raise ForkServerError("the daemon is stopping")
        if self.proc is not None and self.sock is not None:
            return
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "crawler.forkserver", str(theirs.fileno())],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # a Ctrl-C at the daemon's terminal is for the daemon
            )
        finally:
            theirs.close()
        self.sock, self.replies = ours, []
        threading.Thread(target=self._read, args=(ours,), name="forkserver", daemon=True).start()
        started = time.monotonic()
        ready = self._next_reply(READY_WAIT_S)
        if "ready" not in ready:
            raise ForkServerError(f"the fork server did not start: {ready}")
        LOGGER.info(
            "crawl fork server %d ready in %.1fs", int(ready["ready"]), time.monotonic() - started
        )

    def _next_reply(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while not self.replies:
            left = deadline - time.monotonic()
            if left <= 0 or self.sock is None:
                self._drop_server()
                raise ForkServerError("the fork server did not answer")
            self.replied.wait(min(left, 1.0))
        return self.replies.pop(0)

    def _drop_server(self) -> None:
        """Forget the server (killing it if it still runs); its crawls' statuses are lost."""
        proc, sock = self.proc, self.sock
        self.proc = self.sock = None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        if proc is not None and proc.poll() is None:
            proc.kill()
        for crawl in self.crawls.values():
            crawl._end(None, lost=True)
        self.crawls.clear()
        self.replied.notify_all()

    # -- the reader thread -------------------------------------------------------------------------

    def _read(self, sock: socket.socket) -> None:
        while True:
            try:
                data = sock.recv(MAX_MESSAGE)
            except OSError:
                data = b""
            with self.lock:
                if sock is not self.sock:
                    return  # an old server's socket, already dropped
                if not data:
                    if not self.closing:
                        LOGGER.error("crawl fork server ended; it starts again at the next crawl")
                    proc = self.proc
                    self._drop_server()
                    break
                msg = json.loads(data)
                if "exit" in msg:
                    crawl = self.crawls.pop(int(msg["exit"]), None)
                    if crawl is not None:
                        crawl._end(int(msg["code"]))
                    continue
                if "pid" in msg:
                    self.crawls[int(msg["pid"])] = ForkedCrawl(int(msg["pid"]))
                self.replies.append(msg)
                self.replied.notify_all()
        if proc is not None:  # reaped, so that it does not linger as a zombie
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(5.0)
