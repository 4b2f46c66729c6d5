"""Canonical URLs: one spelling per article, whatever feed, tracking tag or port led to it."""

from __future__ import annotations

import encodings.idna as idna
import re
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


CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def url_problem(url: str) -> str | None:
    """Why a link cannot be requested (a bad port, a bad IDNA host, control characters...), or
    None."""
    if CONTROL_CHARS.search(url.strip()):
        return "control characters in the URL"
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - reading it checks the port's range
    except ValueError as exc:
        return f"malformed URL: {exc}"
    host = parts.hostname or ""
    if parts.scheme.lower() in ("http", "https") and not host:
        return "no host in the URL"
    if any(c.isspace() for c in host):
        return "space in the host name"
    for label in host.split("."):
        if label.lower().startswith("xn--"):
            try:
                idna.ToUnicode(label)
            except UnicodeError as exc:
                return f"bad international host name {host!r}: {exc}"
    try:
        canonical_url(url)
    except (ValueError, UnicodeError) as exc:
        return f"malformed URL: {exc}"
    return None
