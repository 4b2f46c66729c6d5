"""The response-header limits sit where Scrapy and Twisted parse a response: each case drives the
protocol the download handler's connection pool builds, with Twisted's own parser and a Twisted test
transport, from the request it writes to the response it gets back. These tests fail if a Scrapy or
Twisted upgrade moves the place the limits hook into (the parser made inside
HTTP11ClientProtocol.request, Scrapy's lenient parser and protocol)."""

from __future__ import annotations

from typing import Any

from twisted.internet.testing import StringTransport
from twisted.python.failure import Failure
from twisted.web._newclient import Request, ResponseFailed
from twisted.web.http_headers import Headers

from crawler.crawl.headers import HeaderLimits, _LimitedFactory, over_limit

LIMITS = HeaderLimits(max_bytes=64 * 1024, max_lines=100)


def exchange(response: bytes, limits: HeaderLimits = LIMITS) -> tuple[Any, StringTransport]:
    """What one GET answered with `response` gives back (a Response or a Failure), and the
    connection's transport."""
    factory = _LimitedFactory(lambda protocol: None, "test", limits=limits)
    protocol = factory.buildProtocol(None)
    transport = StringTransport()
    protocol.makeConnection(transport)
    request = Request(b"GET", b"/a.html", Headers({b"host": [b"wire.example"]}), None)
    results: list[Any] = []
    protocol.request(request).addBoth(results.append)
    protocol.dataReceived(response)
    assert results, "the response neither arrived nor failed"
    return results[0], transport


def head(*lines: bytes, status: bytes = b"HTTP/1.1 200 OK") -> bytes:
    return b"\r\n".join([status, *lines]) + b"\r\n\r\n"


def failure_reason(result: Any) -> str:
    assert isinstance(result, Failure) and result.check(ResponseFailed), result
    limit = over_limit(_WrappedError(result.value))
    assert limit is not None, result.value.reasons
    return str(limit)


class _WrappedError(Exception):
    """What Scrapy raises for a ResponseFailed: an exception whose cause is it."""

    def __init__(self, cause: BaseException):
        super().__init__()
        self.__cause__ = cause


def test_ordinary_response_passes_and_bad_lines_are_still_skipped() -> None:
    """A response with 99 header lines (one without a colon, which Scrapy's lenient parser skips)
    and a body arrives whole: the limits leave ordinary responses alone."""
    lines = [f"X-Header-{i}: value {i}".encode() for i in range(97)]
    response, _ = exchange(head(b"Content-Length: 5", b"not a header", *lines) + b"hello")
    assert not isinstance(response, Failure), response
    assert response.code == 200 and response.length == 5
    assert response.headers.getRawHeaders(b"x-header-96") == [b"value 96"]


def test_one_line_over_the_count_fails_the_response() -> None:
    """The 101st header line fails the response at once, before its headers end, and the connection
    is closed."""
    lines = [b"X-a: b"] * 101
    result, transport = exchange(head(*lines).removesuffix(b"\r\n"))
    assert failure_reason(result) == "more than 100 response header lines"
    assert transport.disconnecting


def test_header_bytes_over_the_size_fail_the_response() -> None:
    """Header lines under the count but over the size fail the response: 17 lines of 4,000
    bytes."""
    lines = [b"X-Pad: " + b"p" * 4000] * 17
    result, _ = exchange(head(*lines).removesuffix(b"\r\n"))
    assert failure_reason(result) == "response headers over 64 KiB"


def test_one_line_without_end_fails_the_response() -> None:
    """A header line that never ends fails at Twisted's line limit with a reason, not as a lost
    connection."""
    result, _ = exchange(b"HTTP/1.1 200 OK\r\nX-Long: " + b"x" * 20000)
    assert failure_reason(result) == "a response header line over 16 KiB"


def test_interim_responses_count_towards_the_size() -> None:
    """`100 Continue` answers without end are bounded too: their lines add up with the final
    response's."""
    result, _ = exchange(b"HTTP/1.1 100 Continue\r\n\r\n" * 3000)
    assert failure_reason(result) == "response headers over 64 KiB"


def test_custom_limits_and_zero_turns_a_limit_off() -> None:
    """Limits come from the handler's settings: 10 lines refuses 11; a count of 0 accepts 500."""
    lines = [b"X-a: b"] * 11
    result, _ = exchange(head(*lines), HeaderLimits(max_bytes=64 * 1024, max_lines=10))
    assert failure_reason(result) == "more than 10 response header lines"
    lines = [b"X-a: b"] * 500
    response, _ = exchange(
        head(b"Content-Length: 0", *lines), HeaderLimits(max_bytes=64 * 1024, max_lines=0)
    )
    assert not isinstance(response, Failure), response
    assert len(response.headers.getRawHeaders(b"x-a")) == 500
