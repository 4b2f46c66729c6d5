"""What each table and column of the database holds: the descriptions Datasette shows, and the
tables of the README's Database section (tests/test_web_docs.py checks that they say the same,
and that every table and column of the schema is here), so the two cannot drift."""

from __future__ import annotations

from typing import NamedTuple


class TableDoc(NamedTuple):
    """One table: what one row is, a note when the columns are not listed, and each column."""

    per: str
    note: str | None  # after the columns: what they are together, or the whole cell
    columns: dict[str, str]


TABLES: dict[str, TableDoc] = {
    "articles": TableDoc(
        "canonical URL",
        None,
        {
            "id": "",
            "url": "fetched from",
            "canonical_url": "unique",
            "source": "",
            "agency": "",
            "title": "",
            "body": "clean text, dateline and credit stripped",
            "summary": "",
            "published_at": "UTC ISO 8601",
            "published_local": "the same instant with its original offset",
            "published_from": (
                "`meta`, `json-ld`, `time`, `seed`, `byline`: printed above the text"
            ),
            "fetched_at": "",
            "updated_at": "",
            "language": "",
            "author": "",
            "dateline": "place as written",
            "content_hash": "SHA-256 of the normalised body",
            "seed_stamp": "feed `updated` / sitemap `lastmod` last seen",
            "story_id": "its story",
            "joined_as": (
                "how it came into its story: `near-copy`, `update` (the same source's headline"
                " within 20 hours) or `re-telling`; NULL for the article that began it, and for"
                " articles grouped before schema 9"
            ),
            "joined_via": "the story's article it was found alike",
            "joined_score": (
                "how alike: for a near-copy the larger of the estimated Jaccard similarity and the"
                " containment, 0 to 1; 1 for an update; for a re-telling the model's log-odds,"
                " joined from -0.1; a row joined before the model was last fitted keeps the score"
                " of its day, joined then from -0.5, -0.2 or -0.15"
            ),
            "headline": (
                "the title as an update re-prints it: lower case, an update's mark such as `(LEAD)`"
                " or `UPDATE 1-` and punctuation set aside; indexed with `source`, schema 11"
            ),
        },
    ),
    "articles_fts": TableDoc(
        "article",
        (
            "FTS5 index over `title`, `body` (`unicode61 remove_diacritics 2`), kept in sync by "
            "triggers"
        ),
        {},
    ),
    "article_urls": TableDoc(
        "URL that led to an article",
        None,
        {
            "url": "canonical form",
            "article_id": "",
            "kind": "`canonical`, `seed`, `fetched`, `redirect`",
        },
    ),
    "revisions": TableDoc(
        "replaced text",
        None,
        {
            "id": "",
            "article_id": "",
            "title": "",
            "body": "",
            "content_hash": "",
            "fetched_at": "",
            "replaced_at": "",
        },
    ),
    "url_outcomes": TableDoc(
        "URL that stored nothing (latest outcome)",
        None,
        {
            "url": "",
            "source": "",
            "kind": "`seed`/`article`",
            "outcome": "",
            "reason": "",
            "permanent": "",
            "seed_stamp": "",
            "attempts": "",
            "first_at": "",
            "last_at": "",
            "run_id": "",
        },
    ),
    "crawl_runs": TableDoc(
        "run of one source",
        None,
        {
            "id": "",
            "source": "",
            "started_at": "",
            "finished_at": "",
            "status": (
                "`running`, `finished`, `failed` (also a crawl the daemon killed at its time "
                "limit), `stopped` by SIGTERM or SIGINT (also a crawl the daemon killed when it "
                "stopped), `interrupted`: its process ended before the run closed, found when the "
                "next run of the source starts"
            ),
            "finish_reason": (
                "Scrapy's: `finished`, `shutdown`, `memusage_exceeded` when the memory limit "
                "stopped it..."
            ),
            "pages": "",
            "new_articles": "",
            "updated_articles": "",
            "unchanged": "",
            "duplicates": "",
            "errors": "",
        },
    ),
    "seed_state": TableDoc(
        "seed URL",
        None,
        {
            "url": "",
            "source": "",
            "etag": "",
            "last_modified": "",
            "last_status": "",
            "last_fetched_at": "",
            "last_changed_at": "",
        },
    ),
    "robots_txt": TableDoc(
        "host's robots.txt",
        None,
        {
            "url": "`scheme://host[:port]/robots.txt`",
            "status": "`2xx`: the rules are in `body`; `4xx`: no rules, all allowed",
            "body": "bytes as downloaded; empty for `4xx`",
            "etag": "",
            "last_modified": "",
            "fetched_at": "when `body` was downloaded",
            "checked_at": (
                "the last answer that confirmed it, `304` included: its age decides the next check"
            ),
        },
    ),
    "stories": TableDoc(
        "story (one or more articles)",
        None,
        {
            "id": "",
            "first_seen": "publish time of its earliest article, UTC",
            "last_updated": "",
            "title": "of its earliest-published article",
            "article_id": "that article",
            "article_count": "",
            "sources": "JSON list of the sources that carried it",
            "relevance": "`core`, `related`, `none`",
            "score": "0–1",
            "reasons": "JSON list: the actors and terms that decided",
        },
    ),
    "article_signatures": TableDoc(
        "article",
        None,
        {
            "article_id": "",
            "minhash": "MinHash signature of the body's word 4-grams",
            "shingles": "how many",
            "seen_at": "fetch time: decides the index window",
            "features": (
                "what the rewrite check compares, JSON: `terms` stem → count, `anchors` figures "
                "(one form however written: `#3000` for 3,000, 3 thousand or three thousand; "
                "`#472000000` for 472 million, US$472mil, PHP472-million or 472 mln; `#12%` for 12 "
                "percent or 12 pct; `#0.25pp` for a change of 0.25 percentage point; schema 10 "
                "rewrote the older `#1.5e9` form; rows analysed before the short scales (`bln`, "
                "`bil`, `mil`, `mn`) and a currency's letters (`RM2.08bil`) were read keep those "
                "amounts as their digits until `wirewatch regroup --reanalyze` reads them again) "
                "and names in text order; older rows may also hold `quoted`, stems inside "
                "quotation marks, which is no longer read; empty for articles analysed before "
                "schema 6"
            ),
        },
    ),
    "signature_log": TableDoc(
        "signature written",
        ": lets each process's index pick up what the others stored",
        {
            "seq": "commit order",
            "article_id": "",
        },
    ),
    "article_actors": TableDoc(
        "(article, actor)",
        "; parties only",
        {
            "article_id": "",
            "actor": "gazetteer id",
            "count": "",
            "first_offset": "in title + newline + body",
            "via": (
                "the person whose dated role made this a mention of a state; a person named by a "
                "role phrase has none: the phrase names the state itself"
            ),
        },
    ),
    "story_actors": TableDoc(
        "(story, actor)",
        "; parties only",
        {
            "story_id": "",
            "actor": "",
            "articles": "how many of its articles mention it",
            "mentions": "",
        },
    ),
    "article_places": TableDoc(
        "(article, state)",
        None,
        {
            "article_id": "",
            "actor": (
                "gazetteer id of a state the article names only as a place, market, origin or "
                "destination"
            ),
            "count": "",
            "first_offset": "",
        },
    ),
    "story_places": TableDoc(
        "(story, state)",
        (
            ": states named only as places in the story (a state that is a party in any of its "
            "articles is an actor)"
        ),
        {
            "story_id": "",
            "actor": "",
            "articles": "",
            "mentions": "",
        },
    ),
    "job_runs": TableDoc(
        "scheduled job",
        None,
        {
            "job_id": "file stem, kind, index: `default:crawl:0`",
            "kind": "",
            "last_start": "",
            "last_end": "",
            "last_status": "`ok`, `failed`, `timed out`, `skipped`, `stopped`",
            "last_error": "",
            "next_run": "",
        },
    ),
    "source_health": TableDoc(
        "source",
        None,
        {
            "source": "",
            "state": "`ok`, `failing`, `silent`",
            "since": "",
            "detail": "",
            "notified": "the state last reported",
        },
    ),
    "rule_queue": TableDoc(
        "story waiting for its rules",
        None,
        {
            "story_id": "",
            "article_id": "the article that last joined or changed it",
            "queued_at": "",
        },
    ),
    "alerts": TableDoc(
        "(rule, story)",
        None,
        {
            "id": "",
            "rule": "its name",
            "story_id": "",
            "article_id": "the article that triggered it",
            "terms": "JSON list of matched terms",
            "actors": "JSON list of matched actor ids",
            "snippet": "",
            "created_at": "",
        },
    ),
    "outbox": TableDoc(
        "(alert, channel, kind, article)",
        None,
        {
            "id": "",
            "alert_id": "",
            "channel": "",
            "kind": "`new`, or `update`: the story got a carrier or a new lead",
            "article_id": "",
            "mode": "",
            "status": "`pending`, `sent`, `failed`",
            "attempts": "",
            "next_attempt_at": "",
            "last_error": "",
            "created_at": "",
            "sent_at": "",
            "delivery_id": "",
        },
    ),
    "deliveries": TableDoc(
        "delivery run of one channel",
        None,
        {
            "id": "",
            "channel": "",
            "started_at": "",
            "finished_at": "",
            "status": (
                "`sending`, `sent`, `partial`, `failed`, `interrupted`: its process ended while "
                "sending, found by the channel's next delivery, which sends what it left pending"
            ),
            "items": "outbox rows",
            "messages": "accepted by the server",
            "error": "",
        },
    ),
}
