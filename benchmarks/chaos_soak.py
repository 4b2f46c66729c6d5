"""A chaos soak of `wirewatch daemon` as a real process: hundreds of crawl cycles while processes
are killed, pages hang, servers flood headers and the mail and Slack servers fail, then a count of
what was hung, orphaned, lost or sent twice.

Run by hand (it is not a test):

    .venv/bin/python benchmarks/chaos_soak.py [--cycles 300] [--max-minutes 8] [--every 1s]
        [--sources 4] [--seed 7] [--timeout 20] [--fault-gap 8] [--publish-every 3]

Everything runs on 127.0.0.1 in a temporary folder (kept: its path is printed, with the daemon's
log, the fault log, chaos_soak.json, and what the SMTP server and the Slack stand-in received):
  - a wire site, one RSS feed per source, in its own process (hostile_site.HostileSite), to which
    new articles are added throughout (about one every --publish-every seconds), each titled with a
    unique marker word (Chaosmark0042k517); a third also carry the word Roundupnote;
  - the SMTP server and the Slack stand-in of the tests (tests/smtpserver.py,
    tests/slackserver.py), in this process;
  - `wirewatch daemon`: one [[crawl]] job per source, each --every with a --timeout time limit
    (download timeout 20 s, one retry, extract_timeout 6 s, delivery backoff 2 s to 15 s), a
    [[digest]] job every 20 s on both channels, housekeeping every 2 minutes; the rule `flash`
    (query chaosmark*, immediate) and the rule `roundup` (query roundupnote, digest) both feed the
    channels `mail` and `slack`.
Faults come one after another, a random gap apart (mean --fault-gap seconds), in rounds that hold
each kind (twice for the kills of crawls) in an order drawn by the seeded RNG; the three that stop
the daemon join the rounds only after 40% of the run (of --cycles or of --max-minutes), so that the
first daemon's memory is seen over minutes of all the others:
  kill-child      kill -9 of a running crawl child (the daemon's child whose command line holds
                  `crawler.cli ... crawl`), found in /proc
  kill-session    kill -9 of every process in such a child's session
  kill-daemon     kill -9 of the daemon, restarted 0.2-2 s later, as a service manager would
  term            SIGTERM to the daemon at a random moment: its exit time and status; restarted
  term-stuck      a page that never answers in time put in a feed, SIGTERM once that source's
                  crawl has been stuck on it for 6 s
  slow-page       a feed links a page answered after 60 s (past the job's time limit) for 20-45 s
  nested-page     a feed links a page of deeply nested <div>s (about 25 s of extraction)
  header-flood    a feed links a URL whose server sends header lines without end (up to 256 MiB)
  smtp-down       the SMTP server stopped for 10-30 s
  slack-500       the Slack stand-in answers 500 for 10-30 s
  slack-429       the Slack stand-in answers 429 with Retry-After 1-5 s for 10-30 s
A hostile link leaves its feed after its time, but a crawl may still ask for it: URLs that timed
out are retried by the next few crawls. When the crawl_runs table holds --cycles runs (or after
--max-minutes) the faults stop (hostile links leave the feeds, the servers answer again) and the
daemon is left to catch up: until every published article is stored and every alert delivered on
both channels, and each source has run twice more (at most --catchup seconds). Then a final
SIGTERM.

A watcher thread reads /proc every 0.25 s (crawl children, their sessions, their peak memory; this
process is the child subreaper, so orphans are reparented here and reaped), and each second the
daemon's resident memory and job_runs. The site logs each hostile answer (hostile-requests.log),
so a crawl child's peak memory is shown beside the hostile answers it was sent.

Goals: no hung job (a crawl child alive, or a job_runs row running, past its time limit plus the
daemon's 5 s stop grace and 5 s reap wait, while its daemon lives); no process of a crawl left
after a SIGTERM; no article lost; no more duplicate messages on a channel than deliveries cut off
by a kill on that channel (the `interrupted` rows of `deliveries`); every SIGTERM exit 0 within
10 s.
"""

from __future__ import annotations

import argparse
import contextlib
import heapq
import json
import os
import random
import re
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))  # the tests' SMTP server and Slack stand-in

from chaos_alerts import (  # noqa: E402 - benchmarks/chaos_alerts.py
    MARKER,
    ChannelCount,
    FaultySlack,
    Pair,
    count_channel,
    email_pairs,
    slack_pairs,
)
from chaos_watch import TICK_S, Child, Incarnation, Service, Watcher  # noqa: E402
from daemon_soak import (  # noqa: E402 - benchmarks/daemon_soak.py
    THINGS,
    article_page,
    clean_env,
    query,
    rss,
    source_entry,
    write_atomic,
)
from fixtures import CITIES, FeedItem, start_site_server, stop_site_server  # noqa: E402
from procs import become_subreaper, process_table  # noqa: E402

from crawler.daemon.children import REAP_WAIT_S, STOP_GRACE_S  # noqa: E402
from crawler.daemon.scheduler import EXIT_WITHIN_S  # noqa: E402
from tests.smtpserver import SMTPServer  # noqa: E402

DIGEST_WORD = "Roundupnote"
RULE_NOW, RULE_DIGEST = "flash", "roundup"
ROUND = [  # one round of faults; its order is drawn anew each round
    "kill-child",
    "kill-child",
    "kill-session",
    "kill-session",
    "kill-daemon",
    "term",
    "term-stuck",
    "slow-page",
    "nested-page",
    "header-flood",
    "smtp-down",
    "slack-500",
    "slack-429",
]
SLOW_PAGE_S = 60
FLOOD_MIB = 256
NESTED_BLOCKS = 150  # 250-deep <div>s, repeated: about 25 s of extraction on one core
STUCK_AFTER_S = 6.0
DAEMON_FAULTS = {"kill-daemon", "term", "term-stuck"}
STEADY = 0.4


# -- the site --------------------------------------------------------------------------------------


@dataclass
class Article:
    marker: str
    source: str
    published: float  # time.time() when its feed listed it
    digest: bool  # also matched by the digest rule


class Site:
    """The wire site's folder: one feed per source, rewritten whenever an article or a hostile link
    is added or removed. Only the main thread writes; the watcher asks which faults a feed lists."""

    def __init__(self, root: Path, sources: list[str], rng: random.Random) -> None:
        self.root = root
        self.rng = rng
        self.items: dict[str, list[FeedItem]] = {s: [] for s in sources}
        self.articles: dict[str, Article] = {}
        self.hostile: dict[str, tuple[str, str]] = {}  # path -> (source, kind), listed now
        self.listed: dict[str, tuple[str, str]] = {}  # the same, ever listed
        self.lock = threading.Lock()
        self.count = 0
        (root / "a").mkdir(parents=True)
        (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", "utf-8")
        for source in sources:
            self._write(source)

    def publish(self) -> Article:
        self.count += 1
        rng = self.rng
        marker = f"Chaosmark{self.count:04d}{rng.choice('abcdefghjkmnpqrstuvwxyz')}"
        marker += f"{rng.randint(100, 999)}"
        source = rng.choice(sorted(self.items))
        digest = self.count % 3 == 0
        title = f"{rng.choice(CITIES)} desk: {rng.choice(THINGS)} ({marker})"
        extra = f"The {marker} file was opened today. " + (f"{DIGEST_WORD}. " if digest else "")
        page = article_page(rng, title, rng.choice(CITIES), extra=extra)
        (self.root / "a" / f"{marker}.html").write_text(page, "utf-8")
        article = Article(marker, source, time.time(), digest)
        with self.lock:
            self.items[source].insert(0, FeedItem(title, f"/a/{marker}.html", datetime.now(UTC)))
            self.articles[marker] = article
            self._write(source)
        return article

    def add_hostile(self, kind: str) -> tuple[str, str]:
        """Link a hostile page from a random feed; (source, path)."""
        self.count += 1
        name = f"h{self.count}"
        amount = {"slow": SLOW_PAGE_S, "nested": NESTED_BLOCKS, "flood": FLOOD_MIB}[kind]
        path = f"/hostile/{'sleep' if kind == 'slow' else kind}/{amount}/{name}"
        source = self.rng.choice(sorted(self.items))
        with self.lock:
            self.items[source].insert(
                0, FeedItem(f"Hostile {kind} page {name}", path, datetime.now(UTC))
            )
            self.hostile[path] = self.listed[path] = (source, kind)
            self._write(source)
        return source, path

    def remove(self, path: str) -> None:
        with self.lock:
            source, _ = self.hostile.pop(path)
            self.items[source] = [i for i in self.items[source] if i.path != path]
            self._write(source)

    def kinds_in(self, source: str) -> list[str]:
        with self.lock:
            return sorted({k for s, k in self.hostile.values() if s == source})

    def _write(self, source: str) -> None:
        write_atomic(self.root / f"{source}.xml", rss(self.items[source]))


# -- faults ----------------------------------------------------------------------------------------


@dataclass
class TermSample:
    moment: str  # idle, crawling, stuck, final
    crawls: int  # crawl children running at the SIGTERM
    oldest_s: float  # age of the oldest
    seconds: float
    code: int
    left: int  # processes of its crawls alive 1 s after it exited


class Chaos:
    """The fault driver: a clock of events (publish an article, start or end a fault), run in the
    main thread."""

    def __init__(
        self,
        args: argparse.Namespace,
        rng: random.Random,
        site: Site,
        service: Service,
        watcher: Watcher,
        smtp: SMTPServer,
        slack: FaultySlack,
        log: Path,
    ) -> None:
        self.args = args
        self.rng = rng  # faults only: the site draws its articles from its own
        self.site = site
        self.service = service
        self.watcher = watcher
        self.smtp = smtp
        self.slack = slack
        self.log_path = log
        self.t0 = time.monotonic()
        self.events: list[tuple[float, int, str, Callable[[], None]]] = []
        self.seq = 0
        self.faults: list[dict[str, Any]] = []
        self.bag: list[str] = []
        self.smtp_up = True
        self.terms: list[TermSample] = []
        self.after_kill9: list[dict[str, Any]] = []  # crawl processes a kill -9 left running
        self.killed: set[int] = set()  # crawl children killed here

    # -- clock

    def at(self, delay: float, what: str, action: Callable[[], None]) -> None:
        self.seq += 1
        heapq.heappush(self.events, (time.monotonic() + delay, self.seq, what, action))

    def run_due(self) -> None:
        while self.events and self.events[0][0] <= time.monotonic():
            _, _, _, action = heapq.heappop(self.events)
            action()

    def finish(self) -> None:
        """Faults stop: every pending end of a fault happens now; nothing new starts."""
        pending, self.events = self.events, []
        for _, _, what, action in sorted(pending):
            if what == "end":
                action()

    def note(self, kind: str, **detail: Any) -> None:
        t = time.monotonic() - self.t0
        entry = {"t": round(t, 1), "at": datetime.now(UTC).isoformat(timespec="milliseconds")}
        entry |= {"kind": kind, **detail}
        self.faults.append(entry)
        words = " ".join(f"{k}={v}" for k, v in detail.items())
        line = f"{entry['at']} +{t:6.1f}s {kind} {words}"
        with self.log_path.open("a", encoding="utf-8") as f:
            f.write(line + "\n")
        print("  " + line[11:23] + line[29:], flush=True)

    # -- the steady work: articles

    def publish(self) -> None:
        self.site.publish()
        gap = self.site.rng.uniform(0.2, 2 * self.args.publish_every)
        self.at(gap, "publish", self.publish)

    # -- faults

    def next_fault(self) -> None:
        if not self.bag:
            self.bag = [k for k in ROUND if k not in DAEMON_FAULTS or self.daemon_faults_on()]
            self.rng.shuffle(self.bag)
        kind = self.bag.pop()
        getattr(self, "fault_" + kind.replace("-", "_"))()
        self.at(self.rng.expovariate(1 / self.args.fault_gap), "fault", self.next_fault)

    def daemon_faults_on(self) -> bool:
        """The first daemon is spared kill -9 and SIGTERM for the first STEADY part of the run, so
        its memory is seen over minutes of every other fault."""
        args = self.args
        elapsed = (time.monotonic() - self.t0) / 60 / args.max_minutes
        return max(elapsed, crawl_runs(self.service.db) / args.cycles) >= STEADY

    def sending(self) -> list[str]:
        rows = query(self.service.db, "SELECT channel FROM deliveries WHERE status = 'sending'")
        return sorted(r[0] for r in rows)

    def pick_crawl(self, wait: float = 5.0) -> Child | None:
        life = self.service.current
        deadline = time.monotonic() + wait
        while life is not None and time.monotonic() < deadline:
            # One just killed may not be reaped yet, and still look alive.
            running = [c for c in self.watcher.running_crawls(life.pid) if c.pid not in self.killed]
            if running:
                return self.rng.choice(sorted(running, key=lambda c: c.pid))
            time.sleep(TICK_S)
        return None

    def fault_kill_child(self, session: bool = False) -> None:
        child = self.pick_crawl()
        if child is None:
            self.note("kill-session" if session else "kill-child", skipped="no crawl running")
            return
        sending = self.sending()
        killed = [child.pid]
        if session:
            table = process_table().values()
            killed = [p.pid for p in table if p.sid == child.pid and p.state != "Z"]
        for pid in killed:
            with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
                os.kill(pid, signal.SIGKILL)
        self.killed.add(child.pid)
        self.note(
            "kill-session" if session else "kill-child",
            pid=child.pid,
            source=child.source,
            age=f"{time.time() - child.started:.1f}s",
            processes=len(killed),
            sending=",".join(sending) or "-",
        )

    def fault_kill_session(self) -> None:
        self.fault_kill_child(session=True)

    def fault_kill_daemon(self) -> None:
        sending = self.sending()
        life = self.service.kill()
        left = self.watcher.left_by(life.pid)
        self.after_kill9.append({"daemon": life.pid, "at": life.ended, "left": sorted(left)})
        self.note(
            "kill-daemon", pid=life.pid, left_running=len(left), sending=",".join(sending) or "-"
        )
        time.sleep(self.rng.uniform(0.2, 2.0))
        new = self.service.start()
        self.note("restart", pid=new.pid)

    def fault_term(self, stuck: str | None = None) -> None:
        life = self.service.current
        assert life is not None
        running = self.watcher.running_crawls(life.pid)
        now = time.time()
        oldest = max((now - c.started for c in running), default=0.0)
        hung_up = [c for c in running if now - c.started >= STUCK_AFTER_S and c.feed_faults]
        moment = "stuck" if stuck or hung_up else ("crawling" if running else "idle")
        sending = self.sending()
        self.service.terminate()
        time.sleep(1.0)
        left = self.watcher.left_by(life.pid)
        sample = TermSample(
            moment, len(running), oldest, life.stop_s or 0.0, code_of(life), len(left)
        )
        self.terms.append(sample)
        self.note(
            "term",
            pid=life.pid,
            moment=moment,
            crawls=len(running),
            oldest=f"{oldest:.1f}s",
            exit=life.code,
            seconds=f"{sample.seconds:.2f}",
            left=len(left),
            sending=",".join(sending) or "-",
        )
        new = self.service.start()
        self.note("restart", pid=new.pid)

    def fault_term_stuck(self) -> None:
        source, path = self.site.add_hostile("slow")
        self.note("slow-page", source=source, path=path, until="the SIGTERM and 20 s")
        life = self.service.current
        assert life is not None
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            stuck = [
                c
                for c in self.watcher.running_crawls(life.pid)
                if c.source == source and time.time() - c.started >= STUCK_AFTER_S
            ]
            if stuck:
                self.fault_term(stuck=source)
                break
            time.sleep(TICK_S)
        else:
            self.note("term-stuck", skipped=f"no crawl of {source} stuck for {STUCK_AFTER_S:.0f}s")
        self.at(20, "end", lambda: self.end_hostile(path))

    def hostile(self, kind: str) -> None:
        source, path = self.site.add_hostile(kind)
        lasts = self.rng.uniform(20, 45)
        self.note(
            f"{kind}-page" if kind != "flood" else "header-flood",
            source=source,
            path=path,
            lasts=f"{lasts:.0f}s",
        )
        self.at(lasts, "end", lambda: self.end_hostile(path))

    def end_hostile(self, path: str) -> None:
        self.site.remove(path)
        self.note("hostile-end", path=path)

    def fault_slow_page(self) -> None:
        self.hostile("slow")

    def fault_nested_page(self) -> None:
        self.hostile("nested")

    def fault_header_flood(self) -> None:
        self.hostile("flood")

    def fault_smtp_down(self) -> None:
        if not self.smtp_up:
            self.note("smtp-down", skipped="already down")
            return
        lasts = self.rng.uniform(10, 30)
        self.smtp.stop()
        self.smtp_up = False
        self.note("smtp-down", lasts=f"{lasts:.0f}s", sending=",".join(self.sending()) or "-")
        self.at(lasts, "end", self.smtp_again)

    def smtp_again(self) -> None:
        self.smtp.start()
        self.smtp_up = True
        self.note("smtp-up")

    def slack_fault(self, status: int) -> None:
        if self.slack.fault is not None:
            self.note(f"slack-{status}", skipped="a Slack fault is on")
            return
        lasts = self.rng.uniform(10, 30)
        headers = {"Retry-After": str(self.rng.randint(1, 5))} if status == 429 else {}
        self.slack.fault = (status, headers)
        self.note(f"slack-{status}", lasts=f"{lasts:.0f}s", **headers)
        self.at(lasts, "end", self.slack_again)

    def slack_again(self) -> None:
        self.slack.fault = None
        self.note("slack-ok")

    def fault_slack_500(self) -> None:
        self.slack_fault(500)

    def fault_slack_429(self) -> None:
        self.slack_fault(429)


# -- the run ---------------------------------------------------------------------------------------


def config_text(base: str, sources: list[str], smtp_port: int, slack_url: str) -> str:
    return (
        "[crawl]\ndelay = 0.0\nautothrottle = false\nextract_workers = 1\nretries = 1\n"
        "timeout = 20.0\nextract_timeout = 6.0\n\n"
        "[delivery]\nretry_base_seconds = 2\nretry_max_seconds = 15\ntimeout_seconds = 5\n\n"
        '[channels.mail]\ntype = "email"\nto = ["desk@example.org"]\n'
        f'from = "wirewatch@example.org"\nsmtp_host = "127.0.0.1"\nsmtp_port = {smtp_port}\n\n'
        f'[channels.slack]\ntype = "slack"\nwebhook_url = "{slack_url}"\n\n'
        + "".join(source_entry(s, f"{base}/{s}.xml") for s in sources)
        + f'[[rules]]\nname = "{RULE_NOW}"\nquery = "chaosmark*"\nchannels = ["mail", "slack"]\n'
        'mode = "immediate"\n\n'
        f'[[rules]]\nname = "{RULE_DIGEST}"\nquery = "{DIGEST_WORD.lower()}"\n'
        'channels = ["mail", "slack"]\nmode = "digest"\n'
    )


def schedules_text(sources: list[str], every: str, timeout: float) -> str:
    crawls = "".join(
        f'[[crawl]]\nsources = ["{s}"]\nevery = "{every}"\ntimeout = "{timeout:g}s"\n\n'
        for s in sources
    )
    return (
        crawls + '[[digest]]\nchannels = ["mail", "slack"]\nevery = "20s"\n\n'
        '[[housekeeping]]\nevery = "2m"\n'
    )


def crawl_runs(db: Path) -> int:
    rows = query(db, "SELECT COUNT(*) FROM crawl_runs")
    return int(rows[0][0]) if rows else 0


def stored_markers(db: Path) -> set[str]:
    rows = query(db, "SELECT title FROM articles WHERE title LIKE '%Chaosmark%'")
    return {m for (title,) in rows for m in MARKER.findall(title or "")}


def expected_pairs(articles: dict[str, Article]) -> set[Pair]:
    pairs = {(RULE_NOW, m) for m in articles}
    return pairs | {(RULE_DIGEST, m) for m, a in articles.items() if a.digest}


def received(smtp: SMTPServer, slack: FaultySlack) -> dict[str, list[tuple[set[Pair], set[Pair]]]]:
    return {
        "mail": [email_pairs(m) for m in list(smtp.messages)],
        "slack": [slack_pairs(p) for p in list(slack.received)],
    }


def caught_up(
    db: Path, site: Site, smtp: SMTPServer, slack: FaultySlack, since: str, sources: list[str]
) -> bool:
    if set(site.articles) - stored_markers(db):
        return False
    want = expected_pairs(site.articles)
    for msgs in received(smtp, slack).values():
        if want - {p for new, _ in msgs for p in new}:
            return False
    rows = query(
        db,
        "SELECT source, COUNT(*) FROM crawl_runs WHERE started_at > ? AND finished_at IS NOT NULL"
        " GROUP BY source",
        (since,),
    )
    runs = dict(rows)
    return all(runs.get(s, 0) >= 2 for s in sources)


def log_counts(log: str, out: str) -> dict[str, int]:
    return {
        "daemon started": log.count("daemon started"),
        "stopped after its time limit": log.count("stopped after its time limit"),
        "did not end after SIGKILL": log.count("did not end after SIGKILL"),
        "jobs cut off at a stop": log.count("jobs cut off"),
        "skipped: previous run still going": log.count("its previous run is still going"),
        "skipped: source busy": log.count("a crawl of it is still running"),
        "missed a run while down": log.count("missed a run while the daemon was down"),
        "delivery will be retried": log.count("will be retried"),
        "delivery failed for good": log.count("failed for good"),
        "job raised": len(re.findall(r" failed: \w+(Error|Exception)", log)),
        "ERROR lines (daemon and crawls)": sum(1 for ln in out.splitlines() if " ERROR " in ln),
        "Traceback (daemon and crawls)": out.count("Traceback"),
        "crawls told SIGTERM twice (stop now)": out.count("SIGTERM again"),
        "pages cut as 'extraction worker crashed'": out.count("extraction worker crashed"),
    }


@dataclass
class Served:
    """A hostile answer of the site, from its hostile-requests.log."""

    kind: str  # sleep, nested, flood
    source: str  # whose feed listed it
    began: float
    ended: float
    sent: int  # bytes


def hostile_requests(log: Path, site: Site) -> list[Served]:
    if not log.exists():
        return []
    out = []
    for line in log.read_text("utf-8").splitlines():
        kind, path, began, ended, sent = line.split()
        source, _ = site.listed[path]
        out.append(Served(kind, source, float(began), float(ended), int(sent)))
    return out


def grouped(db: Path, sql: str) -> dict[str, int]:
    return {str(k): int(v) for k, v in query(db, sql)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cycles", type=int, default=300, help="crawl runs (crawl_runs rows)")
    ap.add_argument("--every", default="1s", help="interval of each source's crawl job")
    ap.add_argument("--sources", type=int, default=4, help="sources, each its own [[crawl]] job")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--timeout", type=float, default=20.0, help="each crawl job's time limit, s")
    ap.add_argument("--fault-gap", type=float, default=8.0, help="mean seconds between faults")
    ap.add_argument(
        "--publish-every", type=float, default=3.0, help="mean seconds between articles"
    )
    ap.add_argument("--catchup", type=float, default=180.0, help="longest catch-up, seconds")
    ap.add_argument(
        "--max-minutes", type=float, default=8.0, help="stop the faults after this, cycles or not"
    )
    args = ap.parse_args()
    command = (
        f"python benchmarks/chaos_soak.py --cycles {args.cycles} --every {args.every} "
        f"--sources {args.sources} --seed {args.seed} --timeout {args.timeout:g} "
        f"--fault-gap {args.fault_gap:g} --publish-every {args.publish_every:g} "
        f"--max-minutes {args.max_minutes:g}"
    )
    rng = random.Random(args.seed)  # the faults; the site has its own, so they keep their order
    tmp = Path(tempfile.mkdtemp(prefix="wirewatch-chaos-"))
    sources = [f"chaos-{i}" for i in range(1, args.sources + 1)]
    site = Site(tmp / "site", sources, random.Random(args.seed + 1))
    for _ in range(2 * args.sources):  # the site has news before the daemon first looks
        site.publish()
    server, base = start_site_server(
        site.root, who="chaos_soak", cwd=BENCH, env=clean_env(), server="hostile_site:HostileSite"
    )
    smtp, slack = SMTPServer(), FaultySlack()
    smtp.start()
    cfg, db, schedules = tmp / "wirewatch.toml", tmp / "chaos.db", tmp / "schedules"
    cfg.write_text(config_text(base, sources, smtp.port, slack.url), "utf-8")
    schedules.mkdir()
    (schedules / "chaos.toml").write_text(
        schedules_text(sources, args.every, args.timeout), "utf-8"
    )
    limit = args.timeout + STOP_GRACE_S + REAP_WAIT_S + 2 * TICK_S
    service = Service(cfg, db, schedules, tmp / "daemon.log", tmp / "daemon.out")
    subreaper = become_subreaper(True)
    watcher = Watcher(service, site.kinds_in, limit, {server.pid})
    chaos = Chaos(args, rng, site, service, watcher, smtp, slack, tmp / "faults.log")
    print(
        f"chaos_soak: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, site {base}, "
        f"folder {tmp}\n  {command}",
        flush=True,
    )
    t_start = time.monotonic()
    service.start()
    watcher.start()
    faults_end = t_start + args.max_minutes * 60
    try:
        chaos.at(1.0, "publish", chaos.publish)
        chaos.at(rng.uniform(3, 6), "fault", chaos.next_fault)
        last_note = time.monotonic()
        while crawl_runs(db) < args.cycles and time.monotonic() < faults_end:
            chaos.run_due()
            if time.monotonic() - last_note > 30:
                last_note = time.monotonic()
                print(
                    f"  ... {crawl_runs(db)} crawl runs, {len(site.articles)} articles", flush=True
                )
            time.sleep(0.1)
        fault_s = time.monotonic() - t_start
        cycles = crawl_runs(db)
        chaos.finish()
        chaos.note("faults-stop", cycles=cycles, articles=len(site.articles))
        since = datetime.now(UTC).isoformat()
        t_catch = time.monotonic()
        while not caught_up(db, site, smtp, slack, since, sources):
            if time.monotonic() - t_catch > args.catchup:
                chaos.note("catch-up", gave_up_after=f"{args.catchup:.0f}s")
                break
            time.sleep(1.0)
        catchup_s = time.monotonic() - t_catch
        end_life = service.current
        time.sleep(0.5)
        running = watcher.running_crawls(end_life.pid) if end_life else []
        final = service.terminate()
        time.sleep(1.0)
        left_final = sorted(watcher.left_by(final.pid))
        stray = sorted(watcher.live())
        chaos.terms.append(
            TermSample(
                "final",
                len(running),
                max((time.time() - c.started for c in running), default=0.0),
                final.stop_s or 0.0,
                code_of(final),
                len(left_final),
            )
        )
        chaos.note(
            "term",
            moment="final",
            exit=final.code,
            seconds=f"{final.stop_s:.2f}",
            left=len(left_final),
        )
    finally:
        watcher.halt.set()
        if service.current is not None and service.proc is not None:
            service.proc.kill()
        srv_cpu = stop_site_server(server, timeout=10)
        smtp.stop()
        slack.close()
        if subreaper:
            become_subreaper(False)
    total_s = time.monotonic() - t_start
    report = build_report(args, site, service, watcher, chaos, smtp, slack, db, tmp, limit, stray)
    report["run"] = {
        "command": command,
        "folder": str(tmp),
        "cycles_at_faults_stop": cycles,
        "crawl_runs_total": crawl_runs(db),
        "fault_phase_s": round(fault_s, 1),
        "catchup_s": round(catchup_s, 1),
        "total_s": round(total_s, 1),
        "site_server_cpu_s": round(srv_cpu, 1),
        "subreaper": subreaper,
    }
    report["goals"] = goals(report)
    (tmp / "chaos_soak.json").write_text(json.dumps(report, indent=1, default=str), "utf-8")
    # What the servers received, to look into a duplicate or a missing alert.
    with (tmp / "slack.jsonl").open("w", encoding="utf-8") as f:
        f.writelines(json.dumps(m) + "\n" for m in slack.received)
    with (tmp / "mail.txt").open("w", encoding="utf-8") as f:
        f.writelines(f"{'=' * 72}\n{m.as_string()}\n" for m in smtp.messages)
    print_report(report, args)
    return 0


def build_report(
    args: argparse.Namespace,
    site: Site,
    service: Service,
    watcher: Watcher,
    chaos: Chaos,
    smtp: SMTPServer,
    slack: FaultySlack,
    db: Path,
    tmp: Path,
    limit: float,
    stray: list[tuple[int, int]],
) -> dict[str, Any]:
    lives = {life.pid: life for life in service.lives}
    served = hostile_requests(tmp / "hostile-requests.log", site)
    hung_children = []
    orphan_lives = []
    supervised = []
    peaks: dict[str, list[int]] = {}
    for child in watcher.children.values():
        end = child.gone or child.seen
        died = lives[child.daemon].ended if child.daemon in lives else None
        supervised.append((min(end, died) if died else end) - child.started)
        if supervised[-1] > limit:
            hung_children.append(
                {
                    "pid": child.pid,
                    "source": child.source,
                    "s": round(end - child.started, 1),
                    "feed": child.feed_faults,
                }
            )
        if died is not None and end > died + 0.5:
            orphan_lives.append(round(end - died, 1))
        hits = {
            h.kind
            for h in served
            if h.source in child.source.split(",") and h.began < end and h.ended > child.started
        }
        peaks.setdefault("+".join(sorted(hits)) or "none", []).append(child.peak_kb)
    stored = stored_markers(db)
    lost = sorted(set(site.articles) - stored)
    want = expected_pairs(site.articles)
    counts: dict[str, ChannelCount] = {}
    interrupted = grouped(
        db, "SELECT channel, COUNT(*) FROM deliveries WHERE status = 'interrupted' GROUP BY channel"
    )
    for channel, msgs in received(smtp, slack).items():
        counts[channel] = count_channel(msgs, want)
        counts[channel].interrupted = interrupted.get(channel, 0)
    kinds = Counter(f["kind"] for f in chaos.faults if "skipped" not in f)
    answers: dict[str, dict[str, float]] = {}
    for h in served:
        a = answers.setdefault(h.kind, {"answers": 0, "longest_s": 0.0, "most_mib": 0.0})
        a["answers"] += 1
        a["longest_s"] = max(a["longest_s"], round(h.ended - h.began, 1))
        a["most_mib"] = max(a["most_mib"], round(h.sent / 2**20, 1))
    mid_delivery = sum(
        1
        for f in chaos.faults
        if f["kind"] in ("kill-child", "kill-session", "kill-daemon", "term")
        and f.get("sending", "-") != "-"
    )
    lived = [
        (life.rss[0][1], life.rss[-1][1], life.rss[-1][0]) for life in service.lives if life.rss
    ]
    at_60 = [
        next(r for t, r in life.rss if t >= 60)
        for life in service.lives
        if life.rss and life.rss[-1][0] >= 60
    ]
    log = (tmp / "daemon.log").read_text("utf-8", errors="replace")
    out = (tmp / "daemon.out").read_text("utf-8", errors="replace")
    return {
        "faults": dict(kinds),
        "faults_skipped": [f for f in chaos.faults if "skipped" in f],
        "hostile_answers": answers,
        "hung": {
            "limit_s": limit,
            "children_past_limit": hung_children,
            "job_runs_past_limit": sorted(watcher.hung_jobs),
            "longest_job_run_s": {k: round(v, 1) for k, v in sorted(watcher.job_age.items())},
            "longest_supervised_crawls_s": [round(a, 1) for a in sorted(supervised)[-5:][::-1]],
            "log_did_not_end_after_sigkill": log.count("did not end after SIGKILL"),
        },
        "orphans": {
            "after_final_sigterm": len(stray),
            "after_sigterm_samples": sum(t.left for t in chaos.terms),
            "after_kill9_left_running": sum(len(k["left"]) for k in chaos.after_kill9),
            "after_kill9_lived_on_s": sorted(orphan_lives, reverse=True),
            "same_source_overlaps": sorted(watcher.overlaps),
            "reaped_by_us": watcher.reaped,
        },
        "articles": {
            "published": len(site.articles),
            "stored": len(stored & set(site.articles)),
            "lost": lost,
        },
        "alerts": {
            "expected_per_channel": len(want),
            "channels": {k: asdict(v) for k, v in counts.items()},
            "kills_while_a_delivery_was_sending": mid_delivery,
            "slack_refused": slack.refused,
        },
        "sigterm": [asdict(t) for t in chaos.terms],
        "memory_kb": {
            # Each daemon's VmRSS a second after it started and last seen: (start, end, seconds).
            "daemons": [(a, b, round(t)) for a, b, t in lived],
            "max": max((r for life in service.lives for _, r in life.rss), default=0),
            "at_60_s": at_60,  # each daemon that lived a minute, at one minute old
            "first_daemon_ended_by": service.lives[0].how,
            "crawl_child_peak_by_hostile_answer": {
                k: {"children": len(v), "max": max(v), "median": sorted(v)[len(v) // 2]}
                for k, v in sorted(peaks.items())
            },
        },
        "db": {
            "crawl_runs": grouped(db, "SELECT status, COUNT(*) FROM crawl_runs GROUP BY status"),
            "job_runs": grouped(
                db, "SELECT last_status, COUNT(*) FROM job_runs GROUP BY last_status"
            ),
            "outbox": grouped(db, "SELECT status, COUNT(*) FROM outbox GROUP BY status"),
            "deliveries": grouped(
                db, "SELECT channel || ' ' || status, COUNT(*) FROM deliveries GROUP BY 1"
            ),
            "hostile_outcomes": grouped(
                db,
                "SELECT outcome || ': ' || COALESCE(reason, ''), COUNT(*) FROM url_outcomes"
                " WHERE url LIKE '%/hostile/%' GROUP BY 1",
            ),
        },
        "log": log_counts(log, out),
    }


def code_of(life: Incarnation) -> int:
    return life.code if life.code is not None else -1


def goals(r: dict[str, Any]) -> dict[str, bool]:
    """The goals of the module's docstring, each met or not."""
    hung = r["hung"]
    terms = r["sigterm"]
    return {
        "no hung job": not hung["children_past_limit"] and not hung["job_runs_past_limit"],
        "no orphan after a SIGTERM": r["orphans"]["after_final_sigterm"] == 0
        and r["orphans"]["after_sigterm_samples"] == 0,
        "no article lost": not r["articles"]["lost"],
        "no resend beyond the cut-off deliveries": all(
            c["resent_messages"] <= c["interrupted"] for c in r["alerts"]["channels"].values()
        ),
        "every SIGTERM exit 0 within 10 s": all(
            t["code"] == 0 and t["seconds"] <= EXIT_WITHIN_S for t in terms
        ),
    }


def met(ok: bool) -> str:
    return "met" if ok else "MISSED"


def print_report(r: dict[str, Any], args: argparse.Namespace) -> None:
    run, hung, orph, arts, alerts = r["run"], r["hung"], r["orphans"], r["articles"], r["alerts"]
    print()
    print(
        f"chaos soak: {run['cycles_at_faults_stop']} crawl cycles under faults in "
        f"{run['fault_phase_s'] / 60:.1f} min, catch-up {run['catchup_s']:.0f} s, "
        f"{run['crawl_runs_total']} runs in all, total {run['total_s'] / 60:.1f} min "
        f"({args.sources} sources every {args.every}, time limit {args.timeout:g} s)"
    )
    print("  faults: " + ", ".join(f"{k} {v}" for k, v in sorted(r["faults"].items())))
    print(
        "  hostile answers: "
        + "; ".join(
            f"{k} {v['answers']} (longest {v['longest_s']:g} s, most {v['most_mib']:g} MiB sent)"
            for k, v in sorted(r["hostile_answers"].items())
        )
    )
    if r["faults_skipped"]:
        print(f"  faults skipped: {len(r['faults_skipped'])}")
    n_hung = len(hung["children_past_limit"]) + len(hung["job_runs_past_limit"])
    print(
        f"1. hung jobs: {len(hung['children_past_limit'])} crawl children and "
        f"{len(hung['job_runs_past_limit'])} job_runs rows past {hung['limit_s']:g} s under a live "
        f"daemon; log 'did not end after SIGKILL' {hung['log_did_not_end_after_sigkill']} "
        f"(goal 0: {met(n_hung == 0)}); longest crawls under a live daemon "
        + ", ".join(f"{a:g}" for a in hung["longest_supervised_crawls_s"])
        + " s"
    )
    print(
        f"2. orphans after the final SIGTERM: {orph['after_final_sigterm']} "
        f"(goal 0: {met(orph['after_final_sigterm'] == 0)}); after the other SIGTERMs: "
        f"{orph['after_sigterm_samples']}; left running by kill -9 of the daemon: "
        f"{orph['after_kill9_left_running']} processes, which lived on "
        + (", ".join(f"{s:g}" for s in orph["after_kill9_lived_on_s"]) or "-")
        + f" s; crawls of one source at once: {len(orph['same_source_overlaps'])}"
    )
    print(
        f"3. articles: {arts['published']} published, {arts['stored']} stored, "
        f"{len(arts['lost'])} lost (goal 0: {met(not arts['lost'])})"
        + (f": {', '.join(arts['lost'][:10])}" if arts["lost"] else "")
    )
    for name, c in alerts["channels"].items():
        ok = c["resent_messages"] <= c["interrupted"]
        print(
            f"4. {name}: {c['messages']} messages, {c['pairs']}/{alerts['expected_per_channel']} "
            f"alerts (rule, story) received, {c['missing']} missing, {c['doubled']} received "
            f"twice or more in {c['resent_messages']} messages; deliveries cut off by a kill: "
            f"{c['interrupted']} (goal: resent messages <= cut-off deliveries: {met(ok)})"
        )
    print(
        f"   kills while a delivery was sending: {alerts['kills_while_a_delivery_was_sending']}; "
        f"Slack answers refused by faults: {alerts['slack_refused']}"
    )
    terms = r["sigterm"]
    worst = max((t["seconds"] for t in terms), default=0.0)
    codes = sorted({t["code"] for t in terms})
    print(
        f"5. SIGTERM: {len(terms)} samples, exit {codes}, slowest {worst:.2f} s "
        f"(goal 0 within {EXIT_WITHIN_S:g} s: {met(codes == [0] and worst <= EXIT_WITHIN_S)})"
    )
    for t in terms:
        print(
            f"   {t['moment']:<9} {t['seconds']:5.2f} s exit {t['code']}, {t['crawls']} crawls "
            f"running (oldest {t['oldest_s']:.1f} s), left {t['left']}"
        )
    mem = r["memory_kb"]
    lives = mem["daemons"]
    first, last = lives[0], lives[-1]
    print(
        f"6. daemon memory (VmRSS): the first daemon {first[0] / 1024:.1f} MB 1 s after its start,"
        f" {first[1] / 1024:.1f} MB at its end ({first[2]} s later, by "
        f"{mem['first_daemon_ended_by']}); the last {last[0] / 1024:.1f} -> "
        f"{last[1] / 1024:.1f} MB in {last[2]} s; max {mem['max'] / 1024:.1f} MB over "
        f"{len(lives)} daemons; each daemon at one minute old: "
        + (", ".join(f"{k / 1024:.1f}" for k in mem["at_60_s"]) or "-")
        + " MB"
    )
    print(
        "   crawl child peak RSS (VmHWM) by the hostile answers it was sent: "
        + "; ".join(
            f"{k} {v['children']} (max {v['max'] / 1024:.0f} MB, median {v['median'] / 1024:.0f})"
            for k, v in mem["crawl_child_peak_by_hostile_answer"].items()
        )
    )
    db = r["db"]
    for key in ("crawl_runs", "job_runs", "outbox", "deliveries", "hostile_outcomes"):
        print(f"   {key}: " + ", ".join(f"{k} {v}" for k, v in db[key].items()))
    print("   log: " + ", ".join(f"{k} {v}" for k, v in r["log"].items()))
    print("goals: " + "; ".join(f"{k}: {met(v)}" for k, v in r["goals"].items()))
    print(f"figures in {run['folder']}/chaos_soak.json; reproduce: {run['command']}")


if __name__ == "__main__":
    sys.exit(main())
