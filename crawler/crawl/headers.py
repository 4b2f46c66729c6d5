"""Bounded response headers: the HTTP download handler, with a cap on the size and the number of
header lines a server may send before its body.

Scrapy's DOWNLOAD_MAXSIZE counts body bytes only, and Twisted's response parser keeps every header
line it is given (its only limit is 16 KiB per line): a server that sends header lines without end
grows the crawl by the header bytes it can push. Scrapy's HTTP/1.1 handler already swaps Twisted's
parser for its own lenient subclass on each request (`_LenientHTTP11ClientProtocol`); the handler
here builds a subclass of that protocol which swaps in a subclass of that parser, one that counts.
Nothing of Twisted is patched, and only the crawls that use this handler are affected.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from scrapy.core.downloader.handlers.http11 import (
    HTTP11DownloadHandler,
    _LenientHTTP11ClientFactory,
    _LenientHTTP11ClientProtocol,
    _LenientHTTPClientParser,
)
from scrapy.exceptions import DownloadFailedError
from twisted.python.failure import Failure
from twisted.web._newclient import HEADER

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.internet.defer import Deferred
    from twisted.internet.interfaces import IAddress
    from twisted.web._newclient import HTTP11ClientProtocol
    from twisted.web._newclient import Request as TxRequest
    from twisted.web.iweb import IResponse


class HeaderLimitError(Exception):
    """A response whose headers went over a limit. Not a DownloadFailedError on purpose: the same
    server would send the same headers again, so the request is not retried within the run."""


@dataclass(frozen=True)
class HeaderLimits:
    """0 turns a limit off, as Scrapy's DOWNLOAD_MAXSIZE = 0 does."""

    max_bytes: int  # status lines, header lines and their line ends, interim (1xx) responses too
    max_lines: int  # header lines, folded continuation lines included


def _size(n: int) -> str:
    return f"{n // 1024} KiB" if n % 1024 == 0 else f"{n} bytes"


class _CountingParser(_LenientHTTPClientParser):
    """Scrapy's lenient response parser, failing the response at the first line over a limit.

    Instances are made by Twisted as its own parser and get this class afterwards (see
    `_LimitedProtocol.request`), so they carry no state from __init__: the counters start from the
    class defaults, and `limits` is set right after the class changes.
    """

    limits: HeaderLimits
    _header_bytes = 0
    _header_lines = 0

    def lineReceived(self, line: bytes) -> None:  # noqa: N802 - Twisted's name
        limits = self.limits
        self._header_bytes += len(line) + len(self.delimiter)
        if limits.max_bytes and self._header_bytes > limits.max_bytes:
            raise HeaderLimitError(f"response headers over {_size(limits.max_bytes)}")
        if self.state == HEADER and line.rstrip(b"\r"):
            self._header_lines += 1
            if limits.max_lines and self._header_lines > limits.max_lines:
                raise HeaderLimitError(f"more than {limits.max_lines} response header lines")
        super().lineReceived(line)

    def lineLengthExceeded(self, line: bytes) -> None:  # noqa: N802 - Twisted's name
        # Twisted would only drop the connection, which reads as a passing network failure.
        raise HeaderLimitError(f"a response header line over {_size(self.MAX_LENGTH)}")


class _LimitedProtocol(_LenientHTTP11ClientProtocol):
    def __init__(self, quiescent_callback: Any, limits: HeaderLimits):
        super().__init__(quiescent_callback)  # type: ignore[no-untyped-call]
        self._limits = limits

    def request(self, request: TxRequest) -> Deferred[IResponse]:
        d = super().request(request)
        # Twisted creates the parser inside request() and reads nothing before it returns; an
        # exception raised by the parser fails this request's Deferred with ResponseFailed.
        parser = self._parser
        if parser is not None:
            parser.__class__ = _CountingParser
            parser.limits = self._limits  # type: ignore[attr-defined]
        return d


class _LimitedFactory(_LenientHTTP11ClientFactory):
    def __init__(self, quiescent_callback: Any, metadata: Any, *, limits: HeaderLimits):
        super().__init__(quiescent_callback, metadata)  # type: ignore[no-untyped-call]
        self._limits = limits

    def buildProtocol(self, addr: IAddress | None) -> HTTP11ClientProtocol:  # noqa: N802
        return _LimitedProtocol(self._quiescentCallback, self._limits)


def over_limit(exc: BaseException) -> HeaderLimitError | None:
    """The header limit behind a failed download, if that is what failed it: Scrapy wraps
    Twisted's ResponseFailed, which holds the parser's exception among its reasons."""
    for reason in getattr(exc.__cause__, "reasons", ()):
        if isinstance(reason, Failure) and isinstance(reason.value, HeaderLimitError):
            return reason.value
    return None


class HeaderLimitedDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler with WIREWATCH_HEADERS_MAXSIZE and WIREWATCH_HEADERS_MAXCOUNT
    enforced on every response."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        limits = HeaderLimits(
            max_bytes=crawler.settings.getint("WIREWATCH_HEADERS_MAXSIZE"),
            max_lines=crawler.settings.getint("WIREWATCH_HEADERS_MAXCOUNT"),
        )
        self._pool._factory = partial(_LimitedFactory, limits=limits)

    async def download_request(self, request: Request) -> Response:
        try:
            return await super().download_request(request)
        except DownloadFailedError as exc:
            limit = over_limit(exc)
            if limit is None:
                raise
            raise limit from None
