"""A hostile HTTP server on 127.0.0.1, on a raw socket: for its flood paths it sends a status line
and then the same bytes over and over, never the blank line that ends the headers."""

from __future__ import annotations

import socket
import socketserver
import threading
from collections import Counter

REQUEST_HEAD_MAX = 64 * 1024
NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


class FloodServer:
    """`floods` maps a path to the bytes repeated after its status line (a header line, or part of
    one); other paths get an empty 404. Each flood stops when the client hangs up or after `cap`
    bytes, so that a client without limits ends the test with an error instead of filling memory.
    `sent` and `hits` count bytes sent and requests per path."""

    def __init__(self, floods: dict[str, bytes], cap: int = 32 * 1024 * 1024):
        self.floods = floods
        self.cap = cap
        self.sent: Counter[str] = Counter()
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        outer = self

        class _Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                outer._answer(self.request)

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _answer(self, sock: socket.socket) -> None:
        head = b""
        while b"\r\n\r\n" not in head and len(head) < REQUEST_HEAD_MAX:
            chunk = sock.recv(4096)
            if not chunk:
                return
            head += chunk
        path = head.split(b" ", 2)[1].decode("ascii", "replace") if b" " in head else "/"
        with self.lock:
            self.hits[path] += 1
        unit = self.floods.get(path)
        if unit is None:
            sock.sendall(NOT_FOUND)
            return
        block = unit * max(1, 16384 // len(unit))
        sent = 0
        try:
            sock.sendall(b"HTTP/1.1 200 OK\r\n")
            while sent < self.cap:
                sock.sendall(block)
                sent += len(block)
        except OSError:
            pass  # the client hung up: what a limit should make it do
        with self.lock:
            self.sent[path] += sent
