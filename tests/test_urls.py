"""crawler.crawl.urls: one canonical spelling per article URL, and the same-site test for allowed
domains."""

from __future__ import annotations

import pytest

from crawler.crawl.urls import canonical_url, same_site, url_problem


@pytest.mark.parametrize(
    "url, expected",
    [
        (
            "https://wire.example.org/news/a.html?utm_source=rss&utm_medium=feed&utm_campaign=asean",
            "https://wire.example.org/news/a.html",
        ),
        (
            "https://wire.example.org/news/a.html?UTM_Source=rss&id=5",
            "https://wire.example.org/news/a.html?id=5",
        ),
        (
            "https://wire.example.org/news/a.html?fbclid=IwAR0abc&gclid=xyz",
            "https://wire.example.org/news/a.html",
        ),
        (
            "https://wire.example.org/news/a.html?id=5&fbclid=IwAR0abc&utm_content=top",
            "https://wire.example.org/news/a.html?id=5",
        ),
    ],
)
def test_tracking_parameters_removed(url: str, expected: str) -> None:
    """utm_* (any case), fbclid and gclid are dropped; the article's own parameters stay."""
    assert canonical_url(url) == expected


def test_fragment_removed() -> None:
    """The #fragment never identifies a different article."""
    assert (
        canonical_url("https://wire.example.org/news/a.html#comments")
        == "https://wire.example.org/news/a.html"
    )


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://wire.example.org:443/news/a.html", "https://wire.example.org/news/a.html"),
        ("http://wire.example.org:80/news/a.html", "http://wire.example.org/news/a.html"),
        ("http://wire.example.org:8080/news/a.html", "http://wire.example.org:8080/news/a.html"),
        ("https://wire.example.org:80/news/a.html", "https://wire.example.org:80/news/a.html"),
    ],
)
def test_default_port_removed_other_ports_kept(url: str, expected: str) -> None:
    """The scheme's default port is dropped; any other port (including 80 on https) is part of the
    address."""
    assert canonical_url(url) == expected


def test_scheme_and_host_lower_cased_path_case_kept() -> None:
    """Scheme and host are case-insensitive and lower-cased; the path is case-sensitive and kept."""
    assert (
        canonical_url("HTTPS://WIRE.Example.ORG/News/Story-A.html")
        == "https://wire.example.org/News/Story-A.html"
    )


def test_query_order_normalized() -> None:
    """The same parameters in any order give the same URL."""
    a = canonical_url("https://wire.example.org/search?q=asean&page=2&lang=en")
    b = canonical_url("https://wire.example.org/search?lang=en&q=asean&page=2")
    assert a == b == "https://wire.example.org/search?lang=en&page=2&q=asean"


@pytest.mark.parametrize(
    "url",
    [
        "https://wire.example.org/article.php?id=1268431",
        "https://wire.example.org/news?cat=world&p=3",
        "https://wire.example.org/read?aid=77&lang=vi",
    ],
)
def test_non_tracking_parameters_kept(url: str) -> None:
    """Parameters that select the article (id, cat, p, aid, lang) survive canonicalisation."""
    assert canonical_url(url) == url


def test_equivalent_spellings_collapse_to_one() -> None:
    """A feed link, a tracked share link and a sitemap link of one article canonicalise to one
    URL."""
    spellings = [
        "https://Wire.Example.org:443/article.php?id=9&utm_source=twitter#top",
        "https://wire.example.org/article.php?fbclid=abc&id=9",
        "https://wire.example.org/article.php?id=9",
    ]
    assert len({canonical_url(u) for u in spellings}) == 1


def test_non_ascii_path_is_percent_encoded_consistently() -> None:
    """A Vietnamese slug written raw or percent-encoded gives the same canonical URL."""
    raw = canonical_url("https://wire.example.vn/tin/hà-nội")
    encoded = canonical_url("https://wire.example.vn/tin/h%C3%A0-n%E1%BB%99i")
    assert raw == encoded == "https://wire.example.vn/tin/h%C3%A0-n%E1%BB%99i"


@pytest.mark.parametrize(
    "url, domains, expected",
    [
        ("https://bernama.example.com/news/a", ["bernama.example.com"], True),
        ("https://www.bernama.example.com/news/a", ["bernama.example.com"], True),
        ("https://en.news.bernama.example.com/a", ["bernama.example.com"], True),
        ("https://BERNAMA.Example.com/a", ["bernama.example.com"], True),
        ("https://bernama.example.com/a", [".Bernama.Example.com"], True),
        ("https://bernama.example.com:8443/a", ["bernama.example.com"], True),
        ("https://evilbernama.example.com/a", ["bernama.example.com"], False),
        ("https://bernama.example.com.attacker.example/a", ["bernama.example.com"], False),
        ("https://example.com/a", ["bernama.example.com"], False),
        ("https://antara.example.id/a", ["bernama.example.com", "antara.example.id"], True),
        ("not a url", ["bernama.example.com"], False),
    ],
)
def test_same_site(url: str, domains: list[str], expected: bool) -> None:
    """same_site accepts the allowed domain and its subdomains (any case, any port, a leading dot in
    the setting), and rejects look-alikes that merely end with or contain the domain's letters."""
    assert same_site(url, domains) is expected


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://127.0.0.1:99999/x", "port"),
        ("http://xn--a.example/y", "international"),
        ("http://exa mple.com/a", "space"),
        ("http://example.com/\x1b]0;x\x07", "control"),
        ("http://[::1/x", "malformed"),
        ("http:///path-only", "no host"),
    ],
)
def test_url_problem_names_what_is_wrong(url: str, why: str) -> None:
    """Each kind of malformed link gets a reason a user can read; good links get none."""
    assert why in (url_problem(url) or "").lower()
    assert url_problem("https://www.bernama.com/en/news.php?id=1") is None
    assert url_problem("http://exämple.com/ü") is None
