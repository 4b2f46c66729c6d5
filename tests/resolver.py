"""A DNS resolver for crawls under test: names from the `TEST_HOSTS` setting (a JSON object, name ->
IPv4 address) answer as given, `localhost` is 127.0.0.1, IPv4 literals are themselves, and every
other name fails, so no lookup leaves the machine.

Select it with `-s TWISTED_DNS_RESOLVER=tests.resolver.MappedResolver`; it caches like Scrapy's
default resolver, which it extends.
"""

from __future__ import annotations

import socket
from collections.abc import Sequence
from typing import Any

from scrapy.resolver import CachingThreadedResolver, dnscache
from twisted.internet import defer
from twisted.internet.error import DNSLookupError


class MappedResolver(CachingThreadedResolver):
    def __init__(
        self, reactor: Any, cache_size: int, timeout: float, hosts: dict[str, str]
    ) -> None:
        super().__init__(reactor, cache_size, timeout)
        self.hosts = {"localhost": "127.0.0.1", **hosts}

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> MappedResolver:
        settings = crawler.settings
        return cls(
            reactor,
            settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0,
            settings.getfloat("DNS_TIMEOUT"),
            settings.getdict("TEST_HOSTS"),
        )

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> defer.Deferred[str]:  # noqa: N802
        if name in dnscache:
            return defer.succeed(dnscache[name])
        try:
            address = self.hosts.get(name) or socket.inet_ntoa(socket.inet_aton(name))
        except OSError:
            return defer.fail(DNSLookupError(f"{name} is not a test host"))
        return defer.succeed(self._cache_result(address, name))
