"""The Datasette plugin of `wirewatch serve`: facets and filters of the front page by actor and
language (they live in other tables), cells shown for readers (times in the reader's zone, story
links, marked snippets), the story page's data, and `/` as the latest stories."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.facets import Facet
from datasette.filters import FilterArguments
from datasette.utils import path_with_added_args, path_with_removed_args
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from crawler.config.model import WEB_DATABASE
from crawler.web.queries import MARK_END, MARK_START, SEARCH_PAGE

FRONT_COLUMNS = ("first_seen", "title", "relevance", "sources", "article_count")
_ISO_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$")
# Turns every <time datetime> into the reader's own zone; the UTC value stays as its tooltip.
LOCAL_TIMES = """
document.querySelectorAll('time[datetime]').forEach(function (t) {
  var d = new Date(t.getAttribute('datetime'));
  if (isNaN(d)) { return; }
  t.title = t.getAttribute('datetime');
  t.textContent = d.toLocaleString(undefined, {year: 'numeric', month: 'short', day: '2-digit',
    hour: '2-digit', minute: '2-digit', timeZoneName: 'short'});
});
"""


def story_path(story_id: int | str) -> str:
    return f"/{WEB_DATABASE}/stories/{story_id}"


def front_page() -> str:
    return f"/{WEB_DATABASE}/stories?" + urlencode([("_col", c) for c in FRONT_COLUMNS])


class _RelatedFacet(Facet):
    """Stories counted by a value of a related table (story_actors.actor, articles.language);
    choosing one filters by the `_<type>` argument that `filters_from_request` reads."""

    table_name = ""
    key = "story_id"
    column = ""

    async def suggest(self) -> list[dict[str, Any]]:
        return []

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        if self.table != "stories" or not self.get_configs():
            return [], []
        size = self.get_facet_size()
        sql = (
            f"select r.{self.column} as value, count(distinct r.{self.key}) as count "
            f"from {self.table_name} r where r.{self.key} in (select id from ({self.sql})) "
            f"and r.{self.column} is not null group by value order by count desc, value "
            f"limit {size + 1}"
        )
        try:
            rows = (
                await self.ds.execute(
                    self.database,
                    sql,
                    self.params,
                    truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            ).rows
        except Exception:  # a facet over its time limit is left out, as Datasette's own are
            return [], [self.type]
        arg = f"_{self.type}"
        chosen = set(self.request.args.getlist(arg))
        results = []
        for row in rows[:size]:
            value = str(row["value"])
            selected = value in chosen
            change = path_with_removed_args if selected else path_with_added_args
            results.append(
                {
                    "value": value,
                    "label": value,
                    "count": row["count"],
                    "toggle_url": self.ds.absolute_url(
                        self.request, self.ds.urls.path(change(self.request, {arg: value}))
                    ),
                    "selected": selected,
                }
            )
        facet = {
            "name": self.type,
            "type": self.type,
            "hideable": False,
            "toggle_url": "",
            "results": results,
            "truncated": len(rows) > size,
        }
        return [facet], []


class ActorFacet(_RelatedFacet):
    type = "actor"
    table_name = "story_actors"
    column = "actor"


class LanguageFacet(_RelatedFacet):
    type = "language"
    table_name = "articles"
    column = "language"


@hookimpl
def register_facet_classes() -> list[type[Facet]]:
    return [ActorFacet, LanguageFacet]


@hookimpl
def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> Any:
    if database != WEB_DATABASE or table != "stories":
        return None
    where, params, said = [], {}, []
    for facet in (ActorFacet, LanguageFacet):
        for i, value in enumerate(request.args.getlist(f"_{facet.type}")):
            name = f"w_{facet.type}_{i}"
            where.append(
                f"id in (select {facet.key} from {facet.table_name} where {facet.column} = :{name})"
            )
            params[name] = value
            said.append(f"{facet.type} is {value}")
    return FilterArguments(where, params, said) if where else None


def _time(value: str) -> Markup:
    return Markup('<time datetime="{0}">{0}</time>').format(value)


def _marked(value: str) -> Markup:
    text = str(escape(value))
    return Markup(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def _json_list(value: str, sep: str) -> str | None:
    try:
        items = json.loads(value)
    except ValueError:
        return None
    return sep.join(map(str, items)) if isinstance(items, list) else None


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Any:
    if database != WEB_DATABASE or not isinstance(value, str | int) or value == "":
        return None
    keys = row.keys() if hasattr(row, "keys") else []
    if isinstance(value, str) and _ISO_TIME.match(value):
        return _time(value)
    if column == "snippet" and table is None:
        return _marked(str(value))
    if column == "title" and (table == "stories" or (table is None and "story" in keys)):
        story = row["id"] if table == "stories" else row["story"]
        return Markup('<a href="{}">{}</a>').format(
            datasette.urls.path(story_path(story)), str(value)
        )
    if column == "story" and table is None:
        return Markup('<a href="{}">{}</a>').format(datasette.urls.path(story_path(value)), value)
    if table == "stories" and column in ("sources", "reasons") and isinstance(value, str):
        return _json_list(value, ", " if column == "sources" else "; ")
    return None


async def _story(datasette: Any, story_id: str) -> dict[str, Any]:
    db = datasette.get_database(WEB_DATABASE)

    async def rows(sql: str) -> list[dict[str, Any]]:
        return [dict(r) for r in (await db.execute(sql, {"id": story_id})).rows]

    found = await rows("select * from stories where id = :id")
    if not found:
        return {}
    story = found[0]
    story["reasons"] = json.loads(story["reasons"] or "[]")
    return {
        "story": story,
        "articles": await rows(
            "select a.id, coalesce(a.agency, a.source) as agency, a.source, a.title, a.url, "
            "a.language, coalesce(a.published_at, a.fetched_at) as published, a.joined_as, "
            "a.joined_score, coalesce(v.agency, v.source) as joined_via_agency "
            "from articles a left join articles v on v.id = a.joined_via "
            "where a.story_id = :id order by published, a.id"
        ),
        "actors": await rows(
            "select actor, articles, mentions from story_actors where story_id = :id "
            "order by mentions desc, actor"
        ),
        "places": await rows(
            "select actor, articles, mentions from story_places where story_id = :id "
            "order by mentions desc, actor"
        ),
        "deliveries": await rows(
            "select a.rule, a.created_at, o.channel, o.kind, o.status, o.attempts, o.sent_at, "
            "o.last_error from alerts a join outbox o on o.alert_id = a.id "
            "where a.story_id = :id order by a.created_at, a.rule, o.channel, o.id"
        ),
    }


@hookimpl
def extra_template_vars(
    template: str,
    database: str | None,
    table: str | None,
    view_name: str,
    request: Any,
    datasette: Any,
) -> Any:
    if database != WEB_DATABASE or table != "stories" or view_name != "row" or request is None:
        return None

    async def inner() -> dict[str, Any]:
        pks = request.url_vars.get("pks", "")
        return {"wirewatch": await _story(datasette, pks)} if pks.isdigit() else {}

    return inner


def _page_args(args: Any, page: int) -> str:
    """The request's query string with `page` set: the search's previous and next links."""
    pairs = [(k, v) for k in args if k != "page" for v in args.getlist(k)]
    return urlencode([*pairs, ("page", str(page))])


@hookimpl
def prepare_jinja2_environment(env: Any) -> None:
    env.filters["wirewatch_page"] = _page_args
    env.globals["search_page"] = SEARCH_PAGE


@hookimpl
def extra_body_script() -> str:
    return LOCAL_TIMES


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    async def front(datasette: Any) -> Response:
        return Response.redirect(datasette.urls.path(front_page()))

    return [(r"^/$", front)]
