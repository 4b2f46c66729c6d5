"""Run sources once in this process: Scrapy settings resolved the way `scrapy crawl` resolves them,
plus the CLI's options, and a live progress table when attached to a terminal."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.config import Config
from crawler.crawl.interrupts import Interrupts
from crawler.store.database import Store
from crawler.store.schema import RUN_COUNTS

LOGGER = logging.getLogger(__name__)


def build_settings(
    config: Config,
    db_path: Path,
    overrides: dict[str, Any] | None = None,
    log_level: str = "WARNING",
) -> Settings:
    """Project settings, then the config's [crawl] table, then per-run overrides (which win)."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("LOG_LEVEL", log_level, priority="project")
    # The CLI owns the root log handler; Scrapy's would print its own copy of every line.
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="project")
    settings.set("WIREWATCH_CONFIG", str(config.path), priority="cmdline")
    settings.set("WIREWATCH_DB", str(db_path), priority="cmdline")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def typed_override(name: str, value: str) -> Any:
    """A `-s NAME=VALUE` value converted to the type of the setting's default (wirewatch's, else
    Scrapy's), so a typo is an error before the crawl starts rather than a traceback in it. Raises
    ValueError saying what was expected."""
    from scrapy.settings import default_settings

    from crawler import settings as ours

    default = getattr(ours, name, getattr(default_settings, name, None))
    if isinstance(default, bool):
        if value.lower() in ("1", "true", "yes", "on"):
            return True
        if value.lower() in ("0", "false", "no", "off"):
            return False
        raise ValueError("expects true or false")
    for typ, what in ((int, "a whole number"), (float, "a number")):
        if isinstance(default, typ):
            try:
                number = typ(value)
            except ValueError:
                raise ValueError(f"expects {what}") from None
            if number < 0:
                raise ValueError("must not be negative")
            return number
    return value


@dataclass
class RunSummary:
    source: str
    run_id: int | None
    pages: int
    new: int
    updated: int
    unchanged: int
    duplicates: int
    errors: int
    status: str
    write_error: str | None = None  # the first failed database write: the crawl exits non-zero


def crawl(
    config: Config,
    db_path: Path,
    names: list[str],
    overrides: dict[str, Any] | None = None,
    log_level: str = "WARNING",
    progress: bool = False,
    interrupts: Interrupts | None = None,
) -> list[RunSummary]:
    """Crawl the named sources once, all in one reactor; returns one summary per source. The
    caller has created and migrated the database (spiders open it concurrently) and installed
    `interrupts`, the signal handlers (else Scrapy's own are used)."""
    from crawler.workers import POOL

    settings = build_settings(config, db_path, overrides, log_level)
    process = CrawlerProcess(settings)
    crawlers = []
    for name in names:
        crawler = process.create_crawler(name)
        crawlers.append(crawler)
        process.crawl(crawler)
    if interrupts is not None:
        if interrupts.stopping:  # stopped before anything started
            return [_summary(name, None, {}) for name in names]
        interrupts.process = process
        interrupts.on_hard_stop.append(POOL.stop)
    live = _start_progress(crawlers) if progress else None
    try:
        process.start(install_signal_handlers=interrupts is None)
    finally:
        if live is not None:
            live.stop()
    for c in crawlers:
        if c.spider is not None and hasattr(c.spider, "close_cut_off"):
            c.spider.close_cut_off()  # a second Ctrl-C stopped the reactor before it closed
    run_ids = [
        c.spider.account.run_id
        for c in crawlers
        if c.spider is not None
        and hasattr(c.spider, "account")
        and c.spider.account.run_id is not None
    ]
    store = Store(db_path)
    try:
        rows = {r["id"]: r for r in store.crawl.runs(run_ids)}
    finally:
        store.close()
    out = []
    for crawler, name in zip(crawlers, names, strict=True):
        account = getattr(crawler.spider, "account", None)
        run_id = getattr(account, "run_id", None)
        summary = _summary(name, run_id, rows.get(run_id, {}))
        summary.write_error = getattr(account, "write_error", None)
        if summary.write_error:
            summary.status = "failed"
        out.append(summary)
    return out


def _summary(name: str, run_id: int | None, row: dict[str, Any]) -> RunSummary:
    return RunSummary(
        source=name,
        run_id=run_id,
        pages=row.get("pages", 0),
        new=row.get("new_articles", 0),
        updated=row.get("updated_articles", 0),
        unchanged=row.get("unchanged", 0),
        duplicates=row.get("duplicates", 0),
        errors=row.get("errors", 0),
        status=row.get("status", "not run"),
    )


def _start_progress(crawlers: list[Any]) -> Any:
    """A rich table of per-source counters, refreshed from the reactor twice a second."""
    from rich.console import Console
    from rich.live import Live
    from rich.table import Table
    from twisted.internet import task

    console = Console(file=sys.stderr)

    def render() -> Table:
        table = Table(title="wirewatch crawl", expand=False)
        for col in ("source", "pages", "new", "updated", "unchanged", "duplicates", "errors"):
            table.add_column(col, justify="left" if col == "source" else "right")
        for c in crawlers:
            counts = getattr(getattr(c.spider, "account", None), "counts", {}) if c.spider else {}
            table.add_row(
                c.spider.name if c.spider else "…",
                *(str(counts.get(k, 0)) for k in RUN_COUNTS),
            )
        return table

    # On a terminal the table vanishes when done (the summary follows); elsewhere its last state
    # stays.
    live = Live(render(), console=console, refresh_per_second=4, transient=console.is_terminal)
    live.start()
    loop = task.LoopingCall(lambda: live.update(render()))
    loop.start(0.5, now=False)

    class _Progress:
        def stop(self) -> None:
            live.update(render())  # the final counts, not the last tick's
            live.stop()

    return _Progress()
