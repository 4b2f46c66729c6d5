"""Requests into the local network refused: a public site must not steer the crawler to a loopback,
private or link-local address by a link, a redirect, a robots.txt `Sitemap:` line or a DNS answer.

A source whose own seed host is such an address (an intranet site, a local test site) is exempt:
its requests go where they point, as before.

The host is resolved through the reactor's resolver, the one Scrapy installs
(`TWISTED_DNS_RESOLVER`, caching by default) and the connection then asks; with the cache on, the
connection is made to the address checked here. `DNSCACHE_ENABLED = False` gives up that guarantee:
the connection then asks the resolver again.
"""

from __future__ import annotations

import functools
import ipaddress
import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy.exceptions import CannotResolveHostError, IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.internet.interfaces import IResolutionReceiver
from twisted.web.client import URI
from zope.interface import implementer

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from twisted.internet.interfaces import IAddress, IHostResolution

LOGGER = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64's well-known prefix): the
# IPv4 address decides.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class PrivateAddress(IgnoreRequest):
    """A request refused because its host is, or resolves to, an address outside the public
    internet; the message says which and why."""


def non_public(ip: IPAddress) -> str | None:
    """What kind of non-public address ip is ("a loopback address"...), or None for a public one.

    An IPv6 address that embeds an IPv4 one (IPv4-mapped, 6to4, NAT64) is judged by the IPv4
    address, which is where the packets end up.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            kind = non_public(embedded)
            return f"{kind} (as {embedded})" if kind else None
    for kind, test in (
        ("a loopback", ip.is_loopback),
        ("an unspecified", ip.is_unspecified),
        ("a link-local", ip.is_link_local),
        ("a multicast", ip.is_multicast),
        ("a reserved", ip.is_reserved),
        ("a private", not ip.is_global),
    ):
        if test:
            return f"{kind} address"
    return None


def connection_host(url: str) -> str:
    """The host exactly as the HTTP client spells it when it resolves and connects (case kept): the
    resolver's cache is keyed by that spelling, so the check and the connection share one answer."""
    parts = urlsplit(url)
    return _connection_host(f"{parts.scheme}://{parts.netloc}/")


@functools.lru_cache(maxsize=1024)
def _connection_host(origin: str) -> str:
    # Twisted's own parser, as the HTTP client uses it; kept per origin, as parsing costs more than
    # the rest of the check.
    try:
        return URI.fromBytes(origin.encode("ascii")).host.decode("ascii")
    except (UnicodeError, ValueError):
        return urlsplit(origin).hostname or ""


def ip_literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


@implementer(IResolutionReceiver)
class _Addresses:
    """Collects every address a name resolves to; `done` fires with them (none when the lookup
    failed)."""

    def __init__(self) -> None:
        self.addresses: list[str] = []
        self.done: Deferred[list[str]] = Deferred()

    def resolutionBegan(self, resolution: IHostResolution) -> None:  # noqa: N802 - Twisted's name
        pass

    def addressResolved(self, address: IAddress) -> None:  # noqa: N802
        self.addresses.append(address.host)  # type: ignore[attr-defined]

    def resolutionComplete(self) -> None:  # noqa: N802
        self.done.callback(self.addresses)


async def resolve(host: str) -> list[IPAddress]:
    """Every address host resolves to, through the reactor's resolver, as the connection will ask
    it; CannotResolveHostError (retried, like a failed lookup of the download) when there is
    none."""
    from twisted.internet import reactor

    receiver = _Addresses()
    reactor.nameResolver.resolveHostName(receiver, host)  # type: ignore[attr-defined]
    found = [ip for ip in map(ip_literal, await maybe_deferred_to_future(receiver.done)) if ip]
    if not found:
        raise CannotResolveHostError(f"no address found for {host}")
    return found


async def address_problem(host: str) -> tuple[str, str | None] | None:
    """(what the address is, the address when host is a name) for a host outside the public
    internet, else None."""
    literal = ip_literal(host)
    if literal is not None:
        kind = non_public(literal)
        return (kind, None) if kind else None
    for ip in await resolve(host):
        kind = non_public(ip)
        if kind:
            return kind, str(ip)
    return None


def refusal(host: str, kind: str, ip: str | None, redirected: bool) -> str:
    """The reason recorded with the outcome: what the host is or resolves to, and whether a
    redirect led there."""
    if redirected:
        via = f", which resolves to {ip}" if ip else ""
        return f"redirected to {host}{via}, {kind}"
    return f"{host} resolves to {ip}, {kind}" if ip else f"{host} is {kind}"


class PrivateAddressGuard:
    """Downloader middleware: refuses a request whose host is, or resolves to, a non-public
    address, unless the spider's source is itself on such an address."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        # Only "local" is remembered: a seed host whose lookup failed is asked again next time.
        self.local_source = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PrivateAddressGuard:
        if not crawler.settings.getbool("DNSCACHE_ENABLED"):
            LOGGER.warning(
                "DNSCACHE_ENABLED is off: a host may resolve to another address when connecting"
                " than when it was checked for a private address"
            )
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if urlsplit(request.url).scheme not in ("http", "https"):
            return
        host = connection_host(request.url)
        problem = await address_problem(host)
        if problem is None or await self._source_is_local():
            return
        kind, ip = problem
        raise PrivateAddress(refusal(host, kind, ip, bool(request.meta.get("redirect_urls"))))

    async def _source_is_local(self) -> bool:
        """Whether one of the source's seed hosts is itself outside the public internet."""
        if self.local_source:
            return True
        for host in self._seed_hosts():
            try:
                if await address_problem(host):
                    self.local_source = True
                    return True
            except CannotResolveHostError:
                LOGGER.debug("seed host %s does not resolve; not counted as local", host)
        return False

    def _seed_hosts(self) -> list[str]:
        spider: Any = self.crawler.spider
        source = getattr(spider, "source", None)
        urls = source.urls if source is not None else getattr(spider, "start_urls", ())
        return list(dict.fromkeys(connection_host(u) for u in urls))
