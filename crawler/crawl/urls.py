"""Canonical URLs: one spelling per article, whatever feed, tracking tag or port led to it."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, safe_url_string

# Query parameters that identify a campaign or a click, never the article.
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "piwik_", "hsa_", "_hs", "ga_")
TRACKING_PARAMS = {
    "fbclid",
    "gclid",
    "dclid",
    "gclsrc",
    "msclkid",
    "yclid",
    "igshid",
    "mkt_tok",
    "ocid",
    "cmpid",
    "_ga",
    "_gl",
    "ref_src",
    "spm",
    "share",
    "s_cid",
    "rss",
    "from",
    "at_medium",
    "at_campaign",
}
DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters, sorted
    query."""
    url = safe_url_string(url.strip())
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username or parts.password:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    )
    path = parts.path or "/"
    cleaned = urlunsplit((scheme, netloc, path, query, ""))
    return canonicalize_url(cleaned, keep_fragments=False)


def same_site(url: str, allowed_domains: tuple[str, ...] | list[str]) -> bool:
    """Whether url's host is one of allowed_domains or a subdomain of one."""
    host = (urlsplit(url).hostname or "").lower()
    return any(
        host == d or host.endswith("." + d)
        for d in (d.lower().lstrip(".") for d in allowed_domains)
    )
