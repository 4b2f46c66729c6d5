"""The crawl's memory limit: Scrapy's memory-usage extension closes every spider of the process
with reason `memusage_exceeded` once the process's peak resident memory passes MEMUSAGE_LIMIT_MB
(`memory_limit_mb` in [crawl]). Here: which runs it stopped, and the one line that tells the user
which limit it was and where to raise it."""

from __future__ import annotations

import resource
import sys
from typing import TYPE_CHECKING, Any

from crawler.store.database import Store

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from crawler.config import Config
    from crawler.crawl.runner import RunSummary

MEMORY_STOP = "memusage_exceeded"  # the reason Scrapy's extension closes a spider with


def peak_memory_mb() -> float:
    """This process's peak resident memory: what Scrapy's extension compares with the limit."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def stopped_by_memory(db: Path, run_ids: Sequence[int]) -> list[str]:
    """The sources among these runs that the memory limit stopped, by name."""
    store = Store(db)
    try:
        runs = store.crawl.runs(list(run_ids))
    finally:
        store.close()
    return sorted(r["source"] for r in runs if r["finish_reason"] == MEMORY_STOP)


def memory_stop_line(
    summaries: Sequence[RunSummary], config: Config, db: Path, overrides: dict[str, Any]
) -> str | None:
    """One line when the memory limit stopped any run of this crawl (run in this process), else
    None."""
    from crawler.crawl.runner import build_settings

    stopped = stopped_by_memory(db, [s.run_id for s in summaries if s.run_id is not None])
    if not stopped:
        return None
    # Resolved as the spiders resolve it: the config's [crawl] table at spider priority, which
    # project settings lose to and -s wins over.
    settings = build_settings(config, db, overrides)
    settings.setdict(dict(config.scrapy_settings()), priority="spider")
    limit = settings.getint("MEMUSAGE_LIMIT_MB")
    return (
        f"crawl of {', '.join(stopped)} stopped at its memory limit of {limit} MB (peak"
        f" {peak_memory_mb():.0f} MB): raise memory_limit_mb under [crawl] in {config.path},"
        " or set -s MEMUSAGE_LIMIT_MB=N for one run"
    )
