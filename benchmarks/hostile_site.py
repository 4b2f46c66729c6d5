"""A generated wire site that also answers like a hostile one, for the chaos soak: any path it is
asked for under /hostile/ is a fault the feed links to for a while.

    /hostile/sleep/<seconds>/<name>   answers after <seconds> (at most MAX_SLEEP_S)
    /hostile/nested/<blocks>/<name>   a page of <blocks> runs of 250-deep <div>s, which takes the
                                      extraction seconds to minutes (about 6 s per 50 blocks)
    /hostile/flood/<MiB>/<name>       a status line, then header lines without end: the blank line
                                      that closes the headers never comes

Everything else is the folder, served by SiteServer. A flood stops when the client hangs up, or
after <MiB> (at most MAX_FLOOD_MIB) or MAX_FLOOD_S, so a crawler without limits fills its memory
for a bounded time instead of the machine's. Each hostile answer, once over, is a line of
`hostile-requests.log` beside the folder: kind, path, start and end (Unix time), bytes sent.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

from crawler.demo.server import SiteServer

MAX_SLEEP_S = 300.0
MAX_FLOOD_MIB = 1024
MAX_FLOOD_S = 120.0
# One header line of about 1 KB: long enough to fill memory fast, short enough to be a valid line.
FLOOD_LINE = b"X-Chaos-Padding: " + b"p" * 1000 + b"\r\n"
LATE_PAGE = b"<!DOCTYPE html><html><body><p>This page answered late.</p></body></html>"
NESTED_BLOCK = b"<div>" * 250 + b"<p>Officials met partners on trade.</p>" + b"</div>" * 250
MAX_NESTED_BLOCKS = 1000


class HostileSite(SiteServer):
    """SiteServer with the /hostile/ paths above."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.log = self.root.parent / "hostile-requests.log"
        self.log_lock = threading.Lock()

    def handle(self, req: BaseHTTPRequestHandler) -> None:
        path = urlsplit(req.path).path
        parts = path.split("/")  # ["", "hostile", kind, amount, name]
        if len(parts) != 5 or parts[1] != "hostile":
            super().handle(req)
            return
        try:
            amount = float(parts[3])
        except ValueError:
            amount = 0.0
        began = time.time()
        if parts[2] == "sleep":
            time.sleep(min(amount, MAX_SLEEP_S))
            sent = self._answer(req, LATE_PAGE)
        elif parts[2] == "nested":
            blocks = int(min(amount, MAX_NESTED_BLOCKS))
            sent = self._answer(req, b"<html><body>" + NESTED_BLOCK * blocks + b"</body></html>")
        elif parts[2] == "flood":
            sent = self._flood(req, int(min(amount, MAX_FLOOD_MIB) * 1024 * 1024))
        else:
            super().handle(req)
            return
        with self.log_lock, self.log.open("a", encoding="utf-8") as f:
            f.write(f"{parts[2]} {path} {began:.3f} {time.time():.3f} {sent}\n")

    @staticmethod
    def _answer(req: BaseHTTPRequestHandler, body: bytes) -> int:
        try:
            req.send_response(200)
            req.send_header("Content-Type", "text/html; charset=utf-8")
            req.send_header("Content-Length", str(len(body)))
            req.end_headers()
            req.wfile.write(body)
        except OSError:
            return 0  # the crawler gave up waiting: what a timeout should make it do
        return len(body)

    @staticmethod
    def _flood(req: BaseHTTPRequestHandler, cap: int) -> int:
        block = FLOOD_LINE * 16
        sent = 0
        deadline = time.monotonic() + MAX_FLOOD_S
        try:
            req.wfile.write(b"HTTP/1.1 200 OK\r\n")
            while sent < cap and time.monotonic() < deadline:
                req.wfile.write(block)
                sent += len(block)
        except OSError:
            pass  # the client hung up: what a header limit should make it do
        req.close_connection = True
        return sent
