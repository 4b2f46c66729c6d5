"""The crawl fork server, `python -m crawler.forkserver FD`: one long-lived process that has
imported Scrapy, trafilatura, the store and every component a crawl loads, and forks a child per
crawl that the daemon asks for, so that an idle poll pays for its own work and not for two seconds
of imports.

Each child is what `wirewatch crawl` would be: its own session and process group (killed as a
whole), the daemon's environment and source locks (received over the socket), its output to the file
the daemon gave, its exit status reported back; and it ends, so its memory goes with it. The server
forks before any reactor exists and runs no threads, and it does no crawling itself, so it does not
grow. It exits when the daemon's end of the socket closes (a daemon killed with SIGKILL included);
its children then find their parent gone and stop themselves, as they did when the daemon was their
parent. The daemon's side, and the messages, are in `crawler/daemon/forks.py`.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import logging
import os
import selectors
import signal
import socket
import sys
import traceback
from typing import Any

from crawler.crawl.interrupts import PARENT_ENV
from crawler.daemon.forks import MAX_FDS, MAX_MESSAGE, send


def warm_up() -> None:
    """Import what a crawl imports, down to the Scrapy components its settings name, without
    installing a reactor (Scrapy installs its own in each child)."""
    from scrapy.settings import Settings
    from scrapy.utils.misc import load_object

    import crawler.cli
    import crawler.crawl.runner
    import crawler.pipelines
    import crawler.workers  # noqa: F401  (imported for its side effect: loaded once, here)

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for name, value in settings.items():
        paths: list[Any] = []
        if name.endswith(("_BASE", "MIDDLEWARES", "EXTENSIONS", "PIPELINES", "HANDLERS")):
            with contextlib.suppress(TypeError, ValueError, AttributeError):
                paths = list(settings.getdict(name))
        elif isinstance(value, str) and "." in value and name.endswith(("CLASS", "QUEUE", "ER")):
            paths = [value]
        for path in paths:
            if isinstance(path, str) and "." in path:
                with contextlib.suppress(Exception):  # optional components (boto, brotli...)
                    load_object(path)
    import scrapy.core.engine  # noqa: F401
    import twisted.internet.asyncioreactor  # noqa: F401

    if "twisted.internet.reactor" in sys.modules:
        raise RuntimeError("a reactor was installed while warming up: children could not use it")


def serve(sock: socket.socket) -> dict[str, Any] | None:
    """Fork a child per request until the daemon closes its end. Returns only in a child: the
    request it is to run (the server itself returns None when it is done)."""
    warm_up()
    gc.collect()
    gc.freeze()  # the warm objects stay shared with every child instead of being copied by the GC
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the daemon's terminal is not ours
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # a handler, so that the wake-up fd is written
    send(sock, {"ready": os.getpid()})
    children: set[int] = set()
    with selectors.DefaultSelector() as sel:
        sel.register(sock, selectors.EVENT_READ)
        sel.register(wake_r, selectors.EVENT_READ)
        while True:
            for key, _ in sel.select():
                if key.fileobj is sock:
                    msg, fds, _flags, _addr = socket.recv_fds(sock, MAX_MESSAGE, MAX_FDS)
                    if not msg:
                        return None  # the daemon is gone
                    request = _fork(sock, msg, fds, children)
                    if request is not None:  # in the child
                        _child_setup(sock, wake_r, wake_w, request, fds)
                        return request
                else:
                    with contextlib.suppress(BlockingIOError):
                        os.read(wake_r, 512)
                    _reap(sock, children)


def _fork(
    sock: socket.socket, msg: bytes, fds: list[int], children: set[int]
) -> dict[str, Any] | None:
    try:
        request = json.loads(msg)
        argv, env, cwd = list(request["argv"]), dict(request["env"]), str(request["cwd"])
        if not fds:
            raise ValueError("no output descriptor")
    except (ValueError, KeyError, TypeError) as exc:
        for fd in fds:
            os.close(fd)
        send(sock, {"error": f"bad request: {exc}"})
        return None
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        return {"argv": argv, "env": env, "cwd": cwd}
    children.add(pid)
    for fd in fds:
        os.close(fd)
    send(sock, {"pid": pid})
    return None


def _reap(sock: socket.socket, children: set[int]) -> None:
    while children:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            children.clear()
            return
        if pid == 0:
            return
        children.discard(pid)
        send(sock, {"exit": pid, "code": os.waitstatus_to_exitcode(status)})


def _child_setup(
    sock: socket.socket, wake_r: int, wake_w: int, request: dict[str, Any], fds: list[int]
) -> None:
    """The child sheds the server's state: signal handling, the socket, its descriptors."""
    os.setsid()
    signal.set_wakeup_fd(-1)
    for sig in (signal.SIGCHLD, signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)
    sock.close()
    os.close(wake_r)
    os.close(wake_w)
    out, _locks = fds[0], fds[1:]  # the locks stay open: they last as long as this crawl
    os.dup2(out, 1)
    os.close(out)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    # The crawl stops itself when its parent is gone; its parent is this server, which ends with the
    # daemon.
    os.environ[PARENT_ENV] = str(os.getppid())


def run_child(request: dict[str, Any]) -> int:
    """`wirewatch ARGV` in this process, as `python -m crawler.cli ARGV` would run it."""
    from setproctitle import setproctitle

    from crawler.cli import main

    sys.argv = ["wirewatch", *request["argv"]]
    setproctitle(" ".join(sys.argv))
    main.main(args=request["argv"], prog_name="wirewatch")
    return 0


def main() -> None:
    from setproctitle import setproctitle

    setproctitle("wirewatch crawl fork server")
    sock = socket.socket(fileno=int(sys.argv[1]))
    request = serve(sock)
    if request is None:
        return
    code: Any = 1
    try:
        code = run_child(request)
    except SystemExit as exc:
        code = exc.code
    except BaseException:
        traceback.print_exc()
    finally:
        # The exit hooks a crawl relies on (multiprocessing's, logging's) run; the interpreter's
        # teardown of every warm module does not: it would touch, and so copy, all the pages this
        # child shares with the server (60 ms of CPU per crawl, measured).
        if isinstance(code, str):
            print(code, file=sys.stderr)
            code = 1
        # The crawl is over: a stop asked now has nothing left to stop, and must not run a handler
        # in the middle of the exit hooks.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        atexit._run_exitfuncs()
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
