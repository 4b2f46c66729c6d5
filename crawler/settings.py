"""Scrapy settings for wirewatch: polite, bounded and safe by default.

Every value here can be overridden by the `[crawl]` table of wirewatch.toml and, per run, by
Scrapy's own `-s NAME=VALUE`, which wins over both.
"""

BOT_NAME = "wirewatch"

SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
# Builds one spider per configured source, beside the hand-written ones in spiders/.
SPIDER_LOADER_CLASS = "crawler.crawl.loader.SourceSpiderLoader"

USER_AGENT = "wirewatch/0.1 (+https://github.com/wirewatch/wirewatch; news monitoring)"

# Politeness
ROBOTSTXT_OBEY = True
# A host's robots.txt is kept in the database and used without a request for this many seconds after
# the server last confirmed it; then it is asked for again with a conditional GET.
WIREWATCH_ROBOTS_MAX_AGE = 24 * 3600.0
DOWNLOAD_DELAY = 1.0
CONCURRENT_REQUESTS = 16
# Each article response yields one item: more parallel item slots per response only cost asyncio
# tasks.
CONCURRENT_ITEMS = 4
CONCURRENT_REQUESTS_PER_DOMAIN = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

# Limits. The page limit applies after decompression (Scrapy >= 2.11.1); feeds and sitemaps get a
# smaller one.
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
WIREWATCH_SEED_MAXSIZE = 2 * 1024 * 1024
# DOWNLOAD_MAXSIZE counts body bytes only: response headers have their own limits (see
# crawler/crawl/headers.py). Sites behind nginx cannot send more headers than its 4-8 KiB proxy
# buffer, and Python's http.client refuses more than 100 header lines: 64 KiB and 100 lines leave
# real sites ample room and keep a header flood to a few pages' worth of memory.
WIREWATCH_HEADERS_MAXSIZE = 64 * 1024
WIREWATCH_HEADERS_MAXCOUNT = 100
DOWNLOAD_HANDLERS = {
    "http": "crawler.crawl.headers.HeaderLimitedDownloadHandler",
    "https": "crawler.crawl.headers.HeaderLimitedDownloadHandler",
}
DOWNLOAD_TIMEOUT = 30
REDIRECT_MAX_TIMES = 5
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# How many crawls in a row a URL that failed with 5xx or a timeout is tried again.
WIREWATCH_RETRY_RUNS = 5
# Longest Retry-After honoured within a run; a longer wait is left to the next crawl.
WIREWATCH_RETRY_AFTER_MAX = 60

# A crawl that outgrows this much resident memory (the crawling process's peak; extraction workers
# are separate processes) is closed with reason 'memusage_exceeded'. A normal crawl peaks near 150
# MB, plus about 9 MB per thousand articles in the stories window. The check is a system call, so it
# runs every second (Scrapy's default is a minute): a process can grow by 100 MB in one. Downloads
# in flight still end before the spider closes; what a single response may hold is bounded by the
# size and header limits above.
MEMUSAGE_ENABLED = True
MEMUSAGE_LIMIT_MB = 1024
MEMUSAGE_CHECK_INTERVAL_SECONDS = 1.0
# wirewatch reports the stop itself (the run row, the `wirewatch crawl` exit status): no mail.
MEMUSAGE_NOTIFY_MAIL: list[str] = []

# Attack surface off: no telnet console, no remote-control endpoint.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

COOKIES_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

DOWNLOADER_MIDDLEWARES = {
    # A public site must not steer requests into the local network (a link, a redirect, a robots.txt
    # Sitemap line, a DNS answer): after the off-site check, so off-site URLs stay `offsite`, and
    # before robots.txt is fetched for them.
    "crawler.crawl.addresses.PrivateAddressGuard": 75,
    # Replaced by a subclass that keeps each host's robots.txt in the database between crawls.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.crawl.robots.CachedRobotsTxtMiddleware": 100,
    # Replaced by a subclass that honours Retry-After and stays quiet about expected failures.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.crawl.middlewares.RetryAfterMiddleware": 550,
}

# The stages of the item pipeline, in order (see crawler/pipelines.py and crawler/items.py).
ITEM_PIPELINES = {
    "crawler.pipelines.ExtractPipeline": 100,
    "crawler.pipelines.StorePipeline": 300,
    "crawler.pipelines.StoriesPipeline": 500,
}

# What follows each source's crawl: rules over the stories it touched, then immediate alerts.
EXTENSIONS = {
    "crawler.alerts.followup.AlertsAfterCrawl": 500,
}

# Extraction runs in worker processes so the reactor keeps downloading; 0 means one per CPU.
WIREWATCH_EXTRACT_WORKERS = 0
# Seconds one page may take in a worker (extraction, then signature and actors); a page over it is
# a `too_slow` outcome, its worker is replaced, and later crawls try it again. 0: no limit.
WIREWATCH_EXTRACT_TIMEOUT = 30

# Each failed URL is logged once, on one line, by wirewatch itself.
# Scrapy parses each spider's source for a generator that returns a value, once per crawler: a
# warning meant for spider authors, which cost a few ms of every idle poll.
WARN_ON_GENERATOR_RETURN_VALUE = False

RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"
# A dropped item already has its outcome logged; Scrapy's own line (with the whole item) only at
# DEBUG.
DEFAULT_DROPITEM_LOG_LEVEL = "DEBUG"

# Stories: the actor gazetteer (default: data/gazetteer.toml) and how many days back near-duplicates
# are looked for.
WIREWATCH_GAZETTEER = ""
WIREWATCH_STORY_WINDOW_DAYS = 7.0
