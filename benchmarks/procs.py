"""Process accounting shared by the benchmarks: children in /proc, subreaping, and their CPU
time."""

from __future__ import annotations

import ctypes
import os
import resource
import time


def children_of(pid: int) -> list[int]:
    """Live processes whose parent is pid (read from /proc/<pid>/stat)."""
    kids = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid:
            kids.append(int(name))
    return kids


def become_subreaper(on: bool = True) -> bool:
    """Make orphaned descendants (a crawl's extraction pool outlives its main process) our children,
    so that reaping them adds their CPU time to RUSAGE_CHILDREN."""
    try:
        # 36 is PR_SET_CHILD_SUBREAPER
        return ctypes.CDLL(None, use_errno=True).prctl(36, 1 if on else 0, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def reap_orphans(keep: set[int], timeout: float = 10.0) -> tuple[int, float]:
    """Wait for every child of ours but `keep`, reaping it; (how many, their CPU seconds with their
    own reaped descendants)."""
    reaped, cpu = 0, 0.0
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kids = [k for k in children_of(os.getpid()) if k not in keep]
        if not kids:
            break
        for pid in kids:
            try:
                done, _, ru = os.wait4(pid, os.WNOHANG)
            except ChildProcessError:
                continue
            if done:
                reaped += 1
                cpu += ru.ru_utime + ru.ru_stime
        time.sleep(0.05)
    return reaped, cpu


def children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime
