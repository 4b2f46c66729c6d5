"""The sample site server, logging every request (time and path) to `requests.log` beside the folder
it serves: benchmarks count what a crawl asked for (robots.txt, feeds, pages) in a window."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

from crawler.demo.server import SiteServer


class CountingSite(SiteServer):
    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 0):
        super().__init__(root, host, port)
        self.log = (self.root.parent / "requests.log").open("a", encoding="utf-8")
        self.lock = threading.Lock()

    def handle(self, req: BaseHTTPRequestHandler) -> None:
        with self.lock:
            self.log.write(f"{time.time():.3f} {urlsplit(req.path).path}\n")
            self.log.flush()
        super().handle(req)


def requests_between(log: Path, start: float, end: float) -> list[str]:
    """The paths requested from start to end (Unix times)."""
    out = []
    for line in log.read_text("utf-8").splitlines():
        when, _, path = line.partition(" ")
        if start <= float(when) < end:
            out.append(path)
    return out
