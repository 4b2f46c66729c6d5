"""Process accounting shared by the benchmarks: children in /proc, subreaping, and their CPU
time."""

from __future__ import annotations

import ctypes
import os
import resource
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Proc:
    """One line of the process table: a pid is reused, so (pid, start) names a process."""

    pid: int
    state: str  # R, S, D, Z (a zombie: dead, not yet reaped)...
    ppid: int
    pgid: int
    sid: int
    start: int  # clock ticks after boot


def process_table() -> dict[int, Proc]:
    """Every process in /proc, from /proc/<pid>/stat (fields after the parenthesised name)."""
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            proc = Proc(
                int(name),
                fields[0],
                int(fields[1]),
                int(fields[2]),
                int(fields[3]),
                int(fields[19]),
            )
        except (OSError, ValueError, IndexError):
            continue  # gone between listdir and open
        table[proc.pid] = proc
    return table


def children_of(pid: int) -> list[int]:
    """Live processes whose parent is pid."""
    return [p.pid for p in process_table().values() if p.ppid == pid]


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


CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_at_exit(pid: int) -> tuple[float, float]:
    """Wait for child pid to exit, leaving it unreaped, and return (its own CPU seconds, CPU seconds
    of the children it reaped): a zombie's /proc stat still holds both, which wait4 adds up."""
    os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
    with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime, stime, cutime, cstime are fields 14-17 of the line, 12-15 after the name
    return (int(fields[11]) + int(fields[12])) / CLK_TCK, (
        int(fields[13]) + int(fields[14])
    ) / CLK_TCK


def children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime
