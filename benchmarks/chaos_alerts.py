"""What the chaos soak's delivery servers received: the tests' Slack stand-in made to fail on
demand, and the digests of both channels read back as (rule, story marker) pairs (a story shows
once, naming its rules), so each alert can be counted per channel.

Part of benchmarks/chaos_soak.py; not run on its own.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.httpserver import LocalServer, Reply
from tests.slackserver import PATH as SLACK_PATH
from tests.slackserver import SlackStandIn

MARKER = re.compile(r"Chaosmark\d{4}[a-z]\d{3}")


# -- the servers that deliveries reach -------------------------------------------------------------


class FaultySlack:
    """The tests' Slack stand-in, answering `status` (with its headers) instead while one is set."""

    def __init__(self) -> None:
        self.server = LocalServer()
        self.standin = SlackStandIn(self.server)
        self.accept = self.server.routes[SLACK_PATH]
        self.fault: tuple[int, dict[str, str]] | None = None
        self.refused = 0
        self.server.routes[SLACK_PATH] = self._reply

    @property
    def url(self) -> str:
        return self.standin.url

    @property
    def received(self) -> list[dict[str, Any]]:
        return self.standin.received

    def _reply(self, req: BaseHTTPRequestHandler, count: int) -> Reply:
        fault = self.fault
        if fault is None:
            assert callable(self.accept)
            return self.accept(req, count)
        req.rfile.read(int(req.headers.get("Content-Length") or 0))
        self.refused += 1
        status, headers = fault
        body = b"rate_limited" if status == 429 else b"internal_error"
        return Reply(status, body, {"Content-Type": "text/plain", **headers}, conditional=False)

    def close(self) -> None:
        self.server.close()


# -- what the servers received ---------------------------------------------------------------------

Pair = tuple[str, str]  # (rule, marker)


_RULES_LINE = re.compile(r"^\s*Rules: (.*)$", re.M)


def _story_pairs(text: str) -> set[Pair]:
    """The (rule, marker) pairs of one story as shown: each rule of its 'Rules:' line with each
    marker in its text."""
    found = _RULES_LINE.search(text)
    rules = [r.strip() for r in found[1].split(",")] if found else []
    return {(rule, m) for rule in rules for m in MARKER.findall(text)}


def email_pairs(msg: EmailMessage) -> tuple[set[Pair], set[Pair]]:
    """(new, updated) (rule, marker) pairs of a digest email, from its plain-text part: each story
    is a '- ' paragraph naming its rules."""
    part = msg.get_body(("plain",))
    text = part.get_content() if part is not None else ""
    new: set[Pair] = set()
    updated: set[Pair] = set()
    into = new
    for block in text.replace("\r\n", "\n").split("\n\n"):
        if block.startswith("== "):
            into = updated if "pdated" in block else new
        elif block.startswith("- "):
            into.update(_story_pairs(block))
    return new, updated


def slack_pairs(payload: dict[str, Any]) -> tuple[set[Pair], set[Pair]]:
    """(new, updated) (rule, marker) pairs of a Slack message: each story section names its
    rules; an 'Updated · ' heading starts the updated ones."""
    new: set[Pair] = set()
    updated: set[Pair] = set()
    into = new
    for block in payload.get("blocks", []):
        text = (block.get("text") or {}).get("text", "")
        if block.get("type") != "section":
            continue
        if "#story-" in block.get("block_id", ""):
            into.update(_story_pairs(text))
        elif text.startswith("*") and text.endswith("*"):
            into = updated if text.startswith("*Updated · ") else new
    return new, updated


@dataclass
class ChannelCount:
    messages: int = 0
    pairs: int = 0  # distinct (rule, marker) received
    doubled: int = 0  # copies beyond one
    resent_messages: int = 0  # messages repeating a pair an earlier message carried
    missing: int = 0  # expected pairs never received
    updates: int = 0
    interrupted: int = 0  # deliveries cut off by the end of their process


def count_channel(messages: list[tuple[set[Pair], set[Pair]]], expected: set[Pair]) -> ChannelCount:
    seen: Counter[Pair] = Counter()
    out = ChannelCount(messages=len(messages))
    for new, updated in messages:
        if any(p in seen for p in new):
            out.resent_messages += 1
        seen.update(new)
        out.updates += len(updated)
    out.pairs = len(seen)
    out.doubled = sum(n - 1 for n in seen.values())
    out.missing = len(expected - set(seen))
    return out
