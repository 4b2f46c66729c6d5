"""Scrapy's defaults that a polite, safe crawler changes are changed."""

from __future__ import annotations

from scrapy.settings import Settings

import crawler.settings as project


def test_polite_and_bounded_defaults() -> None:
    """robots.txt obeyed, AutoThrottle on, telnet and remote control off, sizes, timeouts and
    redirects bounded."""
    s = Settings()
    s.setmodule(project, priority="project")
    assert s.getbool("ROBOTSTXT_OBEY") and s.getbool("AUTOTHROTTLE_ENABLED")
    assert not s.getbool("TELNETCONSOLE_ENABLED") and not s.getbool("REMOTE_CONTROL_ENABLED")
    assert s.getint("DOWNLOAD_MAXSIZE") == 5 * 1024 * 1024
    assert s.getint("WIREWATCH_SEED_MAXSIZE") < s.getint("DOWNLOAD_MAXSIZE")
    assert s.getint("DOWNLOAD_TIMEOUT") <= 60 and s.getint("REDIRECT_MAX_TIMES") <= 10
    assert s.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 8
    assert "wirewatch" in s.get("USER_AGENT")


def test_scrapy_and_lxml_carry_the_security_fixes() -> None:
    """Scrapy >= 2.14.2 and lxml >= 6.1 (decompression bombs, Referrer-Policy, external entities in
    iterparse)."""
    import lxml.etree
    import scrapy

    assert tuple(int(x) for x in scrapy.__version__.split(".")[:3]) >= (2, 14, 2)
    assert lxml.etree.LXML_VERSION[:2] >= (6, 1)


def test_response_headers_and_memory_are_bounded() -> None:
    """http and https go through the handler that caps response headers (64 KiB, 100 lines); the
    memory-usage extension is on with a limit, checks each second, and sends no mail."""
    s = Settings()
    s.setmodule(project, priority="project")
    handler = "crawler.crawl.headers.HeaderLimitedDownloadHandler"
    handlers = s.getdict("DOWNLOAD_HANDLERS")
    assert handlers["http"] == handler and handlers["https"] == handler
    assert s.getint("WIREWATCH_HEADERS_MAXSIZE") == 64 * 1024
    assert s.getint("WIREWATCH_HEADERS_MAXCOUNT") == 100
    assert s.getbool("MEMUSAGE_ENABLED") and s.getint("MEMUSAGE_LIMIT_MB") == 1024
    assert 0 < s.getfloat("MEMUSAGE_CHECK_INTERVAL_SECONDS") <= 1
    assert s.getlist("MEMUSAGE_NOTIFY_MAIL") == []
