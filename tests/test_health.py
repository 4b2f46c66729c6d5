"""Source health judged from the crawl history: failing runs in a row, and silence beyond the usual
rhythm."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from crawler.alerts.health import FAILING, OK, SILENT, assess
from crawler.store.database import Store

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def run(
    store: Store, source: str, when: datetime, new: int, errors: int = 0, status: str = "finished"
) -> None:
    with store.write():
        store.conn.execute(
            "INSERT INTO crawl_runs"
            " (source, started_at, finished_at, status, pages, new_articles, errors)"
            " VALUES (?, ?, ?, ?, 1, ?, ?)",
            (source, when.isoformat(), when.isoformat(), status, new, errors),
        )


def test_silent_source_is_found_from_its_own_rhythm(tmp_path: Path) -> None:
    """A source that brought news every hour and has brought none for 10 hours is silent; one that
    usually brings news daily is not, after the same 10 hours."""
    store = Store(tmp_path / "ww.db")
    for i in range(10):
        run(store, "hourly", NOW - timedelta(hours=10 + i), new=2)
        run(store, "daily", NOW - timedelta(hours=10 + 24 * i), new=2)
    for h in range(9):  # polls since then, all answered 304
        run(store, "hourly", NOW - timedelta(hours=h), new=0)
    state, detail = assess(store, "hourly", 3, 4.0, 3600, NOW)
    assert state == SILENT and "usually every 1.0 h" in detail
    assert assess(store, "daily", 3, 4.0, 3600, NOW)[0] == OK
    store.close()


def test_failing_needs_every_recent_run_to_fail(tmp_path: Path) -> None:
    """Three failed runs in a row make a source failing, and the notice says how many in words that
    agree with the number; a success among them does not."""
    store = Store(tmp_path / "ww.db")
    run(store, "a", NOW - timedelta(hours=3), new=0, errors=1)
    run(store, "a", NOW - timedelta(hours=2), new=0, errors=1)
    run(store, "a", NOW - timedelta(hours=1), new=0, errors=2)
    run(store, "b", NOW - timedelta(hours=3), new=0, errors=1)
    run(store, "b", NOW - timedelta(hours=2), new=1, errors=1)
    run(store, "b", NOW - timedelta(hours=1), new=0, errors=1)
    assert assess(store, "a", 3, 4.0, 3600, NOW) == (FAILING, "3 failed runs in a row")
    assert assess(store, "a", 1, 4.0, 3600, NOW) == (FAILING, "1 failed run in a row")
    assert assess(store, "b", 3, 4.0, 3600, NOW)[0] == OK
    store.close()
