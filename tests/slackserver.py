"""A stand-in for Slack's incoming webhooks on loopback, answering as Slack documents: 200 `ok`, 400
`invalid_payload` (bad JSON, no text, more than 50 blocks, a section text over 3,000 characters),
404 `no_service`, 429 with Retry-After, 500."""

from __future__ import annotations

import json
import time
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.httpserver import LocalServer, Reply

PATH = "/services/T000/B000/XXXXSECRETXXXX"


class SlackStandIn:
    def __init__(self, server: LocalServer):
        self.server = server
        self.received: list[dict[str, Any]] = []
        self.script: list[tuple[int, str, dict[str, str]]] = []  # replies to give first, in order
        self.delay = 0.0  # seconds to wait before answering an accepted message
        server.routes[PATH] = self._reply  # POST handled below
        self.url = server.url(PATH)

    def then(self, status: int, body: str, **headers: str) -> None:
        self.script.append((status, body, headers))

    def _reply(self, req: BaseHTTPRequestHandler, count: int) -> Reply:
        length = int(req.headers.get("Content-Length") or 0)
        raw = req.rfile.read(length)
        if self.script:
            status, body, headers = self.script.pop(0)
            return Reply(
                status, body.encode(), {"Content-Type": "text/plain", **headers}, conditional=False
            )
        try:
            payload = json.loads(raw)
        except ValueError:
            return Reply(400, b"invalid_payload", {"Content-Type": "text/plain"}, conditional=False)
        blocks = payload.get("blocks", [])
        too_long = any(
            len((b.get("text") or {}).get("text", "")) > 3000
            for b in blocks
            if b.get("type") == "section"
        )
        if (not payload.get("text") and not blocks) or len(blocks) > 50 or too_long:
            return Reply(400, b"invalid_payload", {"Content-Type": "text/plain"}, conditional=False)
        self.received.append(payload)
        if self.delay:
            time.sleep(self.delay)
        return Reply(200, b"ok", {"Content-Type": "text/plain"}, conditional=False)
