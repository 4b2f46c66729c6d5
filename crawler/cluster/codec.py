"""JSON for what workers exchange through Redis (requests on the frontier, records on the stream),
never pickles: whoever can write to the Redis can at most put an entry that is refused, not run code
in a worker or the writer.

JSON has no bytes and no dict keyed by bytes, and Scrapy's request dicts have both (body, headers):
a bytes value is written `{"$bytes": base64}`, a dict with a key that is not a string
`{"$pairs": [[key, value], ...]}`, and the one object a request's meta carries, a Lead,
`{"$lead": {fields}}`. A request dict serves as scrapy-redis's queue serializer through
`dumps` and `loads` (SCHEDULER_SERIALIZER names this module)."""

from __future__ import annotations

import base64
import json
from dataclasses import asdict
from typing import Any

from crawler.items import Lead

BYTES = "$bytes"
PAIRS = "$pairs"
LEAD = "$lead"  # a request's Lead (what its seed said of the article), by its fields


def bytes_out(value: Any) -> Any:
    """json.dumps's `default`: bytes as {"$bytes": base64}; anything else unknown is refused."""
    if isinstance(value, bytes | bytearray):
        return {BYTES: base64.b64encode(value).decode("ascii")}
    raise TypeError(f"{type(value).__name__} cannot travel through Redis")


def _plain(value: Any) -> Any:
    """value with bytes and non-string keys spelled out, ready for json.dumps."""
    if isinstance(value, bytes | bytearray):
        return bytes_out(value)
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {k: _plain(v) for k, v in value.items()}
        return {PAIRS: [[_plain(k), _plain(v)] for k, v in value.items()]}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Lead):
        return {LEAD: _plain(asdict(value))}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"{type(value).__name__} cannot travel through Redis")


def restored(obj: dict[str, Any]) -> Any:
    """json.loads's `object_hook`: the bytes and the dicts `dumps` spelled out, back."""
    if len(obj) == 1 and BYTES in obj:
        return base64.b64decode(obj[BYTES], validate=True)
    if len(obj) == 1 and PAIRS in obj:
        return {_key(k): v for k, v in obj[PAIRS]}
    if len(obj) == 1 and LEAD in obj:
        return Lead(**obj[LEAD])  # a field it does not have: TypeError, the entry is refused
    return obj


def _key(k: Any) -> Any:
    return tuple(k) if isinstance(k, list) else k  # a dict key cannot be a list


def dumps(value: Any) -> bytes:
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes | str) -> Any:
    """Raises ValueError (UnicodeDecodeError and json.JSONDecodeError among them) for an entry that
    is not ours."""
    if isinstance(data, bytes):
        data = data.decode("utf-8")
    return json.loads(data, object_hook=restored)
