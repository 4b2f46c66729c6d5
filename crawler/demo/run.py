"""`wirewatch demo`: serve the sample site, crawl it into its own database, show what was stored,
keep serving if asked, and stop cleanly on SIGINT or SIGTERM wherever it is."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from crawler.demo.server import DEMO_PORT, SiteServer, demo_config_text, site_root
from crawler.demo.stopping import Stopped, StopSignals, kill_group

LOGGER = logging.getLogger(__name__)
# How long a crawl asked to stop may take to close its runs (it stores and groups the pages it
# has) before it is killed; a second Ctrl-C kills it at once.
STOP_GRACE_S = 30.0


def run_demo(
    db: Path, verbose: int, serve: bool, echo: Callable[[str], None], port: int = DEMO_PORT
) -> int:
    """Crawl the sample site once, print what was stored, and keep serving it if asked. Returns
    the exit status: the crawl's when it failed, Stopped.exit_status after SIGINT or SIGTERM,
    else 0. Raises DemoError when the site cannot be served."""
    try:
        with StopSignals() as stop:
            return _serve_and_crawl(db, verbose, serve, echo, port, stop)
    except Stopped as stopped:
        return stopped.exit_status


def _serve_and_crawl(
    db: Path, verbose: int, serve: bool, echo: Callable[[str], None], port: int, stop: StopSignals
) -> int:
    from crawler.store.database import Store

    with SiteServer(site_root(), port=port) as site, tempfile.TemporaryDirectory() as tmp:
        cfg_path = Path(tmp) / "wirewatch.toml"
        cfg_path.write_text(demo_config_text(site.base), "utf-8")
        store = Store(db)
        try:
            before = store.count("articles")
        finally:
            store.close()
        echo(f"serving the sample wire site at {site.base}/")
        code = _crawl(cfg_path, db, verbose, stop)
        if code != 0:
            return code
        store = Store(db)
        try:
            rows = store.articles.recent(100)
            after = store.count("articles")
        finally:
            store.close()
        if before and after == before:
            echo(f"\nnothing new: the sample site was already in {db}")
        echo(f"\n{after} articles in {db}:")
        for r in rows:
            echo(
                f"  {r['published_local'] or '?':<26} {r['agency'] or '':<8} "
                f"{r['dateline'] or '':<13} {r['title']}"
            )
        echo(f"\nsearch them: wirewatch --db {db} search 'ASEAN AND China'")
        if serve:
            echo(f"still serving {site.base}/ (Ctrl-C to stop)")
            stop.wait()
    return 0


def _crawl(cfg_path: Path, db: Path, verbose: int, stop: StopSignals) -> int:
    """`wirewatch crawl` of every demo source, in a child process, as the daemon runs its crawls:
    Scrapy's reactor then never owns this process's signals. The child has a session of its own,
    so a Ctrl-C at the terminal reaches this process alone, which asks the crawl to stop once, with
    SIGTERM: Scrapy's graceful stop once it runs, a quiet end while the child is still starting
    (where SIGINT would print a KeyboardInterrupt)."""
    cmd = [sys.executable, "-m", "crawler.cli", "--config", str(cfg_path), "--db", str(db)]
    cmd += ["-v"] * verbose + ["crawl", "--no-progress"]
    proc: subprocess.Popen[bytes] | None = None
    try:
        with stop.held():
            proc = stop.child = subprocess.Popen(cmd, start_new_session=True)
        return proc.wait()
    except Stopped as stopped:
        if proc is not None:
            # The crawl logs the SIGTERM it is sent; say first what it stands for.
            LOGGER.warning(
                "%s: stopping the crawl after the pages in hand (again to stop now)",
                "Ctrl-C" if stopped.signum == signal.SIGINT else "SIGTERM",
            )
            proc.terminate()
            try:
                proc.wait(STOP_GRACE_S)
            except subprocess.TimeoutExpired:
                kill_group(proc)
                proc.wait()
        raise
    finally:
        stop.child = None
