"""The bundled sample wire site, served on 127.0.0.1."""

from __future__ import annotations

import errno
import hashlib
import logging
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

LOGGER = logging.getLogger(__name__)
# The stored URLs carry the port, so the demo serves on the same one every run to be repeatable;
# it lies below the range the system picks ports from for outgoing connections ("WIRE" on a phone
# keypad).
DEMO_PORT = 9473
BASE_TOKEN = b"@@BASE@@"
TYPES = {
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".rdf": "application/rdf+xml",
    ".atom": "application/atom+xml",
    ".txt": "text/plain; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    "": "text/html; charset=utf-8",
}


class DemoError(Exception):
    """The demo cannot start; the message says why and what to do."""


def site_root() -> Path:
    return Path(str(resources.files("crawler.demo").joinpath("site")))


class SiteServer:
    """Serves a folder over HTTP on 127.0.0.1 with ETag and Last-Modified, replacing @@BASE@@ in
    text files with the server's own base URL."""

    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 0):
        self.root = root.resolve()
        self.started = formatdate(usegmt=True)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.handle(self)

            def log_message(self, format: str, *args: object) -> None:
                LOGGER.debug("demo site: " + format, *args)

        try:
            self.httpd = ThreadingHTTPServer((host, port), Handler)
        except OSError as exc:
            raise DemoError(bind_error(host, port, exc)) from None
        self.httpd.daemon_threads = True
        self.base = f"http://{host}:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def body_for(self, path: str) -> tuple[bytes, str] | None:
        target = (self.root / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        if (self.root not in target.parents and target != self.root) or not target.is_file():
            return None
        body = target.read_bytes().replace(BASE_TOKEN, self.base.encode())
        return body, TYPES.get(target.suffix, "application/octet-stream")

    def handle(self, req: BaseHTTPRequestHandler) -> None:
        found = self.body_for(urlsplit(req.path).path)
        if found is None:
            req.send_response(404)
            req.send_header("Content-Type", "text/plain")
            req.end_headers()
            req.wfile.write(b"not found")
            return
        body, ctype = found
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if req.headers.get("If-None-Match") == etag:
            req.send_response(304)
            req.send_header("ETag", etag)
            req.end_headers()
            return
        req.send_response(200)
        req.send_header("Content-Type", ctype)
        req.send_header("Content-Length", str(len(body)))
        req.send_header("ETag", etag)
        req.send_header("Last-Modified", self.started)
        req.end_headers()
        req.wfile.write(body)


def bind_error(host: str, port: int, exc: OSError) -> str:
    where = f"cannot serve the sample site on {host}:{port}"
    if exc.errno == errno.EADDRINUSE:
        return (
            f"{where}: the port is in use (another `wirewatch demo --serve`?); stop it, or pass "
            "--port N with a new --db (the stored URLs carry the port)"
        )
    return f"{where}: {exc.strerror or exc}"


def demo_config_text(base: str) -> str:
    template = resources.files("crawler.demo").joinpath("demo.toml").read_text("utf-8")
    return template.replace("@@BASE@@", base)
