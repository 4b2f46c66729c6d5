"""End-to-end crawl throughput and CPU cost per article, against a generated wire site on 127.0.0.1.

Run by hand (it is not a test):

    /work/venv/bin/python benchmarks/crawl_throughput.py [--pages 2000] [--feeds 20] [--workers K]

What it does:
  1. generates, in a temporary folder, N article pages of realistic size (4-6 KB of article text in
     6-10 paragraphs, inside a page with head metadata, navigation, breadcrumbs, a sidebar, related
     links and a footer) and RSS 2.0 feeds listing them (--feeds feeds, N/feeds items each). The
     text is made of original sentences assembled by a seeded random generator, so every page
     differs and the run is repeatable;
  2. serves the folder with crawler.demo.server.SiteServer in a separate process (so the server does
     not take the crawl's GIL; it still shares the machine's cores, and its CPU time is reported
     apart);
  3. writes a config with one [[sources]] entry per feed (delay 0, no autothrottle, concurrency 32,
     16 per domain, robots.txt not fetched) and runs
     `wirewatch --config CFG --db DB crawl --no-progress` as a subprocess: wall time, and CPU time
     of the crawl process and all its descendants (the extraction workers, the resource tracker)
     from getrusage(RUSAGE_CHILDREN) before and after;
  4. checks that the database holds N articles;
  5. times trafilatura alone on the same pages, in this process on one core, with the exact call
     that crawler/extract.py makes (trafilatura.bare_extraction and its arguments), as the floor to
     compare with.

Goals: >= 80 articles/s end to end, and pipeline CPU per article <= 1.3 x trafilatura's CPU per
article.

To look for where the time goes: the CPU time is shown apart for the crawling process and for the
extraction workers; --profile FILE runs the crawl's main process under cProfile, and
--profile-workers DIR has each worker write its own profile there (WIREWATCH_PROFILE_DIR);
--set NAME=VALUE passes an extra Scrapy setting to try a change (e.g. --set CONCURRENT_ITEMS=1);
--db-dir /dev/shm puts the database on tmpfs, which takes the per-commit fsync out of the picture.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fixtures import CITIES, FeedItem, Slots, rss_feed, start_site_server, stop_site_server
from procs import (  # benchmarks/procs.py
    become_subreaper,
    children_cpu,
    cpu_at_exit,
    reap_orphans,
)

GOAL_RATE = 80.0
GOAL_RATIO = 1.3
SEED = 20240611

# -- an original vocabulary for generated wire copy ------------------------------------------------

COUNTRIES = [
    "Indonesia",
    "Viet Nam",
    "Malaysia",
    "the Philippines",
    "Thailand",
    "Cambodia",
    "Laos",
    "Singapore",
    "Brunei",
    "Myanmar",
    "Timor-Leste",
    "Japan",
    "the Republic of Korea",
    "China",
    "India",
    "Australia",
    "New Zealand",
    "the European Union",
    "Russia",
    "the United States",
    "Canada",
]
OFFICIALS = [
    "the foreign minister",
    "the trade minister",
    "a deputy prime minister",
    "the senior economic official",
    "the ambassador",
    "the chief negotiator",
    "a spokesperson for the ministry",
    "the permanent secretary",
    "the director-general for regional affairs",
    "the energy minister",
    "the head of the investment board",
    "the transport minister",
    "a senior defence official",
]
NAMES = [
    "Arif Santoso",
    "Nguyen Thi Lan",
    "Farah Aziz",
    "Maria Dela Cruz",
    "Somchai Rattanakul",
    "Sok Dara",
    "Bounmy Phommachanh",
    "Tan Wei Ling",
    "Hajah Noraini",
    "Kyaw Min Thu",
    "Ana Soares",
    "Kenji Morita",
    "Park Ji-won",
    "Li Wenjie",
    "Priya Raman",
    "Olivia Hart",
    "Marcus Webb",
    "Elena Sokolova",
    "Daniel Okafor",
    "Ines Laurent",
]
TOPICS = [
    "the free trade agreement",
    "the digital economy framework",
    "maritime cooperation",
    "the clean energy partnership",
    "supply chains for electric vehicle batteries",
    "food security",
    "disaster management",
    "the regional power grid",
    "tariff reductions on farm goods",
    "customs modernisation",
    "cross-border payments",
    "tourism recovery",
    "fisheries management",
    "vocational training",
    "public health preparedness",
    "the semiconductor supply chain",
    "rice export quotas",
    "port infrastructure",
    "climate finance",
    "the rules of origin chapter",
]
VERBS = [
    "agreed to speed up work on",
    "pledged fresh support for",
    "reviewed progress on",
    "called for a swift conclusion of talks on",
    "signed a memorandum on",
    "set out a road map for",
    "raised concerns about delays in",
    "welcomed the first results of",
    "proposed a joint task force on",
    "launched a consultation on",
    "discussed financing options for",
    "reaffirmed commitment to",
]
NUMBERS = [
    "1.2 billion US dollars",
    "340 million euros",
    "15 percent",
    "nine projects",
    "27 working groups",
    "4,500 jobs",
    "two years",
    "a five-year plan",
    "12 provinces",
    "3.8 percent",
    "6,200 tonnes",
    "about 40 companies",
    "eight ports",
    "18 months",
    "60 scholarships",
    "2.7 trillion rupiah",
]
CONNECT = [
    "Meanwhile,",
    "In addition,",
    "At the same time,",
    "Separately,",
    "Earlier this week,",
    "According to the ministry,",
    "Officials noted that",
    "Analysts said",
    "Under the plan,",
    "During the meeting,",
    "On the sidelines of the talks,",
    "In a joint statement,",
]
QUOTES = [
    "We are moving from promises to projects that people can see",
    "Trade that is open and predictable serves every member of our region",
    "The next round must turn the framework into concrete commitments",
    "Small businesses should be the first to feel the benefits",
    "We want these corridors to carry goods, data and clean power",
    "Our partners know that the door to dialogue remains open",
    "This is a long road, but the direction is clear",
    "Farmers and fishers cannot wait for another decade of talks",
]
SECTIONS = [
    "world",
    "business",
    "politics",
    "asean",
    "economy",
    "environment",
    "technology",
    "society",
]
TAGS = [
    "trade",
    "diplomacy",
    "energy",
    "investment",
    "maritime",
    "climate",
    "agriculture",
    "transport",
    "health",
    "digital",
]
POOLS: dict[str, list[str]] = {
    "city": CITIES,
    "country": COUNTRIES,
    "official": OFFICIALS,
    "name": NAMES,
    "topic": TOPICS,
    "verb": VERBS,
    "number": NUMBERS,
    "connect": CONNECT,
    "quote": QUOTES,
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
}
SENTENCES = [
    "{connect} {official} of {country} {verb} {topic}, covering {number}.",
    "\u201c{quote},\u201d said {name}, {official} of {country}.",
    (
        "The two sides {verb} {topic} and {topic2}, with {number} set aside for the first phase"
        " in {city}."
    ),
    (
        "{name} told reporters in {city} that talks on {topic} would resume within {number}, after"
        " {country} tabled a revised offer."
    ),
    "Figures released on {weekday} showed {number} in new commitments linked to {topic}.",
]
SENTENCE_CUM_WEIGHTS = [0.35, 0.55, 0.75, 0.9, 1.0]
TITLE = "{country} and {country2} {verb} {topic}"


def _sentence(slots: Slots) -> str:
    return slots.fill(slots.rng.choices(SENTENCES, cum_weights=SENTENCE_CUM_WEIGHTS)[0])


def _paragraph(slots: Slots, budget: int) -> str:
    """Sentences up to budget characters: unlike a body, a paragraph stops short of its budget."""
    out: list[str] = []
    size = 0
    while True:
        s = _sentence(slots)
        if out and size + len(s) > budget:
            return " ".join(out)
        out.append(s)
        size += len(s) + 1


@dataclass
class Article:
    idx: int
    path: str  # URL path, starting with /
    title: str
    summary: str
    published: datetime
    section: str
    author: str
    paragraphs: list[str]


def make_article(idx: int, slots: Slots, start: datetime) -> Article:
    rng = slots.rng
    section = rng.choice(SECTIONS)
    title = slots.fill(TITLE)
    published = start - timedelta(minutes=7 * idx + rng.randrange(7))
    slug = "-".join(w.lower() for w in title.replace(",", "").split()[:8])
    slug = "".join(c for c in slug if c.isalnum() or c == "-")
    path = f"/{section}/{published:%Y/%m/%d}/{slug}-{100000 + idx}.html"
    n_paras = rng.randint(6, 10)
    target = rng.randint(4100, 5900)  # characters of article text
    city = rng.choice(CITIES).upper()
    paragraphs = [
        _paragraph(slots, max(120, target // n_paras + rng.randint(-80, 80)))
        for _ in range(n_paras)
    ]
    paragraphs[0] = f"{city}, {published:%b} {published.day} (WW) -- {paragraphs[0]}"
    size = sum(len(p) + 1 for p in paragraphs)
    while size < target:  # top up: a paragraph stops short of its budget rather than run over it
        s = _sentence(slots)
        if size + len(s) > 6000:
            break
        i = rng.randrange(n_paras)
        paragraphs[i] += " " + s
        size += len(s) + 1
    return Article(
        idx,
        path,
        title,
        paragraphs[0][:220].rsplit(" ", 1)[0] + " …",
        published,
        section,
        rng.choice(NAMES),
        paragraphs,
    )


def _links(rng: random.Random, articles: list[Article], k: int) -> list[Article]:
    return rng.sample(articles, min(k, len(articles)))


def _page_furniture(
    rng: random.Random, articles: list[Article], budget: int
) -> tuple[str, str, str]:
    """The bulk that makes a news page real-sized: a mega menu, an inline stylesheet and scripts,
    and rails of teasers (headline and summary), up to about `budget` bytes. All of it is
    boilerplate to the extractor."""
    esc = html.escape
    menu = "".join(
        f'<li class="menu-col"><a href="/{s}/">{s.title()}</a><ul>'
        + "".join(f'<li><a href="/{s}/{t}/">{t.replace("-", " ").title()}</a></li>' for t in TAGS)
        + "</ul></li>"
        for s in SECTIONS
    )
    css = "".join(
        f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{i * 2654435761 % 0xFFFFFF:06x}}}"
        for i in range(budget // 40 // 4)
    )
    script = json.dumps(
        {
            "ads": [
                {
                    "slot": f"div-gpt-{i}",
                    "sizes": [[300, 250], [728, 90]],
                    "targeting": {"section": rng.choice(SECTIONS), "pos": i},
                }
                for i in range(budget // 4 // 110)
            ]
        }
    )
    teasers = []
    size = len(menu) + len(css) + len(script)
    while size < budget:
        o = rng.choice(articles)
        t = (
            f'<div class="teaser"><a href="@@BASE@@{o.path}"><h3>{esc(o.title)}</h3></a>'
            f'<p>{esc(o.summary)}</p><span class="when">{o.published:%d %b %Y}</span></div>'
        )
        teasers.append(t)
        size += len(t)
    head = f"<style>{css}</style><script>window.__CONFIG__={script};</script>"
    return head, f'<nav class="mega-menu"><ul>{menu}</ul></nav>', "".join(teasers)


def render_page(a: Article, rng: random.Random, articles: list[Article], page_kb: int = 0) -> str:
    esc = html.escape
    extra_head, mega_menu, teasers = (
        _page_furniture(rng, articles, page_kb * 1024 - 11_000) if page_kb else ("", "", "")
    )
    nav = "".join(f'<li><a href="/{s}/">{s.title()}</a></li>' for s in SECTIONS)
    most_read = "".join(
        f'<li><a href="@@BASE@@{o.path}">{esc(o.title)}</a></li>' for o in _links(rng, articles, 8)
    )
    related = "".join(
        f'<li><a href="@@BASE@@{o.path}">{esc(o.title)}</a>'
        f'<span class="when">{o.published:%d %b %Y}</span></li>'
        for o in _links(rng, articles, 4)
    )
    tags = "".join(f'<a class="tag" href="/tag/{t}/">{t}</a> ' for t in rng.sample(TAGS, 3))
    body = []
    for i, p in enumerate(a.paragraphs):
        body.append(f"<p>{esc(p)}</p>")
        if i == 2:
            body.append(
                '<div class="inline-ad" aria-hidden="true"><span>Advertisement</span></div>'
            )
        if i == 4 and len(a.paragraphs) > 6:
            other = rng.choice(articles)
            body.append(
                '<aside class="read-also"><strong>Read also:</strong> '
                f'<a href="@@BASE@@{other.path}">'
                f"{esc(other.title)}</a></aside>"
            )
    iso = a.published.isoformat()
    jsonld = (
        f'{{"@context":"https://schema.org","@type":"NewsArticle","headline":{json.dumps(a.title)},'
        f'"datePublished":"{iso}","author":{{"@type":"Person","name":"{a.author}"}},'
        '"publisher":{"@type":"Organization","name":"Wire Watch Bench"}}'
    )
    # the template's longest lines, named so that each source line stays within 100 characters
    data_layer = (
        "<script>window.dataLayer=window.dataLayer||[];"
        f'dataLayer.push({{"section":"{a.section}","id":{a.idx}}});</script>'
    )
    search = (
        '<form class="search" action="/search"><input name="q" placeholder="Search">'
        "<button>Go</button></form>"
    )
    ticker = (
        '<div class="ticker">'
        "Markets: JCI +0.4% · KLCI -0.1% · SET +0.2% · PSEi +0.6% · VN-Index -0.3%</div>"
    )
    breadcrumb = (
        '<div class="breadcrumb"><a href="/">Home</a> › '
        f'<a href="/{a.section}/">{a.section.title()}</a></div>'
    )
    lead_image = (
        f'<figure class="lead-image"><img src="/img/{a.idx}.jpg" alt="">'
        "<figcaption>File photo.</figcaption></figure>"
    )
    newsletter = (
        '<section class="newsletter"><h2>Newsletter</h2>'
        "<p>The region's trade and diplomacy news, every morning.</p>\n"
        '      <form action="/subscribe"><input type="email" name="email">'
        "<button>Subscribe</button></form></section>"
    )
    rights = (
        "<p>© 2024 Wire Bench News. All rights reserved."
        " Reproduction without permission is prohibited.</p>"
    )
    cookies = (
        '<div class="cookie-notice">We use cookies to improve your experience.'
        " <button>Accept</button></div>"
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(a.title)} | Wire Bench News</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{esc(a.summary)}">
<meta property="og:title" content="{esc(a.title)}">
<meta property="og:type" content="article">
<meta property="og:url" content="@@BASE@@{a.path}">
<meta property="article:published_time" content="{iso}">
<meta property="article:section" content="{a.section}">
<meta name="author" content="{esc(a.author)}">
<link rel="canonical" href="@@BASE@@{a.path}">
<link rel="stylesheet" href="/static/site.css">
<script type="application/ld+json">{jsonld}</script>
{data_layer}
{extra_head}
</head>
<body class="article-page">
<header class="site-header">
  <a class="logo" href="/">Wire Bench News</a>
  <nav class="main-nav"><ul>{nav}</ul></nav>
  {mega_menu}
  {search}
  {ticker}
</header>
{breadcrumb}
<main class="layout">
  <article class="story">
    <h1 class="headline">{esc(a.title)}</h1>
    <div class="byline">By <span class="author">{esc(a.author)}</span> ·
      <time class="published" datetime="{iso}">{a.published:%d %B %Y %H:%M}</time></div>
    {lead_image}
    <div class="story-body">
      {"".join(body)}
    </div>
    <div class="tags">{tags}</div>
    <div class="share">Share: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">LinkedIn</a>
      <a href="#">Email</a></div>
  </article>
  <aside class="sidebar">
    <section class="most-read"><h2>Most read</h2><ol>{most_read}</ol></section>
    {newsletter}
  </aside>
</main>
<section class="related"><h2>Related stories</h2><ul>{related}</ul></section>
<section class="more-news"><h2>More news</h2>{teasers}</section>
<footer class="site-footer">
  <ul><li><a href="/about/">About us</a></li><li><a href="/contact/">Contact</a></li>
  <li><a href="/privacy/">Privacy policy</a></li><li><a href="/terms/">Terms of use</a></li>
  <li><a href="/rss/">RSS feeds</a></li></ul>
  {rights}
  {cookies}
</footer>
<script src="/static/app.js" defer></script>
</body>
</html>
"""


def generate_site(root: Path, pages: int, feeds: int, page_kb: int = 0) -> list[Article]:
    slots = Slots(random.Random(SEED), POOLS)
    start = datetime(2024, 6, 11, 9, 0, tzinfo=UTC)
    articles = [make_article(i, slots, start) for i in range(pages)]
    for a in articles:
        target = root / a.path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_page(a, slots.rng, articles, page_kb), "utf-8")
    (root / "feeds").mkdir(exist_ok=True)
    for f in range(feeds):
        items = [
            FeedItem(a.title, a.path, a.published, a.section, a.summary) for a in articles[f::feeds]
        ]
        feed = rss_feed(
            items,
            title=f"Wire Bench News feed {f + 1}",
            description="Generated articles for the wirewatch throughput benchmark",
            language="en",
            built=start,
        )
        (root / "feeds" / f"feed-{f + 1:02d}.xml").write_text(feed, "utf-8")
    return articles


def write_config(path: Path, base: str, feeds: int) -> None:
    lines = [
        "# generated by benchmarks/crawl_throughput.py",
        "[crawl]",
        "delay = 0.0",
        "autothrottle = false",
        "concurrency = 32",
        "concurrency_per_domain = 16",
        "robots_obey = false",
        "",
    ]
    for f in range(feeds):
        lines += [
            "[[sources]]",
            f'name = "bench-{f + 1:02d}"',
            'kind = "feed"',
            'agency = "WW"',
            'language = "en"',
            f'urls = ["{base}/feeds/feed-{f + 1:02d}.xml"]',
            'allowed_domains = ["127.0.0.1"]',
            "",
        ]
    path.write_text("\n".join(lines), "utf-8")


# -- trafilatura alone -----------------------------------------------------------------------------


def trafilatura_alone(
    root: Path, base: str, articles: list[Article], fallbacks: bool = False
) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, pages with text) for trafilatura on every page, as
    crawler/extract.py calls it; with `fallbacks`, as it was called before `fast` (readability and
    jusText tried as well), the floor the goal was first set against."""
    import trafilatura

    from crawler.extract.article import TRAFILATURA_OPTIONS

    options = {**TRAFILATURA_OPTIONS, "fast": not fallbacks}
    pages = [
        (base + a.path, (root / a.path.lstrip("/")).read_text("utf-8").replace("@@BASE@@", base))
        for a in articles
    ]

    def run(url: str, page: str) -> bool:
        # The same call and arguments as crawler.extract.article.extract_article.
        doc = trafilatura.bare_extraction(page, url=url, **options)
        return bool(doc is not None and (getattr(doc, "text", None) or "").strip())

    for url, page in pages[:3]:  # warm-up: first-call costs
        run(url, page)
    c0, w0 = time.process_time(), time.perf_counter()
    ok = sum(run(url, page) for url, page in pages)
    return time.process_time() - c0, time.perf_counter() - w0, ok


# -- main ------------------------------------------------------------------------------------------


def wirewatch_command() -> list[str]:
    script = Path(sys.executable).parent / "wirewatch"
    if script.is_file():
        return [str(script)]
    found = shutil.which("wirewatch")
    return [found] if found else [sys.executable, "-m", "crawler.cli"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--pages", type=int, default=2000, help="articles to generate and crawl (default 2000)"
    )
    ap.add_argument("--feeds", type=int, default=20, help="RSS feeds, one source each (default 20)")
    ap.add_argument(
        "--page-kb",
        type=int,
        default=100,
        help="page size in KB, padded with real-site furniture: mega menu, inline CSS and scripts,"
        " teaser rails (default 100, about the median of the ScrapingHub set; 0: bare 12 KB pages)",
    )
    ap.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="K",
        help="extraction workers, as -s WIREWATCH_EXTRACT_WORKERS=K"
        " (default: wirewatch's own, one per CPU)",
    )
    ap.add_argument(
        "--backlog", type=int, default=1024, help="listen backlog of the test server (default 1024)"
    )
    ap.add_argument(
        "--keep", action="store_true", help="keep the generated site, config and database"
    )
    ap.add_argument("--skip-trafilatura", action="store_true", help="do not time trafilatura alone")
    ap.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra Scrapy setting for the crawl, passed as -s NAME=VALUE (to try a change)",
    )
    ap.add_argument(
        "--db-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="put the database in DIR instead of the temp folder (e.g. /dev/shm to take fsync out)",
    )
    ap.add_argument(
        "--profile",
        type=Path,
        metavar="FILE",
        help="run the crawl's main process under cProfile, writing its stats to FILE",
    )
    ap.add_argument(
        "--profile-workers",
        type=Path,
        metavar="DIR",
        help="have each extraction worker profile itself into DIR/worker-PID.prof",
    )
    args = ap.parse_args(argv)
    if args.pages <= 0 or args.feeds <= 0 or args.feeds > args.pages:
        ap.error("--pages and --feeds must be positive, with no more feeds than pages")

    tmp = Path(tempfile.mkdtemp(prefix="wirewatch-bench-"))
    root = tmp / "site"
    root.mkdir()
    server = None
    db_tmp: Path | None = None
    try:
        t0 = time.perf_counter()
        articles = generate_site(root, args.pages, args.feeds, args.page_kb)
        sizes = [(root / a.path.lstrip("/")).stat().st_size for a in articles]
        text = [sum(len(p) for p in a.paragraphs) for a in articles]
        print(
            f"site: {args.pages} pages (HTML {min(sizes) / 1024:.1f}-{max(sizes) / 1024:.1f} KB, "
            f"mean {sum(sizes) / len(sizes) / 1024:.1f} KB; article text {min(text) / 1024:.1f}-"
            f"{max(text) / 1024:.1f} KB in {min(len(a.paragraphs) for a in articles)}-"
            f"{max(len(a.paragraphs) for a in articles)} paragraphs), {args.feeds} RSS feeds, "
            f"generated in {time.perf_counter() - t0:.1f} s at {tmp}"
        )

        subreaper = become_subreaper()
        server, base = start_site_server(root, who="crawl_throughput", backlog=args.backlog)
        cfg, db = tmp / "bench.toml", tmp / "bench.db"
        if args.db_dir is not None:
            db_tmp = Path(tempfile.mkdtemp(prefix="wirewatch-bench-db-", dir=args.db_dir))
            db = db_tmp / "bench.db"
        write_config(cfg, base, args.feeds)
        cmd = [
            *wirewatch_command(),
            "--config",
            str(cfg),
            "--db",
            str(db),
            "crawl",
            "--no-progress",
        ]
        if args.workers is not None:
            cmd += ["-s", f"WIREWATCH_EXTRACT_WORKERS={args.workers}"]
        for item in args.overrides:
            cmd += ["-s", item]
        print(f"server: {base} (separate process, pid {server.pid})")
        print(
            "crawl:  "
            + " ".join(
                cmd[:1]
                + [
                    c if not c.startswith(str(tmp)) else "$TMP" + c[len(str(tmp)) :]
                    for c in cmd[1:]
                ]
            )
        )
        if db.parent != tmp:
            print(f"database: {db}")

        if args.profile:
            cmd = [sys.executable, "-m", "cProfile", "-o", str(args.profile.resolve()), *cmd]
            print(
                f"profiling the crawl's main process into {args.profile}"
                " (CPU figures below include the profiler's overhead)"
            )
        env = dict(os.environ)
        if args.profile_workers:
            args.profile_workers.mkdir(parents=True, exist_ok=True)
            env["WIREWATCH_PROFILE_DIR"] = str(args.profile_workers.resolve())
            print(f"profiling each extraction worker into {args.profile_workers}/worker-PID.prof")
        out_path, err_path = tmp / "crawl.out", tmp / "crawl.err"
        with out_path.open("w") as out, err_path.open("w") as err:
            cpu0, w0 = children_cpu(), time.perf_counter()
            proc = subprocess.Popen(
                cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=tmp, env=env
            )
            # The crawl's main process reaps its extraction workers: its own CPU and theirs are
            # read from its zombie before wait4 adds them up. What outlives it (multiprocessing's
            # resource tracker, a worker not yet joined) is reaped here as an orphan.
            main_cpu, workers_cpu = cpu_at_exit(proc.pid)
            _, status, _ = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - w0
            proc.returncode = os.waitstatus_to_exitcode(status)
            reaped, orphan_cpu = reap_orphans({server.pid})
            cpu = children_cpu() - cpu0
        stdout, stderr = out_path.read_text(), err_path.read_text()
        if proc.returncode != 0:
            print(stdout + stderr, file=sys.stderr)
            print(
                f"crawl_throughput: wirewatch crawl exited with {proc.returncode}", file=sys.stderr
            )
            return 1
        warnings = [ln for ln in stderr.splitlines() if ln.strip()]

        con = sqlite3.connect(str(db))
        try:
            stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            runs = con.execute(
                "SELECT MIN(started_at), MAX(finished_at), SUM(pages), SUM(errors) FROM crawl_runs"
            ).fetchone()
            bad = con.execute(
                "SELECT outcome, COUNT(*) FROM url_outcomes WHERE kind = 'article' GROUP BY outcome"
            ).fetchall()
        finally:
            con.close()

        srv_cpu = stop_site_server(server)
        server = None

        window = None
        if runs[0] and runs[1]:
            window = (
                datetime.fromisoformat(runs[1]) - datetime.fromisoformat(runs[0])
            ).total_seconds()

        print()
        status = "OK" if stored == args.pages else f"MISMATCH, expected {args.pages}"
        print(f"articles stored:                    {stored} ({status})")
        print(
            f"responses (seeds + articles):       {runs[2] or 0}, errors {runs[3] or 0}"
            + (f", article outcomes without an article: {dict(bad)}" if bad else "")
        )
        if warnings:
            print(
                f"crawl stderr:                       {len(warnings)} lines, "
                f"first: {warnings[0][:150]}"
            )
        rate = stored / wall if wall else 0.0
        print(
            f"wall time of `wirewatch crawl`:     {wall:.2f} s (process start to exit)"
            + (
                f"; {window:.2f} s from first run start to last run finish in crawl_runs"
                if window
                else ""
            )
        )
        print(
            f"articles/second end to end:         {rate:.1f}   (goal >= {GOAL_RATE:.0f}: "
            f"{'met' if rate >= GOAL_RATE else 'NOT met'})"
            + (f"; {stored / window:.1f} within the crawl window" if window else "")
        )
        per_article = cpu / stored if stored else float("nan")
        print(
            f"crawl CPU (process + children):     {cpu:.2f} s -> "
            f"{per_article * 1000:.2f} ms per article"
            f" ({cpu / wall:.2f} cores busy on average)"
            + ("" if subreaper else " [no subreaper: orphaned descendants not counted]")
        )
        n = max(stored, 1)
        print(
            f"  crawling process (Scrapy, store): {main_cpu:.2f} s -> "
            f"{main_cpu / n * 1000:.2f} ms per article"
        )
        print(
            f"  extraction workers:               {workers_cpu:.2f} s -> "
            f"{workers_cpu / n * 1000:.2f} ms per article"
        )
        print(
            f"  reaped here:                      {orphan_cpu:.2f} s -> "
            f"{orphan_cpu / n * 1000:.2f} ms per article"
            f" ({reaped} processes that outlived the crawl: resource tracker, workers)"
        )
        print(f"test server CPU (not counted):      {srv_cpu:.2f} s")

        if args.skip_trafilatura:
            return 0 if stored == args.pages else 1
        t_cpu, t_wall, t_ok = trafilatura_alone(root, base, articles)
        t_per = t_cpu / len(articles)
        print(
            f"trafilatura alone (1 core):         {t_cpu:.2f} s CPU, {t_wall:.2f} s wall -> "
            f"{t_per * 1000:.2f} ms "
            f"CPU per article ({t_ok}/{len(articles)} pages with text)"
        )
        ratio = per_article / t_per if t_per else float("nan")
        print(
            f"ratio pipeline / trafilatura CPU:   {ratio:.2f}   (goal <= {GOAL_RATIO:.1f}: "
            f"{'met' if ratio <= GOAL_RATIO else 'NOT met'})"
        )
        f_cpu, _, _ = trafilatura_alone(root, base, articles, fallbacks=True)
        f_per = f_cpu / len(articles)
        print(
            f"trafilatura with its fallbacks:     {f_per * 1000:.2f} ms CPU per article; ratio "
            f"pipeline / that {per_article / f_per:.2f}"
        )
        return 0 if stored == args.pages else 1
    finally:
        if server is not None:
            server.kill()
            server.wait()
        if args.keep:
            print(f"kept {tmp}" + (f" and {db_tmp}" if db_tmp else ""))
        else:
            shutil.rmtree(tmp, ignore_errors=True)
            if db_tmp is not None:
                shutil.rmtree(db_tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
