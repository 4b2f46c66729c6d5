"""Story grouping and actor matching at archive scale, on synthetic wire articles.

Run by hand (it is not a test); it prints figures and ratios:

    /work/venv/bin/python benchmarks/stories_scale.py [--articles 100000] [--window-days 7]
                                                      [--per-day 2000]

What it does:
  1. generates wire articles with a seeded random generator: 150-400-word bodies made of varied
     sentence templates filled with gazetteer names (states, demonyms, capitals, people, frameworks,
     organisations) and generic words; ~10% are near-duplicates of a recent article carried by
     another agency (a sentence reworded, a paragraph dropped or added) and ~2% are updates (same
     agency, new URL, new lead sentence, paragraphs added). Fetch times increase by 86400/per-day
     seconds per article (2,000 a day: 100,000 articles cover 50 days);
  2. stores them in a SQLite file in a temporary folder and measures Grouper.assign at three archive
     sizes: B stored (B = --batch), about 1.5 windows stored (the index has just stopped growing)
     and N = --articles stored. At each, a fresh process (a restarted crawler) opens the database,
     pushes warm-up articles (the first B at the start, --warmup later) and then a batch of B
     through Store.save_article + Grouper.assign, with the analyses computed first by
     crawler.stories.grouping.analyze (timed apart, on one core). The fetch time of each article is
     set to its synthetic time with an UPDATE before assign (the window runs on fetch time). The
     rest of the archive is bulk-inserted between the measurements (executemany, a few thousand rows
     per transaction): articles and URLs, signatures and actor counts from analyze() in worker
     processes, stories from the generator's truth (copies join their original's story), so every
     article of the archive has its signature;
  3. the memory of the window indexes, in fresh processes: RSS growth and tracemalloc size of
     building the window that ends at the newest article as a restarted Grouper does, part by part
     (the MinHash StoryIndex, then the re-telling RewriteIndex), each part alone, and the RSS growth
     of unbounded indexes over every analysis in the archive, with the cost of lookups in each;
  4. single-core throughput of mention extraction (Matcher.find + count_mentions on title + body),
     of the signature, and of analyze (both), on the articles of the first measurement.

Goals: assign per article at N stored / at B stored < 1.5 (flat); window indexes (both parts) under
150 MB at any archive size.
Other work on the machine skews the timings: the analyze row is a control (it does not depend on
the archive).

    --profile     cProfile of the warm-up assigns before the last batch (top functions by own time)
    --keep        keep the database (its path is printed)
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import pickle
import pstats
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from fixtures import Slots, gather

# crawler is imported from this checkout, whether or not it is installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.extract.article import content_hash
from crawler.store.database import Store
from crawler.stories.gazetteer import Gazetteer, load_gazetteer
from crawler.stories.grouping import Grouper, analyze, matcher_for
from crawler.stories.mentions import count_mentions
from crawler.stories.signatures import LSH_BANDS, LSH_ROWS, hashvalues, signature

ROOT = Path(__file__).resolve().parents[1]

GOAL_RATIO = 1.5
GOAL_INDEX_MB = 150.0
START = datetime(2025, 9, 1, tzinfo=UTC)
BULK_ROWS = 5000
UNBOUNDED_DAYS = 36500.0

# -- an invented vocabulary for generic wire copy --------------------------------------------------

AGENCIES = [
    ("antara", "Antara"),
    ("bernama", "Bernama"),
    ("pna", "PNA"),
    ("vna", "VNA"),
    ("tass", "TASS"),
    ("kpl", "KPL"),
    ("akp", "AKP"),
    ("mna", "MNA"),
    ("xinhua", "Xinhua"),
    ("kyodo", "Kyodo"),
    ("yonhap", "Yonhap"),
    ("pti", "PTI"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
OFFICIALS = [
    "deputy minister",
    "trade secretary",
    "chief negotiator",
    "senior official",
    "permanent secretary",
    "director-general",
    "spokeswoman",
    "spokesman",
    "governor",
    "central bank governor",
    "envoy",
    "defence chief",
    "navy commander",
    "ports authority head",
    "customs director",
    "energy regulator",
    "planning minister",
    "finance minister",
    "agriculture minister",
    "labour minister",
    "mayor",
    "health minister",
    "tourism director",
    "coast guard commander",
    "investment board chairman",
]
SECTORS = [
    "rice",
    "palm oil",
    "rubber",
    "coffee",
    "seafood",
    "garment",
    "electronics",
    "semiconductor",
    "nickel",
    "coal",
    "liquefied natural gas",
    "solar",
    "hydropower",
    "shipping",
    "aviation",
    "tourism",
    "fintech",
    "telecoms",
    "railway",
    "cement",
    "steel",
    "fertiliser",
    "pharmaceutical",
    "dairy",
    "timber",
    "automotive",
    "battery",
    "cocoa",
    "sugar",
    "textile",
    "logistics",
    "insurance",
    "broadband",
]
NOUNS = [
    "corridor",
    "tariff",
    "quota",
    "subsidy",
    "pipeline",
    "port",
    "bridge",
    "reservoir",
    "grid",
    "warehouse",
    "scholarship",
    "visa",
    "permit",
    "loan",
    "bond",
    "levy",
    "census",
    "drill",
    "patrol",
    "exercise",
    "vaccine",
    "clinic",
    "harvest",
    "drought",
    "flood",
    "landslide",
    "typhoon",
    "ceasefire",
    "border post",
    "checkpoint",
    "treaty",
    "accord",
    "roadmap",
    "blueprint",
    "audit",
    "inquiry",
    "ballot",
    "referendum",
    "budget",
    "deficit",
    "surplus",
    "inflation",
    "export",
    "import",
    "shipment",
    "cargo",
    "ferry",
    "airline",
    "terminal",
    "refinery",
    "smelter",
    "plantation",
    "fishery",
    "mangrove",
    "reef",
    "forest",
    "peatland",
    "highway",
    "toll road",
    "metro line",
    "data centre",
    "cable",
    "satellite",
    "startup",
    "exchange",
    "index",
    "currency",
    "remittance",
    "pension",
    "curriculum",
    "campus",
    "hospital",
    "stadium",
    "festival",
    "pilgrimage",
    "election",
    "coalition",
    "cabinet",
    "parliament",
    "committee",
    "tribunal",
    "verdict",
]
ADJECTIVES = [
    "regional",
    "bilateral",
    "joint",
    "new",
    "revised",
    "long-delayed",
    "ambitious",
    "modest",
    "interim",
    "emergency",
    "provincial",
    "coastal",
    "rural",
    "urban",
    "digital",
    "green",
    "low-carbon",
    "cross-border",
    "maritime",
    "strategic",
    "landmark",
    "controversial",
    "record",
    "first-ever",
    "multi-year",
    "three-year",
    "five-year",
    "preliminary",
    "final",
    "fresh",
    "expanded",
    "scaled-back",
    "unprecedented",
    "routine",
    "annual",
    "quarterly",
    "informal",
    "formal",
    "sweeping",
    "targeted",
]
VERBS = [
    "expand",
    "review",
    "finance",
    "upgrade",
    "speed up",
    "suspend",
    "resume",
    "launch",
    "complete",
    "renegotiate",
    "simplify",
    "digitise",
    "protect",
    "restore",
    "monitor",
    "share",
    "harmonise",
    "reform",
    "strengthen",
    "open",
    "close",
    "extend",
    "scrap",
    "fund",
    "build",
    "test",
    "certify",
    "inspect",
]
PLACES = [
    "Tanjung Lesung",
    "Ba Ria",
    "Kota Kinabalu",
    "Iloilo",
    "Khon Kaen",
    "Sihanoukville",
    "Luang Prabang",
    "Mandalay",
    "Baucau",
    "Tawau",
    "Haiphong",
    "Davao",
    "Chiang Rai",
    "Kampot",
    "Pakse",
    "Sittwe",
    "Batam",
    "Kuching",
    "Cagayan de Oro",
    "Udon Thani",
    "Can Tho",
    "Makassar",
    "Ipoh",
    "Legazpi",
    "Hat Yai",
    "Savannakhet",
    "Mawlamyine",
    "Balikpapan",
    "Quy Nhon",
    "Zamboanga",
]
QUOTES = [
    "we will not let this slip again",
    "the numbers speak for themselves",
    "this is only the first step",
    "our farmers need certainty before the planting season",
    "nobody wins a trade war",
    "the region has waited long enough",
    "we expect the first shipments before the end of the year",
    "there is still work to do on the details",
    "the door remains open for further talks",
    "safety comes before speed",
    "investors want clear and stable rules",
    "we have agreed on the principles but not yet on the timetable",
    "young people must be part of this conversation",
    "the costs are real but so are the benefits",
    "we are ready to help our neighbours",
    "the data will guide our next decision",
]
CONNECTORS = [
    "Meanwhile,",
    "Separately,",
    "Earlier,",
    "Later,",
    "However,",
    "In addition,",
    "At the same time,",
    "On the sidelines,",
    "Last year,",
    "Under the plan,",
    "According to officials,",
    "Critics say",
    "Observers noted that",
    "Local media reported that",
    "Separately on {weekday},",
]
SPORTS = [
    "football",
    "badminton",
    "futsal",
    "volleyball",
    "sepak takraw",
    "basketball",
    "boxing",
    "athletics",
]

SENTENCES = [
    (
        "{person} met {demonym} counterpart {person2} in {capital} on {weekday} to discuss {adj}"
        " {sector} {noun}s."
    ),
    (
        "{state} and {state2} agreed to {verb} their {adj} {noun} within {num} months, {person}"
        " told reporters."
    ),
    (
        "The {framework} is expected to take up the {adj} {noun} when it convenes in {capital} in"
        " {month}."
    ),
    (
        "{demonym} exporters shipped {num},{tri} tonnes of {sector} in the first {num} weeks of"
        " {month}."
    ),
    (
        "{connector} {person} said {state} would {verb} the {sector} {noun} with support from the"
        " {org}."
    ),
    '"{quote}," {person} said after talks with the {org} on {weekday}.',
    '"{quote}," a {official} from {state} told {agency} by telephone from {place}.',
    (
        "Officials from {state}, {state2} and {state3} will {verb} the {adj} {noun} near {place}"
        " next {month}."
    ),
    (
        "The {official} of {state} said the {sector} {noun} in {place} would cost about {num}"
        " million dollars."
    ),
    (
        "{connector} the {org} urged {state} to {verb} its {noun} rules before the {framework} in"
        " {capital}."
    ),
    (
        "A {adj} {noun} between {state} and the {org} was signed in {capital} on {weekday} after"
        " {num} rounds."
    ),
    (
        "{person} is due to visit {capital} and {capital2} later in {month} to promote {sector}"
        " {noun}s."
    ),
    (
        "Data from the {demonym} statistics office showed {sector} {noun}s rose {num}.{num2}"
        " percent in {month}."
    ),
    "Residents of {place} said a {adj} {noun} had cut travel times to {capital} by {num} minutes.",
    (
        "The {demonym} {official} denied reports that the {noun} at {place} had been {verb}ed in"
        " secret."
    ),
    (
        "{connector} {num} {sector} firms from {state} signed letters of intent worth {num2}"
        " million dollars."
    ),
    "Lawmakers in {capital} will vote on the {adj} {noun} bill on {weekday}, {person} said.",
    (
        "The {org} estimated that {num} percent of {sector} output in {state} depends on the {adj}"
        " {noun}."
    ),
    "Heavy rain forced the closure of the {noun} near {place} for {num} days, the {official} said.",
    "{state} sent {num} rescue workers and {num2} tonnes of aid to {place} after the {noun}.",
    (
        "{person} and {person2} held a {adj} call on {weekday} about the {noun} dispute involving"
        " {state}."
    ),
    "The {framework} statement mentioned {state} by name for the first time since {num}{num2}.",
    "Prices of {sector} in {capital} markets fell for a {num}th week as the {noun} eased.",
    "{connector} the {demonym} navy and {state2} coast guard held a {adj} {noun} off {place}.",
    (
        "The {noun} programme, backed by {state} and the {org}, aims to train {num},{tri} {sector}"
        " workers."
    ),
    (
        "{demonym} officials said the {adj} {noun} with {state2} covered {sector}, {sector2} and"
        " {sector3}."
    ),
    (
        "The {official} said {place} would host the {adj} {sector} forum in {month} with delegates"
        " from {state}."
    ),
    "{state} national {sport} team beat {state2} {num}-{num2} in {place} on {weekday} night.",
    "Tickets for the {sport} final in {capital} sold out within {num} hours, organisers said.",
    (
        "Shares of {demonym} {sector} companies rose {num}.{num2} percent on {weekday} in {capital}"
        " trading."
    ),
    "{connector} analysts at a {capital} bank said the {noun} would weigh on {sector} margins.",
    "The {org} delegation, led by {person}, toured the {sector} {noun} in {place} on {weekday}.",
    "{person} told the {framework} that {state} backed a {adj} {noun} for the region.",
    (
        "A court in {capital} adjourned the {sector} {noun} case until {month} at the request of"
        " the defence."
    ),
    "Police in {place} said {num} people were detained over the {noun} protest on {weekday}.",
    (
        "The {adj} {noun} linking {place} with {place2} is {num} percent complete, the {official}"
        " said."
    ),
    "{demonym} and {demonym2} diplomats met in {capital} to prepare for the {framework}.",
    (
        "Under the deal, {state} will {verb} {num} {sector} {noun}s and {state2} will {verb2} the"
        " rest."
    ),
    "{connector} {num} ministers from {state} and {state2} called the {noun} a {adj} success.",
    (
        "Weather officials in {capital} warned of a {adj} {noun} along the coast of {place} this"
        " {weekday}."
    ),
]
TITLES = [
    "{state}, {state2} agree to {verb} {sector} {noun}",
    "{person} visits {capital} for talks on {adj} {noun}",
    "{framework} to discuss {sector} {noun} in {month}",
    "{demonym} {sector} exports rise {num} percent",
    "{org} urges {state} to {verb} {noun} rules",
    "{state} signs {adj} {noun} with {org}",
    "{place} {noun} {verb2}ed after {adj} review",
    "{state} beats {state2} in {sport} thriller",
    "{person} calls {adj} {noun} a turning point",
    "{demonym} ministers back {framework} {noun} plan",
    "Rain closes {noun} near {place}",
    "{state} to {verb} {sector} {noun} by {month}",
]


@dataclass
class Article:
    idx: int  # 1-based: the article id in the database
    kind: str  # original, near-duplicate, update
    origin: int | None  # idx of the original, for near-duplicates and updates
    source: str
    agency: str
    url: str
    title: str
    paragraphs: list[list[str]]
    published_at: str
    fetched_at: str
    body: str = ""

    def fields(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "canonical_url": self.url,
            "agency": self.agency,
            "title": self.title,
            "body": self.body,
            "summary": None,
            "published_at": self.published_at,
            "published_local": self.published_at,
            "published_from": "meta",
            "language": "en",
            "author": None,
            "dateline": None,
            "content_hash": content_hash(self.body),
        }


def _words(paragraph: list[str]) -> int:
    return sum(len(s.split()) for s in paragraph)


def _gazetteer_pools(gaz: Gazetteer) -> dict[str, list[str]]:
    by_type: dict[str, list[Any]] = {}
    for actor in gaz.actors.values():
        by_type.setdefault(actor.type, []).append(actor)
    states = by_type["state"]
    return {
        "state": [n for a in states for n in a.aliases[:2]],
        "demonym": [d for a in states for d in a.demonyms[:1]] or [a.name for a in states],
        "capital": [m for a in states for m in a.metonyms[:1]] or [a.name for a in states],
        "person": [a.aliases[0] for a in by_type.get("person", [])],
        "framework": [a.aliases[0] for a in by_type.get("framework", [])],
        "org": [a.aliases[0] for t in ("igo", "body", "bloc") for a in by_type.get(t, [])],
    }


class Wire:
    """A deterministic stream of synthetic wire articles, in increasing fetch time."""

    def __init__(self, gaz: Gazetteer, seed: int, per_day: int):
        self.rng = random.Random(seed)
        pools = _gazetteer_pools(gaz)
        pools.update(
            {
                "weekday": WEEKDAYS,
                "month": MONTHS,
                "official": OFFICIALS,
                "sector": SECTORS,
                "noun": NOUNS,
                "adj": ADJECTIVES,
                "verb": VERBS,
                "place": PLACES,
                "quote": QUOTES,
                "sport": SPORTS,
                "agency": [a for _, a in AGENCIES],
                "num": [str(n) for n in range(2, 100)],
                "tri": [f"{n:03d}" for n in range(0, 1000, 7)],
            }
        )
        pools["connector"] = CONNECTORS
        self.slots = Slots(self.rng, pools)
        self.spacing = 86400.0 / per_day
        self.recent: deque[Article] = deque(
            maxlen=max(50, per_day // 2)
        )  # originals of the last ~12 hours
        self.next_idx = 1

    def sentence(self) -> str:
        return self.slots.fill(self.rng.choice(SENTENCES))

    def paragraph(self) -> list[str]:
        return [self.sentence() for _ in range(self.rng.choice((1, 2, 2, 3)))]

    def paragraphs(self) -> list[list[str]]:
        return gather(self.paragraph, _words, self.rng.randint(150, 400))

    def __iter__(self) -> Iterator[Article]:
        return self

    def __next__(self) -> Article:
        rng, idx = self.rng, self.next_idx
        self.next_idx += 1
        fetched = START + timedelta(seconds=(idx - 1 + rng.random() * 0.8) * self.spacing)
        published = fetched - timedelta(seconds=rng.randint(120, 4 * 3600))
        roll = rng.random()
        if self.recent and roll < 0.12:
            origin = rng.choice(self.recent)
            paras = [list(p) for p in origin.paragraphs]
            if roll < 0.10:  # near-duplicate from another agency
                kind = "near-duplicate"
                source, agency = rng.choice([a for a in AGENCIES if a[0] != origin.source])
                p = rng.randrange(len(paras))
                paras[p][rng.randrange(len(paras[p]))] = self.sentence()  # a reworded sentence
                change = rng.random()
                if change < 0.35 and len(paras) >= 4:
                    del paras[rng.randrange(1, len(paras))]
                elif change < 0.7:
                    paras.insert(rng.randrange(1, len(paras) + 1), self.paragraph())
                title = (
                    origin.title
                    if rng.random() < 0.5
                    else self.slots.fill(rng.choice(TITLES), upper_first=False)
                )
            else:  # update: the same agency at a new URL, new lead, more paragraphs
                kind = "update"
                source, agency = origin.source, origin.agency
                paras[0][0] = self.sentence()
                paras += [self.paragraph() for _ in range(rng.randint(1, 2))]
                title = rng.choice(("UPDATE 1-", "UPDATE 2-", "(LEAD) ")) + origin.title
            origin_idx: int | None = origin.idx
        else:
            kind, origin_idx = "original", None
            source, agency = rng.choice(AGENCIES)
            paras = self.paragraphs()
            title = self.slots.fill(rng.choice(TITLES))
        art = Article(
            idx,
            kind,
            origin_idx,
            source,
            agency,
            f"https://{source}.example/news/{idx}",
            title,
            paras,
            published.isoformat(timespec="seconds"),
            fetched.isoformat(timespec="seconds"),
        )
        art.body = "\n\n".join(" ".join(p) for p in paras)
        if kind == "original":
            self.recent.append(art)
        return art

    def take(self, n: int) -> list[Article]:
        return [next(self) for _ in range(n)]


# -- storing ---------------------------------------------------------------------------------------


def _analyze_task(args: tuple[str, str, str]) -> dict[str, Any]:
    return analyze(*args)


def _warm_worker() -> None:
    matcher_for(None)


@dataclass
class BatchTimes:
    save: list[float]
    fix: list[float]
    assign: list[float]
    joined: list[bool]
    stories: list[int]


def through_store(
    store: Store,
    grouper: Grouper,
    arts: list[Article],
    analyses: list[dict[str, Any]],
    profiler: cProfile.Profile | None = None,
) -> BatchTimes:
    """The crawler's path: store.articles.save, fetched_at set to the synthetic time,
    Grouper.assign; timed apiece."""
    out = BatchTimes([], [], [], [], [])
    perf = time.perf_counter
    for art, analysis in zip(arts, analyses, strict=True):
        fields = art.fields()
        t0 = perf()
        with store.write():
            outcome, article_id = store.articles.save(
                fields, [(art.url, "canonical")], art.source, None
            )
        t1 = perf()
        assert outcome == "stored" and article_id == art.idx, (outcome, article_id, art.idx)
        with store.write():
            store.conn.execute(
                "UPDATE articles SET fetched_at = ? WHERE id = ?", (art.fetched_at, article_id)
            )
        t2 = perf()
        if profiler is not None:
            profiler.enable()
        result = grouper.assign(article_id, analysis)
        if profiler is not None:
            profiler.disable()
        t3 = perf()
        assert result is not None
        out.save.append(t1 - t0)
        out.fix.append(t2 - t1)
        out.assign.append(t3 - t2)
        out.joined.append(result.joined)
        out.stories.append(result.story_id)
    return out


class BulkLoader:
    """executemany inserts of articles, URLs, signatures, actor counts and stories, a chunk per
    transaction."""

    def __init__(self, store: Store):
        self.store = store
        self.story_of: dict[
            int, int
        ] = {}  # article idx -> story id, for the articles bulk-inserted
        self.touched: set[int] = set()
        self.first_idx: int | None = None
        self.last_idx = 0

    def _story(self, idx: int) -> int:
        sid = self.story_of.get(idx)
        if sid is None:  # an original stored through the Grouper before the bulk part
            sid = self.store.conn.execute(
                "SELECT story_id FROM articles WHERE id = ?", (idx,)
            ).fetchone()[0]
        return int(sid)

    def load(self, arts: list[Article], analyses: list[dict[str, Any]]) -> None:
        conn = self.store.conn
        with self.store.write():
            next_story = (
                int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM stories").fetchone()[0]) + 1
            )
            stories, rows, urls, sigs, actors = [], [], [], [], []
            for art, an in zip(arts, analyses, strict=True):
                if art.kind == "original":
                    sid = next_story
                    next_story += 1
                    stories.append(
                        (
                            sid,
                            art.published_at,
                            art.fetched_at,
                            art.title,
                            art.idx,
                            1,
                            json.dumps([art.source]),
                        )
                    )
                else:
                    sid = self._story(art.origin or 0)
                    self.touched.add(sid)
                self.story_of[art.idx] = sid
                f = art.fields()
                rows.append(
                    (
                        art.idx,
                        f["url"],
                        f["canonical_url"],
                        art.source,
                        f["agency"],
                        f["title"],
                        f["body"],
                        f["published_at"],
                        f["published_local"],
                        f["published_from"],
                        art.fetched_at,
                        f["language"],
                        f["content_hash"],
                        sid,
                    )
                )
                urls.append((art.url, art.idx, "canonical"))
                sigs.append(
                    (
                        art.idx,
                        an["signature"],
                        an["shingles"],
                        art.fetched_at,
                        json.dumps(an["rewrite"], ensure_ascii=False),
                    )
                )
                actors += [(art.idx, *a) for a in an["actors"]]
            conn.executemany(
                "INSERT INTO stories (id, first_seen, last_updated, title, article_id,"
                " article_count, sources) VALUES (?, ?, ?, ?, ?, ?, ?)",
                stories,
            )
            conn.executemany(
                "INSERT INTO articles (id, url, canonical_url, source, agency, title, body,"
                " published_at, published_local, published_from, fetched_at, language,"
                " content_hash, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.executemany(
                "INSERT INTO article_urls (url, article_id, kind) VALUES (?, ?, ?)", urls
            )
            conn.executemany(
                "INSERT INTO article_signatures (article_id, minhash, shingles, seen_at,"
                " features) VALUES (?, ?, ?, ?, ?)",
                sigs,
            )
            conn.executemany(
                "INSERT INTO article_actors (article_id, actor, count, first_offset, via)"
                " VALUES (?, ?, ?, ?, ?)",
                actors,
            )
        if self.first_idx is None:
            self.first_idx = arts[0].idx
        self.last_idx = arts[-1].idx

    def finish(self) -> None:
        """Roll-ups of the stories the bulk part created or extended: count, carriers, actors."""
        if self.first_idx is None:
            return
        conn = self.store.conn
        with self.store.write():
            updates = []
            for sid in self.touched:
                members = conn.execute(
                    "SELECT source FROM articles WHERE story_id = ?", (sid,)
                ).fetchall()
                updates.append((len(members), json.dumps(sorted({m[0] for m in members})), sid))
            conn.executemany(
                "UPDATE stories SET article_count = ?, sources = ? WHERE id = ?", updates
            )
            conn.execute(
                "INSERT OR REPLACE INTO story_actors (story_id, actor, articles, mentions)"
                " SELECT a.story_id, aa.actor, COUNT(*), SUM(aa.count) FROM article_actors aa"
                " JOIN articles a ON a.id = aa.article_id"
                " WHERE a.story_id IN (SELECT story_id FROM articles WHERE id BETWEEN ? AND ?)"
                " GROUP BY a.story_id, aa.actor",
                (self.first_idx, self.last_idx),
            )


def bulk_build(store: Store, wire: Wire, count: int, workers: int) -> tuple[float, float]:
    """Generate and bulk-insert `count` articles; analyze() runs in `workers` processes while the
    previous chunk is inserted. Returns (wall seconds, seconds spent waiting for the analyses)."""
    loader = BulkLoader(store)
    t0 = time.perf_counter()
    waited = 0.0
    ctx = get_context("spawn")
    with ctx.Pool(workers, initializer=_warm_worker) as pool:

        def submit(n: int) -> tuple[list[Article], Any]:
            arts = wire.take(n)
            return arts, pool.map_async(
                _analyze_task, [(a.title, a.body, a.published_at) for a in arts], chunksize=100
            )

        left = count
        current = submit(min(BULK_ROWS, left)) if left else None
        left -= min(BULK_ROWS, left)
        while current is not None:
            arts, pending = current
            current = None
            if left:
                current = submit(min(BULK_ROWS, left))
                left -= min(BULK_ROWS, left)
            tw = time.perf_counter()
            analyses = pending.get()
            waited += time.perf_counter() - tw
            loader.load(arts, analyses)
    loader.finish()
    return time.perf_counter() - t0, waited


# -- measuring -------------------------------------------------------------------------------------


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def maxrss_bytes(who: int = resource.RUSAGE_SELF) -> int:
    return resource.getrusage(who).ru_maxrss * 1024  # kilobytes on Linux


def peak_rss_bytes() -> int:
    """Peak RSS of this process image (VmHWM): unlike getrusage's maxrss, it does not start from the
    RSS of the parent that forked it."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return maxrss_bytes()


def _child(*args: str) -> dict[str, Any]:
    """Run this script in a fresh process with a hidden mode; its last line of output is JSON."""
    proc = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=False
    )
    if proc.returncode:
        sys.exit(f"child {args[0]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- in a fresh process: one measured batch through a (re)started Grouper --------------------------


def timed_analyze(arts: list[Article]) -> tuple[list[dict[str, Any]], float]:
    t0 = time.perf_counter()
    out = [analyze(a.title, a.body, a.published_at) for a in arts]
    return out, (time.perf_counter() - t0) / len(arts)


def grouping_check(store: Store, arts: list[Article], times: BatchTimes) -> list[int]:
    """[copies that joined their original's story, copies, originals that joined a story,
    originals]."""
    good = copies = false_joins = originals = 0
    for art, joined, sid in zip(arts, times.joined, times.stories, strict=True):
        if art.origin is None:
            originals += 1
            false_joins += joined
        else:
            copies += 1
            row = store.conn.execute(
                "SELECT story_id FROM articles WHERE id = ?", (art.origin,)
            ).fetchone()
            good += row is not None and row[0] == sid
    return [good, copies, false_joins, originals]


def batch_child(db: str, payload: str, window_days: float, profile: bool) -> None:
    """Open the database like a restarted crawler, push the warm-up articles then the measured batch
    through save_article + Grouper.assign, and print the timings as JSON."""
    with open(payload, "rb") as f:
        warm, batch = pickle.load(f)
    matcher_for(None)
    gc.collect()
    rss0 = rss_bytes()
    store = Store(db)
    grouper = Grouper(store, window_days=window_days)
    warm_an = [analyze(a.title, a.body, a.published_at) for a in warm]
    first = through_store(store, grouper, warm[:1], warm_an[:1])
    loaded = len(grouper.index)
    profiler = (
        cProfile.Profile() if profile else None
    )  # on the warm-up: it would slow the measured batch
    through_store(store, grouper, warm[1:], warm_an[1:], profiler)
    stored = store.count("articles")
    batch_an, analyze_s = timed_analyze(batch)
    times = through_store(store, grouper, batch, batch_an)
    rss_growth = rss_bytes() - rss0
    cands = [len(grouper.index.lsh.query(hashvalues(a["signature"]))) for a in batch_an]
    newest = batch[-1].fetched_at
    cutoff = grouper.index.cutoff(newest)
    out: dict[str, Any] = {
        "stored": stored,
        "first_assign": first.assign[0],
        "loaded": loaded,
        "analyze": analyze_s,
        "save": times.save,
        "fix": times.fix,
        "assign": times.assign,
        "check": grouping_check(store, batch, times),
        "cand_mean": statistics.fmean(cands),
        "cand_max": max(cands),
        "entries": len(grouper.index),
        "heap": len(grouper.index.by_time),
        "oldest": min(e.seen_at for e in grouper.index.entries.values()),
        "newest": newest,
        "cutoff": cutoff,
        "signatures": store.count("article_signatures"),
        "in_window": store.conn.execute(
            "SELECT COUNT(*) FROM article_signatures WHERE seen_at >= ?", (cutoff,)
        ).fetchone()[0],
        "stories": store.count("stories"),
        "rss_growth": rss_growth,
        "maxrss": peak_rss_bytes(),
    }
    if profiler is not None:
        buf = io.StringIO()
        pstats.Stats(profiler, stream=buf).sort_stats("tottime").print_stats(16)
        out["profile"] = buf.getvalue()
    store.close()
    print(json.dumps(out))


# -- in a fresh process: the memory of the window indexes built from the database ----------------


def index_child(db: str, anchor: str, window_days: float, mode: str) -> None:
    """Build the window indexes over the analyses of the window ending at `anchor`, the way a
    restarted Grouper does (add_rows: the MinHash part, then the re-telling part) and print their
    entries and memory. Modes: `rss` (both, RSS growth after each part, then the cost of lookups),
    `trace` (both, traced size after each part), `minhash` and `rewrites` (that part alone)."""
    store = Store(db)
    grouper = Grouper(store, window_days=window_days)
    index = grouper.index
    rows = store.stories.signatures_after(0, index.cutoff(anchor))
    gc.collect()
    if mode == "trace":
        tracemalloc.start()
    before = rss_bytes()
    t0 = time.perf_counter()
    out: dict[str, Any] = {}

    def measured(part: str) -> None:
        gc.collect()
        out[part] = (
            tracemalloc.get_traced_memory()[0] if mode == "trace" else rss_bytes() - before
        ) - sum(out.values())

    if mode != "rewrites":
        index.add_many(row[:5] for row in rows)
        measured("minhash")
    if mode != "minhash":
        grouper.add_descriptions(rows)
        measured("rewrites")
    out |= {
        "entries": len(index),
        "rewrite_entries": len(grouper.rewrites),
        "seconds": time.perf_counter() - t0,
        "total": sum(out.values()),
        "maxrss": peak_rss_bytes(),
    }
    if mode == "trace":
        stats = tracemalloc.take_snapshot().statistics("filename")
        out["by_file"] = [(Path(s.traceback[0].filename).name, s.size) for s in stats[:4]]
        tracemalloc.stop()
    if mode == "rss":  # the cost of looking up the newest articles in these indexes
        probe = rows[-200:]
        t0 = time.perf_counter()
        for _seq, article_id, blob, size, _, _, _ in probe:
            index.twins(blob, size, exclude=article_id)
        out["twins_s"] = (time.perf_counter() - t0) / len(probe)
        out["cand_mean"] = statistics.fmean(len(index.lsh.query(hashvalues(r[2]))) for r in probe)
        described = [(r[1], json.loads(r[5]), r[6] or r[4]) for r in probe if r[5]]
        t0 = time.perf_counter()
        scored = [len(grouper.rewrites.scored(d, when, exclude=i)) for i, d, when in described]
        out["rewrites_s"] = (time.perf_counter() - t0) / max(1, len(described))
        out["rewrite_cand_mean"] = statistics.fmean(scored) if scored else 0.0
    print(json.dumps(out))


# -- in this process -------------------------------------------------------------------------------


def throughput(arts: list[Article]) -> dict[str, float]:
    """Single-core rates on the same articles: mentions alone, signature alone, analyze (both)."""
    matcher = matcher_for(None)
    texts = [(f"{a.title}\n{a.body}", date.fromisoformat(a.published_at[:10])) for a in arts]
    t0 = time.perf_counter()
    counts = [count_mentions(matcher.find(text, day)) for text, day in texts]
    t_mentions = time.perf_counter() - t0
    t0 = time.perf_counter()
    for a in arts:
        signature(a.body)
    t_sig = time.perf_counter() - t0
    t0 = time.perf_counter()
    for a in arts:
        analyze(a.title, a.body, a.published_at)
    t_analyze = time.perf_counter() - t0
    n = len(arts)
    return {
        "n": n,
        "mentions_rate": n / t_mentions,
        "signature_rate": n / t_sig,
        "analyze_rate": n / t_analyze,
        "mentions_per_article": sum(c.count for cs in counts for c in cs) / n,
        "actors_per_article": sum(len(cs) for cs in counts) / n,
        "chars_per_article": sum(len(t) for t, _ in texts) / n,
        "words_per_article": sum(len(a.body.split()) for a in arts) / n,
    }


def ms(x: float) -> str:
    return f"{x * 1000:.2f}"


def mb(x: float) -> str:
    return f"{x / 1e6:.1f} MB"


def pct(xs: list[float], q: float) -> float:
    return sorted(xs)[min(len(xs) - 1, int(q * len(xs)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--articles", type=int, default=100_000, help="archive size at the last measurement"
    )
    ap.add_argument("--window-days", type=float, default=7.0)
    ap.add_argument("--per-day", type=int, default=2000, help="articles per day of fetch time")
    ap.add_argument("--batch", type=int, default=1000, help="articles per measured batch")
    ap.add_argument(
        "--warmup",
        type=int,
        default=200,
        help="articles through a restarted Grouper before a batch",
    )
    ap.add_argument(
        "--workers", type=int, default=os.cpu_count() or 2, help="processes for the bulk analyses"
    )
    ap.add_argument("--seed", type=int, default=20260501)
    ap.add_argument("--no-unbounded", action="store_true", help="skip the unbounded index")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--batch-child", nargs=4, help=argparse.SUPPRESS)
    ap.add_argument("--index-child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.batch_child:
        db, payload, days, profile = args.batch_child
        batch_child(db, payload, float(days), profile == "1")
        return
    if args.index_child:
        db, anchor, days, mode = args.index_child
        index_child(db, anchor, float(days), mode)
        return

    n, b, warmup = args.articles, args.batch, args.warmup
    window_full = int(
        round(1.5 * args.window_days * args.per_day, -3)
    )  # the window is full: the index stops growing
    checkpoints = (
        [b] + ([window_full] if 2 * b + warmup <= window_full <= n - b - warmup else []) + [n]
    )
    if n < 2 * b + warmup:
        sys.exit(f"--articles must be at least 2 x --batch + --warmup = {2 * b + warmup}")
    t_run = time.perf_counter()
    load_start = os.getloadavg()[0]
    tmp = Path(tempfile.mkdtemp(prefix="stories-scale-"))
    db = tmp / "scale.db"
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    matcher = matcher_for(None)
    t_matcher = time.perf_counter() - t0
    wire = Wire(gaz, args.seed, args.per_day)
    store = Store(db)
    kinds: Counter[str] = Counter()
    words: list[int] = []
    results: list[dict[str, Any]] = []
    bulk_total = bulk_wall = bulk_wait = 0.0
    bulk_ranges: list[str] = []
    via_grouper: list[str] = []
    rates: dict[str, float] = {}
    stored = 0
    for k, cp in enumerate(checkpoints):
        warm_n = b if k == 0 else warmup
        bulk_n = cp - warm_n - stored
        if bulk_n:
            print(
                f"bulk insert of articles {stored + 1:,}-{stored + bulk_n:,} "
                f"({args.workers} analysis workers)",
                file=sys.stderr,
            )
            wall, wait = bulk_build(store, wire, bulk_n, args.workers)
            bulk_total += bulk_n
            bulk_wall += wall
            bulk_wait += wait
            bulk_ranges.append(f"{stored + 1:,}-{stored + bulk_n:,}")
        warm, batch = wire.take(warm_n), wire.take(b)
        via_grouper.append(f"{warm[0].idx:,}-{batch[-1].idx:,}")
        for a in warm + batch:
            kinds[a.kind] += 1
            words.append(len(a.body.split()))
        payload = tmp / "batch.pickle"
        with open(payload, "wb") as f:
            pickle.dump((warm, batch), f)
        print(
            f"restarted Grouper: {warm_n:,} articles warm-up, "
            f"measured batch of {b:,} at {cp:,} stored",
            file=sys.stderr,
        )
        results.append(
            _child(
                "--batch-child",
                str(db),
                str(payload),
                str(args.window_days),
                "1" if args.profile and k == len(checkpoints) - 1 else "0",
            )
        )
        assert results[-1]["stored"] == cp, (results[-1]["stored"], cp)
        stored = cp + b
        if k == 0:
            rates = throughput(warm + batch)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    db_size = sum(p.stat().st_size for p in tmp.iterdir() if p.name.startswith("scale.db"))

    print("index memory in fresh processes", file=sys.stderr)
    last = results[-1]
    t0 = time.perf_counter()
    days = str(args.window_days)
    mem = {
        mode: _child("--index-child", str(db), last["newest"], days, mode)
        for mode in ("rss", "trace", "minhash", "rewrites")
    }
    if not args.no_unbounded:  # tracemalloc over the whole archive takes minutes: RSS only
        mem["unbounded"] = _child(
            "--index-child", str(db), last["newest"], str(UNBOUNDED_DAYS), "rss"
        )
    t_mem = time.perf_counter() - t0

    # -- report ------------------------------------------------------------------------------------
    first = results[0]
    span_days = (datetime.fromisoformat(last["newest"]) - START).total_seconds() / 86400
    print(
        f"wirewatch story grouping at scale: synthetic wire, seed {args.seed}, "
        f"window {args.window_days:g} days, "
        f"LSH {LSH_BANDS} bands x {LSH_ROWS} rows"
    )
    print(
        f"archive: {stored:,} articles, {args.per_day:,}/day of fetch time "
        f"over {span_days:.1f} days, "
        f"{db_size / 1e6:,.0f} MB of SQLite, {last['stories']:,} stories, "
        f"{last['signatures']:,} signatures"
    )
    print(
        f"  built: {' and '.join(bulk_ranges) or 'nothing'} bulk-inserted "
        f"({bulk_total:,.0f} articles; executemany,"
        f" {BULK_ROWS:,} per transaction: "
        "articles, URLs, signatures and actor counts from analyze() in "
        f"{args.workers} processes,"
    )
    print(
        f"  stories from the generator's truth; {bulk_wall:.0f} s); "
        f"{' and '.join(via_grouper)} through "
        "Store.save_article + Grouper.assign, each range in a fresh process (a restarted crawler)"
    )
    print(
        f"  articles through the Grouper: {len(words):,}, "
        f"{kinds['near-duplicate'] / len(words):.1%} "
        f"near-duplicates, {kinds['update'] / len(words):.1%} updates, "
        f"body {min(words)}-{max(words)} words "
        f"(mean {statistics.fmean(words):.0f})"
    )
    print()
    head = "".join(f"{'at ' + format(r['stored'], ',') + ' stored':>20}" for r in results)
    ratio_head = f"{'last/first':>12}" + (f"{'last/2nd':>10}" if len(results) > 2 else "")
    print(f"per article, batches of {b:,} {head}{ratio_head}")

    def row(label: str, values: list[float]) -> None:
        ratios = f"{values[-1] / values[0]:>12.2f}" + (
            f"{values[-1] / values[1]:>10.2f}" if len(values) > 2 else ""
        )
        print(f"  {label:<26}" + "".join(f"{ms(v):>20}" for v in values) + ratios)

    row("Grouper.assign mean ms", [statistics.fmean(r["assign"]) for r in results])
    row("Grouper.assign median ms", [statistics.median(r["assign"]) for r in results])
    row("Grouper.assign p95 ms", [pct(r["assign"], 0.95) for r in results])
    row("analyze (1 core) ms (**)", [r["analyze"] for r in results])
    row("Store.save_article ms", [statistics.fmean(r["save"]) for r in results])
    row("UPDATE fetched_at ms (*)", [statistics.fmean(r["fix"]) for r in results])
    print("  " + f"{'index entries':<26}" + "".join(f"{r['entries']:>20,}" for r in results))
    print(
        "  "
        + f"{'LSH candidates/query':<26}"
        + "".join(
            f"{format(r['cand_mean'], '.1f') + ' (max ' + str(r['cand_max']) + ')':>20}"
            for r in results
        )
    )
    print(
        "  "
        + f"{'restart: 1st assign s':<26}"
        + "".join(f"{r['first_assign']:>20.2f}" for r in results)
        + "   (loads the window from the database)"
    )
    print(
        "  "
        + f"{'process RSS growth':<26}"
        + "".join(f"{mb(r['rss_growth']):>20}" for r in results)
        + "   (Store + Grouper + batch)"
    )
    ratio = statistics.fmean(last["assign"]) / statistics.fmean(first["assign"])
    median_ratio = statistics.median(last["assign"]) / statistics.median(first["assign"])
    print(
        f"  assign ratio last/first: mean {ratio:.2f}, median {median_ratio:.2f} "
        f"(goal < {GOAL_RATIO}): "
        f"{'flat' if ratio < GOAL_RATIO else 'NOT flat'}"
    )
    print(
        "  (*) benchmark-only step, not part of assign."
        " (**) control: does not depend on the archive, so its"
        f" ratio shows the machine's drift; load average {load_start:.1f} at start, "
        f"{os.getloadavg()[0]:.1f} now"
    )
    print(
        "  grouping check"
        " (copies joined to their original's story; originals wrongly joined): "
        + "; ".join(f"{c[0]}/{c[1]}, {c[2]}/{c[3]}" for c in (r["check"] for r in results))
    )
    print(
        f"window at the end: cutoff {last['cutoff']}, newest {last['newest']}; "
        f"signatures {last['signatures']:,}, "
        f"{last['in_window']:,} in the window; index {last['entries']:,} entries "
        f"(oldest {last['oldest']}), "
        f"time heap {last['heap']:,}"
    )
    print()
    win, traced = mem["rss"], mem["trace"]
    print(
        f"Window indexes memory ({win['entries']:,} articles in the window, "
        f"{win['rewrite_entries']:,} with a re-telling description), built from the database in"
        " fresh processes:"
    )
    print(f"  {'':<30}{'RSS growth':>12}{'traced':>12}{'alone, RSS':>12}")
    for part, label in (("minhash", "MinHash part (StoryIndex)"), ("rewrites", "re-telling part")):
        print(f"  {label:<30}{mb(win[part]):>12}{mb(traced[part]):>12}{mb(mem[part][part]):>12}")
    print(
        f"  {'both (a restarted Grouper)':<30}{mb(win['total']):>12}{mb(traced['total']):>12}"
        f"{mb(mem['minhash']['total'] + mem['rewrites']['total']):>12}   (sum of the parts alone)"
    )
    print(
        f"  {win['total'] / max(1, win['entries']):,.0f} B/article; build {win['seconds']:.1f} s; "
        f"twins() {ms(win['twins_s'])} ms ({win['cand_mean']:.0f} candidates); "
        f"re-telling lookup {ms(win['rewrites_s'])} ms ({win['rewrite_cand_mean']:.0f} scored); "
        f"peak RSS {mb(win['maxrss'])}"
    )
    if "unbounded" in mem:
        unb = mem["unbounded"]
        print(
            f"  unbounded ({unb['entries']:,} articles): RSS +{mb(unb['total'])}, "
            f"{unb['total'] / max(1, win['total']):.1f}x the window's memory, "
            f"{unb['twins_s'] / win['twins_s']:.1f}x its twins() time; at 1,000,000 articles "
            f"~{unb['total'] / max(1, unb['entries']) * 1e6 / 1e9:.1f} GB"
        )
    index_ok = "yes" if win["total"] / 1e6 < GOAL_INDEX_MB else "NO"
    print(
        f"  window indexes under {GOAL_INDEX_MB:.0f} MB: {index_ok}"
        f" (they scale with window x rate, {args.window_days:g} d x {args.per_day:,}/day,"
        " not with the archive)"
    )
    print("  traced by file (window): " + ", ".join(f"{f} {mb(s)}" for f, s in traced["by_file"]))
    print(
        f"  peak RSS: this process {mb(maxrss_bytes())} (generator, bulk chunks); "
        "measuring processes " + ", ".join(f"{mb(r['maxrss'])} at {r['stored']:,}" for r in results)
    )
    print()
    print(
        f"single-core throughput on {rates['n']:,} articles "
        f"({rates['words_per_article']:.0f} words, "
        f"{rates['chars_per_article']:,.0f} chars, {rates['mentions_per_article']:.1f} mentions of "
        f"{rates['actors_per_article']:.1f} actors each; "
        f"{matcher.alias_count:,} aliases, automaton "
        f"{t_matcher:.2f} s):"
    )
    print(f"  mentions (Matcher.find + count_mentions)  {rates['mentions_rate']:>7,.0f} articles/s")
    print(
        f"  signature (shingles + MinHash)             {rates['signature_rate']:>7,.0f} articles/s"
    )
    print(f"  analyze (both)                             {rates['analyze_rate']:>7,.0f} articles/s")
    print(
        f"  bulk: analyze() in {args.workers} processes + inserts: "
        f"{bulk_total / max(bulk_wall, 1e-9):,.0f} "
        f"articles/s ({bulk_wait:.0f} of {bulk_wall:.0f} s waiting for the workers)"
    )
    print(f"total run time {time.perf_counter() - t_run:.0f} s (index memory {t_mem:.0f} s)")
    if args.profile and "profile" in last:
        print(
            f"\nprofile of the warm-up assigns before the batch at {last['stored']:,} stored"
            " (own time):"
        )
        print("\n".join(last["profile"].splitlines()[:34]))
    if args.keep:
        print(f"database kept: {db}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
