"""The canned queries behind the search, alerts and sources pages: SQL over the schema as it is,
so the web pages need no migration and no writes."""

from __future__ import annotations

# FTS5 snippet markers: control characters no article text keeps, turned into <mark> on display.
MARK_START = "\x02"
MARK_END = "\x03"
# Results per page of a search; `page` (1, 2, ...) pages on, with links under the table.
SEARCH_PAGE = 50

SEARCH = f"""
select
  a.story_id as story,
  a.title,
  snippet(articles_fts, -1, char(2), char(3), '…', 24) as snippet,
  coalesce(a.published_at, a.fetched_at) as published,
  coalesce(a.agency, a.source) as agency,
  a.source,
  s.relevance
from articles_fts
join articles a on a.id = articles_fts.rowid
join stories s on s.id = a.story_id
where articles_fts match nullif(:q, '')
  and (:source = '' or a.source = :source)
  and (:relevance = '' or s.relevance = :relevance)
  and (:since = '' or coalesce(a.published_at, a.fetched_at) >= :since)
  and (:until = '' or coalesce(a.published_at, a.fetched_at) < date(:until, '+1 day'))
  and (:actor = '' or exists (
    select 1 from story_actors sa where sa.story_id = a.story_id and sa.actor = :actor))
order by rank
limit {SEARCH_PAGE}
offset (max(coalesce(cast(nullif(:page, '') as integer), 1), 1) - 1) * {SEARCH_PAGE}
"""

ALERTS = """
select
  a.rule,
  o.channel,
  sum(o.status = 'pending') as pending,
  sum(o.status = 'sent') as sent,
  sum(o.status = 'failed') as failed,
  max(a.created_at) as last_alert,
  (select o2.last_error from outbox o2 join alerts a2 on a2.id = o2.alert_id
    where a2.rule = a.rule and o2.channel = o.channel and o2.last_error is not null
    order by o2.id desc limit 1) as last_error
from alerts a
join outbox o on o.alert_id = a.id
group by a.rule, o.channel
order by a.rule, o.channel
"""

SOURCES = """
with names as (
  select source from crawl_runs union select source from articles
  union select source from source_health
),
latest as (select source, max(id) as id from crawl_runs group by source)
select
  n.source,
  r.started_at as last_run,
  r.status as last_status,
  r.new_articles as last_new,
  r.errors as last_errors,
  coalesce(h.state, 'ok') as health,
  h.detail as health_detail,
  (select count(*) from articles x
    where x.source = n.source
      and x.fetched_at >= strftime('%Y-%m-%dT%H:%M:%S', 'now', '-1 day')) as articles_24h,
  (select count(*) from articles x where x.source = n.source) as articles
from names n
left join latest l on l.source = n.source
left join crawl_runs r on r.id = l.id
left join source_health h on h.source = n.source
order by n.source
"""

CANNED = {
    "search": {
        "title": "Search",
        "description": (
            'Full-text search over titles and bodies (SQLite FTS5 syntax: "South China Sea", '
            "ASEAN AND Russia, partner*). Optional filters: source, relevance (core, related, "
            f"none), since and until (YYYY-MM-DD, UTC days), actor (a gazetteer id such as CHN). "
            f"Best matches first, {SEARCH_PAGE} a page (page: 1, 2, ...)."
        ),
        "sql": SEARCH,
        "hide_sql": True,
    },
    "alerts": {
        "title": "Alerts",
        "description": (
            "Per rule and channel: deliveries pending, sent and failed, the last alert, and the "
            "last error (passwords and webhook URLs already replaced by ***)."
        ),
        "sql": ALERTS,
        "hide_sql": True,
    },
    "sources": {
        "title": "Sources",
        "description": (
            "Each source: its last run and status, its health, and the articles it brought in "
            "the last 24 hours and in all."
        ),
        "sql": SOURCES,
        "hide_sql": True,
    },
}
