"""Source locks: one crawl of a source at a time, across threads of one daemon, processes, and a
daemon's death."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from crawler.store.locks import held_fds, source_locks


def test_two_daemon_jobs_in_threads_do_not_share_a_source_lock(tmp_path: Path) -> None:
    """Two jobs naming the same source run in two threads of one daemon: the second finds it busy,
    even though the same process holds it."""
    db = tmp_path / "ww.db"
    found: list[tuple[list[str], list[str]]] = []
    with source_locks(db, ["vna", "bernama"]) as (mine, busy):
        assert (mine, busy) == (["vna", "bernama"], [])

        def other_job() -> None:
            with source_locks(db, ["vna", "kyodo"]) as taken:
                found.append(taken)

        thread = threading.Thread(target=other_job)
        thread.start()
        thread.join()
        # The same thread asking again (the CLI holds it, then its spider asks) already holds it.
        with source_locks(db, ["vna"]) as again:
            assert again == (["vna"], [])
    assert found == [(["kyodo"], ["vna"])]
    with source_locks(db, ["vna"]) as after:
        assert after == (["vna"], [])


def test_a_lock_handed_to_a_child_lasts_as_long_as_the_child(tmp_path: Path) -> None:
    db = tmp_path / "ww.db"
    with source_locks(db, ["vna"]) as (mine, _):
        assert mine == ["vna"]
        child = subprocess.Popen(
            [sys.executable, "-c", "import sys; sys.stdin.read()"],
            stdin=subprocess.PIPE,
            pass_fds=held_fds(db, ["vna"]),
        )
    try:
        with source_locks(db, ["vna"]) as (mine, busy):
            assert (mine, busy) == ([], ["vna"]), "the lock ended with its first holder"
    finally:
        child.communicate(b"", timeout=10)
    with source_locks(db, ["vna"]) as (mine, busy):
        assert (mine, busy) == (["vna"], [])
