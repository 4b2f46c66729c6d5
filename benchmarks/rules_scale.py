"""Rule evaluation (rules -> alerts) at archive scale, on synthetic stories.

Run by hand (it is not a test); it prints figures and ratios:

    /work/venv/bin/python benchmarks/rules_scale.py [--archives 1000,10000,100000]
                                                     [--rules 10,100,1000]
                                                     [--batch 1000] [--profile] [--keep]

What it does:
  1. builds one SQLite archive in a temporary folder and grows it to each size of --archives in
     turn, by bulk inserts (executemany inside `with store.write():`, a few thousand rows per
     transaction): articles with 150-300-word bodies drawn from a seeded vocabulary (generic words,
     topic words and phrases, ASEAN and partner names), one story per article (relevance spread over
     core / related / none) with 2-5 story_actors rows, and articles.story_id set. articles_fts is
     filled as its insert trigger would fill it, but with one INSERT ... SELECT per chunk (the
     trigger is dropped around the article insert and put back), so the FTS cost is printed apart:
     it is most of the build time;
  2. generates as many rules as the largest --rules count (1,000) deterministically: FTS5 queries
     (phrases, AND / OR / NOT, prefixes, NEAR, a title: column filter), actor conditions
     (actors_all / any / none), sources and min_relevance, alone or combined, each with the channel
     'desk'; every query is checked with check_fts_query. The first N rules make the N-rule set, so
     smaller sets are samples of the same mix;
  3. at each archive size and each rule count: deletes the alerts and outbox rows of the previous
     run, queues the --batch newest stories (store.queue_story in one write transaction) and times
     crawler.alerts.rules.evaluate_pending (wall and CPU). Then, with no writes, it times the parts:
     story_facts (the reads), ScratchIndex over the batch, every rule's query on it, and match_rules
     as a whole (which builds its own index; the rest of it is the per-(rule, story) filter loop in
     Python). Writes = evaluate_pending - story_facts - match_rules;
  4. at each archive size, with the most rules, queues the same batch again without resetting (every
     story was already checked: each (rule, story) alerted before is skipped and its channels looked
     up for an update), the path taken when a new carrier joins stories already alerted.

Goal: seconds per batch at the largest archive / at the smallest < 1.5 with the most rules
(independent of the archive size), judged on CPU time: evaluate_pending is CPU-bound (its reads and
writes hit the OS page cache), so wall time above CPU time is time other processes held the core,
and it varies from run to run on a shared machine.
Rule-count growth is expected to be about linear: 1000 rules / 100 rules near 10.
Other work on the machine skews the timings; wall and CPU time of a batch are each the best of
--repeat runs.

    --profile     cProfile of one evaluate_pending at the largest archive with the most rules
                  (top by own time)
    --keep        keep the database (its path is printed)
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import json
import os
import pstats
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fixtures import capitalise, gather, word_count

# crawler is imported from this checkout, whether or not it is installed
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.alerts.rules import ScratchIndex, evaluate_pending, match_rules
from crawler.config.alerts import RELEVANCE, Rule, check_fts_query
from crawler.store.database import Store

ROOT = Path(__file__).resolve().parents[1]

SEED = 20250901
GOAL_RATIO = 1.5
BULK_ROWS = 5000
START = datetime(2025, 9, 1, tzinfo=UTC)
SECONDS_PER_ARTICLE = 43.2  # 2,000 articles a day
CHANNEL = "desk"

# -- vocabulary ------------------------------------------------------------------------------------

# actor id -> the ways copy names it (name, capital, demonym)
ACTORS: dict[str, list[str]] = {
    "ASEAN": ["ASEAN", "ASEAN", "the Association of Southeast Asian Nations", "ASEAN leaders"],
    "CHN": ["China", "Beijing", "Chinese"],
    "RUS": ["Russia", "Moscow", "Russian"],
    "USA": ["the United States", "Washington", "American"],
    "JPN": ["Japan", "Tokyo", "Japanese"],
    "VNM": ["Vietnam", "Hanoi", "Vietnamese"],
    "MYS": ["Malaysia", "Kuala Lumpur", "Malaysian"],
    "IDN": ["Indonesia", "Jakarta", "Indonesian"],
    "PHL": ["the Philippines", "Manila", "Philippine"],
    "THA": ["Thailand", "Bangkok", "Thai"],
    "SGP": ["Singapore", "Singaporean"],
    "KOR": ["South Korea", "Seoul", "South Korean"],
    "IND": ["India", "New Delhi", "Indian"],
    "AUS": ["Australia", "Canberra", "Australian"],
    "person:sergei-lavrov": ["Sergei Lavrov", "Lavrov", "Foreign Minister Sergei Lavrov"],
    "person:anwar-ibrahim": ["Anwar Ibrahim", "Prime Minister Anwar Ibrahim", "Anwar"],
    "person:prabowo-subianto": ["Prabowo Subianto", "President Prabowo Subianto", "Prabowo"],
}
# how often a story involves each actor (relative)
ACTOR_WEIGHTS = {
    "ASEAN": 10,
    "CHN": 8,
    "USA": 7,
    "RUS": 4,
    "JPN": 4,
    "VNM": 5,
    "MYS": 5,
    "IDN": 5,
    "PHL": 5,
    "THA": 4,
    "SGP": 3,
    "KOR": 2,
    "IND": 2,
    "AUS": 2,
    "person:sergei-lavrov": 1,
    "person:anwar-ibrahim": 1.5,
    "person:prabowo-subianto": 1.5,
}
CORE_ACTORS = {
    "ASEAN",
    "VNM",
    "MYS",
    "IDN",
    "PHL",
    "THA",
    "SGP",
    "person:anwar-ibrahim",
    "person:prabowo-subianto",
}

TOPICS: dict[str, dict[str, list[str]]] = {
    "maritime": {
        "words": [
            "maritime",
            "coast",
            "guard",
            "vessels",
            "patrol",
            "waters",
            "reef",
            "shoal",
            "navy",
            "fishing",
            "territorial",
            "incursion",
            "boats",
            "islands",
            "archipelago",
        ],
        "phrases": [
            "South China Sea",
            "coast guard",
            "code of conduct",
            "exclusive economic zone",
            "territorial waters",
            "water cannon",
        ],
    },
    "trade": {
        "words": [
            "trade",
            "tariff",
            "tariffs",
            "exports",
            "imports",
            "investment",
            "investors",
            "market",
            "goods",
            "deficit",
            "surplus",
            "customs",
            "quota",
            "commerce",
            "shipments",
        ],
        "phrases": [
            "free trade agreement",
            "supply chain",
            "trade deal",
            "foreign direct investment",
            "trade talks",
            "export controls",
        ],
    },
    "diplomacy": {
        "words": [
            "summit",
            "partnership",
            "partners",
            "partner",
            "dialogue",
            "envoy",
            "ambassador",
            "delegation",
            "talks",
            "visit",
            "ministers",
            "cooperation",
            "bilateral",
            "treaty",
            "diplomatic",
            "consensus",
        ],
        "phrases": [
            "foreign minister",
            "joint statement",
            "strategic partnership",
            "dialogue partner",
            "bilateral talks",
            "comprehensive strategic partnership",
            "East Asia Summit",
        ],
    },
    "security": {
        "words": [
            "military",
            "defence",
            "exercises",
            "drills",
            "sanctions",
            "missile",
            "troops",
            "security",
            "weapons",
            "border",
            "insurgents",
            "ceasefire",
            "armed",
            "alliance",
        ],
        "phrases": [
            "joint exercises",
            "military drills",
            "arms sales",
            "defence ministers",
            "security cooperation",
        ],
    },
    "energy": {
        "words": [
            "energy",
            "oil",
            "gas",
            "pipeline",
            "nuclear",
            "renewable",
            "power",
            "grid",
            "coal",
            "electricity",
            "refinery",
            "solar",
            "hydropower",
            "fuel",
        ],
        "phrases": [
            "power grid",
            "liquefied natural gas",
            "energy transition",
            "nuclear power plant",
            "crude oil",
        ],
    },
    "economy": {
        "words": [
            "inflation",
            "growth",
            "currency",
            "ringgit",
            "rupiah",
            "baht",
            "dong",
            "peso",
            "yuan",
            "rates",
            "recession",
            "budget",
            "stimulus",
            "economy",
            "economists",
            "bank",
        ],
        "phrases": [
            "central bank",
            "interest rates",
            "economic growth",
            "gross domestic product",
            "monetary policy",
        ],
    },
    "climate": {
        "words": [
            "flood",
            "floods",
            "typhoon",
            "earthquake",
            "relief",
            "climate",
            "haze",
            "drought",
            "evacuated",
            "rainfall",
            "landslide",
            "emissions",
            "disaster",
            "rescue",
        ],
        "phrases": [
            "climate change",
            "disaster relief",
            "humanitarian aid",
            "carbon emissions",
            "tropical storm",
        ],
    },
    "technology": {
        "words": [
            "semiconductor",
            "semiconductors",
            "chips",
            "digital",
            "data",
            "technology",
            "startups",
            "cyber",
            "telecommunications",
            "satellite",
            "platforms",
            "software",
        ],
        "phrases": [
            "data centre",
            "digital economy",
            "artificial intelligence",
            "electric vehicles",
            "undersea cable",
        ],
    },
}
TOPIC_WEIGHTS = {
    "maritime": 3,
    "trade": 5,
    "diplomacy": 6,
    "security": 3,
    "energy": 2,
    "economy": 4,
    "climate": 2,
    "technology": 2,
}

GENERIC = (  # noqa: SIM905 - a word list this long reads better as text
    "the of and to in a on for with said that by at from as was is will has have would its their "
    "it be been an over after this which were not also more than about into new two three "
    "officials government minister week year month day last first next according statement told "
    "reporters spokesman spokeswoman press conference meeting held plans plan region regional "
    "country countries national local international public private sector issue issues concerns "
    "concern agreed agreement support supported call called calls urged urge stressed noted added "
    "expected expects hope hoped continue continued increase increased decline declined rise rose "
    "fall fell percent million billion people workers companies company industry sources report "
    "reports reported data figures showed shows show recent recently earlier later since during "
    "under between against among including despite while amid ahead following further other "
    "several many most some any all both each such same own well only just still even however "
    "because could should may might must can time times part way ways level levels point points "
    "measures steps step effort efforts process progress programme project projects policy "
    "policies law laws rules framework standards system systems services service capacity "
    "development developments strengthen strengthening improve improving promote promoting ensure "
    "ensuring address addressing discuss discussed discussion discussions review reviewed announce "
    "announced announcement launch launched sign signed signing hold holding host hosted attend "
    "attended meet met visit visited return returned leaders leader president prime parliament "
    "lawmakers opposition party election elections vote voters court ruling case cases police "
    "authorities agency ministry department office committee council commission panel group groups "
    "members member residents community communities province city capital district area areas "
    "north south east west central coastal border river island islands key major important "
    "significant strong stronger long term short high higher low lower large small big growing "
    "rising falling stable open closed joint common mutual peace peaceful stability prosperity "
    "future past current present possible potential likely"
).split()

SOURCES = ["antara", "bernama", "vna", "pna", "tna", "xinhua", "tass", "kyodo", "yonhap", "cna"]
SOURCE_WEIGHTS = [12, 12, 10, 8, 6, 14, 6, 8, 4, 10]
RELEVANCE_WEIGHTS = {"core": 2, "related": 3, "none": 5}  # before the actors shift it


def _zipf_cum(n: int, s: float = 1.0) -> list[float]:
    out, total = [], 0.0
    for r in range(1, n + 1):
        total += 1.0 / r**s
        out.append(total)
    return out


GENERIC_CUM = _zipf_cum(len(GENERIC), 0.9)
ACTOR_IDS = list(ACTOR_WEIGHTS)
ACTOR_W = [ACTOR_WEIGHTS[a] for a in ACTOR_IDS]
TOPIC_IDS = list(TOPIC_WEIGHTS)
TOPIC_W = [TOPIC_WEIGHTS[t] for t in TOPIC_IDS]


def _sample_distinct(
    rng: random.Random, items: Sequence[str], weights: Sequence[float], k: int
) -> list[str]:
    out: list[str] = []
    while len(out) < k:
        x = rng.choices(items, weights)[0]
        if x not in out:
            out.append(x)
    return out


@dataclass
class Synth:
    title: str
    body: str
    source: str
    actors: list[tuple[str, int]]  # (actor, mentions)
    relevance: str
    score: float
    reasons: list[str]


def synth_article(rng: random.Random) -> Synth:
    """A wire article about 1-2 topics and 2-5 actors, 150-300 words in sentences of 8-22 words."""
    actors = _sample_distinct(rng, ACTOR_IDS, ACTOR_W, rng.randint(2, 5))
    topics = _sample_distinct(rng, TOPIC_IDS, TOPIC_W, rng.choice((1, 1, 2)))
    topic_words = [w for t in topics for w in TOPICS[t]["words"]]
    topic_phrases = [p for t in topics for p in TOPICS[t]["phrases"]]
    target = rng.randint(150, 300)
    mentions = dict.fromkeys(actors, 0)

    def sentence() -> str:
        words = rng.choices(GENERIC, cum_weights=GENERIC_CUM, k=rng.randint(8, 22))
        # topic words, a phrase now and then, one or two actor names
        for _ in range(rng.randint(1, 3)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(topic_words))
        if rng.random() < 0.35:
            words.insert(rng.randrange(len(words) + 1), rng.choice(topic_phrases))
        for _ in range(rng.choice((0, 1, 1, 2))):
            a = rng.choice(actors)
            mentions[a] += 1
            words.insert(rng.randrange(len(words) + 1), rng.choice(ACTORS[a]))
        return capitalise(" ".join(words)) + "."

    sentences = gather(sentence, word_count, target)
    lead = actors[0]
    mentions[lead] += 1
    body_words = [ACTORS[lead][0].replace("the ", "The ", 1)]
    title = (
        f"{ACTORS[lead][0]} {rng.choice(('and', 'urges', 'says', 'to discuss', 'plans', 'eyes'))} "
        f"{rng.choice(topic_phrases)} {rng.choice(('with', 'amid', 'ahead of', 'after'))} "
        f"{rng.choice(ACTORS[actors[1]])} {rng.choice(topic_words)}"
    )
    title = capitalise(title)
    body = " ".join(body_words + sentences)
    core = sum(a in CORE_ACTORS for a in actors)
    weights = dict(RELEVANCE_WEIGHTS)
    weights["core"] += 2 * core
    weights["related"] += core
    relevance = rng.choices(list(weights), list(weights.values()))[0]
    score = {"core": 0.8, "related": 0.5, "none": 0.1}[relevance] + rng.random() * 0.2
    return Synth(
        title=title,
        body=body,
        source=rng.choices(SOURCES, SOURCE_WEIGHTS)[0],
        actors=[(a, max(m, 1)) for a, m in mentions.items()],
        relevance=relevance,
        score=score,
        reasons=[a for a in actors if a in CORE_ACTORS][:3],
    )


# -- archive ---------------------------------------------------------------------------------------


def _iso(i: int) -> str:
    return (START + timedelta(seconds=i * SECONDS_PER_ARTICLE)).isoformat(timespec="seconds")


def grow_archive(store: Store, rng: random.Random, first: int, last: int) -> dict[str, float]:
    """Articles (and their stories) first+1 .. last, with id = story id = the article's number."""
    timings = {"generate": 0.0, "articles": 0.0, "fts": 0.0, "stories": 0.0}
    trigger = store.conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_ai'"
    ).fetchone()[0]
    for lo in range(first + 1, last + 1, BULK_ROWS):
        hi = min(lo + BULK_ROWS - 1, last)
        t0 = time.perf_counter()
        synths = [(i, synth_article(rng)) for i in range(lo, hi + 1)]
        t1 = time.perf_counter()
        with store.write():
            store.conn.executemany(
                "INSERT INTO stories (id, first_seen, last_updated, title, article_id,"
                " article_count, sources, relevance, score, reasons)"
                " VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                [
                    (
                        i,
                        _iso(i),
                        _iso(i),
                        s.title,
                        i,
                        json.dumps([s.source]),
                        s.relevance,
                        round(s.score, 3),
                        json.dumps(s.reasons),
                    )
                    for i, s in synths
                ],
            )
            store.conn.executemany(
                "INSERT INTO story_actors (story_id, actor, articles, mentions)"
                " VALUES (?, ?, 1, ?)",
                [(i, a, m) for i, s in synths for a, m in s.actors],
            )
            t2 = time.perf_counter()
            # The articles_ai trigger does this row by row; dropped and put back around the insert
            # so the FTS part can be timed apart. The database ends up the same.
            store.conn.execute("DROP TRIGGER articles_ai")
            store.conn.executemany(
                "INSERT INTO articles (id, url, canonical_url, source, agency, title, body,"
                " published_at, published_local, published_from, fetched_at, language,"
                " content_hash, story_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'meta', ?, 'en', ?, ?)",
                [
                    (
                        i,
                        f"https://{s.source}.example/news/{i}",
                        f"https://{s.source}.example/news/{i}",
                        s.source,
                        s.source.upper(),
                        s.title,
                        s.body,
                        _iso(i),
                        _iso(i),
                        _iso(i + 3),
                        hashlib.sha1(s.body.encode()).hexdigest(),
                        i,
                    )
                    for i, s in synths
                ],
            )
            t3 = time.perf_counter()
            store.conn.execute(
                "INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles"
                " WHERE id BETWEEN ? AND ?",
                (lo, hi),
            )
            store.conn.execute(trigger)
        t4 = time.perf_counter()
        timings["generate"] += t1 - t0
        timings["stories"] += t2 - t1
        timings["articles"] += t3 - t2
        timings["fts"] += t4 - t3
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return timings


# -- rules -----------------------------------------------------------------------------------------


def _fts_word(name: str) -> str:
    """An actor name as an FTS5 term or phrase."""
    name = name.removeprefix("the ")
    return f'"{name}"' if " " in name else name


def make_rules(n: int, seed: int = SEED + 1) -> tuple[tuple[Rule, ...], dict[str, int]]:
    """n rules in a fixed mix; returns them and how many of each kind."""
    rng = random.Random(seed)
    all_phrases = [p for t in TOPICS.values() for p in t["phrases"]]
    all_words = [w for t in TOPICS.values() for w in t["words"]]
    rare_generic = GENERIC[150:]
    actor_names = {a: [_fts_word(x) for x in names] for a, names in ACTORS.items()}

    def word() -> str:
        return rng.choice(all_words)

    def actor_term() -> str:
        return rng.choice(actor_names[rng.choices(ACTOR_IDS, ACTOR_W)[0]])

    def phrase() -> str:
        return f'"{rng.choice(all_phrases).lower()}"'

    builders: list[tuple[str, float, Callable[[], str]]] = [
        ("phrase", 3, phrase),
        ("phrase AND actor", 3, lambda: f"{phrase()} AND {actor_term()}"),
        ("a AND b", 4, lambda: f"{word()} AND {actor_term()}"),
        ("a AND b AND c", 2, lambda: f"{word()} AND {word()} AND {actor_term()}"),
        ("(a OR b) AND c", 3, lambda: f"({word()} OR {word()} OR {phrase()}) AND {actor_term()}"),
        ("a NOT b", 2, lambda: f"{word()} NOT {actor_term()}"),
        ("prefix*", 2, lambda: f"{rng.choice(all_words)[: rng.randint(4, 6)]}* AND {actor_term()}"),
        ("partner* OR ...", 1, lambda: f"partner* AND ({actor_term()} OR {actor_term()})"),
        ("NEAR", 2, lambda: f"NEAR({actor_term()} {word()}, {rng.choice((5, 10, 20))})"),
        ("title: column", 1, lambda: f"title: {word()} AND {actor_term()}"),
        ("rare word", 1, lambda: f"{rng.choice(rare_generic)} AND {word()}"),
    ]
    kinds = [b[0] for b in builders]
    weights = [b[1] for b in builders]
    counts: dict[str, int] = {}
    rules: list[Rule] = []
    for k in range(n):
        fields: dict[str, Any] = {}
        with_query = rng.random() < 0.7
        if with_query:
            kind = rng.choices(kinds, weights)[0]
            query = builders[kinds.index(kind)][2]()
            problem = check_fts_query(query)
            if problem:
                raise SystemExit(f"generated an invalid query {query!r}: {problem}")
            fields["query"] = query
            counts[f"query: {kind}"] = counts.get(f"query: {kind}", 0) + 1
            if rng.random() < 0.3:
                fields["actors_any"] = tuple(
                    _sample_distinct(rng, ACTOR_IDS, ACTOR_W, rng.randint(1, 3))
                )
            if rng.random() < 0.15:
                fields["actors_none"] = tuple(_sample_distinct(rng, ACTOR_IDS, ACTOR_W, 1))
        else:
            if rng.random() < 0.5:
                fields["actors_all"] = tuple(_sample_distinct(rng, ACTOR_IDS, ACTOR_W, 2))
                counts["actors_all only"] = counts.get("actors_all only", 0) + 1
            else:
                fields["actors_any"] = tuple(
                    _sample_distinct(rng, ACTOR_IDS, ACTOR_W, rng.randint(1, 2))
                )
                counts["actors_any only"] = counts.get("actors_any only", 0) + 1
            if rng.random() < 0.3:
                fields["actors_none"] = tuple(
                    a
                    for a in _sample_distinct(rng, ACTOR_IDS, ACTOR_W, 1)
                    if a not in fields.get("actors_all", ()) + fields.get("actors_any", ())
                )
        if rng.random() < 0.2:
            fields["sources"] = tuple(
                _sample_distinct(rng, SOURCES, SOURCE_WEIGHTS, rng.randint(1, 3))
            )
            counts["+ sources"] = counts.get("+ sources", 0) + 1
        fields["min_relevance"] = rng.choices(RELEVANCE, (5, 3, 2))[0]
        rules.append(
            Rule(
                name=f"rule-{k:04d}",
                channels=(CHANNEL,),
                mode=rng.choice(("immediate", "digest")),
                **fields,
            )
        )
    return tuple(rules), counts


# -- measurements ----------------------------------------------------------------------------------


@dataclass
class Cell:
    archive: int
    rules: int
    wall: float
    cpu: float
    queue: float
    facts: float
    index: float
    search: float
    match: float
    alerts: int
    outbox: int


def reset(store: Store) -> None:
    with store.write():
        store.conn.execute("DELETE FROM outbox")
        store.conn.execute("DELETE FROM alerts")
        store.conn.execute("DELETE FROM rule_queue")


def newest_stories(store: Store, batch: int) -> list[tuple[int, int]]:
    rows = store.conn.execute(
        "SELECT id, article_id FROM stories ORDER BY first_seen DESC, id DESC LIMIT ?", (batch,)
    ).fetchall()
    return [(r[0], r[1]) for r in reversed(rows)]


def queue_batch(store: Store, batch: list[tuple[int, int]]) -> float:
    t0 = time.perf_counter()
    with store.write():
        for story_id, article_id in batch:
            store.alerts.queue_story(story_id, article_id)
    return time.perf_counter() - t0


def timed_evaluate(
    store: Store, rules: tuple[Rule, ...], profiler: cProfile.Profile | None = None
) -> tuple[float, float, int]:
    gc.collect()
    w0, c0 = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    raised = evaluate_pending(store, rules)
    if profiler is not None:
        profiler.disable()
    return time.perf_counter() - w0, time.process_time() - c0, len(raised)


def measure(
    store: Store, archive: int, rules: tuple[Rule, ...], batch: list[tuple[int, int]], repeat: int
) -> Cell:
    wall = cpu = queue = float("inf")
    raised = -1
    for _ in range(repeat):
        reset(store)
        queue = min(queue, queue_batch(store, batch))
        run = timed_evaluate(store, rules)
        wall, cpu = min(wall, run[0]), min(cpu, run[1])
        if raised not in (-1, run[2]):
            raise SystemExit(f"runs raised {raised} and {run[2]} alerts")
        raised = run[2]
    outbox = store.count("outbox")
    if store.count("rule_queue"):
        raise SystemExit("evaluate_pending left stories in rule_queue")
    # the parts, without writes
    ids = [s for s, _ in batch]
    facts_t = match_t = index_t = search_t = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        facts = store.alerts.story_facts(ids)
        facts_t = min(facts_t, time.perf_counter() - t0)
        articles = [a for f in facts.values() for a in f["articles"]]
        t0 = time.perf_counter()
        index = ScratchIndex(articles)
        t1 = time.perf_counter()
        for r in rules:
            if r.query:
                index.search(r.query)
        t2 = time.perf_counter()
        index.close()
        index_t, search_t = min(index_t, t1 - t0), min(search_t, t2 - t1)
        t0 = time.perf_counter()
        matches = match_rules(rules, facts, set())
        match_t = min(match_t, time.perf_counter() - t0)
        if len(matches) != raised:
            raise SystemExit(
                f"match_rules found {len(matches)} matches, evaluate_pending raised {raised}"
            )
    return Cell(
        archive, len(rules), wall, cpu, queue, facts_t, index_t, search_t, match_t, raised, outbox
    )


def recheck(
    store: Store, rules: tuple[Rule, ...], batch: list[tuple[int, int]]
) -> tuple[float, float, int, int]:
    """The batch queued again with its alerts in place: (wall, cpu, new alerts, alerts checked for
    updates)."""
    existing = store.count("alerts")
    queue_batch(store, batch)
    wall, cpu, raised = timed_evaluate(store, rules)
    return wall, cpu, raised, existing


def profile_run(
    store: Store, rules: tuple[Rule, ...], batch: list[tuple[int, int]], top: int = 22
) -> str:
    reset(store)
    queue_batch(store, batch)
    profiler = cProfile.Profile()
    wall, _, raised = timed_evaluate(store, rules, profiler)
    out = io.StringIO()
    out.write(
        f"cProfile of evaluate_pending ({len(rules)} rules, {len(batch)} stories, {raised} alerts, "
        f"{wall:.2f} s under the profiler), top {top} by own time:\n"
    )
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    text = out.getvalue()
    # drop pstats' preamble lines, keep the table
    lines = [ln for ln in text.splitlines() if ln.strip()]
    keep = [ln for ln in lines if not ln.lstrip().startswith(("Ordered by", "List reduced"))]
    return "\n".join(keep).replace(str(ROOT) + "/", "").replace(sys.prefix, "<venv>")


# -- report ----------------------------------------------------------------------------------------


def _ints(text: str) -> list[int]:
    return sorted({int(x.replace("_", "")) for x in text.split(",") if x.strip()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--archives", default="1000,10000,100000", help="archive sizes (articles), ascending"
    )
    parser.add_argument("--rules", default="10,100,1000", help="rule counts")
    parser.add_argument("--batch", type=int, default=1000, help="queued stories per measurement")
    parser.add_argument("--repeat", type=int, default=3, help="runs per cell; the best is kept")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    archives, rule_counts = _ints(args.archives), _ints(args.rules)
    if archives[0] < args.batch:
        raise SystemExit("the smallest archive must hold at least one batch")

    t_start = time.perf_counter()
    all_rules, kinds = make_rules(rule_counts[-1])
    n_query = sum(1 for r in all_rules if r.query)
    print(
        f"rules_scale: batch of {args.batch} new stories (one article each), rules {rule_counts}, "
        f"archives {archives}, best of {args.repeat}; load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
        f"SQLite {__import__('sqlite3').sqlite_version}, Python {sys.version.split()[0]}"
    )
    n_actors = sum(1 for r in all_rules if r.actors_all or r.actors_any or r.actors_none)
    n_sources = sum(1 for r in all_rules if r.sources)
    n_relevance = sum(1 for r in all_rules if r.min_relevance != "none")
    print(
        f"{len(all_rules)} rules: {n_query} with an FTS5 query, "
        f"{len(all_rules) - n_query} actor-only; "
        f"{n_actors} with actor conditions, "
        f"{n_sources} with sources, "
        f"{n_relevance} with min_relevance; each with one channel"
    )
    print(
        "  mix: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))
    )
    print("  e.g. " + " | ".join(r.query for r in all_rules[:12] if r.query))

    tmp = Path(tempfile.mkdtemp(prefix="wirewatch-rules-"))
    store = Store(tmp / "bench.db")
    rng = random.Random(SEED)
    cells: list[Cell] = []
    rechecks: dict[int, tuple[float, float, int, int]] = {}
    build_lines: list[str] = []
    profile_text = ""
    stored = 0
    try:
        for size in archives:
            t0 = time.perf_counter()
            tm = grow_archive(store, rng, stored, size)
            added, stored = size - stored, size
            took = time.perf_counter() - t0
            mb = (tmp / "bench.db").stat().st_size / 1e6
            build_lines.append(
                f"  +{added:>7,} articles -> {size:>7,}: {took:6.1f} s "
                f"(generate {tm['generate']:5.1f}, stories +"
                f" actors {tm['stories']:4.1f}, articles {tm['articles']:4.1f}, "
                f"FTS {tm['fts']:5.1f} s ="
                f" {added / max(tm['fts'], 1e-9):,.0f} articles/s); file {mb:,.0f} MB"
            )
            print(build_lines[-1], flush=True)
            batch = newest_stories(store, args.batch)
            if size == archives[0]:
                # warm-up, untimed: imports, code paths and caches, so the first cell is fair
                measure(store, size, all_rules, batch, 1)
            for n in rule_counts:
                cell = measure(store, size, all_rules[:n], batch, args.repeat)
                cells.append(cell)
                print(
                    f"  archive {size:>7,} rules {n:>5}: {cell.wall:6.2f} s, "
                    f"{cell.alerts:,} alerts",
                    flush=True,
                )
            rechecks[size] = recheck(store, all_rules, batch)
            if args.profile and size == archives[-1]:
                profile_text = profile_run(store, all_rules, batch)
        total = time.perf_counter() - t_start
    finally:
        store.close()
        if args.keep:
            print(f"database kept: {tmp / 'bench.db'}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    # body statistics of the batch words (from the generator, cheap to recompute on a sample)
    sample_rng = random.Random(SEED + 7)
    words = [len(synth_article(sample_rng).body.split()) for _ in range(300)]
    print(
        f"\nbodies: {min(words)}-{max(words)} words (mean {sum(words) / len(words):.0f})"
        " over a sample of 300"
    )

    print(
        f"\nevaluate_pending on a batch of {args.batch} queued stories "
        f"(best of {args.repeat}; wall s, CPU s)"
    )
    head = (
        f"{'archive':>9} {'rules':>6} {'s/batch':>8} {'cpu s':>7} {'ms/rule':>8} {'alerts':>8} "
        f"{'outbox':>7} | {'queue':>6} {'facts':>6} {'scratch':>7} {'queries':>7} {'py loop':>7} "
        f"{'writes':>7}"
    )
    print(head)
    print("-" * len(head))
    for c in cells:
        loop = max(c.match - c.index - c.search, 0.0)
        writes = max(c.wall - c.facts - c.match, 0.0)
        print(
            f"{c.archive:>9,} {c.rules:>6} {c.wall:>8.3f} {c.cpu:>7.3f} "
            f"{1000 * c.wall / c.rules:>8.2f} "
            f"{c.alerts:>8,} {c.outbox:>7,} | {c.queue:>6.3f} {c.facts:>6.3f} {c.index:>7.3f} "
            f"{c.search:>7.3f} "
            f"{loop:>7.3f} {writes:>7.3f}"
        )
    print(
        "  queue: queue_story x batch in one transaction (not in s/batch);"
        " facts: store.story_facts;"
        " scratch: ScratchIndex build;\n"
        "  queries: every rule's query on it (with highlight and snippet);"
        " py loop: match_rules - scratch - queries (per-(rule, story) filters);\n"
        "  writes: s/batch - facts - match_rules"
        " (alerts_for, create_alert, enqueue, dequeue, commit)"
    )

    print("\nre-check: the same batch queued again with its alerts in place (1,000 rules)")
    for size, (wall, cpu, raised, existing) in rechecks.items():
        print(
            f"{size:>9,} archive: {wall:6.3f} s (CPU {cpu:.3f}), {raised} new alerts, "
            f"{existing:,} alerts skipped"
            f" and looked up for updates"
        )

    by = {(c.archive, c.rules): c for c in cells}
    most, few = rule_counts[-1], rule_counts[0]
    small, large = archives[0], archives[-1]
    print("\nratios")
    print(
        "  (wall; CPU in brackets:"
        " the CPU ratio is the steadier one when other processes share the machine)"
    )
    for n in rule_counts:
        r = by[(large, n)].wall / by[(small, n)].wall
        rc = by[(large, n)].cpu / by[(small, n)].cpu
        print(
            f"  archive {large:,} / {small:,} at {n} rules: {r:.2f} ({rc:.2f})"
            + (
                f"  goal < {GOAL_RATIO} on CPU time: {'met' if rc < GOAL_RATIO else 'NOT met'}"
                if n == most
                else ""
            )
        )
    for size in archives:
        if len(rule_counts) >= 2:
            prev = rule_counts[-2]
            r = by[(size, most)].wall / by[(size, prev)].wall
            rc = by[(size, most)].cpu / by[(size, prev)].cpu
            print(
                f"  rules {most} / {prev} at archive {size:,}: {r:.2f} ({rc:.2f}); "
                f"linear: {most / prev:.0f}"
            )
    for size in archives:
        r = by[(size, most)].wall / by[(size, few)].wall
        rc = by[(size, most)].cpu / by[(size, few)].cpu
        print(
            f"  rules {most} / {few} at archive {size:,}: {r:.1f} ({rc:.1f}); "
            f"linear: {most / few:.0f}"
        )
    c = by[(large, most)]
    loop_share = max(c.match - c.index - c.search, 0) / c.wall
    writes_share = max(c.wall - c.facts - c.match, 0) / c.wall
    print(
        f"  at {large:,} articles and {most} rules: "
        f"match_rules {c.match / c.wall:.0%} of the batch "
        f"(queries {c.search / c.wall:.0%}, Python filter loop {loop_share:.0%}),"
        f" writes {writes_share:.0%}, story_facts {c.facts / c.wall:.0%}"
    )
    if profile_text:
        print("\n" + profile_text)
    print(
        f"\ntotal {total:.0f} s; "
        f"load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        f" on {os.cpu_count()} CPUs (wall well above CPU means other processes took turns)"
    )


if __name__ == "__main__":
    main()
