"""The `wirewatch` command: parse, call, report. Works from any directory."""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from crawler.config import Config, ConfigError, Job, load_config, resolve_db_path
from crawler.demo.server import DEMO_PORT
from crawler.text import LogFormatter, counted, local_time, table

if TYPE_CHECKING:
    from crawler.daemon.rhythm import History, Plan
    from crawler.store import Store

EXIT_CONFIG = 2


class Context:
    def __init__(self, config_path: str | None, db: str | None, verbose: int):
        self.config_path = config_path
        self.db = db
        self.verbose = verbose
        self._config: Config | None = None

    def config(self) -> Config:
        """The config, read and validated once per command (validation may load the gazetteer)."""
        if self._config is None:
            try:
                self._config = load_config(self.config_path)
            except ConfigError as exc:
                raise ConfigExit(str(exc)) from None
        return self._config

    def db_path(self, config: Config | None) -> Path:
        return resolve_db_path(self.db, config)


class ConfigExit(click.ClickException):
    """A config or usage problem: one line on stderr, exit status 2, no traceback."""

    exit_code = EXIT_CONFIG

    def show(self, file: Any = None) -> None:
        click.echo(f"wirewatch: {self.format_message()}", err=True)


class Commands(click.Group):
    """The command group: a database wirewatch cannot use is one line and exit 2, whichever command
    opened it."""

    def invoke(self, ctx: click.Context) -> Any:
        from crawler.store import StoreError

        try:
            return super().invoke(ctx)
        except StoreError as exc:
            raise ConfigExit(str(exc)) from None
        except KeyboardInterrupt:  # Ctrl-C before a command installed its own handling
            raise SystemExit(130) from None


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_path",
    metavar="PATH",
    envvar=None,
    help=(
        "Config file (default: $WIREWATCH_CONFIG, else ./wirewatch.toml, else the bundled default)."
    ),
)
@click.option(
    "--db",
    metavar="PATH",
    help="SQLite database (default: $WIREWATCH_DB, else [storage] path, else ./data/wirewatch.db).",
)
@click.option("-v", "--verbose", count=True, help="More log output (-v: info, -vv: debug).")
@click.version_option(package_name="wirewatch")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, db: str | None, verbose: int) -> None:
    """wirewatch: watch wire agencies for news on ASEAN's external relations."""
    ctx.obj = Context(config_path, db, verbose)
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(level)
    handler.setFormatter(LogFormatter())
    logging.root.addHandler(handler)
    logging.root.setLevel(level)


def _parse_overrides(values: tuple[str, ...]) -> dict[str, Any]:
    from crawler.crawl.runner import typed_override

    out = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise ConfigExit(f"-s expects NAME=VALUE, got {item!r}")
        try:
            out[name] = typed_override(name, value)
        except ValueError as exc:
            raise ConfigExit(f"-s {name}={value!r}: {exc}") from None
    return out


def _set_option(what: str) -> Callable[[Any], Any]:
    """-s NAME=VALUE, repeatable: a Scrapy setting that wins over [crawl]."""
    return click.option(
        "-s",
        "--set",
        "overrides",
        multiple=True,
        metavar="NAME=VALUE",
        help=f"Override a Scrapy setting {what}.",
    )


@main.command()
@click.argument("sources", nargs=-1)
@_set_option("for this run (wins over [crawl]), e.g. -s DOWNLOAD_DELAY=0")
@click.option(
    "--progress/--no-progress", default=None, help="Live progress table (default: on a terminal)."
)
@click.option(
    "--wait", is_flag=True, help="With [cluster]: wait until the workers and the writer are done."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=3600.0,
    show_default=True,
    help="With [cluster] and --wait: seconds to wait before giving up (exit status 1).",
)
@click.option(
    "--local",
    is_flag=True,
    help="With [cluster]: crawl here, into this host's database, as without a cluster "
    "(hand-written spiders, whose code the workers do not run).",
)
@click.pass_obj
def crawl(
    obj: Context,
    sources: tuple[str, ...],
    overrides: tuple[str, ...],
    progress: bool | None,
    wait: bool,
    timeout: float,
    local: bool,
) -> None:
    """Crawl SOURCES once (default: every enabled source) and print a summary per source.
    Ctrl-C stops it after the pages in hand, a second Ctrl-C at once (exit status 130). With a
    [cluster] table, the seeds go to the cluster's workers instead (see --wait)."""
    if obj.config().cluster is not None and not local:
        _crawl_on_cluster(obj, sources, wait, timeout)
        return
    from crawler.crawl.interrupts import Interrupts

    interrupts = Interrupts()
    interrupts.install()
    from crawler.crawl.runner import crawl as run_crawl

    config = obj.config()
    overrides_map = _parse_overrides(overrides)
    names = _select_sources(config, sources)
    if not names:
        click.echo("no enabled sources in " + str(config.path), err=True)
        return
    db = obj.db_path(config)
    level = ["WARNING", "INFO", "DEBUG"][min(obj.verbose, 2)]
    show = sys.stderr.isatty() if progress is None else progress
    from crawler.store.database import Store
    from crawler.store.locks import lock_dir, source_locks

    Store(db).close()  # created, migrated, and known to be writable before anything starts
    try:
        lock_dir(db).mkdir(exist_ok=True)
    except OSError as exc:
        raise ConfigExit(f"{lock_dir(db)}: cannot hold the crawl locks ({exc.strerror})") from None
    with source_locks(db, names) as (mine, busy):
        for name in busy:
            click.echo(f"{name}: skipped, a crawl of it is already running", err=True)
        summaries = (
            run_crawl(config, db, mine, overrides_map, level, show, interrupts) if mine else []
        )
    _print_summaries(summaries, db)
    if interrupts.stopping:
        interrupts.exit()
    failed = [s for s in summaries if s.write_error]
    for s in failed:
        click.echo(f"wirewatch: {s.source}: database writes failed: {s.write_error}", err=True)
    if failed:
        raise SystemExit(1)
    _exit_if_over_memory(summaries, config, db, overrides_map)


def _crawl_on_cluster(obj: Context, sources: tuple[str, ...], wait: bool, timeout: float) -> None:
    """The sources' seeds onto the cluster's frontier; with --wait, the same summary as a local
    crawl once the workers and the writer are done."""
    from crawler.alerts.redaction import install_redaction
    from crawler.cluster.jobs import ClusterUnreachableError, enqueue, wait_for
    from crawler.cluster.keys import keys_for
    from crawler.crawl.loader import hand_written_names
    from crawler.crawl.runner import RunSummary

    config = obj.config()
    install_redaction(config.secrets())
    names = _select_sources(config, sources)
    code = hand_written_names()
    hand_written = [n for n in names if n in code]
    if hand_written and sources:
        raise ConfigExit(
            f"{hand_written[0]!r} is a hand-written spider: cluster workers crawl plain sources "
            "only; the daemon crawls it on its own host, or run `wirewatch crawl --local "
            f"{hand_written[0]}` beside the database"
        )
    for name in hand_written:  # enabled in the config, so crawled by default: say why not here
        click.echo(
            f"{name}: hand-written spider, not queued for the workers (the daemon crawls it on "
            f"its own host, or run `wirewatch crawl --local {name}` beside the database)",
            err=True,
        )
    names = [n for n in names if n not in code]
    if not names:
        click.echo("no enabled sources in " + str(config.path), err=True)
        return
    try:
        job = enqueue(config, names)
        click.echo(f"job {job}: seeds of {counted(len(names), 'source')} queued", err=True)
        if not wait:
            return
        rows = wait_for(config, job, timeout)
    except ClusterUnreachableError as exc:
        click.echo(f"wirewatch: {exc}", err=True)
        raise SystemExit(1) from None
    except TimeoutError as exc:
        click.echo(f"wirewatch: job {job}: {exc}", err=True)
        raise SystemExit(1) from None
    for r in rows:
        if r.get("unreadable"):
            click.echo(
                f"wirewatch: job {job}: {counted(r['unreadable'], 'record')} of {r['source']} "
                f"unreadable by the writer, counted as errors (kept in "
                f"{keys_for(config.cluster).dead})",
                err=True,
            )
    summaries = [
        RunSummary(
            source=r["source"],
            run_id=r["run_id"],
            pages=r["pages"],
            new=r["new_articles"],
            updated=r["updated_articles"],
            unchanged=r["unchanged"],
            duplicates=r["duplicates"],
            errors=r["errors"],
            status="finished",
        )
        for r in rows
    ]
    _print_summaries(summaries, obj.db_path(config))


@main.command()
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    help="Requests in flight at once (default: the [crawl] table's, else 16).",
)
@_set_option("for this worker, e.g. -s WIREWATCH_EXTRACT_WORKERS=4")
@click.pass_obj
def worker(obj: Context, concurrency: int | None, overrides: tuple[str, ...]) -> None:
    """Serve the cluster's shared frontier ([cluster] table) until SIGTERM or SIGINT: fetch, extract
    and analyse, and hand the articles to the writer (`wirewatch ingest`). Run any number, on any
    hosts."""
    from crawler.alerts.redaction import install_redaction
    from crawler.cluster.keys import RedisRefusedError
    from crawler.cluster.worker import run_worker

    config = _cluster_config(obj)
    install_redaction(config.secrets())
    level = ["INFO", "INFO", "DEBUG"][min(obj.verbose, 2)]
    _log_at(logging.INFO if obj.verbose < 2 else logging.DEBUG)
    try:
        run_worker(
            config,
            config.cluster,  # type: ignore[arg-type]
            obj.db_path(config),
            concurrency,
            _parse_overrides(overrides),
            level,
            lambda line: click.echo(f"wirewatch: {line}", err=True),
        )
    except RedisRefusedError as exc:
        raise ConfigExit(str(exc)) from None


@main.command()
@click.pass_obj
def ingest(obj: Context) -> None:
    """The cluster's one writer ([cluster] table): store, group and alert on what the workers
    extract, beside the SQLite file, until SIGTERM or SIGINT. A second ingest waits for the
    first."""
    import signal

    from crawler.alerts.redaction import install_redaction
    from crawler.cluster.ingest import Writer
    from crawler.cluster.keys import RedisRefusedError

    config = _cluster_config(obj)
    install_redaction(config.secrets())
    _log_at(logging.INFO if obj.verbose < 2 else logging.DEBUG)
    writer = Writer(
        config,
        config.cluster,  # type: ignore[arg-type]
        obj.db_path(config),
        lambda line: click.echo(f"wirewatch: {line}", err=True),
        _gazetteer_path(obj),
    )

    def stop(signum: int, frame: Any) -> None:
        writer.stopping = True  # after the batch in hand is committed

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        writer.run()
    except RedisRefusedError as exc:
        raise ConfigExit(str(exc)) from None


def _cluster_config(obj: Context) -> Config:
    config = obj.config()
    if config.cluster is None:
        raise ConfigExit(f"no [cluster] table in {config.path}: workers and ingest need one")
    return config


def _log_at(level: int) -> None:
    logging.root.setLevel(level)
    for handler in logging.root.handlers:
        handler.setLevel(level)


def _select_sources(config: Config, requested: tuple[str, ...]) -> list[str]:
    """The sources to crawl: those named (configured or hand-written), else every enabled
    configured source."""
    known = {s.name for s in config.sources}
    if requested and not known.issuperset(requested):
        from crawler.crawl.loader import hand_written_sources

        known |= {s.name for s in hand_written_sources(config)}
    unknown = [n for n in requested if n not in known]
    if unknown:
        raise ConfigExit(
            f"unknown source {', '.join(map(repr, unknown))} in {config.path} "
            f"(known: {', '.join(sorted(known)) or 'none'})"
        )
    if requested:
        return list(dict.fromkeys(requested))
    return [s.name for s in config.sources if s.enabled]


def _exit_if_over_memory(
    summaries: list[Any], config: Config, db: Path, overrides: dict[str, str]
) -> None:
    """A crawl stopped at its memory limit failed: one line naming the limit and where to raise
    it, and exit status 1 (the daemon records the job as failed)."""
    from crawler.crawl.memory import memory_stop_line

    line = memory_stop_line(summaries, config, db, overrides)
    if line is not None:
        click.echo(f"wirewatch: {line}", err=True)
        raise click.exceptions.Exit(1)


def _print_summaries(summaries: list[Any], db: Path) -> None:
    header = (
        f"{'source':<14}{'pages':>7}{'new':>6}{'updated':>9}{'unchanged':>11}{'dupes':>7}"
        f"{'errors':>8}  status"
    )
    click.echo(header)
    for s in summaries:
        click.echo(
            f"{s.source:<14}{s.pages:>7}{s.new:>6}{s.updated:>9}{s.unchanged:>11}{s.duplicates:>7}"
            f"{s.errors:>8}  {s.status}"
        )
    click.echo(f"database: {db}")


@main.command()
@click.pass_obj
def sources(obj: Context) -> None:
    """List the configured sources."""
    config = obj.config()
    click.echo(f"config: {config.path}", err=True)
    _echo_table(
        ("source", "kind", "agency", "timezone", "enabled", "urls"),
        (
            (s.name, s.kind, s.agency, s.timezone, "yes" if s.enabled else "no", " ".join(s.urls))
            for s in config.sources
        ),
    )


def _echo_table(
    header: tuple[str, ...], rows: Iterable[Sequence[object]], indent: str = ""
) -> None:
    """Header first, then one line per record: what a reader and a script both expect."""
    for line in table(header, rows):
        click.echo(indent + line)


@main.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True, help="Most results to print.")
@click.pass_obj
def search(obj: Context, query: str, limit: int) -> None:
    """Print stored articles matching QUERY (SQLite FTS5 syntax), newest first."""
    from crawler.store.fts import explain_query_error

    store = _open_store(obj)
    try:
        rows = store.articles.search(query, limit)
    except sqlite3.OperationalError as exc:
        raise ConfigExit(explain_query_error(query, str(exc), "search query")) from None
    finally:
        store.close()
    _echo_table(
        ("published", "source", "title", "url", "snippet"),
        (
            (
                local_time(r["published_at"]),
                r["source"],
                r["title"],
                r["url"],
                r["snippet"],
            )
            for r in rows
        ),
    )
    if not rows:
        click.echo("no matches", err=True)


def _open_store(obj: Context, writable: bool = False) -> Store:
    """The database; read-only unless the command writes, so reading works on a read-only file or
    folder."""
    from crawler.store.database import Store

    config = obj.config()
    db = obj.db_path(config)
    if not db.exists():
        raise ConfigExit(f"no database at {db}: run `wirewatch crawl` first")
    return Store(db, read_only=not writable)


def _gazetteer_path(obj: Context) -> str | None:
    return obj.config().stories.gazetteer


@main.command()
@click.option(
    "--relevance",
    metavar="LEVELS",
    help="Only stories of this relevance: core, related or none, or several with commas "
    "(core,related).",
)
@click.option(
    "--since",
    metavar="DATE",
    help="Only stories first seen on or after DATE (YYYY-MM-DD or ISO time).",
)
@click.option("--limit", default=50, show_default=True, help="Most stories to print.")
@click.pass_obj
def stories(obj: Context, relevance: str | None, since: str | None, limit: int) -> None:
    """List stories, newest first, with their carriers and relevance."""
    import json

    relevance = _relevance_levels(relevance)
    since_iso = _since_iso(since)
    store = _open_store(obj)
    try:
        rows = store.stories.list_stories(relevance, since_iso, limit)
    finally:
        store.close()
    _echo_table(
        ("story", "first seen", "relevance", "articles", "sources", "title"),
        (
            (
                r["id"],
                local_time(r["first_seen"]),
                r["relevance"],
                r["article_count"],
                ",".join(json.loads(r["sources"])),
                r["title"],
            )
            for r in rows
        ),
    )
    if not rows:
        click.echo("no stories", err=True)


def _since_iso(since: str | None) -> str | None:
    """--since DATE or ISO time -> the stored UTC form; a date or time without an offset is read in
    the reader's zone, the zone every printed time is in."""
    from datetime import UTC, datetime

    if not since:
        return None
    try:
        when = datetime.fromisoformat(since)
    except ValueError:
        raise ConfigExit(
            f"--since: {since!r} is not a date (YYYY-MM-DD) or an ISO time (YYYY-MM-DDTHH:MM)"
        ) from None
    return when.astimezone(UTC).isoformat()


def _relevance_levels(value: str | None) -> str | None:
    """'related, core' -> 'related,core'; a level that does not exist is a usage error."""
    from crawler.store.schema import RELEVANCE

    if not value:
        return None
    levels = list(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    wrong = [v for v in levels if v not in RELEVANCE]
    if wrong or not levels:
        raise ConfigExit(
            f"--relevance: {value!r} is not a list of {', '.join(RELEVANCE)} (e.g. core,related)"
        )
    return ",".join(levels)


@main.command()
@click.argument("story_id", type=int)
@click.pass_obj
def story(obj: Context, story_id: int) -> None:
    """Show one story: its articles, its actors (parties), the states it names only as places, and
    the reasons for its relevance."""
    import json

    store = _open_store(obj)
    try:
        row = store.stories.story(story_id)
        if row is None:
            raise ConfigExit(f"no story {story_id}")
        members = store.stories.story_members(story_id)
        actors = store.stories.story_actor_rows(story_id)
        places = store.stories.story_place_rows(story_id)
    finally:
        store.close()
    click.echo(f"story {row['id']}: {row['title']}")
    click.echo(
        f"first seen {local_time(row['first_seen'])}, updated {local_time(row['last_updated'])},"
        f" {counted(row['article_count'], 'article')}"
    )
    click.echo(f"relevance {row['relevance']} (score {row['score']:.2f})")
    for reason in json.loads(row["reasons"]):
        click.echo(f"  - {reason}")
    click.echo("articles:")
    _echo_table(
        ("article", "published", "agency", "joined", "title", "url"),
        (
            (
                m["id"],
                local_time(m["published_at"] or m["fetched_at"]),
                m["agency"] or m["source"],
                _joined_text(m),
                m["title"],
                m["url"],
            )
            for m in members
        ),
        indent="  ",
    )
    click.echo("actors: " + ", ".join(f"{a} ({mentions})" for a, _, mentions in actors))
    if places:
        click.echo("places: " + ", ".join(f"{a} ({mentions})" for a, _, mentions in places))
    url = obj.config().web.story_url(row["id"])
    if url:
        click.echo(f"page: {url}")


def _joined_text(member: dict[str, Any]) -> str:
    """How an article came into its story: "near-copy of 12 (0.84)" (the larger of the Jaccard
    similarity and the containment), "update of 12" (its source's same headline), "re-telling of
    12 (+1.20)" (the model's log-odds), "-" for the article that began it or one grouped before
    this was kept."""
    how, via, alike = member["joined_as"], member["joined_via"], member["joined_score"]
    if how is None:
        return "-"
    if how == "update":
        return f"update of {via}"
    figure = f"{alike:+.2f}" if how == "re-telling" else f"{alike:.2f}"
    return f"{how} of {via} ({figure})"


@main.command()
@click.argument("query")
@click.option(
    "--on", "on_date", metavar="DATE", help="Resolve people's roles on this date (default: today)."
)
@click.pass_obj
def actors(obj: Context, query: str, on_date: str | None) -> None:
    """Show how a name resolves: the actor, its aliases, and a person's roles and states on a
    date."""
    from datetime import date

    from crawler.stories.gazetteer import GazetteerError
    from crawler.stories.grouping import matcher_for

    try:
        matcher = matcher_for(_gazetteer_path(obj))
    except GazetteerError as exc:
        raise ConfigExit(str(exc)) from None
    try:
        day = date.fromisoformat(on_date) if on_date else date.today()
    except ValueError:
        raise ConfigExit(f"--on: {on_date!r} is not a date (YYYY-MM-DD)") from None
    gaz = matcher.gazetteer
    ids = [query] if query in gaz else matcher.resolve(query)
    if not ids:
        click.echo(f"{query!r} names no actor in {gaz.path}")
        return
    for actor_id in ids:
        actor = gaz[actor_id]
        click.echo(
            f"{actor.id}  {actor.name}  ({actor.type}{', ' + actor.group if actor.group else ''})"
        )
        names = [n for n, _ in actor.all_names()]
        click.echo(f"  names: {', '.join(names)}")
        for role in actor.roles:
            end = role.end.isoformat() if role.end else "…"
            mark = "  <- on " + day.isoformat() if role.holds_on(day) else ""
            click.echo(f"  role: {role.title} of {role.of}, {role.start.isoformat()} – {end}{mark}")
        if actor.type == "person":
            states = actor.states_on(day)
            click.echo(
                f"  counts for: {', '.join(states) if states else 'no state'} on {day.isoformat()}"
            )


@contextmanager
def _progress_bar(total: int, what: str) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on a terminal (stderr), nothing elsewhere; yields `advance(n)`."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(what, total=total)
        yield lambda n: bar.advance(task, n)


@main.command()
@click.option(
    "--reanalyze",
    is_flag=True,
    help="Also read stored articles again with the current gazetteer and rules, and recompute their"
    " stories' actors, places and relevance (no new alerts for old stories).",
)
@click.option(
    "--since",
    metavar="YYYY-MM-DD",
    help="With --reanalyze: only articles fetched on or after this day (UTC).",
)
@click.pass_obj
def regroup(obj: Context, reanalyze: bool, since: str | None) -> None:
    """Put stored articles that have no story yet into stories (e.g. after upgrading an older
    database); with --reanalyze, read stored articles again after the gazetteer or the rules
    changed."""
    from crawler.stories.grouping import Grouper

    if since is not None:
        if not reanalyze:
            raise click.UsageError("--since goes with --reanalyze")
        try:
            day = date.fromisoformat(since)
        except ValueError:
            raise click.BadParameter(
                f"{since!r} is not a day (YYYY-MM-DD)", param_hint="--since"
            ) from None
        since = f"{day.isoformat()}T00:00:00"
    store = _open_store(obj, writable=True)
    try:
        grouper = Grouper(store, _gazetteer_path(obj), obj.config().stories.window_days)
        done = grouper.assign_pending()
        if reanalyze:
            total = store.stories.count_articles_since(since)
            with _progress_bar(total, "re-reading articles") as advance:
                read, changed = grouper.reanalyze(since, progress=advance)
    finally:
        store.close()
    click.echo(f"grouped {counted(done, 'article')}")
    if reanalyze:
        click.echo(
            f"read {counted(read, 'article')} again; {counted(changed, 'story', 'stories')}"
            " changed relevance"
        )


@main.command()
@click.option(
    "--channel", "channels", multiple=True, metavar="NAME", help="Only this channel (repeatable)."
)
@click.option(
    "--dry-run", is_flag=True, help="Print what would be sent; send nothing, mark nothing."
)
@click.pass_obj
def digest(obj: Context, channels: tuple[str, ...], dry_run: bool) -> None:
    """Send what is pending on every channel (or those named): digests and any immediate alerts left
    over."""
    from crawler.alerts.followup import check_and_deliver

    config = obj.config()
    unknown = [c for c in channels if c not in config.channels]
    if unknown:
        raise ConfigExit(
            f"unknown channel {unknown[0]!r} in {config.path} "
            f"(known: {', '.join(sorted(config.channels)) or 'none'})"
        )
    store = _open_store(obj, writable=True)
    try:
        reports = check_and_deliver(
            store, config, channels=list(channels) or None, dry_run=dry_run, echo=click.echo
        )
    finally:
        store.close()
    if not dry_run:
        for r in reports:
            state = f"error: {r.error}" if r.error else "ok"
            click.echo(
                f"{r.channel:<14} {r.items:>5} due  {r.sent:>5} sent in"
                f" {counted(r.messages, 'message')}  "
                f"{r.retry:>4} to retry  {r.failed:>4} failed  {state}"
            )


@main.command()
@click.option(
    "--failed", is_flag=True, help="Only alerts whose delivery failed for good on some channel."
)
@click.option("--limit", default=50, show_default=True, help="Most alerts to print.")
@click.pass_obj
def alerts(obj: Context, failed: bool, limit: int) -> None:
    """List alerts, newest first, with their delivery state per channel."""

    store = _open_store(obj)
    try:
        rows = store.alerts.list_alerts(failed=failed, limit=limit)
    finally:
        store.close()
    for a in rows:
        click.echo(
            f"{a['id']:>6}  {a['created_at'][:16]}  {a['rule']:<16} story {a['story_id']}:"
            f" {a['title']}"
        )
        for o in a["outbox"]:
            extra = f" ({o['last_error']})" if o["last_error"] else ""
            when = f" at {o['sent_at'][:16]}" if o["sent_at"] else ""
            click.echo(
                f"          {o['channel']:<12} {o['kind']:<7} {o['status']}{when},"
                f" {counted(o['attempts'], 'attempt')}{extra}"
            )
    if not rows:
        click.echo("no alerts", err=True)


@main.group()
def rules() -> None:
    """Alert rules of the config."""


@rules.command("test")
@click.argument("rule")
@click.option(
    "--since", metavar="DATE", help="Only stories first seen on or after DATE (YYYY-MM-DD)."
)
@click.pass_obj
def rules_test(obj: Context, rule: str, since: str | None) -> None:
    """Show what RULE would have matched in the stored archive, without sending or recording
    anything."""
    from crawler.alerts.rules import test_rule

    config = obj.config()
    found = next((r for r in config.rules if r.name == rule), None)
    if found is None:
        raise ConfigExit(
            f"unknown rule {rule!r} in {config.path} "
            f"(known: {', '.join(r.name for r in config.rules) or 'none'})"
        )
    since_iso = _since_iso(since)
    store = _open_store(obj)
    try:
        matches = test_rule(store, found, since_iso)
        stories = [store.stories.story(m.story_id) or {} for m in matches]
    finally:
        store.close()
    _echo_table(
        ("story", "relevance", "title", "terms", "actors", "snippet"),
        (
            (
                m.story_id,
                s.get("relevance"),
                s.get("title"),
                ", ".join(m.terms),
                ", ".join(m.actors),
                m.snippet,
            )
            for m, s in zip(matches, stories, strict=True)
        ),
    )
    click.echo(f"{counted(len(matches), 'story')} matched by rule {rule!r}", err=True)


@main.command()
@click.option(
    "--schedules",
    "schedules_dir",
    metavar="DIR",
    help=(
        "Schedules folder (default: $WIREWATCH_SCHEDULES, else ./schedules, else the bundled one)."
    ),
)
@click.option("--log-file", metavar="PATH", help="Also write the log to this file.")
@click.pass_obj
def daemon(obj: Context, schedules_dir: str | None, log_file: str | None) -> None:
    """Run scheduled crawls, digests and housekeeping until SIGTERM or SIGINT; SIGHUP reloads the
    schedules."""
    from crawler.config import resolve_schedules_dir
    from crawler.daemon.scheduler import Daemon

    config = obj.config()
    if obj.verbose == 0:
        logging.root.setLevel(logging.INFO)
        for handler in logging.root.handlers:
            handler.setLevel(logging.INFO)
    if log_file:
        handler = logging.FileHandler(log_file, encoding="utf-8")
        handler.setFormatter(LogFormatter())
        logging.root.addHandler(handler)
    try:
        runner = Daemon(obj.config_path, obj.db_path(config), resolve_schedules_dir(schedules_dir))
    except ConfigError as exc:
        raise ConfigExit(str(exc)) from None
    code = runner.run()
    # Jobs cut off at the stop limit must not hold the exit: their threads would be joined.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _scheduled_jobs(config: Config, schedules_dir: str | None) -> list[Job]:
    """The schedules' jobs; none when it cannot be read (status still reports the rest)."""
    from crawler.config import load_schedules, resolve_schedules_dir

    try:
        return load_schedules(resolve_schedules_dir(schedules_dir), config)
    except ConfigError:
        return []


def _duration_text(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds / size:g}{unit}"
    return f"{seconds:g}s"


def _every_text(seconds: float) -> str:
    return f"every {_duration_text(seconds)}"


def _trigger_text(job: Job) -> str:
    if job.every is not None:
        return _every_text(job.every)
    return f"cron {job.cron}" + (f" {job.timezone}" if job.timezone != "UTC" else "")


def _histories(config: Config, store: Store) -> dict[str, History]:
    """Each source's rhythm as `crawl_runs` records it."""
    from crawler.daemon.rhythm import History

    return {s.name: History.from_row(store.jobs.source_history(s.name)) for s in config.sources}


def _planned(scheduled: list[Job], histories: dict[str, History]) -> dict[str, list[Plan]]:
    """Each source's next poll by each `every` crawl job naming it, planned as the daemon plans
    it, from the database."""
    from crawler.daemon.rhythm import plan

    polled = [j for j in scheduled if j.kind == "crawl" and j.every is not None]
    now = datetime.now(UTC).timestamp()
    return {
        source: [plan(j, source, history, now) for j in polled if source in j.sources]
        for source, history in histories.items()
    }


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat()


def _print_sources(
    config: Config,
    store: Store,
    scheduled: list[Job],
    rows: list[dict[str, Any]],
    planned: dict[str, list[Plan]],
    histories: dict[str, History],
) -> None:
    next_run = {r["job_id"]: r["next_run"] for r in rows if r["next_run"]}
    lines = []
    for source in config.sources:
        st = store.jobs.source_status(source.name)
        plans = planned[source.name]
        soonest = min(plans, key=lambda p: p.start_at, default=None)
        # A cron job's next run is the one the daemon recorded.
        polled = {p.job.id for p in plans}
        runs = [
            next_run.get(j.id) for j in scheduled if source.name in j.sources and j.id not in polled
        ]
        if soonest is not None:
            runs.append(_iso(soonest.start_at))
        nxt = min((r for r in runs if r), key=datetime.fromisoformat, default=None)
        took = histories[source.name].last_took
        at = st["last_error_at"]
        error = f"{local_time(at)} {st['last_error'] or ''}".rstrip() if at else None
        lines.append(
            (
                source.name,
                local_time(st["last_run"]),
                st["last_status"],
                local_time(st["last_success"]),
                st["articles_24h"],
                st["articles"],
                st["health"],
                local_time(nxt),
                _duration_text(soonest.interval) if soonest else None,
                # runs are stored to the second
                None if took is None else "<1s" if took < 1 else f"{took:.0f}s",
                error,
            )
        )
    _echo_table(
        (
            "source",
            "last run",
            "status",
            "last success",
            "24h",
            "total",
            "health",
            "next run",
            "interval",
            "took",
            "last error",
        ),
        lines,
    )


def _print_channels(config: Config, store: Store) -> None:
    """Each channel's pending and failed alerts and its last delivery; nothing without channels."""
    if not config.channels:
        return
    click.echo("")
    _echo_table(
        ("channel", "pending", "failed", "last delivered"),
        (
            (name, ch["pending"], ch["failed"], local_time(ch["last_sent"]))
            for name, ch in ((n, store.outbox.channel_summary(n)) for n in sorted(config.channels))
        ),
    )


def _print_jobs(
    scheduled: list[Job], rows: list[dict[str, Any]], planned: dict[str, list[Plan]]
) -> None:
    """Every job of the schedules, with what the daemon recorded of it, and recorded jobs no longer
    scheduled; an `every` crawl job the daemon has not run yet shows its next poll of any source."""
    recorded = {r["job_id"]: r for r in rows}
    polls: dict[str, float] = {}
    for p in (p for plans in planned.values() for p in plans):
        polls[p.job.id] = min(polls.get(p.job.id, p.start_at), p.start_at)
    triggers = {j.id: _trigger_text(j) for j in scheduled}
    ids = list(triggers) + [r["job_id"] for r in rows if r["job_id"] not in triggers]
    if not ids:
        return
    lines = []
    for job_id in ids:
        r = recorded.get(job_id, {})
        lines.append(
            (
                job_id,
                local_time(r.get("last_start")),
                r.get("last_status"),
                local_time(r.get("next_run") or (_iso(polls[job_id]) if job_id in polls else None)),
                triggers.get(job_id, "(not scheduled)"),
            )
        )
    click.echo("")
    _echo_table(("job", "last start", "status", "next run", "schedule"), lines)


@main.command()
@click.option(
    "--schedules",
    "schedules_dir",
    metavar="DIR",
    help="Schedules folder (default: $WIREWATCH_SCHEDULES, else ./schedules, else the bundled).",
)
@click.pass_obj
def status(obj: Context, schedules_dir: str | None) -> None:
    """Per source: last run, last success, last error, articles in 24 h and in all, next run, its
    current interval and how long its last crawl took; per
    channel: pending, failed and last delivered alerts; per scheduled job: its schedule, last start,
    status and next run."""
    config = obj.config()
    scheduled = _scheduled_jobs(config, schedules_dir)
    store = _open_store(obj)
    try:
        rows = store.jobs.job_rows()
        histories = _histories(config, store)
        planned = _planned(scheduled, histories)
        _print_sources(config, store, scheduled, rows, planned, histories)
        if config.cluster is not None:
            from crawler.cluster.status import cluster_lines

            click.echo("\n".join(["", *cluster_lines(config.cluster)]))
        _print_channels(config, store)
        _print_jobs(scheduled, rows, planned)
    finally:
        store.close()


@main.command()
@click.option(
    "--serve/--no-serve", default=False, help="Keep serving the sample site after the crawl."
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEMO_PORT,
    show_default=True,
    help="Port of the sample site on 127.0.0.1. Keep it the same from run to run: the stored URLs "
    "carry it. 0: any free port.",
)
@click.pass_obj
def demo(obj: Context, serve: bool, port: int) -> None:
    """Serve the bundled sample wire site on 127.0.0.1 and crawl it into its own database; run
    again, it stores nothing new. Ctrl-C stops it (exit 130), SIGTERM too (exit 0)."""
    from crawler.demo.run import run_demo
    from crawler.demo.server import DemoError

    db = Path(obj.db) if obj.db else Path.cwd() / "data" / "demo.db"
    try:
        code = run_demo(db, obj.verbose, serve=serve, echo=click.echo, port=port)
    except DemoError as exc:
        raise ConfigExit(str(exc)) from None
    raise SystemExit(code)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="0: any free."
)
@click.option(
    "--sql/--no-sql",
    default=None,
    help="Allow arbitrary read-only SQL queries (default: on 127.0.0.1 and ::1 only).",
)
@click.option("--db", "db", metavar="PATH", help="The database to serve (as `wirewatch --db`).")
@click.pass_obj
def serve(obj: Context, host: str, port: int, sql: bool | None, db: str | None) -> None:
    """Browse and search the database in a web page (Datasette, read-only): latest stories, story
    pages, search, alerts, sources. Ctrl-C stops it."""
    if db:
        obj.db = db
    from crawler.web.serve import ServeError
    from crawler.web.serve import serve as run_server

    _open_store(obj).close()  # a missing, foreign or newer database is one line, exit 2
    try:
        run_server(obj.db_path(obj.config()), host, port, sql, click.echo)
    except ServeError as exc:
        raise ConfigExit(str(exc)) from None


if __name__ == "__main__":  # pragma: no cover
    main()
