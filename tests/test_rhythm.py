"""Schedules that scale: each source of an `every` crawl job on its own fixed grid, spread over the
interval, batched into crawl processes, and backing off while it is quiet. The plan's arithmetic
first, then the daemon as a real process against a local feed server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime
from itertools import pairwise
from pathlib import Path

import pytest

from crawler.config import ConfigError, load_config, load_schedules
from crawler.config.model import Job
from crawler.daemon.rhythm import History, current_interval, nearest_slot, offset, plan
from tests.conftest import query, run_wirewatch, write_config
from tests.httpserver import LocalServer
from tests.test_daemon import site, start_daemon, stop, wait_for

ROOT = Path(__file__).resolve().parents[1]


def crawl_job(every: float, sources: tuple[str, ...] = ("vna",), **extra: float) -> Job:
    return Job(
        id="s:crawl:0",
        kind="crawl",
        every=every,
        cron=None,
        timezone="UTC",
        jitter=0.0,
        sources=sources,
        **extra,  # type: ignore[arg-type]
    )


# -- the plan --------------------------------------------------------------------------------------


def test_offsets_are_the_same_in_every_process_and_spread_over_the_interval() -> None:
    """A source keeps its place after a restart (no per-process hash), and 100 sources of one job
    are spread: at most a quarter of them within any 5 s of a minute."""
    names = [f"agency-{i:03d}" for i in range(100)]
    here = [offset(n, 60) for n in names]
    code = f"from crawler.daemon.rhythm import offset\nprint([offset(n, 60) for n in {names!r}])"
    other = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        check=True,
    )
    assert json.loads(other.stdout) == here
    assert all(0 <= o < 60 for o in here)
    busiest = max(sum(1 for o in here if (o - start) % 60 < 5) for start in here)
    assert busiest <= 25, busiest
    assert len({round(o) for o in here}) > 40  # not a few clumps


def test_a_late_start_does_not_move_the_next_poll() -> None:
    """The next slot is one interval after the slot the last poll stood for, however late that poll
    started: the grid does not drift; the daemon's memory and a restart agree."""
    job = crawl_job(60.0)
    off = offset("vna", 60)
    slot = off + 1000 * 60
    late = History(last_start=slot + 17.0, first_start=slot - 600)
    now = slot + 20.0
    after_restart = plan(job, "vna", late, now)
    remembered = plan(job, "vna", late, now, dispatched=slot)
    assert after_restart.slot == remembered.slot == slot + 60
    assert after_restart.start_at == slot + 60 and not after_restart.overdue
    assert nearest_slot(slot - 8.0, 60, off) == slot  # a batch started it a little early


def test_a_source_overdue_is_polled_once_now_then_back_on_its_grid() -> None:
    """After an hour down, the source is due at once, once: the poll stands for the slot nearest
    now, so the next is one interval later, not a burst of the missed ones."""
    job = crawl_job(60.0)
    off = offset("vna", 60)
    slot = off + 1000 * 60
    history = History(last_start=slot + 1, first_start=slot - 600)
    now = slot + 3600 + 5
    due = plan(job, "vna", history, now)
    assert due.overdue and due.start_at == now
    again = plan(job, "vna", history, now + 1, dispatched=due.slot)
    assert again.start_at > now + 30 and not again.overdue
    never = plan(job, "vna", History(), now)
    assert never.first and never.start_at == now


def test_a_quiet_source_backs_off_to_its_bound_and_returns_after_news() -> None:
    """The interval is a quarter of the quiet time in whole `every`s, between `every` and
    `max_every`; without `max_every` it never changes."""
    job = crawl_job(60.0, max_every=900.0)
    now = 100_000.0
    at = {
        quiet: current_interval(job, History(last_new=now - quiet), now)
        for quiet in (0, 200, 480, 1200, 3600, 86400)
    }
    assert at == {0: 60, 200: 60, 480: 120, 1200: 300, 3600: 900, 86400: 900}
    never_new = History(first_start=now - 7200)  # a source that never brought an article
    assert current_interval(job, never_new, now) == 900
    assert current_interval(crawl_job(60.0), History(last_new=now - 86400), now) == 60
    odd = crawl_job(60.0, max_every=150.0)  # the bound, rounded down to the grid
    assert current_interval(odd, History(last_new=now - 86400), now) == 120


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ('every = "1m"\nmax_every = "30s"', "field 'max_every': must be at least every (1m)"),
        ('cron = "* * * * *"\nmax_every = "1h"', "field 'max_every': needs every"),
        ('every = "1m"\nbatch = "31s"', "field 'batch': must be more than zero and at most half"),
        ('every = "1m"\nbatch = "soon"', "field 'batch': 'soon' is not a duration"),
    ],
)
def test_bad_rhythm_keys_are_config_errors(tmp_path: Path, keys: str, message: str) -> None:
    cfg = write_config(
        tmp_path / "c.toml", '[[sources]]\nname = "vna"\nkind = "feed"\nurls = ["http://x.org/"]\n'
    )
    schedules = tmp_path / "schedules"
    schedules.mkdir()
    (schedules / "s.toml").write_text(f'[[crawl]]\nsources = ["vna"]\n{keys}\n', "utf-8")
    with pytest.raises(ConfigError) as err:
        load_schedules(schedules, load_config(str(cfg)))
    assert f"s.toml: crawl[0], {message}" in str(err.value)


# -- the daemon ------------------------------------------------------------------------------------

# Three sources whose places in an interval of 20 s lie 6.6 to 6.8 s apart (6.0, 12.6, 19.3 s).
SPREAD = ("xinhua", "kyodo", "bssb")


def feeds(tmp_path: Path, server: LocalServer, names: tuple[str, ...], schedule: str) -> tuple:
    site(server, 1)
    sources = "".join(
        f'[[sources]]\nname = "{n}"\nkind = "feed"\nurls = ["{server.url("/feed.xml")}?{n}"]\n'
        for n in names
    )
    cfg = write_config(tmp_path / "c.toml", sources)
    schedules = tmp_path / "schedules"
    schedules.mkdir()
    (schedules / "s.toml").write_text(schedule, "utf-8")
    return cfg, tmp_path / "ww.db", schedules, tmp_path / "daemon.log"


def starts(db: Path) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for source, started in query(db, "SELECT source, started_at FROM crawl_runs ORDER BY id"):
        out.setdefault(source, []).append(datetime.fromisoformat(started).timestamp())
    return out


def crawls(log: Path) -> dict[str, list[float]]:
    """When the daemon started a crawl process for each source, from its log lines (a crawl's own
    start, in crawl_runs, waits for the process to start, which takes seconds on a busy machine)."""
    out: dict[str, list[float]] = {}
    for line in log.read_text("utf-8").splitlines():
        head, sep, names = line.partition(": crawling ")
        if sep:
            at = datetime.fromisoformat(head.split()[0]).timestamp()
            for name in names.split(", "):
                out.setdefault(name, []).append(at)
    return out


def test_sources_are_polled_at_their_own_places_on_a_grid_that_survives_a_restart(
    tmp_path: Path, server: LocalServer
) -> None:
    """After the first poll (all at start), each source is polled at its own place in the 20 s
    interval, in a crawl process of its own, round after round without drifting, and at the same
    places after a restart."""
    cfg, db, schedules, log = feeds(
        tmp_path, server, SPREAD, '[[crawl]]\nsources = ["*"]\nevery = "20s"\nbatch = "1s"\n'
    )
    for rounds in (2, 3):  # then a restart
        proc = start_daemon(cfg, db, schedules, log)
        try:
            wait_for(lambda n=rounds: min(map(len, starts(db).values()), default=0) >= n, 150)
        finally:
            code, err = stop(proc)
        assert code == 0, err
    started = crawls(log)
    assert sorted(started) == sorted(SPREAD)
    for source, times in started.items():
        assert len(times) >= 3, (source, times)
        off = offset(source, 20)
        for t in times[1:]:
            # At its own slot: at most 1 s early (the batch), a little late (a busy machine), or
            # skipped while its last crawl still ran (never a start between slots).
            assert -1.5 <= (t - off + 1.5) % 20 - 1.5 <= 3, (source, (t - off) % 20)
        gaps = [b - a for a, b in pairwise(times[1:])]
        assert all(round(g / 20) >= 1 for g in gaps), (source, gaps)  # never twice in a slot
    # Each in a crawl process of its own: no two sources started together after the first poll.
    later = sorted((t, source) for source, times in started.items() for t in times[1:])
    closest = min(b[0] - a[0] for a, b in pairwise(later) if a[1] != b[1])
    assert closest > 3, closest
    assert len(starts(db)["xinhua"]) >= 3  # the crawls ran
    text = log.read_text("utf-8")
    assert "3 sources not polled before: first poll now" in text
    assert "3 sources spread over 20s" in text  # the restart found them on the grid


def test_a_quiet_source_backs_off_and_comes_back_when_it_publishes(
    tmp_path: Path, server: LocalServer
) -> None:
    """Polled every second while it has news; quiet, it is polled less often, up to `max_every`
    (status shows the interval); after a new article, every second again."""
    cfg, db, schedules, log = feeds(
        tmp_path,
        server,
        ("vna",),
        '[[crawl]]\nsources = ["vna"]\nevery = "1s"\nmax_every = "6s"\n',
    )
    args = ("--config", str(cfg), "--db", str(db), "status", "--schedules", str(schedules))

    def interval() -> str:
        status = run_wirewatch(*args)
        line = next(row for row in status.stdout.splitlines() if row.startswith("vna"))
        return line.split()[8]

    def with_news() -> int:
        """Finished runs that stored a new article."""
        return int(query(db, "SELECT COUNT(*) FROM crawl_runs WHERE new_articles > 0")[0][0])

    proc = start_daemon(cfg, db, schedules, log)
    try:
        wait_for(lambda: with_news() == 1, 60)
        fresh = interval()
        wait_for(lambda: interval() == "6s", 120, every=2.0)  # each check is a `status` process
        seen = time.time()
        wait_for(lambda: sum(t > seen for t in crawls(log).get("vna", [])) >= 2, 90)
        site(server, 2)
        wait_for(lambda: with_news() == 2, 90)
        back = interval()
    finally:
        code, err = stop(proc)
    assert code == 0, err
    assert fresh in ("1s", "2s"), fresh  # it just published
    quiet = [t for t in crawls(log)["vna"] if t > seen]
    assert quiet[1] - quiet[0] >= 5, quiet  # backed off to 6 s
    assert back in ("1s", "2s"), back  # and back after its news
