"""A local HTTP server for tests: fixed or scripted answers per path, with a log of every
request."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    conditional: bool = True  # answer 304 to a matching If-None-Match


Handler = Callable[
    [BaseHTTPRequestHandler, int], Reply
]  # (request, how many times this path was hit) -> reply


class LocalServer:
    """Serves routes on 127.0.0.1:<free port>; `{base}` in a body becomes the server's base URL."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply | Handler] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        outer = self

        class _H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                outer._serve(self)

            def do_POST(self) -> None:
                outer._serve(self)

            def log_message(self, *args: object) -> None:
                pass

        class _Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # clients that hang up early (size limits) are part of the tests

        self.httpd = _Server(("127.0.0.1", 0), _H)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, reply: Reply | Handler) -> None:
        self.routes[path] = reply

    def page(
        self,
        path: str,
        body: str | bytes,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        **headers: str,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Reply(status, data, {"Content-Type": content_type, **headers})

    def _serve(self, req: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(req.path)
        with self.lock:
            self.hits[parts.path] += 1
            count = self.hits[parts.path]
            self.requests.append((req.path, {k.lower(): v for k, v in req.headers.items()}))
        route = self.routes.get(parts.path)
        if route is None:
            reply = Reply(404, b"not found", {"Content-Type": "text/plain"})
        elif callable(route):
            reply = route(req, count)
        else:
            reply = route
        body = reply.body.replace(b"{base}", self.base.encode())
        headers = dict(reply.headers)
        if reply.status == 200 and reply.conditional:
            etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
            headers.setdefault("ETag", etag)
            if req.headers.get("If-None-Match") == headers["ETag"]:
                req.send_response(304)
                req.send_header("ETag", headers["ETag"])
                req.send_header("Content-Length", "0")
                req.end_headers()
                return
        req.send_response(reply.status)
        for name, value in headers.items():
            req.send_header(name, value.replace("{base}", self.base))
        req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        req.wfile.write(body)
